"""The command line: every command works, is documented, and docs match the code."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT, SEED

runner = CliRunner()
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme_and_has_help() -> None:
    for name in command_names():
        assert f"`claims {name}" in README, name
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_every_readme_command_exists() -> None:
    documented = set(re.findall(r"`claims ([a-z]+)", README))
    assert documented <= set(command_names())


def test_every_make_target_is_in_the_readme() -> None:
    output = subprocess.run(
        ["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    targets = re.findall(r"make (\w+)", output)
    assert "extract" in targets and "test" in targets
    for target in targets:
        assert f"`make {target}`" in README, target


def test_every_option_of_every_command_is_in_the_readme() -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands = [group, *group.commands.values()]  # type: ignore[attr-defined]
    for command in commands:
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("--") and option != "--help":
                    assert f"`{option}" in README, (command.name, option)


@pytest.mark.parametrize("name", ["claim", "annotations"])
def test_schema_prints_json_schema(name: str) -> None:
    result = runner.invoke(app, ["schema", name])
    assert result.exit_code == 0
    assert json.loads(result.output)["$id"] == f"{name}/1"


def test_schema_rejects_unknown_names() -> None:
    assert runner.invoke(app, ["schema", "nope"]).exit_code == 2


def test_extract_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "articles in: 1, done: 1, errors: 0" in result.output
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    assert re.search(r"\d+ records, 0 problems", checked.output)


def test_annotate_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "annotations.jsonl"
    result = runner.invoke(app, ["annotate", str(SEED), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["schema"] == "annotations/1" and record["published"] == "2017-08-23"
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_validate_reports_bad_records(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema": "claim/1", "claim_id": 5}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1: (record): 'article_id' is a required property" in result.output
    assert f"{bad}:2: malformed JSON" in result.output


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 exports rose 5%.".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    (tmp_path / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(
        app,
        ["extract", str(tmp_path), "-o", str(out), "--workers", "1", "--published", "2017-08-23"],
    )
    assert result.exit_code == 1
    stderr = result.output
    assert f"error: {tmp_path / 'binary.txt'}: binary file" in stderr
    assert f"error: {tmp_path / 'empty.txt'}: empty file" in stderr
    assert f"error: {tmp_path / 'latin1.txt'}: invalid UTF-8 at byte 3" in stderr
    assert f"error: {tmp_path / 'lines.jsonl'}:1: malformed JSON" in stderr
    assert "articles in: 5, done: 1, errors: 4" in stderr
    assert out.read_text(encoding="utf-8").count("\n") >= 6


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("next Tuesday", "is not a date"),
        ("2017-02-30", "not a real calendar date"),
        ("0001-01-01", "outside the years 1000-9999"),
    ],
)
def test_published_must_be_a_date(tmp_path: Path, value: str, why: str) -> None:
    result = runner.invoke(
        app, ["extract", str(SEED), "-o", str(tmp_path / "o.jsonl"), "--published", value]
    )
    assert result.exit_code == 2
    assert why in " ".join(result.output.replace("│", " ").split())  # rich boxes the message


def test_blas_must_be_a_known_backend(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(SEED), "-o", str(tmp_path / "o.jsonl"), "--blas", "mkl"]
    )
    assert result.exit_code == 2
    assert "choose one of numpy, blis" in result.output


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(tmp_path / "none-*.jsonl"), "-o", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 2
    assert "no input files matched" in result.output


def test_extract_to_a_queue_is_idempotent_and_keeps_status(tmp_path: Path) -> None:
    from pipeline.review.queue import count, open_queue, set_status, top

    url = f"sqlite:///{tmp_path / 'queue.db'}"
    first = runner.invoke(app, ["extract", str(SEED), "--to", url, "--workers", "1"])
    assert first.exit_code == 0, first.output
    db = open_queue(url)
    queued = count(db)
    assert queued >= 6 and re.search(rf"{queued} added, 0 updated", first.output)
    best = top(db, 1)[0]
    assert set_status(db, best.claim_id, "checking")
    again = runner.invoke(app, ["extract", str(SEED), "--to", url, "--workers", "1"])
    assert again.exit_code == 0 and f"0 added, {queued} updated" in again.output
    assert count(open_queue(url)) == queued
    assert count(open_queue(url), status="checking") == 1
    listed = runner.invoke(app, ["queue", url, "--top", "3"])
    rows = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert len(rows) == 3 and best.claim_id not in {r["claim_id"] for r in rows}
    scores = [r["checkworthiness"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_min_checkworthiness_keeps_the_best(tmp_path: Path) -> None:
    every, best = tmp_path / "all.jsonl", tmp_path / "best.jsonl"
    runner.invoke(app, ["extract", str(SEED), "-o", str(every), "--workers", "1"])
    runner.invoke(
        app,
        ["extract", str(SEED), "-o", str(best), "--workers", "1", "--min-checkworthiness", "0.9"],
    )
    all_claims = [json.loads(line) for line in every.read_text().splitlines()]
    kept = [json.loads(line) for line in best.read_text().splitlines()]
    assert kept == [c for c in all_claims if c["checkworthiness"] >= 0.9]
    assert 0 < len(kept) < len(all_claims)


def test_group_counts_articles_per_claim_key(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    corpus = tmp_path / "two.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": name, "text": text, "published": "2017-08-23"}) + "\n"
            for name in ("wire-a", "wire-b")
        ),
        encoding="utf-8",
    )
    out = tmp_path / "claims.jsonl"
    runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--workers", "1"])
    result = runner.invoke(app, ["group", str(out)])
    assert result.exit_code == 0
    groups = [json.loads(line) for line in result.output.splitlines()]
    assert groups and all(g["article_count"] == 2 for g in groups)


@pytest.mark.parametrize("command", ["extract", "annotate", "report", "export"])
def test_input_format_must_be_known(tmp_path: Path, command: str) -> None:
    option = "--input-format" if command == "export" else "--format"
    result = runner.invoke(
        app, [command, str(SEED), "-o", str(tmp_path / "o.out"), option, "pdf", "--blas", "numpy"]
    )
    assert result.exit_code == 2
    assert "choose one of txt, jsonl, sgml, warc, html" in result.output


def test_format_reads_a_file_as_named(tmp_path: Path) -> None:
    story = (
        '<REUTERS NEWID="77">\n<DATE>11-MAR-1987 09:00:00.00</DATE>\n<TEXT><TITLE>ZINC OUTPUT'
        " UP</TITLE><BODY>Zinc output rose 9 pct to 41,000 tonnes in February, the smelter"
        " said.</BODY></TEXT>\n</REUTERS>\n"
    )
    feed = tmp_path / "wire.feed"
    feed.write_text(story, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(
        app, ["extract", str(feed), "--format", "sgml", "-o", str(out), "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert claims and {c["article_id"] for c in claims} == {"reuters-77"}
    assert {c["published"] for c in claims} == {"1987-03-11"}
