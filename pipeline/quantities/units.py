"""Units of "other" quantities: quantulum3 on short candidate spans, loaded once and tamed."""

from __future__ import annotations

import logging
import re
import threading
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from types import ModuleType
from typing import Any

_LOCK = threading.Lock()
_STATE: dict[str, ModuleType] = {}

# Units quantulum3 gets wrong in news: money and percent are ours, and a bare letter is rarely
# a unit on its own ("12 C" is Celsius in news, not coulombs).
_NOT_OURS = frozenset({"currency", "unknown"})
_WORDS_NOT_UNITS = frozenset({
    "a", "an", "in", "at", "of", "to", "is", "as", "it", "or", "on", "by", "no", "am", "pm",
    "s", "t", "d", "i", "and", "the", "per", "up", "he", "we", "us", "be", "do", "so", "if",
})
# Wire copy abbreviates durations ("six mths", "12 yrs"); quantulum3 knows none of them.
WIRE_UNITS = {"mth": "month", "mths": "month", "yr": "year", "yrs": "year", "wk": "week",
              "wks": "week"}
_PREFERRED = {"coulomb": "degree Celsius", "barn horsepower": "brake horsepower",
              "cubic centimetre": "millilitre", "pound sterling": "pound-mass"}


def _deterministic(
    original: Callable[[Sequence[Any], str, str], Any],
) -> Callable[[Sequence[Any], str, str], Any]:
    """Wrap quantulum3's tie-breaking so it sees candidates in name order, not set order."""

    def choose(entities: Sequence[Any], text: str, lang: str = "en_US") -> Any:
        return original(sorted(entities, key=lambda e: str(e.name)), text, lang)

    return choose


def quantulum_parser() -> ModuleType:
    """quantulum3's parser, imported once per process with its side effects neutralized."""
    with _LOCK:
        if "parser" not in _STATE:
            with warnings.catch_warnings():
                # It warns at import that its optional classifier is missing; we do not use it.
                warnings.simplefilter("ignore")
                from quantulum3 import disambiguate, no_classifier, parser
            # Ties between units with one surface are broken by iterating a set of units,
            # whose order follows PYTHONHASHSEED: sort them first.
            if not getattr(no_classifier.disambiguate_no_classifier, "_claims_sorted", False):
                chooser = _deterministic(no_classifier.disambiguate_no_classifier)
                chooser._claims_sorted = True  # type: ignore[attr-defined]
                no_classifier.disambiguate_no_classifier = chooser
                disambiguate.no_clf.disambiguate_no_classifier = chooser
            logging.getLogger("quantulum3").setLevel(logging.ERROR)
            _STATE["parser"] = parser
        return _STATE["parser"]


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """First words of every unit name and symbol quantulum3 knows (lower case)."""
    quantulum_parser()
    from quantulum3 import load

    units = load.units("en_US")
    words = set()
    for table in (units.surfaces, units.symbols):
        for surface in table:
            first = re.split(r"[\s/^-]", surface.lower(), maxsplit=1)[0]
            if first:
                words.add(first)
    return frozenset(words)


def may_be_unit(candidate: str) -> bool:
    """Whether quantulum3 is worth asking: the word after the number can start a unit.

    Counted nouns (``2 workers``) are skipped without a parse, which keeps the stage fast.
    """
    tail = candidate[1:]
    if not tail or not tail[0].isspace():
        return True  # attached: "640bhp", "155mph", "10kW"
    words = tail.split()
    first = re.split(r"[/^-]", words[0].lower(), maxsplit=1)[0].rstrip(".,")
    return not first[:1].isalpha() or first in _unit_words() or first.rstrip("s") in _unit_words()


@lru_cache(maxsize=8192)
def quantulum_unit(candidate: str) -> tuple[str, str] | None:
    """(unit name, entity) quantulum3 reads at the very start of ``candidate``, if any."""
    surface = candidate[1:].split()[0] if candidate[1:].split() else ""
    if surface.lower().rstrip(".") in WIRE_UNITS and candidate[1:2].isspace():
        return WIRE_UNITS[surface.lower().rstrip(".")], "time"
    if surface.lower() in _WORDS_NOT_UNITS or not may_be_unit(candidate):
        return None  # "in 2003 a deal": the article, not "annum"
    if surface[:1].isupper() and surface[1:].islower() and len(surface) > 2 and surface not in (
            "Fahrenheit", "Celsius", "Kelvin"):
        return None  # "2 Max", "2 Pro": a capitalised word after a number is a name, not a unit
    parser = quantulum_parser()
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(candidate)
    except Exception:  # quantulum3 raises many kinds of errors on odd input; a unit is optional
        return None
    finally:
        # parse() calls logging.basicConfig, which would install a handler on the root logger.
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
    for quantity in found:
        if quantity.span[0] != 0:
            continue
        name = str(quantity.unit.name)
        entity = str(quantity.unit.entity.name)
        if name == "dimensionless" or (entity in _NOT_OURS and name not in _PREFERRED):
            return None
        return _PREFERRED.get(name, name), entity
    return None


def unit_candidate(text: str, end: int, limit: int = 32) -> str:
    """What follows a number, up to a clause boundary, behind a fixed number for quantulum3.

    The number is normalised to ``2`` so that the cache is keyed by the unit words alone.
    """
    tail = text[end:end + limit]
    cut = re.search(r"[,;:()\[\]\"“”]|\s(?:and|or|but|to|from|in|at|on|for|of|by|with)\s|\s\d",
                    tail)
    if cut:
        tail = tail[:cut.start()]
    if tail[:1].isspace():
        return ("2 " + tail.strip()).rstrip(" .")
    return ("2" + tail).rstrip(" .")
