"""Cues written right beside a quotation: ``“…,” Kim said``, ``said Kim``, ``put it: “…”``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.attribution.cues import (
    QUOTE_MARKS,
    Found,
    char_span,
    source_span,
    speaker_subtree,
    subordinated,
)
from pipeline.attribution.lexicon import CueLexicon, cue_before, cue_extent, is_cue_verb
from pipeline.attribution.subjects import NOMINAL, postposed_subject, source_of

# Words that may stand between a quote and its cue verb without being the cue themselves.
AUXILIARIES = frozenset({"have", "be", "do", "will", "would", "could", "can", "may", "might"})
STOPS = frozenset(".!?;()[]") | frozenset(QUOTE_MARKS) | {"''", "``", "‘", "’", "'"}
WINDOW = 12
BACK_WINDOW = 30
BRACKETS = frozenset("()[]")
NEW_SENTENCE = frozenset({"He", "She", "They", "We"})
# Cue verbs that are also plural nouns, which the tagger may take them for after a noun.
MISREAD_CUES = frozenset({"states", "notes", "reads", "claims", "remarks", "reports", "warns"})
CLOSING_MARKS = ("”", '"', "''")
# A speaker's name or pronoun alone between a closing mark and the cue verb.
GLUED_NAME = re.compile(r"\s*((?:[A-Z][\w.’'-]*)(?: [A-Z][\w.’'-]*){0,3}|he|she|they|we|I)\s*")


def first_token(starts: Sequence[int], char: int) -> int | None:
    """Index of the first token that starts at or after ``char`` (``starts``: token offsets)."""
    index = bisect.bisect_left(starts, char)
    return index if index < len(starts) else None


def _is_auxiliary(token: Token) -> bool:
    return token.tag_ == "MD" or token.lemma_.lower() in AUXILIARIES


def _ends_window(token: Token) -> bool:
    return "\n" in token.text or token.text in STOPS


def trailing_cue(
    doc: Doc, text: str, starts: Sequence[int], end: int, lexicon: CueLexicon
) -> Found | None:
    """``“…,” the minister told reporters`` / ``“…,” said Kim``: a cue right after the quote."""
    index = first_token(starts, end)
    if index is None:
        return None
    closed = text[:end].rstrip("\"”»'’ ")[-1:]
    if closed in (".", "?", "!") and (
        doc[index].text in NEW_SENTENCE
        or (doc[index].is_title and (
            doc[index].pos_ in ("SCONJ", "CCONJ") or doc[index].dep_ in ("mark", "cc")
        ))
    ):
        # '“… over.” He added, …' / '“… over.” While critics …' / '“…” But Kim said': after
        # a full stop, a capital pronoun or conjunction opens the next sentence.
        return None
    verb: Token | None = None
    for token in doc[index : index + WINDOW]:
        if _ends_window(token):
            return None
        if (token.pos_ in ("VERB", "AUX") and not _is_auxiliary(token)) or _misread_cue(token):
            verb = token
            break
    if verb is None or subordinated(doc[index : verb.i]):
        return None
    if not is_cue_verb(verb, lexicon) and not (closed == "," and _signed_off(verb, index)):
        return None
    if any(c.dep_ == "neg" and c.i >= index for c in verb.children):
        # '“….” The campaign did not elaborate.': a cue denied reports nothing.
        return None
    if closed in (".", "?", "!") and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        # '“… over.” Kim said he would …' / 'Kim said: “…”': after a full stop, a cue with
        # its own complement reports what follows, not the quote before it.
        return None
    if closed in (".", "?", "!") and _has_own_object(verb, lexicon):
        # '“… this wall!” Conservatives still praise his refusal …': a verb that takes its
        # content as an object, with one of its own, opens a new sentence.
        return None
    beside = source_beside(verb, text, index)
    if beside is None:
        return None
    source, head = beside
    cue = cue_extent(verb, lexicon)
    return Found((0, 0), cue, source, head.i, verb.i, direct=True)


def _signed_off(verb: Token, first: int) -> bool:
    """``“…,” Dub detailed.``: a name or pronoun and a bare past-tense verb ending the sentence
    after a quote's comma report it, whether or not the verb is in the cue list."""
    doc = verb.doc
    speaker = doc[first : verb.i]
    return (
        0 < len(speaker) <= 3
        and all(t.pos_ in ("PROPN", "PRON") for t in speaker)
        and verb.tag_ == "VBD"
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text in (".", ";")
    )


def _misread_cue(token: Token) -> bool:
    """``“…,” the memo states.``: a cue the tagger read as a plural noun, ending the sentence."""
    doc = token.doc
    return (
        token.tag_ == "NNS"
        and token.lower_ in MISREAD_CUES
        and token.i > 0
        and doc[token.i - 1].pos_ in ("NOUN", "PROPN")
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in (".", ",", ";")
    )


