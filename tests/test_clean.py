"""The clean stage: headline, bylines, datelines and boilerplate are masked, offsets kept."""

from __future__ import annotations

import pytest

from pipeline.assets import MODELS_DIR
from pipeline.clean import clean, load_rules
from pipeline.contract import Article

RULES = load_rules(MODELS_DIR)


def regions_of(text: str, title: str | None = None) -> list[tuple[str, str]]:
    article = Article(id="t", text=text, title=title)
    return [(r.kind, text[r.start : r.end]) for r in clean(article, RULES).regions]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "More news: Tal Afar Facts: Iraqi Forces Launch Assault To Retake ISIS Bastion",
            "boilerplate",
        ),
        ("READ MORE: Markets slide as oil jumps", "boilerplate"),
        ("Related: How the deal was made", "boilerplate"),
        ("Advertisement", "boilerplate"),
        ("(Reporting by Jane Doe; Editing by Tom Hogue)", "boilerplate"),
        ("Copyright 2017 The Associated Press. All rights reserved.", "boilerplate"),
        ("• Adam Floyd", "byline"),
        ("By Jane Doe and John Roe", "byline"),
        ("Exports fell 3 percent in July, the ministry said.", "body"),
        ("By 2020, the company expects sales of $3 billion.", "body"),
        ("More than 300 people attended the rally.", "body"),
    ],
)
def test_line_kinds(line: str, kind: str) -> None:
    text = f"Headline here\n\nFirst paragraph of the story.\n\n{line}\n"
    assert regions_of(text, "Headline here")[-1] == (kind, line)


def test_headline_only_when_it_is_the_title() -> None:
    text = "Seoul rejects demand\n\nThe talks began."
    assert regions_of(text, "Seoul rejects demand")[0] == ("headline", "Seoul rejects demand")
    assert regions_of(text, None)[0] == ("body", "Seoul rejects demand")


@pytest.mark.parametrize(
    ("line", "dateline", "body"),
    [
        ("SEOUL, Aug 22 (Reuters) - Exports fell.", "SEOUL, Aug 22 (Reuters) - ", "Exports fell."),
        ("WASHINGTON (AP) — The deficit grew.", "WASHINGTON (AP) — ", "The deficit grew."),
    ],
)
def test_dateline_prefix_is_split_from_the_body(line: str, dateline: str, body: str) -> None:
    assert regions_of(f"Title\n\n{line}\n", "Title")[1:] == [("dateline", dateline), ("body", body)]


def test_byline_in_the_middle_of_a_story_is_text() -> None:
    lines = ["Title", "One.", "Two.", "Three.", "By Jane Doe", "Four.", "Five.", "Six.", "Seven."]
    kinds = [kind for kind, _ in regions_of("\n\n".join(lines), "Title")]
    assert kinds[4] == "body"


def test_mask_keeps_length_and_newlines() -> None:
    text = "Title\n\nStory text.\nMore news: elsewhere\n  • Adam Floyd"
    cleaned = clean(Article(id="t", text=text, title="Title"), RULES)
    assert len(cleaned.text) == len(text)
    assert cleaned.text.count("\n") == text.count("\n")
    assert cleaned.text.split() == ["Story", "text."]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("WASHINGTON, Aug. 22, 2017 (AP) — The deficit grew.", "2017-08-22"),
        ("SEOUL, September 3, 2016 (Reuters) - Exports fell.", "2016-09-03"),
        ("SEOUL, Aug 22 (Reuters) - Exports fell.", None),  # no year: not a full date
        ("WASHINGTON (AP) — The deficit grew.", None),
    ],
)
def test_dateline_dates(line: str, expected: str | None) -> None:
    cleaned = clean(Article(id="t", text=f"Title\n\n{line}\n", title="Title"), RULES)
    assert cleaned.dateline_date == expected


