"""Which language an article is in, offline (py3langid's shipped model), so others are refused.

The stages read English only: German's ``2,2 Prozent`` would come out as 2 with unit
``prozent`` and French ``un communiqué`` as the United Nations. An article surely in another
language is therefore a per-article error (``not English: de``), unless the run lets every
language through (``--any-language``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

ENGLISH = "en"
SAMPLE_CHARS = 2_000  # the opening decides: enough for a sure call, cheap however long the text
MIN_LETTERS = 40  # fewer letters (a table, a bare headline) give no sure call, so they pass
SURE = 0.9  # another language must be at least this probable for an article to be refused


@cache
def _identifier() -> Any:
    """py3langid's model, loaded once per process (about 0.7 s), with normalised probabilities."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def foreign_language(text: str) -> str | None:
    """The code of the language a text is surely written in when that is not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    # Bytes, because a lone surrogate has no UTF-8 form of its own to hand the model.
    language, probability = _identifier().classify(sample.encode("utf-8", "replace"))
    return str(language) if language != ENGLISH and probability >= SURE else None
