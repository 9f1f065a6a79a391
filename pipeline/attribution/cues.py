"""Reported speech found from the parse: cue verbs, their content, source and evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from pipeline.attribution.lexicon import CueLexicon, cue_before, cue_extent
from pipeline.attribution.subjects import SUBJECTS, speaker_of

TRIM = " \n\t,;:—-–"
QUOTE_MARKS = "\"“”„‟«»"


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution before speaker resolution, with token indices for the resolver."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None  # token index
    cue_token: int | None
    evidence: tuple[int, int] | None = None
    direct: bool = False


# Where words were said or written: "in an email", "on a conference call", not who said them.
MEDIA = frozenset({
    "email", "e-mail", "statement", "interview", "call", "tweet", "post", "letter", "text",
    "message", "release", "speech", "briefing", "conference", "appearance", "memo", "podcast",
    "broadcast", "op-ed", "column", "video", "remarks",
})

# Words that open a clause of time, not a relative clause, after a speaker's name.
TIME_OPENERS = frozenset({"when", "after", "while", "before", "once", "as"})


def char_span(tokens: Sequence[Token] | Span, text: str) -> tuple[int, int] | None:
    """Character extent of contiguous tokens, trimmed of surrounding punctuation and blanks."""
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM + ".":
        end -= 1
    return (start, end) if end > start else None


def subtree_span(
    token: Token, text: str, exclude: Token | None = None
) -> tuple[int, int] | None:
    """Span of a token's subtree; the part on the longer side of ``exclude``'s subtree if given."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i + 1
    if exclude is not None and left <= exclude.i < right:
        ex_l, ex_r = exclude.left_edge.i, exclude.right_edge.i + 1
        if ex_l - left >= right - ex_r:
            right = ex_l
        else:
            left = ex_r
    return char_span(doc[left:right], text)


def speaker_subtree(speaker: Token, text: str) -> tuple[int, int] | None:
    """A speaker's subtree, without where or when the words were said (``, in an email``)."""
    right = medium_start(speaker, speaker.right_edge.i + 1)
    return char_span(speaker.doc[speaker.left_edge.i : right], text)


def medium_start(speaker: Token, right: int) -> int:
    """Where ``, in an email`` or ``, when asked …`` begins after a speaker's name (else
    ``right``): where or when the words were said, not who said them."""
    doc = speaker.doc
    for child in speaker.rights:
        start = child.left_edge.i
        if start == 0 or doc[start - 1].text != ",":
            continue
        medium = child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() in MEDIA
            for g in child.children
        )
        # A "when asked …" the parser took for a relative clause on the name.
        when = child.dep_ in ("relcl", "acl", "advcl") and doc[start].lower_ in TIME_OPENERS
        if medium or when:
            return min(right, start - 1)
    return right


def source_span(
    token: Token, text: str, in_quote: Sequence[bool] | None = None, cue: Token | None = None
) -> tuple[int, int] | None:
    """A speaker's noun phrase: its subtree, cut at quoted words the parser hung on it."""
    left, right = token.left_edge.i, medium_start(token, token.right_edge.i + 1)
    if cue is not None and token.i < cue.i < right:
        # "a group backing Kim": the noun phrase ends where the cue that modifies it begins.
        right = cue.i
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        # "Okafor, who is running and who shook hands": the second of two relative clauses.
        clause = clause.head
    if token.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" and clause.head.i < token.i:
        # "Mike Lee, who declared": the pronoun with the noun phrase it stands for.
        antecedent = clause.head
        left, right = min(antecedent.left_edge.i, token.i), token.i + 1
    if in_quote is not None and not in_quote[token.i]:
        # A closing mark or quoted words attached to the subject are the quote's, not its.
        low, high = token.i, token.i + 1
        while low > left and not in_quote[low - 1]:
            low -= 1
        while high < right and not in_quote[high]:
            high += 1
        left, right = low, high
    span = char_span(token.doc[left:right], text)
    if span is None:
        return None
    start, end = span
    while start < end and text[start] in QUOTE_MARKS + "'‘’":
        start += 1
    while end > start and text[end - 1] in QUOTE_MARKS + "'‘’" + TRIM:
        end -= 1
    return (start, end) if end > start else None


