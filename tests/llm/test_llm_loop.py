"""The run loop: documents are loaded off the event loop, and the synchronous API
drives the same concurrent loop as the async one (against the scripted server,
whose replies are SCRIPTED)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BUILTIN_TYPES, FAKE_KEY, MODEL
from scripted_server import ScriptedServer

import claimkit
from claimkit.errors import BackendError
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.pipeline import Extractor
from claimkit.schemas import Document, DocumentClaims


def _backend(server: ScriptedServer) -> OpenAIBackend:
    return OpenAIBackend(cache=False, types=BUILTIN_TYPES, model=MODEL, base_url=server.base_url,
                         api_key=FAKE_KEY, max_api_retries=0)


def _docs(articles_dir: Path, n: int) -> list[Document]:
    texts = [p.read_text("utf-8") for p in sorted(articles_dir.glob("*.txt"))]
    return [Document(id=f"d{i}", text=f"{texts[i % len(texts)]}\n\nCopy {i}.") for i in range(n)]


def test_the_sync_api_runs_documents_concurrently_in_input_order(gold_claims, articles_dir):
    docs = _docs(articles_dir, 8)
    with ScriptedServer(gold_claims, latency=0.2) as server:
        result = claimkit.extract(docs, backend=_backend(server), concurrency=8, normalize=False)
        assert server.max_in_flight >= 4  # not one at a time
        assert len(server.requests) == 8
    assert [r.document.id for r in result.records] == [d.id for d in docs]  # type: ignore[union-attr]
    assert all(isinstance(r, DocumentClaims) and r.claims for r in result.records)


def test_extractor_run_streams_records_from_the_concurrent_loop(gold_claims, articles_dir):
    docs = _docs(articles_dir, 6)
    with ScriptedServer(gold_claims, latency=0.2) as server:
        records = list(Extractor(_backend(server), normalize=False).run(docs, concurrency=6))
        assert server.max_in_flight >= 3
    assert sorted(r.document.id for r in records) == sorted(d.id for d in docs)  # type: ignore[union-attr]


def test_documents_are_loaded_off_the_event_loop(gold_claims, articles_dir):
    loop_thread = threading.get_ident()
    loaded_in: list[int] = []

    def documents() -> Iterator[Document]:
        for doc in _docs(articles_dir, 4):
            loaded_in.append(threading.get_ident())
            yield doc

    with ScriptedServer(gold_claims) as server:
        records = list(Extractor(_backend(server), normalize=False).run(documents()))
    assert len(records) == 4
    assert loaded_in and loop_thread not in loaded_in  # a worker thread read them


def test_the_sync_api_inside_a_running_loop_says_what_to_use(gold_claims, articles_dir):
    async def inside() -> None:
        claimkit.extract(_docs(articles_dir, 1), backend=_backend(server))

    with ScriptedServer(gold_claims) as server, pytest.raises(BackendError, match="aextract"):
        asyncio.run(inside())


def test_max_cost_spends_the_budget_within_one_documents_cost(gold_claims, articles_dir, tmp_path):
    """Starting documents goes on while the next one's estimate fits, with the actual
    spend of finished ones; the run ends between X minus one document's cost and X."""
    import json

    from claimkit.extract.runner import run_extraction

    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"models": {MODEL: {"input": 100.0, "output": 100.0}}}))
    docs = _docs(articles_dir, 24)
    with ScriptedServer(gold_claims) as server:
        backend = OpenAIBackend(cache=False, types=BUILTIN_TYPES, model=MODEL,
                                base_url=server.base_url, api_key=FAKE_KEY, prices_file=prices)
        first = claimkit.extract(docs[:1], backend=backend, normalize=False).records[0]
        assert first.usage is not None and first.usage.cost_usd
        limit = first.usage.cost_usd * 9.5
        import io

        out = io.StringIO()
        summary = run_extraction(Extractor(backend, normalize=False), docs, out, concurrency=4,
                                 max_cost=limit)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    costs = [r["usage"]["cost_usd"] for r in records if r["record"] == "document"]
    assert len(records) == len(docs) and summary.not_started == len(docs) - len(costs)
    spent = sum(costs)
    assert limit - max(costs) <= spent <= limit
    assert len(costs) >= 8  # not the first pessimistic estimate ending the run
