"""A batch job: read inputs, process them on one or more workers, write results resumably."""

from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, TextIO

from pipeline import __version__
from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read.reader import DEFAULT_MAX_CHARS, ReadItem, count_items, read_inputs
from pipeline.run.outputs import ItemOutput, Mode, OutputSpec, render
from pipeline.run.runner import Outcome, Runner, Settings, batches
from pipeline.run.write import OUT_NAMES, Counts, RunOutputs, dumps

Engine = Literal["local", "dask"]


@dataclass(frozen=True, slots=True)
class JobSpec:
    """What to read, how to process it and where to write it."""

    inputs: tuple[str, ...]
    output: str
    mode: Mode = "claims"
    errors: str | None = None
    published: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    input_format: str | None = None  # txt, jsonl, sgml, warc or html; None: by name or sniffed
    any_language: bool = False  # True: articles not in English are processed too
    workers: int = 1
    resume: bool = False
    settings: Settings = field(default_factory=Settings)
    min_checkworthiness: float | None = None  # keep claims at or above; None keeps all
    engine: Engine = "local"
    scheduler: str | None = None  # a Dask scheduler address; None starts a local cluster

    def output_spec(self) -> OutputSpec:
        return OutputSpec(self.mode, self.min_checkworthiness)

    def fingerprint(self) -> str:
        """Identifies the output a run will produce, so a resume cannot mix two runs."""
        key = {
            "version": __version__,
            "inputs": list(self.inputs),
            "mode": self.mode,
            "published": self.published,
            "max_chars": self.max_chars,
            "model": self.settings.model,
            "blas": self.settings.blas,
            "models_dir": str(self.settings.models_dir),
            "min_checkworthiness": self.min_checkworthiness,
        }
        if self.input_format is not None:  # only when set, so earlier runs still resume
            key["input_format"] = self.input_format
        if self.any_language:  # likewise
            key["any_language"] = True
        return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]


# The runner the worker processes use: built and warmed once in the parent, then shared
# with the forked workers page by page (copy-on-write) instead of loaded again in each.
_worker_runner: Runner | None = None
WARM_UP = Article(
    id="warm-up",
    text="Exports rose 5% to $3 billion in 2016, officials said.",
    published="2017-01-01",
)


def warmed_runner(settings: Settings) -> Runner:
    """A runner whose lazily loaded parts (quantity units, classifier) are loaded already."""
    runner = Runner(settings)
    runner.run_batch([WARM_UP])
    return runner


def _work(batch: tuple[OutputSpec, list[ReadItem]]) -> list[ItemOutput]:
    output, items = batch
    assert _worker_runner is not None
    return [render(outcome, output) for outcome in _worker_runner.run_batch(items)]


def process_outputs(
    items: Iterable[ReadItem],
    output: OutputSpec,
    settings: Settings,
    workers: int,
    runner: Runner | None = None,
) -> Iterator[list[ItemOutput]]:
    """Per batch, the outputs of its items in input order, whatever the worker count.

    ``runner``, when given, is used instead of loading one (and is what the workers fork from).
    """
    chunks = batches(items, settings.batch_size)
    if workers <= 1:
        runner = runner or Runner(settings)
        for batch in chunks:
            yield [render(outcome, output) for outcome in runner.run_batch(batch)]
        return
    global _worker_runner
    _worker_runner = runner or warmed_runner(settings)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        yield from pool.imap(_work, ((output, batch) for batch in chunks), chunksize=1)


def _outcomes(items: list[ReadItem]) -> list[Outcome]:
    assert _worker_runner is not None
    return _worker_runner.run_batch(items)


def process_outcomes(
    items: Iterable[ReadItem], settings: Settings, workers: int
) -> Iterator[list[Outcome]]:
    """Per batch, the results (or errors) of its items in input order, on ``workers`` processes.

    For callers that need whole results rather than serialized lines (the review page).
    """
    chunks = batches(items, settings.batch_size)
    if workers <= 1:
        runner = Runner(settings)
        for batch in chunks:
            yield runner.run_batch(batch)
        return
    global _worker_runner
    _worker_runner = warmed_runner(settings)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_outcomes, chunks, chunksize=1)


