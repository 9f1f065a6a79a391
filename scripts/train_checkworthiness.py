"""Train the check-worthiness model on four fifths of ClaimBuster and ship it in models/.

Usage: python scripts/train_checkworthiness.py [--data PATH] [--out DIR]
Sentences are parsed by the pipeline's own lean parse (base model + ``make_lean``), the parse the
claims are scored on. Reproducible: fixed seeds, full-batch training, no sampling (a retrain writes
a byte-identical model file); prints the held-out line at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

from pipeline.checkworthiness import MODEL_DIR, features, score_docs
from pipeline.checkworthiness_train import (
    cross_validate,
    evaluate,
    fit,
    load_examples,
    split,
    with_threshold,
)
from pipeline.morphology import make_lean
from pipeline.nlp import DEFAULT_MODEL

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
    nlp = spacy.load(DEFAULT_MODEL)
    make_lean(nlp)  # train on the parse the pipeline scores claims on
    train_docs = list(nlp.pipe([e.text for e in train], batch_size=256))
    feats = [features(doc) for doc in train_docs]
    labels = [e.label for e in train]
    threshold, cv = cross_validate(feats, labels)
    print(cv.line("5-fold CV out-of-fold, training part"))
    model = with_threshold(fit(feats, labels), threshold)
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
