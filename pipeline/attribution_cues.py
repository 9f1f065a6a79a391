"""Reported speech found from the parse: cue verbs, their content, source and evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.attribution_lexicon import CueLexicon, cue_before, cue_extent

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
TRIM = " \n\t,;:—-–"
NOMINAL = ("PROPN", "PRON", "NOUN")
QUOTE_MARKS = "\"“”„‟«»"
# Words that may open the noun phrase of a speaker named after the cue ("said the former …").
MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "advmod", "poss", "case"})
TIMES = frozenset({"DATE", "TIME"})
# Capitalised words a title and name may run to after a cue.
TITLE_RUN = 7
# Cue verbs whose object is the person spoken to ("told reporters"), never the speaker.
ADDRESSED = frozenset({"tell", "inform", "assure", "remind", "urge", "advise", "brief"})


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


def source_span(
    token: Token, text: str, in_quote: Sequence[bool] | None = None
) -> tuple[int, int] | None:
    """A speaker's noun phrase: its subtree, cut at quoted words the parser hung on it."""
    left, right = token.left_edge.i, token.right_edge.i + 1
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


def source_of(verb: Token) -> Token | None:
    """The subject of a cue verb, inherited through xcomp/conj/advcl chains when it has none."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        agent = [c for c in current.children if c.dep_ == "agent"]
        if agent and current is verb and all(c.dep_ == "nsubjpass" for c in subjects):
            # "Kim was asked by host Lee, “…”": the passive's agent speaks, not its subject.
            subjects = []
        if subjects:
            # Two subjects mean a misparse across a quote: the one next to the verb speaks.
            at = current.i
            return min(subjects, key=lambda c: abs(c.i - at))
        if agent:
            objects = [c for c in agent[0].children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if current.dep_ == "xcomp":
            objects = [
                c for c in current.head.children
                if c.dep_ == "dobj" and c.i < current.i and c.pos_ in ("PROPN", "NOUN")
            ]
            if objects:
                # Object control: "This prompted the weekly to print a headline saying …".
                return objects[0]
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
            if (
                current.dep_ == "conj"
                and current.head.dep_ == "ccomp"
                and current.head.head.pos_ == "VERB"
                and current.head.head.lemma_ != "be"
                and current.head.i < current.i
            ):
                # "Kim said it was early but added …": the parser hung the second cue on the
                # reported clause; it goes with the reporting one.
                current = _reporting_clause(current.head)
            elif current.tag_ == "VBG" and current.dep_ == "advcl" and current.head.i < current.i:
                # "Kim said the deal was fair, adding …": the participle goes with the
                # reporting clause, however deep the parser hung it in the reported one.
                current = _reporting_clause(current.head)
            else:
                current = current.head
        elif current.dep_ == "pcomp" and current.head.dep_ == "prep":
            # "She responded by saying …": the subject of the verb the preposition hangs on.
            current = current.head.head
        else:
            return None
    return None


def _reporting_clause(verb: Token) -> Token:
    """The verb whose clausal complement ``verb`` is, climbing out of nested ``ccomp``s."""
    while verb.dep_ == "ccomp" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def speaker_of(verb: Token) -> Token | None:
    """The subject, else a name right next to the cue (``read one``, ``Bozell III, …, tells``)."""
    subject = source_of(verb)
    if subject is not None:
        return subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        sender = _sender(verb.head)
        if sender is not None:
            return sender
    sent = verb.sent
    after = postposed_subject(verb, sent.end)
    if after is not None:
        return after
    doc = verb.doc
    before = verb.i - 1
    while before >= sent.start and doc[before].pos_ in ("ADV", "AUX", "PART"):
        before -= 1
    if before > sent.start and doc[before].text == ")":
        # "Rep. Kim Lee (R-Ohio) said": the name before the bracketed affiliation.
        opening = next((i for i in range(before - 1, sent.start, -1) if doc[i].text == "("), None)
        before = opening - 1 if opening is not None else before
    if before >= sent.start and doc[before].pos_ in NOMINAL:
        token = doc[before]
        while token.head.i != token.i and token.head.i < verb.i and token.dep_ != "ROOT":
            if token.dep_ == "relcl" and token.head.pos_ in NOMINAL:
                # "an official who spoke to discuss strategy said": the noun the clause is on.
                return token.head
            token = token.head
        return token if token.pos_ in NOMINAL else doc[before]
    return None


def _sender(noun: Token) -> Token | None:
    """``She released a statement saying …``: who sent the message that says it."""
    for _ in range(3):
        head = noun.head
        if noun.dep_ in ("dobj", "dative", "npadvmod") and head.pos_ in ("VERB", "AUX"):
            return source_of(head)
        if noun.dep_ != "pobj" or head.lower_ != "to":
            return None
        # "sent an email to supporters saying …": the message, then the verb that sent it.
        noun = head.head
        if noun.pos_ in ("VERB", "AUX"):
            return source_of(noun)
    return None


def postposed_subject(verb: Token, limit: int) -> Token | None:
    """``said retired firefighter Gil Navarro``: the head of the noun phrase after the cue."""
    doc = verb.doc
    after = verb.i + 1
    if (
        after + 1 < len(doc)
        and doc[after].lower_ in ("one", "another")
        and doc[after + 1].text in (".", "!", "?")
    ):
        # '"…," read one.' / 'tweeted another.': a pronoun standing alone after the cue.
        return doc[after]
    while after < limit and after - verb.i <= 4 and doc[after].dep_ in MODIFIERS:
        after += 1
    if after >= limit or doc[after].pos_ not in NOMINAL or doc[after].ent_type_ in TIMES:
        return _titled_name(verb, limit)
    token = doc[after]
    if token.dep_ in ("npadvmod", "tmod"):
        return _titled_name(verb, limit)
    if any(t.tag_ == "WRB" or t.dep_ == "mark" for t in doc[verb.i + 1 : after]):
        # "said when Okafor asked": the subject of the next clause, not the cue's.
        return None
    if token.dep_ in ("dobj", "dative") and verb.lemma_.lower() in ADDRESSED:
        # "tells Valley Ledger News", "told reporters": the one spoken to, not the speaker.
        return None
    while (
        token.head.i > token.i
        and token.head.i - verb.i <= 8
        and token.head.pos_ in ("PROPN", "NOUN")
        and token.dep_ in ("compound", "amod", "nmod", "poss")
    ):
        token = token.head
    return token


def _titled_name(verb: Token, limit: int) -> Token | None:
    """``said Budget ranking Republican Thomas Reed.``: the full name that ends a run of
    title words after the cue, however the parser split the title."""
    doc = verb.doc
    index = verb.i + 1
    while index < min(limit, verb.i + 1 + TITLE_RUN) and _title_word(doc[index]):
        if doc[index].ent_type_ in TIMES:
            return None
        index += 1
    if index >= limit or index - verb.i < 3 or doc[index].text not in (".", ",", "(", ";"):
        return None
    last, first = doc[index - 1], doc[index - 2]
    named = first.pos_ == "PROPN" and last.pos_ == "PROPN" and first.is_title and last.is_title
    return last if named or last.ent_type_ == "PERSON" else None


def _title_word(token: Token) -> bool:
    """A word of a title and name: capitalised, or a lower-case noun or modifier (``ranking``)."""
    return token.text[:1].isupper() or (
        token.is_alpha and token.is_lower and token.pos_ in ("NOUN", "ADJ", "VERB")
    )


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


def content_of(verb: Token, lexicon: CueLexicon, text: str) -> tuple[int, int] | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" and lemma in lexicon.clausal:
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


def evidence_of(verb: Token, lexicon: CueLexicon, text: str) -> tuple[int, int] | None:
    """``based on data from X`` / ``citing X`` next to a cue: where the data came from."""
    doc = verb.doc
    for token in verb.subtree:
        for phrase in lexicon.evidence:
            if token.lower_ != phrase[0]:
                continue
            words = doc[token.i : token.i + len(phrase)]
            if len(words) == len(phrase) and all(
                w.lower_ == p for w, p in zip(words, phrase, strict=True)
            ):
                last = words[-1]
                objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
                if objects:
                    return subtree_span(objects[0], text)
    return None


def according(doc: Doc, text: str, lexicon: CueLexicon, in_quote: list[bool]) -> list[Found]:
    found: list[Found] = []
    for token in doc:
        for phrase in lexicon.according:
            if token.lower_ != phrase[0]:
                continue
            words = doc[token.i : token.i + len(phrase)]
            if len(words) != len(phrase) or in_quote[token.i]:
                continue
            if not all(w.lower_ == p for w, p in zip(words, phrase, strict=True)):
                continue
            objects = [c for c in words[-1].children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
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


def cue_attributions(
    doc: Doc, text: str, lexicon: CueLexicon, in_quote: list[bool]
) -> list[Found]:
    found: list[Found] = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or in_quote[token.i]:
            continue
        if not lexicon.is_cue(token.lemma_.lower()):
            continue
        content = content_of(token, lexicon, text)
        if content is None or not any(c.isalnum() for c in text[content[0] : content[1]]):
            continue
        content = snap_to_quotes(text, content)
        subject = speaker_of(token)
        source = source_span(subject, text, in_quote) if subject is not None else None
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


