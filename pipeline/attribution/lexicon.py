"""The attribution stage's word lists, read once from ``models/attribution_cues.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from pipeline.assets import MODELS_DIR

CUES_FILE = "attribution_cues.json"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue verbs by the kind of content they take, plus source and evidence words."""

    clausal: frozenset[str]
    xcomp: frozenset[str]
    nominal: frozenset[str]
    nominal_preps: dict[str, frozenset[str]]
    according: tuple[tuple[str, ...], ...]
    evidence: tuple[tuple[str, ...], ...]
    pronouns: dict[str, str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    min_quote_words: int = 8
    short_quote_words: int = 3
    # Verb + particle that report speech only together: ``shot back``, ``cut in``, ``went on``.
    phrasal: dict[str, frozenset[str]] = field(default_factory=dict)
    # Source words that also make rates: ``per the report`` cites, ``dlrs per tonne`` divides.
    rate_words: frozenset[str] = frozenset()
    # "the company", "the bank": a kind of organisation, with words its name must hold (none:
    # any organisation but a public body, whose name holds one of ``public_body_words``).
    organisation_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    public_body_words: frozenset[str] = frozenset()
    # A source that ``it`` may continue rather than an organisation: "the report", "a statement".
    document_nouns: frozenset[str] = frozenset()
    # Offices a story calls a person it named by: "the Kansas senator", "the lawmaker".
    person_roles: frozenset[str] = frozenset()
    # Titles before a politician's name: "Rep. Cardiss Collins" is "the Illinois Democrat".
    politician_titles: frozenset[str] = frozenset()
    # What a quoted title names: "the program "Meet the Press"" is no quotation.
    title_nouns: frozenset[str] = frozenset()

    def is_cue(self, lemma: str) -> bool:
        return (
            lemma in self.clausal
            or lemma in self.xcomp
            or lemma in self.nominal
            or lemma in self.nominal_preps
        )


def parse_lexicon(data: dict[str, Any]) -> CueLexicon:
    """Build a lexicon from the JSON table."""
    return CueLexicon(
        clausal=frozenset(data["clausal_verbs"]),
        xcomp=frozenset(data["xcomp_verbs"]),
        nominal=frozenset(data["nominal_verbs"]),
        nominal_preps={k: frozenset(v) for k, v in sorted(data["nominal_preps"].items())},
        according=tuple(tuple(p.split()) for p in data["according_phrases"]),
        evidence=tuple(tuple(p.split()) for p in data["evidence_cues"]),
        pronouns={k: str(v) for k, v in sorted(data["source_pronouns"].items())},
        male_titles=frozenset(data["male_titles"]),
        female_titles=frozenset(data["female_titles"]),
        min_quote_words=int(data.get("min_quote_words", 8)),
        short_quote_words=int(data.get("short_quote_words", 3)),
        phrasal={k: frozenset(v) for k, v in sorted(data.get("phrasal_verbs", {}).items())},
        rate_words=frozenset(data.get("rate_words", ())),
        organisation_nouns={
            k: frozenset(v) for k, v in sorted(data.get("organisation_nouns", {}).items())
        },
        public_body_words=frozenset(data.get("public_body_words", ())),
        document_nouns=frozenset(data.get("document_nouns", ())),
        person_roles=frozenset(data.get("person_roles", ())),
        politician_titles=frozenset(data.get("politician_titles", ())),
        title_nouns=frozenset(data.get("title_nouns", ())),
    )


def particle_of(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The particle right after a phrasal cue verb (``back`` of ``shot back``), else None."""
    particles = lexicon.phrasal.get(verb.lemma_.lower())
    if not particles or verb.i + 1 >= len(verb.doc):
        return None
    after = verb.doc[verb.i + 1]
    if after.head.i == verb.i and after.dep_ in ("prt", "advmod") and after.lower_ in particles:
        return after
    return None


def is_cue_verb(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a verb token reports speech, alone (``said``) or with its particle."""
    return lexicon.is_cue(verb.lemma_.lower()) or particle_of(verb, lexicon) is not None


def cue_extent(verb: Token, lexicon: CueLexicon) -> tuple[int, int]:
    """Character span of a cue verb, with its particle when phrasal."""
    last = particle_of(verb, lexicon) or verb
    return verb.idx, last.idx + len(last.text)


def cue_before(token: Token, lexicon: CueLexicon) -> Token | None:
    """The cue verb ending at ``token``: the token itself, or the verb of a particle."""
    if token.pos_ == "VERB" and is_cue_verb(token, lexicon):
        return token
    verb = token.doc[token.i - 1] if token.i > 0 else None
    if verb is not None and verb.pos_ == "VERB" and particle_of(verb, lexicon) is token:
        return verb
    return None


def read_lexicon(models_dir: Path) -> CueLexicon:
    """Read the cue table from a models directory."""
    return parse_lexicon(json.loads((models_dir / CUES_FILE).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The project's cue table, read once per process."""
    return read_lexicon(MODELS_DIR)
