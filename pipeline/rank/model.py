"""Check-worthiness: a shipped linear text classifier plus what the pipeline knows about a claim.

The model (``models/checkworthiness/model.json``, trained by
``scripts/train_checkworthiness.py``) is a logistic scorer over sublinear TF-IDF
features of a span as the pipeline's own lean parse leaves it (``pipeline.nlp.compose.build_nlp``:
base model plus ``pipeline.nlp.morphology.make_lean``): words, word bigrams, words with their POS,
the lemmas the lean parse sets (verbs, auxiliaries, nouns), the root's lemma with its tag and its
subject (a pronoun, an entity type), head-dependent lemma pairs of a few arcs, the sentence's
first one to three words, fine tags and tag bigrams, coarse POS trigrams, entity types,
dependency labels, digit shapes and pairs of sentence cues (a number, a past-tense verb, a modal,
a pronoun, an entity type... together), and of such a cue with a verb's or noun's lemma. The
pipeline scores each claim on its article's Doc, with no second parse, through
``pipeline.rank.doc_features``: the value of ``logit`` from integer keys, at a fraction of its
cost. Scoring is an exactly rounded sum (``math.fsum``) in Python floats, so the same span gets
the same score on every machine.

A claim's check-worthiness then combines that logit with what the pipeline found in the claim
(``pipeline.rank.ranking.claim_facts``: a checkworthy figure, a resolved date, a named source, its
type...) by the model's ``combination`` weights, fitted by cross-validation on the training part
(``pipeline.training.checkworthiness.fit_combination``); training ships them only when they beat the
classifier alone out of fold, and the identity ``{"logit": 1}`` otherwise.
"""


from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.assets import MODELS_DIR

MODEL_DIR = MODELS_DIR / "checkworthiness"
SCHEMA = "checkworthiness/1"
DECIMALS = 6  # rounded so output is byte-identical across machines, fine enough to order a queue

# A figure the article itself contradicts must be checked first. Not fitted: a one-sentence
# ClaimBuster item never carries a failed check (0 of the training part's claims), so the data
# cannot weigh it; 2.5 on the logit scale lifts a 0.5 claim to 0.92.
FAILED_CHECK_BONUS = 2.5
LOGIT_CLAMP = 12.0
LOGIT = "logit"  # the combination's term for the classifier's own logit
BIAS = "bias"
NO_CLAIM = "no_claim"  # the term of a sentence the pipeline takes no claim from (evaluation)
IDENTITY = {LOGIT: 1.0}


@dataclass(frozen=True, slots=True)
class Model:
    """A linear scorer (IDF, weight per feature, bias), its combination weights and gate levels."""

    idf: dict[str, float]
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    combination: dict[str, float] = field(default_factory=lambda: dict(IDENTITY))
    floor: float = 0.0  # the gate's level for a figure stated in its speaker's first person
    # Per feature (IDF, IDF x weight), derived once so that scoring does one lookup per feature.
    table: dict[str, tuple[float, float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = {f: (v, v * self.weights.get(f, 0.0)) for f, v in self.idf.items()}
        object.__setattr__(self, "table", table)

    def to_dict(self) -> dict[str, Any]:
        features = sorted(self.idf)
        return {
            "schema": SCHEMA,
            "bias": self.bias,
            "threshold": self.threshold,
            "floor": self.floor,
            "combination": [[term, self.combination[term]] for term in sorted(self.combination)],
            "features": [[f, self.idf[f], self.weights.get(f, 0.0)] for f in features],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} model: schema {data.get('schema')!r}")
        idf: dict[str, float] = {}
        weights: dict[str, float] = {}
        for name, feature_idf, weight in data["features"]:
            idf[name] = float(feature_idf)
            if weight:
                weights[name] = float(weight)
        combination = {str(t): float(w) for t, w in data.get("combination", IDENTITY.items())}
        threshold = float(data.get("threshold", 0.5))
        floor = float(data.get("floor", 0.0))
        return cls(idf, weights, float(data["bias"]), threshold, combination, floor)


def sigmoid(z: float) -> float:
    z = max(-LOGIT_CLAMP, min(LOGIT_CLAMP, z))
    return 1.0 / (1.0 + math.exp(-z))


@cache
def load_model(model_dir: str = str(MODEL_DIR)) -> Model:
    """The shipped model, read once per process."""
    path = Path(model_dir) / "model.json"
    with path.open(encoding="utf-8") as handle:
        return Model.from_dict(json.load(handle))


def combined_logit(
    weights: Mapping[str, float], model_logit: float, facts: Mapping[str, float]
) -> float:
    """The combination's logit: weighted classifier logit, bias and facts, summed in fixed order."""
    terms = [weights.get(LOGIT, 0.0) * model_logit, weights.get(BIAS, 0.0)]
    terms += [weights[name] * facts[name] for name in sorted(facts) if name in weights]
    return math.fsum(terms)


def combine(
    model: Model, model_logit: float, facts: Mapping[str, float], *, failed_check: bool = False
) -> float:
    """The claim's check-worthiness: the classifier's logit and the claim's facts, combined."""
    z = combined_logit(model.combination, model_logit, facts)
    return round(sigmoid(z + FAILED_CHECK_BONUS if failed_check else z), DECIMALS)
