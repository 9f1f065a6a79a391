"""Currency and percent markers around a number: symbols, ISO codes, words and rates."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.assets import MODELS_DIR

CURRENCIES_PATH = MODELS_DIR / "currencies.json"
DOLLAR = "$"  # placeholder for a bare dollar, resolved per article

PERCENT_RE = re.compile(
    r"\s*(?:(?P<points>percentage[\s-]points?|percent(?:age)?\s+points?)\b"
    r"|(?P<pct>%|per[\s-]?cent(?:s|age)?\b|pct\b|pc\b|percents?\b|percentage\b))",
    re.IGNORECASE,
)
BASIS_POINTS_RE = re.compile(r"\s*(?:basis[\s-]points?|bps?)\b", re.IGNORECASE)
RATE_RE = re.compile(
    r"(?:\s*-?\s*(?:a|an|per|each)[\s-]+|\s*/\s*)"
    r"(?P<what>(?:square|sq\.?|cubic)\s+[a-z]+|[a-z]+)(?![\w-])",
    re.IGNORECASE,
)
# Words that may follow "a"/"per" after an amount but do not make it a rate.
NOT_RATES = frozenset({"the", "and", "or", "of", "to", "in", "on", "at", "for", "from", "record",
                       "total", "sum", "further", "new", "year-on-year", "rise", "fall", "drop",
                       "gain", "jump", "loss", "fee", "piece", "cut", "bit", "lot", "time"})


_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True, slots=True)
class Marker:
    """A currency marker next to a number: its extent, ISO code (or "$") and factor."""

    start: int
    end: int
    currency: str
    factor: float = 1.0
    surface: str = ""


@dataclass(frozen=True, slots=True)
class CurrencyTable:
    """The currency model data, compiled into regular expressions once."""

    prefix_re: re.Pattern[str]
    prefix: dict[str, str]
    prefix_upper: dict[str, str]
    strict_re: re.Pattern[str]
    strict: dict[str, str]
    suffix_re: re.Pattern[str]
    suffix: dict[str, tuple[str, float]]
    iso_alias: dict[str, str]
    pound_words: frozenset[str]
    other_dollars: tuple[tuple[str, tuple[str, ...]], ...]
    us_markers: tuple[str, ...]
    bare: tuple[BareWord, ...] = ()
    # (code, first day it existed, the code before it): "TRY" before 2005-01-01 is "TRL".
    dated: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class BareWord:
    """A currency word naming no country (``francs``): its placeholder and how to resolve it."""

    placeholder: str
    default: str
    tiers: tuple[tuple[tuple[str, str], ...], ...]  # (code, lower-case marker), best tier first
    # (day, code): the default of articles published before that day ("lira" was ITL).
    default_before: tuple[tuple[str, str], ...] = ()


def _alternatives(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k)))


def _spaced(keys: list[str]) -> str:
    """Alternatives in which a ``$`` may follow its letters after one space (``HK $``)."""
    return _alternatives(keys).replace(r"\$", r"\s?\$")


@lru_cache(maxsize=4)
def load_table(path: str = str(CURRENCIES_PATH)) -> CurrencyTable:
    """Load and compile ``models/currencies.json`` (once per process and path)."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    iso = [str(code) for code in data["iso_codes"]]
    prefix = {str(k): str(v) for k, v in data["prefix"].items()}
    suffix: dict[str, tuple[str, float]] = {
        str(k).lower(): (str(v), 1.0) for k, v in data["suffix_words"].items()
    }
    for word, (parent, factor) in data["subunits"].items():
        suffix[str(word).lower()] = (str(parent), float(factor))
    for word in data["pound_words"]:
        suffix[str(word).lower()] = ("GBP", 1.0)
    strict = {str(k): str(v) for k, v in data["prefix_strict"].items()}
    # A prefix ends where the number (or its sign) begins; it must not end a longer word.
    # Letter prefixes of two letters or more match in any case ("hk $"); "A$" and "S$" must
    # keep their capital, or "a $5 fee" would be Australian.
    long_letters = [k for k in prefix if sum(c.isalpha() for c in k) >= 2]
    exact = [k for k in prefix if k not in long_letters]
    prefix_re = re.compile(
        rf"(?<![A-Za-z])(?P<marker>(?i:{_spaced(long_letters)})|{_spaced(exact)}"
        rf"|(?P<mega>M)?(?P<code>{_alternatives(iso)}))\s?(?P<sign>[-−]?)$"
    )
    strict_re = re.compile(rf"(?<![A-Za-z])(?P<marker>{_alternatives(list(strict))})$")
    words = _alternatives([w for w in suffix if w[:1].isalpha()])
    symbols = _alternatives([w for w in suffix if not w[:1].isalpha()])
    # A symbol after a number must not be the prefix of the next one ("$ 20.00 $ 37.97").
    suffix_re = re.compile(
        rf"(?P<space>\s*-?)(?:(?P<mega>M)?(?P<iso>{_alternatives(iso)})(?![A-Za-z])"
        rf"(?:\s(?P<scale>thousand|million|billion|trillion)\b)?"
        rf"|(?P<word>(?i:{words}))(?![A-Za-z])|(?P<symbol>{symbols})(?!\s?[-−]?\d))"
    )
    others = tuple(
        (str(code), tuple(str(m) for m in markers))
        for code, markers in sorted(data["other_dollars"].items())
    )
    bare = tuple(
        BareWord(str(word), str(spec["default"]), tuple(
            tuple((str(code), str(marker)) for code, marker in spec[tier])
            for tier in ("named", "countries")),
            tuple((str(day), str(code)) for day, code in spec.get("default_before", ())))
        for word, spec in sorted(data.get("bare_words", {}).items())
    )
    dated = tuple(
        (str(code), str(day), str(old))
        for code, eras in sorted(data.get("dated_codes", {}).items()) for day, old in eras
    )
    return CurrencyTable(
        bare=bare, dated=dated,
        prefix_re=prefix_re, prefix=prefix,
        prefix_upper={re.sub(r"\s+", "", k).upper(): v for k, v in sorted(prefix.items())},
        strict_re=strict_re, strict=strict,
        suffix_re=suffix_re, suffix=suffix,
        iso_alias={str(k): str(v) for k, v in data["iso_alias"].items()},
        pound_words=frozenset(str(w) for w in data["pound_words"]),
        other_dollars=others, us_markers=tuple(str(m) for m in data["us_dollar_markers"]),
    )


