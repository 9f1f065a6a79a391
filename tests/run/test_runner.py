"""The runner: --max-chars reaching spaCy, context, blanked runs, dates, texts as read."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from pipeline.contract import Article, ArticleResult, TextSpan
from pipeline.run.runner import GROUP_CHARS, Runner, Settings, process_articles
from pipeline.spans import as_read


@pytest.mark.parametrize("max_chars", [1_000_001, 2_500_000])
def test_max_chars_over_a_million_reaches_spacy(
    claims_nlp: Language, monkeypatch: pytest.MonkeyPatch, max_chars: int
) -> None:
    monkeypatch.setattr(claims_nlp, "max_length", claims_nlp.max_length)  # restored afterwards
    runner = Runner(Settings(max_chars=max_chars), claims_nlp)
    text = ("Rates rose. " * (max_chars // 12 + 1))[:max_chars]
    doc = runner.nlp.make_doc(text)  # spaCy's E088 before the limit followed --max-chars
    assert len(doc.text) == max_chars


def test_the_default_limit_is_not_lowered(
    claims_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claims_nlp, "max_length", 3_000_000)
    assert Runner(Settings(max_chars=10), claims_nlp).nlp.max_length == 3_000_000


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

# Hard-wrapped wire copy of our own: the lines break inside figures, dates and quotes.
WRAPPED = (
    "STEEL MAKER POSTS LOSS\n\n"
    "The steel maker said its loss for the first\n"
    "quarter widened to 14.2 mln\n"
    "dlrs against 9.8 mln dlrs twelve months back, blaming imports\n"
    "abroad and a strike at its main mill in the spring.\n"
    '    "We expect the second half to be better," the chairman\n'
    "told shareholders at the annual meeting on Tuesday.\n"
    "    The company also said it would close two plants by the\n"
    "end of the year and cut about 1,200 jobs in its Ohio works.\n"
)


def test_every_span_text_is_the_article_between_its_offsets(claims_nlp: Language) -> None:
    article = Article(id="w1", text=WRAPPED, published="1987-03-02", origin="test:1")
    (outcome,) = process_articles([article], Settings(batch_size=1), claims_nlp)
    assert isinstance(outcome, ArticleResult)
    notes = outcome.annotations
    spans: list[TextSpan] = [
        TextSpan(m.start, m.end, m.text)
        for m in (*notes.entities, *notes.quantities, *notes.dates, *outcome.claims)
    ]
    for a in notes.attributions:
        spans += [s for s in (a.content, a.source, a.cue) if s is not None]
    assert any("\n" in s.text for s in spans)  # the wrapped lines do reach the output
    assert all(WRAPPED[s.start:s.end] == s.text for s in spans)


def test_as_read_recuts_nested_spans() -> None:
    text = "one\ntwo three"
    record = TextSpan(0, 7, "one two")
    assert as_read(record, text) == TextSpan(0, 7, "one\ntwo")
    assert as_read("plain", text) == "plain"


def test_whole_articles_are_parsed_in_small_groups_with_the_same_result(
    claims_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base model holds a group's activations at once: a batch is parsed a few articles at
    a time (GROUP_CHARS), and each article comes out as it does parsed alone."""
    paragraph = (
        "The harbour board said on Monday that freight volumes rose 4.5 percent to 2.1 million "
        "tonnes in 2016, while fees brought in $12 million, up from $9 million a year earlier.\n\n"
    )
    articles = [
        Article(id=f"port-{n}", text=f"Harbour report {n}\n\n" + paragraph * 40,
                published="2017-03-01")
        for n in range(6)
    ]
    groups: list[int] = []
    pipe = claims_nlp.pipe

    def recording_pipe(docs: list[Any], **kwargs: Any) -> Any:
        groups.append(sum(len(doc.text) for doc in docs))
        return pipe(docs, **kwargs)

    monkeypatch.setattr(claims_nlp, "pipe", recording_pipe)
    together = Runner(Settings(), claims_nlp).run_batch(articles)
    assert len(groups) > 1 and max(groups) <= GROUP_CHARS
    alone = [Runner(Settings(), claims_nlp).run_batch([article])[0] for article in articles]
    assert together == alone
