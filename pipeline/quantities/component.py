"""Quantities stage: money, percentages and other quantities with exact values and units."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import spans
from pipeline.contract import QuantityKind, QuantityMention
from pipeline.quantities.context import (
    blocked_spans,
    counted_noun,
    inside,
    name_like,
    qualifier_before,
    share_noun,
    sign_before,
    words_stand_alone,
    year_like,
)
from pipeline.quantities.money import (
    BASIS_POINTS_RE,
    DOLLAR,
    CurrencyTable,
    Marker,
    article_bare,
    article_dollar,
    load_table,
    percent_after,
    prefix_before,
    rate_after,
    strict_prefix_before,
    suffix_after,
)
from pipeline.quantities.numbers import SCALES, Number, find_numbers
from pipeline.quantities.units import quantulum_unit, unit_candidate

STAGE_KEY = "claims_quantities"

_RANGE_GAP_RE = re.compile(r"^\s*(?:-|–|—|to|and|or|to-)\s*$")
_AGE_RE = re.compile(r"[\s-]*(?P<unit>year|month|week|day)s?[\s-]*old\b", re.IGNORECASE)
_SMALL_SCALES = frozenset({"m", "b"})  # lower case: metres and bytes unless money


@dataclass(slots=True)
class _Draft:
    """A quantity being built: mutable while ranges and equivalents are linked."""

    start: int
    end: int
    value: float
    kind: QuantityKind
    unit: str
    number: Number
    currency: str | None = None
    qualifier: str | None = None
    rate: str | None = None
    marker: str = ""
    range_id: int | None = None
    equivalent_of: int | None = None
    scale: float = 1.0
    explicit: bool = True  # False when the unit is a counted noun found further on



def _money(text: str, number: Number, table: CurrencyTable, floor: int,
           value: float, start: int) -> _Draft | None:
    """A money amount around ``number``, if a currency marker is written next to it."""
    end = number.end
    if number.form == "vague":
        of = re.match(r"\s+of\s+", text[end:end + 8])
        vague = suffix_after(text, end + of.end(), table) if of else None
        if vague is None or vague.factor != 1.0 or vague.surface in table.pound_words:
            return None
        return _Draft(start, vague.end, value, "money", vague.currency, number,
                      currency=vague.currency, marker=vague.surface)
    if number.form not in ("digits", "words"):
        return None
    found = prefix_before(text, start, table)
    marker = None
    negative = False
    if found is not None and found[0].start >= floor:
        marker, negative = found
        before = text[max(0, marker.start - 2):marker.start]
        if re.search(r"(?:^|[^\w])[-−]$", before):
            negative = True  # "-$5"
            marker = Marker(marker.start - 1, marker.end, marker.currency, 1.0, marker.surface)
    if marker is None:
        marker = strict_prefix_before(text, start, number.end, number.scaled, table)
    suffix = suffix_after(text, end, table)
    factor = 1.0
    currency: str
    if marker is not None:
        currency, factor = marker.currency, marker.factor
        mstart = marker.start
        if (suffix is not None and (suffix.factor == 1.0 or suffix.surface.isupper())
                and suffix.surface not in table.pound_words):
            # "$1.1396 EUR" or "$1.25 sterling": the written code after wins over a bare "$".
            if currency == DOLLAR or suffix.surface.isupper():
                currency = suffix.currency if suffix.currency != DOLLAR else currency
                factor *= suffix.factor
            end = suffix.end
        else:
            us = re.match(r"\s?(?:US|U\.S\.)(?![A-Za-z.])", text[end:end + 5])
            if us and currency == DOLLAR:
                currency, end = "USD", end + us.end()
    elif suffix is not None:
        if suffix.surface in table.pound_words and not number.scaled:
            return None  # "208 pounds" is a weight
        if suffix.surface in ("won", "rand", "kn", "lira", "real", "sen") and not (
                number.scaled or number.value >= 100 or "." in text[number.start:number.end]
                or suffix.surface == "sen"):
            return None
        if suffix.surface == "mark" and not (
                number.scaled and _MARK_NOUN_RE.match(text, suffix.end)):
            return None  # "passed the 1,000 mark"; but "a 300 mln mark bond issue" is money
        currency, factor, mstart, end = suffix.currency, suffix.factor, start, suffix.end
    else:
        return None
    sign = -1.0 if negative else 1.0
    draft = _Draft(min(mstart, start), end, sign * value * factor, "money", currency, number,
                   currency=currency, marker=(marker.surface if marker else suffix.surface
                                              if suffix else ""))
    rate = rate_after(text, end)
    if rate is not None:
        draft.rate = rate[1]
    return draft


def _counted(lemma: str) -> str:
    """The unit a counted noun gives; a scale or currency word further on counts nothing.

    "Revs 16.0 mln 16.8 mln" and "yen 154.65/dlr": the noun found belongs to another figure.
    """
    word = lemma.lower()
    table = load_table()
    if word in SCALES or word in table.suffix or word + "s" in table.suffix:
        return ""
    return word


# After "mark", a noun it qualifies ("mark bond") or a coupon ("mark 6-1/8 pct issue"), not a
# preposition or a clause.
_MARK_NOUN_RE = re.compile(
    r"[\s-]+(?:\d|(?!(?:in|on|at|for|by|and|or|of|to|this|last|is|was|as|with|when|since|before"
    r"|after|again|earlier|today|yesterday|the|a|an|but|while|level|barrier|figure)\b)[a-z]+)")


def _other(text: str, number: Number, tokens: spans.Tokens, value: float,
           start: int) -> _Draft | None:
    """Any other quantity: a measurement, a count of things, a fraction or a bare figure."""
    end = number.end
    if number.short_scale is not None and number.short_scale in _SMALL_SCALES:
        # "32m" is metres and "8b" bytes without a currency: drop the scale again.
        value /= number.scale
        end = number.end - len(number.short_scale)
    if number.form in ("fraction", "vague", "ratio", "slash"):
        noun = share_noun(text, tokens, number, end)
        unit = noun.lemma_.lower() if noun is not None else ""
        return _Draft(start, end, value, "other", unit, number)
    score = _SCORE_RE.match(text, start)
    if score and number.form == "digits":
        return _Draft(start, score.end(), value, "other", "score", number)
    age = _AGE_RE.match(text, end)
    if age:
        return _Draft(start, age.end(), value, "other", f"{age.group('unit').lower()} of age",
                      number)
    bp = BASIS_POINTS_RE.match(text, end)
    if bp:
        return _Draft(start, bp.end(), value, "other", "basis point", number)
    plural = re.match(r"s(?![A-Za-z])", text[end:end + 2])  # "Model 3s" is not 3 seconds
    found = (quantulum_unit(unit_candidate(text, end))
             if _unit_next(text, end) and not plural else None)
    if found is not None:
        return _Draft(start, _unit_end(text, end), value, "other", found[0], number)
    if number.form == "digits" and (year_like(text, number, start)
                                    or name_like(text, tokens, number)):
        return None
    noun = counted_noun(tokens, end)
    if number.form == "words" and number.short_scale is None:  # "five mln" reads as "5 mln"
        head = tokens.after(number.start)
        if words_stand_alone(text, number, start, noun is not None):
            # A range takes its unit from its other end when they are linked.
            return _Draft(start, end, value, "other", "", number, explicit=False)
        if noun is None or (head is not None and head.pos_ not in ("NUM", "DET")):
            return None  # "one of the reasons", "the one who": not a count
        if re.match(r"-[a-z]", text[end:end + 2]) or re.match(r"\s+\d", text[end:end + 2]):
            return None  # "a five-year plan", "one 52,000-barrel refinery": a modifier
        return _Draft(start, end, value, "other", _counted(noun.lemma_), number)
    unit = _counted(noun.lemma_) if noun is not None and noun.idx - end <= 30 else ""
    return _Draft(start, end, value, "other", unit, number, explicit=False)


# A spelled number before "to 11", "or six", "and 30" opens a range (the "and" needs "between",
# which _link_ranges checks); "a five-year plan" is no range.
_SCORE_RE = re.compile(r"\d{1,3}-\d{1,3}(?![\d.,%/-])(?!\s*(?:per|%|[a-z]|[A-Z]))")
_UNIT_START_RE = re.compile(r"\s?[A-Za-zµμ°Ω\"'/]")


def _unit_next(text: str, end: int) -> bool:
    return bool(_UNIT_START_RE.match(text, end))


_UNIT_END_RE = re.compile(
    r"\s?(?:degrees?\s+(?:Celsius|Fahrenheit|C|F)\b|(?:sq|square|cubic)\.?\s+\w+|[^\s,;.)(]+)",
    re.IGNORECASE,
)


def _unit_end(text: str, end: int) -> int:
    """End of a unit written right after a number: ``km/h``, ``mph``, ``degrees Celsius``."""
    match = _UNIT_END_RE.match(text, end)
    return match.end() if match else end


def _classify(text: str, number: Number, table: CurrencyTable, tokens: spans.Tokens,
              floor: int, blocked: list[tuple[int, int]]) -> _Draft | None:
    if inside(blocked, number.start, number.start + 1):
        return None
    start, sign = sign_before(text, number.start)
    value = sign * number.value
    percent = percent_after(text, number.end) if number.form in ("digits", "words") else None
    if percent is not None:
        plus = start > 0 and text[start - 1] == "+"
        return _Draft(start - plus, percent[0], value, "percent", percent[1], number,
                      scale=number.scale)
    money = _money(text, number, table, floor, number.value, number.start)
    if money is not None:
        if sign < 0 and money.start >= start:
            money.value, money.start = -money.value, start
        money.scale = number.scale
        return money
    if number.start > 0 and text[number.start - 1].isalpha():
        return None  # "S22", "A2": part of a name
    draft = _other(text, number, tokens, value, start)
    if draft is not None:
        draft.scale = number.scale
    return draft


def _link_ranges(text: str, drafts: list[_Draft]) -> None:
    """Join ``5 to 7 per cent``, ``$89 to $93 billion``, ``between 5% and 6%`` into ranges."""
    next_id = 0
    for i in range(len(drafts) - 2, -1, -1):
        first, second = drafts[i], drafts[i + 1]
        gap = text[first.end:second.start]
        if not _RANGE_GAP_RE.match(gap):
            continue
        word = gap.strip().lower()
        if word == "and" and not re.search(r"between\s+\S*\s*$", text[max(0, first.start - 12):
                                                                         first.start + 1]):
            continue
        if word == "or" and first.kind != "other":
            continue
        if first.kind == "other" and not first.explicit and second.kind != "other":
            first.kind, first.unit, first.currency = second.kind, second.unit, second.currency
            first.rate = second.rate
        if first.kind != second.kind:
            continue
        if first.kind == "other" and not first.unit:
            first.unit = second.unit
        if (second.scale > 1 and first.scale == 1 and abs(first.value) < 1000
                and abs(first.value) < 10 * abs(second.value) / second.scale):
            first.value *= second.scale
            first.scale = second.scale
        if first.kind == "money" and first.currency != second.currency and first.marker == "$":
            first.currency = second.currency
        if second.range_id is None:
            second.range_id = next_id
            next_id += 1
        first.range_id = second.range_id


def _link_equivalents(text: str, drafts: list[_Draft], dollar: str) -> None:
    """``US$27.7 billion (S$37.7 billion)`` is one amount in two currencies."""
    for i in range(len(drafts) - 1):
        first, second = drafts[i], drafts[i + 1]
        if first.kind != "money" or second.kind != "money":
            continue
        if not re.fullmatch(r"\s*[(\[]\s*", text[first.end:second.start]):
            continue
        if second.marker == "$" and second.currency == first.currency and first.currency != "USD":
            second.currency = second.unit = "USD"  # an equivalent is in another currency
        if second.currency != first.currency:
            second.equivalent_of = i
            if second.rate is None and first.rate is not None:
                second.rate = first.rate


def _merge_subunits(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """``3 dollars 50 cents`` and ``thirteen dollars and forty-five cents`` are one amount."""
    merged: list[_Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if (last is not None and last.kind == draft.kind == "money"
                and last.currency == draft.currency and abs(draft.value) < 1
                and last.marker[:1].isalpha() and draft.marker[:1].isalpha()
                and re.fullmatch(r"\s*(?:and\s+)?", text[last.end:draft.start])):
            last.value += draft.value
            last.end = draft.end
            continue
        merged.append(draft)
    return merged


def _resolve_dollar(drafts: list[_Draft], dollar: str, bare: dict[str, str]) -> None:
    """A bare ``$``, ``dlrs``, ``francs`` or ``crowns`` takes what the article means by it."""
    for draft in drafts:
        code = dollar if draft.currency == DOLLAR else bare.get(draft.currency or "")
        if code is not None:
            draft.currency = code
            draft.unit = code


def find_quantities(doc: Doc, default_dollar: str = "USD") -> tuple[QuantityMention, ...]:
    """Every money amount, percentage and other quantity in the doc, sorted by offsets."""
    text = spans.text_of(doc)
    table = load_table()
    dollar = article_dollar(text, table, default_dollar)
    tokens = spans.Tokens(doc)
    blocked = blocked_spans(text)
    drafts: list[_Draft] = []
    for number in find_numbers(text):
        floor = drafts[-1].end if drafts else 0
        if number.start < floor:
            continue
        draft = _classify(text, number, table, tokens, floor, blocked)
        if draft is None:
            continue
        draft.qualifier = qualifier_before(text, draft.start)
        drafts.append(draft)
    _resolve_dollar(drafts, dollar, article_bare(text, table, spans.published_of(doc)))
    drafts = _merge_subunits(text, drafts)
    _link_ranges(text, drafts)
    _link_equivalents(text, drafts, dollar)
    records = [
        QuantityMention(
            start=d.start, end=d.end, text=text[d.start:d.end], kind=d.kind,
            value=_clean(d.value), unit=d.unit, currency=d.currency if d.kind == "money" else None,
            qualifier=d.qualifier, range_id=d.range_id, equivalent_of=d.equivalent_of,
            rate=d.rate, misprinted=d.number.misprinted,
            part=_share_figure(d.number.part), whole=_share_figure(d.number.whole),
        )
        for d in drafts
        if math.isfinite(d.value)  # merged or scaled past a float's range: no value to give
    ]
    return spans.sorted_records(records, key=lambda q: (q.start, q.end))


def _share_figure(value: float | None) -> float | None:
    """A share's part or whole as written (None for any other quantity)."""
    return None if value is None else _clean(value)


