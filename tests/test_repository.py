"""Repository hygiene: no text of the outside evaluation data is copied into the project."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED

WINDOW = 45  # characters, tried every STRIDE: any shared run of 59 or more is found
STRIDE = 15


def _normalized(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace('\\"', '"'))


def _literals(path: Path) -> list[tuple[int, str]]:
    """The long string literals of a Python file, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, _normalized(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and len(node.value) >= WINDOW
    ]


def test_no_test_or_code_text_is_copied_from_the_evaluation_data() -> None:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"{data} is absent")
    corpus = _normalized(
        "\n".join(
            path.read_text(encoding="utf-8", errors="ignore")
            for path in sorted(data.rglob("*"))
            if path.is_file() and path.stat().st_size < 50_000_000
        )
    )
    copied = []
    for folder in ("tests", "pipeline", "scripts"):
        for path in sorted((ROOT / folder).glob("*.py")):
            for line, text in _literals(path):
                windows = (text[i : i + WINDOW] for i in range(0, len(text) - WINDOW + 1, STRIDE))
                if any(window in corpus for window in windows):
                    copied.append(f"{path.relative_to(ROOT)}:{line}")
    assert copied == []
