"""Read stage: turn input paths into ``Article`` records or specific, per-article errors."""

from __future__ import annotations

import glob
import io
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from pipeline.contract import Article
from pipeline.dates.published import parse_published
from pipeline.errors import ArticleError, Messages
from pipeline.read.formats import (
    COMPRESSED_SUFFIXES,
    FORMATS,
    SNIFF_BYTES,
    DecompressError,
    decompressing,
    format_of,
    is_url,
    iter_lines,
    open_binary,
    read_limited,
    sniff_compression,
    sniff_format,
    sniff_past_head,
)
from pipeline.read.language import foreign_language
from pipeline.read.records import ClaimInput, article_id_for, from_record, jsonl_records
from pipeline.read.sgml import Skipped, sgml_stories, story_id, story_record
from pipeline.read.warc import page_record, warc_records

DEFAULT_MAX_CHARS = 1_000_000
META_SUFFIX = ".meta.json"
BINARY_SNIFF_BYTES = 8192
# Markup that only an HTML document holds: a .txt file with it is a saved web page.
_HTML_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|script|style|meta)\b", re.I)

ReadItem = Article | ArticleError

__all__ = [
    "DEFAULT_MAX_CHARS",
    "ClaimInput",
    "ReadItem",
    "article_id_for",
    "count_items",
    "read_inputs",
    "read_items",
]


def expand_inputs(inputs: Sequence[str], input_format: str | None = None) -> Iterator[str]:
    """Files named, found under directories (recursively) or matched by globs, in sorted order."""
    for item in inputs:
        if item == "-" or is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and not p.name.endswith(META_SUFFIX)
                and (input_format is not None or format_of(p.name) is not None)
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
    input_format: str | None = None,
    any_language: bool = False,
) -> Iterator[ReadItem]:
    """Every article of every input, in a stable order, with errors in place of bad ones.

    A ``claim/1`` record is an error here: claims are not articles to extract from.
    """
    for item in read_items(
        inputs,
        default_published=default_published,
        max_chars=max_chars,
        stdin=stdin,
        input_format=input_format,
        any_language=any_language,
    ):
        if isinstance(item, ClaimInput):
            yield ArticleError(item.origin, Messages.CLAIMS_INPUT, item.claim.article_id)
        else:
            yield item


def read_items(
    inputs: Sequence[str],
    *,
    default_published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: BinaryIO | None = None,
    input_format: str | None = None,
    any_language: bool = False,
) -> Iterator[Article | ArticleError | ClaimInput]:
    """As ``read_inputs``, with each ``claim/1`` record yielded as a ``ClaimInput``.

    An article surely not in English is an error unless ``any_language`` lets it through.
    """
    if input_format is not None and input_format not in FORMATS:
        raise ValueError(Messages.UNKNOWN_FORMAT.format(name=input_format, choices=FORMATS))
    # Read as a record's own field is, whoever passes it (the CLI has checked it already).
    if default_published is not None:
        default_published = parse_published(default_published, field="default published")
    for name in expand_inputs(inputs, input_format):
        for item in _read_one(name, stdin=stdin, max_chars=max_chars, kind=input_format):
            if isinstance(item, Article):
                yield _finish(item, default_published, max_chars, any_language)
            else:
                yield item