def _clean(value: float) -> float:
    """Round away binary noise: 0.19 stays 0.19 after 19 * 0.01."""
    return float(f"{value:.12g}")


def checkworthy(quantity: QuantityMention) -> bool:
    """Whether a fact-checker would check this figure (``two nations`` is not worth it)."""
    if quantity.kind != "other":
        return True
    if re.search(r"\d", quantity.text):
        return True
    if quantity.unit and is_measure(quantity.unit):
        return True
    return abs(quantity.value) >= 10 or quantity.value != int(quantity.value)


def is_measure(unit: str) -> bool:
    """A unit of measurement (``mile``, ``year``) rather than a counted noun (``nation``)."""
    return unit in _MEASURES or unit.endswith(" of age") or unit == "basis point"


_MEASURES = frozenset({
    "year", "month", "week", "day", "hour", "minute", "second", "mile", "kilometre", "metre",
    "foot", "inch", "yard", "acre", "hectare", "ton", "tonne", "kilogram", "gram",
    "pound-mass", "barrel", "litre", "gallon", "degree", "degree Celsius",
    "degree Fahrenheit", "watt", "kilowatt", "megawatt", "gigawatt", "time",
})


class QuantitiesStage:
    """spaCy component: finds quantities and stores them under ``claims_quantities``."""

    def __init__(self, default_dollar: str = "USD") -> None:
        self.default_dollar = default_dollar
        # quantulum3 loads its unit tables and inflect (slow: typeguard instruments it) on first
        # use; doing it with the model keeps that cost out of the first article that needs it,
        # and forked workers share it instead of paying it again.
        quantulum_unit("kilometres")

    def __call__(self, doc: Doc) -> Doc:
        records = find_quantities(doc, default_dollar=self.default_dollar)
        spans.store(doc, STAGE_KEY, records, label_of=_label)
        return doc


def _label(record: Any) -> str:
    return str(record.kind)


@Language.factory("claims_quantities", default_config={"default_dollar": "USD"})
def make_quantities(nlp: Language, name: str, default_dollar: str) -> QuantitiesStage:
    """Factory for the quantities stage."""
    return QuantitiesStage(default_dollar=default_dollar)

