"""In-article checks: stated changes and shares recomputed from the article's own numbers."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from pipeline.claims.checks import find_checks
from pipeline.contract import Check, DateMention, QuantityMention, TextSpan
from pipeline.quantities.component import find_quantities


@pytest.fixture(scope="session")
def checks_nlp(lean_nlp: Language) -> Language:
    """The parse the pipeline runs: checks bind figures on it."""
    return lean_nlp


def years(text: str) -> list[DateMention]:
    """Year mentions, as the dates stage would give them (enough for explanations)."""
    return [DateMention(m.start(), m.end(), m.group(), m.group())
            for m in re.finditer(r"\b(?:19|20)\d{2}\b", text)]


def checks_of(nlp: Language, text: str) -> tuple[Check, ...]:
    doc = nlp(text)
    return find_checks(text, TextSpan(0, len(text), text), find_quantities(doc), years(text), doc)


def brief(checks: tuple[Check, ...]) -> list[tuple[str, float | None, float | None, bool | None]]:
    return [(c.kind, c.stated, c.computed, c.consistent) for c in checks]


SEED_SENTENCE = ("The value of USA goods exported to Korea fell 0.03 percent from $43.5 billion "
                 "in 2011 to $42.3 billion in 2016, the report said.")


@pytest.mark.parametrize(("text", "expected"), [
    (SEED_SENTENCE, [("percent_change", -0.03, -2.76, False),
                     ("fraction_not_percent", -0.03, -0.0276, True)]),
    ("Revenue climbed 5% to $3 billion from $2.86 billion a year earlier.",
     [("percent_change", 5.0, 4.9, True)]),
    ("Turnover was up 10 percent to $5.42 billion from $4.99 billion in the prior year.",
     [("percent_change", 10.0, 8.62, False)]),
    ("Exports dropped 7% from $2.47 billion to $2.3 billion.",
     [("percent_change", -7.0, -6.88, True)]),
    ("Output fell 12 per cent from 1.20 million tonnes in 2015 to 1.10 million tonnes in 2016.",
     [("percent_change", -12.0, -8.33, False)]),
    ("Profit jumped about 8% to $110.0 million, compared with $100.0 million last year.",
     [("percent_change", 8.0, 10.0, False)]),
    ("Exports doubled from 1.2 million tons in 2010 to 2.4 million tons in 2015.",
     [("ratio", 2.0, 2.0, True)]),
    ("Imports tripled from $2.0 billion to $4.0 billion.", [("ratio", 3.0, 2.0, False)]),
    ("Some 120 of the 300 delegates, or 40 percent, voted against the plan.",
     [("share", 40.0, 40.0, True)]),
    ("About a third of its 300 employees, or 100 people, will lose their jobs.",
     [("share", 0.333333333333, 0.3333, True)]),
    ("Nearly half of the 2,000 respondents, 1,100, said they were worried.",
     [("share", 0.5, 0.55, False)]),
    # Only one end given, or no stated change: nothing to check.
    ("Sales rose 5% to $3 billion.", []),
    ("Exports were $16.2 billion while imports were $1.74 billion.", []),
    ("Experts from the two nations will meet next week.", []),
])
def test_checks(checks_nlp: Language, text: str,
                expected: list[tuple[str, float | None, float | None, bool | None]]) -> None:
    assert brief(checks_of(checks_nlp, text)) == expected


def test_seed_check_explains_in_plain_words(checks_nlp: Language) -> None:
    check = checks_of(checks_nlp, SEED_SENTENCE)[0]
    assert "fell 0.03 percent" in check.explanation
    assert "$43.5 billion (2011) to $42.3 billion (2016)" in check.explanation
    assert "2.76 percent" in check.explanation
    # Why it disagrees: what the written figures allow against what the stated one allows.
    assert "a fall of 2.532 to 2.985 percent for any values" in check.explanation
    assert "it allows a fall of 0.025 to 0.035 percent" in check.explanation
    assert check.start is not None and check.end is not None
    assert SEED_SENTENCE[check.start:check.end].startswith("0.03 percent")


def test_only_the_sentence_is_checked(checks_nlp: Language) -> None:
    text = "Sales rose 5% to $3 billion. A year ago they were $2 billion from $1 billion."
    doc = checks_nlp(text)
    first = TextSpan(0, 28, text[:28])
    assert find_checks(text, first, find_quantities(doc), [], doc) == ()


def test_without_a_parse_nothing_is_bound(checks_nlp: Language) -> None:
    quantities = find_quantities(checks_nlp(SEED_SENTENCE))
    whole = TextSpan(0, len(SEED_SENTENCE), SEED_SENTENCE)
    assert find_checks(SEED_SENTENCE, whole, quantities, []) == ()


@pytest.mark.parametrize(("stated_text", "qualifier", "consistent"), [
    ("3%", None, True),        # 3.4 rounds to 3
    ("3.0%", None, False),     # 3.30-3.50 is not 3.0 to one decimal
    ("more than 3%", "more than", True),
    ("less than 3%", "less than", False),
])
def test_rounding_and_qualifiers(checks_nlp: Language, stated_text: str, qualifier: str | None,
                                 consistent: bool) -> None:
    text = f"Sales rose {stated_text} from $100.0 million to $103.4 million."
    value = float(re.sub(r"[^\d.]", "", stated_text.split()[-1]))
    start = text.index(stated_text) + (len(qualifier) + 1 if qualifier else 0)
    stated = QuantityMention(start, start + len(stated_text.split()[-1]),
                             stated_text.split()[-1], "percent", value, "percent",
                             qualifier=qualifier)
    old_start = text.index("$100.0 million")
    new_start = text.index("$103.4 million")
    amounts = (
        QuantityMention(old_start, old_start + 14, "$100.0 million", "money", 1e8, "USD", "USD"),
        QuantityMention(new_start, new_start + 14, "$103.4 million", "money", 1.034e8, "USD",
                        "USD"),
    )
    whole = TextSpan(0, len(text), text)
    (check,) = find_checks(text, whole, (stated, *amounts), [], checks_nlp(text))
    assert check.consistent is consistent


def test_percent_change_carries_its_change_record(checks_nlp: Language) -> None:
    text = "Exports fell 0.03 percent from $43.5 billion in 2011 to $42.3 billion in 2016."

    def at(fragment: str) -> tuple[int, int]:
        start = text.index(fragment)
        return start, start + len(fragment)

    quantities = [
        QuantityMention(*at("0.03 percent"), "0.03 percent", "percent", 0.03, "percent"),
        QuantityMention(*at("$43.5 billion"), "$43.5 billion", "money", 43.5e9, "USD", "USD"),
        QuantityMention(*at("$42.3 billion"), "$42.3 billion", "money", 42.3e9, "USD", "USD"),
    ]
    dates = [DateMention(*at("2011"), "2011", "2011"), DateMention(*at("2016"), "2016", "2016")]
    checks = find_checks(text, TextSpan(0, len(text), text), quantities, dates, checks_nlp(text))
    change = next(c for c in checks if c.kind == "percent_change")
    assert (change.from_value, change.to_value) == (43.5e9, 42.3e9)
    assert (change.from_date, change.to_date) == ("2011", "2016")
    assert (change.stated_text, change.from_text, change.to_text) == (
        "0.03 percent", "$43.5 billion", "$42.3 billion")
    # $43.45-43.55 billion to $42.25-42.35 billion: a fall of 2.53 to 2.98 percent.
    assert (change.computed_low, change.computed_high) == (-2.9851, -2.5316)
    assert change.clause is not None
    assert change.clause.text.startswith("Exports fell 0.03 percent from")
    assert Check.from_dict(change.to_dict()) == change


def test_a_check_that_overflows_is_left_out(checks_nlp: Language) -> None:
    text = "Imports tripled from $1 to $2 in the record."
    doc = checks_nlp(text)
    small, large = text.index("$1"), text.index("$2")
    quantities = [
        QuantityMention(small, small + 2, "$1", "money", 1e-300, "USD", "USD"),
        QuantityMention(large, large + 2, "$2", "money", 1e300, "USD", "USD"),
    ]
    assert find_checks(text, TextSpan(0, len(text), text), quantities, [], doc) == ()