def prefix_before(text: str, start: int, table: CurrencyTable) -> tuple[Marker, bool] | None:
    """The currency marker written just before ``start`` and whether a minus sign sits between."""
    window = text[max(0, start - 8):start]
    match = table.prefix_re.search(window)
    if match is None:
        return None
    offset = start - len(window)
    marker = match.group("marker").strip()
    if match.group("code"):
        marker = match.group("code")  # "MEUR 60" is 60 million euros
    key = re.sub(r"\s+(?=\$)", "", marker)
    currency = (table.prefix.get(key) or table.prefix_upper.get(key.upper())
                or table.prefix.get(marker) or table.iso_alias.get(marker, marker))
    mstart = offset + match.start("marker") + (len(match.group("marker"))
                                                - len(match.group("marker").lstrip()))
    # "$ US" or "$US" were caught above; "US $" needs the "US" before a spaced "$".
    if marker == "$":
        before = text[max(0, mstart - 5):mstart]
        us = re.search(r"(?<![A-Za-z])(U\.S\.|US)\s?$", before)
        if us:
            mstart -= len(before) - us.start()
            currency = "USD"
    factor = 1e6 if match.group("mega") else 1.0
    return Marker(mstart, start, currency, factor, marker), bool(match.group("sign"))


def strict_prefix_before(text: str, start: int, end: int, scaled: bool,
                         table: CurrencyTable) -> Marker | None:
    """A marker such as ``PS`` (a folded £) only before ``2.7m`` or ``21,700``, never ``PS5``."""
    match = table.strict_re.search(text[max(0, start - 3):start])
    number = text[start:end]
    if match is None or not ("," in number or "." in number or scaled):
        return None
    marker = match.group("marker")
    return Marker(start - len(marker), start, table.strict[marker], 1.0, marker)


