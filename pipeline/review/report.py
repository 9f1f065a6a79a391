"""A self-contained HTML review page: each article with its claims in place, for fact-checkers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path

from pipeline.contract import ArticleResult, Claim
from pipeline.errors import ArticleError
from pipeline.review.marks import attr, render_marked
from pipeline.review.view import (
    article_marks,
    check_words,
    checkworthiness,
    claim_dom_id,
    claim_order,
    standalone_marks,
    type_description,
    type_slot,
)

DEFAULT_PAGE_SIZE = 100
EXCERPT = 280
# No network at view time, whatever the article text contains.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


@cache
def _asset(name: str) -> str:
    return files("pipeline.review").joinpath("assets", name).read_text(encoding="utf-8")


def _safe_href(url: str | None) -> str | None:
    """Only web links become links; anything else (javascript:, data:) stays text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _title_of(result: ArticleResult) -> str:
    article = result.article
    if article.title and article.title.strip():
        return article.title.strip()
    for line in article.text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= 160 else line[:159] + "…"
    return article.id


def _type_name(claim_type: str) -> str:
    return claim_type.replace("_", " ")


def _failed(claim: Claim) -> int:
    return sum(1 for check in claim.checks if check.consistent is False)


def _who(claim: Claim) -> str:
    a = claim.attribution
    if a is None:
        return ""
    if a.speaker:
        who = f"Speaker: {a.speaker}"
    elif a.source is not None:
        who = f"Source: {a.source.text}"
    else:
        return ""
    if a.evidence is not None:
        who += f" · based on {a.evidence.text}"
    return who + (" · direct quote" if a.direct else "")


def _claim_item(claim: Claim, dom_id: str) -> str:
    slot = type_slot(claim.type)
    failed = _failed(claim)
    score = checkworthiness(claim)
    text = claim.text if len(claim.text) <= EXCERPT else claim.text[: EXCERPT - 1] + "…"
    head = [f'<span class="ci-type">{escape(_type_name(claim.type))}</span>']
    if score is not None:
        head.append(f'<span class="ci-score">check-worthiness {score:.2f}</span>')
    if failed:
        plural = "s" if failed > 1 else ""
        head.append(f'<span class="nfail">⚠ {failed} failed check{plural}</span>')
    parts = [f'<li class="ci t{slot}{" failed" if failed else ""}"',
             attr("data-type", claim.type), attr("data-claim-id", claim.claim_id), ">",
             f'<div class="ci-head">{"".join(head)}</div>',
             f'<a class="ci-text"{attr("href", "#" + dom_id)}>{escape(text)}</a>']
    alone, edits = standalone_marks(claim, dom_id)
    if alone:
        parts.append(f'<p class="ci-alone"><span class="ci-alone-lbl">standalone:</span> '
                     f"{render_marked(alone, edits)}</p>")
    who = _who(claim)
    if who:
        parts.append(f'<p class="ci-who">{escape(who)}</p>')
    if claim.checks:
        parts.append('<ul class="checks">')
        for check in claim.checks:
            state, icon = (("bad", "⚠ ") if check.consistent is False else
                           ("ok", "✓ ") if check.consistent is True else ("na", ""))
            parts.append(f'<li class="check {state}">{icon}{escape(check_words(check))}</li>')
        parts.append("</ul>")
    parts.append("</li>")
    return "".join(parts)


def _filter(prefix: str, claims: Sequence[Claim]) -> str:
    counts = Counter(c.type for c in claims)
    if not counts:
        return ""
    boxes: list[str] = []
    for claim_type in sorted(counts):
        box_id = f"{prefix}-f{len(boxes)}"
        boxes.append(
            f'<label{attr("for", box_id)}{attr("title", type_description(claim_type))}>'
            f'<input type="checkbox" checked{attr("id", box_id)}'
            f'{attr("data-filter-type", claim_type)}>'
            f'<span class="swatch t{type_slot(claim_type)}" aria-hidden="true"></span>'
            f"{escape(_type_name(claim_type))} ({counts[claim_type]})</label>")
    return (f'<fieldset class="filter"><legend>Show claims of type</legend>{"".join(boxes)}'
            "</fieldset>")


