"""A lean stand-in for the base model's attribute ruler and lemmatizer.

The stages read coarse part-of-speech tags everywhere but lemmas only of verbs and nouns
(cue verbs, units). The base model's attribute ruler and rule lemmatizer spend a Python
call on every token for much more than that, about a fifth of a bare spaCy run; this
component maps fine tags to coarse ones with one array operation and lemmatizes only the
tokens whose lemma a stage reads, with the base model's own rules and tables.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

LEMMATIZED_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})
# Distinct (word, part of speech) pairs remembered; cleared when full so memory stays flat.
LEMMA_CACHE_SIZE = 200_000


def tag_map_of(ruler: Any) -> dict[str, str]:
    """Fine tag → coarse tag, from the attribute ruler's single-tag patterns."""
    mapping: dict[str, str] = {}
    for pattern in ruler.patterns:
        tokens = pattern["patterns"][0]
        if len(tokens) == 1 and set(tokens[0]) == {"TAG"} and "POS" in pattern["attrs"]:
            mapping[tokens[0]["TAG"]] = pattern["attrs"]["POS"]
    return mapping


def index_as_sets(lemmatizer: Lemmatizer) -> None:
    """Hold each part of speech's index of known lemmas as a set instead of a list."""
    # The rules test membership in this index for every new word; on a list of ~60,000
    # nouns that is a scan, about 250 µs a word. A set has the same members and answers at once.
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for key in list(index.keys()):
        index[key] = frozenset(index[key])


class LeanMorphology:
    """Sets ``pos`` from ``tag`` and lemmas of verbs and nouns; nothing else."""

    def __init__(self, nlp: Language, name: str, tag_map: dict[str, str]) -> None:
        self.name = name
        strings = nlp.vocab.strings
        self._pos_of_tag = {strings.add(tag): strings.add(pos) for tag, pos in tag_map.items()}
        self._lemmatized = numpy.array(
            sorted(strings.add(pos) for pos in LEMMATIZED_POS), dtype="uint64"
        )
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self._lemmatizer: Lemmatizer | None = lemmatizer  # type: ignore[assignment]
        if lemmatizer is not None:
            index_as_sets(lemmatizer)  # type: ignore[arg-type]
        self._cache: dict[tuple[int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        columns = doc.to_array([TAG, ORTH])
        if not len(columns):
            return doc
        tags, orths = columns[:, 0], columns[:, 1]
        lookup = self._pos_of_tag
        # A document has a few dozen distinct tags: map those, then index, instead of per token.
        distinct, where = numpy.unique(tags, return_inverse=True)
        pos = numpy.array([lookup.get(int(t), 0) for t in distinct], dtype="uint64")[where]
        doc.from_array([POS], pos.reshape(-1, 1))  # type: ignore[arg-type]
        if self._lemmatizer is not None:
            lemmas = numpy.zeros(len(pos), dtype="uint64")
            # Only the tokens whose lemma a stage reads: one array test, not one per token.
            at = numpy.flatnonzero(numpy.isin(pos, self._lemmatized))
            cache = self._cache
            # Most words were seen before: a dict lookup on plain ints, the rules only on a miss.
            keys = zip(orths[at].tolist(), pos[at].tolist(), strict=True)
            lemmas[at] = [
                cached if (cached := cache.get(key)) is not None else self._lemma_of(doc, i, *key)
                for i, key in zip(at.tolist(), keys, strict=True)
            ]
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _lemma_of(self, doc: Doc, i: int, orth: int, pos: int) -> int:
        """The lemma's string id; the rules see only the word and its tag, so it is cached."""
        # No morphology is set in the lean parse, so (word, pos) decides the rules' answer.
        key = (orth, pos)
        lemma = self._cache.get(key)
        if lemma is None:
            assert self._lemmatizer is not None
            lemma = doc.vocab.strings.add(self._lemmatizer.rule_lemmatize(doc[i])[0])
            if len(self._cache) >= LEMMA_CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = lemma
        return lemma


@Language.factory("claims_morphology", default_config={"tag_map": {}})
def make_morphology(nlp: Language, name: str, tag_map: dict[str, str]) -> LeanMorphology:
    """Factory of the lean morphology component (built before the lemmatizer is removed)."""
    return LeanMorphology(nlp, name, tag_map)


def make_lean(nlp: Language) -> None:
    """Swap the attribute ruler and lemmatizer for the lean component, in place."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    tag_map = tag_map_of(nlp.get_pipe("attribute_ruler"))
    nlp.add_pipe("claims_morphology", after="attribute_ruler", config={"tag_map": tag_map})
    nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        nlp.remove_pipe("lemmatizer")
