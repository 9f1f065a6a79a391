"""Docs built from a given parse, for the stages' behaviour on what the parser gets wrong."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

# Coarse tags for the fine tags the given parses use; any other tag is a verb's.
GIVEN_POS = {"NNP": "PROPN", "NN": "NOUN", "NNS": "NOUN", "DT": "DET", "RB": "ADV",
             "WP": "PRON", "PRP": "PRON", "TO": "PART", "IN": "ADP", "MD": "AUX", "UH": "INTJ",
             ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT",
             "``": "PUNCT", "''": "PUNCT"}


def said_token(words: str, heads: list[int], deps: list[str], tags: list[str]) -> Token:
    """The token ``said`` of a Doc built from a given parse (what the parser got wrong)."""
    doc = Doc(spacy.blank("en").vocab, words=words.split(), heads=heads, deps=deps, tags=tags,
              lemmas=[w.lower() for w in words.split()],
              pos=[GIVEN_POS.get(t, "VERB") for t in tags])
    return doc[words.split().index("said")]
