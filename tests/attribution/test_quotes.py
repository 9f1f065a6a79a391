"""Quote finding: quotation marks paired, scare quotes told from speech, split quotes joined."""

from __future__ import annotations

import pytest

from pipeline.attribution.quotes import find_quotes, find_single_quotes, is_speech, merge_split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“One,” he said. “Two, three and four.”",
         [("“One,”", True), ("“Two, three and four.”", True)]),
        ('He said "a b c" and "d e', [('"a b c"', True), ('"d e', False)]),
        ("“First paragraph goes on\n\n“and on here.”", [("“First paragraph goes on", False),
                                                        ("“and on here.”", True)]),
        # An opening mark typed where the closing one belongs still closes the quote.
        ("“It could cause real trouble for him there,“ said Ann Delaney. “Next one.”",
         [("“It could cause real trouble for him there,“", True), ("“Next one.”", True)]),
        # Three apostrophes close a single-quoted question and the doubled-apostrophe quote.
        ("''He would ask me, 'Why now?''' Ms. Park said.",
         [("''He would ask me, 'Why now?'''", True)]),
    ],
)
def test_find_quotes(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(text[q.start : q.end], q.closed) for q in find_quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ortega: 'We are going to carry this county easily.'",
         ["'We are going to carry this county easily.'"]),
        ("Sanders says ‘Our campaign is not over’ after the vote", ["‘Our campaign is not over’"]),
        ("The players' union didn't say it's Trump's 'fault' yet.", []),
    ],
)
def test_find_single_quotes(text: str, expected: list[str]) -> None:
    found = find_single_quotes(text, find_quotes(text))
    assert [text[q.start : q.end] for q in found] == expected


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        # A quote opening its paragraph after a closed quote stands on its own.
        ("“It was a long night for all of us,” he said.\n\n“The committee botched the whole "
         "review,”", True),
        ("“It was a long night for all of us,” he said. “The panel failed,”", True),
        # A scare quote inside a clause is not speech.
        ("Moreno has “always kept a tight budget” in the district.", False),
    ],
)
def test_is_speech(text: str, speech: bool) -> None:
    last = find_quotes(text)[-1]
    assert is_speech(text, last, 8, 3) is speech


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ('"It is fair," he said, "and we keep it."', 1),
        # A title's full stop is no sentence end.
        ('"It is fair," said Gov. Ige, "and we keep it."', 1),
        ('"It is fair," he said. Later he added, "We keep it."', 2),
        ('"It is fair," he said Tuesday. Later he added, "We keep it."', 2),
        # A colon introduces a quote of its own, not the second half of the first.
        ('"Rates will fall by summer," said Mia Roth, while Jon Pell disagreed: "They hold."', 2),
        ('"It is fair," she said, adding: "We keep it."', 2),
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
