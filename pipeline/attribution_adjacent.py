"""Cues written right beside a quotation: ``“…,” Kim said``, ``said Kim``, ``put it: “…”``."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.attribution_cues import (
    NOMINAL,
    QUOTE_MARKS,
    Found,
    char_span,
    postposed_subject,
    subtree_span,
)
from pipeline.attribution_lexicon import CueLexicon

# Words that may stand between a quote and its cue verb without being the cue themselves.
AUXILIARIES = frozenset({"have", "be", "do", "will", "would", "could", "can", "may", "might"})
STOPS = frozenset(".!?;()[]") | frozenset(QUOTE_MARKS) | {"''", "``", "‘", "’", "'"}
WINDOW = 12
LABEL_WORDS = 7


def first_token(starts: Sequence[int], char: int) -> int | None:
    """Index of the first token that starts at or after ``char`` (``starts``: token offsets)."""
    index = bisect.bisect_left(starts, char)
    return index if index < len(starts) else None


def _is_auxiliary(token: Token) -> bool:
    return token.tag_ == "MD" or token.lemma_.lower() in AUXILIARIES


def _ends_window(token: Token) -> bool:
    return "\n" in token.text or token.text in STOPS


def trailing_cue(
    doc: Doc, text: str, starts: Sequence[int], end: int, lexicon: CueLexicon
) -> Found | None:
    """``“…,” the minister told reporters`` / ``“…,” said Kim``: a cue right after the quote."""
    index = first_token(starts, end)
    if index is None:
        return None
    verb: Token | None = None
    for token in doc[index : index + WINDOW]:
        if _ends_window(token):
            return None
        if token.pos_ in ("VERB", "AUX") and not _is_auxiliary(token):
            verb = token
            break
    if verb is None or not lexicon.is_cue(verb.lemma_.lower()):
        return None
    beside = source_beside(verb, text, index)
    if beside is None:
        return None
    source, head = beside
    cue = (verb.idx, verb.idx + len(verb.text))
    return Found((0, 0), cue, source, head.i, verb.i, direct=True)


def source_beside(
    verb: Token, text: str, first: int, in_quote: Sequence[bool] | None = None
) -> tuple[tuple[int, int], Token] | None:
    """The speaker written between a quote and its cue verb, else right after the verb.

    ``first`` is the first token after the quote; with ``in_quote`` it is found by
    walking back from the verb to the closing mark.
    """
    doc = verb.doc
    if in_quote is not None:
        first = verb.i
        while first > 0 and verb.i - first < WINDOW and not in_quote[first - 1]:
            if _ends_window(doc[first - 1]):
                break
            first -= 1
        if first == 0 or not in_quote[first - 1]:
            first = verb.i
    before = doc[first : verb.i]
    if any(t.pos_ in NOMINAL for t in before):
        words = [t for t in before if not _is_auxiliary(t) and t.pos_ != "ADV"]
        source = char_span(words, text)
        roots = [t for t in before if not (first <= t.head.i < verb.i) or t.head == t]
        nominal = [t for t in roots if t.pos_ in NOMINAL]
        head = nominal[0] if nominal else (roots[0] if roots else None)
        return (source, head) if source is not None and head is not None else None
    after = postposed_subject(verb, min(len(doc), verb.i + WINDOW))
    if after is None or _ends_window(after):
        return None
    source = subtree_span(after, text)
    return (source, after) if source is not None else None


def leading_cue(doc: Doc, starts: Sequence[int], start: int, lexicon: CueLexicon) -> bool:
    """Whether a cue verb and a comma or colon come right before the quote (``said, “No.”``)."""
    index = first_token(starts, start)
    if index is None or index < 2:
        return False
    mark, verb = doc[index - 1], doc[index - 2]
    return mark.text in (",", ":") and verb.pos_ == "VERB" and lexicon.is_cue(verb.lemma_.lower())


def label_cue(doc: Doc, text: str, starts: Sequence[int], start: int) -> Found | None:
    """``Trump: ‘We will win.’`` / ``- Mark Blumenthal and Jon Cohen: “…”``: a name as label."""
    index = first_token(starts, start)
    if index is None:
        return None
    colon = index - 1
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon < 1 or doc[colon].text != ":":
        return None
    first = colon
    while first > 0 and colon - first < LABEL_WORDS and not _is_label_boundary(doc[first - 1]):
        first -= 1
    label = doc[first:colon]
    if first > 0 and not _is_label_boundary(doc[first - 1]):
        return None
    named = any(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in label)
    if not named or not all(_is_name_word(t) for t in label):
        return None
    source = char_span(label, text)
    roots = [t for t in label if not (first <= t.head.i < colon) or t.head == t]
    if source is None or not roots:
        return None
    cue = (doc[colon].idx, doc[colon].idx + 1)
    return Found((0, 0), cue, source, roots[0].i, doc[colon].i, direct=True)


def _is_label_boundary(token: Token) -> bool:
    return "\n" in token.text or token.text in ("-", "—", "–", ".", "|", ":")


def _is_name_word(token: Token) -> bool:
    """A word of a name or of a list of names: ``Mark Blumenthal and Jon Cohen``."""
    return token.pos_ in ("PROPN", "CCONJ", "PART") or (
        token.pos_ == "NOUN" and token.text[:1].isupper()
    ) or token.text in (",", ".", "'s", "’s")


def colon_cue(
    doc: Doc, text: str, starts: Sequence[int], start: int, in_quote: list[bool]
) -> Found | None:
    """``As Tom Ridge put it: “…”``: the subject of the clause that a colon hands to the quote."""
    index = first_token(starts, start)
    if index is None:
        return None
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    if index < 1 or doc[index].text != ":" or in_quote[index]:
        return None
    verb = doc[index - 1]
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < index]
    if not subjects or in_quote[subjects[0].i] or subjects[0].pos_ not in NOMINAL:
        return None
    subject = subjects[0]
    cue = (verb.idx, verb.idx + len(verb.text))
    return Found((0, 0), cue, subtree_span(subject, text), subject.i, verb.i, direct=True)
