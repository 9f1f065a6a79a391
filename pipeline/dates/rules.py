"""The date grammar: patterns that find temporal expressions and turn them into TIMEX3 values."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from pipeline.dates import calendar as cal
from pipeline.dates.anaphora import (
    ANAPHOR,
    NTH_DAY,
    PART_OF_DAY,
    h_anaphor,
    h_nth_day,
    h_part_of_day,
    h_week_of,
)
from pipeline.dates.calendar import Context, Tense
from pipeline.dates.handlers import (
    NO_ANCHOR,
    Handler,
    Value,
    clock_of,
    h_ago,
    h_century,
    h_decade,
    h_deictic,
    h_duration,
    h_holiday,
    h_iso,
    h_mdy,
    h_month,
    h_ref,
    h_rel_unit,
    h_season,
    h_time,
    h_weekday,
    h_year,
    h_year_end,
)
from pipeline.dates.quarters import h_quarter_bare, h_quarter_ord, h_quarter_rel, h_year_earlier

__all__ = ["NO_ANCHOR", "Value", "compiled", "evaluate", "matches", "normalize"]


def _alt(items: list[str]) -> str:
    """A regex alternation, longest first so ``this past`` wins over ``this``."""
    ordered = sorted(items, key=len, reverse=True)
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in ordered)


W = cal.words()
MONTH = r"(?:(?:" + _alt([k for k in W["months"] if len(k) > 3 or k == "may"]) + r")|(?:" + _alt(
    [k for k in W["months"] if len(k) <= 4 and k != "may"]) + r")\.?)(?![\w])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
SPELLED = (r"(?:(?:nineteen|eighteen)[\s-]+(?:hundred|oh[\s-]+\w+|(?:twenty|thirty|forty|fifty"
           r"|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
           r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
           r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)")
YEAR = (r"(?:(?<![\d$€£.,/:])(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\s*(?:percent|per\s+cent)"
        r"|[\s-]+years?\b)|"
        + SPELLED + r")")
WD = _alt(list(W["weekdays"]))
NUMW = (r"(?:\d{1,3}(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
        + _alt([k for k in W["numbers"] if k not in ("a", "an")] + W["vague_numbers"]) + ")")
UNIT = r"(?P<unit>year|month|week|day|decade|centur(?:y|ie)|quarter|hour|minute)s?"
MOD = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)"
REL = (r"(?:this\s+past|this\s+coming|the\s+coming|the\s+previous|the\s+following|last|this"
       r"|next|past|coming|previous|following)")
TZ = _alt(W["timezones"])
DAYREF = (r"(?:today|yesterday|tomorrow|tonight|(?:" + WD + r")|(?:" + MONTH + r")\s+" + DAY
          + r"(?:,?\s+" + YEAR + r")?)")
POD = _alt(list(W["parts_of_day"]))
QADJ = (r"(?:last\s+year's|that|latest|current|most\s+recent|recent|previous|prior|past|last"
        r"|next|coming|same"
        r"|comparable|corresponding|year-earlier|year-ago|year\s+earlier|year\s+ago|prior-year"
        r"|year-before|this)")


HOLIDAYS = _alt(list(W["holidays"])).replace("'", "['’]")
def h_clock(g: dict[str, str | None], ctx: Context) -> Value | None:
    """A clock time on the day named beside it (``3 p.m. Friday``), read by the grammar itself."""
    if not g["dayref"]:
        return h_time(g, ctx)
    clock = clock_of(g)
    if clock is None:
        return None
    day = normalize(g["dayref"], ctx.anchor, ctx.tense)
    if day.value is None or len(day.value) != 10:
        return day if day.value is None else None
    return Value(day.value + clock, "TIME", day.relative)


RULES: tuple[tuple[str, str, Handler], ...] = (
    ("time", r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?:(?P<ap>[ap]\.?\s?m\b\.?)|"
     r"(?:o'clock\s+)?in\s+the\s+(?P<pod2>morning|afternoon|evening))|(?P<noon>noon|midnight|midday))"
     r"(?:\s+(?:" + TZ + r"))?(?:,?\s+(?:on\s+)?(?P<dayref>" + DAYREF + r"))?", h_clock),
    ("mdy", r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?:" + WD
     + r"),?\s+)?(?P<month>" + MONTH + r"),?\s+(?P<day>" + DAY + r")"
     r"(?:(?:\s*,\s*|\s+)(?:of\s+)?(?P<year>" + YEAR + r"))?", h_mdy),
    ("week_of", r"the\s+week\s+of\s+(?P<month>" + MONTH + r")\s+(?P<day>" + DAY + r")(?:,?\s+"
     r"(?P<year>" + YEAR + r"))?", h_week_of),
    ("slash", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)?\d\d)(?![/\d])",
     h_iso),
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
    ("quarter", r"(?:(?:the|this|last|next)\s+)?(?:(?P<y1>" + YEAR + r")(?:'s)?\s+|"
     r"(?P<rely>this|last|next)\s+year's\s+|(?:comparable\s+)?(?P<ya>year-ago|year-earlier"
     r"|prior-year)\s+)?(?:(?:fiscal|calendar)\s+)?(?:(?P<ord>first|second|third|fourth|final"
     r"|1st|2nd|3rd|4th|last(?=\s+half))[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<unit>quarter"
     r"|half)|(?P<two>first|last)\s+two\s+quarters)(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y2>"
     + YEAR + r")|(?P<rely2>this|last|next)\s+year))?", h_quarter_ord),
    ("quarter_rel", r"(?:the\s+)?(?:(?P<adj>" + QADJ + r")|(?P<yq>" + YEAR + r"))\s+"
     r"(?:(?:fiscal|three-month)\s+)?(?P<unit>quarter|period)(?:\s+(?P<ly>(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)))?",
     h_quarter_rel),
    ("quarter_bare", r"the\s+quarter(?!-)(?:\s+(?P<ly>a\s+year\s+(?:ago|earlier)"
     r"|of\s+last\s+year))?", h_quarter_bare),
    ("year_earlier", r"(?:year-earlier|year-ago|prior-year)", h_year_earlier),
    ("season", r"(?:(?P<the>the\s+)?(?:early|mid|late)[\s-]+)?(?:(?P<rel>this\s+past"
     r"|this\s+coming|the\s+coming|last|this|next|the)\s+)?"
     r"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>" + YEAR + r"))?",
     h_season),
    ("rel_unit", r"(?:(?:earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of"
     r"|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|end\s+of)[\s-]+)?(?P<rel>this\s+past"
     r"|this\s+coming|the\s+past|the\s+previous|the\s+following|the\s+coming|the\s+current"
     r"|the\s+same|the\s+prior|the\s+next|last|this|next|previous|that|the(?=\s+weekend))\s+(?P<unit>"
     r"(?:fiscal\s+|calendar\s+)?year|month|week|weekend|decade|century|day)(?![\w-])"
     r"(?!\s+(?:old|ago|earlier|later))", h_rel_unit),
    ("year_end", r"(?:around\s+)?(?:year[\s-]end|year's\s+end|"
     r"the\s+end\s+of\s+the\s+(?P<unit>year|month)|(?:earlier|later)\s+in\s+the\s+"
     r"(?P<unit2>year|month)|the\s+(?P<which>full|fiscal|current\s+fiscal|latest\s+fiscal"
     r"|calendar)\s+year|(?<=\bfor\s)the\s+year(?!-))", h_year_end),
    ("anaphor", ANAPHOR, h_anaphor),
    ("ago", r"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|over|roughly|around|just"
     r"|only|barely|fully)\s+)?(?P<num>a|an|" + NUMW + r")[\s-]+" + UNIT + r"\s+(?P<dir>ago"
     r"|earlier|later|from\s+now|from\s+today|hence)", h_ago),
    ("deictic", r"(?:(?P<before>the\s+day\s+before\s+yesterday"
     r"|the\s+day\s+after\s+tomorrow)|(?P<deict>today|yesterday|tomorrow|tonight)"
     r"(?:\s+(?P<pod>" + POD + r"))?|(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod_>" + POD
     + r")|(?:mid-?)?(?P<pod__>" + POD + r")\s+(?P<deict_>today|yesterday|tomorrow))", h_deictic),
    ("part_of_day", PART_OF_DAY, h_part_of_day),
    ("nth_day", NTH_DAY, h_nth_day),
    ("weekday", r"(?:(?P<rel>" + REL + r")\s+)?(?P<wd>" + WD
     + r")(?:\s+(?P<pod>" + POD + r"))?", h_weekday),
    ("ref", r"(?P<ref>" + _alt(list(W["refs"])) + r")", h_ref),
    ("holiday", r"(?:(?P<rel>last|this|next)\s+)?(?P<hol>" + HOLIDAYS + r")(?:,?\s+(?P<year>"
     + YEAR + r"))?(?P<week>\s+week)?", h_holiday),
    ("duration", r"(?:(?:about|nearly|almost|more\s+than|less\s+than|over|some|roughly|around"
     r"|at\s+least|up\s+to|the\s+past|the\s+last|the\s+next|the\s+first|another)\s+)?(?P<num>"
     + NUMW + r")(?:\s+|-(?!quarter))" + UNIT + r"(?![\w-])(?!\s+old)", h_duration),
)


_MONTHS_KEY = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_UNITS_KEY = r"year|month|week|day|decade|centur|quarter|hour|minute"
# A literal every match of the rule contains: rules only run in windows around one.
KEYS: dict[str, str] = {  # short literals: scanning for them is most of the stage's time
    "time": r"[ap]\.m|\d\s?[ap]m\b|noon|midnight|midday|morning|afternoon|evening",
    "mdy": _MONTHS_KEY, "week_of": r"week\s+of", "dmy": _MONTHS_KEY, "month": _MONTHS_KEY,
    "iso": r"\d-\d\d-\d",
    "slash": r"\d/\d", "year": r"1[6-9]\d\d|20\d\d|nineteen|eighteen|thousand",
    "decade": r"0'?s\b|ties\b", "century": "century", "quarter": "quarter|half",
    "quarter_rel": "quarter|period", "quarter_bare": "quarter", "year_earlier": r"year-|prior-year",
    "season": "spring|summer|fall|autumn|winter", "rel_unit": r"year|month|week|decade|century|day",
    "year_end": "year|month",
    "anaphor": r"before|after|morning|afternoon|evening|night",
    "ago": r"ago|earlier|later|from\s+now|from\s+today|hence",
    "deictic": r"today|yesterday|tomorrow|tonight|morning|afternoon|evening|night",
    "part_of_day": r"before|after|morning|afternoon|evening|night",
    "nth_day": r"day\s+of",
    "weekday": r"(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    "ref": r"now|current|present|moment|days|recent|late|past|future|term|coming|ahead",
    "holiday": r"christmas|year['’]s|independence|halloween|valentine|veterans|thanksgiving"
               r"|easter|labor|memorial|election",
    "duration": _UNITS_KEY,
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
        g["pod"] = g["pod"] or g.pop("pod_") or g.pop("pod__")
        g["deict"] = g["deict"] or g.pop("deict_")
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
    # TIMEX3 extents leave out some articles ("the spring" is often tagged "spring"); accept both
    bare = text[4:] if text.lower().startswith("the ") else text
    for candidate in dict.fromkeys((text, bare)):
        for rule in compiled():
            m = rule.pattern.fullmatch(candidate)
            if m:
                out = rule.handler(groups(m), ctx)
                if out is not None:
                    return out
    return Value(None, unresolved="not a date expression")
