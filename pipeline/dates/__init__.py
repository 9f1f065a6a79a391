"""Dates stage: temporal expressions with TIMEX3 values anchored to the publication date.

Modules: ``component`` (the ``claims_dates`` spaCy component and ``find_dates``), ``rules`` (the
grammar: patterns and the handler each calls), ``handlers``, ``quarters`` and ``anaphora`` (from
matched words to a value; they import only ``calendar`` and value types), ``calendar`` (calendar
arithmetic, no clock, no timezone), ``tense`` (which way a relative date points) and
``published`` (publication dates as archives write them, read and checked).
Offers ``find_dates`` and ``normalize``.
"""

from pipeline.dates.component import find_dates
from pipeline.dates.rules import normalize

__all__ = ["find_dates", "normalize"]
