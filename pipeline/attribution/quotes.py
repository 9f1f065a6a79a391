"""Direct quotations found from the quotation marks alone (helper of the attribution stage)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

OPENING = "“„‟«"
CLOSING = "”»"
STRAIGHT = '"'
END_PUNCT = frozenset(",.?!;:—-…")
WORD = re.compile(r"\w+(?:['’]\w+)*")
# A full stop after a lower-case or long word, then a capital: a new sentence ("Bob said. Then
# he …", "Kim said Tuesday. Then …"), not an abbreviated title ("Mr. Kim", "Gov. Ige").
SENTENCE_END = re.compile(r"(?:\b[a-z]{2,}|\b[A-Z][a-z]{4,})[.!?]\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch, marks included; ``continued`` if it carries on a previous paragraph's."""

    start: int
    end: int
    closed: bool
    continued: bool = False

    def words(self, text: str) -> int:
        return len(WORD.findall(text, self.start, self.end))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return stripped[:1] in tuple(OPENING + STRAIGHT) or stripped[:2] == "''"


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Quotations in ``text``, sorted; an unclosed one runs to the end of its paragraph."""
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    carried = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        continued = carried
        carried = False
        i = p_start
        while i < p_end:
            char = text[i]
            width = 1
            if char == "'" and text[i + 1 : i + 2] == "'":
                # Two apostrophes stand for a straight double quote in some archives (NYT);
                # a third one first closes a single-quoted question inside it ("What?''').
                triple = open_at is not None and text[i + 2 : i + 3] == "'"
                char, width = STRAIGHT, 3 if triple else 2
            if char in OPENING and open_at is not None and _closes_typo(text, i, p_end):
                # '…here,“ said Kim': an opening mark typed where the closing one belongs.
                char = CLOSING[0]
            if char in OPENING or (char == STRAIGHT and open_at is None):
                if open_at is not None:
                    # A second opening mark: the first was never closed; keep what it had.
                    quotes.append(Quote(open_at, _rstrip(text, open_at, i), False, continued))
                    continued = False
                open_at = i
            elif (char in CLOSING or char == STRAIGHT) and open_at is not None:
                quotes.append(Quote(open_at, i + width, True, continued))
                continued = False
                open_at = None
            i += width
        if open_at is not None:
            end = _rstrip(text, open_at, p_end)
            quotes.append(Quote(open_at, end, False, continued))
            # A paragraph that opens a quote without closing it continues in the next one.
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            carried = nxt is not None and _opens_with_quote(text, nxt[0], nxt[1])
    return tuple(q for q in quotes if q.end - q.start > 2)


def _closes_typo(text: str, i: int, end: int) -> bool:
    """An opening mark right after a clause's punctuation and before a space or line end."""
    return i > 0 and text[i - 1] in ",.?!" and (i + 1 >= end or text[i + 1].isspace())


# Single quotation marks, told apart from apostrophes: the opening one follows a space,
# a colon or a line start and precedes a capital; the closing one precedes a space or
# punctuation; apostrophes between letters ("don't") may occur inside.
SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(:—]))['‘](?=[A-Z])((?:[^'‘’\n\"“”]|(?<=\w)['’](?=\w))+)['’](?=[\s.,;:!?)]|$)",
    re.MULTILINE,
)


def find_single_quotes(text: str, double: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """Quotations in single marks outside the double-quoted ones (headline style)."""
    found: list[Quote] = []
    k = 0
    for match in SINGLE.finditer(text):
        while k < len(double) and double[k].end <= match.start():
            k += 1
        if k < len(double) and double[k].start < match.end():
            continue
        found.append(Quote(match.start(), match.end(), True))
    return tuple(found)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# Small words a title leaves in lower case: "Meet the Press", "One on One".
TITLE_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with",
})
TITLE_MAX_WORDS = 8


def is_title(text: str, quote: Quote, title_nouns: Collection[str]) -> bool:
    """``the NBC program "Meet the Press"``, ``"Face the Nation" show``: a name in title case
    beside the word for what it names, not words someone said."""
    words = WORD.findall(text, quote.start, quote.end)
    if not words or len(words) > TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    if any(not (w[:1].isupper() or w[:1].isdigit() or w in TITLE_SMALL_WORDS) for w in words):
        return False
    before = WORD.findall(text[max(0, quote.start - 40) : quote.start])[-2:]
    after = WORD.findall(text[quote.end : quote.end + 30])[:1]
    return any(w.lower() in title_nouns for w in before + after)


def is_speech(
    text: str,
    quote: Quote,
    min_words: int,
    short_words: int,
    after_cue: bool = False,
    cued: bool = False,
    title_nouns: Collection[str] = (),
) -> bool:
    """A quotation someone said, not a scare quote or a title.

    Long quotes always are; shorter ones only when they stand as a clause of their
    own: after a colon, a comma or the start of a sentence, or ending in punctuation;
    any length when a cue is written beside it (``“No,” she said``).
    """
    if quote.continued:
        return True
    if is_title(text, quote, title_nouns):
        return False
    words = quote.words(text)
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[line_start : quote.start].rstrip()
    # A quote that goes on a clause ("has “never wasted a dime”") is part of it;
    # one that opens its paragraph or follows a closed quotation stands on its own.
    opens_clause = after_cue or not before or before[-1] in ":,.?!;—–-" + CLOSING + STRAIGHT
    if not opens_clause or words == 0:
        return False
    if cued:
        return True
    if words < short_words:
        return False
    last = inner_end(text, quote)
    return words >= min_words or last in END_PUNCT


def inner_end(text: str, quote: Quote) -> str:
    """The last character inside the closing mark: ``,`` for ``“…,”``."""
    return text[quote.start : quote.end].rstrip("\"”»'’")[-1:] or " "


def merge_split(
    text: str, quotes: tuple[Quote, ...], max_gap: int, cued: Collection[int] = ()
) -> tuple[Quote, ...]:
    """Join ``"…," he said, "…"``: two quotes in one paragraph with only a short cue between.

    ``cued`` holds the starts of quotes followed by a cue of their own (``“…,” he
    continued``): such a quote opens a new attribution after a finished sentence or
    at a new paragraph, rather than carrying on the one before.
    """
    merged: list[Quote] = []
    for quote in quotes:
        if merged and quote.continued and quote.start not in cued:
            # One quotation running over several paragraphs is one attribution.
            prev = merged[-1]
            merged[-1] = Quote(prev.start, quote.end, quote.closed, prev.continued)
            continue
        if merged:
            prev = merged[-1]
            gap = text[prev.end : quote.start]
            if (
                prev.closed
                and "\n" not in gap
                and len(gap) <= max_gap
                and inner_end(text, prev) in (",", "—", "-")
                # A colon ('adding: “…”', 'Pell disagreed: “…”') introduces a quote of its own.
                and gap.rstrip().endswith((",", "."))
                and not (gap.rstrip().endswith(".") and (
                    inner_end(text, quote) == "," or quote.start in cued
                ))
                and not SENTENCE_END.search(gap)
            ):
                merged[-1] = Quote(prev.start, quote.end, quote.closed, prev.continued)
                continue
        merged.append(quote)
    return tuple(merged)
