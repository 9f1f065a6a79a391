"""The runner: per-article context, blanked runs kept out of sentences, publication dates."""

from __future__ import annotations

from spacy.language import Language

from pipeline.contract import Article, ArticleResult
from pipeline.run.runner import Runner, Settings


def test_a_blanked_run_stays_out_of_claim_texts(claims_nlp: Language) -> None:
    text = (
        "Exports rose 4 percent in March, the ministry said. "
        + "'" * 80
        + " Imports fell 2 percent in April, it said."
    )
    article = Article(id="r", text=text, published="2016-05-02", origin="t")
    (result,) = Runner(Settings(), claims_nlp).run_batch([article])
    assert isinstance(result, ArticleResult)
    texts = [claim.text for claim in result.claims]
    assert "Exports rose 4 percent in March, the ministry said." in texts
    assert all("'" not in t for t in texts)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
