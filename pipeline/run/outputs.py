"""What each processed article is written as: claims, annotations or ClaimReview lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.contract import ArticleResult, Claim
from pipeline.errors import ArticleError
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
    """Serialize one outcome for the chosen output."""
    if isinstance(outcome, ArticleError):
        return ItemOutput((), outcome, 0)
    assert isinstance(outcome, ArticleResult)
    mode = output.mode
    if mode == "annotations":
        return ItemOutput((dumps(annotation_record(outcome.annotations)),), None, 0)
    if mode == "claimreview":
        reviews = tuple(dumps(review) for review in claimreviews(outcome))
        return ItemOutput(reviews, None, len(reviews))
    lines = tuple(dumps(claim.to_dict()) for claim in outcome.claims if output.keeps(claim))
    return ItemOutput(lines, None, len(lines))