def render_article(result: ArticleResult, number: int) -> str:
    """One article's section: heading, metadata, type filter, marked text and ranked claims."""
    article = result.article
    prefix = f"a{number}"
    ordered = claim_order(result.claims)
    failed = sum(_failed(c) for c in result.claims)
    meta = [f"Published {escape(article.published)}" if article.published else "Date unknown"]
    if article.source:
        meta.append(escape(article.source))
    href = _safe_href(article.url)
    if href:
        meta.append(f'<a{attr("href", href)} rel="noopener noreferrer">{escape(href)}</a>')
    elif article.url:
        meta.append(escape(article.url))
    meta.append(f"id {escape(article.id)}")
    counts = (f'<a{attr("href", "#" + prefix + "-ch")}>'
              f"{len(ordered)} claim{'s' if len(ordered) != 1 else ''}</a>")
    if failed:
        first = next(i for i, c in enumerate(ordered) if _failed(c))
        counts += (f', <a class="nfail"{attr("href", "#" + claim_dom_id(prefix, first))}>'
                   f'{failed} failed check{"s" if failed != 1 else ""}</a>')
    items = "".join(_claim_item(c, claim_dom_id(prefix, i)) for i, c in enumerate(ordered))
    claims_html = (f"<ol>{items}</ol>" if items else
                   '<p class="help">No checkable claims found in this article.</p>')
    text_html = render_marked(article.text, article_marks(result, prefix))
    return (
        f'<section class="article"{attr("id", prefix)}{attr("aria-labelledby", prefix + "-h")}'
        f'{attr("data-article-id", article.id)}>'
        f'<header class="art-head"><h2{attr("id", prefix + "-h")}>{escape(_title_of(result))}</h2>'
        f'<p class="meta">{" · ".join(meta)} · {counts}</p>{_filter(prefix, ordered)}</header>'
        f'<div class="art-body">'
        f'<div class="text"{attr("aria-label", "Article text with claims highlighted")}'
        f' role="region">{text_html}</div>'
        f'<aside class="claims"{attr("aria-labelledby", prefix + "-ch")}>'
        f'<h3{attr("id", prefix + "-ch")} tabindex="-1">Claims, most check-worthy first</h3>'
        f'<p class="status" role="status" aria-live="polite"></p>{claims_html}</aside>'
        "</div></section>"
    )


KEY = (
    '<details class="key"><summary>Key to the marks</summary><ul>'
    '<li><mark class="m k-qty">money / percent / quantity</mark></li>'
    '<li><mark class="m k-date">date</mark></li>'
    '<li><mark class="m k-person">person</mark></li>'
    '<li><mark class="m k-org">organization</mark></li>'
    '<li><mark class="m k-place">place</mark></li>'
    '<li><mark class="m k-speaker">speaker</mark></li>'
    '<li><mark class="m k-source">source (speaker unresolved)</mark></li>'
    '<li><mark class="m k-evidence">data source</mark></li>'
    '<li><mark class="m fail">figure that fails a check</mark></li>'
    '<li><mark class="m k-check">figures a failed check was computed from</mark></li>'
    '<li><mark class="cl failed">claim with a failed check</mark></li>'
    "</ul></details>"
)
HELP = ('<p class="help">Hover or focus (<kbd>Tab</kbd>) a mark to see its normalized value; '
        "<kbd>Esc</kbd> hides it. <kbd>j</kbd> / <kbd>k</kbd>: next / previous claim.</p>")


def _all_claims(results: Sequence[ArticleResult], page_of: Sequence[str], *, open_: bool) -> str:
    """Every claim of the report in one list: failed checks first, then most check-worthy."""
    entries = []
    for n, result in enumerate(results):
        for i, claim in enumerate(claim_order(result.claims)):
            key = (not _failed(claim), -(checkworthiness(claim) or 0.0), n, i)
            entries.append((key, n, i, claim))
    if not entries:
        return ""
    rows = []
    for _, n, i, claim in sorted(entries, key=lambda entry: entry[0]):
        failed, score = _failed(claim), checkworthiness(claim)
        text = claim.text if len(claim.text) <= EXCERPT else claim.text[: EXCERPT - 1] + "…"
        facts = [escape(_type_name(claim.type))]
        if score is not None:
            facts.append(f"check-worthiness {score:.2f}")
        if failed:
            facts.append(f'<span class="nfail">⚠ {failed} failed check{"s" if failed > 1 else ""}'
                         "</span>")
        facts.append(f"in {escape(_title_of(results[n]))}")
        href = f"{page_of[n]}#{claim_dom_id(f'a{n + 1}', i)}"
        rows.append(f'<li class="xc{" failed" if failed else ""}"><a{attr("href", href)}>'
                    f'{escape(text)}</a> <span class="xc-meta">{" · ".join(facts)}</span></li>')
    summary = (f"All {len(rows)} claims across the articles: failed checks first, "
               "then most check-worthy")
    return (f'<details class="all-claims"{" open" if open_ else ""}><summary>{summary}</summary>'
            f'<ol>{"".join(rows)}</ol></details>')


def _failures(failures: Sequence[ArticleError]) -> str:
    """The articles that could not be processed, each with where it came from and why."""
    if not failures:
        return ""
    rows = "".join(f'<li><code>{escape(f.origin)}</code>'
                   f'{f" (id {escape(f.article_id)})" if f.article_id else ""}: '
                   f"{escape(f.reason)}</li>" for f in failures)
    return (f'<section class="failures" aria-labelledby="failures-h"><h2 id="failures-h">'
            f'{len(failures)} article{"s" if len(failures) != 1 else ""} failed</h2>'
            f"<ul>{rows}</ul></section>")


def _page(title: str, head: str, body: str, nav: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy"{attr("content", CSP)}>'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{_asset('report.css')}</style></head>\n"
        '<body><a class="skip" href="#main">Skip to content</a>'
        f'<header class="page-head"><h1>{escape(title)}</h1>{head}</header>{nav}'
        f'<main id="main">{body}</main>{nav}'
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )


