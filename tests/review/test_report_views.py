"""The report's cross-article view, its list of failed articles, and where it is written."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from pipeline.contract import Annotations, Article, ArticleResult, Check, Claim
from pipeline.errors import ArticleError
from pipeline.review.report import render_report, write_report


def story(article_id: str, title: str, claims: list[tuple[str, float, bool]]) -> ArticleResult:
    """An article with claims given as (text, check-worthiness, has a failed check)."""
    text = " ".join(text for text, _, _ in claims)
    art = Article(id=article_id, text=text, title=title)
    built = []
    for n, (needle, score, failed) in enumerate(claims):
        start = text.index(needle)
        checks = (Check("percent_change", 5.0, 9.0, False),) if failed else ()
        built.append(Claim(f"{article_id}-{n}", article_id, needle, start, start + len(needle),
                           "change", checks=checks, checkworthiness=score))
    return ArticleResult(Annotations(article=art), tuple(built))


STORIES = [
    story("p", "Port story", [("Cargo rose 4 percent.", 0.40, False),
                              ("Fees doubled to $9.", 0.95, False)]),
    story("f", "Farm story", [("Wheat output fell 5 percent to 90 tons from 95.", 0.20, True),
                              ("Milk sales were flat.", 0.70, False)]),
]
FAILURES = [ArticleError("wire.jsonl:7", "processing failed: ValueError: no", "w7"),
            ArticleError("odd <b>.txt", "empty file: no article text")]


def cross_view(html: str) -> list[str]:
    """The claim texts of the all-claims list, in the order shown."""
    block = re.search(r'<details class="all-claims"[^>]*>(.*?)</details>', html, re.S)
    assert block is not None
    return re.findall(r'<li class="xc[^"]*"><a href="[^"]*">([^<]*)</a>', block.group(1))


# Failed checks first, then by check-worthiness, across articles.
EXPECTED = ["Wheat output fell 5 percent to 90 tons from 95.", "Fees doubled to $9.",
            "Milk sales were flat.", "Cargo rose 4 percent."]


def test_one_page_lists_all_claims_failed_first_then_most_check_worthy() -> None:
    html = render_report(STORIES)
    assert isinstance(html, str)
    assert cross_view(html) == EXPECTED
    assert 'href="#a2-c1">Wheat output' in html  # its place in the farm story, on this page


def test_the_index_of_a_paged_report_lists_all_claims_with_their_pages() -> None:
    pages = render_report(STORIES, page_size=1, basename="r")
    assert isinstance(pages, dict)
    assert cross_view(pages["r.html"]) == EXPECTED
    assert 'href="r-0002.html#a2-c1">Wheat output' in pages["r.html"]
    assert 'id="a2-c1"' in pages["r-0002.html"]


def test_failed_articles_are_listed_with_why() -> None:
    for html in (render_report(STORIES, failures=FAILURES),
                 render_report(STORIES, page_size=1, failures=FAILURES)):
        first = html if isinstance(html, str) else html["report.html"]
        assert "2 articles failed" in first
        assert "<code>wire.jsonl:7</code> (id w7): processing failed: ValueError: no" in first
        assert "<code>odd &lt;b&gt;.txt</code>: empty file" in first
    assert "failed</h2>" not in str(render_report(STORIES))


def test_write_report_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "rep" / "nested" / "report.html"
    (written,) = write_report(STORIES, target)
    assert written == target and target.read_text(encoding="utf-8").startswith("<!DOCTYPE")


def test_a_single_article_has_no_cross_view() -> None:
    html = render_report([dataclasses.replace(STORIES[0])])
    assert isinstance(html, str) and '<details class="all-claims"' not in html
