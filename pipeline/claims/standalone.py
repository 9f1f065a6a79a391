"""Standalone claims: each claim rewritten so a checker can read it without the article.

A pure function of the article's annotations and the claim. The claim's own ``text`` stays
as written; ``standalone`` holds the rewritten text and every edit, with offsets into the
claim's text. An edit is made only when its resolution reaches ``THRESHOLD``:

* ``pronoun``, ``possessive``, ``description``, ``role``: ``he``, ``its``, ``the company``,
  ``the trade minister`` → the canonical name of the entity they refer to (``referents``;
  ``It said``, ``It did not specify``: the organisation that spoke last, ``chains``);
* ``antecedent``: a subject ``It``/``They`` → the noun phrase it continues (``antecedents``);
* ``relative_date``: ``said Tuesday`` → ``said on Tuesday, 22 August 2017``, ``last month``
  → ``in July 2017`` (the dates stage's TIMEX3 value, certain: confidence 1.0;
  ``relative_dates``);
* ``quote_speaker``: a direct quote → ``Kim Hyun-chong said: "…"``;
* ``reported_source``: a statement whose cue lies outside its words → ``According to …, …``.

Inside quotation marks the speaker's words are never changed: a date there gets its value in
square brackets after it (``last month [July 2017]``) and pronouns are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.claims.antecedents import Antecedents, antecedent_edits
from pipeline.claims.referents import GENDERED, SURE_SPEAKER, Referent, Referents
from pipeline.claims.relative_dates import date_edits
from pipeline.claims.subjects import subjects_of
from pipeline.contract import Annotations, Attribution, Claim, Edit, Standalone
from pipeline.spans import within_any

# Resolutions below this confidence are not written into the standalone text.
THRESHOLD = 0.6
# A pronoun that is a source the attribution stage resolved with this confidence or more.
CERTAIN = 1.0
PRONOUN = re.compile(r"\b(he|she|him|his|her|it|its)\b(?!['’](s|d|ll)\b)", re.IGNORECASE)
# `it` followed by these is the empty subject of a statement, not an organisation.
EMPTY_IT = re.compile(
    r"^\s+(is|was|'s|would be|will be|has been|had been|seems?|seemed|appears?|appeared|"
    r"remains?|remained|takes?|took|means?|meant|may|might|could|should|must)\b",
    re.IGNORECASE,
)
# `It was given permission`, `It was fined`: what is done to an organisation, not to a thing.
DONE_TO_IT = re.compile(
    r"^\s+(?:was|is|has been|had been|will be)\s+(?:also\s+)?(given|granted|awarded|fined|"
    r"ordered|charged|sued|told|asked|allowed|permitted|required)\b",
    re.IGNORECASE,
)
# `It said`: an organisation speaking, which in wire copy is the one the story is about.
SPEAKING_IT = re.compile(
    r"^\s+(?:also\s+)?(said|says|added|reported|announced|told|noted|denied|declined|"
    r"forecast|estimated|predicted|expects|expected|"
    r"did not (?:specify|say|disclose|identify|name|elaborate|comment))\b",
    re.I,
)
# `It said`, `It added`: an organisation speaking or acting.
ACTING_IT = re.compile(
    r"^\s+(?:also\s+|further\s+|earlier\s+|previously\s+)?(said|says|added|adds|reported|"
    r"reports|announced|told|expects?|expected|estimated|forecast|plans?|planned|agreed|"
    r"declined|denied|did not|does not|has agreed|has said|acquired|sold|bought|"
    r"owns|earned|lost|posted|reported|declared|asked|quoted|claimed|called|urged|warned|"
    r"noted|proposed|approved|paid|filed|offered|has|had|predicted|recommended|created|"
    r"gave|confirmed|named|appointed|issued|signed|completed|received)\b",
    re.IGNORECASE,
)
THEY_SAID = re.compile(
    r"\b([Tt]hey)\s+(?:also\s+)?(said|say|says|added|noted|note|told|estimated|predicted|"
    r"expected|expect|declined|named|put|warned|forecast|believe|agreed)\b"
)
DESCRIPTION = re.compile(
    r"\b[Tt]he (company|firm|bank|ministry|agency|airline|union|party|council|committee|"
    r"utility|newspaper|exchange|fund|court)\b"
)
GENERIC_HEADS = frozenset({"company", "firm"})
ROLE = re.compile(
    r"\b[Tt]he ((?:[a-z][a-z-]+ ){0,2}(?:president|minister|chairman|chairwoman|spokesman|"
    r"spokeswoman|secretary|governor|senator|mayor|ambassador|premier|chancellor|director|"
    r"negotiator|commissioner|representative|envoy|treasurer|coach|founder|leader))\b"
)
MODIFIED = re.compile(r"^\s+(figures|data|statistics|numbers|officials|sources)\b", re.I)
SOURCE_PREPOSITIONS = re.compile(r"\b(at|of|from|for|with|in)\b")


def standalone_claims(
    annotations: Annotations, claims: Sequence[Claim], doc: Doc | None = None
) -> tuple[Claim, ...]:
    """The claims of one article, each with its ``standalone`` text (pure); with the article's
    parse, a subject It/They also names the definite noun phrase it continues, and a person's
    rivals are read from where the parse puts its subjects."""
    referents = Referents(annotations, subjects_of(doc) if doc is not None else None)
    antecedents = Antecedents(doc) if doc is not None and claims else None
    return tuple(
        replace(c, standalone=standalone_for(c, referents, antecedents)) for c in claims
    )


def standalone_for(
    claim: Claim, referents: Referents, antecedents: Antecedents | None = None
) -> Standalone:
    """The claim written to stand alone, with the edits that made it."""
    quoted = _quoted(claim, referents)
    edits = [*date_edits(claim, quoted), *_reference_edits(claim, referents, quoted)]
    edits += antecedent_edits(claim, antecedents, quoted, edits)
    edits = _without_overlaps(edits)
    frame = _frame(claim, referents, edits)
    if frame is not None:
        edits = _without_overlaps([frame, *edits, *_closing(claim.text, frame)])
    return Standalone(apply_edits(claim.text, edits), tuple(edits))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with non-overlapping edits (sorted by offset) applied."""
    out, at = [], 0
    for edit in edits:
        out.append(text[at : edit.start])
        out.append(edit.replacement)
        at = edit.end
    out.append(text[at:])
    return "".join(out)


