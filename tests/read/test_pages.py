"""Web pages and the files beside an article: read as pages, and errors naming the right file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read.reader import read_inputs

PAGE = """<!DOCTYPE html><html><head><title>Harbour traffic - Port Gazette</title>
<style>.banner{width:100px}</style>
<meta property="article:published_time" content="2018-03-05T08:00:00Z">
</head><body><nav>Home | Shipping | Weather</nav>
<article><h1>Harbour traffic grows</h1>
<p>Container traffic through the harbour grew 7 percent to 2.4 million boxes last year,
the port authority said on Monday, after two new cranes came into service in the spring.</p>
<p>"We expect the growth to continue while the canal works go on," the authority's director
told a meeting of shipping agents, adding that dredging would start in the autumn.</p>
</article><footer>All rights reserved</footer></body></html>"""


@pytest.mark.parametrize("name", ["harbour.html", "harbour.htm", "harbour.txt"])
def test_web_pages_are_read_for_their_article(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article), article
    assert "grew 7 percent to 2.4 million boxes" in article.text
    assert article.published == "2018-03-05" and article.published_from == "metadata"
    for markup in ("width:100px", "</style>", "<body>", "Home | Shipping"):
        assert markup not in article.text


def test_html_in_txt_without_an_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shell.txt"
    path.write_text("<html><head><style>p{}</style></head><body></body></html>", "utf-8")
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ArticleError) and "holds an HTML page" in error.reason


def test_prose_with_a_stray_tag_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    text = "PRICES\n\nThe index rose <b>2%</b> in March, the office said.\n"
    path.write_text(text, "utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == text


@pytest.mark.parametrize(
    ("meta", "problem"),
    [
        ('{"published": "2018-03-05",', "malformed JSON at line 1 column 28: Expecting"),
        ('["2018-03-05"]', "holds a JSON list, not an object"),
        (json.dumps({"published": "March the fifth"}), "field 'published'"),
        (json.dumps({"title": 12}), "field 'title' must be a string"),
    ],
)
def test_a_bad_meta_file_is_blamed_on_itself(tmp_path: Path, meta: str, problem: str) -> None:
    text = tmp_path / "port.txt"
    text.write_text("PORT\n\nTraffic grew 7 percent.\n", "utf-8")
    meta_path = tmp_path / "port.meta.json"
    meta_path.write_text(meta, "utf-8")
    (error,) = read_inputs([str(text)])
    assert isinstance(error, ArticleError) and error.origin == str(text)
    assert error.reason.startswith(f"metadata file {meta_path}: "), error.reason
    assert problem in error.reason and "fix it or remove it" in error.reason


def test_a_garbage_warc_is_named_without_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"\x07garbage that is no archive " * 40)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ArticleError) and error.origin == f"{path}:record 1"
    assert error.reason.startswith("not a readable WARC record") and "web archive" in error.reason
    assert "garbage" not in error.reason and len(error.reason) < 160
