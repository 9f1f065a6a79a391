"""The date grammar: patterns that find temporal expressions and turn them into TIMEX3 values."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from pipeline import dates_calendar as cal
from pipeline.dates_calendar import Context, Tense

NO_ANCHOR = "no publication date"


@dataclass(frozen=True, slots=True)
class Value:
    """A normalized value; ``relative`` when it needed the anchor to be computed."""

    value: str | None
    type: str = "DATE"
    relative: bool = False
    unresolved: str | None = None


Handler = Callable[[dict[str, str | None], Context], Value | None]


def _alt(items: list[str]) -> str:
    """A regex alternation, longest first so ``this past`` wins over ``this``."""
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in sorted(items, key=len, reverse=True))


W = cal.words()
MONTH = r"(?:(?:" + _alt([k for k in W["months"] if len(k) > 3 or k == "may"]) + r")|(?:" + _alt(
    [k for k in W["months"] if len(k) <= 4 and k != "may"]) + r")\.?)(?![\w])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
SPELLED = (r"(?:(?:nineteen|eighteen)[\s-]+(?:hundred|oh[\s-]+\w+|(?:twenty|thirty|forty|fifty|sixty"
           r"|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
           r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
           r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)")
YEAR = (r"(?:(?<![\d$€£.,/:])(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\s*(?:percent|per\s+cent))|"
        + SPELLED + r")")
WD = _alt(list(W["weekdays"]))
NUMW = (r"(?:\d{1,3}(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
        + _alt([k for k in W["numbers"] if k not in ("a", "an")] + W["vague_numbers"]) + ")")
UNIT = r"(?P<unit>year|month|week|day|decade|centur(?:y|ie)|quarter|hour|minute)s?"
MOD = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)"
REL = r"(?:this\s+past|this\s+coming|the\s+coming|last|this|next|past|coming)"
TZ = _alt(W["timezones"])
DAYREF = (r"(?:today|yesterday|tomorrow|tonight|(?:" + WD + r")|(?:" + MONTH + r")\s+" + DAY
          + r"(?:,?\s+" + YEAR + r")?)")
POD = _alt(list(W["parts_of_day"]))
QADJ = (r"(?:that|latest|current|most\s+recent|recent|previous|prior|past|last|next|coming|same"
        r"|comparable|corresponding|year-earlier|year-ago|year\s+earlier|year\s+ago|prior-year"
        r"|year-before|this)")


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
        hour, minute = (0, 0) if g["noon"].lower() == "midnight" else (12, 0)
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
            if step < 0 and month >= a.month:
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
    unit = (g["unit"] or "").lower()
    word = (g["ord"] or "").lower()
    n = 2 if unit == "half" and word in ("last", "final") else int(W["ordinals"][word])
    if unit == "half" and n > 2:
        return None
    code = f"H{n}" if unit == "half" else f"Q{n}"
    explicit = g["y1"] or g["y2"]
    if explicit:
        return Value(f"{_year(explicit):04d}-{code}")
    rely = g["rely"] or g["rely2"]

    def body(a: date) -> Value:
        if rely:
            return Value(f"{a.year + _direction(rely):04d}-{code}")
        first_month = (n - 1) * (6 if unit == "half" else 3) + 1
        last_month = first_month + (5 if unit == "half" else 2)
        year = a.year
        if first_month > a.month and ctx.tense != "future":
            year -= 1
        return Value(f"{year:04d}-{code}")
    return _rel(ctx.anchor, body)


def h_quarter_rel(g: dict[str, str | None], ctx: Context) -> Value | None:
    if g["yq"]:
        year = _year(g["yq"])
        if ctx.ref_quarter is None:
            return Value(f"{year:04d}")
        return Value(cal.quarter_value(year, ctx.ref_quarter[1]), relative=True)
    adj = " ".join((g["adj"] or "").lower().replace("-", " ").split())
    unit = (g["unit"] or "").lower()
    if unit == "period" and ctx.ref_quarter is None:
        return None

    def body(a: date) -> Value | None:
        now = cal.quarter_of(a)
        ref = ctx.ref_quarter or _quarter_shift(now, -1)
        if adj in ("latest", "most recent", "recent", "that"):
            q = ref
        elif adj in ("current", "this"):
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
    return Value(cal.quarter_value(*ctx.ref_quarter), relative=True)


def h_year_earlier(g: dict[str, str | None], ctx: Context) -> Value | None:
    if ctx.ref_quarter is not None:
        return Value(cal.quarter_value(*_quarter_shift(ctx.ref_quarter, -4)), relative=True)
    return _rel(ctx.anchor, lambda a: Value(f"{a.year - 1:04d}"))


def h_season(g: dict[str, str | None], ctx: Context) -> Value | None:
    code = W["seasons"][(g["season"] or "").lower()]
    if g["year"]:
        return Value(f"{_year(g['year']):04d}-{code}")
    rel = " ".join((g["rel"] or "").lower().split())
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
            return Value(cal.ym(*cal.shift_month(a.year, a.month, step)))
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
    if unit == "day" and not anaphoric:
        return None
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
    rel = " ".join((g["rel"] or "").lower().split()) or None
    pod = (g["pod"] or "").lower()

    def body(a: date) -> Value:
        value = cal.ymd(cal.weekday_near(a, weekday, ctx.tense, rel))
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


HOLIDAYS = _alt(list(W["holidays"])).replace("'", "['’]")
RULES: tuple[tuple[str, str, Handler], ...] = (
    ("time", r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?:(?P<ap>[ap]\.?\s?m\b\.?)|"
     r"(?:o'clock\s+)?in\s+the\s+(?P<pod2>morning|afternoon|evening))|(?P<noon>noon|midnight|midday))"
     r"(?:\s+(?:" + TZ + r"))?(?:,?\s+(?:on\s+)?(?P<dayref>" + DAYREF + r"))?", h_time),
    ("mdy", r"(?:(?:" + WD + r"),?\s+)?(?P<month>" + MONTH + r")\s+(?P<day>" + DAY + r")"
     r"(?:(?:,\s*|\s+)(?P<year>" + YEAR + r"))?", h_mdy),
    ("dmy", r"(?:(?:" + WD + r"),?\s+)?(?:the\s+)?(?P<day>" + DAY + r")(?:\s+of)?\s+(?P<month>"
     + MONTH + r")(?:,?\s+(?P<year>" + YEAR + r"))?", h_mdy),
    ("iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])", h_iso),
    ("month", r"(?:" + MOD + r"[\s-]+)?(?:(?P<rel>" + REL + r")\s+)?(?P<month>" + MONTH + r")"
     r"(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>" + YEAR + r")|\s+(?P<rel2>this|last|next)\s+year)?",
     h_month),
    ("year", r"(?:(?:" + MOD + r"|fiscal|calendar|the\s+year|FY)[\s-]*)?(?P<year>" + YEAR + r")",
     h_year),
    ("decade", r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|"
     r"'(?P<short>\d0)s|(?<=the\s)(?P<word>" + _alt(list(W["decade_words"])) + r"))", h_decade),
    ("century", r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|"
     + _alt(list(W["ordinals"])) + r")[\s-]+century", h_century),
    ("quarter", r"(?:(?:the|this|last|next|its|their)\s+)?(?:(?P<y1>" + YEAR + r")(?:'s)?\s+|"
     r"(?P<rely>this|last|next)\s+year's\s+)?(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second"
     r"|third|fourth|final|1st|2nd|3rd|4th|last(?=\s+half))[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<unit>quarter"
     r"|half)(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y2>" + YEAR + r")|(?P<rely2>this|last|next)"
     r"\s+year))?", h_quarter_ord),
    ("quarter_rel", r"(?:the\s+)?(?:(?P<adj>" + QADJ + r")|(?P<yq>" + YEAR + r"))\s+(?:(?:fiscal|three-month)\s+)?"
     r"(?P<unit>quarter|period)(?:\s+(?P<ly>(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)))?",
     h_quarter_rel),
    ("quarter_bare", r"the\s+quarter(?!-)", h_quarter_bare),
    ("year_earlier", r"(?:year-earlier|year-ago|prior-year)", h_year_earlier),
    ("season", r"(?:(?:early|mid|late)[\s-]+)?(?:(?P<rel>this\s+past|this\s+coming|the\s+coming"
     r"|last|this|next|the)\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?"
     r"(?P<year>" + YEAR + r"))?", h_season),
    ("rel_unit", r"(?:(?:earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of"
     r"|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|end\s+of)[\s-]+)?(?P<rel>this\s+past"
     r"|this\s+coming|the\s+past|the\s+previous|the\s+following|the\s+coming|the\s+current"
     r"|the\s+same|the\s+prior|the\s+next|last|this|next|previous|that|the)\s+(?P<unit>"
     r"(?:fiscal\s+|calendar\s+)?year|month|week|weekend|decade|century|day)(?![\w-])"
     r"(?!\s+(?:old|ago|earlier|later))", h_rel_unit),
    ("year_end", r"(?:(?:by|around|at|before|until|since)\s+)?(?:year[\s-]end|year's\s+end|"
     r"the\s+end\s+of\s+the\s+(?P<unit>year|month)|(?:earlier|later)\s+in\s+the\s+"
     r"(?P<unit2>year|month)|the\s+(?P<which>full|fiscal|current\s+fiscal|latest\s+fiscal"
     r"|calendar)\s+year|(?<=\bfor\s)the\s+year(?!-))", h_year_end),
    ("ago", r"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|over|roughly|around|just"
     r"|only|barely|fully)\s+)?(?P<num>a|an|" + NUMW + r")[\s-]+" + UNIT + r"\s+(?P<dir>ago"
     r"|earlier|later|from\s+now|hence)", h_ago),
    ("deictic", r"(?:(?:early|late|earlier|later)\s+)?(?:(?P<before>the\s+day\s+before\s+yesterday"
     r"|the\s+day\s+after\s+tomorrow)|(?P<deict>today|yesterday|tomorrow|tonight)(?:'s)?"
     r"(?:\s+(?P<pod>" + POD + r"))?|(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod_>" + POD
     + r"))", h_deictic),
    ("weekday", r"(?:(?:early|late|earlier|later)\s+)?(?:(?P<rel>" + REL + r")\s+)?(?P<wd>" + WD
     + r")(?:'s)?(?:\s+(?P<pod>" + POD + r"))?", h_weekday),
    ("ref", r"(?P<ref>" + _alt(list(W["refs"])) + r")", h_ref),
    ("holiday", r"(?:(?P<rel>last|this|next)\s+)?(?P<hol>" + HOLIDAYS + r")(?:,?\s+(?P<year>"
     + YEAR + r"))?", h_holiday),
    ("duration", r"(?:(?:about|nearly|almost|more\s+than|less\s+than|over|some|roughly|around"
     r"|at\s+least|up\s+to|the\s+past|the\s+last|the\s+next|the\s+first|another)\s+)?(?P<num>"
     + NUMW + r")(?:\s+|-(?!quarter))" + UNIT + r"(?![\w-])(?!\s+old)", h_duration),
)


_MONTHS_KEY = _alt(list(W["months"]))
_UNITS_KEY = r"year|month|week|day|decade|centur|quarter|hour|minute"
# A literal every match of the rule contains: rules only run in windows around one.
KEYS: dict[str, str] = {
    "time": r"[ap]\.?\s?m\b|noon|midnight|midday|morning|afternoon|evening",
    "mdy": _MONTHS_KEY, "dmy": _MONTHS_KEY, "month": _MONTHS_KEY, "iso": r"\d{4}-\d\d-\d\d",
    "year": r"\d{4}|nineteen|eighteen|thousand", "decade": r"0'?s\b|ties\b",
    "century": "century", "quarter": "quarter|half", "quarter_rel": "quarter|period",
    "quarter_bare": "quarter", "year_earlier": r"year-|prior-year",
    "season": _alt(list(W["seasons"])), "rel_unit": r"year|month|week|decade|century|day",
    "year_end": "year|month", "ago": r"ago|earlier|later|from\s+now|hence",
    "deictic": r"today|yesterday|tomorrow|tonight|morning|afternoon|evening|night",
    "weekday": WD, "ref": _alt(list(W["refs"])), "holiday": HOLIDAYS, "duration": _UNITS_KEY,
}
WINDOW = 64  # no match reaches further than this from its key


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule: its pattern, the key it needs, and its value handler."""

    name: str
    pattern: re.Pattern[str]
    key: re.Pattern[str]
    handler: Handler


