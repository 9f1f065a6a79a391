"""Compression and format detection: broken streams named as such, standard input sniffed."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard

from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read.formats import sniff_format
from pipeline.read.reader import read_inputs

STORY = "Coffee exports fell 8% to 1.2 million bags in May, the board said.\n"
LINE = (json.dumps({"id": "k1", "text": STORY}) + "\n").encode()


def zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress, ".zst": zstd,
}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
@pytest.mark.parametrize(
    ("damage", "detail"),
    [
        (lambda data: b"", "empty (0 bytes)"),
        (lambda data: data[: len(data) // 2], ""),
    ],
    ids=["zero-byte", "truncated"],
)
def test_broken_compressed_files_say_so(
    tmp_path: Path, suffix: str, damage: Callable[[bytes], bytes], detail: str
) -> None:
    path = tmp_path / f"feed.jsonl{suffix}"
    path.write_bytes(damage(COMPRESSORS[suffix](LINE * 200)))
    items = list(read_inputs([str(path)]))
    error = items[-1]
    assert isinstance(error, ArticleError) and error.origin == str(path)
    assert error.reason.startswith("cannot decompress (truncated or corrupt)"), error.reason
    assert detail in error.reason and "again" in error.reason


def test_corrupt_gzip_is_named_without_its_bytes(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(LINE * 50))
    data[20:40] = b"\xff" * 20
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(bytes(data))
    error = list(read_inputs([str(path)]))[-1]
    assert isinstance(error, ArticleError)
    assert error.reason.startswith("cannot decompress (truncated or corrupt)"), error.reason
    assert len(error.reason) < 220


def test_several_zstd_frames_are_one_stream(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl.zst"
    second = LINE.replace(b"k1", b"k2")
    path.write_bytes(zstd(LINE) + zstd(second))
    assert [a.id for a in read_inputs([str(path)]) if isinstance(a, Article)] == ["k1", "k2"]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'  {"id": 1, "text": "x"}', "jsonl"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1">', "sgml"),
        (b'<REUTERS TOPICS="NO" NEWID="3">', "sgml"),
        (b"<!doctype html>\n<html><head>", "html"),
        (b"\n<html lang='en'><body>", "html"),
        (b"Wheat prices eased on Monday.\n", "txt"),
        # Angle brackets in prose do not make a page.
        (b"Output was <5% of the target, officials said.", "txt"),
    ],
)
def test_standard_input_format_is_sniffed(head: bytes, kind: str) -> None:
    assert sniff_format(head) == kind


def piped(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(data))


def test_sgml_on_standard_input_is_read_as_stories() -> None:
    data = (b'<REUTERS NEWID="12">\n<DATE> 9-MAR-1987 10:00:00.00</DATE>\n<TEXT><TITLE>RICE CROP'
            b" SHRINKS</TITLE><BODY>The rice crop shrank 6 pct, traders said.</BODY></TEXT>\n"
            b"</REUTERS>\n")
    for stream in (data, gzip.compress(data), zstd(data)):
        (article,) = read_inputs(["-"], stdin=piped(stream))
        assert isinstance(article, Article)
        assert (article.id, article.title, article.origin) == ("reuters-12", "RICE CROP SHRINKS",
                                                              "<stdin>:reuters-12")
        assert "\x03" not in article.text and "</BODY>" not in article.text


@pytest.mark.parametrize("preamble", [
    b"",
    b"Archive of wire copy, March 1987.\n" * 200,  # about 6,800 bytes before the first story
    b"x" * 50_000 + b"\n",
])
def test_sgml_on_standard_input_after_a_long_preamble(preamble: bytes) -> None:
    story = (b'<REUTERS NEWID="31">\n<TEXT><TITLE>TIN PRICE FIRM</TITLE><BODY>Tin held at 4.2 '
             b"dlrs a pound, dealers said.</BODY></TEXT>\n</REUTERS>\n")
    for stream in (preamble + story, gzip.compress(preamble + story)):
        (article,) = read_inputs(["-"], stdin=piped(stream))
        assert isinstance(article, Article)
        assert (article.id, article.title) == ("reuters-31", "TIN PRICE FIRM")


def test_text_on_standard_input_naming_the_tag_stays_text() -> None:
    text = b"WIRE TAGS\n\n" + b"Editors wrap each story in a tag.\n" * 150
    text += b"The tag they use is <REUTERS> in the middle of a line, the manual said.\n"
    (article,) = read_inputs(["-"], stdin=piped(text))
    assert isinstance(article, Article) and article.title == "WIRE TAGS"
    assert article.text.endswith("the manual said.\n")


def test_format_option_overrides_the_name(tmp_path: Path) -> None:
    path = tmp_path / "dump.dat"
    path.write_bytes(LINE + LINE.replace(b"k1", b"k2"))
    (refused,) = read_inputs([str(path)])
    assert isinstance(refused, ArticleError) and "--format" in refused.reason
    assert ".warc" in refused.reason and ".html" in refused.reason
    ids = [a.id for a in read_inputs([str(path)], input_format="jsonl") if isinstance(a, Article)]
    assert ids == ["k1", "k2"]
    # Told it is plain text, the same bytes are one article.
    (whole,) = read_inputs([str(path)], input_format="txt")
    assert isinstance(whole, Article) and whole.text.count('"id"') == 2
    with pytest.raises(ValueError, match="unknown input format 'pdf'"):
        list(read_inputs([str(path)], input_format="pdf"))


@pytest.mark.parametrize(
    ("data", "title"),
    [
        # One line is the article, not a headline with nothing under it.
        (b"Rail freight rose 4% in June, the operator said.\n", None),
        (b"FREIGHT UP\n\nRail freight rose 4% in June, the operator said.\n", "FREIGHT UP"),
    ],
)
def test_one_line_of_text_is_body(data: bytes, title: str | None) -> None:
    (article,) = read_inputs(["-"], stdin=piped(data))
    assert isinstance(article, Article) and article.title == title
