"""Claim keys: a normalized statement of what a claim says, equal across wordings and articles.

A key has four parts, ``subject | measure | value | time``: the canonical names
of the entities the claim is about, the measure words it uses (``deficit``,
``export``), its figures in a main unit or ISO currency, and the resolved TIMEX3
values of its dates. ``the US goods deficit with South Korea was $27.7 billion
in 2016`` and ``United States figures indicate its goods deficit with South
Korea was US$27.7 billion (S$37.7 billion) previous year`` (published 2017) share
one key. A claim without a figure keys on its content words instead, so
different statements about the same entity stay apart; so does a figure about no named
entity and no known measure (`the engines were valued at five mln dlrs each`). The subject
includes what the claim's standalone edits resolved (``its deficit`` is the United States'),
so a claim made with ``he`` or ``its`` groups with the same claim made by name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.assets import MODELS_DIR
from pipeline.contract import (
    Claim,
)

LEXICON = MODELS_DIR / "claim_key_measures.json"
VALUE_DIGITS = 4  # significant digits: `27.7 billion` and `27.70 billion` are one value
SEPARATOR = " | "
# Speakers and outlets named as the source are who says it, not what is claimed.
SOURCE_LABELS = ("PERSON", "ORG")
# `said Tuesday`: the time of the saying, which differs between articles, not of the fact.
SPEECH_DATE = re.compile(
    r"\b(said|says|told|reported|announced|stated|added|noted)\s+$|"
    r"^\s*(said|says|told|reported|announced)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Standalone edits that name what a pronoun or description referred to.
REFERRING = frozenset({"pronoun", "possessive", "description", "role"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Measure words, their synonyms and the stopwords dropped from content-word keys."""

    measures: frozenset[str]
    synonyms: tuple[tuple[str, str], ...]
    stopwords: frozenset[str]
    demonyms: tuple[tuple[str, str], ...] = ()


@cache
def load_lexicon(path: str = str(LEXICON)) -> Lexicon:
    """The measure table in models/, read once."""
    with Path(path).open(encoding="utf-8") as handle:
        data = json.load(handle)
    # Longest synonyms first so `gross domestic product` wins over any of its words.
    synonyms = sorted(data["synonyms"].items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return Lexicon(
        frozenset(data["measures"]),
        tuple(synonyms),
        frozenset(data.get("stopwords", ())),
        tuple(sorted(data.get("demonyms", {}).items())),
    )


def _singular(word: str, measures: frozenset[str]) -> str:
    if word in measures:
        return word
    for cut in ("ies", "es", "s"):
        if word.endswith(cut):
            stem = word[: -len(cut)] + ("y" if cut == "ies" else "")
            if stem in measures:
                return stem
    return word


def _words(text: str, lexicon: Lexicon) -> list[str]:
    lowered = text.lower()
    for phrase, name in lexicon.synonyms:
        if " " in phrase:
            lowered = lowered.replace(phrase, name)
    single = dict(lexicon.synonyms)
    return [single.get(w, w) for w in WORD.findall(lowered)]


def _within(start: int, end: int, span_start: int, span_end: int) -> bool:
    return span_start <= start and end <= span_end


def subject_of(claim: Claim, lexicon: Lexicon) -> tuple[str, ...]:
    """Sorted canonical names of what the claim is about, less who says it and their data source.

    A nationality names its country (`South Korean exports` are South Korea's).
    """
    source = claim.attribution.source if claim.attribution else None
    evidence = claim.attribution.evidence if claim.attribution else None
    demonyms = dict(lexicon.demonyms)
    names = set()
    for entity in claim.entities:
        if (
            source is not None
            and entity.label in SOURCE_LABELS
            and _within(entity.start, entity.end, source.start, source.end)
        ):
            continue
        if evidence is not None and _within(entity.start, entity.end, evidence.start, evidence.end):
            continue  # where the data came from, which another outlet may not name
        name = entity.canonical.strip()
        names.add(demonyms.get(name, name) if entity.label == "NORP" else name)
    names.update(resolved_subjects(claim))
    return tuple(sorted(n for n in names if n))


def resolved_subjects(claim: Claim) -> set[str]:
    """Names the standalone text put in for `he`, `its`, `the company`, less who says it."""
    source = claim.attribution.source if claim.attribution else None
    found = set()
    for edit in claim.standalone.edits if claim.standalone else ():
        if edit.reason not in REFERRING or edit.entity is None:
            continue
        start, end = claim.start + edit.start, claim.start + edit.end
        if source is not None and _within(start, end, source.start, source.end):
            continue  # `He said`: the speaker, as a named source is, is not the subject
        found.add(edit.entity)
    return found


def stated_text(claim: Claim, *, without_mentions: bool = False) -> str:
    """The claim's text with its source and cue blanked: what is said, not who says it.

    ``without_mentions`` also blanks dates and figures, which the key holds normalized.
    """
    chars = list(claim.text)
    attribution = claim.attribution
    spans: list[tuple[int, int]] = []
    if attribution is not None:
        spans += [(s.start, s.end) for s in (attribution.source, attribution.cue) if s]
    if without_mentions:
        spans += [(d.start, d.end) for d in claim.dates]
        spans += [(q.start, q.end) for q in claim.quantities]
    for start, end in spans:
        for i in range(max(start, claim.start), min(end, claim.end)):
            chars[i - claim.start] = " "
    return "".join(chars)


def measure_of(claim: Claim, lexicon: Lexicon) -> tuple[str, ...]:
    """Sorted measure words the claim uses, in their one canonical form."""
    found = {_singular(w, lexicon.measures) for w in _words(stated_text(claim), lexicon)}
    return tuple(sorted(w for w in found if w in lexicon.measures))


def _date_spans(claim: Claim) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in claim.dates]


