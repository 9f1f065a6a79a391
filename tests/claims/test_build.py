"""The claims stage: which sentences become claims, their types, ids and contents."""

from __future__ import annotations

import itertools

import pytest

from pipeline.claims.build import (
    build_claims,
    claim_id_for,
    classify,
    counted_figures,
    reindex_equivalents,
    sentence_spans,
)
from pipeline.contract import (
    Annotations,
    Article,
    Attribution,
    DateMention,
    EntityMention,
    QuantityMention,
    TextSpan,
)


def span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def money(text: str, fragment: str, value: float) -> QuantityMention:
    return QuantityMention(*span(text, fragment), fragment, "money", value, "dollar", "USD")


def percent(text: str, fragment: str, value: float) -> QuantityMention:
    return QuantityMention(*span(text, fragment), fragment, "percent", value, "percent")


@pytest.mark.parametrize(
    ("text", "quantities", "has_date", "attributed", "has_entity", "expected"),
    [
        ("Exports rose 5 percent last year.", ["5 percent"], True, False, False, "change"),
        (
            "Exports stood at $16.2 billion in 2016.",
            ["$16.2 billion"],
            True,
            False,
            True,
            "statistic",
        ),
        (
            "It was the largest deficit on record at $27.7 billion.",
            ["$27.7 billion"],
            False,
            False,
            False,
            "comparison",
        ),
        ("Seoul will not discuss renegotiation.", [], False, True, True, "prediction"),
        ("The report said the deal hurt exports.", [], False, True, False, "attributed_statement"),
        ("Lighthizer met Kim on August 22.", [], True, False, True, "dated_event"),
        ("But the USA sees it as one of the main reasons.", [], False, False, True, "assertion"),
        ("It rained.", [], True, False, False, "assertion"),
    ],
)
def test_classify(
    text: str,
    quantities: list[str],
    has_date: bool,
    attributed: bool,
    has_entity: bool,
    expected: str | None,
) -> None:
    mentions = [
        QuantityMention(
            *span(text, q),
            q,
            "percent" if "percent" in q else "money",
            1.0,
            "x",
            None if "percent" in q else "USD",
        )
        for q in quantities
    ]
    dates = [DateMention(0, 2, "xx", "2016")] if has_date else []
    attribution = Attribution(content=TextSpan(0, 5, text[:5])) if attributed else None
    assert classify(text, mentions, dates, attribution, has_entity, False) == expected


STORY = (
    '"It is a win-win," said Kim. Exports fell 10 percent from $50 billion to $45 billion, '
    "the report said. Nothing here to check."
)


def story_annotations() -> Annotations:
    article = Article(id="story", text=STORY, published="2017-08-23")
    quote = Attribution(
        content=TextSpan(*span(STORY, '"It is a win-win,"'), '"It is a win-win,"'),
        source=TextSpan(*span(STORY, "Kim"), "Kim"),
        cue=TextSpan(*span(STORY, "said"), "said"),
        direct=True,
        speaker="Kim Hyun-chong",
    )
    content = "Exports fell 10 percent from $50 billion to $45 billion"
    reported = Attribution(
        content=TextSpan(*span(STORY, content), content),
        source=TextSpan(*span(STORY, "the report"), "the report"),
        cue=TextSpan(*span(STORY, "said."), "said"),
    )
    cuts = [0, STORY.index("Exports"), STORY.index("Nothing"), len(STORY)]
    sentences = sentence_spans(STORY, list(itertools.pairwise(cuts)), [(0, len(STORY))])
    return Annotations(
        article=article,
        entities=(EntityMention(*span(STORY, "Kim"), "Kim", "PERSON", "Kim Hyun-chong"),),
        quantities=(
            percent(STORY, "10 percent", 10),
            money(STORY, "$50 billion", 50e9),
            money(STORY, "$45 billion", 45e9),
        ),
        attributions=(quote, reported),
        sentences=sentences,
    )


def test_build_claims_on_a_small_story() -> None:
    claims = build_claims(story_annotations())
    assert [(c.type, c.text) for c in claims] == [
        ("quote", '"It is a win-win," said Kim.'),
        ("change", "Exports fell 10 percent from $50 billion to $45 billion, the report said."),
        ("assertion", "Nothing here to check."),
    ]
    quote, change, _ = claims
    assert quote.attribution is not None and quote.attribution.speaker == "Kim Hyun-chong"
    assert change.attribution is not None and change.attribution.source is not None
    assert change.attribution.source.text == "the report"
    assert [q.text for q in change.quantities] == ["10 percent", "$50 billion", "$45 billion"]
    assert change.published == "2017-08-23"
    for claim in claims:
        assert STORY[claim.start : claim.end] == claim.text
        assert claim.claim_id == claim_id_for("story", claim.start, claim.end, claim.text)