def _summary(results: Sequence[ArticleResult]) -> str:
    claims = sum(len(r.claims) for r in results)
    failed = sum(_failed(c) for r in results for c in r.claims)
    return (f'<p class="summary">{len(results)} article{"s" if len(results) != 1 else ""}, '
            f'{claims} claim{"s" if claims != 1 else ""}, '
            f'{failed} failed check{"s" if failed != 1 else ""}.</p>')


def _toc(results: Sequence[ArticleResult], first: int) -> str:
    rows = "".join(
        f'<li><a{attr("href", f"#a{first + i}")}>{escape(_title_of(r))}</a> '
        f"({len(r.claims)})</li>" for i, r in enumerate(results))
    return f'<nav class="toc" aria-label="Articles on this page"><ol>{rows}</ol></nav>'


def _index(results: Sequence[ArticleResult], page_of: Sequence[str], title: str,
           failures: Sequence[ArticleError] = ()) -> str:
    rows = []
    for i, result in enumerate(results):
        article = result.article
        number = i + 1
        failed = sum(_failed(c) for c in result.claims)
        search = " ".join([_title_of(result), article.source or "", article.id]).lower()
        rows.append(
            f'<tr{attr("data-search", search)}><td class="num">{number}</td>'
            f'<td><a{attr("href", f"{page_of[i]}#a{number}")}>{escape(_title_of(result))}</a></td>'
            f'<td class="opt">{escape(article.published or "")}</td>'
            f'<td class="opt">{escape(article.source or "")}</td>'
            f'<td class="num">{len(result.claims)}</td>'
            f'<td class="num{" nfail" if failed else ""}">{failed}</td></tr>')
    head = (_summary(results) +
            '<label class="search">Find an article <input id="index-search" type="search" '
            'autocomplete="off"></label><p id="index-status" class="status" role="status" '
            'aria-live="polite"></p>')
    table = ('<table class="index"><caption class="help">Articles, in input order</caption>'
             '<thead><tr><th class="num" scope="col">#</th><th scope="col">Title</th>'
             '<th class="opt" scope="col">Published</th><th class="opt" scope="col">Source</th>'
             '<th class="num" scope="col">Claims</th><th class="num" scope="col">Failed checks'
             f"</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return _page(title, head + _failures(failures),
                 table + _all_claims(results, page_of, open_=True))


def render_report(results: Iterable[ArticleResult], *, page_size: int = DEFAULT_PAGE_SIZE,
                  title: str = "Claims report", basename: str = "report",
                  failures: Sequence[ArticleError] = ()) -> str | dict[str, str]:
    """The report: one HTML page, or (over ``page_size`` articles) an index and pages by name.

    Pages are named ``{basename}.html`` (the index) and ``{basename}-0001.html`` onwards;
    every page is self-contained and links to the others by relative name. ``failures``,
    the articles that could not be processed, are listed with why on the first page.
    """
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    items = list(results)
    if len(items) <= page_size:
        toc = _toc(items, 1) if len(items) > 1 else ""
        every = _all_claims(items, [""] * len(items), open_=False) if len(items) > 1 else ""
        body = "".join(render_article(r, i + 1) for i, r in enumerate(items))
        return _page(title, _summary(items) + _failures(failures) + HELP + KEY + toc + every,
                     body or '<p class="help">No articles.</p>')
    chunks = [items[i:i + page_size] for i in range(0, len(items), page_size)]
    names = [f"{basename}-{n + 1:04d}.html" for n in range(len(chunks))]
    index_name = f"{basename}.html"
    page_of = [names[i // page_size] for i in range(len(items))]
    pages = {index_name: _index(items, page_of, title, failures)}
    for n, chunk in enumerate(chunks):
        first = n * page_size + 1
        links = [f'<a{attr("href", index_name)}>Index</a>']
        if n > 0:
            links.append(f'<a{attr("href", names[n - 1])} rel="prev">← Previous page</a>')
        links.append(f"<span>Page {n + 1} of {len(chunks)}</span>")
        if n + 1 < len(chunks):
            links.append(f'<a{attr("href", names[n + 1])} rel="next">Next page →</a>')
        nav = f'<nav class="page-nav" aria-label="Pages">{" ".join(links)}</nav>'
        body = "".join(render_article(r, first + i) for i, r in enumerate(chunk))
        pages[names[n]] = _page(f"{title} — page {n + 1} of {len(chunks)}",
                                _summary(chunk) + HELP + KEY + _toc(chunk, first), body, nav)
    return pages


def write_report(results: Iterable[ArticleResult], path: Path, *,
                 page_size: int = DEFAULT_PAGE_SIZE, title: str = "Claims report",
                 failures: Sequence[ArticleError] = ()) -> list[Path]:
    """Write the report at ``path`` (the index when paged, pages beside it); return the files.

    The folder is created when it does not exist yet.
    """
    rendered = render_report(results, page_size=page_size, title=title, basename=path.stem,
                             failures=failures)
    pages = {path.name: rendered} if isinstance(rendered, str) else rendered
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in pages.items():
        target = path.with_name(name)
        target.write_text(html, encoding="utf-8")
        written.append(target)
    return written
