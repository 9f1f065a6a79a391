"""The HTML report: escaping, every claim highlighted, hover texts, claim order and paging."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from pipeline.contract import (
    Annotations,
    Article,
    ArticleResult,
    Check,
    Claim,
    QuantityMention,
    TextSpan,
)
from pipeline.review.marks import Mark, render_marked
from pipeline.review.report import render_report, write_report
from pipeline.review.view import check_words, quantity_tip
from tests.review.report_fixture import hand_seed_result

VOID = frozenset({"meta", "input", "br", "img", "link", "hr", "wbr"})


class Page(HTMLParser):
    """What a reader sees in a rendered page: article text, claim highlights, marks, tooltips."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[str], dict[str, str]]] = []
        self.text: list[str] = []
        self.claim_text: dict[str, str] = defaultdict(str)
        self.mark_text: dict[str, str] = defaultdict(str)
        self.tips: dict[str, str] = defaultdict(str)
        self.side: list[str] = []
        self.ids: list[str] = []
        self.csp = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        if "id" in values:
            self.ids.append(values["id"])
        if values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values["content"]
        if "ci" in classes:
            self.side.append(values["data-claim-id"])
        if tag not in VOID:
            self.stack.append((tag, classes, values))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        tip = next((a["id"] for _, c, a in self.stack if "tip" in c), None)
        if tip is not None:
            self.tips[tip.removesuffix("-tip")] += data
            return
        if any("lbl" in c for _, c, _ in self.stack):
            return
        if not any("text" in c for _, c, _ in self.stack):
            return
        self.text.append(data)
        for _, classes, attrs in self.stack:
            if "data-claim-id" in attrs:
                self.claim_text[attrs["data-claim-id"]] += data
            if "m" in classes and "id" in attrs:
                self.mark_text[attrs["id"]] += data

    def tip_of(self, mark_text: str) -> str:
        """The tooltip of the (first) mark whose own text is ``mark_text``."""
        mark_id = next(i for i, t in self.mark_text.items() if t == mark_text)
        return self.tips[mark_id]


def one_page(results: Sequence[ArticleResult]) -> Page:
    """A report small enough to be one page, parsed."""
    html = render_report(results)
    assert isinstance(html, str)
    return Page(html)


@pytest.fixture(scope="module")
def seed() -> ArticleResult:
    return hand_seed_result()


@pytest.fixture(scope="module")
def seed_page(seed: ArticleResult) -> Page:
    html = render_report([seed])
    assert isinstance(html, str)
    return Page(html)


def article(text: str, claims: Sequence[tuple[str, str]] = (), **fields: Any) -> ArticleResult:
    """A one-off article whose claims are given as (substring, type)."""
    art = Article(id=fields.pop("id", "t1"), text=text, **fields)
    built = []
    for n, (needle, kind) in enumerate(claims):
        start = text.index(needle)
        built.append(Claim(f"c{n}", art.id, needle, start, start + len(needle), kind))
    return ArticleResult(Annotations(article=art), tuple(built))


def test_text_is_shown_exactly_as_read(seed: ArticleResult, seed_page: Page) -> None:
    assert "".join(seed_page.text) == seed.article.text


def test_every_claim_is_highlighted(seed: ArticleResult, seed_page: Page) -> None:
    assert len(seed.claims) == 6
    for claim in seed.claims:
        assert seed_page.claim_text[claim.claim_id] == claim.text


@pytest.mark.parametrize(("mark", "tip"), [
    ("$43.5 billion", "money: 43500000000 USD"),
    ("S$37.7 billion", "money: 37700000000 SGD"),
    ("US$27.7 billion", "money: 27700000000 USD"),
    ("$1.74 billion", "money: 1740000000 USD"),
    ("previous year", "date: 2016, relative to 2017-08-23"),
    ("last month", "date: 2017-07, relative to 2017-08-23"),
    ("Kim Hyun-chong", "person: Kim Hyun-chong"),
    ("KORUS", "agreement or law: KORUS"),
    ("Kim", "speaker: Kim Hyun-chong (direct quote)"),
    ("the report", "source: the report (reported, speaker unresolved)"),
    ("data from the Korea Trade International Association",
     "data source: data from the Korea Trade International Association"),
    ("0.03 percent", "percent: 0.03 % — Check failed (percent change): the article states "
                     "−0.03 %, but its own figures give −2.76 %."),
])
def test_hover_text_is_the_normalized_value(seed_page: Page, mark: str, tip: str) -> None:
    assert seed_page.tip_of(mark) == tip