def test_claim_ids_are_stable_and_distinct() -> None:
    first = [c.claim_id for c in build_claims(story_annotations())]
    again = [c.claim_id for c in build_claims(story_annotations())]
    assert first == again and len(set(first)) == len(first)
    assert claim_id_for("a", 0, 5, "Hello") != claim_id_for("b", 0, 5, "Hello")


def test_sentences_are_cut_to_body_regions() -> None:
    text = "Headline\n\nBody one. Body two.\n  • Adam Floyd"
    body = [(text.index("Body one"), text.index("two.") + 4)]
    spans = sentence_spans(text, [(0, 19), (19, len(text))], body)
    assert [s.text for s in spans] == ["Body one.", "Body two."]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a quote's closing mark that spaCy put at the next sentence's start goes back
        ('He said "we won.|"\n    The rest followed.', ['He said "we won."', "The rest followed."]),
        ('"Fine.|" The vote held.', ['"Fine."', "The vote held."]),
        # a lone mark is no sentence
        ('Yes.|\n"', ["Yes."]),
        # an indented new line opens a paragraph or a table row: no sentence runs over it
        ("Sales 5 mln vs 4 mln\n    Costs 9 mln vs 8 mln",
         ["Sales 5 mln vs 4 mln", "Costs 9 mln vs 8 mln"]),
        ("One line\nwrapped here.", ["One line\nwrapped here."]),
        ("First para.\n\nSecond para.", ["First para.", "Second para."]),
    ],
)
def test_sentences_end_at_paragraphs_and_keep_their_closing_marks(
    marked: str, expected: list[str]
) -> None:
    """``|`` marks where spaCy ended a sentence."""
    text = marked.replace("|", "")
    cuts = [0] + [i - n for n, i in enumerate(j for j, ch in enumerate(marked) if ch == "|")]
    bounds = list(itertools.pairwise([*cuts, len(text)]))
    assert [s.text for s in sentence_spans(text, bounds, [(0, len(text))])] == expected


def test_a_quote_over_several_sentences_is_one_claim_and_covers_them() -> None:
    text = '"We lost. We will win next time," she said.'
    quote = Attribution(
        content=TextSpan(*span(text, '"We lost. We will win next time,"'),
                         '"We lost. We will win next time,"'),
        direct=True,
    )
    annotations = Annotations(
        article=Article(id="q", text=text),
        attributions=(quote,),
        sentences=sentence_spans(text, [(0, 9), (10, len(text))], [(0, len(text))]),
    )
    claims = build_claims(annotations)
    assert [(c.type, c.text) for c in claims] == [("quote", '"We lost. We will win next time,"')]


@pytest.mark.parametrize(
    ("text", "fragment", "unit", "expected"),
    [
        ("Experts from the two nations met.", "two", "nation", "assertion"),
        ("More than 300 people attended the rally in Seoul.", "300", "people", "comparison"),
        ("The field yields 40,000 barrels a day.", "40,000 barrels", "barrel", "statistic"),
    ],
)
def test_counts_in_words_are_not_statistics(
    text: str, fragment: str, unit: str, expected: str | None
) -> None:
    quantity = QuantityMention(*span(text, fragment), fragment, "other", 1.0, unit)
    assert classify(text, [quantity], [], None, False, False) == expected


def test_equivalents_follow_their_quantities_when_some_are_dropped() -> None:
    usd = QuantityMention(10, 25, "US$27.7 billion", "money", 27.7e9, "USD", "USD")
    sgd = QuantityMention(27, 41, "S$37.7 billion", "money", 37.7e9, "SGD", "SGD", equivalent_of=1)
    earlier = QuantityMention(0, 3, "two", "other", 2.0, "nation")
    orphan = QuantityMention(50, 60, "A$5 billion", "money", 5e9, "AUD", "AUD", equivalent_of=0)
    kept = reindex_equivalents((earlier, usd, sgd, orphan), lambda start, end: start >= 10)
    assert [q.text for q in kept] == ["US$27.7 billion", "S$37.7 billion", "A$5 billion"]
    assert [q.equivalent_of for q in kept] == [None, 0, None]


def test_a_range_ending_in_a_duration_is_no_figure() -> None:
    text = "Rents climbed over the past two to three years."
    first = QuantityMention(*span(text, "two"), "two", "other", 2.0, "year", range_id=0)
    second = QuantityMention(*span(text, "three years"), "three years", "other", 3.0, "year",
                             range_id=0)
    duration = DateMention(*span(text, "three years"), "three years", "P3Y", "DURATION")
    assert counted_figures([first, second], [duration]) == []
    assert counted_figures([first, second], []) == [first, second]
