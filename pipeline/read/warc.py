"""Web pages (``.html``) and web archives (``.warc``, ``.warc.gz``): each page becomes an article.

The page's main text, title and publication date come from trafilatura, a maintained
extraction library. Its date search is bounded by a fixed latest date rather than today,
so the same archive gives the same articles on any day.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from pipeline.errors import Messages

# htmldate, which trafilatura uses, drops dates after "today" unless told otherwise.
LATEST_DATE = "2099-12-31"
DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": LATEST_DATE}


def page_record(page: bytes | str, url: str | None) -> dict[str, Any] | None:
    """An HTML page's article record (title, text, date, site), or None when it has no text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, date_extraction_params=DATE_PARAMS
    )
    if document is not None and not isinstance(document, dict):
        document = document.as_dict()
    if not document or not (document.get("text") or "").strip():
        return None
    title = document.get("title")
    body = document["text"]
    return {
        "id": None,
        "title": title,
        "text": f"{title}\n\n{body}" if title else body,
        "published": document.get("date"),
        "url": url,
        "source": document.get("sitename"),
    }


def warc_records(
    handle: IO[bytes], byte_limit: int
) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """``(where, record)`` per HTML response, or ``(where, reason)`` when a page yields nothing."""
    from warcio.archiveiterator import ArchiveIterator

    peek = getattr(handle, "peek", None)
    head = peek(16)[:16].lstrip() if peek else b"WARC/"
    # warcio takes almost any bytes for an old ARC record; a web archive opens with its version.
    if head and not head.startswith((b"WARC/", b"\x1f\x8b")):
        yield "record 1", Messages.BAD_WARC.format(reason="no WARC/1.x header at the start")
        return
    records = ArchiveIterator(handle)
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            if number == 0:
                yield "record 1", Messages.BAD_WARC.format(reason="no WARC record found")
            return
        except Exception as error:  # warcio raises many kinds on garbage; all mean the same
            # warcio's messages quote the raw bytes it met; name the kind of failure only.
            reason = str(error).split(":")[0][:80] or type(error).__name__
            yield f"record {number + 1}", Messages.BAD_WARC.format(reason=reason)
            return
        number += 1
        if record.rec_type != "response":
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
        if "html" not in (content_type or ""):
            continue
        where = f"record {number} ({url})"
        page = record.content_stream().read(byte_limit)
        if len(page) >= byte_limit:
            yield where, Messages.TOO_MANY_BYTES.format(limit=byte_limit)
            continue
        found = page_record(page, url)
        yield (where, found) if found else (where, Messages.NO_PAGE_TEXT)
