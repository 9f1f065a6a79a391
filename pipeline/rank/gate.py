"""The emission gate: which scored candidates become claims.

Every sentence of an article is a candidate; the gate keeps a candidate when it is no fragment
and either states a checkable figure or a calendar date, quotes a named speaker, fails a check, or
its calibrated check-worthiness reaches the model's emission threshold, which ``make train``
chooses by cross-validation on the training part. A figure or date a speaker states in their own
first person with no named source ("I have 30 seconds", "we were 2nd in the country") is kept from
the model's floor up instead, also chosen by cross-validation: ClaimBuster calls most such
sentences of no check-worthiness, while a figure stated about someone or something else stays a
claim whatever its score.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from pipeline.claims.build import states_figure
from pipeline.contract import Claim

SOURCE_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
FIRST_PERSON = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
)
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})

TABLE_WORDS = frozenset({"vs", "vs."})  # a wire table row sets figures side by side with it
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MIN_WORDS = 3  # a claim says something about something: fewer words are a fragment
SENTENCE_ENDS = frozenset({".", "!", "?"})
# A short span without a single function word or a full stop is telegraphic: a table row
# ("Shr loss 11 cts", "Div 50 won vs 50 won"), a heading ("Qtr ended Jan 31"), a dateline.
TELEGRAPHIC_WORDS = 6
FUNCTION_TAGS = frozenset({"DT", "PDT", "IN", "TO", "PRP", "PRP$", "WDT", "WP", "CC", "EX", "MD"})
COLUMN_GAP = 3  # spaces inside a line that align table columns
MIN_PROSE_WORDS = 2  # a verbless span needs lowercase words to be prose, not a heading
# Dots leading from a row's label to its figure ("Total vault cash......25,237 vs...27,327"):
# a table of a wire service's statistics, whatever words it holds. An ellipsis ends a word.
DOT_LEADER = re.compile(r"[^\s.]\.{4,}[^\s.]")


def is_fragment(span: Span) -> bool:
    """A span that states nothing: a lone mark, a heading, a dateline, a row of bare figures."""
    # Each token's strings are read once: spaCy builds a new Token and string per access.
    tokens = [(t, t.text, t.tag_, t.lower_) for t in span]
    words = [(t, text) for t, text, _, _ in tokens if _has_alnum(text)]
    if len(words) < MIN_WORDS:
        return True
    if any(t.is_space and "\n" not in text and len(text) >= COLUMN_GAP for t, text, _, _ in tokens):
        return True  # "Over 270 days     4.01 pct": columns of a table
    if any("...." in text for _, text, _, _ in tokens) and DOT_LEADER.search(span.text):
        return True
    function = any(tag in FUNCTION_TAGS and lower not in TABLE_WORDS for *_, tag, lower in tokens)
    ended = tokens[-1][1] in SENTENCE_ENDS if tokens else False
    if len(words) <= TELEGRAPHIC_WORDS and not function and not ended:
        return True
    finite = any(tag in FINITE_TAGS for *_, tag, _ in tokens)
    if not finite and any(lower in TABLE_WORDS for *_, lower in tokens):
        return True  # "Div seven cts vs six cts": a tagger may call div a verb
    if finite or any(tag.startswith("VB") for *_, tag, _ in tokens):
        return False
    # Without a verb: a heading, a byline or a dateline unless lowercase prose outweighs figures.
    prose = [t for t, text in words if t.is_alpha and text[0].islower() and len(text) >= 3]
    figures = [t for t, text in words if any(ch.isdigit() for ch in text)]
    return len(prose) < MIN_PROSE_WORDS or len(figures) > len(prose)


def named_source(claim: Claim) -> bool:
    """A speaker resolved to an entity, or a source that names one."""
    attribution = claim.attribution
    if attribution is None:
        return False
    if attribution.speaker:
        return True
    source = attribution.source
    return source is not None and any(
        e.label in SOURCE_ENTITY_LABELS and source.start <= e.start and e.end <= source.end
        for e in claim.entities
    )


def first_person(span: Span) -> bool:
    """The span speaks in the first person (I, we, our...): its speaker talks about themselves."""
    return any(t.tag_ in PRONOUN_TAGS and t.lower_ in FIRST_PERSON for t in span)


def floored(claim: Claim, span: Span) -> bool:
    """A forced claim in its own speaker's first person, no source named: kept from the floor up."""
    failed = any(c.consistent is False for c in claim.checks)
    return not failed and not named_source(claim) and first_person(span)


@lru_cache(maxsize=65_536)
def _has_alnum(text: str) -> bool:
    """Whether a token's text holds a letter or digit (a word, not a mark)."""
    return any(ch.isalnum() for ch in text)


def forced(claim: Claim) -> bool:
    """Kept whatever its score: a figure, a calendar date, a named quote, a failed check."""
    if states_figure(claim) or any(c.consistent is False for c in claim.checks):
        return True
    return claim.type == "quote" and claim.attribution is not None and bool(
        claim.attribution.speaker
    )


def emitted(claim: Claim, span: Span, threshold: float, floor: float = 0.0) -> bool:
    """Whether a scored candidate is a claim."""
    if is_fragment(span):
        return False
    score = claim.checkworthiness or 0.0
    if forced(claim):
        return score >= floor if floored(claim, span) else True
    return score >= threshold
