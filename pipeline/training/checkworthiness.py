"""Training and evaluation of the check-worthiness model (numpy; for the scripts, not at run time).

Recipe: a fixed seeded split holds out one fifth of ClaimBuster; on the other four
fifths two logistic models are fitted over the same TF-IDF features (plain, and
scaled by naive-Bayes log-count ratios, NB-LR), their logits averaged into one
linear scorer, and the decision threshold chosen by seeded cross-validation on
the training part is folded into the bias so that 0.5 is the default threshold.
Features come from the pipeline's lean parse (see ``pipeline.rank.model``).

The combination with the pipeline's facts is stacked on the same folds: each training sentence
goes through the real pipeline as a one-sentence article, each claim gets the out-of-fold logit
of its span and its facts (``pipeline.rank.ranking.claim_facts``), a sentence without a claim
its own logit and a ``no_claim`` term; a small L2 logistic regression over those terms is fitted and
cross-validated with the sentence scored as the pipeline would (the max over its claims).
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from pipeline.contract import Article, ArticleResult, Claim
from pipeline.rank.features import logit_of_features, vectorize
from pipeline.rank.model import BIAS, IDENTITY, LOGIT, NO_CLAIM, Model, combined_logit, sigmoid

SEED = 20170823
HOLDOUT_FOLDS = 5  # one fifth is held out and never seen by training
CV_FOLDS = 5
MIN_DF = 3  # 2 scored the same by CV with a third more features (a larger, slower model)
# Chosen by 5-fold CV on the training part only (out-of-fold F1 at the CV threshold, and AP):
L2 = 2e-5  # 1e-3 .. 1e-5 tried
EPOCHS = 150  # full-batch Adam steps; 300 and 600 scored the same, so the cheaper
LEARNING_RATE = 0.1
NB_ALPHA = 0.25  # NB log-count-ratio smoothing; 1.0, 0.5, 0.25, 0.1, 0.05 tried
WEIGHT_DIGITS = 7  # significant digits kept in the shipped model
COMBINATION_L2 = (0.1, 1.0, 10.0)  # the combination's ridge, chosen by CV on the training part
NEWTON_STEPS = 50

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled sentence of the training data."""

    id: int
    text: str
    label: int


@dataclass(frozen=True, slots=True)
class Metrics:
    """Precision, recall and F1 at the default threshold, and average precision of the ranking."""

    precision: float
    recall: float
    f1: float
    average_precision: float
    n: int

    def line(self, what: str = "held-out") -> str:
        return (
            f"checkworthiness: precision {self.precision:.3f} recall {self.recall:.3f} "
            f"F1 {self.f1:.3f} AP {self.average_precision:.3f} ({what} n={self.n})"
        )


def load_examples(path: Path) -> list[Example]:
    """ClaimBuster's two-class JSON: a list of {sentence_id, label, text}."""
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return [Example(int(d["sentence_id"]), str(d["text"]), int(d["label"])) for d in data]


