"""The words a pronoun stands for, as the article wrote them: a definite noun phrase (``the
Dow index``, ``Acme's stock``, ``Production of cocoa in Indonesia``), a group listed or counted
(``The three are A, B and C.``, ``the nine banks``), people counted loosely (``Analysts``), a
sentence's sole object; read on the parse, for ``pipeline/claims/antecedents.py``."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.spans import text_of

# The most words a replacement runs to (from `the` to the end of its `of` phrase).
LONGEST = 8
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Nouns for people: `It` never stands for them (`The chairman resigned. It said …`).
PERSON_NOUNS = frozenset({
    "man", "woman", "person", "official", "spokesman", "spokeswoman", "minister", "president",
    "chairman", "chairwoman", "director", "executive", "analyst", "economist", "trader",
    "dealer", "banker", "source", "governor", "secretary", "judge", "lawyer", "leader", "chief",
    "head", "member", "buyer", "seller", "investor", "owner", "worker", "farmer", "partner",
})
# Words that count a group loosely: no bare plural opens with them (`Few shares`); a group of
# people they open is written in without the ones that relate it to another (`RELATING`).
QUANTIFIERS = frozenset({
    "few", "many", "several", "some", "other", "most", "more", "numerous", "various", "certain",
    "fewer", "all", "both", "two", "three", "four", "five",
})
# `Few analysts`, `Other company officials`: words that only relate the group to another,
# dropped from the group a `They` names (`Some analysts` keeps its `Some`).
RELATING = frozenset({"few", "fewer", "other"})
# `The three are A, B and C.`: a group listed by name.
COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
LISTED = re.compile(
    rf"\s*(?:[Tt]he|[Tt]hese|[Tt]hose|[Aa]ll)\s+({'|'.join(COUNTS)})(?:\s+[a-z]+)?\s+"
    r"(?:are|were)\s+([A-Z<].*?)\.?\s*",
    re.DOTALL,
)
# Between the items of a list: `A, B and C`, `A, B, and C`.
ITEMS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# `They are A, B, …`: the group a count names, listed in the sentence of the `They`.
ARE = re.compile(r"\s*They\s+(?:are|were|include|included)\s+([A-Z<].*?)\.?\s*", re.DOTALL)
TICKER = re.compile(r"\s*<[A-Z0-9]+\.[A-Z]+>")


def main_object(doc: Doc, sentence: Span) -> str | None:
    """``BankAmerica filed the offer. It was seen as …``: what a named subject did something to,
    the main verb's one definite singular object (no person), is what a passive ``It`` is."""
    objects = [t for t in sentence if t.dep_ == "dobj" and t.head == sentence.root]
    if len(objects) != 1:
        return None
    head = objects[0]
    if head.pos_ != "NOUN" or plural(head) or head.lemma_.lower() in PERSON_NOUNS:
        return None
    return phrase(doc, head)


def sole_object(doc: Doc, sentence: Span) -> str | None:
    """``The bid valued the shares at 100 pesos. They traded …``: with no plural subject
    before, the one plural noun there (a quantity's unit aside), the main verb's object."""
    plurals = [
        t for t in sentence if plural(t) and t.dep_ not in ("compound", "amod")
        and not any(c.dep_ == "nummod" for c in t.children)
    ]
    if len(plurals) != 1 or plurals[0].dep_ != "dobj" or plurals[0].head != sentence.root:
        return None
    head = plurals[0]
    if head.pos_ != "NOUN" or head.ent_type_ in NAMED:
        return None
    return phrase(doc, head)


