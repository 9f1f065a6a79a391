"""`make bench`: throughput and memory of `claims extract` beside its floor and the naive way.

Runs on real news (../shared/data: Reuters-21578 and the Wikinews sets; skips cleanly when
absent) and prints, from one run, side by side: words/s and articles/s of the pipeline, of
bare spaCy `nlp.pipe` with the same model, batch size and process count (stock, on spaCy's
default BLIS, and again on the pipeline's numpy BLAS, like for like), and of the naive
combination (spaCy + quantulum3 over each whole text + dateparser's search_dates over each
whole text, same process count, beside the pipeline on the same articles); scaling from 1
to 2 workers; the CPU time of each step per article (the dates stage among them); peak memory
per worker; peak memory at 1x and 10x the corpus, on gzipped reut2-000.sgm and with one
1,000,000-character article added; the time of one article holding 50,000 apostrophes; and,
on two generated SGML inputs, peak memory for a gzip expanding ~130x (filler, then one story)
and the time of 5 MB of unclosed tags. Each
measurement runs in a fresh process so peaks and warm-ups don't leak; the throughput runs are
repeated, interleaved, and the fastest of each kept (as timeit does), because on a shared host
the fastest run is the one other load disturbed least.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "bench"
PYTHON = sys.executable


def build_corpus(shared: Path, limit: int) -> Path | None:
    """A JSONL sample of real articles under out/bench (not committed), or None when absent."""
    sys.path.insert(0, str(ROOT))
    from pipeline.contract import Article
    from pipeline.read.reader import read_inputs

    sources = [shared / "data" / "reuters21578" / "reut2-000.sgm"]
    records = []
    for item in read_inputs([str(p) for p in sources if p.exists()]):
        if isinstance(item, Article):
            records.append({"id": item.id, "text": item.text, "published": item.published})
    for name in ("wikinews-semeval2015", "gum-wikinews"):
        path = shared / "data" / name / "articles.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                published = row.get("published") or row.get("dct_iso") or row.get("dct")
                records.append(
                    {
                        "id": row["id"],
                        "text": row["text"],
                        "published": (published or "")[:10] or None,
                    }
                )
    if not records:
        return None
    # Interleave the sets so any prefix mixes wire copy and long-form news.
    records.sort(key=lambda r: (hash_key(str(r["id"])), r["id"]))
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = OUT / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for record in records[:limit]:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return corpus


def hash_key(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def repeat(corpus: Path, times: int) -> Path:
    """The corpus concatenated ``times`` times with fresh ids (for the memory-growth check)."""
    target = OUT / f"corpus.x{times}.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    with target.open("w", encoding="utf-8") as handle:
        for copy in range(times):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}#{copy}"
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


LONG_CHARS = 1_000_000  # the longest article the default --max-chars accepts
APOSTROPHES = 50_000


def hostile_corpora(corpus: Path, memory_lines: list[str]) -> tuple[Path, Path]:
    """Two corpora of hostile inputs under out/bench: the memory corpus plus one article of
    ``LONG_CHARS`` characters (the sample's texts one after another), and one article holding a
    run of ``APOSTROPHES`` apostrophes (quadratic for spaCy's tokenizer, so the pipeline cuts it).
    """
    texts = [json.loads(line)["text"].strip() for line in corpus.read_text("utf-8").splitlines()]
    parts: list[str] = []
    size = 0
    while size < LONG_CHARS:
        parts.append(texts[len(parts) % len(texts)])
        size += len(parts[-1]) + 2
    long_text = "\n\n".join(parts)[:LONG_CHARS]
    long_corpus = OUT / "corpus.long.jsonl"
    long_record = {"id": "long", "text": long_text, "published": "2017-08-22"}
    long_corpus.write_text(
        "".join(line + "\n" for line in memory_lines) + json.dumps(long_record) + "\n",
        encoding="utf-8",
    )
    sentence = "The port handled 2.3 million containers in 2016, the authority said. "
    marks = sentence * 10 + "'" * APOSTROPHES + " Traffic rose 4 percent last year."
    marks_corpus = OUT / "corpus.apostrophes.jsonl"
    marks_corpus.write_text(
        json.dumps({"id": "marks", "text": marks, "published": "2017-08-22"}) + "\n",
        encoding="utf-8",
    )
    return long_corpus, marks_corpus


WORKER = r"""
import json, resource, sys, time
mode, corpus, workers, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
steps = {}
texts = [json.loads(l)["text"] for l in open(corpus, encoding="utf-8") if l.strip()]
import spacy
from pipeline.nlp.compose import DEFAULT_MODEL
if mode == "pipeline":
    from pipeline.run.job import OutputSpec, process_outputs, warmed_runner
    from pipeline.read.reader import read_inputs
    from pipeline.run.runner import Settings
    settings = Settings(batch_size=batch)
    items = list(read_inputs([corpus]))
    # Loaded and warmed before timing, as spaCy's model is; forking the workers is timed.
    runner = warmed_runner(settings)
    start = time.perf_counter()
    for outputs in process_outputs(items, OutputSpec(), settings, workers, runner):
        pass
elif mode in ("spacy", "spacy-numpy"):
    nlp = spacy.load(DEFAULT_MODEL)
    if mode == "spacy-numpy":  # the same model on the pipeline's BLAS: the like-for-like floor
        from pipeline.nlp.compose import use_blas
        use_blas(nlp, "numpy")
    list(nlp.pipe(texts[:2]))  # warm up, as the pipeline is
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch, n_process=workers):
        pass
elif mode == "naive":
    import logging
    import quantulum3.parser as qp
    from dateparser.search import search_dates
    nlp = spacy.load(DEFAULT_MODEL)
    qp.parse("warm up 5 kg")
    search_dates("warm up on 5 May 2016", languages=["en"])
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch, n_process=workers):
        qp.parse(doc.text)
        search_dates(doc.text, languages=["en"])
