"""The fact-check queue: claims upserted into SQLite by ``claim_id``, a desk's status kept forever.

Re-running over an archive, or over overlapping archives, never queues a claim
twice: a known ``claim_id`` has its record refreshed but its ``status`` (``new``
at first, whatever a desk sets later) is never reset. One run is one
transaction, so a crash leaves the queue as it was before the run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import Messages

NEW = "new"
# A claim's status: new (listed by `claims queue`), checking (a checker has it), done
# (checked) or dismissed (not worth checking). Only new claims are listed.
STATUSES = (NEW, "checking", "done", "dismissed")
SCHEME = "sqlite://"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS claims (
    claim_id        TEXT PRIMARY KEY,
    article_id      TEXT NOT NULL,
    published       TEXT,
    type            TEXT NOT NULL,
    text            TEXT NOT NULL,
    claim_key       TEXT,
    checkworthiness REAL,
    record          TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'new'
);
CREATE INDEX IF NOT EXISTS claims_by_rank ON claims (status, checkworthiness DESC, claim_id);
"""

_UPSERT = """
INSERT INTO claims (claim_id, article_id, published, type, text, claim_key, checkworthiness,
                    record, status)
VALUES (:claim_id, :article_id, :published, :type, :text, :claim_key, :checkworthiness,
        :record, 'new')
ON CONFLICT (claim_id) DO UPDATE SET
    article_id = excluded.article_id,
    published = excluded.published,
    type = excluded.type,
    text = excluded.text,
    claim_key = excluded.claim_key,
    checkworthiness = excluded.checkworthiness,
    record = excluded.record
"""


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One queued claim as the desk sees it."""

    claim_id: str
    article_id: str
    published: str | None
    type: str
    text: str
    claim_key: str | None
    checkworthiness: float | None
    status: str
    standalone: str | None = None  # the claim written to be checked without its article

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "published": self.published,
            "type": self.type,
            "text": self.text,
            "standalone": self.standalone,
            "claim_key": self.claim_key,
            "checkworthiness": self.checkworthiness,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class UpsertStats:
    """What one run did to the queue."""

    added: int
    updated: int


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims sharing one key: how many articles carry it and where it appeared first."""

    claim_key: str
    article_count: int
    claim_ids: tuple[str, ...]
    first_article_id: str
    first_published: str | None
    first_claim_id: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_key": self.claim_key,
            "article_count": self.article_count,
            "claims": len(self.claim_ids),
            "claim_ids": list(self.claim_ids),
            "first": {
                "article_id": self.first_article_id,
                "published": self.first_published,
                "claim_id": self.first_claim_id,
            },
        }


def queue_path(url_or_path: str) -> str:
    """``sqlite:///queue.db`` (relative), ``sqlite:////abs/q.db`` or a plain path: the file."""
    if url_or_path.startswith(SCHEME):
        rest = url_or_path[len(SCHEME) :]
        if not rest:
            return ":memory:"
        if not rest.startswith("/"):
            raise ValueError(f"not an SQLite URL: {url_or_path!r} (use sqlite:///FILE)")
        return rest[1:]
    return url_or_path


def open_queue(url_or_path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the queue database; ValueError when the file is something else."""
    path = queue_path(str(url_or_path))
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        with db:
            db.executescript(_SCHEMA)
    except sqlite3.DatabaseError as error:  # a claims file, a page: anything but SQLite
        db.close()
        raise ValueError(Messages.NOT_A_QUEUE.format(queue=url_or_path, reason=error)) from None
    return db


def _row(record: Mapping[str, Any]) -> dict[str, Any]:
    worth = record.get("checkworthiness")
    return {
        "claim_id": str(record["claim_id"]),
        "article_id": str(record["article_id"]),
        "published": record.get("published"),
        "type": str(record["type"]),
        "text": str(record["text"]),
        "claim_key": record.get("claim_key"),
        "checkworthiness": None if worth is None else float(worth),
        "record": json.dumps(record, ensure_ascii=False, sort_keys=True),
    }


def upsert(db: sqlite3.Connection, records: Iterable[Mapping[str, Any]]) -> UpsertStats:
    """Queue ``claim/1`` records in one transaction: new ids are added, known ones refreshed.

    A known claim keeps its status; if anything fails midway nothing of this run is kept.
    """
    added = updated = 0
    with db:  # one transaction: commit at the end, roll back on any exception
        for record in records:
            row = _row(record)
            known = db.execute(
                "SELECT 1 FROM claims WHERE claim_id = ?", (row["claim_id"],)
            ).fetchone()
            db.execute(_UPSERT, row)
            if known:
                updated += 1
            else:
                added += 1
    return UpsertStats(added, updated)


def set_status(db: sqlite3.Connection, claim_id: str, status: str) -> bool:
    """A desk marks a claim (``checking``, ``done``...); False when the id is not queued."""
    with db:
        cursor = db.execute("UPDATE claims SET status = ? WHERE claim_id = ?", (status, claim_id))
    return cursor.rowcount == 1


def _queue_row(row: sqlite3.Row) -> QueueRow:
    # Read from the stored record, so queues filled before standalone texts need no migration.
    standalone = json.loads(row["record"]).get("standalone") or {}
    return QueueRow(
        claim_id=row["claim_id"],
        article_id=row["article_id"],
        published=row["published"],
        type=row["type"],
        text=row["text"],
        claim_key=row["claim_key"],
        checkworthiness=row["checkworthiness"],
        status=row["status"],
        standalone=standalone.get("text"),
    )


def top(db: sqlite3.Connection, n: int) -> tuple[QueueRow, ...]:
    """The best unchecked claims: status new, most check-worthy first, ties by claim_id."""
    rows = db.execute(
        "SELECT * FROM claims WHERE status = ? "
        "ORDER BY checkworthiness IS NULL, checkworthiness DESC, claim_id ASC LIMIT ?",
        (NEW, max(0, n)),
    ).fetchall()
    return tuple(_queue_row(r) for r in rows)


def count(db: sqlite3.Connection, status: str | None = None) -> int:
    """How many claims are queued (with a given status, or in all)."""
    if status is None:
        (total,) = db.execute("SELECT COUNT(*) FROM claims").fetchone()
    else:
        (total,) = db.execute("SELECT COUNT(*) FROM claims WHERE status = ?", (status,)).fetchone()
    return int(total)


def groups(claims: Iterable[Mapping[str, Any]]) -> tuple[ClaimGroup, ...]:
    """Claims grouped by ``claim_key`` (computed when a record lacks one).

    Most-repeated first (by article count), then by key; the first appearance is the
    earliest published date, undated last, then the lowest article id and claim id.
    """
    from pipeline.claims.key import claim_key
    from pipeline.contract import Claim

    members: dict[str, list[tuple[bool, str, str, str]]] = {}
    for record in claims:
        key = record.get("claim_key") or claim_key(Claim.from_dict(dict(record)))
        published = record.get("published")
        members.setdefault(str(key), []).append(
            (published is None, str(published or ""), str(record["article_id"]),
             str(record["claim_id"]))
        )
    out = []
    for key, items in members.items():
        items.sort()
        _, published, article_id, claim_id = items[0]
        out.append(
            ClaimGroup(
                claim_key=key,
                article_count=len({item[2] for item in items}),
                claim_ids=tuple(item[3] for item in items),
                first_article_id=article_id,
                first_published=published or None,
                first_claim_id=claim_id,
            )
        )
    return tuple(sorted(out, key=lambda g: (-g.article_count, g.claim_key)))