def suffix_after(text: str, end: int, table: CurrencyTable) -> Marker | None:
    """The currency word, symbol or ISO code written just after ``end``."""
    match = table.suffix_re.match(text, end)
    # Wire copy wraps lines inside sentences: one line break may sit between number and unit.
    if match is None or len(match.group("space")) > 3 or match.group("space").count("\n") > 1:
        return None
    if match.group("iso"):
        code = match.group("iso")
        factor = (1e6 if match.group("mega") else 1.0) * _SCALE_WORDS.get(match.group("scale"), 1.0)
        return Marker(end, match.end(), table.iso_alias.get(code, code), factor, code)
    word = match.group("word") or match.group("symbol")
    currency, factor = table.suffix[word.lower()]
    # "5 won" needs a real amount: "won" and "rand" are ordinary words too.
    return Marker(end, match.end(), currency, factor, word.lower())


def percent_after(text: str, end: int) -> tuple[int, str] | None:
    """End of a percent marker after ``end`` and its unit (percent or percentage point)."""
    match = PERCENT_RE.match(text, end)
    if match is None:
        return None
    return match.end(), "percentage point" if match.group("points") else "percent"


def rate_after(text: str, end: int) -> tuple[int, str] | None:
    """A rate's denominator after an amount: ``a barrel``, ``per share``, ``/oz``."""
    match = RATE_RE.match(text, end)
    if match is None:
        return None
    what = match.group("what").lower()
    if what in NOT_RATES or what.isdigit():
        return None
    return match.end(), f"per {what}"


def article_dollar(text: str, table: CurrencyTable, default: str = "USD") -> str:
    """What a bare ``$`` means in this article: one non-US dollar it names, else ``default``."""
    if any(marker in text for marker in table.us_markers):
        return default
    named = [code for code, markers in table.other_dollars
             if any(marker in text for marker in markers)]
    return named[0] if len(named) == 1 else default


def article_bare(text: str, table: CurrencyTable,
                 published: str | None = None) -> dict[str, str]:
    """What each country-less word (``francs``, ``crowns``, ``lira``) means in this article.

    The one qualified currency the article names ("Swiss franc") wins, else the one country it
    names ("Sweden"); when it names several, the first named; when none, the table's default
    (of the publication date's time, if one is given). A code the currency did not have yet at
    that date maps to the one it had ("TRY" in 1987 copy is "TRL"): the lookup of resolved
    codes carries those too.
    """
    lower = text.lower()
    meaning: dict[str, str] = {}
    for word in table.bare:
        meaning[word.placeholder] = next(
            (code for day, code in word.default_before if published and published < day),
            word.default)
        for tier in word.tiers:
            seen = sorted((index, code) for code, marker in tier
                          if (index := _word_at(lower, marker)) >= 0)
            if seen:
                meaning[word.placeholder] = seen[0][1]
                break
    if published:
        renamed = {code: old for code, day, old in table.dated if published < day}
        meaning = {key: renamed.get(code, code) for key, code in meaning.items()}
        meaning.update(renamed)
    return meaning


def _word_at(lower: str, marker: str) -> int:
    """Where ``marker`` first occurs as a word (``swiss`` is not in ``swissair``), or -1."""
    if marker not in lower:  # most markers are absent: skip the regex (a scan of the text)
        return -1
    found = re.search(rf"(?<![a-z]){re.escape(marker)}(?![a-z])", lower)
    return found.start() if found else -1
