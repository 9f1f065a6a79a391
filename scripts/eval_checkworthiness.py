"""Print check-worthiness and claim-level figures: ClaimBuster's held-out fifth and QuanTemp dev.

Skips cleanly when ../shared is absent. Lines, tab-separated (set, metric, figure):

- the classifier alone on the held-out fifth (the one training never sees), each sentence parsed
  by the lean parse and scored at the classifier's own CV threshold;
- claim level on the same fifth: each sentence runs through ``claims extract`` as a one-sentence
  article; it is flagged when at least one claim is emitted (precision, recall, F1) and ranked by
  its best claim's score, no claim ranking as 0 (average precision); and the sentences flagged
  by the gate but not by the classifier alone, or the reverse, with how many are check-worthy;
- QuanTemp dev: claim recall (claims a fact-checker checked that yield a claim) and number
  coverage (their numbers that are quantities or dates, covered by a mention of a claim). A
  number is one written figure ("700 000", "1/1024", "12/25/2020" count once); numbers of names
  ("COVID-19", "Boeing 757", "9/11", "24/7") and "one" as a pronoun ("one of the questions") are
  not counted: ``pipeline.training.claim_eval`` states the rules.
- Reuters-21578 ``reut2-000.sgm`` through ``claims extract``: claims without a letter or digit,
  and claims whose words all lie inside another claim (both should be 0).
``--misses`` also prints each QuanTemp claim without a claim or with an uncovered number.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from pipeline.training.checkworthiness import evaluate, load_examples, split

DATA = Path("../shared/data/claimbuster/claimbuster-train.json")
QUANTEMP = Path("../shared/data/quantemp-dev/claims.jsonl")
REUTERS = Path("../shared/data/reuters21578/reut2-000.sgm")
HELD_OUT = "claimbuster held-out fifth"
CLAIMS = Path(sys.executable).parent / "claims"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--quantemp", type=Path, default=QUANTEMP)
    parser.add_argument("--reuters", type=Path, default=REUTERS)
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
        print(f"{HELD_OUT}\tclaim level against the classifier alone\t"
              + disagreement(scores, found, labels))
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
    if args.reuters.exists():
        print(f"reuters21578 reut2-000\tclaims extract, fragments\t{reuters_line(args.reuters)}")
    return 0


def disagreement(scores: list[float], found: list[tuple[Any, ...]], labels: list[int]) -> str:
    """Sentences flagged by the gate only or by the classifier only, with how many are positive."""
    gate_only = [y for z, f, y in zip(scores, found, labels, strict=True) if f and z < 0.5]
    alone_only = [y for z, f, y in zip(scores, found, labels, strict=True) if not f and z >= 0.5]
    return (
        f"flagged by the gate only {len(gate_only)} ({sum(gate_only)} check-worthy), "
        f"by the classifier only {len(alone_only)} ({sum(alone_only)} check-worthy)"
    )


def reuters_line(path: Path) -> str:
    """Claims of an archive through ``claims extract``, and how many are fragments or nested."""
    from pipeline.contract import Claim
    from pipeline.training.claim_eval import nested, wordless

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.jsonl"
        command = [str(CLAIMS), "extract", str(path), "-o", str(out), "--workers", "2"]
        subprocess.run(command, capture_output=True, check=False)
        lines = out.read_text(encoding="utf-8").splitlines()
    claims = [Claim.from_dict(json.loads(line)) for line in lines if line.strip()]
    return (
        f"{len(claims)} claims; {len(wordless(claims))} without a letter or digit, "
        f"{len(nested(claims))} inside another claim"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
