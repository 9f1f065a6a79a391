"""Training the check-worthiness model: the seeded split, fitting, cross-validation, metrics."""

from __future__ import annotations

import math

import pytest

from pipeline.rank.model import (
    BIAS,
    IDENTITY,
    LOGIT,
    NO_CLAIM,
    combined_logit,
)
from pipeline.training.checkworthiness import (
    Example,
    Metrics,
    Sentence,
    average_precision,
    beats,
    best_threshold,
    cross_validate,
    cross_validate_combination,
    cv_folds,
    emission_threshold,
    evaluate,
    fit,
    fit_combination,
    load_examples,
    out_of_fold,
    prf,
    raw_logits,
    sentence_score,
    shipped_combination,
    split,
    with_threshold,
    without_facts,
)
from pipeline.training.parse import score_texts
from tests.conftest import ROOT

SHARED = ROOT.parent / "shared"
SEED_ARTICLE = ROOT / "corpus" / "000_e8c7711d66f6db41.txt"


def _logit(p: float) -> float:
    return math.log(p / (1 - p))



def test_split_is_seeded_disjoint_and_holds_out_a_fifth() -> None:
    examples = [Example(i, f"sentence {i}", int(i % 3 == 0)) for i in range(1000, 1500)]
    train, held = split(examples)
    assert len(held) == 100 and len(train) == 400
    assert not {e.id for e in train} & {e.id for e in held}
    assert split(list(reversed(examples)))[1] == sorted(held, key=lambda e: -e.id)
    assert split(examples, seed=1)[1] != held


TOY = [
    (["w:jobs", "s:ddd", "e:CARDINAL", "p:VBD"], 1),
    (["w:percent", "s:d.d", "e:PERCENT", "p:VBD"], 1),
    (["w:billion", "e:MONEY", "p:VBD"], 1),
    (["w:deficit", "s:dddd", "e:DATE", "p:VBD"], 1),
    (["w:think", "w:i", "p:VBP", "p:PRP"], 0),
    (["w:believe", "w:we", "p:VBP", "p:PRP"], 0),
    (["w:thank", "w:you", "p:VBP", "p:PRP"], 0),
    (["w:hope", "w:i", "p:VBP", "p:MD"], 0),
]


def test_fit_learns_a_separable_toy_set() -> None:
    feats = [f for f, _ in TOY] * 2
    labels = [y for _, y in TOY] * 2
    model = fit(feats, labels)
    scores = [1 / (1 + math.exp(-z)) for z in raw_logits(model, [f for f, _ in TOY])]
    assert prf(scores, [y for _, y in TOY], 0.5)[2] == 1.0
    shifted = with_threshold(model, 0.3)
    assert shifted.bias == pytest.approx(model.bias - math.log(0.3 / 0.7), abs=1e-6)


def test_cross_validate_picks_a_threshold_on_out_of_fold_scores() -> None:
    feats = [f for f, _ in TOY] * 5
    labels = [y for _, y in TOY] * 5
    threshold, metrics = cross_validate(feats, labels)
    assert 0.1 <= threshold <= 0.9
    assert metrics.n == len(labels)
    assert metrics.f1 == 1.0  # every fold sees copies of each toy sentence
    assert "CV n=40" in metrics.line("CV")


@pytest.mark.parametrize(
    ("scores", "labels", "ap"),
    [
        ([0.9, 0.8, 0.7, 0.1], [1, 1, 0, 0], 1.0),
        ([0.9, 0.8, 0.7, 0.1], [0, 1, 0, 1], (1 / 2 + 2 / 4) / 2),
        ([0.5, 0.5, 0.5], [0, 1, 0], 1 / 2),
    ],
)
def test_average_precision(scores: list[float], labels: list[int], ap: float) -> None:
    assert average_precision(scores, labels) == pytest.approx(ap)


def test_evaluate_and_best_threshold() -> None:
    scores, labels = [0.9, 0.6, 0.4, 0.2], [1, 1, 0, 1]
    metrics = evaluate(scores, labels)
    assert metrics.precision == 1.0
    assert metrics.recall == pytest.approx(2 / 3)
    assert best_threshold(scores, labels) == 0.1
    assert "F1 0.800" in metrics.line()


@pytest.fixture(scope="module")
def held_out_metrics() -> Metrics:
    """The shipped model on the held-out fifth of ClaimBuster, which training never sees."""
    data = SHARED / "data" / "claimbuster" / "claimbuster-train.json"
    if not data.exists():
        pytest.skip(f"{data} is absent (evaluation data lives outside the repository)")
    _, held = split(load_examples(data))
    return evaluate(score_texts([e.text for e in held]), [e.label for e in held])


def test_held_out_average_precision_meets_the_target(held_out_metrics: Metrics) -> None:
    assert held_out_metrics.average_precision >= 0.88


def test_held_out_f1_meets_the_target(held_out_metrics: Metrics) -> None:
    # Issue 7's target; the shipped model reaches 0.802 (make eval).
    assert held_out_metrics.f1 >= 0.80


