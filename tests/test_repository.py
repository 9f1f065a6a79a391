"""Repository hygiene: no text of the outside evaluation data is copied into the project."""

from __future__ import annotations

import ast
import html
import io
import json
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED, SHARED

FOLDERS = ("tests", "pipeline", "scripts")
WINDOW = 45  # characters, tried every STRIDE: any shared run of 59 or more is found
STRIDE = 15
BLOCK = 22  # the data is indexed by aligned blocks: a WINDOW-long match holds a whole one
WORDS = 8  # a run of this many words in common is a copy, even when paraphrased around it

TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # TimeML, GUM XML and Reuters SGML markup
# Split clitics the way the Penn Treebank does ("did n't", "Wednesday 's"), as some data is
CLITIC = re.compile(r"(?<=[^\W\d_])(n't|'(?:s|re|ve|ll|d|m))\b")
WORD = re.compile(r"n't|'(?:s|re|ve|ll|d|m)\b|[^\W\d_]+(?:'[^\W\d_]+)*")


def _normalized(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace('\\"', '"'))


def _words(text: str) -> list[str]:
    """Lower-cased words and clitics; numbers, punctuation and markup are left out."""
    text = html.unescape(TAG.sub(" ", text)).lower().replace("\u2019", "'")
    return WORD.findall(CLITIC.sub(r" \1", text))


def _grams(words: list[str]) -> Iterator[int]:
    return map(hash, zip(*(words[i:] for i in range(WORDS)), strict=False))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _data_file(path: Path) -> Iterator[str]:
    """The texts of one data file: JSON decoded (escapes would split words), markup dropped."""
    raw = path.read_text(encoding="utf-8-sig", errors="ignore")
    if path.suffix in (".json", ".jsonl"):
        chunks = [raw] if path.suffix == ".json" else raw.splitlines()
        for chunk in chunks:
            try:
                yield from _strings(json.loads(chunk))
            except ValueError:
                yield chunk
    else:
        yield TAG.sub("", raw)


@pytest.fixture(scope="session")
def data_texts() -> list[str]:
    """Every text of ../shared/data, read once."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"{data} is absent")
    return [
        text
        for path in sorted(data.rglob("*"))
        if path.is_file() and path.stat().st_size < 50_000_000
        for text in _data_file(path)
    ]


@pytest.fixture(scope="session")
def sources() -> list[tuple[str, str]]:
    """The string literals and comments of the project's Python files, with their places."""
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            where = path.relative_to(ROOT)
            found += [
                (f"{where}:{node.lineno}", node.value)
                for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            ]
            found += [
                (f"{where}:{token.start[0]}", token.string)
                for token in tokenize.generate_tokens(io.StringIO(source).readline)
                if token.type == tokenize.COMMENT
            ]
    return found


def test_no_test_or_code_text_is_copied_from_the_evaluation_data(
    data_texts: list[str], sources: list[tuple[str, str]]
) -> None:
    corpus = _normalized("\n".join(data_texts))
    blocks = {hash(corpus[i : i + BLOCK]) for i in range(0, len(corpus), BLOCK)}

    def shared(window: str) -> bool:
        # the block index rules most windows out; a slow exact search confirms the rest
        candidates = (window[i : i + BLOCK] for i in range(WINDOW - BLOCK + 1))
        return any(hash(block) in blocks for block in candidates) and window in corpus

    copied = []
    for where, value in sources:
        text = _normalized(value)
        windows = (text[i : i + WINDOW] for i in range(0, len(text) - WINDOW + 1, STRIDE))
        # a ruler of dashes in a comment is not text
        if any(sum(c.isalpha() for c in w) > WINDOW // 2 and shared(w) for w in windows):
            copied.append(where)
    assert not copied, "copied from ../shared/data: " + ", ".join(copied)


def test_no_test_or_code_text_shares_a_run_of_words_with_the_evaluation_data(
    data_texts: list[str], sources: list[tuple[str, str]]
) -> None:
    """Close paraphrases slip under the character windows; eight words in a row do not."""
    grams: set[int] = set()
    for text in data_texts:
        grams.update(_grams(_words(text)))
    if SEED.exists():  # the seed article may be quoted (it is in corpus/)
        grams.difference_update(_grams(_words(SEED.read_text(encoding="utf-8"))))
    copied = []
    for where, value in sources:
        words = _words(value)
        hits = [gram in grams for gram in _grams(words)]
        for i, hit in enumerate(hits):
            if hit and (i == 0 or not hits[i - 1]):
                end = next((j for j in range(i, len(hits)) if not hits[j]), len(hits))
                copied.append(f"{where}: {' '.join(words[i : end + WORDS - 1])}")
    assert not copied, "runs shared with ../shared/data:\n" + "\n".join(copied)
