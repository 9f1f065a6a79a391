"""The lean morphology: coarse tags from fine tags, lemmas of the words the stages read."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from pipeline.nlp import morphology
from pipeline.nlp.compose import DEFAULT_MODEL, make_doc


@pytest.mark.parametrize(
    ("text", "word", "pos", "lemma"),
    [
        ("Exports rose 5 percent last year, officials said.", "rose", "VERB", "rise"),
        ("Exports rose 5 percent last year, officials said.", "said", "VERB", "say"),
        ("Exports rose 5 percent last year, officials said.", "officials", "NOUN", "official"),
        ("The deficits were widening, the report said.", "deficits", "NOUN", "deficit"),
        ("The deficits were widening, the report said.", "widening", "VERB", "widen"),
        ("Negotiations have been held in Seoul.", "Negotiations", "NOUN", "negotiation"),
        ("Negotiations have been held in Seoul.", "Seoul", "PROPN", "Seoul"),
        # Adjectives and adverbs are not read by any stage, so the lean parse leaves them bare.
        ("The largest deficit grew sharply.", "largest", "ADJ", ""),
        ("The largest deficit grew sharply.", "sharply", "ADV", ""),
    ],
)
def test_pos_and_lemma(claims_nlp: Language, text: str, word: str, pos: str, lemma: str) -> None:
    doc = claims_nlp(make_doc(claims_nlp, text, None))
    (token,) = [t for t in doc if t.text == word]
    assert (token.pos_, token.lemma_) == (pos, lemma)


def test_lemmas_survive_a_full_cache(
    claims_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Officials said exports fell while imports rose and tariffs were raised."
    first = [t.lemma_ for t in claims_nlp(make_doc(claims_nlp, text, None))]
    monkeypatch.setattr(morphology, "LEMMA_CACHE_SIZE", 2)
    again = [t.lemma_ for t in claims_nlp(make_doc(claims_nlp, text, None))]
    assert again == first
    assert {"say", "export", "fall", "import", "rise", "tariff"} <= set(first)


def test_index_as_sets_keeps_every_lemma() -> None:
    nlp = spacy.load(DEFAULT_MODEL)  # its own copy: the shared fixtures must stay untouched
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    table = lemmatizer.lookups.get_table("lemma_index")
    before = {key: sorted(table[key]) for key in table}
    morphology.index_as_sets(lemmatizer)
    assert {key: sorted(table[key]) for key in table} == before
    assert all(isinstance(table[key], frozenset) for key in table)
