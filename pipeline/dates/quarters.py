"""Value handlers for quarters and halves: ``the third quarter``, ``the year-ago period``."""

from __future__ import annotations

from datetime import date

from pipeline.dates import calendar as cal
from pipeline.dates.calendar import Context
from pipeline.dates.handlers import Value, direction, from_anchor, year_of

W = cal.words()


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
        return Value(f"{year_of(explicit):04d}-{code}")
    rely = g["rely"] or g["rely2"]

    def body(a: date) -> Value:
        if rely:
            return Value(f"{a.year + direction(rely):04d}-{code}")
        first_month = (n - 1) * (6 if unit == "half" else 3) + 1
        year = a.year
        if first_month > a.month and ctx.tense != "future":
            year -= 1
        if g.get("ya"):  # "the year-ago third quarter"
            year -= 1
        return Value(f"{year:04d}-{code}")
    return from_anchor(ctx.anchor, body)


def h_quarter_rel(g: dict[str, str | None], ctx: Context) -> Value | None:
    if g["yq"]:
        year = year_of(g["yq"])
        quarter = ctx.ref_quarter[1] if ctx.ref_quarter else None
        if quarter is None and (g["unit"] or "").lower() == "quarter" and ctx.anchor:
            # "the 1988 quarter", none named yet: the last one closed before publication
            quarter = cal.quarter_shift(cal.quarter_of(ctx.anchor), -1)[1]
        return Value(cal.quarter_value(year, quarter), relative=True) if quarter else Value(
            f"{year:04d}")
    adj = " ".join((g["adj"] or "").lower().replace("-", " ").split())
    unit = (g["unit"] or "").lower()
    if unit == "period" and ctx.ref_quarter is None and adj not in ("latest", "most recent"):
        return None

    def body(a: date) -> Value | None:
        now = cal.quarter_of(a)
        ref = ctx.ref_quarter or cal.quarter_shift(now, -1)
        if adj in ("latest", "most recent", "recent", "that"):
            q = ref
        elif adj == "current":
            q = now
        elif adj == "this":
            q = ctx.ref_quarter or now
        elif adj in ("previous", "prior", "past", "last"):
            q = cal.quarter_shift(ctx.ref_quarter or now, -1)
        elif adj in ("next", "coming"):
            q = cal.quarter_shift(now, 1)
        elif adj in ("same", "comparable", "corresponding"):
            q = cal.quarter_shift(ref, -4) if g["ly"] else ref
        else:
            q = cal.quarter_shift(ref, -4)
        return Value(cal.quarter_value(*q))
    return from_anchor(ctx.anchor, body)


def h_quarter_bare(g: dict[str, str | None], ctx: Context) -> Value | None:
    if ctx.ref_quarter is None:
        return None
    shift = -4 if g["ly"] else 0
    return Value(cal.quarter_value(*cal.quarter_shift(ctx.ref_quarter, shift)), relative=True)


def h_year_earlier(g: dict[str, str | None], ctx: Context) -> Value | None:
    if ctx.ref_quarter is not None:
        return Value(cal.quarter_value(*cal.quarter_shift(ctx.ref_quarter, -4)), relative=True)
    return from_anchor(ctx.anchor, lambda a: Value(f"{a.year - 1:04d}"))