elif mode == "stages":
    # CPU time of each step on one worker: each step runs over the whole corpus in turn.
    from pipeline.claims.build import build_claims
    from pipeline.clean import clean
    from pipeline.claims.standalone import standalone_claims
    from pipeline.rank.ranking import score_claims, with_keys
    from pipeline.run.job import warmed_runner
    from pipeline.read.reader import read_inputs
    from pipeline.run.runner import Settings, annotations_from_doc, with_dateline_date
    runner = warmed_runner(Settings(batch_size=batch))
    items = list(read_inputs([corpus]))
    def timed(name, step):
        began = time.process_time()
        out = step()
        steps[name] = time.process_time() - began
        return out
    start = time.perf_counter()
    work = timed("clean", lambda: [
        (with_dateline_date(item, cleaned), cleaned)
        for item in items for cleaned in [clean(item, runner.rules)]
    ])
    docs = timed("tokenizer", lambda: [runner._make_doc(a, c) for a, c in work])
    for name, proc in runner.nlp.pipeline:
        docs = timed(name, lambda: list(proc.pipe(docs, batch_size=batch))
                     if hasattr(proc, "pipe") else [proc(doc) for doc in docs])
    found = timed("claims", lambda: [
        (n, build_claims(n, d)) for (a, c), d in zip(work, docs)
        for n in [annotations_from_doc(a, c, d)]
    ])
    kept = timed("rank", lambda: [score_claims(d, c) for d, (_, c) in zip(docs, found)])
    timed("standalone", lambda: [
        with_keys(standalone_claims(n, c, d)) for (n, _), c, d in zip(found, kept, docs)
    ])
