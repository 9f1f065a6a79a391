"""What each processed article is written as: claims, annotations or ClaimReview lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.contract import ArticleResult, Claim
from pipeline.errors import ArticleError, Messages
from pipeline.review.claimreview import claimreviews
from pipeline.run.runner import Outcome, annotation_record
from pipeline.run.write import dumps

Mode = Literal["claims", "annotations", "claimreview"]


@dataclass(frozen=True, slots=True)
class ItemOutput:
    """What one read item turned into, already serialized (cheap to send between processes)."""

    lines: tuple[str, ...]
    error: ArticleError | None
    claims: int


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """What each article turns into: the record kind, and which claims are kept."""

    mode: Mode = "claims"
    min_checkworthiness: float | None = None

    def keeps(self, claim: Claim) -> bool:
        floor = self.min_checkworthiness
        return floor is None or (claim.checkworthiness or 0.0) >= floor


def render(outcome: Outcome, output: OutputSpec) -> ItemOutput:
    """Serialize one outcome; output that cannot be written is that article's error."""
    if isinstance(outcome, ArticleError):
        return ItemOutput((), outcome, 0)
    assert isinstance(outcome, ArticleResult)
    try:
        return _render(outcome, output)
    except (ValueError, TypeError) as error:  # one article's output must not end the run
        article = outcome.annotations.article
        reason = Messages.UNWRITABLE.format(reason=f"{type(error).__name__}: {error}")
        return ItemOutput((), ArticleError(article.origin, reason, article.id), 0)


def _render(outcome: ArticleResult, output: OutputSpec) -> ItemOutput:
    mode = output.mode
    if mode == "annotations":
        return ItemOutput((dumps(annotation_record(outcome.annotations)),), None, 0)
    if mode == "claimreview":
        reviews = tuple(dumps(review) for review in claimreviews(outcome))
        return ItemOutput(reviews, None, len(reviews))
    lines = tuple(dumps(claim.to_dict()) for claim in outcome.claims if output.keeps(claim))
    return ItemOutput(lines, None, len(lines))
