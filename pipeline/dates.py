"""Dates stage: temporal expressions with TIMEX3 values anchored to the publication date."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline import dates_calendar as cal
from pipeline import spans
from pipeline.contract import DateMention
from pipeline.dates_calendar import Context, Tense, parse_anchor
from pipeline.dates_normalize import DAY, MONTH, compiled, evaluate, matches, normalize

STAGE_KEY = "claims_dates"
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
MODAL_AUX = frozenset({"could", "may", "might", "should", "must", "can", "would", "'d"})
PAST_TAGS = frozenset({"VBD"})
QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
DAY_RE = re.compile(r"^\d{4}-\d\d-\d\d$")
MONTH_RE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?")
CLOCK_PREP = re.compile(r"\b(?:at|by|until|till|before|after|around|about|from|since|to)\s+$",
                        re.IGNORECASE)
SHORT_MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                          "nov", "dec"})
COUNT_MOD = re.compile(r"\b(?:about|some|nearly|almost|over|around|roughly|approximately"
                       r"|more\s+than|less\s+than|fewer\s+than|up\s+to|at\s+least)\s+$",
                       re.IGNORECASE)
UNTIL = re.compile(r"\b(?:until|till|by)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
VERB_BEFORE = frozenset({"will", "would", "to", "can", "could", "should", "must", "might",
                         "shall", "'ll", "did", "not", "they", "we", "i", "you"})
ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(" + MONTH + r"\s+" + DAY
                   + r")", re.IGNORECASE)
COUNT_BEFORE = re.compile(r"(?:\bNo\.|\bpages?|\bp\.|\bRoute|\bFlight|\bRoom|#)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rule's match before overlaps are resolved."""

    start: int
    end: int
    rank: int
    rule: str
    match: re.Match[str]


def _capitalized(m: re.Match[str], name: str) -> bool:
    """Month, weekday and holiday names count only when capitalized (``may``, ``march``)."""
    if name not in m.re.groupindex:
        return True
    text = m.group(name)
    return text is None or text[:1].isupper()


def candidates(text: str) -> list[Candidate]:
    """Every rule's matches in the text, with case checks for names."""
    rules = compiled()
    return [Candidate(m.start(), m.end(), rank, rules[rank].name, m)
            for rank, m in matches(text)
            if all(_capitalized(m, g) for g in ("month", "wd", "hol"))]


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest match first, then earliest, then rule order; no two chosen spans overlap."""
    chosen: list[Candidate] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start, c.rank)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def verb_tense(verb: Token) -> Tense:
    """Past, present or future from a verb and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowered = {a.lower_ for a in auxes}
    if lowered & FUTURE_AUX:
        return "future"
    if any(a.tag_ in PAST_TAGS for a in auxes) or lowered & {"has", "have"}:
        return "past"
    if "to" in lowered and verb.tag_ == "VB" and verb.head.i != verb.i:
        # "declined to comment Saturday": the tense is the governing verb's
        # "is scheduled to close Monday": an infinitive under a present verb looks ahead
        head = governing_verb(verb.head)
        outer = verb_tense(head) if head is not None else None
        return "past" if outer == "past" else "future"
    if lowered & MODAL_AUX:
        return "future"
    if verb.tag_ in PAST_TAGS:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb at or above ``tok`` in the dependency tree."""
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb that governs the character span (``None`` when there is none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    return verb_tense(verb) if verb is not None else None


def _plausible(doc: Doc, text_all: str, c: Candidate) -> bool:
    """Part-of-speech checks against false dates: ``March`` as a verb, ``2000 people``."""
    g = c.match.groupdict()
    text = c.match.group(0)
    before = text_all[max(0, c.start - 40):c.start]
    if c.rule == "time" and g.get("noon") and not g.get("dayref") and not CLOCK_PREP.search(
            before):
        return False
    if c.rule == "month" and text[-1:].isalpha() and text.lower() in SHORT_MONTHS:
        return False
    if c.rule == "month" and not (g.get("rel") or g.get("rel2") or g.get("year")) and (
            text == g.get("month")):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or span[0].tag_ != "NNP":
            return False
        if span.start > 0 and doc[span.start - 1].lower_ in VERB_BEFORE:
            return False  # "will March on the capital"
        if span[0].ent_type_ in ("PERSON", "ORG") or (
                span.start > 0 and doc[span.start - 1].tag_ in ("NNP", "NNPS")):
            return False  # "Theresa May", "May Department Stores"
        return not (text in ("May", "March") and span[0].is_sent_start)
    if c.rule == "year" and text.isdigit():
        if COUNT_BEFORE.search(text_all, max(0, c.start - 8), c.start):
            return False
        if COUNT_MOD.search(before):
            return False
    return True


def text_of(doc: Doc) -> str:
    """``doc.text``, rebuilt from arrays: ``Doc.text`` makes a Token object per token."""
    strings = doc.vocab.strings
    rows = doc.to_array(["ORTH", "SPACY"]).tolist()
    return "".join(strings[orth] + " " if space else strings[orth] for orth, space in rows)


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start (one pass over the Doc)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0]
    # arrays are read in C: far cheaper than iterating Token objects
    idx, sent = doc.to_array(["IDX", "SENT_START"]).T
    pairs = zip(idx.tolist(), sent.tolist(), strict=True)
    return [int(i) for i, s in pairs if s == 1 or i == 0] or [0]


def find_dates(doc: Doc) -> tuple[DateMention, ...]:
    """The article's temporal expressions, each with its value resolved against publication."""
    published = spans.published_of(doc)
    text = text_of(doc)
    found = candidates(text)
    rejected: set[tuple[int, int, int]] = set()
    for _ in range(4):  # a longer match that turns out not to be a date gives way to shorter ones
        kept = [c for c in found if (c.start, c.end, c.rank) not in rejected]
        chosen = [c for c in select(kept) if _plausible(doc, text, c)]
        mentions, failed = _resolve(doc, text, chosen, published)
        if not failed:
            break
        rejected.update(failed)
    return spans.sorted_records(mentions, key=lambda m: (m.start, m.end))


