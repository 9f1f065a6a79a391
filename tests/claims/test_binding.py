"""Binding by syntax: a stated change is checked only against the figures of its own predicate."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.claims.binding import binding_head
from pipeline.claims.checks import find_checks
from pipeline.contract import Check, TextSpan
from pipeline.quantities.component import find_quantities

Brief = list[tuple[str, float | None, float | None, bool | None]]


def brief_checks(nlp: Language, text: str) -> Brief:
    doc = nlp(text)
    checks: tuple[Check, ...] = find_checks(text, TextSpan(0, len(text), text),
                                            find_quantities(doc), [], doc)
    return [(c.kind, c.stated, c.computed, c.consistent) for c in checks]


@pytest.mark.parametrize(("text", "expected"), [
    # Another measure after "with": the 4 pct is not the change from 45.9 to 50.
    ("Steel output rose 9 pct to 50 mln tonnes from 45.9 mln, with specialty steel output "
     "up 4 pct.", [("percent_change", 9.0, 8.93, True)]),
    # A time word is never an operand: "the first half" is not the new value.
    ("Cocoa arrivals fell 7.6 pct to 6.5 mln bags from 7.1 mln in the first half.",
     [("percent_change", -7.6, -8.45, True)]),
    # Coordinated clauses: each percent with its own pair of figures.
    ("Freight grew 11 pct to 1.50 billion tonne-miles from 1.35 billion and climbed 7.8 pct "
     "in the two months to 3.31 billion from 3.07 billion.",
     [("percent_change", 11.0, 11.11, True), ("percent_change", 7.8, 7.82, True)]),
    ("Wheat stocks nearly doubled to 399,000 tonnes from 201,000, but barley stocks fell "
     "17.8 pct to 729,000 tonnes from 887,000.",
     [("ratio", 2.0, 1.99, True), ("percent_change", -17.8, -17.81, True)]),
    # A while-clause with its own subject is a binding of its own.
    ("Oats use fell 5.9 pct to 2.2 million bushels from 2.4 million, while maize use fell 12 "
     "pct to 858,000 bushels from 975,000.",
     [("percent_change", -5.9, -8.33, True), ("percent_change", -12.0, -12.0, True)]),
    # "X, up 16 pct from Y": the new value stands before the change word.
    ("Half-year revenue was 174.6 million dollars, up 16 pct from 150.3 million dollars.",
     [("percent_change", 16.0, 16.17, True)]),
    # A copula clause: "were up ... from Y" hangs on "were", the change word is "up".
    ("Bookings were up 15.5 pct to 101.1 mln from 87.4 mln.",
     [("percent_change", 15.5, 15.68, False)]),
    # "from 160" after "381 mln dlrs" means 160 mln: the elided scale word is the partner's.
    ("Average borrowing more than doubled to 381 million dollars, against 160 a week before.",
     [("ratio", 2.0, 2.38, True)]),
    ("Average borrowing more than tripled to 381 million dollars, against 160 a week before.",
     [("ratio", 3.0, 2.38, False)]),
    # The old value may carry its period; money in words is a figure.
    ("Fees climbed 15 pct to 6.9 million dollars from a year-earlier 6.0 million dollars.",
     [("percent_change", 15.0, 15.0, True)]),
    ("Premiums rose 25 pct in 1986, to nine billion dlrs, from 7.2 billion dlrs in 1985.",
     [("percent_change", 25.0, 25.0, True)]),
    # A percent on another basis than the figures is not checked against them.
    ("Sales at the chain rose 20 pct on a comparable store basis to 50 mln dlrs from 35 mln "
     "dlrs.", []),
    # A share only of the figures it restates: a count and a percent of other things.
    ("Some 437 of the 1,084 companies polled expect an 11.6 pct drop in profits.", []),
    ("About 20,000 of the 28,000 miners were laid off by the firm, which earns more than "
     "80 pct of the region's income.", []),
    ("Nearly 300 of the 1,200 staff, or 25 pct, took the offer.",
     [("share", 25.0, 25.0, True)]),
])
def test_binding(lean_nlp: Language, text: str, expected: Brief) -> None:
    assert brief_checks(lean_nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 1.245-1.255 to 1.405-1.415 billion is +11.95 to +13.65 pct: 12.0 agrees.
    ("Deliveries rose 12.0 pct to 1.41 billion from 1.25 billion.",
     [("percent_change", 12.0, 12.8, True)]),
    # Two decimals on the figures leave no room: 3.8 is not 2.92.
    ("Spending will rise 3.8 pct to 110.14 billion dlrs from 107.01 billion dlrs.",
     [("percent_change", 3.8, 2.92, False)]),
    # "almost 2.90 billion" may be well under 2.90.
    ("Seat capacity grew 6.7 pct to almost 2.90 billion from 2.72 billion.",
     [("percent_change", 6.7, 6.62, True)]),
    # "about 17" allows 16 to 18; 80 to 94 is 17.5.
    ("Revenue rose about 17 pct to 94 million euros from 80 million euros.",
     [("percent_change", 17.0, 17.5, True)]),
    # "more than 7.0 pct" is open above.
    ("Output should increase by more than 7.0 pct to 1.45 mln tonnes from 1.35 mln.",
     [("percent_change", 7.0, 7.41, True)]),
])
def test_rounding(lean_nlp: Language, text: str, expected: Brief) -> None:
    assert brief_checks(lean_nlp, text) == expected


def test_a_change_word_parsed_as_a_preposition_still_heads_its_clause(
    lean_nlp: Language,
) -> None:
    # The parse a line break gave a wire story: "down" a preposition under "was", and the
    # to- and from-phrases hung on "was" as well.
    words = ["Output", "was", "down", "9", "pct", "to", "50", "mln", "barrels", "from", "55",
             "mln", "barrels", "."]
    heads = [1, 1, 1, 4, 2, 1, 8, 8, 5, 1, 12, 12, 9, 1]
    deps = ["nsubj", "ROOT", "prep", "nummod", "npadvmod", "prep", "nummod", "amod", "pobj",
            "prep", "nummod", "amod", "pobj", "punct"]
    pos = ["NOUN", "AUX", "ADV", "NUM", "NOUN", "ADP", "NUM", "ADJ", "NOUN", "ADP", "NUM",
           "ADJ", "NOUN", "PUNCT"]
    doc = Doc(lean_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert {binding_head(doc[i]).text for i in (4, 8, 12)} == {"down"}
