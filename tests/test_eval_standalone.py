"""The standalone measures of `make eval` (scripts/eval_standalone.py), on data of our own."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import Any

from tests.conftest import ROOT


def _script() -> ModuleType:
    path = ROOT / "scripts" / "eval_standalone.py"
    spec = importlib.util.spec_from_file_location("eval_standalone", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


ES = _script()


def claim(text: str, standalone: str, dates: list[dict[str, Any]] | None = None,
          edits: list[dict[str, Any]] | None = None, start: int = 0) -> dict[str, Any]:
    return {"text": text, "start": start, "dates": dates or [],
            "standalone": {"text": standalone, "edits": edits or []}}


def test_pronoun_openings_count_claims_still_opening_so() -> None:
    claims = [
        claim("It said sales rose.", "Velmora Ltd said sales rose."),
        claim('"They will come," he said.', '"They will come," he said.'),
        claim("Sales rose.", "Sales rose."),
        claim("Items sold well.", "Items sold well."),  # `Items` is not `It`
    ]
    assert ES.pronoun_openings(claims) == (2, 1)


def test_dates_without_year_count_only_resolved_relative_dates() -> None:
    day = {"text": "Tuesday", "value": "2019-04-02"}
    claims = [
        claim("Prices fell Tuesday.", "Prices fell on Tuesday, 2 April 2019.", [day]),
        claim("Prices fell Tuesday.", "Prices fell Tuesday.", [day]),
        claim("Prices fell in 2018.", "Prices fell in 2018.", [{"text": "2018", "value": "2018"}]),
        claim("Prices fell today.", "Prices fell today.", [{"text": "today", "value": None}]),
    ]
    assert ES.dates_without_year(claims) == (2, 1)


CONLLU = """# text = Rafa Olmo spoke. He left.
1\tRafa\tRafa\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-x-x-x-x-Rafa_Olmo
2\tOlmo\tOlmo\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
5\tHe\the\tPRON\tPRP\t_\t6\tnsubj\t_\tEntity=(1-person-giv-x-x-x-coref)
6\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
"""
TEXT = "Rafa Olmo spoke. He left."


def test_gold_mentions_are_found_in_the_text_with_their_chain_and_identity() -> None:
    mentions, identity = ES.gold_mentions(CONLLU, TEXT)
    assert [(m.text, m.chain) for m in mentions] == [("Rafa Olmo", "1"), ("He", "1")]
    assert identity == {"1": "Rafa Olmo"}


def test_check_edits_judges_the_replacement_by_the_chain_of_the_replaced_words() -> None:
    mentions, identity = ES.gold_mentions(CONLLU, TEXT)
    right = {"start": 0, "end": 2, "original": "He", "replacement": "Rafa Olmo",
             "reason": "pronoun", "confidence": 0.9}
    wrong = {**right, "replacement": "Ana Pinto"}
    dated = {**right, "reason": "relative_date"}  # not a reference: not checked
    nowhere = {**right, "start": 3, "end": 7}  # `left`: GUM marks no mention there
    claims = [claim("He left.", "", edits=[right, wrong, dated, nowhere], start=17)]
    verdicts = [ok for _, ok in ES.check_edits(claims, mentions, identity)]
    assert verdicts == [True, False, None]


def test_names_chain_takes_a_name_part_but_not_a_longer_name_holding_it() -> None:
    assert ES.names_chain("Olmo's", ["Rafa Olmo"])
    assert ES.names_chain("Rafa Olmo", ["Olmo"])
    assert ES.names_chain("Rafa Olmo", ["Mayor Rafa Olmo"])
    assert not ES.names_chain("Rafa Olmo", ["the Rafa Olmo Foundation"])
    assert not ES.names_chain("Rafa Olmo", ["he", "him"])


# (claim text, whether its opening `It` is expletive: it refers to nothing, so it is no miss)
EXPLETIVE_ROWS = [
    ("It is likely that the mill will close.", True),
    ("It was not clear whether the tender would go ahead.", True),
    ("It is hard to value the stake.", True),
    ("It was costly for the firm to delay the launch.", True),
    ('"It\'s cheaper to rent than to buy," she said.', True),
    ("It is an open question in Lisbon that nobody asked.", True),
    ("It seemed the board had given up.", True),
    ('"It strikes me odd," he said, "that nobody noticed."', True),
    # A verb and a noun taking the to-clause that is the real subject (extraposition).
    ('"It serves little purpose to argue over the fee now," she said.', True),
    ("It makes sense for small banks to merge.", True),
    ("It took a stake to gain a seat on the board.", False),
    # `it` is the thing itself: raising (`expected to`), a measure, a description.
    ("It is expected to rise 3 percent.", False),
    ("It was due to repay the loan in May.", False),
    ("It is currently 12 percent of sales.", False),
    ("It was given leave last week to open a branch.", False),
    ("It was the third month in a row of gains.", False),
    ("It said profit rose.", False),
]


def test_expletive_it_is_told_by_its_form() -> None:
    assert [bool(ES.EXPLETIVE.match(t)) for t, _ in EXPLETIVE_ROWS] == [
        e for _, e in EXPLETIVE_ROWS
    ]


def test_pronoun_openings_leave_out_an_expletive_it() -> None:
    claims = [
        claim("It is unclear whether rates will rise.", "It is unclear whether rates will rise."),
        claim("It said sales rose.", "It said sales rose."),
    ]
    assert ES.pronoun_openings(claims) == (1, 1)


def test_an_antecedent_edit_is_right_where_a_mention_of_the_chain_opens_its_words() -> None:
    mentions, identity = ES.gold_mentions(CONLLU, TEXT)
    edit = {"start": 0, "end": 2, "original": "He", "replacement": "Rafa Olmo",
            "reason": "antecedent", "confidence": 0.7}
    elsewhere = {**edit, "replacement": "spoke"}  # words of no mention of the chain
    claims = [claim("He left.", "", edits=[edit, elsewhere], start=17)]
    verdicts = [ok for _, ok in ES.check_edits(claims, mentions, identity, TEXT)]
    assert verdicts == [True, False]