def engine_outputs(spec: JobSpec, items: Iterable[ReadItem]) -> Iterator[list[ItemOutput]]:
    """The batches' outputs from the engine the job asks for."""
    if spec.engine == "dask":
        try:
            from pipeline.run.engine_dask import process_outputs_dask
        except ImportError as error:
            raise RuntimeError(
                "the dask engine needs the optional extra: pip install 'claim-pipeline[dask]'"
            ) from error

        return process_outputs_dask(
            items, spec.output_spec(), spec.settings, spec.workers, spec.scheduler
        )
    return process_outputs(items, spec.output_spec(), spec.settings, spec.workers)


class Progress:
    """A live line on a terminal, plain log lines otherwise, and the closing summary.

    When the number of articles is known (``total``), the line shows it and the time left.
    """

    def __init__(
        self, stream: TextIO, every: float = 5.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.every = every
        self.clock = clock
        self.started = clock()
        self.last = self.started
        self.total: int | None = None
        self.resumed = 0  # articles a resumed run had done before this start
        self.counter: threading.Thread | None = None
        self.mode = "claims"  # what the run writes, named in the live line and the summary

    def count_in_background(self, inputs: Sequence[str]) -> None:
        """Learn ``total`` from the inputs without delaying the run."""

        def count() -> None:
            try:
                self.total = count_items(inputs)
            except OSError:  # the run itself reports unreadable inputs
                self.total = None

        self.counter = threading.Thread(target=count, name="count-articles", daemon=True)
        self.counter.start()

    def update(self, counts: Counts, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self.last < (0.2 if self.tty else self.every):
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        rate = (counts.articles_in - self.resumed) / elapsed
        total = self.total
        seen = f"{counts.articles_in}/{total}" if total is not None else f"{counts.articles_in}"
        line = (
            f"articles={seen} rate={rate:.1f}/s "
            f"{OUT_NAMES.get(self.mode, self.mode)}={counts.written(self.mode)} "
            f"errors={counts.errors} elapsed={duration(elapsed)}"
        )
        if total is not None and rate > 0:
            line += f" left={duration(max(total - counts.articles_in, 0) / rate)}"
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K")  # clear what a longer line left behind
        else:
            self.stream.write("progress: " + line + "\n")
        self.stream.flush()

    def close(self, counts: Counts) -> None:
        if self.tty:
            self.stream.write("\n")
        self.stream.write(counts.summary(self.mode) + "\n")
        self.stream.flush()


def duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h07m``: short enough for a progress line."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"


def run_job(
    spec: JobSpec,
    *,
    report: Callable[[ArticleError], None] | None = None,
    progress: Progress | None = None,
    stdin_items: Sequence[ReadItem] | None = None,
) -> Counts:
    """Run one job to completion (or resume it) and return its counts."""
    outputs = RunOutputs(spec.output, spec.errors, spec.fingerprint(), spec.resume)
    try:
        items: Iterable[ReadItem] = (
            stdin_items
            if stdin_items is not None
            else read_inputs(
                spec.inputs,
                default_published=spec.published,
                max_chars=spec.max_chars,
                input_format=spec.input_format,
                any_language=spec.any_language,
            )
        )
        done = outputs.items_done
        remaining = itertools.islice(items, done, None)
        counts = outputs.counts
        if progress is not None:
            progress.resumed = counts.articles_in
            progress.mode = spec.mode
            if stdin_items is None and spec.input_format is None:
                progress.count_in_background(spec.inputs)
        for batch in engine_outputs(spec, remaining):
            for item in batch:
                counts.articles_in += 1
                for line in item.lines:
                    outputs.records.write(line)
                counts.claims += item.claims
                counts.records += len(item.lines)
                if item.error is None:
                    counts.articles_done += 1
                    continue
                counts.errors += 1
                if outputs.errors is not None:
                    outputs.errors.write(dumps(item.error.to_dict()))
                if report is not None:
                    report(item.error)
            done += len(batch)
            outputs.checkpoint(done)
            if progress is not None:
                progress.update(counts)
        outputs.finish()
        if progress is not None:
            progress.close(counts)
        return counts
    finally:
        outputs.close()


def stderr_reporter(error: ArticleError) -> None:
    """Report one failed article on standard error, one line each."""
    sys.stderr.write(f"error: {error}\n")
