"""Wire-copy figures of an annotations file: leftover scale or currency units, currencies missed.

Usage: ``python scripts/wire_figures.py ANNOTATIONS INPUTS... [--show N]``, where ANNOTATIONS
was written by ``claims annotate INPUTS``. Prints how many quantities still carry a unit that a
wire story's figure should never have (a scale word, a currency word, a fraction read as a
score), how many amounts written before a wire currency word carry that currency, and how many
dates are figures in a table row ("May 20.0") or a figure and the heading of the next
line ("8,142,000 / Year"), and how many span texts differ from the article between their
offsets. ``--show`` prints that many misses of each kind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.contract import Article
from pipeline.read import read_inputs

BAD_UNITS = frozenset({"mln", "bln", "n.z.", "dlr", "score"})
# The check's own reading of wire currency words, kept apart from models/currencies.json so
# that it can disagree with it: (pattern after the amount, ISO code), most specific first.
_Q = r"(?:\s+(?:mln|bln|billion|million))?\s+"
WIRE_CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"canadian\s+(?:dlrs?|dollars?)", "CAD"),
    (r"australian\s+(?:dlrs?|dollars?)", "AUD"),
    (r"(?:n\.z\.|new\s+zealand)\s+(?:dlrs?|dollars?)", "NZD"),
    (r"(?:h\.k\.|hong\s+kong)\s+(?:dlrs?|dollars?)", "HKD"),
    (r"singapore\s+(?:dlrs?|dollars?)", "SGD"),
    (r"taiwan\s+(?:dlrs?|dollars?)", "TWD"),
    (r"u\.s\.\s+(?:dlrs?|dollars?)", "USD"),
    (r"(?:dlrs?|dollars?)", "DOLLAR"),
    (r"stg|sterling", "GBP"),
    (r"yen", "JPY"),
    (r"(?:west\s+german\s+)?marks?", "DEM"),
    (r"swiss\s+francs?", "CHF"),
    (r"belgian\s+francs?", "BEF"),
    (r"luxembourg\s+francs?", "LUF"),
    (r"french\s+francs?", "FRF"),
    (r"francs?", "FRANC"),
    (r"(?:dutch\s+)?guilders?", "NLG"),
    (r"lire", "ITL"),
    (r"swedish\s+crowns?", "SEK"),
    (r"danish\s+crowns?", "DKK"),
    (r"norwegian\s+crowns?", "NOK"),
    (r"pesetas?", "ESP"),
    (r"rand", "ZAR"),
    (r"canadian\s+(?:cts|cents?)", "CAD"),
    (r"(?:cts|cents?)", "DOLLAR"),
)
# A bare "dlrs" or "cts" is whichever dollar the story is about (Reuters writes "dlrs" for
# Australian dollars in a Sydney story), a bare "francs" whichever franc: any of them will do.
DOLLARS = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD"})
ANY_OF = {"DOLLAR": DOLLARS, "FRANC": frozenset({"FRF", "CHF", "BEF", "LUF"})}
_AMOUNT_RE = re.compile(rf"(?<![\w.,/-])\d[\d,]*(?:\.\d+)?(?:-\d/\d+)?(?={_Q})")
_TABLE_DATE_RE = re.compile(r"\.\d")  # "May 20.0": a figure in a table row, not a day
_PARAGRAPH_RE = re.compile(r"\n[ \t]")  # "8,142,000\n    Year": a figure and a heading


def _articles(inputs: list[str]) -> dict[str, Article]:
    return {item.id: item for item in read_inputs(inputs) if isinstance(item, Article)}


def wire_amounts(text: str) -> list[tuple[int, int, str]]:
    """(start of the number, end of the currency word, ISO code) of each wire amount."""
    found = []
    for match in _AMOUNT_RE.finditer(text):
        rest = re.match(_Q, text[match.end():match.end() + 12])
        after = match.end() + (rest.end() if rest else 0)
        for pattern, code in WIRE_CURRENCIES:
            word = re.match(rf"(?:{pattern})(?![\w])", text[after:after + 40], re.IGNORECASE)
            if word:
                found.append((match.start(), after + word.end(), code))
                break
    return found


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    articles = _articles(args.inputs)
    bad_units: list[str] = []
    amounts = 0
    missed: list[str] = []
    table_dates: list[str] = []
    spans = not_as_read = 0
    for line in Path(args.annotations).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = articles.get(record["id"])
        if article is None:
            continue
        text = article.text
        quantities = record["quantities"]
        for q in quantities:
            if q["unit"] in BAD_UNITS:
                bad_units.append(f"{record['id']}: {q['unit']!r} {q['text']!r}")
        body = text.find("\n\n") + 1  # the headline is no part of the story's body
        for start, end, code in wire_amounts(text):
            if start < body:
                continue
            amounts += 1
            money = [q for q in quantities if q["start"] <= start < q["end"]]
            wanted = ANY_OF.get(code, {code})
            if not any(q["currency"] in wanted for q in money):
                got = money[0]["currency"] if money else None
                missed.append(f"{record['id']}: {text[start:end]!r} wants {code}, has {got}")
        cut = [*record["entities"], *quantities, *record["dates"]]
        for a in record["attributions"]:
            cut += [a[key] for key in ("content", "source", "cue") if a.get(key)]
        spans += len(cut)
        not_as_read += sum(text[m["start"]:m["end"]] != m["text"] for m in cut)
        for d in record["dates"]:
            if _TABLE_DATE_RE.match(text, d["end"]) or (
                    d["type"] == "DURATION" and _PARAGRAPH_RE.search(d["text"])):
                table_dates.append(f"{record['id']}: {d['text']!r} -> {d['value']}")
    print(f"quantities with unit mln/bln/n.z./dlr/score: {len(bad_units)}")
    print(f"amounts before a wire currency word: {amounts}, with that currency: "
          f"{amounts - len(missed)}, without: {len(missed)}")
    print(f"dates that are table figures or headings: {len(table_dates)}")
    print(f"spans whose text is not the article between their offsets: {not_as_read} of {spans}")
    for name, rows in (("unit", bad_units), ("currency", missed), ("table date", table_dates)):
        for row in rows[:args.show]:
            print(f"  {name}: {row}")


if __name__ == "__main__":
    main()
