"""Names as articles shorten them: each short mention resolved to the full name it stands for."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from pipeline.contract import EntityMention
from pipeline.spans import Intervals

POSSESSIVES = ("'s", "’s", "'", "’")
# A name ending in a company's legal form is a company, whatever the tagger says.
CORPORATE_SUFFIXES = frozenset(
    {
        "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "l.p.", "lp",
        "ag", "sa", "s.a.", "nv", "n.v.", "bv", "spa", "s.p.a.", "gmbh", "bancorp", "corporation",
        "incorporated", "limited", "cos", "bhd", "pty",
    }
)

# Words that open a mention's sentence without making it any less the subject.
LEADING = re.compile(r"^[\s\"'“‘(]*(?:(?:the|a|an|but|and|meanwhile|however|also),?\s+)*", re.I)
# `Murgold Resources Inc said`: a company by the form of its name where the entity recogniser
# missed it (wire leads), taken only where it opens a sentence or is a source.
COMPANY = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){1,5}(?:Inc|Corp|Co|Ltd|Plc|PLC|LP|NV|AG|SA|SpA|GmbH|Group|Bank|"
    r"Fund|Trust|Partners|Holdings|Industries)\b\.?"
)
HEADLINE = re.compile(r"[^a-z\n]*\n")
# Words that open a sentence without opening a name (`In January Acme Corp said`).
NOT_NAMES = frozenset({
    "in", "on", "at", "for", "by", "after", "before", "since", "during", "under", "with", "from",
    "last", "this", "next", "when", "while", "as", "if", "earlier", "later", "separately",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
})
# A body inside a larger one: "Senate" is not short for "Senate Armed Services Committee".
PART_OF_BODY = frozenset({"committee", "subcommittee", "commission", "council", "board", "panel"})


def person_resolver(names: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Map each short person mention (by position) to the nearest full name it is part of."""
    # By distinct name, then by position: a long article repeats a few names many times, and
    # testing every mention against every other was quadratic in its mentions.
    full = _positions([(pos, name) for pos, name in names if len(name.split()) > 1])
    words_of = {name: set(name.split()) for name in {*full, *(name for _, name in names)}}
    containing_of: dict[str, list[str]] = {}
    resolved: dict[int, str] = {}
    for pos, name in names:
        if name not in containing_of:
            words = words_of[name]
            containing_of[name] = [n for n in full if n != name and words < words_of[n]]
        containing = containing_of[name]
        if not containing:
            continue
        before = [(at, n) for n in containing if (at := _before(full[n], pos)) is not None]
        # The nearest preceding full name, else the first one that follows.
        resolved[pos] = max(before)[1] if before else min((full[n][0], n) for n in containing)[1]
    return resolved


def _positions(names: Sequence[tuple[int, str]]) -> dict[str, list[int]]:
    """Each distinct name's positions, in ascending order."""
    found: dict[str, list[int]] = {}
    for pos, name in names:
        found.setdefault(name, []).append(pos)
    return {name: sorted(at) for name, at in found.items()}


def _before(positions: list[int], pos: int) -> int | None:
    """The nearest of a name's ascending ``positions`` before ``pos``, if any."""
    index = bisect_left(positions, pos)
    return positions[index - 1] if index else None


def name_words(name: str) -> list[str]:
    """Words of a name without possessives: ``Moody's Investors`` -> ``Moody``, ``Investors``."""
    words = []
    for word in name.split():
        for suffix in POSSESSIVES[:2]:
            if word.endswith(suffix) and len(word) > len(suffix):
                word = word[: -len(suffix)]
        words.append(word)
    return words


def core_word(name: str) -> str | None:
    """The last word of a company's name before its legal form (``B.F. Goodrich Co``)."""
    words = name_words(name)
    if not words or words[-1].lower() not in CORPORATE_SUFFIXES:
        return None
    while words and (words[-1].lower() in CORPORATE_SUFFIXES or words[-1] in ("and", "&")):
        words = words[:-1]
    core = words[-1] if len(words) > 1 else None
    return core if core is not None and core[:1].isupper() and core.isalpha() else None


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _short_form_of(short: str, full: str) -> bool:
    """``Moody's`` or ``Panhandle`` (its first words) or ``FERC`` (its initials) of a full name."""
    part, whole = name_words(short), name_words(full)
    if len(part) >= len(whole) or not part[0][:1].isupper():
        return False
    if (
        whole[: len(part)] == part
        and part[-1].lower() not in CORPORATE_SUFFIXES
        and whole[-1].lower() not in PART_OF_BODY
    ):
        return True
    if len(part) == 1 and part[0] == core_word(full):
        return True  # "Goodrich" of "B.F. Goodrich Co": the last word before the legal form
    acronym = part[0]
    return len(part) == 1 and len(acronym) >= 3 and acronym.isupper() and acronym.isalpha() and (
        acronym == _initials(whole)
    )


