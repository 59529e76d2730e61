"""``batch prepare``: the real-time path's requests, written to batch input files.

Each line is one chunk of one document in the OpenAI batch input format
(also Azure OpenAI's and vLLM ``run-batch``'s)::

    {"custom_id": "DOC::1::3f9a...", "method": "POST", "url": "/v1/chat/completions",
     "body": {...}}

The body is byte for byte what the real-time path posts first for that
chunk (:meth:`~claimkit.extract.llm.openai.OpenAIBackend.request_json` of
:meth:`~claimkit.extract.llm.core.LLMBackend.chunk_calls`): the same
messages, prompt version, response format or tool schema of the configured
mode, and chunking. The ``custom_id`` names the document, the chunk's
number and a hash of the chunk's text (:func:`custom_id`), so replies are
matched whatever their order, and a document whose text changed since is
asked again rather than matched to a stale reply.

Files are split under the provider's limits (:data:`MAX_REQUESTS` requests,
:data:`MAX_BYTES` bytes per file): ``requests.jsonl``, then
``requests.2.jsonl``, ``requests.3.jsonl``...
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from claimkit.batch.state import BatchFile
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.llm.settings import estimate_cost
from claimkit.schemas import Document, Usage

__all__ = ["MAX_BYTES", "MAX_REQUESTS", "URLS", "Prepared", "custom_id", "prepare_requests"]

#: requests per input file (OpenAI's limit; Azure OpenAI's is higher)
MAX_REQUESTS = 50_000
#: bytes per input file (OpenAI's and Azure OpenAI's limit: 200 MB)
MAX_BYTES = 200 * 1024 * 1024

#: completion tokens per prompt token, as measured on real runs (about 2,100 per
#: 5,800; docs/batch.md): the estimate's reply size
REPLY_RATIO = 0.36

#: the ``url`` of each line, by provider (Azure's v1 API has no /v1 in it)
URLS = {"openai": "/v1/chat/completions", "azure": "/chat/completions",
        "vllm": "/v1/chat/completions"}


def custom_id(document_id: str, index: int, chunk_text: str) -> str:
    """``DOC::N::HASH``: document id, chunk number (1-based), first 16 hex digits of
    the SHA-256 of the chunk's text."""
    digest = hashlib.sha256(chunk_text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{document_id}::{index}::{digest}"


def split_custom_id(value: str) -> tuple[str, int, str] | None:
    """``(document id, chunk number, hash)`` of a :func:`custom_id`, or None."""
    parts = value.rsplit("::", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    return parts[0], int(parts[1]), parts[2]


@dataclass
class Prepared:
    """What ``prepare`` wrote, and what it should cost."""

    files: list[BatchFile] = field(default_factory=list)
    documents: int = 0
    requests: int = 0
    #: rough token estimate: about 3 bytes per token of the request, a reply of
    #: :data:`REPLY_RATIO` of that (at most max_tokens)
    usage: Usage = field(default_factory=Usage)
    cost: float | None = None
    realtime_cost: float | None = None


class _Writer:
    """Request lines into files under the limits: ``stem.jsonl``, ``stem.2.jsonl``..."""

    def __init__(self, target: Path, max_requests: int, max_bytes: int) -> None:
        self.target = target
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.files: list[BatchFile] = []
        self._fh: IO[bytes] | None = None
        self._tmp: list[tuple[Path, Path]] = []

    def _name(self, n: int) -> Path:
        t = self.target
        return t if n == 1 else t.with_name(f"{t.stem}.{n}{t.suffix or '.jsonl'}")

    def write(self, line: bytes) -> None:
        current = self.files[-1] if self.files else None
        if (current is None or current.requests >= self.max_requests
                or (current.requests and current.bytes + len(line) > self.max_bytes)):
            self._next()
            current = self.files[-1]
        assert self._fh is not None
        self._fh.write(line)
        current.requests += 1
        current.bytes += len(line)

    def _next(self) -> None:
        if self._fh is not None:
            self._fh.close()
        path = self._name(len(self.files) + 1)
        tmp = path.with_name(path.name + ".part")
        self._fh = open(tmp, "wb")  # noqa: SIM115 - closed in _next/close
        self._tmp.append((tmp, path))
        self.files.append(BatchFile(path=path.name, requests=0, bytes=0))

    def close(self, ok: bool) -> None:
        if self._fh is not None:
            self._fh.close()
        for tmp, path in self._tmp:
            if ok:
                os.replace(tmp, path)
            else:
                tmp.unlink(missing_ok=True)


def prepare_requests(
    documents: Iterable[Document],
    backend: OpenAIBackend,
    target: str | os.PathLike[str],
    *,
    provider: str = "openai",
    max_requests: int = MAX_REQUESTS,
    max_bytes: int = MAX_BYTES,
) -> Prepared:
    """Write the first request of every chunk of ``documents`` to batch input files.

    Files appear whole or not at all (written as ``.part``, renamed at the end).
    """
    url = json.dumps(URLS[provider]).encode()
    writer = _Writer(Path(target), max_requests, max_bytes)
    out = Prepared()
    prompt = completion = 0
    cap = backend.settings.max_tokens or 1 << 30
    ok = False
    try:
        for document in documents:
            out.documents += 1
            for call in backend.chunk_calls(document):
                body = backend.request_json(call)
                cid = json.dumps(custom_id(document.id, call.part[0], call.chunk.text),
                                 ensure_ascii=False).encode("utf-8")
                writer.write(b'{"custom_id": ' + cid + b', "method": "POST", "url": ' + url
                             + b', "body": ' + body + b"}\n")
                out.requests += 1
                tokens = len(body) // 3
                prompt += tokens
                completion += min(cap, int(tokens * REPLY_RATIO))
        ok = True
    finally:
        writer.close(ok)
    out.files = writer.files
    out.usage = Usage(requests=out.requests, prompt_tokens=prompt, completion_tokens=completion)
    model = backend.settings.model
    out.cost = estimate_cost(model, out.usage, backend.prices, batch=True)
    out.realtime_cost = estimate_cost(model, out.usage, backend.prices)
    return out
