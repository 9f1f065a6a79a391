"""Train the check-worthiness model on four fifths of ClaimBuster and ship it in models/.

Usage: python scripts/train_checkworthiness.py [--data PATH] [--out DIR]
Sentences are parsed by the pipeline's own parse (``pipeline.nlp.compose.load_parse``), the
parse the claims are scored on, and run through the real pipeline as one-sentence articles for
the facts the combination weighs. Reproducible: fixed seeds, full-batch training, no sampling
(a retrain writes a byte-identical model file); prints the CV figures and the held-out
classifier line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc, Span

from pipeline.nlp.compose import load_parse
from pipeline.rank.features import features, score_docs
from pipeline.rank.gate import floored, forced, is_fragment
from pipeline.rank.model import MODEL_DIR, Model, sigmoid
from pipeline.rank.ranking import claim_facts
from pipeline.training.checkworthiness import (
    COMBINATION_L2,
    Metrics,
    Sentence,
    beats,
    best_threshold,
    cross_validate_combination,
    emission_threshold,
    evaluate,
    fit,
    fit_combination,
    identity_metrics,
    load_examples,
    out_of_fold,
    out_of_fold_scores,
    pipeline_claims,
    shipped_combination,
    split,
    with_threshold,
    without_facts,
)

DATA = Path("../shared/data/claimbuster/claimbuster-train.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"checkworthiness: skipped ({args.data} is absent)")
        return 0
    started = time.monotonic()
    train, heldout = split(load_examples(args.data))
    nlp = load_parse()  # train on the parse the pipeline scores claims on
    train_docs = list(nlp.pipe([e.text for e in train], batch_size=256))
    feats = [features(doc) for doc in train_docs]
    labels = [e.label for e in train]
    claims = pipeline_claims(train, gate=False)
    # A one-sentence article's offsets are offsets into the sentence, so its lean parse has them.
    kept = [
        [(c, span) for c in cs if not is_fragment(span := _span(doc, c.start, c.end))]
        for doc, cs in zip(train_docs, claims, strict=True)
    ]
    spans = [[features(span) for _, span in ks] for ks in kept]
    logits, span_logits = out_of_fold(feats, labels, spans)
    scores = [sigmoid(z) for z in logits]
    threshold = best_threshold(scores, labels)
    print(evaluate(scores, labels, threshold).line("5-fold CV out-of-fold, training part"))
    with_facts = [
        Sentence(
            z,
            tuple((cz, claim_facts(c)) for cz, (c, _) in zip(zs, ks, strict=True)),
            any(forced(c) and not floored(c, span) for c, span in ks),
            any(forced(c) and floored(c, span) for c, span in ks),
        )
        for z, zs, ks in zip(logits, span_logits, kept, strict=True)
    ]
    platt = without_facts(with_facts)
    alone = identity_metrics(with_facts, labels)
    print(alone.line("CV, classifier alone through the pipeline's candidates"))
    tried = []
    for name, sentences in (("Platt scaling", platt), ("with the claims' facts", with_facts)):
        for l2 in COMBINATION_L2:
            metrics = cross_validate_combination(sentences, labels, l2)[1]
            print(metrics.line(f"CV, {name}, L2 {l2:g}"))
            tried.append((metrics, l2, name, sentences))
    best_platt = max((t for t in tried if t[3] is platt), key=lambda t: _rank(t[0]))
    best_facts = max((t for t in tried if t[3] is with_facts), key=lambda t: _rank(t[0]))
    _, l2, name, chosen = best_facts if beats(best_facts[0], best_platt[0]) else best_platt
    fitted = fit_combination(chosen, labels, l2)
    print(f"combination shipped: {name}, L2 {l2:g}: " + json.dumps(fitted, sort_keys=True))
    oof = out_of_fold_scores(chosen, labels, l2)
    emission, floor, gated = emission_threshold(chosen, oof, labels)
    print(gated.line(f"CV, the gate at {emission:.2f}, first-person figures from {floor:.2f}"))
    all_forced = [replace(s, forced=s.forced or s.floored, floored=False) for s in chosen]
    every = emission_threshold(all_forced, oof, labels)
    print(every[2].line(f"CV, the gate at {every[0]:.2f}, every figure kept"))
    combination = shipped_combination(fitted, threshold)
    classifier = with_threshold(fit(feats, labels), threshold)
    model = Model(
        classifier.idf, classifier.weights, classifier.bias, emission, combination, floor
    )
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "model.json"
    with path.open("w", encoding="utf-8") as handle:
        json.dump(model.to_dict(), handle, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")
    elapsed = time.monotonic() - started
    print(
        f"trained on {len(train)} sentences in {elapsed:.0f}s: {len(model.idf)} features, "
        f"CV threshold {threshold:.2f} folded into the bias, {path.stat().st_size} bytes -> {path}"
    )
    held_docs = nlp.pipe([e.text for e in heldout], batch_size=256)
    print(evaluate(score_docs(model, held_docs), [e.label for e in heldout]).line())
    return 0


def _span(doc: Doc, start: int, end: int) -> Span:
    """The tokens of ``[start, end)`` (none when the offsets fall outside the Doc)."""
    return doc.char_span(start, end, alignment_mode="expand") or doc[0:0]


def _rank(metrics: Metrics) -> tuple[float, float]:
    return metrics.f1, metrics.average_precision


if __name__ == "__main__":
    sys.exit(main())
