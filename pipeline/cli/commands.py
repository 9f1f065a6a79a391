"""The ``claims`` commands: each a thin layer over the library."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from pipeline import __version__
from pipeline.assets import MODELS_DIR
from pipeline.cli.options import (
    AnyLanguage,
    BatchSize,
    Blas,
    EngineOption,
    Errors,
    ExportInputFormat,
    InputFormat,
    Inputs,
    MaxChars,
    Model,
    ModelsDir,
    Output,
    Published,
    Resume,
    Scheduler,
    Workers,
)
from pipeline.dates.published import BadPublished, parse_published
from pipeline.errors import ArticleError, Messages
from pipeline.nlp.compose import BLAS_BACKENDS, DEFAULT_BLAS, DEFAULT_MODEL
from pipeline.read.formats import FORMATS
from pipeline.read.reader import DEFAULT_MAX_CHARS
from pipeline.review.report import DEFAULT_PAGE_SIZE
from pipeline.review.validate import SCHEMAS, load_schema
from pipeline.run.job import JobSpec, Progress, run_job, stderr_reporter
from pipeline.run.outputs import Mode
from pipeline.run.runner import DEFAULT_BATCH_SIZE, Settings
from pipeline.run.write import Counts, ResumeMismatch


def _plain_flags(params: list[Any]) -> None:
    """Show flags (--resume, --help) bare in --help, without the ``<bool>`` typer gives them."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""


class Command(TyperCommand):
    """A command whose help shows flags bare."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _plain_flags(self.get_params(ctx))
        super().format_help(ctx, formatter)


class Group(TyperGroup):
    """The command group, its help showing flags bare."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _plain_flags(self.get_params(ctx))
        super().format_help(ctx, formatter)


app = typer.Typer(
    help="Turn news and wire-service articles into structured, checkable claims (JSONL).",
    no_args_is_help=True,
    add_completion=False,
    cls=Group,
)

EXIT_SOME_FAILED = 1
VALIDATE_SHOWN = 5  # lines with problems validate prints before it only counts them
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a run stopped by Ctrl-C
T = TypeVar("T")

ENGINES = ("local", "dask")


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"claims {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Turn news and wire-service articles into structured, checkable claims (JSONL)."""


def _check_date(value: str | None) -> str | None:
    """The --published date as YYYY-MM-DD, read as a record's ``published`` field is."""
    try:
        return None if value is None else parse_published(value, field="--published")
    except BadPublished as error:
        raise typer.BadParameter(str(error), param_hint="--published") from None


def _check_choice(value: str | None, choices: tuple[str, ...], option: str) -> None:
    if value is not None and value not in choices:
        raise typer.BadParameter(f"choose one of {', '.join(choices)}", param_hint=option)


