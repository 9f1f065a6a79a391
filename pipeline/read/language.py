"""Which language an article is in, offline (py3langid's shipped model), so others are refused.

The stages read English only: German's ``2,2 Prozent`` would come out as 2 with unit
``prozent`` and French ``un communiqué`` as the United Nations. An article surely in another
language is therefore a per-article error (``not English: de``), unless the run lets every
language through (``--any-language``).
"""

from __future__ import annotations

from functools import cache

from pipeline.read.langmodel import CompactModel, load_compact

ENGLISH = "en"
SAMPLE_CHARS = 2_000  # the opening decides: enough for a sure call, cheap however long the text
MIN_LETTERS = 40  # fewer letters (a table, a bare headline) give no sure call, so they pass
SURE = 0.9  # another language must be at least this probable for an article to be refused


@cache
def _identifier() -> CompactModel:
    """py3langid's model, loaded once per process and held compactly (30 MB, not 75)."""
    return load_compact()


def foreign_language(text: str) -> str | None:
    """The code of the language a text is surely written in when that is not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if language != ENGLISH and probability >= SURE else None