# Wire copy wrapped at a fixed width: paragraphs open with an indent.
WRAPPED = (
    "HARBOR BOARD DELAYS VOTE\n"
    "\n"
    "The harbor board put off a vote on the\n"
    "dredging contract until March, two members\n"
    "of the board said on Tuesday.\n"
    '    "We are not going to rush this through,"\n'
    "said Ellen Cho, the board's chairwoman, who\n"
    "called the bids too close to call.\n"
    "    The contract is worth about 40 mln dlrs.\n"
)


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # A wrap inside a paragraph is a space; an indented line or a short one ends it.
        (WRAPPED, [
            "HARBOR BOARD DELAYS VOTE",
            "The harbor board put off a vote on the dredging contract until March, two members "
            "of the board said on Tuesday.",
            '"We are not going to rush this through," said Ellen Cho, the board\'s chairwoman, '
            "who called the bids too close to call.",
            "The contract is worth about 40 mln dlrs.",
        ]),
        # Lines of whole paragraphs, wider than any wire's width, are left as they are.
        ("A paragraph that runs on well past the width of any wire service's fixed-width "
         "copy, as web text does.\nAnother one, just as long, with nothing wrapped in it at "
         "all, not one line.\nA third.\nA fourth.", 4),
        # Nor are the short lines of a list.
        ("Exports:\ncars\nships\nsteel\nchips", 5),
    ],
)
def test_wrapped_lines_are_joined_inside_paragraphs(
    text: str, paragraphs: list[str] | int
) -> None:
    cleaned = clean(Article(id="t", text=text), RULES).text
    assert len(cleaned) == len(text)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(text, cleaned, strict=True))
    found = [line.strip() for line in cleaned.split("\n") if line.strip()]
    assert found == paragraphs if isinstance(paragraphs, list) else len(found) == paragraphs


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A run of more than 50 marks (quadratic for the tokenizer) is read as white space.
        ("Rates held. " + "'" * 51 + " Stocks fell.", ["Rates", "held.", "Stocks", "fell."]),
        ("Rates held. " + "?!" * 40 + " Stocks fell.", ["Rates", "held.", "Stocks", "fell."]),
        ("Rates held " + "_" * 60 + " today.", ["Rates", "held", "today."]),
        # A word over 1,000 characters likewise; a run of 50 marks and a long URL are kept.
        ("See " + "ab" * 501 + " now.", ["See", "now."]),
        ("Wait" + "!" * 49 + " now.", ["Wait" + "!" * 49, "now."]),
        (
            "At https://example.org/" + "a" * 200 + " now.",
            ["At", "https://example.org/" + "a" * 200, "now."],
        ),
    ],
)
def test_overlong_runs_are_blanked(text: str, kept: list[str]) -> None:
    cleaned = clean(Article(id="t", text=text), RULES).text
    assert len(cleaned) == len(text)
    assert cleaned.split() == kept


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Friday, July 21, 2017", "2017-07-21"),
        ("Tue, 22 Aug 2017 10:00:00 GMT", "2017-08-22"),
        ("2017-08-22T10:00:00Z", "2017-08-22"),
        ("3 March 2016", "2016-03-03"),
        ("12 3 1987", None),  # bare figures name no month
        ("Fire shut the port on May 5, 2017.", None),  # a sentence, not a date line
        ("February 30, 2017", None),
        ("WASHINGTON, Feb. 30, 2017 (AP) — The deficit grew.", None),
        ("WASHINGTON, Aug. 22, 0001 (AP) — The deficit grew.", None),
    ],
)
def test_own_line_dates(head: str, expected: str | None) -> None:
    text = f"Port shut by storm\n\n{head}\n\nThe port stayed shut on Monday, officials said.\n"
    cleaned = clean(Article(id="t", text=text, title="Port shut by storm"), RULES)
    assert cleaned.dateline_date == expected
    if expected is not None:  # the date line stays text: it is a date mention as well
        assert head in cleaned.text


def test_a_date_line_far_down_the_story_is_not_its_date() -> None:
    text = "Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFriday, July 21, 2017\n"
    assert clean(Article(id="t", text=text, title="Title"), RULES).dateline_date is None


def test_a_weekday_date_opening_the_first_paragraph_dates_the_story() -> None:
    text = "Title\n\nMonday, June 5, 2017 On Sunday, the council voted to close the pier.\n"
    assert clean(Article(id="t", text=text, title="Title"), RULES).dateline_date == "2017-06-05"
    text = "Title\n\nJune 5, 2017 was the day the council voted to close the pier.\n"
    assert clean(Article(id="t", text=text, title="Title"), RULES).dateline_date is None
