"""How a direct quote gets its cue and speaker: beside it, between its parts, or nearby."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.attribution.adjacent import (
    colon_cue,
    first_token,
    own_cue,
    source_beside,
    trailing_cue,
)
from pipeline.attribution.cues import (
    QUOTE_MARKS,
    Found,
    own_words,
    source_span,
    subordinated,
)
from pipeline.attribution.labels import label_cue, labelled, signature_cue
from pipeline.attribution.lexicon import CueLexicon, cue_extent, particle_of
from pipeline.attribution.quotes import Quote, inner_end
from pipeline.attribution.subjects import speaker_of

# Verbs after which a quote standing alone is the answer of the one asked.
ASKING = frozenset({"ask", "press", "question", "quiz"})


def written_cue(
    doc: Doc, text: str, starts: Sequence[int], quote: Quote, found: Found,
    in_quote: list[bool], lexicon: CueLexicon,
) -> Found:
    """A direct quote's cue from the parsed clause, unless one written at the quote beats it."""
    # "- HuffPollster: “…”": a name given as the quote's label beats a parse that
    # ran the sentence before over it.
    found = labelled(found, label_cue(doc, text, starts, quote.start))
    found = own_cue(doc, text, starts, quote.start, found, in_quote, lexicon)
    gap = quote_gap(doc, quote, in_quote)
    if gap is not None:
        found = split_cue(doc, text, starts, quote, gap, lexicon) or found
    else:
        found = trailed(doc, text, starts, quote, found, lexicon)
    if found.source is None:
        # "When asked why, Kim responded in a text: “…”": a parse hanging the colon's
        # clause on a subjectless cue; that clause's subject speaks.
        colon = colon_cue(doc, text, starts, quote.start, in_quote, lexicon)
        if colon is not None and colon.source is not None:
            found = replace(colon, content=found.content)
    return found


def split_cue(
    doc: Doc, text: str, starts: Sequence[int], quote: Quote, gap: Token, lexicon: CueLexicon
) -> Found | None:
    """``"…," Kim said, "…"``: the cue written between the parts (from ``gap``) of a split quote."""
    found = trailing_cue(doc, text, starts, gap.idx, lexicon)
    if found is None or found.cue is None or found.cue[1] > quote.end:
        return None
    return replace(found, content=(quote.start, quote.end))


def quote_gap(doc: Doc, quote: Quote, in_quote: list[bool]) -> Token | None:
    """The first word between the parts of a quote merged from two, if it is one."""
    inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if inside is None:
        return None
    # A token glued to the opening mark ('Clinton:"We') starts before the quote: not a gap.
    gap = next(
        (t for t in inside if t.idx > quote.start and not in_quote[t.i] and not t.is_space), None
    )
    return gap if gap is not None and gap.idx < quote.end else None


def trailed(
    doc: Doc, text: str, starts: Sequence[int], quote: Quote, found: Found, lexicon: CueLexicon
) -> Found:
    """``— “…?” asked Dunn``: a cue right after the quote beats a clause the parse ran over it."""
    index = first_token(starts, quote.end)
    if index is None or inner_end(text, quote) not in (",", "?", "!"):
        return found
    trailing = trailing_cue(doc, text, starts, quote.end, lexicon)
    if (
        trailing is None
        or trailing.cue_token != index
        or trailing.source_head is None
        or trailing.source_head < index
        or doc[index].tag_ == "VBG"
        or any(c.dep_ == "ccomp" for c in doc[index].children)
    ):
        # Only the inverted "said Kim" right after the quote's comma is surely its cue.
        return found
    if found.cue_token == trailing.cue_token:
        return found
    return replace(trailing, content=found.content, direct=found.direct)


def reported_by(doc: Doc, text: str, quote: Quote, found: Found, cues: Sequence[Found]) -> Found:
    """``"…," Kim said, according to Reuters``: the outer source the words reached us through."""
    if found.cue is None or found.cue_token is None or found.cue[0] < quote.start:
        return found
    limit = doc[found.cue_token].sent.end_char
    for cue in cues:
        if cue.cue is None or not found.cue[1] <= cue.cue[0] < limit:
            continue
        between = text[found.cue[1] : cue.cue[0]]
        if cue.direct or "\n" in between or any(c in QUOTE_MARKS for c in between):
            continue
        if cue.cue_token is not None and doc[cue.cue_token].lower_ == "according":
            return replace(found, source=cue.source, source_head=cue.source_head, cue=cue.cue)
    return found


