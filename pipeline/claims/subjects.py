"""Where an article's parse puts the subjects and objects of its sentences, for the referents.

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
OBJECTS = frozenset({"dobj", "dative"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True, slots=True)
class Subjects:
    """Start offsets, sorted, of the tokens in a subject or object position, each with the
    words conjoined with it (``Ellis and Grant``), never a by-phrase, possessive or apposition:
    ``main`` the subjects of a sentence's root (or a verb conjoined with it), ``finite`` those
    of any finite clause (``said that Warner could``), ``objects`` the objects and the subjects
    of a clause with no tense (``ordered Warner jailed``, ``recalled Obama talking``)."""

    main: tuple[int, ...]
    finite: tuple[int, ...]
    objects: tuple[int, ...]

    def main_in(self, start: int, end: int) -> bool:
        """Whether a main clause's subject starts in ``[start, end)``."""
        return _within(self.main, start, end)

    def finite_in(self, start: int, end: int) -> bool:
        """Whether a finite clause's subject starts in ``[start, end)``."""
        return _within(self.finite, start, end)

    def object_in(self, start: int, end: int) -> bool:
        """Whether an object (or a tenseless clause's subject) starts in ``[start, end)``."""
        return _within(self.objects, start, end)


def subjects_of(doc: Doc) -> Subjects:
    """The subjects and objects of the article's parse."""
    main, finite, objects = [], [], []
    for token in doc:
        head = _conjoined(token)
        if head.dep_ in SUBJECTS and _finite(head.head):
            finite.append(token.idx)
            if _conjoined(head.head).dep_ == "ROOT":
                main.append(token.idx)
        elif head.dep_ in SUBJECTS or head.dep_ in OBJECTS:
            objects.append(token.idx)
    return Subjects(tuple(main), tuple(finite), tuple(objects))


def _finite(verb: Token) -> bool:
    """Whether a clause has tense: its verb's, an auxiliary's, or a ``that`` opening it."""
    verb = _conjoined(verb)
    return verb.dep_ == "ROOT" or verb.tag_ in FINITE or any(
        c.dep_ in ("aux", "auxpass", "mark") and (c.tag_ in FINITE or c.dep_ == "mark")
        for c in verb.children
    )


def _conjoined(token: Token) -> Token:
    """The first of the words a word is conjoined with (itself if none)."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _within(starts: Sequence[int], start: int, end: int) -> bool:
    at = bisect.bisect_left(starts, start)
    return at < len(starts) and starts[at] < end
