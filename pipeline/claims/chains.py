"""``It said``: the organisation that spoke last, followed back along the article's sources.

Wire copy names the company in its lead (``Acme Corp said …``) and carries it on with ``The
company said``, ``It said``, ``Acme said``. A subject ``It`` before a verb of saying continues
that chain (centering: the speaker stays the centre), whatever other organisations the
statements mention (``… agreed to buy the hotel from Marriott Corp. It said …`` is the buyer).

The rule, from the attribution stage's sources before the pronoun, latest first:

* ``it``, ``the company`` (``CONTINUING``) and a bare document (``the paper``, ``the
  statement``: the named source's) carry the chain on: skipped;
* the first other source ends the walk: it is the referent when it is an organisation the
  entity stages found there (or just before a lone ``>``), a name in angle brackets (Reuters'
  mark of a company: ``<Four Seasons Hotels>``), the short form of exactly one organisation
  named before (``Equatorial`` for Equatorial Communications Co), or a country or city the
  recogniser found there; a document named by its owner (the attribution lexicon's
  ``document_nouns``: ``the U.S. Embassy's report said. It said …``) is what ``It``
  continues, and no organisation is; a person or anything else: no answer from this rule;
* an organisation or place opening a sentence between the chain's latest source (``it
  said`` too: ``China will pay 3 mln, it said. It said …`` is the agency that spoke) and
  ``It`` is a rival (``The Sunday Mail branded the budget political. It said …``): no
  answer either.

The answer carries ``SPOKE_LAST`` (0.7), the confidence the referents give the nearest
subject or speaker among several candidates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.attribution.lexicon import default_lexicon
from pipeline.contract import EntityMention

SPOKE_LAST = 0.7
# Sources that point back to the organisation that spoke before them.
CONTINUING = re.compile(
    r"(?:it|the\s+(?:company|firm|group|concern|corporation|bank|utility|airline|"
    r"partnership|trust|fund|agency|ministry))",
    re.IGNORECASE,
)
# `WEDGE, which holds …`, `<Four Seasons Hotels>`: the name a source opens with.
HEAD = re.compile(r"[\s<]*([^,<>(]*[^\s,<>(])")


def spoke_last(
    text: str,
    sources: Sequence[tuple[int, str]],
    entities: Sequence[EntityMention],
    pos: int,
) -> tuple[int, EntityMention | None] | None:
    """Where the chain's latest source before ``pos`` stands (``it said`` included), and the
    organisation (or place) the chain's named source names (None: a document, ``the
    report``, that ``It`` continues); None where that source names neither (module rule).
    ``sources``: each source's start and words, in text order."""
    latest = None
    # (Sources come in text order: the walk starts at the last one before `pos`.)
    for start, written in reversed(sources[: bisect.bisect_left(sources, (pos, ""))]):
        latest = start if latest is None else latest
        words = " ".join(written.split())
        if CONTINUING.fullmatch(words) or _bare_document(words):
            continue
        found = _named(text, start, start + len(written), entities)
        if found == "document":
            return latest, None
        return (latest, found) if isinstance(found, EntityMention) else None
    return None


def _bare_document(words: str) -> bool:
    """``the paper``, ``the statement``: a document of the source named before it."""
    found = re.fullmatch(r"the\s+(\w+)", words, re.IGNORECASE)
    return found is not None and found.group(1).lower() in default_lexicon().document_nouns


def _named(
    text: str, start: int, end: int, entities: Sequence[EntityMention]
) -> EntityMention | str | None:
    """The organisation or place a source names, by the rule of the module, or
    ``"document"``."""
    head = HEAD.match(text, start, end)
    if head is None:
        # `<Wavehill International Ventures Inc>` read with only `>` as the source.
        before = [e for e in entities if e.label == "ORG" and e.end == start]
        return before[-1] if text[start:end].strip() == ">" and before else None
    first, last = head.start(1), head.end(1)
    words = " ".join(text[first:last].split())
    if text[first - 1 : first] == "<" and text[last : last + 1] == ">":
        # Reuters writes the name of a company with no ticker in angle brackets.
        return EntityMention(first, last, text[first:last], "ORG", words)
    if words.split()[-1].lower() in default_lexicon().document_nouns:
        return "document"  # `the U.S. Embassy's report said. It said …`: the report
    # The name is the source's head, after a `the` at most.
    here = [
        e for e in entities
        if e.end == last and e.start >= first and text[first : e.start].strip().lower() in
        ("", "the")
    ]
    if any(e.label == "PERSON" for e in here):
        return None
    for label in ("ORG", "GPE"):
        found = [e for e in here if e.label == label]
        if found:
            return max(found, key=lambda e: e.end)
        if label == "ORG":
            short = _short_form(words, entities, start)
            if short is not None:
                return short
    return None


def _short_form(
    words: str, entities: Sequence[EntityMention], before: int
) -> EntityMention | None:
    """The one organisation named before whose canonical name opens with these words."""
    names = {
        e.canonical: e for e in entities
        if e.label == "ORG" and e.end <= before and e.canonical != words
        and e.canonical.startswith(words + " ")
    }
    return next(iter(names.values())) if len(names) == 1 else None
