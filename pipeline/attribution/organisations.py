"""Organisations as speakers: ``It said`` and ``the company said`` after the company was named."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.attribution.lexicon import CueLexicon
from pipeline.names import name_words

# Determiners of a source that points back: "the company", "this bank".
BACK = frozenset({"the", "this"})


def organisation_noun(head: Token, lexicon: CueLexicon) -> str | None:
    """The kind of organisation a definite source names (``the company``, ``the Dutch bank``)."""
    noun = head.lower_
    if noun not in lexicon.organisation_nouns or head.tag_ != "NN":
        return None
    before = [c for c in head.children if c.i < head.i]
    determiners = [c for c in before if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in BACK:
        return None
    # Only adjectives beside it: "the holding company" or "the company's board" is another.
    if any(c.dep_ not in ("det", "amod") for c in before):
        return None
    return noun


def fits(name: str, noun: str | None, lexicon: CueLexicon) -> bool:
    """Whether the organisation ``name`` can be what ``noun`` (None: ``it``) points back to."""
    if noun is None:
        return True
    words = name_words(name.lower())
    needed = lexicon.organisation_nouns[noun]
    if needed:
        # "the bank" is a bank by name: Bank of Japan, Bundesbank, First Union Bancorp.
        return any(word.endswith(n) for word in words for n in needed)
    # "the company" is not the regulator or the ministry the story also named.
    return not any(word in lexicon.public_body_words for word in words)


def continues_a_document(previous: Token | None, lexicon: CueLexicon) -> bool:
    """``The report said …; it said``: ``it`` is the document that spoke just before."""
    return previous is not None and previous.lower_ in lexicon.document_nouns


def preceding_subject(pronoun: Token) -> Token | None:
    """The nearest singular subject before ``it``: earlier in its sentence, else in the one before.

    Wire copy refers back with ``it`` to the last thing that acted; plural subjects ("profits
    rose …, it said") cannot be what ``it`` stands for and are passed over.
    """
    doc = pronoun.doc
    sentence = pronoun.sent
    earlier = [t for t in doc[sentence.start : pronoun.i] if _singular_subject(t)]
    if earlier:
        return earlier[-1]
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    # "Thailand exported 85,000 tonnes, the Commerce Ministry said.": the subject of the
    # sentence's own verb, the one who reported, before any subject inside what it reported.
    found = [t for t in previous.root.children if _singular_subject(t)]
    found += [t for t in previous if _singular_subject(t)]
    return found[0] if found else None


def _singular_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NN", "NNP")


def is_dummy(pronoun: Token) -> bool:
    """``It was not known whether …``, ``it is expected that …``: no one behind ``it``."""
    return pronoun.dep_ in ("nsubjpass", "expl")


def organisation_of_group(head: Token, lexicon: CueLexicon) -> str | None:
    """The kind of organisation whose people a plural source names: ``company spokesmen``,
    ``the ministry sources``; they speak for the company or ministry the story named."""
    if head.tag_ != "NNS":
        return None
    for child in head.children:
        if (child.i < head.i and child.dep_ in ("compound", "nmod", "amod")
                and child.tag_ == "NN" and child.lower_ in lexicon.organisation_nouns):
            return child.lower_
    return None


def a_group(head: Token) -> bool:
    """A plural source ``they`` may continue: ``analysts``, ``ICO delegates``, ``they``.

    Not a plural proper noun: ``VMS Realty Partners`` is one company.
    """
    return (head.tag_ == "NNS" and not head.ent_type_) or head.lower_ == "they"


def within_sentences(earlier: Token, later: Token, gap: int) -> bool:
    """Whether at most ``gap`` sentences stand between the sentences of two tokens."""
    doc = earlier.doc
    between = doc[earlier.sent.end : later.sent.start]
    return sum(1 for t in between if t.is_sent_start) <= gap
