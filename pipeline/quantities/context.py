"""Context around a number: dates, names and labels that are not quantities, qualifiers, nouns."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Token

from pipeline.quantities.numbers import Number
from pipeline.spans import Tokens

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_SPELLED = (r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Fifty"
            r"|Hundred|Thousand)")
# Numbers that are dates, times, ordinals or parts of names, never quantities.
_BLOCKED_RE = re.compile(
    # Every branch starts at a digit, a capital, an apostrophe, `h`/`w` (URLs) or a word-initial
    # o/d/n/a/e (the idioms); testing that first skips other positions cheaply (same matches).
    r"(?=[\dA-Z'hw]|\b[odnae])(?:"
    r"(?:https?://|www\.)\S+"  # URLs and their %-escapes
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\.\d|\s*(?:%|percent|per\s?cent))"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\b\d+(?:st|nd|rd|th|ST|ND|RD|TH)\b"  # wire headlines: "4TH QTR"
    r"|\b\d{1,4}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{2,4}\b"  # one separator: "1-1/16" is a price
    r"|[A-Z][A-Za-z&]*\s?-\d[\w.]*"  # TA-35, COVID-19, F-35
    r"|[A-Z][A-Za-z]*\s\d{3}-\d{3}\b(?!\s*(?:%|pct|per))"  # Boeing 747-300: a model
    r"|\b(?:19|20)\d{2}\s*[-–/]\s*\d{2}\b(?!\s*(?:%|percent|per cent))"  # 2012-13
    r"|(?<![\d,.])'\d{2}s?\b|\b\d{4}s\b|\b\d0s\b"  # '90s, 1990s
    r"|(?<![\w/.,])(?:9/11|7/7|24/7)(?![\w/]|[.,]\d)"  # names: the attacks, "open 24/7"
    r"|\b\d+[A-Za-z]?(?:-\d+)?\s+(?:(?:[A-Z][\w.]*|\d+(?:st|nd|rd|th))\s+){0,3}(?:St|Street|Ave|Avenue|Road|Rd|Way"
    r"|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct|Terrace|Parkway|Square)\b"  # addresses
    # A spelled number in a name: "<Four Seasons Hotels>", "the Four Seasons Biltmore"
    # (capitalised after `the` and before a capital: a name's word, not a count).
    rf"|(?<=<){_SPELLED}\b(?=[^<>\n]*>)|(?<=\bthe ){_SPELLED}(?=\s+[A-Z][a-z])"
    # Idioms with "one" that count nothing: "one day the city might", "day one", "one kind of".
    r"|(?<!\bfor )(?<!\bin )\b[Oo]ne\s+day\b|\b[Dd]ay\s+one\b|\b(?:[Nn]o|[Aa]ny|[Ee]very)\s*one\b"
    r"|\b[Oo]ne\s+(?:another|(?:type|kind|sort|form|way|thing|part|piece|bit)s?\s+of)\b)",
)
_QUALIFIER_RE = re.compile(
    r"(?P<q>about|around|roughly|approximately|nearly|almost|some|more\s+than|over|under"
    r"|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+(?:many|much|high|low)\s+as"
    r"|just\s+(?:over|under)|well\s+(?:over|under)|close\s+to|an\s+estimated|estimated"
    r"|~|≈)\s*$",
    re.IGNORECASE,
)

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_SKIP_POS = frozenset({"ADJ", "ADV", "NUM", "PUNCT", "SYM"})


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Disjoint, sorted spans of dates, times, ordinals, names and URLs."""
    merged: list[tuple[int, int]] = []
    for match in _BLOCKED_RE.finditer(text):
        if merged and match.start() <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], match.end()))
        else:
            merged.append((match.start(), match.end()))
    return merged


