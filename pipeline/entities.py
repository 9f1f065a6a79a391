"""Entities stage: spaCy's names plus the project's patterns, each with one canonical name."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline import spans
from pipeline.assets import MODELS_DIR
from pipeline.contract import EntityMention
from pipeline.names import (
    CORPORATE_SUFFIXES,
    POSSESSIVES,
    organisation_resolver,
    person_resolver,
)
from pipeline.people import (
    TITLES,
    Candidate,
    not_people,
    roles_as_people,
    surnames_as_people,
    unglued,
)

STAGE_KEY = "claims_entities"
PATTERNS_FILE = "entity_patterns.jsonl"
ALIASES_FILE = "aliases.json"

# Wire copy marks a company without a ticker as ``<Milex Corp>``: the marks are not the name.
MARKS = ("<", ">")
# Only names: numbers, dates and money belong to the quantities and dates stages.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "LAW", "EVENT", "PRODUCT"}
)

@dataclass(frozen=True, slots=True)
class PatternEntry:
    """One pattern from ``models/entity_patterns.jsonl``."""

    label: str
    pattern: str
    canonical: str | None = None
    attr: str = "ORTH"
    generic: bool = False  # "the FTA": resolves to the article's specific agreement


@dataclass(frozen=True, slots=True)
class EntityPatterns:
    """Pattern entries with their phrase matchers, compiled once per pipeline."""

    entries: tuple[PatternEntry, ...]
    orth: PhraseMatcher
    lower: PhraseMatcher


def read_pattern_entries(path: Path) -> tuple[PatternEntry, ...]:
    """Read the JSONL pattern table (one ``{"label", "pattern", ...}`` object a line)."""
    entries: list[PatternEntry] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data: dict[str, Any] = json.loads(line)
        entries.append(
            PatternEntry(
                label=str(data["label"]),
                pattern=str(data["pattern"]),
                canonical=data.get("canonical"),
                attr=str(data.get("attr", "ORTH")),
                generic=bool(data.get("generic", False)),
            )
        )
    return tuple(entries)


def compile_patterns(nlp: Language, entries: Sequence[PatternEntry]) -> EntityPatterns:
    """Build the case-sensitive and lower-case phrase matchers for the entries."""
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    for index, entry in enumerate(entries):
        matcher = lower if entry.attr == "LOWER" else orth
        matcher.add(_match_key(index), [nlp.make_doc(entry.pattern)])
    return EntityPatterns(tuple(entries), orth, lower)


def read_aliases(path: Path) -> dict[str, str]:
    """Alias table ``{canonical: [alias, ...]}`` as a lookup from normalized alias to canonical."""
    table: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    lookup: dict[str, str] = {}
    for canonical in sorted(table):
        for alias in [canonical, *table[canonical]]:
            lookup.setdefault(_alias_key(alias), canonical)
    return lookup


def _match_key(index: int) -> str:
    return f"claims_entity_pattern_{index}"


def _alias_key(text: str) -> str:
    return " ".join(_strip_name(text).split()).lower()


def _strip_name(text: str) -> str:
    """Drop a leading article and a trailing possessive: ``the FTA's`` -> ``FTA``."""
    name = text.strip()
    for suffix in POSSESSIVES[:2]:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name[:4].lower() == "the " and len(name) > 4:
        name = name[4:]
    if name.count("(") != name.count(")") or name.startswith("("):
        # "(International Monetary) Fund": brackets an editor put inside a quoted name.
        name = name.replace("(", " ").replace(")", " ")
    # A name broken by a line end is the same name: "Ford Motor\nCredit Co".
    return " ".join(name.split())


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in TITLES:
        words = words[1:]
    return " ".join(words)


def _trim(span: Span) -> Span | None:
    """Trim a trailing possessive and surrounding blanks from a span (None if nothing is left)."""
    start, end = span.start, span.end
    doc = span.doc
    # "Coffee Organization (ICO": the tagger took in half a bracket; the name ends before it.
    opened = [i for i in range(start, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]
    while end > start and (
        doc[end - 1].text in POSSESSIVES or doc[end - 1].text in MARKS or doc[end - 1].is_space
    ):
        end -= 1
    while start < end and (doc[start].is_space or doc[start].text in MARKS):
        start += 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label)


def _pattern_candidates(doc: Doc, patterns: EntityPatterns) -> list[Candidate]:
    strings = doc.vocab.strings
    index_of = {strings[_match_key(i)]: i for i in range(len(patterns.entries))}
    found: list[tuple[int, int, int]] = []
    for matcher in (patterns.orth, patterns.lower):
        for match_id, start, end in matcher(doc):
            found.append((start, end, index_of[match_id]))
    # Longest first, then earliest, then table order: one winner per token.
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0], m[2]))
    taken: set[int] = set()
    chosen: list[Candidate] = []
    for start, end, index in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        entry = patterns.entries[index]
        chosen.append(Candidate(Span(doc, start, end, label=entry.label), entry.label, entry))
    return chosen


def _merged_candidates(doc: Doc, patterns: EntityPatterns) -> list[Candidate]:
    """spaCy's name entities and pattern matches; a pattern wins where they overlap."""
    merged = _pattern_candidates(doc, patterns)
    taken = {i for c in merged for i in range(c.span.start, c.span.end)}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        trimmed = _trim(ent)
        if trimmed is not None and trimmed.text.strip():
            merged.append(Candidate(trimmed, _corrected_label(trimmed, ent.label_), None))
    merged.sort(key=lambda c: (c.span.start_char, c.span.end_char))
    text = spans.text_of(doc)  # doc.text makes a Token object per token on every read
    return [c for c in merged if c.entry is not None or not _not_a_name(c, text)]
