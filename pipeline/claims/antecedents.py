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
  ``It plans`` or a ``They``) is the reported subject, at confidence ``REPORTED``; after a
  named subject that did something to a thing (``BankAmerica filed the offer.``), a passive
  ``It`` (``It was seen as …``) is that thing, the main verb's one object, also ``REPORTED``.

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

from pipeline.claims import phrases
from pipeline.claims.expletives import EVENT, EXPLETIVE
from pipeline.claims.phrases import NAMED, PERSON_NOUNS, SUBJECTS
from pipeline.contract import Claim, Edit
from pipeline.spans import Tokens, text_of, within_any

ANTECEDENT = 0.7
# A reported clause's subject over the speaker's (`X is designed …, the company said. It is
# …`), a role group written without its quantifier: read right, but one step less sure.
REPORTED = 0.6
# Sentences of `It said …` a chain goes back through, at most.
HOPS = 5
SUBJECT_PRONOUN = re.compile(r"\b(It|it|They|they)\b(?!['’]\w)")
# Verbs whose subject is someone, not a thing (`They said`, `They expect`).
SPEAKING = frozenset({
    "say", "tell", "add", "expect", "believe", "think", "note", "estimate", "predict", "warn",
    "claim", "argue", "insist", "deny", "agree", "report", "announce", "forecast",
})
# Verbs that describe their subject rather than have it act: `It is`, `It compares with`.
STATES = frozenset({
    "be", "compare", "include", "contain", "carry", "cover", "represent", "remain", "equal",
    "exceed", "total", "amount", "consist", "stand",
})


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
        if plural and (
            names := phrases.listed(before) or phrases.group_of(sentence, before)
        ) is not None:
            return Found(names, ANTECEDENT)  # `The three are A, B and C. They will …`
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
            t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN") and phrases.plural(t) == plural
            and (t.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in t.lefts))
            and _in_clause(t, before.root)
            for t in before
        )
        agreeing = [t for t in subjects if phrases.plural(t) == plural]
        # (`Podesta and Stern began negotiations. They …`: two subjects are a plural one, and
        # so is `He and his wife` or `they`.)
        if plural and not agreeing and not any(
            t.dep_ in SUBJECTS and (t.lower_ == "they" or any(c.dep_ == "conj" for c in t.children))
            for t in before
        ):
            # (`The firm sold the units. They said …`: whoever spoke, not the units.)
            speaks = token.head.lemma_.lower() in SPEAKING
            sole = None if speaks else phrases.sole_object(self.doc, before)
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
        if head.ent_type_ in NAMED and token.dep_ == "nsubjpass" and not plural and (
            (done_to := phrases.main_object(self.doc, before)) is not None
        ):
            return Found(done_to, REPORTED)  # `BankAmerica filed the offer. It was seen as …`
        # (`The Mac II`: a product's name is a noun phrase like any, as no entity here is.)
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in NAMED or (
            not plural and head.lemma_.lower() in PERSON_NOUNS
        ):
            return None
        if plural and (group := phrases.group(self.doc, head)) is not None:
            return Found(group, REPORTED)  # `Other company officials`: company officials
        written = phrases.phrase(self.doc, head)
        return None if written is None else Found(written, confidence)


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


def _in_clause(token: Token, root: Token) -> bool:
    """Whether the token's verb is the root or a clause under it, never inside a phrase."""
    at = token.head
    while at != root:
        if at.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis") or at.head == at:
            return False
        at = at.head
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
        if within_any(start, quoted) or any(
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