elapsed = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_kb": own, "peak_child_kb": kids, "steps": steps}))
"""


def measure(mode: str, corpus: Path, workers: int, batch: int) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its timing and memory."""
    done = subprocess.run(
        [PYTHON, "-c", WORKER, mode, str(corpus), str(workers), str(batch)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"benchmark step failed: {mode} x{workers}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def fastest(runs: list[dict[str, float]]) -> dict[str, float]:
    """The least disturbed of repeated runs: its time, and the largest peaks seen."""
    best = min(runs, key=lambda run: run["seconds"])
    peaks = {key: max(run[key] for run in runs) for key in ("peak_kb", "peak_child_kb")}
    return {**best, **peaks}


def measure_modes(
    modes: tuple[str, ...], corpus: Path, batch: int, runs_each: int
) -> list[tuple[int, list[dict[str, float]]]]:
    """Per worker count, the fastest of ``runs_each`` interleaved runs of each mode, in order."""
    runs: dict[tuple[str, int], list[dict[str, float]]] = {}
    for _ in range(runs_each):
        for workers in (1, 2):
            for mode in modes:
                runs.setdefault((mode, workers), []).append(measure(mode, corpus, workers, batch))
    return [(workers, [fastest(runs[(mode, workers)]) for mode in modes]) for workers in (1, 2)]


def peak_of_extract(corpus: Path, workers: int) -> float:
    """Peak resident memory (MB) of a whole `claims extract` run over ``corpus``."""
    claims = Path(PYTHON).parent / "claims"
    command = [
        str(claims),
        "extract",
        str(corpus),
        "-o",
        str(OUT / "claims.jsonl"),
        "--workers",
        str(workers),
    ]
    # A fresh wrapper process, so the peak is this run's alone.
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True);"
        " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [PYTHON, "-c", wrapper, *command], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip()) / 1024


def hostile_sgml(shared: Path, expanded_mb: int) -> tuple[Path, Path]:
    """Two generated SGML inputs under out/bench: a gzip that expands ~130x (an astral character,
    filler, then one real story) and 5 MB of ``<REUTERS>`` tags never closed."""
    import gzip
    import random
    import re

    source = shared / "data" / "reuters21578" / "reut2-000.sgm"
    found = re.search(rb"<REUTERS\b.*?</REUTERS>", source.read_bytes(), re.S)
    story = found.group() if found else b'<REUTERS NEWID="1"><BODY>Prices rose.</BODY></REUTERS>'
    rng = random.Random(21)
    # A letter every 400 dots: about 130x under gzip, below the bomb guard's 200x.
    block = b"".join(b"." * 400 + bytes([rng.randint(97, 122)]) for _ in range((1 << 20) // 401))
    padded = OUT / "padded.sgm.gz"
    with gzip.open(padded, "wb", compresslevel=6) as handle:
        handle.write("\U0001f4c8\n".encode())
        for _ in range(expanded_mb):
            handle.write(block)
        handle.write(b"\n" + story + b"\n")
    unclosed = OUT / "unclosed.sgm"
    tag = '<REUTERS NEWID="{}">\n<DATE> 2-MAR-1987</DATE><TITLE>TAG LEFT OPEN</TITLE><BODY>x\n'
    with unclosed.open("w", encoding="utf-8") as handle:
        for number in range(5 * 2**20 // len(tag)):
            handle.write(tag.format(number))
    return padded, unclosed


def real_sgml_gz(shared: Path) -> Path | None:
    """reut2-000.sgm gzipped under out/bench: a compressed archive of real stories."""
    import gzip

    source = shared / "data" / "reuters21578" / "reut2-000.sgm"
    if not source.exists():
        return None
    target = OUT / "reut2-000.sgm.gz"
    # mtime=0: the same bytes every run.
    with gzip.GzipFile(target, "wb", compresslevel=6, mtime=0) as handle:
        handle.write(source.read_bytes())
    return target


def time_of(command: list[str]) -> str:
    """Wall and CPU seconds of one command (on a shared host the CPU time is the steadier)."""
    import resource
    import time

    began, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    return f"{time.perf_counter() - began:.1f} s ({used:.1f} s CPU)"


# The steps that are the project's own code (the rest is spaCy's tokenizer and model).
OWN_STEPS = (
    "clean", "claims_morphology", "claims_entities", "claims_quantities", "claims_dates",
    "claims_attribution", "claims", "rank", "standalone",
)


def print_stages(corpus: Path, articles: int, batch: int, unit: str = "article") -> None:
    """CPU time of each step on one worker, per article (or in all, for one long article)."""
    steps = measure("stages", corpus, 1, batch)["steps"]
    scale = 1000 / articles
    own = sum(t for name, t in steps.items() if name in OWN_STEPS)
    print(
        f"CPU ms per {unit}, 1 worker: "
        + ", ".join(f"{name} {scale * t:.2f}" for name, t in steps.items())
        + f"; the project's own steps together {scale * own:.2f}"
    )


def long_article(corpus: Path, chars: int) -> Path:
    """One article of ``chars`` characters, the sample's texts one after another."""
    texts = [json.loads(line)["text"].strip() for line in corpus.read_text("utf-8").splitlines()]
    parts: list[str] = []
    size = 0
    while size < chars:
        parts.append(texts[len(parts) % len(texts)])
        size += len(parts[-1]) + 2
    target = OUT / f"corpus.one{chars}.jsonl"
    record = {"id": "long", "text": "\n\n".join(parts)[:chars], "published": "2017-08-22"}
    target.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=400, help="articles in the sample")
    parser.add_argument(
        "--naive-articles", type=int, default=100, help="articles for the (slow) naive combination"
    )
    parser.add_argument(
        "--memory-articles",
        type=int,
        default=100,
        help="articles in the 1x corpus of the memory check (10x is repeated)",
    )
    parser.add_argument(
        "--sgml-mb", type=int, default=300, help="MB the padded SGML gzip expands to"
    )
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--only-stages",
        action="store_true",
        help="print only the CPU time of each step per article (1 worker), then stop",
    )
    parser.add_argument(
        "--long-chars",
        type=int,
        default=0,
        help="with --only-stages: also the CPU time of each step on one article of this many "
        "characters (the sample's texts joined; over 100,000 it is parsed whole here)",
    )
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs of each throughput figure; the fastest is kept"
    )
    args = parser.parse_args()
    corpus = build_corpus(args.shared, args.articles)
    if corpus is None:
        print(f"bench skipped: no corpus under {args.shared}/data")
        return 0
    texts = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
    words = sum(len(text.split()) for text in texts)
    if args.only_stages:
        print(f"corpus: {len(texts)} articles, {words} words")
        print_stages(corpus, len(texts), args.batch_size)
        if args.long_chars:
            print_stages(long_article(corpus, args.long_chars), 1, args.batch_size,
                         unit=f"article of {args.long_chars:,} characters")
        return 0
    naive_corpus = OUT / "corpus.naive.jsonl"
    naive_corpus.write_text(
        "".join(
            line + "\n" for line in corpus.read_text("utf-8").splitlines()[: args.naive_articles]
        ),
        encoding="utf-8",
    )
    naive_words = sum(len(t.split()) for t in texts[: args.naive_articles])
    print(
        f"corpus: {len(texts)} articles, {words} words (naive: first {args.naive_articles}); "
        f"fastest of {max(1, args.repeat)} runs each"
    )

    times = max(1, args.repeat)
    rows = measure_modes(("pipeline", "spacy", "spacy-numpy"), corpus, args.batch_size, times)
    # The naive way is slow, so it runs on the first articles only, and the pipeline runs on
    # the same articles beside it: rates of two different samples are not comparable.
    naive_rows = measure_modes(("naive", "pipeline"), naive_corpus, args.batch_size, times)

    # "spaCy" is stock spaCy (its default BLIS); "same BLAS" is spaCy on the pipeline's numpy BLAS.
    print(
        f"{'workers':>7} {'claims words/s':>15} {'articles/s':>11} {'spaCy words/s':>14} "
        f"{'articles/s':>11} {'ratio':>6} {'same-BLAS spaCy words/s':>24} {'ratio':>6} "
        f"{'peak MB/worker':>15}"
    )
    for workers, (pipe, bare, same) in rows:
        peak = (pipe["peak_child_kb"] if workers > 1 else pipe["peak_kb"]) / 1024
        print(
            f"{workers:>7} {words / pipe['seconds']:>15.0f} {len(texts) / pipe['seconds']:>11.1f} "
            f"{words / bare['seconds']:>14.0f} {len(texts) / bare['seconds']:>11.1f} "
            f"{bare['seconds'] / pipe['seconds']:>6.2f} {words / same['seconds']:>24.0f} "
            f"{same['seconds'] / pipe['seconds']:>6.2f} {peak:>15.0f}"
        )
    one = rows[0][1][0]
    for workers, (naive, pipe) in naive_rows:
        print(
            f"naive spaCy+quantulum3+search_dates ({workers} worker{'s' if workers > 1 else ''}, "
            f"first {args.naive_articles} articles): {naive_words / naive['seconds']:.0f} words/s; "
            f"claims extract on the same articles: {naive_words / pipe['seconds']:.0f} words/s, "
            f"{naive['seconds'] / pipe['seconds']:.2f}x"
        )
    print(
        f"scaling 1 -> 2 workers: {one['seconds'] / rows[1][1][0]['seconds']:.2f}x "
        f"(bare spaCy on this machine: {rows[0][1][1]['seconds'] / rows[1][1][1]['seconds']:.2f}x)"
    )
    print_stages(corpus, len(texts), args.batch_size)
    small = OUT / "corpus.memory.jsonl"
    small.write_text(
        "".join(
            line + "\n" for line in corpus.read_text("utf-8").splitlines()[: args.memory_articles]
        ),
        encoding="utf-8",
    )
    ten = repeat(small, 10)
    print(
        f"peak memory of claims extract --workers 1: 1x corpus ({args.memory_articles} articles) "
        f"{peak_of_extract(small, 1):.0f} MB, 10x corpus {peak_of_extract(ten, 1):.0f} MB"
    )
    stories = real_sgml_gz(args.shared)
    if stories is not None:
        print(
            "peak memory of claims extract --workers 1 on gzipped reut2-000.sgm (1,000 real "
            f"stories, the language check on): {peak_of_extract(stories, 1):.0f} MB"
        )
    long_corpus, marks_corpus = hostile_corpora(corpus, small.read_text("utf-8").splitlines())
    print(
        f"peak memory of claims extract --workers 1: 1x corpus plus one article of {LONG_CHARS:,} "
        f"characters {peak_of_extract(long_corpus, 1):.0f} MB"
    )
    marks = measure("pipeline", marks_corpus, 1, args.batch_size)
    print(
        f"one article with a run of {APOSTROPHES:,} apostrophes, 1 worker, model loaded: "
        f"{marks['seconds']:.2f} s"
    )
    padded, unclosed = hostile_sgml(args.shared, args.sgml_mb)
    ratio = args.sgml_mb * 2**20 / padded.stat().st_size
    print(
        f"peak memory of claims extract --workers 1 on a gzipped SGML of {args.sgml_mb} MB "
        f"({ratio:.0f}x, filler then one story): {peak_of_extract(padded, 1):.0f} MB"
    )
    reading = [PYTHON, "-c", "import sys; from pipeline.read import read_inputs;"
               " print(sum(1 for _ in read_inputs(sys.argv[1:])))", str(unclosed)]
    claims = str(Path(PYTHON).parent / "claims")
    extract = [claims, "extract", str(unclosed), "-o", str(OUT / "u.jsonl"), "--workers", "1"]
    print(
        f"5 MB of unclosed <REUTERS> tags: read in {time_of(reading)}, "
        f"claims extract (with its model load) {time_of(extract)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
