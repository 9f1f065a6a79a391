"""The queue: upserts by claim_id, keeps a desk's status, survives a crash; claim groups."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.review.queue import count, groups, open_queue, queue_path, set_status, top, upsert


def record(claim_id: str, article_id: str, worth: float | None, *, key: str = "k",
           published: str | None = "2017-08-23", text: str = "") -> dict[str, Any]:
    """A claim/1 record as `claims extract` writes it, with the fields the queue reads."""
    return {
        "schema": "claim/1",
        "claim_id": claim_id,
        "article_id": article_id,
        "published": published,
        "text": text or f"Claim {claim_id} of article {article_id}.",
        "start": 0,
        "end": 10,
        "type": "statistic",
        "entities": [],
        "quantities": [],
        "dates": [],
        "attribution": None,
        "checks": [],
        "checkworthiness": worth,
        "claim_key": key,
    }


RUN = [
    record("c1", "a1", 0.91),
    record("c2", "a1", 0.35),
    record("c3", "a2", 0.91),
    record("c4", "a2", 0.78),
    record("c5", "a3", None),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_queue(f"sqlite:///{tmp_path / 'queue.db'}")
    yield connection
    connection.close()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///queue.db", "queue.db"),
        ("sqlite:////var/lib/claims/queue.db", "/var/lib/claims/queue.db"),
        ("out/queue.db", "out/queue.db"),
        ("sqlite://", ":memory:"),
    ],
)
def test_queue_path(url: str, expected: str) -> None:
    assert queue_path(url) == expected


def test_queue_path_rejects_a_host() -> None:
    with pytest.raises(ValueError, match="sqlite:///FILE"):
        queue_path("sqlite://server/queue.db")


def test_first_run_adds_every_claim_as_new(db: sqlite3.Connection) -> None:
    stats = upsert(db, RUN)
    assert (stats.added, stats.updated) == (5, 0)
    assert count(db) == count(db, "new") == 5


def test_top_ranks_by_checkworthiness_then_claim_id(db: sqlite3.Connection) -> None:
    upsert(db, RUN)
    assert [r.claim_id for r in top(db, 10)] == ["c1", "c3", "c4", "c2", "c5"]
    assert [r.claim_id for r in top(db, 2)] == ["c1", "c3"]
    assert top(db, 1)[0].checkworthiness == pytest.approx(0.91)


def test_second_run_queues_nothing_twice_and_keeps_status(db: sqlite3.Connection) -> None:
    upsert(db, RUN)
    assert set_status(db, "c1", "checking")
    assert set_status(db, "c4", "done")
    rerun = [*RUN[1:], record("c1", "a1", 0.95), record("c6", "a4", 0.5)]
    stats = upsert(db, rerun)
    assert (stats.added, stats.updated) == (1, 5)
    assert count(db) == 6
    statuses = dict(db.execute("SELECT claim_id, status FROM claims").fetchall())
    assert statuses == {"c1": "checking", "c2": "new", "c3": "new", "c4": "done",
                        "c5": "new", "c6": "new"}
    assert [r.claim_id for r in top(db, 10)] == ["c3", "c6", "c2", "c5"]


def test_overlapping_archives_share_claims(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    first = open_queue(url)
    upsert(first, RUN[:3])
    first.close()
    second = open_queue(url)
    stats = upsert(second, RUN[2:])
    assert (stats.added, stats.updated) == (2, 1)
    assert count(second) == 5
    second.close()


def test_status_of_an_unknown_claim_is_not_set(db: sqlite3.Connection) -> None:
    assert not set_status(db, "missing", "done")


def test_a_crash_midway_leaves_the_queue_as_before(db: sqlite3.Connection) -> None:
    upsert(db, RUN[:2])
    set_status(db, "c1", "done")

    def crashing() -> Iterator[dict[str, Any]]:
        yield record("c1", "a1", 0.2)
        yield record("c7", "a5", 0.99)
        raise RuntimeError("killed while extracting")

    with pytest.raises(RuntimeError):
        upsert(db, crashing())
    rows = db.execute("SELECT claim_id, status, checkworthiness FROM claims ORDER BY claim_id")
    assert [tuple(r) for r in rows] == [("c1", "done", 0.91), ("c2", "new", 0.35)]
    assert upsert(db, RUN).added == 3


def test_a_killed_process_commits_nothing(tmp_path: Path) -> None:
    """A run killed before its commit (here: a connection dropped mid-transaction)."""
    path = tmp_path / "queue.db"
    db = open_queue(path)
    upsert(db, RUN[:1])
    db.execute("BEGIN")
    db.execute("INSERT INTO claims (claim_id, article_id, type, text, record) "
               "VALUES ('x', 'a', 'statistic', 't', '{}')")
    db.close()  # closing without commit is what a kill does to an open transaction
    reopened = open_queue(path)
    assert [r.claim_id for r in top(reopened, 10)] == ["c1"]
    reopened.close()


def test_record_is_kept_whole(db: sqlite3.Connection) -> None:
    upsert(db, RUN[:1])
    (stored,) = db.execute("SELECT record FROM claims").fetchone()
    assert '"claim_key": "k"' in stored and '"schema": "claim/1"' in stored


GROUPED = [
    record("x1", "reuters-1", 0.9, key="United States | deficit | USD 2.77e+10 | 2016",
           published="2017-08-23"),
    record("x2", "yonhap-7", 0.8, key="United States | deficit | USD 2.77e+10 | 2016",
           published="2017-03-02"),
    record("x3", "yonhap-7", 0.8, key="United States | deficit | USD 2.77e+10 | 2016",
           published="2017-03-02"),
    record("x4", "afp-2", 0.7, key="United States | deficit | USD 2.77e+10 | 2016",
           published=None),
    record("y1", "afp-2", 0.6, key="South Korea | export vehicle | USD 1.62e+10 | 2016",
           published="2017-08-24"),
    record("y2", "afp-1", 0.6, key="South Korea | export vehicle | USD 1.62e+10 | 2016",
           published="2017-08-24"),
    record("z1", "efe-3", 0.4, key="Seoul | words: deal renegotiate |  | ",
           published="2017-08-22"),
]


@pytest.mark.parametrize(
    ("key", "articles", "first"),
    [
        ("United States | deficit | USD 2.77e+10 | 2016", 3, ("yonhap-7", "2017-03-02", "x2")),
        ("South Korea | export vehicle | USD 1.62e+10 | 2016", 2,
         ("afp-1", "2017-08-24", "y2")),
        ("Seoul | words: deal renegotiate |  | ", 1, ("efe-3", "2017-08-22", "z1")),
    ],
)
def test_groups_count_articles_and_find_the_first(
    key: str, articles: int, first: tuple[str, str, str]
) -> None:
    by_key = {g.claim_key: g for g in groups(GROUPED)}
    group = by_key[key]
    assert group.article_count == articles
    assert (group.first_article_id, group.first_published, group.first_claim_id) == first


def test_groups_order_most_repeated_first_whatever_the_input_order() -> None:
    forward = groups(GROUPED)
    assert [g.article_count for g in forward] == [3, 2, 1]
    assert groups(reversed(GROUPED)) == forward


def test_groups_compute_a_missing_key() -> None:
    bare = [dict(record("q1", "a1", 0.5), claim_key=None, text="Seoul said no.")]
    (group,) = groups(bare)
    assert group.claim_key == " | words: seoul |  | "


def test_top_gives_the_standalone_text(db: sqlite3.Connection) -> None:
    """`claims queue` prints the claim as it stands alone, beside the text as written."""
    written = record("s1", "a9", 0.99, text="He said output fell.")
    written["standalone"] = {"text": "Piet Mulder said output fell.", "edits": [
        {"start": 0, "end": 2, "original": "He", "replacement": "Piet Mulder",
         "reason": "pronoun", "confidence": 0.9, "entity": "Piet Mulder"}]}
    upsert(db, [written, record("s2", "a9", 0.5)])
    first, second = top(db, 2)
    assert first.to_dict()["standalone"] == "Piet Mulder said output fell."
    assert first.text == "He said output fell."
    assert second.standalone is None  # a record from before standalone texts
