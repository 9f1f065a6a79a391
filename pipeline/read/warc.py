"""Web archives (``.warc``, ``.warc.gz``): each HTML response becomes an article.

The page's main text, title and publication date come from trafilatura, a maintained
extraction library. Its date search is bounded by a fixed latest date rather than today,
so the same archive gives the same articles on any day.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

# htmldate, which trafilatura uses, drops dates after "today" unless told otherwise.
LATEST_DATE = "2099-12-31"
DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": LATEST_DATE}


def warc_records(handle: IO[bytes]) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """``(where, record)`` per HTML response, or ``(where, reason)`` when a page yields nothing."""
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(handle)
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (ArchiveLoadFailed, ValueError, OSError) as error:
            yield f"record {number + 1}", f"not a readable WARC record: {error}"
            return
        number += 1
        if record.rec_type != "response":
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
        if "html" not in (content_type or ""):
            continue
        where = f"record {number} ({url})"
        document = trafilatura.bare_extraction(
            record.content_stream().read(),
            url=url,
            with_metadata=True,
            date_extraction_params=DATE_PARAMS,
        )
        if document is not None and not isinstance(document, dict):
            document = document.as_dict()
        if not document or not (document.get("text") or "").strip():
            yield where, "no article text found in the page"
            continue
        title = document.get("title")
        body = document["text"]
        yield (
            where,
            {
                "id": None,
                "title": title,
                "text": f"{title}\n\n{body}" if title else body,
                "published": document.get("date"),
                "url": url,
                "source": document.get("sitename"),
            },
        )
