"""The read stage: formats, ids, publication dates, and specific errors for bad input."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read.formats import BOMB_FLOOR_BYTES
from pipeline.read.reader import _count_lines, article_id_for, count_items, read_inputs
from tests.conftest import SEED, shared_path

STORY = "Exports rose 5% to $3 billion in 2016, the ministry said.\n"


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_seed_txt_with_sidecar_metadata() -> None:
    (article,) = read_inputs([str(SEED)])
    assert isinstance(article, Article)
    assert article.title == "South Korea rejects 'one-sided' USA demand on trade pact"
    assert article.published == "2017-08-23"
    assert article.published_from == "metadata"
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.id == article_id_for(article.text)


@pytest.mark.parametrize(
    ("record", "expected_id", "expected_published"),
    [
        ({"id": "a1", "text": STORY, "published": "2016-02-03"}, "a1", "2016-02-03"),
        ({"id": 7, "text": STORY}, "7", None),
        ({"text": STORY, "published": "2016-02-03T10:00:00Z"}, article_id_for(STORY), "2016-02-03"),
    ],
)
def test_jsonl_records(
    tmp_path: Path, record: dict[str, object], expected_id: str, expected_published: str | None
) -> None:
    name = write(tmp_path / "a.jsonl", json.dumps(record).encode() + b"\n")
    (article,) = read_inputs([name])
    assert isinstance(article, Article)
    assert (article.id, article.published, article.text) == (expected_id, expected_published, STORY)
    assert article.origin == f"{name}:1"


def test_published_option_fills_only_missing_dates(tmp_path: Path) -> None:
    lines = [
        {"id": "dated", "text": STORY, "published": "2015-01-01"},
        {"id": "undated", "text": STORY},
    ]
    name = write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in lines).encode())
    articles = list(read_inputs([name], default_published="2017-08-23"))
    assert [(a.id, a.published, a.published_from) for a in articles if isinstance(a, Article)] == [
        ("dated", "2015-01-01", "record"),
        ("undated", "2017-08-23", "option"),
    ]


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [
        (".jsonl.gz", gzip.compress),
        (".jsonl.bz2", bz2.compress),
        (".jsonl.xz", lzma.compress),
        (".jsonl.zst", lambda data: zstandard.ZstdCompressor().compress(data)),
    ],
)
def test_compressed_jsonl(tmp_path: Path, suffix: str, compress: object) -> None:
    payload = (json.dumps({"id": "z", "text": STORY}) + "\n").encode()
    name = write(tmp_path / f"a{suffix}", compress(payload))  # type: ignore[operator]
    (article,) = read_inputs([name])
    assert isinstance(article, Article) and article.id == "z"


@pytest.mark.parametrize(
    ("name", "data", "reason_start"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\u00e9 prices rose 5%.".encode("latin-1"), "invalid UTF-8 at byte 3"),
        ("broken.txt.gz", b"not gzip at all", "cannot decompress"),
    ],
)
def test_bad_files_get_specific_errors(
    tmp_path: Path, name: str, data: bytes, reason_start: str
) -> None:
    path = write(tmp_path / name, data)
    good = write(tmp_path / "good.txt", STORY.encode())
    items = list(read_inputs([path, good]))
    assert len(items) == 2
    error, article = items
    assert isinstance(error, ArticleError) and error.origin == path
    assert error.reason.startswith(reason_start), error.reason
    assert isinstance(article, Article) and article.text == STORY


def test_jsonl_bad_lines_are_reported_by_line_and_the_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": STORY}).encode(),
        b'{"id": "cut", "text": "unterminated',
        b"[1, 2]",
        json.dumps({"id": "notext"}).encode(),
        b'{"id": "bad", "text": "caf\xe9"}',
        json.dumps({"id": "badtitle", "text": STORY, "title": 5}).encode(),
        json.dumps({"id": "baddate", "text": STORY, "published": "Aug 23"}).encode(),
        json.dumps({"id": "ok2", "text": STORY}).encode(),
    ]
    name = write(tmp_path / "mixed.jsonl", b"\n".join(lines) + b"\n")
    items = list(read_inputs([name]))
    summary = [
        (
            i.origin.rsplit(":", 1)[1],
            i.reason.split(":")[0] if isinstance(i, ArticleError) else i.id,
        )
        for i in items
    ]
    assert summary == [
        ("1", "ok1"),
        ("2", "malformed JSON"),
        ("3", "JSON line is not an object but list"),
        ("4", "record has no non-empty string field 'text'"),
        ("5", "invalid UTF-8 at byte 26"),
        ("6", "field 'title' must be a string, got int"),
        ("7", "field 'published' is not a date"),
        ("8", "ok2"),
    ]


def test_over_long_article_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path / "long.txt", ("word " * 200).encode())
    (error,) = read_inputs([name], max_chars=100)
    assert isinstance(error, ArticleError) and "over the limit" in error.reason


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path / "bomb.jsonl.gz", gzip.compress(b"\n" * (BOMB_FLOOR_BYTES + 1_000_000)))
    items = list(read_inputs([name]))
    assert isinstance(items[-1], ArticleError)
    assert "decompression bomb" in items[-1].reason


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    write(tmp_path / "b" / "2.txt", b"Second\n\nBody two.")
    write(tmp_path / "1.txt", b"First\n\nBody one.")
    write(tmp_path / "notes.md", b"ignored")
    titles = [a.title for a in read_inputs([str(tmp_path)]) if isinstance(a, Article)]
    assert titles == ["First", "Second"]


def test_stdin_jsonl_and_txt() -> None:
    jsonl = io.BufferedReader(io.BytesIO(json.dumps({"id": "s", "text": STORY}).encode()))
    (article,) = read_inputs(["-"], stdin=jsonl)
    assert isinstance(article, Article) and article.id == "s"
    plain = io.BufferedReader(io.BytesIO(b"Headline\n\n" + STORY.encode()))
    (article,) = read_inputs(["-"], stdin=plain)
    assert isinstance(article, Article) and article.title == "Headline"


def test_missing_input_is_a_usage_error() -> None:
    with pytest.raises(FileNotFoundError, match="no input files matched"):
        list(read_inputs(["/nonexistent/*.jsonl"]))


def test_reuters_sgml_dates_and_titles() -> None:
    path = shared_path("data", "reuters21578", "reut2-000.sgm")
    items = list(read_inputs([str(path)]))
    assert len(items) == 1000
    first = items[0]
    assert isinstance(first, Article)
    assert (first.id, first.published, first.title) == (
        "reuters-1",
        "1987-02-26",
        "BAHIA COCOA REVIEW",
    )
    assert first.text.startswith("BAHIA COCOA REVIEW\n\nShowers continued")


PAGE = """<html><head><title>Exports slump - Example News</title>
<meta property="article:published_time" content="2017-08-22T09:00:00+09:00">
<meta property="og:title" content="South Korea's exports slump">
</head><body><nav>Home | World | Business</nav>
<article><h1>South Korea's exports slump</h1>
<p>South Korea's exports to the United States fell 3 percent to $16.2 billion in 2016,
the trade ministry said on Tuesday, citing data from the Korea International Trade
Association.</p>
<p>"We will not renegotiate the deal," Trade Minister Kim Hyun-chong told reporters in Seoul,
adding that the agreement had benefited both countries since it took effect in 2012.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> str:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)
    return str(path)


