"""Attribution stage: direct quotes, reported speech, sources, speakers and evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.attribution import find_attributions
from pipeline.attribution_cues import source_of
from pipeline.attribution_quotes import find_quotes, find_single_quotes, is_speech, merge_split
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
        # An opening mark typed where the closing one belongs still closes the quote.
        ("“It could create real problems for her here,“ said Jim Clyburn. “Next one.”",
         [("“It could create real problems for her here,“", True), ("“Next one.”", True)]),
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


@pytest.mark.parametrize(
    ("text", "content_words", "source", "cue"),
    [
        # The source the parse left inside the reported clause is the quote's speaker.
        ('"The risk," said Edward Brown, an economist who is the director of the state forecast, '
         '"is that we lose jobs."', "The risk",
         "Edward Brown, an economist who is the director of the state forecast", "said"),
        # The closing mark the parser hung on the subject is the quote's, not the source's.
        ('"You see people wearing scarves, people are pointing fingers at them and throwing them '
         'out of flights and all of that," Khizr Khan, 66, said on Capital Download.',
         "scarves", "Khizr Khan, 66", "said"),
        # A long appositive between the quote and the cue is still the speaker.
        ('"We need people who will bring people together rather than further alienate '
         'everyone," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said in a '
         "follow-up interview.", "bring people together",
         "Harry Bond, 30, of Raleigh, N.C., who was among those polled", "said"),
        # "by saying": the subject of the verb the preposition hangs on.
        ('When he returned, the judge began by saying, "I don\'t think it is necessary to send '
         'him to jail."', "necessary", "the judge", "saying"),
        # Reported through a newspaper: PolNeAR's source is the outer one.
        ('"There has been a constant drip of declarations. When does it stop?" the judge said, '
         "according to the Post.", "constant drip", "the Post", "according to"),
        # No parsed subject: the name before the cue, not the adverbial that opens the sentence.
        ('In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "She '
         'values a strong Europe."', "strong Europe",
         "her senior policy adviser, Jake Sullivan", "said"),
        # A sentence parsed over a paragraph break has two subjects: the one next to the cue.
        ('"Never, never Hillary."\n\nAnother commenter said, "We all know how she feels about '
         'the police."', "the police", "Another commenter", "said"),
        # "emailed supporters saying": the sender, not the addressees.
        ('The senator emailed supporters saying: "The struggle continues."', "struggle",
         "The senator", "saying"),
        # Object control: the tabloid runs the cover.
        ('The delay prompted the tabloid to run a cover saying "Don\'t be a bum, Hil!"',
         "a bum", "the tabloid", "saying"),
        # A subject inherited from inside the quote is replaced by the clause before the cue.
        ("Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, "
         '"Some people get a little carried away."', "carried away", "Clinton", "telling"),
        # A cue without a subject hung on the name: the name before it.
        ("Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: "
         '"Important distinction: thugs kill journalists; our presidents kill terrorists."',
         "distinction", "Mitt Romney, the 2012 Republican presidential nominee", "tweeted"),
        # "tells Breitbart News": the object of "tell" is the one spoken to.
        ('"Yes, I support Ted Cruz," Brent Bozell III, founder of the Media Research Center, '
         "tells Breitbart News in an exclusive interview.", "support Ted Cruz",
         "Brent Bozell III, founder of the Media Research Center", "tells"),
        # Brackets belong to the name before the cue.
        ("But Sen. Richard J. Durbin (D-Ill.), noting the size of Sanders's following, said, "
         '"Let me tell you, he has got a heck of an email list."', "email list",
         "Sen. Richard J. Durbin (D-Ill.)", "said"),
        # A capital pronoun after the quote's full stop opens a new sentence, not its cue.
        ('Growing sharper as he spoke, Mr. Lee continued: "The worst attack ever in this country? '
         'It was during his watch." He added that praising the governor was odd.',
         "worst attack", "Mr. Lee", "continued"),
        # A quoted paragraph signed with a dash on the next line, fact-check style.
        ('We checked the claims made in the debate.\n\n"Almost all new income and wealth is going '
         'to the top 1 percent of earners in this country."\n\n- Bernie Sanders.\n\nThe figure '
         "comes from a study of tax returns.", "top 1 percent", "Bernie Sanders", "-"),
        # "said when Boyle asked": the clause under the cue is not the cue, nor its subject.
        ('"Very good reporter, very good reporter this guy," Trump, the 2016 GOP presidential '
         "frontrunner nationally and current polling leader in South Carolina by a wide margin "
         "after winning the New Hampshire primaries, said when Boyle asked him a question.",
         "this guy", "Trump, the 2016 GOP presidential frontrunner nationally and current polling "
         "leader in South Carolina by a wide margin after winning the New Hampshire primaries",
         "said"),
        # A pronoun standing alone after the cue.
        ('"America is great! The mayor is disgusting," read one.', "America is great", "one",
         "read"),
        # Newsroom speech verbs from the cue table.
        ('"This is a big political win for me," I confessed.', "political win", "I", "confessed"),
        ('"People are afraid of wasting their votes," he surmised.', "wasting", "he", "surmised"),
        ('"Obama said in his speech that Muslims are our sports heroes. Is Obama profiling?" '
         "reacted Trump.", "sports heroes", "Trump", "reacted"),
        # The cue between the parts of a split quote wins over an earlier one.
        ('When someone in the crowd shouted, "Rubio," Walsh joked, again using an exaggerated '
         'accent, "Amen, brother! Come on up and get baptized!"', "Amen", "Walsh", "joked"),
        # Phrasal speech verbs: the verb and its particle are the cue together.
        ('"Jeb wants to be a tough guy tonight," Trump shot back.', "tough guy", "Trump",
         "shot back"),
        ('"They\'re all here because he\'s promising free stuff," Bennett shot back with a laugh.',
         "free stuff", "Bennett", "shot back"),
        ('When Trump suggested that Cuba would sue, Rubio fired back forcefully: "If they sue us '
         'in a court in Miami, they\'re going to lose."', "court in Miami", "Rubio", "fired back"),
        ('"You know, it happens, right?" Trump went on, as if he didn\'t hear her.', "it happens",
         "Trump", "went on"),
        # A capitalised modal right after the quote is a surname, not an auxiliary.
        ('"This should hasten the eclipse of the outsider candidates," Will wrote.', "eclipse",
         "Will", "wrote"),
        ('"Britain will not be rushed into anything at all," May said on Sunday.', "rushed",
         "May", "said"),
        # A colon after a free relative ("what happened") hands the quote to the outer clause.
        ('Clinton has since apologized for what happened: "I should have used two email '
         'addresses. Not doing so was a mistake."', "two email", "Clinton", "apologized"),
        # The second of two coordinated relative clauses stands for the same person.
        ("The senator was rallying for an academic named Eric Kingson, who is running for "
         'Congress and who worked the crowd, praising "the senator\'s genuineness and '
         'indisputable integrity" as he spoke.', "genuineness",
         "an academic named Eric Kingson, who is running for Congress and who", "praising"),
        # A sentence opened by a bare participle cue continues the previous one's subject.
        ('Later in the show, Maher stated that the report "wasn\'t good." Adding, "Now, like '
         'with all Clinton scandals, what they actually do is never that bad."', "never that bad",
         "Maher", "Adding"),
        # Title words after the cue, however parsed, end in the speaker's name.
        ('"Republicans are so frustrated with the decision that they are now unloading on her," '
         "said Oversight ranking Democrat Elijah Cummings (D-Md.).", "frustrated",
         "Democrat Elijah Cummings (D-Md.)", "said"),
        # A possessive in the speaker after the cue.
        ('"Gun owners should leave their weapons at home," opined Cleveland\'s Plain Dealer.',
         "weapons", "Cleveland's Plain Dealer", "opined"),
        # "said it was early but added": the second cue shares the reporting clause's subject.
        ('Suu Kyi said it was too early to congratulate winners but added, "I think you all have '
         'an idea of the results."', "idea of the results", "Suu Kyi", "added"),
        # A cue coordinated after the quote shares its subject; what follows it is an object.
        ('Chancellor Angela Merkel of Germany condemned "such a murderous attack" and declared a '
         "determination to carry on.", "murderous", "Chancellor Angela Merkel of Germany",
         "condemned"),
        # Words between the quote and a coordinated cue are not its speaker.
        ('Supporters of the senator are crying "fraud" over delegate selection and threatening '
         "to sit out the election.", "fraud", "Supporters of the senator", "threatening"),
        # A cue right before the quote, with a colon or comma, beats an outer clause holding it.
        ("Clinton said that experts had found her proposals effective and strong, to which "
         'O\'Malley interjected: "It\'s just not true at all, and everyone here knows it."',
         "not true", "O'Malley", "interjected"),
        ("The debate grew so heated over who supported which Senate bill that New Jersey Gov. "
         'Chris Christie said, "I feel like I need a Washington-to-English converter."',
         "converter", "New Jersey Gov. Chris Christie", "said"),
        # ... but speech reported inside speech keeps the outer source.
        ("His wife had warned him to act presidential, but Trump said he responded: \"When you "
         'have incoming, you can\'t be too presidential."', "incoming", "Trump", "said"),
        # A live blog's label after a dash, also as "More from …".
        ("But polls did predict the Democratic caucus - HuffPollster: \"While the Iowa caucuses "
         'provided a polling upset on the Republican side, most pollsters got the Democrats '
         'right."', "polling upset", "HuffPollster", ":"),
        ("It is not enough to get the sample to look representative - More from the report: "
         '"Today numerous online survey vendors condition their samples on nondemographic '
         'variables."', "survey vendors", "the report", ":"),
        # A closing mark glued to the speaker's name ("…,”Clinton said").
        ("Clinton appeared on the show. “I think it is surprising to see him traffic in "
         "prejudice,”Clinton said.", "surprising", "Clinton", "said"),
        # An infinitive cue before the colon speaks with the subject of the verb it completes.
        ('"It is going to be close," Tenney said. She went on to say:\n\n"Incredibly, none of '
         'them will come out and support the nominee."', "Incredibly", "She", "say"),
        # "As X reported …:" names the source of the block quoted after the colon.
        ("As the newspaper's Joel Pollak reported after the FBI appears to have left the "
         'scene:\n\n"The government has done almost nothing with the trove of intelligence it '
         'recovered during the raid."', "trove", "the newspaper's Joel Pollak", "reported"),
        # A capital conjunction after the quote's full stop opens the next sentence.
        ('Senator Capito put it bluntly: "His comments are not helping the party at all." But '
         "Ms. Murkowski said in an interview that her state was pessimistic.", "His comments",
         "Senator Capito", "put"),
    ],
)
def test_quote_sources(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source: str, cue: str,
) -> None:
    found = _containing(
        tuple(a for a in _attributions(base_nlp, entities_stage, text) if a.direct),
        content_words,
    )
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # A full stop between two quotes ends the sentence: two attributions, two speakers.
        ('"That never happened," Bob said. Eyebrows raised, he asked, "I was going to stay '
         'behind by myself?"', ["Bob", "he"]),
        ('"It\'s not a one-way street," Reid said in an interview Tuesday. Reflecting on his '
         'career, the Senate leader said, "I never knew what was going to happen."',
         ["Reid", "the Senate leader"]),
        # A quote after a full stop with a cue of its own is a new attribution.
        ('"It is like we are a bridge," Franken said. "You were for Bernie and I am for '
         'Hillary, so we are like a bridge over troubled…" he said, laughing.',
         ["Franken", "he"]),
        # So is a paragraph carrying on an open quote with its own cue ("he continued").
        ('"Trump says the things people want to say," Rubio said. "But presidents cannot say '
         'anything they want.\n\n"I am not interested in being politically correct," he '
         'continued. "We have to work together."', ["Rubio", "he"]),
        # A cue with its own complement after the full stop reports what follows.
        ('"We are refugees," Ms. Alawee said. "We are not terrorists." Mr. Zahed said the '
         "attack was the work of extremists like the ones they had fled.", ["Ms. Alawee"]),
        ('"He wants to keep this movement going," she said. "Nobody else wants to do it." '
         'Asked what that might look like, she said: "We will figure that out."',
         ["she", "she"]),
    ],
)
def test_quotes_in_two_sentences_are_not_one_split_quote(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, sources: list[str]
) -> None:
    direct = [a for a in _attributions(base_nlp, entities_stage, text) if a.direct]
    assert [a.source.text if a.source else None for a in direct] == sources


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ('"It is fair," he said, "and we keep it."', 1),
        # A title's full stop is no sentence end.
        ('"It is fair," said Gov. Ige, "and we keep it."', 1),
        ('"It is fair," he said. Later he added, "We keep it."', 2),
        ('"It is fair," he said Tuesday. Later he added, "We keep it."', 2),
    ],
)
def test_merge_split(text: str, parts: int) -> None:
    assert len(merge_split(text, find_quotes(text), 200)) == parts


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # The second quote has a cue of its own after a finished sentence: two attributions.
        ('"It is fair," Kim said. "We keep it." he added.', 2),
        ('"It is fair," Kim said. "We keep it.\n\n"It works," he continued.', 2),
        # After a comma the cue splits one quote, whatever follows the second part.
        ('"It is fair," Kim said, "and we keep it," he added.', 1),
    ],
)
def test_merge_split_stops_at_a_quote_with_its_own_cue(text: str, parts: int) -> None:
    quotes = find_quotes(text)
    assert len(merge_split(text, quotes, 200, {quotes[-1].start})) == parts


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "verb", "subject"),
    [
        # A participle after a comma goes with the reporting clause, not the reported one.
        ("Kim said the deal was fair , adding it works", [1, 1, 3, 4, 1, 4, 4, 4, 9, 7],
         ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct", "advcl", "nsubj", "ccomp"],
         ["NNP", "VBD", "DT", "NN", "VBD", "JJ", ",", "VBG", "PRP", "VBZ"], 7, "Kim"),
        # Object control: the object of "prompted" runs the cover.
        ("This prompted the tabloid to run a cover", [1, 1, 3, 1, 5, 1, 7, 5],
         ["nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "det", "dobj"],
         ["DT", "VBD", "DT", "NN", "TO", "VB", "DT", "NN"], 5, "tabloid"),
        # "by saying": through the preposition to the verb it modifies.
        ("She responded by saying no", [1, 1, 1, 2, 3],
         ["nsubj", "ROOT", "prep", "pcomp", "dobj"], ["PRP", "VBD", "IN", "VBG", "DT"], 3, "She"),
        # Two subjects from a parse run over a quote: the one next to the verb.
        ("Hillary Another commenter said it", [3, 2, 3, 3, 3],
         ["nsubj", "det", "nsubj", "ROOT", "dobj"], ["NNP", "DT", "NN", "VBD", "PRP"], 3,
         "commenter"),
        # "Kim said it was early but added …": a cue hung on the reported clause by mistake.
        ("Kim said it was early but added more", [1, 1, 3, 1, 3, 3, 3, 6],
         ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "cc", "conj", "dobj"],
         ["NNP", "VBD", "PRP", "VBD", "JJ", "CC", "VBD", "JJR"], 6, "Kim"),
        # Under a copula nobody reports: the conjunct keeps the subject it shares.
        ("This is why Democrats point and cry", [1, 1, 4, 4, 1, 4, 4],
         ["nsubj", "ROOT", "advmod", "nsubj", "ccomp", "cc", "conj"],
         ["DT", "VBZ", "WRB", "NNPS", "VBP", "CC", "VBP"], 6, "Democrats"),
    ],
)
def test_source_of_on_a_given_parse(
    words: str, heads: list[int], deps: list[str], tags: list[str], verb: int, subject: str
) -> None:
    pos = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "DT": "DET", "PRP": "PRON",
           "IN": "ADP", "TO": "PART", "JJ": "ADJ", "JJR": "ADJ", ",": "PUNCT", "CC": "CCONJ",
           "WRB": "ADV"}
    vocab = spacy.blank("en").vocab
    lemmas = ["be" if w in ("is", "was") else w.lower() for w in words.split()]
    doc = Doc(vocab, words=words.split(), heads=heads, deps=deps, tags=tags, lemmas=lemmas,
              pos=["AUX" if lemma == "be" else pos.get(t, "VERB") for t, lemma in
                   zip(tags, lemmas, strict=True)])
    found = source_of(doc[verb])
    assert found is not None and found.text == subject


def test_relative_pronoun_source_spans_its_antecedent(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "On Thursday, Cruz scored his first endorsement from a colleague, Mike Lee, who declared "
        'in the spin room, "I\'m sending the signal that it\'s time to unite."'
    )
    found = _containing(_attributions(base_nlp, entities_stage, text), "time to unite")
    # PolNeAR marks either the pronoun or the name; the span holds both.
    assert found.source is not None and found.source.text == "a colleague, Mike Lee, who"


@pytest.mark.parametrize(
    ("text", "content_words", "speaker"),
    [
        # The whole noun phrase behind a relative pronoun: the appositive name is the speaker.
        ('"We will not give up on this bill," said a colleague, Mike Lee, who declared the vote '
         "a disgrace.", "vote a disgrace", "Mike Lee"),
        # An appositive name wins over the possessor in front of the role.
        ('"The deal is dead," Trump\'s spokeswoman, Hope Hicks, told reporters on Tuesday.',
         "deal is dead", "Hope Hicks"),
        # The possessor alone is not the speaker: Kim's spokesman is someone else.
        ('"We have no comment at this time," Kim Jong-un\'s spokesman said on Friday.',
         "no comment", None),
    ],
)
def test_speaker_over_the_whole_source(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    speaker: str | None,
) -> None:
    found = _containing(_attributions(base_nlp, entities_stage, text), content_words)
    assert found.source is not None
    assert found.speaker == speaker
