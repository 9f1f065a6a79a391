"""Who a pronoun or description refers to, on annotations of our own made by hand."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from pipeline.claims.referents import Referents
from pipeline.claims.standalone import THRESHOLD
from pipeline.claims.subjects import Subjects
from pipeline.contract import Annotations, Article, Attribution, EntityMention, TextSpan


def _sentences(text: str) -> tuple[TextSpan, ...]:
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+", text)]
    ends = [*starts[1:], len(text)]
    return tuple(TextSpan(s, e, text[s:e]) for s, e in zip(starts, ends, strict=True))


def _span(text: str, words: str, after: int = 0) -> TextSpan:
    start = text.index(words, after)
    return TextSpan(start, start + len(words), words)


def _referents(
    text: str,
    entities: Sequence[tuple[str, str, str]] = (),
    sources: Sequence[tuple[str, str | None]] = (),
    subjects: Subjects | None = None,
) -> Referents:
    """Referents of a text; each entity (words, label, canonical) and source (words, speaker)
    marked at every place its words stand."""
    mentions = [
        EntityMention(m.start(), m.end(), words, label, canonical)
        for words, label, canonical in entities
        for m in re.finditer(rf"\b{re.escape(words)}\b", text)
    ]
    attributions = [
        Attribution(content=TextSpan(0, 1, text[0]), source=_span(text, words), cue=None,
                    speaker=speaker, speaker_confidence=1.0 if speaker else None)
        for words, speaker in sources
    ]
    article = Article(id="a", text=text, published="2021-06-01")
    return Referents(Annotations(article=article, entities=tuple(mentions),
                                 attributions=tuple(attributions), sentences=_sentences(text)),
                     subjects)


def _name(referents: Referents, text: str, pronoun: str) -> str | None:
    """Whom the pronoun opening ``pronoun`` names, if surely enough to write it in."""
    found = referents.person(text.index(pronoun), pronoun.split()[0])
    return found.name if found and found.confidence >= THRESHOLD else None


def test_he_said_after_an_unnamed_spokesman_names_him_as_written() -> None:
    text = "The ferry ran aground, a Harbour Board spokesman said. He said nobody was hurt."
    referents = _referents(text, [("Harbour Board", "ORG", "Harbour Board")],
                           [("a Harbour Board spokesman", "Harbour Board")])
    assert _name(referents, text, "He said") == "a Harbour Board spokesman"
    # A spokeswoman is not `he`; someone named since is a rival.
    woman = text.replace("spokesman", "spokeswoman")
    assert _name(_referents(woman, [], [("a Harbour Board spokeswoman", None)]), woman,
                 "He said") is None
    named = "A Harbour Board spokesman said so. Then Olav Brenne spoke. He said nobody was hurt."
    referents = _referents(named, [("Olav Brenne", "PERSON", "Olav Brenne")],
                           [("A Harbour Board spokesman", None), ("Olav Brenne", "Olav Brenne")])
    assert _name(referents, named, "He said") == "Olav Brenne"


def test_a_name_later_in_the_pronouns_own_clause_is_someone_else() -> None:
    text = "Olav Brenne wrote to Tor Lunde. He then flew to Oslo to meet Lunde."
    people = [("Olav Brenne", "PERSON", "Olav Brenne"), ("Tor Lunde", "PERSON", "Tor Lunde"),
              ("Lunde", "PERSON", "Tor Lunde")]
    assert _name(_referents(text, people), text, "He then") == "Olav Brenne"
    # A relative clause may name him: `Lunde, who had told Brenne he would …`.
    text = "Olav Brenne wrote to Tor Lunde. He met Lunde, who had thanked Brenne."
    assert _name(_referents(text, people), text, "He met") == "Olav Brenne"


def test_a_given_name_read_as_a_place_is_a_rival() -> None:
    text = "Ida Brekke mourned her daughter, Gloria. She died in May."
    entities = [("Ida Brekke", "PERSON", "Ida Brekke"), ("Gloria", "GPE", "Gloria")]
    assert _name(_referents(text, entities), text, "She died") is None
    assert _name(_referents(text, entities[:1]), text, "She died") == "Ida Brekke"


def test_a_surname_alone_counts_as_the_person() -> None:
    # `Brenne` alone is missed by the recogniser; without it, `he` would be Lunde.
    text = ("Olav Brenne quit the club in May. The club is old. It has 300 members. Brenne "
            "wrote to Tor Lunde. Brenne then called him. He left.")
    people = [("Olav Brenne", "PERSON", "Olav Brenne"), ("Tor Lunde", "PERSON", "Tor Lunde")]
    assert _name(_referents(text, people), text, "He left") == "Olav Brenne"


def test_it_said_names_a_company_known_by_the_form_of_its_name() -> None:
    text = "Talvera Mining Ltd said output rose 4 pct. It said prices held."
    found = _referents(text, [], [("Talvera Mining Ltd", None)]).organisation(
        text.index("It said"), possessive=False, speaking=True
    )
    assert found is not None and found.name == "Talvera Mining Ltd"


@pytest.mark.parametrize(
    ("text", "sources", "expected"),
    [
        ("Grain traders in Rotterdam said wheat fell. They said barley held.",
         [("Grain traders in Rotterdam", None)], "Grain traders in Rotterdam"),
        ("Orrin Corp and Kesk Holdings, the lead managers, said the bond sold. They said it "
         "was priced at par.", [("Orrin Corp and Kesk Holdings, the lead managers", None)],
         "Orrin Corp and Kesk Holdings"),
        # `the companies` points back to the two named just before.
        ("Orrin Corp and Kesk Holdings said they would merge. The deal is small, the "
         "companies said. They said staff would stay.",
         [("Orrin Corp and Kesk Holdings", None), ("the companies", None)],
         "Orrin Corp and Kesk Holdings"),
        ("The underwriters said the bond sold. They said it was priced at par.",
         [("The underwriters", None)], None),
    ],
)
def test_they_said_names_the_group_that_spoke(
    text: str, sources: list[tuple[str, str | None]], expected: str | None
) -> None:
    found = _referents(text, [], sources).group(text.index("They said"))
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("head", "organisations", "expected"),
    [
        ("court", [("the Crown", "ORG", "the Crown")], None),  # no court by name
        ("court", [("High Court", "ORG", "High Court")], "High Court"),
        ("bank", [("Barnett Banks", "ORG", "Barnett Banks")], "Barnett Banks"),
        ("bank", [("Orrin Bancorp", "ORG", "Orrin Bancorp")], "Orrin Bancorp"),
    ],
)
def test_a_description_names_only_an_organisation_that_is_one(
    head: str, organisations: list[tuple[str, str, str]], expected: str | None
) -> None:
    text = f"{organisations[0][0]} heard the case. The {head} said it would rule in May."
    found = _referents(text, organisations).named(text.index(f"The {head}"), head)
    assert (found.name if found else None) == expected


def test_a_person_gets_no_the_from_a_museum_named_after_him() -> None:
    text = "Ivo Marek painted it. Ivo Marek met Lene Holm at the Ivo Marek Museum. He smiled."
    people = [("Ivo Marek", "PERSON", "Ivo Marek"), ("Lene Holm", "PERSON", "Lene Holm")]
    found = _referents(text, people).person(text.index("He smiled"), "He")
    assert found is not None and found.name == "Ivo Marek" and found.determiner == ""


def _parsed(
    text: str,
    entities: Sequence[tuple[str, str, str]],
    roles: tuple[Sequence[str], Sequence[str], Sequence[str]],
    sources: Sequence[tuple[str, str | None]] = (),
) -> Referents:
    """Referents given the parse: the words (first place they stand) of the main clauses'
    subjects, the other finite clauses' subjects, and the objects."""
    main, finite, objects = roles
    offsets = [tuple(sorted(text.index(w) for w in words)) for words in roles]
    subjects = Subjects(offsets[0], tuple(sorted(offsets[0] + offsets[1])), offsets[2])
    assert len(main) + len(finite) + len(objects) == sum(len(o) for o in offsets)
    return _referents(text, entities, sources, subjects)


