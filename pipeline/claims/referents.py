"""Who a pronoun, a role or ``the company`` in a claim refers to, from the article's annotations.

Computed from the entities, sentences and attributions the earlier stages found (no second
parse), and, where given, where the parse put subjects and objects (``subjects``): where the
reading without it is unsure of a person, a name in a by-phrase, a possessive or an apposition
is then no rival of the subject a pronoun continues.
Each answer carries a confidence the standalone rewriter compares with its threshold:

* one compatible candidate in the last few sentences: 0.9 for a person, 0.8 otherwise;
* several, and the nearest is also the latest subject or speaker among them: 0.7;
* several, the nearest subject or speaker is not the nearest mention: 0.5 (below threshold);
* ``It said`` (``It`` before a verb of saying): the organisation that spoke last, followed
  back through ``the company said`` and ``it said`` (``chains``): 0.7.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from pipeline.assets import MODELS_DIR
from pipeline.attribution.lexicon import default_lexicon
from pipeline.attribution.organisations import fits
from pipeline.claims.chains import SPOKE_LAST, spoke_last
from pipeline.claims.mentions import (
    BACK_TO_GROUP,
    PLURAL_SOURCE,
    UNNAMED_GENDER,
    UNNAMED_SOURCE,
    company_mentions,
    group_source,
    people_joined,
)
from pipeline.claims.subjects import Subjects
from pipeline.contract import Annotations, EntityMention
from pipeline.names import LEADING, alias_mentions

NAMES_FILE = MODELS_DIR / "standalone_names.json"

# Sentences before the claim's own that a pronoun may reach back to.
WINDOW = 3
ONLY_PERSON, ONLY_OTHER, NEAREST_PROMINENT, FARTHER_PROMINENT = 0.9, 0.8, 0.7, 0.5
# A subject pronoun continues the last subject or speaker (centering) more surely than a
# possessive or an object does; so does `It said` the organisation an article is about.
SUBJECT_CONTINUES, TOPIC = 0.6, 0.6
# The one compatible person of the article, named before the last few sentences.
ONLY_EARLIER = 0.7
# A speaker found by attribution with this confidence or more tells the gender of `he`/`she`.
SURE_SPEAKER = 0.8
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "queen", "princess"})
GENDERED = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
# A group that spoke this close before `They said` is who they are.
GROUP_CONFIDENCE = 0.7
SUFFIXES = frozenset({"Co", "Co.", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "PLC", "Plc"})
# Where a pronoun's clause ends, for the names it cannot be (a relative clause may name it).
CLAUSE_END = re.compile(r"[,;:(]|\b(?:who|which|that|because|after|before|when|while|and|but)\b")
TITLE_WORD = re.compile(r"[A-Z][\w.&'’-]*$")
APPOSITION = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?((?:[\w.&'’-]+\s+){0,5}?[\w.&'’-]+)\s*[,.;]")
WORD = re.compile(r"[a-z0-9.&'’-]+")
# `He said`, `he told`: a pronoun that speaks continues the speaker before it most surely.
SPEAKS = re.compile(
    r"\s+(?:also\s+|then\s+|later\s+)?(?:said|says|told|tells|added|adds|noted|notes|wrote|"
    r"writes|explained|explains|insisted|insists|argued|argues|stressed|stresses|denied|denies|"
    r"asked|asks|replied|replies|declared|declares|announced|announces|warned|warns)\b"
)
# `The official said`: a source that is the unnamed one named before, again.
SAME = re.compile(r"the\s+[a-z]+")


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Stretches between paired quotation marks; a paragraph break (a blank line, or wire
    copy's indented line) closes an open quote."""
    spans, opened = [], -1
    for m in re.finditer(r"[\"“”]|\n\s*\n|\n[ \t]{2,}", text):
        if m.group(0) not in "\"“”":
            if opened >= 0:
                spans.append((opened, m.start()))
            opened = -1
        elif opened < 0 and m.group(0) != "”":
            opened = m.start()
        elif opened >= 0 and m.group(0) != "“":
            spans.append((opened, m.end()))
            opened = -1
    if opened >= 0:
        spans.append((opened, len(text)))
    return spans


@cache
def given_names() -> dict[str, str]:
    """Common first names and the gender they usually tell (models/standalone_names.json)."""
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    names = {name: "male" for name in data["male_names"]}
    names.update({name: "female" for name in data["female_names"]})
    return names


@dataclass(frozen=True, slots=True)
class Referent:
    """A resolved entity: its canonical name, label, and how sure the resolution is."""

    name: str
    label: str
    confidence: float
    determiner: str = ""  # "the " where the article writes the name with one (the United States)
    local: bool = False  # found in the pronoun's own sentence, the surest antecedent


