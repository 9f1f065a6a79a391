"""Quotes whose speaker is a label or a signature: ``Ortega: “…”``, ``“…” ¶ - Maria Lopez``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.attribution.adjacent import first_token
from pipeline.attribution.cues import Found, char_span

# A quoted paragraph signed on the next line: '\n\n- Maria Lopez.' (fact-check style).
SIGNATURE = re.compile(r"[ \t]*\n\s*([-—–])[ \t]*(?=[A-Z])")
LABEL_WORDS = 7


def signature_cue(doc: Doc, text: str, starts: Sequence[int], end: int) -> Found | None:
    """``"…"`` then a line ``- Maria Lopez.``: the name signed under a quoted paragraph."""
    found = SIGNATURE.match(text, end)
    if found is None:
        return None
    index = first_token(starts, found.end())
    names: list[Token] = []
    for token in doc[index:] if index is not None else ():
        if token.pos_ != "PROPN" or "\n" in token.text:
            break
        names.append(token)
    source = char_span(names, text)
    if source is None:
        return None
    dash = found.start(1)
    return Found((0, 0), (dash, dash + 1), source, names[-1].i, None, direct=True)


def label_cue(doc: Doc, text: str, starts: Sequence[int], start: int) -> Found | None:
    """``Ortega: ‘We will win.’`` / ``- Nina Cole and Raj Mehta: “…”``: a name as label."""
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
    if first > 0 and not _is_label_boundary(doc[first - 1]):
        return None
    words = [t.lower_ for t in doc[first : min(colon, first + 2)]]
    # A live blog's "- More from the report: “…”": what follows "more from" is the source.
    cited = words == ["more", "from"]
    first += 2 if cited else 0
    label = doc[first:colon]
    named = any(
        (t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper()) or _is_capitals(t) for t in label
    )
    if cited:
        named = bool(label) and all(t.pos_ in ("DET", "PROPN", "NOUN", "CCONJ") for t in label)
    elif not named or not all(_is_name_word(t) for t in label):
        return None
    if not named:
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
    """A word of a name or of a list of names: ``Nina Cole and Raj Mehta``."""
    return token.pos_ in ("PROPN", "CCONJ", "PART") or (
        token.pos_ == "NOUN" and token.text[:1].isupper()
    ) or _is_capitals(token) or token.text in (",", ".", "'s", "’s")


def _is_capitals(token: Token) -> bool:
    """A transcript's speaker label in capitals (``HOLT:``), whatever the tagger made of it."""
    return token.is_alpha and token.is_upper and len(token.text) > 1


def labelled(found: Found, label: Found | None) -> Found:
    """The found attribution with the label's source and cue, when there is a label."""
    if label is None:
        return found
    return replace(
        found, cue=label.cue, source=label.source, source_head=label.source_head,
        cue_token=label.cue_token,
    )
