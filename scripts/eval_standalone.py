"""Print the standalone-claim measures of issue 19, one line each (skips when data is absent).

* Reuters-21578 ``reut2-000.sgm``: of the claims whose first word (after an opening quote
  mark) is He, She, It or They, the share whose standalone text still opens with it. An
  expletive ``It`` refers to nothing and is left out (``EXPLETIVE`` of
  ``pipeline/claims/expletives.py``, the rule the rewrite follows too: ``It`` + a form of be
  + an adjective or participle + a that/to/whether clause, ``It is expected that``, ``It was
  not known whether``; ``It`` + be + a/an + a noun + that, ``It is an open secret that``;
  ``It`` + seem/appear + that or a clause's subject, ``It appeared the government``; ``It``
  + strikes me + an adjective, ``It strikes me odd … that``; ``It`` + serve/make/take/cost
  + purpose/sense/point/good/harm/use/time + a to clause, ``It serves no purpose to``); of the
  claims with a resolved relative date (today, yesterday, a weekday, last/next/this/previous
  week/month/year/quarter), the share whose standalone text lacks that date's year.
* GUM Wikinews (its CoNLL-U ``Entity=`` column: gold coreference chains): of the pronouns and
  descriptions the standalone edits replace, the share whose replacement names an entity of
  the gold chain of the replaced words (a mention of the chain, or its Wikidata identity);
  an ``antecedent`` edit, by the gold mention opening where its words last stand before the
  pronoun, printed apart and also on every candidate sentence with the gate off.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.claims.expletives import EXPLETIVE

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "eval"
CLAIMS = Path(sys.executable).parent / "claims"
REUTERS = Path("data/reuters21578/reut2-000.sgm")
GUM = Path("data/gum-wikinews")
OPENING = re.compile(r"^[\s\"'“‘]*(He|She|It|They)\b")
RELATIVE = re.compile(
    r"\b(today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|(last|next|this|previous) (week|month|year|quarter))\b",
    re.IGNORECASE,
)
REFERRING = ("pronoun", "possessive", "description", "role", "antecedent")
ENTITY_MARK = re.compile(r"\((\d+)-([^()|]*)(\))?|(\d+)\)")
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "his", "its", "their", "them"})


def extract(inputs: Path, out: Path, workers: int) -> list[dict[str, Any]]:
    """``claims extract`` over the inputs; the claim records."""
    command = [str(CLAIMS), "extract", str(inputs), "-o", str(out), "--workers", str(workers)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: some articles failed, reported, not fatal here
        raise SystemExit(done.stderr)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]


def pronoun_openings(claims: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """(claims opening with a referring He/She/It/They, of them those whose standalone still
    opens so)."""
    opening = [c for c in claims if OPENING.match(c["text"]) and not EXPLETIVE.match(c["text"])]
    still = [c for c in opening if OPENING.match((c.get("standalone") or {}).get("text", ""))]
    return len(opening), len(still)


def dates_without_year(claims: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """(claims with a resolved relative date, of them those whose standalone lacks its year)."""
    total = missing = 0
    for claim in claims:
        years = [
            d["value"][:4] for d in claim["dates"]
            if d["value"] and RELATIVE.search(d["text"]) and re.match(r"\d{4}", d["value"])
        ]
        if not years:
            continue
        total += 1
        standalone = (claim.get("standalone") or {}).get("text", "")
        missing += any(year not in standalone for year in years)
    return total, missing


@dataclass(frozen=True)
class Mention:
    """A gold mention: its chain, character span, text."""

    chain: str
    start: int
    end: int
    text: str


def gold_mentions(conllu: str, text: str) -> tuple[list[Mention], dict[str, str]]:
    """Gold mentions located in the article text, and each chain's identity (if named)."""
    mentions: list[Mention] = []
    identity: dict[str, str] = {}
    open_: dict[str, list[int]] = {}
    at = 0
    for block in conllu.split("\n\n"):
        sentence = next((ln[9:] for ln in block.splitlines() if ln.startswith("# text = ")), "")
        found = text.find(sentence, at) if sentence else -1
        at = found if found >= 0 else at  # else token by token from where the last one ended
        for line in block.splitlines():
            cols = line.split("\t")
            if len(cols) < 10 or not cols[0].isdigit():
                continue
            start = text.find(cols[1], at)
            if start < 0 or start - at > 40:
                continue
            at = start + len(cols[1])
            for mark in ENTITY_MARK.finditer(_entity_field(cols[9])):
                if mark.group(1):
                    chain, fields = mark.group(1), mark.group(2).split("-")
                    if len(fields) >= 7 and fields[6]:
                        identity[chain] = fields[6].replace("_", " ")
                    open_.setdefault(chain, []).append(start)
                    if mark.group(3):
                        mentions.append(_closed(chain, open_, at, text))
                elif open_.get(mark.group(4)):
                    mentions.append(_closed(mark.group(4), open_, at, text))
    return mentions, identity


