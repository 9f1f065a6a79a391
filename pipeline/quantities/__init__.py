"""Quantities stage: money, percentages and other quantities with exact values and units.

Modules: ``component`` (the ``claims_quantities`` spaCy component and ``find_quantities``),
``numbers`` (numbers as news writes them), ``money`` (currency and percent markers), ``units``
(quantulum3 on short spans) and ``context`` (what around a number says it is no quantity).
Offers ``find_quantities``, ``checkworthy`` and ``is_measure``.
"""

from pipeline.quantities.component import checkworthy, find_quantities, is_measure

__all__ = ["checkworthy", "find_quantities", "is_measure"]