def test_ids_are_unique(seed_page: Page) -> None:
    assert len(seed_page.ids) == len(set(seed_page.ids))


@pytest.mark.parametrize("field", ["text", "title", "source", "url", "type", "claim_id"])
def test_untrusted_input_is_escaped(field: str) -> None:
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    text = f"Officials said exports rose 5 percent. {evil if field == 'text' else 'Quiet.'}"
    result = article(text, [("Officials said exports rose 5 percent.", "statistic")],
                     **{k: evil for k in ("title", "source", "url") if k == field})
    if field in ("type", "claim_id"):
        claim = dataclasses.replace(result.claims[0], **{field: evil})
        result = dataclasses.replace(result, claims=(claim,))
    html = render_report([result])
    assert isinstance(html, str)
    assert html.count("<script") == 1  # the report's own script, nothing injected
    assert "<img" not in html
    page = Page(html)
    assert "".join(page.text) == text


def test_only_web_links_become_links() -> None:
    html = render_report([article("Text.", url="javascript:alert(1)"),
                          article("Text.", id="t2", url="https://example.com/a?b=1&c=2")])
    assert isinstance(html, str)
    assert 'href="javascript' not in html
    assert 'href="https://example.com/a?b=1&amp;c=2"' in html


def test_no_network_resources(seed_page: Page, seed: ArticleResult) -> None:
    html = render_report([seed])
    assert isinstance(html, str)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in Page(html).csp


def test_rendering_is_deterministic(seed: ArticleResult) -> None:
    assert render_report([seed]) == render_report([hand_seed_result()])


def test_claims_listed_by_checkworthiness_then_position() -> None:
    text = "Alpha rose 1 percent. Beta fell 2 percent. Gamma was flat. Delta rose 3 percent."
    base = article(text, [("Alpha rose 1 percent.", "change"), ("Beta fell 2 percent.", "change"),
                          ("Gamma was flat.", "statistic"), ("Delta rose 3 percent.", "change")])
    scores = {"c0": 0.2, "c1": 0.9, "c2": 0.2, "c3": 0.5}
    claims = tuple(dataclasses.replace(c, checkworthiness=scores[c.claim_id])
                   for c in base.claims)
    page = one_page([dataclasses.replace(base, claims=claims)])
    assert page.side == ["c1", "c3", "c0", "c2"]


def test_unscored_claims_keep_text_order() -> None:
    text = "Beta fell 2 percent. Alpha rose 1 percent."
    result = article(text, [("Alpha rose 1 percent.", "change"), ("Beta fell 2 percent.", "x")])
    assert one_page([result]).side == ["c1", "c0"]


def test_overlapping_claims_are_both_highlighted() -> None:
    text = "He said \"exports fell 3 percent\" in 2016, officials said."
    result = article(text, [("He said \"exports fell 3 percent\" in 2016", "statistic"),
                            ("exports fell 3 percent\" in 2016, officials said.", "quote")])
    page = one_page([result])
    assert page.claim_text["c0"] == result.claims[0].text
    assert page.claim_text["c1"] == result.claims[1].text
    assert "".join(page.text) == text


@pytest.mark.parametrize(("marks", "expected"), [
    ([Mark(0, 4, 1, ("a",)), Mark(2, 6, 3, ("b",))],
     '<mark class="a">ab<mark class="b">cd</mark></mark><mark class="b cont">ef</mark>'),
    ([Mark(2, 4, 3, ("b",)), Mark(0, 6, 1, ("a",))],
     '<mark class="a">ab<mark class="b">cd</mark>ef</mark>'),
    ([Mark(0, 6, 3, ("in",)), Mark(0, 6, 1, ("out",))],
     '<mark class="out"><mark class="in">abcdef</mark></mark>'),
    ([Mark(1, 2, 3, ("x",), label="L")], 'a<mark class="x">b<span class="lbl" '
                                         'aria-hidden="true">L</span></mark>cdef'),
    ([Mark(3, 9, 1, ("x",)), Mark(4, 4, 1, ("y",))], "abcdef"),  # outside or empty: ignored
])
def test_marks_nest_even_when_they_cross(marks: list[Mark], expected: str) -> None:
    assert render_marked("abcdef", marks) == expected


