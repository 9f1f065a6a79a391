"""Composing the pipeline: the base model, the tokenizer fix, the lean morphology, the stages."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.nlp import STAGE_FACTORIES, make_doc


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("He said,“Look at this.”", ["He", "said", ",", "“", "Look", "at", "this", ".", "”"]),
        ("“It is over,”Clinton said.", ["“", "It", "is", "over", ",", "”", "Clinton", "said", "."]),
        ('It was "fine."Then he left.',
         ["It", "was", '"', "fine", ".", '"', "Then", "he", "left", "."]),
        ('The U.S."Army" said.', ["The", "U.S.", '"', "Army", '"', "said", "."]),
        # Already spaced quotes and abbreviations tokenize as the base model does.
        ('He said, "Look."', ["He", "said", ",", '"', "Look", ".", '"']),
        ("Exports rose 5.5% to $3.2 billion.", ["Exports", "rose", "5.5", "%", "to", "$", "3.2",
                                                  "billion", "."]),
    ],
)
def test_glued_quote_marks_are_split(claims_nlp: Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in make_doc(claims_nlp, text, None)] == tokens


def test_pipeline_order(claims_nlp: Language) -> None:
    names = claims_nlp.pipe_names
    assert names[-len(STAGE_FACTORIES):] == list(STAGE_FACTORIES)
    assert "claims_morphology" in names
    assert "lemmatizer" not in names and "attribute_ruler" not in names
