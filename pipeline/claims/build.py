"""Claims stage: turn an article's annotations into typed, checkable claims."""

from __future__ import annotations

import hashlib
import itertools
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
from pipeline.spans import Intervals

# Claim types, most specific first, and what each means (the claim/1 schema, the review page's
# legend and the ClaimReview export say the same).
TYPE_DESCRIPTIONS = {
    "quote": "a direct quotation and the sentence around it, attributed to its speaker",
    "change": "a quantity that rose, fell or went from X to Y",
    "comparison": "more than, the largest, a record",
    "statistic": "a stated quantity",
    "prediction": "a forecast, plan or promise",
    "attributed_statement": "reported speech or a sourced statement without a number",
    "dated_event": "something that happened to a named entity at a resolved time",
    "assertion": "a statement of fact without figures, kept because the model rates it "
    "check-worthy",
}
CLAIM_TYPES = tuple(TYPE_DESCRIPTIONS)
# The types that carry a checkable figure.
NUMERIC_TYPES = frozenset({"change", "comparison", "statistic"})

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
# A sentence mostly made of a quote that runs over several sentences is covered by its claim.
QUOTE_COVERAGE = 0.5
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"
# A speaker's own want, plan or promise: "I will", "we're going to", "I want".
FIRST_PERSON_PLAN = re.compile(
    r"\b(?:I|we)(?:'ll| will| would|'d| want| need| must| should| have to| 've got to|"
    r"'ve got to| are going to|'re going to| am going to|'m going to| plan| propose| intend)\b",
    re.IGNORECASE,
)
# An amount without a figure ("billions of dollars", "tens of thousands") checks nothing exact.
VAGUE_AMOUNT = re.compile(
    r"(?:tens of |hundreds of |many |several )?(?:dozens|hundreds|thousands|millions|billions|"
    r"trillions)\b",
    re.IGNORECASE,
)
# A date on the calendar (2003, 2016-08, 1987-W09), not "now" (PRESENT_REF) or "the 1960s" (196X).
CALENDAR_VALUE = re.compile(r"\d{4}(?![\dX])")
# A date written with a number or a month's name: a relative one (`today`, `last year`) dates
# the story's own events, which the model judges like any sentence.
EXPLICIT_DATE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?", re.IGNORECASE
)
# A paragraph break inside a spaCy sentence (a new line that is blank or indented, as wire
# copy opens paragraphs and table rows) ends the sentence: no sentence runs over it.
PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n|[ \t]{2,}|\t)")
# A sentence that opens with a quote mark followed by a space opens with the previous
# sentence's closing mark, which spaCy attached to the wrong side.
STRAY_CLOSING_MARK = re.compile(rf"[{QUOTE_MARKS}]+(?=\s|$)")


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


def _index(mentions: Sequence[HasOffsets]) -> Intervals:
    """Mentions indexed by offsets: those within a sentence without a scan of them all."""
    return Intervals([(m.start, m.end) for m in mentions])


def _inside(index: Intervals, mentions: Sequence[M], start: int, end: int) -> tuple[M, ...]:
    """The mentions wholly within ``[start, end)``, in their own order."""
    return tuple(mentions[i] for i in index.within(start, end))


def reindex_equivalents(
    quantities: tuple[QuantityMention, ...], keep: Callable[[int, int], bool]
) -> tuple[QuantityMention, ...]:
    """Keep some quantities; ``equivalent_of`` indexes follow them (None if theirs went)."""
    return _reindexed(quantities, [i for i, q in enumerate(quantities) if keep(q.start, q.end)])


def _reindexed(
    quantities: tuple[QuantityMention, ...], kept: Sequence[int]
) -> tuple[QuantityMention, ...]:
    """The quantities at ``kept`` (ascending), their ``equivalent_of`` following them."""
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


def _reach(attribution: Attribution) -> tuple[int, int]:
    """From the first to the last character of an attribution's content and cue."""
    content, cue = attribution.content, attribution.cue
    if cue is None:
        return content.start, content.end
    return min(content.start, cue.start), max(content.end, cue.end)


def counted_figures(
    quantities: Sequence[QuantityMention], dates: Sequence[DateMention]
) -> list[QuantityMention]:
    """The checkable figures: not a count in words ("the two nations"), not part of a date."""
    dated = [q for q in quantities if any(d.start <= q.start and q.end <= d.end for d in dates)]
    # "the last three to four years": a range whose end is a date's duration is a date too.
    dated_ranges = {q.range_id for q in dated if q.range_id is not None}
    return [
        q
        for q in quantities
        if checkworthy(q)
        and q not in dated
        and (q.range_id is None or q.range_id not in dated_ranges)
    ]


def resolved(dates: Sequence[DateMention]) -> list[DateMention]:
    """The dates and times with a resolved value."""
    return [d for d in dates if d.value is not None and d.type in ("DATE", "TIME")]


def states_figure(claim: Claim) -> bool:
    """A checkable figure or a calendar date as written (``May 2015``; ``today`` is the story's own
    day, whose claims the model judges), stated rather than planned: always worth a claim."""
    if FIRST_PERSON_PLAN.search(claim.text):
        return False  # "we will hire 100,000 teachers" is a promise, for the model to judge
    if any(not VAGUE_AMOUNT.match(q.text) for q in counted_figures(claim.quantities, claim.dates)):
        return True
    return any(CALENDAR_VALUE.match(d.value or "") and EXPLICIT_DATE.search(d.text)
               for d in claim.dates)


