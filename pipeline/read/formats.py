"""File formats the read stage understands: compression, format by name or by content, lines."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
FORMATS = ("txt", "jsonl", "sgml", "warc", "html")
FORMAT_OF_SUFFIX = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".sgm": "sgml",
    ".sgml": "sgml",
    ".warc": "warc",
    ".html": "html",
    ".htm": "html",
}
# Each compression's magic bytes, so standard input can be decompressed without a suffix.
MAGIC = {
    b"\x1f\x8b": ".gz",
    b"BZh": ".bz2",
    b"\xfd7zXZ\x00": ".xz",
    b"\x28\xb5\x2f\xfd": ".zst",
}
# A decompressed stream larger than this many times its compressed size, past the floor,
# is treated as a decompression bomb rather than read to exhaustion.
BOMB_RATIO = 200
BOMB_FLOOR_BYTES = 64 * 1024 * 1024
CHUNK = 1 << 16
# zstd's decompressor object has no output bound, so it is fed this much at a time: even
# run-length blocks (128 KB from 4 bytes) then give at most a few tens of MB per feed.
ZSTD_FEED = 1024
SNIFF_BYTES = 4096
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html\b|<head\b|<!--)", re.I)
_SGML_MARK = re.compile(rb"<!DOCTYPE\s+lewis|<REUTERS\b")


class DecompressError(Exception):
    """A compressed input that is corrupt, truncated or expands suspiciously."""

    def __init__(self, reason: str, *, bomb: bool = False) -> None:
        super().__init__(reason)
        self.bomb = bomb


def format_of(name: str) -> str | None:
    """The article format of a file name (``txt``, ``jsonl``, ``sgml``, ``warc``, ``html``)."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()
    return FORMAT_OF_SUFFIX.get(suffixes[-1]) if suffixes else None


def sniff_format(head: bytes) -> str:
    """The format of a stream from its first bytes: how standard input is read without --format."""
    start = head.lstrip()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"WARC/"):
        return "warc"
    if _SGML_MARK.search(head):
        return "sgml"
    if _HTML_START.match(head):
        return "html"
    return "txt"


# A story tag opening a line, searched past the sniffed head (where prose naming it is rarer).
_SGML_STORY_LINE = re.compile(rb"^<REUTERS\b", re.M)


def sniff_past_head(handle: IO[bytes], limit: int) -> tuple[str, IO[bytes]]:
    """``sgml`` or ``txt`` for a stream whose head looked like plain text, by its first ``limit``
    bytes (all a text article may hold), and the stream again from its start."""
    data = handle.read(limit)
    # The head again too: a pipe's first read may have held less than SNIFF_BYTES.
    sgml = _SGML_MARK.search(data, 0, SNIFF_BYTES) or _SGML_STORY_LINE.search(data)
    kind = "sgml" if sgml else "txt"
    return kind, cast(IO[bytes], io.BufferedReader(_Rejoined(data, handle), CHUNK))


class _Rejoined(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._at, self._rest = head, 0, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._at < len(self._head):
            data = self._head[self._at : self._at + len(buffer)]
            self._at += len(data)
        else:
            data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def sniff_compression(head: bytes) -> str | None:
    """The compression suffix whose magic bytes open ``head``, or None."""
    return next((suffix for magic, suffix in MAGIC.items() if head.startswith(magic)), None)


class _ZstdFile(io.RawIOBase):
    """A zstd stream read frame after frame, with truncation reported instead of ignored."""

    def __init__(self, raw: IO[bytes]) -> None:
        import zstandard

        self._raw = raw
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._decoder = self._new()
        self._pending = b""
        self._input = b""
        self._mid_frame = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            if not self._input:
                self._input = self._raw.read(CHUNK)
                if not self._input:
                    if self._mid_frame:
                        raise EOFError("the stream ends inside a zstd frame")
                    return 0
            feed, self._input = self._input[:ZSTD_FEED], self._input[ZSTD_FEED:]
            self._pending = self._decoder.decompress(feed)
            self._mid_frame = True
            if self._decoder.eof:
                # The next frame (if any) starts with what the finished one left over.
                self._input = self._decoder.unused_data + self._input
                self._decoder = self._new()
                self._mid_frame = False
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class _GuardedReader(io.RawIOBase):
    """A decompressing reader that stops at a decompression bomb and names any failure."""

    def __init__(self, inner: IO[bytes], raw: IO[bytes], consumed: Callable[[], int]) -> None:
        self._inner = inner
        self._raw = raw
        self._consumed = consumed
        self._produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        empty = DecompressError("the file is empty (0 bytes), not a compressed stream")
        try:
            chunk = self._inner.read(len(buffer))
        except Exception as error:  # zlib.error, EOFError, ZstdError...: all mean a bad stream
            raise (empty if self._consumed() == 0 else DecompressError(_short(error))) from error
        consumed = max(self._consumed(), 1)
        if not chunk and self._produced == 0 and self._consumed() == 0:
            raise empty
        self._produced += len(chunk)
        if self._produced > BOMB_FLOOR_BYTES and self._produced > BOMB_RATIO * consumed:
            raise DecompressError(
                f"expands over {BOMB_RATIO}x ({self._produced} bytes from {consumed}):"
                " likely a decompression bomb",
                bomb=True,
            )
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._inner.close()
        self._raw.close()
        super().close()


def _short(error: BaseException) -> str:
    """An exception as a short reason, never a dump of the bytes it choked on."""
    text = str(error) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


class _Counting(io.RawIOBase):
    """Counts the bytes read through it, so the bomb guard works on pipes too."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        self.count += len(data)
        buffer[: len(data)] = data
        return len(data)


def decompressing(raw: IO[bytes], suffix: str | None) -> IO[bytes]:
    """``raw`` decompressed as ``suffix`` says (``.gz``…), guarded; ``raw`` itself if none."""
    if suffix not in COMPRESSED_SUFFIXES:
        return raw
    counted = _Counting(raw)
    source = cast(IO[bytes], io.BufferedReader(counted, buffer_size=CHUNK))
    inner: IO[bytes]
    if suffix == ".gz":
        inner = cast(IO[bytes], gzip.GzipFile(fileobj=source))
    elif suffix == ".bz2":
        inner = cast(IO[bytes], bz2.BZ2File(source))
    elif suffix == ".xz":
        inner = cast(IO[bytes], lzma.LZMAFile(source))  # noqa: SIM115 - closed by the guard
    else:
        try:
            inner = cast(IO[bytes], _ZstdFile(source))
        except ImportError as error:
            raw.close()
            raise DecompressError("reading .zst needs the 'zstandard' package") from error
    return io.BufferedReader(_GuardedReader(inner, raw, lambda: counted.count), CHUNK)


def open_binary(name: str) -> IO[bytes]:
    """Open a file for reading bytes, decompressing by suffix, guarded against bombs."""
    return decompressing(_open_raw(name), Path(name).suffix.lower())


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
