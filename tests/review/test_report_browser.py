"""The seed's report in a real headless Chromium: highlights, hover and focus text, layout."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.contract import ArticleResult
from pipeline.review.report import render_report
from tests.conftest import ROOT

OUT = ROOT / "out"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Text of the marks with a given attribute value, tooltips and label badges left out.
MARK_TEXTS = """([name, value]) => Array.from(document.querySelectorAll('.text [' + name + ']'))
  .filter(el => el.getAttribute(name) === value)
  .map(el => { const c = el.cloneNode(true);
               c.querySelectorAll('.tip, .lbl').forEach(x => x.remove());
               return {text: c.textContent, bg: getComputedStyle(el).backgroundColor}; })"""
OWN_TEXT_ID = """(text) => { for (const el of document.querySelectorAll('.m')) {
  const c = el.cloneNode(true); c.querySelectorAll('.tip, .lbl').forEach(x => x.remove());
  if (c.textContent === text && el.id) return el.id; } return null; }"""


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A fresh headless Chromium profile; skips only when the chromium package is absent."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport=DESKTOP)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def seed_report(seed_result: ArticleResult,
                tmp_path_factory: pytest.TempPathFactory) -> tuple[ArticleResult, Path]:
    """The seed run through the real pipeline, and its report written to a file."""
    result = seed_result
    rendered = render_report([result])
    assert isinstance(rendered, str)
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(rendered, encoding="utf-8")
    return result, path


@pytest.fixture()
def page(browser_context: Any, seed_report: tuple[ArticleResult, Path]) -> Iterator[Any]:
    """The seed's report open in a tab that records any attempt to reach the network."""
    requests: list[str] = []
    tab = browser_context.new_page()
    tab.on("request", lambda request: requests.append(request.url))
    tab.set_viewport_size(DESKTOP)
    tab.goto(seed_report[1].as_uri())
    yield tab
    tab.close()
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []


def test_every_claim_is_highlighted(page: Any, seed_report: tuple[ArticleResult, Path]) -> None:
    result, _ = seed_report
    assert result.claims
    for claim in result.claims:
        fragments = page.evaluate(MARK_TEXTS, ["data-claim-id", claim.claim_id])
        in_text = [f for f in fragments if f["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")]
        assert "".join(f["text"] for f in in_text) == claim.text, claim.claim_id


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_sgd_amount_shows_its_normalized_value(page: Any, how: str) -> None:
    mark_id = page.evaluate(OWN_TEXT_ID, "S$37.7 billion")
    assert mark_id is not None
    mark = page.locator(f"#{mark_id}")
    tip = page.locator(f"#{mark_id}-tip")
    assert not tip.is_visible()
    if how == "hover":
        mark.hover()
    else:
        mark.focus()
    assert tip.is_visible()
    assert tip.inner_text() == "money: 37700000000 SGD"
    assert mark.get_attribute("aria-describedby") == f"{mark_id}-tip"
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_keyboard_tab_reaches_marks_in_text_order(page: Any) -> None:
    target = page.evaluate(OWN_TEXT_ID, "S$37.7 billion")
    seen: list[str] = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        seen.append(focused)
        if focused == target:
            break
    assert seen[-1] == target
    assert page.locator(f"#{target}-tip").is_visible()
    page.screenshot(path=str(OUT / "report-seed-tooltip.png"))


def test_failed_check_stands_out_and_is_explained(page: Any) -> None:
    mark_id = page.evaluate(OWN_TEXT_ID, "0.03 percent")
    mark = page.locator(f"#{mark_id}")
    assert "fail" in (mark.get_attribute("class") or "").split()
    colour = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(179, 38, 30)"
    explained = page.locator(".ci.failed .check.bad").first.inner_text()
    assert "Check failed" in explained and "2.76" in explained
    mark.hover()
    assert "Check failed" in page.locator(f"#{mark_id}-tip").inner_text()


def test_filter_by_type_hides_claims(page: Any, seed_report: tuple[ArticleResult, Path]) -> None:
    result, _ = seed_report
    quotes = sum(1 for c in result.claims if c.type == "quote")
    assert quotes >= 2
    items = page.locator('.ci[data-type="quote"]')
    assert items.count() == quotes and items.first.is_visible()
    highlight = page.locator('.text .cl[data-type="quote"]').first
    assert highlight.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.get_by_label(f"quote ({quotes})").uncheck()
    assert not items.first.is_visible()
    assert highlight.evaluate("el => getComputedStyle(el).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert page.locator('.ci:not([data-type="quote"])').first.is_visible()
    total = len(result.claims)
    status = f"Showing {total - quotes} of {total} claims."
    assert page.locator(".status").first.inner_text() == status


def test_keyboard_moves_between_claims_and_into_the_text(page: Any) -> None:
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first == "#a1-c0"
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#a1-c1"
    page.keyboard.press("k")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "a1-c0"
    assert page.evaluate("document.activeElement.closest('.text') !== null")


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_layout_fits_and_screenshot(page: Any, name: str, viewport: dict[str, int]) -> None:
    page.set_viewport_size(viewport)
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
    page.screenshot(path=str(OUT / f"report-seed-{name}.png"), full_page=True)
    claims_left = page.locator(".claims").bounding_box()["x"]
    text_left = page.locator(".text").bounding_box()["x"]
    # Claims sit beside the text on a laptop screen and below it on a phone.
    assert (claims_left > text_left) == (name == "desktop")
