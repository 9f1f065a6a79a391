"""Numbers as written in news: digits, words, scales, fractions, shares and vague counts."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words after a number; the short forms only count when attached or before a currency.
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    "bn": 1e9, "bln": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "mil": 1e6, "m": 1e6,
    "k": 1e3, "tn": 1e12, "trn": 1e12, "tr": 1e12,
}
LONG_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "lakhs", "lakh",
               "crores", "crore")
SHORT_SCALES = ("bn", "bln", "mn", "mln", "tn", "trn", "m", "b", "k")
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
    "tenth": 0.1, "tenths": 0.1,
}
# Vague plural counts: the value is the lower bound ("dozens of people" is at least 12).
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9, "trillions": 1e12, "tens": 10}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SIMPLE_WORD = rf"(?:{_WORD})(?:-(?:{'|'.join(k for k in UNITS if UNITS[k] < 10)}))?"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"

# Thousands grouped by commas, or by single spaces as South Africa and SI style write them
# ("700 000 learners"); a space group is exactly three digits, so "in 1987 100 firms" stays two,
# and "15 747s" (jets) is a count and a name.
_SPACE = "[ \u00a0\u2009\u202f]"
DIGITS = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
          rf"|(?<!\d{_SPACE})\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\w-]|[.,]\d)"
          r"|\d+(?:\.\d+)?|\.\d+)")
# A spelled-out number: "three", "twenty-five", "two hundred and fifty thousand", "a million".
WORDS = (
    rf"(?:(?:half|(?:a\s+|three\s+)?quarters?)(?:\s+an?)?\s+(?:million|billion|trillion)"
    rf"|(?:{_SIMPLE_WORD}|a|an)(?:\s+{_SCALE_WORD})+"
    rf"(?:\s+(?:and\s+)?{_SIMPLE_WORD}(?:\s+{_SCALE_WORD})*)*"
    rf"|{_SIMPLE_WORD}|a\s+dozen|dozen)"
)
VAGUE_RE = (r"(?:tens\s+of\s+(?:thousands|millions|billions)"
            r"|dozens|hundreds|thousands|millions|billions)")
FRACTION_RE = (  # "a third of", "two-thirds of", "half of"
    rf"(?:(?:a|an|{'|'.join(k for k in UNITS if 0 < UNITS[k] < 10)})[\s-]+"
    r"(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)|half)"
)

_SMALL = rf"(?:\d+|{_SIMPLE_WORD})"
# A part of a whole joins two numbers found apart: "one out of four", "three of the four", "one
# in every five", "two deaths for every three", "a ratio of nine to one" (odds).
_SHARE_GAP_RE = re.compile(
    r"\s+(?:out\s+of|of|in)\s+(?:(?:every|only|just|the|its|their|his|her|our)\s+)?"
    r"|(?P<every>(?:\s+(?!(?:for|per)\b)[a-z]+){0,2}\s+for\s+every\s+)"
    r"|(?P<to>\s+to\s+)",
    re.IGNORECASE,
)
_ODDS_BEFORE_RE = re.compile(r"\bratio\s+of\s+$", re.IGNORECASE)
_SHARE_PART_RE = re.compile(rf"{_SMALL}|\d{{1,3}}(?:,\d{{3}})+", re.IGNORECASE)
# The whole ends the figure: "one of 10 mln shares", "two in 5 pct", "143 in the 252-seat house"
# are no shares.
_AFTER_WHOLE_RE = re.compile(r"[\w-]|[.,/]\d|\s*(?:%|per\b|pct\b|percent\b|dlrs\b|dollars\b)",
                             re.IGNORECASE)
# Wire copy quotes prices and yields in binary fractions: "11-1/2" is 11.5, "down 1/8" 0.125.
_EIGHTHS = r"(?:64|32|16|8|4|2)"
WIRE_FRACTION = (rf"(?:\d{{1,3}}(?:,\d{{3}})*-\d{{1,2}}/(?:{_EIGHTHS}|3)"  # "8-1/3 cts" too
                 rf"|\d{{1,2}}/{_EIGHTHS})")
# Every branch starts at a digit, a dot or the first letter of a number word; testing that
# first lets the engine skip other positions without trying each branch (same matches).
_FIRST = r"(?=[\d.]|(?<!\w)[abdefhmnoqstz])(?:"
_SLASH = r"(?<![\w.,/])(?P<slash>\d+\s?[/⁄]\s?\d+)(?=\s+of\b)|"
_WIRE = rf"(?<![\d.,-])(?<!\d/)(?P<wire>{WIRE_FRACTION})(?![\d/])"
# After the wire branch: "13/16" is a wire fraction, "1/1024" a bare one; when its value says
# it is none ("2/27", "24/7"), the same span is read again without it.
_BARE = r"|(?<![\w.,/-])(?P<bare>\d+[/⁄]\d+)(?![\w/⁄]|[.,]\d)"
# Digits grouped as no number is ("4,472,0000", "43,.590", "4000,000"): a figure misprinted.
MISPRINT = (r"(?!\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,.]?\d))"
            r"\d+(?:,\.?\d{2,})+(?:\.\d+)?")
_SINGLE = (
    rf"|(?<![\w.,])(?P<misprint>{MISPRINT})(?![\d])"
    rf"|(?<![\d.,])(?P<digits>{DIGITS})(?![\d])"
    rf"|(?<![\w-])(?P<fraction>{FRACTION_RE})(?=\s+of\b)"
    rf"|(?<![\w-])(?P<vague>{VAGUE_RE})(?=\s+of\b)"
    rf"|(?<![\w-])(?P<words>{WORDS})(?![\w]))"
)
NUMBER_RE = re.compile(_FIRST + _SLASH + _WIRE + _BARE + _SINGLE, re.IGNORECASE)
SINGLE_RE = re.compile(_FIRST + _WIRE + _SINGLE, re.IGNORECASE)
# "rose 3 in 10 days" is a pace, not one in every ten.
_TIME_AFTER_RE = re.compile(r"\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?"
                            r"|decades?|sessions?)\b", re.IGNORECASE)
SCALE_AFTER_RE = re.compile(
    rf"(?:(?P<long>(?:\s*-?\s*(?:{'|'.join(LONG_SCALES)})\b)+)"
    rf"|[\s-]?(?P<short>{'|'.join(SHORT_SCALES[:6])})(?![A-Za-z])"  # "a 5.0-mln-dlr loan"
    rf"|(?P<tiny>{'|'.join(SHORT_SCALES[6:])})(?![A-Za-z]))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in the text: where it is, its value, and how it was written."""

    start: int
    end: int
    value: float
    form: str  # "digits", "words", "fraction", "vague", "ratio", "slash"
    scaled: bool = False
    short_scale: str | None = None  # "m", "bn", "k": needs money context unless upper case
    scale: float = 1.0  # the scale word's factor: 1e9 for "43.5 billion"
    misprinted: bool = False  # "4,472,0000": read from its digits as printed
    # A share's own figures: "20,000 of the 28,000" is 20,000 (part) of 28,000 (whole).
    part: float | None = None
    whole: float | None = None


