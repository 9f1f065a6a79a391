"""Attribution stage: direct quotes, reported speech, sources, speakers and evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.attribution import find_attributions
from pipeline.attribution_quotes import find_quotes, find_single_quotes, is_speech
from pipeline.contract import Attribution
from pipeline.entities import MODELS_DIR, EntitiesComponent, find_entities

SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_e8c7711d66f6db41.txt"


@pytest.fixture(scope="session")
def entities_stage(base_nlp: Language) -> EntitiesComponent:
    """The entities component, compiled once, not added to the shared pipeline."""
    return EntitiesComponent(base_nlp, str(MODELS_DIR))


def _attributions(
    base_nlp: Language, stage: EntitiesComponent, text: str
) -> tuple[Attribution, ...]:
    doc = base_nlp(text)
    return find_attributions(doc, find_entities(doc, stage.patterns, stage.aliases))


def _containing(found: tuple[Attribution, ...], words: str) -> Attribution:
    hits = [a for a in found if words in a.content.text]
    assert hits, f"{words!r} not in any content of {[a.content.text for a in found]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "content_words", "source", "cue", "direct"),
    [
        ('"We will not renegotiate the deal," said Kim during a meeting in Seoul.',
         "not renegotiate", "Kim", "said", True),
        ("“The deficit is the real problem,” the minister told reporters on Monday.",
         "real problem", "the minister", "told", True),
        ("The trade minister said that exports fell sharply last year.",
         "exports fell", "The trade minister", "said", False),
        ("Exports of cars fell 3 percent in July, according to the trade ministry.",
         "Exports of cars", "the trade ministry", "according to", False),
        ("United States figures indicate its goods deficit with South Korea was $27.7 billion.",
         "goods deficit", "United States figures", "indicate", False),
        ("Talks will begin with a videoconference on Tuesday, The Wall Street Journal reported.",
         "videoconference", "The Wall Street Journal", "reported", False),
        ("The value of goods exported to Korea fell 0.03 percent in 2016, the report said.",
         "exported to Korea", "the report", "said", False),
        ("South Korea's top trade negotiator said Tuesday that Seoul will not discuss a review.",
         "Seoul will not discuss", "South Korea's top trade negotiator", "said", False),
        ("The senator warned that the bill would raise prices for families.",
         "raise prices", "The senator", "warned", False),
    ],
)
def test_attribution_forms(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source: str, cue: str, direct: bool,
) -> None:
    found = _containing(_attributions(base_nlp, entities_stage, text), content_words)
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue
    assert found.direct is direct
    assert text[found.content.start : found.content.end] == found.content.text


def test_split_quote_is_one_attribution(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = '"This is a fair deal for both sides," he said, "and we intend to keep it."'
    found = _attributions(base_nlp, entities_stage, text)
    direct = [a for a in found if a.direct]
    assert len(direct) == 1
    assert direct[0].content.text.startswith('"This') and direct[0].content.text.endswith('it."')
    assert direct[0].source is not None and direct[0].source.text == "he"


def test_unclosed_quote_does_not_stop_the_rest(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        'The mayor said "the budget is balanced and the city will hire more teachers.\n\n'
        "The governor said that the state would not raise taxes this year."
    )
    found = _containing(_attributions(base_nlp, entities_stage, text), "not raise taxes")
    assert found.source is not None and found.source.text == "The governor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“One,” he said. “Two, three and four.”",
         [("“One,”", True), ("“Two, three and four.”", True)]),
        ('He said "a b c" and "d e', [('"a b c"', True), ('"d e', False)]),
        ("“First paragraph goes on\n\n“and on here.”", [("“First paragraph goes on", False),
                                                        ("“and on here.”", True)]),
    ],
)
def test_find_quotes(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(text[q.start : q.end], q.closed) for q in find_quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump: 'We are going to win so much.'", ["'We are going to win so much.'"]),
        ("Sanders says ‘Our campaign is not over’ after the vote", ["‘Our campaign is not over’"]),
        ("The players' union didn't say it's Trump's 'fault' yet.", []),
    ],
)
def test_find_single_quotes(text: str, expected: list[str]) -> None:
    found = find_single_quotes(text, find_quotes(text))
    assert [text[q.start : q.end] for q in found] == expected


def test_quote_continued_over_paragraphs(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "The minister spoke to reporters on Monday.\n\n"
        "“We have worked hard on this agreement for many months and years,” she said. "
        "“It protects our farmers and our workers across the whole country.\n\n"
        "“It is a good deal and we will defend it in parliament next week.”"
    )
    direct = [a for a in _attributions(base_nlp, entities_stage, text) if a.direct]
    assert any("defend it in parliament" in a.content.text and "protects" in a.content.text
               for a in direct)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("U.S. Trade Representative Robert Lighthizer said that the deal had hurt workers.",
         "Robert Lighthizer", "U.S. Trade Representative"),
        ("Kim Hyun-chong arrived in Washington on Monday. Kim said that talks went well.",
         "Kim Hyun-chong", None),
        ("Donald Trump spoke in Ohio. Mr. Trump said that the deal was a disaster.",
         "Donald Trump", None),
    ],
)
def test_speakers_resolve_to_canonical_entities(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, speaker: str,
    role: str | None,
) -> None:
    found = [a for a in _attributions(base_nlp, entities_stage, text) if a.speaker]
    assert found and found[-1].speaker == speaker
    assert found[-1].speaker_confidence == 1.0
    assert found[-1].role == role


def test_pronoun_resolves_to_previous_speaker_with_confidence(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "Trade Minister Kim Hyun-chong said that the agreement had helped both economies. "
        "Industry groups have expressed support for Donald Trump and his policies.\n\n"
        '"We need cooperation more than ever," he said.'
    )
    quote = _containing(_attributions(base_nlp, entities_stage, text), "cooperation")
    assert quote.source is not None and quote.source.text == "he"
    assert quote.speaker == "Kim Hyun-chong"
    assert quote.speaker_confidence is not None and 0 < quote.speaker_confidence < 1


def test_evidence_is_kept_apart_from_the_source(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "Vehicle exports stood at $16.2 billion, a trade ministry official said based on data "
        "from the Korea Trade International Association."
    )
    found = _containing(_attributions(base_nlp, entities_stage, text), "Vehicle exports")
    assert found.source is not None and found.source.text == "a trade ministry official"
    assert found.evidence is not None
    assert found.evidence.text == "data from the Korea Trade International Association"


def test_seed_article(base_nlp: Language, entities_stage: EntitiesComponent) -> None:
    if not SEED.exists():
        pytest.skip("seed article absent")
    text = SEED.read_text(encoding="utf-8")
    start = text.index("More news:")
    end = text.index("\n", start)
    # The clean stage masks the boilerplate line with spaces before spaCy runs.
    masked = text[:start] + " " * (end - start) + text[end:]
    found = _attributions(base_nlp, entities_stage, masked)
    win = _containing(found, "win-win")
    assert (win.direct, win.speaker) == (True, "Kim Hyun-chong")
    assert win.source is not None and win.source.text == "Kim"
    assert win.cue is not None and win.cue.text == "said"
    needs = _containing(found, "The U.S. needs")
    assert needs.direct and needs.source is not None and needs.source.text == "he"
    assert needs.speaker_confidence is not None and needs.speaker_confidence < 1
    report = _containing(found, "fell 0.03 percent")
    assert report.source is not None and report.source.text == "the report"
    official = _containing(found, "vehicle exports")
    assert official.source is not None and official.source.text == "a trade ministry official"
    assert official.evidence is not None and "Korea Trade International Association" in (
        official.evidence.text
    )
    journal = _containing(found, "videoconference")
    assert journal.speaker == "The Wall Street Journal"
    efe = _containing(found, "request of Washington")
    assert efe.source is not None and efe.source.text == "Efe news"
    assert list(found) == sorted(found, key=lambda a: (a.start, a.end))


@pytest.mark.parametrize(
    ("text", "content_words", "source_words", "direct"),
    [
        # A short quote with its cue written right after it.
        ("“No,” she said.", "No", "she", True),
        ('"Absolutely not," he said of the possibility of a recount.', "Absolutely", "he", True),
        # The speaker named after the cue, with a role before the name.
        ('"I\'m not going to say it is a mistake, so forget about it," said retired neurosurgeon '
         "Ben Carson, asked about his claims.", "a mistake", "Ben Carson", True),
        # A quote introduced by a clause and a colon.
        ("Or, as Tom Ridge, a former secretary of homeland security, put it: \"The barbarians are "
         'no longer at the gate. They\'re inside."', "barbarians", "Tom Ridge", True),
        # A name as the label of a quote, headline style.
        ("Trump: ‘We are going to win so much.’", "win so much", "Trump", True),
        ("IOWA POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “Although the polls failed to "
         "predict the result, it isn’t because they were dead wrong.”", "dead wrong",
         "Mark Blumenthal", True),
        # A quote that a reported clause runs into is indirect speech, as in PolNeAR.
        ("The senator said that “the bill is a disaster for working families across the state.”",
         "working families", "The senator", False),
    ],
)
def test_quotes_with_cues_beside_them(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source_words: str, direct: bool,
) -> None:
    found = _containing(_attributions(base_nlp, entities_stage, text), content_words)
    assert found.source is not None and source_words in found.source.text
    assert found.direct is direct


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        # A quote opening its paragraph after a closed quote stands on its own.
        ("“It was a long night for all of us,” he said.\n\n“CNN has done an awful job,”",
         True),
        ("“It was a long night for all of us,” he said. “CNN did awful,”", True),
        # A scare quote inside a clause is not speech.
        ("Trump has “always run a lean campaign” in the state.", False),
    ],
)
def test_is_speech(text: str, speech: bool) -> None:
    last = find_quotes(text)[-1]
    assert is_speech(text, last, 8, 3) is speech


def test_cue_in_next_paragraph_is_not_the_quotes(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "“He started out by insulting Hispanics, and that is insulting,” Barkley said.\n\n"
        "“Then you have these losers who love that.”\n\n"
        "Barkley, who said he typically votes democratic, said he likes John Kasich."
    )
    losers = _containing(_attributions(base_nlp, entities_stage, text), "losers")
    assert losers.direct
    assert losers.source is not None and losers.source.start < text.index("\n")
