"""Wire tables and price lists are no dates; parts of days valued as the README says."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.dates.test_component import dates_nlp, values  # noqa: F401  (the fixture)

PUBLISHED = "1987-03-02"


@pytest.mark.parametrize(("text", "expected"), [
    # A month followed by a figure with a decimal is a column of a table, not a day.
    ("Rapeseed prev 12.5, Jan 30.4, Feb 7.0, total 49.9.", {}),
    ("Shipments: Oats April 16.5, June 3.0 (nil).", {}),
    # A figure ending one line is no count of the heading that opens the next paragraph.
    ("Sales 41.2 mln vs 9,310,000\n    Year\n    Sales 120.5 mln vs 98.1 mln", {}),
    ("Net profit 2,004,000 vs 1,880,000\n\nMonths\nRevs 3.1 mln", {}),
    # A line of month names heads the columns of the figures below it.
    ("Stocks, in thousand tonnes:\n         January   February\n  Copper   112.5   108.0\n", {}),
    ("Output\n     Dec 86    Jan 87\n Steel  4.1   3.9\n", {}),
    # Real days and durations stay: a day before a comma, a wrapped line inside a paragraph.
    ("Loadings are due May 20, the board said.", {"May 20": "1987-05-20"}),
    ("Output has fallen for the past 12\nmonths, the ministry said.",
     {"the past 12\nmonths": "P12M"}),
])
def test_table_rows_are_not_dates(dates_nlp: Language, text: str,  # noqa: F811
                                  expected: dict[str, str]) -> None:
    assert values(dates_nlp, text, PUBLISHED) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # As the README says: a named day with a part of it is the day ...
    ("The vote was held on Thursday night.", {"Thursday night": "1987-02-26"}),
    # ... a part of today, yesterday or tomorrow keeps TIMEX3's part-of-day suffix.
    ("Dealers expect a rate cut this afternoon.", {"this afternoon": "1987-03-02TAF"}),
    ("The strike began yesterday morning.", {"yesterday morning": "1987-03-01TMO"}),
])
def test_parts_of_day_as_the_readme_says(dates_nlp: Language, text: str,  # noqa: F811
                                         expected: dict[str, str]) -> None:
    assert values(dates_nlp, text, PUBLISHED) == expected