def _quarter_ended(text: str, end: int, ctx: Context) -> tuple[int, int] | None:
    """The (year, quarter) of ``... quarter ended Sept. 30`` from the date that follows."""
    m = ENDED.match(text, end)
    if m is None:
        return None
    day = normalize(m.group(1), ctx.anchor, "past").value
    if day is None or not DAY_RE.match(day):
        return None
    return cal.quarter_of(date.fromisoformat(day))


def _resolve(doc: Doc, text: str, chosen: list[Candidate], published: str | None
             ) -> tuple[list[DateMention], list[tuple[int, int, int]]]:
    """Values for the chosen matches in text order, each seeing the mentions before it."""
    anchor = parse_anchor(published)
    mentions: list[DateMention] = []
    failed: list[tuple[int, int, int]] = []
    ref_quarter: tuple[int, int] | None = None
    ref_day = None
    ref_month: tuple[int, int] | None = None
    sent_years: dict[int, int] = {}  # sentence start -> last explicit year in it
    starts = sentence_starts(doc) if chosen else []
    for c in chosen:
        sent_start = starts[bisect_right(starts, c.start) - 1] if starts else 0
        tense = tense_at(doc, c.start, c.end)
        if tense != "future" and UNTIL.search(text, max(0, c.start - 30), c.start):
            tense = "future"  # "until Tuesday", "by Jan. 14": deadlines lie ahead
        ctx = Context(anchor, tense, sent_years.get(sent_start), ref_quarter, ref_day, ref_month)
        value = evaluate(c.rank, c.match, ctx)
        if value is None:
            failed.append((c.start, c.end, c.rank))
            continue
        v = value.value or ""
        if v[:4].isdigit() and not value.relative and value.type != "DURATION":
            sent_years[sent_start] = int(v[:4])
        q = QUARTER_RE.match(v)
        ended = None
        if c.rule in ("quarter_rel", "quarter_bare") and ref_quarter is None:
            ended = _quarter_ended(text, c.end, ctx)
        if ended is not None:
            # "the quarter ended Sept. 30" (no quarter named yet): the quarter that date closes;
            # once a fiscal quarter is named, articles keep to its numbering
            ref_quarter = ended
            value = replace(value, value=cal.quarter_value(*ended))
        elif q and c.rule == "quarter":
            ref_quarter = (int(q.group(1)), int(q.group(2)))
        if DAY_RE.match(v[:10]) and value.type != "DURATION":
            ref_day = parse_anchor(v[:10])
        if MONTH_RE.match(v) and value.type != "DURATION":
            ref_month = (int(v[:4]), int(v[5:7]))
        mentions.append(DateMention(
            start=c.start, end=c.end, text=c.match.group(0), value=value.value, type=value.type,
            unresolved=value.unresolved, anchor=published if value.relative else None))
    return mentions, failed


def _label(record: Any) -> str:
    return str(record.type)


class DatesStage:
    """spaCy component: runs ``find_dates`` and stores the mentions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans.store(doc, STAGE_KEY, find_dates(doc), _label)
        return doc


@Language.factory("claims_dates", default_config={})
def make_dates(nlp: Language, name: str) -> DatesStage:
    """Factory for the dates stage."""
    return DatesStage(nlp, name)