def _entity_field(misc: str) -> str:
    return next((p[7:] for p in misc.split("|") if p.startswith("Entity=")), "")


def _closed(chain: str, open_: dict[str, list[int]], end: int, text: str) -> Mention:
    start = open_[chain].pop()
    return Mention(chain, start, end, text[start:end])


def _norm(name: str) -> str:
    name = re.sub(r"['’]s?\b", "", name.lower())
    name = re.sub(r"[^a-z0-9 ]+", " ", name)
    return re.sub(r"^the ", "", " ".join(name.split()))


def names_chain(replacement: str, names: Iterable[str]) -> bool:
    """Whether a replacement names one of the chain's names (equal, or one ends the other)."""
    wanted = _norm(replacement)
    for name in names:
        other = _norm(name)
        if not other or other in PRONOUNS or not wanted:
            continue
        # `Kim` or `Montalvo` for the full name; `President Donald Trump` for `Donald Trump`;
        # never a longer name that holds it as a modifier (`the Andy Warhol Museum`).
        within = f" {wanted}".endswith(f" {other}") or f"{wanted} ".startswith(f"{other} ")
        if wanted == other or within or f" {other}".endswith(f" {wanted}"):
            return True
    return False


def check_edits(
    claims: Iterable[dict[str, Any]], mentions: list[Mention], identity: dict[str, str],
    text: str = "",
) -> Iterator[tuple[dict[str, Any], bool | None]]:
    """Each referring edit, with whether its replacement names the replaced words' gold chain
    (None where GUM marks no mention of exactly those words). An ``antecedent`` edit writes
    in the article's own words: right when a gold mention opening where those words last
    stand before the pronoun is of the pronoun's chain."""
    for claim in claims:
        for edit in (claim.get("standalone") or {}).get("edits", ()):
            if edit["reason"] not in REFERRING:
                continue
            start, end = claim["start"] + edit["start"], claim["start"] + edit["end"]
            # The gold mention of exactly the replaced words (a description's `'s` aside).
            at = [m for m in mentions if m.start == start and abs(m.end - end) <= 2]
            if not at:
                yield edit, None  # GUM marks no mention there: nothing to check against
                continue
            chain = min(at, key=lambda m: (abs(m.end - end), m.end)).chain
            if edit["reason"] == "antecedent":
                yield edit, _antecedent_in_chain(edit["replacement"], start, chain, mentions, text)
                continue
            names = [m.text for m in mentions if m.chain == chain]
            names += [identity[chain]] if chain in identity else []
            yield edit, names_chain(edit["replacement"], names)


def _antecedent_in_chain(
    words: str, before: int, chain: str, mentions: list[Mention], text: str
) -> bool:
    """Whether a gold mention of ``chain`` opens where ``words`` last stand before ``before``."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    found = [m.start() for m in re.finditer(pattern, text[:before], re.IGNORECASE)]
    return bool(found) and any(m.chain == chain and m.start == found[-1] for m in mentions)


def ungated_claims(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every candidate claim of the articles, the emission gate off (in process), as records:
    more sentences for the rarer edits (``antecedent``) to be checked on."""
    from pipeline.contract import Article, ArticleResult
    from pipeline.run.runner import Settings, process_articles

    items = [Article(id=a["id"], text=a["text"], published=a["dateline_date"]) for a in articles]
    return [
        claim.to_dict() for result in process_articles(items, Settings(gate=False))
        if isinstance(result, ArticleResult) for claim in result.claims
    ]


