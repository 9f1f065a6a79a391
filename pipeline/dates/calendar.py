"""Calendar arithmetic and TIMEX3 value formatting for the dates stage (no clock, no timezone)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Literal

from pipeline.assets import MODELS_DIR

WORDS_PATH = MODELS_DIR / "date_words.json"

Tense = Literal["past", "present", "future"] | None


@cache
def words() -> dict[str, Any]:
    """The date word lists (months, weekdays, numbers...), loaded once."""
    data: dict[str, Any] = json.loads(WORDS_PATH.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression resolves against: the anchor date, tense and earlier mentions."""

    anchor: date | None
    tense: Tense = None
    ref_year: int | None = None  # the last explicit year mentioned in the sentence
    ref_quarter: tuple[int, int] | None = None  # the last (year, quarter) mentioned in the text
    ref_day: date | None = None  # the last explicit day mentioned in the text
    ref_month: tuple[int, int] | None = None  # the last (year, month) mentioned in the text


def parse_anchor(published: str | None) -> date | None:
    """The publication date as a ``date`` (``None`` when absent or malformed)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    total = year * 12 + month - 1 + delta
    return total // 12, total % 12 + 1


def ymd(day: date) -> str:
    return day.isoformat()


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_of(day: date) -> str:
    """ISO week value such as ``2017-W34``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_shift(q: tuple[int, int], delta: int) -> tuple[int, int]:
    """``(year, quarter)`` moved by ``delta`` quarters."""
    total = q[0] * 4 + q[1] - 1 + delta
    return total // 4, total % 4 + 1


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def shift_days(day: date, delta: int) -> date:
    return day + timedelta(days=delta)


def weekday_near(anchor: date, weekday: int, tense: Tense, rel: str | None = None) -> date:
    """The ``weekday`` meant relative to ``anchor``: before it in past tense, after in future.

    ``rel`` is ``last``/``next``/``this`` when the text says so; otherwise the publication
    day itself counts (``said Wednesday`` in a Wednesday story is that day) and an
    unmarked tense looks back, since news mostly reports what happened.
    """
    delta = weekday - anchor.weekday()
    if rel in ("next", "this coming", "coming"):
        return anchor + timedelta(days=delta % 7 or 7)
    if rel in ("last", "this past", "past"):
        return anchor - timedelta(days=(-delta) % 7 or 7)
    if rel == "this":
        return anchor + timedelta(days=delta)
    if tense == "future":
        return anchor + timedelta(days=delta % 7)
    return anchor - timedelta(days=(-delta) % 7)


def month_year(anchor: date, month: int, day: int | None, tense: Tense) -> int:
    """The year of an unmarked ``March`` or ``March 5``.

    A bare month follows the tense (``in March`` in January is last March only in the
    past tense, and never when it is the next month); without one it is the nearest within
    four months. A day of the month is the nearest one when within about three months, as
    news dates mostly are; else the tense decides. Otherwise: the publication year.
    """
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append((date(year, month, day or 15), year))
        except ValueError:
            continue
    if not options:
        return anchor.year
    nearest_day, nearest = min(options, key=lambda o: (abs((o[0] - anchor).days), o[1]))
    # "the summit in April" in a December story is next April
    months_away = abs((nearest_day.year - anchor.year) * 12 + nearest_day.month - anchor.month)
    close = months_away <= 4 if day is None else abs((nearest_day - anchor).days) <= 92
    if day is None and tense == "past":
        # the month after publication is the coming one even in a past-tense report ("said it
        # would decide in March" in February): a story would say "last March" for the other
        return anchor.year - 1 if month > anchor.month + 1 else anchor.year
    if day is None and tense == "future":
        return anchor.year + 1 if month < anchor.month else anchor.year
    if close:
        return nearest
    if tense == "past":
        return max(y for d, y in options if d <= anchor)
    if tense == "future":
        return min(y for d, y in options if d >= anchor)
    return anchor.year


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month (``n = -1`` for the last)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> date | None:
    """The date of a named holiday in ``year``."""
    rule = words()["holidays"].get(name)
    if rule is None:
        return None
    if rule == "easter":
        return easter(year)
    if rule == "thanksgiving":
        return nth_weekday(year, 11, 3, 4)
    if rule == "labor":
        return nth_weekday(year, 9, 0, 1)
    if rule == "memorial":
        return nth_weekday(year, 5, 0, -1)
    if rule == "election":
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    month, day = (int(part) for part in str(rule).split("-"))
    return date(year, month, day)


def number(text: str) -> int | None:
    """An integer from digits or English number words (``twenty-five``); ``None`` if vague."""
    text = text.lower().strip()
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    table: dict[str, int] = words()["numbers"]
    if text in table:
        return table[text]
    total = 0
    for part in text.replace("-", " ").split():
        if part not in table or part in ("a", "an"):
            return None
        total += table[part]
    return total or None


def spelled_year(text: str) -> int | None:
    """``nineteen ninety-six`` -> 1996, ``two thousand one`` -> 2001."""
    parts = text.lower().replace("-", " ").replace(" and ", " ").split()
    if parts[:2] == ["two", "thousand"]:
        tail = number(" ".join(parts[2:])) if parts[2:] else 0
        return None if tail is None else 2000 + tail
    if not parts or parts[0] not in ("nineteen", "eighteen", "twenty"):
        return None
    century = number(parts[0])
    rest_words = parts[1:]
    if rest_words[:1] == ["hundred"]:
        rest: int | None = 0
    elif rest_words[:1] == ["oh"]:
        rest = number(" ".join(rest_words[1:]))
    else:
        rest = number(" ".join(rest_words))
    if century is None or rest is None or rest >= 100:
        return None
    return century * 100 + rest
