"""Read stage: turn input paths into ``Article`` records or specific, per-article errors."""

from __future__ import annotations

import glob
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, BinaryIO

from pipeline.contract import Article
from pipeline.dates.published import BadPublished, parse_published
from pipeline.errors import ArticleError, Messages
from pipeline.read.formats import (
    COMPRESSED_SUFFIXES,
    DecompressError,
    format_of,
    is_url,
    iter_lines,
    open_binary,
    read_limited,
    sgml_articles,
)
from pipeline.read.warc import warc_records

DEFAULT_MAX_CHARS = 1_000_000
META_SUFFIX = ".meta.json"
BINARY_SNIFF_BYTES = 8192
OPTIONAL_FIELDS = ("title", "source", "url")

ReadItem = Article | ArticleError


def article_id_for(text: str) -> str:
    """Stable id of an article that has none: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def expand_inputs(inputs: Sequence[str]) -> Iterator[str]:
    """Files named, found under directories (recursively) or matched by globs, in sorted order."""
    for item in inputs:
        if item == "-" or is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(
                str(p) for p in path.rglob("*") if p.is_file() and format_of(p.name) is not None
            )
        elif path.exists():
            yield str(path)
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise FileNotFoundError(Messages.NO_INPUTS.format(pattern=item))
            yield from (m for m in matches if Path(m).is_file())


def read_inputs(
    inputs: Sequence[str],
    *,
    default_published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: BinaryIO | None = None,
) -> Iterator[ReadItem]:
    """Every article of every input, in a stable order, with errors in place of bad ones."""
    for name in expand_inputs(inputs):
        for item in _read_one(name, stdin=stdin, max_chars=max_chars):
            if isinstance(item, Article):
                yield _finish(item, default_published, max_chars)
            else:
                yield item


def count_items(inputs: Sequence[str]) -> int | None:
    """How many items ``read_inputs`` will yield, when that is cheap to know, else None.

    Known for local, uncompressed ``.txt`` files (one article each) and ``.jsonl`` files (one
    per non-blank line); standard input, URLs, compressed files, SGML and WARC would have to
    be parsed to be counted, so their size stays unknown.
    """
    total = 0
    for name in expand_inputs(inputs):
        if name == "-" or is_url(name):
            return None
        kind = format_of(name)
        suffix = Path(name).suffix.lower()
        if kind == "txt" and suffix not in COMPRESSED_SUFFIXES:
            total += 1
        elif kind == "jsonl" and suffix not in COMPRESSED_SUFFIXES:
            total += _count_lines(Path(name))
        else:
            return None
    return total


def _count_lines(path: Path, chunk_size: int = 1 << 20) -> int:
    """Non-blank lines of a file, read in chunks so one huge line cannot fill memory."""
    count, open_line = 0, False  # open_line: the line still being read has a non-blank byte
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            *ended, rest = chunk.split(b"\n")
            for piece in ended:
                count += open_line or bool(piece.strip())
                open_line = False
            open_line = open_line or bool(rest.strip())
    return count + open_line


def _finish(article: Article, default_published: str | None, max_chars: int) -> ReadItem:
    """Apply the article-level limits and the ``--published`` fallback."""
    if len(article.text) > max_chars:
        reason = Messages.TOO_LONG.format(length=len(article.text), limit=max_chars)
        return ArticleError(article.origin, reason, article.id)
    if article.published is None and default_published is not None:
        return replace(article, published=default_published, published_from="option")
    return article


def _read_one(name: str, *, stdin: BinaryIO | None, max_chars: int) -> Iterator[ReadItem]:
    """Articles of one input file (or standard input), streamed."""
    # UTF-8 needs at most 4 bytes a character, so this byte limit never cuts a legal article.
    byte_limit = max_chars * 4 + 1
    if name == "-":
        handle = stdin or sys.stdin.buffer
        head = handle.peek(64)[:64] if hasattr(handle, "peek") else b""
        stdin_kind = "jsonl" if head.lstrip()[:1] == b"{" else "txt"
        yield from _parse(stdin_kind, handle, "<stdin>", None, byte_limit)
        return
    kind = format_of(name)
    if kind is None:
        yield ArticleError(name, Messages.UNSUPPORTED.format(suffix=Path(name).suffix))
        return
    try:
        with open_binary(name) as handle:
            yield from _parse(kind, handle, name, _sidecar_meta(name), byte_limit)
    except DecompressError as error:
        yield ArticleError(name, Messages.DECOMPRESS.format(reason=error))
    except OSError as error:
        yield ArticleError(name, Messages.UNREADABLE.format(reason=error.strerror or error))
    except Exception as error:  # a reader bug must cost one file, not the whole run
        yield ArticleError(
            name, Messages.UNREADABLE.format(reason=f"{type(error).__name__}: {error}")
        )


def _parse(
    kind: str, handle: IO[bytes], origin: str, meta: dict[str, Any] | None, byte_limit: int
) -> Iterator[ReadItem]:
    """Dispatch a byte stream to the reader of its format."""
    if kind == "jsonl":
        yield from _jsonl_articles(iter_lines(handle, byte_limit), origin, byte_limit)
        return
    if kind == "warc":
        for where, record in warc_records(handle):
            if isinstance(record, str):
                yield ArticleError(f"{origin}:{where}", record)
                continue
            article = _from_record(record, f"{origin}:{where}")
            yield (
                replace(article, published_from="metadata")
                if isinstance(article, Article) and article.published
                else article
            )
        return
    # SGML files hold many articles, so they get the limit once per article, not once in all.
    limit = byte_limit * 1000 if kind == "sgml" else byte_limit
    data, truncated = read_limited(handle, limit)
    if truncated:
        yield ArticleError(origin, Messages.TOO_MANY_BYTES.format(limit=limit))
        return
    if kind == "sgml":
        text = _decode(data, origin)
        if isinstance(text, ArticleError):
            yield text
            return
        for fields in sgml_articles(text):
            yield _from_record(fields, f"{origin}:{fields['id']}")
    else:
        yield _txt_article(data, origin, meta)


def _decode(data: bytes, origin: str) -> str | ArticleError:
    """Decode UTF-8 strictly, refusing empty and binary input with a specific reason."""
    if not data.strip():
        return ArticleError(origin, Messages.EMPTY_FILE)
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return ArticleError(origin, Messages.BINARY_FILE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        return ArticleError(
            origin, Messages.INVALID_UTF8.format(offset=error.start, reason=error.reason)
        )


def _txt_article(data: bytes, origin: str, meta: dict[str, Any] | None) -> ReadItem:
    """A plain-text article: the whole file is the text, its first non-blank line the headline."""
    text = _decode(data, origin)
    if isinstance(text, ArticleError):
        return text
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    record: dict[str, Any] = {"text": text, "title": title}
    if meta:
        record.update({k: v for k, v in meta.items() if k != "text"})
    article = _from_record(record, origin)
    if isinstance(article, Article) and meta and article.published:
        return replace(article, published_from="metadata")
    return article


def _jsonl_articles(
    lines: Iterable[tuple[bytes, bool]], origin: str, byte_limit: int
) -> Iterator[ReadItem]:
    """One article per JSON line; a bad line is reported with its number and skipped."""
    for number, (raw, too_long) in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if too_long:
            yield ArticleError(where, Messages.TOO_MANY_BYTES.format(limit=byte_limit))
            continue
        if not raw.strip():
            continue
        if b"\x00" in raw:
            yield ArticleError(where, Messages.BINARY_FILE)
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield ArticleError(
                where, Messages.INVALID_UTF8.format(offset=error.start, reason=error.reason)
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ArticleError(where, Messages.MALFORMED_JSON.format(reason=error.msg))
            continue
        if not isinstance(record, dict):
            yield ArticleError(where, Messages.NOT_AN_OBJECT.format(kind=type(record).__name__))
            continue
        yield _from_record(record, where)


def _from_record(record: dict[str, Any], origin: str) -> ReadItem:
    """Validate one record's fields and build its ``Article``."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ArticleError(origin, Messages.MISSING_TEXT)
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
    raw_id = record.get("id")
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


def _sidecar_meta(name: str) -> dict[str, Any] | None:
    """Metadata for ``a.txt`` from ``a.meta.json`` beside it, when present."""
    if is_url(name):
        return None
    path = Path(name)
    stem = path.name
    for suffix in (*COMPRESSED_SUFFIXES, ".txt"):
        stem = stem.removesuffix(suffix)
    meta_path = path.with_name(stem + META_SUFFIX)
    if not meta_path.is_file():
        return None
    loaded = json.loads(meta_path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else None