def adjacent(
    doc: Doc, text: str, starts: Sequence[int], quote: Quote, in_quote: list[bool],
    lexicon: CueLexicon,
) -> Found | None:
    """A cue written beside the quote, else one in its sentence, else a colon's subject."""
    span = (quote.start, quote.end)
    # '"…," he mocks. "…"': a split quote's cue stands between its parts, not after the end.
    gap = quote_gap(doc, quote, in_quote)
    found = split_cue(doc, text, starts, quote, gap, lexicon) if gap is not None else None
    if found is None:
        found = trailing_cue(doc, text, starts, quote.end, lexicon)
    if found is None:
        found = signature_cue(doc, text, starts, quote.end)
    if found is None:
        found = label_cue(doc, text, starts, quote.start)
    if found is None:
        found = _nearby_cue(doc, text, quote, in_quote, lexicon)
    if found is None:
        found = colon_cue(doc, text, starts, quote.start, in_quote, lexicon)
    return replace(found, content=span) if found is not None else None


def runs_into(prefix: str) -> bool:
    """Whether a clause's words run into the quote after them (``that “…”``, not ``: “…”``)."""
    return (
        "\n" not in prefix
        and any(c.isalnum() for c in prefix)
        and not prefix.rstrip().endswith((",", ":", "—", "–", "-"))
    )


def paragraphs_of(text: str, quote: Quote) -> tuple[int, int]:
    """Start of the paragraph where the quote opens, end of the one where it closes."""
    high = text.find("\n", quote.end)
    return text.rfind("\n", 0, quote.start) + 1, len(text) if high < 0 else high


def _nearby_cue(
    doc: Doc,
    text: str,
    quote: Quote,
    in_quote: list[bool],
    lexicon: CueLexicon,
) -> Found | None:
    """The cue of a quote that does not govern it: ``"…," he said.`` in the same sentence."""
    span = (quote.start, quote.end)
    inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    best: Token | None = None
    if inside is not None:
        first, last = inside[0].sent, inside[-1].sent
        start = first.start
        # The parser's sentences may run over a paragraph break; a cue does not.
        low, high = paragraphs_of(text, quote)
        before = doc[first.start - 1].sent if first.start > 0 else None
        if before is not None and before.text.rstrip().endswith(":"):
            # "Clinton said in a statement:" introducing the quote.
            start, low = before.start, before.start_char
        for token in doc[start : last.end]:
            if in_quote[token.i] or token.pos_ != "VERB" or not low <= token.idx < high:
                continue
            if token.lemma_.lower() not in lexicon.clausal and particle_of(token, lexicon) is None:
                continue
            if token.idx >= quote.end and subordinated(own_words(token)):
                # After the quote, a subordinate clause's verb is not its cue; before it,
                # "as if to say, “…”" is.
                continue
            if best is None or _distance(token, quote) < _distance(best, quote):
                best = token
    if best is not None:
        subject = speaker_of(best)
        return Found(
            span,
            cue_extent(best, lexicon),
            source_span(subject, text, in_quote, best) if subject is not None else None,
            subject.i if subject is not None else None,
            best.i,
            direct=True,
        )
    return None


def reported_before(
    text: str, quote: Quote, previous: Found, cues: Sequence[Found], used: set[int]
) -> int | None:
    """Index of the reported speech that ends right before the quote, after the previous one."""
    for n, cue in enumerate(cues):
        if n in used or cue.direct or cue.cue is None or cue.source is None:
            continue
        if not previous.content[1] <= cue.cue[0] < quote.start:
            continue
        between = text[cue.content[1] : quote.start]
        if cue.content[1] <= quote.start and not any(c.isalnum() for c in between) and (
            "\n" not in between
        ):
            return n
    return None


