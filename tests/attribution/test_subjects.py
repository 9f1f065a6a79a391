"""Speakers of cue verbs found on given parses, including the parses spaCy gets wrong."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.attribution.subjects import postposed_subject, source_of, speaker_of
from tests.parses import GIVEN_POS, said_token


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "verb", "subject"),
    [
        # A participle after a comma goes with the reporting clause, not the reported one.
        ("Kim said the deal was fair , adding it works", [1, 1, 3, 4, 1, 4, 4, 4, 9, 7],
         ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct", "advcl", "nsubj", "ccomp"],
         ["NNP", "VBD", "DT", "NN", "VBD", "JJ", ",", "VBG", "PRP", "VBZ"], 7, "Kim"),
        # Object control: the object of "prompted" prints the headline.
        ("This prompted the weekly to print a headline", [1, 1, 3, 1, 5, 1, 7, 5],
         ["nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "det", "dobj"],
         ["DT", "VBD", "DT", "NN", "TO", "VB", "DT", "NN"], 5, "weekly"),
        # "by saying": through the preposition to the verb it modifies.
        ("She responded by saying no", [1, 1, 1, 2, 3],
         ["nsubj", "ROOT", "prep", "pcomp", "dobj"], ["PRP", "VBD", "IN", "VBG", "DT"], 3, "She"),
        # Two subjects from a parse run over a quote: the one next to the verb.
        ("Susan Another caller said it", [3, 2, 3, 3, 3],
         ["nsubj", "det", "nsubj", "ROOT", "dobj"], ["NNP", "DT", "NN", "VBD", "PRP"], 3,
         "caller"),
        # "Kim said it was early but added …": a cue hung on the reported clause by mistake.
        ("Kim said it was early but added more", [1, 1, 3, 1, 3, 3, 3, 6],
         ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "cc", "conj", "dobj"],
         ["NNP", "VBD", "PRP", "VBD", "JJ", "CC", "VBD", "JJR"], 6, "Kim"),
        # Under a copula nobody reports: the conjunct keeps the subject it shares.
        ("This is why Democrats point and cry", [1, 1, 4, 4, 1, 4, 4],
         ["nsubj", "ROOT", "advmod", "nsubj", "ccomp", "cc", "conj"],
         ["DT", "VBZ", "WRB", "NNPS", "VBP", "CC", "VBP"], 6, "Democrats"),
    ],
)
def test_source_of_on_a_given_parse(
    words: str, heads: list[int], deps: list[str], tags: list[str], verb: int, subject: str
) -> None:
    pos = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "DT": "DET", "PRP": "PRON",
           "IN": "ADP", "TO": "PART", "JJ": "ADJ", "JJR": "ADJ", ",": "PUNCT", "CC": "CCONJ",
           "WRB": "ADV"}
    vocab = spacy.blank("en").vocab
    lemmas = ["be" if w in ("is", "was") else w.lower() for w in words.split()]
    doc = Doc(vocab, words=words.split(), heads=heads, deps=deps, tags=tags, lemmas=lemmas,
              pos=["AUX" if lemma == "be" else pos.get(t, "VERB") for t, lemma in
                   zip(tags, lemmas, strict=True)])
    found = source_of(doc[verb])
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "subject"),
    [
        # No subject parsed: the name before the bracketed affiliation.
        ("Later , Rep. Paul Dunn ( R-OH ) said .", [8, 8, 4, 4, 8, 8, 4, 8, 8, 8],
         ["advmod", "punct", "compound", "compound", "dep", "punct", "appos", "punct", "ROOT",
          "punct"], ["RB", ",", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "."],
         "Dunn"),
        # No subject parsed: the noun a relative clause before the cue is on.
        ("with the team , an official who spoke to discuss strategy said .",
         [11, 2, 0, 2, 5, 2, 7, 5, 9, 7, 9, 11, 11],
         ["prep", "det", "pobj", "punct", "det", "appos", "nsubj", "relcl", "aux", "advcl",
          "dobj", "ROOT", "punct"],
         ["IN", "DT", "NN", ",", "DT", "NN", "WP", "VBD", "TO", "VB", "NN", "VBD", "."],
         "official"),
    ],
)
def test_speaker_of_a_cue_without_subject(
    words: str, heads: list[int], deps: list[str], tags: list[str], subject: str
) -> None:
    found = speaker_of(said_token(words, heads, deps, tags))
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "subject"),
    [
        # The parse hung the name on the participle: the name opening the sentence speaks,
        # not the subject of the reported clause after the cue.
        ("Sen. Ann Lee , facing a challenge , said he would run .",
         [2, 2, 4, 4, 8, 6, 4, 8, 8, 11, 11, 8, 8],
         ["compound", "compound", "npadvmod", "punct", "advcl", "det", "dobj", "punct", "ROOT",
          "nsubj", "aux", "ccomp", "punct"],
         ["NNP", "NNP", "NNP", ",", "VBG", "DT", "NN", ",", "VBD", "PRP", "MD", "VB", "."],
         "Lee"),
        # Nobody before the cue: the reported clause's subject is still not the speaker.
        ("Then said he would run .", [1, 1, 4, 4, 1, 1],
         ["advmod", "ROOT", "nsubj", "aux", "ccomp", "punct"],
         ["RB", "VBD", "PRP", "MD", "VB", "."], None),
        # An inverted name cut from the verb it was hung on by a comma still speaks.
        ('" Yes , " said Ann Cole , half smiling .', [4, 4, 4, 4, 4, 6, 9, 9, 9, 4, 4],
         ["punct", "intj", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "npadvmod",
          "ccomp", "punct"],
         ["``", "UH", ",", "''", "VBD", "NNP", "NNP", ",", "NN", "VBG", "."], "Cole"),
        # A surname after an inverted cue that the tagger read as an adverb.
        ('" Yes , " said Marsh , explaining he would run .', [4, 4, 4, 4, 4, 4, 4, 4, 10, 10, 7, 4],
         ["punct", "intj", "punct", "punct", "ROOT", "advmod", "punct", "advcl", "nsubj", "aux",
          "ccomp", "punct"],
         ["``", "UH", ",", "''", "VBD", "RB", ",", "VBG", "PRP", "MD", "VB", "."], "Marsh"),
    ],
)
def test_speaker_of_a_cue_given_a_broken_parse(
    words: str, heads: list[int], deps: list[str], tags: list[str], subject: str | None
) -> None:
    found = speaker_of(said_token(words, heads, deps, tags))
    assert (found.text if found is not None else None) == subject


def test_participle_set_off_by_a_comma_speaks_with_its_clause_given_a_parse() -> None:
    # The parser hung "remarking" on the noun "nod"; after a comma it goes with the clause.
    text = "Hale ended the debate with a nod to the film hitting theaters , remarking"
    words = text.split(" ")
    doc = Doc(
        spacy.blank("en").vocab, words=words,
        heads=[1, 1, 3, 1, 1, 6, 4, 6, 9, 7, 9, 10, 9, 6],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "det", "pobj",
              "acl", "dobj", "punct", "acl"],
        tags=["NNP", "VBD", "DT", "NN", "IN", "DT", "NN", "IN", "DT", "NN", "VBG", "NNS", ",",
              "VBG"],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "VERB",
             "NOUN", "PUNCT", "VERB"],
    )
    found = speaker_of(doc[13])
    assert found is not None and found.text == "Hale"
    # Without the comma the participle is the noun's: "the film hitting theaters".
    hitting = speaker_of(doc[10])
    assert hitting is not None and hitting.text == "film"


def test_titles_joined_by_and_lead_to_the_name_given_a_parse() -> None:
    # The parser made the title ("Sen.") the subject of the modifier noun and hung "Carter"
    # on it by "and": the speaker is the name the run of titles ends on, not the title.
    words = [",", "said", "former", "Ohio", "Sen.", "and", "Carter", "confidant", "Tom", "Delano",
             "."]
    heads = [1, 1, 4, 4, 7, 4, 4, 9, 9, 1, 1]
    deps = ["punct", "ROOT", "amod", "compound", "nsubj", "cc", "conj", "compound", "compound",
            "nsubj", "punct"]
    tags = [",", "VBD", "JJ", "NNP", "NNP", "CC", "NNP", "NN", "NNP", "NNP", "."]
    ents = ["O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
    pos = {"JJ": "ADJ", "CC": "CCONJ"}
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents,
              pos=[pos.get(t, GIVEN_POS.get(t, "VERB")) for t in tags],
              lemmas=[w.lower() for w in words])
    found = postposed_subject(doc[1], len(doc))
    assert found is not None and found.text == "Delano"