def _without_overlaps(edits: Sequence[Edit]) -> list[Edit]:
    """Edits in text order; of two that overlap, the earlier one stays."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end, e.reason)):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept


def _quoted(claim: Claim, referents: Referents) -> list[tuple[int, int]]:
    """Stretches of the claim's text inside quotation marks (the whole of a bare quote)."""
    cue = claim.attribution.cue if claim.attribution else None
    holds_cue = cue is not None and claim.start <= cue.start and cue.end <= claim.end
    if claim.type == "quote" and not holds_cue:
        return [(0, len(claim.text))]
    spans = []
    # Direct quotes and paired quotation marks of the article, wherever the claim cuts them.
    for start, end in referents.quotes:
        if start < claim.end and claim.start < end:
            spans.append((max(0, start - claim.start), min(len(claim.text), end - claim.start)))
    return spans


# ----------------------------------------------------------------------------- references


def _named_earlier(claim: Claim, name: str, start: int, edits: Sequence[Edit] = ()) -> bool:
    """Whether the claim names the entity before ``start`` itself (its first word will do:
    ``Comalco said it`` for Comalco Ltd), or an edit already did."""
    first = next((w for w in name.split() if w.lower() != "the"), name)
    before = claim.text[:start]
    if first[:1].isupper() and re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])", before):
        return True
    return any(
        name in (e.canonical, e.text) and e.end - claim.start <= start for e in claim.entities
    ) or any(
        edit.start < start
        and name.lower() in ((edit.entity or "").lower(), edit.replacement.lower())
        for edit in edits
    )


def _name(referent: Referent, possessive: bool, capital: bool) -> str:
    name = referent.determiner + referent.name
    if possessive:
        name += "'" if name.endswith("s") else "'s"
    return name[0].upper() + name[1:] if capital else name


def _attributed(claim: Claim, start: int, end: int) -> Referent | None:
    """The attribution stage's speaker when the words are the claim's source."""
    attribution = claim.attribution
    source = attribution.source if attribution else None
    if attribution is None or source is None or attribution.speaker is None:
        return None
    if (source.start - claim.start, source.end - claim.start) != (start, end):
        return None
    confidence = attribution.speaker_confidence or 0.0
    return Referent(attribution.speaker, "", confidence)