def words_value(text: str) -> float | None:
    """Value of a spelled-out number such as ``two hundred and fifty thousand``."""
    total = 0.0
    current = 0.0
    seen = False
    part = 0.0  # "half a million", "three quarters billion"
    for raw in re.split(r"[\s-]+", text.lower()):
        if raw in ("and", ""):
            continue
        if raw in ("half", "quarter", "quarters"):
            part = (current or 1) * (0.5 if raw == "half" else 0.25)
            current = 0
        elif raw in ("a", "an"):
            if not part:
                current += 1
        elif raw == "dozen":
            current = (current or 1) * 12
        elif raw in UNITS:
            current += UNITS[raw]
        elif raw in TENS:
            current += TENS[raw]
        elif raw == "hundred":
            current = (current or 1) * 100
        elif raw in ("thousand", "million", "billion", "trillion"):
            total += (part or current or 1) * SCALES[raw]
            current = part = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def fraction_value(text: str) -> float | None:
    """Value of ``a third``, ``two-thirds``, ``half``."""
    parts = re.split(r"[\s-]+", text.lower())
    if len(parts) == 1:
        return FRACTIONS.get(parts[0])
    count = 1.0 if parts[0] in ("a", "an") else float(UNITS.get(parts[0], 0))
    frac = FRACTIONS.get(parts[-1])
    return count * frac if frac is not None and count else None


def ratio_value(text: str) -> float | None:
    """Value of ``one out of three`` or ``1/16``."""
    parts = [p for p in re.split(r"\s+out\s+of\s+(?:every\s+)?|\s?[/⁄]\s?", text.lower()) if p]
    if len(parts) != 2:
        return None
    top, bottom = (float(p) if p.isdigit() else words_value(p) for p in parts)
    return top / bottom if top is not None and bottom else None


def wire_value(text: str) -> float | None:
    """Value of ``11-1/2`` or ``13/16``; None for ``3/2``, which is no wire fraction."""
    whole, _, part = text.rpartition("-")
    top, bottom = (int(p) for p in part.split("/"))
    if top >= bottom:
        return None
    return (digits_value(whole) if whole else 0.0) + top / bottom


def digits_value(text: str) -> float:
    """Value of ``1,234.5`` or ``700 000``."""
    return float(re.sub(r"[,\s]", "", text))


def vague_value(text: str) -> float:
    """Lower bound of ``dozens``, ``tens of thousands``."""
    parts = text.lower().split()
    if parts[0] == "tens":
        return 10 * VAGUE[parts[-1]]
    return VAGUE[parts[0]]


