"""Print one line: check-worthiness precision, recall, F1 and average precision, held-out fifth.

Skips cleanly when ../shared is absent. The held-out fifth is the one training never sees; each
sentence is parsed by the lean parse the pipeline runs, then scored by ``score_spans``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.checkworthiness_train import evaluate, load_examples, split

DATA = Path("../shared/data/claimbuster/claimbuster-train.json")


def main(argv: list[str] | None = None) -> int:
    data = Path(argv[0]) if argv else DATA
    if not data.exists():
        print(f"checkworthiness: skipped ({data} is absent)")
        return 0
    from pipeline.checkworthiness import score_texts

    _, heldout = split(load_examples(data))
    scores = score_texts([e.text for e in heldout])
    print(evaluate(scores, [e.label for e in heldout]).line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
