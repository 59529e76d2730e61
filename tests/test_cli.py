"""The command line: extract, schema, eval; exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from claimkit.io import parse_record
from claimkit.schemas import DocumentClaims, Failure


@pytest.fixture()
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMKIT_API_KEY", "CLAIMKIT_BASE_URL", "CLAIMKIT_MODEL"):
        monkeypatch.delenv(var, raising=False)
    return CliRunner()


def _records(text: str) -> list[DocumentClaims | Failure]:
    return [parse_record(line) for line in text.splitlines() if line.startswith("{")]


def test_extract_samples_to_stdout(runner: CliRunner, articles_dir: Path) -> None:
    result = runner.invoke(main, ["extract", str(articles_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    assert len(records) >= 5 and all(isinstance(r, DocumentClaims) for r in records)
    assert sum(len(r.claims) for r in records if isinstance(r, DocumentClaims)) > 10
    summary = result.stderr.strip().splitlines()[-1]
    assert "documents" in summary and "claims" in summary and "backend rules" in summary


def test_bad_inputs_are_one_line_errors_and_the_run_goes_on(runner: CliRunner, articles_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "Russia rejected the plan on Monday."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        main,
        ["extract", str(articles_dir / "004_029c872e45ff0bb8.txt"), str(tmp_path / "binary.txt"),
         str(tmp_path / "empty.txt"), str(tmp_path / "bad.jsonl"), str(tmp_path / "missing.txt"), "-o", str(out)],
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("claimkit: skipped")]
    assert any("binary.txt" in line for line in skipped)
    assert any("empty.txt" in line for line in skipped)
    assert any("missing.txt" in line for line in skipped)
    assert any("bad.jsonl" in line and "line 2" in line for line in skipped)
    records = _records(out.read_text(encoding="utf-8"))
    docs = [r for r in records if isinstance(r, DocumentClaims)]
    failures = [r for r in records if isinstance(r, Failure)]
    assert {d.document.id for d in docs} >= {"004_029c872e45ff0bb8"}
    assert any(d.document.source and d.document.source.endswith("bad.jsonl") for d in docs)  # the good line
    assert {f.stage for f in failures} == {"load"} and len(failures) == 4


def test_stdin_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "-", "-q"], input=b"Britain will send troops to Ukraine after a ceasefire.")
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert isinstance(record, DocumentClaims) and record.document.source == "-"


def test_resume_needs_an_output_file(runner: CliRunner, articles_dir: Path) -> None:
    result = runner.invoke(main, ["extract", str(articles_dir), "--resume"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimkit: error: --resume needs -o FILE")


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["eval", "--gold", "/nonexistent", "x.jsonl"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2


def test_schema_writes_and_checks(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "schemas"
    result = runner.invoke(main, ["schema", "-o", str(target)])
    assert result.exit_code == 0
    assert (target / "claim.pledge.schema.json").exists()
    assert runner.invoke(main, ["schema", "-o", str(target), "--check"]).exit_code == 0
    (target / "claim.pledge.schema.json").write_text("{}", encoding="utf-8")
    stale = runner.invoke(main, ["schema", "-o", str(target), "--check"])
    assert stale.exit_code == 1 and "claim.pledge.schema.json" in stale.stderr


def test_eval_prints_scores(runner: CliRunner, articles_dir: Path, gold_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    assert runner.invoke(main, ["extract", str(articles_dir), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(main, ["eval", "--gold", str(gold_dir), str(out), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) >= {"overall", "by_type", "attributes"}
    assert set(scores["overall"]) >= {"precision", "recall", "f1"}
    assert 0.0 <= scores["overall"]["f1"] <= 1.0
    table = runner.invoke(main, ["eval", "--gold", str(gold_dir), str(out)])
    assert table.exit_code == 0 and "pledge" in table.stdout


def test_eval_on_a_broken_predictions_file_is_one_line(runner: CliRunner, gold_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n", encoding="utf-8")
    reason = "line 1: invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    result = runner.invoke(main, ["eval", "--gold", str(gold_dir), str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"claimkit: skipped {bad}: {reason}; line skipped"
    strict = runner.invoke(main, ["eval", "--strict", "--gold", str(gold_dir), str(bad)])
    assert strict.exit_code == 2
    assert strict.stderr.strip() == f"claimkit: error: {bad}: {reason}"


def test_gazetteer_files_reach_extract_and_validate_without_touching_the_environment(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.delenv("CLAIMKIT_GAZETTEER", raising=False)
    gaz = tmp_path / "people.json"
    gaz.write_text(json.dumps({"entries": [
        {"name": "Jeanne Exemple", "kind": "person", "affiliation": "FR", "aliases": ["Jeanne Exemple"]},
    ]}), encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "a", "url": "https://one.example/a", "published": "2026-03-02",
                    "text": "Jeanne Exemple pledged to send troops to the region."}) + "\n"
        + json.dumps({"id": "b", "url": "https://two.example/b", "published": "2026-03-02",
                      "text": "France pledged to send troops to the region."}) + "\n",
        encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(main, ["extract", str(docs), "-o", str(out), "-q", "--gazetteer", str(gaz)])
    assert result.exit_code == 0, result.output
    assert "CLAIMKIT_GAZETTEER" not in os.environ
    (first, _) = _records(out.read_text(encoding="utf-8"))
    assert isinstance(first, DocumentClaims)
    assert first.claims[0].actor[0].name == "Jeanne Exemple"
    # the extractor also names the government she speaks for (France) after her;
    # leave her alone so that only validate's own gazetteer can tell
    lines = out.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[0])
    for claim in row.get("claims", []):
        claim["actor"] = [a for a in claim["actor"] if a.get("kind") == "person"]
    out.write_text("\n".join([json.dumps(row), *lines[1:]]) + "\n", encoding="utf-8")

    def corroborations(*extra: str) -> int:
        r = runner.invoke(main, ["validate", "--format", "jsonl", "--fail-on", "never", *extra, str(out)])
        assert r.exit_code == 0, r.output
        return sum(json.loads(line)["kind"] == "corroboration" for line in r.stdout.splitlines())

    # with the file, Jeanne Exemple speaks for France: two outlets report one pledge
    assert corroborations("--gazetteer", str(gaz)) == 1
    assert corroborations() == 0
    assert "CLAIMKIT_GAZETTEER" not in os.environ


def test_quiet_hides_the_backend_note_and_counts_read_well(runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "one.txt"
    doc.write_text("France refused to send troops to the region on Monday.\n", encoding="utf-8")
    quiet = runner.invoke(main, ["extract", str(doc), "-q", "-o", str(tmp_path / "q.jsonl")])
    assert quiet.exit_code == 0, quiet.output
    assert "backend: rules" not in quiet.stderr
    assert "1 document, 1 claim (1 refusal), 0 failures" in quiet.stderr
    loud = runner.invoke(main, ["extract", str(doc), "-o", str(tmp_path / "l.jsonl")])
    assert "backend: rules (offline baseline)" in loud.stderr


def test_validate_ignore_leaves_out_a_finding_kind(runner: CliRunner, articles_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert runner.invoke(main, ["extract", str(articles_dir), "-q", "-o", str(out)]).exit_code == 0

    def kinds(*extra: str) -> list[str]:
        r = runner.invoke(main, ["validate", "--format", "jsonl", "--fail-on", "never", *extra, str(out)])
        assert r.exit_code == 0, r.output
        return [json.loads(line)["kind"] for line in r.stdout.splitlines()]

    every = kinds()
    assert every
    kind = every[0]  # whichever the samples give (their one corroboration was a misread possessor)
    left = kinds("--ignore", kind)
    assert kind not in left and len(left) == len(every) - every.count(kind)


def test_resume_tells_rules_output_of_another_release_apart(runner: CliRunner, tmp_path: Path) -> None:
    """Before: a rules record said ``rules-1`` whatever release or cue data made it and the
    backend declared no version, so ``--resume`` took every rules record for this run's. A
    record of another rules version (as an older claimkit wrote it) is now refused like
    another model's, and ``--on-mismatch redo`` extracts it again with this run's version."""
    article = tmp_path / "a.txt"
    article.write_text("Norway pledged 90 million euros to the fund on Monday.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = runner.invoke(main, ["extract", str(article), "-o", str(out), "--backend", "rules"])
    assert first.exit_code == 0, first.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    current = record["version"]
    out.write_text(json.dumps(record | {"version": "rules-1"}) + "\n", encoding="utf-8")
    refused = runner.invoke(main, ["extract", str(article), "-o", str(out), "--backend", "rules",
                                   "--resume"])
    assert refused.exit_code == 2
    assert (f"1 of its 1 documents were extracted with backend 'rules' (version rules-1), not "
            f"with this run's backend 'rules' (version {current})") in refused.stderr
    redone = runner.invoke(main, ["extract", str(article), "-o", str(out), "--backend", "rules",
                                  "--resume", "--on-mismatch", "redo"])
    assert redone.exit_code == 0, redone.stderr
    (again,) = _records(out.read_text(encoding="utf-8"))
    assert isinstance(again, DocumentClaims) and again.version == current and again.claims
