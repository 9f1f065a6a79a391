"""The attribution stage's word lists, read once from ``models/attribution_cues.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
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
    )


def read_lexicon(models_dir: Path) -> CueLexicon:
    """Read the cue table from a models directory."""
    return parse_lexicon(json.loads((models_dir / CUES_FILE).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The project's cue table, read once per process."""
    return read_lexicon(MODELS_DIR)
