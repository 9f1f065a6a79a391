"""The integer-key scorer gives every span the reference's logit, to the last bit."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.rank.doc_features import DocFeatures, KeyTable, key_of, load_key_table
from pipeline.rank.features import features, logit
from pipeline.rank.model import Model, load_model
from tests.conftest import SEED

# Words that hold the separators features are spelled with (`_`, `/`, `&`), a lemma written in
# capitals, a whitespace token after a question, repeated words and tags.
TRICKY = (
    "The x_y z rule beat the x y_z rule, and/or the R&D plan. Did R&D spending rise 5% "
    "to $3.2 billion in 2016, or did it fall, fall, fall?  \n\nIt fell."
)


def _ranges(doc: Doc, step: int = 1) -> list[tuple[int, int]]:
    """Spans of many lengths from many starts, including empty ones and the whole Doc."""
    lengths = (0, 1, 2, 3, 4, 7, 12, 25, 60)
    out = [(start, min(start + n, len(doc))) for start in range(0, len(doc), step) for n in lengths]
    return [*out, (0, len(doc)), (len(doc), len(doc))]


def _model_of_every_feature(docs: list[Doc]) -> Model:
    """A model that knows each feature the texts have, with varied IDF and weights."""
    names = sorted({f for doc in docs for f in features(doc)})
    idf = {f: 1.0 + (i % 7) / 3 for i, f in enumerate(names)}
    weights = {f: ((i * 37) % 11 - 5) / 4 for i, f in enumerate(names) if (i * 37) % 11 != 5}
    return Model(idf, weights, bias=-0.25)


def _assert_same(model: Model, doc: Doc, ranges: list[tuple[int, int]]) -> None:
    fast = DocFeatures(KeyTable.from_model(model), doc).logits(ranges)
    reference = [logit(model, doc[start:end]) for start, end in ranges]
    for (start, end), got, want in zip(ranges, fast, reference, strict=True):
        assert got == want, (start, end, doc[start:end].text)


def test_separators_inside_words_count_as_the_strings_they_spell(lean_nlp: Language) -> None:
    doc = lean_nlp(TRICKY)
    counts = Counter(features(doc))
    # `x_y z` and `x y_z` spell one bigram, which the reference counts twice.
    assert counts["w2:x_y_z"] == 2
    assert counts["wt:and/or/CCONJ"] == 1
    assert counts["l:r&d"] == 2
    _assert_same(_model_of_every_feature([doc]), doc, _ranges(doc))


def test_every_span_of_the_seed_scores_as_the_reference(lean_nlp: Language) -> None:
    doc = lean_nlp(SEED.read_text(encoding="utf-8"))
    sentences = [(s.start, s.end) for s in doc.sents]
    ranges = [*sentences, *_ranges(doc, step=5)]
    _assert_same(_model_of_every_feature([doc[a:b] for a, b in sentences]), doc, ranges)
    _assert_same(load_model(), doc, ranges)


def test_the_shipped_model_loads_with_one_entry_per_key() -> None:
    table = load_key_table()
    model = load_model()
    assert len(table.idf) == len(model.table)
    # Every integer-family feature has at least its own key; strings keep the rest.
    assert len(table.by_key) + len(table.string_entries) >= len(model.table)
    assert table.by_key[key_of("w", [_id("billion")])] == sorted(model.table).index("w:billion")


def test_two_features_on_one_key_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.rank.doc_features as module

    monkeypatch.setattr(module, "key_of", lambda family, ids: 7)
    with pytest.raises(ValueError, match="share a key"):
        KeyTable.from_model(Model({"w:a": 1.0, "w:b": 1.0}, {}, bias=0.0))


def test_a_doc_without_tokens_scores_the_bias_alone(lean_nlp: Language) -> None:
    model = Model({"w:a": 1.0}, {"w:a": 2.0}, bias=0.75)
    assert DocFeatures(KeyTable.from_model(model), lean_nlp("")).logits([(0, 0)]) == [0.75]


def _id(text: str) -> int:
    from spacy.strings import get_string_id

    return int(get_string_id(text))


def test_id_caches_are_emptied_when_full_and_scores_stay_the_same(
    lean_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.rank.doc_features as module

    seed = lean_nlp(SEED.read_text(encoding="utf-8"))
    tricky = lean_nlp(TRICKY)
    model = _model_of_every_feature([seed, tricky])
    table = KeyTable.from_model(model)
    monkeypatch.setattr(module, "CACHE_LIMIT", 4)
    for doc in (seed, tricky, seed):
        ranges = [(s.start, s.end) for s in doc.sents]
        assert DocFeatures(table, doc).logits(ranges) == [
            logit(model, doc[a:b]) for a, b in ranges
        ]
    # The last Doc filled the emptied caches with its own lemmas only.
    assert len(module._lowered) <= len({t.lemma_ for t in seed}) + 1
