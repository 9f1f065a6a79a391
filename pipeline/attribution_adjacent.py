"""Cues written right beside a quotation: ``“…,” Kim said``, ``said Kim``, ``put it: “…”``."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.attribution_cues import NOMINAL, QUOTE_MARKS, Found, char_span, subtree_span
from pipeline.attribution_lexicon import CueLexicon

# Words that may stand between a quote and its cue verb without being the cue themselves.
AUXILIARIES = frozenset({"have", "be", "do", "will", "would", "could", "can", "may", "might"})
STOPS = frozenset(".!?;()[]") | frozenset(QUOTE_MARKS) | {"''", "``", "‘", "’", "'"}
WINDOW = 12


def first_token(doc: Doc, char: int) -> int | None:
    """Index of the first token that starts at or after ``char``."""
    span = doc.char_span(char, min(char + 1, len(doc.text)), alignment_mode="expand")
    if span is None:
        return None
    index = span.start
    while index < len(doc) and doc[index].idx < char:
        index += 1
    return index if index < len(doc) else None


def _is_auxiliary(token: Token) -> bool:
    return token.tag_ == "MD" or token.lemma_.lower() in AUXILIARIES


def _ends_window(token: Token) -> bool:
    return "\n" in token.text or token.text in STOPS


def trailing_cue(doc: Doc, end: int, lexicon: CueLexicon) -> Found | None:
    """``“…,” the minister told reporters`` / ``“…,” said Kim``: a cue right after the quote."""
    index = first_token(doc, end)
    if index is None:
        return None
    text = doc.text
    verb: Token | None = None
    for token in doc[index : index + WINDOW]:
        if _ends_window(token):
            return None
        if token.pos_ in ("VERB", "AUX") and not _is_auxiliary(token):
            verb = token
            break
    if verb is None or not lexicon.is_cue(verb.lemma_.lower()):
        return None
    before = doc[index : verb.i]
    source: tuple[int, int] | None = None
    head: Token | None = None
    if any(t.is_alpha for t in before):
        source = char_span([t for t in before if not _is_auxiliary(t) and t.pos_ != "ADV"], text)
        roots = [t for t in before if not (before.start <= t.head.i < before.end) or t.head == t]
        nominal = [t for t in roots if t.pos_ in NOMINAL]
        head = nominal[0] if nominal else (roots[0] if roots else None)
    else:
        after = verb.i + 1
        while after < len(doc) and doc[after].pos_ == "ADV":
            after += 1
        if after < len(doc) and doc[after].pos_ in NOMINAL and not _ends_window(doc[after]):
            head = doc[after]
            while head.head.i != head.i and head.head.i > verb.i and head.head.pos_ in NOMINAL:
                head = head.head
            source = subtree_span(head, text)
    if source is None or head is None:
        return None
    cue = (verb.idx, verb.idx + len(verb.text))
    return Found((0, 0), cue, source, head.i, verb.i, direct=True)


def leading_cue(doc: Doc, start: int, lexicon: CueLexicon) -> bool:
    """Whether a cue verb and a comma or colon come right before the quote (``said, “No.”``)."""
    index = first_token(doc, start)
    if index is None or index < 2:
        return False
    mark, verb = doc[index - 1], doc[index - 2]
    return mark.text in (",", ":") and verb.pos_ == "VERB" and lexicon.is_cue(verb.lemma_.lower())


def colon_cue(doc: Doc, start: int, in_quote: list[bool]) -> Found | None:
    """``As Tom Ridge put it: “…”``: the subject of the clause that a colon hands to the quote."""
    index = first_token(doc, start)
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
    return Found((0, 0), cue, subtree_span(subject, doc.text), subject.i, verb.i, direct=True)
