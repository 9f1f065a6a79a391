"""``It said``: the organisation that spoke last, on sources and names of our own."""

from __future__ import annotations

import re

import pytest

from pipeline.claims.chains import spoke_last
from pipeline.contract import EntityMention


def _mentions(text: str, names: list[tuple[str, str, str]]) -> list[EntityMention]:
    return [
        EntityMention(m.start(), m.end(), words, label, canonical)
        for words, label, canonical in names
        for m in re.finditer(re.escape(words), text)
    ]


def _sources(text: str, written: list[str]) -> list[tuple[int, str]]:
    found, at = [], 0
    for words in written:
        at = text.index(words, at)
        found.append((at, words.lower()))
        at += len(words)
    return found


def _answer(text: str, names: list[tuple[str, str, str]], written: list[str]) -> str | None:
    found = spoke_last(text, _sources(text, written), _mentions(text, names),
                       text.rindex("It "))
    if found is None:
        return None
    return found[1].canonical if found[1] else "document"


@pytest.mark.parametrize(
    ("text", "names", "sources", "expected"),
    [
        # The speaker of the lead, through `the company said`, not the seller the lead names.
        ("Quarn Tools Inc said it would buy a mill from Dell Steel Corp. The company said "
         "the mill was idle. It said it would reopen it.",
         [("Quarn Tools Inc", "ORG", "Quarn Tools Inc"), ("Dell Steel Corp", "ORG",
                                                           "Dell Steel Corp")],
         ["Quarn Tools Inc", "The company", "It"], "Quarn Tools Inc"),
        # Reuters' angle brackets mark a company the recogniser missed.
        ("<Orbel Lodges> said it will buy the Vesta Inn. It said it would rename it.",
         [], ["Orbel Lodges>", "It"], "Orbel Lodges"),
        # A lone `>` read as the source: the company the brackets closed.
        ("<Penmar Rentals Inc> said it agreed to merge. It said the deal closes in May.",
         [("Penmar Rentals Inc", "ORG", "Penmar Rentals Inc")], [">", "It"],
         "Penmar Rentals Inc"),
        # A short form of the one company named before.
        ("Talmont Networks Co said sales fell. Talmont said costs rose. It said it would cut "
         "jobs.", [("Talmont Networks Co", "ORG", "Talmont Networks Co")],
         ["Talmont Networks Co", "Talmont", "It"], "Talmont Networks Co"),
        # `the paper` is the newspaper named before it.
        ("Sales will rise, the Daily Courant said. The paper quoted a banker. It said the "
         "banker was upbeat.", [("the Daily Courant", "ORG", "Daily Courant")],
         ["the Daily Courant", "The paper"], "Daily Courant"),
        # A report named by its owner is what `It` continues: no organisation.
        ("Rice output will fall, the Farm Board's yearly report said. It said stocks were "
         "low.", [("Farm Board", "ORG", "Farm Board")], ["the Farm Board's yearly report"],
         "document"),
        # A person spoke last: not `It`.
        ("Hollis Bank said it lost money. Rena Odum said costs rose. It said rates fell.",
         [("Hollis Bank", "ORG", "Hollis Bank"), ("Rena Odum", "PERSON", "Rena Odum")],
         ["Hollis Bank", "Rena Odum", "It"], None),
    ],
)
def test_it_said_continues_the_organisation_that_spoke_last(
    text: str, names: list[tuple[str, str, str]], sources: list[str], expected: str | None
) -> None:
    assert _answer(text, names, sources) == expected


def test_an_organisation_opening_a_sentence_since_the_source_is_a_rival() -> None:
    from tests.claims.test_referents import _referents

    names = [("Morning Ledger", "ORG", "Morning Ledger"), ("Evening Post", "ORG", "Evening Post")]
    text = ("The budget is weak, the Morning Ledger said. The Evening Post called it cynical. "
            "It said taxes would rise.")
    referents = _referents(text, names, [("the Morning Ledger", "Morning Ledger")])
    assert referents.spoke_last(text.index("It said")) is None
    calm = text.replace("The Evening Post called it cynical", "Rates were high")
    found = _referents(calm, names, [("the Morning Ledger", "Morning Ledger")]).spoke_last(
        calm.index("It said"))
    assert found and found.name == "Morning Ledger"


def test_an_organisation_before_the_chains_latest_it_said_is_no_rival() -> None:
    from tests.claims.test_referents import _referents

    names = [("Morning Ledger", "ORG", "Morning Ledger"), ("Evening Post", "ORG", "Evening Post")]
    text = ("Tolls will rise, the Morning Ledger said. The Evening Post will pay 3 mln more, it "
            "said. It said taxes would rise.")
    sources = [("the Morning Ledger", "Morning Ledger"), ("it", None)]
    found = _referents(text, names, sources).spoke_last(text.index("It said"))
    assert found and found.name == "Morning Ledger"
