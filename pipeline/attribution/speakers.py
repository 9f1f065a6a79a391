"""Who a source is: entity, role, and pronouns resolved within the article."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from pipeline.attribution.lexicon import CueLexicon
from pipeline.attribution.organisations import (
    a_group,
    continues_a_document,
    fits,
    is_dummy,
    organisation_noun,
    organisation_of_group,
    preceding_subject,
    within_sentences,
)
from pipeline.contract import EntityMention
from pipeline.names import alias_mentions, companies_by_form

SPEAKER_LABELS = ("PERSON", "ORG")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RELATIVES = frozenset({"who", "which", "that"})
ROLE_TRIM = " ,;:'’\"“”-—"
# Words of a role that say nothing about which office it is.
ROLE_FILLER = frozenset({
    "the", "a", "an", "of", "for", "and", "'s", "’s", "top", "senior", "chief", "former", "new",
    "then", "current", "country", "nation",
})
# A role matched to the one person the article gave that title: a bridging guess.
BRIDGED_CONFIDENCE = 0.5
# "Analysts said …. They said": ``they`` continues the group that spoke last, a little less sure.
THEY_CONFIDENCE = 0.8
GROUP_MIN_CONFIDENCE = 0.6
DEFINITE = frozenset({"the", "this", "that"})
# Modifiers before a name that belong to its title: "South Korean Trade Minister Kim".
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "det"})
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp"})


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
        # `Champion Products Inc said`: a wire lead's company the recogniser missed, by the
        # form of its name, so that it speaks and `The company said` after it is it.
        sentences = [sent.start_char for sent in doc.sents]
        entities = sorted(
            [*entities, *companies_by_form(text, sentences, entities)],
            key=lambda e: (e.start, e.end),
        )
        self.entities = [e for e in entities if e.label in (*SPEAKER_LABELS, "GPE", "NORP")]
        self.starts = [e.start for e in self.entities]
        # `Ongpin said` after `Jaime Ongpin`, the surname the recogniser missed: a person still,
        # or a later `He said` skips him for whoever was named before.
        self.people = sorted(
            [e for e in entities if e.label == "PERSON"]
            # (A name in a story typed in lower case gives no alias: `manuel azpurua said`.)
            + alias_mentions(text, [e for e in entities if e.text != e.text.lower()], entities),
            key=lambda e: (e.start, e.end),
        )
        self.people_starts = [e.start for e in self.people]
        self.people_names = {e.canonical for e in self.people}
        self.organisations = [e for e in entities if e.label == "ORG"]
        self.organisation_starts = [e.start for e in self.organisations]
        self.spoke: set[str] = set()
        # The head of the source resolved last: "it" may continue "the report" before it, and
        # "they" the group that spoke, as resolved then.
        self.previous: Token | None = None
        self.last = Speaker(None, None, None)
        self.gender = self._genders()

    @cached_property
    def titles(self) -> list[tuple[EntityMention, int, tuple[str | None, frozenset[str]]]]:
        """Each person's title: where it ends, its country and office words (for roles)."""
        # Built on the first definite role only: most articles have none to bridge.
        return [
            (person, title.end_char, self._office(title))
            for person in self.people
            if (title := self._title(person)) is not None
        ]

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
        speaker = self._resolve(head, start, end)
        self.previous, self.last = head, speaker
        return speaker

    def _resolve(self, head: Token, start: int, end: int) -> Speaker:
        pronoun = self.lexicon.pronouns.get(head.lower_)
        if head.lower_ == "they":
            return self._they(head)
        if pronoun == "thing":
            return self._it(head)
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
        if entity is not None and entity.label == "NORP" and self._one_person(head):
            # "the Georgia Democrat": a member of the party, a person the story named.
            entity = None
        if entity is None:
            # "Efe news", "Mukasey, the attorney general": a person, else an organisation inside.
            # A possessor is not the speaker: "Kim's spokesman" is someone else.
            inside = [
                e for e in self.entities
                if start <= e.start and e.end <= end and not _possessor(self.text, e)
                and not NEAR_TO.search(self.text, max(start, e.start - 40), e.start)
            ]
            # "Bush adviser Jim Corder": a name modifying a noun is not who the phrase is.
            ranked = sorted(inside, key=lambda e: (
                e.label != "PERSON", e.label != "ORG", self._modifies_a_noun(e), e.start
            ))
            entity = ranked[0] if ranked and ranked[0].label in SPEAKER_LABELS else None
        if entity is None and head.is_title and start == head.idx and end == head.idx + len(
            head.text
        ):
            # "Brenner said" where the tagger missed the name: the person named so before.
            surname = self._by_surname(head)
            if surname is not None:
                self.spoke.add(surname)
                return Speaker(surname, 1.0, None)
        if entity is None and (noun := organisation_noun(head, self.lexicon)) is not None:
            return self._organisation(head, noun)
        if entity is None and (noun := organisation_of_group(head, self.lexicon)) is not None:
            # "company spokesmen said": people who speak for the company named before, when
            # it spoke or acted there; the nearest name alone is too weak a guess for a group.
            found = self._organisation(head, noun)
            if found.confidence is None or found.confidence < GROUP_MIN_CONFIDENCE:
                return Speaker(None, None, _role(self.text[start:end]))
            return Speaker(found.name, found.confidence, _role(self.text[start:end]))
        if entity is None:
            role = _role(self.text[start:end])
            bridged = self._titled(start, end) if role is not None else None
            if bridged is None and role is not None and self._one_person(head) and (
                head.lower_ in self.lexicon.person_roles or head.ent_type_ == "NORP"
            ):
                bridged = self._politician(head, start, end)
            if bridged is not None:
                self.spoke.add(bridged)
            return Speaker(bridged, BRIDGED_CONFIDENCE if bridged else None, role)
        self.spoke.add(entity.canonical)
        role = _role(self.text[start : entity.start] + " " + self.text[entity.end : end])
        return Speaker(entity.canonical, 1.0, role)

    def _by_surname(self, head: Token) -> str | None:
        """The one person named before whose full name ends with ``head``."""
        found = {
            p.canonical for p in self.people
            if p.end <= head.idx and " " in p.canonical and p.canonical.split()[-1] == head.text
        }
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _one_person(head: Token) -> bool:
        """A singular noun with a definite determiner: ``the Georgia Democrat``."""
        determiners = [c for c in head.children if c.dep_ == "det" and c.i < head.i]
        return head.tag_ in ("NN", "NNP") and any(c.lower_ in DEFINITE for c in determiners)

    def _politician(self, head: Token, start: int, end: int) -> str | None:
        """``the Kansas senator``, ``the Georgia Democrat`` after the senator was named: the
        person who last spoke, else was a subject, else bears a politician's title (``Rep.``),
        whose title names no other state or party.
        """
        role = self._named_in(start, end)
        index = bisect.bisect_right(self.people_starts, head.idx) - 1
        fitting: list[EntityMention] = []
        titles: dict[str, bool] = {}
        for k in range(index, max(-1, index - 40), -1):
            person = self.people[k]
            if person.end > start:
                continue
            title = self._title(person)
            theirs = self._named_in(title.start_char, title.end_char) if title else {}
            if any(role.get(label) and theirs.get(label) and not role[label] & theirs[label]
                   for label in ("GPE", "NORP")):
                continue  # "Ohio Sen. Ann Marsh" is not "the Georgia Democrat"
            fitting.append(person)
            words = {t.lower_ for t in title} if title is not None else set()
            titles[person.canonical] = bool(words & self.lexicon.politician_titles)
        for test in (
            lambda p: p.canonical in self.spoke,
            self._is_subject,
            lambda p: titles[p.canonical],
        ):
            found = next((p for p in fitting if test(p)), None)
            if found is not None:
                return found.canonical
        return None

    def _named_in(self, start: int, end: int) -> dict[str, set[str]]:
        """The places and peoples (parties) named in ``[start, end)``, by label."""
        found: dict[str, set[str]] = {}
        for e in self.entities:
            if start <= e.start and e.end <= end and e.label in ("GPE", "NORP"):
                found.setdefault(e.label, set()).add(e.canonical)
        return found

    def _modifies_a_noun(self, entity: EntityMention) -> bool:
        span = self.doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ in ("compound", "amod", "nmod") and root.head.tag_ in ("NN", "NNS")

    def _titled(self, start: int, end: int) -> str | None:
        """``South Korea's top trade negotiator`` after ``South Korean Trade Minister Kim``:
        the one person named earlier whose title shares the role's country and office."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        determiners = [c for c in head.children if c.dep_ in ("det", "poss") and c.i < head.i]
        definite = any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in determiners)
        if not definite or head.tag_ in ("NNS", "NNPS"):
            # "a trade ministry official" brings in someone new; "the party leaders" are many.
            return None
        nation, office = self._office(span)
        found = {
            # The title must be written before the role, not be the role itself.
            person.canonical for person, title_end, (their_nation, their_office) in self.titles
            if title_end <= start
            and (nation is None or _same_nation(nation, their_nation))
            # Without a country, the office itself must be the title's: "the vice president".
            and (nation is not None or head.lower_ in their_office)
            and len(office & their_office) >= (1 if nation is not None else 2)
        }
        return found.pop() if len(found) == 1 else None

    def _title(self, person: EntityMention) -> Span | None:
        """A person's title as written around the name: ``Trade Minister Kim``, ``Kim, the
        trade minister,`` or ``Ana Ruiz of Chile``, without clauses."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        left = min([span.start] + [
            c.left_edge.i for c in root.lefts if c.dep_ in TITLE_DEPS and c.i < span.start
        ])
        right = span.end
        for child in root.rights:
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of"):
                # Up to the clause or comma that ends the apposition.
                stop = next(
                    (t.i for t in child.subtree
                     if t.i > child.i and (t.dep_ in CLAUSES or t.text == ",")),
                    child.right_edge.i + 1,
                )
                right = max(right, stop)
        return self.doc[left:right]

    def _office(self, span: Span) -> tuple[str | None, frozenset[str]]:
        """The country (from its place or people entity) and the office words of a span."""
        start, end = span.start_char, span.end_char
        places = [
            e for e in self.entities
            if start <= e.start and e.end <= end and e.label in ("GPE", "NORP")
        ]
        # Names are not offices: the country is kept apart, the person left out.
        named = places + [p for p in self.people if start <= p.start and p.end <= end]
        office = frozenset(
            t.lower_ for t in span
            if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in ROLE_FILLER
            and not any(e.start <= t.idx < e.end for e in named)
        )
        return (places[0].canonical if places else None), office

    def _pronoun(self, head: Token, gender: str) -> Speaker:
        """The most recent compatible person, preferring one who was a subject or a speaker.

        A subject pronoun usually continues the previous sentence's subject or speaker
        (centering), not a person merely named in passing (``Trump's push``).
        """
        # `Monsod said Ongpin was looking … "…," she said`: a person the source before named
        # goes on speaking, ahead of anyone its sentence merely mentions (centering).
        last, previous = self.last, self.previous
        if (
            previous is not None and last.name is not None and last.confidence == 1.0
            and last.name in self.people_names and self._compatible(last.name, gender)
            and _next_sentence(previous, head)
        ):
            return Speaker(last.name, 0.8, None)
        index = bisect.bisect_right(self.people_starts, head.idx) - 1
        nearest: EntityMention | None = None
        for k in range(index, max(-1, index - 40), -1):
            person = self.people[k]
            if person.end > head.idx or not self._compatible(person.canonical, gender):
                continue
            if _quoted_before(self.text, person.end, head.idx):
                continue  # `"Secretary Monsod and I get along," he said`: not who speaks
            if nearest is None:
                nearest = person
            if person.canonical in self.spoke or self._is_subject(person):
                same = person.canonical == nearest.canonical
                return Speaker(person.canonical, 0.8 if same else 0.6, None)
        if nearest is not None:
            return Speaker(nearest.canonical, 0.5, None)
        return Speaker(None, None, None)

    def _it(self, head: Token) -> Speaker:
        """``It said``: the organisation named before, unless ``it`` is something else that
        acted last (the report that spoke, a country, a committee the story did not name)."""
        nobody = Speaker(None, None, None)
        if is_dummy(head) or continues_a_document(self.previous, self.lexicon):
            return nobody
        subject = preceding_subject(head)
        if subject is None:
            return self._organisation(head, None)
        entity = self._entity_at(subject.idx)
        if entity is not None and entity.label == "ORG":
            # "The SEC stressed …. But it said": the organisation that acted last.
            return Speaker(entity.canonical, 0.8, None)
        if entity is not None and entity.label == "PERSON":
            return self._organisation(head, None)  # a person cannot be "it"
        if entity is not None or subject.tag_ == "NNP":
            # A name the entities stage missed or took for a place or people ("Ivaco earlier
            # reported …"): only the organisation it begins; a country is none.
            return self._named_by_first_word(subject)
        noun = organisation_noun(subject, self.lexicon)
        if noun is not None:
            # "The company now has 9 mln shares. It said …": as "the company" would.
            return self._organisation(head, noun)
        lexicon = self.lexicon
        if subject.lower_ in (
            lexicon.document_nouns | lexicon.organisation_nouns.keys() | lexicon.public_body_words
        ):
            return nobody
        return self._organisation(head, None)

    def _they(self, head: Token) -> Speaker:
        """``they said``: the group that spoke last (``ICO delegates``, ``analysts``) if it
        spoke at most two sentences before, with its speaker and role; else no one.

        A coordination (``Smith and Jones said``) is several speakers, none of them alone.
        """
        previous, last = self.previous, self.last
        if previous is None or not a_group(previous) or not within_sentences(previous, head, 2):
            return Speaker(None, None, None)
        confidence = last.confidence
        if last.name is None or confidence is None:
            return Speaker(None, None, last.role)
        return Speaker(last.name, round(THEY_CONFIDENCE * confidence, 2), last.role)

    def _organisation(self, head: Token, noun: str | None) -> Speaker:
        """``It said``, ``the company said``: the organisation named before, as for pronouns.

        The nearest one that fits the noun, preferring one that spoke, then one that was a
        subject: "Harlan Motor Co said its credit unit will redeem …. It said" is the parent's.
        """
        index = bisect.bisect_right(self.organisation_starts, head.idx) - 1
        fitting = [
            organisation
            for organisation in (
                self.organisations[k] for k in range(index, max(-1, index - 40), -1)
            )
            if organisation.end <= head.idx
            and organisation.canonical[:1].isupper()  # "cts" read as a name
            and fits(organisation.canonical, noun, self.lexicon)
        ]
        if not fitting:
            return Speaker(None, None, None)
        nearest = fitting[0]
        for chosen in (
            next((o for o in fitting if o.canonical in self.spoke), None),
            next((o for o in fitting if self._is_subject(o)), None),
        ):
            if chosen is not None:
                same = chosen.canonical == nearest.canonical
                return Speaker(chosen.canonical, 0.8 if same else 0.6, None)
        return Speaker(nearest.canonical, 0.5, None)

    def _named_by_first_word(self, subject: Token) -> Speaker:
        """``Anchor also said …. It said``: the organisation the untagged name begins."""
        found = sorted({
            o.canonical for o in self.organisations
            if o.end <= subject.idx and o.canonical.split()[0] == subject.text
        })
        return Speaker(found[0], 0.8, None) if len(found) == 1 else Speaker(None, None, None)

    def _compatible(self, canonical: str, gender: str) -> bool:
        known = self.gender.get(canonical)
        return gender not in ("male", "female") or known is None or known == gender

    def _is_subject(self, person: EntityMention) -> bool:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in SUBJECT_DEPS


