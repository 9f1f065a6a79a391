"""The write stage's closing summary names what the run wrote."""

from __future__ import annotations

import pytest

from pipeline.run.write import Counts


@pytest.mark.parametrize(("mode", "ending"), [
    ("claims", "claims out: 7"),
    ("annotations", "annotations out: 3"),  # it said "claims out: 0" for annotate
    ("claimreview", "ClaimReviews out: 7"),
])
def test_summary_counts_what_the_mode_writes(mode: str, ending: str) -> None:
    counts = Counts(articles_in=4, articles_done=3, errors=1, claims=7 if mode != "annotations"
                    else 0, records=7 if mode != "annotations" else 3)
    assert counts.summary(mode) == f"articles in: 4, done: 3, errors: 1, {ending}"
