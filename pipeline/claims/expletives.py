"""An ``It`` that refers to nothing (``It is expected that``) or to an event rather than a
noun phrase (``It was the seventh consecutive month``): no edit writes a name in for either,
and the eval leaves the first out of its count."""

from __future__ import annotations

import re

BE = r"(?:\s+(?:is|was|(?:will|would|may|might|could|should|must)\s+be|ha[sd]\s+been)|['’]s)"
# One or two adverbs: `not`, `more`, `extremely`: whatever sits between `is` and the adjective.
ADVERBS = r"(?:(?:not|also|still|now|more|less|most|very|so|too|quite|extremely|highly)\s+){0,2}"
# `It is expected to rise`, `It is likely to`: raising, and `it` is the thing that will rise.
RAISING = r"(?!(?:expected|likely|unlikely|due|set|able|scheduled|projected|forecast|estimated|" \
    r"believed|thought|said|reported|certain|sure|bound|going|supposed|planned)\s)"
# An expletive `It` refers to nothing: `It` + be + an adjective or participle + a that/to/whether
# clause (`It is expected that`), `It` + be + a/an + noun + that (`It is an open secret that`),
# `It` + seem/appear + that or a clause's subject, `It` + strikes me + an adjective, `It` + a
# verb + a noun that takes a to-clause as its subject (`It serves no purpose to`).
EXPLETIVE = re.compile(
    r"^[\s\"'“‘]*It(?:"
    rf"{BE}\s+{ADVERBS}[a-z]+\s+(?:that|whether|if|how|why|what)\b"  # It is expected that
    rf"|{BE}\s+{ADVERBS}{RAISING}[a-z]+\s+(?:for\s+(?:\w+\s+){{1,3}})?to\s"  # important to …
    rf"|{BE}\s+an?\s+(?:[a-z]+\s+){{1,2}}(?:in\s+[A-Z]\w+\s+)?that\b"  # an open secret that
    r"|\s+(?:would\s+)?(?:seems?|seemed|appears?|appeared)\s+(?:to\s+me\s+)?"  # appeared the
    r"(?:that|as\s+if|as\s+though|the|a|an)\b"
    r"|\s+(?:strikes|struck)\s+(?:me|us)\s+(?:as\s+)?[a-z]+\b"  # It strikes me odd (that …)
    # It serves no purpose to, makes sense to, takes time to: a verb and the object noun that
    # takes a to-clause as the verb's real subject (extraposition, Quirk et al. 1985, 18.33).
    r"|\s+(?:(?:would|will|could|may|might|does|did|do)\s+(?:not\s+)?)?"
    r"(?:serves?|served|makes?|made|does|did|do|takes?|took|take|costs?|cost)\s+"
    r"(?:(?:no|little|any|more|less|much|some)\s+)?(?:purpose|sense|point|good|harm|use|time)"
    r"\s+(?:for\s+(?:\w+\s+){1,3})?to\s"
    r")"
)
# `It was the seventh consecutive month`, `It is the first time`: the event, no noun phrase.
EVENT = re.compile(
    rf"^[\s\"'“‘]*It(?:{BE}|\s+(?:marks|marked))\s+the\s+(?:[a-z]+\s+){{0,2}}"
    r"(?:time|day|week|month|quarter|year|session)s?\b"
)