def inside(spans_: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_left(spans_, (start + 1, -1)) - 1
    return index >= 0 and spans_[index][0] <= start and end <= spans_[index][1]


def qualifier_before(text: str, start: int) -> str | None:
    match = _QUALIFIER_RE.search(text[max(0, start - 24):start])
    if match is None or (match.start() > 0 and text[max(0, start - 24):start][match.start() - 1]
                         .isalpha()):
        return None
    return re.sub(r"\s+", " ", match.group("q").lower())


def sign_before(text: str, start: int) -> tuple[int, float]:
    """Start including a minus sign or ``minus`` written before the number, and the sign."""
    before = text[max(0, start - 7):start]
    match = re.search(r"(?:(?<![\w\d])[-−]|\bminus[\s-])$", before, re.IGNORECASE)
    if match is None:
        return start, 1.0
    return start - (len(before) - match.start()), -1.0


NAME_WORDS = frozenset({"PROPN", "ADJ"})


def counted_noun(tokens: Tokens, end: int, limit: int = 4) -> Token | None:
    """The noun a number counts: ``13 people``, ``seven European countries``."""
    token = tokens.after(end)
    number = tokens.before(end)
    # The noun the parse hangs the number on, past names that qualify it: "six Gulf Arab
    # states" and "ten New York banks" count states and banks.
    if (number is not None and token is not None and number.dep_ == "nummod"
            and number.head.pos_ == "NOUN" and 0 < number.head.i - token.i < limit
            # (a wrapped line may fall between them, "six Gulf\nArab states"; an indented one
            # opens a table row, "6.10 billion\n    Sales")
            and all(t.pos_ in NAME_WORDS or t.text == "\n"
                    for t in token.doc[token.i : number.head.i])):
        return number.head
    steps = 0
    while token is not None and steps < limit:
        if token.pos_ in _NOUN_POS and token.text[:1].isalpha():
            # Skip compounds: "heart transplants" counts transplants.
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and token.dep_ == "compound":
                token = nxt
                steps += 1
                continue
            return token
        # (a full stop ends the search: "from 2.75 mln.\n    Imports of …" counts no imports)
        if token.pos_ not in _SKIP_POS or token.text in ",;:().!?":
            return None
        token = token.nbor(1) if token.i + 1 < len(token.doc) else None
        steps += 1
    return None


def share_noun(text: str, tokens: Tokens, number: Number, end: int) -> Token | None:
    """What a share counts: ``two-thirds of voters``, ``two deaths for every three``."""
    after = end if number.form == "ratio" else end + 3  # past the " of" of "2/3 of"
    if number.form == "ratio" and re.search(r"\bfor\s+every\b", text[number.start:end], re.I):
        after = number.start + 1  # the noun between the part and "for every"
    return counted_noun(tokens, after, limit=4)


def name_like(text: str, tokens: Tokens, number: Number) -> bool:
    """Numbers that belong to names: ``iPhone 12``, ``Fortune 100``, ``787 Dreamliner``."""
    raw = text[number.start:number.end]
    if "," in raw or "." in raw or number.scaled:
        return False
    prev = tokens.before(number.start)
    nxt = tokens.after(number.end)
    attached_prev = prev is not None and prev.idx + len(prev.text) == number.start
    if attached_prev and prev is not None and prev.text[-1:].isalpha():
        return True
    joined_prev = prev is not None and text[prev.idx + len(prev.text):number.start] == " "
    if joined_prev and prev is not None and (prev.text.lower() in LABELS or (
            prev.text[:1].islower() and any(c.isupper() for c in prev.text))):
        return True  # "category 4", "Game 7", "iPhone 11"
    next_lower_noun = nxt is not None and nxt.text[:1].islower() and nxt.pos_ in _NOUN_POS
    if (joined_prev and prev is not None and prev.text[:1].isupper() and not prev.is_sent_start
            and (prev.pos_ == "PROPN" or "&" in prev.text) and not next_lower_noun):
        return True
    return bool(nxt is not None and nxt.text[:1].isupper() and nxt.text[1:].islower()
                and len(nxt.text) > 2 and nxt.pos_ == "PROPN"
                and text[number.end:nxt.idx] == " " and not nxt.is_sent_start
                and nxt.text not in ("US", "U.S."))


def year_like(text: str, number: Number, start: int) -> bool:
    """``2016`` is a year (the dates stage reads it), unless a unit or a count word goes with it."""
    raw = text[number.start:number.end]
    if _COUNT_BEFORE_RE.search(text[max(0, start - 16):start]):
        return False  # "more than 1000 customers"
    return bool(number.form == "digits" and re.fullmatch(r"\d{4}", raw)
                and 1000 <= number.value < 2200)


def words_stand_alone(text: str, number: Number, start: int, has_noun: bool) -> bool:
    """A spelled number that is a figure without a noun of its own.

    The first end of a range ("aged five to 11", "between two and 30"), a bound ("kids under
    five") or a scaled amount ("seven billion"); "at least one said" is a pronoun and "years one
    and two" are labels.
    """
    opens = _RANGE_NEXT_RE.match(text, number.end)
    if opens and opens.group(1).lower() == "and":
        opens = _BETWEEN_RE.search(text, max(0, start - 12), start)
    if opens:
        return True
    bound = _BOUND_BEFORE_RE.search(text, max(0, start - 16), start)
    return not has_noun and (number.scaled or (bound is not None and number.value != 1))


_RANGE_NEXT_RE = re.compile(
    r"\s*(to|or|and|–|—)\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|a\s+hundred)\b)", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BOUND_BEFORE_RE = re.compile(
    r"\b(?:under|over|more\s+than|fewer\s+than|less\s+than|at\s+least|at\s+most|up\s+to"
    r"|aged?|younger\s+than|older\s+than)\s+$", re.IGNORECASE)
_COUNT_BEFORE_RE = re.compile(r"\b(?:(?:more|fewer|less)\s+than|nearly|almost)\s+$", re.IGNORECASE)
# Words after which a number is a label, not an amount: "category 4", "Game 7".
LABELS = frozenset({
    "category", "game", "no", "no.", "number", "chapter", "article", "section", "level", "phase",
    "stage", "round", "page", "room", "gate", "platform", "unit", "version", "season", "episode",
    "track", "grade", "class", "group", "division", "route", "highway", "flight", "item",
    "figure", "table", "series", "model", "type", "week", "day", "act", "amendment", "title",
})