def _has_own_object(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a cue that reports its object (``praise``, not ``say``) has one after it."""
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.nominal or lemma in lexicon.clausal:
        return False
    return any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def _glued_speaker(text: str, verb: Token) -> tuple[tuple[int, int], Token] | None:
    """``…,”Clinton said``: a name the tokenizer glued to the closing mark, read from the text."""
    if verb.i == 0:
        return None
    glued = verb.doc[verb.i - 1]
    found = [(text.rfind(c, glued.idx + 1, verb.idx), c) for c in CLOSING_MARKS]
    mark, closing = max(found)
    if mark < 0:
        return None
    match = GLUED_NAME.fullmatch(text, mark + len(closing), verb.idx)
    return (match.span(1), glued) if match is not None else None


def source_beside(
    verb: Token, text: str, first: int, in_quote: Sequence[bool] | None = None
) -> tuple[tuple[int, int], Token] | None:
    """The speaker written between a quote and its cue verb, else right after the verb.

    ``first`` is the first token after the quote; with ``in_quote`` it is found by
    walking back from the verb (see :func:`_stretch_start`).
    """
    glued = _glued_speaker(text, verb)
    if glued is not None:
        return glued
    doc = verb.doc
    if in_quote is not None:
        first = _stretch_start(doc, verb, in_quote)
    before = doc[first : verb.i]
    if before and before[-1].is_punct:
        # '"…," said Kim': an inverted subject after the cue, not the clause before the comma.
        after = postposed_subject(verb, min(len(doc), verb.i + WINDOW))
        objects = ("dobj", "dative", "pobj", "attr", "oprd", "npadvmod")
        if after is not None and not _ends_window(after) and after.dep_ not in objects:
            source = speaker_subtree(after, text)
            return (source, after) if source is not None else None
    subjects = [
        t for t in before
        if t.dep_ in ("nsubj", "nsubjpass") and first <= t.head.i < verb.i
        and t.tag_ not in ("WP", "WDT")
    ]
    if subjects and in_quote is not None:
        # "Kim seemed ready to riff, telling …": the clause before the cue has the speaker.
        source = source_span(subjects[0], text, in_quote)
        return (source, subjects[0]) if source is not None else None
    if any(t.pos_ == "CCONJ" for t in before) and not any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for t in before
    ):
        # '"…" - and underlined the county's role': a second predicate; what follows
        # the verb is its object, and its subject is the one it shares with the first.
        shared = source_of(verb)
        source = source_span(shared, text, in_quote) if shared is not None else None
        return (source, shared) if source is not None and shared is not None else None
    if len(before) == 1 and _capital_modal(before[0]):
        # '"…," Will wrote.' / '"…," May said.': a surname the tagger took for a modal.
        source = char_span(before, text)
        return (source, before[0]) if source is not None else None
    if any(t.pos_ in NOMINAL for t in before):
        words = [t for t in before if not _is_auxiliary(t) and t.pos_ != "ADV"]
        source = char_span(words, text)
        roots = [t for t in before if not (first <= t.head.i < verb.i) or t.head == t]
        nominal = [t for t in roots if t.pos_ in NOMINAL]
        head = nominal[0] if nominal else (roots[0] if roots else None)
        return (source, head) if source is not None and head is not None else None
    after = postposed_subject(verb, min(len(doc), verb.i + WINDOW))
    if after is None or _ends_window(after):
        return None
    source = speaker_subtree(after, text)
    return (source, after) if source is not None else None


def _capital_modal(token: Token) -> bool:
    """A capitalised modal in mid-sentence (``Will``, ``May``), which is then a name."""
    doc = token.doc
    return token.tag_ == "MD" and token.is_title and token.i > 0 and doc[token.i - 1].text in (
        ",", *QUOTE_MARKS, "''", "’"
    )


def _stretch_start(doc: Doc, verb: Token, in_quote: Sequence[bool]) -> int:
    """First word of the speaker before a cue that lacks a parsed subject, else ``verb.i``.

    The stretch runs back to a closing quotation mark, a paragraph or sentence start;
    an opening adverbial (``But in a call with reporters,``) is not the speaker.
    """
    first = verb.i
    while first > 0 and verb.i - first < BACK_WINDOW and not in_quote[first - 1]:
        if _ends_stretch(doc[first - 1]) or doc[first].is_sent_start:
            break
        first -= 1
    bounded = first == 0 or in_quote[first - 1] or _ends_stretch(doc[first - 1])
    if not (bounded or doc[first].is_sent_start) or verb.i - first >= BACK_WINDOW:
        return verb.i
    while first < verb.i and doc[first].pos_ in ("CCONJ", "ADV", "PUNCT", "SPACE"):
        first += 1
    if first < verb.i and doc[first].pos_ in ("ADP", "SCONJ"):
        commas = [t.i for t in doc[first : verb.i] if t.text == ","]
        # Only when a name follows the adverbial's comma: "In a statement, Kim said".
        if commas and any(t.pos_ == "PROPN" for t in doc[commas[0] + 1 : verb.i]):
            first = commas[0] + 1
    return first


def _ends_stretch(token: Token) -> bool:
    """A window's end, save brackets: ``Sen. Ann B. Marsh (D-Vt.), noting …, said``."""
    return _ends_window(token) and token.text not in BRACKETS


def leading_cue(doc: Doc, starts: Sequence[int], start: int, lexicon: CueLexicon) -> bool:
    """Whether a cue verb and a comma or colon come right before the quote (``said, “No.”``)."""
    index = first_token(starts, start)
    if index is None or index < 2:
        return False
    mark = doc[index - 1]
    return mark.text in (",", ":") and cue_before(doc[index - 2], lexicon) is not None


def colon_cue(
    doc: Doc, text: str, starts: Sequence[int], start: int, in_quote: list[bool],
    lexicon: CueLexicon,
) -> Found | None:
    """``As Tom Ridge put it: “…”``: the subject of the clause that a colon hands to the quote."""
    index = first_token(starts, start)
    if index is None:
        return None
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    if index < 1 or doc[index].text != ":" or in_quote[index]:
        return None
    verb = doc[index - 1]
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < index]
    while subjects and subjects[0].tag_ == "WP" and verb.dep_ in ("pcomp", "pobj", "ccomp"):
        # "The mayor has since regretted what occurred:": the clause the free relative is in.
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < index]
    if not subjects and verb.dep_ == "xcomp" and verb.i == index - 1:
        # "She went on to say:": the subject of the verb the infinitive completes.
        inherited = source_of(verb)
        subjects = [inherited] if inherited is not None and inherited.i < index else []
    reporter = _as_reported(doc[index], lexicon)
    if reporter is not None:
        verb, subjects = reporter
    elif subjects:
        # "The timing doesn't surprise pollster Dan Shaw:": the person the clause is about.
        experiencer = _experiencer(verb, subjects[0])
        subjects = [experiencer] if experiencer is not None else subjects
    if not subjects or in_quote[subjects[0].i] or subjects[0].pos_ not in NOMINAL:
        return None
    subject = subjects[0]
    cue = (verb.idx, verb.idx + len(verb.text))
    return Found((0, 0), cue, source_span(subject, text, in_quote), subject.i, verb.i, direct=True)


