"""Value handlers for dates told against another date (``the next morning``, ``the week of``)."""

from __future__ import annotations

from datetime import date

from pipeline import dates_calendar as cal
from pipeline.dates_calendar import Context
from pipeline.dates_handlers import NO_ANCHOR, Value, h_mdy

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
    pod = (g["pod"] or "").lower()
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
    day = cal.ymd(cal.shift_days(base, step))
    if pod:
        return Value(day + "T" + W["parts_of_day"][pod], "TIME", relative=True)
    return Value(day, relative=True)


def h_week_of(g: dict[str, str | None], ctx: Context) -> Value | None:
    """``the week of March 6``: the ISO week that holds the day."""
    day = h_mdy(g, ctx)
    if day is None or day.value is None:
        return day
    return Value(cal.week_of(date.fromisoformat(day.value)), relative=day.relative)
