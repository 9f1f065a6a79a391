"""In-article checks: a stated change or share recomputed from the numbers the article gives."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from pipeline.contract import Check, DateMention, QuantityMention, TextSpan
from pipeline.quantities.component import is_measure

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
_FROM_RE = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+"
                      r"(?:(?:about|around|roughly|nearly|almost|some|an\s+estimated)\s+)?$",
                      re.IGNORECASE)
_TO_RE = re.compile(r"\b(?:to|at|reached|reaching|hit|totall?ed|of)\s+"
                    r"(?:(?:about|around|roughly|nearly|almost|some|an\s+estimated)\s+)?$",
                    re.IGNORECASE)
_MULTIPLE_RE = re.compile(r"\b(?P<word>doubled|tripled|trebled|quadrupled|halved|more\s+than\s+"
                          r"doubled)\b", re.IGNORECASE)
_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_APPROX = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "approximately",
                     "an estimated", "estimated", "close to", "~", "≈"})
_AT_LEAST = frozenset({"more than", "over", "just over", "well over", "at least"})
_AT_MOST = frozenset({"less than", "under", "just under", "fewer than", "up to", "at most"})


def find_checks(text: str, sentence: TextSpan, quantities: Sequence[QuantityMention],
                dates: Sequence[DateMention]) -> tuple[Check, ...]:
    """Checks for one sentence: the quantities and dates may be the article's or the sentence's."""
    inside = sorted((q for q in quantities if sentence.start <= q.start and q.end <= sentence.end),
                    key=lambda q: (q.start, q.end))
    when = [d for d in dates if sentence.start <= d.start and d.end <= sentence.end]
    checks: list[Check] = []
    for stated in inside:
        if stated.kind != "percent" or stated.unit != "percent":
            continue
        direction = _direction(text, sentence.start, stated)
        if direction is None:
            continue
        ends = _from_to(text, sentence.start, stated, inside)
        if ends is not None:
            checks.extend(_percent_change(stated, direction, *ends, when))
    for match in _MULTIPLE_RE.finditer(text, sentence.start, sentence.end):
        ends = _ends_near(text, sentence.start, match.end(), inside)
        if ends is not None:
            checks.append(_multiple(match.group("word").lower(), *ends, when))
    for stated in inside:
        share = _share(text, stated, inside, when)
        if share is not None:
            checks.append(share)
    # Stable sort: the main check of a span stays before the flags that qualify it.
    kept = [c for c in checks if _finite(c)]
    return tuple(sorted(kept, key=lambda c: (c.start or 0, c.end or 0)))


def _finite(check: Check) -> bool:
    """Whether every figure of a check is a real number (huge operands can overflow to inf)."""
    figures = (check.stated, check.computed, check.from_value, check.to_value)
    return all(math.isfinite(f) for f in figures if f is not None)


_FRACTION_TEXT_RE = re.compile(r"half|third|quarter|fourth|fifth|tenth|out\s+of", re.IGNORECASE)
_PART_OF_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|all|a\s+total\s+of)\s+)?"
                         r"(?:[A-Za-z-]+\s+){0,2}$")
_OR_RE = re.compile(r"^[^.;]{0,60}?(?:,\s*or|\(|,)\s*(?:about\s+|some\s+|nearly\s+)?$")


def _share(text: str, stated: QuantityMention, inside: Sequence[QuantityMention],
           dates: Sequence[DateMention]) -> Check | None:
    """``a third of its 300 staff, or 100`` and ``100 of the 300 staff, a third``: part / whole."""
    is_percent = stated.kind == "percent" and stated.unit == "percent"
    is_fraction = (stated.kind == "other" and 0 < stated.value < 1
                   and bool(_FRACTION_TEXT_RE.search(stated.text)))
    if not (is_percent or is_fraction):
        return None
    counts = [q for q in inside if q is not stated and q.kind != "percent" and q.value]
    pair = None
    for part in counts:
        for whole in counts:
            if part is whole or not _same_unit_or_bare(part, whole) or whole.start < part.end:
                continue
            if _PART_OF_RE.fullmatch(text[part.end:whole.start]):
                pair = (part, whole)  # "100 of the 300 employees"
    if pair is None:
        for whole in counts:
            if whole.start > stated.end and _PART_OF_RE.fullmatch(text[stated.end:whole.start]):
                parts = [q for q in counts if q.start > whole.end and _same_unit_or_bare(q, whole)
                         and _OR_RE.match(text[whole.end:q.start])]
                if parts:
                    pair = (parts[0], whole)  # "a third of its 300 staff, or 100"
                break
    if pair is None:
        return None
    part, whole = pair
    ratio = part.value / whole.value
    computed = round(ratio * 100, 2) if is_percent else round(ratio, 4)
    tolerance = _tolerance(stated) if is_percent else 0.02
    consistent = _agrees(stated.value, computed, tolerance, stated.qualifier)
    span = (min(stated.start, part.start), max(stated.end, whole.end, part.end))
    explanation = (
        f"The article gives {stated.text} as a share; {part.text} of {whole.text} is "
        f"{computed:g}{' percent' if is_percent else ''}, so the stated figure "
        f"{'agrees' if consistent else 'does not agree'} (tolerance ±{tolerance:g})."
    )
    return Check("share", stated.value, computed, consistent, explanation, *span)


def _same_unit_or_bare(a: QuantityMention, b: QuantityMention) -> bool:
    """Same unit, or one of the two is a bare number (``100 of the 300 employees``)."""
    if a.kind == "other" and b.kind == "other":
        # Counted things may be named differently ("300 employees, or 100 people").
        return a.unit == b.unit or not (is_measure(a.unit) or is_measure(b.unit))
    return _same_unit(a, b)


def _direction(text: str, floor: int, stated: QuantityMention) -> float | None:
    match = _DIRECTION_RE.search(text[max(floor, stated.start - 48):stated.start])
    if match is None:
        return None
    return -1.0 if match.group("fall") else 1.0


def _same_unit(a: QuantityMention, b: QuantityMention) -> bool:
    if a.kind != b.kind or a.kind == "percent":
        return False
    return a.currency == b.currency if a.kind == "money" else a.unit == b.unit


def _from_to(text: str, floor: int, anchor: QuantityMention,
             inside: Sequence[QuantityMention]
             ) -> tuple[QuantityMention, QuantityMention] | None:
    """The from-value and to-value of a change: ``from $43.5 billion ... to $42.3 billion``."""
    others = [q for q in inside if q.kind != "percent" and q is not anchor]
    froms = [q for q in others if _FROM_RE.search(text[max(floor, q.start - 24):q.start])]
    for old in froms:
        peers = [q for q in others if q is not old and _same_unit(q, old)
                 and q.equivalent_of is None]
        tos = [q for q in peers if _TO_RE.search(text[max(floor, q.start - 16):q.start])]
        if tos:
            return old, min(tos, key=lambda q: abs(q.start - old.start))
        if len(peers) == 1:
            return old, peers[0]
    return None


def _ends_near(text: str, floor: int, after: int, inside: Sequence[QuantityMention]
               ) -> tuple[QuantityMention, QuantityMention] | None:
    """From- and to-values of ``doubled from A to B`` (or ``doubled to B from A``)."""
    anchor = QuantityMention(after, after, "", "other", 0.0, "")
    ends = _from_to(text, floor, anchor, [q for q in inside if q.end > after - 200])
    return ends


def _decimals(value: float) -> int:
    text = f"{abs(value):.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _tolerance(stated: QuantityMention) -> float:
    """Half a unit in the last written place (0.03 -> 0.005); a whole unit for ``about``."""
    written = re.search(r"\d[\d,]*(?:\.(\d+))?", stated.text)
    places = len(written.group(1) or "") if written else _decimals(stated.value)
    unit = 10.0 ** -places
    return unit if stated.qualifier in _APPROX else unit / 2


def _agrees(stated: float, computed: float, tolerance: float, qualifier: str | None) -> bool:
    # A bound ("more than 3%") is exact: rounding does not stretch it.
    if qualifier in _AT_LEAST:
        return computed * math.copysign(1, stated) >= abs(stated) - 1e-9
    if qualifier in _AT_MOST:
        return computed * math.copysign(1, stated) <= abs(stated) + 1e-9
    return abs(stated - computed) <= tolerance + 1e-9


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


def _change_record(old: QuantityMention, new: QuantityMention,
                   dates: Sequence[DateMention]) -> dict[str, Any]:
    """The from/to values and dates a change check rests on."""
    return {"from_value": old.value, "to_value": new.value,
            "from_date": _date_of(old, dates), "to_date": _date_of(new, dates)}


def _percent_change(stated: QuantityMention, direction: float, old: QuantityMention,
                    new: QuantityMention, dates: Sequence[DateMention]) -> list[Check]:
    if old.value == 0:
        return []
    claimed = direction * abs(stated.value)
    fraction = (new.value - old.value) / old.value
    computed = round(fraction * 100, 2)
    tolerance = _tolerance(stated)
    consistent = _agrees(claimed, fraction * 100, tolerance, stated.qualifier)
    verb = "a fall" if computed < 0 else "a rise"
    said = "fell" if direction < 0 else "rose"
    span = (min(stated.start, old.start), max(stated.end, new.end, old.end))
    explanation = (
        f"The article says it {said} {stated.text}; {old.text}{_when(old, dates)} to "
        f"{new.text}{_when(new, dates)} is {verb} of {abs(computed):g} percent, so the stated "
        f"figure {'agrees' if consistent else 'does not agree'} (tolerance ±{tolerance:g})."
    )
    record = _change_record(old, new, dates)
    checks = [Check("percent_change", claimed, computed, consistent, explanation, *span,
                    **record)]
    bound = stated.qualifier in _AT_LEAST or stated.qualifier in _AT_MOST
    if not consistent and not bound and _agrees(claimed, fraction, tolerance, None):
        checks.append(Check(
            "fraction_not_percent", claimed, round(fraction, 4), True,
            f"The stated {claimed:g} matches the change as a fraction ({fraction:.4f}), not as "
            f"a percent ({computed:g}%): a fraction was probably written as a percent.", *span,
            **record))
    return checks


def _multiple(word: str, old: QuantityMention, new: QuantityMention,
              dates: Sequence[DateMention]) -> Check:
    factor = _MULTIPLES[word.split()[-1]]
    computed = round(new.value / old.value, 2) if old.value else None
    if computed is None:
        consistent = None
    elif word.startswith("more than"):
        consistent = computed > factor
    else:
        consistent = abs(computed - factor) <= 0.1 * factor  # "doubled" is loose wording
    span = (min(old.start, new.start), max(old.end, new.end))
    explanation = (
        f"The article says it {word}; {old.text}{_when(old, dates)} to {new.text}"
        f"{_when(new, dates)} is a factor of {computed if computed is not None else 'n/a'}."
    )
    return Check("ratio", factor, computed, consistent, explanation, *span,
                 **_change_record(old, new, dates))
