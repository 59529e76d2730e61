"""The two ends of a batch run as library calls: :func:`prepare` and :func:`collect`.

Between them, the request files go through a provider's Batch API
(:mod:`claimkit.batch.remote`) or through ``vllm run-batch``; see docs/batch.md.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.batch.collect import BatchReplyBackend, collected_ids, read_outputs
from claimkit.batch.requests import MAX_BYTES, MAX_REQUESTS, Prepared, prepare_requests
from claimkit.batch.state import State, public_url, state_path
from claimkit.errors import ConfigError, InputError
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.llm.settings import LLMSettings, resolve_settings
from claimkit.schemas import Document, DocumentClaims, Failure, Usage

__all__ = ["Collected", "Limits", "collect", "prepare", "request_settings"]

#: the settings that shape a request or the handling of its reply, kept in the state
_KEPT = ("mode", "chunk_chars", "chunk_overlap", "min_chunk_chars", "max_tokens",
         "temperature", "max_reasks", "strict", "context_window", "examples")


def request_settings(settings: LLMSettings) -> dict[str, Any]:
    """The settings a state file records (never the key, nor anything secret)."""
    kept = {name: getattr(settings, name) for name in _KEPT}
    if kept["examples"] is not None:  # the examples file, by absolute path: collect reads it again
        kept["examples"] = str(Path(kept["examples"]).resolve())
    return kept


@dataclass(frozen=True)
class Limits:
    """Requests and bytes per request file (the provider's), bytes per document."""

    requests: int = MAX_REQUESTS
    file_bytes: int = MAX_BYTES
    document_bytes: int = 10 * 2**20


def prepare(
    paths: Sequence[str],
    target: str | os.PathLike[str],
    settings: LLMSettings,
    *,
    types: Sequence[str] | None = None,
    provider: str = "openai",
    limits: Limits = Limits(),
    on_error: Callable[[InputError], None] | None = None,
) -> tuple[State, Prepared]:
    """Write the request files of the documents under ``paths`` and the state file
    beside them (:func:`~claimkit.batch.state.state_path`)."""
    from claimkit.documents import load_documents

    if "-" in paths:
        raise ConfigError("batch prepare reads files, not stdin: collect reads the documents "
                          "again")
    backend = OpenAIBackend(settings, cache=False, types=types)
    docs = load_documents(paths, on_error=on_error, max_bytes=limits.document_bytes)
    prepared = prepare_requests(docs, backend, target, provider=provider,
                                max_requests=limits.requests, max_bytes=limits.file_bytes)
    state = State(
        provider=provider, model=settings.model, base_url=public_url(settings.base_url),
        settings=request_settings(settings), types=list(types) if types is not None else None,
        inputs=[os.path.abspath(p) for p in paths], given=list(paths),
        max_bytes=limits.document_bytes,
        documents=prepared.documents, files=prepared.files,
    )
    state.save(state_path(target))
    return state, prepared


@dataclass
class Collected:
    """What one ``collect`` run did."""

    counts: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    usage: Usage = field(default_factory=Usage)
    #: chunks answered from the batch; requests sent in real time
    batch_replies: int = 0
    realtime_requests: int = 0


def _documents(state: State, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """The state's documents, read again, their source named as ``prepare`` was given it
    (the path as typed, not the absolute one read), so records match real-time ones."""
    from claimkit.documents import load_documents

    given = state.given if len(state.given) == len(state.inputs) else state.inputs
    for absolute, typed in zip(state.inputs, given, strict=True):
        for doc in load_documents([absolute], on_error=on_error, max_bytes=state.max_bytes):
            if doc.source and typed != absolute and doc.source.startswith(absolute):
                doc = doc.model_copy(update={"source": typed + doc.source[len(absolute):]})
            yield doc


def _settings(state: State, overrides: dict[str, Any]) -> LLMSettings:
    given = {k: v for k, v in overrides.items() if v is not None}
    return resolve_settings(model=state.model, base_url=given.pop("base_url", state.base_url),
                            **{**state.settings, **given})


def collect(
    state_file: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    outputs: Sequence[str | os.PathLike[str]] | None = None,
    reask: bool = True,
    concurrency: int = 4,
    on_note: Callable[[str], None] | None = None,
    **overrides: Any,
) -> Collected:
    """Turn the batch replies into records appended to ``output`` (see
    :mod:`claimkit.batch.collect`); documents already there are skipped.

    Args:
        state_file: written by :func:`prepare` (and updated by ``submit``/``status``).
        outputs: output/error files to read (vLLM ``run-batch``'s); default:
            those the state says were downloaded.
        reask: ask again in real time what the batch did not answer usably.
        **overrides: LLM settings for the real-time requests (``api_key``, ``base_url``).
    """
    from claimkit.extract.pipeline import Extractor
    from claimkit.extract.runner import lock_output, run_extraction

    state = State.load(state_file)
    note = on_note or (lambda message: None)
    files = list(outputs) if outputs is not None else [
        state.resolve(state_file, p) for bf in state.files
        for p in (bf.output_path, bf.error_path) if p]
    result = Collected()
    with lock_output(output), read_outputs(files, on_error=note) as replies:
        backend = BatchReplyBackend(_settings(state, overrides), replies, reask=reask,
                                    types=state.types)
        done = collected_ids(output)
        result.skipped = len(done)
        extractor = Extractor(backend, types=state.types)

        def on_record(record: DocumentClaims | Failure) -> None:
            result.counts[record.record] += 1
            result.usage = result.usage + (record.usage or Usage())

        docs = (d for d in _documents(state, lambda e: note(f"skipped {e}")) if d.id not in done)
        with open(output, "a", encoding="utf-8") as fh:
            run_extraction(extractor, docs, fh, concurrency=concurrency, on_record=on_record)
    result.batch_replies = backend.counts["batch"]
    result.realtime_requests = backend.counts["realtime"]
    return result
