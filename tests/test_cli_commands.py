"""What a new user expects of the commands: each ends in a result or a clear one-line error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

import pipeline.cli.commands
from pipeline import __version__
from pipeline.cli import app
from pipeline.contract import Attribution, Claim, TextSpan
from pipeline.run.job import JobSpec
from pipeline.run.write import Counts
from tests.conftest import SEED

runner = CliRunner()


def claim(claim_id: str, article_id: str, text: str, score: float, **fields: Any) -> Claim:
    return Claim(claim_id, article_id, text, 10, 10 + len(text), "statistic",
                 published="2016-03-04", checkworthiness=score, claim_key=f"k-{claim_id}",
                 **fields)


CLAIMS = [
    claim("c1", "art-1", "Ferry fares rose 8 percent last year.", 0.9,
          attribution=Attribution(TextSpan(10, 48, "Ferry fares rose 8 percent last year."),
                                  source=TextSpan(50, 62, "the operator"),
                                  cue=TextSpan(63, 67, "said"), speaker="Harbor Lines")),
    claim("c2", "art-1", "About 300 ferries sail each week.", 0.6),
    claim("c3", "art-2", "The toll bridge cost $40 million.", 0.8),
]


def write_claims(path: Path, extra: str = "") -> Path:
    path.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in CLAIMS) + extra,
                    encoding="utf-8")
    return path


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"claims {__version__}\n"


@pytest.mark.parametrize("command", [[], *[[name] for name in sorted(
    typer.main.get_command(app).commands)]])  # type: ignore[attr-defined]
def test_help_shows_flags_bare(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "--help" in result.output
    assert "<bool>" not in result.output


def test_max_chars_over_a_million_reaches_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[JobSpec] = []

    def run_job(spec: JobSpec, **_: Any) -> Counts:
        seen.append(spec)
        return Counts()

    monkeypatch.setattr(pipeline.cli.commands, "run_job", run_job)
    out = str(tmp_path / "o.jsonl")
    result = runner.invoke(app, ["extract", str(SEED), "-o", out, "--max-chars", "2000000"])
    assert result.exit_code == 0, result.output
    assert seen[0].max_chars == seen[0].settings.max_chars == 2_000_000


def test_ctrl_c_exits_130_with_how_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(spec: JobSpec, **_: Any) -> Counts:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.cli.commands, "run_job", interrupted)
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["annotate", str(SEED), "-o", str(out)])
    assert result.exit_code == 130
    assert f"kept in {out}.part; run the same command with --resume" in result.output
    to_stdout = runner.invoke(app, ["extract", str(SEED)])
    assert to_stdout.exit_code == 130 and "cannot be resumed" in to_stdout.output


def test_a_discarded_part_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.cli.commands, "run_job", lambda spec, **_: Counts())
    out = tmp_path / "claims.jsonl"
    (tmp_path / "claims.jsonl.part").write_text('{"half": 1}\n', encoding="utf-8")
    fresh = runner.invoke(app, ["extract", str(SEED), "-o", str(out)])
    assert fresh.exit_code == 0
    assert f"note: {out}.part from an earlier, unfinished run is discarded" in fresh.output
    resumed = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--resume"])
    assert resumed.exit_code == 0 and "discarded" not in resumed.output


def test_validate_a_wrong_file_shows_a_few_problems_and_the_count(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": f"n{i}", "text": "Rain fell."}) + "\n"
                                for i in range(40)), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(articles)])
    assert result.exit_code == 1
    shown = [line for line in result.output.splitlines() if line.startswith(str(articles))]
    assert len(shown) == 5 and shown[0] == f"{articles}:1: unknown or missing 'schema' field"
    assert "... 35 more problems on 35 more lines not shown" in result.output
    assert result.output.endswith("40 records, 40 problems\n")


@pytest.mark.parametrize(("record", "kind"), [
    ({"schema": "annotations/1", "id": "a", "entities": []}, "schema annotations/1"),
    ({"@context": "https://schema.org", "@type": "ClaimReview"}, "a ClaimReview"),
    ({"id": "a", "text": "An article."}, "no 'schema' field"),
])
def test_group_refuses_other_records_in_one_line(
    tmp_path: Path, record: dict[str, Any], kind: str
) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["group", str(path)])
    assert result.exit_code == 2
    assert result.output == (f"error: {path}:1: not a claim/1 record ({kind}); give the claims "
                             "file that `claims extract` writes\n")


def test_export_builds_claimreview_straight_from_a_claims_file(tmp_path: Path) -> None:
    out = tmp_path / "reviews.jsonl"
    result = runner.invoke(app, ["export", str(write_claims(tmp_path / "c.jsonl")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    reviews = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["itemReviewed"]["identifier"] for r in reviews] == ["c1", "c2", "c3"]
    assert [r["itemReviewed"]["appearance"]["identifier"] for r in reviews] == [
        "art-1", "art-1", "art-2"]
    assert {r["itemReviewed"]["appearance"]["datePublished"] for r in reviews} == {"2016-03-04"}
    assert reviews[0]["claimReviewed"] == "Ferry fares rose 8 percent last year."
    assert reviews[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "Harbor Lines"}
    assert "claims in: 3, done: 3, errors: 0, ClaimReviews out: 3" in result.output
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.bz2", ".ndjson.xz"])
def test_export_and_group_read_a_compressed_claims_file(tmp_path: Path, suffix: str) -> None:
    import bz2
    import gzip
    import lzma

    compress = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}
    plain = write_claims(tmp_path / "c.jsonl").read_bytes()
    path = tmp_path / f"claims{suffix}"
    path.write_bytes(compress[Path(suffix).suffix](plain))
    out = tmp_path / "reviews.jsonl"
    result = runner.invoke(app, ["export", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    reviews = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["itemReviewed"]["appearance"]["identifier"] for r in reviews] == [
        "art-1", "art-1", "art-2"]
    assert "claims in: 3, done: 3, errors: 0, ClaimReviews out: 3" in result.output
    grouped = runner.invoke(app, ["group", str(path)])
    assert grouped.exit_code == 0 and len(grouped.output.splitlines()) == 3


def test_export_reports_a_bad_line_of_a_claims_file(tmp_path: Path) -> None:
    path = write_claims(tmp_path / "c.jsonl", '{"schema": "claim/1", "claim_id": "x"}\nnope\n')
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["export", str(path), "-o", str(tmp_path / "r.jsonl"),
                                 "--errors", str(errors)])
    assert result.exit_code == 1
    assert f"error: {path}:4: claim/1 record cannot be read: KeyError" in result.output
    assert f"error: {path}:5: not a claim/1 record (malformed JSON" in result.output
    assert "claims in: 5, done: 3, errors: 2" in result.output
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 2


def test_export_refuses_claims_mixed_with_articles(tmp_path: Path) -> None:
    path = write_claims(tmp_path / "c.jsonl")
    result = runner.invoke(app, ["export", str(path), str(SEED)], env={"COLUMNS": "300"})
    assert result.exit_code == 2 and "export either claims files or articles" in result.output


def test_queue_set_status(tmp_path: Path) -> None:
    from pipeline.review.queue import open_queue, upsert

    url = f"sqlite:///{tmp_path / 'q.db'}"
    upsert(open_queue(url), (c.to_dict() for c in CLAIMS))

    def listed() -> list[str]:
        result = runner.invoke(app, ["queue", url])
        return [json.loads(line)["claim_id"] for line in result.output.splitlines()]

    assert listed() == ["c1", "c3", "c2"]
    done = runner.invoke(app, ["queue", url, "--set-status", "c1", "checking"])
    assert done.exit_code == 0 and "c1: checking" in done.output
    assert listed() == ["c3", "c2"]  # only claims still new are listed
    assert runner.invoke(app, ["queue", url, "--set-status", "c1", "new"]).exit_code == 0
    assert listed() == ["c1", "c3", "c2"]
    unknown = runner.invoke(app, ["queue", url, "--set-status", "c1", "maybe"],
                            env={"COLUMNS": "200"})
    assert unknown.exit_code == 2 and "choose one of new, checking, done, dismissed" in (
        unknown.output)
    missing = runner.invoke(app, ["queue", url, "--set-status", "zz", "done"])
    assert missing.exit_code == 1 and "no claim 'zz' in the queue" in missing.output


def test_a_claims_file_given_as_the_queue_is_a_clear_error_before_any_run(
    tmp_path: Path,
) -> None:
    claims = write_claims(tmp_path / "c.jsonl")
    before = claims.read_bytes()
    listed = runner.invoke(app, ["queue", str(claims)], env={"COLUMNS": "300"})
    assert listed.exit_code == 2 and "is not a queue database" in listed.output
    assert "Traceback" not in listed.output
    out = tmp_path / "out.jsonl"
    filled = runner.invoke(app, ["extract", str(SEED), "--to", str(claims), "-o", str(out)],
                           env={"COLUMNS": "300"})
    assert filled.exit_code == 2 and "is not a queue database" in filled.output
    assert not out.exists(), "refused before the run"
    assert claims.read_bytes() == before, "the file given is left as it was"
    hosted = runner.invoke(app, ["queue", "sqlite://desk/q.db"], env={"COLUMNS": "300"})
    assert hosted.exit_code == 2 and "not an SQLite URL" in hosted.output
    assert "Traceback" not in hosted.output


def test_report_on_workers_creates_its_folder_and_lists_failures(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "b1", "text": ""}\n', encoding="utf-8")
    target = tmp_path / "rep" / "report.html"
    result = runner.invoke(app, ["report", str(SEED), str(broken), "-o", str(target),
                                 "--workers", "2"])
    assert result.exit_code == 1, result.output
    html = target.read_text(encoding="utf-8")
    assert "1 article failed" in html and f"<code>{broken}:1</code>" in html
    assert 'class="article"' in html and "wrote 1 file(s), 1 articles, 1 errors" in result.output