def listed(sentence: Span) -> str | None:
    """``The three are A, B and C.``: the names listed, as many as the number says, each
    holding a named entity; in the article's words, without ticker brackets."""
    found = LISTED.fullmatch(sentence.text)
    if found is None:
        return None
    items = ITEMS.split(found.group(2))
    if len(items) != COUNTS.index(found.group(1)) + 2:
        return None
    start = sentence.start_char + found.start(2)
    text = text_of(sentence.doc)  # once: doc.text is rebuilt from every token on each read
    spans, at = [], start
    for item in items:
        at = text.index(item, at)
        spans.append((at, at + len(item)))
        at += len(item)
    named = [e for e in sentence.ents if e.label_ in NAMED]
    if not all(any(s <= e.start_char < end for e in named) for s, end in spans):
        return None
    names = [" ".join(TICKER.sub("", item).replace("<", "").replace(">", "").split())
             for item in items]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def group_of(sentence: Span, before: Span) -> str | None:
    """``… the nine banks have … They are A, B, …, and I.``: the group the sentence before
    counts, where the ``They`` sentence lists as many, each holding a named entity."""
    found = ARE.fullmatch(sentence.text)
    if found is None:
        return None
    items = [i for i in ITEMS.split(found.group(1)) if i.strip()]
    named = [e for e in sentence.ents if e.label_ in NAMED]
    start = sentence.start_char + found.start(1)
    if len(items) < 2 or len(named) < len(items) or named[0].start_char < start:
        return None
    count = COUNTS[len(items) - 2] if len(items) - 2 < len(COUNTS) else str(len(items))
    groups = [
        t for t in before if plural(t) and any(
            c.dep_ == "nummod" and c.lower_ in (count, str(len(items))) for c in t.children
        ) and t.left_edge.lower_ == "the"
    ]
    if len({t.lemma_ for t in groups}) != 1:
        return None
    return phrase(before.doc, groups[-1])


def group(doc: Doc, head: Token) -> str | None:
    """``Few analysts``, ``Other company officials``: a group of people the ``They`` names,
    written without the words that relate it to another group (``RELATING``)."""
    left = head.left_edge
    if head.lemma_.lower() not in PERSON_NOUNS or left.lower_ not in QUANTIFIERS:
        return None
    words = list(doc[left.i : head.i + 1])
    while words and words[0].lower_ in RELATING:
        words.pop(0)
    if not words or any(
        t.dep_ not in ("compound", "amod", "det", "nummod") or t.is_punct for t in words[:-1]
    ):
        return None
    return " ".join(text_of(doc)[words[0].idx : head.idx + len(head.text)].split())


def _counted(token: Token, head: Token) -> bool:
    """``About 15,000 miners``: the count in figures (and the words that round it)."""
    if token.dep_ == "nummod" and token.head == head:
        return any(c.isdigit() for c in token.text)
    return token.dep_ in ("quantmod", "advmod") and token.head.dep_ == "nummod" and any(
        c.isdigit() for c in token.head.text
    )


def plural(token: Token) -> bool:
    """A plural noun; a subject agrees with its verb (`The peso has been`, tagged plural: one)."""
    if token.tag_ not in ("NNS", "NNPS"):
        return False
    if token.dep_ in SUBJECTS:
        verbs = [c for c in token.head.children if c.dep_ in ("aux", "auxpass")][:1]
        finite = verbs[0] if verbs else token.head
        return not (finite.tag_ == "VBZ" or finite.lower_ == "was")
    return True


def phrase(doc: Doc, head: Token) -> str | None:
    """``the`` … the noun (and its ``of`` phrase), as the article wrote them; or a name's
    (``Acme's stock``); or, for ``They``, a plural with no determiner at all (``DAT players``)."""
    left = head.left_edge
    the = left.lower_ == "the" and left.dep_ == "det"
    # `Acme's stock`: the owner is named (a noun or a name, never `its`/`their`).
    owner = [c for c in head.lefts if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    bare = plural(head) and all(
        (t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ")
         and t.lower_ not in QUANTIFIERS)
        or _counted(t, head)
        for t in doc[left.i : head.i]
    )
    inside = doc[left.i : head.i + 1]
    of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1]
    # `Production of cocoa in Indonesia`: a mass noun its of-phrase makes definite.
    mass = head.tag_ == "NN" and left == head and bool(of)
    # (A name may qualify the noun, `FmHA farm borrowers`, but not be it.)
    if not (the or owner or bare or mass) or any(t.is_punct for t in inside) or (
        not owner and any(t.ent_type_ in NAMED and t.dep_ != "compound" for t in inside)
    ):
        return None
    end = head
    if of and of[0].right_edge.i - left.i < LONGEST and not any(
        t.is_punct for t in doc[of[0].i : of[0].right_edge.i + 1]
    ):
        end = of[0].right_edge
        # `Production of cocoa in Indonesia`: the place the parse hung on the head goes too.
        place = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "in"
                 and c.i == end.i + 1 and c.right_edge.ent_type_ in ("GPE", "LOC")
                 and c.right_edge.head == c]
        if place:
            end = place[0].right_edge
    if end.i - left.i >= LONGEST:
        return None
    words = " ".join(text_of(doc)[left.idx : end.idx + len(end.text)].split())
    return "the" + words[3:] if the else words