BRENNE = ("Olav Brenne", "PERSON", "Olav Brenne")
HOLM, DAHL = ("Arne Holm", "PERSON", "Arne Holm"), ("Per Dahl", "PERSON", "Per Dahl")
LIE = ("Olav Lie", "PERSON", "Olav Lie")
SOLD = ("Arne Holm, an old friend of Olav Lie's, sold the farm. It was bought by a firm run by "
        "Per Dahl. ")


@pytest.mark.parametrize(
    ("text", "entities", "roles", "sources", "pronoun", "unparsed", "parsed"),
    [
        # A paper in the by-phrase, taken for a person, is no rival for the subject.
        ("Olav Brenne was quoted by the weekly Nordlys as saying so. He denied it.",
         [BRENNE, ("Nordlys", "PERSON", "Nordlys")], (["Brenne"], [], []), [], "He denied",
         None, "Olav Brenne"),
        # The parse's subject is prominent though a title opens its sentence; a possessive is
        # no rival, an object (or a tenseless clause's subject) is.
        ("Judge Arne Holm praised Per Dahl's lawyer. He set bail for two others.", [HOLM, DAHL],
         (["Holm"], [], []), [], "He set", None, "Arne Holm"),
        ("Judge Arne Holm ordered Per Dahl jailed. He set bail for two others.", [HOLM, DAHL],
         (["Holm"], [], ["Dahl"]), [], "He set", None, None),
        # Subjects conjoined are both prominent with a parse, and neither is sure.
        ("Arne Holm and Per Dahl met in May. He said so.", [HOLM, DAHL],
         (["Holm", "Dahl"], [], []), [], "He said", None, None),
        # A clause's subject after the subject is a rival, unless the pronoun speaks as the
        # subject did; ahead of it (`…, Holm said`), always.
        ("Arne Holm said that Per Dahl had lied. He said it twice.", [HOLM, DAHL],
         (["Holm"], ["Dahl"], []), [], "He said", None, "Arne Holm"),
        ("Arne Holm noted that Per Dahl had lied. Later he left.", [HOLM, DAHL],
         (["Holm"], ["Dahl"], []), [], "he left", None, None),
        ("Per Dahl will win the vote, Arne Holm said, citing a poll by Olav Lie. He said so "
         "twice.", [HOLM, DAHL, LIE], (["Holm"], ["Dahl"], []), [("Arne Holm", "Arne Holm")],
         "He said", None, None),
        # A man named since the subject's sentence is a rival, unless the pronoun speaks.
        (SOLD + "He paid cash.", [HOLM, DAHL, LIE], (["Holm"], [], []), [], "He paid", None,
         None),
        (SOLD + "He said the price was fair.", [HOLM, DAHL, LIE], (["Holm"], [], []), [],
         "He said", None, "Arne Holm"),
        # The parse only adds where the reading without it is unsure: it takes nothing away.
        ("Arne Holm won the race in Oslo. A photo by Per Dahl ran on Monday. He had trained for "
         "a year.", [HOLM, DAHL], (["Holm", "photo"], [], []), [], "He had", "Arne Holm",
         "Arne Holm"),
    ],
)
def test_with_a_parse_only_a_subject_or_object_rivals(
    text: str, entities: list[tuple[str, str, str]],
    roles: tuple[list[str], list[str], list[str]], sources: list[tuple[str, str | None]],
    pronoun: str, unparsed: str | None, parsed: str | None,
) -> None:
    assert _name(_referents(text, entities, sources), text, pronoun) == unparsed
    assert _name(_parsed(text, entities, roles, sources), text, pronoun) == parsed