def emit(name: str, metric: str, figure: str) -> None:
    """One row of `make eval`'s table: set, metric, figure, tab-separated."""
    print(f"{name}\t{metric}\t{figure}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="print every GUM edit checked")
    parser.add_argument("--sets", default="reuters,gum", help="which measures: reuters, gum")
    args = parser.parse_args(argv)
    data = args.shared
    OUT.mkdir(parents=True, exist_ok=True)
    if "reuters" not in args.sets:
        pass
    elif (data / REUTERS).exists():
        claims = extract(data / REUTERS, OUT / "reuters.claims.jsonl", args.workers)
        opening, still = pronoun_openings(claims)
        dated, missing = dates_without_year(claims)
        emit("reuters standalone", "opening He/She/It/They, standalone still so (<= 10%)",
             f"{100 * still / max(opening, 1):.1f}% ({still} of {opening})")
        emit("reuters standalone", "relative date, standalone lacks its year (<= 5%)",
             f"{100 * missing / max(dated, 1):.1f}% ({missing} of {dated})")
    else:
        emit("reuters standalone", "skipped", "absent")
    if "gum" not in args.sets:
        return 0
    if not (data / GUM / "articles.jsonl").exists():
        emit("gum-wikinews standalone", "skipped", "absent")
        return 0
    articles = [json.loads(x) for x in (data / GUM / "articles.jsonl").read_text().splitlines()]
    inputs = OUT / "gum-standalone.in.jsonl"
    inputs.write_text("".join(
        json.dumps({"id": a["id"], "text": a["text"], "published": a["dateline_date"]}) + "\n"
        for a in articles
    ), encoding="utf-8")
    claims = extract(inputs, OUT / "gum-standalone.claims.jsonl", args.workers)
    right = made = checked = 0
    antecedents = [0, 0, 0]  # the antecedent edits: made, checked, right
    for article in articles:
        conllu = (data / GUM / "conllu" / f"{article['id']}.conllu").read_text(encoding="utf-8")
        mentions, identity = gold_mentions(conllu, article["text"])
        mine = [c for c in claims if c["article_id"] == article["id"]]
        for edit, ok in check_edits(mine, mentions, identity, article["text"]):
            made, right, checked = made + 1, right + bool(ok), checked + (ok is not None)
            if edit["reason"] == "antecedent":
                antecedents = [antecedents[0] + 1, antecedents[1] + (ok is not None),
                               antecedents[2] + bool(ok)]
            if args.verbose:
                verdict = {True: "ok ", False: "BAD", None: "n/a"}[ok]
                print(f"  {verdict} {article['id']}: {edit['original']!r} -> "
                      f"{edit['replacement']!r} ({edit['reason']}, {edit['confidence']})")
    ungated = ungated_claims(articles)
    verdicts = []
    for article in articles:
        conllu = (data / GUM / "conllu" / f"{article['id']}.conllu").read_text(encoding="utf-8")
        mentions, identity = gold_mentions(conllu, article["text"])
        mine = [c for c in ungated if c["article_id"] == article["id"]]
        for edit, ok in check_edits(mine, mentions, identity, article["text"]):
            if edit["reason"] == "antecedent":
                verdicts.append(ok)
                if args.verbose:
                    verdict = {True: "ok ", False: "BAD", None: "n/a"}[ok]
                    print(f"  ungated {verdict} {article['id']}: {edit['original']!r} -> "
                          f"{edit['replacement']!r}")
    done = [v for v in verdicts if v is not None]
    share = f"{sum(done) / len(done):.2f}" if done else "n/a"
    emit("gum-wikinews standalone", "antecedent edits, every candidate (ungated), name the chain",
         f"{share} ({sum(done)} of {len(done)} checked; "
         f"{len(verdicts)} made)")
    emit("gum-wikinews standalone", "replacement names the gold chain (>= 0.90)",
         f"{right / max(checked, 1):.2f} ({right} of {checked} checked; {made} made, "
         f"{made - checked} on words GUM marks no mention of; antecedent edits "
         f"{antecedents[0]} made, {antecedents[1]} checked, {antecedents[2]} right)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
