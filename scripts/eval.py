"""`make eval`: run `claims annotate` on the dev sets, score with ../shared/eval, print one table.

Skips cleanly (exit 0, one line) when ../shared is absent. Figures come from the team's scorer;
nothing here computes a metric of its own except the check-worthiness and claim-level lines
(ClaimBuster's held-out fifth, QuanTemp dev) and the standalone claim lines, whose scripts
live beside this one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "eval"
CLAIMS = Path(sys.executable).parent / "claims"


@dataclass(frozen=True)
class EvalSet:
    """One gold set: how to make its inputs, which scorer task reads it."""

    name: str
    task: str
    loader: str
    src: str


SETS = (
    EvalSet("newsquant-dev", "quantities", "newsquant", "data/newsquant-dev/NewsQuant.dev.json"),
    EvalSet("timebank-aquaint", "dates", "timeml", "data/timebank-aquaint"),
    EvalSet("gum-wikinews", "dates", "gum", "data/gum-wikinews"),
    EvalSet("polnear-dev", "attributions", "polnear", "data/polnear/dev"),
)


def run(command: list[str]) -> None:
    """Run a step from the project root; stop with its output when it fails."""
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    # claims exits 1 when some articles failed; that is reported, not fatal for scoring.
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")


def relative_shared(shared: Path, root: Path) -> Path:
    """``shared`` as seen from ``root``, through a symbolic link rather than to where it points."""
    # Path.resolve() would follow a linked shared/ out of root's parent; relpath stays lexical,
    # which is right because root itself is resolved (no link for a ".." to climb back through).
    return Path(os.path.relpath(shared.absolute(), root))


def evaluate(shared: Path, item: EvalSet, workers: int) -> tuple[dict[str, object], float]:
    """Annotate one set and return the scorer's summary and seconds per document."""
    rel_shared = relative_shared(shared, ROOT)
    src = str(rel_shared / item.src)
    inputs = OUT / f"{item.name}.in.jsonl"
    pred = OUT / f"{item.name}.pred.jsonl"
    summary = OUT / f"{item.name}.score.json"
    run(
        [
            sys.executable,
            str(rel_shared / "eval" / "data.py"),
            "inputs",
            item.loader,
            "--src",
            src,
            "--out",
            str(inputs.relative_to(ROOT)),
        ]
    )
    started = time.perf_counter()
    run([str(CLAIMS), "annotate", str(inputs), "-o", str(pred), "--workers", str(workers)])
    elapsed = time.perf_counter() - started
    docs = sum(1 for line in inputs.read_text(encoding="utf-8").splitlines() if line.strip())
    run(
        [
            sys.executable,
            str(rel_shared / "eval" / "score.py"),
            item.task,
            "--gold",
            src,
            "--pred",
            str(pred.relative_to(ROOT)),
            "--out",
            str(summary.relative_to(ROOT)),
        ]
    )
    return json.loads(summary.read_text(encoding="utf-8")), elapsed / max(docs, 1)


def prf(block: dict[str, object]) -> str:
    values = [100 * float(block[k]) for k in ("p", "r", "f1")]  # type: ignore[arg-type]
    return " ".join(f"{v:5.1f}" for v in values)


def rows_for(item: EvalSet, result: dict[str, object]) -> list[tuple[str, str, str]]:
    """Table rows (set, metric, P R F1 or a figure) for one scored set."""
    rows: list[tuple[str, str, str]] = []
    get = result.get
    if item.task == "quantities":
        for part in ("money", "percent", "other", "overall"):
            rows.append((item.name, f"quantities {part}", prf(get(part))))  # type: ignore[arg-type]
    elif item.task == "dates":
        block = get("date_time")
        assert isinstance(block, dict)
        for part in ("strict", "relaxed", "value"):
            rows.append((item.name, f"dates DATE+TIME {part}", prf(block[part])))
    else:
        for part in ("all", "direct"):
            block = get(part)
            assert isinstance(block, dict)
            rows.append((item.name, f"attributions {part} content", prf(block["content"])))
            accuracy = 100 * block["source_accuracy"]["acc"]
            rows.append((item.name, f"attributions {part} source accuracy", f"{accuracy:5.1f}"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not (args.shared / "eval" / "score.py").exists():
        print(f"eval skipped: {args.shared} (evaluation data and scorer) is absent")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = []
    for item in SETS:
        if not (args.shared / item.src).exists():
            rows.append((item.name, "skipped", "absent"))
            continue
        result, per_doc = evaluate(args.shared, item, args.workers)
        rows.extend(rows_for(item, result))
        rows.append((item.name, "seconds per document (whole pipeline)", f"{per_doc:.3f}"))
    # Scripts beside this one that print their own rows, one "set\tmetric\tfigure" line each.
    extras: tuple[tuple[str, list[str]], ...] = (
        ("eval_checkworthiness.py", []),
        ("eval_standalone.py", ["--shared", str(args.shared), "--workers", str(args.workers)]),
    )
    for script, options in extras:
        path = ROOT / "scripts" / script
        if not path.exists():
            continue
        done = subprocess.run(
            [sys.executable, str(path), *options],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        for line in done.stdout.strip().splitlines():
            name, metric, figure = line.split("\t", 2)
            rows.append((name, metric, figure))
    width = max(len(r[1]) for r in rows)
    print(f"{'set':<28} {'metric':<{width}}  P     R     F1   (or figure)")
    for name, metric, figure in rows:
        print(f"{name:<28} {metric:<{width}}  {figure}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
