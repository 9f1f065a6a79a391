"""In-article checks: a stated change or share recomputed from the figures it is bound to."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from pipeline.claims.binding import OTHER_MEASURE_RE, Binder, compatible, elided_scale
from pipeline.claims.intervals import (
    AT_LEAST,
    AT_MOST,
    Interval,
    change_interval,
    describe,
    describe_change,
    factor_interval,
    figure_interval,
    finite_bound,
    quantity_interval,
    ratio_interval,
)
from pipeline.claims.shares import find_shares
from pipeline.contract import Check, DateMention, QuantityMention, TextSpan

FALL = (r"fell|fall(?:s|ing)?|dropped|drop(?:s|ping)?|declined?|declin(?:es|ing)|decreased?"
        r"|decreas(?:es|ing)|down|lower|slid|slides?|sliding|plunged?|plummet(?:ed|s)?|lost"
        r"|los(?:es|ing)|shr[ae]nk|shrinks?|tumbled?|sank|sinks?|eased?|slumped?|cut|reduced?"
        r"|a\s+(?:fall|drop|decline|decrease|loss|cut|reduction)\s+of|off")
RISE = (r"rose|ris(?:es|ing)|rise|increased?|increas(?:es|ing)|grew|grow(?:s|ing)?|up|higher"
        r"|jumped|jumps?|climbed?|climbs|gained?|gains|surged?|surges|soared?|soars|rallied"
        r"|advanced?|added|adds|a\s+(?:rise|gain|jump|increase)\s+of")
_DIRECTION_RE = re.compile(
    rf"\b(?:(?P<fall>{FALL})|(?P<rise>{RISE}))\s+(?:by\s+)?(?:(?:about|around|roughly|nearly"
    rf"|almost|some|more\s+than|over|just\s+over|just\s+under|less\s+than|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
# "from year-earlier 9.8 mln", "from a revised 15.3": the old value may carry its period.
_FROM_RE = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+"
                      r"(?:(?:a|the)\s+)?(?:(?:year[- ](?:earlier|ago)|revised|previous|prior)\s+)?"
                      r"(?:(?:about|around|roughly|nearly|almost|some|an\s+estimated)\s+)?$",
                      re.IGNORECASE)
_TO_RE = re.compile(r"\b(?:to|at|reached|reaching|hit|totall?ed|of)\s+"
                    r"(?:(?:about|around|roughly|nearly|almost|some|an\s+estimated)\s+)?$",
                    re.IGNORECASE)
# "sales of 50 mln, up 9 pct from 45.9 mln": the new value stands just before the change word.
_BEFORE_CHANGE_RE = re.compile(r"^\s*,?\s*$")
_MULTIPLE_RE = re.compile(r"\b(?:(?P<q>more\s+than|nearly|almost)\s+)?"
                          r"(?P<word>doubled|tripled|trebled|quadrupled|halved)\b", re.IGNORECASE)
_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_SAID = {-1.0: "fell", 1.0: "rose"}


def find_checks(text: str, sentence: TextSpan, quantities: Sequence[QuantityMention],
                dates: Sequence[DateMention], doc: Doc | None = None) -> tuple[Check, ...]:
    """Checks for one sentence; without its parse nothing is bound, so nothing is checked."""
    if doc is None:
        return ()
    inside = sorted((q for q in quantities if sentence.start <= q.start and q.end <= sentence.end),
                    key=lambda q: (q.start, q.end))
    when = [d for d in dates if sentence.start <= d.start and d.end <= sentence.end]
    binder = Binder(doc, text, sentence, when)
    percents = [q for q in inside if q.kind == "percent" and q.unit == "percent"]
    checks: list[Check] = []
    for stated in percents:
        match = _DIRECTION_RE.search(text[max(sentence.start, stated.start - 48):stated.start])
        if match is None:
            continue
        direction = -1.0 if match.group("fall") else 1.0
        head = binder.head(stated.start, stated.end)
        if head is None or any(p is not stated and binder.head(p.start, p.end) == head
                               for p in percents):
            continue  # two percents on one predicate: which one the figures give is unclear
        if OTHER_MEASURE_RE.search(binder.clause(head).text):
            continue
        ends = _ends(text, binder, head, inside, stated)
        if ends is not None:
            checks.extend(_percent_change(stated, direction, *ends, when, binder.clause(head)))
    for match in _MULTIPLE_RE.finditer(text, sentence.start, sentence.end):
        head = binder.head(match.start("word"), match.end("word"))
        if head is None:
            continue
        anchor = QuantityMention(match.start(), match.end(), match.group(), "other", 0.0, "")
        ends = _ends(text, binder, head, inside, anchor)
        if ends is not None:
            qualifier = re.sub(r"\s+", " ", match.group("q").lower()) if match.group("q") else None
            checks.append(_multiple(match.group("word").lower(), qualifier, *ends, when,
                                    binder.clause(head)))
    checks.extend(find_shares(text, binder, inside))
    # Stable sort: the main check of a span stays before the flags that qualify it.
    kept = [c for c in checks if _all_finite(c)]
    return tuple(sorted(kept, key=lambda c: (c.start or 0, c.end or 0)))


def _all_finite(check: Check) -> bool:
    """Whether every figure of a check is a real number (huge operands can overflow to inf)."""
    figures = (check.stated, check.computed, check.from_value, check.to_value)
    return all(math.isfinite(f) for f in figures if f is not None)


def _ends(text: str, binder: Binder, head: Any, inside: Sequence[QuantityMention],
          anchor: QuantityMention) -> tuple[QuantityMention, QuantityMention] | None:
    """The old and new figure bound to the predicate: ``to X from Y``, ``X, up 9 pct from Y``."""
    floor = binder.sentence.start
    figures = binder.figures(head, inside, anchor)
    olds = [q for q in figures if _FROM_RE.search(text[max(floor, q.start - 40):q.start])]
    if len(olds) != 1:
        return None  # none, or two candidates: no binding is better than a guess
    (old,) = olds
    news = [q for q in figures if q is not old and compatible(q, old)
            and _TO_RE.search(text[max(floor, q.start - 16):q.start])]
    if not news:
        # "174.6 mln dlrs, up 16 pct from 150.3 mln dlrs": the figure the change word follows.
        news = [q for q in inside if q.end <= head.idx and compatible(q, old)
                and _BEFORE_CHANGE_RE.match(text[q.end:head.idx])]
    if not news:
        return None
    new = min(news, key=lambda q: abs(q.start - old.start))
    return elided_scale(old, new), elided_scale(new, old)


def _date_of(q: QuantityMention, dates: Sequence[DateMention]) -> str | None:
    """The date that follows an amount closely (``$43.5 billion in 2011``), if any."""
    for d in dates:
        if 0 <= d.start - q.end <= 4:
            return d.value or d.text
    return None


def _when(q: QuantityMention, dates: Sequence[DateMention]) -> str:
    """`` (2011)`` when a date follows the amount closely."""
    when = _date_of(q, dates)
    return f" ({when})" if when else ""


def _record(old: QuantityMention, new: QuantityMention, dates: Sequence[DateMention],
            computed: Interval, clause: TextSpan) -> dict[str, Any]:
    """The change record a check rests on: values, written forms, dates, interval and clause."""
    return {"from_value": old.value, "to_value": new.value,
            "from_date": _date_of(old, dates), "to_date": _date_of(new, dates),
            "from_text": old.text, "to_text": new.text,
            "computed_low": finite_bound(computed.low),
            "computed_high": finite_bound(computed.high),
            "clause": clause}


def _percent_change(stated: QuantityMention, direction: float, old: QuantityMention,
                    new: QuantityMention, dates: Sequence[DateMention],
                    clause: TextSpan) -> list[Check]:
    computed_range = change_interval(quantity_interval(old), quantity_interval(new))
    if computed_range is None or old.value == 0:
        return []
    claimed = direction * abs(stated.value)
    magnitude = figure_interval(stated.text, abs(stated.value), stated.qualifier)
    stated_range = magnitude if direction > 0 else magnitude.negated()
    fraction = (new.value - old.value) / old.value
    computed = round(fraction * 100, 2)
    consistent = stated_range.meets(computed_range)
    verb = "a fall" if computed < 0 else "a rise"
    span = (min(stated.start, old.start), max(stated.end, new.end, old.end))
    qualifier = f"{stated.qualifier} " if stated.qualifier else ""
    explanation = (
        f"The article says it {_SAID[direction]} {qualifier}{stated.text}; {old.text}"
        f"{_when(old, dates)} to {new.text}{_when(new, dates)} is {verb} of {abs(computed):g} "
        f"percent ({describe_change(computed_range)} for any values the written figures "
        f"allow), so the stated figure "
        + ("agrees." if consistent else
           f"does not agree: it allows {describe_change(stated_range)}, which no value in "
           "that range meets.")
    )
    record = _record(old, new, dates, computed_range, clause)
    checks = [Check("percent_change", claimed, computed, consistent, explanation, *span,
                    stated_text=stated.text, **record)]
    bound = stated.qualifier in AT_LEAST or stated.qualifier in AT_MOST
    as_fraction = computed_range.scaled(0.01)
    if not consistent and not bound and stated_range.meets(as_fraction):
        checks.append(Check(
            "fraction_not_percent", claimed, round(fraction, 4), True,
            f"The stated {claimed:g} matches the change as a fraction ({fraction:.4f}), not as "
            f"a percent ({computed:g}%): a fraction was probably written as a percent.", *span,
            stated_text=stated.text, **{**record, "computed_low": finite_bound(as_fraction.low),
                                        "computed_high": finite_bound(as_fraction.high)}))
    return checks


def _multiple(word: str, qualifier: str | None, old: QuantityMention, new: QuantityMention,
              dates: Sequence[DateMention], clause: TextSpan) -> Check:
    factor = _MULTIPLES[word]
    said = f"{qualifier} {word}" if qualifier else word
    computed_range = ratio_interval(quantity_interval(new), quantity_interval(old))
    computed = round(new.value / old.value, 2) if old.value else None
    span = (min(old.start, new.start), max(old.end, new.end))
    if computed_range is None or computed is None:
        return Check("ratio", factor, computed, None,
                     f"The article says it {said}; {old.text} to {new.text} cannot be compared.",
                     *span, stated_text=said,
                     **_record(old, new, dates, Interval(math.inf, math.inf), clause))
    allowed = factor_interval(factor, qualifier)
    consistent = allowed.meets(computed_range)
    explanation = (
        f"The article says it {said}; {old.text}{_when(old, dates)} to {new.text}"
        f"{_when(new, dates)} is a factor of {computed:g} ({describe(computed_range)} for any "
        f"values the written figures allow), so "
        + ("it agrees." if consistent else
           f"it does not agree: '{said}' allows a factor of {describe(allowed)}.")
    )
    return Check("ratio", factor, computed, consistent, explanation, *span, stated_text=said,
                 **_record(old, new, dates, computed_range, clause))
