"""Direct quotes: the cue and speaker beside, between or before a quotation."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.entities import EntitiesComponent
from tests.attribution.helpers import attributions, containing


@pytest.mark.parametrize(
    ("text", "content_words", "source_words", "direct"),
    [
        # A short quote with its cue written right after it.
        ("“No,” she said.", "No", "she", True),
        ('"Definitely not," he said of the chance of a recount.', "Definitely", "he", True),
        # The speaker named after the cue, with a role before the name.
        ('"I won\'t pretend it was a blunder, so let it go," said retired firefighter '
         "Gil Navarro, asked about his column.", "a blunder", "Gil Navarro", True),
        # A quote introduced by a clause and a colon.
        ("Or, as Paul Whitaker, a former director of the port authority, put it: \"The trucks are "
         'no longer at the border. They\'re already here."', "trucks", "Paul Whitaker", True),
        # A name as the label of a quote, headline style.
        ("Ortega: ‘We are going to carry this county easily.’", "county easily", "Ortega", True),
        ("TEXAS SURVEYS HELD UP - Nina Cole and Raj Mehta: “The samples were sound, even if "
         "the turnout estimates drifted a little late on.”", "samples were sound",
         "Nina Cole", True),
        # A quote that a reported clause runs into is indirect speech, as in PolNeAR.
        ("The senator said that “the bill is a disaster for working families across the state.”",
         "working families", "The senator", False),
    ],
)
def test_quotes_with_cues_beside_them(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source_words: str, direct: bool,
) -> None:
    found = containing(attributions(base_nlp, entities_stage, text), content_words)
    assert found.source is not None and source_words in found.source.text
    assert found.direct is direct


def test_cue_in_next_paragraph_is_not_the_quotes(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "“He started out by mocking farmers, and that is wrong,” Dalton said.\n\n"
        "“Then you have these fans who cheer for that.”\n\n"
        "Dalton, who said he usually votes independent, said he likes the mayor."
    )
    losers = containing(attributions(base_nlp, entities_stage, text), "cheer")
    assert losers.direct
    assert losers.source is not None and losers.source.start < text.index("\n")


@pytest.mark.parametrize(
    ("text", "content_words", "source"),
    [
        # A sentence naming someone new between two quotes: the second is theirs, not
        # the first speaker's quotation carried on.
        ('"I have never seen the river this low," Gutierrez said.\n\nHer neighbor, Paul Kim, '
         'agreed. "Nobody has fixed the levee in ten years."', "fixed the levee",
         "Her neighbor, Paul Kim"),
        ('"This election is about the future," Kaine told the audience. Pence, speaking '
         'later, disagreed. "It is about the past eight years of drift."', "past eight years",
         "Pence"),
        # The same speaker named again carries the quotation on.
        ('"This election is about the future," Kaine told the audience. Kaine paused. '
         '"It is about the next eight years of work."', "next eight years", "Kaine"),
        # A quote standing alone after a question answers it: the one asked speaks.
        ("Reporters asked the governor whether he would sign the bill.\n\n"
         '"We will see what the final text says before I decide anything."', "final text",
         "the governor"),
        ("Patel was asked about the vote on Tuesday.\n\n"
         '"There is no path in the Senate. We knew that from the start."', "no path",
         "Patel"),
        # A pronoun of the other gender between the quotes is someone new as well.
        ('"She is ready to lead this country from the first day," he said. She followed with a '
         'brief speech of her own. "I am ready, Ohio, and I will not let you down."',
         "I am ready", "She"),
        # An organisation named by a compound ("The Teamsters union") speaks as well.
        ('The Teamsters union, which represents truck drivers in nine states, was blunt. "This '
         'contract is a job killer and we will fight it at every port."', "job killer",
         "The Teamsters union, which represents truck drivers in nine states"),
        # A subject apposed to a person's name is that person.
        ('His opponent, state Rep. Lena Vogt, sees it differently. "He has been absent for a '
         'decade and everyone knows it."', "absent for a decade",
         "His opponent, state Rep. Lena Vogt"),
    ],
)
def test_quote_without_cue_takes_the_speaker_named_before_it(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source: str,
) -> None:
    found = containing(
        tuple(a for a in attributions(base_nlp, entities_stage, text) if a.direct),
        content_words,
    )
    assert found.source is not None and found.source.text == source


def test_quote_ending_in_a_comma_is_not_handed_to_the_sentence_before(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = ("The town clerk, Robert Miller, read out the results.\n\n"
            '"Count every ballot by hand, one at a time," came shouts from the back of the hall.')
    sources = [a.source.text for a in attributions(base_nlp, entities_stage, text)
               if "every ballot" in a.content.text and a.source is not None]
    assert "The town clerk, Robert Miller" not in sources


@pytest.mark.parametrize(
    ("text", "content_words", "source", "cue"),
    [
        # The source the parse left inside the reported clause is the quote's speaker.
        ('"The danger," said Helen Ortiz, an analyst who runs the county budget office, '
         '"is that we lose revenue."', "The danger",
         "Helen Ortiz, an analyst who runs the county budget office", "said"),
        # The closing mark the parser hung on the subject is the quote's, not the source's.
        ('"You see people carrying signs, people are shouting at them and pushing them '
         'out of meetings and all of that," Rosa Delgado, 58, said on Morning Edition.',
         "carrying signs", "Rosa Delgado, 58", "said"),
        # A long appositive between the quote and the cue is still the speaker.
        ('"We need leaders who will bring neighbors together rather than further divide '
         'everyone," Nora Palmer, 42, of Tacoma, Wash., who was among those surveyed, said in a '
         "second interview.", "bring neighbors together",
         "Nora Palmer, 42, of Tacoma, Wash., who was among those surveyed", "said"),
        # "by saying": the subject of the verb the preposition hangs on.
        ('When he came back, the coach began by saying, "The lineup stays as it is."',
         "lineup stays", "the coach", "saying"),
        # Reported through a newspaper: PolNeAR's source is the outer one.
        ('"There has been a steady stream of leaks. When will it end?" the mayor said, '
         "according to the Herald.", "steady stream", "the Herald", "according to"),
        # No parsed subject: the name before the cue, not the adverbial that opens the sentence.
        ('In a statement to the Gazette, his chief economic adviser, Laura Benton, said: "He '
         'supports a stable currency."', "stable currency",
         "his chief economic adviser, Laura Benton", "said"),
        # A sentence parsed over a paragraph break has two subjects: the one next to the cue.
        ('"Never, never Susan."\n\nAnother caller said, "Everyone can guess where he stands on '
         'the unions."', "the unions", "Another caller", "said"),
        # "emailed supporters saying": the sender, not the addressees.
        ('The governor emailed donors saying: "Our work is far from done."', "far from done",
         "The governor", "saying"),
        # Object control: the tabloid runs the cover.
        ('The snub prompted the weekly to print a headline saying "Don\'t hide, Mayor!"',
         "hide", "the weekly", "saying"),
        # A subject inherited from inside the quote is replaced by the clause before the cue.
        ("Harper seemed to be ready to joke about the mix-up in Denver, telling the crowd, "
         '"Some folks get a bit too excited."', "too excited", "Harper", "telling"),
        # A cue without a subject hung on the name: the name before it.
        ("Jane Holloway, the 2018 Democratic gubernatorial nominee, tweeted in reply: "
         '"The difference is plain: pundits talk; mayors fix the roads."',
         "difference", "Jane Holloway, the 2018 Democratic gubernatorial nominee", "tweeted"),
        # "tells Valley Ledger News": the object of "tell" is the one spoken to.
        ('"Yes, I endorse Ben Carter," Peter Lowell III, founder of the Civic Budget Project, '
         "tells Valley Ledger News in a phone call.", "endorse Ben Carter",
         "Peter Lowell III, founder of the Civic Budget Project", "tells"),
        # Brackets belong to the name before the cue.
        ("But Rep. Susan M. Carver (R-Ohio), noting the size of Walker's crowds, said, "
         '"Let me tell you, she has got a huge donor network."', "donor network",
         "Rep. Susan M. Carver (R-Ohio)", "said"),
        # A capital pronoun after the quote's full stop opens a new sentence, not its cue.
        ('Growing louder as he spoke, Mr. Novak continued: "The worst flood ever in this county? '
         'It happened on her watch." He added that thanking the mayor was strange.',
         "worst flood", "Mr. Novak", "continued"),
        # A quoted paragraph signed with a dash on the next line, fact-check style.
        ('We checked the claims made at the forum.\n\n"Nearly all new jobs in this state are going '
         'to the two largest cities."\n\n- Maria Lopez.\n\nThe figure '
         "comes from a survey of employers.", "largest cities", "Maria Lopez", "-"),
        # "said when Okafor asked": the clause under the cue is not the cue, nor its subject.
        ('"Sharp question, really sharp question from this one," Ellison, the most senior '
         "member of the county board and its likely next chair by most counts since the spring "
         "retreat, said when Okafor asked him about the levy.",
         "Sharp question", "Ellison, the most senior member of the county board and its "
         "likely next chair by most counts since the spring retreat",
         "said"),
        # A pronoun standing alone after the cue.
        ('"America is great! The mayor is disgusting," read one.', "America is great", "one",
         "read"),
        # Newsroom speech verbs from the cue table.
        ('"This is a huge personal victory for me," I confessed.', "personal victory", "I",
         "confessed"),
        ('"Voters are tired of hearing the same promises," he surmised.', "same promises", "he",
         "surmised"),
        ('"Davis said in his speech that farmers are our real heroes. Is Davis pandering?" '
         "reacted Porter.", "real heroes", "Porter", "reacted"),
        # The cue between the parts of a split quote wins over an earlier one.
        ('When a woman at the back called out, "Parking," Greene joked, again putting on a '
         'slow drawl, "Bless you, ma\'am! Step right up and sign the petition!"', "Bless you",
         "Greene", "joked"),
        # Phrasal speech verbs: the verb and its particle are the cue together.
        ('"Frank wants to be a hard man tonight," Gordon shot back.', "hard man", "Gordon",
         "shot back"),
        ('"Half that crowd showed up for the free pizza," Alvarez shot back with a smirk.',
         "free pizza", "Alvarez", "shot back"),
        ('When Baker suggested that the union would strike, Moreno fired back sharply: "If they '
         'walk out in the middle of winter, they\'re going to regret it."', "middle of winter",
         "Moreno", "fired back"),
        ('"Well, mistakes get made, don\'t they?" Hollis went on, as though nobody had spoken.',
         "mistakes get made", "Hollis", "went on"),
        # A capitalised modal right after the quote is a surname, not an auxiliary.
        ('"This ought to speed the fading of the protest campaigns," Will wrote.', "fading",
         "Will", "wrote"),
        ('"Britain will not be rushed into anything at all," May said on Sunday.', "rushed",
         "May", "said"),
        # A colon after a free relative ("what happened") hands the quote to the outer clause.
        ('Vance later apologized for what happened: "I ought to have read the contract first. '
         'Signing it blind was foolish."', "contract first", "Vance", "apologized"),
        # The second of two coordinated relative clauses stands for the same person.
        ("The governor was campaigning for a veteran named Sam Okafor, who is running for "
         'mayor and who shook hands at the door, praising "the governor\'s patience and calm '
         'temper" as she spoke.', "patience",
         "a veteran named Sam Okafor, who is running for mayor and who", "praising"),
        # A sentence opened by a bare participle cue continues the previous one's subject.
        ('Later in the program, Jensen stated that the audit "wasn\'t pretty." Adding, "Now, as '
         'with all city audits, what they really find is never that bad."', "never that bad",
         "Jensen", "Adding"),
        # Title words after the cue, however parsed, end in the speaker's name.
        ('"Democrats are so upset with the ruling that they are now turning on him," '
         "said Budget ranking Republican Thomas Reed (R-Ky.).", "upset",
         "Republican Thomas Reed (R-Ky.)", "said"),
        # A possessive in the speaker after the cue.
        ('"Drivers should leave their cars at home this weekend," opined Portland\'s Evening '
         "Courier.", "cars at home", "Portland's Evening Courier", "opined"),
        # "said it was early but added": the second cue shares the reporting clause's subject.
        ('Kofi Boateng said it was too soon to claim the seat but added, "Our count looks '
         'very good tonight."', "very good tonight", "Kofi Boateng", "added"),
        # A cue coordinated after the quote shares its subject; what follows it is an object.
        ('President Luis Ortega of Chile condemned "such a cowardly assault" and declared a '
         "resolve to carry on.", "cowardly", "President Luis Ortega of Chile",
         "condemned"),
        # Words between the quote and a coordinated cue are not its speaker.
        ('Fans of the coach are shouting "robbery" about the referee and threatening '
         "to skip the final.", "robbery", "Fans of the coach", "threatening"),
        # A cue right before the quote, with a colon or comma, beats an outer clause holding it.
        ("Harris said that analysts had called her plan bold and sound, to which "
         'O\'Brien interjected: "That\'s simply not true, and everyone in this room knows it."',
         "not true", "O'Brien", "interjected"),
        ("The forum grew so tense over who backed which school plan that Oregon Gov. "
         'Carl Brandt said, "I think I need a translator for all this jargon."',
         "translator", "Oregon Gov. Carl Brandt", "said"),
        # ... but speech reported inside speech keeps the outer source.
        ("Her aides had warned her to stay calm, but Ramirez said she replied: \"When you "
         'are under attack, you can\'t be too calm."', "under attack", "Ramirez", "said"),
        # A live blog's label after a dash, also as "More from …".
        ("But surveys did forecast the Senate runoff - PollWatch: \"While the Georgia runoff "
         'delivered a turnout surprise on one side, most surveys got the winner '
         'right."', "turnout surprise", "PollWatch", ":"),
        ("Weighting alone cannot rescue a lopsided sample - More from the study: "
         '"Several online vendors now screen recruits on political interest before they '
         'join."', "online vendors", "the study", ":"),
        # A closing mark glued to the speaker's name ("…,”Clinton said").
        ("Clinton appeared on the show. “I think it is surprising to see him traffic in "
         "prejudice,”Clinton said.", "surprising", "Clinton", "said"),
        # An infinitive cue before the colon speaks with the subject of the verb it completes.
        ('"It will be a tight race," Lindqvist said. She went on to say:\n\n"Remarkably, not '
         'one of them will stand up and endorse the candidate."', "Remarkably", "She", "say"),
        # "As X reported …:" names the source of the block quoted after the colon.
        ("As the paper's Omar Haddad reported once the police seemed to have finished the "
         'search:\n\n"The county has barely touched the boxes of files it carried out of '
         'the office."', "boxes of files", "the paper's Omar Haddad",
         "reported"),
        # A capital conjunction after the quote's full stop opens the next sentence.
        ('Senator Capito put it bluntly: "His comments are not helping the party at all." But '
         "Ms. Murkowski said in an interview that her state was pessimistic.", "His comments",
         "Senator Capito", "put"),
        # A split quote's cue stands between its parts, also for a verb that takes no clause.
        ("For Dana Price, the senator is exposing the odd logic of strict budget hawks. "
         '"The market hasn\'t failed the rural towns," he mocks. "The rural towns have failed '
         'the market."', "rural towns", "he", "mocks"),
        # A subordinate clause after the quote is not its cue; a headline's label names it.
        ("Jane Ortiz: ‘No Clue’ If Aides Would Have Warned Voters About The Plan.", "No Clue",
         "Jane Ortiz", ":"),
        ("''How far one vacancy could tilt the court is hard to overstate,'' since most "
         "landmark cases were reported as narrow wins, said Ann Lee, who teaches law at "
         "Ohio State University.", "tilt the court",
         "Ann Lee, who teaches law at Ohio State University", "said"),
        # A passive cue: its agent asks, not its subject.
        ('Lopez was asked by host Dana Reed, who backs Lopez, "Now, you said in the first debate '
         'that you were tired of the topic, but it has changed a little, has it not?"',
         "first debate", "host Dana Reed, who backs Lopez", "asked"),
        # The colon's clause speaks when the parse hung it on a cue without a subject.
        ("Now Harmon, who ran fundraising for a rival group, has agreed to help the party.\n\n"
         'When asked why, Harmon responded in an email: "Smith will be the party\'s nominee."',
         "nominee", "Harmon", "responded"),
        # An inverted "asked Lane" right after the quote beats a clause the parse ran over it.
        ("If the hackers were tied to a foreign state — as many analysts believe, and officials "
         'allege, but the embassy denies — "why would you not raise the risk of meddling?" '
         'asked Lane, now a partner at a consulting firm. "I think it is only wise to raise it."',
         "risk of meddling", "Lane, now a partner at a consulting firm", "asked"),
        ("“To be honest,” she elaborated, “nobody on the council ever asked us about the "
         "budget.”", "nobody on the council", "she", "elaborated"),
        # A speech verb right before the quote beats an opening "According to".
        ('According to a transcript of the call, the minister said: "Make sure the paperwork '
         'disappears."', "paperwork", "the minister", "said"),
        # A participle hung on an infinitive inside the reported clause goes with the reporter.
        ('Even a veteran pollster said Ortiz will have to decide which camp she is in, saying, '
         '"Sooner or later the voters in this district will demand an answer from her."',
         "Sooner or later", "Even a veteran pollster", "saying"),
        # A transcript's label in capitals, whatever the tagger made of the word.
        ('HOLT: "Secretary Clinton, your response to that?"\n\nCLINTON: "Well, I think the '
         'record speaks for itself on this."', "your response", "HOLT", ":"),
        # When the words were said (", when asked …") is not part of who said them.
        ('"Conditions at the time will determine our next step," said Nora Pike, the bank\'s vice '
         'president for communications, when asked if the bank would go ahead with the sale.',
         "our next step", "Nora Pike, the bank's vice president for communications", "said"),
        # A name and a bare past-tense verb after a quote's comma report it, cue list or not.
        ('"The first payments cover interest only, and the principal follows later," Okafor '
         'detailed.', "principal follows", "Okafor", "detailed"),
        # A sign held up speaks for itself; the one holding it did not put it out.
        ('Outside the hall, Dana Price held up a sign saying "Teachers Against Cuts - Because '
         'Our Kids Deserve Better Than This."', "Teachers Against Cuts", "a sign", "saying"),
        # Where the words were written ("in an email") is not part of who wrote them.
        ('"The plant will stay open through the winter," said Ines Varga, a spokeswoman for '
         'Orlen Mills, in an email.', "stay open", "Ines Varga, a spokeswoman for Orlen Mills",
         "said"),
        # After a quote's full stop, a verb reporting its own object opens a new sentence.
        ('Senator Hale was known for one line, delivered in his farewell speech in 1998: "Let '
         'the river run free again!" Environmentalists still praise his refusal to compromise.',
         "river run free", "Senator Hale", "known"),
        # A colon's clause about a thing ("the timing") hands the quote to the person it names.
        ('The timing of the vote did not surprise the veteran pollster Dan Shaw: "Late deciders '
         'always break toward the challenger in this state."', "break toward",
         "the veteran pollster Dan Shaw", "surprise"),
    ],
)
def test_quote_sources(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, content_words: str,
    source: str, cue: str,
) -> None:
    found = containing(
        tuple(a for a in attributions(base_nlp, entities_stage, text) if a.direct),
        content_words,
    )
    assert found.source is not None and found.source.text == source
    assert found.cue is not None and found.cue.text == cue


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # A full stop between two quotes ends the sentence: two attributions, two speakers.
        ('"That was never the plan," Lena said. Frowning, she asked, "You thought I would '
         'drive there alone?"', ["Lena", "she"]),
        ('"It\'s not an easy call," Varga said in an interview Monday. Thinking about her '
         'years on the bench, the retired judge said, "Every morning brought a new surprise."',
         ["Varga", "the retired judge"]),
        # A quote after a full stop with a cue of its own is a new attribution.
        ('"We are like two halves of one team," Ruiz said. "You backed the governor and I '
         'backed the mayor, so together we cover the whole…" she said, smiling.',
         ["Ruiz", "she"]),
        # So is a paragraph carrying on an open quote with its own cue ("he continued").
        ('"Walker says the things voters want to hear," Ortiz said. "But governors cannot '
         'promise anything they like.\n\n"I am not interested in being polite about it," he '
         'continued. "We have to work together."', ["Ortiz", "he"]),
        # A cue with its own complement after the full stop reports what follows.
        ('"We are farmers," Ms. Haddad said. "We are not criminals." Mr. Karimi said the '
         "raid was the work of gangs like the ones they had fled.", ["Ms. Haddad"]),
        ('"She wants to keep this campaign alive," he said. "Nobody else is willing to do it." '
         'Asked what that might mean, he said: "We will work that out."',
         ["he", "he"]),
    ],
)
def test_quotes_in_two_sentences_are_not_one_split_quote(
    base_nlp: Language, entities_stage: EntitiesComponent, text: str, sources: list[str]
) -> None:
    direct = [a for a in attributions(base_nlp, entities_stage, text) if a.direct]
    assert [a.source.text if a.source else None for a in direct] == sources


def test_relative_pronoun_source_spans_its_antecedent(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        "On Monday, Okoro earned her first endorsement from a colleague, Mike Dunn, who declared "
        'in the briefing room, "My vote goes to whoever can unite this party."'
    )
    found = containing(attributions(base_nlp, entities_stage, text), "unite this party")
    # PolNeAR marks either the pronoun or the name; the span holds both.
    assert found.source is not None and found.source.text == "a colleague, Mike Dunn, who"


@pytest.mark.parametrize(
    ("text", "content_words", "speaker"),
    [
        # The whole noun phrase behind a relative pronoun: the appositive name is the speaker.
        ('"We will not give up on this bill," said a colleague, Bill Ford, who declared the vote '
         "a disgrace.", "vote a disgrace", "Bill Ford"),
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
    found = containing(attributions(base_nlp, entities_stage, text), content_words)
    assert found.source is not None
    assert found.speaker == speaker


def test_denied_cue_after_a_quote_reports_nothing(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        'The campaign released a short statement on Friday. "We will not discuss private letters '
        'with reporters." The campaign did not elaborate.'
    )
    found = attributions(base_nlp, entities_stage, text)
    assert not [a for a in found if a.cue is not None and a.cue.text == "elaborate"]


def test_quote_after_reported_speech_carries_it_on(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    # PolNeAR's convention: a quote with no cue of its own right after someone's reported
    # speech is more of that speech, not more of the previous speaker's quotation.
    text = (
        '"That argument does not hold up," Diaz said.\n\nBerg said his aides had been '
        '"careful" to keep the new rules away from the pension fund. "Had we touched it at '
        'all, the auditors would have objected."'
    )
    found = containing(attributions(base_nlp, entities_stage, text), "auditors would have")
    assert found.source is not None and found.source.text == "Berg"
    assert not found.direct


def test_name_glued_to_the_opening_mark_is_no_split_quote(
    base_nlp: Language, entities_stage: EntitiesComponent
) -> None:
    text = (
        'Mary Walsh (D-Ore.):"We heard it first from the auditors when they went through the '
        'ledgers. All we wanted was to help them balance the books."'
    )
    found = containing(attributions(base_nlp, entities_stage, text), "the ledgers")
    # The speaker is the label, not a quoted word taken for a cue's subject.
    assert found.source is not None and found.source.text.startswith("Mary Walsh")
