"""Fixtures of the claims tests: one article of our own run through the whole pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from pipeline.contract import Article, ArticleResult
from pipeline.run.runner import Settings, process_articles


@pytest.fixture(scope="module")
def run_article(claims_nlp: Language) -> Callable[[str, str], ArticleResult]:
    """Run one text, published on the given day, through the pipeline."""

    def go(text: str, published: str) -> ArticleResult:
        (result,) = process_articles(
            [Article(id="t", text=text, published=published)], Settings(), claims_nlp
        )
        assert isinstance(result, ArticleResult)
        return result

    return go
