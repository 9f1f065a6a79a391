"""`make speakers`: who speaks in wire copy, measured on ../shared/data/reuters21578/reut2-000.sgm.

Runs `claims annotate` on the file (or reads `--annotations`) and prints two figures: how many
attributions have the cue "per" (a rate such as "dlrs per tonne", never a source), and the share
of attributions whose source is a pronoun or "the company" / "the bank" / "the group" that have a
speaker when the story named an entity of that kind before the source: a person for he, she, him,
her and I; an organisation for it, we, they and the three nouns. "they" is counted there and also
on a line of its own: it mostly points back to analysts, dealers or officials, who are no entity
and rightly keep no speaker, so its own share stays low. Skips cleanly (exit 0) when ../shared
is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "speakers"
CLAIMS = Path(sys.executable).parent / "claims"
SOURCE = Path("data") / "reuters21578" / "reut2-000.sgm"

KIND_OF_SOURCE = {
    "he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "i": "PERSON",
    "it": "ORG", "we": "ORG", "the company": "ORG", "the bank": "ORG", "the group": "ORG",
    "they": "ORG",
}
APART = frozenset({"they"})


def tally(records: Iterable[dict[str, object]]) -> Counter[str]:
    """Counts over annotation records: per cues, and sources with and without a speaker."""
    counts: Counter[str] = Counter()
    for record in records:
        entities = record["entities"]
        attributions = record["attributions"]
        assert isinstance(entities, list) and isinstance(attributions, list)
        for attribution in attributions:
            cue, source = attribution.get("cue"), attribution.get("source")
            if cue and cue["text"].lower() == "per":
                counts["per"] += 1
            if not source:
                continue
            words = " ".join(source["text"].lower().split())
            kind = KIND_OF_SOURCE.get(words)
            if kind is None:
                continue
            if any(e["label"] == kind and e["end"] <= source["start"] for e in entities):
                for group in ("target", "apart") if words in APART else ("target",):
                    counts[f"{group} named"] += 1
                    counts[f"{group} resolved"] += attribution.get("speaker") is not None
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--annotations", type=Path, help="read this annotations file instead")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    annotations = args.annotations
    if annotations is None:
        source = args.shared / SOURCE
        if not source.exists():
            print(f"speakers skipped: {source} is absent")
            return 0
        OUT.mkdir(parents=True, exist_ok=True)
        annotations = OUT / "reut2-000.annotations.jsonl"
        command = [str(CLAIMS), "annotate", str(source), "-o", str(annotations),
                   "--workers", str(args.workers)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):  # 1: some stories failed, reported by claims itself
            sys.stderr.write(done.stderr)
            return done.returncode
    with annotations.open(encoding="utf-8") as handle:
        counts = tally(json.loads(line) for line in handle if line.strip())
    print(f"attributions whose cue is 'per': {counts['per']}")
    groups = (("target", "pronoun, they or the company/bank/group"), ("apart", "of them, they"))
    for group, label in groups:
        named, resolved = counts[f"{group} named"], counts[f"{group} resolved"]
        share = 100 * resolved / named if named else 0.0
        print(f"{label}, with an entity of that kind named before: "
              f"{resolved} of {named} have a speaker ({share:.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
