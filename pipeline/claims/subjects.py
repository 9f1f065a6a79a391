"""Where an article's parse puts the subjects of its sentences, for the referents.

Computed once per article from the Doc and handed to ``Referents`` as plain character offsets,
so ``Referents`` stays usable from annotations alone (without them it counts any person of a
sentence as a rival for its subject, and only a sentence's first words as its subject).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Subjects:
    """Start offsets of the tokens in a subject position, sorted: ``main`` of a sentence's
    root (or a verb conjoined with it), ``any`` of any clause; each with the words conjoined
    with a subject (``Ellis and Grant``), never a by-phrase, possessive or apposition."""

    main: tuple[int, ...]
    any: tuple[int, ...]

    def main_in(self, start: int, end: int) -> bool:
        """Whether a main clause's subject starts in ``[start, end)``."""
        return _within(self.main, start, end)

    def any_in(self, start: int, end: int) -> bool:
        """Whether any clause's subject starts in ``[start, end)``."""
        return _within(self.any, start, end)


def subjects_of(doc: Doc) -> Subjects:
    """The subjects of the article's parse."""
    main, every = [], []
    for token in doc:
        head = _conjoined(token)
        if head.dep_ in SUBJECTS:
            every.append(token.idx)
            if _conjoined(head.head).dep_ == "ROOT":
                main.append(token.idx)
    return Subjects(tuple(main), tuple(every))


def _conjoined(token: Token) -> Token:
    """The first of the words a word is conjoined with (itself if none)."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _within(starts: Sequence[int], start: int, end: int) -> bool:
    at = bisect.bisect_left(starts, start)
    return at < len(starts) and starts[at] < end
