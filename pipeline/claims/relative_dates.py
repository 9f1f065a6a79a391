"""Relative dates written out for standalone claims: ``said Tuesday`` → ``said on Tuesday, 22
August 2017``, ``last month`` → ``in July 2017``, ``in the last year`` → ``in the year to 23
August 2017``; inside quotation marks the value goes in square brackets after the words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.contract import Claim, DateMention, Edit
from pipeline.spans import within_any

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
ORDINALS = ("first", "second", "third", "fourth")
RELATIVE = re.compile(
    r"\b(today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|(last|next|this|previous|past|coming|current) (week|month|year|quarter)"
    # `last December`: a month named relative to the day of writing needs its year.
    rf"|(?:last|next|this|coming) (?:{'|'.join(MONTHS)}))\b",
    re.IGNORECASE,
)
# `the last year`, `the past week`: the span up to the day of writing, not a calendar period
# (`the last quarter` is the quarter reported on: a calendar one).
PAST_SPAN = re.compile(r"((?i:the)\s+)?(?i:last|past)\s+((?i:week|month|year))")
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# Words before a date that already say how it relates to the event (no `on`/`in` added).
PREPOSITIONS = frozenset({
    "on", "in", "by", "since", "until", "till", "before", "after", "from", "to", "through",
    "of", "for", "during", "as", "at", "within", "between", "and", "or", "than", "over",
})


def date_words(value: str, text: str) -> tuple[str, str] | None:
    """The absolute wording of a TIMEX3 value and the preposition it takes (``on``, ``in``)."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        year, month, day = (int(g) for g in m.groups())
        words = f"{day} {MONTHS[month - 1]} {year}"
        weekday = WEEKDAY.search(text)
        rest = re.sub(r"^(last|next|this|on|coming|past)\s+", "", text, flags=re.I)
        if weekday:
            return f"{rest}, {words}", "on"
        return words, "on"
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})T", value):
        # `midday on Friday`, `tomorrow morning`: the words kept, the day they fall on added.
        year, month, day = (int(g) for g in m.groups())
        return f"{text}, {day} {MONTHS[month - 1]} {year}", ""
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{MONTHS[int(m.group(2)) - 1]} {m.group(1)}", "in"
    if re.fullmatch(r"\d{4}", value):
        return value, "in"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return f"the week of {monday.day} {MONTHS[monday.month - 1]} {monday.year}", "in"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"the {ORDINALS[int(m.group(2)) - 1]} quarter of {m.group(1)}", "in"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"the {ORDINALS[int(m.group(2)) - 1]} half of {m.group(1)}", "in"
    return None


def date_edits(claim: Claim, quoted: Sequence[tuple[int, int]]) -> list[Edit]:
    edits = []
    for mention in claim.dates:
        start, end = mention.start - claim.start, mention.end - claim.start
        if mention.value is None or start < 0 or end > len(claim.text):
            continue
        relative = RELATIVE.search(mention.text)
        if relative is None:
            continue
        if (span := _span_to(claim, mention, start)) is not None:
            edits.append(_date_edit(claim.text, span[0], end, mention, span[1], "", quoted))
            continue
        value, words_of = mention.value, mention.text
        # `early April this year`, `the end of last year`, `later this year`: the words that
        # place the date within the period stay; only the period is written out.
        qualified = _period_value(mention.value, relative)
        if qualified is not None and mention.text[: relative.start()].strip().lower() != "the":
            value, words_of = qualified, relative.group(0)
            start, end = start + relative.start(), start + relative.end()
        worded = date_words(value, words_of)
        if worded is None:
            continue
        edits.append(_date_edit(claim.text, start, end, mention, *worded, quoted))
    return edits


def _span_to(claim: Claim, mention: DateMention, start: int) -> tuple[int, str] | None:
    """``in the last year``, ``during the past week``: the span that ends on the day the article
    was written (``the year to 1 March 1987``), not the calendar period before it; where its
    edit starts (at ``the``) and its words."""
    span = PAST_SPAN.fullmatch(mention.text.strip())
    the = re.search(r"\b[Tt]he\s+$", claim.text[:start])
    anchor = mention.anchor or ""
    if span is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor) or (
        the is None and not span.group(1)
    ):
        return None
    day = date_words(anchor, "")
    if day is None:
        return None
    start = the.start() if the is not None and not span.group(1) else start
    return start, f"the {span.group(2).lower()} to {day[0]}"


def _period_value(value: str, relative: re.Match[str]) -> str | None:
    """The value of a period (``this year``, ``last month``) that words before it qualify."""
    if relative.start() == 0 or not relative.group(3):
        return None
    digits = {"year": 4, "month": 7}.get(relative.group(3).lower())
    if digits is None or not re.match(r"\d{4}(-\d{2})?", value) or len(value) < digits:
        return None
    return value[:digits]


def _date_edit(
    text: str, start: int, end: int, mention: DateMention, words: str, preposition: str,
    quoted: Sequence[tuple[int, int]],
) -> Edit:
    original = text[start:end]
    if within_any(start, quoted):
        return Edit(start, end, original, f"{original} [{words}]", "relative_date", 1.0)
    before = re.findall(r"[A-Za-z]+", text[:start])
    last = before[-1].lower() if before else ""
    possessive = text[end : end + 2] in ("'s", "’s")
    after_preposition = last in PREPOSITIONS
    if last == "the" and WEEKDAY.fullmatch(original):
        # `The Wednesday average`: the day names the figure, its date goes beside it
        return Edit(start, end, original, f"{original} ({words.split(', ', 1)[-1]})",
                    "relative_date", 1.0)
    if last.capitalize() in MONTHS:
        replacement = words  # `early April this year` -> `early April 1987`
    elif last in ("quarter", "half"):
        replacement = f"of {words}"  # `the fourth quarter last year`
    elif not preposition or after_preposition or possessive or last in ("the", "a", "an"):
        replacement = words  # `for the last May to September season`: the May 1986 to …
    elif start == 0:
        replacement = f"{preposition.capitalize()} {words}"  # `Last March Hu cut` -> `In March`
    else:
        replacement = f"{preposition} {words}"
    if ", " in words and re.match(r"\s+\w", text[end:]):
        replacement += ","  # `on Tuesday, 22 August 2017, that …`: the day set off on both sides
    if start == 0 and not replacement[:1].isupper():
        replacement = replacement[0].upper() + replacement[1:]
    return Edit(start, end, original, replacement, "relative_date", 1.0)
