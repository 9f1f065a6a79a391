"""The one place where Doc stages write their records, and where later stages read them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any, Protocol, TypeVar

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from pipeline.contract import PUBLISHED_KEY, TEXT_KEY, payload_key


class Record(Protocol):
    """A frozen record with offsets and a JSON-plain form."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    def to_dict(self) -> dict[str, Any]: ...


R = TypeVar("R")


def store(doc: Doc, key: str, records: Sequence[Record], label_of: Callable[[Any], str]) -> None:
    """Write a stage's records: labelled spans in ``doc.spans[key]``, payloads in user_data."""
    spans: list[Span] = []
    for record in records:
        span = doc.char_span(
            record.start, record.end, label=label_of(record), alignment_mode="expand"
        )
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans
    doc.user_data[payload_key(key)] = [record.to_dict() for record in records]


def load(doc: Doc, key: str, from_dict: Callable[[dict[str, Any]], R]) -> tuple[R, ...]:
    """Read back a stage's records (empty when the stage did not run)."""
    return tuple(from_dict(item) for item in doc.user_data.get(payload_key(key), ()))


def published_of(doc: Doc) -> str | None:
    """The publication date the runner attached to this Doc, if any."""
    value = doc.user_data.get(PUBLISHED_KEY)
    return value if isinstance(value, str) else None


def text_of(doc: Doc) -> str:
    """The Doc's text: the one the runner tokenized, else rebuilt from the token arrays."""
    kept = doc.user_data.get(TEXT_KEY)
    # Doc.text makes a Token object per token, ~1 ms an article for each stage that asks.
    if isinstance(kept, str) and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(kept):
        return kept
    strings = doc.vocab.strings
    rows = doc.to_array(["ORTH", "SPACY"]).tolist()
    return "".join(strings[orth] + " " if space else strings[orth] for orth, space in rows)


def sorted_records(records: Iterable[R], key: Callable[[R], tuple[int, int]]) -> tuple[R, ...]:
    """Records in offset order, so output never depends on discovery order."""
    return tuple(sorted(records, key=key))


def as_read(record: R, text: str) -> R:
    """The record with each span's ``text`` cut from ``text`` between its offsets.

    Stages read a cleaned copy in which wrapped lines are joined by spaces; what is written out
    is the article as read, so ``text == article[start:end]`` for every span, breaks included.
    """
    if not is_dataclass(record) or isinstance(record, type):
        return record
    names = _field_names(type(record))
    changes: dict[str, Any] = {}
    for name in names:
        value = getattr(record, name)
        if is_dataclass(value) and not isinstance(value, type):
            read = as_read(value, text)
            if read is not value:
                changes[name] = read
    if "start" in names and "end" in names and "text" in names:
        spanned: Any = record
        cut = text[spanned.start : spanned.end]
        if cut != spanned.text:
            changes["text"] = cut
    # Most spans already read as the article does: the record itself, not an equal copy.
    return replace(record, **changes) if changes else record


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    """A record class's field names, sorted (read once per class, not once per record)."""
    return tuple(sorted(f.name for f in fields(kind)))


class Intervals:
    """Half-open ``(start, end)`` intervals indexed by start, so a lookup reads only those near.

    Answers are in the intervals' own order, as a scan of them all would give them.
    """

    def __init__(self, bounds: Sequence[tuple[int, int]]) -> None:
        self.bounds = list(bounds)
        self.order = sorted(range(len(self.bounds)), key=lambda i: self.bounds[i][0])
        self.starts = [self.bounds[i][0] for i in self.order]
        self.widest = max((end - start for start, end in self.bounds), default=0)

    def _starting(self, low: int, high: int) -> list[int]:
        """The indices of the intervals starting in ``[low, high]``, in their own order."""
        return sorted(self.order[bisect_left(self.starts, low) : bisect_right(self.starts, high)])

    def overlapping(self, start: int, end: int) -> list[int]:
        """The indices of the intervals sharing a character with ``[start, end)``."""
        # One that ends after ``start`` starts after ``start - widest``.
        near = self._starting(start - self.widest + 1, end - 1)
        return [i for i in near if self.bounds[i][1] > start]

    def within(self, start: int, end: int) -> list[int]:
        """The indices of the intervals wholly within ``[start, end)``."""
        return [i for i in self._starting(start, end) if self.bounds[i][1] <= end]

    def holds(self, start: int, end: int) -> bool:
        """Whether one interval holds all of ``[start, end)``."""
        # One that ends at or after ``end`` starts at or after ``end - widest``.
        return any(self.bounds[i][1] >= end for i in self._starting(end - self.widest, start))


class Tokens:
    """A doc's tokens looked up by character offset (their starts read once, as an array)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # One C-level array read instead of a Token object per token.
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []

    def after(self, offset: int) -> Token | None:
        """The first token starting at or after ``offset``."""
        index = bisect_left(self.starts, offset)
        return self.doc[index] if index < len(self.starts) else None

    def before(self, offset: int) -> Token | None:
        """The last token starting before ``offset``."""
        index = bisect_left(self.starts, offset) - 1
        return self.doc[index] if index >= 0 else None

    def at(self, offset: int) -> Token | None:
        """The token starting exactly at ``offset``, if one does."""
        token = self.after(offset)
        return token if token is not None and token.idx == offset else None


def within_any(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``start`` falls inside any of the half-open spans (few: a scan will do)."""
    return any(s <= start < e for s, e in spans)