@cache
def compiled() -> tuple[Rule, ...]:
    """The rules compiled once, each anchored at word boundaries."""
    return tuple(Rule(name, re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])", re.IGNORECASE),
                      re.compile(KEYS[name]), fn)
                 for name, pattern, fn in RULES)


def windows(key: re.Pattern[str], lowered: str) -> list[tuple[int, int]]:
    """Merged stretches of the lowercased text around a key, where a rule's matches can be."""
    out: list[tuple[int, int]] = []
    n = len(lowered)
    for k in key.finditer(lowered):
        lo, hi = max(0, k.start() - WINDOW), min(n, k.end() + WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def matches(text: str) -> list[tuple[int, re.Match[str]]]:
    """Every rule's matches as ``(rule index, match)``, scanning only near each rule's key."""
    found: list[tuple[int, re.Match[str]]] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lowercase to two; keep offsets exact
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    by_key: dict[str, list[tuple[int, int]]] = {}  # rules that share a key scan it once
    for rank, rule in enumerate(compiled()):
        spans = by_key.get(rule.key.pattern)
        if spans is None:
            spans = by_key[rule.key.pattern] = windows(rule.key, lowered)
        seen: set[tuple[int, int]] = set()
        for lo, hi in spans:
            for m in rule.pattern.finditer(text, lo, hi):
                if m.span() not in seen:
                    seen.add(m.span())
                    found.append((rank, m))
    return found


def groups(m: re.Match[str]) -> dict[str, str | None]:
    """The match's named groups, with the deictic rule's second part-of-day folded in."""
    g = m.groupdict()
    if "pod_" in g:
        g["pod"] = g["pod"] or g.pop("pod_")
    return g


def evaluate(rank: int, m: re.Match[str], ctx: Context) -> Value | None:
    """The value of one rule's match in a context (``None``: not a date after all)."""
    return compiled()[rank].handler(groups(m), ctx)


def normalize(text: str, anchor: date | str | None, tense: Tense = None,
              context: Context | None = None) -> Value:
    """The TIMEX3 value of a whole temporal expression, e.g. ``last month`` -> ``2017-07``."""
    if isinstance(anchor, str) or anchor is None:
        anchor = cal.parse_anchor(anchor)
    ctx = replace(context, anchor=anchor, tense=tense) if context else Context(anchor, tense)
    text = " ".join(text.split())
    for rule in compiled():
        m = rule.pattern.fullmatch(text)
        if m:
            out = rule.handler(groups(m), ctx)
            if out is not None:
                return out
    return Value(None, unresolved="not a date expression")
