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


def test_an_own_line_date_dates_the_story(claims_nlp: Language) -> None:
    text = (
        "Ferry service resumes\n\nFriday, July 21, 2017\n\n"
        "The ferry resumed service on Tuesday after repairs, the operator said.\n"
    )
    article = Article(id="f", text=text, title="Ferry service resumes", origin="t")
    (result,) = Runner(Settings(), claims_nlp).run_batch([article])
    assert isinstance(result, ArticleResult)
    assert result.annotations.article.published == "2017-07-21"
    assert result.annotations.article.published_from == "dateline"
    values = {d.text: d.value for d in result.annotations.dates}
    assert values["Tuesday"] == "2017-07-18"
