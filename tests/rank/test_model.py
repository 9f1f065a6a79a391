"""Check-worthiness at run time: the shipped model on the lean parse, features, combination."""

from __future__ import annotations

import math

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import Article, ArticleResult, Claim
from pipeline.rank.features import cues, features, logit, score_spans, vectorize
from pipeline.rank.model import (
    BIAS,
    DECIMALS,
    FAILED_CHECK_BONUS,
    IDENTITY,
    LOGIT,
    LOGIT_CLAMP,
    NO_CLAIM,
    Model,
    combine,
    combined_logit,
    load_model,
)
from pipeline.rank.ranking import claim_facts, failed_check
from pipeline.run.runner import Settings, process_articles
from pipeline.training.parse import score_texts
from tests.conftest import ROOT

SHARED = ROOT.parent / "shared"
SEED_ARTICLE = ROOT / "corpus" / "000_e8c7711d66f6db41.txt"


# Sentences of the seed article: its statistic sentences (the inconsistent one first)...
STATISTICS = [
    "The value of USA goods exported to Korea fell 0.03 percent from $43.5 billion in 2011 "
    "to $42.3 billion in 2016, the report said.",
    "United States figures indicate its goods deficit with South Korea was US$27.7 billion "
    "(S$37.7 billion) previous year.",
    "In 2016, South Korea's vehicle exports to the United States stood at $16.2 billion, while "
    "its imports of USA cars were $1.74 billion, a trade ministry official said based on data "
    "from the Korea Trade International Association.",
]
# ...and sentences with nothing to check.
NOTHING_TO_CHECK = [
    "But the USA sees it as one of the main reasons for the trade imbalance.",
    "South Korea also believes that the FTA is not the cause of the US trade imbalance, and "
    "that other, complex factors in the global economy are to blame.",
    '"I think it\'s better that we maintain the agreement because it\'s a win-win", said Kim '
    "during his meeting with the Ministry of SMEs.",
]


