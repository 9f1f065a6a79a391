"""claim-pipeline: turn news and wire-service articles into structured, checkable claims.

The Python API, light to import (the model loads on first use, once per process)::

    import pipeline
    for claim in pipeline.extract(["Exports rose 5% to $3 billion in 2016, officials said."]):
        print(claim["text"], claim["quantities"])

``extract`` and ``annotate`` take strings (an article's text) or dicts ``{id, text,
published?, title?, source?, url?}`` and yield ``claim/1`` and ``annotations/1`` dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "annotate", "extract"]


def extract(
    records: Iterable[str | Mapping[str, Any]],
    *,
    published: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every checkable claim of the articles, as ``claim/1`` dicts, in input order.

    ``published`` (YYYY-MM-DD) dates the articles that carry no date of their own; an
    article that fails is appended to ``errors`` with why (else logged as a warning).
    """
    from pipeline import api

    return api.extract(records, published=published, errors=errors)


def annotate(
    records: Iterable[str | Mapping[str, Any]],
    *,
    published: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> Iterator[dict[str, Any]]:
    """One ``annotations/1`` dict per article (every mention found), in input order."""
    from pipeline import api

    return api.annotate(records, published=published, errors=errors)