@pytest.mark.parametrize(("check", "words"), [
    (Check("percent_change", -0.03, -2.7586, False),
     "Check failed (percent change): the article states −0.03 %, but its own figures give "
     "−2.76 %."),
    (Check("sum", 10.0, 10.0, True), "Check passed (sum): stated 10, computed 10."),
    (Check("ratio", 2.5, None, None, "Only one figure is given."),
     "Not verifiable (ratio): Only one figure is given."),
    (Check("percent_change", -0.03, -2.76, False, "It fell 2.76 percent, not 0.03."),
     "Check failed (percent change): It fell 2.76 percent, not 0.03."),
    # A failed check names the words it bound its figures in, on one line.
    (Check("percent_change", 9.0, 4.0, False, "Off by five points.",
           clause=TextSpan(0, 30, "went up 9 pct\nto 52 from 50")),
     'Check failed (percent change): Off by five points. Read in: "went up 9 pct to 52 from 50".'),
    (Check("percent_change", 9.0, None, False, stated_text="9 pct"),
     "Check failed (percent change): the article states 9 pct, but its own figures give "
     "nothing."),
])
def test_checks_are_explained_in_words(check: Check, words: str) -> None:
    assert check_words(check) == words


@pytest.mark.parametrize(("quantity", "tip"), [
    (QuantityMention(0, 13, "$43.5 billion", "money", 43.5e9, "USD", "USD"),
     "money: 43500000000 USD"),
    (QuantityMention(0, 8, "19 cents", "money", 0.19, "USD", "USD"), "money: 0.19 USD"),
    (QuantityMention(0, 9, "about 5 %", "percent", 5.0, "percent", qualifier="about"),
     "percent: about 5 %"),
    (QuantityMention(0, 21, "$80 a barrel", "money", 80.0, "USD", "USD", rate="per barrel"),
     "money: 80 USD per barrel"),
    (QuantityMention(0, 8, "12 miles", "other", 12.0, "mile"), "quantity: 12 mile"),
])
def test_quantity_tooltips(quantity: QuantityMention, tip: str) -> None:
    assert quantity_tip(quantity) == tip


def _many(n: int) -> list[ArticleResult]:
    return [article(f"Story {i}: exports rose {i} percent.",
                    [(f"exports rose {i} percent.", "change")], id=f"s{i}", title=f"Story {i}")
            for i in range(n)]


def test_small_reports_are_one_page() -> None:
    html = render_report(_many(3), page_size=3)
    assert isinstance(html, str)
    assert len(Page(html).side) == 3


def test_large_reports_are_paged_with_an_index() -> None:
    pages = render_report(_many(5), page_size=2, basename="out")
    assert isinstance(pages, dict)
    assert list(pages) == ["out.html", "out-0001.html", "out-0002.html", "out-0003.html"]
    index = pages["out.html"]
    for i, name in enumerate(["out-0001.html"] * 2 + ["out-0002.html"] * 2 + ["out-0003.html"]):
        assert f'href="{name}#a{i + 1}"' in index
        assert f'id="a{i + 1}"' in pages[name]
    assert [len(Page(pages[n]).side) for n in list(pages)[1:]] == [2, 2, 1]
    assert 'rel="next"' in pages["out-0001.html"] and 'rel="prev"' not in pages["out-0001.html"]
    assert 'rel="prev"' in pages["out-0003.html"] and 'rel="next"' not in pages["out-0003.html"]


def test_page_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="page_size"):
        render_report(_many(1), page_size=0)


def test_write_report_writes_index_and_pages(tmp_path: Path) -> None:
    written = write_report(_many(3), tmp_path / "report.html", page_size=2)
    assert [p.name for p in written] == ["report.html", "report-0001.html", "report-0002.html"]
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in written)
    single = write_report(_many(1), tmp_path / "one.html")
    assert [p.name for p in single] == ["one.html"]


def test_real_seed_claims_are_all_highlighted(seed_result: ArticleResult) -> None:
    page = one_page([seed_result])
    assert "".join(page.text) == seed_result.article.text
    assert seed_result.claims
    for claim in seed_result.claims:
        assert page.claim_text[claim.claim_id] == claim.text
    assert page.tip_of("S$37.7 billion") == "money: 37700000000 SGD"
    assert len(page.ids) == len(set(page.ids))
