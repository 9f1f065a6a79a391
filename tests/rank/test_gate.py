"""The emission gate: fragments never become claims; figures always do; the rest by score."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.contract import Attribution, Check, Claim, DateMention, QuantityMention, TextSpan
from pipeline.rank.gate import emitted, floored, forced, is_fragment

# (text, fragment?, why) in the project's own wording.
SPANS = [
    ('"', True, "a lone quote mark says nothing"),
    ("he said.", True, "an attribution tail alone"),
    ("Shr 12 cts vs 9 cts", True, "a results table row"),
    ("Annual div seven cts vs six cts", True, "a dividend table row, figures in words"),
    ("Oats 1.31 0.97 2.10 --", True, "a row of bare figures"),
    ("Harvest Loan Release Call", True, "a table heading"),
    ("By Maria Ortega, Staff Writer", True, "a byline"),
    ("LISBON, May 4 -", True, "a dateline"),
    ("Farm Prices Slide", True, "a headline fragment in title case"),
    ("Div 40 won vs 35 won", True, "a table row whose unit reads as a verb"),
    ("Shr profit 8 cts", True, "a telegraphic results row"),
    ("Half ended June 30", True, "a period heading"),
    ("Over 90 days      2.15 pct (2.10)", True, "columns aligned by spaces"),
    ("Week ended May 6\n Member bank deposits.........4,210 vs.....4,388", True,
     "dots leading a row's label to its figures"),
    ("We will go ahead with the plan.... This is not yet certain, she said.", False,
     "an ellipsis in prose"),
    ("The plant employs 900 people", False, "short, but prose"),
    ("Tuition went up 9 pct.", False, "short prose with a verb"),
    ("Grain stocks were 4.2 mln tonnes vs 3.9 mln a year ago.", False, "prose that says vs"),
    ("The mill cut 300 jobs in the spring.", False, "a sentence with a figure"),
    ("Wages for nurses, up $1,200 since the strike.", False, "verbless prose with a figure"),
    ("Nine new clinics, two new schools and a bridge.", False, "a verbless list in prose"),
    ("The senator never opposed her own party on trade.", False, "a factual assertion"),
]


@pytest.mark.parametrize(("text", "expected", "why"), SPANS)
def test_fragments(lean_nlp: Language, text: str, expected: bool, why: str) -> None:
    doc = lean_nlp(text)
    assert is_fragment(doc[:]) is expected, why


def _claim(text: str, kind: str, score: float, **fields: object) -> Claim:
    return Claim("c", "a", text, 0, len(text), kind, checkworthiness=score, **fields)  # type: ignore[arg-type]


def _jobs(text: str) -> QuantityMention:
    start = text.index("300")
    return QuantityMention(start, start + 3, "300", "other", 300.0, "job")


# (text, what the rules found, forced?, why): figures and calendar dates stated as facts.
FORCED = [
    ("The mill cut 300 jobs.", "figure", True, "a figure"),
    ("The mill closed in May 2015.", "calendar date", True, "a date on the calendar"),
    ("The mill is closed now.", "present", False, "'now' is no date to check"),
    ("The mill board meets today.", "relative date", False, "the story's own day, for the model"),
    ("We will hire 300 workers at the mill.", "figure", False, "a promise, for the model"),
    ("I want 300 new jobs at the mill.", "figure", False, "a want, for the model"),
    ("The mill cost thousands of dollars.", "vague", False, "no exact amount"),
]


@pytest.mark.parametrize(("text", "found", "expected", "why"), FORCED)
def test_figures_and_calendar_dates_are_emitted_whatever_their_score(
    lean_nlp: Language, text: str, found: str, expected: bool, why: str
) -> None:
    fields: dict[str, object] = {}
    if found == "figure":
        fields["quantities"] = (_jobs(text),)
    elif found == "vague":
        start = text.index("thousands")
        fields["quantities"] = (
            QuantityMention(start, start + 20, text[start : start + 20], "money", 1e3, "dollar"),
        )
    elif found == "relative date":
        fields["dates"] = (DateMention(text.index("today"), text.index("today") + 5, "today",
                                       "2015-05-04"),)
    elif found == "calendar date":
        fields["dates"] = (DateMention(text.index("May"), text.index("May") + 8, "May 2015",
                                       "2015-05"),)
    else:
        fields["dates"] = (DateMention(text.index("now"), text.index("now") + 3, "now",
                                       "PRESENT_REF"),)
    claim = _claim(text, "statistic", 0.01, **fields)
    assert forced(claim) is expected, why
    assert emitted(claim, lean_nlp(text)[:], 0.5) is expected, why


def test_a_failed_check_or_a_named_speakers_quote_is_emitted_whatever_its_score() -> None:
    text = "The mill cut 300 jobs."
    failed = _claim(text, "change", 0.01, checks=(Check("sum", 1.0, 2.0, False),))
    assert forced(failed)
    said = '"We are proud of it," said Ms. Reyes.'
    content = TextSpan(0, 20, said[:20])
    named = Attribution(content=content, direct=True, speaker="Ana Reyes")
    assert forced(_claim(said, "quote", 0.01, attribution=named))
    assert not forced(_claim(said, "quote", 0.01, attribution=Attribution(content, direct=True)))


@pytest.mark.parametrize(("score", "expected"), [(0.39, False), (0.4, True), (0.9, True)])
def test_an_assertion_is_emitted_from_the_threshold_up(
    lean_nlp: Language, score: float, expected: bool
) -> None:
    text = "The senator never opposed her own party on trade."
    claim = _claim(text, "assertion", score)
    assert emitted(claim, lean_nlp(text)[:], 0.4) is expected


# (text, speaker named?, kept at score 0.1 under a floor of 0.3?, why): a figure a speaker
# states about themselves is judged by the model from the floor up; any other stays forced.
FIRST_PERSON_FIGURES = [
    ("I have 300 seconds left for my answer.", False, False, "a speaker's own aside"),
    ("We closed 300 mills in our first year.", False, False, "the speaker's own record"),
    ("The mill cut 300 jobs in the spring.", False, True, "about something else: forced"),
    ("Our mill cut 300 jobs, said Ms. Reyes.", True, True, "a named source's own words"),
    ("The US mill cut 300 jobs last spring.", False, True, "US the country, not us"),
]


@pytest.mark.parametrize(("text", "named", "expected", "why"), FIRST_PERSON_FIGURES)
def test_first_person_figures_are_kept_from_the_floor_up(
    lean_nlp: Language, text: str, named: bool, expected: bool, why: str
) -> None:
    fields: dict[str, object] = {"quantities": (_jobs(text),)}
    if named:
        content = TextSpan(0, text.index(","), text[: text.index(",")])
        fields["attribution"] = Attribution(content=content, direct=False, speaker="Ana Reyes")
    claim = _claim(text, "statistic", 0.1, **fields)
    span = lean_nlp(text)[:]
    assert forced(claim), why
    assert emitted(claim, span, 0.5, floor=0.3) is expected, why
    assert emitted(claim, span, 0.5, floor=0.05), "above the floor: kept"
    assert floored(claim, span) is not expected, why


def test_a_failed_check_in_the_first_person_is_kept_whatever_the_floor(
    lean_nlp: Language,
) -> None:
    text = "We cut 300 jobs, a fall of 90 pct."
    failed = _claim(text, "change", 0.01, checks=(Check("sum", 1.0, 2.0, False),))
    assert emitted(failed, lean_nlp(text)[:], 0.5, floor=0.3)
