"""Who is a person: labels the tagger got wrong, corrected by how the article uses a name (a
role in apposition, a surname of someone named in full, a one-word name only ever modifying a
common noun, a surname run into a place)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span

from pipeline.names import CORPORATE_SUFFIXES, core_word


class Entry(Protocol):
    """What a candidate knows of the project's pattern that found it (``PatternEntry``)."""

    @property
    def canonical(self) -> str | None: ...

    @property
    def generic(self) -> bool: ...


# Words before a name that are a person's title (`Sen.`, `Judge`), never part of the name.
TITLES = frozenset(
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "senator",
        "rep", "rep.", "gov", "gov.", "governor", "president", "vice", "minister", "secretary",
        "gen", "gen.", "general", "prof", "prof.", "sir", "lady", "lord", "judge", "justice",
        "speaker", "chancellor", "premier", "mayor", "pope", "king", "queen", "prince",
    }
)
# How a one-word name is used when it is a person's: a clause's participant, a possessor, a
# name beside another. Only a modifier of a common noun (``the Bahia cocoa zone``) is not.
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
# Nouns a person's name modifies as a person's: "Reagan confidant", "the Bush campaign".
PERSON_HEADS = frozenset({
    "administration", "adviser", "advisor", "aide", "ally", "associate", "camp", "campaign",
    "confidant", "critic", "family", "government", "loyalist", "presidency", "spokesman",
    "spokeswoman", "supporter", "team", "wife", "husband", "son", "daughter",
})
# A role a name in apposition holds is a person's: "Warner, the owner of Home State".
PERSON_ROLES = frozenset({
    "owner", "director", "chairman", "chairwoman", "president", "founder", "executive",
    "officer", "minister", "secretary", "spokesman", "spokeswoman", "governor", "manager",
    "editor", "economist", "analyst", "prosecutor", "attorney", "lawyer", "judge", "senator",
    "ambassador", "treasurer", "chancellor", "commissioner", "professor", "partner",
})
# A name the article never uses as a person's, of a kind the stage cannot tell.
UNKNOWN_NAME = "MISC"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the tagger or one of the project's patterns found, with its label."""

    span: Span
    label: str
    entry: Entry | None


def used_as_person(span: Span) -> bool:
    """Whether a one-word mention reads as a person's: titled, a proper noun in a clause."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in TITLES:
        return True
    if root.tag_ not in ("NNP", "NNPS") or (root.tag_ == "NNPS" and before != "the"):
        # "Showers continued …": a common word capitalised at the start of a sentence.
        return False
    head = root.head
    if head.lower_ in PERSON_HEADS:
        return True
    return not (root.dep_ in MODIFIER_DEPS and head.i > root.i and head.tag_ not in ("NNP", "NNPS"))


def opens_sentence(span: Span) -> bool:
    """Whether only blanks stand between the sentence's start and the span."""
    return all(token.is_space for token in span.doc[span.sent.start : span.start])


def not_people(candidates: Sequence[Candidate], names: Sequence[str]) -> dict[str, str | None]:
    """One-word PERSON names the article never uses as a person's: their label, or None if
    the word is a common one (dropped)."""
    mentions: dict[str, list[Span]] = {}
    for cand, name in zip(candidates, names, strict=True):
        if cand.label == "PERSON" and cand.entry is None:
            mentions.setdefault(name, []).append(cand.span)
    found: dict[str, str | None] = {}
    for name in sorted(mentions):
        spans_of = mentions[name]
        if " " in name or any(used_as_person(span) for span in spans_of):
            continue
        # Never a singular proper noun, capitalised only as a sentence's first word
        # ("Showers continued …", "Narrowly defined, …"): a common word, not a name.
        common = all(span.root.tag_ != "NNP" and opens_sentence(span) for span in spans_of)
        found[name] = None if common else UNKNOWN_NAME
    return found


def surnames_as_people(candidates: list[Candidate], names: Sequence[str]) -> list[Candidate]:
    """``Gates`` tagged ORG (or a place) where the article names Robert Gates: the person;
    ``Trunkline`` tagged PERSON where it names Trunkline Gas Co: the company, by first word."""
    surnames = {
        name.split()[-1]
        for cand, name in zip(candidates, names, strict=True)
        if cand.label == "PERSON" and len(name.split()) > 1
    }
    first_words = {
        word
        for cand, name in zip(candidates, names, strict=True)
        if cand.label == "ORG" and len(name.split()) > 1
        for word in (name.split()[0], core_word(name))
        if word
    }
    relabelled: list[Candidate] = []
    for cand, name in zip(candidates, names, strict=True):
        label = cand.label
        if cand.entry is None and label in ("ORG", "GPE", "NORP") and name in surnames:
            label = "PERSON"
        elif (
            cand.entry is None and label == "PERSON" and " " not in name
            and name in first_words and name not in surnames
        ):
            label = "ORG"
        relabelled.append(cand if label == cand.label else Candidate(cand.span, label, None))
    return relabelled


def unglued(candidates: list[Candidate]) -> list[Candidate]:
    """``told Funaro Brazil had to``: the surname of a person named in full elsewhere (Dilson
    Funaro) run into a place the article names alone elsewhere is the person, then the place
    (else ``Brazil`` becomes his surname in every mention)."""
    places = {c.span.text for c in candidates if c.label in ("GPE", "LOC") and len(c.span) == 1}
    surnames = {c.span[-1].text for c in candidates if c.label == "PERSON" and len(c.span) > 1}
    out: list[Candidate] = []
    for cand in candidates:
        span = cand.span
        if cand.label == "PERSON" and cand.entry is None and len(span) == 2 and (
            span[-1].text in places and span[0].text in surnames
        ):
            out.append(Candidate(span[:-1], "PERSON", None))
            out.append(Candidate(span[-1:], "GPE", None))
        else:
            out.append(cand)
    return out


def roles_as_people(candidates: list[Candidate]) -> list[Candidate]:
    """``Jean-Claude Paye, Director General of the OECD`` tagged ORG: a person, by the role the
    apposition gives (a role of something: ``the owner of Home State``)."""
    relabelled: list[Candidate] = []
    for cand in candidates:
        root = cand.span.root
        roles = [
            c for c in root.children
            if c.dep_ == "appos" and c.i > root.i and any(r.lower_ == "of" for r in c.rights)
            and any(w.lower_ in PERSON_ROLES for w in (c, *c.lefts))
        ]
        person = (
            cand.entry is None and cand.label in ("ORG", "GPE", "NORP") and roles
            and cand.span[-1].lower_ not in CORPORATE_SUFFIXES
        )
        relabelled.append(Candidate(cand.span, "PERSON", None) if person else cand)
    return relabelled
