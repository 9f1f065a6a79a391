"""The date grammar alone: text and anchor to a TIMEX3 value, and a public spec's pass rate."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.dates import calendar as cal
from pipeline.dates.rules import NO_ANCHOR, normalize
from tests.conftest import SHARED

SPECS = SHARED / "data" / "recognizers-specs"
SEED_DAY = "2017-08-23"  # a Wednesday


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), [
    ("last month", "2017-01-10", None, "2016-12"),
    ("March", "2017-01-10", "past", "2016-03"),
    ("March", "2017-01-10", "future", "2017-03"),
    ("February", "2017-01-10", "past", "2017-02"),
    ("Dec. 30", "2017-01-02", None, "2016-12-30"),
    ("Jan. 3", "2016-12-29", None, "2017-01-03"),
    ("Friday", SEED_DAY, "past", "2017-08-18"),
    ("Friday", SEED_DAY, "future", "2017-08-25"),
    ("last Wednesday", SEED_DAY, None, "2017-08-16"),
    ("a year ago", SEED_DAY, None, "2016"),
    ("three weeks ago", SEED_DAY, None, "2017-W31"),
    ("10 days ago", SEED_DAY, None, "2017-08-13"),
    ("earlier this month", SEED_DAY, None, "2017-08"),
    ("the first quarter", SEED_DAY, "future", "2017-Q1"),
    ("fiscal 1988", SEED_DAY, None, "1988"),
    ("the early 1980s", SEED_DAY, None, "198"),
    ("Christmas", "2017-01-05", "past", "2016-12-25"),
    ("Easter", "2018-01-05", "future", "2018-04-01"),
    ("noon Friday", SEED_DAY, "past", "2017-08-18T12:00"),
    ("10:35 a.m.", SEED_DAY, None, "2017-08-23T10:35"),
    ("December", "1998-04-18", None, "1997-12"),
    ("April", "1998-12-05", None, "1999-04"),
    ("midnight", SEED_DAY, None, "2017-08-23T24:00"),
])
def test_normalize(text: str, anchor: str, tense: cal.Tense, expected: str) -> None:
    assert normalize(text, anchor, tense).value == expected


def test_normalize_never_reads_the_clock() -> None:
    assert normalize("yesterday", None).value is None
    assert normalize("yesterday", None).unresolved == NO_ANCHOR
    assert normalize("yesterday", date(2001, 3, 1)).value == "2001-02-28"


def test_spelled_numbers_and_years() -> None:
    assert cal.spelled_year("nineteen ninety-six") == 1996
    assert cal.spelled_year("two thousand one") == 2001
    assert cal.number("twenty-five") == 25
    assert cal.number("several") is None


def _spec_cases() -> list[tuple[str, str, list[str]]]:
    """Single-date cases of the Recognizers-Text date-time spec: (text, reference, answers)."""
    path = SPECS / "DateTimeModel.json"
    if not path.exists():
        pytest.skip("recognizers-specs not available (../shared absent)")
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        results = case.get("Results") or []
        ref = (case.get("Context") or {}).get("ReferenceDateTime")
        if len(results) != 1 or results[0].get("TypeName") != "datetimeV2.date" or not ref:
            continue
        answers = [v.get("value") for v in results[0]["Resolution"]["values"]]
        cases.append((results[0]["Text"], ref[:10], [a for a in answers if a]))
    return cases


def test_recognizers_spec_dates_pass_rate() -> None:
    """Single dates of a public spec: floors on what we recognize and on resolving it right.

    Many of the spec's forms are chat-style (``oct/2``, ``monday 21``) rather than news
    style, so coverage is low by design; what the grammar recognizes must resolve right.
    """
    cases = _spec_cases()
    recognized = [(ref, answers, normalize(text, ref).value) for text, ref, answers in cases]
    recognized = [case for case in recognized if case[2] is not None]
    right = sum(value in answers for _, answers, value in recognized)
    assert len(cases) > 150
    assert len(recognized) / len(cases) >= 0.25
    assert right / len(recognized) >= 0.88
