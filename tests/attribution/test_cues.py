"""Reported speech from the parse: sources, cues the tagger misread, given parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.attribution.component import find_attributions, without_closing_mark
from pipeline.attribution.cues import Found, cue_attributions
from pipeline.attribution.lexicon import default_lexicon
from pipeline.entities import EntitiesComponent
from tests.attribution.helpers import attributions, containing
from tests.parses import GIVEN_POS


@pytest.mark.parametrize(
    ("text", "content_words", "source", "cue"),
    [
        # A participle modifying a noun: the noun does the backing, not what it backs.
        ("Two unions backing the strike rallied outside the plant on Monday.",
         "the strike", "Two unions", "backing"),
        # Through an adjective to the subject of its clause.
        ("Younger voters were much more likely to say the race was close.",
         "race was close", "Younger voters", "say"),
        ("The council was quick to point out that the library had stayed open all summer.",
         "library had stayed", "The council", "point out"),
        # A relative word fronted out of the reported clause leaves the content.
        ("She vetoed the spending plan, which she said would leave the state with a deficit.",
         "leave the state", "she", "said"),
        # The object of "use" or "spend" is a means or a time, not the one who speaks.
        ("The coach used his weekly radio show to complain about the referees.",
         "the referees", "The coach", "complain"),
        ("The tenants spent the winter arguing that the heat had been off for weeks.",
         "heat had been off", "The tenants", "arguing"),
        # An infinitive modifying a noun: whoever has the noun speaks.
        ("The chairman took the opportunity to remind members that dues were late.",
         "dues were late", "The chairman", "remind"),
        ("The senator had every reason to believe that the vote would fail.",
         "vote would fail", "The senator", "believe"),
        # "what she called …": what the cue names the relative word, not the word itself.
        ("The mayor criticized what she called the reckless spending of the previous council.",
         "reckless spending", "she", "called"),
        ("He praised what he described as a fair and open process.", "fair and open", "he",
         "described"),
        # A message that says something, put out by someone: its author speaks.
        ("The union released a video that accuses the company of cutting safety inspections.",
         "cutting safety", "The union", "accuses"),
    ],
)
def test_reported_speech_sources(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source: str, cue: str,
) -> None:
    found = containing(attributions(base_nlp, entities_stage, text), content_words)
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue
    assert found.content.text.find(found.source.text) < 0


def test_cue_read_as_a_plural_noun_given_a_parse() -> None:
    # '“…,” the memo states.' with "states" tagged as the plural of "state".
    text = '" We hold Florida , " the memo states .'
    words = text.split(" ")
    tags = ["``", "PRP", "VBP", "NNP", ",", "''", "DT", "NN", "NNS", "."]
    doc = Doc(
        spacy.blank("en").vocab, words=words,
        heads=[2, 2, 2, 2, 2, 2, 8, 8, 2, 2],
        deps=["punct", "nsubj", "ROOT", "dobj", "punct", "punct", "det", "compound", "npadvmod",
              "punct"],
        tags=tags, pos=[GIVEN_POS.get(t, "VERB") for t in tags],
        lemmas=["\"", "we", "hold", "florida", ",", "\"", "the", "memo", "state", "."],
    )
    found = [(a.source.text if a.source else None, a.cue.text if a.cue else None)
             for a in find_attributions(doc, ())]
    assert found == [("the memo", "states")]


@pytest.mark.parametrize(
    ("content_start", "kept"),
    [
        # The clause starts at the mark that closes the quote before it: the mark is not its.
        (22, "Ruiz said talks go on"),
        # A clause starting at an opening mark keeps it.
        (0, '"Talks are going well." Ruiz said talks go on'),
    ],
)
def test_reported_clause_leaves_the_previous_quote_its_closing_mark(
    content_start: int, kept: str
) -> None:
    text = '"Talks are going well."\n    Ruiz said talks go on'
    item = Found((content_start, len(text)), None, None, None, None)
    found = without_closing_mark(text, item, closing={22})
    assert " ".join(text[slice(*found.content)].split()) == kept


def test_participle_after_an_inverted_cue_speaks_with_it_given_a_parse() -> None:
    # The tagger read the surname as an adverb, so "adding" finds no subject of its own: the
    # quote it introduces is the speaker's whose cue it hangs on.
    text = ('" We will win this race , " said Marsh , adding : " We have the votes in every '
            'county of the state . "')
    words = text.split(" ")
    tags = ["``", "PRP", "MD", "VB", "DT", "NN", ",", "''", "VBD", "RB", ",", "VBG", ":", "``",
            "PRP", "VBP", "DT", "NNS", "IN", "DT", "NN", "IN", "DT", "NN", ".", "''"]
    lemmas = {"said": "say", "adding": "add"}
    doc = Doc(
        spacy.blank("en").vocab, words=words,
        heads=[8, 3, 3, 8, 5, 3, 8, 8, 8, 8, 8, 8, 11, 11, 15, 11, 17, 15, 17, 20, 18, 20, 23,
               21, 8, 8],
        deps=["punct", "nsubj", "aux", "ccomp", "det", "dobj", "punct", "punct", "ROOT",
              "advmod", "punct", "advcl", "punct", "punct", "nsubj", "ccomp", "det", "dobj",
              "prep", "det", "pobj", "prep", "det", "pobj", "punct", "punct"],
        tags=tags, pos=[GIVEN_POS.get(t, "VERB") for t in tags],
        lemmas=[lemmas.get(w, w.lower()) for w in words],
    )
    found = [
        (a.content.text[:8], a.source.text if a.source else None, a.cue.text if a.cue else None)
        for a in find_attributions(doc, ())
    ]
    assert found == [('" We wil', "Marsh", "said"), ('" We hav', "Marsh", "adding")]


def test_speaker_hung_on_the_end_of_the_content_given_a_parse() -> None:
    # The parse made the name an apposition inside the reported clause: the speaker is the
    # noun phrase before the cue, and the content stops where it begins.
    words = ["The", "files", "were", "moved", "to", "storage", ",", "Ann", "Lee", ",", "the",
             "manager", ",", "wrote", "."]
    doc = Doc(
        spacy.blank("en").vocab, words=words,
        spaces=[words[k + 1] not in (",", ".") for k in range(len(words) - 1)] + [False],
        heads=[1, 3, 3, 13, 3, 4, 5, 8, 5, 8, 11, 8, 13, 13, 13],
        deps=["det", "nsubjpass", "auxpass", "ccomp", "prep", "pobj", "punct", "compound",
              "appos", "punct", "det", "appos", "punct", "ROOT", "punct"],
        tags=["DT", "NNS", "VBD", "VBN", "IN", "NN", ",", "NNP", "NNP", ",", "DT", "NN", ",",
              "VBD", "."],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT",
             "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
        lemmas=["the", "file", "be", "move", "to", "storage", ",", "ann", "lee", ",", "the",
                "manager", ",", "write", "."],
    )
    (found,) = cue_attributions(doc, doc.text, default_lexicon(), [False] * len(doc))
    assert found.source is not None and doc.text[slice(*found.source)] == "Ann Lee, the manager"
    assert doc.text[slice(*found.content)] == "The files were moved to storage"


def test_dummy_it_of_an_adjective_is_no_source(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    # Through the adjective to the subject, but "it is important to" has no one behind "it".
    text = "It is important to note that the ferry schedule has not changed."
    found = containing(attributions(base_nlp, entities_stage, text), "ferry schedule")
    assert found.source is None


@pytest.mark.parametrize(
    "text",
    [
        # A price, a dividend, a yield: "per" divides by its unit.
        "The mill sold its pulp at 410 dlrs per tonne in the quarter, traders said.",
        "Directors declared a dividend of 12 cts per share payable in June.",
        "Output rose to 80,000 barrels per day after the refinery reopened.",
        "Hotel rooms in the district cost more per night than a year earlier.",
        # An indefinite or distributive unit is still a rate.
        "The league paid one referee per every four matches last season.",
        # Inside a clause, even with a name for its unit.
        "Barley is quoted per CWT at the coast, oats per bushel.",
    ],
)
def test_per_of_a_rate_is_no_cue(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str
) -> None:
    found = attributions(base_nlp, entities_stage, text)
    assert all(a.cue is None or a.cue.text.lower() != "per" for a in found)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The bridge will stay shut until May, per the county engineer.", "the county engineer"),
        ("Turnout in the ward fell sharply, per Gallup.", "Gallup"),
    ],
)
def test_per_of_a_source_is_a_cue(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, source: str
) -> None:
    found = [a for a in attributions(base_nlp, entities_stage, text) if a.cue is not None]
    per = [a for a in found if a.cue is not None and a.cue.text.lower() == "per"]
    assert per and per[0].source is not None and per[0].source.text == source