# A row of an earnings table holds figures and abbreviations only: "Avg shrs 51.7 mln vs 43.4",
# or figures and lower-case words set against each other ("Avg shrs diluted 24.5 mln vs 10.2").
_TABLE_ROW_RE = re.compile(r"(?=[^\n]*\d)(?:[ \t]+(?:[\d.,/()-]+|[A-Za-z]{1,4}\.?))*[ \t]*$")
_VS_ROW_RE = re.compile(r"(?=[^\n]*\d)(?=[^\n]* vs )(?:[ \t]+(?:[\d.,/()-]+|[a-z]+\.?))*[ \t]*$")


def _not_a_name(cand: Candidate, text: str) -> bool:
    """A tagger's name that is none: a lone lower-case word (``cts``, ``dlrs``) the article
    never capitalises, or the label of a table row (``Avg`` of ``Avg shrs 51.7 mln``)."""
    span = cand.span
    words = _strip_name(span.text).split()
    if len(words) == 1 and words[0].islower():
        # A story typed in lower case still capitalises its names somewhere ("Azpurua said");
        # a word that opens with a figure ("700p", "757s") has no capital to show.
        capital = words[0][:1].upper() + words[0][1:]
        return capital == words[0] or not re.search(
            rf"(?<!\w){re.escape(capital)}(?!\w)", text)
    if cand.label in ("GPE", "LOC"):
        return False  # a price table's rows are places: "Denver 1.23 1.25"
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[span.end_char : line_end]
    return not text[line_start : span.start_char].strip() and (
        _TABLE_ROW_RE.match(rest) is not None or _VS_ROW_RE.match(rest) is not None)


def _corrected_label(span: Span, label: str) -> str:
    """``Janney Montgomery Scott Inc`` tagged PERSON is a company: its legal form says so."""
    if label != "PERSON":
        return label
    if len(span) > 1 and span[-1].lower_ in CORPORATE_SUFFIXES:
        return "ORG"
    # "Miller Tabak Hirsch and Co": the tagger stopped before the legal form.
    after = [t.lower_ for t in span.doc[span.end : span.end + 2]]
    if after[:1] and after[0] in CORPORATE_SUFFIXES:
        return "ORG"
    if len(after) == 2 and after[0] in ("and", "&") and after[1] in CORPORATE_SUFFIXES:
        return "ORG"
    return label


def find_entities(
    doc: Doc, patterns: EntityPatterns, aliases: Mapping[str, str]
) -> tuple[EntityMention, ...]:
    """Named entities of the article with canonical names, sorted by (start, end)."""
    candidates = unglued(_merged_candidates(doc, patterns))
    base: list[str] = []
    for cand in candidates:
        text = cand.span.text
        canonical = aliases.get(_alias_key(text))
        if canonical is None and cand.entry is not None and cand.entry.canonical:
            canonical = cand.entry.canonical
        if canonical is None:
            canonical = _strip_name(text)
            if cand.label == "PERSON":
                canonical = _strip_titles(canonical)
                canonical = aliases.get(_alias_key(canonical), canonical)
        base.append(canonical)
    candidates = surnames_as_people(roles_as_people(candidates), base)
    people = [(c.span.start_char, base[i]) for i, c in enumerate(candidates) if c.label == "PERSON"]
    full_names = person_resolver(people)
    specific = Counter(
        base[i]
        for i, c in enumerate(candidates)
        if c.entry is not None and not c.entry.generic and c.label == "AGREEMENT"
    )
    # The article's main agreement: most mentioned, ties broken by name for determinism.
    main_agreement = min(specific, key=lambda k: (-specific[k], k)) if specific else None
    organisations = [
        (c.span.start_char, base[i]) for i, c in enumerate(candidates) if c.label == "ORG"
    ]
    full_names.update(organisation_resolver(organisations))
    names = [
        full_names.get(c.span.start_char, base[i]) if c.label in ("PERSON", "ORG") else base[i]
        for i, c in enumerate(candidates)
    ]
    relabelled = not_people(candidates, names)
    mentions: list[EntityMention] = []
    for i, cand in enumerate(candidates):
        canonical, label = names[i], cand.label
        if label == "PERSON" and canonical in relabelled:
            new_label = relabelled[canonical]
            if new_label is None:
                continue
            label = new_label
        elif cand.entry is not None and cand.entry.generic and main_agreement is not None:
            canonical = main_agreement
        span = cand.span
        mentions.append(EntityMention(span.start_char, span.end_char, span.text, label, canonical))
    return spans.sorted_records(mentions, key=lambda m: (m.start, m.end))


class EntitiesComponent:
    """spaCy component: runs :func:`find_entities` and stores the mentions."""

    def __init__(self, nlp: Language, models_dir: str) -> None:
        root = Path(models_dir)
        self.patterns = compile_patterns(nlp, read_pattern_entries(root / PATTERNS_FILE))
        self.aliases = read_aliases(root / ALIASES_FILE)

    def __call__(self, doc: Doc) -> Doc:
        records = find_entities(doc, self.patterns, self.aliases)
        spans.store(doc, STAGE_KEY, records, label_of=lambda r: r.label)
        return doc


@Language.factory(STAGE_KEY, default_config={"models_dir": str(MODELS_DIR)})
def claims_entities(nlp: Language, name: str, models_dir: str) -> EntitiesComponent:
    """Factory of the entities stage."""
    return EntitiesComponent(nlp, models_dir)
__all__ = [
    "EntitiesComponent",
    "EntityPatterns",
    "PatternEntry",
    "claims_entities",
    "compile_patterns",
    "find_entities",
    "read_aliases",
    "read_pattern_entries",
]
