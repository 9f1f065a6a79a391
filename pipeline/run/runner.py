"""Compose the stages: read → clean → spaCy stages → claims, one article's failure isolated."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.assets import MODELS_DIR
from pipeline.claims.build import build_claims, reindex_equivalents, sentence_spans
from pipeline.claims.standalone import standalone_claims
from pipeline.clean import CleanText, clean, load_rules
from pipeline.contract import (
    Annotations,
    Article,
    ArticleResult,
    Attribution,
    DateMention,
    EntityMention,
    QuantityMention,
)
from pipeline.errors import ArticleError, ArticleFailed, Messages
from pipeline.nlp.compose import (
    DEFAULT_BLAS,
    DEFAULT_MODEL,
    STAGE_FACTORIES,
    build_nlp,
    doc_context,
)
from pipeline.nlp.windows import WINDOW_CHARS, parse_in_windows, size_groups
from pipeline.rank.ranking import score_claims, with_keys
from pipeline.read.reader import DEFAULT_MAX_CHARS, ReadItem
from pipeline.spans import Intervals, as_read, load

ARTICLE_KEY = "claims:article_id"
# The doc.spans keys the Doc stages write under (their factory names).
ENTITIES_KEY, QUANTITIES_KEY, DATES_KEY, ATTRIBUTION_KEY = (
    "claims_entities",
    "claims_quantities",
    "claims_dates",
    "claims_attribution",
)
DEFAULT_BATCH_SIZE = 32
# Whole articles are parsed together up to this many characters: the base model holds a group's
# intermediate activations at once (about 3 KB a character), and the grouping changes no output.
GROUP_CHARS = 20_000

Outcome = ArticleResult | ArticleError


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that decides the output besides the input itself."""

    model: str = DEFAULT_MODEL
    models_dir: Path = MODELS_DIR
    batch_size: int = DEFAULT_BATCH_SIZE
    blas: str = DEFAULT_BLAS
    max_chars: int = DEFAULT_MAX_CHARS  # longest article accepted (the reader refuses longer)
    window: int = WINDOW_CHARS  # longer articles are parsed in windows of about this size
    gate: bool = True  # False: every candidate claim, ungated (training and evaluation only)


def process_articles(
    items: Iterable[ReadItem], settings: Settings, nlp: Language | None = None
) -> Iterator[Outcome]:
    """Results (or errors) for every read item, in input order."""
    runner = Runner(settings, nlp)
    for batch in batches(items, settings.batch_size):
        yield from runner.run_batch(batch)