def share_value(text: str, part: Number, whole: Number) -> float | None:
    """Value of ``three of four`` or ``two deaths for every three``; None when it is no share.

    Both are plain numbers; a part is no larger than its whole (odds and "for every" excepted);
    a four-digit part or whole from 1800 to 2099 is a year ("one in 1990", "calendar 1986 of
    24,636"), and a time after the whole makes a pace ("3 in 10 days").
    """
    if part.form not in ("digits", "words") or whole.form not in ("digits", "words"):
        return None
    if part.scaled or whole.scaled or text[part.start - 1:part.start] in ("$", "£", "€", "¥"):
        return None
    gap = _SHARE_GAP_RE.fullmatch(text, part.end, whole.start)
    if gap is None or (gap.group("to") and not _ODDS_BEFORE_RE.search(
            text, max(0, part.start - 12), part.start)):
        return None
    raw_part, raw_whole = text[part.start:part.end], text[whole.start:whole.end]
    if not (_SHARE_PART_RE.fullmatch(raw_part) and _SHARE_PART_RE.fullmatch(raw_whole)):
        return None
    if _AFTER_WHOLE_RE.match(text, whole.end) or not whole.value:
        return None
    if part.value > whole.value and not (gap.group("every") or gap.group("to")):
        return None
    if _YEAR_RE.fullmatch(raw_part) or _YEAR_RE.fullmatch(raw_whole):
        return None
    if _TIME_AFTER_RE.match(text, whole.end):
        return None
    return part.value / whole.value


def bare_value(text: str) -> float | None:
    """Value of ``1/1024``; None for what may be a date, a score or an idiom (``2/27``, ``24/7``).

    A bare fraction needs a denominator of 100 or more that is not a year: no day, month or
    score is that large, and "6/1987" is a month.
    """
    top, bottom = (int(p) for p in re.split("[/⁄]", text))
    if not 0 < top < bottom or bottom < 100 or _YEAR_RE.fullmatch(str(bottom)):
        return None
    return top / bottom


_YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text`` with any scale word that follows it, in text order."""
    found: list[Number] = []
    for match in NUMBER_RE.finditer(text):
        if match.lastgroup == "bare":
            value = bare_value(match.group("bare"))
            if value is not None:
                found.append(Number(match.start(), match.end(), value, "slash"))
                continue
            # No fraction: each number in it is read on its own.
            singles = SINGLE_RE.finditer(text, match.start(), match.end())
        else:
            singles = iter((match,))
        found.extend(n for n in map(lambda m: _number(text, m), singles) if n is not None)
    return _join_shares(text, found)


def share_ends(text: str) -> tuple[Number, Number] | None:
    """The part and the whole of a share written as ``text`` (``300 of the 1,200``), else None."""
    found = [n for m in SINGLE_RE.finditer(text) if (n := _number(text, m)) is not None]
    if len(found) == 2 and share_value(text, found[0], found[1]) is not None:
        return found[0], found[1]
    return None


def _join_shares(text: str, numbers: list[Number]) -> list[Number]:
    """Each part and its whole made one number (``three of four`` is 0.75)."""
    joined: list[Number] = []
    index = 0
    while index < len(numbers):
        number = numbers[index]
        whole = numbers[index + 1] if index + 1 < len(numbers) else None
        value = share_value(text, number, whole) if whole is not None else None
        if whole is not None and value is not None:
            share = Number(number.start, whole.end, value, "ratio")
            joined.append(replace(share, part=number.value, whole=whole.value))
            index += 2
            continue
        joined.append(number)
        index += 1
    return joined


def _number(text: str, match: re.Match[str]) -> Number | None:
    """The number one match found, with any scale word after it; None when it has no value."""
    kind = match.lastgroup or "digits"
    raw = match.group(kind)
    value: float | None
    misprinted = kind == "misprint"
    if kind in ("digits", "misprint"):
        value = digits_value(raw)
        kind = "digits"
    elif kind == "wire":
        value = wire_value(raw)
        kind = "digits"  # an amount like any other: "11-1/2 pct", "4-3/4 dlrs"
    elif kind == "fraction":
        value = fraction_value(raw)
    elif kind == "slash":
        value = ratio_value(raw)
    elif kind == "vague":
        value = vague_value(raw)
    else:
        value = words_value(raw)
    if value is None:
        return None
    end = match.end()
    inner = re.findall(_SCALE_WORD, raw, re.IGNORECASE) if kind == "words" else []
    scaled = bool(inner)
    factor = max((SCALES[w.lower()] for w in inner), default=1.0)
    short: str | None = None
    if kind in ("digits", "words"):
        scale = SCALE_AFTER_RE.match(text, end)
        # Spelled numbers take a wire scale as digits do ("five mln"), never "m" or "k".
        if scale and (scale.group("long") or kind == "digits" or scale.group("short")):
            word = (scale.group("long") or scale.group("short") or scale.group("tiny") or "")
            word = word.strip()
            after = text[scale.end():scale.end() + 1]
            # "5 m" or "5m2" are metres; "5m." or "5m," keep the scale for the caller to judge.
            if not scale.group("long") and after.isdigit():
                word = ""
            if word:
                multiplier = 1.0
                for part in re.findall(r"[A-Za-z]+", word):
                    multiplier *= SCALES[part.lower()]
                value *= multiplier
                factor *= multiplier
                end = scale.end()
                scaled = True
                short = word if not scale.group("long") else None
    # A figure too large for a float (a 400-digit number) is no checkable value and could not
    # be written as JSON; it is left out rather than stored as infinity.
    if not math.isfinite(value):
        return None
    return Number(match.start(), end, value, kind, scaled, short, factor, misprinted)
