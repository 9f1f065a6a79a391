"""Value handlers of the date grammar: from a rule's matched groups to a TIMEX3 value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from pipeline.dates import calendar as cal
from pipeline.dates.calendar import Context

NO_ANCHOR = "no publication date"


@dataclass(frozen=True, slots=True)
class Value:
    """A normalized value; ``relative`` when it needed the anchor to be computed."""

    value: str | None
    type: str = "DATE"
    relative: bool = False
    unresolved: str | None = None


Handler = Callable[[dict[str, str | None], Context], Value | None]


W = cal.words()


def from_anchor(anchor: date | None, body: Callable[[date], Value | None]) -> Value | None:
    """Run ``body`` on the anchor, or say why a relative value cannot be computed."""
    if anchor is None:
        return Value(None, relative=True, unresolved=NO_ANCHOR)
    out = body(anchor)
    return None if out is None else replace(out, relative=True)


def year_of(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else cal.spelled_year(text) or 0


def _month(text: str) -> int:
    return int(W["months"][text.lower().rstrip(".")])


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def direction(rel: str | None) -> int:
    rel = " ".join((rel or "").lower().split())
    if rel in ("last", "past", "this past", "the past", "the previous", "previous", "the prior",
               "prior"):
        return -1
    if rel in ("next", "coming", "the coming", "this coming", "the following", "following",
               "the next"):
        return 1
    return 0


def clock_of(g: dict[str, str | None]) -> str | None:
    """The matched clock time as TIMEX3 writes it after a day (``T15:30``), or None if invalid."""
    if g["noon"]:
        # TIMEX3 writes midnight as 24:00, the end of the day it is named with ("midnight Friday")
        hour, minute = (24, 0) if g["noon"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(g["h"] or 0), int(g["mi"] or 0)
        ap = (g["ap"] or "").lower()
        pod = (g["pod2"] or "").lower()
        if hour > 12 or minute > 59:
            return None
        if ap.startswith("p") or pod in ("afternoon", "evening", "night"):
            hour = hour % 12 + 12
        elif ap.startswith("a") or pod == "morning":
            hour %= 12
    return f"T{hour:02d}:{minute:02d}"


def h_time(g: dict[str, str | None], ctx: Context) -> Value | None:
    """A clock time with no day beside it: on the day the story last named, else the anchor's."""
    clock = clock_of(g)
    if clock is None:
        return None
    if ctx.ref_day is not None:
        # a bare clock time is on the day the story last named
        return Value(cal.ymd(ctx.ref_day) + clock, "TIME", relative=True)
    return from_anchor(ctx.anchor, lambda a: Value(cal.ymd(a) + clock, "TIME"))


def h_mdy(g: dict[str, str | None], ctx: Context) -> Value | None:
    month, day = _month(g["month"] or ""), _day(g["day"] or "")
    if g["year"]:
        try:
            return Value(cal.ymd(date(year_of(g["year"]), month, day)))
        except ValueError:
            return None

    def body(a: date) -> Value | None:
        step = direction(g.get("rel"))
        if step < 0:  # "last Oct. 23": the latest one before publication
            year = a.year if (month, day) <= (a.month, a.day) else a.year - 1
        elif step > 0:
            year = a.year if (month, day) >= (a.month, a.day) else a.year + 1
        else:
            year = cal.month_year(a, month, day, ctx.tense)
        try:
            return Value(cal.ymd(date(year, month, day)))
        except ValueError:
            return None
    return from_anchor(ctx.anchor, body)


def h_iso(g: dict[str, str | None], ctx: Context) -> Value | None:
    year = int(g["y"] or 0)
    year += 1900 if year < 100 and year >= 30 else 2000 if year < 100 else 0
    try:
        return Value(cal.ymd(date(year, int(g["m"] or 0), int(g["d"] or 0))))
    except ValueError:
        return None


def h_month(g: dict[str, str | None], ctx: Context) -> Value | None:
    month = _month(g["month"] or "")
    if g["year"]:
        return Value(cal.ym(year_of(g["year"]), month))
    rel = g["rel"] or g["rel2"]

    def body(a: date) -> Value:
        if g["rel2"]:
            year = a.year + direction(g["rel2"])
        elif rel:
            step = direction(rel)
            year = a.year
            # "last February" in March is a year back: the month just gone is "last month"
            if step < 0 and (month >= a.month or (rel.lower() == "last" and month == a.month - 1)):
                year -= 1
            elif step > 0 and month <= a.month:
                year += 1
        else:
            year = cal.month_year(a, month, None, ctx.tense)
        return Value(cal.ym(year, month))
    return from_anchor(ctx.anchor, body)