def split(examples: Sequence[Example], seed: int = SEED) -> tuple[list[Example], list[Example]]:
    """(training, held-out): a seeded shuffle of the sorted ids; the first fifth is held out."""
    ids = sorted(e.id for e in examples)
    random.Random(seed).shuffle(ids)
    held = set(ids[: len(ids) // HOLDOUT_FOLDS])
    train = [e for e in examples if e.id not in held]
    heldout = [e for e in examples if e.id in held]
    return train, heldout


class Sparse:
    """Rows of (feature index, value) pairs: just enough sparse algebra for logistic regression."""

    def __init__(self, rows: Sequence[Sequence[tuple[int, float]]], width: int) -> None:
        self.width = width
        self.n = len(rows)
        self.col = np.array([i for row in rows for i, _ in row], dtype=np.int64)
        self.val = np.array([v for row in rows for _, v in row], dtype=np.float64)
        self.row = np.repeat(np.arange(self.n), [len(row) for row in rows])

    def dot(self, w: FloatArray) -> FloatArray:
        return np.bincount(self.row, weights=self.val * w[self.col], minlength=self.n).astype(
            np.float64, copy=False
        )

    def tdot(self, g: FloatArray) -> FloatArray:
        return np.bincount(self.col, weights=self.val * g[self.row], minlength=self.width).astype(
            np.float64, copy=False
        )

    def scaled(self, r: FloatArray) -> Sparse:
        out = Sparse((), self.width)
        out.n, out.col, out.row, out.val = self.n, self.col, self.row, self.val * r[self.col]
        return out


def fit_logistic(x: Sparse, y: FloatArray) -> tuple[FloatArray, float]:
    """L2-regularized logistic regression by full-batch Adam (deterministic, no sampling)."""
    w = np.zeros(x.width)
    b = 0.0
    m, v = np.zeros(x.width), np.zeros(x.width)
    mb = vb = 0.0
    for t in range(1, EPOCHS + 1):
        p = 1.0 / (1.0 + np.exp(-(x.dot(w) + b)))
        g = (p - y) / x.n
        gw = x.tdot(g) + L2 * w
        gb = float(g.sum())
        m = 0.9 * m + 0.1 * gw
        v = 0.999 * v + 0.001 * gw * gw
        mb = 0.9 * mb + 0.1 * gb
        vb = 0.999 * vb + 0.001 * gb * gb
        w -= LEARNING_RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        b -= LEARNING_RATE * (mb / (1 - 0.9**t)) / (math.sqrt(vb / (1 - 0.999**t)) + 1e-8)
    return w, b


def fit(feats: Sequence[Sequence[str]], labels: Sequence[int]) -> Model:
    """One linear model: the average of the LR and NB-LR logits over shared TF-IDF features."""
    df: Counter[str] = Counter()
    for f in feats:
        df.update(set(f))
    vocab = sorted(k for k, c in df.items() if c >= MIN_DF)
    n = len(feats)
    idf = {k: math.log((1 + n) / (1 + df[k])) + 1.0 for k in vocab}
    index = {k: i for i, k in enumerate(vocab)}
    x = Sparse([[(index[k], v) for k, v in vectorize(f, idf)] for f in feats], len(vocab))
    y = np.array(labels, dtype=np.float64)
    w_lr, b_lr = fit_logistic(x, y)
    pos = x.tdot((y == 1).astype(np.float64)) + NB_ALPHA
    neg = x.tdot((y == 0).astype(np.float64)) + NB_ALPHA
    ratio = np.log((pos / pos.sum()) / (neg / neg.sum()))
    w_nb, b_nb = fit_logistic(x.scaled(ratio), y)
    w = (w_lr + ratio * w_nb) / 2.0
    weights = {k: _round(float(w[i])) for k, i in index.items() if w[i] != 0.0}
    return Model({k: _round(v) for k, v in idf.items()}, weights, _round((b_lr + b_nb) / 2.0))


def _round(value: float) -> float:
    return float(f"{value:.{WEIGHT_DIGITS}g}")


def raw_logits(model: Model, feats: Sequence[Sequence[str]]) -> list[float]:
    """Logits without rounding, for threshold selection and metrics."""
    return [logit_of_features(model, f) for f in feats]


def best_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The probability threshold with the best F1 (ties: the lower threshold)."""
    best = (-1.0, 0.5)
    for step in range(10, 91):
        t = step / 100
        f1 = prf(scores, labels, t)[2]
        if f1 > best[0]:
            best = (f1, t)
    return best[1]


def cv_folds(n: int, seed: int = SEED) -> list[list[int]]:
    """The CV folds of the training part: a seeded shuffle of positions dealt into sorted lists."""
    order = list(range(n))
    random.Random(seed + 1).shuffle(order)
    return [sorted(order[fold::CV_FOLDS]) for fold in range(CV_FOLDS)]


def out_of_fold(
    feats: Sequence[Sequence[str]],
    labels: Sequence[int],
    spans: Sequence[Sequence[Sequence[str]]] = (),
    seed: int = SEED,
) -> tuple[list[float], list[list[float]]]:
    """Out-of-fold logits of each sentence and of each sentence's extra spans (its claims)."""
    n = len(feats)
    sentence_logits = [0.0] * n
    span_logits: list[list[float]] = [[] for _ in range(n)]
    for held in cv_folds(n, seed):
        held_set = set(held)
        train_idx = [i for i in range(n) if i not in held_set]
        model = fit([feats[i] for i in train_idx], [labels[i] for i in train_idx])
        for i, z in zip(held, raw_logits(model, [feats[i] for i in held]), strict=True):
            sentence_logits[i] = z
        for i in held if spans else ():
            span_logits[i] = raw_logits(model, spans[i])
    return sentence_logits, span_logits


def cross_validate(
    feats: Sequence[Sequence[str]], labels: Sequence[int], seed: int = SEED
) -> tuple[float, Metrics]:
    """The F1-best threshold on out-of-fold scores of the training part only, and their metrics."""
    logits, _ = out_of_fold(feats, labels, seed=seed)
    scores = [sigmoid(z) for z in logits]
    threshold = best_threshold(scores, labels)
    return threshold, evaluate(scores, labels, threshold)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as the pipeline sees it: its logit and its claims' (logit, facts)."""

    logit: float
    claims: tuple[tuple[float, dict[str, float]], ...] = ()
    forced: bool = False  # a candidate states a figure: the gate emits it whatever its score
    floored: bool = False  # ... in its speaker's first person: emitted from the gate's floor up

    def rows(self) -> list[tuple[float, dict[str, float]]]:
        """The combination's rows: one per claim, or one ``no_claim`` row."""
        return list(self.claims) or [(self.logit, {NO_CLAIM: 1.0})]


def sentence_score(weights: dict[str, float], sentence: Sentence) -> float:
    """What the pipeline would give the sentence: the best of its claims, or the no-claim score."""
    return sigmoid(max(combined_logit(weights, z, facts) for z, facts in sentence.rows()))


def fit_combination(
    sentences: Sequence[Sentence], labels: Sequence[int], l2: float
) -> dict[str, float]:
    """L2 logistic regression (Newton steps) of the label on the terms; claims share a sentence."""
    terms = sorted({name for s in sentences for _, facts in s.rows() for name in facts})
    rows, ys, weights = [], [], []
    for sentence, label in zip(sentences, labels, strict=True):
        for z, facts in sentence.rows():
            rows.append([z, *(facts.get(t, 0.0) for t in terms), 1.0])
            ys.append(float(label))
            weights.append(1.0 / len(sentence.rows()))  # each sentence counts once
    x, y, w = np.array(rows), np.array(ys), np.array(weights)
    ridge = l2 * np.eye(x.shape[1])
    ridge[-1, -1] = 0.0  # the bias is not shrunk
    beta = np.zeros(x.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        hessian = x.T @ (x * (w * p * (1.0 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, x.T @ (w * (p - y)) + ridge @ beta)
        beta -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    names = [LOGIT, *terms, BIAS]
    return {name: _round(float(b)) for name, b in zip(names, beta, strict=True)}


def cross_validate_combination(
    sentences: Sequence[Sentence], labels: Sequence[int], l2: float, seed: int = SEED
) -> tuple[float, Metrics]:
    """Out-of-fold sentence scores of the combination on the classifier's folds, thresholded."""
    scores = out_of_fold_scores(sentences, labels, l2, seed)
    threshold = best_threshold(scores, labels)
    return threshold, evaluate(scores, labels, threshold)


def identity_metrics(sentences: Sequence[Sentence], labels: Sequence[int]) -> Metrics:
    """The classifier alone, scored through the pipeline's claims, at its CV-best threshold."""
    scores = [sentence_score(IDENTITY, s) for s in sentences]
    return evaluate(scores, labels, best_threshold(scores, labels))


def beats(candidate: Metrics, baseline: Metrics) -> bool:
    """Better out of fold: no worse on F1 and AP, and better on one of them."""
    f1, ap = candidate.f1 - baseline.f1, candidate.average_precision - baseline.average_precision
    return f1 >= 0.0 and ap >= 0.0 and (f1 > 0.0 or ap > 0.0)


def shipped_combination(weights: dict[str, float], classifier_threshold: float) -> dict[str, float]:
    """The weights for the shipped classifier's logit, whose own threshold is in its bias."""
    shift = math.log(classifier_threshold / (1.0 - classifier_threshold))
    out = dict(weights)
    out[BIAS] = _round(weights.get(BIAS, 0.0) + weights.get(LOGIT, 0.0) * shift)
    return out


def without_facts(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences with their claims' facts dropped: the combination is then Platt scaling."""
    return [
        Sentence(s.logit, tuple((z, {}) for z, _ in s.claims), s.forced, s.floored)
        for s in sentences
    ]


def out_of_fold_scores(
    sentences: Sequence[Sentence], labels: Sequence[int], l2: float, seed: int = SEED
) -> list[float]:
    """Each training sentence's combined score from weights fitted on the other folds."""
    scores = [0.0] * len(sentences)
    for held in cv_folds(len(sentences), seed):
        held_set = set(held)
        train_idx = [i for i in range(len(sentences)) if i not in held_set]
        weights = fit_combination(
            [sentences[i] for i in train_idx], [labels[i] for i in train_idx], l2
        )
        for i in held:
            scores[i] = sentence_score(weights, sentences[i])
    return scores


def emission_threshold(
    sentences: Sequence[Sentence], scores: Sequence[float], labels: Sequence[int]
) -> tuple[float, float, Metrics]:
    """The gate's threshold and floor with the best out-of-fold F1.

    Forced sentences are flagged whatever their score, floored ones from the floor (at most the
    threshold) up. Ties go to the lower threshold, then the lower floor (more figures kept); the
    metrics are the flags' (any claim) and the scores' AP.
    """
    z = np.array(scores, dtype=np.float64)
    y = np.array(labels, dtype=np.float64)
    forced = np.array([s.forced for s in sentences])
    floored = np.array([s.floored and not s.forced for s in sentences])
    best: tuple[float, int, int] = (-1.0, 50, 0)
    for step in range(5, 96):
        for low in range(step + 1):
            f1 = _f1(forced | (z >= step / 100) | (floored & (z >= low / 100)), y)
            if f1 > best[0]:
                best = (f1, step, low)
    t, floor = best[1] / 100, best[2] / 100
    flags = [float(f) for f in forced | (z >= t) | (floored & (z >= floor))]
    precision, recall, f1 = prf(flags, labels, 0.5)
    ranked = [s * flag for s, flag in zip(scores, flags, strict=True)]  # no claim ranks as 0
    return t, floor, Metrics(precision, recall, f1, average_precision(ranked, labels), len(labels))


def _f1(flags: NDArray[np.bool_], labels: FloatArray) -> float:
    """F1 of boolean flags against 0/1 labels."""
    tp = float(labels[flags].sum())
    predicted, actual = float(flags.sum()), float(labels.sum())
    return 2 * tp / (predicted + actual) if predicted + actual else 0.0


def with_threshold(model: Model, threshold: float) -> Model:
    """Fold a decision threshold into the bias, so 0.5 becomes the default threshold."""
    shift = math.log(threshold / (1.0 - threshold))
    return Model(model.idf, model.weights, _round(model.bias - shift), 0.5, model.combination)


def prf(scores: Sequence[float], labels: Sequence[int], threshold: float) -> tuple[float, ...]:
    """Precision, recall, F1 of the positive class at a threshold."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y == 1)
    predicted = sum(1 for s in scores if s >= threshold)
    actual = sum(labels)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Mean precision at each positive, ranking by score (ties by position: stable)."""
    ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    for rank, i in enumerate(ranked, start=1):
        if labels[i] == 1:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def evaluate(scores: Sequence[float], labels: Sequence[int], threshold: float = 0.5) -> Metrics:
    """Metrics of a ranking against gold labels."""
    precision, recall, f1 = prf(scores, labels, threshold)
    return Metrics(precision, recall, f1, average_precision(scores, labels), len(labels))


def pipeline_claims(examples: Sequence[Example], *, gate: bool = True) -> list[tuple[Claim, ...]]:
    """The claims the real pipeline takes from each sentence run as a one-sentence article.

    ``gate=False``: every candidate, scored, before the emission gate.
    """
    from pipeline.run.runner import Settings, process_articles

    articles = [Article(id=str(e.id), text=e.text) for e in examples]
    found: list[tuple[Claim, ...]] = []
    for outcome in process_articles(articles, Settings(gate=gate)):
        found.append(outcome.claims if isinstance(outcome, ArticleResult) else ())
    return found


def pipeline_sentence_scores(examples: Sequence[Example], model: Model) -> list[float]:
    """Each sentence's score as the pipeline assigns it: its best claim, or the no-claim score."""
    from pipeline.rank.features import logit
    from pipeline.rank.model import combine
    from pipeline.training.parse import parse_texts

    claims = pipeline_claims(examples)
    docs = parse_texts([e.text for e in examples])
    return [
        max(c.checkworthiness or 0.0 for c in found)
        if found
        else combine(model, logit(model, doc), {NO_CLAIM: 1.0})
        for found, doc in zip(claims, docs, strict=True)
    ]