@pytest.fixture(scope="module")
def seed_doc(lean_nlp: Language) -> Doc:
    return lean_nlp(SEED_ARTICLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_scores(seed_doc: Doc) -> dict[str, float]:
    """Each seed sentence scored as the pipeline scores it: a span of the article's Doc."""
    texts = STATISTICS + NOTHING_TO_CHECK
    spans = []
    for text in texts:
        start = seed_doc.text.index(text)
        span = seed_doc.char_span(start, start + len(text), alignment_mode="expand")
        assert span is not None
        spans.append(span)
    return dict(zip(texts, score_spans(spans), strict=True))


@pytest.mark.parametrize(
    ("text", "worthy"),
    [
        *[(t, True) for t in STATISTICS],
        ("Unemployment rose to 9.8 percent in November, the highest rate since 1983.", True),
        ("We have lost 700,000 manufacturing jobs since the president took office.", True),
        ("I think it's better that we maintain the agreement.", False),
        ("Thank you all for coming tonight.", False),
        ("What would you do about it?", False),
    ],
)
def test_model_separates_claims_from_opinion(text: str, worthy: bool) -> None:
    (score,) = score_texts([text])
    assert (score >= 0.5) is worthy


def test_seed_statistics_outrank_sentences_with_nothing_to_check(
    seed_scores: dict[str, float],
) -> None:
    lowest_statistic = min(seed_scores[t] for t in STATISTICS)
    assert all(seed_scores[t] < lowest_statistic for t in NOTHING_TO_CHECK)
    assert all(seed_scores[t] >= 0.5 for t in STATISTICS)


def test_a_span_in_its_article_scores_like_the_sentence_alone(
    seed_scores: dict[str, float],
) -> None:
    alone = dict(zip(seed_scores, score_texts(list(seed_scores)), strict=True))
    for text, score in seed_scores.items():
        assert (score >= 0.5) == (alone[text] >= 0.5)
        assert abs(score - alone[text]) < 0.15


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Exports fell 3 percent in 2016.", ["root:fall", "l:export", "s:dddd", "e:PERCENT"],
         ["l:in"]),
        ("Is it true?", ["Q?", "root:be"], []),
    ],
)
def test_features_come_from_the_lean_parse(
    lean_nlp: Language, text: str, present: list[str], absent: list[str]
) -> None:
    got = features(lean_nlp(text))
    assert all(f in got for f in present)
    assert not any(f in got for f in absent)
    assert not any(f.startswith("m:") for f in got)  # the lean parse leaves morphology empty


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Unemployment rose to 9.8 percent last year.", ["num", "past", "ent:PERCENT"],
         ["present", "Q"]),
        ("I will never raise your taxes.", ["md:will", "pr:i", "neg"], ["num", "past"]),
        ("Is this the largest deficit we have ever had?", ["Q", "superlative", "pr:we"],
         ["num"]),
        ("Our schools are doing better than theirs, and seven states agree.",
         ["comparative", "present", "num"], ["past", "neg"]),
    ],
)
def test_cues_say_what_kind_of_statement_a_sentence_is(
    lean_nlp: Language, text: str, present: list[str], absent: list[str]
) -> None:
    got = cues(lean_nlp(text))
    assert got == sorted(got)
    assert all(c in got for c in present)
    assert not any(c in got for c in absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("We lost 700,000 jobs in 2009.",
         ["^1:we", "^2:we_lost", "^3:we_lost_700,000", "sub:we&VBD", "rt:lose&VBD",
          "a:dobj:lose>job", "a:nummod:job>700,000", "wt:jobs/NOUN"], ["^1:."]),
        ("Well, I think the senator is wrong.",
         ["^2:well_i", "sub:i&VBP", "a:nsubj:think>i", "wt:well/INTJ"], ["^2:well_,", "sub:we"]),
        ("She cut the budget by 12 percent.",
         ["sub:she&VBD", "a:dobj:cut>budget", "a:pobj:by>percent"], ["sub:she&VBP"]),
    ],
)
def test_features_say_how_a_sentence_opens_and_who_did_what(
    lean_nlp: Language, text: str, present: list[str], absent: list[str]
) -> None:
    got = features(lean_nlp(text))
    assert all(f in got for f in present), [f for f in present if f not in got]
    assert not any(f in got for f in absent)


def test_a_span_scores_as_its_tf_idf_vector(lean_nlp: Language) -> None:
    """The one-lookup scorer equals the bias plus the TF-IDF vector times the weights."""
    model = load_model()
    for text in [*STATISTICS, *NOTHING_TO_CHECK, "Jobs, jobs, jobs: we added 40,000 jobs."]:
        feats = features(lean_nlp(text))
        vector = vectorize(feats, model.idf)
        expected = model.bias + math.fsum(v * model.weights.get(f, 0.0) for f, v in vector)
        assert logit(model, lean_nlp(text)) == pytest.approx(expected, abs=1e-12)


def test_cue_pairs_are_features(lean_nlp: Language) -> None:
    got = features(lean_nlp("We lost 700,000 jobs in 2009."))
    assert "x:num&past" in got
    assert "x:ent:DATE&num" in got
    assert "xl:num&job" in got and "xl:past&lose" in got
    assert not any(f.startswith("xl:ent:") for f in got)  # only some cues pair with lemmas
    pairs = [f for f in got if f.startswith("x:")]
    assert len(pairs) == len(set(pairs))


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_seed_ranking_after_combining_puts_the_inconsistent_figure_first(
    seed_scores: dict[str, float],
) -> None:
    model = load_model()
    combined = {
        t: combine(model, _logit(s), {"quantity": 1.0} if t in STATISTICS else {},
                   failed_check=t == STATISTICS[0])
        for t, s in seed_scores.items()
    }
    ranking = sorted(combined, key=lambda t: (-combined[t], t))
    assert ranking[0] == STATISTICS[0]
    assert set(ranking[: len(STATISTICS)]) == set(STATISTICS)
    assert combined[STATISTICS[0]] > seed_scores[STATISTICS[0]]  # the failed check lifts it


