"""Batch jobs: workers give identical output, resume after a crash, errors counted and kept."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.contract import Article, ArticleResult
from pipeline.run.job import JobSpec, Progress, duration, run_job
from pipeline.run.runner import Settings, process_articles
from pipeline.run.write import Counts, ResumeMismatch, RunOutputs, Sink
from tests.conftest import ROOT, SEED

STORIES = [
    "Exports rose 5 percent to $3 billion in 2016, the ministry said on Tuesday.",
    "Imports fell from $40 billion to $38 billion last year, officials said.",
    '"We will not renegotiate," said Trade Minister Kim Hyun-chong.',
    "Shares of Acme Corp jumped 12% on Monday after it reported a profit of $1.2 million.",
]


def make_corpus(tmp_path: Path, copies: int = 3) -> Path:
    lines = []
    for copy in range(copies):
        for number, story in enumerate(STORIES):
            lines.append(
                json.dumps({"id": f"s{copy}-{number}", "text": story, "published": "2017-08-23"})
            )
        lines.append('{"id": "broken", "text": ')  # a malformed line in every copy
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def spec(corpus: Path, out: Path, **changes: object) -> JobSpec:
    base: dict[str, object] = {
        "inputs": (str(corpus), str(SEED)),
        "output": str(out / "claims.jsonl"),
        "errors": str(out / "errors.jsonl"),
        "settings": Settings(batch_size=2),
    }
    base.update(changes)
    return JobSpec(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    tmp = tmp_path_factory.mktemp("reference")
    corpus = make_corpus(tmp)
    counts = run_job(spec(corpus, tmp))
    assert counts.articles_in == 3 * 5 + 1
    assert counts.articles_in == counts.articles_done + counts.errors
    assert counts.errors == 3
    return corpus, (tmp / "claims.jsonl").read_bytes(), (tmp / "errors.jsonl").read_bytes()


def test_counts_and_errors_file(reference: tuple[Path, bytes, bytes]) -> None:
    corpus, claims, errors = reference
    lines = [json.loads(line) for line in errors.decode().splitlines()]
    assert [e["origin"] for e in lines] == [f"{corpus}:5", f"{corpus}:10", f"{corpus}:15"]
    assert all(e["reason"].startswith("malformed JSON") for e in lines)
    assert len(claims.decode().splitlines()) > 10


def test_two_workers_equal_one(reference: tuple[Path, bytes, bytes], tmp_path: Path) -> None:
    corpus, claims, errors = reference
    run_job(spec(corpus, tmp_path, workers=2))
    assert (tmp_path / "claims.jsonl").read_bytes() == claims
    assert (tmp_path / "errors.jsonl").read_bytes() == errors


def test_dask_local_cluster_equals_local(reference: tuple[Path, bytes, bytes],
                                        tmp_path: Path) -> None:
    corpus, claims, errors = reference
    counts = run_job(spec(corpus, tmp_path, engine="dask", workers=2))
    assert (tmp_path / "claims.jsonl").read_bytes() == claims
    assert (tmp_path / "errors.jsonl").read_bytes() == errors
    assert counts.articles_in == counts.articles_done + counts.errors == 16


class Crash(Exception):
    pass


@pytest.mark.parametrize("crash_after_lines", [1, 4, 9, 17])
def test_resume_after_a_crash_gives_the_same_bytes(
    reference: tuple[Path, bytes, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    crash_after_lines: int,
) -> None:
    corpus, claims, errors = reference
    written = 0
    original = Sink.write

    def crashing_write(self: Sink, line: str) -> None:
        nonlocal written
        written += 1
        if written == crash_after_lines:
            # A torn write: half a line reaches the disk, then the process dies.
            self.handle.write(line[: len(line) // 2])
            self.handle.flush()
            raise Crash
        original(self, line)

    monkeypatch.setattr(Sink, "write", crashing_write)
    with pytest.raises(Crash):
        run_job(spec(corpus, tmp_path))
    assert not (tmp_path / "claims.jsonl").exists()  # only the .part holds anything yet
    monkeypatch.setattr(Sink, "write", original)
    counts = run_job(spec(corpus, tmp_path, resume=True))
    assert (tmp_path / "claims.jsonl").read_bytes() == claims
    assert (tmp_path / "errors.jsonl").read_bytes() == errors
    assert counts.articles_in == counts.articles_done + counts.errors == 16
    assert not list(tmp_path.glob("*.part*"))


def test_resume_refuses_a_journal_of_other_arguments(
    reference: tuple[Path, bytes, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, _, _ = reference
    original = RunOutputs.checkpoint
    calls = 0

    def crash_on_second_checkpoint(self: RunOutputs, items_done: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise Crash
        original(self, items_done)

    monkeypatch.setattr(RunOutputs, "checkpoint", crash_on_second_checkpoint)
    with pytest.raises(Crash):
        run_job(spec(corpus, tmp_path))
    monkeypatch.undo()
    assert (tmp_path / "claims.jsonl.part.journal").exists()
    with pytest.raises(ResumeMismatch):
        run_job(spec(corpus, tmp_path, resume=True, published="2001-01-01"))


def test_resume_after_sigkill(reference: tuple[Path, bytes, bytes], tmp_path: Path) -> None:
    corpus, claims, _ = reference
    command = [
        str(Path(sys.executable).parent / "claims"),
        "extract",
        str(corpus),
        str(SEED),
        "-o",
        str(tmp_path / "claims.jsonl"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
        "--batch-size",
        "2",
        "--workers",
        "1",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    journal = tmp_path / "claims.jsonl.part.journal"
    deadline = time.monotonic() + 120
    while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True, check=False)
    assert (tmp_path / "claims.jsonl").read_bytes() == claims


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(min_size=1, max_size=300) | st.sampled_from(STORIES), min_size=1,
                      max_size=5))
def test_random_text_through_the_pipeline_loses_no_article(claims_nlp: Language,
                                                           texts: list[str]) -> None:
    items = [Article(id=f"r{n}", text=text, published="2017-08-23", origin=f"random:{n}")
             for n, text in enumerate(texts)]
    outcomes = list(process_articles(items, Settings(batch_size=2), claims_nlp))
    assert [o.article.id if isinstance(o, ArticleResult) else o.article_id for o in outcomes] == [
        a.id for a in items]
    for outcome in outcomes:
        assert isinstance(outcome, ArticleResult), outcome
        for claim in outcome.claims:
            assert outcome.article.text[claim.start:claim.end] == claim.text


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0.4, "0s"), (42, "42s"), (59.6, "1m00s"), (185, "3m05s"), (7620, "2h07m")],
)
def test_duration(seconds: float, shown: str) -> None:
    assert duration(seconds) == shown


def test_progress_shows_total_and_time_left_when_known() -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(stream, every=0, clock=clock)
    progress.resumed = 2  # done by an earlier, interrupted run: not part of this run's rate
    progress.total = 22
    clock.now += 4
    progress.update(Counts(articles_in=10, articles_done=9, errors=1, claims=30))
    assert stream.getvalue() == (
        "progress: articles=10/22 rate=2.0/s claims=30 errors=1 elapsed=4s left=6s\n"
    )


def test_progress_without_a_known_size_shows_no_time_left() -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(stream, every=0, clock=clock)
    clock.now += 2
    progress.update(Counts(articles_in=4, articles_done=4))
    assert stream.getvalue() == "progress: articles=4 rate=2.0/s claims=0 errors=0 elapsed=2s\n"


@pytest.mark.parametrize(("mode", "shown"), [
    ("claims", "claims=30"), ("annotations", "annotations=9"), ("claimreview", "ClaimReviews=9"),
])
def test_progress_counts_what_the_run_writes(mode: str, shown: str) -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(stream, every=0, clock=clock)
    progress.mode = mode
    clock.now += 5
    progress.update(Counts(articles_in=10, articles_done=9, errors=1, claims=30, records=9))
    assert stream.getvalue() == (
        f"progress: articles=10 rate=2.0/s {shown} errors=1 elapsed=5s\n"
    )


def test_run_job_counts_the_inputs_for_the_progress_line(
    reference: tuple[Path, bytes, bytes], tmp_path: Path
) -> None:
    corpus, _, _ = reference
    progress = Progress(io.StringIO(), every=0)
    counts = run_job(spec(corpus, tmp_path), progress=progress)
    assert progress.counter is not None
    progress.counter.join(timeout=30)
    assert progress.total == counts.articles_in == 16