def _next_sentence(earlier: Token, later: Token) -> bool:
    """Whether two tokens share a sentence or stand in sentences next to each other (blank
    lines the parser made sentences of aside)."""
    between = earlier.doc[earlier.sent.end : later.sent.start]
    return earlier.i < later.i and not any(
        t.is_sent_start and not t.is_space for t in between
    )


def _quoted_before(text: str, end: int, pronoun: int) -> bool:
    """Whether a name ending at ``end`` sits inside a quote that closes before the pronoun
    (an odd number of quotation marks between them)."""
    # (Reuters writes `OPEC"s` for an apostrophe: a mark between letters is none.)
    marks = re.findall(r'(?<![A-Za-z])["“”]|["“”](?![A-Za-z])', text[end:pronoun])
    return len(marks) % 2 == 1


def _same_nation(one: str, other: str | None) -> bool:
    """``South Korea`` and ``South Korean``, ``Chile`` and ``Chilean``: one country's names."""
    if other is None:
        return False
    a, b = one.lower().replace(" ", ""), other.lower().replace(" ", "")
    if min(len(a), len(b)) < 4:
        return a == b
    return a.startswith(b[:-1]) or b.startswith(a[:-1])


# "a source close to the Kadoorie family", "people familiar with IBM's plans": the name is whom
# the unnamed source is near, not who speaks.
NEAR_TO = re.compile(
    r"\b(?:close|closer|near|familiar|acquainted|linked|related)\s+(?:to|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


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
