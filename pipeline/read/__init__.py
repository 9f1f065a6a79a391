"""Read stage: turn input paths into ``Article`` records or specific, per-article errors.

Modules: ``reader`` (inputs, files, directories, globs, URLs and standard input, one item each),
``formats`` (compression, format sniffing, line limits), ``sgml`` (Reuters-style SGML, streamed
story by story), ``records`` (field checks, JSON lines, claim records), ``warc`` (web pages
and archives) and ``language`` (articles not in English), on ``langmodel`` (py3langid's model,
held compactly). Offers ``read_inputs``, ``read_items`` (which also yields ``ClaimInput`` for
``claim/1`` records, for ``export``), ``count_items``, ``ReadItem`` and ``DEFAULT_MAX_CHARS``.
"""

from pipeline.read.reader import (
    DEFAULT_MAX_CHARS,
    ClaimInput,
    ReadItem,
    count_items,
    read_inputs,
    read_items,
)

__all__ = [
    "DEFAULT_MAX_CHARS",
    "ClaimInput",
    "ReadItem",
    "count_items",
    "read_inputs",
    "read_items",
]
