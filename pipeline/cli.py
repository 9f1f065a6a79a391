"""The ``claims`` command line: a thin layer over the library."""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.assets import MODELS_DIR
from pipeline.dates.published import BadPublished, parse_published
from pipeline.errors import ArticleError
from pipeline.nlp.compose import BLAS_BACKENDS, DEFAULT_BLAS, DEFAULT_MODEL
from pipeline.read.reader import DEFAULT_MAX_CHARS
from pipeline.review.report import DEFAULT_PAGE_SIZE
from pipeline.run.job import JobSpec, Progress, run_job, stderr_reporter
from pipeline.run.outputs import Mode
from pipeline.run.runner import DEFAULT_BATCH_SIZE, Settings, process_articles
from pipeline.run.write import Counts, ResumeMismatch

app = typer.Typer(
    help="Turn news and wire-service articles into structured, checkable claims (JSONL).",
    no_args_is_help=True,
    add_completion=False,
)

SCHEMAS = ("claim", "annotations")
EXIT_SOME_FAILED = 1

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories (recursive), globs, URLs (via fsspec), or - for standard "
        "input. .txt (one article), .jsonl (one per line), Reuters .sgm, web archives .warc; "
        "each optionally .gz, .bz2, .xz or .zst."
    ),
]
Output = Annotated[str, typer.Option("--output", "-o", help="Output JSONL file, or - for stdout.")]
Errors = Annotated[
    str | None,
    typer.Option("--errors", help="Also write each failed article as a JSON line to this file."),
]
Published = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date for articles that have none: YYYY-MM-DD, an ISO 8601 stamp, "
        "'Tue, 22 Aug 2017 10:00:00 GMT' or 'Aug. 22, 2017' (years 1000-9999).",
    ),
]
Workers = Annotated[
    int,
    typer.Option(
        "--workers",
        "-w",
        min=0,
        help="Worker processes (0: all cores); the output is identical for any count.",
    ),
]
Resume = Annotated[
    bool, typer.Option("--resume", help="Continue an interrupted run with the same arguments.")
]
Model = Annotated[
    str,
    typer.Option(
        "--model",
        envvar="CLAIMS_MODEL",
        help="spaCy base model (e.g. en_core_web_trf if installed).",
    ),
]
Blas = Annotated[
    str,
    typer.Option(
        "--blas",
        help="Where the model's matrix products run: numpy (its OpenBLAS; faster here, "
        "same results) or blis (spaCy's default).",
    ),
]
ModelsDir = Annotated[
    Path, typer.Option("--models-dir", help="The project's own model assets (patterns, aliases).")
]
MaxChars = Annotated[
    int, typer.Option("--max-chars", min=1, help="Longest article accepted, in characters.")
]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch.")]
EngineOption = Annotated[
    str,
    typer.Option(
        "--engine",
        help="local (processes on this machine) or dask (a Dask cluster; "
        "needs claim-pipeline[dask]).",
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Dask scheduler address; without it --engine dask starts "
        "a local cluster of --workers workers.",
    ),
]
ENGINES = ("local", "dask")


def _check_date(value: str | None) -> str | None:
    """The --published date as YYYY-MM-DD, read as a record's ``published`` field is."""
    try:
        return None if value is None else parse_published(value, field="--published")
    except BadPublished as error:
        raise typer.BadParameter(str(error), param_hint="--published") from None


def _check_blas(value: str) -> None:
    if value not in BLAS_BACKENDS:
        raise typer.BadParameter(f"choose one of {', '.join(BLAS_BACKENDS)}", param_hint="--blas")


def _run(mode: Mode, inputs: list[str], output: str, options: dict[str, Any]) -> Counts:
    """Build the job from a command's options, run it, and turn its outcome into an exit code."""
    options["published"] = _check_date(options["published"])
    _check_blas(options["blas"])
    if options["engine"] not in ENGINES:
        raise typer.BadParameter(f"choose one of {', '.join(ENGINES)}", param_hint="--engine")
    spec = JobSpec(
        inputs=tuple(inputs),
        output=output,
        mode=mode,
        errors=options["errors"],
        published=options["published"],
        max_chars=options["max_chars"],
        workers=options["workers"] or os.cpu_count() or 1,
        resume=options["resume"],
        settings=Settings(
            model=options["model"],
            models_dir=options["models_dir"],
            batch_size=options["batch_size"],
            blas=options["blas"],
        ),
        engine="dask" if options["engine"] == "dask" else "local",
        scheduler=options["scheduler"],
        min_checkworthiness=options.get("min_checkworthiness"),
    )
    try:
        counts = run_job(spec, report=stderr_reporter, progress=Progress(sys.stderr))
    except (FileNotFoundError, ResumeMismatch) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    if counts.errors:
        raise typer.Exit(EXIT_SOME_FAILED)
    return counts


