"""Review: what a fact-check desk reads and works from.

Modules: ``report`` (the self-contained HTML review page), ``view`` (what the page shows for one
article), ``marks`` (overlapping marks as well-nested HTML), ``claimreview`` (schema.org
ClaimReview skeletons) and ``queue`` (the SQLite queue a desk works). Offers ``write_report``,
``claimreviews`` and ``open_queue``.
"""

from pipeline.review.claimreview import claimreviews
from pipeline.review.queue import open_queue
from pipeline.review.report import write_report

__all__ = ["claimreviews", "open_queue", "write_report"]
