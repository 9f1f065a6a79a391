"""Articles not in English are refused before the stages misread them, unless an option says not."""

from __future__ import annotations

import io
import json

import pytest

from pipeline.contract import Article
from pipeline.errors import ArticleError
from pipeline.read.language import foreign_language
from pipeline.read.reader import read_inputs


@pytest.mark.parametrize(("text", "language"), [
    ("Die Preise für Heizöl sind im vergangenen Monat um 2,2 Prozent gestiegen, teilte das "
     "Landesamt am Dienstag in Wiesbaden mit.", "de"),
    ("Le conseil municipal a publié un communiqué mardi soir pour annoncer la fermeture du "
     "pont pendant trois semaines.", "fr"),
    ("El ayuntamiento anunció el martes que el puente permanecerá cerrado durante tres "
     "semanas por obras de reparación.", "es"),
    ("The town council said on Tuesday the bridge would close for three weeks of repairs, "
     "costing about 2.2 million dollars.", None),
    # Too few letters to tell: a price table and a bare headline pass as they are.
    ("Wheat 3.41 3.38\nCorn 2.07 2.11\nOats 1.62 1.60", None),
    ("BRÜCKE GESPERRT", None),
])
def test_foreign_language(text: str, language: str | None) -> None:
    assert foreign_language(text) == language


def _records(*texts: str) -> io.BytesIO:
    lines = [json.dumps({"id": f"a{i}", "text": t}) for i, t in enumerate(texts)]
    return io.BytesIO(("\n".join(lines) + "\n").encode())


GERMAN = ("Die Gemeinde hat am Montag mitgeteilt, dass die Brücke wegen Reparaturen drei Wochen "
          "lang gesperrt bleibt.")
ENGLISH = "The council said on Monday that the bridge will stay closed for three weeks of repairs."


def test_an_article_not_in_english_is_its_own_error() -> None:
    items = list(read_inputs(["-"], stdin=_records(ENGLISH, GERMAN, ENGLISH)))
    assert [type(i) for i in items] == [Article, ArticleError, Article]
    error = items[1]
    assert isinstance(error, ArticleError)
    assert error.reason.startswith("not English: de")
    assert error.article_id == "a1"


def test_any_language_lets_it_through() -> None:
    items = list(read_inputs(["-"], stdin=_records(GERMAN), any_language=True))
    assert [type(i) for i in items] == [Article]