@app.command()
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
        target = queue_path(queue_url) + ".claims.jsonl"
    try:
        _run("claims", inputs, target, options)
    finally:
        if Path(target).exists():
            with Path(target).open(encoding="utf-8") as handle:
                stats = upsert(open_queue(queue_url), (json.loads(line) for line in handle))
            typer.echo(f"queue {queue_url}: {stats.added} added, {stats.updated} updated", err=True)


@app.command()
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
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    engine: EngineOption = "local",
    scheduler: Scheduler = None,
) -> None:
    """Write one annotations/1 JSON line per article: every mention found."""
    options = dict(locals())
    _run("annotations", options.pop("inputs"), options.pop("output"), options)


EXPORT_FORMATS = ("claimreview",)


@app.command()
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
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    engine: EngineOption = "local",
    scheduler: Scheduler = None,
) -> None:
    """Export each claim in a publishing format (one JSON line per claim)."""
    options = dict(locals())
    if options.pop("export_format") not in EXPORT_FORMATS:
        raise typer.BadParameter(
            f"choose one of {', '.join(EXPORT_FORMATS)}", param_hint="--format"
        )
    _run("claimreview", options.pop("inputs"), options.pop("output"), options)


@app.command()
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
    model: Model = DEFAULT_MODEL,
    blas: Blas = DEFAULT_BLAS,
    models_dir: ModelsDir = MODELS_DIR,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
) -> None:
    """Write a self-contained HTML review page: each article with its claims in place."""
    from pipeline.read.reader import read_inputs
    from pipeline.review.report import write_report

    published = _check_date(published)
    _check_blas(blas)
    settings = Settings(model=model, models_dir=models_dir, blas=blas)
    results = []
    failed = 0
    try:
        items = read_inputs(inputs, default_published=published, max_chars=max_chars)
        for outcome in process_articles(items, settings):
            if isinstance(outcome, ArticleError):
                stderr_reporter(outcome)
                failed += 1
            else:
                results.append(outcome)
    except FileNotFoundError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    written = write_report(results, output, page_size=page_size)
    typer.echo(
        f"wrote {len(written)} file(s), {len(results)} articles, {failed} errors: {written[0]}",
        err=True,
    )
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def queue(
    database: Annotated[str, typer.Argument(help="The queue: sqlite:///queue.db or a path.")],
    top_n: Annotated[int, typer.Option("--top", min=1, help="How many claims to list.")] = 20,
) -> None:
    """List the most check-worthy claims still new in the queue, one JSON line each."""
    from pipeline.review.queue import open_queue, queue_path, top

    if not Path(queue_path(database)).exists():
        typer.echo(f"error: no queue at {database}", err=True)
        raise typer.Exit(2)
    for row in top(open_queue(database), top_n):
        typer.echo(json.dumps(row.to_dict(), ensure_ascii=False))


@app.command()
def group(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A claims JSONL file.")],
) -> None:
    """Group claims that state the same thing (same claim_key) across articles, largest first."""
    from pipeline.review.queue import groups

    with file.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for found in groups(records):
        typer.echo(json.dumps(found.to_dict(), ensure_ascii=False))


def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of ``claim`` or ``annotations`` records."""
    text = resources.files("pipeline").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@app.command()
def schema(
    name: Annotated[str, typer.Argument(help="claim or annotations")],
) -> None:
    """Print the JSON Schema of claim/1 or annotations/1 records."""
    if name not in SCHEMAS:
        raise typer.BadParameter(f"choose one of {', '.join(SCHEMAS)}", param_hint="NAME")
    typer.echo(json.dumps(load_schema(name), indent=2))


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A JSONL output file.")],
) -> None:
    """Check every line of a claims, annotations or ClaimReview file against its schema."""
    from jsonschema import Draft202012Validator

    from pipeline.review.claimreview import validate as validate_claimreview

    validators = {
        f"{name}/1" if name == "claim" else "annotations/1": Draft202012Validator(load_schema(name))
        for name in SCHEMAS
    }
    problems = 0
    lines = 0
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            lines += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                typer.echo(f"{file}:{number}: malformed JSON: {error.msg}", err=True)
                problems += 1
                continue
            if isinstance(record, dict) and record.get("@type") == "ClaimReview":
                for message in validate_claimreview(record):
                    typer.echo(f"{file}:{number}: {message}", err=True)
                    problems += 1
                continue
            kind = record.get("schema") if isinstance(record, dict) else None
            validator = validators.get(kind) if isinstance(kind, str) else None
            if validator is None:
                typer.echo(f"{file}:{number}: unknown or missing 'schema' field", err=True)
                problems += 1
                continue
            for problem in sorted(validator.iter_errors(record), key=lambda e: list(e.path)):
                path = "/".join(str(p) for p in problem.path) or "(record)"
                typer.echo(f"{file}:{number}: {path}: {problem.message}", err=True)
                problems += 1
    typer.echo(f"{lines} records, {problems} problems")
    if problems:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