def _run(mode: Mode, inputs: list[str], output: str, options: dict[str, Any]) -> Counts:
    """Build the job from a command's options, run it, and turn its outcome into an exit code."""
    options["published"] = _check_date(options["published"])
    _check_choice(options["blas"], BLAS_BACKENDS, "--blas")
    _check_choice(options["input_format"], FORMATS, "--format")
    _check_choice(options["engine"], ENGINES, "--engine")
    spec = JobSpec(
        inputs=tuple(inputs),
        output=output,
        mode=mode,
        errors=options["errors"],
        published=options["published"],
        max_chars=options["max_chars"],
        input_format=options["input_format"],
        any_language=options["any_language"],
        workers=options["workers"] or os.cpu_count() or 1,
        resume=options["resume"],
        settings=Settings(
            model=options["model"],
            models_dir=options["models_dir"],
            batch_size=options["batch_size"],
            blas=options["blas"],
            max_chars=options["max_chars"],
        ),
        engine="dask" if options["engine"] == "dask" else "local",
        scheduler=options["scheduler"],
        min_checkworthiness=options.get("min_checkworthiness"),
    )
    part = f"{output}.part"
    if output != "-" and not spec.resume and Path(part).exists():
        typer.echo(Messages.PART_DISCARDED.format(part=part), err=True)
    try:
        counts = run_job(spec, report=stderr_reporter, progress=Progress(sys.stderr))
    except (FileNotFoundError, ResumeMismatch) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    except KeyboardInterrupt:
        hint = Messages.INTERRUPTED_STDOUT if output == "-" else Messages.INTERRUPTED
        typer.echo("\n" + hint.format(part=part), err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if counts.errors:
        raise typer.Exit(EXIT_SOME_FAILED)
    return counts


@app.command(cls=Command)
def extract(
    inputs: Inputs,
    output: Output = "-",
    errors: Errors = None,
    published: Published = None,
    workers: Workers = 0,
    resume: Resume = False,
    model: Model = DEFAULT_MODEL,
    blas: Blas = DEFAULT_BLAS,
    models_dir: ModelsDir = MODELS_DIR,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    input_format: InputFormat = None,
    any_language: AnyLanguage = False,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    engine: EngineOption = "local",
    scheduler: Scheduler = None,
    min_checkworthiness: Annotated[
        float | None,
        typer.Option(
            "--min-checkworthiness",
            min=0.0,
            max=1.0,
            help="Keep only claims whose checkworthiness is at least this (default: all).",
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Also upsert the claims into a queue, e.g. sqlite:///queue.db: "
            "a claim is queued once, and its status is never reset.",
        ),
    ] = None,
) -> None:
    """Write one claim/1 JSON line per checkable claim. Exit 1 when some articles failed."""
    options = dict(locals())
    inputs, target, queue_url = options.pop("inputs"), options.pop("output"), options.pop("to")
    if queue_url is None:
        _run("claims", inputs, target, options)
        return
    from pipeline.review.queue import open_queue, queue_path, upsert

    # The queue is filled from the finished output file in one transaction, so a crash
    # mid-run leaves the queue as it was and a rerun (or --resume) fills it exactly once.
    if target == "-":
        target = _or_exit(queue_path, queue_url) + ".claims.jsonl"
    # Opened before the run, not after it: a wrong path costs nothing.
    _or_exit(open_queue, queue_url).close()
    try:
        _run("claims", inputs, target, options)
    finally:
        if Path(target).exists():
            with Path(target).open(encoding="utf-8") as handle:
                records = (json.loads(line) for line in handle)
                stats = upsert(_or_exit(open_queue, queue_url), records)
            typer.echo(f"queue {queue_url}: {stats.added} added, {stats.updated} updated", err=True)


@app.command(cls=Command)
def annotate(
    inputs: Inputs,
    output: Output = "-",
    errors: Errors = None,
    published: Published = None,
    workers: Workers = 0,
    resume: Resume = False,
    model: Model = DEFAULT_MODEL,
    blas: Blas = DEFAULT_BLAS,
    models_dir: ModelsDir = MODELS_DIR,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    input_format: InputFormat = None,
    any_language: AnyLanguage = False,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    engine: EngineOption = "local",
    scheduler: Scheduler = None,
) -> None:
    """Write one annotations/1 JSON line per article: every mention found."""
    options = dict(locals())
    _run("annotations", options.pop("inputs"), options.pop("output"), options)


EXPORT_FORMATS = ("claimreview",)


@app.command(cls=Command)
def export(
    inputs: Inputs,
    output: Output = "-",
    export_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="claimreview: a schema.org ClaimReview JSON-LD "
            "skeleton per claim, for a fact-checker to complete.",
        ),
    ] = "claimreview",
    errors: Errors = None,
    published: Published = None,
    workers: Workers = 0,
    resume: Resume = False,
    model: Model = DEFAULT_MODEL,
    blas: Blas = DEFAULT_BLAS,
    models_dir: ModelsDir = MODELS_DIR,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    input_format: ExportInputFormat = None,
    any_language: AnyLanguage = False,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    engine: EngineOption = "local",
    scheduler: Scheduler = None,
) -> None:
    """Export each claim in a publishing format (one JSON line per claim).

    INPUTS are articles, or claims files from extract, whose claims are exported as they are.
    """
    options = dict(locals())
    _check_choice(options.pop("export_format"), EXPORT_FORMATS, "--format")
    from pipeline.review.claimfile import export_claimreviews, is_claims_file

    claims_files = [name for name in inputs if is_claims_file(name)]
    if not claims_files:
        _run("claimreview", options.pop("inputs"), options.pop("output"), options)
        return
    if len(claims_files) < len(inputs):
        raise typer.BadParameter(Messages.MIXED_EXPORT.format(path=claims_files[0]))
    # A claims file is exported as it is: its claims are not rebuilt from their texts.
    counts = export_claimreviews([Path(n) for n in inputs], output, errors, stderr_reporter)
    typer.echo(counts.summary("claimreview").replace("articles", "claims", 1), err=True)
    if counts.errors:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command(cls=Command)
