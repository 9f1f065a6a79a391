"""Outputs: one article's output that cannot be written is that article's error, not the run's."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest

from pipeline.contract import ArticleResult
from pipeline.run.job import JobSpec, run_job
from pipeline.run.outputs import Mode, OutputSpec, render
from pipeline.run.runner import Settings
from pipeline.run.write import dumps


def with_infinite_quantity(result: ArticleResult) -> ArticleResult:
    """The seed's result with one quantity valued infinity, as an overflowing stage would give."""
    annotations = result.annotations
    bad = replace(annotations.quantities[0], value=float("inf"))
    claims = tuple(replace(claim, quantities=(bad,)) for claim in result.claims)
    return ArticleResult(replace(annotations, quantities=(bad,)), claims)


@pytest.mark.parametrize("mode", ["claims", "annotations"])  # ClaimReview carries no values
def test_an_unwritable_value_is_an_error_naming_the_article(
    seed_result: ArticleResult, mode: Mode
) -> None:
    rendered = render(with_infinite_quantity(seed_result), OutputSpec(mode))
    assert rendered.lines == () and rendered.claims == 0
    assert rendered.error is not None
    assert rendered.error.article_id == seed_result.article.id
    assert rendered.error.origin == seed_result.article.origin
    assert rendered.error.reason.startswith("cannot write this article's output: ValueError")


@pytest.mark.parametrize(("record", "expected"), [
    ({"text": "plain"}, '{"text":"plain"}'),
    ({"text": "café €5"}, '{"text":"café €5"}'),
    # A lone surrogate cannot be UTF-8: the line is written with escapes instead.
    ({"id": "x\udbcb", "text": "é"}, '{"id":"x\\udbcb","text":"\\u00e9"}'),
])
def test_dumps_writes_one_utf8_line(record: dict[str, str], expected: str) -> None:
    line = dumps(record)
    assert line == expected
    line.encode("utf-8")
    assert json.loads(line) == record


def test_dumps_refuses_infinity() -> None:
    with pytest.raises(ValueError, match="Out of range float"):
        dumps({"value": float("inf")})


@pytest.mark.parametrize("mode", get_args(Mode))
def test_a_400_digit_number_costs_no_article(tmp_path: Path, mode: Mode) -> None:
    stories = [
        ("first", "Exports rose 5% to $3 billion in 2016, officials said."),
        ("huge", "The debt reached 1" + "0" * 400 + " dollars, the ministry said on Monday."),
        ("last", "Imports fell 2% to $1 billion in 2015, the agency said."),
    ]
    corpus = tmp_path / "three.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": t, "published": "2017-01-02"}) + "\n"
                for i, t in stories),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    counts = run_job(JobSpec(inputs=(str(corpus),), output=str(out), mode=mode,
                             settings=Settings(batch_size=3)))
    assert (counts.articles_in, counts.articles_done, counts.errors) == (3, 3, 0)
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)
