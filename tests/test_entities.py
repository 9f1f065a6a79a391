"""Entities stage: spaCy names plus the project's patterns, with canonical names."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from pipeline.assets import MODELS_DIR
from pipeline.contract import EntityMention
from pipeline.entities import (
    EntitiesComponent,
    _strip_name,
    _trim,
    find_entities,
)
from pipeline.names import organisation_resolver, person_resolver

SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_e8c7711d66f6db41.txt"


@pytest.fixture(scope="session")
def entities_stage(base_nlp: Language) -> EntitiesComponent:
    """The component with its matchers compiled once, not added to the shared pipeline."""
    return EntitiesComponent(base_nlp, str(MODELS_DIR))


def _entities(base_nlp: Language, stage: EntitiesComponent, text: str) -> tuple[EntityMention, ...]:
    return find_entities(base_nlp(text), stage.patterns, stage.aliases)


def _by_text(mentions: tuple[EntityMention, ...], text: str) -> EntityMention:
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not among {[m.text for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention", "label", "canonical"),
    [
        ("The U.S. and South Korea met in Seoul on Tuesday.", "U.S.", "GPE", "United States"),
        ("Exports to the US rose while imports from Japan fell.", "US", "GPE", "United States"),
        ("Seoul rejects the USA demand on the trade pact.", "USA", "GPE", "United States"),
        ("Officials in the United States said talks would resume.", "the United States", "GPE",
         "United States"),
        ("President Trump has denounced KORUS many times.", "KORUS", "AGREEMENT",
         "Korea-United States Free Trade Agreement"),
        ("He wants a renegotiation of NAFTA with Mexico and Canada.", "NAFTA", "AGREEMENT",
         "North American Free Trade Agreement"),
        ("The talks were at the request of Washington, reports Efe news.", "Efe", "ORG", "EFE"),
        ("Talks will begin on Tuesday, The Wall Street Journal reported.",
         "The Wall Street Journal", "ORG", "The Wall Street Journal"),
        ("Shipments fell, according to Reuters.", "Reuters", "ORG", "Reuters"),
    ],
)
def test_labels_and_canonical_names(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, mention: str, label: str,
    canonical: str,
) -> None:
    found = _by_text(_entities(base_nlp, entities_stage, text), mention)
    assert (found.label, found.canonical) == (label, canonical)


@pytest.mark.parametrize(
    ("text", "mention", "canonical"),
    [
        ("South Korean Trade Minister Kim Hyun-chong met Lighthizer. Later, Kim said no.",
         "Kim", "Kim Hyun-chong"),
        ("US President Donald Trump spoke on Monday. Industry groups back Mr. Trump.",
         "Trump", "Donald Trump"),
        ("Hillary Clinton campaigned in Ohio. Mrs. Clinton then flew to Iowa.",
         "Clinton", "Hillary Clinton"),
    ],
)
def test_partial_names_resolve_within_the_article(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, mention: str,
    canonical: str,
) -> None:
    mentions = _entities(base_nlp, entities_stage, text)
    last = [m for m in mentions if m.text == mention][-1]
    assert last.canonical == canonical


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Trump denounced KORUS. South Korea says the FTA is not the cause.",
         "Korea-United States Free Trade Agreement"),
        ("South Korea says the FTA with Chile is not the cause of the deficit.", "FTA"),
    ],
)
def test_the_fta_refers_to_the_article_agreement(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, canonical: str
) -> None:
    assert _by_text(_entities(base_nlp, entities_stage, text), "FTA").canonical == canonical


@pytest.mark.parametrize(
    "text",
    [
        "Exports fell 0.03 percent from $43.5 billion in 2011 to $42.3 billion in 2016.",
        "The first round of meetings took place on August 22, two weeks later.",
    ],
)
def test_numbers_and_dates_are_not_entities(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str
) -> None:
    labels = {m.label for m in _entities(base_nlp, entities_stage, text)}
    assert not labels & {"CARDINAL", "ORDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY", "TIME"}


def test_possessive_is_trimmed(base_nlp: Language, entities_stage: EntitiesComponent) -> None:
    mentions = _entities(base_nlp, entities_stage, "South Korea's top trade negotiator said no.")
    korea = next(m for m in mentions if m.start == 0)
    assert (korea.text, korea.canonical) == ("South Korea", "South Korea")


def test_seed_article(base_nlp: Language, entities_stage: EntitiesComponent) -> None:
    if not SEED.exists():
        pytest.skip("seed article absent")
    text = SEED.read_text(encoding="utf-8")
    mentions = _entities(base_nlp, entities_stage, text)
    canon = {(m.text, m.canonical) for m in mentions}
    assert ("Robert Lighthizer", "Robert Lighthizer") in canon
    assert ("Kim Hyun-chong", "Kim Hyun-chong") in canon
    assert ("Kim", "Kim Hyun-chong") in canon
    assert ("KORUS", "Korea-United States Free Trade Agreement") in canon
    assert ("The Wall Street Journal", "The Wall Street Journal") in canon
    assert any(m.canonical == "Korea Trade International Association" for m in mentions)
    us = {m.canonical for m in mentions if m.text in ("U.S.", "US", "USA", "United States")}
    assert us == {"United States"}
    people = {m.text for m in mentions if m.label == "PERSON"}
    assert {"Robert Lighthizer", "Kim Hyun-chong"} <= people
    assert list(mentions) == sorted(mentions, key=lambda m: (m.start, m.end))
    assert all(text[m.start : m.end] == m.text for m in mentions)


# Wire paragraphs open with an indent and a blank line, as the stage receives them.
WIRE = "    \n\n"


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        # A one-word "person" only ever modifying a common noun: a name of another kind.
        (WIRE + "Rains fell for days over the Bahia cocoa zone, which eased the drought.",
         "Bahia", "MISC"),
        ("Frosts damaged the Minas coffee harvest, a trader said.", "Minas", "MISC"),
        # A company's legal form makes it a company, and the wire's <marks> are not the name.
        ("The stake was sold to <Kessler Dunmore Inc> for cash.", "Kessler Dunmore Inc", "ORG"),
        # People stay people: a speaker, a titled name.
        ("Kowalski said the plant would reopen.", "Kowalski", "PERSON"),
        ("Mr. Brandt told the meeting the vote was close.", "Brandt", "PERSON"),
        # A role in apposition makes a person of a name the tagger called a company.
        ("Brandt, the owner of Home Federal, was convicted on four counts.", "Brandt", "PERSON"),
        # ... and a company with a legal form stays one, whatever follows it.
        ("Brandt Savings Corp, the owner of Home Federal, was fined.", "Brandt Savings Corp",
         "ORG"),
    ],
)
def test_names_the_article_never_uses_as_people(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, mention: str, label: str
) -> None:
    assert _by_text(_entities(base_nlp, entities_stage, text), mention).label == label


def test_a_name_broken_by_a_line_end_has_one_canonical(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = "Shares of Harlow Valve\nCorp rose. Harlow Valve Corp said orders grew."
    canonicals = {m.canonical for m in _entities(base_nlp, entities_stage, text)}
    assert canonicals == {"Harlow Valve Corp"}


def test_a_capitalised_common_word_is_no_entity(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = WIRE + "Showers continued through the week in the cane districts, easing the drought."
    assert [m.text for m in _entities(base_nlp, entities_stage, text)] == []


@pytest.mark.parametrize(
    ("text", "mention", "canonical"),
    [
        # The short name a wire story uses after the full one: its first words, its initials.
        ("Moody's Investors Service Inc may cut the notes. Moody's said the review was routine.",
         "Moody", "Moody's Investors Service Inc"),
        ("The Federal Energy Regulatory Commission approved the rate. FERC said it was fair.",
         "FERC", "Federal Energy Regulatory Commission"),
        # The parent, whose name is the shortest that begins so, not its unit named since.
        ("Harlan Motor Co said its Harlan Motor Credit Co will redeem notes. Harlan said the "
         "notes were issued in 1979.", "Harlan", "Harlan Motor Co"),
        # Not the committee that begins with the body's name.
        ("The Senate Armed Services Committee met on Monday. The Senate will vote in May.",
         "Senate", "Senate"),
    ],
)
def test_short_organisation_names_resolve_to_the_full_name(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, mention: str,
    canonical: str,
) -> None:
    mentions = _entities(base_nlp, entities_stage, text)
    assert [m for m in mentions if m.text == mention][-1].canonical == canonical


def test_a_name_modifying_a_person_noun_stays_a_person(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = "The plan was drafted by former Texas Sen. and Bush adviser Jim Corder."
    assert _by_text(_entities(base_nlp, entities_stage, text), "Bush").label == "PERSON"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A lone lower-case word is no name in an article that capitalises names.
        ("Dividends rose. The board paid 14 cts a share, up from 11 cts, Halvorsen Corp said.",
         "cts"),
        ("The drug, sold as diprivan, won approval. Kestrel Labs said sales would grow.",
         "diprivan"),
        # A price in pence is no company, though it has no capital to show.
        ("Dealers said the shares rose to 640p from 615p after Keswick Holdings Plc bid.",
         "640p"),
        # The label of an earnings-table row is an abbreviation, not an entity.
        ("Quarterly results of Tamsin Mills Inc.\n    Shr 41 cts vs 38 cts\n"
         "    Avg shrs 12.4 mln vs 11.9 mln\n", "Avg"),
        ("Tamsin Mills Inc annual report\n\n    Revs 410.2 mln vs restated 388.0 mln\n", "Revs"),
    ],
)
def test_words_that_are_no_names(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, absent: str
) -> None:
    assert absent not in [m.text for m in _entities(base_nlp, entities_stage, text)]


def test_a_story_typed_in_lower_case_keeps_its_names(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = ("Peru seeks patience\n\nperu is asking its creditor banks for patience, finance "
            "minister\nraul ortega told reporters.\n    Ortega said peru would pay 300 mln dlrs.")
    found = {m.text for m in _entities(base_nlp, entities_stage, text)}
    assert {"peru", "raul ortega"} <= found


def test_a_company_named_by_the_last_word_before_its_legal_form(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = ("C.R. Holloway Co said it would close a plant in Dayton. Holloway said the "
            "plant employs 300 people.")
    mentions = _entities(base_nlp, entities_stage, text)
    assert [(m.label, m.canonical) for m in mentions if m.text == "Holloway"] == [
        ("ORG", "C.R. Holloway Co")]


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        # The nearest full name before each short one, whichever came first in the article.
        ([(0, "Ann Lee Park"), (30, "Lee"), (60, "Tom Lee"), (90, "Lee")],
         {30: "Ann Lee Park", 90: "Tom Lee"}),
        # None before: the first full name after it.
        ([(0, "Lee"), (20, "Tom Lee"), (40, "Ann Lee")], {0: "Tom Lee"}),
        # A name repeated many times resolves each mention on its own.
        ([(p, "Ruiz") if p % 20 else (p, "Maria Ruiz") for p in range(0, 200, 10)],
         {p: "Maria Ruiz" for p in range(10, 200, 10) if p % 20}),
    ],
)
def test_short_person_names_resolve_by_position(
    people: list[tuple[int, str]], expected: dict[int, str]
) -> None:
    assert person_resolver(people) == expected


@pytest.mark.parametrize(
    ("organisations", "expected"),
    [
        # The shortest full name before, though a longer one is nearer.
        ([(0, "Harlan Motor Co"), (20, "Harlan Motor Credit Co"), (50, "Harlan")],
         {50: "Harlan Motor Co"}),
        # Of full names as short, the nearest before.
        ([(0, "Bell Gas Co"), (20, "Bell Oil Co"), (40, "Bell"), (60, "Bell Gas Co"), (80, "Bell")],
         {40: "Bell Oil Co", 80: "Bell Gas Co"}),
        # None before: the first after.
        ([(0, "Harlan"), (10, "Harlan Motor Credit Co"), (30, "Harlan Motor Co")],
         {0: "Harlan Motor Credit Co"}),
    ],
)
def test_short_organisation_names_resolve_by_position(
    organisations: list[tuple[int, str]], expected: dict[int, str]
) -> None:
    assert organisation_resolver(organisations) == expected


@pytest.mark.parametrize(
    ("text", "first", "last", "expected"),
    [
        # The tagger took in half a bracket: the name ends before it.
        ("the Kenya Tea Board (KTB) said", 1, 6, "Kenya Tea Board"),
        # A closed bracket inside a name stays.
        ("the Kenya Tea Board (KTB) said", 1, 7, "Kenya Tea Board (KTB)"),
    ],
)
def test_a_name_with_half_a_bracket_ends_before_it(
    base_nlp: Language, text: str, first: int, last: int, expected: str
) -> None:
    trimmed = _trim(Span(base_nlp(text), first, last, label="ORG"))
    assert trimmed is not None and trimmed.text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Brackets an editor put inside a quoted name are not part of it.
        ("International Monetary) Fund", "International Monetary Fund"),
        ("(World) Bank's", "World Bank"),
        # Balanced ones stay.
        ("Kenya Tea Board (KTB)", "Kenya Tea Board (KTB)"),
    ],
)
def test_a_canonical_name_drops_an_editors_half_brackets(text: str, expected: str) -> None:
    assert _strip_name(text) == expected


def test_a_surname_run_into_a_place_is_the_person_then_the_place(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = ("Peru wants new loans, Finance Minister Luis Alva said. But Baker told Alva Peru had "
            "to settle its quarrel with the lenders. Peru will pay in May.")
    mentions = _entities(base_nlp, entities_stage, text)
    assert {m.label for m in mentions if m.text == "Peru"} == {"GPE"}
    assert {m.canonical for m in mentions if m.text == "Alva"} == {"Luis Alva"}
