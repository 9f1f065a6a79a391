"""Check-worthiness logits of many spans of one Doc, from integer keys instead of feature strings.

``features.features`` spells every feature of a span as a string (about 300 per claim)
and is the reference: training uses it. Scoring each claim of an article that way was most of
the rank stage, so here a feature of the word, tag, arc and cue-pair families is a 64-bit key
mixed from the ids spaCy already holds for its parts (``spacy.strings.get_string_id``). One Doc's
token keys are computed and looked up in numpy once; each span takes slices of them, and all
spans are counted and weighed in one pass. The model's feature strings get their keys when the
model is loaded, for every way of cutting a string at its separators (a word may itself hold
``_``), so that the keys spelling one string share its entry and their counts add, as the
string's would. The logit is the reference's to the last bit: the same features, counts and
products, summed by ``math.fsum`` (``tests/test_checkworthiness_doc.py``). Two different
features meet on one key only by a 64-bit hash collision; loading the model checks its own.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import numpy as np
from numpy.typing import NDArray
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SHAPE,
    TAG,
)
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from pipeline.rank.features import (
    ARCS,
    CONTENT_POS,
    DEP_CUES,
    TAG_CUES,
    WORD_CUE_TAGS,
    lemma_cue,
    subjects,
    token_cues,
)
from pipeline.rank.model import MODEL_DIR, Model, load_model

Keys = NDArray[np.uint64]
Entries = NDArray[np.int64]

MULTIPLIER = 0x9E3779B97F4A7C15  # odd, so each mixing step is a bijection of the key
MASK = (1 << 64) - 1
PARTS = 3  # every key mixes three part ids; a family with fewer parts pads with 0
NO_ENTRY = -1

# The integer families: name -> the separators between its parts, in order.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "w": (),
    "wt": ("/",),
    "l": (),
    "p": (),
    "e": (),
    "d": (),
    "s": (),
    "a": (":", ">"),
    "w2": ("_",),
    "p2": ("_",),
    "p3": ("_", "_"),
    "x": ("&",),
    "xl": ("&",),
}
# The rows of a Doc's key matrix: tokens, then pairs of tokens, then triples.
_UNIGRAMS = ("w", "wt", "l", "p", "e", "d", "s", "a")
_BIGRAMS = ("w2", "p2")
_ROWS = (*_UNIGRAMS, *_BIGRAMS, "p3")
_FAMILY_ID = {name: get_string_id("checkworthiness:" + name) for name in _FAMILIES}
_ROW_IDS = np.array([[_FAMILY_ID[name]] for name in _ROWS], dtype=np.uint64)
_ARC_IDS = np.array(sorted(get_string_id(d) for d in ARCS), dtype=np.uint64)
_CONTENT_IDS = np.array(sorted(get_string_id(p) for p in CONTENT_POS), dtype=np.uint64)
_ROOT = get_string_id("ROOT")
_DEP_CUE_IDS = np.array(sorted(get_string_id(d) for d in DEP_CUES), dtype=np.uint64)
_CUE_TAG_IDS = np.array(
    sorted(get_string_id(tag) for tag in (*TAG_CUES, *WORD_CUE_TAGS)), dtype=np.uint64
)
_ATTRS = [LOWER, TAG, POS, DEP, LEMMA, ENT_TYPE, SHAPE, HEAD, IS_PUNCT, LIKE_NUM, ORTH, IS_SPACE]


def key_of(family: str, ids: Sequence[int]) -> int:
    """The key of one feature from its family and its parts' string ids."""
    key = _FAMILY_ID[family]
    for part in (*ids, *(0,) * (PARTS - len(ids))):
        key = (key * MULTIPLIER + part) & MASK
    return key


def _member(values: NDArray[np.uint64], sorted_ids: NDArray[np.uint64]) -> NDArray[np.bool_]:
    """Whether each value is one of ``sorted_ids`` (``np.isin`` costs more on a few ids)."""
    at = np.minimum(np.searchsorted(sorted_ids, values), len(sorted_ids) - 1)
    member: NDArray[np.bool_] = sorted_ids[at] == values
    return member


