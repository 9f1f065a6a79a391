"""Attribution stage: forms, split quotes, speakers, roles, pronouns, evidence, the seed."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.entities import EntitiesComponent
from tests.attribution.helpers import attributions, containing
from tests.conftest import SEED


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
        # Verbs of speaking beyond `say`, and British spellings of the -ize verbs.
        ("“Nobody reads the fine print,” the mayor murmured to her aides.",
         "fine print", "the mayor", "murmured", True),
        ("The governor reasoned that a smaller levy would keep the mill open.",
         "smaller levy", "The governor", "reasoned", False),
        ("The chancellor emphasised that the rail budget would not be cut.",
         "rail budget", "The chancellor", "emphasised", False),
    ],
)
def test_attribution_forms(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source: str, cue: str, direct: bool,
) -> None:
    found = containing(attributions(base_nlp, entities_stage, text), content_words)
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue
    assert found.direct is direct
    assert text[found.content.start : found.content.end] == found.content.text


def test_split_quote_is_one_attribution(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = '"This is a fair deal for both sides," he said, "and we intend to keep it."'
    found = attributions(base_nlp, entities_stage, text)
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
    found = containing(attributions(base_nlp, entities_stage, text), "not raise taxes")
    assert found.source is not None and found.source.text == "The governor"


def test_quote_continued_over_paragraphs(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "The minister spoke to reporters on Monday.\n\n"
        "“We have worked hard on this agreement for many months and years,” she said. "
        "“It protects our farmers and our workers across the whole country.\n\n"
        "“It is a good deal and we will defend it in parliament next week.”"
    )
    direct = [a for a in attributions(base_nlp, entities_stage, text) if a.direct]
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
    found = [a for a in attributions(base_nlp, entities_stage, text) if a.speaker]
    assert found and found[-1].speaker == speaker
    assert found[-1].speaker_confidence == 1.0
    assert found[-1].role == role


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # A definite role matching the title of the one person named earlier with it.
        ("Finance Minister Ana Ruiz of Chile met the lenders on Monday. The Chilean finance "
         "minister said the talks had gone well.", "The Chilean finance minister", "Ana Ruiz"),
        ("U.S. Trade Representative Robert Lighthizer opened the talks in Seoul. The trade "
         "representative said the deficit must shrink.", "The trade representative",
         "Robert Lighthizer"),
        ("Kim Hyun-chong, South Korea's trade minister, met the envoy. The South Korean "
         "minister said the pact would stand.", "The South Korean minister", "Kim Hyun-chong"),
        # An indefinite role brings in someone new.
        ("Trade Minister Kim Hyun-chong opened the talks. A trade ministry official said the "
         "mood was tense.", "A trade ministry official", None),
        # Nor does one whose determiner is indefinite, whatever possessive follows it.
        ("Israeli Prime Minister Ana Ruiz spoke on Monday. An Israeli official close to the "
         "prime minister's office said the talks would resume.",
         "An Israeli official close to the prime minister's office", None),
        # A plural role names a group, not the one person.
        ("Finance Minister Ana Ruiz of Chile met the lenders. The Chilean finance ministers said "
         "the talks had gone well.", "The Chilean finance ministers", None),
        # Two people hold the title: no guess.
        ("Finance Minister Maria Lopez of Peru met Finance Minister Paulo Reis of Brazil in "
         "Lima on Monday. The finance minister said the talks had gone well.",
         "The finance minister", None),
    ],
)
def test_role_resolves_to_the_one_person_given_that_title(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, source: str,
    speaker: str | None,
) -> None:
    found = [a for a in attributions(base_nlp, entities_stage, text)
             if a.source is not None and a.source.text == source]
    assert found and found[0].speaker == speaker
    assert found[0].speaker_confidence == (0.5 if speaker else None)
    assert found[0].role is not None


def test_pronoun_resolves_to_previous_speaker_with_confidence(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "Trade Minister Kim Hyun-chong said that the agreement had helped both economies. "
        "Industry groups have expressed support for Donald Trump and his policies.\n\n"
        '"We need cooperation more than ever," he said.'
    )
    quote = containing(attributions(base_nlp, entities_stage, text), "cooperation")
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
    found = containing(attributions(base_nlp, entities_stage, text), "Vehicle exports")
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
    found = attributions(base_nlp, entities_stage, masked)
    win = containing(found, "win-win")
    assert (win.direct, win.speaker) == (True, "Kim Hyun-chong")
    assert win.source is not None and win.source.text == "Kim"
    assert win.cue is not None and win.cue.text == "said"
    needs = containing(found, "The U.S. needs")
    assert needs.direct and needs.source is not None and needs.source.text == "he"
    assert needs.speaker_confidence is not None and needs.speaker_confidence < 1
    report = containing(found, "fell 0.03 percent")
    assert report.source is not None and report.source.text == "the report"
    official = containing(found, "vehicle exports")
    assert official.source is not None and official.source.text == "a trade ministry official"
    assert official.evidence is not None and "Korea Trade International Association" in (
        official.evidence.text
    )
    journal = containing(found, "videoconference")
    assert journal.speaker == "The Wall Street Journal"
    efe = containing(found, "request of Washington")
    assert efe.source is not None and efe.source.text == "Efe news"
    assert list(found) == sorted(found, key=lambda a: (a.start, a.end))
