"""The check-worthiness features of a parsed span, spelled as strings, and its logit from them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.rank.model import DECIMALS, MODEL_DIR, Model, load_model, sigmoid


def _ngrams(items: Sequence[str], n: int) -> list[str]:
    return ["_".join(items[i : i + n]) for i in range(len(items) - n + 1)]


# Fine tags that mark a sentence-level cue: tense, comparison, pronouns (grammar, not word lists).
TAG_CUES = {
    "VBD": "past",
    "VBN": "past",
    "VBP": "present",
    "VBZ": "present",
    "JJR": "comparative",
    "RBR": "comparative",
    "JJS": "superlative",
    "RBS": "superlative",
}


def cues(doc: Doc | Span) -> list[str]:
    """The sentence's cues, sorted: what kind of statement it is, regardless of its words."""
    tokens = list(doc)
    return _cues(tokens, [t.tag_ for t in tokens], doc.text)


# Tags and dependencies that put a cue of their own in the set: modals and pronouns with the
# word itself, negation and clausal complements by name.
WORD_CUE_TAGS = {"MD": "md:", "PRP": "pr:", "PRP$": "pr:"}
DEP_CUES = frozenset({"neg", "ccomp"})


def token_cues(number: bool, tag: str, lower: str, ent_type: str, dep: str) -> tuple[str, ...]:
    """One token's cues: a number, a tense or degree tag, a modal or pronoun, an entity..."""
    found = ["num"] if number else []
    if tag in TAG_CUES:
        found.append(TAG_CUES[tag])
    if tag in WORD_CUE_TAGS:
        found.append(WORD_CUE_TAGS[tag] + lower)
    if ent_type:
        found.append("ent:" + ent_type)
    if dep in DEP_CUES:
        found.append(dep)
    return tuple(found)


def _cues(tokens: Sequence[Token], tags: Sequence[str], text: str) -> list[str]:
    found = {f"len{min(len(tokens) // 8, 4)}"}
    for t, tag in zip(tokens, tags, strict=True):
        number = t.like_num or any(ch.isdigit() for ch in t.text)
        # The word is read only where a cue carries it: each read builds a new string.
        lower = t.lower_ if tag in WORD_CUE_TAGS else ""
        found.update(token_cues(number, tag, lower, t.ent_type_, t.dep_))
    if text.rstrip().endswith("?"):
        found.add("Q")
    return sorted(found)


# Arcs whose (head lemma, dependent lemma) pair says who did what to what (chosen by CV).
ARCS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "amod", "compound", "nummod", "npadvmod"}
)


def features(doc: Doc | Span) -> list[str]:
    """The sparse features of one parsed span (repeats count)."""
    tokens = list(doc)
    lower = [t.lower_ for t in tokens]
    tags = [t.tag_ for t in tokens]
    pos = [t.pos_ for t in tokens]
    deps = [t.dep_ for t in tokens]
    # The lean parse lemmatizes only verbs, auxiliaries and nouns; other lemmas are empty.
    lemmas = [t.lemma_.lower() for t in tokens]
    out = ["w:" + w for w in lower]
    out += ["w2:" + g for g in _ngrams(lower, 2)]
    out += ["wt:" + w + "/" + p for w, p in zip(lower, pos, strict=True)]
    out += ["l:" + lemma for lemma in lemmas if lemma]
    out += ["p:" + t for t in tags]
    out += ["p2:" + g for g in _ngrams(tags, 2)]
    out += ["p3:" + g for g in _ngrams(pos, 3)]
    out += ["e:" + t.ent_type_ for t in tokens if t.ent_type_]
    out += ["d:" + d for d in deps]
    out += ["s:" + t.shape_ for t in tokens if "d" in t.shape_]
    out.append(f"len:{min(len(tokens) // 5, 8)}")
    if doc.text.rstrip().endswith("?"):
        out.append("Q?")
    # How a sentence opens (`I think`, `Well,`, `In 1990`) sets what kind of statement it is.
    words = [w for w, t in zip(lower, tokens, strict=True) if not t.is_punct]
    out += ["^1:" + "_".join(words[:1]), "^2:" + "_".join(words[:2]), "^3:" + "_".join(words[:3])]
    for t, dep, lemma in zip(tokens, deps, lemmas, strict=True):
        if dep == "ROOT":
            out += ["root:" + lemma, "rt:" + (lemma or t.lower_) + "&" + t.tag_]
            out += subjects(t)
        elif dep in ARCS:
            head = t.head
            out.append(f"a:{dep}:{head.lemma_.lower() or head.lower_}>{lemma or t.lower_}")
    # Pairs of cues let a linear model weigh combinations (a figure in the past tense is a
    # claim; a figure after `I will` is a promise) that single features cannot express.
    found = _cues(tokens, tags, doc.text)
    out += ["x:" + a + "&" + b for i, a in enumerate(found) for b in found[i + 1 :]]
    # The same for a content word with the figure, tense, negation, modal or person around it.
    content = sorted({lem for lem, p in zip(lemmas, pos, strict=True) if lem and p in CONTENT_POS})
    out += ["xl:" + c + "&" + lemma for c in found if lemma_cue(c) for lemma in content]
    return out


CONTENT_POS = ("VERB", "NOUN")


def subjects(root: Token) -> list[str]:
    """Who the root's subject is (a pronoun, an entity type or a tag), alone and with the tense."""
    out = []
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            who = child.lower_ if child.tag_ == "PRP" else (child.ent_type_ or child.tag_)
            out += ["sub:" + who, "sub:" + who + "&" + root.tag_]
    return out


def lemma_cue(cue: str) -> bool:
    return cue in ("num", "past", "present", "neg") or cue.startswith(("md:", "pr:"))


def vectorize(feats: Iterable[str], idf: dict[str, float]) -> list[tuple[str, float]]:
    """Sublinear TF-IDF, L2-normalized, over the known features, sorted by feature name."""
    counts = Counter(feats)  # counted in C; unknown features are dropped once each, after
    pairs = [(f, (1.0 + math.log(counts[f])) * idf[f]) for f in sorted(counts) if f in idf]
    norm = math.sqrt(math.fsum(v * v for _, v in pairs))
    return [(f, v / norm) for f, v in pairs] if norm > 0 else []


def logit(model: Model, doc: Doc | Span) -> float:
    """The model's raw score (logit) of one parsed sentence."""
    return logit_of_features(model, features(doc))


def logit_of_features(model: Model, feats: Iterable[str]) -> float:
    """The bias plus the weighted TF-IDF of the features, as ``vectorize`` weighs them."""
    table = model.table
    values: list[float] = []
    weighted: list[float] = []
    for f, count in Counter(feats).items():
        entry = table.get(f)
        if entry is not None:
            tf = 1.0 if count == 1 else 1.0 + math.log(count)
            values.append(tf * entry[0])
            weighted.append(tf * entry[1])
    # fsum is exactly rounded, so the order of the features cannot change the score.
    norm = math.sqrt(math.fsum(v * v for v in values))
    return model.bias + (math.fsum(weighted) / norm if norm > 0 else 0.0)


def score_docs(model: Model, docs: Iterable[Doc | Span]) -> tuple[float, ...]:
    """Probability that each parsed sentence is a check-worthy factual claim, rounded."""
    return tuple(round(sigmoid(logit(model, doc)), DECIMALS) for doc in docs)


def score_spans(
    spans: Sequence[Span | Doc], model_dir: str = str(MODEL_DIR)
) -> tuple[float, ...]:
    """Check-worthiness in [0, 1] of each span of an already parsed Doc, rounded."""
    return score_docs(load_model(model_dir), spans)