def _reference_edits(
    claim: Claim, referents: Referents, quoted: Sequence[tuple[int, int]]
) -> list[Edit]:
    edits: list[Edit] = []
    text = claim.text
    for m in PRONOUN.finditer(text):
        start, end, word = m.start(), m.end(), m.group(1).lower()
        if within_any(start, quoted):
            continue
        possessive = word in ("his", "its") or (
            word == "her" and re.match(r"\s+[a-z]", text[end:]) is not None
            and not re.match(r"\s+(to|and|or|in|on|at|for|with|that|as)\b", text[end:])
        )
        pos = claim.start + start
        referent = _attributed(claim, start, end)
        if word in ("it", "its"):
            done_to = DONE_TO_IT.match(text[end:]) is not None
            if word == "it" and not done_to and (
                EMPTY_IT.match(text[end:]) or not ACTING_IT.match(text[end:])
            ):
                continue
            speaking = SPEAKING_IT.match(text[end:]) is not None
            own = referents.organisation(pos, possessive=possessive, speaking=speaking)
        else:
            own = referents.person(pos, word)
        referent = _agreeing(referent, own, referents, word, pos)
        if referent is None or referent.confidence < THRESHOLD:
            continue
        if _named_earlier(claim, referent.name, start, edits):
            # `Acme said it`, `Kim … his`: the name is there to read. Only `its` after a name
            # that merely qualifies the subject is unclear enough to name again (`United States
            # figures indicate its deficit`: the figures' deficit?).
            mention = [
                e for e in claim.entities
                if referent.name in (e.canonical, e.text) and e.end - claim.start <= start
            ]
            if word != "its" or not mention or not MODIFIED.match(
                text[mention[-1].end - claim.start :]
            ):
                continue
        reason = "possessive" if possessive else "pronoun"
        replacement = _name(referent, possessive, start == 0 or m.group(1)[0].isupper())
        if referent.label == "UNNAMED" and not (start == 0 or m.group(1)[0].isupper()):
            # `A Fed spokesman` opened its sentence: mid-sentence it is `a Fed spokesman`.
            replacement = replacement[:1].lower() + replacement[1:]
        # An unnamed source (`a company spokesman`) is written in, but is no entity to key on.
        entity = None if referent.label == "UNNAMED" else referent.name
        edits.append(Edit(start, end, m.group(0), replacement, reason, referent.confidence,
                          entity))
    for m in THEY_SAID.finditer(text):
        if within_any(m.start(), quoted):
            continue
        referent = referents.group(claim.start + m.start())
        if referent is not None and referent.confidence >= THRESHOLD and not _named_earlier(
            claim, referent.name, m.start(), edits
        ):
            name = referent.name[0].upper() + referent.name[1:] if m.start() == 0 else referent.name
            edits.append(Edit(m.start(), m.end(1), m.group(1), name, "pronoun",
                              referent.confidence))
    for m in DESCRIPTION.finditer(text):
        if within_any(m.start(), quoted):
            continue
        head = m.group(1)
        pos = claim.start + m.start()
        referent = _agreeing(
            _attributed(claim, m.start(), m.end()),
            referents.named(pos, "" if head in GENERIC_HEADS else head),
        )
        edits += _described(claim, m, referent, "description")
    for m in ROLE.finditer(text):
        if within_any(m.start(), quoted):
            continue
        referent = _agreeing(
            _attributed(claim, m.start(), m.end()),
            referents.role(claim.start + m.start(), m.group(1).split()),
        )
        edits += _described(claim, m, referent, "role")
    return edits


def _described(
    claim: Claim, m: re.Match[str], referent: Referent | None, reason: str
) -> list[Edit]:
    if referent is None or referent.confidence < THRESHOLD:
        return []
    if _named_earlier(claim, referent.name, m.start()):
        return []
    possessive = claim.text[m.end() : m.end() + 2] in ("'s", "’s")
    end = m.end() + (2 if possessive else 0)
    replacement = _name(referent, possessive, m.start() == 0)
    return [Edit(m.start(), end, claim.text[m.start() : end], replacement, reason,
                 referent.confidence, referent.name)]


