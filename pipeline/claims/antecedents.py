"""A subject ``It``/``They`` that continues the definite noun phrase the sentence before opened
with: ``The Dow index rose 12 points. It closed at …`` → ``The Dow index closed at …``.

The rule is strict and read on the parse (no guess where it does not hold):

* the pronoun is the subject (``nsubj``/``nsubjpass``, never ``expl``) and the first word of
  its sentence, and not an expletive by ``EXPLETIVE`` (the rule the eval leaves out) nor an
  event by ``EVENT`` (``It was the seventh consecutive month``: no noun phrase is that);
* the previous sentence has one subject of the same number and it is a noun (not a person,
  organisation or place the entity stage named, though a name may qualify it: ``FmHA farm
  borrowers``; a product's name may be it) opened by ``the`` or a name's (``Acme's stock``),
  a mass noun its ``of`` phrase makes definite (``Production of cocoa in Indonesia``), or for
  ``They`` a plural with no determiner or quantity (``DAT players``) but a count in figures
  (``About 15,000 miners``): ``It`` takes a singular noun that is no person (``the
  chairman``), ``They`` a plural one;
* a ``They`` for people counted loosely (``Few analysts``, ``Other company officials``) names
  them without the words that relate them to others (``Analysts``, ``Company officials``);
* where the main verb of that sentence has ``It`` (``They``) as its subject, the chain goes
  on through it (``The survey said … It said the rise was small. It said …`` is the
  survey, never the rise);
* that sentence has no other subject of the same number (a subject of an adverbial clause,
  ``if the price does not exceed par``, or one inside the main subject's own phrase, ``The
  Mac SE, which Apple says …``, does not compete with the main clause's where no object of
  that number does: ``printed a table showing …``; a plural tag with a singular verb, ``The
  peso has been``, is one; for ``It``, a person is no rival: ``Kaunda said the system had
  faltered``); where that one subject is not the main verb's (``Analysts said the plan …``),
  no direct object of the same number with a determiner or owner in a clause either (one
  inside a phrase, ``no proposals for closing the deficit``, is none). Of a speaker and the
  subject of what it said (``X is designed …, the company said.``), an ``It`` that is only
  described (``It is``, ``It was suspended``, ``It compares``: ``STATES``; never ``It said``,
  ``It plans`` or a ``They``) is the reported subject, at confidence ``REPORTED``.

The replacement is the article's own words, from ``the`` to the noun (and an ``of`` phrase
after it, up to ``LONGEST`` words); it carries confidence ``ANTECEDENT`` (``REPORTED`` for a
group written without its quantifier). A ``They`` after a sentence that lists a group by name,
as many as it counts (``The three are A, B and C.``, each holding a named entity), is the names
listed, without ticker brackets; ``They are A, B, …`` after ``the nine banks`` with nine names
listed is that group; a ``They`` whose sentence before has no plural subject is that
sentence's one plural noun (a quantity's unit aside) when it is the main verb's object, and
never for ``They said`` (``SPEAKING``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.claims.expletives import EVENT, EXPLETIVE
from pipeline.contract import Claim, Edit
from pipeline.spans import Tokens, text_of

ANTECEDENT = 0.7
# A reported clause's subject over the speaker's (`X is designed …, the company said. It is
# …`), a role group written without its quantifier: read right, but one step less sure.
REPORTED = 0.6
LONGEST = 8
# Sentences of `It said …` a chain goes back through, at most.
HOPS = 5
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
SUBJECT_PRONOUN = re.compile(r"\b(It|it|They|they)\b(?!['’]\w)")
# Nouns for people: `It` never stands for them (`The chairman resigned. It said …`).
PERSON_NOUNS = frozenset({
    "man", "woman", "person", "official", "spokesman", "spokeswoman", "minister", "president",
    "chairman", "chairwoman", "director", "executive", "analyst", "economist", "trader",
    "dealer", "banker", "source", "governor", "secretary", "judge", "lawyer", "leader", "chief",
    "head", "member", "buyer", "seller", "investor", "owner", "worker", "farmer", "partner",
})
# Words that count a group loosely: no bare plural opens with them (`Few shares`); a group of
# people they open is written in without the ones that relate it to another (`RELATING`).
QUANTIFIERS = frozenset({
    "few", "many", "several", "some", "other", "most", "more", "numerous", "various", "certain",
    "fewer", "all", "both", "two", "three", "four", "five",
})
# `Few analysts`, `Other company officials`: words that only relate the group to another,
# dropped from the group a `They` names (`Some analysts` keeps its `Some`).
RELATING = frozenset({"few", "fewer", "other"})
# Verbs whose subject is someone, not a thing (`They said`, `They expect`).
SPEAKING = frozenset({
    "say", "tell", "add", "expect", "believe", "think", "note", "estimate", "predict", "warn",
    "claim", "argue", "insist", "deny", "agree", "report", "announce", "forecast",
})
# `The three are A, B and C.`: a group listed by name.
COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
LISTED = re.compile(
    rf"\s*(?:[Tt]he|[Tt]hese|[Tt]hose|[Aa]ll)\s+({'|'.join(COUNTS)})(?:\s+[a-z]+)?\s+"
    r"(?:are|were)\s+([A-Z<].*?)\.?\s*",
    re.DOTALL,
)
# Verbs that describe their subject rather than have it act: `It is`, `It compares with`.
STATES = frozenset({
    "be", "compare", "include", "contain", "carry", "cover", "represent", "remain", "equal",
    "exceed", "total", "amount", "consist", "stand",
})
# `They are A, B, …`: the group a count names, listed in the sentence of the `They`.
ARE = re.compile(r"\s*They\s+(?:are|were|include|included)\s+([A-Z<].*?)\.?\s*", re.DOTALL)
TICKER = re.compile(r"\s*<[A-Z0-9]+\.[A-Z]+>")


@dataclass(frozen=True)
class Found:
    """The words a pronoun stands for, and how sure the rule that found them is."""

    words: str
    confidence: float


class Antecedents:
    """The parse of one article, read for the definite noun phrases subjects continue."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)  # doc.text makes a Token object per token on every read
        # Tokens by offset, their starts read in C: a dict of every Token cost more than the rule.
        self.tokens = Tokens(doc)

    def find(self, pos: int, hops: int = 0) -> Found | None:
        """The words a subject ``It``/``They`` at ``pos`` stands for, under the module's rule
        (``hops``: sentences of ``It said`` already gone back through)."""
        token = self.tokens.at(pos)
        words = self.text[pos : pos + 80]
        opening = words[:1].upper() + words[1:]
        if token is None or token.dep_ not in SUBJECTS or EXPLETIVE.match(opening) or (
            EVENT.match(opening)
        ):
            return None
        sentence = token.sent
        if any(t.is_alpha for t in self.doc[sentence.start : token.i]):
            return None  # not the sentence's first word
        before = _previous(self.doc, sentence)
        if before is None:
            return None
        plural = token.lower_ == "they"
        if plural and (listed := _listed(before) or _group_of(sentence, before)) is not None:
            return Found(listed, ANTECEDENT)  # `The three are A, B and C. They will …`
        # `It said the rise was small. It said …`: the main clause's own `It` goes on, and
        # stands for what it stood for.
        going_on = [t for t in before if t.dep_ in SUBJECTS and t.head == before.root
                    and t.lower_ == token.lower_]
        if going_on:
            return self.find(going_on[0].idx, hops + 1) if hops < HOPS else None
        subjects = [
            t for t in before
            if t.dep_ in SUBJECTS and t.pos_ != "PRON" and t.tag_ not in ("WDT", "WP", "PRP")
            and t.lower_ not in ("it", "they")  # `(It) appears`: tagged a noun in brackets
            # `It` is never a person: `Azpurua said the government plans …` has one rival less.
            and (plural or not (t.ent_type_ == "PERSON" or t.lemma_.lower() in PERSON_NOUNS))
        ]
        # An object of the same number that refers (a determiner or owner: `sugar`, `1.7
        # billion dlrs` set up none) is a rival to a subject below the root (`He said the
        # airline cut its borrowing. It is …`) and to the main subject over an adverbial's.
        # Only an object of a clause counts, not one inside a phrase (`had no proposals for
        # closing the deficit`: the deficit is no rival to the budget).
        objects = any(
            t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN") and _plural(t) == plural
            and (t.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in t.lefts))
            and _in_clause(t, before.root)
            for t in before
        )
        agreeing = [t for t in subjects if _plural(t) == plural]
        # (`Podesta and Stern began negotiations. They …`: two subjects are a plural one, and
        # so is `He and his wife` or `they`.)
        if plural and not agreeing and not any(
            t.dep_ in SUBJECTS and (t.lower_ == "they" or any(c.dep_ == "conj" for c in t.children))
            for t in before
        ):
            # (`The firm sold the units. They said …`: whoever spoke, not the units.)
            speaks = token.head.lemma_.lower() in SPEAKING
            sole = None if speaks else _sole_object(self.doc, before)
            return None if sole is None else Found(sole, ANTECEDENT)
        confidence = ANTECEDENT
        if not objects:
            agreeing = _main_over_adverbial(agreeing, before.root)
            if (reported := _reported(agreeing, before.root, token)) is not None:
                agreeing, confidence = [reported], REPORTED
        if len(agreeing) != 1:
            return None
        head = agreeing[0]
        if head.head != before.root and objects:
            return None
        # (`The Mac II`: a product's name is a noun phrase like any, as no entity here is.)
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in NAMED or (
            not plural and head.lemma_.lower() in PERSON_NOUNS
        ):
            return None
        if plural and (group := _group(self.doc, head)) is not None:
            return Found(group, REPORTED)  # `Other company officials`: company officials
        phrase = _phrase(self.doc, head)
        return None if phrase is None else Found(phrase, confidence)


