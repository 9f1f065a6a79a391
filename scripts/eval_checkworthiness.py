"""Print one line: check-worthiness precision, recall, F1 and average precision, held-out fifth.

Skips cleanly when ../shared is absent. The held-out fifth is the one training never sees. When
the shipped model combines the classifier with the pipeline's facts, each sentence runs through
the real pipeline as a one-sentence article and gets what the pipeline assigns (its best claim,
or the no-claim score); when training found the combination no better than the classifier alone
(the identity combination), each sentence is parsed by the lean parse and scored by the
classifier (``score_texts``). ``--pipeline`` forces the pipeline route.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.training.checkworthiness import evaluate, load_examples, split

DATA = Path("../shared/data/claimbuster/claimbuster-train.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--pipeline", action="store_true", help="score through the pipeline")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"checkworthiness: skipped ({args.data} is absent)")
        return 0
    from pipeline.rank.model import IDENTITY, load_model
    from pipeline.training.checkworthiness import pipeline_sentence_scores
    from pipeline.training.parse import score_texts

    _, heldout = split(load_examples(args.data))
    model = load_model()
    if args.pipeline or model.combination != IDENTITY:
        scores = pipeline_sentence_scores(heldout, model)
        what = "held-out, through the pipeline"
    else:
        scores = list(score_texts([e.text for e in heldout]))
        what = "held-out, classifier alone"
    print(evaluate(scores, [e.label for e in heldout]).line(what))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