def _experiencer(verb: Token, subject: Token) -> Token | None:
    """A named object of a verb whose subject is a thing: ``surprise``, ``worry``, ``strike``."""
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return None
    named = [
        c for c in verb.children
        if c.dep_ == "dobj" and any(t.ent_type_ == "PERSON" for t in (c, *c.children))
    ]
    return named[0] if named else None


def _as_reported(colon: Token, lexicon: CueLexicon) -> tuple[Token, list[Token]] | None:
    """``As Pollak reported after the raid:``: the speaker of the sentence's opening as-clause."""
    sent = colon.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.lower_ != "as" or first.dep_ != "mark" or first.i > colon.i:
        return None
    verb = first.head
    if verb.i > colon.i or not is_cue_verb(verb, lexicon):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    return (verb, subjects) if subjects else None


def own_cue(
    doc: Doc, text: str, starts: Sequence[int], start: int, found: Found,
    in_quote: list[bool], lexicon: CueLexicon,
) -> Found:
    """``She said that …, to which O'Malley interjected: “…”``: a cue written right before the
    quote, with a comma or colon, reports it rather than an earlier cue whose clause holds it."""
    index = first_token(starts, start)
    if index is None or index < 2 or doc[index - 1].text not in (",", ":"):
        return found
    verb = cue_before(doc[index - 2], lexicon)
    if verb is None or in_quote[verb.i]:
        return found
    if found.cue_token is not None:
        outer = doc[found.cue_token]
        if outer.i >= verb.i:
            return found
        if verb.dep_ == "ccomp" and verb.head.i == outer.i:
            # "Trump said he responded: “…”": speech reported inside speech keeps the outer source.
            return found
    subject = source_of(verb)
    if subject is None or in_quote[subject.i]:
        return found
    source = source_span(subject, text, in_quote)
    return replace(
        found, cue=cue_extent(verb, lexicon), source=source, source_head=subject.i,
        cue_token=verb.i,
    )
