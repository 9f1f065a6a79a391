"""Who a source is: organisations, roles after a name, names inside a title, titles in quotes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.entities import EntitiesComponent
from tests.attribution.helpers import attributions, containing


@pytest.mark.parametrize(
    ("text", "words", "source", "speaker"),
    [
        # "It" and "the company" point back to the company the story named first.
        ("Harlow Valve Corp said quarterly profit fell. It said orders from refiners slowed.",
         "orders from", "It", "Harlow Valve Corp"),
        ("Brisco Foods Inc said it would close two plants. The company said demand for canned "
         "soup was weak.", "demand for", "The company", "Brisco Foods Inc"),
        # "the bank" is the one with a bank's name, not the company beside it.
        ("First Keystone Bank said it lent 40 mln dlrs to Orrin Mills Corp. The bank said the "
         "loan was secured.", "loan was", "The bank", "First Keystone Bank"),
        # "the company" is not the regulator the story also named.
        ("Tallis Gas Co said the Federal Energy Regulatory Commission approved its tariff. The "
         "company said rates would fall.", "rates would", "The company", "Tallis Gas Co"),
        # The company that spoke, not its unit that was the subject of what it said.
        ("Harlan Motor Co said its Harlan Motor Credit Co will redeem 40 mln dlrs of notes. It "
         "said the notes were issued in 1979.", "notes were issued", "It", "Harlan Motor Co"),
        # The one who reported, not the country the report was about.
        ("Vietnam shipped 61,200 tonnes of coffee in the month, the Trade Ministry said. It "
         "said private traders handled most of the cargoes.", "private traders", "It",
         "Trade Ministry"),
        # A short name is the full one named before.
        ("Moody's Investors Service Inc may cut the notes of Orrin Mills Corp. Moody's said the "
         "review covers 300 mln dlrs of debt.", "review covers", "Moody's",
         "Moody's Investors Service Inc"),
    ],
)
def test_organisations_speak_as_the_one_named_before(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, words: str, source: str,
    speaker: str,
) -> None:
    found = containing(attributions(base_nlp, entities_stage, text), words)
    assert found.source is not None and found.source.text == source
    assert found.speaker == speaker
    assert found.speaker_confidence is not None and 0 < found.speaker_confidence <= 1


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "it" continues the report that spoke just before, not the company.
        ("Orrin Mills Corp filed the plan. The report said costs rose. It said wages rose too.",
         "wages rose"),
        # A country is no organisation.
        ("Harlow Valve Corp sells pumps to Chile. Chile wants lower tariffs. It said duties "
         "hurt trade.", "duties hurt"),
        # No one stands behind a dummy "it".
        ("Harlow Valve Corp met its lenders. It was not known whether the talks would resume.",
         "talks would"),
        # Whom an unnamed source is close to does not speak.
        ("Pieter Vos bought 5 pct of the stock. A source close to the Vos family said the "
         "family plans no bid.", "plans no bid"),
        ("Orrin Mills Corp may sell its paper unit, people familiar with Orrin Mills said.",
         "may sell"),
    ],
)
def test_it_that_is_no_organisation_has_no_speaker(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, words: str
) -> None:
    found = [a for a in attributions(base_nlp, entities_stage, text) if words in a.content.text]
    assert all(a.speaker is None for a in found)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A role after the name: the senator the story named, not the party.
        ("Senate Budget Committee Chairman Ed Varga said the vote would be close. "
         '"I would not bet on it," the Georgia Democrat said.', "bet on it", "Ed Varga"),
        ("Senate Republican leader Robert Dole, appearing on a Sunday talk show, said the bill "
         'could fail. The measure "is in some trouble," the Kansas senator said.',
         "some trouble", "Robert Dole"),
        # Not someone whose title names another state.
        ("Ohio Sen. Ann Marsh spoke first. Then Rep. Tom Gill, a Georgia Democrat, said the plan "
         'was weak. "It will fail," the Georgia Democrat said.', "will fail", "Tom Gill"),
        # A surname the tagger missed is the person named so before.
        ('Former Idaho Sen. Walt Brenner spoke on Sunday. Brenner, appearing on a talk show, '
         'admitted "the nomination is in trouble."', "nomination is", "Walt Brenner"),
        # A name inside a modifier of the title is not the speaker.
        ('"She carries the weight of Wall Street with her," said former Texas Sen. and Bush '
         "adviser Jim Corder.", "weight of", "Jim Corder"),
    ],
)
def test_roles_and_titles_lead_to_the_person(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, words: str, speaker: str
) -> None:
    assert containing(attributions(base_nlp, entities_stage, text), words).speaker == speaker


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Speaking on the CBS program, "Face the Nation," the senator said the treaty "will not '
         'pass this year."', "Face the Nation"),
        ('On the radio show "Ask the Mayor," Ruiz said the strike could last for weeks.',
         "Ask the Mayor"),
    ],
)
def test_programme_titles_are_not_quotes(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, title: str
) -> None:
    found = attributions(base_nlp, entities_stage, text)
    assert found and all(title not in a.content.text for a in found)


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        # "they" continues the group that spoke last: delegates of a named body speak for it.
        ("Coffee export quotas may return in April, IATO delegates said. The quotas would run "
         "for a year, they said.", "run for a year", "IATO", None),
        ("The International Tea Alliance (ITA) met in Geneva. ITA officials said quotas were "
         "likely. Stocks are high, they said.", "Stocks are high", "International Tea Alliance",
         None),
        # Unnamed analysts stay unnamed, but "they" keeps who they are.
        ("Farm prices will sag through the summer, grain analysts said. Stocks are large, they "
         "said.", "Stocks are large", None, "grain analysts"),
        # Two companies are two speakers: "they" is neither alone.
        ("Dalton Mills Inc and Pratt Tools Corp said they would merge. The deal was expected to "
         "close in May, they said.", "close in May", None, None),
        # A company whose name ends in a plural is one company, not a group.
        ("Dorn Realty Partners said profit rose. Rents were higher, they said.",
         "Rents were higher", None, None),
        # The group must have spoken just before, not three sentences back.
        ("Rates will fall, IATO delegates said. Brazil sold coffee. Mexico sold none. Colombia "
         "held stocks. Prices are low, they said.", "Prices are low", None, None),
        # People of "the company" speak for the company named before.
        ("Pell Forge Co said sales rose. Its chief, Ann Ruiz, spoke in Ohio. Steel orders were "
         "strong, company officials said.", "Steel orders", "Pell Forge Co",
         "company officials"),
    ],
)
def test_they_and_company_people_speak_for_the_group_named_before(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, words: str,
    speaker: str | None, role: str | None,
) -> None:
    found = containing(attributions(base_nlp, entities_stage, text), words)
    assert (found.speaker, found.role) == (speaker, role)
    assert (found.speaker_confidence is None) == (speaker is None)
    assert found.speaker_confidence is None or 0 < found.speaker_confidence < 1


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # Who spoke in the sentence before goes on speaking, not the man she said was looking.
        ('Rosa Ibarra said Tomas Quiroga was looking at the rate from the bankers\' side. '
         '"If the rate goes up, our debt costs more," she said.', "debt costs more",
         "Rosa Ibarra"),
        # A person named inside the quote is not the one who spoke it.
        ('Tomas Quiroga met the bankers on Friday. "Rosa Ibarra and I get on well," he said.',
         "get on well", "Tomas Quiroga"),
    ],
)
def test_a_pronoun_speaker_continues_the_one_who_spoke(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, words: str, speaker: str
) -> None:
    found = containing(attributions(base_nlp, entities_stage, text), words)
    assert found.speaker == speaker

