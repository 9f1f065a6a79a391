"""Fixtures of the attribution tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.assets import MODELS_DIR
from pipeline.entities import EntitiesComponent


@pytest.fixture(scope="session")
def entities_stage(base_nlp: Language) -> EntitiesComponent:
    """The entities component, compiled once, not added to the shared pipeline."""
    return EntitiesComponent(base_nlp, str(MODELS_DIR))