@pytest.mark.parametrize(
    ("text", "sources", "entities", "expected"),
    [
        # `The official said` carries the unnamed source on past the last few sentences.
        ("A harbour board official said the ferry ran aground. Nobody was hurt. Divers went "
         "down at noon. The official said the hull held. Repairs begin in May. He said the "
         "line would reopen.", [("A harbour board official", None), ("The official", None)],
         [], "A harbour board official"),
        # Another source between is someone else.
        ("A harbour board official said the ferry ran aground. Nobody was hurt. Divers went "
         "down at noon. The divers said the hull held. Repairs begin in May. He said the "
         "line would reopen.", [("A harbour board official", None), ("The divers", None)],
         [], None),
        # A man named where the source spoke is whom the source spoke of.
        ("Tor Lunde would sell the ferry, a harbour board spokesman said. The spokesman said "
         "talks had begun. He was quoted as saying so.",
         [("a harbour board spokesman", None), ("The spokesman", None)],
         [("Tor Lunde", "PERSON", "Tor Lunde")], "Tor Lunde"),
    ],
)
def test_the_same_unnamed_source_again(
    text: str, sources: list[tuple[str, str | None]], entities: list[tuple[str, str, str]],
    expected: str | None,
) -> None:
    found = _referents(text, entities, sources).person(text.rindex("He "), "He")
    assert (found.name if found and found.confidence >= THRESHOLD else None) == expected
