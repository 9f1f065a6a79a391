"""Seeded hostile inputs: no crash or hang, and every input accounted for, item by item."""

from __future__ import annotations

import json
import signal
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read import formats
from pipeline.read.reader import ReadItem, count_items, read_inputs
from pipeline.run.job import JobSpec, run_job
from tests.read.hostile import Hostile, hostile_inputs

SEED = 20_261_206
READER_INPUTS = 10_000
PIPELINE_INPUTS = 300
TINY_FILES = 200
MAX_CHARS = 2_000  # small, so "enormous" inputs are over it without costing much
HANG_SECONDS = 60
# Up to 400 digits: past a float's range (309), which once ended the whole run at writing.
PIPELINE_DIGITS = (5, 40, 400)


@pytest.fixture
def small_bomb_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bomb guard floor of 1 MB, so a bomb costs milliseconds, not a 64 MB decompression."""
    monkeypatch.setattr(formats, "BOMB_FLOOR_BYTES", 1 << 20)


def _hang(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"an input took over {HANG_SECONDS} s")


def check(items: list[ReadItem], path: Path, hostile: Hostile) -> None:
    """What must hold for any input: typed items naming the file, one or more, all readable."""
    assert items, f"{hostile.kind}: no item at all for {path.name}"
    for item in items:
        assert item.origin.startswith(str(path)), (hostile.kind, item)
        if isinstance(item, Article):
            assert item.text.strip() and len(item.text) <= MAX_CHARS
            for value in (item.text, item.id, item.title or "", item.source or ""):
                value.encode("utf-8")  # a lone surrogate would raise here
        else:
            assert isinstance(item, ArticleError) and item.reason
            assert "\n" not in item.reason and len(item.reason) < 400, item.reason
    uncompressed = path.suffix in (".txt", ".html", ".jsonl")
    if uncompressed and path.suffix != ".jsonl":
        assert len(items) == 1, (hostile.kind, items)
    if uncompressed and path.suffix == ".jsonl":
        origins = [item.origin for item in items]
        assert len(set(origins)) == len(origins) == count_items([str(path)])
    if hostile.kind == "decompression bombs":
        # Stopped by the bomb guard, or earlier by the byte limit: never read to the end.
        assert isinstance(items[-1], ArticleError)
        assert "bomb" in items[-1].reason or "over the limit" in items[-1].reason
    if hostile.kind.startswith("truncated") and not hostile.data:
        assert isinstance(items[-1], ArticleError)
        assert "cannot decompress (truncated or corrupt)" in items[-1].reason
    if hostile.kind == "lone surrogates":
        assert isinstance(items[0], Article) and isinstance(items[1], ArticleError)
        assert "lone surrogate" in items[1].reason


def written(folder: Path, inputs: Iterator[Hostile]) -> Iterator[tuple[Path, Hostile]]:
    for number, hostile in enumerate(inputs):
        path = folder / f"{number:05d}-{hostile.name}"
        path.write_bytes(hostile.data)
        yield path, hostile


@pytest.mark.usefixtures("small_bomb_floor")
def test_ten_thousand_hostile_inputs_through_the_reader(tmp_path: Path) -> None:
    kinds: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    previous = signal.signal(signal.SIGALRM, _hang)
    try:
        for path, hostile in written(tmp_path, hostile_inputs(SEED, READER_INPUTS)):
            signal.alarm(HANG_SECONDS)
            items = list(read_inputs([str(path)], max_chars=MAX_CHARS))
            signal.alarm(0)
            check(items, path, hostile)
            kinds[hostile.kind] += 1
            outcomes.update(type(item).__name__ for item in items)
            path.unlink()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    print(f"hostile inputs by class: {dict(sorted(kinds.items()))}; items: {dict(outcomes)}")
    assert sum(kinds.values()) == READER_INPUTS and len(kinds) == 12
    assert min(kinds.values()) >= 100


@pytest.mark.usefixtures("small_bomb_floor")
def test_hostile_inputs_through_the_whole_pipeline(tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    (desk / "tiny").mkdir(parents=True)
    list(written(desk, hostile_inputs(SEED + 1, PIPELINE_INPUTS, PIPELINE_DIGITS)))
    for number in range(TINY_FILES):  # a directory of many tiny files
        (desk / "tiny" / f"{number:03d}.txt").write_bytes(b"Up 3%."[: number % 7] or b" ")
    items = list(read_inputs([str(desk)], max_chars=MAX_CHARS))
    errors_path = tmp_path / "errors.jsonl"
    spec = JobSpec(inputs=(str(desk),), output=str(tmp_path / "claims.jsonl"),
                   errors=str(errors_path), max_chars=MAX_CHARS, workers=1)
    counts = run_job(spec)
    assert counts.articles_in == len(items) == counts.articles_done + counts.errors
    errors = [json.loads(line) for line in errors_path.read_text("utf-8").splitlines()]
    assert len(errors) == counts.errors
    # Every article the reader refused is named in the errors file, with its reason.
    refused = [(item.origin, item.reason) for item in items if isinstance(item, ArticleError)]
    assert set(refused) <= {(error["origin"], error["reason"]) for error in errors}
    assert all(error["origin"].startswith(str(desk)) and error["reason"] for error in errors)
    print(f"pipeline: {counts.summary()}")
