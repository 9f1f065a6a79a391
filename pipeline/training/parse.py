"""Sentences parsed one by one with the pipeline's lean parse, for training and evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.compose import DEFAULT_MODEL, load_parse
from pipeline.rank.features import score_spans
from pipeline.rank.model import MODEL_DIR


@cache
def _parser(name: str) -> Language:
    """The parse the pipeline runs, without its stages, loaded once, offline."""
    return load_parse(name or DEFAULT_MODEL)


def parse_texts(texts: Sequence[str], base_model: str = "") -> list[Doc]:
    """Each sentence parsed on its own by the lean parse (for scripts)."""
    return list(_parser(base_model).pipe(list(texts), batch_size=64))


def score_texts(
    texts: Sequence[str], *, model_dir: str = str(MODEL_DIR), base_model: str = ""
) -> tuple[float, ...]:
    """Check-worthiness of each sentence parsed on its own by the lean parse (for scripts)."""
    return score_spans(parse_texts(texts, base_model), model_dir)
