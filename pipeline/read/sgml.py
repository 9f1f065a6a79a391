"""Reuters-21578-style SGML, read story by story from a bounded buffer, in linear time.

A story runs from ``<REUTERS ...>`` to ``</REUTERS>``. Only one story (or one stretch of
bytes between stories) is ever held, and never more than the byte limit of it, so a file of
any size, a run of filler or a story that never closes costs bounded memory. Each search
resumes where the last one stopped, so no input makes parsing slower than linear.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

START = b"<REUTERS"
END = b"</REUTERS>"
READ_SIZE = 1 << 20
_NEWID = re.compile(r'NEWID="(\d+)"')
_TYPE = re.compile(r'TYPE="(\w+)"')
_SGML_DATE = "%d-%b-%Y"


@dataclass(frozen=True, slots=True)
class Story:
    """The bytes of one ``<REUTERS>`` element and where it starts in the stream."""

    offset: int
    data: bytes


@dataclass(frozen=True, slots=True)
class Skipped:
    """Bytes that could not be read as a story: where they start, and why."""

    offset: int
    reason: str
    article_id: str | None = None


def _is_start(buf: bytearray, at: int) -> bool:
    """Whether ``<REUTERS`` at ``at`` opens a tag (and is not ``<REUTERSX``)."""
    after = bytes(buf[at + len(START) : at + len(START) + 1])
    return after in (b">", b" ", b"\t", b"\n", b"\r")


def _find_start(buf: bytearray, begin: int) -> int:
    """The next story-opening tag at or after ``begin`` whose next byte is known, or -1."""
    at = buf.find(START, begin)
    while at >= 0 and at + len(START) < len(buf):
        if _is_start(buf, at):
            return at
        at = buf.find(START, at + 1)
    return -1


def story_id(buf: bytearray | bytes, at: int) -> str | None:
    """``reuters-N`` from the opening tag at ``at``, when its NEWID is there."""
    tag_end = buf.find(b">", at, at + 4096)
    head = bytes(buf[at : tag_end if tag_end >= 0 else at + 4096]).decode("ascii", "replace")
    found = _NEWID.search(head)
    return f"reuters-{found.group(1)}" if found else None


def sgml_stories(handle: IO[bytes], limit: int) -> Iterator[Story | Skipped]:
    """Each story of the stream in order, and a ``Skipped`` for each stretch that is not one.

    Bytes between stories are ignored unless a run of them is over ``limit``; a story is
    skipped when it is over ``limit`` bytes, or is not closed before the next one opens.
    """
    buf = bytearray()
    base = 0  # stream offset of buf[0]
    scan = 0  # where the next search in buf resumes
    story = -1  # where the open story starts in buf, or -1 between stories
    gap = 0  # stream offset where the bytes between stories began
    skipping = False  # an over-long stretch was reported; looking for the next boundary
    eof = False
    while True:
        if story < 0:
            at = _find_start(buf, scan)
            if at >= 0:
                if not skipping and base + at - gap > limit:
                    yield Skipped(gap, f"over {limit} bytes without a story (no <REUTERS>)")
                story, scan, skipping = at, at + len(START), False
                continue
            if skipping:
                # Past an over-long story, its end tag is a boundary too.
                end = buf.find(END, scan)
                if end >= 0:
                    gap, skipping = base + end + len(END), False
                    scan = end + len(END)
                    continue
            elif base + len(buf) - gap > limit:
                yield Skipped(gap, f"over {limit} bytes without a story (no <REUTERS>)")
                skipping = True
            if eof:
                return
            # Nothing to keep but a tail that may hold the start of a tag.
            drop = max(len(buf) - len(END), scan, 0)
        else:
            following = _find_start(buf, scan)
            # The end tag only counts before the next opening tag: searching no further
            # keeps a run of unclosed tags linear.
            end = buf.find(END, scan, following + len(END) if following >= 0 else len(buf))
            if end >= 0 and (following < 0 or end < following):
                stop = end + len(END)
                if stop - story > limit:
                    yield Skipped(base + story, f"story runs over {limit} bytes",
                                  story_id(buf, story))
                else:
                    yield Story(base + story, bytes(buf[story:stop]))
                story, scan, gap = -1, stop, base + stop
                continue
            if following >= 0:
                yield Skipped(
                    base + story,
                    "story not closed by </REUTERS> before the next <REUTERS> at byte "
                    f"{base + following}",
                    story_id(buf, story),
                )
                story, scan = following, following + len(START)
                continue
            if len(buf) - story > limit:
                yield Skipped(
                    base + story,
                    f"story runs over {limit} bytes",
                    story_id(buf, story),
                )
                story, skipping = -1, True
                continue
            if eof:
                yield Skipped(
                    base + story,
                    "story not closed by </REUTERS> before the end of the file",
                    story_id(buf, story),
                )
                return
            drop = story
            # Search again only where the new bytes can reach.
            scan = max(len(buf) - len(END), story + len(START))
        # Only now is anything dropped, so a buffer of many short stories is moved once.
        del buf[:drop]
        base, scan = base + drop, max(scan - drop, 0)
        if story >= 0:
            story -= drop
        chunk = handle.read(READ_SIZE)
        if not chunk:
            eof = True
            # A tag cut by the end of the buffer is now whole or never will be.
            chunk = b"\n"
        buf += chunk


def _field(text: str, name: str) -> str | None:
    """The content of the first ``<NAME>...</NAME>`` (found with two linear searches)."""
    opening = text.find(f"<{name}>")
    if opening < 0:
        return None
    start = opening + len(name) + 2
    close = text.find(f"</{name}>", start)
    return text[start:close] if close >= 0 else None


def _text_element(text: str) -> tuple[str | None, str | None]:
    """The ``TYPE`` and the content of the story's ``<TEXT ...>`` element, if any."""
    opening = text.find("<TEXT")
    if opening < 0:
        return None, None
    tag_end = text.find(">", opening)
    close = text.find("</TEXT>", tag_end)
    if tag_end < 0 or close < 0:
        return None, None
    kind = _TYPE.search(text, opening, tag_end)
    return (kind.group(1) if kind else None), text[tag_end + 1 : close]


