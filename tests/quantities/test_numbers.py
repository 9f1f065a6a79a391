"""Numbers in text: digits, words, fractions and scale words, each with a finite value."""

from __future__ import annotations

import math

import pytest

from pipeline.quantities.numbers import find_numbers

HUGE = "7" + "0" * 400


@pytest.mark.parametrize(("text", "expected"), [
    ("Shipments came to 1,250 crates.", [1250.0]),
    ("Some forty-two ferries sailed.", [42.0]),
    # Past a float's range a number has no value to give (it would be infinity, not JSON).
    (f"The ledger showed {HUGE} units.", []),
    (f"First row.\n{'3' * 500}\nThe last row had 8 seats.", [8.0]),
    (f"It owed {'9' * 300} trillion coins and 4 pens.", [4.0]),
    (f"A code word x{'5' * 320}y meant 12 hours.", [12.0]),
])
def test_values_are_finite(text: str, expected: list[float]) -> None:
    values = [number.value for number in find_numbers(text)]
    assert values == expected
    assert all(math.isfinite(v) for v in values)


@pytest.mark.parametrize(("text", "values"), [
    # A mixed number is one value; a fraction alone is one value.
    ("The bond slipped 3/8 to 97-5/8 in early dealings.", [0.375, 97.625]),
    ("Its stock eased 1/4 to 14-1/2.", [0.25, 14.5]),
    ("The coupon is 10-1/16 pct.", [10.0625]),
    ("The smallest tick, 1/32, moved the price.", [1 / 32]),
    ("The paper traded at 1,012-3/4 on the day.", [1012.75]),
    ("The quarterly payout was 6-2/3 cts.", [6 + 2 / 3]),
    ("The bid was 88/96 of par.", [88 / 96]),  # "x/y of" stays a ratio
    # Not wire fractions: a numerator above the denominator, or a season written with a slash.
    ("The 1985/86 season ended.", [1985.0, 86.0]),
    ("Odd figures 9/4 stay out.", []),
    # Spelled numbers take the scale written after them, as digits do.
    ("They hold six mln shares.", [6e6]),
    ("A deficit of twelve bln was forecast.", [12e9]),
    ("Sales of forty mln and 45 mln.", [40e6, 45e6]),
])
def test_wire_numbers(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == pytest.approx(values)


def test_a_mixed_number_is_one_span() -> None:
    text = "It rose 2-3/4 points."
    (number,) = find_numbers(text)
    assert text[number.start:number.end] == "2-3/4"
    assert number.form == "digits"


def test_short_scale_never_follows_a_word_attached() -> None:
    # "m" and "k" are metres and thousands only on digits; a spelled number keeps its value.
    assert [n.value for n in find_numbers("seven m of cable")] == [7.0]


@pytest.mark.parametrize(("text", "values"), [
    # A part of a whole is one figure, its value the share.
    ("Three of the five judges agreed.", [3 / 5]),
    ("One in 1,000 bottles leaked.", [0.001]),
    ("Two of only nine towns voted yes.", [2 / 9]),
    ("Nine out of ten dentists said so.", [0.9]),
    ("The plant builds four vans for every seven it plans.", [4 / 7]),
    # Not shares: a part larger than its whole, a year, a pace, a scaled whole.
    ("The side won 30 in 12 outings.", [30.0, 12.0]),
    ("Eleven of 1994's songs were covers.", [11.0, 1994.0]),
    ("The index gained 4 in 10 minutes.", [4.0, 10.0]),
    ("It sold three of 12 mln shares.", [3.0, 12e6]),
    ("Buyers favoured it by a ratio of five to one.", [5.0]),
    # A bare fraction needs a denominator no day, month, score or year can be.
    ("The odds were put at 3/500, a long shot.", [0.006]),
    ("Prices fell on 2/27, a Friday.", [2.0, 27.0]),
    ("The 1988/1989 budget passed.", [1988.0, 1989.0]),
    ("Payments began in 6/1987.", [6.0, 1987.0]),
    # Thousands grouped by spaces are one number; a year before a count stays apart.
    ("Some 450 000 voters and 1 250 000 tourists came.", [450000.0, 1250000.0]),
    ("In 1987 250 firms closed.", [1987.0, 250.0]),
    ("The airline bought 15 747s.", [15.0, 747.0]),
])
def test_shares_fractions_and_groups(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == pytest.approx(values)
