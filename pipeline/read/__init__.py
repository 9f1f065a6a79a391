"""Read stage: turn input paths into ``Article`` records or specific, per-article errors.

Modules: ``reader`` (inputs, files, directories, globs, URLs and standard input, one item each),
``formats`` (compression, Reuters-style SGML, line limits) and ``warc`` (web archives).
Offers ``read_inputs``, ``count_items``, ``ReadItem`` and ``DEFAULT_MAX_CHARS``.
"""

from pipeline.read.reader import DEFAULT_MAX_CHARS, ReadItem, count_items, read_inputs

__all__ = ["DEFAULT_MAX_CHARS", "ReadItem", "count_items", "read_inputs"]