@pytest.mark.parametrize("name", ["news.warc", "news.warc.gz"])
def test_warc_pages_become_articles(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, [
        ("https://news.example/exports", PAGE.encode(), "text/html; charset=utf-8"),
        ("https://news.example/logo.png", b"\x89PNG", "image/png"),
        ("https://news.example/empty", b"<html><body></body></html>", "text/html"),
    ])
    items = list(read_inputs([path]))
    assert len(items) == 2
    article, empty = items
    assert isinstance(article, Article)
    assert article.url == "https://news.example/exports"
    assert article.published == "2017-08-22" and article.published_from == "metadata"
    assert "fell 3 percent to $16.2 billion" in article.text
    assert "Home | World" not in article.text
    assert isinstance(empty, ArticleError) and "no article text" in empty.reason


def test_urls_are_read_where_they_are_through_fsspec() -> None:
    import fsspec

    with fsspec.open("memory://archive/day1.jsonl.gz", "wb") as handle:
        handle.write(gzip.compress(json.dumps({"id": "remote", "text": STORY}).encode()))
    (article,) = read_inputs(["memory://archive/day1.jsonl.gz"])
    assert isinstance(article, Article)
    assert (article.id, article.origin) == ("remote", "memory://archive/day1.jsonl.gz:1")


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".jsonl.gz",
                                                              ".sgm", ".warc"]))
def test_random_bytes_never_crash_the_reader(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = write(tmp_path / f"random{suffix}", data)
    items = list(read_inputs([path]))
    for item in items:
        assert isinstance(item, Article | ArticleError)
        if isinstance(item, ArticleError):
            assert item.origin.startswith(path) and item.reason


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children,
                                                                      max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(
    st.fixed_dictionaries({}, optional={"id": JSON_VALUES, "text": st.text() | JSON_VALUES,
                                        "title": JSON_VALUES, "published": JSON_VALUES})
    | JSON_VALUES, max_size=8))
def test_random_json_lines_lose_no_article(tmp_path: Path, records: list[object]) -> None:
    lines = [json.dumps(r) for r in records]
    path = write(tmp_path / "random.jsonl", "\n".join(lines).encode() + b"\n")
    items = list(read_inputs([path]))
    # Every non-blank line is accounted for: an article or an error naming that line; a file
    # with no line at all is one error naming the file.
    expected = [f"{path}:{n}" for n in range(1, len(lines) + 1)] or [path]
    assert [i.origin for i in items] == expected


def test_count_items_matches_what_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(b"\xff\xfe not utf-8")  # an error is an item too
    lines = [json.dumps({"id": f"r{n}", "text": STORY}) for n in range(3)]
    (tmp_path / "c.jsonl").write_text(
        lines[0] + "\n\n   \n" + lines[1] + "\n{broken\n" + lines[2], encoding="utf-8"
    )
    assert count_items([str(tmp_path)]) == len(list(read_inputs([str(tmp_path)]))) == 6


@pytest.mark.parametrize("name", ["a.jsonl.gz", "a.sgm", "-", "https://example.com/a.jsonl"])
def test_count_items_is_unknown_where_counting_means_parsing(tmp_path: Path, name: str) -> None:
    if name in ("a.jsonl.gz", "a.sgm"):
        (tmp_path / name).write_bytes(gzip.compress(STORY.encode()))
        name = str(tmp_path / name)
    assert count_items([name]) is None


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7, 1 << 20])
def test_count_lines_across_chunk_boundaries(tmp_path: Path, chunk_size: int) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b'{"a": 1}\n\n  \n{"b": 22}\r\n{"c": 333}')
    assert _count_lines(path, chunk_size) == 3
