"""A claims file (``claim/1`` JSON lines from ``claims extract``) read by review commands."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import ArticleError, Messages
from pipeline.read.formats import COMPRESSED_SUFFIXES, DecompressError, open_binary
from pipeline.review.claimreview import claimreview_of_record
from pipeline.run.write import Counts, Sink, dumps

CLAIM_SCHEMA = "claim/1"
CLAIM_SUFFIXES = (".jsonl", ".ndjson", ".json")


class NotClaims(ValueError):
    """A line of a claims file that is no ``claim/1`` record."""


def kind_of(record: Any) -> str:
    """What a JSON line holds, in words: its schema, ClaimReview, or its JSON type."""
    if not isinstance(record, dict):
        return f"a JSON {type(record).__name__}"
    if record.get("@type") == "ClaimReview":
        return "a ClaimReview"
    schema = record.get("schema")
    return f"schema {schema}" if isinstance(schema, str) else "no 'schema' field"


def claim_lines(path: Path) -> Iterator[tuple[str, dict[str, Any] | NotClaims]]:
    """Each non-blank line as ``(FILE:LINE, its claim record)``, or why it is not one.

    A compressed file (``.jsonl.gz``…) is read decompressed, as articles are.
    """
    raw = open_binary(str(path))
    with io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as error:
                kind = f"malformed JSON: {error}"
                yield where, NotClaims(Messages.NOT_CLAIMS.format(kind=kind))
                continue
            if not isinstance(record, dict) or record.get("schema") != CLAIM_SCHEMA:
                kind = kind_of(record)
                yield where, NotClaims(Messages.NOT_CLAIMS.format(kind=kind))
                continue
            yield where, record


def claim_records(path: Path) -> Iterator[dict[str, Any]]:
    """The claim records of a claims file; NotClaims (``FILE:LINE: why``) at the first other."""
    for where, record in claim_lines(path):
        if isinstance(record, NotClaims):
            raise NotClaims(f"{where}: {record}")
        yield record


def export_claimreviews(
    paths: Sequence[Path], output: str, errors: str | None, report: Callable[[ArticleError], None]
) -> Counts:
    """Write a ClaimReview skeleton per claim of claims files, straight from the records.

    The claims are not rebuilt: each keeps its id, its article's id and date (and title or
    source when the record has them). A line that is no claim record is reported and skipped.
    """
    records, failures = Sink(output, None), Sink(errors, None) if errors else None
    counts = Counts()
    try:
        for path in paths:
            for where, record in claim_lines(path):
                counts.articles_in += 1
                try:
                    if isinstance(record, NotClaims):
                        raise record
                    records.write(dumps(claimreview_of_record(record)))
                except (NotClaims, KeyError, TypeError, ValueError) as error:
                    reason = error.args[0] if isinstance(error, NotClaims) else (
                        Messages.BAD_CLAIM_RECORD.format(reason=f"{type(error).__name__}: {error}"))
                    failure = ArticleError(where, reason)
                    counts.errors += 1
                    report(failure)
                    if failures is not None:
                        failures.write(dumps(failure.to_dict()))
                    continue
                counts.articles_done += 1
                counts.claims += 1
                counts.records += 1
        records.finish()
        if failures is not None:
            failures.finish()
    finally:
        records.close()
        if failures is not None:
            failures.close()
    return counts


def is_claims_file(name: str) -> bool:
    """Whether a local input's first record is a ``claim/1`` record (export reads it as claims)."""
    path = Path(name)
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()  # a compressed claims file is still one
    if not suffixes or suffixes[-1] not in CLAIM_SUFFIXES or not path.is_file():
        return False
    try:
        with open_binary(name) as handle:
            for raw in handle:
                if raw.strip():
                    record = json.loads(raw)
                    return isinstance(record, dict) and record.get("schema") == CLAIM_SCHEMA
    except (OSError, EOFError, DecompressError, ValueError, RecursionError):
        return False  # read as articles, whose reading reports what is wrong with the file
    return False
