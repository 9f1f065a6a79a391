"""Dates stage: temporal expressions with TIMEX3 values anchored to the publication date."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import spans
from pipeline.contract import DateMention
from pipeline.dates import calendar as cal
from pipeline.dates.calendar import Context, parse_anchor
from pipeline.dates.rules import DAY, MONTH, Value, compiled, evaluate, matches, normalize
from pipeline.dates.tense import context_tense

STAGE_KEY = "claims_dates"
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
VERB_BEFORE = frozenset({"will", "would", "to", "can", "could", "should", "must", "might",
                         "shall", "'ll", "did", "not", "they", "we", "i", "you"})
ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(" + MONTH + r"\s+" + DAY
                   + r")", re.IGNORECASE)
SECOND_DAY = re.compile(r"\s*(?:and|or|to|through|[-–])\s*(?P<day>3[01]|[12]\d|0?[1-9])"
                        r"(?:st|nd|rd|th)?(?![\w.,:%/-]*\d|\s*(?:percent|per\s|[ap]\.?m\b))")
ENDS_WITH_DAY = re.compile(r"(?<![\d,])\s(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?$")
YEAR_SPAN = re.compile(r"\s*(?:[-–]|to|through|and)\s*(?:1[6-9]|20)\d\d\b")
RANGE_OPEN = re.compile(r"\b(?P<open>from|between)\s+(?:the\s+)?$", re.IGNORECASE)
RANGE_JOIN = re.compile(r"\s*(?:(?P<word>to|until|till|through|thru|and)\s+(?:the\s+)?|[-–—]\s*)$",
                        re.IGNORECASE)
ASIDE = re.compile(r"\b(?:after|before|since|than)\s+(?:a|an|the|its|their)?\s*(?:\w+\s+)?$",
                   re.IGNORECASE)
MODAL_BEFORE = re.compile(r"\b(?:will|would|may|might|could|can|shall|should|'ll)\s+$",
                          re.IGNORECASE)
NAME_AFTER = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z]")
# "The Sunday Times", "the Sunday Express poll": a bare weekday between "the" and a capitalised
# word names a newspaper or a club; "the Wednesday average" is a day.
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
TITLE_RULES = frozenset({"rel_unit", "duration", "deictic", "weekday"})
CLOSED_BY = re.compile(r"\b(?:year|quarter|period|months|weeks|half)\s+ended\s+(?:on\s+)?$",
                       re.IGNORECASE)
MULTI_QUARTER = re.compile(r"\b(?:nine|six)[\s-]+months?\b|\bfirst\s+half\b|\byear\s+to\s+date\b",
                           re.IGNORECASE)
DAY_SHIFT = re.compile(r"\b(?:the\s+)?day\s+(?P<dir>before|after)\s+$", re.IGNORECASE)
# the apposed noun phrase ends the phrase or goes on with a clause or a modifier of its own
APPOSED = re.compile(r",\s+(the\s+(?:[a-z]+\s+)?(?:day|night))(?=\s*[,.;:)]|\s+(?:before|after"
                     r"|of|when|that|on|in|at)\b)")
TODAY_IS = re.compile(r"\b(?:today|it)\s*(?:is|['’]s)\s+$", re.IGNORECASE)
POD_PREP = re.compile(r"\b(?:in|by|during|until|till|through|since)\s+$", re.IGNORECASE)
# Wire tables: "Soybean May 20.0, total 20.0" gives a figure for a month, not a day, and a
# figure that ends a line is no count of the heading that starts the next ("8,142,000 / Year").
TABLE_FIGURE = re.compile(r"\.\d")
PARAGRAPH = re.compile(r"\n(?:[ \t]+|\s*\n)")
# A line of month names and nothing else heads the columns of a table ("  January  February").
TABLE_HEAD = re.compile(rf"[ \t]*(?:{MONTH}\.?(?:[ \t]+(?:19|20)?\d\d)?[ \t]+)+{MONTH}\.?"
                        r"(?:[ \t]+(?:19|20)?\d\d)?[ \t]*", re.IGNORECASE)
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


def _plausible(doc: Doc, text_all: str, c: Candidate) -> bool:
    """Part-of-speech checks against false dates: ``March`` as a verb, ``2000 people``."""
    g = c.match.groupdict()
    text = c.match.group(0)
    before = text_all[max(0, c.start - 40):c.start]
    if (text[-1:].isdigit() and TABLE_FIGURE.match(text_all, c.end)) or PARAGRAPH.search(text):
        return False
    line_start = text_all.rfind("\n", 0, c.start) + 1
    line_end = text_all.find("\n", c.end)
    if TABLE_HEAD.fullmatch(text_all, line_start, line_end if line_end >= 0 else len(text_all)):
        return False
    if c.rule == "time" and g.get("noon") and not g.get("dayref") and not CLOCK_PREP.search(
            before):
        return False
    if c.rule == "part_of_day" and not _pod_in_context(doc, text_all, c):
        return False
    if c.rule == "nth_day" and not TODAY_IS.search(text_all, max(0, c.start - 12), c.start):
        return False  # "on the first day of the trial": which day is not said
    if c.rule == "month" and text[-1:].isalpha() and text.lower() in SHORT_MONTHS:
        return False
    if c.rule == "month" and text == g.get("month") and NAME_AFTER.match(text_all, c.end):
        return False  # "the March for Peace", "the March of Dimes"
    if c.rule == "weekday" and text == g.get("wd") and THE_BEFORE.search(before) and (
            CAPITAL_AFTER.match(text_all, c.end)):
        return False  # "The Sunday Times": a name, not a day
    if c.rule in TITLE_RULES and _title(doc, text_all, c):
        return False  # ABC's "This Week", CBS's "60 Minutes"
    if ((c.rule == "holiday" and not g.get("rel")) or text == "Today") and c.start > 0:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].tag_ == "NNP" and (
                not span[0].is_sent_start):
            return False  # "colourist Holly Christmas", "USA Today"
    if c.rule == "ref" and re.search(r"\bevery\s+$", before) and (
            re.match(r"\s+and\s+(?:then|again)\b", text_all[c.end:c.end + 12])):
        return False  # "every now and then" says how often, not when
    if c.rule == "ref" and text == "Now" and text_all.startswith(",", c.end):
        return False  # "Now, he says, ...": a sentence-opening discourse marker, not a time
    if c.rule == "month" and not (g.get("rel") or g.get("rel2") or g.get("year")) and (
            text == g.get("month")):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or span[0].tag_ != "NNP":
            return False
        possessive = text_all.startswith(("'s", "’s"), c.end)  # "to December's figures"
        if span.start > 0 and doc[span.start - 1].lower_ in VERB_BEFORE and not possessive:
            return False  # "will March on the capital"
        if span[0].ent_type_ in ("PERSON", "ORG") or (
                span.start > 0 and doc[span.start - 1].tag_ in ("NNP", "NNPS")):
            return False  # "Theresa May", "May Department Stores"
        return not (text in ("May", "March") and span[0].is_sent_start)
    if c.rule == "year" and text.isdigit():
        if COUNT_BEFORE.search(text_all, max(0, c.start - 8), c.start):
            return False
        if COUNT_MOD.search(before) and not YEAR_SPAN.match(text_all, c.end):
            return False  # "some 1800 workers", but "over 2000-2050" is a span of years
    return True


def _pod_in_context(doc: Doc, text_all: str, c: Candidate) -> bool:
    """``by mid-afternoon``, ``in the morning``: a part of day after a preposition of time."""
    if not POD_PREP.search(text_all, max(0, c.start - 10), c.start):
        return False
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return span is None or span[-1].dep_ not in ("compound", "amod")  # "the morning papers"


def _title(doc: Doc, text_all: str, c: Candidate) -> bool:
    """All words capitalized mid-sentence after a quote: a title (``"This Week"``)."""
    words = c.match.group(0).split()
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or span[0].is_sent_start:
        return False
    prev = text_all[max(0, c.start - 2):c.start]
    return any(q in prev for q in "\"“'‘")  # a quoted title


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
    text = spans.text_of(doc)
    found = candidates(text)
    rejected: set[tuple[int, int, int]] = set()
    for _ in range(4):  # a longer match that turns out not to be a date gives way to shorter ones
        kept = [c for c in found if (c.start, c.end, c.rank) not in rejected]
        chosen = [c for c in select(kept) if _plausible(doc, text, c)]
        mentions, failed = _resolve(doc, text, chosen, published)
        if not failed:
            break
        rejected.update(failed)
    mentions += second_days(doc, text, mentions)
    mentions = appositions(text, day_shifts(text, mentions))
    ordered = spans.sorted_records(mentions, key=lambda m: (m.start, m.end))
    return tuple(link_ranges(text, list(ordered)))


def second_days(doc: Doc, text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The bare second day of ``April 24 and 25`` or ``May 3 to 5``, in the first day's month."""
    out: list[DateMention] = []
    for m in mentions:
        value = m.value or ""
        found = SECOND_DAY.match(text, m.end)
        if not (found and DAY_RE.fullmatch(value) and ENDS_WITH_DAY.search(m.text)):
            continue
        day = int(found.group("day"))
        tok = doc.char_span(found.start("day"), found.end("day"), alignment_mode="expand")
        if tok is None or tok.root.dep_ == "nummod" or not int(value[8:]) < day <= 31:
            continue  # "on May 5 and 6 people died": a count, not a day
        try:
            second = date(int(value[:4]), int(value[5:7]), day)
        except ValueError:
            continue
        out.append(DateMention(start=found.start("day"), end=found.end(),
                               text=text[found.start("day"):found.end()], value=second.isoformat(),
                               type=m.type, anchor=m.anchor))
    return out


