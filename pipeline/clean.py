"""Clean stage: find the headline, bylines, datelines and boilerplate, and mask them out."""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from pipeline.contract import Article, Region
from pipeline.dates.published import BadPublished, parse_published

BOILERPLATE_FILE = "boilerplate.json"
# Bylines sit at the top or the bottom of a story; elsewhere a short capitalised line is text.
BYLINE_WINDOW = 3
# Hard-wrapped copy (wire archives): lines at most this wide, the widest at least
# WRAP_MIN_WIDTH, and most of them near the widest.
WRAP_WIDTH = 100
WRAP_MIN_WIDTH = 40
WRAP_FULL = 0.6
WRAP_MIN_LINES = 4
# spaCy's tokenizer strips a word's leading and trailing marks one at a time, copying the rest
# of the word each time: a run of n marks costs n² (10,000 apostrophes take about 13 s). News
# has no such runs (the longest in the evaluation data is 23 dots) nor words this long, so they
# are read as white space: every article then costs at most a fixed multiple of its length.
MAX_MARK_RUN = 50
MAX_WORD = 1000
OVERLONG = re.compile(rf"(?:[^\w\s]|_){{{MAX_MARK_RUN + 1},}}|(?<!\S)\S{{{MAX_WORD + 1},}}")


@dataclass(frozen=True, slots=True)
class CleanRules:
    """Compiled line patterns from ``models/boilerplate.json``."""

    boilerplate: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class CleanText:
    """The article text with non-story regions masked by spaces and wrapped lines joined
    (same length, same offsets)."""

    text: str
    regions: tuple[Region, ...]
    dateline_date: str | None = None  # YYYY-MM-DD when the dateline gives a full date

    def body_regions(self) -> tuple[Region, ...]:
        """Runs of consecutive body lines, merged: wire copy wraps sentences across lines."""
        merged: list[Region] = []
        previous_was_body = False
        for region in self.regions:
            is_body = region.kind == "body"
            if is_body and previous_was_body:
                merged[-1] = Region(merged[-1].start, region.end, "body")
            elif is_body:
                merged.append(region)
            previous_was_body = is_body
        return tuple(merged)