def subordinated(words: Iterable[Token]) -> bool:
    """Whether the words open a subordinate clause (``since``, ``if``), which reports nothing.

    ``"…," since the cases were decided`` / ``‘No Clue’ If Aides Would Have Warned``: the verb after
    them is not the quote's cue; ``as Kim said`` and ``that`` do introduce one.
    """
    return any(t.dep_ == "mark" and t.lower_ not in ("as", "that") for t in words)


def own_words(verb: Token) -> list[Token]:
    """The verb's own dependents and its subject's (where a parser may hang ``since``)."""
    children = list(verb.children)
    return children + [c for s in children if s.dep_ in ("nsubj", "nsubjpass") for c in s.children]


def _named_as(verb: Token, children: list[Token]) -> Token | None:
    """``what she called a giveaway``: with a relative word for object, what the cue names it."""
    if not any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < verb.i for c in children):
        return None
    for child in children:
        if child.i > verb.i and child.dep_ in ("oprd", "xcomp", "attr"):
            return child
        if child.i > verb.i and child.dep_ == "prep" and child.lower_ == "as":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def content_of(verb: Token, lexicon: CueLexicon, text: str) -> tuple[int, int] | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    named = _named_as(verb, children)
    if named is not None:
        return subtree_span(named, text)
    for child in children:
        if child.dep_ == "ccomp" and lemma in lexicon.clausal:
            if child.i > verb.i and child.left_edge.i < verb.i:
                # "the plan, which she said would fail": the relative word, fronted out of the
                # reported clause, leaves it; what is reported follows the cue.
                return char_span(verb.doc[verb.i + 1 : child.right_edge.i + 1], text)
            return subtree_span(child, text)
    for child in children:
        if child.dep_ == "xcomp" and lemma in lexicon.xcomp:
            return subtree_span(child, text)
    preps = lexicon.nominal_preps.get(lemma, frozenset())
    for child in children:
        if child.dep_ in ("dobj", "dative") and lemma in lexicon.nominal:
            return subtree_span(child, text)
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return subtree_span(objects[0], text)
    own_subject = any(c.dep_ in SUBJECTS for c in children)
    trailing = verb.dep_ in ("conj", "advcl") and own_subject and verb.head.i < verb.i
    # "…," Ellison said when Okafor asked him: the clause hangs off a cue of its own.
    # "…," since the cases were decided: a subordinate clause's verb reports nothing.
    reported = not lexicon.is_cue(verb.head.lemma_.lower()) and not subordinated(own_words(verb))
    if (verb.dep_ == "parataxis" or (trailing and reported)) and lemma in lexicon.clausal:
        # "The deal is fair, he said": the cue hangs off the clause it reports.
        return subtree_span(verb.head, text, exclude=verb)
    return None


def phrases_at(token: Token, phrases: Sequence[tuple[str, ...]]) -> Iterator[Span]:
    """Each of ``phrases`` that the words from ``token`` on spell, lowercased, in table order."""
    lower = token.lower_  # read once: each read builds a new string
    doc = token.doc
    for phrase in phrases:
        if lower != phrase[0]:
            continue
        words = doc[token.i : token.i + len(phrase)]
        if len(words) == len(phrase) and all(
            w.lower_ == p for w, p in zip(words, phrase, strict=True)
        ):
            yield words


def evidence_of(verb: Token, lexicon: CueLexicon, text: str) -> tuple[int, int] | None:
    """``based on data from X`` / ``citing X`` next to a cue: where the data came from."""
    for token in verb.subtree:
        for words in phrases_at(token, lexicon.evidence):
            objects = [c for c in words[-1].children if c.dep_ in ("pobj", "dobj")]
            if objects:
                return subtree_span(objects[0], text)
    return None


