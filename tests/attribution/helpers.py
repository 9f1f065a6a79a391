"""Helpers of the attribution tests: run the stage on a text, pick the attribution of some words."""

from __future__ import annotations

from spacy.language import Language

from pipeline.attribution.component import find_attributions
from pipeline.contract import Attribution
from pipeline.entities import EntitiesComponent, find_entities


def attributions(
    base_nlp: Language, stage: EntitiesComponent, text: str
) -> tuple[Attribution, ...]:
    doc = base_nlp(text)
    return find_attributions(doc, find_entities(doc, stage.patterns, stage.aliases))


def containing(found: tuple[Attribution, ...], words: str) -> Attribution:
    hits = [a for a in found if words in a.content.text]
    assert hits, f"{words!r} not in any content of {[a.content.text for a in found]}"
    return hits[0]
