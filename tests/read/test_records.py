"""JSON records: hostile values are per-record errors, and claim records are recognised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read.reader import ClaimInput, read_inputs, read_items

STORY = "Copper stocks in London warehouses fell 2,300 tonnes, the exchange said."
GOOD = json.dumps({"id": "good", "text": STORY})


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "s1", "text": "Steel \\udbcb output rose 3%."}',
         "field 'text' holds a lone surrogate \\udbcb at character 6"),
        ('{"id": "\\udc00x", "text": "Steel output rose 3%."}',
         "field 'id' holds a lone surrogate \\udc00 at character 0"),
        ('{"text": "Steel output rose 3%.", "title": "A \\ud83d"}',
         "field 'title' holds a lone surrogate \\ud83d"),
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
        ('{"text": ' + "[" * 5000 + "]" * 5000 + "}", "JSON nested too deeply"),
        ('{"id": ' + "9" * 5000 + ', "text": "x"}', "malformed JSON: Exceeds the limit"),
        ('{"text": "Output rose.\\u0000"}\x00', "binary file"),
    ],
)
def test_hostile_values_cost_their_record_only(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(f"{GOOD}\n{line}\n{GOOD}\n".encode("utf-8", "surrogatepass"))
    first, bad, last = read_inputs([str(path)])
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(bad, ArticleError) and bad.origin == f"{path}:2"
    assert bad.reason.startswith(reason), bad.reason


def test_a_pair_of_surrogates_is_one_character_and_fine(tmp_path: Path) -> None:
    path = tmp_path / "emoji.jsonl"
    path.write_text('{"id": "e", "text": "Sales rose \\ud83d\\ude00 5%."}\n', encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == "Sales rose \U0001f600 5%."


CLAIM = {
    "schema": "claim/1", "claim_id": "c1", "article_id": "wire-9", "published": "2019-05-02",
    "text": STORY, "start": 0, "end": len(STORY), "type": "statistic", "entities": [],
    "quantities": [], "dates": [], "attribution": None, "checks": [],
    "checkworthiness": 0.5, "claim_key": None,
}


def test_claim_records_are_refused_as_articles_and_offered_to_export(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    broken = {**CLAIM, "start": "first"}
    path.write_text("\n".join(json.dumps(r) for r in (CLAIM, broken)) + "\n", encoding="utf-8")
    refused, unreadable = read_inputs([str(path)])
    assert isinstance(refused, ArticleError) and refused.article_id == "wire-9"
    assert refused.reason.startswith("a claim/1 record (a claims file), not an article")
    assert "claims export" in refused.reason
    assert isinstance(unreadable, ArticleError) and "cannot be read" in unreadable.reason
    offered, _ = read_items([str(path)])
    assert isinstance(offered, ClaimInput) and offered.origin == f"{path}:1"
    assert (offered.claim.claim_id, offered.claim.text) == ("c1", STORY)


def test_an_empty_jsonl_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_bytes(b"\n  \n")
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ArticleError) and error.reason == "empty file: no records"