def organisation_resolver(names: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Map each short organisation mention (by position) to the full name it abbreviates."""
    positions = _positions(names)
    # Where each (position, name) first appears: the order ties are broken in.
    first_index: dict[tuple[int, str], int] = {}
    for index, mention in enumerate(names):
        first_index.setdefault(mention, index)
    # A short form shares a full name's first word, spells its initials or is its last word
    # before the legal form ("Goodrich" of "B.F. Goodrich Co"): only those are tried.
    words = {name: name_words(name) for name in positions}
    sharing: dict[str, list[str]] = {}
    for name, parts in words.items():
        core = core_word(name)
        for key in dict.fromkeys([*parts[:1], _initials(parts), *([core] if core else [])]):
            sharing.setdefault(key, []).append(name)
    containing_of: dict[str, list[str]] = {}
    resolved: dict[int, str] = {}
    for pos, name in names:
        if name not in containing_of:  # by distinct name: quadratic in mentions otherwise
            tried = sharing.get(words[name][0], []) if words[name] else list(positions)
            containing_of[name] = [n for n in tried if n != name and _short_form_of(name, n)]
        containing = containing_of[name]
        if not containing:
            continue
        before = [
            (at, n) for n in containing if (at := _before(positions[n], pos)) is not None
        ]
        # The shortest full name before ("Ford" is Ford Motor Co, not Ford Motor Credit Co),
        # the nearest of those; else the first one that follows.
        if before:
            resolved[pos] = min(
                before, key=lambda c: (len(c[1].split()), -c[0], first_index[c])
            )[1]
        else:
            resolved[pos] = min((positions[n][0], n) for n in containing)[1]
    return resolved


def alias_mentions(
    text: str, people: Sequence[EntityMention], found: Sequence[EntityMention]
) -> list[EntityMention]:
    """``Montalvo`` the recogniser missed, after ``Daniel Montalvo``: a person's surname
    alone, where no other person of the article has it; inside another entity only as its
    modifier (``the Warhol Factory``, not ``Dean`` for Dean Foods)."""
    surnames: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for e in people:
        words = e.canonical.split()
        if e.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2:
            surnames.setdefault(words[-1], set()).add(e.canonical)
            first.setdefault(e.canonical, e.start)
    single = {surname: names.pop() for surname, names in surnames.items() if len(names) == 1}
    if not single:
        return []  # (Thomas Sam and Manju Sam: `Sam` alone is either)
    aliases = []
    found_spans = Intervals([(e.start, e.end) for e in found])
    # One pass over the text for every surname, longest first, whatever the number of people.
    either = "|".join(re.escape(n) for n in sorted(single, key=lambda n: (-len(n), n)))
    for m in re.finditer(rf"(?<![\w'’-])(?:{either})(?![\w-])", text):
        surname = m.group(0)
        name = single[surname]
        if m.start() < first[name]:
            continue
        covering = [found[i] for i in found_spans.overlapping(m.start(), m.end())]
        if any(e.label == "PERSON" or e.text.split()[-1] == surname for e in covering):
            continue
        aliases.append(EntityMention(m.start(), m.end(), surname, "PERSON", name))
    return aliases


def companies_by_form(
    text: str,
    sentences: Sequence[int],
    entities: Sequence[EntityMention],
    extra: Sequence[tuple[int, int]] = (),
) -> list[EntityMention]:
    """Companies by the form of their name opening a sentence (or at ``extra`` spans, a
    source) that no organisation the entity recogniser found covers: ``Champion Products Inc
    said``, which wire leads write and the recogniser often misses."""
    spans = list(extra)
    for start in sentences:
        # A headline in capitals run into the lead's sentence is no part of the name.
        headline = HEADLINE.match(text, start)
        start = headline.end() if headline else start
        lead = LEADING.match(text[start : start + 40])
        found = COMPANY.match(text, start + (lead.end() if lead else 0))
        if found and text[found.end() : found.end() + 1] not in ("'", "’"):
            spans.append((found.start(), found.end()))
    organisations = Intervals([(e.start, e.end) for e in entities if e.label == "ORG"])
    found_names = []
    for start, end in sorted(set(spans)):
        written = text[start:end]
        if written.split()[0].lower() in NOT_NAMES:
            continue
        if organisations.overlapping(start, end):
            continue
        name = " ".join(written.split())
        found_names.append(EntityMention(start, end, written, "ORG", name))
    return found_names