@lru_cache(maxsize=4)
def load_rules(models_dir: Path) -> CleanRules:
    """Compile the boilerplate rules once per process."""
    data = json.loads((models_dir / BOILERPLATE_FILE).read_text(encoding="utf-8"))

    def whole_line(patterns: list[str], flags: int) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rf"(?:{p})", flags) for p in patterns)

    return CleanRules(
        boilerplate=whole_line(data["boilerplate_lines"], re.IGNORECASE),
        # Bylines are matched case-sensitively: capitalisation is what marks a name.
        byline=whole_line(data["byline_lines"], 0),
        dateline=re.compile(data["dateline_prefix"]),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """Half-open offsets of each line's stripped content, for non-blank lines."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def dateline_date(line: str, rules: CleanRules) -> str | None:
    """The full date a dateline states (``WASHINGTON, Aug. 22, 2017 (AP) —``), if any."""
    match = rules.dateline.match(line)
    if not match or not match.group("year"):
        return None
    month = MONTHS.get(match.group("month")[:3].lower())
    if month is None:
        return None
    stated = f"{match.group('year')}-{month:02d}-{int(match.group('day')):02d}"
    try:
        return parse_published(stated, field="dateline")
    except BadPublished:  # Feb. 30 or the year 0001: a misprint, not a date to anchor on
        return None


# Words a date line may hold besides numbers: day and month names, clock and zone marks; it
# must name its month (or be ISO), so a line of bare figures is never read as a date.
MONTH_WORDS = frozenset(
    {month.lower() for month in calendar.month_name if month}
    | {month.lower() for month in calendar.month_abbr if month}
    | {"sept"}
)
DATE_WORDS = MONTH_WORDS | frozenset(
    {day.lower() for day in calendar.day_name}
    | {day.lower() for day in calendar.day_abbr}
    | {"tues", "thur", "thurs", "t", "z", "am", "pm", "at", "gmt", "utc"}
    | {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest"}
)
DATE_LINE_CHARS = 40
HEAD_CHARS = 4096  # the first lines of a story, where a date line stands


# A weekday-led full date opening a line: Wikinews' date line when its line break was lost.
WEEKDAY_DATE = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? "
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})\b"
)


def own_line_date(text: str, lines: list[tuple[int, int]]) -> str | None:
    """A full date alone on one of the first lines, as Wikinews writes ``Friday, July 21, 2017``."""
    for start, end in lines[: BYLINE_WINDOW + 1]:
        line = text[start:end]
        opening = WEEKDAY_DATE.match(line)
        line = opening.group() if opening else line
        words = [word.lower() for word in re.findall(r"[A-Za-z]+", line)]
        if (
            len(line) > DATE_LINE_CHARS
            or not re.search(r"\d{4}", line)
            or not all(word in DATE_WORDS for word in words)
            or not (MONTH_WORDS.intersection(words) or re.match(r"\d{4}-\d{2}-\d{2}", line))
        ):
            continue
        try:
            return parse_published(line, field="dateline")
        except BadPublished:
            continue
    return None


def classify(article: Article, rules: CleanRules) -> tuple[Region, ...]:
    """Classify every non-blank line of the article (pure)."""
    text = article.text
    lines = _lines(text)
    regions: list[Region] = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        near_edge = index < BYLINE_WINDOW or index >= len(lines) - BYLINE_WINDOW
        if index == 0 and article.title is not None and line == article.title.strip():
            regions.append(Region(start, end, "headline"))
        elif any(p.fullmatch(line) for p in rules.boilerplate):
            regions.append(Region(start, end, "boilerplate"))
        elif near_edge and len(line) < 80 and any(p.fullmatch(line) for p in rules.byline):
            regions.append(Region(start, end, "byline"))
        else:
            dateline = rules.dateline.match(line)
            if dateline and index <= BYLINE_WINDOW:
                regions.append(Region(start, start + dateline.end(), "dateline"))
                start += dateline.end()
            regions.append(Region(start, end, "body"))
    return tuple(regions)


def mask(text: str, regions: tuple[Region, ...]) -> str:
    """Blank out every non-body region with spaces, keeping newlines and length."""
    chars = list(text)
    for region in regions:
        if region.kind != "body":
            for i in range(region.start, region.end):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


def soft_breaks(text: str) -> tuple[int, ...]:
    """Offsets of the line breaks inside paragraphs of hard-wrapped text (pure).

    Text is hard-wrapped when it has a few lines, the widest between ``WRAP_MIN_WIDTH`` and
    ``WRAP_WIDTH`` characters, and most of them near the widest. A break is soft when the
    line before is near that width and the next line neither is blank nor starts indented,
    as a wire paragraph does.
    """
    lines = text.split("\n")
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < WRAP_MIN_LINES or not WRAP_MIN_WIDTH <= max(widths) <= WRAP_WIDTH:
        return ()
    full = WRAP_FULL * max(widths)
    if sum(1 for width in widths if width >= full) * 2 < len(widths):
        return ()
    breaks: list[int] = []
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line)
        if (
            line.strip() and following.strip() and not following[:1].isspace()
            and len(line.rstrip()) >= full
        ):
            breaks.append(offset)
        offset += 1
    return tuple(breaks)


def unwrap(text: str) -> str:
    """Hard-wrapped text with each line break inside a paragraph read as a space."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    chars = list(text)
    for offset in breaks:
        chars[offset] = " "
    return "".join(chars)


def blank_overlong(text: str) -> str:
    """``text`` with runs of over ``MAX_MARK_RUN`` marks and words over ``MAX_WORD`` blanked."""
    return OVERLONG.sub(lambda match: " " * len(match.group()), text)


def clean(article: Article, rules: CleanRules) -> CleanText:
    """The clean stage: classify lines, mask what is not story text, join wrapped lines."""
    regions = classify(article, rules)
    datelines = [r for r in regions if r.kind == "dateline"]
    stated = dateline_date(article.text[datelines[0].start:datelines[0].end], rules) \
        if datelines else None
    # A date on its own line stays in the text (it is a date mention too) and dates the story.
    stated = stated or own_line_date(article.text, _lines(article.text[:HEAD_CHARS]))
    # Wire copy wrapped at a fixed width breaks sentences and quotations across lines; the
    # parser and the quote finder need its paragraphs, so a wrap is read as the space it was.
    return CleanText(blank_overlong(unwrap(mask(article.text, regions))), regions, stated)
