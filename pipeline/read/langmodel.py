"""py3langid's shipped model held compactly, giving exactly py3langid's answers.

py3langid finds its byte n-gram features with an automaton (Aho-Corasick over the features,
states at most 6 bytes deep) whose transition table alone is 39 MB of uint32; loaded, the model
holds about 75 MB. The automaton's state after each byte is the longest suffix of the bytes read
that is a state's own string, so the same walk is a lookup of each position's last 1 to 6 bytes
among the states' strings, kept sorted as numbers (under 2 MB beside the 28 MB score table).
The scores are then computed as py3langid computes them, operation for operation.
"""

from __future__ import annotations

import lzma
import math
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

RADIX = 257  # byte b is the digit b + 1, so strings of different lengths never share a number
CHUNK_STATES = 4_096  # states expanded at a time while deriving: bounds the load's transient
MODEL_KEYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def shipped_model_path() -> Path:
    """The model file installed with py3langid."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / str(MODEL_FILE)


@dataclass(frozen=True, slots=True, eq=False)
class CompactModel:
    """The naive Bayes tables of py3langid, with its automaton as sorted state strings."""

    keys: NDArray[np.int64]  # sorted: each state's byte string as a base-257 number
    features: NDArray[np.int32]  # the feature each of those states counts (-1: none)
    depth: int  # the longest state string, in bytes
    ptc: NDArray[np.float16]  # log P(feature | class), one row per feature
    pc: NDArray[np.float32]  # log P(class)
    classes: tuple[str, ...]
    aliases: tuple[tuple[int, int], ...]  # (first, duplicate) columns of a label listed twice

    def classify(self, text: str) -> tuple[str, float]:
        """The most probable language of ``text`` and its probability (py3langid's
        ``classify`` with ``norm_probs=True``)."""
        scores = self.probabilities(text)
        best = int(scores.argmax())
        return self.classes[best], float(scores[best])

    def probabilities(self, text: str) -> NDArray[np.float32]:
        """Per class, the probability that ``text`` is in it (aliased columns folded)."""
        data = encode(text)
        features, counts = self.feature_counts(data)
        if len(features):
            scores = np.log1p(counts) @ self.ptc[features] + self.pc
        else:
            scores = np.full(len(self.classes), 0.0, dtype=np.float32)
        # py3langid's temperature: sqrt(bytes) keeps the softmax calibrated across lengths.
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for first, duplicate in self.aliases:
            scores[first] += scores[duplicate]
            scores[duplicate] = 0.0
        return scores

    def feature_counts(self, data: bytes) -> tuple[NDArray[np.intp], NDArray[np.float32]]:
        """The features the automaton visits over ``data`` and how often, in order of first
        visit (the order py3langid sums them in, so the floating-point sums agree)."""
        digits = np.frombuffer(data, dtype=np.uint8).astype(np.int64) + 1
        found = np.full(len(digits), -1, dtype=np.int64)
        window = np.zeros(len(digits), dtype=np.int64)
        # Longer suffixes are looked up later and win: the automaton keeps the longest.
        for length in range(1, min(self.depth, len(digits)) + 1):
            # The window of ``length`` bytes ending at i extends the one ending at i - 1.
            window[length - 1 :] = window[length - 2 : -1 if length > 1 else None] * RADIX
            window[length - 1 :] += digits[length - 1 :]
            ends = window[length - 1 :]
            at = np.searchsorted(self.keys, ends).clip(max=len(self.keys) - 1)
            hit = self.keys[at] == ends
            found[length - 1 :][hit] = self.features[at[hit]]
        visited = found[found >= 0]
        features, first, counts = np.unique(visited, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        return features[order].astype(np.intp), counts[order].astype(np.float32)


def encode(text: str) -> bytes:
    """The bytes py3langid scores for ``text``: lower-cased when all upper case, NFC."""
    # A lone surrogate has no UTF-8 form; it is scored as "?" (what encoding with "replace" gives).
    text = text.encode("utf-8", "replace").decode("utf-8")
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf-8")


def load_compact(path: Path | None = None) -> CompactModel:
    """py3langid's model file (npz inside LZMA) read into its compact form."""
    with tempfile.TemporaryFile(suffix=".npz") as unpacked:
        # Streamed through a file, so the uncompressed archive is never held whole.
        with lzma.open(path or shipped_model_path()) as packed:
            shutil.copyfileobj(packed, unpacked, length=1 << 20)
        unpacked.seek(0)
        with np.load(unpacked, allow_pickle=False) as data:
            missing = set(MODEL_KEYS).difference(data.files)
            if missing:
                raise ValueError(f"unsupported py3langid model layout, missing {sorted(missing)}")
            ptc, pc = data["ptc"].astype(np.float16, copy=False), data["pc"]
            classes = tuple(str(name) for name in data["classes"].tolist())
            outputs = data["out_feat"].astype(np.int32)
            keys, depth = state_keys(data["nextmove"].reshape(-1, 256), data["nextmove_row"])
    order = np.argsort(keys)
    first: dict[str, int] = {}
    aliases = []
    for column, name in enumerate(classes):
        if name in first:
            aliases.append((first[name], column))
        else:
            first[name] = column
    return CompactModel(
        keys=keys[order],
        features=outputs[order],
        depth=depth,
        ptc=ptc,
        pc=pc.astype(np.float32, copy=False),
        classes=classes,
        aliases=tuple(aliases),
    )


def state_keys(rows: NDArray[np.integer], row_of: NDArray[np.integer]) -> tuple[
    NDArray[np.int64], int
]:
    """Each automaton state's byte string as a base-257 number, and the longest string's length.

    ``rows[row_of[s]][b]`` is the state after byte ``b`` in state ``s``. A state is first reached,
    breadth first from state 0, by reading its own string: a string no longer than the state's
    leads there only if it is that string.
    """
    keys = np.full(len(row_of), -1, dtype=np.int64)
    keys[0] = 0
    frontier = np.zeros(1, dtype=np.int64)
    depth = 0
    while len(frontier):
        reached = []
        for start in range(0, len(frontier), CHUNK_STATES):
            states = frontier[start : start + CHUNK_STATES]
            targets = rows[row_of[states]].astype(np.int64)
            new = keys[targets] < 0
            source, byte = np.nonzero(new)
            found = targets[source, byte]
            # Two states of one breadth-first level never lead to the same new state.
            keys[found] = keys[states[source]] * RADIX + byte + 1
            reached.append(found)
        frontier = np.concatenate(reached)
        depth += bool(len(frontier))
    if (keys < 0).any() or len(np.unique(keys)) != len(keys):
        raise ValueError("py3langid's automaton is not a trie of byte strings")
    return keys, depth
