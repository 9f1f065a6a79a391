"""Publication dates as archives write them, read without the clock or the machine's time zone."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any

from pipeline.errors import Messages

# A date a story can have been published on; outside, the calendar arithmetic of relative
# dates (a week before 0001-01-01) overflows, and no archive holds such a story.
FIRST_YEAR, LAST_YEAR = 1000, 9999
# ISO dates and stamps, by far the commonest, are read without dateparser (~1-20 ms a value).
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}\S*)?")
# Written dates as news prints them (``Friday, July 21, 2017``, ``21 July 2017``), also direct.
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
} | {"sept": 9}
WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*,?\s+)?"
WRITTEN = re.compile(
    WEEKDAY
    + r"(?:(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})\s*,?\s+"
    + r"|(?P<day2>\d{1,2})\s+(?P<month2>[a-z]+)\.?\s*,?\s+)(?P<year>\d{4})",
    re.IGNORECASE,
)
LONGEST = 64
# dateparser reads RFC 822 feed dates, ISO 8601 stamps and written dates. These settings keep it
# from consulting the clock or the time zone: every part must be written (none is filled from
# today), no relative words ("yesterday"), a fixed base, and a naive result (a zone in the value
# is not converted, so the day is the one the publisher printed, on any machine).
DATEPARSER_SETTINGS: dict[str, Any] = {
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "MDY",
    "PREFER_LOCALE_DATE_ORDER": False,
}


class BadPublished(ValueError):
    """A publication date that cannot be read or cannot be; the message says which and why."""


def parse_published(value: str, field: str = "published") -> str:
    """``value`` as ``YYYY-MM-DD``; raises ``BadPublished`` naming ``field`` when it is no date."""
    text = value.strip()
    parts = _direct(text)
    if parts is not None:
        try:
            day = date(*parts)
        except ValueError as error:
            raise BadPublished(
                Messages.IMPOSSIBLE_PUBLISHED.format(field=field, value=value, why=error)
            ) from None
    else:
        parsed = _dateparser(text) if len(text) <= LONGEST else None
        if parsed is None:
            raise BadPublished(Messages.BAD_PUBLISHED.format(field=field, value=value))
        day = parsed.date()
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadPublished(
            Messages.PUBLISHED_RANGE.format(
                field=field, value=value, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return day.isoformat()


def _direct(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of an ISO or plainly written date, without dateparser."""
    iso = ISO.fullmatch(text)
    if iso:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    written = WRITTEN.fullmatch(text)
    if written:
        month = MONTHS.get((written.group("month") or written.group("month2")).lower())
        if month is not None:
            day = written.group("day") or written.group("day2")
            return int(written.group("year")), month, int(day)
    return None


def _dateparser(text: str) -> datetime | None:
    """dateparser's reading of ``text`` with the fixed settings (imported on first use)."""
    import dateparser  # about 0.6 s to import; most inputs never need it

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):  # e.g. a year dateparser itself cannot hold
        return None
    return parsed if isinstance(parsed, datetime) else None
