"""Claim keys: equal for one claim worded differently in two articles, different across values."""

from __future__ import annotations

import re

import pytest

from pipeline.claims.key import claim_key, load_lexicon, measure_of
from pipeline.contract import (
    Attribution,
    Claim,
    DateMention,
    EntityMention,
    QuantityMention,
    TextSpan,
)

CANONICAL = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "United States": "United States",
    "the United States": "United States",
    "South Korea": "South Korea",
    "South Korean": "South Korean",
    "Seoul": "Seoul",
    "Census Bureau": "U.S. Census Bureau",
    "Reuters": "Reuters",
    "Robert Lighthizer": "Robert Lighthizer",
    "Kim": "Kim Hyun-chong",
    "Kim Hyun-chong": "Kim Hyun-chong",
}
LABELS = {"South Korean": "NORP", "Census Bureau": "ORG", "Reuters": "ORG",
          "Robert Lighthizer": "PERSON", "Kim": "PERSON", "Kim Hyun-chong": "PERSON"}
MONEY = re.compile(r"(US\$|S\$|\$)(\d+(?:\.\d+)?) (billion|million)")
CURRENCY = {"US$": "USD", "$": "USD", "S$": "SGD"}
SCALE = {"billion": 1e9, "million": 1e6}


def make_claim(
    text: str,
    dates: dict[str, str | None],
    *,
    published: str = "2017-08-23",
    source: str | None = None,
    offset: int = 100,
) -> Claim:
    """A claim as the pipeline builds it: offsets into an article, mentions of the real stages."""
    entities = []
    for name in sorted(CANONICAL, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", text):
            if any(e.start <= m.start() + offset < e.end for e in entities):
                continue
            entities.append(EntityMention(m.start() + offset, m.end() + offset, name,
                                          LABELS.get(name, "GPE"), CANONICAL[name]))
    quantities = []
    for m in MONEY.finditer(text):
        before = text[: m.start()].rstrip()
        equivalent = 0 if before.endswith("(") and quantities else None
        currency = CURRENCY[m.group(1)]
        quantities.append(QuantityMention(
            m.start() + offset, m.end() + offset, m.group(0), "money",
            float(m.group(2)) * SCALE[m.group(3)], currency, currency,
            equivalent_of=equivalent,
        ))
    for m in re.finditer(r"(\d+(?:\.\d+)?) percent", text):
        quantities.append(QuantityMention(m.start() + offset, m.end() + offset, m.group(0),
                                          "percent", float(m.group(1)), "percent"))
    date_mentions = [
        DateMention(text.index(t) + offset, text.index(t) + len(t) + offset, t, value,
                    anchor=published)
        for t, value in dates.items()
    ]
    attribution = None
    if source is not None:
        s = text.index(source)
        attribution = Attribution(
            content=TextSpan(offset, offset + s, text[:s]),
            source=TextSpan(s + offset, s + len(source) + offset, source),
        )
    return Claim(
        claim_id=f"c{offset}", article_id=f"a{offset}", text=text, start=offset,
        end=offset + len(text), type="statistic",
        entities=tuple(sorted(entities, key=lambda e: (e.start, e.end))),
        quantities=tuple(sorted(quantities, key=lambda q: (q.start, q.end))),
        dates=tuple(date_mentions), attribution=attribution, published=published,
    )


SAME = [
    (
        make_claim("The US goods deficit with South Korea was $27.7 billion in 2016.",
                   {"2016": "2016"}, published="2017-03-02", offset=40),
        make_claim("United States figures indicate its goods deficit with South Korea was "
                   "US$27.7 billion (S$37.7 billion) previous year.",
                   {"previous year": "2016"}, published="2017-08-23", offset=1601),
    ),
    (
        make_claim("In 2016, South Korea's vehicle exports to the United States stood at "
                   "$16.2 billion, a trade ministry official said.", {"2016": "2016"},
                   source="a trade ministry official"),
        make_claim("South Korean vehicle exports to the U.S. stood at $16.2 billion last year, "
                   "Reuters reported.", {"last year": "2016"}, source="Reuters", offset=7),
    ),
    (
        make_claim("The Census Bureau said Tuesday that the US deficit with South Korea was "
                   "$27.7 billion in 2016.", {"Tuesday": "2017-08-22", "2016": "2016"},
                   source="The Census Bureau", offset=3),
        make_claim("The US deficit with South Korea was $27.70 billion in 2016, the Census "
                   "Bureau said.", {"2016": "2016"}, source="the Census Bureau",
                   published="2017-09-01"),
    ),
    (
        make_claim("\"I think it's better that we maintain the agreement because it's a "
                   "win-win\", said Kim.", {}, source="Kim", offset=1310),
        make_claim("\"I think it's better that we maintain the agreement because it's a "
                   "win-win\", Kim Hyun-chong said.", {}, source="Kim Hyun-chong", offset=88),
    ),
]

SAME.append(
    (
        make_claim("Seoul will not renegotiate the deal, South Korea's trade minister said "
                   "Tuesday.", {"Tuesday": "2017-08-22"}, source="South Korea's trade minister"),
        make_claim("South Korea's trade minister said Wednesday that Seoul will not renegotiate "
                   "the deal.", {"Wednesday": "2017-08-23"},
                   source="South Korea's trade minister", published="2017-08-24"),
    )
)

DIFFERENT = [
    (
        make_claim("The US goods deficit with South Korea was $27.7 billion in 2016.",
                   {"2016": "2016"}),
        make_claim("The US goods deficit with South Korea was $23.2 billion in 2016.",
                   {"2016": "2016"}),
    ),
    (
        make_claim("The US goods deficit with South Korea was $27.7 billion in 2016.",
                   {"2016": "2016"}),
        make_claim("The US goods deficit with South Korea was $27.7 billion in 2015.",
                   {"2015": "2015"}),
    ),
    (
        make_claim("The US goods deficit with South Korea was $27.7 billion in 2016.",
                   {"2016": "2016"}),
        make_claim("The US goods surplus with South Korea was $27.7 billion in 2016.",
                   {"2016": "2016"}),
    ),
    (
        make_claim("South Korea's vehicle exports to the United States stood at $16.2 billion.",
                   {}),
        make_claim("South Korea's vehicle imports from the United States stood at $16.2 "
                   "billion.", {}),
    ),
    (
        make_claim("Seoul will not renegotiate the free trade deal, said Kim.", {},
                   source="Kim"),
        make_claim("Seoul will study the causes of the trade imbalance, said Kim.", {},
                   source="Kim"),
    ),
    # A like sum about no one and no known measure: the words say what it measures.
    (
        make_claim("The new engines were valued at $5 million each.", {}),
        make_claim("The wheat haul was put at $5 million by dealers.", {}),
    ),
]


@pytest.mark.parametrize(("first", "second"), SAME)
def test_same_claim_worded_differently_shares_a_key(first: Claim, second: Claim) -> None:
    assert claim_key(first) == claim_key(second)


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_claims_get_different_keys(first: Claim, second: Claim) -> None:
    assert claim_key(first) != claim_key(second)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (SAME[0][1], "South Korea + United States | deficit goods | USD 2.77e+10 | 2016"),
        (SAME[1][1], "South Korea + United States | export vehicle | USD 1.62e+10 | 2016"),
        (
            make_claim("The value of USA goods exported to Korea fell 0.03 percent from "
                       "$43.5 billion in 2011 to $42.3 billion in 2016, the report said.",
                       {"2011": "2011", "2016": "2016"}),
            "United States | goods value | USD 4.23e+10 + USD 4.35e+10 + percent 0.03"
            " | 2011 + 2016",
        ),
    ],
)
def test_key_reads_subject_measure_value_time(claim: Claim, expected: str) -> None:
    assert claim_key(claim) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports of American beef to South Korea rose.", ("export",)),
        ("The trade shortfall narrowed while gross domestic product grew.",
         ("deficit", "gdp", "trade")),
        ("Auto sales and steel imports fell.", ("import", "sales", "steel", "vehicle")),
    ],
)
def test_measures_are_canonical(text: str, expected: tuple[str, ...]) -> None:
    assert measure_of(make_claim(text, {}), load_lexicon()) == expected


def test_key_survives_the_claim_record_round_trip() -> None:
    claim = SAME[0][1]
    assert claim_key(Claim.from_dict(claim.to_dict())) == claim_key(claim)


def test_a_pronoun_resolved_in_the_standalone_text_keys_like_the_name() -> None:
    """`Its exports` (its = South Korea, resolved) groups with `South Korea's exports`."""
    from dataclasses import replace

    from pipeline.contract import Edit, Standalone

    named = make_claim("South Korea's car exports fell 4 percent in 2016.", {"2016": "2016"})
    pronoun = make_claim("Its car exports fell 4 percent in 2016.", {"2016": "2016"}, offset=9)
    assert claim_key(named) != claim_key(pronoun)
    edit = Edit(0, 3, "Its", "South Korea's", "possessive", 0.8, "South Korea")
    standalone = Standalone("South Korea's car exports fell 4 percent in 2016.", (edit,))
    assert claim_key(named) == claim_key(replace(pronoun, standalone=standalone))
