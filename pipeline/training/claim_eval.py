"""Claim-level evaluation: what ``claims extract`` emits, scored per sentence and per number.

ClaimBuster's held-out fifth (one sentence per article): a sentence is flagged when the pipeline
emits at least one claim for it; precision, recall and F1 of the flags against the labels, and
average precision of the sentences ranked by their best claim's score (no claim ranks as 0).
QuanTemp dev (one claim a fact-checker checked per article): claim recall (an article with at
least one claim) and number coverage (the numbers in the text that are quantities or dates, not
parts of names such as COVID-19, I-95 or Boeing 757, that a quantity or date mention of an
emitted claim covers).

How numbers are counted, written down so that the count follows English and not the pipeline:
one number is one written figure: "1,250", "700 000" (thousands grouped by spaces), a word
number ("twenty-five"), and numbers joined by a slash ("1/1024", "12/25/2020"), which are one
fraction or one date. Not counted: a number glued to a name ("COVID-19", "I-95", "G20"), a plain
number after a capitalized word mid-sentence ("Boeing 757", "Article 370"), the slash names of
NAMED ("9/11" the attacks, "24/7" for always), and "one" used as a pronoun rather than a count:
"one of the questions", "no one", "one another" (but "one of six" counts both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.contract import Article, ArticleResult, Claim
from pipeline.training.checkworthiness import Example, Metrics, evaluate

NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half)"
)
NUMBER = re.compile(
    r"(?<![\w.])(?:\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,]\d)|\d+(?:[/⁄]\d+)+"
    rf"|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|{NUMBER_WORD}(?:-{NUMBER_WORD})*)(?![\w])",
    re.IGNORECASE,
)
NAMED = frozenset({"9/11", "7/7", "24/7"})
# "one" that picks a member or stands for a person counts nothing.
PRONOUN_ONE = re.compile(
    r"(?:(?<=\bno )|(?<=\bany ))one\b|one(?=\s+another\b|\s+of\s+(?:the|its|their|his|her|our"
    r"|my|your|these|those)\s+(?![\d]|" + NUMBER_WORD + r"\b))",
    re.IGNORECASE,
)
# A number glued to a name by a hyphen or letters (COVID-19, I-95, G20) names something.
GLUED = re.compile(r"[A-Za-z][-\u2010\u2011]?$")
CAPITALIZED = re.compile(r"([A-Z][\w]*)\s+$")
MONTHS = "January February March April May June July August September October November December"
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
CALENDAR_WORDS = frozenset((MONTHS + " " + DAYS).split()) | {m[:3] for m in MONTHS.split()}


@dataclass(frozen=True, slots=True)
class QuantTempClaim:
    """One QuanTemp claim: its id, text and taxonomy label."""

    id: str
    text: str
    taxonomy: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """Claim recall and number coverage on a set of fact-checked claims."""

    articles: int
    with_claim: int
    numbers: int
    covered: int

    def line(self) -> str:
        recall = self.with_claim / self.articles if self.articles else 0.0
        coverage = self.covered / self.numbers if self.numbers else 0.0
        return (
            f"claim recall {recall:.3f} ({self.with_claim}/{self.articles}), "
            f"number coverage {coverage:.3f} ({self.covered}/{self.numbers})"
        )


def load_quantemp(path: Path) -> list[QuantTempClaim]:
    """QuanTemp's ``claims.jsonl``: one {id, text, taxonomy} per line."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                data = json.loads(line)
                rows.append(QuantTempClaim(str(data["id"]), str(data["text"]), data["taxonomy"]))
    return rows


def numbers_in(text: str) -> list[tuple[int, int]]:
    """The numbers of a text that are quantities or dates, not parts of names."""
    found = []
    for match in NUMBER.finditer(text):
        if match.group(0) in NAMED or PRONOUN_ONE.match(text, match.start()):
            continue
        before = text[: match.start()]
        if GLUED.search(before):
            continue
        name = CAPITALIZED.search(before)
        first_word = not before[: name.start()].strip() if name else True
        if (
            name is not None
            and not first_word
            and name.group(1) not in CALENDAR_WORDS
            and match.group(0)[0].isdigit()
            and "," not in match.group(0)
            and "." not in match.group(0)
        ):
            continue  # Boeing 757, Article 370: a capitalized word mid-sentence names it
        found.append((match.start(), match.end()))
    return found


def run_pipeline(texts: Sequence[tuple[str, str]]) -> list[tuple[Claim, ...]]:
    """The claims ``claims extract`` emits for each (id, text) run as a one-sentence article."""
    from pipeline.run.runner import Settings, process_articles

    articles = [Article(id=ident, text=text) for ident, text in texts]
    return [
        outcome.claims if isinstance(outcome, ArticleResult) else ()
        for outcome in process_articles(articles, Settings())
    ]


def claim_level(examples: Sequence[Example], found: Sequence[tuple[Claim, ...]]) -> Metrics:
    """Flags (any claim) against the labels; AP of the sentences ranked by their best claim."""
    labels = [e.label for e in examples]
    flags = [1.0 if claims else 0.0 for claims in found]
    best = [max((c.checkworthiness or 0.0) for c in claims) if claims else 0.0 for claims in found]
    at_flags = evaluate(flags, labels, 0.5)
    ranked = evaluate(best, labels, 0.5)
    return Metrics(
        at_flags.precision, at_flags.recall, at_flags.f1, ranked.average_precision, len(labels)
    )


def coverage(texts: Sequence[str], found: Sequence[tuple[Claim, ...]]) -> Coverage:
    """Claim recall and number coverage of the emitted claims."""
    numbers = covered = with_claim = 0
    for text, claims in zip(texts, found, strict=True):
        with_claim += bool(claims)
        mentions = _mention_spans(claims)
        for start, end in numbers_in(text):
            numbers += 1
            covered += any(s < end and start < e for s, e in mentions)
    return Coverage(len(texts), with_claim, numbers, covered)


def uncovered(text: str, claims: tuple[Claim, ...]) -> list[str]:
    """The numbers of a text no mention of its claims covers (for reading the misses)."""
    mentions = _mention_spans(claims)
    return [
        text[start:end]
        for start, end in numbers_in(text)
        if not any(s < end and start < e for s, e in mentions)
    ]


def _mention_spans(claims: tuple[Claim, ...]) -> list[tuple[int, int]]:
    """Offsets of every quantity and date mention of the claims."""
    found = [(q.start, q.end) for c in claims for q in c.quantities]
    return found + [(d.start, d.end) for c in claims for d in c.dates]


WORD = re.compile(r"\w")


def wordless(claims: Sequence[Claim]) -> list[Claim]:
    """Claims whose text has no letter or digit."""
    return [c for c in claims if not WORD.search(c.text)]


def nested(claims: Sequence[Claim]) -> list[Claim]:
    """Claims whose words all lie inside another claim of the same article."""
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    found = []
    for claim in claims:
        words = [m.start() for m in WORD.finditer(claim.text)]
        if not words:
            continue
        first, last = claim.start + words[0], claim.start + words[-1]
        if any(
            other is not claim
            and other.start <= first
            and last < other.end
            and (other.start, other.end) != (claim.start, claim.end)
            for other in by_article[claim.article_id]
        ):
            found.append(claim)
    return found