def _agreeing(
    attributed: Referent | None,
    own: Referent | None,
    referents: Referents | None = None,
    pronoun: str = "",
    pos: int = 0,
) -> Referent | None:
    """The attribution stage's speaker, surer when this module's resolution agrees.

    For a pronoun, a speaker this module does not find too is taken only when the attribution
    stage is sure of it (``SURE_SPEAKER``) or it is someone the article quoted before (the
    attribution stage remembers speakers, which this module's nearest-subject rule does not),
    and never against the person's known gender.
    """
    if attributed is None:
        return own
    if own is not None and own.name == attributed.name:
        # Both read the same cues (the nearest subject): two guesses below the bar stay below.
        weak = own.confidence < THRESHOLD and attributed.confidence < SURE_SPEAKER
        best = min if weak else max
        return replace(own, confidence=best(own.confidence, attributed.confidence))
    if referents is not None and not referents.compatible(attributed.name, pronoun):
        return own
    if own is not None and own.local and own.confidence >= THRESHOLD:
        return own  # `what made Warhol famous, however, he is …`: the sentence's own name
    spoke = referents is not None and referents.spoke_before(attributed.name, pos)
    if pronoun and attributed.confidence < SURE_SPEAKER and not spoke:
        return own
    return attributed


# ----------------------------------------------------------------------------- frames


def source_name(attribution: Attribution, referents: Referents) -> tuple[str, float] | None:
    """How a frame names the source: the resolved speaker, else the source as written."""
    source = attribution.source
    speaker, confidence = attribution.speaker, attribution.speaker_confidence or 0.0
    written = " ".join(source.text.split()) if source else ""
    said = Referent(speaker, "", confidence) if speaker else None
    if source is not None and written.lower() in GENDERED:
        pronoun = written.lower()
        said = _agreeing(said, referents.person(source.start, pronoun), referents, pronoun,
                         source.start)
        written = ""  # a pronoun the pipeline could not resolve says nothing alone
    elif source is not None and written.lower() == "it":
        own = referents.organisation(source.start, possessive=False)
        said = _agreeing(said, own, referents, "it", source.start)
        written = ""
    elif written.lower() in ("they", "we", "i", "you"):
        written = ""
    # `an official at the ministry`: the speaker found inside is not the one who spoke.
    official = written and speaker and SOURCE_PREPOSITIONS.search(written.split(speaker)[0])
    if said is not None and said.confidence >= THRESHOLD and not official:
        return referents.determiner(said.name) + said.name, said.confidence
    if written:
        return written, CERTAIN
    return None


def _closing(text: str, frame: Edit) -> list[Edit]:
    """``… worked,"`` under ``X said:`` ends its sentence: the comma that led to the cue is a
    full stop once the speaker stands before the quote."""
    found = re.search(r",(?=[\"”’']\s*$)", text) if frame.reason == "quote_speaker" else None
    if found is None:
        return []
    return [Edit(found.start(), found.end(), ",", ".", frame.reason, frame.confidence)]


def _frame(claim: Claim, referents: Referents, edits: Sequence[Edit]) -> Edit | None:
    """``NAME said: "…"`` for a quote, ``According to …, …`` when the cue is elsewhere."""
    attribution = claim.attribution
    if attribution is None:
        return None
    named = source_name(attribution, referents)
    if named is None:
        return None
    name, confidence = named
    name = name[0].upper() + name[1:]
    cue = attribution.cue
    if cue is not None and claim.start <= cue.start and cue.end <= claim.end:
        return None  # `"…," Li said.`: who said it is already in the claim's words
    if claim.type == "quote":
        return Edit(0, 0, "", f"{name} said: ", "quote_speaker", confidence)
    if cue is None:
        return None
    frame = f"According to {name[0].lower() + name[1:] if name.startswith('The ') else name}, "
    first = re.match(r"[A-Z][a-z]+\b", claim.text)
    opens_name = any(e.start == claim.start for e in claim.entities)
    if first and not opens_name and not any(e.start == 0 < e.end for e in edits):
        word = first.group(0)
        return Edit(0, len(word), word, frame + word.lower(), "reported_source", confidence)
    return Edit(0, 0, "", frame, "reported_source", confidence)
