"""Where stages write and read: records as labelled spans, the text, the publication date."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.contract import TEXT_KEY, DateMention
from pipeline.nlp.compose import make_doc
from pipeline.spans import Intervals, Tokens, load, published_of, store, text_of

TEXT = "Seoul said on Tuesday that exports fell  6 percent."


def test_text_of_is_the_tokenized_text(base_nlp: Language) -> None:
    doc = make_doc(base_nlp, TEXT, "2017-08-23")
    assert text_of(doc) == TEXT == doc.text
    assert doc.user_data[TEXT_KEY] is TEXT


@pytest.mark.parametrize(
    "text", [TEXT, "  Héllo\n\nWorld -- it's 5 p.m. on Tuesday,\tMarch 3.  ", " ", "a"]
)
def test_text_of_rebuilds_when_nothing_is_kept(base_nlp: Language, text: str) -> None:
    doc = base_nlp.make_doc(text)
    assert text_of(doc) == text


def test_text_of_ignores_a_text_that_does_not_fit(base_nlp: Language) -> None:
    doc = make_doc(base_nlp, TEXT, None)
    doc.user_data[TEXT_KEY] = "something else"
    assert text_of(doc) == TEXT


def test_store_then_load_round_trips(base_nlp: Language) -> None:
    doc = make_doc(base_nlp, TEXT, "2017-08-23")
    start = TEXT.index("Tuesday")
    record = DateMention(start, start + 7, "Tuesday", "2017-08-22", type="DATE")
    store(doc, "claims_dates", [record], label_of=lambda r: r.type)
    assert [(s.text, s.label_) for s in doc.spans["claims_dates"]] == [("Tuesday", "DATE")]
    assert load(doc, "claims_dates", DateMention.from_dict) == (record,)
    assert published_of(doc) == "2017-08-23"


# Body regions of an article (not sorted, one long, one empty), and ranges asked about.
REGIONS = [(40, 60), (0, 10), (12, 38), (60, 200), (70, 70)]


@pytest.mark.parametrize(
    ("start", "end", "overlapping", "held"),
    [
        (0, 5, [1], True),
        (5, 15, [1, 2], False),  # across a gap: two regions, neither holds it
        (10, 12, [], False),  # the gap itself
        (38, 40, [], False),
        (45, 65, [0, 3], False),
        (65, 75, [3, 4], True),  # inside the long region; the empty one within counts too
        (200, 210, [], False),
        (12, 38, [2], True),  # exactly a region
    ],
)
def test_intervals_answer_as_a_scan_of_them_all(
    start: int, end: int, overlapping: list[int], held: bool
) -> None:
    intervals = Intervals(REGIONS)
    assert intervals.overlapping(start, end) == overlapping
    assert intervals.holds(start, end) is held
    # The same as reading every region, in their order.
    assert overlapping == [i for i, (s, e) in enumerate(REGIONS) if s < end and e > start]
    assert held == any(s <= start and end <= e for s, e in REGIONS)
    # Those wholly inside, also as a scan gives them.
    assert intervals.within(start, end) == [
        i for i, (s, e) in enumerate(REGIONS) if start <= s and e <= end
    ]


def test_tokens_by_offset(base_nlp: Language) -> None:
    tokens = Tokens(base_nlp("Mill output rose 4 pct."))
    at, after, before = tokens.at(12), tokens.after(13), tokens.before(12)
    assert at is not None and at.text == "rose"
    assert tokens.at(13) is None, "inside a word: no token starts there"
    assert after is not None and after.text == "4"
    assert before is not None and before.text == "output"
    assert tokens.after(99) is None and tokens.before(0) is None

