"""Composing the pipeline: the base model, the tokenizer fix, the lean morphology, the stages."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.nlp.compose import STAGE_FACTORIES, make_doc
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("He said,“Look at this.”", ["He", "said", ",", "“", "Look", "at", "this", ".", "”"]),
        ("“It is over,”Clinton said.", ["“", "It", "is", "over", ",", "”", "Clinton", "said", "."]),
        (
            'It was "fine."Then he left.',
            ["It", "was", '"', "fine", ".", '"', "Then", "he", "left", "."],
        ),
        ('The U.S."Army" said.', ["The", "U.S.", '"', "Army", '"', "said", "."]),
        # Already spaced quotes and abbreviations tokenize as the base model does.
        ('He said, "Look."', ["He", "said", ",", '"', "Look", ".", '"']),
        (
            "Exports rose 5.5% to $3.2 billion.",
            ["Exports", "rose", "5.5", "%", "to", "$", "3.2", "billion", "."],
        ),
    ],
)
def test_glued_quote_marks_are_split(claims_nlp: Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in make_doc(claims_nlp, text, None)] == tokens


def test_pipeline_order(claims_nlp: Language) -> None:
    names = claims_nlp.pipe_names
    assert names[-len(STAGE_FACTORIES) :] == list(STAGE_FACTORIES)
    assert "claims_morphology" in names
    assert "lemmatizer" not in names and "attribute_ruler" not in names


def test_numpy_blas_runs_every_layer_on_one_thread(lean_nlp: Language) -> None:
    from thinc.api import Model, NumpyOps
    from threadpoolctl import threadpool_info

    layers = [
        node
        for _, component in lean_nlp.pipeline
        if isinstance(getattr(component, "model", None), Model)
        for node in component.model.walk()
    ]
    assert layers and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in layers)
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_numpy_blas_parses_the_seed_as_blis_does(lean_nlp: Language) -> None:
    from pipeline.nlp.compose import load_parse

    text = SEED.read_text(encoding="utf-8")
    blis, numpy = load_parse(blas="blis")(text), lean_nlp(text)
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in numpy] == [
        (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in blis
    ]


def test_an_unknown_blas_backend_is_refused(base_nlp: Language) -> None:
    from pipeline.nlp.compose import use_blas

    with pytest.raises(ValueError, match="unknown BLAS backend 'mkl': choose one of numpy, blis"):
        use_blas(base_nlp, "mkl")
