"""The Python API behind ``pipeline.extract`` and ``pipeline.annotate``: records in, dicts out.

Records go through the same reader as a JSONL file (so the same checks and errors apply) and
the same runner as ``claims extract``; the model is loaded once per process and settings.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from pipeline.contract import ArticleResult
from pipeline.errors import ArticleError
from pipeline.read.reader import DEFAULT_MAX_CHARS, read_inputs
from pipeline.run.runner import Runner, Settings, annotation_record, batches

Record = str | Mapping[str, Any]
STDIN_ORIGIN = "<stdin>:"
log = logging.getLogger("pipeline")


class _Lines(io.RawIOBase):
    """A readable byte stream over an iterator of lines, pulled only as the reader needs them."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self._lines = lines
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._rest:
            line = next(self._lines, None)
            if line is None:
                return 0
            self._rest = line
        size = min(len(buffer), len(self._rest))
        buffer[:size] = self._rest[:size]
        self._rest = self._rest[size:]
        return size


def _line(record: Record) -> bytes:
    """One record as a JSONL line: a string is an article's text."""
    if isinstance(record, str):
        record = {"text": record}
    elif not isinstance(record, Mapping):
        raise TypeError(f"a record is a string or a mapping, not {type(record).__name__}")
    return json.dumps(dict(record), ensure_ascii=True).encode("ascii") + b"\n"


@cache
def runner_for(settings: Settings) -> Runner:
    """The runner (model and rules) for these settings, loaded once per process."""
    return Runner(settings)


def results(
    records: Iterable[Record],
    *,
    published: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    settings: Settings | None = None,
) -> Iterator[ArticleResult]:
    """The result of every record that could be processed, in input order.

    A record that fails is appended to ``errors`` (as the CLI's errors file writes it, its
    ``origin`` saying ``record N``), or logged as a warning when no list is given.
    """
    settings = settings or Settings()
    lines = (_line(record) for record in records)
    first = next(lines, None)
    if first is None:
        return
    stream = io.BufferedReader(_Lines(_chain(first, lines)))
    items = read_inputs(["-"], default_published=published, max_chars=settings.max_chars,
                        stdin=stream)
    runner = runner_for(settings)
    for batch in batches(items, settings.batch_size):
        for outcome in runner.run_batch(batch):
            if isinstance(outcome, ArticleError):
                _failed(outcome, errors)
            else:
                yield outcome


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _failed(error: ArticleError, errors: list[dict[str, Any]] | None) -> None:
    record = error.to_dict()
    origin = str(record["origin"])
    if origin.startswith(STDIN_ORIGIN):
        record["origin"] = "record " + origin.removeprefix(STDIN_ORIGIN)
    if errors is None:
        log.warning("%s: %s", record["origin"], record["reason"])
    else:
        errors.append(record)


def extract(records: Iterable[Record], **options: Any) -> Iterator[dict[str, Any]]:
    """The ``claim/1`` dicts of every article, in input order (options as ``results``)."""
    for result in results(records, **options):
        for claim in result.claims:
            yield claim.to_dict()


def annotate(records: Iterable[Record], **options: Any) -> Iterator[dict[str, Any]]:
    """One ``annotations/1`` dict per article that could be processed, in input order."""
    for result in results(records, **options):
        yield annotation_record(result.annotations)


__all__ = ["DEFAULT_MAX_CHARS", "Record", "annotate", "extract", "results", "runner_for"]
