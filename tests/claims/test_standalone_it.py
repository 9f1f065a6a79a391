"""Standalone claims, issue 19's `It` (outside and inside quotes): end to end on text of our own,
and the edits read on Reuters with their verdicts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from pipeline.contract import ArticleResult
from tests.claims.reading import assert_read, assert_standalone, read_stories


@pytest.fixture(scope="module")
def pipe(run_article: Callable[[str, str], ArticleResult]) -> Callable[[str], ArticleResult]:
    return lambda text: run_article(text, "2021-06-09")



# (article, fragment of the claim, words its standalone text must hold, must not)
ROWS = [
    # `It said` continues the lead's speaker, not the seller its statement names.
    ("<Pelham Lodges> said it and Corvin Realty Partners will buy the Alder Hotel from "
     "Marwick Corp for 20 mln dlrs.\n    It said the partners will spend 4 mln dlrs on the "
     "hotel's 180 rooms.", "spend 4 mln",
     ["Pelham Lodges said the partners"], ["Marwick Corp said"]),
    # `It said` after a report its owner is named with: the report, not the owner.
    ("Barley imports will fall 6 pct this year, the Grain Council's yearly report said.\n    "
     "It said stocks at the end of May were 40,000 tonnes.", "stocks at the end",
     ["The Grain Council's yearly report said stocks"], ["Grain Council said"]),
    # A main clause's `It said` goes on through the next `It said`: not its clause's subject.
    ("Barley imports will fall 6 pct this year, the Grain Council's yearly report said.\n    "
     "It said the fall was expected.\n    It said stocks at the end of May were 40,000 tonnes.",
     "stocks at the end", ["The Grain Council's yearly report said stocks"], ["The fall said"]),
    # `It estimated`: a verb of saying too; the company that spoke, not the one it named.
    ("Chile's copper exports will rise 5 pct, the Mining Council's yearly review said.\n    "
     "It forecast output at 2 mln tonnes.", "2 mln tonnes",
     ["The Mining Council's yearly review forecast"], ["Chile forecast"]),
    # An adverbial clause's subject (`if the index …`) does not compete with the main one's.
    ("The note may be repaid from 1995 to 1999 if the index does not fall below 90.\n    "
     "It may be called from 2004 at 102.", "called from 2004",
     ["The note may be called"], ["The index may"]),
    # ... unless an object of the same number could be `It` (the chart, not the board).
    ("The board printed a chart showing that, since the levy began in 1990, output has "
     "fallen every year.\n    It shows the 1994 fall at 12 pct.", "shows the 1994",
     ["It shows the 1994"], ["The board shows"]),
    # `The peso has been`: tagged plural, a singular verb says one.
    ("The peso has been free-floating since March 1995.\n    It is now at about 14.2 to the "
     "dollar.", "is now at about", ["The peso is now"], []),
    # `(It)` in a quote is a pronoun, whatever its tag: the survey is the one subject.
    ('"(It) is close to a deal on tariffs," the survey says.\n    It mainly covers farm '
     "output but also reviews the mines.", "mainly covers", ["The survey mainly covers"], []),
    # A bare mass noun or a sum as object sets up no rival to the reported clause's subject.
    ("The scheme, costing 900 mln dlrs, will also cover tea and rubber, she said.\n    It "
     "was expected to help two mln growers.", "help two mln", ["The scheme was expected"], []),
    # `It` is never the person who said it: the reported clause's subject alone.
    ("Maria Lopez said the fuel levy had failed because of weak demand.\n    It was dropped "
     "in May after two years.", "dropped in May", ["The fuel levy was dropped"], []),
    # A product's name with `the` is a definite noun phrase like any other.
    ("The Vela XL uses a new chip made by Ardent Microsystems.\n    It can be fitted with "
     "a 15-inch screen.", "15-inch screen", ["The Vela XL can be fitted"], []),
    # A relative clause inside the main subject's phrase has no rival subject for `It`.
    ("The Vela Mini, which Ardent says will run 20 pct faster than its older model, goes on "
     "sale today.\n    It carries a list price of 1,999 dlrs.", "list price",
     ["The Vela Mini carries"], []),
    # The subject of what was said, not the speaker, when `It` says nothing itself.
    ("Sold with 8 to 32 lines, the new Orion switchboard is built for small offices, the "
     "maker said.\n    It is compatible with 40 older telephone models.", "older telephone",
     ["The new Orion switchboard is compatible"], ["The maker is"]),
    # An object inside a phrase (`for cutting the deficit`) is no rival to the reported subject.
    ("Traders and brokers said the levy had no provisions for cutting the import deficit.\n"
     "    It also failed to lower fuel prices for farmers.", "fuel prices",
     ["The levy also failed"], ["The import deficit"]),
    # A mass noun its of-phrase makes definite.
    ("Production of rubber rose to 40,000 tonnes in 1985 from 31,000 tonnes in 1980.\n"
     "    It is forecast by the ministry to reach 55,000 tonnes by 1988.", "55,000 tonnes",
     ["Production of rubber is forecast"], []),
    # `It was the fifth consecutive month`: the event, not the index.
    ("The council's export index rose to 54.2 pct in May from 52.8 pct in April, the council "
     "said.\n    It was the fifth consecutive month with the index over 50 pct.",
     "fifth consecutive", ["It was the fifth"], ["index was the fifth"]),
    # A passive `It` after a named company did something to a thing: that thing.
    ("Orrin Mills Corp filed the offer with regulators on May 2.\n    It was seen as the main "
     "reason the rival bid of 40 mln dlrs failed.", "main reason", ["The offer was seen"],
     ["Orrin Mills Corp was seen"]),
    # `It was given permission`: something done to the company, which is named.
    ("Harlow Securities Corp said it had moved its head office to Denver.\n    It was also "
     "given permission last month to open a branch in Osaka.", "branch in Osaka",
     ["Harlow Securities Corp was also given"], []),
]


@pytest.mark.parametrize(("text", "fragment", "holds", "lacks"), ROWS)
def test_it_written_in(
    pipe: Callable[[str], ArticleResult], text: str, fragment: str, holds: list[str],
    lacks: list[str],
) -> None:
    assert_standalone(pipe(text), fragment, holds, lacks)


# Every edit the `It` rules of issue 19 (h19b) changed on reut2-000, read: (story, verdict, why
# in our words, words a standalone text must hold, words none may hold).
READ_IT = [
    # `It said`: the organisation that spoke last (chains.py).
    ("reuters-12", "good", "the mattress maker that spoke (was the licensor Sealy)",
     "Ohio Mattress Co said the delay", "Sealy Inc said the delay"),
    ("reuters-120", "good", "the filer, not the SEC it filed with",
     "High Point Financial Corp said the offering", None),
    ("reuters-379", "good", "the bracketed buyer of the lead, not the hotel's seller",
     "Four Seasons Hotels said the venture", None),
    ("reuters-437", "good", "the mining company through `The company said` thrice",
     "Stansbury Mining Corp said it does not", None),
    ("reuters-545", "good", "`It did not specify`: the investor group, by its short name",
     "WEDGE Group Inc did not specify", None),
    ("reuters-724", "good", "the acquirer whose bracketed name the source cut to `>`",
     "Wavehill International Ventures Inc said Personal", None),
    ("reuters-811", "good", "the trust's full bracketed name (was its first word)",
     "MFS Managed Muncipal Trust Bond said", None),
    ("reuters-820", "good", "the seller under its new name (was its former name)",
     "Armtek Corp said the agreement", None),
    ("reuters-840", "good", "the company of the lead, not the fund it sold a note to",
     "Microbiological Research Corp said the remaining", "Ventana Growth Fund said the"),
    ("reuters-983", "good", "`Equatorial said` many times: the company of the lead",
     "Equatorial Communications Co said it hopes", None),
    ("reuters-304", "good", "the bidder, with the `the` the article gives it (as before)",
     "The SHV said in a statement", None),
    ("reuters-254", "good", "the embassy's report that spoke (was Indonesia, the topic)",
     "Embassy's annual agriculture report said", "Indonesia said wheat"),
    ("reuters-254", "good", "`It said`, `It forecast` after `It said`: the report still "
     "(was Indonesia)", "Embassy's annual agriculture report forecast", "Indonesia forecast"),
    ("reuters-259", "good", "`It said` after `The embassy estimated`: the embassy (was "
     "Indonesia)", "U.S. Embassy said that", "Indonesia said that"),
    ("reuters-281", "good", "`It said` after `…, it said`: the news agency (was China)",
     "New China News Agency said 11", None),
    ("reuters-179", "good", "`it said` mid-sentence: the OECD with the `the` the source wrote",
     "the Organisation for Economic Co-operation and Development noted", None),
    ("reuters-365", "good", "the bank board with its `the` (the name spans a line)",
     "The Federal Home Loan Bank Board said", None),
    ("reuters-238", "good", "the paper that branded the budget stays (a rival to the chain)",
     "The Sunday Mail said in a front page", "Indian Express said"),
    ("reuters-881", "good", "`The paper quoted`: the newspaper of the lead stays",
     "The New York Times said", None),
    # Antecedents (antecedents.py): the rules of class 2.
    ("reuters-468", "good", "`It may be called`: the bond, not the price of the if-clause",
     "The bond may be called", None),
    ("reuters-237", "good", "`It primarily assesses`: the embassy report, `(It)` no rival",
     "The report primarily assesses", None),
    ("reuters-903", "good", "`It is currently at`: the peso the tagger made plural",
     "The peso is", None),
    ("reuters-951", "good", "`It was expected to benefit`: the land reform plan",
     "The plan was expected to benefit", None),
    ("reuters-137", "good", "`It was due to amortize`: the government (as misspelt there)",
     "The governent was due", None),
    ("reuters-256", "good", "`It was suspended`: the auction system Kaunda spoke of",
     "The auction system was suspended", None),
    ("reuters-367", "good", "`It can be equipped`: the Mac II the sentence before describes",
     "The Mac II can be equipped", None),
    ("reuters-925", "good", "`It shows`: the table, not the paper that printed it: left",
     None, "The paper shows"),
    # Session 9.
    ("reuters-238", "good", "`It also failed`: the budget economists judged (the deficit it "
     "did not close is inside a phrase)", "The budget also failed", None),
    ("reuters-275", "good", "`It is projected`: cocoa production, with the country it is "
     "of", "Production of cocoa in Indonesia is projected", None),
    ("reuters-362", "good", "`It does confirm`: the statement analysts read",
     "The statement does\nconfirm", None),
    ("reuters-367", "good", "`It carries a price`: the Mac SE, not Apple in its relative "
     "clause", "The Mac SE carries", None),
    ("reuters-446", "good", "`It is compatible`: the new system the company described, not "
     "the company", "The new System V is", None),
    ("reuters-331", "good", "`It was also given permission`: the broker the sentence before "
     "is about", "RMJ Securities was also given", None),
    ("reuters-252", "good", "`It was the seventh consecutive month`: an event, left as it is",
     None, "index was the seventh"),
    ("reuters-4", "good", "`It was seen as a major factor`: the offer BankAmerica "
     "filed, not BankAmerica", "The offer was seen", None),
]


@pytest.fixture(scope="module")
def reuters(claims_nlp: Language) -> dict[str, ArticleResult]:
    return read_stories(claims_nlp, READ_IT)


@pytest.mark.parametrize(("story", "verdict", "why", "holds", "lacks"), READ_IT)
def test_read_on_reuters(
    reuters: dict[str, ArticleResult], story: str, verdict: str, why: str,
    holds: str | None, lacks: str | None,
) -> None:
    assert_read(reuters, story, why, holds, lacks)
