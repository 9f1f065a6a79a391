"""The runner: the stages composed, spaCy's own length limit following --max-chars."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.run.runner import Runner, Settings


@pytest.mark.parametrize("max_chars", [1_000_001, 2_500_000])
def test_max_chars_over_a_million_reaches_spacy(
    claims_nlp: Language, monkeypatch: pytest.MonkeyPatch, max_chars: int
) -> None:
    monkeypatch.setattr(claims_nlp, "max_length", claims_nlp.max_length)  # restored afterwards
    runner = Runner(Settings(max_chars=max_chars), claims_nlp)
    text = ("Rates rose. " * (max_chars // 12 + 1))[:max_chars]
    doc = runner.nlp.make_doc(text)  # spaCy's E088 before the limit followed --max-chars
    assert len(doc.text) == max_chars


def test_the_default_limit_is_not_lowered(
    claims_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claims_nlp, "max_length", 3_000_000)
    assert Runner(Settings(max_chars=10), claims_nlp).nlp.max_length == 3_000_000
