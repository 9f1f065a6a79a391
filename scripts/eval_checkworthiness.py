"""Print check-worthiness and claim-level figures: ClaimBuster's held-out fifth and QuanTemp dev.

Skips cleanly when ../shared is absent. Lines, tab-separated (set, metric, figure):

- the classifier alone on the held-out fifth (the one training never sees), each sentence parsed
  by the lean parse and scored at the classifier's own CV threshold;
- claim level on the same fifth: each sentence runs through ``claims extract`` as a one-sentence
  article; it is flagged when at least one claim is emitted (precision, recall, F1) and ranked by
  its best claim's score, no claim ranking as 0 (average precision);
- QuanTemp dev: claim recall (claims a fact-checker checked that yield a claim) and number
  coverage (their numbers that are quantities or dates, covered by a mention of a claim).
``--misses`` also prints each QuanTemp claim without a claim or with an uncovered number.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.training.checkworthiness import evaluate, load_examples, split

DATA = Path("../shared/data/claimbuster/claimbuster-train.json")
QUANTEMP = Path("../shared/data/quantemp-dev/claims.jsonl")
HELD_OUT = "claimbuster held-out fifth"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--quantemp", type=Path, default=QUANTEMP)
    parser.add_argument("--misses", action="store_true", help="list QuanTemp misses")
    args = parser.parse_args(argv)
    from pipeline.training.claim_eval import (
        claim_level,
        coverage,
        load_quantemp,
        run_pipeline,
        uncovered,
    )
    from pipeline.training.parse import score_texts

    if args.data.exists():
        _, heldout = split(load_examples(args.data))
        scores = list(score_texts([e.text for e in heldout]))
        labels = [e.label for e in heldout]
        alone = evaluate(scores, labels).line("classifier alone")
        print(f"{HELD_OUT}\tcheck-worthiness, classifier alone\t{alone}")
        found = run_pipeline([(str(e.id), e.text) for e in heldout])
        gated = claim_level(heldout, found).line("claims extract, a sentence with a claim")
        print(f"{HELD_OUT}\tclaim level (emitted claims)\t{gated}")
    else:
        print(f"{HELD_OUT}\tskipped\t{args.data} is absent")
    if args.quantemp.exists():
        claims = load_quantemp(args.quantemp)
        found = run_pipeline([(c.id, c.text) for c in claims])
        print(f"quantemp-dev\tclaims extract\t{coverage([c.text for c in claims], found).line()}")
        for claim, emitted in zip(claims, found, strict=True) if args.misses else ():
            missing = uncovered(claim.text, emitted)
            if not emitted or missing:
                what = "no claim" if not emitted else "uncovered " + ", ".join(missing)
                print(f"  {claim.id} ({what}): {claim.text}")
    else:
        print(f"quantemp-dev\tskipped\t{args.quantemp} is absent")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