_VERBS = (VERB, AUX)


def tokens_where(doc: Doc, attr: int, values: Sequence[int]) -> Iterator[Token]:
    """The tokens whose ``attr`` id is one of ``values``, in order.

    One array test over the Doc: iterating it builds a Token object for every word.
    """
    if not len(doc):
        return
    column = numpy.asarray(doc.to_array(attr), dtype=numpy.uint64).reshape(-1)
    wanted = numpy.array(sorted(set(values)), dtype=numpy.uint64)
    for i in numpy.flatnonzero(numpy.isin(column, wanted)).tolist():
        yield doc[i]


def according(doc: Doc, text: str, lexicon: CueLexicon, in_quote: list[bool]) -> list[Found]:
    found: list[Found] = []
    for token in tokens_where(doc, LOWER, [get_string_id(p[0]) for p in lexicon.according]):
        if in_quote[token.i]:
            continue
        for words in phrases_at(token, lexicon.according):
            objects = [c for c in words[-1].children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
            if token.lower_ in lexicon.rate_words and is_rate(token, source):
                continue
            content = subtree_span(token.sent.root, text, exclude=token)
            if content is None:
                continue
            found.append(
                Found(
                    content,
                    (words[0].idx, words[-1].idx + len(words[-1].text)),
                    source_span(source, text, in_quote),
                    source.i,
                    token.i,
                )
            )
    return found


# Determiners of a rate's unit, not of a source: "per every 1,000 voters", "per each share".
RATE_DETERMINERS = frozenset({"every", "each", "a", "an"})


def is_rate(word: Token, unit: Token) -> bool:
    """``1,750 dlrs per tonne``, ``priced per CWT``: ``per`` inside a clause divides.

    A cited source stands apart, after a comma or opening the sentence, and is a name or a
    determined noun (``…, per Reuters``, ``Per the filing, …``).
    """
    before = word.doc[word.i - 1] if word.i > word.sent.start else None
    if before is not None and not before.is_punct:
        return True
    determiners = [
        c for c in unit.children if c.dep_ in ("det", "poss") and c.lower_ not in RATE_DETERMINERS
    ]
    return unit.pos_ != "PROPN" and not determiners


def cue_attributions(
    doc: Doc, text: str, lexicon: CueLexicon, in_quote: list[bool]
) -> list[Found]:
    found: list[Found] = []
    for token in tokens_where(doc, POS, _VERBS):
        if in_quote[token.i]:
            continue
        if not lexicon.is_cue(token.lemma_.lower()):
            continue
        content = content_of(token, lexicon, text)
        if content is None or not any(c.isalnum() for c in text[content[0] : content[1]]):
            continue
        content = snap_to_quotes(text, content)
        subject = speaker_of(token)
        source = source_span(subject, text, in_quote, token) if subject is not None else None
        if source is not None and content[0] < source[0] < content[1] <= token.idx:
            # "The files were moved, Ann Lee, the records clerk, wrote": the parse hung the
            # speaker on the end of what is reported; the content stops before the speaker.
            content = (content[0], source[0])
            while content[1] > content[0] and text[content[1] - 1] in TRIM:
                content = (content[0], content[1] - 1)
        if source is not None and content[0] <= source[0] < content[1]:
            source = None
        found.append(
            Found(
                content,
                cue_extent(token, lexicon),
                source,
                subject.i if subject is not None else None,
                token.i,
                evidence_of(token, lexicon, text),
            )
        )
    return found


def snap_to_quotes(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a clause to the quotation marks around it: ``says “…”`` quotes, so it is direct."""
    start, end = span
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    elif end + 1 < len(text) and text[end] in ".,!?" and text[end + 1] in QUOTE_MARKS:
        end += 2
    return start, end


def after_cue(doc: Doc, start: int, lexicon: CueLexicon) -> bool:
    """Whether the quote opening at ``start`` directly follows a cue verb (``says “…”``)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or token.start == 0:
        return False
    return cue_before(doc[token.start - 1], lexicon) is not None


