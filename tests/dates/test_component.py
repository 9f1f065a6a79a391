"""Dates stage: finding temporal expressions and resolving them against the publication date."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from pipeline.contract import PUBLISHED_KEY, DateMention
from pipeline.dates.component import STAGE_KEY, find_dates
from pipeline.dates.rules import NO_ANCHOR
from pipeline.nlp.compose import DEFAULT_MODEL
from pipeline.spans import load
from tests.conftest import SHARED

SPECS = SHARED / "data" / "recognizers-specs"
SEED_DAY = "2017-08-23"  # a Wednesday



@pytest.fixture(scope="session")
def dates_nlp() -> Language:
    """The base model with the dates stage alone."""
    import pipeline.dates  # noqa: F401  (registers the factory)

    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("claims_dates")
    return nlp


def run(nlp: Language, text: str, published: str | None) -> tuple[DateMention, ...]:
    doc = nlp.make_doc(text)
    doc.user_data[PUBLISHED_KEY] = published
    return load(nlp(doc), STAGE_KEY, DateMention.from_dict)


def values(nlp: Language, text: str, published: str | None = SEED_DAY) -> dict[str, str | None]:
    return {m.text: m.value for m in run(nlp, text, published)}


# Sentences of the seed article (published 2017-08-23) and what a fact-checker needs from them.
SEED_CASES = [
    ("The value of USA goods exported to Korea fell 0.03 percent from $43.5 billion in 2011 to "
     "$42.3 billion in 2016, the report said.", {"2011": "2011", "2016": "2016"}),
    ("United States figures indicate its goods deficit with South Korea was US$27.7 billion "
     "(S$37.7 billion) previous year.", {"previous year": "2016"}),
    ("Seoul maintains that the deal has been mutually beneficial, saying last month that it would "
     "not necessarily renegotiate terms.", {"last month": "2017-07"}),
    ("Washington hoped there would be discussions to amendments of the free trade deal agreed to "
     "5 years ago.", {"5 years ago": "2012"}),
    ("The first round of meetings has drawn wide speculation that joint committee on August 22 "
     "was the start of an intense FTA showdown.", {"August 22": "2017-08-22"}),
    ("South Korea's top trade negotiator said Tuesday that Seoul will not discuss renegotiation.",
     {"Tuesday": "2017-08-22"}),
    ("Lighthizer and Kim Hyun-chong will begin the talks with a videoconference meeting on "
     "Tuesday, The Wall Street Journal reported.", {"Tuesday": "2017-08-29"}),
]


@pytest.mark.parametrize(("text", "expected"), SEED_CASES)
def test_seed_dates(dates_nlp: Language, text: str, expected: dict[str, str]) -> None:
    assert values(dates_nlp, text) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The company said Friday it would cut 200 jobs.", "1998-08-08", {"Friday": "1998-08-07"}),
    ("Officials said Saturday the toll had risen.", "1998-08-08", {"Saturday": "1998-08-08"}),
    ("The board will meet on Monday to vote.", "1998-08-08", {"Monday": "1998-08-10"}),
    ("The tenants have until 9 a.m. Tuesday to move out.", "2000-04-03",
     {"9 a.m. Tuesday": "2000-04-04T09:00"}),
    ("Profit rose in the third quarter.", "1989-11-02", {"the third quarter": "1989-Q3"}),
    ("Fourth-quarter profit fell sharply.", "1990-02-10", {"Fourth-quarter": "1989-Q4"}),
    ("Sales in the fourth quarter of 1988 rose 5%.", "1990-02-10",
     {"the fourth quarter of 1988": "1988-Q4"}),
    ("The economy grew in the second half of 2016.", SEED_DAY,
     {"the second half of 2016": "2016-H2"}),
    ("The bombing took place on Aug. 7, 1998.", "1999-06-07", {"Aug. 7, 1998": "1998-08-07"}),
    ("Prices peaked in March 1996 and fell.", "1998-01-01", {"March 1996": "1996-03"}),
    ("Exports slumped last year.", SEED_DAY, {"last year": "2016"}),
    ("The plant will reopen next year.", SEED_DAY, {"next year": "2018"}),
    ("The strike began last week.", SEED_DAY, {"last week": "2017-W33"}),
    ("The talks resume next week.", SEED_DAY, {"next week": "2017-W35"}),
    ("Rebels fought over the weekend.", SEED_DAY, {"the weekend": "2017-W33-WE"}),
    ("Snow fell yesterday and will fall tomorrow.", SEED_DAY,
     {"yesterday": "2017-08-22", "tomorrow": "2017-08-24"}),
    ("The vote is today.", SEED_DAY, {"today": "2017-08-23"}),
    ("He spoke this morning.", SEED_DAY, {"this morning": "2017-08-23TMO"}),
    ("Prices rose in the 1990s.", SEED_DAY, {"the 1990s": "199"}),  # the article is in the extent
    ("It was the bloodiest war of the 20th century.", SEED_DAY, {"the 20th century": "19"}),
    ("The dam was built last fall.", SEED_DAY, {"last fall": "2016-FA"}),
    ("The law passed in the summer of 2015.", SEED_DAY, {"the summer of 2015": "2015-SU"}),
    ("Prices are now falling.", SEED_DAY, {"now": "PRESENT_REF"}),
    ("Shares fell two months ago.", SEED_DAY, {"two months ago": "2017-06"}),
    ("Rates climbed sharply in mid-1996.", "1998-01-01", {"mid-1996": "1996"}),
    ("The firm was founded in nineteen ninety-six.", SEED_DAY, {"nineteen ninety-six": "1996"}),
    ("Shoppers crowded stores on Thanksgiving Day.", "1999-12-01",
     {"Thanksgiving Day": "1999-11-25"}),
    ("The report was issued 2017-08-01.", SEED_DAY, {"2017-08-01": "2017-08-01"}),
    ("WASHINGTON, March 12 (Xinhua) -- Poland joined NATO.", "1999-03-13",
     {"March 12": "1999-03-12"}),
    ("Sales rose between March and May, the company said.", SEED_DAY,
     {"March": "2017-03", "May": "2017-05"}),
    ("He visited the plant in March.", "2017-01-10", {"March": "2016-03"}),
    ("He will visit the plant in March.", "2017-01-10", {"March": "2017-03"}),
    ("Theresa May said she may quit.", SEED_DAY, {}),
])
def test_dates_resolved(dates_nlp: Language, text: str, published: str,
                        expected: dict[str, str]) -> None:
    assert values(dates_nlp, text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The rent rose 5% for five years.", ("five years", "P5Y", "DURATION")),
    ("He was jailed for several months.", ("several months", "PXM", "DURATION")),
    ("The talks lasted 48 hours.", ("48 hours", "PT48H", "DURATION")),
])
def test_durations_kept_apart(dates_nlp: Language, text: str,
                              expected: tuple[str, str, str]) -> None:
    (mention,) = run(dates_nlp, text, SEED_DAY)
    assert (mention.text, mention.value, mention.type) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # plans, schedules and "as soon as" look ahead even when reported in the past tense
    ("The delegation planned to fly from Lisbon on Thursday to Oslo.", "1998-09-30",
     {"Thursday": "1998-10-01"}),
    ("Farmers planned a big rally outside the statehouse on Saturday.", "2000-01-07",
     {"Saturday": "2000-01-08"}),
    ("The crew could head back to Canada as soon as Tuesday, Moreau said.",
     "2000-04-03", {"Tuesday": "2000-04-04"}),
    ("The truce had been scheduled to lapse at midnight Friday.", "1989-10-30",
     {"midnight Friday": "1989-10-27T24:00"}),
    ("Neither she nor her cousins could be reached Wednesday in Toledo.", "2000-01-06",
     {"Wednesday": "2000-01-05"}),
    # "until" looks ahead only when the clause does not say it is over
    ("Until Thursday, police had not named Ruiz as a witness.", "1999-05-07",
     {"Thursday": "1999-05-06"}),
    ("The tenants have until Tuesday to reply.", "2000-04-03", {"Tuesday": "2000-04-04"}),
    # an unmarked month within four months of publication is the nearest one
    ("The stake, valued at $40 million in October, fetches barely a third of that now.",
     "1998-01-08",
     {"October": "1997-10", "now": "PRESENT_REF"}),
    # TIMEX3 extents: no possessive, no "earlier"/"later", no "its", no "by"; decades keep "the"
    ("In Sunday's forum against Hale, Moreno pushed back.", "1998-10-26",
     {"Sunday": "1998-10-25"}),
    ("Earlier Friday, the union filed an appeal.", "2000-01-07", {"Friday": "2000-01-07"}),
    # a weekday's part of day stays in the extent; the value names the day (see h_weekday)
    ("The vigil started early Friday morning.", "2000-01-28",
     {"Friday morning": "2000-01-28"}),
    ("Protesters marched past the embassy Saturday night.", "2017-03-06",
     {"Saturday night": "2017-03-04"}),
    ("The company reported its third-quarter loss.", "1989-10-26",
     {"third-quarter": "1989-Q3"}),
    ("The deal should close by year-end.", "1989-11-02", {"year-end": "1989"}),
    ("Tensions eased in the early 1990s.", "2000-02-24",
     {"the early 1990s": "199"}),
    # quarterly results: the quarter a closing date ends, year-ago quarters
    ("In the quarter ended July 31, Bexley Tools earned 4 cents a share.", "1989-10-30",
     {"the quarter": "1989-Q2", "July 31": "1989-07-31"}),
    ("In the year-earlier third quarter, the retailer posted a profit of $4 million.",
     "1989-10-27",
     {"the year-earlier third quarter": "1988-Q3"}),
    ("Earnings climbed in the third quarter. German revenue for last year's quarter was "
     "$8 million.",
     "1989-11-01", {"the third quarter": "1989-Q3", "last year's quarter": "1988-Q3"}),
    # "current" is left out: annotators tag it in under half its uses (TimeBank), GUM never
    ("The company cited current market conditions.", "1989-10-30", {}),
    # names and titles are not dates
    ("Volunteers handed out water at the annual March for Peace downtown.", "1999-01-22", {}),
    ('In an interview on ABC\'s "This Week," the senator called the vote a setback.',
     "1990-08-13", {}),
    ("The coach told CBS's ''60 Minutes'' he would retire.", "2000-04-17", {}),
    ("He drew the comic with colourist Holly Christmas.", "2016-09-07", {}),
    ("A poll for The Sunday Tribune put the party 4 points ahead.", "1987-03-02", {}),
    ("The Wednesday average rose 3 points.", "1987-02-27", {"Wednesday": "1987-02-25"}),
    ("The quote first ran in USA Today on Monday.", "2017-03-08", {"Monday": "2017-03-06"}),
    ("The old boiler makes that noise every now and again.", "2008-01-20", {}),
    # The day after a reported speech verb is the speech's, whatever the clause after it says.
    ("Tromso Steel said on Monday it would cut output.", "2021-03-02", {"Monday": "2021-03-01"}),
    ("The mill told reporters on Friday it will shut.", "2021-03-02", {"Friday": "2021-02-26"}),
    ("The board said it would meet on Monday.", "2021-03-02", {"Monday": "2021-03-08"}),
    # Commodity copy names the months goods are traded for: ahead, whatever the tense.
    ("April/May cocoa went at 1,900 dlrs a tonne, traders said.", "2021-02-26",
     {"April": "2021-04", "May": "2021-05"}),
    # ... but a crop year's months in reverse order are the season, read as ever.
    ("Exports in the 2020/21 season (October/September) rose 4 percent.", "2021-03-02",
     {"2020": "2020", "October": "2020-10", "September": "2020-09"}),
])
def test_tense_extent_and_names(dates_nlp: Language, text: str, published: str,
                                expected: dict[str, str]) -> None:
    assert values(dates_nlp, text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a possessive weekday names an event already known, whatever the clause's tense
    ("Critics said they would try to overturn Wednesday's verdict.", "2000-01-07",
     {"Wednesday": "2000-01-05"}),
    # a deadline set or moved with "until" lies ahead even when the move is told in the past
    ("The council postponed until Tuesday morning its vote on the budget.", "2000-03-30",
     {"Tuesday morning": "2000-04-04"}),
    ("The landlord has given the tenants until 9 a.m. Tuesday to leave.", "2000-04-03",
     {"9 a.m. Tuesday": "2000-04-04T09:00"}),
    ("The talks lasted until Tuesday, when both sides left.", "2000-04-06",
     {"Tuesday": "2000-04-04"}),
    # the month after publication is the coming one, even in a past-tense report
    ("Shipments were cut in September, the ministry said.", "1990-08-16",
     {"September": "1990-09"}),
    ("Shipments were cut in October, the ministry said.", "1990-08-16",
     {"October": "1989-10"}),
    # "last February" in March is a year back (the month just gone is "last month")
    ("Two cargo planes collided last February.", "1998-03-01",
     {"last February": "1997-02"}),
    ("Two cargo planes collided this past February.", "1998-03-01",
     {"this past February": "1998-02"}),
    # "the previous Friday" counts from the day the story last named
    ("The index ended Friday at 1415.6, off 3.2% from the previous Friday.", "1989-10-30",
     {"Friday": "1989-10-27", "the previous Friday": "1989-10-20"}),
    # the bare second day of a pair takes the first one's month and year
    ("The summit will be held in Washington on April 24 and 25.", "1999-02-10",
     {"April 24": "1999-04-24", "25": "1999-04-25"}),
    ("Voting ended on May 5 and 6 people were hurt in clashes.", "1999-05-07",
     {"May 5": "1999-05-05"}),
    ("Leaders meet on April 24th and 25th in Washington.", "1999-02-10",
     {"April 24th": "1999-04-24", "25th": "1999-04-25"}),
    ("The tour ran from March 5, 1998 to 6 cities.", "1999-02-10", {"March 5, 1998": "1998-03-05"}),
    # a month with a possessive is a noun, whatever word comes before it
    ("The figures showed a small revision to December's payrolls.", "1998-02-06",
     {"December": "1997-12"}),
    # a forecast quarter is not the one the results are told against; a reported one is
    ("The company will report fourth-quarter results next month. In the latest quarter, "
     "it lost $23 million.", "1989-10-30",
     {"fourth-quarter": "1989-Q4", "next month": "1989-11", "the latest quarter": "1989-Q3"}),
    ("The company reported fourth-quarter results. In the latest quarter, it lost $23 million.",
     "1989-11-02", {"fourth-quarter": "1989-Q4", "the latest quarter": "1989-Q4"}),
    # a period of several quarters set against the year before is no single quarter
    ("The bank earned $12 million in the third quarter. For the nine months, profit rose to "
     "$40 million from $31 million a year earlier.", "1999-10-28",
     {"the third quarter": "1999-Q3", "nine months": "P9M", "a year earlier": "1998"}),
    # a reduced relative tells of something done: the participle is past
    ("Shares closed well below the peak reached on Aug. 9.", "2017-02-10",
     {"Aug. 9": "2016-08-09"}),
    ("The talks, set to resume Monday, were put off.", "2017-03-08", {"Monday": "2017-03-13"}),
    # a reported fiscal period closed before publication
    ("In the fiscal year ended Jan. 31, the chain earned $4 million.", "2017-10-31",
     {"the fiscal year": "2017", "Jan. 31": "2017-01-31"}),
    # a date that modifies a noun names an event the story takes as known
    ("It will try to sell the unit under the June accord with its lenders.", "2017-10-20",
     {"June": "2017-06"}),
    ("Holders must tender their shares by the Tuesday deadline.", "2017-11-02",
     {"Tuesday": "2017-10-31"}),
    # "Christmas week" is the week the holiday falls in, under way from its Monday
    ("Shops were crowded as Christmas week began.", "2016-12-19",
     {"Christmas week": "2016-W51"}),
    # anaphoric days and years: counted from the last one named, else from publication
    # a day named again in apposition is that same day, not the one before it
    ("She was last heard from Nov. 3, the day before police found her car.", "1999-05-07",
     {"Nov. 3": "1998-11-03", "the day": "1998-11-03"}),
    ("The deal was signed on Oct. 3, the day before the strike began.", "2017-10-20",
     {"Oct. 3": "2017-10-03", "the day": "2017-10-03"}),
    ("We toured the fair on Saturday night, the opening night, with the whole family.",
     "2019-03-04", {"Saturday night": "2019-03-02", "the opening night": "2019-03-02"}),
    # "the day before" a named day counts from it
    ("The day before last Friday's vote, the mayor resigned.", "2017-03-08",
     {"The day before last Friday": "2017-03-02"}),
    # "today is the third day of": the numbered day is the day it is said on
    ("Today is the third day of the hunger strike, aides said.", "2017-03-08",
     {"Today": "2017-03-08", "the third day": "2017-03-08"}),
    ("The witness testified on the first day of the trial.", "2017-03-08", {}),
    # a bare part of day after a preposition of time is on the day the story last named
    ("Prices slipped on Monday, but by mid-afternoon they had recovered.", "2017-03-08",
     {"Monday": "2017-03-06", "mid-afternoon": "2017-03-06TAF"}),
    ("Traders sold heavily Friday. Buyers returned in the morning session.", "2017-03-06",
     {"Friday": "2017-03-03"}),
    ("The dispute could be resolved at a meeting the week of March 6, her lawyer said.",
     "2000-02-24",
     {"the week of March 6": "2000-W10"}),
    ("He appeared in court on Feb. 21 and again the next morning.", "2000-02-24",
     {"Feb. 21": "2000-02-21", "the next morning": "2000-02-22"}),
    ("Approval slipped to 30 percent, down from 40 percent the year before.", "2015-05-07",
     {"the year before": "2014"}),
    ("Neighbours gathered at the farm the day after the fire.", "1998-11-21", {}),
    ("Prices had fallen sharply the day before.", None, {"the day before": None}),
    ("The bomb exploded on Aug. 7. That day, crowds gathered.", "1998-08-10",
     {"Aug. 7": "1998-08-07", "That day": "1998-08-07"}),
    ("Small investors may take heavy losses on orders placed that day.", "1989-10-30", {}),
    ("She spent five hours in Lagos, the day before flying home.", "1998-08-17",
     {"five hours": "PT5H"}),
    # "over" before a year marks a count ("over 2000 people"), but not a span of years
    ("They modelled crop losses over 2000-2050 across the world.", "2014-07-28",
     {"2000": "2000", "2050": "2050"}),
    # a sentence-opening "Now," is a discourse marker; "now" in the clause is a time
    ("Now, he says, the plan looks like a mistake.", "1991-02-25", {}),
    ("Now the court has ruled against the family.", "1998-01-21", {"Now": "PRESENT_REF"}),
    # vague references TIMEX3 writes as PAST_REF / FUTURE_REF
    ("The merger could hurt profits in the short term.", "1989-10-30",
     {"the short term": "FUTURE_REF"}),
    ("The rest will be paid at a later date.", "1989-10-26", {"a later date": "FUTURE_REF"}),
    ("That is a bad sign for coming quarters, the analyst said.", "1989-10-26",
     {"coming quarters": "FUTURE_REF"}),
    ("Prices dipped at harvest in past years, too.", "1989-10-30", {"past years": "PAST_REF"}),
    ("Bookings recovered from the weak pace of the early summer.", "1989-10-26",
     {"the early summer": "1989-SU"}),
    # two quarters of a named year are its half; without a year they stay a duration
    ("Losses will continue through the first two quarters of 1990.", "1989-10-26",
     {"the first two quarters of 1990": "1990-H1"}),
    ("Sales rose in the first two quarters.", "1989-10-26", {"the first two quarters": "P2Q"}),
])
def test_context_rules(dates_nlp: Language, text: str, published: str | None,
                       expected: dict[str, str | None]) -> None:
    assert values(dates_nlp, text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The program ran from 2011 to 2016.", [("2011", "2011", 0), ("2016", "2016", 0)]),
    ("Sales rose between March and May, the company said.",
     [("March", "2017-03", 0), ("May", "2017-05", 0)]),
    ("He served from March 3 through June 9, 2016.",
     [("March 3", "2016-03-03", 0), ("June 9, 2016", "2016-06-09", 0)]),
    ("The fund ran from Nov. 3 to Feb. 9, 2016.",
     [("Nov. 3", "2015-11-03", 0), ("Feb. 9, 2016", "2016-02-09", 0)]),
    ("The survey covered 1994-1997 and again 2001 to 2003.",
     [("1994", "1994", 0), ("1997", "1997", 0), ("2001", "2001", None),
      ("2003", "2003", None)]),
    ("She held the post between 2001 and 2009 and again from 2013 until 2017.",
     [("2001", "2001", 0), ("2009", "2009", 0), ("2013", "2013", 1), ("2017", "2017", 1)]),
    ("He met them in 2011 and 2016.", [("2011", "2011", None), ("2016", "2016", None)]),
    ("Exports fell from $43.5 billion in 2011 to $42.3 billion in 2016.",
     [("2011", "2011", None), ("2016", "2016", None)]),
])
def test_ranges_share_an_id(dates_nlp: Language, text: str,
                            expected: list[tuple[str, str, int | None]]) -> None:
    assert [(m.text, m.value, m.range_id) for m in run(dates_nlp, text, SEED_DAY)] == expected


def test_range_id_round_trips() -> None:
    mention = DateMention(0, 4, "2011", "2011", range_id=3)
    assert mention.to_dict()["range_id"] == 3
    assert DateMention.from_dict(mention.to_dict()) == mention
    assert DateMention.from_dict({"start": 0, "end": 4, "text": "2011", "value": "2011"}
                                 ).range_id is None


def test_range_gives_start_and_end(dates_nlp: Language) -> None:
    text = "Exports fell from 2011 to 2016."
    found = run(dates_nlp, text, SEED_DAY)
    assert [(m.text, m.value) for m in found] == [("2011", "2011"), ("2016", "2016")]
    assert all(text[m.start:m.end] == m.text for m in found)


@pytest.mark.parametrize("text", [
    "The shares closed at $43 on the exchange.",
    "We think it may rain, and you may go.",
    "Thousands march through the capital every year on the holiday.",
    "Protesters will March on the capital.",
    "The index rose 2.5 to 1987.50 points.",
    "See page 2011 of the report.",
    "Some 1800 workers lost their jobs.",
    "Trade Minister Jan Lindqvist said she was pleased.",
    "The rate rose to 2015 percent under hyperinflation.",
])
def test_no_false_dates(dates_nlp: Language, text: str) -> None:
    assert [m for m in run(dates_nlp, text, SEED_DAY) if m.type != "DURATION"] == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the day a change takes force is announced ahead of it, whatever the clause's tense
    ("The board approved a fare increase effective March 1.", "1995-11-14",
     {"March 1": "1996-03-01"}),
    ("The board approved a fare increase on March 1.", "1995-11-14", {"March 1": "1995-03-01"}),
    # a term extended "through" a month runs into it
    ("The lender extended the credit line through February.", "1995-11-14",
     {"February": "1996-02"}),
    # an infinitive under a noun is the noun's aim: "an agreement to buy ... in March"
    ("The bank signed an agreement to buy the insurer in March.", "1995-11-14",
     {"March": "1996-03"}),
    # "after a weak second quarter" sets a quarter against the one reported on
    ("Acme posted higher third-quarter earnings. After a weak second quarter, sales recovered. "
     "Profit rose from $3 million a year earlier.", "1995-10-20",
     {"third-quarter": "1995-Q3", "second quarter": "1995-Q2", "a year earlier": "1994-Q3"}),
    # a quarter told in the present tense ("has no forecast for") is not the one reported on
    ("Acme reported third-quarter profit of $5 million. It has no forecast for fourth-quarter "
     "sales. In the latest quarter, costs fell.", "1995-10-20",
     {"third-quarter": "1995-Q3", "fourth-quarter": "1995-Q4", "the latest quarter": "1995-Q3"}),
    # "the 1994 quarter" with no quarter named: the last one closed before publication
    ("Acme earned $2 million in the 1994 quarter.", "1995-10-20", {"the 1994 quarter": "1994-Q3"}),
    ("Acme earned $2 million in the 1994 period.", "1995-10-20", {"the 1994 period": "1994"}),
    # "will one day" is "some day" (TIMEX3 FUTURE_REF), not a span of 24 hours
    ("She hopes the town will one day host the games.", "2001-06-02", {"one day": "FUTURE_REF"}),
    ("The strike lasted one day.", "2001-06-02", {"one day": "P1D"}),
    # a decade's extent takes its article, as other TIMEX3 noun phrases do
    ("Rents soared in the 1970s and fell in the early 1980s.", "2001-06-02",
     {"the 1970s": "197", "the early 1980s": "198"}),
])
def test_timeml_conventions(dates_nlp: Language, text: str, published: str,
                            expected: dict[str, str]) -> None:
    assert values(dates_nlp, text, published) == expected


def test_previous_year_follows_the_year_in_the_sentence(dates_nlp: Language) -> None:
    found = values(dates_nlp, "Sales hit a record in 2014, up from the previous year.")
    assert found == {"2014": "2014", "the previous year": "2013"}


def test_year_ago_follows_the_quarter_discussed(dates_nlp: Language) -> None:
    text = ("Operating profit climbed in the third quarter to $5 million from $3 million a year "
            "earlier.")
    assert values(dates_nlp, text, "1989-11-02") == {
        "the third quarter": "1989-Q3", "a year earlier": "1988-Q3"}


def test_latest_quarter_ended_names_the_calendar_quarter(dates_nlp: Language) -> None:
    text = "Sales rose 9% in the latest quarter ended Sept. 30, from a year earlier."
    assert values(dates_nlp, text, "1989-10-26") == {
        "the latest quarter": "1989-Q3", "Sept. 30": "1989-09-30", "a year earlier": "1988-Q3"}


def test_without_publication_date_relative_dates_stay_unresolved(dates_nlp: Language) -> None:
    found = run(dates_nlp, "Exports rose last month, after a slump in 2016.", None)
    by_text = {m.text: m for m in found}
    assert by_text["last month"].value is None
    assert by_text["last month"].unresolved == NO_ANCHOR
    assert by_text["2016"].value == "2016" and by_text["2016"].unresolved is None


def test_records_sorted_and_offsets_exact(dates_nlp: Language) -> None:
    text = "On Monday, March 5, 2012, and again last week, officials met."
    found = run(dates_nlp, text, SEED_DAY)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert [text[m.start:m.end] for m in found] == [m.text for m in found]
    assert found[0].value == "2012-03-05"


def test_find_dates_is_pure(dates_nlp: Language) -> None:
    doc = dates_nlp.make_doc("Shares fell on Tuesday.")
    doc.user_data[PUBLISHED_KEY] = SEED_DAY
    doc = dates_nlp(doc)
    assert find_dates(doc) == find_dates(doc)
    assert [m.value for m in find_dates(doc)] == ["2017-08-22"]
