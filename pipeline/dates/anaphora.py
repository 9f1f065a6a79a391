"""Value handlers for dates told against another date (``the next morning``, ``the week of``)."""

from __future__ import annotations

from datetime import date

from pipeline.dates import calendar as cal
from pipeline.dates.calendar import Context
from pipeline.dates.handlers import NO_ANCHOR, Value, h_mdy

W = cal.words()
# a phrase of the grammar: "the day before", "the next morning"; "the day before the vote"
# needs the vote's date, so a noun phrase or a gerund after it is left alone
ANAPHOR = (r"(?:the\s+(?P<unit>day|year)\s+(?P<dir>before|after)(?![\s-]+(?:the|a|an|his|her|its"
           r"|their|our|my|this|that|these|those|last|next|yesterday|tomorrow|\d+|\w+ing)\b)"
           r"|(?P<rel>the\s+next|the\s+following|the\s+previous|that)\s+(?P<pod>morning"
           r"|afternoon|evening|night))")


def h_anaphor(g: dict[str, str | None], ctx: Context) -> Value | None:
    """A day or year counted from the last one the story named, else from publication."""
    unit = (g["unit"] or "day").lower()
    rel = " ".join((g["rel"] or "").lower().split())
    step = {"before": -1, "after": 1, "the next": 1, "the following": 1, "the previous": -1}.get(
        (g["dir"] or rel).lower(), 0)
    if ctx.anchor is None and ctx.ref_day is None and ctx.ref_year is None:
        return Value(None, relative=True, unresolved=NO_ANCHOR)
    if unit == "year":
        year = ctx.ref_year or (ctx.anchor.year if ctx.anchor else None)
        return None if year is None else Value(f"{year + step:04d}", relative=True)
    base: date | None = ctx.ref_day or ctx.anchor
    if base is None:
        return Value(None, relative=True, unresolved=NO_ANCHOR)
    # "the next morning" is valued as the day, like "Friday night" (see h_weekday)
    return Value(cal.ymd(cal.shift_days(base, step)), relative=True)


# "by mid-afternoon", "in the morning": a part of the day the story is telling of; the
# preposition before it is checked by the caller (``at night`` is a habit, not a time)
PART_OF_DAY = (r"(?:the\s+(?:(?:early|late)\s+)?|mid-?\s?)(?P<pod>morning|afternoon|evening"
               r"|night)")


def h_part_of_day(g: dict[str, str | None], ctx: Context) -> Value | None:
    """A bare part of day on the day the story last named, else on the publication day."""
    base = ctx.ref_day or ctx.anchor
    if base is None:
        return Value(None, relative=True, unresolved=NO_ANCHOR)
    code = W["parts_of_day"][(g["pod"] or "").lower()]
    return Value(cal.ymd(base) + "T" + code, "TIME", relative=True)


# "today is the eighth day of the strike": a numbered day of an event, said of the present day
# (the caller checks for "today is" or "it's" before it)
NTH_DAY = (r"the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+day"
           r"(?=\s+of\b)")


def h_nth_day(g: dict[str, str | None], ctx: Context) -> Value | None:
    """The publication day, which the sentence says this numbered day is."""
    if ctx.anchor is None:
        return Value(None, relative=True, unresolved=NO_ANCHOR)
    return Value(cal.ymd(ctx.anchor), relative=True)


def h_week_of(g: dict[str, str | None], ctx: Context) -> Value | None:
    """``the week of March 6``: the ISO week that holds the day."""
    day = h_mdy(g, ctx)
    if day is None or day.value is None:
        return day
    return Value(cal.week_of(date.fromisoformat(day.value)), relative=day.relative)