def _claims_of(nlp: Language, text: str) -> tuple[Claim, ...]:
    """The candidate claims (ungated) of one sentence run as a one-sentence article."""
    (result,) = process_articles([Article(id="t", text=text)], Settings(gate=False), nlp)
    assert isinstance(result, ArticleResult)
    return result.claims


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Unemployment rose to 9.8 percent in November 2009, the Labor Department said.",
         ["quantity", "resolved_date", "named_source", "attribution", "entity"], []),
        ("Exports fell 3 percent in 2016.", ["quantity", "resolved_date"],
         ["named_source", "attribution"]),
        ("The minister said the talks would resume next week.",
         ["attribution", "type:prediction"], ["quantity", "check"]),
        ("Exports fell 10 percent from $50 billion in 2011 to $40 billion in 2016.",
         ["quantity", "check"], ["attribution"]),
    ],
)
def test_claim_facts_say_what_the_pipeline_found(
    claims_nlp: Language, text: str, present: list[str], absent: list[str]
) -> None:
    claims = _claims_of(claims_nlp, text)
    assert claims
    facts = claim_facts(claims[0])
    assert all(facts.get(name) == 1.0 for name in present), facts
    assert not any(name in facts for name in absent), facts
    assert [name for name in facts if name.startswith("type:")] == ["type:" + claims[0].type]
    assert list(facts) == sorted(facts)


@pytest.mark.parametrize(
    ("text", "failed"),
    [
        ("Exports fell 0.03 percent from $43.5 billion in 2011 to $42.3 billion in 2016.", True),
        ("Exports fell 20 percent from $50 billion in 2011 to $40 billion in 2016.", False),
    ],
)
def test_failed_check(claims_nlp: Language, text: str, failed: bool) -> None:
    assert any(failed_check(c) for c in _claims_of(claims_nlp, text)) is failed


def test_seed_claims_ranked_with_the_inconsistent_figure_first(
    seed_result: ArticleResult,
) -> None:
    claims = seed_result.claims
    figures = [c for c in claims if c.type in ("statistic", "change")]
    best = max(figures, key=lambda c: (c.checkworthiness or 0.0, -c.start))
    assert "fell 0.03 percent" in best.text and failed_check(best)
    # The quote is kept for its named speaker, ranked below every figure; the stated belief
    # scores under the emission threshold and is not emitted.
    opinion = [c for c in claims if "win-win" in c.text]
    assert len(opinion) == 1
    assert not [c for c in claims if "is not the cause of" in c.text]
    lowest_figure = min(c.checkworthiness or 0.0 for c in figures)
    assert all((c.checkworthiness or 0.0) < min(lowest_figure, 0.5) for c in opinion)
    assert all(c.checkworthiness is not None and 0.0 <= c.checkworthiness <= 1.0 for c in claims)


def test_scores_are_rounded_and_repeatable() -> None:
    texts = [*STATISTICS, *NOTHING_TO_CHECK]
    first = score_texts(texts)
    assert score_texts(list(reversed(texts))) == tuple(reversed(first))
    assert all(0.0 <= s <= 1.0 and round(s, DECIMALS) == s for s in first)


FITTED = {LOGIT: 1.5, BIAS: -0.5, "quantity": 0.75, NO_CLAIM: -0.25}


