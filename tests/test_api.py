"""The Python API: light to import, the same claims as the command, the README's example runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline import api
from pipeline.cli import app
from tests.conftest import ROOT

RECORDS: list[str | dict[str, Any]] = [
    {"id": "mill-3", "text": "Paper output at the mill fell 4 percent to 880 tonnes in 2015, "
                             "the owners said.", "published": "2016-01-20", "title": "Mill"},
    "Bus fares will rise by 20 cents next month, the transit board said on Friday.",
    {"id": "no-text", "title": "An empty record"},
    {"id": "dated-badly", "text": "Fees rose 2 percent.", "published": "next week"},
]


def test_import_loads_no_model() -> None:
    code = "import sys, pipeline; print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_extract_gives_what_the_command_gives(tmp_path: Path) -> None:
    errors: list[dict[str, Any]] = []
    claims = list(pipeline.extract(RECORDS, published="2016-05-02", errors=errors))
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"text": r} if isinstance(r, str) else r) + "\n"
                              for r in RECORDS), encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--workers", "1",
                                 "--published", "2016-05-02"])
    assert result.exit_code == 1, result.output
    expected = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert claims == expected and {c["article_id"] for c in claims} >= {"mill-3"}
    assert [(e["origin"], e["article_id"]) for e in errors] == [
        ("record 3", None), ("record 4", None)]
    assert "'published' is not a date" in errors[1]["reason"]


def test_annotate_yields_one_record_per_article_and_loads_the_model_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api.runner_for.cache_clear()
    records = list(pipeline.annotate(RECORDS[:2]))
    assert records[0]["id"] == "mill-3" and len(records) == 2
    assert records[0]["quantities"][0]["text"] == "4 percent"
    with caplog.at_level("WARNING", logger="pipeline"):
        assert list(pipeline.annotate(RECORDS[2:3])) == []
    assert "record 1: record has no non-empty string field 'text'" in caplog.text
    assert api.runner_for.cache_info().misses == 1


def test_a_record_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a string or a mapping"):
        list(pipeline.extract([42]))  # type: ignore[list-item]


def test_the_readme_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    done = subprocess.run([sys.executable, "-c", match.group(1)], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    lines = done.stdout.splitlines()
    assert lines[0] == "port-7 change [('6 percent', 6.0), ('2.1 million tonnes', 2100000.0)]"
    assert lines[-1] == "errors: []" and any("'40,000'" in line for line in lines)
