"""Figures as intervals: what a written figure can stand for, given its precision and qualifier."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipeline.contract import QuantityMention

APPROX = frozenset({"about", "around", "roughly", "some", "approximately", "an estimated",
                    "estimated", "close to", "~", "≈", "circa", "an approximate"})
NEARLY = frozenset({"nearly", "almost", "just under", "close to nearly"})
AT_LEAST = frozenset({"more than", "over", "just over", "well over", "at least", "above",
                      "in excess of", "upwards of"})
AT_MOST = frozenset({"less than", "under", "fewer than", "up to", "at most", "below",
                     "no more than"})
# How far "about" stretches a figure beyond its last written place: a twentieth of it.
APPROX_SHARE = 0.05

_LITERAL_RE = re.compile(r"(?P<int>\d[\d,]*)(?:\.(?P<dec>\d+))?(?:[-\s]+(?P<num>\d+)/(?P<den>\d+))?"
                         r"|(?P<fnum>\d+)/(?P<fden>\d+)")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of values; an open end is infinite."""

    low: float
    high: float

    def meets(self, other: Interval) -> bool:
        """Whether some value lies in both (a hair of slack for float rounding)."""
        slack = 1e-9 * max(1.0, *(abs(v) for v in (self.low, self.high, other.low, other.high)
                                  if math.isfinite(v)))
        return max(self.low, other.low) <= min(self.high, other.high) + slack

    def scaled(self, factor: float) -> Interval:
        """Both ends times a positive factor."""
        return Interval(self.low * factor, self.high * factor)

    def negated(self) -> Interval:
        return Interval(-self.high, -self.low)


def half_unit(text: str, value: float) -> float:
    """Half a unit in the last written place: ``1.41 billion`` -> 0.005 billion, ``1/8`` -> 1/16."""
    match = _LITERAL_RE.search(text)
    if match is None:
        # "eight billion" in words is rounded to its leading digit.
        return 0.5 * 10.0 ** math.floor(math.log10(abs(value))) if value else 0.0
    if match.group("fden"):
        den = int(match.group("fden"))
        literal = int(match.group("fnum")) / den if den else 0.0
        step = 1.0 / den if den else 0.0
    else:
        digits = match.group("int").replace(",", "")
        literal = float(digits)
        if match.group("dec"):
            literal += float("0." + match.group("dec"))
            step = 10.0 ** -len(match.group("dec"))
        elif match.group("den") and int(match.group("den")):
            den = int(match.group("den"))
            literal += int(match.group("num")) / den
            step = 1.0 / den
        else:
            # "720,000 tonnes" is rounded to thousands, as "720 thousand" would be.
            zeros = len(digits) - len(digits.rstrip("0")) if "," in match.group("int") else 0
            step = 10.0 ** (3 * (max(0, min(zeros, len(digits) - 2)) // 3))
    if literal == 0:
        return 0.0
    scale = abs(value) / literal  # "1.41 billion" is the literal 1.41 times a billion
    return step * scale / 2


def scale_of(text: str, value: float) -> float:
    """What the written number is multiplied by: ``381 mln dlrs`` -> a million, ``160`` -> 1."""
    match = _LITERAL_RE.search(text)
    if match is None or match.group("fden") or match.group("den"):
        return 1.0
    literal = float(match.group("int").replace(",", "") + "." + (match.group("dec") or "0"))
    return abs(value) / literal if literal else 1.0


def figure_interval(text: str, value: float, qualifier: str | None) -> Interval:
    """The values a written figure allows: its rounding, widened or opened by its qualifier."""
    half = half_unit(text, value)
    magnitude = abs(value)
    stretch = max(2 * half, APPROX_SHARE * magnitude)
    if qualifier in AT_LEAST:
        found = Interval(magnitude, math.inf)
    elif qualifier in AT_MOST:
        found = Interval(0.0, magnitude)
    elif qualifier in NEARLY:
        found = Interval(magnitude - stretch, magnitude + half)
    elif qualifier in APPROX:
        found = Interval(magnitude - stretch, magnitude + stretch)
    else:
        found = Interval(magnitude - half, magnitude + half)
    return found if value >= 0 else found.negated()


def quantity_interval(q: QuantityMention) -> Interval:
    """The interval a quantity mention stands for."""
    return figure_interval(q.text, q.value, q.qualifier)


def change_interval(old: Interval, new: Interval) -> Interval | None:
    """Percent change from any old to any new value in the intervals (None if old may be 0)."""
    if old.low <= 0 or new.low < 0:
        return None
    return Interval(100 * (new.low / old.high - 1), 100 * (new.high / old.low - 1))


def ratio_interval(numerator: Interval, denominator: Interval) -> Interval | None:
    """numerator / denominator over the intervals (None unless both are positive)."""
    if denominator.low <= 0 or numerator.low < 0:
        return None
    return Interval(numerator.low / denominator.high, numerator.high / denominator.low)


def factor_interval(factor: float, qualifier: str | None) -> Interval:
    """What ``doubled`` allows: a tenth either way; ``nearly`` a quarter below, ``more than`` up."""
    if qualifier in AT_LEAST:
        return Interval(factor, math.inf)
    if qualifier in NEARLY:
        return Interval(factor * 0.75, factor * 1.1) if factor >= 1 else Interval(
            factor * 0.9, factor * 1.25)
    return Interval(factor * 0.9, factor * 1.1)


def _num(value: float) -> str:
    """A figure for reading: four significant digits, thousands grouped."""
    return f"{value:.4g}" if abs(value) < 1e4 else f"{value:,.0f}"


def describe(interval: Interval, unit: str = "") -> str:
    """``2.53 to 2.98 percent`` / ``at least 7``: an interval in words."""
    num = _num
    if math.isinf(interval.high) and math.isinf(interval.low):
        return "any value"
    if math.isinf(interval.high):
        return f"at least {num(interval.low)}{unit}"
    if math.isinf(interval.low):
        return f"at most {num(interval.high)}{unit}"
    return f"{num(interval.low)} to {num(interval.high)}{unit}"


def describe_change(interval: Interval) -> str:
    """``a fall of 2.53 to 2.99 percent``: a percent-change interval in words a desk reads."""
    if interval.high <= 0:
        return f"a fall of {describe(interval.negated(), ' percent')}"
    if interval.low >= 0:
        return f"a rise of {describe(interval, ' percent')}"
    return (f"anything from a fall of {_num(-interval.low)} to a rise of {_num(interval.high)} "
            "percent")


def finite_bound(value: float) -> float | None:
    """A computed bound as stored: rounded to 4 places, or None for an open end."""
    return round(value, 4) if math.isfinite(value) else None
