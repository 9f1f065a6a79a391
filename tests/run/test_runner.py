"""The runner: what it writes out is the article as read, whatever the stages parsed."""

from __future__ import annotations

from spacy.language import Language

from pipeline.contract import Article, ArticleResult, TextSpan
from pipeline.run.runner import Settings, process_articles
from pipeline.spans import as_read

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
