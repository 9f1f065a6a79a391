"""Long articles parsed in windows: cuts at boundaries, offsets into the whole text, same output."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from spacy.language import Language

from pipeline.contract import Article, ArticleResult
from pipeline.nlp.windows import parse_in_windows, size_groups, window_bounds
from pipeline.run import runner
from pipeline.run.runner import Runner, Settings, annotation_record


@pytest.mark.parametrize(
    ("text", "size", "pieces"),
    [
        # A blank line wins over a line break and a sentence end in the window's second half.
        (
            "One two. Three\nfour.\n\nFive six. Seven.",
            24,
            ["One two. Three\nfour.\n\n", "Five six. Seven."],
        ),
        # No blank line: the last line break, with the indentation after it.
        (
            "Alpha beta gamma.\n   Delta epsilon. Zeta",
            28,
            ["Alpha beta gamma.\n   ", "Delta epsilon. Zeta"],
        ),
        # One paragraph: the last sentence end, its closing quote and space kept before the cut.
        (
            'He said "go." She left. They ran home',
            26,
            ['He said "go." She left. ', "They ran home"],
        ),
        # No sentence end: the last space.
        ("aaaa bbbb cccc dddd eeee", 12, ["aaaa bbbb ", "cccc dddd ", "eeee"]),
        # No space at all in the second half: a hard cut at the window's size.
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        # Short enough: one window, the whole text.
        ("Short text.", 100, ["Short text."]),
    ],
)
def test_window_bounds(text: str, size: int, pieces: list[str]) -> None:
    bounds = window_bounds(text, size)
    assert [text[start:end] for start, end in bounds] == pieces
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))


@pytest.mark.parametrize(
    ("sizes", "groups"),
    [
        ([30, 30, 30], [[0, 1, 2]]),
        ([60, 50, 40, 10], [[0], [1, 2, 3]]),
        ([250, 10, 10], [[0], [1, 2]]),  # one over the budget goes alone
        ([], []),
    ],
)
def test_size_groups_keep_a_batch_within_the_budget(
    sizes: list[int], groups: list[list[int]]
) -> None:
    assert size_groups(list(enumerate(sizes)), 100) == groups


# Paragraphs written for this test: a speaker, a named date and relative ones, amounts, and a
# pronoun that must reach back over a window cut to the speaker named paragraphs before.
PARAGRAPHS = [
    "Harbor Freight Lines said on March 3, 2016 that its profit rose 12 percent to $41 million.",
    '"We moved more containers than ever," said Dana Whitlow, the company\'s chief executive.',
    "Whitlow said the fleet would grow by 40 ships next year and that prices fell on Monday.",
    "The port authority counted 2.3 million containers in 2015, up from 2.1 million a year before.",
    '"Demand is steady," she said on Tuesday, adding that fuel costs dropped 8% last month.',
    "Shares of the company closed at $18.25 in New York, the exchange said.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"


def _run(nlp: Language, window: int, monkeypatch: pytest.MonkeyPatch) -> ArticleResult:
    """The article through the runner, asserting it took the windowed path iff it is longer."""
    calls: list[int] = []

    def spy(*args: Any) -> Any:
        calls.append(args[-1])
        return parse_in_windows(*args)

    monkeypatch.setattr(runner, "parse_in_windows", spy)
    article = Article(
        id="w", text=TEXT, published="2016-03-10", origin="t", published_from="record"
    )
    (result,) = Runner(Settings(window=window), nlp).run_batch([article])
    assert calls == ([window] if len(TEXT) > window else [])
    assert isinstance(result, ArticleResult)
    return result


def _spans(record: Any) -> list[dict[str, Any]]:
    """Every ``{start, end, text}`` object inside an annotation record."""
    if isinstance(record, dict):
        found = [record] if {"start", "end", "text"} <= record.keys() else []
        return found + [s for value in record.values() for s in _spans(value)]
    if isinstance(record, list):
        return [s for value in record for s in _spans(value)]
    return []


@pytest.mark.parametrize("window", [120, 250])
def test_windowed_parse_matches_whole_parse(
    claims_nlp: Language, window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(window_bounds(TEXT, window)) > 2  # the small window really cuts the article
    whole = _run(claims_nlp, len(TEXT), monkeypatch)
    windowed = _run(claims_nlp, window, monkeypatch)
    assert annotation_record(windowed.annotations) == annotation_record(whole.annotations)
    assert [c.to_dict() for c in windowed.claims] == [c.to_dict() for c in whole.claims]
    record = annotation_record(windowed.annotations)
    # The pronoun in the fifth paragraph still finds the speaker across the cuts.
    assert "Dana Whitlow" in {a["speaker"] for a in record["attributions"]}
    assert any(d["value"] == "2016-03-08" for d in record["dates"])  # "on Tuesday"
    spans = _spans(record)
    assert spans
    for span in spans:
        # Mentions keep the input's characters; line breaks in a span's text read as spaces.
        assert " ".join(TEXT[span["start"] : span["end"]].split()) == " ".join(span["text"].split())
