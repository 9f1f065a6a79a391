"""Standalone claims: He/She/They written in, through the whole pipeline and as read on
Reuters-21578 (issue 19, people); text of our own, verdicts in our own words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from pipeline.contract import ArticleResult
from tests.claims.reading import assert_read, assert_standalone, read_stories


@pytest.fixture(scope="module")
def pipe(run_article: Callable[[str, str], ArticleResult]) -> Callable[[str], ArticleResult]:
    return lambda text: run_article(text, "2021-06-09")


# (article, fragment of the claim, words its standalone text must hold, words it must not)
ROWS = [
    # The parse's subject continues, though a title opens its sentence and another man is
    # named in a possessive.
    ("Judge Richard Moore of the district court praised Thomas Baker's lawyer on Monday.\n\n"
     "He set bail at 5,000 dollars for two other men.",
     "set bail", ["Richard Moore set bail"], ["Thomas Baker set"]),
    # `Few dealers`: the group without the word that counts it loosely.
    ("Few dealers have taken the minister's pledge to cut spending seriously.\n\n"
     "They say the deficit tripled in 1995 from an estimate of 4 billion pesos.",
     "deficit tripled", ["Dealers say the deficit"], ["Few dealers say"]),
    # `They are A, B, C and D.` after `the four banks`: the group the count names.
    ("Delta Steel owes over 80 mln dlrs and the four banks have been rolling over its loans "
     "since May 3.\n\nThey are Barclays Bank Plc, Citibank NA, Lloyds Bank Plc and "
     "Midland Bank Plc.", "They are", ["The four banks are Barclays"], []),
    # `They said` after two people, an apposition each, spoke together.
    ("Ida Berg, a lawyer in Tromso, and her brother, retired pilot Nils Berg, said they sold "
     "5,000 shares of Velmora Mining Ltd.\n\nThey said they may sell the rest of their stake "
     "later this year.", "may sell the rest", ["Ida Berg and Nils Berg said they may"], []),
    # The police are a group by their sense.
    ("Two men were arrested in Bergen on Monday, Bergen police said.\n\nThey said the men had "
     "taken 40,000 crowns from a bank.", "40,000 crowns", ["Bergen police said the men"], []),
    # `The three are …`: the names listed, as many as the number says, without tickers.
    ("Trading in three mining companies was halted on Monday.\n\nThe three are Velmora Mining "
     "Ltd <VMM.OL>, Karsten Gold Corp and Lysefjord Metals ASA.\n\nThey will report 2020 "
     "results on Friday.", "2020 results",
     ["Velmora Mining Ltd, Karsten Gold Corp and Lysefjord Metals ASA will report"], ["<"]),
    ("Trading in three mining companies was halted on Monday.\n\nThe two are Velmora Mining "
     "Ltd, Karsten Gold Corp and Lysefjord Metals ASA.\n\nThey will report 2020 results on "
     "Friday.", "2020 results", ["They will report"], []),
    # No plural subject before: the one plural noun there, the main verb's object; never for
    # `They said` (someone spoke, not the things), nor beside another plural.
    ("The regulator fined the brokers on Monday.\n\nThey paid the fines within a week.",
     "within a week", ["The brokers paid the fines"], []),
    ("The regulator fined the brokers on Monday.\n\nThey said the fines of 40,000 dollars were "
     "too high.", "too high", ["They said the fines"], []),
    # A group counted in figures is as definite (`About 2,000 farmers`), the count kept.
    ("About 2,000 farmers marched through Oslo on Monday.\n\nThey also demanded a cut of 10 "
     "percent in fuel taxes.", "fuel taxes", ["About 2,000 farmers also demanded"], []),
    ("He and his partner bought the houses on Monday.\n\nThey paid 300,000 dollars in cash.",
     "300,000 dollars", ["They paid"], []),
    ("The regulator fined the brokers for late filings on Monday.\n\nThey paid the fines "
     "within a week.", "within a week", ["They paid the fines"], []),
]


@pytest.mark.parametrize(("text", "fragment", "holds", "lacks"), ROWS)
def test_people_written_in(
    pipe: Callable[[str], ArticleResult], text: str, fragment: str, holds: list[str],
    lacks: list[str],
) -> None:
    assert_standalone(pipe(text), fragment, holds, lacks)


# Read as a fact-checker on Reuters-21578 (reut2-000.sgm), every edit the people rules of
# issue 19 added or took away: (story, verdict, why, words the story's standalone texts hold,
# words they must not hold). Fragments kept short.
READ_PEOPLE = [
    # Subject continuity, rivals by the parse.
    ("reuters-236", "good", "`He denied`: the minister, not the daily that quoted him",
     "Ali al-Khalifa al-Sabah denied Kuwait", None),
    ("reuters-353", "good", "the same story filed again",
     "Ali al-Khalifa al-Sabah also denied", None),
    ("reuters-854", "good", "`He developed`: Regan; Reagan's in his apposition is no rival",
     "Donald Regan developed", None),
    ("reuters-965", "good", "the same story filed again", "Donald Regan developed", None),
    ("reuters-749", "good", "`He said` after the prosecutor spoke: the prosecutor",
     "Lawrence Kane said\nthat Schiebel", None),
    ("reuters-316", "good", "`he said` after the finance secretary told reporters",
     "Jaime Ongpin\nsaid", None),
    ("reuters-960", "good", "`he said` after Lau denied a link (Lai Sun is no rival)",
     "Thomas Lau said", None),
    # `He said` after `The official said`: the unnamed source of before, again.
    ("reuters-429", "good", "`He said` after `The official said`: the board's official",
     "A Board of Foreign Trade official said Taiwan", None),
    ("reuters-109", "good", "`he said` after `The spokesman said`: the Fed's spokesman",
     "but a Federal Reserve spokesman said", None),
    ("reuters-109", "good", "the same, `he could give no reason`",
     "which a Federal Reserve spokesman could", None),
    ("reuters-109", "good", "the same, in the paragraph after", "whole, a Federal Reserve", None),
    ("reuters-278", "good", "`he said` after `the analyst said`: the analyst (was a bank)",
     "one banking analyst said", "Den Danske said"),
    ("reuters-342", "good", "`he said` after `The official said`: the Japanese official, "
     "not the secretary of state in a possessive (was Schultz)",
     "A senior Japanese government official said the U.S.", "George Schultz said"),
    ("reuters-342", "good", "the same, `but it will, he said`",
     "it will, a senior Japanese", None),
    ("reuters-224", "good", "an unnamed source mid-sentence takes no capital (was `A bank`)",
     "a bank official added", None),
    ("reuters-894", "good", "the same (was `A MITI spokesman` mid-sentence)",
     "licences, a MITI spokesman said", None),
    # They.
    ("reuters-153", "good", "`They said`: the son and his father who bought the stake",
     "Kenneth Thomas and C.A. Thomas said they may", None),
    ("reuters-912", "good", "`They said` after `Police told reporters`: the police",
     "Police said the CAC", None),
    ("reuters-309", "good", "`They also supported`: the miners counted at the rally",
     "About 15,000 miners also supported", None),
    ("reuters-316", "good", "`They traded at 93 pesos`: the shares the bid valued",
     "The shares traded", None),
    ("reuters-251", "good", "`They will announce`: the three companies the lead listed",
     "Hongkong Electric Holdings Ltd and Hutchison Whampoa Ltd will", None),
    # Session 9: groups counted loosely, listed against a count, counted with a name in them.
    ("reuters-319", "good", "`They say` after `few analysts have taken … seriously`: analysts",
     "Analysts say the deficit more than doubled", None),
    ("reuters-282", "good", "`They said` after `Other company officials said`: those officials",
     "Company officials said Thai Airways International is studying", None),
    ("reuters-324", "good", "`They are` and nine banks listed: the nine creditor banks counted "
     "before", "The nine banks are Oversea-Chinese", None),
    ("reuters-770", "good", "`They should get in touch`: the delinquent borrowers counted in "
     "the sentence before (`FmHA` only qualifies them)", "About 26,400 FmHA farm borrowers "
     "should get", None),
    # The attribution stage's pronoun speakers, which also tell the referents who is a man.
    ("reuters-350", "good", "`She said` is Monsod who spoke before (was Ongpin, once a `he` "
     "was wrongly hers)", "Solita Monsod said if private sector", "Jaime Ongpin said if"),
    # A name in apposition with a person's role is a person, whatever the tagger said.
    ("reuters-351", "good", "`He met with`: the OECD's Director General (was tagged a company)",
     "Jean-Claude Paye met with", None),
    ("reuters-760", "good", "`He was acquitted`: Warner, `the owner of Home State` (was tagged "
     "a company)", "Warner was\nacquitted", None),
    ("reuters-504", "good", "`he told`: the Union Carbide man whose role follows his name",
     "H.W. Lichtenberger said Carbide", None),
]


@pytest.fixture(scope="module")
def reuters(claims_nlp: Language) -> dict[str, ArticleResult]:
    return read_stories(claims_nlp, READ_PEOPLE)


@pytest.mark.parametrize(("story", "verdict", "why", "holds", "lacks"), READ_PEOPLE)
def test_read_on_reuters(
    reuters: dict[str, ArticleResult], story: str, verdict: str, why: str,
    holds: str | None, lacks: str | None,
) -> None:
    assert_read(reuters, story, why, holds, lacks)