def _cuts(text: str, separators: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every way of cutting ``text`` at one occurrence of each separator, in order."""
    if not separators:
        yield (text,)
        return
    separator, rest = separators[0], separators[1:]
    at = text.find(separator)
    while at != -1:
        for tail in _cuts(text[at + len(separator) :], rest):
            yield (text[:at], *tail)
        at = text.find(separator, at + 1)


@dataclass(frozen=True, slots=True)
class KeyTable:
    """The model's features by key (integer families) or by string (the rest), with their values."""

    keys: Keys  # sorted
    key_entries: Entries
    by_key: dict[int, int]  # the same, for the few keys a span forms in Python
    xl_lemmas: frozenset[int]  # lemmas that some ``xl:`` feature pairs with a cue
    string_entries: dict[str, int]
    idf: NDArray[np.float64]
    idf_weight: NDArray[np.float64]
    bias: float

    @classmethod
    def from_model(cls, model: Model) -> KeyTable:
        names = sorted(model.table)
        by_key: dict[int, int] = {}
        strings: dict[str, int] = {}
        xl_lemmas: set[int] = set()
        for entry, name in enumerate(names):
            family, colon, rest = name.partition(":")
            if not colon or family not in _FAMILIES:
                strings[name] = entry
                continue
            for parts in _cuts(rest, _FAMILIES[family]):
                ids = [get_string_id(part) for part in parts]
                if family == "xl":
                    xl_lemmas.add(ids[-1])
                if by_key.setdefault(key_of(family, ids), entry) != entry:
                    raise ValueError(f"two check-worthiness features share a key: {name!r}")
        ordered = sorted(by_key)
        return cls(
            keys=np.array(ordered, dtype=np.uint64),
            key_entries=np.array([by_key[k] for k in ordered], dtype=np.int64),
            by_key=by_key,
            xl_lemmas=frozenset(xl_lemmas),
            string_entries=strings,
            idf=np.array([model.table[n][0] for n in names], dtype=np.float64),
            idf_weight=np.array([model.table[n][1] for n in names], dtype=np.float64),
            bias=model.bias,
        )

    def entries(self, keys: Keys) -> Entries:
        """The entry of each key, or ``NO_ENTRY``."""
        if not len(self.keys):
            return np.full(keys.shape, NO_ENTRY, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[at] == keys, self.key_entries[at], NO_ENTRY)

    def logits(self, groups: Sequence[Entries]) -> list[float]:
        """Per group of entries (repeats count), the bias plus their weighted TF-IDF.

        All groups are counted and weighed in numpy together; each group's sums are then
        ``math.fsum`` of its own values, as ``features.logit_of_features`` sums them.
        """
        size = len(self.idf)
        entries = np.concatenate([*groups, np.zeros(0, dtype=np.int64)])
        group = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        known = entries >= 0
        # One sort orders the entries by group and counts each entry within its group.
        pairs, counts = np.unique(group[known] * size + entries[known], return_counts=True)
        found = pairs % size
        tf = np.ones(len(counts), dtype=np.float64)
        repeated = np.flatnonzero(counts > 1)
        tf[repeated] = [_tf(count) for count in counts[repeated].tolist()]
        values = tf * self.idf[found]
        squares = (values * values).tolist()
        weighted = (tf * self.idf_weight[found]).tolist()
        bounds = np.searchsorted(pairs, np.arange(len(groups) + 1) * size).tolist()
        out = []
        for first, last in itertools.pairwise(bounds):
            norm = math.sqrt(math.fsum(squares[first:last]))
            out.append(self.bias + (math.fsum(weighted[first:last]) / norm if norm > 0 else 0.0))
        return out


@cache
def _tf(count: int) -> float:
    return 1.0 if count == 1 else 1.0 + math.log(count)


@cache
def load_key_table(model_dir: str = str(MODEL_DIR)) -> KeyTable:
    """The shipped model's key table, built once per process."""
    return KeyTable.from_model(load_model(model_dir))


# What a string id stands for, learnt once per process (the ids are fixed hashes of the text).
_lowered: dict[int, int] = {0: 0}
_lowered_text: dict[int, str] = {0: ""}
_has_digit: dict[int, bool] = {}
# Entries kept at most: an archive's new words would otherwise grow the caches without end.
CACHE_LIMIT = 100_000


def _forget_when_full() -> None:
    """Empty the id caches once they hold ``CACHE_LIMIT`` entries (they only save time)."""
    if len(_lowered) >= CACHE_LIMIT or len(_has_digit) >= CACHE_LIMIT:
        for cache_ in (_lowered, _lowered_text, _has_digit):
            cache_.clear()
        _lowered[0], _lowered_text[0] = 0, ""


def _lower_lemma(strings: StringStore, lemma: int) -> int:
    text = strings[lemma].lower()
    lowered = _lowered[lemma] = get_string_id(text)
    _lowered_text[lowered] = text  # the lowered lemma may not be in the StringStore
    return lowered


def _digit_shape(strings: StringStore, shape: int) -> bool:
    found = _has_digit[shape] = "d" in strings[shape]  # a shape writes every digit as `d`
    return found


class DocFeatures:
    """One Doc's feature entries per token, from which any span's logit is summed."""

    def __init__(self, table: KeyTable, doc: Doc) -> None:
        self.table = table
        self.doc = doc
        strings = doc.vocab.strings
        n = len(doc)
        _forget_when_full()
        columns = np.asarray(doc.to_array(_ATTRS), dtype=np.uint64).reshape(n, len(_ATTRS)).T
        lower, tag, pos, dep, written, ent, shape, head, punct, like_num, orth, space = columns
        # The reference lowercases lemmas; spaCy's ids are of the lemma as written.
        lemma_list = [
            _lowered[i] if i in _lowered else _lower_lemma(strings, i) for i in written.tolist()
        ]
        lemma = np.array(lemma_list, dtype=np.uint64)
        has_digit = np.array(
            [
                _has_digit[i] if i in _has_digit else _digit_shape(strings, i)
                for i in shape.tolist()
            ],
            dtype=bool,
        )
        lemma_or_lower = np.where(lemma != 0, lemma, lower)
        heads = np.arange(n) + head.astype(np.int64)  # HEAD is an offset, stored wrapped
        is_arc = _member(dep, _ARC_IDS)
        zero = np.zeros(n, dtype=np.uint64)

        def ahead(values: NDArray[np.uint64], by: int) -> NDArray[np.uint64]:
            return np.concatenate([values[by:], zero[:by]])[:n]

        # Each row's parts, in ``_ROWS`` order; a family with fewer than three parts pads with 0.
        first = np.stack([lower, lower, lemma, tag, ent, dep, shape, dep, lower, tag, pos])
        second = np.stack([zero, pos, zero, zero, zero, zero, zero, lemma_or_lower[heads]])
        second = np.concatenate([second, np.stack([ahead(lower, 1), ahead(tag, 1), ahead(pos, 1)])])
        third = np.stack([*[zero] * 7, lemma_or_lower, zero, zero, ahead(pos, 2)])
        keys = _ROW_IDS
        for part in (first, second, third):
            keys = keys * np.uint64(MULTIPLIER) + part
        self.rows = table.entries(keys)
        # Some families exist only where their part does: a lemma, an entity, a digit, an arc.
        for family, present in (
            ("l", lemma != 0),
            ("e", ent != 0),
            ("s", has_digit),
            ("a", is_arc),
        ):
            self.rows[_ROWS.index(family), ~present] = NO_ENTRY
        self.lemma = lemma_list
        self.lower = lower.tolist()
        self.space = (space != 0).tolist()
        self.orth = orth.tolist()
        # Content lemmas (verbs and nouns) that some ``xl:`` feature pairs with a cue.
        content = np.flatnonzero((lemma != 0) & _member(pos, _CONTENT_IDS)).tolist()
        self.content = [i for i in content if lemma_list[i] in table.xl_lemmas]
        self.words = np.flatnonzero(punct == 0).tolist()
        self.roots = np.flatnonzero(dep == _ROOT).tolist()
        # Sentence cues come from few tokens: a number, a tense or degree tag, a modal or a
        # pronoun, an entity, a negation or a clausal complement.
        number = has_digit | (like_num != 0)
        bearing = number | _member(tag, _CUE_TAG_IDS) | (ent != 0) | _member(dep, _DEP_CUE_IDS)
        self.cue_at = np.flatnonzero(bearing).tolist()
        self.cue_lists = [
            _token_cues(strings, *row)
            for row in zip(
                *(c[bearing].tolist() for c in (number, tag, lower, ent, dep)), strict=True
            )
        ]

    def logits(self, ranges: Sequence[tuple[int, int]]) -> list[float]:
        """The logit of each token range, equal to ``features.logit`` of that span."""
        return self.table.logits([self._entries(start, end) for start, end in ranges])

    def _entries(self, start: int, end: int) -> Entries:
        """The model entries of the features of tokens ``start:end`` (repeats count)."""
        last = end - 1
        while last >= start and self.space[last]:
            last -= 1
        question = last >= start and self.doc.vocab.strings[self.orth[last]].endswith("?")
        found = {f"len{min((end - start) // 8, 4)}"}
        found.update(
            *self.cue_lists[bisect_left(self.cue_at, start) : bisect_left(self.cue_at, end)]
        )
        if question:
            found.add("Q")
        in_python = self._cue_entries(sorted(found), start, end)
        in_python += self._string_entries(question, start, end)
        rows = self.rows
        return np.concatenate(
            [
                rows[: len(_UNIGRAMS), start:end].ravel(),
                rows[len(_UNIGRAMS) : -1, start : max(end - 1, start)].ravel(),
                rows[-1, start : max(end - 2, start)],
                np.array(in_python, dtype=np.int64),
            ]
        )

    def _cue_entries(self, cues: list[str], start: int, end: int) -> list[int]:
        """Entries of the ``x:`` pairs of cues and the ``xl:`` pairs of a cue with a lemma."""
        ids = [_cue_id(c) for c in cues]
        content = self.content[bisect_left(self.content, start) : bisect_left(self.content, end)]
        lemmas = {self.lemma[i] for i in content}
        keys = [
            _last_part(_pair_base("x", first), second) for first, second in combinations(ids, 2)
        ]
        for cue, cue_id in zip(cues, ids, strict=True):
            if lemma_cue(cue):
                base = _pair_base("xl", cue_id)
                keys += [_last_part(base, lemma) for lemma in lemmas]
        by_key = self.table.by_key
        return [by_key[key] for key in keys if key in by_key]

    def _string_entries(self, question: bool, start: int, end: int) -> list[int]:
        """Entries of the span's few string features: its opening, length, question, roots."""
        strings = self.doc.vocab.strings
        first = bisect_left(self.words, start)
        opening = [strings[self.lower[i]] for i in self.words[first : first + 3] if i < end]
        names = [f"^{n}:" + "_".join(opening[:n]) for n in (1, 2, 3)]
        names.append(f"len:{min((end - start) // 5, 8)}")
        if question:
            names.append("Q?")
        for i in self.roots[bisect_left(self.roots, start) : bisect_left(self.roots, end)]:
            token = self.doc[i]
            lemma = _lowered_text[self.lemma[i]]
            names += ["root:" + lemma, "rt:" + (lemma or token.lower_) + "&" + token.tag_]
            names += subjects(token)
        entries = self.table.string_entries
        return [entries[name] for name in names if name in entries]


@cache
def _cue_id(cue: str) -> int:
    return get_string_id(cue)


@cache
def _pair_base(family: str, first: int) -> int:
    """``key_of(family, (first, second))`` less its last two steps, which ``_last_part`` does."""
    return ((_FAMILY_ID[family] * MULTIPLIER + first) & MASK) * MULTIPLIER & MASK


def _last_part(base: int, second: int) -> int:
    return (base + second) * MULTIPLIER & MASK  # and the padding part, 0


def _token_cues(
    strings: StringStore, number: bool, tag: int, lower: int, ent: int, dep: int
) -> tuple[str, ...]:
    """One token's cues from its ids, by ``features.token_cues``."""
    return token_cues(
        number, strings[tag], strings[lower], strings[ent] if ent else "", strings[dep]
    )
