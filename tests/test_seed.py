"""The seed article end to end, against the foundation issue's acceptance list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.contract import ArticleResult
from tests.conftest import ROOT, SEED

TEXT = SEED.read_text(encoding="utf-8")


def span_of(fragment: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the n-th occurrence of ``fragment`` in the seed text."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def test_offsets_point_into_the_text_as_read(seed_result: ArticleResult) -> None:
    a = seed_result.annotations
    mentions = [*a.entities, *a.quantities, *a.dates]
    assert mentions
    for mention in mentions:
        assert TEXT[mention.start : mention.end] == mention.text
    for claim in seed_result.claims:
        assert TEXT[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    ("text", "kind", "value", "currency"),
    [
        ("0.03 percent", "percent", 0.03, None),
        ("$43.5 billion", "money", 43.5e9, "USD"),
        ("$42.3 billion", "money", 42.3e9, "USD"),
        ("US$27.7 billion", "money", 27.7e9, "USD"),
        ("S$37.7 billion", "money", 37.7e9, "SGD"),
        ("$16.2 billion", "money", 16.2e9, "USD"),
        ("$1.74 billion", "money", 1.74e9, "USD"),
    ],
)
def test_quantities(
    seed_result: ArticleResult, text: str, kind: str, value: float, currency: str | None
) -> None:
    start, end = span_of(text)
    found = [q for q in seed_result.annotations.quantities if (q.start, q.end) == (start, end)]
    assert len(found) == 1, [q.text for q in seed_result.annotations.quantities]
    (quantity,) = found
    assert (quantity.kind, quantity.currency) == (kind, currency)
    assert quantity.value == pytest.approx(value, rel=1e-9)


def test_years_are_dates_not_quantities(seed_result: ArticleResult) -> None:
    texts = {q.text for q in seed_result.annotations.quantities}
    assert not texts & {"2011", "2016"}


def test_the_two_currencies_are_one_amount(seed_result: ArticleResult) -> None:
    quantities = seed_result.annotations.quantities
    sgd = next(q for q in quantities if q.text == "S$37.7 billion")
    assert sgd.equivalent_of is not None
    assert quantities[sgd.equivalent_of].text == "US$27.7 billion"


@pytest.mark.parametrize(
    ("fragment", "occurrence", "value"),
    [
        ("2011", 0, "2011"),
        ("2016", 0, "2016"),
        ("previous year", 0, "2016"),
        ("last month", 0, "2017-07"),
        ("5 years ago", 0, "2012"),
        ("August 22", 0, "2017-08-22"),
        ("Tuesday", 1, "2017-08-22"),  # "said Tuesday": the Tuesday before publication
    ],
)
def test_dates(seed_result: ArticleResult, fragment: str, occurrence: int, value: str) -> None:
    start, end = span_of(fragment, occurrence)
    found = [d for d in seed_result.annotations.dates if d.start <= start and end <= d.end]
    assert [d.value for d in found] == [value], found


@pytest.mark.parametrize(
    ("text", "labels", "canonical"),
    [
        ("Robert Lighthizer", {"PERSON"}, "Robert Lighthizer"),
        ("Kim Hyun-chong", {"PERSON"}, "Kim Hyun-chong"),
        ("Kim", {"PERSON"}, "Kim Hyun-chong"),
        ("KORUS", {"AGREEMENT"}, None),
        ("The Wall Street Journal", {"ORG"}, "The Wall Street Journal"),
        ("Korea Trade International Association", {"ORG"}, None),
    ],
)
def test_entities(
    seed_result: ArticleResult, text: str, labels: set[str], canonical: str | None
) -> None:
    found = [e for e in seed_result.annotations.entities if e.text.removeprefix("the ") == text]
    assert found, text
    assert {e.label for e in found} <= labels
    if canonical is not None:
        assert {e.canonical for e in found} == {canonical}


def test_united_states_has_one_canonical_name(seed_result: ArticleResult) -> None:
    names = {"U.S.", "US", "USA", "United States", "the United States"}
    canonical = {e.canonical for e in seed_result.annotations.entities if e.text in names}
    assert len(canonical) == 1


def attribution_with(seed_result: ArticleResult, fragment: str):  # type: ignore[no-untyped-def]
    start, end = span_of(fragment)
    found = [
        a
        for a in seed_result.annotations.attributions
        if a.content.start <= start and end <= a.content.end
    ]
    assert len(found) == 1, (fragment, found)
    return found[0]


def test_kims_quote(seed_result: ArticleResult) -> None:
    quote = attribution_with(seed_result, "I think it's better")
    assert quote.direct and quote.source is not None
    assert quote.source.text == "Kim" and quote.speaker == "Kim Hyun-chong"
    assert quote.content.text.rstrip('"').endswith("win-win")


def test_role_speaker_is_linked_to_the_person_with_that_title(seed_result: ArticleResult) -> None:
    found = attribution_with(seed_result, "Seoul will not discuss renegotiation")
    assert found.source is not None and found.source.text == "South Korea's top trade negotiator"
    assert found.role == "South Korea's top trade negotiator"
    assert found.speaker == "Kim Hyun-chong" and found.speaker_confidence == 0.5


def test_quote_attributed_to_he(seed_result: ArticleResult) -> None:
    quote = attribution_with(seed_result, "The U.S. needs South Korea's cooperation")
    assert quote.direct and quote.source is not None and quote.source.text == "he"
    assert quote.speaker_confidence is None or quote.speaker_confidence < 1


def test_the_report_said(seed_result: ArticleResult) -> None:
    reported = attribution_with(seed_result, "fell 0.03 percent")
    assert reported.source is not None and reported.source.text == "the report"
    assert not reported.direct


def test_official_with_data_origin(seed_result: ArticleResult) -> None:
    reported = attribution_with(seed_result, "vehicle exports to the United States")
    assert reported.source is not None and reported.source.text == "a trade ministry official"
    assert reported.evidence is not None
    assert "Korea Trade International Association" in reported.evidence.text


def claim_covering(seed_result: ArticleResult, fragment: str):  # type: ignore[no-untyped-def]
    start, end = span_of(fragment)
    return [c for c in seed_result.claims if c.start <= start and end <= c.end]


@pytest.mark.parametrize(
    ("fragment", "types"),
    [
        ("fell 0.03 percent from $43.5 billion", {"change"}),
        ("US$27.7 billion (S$37.7 billion)", {"statistic", "comparison"}),
        (
            "vehicle exports to the United States stood at $16.2 billion",
            {"statistic", "comparison"},
        ),
        ("I think it's better that we maintain the agreement", {"quote"}),
        ("The U.S. needs South Korea's cooperation", {"quote"}),
        (
            "saying last month that it would not necessarily renegotiate",
            {"attributed_statement", "prediction"},
        ),
    ],
)
def test_expected_claims(seed_result: ArticleResult, fragment: str, types: set[str]) -> None:
    found = claim_covering(seed_result, fragment)
    assert found, fragment
    assert {c.type for c in found} & types


def test_no_claims_from_boilerplate_or_byline(seed_result: ArticleResult) -> None:
    for fragment in ("Tal Afar", "Adam Floyd", "South Korea rejects 'one-sided'"):
        start, end = span_of(fragment)
        assert not [c for c in seed_result.claims if c.start < end and start < c.end], fragment
        assert not [e for e in seed_result.annotations.entities if e.start < end and start < e.end]


def test_inconsistent_percent_change_is_flagged(seed_result: ArticleResult) -> None:
    (claim,) = claim_covering(seed_result, "fell 0.03 percent")
    (check,) = [c for c in claim.checks if c.kind == "percent_change"]
    assert check.consistent is False
    assert check.stated == pytest.approx(-0.03)
    assert check.computed == pytest.approx(-2.76)


def test_extract_twice_is_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for run in range(2):
        target = tmp_path / f"claims{run}.jsonl"
        subprocess.run(
            [
                str(Path(sys.executable).parent / "claims"),
                "extract",
                str(SEED),
                "-o",
                str(target),
                "--workers",
                "1",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env={
                "PYTHONHASHSEED": str(run),
                "PATH": "/usr/bin:/bin",
                "TZ": ["UTC", "Asia/Seoul"][run],
            },
        )
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") >= 6


def test_readme_example_matches_the_pipeline(seed_result: ArticleResult) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = re.search(r'"text":"(The value of USA goods[^"]+)"', readme)
    where = re.search(r'"start":(\d+),"end":(\d+),"type":"(\w+)"', readme)
    assert text and where
    claim = next(c for c in seed_result.claims if c.text == text.group(1))
    assert (claim.start, claim.end, claim.type) == (int(where.group(1)), int(where.group(2)),
                                                    where.group(3))