def values_of(claim: Claim) -> tuple[str, ...]:
    """Sorted figures: ``USD 2.77e+10``, ``percent 0.03``; restatements and date parts left out."""
    dates = _date_spans(claim)
    out = set()
    for q in claim.quantities:
        if q.equivalent_of is not None:
            continue  # `(S$37.7 billion)` restates the amount before it
        if any(_within(q.start, q.end, s, e) for s, e in dates):
            continue  # `5 years` in `5 years ago` is part of a date
        unit = q.currency or q.unit or q.kind
        rate = f"/{q.rate}" if q.rate else ""
        out.add(f"{unit}{rate} {q.value:.{VALUE_DIGITS}g}")
    return tuple(sorted(out))


def times_of(claim: Claim) -> tuple[str, ...]:
    """Sorted resolved dates of the fact, without the day a source spoke (`said Tuesday`)."""
    out = set()
    for d in claim.dates:
        if d.value is None:
            continue
        before = claim.text[max(0, d.start - claim.start - 12) : d.start - claim.start]
        after = claim.text[d.end - claim.start : d.end - claim.start + 12]
        if SPEECH_DATE.search(before) or re.match(r"^\s*(said|says|told)\b", after, re.I):
            continue
        out.add(d.value)
    return tuple(sorted(out))


def content_words(claim: Claim, lexicon: Lexicon) -> tuple[str, ...]:
    """Sorted distinct content words: the key of a claim that states no figure."""
    text = stated_text(claim, without_mentions=True)
    words = {_singular(w.removesuffix("'s"), lexicon.measures) for w in _words(text, lexicon)}
    return tuple(sorted(w for w in words if w not in lexicon.stopwords and len(w) > 2))


def claim_key(claim: Claim, lexicon: Lexicon | None = None) -> str:
    """The normalized key of what a claim states (pure: depends on the claim record alone)."""
    lex = lexicon or load_lexicon()
    subject = " + ".join(subject_of(claim, lex))
    values = values_of(claim)
    times = " + ".join(times_of(claim))
    if values:
        measure = " ".join(measure_of(claim, lex))
        if subject or measure:
            return SEPARATOR.join([subject, measure, " + ".join(values), times])
    # No figure, or figures about no one and no known measure (`engines valued at five mln
    # dlrs`): the words say what is stated, so a like sum on another subject stays apart.
    words = "words: " + " ".join(content_words(claim, lex))
    return SEPARATOR.join([subject, words, " + ".join(values), times])