def previous_subject(
    doc: Doc, text: str, quote: Quote, in_quote: list[bool], named: bool = False
) -> Found | None:
    """A quote standing alone after a sentence about someone: that sentence's subject speaks.

    With ``named``, only a subject that is or is apposed to a name (``Her neighbour, Paul Kim``).
    """
    if inner_end(text, quote) == ",":
        # '“Count them again,” came a shout from the gallery': the words after the comma tell who.
        return None
    inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if inside is None or inside.start == 0:
        return None
    sentence = doc[inside.start - 1].sent
    root = sentence.root
    asking = root.lemma_.lower() in ASKING
    subjects = [c for c in root.children if c.dep_ in ("nsubj",) and not in_quote[c.i]]
    if asking:
        # "Patel was asked about the vote." / "Reporters asked the governor …": the one asked.
        subjects = [
            c for c in root.children if c.dep_ in ("nsubjpass", "dobj") and not in_quote[c.i]
        ]
    if not subjects:
        return None
    subject = subjects[0]
    apposed = subject.pos_ == "NOUN" and any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subject.children
    )
    owned = subject.pos_ == "NOUN" and any(
        c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON", "NORP")
        for c in subject.children
    )
    if named:
        if subject.pos_ != "PROPN" and not apposed:
            return None
    elif subject.pos_ not in ("PROPN", "PRON") and not apposed and not owned and not (
        subject.pos_ == "NOUN" and asking
    ):
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in ("he", "she", "i", "we", "they"):
        return None
    source = source_span(subject, text, in_quote)
    return Found((quote.start, quote.end), None, source, subject.i, None, direct=True)


def newcomer(
    doc: Doc, text: str, quote: Quote, previous: Found, in_quote: list[bool]
) -> Found | None:
    """``“…,” Ruiz said. Her neighbour, Paul Kim, agreed. “…”``: a sentence between two quotes
    whose subject names someone new hands the second quote to them, not to the first speaker."""
    found = previous_subject(doc, text, quote, in_quote, named=True)
    if found is None:
        found = _other_pronoun(doc, text, quote, previous, in_quote)
    if found is None or found.source is None or found.source_head is None:
        return None
    sentence = doc[found.source_head].sent
    if not previous.content[1] <= sentence.start_char < sentence.end_char <= quote.start:
        return None
    said = set(_name_words(doc, previous.source))
    if said & set(_name_words(doc, found.source)):
        return None
    return found


def _other_pronoun(
    doc: Doc, text: str, quote: Quote, previous: Found, in_quote: list[bool]
) -> Found | None:
    """``“…,” he said. She followed with a speech. “…”``: a subject of the other gender."""
    found = previous_subject(doc, text, quote, in_quote)
    if found is None or found.source_head is None or previous.source_head is None:
        return None
    genders = {"he": "m", "him": "m", "she": "f", "her": "f"}
    now = genders.get(doc[found.source_head].lower_)
    before = genders.get(doc[previous.source_head].lower_)
    return found if now is not None and before is not None and now != before else None


def _name_words(doc: Doc, span: tuple[int, int] | None) -> list[str]:
    """The proper-noun words of a source span (``Sen. Ann Marsh`` → ann, marsh, sen.)."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand") if span else None
    return [t.lower_ for t in words or () if t.pos_ == "PROPN"]


def fragment_speaker(
    doc: Doc, text: str, quote: Quote, found: Found, in_quote: list[bool]
) -> Found:
    """``Maher stated … Adding, “…”``: a sentence opened by a bare participle cue continues
    the previous sentence, whose subject speaks."""
    assert found.cue_token is not None
    cue = doc[found.cue_token]
    if cue.tag_ != "VBG" or not cue.is_sent_start:
        return found
    before = previous_subject(doc, text, Quote(cue.idx, quote.end, closed=True), in_quote)
    if before is None:
        return found
    return replace(found, source=before.source, source_head=before.source_head)


def with_speaker(text: str, found: Found, verb: Token, in_quote: list[bool]) -> Found:
    """Replace a missing source, or one taken from inside a quote, by the name beside the cue."""
    beside = source_beside(verb, text, verb.i, in_quote)
    if beside is None:
        return replace(found, source=None, source_head=None)
    return replace(found, source=beside[0], source_head=beside[1].i)


def _distance(token: Token, quote: Quote) -> int:
    if token.idx >= quote.end:
        return token.idx - quote.end
    if token.idx < quote.start:
        return quote.start - token.idx
    return 0
