"""Mentions the entity recogniser missed or that name no entity, for the referents.

A company by the form of its name (``Murgold Resources Inc``), a source that names a group
(``industry analysts``) or an unnamed source (``a company spokesman``); a person's surname
alone after the full name (``Montalvo``) is ``pipeline.names.alias_mentions``, which the
attribution stage reads too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from pipeline.contract import Annotations, EntityMention
from pipeline.names import COMPANY, companies_by_form

# `bankers`, `Finance Ministry sources`, `industry analysts`: a group that speaks, named
# without a determiner that would need the article to be understood (`the companies`).
PLURAL_SOURCE = re.compile(
    # (`The ATPC officials` is a group by its name, `the underwriters` needs the article)
    r"(?!(?:[Tt]he\b(?!\s+[A-Z])|(?:[Tt]hese|[Tt]hose|[Tt]hey|[Bb]oth|[Ww]e|[Ss]ome|[Mm]any|"
    r"[Oo]ther|[Ff]ew)\b))"
    r"(?:[A-Z][\w.&-]*\s+){0,4}"
    # `industry analysts`, `Traders and analysts`; a capital head only alone (`Analysts`), as
    # `VMS Realty Partners` is a name
    r"(?:(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*|(?<![\w\s])[A-Z][a-z]+)"
    r"(?:ers|ists|ysts|ials|ces|ants|ors|ents|ies|ives|ians)"
    # `in New York`, `in international oil markets`: where the group is, not who
    r"(?:\s+(?:in|at|from)\s+(?:[\w.&-]+\s+){0,3}[\w.&-]+)?"
    # or names joined: `Arden Securities and Bello Brothers`
    r"|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*\s+and\s+[A-Z][\w.&-]*(?:\s+(?:and\s+)?[A-Z][\w.&-]*)*"
    # or the police, a plural by its sense (`Australian police`, never `the police`)
    r"|(?!(?:[Tt]he|[Tt]hese|[Tt]hose)\b)(?:[A-Z][\w.&-]*\s+){0,3}[Pp]olice",
)
# `a company spokesman said. He said …`: the one unnamed source that spoke last, as written.
UNNAMED_SOURCE = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.&'’-]+\s+){0,5}?"
    r"(spokesman|spokeswoman|spokesperson|official|source|executive|analyst|economist|trader|"
    r"dealer|banker|aide|diplomat)"
    r"(?:\s+(?:of|at|for|in|with|close\s+to)\s+(?:[\w.&'’-]+\s+){0,4}[\w.&'’-]+)?",
)
# `the companies`, `the two banks`, `they`: a group that points back to one named before.
BACK_TO_GROUP = re.compile(r"(?:(?:the|these|both)\s+(?:two\s+|three\s+)?[a-z]+s|they)", re.I)
# Between people a source joins: `and` (`and his father`), else appositions and titles.
AND_PART = re.compile(r"\s*and\b.*", re.DOTALL)
NOT_APPOSITION = re.compile(r"\b(?:who|whom|whose|which|that|said|says|told|met|with|against)\b")
TITLES_ONLY = re.compile(r"(?:[A-Z][\w.'’-]*\s+)*")
UNNAMED_GENDER = {"spokesman": "male", "spokeswoman": "female"}
def company_mentions(
    text: str, sentences: Sequence[int], annotations: Annotations
) -> list[EntityMention]:
    """Companies by the form of their name, as subjects or sources, that no organisation
    the entity recogniser found covers (``Comalco Ltd said``, read as a person)."""
    extra = [(a.source.start, a.source.end) for a in annotations.attributions
             if a.source is not None and COMPANY.fullmatch(a.source.text)]
    return companies_by_form(text, sentences, annotations.entities, extra)


def group_source(text: str) -> str:
    """A source as a group is written in: one line, no ticker brackets, no apposition after
    it (``Orrin Corp and Kesk Holdings, the lead managers``), but the whole of a list
    (``Farmers, millers and bakers``)."""
    written = " ".join(text.replace("<", "").replace(">", "").split())
    head, _, rest = written.partition(",")
    return written if re.fullmatch(r"\s*[\w.&' -]+\s+and\s+[\w.&' -]+", rest) else head


def people_joined(
    text: str, entities: Sequence[EntityMention], start: int, length: int
) -> str | None:
    """The people a source at ``start`` names, joined by ``and`` (``A, B and C``: ``Kenneth
    Thomas, an analyst, and his father, C.A. Thomas``), with no more than an apposition or a
    title between them; None unless the source opens with the first of them."""
    people = [e for e in entities
              if e.label == "PERSON" and start <= e.start and e.end <= start + length]
    names = list(dict.fromkeys(e.canonical for e in people))
    if len(names) < 2 or len(names) != len(people):
        return None
    if not TITLES_ONLY.fullmatch(text[start : people[0].start]):
        return None  # `A lawyer for Kenneth Thomas and …`: the lawyer spoke
    gaps = [text[a.end : b.start].split(",") for a, b in itertools.pairwise(people)]
    joins = [sum(bool(AND_PART.fullmatch(part)) for part in gap) for gap in gaps]
    if joins[:-1] != [0] * (len(gaps) - 1) or joins[-1] != 1 or any(
        NOT_APPOSITION.search(part) for gap in gaps for part in gap
    ):
        return None
    return f"{', '.join(names[:-1])} and {names[-1]}"