def story_record(text: str) -> dict[str, Any]:
    """One story's record: id, title, text, ``<DATE>``.

    A story with a ``<BODY>`` opens with its headline, as in a wire feed; a BRIEF story (a
    headline only) has the headline as its text; an UNPROC story (text without ``<BODY>``,
    as for corrections and tables) has its text as sent, its first line the headline.
    """
    tag_end = text.find(">")
    new_id = _NEWID.search(text, 0, tag_end if tag_end >= 0 else len(text))
    raw_title, raw_body = _field(text, "TITLE"), _field(text, "BODY")
    title = html.unescape(raw_title).strip() if raw_title is not None else None
    body = html.unescape(raw_body).replace("\x03", "").rstrip() if raw_body is not None else ""
    kind, inner = _text_element(text)
    if not body and kind == "UNPROC" and inner is not None:
        body = html.unescape(inner).replace("\x03", "").strip()
        title = title or next((line.strip() for line in body.splitlines() if line.strip()), None)
        article_text = body
    elif body:
        article_text = f"{title}\n\n{body}" if title else body
    else:
        # A headline alone is the story: it is read as text, not set apart as a headline.
        article_text, title = title or "", None
    date = _field(text, "DATE")
    return {
        "id": f"reuters-{new_id.group(1)}" if new_id else None,
        "title": title,
        "text": article_text,
        "published": sgml_date(date or ""),
        "source": "Reuters",
    }


def sgml_date(value: str) -> str | None:
    """``26-FEB-1987 15:01:01.79`` as ``1987-02-26``."""
    try:
        return datetime.strptime(value.strip().split()[0].title(), _SGML_DATE).date().isoformat()
    except (ValueError, IndexError):
        return None