def report(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    page_size: Annotated[
        int,
        typer.Option(
            "--page-size",
            min=1,
            help="Articles per page; larger reports get an index page and numbered pages.",
        ),
    ] = DEFAULT_PAGE_SIZE,
    published: Published = None,
    workers: Workers = 0,
    model: Model = DEFAULT_MODEL,
    blas: Blas = DEFAULT_BLAS,
    models_dir: ModelsDir = MODELS_DIR,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    input_format: InputFormat = None,
    any_language: AnyLanguage = False,
) -> None:
    """Write a self-contained HTML review page: each article with its claims in place."""
    from pipeline.read.reader import read_inputs
    from pipeline.review.report import write_report
    from pipeline.run.job import process_outcomes

    published = _check_date(published)
    _check_choice(blas, BLAS_BACKENDS, "--blas")
    _check_choice(input_format, FORMATS, "--format")
    settings = Settings(model=model, models_dir=models_dir, blas=blas, max_chars=max_chars)
    results = []
    failures: list[ArticleError] = []
    try:
        items = read_inputs(
            inputs,
            default_published=published,
            max_chars=max_chars,
            input_format=input_format,
            any_language=any_language,
        )
        for batch in process_outcomes(items, settings, workers or os.cpu_count() or 1):
            for outcome in batch:
                if isinstance(outcome, ArticleError):
                    stderr_reporter(outcome)
                    failures.append(outcome)
                else:
                    results.append(outcome)
    except FileNotFoundError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    written = write_report(results, output, page_size=page_size, failures=failures)
    typer.echo(
        f"wrote {len(written)} file(s), {len(results)} articles, {len(failures)} errors: "
        f"{written[0]}",
        err=True,
    )
    if failures:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command(cls=Command)
def queue(
    database: Annotated[str, typer.Argument(help="The queue: sqlite:///queue.db or a path.")],
    top_n: Annotated[int, typer.Option("--top", min=1, help="How many claims to list.")] = 20,
    set_status: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--set-status",
            metavar="CLAIM_ID STATUS",
            help="Set a claim's status instead of listing: new (listed again), checking, "
            "done or dismissed.",
        ),
    ] = None,
) -> None:
    """List the most check-worthy claims still new in the queue, or set a claim's status."""
    from pipeline.review import queue as queues
    from pipeline.review.queue import open_queue, queue_path, top

    if not Path(_or_exit(queue_path, database)).exists():
        typer.echo(f"error: no queue at {database}", err=True)
        raise typer.Exit(2)
    if set_status is not None:
        claim_id, status = set_status
        if status not in queues.STATUSES:
            choices = ", ".join(queues.STATUSES)
            message = Messages.UNKNOWN_STATUS.format(status=status, choices=choices)
            raise typer.BadParameter(message, param_hint="--set-status")
        if not queues.set_status(_or_exit(open_queue, database), claim_id, status):
            typer.echo(f"error: {Messages.NOT_QUEUED.format(claim_id=claim_id, queue=database)}",
                       err=True)
            raise typer.Exit(1)
        typer.echo(f"{claim_id}: {status}", err=True)
        return
    for row in top(_or_exit(open_queue, database), top_n):
        typer.echo(json.dumps(row.to_dict(), ensure_ascii=False))


def _or_exit(make: Callable[[str], T], database: str) -> T:
    """What ``make`` gives for the queue ``database`` (its path, its connection), or a one-line
    error and exit status 2 when the URL names no file or the file is no queue."""
    try:
        return make(database)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None


@app.command(cls=Command)
def group(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A claims JSONL file.")],
) -> None:
    """Group claims that state the same thing (same claim_key) across articles, largest first."""
    from pipeline.review.claimfile import NotClaims, claim_records
    from pipeline.review.queue import groups

    try:
        records = list(claim_records(file))
    except NotClaims as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    for found in groups(records):
        typer.echo(json.dumps(found.to_dict(), ensure_ascii=False))


@app.command(cls=Command)
def schema(
    name: Annotated[str, typer.Argument(help="claim or annotations")],
) -> None:
    """Print the JSON Schema of claim/1 or annotations/1 records."""
    if name not in SCHEMAS:
        raise typer.BadParameter(f"choose one of {', '.join(SCHEMAS)}", param_hint="NAME")
    typer.echo(json.dumps(load_schema(name), indent=2))


@app.command(cls=Command)
def validate(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A JSONL output file.")],
) -> None:
    """Check every line of a claims, annotations or ClaimReview file against its schema."""
    from pipeline.review.validate import line_problems

    lines = problems = bad_lines = hidden = 0
    for number, messages in line_problems(file):
        lines += 1
        problems += len(messages)
        bad_lines += bool(messages)
        if bad_lines > VALIDATE_SHOWN:  # a wrong file has problems on every line: show a few
            hidden += len(messages)
            continue
        for message in messages:
            typer.echo(f"{file}:{number}: {message}", err=True)
    if hidden:
        rest = bad_lines - VALIDATE_SHOWN
        typer.echo(f"... {hidden} more problems on {rest} more lines not shown", err=True)
    typer.echo(f"{lines} records, {problems} problems")
    if problems:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