def h_year(g: dict[str, str | None], ctx: Context) -> Value | None:
    year = year_of(g["year"] or "")
    return Value(f"{year:04d}") if year else None


def h_decade(g: dict[str, str | None], ctx: Context) -> Value | None:
    if g["dec"]:
        return Value(g["dec"][:3])
    if g["short"]:
        return Value(("19" if int(g["short"]) >= 30 else "20") + g["short"][0])
    digit = W["decade_words"][(g["word"] or "").lower()]
    return Value(f"19{digit}")


def h_century(g: dict[str, str | None], ctx: Context) -> Value | None:
    text = (g["n"] or "").lower()
    n = int(re.sub(r"\D", "", text)) if text[:1].isdigit() else int(W["ordinals"].get(text, 0))
    return Value(f"{n - 1:02d}") if n else None


def h_season(g: dict[str, str | None], ctx: Context) -> Value | None:
    code = W["seasons"][(g["season"] or "").lower()]
    if g["year"]:
        return Value(f"{year_of(g['year']):04d}-{code}")
    rel = " ".join((g["rel"] or "").lower().split()) or ("the" if g.get("the") else "")
    if rel == "":
        return None
    if rel == "the":
        rel = "this past" if ctx.tense == "past" else "this"
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]

    def body(a: date) -> Value:
        step = direction(rel)
        year = a.year
        if rel == "this past" and start <= a.month:
            pass
        elif step < 0 and start + 3 > a.month:
            year -= 1
        elif step > 0 and start <= a.month:
            year += 1
        return Value(f"{year:04d}-{code}")
    return from_anchor(ctx.anchor, body)


def h_rel_unit(g: dict[str, str | None], ctx: Context) -> Value | None:
    rel = " ".join((g["rel"] or "").lower().split())
    unit = " ".join((g["unit"] or "").lower().split()).replace("fiscal ", "").replace(
        "calendar ", "")
    step = direction(rel)
    anaphoric = rel in ("the previous", "previous", "the following", "following", "the same",
                        "that", "the prior", "the next")

    def body(a: date) -> Value | None:
        if unit == "year":
            base = ctx.ref_year if anaphoric and ctx.ref_year else a.year
            return Value(f"{base + step:04d}")
        if unit == "month":
            base_month = ctx.ref_month if anaphoric and ctx.ref_month else (a.year, a.month)
            return Value(cal.ym(*cal.shift_month(*base_month, step)))
        if unit in ("week", "weekend"):
            if rel == "the" and ctx.tense == "future":
                step_w = 1 if a.weekday() >= 5 else 0
            elif rel == "the":
                step_w = 0 if a.weekday() >= 5 else -1
            else:
                step_w = step
            suffix = "-WE" if unit == "weekend" else ""
            return Value(cal.week_of(cal.shift_days(a, 7 * step_w)) + suffix)
        if unit == "decade":
            return Value(f"{a.year // 10 + step:03d}")
        if unit == "century":
            return Value(f"{a.year // 100 + step:02d}")
        if unit == "day":
            base_day = ctx.ref_day or a
            return Value(cal.ymd(cal.shift_days(base_day, step)))
        return None
    if rel == "the" and unit != "weekend":
        return None
    if unit == "day" and (not anaphoric or (rel == "that" and ctx.ref_day is None)):
        return None  # "that day" with no day named before is generic ("trades made that day")
    return from_anchor(ctx.anchor, body)


def h_year_end(g: dict[str, str | None], ctx: Context) -> Value | None:
    unit = (g["unit"] or g["unit2"] or "year").lower()
    back = " ".join((g["which"] or "").split()) == "latest fiscal"

    def body(a: date) -> Value:
        if unit == "month":
            return Value(cal.ym(a.year, a.month))
        return Value(f"{a.year - back:04d}")
    return from_anchor(ctx.anchor, body)