def count_items(inputs: Sequence[str]) -> int | None:
    """How many items ``read_inputs`` will yield, when that is cheap to know, else None.

    Known for local, uncompressed ``.txt`` files (one article each) and ``.jsonl`` files (one
    per non-blank line, or one error when there is none); standard input, URLs, compressed
    files, SGML and WARC would have to be parsed to be counted, so their size stays unknown.
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
            total += max(_count_lines(Path(name)), 1)
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


def _finish(
    article: Article, default_published: str | None, max_chars: int, any_language: bool = False
) -> ReadItem:
    """Apply the article-level limits, the language check and the ``--published`` fallback."""
    if len(article.text) > max_chars:
        reason = Messages.TOO_LONG.format(length=len(article.text), limit=max_chars)
        return ArticleError(article.origin, reason, article.id)
    language = None if any_language else foreign_language(article.text)
    if language is not None:
        return ArticleError(article.origin, Messages.NOT_ENGLISH.format(language=language),
                            article.id)
    if article.published is None and default_published is not None:
        return replace(article, published=default_published, published_from="option")
    return article


def _stdin(stdin: BinaryIO | None) -> IO[bytes]:
    """Standard input, decompressed when its first bytes say it is compressed."""
    handle = cast(IO[bytes], stdin or sys.stdin.buffer)
    if not hasattr(handle, "peek"):
        handle = cast(IO[bytes], io.BufferedReader(cast(Any, handle)))
    head = cast(io.BufferedReader, handle).peek(SNIFF_BYTES)[:SNIFF_BYTES]
    return decompressing(handle, sniff_compression(head))


def _read_one(
    name: str, *, stdin: BinaryIO | None, max_chars: int, kind: str | None
) -> Iterator[Article | ArticleError | ClaimInput]:
    """Articles of one input file (or standard input), streamed."""
    # UTF-8 needs at most 4 bytes a character, so this byte limit never cuts a legal article.
    byte_limit = max_chars * 4 + 1
    origin = "<stdin>" if name == "-" else name
    kind = kind or (None if name == "-" else format_of(name))
    if name != "-" and kind is None:
        yield ArticleError(name, Messages.UNSUPPORTED.format(suffix=Path(name).suffix))
        return
    try:
        meta = None if name == "-" else _sidecar_meta(name)
        handle = _stdin(stdin) if name == "-" else open_binary(name)
        try:
            if kind is None:
                head = cast(io.BufferedReader, handle).peek(SNIFF_BYTES)[:SNIFF_BYTES]
                kind = sniff_format(head)
                if kind == "txt":  # a story tag may come later, after a long preamble
                    kind, handle = sniff_past_head(handle, byte_limit)
            yield from _parse(kind, handle, origin, meta, byte_limit)
        finally:
            if name != "-":  # standard input is the caller's to close
                handle.close()
    except DecompressError as error:
        message = Messages.BOMB if error.bomb else Messages.DECOMPRESS
        yield ArticleError(origin, message.format(reason=error))
    except _BadMeta as error:
        yield ArticleError(origin, str(error))
    except OSError as error:
        yield ArticleError(origin, Messages.UNREADABLE.format(reason=error.strerror or error))
    except Exception as error:  # a reader bug must cost one file, not the whole run
        reason = f"{type(error).__name__}: {str(error)[:120]}"
        yield ArticleError(origin, Messages.UNREADABLE.format(reason=reason))


def _parse(
    kind: str, handle: IO[bytes], origin: str, meta: dict[str, Any] | None, byte_limit: int
) -> Iterator[Article | ArticleError | ClaimInput]:
    """Dispatch a byte stream to the reader of its format."""
    if kind == "jsonl":
        yield from jsonl_records(iter_lines(handle, byte_limit), origin, byte_limit)
    elif kind == "warc":
        for where, record in warc_records(handle, byte_limit):
            if isinstance(record, str):
                yield ArticleError(f"{origin}:{where}", record)
            else:
                yield _with_metadata(from_record(record, f"{origin}:{where}"), record)
    elif kind == "sgml":
        yield from _sgml_articles(handle, origin, byte_limit)
    else:
        data, truncated = read_limited(handle, byte_limit)
        if truncated:
            yield ArticleError(origin, Messages.TOO_MANY_BYTES.format(limit=byte_limit))
        elif kind == "html":
            yield _page_article(data, origin, meta)
        else:
            yield _txt_article(data, origin, meta)


def _sgml_articles(handle: IO[bytes], origin: str, byte_limit: int) -> Iterator[ReadItem]:
    """The stories of a Reuters-style SGML stream, each read (or refused) on its own."""
    found = False
    for piece in sgml_stories(handle, byte_limit):
        found = True
        where = f"{origin}:byte {piece.offset}"
        if isinstance(piece, Skipped):
            reason = Messages.SGML_SKIPPED.format(reason=piece.reason, offset=piece.offset)
            yield ArticleError(where, reason, piece.article_id)
            continue
        if b"\x00" in piece.data:
            yield ArticleError(where, Messages.BINARY_FILE, story_id(piece.data, 0))
            continue
        try:
            text = piece.data.decode("utf-8")
        except UnicodeDecodeError as error:
            offset = piece.offset + error.start
            reason = Messages.INVALID_UTF8.format(offset=offset, reason=error.reason)
            yield ArticleError(where, reason, story_id(piece.data, 0))
            continue
        record = story_record(text)
        yield from_record(record, f"{origin}:{record['id']}" if record["id"] else where)
    if not found:
        yield ArticleError(origin, Messages.NO_STORIES)


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
    """A plain-text article: the whole file is the text, its first non-blank line the headline.

    A text of one line is all text, not a headline. A saved web page is read as one.
    """
    text = _decode(data, origin)
    if isinstance(text, ArticleError):
        return text
    if len(_HTML_MARKUP.findall(text, 0, BINARY_SNIFF_BYTES)) >= 2:
        page = _page_article(data, origin, meta)
        if isinstance(page, ArticleError):
            return ArticleError(origin, Messages.TXT_IS_HTML)
        return page
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    record: dict[str, Any] = {"text": text, "title": lines[0] if len(lines) > 1 else None}
    if meta:
        record.update({k: v for k, v in meta.items() if k != "text"})
    return _with_metadata(from_record(record, origin), meta)


def _page_article(data: bytes, origin: str, meta: dict[str, Any] | None) -> ReadItem:
    """A web page: its main text, title and date as trafilatura finds them."""
    if not data.strip():
        return ArticleError(origin, Messages.EMPTY_FILE)
    record = page_record(data, None)
    if record is None:
        return ArticleError(origin, Messages.NO_PAGE_TEXT)
    if meta:
        record.update({k: v for k, v in meta.items() if k != "text"})
    return _with_metadata(from_record(record, origin), record)


def _with_metadata(article: ReadItem, metadata: dict[str, Any] | None) -> ReadItem:
    """Mark a publication date that came from metadata beside the text, not the record."""
    if isinstance(article, Article) and metadata and article.published:
        return replace(article, published_from="metadata")
    return article


class _BadMeta(Exception):
    """A ``NAME.meta.json`` beside an article that cannot be used."""


def _sidecar_meta(name: str) -> dict[str, Any] | None:
    """Metadata for ``a.txt`` from ``a.meta.json`` beside it, when present."""
    if is_url(name):
        return None
    path = Path(name)
    stem = path.name
    for suffix in (*COMPRESSED_SUFFIXES, ".txt", ".html", ".htm"):
        stem = stem.removesuffix(suffix)
    meta_path = path.with_name(stem + META_SUFFIX)
    if not meta_path.is_file():
        return None
    try:
        loaded = json.loads(meta_path.read_bytes().decode("utf-8"))
    except json.JSONDecodeError as error:
        problem = f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        raise _BadMeta(Messages.BAD_META.format(path=meta_path, problem=problem)) from error
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        problem = f"not readable as UTF-8 JSON ({type(error).__name__})"
        raise _BadMeta(Messages.BAD_META.format(path=meta_path, problem=problem)) from error
    if not isinstance(loaded, dict):
        problem = f"holds a JSON {type(loaded).__name__}, not an object"
        raise _BadMeta(Messages.BAD_META.format(path=meta_path, problem=problem))
    # A field the article cannot take (a date that is not one) is the metadata file's fault.
    checked = from_record({**loaded, "text": "-"}, str(meta_path))
    if isinstance(checked, ArticleError):
        raise _BadMeta(Messages.BAD_META.format(path=meta_path, problem=checked.reason))
    return loaded
