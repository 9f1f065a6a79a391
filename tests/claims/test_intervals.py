"""Figures as intervals: the rounding a written figure allows, widened by its qualifier."""

from __future__ import annotations

import math

import pytest

from pipeline.claims.intervals import (
    Interval,
    change_interval,
    describe_change,
    factor_interval,
    figure_interval,
    half_unit,
)


@pytest.mark.parametrize(("text", "value", "half"), [
    ("1.41 billion", 1.41e9, 0.005e9),   # rounded to a hundredth of a billion
    ("12.0 pct", 12.0, 0.05),            # the written zero counts
    ("12 pct", 12.0, 0.5),
    ("19 cents", 0.19, 0.005),           # the scale follows the value, not the word
    ("2,119,198 contracts", 2119198.0, 0.5),
    ("720,000 tonnes", 720000.0, 500.0),  # thousands written as zeros are rounded
    ("11-1/2 dlrs", 11.5, 0.25),         # a fraction is as precise as its denominator
    ("1/8 pct", 0.125, 0.0625),
    ("eight billion", 8e9, 0.5e9),       # a number in words: its leading digit
])
def test_half_unit(text: str, value: float, half: float) -> None:
    assert half_unit(text, value) == pytest.approx(half)


@pytest.mark.parametrize(("text", "value", "qualifier", "low", "high"), [
    ("12.0", 12.0, None, 11.95, 12.05),
    ("17", 17.0, "about", 16.0, 18.0),         # about: a whole unit either way
    ("300", 300.0, "about", 285.0, 315.0),     # ... or a twentieth, whichever is wider
    ("2.90", 2.9, "almost", 2.755, 2.905),     # nearly: open below, closed above
    ("7.0", 7.0, "more than", 7.0, math.inf),  # a bound is exact
    ("3", 3.0, "less than", 0.0, 3.0),
    ("0.03", -0.03, None, -0.035, -0.025),     # a fall keeps its sign
])
def test_figure_interval(text: str, value: float, qualifier: str | None, low: float,
                         high: float) -> None:
    found = figure_interval(text, value, qualifier)
    assert (found.low, found.high) == (pytest.approx(low), pytest.approx(high))


def test_rounded_figures_give_a_range_of_changes() -> None:
    # 1.245-1.255 to 1.405-1.415 billion: +11.95 ... +13.65 percent, so "12.0 pct" agrees.
    change = change_interval(figure_interval("1.25", 1.25, None),
                             figure_interval("1.41", 1.41, None))
    assert change is not None
    assert (change.low, change.high) == (pytest.approx(11.952, abs=1e-3),
                                         pytest.approx(13.655, abs=1e-3))
    assert change.meets(figure_interval("12.0", 12.0, None))
    assert not change.meets(figure_interval("11.9", 11.9, None))


def test_no_change_from_zero() -> None:
    assert change_interval(Interval(0.0, 0.5), Interval(1.0, 1.0)) is None


@pytest.mark.parametrize(("factor", "qualifier", "ratio", "agrees"), [
    (2.0, None, 1.98, True),
    (2.0, None, 2.6, False),
    (2.0, "nearly", 1.6, True),       # nearly doubled
    (2.0, "more than", 1.98, False),  # more than doubled is above 2
    (0.5, None, 0.52, True),          # halved
])
def test_factor_interval(factor: float, qualifier: str | None, ratio: float,
                         agrees: bool) -> None:
    assert factor_interval(factor, qualifier).meets(Interval(ratio, ratio)) is agrees


@pytest.mark.parametrize(("low", "high", "words"), [
    (-2.985, -2.53, "a fall of 2.53 to 2.985 percent"),
    (11.95, 13.65, "a rise of 11.95 to 13.65 percent"),
    (-1.0, 3.5, "anything from a fall of 1 to a rise of 3.5 percent"),
    (7.0, math.inf, "a rise of at least 7 percent"),
])
def test_changes_in_words(low: float, high: float, words: str) -> None:
    assert describe_change(Interval(low, high)) == words