def h_ago(g: dict[str, str | None], ctx: Context) -> Value | None:
    unit = (g["unit"] or "").lower()
    direction = (g["dir"] or "").lower()
    back = direction in ("ago", "earlier", "before")
    n = cal.number(g["num"] or "")
    if n is None:
        return from_anchor(ctx.anchor, lambda a: Value("PAST_REF" if back else "FUTURE_REF"))
    k = -n if back else n

    def body(a: date) -> Value | None:
        if unit == "year":
            if n == 1 and direction != "ago" and ctx.ref_quarter:
                return Value(cal.quarter_value(*cal.quarter_shift(ctx.ref_quarter, 4 * k)))
            if n == 1 and ctx.ref_quarter and direction == "ago":
                return Value(cal.quarter_value(*cal.quarter_shift(ctx.ref_quarter, 4 * k)))
            return Value(f"{a.year + k:04d}")
        if unit == "month":
            return Value(cal.ym(*cal.shift_month(a.year, a.month, k)))
        if unit == "week":
            return Value(cal.week_of(cal.shift_days(a, 7 * k)))
        if unit == "day":
            return Value(cal.ymd(cal.shift_days(a, k)))
        if unit == "decade":
            return Value(f"{(a.year + 10 * k) // 10:03d}")
        if unit == "quarter":
            return Value(cal.quarter_value(*cal.quarter_shift(cal.quarter_of(a), k)))
        return None
    return from_anchor(ctx.anchor, body)


def h_deictic(g: dict[str, str | None], ctx: Context) -> Value | None:
    word = (g["deict"] or g["rel"] or "").lower()
    pod = (g["pod"] or "").lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1 if pod == "night" else 0}.get(word, 0)
    if g["before"]:
        offset = -2 if "yesterday" in g["before"].lower() else 2

    def body(a: date) -> Value:
        value = cal.ymd(cal.shift_days(a, offset))
        if pod:
            return Value(value + "T" + W["parts_of_day"][pod], "TIME")
        return Value(value)
    if word == "last" and pod != "night":
        return None
    return from_anchor(ctx.anchor, body)


def h_weekday(g: dict[str, str | None], ctx: Context) -> Value | None:
    weekday = int(W["weekdays"][(g["wd"] or "").lower()])
    said = " ".join((g["rel"] or "").lower().split())
    step = direction(said)
    rel = "this" if said == "this" else "next" if step > 0 else "last" if step < 0 else None

    # "down 4.5% from the previous Friday": counted from the day the story last named
    anaphoric = said in ("the previous", "the following") and ctx.ref_day is not None

    def body(a: date) -> Value:
        base = ctx.ref_day if anaphoric and ctx.ref_day is not None else a
        # "Friday night" is valued as the day: news annotation (TimeBank, GUM) mostly tags the
        # weekday alone or gives it day precision; the part of day stays in the extent only
        return Value(cal.ymd(cal.weekday_near(base, weekday, ctx.tense, rel)))
    return from_anchor(ctx.anchor, body)


def h_ref(g: dict[str, str | None], ctx: Context) -> Value | None:
    key = " ".join((g["ref"] or "").lower().split())
    return Value(str(W["refs"][key]))


def h_holiday(g: dict[str, str | None], ctx: Context) -> Value | None:
    name = " ".join((g["hol"] or "").lower().replace("’", "'").split())
    # "Easter week": the week the holiday falls in, under way once its Monday has come
    week = g.get("week") is not None
    if g["year"]:
        day = cal.holiday(name, year_of(g["year"]))
        return Value(cal.week_of(day) if week else cal.ymd(day)) if day else None
    rel = g["rel"]

    def body(a: date) -> Value | None:
        day = cal.holiday(name, a.year)
        if day is None:
            return None
        step = direction(rel)
        start = cal.shift_days(day, -day.weekday()) if week else day
        if (step < 0 or (not rel and ctx.tense != "future")) and start > a:
            day = cal.holiday(name, a.year - 1) or day
        elif (step > 0 or (not rel and ctx.tense == "future")) and day < a:
            day = cal.holiday(name, a.year + 1) or day
        return Value(cal.week_of(day) if week else cal.ymd(day))
    return from_anchor(ctx.anchor, body)


def h_duration(g: dict[str, str | None], ctx: Context) -> Value | None:
    unit = (g["unit"] or "").lower()
    code = W["units"][unit if unit != "centurie" else "century"]
    n = cal.number(g["num"] or "") if g["num"] else None
    amount = "X" if n is None else str(n)
    if code in ("H", "MIN"):
        return Value(f"PT{amount}{code[0]}", "DURATION")
    return Value(f"P{amount}{code}", "DURATION")
