"""Attribution stage: direct quotes and reported speech, with source, cue, speaker and evidence.

Modules: ``component`` (the ``claims_attribution`` spaCy component and ``find_attributions``),
``quotes`` (quotations from their marks), ``direct`` (a quote's cue and speaker), ``adjacent``
(cues beside a quote), ``labels`` (speaker labels and signatures), ``cues`` (reported speech from
the parse), ``subjects`` (who reports), ``speakers`` (who a source is), ``organisations``
(``It said``, ``the company said``) and ``lexicon`` (the word lists). Offers ``find_attributions``.
"""

from pipeline.attribution.component import find_attributions

__all__ = ["find_attributions"]
