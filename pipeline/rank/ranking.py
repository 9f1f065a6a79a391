"""Rank stage: check-worthiness, the emission gate and the claim key, on the article's parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.claims.key import claim_key
from pipeline.contract import Claim
from pipeline.quantities.component import checkworthy
from pipeline.rank.doc_features import DocFeatures, load_key_table
from pipeline.rank.gate import emitted, named_source
from pipeline.rank.model import combine, load_model


def claim_facts(claim: Claim) -> dict[str, float]:
    """What the pipeline knows about a claim, as the combination's terms (only those present)."""
    found = {
        "quantity": any(checkworthy(q) for q in claim.quantities),
        "resolved_date": any(d.value is not None for d in claim.dates),
        "named_source": named_source(claim),
        "attribution": claim.attribution is not None,
        "check": bool(claim.checks),
        "entity": bool(claim.entities),
        "type:" + claim.type: True,
    }
    return {name: 1.0 for name, present in sorted(found.items()) if present}


def failed_check(claim: Claim) -> bool:
    """A figure the article's own numbers contradict."""
    return any(c.consistent is False for c in claim.checks)


def score_claims(doc: Doc, claims: Sequence[Claim], *, gate: bool = True) -> tuple[Claim, ...]:
    """The claims the gate keeps, each with its ``checkworthiness`` (pure).

    ``gate=False`` keeps every candidate (training fits the model and threshold on them).
    """
    model = load_model()
    spans = [_token_range(doc, claim) for claim in claims]
    logits = DocFeatures(load_key_table(), doc).logits(spans) if claims else []
    scored = []
    for claim, logit, (start, end) in zip(claims, logits, spans, strict=True):
        worthiness = combine(model, logit, claim_facts(claim), failed_check=failed_check(claim))
        candidate = replace(claim, checkworthiness=worthiness)
        if not gate or emitted(candidate, doc[start:end], model.threshold, model.floor):
            scored.append(candidate)
    return tuple(scored)


def with_keys(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """Each claim with its ``claim_key``, read after its standalone text has resolved its words."""
    return tuple(replace(claim, claim_key=claim_key(claim)) for claim in claims)


def _token_range(doc: Doc, claim: Claim) -> tuple[int, int]:
    """The tokens a claim covers (none when its offsets fall outside the Doc)."""
    span: Span | None = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)
