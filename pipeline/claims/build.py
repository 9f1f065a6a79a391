"""Claims stage: turn an article's annotations into typed, checkable claims."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Doc

from pipeline.claims.checks import find_checks
from pipeline.contract import (
    Annotations,
    Attribution,
    Check,
    Claim,
    DateMention,
    QuantityMention,
    TextSpan,
)
from pipeline.quantities.component import checkworthy

# Claim types, most specific first; the claim/1 schema documents each.
CLAIM_TYPES = (
    "quote",  # a direct quotation, attributed to its speaker
    "change",  # a quantity that changed: rose, fell, doubled, from X to Y
    "comparison",  # a ranking or comparison: more than, the largest, a record
    "statistic",  # a sentence stating a quantity
    "prediction",  # a forecast, plan or promise: future tense or a modal
    "attributed_statement",  # reported speech or a sourced statement without a number
    "dated_event",  # something that happened to a named entity at a resolved time
)

CHANGE_WORDS = re.compile(
    r"\b(rose|rise[sn]?|rising|fell|fall(s|en|ing)?|increased?|increases|increasing|"
    r"decreased?|decreases|decreasing|grew|grow(s|n|ing)?|gain(ed|s)?|drop(ped|s)?|"
    r"declined?|declines|climb(ed|s)?|jump(ed|s)?|surged?|plunged?|slump(ed|s)?|"
    r"doubled?|tripled?|halved?|soared?|tumbled?|up|down)\b",
    re.IGNORECASE,
)
COMPARISON_WORDS = re.compile(
    r"\b(more|less|fewer|higher|lower|larger|smaller|bigger|than|largest|biggest|highest|"
    r"lowest|smallest|most|least|record|top|second-largest|outpac\w+)\b",
    re.IGNORECASE,
)
PREDICTION_WORDS = re.compile(
    r"\b(will|shall|would|expects?|expected|forecasts?|predicts?|projected|plans? to|"
    r"is set to|are set to|aims? to|going to|could|may|might)\b",
    re.IGNORECASE,
)
# A sentence mostly made of a quote is covered by the quote's own claim.
QUOTE_COVERAGE = 0.5


class HasOffsets(Protocol):
    """Anything with half-open character offsets."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


M = TypeVar("M", bound=HasOffsets)


def claim_id_for(article_id: str, start: int, end: int, text: str) -> str:
    """A stable id: the same article, span and text always give the same id."""
    key = f"claim/1\x1f{article_id}\x1f{start}\x1f{end}\x1f{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _inside(mentions: Sequence[M], start: int, end: int) -> tuple[M, ...]:
    """The mentions wholly within ``[start, end)``."""
    return tuple(m for m in mentions if m.start >= start and m.end <= end)


def reindex_equivalents(
    quantities: tuple[QuantityMention, ...], keep: Callable[[int, int], bool]
) -> tuple[QuantityMention, ...]:
    """Keep some quantities; ``equivalent_of`` indexes follow them (None if theirs went)."""
    kept = [i for i, q in enumerate(quantities) if keep(q.start, q.end)]
    position = {old: new for new, old in enumerate(kept)}

    def moved(quantity: QuantityMention) -> QuantityMention:
        if quantity.equivalent_of is None:
            return quantity
        return replace(quantity, equivalent_of=position.get(quantity.equivalent_of))

    return tuple(moved(quantities[i]) for i in kept)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _best_attribution(
    attributions: Sequence[Attribution], start: int, end: int
) -> Attribution | None:
    """The attribution whose content (or cue) covers the most of a sentence, if any."""
    best: tuple[int, int, Attribution] | None = None
    for attribution in attributions:
        score = _overlap(attribution.content.start, attribution.content.end, start, end)
        cue = attribution.cue
        if score == 0 and cue is not None and _overlap(cue.start, cue.end, start, end):
            score = 1
        # Ties go to the earlier attribution so the choice never depends on list order.
        if score and (best is None or (score, -attribution.start) > (best[0], -best[2].start)):
            best = (score, -attribution.start, attribution)
    return best[2] if best else None


