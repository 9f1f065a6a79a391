"""Claims stage: turn an article's annotations into typed, checkable claims.

Modules: ``build`` (claims from sentences, their types and ids), ``checks`` (a stated change or
share recomputed from the article's own numbers), ``binding`` (which figures a stated change
hangs on, by the parse), ``intervals`` (what a written figure allows), ``shares`` (part of a
whole) and ``key`` (the claim key, equal across wordings). Offers ``build_claims``,
``find_checks`` and ``claim_key``.
"""

from pipeline.claims.build import build_claims
from pipeline.claims.checks import find_checks
from pipeline.claims.key import claim_key

__all__ = ["build_claims", "claim_key", "find_checks"]