@pytest.mark.parametrize(
    ("weights", "z", "facts", "failed", "expected"),
    [
        (IDENTITY, 0.0, {}, False, 0.5),
        (IDENTITY, 0.0, {"quantity": 1.0}, False, 0.5),  # the identity weighs no fact
        (IDENTITY, 0.0, {}, True, round(1 / (1 + math.exp(-FAILED_CHECK_BONUS)), DECIMALS)),
        (FITTED, 1.0, {}, False, round(1 / (1 + math.exp(-1.0)), DECIMALS)),
        (FITTED, 1.0, {"quantity": 1.0, "entity": 1.0}, False,
         round(1 / (1 + math.exp(-1.75)), DECIMALS)),  # unknown facts weigh nothing
        (FITTED, 0.0, {NO_CLAIM: 1.0}, False, round(1 / (1 + math.exp(0.75)), DECIMALS)),
        # clamped: even a huge logit keeps a score a queue can still order below 1
        (IDENTITY, 40.0, {}, False, round(1 / (1 + math.exp(-LOGIT_CLAMP)), DECIMALS)),
        (IDENTITY, -40.0, {}, False, round(1 / (1 + math.exp(LOGIT_CLAMP)), DECIMALS)),
    ],
)
def test_combine_weighs_the_logit_and_the_facts(
    weights: dict[str, float], z: float, facts: dict[str, float], failed: bool, expected: float
) -> None:
    model = Model({}, {}, 0.0, 0.5, weights)
    assert combine(model, z, facts, failed_check=failed) == expected


@pytest.mark.parametrize("z", [-3.0, -0.5, 0.0, 0.4, 2.0])
def test_combine_is_monotonic_in_the_logit_and_a_failed_check(z: float) -> None:
    model = Model({}, {}, 0.0, 0.5, FITTED)
    assert combine(model, z + 0.5, {}) > combine(model, z, {})
    assert combine(model, z, {}, failed_check=True) > combine(model, z, {"quantity": 1.0})


def test_combined_logit_sums_in_a_fixed_order() -> None:
    facts = {"quantity": 1.0, NO_CLAIM: 1.0}
    backwards = dict(reversed(facts.items()))
    assert combined_logit(FITTED, 2.0, facts) == combined_logit(FITTED, 2.0, backwards)
    assert combined_logit(FITTED, 2.0, facts) == pytest.approx(3.0 - 0.5 + 0.75 - 0.25)


def test_shipped_model_round_trips() -> None:
    model = load_model()
    assert 0.05 <= model.threshold <= 0.95  # the gate's threshold, chosen by CV in training
    assert 0.0 <= model.floor <= model.threshold  # first-person figures: never above it
    assert Model.from_dict(model.to_dict()) == model
    assert model.combination.get(LOGIT, 0.0) > 0.0  # the classifier always counts
    with_facts = Model({"w:a": 1.0}, {"w:a": 0.5}, 0.1, 0.5, FITTED)
    assert Model.from_dict(with_facts.to_dict()) == with_facts


def test_a_model_file_without_a_combination_reads_as_the_classifier_alone() -> None:
    data = Model({"w:a": 1.0}, {"w:a": 0.5}, 0.1).to_dict()
    del data["combination"]
    assert Model.from_dict(data).combination == IDENTITY


def test_a_model_file_without_a_floor_keeps_every_figure() -> None:
    data = Model({"w:a": 1.0}, {"w:a": 0.5}, 0.1, 0.4, floor=0.3).to_dict()
    assert Model.from_dict(data).floor == 0.3
    del data["floor"]
    assert Model.from_dict(data).floor == 0.0


@pytest.mark.parametrize(
    ("features", "expected"),
    [
        (["w:a", "w:a", "w:b"], [("w:a", (1 + math.log(2)) / math.sqrt((1 + math.log(2)) ** 2 + 4)),
                                 ("w:b", 2 / math.sqrt((1 + math.log(2)) ** 2 + 4))]),
        (["w:unknown"], []),
    ],
)
def test_vectorize_is_sublinear_tfidf(
    features: list[str], expected: list[tuple[str, float]]
) -> None:
    got = vectorize(features, {"w:a": 1.0, "w:b": 2.0})
    assert [k for k, _ in got] == [k for k, _ in expected]
    assert [v for _, v in got] == pytest.approx([v for _, v in expected])
