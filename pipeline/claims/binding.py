"""Which figures a stated change is about: the ones that hang on the same predicate in the parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.claims.intervals import scale_of
from pipeline.contract import DateMention, QuantityMention, TextSpan

# A change word is a predicate of its own: "rose 9 pct ..., with same-store sales up 4 pct".
CHANGE_HEADS = frozenset({
    "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "dropping",
    "declined", "decline", "declines", "declining", "decreased", "decrease", "decreases",
    "decreasing", "down", "lower", "slid", "slide", "slides", "sliding", "plunged", "plunge",
    "plummeted", "plummets", "lost", "lose", "loses", "losing", "shrank", "shrunk", "shrinks",
    "tumbled", "tumble", "sank", "sink", "sinks", "eased", "ease", "slumped", "slump", "cut",
    "reduced", "reduce", "off", "rose", "rise", "rises", "rising", "risen", "increased",
    "increase", "increases", "increasing", "grew", "grow", "grows", "growing", "grown", "up",
    "higher", "jumped", "jump", "jumps", "climbed", "climb", "climbs", "gained", "gain", "gains",
    "surged", "surge", "surges", "soared", "soar", "soars", "rallied", "advanced", "advance",
    "added", "adds", "doubled", "tripled", "trebled", "quadrupled", "halved"
})
# Dependencies that start a clause of their own, so a new binding.
CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "ccomp", "xcomp", "relcl", "acl", "parataxis",
                         "csubj", "pcomp"})
# "compared with Y" and "against Y" introduce the old value, so they never start a binding.
COMPARING = frozenset({"compared", "comparing", "against", "versus", "vs", "vs."})
# "with orders up 13 pct": an absolute clause after "with" is another measure.
NEW_MEASURE_PREPS = frozenset({"with", "while", "excluding", "including", "besides"})
# A percent for another measure than the figures: same-store, comparable basis, real terms.
OTHER_MEASURE_RE = re.compile(
    r"same[- ]store|comparable|like[- ]for[- ]like|\bbasis\b|\bexcluding\b|\bexcept\b|"
    r"\breal terms\b|\bconstant\b|\badjusted\b|\bin dollar terms\b",
    re.IGNORECASE)
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "quarter",
                        "half", "decade", "century", "season"})
TIME_RATES = frozenset({"per year", "per month", "per week", "per day", "per quarter"})
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW",
                         "NORP", "LOC"})
# A partner's scale is a word (thousand, mln, billion), never a currency's subunit.
SCALE_WORD = 1000.0
_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)


def root_token(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def binding_head(token: Token) -> Token:
    """The predicate a token hangs on: the nearest change word or clause head above it."""
    current = token
    while True:
        if current.lower_ in CHANGE_HEADS:
            return current
        if current.lower_ in COMPARING:
            current = current.head
            continue
        if current.dep_ in CLAUSE_DEPS or current.head.i == current.i:
            return _change_of(current)
        if current.dep_ == "prep" and current.lower_ in NEW_MEASURE_PREPS and \
                current.head.lower_ not in COMPARING:
            return current
        current = current.head


def _change_of(clause_head: Token) -> Token:
    """``orders were up 15.5 pct ... from 87.4 mln``: the one change word of a copula clause."""
    # "down" may be parsed as a preposition; a verb under the head is a clause of its own.
    changes = [c for c in clause_head.children if c.lower_ in CHANGE_HEADS and c.pos_ != "VERB"
               and c.dep_ in ("advmod", "acomp", "prt", "prep")]
    return changes[0] if len(changes) == 1 else clause_head


def clause_span(doc: Doc, head: Token, text: str, within: TextSpan) -> TextSpan:
    """The words bound to a predicate, as one span of the sentence (for the explanation)."""
    words = doc.char_span(within.start, within.end, alignment_mode="expand") or [head]
    bound = [t for t in words if binding_head(t).i == head.i]
    start = max(min(t.idx for t in bound), within.start)
    end = min(max(t.idx + len(t.text) for t in bound), within.end)
    return TextSpan(start, end, text[start:end])


def is_figure(q: QuantityMention, doc: Doc, dates: Sequence[DateMention]) -> bool:
    """A figure can be an operand: written with digits, not a time word, ordinal or name count."""
    # Money in words ("eight billion dlrs") is a figure; "half" or "two nations" is not.
    if not (any(ch.isdigit() for ch in q.text) or q.kind == "money") or \
            _ORDINAL_RE.search(q.text):
        return False
    if q.kind == "other" and q.unit in TIME_UNITS:
        return False
    if q.equivalent_of is not None:
        return False
    if any(d.start < q.end and q.start < d.end for d in dates):
        return False
    # The tokens the figure overlaps carry the entity they belong to: reading doc.ents builds
    # every entity of the article on each call, quadratic in a long article.
    words = doc.char_span(q.start, q.end, alignment_mode="expand")
    if words is None:
        return not any(e.label_ in NAME_LABELS and e.start_char < q.end and q.start < e.end_char
                       for e in doc.ents)
    return not any(t.ent_iob_ in ("B", "I") and t.ent_type_ in NAME_LABELS for t in words)


def compatible(a: QuantityMention, b: QuantityMention) -> bool:
    """Figures of one measure: same currency or unit, or one a bare number (``from 7.1 mln``)."""
    if a.kind == "percent" or b.kind == "percent":
        return False
    if a.kind == "money" and b.kind == "money":
        return a.currency == b.currency and _rate(a) == _rate(b)
    bare_a = a.kind == "other" and not a.unit
    bare_b = b.kind == "other" and not b.unit
    if a.kind == b.kind and a.unit == b.unit:
        return True
    return bare_a or bare_b


def elided_scale(q: QuantityMention, other: QuantityMention) -> QuantityMention:
    """``to 381 mln dlrs from 160``: a bare figure takes the scale word its partner spells out."""
    bare = q.kind == "other" and not q.unit and scale_of(q.text, q.value) == 1.0
    scale = scale_of(other.text, other.value)
    if not bare or scale < SCALE_WORD or not re.fullmatch(r"[\d,.]+", q.text.strip()):
        return q
    return replace(q, value=q.value * scale, text=q.text)


def _rate(q: QuantityMention) -> str | None:
    """A money rate, but not a time rate: "a year earlier" after an amount is not "per year"."""
    return None if q.rate in TIME_RATES else q.rate


class Binder:
    """The parse of one sentence, asked which figures hang on which predicate."""

    def __init__(self, doc: Doc, text: str, sentence: TextSpan,
                 dates: Sequence[DateMention]) -> None:
        self.doc = doc
        self.text = text
        self.sentence = sentence
        self.dates = dates

    def head(self, start: int, end: int) -> Token | None:
        """The predicate the words at ``[start, end)`` hang on."""
        token = root_token(self.doc, start, end)
        return binding_head(token) if token is not None else None

    def restated_head(self, q: QuantityMention) -> Token | None:
        """The predicate of a figure, seen through ``, or 40 percent`` restating its neighbour."""
        token = root_token(self.doc, q.start, q.end)
        if token is not None and token.dep_ in ("nummod", "quantmod"):
            token = token.head  # "100 people": the noun counted
        if token is not None and token.dep_ in ("conj", "appos"):
            token = token.head
        return binding_head(token) if token is not None else None

    def figures(self, head: Token, quantities: Sequence[QuantityMention],
                skip: QuantityMention) -> list[QuantityMention]:
        """The figures (not percents) bound to the same predicate as ``head``."""
        found = []
        for q in quantities:
            if q is skip or q.kind == "percent" or not is_figure(q, self.doc, self.dates):
                continue
            own = self.head(q.start, q.end)
            if own is not None and own.i == head.i:
                found.append(q)
        return found

    def clause(self, head: Token) -> TextSpan:
        return clause_span(self.doc, head, self.text, self.sentence)
