"""Dead endpoints fail fast and say why; retry waits stay within a per-document budget.

Against a closed loopback port and the scripted server (its replies are
SCRIPTED), run directly: a refused connection has no response to record.
"""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import time
from pathlib import Path

import httpx2
import openai
import pytest
from click.testing import CliRunner
from conftest import BUILTIN_TYPES, FAKE_KEY, MODEL
from scripted_server import ScriptedServer, error

from claimkit.cli import main
from claimkit.extract.llm.openai import OpenAIBackend, dead_endpoint, is_transient, public_url
from claimkit.extract.pipeline import aextract
from claimkit.extract.streaming import DEAD_AFTER, RunSummary
from claimkit.schemas import Document, Failure


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wrapped(cause: BaseException) -> openai.APIConnectionError:
    request = httpx2.Request("POST", "http://x/v1/chat/completions")
    try:
        try:
            raise cause
        except BaseException as inner:
            raise openai.APIConnectionError(request=request) from inner
    except openai.APIConnectionError as exc:
        return exc


@pytest.mark.parametrize(("cause", "reason"), [
    (ConnectionRefusedError(111, "Connect call failed"), "connection refused"),
    (socket.gaierror(-2, "Name or service not known"), "DNS lookup failed"),
    (ssl.SSLCertVerificationError("certificate verify failed"), "TLS failure"),
])
def test_connection_failures_are_named_and_not_retried(cause, reason) -> None:
    exc = _wrapped(cause)
    assert dead_endpoint(exc) == reason and not is_transient(exc)
    assert is_transient(_wrapped(TimeoutError())) and dead_endpoint(_wrapped(TimeoutError())) is None


def test_the_url_in_messages_keeps_no_credentials() -> None:
    assert public_url("https://user:sk-secret@host:8443/v1?key=sk-x") == "https://host:8443/v1"
    assert public_url(None) == "https://api.openai.com/v1"


@pytest.mark.parametrize(("status", "reason"), [(401, "authentication failed (HTTP 401)"),
                                                (403, "permission denied (HTTP 403)")])
def test_401_and_403_are_named_once_without_the_key(gold_claims, articles_dir, status, reason):
    doc = Document(id="d", text=(articles_dir / "003_186aaba948d91f0e.txt").read_text("utf-8"))
    with ScriptedServer(gold_claims) as server:
        server.script("Kiev", error(status))
        backend = OpenAIBackend(cache=False, types=BUILTIN_TYPES, model=MODEL,
                                base_url=server.base_url, api_key=FAKE_KEY, max_api_retries=5)
        (record,) = asyncio.run(aextract([doc], backend=backend, normalize=False)).records
        assert len(server.requests) == 1  # not retried
    assert isinstance(record, Failure) and record.kind == "endpoint"
    assert record.message.startswith(f"{reason} at {server.base_url}")
    assert FAKE_KEY not in record.message


def test_twenty_documents_against_a_closed_port_stop_fast_with_a_resume_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(20):
        (docs / f"d{i:02d}.txt").write_text(f"Article {i}. The minister said on Monday that "
                                            f"France will send {i} observers.\n", "utf-8")
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    out = tmp_path / "out.jsonl"
    monkeypatch.setenv("CLAIMKIT_API_KEY", FAKE_KEY)
    monkeypatch.setenv("CLAIMKIT_CACHE_DIR", str(tmp_path / "cache"))
    started = time.monotonic()
    result = CliRunner().invoke(main, ["extract", str(docs), "--base-url", url, "--model", MODEL,
                                       "--concurrency", "4", "-o", str(out)])
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert elapsed < 15  # no retries, no backoff: seconds, not minutes
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 20 and {r["kind"] for r in records} == {"endpoint"}
    started_docs = [r for r in records if not r["message"].startswith("not started")]
    assert DEAD_AFTER <= len(started_docs) <= DEAD_AFTER + 4  # the run stopped starting documents
    assert all(r["usage"]["requests"] == 1 for r in started_docs)  # one attempt each
    named = [r for r in caplog.records
             if r.levelname == "WARNING" and f"connection refused at {url}" in r.getMessage()]
    assert len(named) == 1  # one line, not one per document
    assert f"-o {out} --resume" in result.stderr
    assert FAKE_KEY not in result.output and FAKE_KEY not in out.read_text("utf-8")


def test_retry_waits_stop_at_the_document_budget(gold_claims, articles_dir) -> None:
    doc = Document(id="d", text=(articles_dir / "003_186aaba948d91f0e.txt").read_text("utf-8"))
    with ScriptedServer(gold_claims) as server:
        server.script("Kiev", *[error(503, {"Retry-After": "0.2"})] * 20)
        backend = OpenAIBackend(cache=False, types=BUILTIN_TYPES, model=MODEL,
                                base_url=server.base_url, api_key=FAKE_KEY, max_api_retries=50,
                                max_wait=0.5)
        started = time.monotonic()
        (record,) = asyncio.run(aextract([doc], backend=backend, normalize=False)).records
        elapsed = time.monotonic() - started
        requests = len(server.requests)
    assert isinstance(record, Failure) and record.kind == "transient"
    assert "retry waits reached max_wait (0.5s" in record.message
    summary = RunSummary()
    summary.add(record)
    assert summary.waited_out == 1
    assert "1 transient; 1 hit the retry-wait budget (max_wait)" in summary.describe()
    assert 3 <= requests <= 5  # 0.2 + 0.2 + 0.1 s of waits, then it gives up
    assert elapsed < 5
