"""A reading of speakers in Reuters-21578 (``reut2-000.sgm``), verdicts kept true as a test.

Each row names a story, where a source starts in its text, the speaker a fact-checker reads
there, the verdict on what the pipeline gives (``right``: that speaker; ``wrong``: a known miss,
not that speaker) and why, in the reader's words. A ``wrong`` row that starts to fail means the
miss was fixed: read the story again and turn its verdict. Skips when ../shared is absent.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.contract import Article, ArticleResult
from pipeline.read.reader import read_inputs
from pipeline.run.runner import Settings, process_articles
from tests.conftest import shared_path

READING: list[tuple[str, int, str | None, str, str]] = [
    # Titles and roles.
    ("reuters-386", 1499, "Paul Laxalt", "right",
     "the titles after the cue end on his name; the president inside 'confidant' is not it"),
    ("reuters-386", 1574, "Paul Laxalt", "right", "his surname alone, which the tagger missed"),
    ("reuters-386", 1073, "Robert Dole", "right",
     "the Kansas senator is the Senate Republican leader who spoke just before"),
    ("reuters-386", 1941, "Sam Nunn", "right",
     "the Georgia Democrat is the committee chairman who spoke, not the nominee"),
    ("reuters-386", 2044, "Sam Nunn", "right", "his surname, tagged as a place"),
    ("reuters-721", 458, "Cardiss Collins", "right",
     "the Illinois Democrat is the subcommittee chairman, a representative, named just before"),
    # Organisations.
    ("reuters-90", 186, "Texas Instruments Inc", "right", "the only company of the story"),
    ("reuters-115", 176, "Ford Motor Co", "right",
     "the parent spoke about its credit unit; 'it' is the parent"),
    ("reuters-115", 486, "Ford Motor Co", "right", "the short name is the parent's"),
    ("reuters-123", 557, "Ivaco Inc", "right", "its short name was taken for a people"),
    ("reuters-198", 272, "Reserve Bank", "right",
     "the central bank reported the money figures in the sentence before"),
    ("reuters-228", 187, "Commerce Ministry", "right",
     "the ministry reported the rice exports; the country was only their subject"),
    ("reuters-330", 431, "Bank of England", "right", "'the Bank' is the central bank"),
    ("reuters-401", 329, "Miller Tabak Hirsch", "right",
     "the broker that made the tender offer reports on its target"),
    ("reuters-544", 452, "Trunkline Gas Co", "right", "the pipeline unit that cut its rate"),
    ("reuters-637", 549, "Continental Illinois Corp", "right", "the bank holding company itself"),
    ("reuters-637", 776, "Securities and Exchange Commission", "right",
     "the regulator acted in the sentence before, not the bank it charged"),
    ("reuters-685", 885, "B.F. Goodrich Co", "right", "the tyre maker closing its plants"),
    ("reuters-685", 367, "B.F. Goodrich Co", "right",
     "its short name is the full name's last word before the legal form"),
    # "they" and the people of an organisation.
    ("reuters-42", 481, "International Coffee Organization", "right",
     "'they' are the coffee body's delegates who spoke in the sentence before"),
    ("reuters-290", 408, "International Coffee Organization", "right",
     "'they' continue the body's officials of the opening sentence"),
    ("reuters-209", 3586, "Finance Ministry", "right",
     "'they' are the ministry's officials who spoke just before"),
    ("reuters-282", 590, "Thai Airways International", "right",
     "'other company officials' are the airline's, the company of the story"),
    ("reuters-308", 207, None, "right", "'they' are political analysts, whom no name covers"),
    ("reuters-478", 374, None, "right",
     "'they' are two companies together, neither of them alone"),
    ("reuters-721", 154, "United Airlines", "right", "the airline accused at the hearing"),
    # Sources that are no organisation the story named.
    ("reuters-354", 739, None, "right", "'it' is a country, which has no organisation's name"),
    ("reuters-386", 2651, None, "right", "'it' is the commission's report"),
    ("reuters-496", 2806, None, "right", "'it' is the management group, never named as a firm"),
    # Known misses.
    ("reuters-367", 2505, "Apple Computer Inc", "wrong",
     "the executives are the computer maker's whose machine the story shows, not its rival's"),
    ("reuters-176", 1733, None, "wrong",
     "sources of unnamed companies; the fuel the tagger took for a company gets them"),
    ("reuters-854", 292, None, "right",
     "sources close to the central bank are not the bank (was the Fed); nor is 'they' after"),
    ("reuters-156", 433, "Du Pont Co", "wrong", "the company whose patent won; none given"),
    ("reuters-668", 803, "Gulf News Agency", "wrong",
     "the agency acted last under its initials, which the tagger did not take for a name"),
    ("reuters-720", 231, "Daiwa Securities Co Ltd", "right",
     "the securities house the tagger missed, known now by the form of its name (was a "
     "programme, the nearest 'organisation')"),
    ("reuters-785", 574, "Anchor Glass Container Corp", "wrong",
     "the tagger split the company's name, so the short name begins nothing"),
    ("reuters-843", 477, "Organisation for Economic Co-operation and Development", "wrong",
     "the story spells the name two ways, which give two canonical names"),
    # Pronouns after a quote or a reported clause (session 9).
    ("reuters-350", 1146, "Jaime Ongpin", "right",
     "`He said` after `Ongpin said last month`: his surname alone, which the tagger missed"),
    ("reuters-350", 1582, "Jaime Ongpin", "right",
     "`\"Secretary Monsod and I get along,\" he said`: the woman he names is not who speaks"),
    ("reuters-350", 1827, "Solita Monsod", "right",
     "`She said` after Monsod spoke: (the `he` above once made her a man)"),
    ("reuters-903", 970, "Solita Monsod", "right",
     "`Monsod said Ongpin was looking at …` then `\"…,\" she said`: she who spoke goes on"),
    ("reuters-903", 1563, "Jaime Ongpin", "right", "`Ongpin told reporters …. He said`"),
    ("reuters-634", 1620, None, "right",
     "`he added` after `a Western aid specialist said`: unnamed; the UN chief is inside the quote"),
    ("reuters-749", 1395, "Lawrence Kane", "right",
     "`He said` after the special prosecutor Kane spoke, not the convicted Warner"),
    ("reuters-236", 2683, "Fernando Santos Alvite", "right",
     "`he said:` after Ecuador's minister spoke; the wire's `OPEC\"s` is no quotation mark"),
    # Wire leads' companies the recogniser missed, known by the form of their names.
    ("reuters-9", 45, "Champion Products Inc", "right",
     "the lead's company under a capitals headline: no speaker before"),
    ("reuters-9", 203, "Champion Products Inc", "right", "`The company said` after it"),
    ("reuters-741", 214, "Foote Mineral Co", "right",
     "`The company said` is the seller, not the buyer's parent named in the lead"),
    ("reuters-469", 413, "Regency Cruises Inc", "right",
     "`The company said` is the cruise line, not a person (was its chairman)"),
    ("reuters-22", 41, "Magma Copper Co", "right",
     "the subsidiary that speaks, not the parent in its apposition"),
]


@pytest.fixture(scope="module")
def speakers(claims_nlp: Language) -> dict[tuple[str, int], str | None]:
    """Speaker of every source of the stories read, by (story, source start)."""
    path = shared_path("data", "reuters21578", "reut2-000.sgm")
    wanted = {row[0] for row in READING}
    stories = (i for i in read_inputs([str(path)]) if isinstance(i, Article) and i.id in wanted)
    found: dict[tuple[str, int], str | None] = {}
    for result in process_articles(stories, Settings(), claims_nlp):
        assert isinstance(result, ArticleResult)
        for attribution in result.annotations.attributions:
            if attribution.source is not None:
                key = (result.article.id, attribution.source.start)
                found[key] = attribution.speaker
    return found


@pytest.mark.parametrize(("story", "start", "reading", "verdict", "why"), READING)
def test_reading_of_speakers(
    speakers: dict[tuple[str, int], str | None], story: str, start: int, reading: str | None,
    verdict: str, why: str,
) -> None:
    assert (story, start) in speakers, f"no source at {start} in {story} any more: read it again"
    given = speakers[(story, start)]
    if verdict == "right":
        assert given == reading, why
    else:
        assert given != reading, f"fixed? {why}"
