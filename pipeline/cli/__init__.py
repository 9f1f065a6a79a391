"""The ``claims`` command line: a thin layer over the library.

Modules: ``commands`` (the typer app and its commands: extract, annotate, export, report, queue,
group, schema, validate) and ``options`` (the options they share). Offers ``app``, the entry
point ``claims``.
"""

from pipeline.cli.commands import app

__all__ = ["app"]
