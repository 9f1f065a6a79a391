"""Mentions the entity recogniser missed or that name no entity, on text of our own."""

from __future__ import annotations

import pytest

from pipeline.claims.mentions import (
    PLURAL_SOURCE,
    UNNAMED_SOURCE,
    company_mentions,
    group_source,
    people_joined,
)
from pipeline.contract import Annotations, Article, Attribution, EntityMention, TextSpan
from pipeline.names import alias_mentions


def _entity(text: str, words: str, label: str, canonical: str, after: int = 0) -> EntityMention:
    start = text.index(words, after)
    return EntityMention(start, start + len(words), words, label, canonical)


def test_a_surname_alone_is_the_person_named_in_full_before() -> None:
    text = "Petra Halvik ran the mill. Halvik left in May. Halvik Foods grew. Halvik said no."
    full = _entity(text, "Petra Halvik", "PERSON", "Petra Halvik")
    # `Halvik` as the whole of a company's name is the company, not the woman.
    company = _entity(text, "Halvik", "ORG", "Halvik", after=60)
    found = alias_mentions(text, [full], [full, company])
    assert [(text[a.start : a.end], a.start, a.canonical) for a in found] == [
        ("Halvik", text.index("Halvik left"), "Petra Halvik"),
        ("Halvik", text.index("Halvik Foods"), "Petra Halvik"),  # a modifier: her name
    ]


def test_a_surname_two_people_share_is_nobody_alone() -> None:
    text = "Jon Brekke and Ida Brekke sold the farm. Brekke said it was time."
    people = [_entity(text, "Jon Brekke", "PERSON", "Jon Brekke"),
              _entity(text, "Ida Brekke", "PERSON", "Ida Brekke")]
    assert alias_mentions(text, people, people) == []


def test_companies_by_the_form_of_their_name() -> None:
    text = ("TALVERA SEES GAIN\nTalvera Mining Ltd said output rose. In March Orrin Corp bought "
            "a mine. Sales rose, said Kesk Holdings. Brill Bank Plc's profit fell.")
    starts = [0, text.index("Talvera Mining"), text.index("In March"), text.index("Sales"),
              text.index("Brill")]
    source = _entity(text, "Kesk Holdings", "ORG", "x")
    kesk = Attribution(content=TextSpan(0, 1, "S"),
                       source=TextSpan(source.start, source.end, source.text))
    annotations = Annotations(article=Article(id="a", text=text), attributions=(kesk,))
    found = company_mentions(text, starts, annotations)
    # `In March Orrin Corp` opens with no name; a possessive is no subject.
    assert [(e.canonical, e.label) for e in found] == [
        ("Talvera Mining Ltd", "ORG"), ("Kesk Holdings", "ORG"),
    ]


def test_a_company_the_recogniser_found_is_not_found_twice() -> None:
    text = "Talvera Mining Ltd said output rose."
    known = _entity(text, "Talvera Mining Ltd", "ORG", "Talvera Mining Ltd")
    annotations = Annotations(article=Article(id="a", text=text), entities=(known,))
    assert company_mentions(text, [0], annotations) == []


@pytest.mark.parametrize(
    ("source", "group"),
    [
        ("dairy economists", True),
        ("Analysts", True),
        ("Grain traders in Rotterdam", True),
        ("Brokers and fund managers", True),
        ("The OPEC officials", True),  # a group by its name
        ("the officials", False),  # needs the article to be understood
        ("Some analysts", False),
        ("Halden Partners", False),  # a firm's name, not a group
        ("Orrin Corp and Kesk Holdings", True),
        ("Bergen police", True),  # a plural by its sense
        ("Police", True),
        ("the police", False),
    ],
)
def test_plural_sources_that_name_a_group(source: str, group: bool) -> None:
    assert bool(PLURAL_SOURCE.fullmatch(group_source(source).split(",")[0])) is group


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Orrin Corp and Kesk Holdings, the lead managers", "Orrin Corp and Kesk Holdings"),
        ("<Orrin Corp> and Kesk\nHoldings", "Orrin Corp and Kesk Holdings"),
        ("Farmers, millers and bakers", "Farmers, millers and bakers"),
    ],
)
def test_group_source_as_written_in(written: str, expected: str) -> None:
    assert group_source(written) == expected


@pytest.mark.parametrize(
    ("source", "unnamed"),
    [
        ("a Harbour Board spokesman", True),
        ("A senior official of a regional bank", True),
        ("one grain dealer", True),
        ("another ministry official", True),
        ("the spokesman", False),  # points back to one named or unnamed before
        ("Harbour Board officials", False),
    ],
)
def test_unnamed_sources(source: str, unnamed: bool) -> None:
    assert bool(UNNAMED_SOURCE.fullmatch(source)) is unnamed


@pytest.mark.parametrize(
    ("source", "people", "expected"),
    [
        # Appositions and a title between the people a source joins.
        ("Ida Berg, a Tromso lawyer, and her brother, retired pilot Nils Berg",
         ["Ida Berg", "Nils Berg"], "Ida Berg and Nils Berg"),
        ("Ida Berg, Nils Berg and Oda Lie", ["Ida Berg", "Nils Berg", "Oda Lie"],
         "Ida Berg, Nils Berg and Oda Lie"),
        # The lawyer spoke, for the two; a relative clause names someone else.
        ("A lawyer for Ida Berg and Nils Berg", ["Ida Berg", "Nils Berg"], None),
        ("Ida Berg, who met Nils Berg and his son", ["Ida Berg", "Nils Berg"], None),
        ("Ida Berg", ["Ida Berg"], None),
    ],
)
def test_people_a_source_joins(source: str, people: list[str], expected: str | None) -> None:
    text = f"Late on Monday {source} said the sale was off."
    entities = [_entity(text, name, "PERSON", name) for name in people]
    assert people_joined(text, entities, text.index(source), len(source)) == expected
