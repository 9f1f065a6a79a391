"""Reuters-style SGML read story by story: kinds of story, broken markup, bounded memory."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import pipeline.read.sgml as sgml
from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read.reader import read_inputs
from pipeline.read.sgml import Skipped, Story, sgml_stories, story_record
from tests.conftest import ROOT


def story(new_id: int, inner: str, date: str = "14-APR-1988 10:02:11.00") -> str:
    return f'<REUTERS TOPICS="NO" NEWID="{new_id}">\n<DATE>{date}</DATE>\n{inner}\n</REUTERS>\n'


NORMAL = story(
    5,
    "<TEXT>&#2;\n<TITLE>TIN OUTPUT CLIMBS</TITLE>\n<DATELINE>    LIMA, April 14 - </DATELINE>"
    "<BODY>Peru's tin output climbed 4 pct in March, the mines ministry reported.\n Reuter\n"
    "&#3;</BODY></TEXT>",
)
BRIEF = story(6, '<TEXT TYPE="BRIEF">&#2;\n******<TITLE>GRAIN STOCKS UP 3 PCT IN WEEK\n'
                 "</TITLE>Blah blah blah.\n&#3;\n</TEXT>")
UNPROC = story(7, '<TEXT TYPE="UNPROC">&#2;\nCORRECTION - ACME MILLS\n    In the item on Acme Mills'
                  " please read net profit 12 mln dlrs.\n Reuter\n&#3;\n</TEXT>")


@pytest.mark.parametrize(
    ("raw", "title", "text"),
    [
        # A story with a body opens with its headline, as a wire feed prints it.
        (NORMAL, "TIN OUTPUT CLIMBS", "TIN OUTPUT CLIMBS\n\nPeru's tin output climbed 4 pct in"
                                      " March, the mines ministry reported.\n Reuter"),
        # A BRIEF story is its headline: the headline is the text, not set apart from it.
        (BRIEF, None, "GRAIN STOCKS UP 3 PCT IN WEEK"),
        # An UNPROC story has no <BODY>: its text is read as sent, first line the headline.
        (UNPROC, "CORRECTION - ACME MILLS", "CORRECTION - ACME MILLS\n    In the item on Acme"
                                            " Mills please read net profit 12 mln dlrs.\n Reuter"),
    ],
)
def test_kinds_of_story(raw: str, title: str | None, text: str) -> None:
    record = story_record(raw)
    assert (record["title"], record["text"], record["published"]) == (title, text, "1988-04-14")


def stories(data: bytes, limit: int = 10_000) -> list[Story | Skipped]:
    return list(sgml_stories(io.BytesIO(data), limit))


def summary(data: bytes, limit: int = 10_000) -> list[tuple[str, int, str]]:
    """(kind, byte offset, first words) per piece, for compact expectations."""
    return [
        ("story", p.offset, p.data[:12].decode())
        if isinstance(p, Story)
        else ("skipped", p.offset, p.reason.split(" ")[0])
        for p in stories(data, limit)
    ]


HEADER = b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # Text between stories is ignored; each story is found where it starts.
        (HEADER + NORMAL.encode() + BRIEF.encode(),
         [("story", 36, '<REUTERS TOP'), ("story", 36 + len(NORMAL), '<REUTERS TOP')]),
        # An unclosed story is one error, and the next story is still read.
        (b"<REUTERS NEWID=\"1\">lost" + NORMAL.encode(),
         [("skipped", 0, "story"), ("story", 23, "<REUTERS TOP")]),
        # A tag that only starts like <REUTERS is not a story boundary.
        (b"<REUTERSX>" + NORMAL.encode(), [("story", 10, "<REUTERS TOP")]),
        # A story cut by the end of the file is an error, not a silent loss.
        (NORMAL.encode() + b"<REUTERS NEWID=\"9\"><BODY>cut", [
            ("story", 0, "<REUTERS TOP"), ("skipped", len(NORMAL), "story")]),
        # A long run of filler is one error, then the story after it is read.
        (b"x" * 25_000 + NORMAL.encode(),
         [("skipped", 0, "over"), ("story", 25_000, "<REUTERS TOP")]),
        # An over-long story is one error, and reading goes on after its end tag.
        (b"<REUTERS>" + b"y" * 25_000 + b"</REUTERS>" + NORMAL.encode(),
         [("skipped", 0, "story"), ("story", 25_019, "<REUTERS TOP")]),
        (b"", []),
    ],
)
def test_story_boundaries(data: bytes, expected: list[tuple[str, int, str]]) -> None:
    assert summary(data) == expected


@pytest.mark.parametrize("read_size", [1, 3, 9, 10, 11, 64])
def test_chunk_boundaries_change_nothing(monkeypatch: pytest.MonkeyPatch, read_size: int) -> None:
    data = (HEADER + NORMAL.encode() + b"<REUTERS NEWID=\"2\">open" + b"z" * 300 + BRIEF.encode()
            + b"q" * 40 + UNPROC.encode() + b"<REUTERS")
    whole = summary(data, limit=400)
    monkeypatch.setattr(sgml, "READ_SIZE", read_size)
    assert summary(data, limit=400) == whole
    assert [kind for kind, _, _ in whole] == ["story", "skipped", "story", "story", "skipped"]


def test_errors_name_the_file_the_offset_and_the_story(tmp_path: Path) -> None:
    path = tmp_path / "wire.sgm"
    data = (b"<REUTERS NEWID=\"41\">\n<BODY>never closed\n" + NORMAL.encode()
            + story(8, "<BODY>caf\xe9</BODY>").encode("latin-1"))
    path.write_bytes(data)
    broken, good, latin = read_inputs([str(path)])
    assert isinstance(broken, ArticleError) and broken.article_id == "reuters-41"
    assert broken.origin == f"{path}:byte 0"
    assert "not closed by </REUTERS> before the next <REUTERS> at byte 40" in broken.reason
    assert "check the file near byte 0" in broken.reason
    assert isinstance(good, Article) and good.id == "reuters-5"
    # One story's bad byte costs that story only, and the offset is the file's.
    assert isinstance(latin, ArticleError) and latin.article_id == "reuters-8"
    assert latin.origin == f"{path}:byte {40 + len(NORMAL)}"
    bad_byte = data.index(b"\xe9")
    assert f"invalid UTF-8 at byte {bad_byte}" in latin.reason


def test_a_file_without_stories_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.sgm"
    path.write_bytes(b"<DOC>not the Reuters layout</DOC>\n")
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ArticleError) and "no <REUTERS> story found" in error.reason


def test_filler_longer_than_max_chars_is_one_error_then_the_story(tmp_path: Path) -> None:
    path = tmp_path / "padded.sgm.gz"
    path.write_bytes(gzip.compress(b"\xf0\x9f\x98\x80" + b"filler " * 50_000 + NORMAL.encode()))
    error, article = read_inputs([str(path)], max_chars=10_000)
    assert isinstance(error, ArticleError) and error.origin == f"{path}:byte 0"
    assert "over 40001 bytes without a story" in error.reason
    assert isinstance(article, Article) and article.id == "reuters-5"


# Reads a gzipped SGML stream of ``MB`` megabytes (filler, then one story) made on the fly, in a
# process whose address space is capped below what holding the decompressed stream would take.
STREAM_CHECK = textwrap.dedent("""
    import gzip, os, resource, sys, tempfile
    size_mb, cap_mb = int(sys.argv[1]), int(sys.argv[2])
    path = os.path.join(sys.argv[3], "big.sgm.gz")
    line = b"padding between stories, none of it a story " * 20 + b"\\n"
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(b"\\xf0\\x9f\\x98\\x80")
        for _ in range(size_mb * 2**20 // len(line)):
            out.write(line)
        out.write(sys.argv[4].encode())
    from pipeline.read.reader import read_inputs
    resource.setrlimit(resource.RLIMIT_AS, (cap_mb * 2**20, cap_mb * 2**20))
    try:
        bytearray(size_mb * 2**20)  # what reading the stream whole would need, at least
        print("cap too high")
    except MemoryError:
        pass
    # The language model is loaded once per process, whatever the input: not what is measured.
    for item in read_inputs([path], any_language=True):
        print(type(item).__name__, getattr(item, "id", None), getattr(item, "reason", "")[:60])
""")


def test_a_large_compressed_sgml_streams_under_a_memory_cap(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", STREAM_CHECK, "300", "256", str(tmp_path), NORMAL],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ArticleError None over 4000001 bytes without a story"), lines
    assert lines[1:] == ["Article reuters-5 "]


# Stories of reut2-000.sgm without a <BODY>, read and judged as a desk would read them:
# (id, kind, verdict, why). Each is now an article; none was before.
VERDICTS = [
    ("reuters-417", "UNPROC", "good", "a repeated agriculture story in prose; its claims carry the"
                                      " department and the deputy secretary as sources"),
    ("reuters-934", "UNPROC", "good", "a crop report in prose; tonnages with their source board"),
    ("reuters-760", "UNPROC", "fair", "a correction notice: its claims restate the corrected"
                                      " figures, useful to a desk as they are"),
    ("reuters-99", "UNPROC", "poor", "a table of reserve figures; claims cut across its rows"
                                     " (tables are issue 18's own item)"),
    ("reuters-30", "BRIEF", "good", "the headline states an amount and a direction: one claim"),
    ("reuters-129", "BRIEF", "good", "a headline with a proposal, no figure: no claim"),
]


@pytest.mark.parametrize(("story_id", "kind", "verdict", "why"), VERDICTS)
def test_stories_without_a_body_are_read(story_id: str, kind: str, verdict: str, why: str) -> None:
    from tests.conftest import shared_path

    path = shared_path("data", "reuters21578", "reut2-000.sgm")
    (article,) = [a for a in read_inputs([str(path)]) if getattr(a, "id", None) == story_id]
    assert isinstance(article, Article), (story_id, verdict, why)
    lines = [line for line in article.text.splitlines() if line.strip()]
    if kind == "BRIEF":
        assert article.title is None and len(lines) == 1
    else:
        assert article.title == lines[0].strip() and len(lines) > 3
