"""schema.org ClaimReview JSON-LD skeletons: one per claim, for a fact-checker to complete.

The skeleton carries what the pipeline knows: ``claimReviewed`` (the claim's standalone text,
its ``text`` when it has none) and ``itemReviewed``, a ``Claim`` with its ``author`` (the
speaker, the named source, or the publishing outlet when the article states it in its own
voice), ``datePublished`` (the article's publication date: when the claim was made),
``appearance`` (the article as a ``CreativeWork``, with its URL when known) and the claim's
stable id as ``identifier``.
The fact-checker adds ``reviewRating`` (a ``Rating`` with ``alternateName`` such as
"False"), the review's own ``author``, ``url`` and ``datePublished``; the skeleton leaves
them out rather than filling in placeholders a publisher could ship by mistake.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from pipeline.contract import Article, ArticleResult, Claim, EntityMention
from pipeline.review.view import type_description

SCHEMA_FILE = "claimreview.schema.json"
ORGANIZATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
DOCUMENTS = (r"(?:report|statement|study|survey|data|figures|statistics|document|filing|release|"
             r"letter|poll|analysis|paper|estimates?|news)")
# A source that names nobody: a pronoun or a bare document is not an author.
NOT_AN_AGENT = re.compile(rf"^(?:he|she|they|it|we|i|you|this|that|(?:the|a|an) {DOCUMENTS})$",
                          re.IGNORECASE)
# "United States figures", "Efe news": the document's owner is the author.
OWNED_DOCUMENT = re.compile(rf"\b{DOCUMENTS}$", re.IGNORECASE)
PERSON_NOUNS = re.compile(
    r"\b(?:official|minister|spokes(?:man|woman|person)|president|secretary|chairman|chair|"
    r"director|analyst|economist|negotiator|executive|ceo|lawmaker|senator|governor|mayor|"
    r"ambassador|diplomat|aide|adviser|advisor|officer|source|expert|researcher|professor|"
    r"manager|trader|strategist|representative)s?\b", re.IGNORECASE)


def _web_url(url: str | None) -> str | None:
    if url and re.match(r"^https?://\S+$", url.strip()):
        return url.strip()
    return None


def _agent_type(entity: EntityMention | None) -> str:
    """Organization for organizations and places (a capital speaks for its government)."""
    if entity is not None and entity.label in ORGANIZATION_LABELS:
        return "Organization"
    return "Person"  # a resolved speaker with no entity behind it is most often a person


def _entity_named(claim: Claim, name: str) -> EntityMention | None:
    return next((e for e in claim.entities if e.canonical == name), None)


def _entity_inside(claim: Claim, start: int, end: int, *, at_end: bool) -> EntityMention | None:
    """An entity within the source span; with ``at_end``, only one that is its head."""
    for e in claim.entities:
        if start <= e.start and e.end <= end and (not at_end or e.end == end):
            return e
    return None


def claim_author(claim: Claim, article: Article) -> dict[str, Any] | None:
    """Who made the claim, as a schema.org Person or Organization (None when unknown)."""
    attribution = claim.attribution
    if attribution is not None and attribution.speaker:
        entity = _entity_named(claim, attribution.speaker)
        return {"@type": _agent_type(entity), "name": attribution.speaker}
    if attribution is not None and attribution.source is not None:
        source = attribution.source
        text = " ".join(source.text.split())
        if not text or NOT_AN_AGENT.match(text):
            return None  # attributed, but to no one we can name: do not guess
        entity = _entity_inside(claim, source.start, source.end, at_end=True)
        if entity is not None:  # "the Bank of Korea": the source is the entity
            return {"@type": _agent_type(entity), "name": entity.canonical}
        if PERSON_NOUNS.search(text):  # "South Korea's top trade negotiator": a person
            return {"@type": "Person", "name": text}
        if OWNED_DOCUMENT.search(text):
            owner = _entity_inside(claim, source.start, source.end, at_end=False)
            return {"@type": _agent_type(owner), "name": owner.canonical} if owner else None
        return {"@type": "Organization", "name": text}
    if article.source:
        return {"@type": "Organization", "name": article.source}
    return None


def appearance(article: Article) -> dict[str, Any]:
    """The article the claim appears in, as a CreativeWork (its URL when known)."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = _web_url(article.url)
    if url:
        work["url"] = url
    if article.title and article.title.strip():
        work["headline"] = " ".join(article.title.split())
    work["identifier"] = article.id
    if article.published:
        work["datePublished"] = article.published
    if article.source:
        work["publisher"] = {"@type": "Organization", "name": article.source}
    return work


def claimreview(claim: Claim, article: Article) -> dict[str, Any]:
    """A ClaimReview skeleton for one claim of ``article`` (no rating: the checker adds it)."""
    item: dict[str, Any] = {"@type": "Claim", "text": claim.text, "identifier": claim.claim_id}
    item["description"] = type_description(claim.type)  # the pipeline's claim type, explained
    author = claim_author(claim, article)
    if author is not None:
        item["author"] = author
    published = claim.published or article.published
    if published:
        item["datePublished"] = published
    item["appearance"] = appearance(article)
    reviewed = claim.standalone.text if claim.standalone else claim.text
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        # The claim as it stands alone (`he` named, `Tuesday` dated): what a reader checks.
        "claimReviewed": " ".join(reviewed.split()),
        "itemReviewed": item,
    }


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def claimreview_of_record(record: dict[str, Any]) -> dict[str, Any]:
    """The skeleton of a ``claim/1`` record read back from a claims file.

    The article is known by the claim's ``article_id`` and ``published``; a ``title``,
    ``source`` or ``url`` the record carries beside the contract's fields is kept too.
    """
    claim = Claim.from_dict(record)
    article = Article(
        id=claim.article_id,
        text="",
        title=_text(record.get("title")),
        published=claim.published,
        source=_text(record.get("source")),
        url=_text(record.get("url")),
    )
    return claimreview(claim, article)


def claimreviews(result: ArticleResult) -> Iterator[dict[str, Any]]:
    """The skeletons of every claim of one article, in text order."""
    for claim in sorted(result.claims, key=lambda c: (c.start, c.end, c.claim_id)):
        yield claimreview(claim, result.article)


@cache
def load_schema() -> dict[str, Any]:
    """The JSON Schema of the fields schema.org defines for the skeleton's types."""
    text = files("pipeline").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate(document: dict[str, Any]) -> list[str]:
    """Problems with a ClaimReview document, one line each (empty when it validates)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
    return [f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors]
