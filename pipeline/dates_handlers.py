"""Value handlers of the date grammar: from a rule's matched groups to a TIMEX3 value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from pipeline import dates_calendar as cal
from pipeline.dates_calendar import Context

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


def _rel(anchor: date | None, body: Callable[[date], Value | None]) -> Value | None:
    """Run ``body`` on the anchor, or say why a relative value cannot be computed."""
    if anchor is None:
        return Value(None, relative=True, unresolved=NO_ANCHOR)
    out = body(anchor)
    return None if out is None else replace(out, relative=True)


def _year(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else cal.spelled_year(text) or 0


def _month(text: str) -> int:
    return int(W["months"][text.lower().rstrip(".")])


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _direction(rel: str | None) -> int:
    rel = " ".join((rel or "").lower().split())
    if rel in ("last", "past", "this past", "the past", "the previous", "previous", "the prior",
               "prior"):
        return -1
    if rel in ("next", "coming", "the coming", "this coming", "the following", "following",
               "the next"):
        return 1
    return 0


def h_time(g: dict[str, str | None], ctx: Context) -> Value | None:
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
    clock = f"T{hour:02d}:{minute:02d}"
    if g["dayref"]:
        from pipeline.dates_normalize import normalize  # the grammar imports these handlers

        day = normalize(g["dayref"], ctx.anchor, ctx.tense)
        if day.value is None or len(day.value) != 10:
            return day if day.value is None else None
        return Value(day.value + clock, "TIME", day.relative)
    if ctx.ref_day is not None:
        # a bare clock time is on the day the story last named
        return Value(cal.ymd(ctx.ref_day) + clock, "TIME", relative=True)
    return _rel(ctx.anchor, lambda a: Value(cal.ymd(a) + clock, "TIME"))


def h_mdy(g: dict[str, str | None], ctx: Context) -> Value | None:
    month, day = _month(g["month"] or ""), _day(g["day"] or "")
    if g["year"]:
        try:
            return Value(cal.ymd(date(_year(g["year"]), month, day)))
        except ValueError:
            return None

    def body(a: date) -> Value | None:
        step = _direction(g.get("rel"))
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
    return _rel(ctx.anchor, body)


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
        return Value(cal.ym(_year(g["year"]), month))
    rel = g["rel"] or g["rel2"]

    def body(a: date) -> Value:
        if g["rel2"]:
            year = a.year + _direction(g["rel2"])
        elif rel:
            step = _direction(rel)
            year = a.year
            # "last February" in March is a year back: the month just gone is "last month"
            if step < 0 and (month >= a.month or (rel.lower() == "last" and month == a.month - 1)):
                year -= 1
            elif step > 0 and month <= a.month:
                year += 1
        else:
            year = cal.month_year(a, month, None, ctx.tense)
        return Value(cal.ym(year, month))
    return _rel(ctx.anchor, body)


def h_year(g: dict[str, str | None], ctx: Context) -> Value | None:
    year = _year(g["year"] or "")
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


def _quarter_shift(q: tuple[int, int], delta: int) -> tuple[int, int]:
    total = q[0] * 4 + q[1] - 1 + delta
    return total // 4, total % 4 + 1


def h_quarter_ord(g: dict[str, str | None], ctx: Context) -> Value | None:
    # "the first two quarters of 1990" is the year's first half
    unit = "half" if g.get("two") else (g["unit"] or "").lower()
    word = (g["ord"] or g.get("two") or "").lower()
    n = 2 if unit == "half" and word in ("last", "final") else int(W["ordinals"][word])
    if unit == "half" and (n > 2 or not (g["y1"] or g["y2"] or g["rely"] or g["rely2"])):
        return None  # "the first half" alone is as often a match or a book as a half-year
    code = f"H{n}" if unit == "half" else f"Q{n}"
    explicit = g["y1"] or g["y2"]
    if explicit:
        return Value(f"{_year(explicit):04d}-{code}")
    rely = g["rely"] or g["rely2"]

    def body(a: date) -> Value:
        if rely:
            return Value(f"{a.year + _direction(rely):04d}-{code}")
        first_month = (n - 1) * (6 if unit == "half" else 3) + 1
        year = a.year
        if first_month > a.month and ctx.tense != "future":
            year -= 1
        if g.get("ya"):  # "the year-ago third quarter"
            year -= 1
        return Value(f"{year:04d}-{code}")
    return _rel(ctx.anchor, body)


def h_quarter_rel(g: dict[str, str | None], ctx: Context) -> Value | None:
    if g["yq"]:
        year = _year(g["yq"])
        quarter = ctx.ref_quarter[1] if ctx.ref_quarter else None
        if quarter is None and (g["unit"] or "").lower() == "quarter" and ctx.anchor:
            # "the 1988 quarter", none named yet: the last one closed before publication
            quarter = _quarter_shift(cal.quarter_of(ctx.anchor), -1)[1]
        return Value(cal.quarter_value(year, quarter), relative=True) if quarter else Value(
            f"{year:04d}")
    adj = " ".join((g["adj"] or "").lower().replace("-", " ").split())
    unit = (g["unit"] or "").lower()
    if unit == "period" and ctx.ref_quarter is None and adj not in ("latest", "most recent"):
        return None

    def body(a: date) -> Value | None:
        now = cal.quarter_of(a)
        ref = ctx.ref_quarter or _quarter_shift(now, -1)
        if adj in ("latest", "most recent", "recent", "that"):
            q = ref
        elif adj == "current":
            q = now
        elif adj == "this":
            q = ctx.ref_quarter or now
        elif adj in ("previous", "prior", "past", "last"):
            q = _quarter_shift(ctx.ref_quarter, -1) if ctx.ref_quarter else _quarter_shift(now, -1)
        elif adj in ("next", "coming"):
            q = _quarter_shift(now, 1)
        elif adj in ("same", "comparable", "corresponding"):
            q = _quarter_shift(ref, -4) if g["ly"] else ref
        else:
            q = _quarter_shift(ref, -4)
        return Value(cal.quarter_value(*q))
    return _rel(ctx.anchor, body)


def h_quarter_bare(g: dict[str, str | None], ctx: Context) -> Value | None:
    if ctx.ref_quarter is None:
        return None
    shift = -4 if g["ly"] else 0
    return Value(cal.quarter_value(*_quarter_shift(ctx.ref_quarter, shift)), relative=True)


def h_year_earlier(g: dict[str, str | None], ctx: Context) -> Value | None:
    if ctx.ref_quarter is not None:
        return Value(cal.quarter_value(*_quarter_shift(ctx.ref_quarter, -4)), relative=True)
    return _rel(ctx.anchor, lambda a: Value(f"{a.year - 1:04d}"))


def h_season(g: dict[str, str | None], ctx: Context) -> Value | None:
    code = W["seasons"][(g["season"] or "").lower()]
    if g["year"]:
        return Value(f"{_year(g['year']):04d}-{code}")
    rel = " ".join((g["rel"] or "").lower().split()) or ("the" if g.get("the") else "")
    if rel == "":
        return None
    if rel == "the":
        rel = "this past" if ctx.tense == "past" else "this"
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]

    def body(a: date) -> Value:
        step = _direction(rel)
        year = a.year
        if rel == "this past" and start <= a.month:
            pass
        elif step < 0 and start + 3 > a.month:
            year -= 1
        elif step > 0 and start <= a.month:
            year += 1
        return Value(f"{year:04d}-{code}")
    return _rel(ctx.anchor, body)


def h_rel_unit(g: dict[str, str | None], ctx: Context) -> Value | None:
    rel = " ".join((g["rel"] or "").lower().split())
    unit = " ".join((g["unit"] or "").lower().split()).replace("fiscal ", "").replace(
        "calendar ", "")
    step = _direction(rel)
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
    return _rel(ctx.anchor, body)


def h_year_end(g: dict[str, str | None], ctx: Context) -> Value | None:
    unit = (g["unit"] or g["unit2"] or "year").lower()
    back = " ".join((g["which"] or "").split()) == "latest fiscal"

    def body(a: date) -> Value:
        if unit == "month":
            return Value(cal.ym(a.year, a.month))
        return Value(f"{a.year - back:04d}")
    return _rel(ctx.anchor, body)


def h_ago(g: dict[str, str | None], ctx: Context) -> Value | None:
    unit = (g["unit"] or "").lower()
    direction = (g["dir"] or "").lower()
    back = direction in ("ago", "earlier", "before")
    n = cal.number(g["num"] or "")
    if n is None:
        return _rel(ctx.anchor, lambda a: Value("PAST_REF" if back else "FUTURE_REF"))
    k = -n if back else n

    def body(a: date) -> Value | None:
        if unit == "year":
            if n == 1 and direction != "ago" and ctx.ref_quarter:
                return Value(cal.quarter_value(*_quarter_shift(ctx.ref_quarter, 4 * k)))
            if n == 1 and ctx.ref_quarter and direction == "ago":
                return Value(cal.quarter_value(*_quarter_shift(ctx.ref_quarter, 4 * k)))
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
            return Value(cal.quarter_value(*_quarter_shift(cal.quarter_of(a), k)))
        return None
    return _rel(ctx.anchor, body)


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
    return _rel(ctx.anchor, body)


def h_weekday(g: dict[str, str | None], ctx: Context) -> Value | None:
    weekday = int(W["weekdays"][(g["wd"] or "").lower()])
    said = " ".join((g["rel"] or "").lower().split())
    step = _direction(said)
    rel = "this" if said == "this" else "next" if step > 0 else "last" if step < 0 else None
    pod = (g["pod"] or "").lower()

    # "down 4.5% from the previous Friday": counted from the day the story last named
    anaphoric = said in ("the previous", "the following") and ctx.ref_day is not None

    def body(a: date) -> Value:
        base = ctx.ref_day if anaphoric and ctx.ref_day is not None else a
        value = cal.ymd(cal.weekday_near(base, weekday, ctx.tense, rel))
        if pod:
            return Value(value + "T" + W["parts_of_day"][pod], "TIME")
        return Value(value)
    return _rel(ctx.anchor, body)


def h_ref(g: dict[str, str | None], ctx: Context) -> Value | None:
    key = " ".join((g["ref"] or "").lower().split())
    return Value(str(W["refs"][key]))


def h_holiday(g: dict[str, str | None], ctx: Context) -> Value | None:
    name = " ".join((g["hol"] or "").lower().replace("’", "'").split())
    if g["year"]:
        day = cal.holiday(name, _year(g["year"]))
        return Value(cal.ymd(day)) if day else None
    rel = g["rel"]

    def body(a: date) -> Value | None:
        day = cal.holiday(name, a.year)
        if day is None:
            return None
        step = _direction(rel)
        if (step < 0 or (not rel and ctx.tense != "future")) and day > a:
            day = cal.holiday(name, a.year - 1) or day
        elif (step > 0 or (not rel and ctx.tense == "future")) and day < a:
            day = cal.holiday(name, a.year + 1) or day
        return Value(cal.ymd(day))
    return _rel(ctx.anchor, body)


def h_duration(g: dict[str, str | None], ctx: Context) -> Value | None:
    unit = (g["unit"] or "").lower()
    code = W["units"][unit if unit != "centurie" else "century"]
    n = cal.number(g["num"] or "") if g["num"] else None
    amount = "X" if n is None else str(n)
    if code in ("H", "MIN"):
        return Value(f"PT{amount}{code[0]}", "DURATION")
    return Value(f"P{amount}{code}", "DURATION")