def _toy_sentences() -> tuple[list[Sentence], list[int]]:
    """Claims with a figure are worth checking, whatever the (uninformative) classifier says."""
    sentences, labels = [], []
    for i in range(60):
        z = (i % 7 - 3) / 10
        if i % 3 == 0:
            sentences.append(Sentence(z, ((z, {"quantity": 1.0, "type:statistic": 1.0}),)))
            labels.append(1 if i % 12 else 0)
        elif i % 3 == 1:
            sentences.append(Sentence(z, ((z, {"type:attributed_statement": 1.0}),
                                          (z, {"type:quote": 1.0}))))
            labels.append(0 if i % 10 else 1)
        else:
            sentences.append(Sentence(z))
            labels.append(0)
    return sentences, labels


def test_fit_combination_learns_what_the_facts_add() -> None:
    sentences, labels = _toy_sentences()
    weights = fit_combination(sentences, labels, 0.1)
    assert list(weights) == [LOGIT, NO_CLAIM, "quantity", "type:attributed_statement",
                             "type:quote", "type:statistic", BIAS]
    assert weights["quantity"] > 1.0
    assert weights[NO_CLAIM] < 0.0
    threshold, metrics = cross_validate_combination(sentences, labels, 0.1)
    assert 0.1 <= threshold <= 0.9 and metrics.f1 > 0.8
    assert fit_combination(sentences, labels, 0.1) == weights  # deterministic


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (Sentence(-1.0, ((0.5, {}), (2.0, {}))), 1 / (1 + math.exp(-2.0))),  # the best claim
        (Sentence(1.0), 1 / (1 + math.exp(-1.0))),  # no claim: the sentence's own logit
    ],
)
def test_a_sentence_scores_as_its_best_claim(sentence: Sentence, expected: float) -> None:
    assert sentence_score(IDENTITY, sentence) == pytest.approx(expected)
    assert sentence_score({LOGIT: 1.0, NO_CLAIM: -9.0}, Sentence(1.0)) < 0.001


@pytest.mark.parametrize(
    ("f1", "ap", "better"),
    [(0.80, 0.88, False), (0.81, 0.88, True), (0.80, 0.89, True), (0.81, 0.87, False)],
)
def test_beats_needs_no_loss_and_one_gain(f1: float, ap: float, better: bool) -> None:
    baseline = Metrics(0.8, 0.8, 0.80, 0.88, 10)
    assert beats(Metrics(0.8, 0.8, f1, ap, 10), baseline) is better


def test_shipped_combination_undoes_the_classifier_threshold_and_keeps_calibration() -> None:
    weights = {LOGIT: 2.0, BIAS: 0.5, "quantity": 1.0}
    shipped = shipped_combination(weights, 0.3)
    raw = 0.2  # a raw logit; the shipped classifier says raw - logit(0.3)
    at_ship = combined_logit(shipped, raw - _logit(0.3), {"quantity": 1.0})
    assert at_ship == pytest.approx(combined_logit(weights, raw, {"quantity": 1.0}))
    assert shipped["quantity"] == 1.0


def test_without_facts_keeps_logits_and_forced_flags() -> None:
    sentence = Sentence(0.3, ((0.5, {"quantity": 1.0}),), forced=True)
    assert without_facts([sentence]) == [Sentence(0.3, ((0.5, {}),), forced=True)]


def test_emission_threshold_counts_forced_sentences_as_flagged() -> None:
    # Two positives the score misses but whose claims state figures; a negative scored high.
    sentences = [Sentence(0.0, forced=f) for f in (True, True, False, False, False, False)]
    scores = [0.1, 0.2, 0.9, 0.7, 0.3, 0.6]
    labels = [1, 1, 1, 1, 0, 0]
    threshold, floor, metrics = emission_threshold(sentences, scores, labels)
    assert threshold == 0.61  # the lowest that still drops the 0.6 negative
    assert floor == 0.0  # nothing floored: the lowest floor
    assert (metrics.precision, metrics.recall) == (1.0, 1.0)
    # Sentences the gate drops rank as no claim (0) in the average precision.
    assert metrics.average_precision == pytest.approx(1.0)


def test_out_of_fold_scores_each_span_with_the_model_that_did_not_see_it() -> None:
    feats = [f for f, _ in TOY] * 5
    labels = [y for _, y in TOY] * 5
    spans = [[f, ["w:unknown"]] for f in feats]
    logits, span_logits = out_of_fold(feats, labels, spans)
    assert [zs[0] for zs in span_logits] == logits
    assert len({zs[1] for zs in span_logits}) == len(cv_folds(len(feats)))  # one bias per fold
    assert sorted(i for fold in cv_folds(len(feats)) for i in fold) == list(range(len(feats)))


def test_emission_threshold_chooses_the_floor_of_first_person_figures() -> None:
    # Floored sentences: a positive at 0.3 and negatives at 0.1 and 0.2 (a speaker's own asides).
    sentences = [Sentence(0.0, floored=f) for f in (True, True, True, False, False)]
    scores = [0.3, 0.1, 0.2, 0.9, 0.4]
    labels = [1, 0, 0, 1, 0]
    threshold, floor, metrics = emission_threshold(sentences, scores, labels)
    assert (threshold, floor) == (0.41, 0.21)  # the lowest pair that keeps 0.3 and drops the rest
    assert (metrics.precision, metrics.recall) == (1.0, 1.0)
    kept = [Sentence(0.0, forced=True) if s.floored else s for s in sentences]
    assert emission_threshold(kept, scores, labels)[2].precision == 0.5  # forced: all four flagged
