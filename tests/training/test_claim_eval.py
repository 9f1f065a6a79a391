"""Claim-level evaluation: which numbers a claim must cover, flags and average precision."""

from __future__ import annotations

import pytest

from pipeline.contract import Claim, DateMention, QuantityMention
from pipeline.training.checkworthiness import Example
from pipeline.training.claim_eval import claim_level, coverage, nested, numbers_in, wordless


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Fares rose 12% to $3.40 in 2021.", ["12", "3.40", "2021"]),
        ("Eight ferries sailed twenty-two times.", ["Eight", "twenty-two"]),
        ("Opened on March 3, 1998 with 1,200 beds.", ["3", "1998", "1,200"]),
        # numbers inside names are not quantities
        ("The A-320 and the Boeing 747 flew over I-80.", []),
        ("Cases of SARS-CoV-2 and COVID-19 rose in the G20.", []),
        ("In 1990 the plant closed.", ["1990"]),
        # one written figure is one number: space-grouped thousands, a slash fraction or date
        ("About 640 000 pupils sat; a 1/2048 share; paid on 3/14/2019.",
         ["640 000", "1/2048", "3/14/2019"]),
        # slash names and "one" as a pronoun count nothing; "one of six" counts both
        ("After 9/11 it ran 24/7; no one knew; one of the aims.", []),
        ("It is one of only six such towns.", ["one", "six"]),
    ],
)
def test_numbers_that_must_be_covered(text: str, numbers: list[str]) -> None:
    assert [text[s:e] for s, e in numbers_in(text)] == numbers


def _claim(text: str, score: float, **fields: object) -> Claim:
    return Claim("c", "a", text, 0, len(text), "statistic", checkworthiness=score, **fields)  # type: ignore[arg-type]


def test_a_sentence_is_flagged_by_any_claim_and_ranked_by_its_best() -> None:
    examples = [Example(1, "a", 1), Example(2, "b", 0), Example(3, "c", 1)]
    found: list[tuple[Claim, ...]] = [(_claim("a", 0.2), _claim("a", 0.9)), (), ()]
    metrics = claim_level(examples, found)
    assert (metrics.precision, metrics.recall) == (1.0, 0.5)
    # ranked 1 (0.9), then the two without a claim at 0 in input order: AP = (1 + 2/3) / 2
    assert metrics.average_precision == pytest.approx((1 + 2 / 3) / 2)


def test_coverage_counts_numbers_under_a_quantity_or_a_date() -> None:
    text = "Fares rose 12% in 2021."
    twelve = QuantityMention(11, 14, "12%", "percent", 12.0, "percent")
    year = DateMention(18, 22, "2021", "2021")
    found: list[tuple[Claim, ...]] = [(_claim(text, 0.5, quantities=(twelve,)),), ()]
    result = coverage([text, "Nothing in 2020."], found)
    assert (result.articles, result.with_claim, result.numbers, result.covered) == (2, 1, 3, 1)
    both = coverage([text], [(_claim(text, 0.5, quantities=(twelve,), dates=(year,)),)])
    assert both.covered == both.numbers == 2


def test_wordless_and_nested_claims() -> None:
    text = '"We sold 40 boats," she said.'
    whole = Claim("w", "a", text, 0, len(text), "quote")
    inner = Claim("i", "a", text[:19], 0, 19, "quote")
    mark = Claim("m", "a", '"', 0, 1, "quote")
    elsewhere = Claim("e", "b", text[:19], 0, 19, "quote")
    assert wordless([whole, inner, mark]) == [mark]
    assert nested([whole, inner, mark, elsewhere]) == [inner]


def test_quantemp_claims_checked_for_a_number_reach_the_queue() -> None:
    """Issue 16's target: a claim for at least 98% of QuanTemp dev (numbers or times checked)."""
    from pipeline.training.claim_eval import load_quantemp, run_pipeline
    from tests.conftest import shared_path

    claims = load_quantemp(shared_path("data", "quantemp-dev", "claims.jsonl"))
    found = run_pipeline([(c.id, c.text) for c in claims])
    result = coverage([c.text for c in claims], found)
    assert result.with_claim >= 0.98 * result.articles, result.line()
