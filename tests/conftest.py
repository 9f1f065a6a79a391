"""Shared fixtures: the models are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.contract import ArticleResult
from pipeline.nlp.compose import DEFAULT_MODEL, build_nlp, load_parse
from pipeline.read.reader import read_inputs

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "corpus" / "000_e8c7711d66f6db41.txt"


@pytest.fixture(scope="session")
def base_nlp() -> Language:
    """The base spaCy model alone, without the project's stages."""
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def claims_nlp() -> Language:
    """The full pipeline: base model plus every registered stage."""
    return build_nlp()


@pytest.fixture(scope="session")
def lean_nlp() -> Language:
    """The parse the pipeline runs: the base model with the lean morphology."""
    return load_parse()


@pytest.fixture(scope="session")
def seed_result(claims_nlp: Language) -> ArticleResult:
    """The seed article run end to end, once."""
    from pipeline.run.runner import Settings, process_articles

    (result,) = process_articles(read_inputs([str(SEED)]), Settings(), claims_nlp)
    assert isinstance(result, ArticleResult)
    return result


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when the evaluation data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (evaluation data lives outside the repository)")
    return path
