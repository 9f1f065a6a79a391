"""Parse a long text in windows cut at paragraph or sentence boundaries, joined into one Doc.

The base model's memory grows with the tokens it parses at once (the parser precomputes its
hidden layer for every token): a 1,000,000-character article parsed whole peaks near 3.3 GB.
Parsed window by window it peaks at one window's cost; the windows are then joined into one
Doc over the whole text, so every offset is an offset into the article and the project's
stages (dates, attribution, claims) still see the whole article at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import TEXT_KEY

# A text at most this long is parsed whole, exactly as before windows existed.
WINDOW_CHARS = 100_000
# Boundaries to cut at, best first: a blank line, a line break, a sentence end, any space.
BOUNDARIES = (
    re.compile(r"\n[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)


def window_bounds(text: str, size: int = WINDOW_CHARS) -> tuple[tuple[int, int], ...]:
    """Half-open windows covering ``text`` in order, each cut at the best boundary (pure)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        bounds.append((start, cut))
        start = cut
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return tuple(bounds)


def _cut(text: str, start: int, limit: int) -> int:
    """Where the window from ``start`` ends: after the last best boundary in its second half.

    The cut goes after the whole run of white space, so the space belongs to the sentence
    before it, as the whole parse attaches it; with no boundary at all the window is cut hard.
    """
    floor = start + (limit - start) // 2
    for pattern in BOUNDARIES:
        matches = list(pattern.finditer(text, floor, limit))
        if matches:
            cut = matches[-1].end()
            while cut < len(text) and text[cut].isspace():
                cut += 1
            return cut
    return limit


def size_groups(sized: Sequence[tuple[int, int]], budget: int) -> list[list[int]]:
    """Consecutive groups of the ``(key, size)`` items' keys, each at most ``budget`` in size
    (an item larger than the budget alone)."""
    groups: list[list[int]] = []
    total = budget + 1
    for key, size in sized:
        if total + size > budget:
            groups.append([])
            total = 0
        groups[-1].append(key)
        total += size
    return groups


def parse_in_windows(
    nlp: Language, context: dict[str, Any], stages: tuple[str, ...], size: int = WINDOW_CHARS
) -> Doc:
    """The text in ``context[TEXT_KEY]`` through the pipeline, the base model window by window.

    Each window runs the base model alone, one at a time, so memory holds one window's parse;
    the joined Doc is given ``context`` as user data and runs the ``stages`` whole.
    """
    text = context[TEXT_KEY]
    base = [(name, proc) for name, proc in nlp.pipeline if name not in stages]
    parts = []
    for start, end in window_bounds(text, size):
        part = nlp.make_doc(text[start:end])
        for _, proc in base:
            part = proc(part)
        parts.append(part)
    joined = Doc.from_docs(parts, ensure_whitespace=False)
    joined.user_data.update(context)
    for name, proc in nlp.pipeline:
        if name in stages:
            joined = proc(joined)
    return joined
