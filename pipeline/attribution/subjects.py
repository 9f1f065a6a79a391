"""Who reports: the subject of a cue verb, or the speaker the parse left beside it."""

from __future__ import annotations

from spacy.tokens import Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
NOMINAL = ("PROPN", "PRON", "NOUN")
# Words that may open the noun phrase of a speaker named after the cue ("said the former …").
MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "advmod", "poss", "case"})
TIMES = frozenset({"DATE", "TIME"})
# Capitalised words a title and name may run to after a cue.
TITLE_RUN = 7
# Cue verbs whose object is the person spoken to ("told reporters"), never the speaker.
ADDRESSED = frozenset({"tell", "inform", "assure", "remind", "urge", "advise", "brief"})
# Verbs whose object is a means or a stretch of time, not an agent: "used her column to ask",
# "spent the day arguing" (subject control, unlike "prompted the paper to print").
INSTRUMENTAL = frozenset({"use", "spend", "take", "employ", "devote", "waste"})
# Words that open an adverbial before the subject: "Stung by the loss,", "In a statement,".
OPENERS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "ADV", "CCONJ", "PART"})
# Verbs of putting a message out: its author speaks through "an ad that says …".
PUBLISHED = frozenset({
    "release", "issue", "publish", "post", "run", "air", "launch", "unveil", "send", "add",
    "circulate", "tweet", "write", "file", "distribute",
})


# Verbs of showing a message one did not put out ("waved a sign saying …"); also "hold up".
DISPLAYED = frozenset({"wave", "wear", "display", "brandish"})


def source_of(verb: Token) -> Token | None:
    """The subject of a cue verb, inherited through xcomp/conj/advcl chains when it has none."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        agent = [c for c in current.children if c.dep_ == "agent"]
        if agent and current is verb and all(c.dep_ == "nsubjpass" for c in subjects):
            # "Kim was asked by host Lee, “…”": the passive's agent speaks, not its subject.
            subjects = []
        if current is not verb and any(c.lower_ == "it" for c in subjects) and any(
            c.dep_ == "acomp" for c in current.children
        ):
            # "It is important to note …": the dummy subject of an adjective says nothing.
            return None
        if subjects:
            # Two subjects mean a misparse across a quote: the one next to the verb speaks.
            at = current.i
            return min(subjects, key=lambda c: abs(c.i - at))
        if agent:
            objects = [c for c in agent[0].children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if current.dep_ == "xcomp" and current.head.lemma_.lower() not in INSTRUMENTAL:
            objects = [
                c for c in current.head.children
                if c.dep_ == "dobj" and c.i < current.i and c.pos_ in ("PROPN", "NOUN")
            ]
            if objects:
                # Object control: "This prompted the weekly to print a headline saying …".
                return objects[0]
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.i != current.i:
            # "Voters were more likely to say …": through the adjective to its clause's subject.
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
    """The verb whose clausal complement ``verb`` is, out of nested ``ccomp``/``xcomp``s."""
    while (
        verb.dep_ in ("ccomp", "xcomp") and verb.head.i < verb.i
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        verb = verb.head
    return verb


def speaker_of(verb: Token) -> Token | None:
    """The subject, else a name right next to the cue (``read one``, ``Bozell III, …, tells``)."""
    subject = source_of(verb)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        # "She released an ad that says …": whoever put the message out says it.
        noun = verb.head
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in PUBLISHED:
            sender = source_of(noun.head)
            if sender is not None:
                return sender
    if subject is not None:
        return subject
    if _infinitival_relative(verb):
        # "took the chance to say …", "had every reason to doubt …": the noun the
        # infinitive modifies is a means, and whoever has or uses it speaks.
        owner = _clause_of(verb.head)
        if owner is not None and source_of(owner) is not None:
            return source_of(owner)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        sender = _sender(verb.head)
        if sender is not None:
            return sender
        if verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.head.dep_ != "nsubj":
            # "Kim ended with a reference to the film, remarking …": a participle set off by a
            # comma goes with its clause's subject, not with the noun the parser hung it on.
            clause = _clause_of(verb.head)
            subject = source_of(clause) if clause is not None else None
            if subject is not None:
                return subject
        if verb.head.pos_ in NOMINAL and verb.head.i < verb.i:
            # "a group backing Kim": the noun the participle modifies does the backing.
            return verb.head
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
    return _fronted_subject(verb)


def _fronted_subject(verb: Token) -> Token | None:
    """A finite cue parsed with no subject: the noun phrase among the comma-separated
    stretches before it (``Sen. Ann Lee, facing a challenge, said …``)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "conj"):
        return None
    if any(c.dep_ in (*SUBJECTS, "expl") for c in verb.children):
        return None
    doc = verb.doc
    low = verb.sent.start
    stretches: list[tuple[int, int]] = []
    for token in doc[low : verb.i]:
        if token.text == ",":
            stretches.append((low, token.i))
            low = token.i + 1
    stretches.append((low, verb.i))
    if any(t.is_quote for t in doc[verb.sent.start : verb.i]):
        # Beside a quote the speaker is read from the words around it instead.
        return None
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        # "The files were moved, Ann Lee, the records clerk, wrote": what is reported
        # comes first, and the speaker is the run of noun phrases right before the cue.
        found = None
        for low, high in reversed(stretches):
            if all(t.is_space or t.is_punct for t in doc[low:high]):
                continue
            head = _noun_stretch(doc[low:high])
            if head is None:
                break
            found = head
        return found
    for low, high in stretches:
        words = [t for t in doc[low:high] if not (t.is_space or t.is_punct)]
        if not words:
            continue
        first = words[0]
        if first.pos_ in OPENERS or (first.pos_ == "PRON" and first.tag_ != "PRP$"):
            # "Stung by the loss,", "In a statement,": an opening adverbial.
            continue
        return _noun_stretch(doc[low:high])
    return None


