"""Where the parse puts a sentence's subjects and objects, on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.claims.subjects import subjects_of


def _words(text: str, starts: tuple[int, ...]) -> list[str]:
    return [text[start:].split()[0].strip(",.") for start in starts]


@pytest.mark.parametrize(
    ("text", "main", "finite", "objects"),
    [
        # A passive subject is one; the name in the by-phrase is not.
        ("Olav Brenne was interviewed by the weekly Nordlys on Monday.", ["Brenne"], [], []),
        # A possessive in an apposition is not; words conjoined with the subject are.
        ("Brenne, a minister in Premier Vik's second cabinet, was once a banker.",
         ["Brenne"], [], []),
        ("Brenne and Lunde left Oslo on Monday.", ["Brenne", "Lunde"], [], ["Oslo"]),
        # The subject of a finite clause below the root; an object.
        ("Arne Holm said that Dahl had lied.", ["Holm"], ["Dahl"], []),
        ("Judge Arne Holm ordered Dahl jailed until the trial.", ["Holm"], [], ["Dahl"]),
        ("Arne Holm thanked Dahl and Berg on Monday.", ["Holm"], [], ["Dahl", "Berg"]),
    ],
)
def test_subjects_of(
    claims_nlp: Language, text: str, main: list[str], finite: list[str], objects: list[str]
) -> None:
    subjects = subjects_of(claims_nlp(text))
    assert _words(text, subjects.main) == main
    assert sorted(_words(text, subjects.finite)) == sorted(main + finite)
    assert _words(text, subjects.objects) == objects
