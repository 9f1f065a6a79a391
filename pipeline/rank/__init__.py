"""Rank stage: each claim's check-worthiness and claim key, scored with the shipped model.

Modules: ``ranking`` (score and key the claims of one article), ``model`` (the model, its
combination with what the pipeline found, loaded once), ``features`` (the features of a span,
spelled as strings: the model's definition), ``doc_features`` (the same logits from integer
keys, fast) and ``gate`` (which scored candidates become claims: no fragment, and a figure or a
score at the emission threshold). Nothing here trains: that is ``pipeline.training``. Offers
``score_claims`` and ``with_keys``.
"""

from pipeline.rank.ranking import score_claims, with_keys

__all__ = ["score_claims", "with_keys"]
