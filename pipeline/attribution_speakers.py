"""Who a source is: entity, role, and pronouns resolved within the article."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.attribution_lexicon import CueLexicon
from pipeline.contract import EntityMention

SPEAKER_LABELS = ("PERSON", "ORG")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RELATIVES = frozenset({"who", "which", "that"})
ROLE_TRIM = " ,;:'’\"“”-—"


@dataclass(frozen=True, slots=True)
class Speaker:
    """The resolved speaker of one source span."""

    name: str | None
    confidence: float | None
    role: str | None


class SpeakerResolver:
    """Resolves source spans of one article; remembers who spoke, for pronouns."""

    def __init__(
        self, doc: Doc, text: str, entities: Sequence[EntityMention], lexicon: CueLexicon
    ) -> None:
        self.doc = doc
        self.text = text
        self.lexicon = lexicon
        self.entities = [e for e in entities if e.label in (*SPEAKER_LABELS, "GPE", "NORP")]
        self.starts = [e.start for e in self.entities]
        self.people = [e for e in entities if e.label == "PERSON"]
        self.people_starts = [e.start for e in self.people]
        self.spoke: set[str] = set()
        self.gender = self._genders()

    def _genders(self) -> dict[str, str]:
        """Gender of a canonical person from a title seen before any of its mentions."""
        found: dict[str, str] = {}
        text = self.text
        for person in self.people:
            before = text[max(0, person.start - 6) : person.start].split()
            word = before[-1].lower() if before else ""
            if word in self.lexicon.male_titles:
                found.setdefault(person.canonical, "male")
            elif word in self.lexicon.female_titles:
                found.setdefault(person.canonical, "female")
        return found

    def _entity_at(self, char: int) -> EntityMention | None:
        index = bisect.bisect_right(self.starts, char) - 1
        if index >= 0 and self.entities[index].start <= char < self.entities[index].end:
            return self.entities[index]
        return None

    def resolve(self, head: Token, start: int, end: int) -> Speaker:
        """Speaker of the source ``[start, end)`` whose syntactic head is ``head``."""
        pronoun = self.lexicon.pronouns.get(head.lower_)
        if pronoun in ("male", "female", "speaker"):
            return self._pronoun(head, pronoun)
        if pronoun == "relative":
            # "Kim, who said …": the relative pronoun stands for the noun its clause modifies.
            clause = head.head
            while clause.dep_ == "conj" and clause.head.i < clause.i:
                clause = clause.head
            antecedent = clause.head if clause.dep_ == "relcl" else None
            if antecedent is None or antecedent.i >= head.i or antecedent.lower_ in RELATIVES:
                return Speaker(None, None, None)
            # The whole noun phrase: "a colleague, Mike Lee, who" names its speaker by apposition.
            return self.resolve(antecedent, antecedent.left_edge.idx, head.idx)
        entity = self._entity_at(head.idx)
        if entity is None:
            # "Efe news", "Mukasey, the attorney general": a person, else an organisation inside.
            # A possessor is not the speaker: "Kim's spokesman" is someone else.
            inside = [
                e for e in self.entities
                if start <= e.start and e.end <= end and not _possessor(self.text, e)
            ]
            ranked = sorted(inside, key=lambda e: (e.label != "PERSON", e.label != "ORG", e.start))
            entity = ranked[0] if ranked and ranked[0].label in SPEAKER_LABELS else None
        if entity is None:
            return Speaker(None, None, _role(self.text[start:end]))
        self.spoke.add(entity.canonical)
        role = _role(self.text[start : entity.start] + " " + self.text[entity.end : end])
        return Speaker(entity.canonical, 1.0, role)

    def _pronoun(self, head: Token, gender: str) -> Speaker:
        """The most recent compatible person, preferring one who was a subject or a speaker.

        A subject pronoun usually continues the previous sentence's subject or speaker
        (centering), not a person merely named in passing (``Trump's push``).
        """
        index = bisect.bisect_right(self.people_starts, head.idx) - 1
        nearest: EntityMention | None = None
        for k in range(index, max(-1, index - 40), -1):
            person = self.people[k]
            if person.end > head.idx or not self._compatible(person.canonical, gender):
                continue
            if nearest is None:
                nearest = person
            if person.canonical in self.spoke or self._is_subject(person):
                same = person.canonical == nearest.canonical
                return Speaker(person.canonical, 0.8 if same else 0.6, None)
        if nearest is not None:
            return Speaker(nearest.canonical, 0.5, None)
        return Speaker(None, None, None)

    def _compatible(self, canonical: str, gender: str) -> bool:
        known = self.gender.get(canonical)
        return gender not in ("male", "female") or known is None or known == gender

    def _is_subject(self, person: EntityMention) -> bool:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in SUBJECT_DEPS


def _possessor(text: str, entity: EntityMention) -> bool:
    """Whether the mention is a possessive (``Kim's``), with or without the ``'s`` inside it."""
    after, inside = text[entity.end : entity.end + 2], text[entity.end - 2 : entity.end]
    return after in ("'s", "’s") or inside in ("'s", "’s")


def _role(text: str) -> str | None:
    """What is left of a source once the name is removed: ``U.S. Trade Representative``."""
    words = [w for w in text.strip(ROLE_TRIM).split() if w.strip(ROLE_TRIM)]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    role = " ".join(words).strip(ROLE_TRIM)
    # Courtesy titles are not roles: "Mr. Trump" has none.
    # A lone common noun ("the report", "Efe news") names a kind of source, not a role.
    if " " not in role and role.islower():
        return None
    if role.lower() in ("", "'s", "’s", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"):
        return None
    return role
