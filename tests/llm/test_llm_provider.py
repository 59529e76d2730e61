"""Another provider: one subclass of the provider-neutral LLMBackend, one method.

``ScriptedProvider`` stands for a provider that is not OpenAI-compatible (say
Anthropic's messages API). It implements only ``complete`` (one request, one
reply); no network: it answers from a dict of SCRIPTED claims, those whose
quotes are all in the article text of the request. Everything else, the
cache, chunks, merging of claims found twice, grounding and re-asks,
truncated replies split in halves, usage and cost, is the core's, and is
checked here through ``claimkit.extract``. docs/llm.md ("Another provider")
shows the same extension point.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scripted_server import gold_reply_claims

import claimkit
from claimkit.errors import TransientError
from claimkit.extract import BackendOptions, create_backend, registry
from claimkit.extract.llm.chunking import Chunk, chunk_text, split_chunk
from claimkit.extract.llm.core import ChunkCall, LLMBackend, Reply
from claimkit.schemas import Document, DocumentClaims, Failure

_ARTICLE = re.compile(r"<<<ARTICLE\n(.*)\nARTICLE>>>", re.DOTALL)


class ScriptedProvider(LLMBackend):
    """A provider whose "model" answers from :attr:`script` (quote -> claim)."""

    name = "scripted-provider"
    #: the claims the "model" knows, by their first quote
    script: dict[str, dict[str, Any]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sent: list[list[dict[str, Any]]] = []
        #: replies to give first, instead of the script's (re-ask and truncation tests)
        self.queue: list[Reply] = []

    async def complete(self, call: ChunkCall, messages: list[dict[str, Any]]) -> Reply:
        self.sent.append(messages)
        if self.queue:
            return self.queue.pop(0)
        match = _ARTICLE.search(messages[1]["content"])  # the user message holds the article
        assert match is not None
        article = match.group(1)
        claims = [c for c in self.script.values()
                  if all(q in article for q in c["quotes"])
                  and (self.types is None or c["type"] in self.types)]
        content = json.dumps({"claims": claims}, ensure_ascii=False)
        prompt = sum(len(m["content"]) for m in messages)
        return Reply(content, prompt_tokens=prompt // 4, completion_tokens=len(content) // 4)


@pytest.fixture
def article(articles_dir: Path, gold_claims: dict[str, list[dict[str, Any]]]) -> Iterator[Document]:
    path = sorted(articles_dir.glob("*.txt"))[1]
    claims = gold_reply_claims(gold_claims[path.stem])
    ScriptedProvider.script = {c["quotes"][0]: c for c in claims if c["quotes"]}
    yield Document(id=path.stem, text=path.read_text(encoding="utf-8"))
    ScriptedProvider.script = {}


def _provider(tmp_path: Path, **settings: Any) -> ScriptedProvider:
    options: dict[str, Any] = {"model": "gpt-4o-mini", "cache_dir": tmp_path / "cache",
                               "chunk_chars": 1500, "chunk_overlap": 400, **settings}
    return ScriptedProvider(cache=options.pop("cache", True), **options)


def _quotes(claims: Any) -> set[tuple[str, ...]]:
    return {tuple(sorted(s.text for s in c.evidence)) for c in claims}


def test_a_provider_implementing_complete_gets_chunks_merging_cache_and_usage(article, tmp_path):
    provider = _provider(tmp_path)
    chunks = chunk_text(article.text, 1500, 400)
    script = ScriptedProvider.script.values()
    stated = [c for c in script if any(all(q in ch.text for q in c["quotes"]) for ch in chunks)]
    twice = [c for c in stated if sum(all(q in ch.text for q in c["quotes"]) for ch in chunks) > 1]
    assert len(chunks) > 2 and stated and twice  # the test is about something

    (record,) = claimkit.extract(article, backend=provider, normalize=False).records
    assert isinstance(record, DocumentClaims) and record.backend == "scripted-provider"
    assert record.model == "gpt-4o-mini" and record.version == provider.version
    # one request per chunk; a claim two chunks stated is one claim
    assert len(provider.sent) == len(chunks)
    assert _quotes(record.claims) == {tuple(sorted(c["quotes"])) for c in stated}
    assert len(record.claims) == len(stated)
    assert all(not c.ungrounded for c in record.claims)
    for chunk, messages in zip(chunks, provider.sent, strict=True):
        assert chunk.text in messages[1]["content"]
    usage = record.usage
    assert usage is not None and usage.requests == len(chunks)
    assert usage.prompt_tokens == sum(sum(len(m["content"]) for m in ms) // 4 for ms in provider.sent)
    assert usage.cost_usd is not None and usage.cost_usd > 0  # gpt-4o-mini is in the price table

    again = _provider(tmp_path)  # the cache: no request, the same claims
    (cached,) = claimkit.extract(article, backend=again, normalize=False).records
    assert again.sent == [] and cached.usage is not None and cached.usage.requests == 0  # type: ignore[union-attr]
    assert [c.model_dump() for c in cached.claims] == [c.model_dump() for c in record.claims]  # type: ignore[union-attr]


def test_the_core_reasks_about_bad_quotes_and_splits_truncated_replies(article, tmp_path):
    invented = "The ministers agreed to send a fleet of submarines to the Moon."
    good = list(ScriptedProvider.script.values())[:2]
    bad = json.loads(json.dumps(good))
    bad[1]["quotes"] = [invented]
    provider = _provider(tmp_path, cache=False, chunk_chars=100_000, chunk_overlap=200)
    provider.queue = [Reply({"claims": bad}), Reply({"claims": good})]
    (record,) = claimkit.extract(article, backend=provider, normalize=False).records
    assert isinstance(record, DocumentClaims) and len(record.claims) == 2
    assert all(not c.ungrounded for c in record.claims)
    first, second = provider.sent
    assistant, user = second[len(first):]  # the re-ask: the reply, then the error
    assert assistant["role"] == "assistant" and invented in assistant["content"]
    assert user["role"] == "user" and invented in user["content"] and "verbatim" in user["content"]
    assert record.usage is not None and record.usage.requests == 2

    provider = _provider(tmp_path, cache=False, chunk_chars=100_000, chunk_overlap=200,
                         min_chunk_chars=500)
    provider.queue = [Reply("{\"claims\": [", truncated=True)]
    (record,) = claimkit.extract(article, backend=provider, normalize=False).records
    assert isinstance(record, DocumentClaims) and record.usage is not None
    halves = split_chunk(Chunk(0, len(article.text), article.text), 200)
    assert len(halves) > 1
    assert len(provider.sent) == record.usage.requests == 1 + len(halves)  # whole, then parts
    assert all(h.text in ms[1]["content"] for h, ms in zip(halves, provider.sent[1:], strict=True))
    assert _quotes(record.claims) == {
        tuple(sorted(c["quotes"])) for c in ScriptedProvider.script.values()
        if any(all(q in h.text for q in c["quotes"]) for h in halves)
    }


def test_failures_become_failure_records_with_the_usage_spent(article, tmp_path):
    provider = _provider(tmp_path, cache=False, max_reasks=1, chunk_chars=100_000,
                         chunk_overlap=200)
    provider.queue = [Reply("not JSON", prompt_tokens=10), Reply("{\"claims\": 5}", prompt_tokens=10)]
    (record,) = claimkit.extract(article, backend=provider, normalize=False).records
    assert isinstance(record, Failure) and record.kind == "backend"
    assert "after 2 attempt(s)" in record.message
    assert record.usage is not None and (record.usage.requests, record.usage.prompt_tokens) == (2, 20)

    class Overloaded(ScriptedProvider):
        async def complete(self, call: ChunkCall, messages: list[dict[str, Any]]) -> Reply:
            call.sent()  # the provider's own retry of the request counts too
            raise TransientError("HTTP 529 after 2 attempts")

    (record,) = claimkit.extract(article, backend=Overloaded(model="m", cache=False),
                                 normalize=False).records
    assert isinstance(record, Failure) and record.kind == "transient"
    assert record.usage is not None and record.usage.requests == 2


def test_a_registered_provider_is_built_from_the_command_options(article, tmp_path, monkeypatch):
    monkeypatch.setitem(registry._REGISTRY, "scripted-provider", ScriptedProvider)
    backend = create_backend(
        "scripted-provider",
        BackendOptions(cache=False, types=("pledge", "meeting"),
                       settings={"model": "local-model", "base_url": None}),
    )
    assert isinstance(backend, ScriptedProvider) and backend.cache is None
    assert backend.types == ["pledge", "meeting"] and backend.model == "local-model"
    assert backend.describe() == "scripted-provider backend, model local-model"
    assert backend.estimate_cost(article) is None  # no price for this model
    (record,) = claimkit.extract(article, backend=backend, normalize=False).records
    assert isinstance(record, DocumentClaims) and {c.type for c in record.claims} <= {"pledge", "meeting"}
