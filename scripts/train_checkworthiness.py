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
from pathlib import Path

from pipeline.nlp.compose import load_parse
from pipeline.rank.features import features, score_docs
from pipeline.rank.model import IDENTITY, MODEL_DIR, Model, sigmoid
from pipeline.rank.ranking import claim_facts
from pipeline.training.checkworthiness import (
    COMBINATION_L2,
    Sentence,
    beats,
    best_threshold,
    cross_validate_combination,
    evaluate,
    fit,
    fit_combination,
    identity_metrics,
    load_examples,
    out_of_fold,
    pipeline_claims,
    shipped_combination,
    split,
    with_threshold,
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
    claims = pipeline_claims(train)
    # A one-sentence article's offsets are offsets into the sentence, so its lean parse has them.
    spans = [
        [features(doc.char_span(c.start, c.end, alignment_mode="expand") or doc[0:0]) for c in cs]
        for doc, cs in zip(train_docs, claims, strict=True)
    ]
    logits, span_logits = out_of_fold(feats, labels, spans)
    scores = [sigmoid(z) for z in logits]
    threshold = best_threshold(scores, labels)
    print(evaluate(scores, labels, threshold).line("5-fold CV out-of-fold, training part"))
    sentences = [
        Sentence(z, tuple((cz, claim_facts(c)) for cz, c in zip(zs, cs, strict=True)))
        for z, zs, cs in zip(logits, span_logits, claims, strict=True)
    ]
    alone = identity_metrics(sentences, labels)
    print(alone.line("CV, classifier alone through the pipeline's claims"))
    tried = [(l2, *cross_validate_combination(sentences, labels, l2)) for l2 in COMBINATION_L2]
    for l2, _, metrics in tried:
        print(metrics.line(f"CV, combined with the claims' facts, L2 {l2:g}"))
    l2, combination_threshold, best = max(tried, key=lambda t: (t[2].f1, t[2].average_precision))
    fitted = fit_combination(sentences, labels, l2)
    print("fitted combination (raw logit scale): " + json.dumps(fitted, sort_keys=True))
    if beats(best, alone):
        combination = shipped_combination(fitted, threshold, combination_threshold)
        print(f"combination shipped: L2 {l2:g}, CV threshold {combination_threshold:.2f}")
    else:
        combination = dict(IDENTITY)
        print("combination not shipped: it does not beat the classifier alone out of fold")
    classifier = with_threshold(fit(feats, labels), threshold)
    model = Model(classifier.idf, classifier.weights, classifier.bias, 0.5, combination)
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


if __name__ == "__main__":
    sys.exit(main())
