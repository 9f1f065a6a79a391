"""Share checks: ``120 of the 300 delegates, or 40 percent``, ``a third of 300 staff, or 100``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.claims.binding import Binder, is_figure
from pipeline.claims.intervals import (
    APPROX,
    NEARLY,
    Interval,
    describe,
    figure_interval,
    finite_bound,
    quantity_interval,
    ratio_interval,
)
from pipeline.contract import Check, QuantityMention
from pipeline.quantities.component import is_measure
from pipeline.quantities.numbers import share_ends

_FRACTION_TEXT_RE = re.compile(r"half|third|quarter|fourth|fifth|tenth|out\s+of", re.IGNORECASE)
_PART_OF_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|all|a\s+total\s+of)\s+)?"
                         r"(?:[A-Za-z-]+\s+){0,2}$")
# The share restates the part right after its noun: "of the 300 delegates, or 40 percent".
_RESTATED_RE = re.compile(r"^(?:\s+[A-Za-z-]+){0,3}\s*(?:,\s*or|\(|,)\s*"
                          r"(?:(?:about|some|nearly|almost|roughly|or)\s+)?$")
# A fraction in words is loose wording: "a third" allows two points either way.
FRACTION_SLACK = 0.02


def find_shares(text: str, binder: Binder, inside: Sequence[QuantityMention]) -> list[Check]:
    """Every share check of one sentence whose three figures hang on one predicate."""
    checks = []
    for stated in inside:
        check = _share(text, binder, stated, inside)
        if check is not None:
            checks.append(check)
    return checks


def _ends(quantities: Sequence[QuantityMention]) -> list[QuantityMention]:
    """The quantities with each share of a whole (``300 of the 1,200 staff``) as its two ends."""
    found: list[QuantityMention] = []
    for q in quantities:
        ends = share_ends(q.text) if q.kind == "other" else None
        if ends is None or _FRACTION_TEXT_RE.search(q.text):
            found.append(q)
            continue
        for index, end in enumerate(ends):  # "nearly" qualifies the part, not the whole
            found.append(replace(q, start=q.start + end.start, end=q.start + end.end,
                                 text=q.text[end.start:end.end], value=end.value,
                                 qualifier=q.qualifier if index == 0 else None,
                                 part=None, whole=None))
    return found


def _same_unit_or_bare(a: QuantityMention, b: QuantityMention) -> bool:
    """Same unit, or one of the two is a bare number (``100 of the 300 employees``)."""
    if a.kind == "other" and b.kind == "other":
        # Counted things may be named differently ("300 employees, or 100 people").
        return a.unit == b.unit or not (is_measure(a.unit) or is_measure(b.unit))
    if a.kind != b.kind or a.kind == "percent":
        return False
    return a.currency == b.currency if a.kind == "money" else a.unit == b.unit


def _pair(text: str, stated: QuantityMention, counts: Sequence[QuantityMention]
          ) -> tuple[QuantityMention, QuantityMention] | None:
    """The part and whole the share restates, adjacent to it in the text."""
    for part in counts:
        for whole in counts:
            if part is whole or not _same_unit_or_bare(part, whole) or whole.start < part.end:
                continue
            if (_PART_OF_RE.fullmatch(text[part.end:whole.start]) and stated.start >= whole.end
                    and _RESTATED_RE.match(text[whole.end:stated.start])):
                return part, whole  # "100 of the 300 employees, or a third"
    for whole in counts:
        if whole.start > stated.end and _PART_OF_RE.fullmatch(text[stated.end:whole.start]):
            parts = [q for q in counts if q.start > whole.end and _same_unit_or_bare(q, whole)
                     and _RESTATED_RE.match(text[whole.end:q.start])]
            return (parts[0], whole) if parts else None  # "a third of its 300 staff, or 100"
    return None


def _share(text: str, binder: Binder, stated: QuantityMention,
           inside: Sequence[QuantityMention]) -> Check | None:
    is_percent = stated.kind == "percent" and stated.unit == "percent"
    is_fraction = (stated.kind == "other" and 0 < stated.value < 1
                   and bool(_FRACTION_TEXT_RE.search(stated.text)))
    if not (is_percent or is_fraction):
        return None
    counts = [q for q in _ends(inside) if q is not stated and q.kind != "percent" and q.value
              and is_figure(q, binder.doc, binder.dates)]
    pair = _pair(text, stated, counts)
    if pair is None:
        return None
    part, whole = pair
    heads = {binder.restated_head(q) for q in (stated, part, whole)}
    if len(heads) != 1 or None in heads:
        return None  # not one predicate: the share may be of something else
    computed_range = ratio_interval(quantity_interval(part), quantity_interval(whole))
    if computed_range is None:
        return None
    if is_percent:
        computed_range = computed_range.scaled(100)
        allowed = figure_interval(stated.text, stated.value, stated.qualifier)
    else:
        slack = FRACTION_SLACK * (2 if stated.qualifier in APPROX | NEARLY else 1)
        allowed = Interval(stated.value - slack, stated.value + slack)
        if stated.qualifier in NEARLY:
            allowed = Interval(stated.value - 2 * slack, stated.value + FRACTION_SLACK / 2)
    ratio = part.value / whole.value
    computed = round(ratio * 100, 2) if is_percent else round(ratio, 4)
    consistent = allowed.meets(computed_range)
    unit = " percent" if is_percent else ""
    span = (min(stated.start, part.start), max(stated.end, whole.end, part.end))
    explanation = (
        f"The article gives {stated.text} as a share; {part.text} of {whole.text} is "
        f"{computed:g}{unit} ({describe(computed_range, unit)} for any values the written "
        "figures allow), so the stated figure "
        + ("agrees." if consistent else
           f"does not agree: it allows {describe(allowed, unit)}.")
    )
    (head,) = heads
    assert head is not None
    return Check("share", stated.value, computed, consistent, explanation, *span,
                 from_value=whole.value, to_value=part.value, stated_text=stated.text,
                 from_text=whole.text, to_text=part.text,
                 computed_low=finite_bound(computed_range.low),
                 computed_high=finite_bound(computed_range.high), clause=binder.clause(head))
