"""Currencies as the wire names them: dlrs by country, stg, cts, and currencies now gone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.contract import PUBLISHED_KEY
from pipeline.quantities.component import find_quantities
from pipeline.quantities.money import article_bare, load_table
from tests.quantities.test_component import quantities_nlp  # noqa: F401  (the fixture)

Row = tuple[str, str, float, str | None]


def money_of(nlp: Language, text: str) -> list[Row]:
    return [(q.text, q.kind, float(f"{q.value:.9g}"), q.currency)
            for q in find_quantities(nlp(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Reserves stood at 6.2 billion N.Z. Dlrs at the end of May.",
     [("6.2 billion N.Z. Dlrs", "money", 6.2e9, "NZD")]),
    ("The mill will cost 310 mln Canadian dlrs to build.",
     [("310 mln Canadian dlrs", "money", 3.1e8, "CAD")]),
    ("Profit came to 41.5 mln Australian dlrs.",
     [("41.5 mln Australian dlrs", "money", 4.15e7, "AUD")]),
    ("Deposits hit 12 billion H.K. Dlrs.", [("12 billion H.K. Dlrs", "money", 1.2e10, "HKD")]),
    ("The tender raised 80 mln Singapore dlrs.",
     [("80 mln Singapore dlrs", "money", 8e7, "SGD")]),
    ("The group lost 14 mln stg in the half.", [("14 mln stg", "money", 1.4e7, "GBP")]),
    ("Bonn lent 2.4 billion marks to the steelmakers.",
     [("2.4 billion marks", "money", 2.4e9, "DEM")]),
    ("The Paris utility borrowed 900 mln French francs.",
     [("900 mln French francs", "money", 9e8, "FRF")]),
    ("A 150 mln Belgian franc loan was signed.",
     [("150 mln Belgian franc", "money", 1.5e8, "BEF")]),
    ("Amsterdam dealers sold 60 mln guilders of paper.",
     [("60 mln guilders", "money", 6e7, "NLG")]),
    ("Rome spent 700 billion lire on roads.", [("700 billion lire", "money", 7e11, "ITL")]),
    ("The Madrid bank earned 9.1 billion pesetas.",
     [("9.1 billion pesetas", "money", 9.1e9, "ESP")]),
    ("The Dublin brewer paid 35 mln punts.", [("35 mln punts", "money", 3.5e7, "IEP")]),
    ("Crude cost 58 Canadian cts a barrel more.",
     [("58 Canadian cts", "money", 0.58, "CAD")]),
    ("Its dividend is 7-1/2 cts a share.", [("7-1/2 cts", "money", 0.075, "USD")]),
    ("Norway's budget deficit was 4.5 billion Norwegian crowns.",
     [("4.5 billion Norwegian crowns", "money", 4.5e9, "NOK")]),
    # Spelled numbers with a wire scale are money like digits.
    ("The agency lent nine mln dlrs.", [("nine mln dlrs", "money", 9e6, "USD")]),
    # Wire compounds: the scale and the currency hyphenated to the figure.
    ("It arranged a 7.5-mln-dlr revolving credit.", [("7.5-mln-dlr", "money", 7.5e6, "USD")]),
    # A singular "mark" is money only as a scaled amount qualifying a noun.
    ("Dealers placed a 250 mln mark bond for the utility.",
     [("250 mln mark", "money", 2.5e8, "DEM")]),
    ("Bankers priced a 150 mln mark 5-3/4 pct issue for the city.",
     [("150 mln mark", "money", 1.5e8, "DEM"), ("5-3/4 pct", "percent", 5.75, None)]),
    # Wire headlines in capitals: an ordinal is no figure, the amounts keep their currency.
    ("ACME MILLS 3RD QTR SHR 41 CTS VS NINE CTS",
     [("41 CTS", "money", 0.41, "USD"), ("NINE CTS", "money", 0.09, "USD")]),
    ("The share index broke through the 1,500 mark today.",
     [("1,500", "other", 1500.0, None)]),
])
def test_wire_currencies(quantities_nlp: Language, text: str,  # noqa: F811
                         expected: list[Row]) -> None:
    assert money_of(quantities_nlp, text) == expected


@pytest.mark.parametrize(("text", "currency"), [
    # The qualified currency the story names decides what its bare "francs" are ...
    ("Swiss franc notes sold well. The issue totals 75 mln francs.", "CHF"),
    ("Belgian franc deposits grew. Banks hold 20 billion francs.", "BEF"),
    # ... else the one country it names ...
    ("Switzerland's budget showed a surplus of 300 mln francs.", "CHF"),
    ("Denmark ran a deficit of 1.2 billion crowns last month.", "DKK"),
    ("The Manila brewer earned 450 mln pesos in the year.", "PHP"),
    ("Karachi mills sold 2.1 billion rupees of yarn.", "PKR"),
    ("The mills sold 2.1 billion rupees of yarn.", "INR"),  # nothing named: the default
    ("Pakistan's deficit reached 30 billion rupees.", "PKR"),
    # ... else the default; a listing in Luxembourg names no currency.
    ("The issue of 500 mln francs will be listed in Luxembourg.", "FRF"),
])
def test_bare_words_follow_the_article(quantities_nlp: Language, text: str,  # noqa: F811
                                       currency: str) -> None:
    (row,) = money_of(quantities_nlp, text)
    assert row[3] == currency


def test_bare_words_default_when_nothing_is_named() -> None:
    assert article_bare("It paid 30 francs and 40 crowns.", load_table()) == {
        "FRANC": "FRF", "CROWN": "SEK", "PESO": "MXN", "RUPEE": "INR", "LIRA": "TRY"}


@pytest.mark.parametrize(("text", "published", "currency"), [
    # A bare lira is the one of the country the story names ...
    ("The Milan insurer set aside 800 mln lira for claims.", "1987-03-02", "ITL"),
    ("Ankara raised 90 billion lira from the bond sale.", "2011-06-14", "TRY"),
    # ... and the Turkish lira had another code before the 2005 redenomination.
    ("Ankara raised 90 billion lira from the bond sale.", "1987-03-02", "TRL"),
    ("The mill owes 45 billion Turkish lira.", "1999-10-01", "TRL"),
    # Naming no country, wire copy of the lira's time means the Italian one.
    ("The fund took in 600 mln lira in the month.", "1987-03-02", "ITL"),
    ("The fund took in 600 mln lira in the month.", "2016-05-20", "TRY"),
])
def test_lira_follows_the_story_and_its_date(quantities_nlp: Language, text: str,  # noqa: F811
                                             published: str, currency: str) -> None:
    doc = quantities_nlp.make_doc(text)
    doc.user_data[PUBLISHED_KEY] = published
    (quantity,) = find_quantities(quantities_nlp(doc))
    assert (quantity.kind, quantity.currency) == ("money", currency)


@pytest.mark.parametrize(("text", "expected"), [
    # Wire abbreviations of durations are the durations.
    ("Net rose in the nine mths to September.", [("nine mths", 9.0, "month")]),
    ("The bonds mature in 12 yrs.", [("12 yrs", 12.0, "year")]),
    ("Delivery takes three wks from the order.", [("three wks", 3.0, "week")]),
])
def test_wire_durations(quantities_nlp: Language, text: str,  # noqa: F811
                        expected: list[tuple[str, float, str]]) -> None:
    assert [(q.text, q.value, q.unit) for q in find_quantities(quantities_nlp(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Fractions as prices are quoted: one value each, a percentage point stays one.
    ("The shares eased 3/8 to 21-1/4 in late trade.",
     [("3/8", "other", 0.375, None), ("21-1/4", "other", 21.25, None)]),
    ("Yields rose 11/16 percentage point.",
     [("11/16 percentage point", "percent", 0.6875, None)]),
    ("The notes carry a 9-3/4 pct coupon.", [("9-3/4 pct", "percent", 9.75, None)]),
    # A figure under a month name in a table row is a figure, not a day to skip.
    ("Barley Jan 11.0, Mar 12.5, total 23.5.", [("11.0", "other", 11.0, None),
                                                ("12.5", "other", 12.5, None),
                                                ("23.5", "other", 23.5, None)]),
    # A hyphenated model number after a name is not a score.
    ("The airline bought a Boeing 767-200 last year.", []),
])
def test_wire_fractions(quantities_nlp: Language, text: str,  # noqa: F811
                        expected: list[Row]) -> None:
    assert money_of(quantities_nlp, text) == expected


@pytest.mark.parametrize(("text", "units"), [
    # The noun found after a bare figure may belong to the next one: a scale or a currency
    # word counts nothing.
    ("Orders 21.0 mln 19.4 mln", ["", ""]),
    ("The rate was set at 148.20/dlr for the day.", [""]),
    ("The mill employs 640 workers.", ["worker"]),
])
def test_counted_units(quantities_nlp: Language, text: str,  # noqa: F811
                       units: list[str]) -> None:
    assert [q.unit for q in find_quantities(quantities_nlp(text))] == units


@pytest.mark.parametrize(("text", "expected"), [
    # A figure misprinted keeps its currency, reads its digits as printed and says so.
    ("The bakery had sales of 2,315,0000 dlrs last year.",
     [("2,315,0000 dlrs", 23150000.0, "USD", True)]),
    ("The roadster lists at 51,.275 dlrs.", [("51,.275 dlrs", 51.275, "USD", True)]),
    ("The clinic has yearly sales of about 7000,000 dlrs.",
     [("7000,000 dlrs", 7000000.0, "USD", True)]),
    ("Losses came to 6,0048,000 dlrs vs 5,100,000 dlrs.",
     [("6,0048,000 dlrs", 60048000.0, "USD", True), ("5,100,000 dlrs", 5100000.0, "USD", False)]),
    # Figures grouped rightly are no misprints.
    ("Net was 1,204,330 dlrs, or 2,450.5 dlrs a unit.",
     [("1,204,330 dlrs", 1204330.0, "USD", False), ("2,450.5 dlrs", 2450.5, "USD", False)]),
])
def test_misprinted_figures(quantities_nlp: Language, text: str,  # noqa: F811
                            expected: list[tuple[str, float, str, bool]]) -> None:
    found = find_quantities(quantities_nlp(text))
    assert [(q.text, q.value, q.currency, q.misprinted) for q in found] == expected