def _noun_stretch(stretch: Span) -> Token | None:
    """The head of a stretch that is a noun phrase with a noun in it, else None."""
    words = [t for t in stretch if not (t.is_space or t.is_punct)]
    if not words or any(t.is_quote for t in stretch) or any(t.pos_ == "VERB" for t in words):
        return None
    first = words[0]
    if first.pos_ in OPENERS or (first.pos_ == "PRON" and first.tag_ != "PRP$"):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in words):
        return None
    roots = [t for t in words if t.head.i not in range(stretch.start, stretch.end) or t.head == t]
    return roots[0] if roots else None


def _infinitival_relative(verb: Token) -> bool:
    """``a chance to say``: a ``to``-infinitive modifying a noun."""
    return (
        verb.dep_ in ("acl", "relcl")
        and verb.tag_ == "VB"
        and verb.head.pos_ in ("NOUN", "PRON")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _clause_of(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through prepositions (``out of his way``)."""
    for _ in range(4):
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            return noun.head
        if noun.dep_ not in ("pobj", "prep"):
            return None
        noun = noun.head
        if noun.pos_ in ("VERB", "AUX"):
            return noun
    return None


def _sender(noun: Token) -> Token | None:
    """``She released a statement saying …``: who sent the message that says it."""
    for _ in range(3):
        head = noun.head
        if noun.dep_ in ("dobj", "dative", "npadvmod") and head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in DISPLAYED or (
                head.lemma_.lower() == "hold" and any(c.dep_ == "prt" for c in head.children)
            ):
                # "She held up a sign saying …": the sign speaks; she only shows it.
                return None
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
    if (
        after + 1 < len(doc)
        and doc[after].pos_ == "ADV"
        and doc[after].is_title
        and doc[after + 1].text in (",", ".", ";")
        and verb.i > 0
        and doc[verb.i - 1].is_punct
    ):
        # '"…," said Skelly, explaining': a surname the tagger read as an adverb.
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
    if (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.head.dep_ == "ccomp"
        and token.head.head == verb
        and token.head.i > token.i
        and not any(t.is_punct and not t.is_quote for t in doc[token.i + 1 : token.head.i])
    ):
        # "said he would come": the subject of the reported clause, not the speaker; one
        # cut from its verb by a comma ('…," said Kim, smiling') is an inverted speaker.
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
    if token.ent_type_ != "PERSON":
        # "said former Ohio Sen. and Carter confidant Tom Delano.": the parse took the
        # title for the head; the person the titles lead to is the one who spoke.
        named = _closing_name(verb, limit)
        if named is not None and named.i > token.i:
            return named
    return token


# Lower-case words that join a run of titles: "Sen. and Reagan confidant", "head of the union".
TITLE_JOINERS = frozenset({"and", "of", "the", "for", "to"})


def _closing_name(verb: Token, limit: int) -> Token | None:
    """The last word of a person's name that ends the run of titles after a cue."""
    doc = verb.doc
    index = verb.i + 1
    stop = min(limit, verb.i + 1 + 2 * TITLE_RUN)
    while index < stop and (_title_word(doc[index]) or doc[index].lower_ in TITLE_JOINERS):
        index += 1
    if index >= limit or doc[index].text not in (".", ",", ";", "("):
        return None
    last = doc[index - 1]
    named = last.ent_type_ == "PERSON" and doc[index - 2].ent_type_ == "PERSON"
    return last if named and last.is_title else None


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
