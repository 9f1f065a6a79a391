"""Where an article's parse puts the subjects and objects of its sentences, for the referents.

Computed once per article from the Doc and handed to ``Referents`` as plain character offsets,
so ``Referents`` stays usable from annotations alone (without them it counts any person of a
sentence as a rival for its subject, and only a sentence's first words as its subject).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import DEP, HEAD, IDX, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

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
    # Read as integer arrays once: a Token object per word cost more than the rule itself.
    if not len(doc):
        return Subjects((), (), ())
    strings = doc.vocab.strings
    # Labels and tags are unsigned hashes; a head is an offset, negative to the left.
    rows = doc.to_array([DEP, TAG, IDX]).tolist()
    deps = [row[0] for row in rows]
    tags = [row[1] for row in rows]
    heads = [i + step for i, step in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
    children: dict[int, list[int]] = {}
    for i, head in enumerate(heads):
        if head != i:
            children.setdefault(head, []).append(i)
    ids = _Ids(strings)

    def conjoined(i: int) -> int:
        while deps[i] == ids.conj and heads[i] != i:
            i = heads[i]
        return i

    def finite(verb: int) -> bool:
        verb = conjoined(verb)
        return deps[verb] == ids.root or tags[verb] in ids.finite or any(
            deps[c] == ids.mark or (deps[c] in ids.aux and tags[c] in ids.finite)
            for c in children.get(verb, ())
        )

    main, finite_, objects = [], [], []
    for i, row in enumerate(rows):
        head = conjoined(i)
        if deps[head] in ids.subjects and finite(heads[head]):
            finite_.append(row[2])
            if deps[conjoined(heads[head])] == ids.root:
                main.append(row[2])
        elif deps[head] in ids.subjects or deps[head] in ids.objects:
            objects.append(row[2])
    return Subjects(tuple(main), tuple(finite_), tuple(objects))


class _Ids:
    """The string ids of the labels and tags the rule reads."""

    def __init__(self, strings: StringStore) -> None:
        self.conj, self.root, self.mark = strings["conj"], strings["ROOT"], strings["mark"]
        self.subjects = frozenset(strings[label] for label in SUBJECTS)
        self.objects = frozenset(strings[label] for label in OBJECTS)
        self.aux = frozenset((strings["aux"], strings["auxpass"]))
        self.finite = frozenset(strings[tag] for tag in FINITE)


def _within(starts: Sequence[int], start: int, end: int) -> bool:
    at = bisect.bisect_left(starts, start)
    return at < len(starts) and starts[at] < end