def classify(
    text: str,
    quantities: Sequence[QuantityMention],
    dates: Sequence[DateMention],
    attribution: Attribution | None,
    has_entity: bool,
    has_failed_or_change_check: bool,
) -> str:
    """The claim type of a sentence: a rule type, else ``assertion`` (the model then decides)."""
    if counted_figures(quantities, dates):
        if has_failed_or_change_check or CHANGE_WORDS.search(text):
            return "change"
        if COMPARISON_WORDS.search(text):
            return "comparison"
        return "statistic"
    resolved_dates = resolved(dates)
    if PREDICTION_WORDS.search(text) and (has_entity or attribution is not None):
        return "prediction"
    if attribution is not None:
        return "attributed_statement"
    if resolved_dates and has_entity:
        return "dated_event"
    return "assertion"


def build_claims(annotations: Annotations, doc: Doc | None = None) -> tuple[Claim, ...]:
    """Every claim of one article, in text order (pure); checks need the article's parse."""
    article = annotations.article
    text = article.text
    quotes = [a for a in annotations.attributions if a.direct]
    claims: list[Claim] = []
    # Indexed once, so each sentence looks only at the mentions near it (a long article has
    # thousands of sentences and mentions; scanning all of them per sentence was quadratic).
    entities_at, dates_at = _index(annotations.entities), _index(annotations.dates)
    quantities_at = _index(annotations.quantities)
    # An attribution touches a sentence where its content or its cue does.
    reaching = Intervals([_reach(a) for a in annotations.attributions])

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
            entities=_inside(entities_at, annotations.entities, start, end),
            quantities=_reindexed(annotations.quantities, quantities_at.within(start, end)),
            dates=_inside(dates_at, annotations.dates, start, end),
            attribution=attribution,
            checks=checks,
            published=article.published,
        )

    sentences = annotations.sentences
    # A quote inside one sentence is that sentence's claim; a longer one is a claim of its own.
    inner = {
        i: [q for q in quotes if s.start <= q.content.start and q.content.end <= s.end]
        for i, s in enumerate(sentences)
    }
    inside_one = {id(q) for found in inner.values() for q in found}
    spanning = [q for q in quotes if id(q) not in inside_one]
    for quote in spanning:
        claims.append(make(quote.content.start, quote.content.end, "quote", quote))

    for index, sentence in enumerate(sentences):
        start, end = sentence.start, sentence.end
        quoted = sum(_overlap(q.content.start, q.content.end, start, end) for q in spanning)
        quantities = _inside(quantities_at, annotations.quantities, start, end)
        outside_quotes = [
            q
            for q in quantities
            if not any(_overlap(a.content.start, a.content.end, q.start, q.end) for a in spanning)
        ]
        within = any(q.content.start <= start and end <= q.content.end for q in spanning)
        if within or (quoted >= QUOTE_COVERAGE * (end - start) and not outside_quotes):
            continue
        dates = _inside(dates_at, annotations.dates, start, end)
        checks = find_checks(text, sentence, quantities, dates, doc)
        own_quotes = inner[index]
        near = [annotations.attributions[i] for i in reaching.overlapping(start, end)]
        attribution = own_quotes[0] if own_quotes else _best_attribution(near, start, end)
        if attribution is not None and attribution.direct and not own_quotes:
            attribution = None if quoted >= QUOTE_COVERAGE * (end - start) else attribution
        kind = classify(
            text[start:end],
            quantities,
            dates,
            attribution,
            bool(entities_at.within(start, end)),
            any(c.kind.endswith("change") for c in checks),
        )
        if own_quotes and kind not in NUMERIC_TYPES:
            kind = "quote"
        claims.append(make(start, end, kind, attribution, checks))
    return tuple(sorted(claims, key=lambda c: (c.start, c.end, c.type)))


def sentence_spans(
    text: str, bounds: Sequence[tuple[int, int]], body: Sequence[tuple[int, int]]
) -> tuple[TextSpan, ...]:
    """Sentences cut to the body and at paragraph breaks, trimmed, blank ones dropped."""
    spans: list[TextSpan] = []
    regions = Intervals(body)
    for sent_start, sent_end in bounds:
        # Only the regions the sentence overlaps: the others give no piece.
        for body_start, body_end in (body[i] for i in regions.overlapping(sent_start, sent_end)):
            start, end = max(sent_start, body_start), min(sent_end, body_end)
            for piece_start, piece_end in _paragraph_pieces(text, start, end):
                left = _skip_space(text, piece_start, piece_end)
                stray = STRAY_CLOSING_MARK.match(text, left, piece_end)
                if stray is not None:
                    # The mark closes the sentence before it: it goes back there.
                    if spans and spans[-1].end == left:
                        spans[-1] = TextSpan(spans[-1].start, stray.end(), "")
                    left = _skip_space(text, stray.end(), piece_end)
                right = left + len(text[left:piece_end].rstrip())
                if left < right:
                    spans.append(TextSpan(left, right, ""))
    done = {TextSpan(s.start, s.end, text[s.start : s.end]) for s in spans}
    return tuple(sorted(done, key=lambda s: (s.start, s.end)))


def _paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at every paragraph break inside it."""
    if start >= end:
        return []
    cuts = [m.start() for m in PARAGRAPH_BREAK.finditer(text, start, end)]
    edges = [start, *cuts, end]
    return list(itertools.pairwise(edges))


def _skip_space(text: str, start: int, end: int) -> int:
    """The first non-space position of ``[start, end)`` (``end`` if none)."""
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip())