def classify(
    text: str,
    quantities: Sequence[QuantityMention],
    dates: Sequence[DateMention],
    attribution: Attribution | None,
    has_entity: bool,
    has_failed_or_change_check: bool,
) -> str | None:
    """The claim type of a sentence, or None when it holds nothing to check."""
    # A figure is checkable; a count in words ("the two nations") or a duration that is part
    # of a date ("5 years ago") is not.
    counted = [
        q
        for q in quantities
        if checkworthy(q) and not any(d.start <= q.start and q.end <= d.end for d in dates)
    ]
    if counted:
        if has_failed_or_change_check or CHANGE_WORDS.search(text):
            return "change"
        if COMPARISON_WORDS.search(text):
            return "comparison"
        return "statistic"
    resolved_dates = [d for d in dates if d.value is not None and d.type in ("DATE", "TIME")]
    if PREDICTION_WORDS.search(text) and (has_entity or attribution is not None):
        return "prediction"
    if attribution is not None:
        return "attributed_statement"
    if resolved_dates and has_entity:
        return "dated_event"
    return None


def build_claims(annotations: Annotations, doc: Doc | None = None) -> tuple[Claim, ...]:
    """Every claim of one article, in text order (pure); checks need the article's parse."""
    article = annotations.article
    text = article.text
    quotes = [a for a in annotations.attributions if a.direct]
    claims: list[Claim] = []

    def make(
        start: int,
        end: int,
        kind: str,
        attribution: Attribution | None,
        checks: tuple[Check, ...] = (),
    ) -> Claim:
        return Claim(
            claim_id=claim_id_for(article.id, start, end, text[start:end]),
            article_id=article.id,
            text=text[start:end],
            start=start,
            end=end,
            type=kind,
            entities=_inside(annotations.entities, start, end),
            quantities=reindex_equivalents(
                annotations.quantities, lambda s, e: s >= start and e <= end
            ),
            dates=_inside(annotations.dates, start, end),
            attribution=attribution,
            checks=checks,
            published=article.published,
        )

    for quote in quotes:
        claims.append(make(quote.content.start, quote.content.end, "quote", quote))

    for sentence in annotations.sentences:
        start, end = sentence.start, sentence.end
        quoted = sum(_overlap(q.content.start, q.content.end, start, end) for q in quotes)
        quantities = _inside(annotations.quantities, start, end)
        outside_quotes = [
            q
            for q in quantities
            if not any(_overlap(a.content.start, a.content.end, q.start, q.end) for a in quotes)
        ]
        if quoted >= QUOTE_COVERAGE * (end - start) and not outside_quotes:
            continue
        dates = _inside(annotations.dates, start, end)
        checks = find_checks(text, sentence, quantities, dates, doc)
        attribution = _best_attribution(annotations.attributions, start, end)
        if attribution is not None and attribution.direct:
            attribution = None if quoted >= QUOTE_COVERAGE * (end - start) else attribution
        kind = classify(
            text[start:end],
            quantities,
            dates,
            attribution,
            bool(_inside(annotations.entities, start, end)),
            any(c.kind.endswith("change") for c in checks),
        )
        if kind is not None:
            claims.append(make(start, end, kind, attribution, checks))
    return tuple(sorted(claims, key=lambda c: (c.start, c.end, c.type)))


def sentence_spans(
    text: str, bounds: Sequence[tuple[int, int]], body: Sequence[tuple[int, int]]
) -> tuple[TextSpan, ...]:
    """Sentences cut to the story's body regions and trimmed of whitespace, blank ones dropped."""
    spans = []
    for sent_start, sent_end in bounds:
        for body_start, body_end in body:
            start, end = max(sent_start, body_start), min(sent_end, body_end)
            chunk = text[start:end] if start < end else ""
            stripped = chunk.strip()
            if not stripped:
                continue
            left = start + len(chunk) - len(chunk.lstrip())
            spans.append(TextSpan(left, left + len(stripped), stripped))
    return tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))