def batches(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem]]:
    """Consecutive lists of ``size`` items (the last may be shorter), streamed."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class Runner:
    """Holds the loaded model and rules; processes batches of read items."""

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self.settings = settings
        self.nlp = (
            nlp
            if nlp is not None
            else build_nlp(settings.model, settings.models_dir, blas=settings.blas)
        )
        self.rules = load_rules(settings.models_dir)
        # spaCy refuses texts over nlp.max_length (E088); the reader's --max-chars is the limit.
        self.nlp.max_length = max(self.nlp.max_length, settings.max_chars)

    def run_batch(self, items: Sequence[ReadItem]) -> list[Outcome]:
        """Process a batch; an article that fails becomes an error and the rest go on."""
        outcomes: dict[int, Outcome] = {}
        work: list[tuple[int, Article, CleanText]] = []
        for index, item in enumerate(items):
            if isinstance(item, ArticleError):
                outcomes[index] = item
                continue
            try:
                # spaCy's tokenizer fails on a lone surrogate; fail here, for this article only.
                item.text.encode("utf-8")
                cleaned = clean(item, self.rules)
                work.append((index, with_dateline_date(item, cleaned), cleaned))
            except Exception as error:  # one bad article must not stop the run
                outcomes[index] = _failure(item, error)
        docs = self._parse([(article, cleaned) for _, article, cleaned in work])
        for (index, article, cleaned), doc in zip(work, docs, strict=True):
            if isinstance(doc, ArticleError):
                outcomes[index] = doc
                continue
            try:
                annotations = annotations_from_doc(article, cleaned, doc)
                # Only the claims the gate keeps are written to stand alone; their keys read
                # the names the standalone text resolved.
                claims = score_claims(doc, build_claims(annotations, doc), gate=self.settings.gate)
                claims = with_keys(standalone_claims(annotations, claims, doc))
                outcomes[index] = ArticleResult(annotations, claims)
            except Exception as error:  # one bad article must not stop the run
                outcomes[index] = _failure(article, error)
        return [outcomes[index] for index in range(len(items))]

    def _parse(self, work: Sequence[tuple[Article, CleanText]]) -> list[Doc | ArticleError]:
        """Run spaCy over the batch; on a failure, retry one by one to isolate the culprit."""
        try:
            return list(self._pipe(work))
        except Exception:  # isolate the failing article by parsing one at a time below
            pass
        parsed: list[Doc | ArticleError] = []
        for article, cleaned in work:
            try:
                parsed.extend(self._pipe([(article, cleaned)]))
            except Exception as error:  # one bad article must not stop the run
                parsed.append(_failure(article, error))
        return parsed

    def _pipe(self, work: Sequence[tuple[Article, CleanText]]) -> list[Doc]:
        """Parse the batch in order: articles up to a window together, longer ones in windows."""
        window = self.settings.window
        whole = [(i, len(c.text)) for i, (_, c) in enumerate(work) if len(c.text) <= window]
        parsed: dict[int, Doc] = {}
        # The base model holds a group's activations at once, so groups stay small (GROUP_CHARS).
        for group in size_groups(whole, GROUP_CHARS):
            docs = [self._make_doc(*work[i]) for i in group]
            parsed.update(zip(group, self.nlp.pipe(docs, batch_size=len(docs)), strict=True))
        for i, (article, cleaned) in enumerate(work):
            if i not in parsed:
                context = self._context(article, cleaned)
                parsed[i] = parse_in_windows(self.nlp, context, STAGE_FACTORIES, window)
        return [parsed[i] for i in range(len(work))]

    def _make_doc(self, article: Article, cleaned: CleanText) -> Doc:
        doc = self.nlp.make_doc(cleaned.text)
        doc.user_data.update(self._context(article, cleaned))
        return doc

    def _context(self, article: Article, cleaned: CleanText) -> dict[str, str | None]:
        """What the stages read besides the tokens: the text, the publication date, the id."""
        return {**doc_context(cleaned.text, article.published), ARTICLE_KEY: article.id}


def with_dateline_date(article: Article, cleaned: CleanText) -> Article:
    """Prefer a full date in the dateline over archive metadata and the --published option."""
    if cleaned.dateline_date is None or article.published_from == "record":
        return article
    return replace(article, published=cleaned.dateline_date, published_from="dateline")


def _failure(article: Article, error: Exception) -> ArticleError:
    """An error record naming the article and what went wrong."""
    reason = (
        error.reason if isinstance(error, ArticleFailed) else f"{type(error).__name__}: {error}"
    )
    return ArticleError(article.origin, Messages.PROCESSING.format(reason=reason), article.id)


def annotations_from_doc(article: Article, cleaned: CleanText, doc: Doc) -> Annotations:
    """Collect what the Doc stages wrote, limited to the story's body text."""
    body = cleaned.body_regions()
    # Indexed: a long article has hundreds of body regions and thousands of mentions.
    regions = Intervals([(region.start, region.end) for region in body])

    def in_body(start: int, end: int) -> bool:
        return regions.holds(start, end)

    def keep(records: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(as_read(r, article.text) for r in records if in_body(r.start, r.end))

    sentences = sentence_spans(
        article.text,
        [_trimmed(cleaned.text, s.start_char, s.end_char) for s in doc.sents],
        [(region.start, region.end) for region in body],
    )
    return Annotations(
        article=article,
        entities=keep(load(doc, ENTITIES_KEY, EntityMention.from_dict)),
        quantities=tuple(as_read(q, article.text) for q in reindex_equivalents(
            load(doc, QUANTITIES_KEY, QuantityMention.from_dict), in_body
        )),
        dates=keep(load(doc, DATES_KEY, DateMention.from_dict)),
        attributions=keep(load(doc, ATTRIBUTION_KEY, Attribution.from_dict)),
        sentences=sentences,
        regions=cleaned.regions,
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence's bounds without the white space the parse saw at its ends.

    Where the clean stage blanked a run (a mark run, an overlong word) the article still has
    it; the sentence must not carry it into a claim's text.
    """
    chunk = text[start:end]
    left = start + len(chunk) - len(chunk.lstrip())
    return left, max(left, start + len(chunk.rstrip()))


def annotation_record(annotations: Annotations) -> dict[str, Any]:
    """The ``annotations/1`` JSON record of one article."""
    article = annotations.article
    return {
        "schema": "annotations/1",
        "id": article.id,
        "published": article.published,
        "published_from": article.published_from,
        "title": article.title,
        "entities": [e.to_dict() for e in annotations.entities],
        "quantities": [q.to_dict() for q in annotations.quantities],
        "dates": [d.to_dict() for d in annotations.dates],
        "attributions": [a.to_dict() for a in annotations.attributions],
    }
