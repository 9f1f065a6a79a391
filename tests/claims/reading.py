"""Reading tables on Reuters-21578: the stories a table names, run once, and one row's check."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from pipeline.contract import ArticleResult
from pipeline.run.runner import Settings, process_articles

# (story, verdict, why in the reader's words, words a standalone text holds, words none holds)
Row = tuple[str, str, str, str | None, str | None]


def read_stories(claims_nlp: Language, table: Sequence[Row]) -> dict[str, ArticleResult]:
    """The results of the reut2-000 stories a reading table names (skips when data is absent)."""
    from pipeline.read.reader import read_inputs
    from tests.conftest import shared_path

    path = shared_path("data", "reuters21578", "reut2-000.sgm")
    wanted = {row[0] for row in table}
    items = [i for i in read_inputs([str(path)]) if getattr(i, "id", None) in wanted]
    results = process_articles(items, Settings(), claims_nlp)
    return {r.article.id: r for r in results if isinstance(r, ArticleResult)}


def assert_read(
    results: dict[str, ArticleResult], story: str, why: str, holds: str | None,
    lacks: str | None,
) -> None:
    """One row: some standalone text of the story holds its words, none the words it lacks."""
    texts = [c.standalone.text for c in results[story].claims if c.standalone]
    if holds is not None:
        assert any(holds in t for t in texts), why
    if lacks is not None:
        assert not any(lacks in t for t in texts), why


def assert_standalone(
    result: ArticleResult, fragment: str, holds: Sequence[str], lacks: Sequence[str]
) -> None:
    """The claim holding ``fragment``: its standalone text holds every word group of ``holds``
    and none of ``lacks``."""
    claim = next(c for c in result.claims if fragment in c.text)
    assert claim.standalone is not None
    for words in holds:
        assert words in claim.standalone.text, (words, claim.standalone.text)
    for words in lacks:
        assert words not in claim.standalone.text, (words, claim.standalone.text)
