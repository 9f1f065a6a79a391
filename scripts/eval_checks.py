"""`make checks`: precision of failed checks by reading, recall by mutation (issue 17).

Precision: every failed check on reut2-000 joined with the verdicts read by hand in
tests/claims/test_check_verdicts.py (a failed check nobody has read counts against it).
Recall: every sentence of reut2-000 and the seed whose percent-change or ratio check passes gets
its stated figure moved far off (+9.3 points; doubled -> tripled) and is run alone; the share of
mutated sentences with a failed check, and how many unmutated sentences fail when run alone.
Skips cleanly (exit 0, one line) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.contract import Article, ArticleResult, Check, Claim  # noqa: E402
from pipeline.read.reader import read_inputs  # noqa: E402
from pipeline.run.runner import Runner, Settings  # noqa: E402
from tests.claims.test_check_verdicts import VERDICTS  # noqa: E402

SEED = ROOT / "corpus" / "000_e8c7711d66f6db41.txt"
SHIFT = 9.3  # points added to a stated percent: far off any rounding
SWAPS = {"doubled": "tripled", "tripled": "doubled", "trebled": "doubled",
         "quadrupled": "doubled", "halved": "tripled"}
FACTORS = {"doubled": 2.0, "tripled": 3.0}
_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Mutant:
    """One sentence with one stated figure moved far off."""

    article_id: str
    original: str
    mutated: str
    moved: float  # the stated figure after the move: a failed check must state it
    published: str | None


def run(runner: Runner, articles: list[Article]) -> list[ArticleResult]:
    """Articles through the pipeline in batches; failures are dropped (they have no checks)."""
    results: list[ArticleResult] = []
    for start in range(0, len(articles), 32):
        results.extend(r for r in runner.run_batch(articles[start:start + 32])
                       if isinstance(r, ArticleResult))
    return results


def mutate(claim: Claim, check: Check) -> tuple[str, float] | None:
    """The claim's sentence with the check's stated figure moved far off, and the new figure."""
    if check.stated_text is None or check.start is None:
        return None
    text = claim.text
    if check.kind == "ratio":
        word = check.stated_text.split()[-1]
        at = text.lower().find(word)
        swap = SWAPS[word]
        return None if at < 0 else (text[:at] + swap + text[at + len(word):], FACTORS[swap])
    at = text.find(check.stated_text, max(0, check.start - claim.start - 60))
    number = _NUMBER_RE.match(check.stated_text)
    if at < 0 or number is None:
        return None
    written = number.group().replace(",", "")
    places = max(1, len(written.split(".")[1]) if "." in written else 0)
    moved = f"{float(written) + SHIFT:.{places}f}"
    return text[:at] + moved + text[at + number.end():], float(moved)


def failed_checks(result: ArticleResult) -> list[Check]:
    return [c for claim in result.claims for c in claim.checks if c.consistent is False]


def failed_figures(result: ArticleResult) -> set[float]:
    """The stated figures (unsigned) of the failed checks of a result."""
    return {round(abs(c.stated), 4) for c in failed_checks(result) if c.stated is not None}


def precision(results: list[ArticleResult], verbose: bool) -> None:
    table = {(row[0], row[1]): row for row in VERDICTS}
    counts = {"real": 0, "false": 0, "unread": 0}
    for result in results:
        for check in failed_checks(result):
            key = (result.article.id, round(check.stated or 0.0, 4))
            verdict = table[key][2] if key in table else "unread"
            counts[verdict] += 1
            if verbose or verdict != "real":
                print(f"  {verdict:6} {key[0]} stated {check.stated_text}: {check.explanation}")
    total = sum(counts.values())
    share = 100 * counts["real"] / total if total else 0.0
    print(f"precision by reading (reut2-000): {total} failed checks, {counts['real']} real, "
          f"{counts['false']} false, {counts['unread']} unread -> {share:.1f}% real (target 90%)")


def recall(runner: Runner, results: list[ArticleResult], verbose: bool) -> None:
    mutants: list[Mutant] = []
    in_article: dict[str, set[float]] = {}  # a sentence's failed figures in its article
    for result in results:
        for claim in result.claims:
            in_article.setdefault(claim.text, set()).update(
                round(abs(c.stated), 4) for c in claim.checks
                if c.consistent is False and c.stated is not None)
            for check in claim.checks:
                if check.consistent is True and check.kind in ("percent_change", "ratio"):
                    mutated = mutate(claim, check)
                    if mutated is not None:
                        mutants.append(Mutant(result.article.id, claim.text, *mutated,
                                              result.article.published))
    originals = sorted({(m.original, m.published) for m in mutants}, key=str)
    alone = run(runner, [Article(f"o{i}", text, published=published)
                         for i, (text, published) in enumerate(originals)])
    moved = {r.article.id: r for r in run(runner, [
        Article(f"m{i}", m.mutated, published=m.published) for i, m in enumerate(mutants)])}
    # A mutant counts when the moved figure itself fails, not another figure of its sentence.
    flagged = [m for i, m in enumerate(mutants) if f"m{i}" in moved
               and round(m.moved, 4) in failed_figures(moved[f"m{i}"])]
    missed = [m for m in mutants if m not in flagged]
    # Run alone, a sentence may fail only where it failed in its article (a real disagreement).
    false_alarms = [r for r, (text, _) in zip(alone, originals, strict=True)
                    if failed_figures(r) - in_article.get(text, set())]
    for m in missed if verbose else missed[:10]:
        print(f"  missed {m.article_id}: {' '.join(m.mutated.split())}")
    for r in false_alarms:
        for check in failed_checks(r):
            print(f"  fails alone: {check.explanation}")
    kept = sum(1 for r, (text, _) in zip(alone, originals, strict=True) if failed_figures(r))
    share = 100 * len(flagged) / len(mutants) if mutants else 0.0
    print(f"recall by mutation (reut2-000 + seed): {len(mutants)} passing checks mutated, "
          f"{len(flagged)} with the moved figure failing -> {share:.1f}% (target 95%)")
    print(f"unmutated sentences run alone: {len(originals)}, with a failed check the article "
          f"run did not have: {len(false_alarms)} (target 0); {kept} keep a real one it had")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--verbose", action="store_true", help="print every check read")
    args = parser.parse_args()
    reuters = Path(args.shared) / "data" / "reuters21578" / "reut2-000.sgm"
    if not reuters.exists():
        print(f"skipped: {reuters} is absent")
        return
    runner = Runner(Settings())
    articles = [a for a in read_inputs([str(reuters)]) if isinstance(a, Article)]
    results = run(runner, articles)
    precision(results, args.verbose)
    seed = [a for a in read_inputs([str(SEED)]) if isinstance(a, Article)]
    recall(runner, results + run(runner, seed), args.verbose)


if __name__ == "__main__":
    main()
