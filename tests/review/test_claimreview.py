"""ClaimReview skeletons: the right author, date and appearance, valid for schema.org's fields."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from pipeline.contract import Article, ArticleResult, Attribution, Claim, EntityMention, TextSpan
from pipeline.review.claimreview import (
    claim_author,
    claimreview,
    claimreviews,
    load_schema,
    validate,
)
from tests.review.report_fixture import hand_seed_result

URL = "https://example.com/news/korea-trade"


@pytest.fixture(scope="module")
def seed() -> ArticleResult:
    return hand_seed_result(url=URL)


def by_id(result: ArticleResult, claim_id: str) -> Claim:
    return next(c for c in result.claims if c.claim_id == claim_id)


def test_every_seed_claim_validates(seed: ArticleResult) -> None:
    documents = list(claimreviews(seed))
    assert len(documents) == len(seed.claims) == 6
    for document in documents:
        assert validate(document) == []


def test_skeleton_of_a_quote(seed: ArticleResult) -> None:
    document = claimreview(by_id(seed, "c-win"), seed.article)
    quote = "I think it's better that we maintain the agreement because it's a win-win"
    assert document == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": quote,
        "itemReviewed": {
            "@type": "Claim",
            "text": quote,
            "identifier": "c-win",
            "description": "quote: a direct quotation and the sentence around it, attributed "
            "to its speaker",
            "author": {"@type": "Person", "name": "Kim Hyun-chong"},
            "datePublished": "2017-08-23",
            "appearance": {"@type": "CreativeWork", "url": URL,
                           "identifier": "000_e8c7711d66f6db41", "datePublished": "2017-08-23",
                           "publisher": {"@type": "Organization", "name": "Efe via syndication"}},
        },
    }


@pytest.mark.parametrize(("claim_id", "author"), [
    ("c-win", {"@type": "Person", "name": "Kim Hyun-chong"}),  # the resolved speaker
    ("c-seoul", {"@type": "Organization", "name": "Seoul"}),  # a capital speaks for a government
    ("c-cars", {"@type": "Person", "name": "a trade ministry official"}),  # unnamed, but a person
    ("c-deficit", {"@type": "Organization", "name": "Efe via syndication"}),  # the outlet's voice
    ("c-fell", None),  # "the report said": attributed, to no one to name
    ("c-needs", None),  # "he said", unresolved: never guess
])
def test_author_is_the_speaker_or_source(seed: ArticleResult, claim_id: str,
                                         author: dict[str, Any] | None) -> None:
    assert claim_author(by_id(seed, claim_id), seed.article) == author


@pytest.mark.parametrize(("text", "source", "entities", "author"), [
    ("The Bank of Korea said exports rose 5 percent.", "The Bank of Korea",
     [("Bank of Korea", "ORG", "Bank of Korea")],
     {"@type": "Organization", "name": "Bank of Korea"}),
    ("South Korea's top trade negotiator said exports rose.", "South Korea's top trade negotiator",
     [("South Korea", "GPE", "South Korea")],
     {"@type": "Person", "name": "South Korea's top trade negotiator"}),
    ("United States figures indicate the deficit was $27.7 billion.", "United States figures",
     [("United States", "GPE", "United States")],
     {"@type": "Organization", "name": "United States"}),
    ("Efe news reports the talks were requested.", "Efe news", [("Efe", "ORG", "EFE")],
     {"@type": "Organization", "name": "EFE"}),
    ("A study said exports rose.", "A study", [], None),
    ("Analysts said exports rose.", "Analysts", [], {"@type": "Person", "name": "Analysts"}),
    ("The ministry said exports rose.", "The ministry", [],
     {"@type": "Organization", "name": "The ministry"}),
])
def test_unresolved_source_becomes_a_named_author(
        text: str, source: str, entities: list[tuple[str, str, str]],
        author: dict[str, Any] | None) -> None:
    found = [EntityMention(text.index(t), text.index(t) + len(t), t, label, canonical)
             for t, label, canonical in entities]
    start = text.index(source)
    attribution = Attribution(content=TextSpan(0, len(text), text),
                              source=TextSpan(start, start + len(source), source))
    claim = Claim("c", "a", text, 0, len(text), "statistic", entities=tuple(found),
                  attribution=attribution)
    assert claim_author(claim, Article("a", text, source="Wire")) == author


def test_real_seed_exports_validate(seed_result: ArticleResult) -> None:
    documents = list(claimreviews(seed_result))
    assert len(documents) == len(seed_result.claims) > 0
    assert all(validate(document) == [] for document in documents)
    # claimReviewed is the standalone text: the quote's `he said` with the speaker written in.
    quote = next(d for d in documents if d["itemReviewed"]["text"].startswith('"The U.S. needs'))
    assert quote["claimReviewed"].endswith('to address North Korea", Kim Hyun-chong said.')
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Kim Hyun-chong"}
    dated = next(d for d in documents if "previous year" in d["itemReviewed"]["text"])
    assert dated["claimReviewed"].endswith("(S$37.7 billion) in 2016.")


def test_without_url_the_article_is_still_identified(seed: ArticleResult) -> None:
    article = dataclasses.replace(seed.article, url=None, title="South Korea rejects demand")
    document = claimreview(by_id(seed, "c-fell"), article)
    assert document["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork", "headline": "South Korea rejects demand",
        "identifier": "000_e8c7711d66f6db41", "datePublished": "2017-08-23",
        "publisher": {"@type": "Organization", "name": "Efe via syndication"}}
    assert validate(document) == []


def test_non_web_urls_are_left_out(seed: ArticleResult) -> None:
    article = dataclasses.replace(seed.article, url="javascript:alert(1)")
    document = claimreview(by_id(seed, "c-fell"), article)
    assert "url" not in document["itemReviewed"]["appearance"]
    assert validate(document) == []


def test_a_completed_review_still_validates(seed: ArticleResult) -> None:
    document = claimreview(by_id(seed, "c-fell"), seed.article)
    document.update({
        "author": {"@type": "Organization", "name": "Example Fact Check",
                   "url": "https://factcheck.example.org"},
        "datePublished": "2017-09-01", "url": "https://factcheck.example.org/korus-exports",
        "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                         "alternateName": "Misleading",
                         "ratingExplanation": "The figures give a 2.76 percent fall."}})
    assert validate(document) == []


@pytest.mark.parametrize(("change", "problem"), [
    ({"@type": "Review"}, "@type"),
    ({"claimReviewed": ""}, "claimReviewed"),
    ({"itemReviewed": {"@type": "Thing"}}, "itemReviewed/@type"),
    ({"rating": "False"}, "(root)"),  # not a schema.org property of ClaimReview
    ({"reviewRating": {"@type": "Rating", "score": 1}}, "reviewRating"),
    ({"datePublished": "Sept 1"}, "datePublished"),
    ({"url": "factcheck.example.org/x"}, "url"),
    ({"author": {"@type": "Person"}}, "author"),
])
def test_invalid_documents_are_reported(seed: ArticleResult, change: dict[str, Any],
                                        problem: str) -> None:
    document = claimreview(by_id(seed, "c-fell"), seed.article) | change
    errors = validate(document)
    assert errors and errors[0].startswith(problem)


def test_schema_lists_only_schema_org_properties() -> None:
    schema = load_schema()
    assert set(schema["properties"]) >= {"claimReviewed", "itemReviewed", "reviewRating"}
    assert set(schema["$defs"]["Claim"]["properties"]) >= {"appearance", "author",
                                                           "datePublished", "firstAppearance"}
    assert schema["additionalProperties"] is False
