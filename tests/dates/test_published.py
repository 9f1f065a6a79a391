"""Publication dates in the forms archives write, validated, never read against the clock."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipeline.contract import Article
from pipeline.dates.published import BadPublished, parse_published
from pipeline.errors import ArticleError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-08-22", "2017-08-22"),
        ("  2017-08-22 ", "2017-08-22"),
        ("2017-08-22T10:00:00Z", "2017-08-22"),
        ("1987-02-26 15:01:01.79", "1987-02-26"),
        ("Tue, 22 Aug 2017 10:00:00 GMT", "2017-08-22"),
        # The day the publisher printed: a zone in the value is not converted to another.
        ("Tue, 22 Aug 2017 23:30:00 -0500", "2017-08-22"),
        ("2017-08-22T23:30:00+09:00", "2017-08-22"),
        ("Aug. 22, 2017", "2017-08-22"),
        ("Friday, July 21, 2017", "2017-07-21"),
        ("22 August 2017", "2017-08-22"),
        ("Sat. 3 Sept. 2016", "2016-09-03"),
        ("tuesday, aug 22 2017", "2017-08-22"),
        ("September 18 , 2008", "2008-09-18"),
        ("08/22/2017", "2017-08-22"),
        ("1000-01-01", "1000-01-01"),
        ("9999-12-31", "9999-12-31"),
    ],
)
def test_readable_dates(value: str, expected: str) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2017-13-45", "not a real calendar date"),
        ("0000-00-00", "not a real calendar date"),
        ("2017-02-30", "not a real calendar date"),
        ("0001-01-01", "outside the years 1000-9999"),
        ("0999-12-31", "outside the years 1000-9999"),
        # Nothing is filled in from today: a relative word or a missing part is no date.
        ("yesterday", "is not a date"),
        ("3 days ago", "is not a date"),
        ("August 2017", "is not a date"),
        ("July 21", "is not a date"),
        ("1503396000", "is not a date"),
        ("Feb 30, 2017", "not a real calendar date"),
        ("Smarch 3, 2017", "is not a date"),
        ("x" * 100, "is not a date"),
    ],
)
def test_unreadable_or_impossible_dates_name_the_field(value: str, why: str) -> None:
    with pytest.raises(BadPublished) as raised:
        parse_published(value, field="published")
    assert why in str(raised.value) and "'published'" in str(raised.value)


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati", "America/Anchorage"])
def test_the_machines_time_zone_does_not_matter(
    monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert parse_published("Aug 22, 2017 11:30 pm") == "2017-08-22"
        assert parse_published("Tue, 22 Aug 2017 01:00:00 +0900") == "2017-08-22"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_records_are_read_and_checked(tmp_path: Path) -> None:
    from pipeline.read.reader import read_inputs

    rows = [
        {"id": "rfc", "text": "Rates held.", "published": "Tue, 22 Aug 2017 10:00:00 GMT"},
        {"id": "bad", "text": "Rates held.", "published": "2017-13-45"},
        # Used to fail in the dates stage with an OverflowError on "last week".
        {"id": "early", "text": "Rates held last week.", "published": "0001-01-01"},
        {"id": "none", "text": "Rates held."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article) and items[0].published == "2017-08-22"
    assert isinstance(items[1], ArticleError) and "'published'" in items[1].reason
    assert items[1].origin.endswith("in.jsonl:2")
    assert isinstance(items[2], ArticleError) and "1000-9999" in items[2].reason
    assert isinstance(items[3], Article) and items[3].published is None


def test_the_default_date_is_read_as_a_record_is_whoever_passes_it(tmp_path: Path) -> None:
    # The Python API hands its `published` to the reader unchecked; the reader reads it.
    from pipeline.read.reader import read_inputs

    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Rates held."}) + "\n", encoding="utf-8")
    (item,) = read_inputs([str(path)], default_published="Aug. 22, 2017")
    assert isinstance(item, Article) and item.published == "2017-08-22"
    with pytest.raises(BadPublished, match="default published"):
        list(read_inputs([str(path)], default_published="2017-02-30"))
