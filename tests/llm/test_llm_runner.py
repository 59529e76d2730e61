"""The runner and the command line with the LLM backend (SCRIPTED replies, see conftest).

Timeouts and dropped connections cannot be recorded in a cassette (there is
no response to record), so those two tests talk to the scripted server on
127.0.0.1 directly; everything else replays cassettes.
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FAKE_KEY, MODEL, requests_made
from scripted_server import drop, error, slow

from claimkit.cli import main
from claimkit.extract.pipeline import Extractor, aextract
from claimkit.extract.runner import RunSummary, prepare_resume, run_extraction
from claimkit.io import read_records
from claimkit.schemas import Document, DocumentClaims, Failure


def _articles(articles_dir: Path) -> list[Document]:
    return [
        Document(id=p.stem, text=p.read_text(encoding="utf-8"))
        for p in sorted(articles_dir.glob("*.txt"))
    ]


class _Killed(Exception):
    pass


@pytest.mark.vcr
def test_resume_after_a_killed_run_asks_only_for_unfinished_documents(
    vcr, server, make_backend, articles_dir, tmp_path
):
    docs = _articles(articles_dir)
    out = tmp_path / "claims.jsonl"
    seen: list[str] = []

    def kill_after_two(record: DocumentClaims | Failure) -> None:
        seen.append(record.document.id if isinstance(record, DocumentClaims) else "")
        if len(seen) == 2:
            raise _Killed

    extractor = Extractor(make_backend(), normalize=False)
    with open(out, "w", encoding="utf-8") as fh, pytest.raises(_Killed):
        run_extraction(extractor, docs, fh, concurrency=1, on_record=kill_after_two)
    with open(out, "a", encoding="utf-8") as fh:  # the kill also left half a line
        fh.write('{"record": "document", "document": {"id": "00')
    assert requests_made(vcr, server) == 2

    done = prepare_resume(out)
    assert done == set(seen)
    with open(out, "a", encoding="utf-8") as fh:
        summary = run_extraction(
            extractor, [d for d in docs if d.id not in done], fh, concurrency=2
        )
    assert summary.documents == 3 and summary.failures == 0
    ids = [r.document.id for r in read_records(out) if isinstance(r, DocumentClaims)]
    assert sorted(ids) == sorted(d.id for d in docs)  # none lost, none twice
    assert requests_made(vcr, server) == len(docs)  # finished documents were not asked again


@pytest.mark.vcr
def test_max_cost_stops_starting_documents(vcr, server, make_backend, articles_dir, tmp_path):
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"models": {MODEL: {"input": 100.0, "output": 100.0}}}))
    docs = _articles(articles_dir)
    backend = make_backend(prices_file=prices)
    one_doc = backend.estimate_cost(docs[0])
    assert one_doc is not None
    summary = RunSummary()
    out = io.StringIO()
    run = run_extraction(
        Extractor(backend, normalize=False), docs, out, concurrency=1, max_cost=one_doc * 1.5
    )
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == len(docs)  # every document has a record
    budget = [r for r in records if r["record"] == "failure"]
    assert budget and all(r["kind"] == "budget" for r in budget)
    assert run.not_started == len(budget)
    assert run.cost_usd is not None and run.cost_usd > 0
    assert requests_made(vcr, server) == len(docs) - len(budget)
    del summary


def test_timeout_and_dropped_connection_are_retried(server, make_backend, articles_dir):
    docs = _articles(articles_dir)[3:5]
    server.script(docs[0].text[:200], slow(1.5))
    server.script(docs[1].text[:200], drop())
    backend = make_backend(timeout=0.4)
    records = asyncio.run(aextract(docs, backend=backend, concurrency=2, normalize=False)).records
    assert all(isinstance(r, DocumentClaims) and r.claims for r in records)
    assert [r.usage.requests for r in records] == [2, 2]  # type: ignore[union-attr]
    assert len(server.requests) == 4


def test_timeouts_that_persist_become_a_transient_failure(server, make_backend, articles_dir):
    doc = _articles(articles_dir)[3]
    server.script(doc.text[:200], slow(1.0), slow(1.0))
    backend = make_backend(timeout=0.2, max_api_retries=1)
    (record,) = asyncio.run(aextract([doc], backend=backend, normalize=False)).records
    assert isinstance(record, Failure) and record.kind == "transient"
    assert "timed out, still after 2 attempt(s)" in record.message
    # the server logs a request when it reads it, which a loaded machine may do after the
    # client has given up on it: wait (bounded) for both to be logged
    deadline = time.monotonic() + 10
    while len(server.requests) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(server.requests) == 2


@pytest.mark.vcr
def test_cli_extract_with_an_openai_compatible_endpoint(
    vcr, server, articles_dir, tmp_path, monkeypatch, builtin_types_only
):
    monkeypatch.setenv("CLAIMKIT_API_KEY", FAKE_KEY)
    monkeypatch.setenv("CLAIMKIT_MAX_RETRIES", "0")  # a cassette miss fails at once
    monkeypatch.setenv("CLAIMKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    out = tmp_path / "claims.jsonl"
    args = ["extract", str(articles_dir / "003_186aaba948d91f0e.txt"),
            str(articles_dir / "004_029c872e45ff0bb8.txt"), "-o", str(out),
            "--base-url", server.base_url, "--model", MODEL, "--concurrency", "2", "--no-cache"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "backend: openai" in result.stderr and "--backend rules" in result.stderr
    assert "2 requests" in result.stderr
    records = list(read_records(out))
    assert [type(r) for r in records] == [DocumentClaims, DocumentClaims]
    assert all(r.claims for r in records if isinstance(r, DocumentClaims))
    assert FAKE_KEY not in out.read_text() and FAKE_KEY not in result.output
    # --resume: nothing left to do, no request
    again = CliRunner().invoke(main, [*args, "--resume"])
    assert again.exit_code == 0 and "resuming: 2 documents" in again.stderr
    assert requests_made(vcr, server) == 2
    assert len(list(read_records(out))) == 2


@pytest.mark.vcr
def test_cli_exit_code_is_1_when_a_document_failed(
    vcr, server, articles_dir, tmp_path, monkeypatch, builtin_types_only
):
    monkeypatch.setenv("CLAIMKIT_API_KEY", FAKE_KEY)
    monkeypatch.setenv("CLAIMKIT_MAX_RETRIES", "0")
    doc = articles_dir / "003_186aaba948d91f0e.txt"
    server.script("Kiev", error(500))
    result = CliRunner().invoke(
        main, ["extract", str(doc), "--base-url", server.base_url, "--model", MODEL, "--no-cache"]
    )
    assert result.exit_code == 1
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["record"] == "failure" and record["kind"] == "transient"


def test_cli_says_which_backend_ran_without_an_endpoint(articles_dir, monkeypatch):
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMKIT_API_KEY", "CLAIMKIT_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(main, ["extract", str(articles_dir / "001_5789c96dbd9fd13a.txt")])
    assert result.exit_code == 0
    assert "backend: rules" in result.stderr and "--base-url" in result.stderr


def test_library_run_leaves_the_gc_alone_and_the_cli_tunes_it_only_while_it_runs():
    import gc

    from claimkit.cli.app import _YOUNG_THRESHOLD, long_run_gc
    from claimkit.extract.base import Draft, FunctionBackend

    seen: list[tuple[int, int, int]] = []

    def fn(document: Document) -> list[Draft]:
        seen.append(gc.get_threshold())
        return []

    before = gc.get_threshold()
    out = io.StringIO()
    extractor = Extractor(FunctionBackend(fn), normalize=False)
    run_extraction(extractor, [Document(id="g1", text="Nothing here.")], out)
    assert seen == [before]  # the library changes no process-wide state
    with long_run_gc():
        run_extraction(extractor, [Document(id="g2", text="Nothing here.")], out)
    assert gc.get_threshold() == before
    assert seen[1] == (max(before[0], _YOUNG_THRESHOLD), *before[1:])
    assert len(out.getvalue().splitlines()) == 2