def day_shifts(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``the day before last Tuesday's hearing``: one day off the day named right after it."""
    shifted: dict[int, DateMention] = {}
    for i, m in enumerate(mentions):
        found = DAY_SHIFT.search(text, max(0, m.start - 20), m.start)
        value = m.value or ""
        if found is not None and DAY_RE.fullmatch(value):
            step = -1 if found.group("dir").lower() == "before" else 1
            day = cal.shift_days(date.fromisoformat(value), step).isoformat()
            shifted[i] = replace(m, start=found.start(), text=text[found.start():m.end], value=day)
    if not shifted:
        return mentions
    # "the day before" alone may have been read as an anaphor: the longer reading replaces it
    return [shifted.get(i, m) for i, m in enumerate(mentions)
            if i in shifted or all(m.end <= s.start or m.start >= s.end for s in shifted.values())]


def appositions(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``Oct. 12, the day before the crash``: a day named again in apposition is that day."""
    added: list[DateMention] = []
    for m in mentions:
        found = APPOSED.match(text, m.end)
        if found is None or not DAY_RE.match((m.value or "")[:10]):
            continue
        added.append(DateMention(start=found.start(1), end=found.end(1), text=found.group(1),
                                 value=(m.value or "")[:10], type="DATE", anchor=m.anchor))
    if not added:
        return mentions
    kept = [m for m in mentions if all(m.end <= a.start or m.start >= a.end for a in added)]
    return kept + added


def link_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Give both ends of ``from 2011 to 2016``, ``between March and May``, ``1994-97`` one id."""
    next_id = 0
    out = list(mentions)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.range_id is not None or "DURATION" in (first.type, second.type):
            continue
        join = RANGE_JOIN.fullmatch(text, first.end, second.start)
        if join is None:
            continue
        opened = RANGE_OPEN.search(text, max(0, first.start - 16), first.start)
        word = (join.group("word") or "").lower()
        if word == "and" and (opened is None or opened.group("open").lower() != "between"):
            continue
        if word and word != "and" and opened is None:
            continue  # "rose in 2011 to ..." without "from" is no range
        out[i] = replace(_year_from(first, second), range_id=next_id)
        out[i + 1] = replace(second, range_id=next_id)
        next_id += 1
    return out


def _year_from(first: DateMention, second: DateMention) -> DateMention:
    """``from March 3 through June 9, 2016``: the open end takes the year the range names."""
    a, b = first.value or "", second.value or ""
    if (first.anchor is None or second.anchor is not None or not MONTH_RE.match(a)
            or not MONTH_RE.match(b) or re.search(r"\d{4}", first.text)):
        return first
    year = int(b[:4]) - (a[5:] > b[5:])  # "from Nov. 3 to Feb. 9, 2016" starts in 2015
    return replace(first, value=f"{year:04d}" + a[4:], anchor=None)


def _quarter_ended(text: str, end: int, ctx: Context) -> tuple[int, int] | None:
    """The (year, quarter) of ``... quarter ended Sept. 30`` from the date that follows."""
    m = ENDED.match(text, end)
    if m is None:
        return None
    day = normalize(m.group(1), ctx.anchor, "past").value
    if day is None or not DAY_RE.match(day):
        return None
    # a quarter ended July 31 ran May to July: name it by the calendar quarter most of it is in
    return cal.quarter_of(cal.shift_days(date.fromisoformat(day), -45))


def _closed_before(text: str, c: Candidate, value: Value, anchor: date | None) -> Value:
    """``the year ended Jan. 31``: a reported period closed before publication, never after."""
    v = value.value or ""
    if (c.rule not in ("mdy", "dmy") or anchor is None or c.match.group("year")
            or not DAY_RE.fullmatch(v) or v <= anchor.isoformat()
            or not CLOSED_BY.search(text, max(0, c.start - 24), c.start)):
        return value
    try:
        return replace(value, value=date(int(v[:4]) - 1, int(v[5:7]), int(v[8:])).isoformat())
    except ValueError:  # February 29
        return value


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
        tense = context_tense(doc, text, c.start, c.end, c.rule)
        quarter = ref_quarter
        if c.rule in ("ago", "year_earlier", "quarter_rel") and MULTI_QUARTER.search(
                text, sent_start, c.start):
            # "for the nine months, net rose from $9 million a year earlier": a period of
            # several quarters set against the year before is no single quarter
            quarter = None
        ctx = Context(anchor, tense, sent_years.get(sent_start), quarter, ref_day, ref_month)
        value = evaluate(c.rank, c.match, ctx)
        if c.rule == "duration" and c.match.group(0).lower() == "one day" and MODAL_BEFORE.search(
                text, max(0, c.start - 12), c.start):
            # "will one day lead it": "some day", not a 24-hour span (TIMEX3 FUTURE_REF)
            value = Value("FUTURE_REF")
        if value is None and c.rule == "quarter_bare" and _quarter_ended(text, c.end, ctx):
            value = Value("", relative=True)  # "the quarter ended Sept. 30": filled in below
        if value is None:
            failed.append((c.start, c.end, c.rank))
            continue
        value = _closed_before(text, c, value, anchor)
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
        elif q and c.rule == "quarter" and tense in ("past", None) and not ASIDE.search(
                text, max(0, c.start - 40), c.start):
            # "expects fourth-quarter profit to fall": a forecast is not the quarter reported on;
            # "after a flat second quarter": a quarter set against the one reported on
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
