"""Every error message the pipeline emits, in one place, and the exceptions that carry them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Messages:
    """Message templates; format with keyword arguments."""

    EMPTY_FILE = "empty file: no article text"
    BINARY_FILE = "binary file: found NUL bytes, not text; give the article's text"
    INVALID_UTF8 = "invalid UTF-8 at byte {offset}: {reason}; save the text as UTF-8"
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
    NOT_ENGLISH = "not English: {language} (--any-language processes it anyway)"
    TOO_MANY_BYTES = "input is over the limit of {limit} bytes (set by --max-chars)"
    UNREADABLE = "cannot read: {reason}"
    DECOMPRESS = (
        "cannot decompress (truncated or corrupt): {reason}; copy or download the file again"
    )
    BOMB = "cannot decompress: {reason}; decompress it yourself if it is genuine"
    NO_INPUTS = "no input files matched {pattern!r}"
    UNKNOWN_BLAS = "unknown BLAS backend {backend!r}: choose one of {choices}"
    PROCESSING = "processing failed: {reason}"
    UNWRITABLE = "cannot write this article's output: {reason}"
    INTERRUPTED = (
        "interrupted: the articles done so far are kept in {part}; run the same command with"
        " --resume to continue from there"
    )
    INTERRUPTED_STDOUT = "interrupted: output went to standard output, so it cannot be resumed"
    PART_DISCARDED = (
        "note: {part} from an earlier, unfinished run is discarded; rerun with --resume to"
        " continue it instead"
    )
    NOT_CLAIMS = (
        "not a claim/1 record ({kind}); give the claims file that"
        " `claims extract` writes"
    )
    BAD_CLAIM_RECORD = "claim/1 record cannot be read: {reason}"
    UNKNOWN_STATUS = "unknown status {status!r}: choose one of {choices}"
    NOT_QUEUED = "no claim {claim_id!r} in the queue {queue}"
    NOT_A_QUEUE = (
        "{queue} is not a queue database ({reason}); give an SQLite file that `claims extract"
        " --to` made, or a new path"
    )
    MIXED_EXPORT = (
        "{path} holds claim/1 records and other inputs hold articles: export either claims"
        " files or articles, not both"
    )
    UNSUPPORTED = (
        "unsupported file type {suffix!r}: use .txt, .jsonl, .ndjson, .sgm, .warc or .html,"
        " optionally .gz, .bz2, .xz or .zst, or say the format with --format"
    )
    UNKNOWN_FORMAT = "unknown input format {name!r}: choose one of {choices}"
    LONE_SURROGATE = (
        "field {field!r} holds a lone surrogate {code} at character {index}, which is not"
        " text: fix the record's JSON escapes"
    )
    JSON_TOO_DEEP = "JSON nested too deeply to read: an article record is a flat object"
    NO_RECORDS = "empty file: no records"
    CLAIMS_INPUT = (
        "a claim/1 record (a claims file), not an article: give extract and annotate the"
        " articles, or build ClaimReview from claims with `claims export`"
    )
    BAD_CLAIM = "a claim/1 record that cannot be read ({reason}): check it with `claims validate`"
    BAD_META = "metadata file {path}: {problem}; fix it or remove it"
    BAD_WARC = "not a readable WARC record ({reason}): is this a web archive?"
    NO_PAGE_TEXT = "no article text found in the page"
    TXT_IS_HTML = (
        "the .txt file holds an HTML page with no article text found in it:"
        " give its text, or name it .html"
    )
    NO_STORIES = "no <REUTERS> story found: is this Reuters-21578 SGML?"
    SGML_SKIPPED = "{reason}: skipped to the next story; check the file near byte {offset}"


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
