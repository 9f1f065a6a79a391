"""The options the commands share, each an annotated type with its help, in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUTS",
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
FORMAT_HELP = (
    "Input format: txt, jsonl, sgml, warc or html, for inputs whose name does not say it; "
    "standard input is sniffed without it."
)
InputFormat = Annotated[
    str | None, typer.Option("--format", "--input-format", help=FORMAT_HELP)
]
# export's --format names what it writes, so there the input format has the longer name only.
ExportInputFormat = Annotated[str | None, typer.Option("--input-format", help=FORMAT_HELP)]
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
AnyLanguage = Annotated[
    bool,
    typer.Option(
        "--any-language",
        help="Also process articles not in English (by default each is an error, "
        "'not English: de').",
    ),
]
