"""Output files checked line by line against the JSON Schema of their records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMAS = ("claim", "annotations")


def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of ``claim`` or ``annotations`` records."""
    text = resources.files("pipeline").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def line_problems(file: Path) -> Iterator[tuple[int, list[str]]]:
    """For each non-blank line of a claims, annotations or ClaimReview file: its problems."""
    from jsonschema import Draft202012Validator

    from pipeline.review.claimreview import validate as validate_claimreview

    validators = {
        f"{name}/1" if name == "claim" else "annotations/1": Draft202012Validator(load_schema(name))
        for name in SCHEMAS
    }
    with file.open(encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as error:
                yield number, [f"malformed JSON: {getattr(error, 'msg', error)}"]
                continue
            if isinstance(record, dict) and record.get("@type") == "ClaimReview":
                yield number, validate_claimreview(record)
                continue
            kind = record.get("schema") if isinstance(record, dict) else None
            validator = validators.get(kind) if isinstance(kind, str) else None
            if validator is None:
                yield number, ["unknown or missing 'schema' field"]
                continue
            found = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
            yield number, [
                f"{'/'.join(str(p) for p in e.path) or '(record)'}: {e.message}" for e in found
            ]
