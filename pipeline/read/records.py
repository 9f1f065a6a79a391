"""Records to articles: field checks, JSON lines, and claim records met among the inputs."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.contract import Article, Claim
from pipeline.dates.published import BadPublished, parse_published
from pipeline.errors import ArticleError, Messages

OPTIONAL_FIELDS = ("title", "source", "url")
CLAIM_SCHEMA = "claim/1"
# JSON escapes can spell half of a UTF-16 pair alone; no text can hold one.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """A ``claim/1`` record found among the inputs: ``export`` uses it, ``extract`` refuses it."""

    origin: str
    claim: Claim


def article_id_for(text: str) -> str:
    """Stable id of an article that has none: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def lone_surrogate(record: dict[str, Any], names: Iterable[str]) -> str | None:
    """A reason when a string field holds a lone surrogate, else None."""
    for name in names:
        value = record.get(name)
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        if found:
            return Messages.LONE_SURROGATE.format(
                field=name, code=f"\\u{ord(found.group()):04x}", index=found.start()
            )
    return None


def from_record(record: dict[str, Any], origin: str) -> Article | ArticleError:
    """Validate one record's fields and build its ``Article``."""
    text = record.get("text")
    raw_id = record.get("id")
    if not isinstance(text, str) or not text.strip():
        return ArticleError(origin, Messages.MISSING_TEXT)
    surrogate = lone_surrogate(record, ("id", "text", *OPTIONAL_FIELDS, "published"))
    if surrogate:
        return ArticleError(origin, surrogate)
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return ArticleError(
                origin, Messages.BAD_FIELD.format(field=name, kind=type(value).__name__)
            )
        fields[name] = value
    published = _published(record.get("published"))
    if isinstance(published, ArticleError):
        return ArticleError(origin, published.reason)
    article_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else None
    return Article(
        id=article_id or article_id_for(text),
        text=text,
        title=fields["title"],
        published=published,
        source=fields["source"],
        url=fields["url"],
        origin=origin,
        published_from="record" if published else None,
    )


def _published(value: Any) -> str | ArticleError | None:
    """A record's publication date as ``YYYY-MM-DD``, read and checked by ``parse_published``."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return ArticleError("", Messages.BAD_PUBLISHED.format(field="published", value=value))
    try:
        return parse_published(value)
    except BadPublished as error:
        return ArticleError("", str(error))


def _claim_input(record: dict[str, Any], where: str) -> ClaimInput | ArticleError:
    """A ``claim/1`` record as a ``ClaimInput``, or why it cannot be read as one."""
    surrogate = lone_surrogate(record, ("claim_id", "article_id", "text"))
    if surrogate:
        return ArticleError(where, surrogate)
    try:
        return ClaimInput(where, Claim.from_dict(record))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return ArticleError(where, Messages.BAD_CLAIM.format(reason=f"{type(error).__name__}"))


def jsonl_records(
    lines: Iterable[tuple[bytes, bool]], origin: str, byte_limit: int
) -> Iterator[Article | ArticleError | ClaimInput]:
    """One article (or claim record) per JSON line; a bad line is reported by number, skipped."""
    seen = False
    for number, (raw, too_long) in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if too_long:
            seen = True
            yield ArticleError(where, Messages.TOO_MANY_BYTES.format(limit=byte_limit))
            continue
        if not raw.strip():
            continue
        seen = True
        yield _json_line(raw, where)
    if not seen:
        yield ArticleError(origin, Messages.NO_RECORDS)


def _json_line(raw: bytes, where: str) -> Article | ArticleError | ClaimInput:
    """One non-blank JSON line read into an article, a claim record or a specific error."""
    if b"\x00" in raw:
        return ArticleError(where, Messages.BINARY_FILE)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return ArticleError(
            where, Messages.INVALID_UTF8.format(offset=error.start, reason=error.reason)
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return ArticleError(where, Messages.MALFORMED_JSON.format(reason=error.msg))
    except RecursionError:
        return ArticleError(where, Messages.JSON_TOO_DEEP)
    except ValueError as error:  # an integer of more digits than Python converts
        return ArticleError(where, Messages.MALFORMED_JSON.format(reason=str(error)[:120]))
    if not isinstance(record, dict):
        return ArticleError(where, Messages.NOT_AN_OBJECT.format(kind=type(record).__name__))
    if record.get("schema") == CLAIM_SCHEMA:
        return _claim_input(record, where)
    return from_record(record, where)