class Referents:
    """The candidates of one article, indexed once for every claim of it."""

    def __init__(
        self, annotations: Annotations, subjects: Subjects | None = None
    ) -> None:
        self.text = annotations.article.text
        # Where the parse (if given) has subjects: only a person there rivals the subject.
        self.subjects = subjects
        self.entities = sorted(
            # `a blue Marilyn` taken for a person: a person's name never opens with `The`.
            (e for e in annotations.entities if e.label in ("PERSON", "ORG", "GPE")
             and not (e.label == "PERSON" and e.canonical.lower().startswith("the "))
             # `70 cts` taken for a company, `Co Ltd` cut from one: not names to write in.
             and e.text != e.text.lower() and (e.canonical.split() or [""])[0] not in SUFFIXES),
            key=lambda e: (e.start, e.end),
        )
        self.sentences = sorted(s.start for s in annotations.sentences)
        companies = company_mentions(self.text, self.sentences, annotations)
        aliases = alias_mentions(self.text, self.entities, annotations.entities)
        self.entities = sorted(
            [*self.entities, *companies, *aliases], key=lambda e: (e.start, e.end)
        )
        # `the death of their child, Gloria.` read as a place: a given name, a possible rival.
        self.maybe_people = sorted(
            (e.start, given_names().get(e.text.lower()))
            for e in annotations.entities
            if e.label != "PERSON" and e.text.lower() in given_names()
        )
        sure = [
            a for a in annotations.attributions
            if a.speaker and (a.speaker_confidence or 0.0) >= SURE_SPEAKER
        ]
        self.speakers = frozenset(a.speaker for a in sure if a.speaker)
        # Where sure speakers are named: a speaker there is as prominent as a subject.
        self.sources = sorted(
            [(a.source.start, a.source.end) for a in sure if a.source]
            + [(c.start, c.end) for c in companies]
        )
        # Every source as written, for `They said` after `bankers said`.
        self.plural_sources = sorted(
            (a.source.start, group_source(a.source.text))
            for a in annotations.attributions
            if a.source is not None
            and PLURAL_SOURCE.fullmatch(group_source(a.source.text).split(",")[0])
        )
        people = {e.canonical for e in self.entities if e.label == "PERSON"}
        # Sources without a name: `a company spokesman` (with the gender its noun tells), `They`.
        self.unnamed = sorted(
            (a.source.start, written, UNNAMED_GENDER.get(found.group(1)), found.group(1))
            for a in annotations.attributions
            # `A Federal Reserve spokesman` resolved to the Federal Reserve: a person unnamed
            if a.source is not None and a.speaker not in people
            and (found := UNNAMED_SOURCE.fullmatch(written := " ".join(a.source.text.split())))
        )
        self.all_sources = sorted(
            (a.source.start, a.source.text.lower()) for a in annotations.attributions if a.source
        )
        self.spoke = sorted((a.source.start, a.speaker) for a in sure if a.source and a.speaker)
        # The speakers' own words, which a rewrite must leave as they were said.
        self.quotes = sorted(
            [(a.content.start, a.content.end) for a in annotations.attributions if a.direct]
            + quoted_stretches(self.text)
        )
        self.gender: dict[str, str] = {}
        for person in self.entities:
            if person.label == "PERSON":
                before = self.text[max(0, person.start - 6) : person.start].split()
                word = before[-1].lower() if before else ""
                if word in MALE_TITLES | FEMALE_TITLES:
                    gender = "male" if word in MALE_TITLES else "female"
                    self.gender.setdefault(person.canonical, gender)
        names = given_names()
        for person in self.entities:
            first = person.canonical.split()[0].lower() if person.label == "PERSON" else ""
            if len(person.canonical.split()) > 1 and first in names:
                self.gender.setdefault(person.canonical, names[first])
        for a in sure:
            pronoun = a.source.text.lower() if a.source else ""
            if a.speaker and pronoun in ("he", "she"):
                self.gender.setdefault(a.speaker, GENDERED[pronoun])
        # Each person's title words, where they were written: a role looks back, not ahead.
        self.titles = [
            (person.end, person.canonical, frozenset(self._title(person)))
            for person in self.entities
            if person.label == "PERSON"
        ]

    def _title(self, person: EntityMention) -> set[str]:
        """Words of the title written around a name: ``Trade Minister Kim``, ``Kim, the
        trade minister,``."""
        words: list[str] = []
        before = self.text[max(0, person.start - 80) : person.start]
        for word in reversed(before.split() if before[-1:].isspace() else []):
            if not TITLE_WORD.match(word) or len(words) >= 5:
                break
            words.append(word.lower())
        after = APPOSITION.match(self.text[person.end : person.end + 80])
        if after:
            words += WORD.findall(after.group(1).lower())
        return set(words)

    def _window(self, pos: int) -> int:
        """Where the sentences a pronoun at ``pos`` may reach back to begin."""
        index = bisect.bisect_right(self.sentences, pos) - 1
        return self.sentences[max(0, index - WINDOW)] if self.sentences else 0

    def _sentence_end(self, pos: int) -> int:
        index = bisect.bisect_right(self.sentences, pos)
        return self.sentences[index] if index < len(self.sentences) else len(self.text)

    def _sentence_start(self, pos: int) -> int:
        index = bisect.bisect_right(self.sentences, pos) - 1
        return self.sentences[index] if index >= 0 else 0

    def prominent(self, entity: EntityMention) -> bool:
        """A speaker, or a mention that opens its sentence (a subject, as centering prefers)."""
        inside = any(s <= entity.start and entity.end <= e for s, e in self.sources)
        return inside or self.opens_sentence(entity)

    def opens_sentence(self, entity: EntityMention) -> bool:
        """Whether the mention is the first words of its sentence."""
        start = self._sentence_start(entity.start)
        lead = LEADING.match(self.text[start : entity.start])
        return lead is not None and start + lead.end() == entity.start

    def determiner(self, name: str) -> str:
        """``the `` where the article writes the canonical name after ``the``."""
        for entity in self.entities:
            before = self.text[max(0, entity.start - 4) : entity.start]
            if entity.canonical == name and entity.text == name and before.lower() == "the ":
                return "the "
        return "the " if name.startswith("United ") else ""

    def _pick(
        self, candidates: Sequence[EntityMention], only: float, subject: bool = False,
        speaks: bool = False, parsed: bool = True,
    ) -> Referent | None:
        """The best of the candidates (in text order) with the confidence the module states."""
        if not candidates:
            return None
        nearest = candidates[-1]
        names = {c.canonical for c in candidates}
        if len(names) == 1:
            confidence = only
        else:
            # A person's parse only adds where the reading without it is unsure.
            parsed = parsed and self.subjects is not None and only == ONLY_PERSON
            plain = self._pick(candidates, only, subject, speaks, False) if parsed else None
            if plain is not None and plain.confidence >= SUBJECT_CONTINUES:
                return plain
            prominent = [c for c in candidates if self.prominent(c)
                         or (parsed and self.parsed_subject(c))]
            if not prominent:
                return None
            chosen = prominent[-1]
            same = chosen.canonical == nearest.canonical
            # The subject continues unless its own sentence named a rival (`Ellis and Grant`).
            home = self._sentence_start(chosen.start)
            rivals = {
                c.canonical for c in candidates
                if self._sentence_start(c.start) == home and c.canonical != chosen.canonical
                and (not parsed or self.rival(c, chosen, speaks))
            } | (self._named_since(candidates, chosen, speaks) if parsed else set())
            # (An organisation's lead names others it deals with, not rivals for `It said`.)
            rivals = rivals if only == ONLY_PERSON else set()
            farther = SUBJECT_CONTINUES if subject and not rivals else FARTHER_PROMINENT
            # (With a parse, `Ellis and Grant` makes Grant prominent too: neither is sure.)
            same = same and not (rivals and parsed)
            confidence = NEAREST_PROMINENT if same else farther
            nearest = chosen
        # `the Andy Warhol Museum` gives a museum its `the`, never the man.
        article = self.determiner(nearest.canonical) if nearest.label != "PERSON" else ""
        return Referent(nearest.canonical, nearest.label, confidence, article)

    def spoke_before(self, name: str, pos: int) -> bool:
        """Whether the article quoted this speaker, surely resolved, before ``pos``."""
        return any(start < pos and speaker == name for start, speaker in self.spoke)

    def group(self, pos: int, back: int = 2) -> Referent | None:
        """``They said`` right after ``bankers said``: the group that spoke in the sentence
        before (or earlier in this one), or that a ``They said`` just before stood for."""
        index = bisect.bisect_right(self.sentences, pos) - 1
        since = self.sentences[max(0, index - 1)] if self.sentences else 0
        found = [(start, text) for start, text in self.plural_sources if since <= start < pos]
        # `Kenneth Thomas, an analyst, and his father, C.A. Thomas, said`: the people named.
        found += [(start, names) for start, text in self.all_sources if since <= start < pos
                  and (names := people_joined(self.text, self.entities, start, len(text)))]
        if found:
            return Referent(max(found)[1], "GROUP", GROUP_CONFIDENCE)
        back_to = [start for start, text in self.all_sources if since <= start < pos
                   and BACK_TO_GROUP.fullmatch(" ".join(text.split()))]
        return self.group(back_to[-1], back - 1) if back_to and back > 0 else None

    def unnamed_source(self, pos: int, pronoun: str) -> Referent | None:
        """``He said`` after ``a company spokesman said``: the unnamed source that spoke last
        in the last few sentences, when no one was named and nobody else spoke since (but the
        same source again, ``The spokesman said``, which carries it a few sentences on)."""
        gender = GENDERED.get(pronoun.lower())
        window = self._window(pos)
        again = [s for s, text in self.all_sources if window <= s < pos and SAME.fullmatch(text)]
        window = self._window(again[-1]) if again else window
        found = [u for u in self.unnamed if window <= u[0] < pos]
        if not found or found[-1][2] not in (None, gender):
            return None
        start, written, _, noun = found[-1]
        same = (pronoun.lower(), f"the {noun}")
        # (`Tony O'Reilly would be interested, a spokesman said`: he is who `he` may be.)
        since = self._sentence_start(start) if again else start
        named = any(e.label == "PERSON" and since <= e.start < pos for e in self.entities)
        others = any(start < s < pos and " ".join(text.split()) not in same
                     for s, text in self.all_sources)
        if named or others:
            return None
        return Referent(written, "UNNAMED", NEAREST_PROMINENT)

    def compatible(self, name: str, pronoun: str) -> bool:
        """Whether a person's known gender (if any) fits the pronoun."""
        gender = GENDERED.get(pronoun.lower())
        return gender is None or self.gender.get(name, gender) == gender

    def person(self, pos: int, pronoun: str) -> Referent | None:
        """The person ``he``/``she``/``his``/``her`` at ``pos`` refers to."""
        gender = GENDERED.get(pronoun.lower())
        if pronoun.lower() in ("he", "she") and (unnamed := self.unnamed_source(pos, pronoun)):
            return unnamed  # the speaker continues (centering), named or not
        window, sentence = self._window(pos), self._sentence_start(pos)
        # `He traveled to meet with Devocht`: a name later in the pronoun's own clause is
        # someone else (binding: a pronoun does not c-command its own antecedent's name).
        subject = pronoun.lower() in ("he", "she")
        after = CLAUSE_END.split(self.text[pos : self._sentence_end(pos)])[0] if subject else ""
        named_after = set(re.findall(r"[\w-]+", after))  # `Maxwell's`: Maxwell
        able = {
            e.canonical for e in self.entities
            if e.label == "PERSON" and e.end <= pos
            and self.gender.get(e.canonical, gender) == gender
            and e.canonical.split()[-1] not in named_after
        }
        candidates = [e for e in self.entities if e.canonical in able and window <= e.start
                      and e.end <= pos and e.label == "PERSON"]
        rival = any(
            window <= start < pos and found in (None, gender) for start, found in self.maybe_people
        )
        if not candidates:
            # Wire copy quotes one expert at length: `He said` paragraphs after the name.
            found = len(able) == 1 and not rival
            return Referent(able.pop(), "PERSON", ONLY_EARLIER) if found else None
        # One person named earlier in the pronoun's own sentence is its antecedent.
        own = {e.canonical for e in candidates if sentence <= e.start}
        if len(own) == 1:
            return Referent(own.pop(), "PERSON", ONLY_PERSON, local=True)
        if rival:
            return None
        speaks = SPEAKS.match(self.text[pos + len(pronoun) : pos + len(pronoun) + 30])
        return self._pick(candidates, ONLY_PERSON, subject=subject, speaks=speaks is not None)

    def organisation(
        self, pos: int, *, possessive: bool, speaking: bool = False
    ) -> Referent | None:
        """The organisation or country ``it`` or ``its`` at ``pos`` refers to.

        A possessive looks in its own sentence first (``United States figures indicate its
        deficit``); so does a subject whose sentence opens with a name (``Seoul maintains …
        that it would``).
        """
        labels = ("ORG", "GPE")
        sentence, window = self._sentence_start(pos), self._window(pos)
        # `Firefox, its main rival`: an apposition's possessive is not the name it follows.
        candidates = [
            e for e in self.entities
            if e.label in labels and window <= e.start and e.end <= pos
            and not re.fullmatch(r",\s*", self.text[e.end : pos])
        ]
        if not possessive:
            # `It said`: a country acts as a subject or speaker, not when named in passing.
            candidates = [e for e in candidates if e.label == "ORG" or self.prominent(e)]
        own = [e for e in candidates if sentence <= e.start]
        if possessive and own:
            found = self._pick(own, ONLY_OTHER)
            return replace(found, local=True) if found else None
        if own and self.opens_sentence(own[0]):
            first = own[0]
            return Referent(
                first.canonical, first.label, NEAREST_PROMINENT, self.determiner(first.canonical),
                local=True,
            )
        if speaking and (last := self.spoke_last(pos)) is not None:
            return last if isinstance(last, Referent) else None  # False: a document
        if not candidates and speaking:
            # Wire copy: `It said …` paragraphs after the lead named the company.
            topics = [
                e for e in self.entities if e.label == "ORG" and e.end <= pos and self.prominent(e)
            ]
            return Referent(topics[-1].canonical, "ORG", TOPIC) if topics else None
        return self._pick(candidates, ONLY_OTHER, subject=not possessive)

    def named(self, pos: int, head: str) -> Referent | None:
        """``the bank``, ``the ministry``: an organisation before ``pos`` that is one by name
        (or by the attribution stage's table of organisation nouns: ``the airline`` is any but
        a public body); ``the company`` (no head): the organisation the article is about."""
        lexicon = default_lexicon()
        having = [
            e for e in self.entities
            if e.label == "ORG" and e.end <= pos
            and (head in e.canonical.lower()
                 or (head in lexicon.organisation_nouns and fits(e.canonical, head, lexicon)))
        ]
        return self._pick(having, ONLY_OTHER) if having else None

    def role(self, pos: int, words: Sequence[str]) -> Referent | None:
        """``the trade minister``: the one person named before ``pos`` with that title."""
        wanted = set(words)
        found = {name for end, name, title in self.titles if end <= pos and wanted <= title}
        if len(found) != 1:
            return None
        name = found.pop()
        return Referent(name, "PERSON", ONLY_PERSON, "")

    def rival(self, entity: EntityMention, chosen: EntityMention, speaks: bool) -> bool:
        """Whether a person of the subject's sentence competes with it for a pronoun: with a
        parse, a main clause's subject (``Ellis and Grant``), an object (``recalled Obama
        talking``), or a clause's subject ahead of it (``Gates … would have …, Dole said``) or,
        unless the pronoun speaks as the subject did, after it (``noted that Reagan appeared``);
        never ``Reagan's`` or ``by al-Qabas``; without a parse, every person is."""
        if self.subjects is None:
            return True
        start, end = entity.start, entity.end
        later = chosen.start < start and speaks  # `He said that Warner … He said`: the speaker
        return self.subjects.main_in(start, end) or self.subjects.object_in(start, end) or (
            self.subjects.finite_in(start, end) and not later
        )

    def _named_since(
        self, candidates: Sequence[EntityMention], chosen: EntityMention, speaks: bool
    ) -> set[str]:
        """With a parse, the people named after the subject's sentence, unless the pronoun
        speaks as the subject did (``…, started by Mr. Clarke. He bought``: Clarke may be)."""
        if self.subjects is None or speaks:
            return set()
        end = self._sentence_end(chosen.start)
        return {c.canonical for c in candidates
                if c.start >= end and c.canonical != chosen.canonical}

    def parsed_subject(self, entity: EntityMention) -> bool:
        """Whether the parse, if given, has a main clause's subject inside the mention."""
        return self.subjects is not None and self.subjects.main_in(entity.start, entity.end)

    def spoke_last(self, pos: int) -> Referent | bool | None:
        """``It said``: the organisation that spoke last, through ``the company said`` and
        ``it said`` (``chains``); False where ``It`` continues a document (``the report``)."""
        found = spoke_last(self.text, self.all_sources, self.entities, pos)
        if found is None:
            return None
        start, named = found
        if named is None:
            return False
        # `The Sunday Mail branded the budget political. It said …`: a subject since is a rival.
        if any(
            e.label in ("ORG", "GPE") and start < e.start < pos and self.opens_sentence(e)
            and e.canonical != named.canonical
            for e in self.entities
        ):
            return None
        # `the New\nChina News Agency said`: the `the` the source wrote (its name spans a line).
        written = self.text[max(0, named.start - 4) : named.start].lower() == "the "
        article = "the " if written else self.determiner(named.canonical)
        return Referent(named.canonical, named.label, SPOKE_LAST, article)

