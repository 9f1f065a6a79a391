"""File formats the read stage understands: compression, Reuters-style SGML, line limits."""

from __future__ import annotations

import bz2
import gzip
import html
import io
import lzma
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any, cast

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
FORMAT_OF_SUFFIX = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".sgm": "sgml",
    ".sgml": "sgml",
    ".warc": "warc",
}
# A decompressed stream larger than this many times its compressed size, past the floor,
# is treated as a decompression bomb rather than read to exhaustion.
BOMB_RATIO = 200
BOMB_FLOOR_BYTES = 64 * 1024 * 1024
CHUNK = 1 << 16


class DecompressError(Exception):
    """A compressed input that is corrupt or expands suspiciously."""


def format_of(name: str) -> str | None:
    """The article format of a file name (``txt``, ``jsonl``, ``sgml``) or None."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()
    return FORMAT_OF_SUFFIX.get(suffixes[-1]) if suffixes else None


class _GuardedReader(io.RawIOBase):
    """A decompressing reader that stops at a decompression bomb and names the failure."""

    def __init__(self, inner: IO[bytes], raw: IO[bytes]) -> None:
        self._inner = inner
        self._raw = raw
        self._produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            chunk = self._inner.read(len(buffer))
        except (OSError, EOFError, lzma.LZMAError, ValueError) as error:
            raise DecompressError(str(error) or type(error).__name__) from error
        self._produced += len(chunk)
        consumed = max(self._raw.tell(), 1)
        if self._produced > BOMB_FLOOR_BYTES and self._produced > BOMB_RATIO * consumed:
            raise DecompressError(
                f"expands over {BOMB_RATIO}x ({self._produced} bytes from {consumed}):"
                " likely a decompression bomb"
            )
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._inner.close()
        self._raw.close()
        super().close()


def open_binary(name: str) -> IO[bytes]:
    """Open a file for reading bytes, decompressing by suffix, guarded against bombs."""
    suffix = Path(name).suffix.lower()
    raw = _open_raw(name)
    if suffix not in COMPRESSED_SUFFIXES:
        return raw
    inner: IO[bytes]
    if suffix == ".gz":
        inner = cast(IO[bytes], gzip.GzipFile(fileobj=raw))
    elif suffix == ".bz2":
        inner = cast(IO[bytes], bz2.BZ2File(raw))
    elif suffix == ".xz":
        inner = cast(IO[bytes], lzma.LZMAFile(raw))  # noqa: SIM115 - closed by the guarded reader
    else:
        try:
            import zstandard
        except ImportError as error:
            raw.close()
            raise DecompressError("reading .zst needs the 'zstandard' package") from error
        inner = zstandard.ZstdDecompressor().stream_reader(raw)
    return io.BufferedReader(_GuardedReader(inner, raw), buffer_size=CHUNK)


def is_url(name: str) -> bool:
    """Whether an input names a remote or virtual file (``s3://``, ``memory://``) for fsspec."""
    return "://" in name


def _open_raw(name: str) -> IO[bytes]:
    """The undecoded bytes of a local path or, through fsspec, of a URL where it lives."""
    if is_url(name):
        import fsspec

        return cast(IO[bytes], fsspec.open(name, "rb").open())
    return open(name, "rb")


def read_limited(handle: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """Read at most ``limit`` bytes; also say whether more was left unread."""
    data = handle.read(limit)
    return data, bool(handle.read(1))


def iter_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines of a stream, each cut at ``limit`` bytes with a flag when it was too long."""
    while True:
        line = handle.readline(limit)
        if not line:
            return
        if len(line) >= limit and not line.endswith(b"\n"):
            # Drain the rest of the over-long line so the next one starts clean.
            while True:
                rest = handle.readline(CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield line, True
        else:
            yield line, False


_REUTERS = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY")}
_NEWID = re.compile(r'NEWID="(\d+)"')
_SGML_DATE = "%d-%b-%Y"


def sgml_articles(text: str) -> Iterator[dict[str, Any]]:
    """Records of a Reuters-21578-style SGML file: id, title, text and ``<DATE>``."""
    for match in _REUTERS.finditer(text):
        attrs, inner = match.group(1), match.group(2)
        new_id = _NEWID.search(attrs)
        fields = {name: pattern.search(inner) for name, pattern in _FIELD.items()}
        title = html.unescape(fields["TITLE"].group(1)).strip() if fields["TITLE"] else None
        body = html.unescape(fields["BODY"].group(1)) if fields["BODY"] else ""
        body = body.replace("\x03", "").rstrip()
        record: dict[str, Any] = {
            "id": f"reuters-{new_id.group(1)}" if new_id else None,
            "title": title,
            # The headline opens the text, as in a wire feed, so offsets cover both.
            "text": f"{title}\n\n{body}" if title and body else (body or title or ""),
            "published": _sgml_date(fields["DATE"].group(1) if fields["DATE"] else ""),
            "source": "Reuters",
        }
        yield record


def _sgml_date(value: str) -> str | None:
    """``26-FEB-1987 15:01:01.79`` as ``1987-02-26``."""
    try:
        return datetime.strptime(value.strip().split()[0].title(), _SGML_DATE).date().isoformat()
    except (ValueError, IndexError):
        return None
