"""Failed checks on Reuters-21578 reut2-000, read by hand: a red flag must be a real disagreement.

Every failed check `claims extract` gives on ``reut2-000.sgm`` is in ``VERDICTS`` with a verdict
from reading the article; ``make checks`` joins a fresh run with this table for precision.
``CLEAN`` holds articles that used to raise false alarms and must stay quiet.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from pipeline.contract import Article, ArticleResult
from pipeline.read.reader import read_inputs
from pipeline.run.runner import Settings, process_articles
from tests.conftest import shared_path

REUTERS = ("data", "reuters21578", "reut2-000.sgm")

# (article id, stated figure, verdict, why)
VERDICTS: tuple[tuple[str, float, str, str], ...] = (
    ("reuters-617", 15.5, "real",
     "orders 87.4 to 101.1 mln is 15.55-15.80 pct however rounded; the stated 15.5 is below"),
    ("reuters-617", 16.0, "real",
     "half-year sales 150.3 to 174.6 mln give 16.1-16.2 pct; the sister story says 16, this 16.0"),
    ("reuters-670", -2.3, "real",
     "a fall of 2.3 pct to 29.4 mln needs about 30.1 mln a year before; 300.1 is a typo"),
    ("reuters-802", 3.8, "real",
     "107.01 to 110.14 billion is a 2.9 pct rise; 3.8 pct would need about 111.1 billion"),
)

# Articles whose checks were all false alarms before binding by syntax (id, what misled it).
CLEAN: tuple[tuple[str, str], ...] = (
    ("reuters-327", "'the first half' taken as a figure, percents paired across clauses"),
    ("reuters-772", "a percent of one clause checked with figures of the next"),
    ("reuters-317", "a percent fall in sales checked as a share of a count of firms"),
    ("reuters-311", "a share of exports checked against a count of sacked workers"),
    ("reuters-235", "the export figures of a with-clause taken for the production change"),
    ("reuters-726", "a percent checked against the to-value of another period"),
)


def reuters_articles(ids: set[str]) -> Iterator[Article]:
    """The named articles of reut2-000 as the pipeline reads them."""
    path = shared_path(*REUTERS)
    for item in read_inputs([str(path)]):
        if isinstance(item, Article) and item.id in ids:
            yield item


@pytest.fixture(scope="module")
def verdict_results(claims_nlp: Language) -> dict[str, ArticleResult]:
    ids = {row[0] for row in VERDICTS} | {row[0] for row in CLEAN}
    results = process_articles(list(reuters_articles(ids)), Settings(), claims_nlp)
    return {r.article.id: r for r in results if isinstance(r, ArticleResult)}


def failed(result: ArticleResult) -> set[tuple[str, float]]:
    return {(result.article.id, round(check.stated, 4)) for claim in result.claims
            for check in claim.checks if check.consistent is False and check.stated is not None}


def test_failed_checks_are_the_ones_read(verdict_results: dict[str, ArticleResult]) -> None:
    found = set().union(*(failed(r) for r in verdict_results.values()))
    assert found == {(row[0], row[1]) for row in VERDICTS}


def test_articles_that_misled_the_checks_stay_quiet(
    verdict_results: dict[str, ArticleResult],
) -> None:
    for article_id, why in CLEAN:
        assert not failed(verdict_results[article_id]), why


def test_verdicts_meet_the_precision_target() -> None:
    real = sum(1 for row in VERDICTS if row[2] == "real")
    assert all(row[2] in ("real", "false") and row[3] for row in VERDICTS)
    assert real / len(VERDICTS) >= 0.9
