"""Write stage: JSON lines, written atomically, with a journal that makes runs resumable.

A run writes ``FILE.part`` (and ``ERRORS.part``) and renames them into place only when it
finishes, so no later step ever reads a half-written file. After each batch the parts are
flushed to disk and a journal (``FILE.part.journal``) records how many input items are done
and how many bytes of each part are complete. ``--resume`` truncates the parts to those
lengths, skips that many input items and carries on: a run killed at any point, even by
SIGKILL, and resumed ends with exactly the bytes of an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO


def dumps(record: dict[str, Any]) -> str:
    """One JSON line: compact, UTF-8 as is, no NaN; key order as the record gives it.

    Raises ValueError for a value JSON cannot hold (infinity, NaN). A lone surrogate (from a
    file name or text that was no valid UTF-8) cannot be written as UTF-8, so a line holding
    one is written with ``\\u`` escapes instead: still one valid JSON line, read back the same.
    """
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if _SURROGATE.search(line) is None:
        return line
    return json.dumps(record, ensure_ascii=True, separators=(",", ":"), allow_nan=False)


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class Counts:
    """What a run has seen so far; articles in = articles done + articles in errors."""

    articles_in: int = 0
    articles_done: int = 0
    errors: int = 0
    claims: int = 0
    records: int = 0

    def written(self, mode: str = "claims") -> int:
        """How many of what the run writes (claims, annotations or reviews) it has written."""
        return self.claims if mode == "claims" else self.records

    def summary(self, mode: str = "claims") -> str:
        """The closing line; it counts what the run writes (claims, annotations or reviews)."""
        return (
            f"articles in: {self.articles_in}, done: {self.articles_done}, "
            f"errors: {self.errors}, {OUT_NAMES.get(mode, mode)} out: {self.written(mode)}"
        )


# What each mode writes, as the summary line names it.
OUT_NAMES = {"claims": "claims", "annotations": "annotations", "claimreview": "ClaimReviews"}


@dataclass(slots=True)
class Journal:
    """Progress of a run, as last made durable."""

    fingerprint: str
    items_done: int = 0
    part_bytes: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


class ResumeMismatch(Exception):
    """The journal belongs to a run with other arguments."""


class Sink:
    """One output file: ``-`` for standard output, else an atomically renamed part file."""

    def __init__(self, target: str, offset: int | None) -> None:
        self.target = target
        self.part = None if target == "-" else Path(target + ".part")
        self.handle: IO[str] | TextIO
        if self.part is None:
            self.handle = sys.stdout
            return
        self.part.parent.mkdir(parents=True, exist_ok=True)
        if offset is None:
            self.handle = open(self.part, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        else:
            with open(self.part, "r+b") as raw:
                raw.truncate(offset)
            self.handle = open(self.part, "a", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, line: str) -> None:
        self.handle.write(line + "\n")

    def sync(self) -> int:
        """Make what was written durable and return the part's length in bytes."""
        self.handle.flush()
        if self.part is None:
            return 0
        os.fsync(self.handle.fileno())
        return self.part.stat().st_size

    def finish(self) -> None:
        self.sync()
        if self.part is not None:
            self.handle.close()
            os.replace(self.part, self.target)

    def close(self) -> None:
        if self.part is not None and not self.handle.closed:
            self.handle.close()


class RunOutputs:
    """The outputs of one run (records and errors) and its journal."""

    def __init__(self, output: str, errors: str | None, fingerprint: str, resume: bool) -> None:
        self.journal_path = None if output == "-" else Path(output + ".part.journal")
        journal = self._load_journal(fingerprint) if resume else None
        self.journal = journal or Journal(fingerprint)
        offsets = self.journal.part_bytes if journal else {}
        self.records = Sink(output, offsets.get("records"))
        self.errors = Sink(errors, offsets.get("errors")) if errors else None
        self.counts = Counts(**self.journal.counts)

    @property
    def items_done(self) -> int:
        """Input items already handled by an earlier, interrupted run."""
        return self.journal.items_done

    def _load_journal(self, fingerprint: str) -> Journal | None:
        if self.journal_path is None or not self.journal_path.exists():
            return None
        journal = Journal(**json.loads(self.journal_path.read_text(encoding="utf-8")))
        if journal.fingerprint != fingerprint:
            raise ResumeMismatch(
                f"{self.journal_path} was written by a run with other inputs or settings;"
                " run without --resume to start over"
            )
        return journal

    def checkpoint(self, items_done: int) -> None:
        """Make the outputs durable, then record that ``items_done`` input items are in them."""
        self.journal.part_bytes = {"records": self.records.sync()}
        if self.errors is not None:
            self.journal.part_bytes["errors"] = self.errors.sync()
        self.journal.items_done = items_done
        self.journal.counts = asdict(self.counts)
        if self.journal_path is None:
            return
        temporary = self.journal_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self.journal), sort_keys=True), encoding="utf-8")
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, self.journal_path)

    def finish(self) -> None:
        """Drop the journal, then rename the finished parts into place.

        In this order a kill between the two steps leaves complete parts and no journal, so
        a resumed run starts over and still ends with the right bytes; the other order could
        leave a journal pointing at parts that were already renamed away.
        """
        if self.journal_path is not None:
            self.journal_path.unlink(missing_ok=True)
        self.records.finish()
        if self.errors is not None:
            self.errors.finish()

    def close(self) -> None:
        self.records.close()
        if self.errors is not None:
            self.errors.close()
