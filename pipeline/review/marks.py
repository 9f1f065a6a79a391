"""Render an article's text with possibly overlapping marks as well-nested, escaped HTML."""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span of the text: a claim, a mention, a speaker, a failed check.

    ``layer`` decides nesting (lower is outer); a mark that crosses the boundary
    of an outer one is split into fragments, and only the first fragment carries
    the id, the tooltip and the tab stop so ids stay unique.
    """

    start: int
    end: int
    layer: int
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...] = ()
    tip: str | None = None
    label: str | None = None
    dom_id: str | None = None
    focusable: bool = False
    tag: str = "mark"


def attr(name: str, value: str) -> str:
    """One HTML attribute, value escaped (quotes included)."""
    return f' {name}="{escape(value, quote=True)}"'


def _open_tag(mark: Mark, first: bool) -> str:
    classes = list(mark.classes)
    if not first:
        classes.append("cont")
    parts = [f"<{mark.tag}", attr("class", " ".join(classes))]
    if first and mark.dom_id:
        parts.append(attr("id", mark.dom_id))
    if first and mark.focusable:
        parts.append(' tabindex="0"')
    elif first and mark.dom_id and mark.tag == "mark":
        parts.append(' tabindex="-1"')  # a link target that can take focus, not a tab stop
    tip_id = f"{mark.dom_id}-tip" if mark.dom_id else None
    if first and mark.tip and tip_id:
        parts.append(attr("aria-describedby", tip_id))
    parts.extend(attr(name, value) for name, value in mark.attrs)
    parts.append(">")
    if first and mark.tip and tip_id:
        tip = escape(mark.tip)
        parts.append(f'<span class="tip" role="tooltip"{attr("id", tip_id)}>{tip}</span>')
    return "".join(parts)


def _close_tag(mark: Mark, last: bool) -> str:
    badge = f'<span class="lbl" aria-hidden="true">{escape(mark.label)}</span>' if (
        last and mark.label) else ""
    return f"{badge}</{mark.tag}>"


def _order(mark: Mark, index: int) -> tuple[int, int, int, int]:
    return (mark.layer, -(mark.end - mark.start), mark.start, index)


def render_marked(text: str, marks: Iterable[Mark]) -> str:
    """Escaped ``text`` with every mark as a tag; crossing marks are split so tags nest."""
    size = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= size]
    ranked: Sequence[Mark] = [
        m for _, m in sorted(((_order(m, i), m) for i, m in enumerate(valid)),
                             key=lambda pair: pair[0])
    ]
    starts: dict[int, list[int]] = {}
    for rank, mark in enumerate(ranked):
        starts.setdefault(mark.start, []).append(rank)
    bounds = sorted({0, size, *(m.start for m in ranked), *(m.end for m in ranked)})
    out: list[str] = []
    active: list[int] = []  # ranks of marks covering the current segment, outer first
    stack: list[int] = []  # ranks of currently open tags, outer first
    opened = [False] * len(ranked)
    for a, b in pairwise(bounds):
        active = [r for r in active if ranked[r].end > a]
        for rank in starts.get(a, ()):
            insort(active, rank)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        for rank in reversed(stack[keep:]):
            out.append(_close_tag(ranked[rank], ranked[rank].end <= a))
        for rank in active[keep:]:
            out.append(_open_tag(ranked[rank], not opened[rank]))
            opened[rank] = True
        stack = list(active)
        out.append(escape(text[a:b], quote=False))
    for rank in reversed(stack):
        out.append(_close_tag(ranked[rank], True))
    return "".join(out)
