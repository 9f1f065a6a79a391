"""A fact-checker's reading of wire figures in Reuters-21578 (reut2-000), kept as a table.

Each row: the story, the figure as printed, what the pipeline must make of it, and why, in our
own words. The stories come from ../shared (skipped where it is absent); only ids and the
figures' few words are written here.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.contract import Article, ArticleResult
from pipeline.read import read_inputs
from pipeline.run.runner import Settings, process_articles
from tests.conftest import shared_path

# (story, figure as printed, value, currency or unit, verdict, why)
READING = [
    ("reuters-4", "11-1/2", 11.5, "", "right", "a mixed number is one price, not 11 and 2"),
    ("reuters-45", "11-5/8", 11.625, "", "right", "a gain in eighths, one value"),
    ("reuters-9", "five mln", 5e6, "share", "right", "a spelled number takes the scale after it"),
    ("reuters-79", "446 mln Canadian dlrs", 4.46e8, "CAD", "right",
     "the country qualifies the dollar"),
    ("reuters-48", "7.15 billion N.Z. Dlrs", 7.15e9, "NZD", "right", "N.Z. dollars, not a unit"),
    ("reuters-48", "7.20\nbillion dlrs", 7.2e9, "NZD", "right",
     "a bare dlrs in a story of N.Z. dollars is the same dollar"),
    ("reuters-960", "62 dlrs", 62.0, "HKD", "right", "a Hong Kong share price in H.K. dollars"),
    ("reuters-302", "424 crowns", 424.0, "SEK", "right", "a Swedish share price"),
    ("reuters-364", "433 mln francs", 4.33e8, "CHF", "right",
     "Swiss government finances: the story names Swiss francs"),
    ("reuters-931", "600 mln franc", 6e8, "FRF", "right",
     "a French franc eurobond listed in Luxembourg: the listing names no currency"),
    ("reuters-897", "7.6 billion crowns", 7.6e9, "SEK", "right", "Sweden's current account"),
    ("reuters-6", "20.0", 20.0, "", "right", "a figure in a column under May, not May 20"),
    ("reuters-658", "4,472,0000 dlrs", 4.472e7, "USD", "right",
     "a sales figure with a digit too many: dollars still, its digits as printed, marked"),
    ("reuters-652", "43,.590 dlrs", 43.59, "USD", "right",
     "a car price with a stray comma: dollars still, the point read as printed, marked"),
    ("reuters-13", "Six mths", 6.0, "month", "right", "the wire's months are months"),
    ("reuters-749", "three of four", 0.75, "count", "right",
     "convicted on most of the counts: a share of them, not four counts"),
    ("reuters-974", "six of 10", 0.6, "indicator", "right", "a share of the indicators"),
    ("reuters-305", "one bond for every 10", 0.1, "bond", "right",
     "subscription terms are one figure: bonds per share held"),
    ("reuters-358", "nine to one", 9.0, "", "right", "a ratio of buyers, not a range from 9 to 1"),
    ("reuters-144", "six", 6.0, "week", "right", "the first end of a range takes its unit"),
    ("reuters-868", "seven billion", 7e9, "", "partly",
     "a spelled amount with no noun is kept; the dollars said before it are not carried over"),
    # A count's noun is in its own sentence (they took the next sentence's first noun).
    ("reuters-313", "2.75 mln", 2.75e6, "", "partly",
     "the old tonnage, its tonnes left unsaid (was `import`, the next sentence's word)"),
    ("reuters-714", "7/8", 0.875, "", "right",
     "a share price gain in eighths (was `analyst`, from the next sentence)"),
    ("reuters-941", "241", 241.0, "", "right", "a closing price in pence, not 241 Woolworths"),
]
MISPRINTED = frozenset({("reuters-658", "4,472,0000 dlrs"), ("reuters-652", "43,.590 dlrs")})


@pytest.fixture(scope="module")
def read_stories(claims_nlp: Language) -> dict[str, ArticleResult]:
    source = shared_path("data", "reuters21578", "reut2-000.sgm")
    wanted = {row[0] for row in READING}
    items = [a for a in read_inputs([str(source)]) if isinstance(a, Article) and a.id in wanted]
    done = process_articles(items, Settings(batch_size=4), claims_nlp)
    return {o.article.id: o for o in done if isinstance(o, ArticleResult)}


@pytest.mark.parametrize(("story", "figure", "value", "unit", "verdict", "why"), READING)
def test_reading(read_stories: dict[str, ArticleResult], story: str, figure: str, value: float,
                 unit: str, verdict: str, why: str) -> None:
    found = [q for q in read_stories[story].annotations.quantities if q.text == figure]
    assert found, f"{figure!r} not found in {story}"
    assert (found[0].value, found[0].currency or found[0].unit) == (pytest.approx(value), unit)
    assert found[0].misprinted == ((story, figure) in MISPRINTED), why


def test_table_rows_give_no_dates(read_stories: dict[str, ArticleResult]) -> None:
    # reuters-6 lists registrations by month ("May 20.0"): none of them is a day.
    assert not [d for d in read_stories["reuters-6"].annotations.dates
                if d.text.startswith(("May 2", "March 1"))]
