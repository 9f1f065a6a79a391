"""The review page's view of a claim's standalone text: edits marked, reasons on hover."""

from __future__ import annotations

from pipeline.contract import Claim, Edit, Standalone
from pipeline.review.marks import render_marked
from pipeline.review.report import _claim_item
from pipeline.review.view import standalone_marks

TEXT = "She said exports fell 3 pct last month."
EDITS = (
    Edit(0, 3, "She", "Ines Duarte", "pronoun", 0.9, "Ines Duarte"),
    Edit(28, 38, "last month", "in May 2022", "relative_date", 1.0),
)
ALONE = "Ines Duarte said exports fell 3 pct in May 2022."
CLAIM = Claim("c1", "a1", TEXT, 50, 50 + len(TEXT), "change",
              standalone=Standalone(ALONE, EDITS))


def test_each_edit_is_marked_where_its_replacement_stands() -> None:
    text, marks = standalone_marks(CLAIM, "x")
    assert text == ALONE
    assert [text[m.start : m.end] for m in marks] == ["Ines Duarte", "in May 2022"]
    assert marks[0].tip == "pronoun resolved; the article has “She” (confidence 0.90)"
    assert marks[1].tip is not None and "relative date written out" in marks[1].tip


def test_the_claim_list_shows_the_standalone_text_under_the_claim() -> None:
    html = _claim_item(CLAIM, "a1-c1")
    assert 'class="ci-alone"' in html
    assert html.index('class="ci-text"') < html.index('class="ci-alone"')
    assert 'role="tooltip"' in render_marked(*standalone_marks(CLAIM, "x"))
    assert "the article has “She”" in html


def test_a_claim_without_edits_shows_no_standalone_line() -> None:
    plain = Claim("c2", "a1", "Exports fell.", 0, 13, "change",
                  standalone=Standalone("Exports fell."))
    assert standalone_marks(plain, "x") == ("", [])
    assert "ci-alone" not in _claim_item(plain, "a1-c2")
