"""Tense for the dates stage: which way a relative date points, from the verb and its context."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.dates.calendar import Tense
from pipeline.dates.published import MONTHS

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
# "could" is left out: in news it is mostly the past of "can" ("could not be reached Tuesday")
MODAL_AUX = frozenset({"may", "might", "should", "must", "can", "would", "'d"})
PAST_TAGS = frozenset({"VBD"})
# what is planned, scheduled or expected lies ahead even when the planning is reported in the past
PLAN_LEMMAS = frozenset({"plan", "schedule", "slate", "expect", "intend", "hope", "want", "aim",
                         "promise", "vow", "threaten", "prepare", "propose", "due", "agree"})

SOON = re.compile(r"\bas\s+(?:soon|early)\s+as\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
UNTIL = re.compile(r"\b(?:until|till|by)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# "postponed until Tuesday", "has given them until Friday": a deadline set or moved lies ahead
DEFER = re.compile(r"\b(?:until|till|through)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# "a pact effective June 1", "effective Feb. 1": the day a change takes force, announced ahead
EFFECTIVE = re.compile(r"\beffective\s+(?:on\s+)?$", re.IGNORECASE)
DEFER_LEMMAS = frozenset({"give", "extend", "postpone", "delay", "defer", "adjourn", "grant",
                          "push", "suspend", "recess"})
# "April/May shipment", "the May position", "June/July at 4,400 dlrs": commodity wire copy
# names the months goods are traded for, which lie ahead whatever the tense of the trade.
# (A pair out of calendar order, `(October/September)`, is a crop year, not two months ahead;
# `January shipments` may be a month's statistic, so only a pair or a position says ahead.)
PAIR_AFTER = re.compile(r"\s*/\s*([A-Z][a-z]{2,8})\b")
PAIR_BEFORE = re.compile(r"\b([A-Z][a-z]{2,8})\s*/\s*$")
TRADED = re.compile(r"\s+(?:positions?|futures|contracts?)\b")
NAMED_DAYS = frozenset({"weekday", "month", "mdy", "dmy", "holiday"})
POSSESSIVE = re.compile(r"['’]s\b")
# "said on Monday it would cut": the day right after a reported speech verb is the day of the
# speech, though the parse may hang it on the reported clause's verb.
SAID_ON = re.compile(
    r"\b(?:said|told(?:\s+\w+){0,2}|announced|reported|added|disclosed|confirmed)\s+"
    r"(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE,
)


def verb_tense(verb: Token) -> Tense:
    """Past, present or future from a verb and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowered = {a.lower_ for a in auxes}
    if lowered & FUTURE_AUX:
        return "future"
    if verb.lemma_ in ("plan", "schedule", "slate") and "had" not in lowered:
        return "future"  # "planned a rally on Saturday", "was planned for March": the rally's date
    if any(a.tag_ in PAST_TAGS for a in auxes) or lowered & {"has", "have"}:
        return "past"
    if (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not auxes
            and verb.lemma_ not in PLAN_LEMMAS and not _scheduled(verb)):
        # a reduced relative ("the record set on Aug. 6", "the year ended Jan. 31") tells of
        # something done: a participle with no auxiliary is past, whatever the clause's tense
        return "past"
    if "to" in lowered and verb.tag_ == "VB" and verb.dep_ == "acl":
        return "future"  # "an agreement to acquire it in January": the noun's aim lies ahead
    if "to" in lowered and verb.tag_ == "VB" and verb.head.i != verb.i:
        # "declined to comment Saturday": the tense is the governing verb's
        # "is scheduled to close Monday": an infinitive under a present verb looks ahead
        head = governing_verb(verb.head)
        if head is not None and head.lemma_ in PLAN_LEMMAS:
            # "had been scheduled to expire Friday": a plan told in the past perfect is over
            perfect = any(a.lower_ == "had" for a in head.children if a.dep_ == "aux")
            return "past" if perfect else "future"
        outer = verb_tense(head) if head is not None else None
        return "past" if outer == "past" else "future"
    if lowered & MODAL_AUX:
        return "future"
    if verb.tag_ in PAST_TAGS:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _traded_month(text: str, start: int, end: int) -> bool:
    """``April/May``, ``Oct/Dec``, ``the May position``: months goods are traded for."""
    if TRADED.match(text, end):
        return True
    this = _month_number(text[start:end])
    if this is None:
        return False
    if (after := PAIR_AFTER.match(text, end)) is not None:
        other = _month_number(after.group(1))
        return other is not None and other >= this
    if (before := PAIR_BEFORE.search(text, max(0, start - 12), start)) is not None:
        other = _month_number(before.group(1))
        return other is not None and other <= this
    return False


def _month_number(word: str) -> int | None:
    """1-12 for a month's name or its abbreviation (``Dec.``, ``Sept``), else None."""
    return MONTHS.get(word.strip(" .").lower())


def _scheduled(verb: Token) -> bool:
    """``set to resume``, ``set for Tuesday``: a participle that fixes a time still ahead."""
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for")
               for c in verb.children)


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb at or above ``tok`` in the dependency tree."""
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _verb_at(doc: Doc, start: int, end: int) -> Token | None:
    """The verb that governs the character span (``None`` when there is none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return governing_verb(span.root)


def _modifies_noun(doc: Doc, start: int, end: int) -> bool:
    """The date is a noun's modifier (``the June agreement``, ``by the Tuesday deadline``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= span.end


def context_tense(doc: Doc, text: str, start: int, end: int, rule: str) -> Tense:
    """The tense a date at ``start:end`` is read in: its verb's, corrected by its context."""
    before = max(0, start - 30)
    if rule == "weekday" and POSSESSIVE.match(text, end):
        # "appeal Wednesday's verdict": the possessive names an event the story already
        # knows of, whatever the tense of the clause around it; news reports look back
        return None
    if rule == "weekday" and SAID_ON.search(text, before, start):
        return "past"
    if rule == "month" and _traded_month(text, start, end):
        return "future"
    if rule in NAMED_DAYS and _modifies_noun(doc, start, end):
        # "the October slaying", "by the Tuesday deadline": a date that names an event the
        # story takes as known points back, whatever the tense of the clause around it
        return "past"
    verb = _verb_at(doc, start, end)
    tense = verb_tense(verb) if verb is not None else None
    if tense not in ("future", "past") and UNTIL.search(text, before, start):
        tense = "future"  # "until Tuesday", "by Jan. 14": deadlines lie ahead
    elif verb is not None and verb.lemma_ in DEFER_LEMMAS and DEFER.search(text, before, start):
        tense = "future"  # "postponed until Tuesday morning": the new date is still to come
    if SOON.search(text, before, start) or EFFECTIVE.search(text, before, start):
        tense = "future"  # "as soon as Tuesday", "as early as next week", "effective May 1"
    return tense
