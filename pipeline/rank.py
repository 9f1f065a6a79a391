"""Rank stage: check-worthiness and the claim key of every claim, on the article's own parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.checkworthiness import combine, load_model, score_docs
from pipeline.claim_key import claim_key
from pipeline.contract import Claim
from pipeline.quantities import checkworthy

SOURCE_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named_source(claim: Claim) -> bool:
    """A speaker resolved to an entity, or a source that names one."""
    attribution = claim.attribution
    if attribution is None:
        return False
    if attribution.speaker:
        return True
    source = attribution.source
    return source is not None and any(
        e.label in SOURCE_ENTITY_LABELS and source.start <= e.start and e.end <= source.end
        for e in claim.entities
    )


def rank_claims(doc: Doc, claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """Each claim with its ``checkworthiness`` in [0, 1] and its ``claim_key`` (pure)."""
    spans: list[Doc | Span] = [
        doc.char_span(c.start, c.end, alignment_mode="expand") or doc[0:0] for c in claims
    ]
    scores = score_docs(load_model(), spans) if claims else ()
    ranked = []
    for claim, score in zip(claims, scores, strict=True):
        has_quantity = any(checkworthy(q) for q in claim.quantities)
        resolved = any(d.value is not None for d in claim.dates)
        worthiness = combine(
            score,
            has_quantity=has_quantity,
            has_named_source=_named_source(claim),
            failed_check=any(c.consistent is False for c in claim.checks),
            has_checkable=has_quantity or resolved or bool(claim.checks),
        )
        ranked.append(replace(claim, checkworthiness=worthiness, claim_key=claim_key(claim)))
    return tuple(ranked)
