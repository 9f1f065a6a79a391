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