def _sole_object(doc: Doc, sentence: Span) -> str | None:
    """``The bid valued the shares at 100 pesos. They traded …``: with no plural subject
    before, the one plural noun there (a quantity's unit aside), the main verb's object."""
    plurals = [
        t for t in sentence if _plural(t) and t.dep_ not in ("compound", "amod")
        and not any(c.dep_ == "nummod" for c in t.children)
    ]
    if len(plurals) != 1 or plurals[0].dep_ != "dobj" or plurals[0].head != sentence.root:
        return None
    head = plurals[0]
    if head.pos_ != "NOUN" or head.ent_type_ in NAMED:
        return None
    return _phrase(doc, head)


def _listed(sentence: Span) -> str | None:
    """``The three are A, B and C.``: the names listed, as many as the number says, each
    holding a named entity; in the article's words, without ticker brackets."""
    found = LISTED.fullmatch(sentence.text)
    if found is None:
        return None
    items = re.split(r",\s*(?:and\s+)?|\s+and\s+", found.group(2))
    if len(items) != COUNTS.index(found.group(1)) + 2:
        return None
    start = sentence.start_char + found.start(2)
    text = text_of(sentence.doc)  # once: doc.text is rebuilt from every token on each read
    spans, at = [], start
    for item in items:
        at = text.index(item, at)
        spans.append((at, at + len(item)))
        at += len(item)
    named = [e for e in sentence.ents if e.label_ in NAMED]
    if not all(any(s <= e.start_char < end for e in named) for s, end in spans):
        return None
    names = [" ".join(TICKER.sub("", item).replace("<", "").replace(">", "").split())
             for item in items]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _group_of(sentence: Span, before: Span) -> str | None:
    """``… the nine banks have … They are A, B, …, and I.``: the group the sentence before
    counts, where the ``They`` sentence lists as many, each holding a named entity."""
    found = ARE.fullmatch(sentence.text)
    if found is None:
        return None
    items = [i for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", found.group(1)) if i.strip()]
    named = [e for e in sentence.ents if e.label_ in NAMED]
    start = sentence.start_char + found.start(1)
    if len(items) < 2 or len(named) < len(items) or named[0].start_char < start:
        return None
    count = COUNTS[len(items) - 2] if len(items) - 2 < len(COUNTS) else str(len(items))
    groups = [
        t for t in before if _plural(t) and any(
            c.dep_ == "nummod" and c.lower_ in (count, str(len(items))) for c in t.children
        ) and t.left_edge.lower_ == "the"
    ]
    if len({t.lemma_ for t in groups}) != 1:
        return None
    return _phrase(before.doc, groups[-1])


def _reported(agreeing: list[Token], root: Token, pronoun: Token) -> Token | None:
    """``X is designed …, the company said. It is compatible …``: a reported clause's subject,
    not the speaker's, is what a sentence that says no more of speaking goes on about."""
    verb = pronoun.head.lemma_.lower()
    # Only an `It` that is described (`is compatible`, `was suspended`, `compares with`): one
    # that acts (`It plans`) or speaks may well be the speaker, and `They call for` its people.
    described = pronoun.dep_ == "nsubjpass" or verb in STATES
    if len(agreeing) != 2 or root.lemma_.lower() not in SPEAKING or pronoun.lower_ != "it" or (
        not described
    ):
        return None
    main = [t for t in agreeing if t.head == root]
    inner = [t for t in agreeing if t.head.dep_ == "ccomp" and t.head.head == root]
    return inner[0] if len(main) == 1 and len(inner) == 1 else None


def _group(doc: Doc, head: Token) -> str | None:
    """``Few analysts``, ``Other company officials``: a group of people the ``They`` names,
    written without the words that relate it to another group (``RELATING``)."""
    left = head.left_edge
    if head.lemma_.lower() not in PERSON_NOUNS or left.lower_ not in QUANTIFIERS:
        return None
    words = list(doc[left.i : head.i + 1])
    while words and words[0].lower_ in RELATING:
        words.pop(0)
    if not words or any(
        t.dep_ not in ("compound", "amod", "det", "nummod") or t.is_punct for t in words[:-1]
    ):
        return None
    return " ".join(text_of(doc)[words[0].idx : head.idx + len(head.text)].split())


def _in_clause(token: Token, root: Token) -> bool:
    """Whether the token's verb is the root or a clause under it, never inside a phrase."""
    at = token.head
    while at != root:
        if at.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis") or at.head == at:
            return False
        at = at.head
    return True


def _counted(token: Token, head: Token) -> bool:
    """``About 15,000 miners``: the count in figures (and the words that round it)."""
    if token.dep_ == "nummod" and token.head == head:
        return any(c.isdigit() for c in token.text)
    return token.dep_ in ("quantmod", "advmod") and token.head.dep_ == "nummod" and any(
        c.isdigit() for c in token.head.text
    )


def _plural(token: Token) -> bool:
    """A plural noun; a subject agrees with its verb (`The peso has been`, tagged plural: one)."""
    if token.tag_ not in ("NNS", "NNPS"):
        return False
    if token.dep_ in SUBJECTS:
        verbs = [c for c in token.head.children if c.dep_ in ("aux", "auxpass")][:1]
        finite = verbs[0] if verbs else token.head
        return not (finite.tag_ == "VBZ" or finite.lower_ == "was")
    return True


def _main_over_adverbial(subjects: list[Token], root: Token) -> list[Token]:
    """The main clause's subject alone, where the others are subjects of adverbial clauses
    (`… retired if the price does not exceed par`): centering ranks a main clause's subject
    above a subordinate clause's, while a reported clause's (`said the index rose`) competes."""
    main = [t for t in subjects if t.head == root]
    if len(main) != 1 or len(subjects) == 1:
        return subjects
    own = range(main[0].left_edge.i, main[0].right_edge.i + 1)  # `which Apple says`, `(SE …)`
    if all(t == main[0] or _in_adverbial(t, root) or t.i in own for t in subjects):
        return main
    return subjects


def _in_adverbial(token: Token, root: Token) -> bool:
    """Whether the token sits in an adverbial clause (``advcl``) of the root."""
    while token.head != token and token != root:
        if token.dep_ == "advcl" and token.head == root:
            return True
        token = token.head
    return False


def _previous(doc: Doc, sentence: Span) -> Span | None:
    """The sentence before, skipping runs of white space the parser made sentences of."""
    at = sentence.start
    while at > 0:
        before = doc[at - 1].sent
        if any(t.is_alpha for t in before):
            return before
        at = before.start
    return None


def _phrase(doc: Doc, head: Token) -> str | None:
    """``the`` … the noun (and its ``of`` phrase), as the article wrote them; or a name's
    (``Acme's stock``); or, for ``They``, a plural with no determiner at all (``DAT players``)."""
    left = head.left_edge
    the = left.lower_ == "the" and left.dep_ == "det"
    # `Acme's stock`: the owner is named (a noun or a name, never `its`/`their`).
    owner = [c for c in head.lefts if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    bare = _plural(head) and all(
        (t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ")
         and t.lower_ not in QUANTIFIERS)
        or _counted(t, head)
        for t in doc[left.i : head.i]
    )
    inside = doc[left.i : head.i + 1]
    of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1]
    # `Production of cocoa in Indonesia`: a mass noun its of-phrase makes definite.
    mass = head.tag_ == "NN" and left == head and bool(of)
    # (A name may qualify the noun, `FmHA farm borrowers`, but not be it.)
    if not (the or owner or bare or mass) or any(t.is_punct for t in inside) or (
        not owner and any(t.ent_type_ in NAMED and t.dep_ != "compound" for t in inside)
    ):
        return None
    end = head
    if of and of[0].right_edge.i - left.i < LONGEST and not any(
        t.is_punct for t in doc[of[0].i : of[0].right_edge.i + 1]
    ):
        end = of[0].right_edge
        # `Production of cocoa in Indonesia`: the place the parse hung on the head goes too.
        place = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "in"
                 and c.i == end.i + 1 and c.right_edge.ent_type_ in ("GPE", "LOC")
                 and c.right_edge.head == c]
        if place:
            end = place[0].right_edge
    if end.i - left.i >= LONGEST:
        return None
    words = " ".join(text_of(doc)[left.idx : end.idx + len(end.text)].split())
    return "the" + words[3:] if the else words


def antecedent_edits(
    claim: Claim,
    antecedents: Antecedents | None,
    quoted: Sequence[tuple[int, int]],
    taken: Sequence[Edit],
) -> list[Edit]:
    """An edit for each subject ``It``/``They`` outside quotes no other edit resolved."""
    if antecedents is None:
        return []
    edits = []
    for m in SUBJECT_PRONOUN.finditer(claim.text):
        start, end = m.span()
        if any(s <= start < e for s, e in quoted) or any(
            e.start < end and start < e.end for e in taken
        ):
            continue
        found = antecedents.find(claim.start + start)
        if found is None:
            continue
        words = found.words
        replacement = words[0].upper() + words[1:] if m.group(1)[0].isupper() else words
        edits.append(Edit(start, end, m.group(0), replacement, "antecedent", found.confidence))
    return edits
