"""Every error message the pipeline emits, in one place, and the exceptions that carry them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Messages:
    """Message templates; format with keyword arguments."""

    EMPTY_FILE = "empty file: no article text"
    BINARY_FILE = "binary file: found NUL bytes, not text"
    INVALID_UTF8 = "invalid UTF-8 at byte {offset}: {reason}"
    MALFORMED_JSON = "malformed JSON: {reason}"
    NOT_AN_OBJECT = "JSON line is not an object but {kind}"
    MISSING_TEXT = "record has no non-empty string field 'text'"
    BAD_FIELD = "field {field!r} must be a string, got {kind}"
    BAD_PUBLISHED = (
        "field {field!r} is not a date: {value!r} (write YYYY-MM-DD, an ISO 8601 stamp,"
        " 'Tue, 22 Aug 2017 10:00:00 GMT' or 'Aug. 22, 2017')"
    )
    IMPOSSIBLE_PUBLISHED = "field {field!r} is not a real calendar date: {value!r} ({why})"
    PUBLISHED_RANGE = "field {field!r} is {value!r}, outside the years {first}-{last}"
    TOO_LONG = "article is {length} characters, over the limit of {limit}"
    TOO_MANY_BYTES = "input is over the limit of {limit} bytes (set by --max-chars)"
    UNREADABLE = "cannot read: {reason}"
    DECOMPRESS = "cannot decompress: {reason}"
    NO_INPUTS = "no input files matched {pattern!r}"
    UNKNOWN_BLAS = "unknown BLAS backend {backend!r}: choose one of {choices}"
    PROCESSING = "processing failed: {reason}"
    UNSUPPORTED = (
        "unsupported file type {suffix!r}: use .txt, .jsonl, .ndjson or .sgm,"
        " optionally .gz, .bz2, .xz or .zst"
    )


@dataclass(frozen=True, slots=True)
class ArticleError:
    """One article (or one input line) that could not be processed, and why."""

    origin: str
    reason: str
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "article_id": self.article_id, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class ArticleFailed(Exception):
    """Raised by a stage that cannot handle one article; the runner reports it and goes on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
