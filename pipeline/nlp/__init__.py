"""The spaCy pipeline: the base model, the lean morphology and the project's registered stages.

Modules: ``compose`` (load the base model, register and add the stages, make a Doc),
``morphology`` (coarse tags and verb and noun lemmas in place of the attribute ruler and
lemmatizer) and ``windows`` (a long text parsed window by window into one Doc). Offers
``build_nlp``, ``make_doc``, ``load_parse`` and the model settings.
"""

from pipeline.nlp.compose import (
    BLAS_BACKENDS,
    DEFAULT_BLAS,
    DEFAULT_MODEL,
    build_nlp,
    load_parse,
    make_doc,
)

__all__ = ["BLAS_BACKENDS", "DEFAULT_BLAS", "DEFAULT_MODEL", "build_nlp", "load_parse", "make_doc"]
