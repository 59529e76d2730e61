"""``batch submit`` / ``status``: the OpenAI and Azure OpenAI Batch APIs, through the openai client.

Upload each request file (``files.create``, purpose ``batch``), create a
batch on it (``batches.create``, 24-hour window), poll it
(``batches.retrieve``) with exponential backoff, and download its output and
error files (``files.content``). The state file is saved after every step:
rerun after a crash, a step already done is not done again. A batch created
just before a crash, before its id was saved, is found again by its input
file (``batches.list``) rather than created twice.

The client's own retries (``max_retries``, with backoff) cover rate limits,
5xx and dropped connections of each call.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai

from claimkit.batch.requests import URLS
from claimkit.batch.state import BatchFile, State
from claimkit.errors import BackendError, ConfigError
from claimkit.redact import redact

__all__ = ["Backoff", "client_for", "download", "refresh", "submit", "wait"]

log = logging.getLogger(__name__)

#: how long a batch may take; the providers' only window
WINDOW = "24h"


def client_for(state: State, *, api_key: str | None, base_url: str | None = None,
               timeout: float = 120.0, max_retries: int = 6) -> openai.OpenAI:
    """The client for the state's endpoint (``base_url`` overrides the one recorded).

    Raises:
        ConfigError: no API key.
    """
    if not api_key:
        raise ConfigError("batch submit/status/collect need an API key: set OPENAI_API_KEY "
                          "(or CLAIMKIT_API_KEY)")
    return openai.OpenAI(api_key=api_key, base_url=base_url or state.base_url,
                         timeout=timeout, max_retries=max_retries)


def _call(what: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """One API call; an API error as one line (BackendError), redacted."""
    try:
        return fn(*args, **kwargs)
    except openai.APIError as exc:
        raise BackendError(f"{what} failed: {redact(exc)}") from None


def _find_batch(client: openai.OpenAI, input_file_id: str) -> str | None:
    """The batch already created on an input file (a crash after create), if any."""
    page = _call("listing batches", client.batches.list, limit=100)
    for batch in page.data:
        if batch.input_file_id == input_file_id and batch.status != "cancelled":
            return str(batch.id)
    return None


def submit(state: State, state_file: Path, client: openai.OpenAI,
           on_note: Callable[[str], None] = log.info) -> int:
    """Upload and start every request file not started yet; the number started."""
    started = 0
    for bf in state.files:
        if bf.batch_id:
            continue
        if not bf.input_file_id:
            path = state.resolve(state_file, bf.path)
            with open(path, "rb") as fh:
                uploaded = _call(f"uploading {path}", client.files.create, file=fh, purpose="batch")
            bf.input_file_id = str(uploaded.id)
            state.save(state_file)
        bf.batch_id = _find_batch(client, bf.input_file_id)
        if bf.batch_id is None:
            batch = _call(f"creating the batch of {bf.path}", client.batches.create,
                          input_file_id=bf.input_file_id, endpoint=URLS[state.provider],
                          completion_window=WINDOW, metadata={"claimkit": bf.path})
            bf.batch_id, bf.status = str(batch.id), str(batch.status)
            started += 1
        state.save(state_file)
        on_note(f"{bf.path}: batch {bf.batch_id} ({bf.requests} requests)")
    return started


def _errors(batch: Any) -> list[str]:
    errors = getattr(getattr(batch, "errors", None), "data", None) or []
    return [f"{e.code or 'error'}: {e.message or ''}"
            + (f" (line {e.line})" if getattr(e, "line", None) else "") for e in errors][:20]


def refresh(state: State, state_file: Path, client: openai.OpenAI) -> None:
    """Ask for the status of every batch not finished yet; save what changed."""
    for bf in state.files:
        if not bf.batch_id or bf.done:
            continue
        batch = _call(f"reading batch {bf.batch_id}", client.batches.retrieve, bf.batch_id)
        bf.status = str(batch.status)
        counts = getattr(batch, "request_counts", None)
        if counts is not None:
            bf.counts = {"total": counts.total, "completed": counts.completed,
                         "failed": counts.failed}
        bf.output_file_id = batch.output_file_id
        bf.error_file_id = batch.error_file_id
        bf.errors = _errors(batch)
    state.save(state_file)


@dataclass
class Backoff:
    """Poll delays: ``initial`` seconds, doubled each time, at most ``maximum``."""

    initial: float = 10.0
    maximum: float = 600.0
    sleep: Callable[[float], None] = time.sleep

    def delays(self) -> Any:
        delay = self.initial
        while True:
            yield delay
            delay = min(self.maximum, delay * 2)


def wait(state: State, state_file: Path, client: openai.OpenAI, backoff: Backoff,
         timeout: float | None = None, on_note: Callable[[str], None] = log.info) -> bool:
    """Poll until every batch is finished (True) or ``timeout`` seconds passed (False)."""
    start = time.monotonic()
    for delay in backoff.delays():
        refresh(state, state_file, client)
        if all(bf.done for bf in state.files if bf.batch_id):
            return True
        if timeout is not None and time.monotonic() - start + delay > timeout:
            return False
        on_note(describe(state) + f"; next look in {delay:g}s")
        backoff.sleep(delay)
    return False  # pragma: no cover - the generator never ends


def describe(state: State) -> str:
    """One line: how many batches are in each status."""
    seen: dict[str, int] = {}
    for bf in state.files:
        seen[bf.status or "not submitted"] = seen.get(bf.status or "not submitted", 0) + 1
    return ", ".join(f"{n} {status}" for status, n in sorted(seen.items()))


def _save_content(client: openai.OpenAI, file_id: str, target: Path) -> None:
    content = _call(f"downloading {file_id}", client.files.content, file_id)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.read())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def download(state: State, state_file: Path, client: openai.OpenAI) -> list[BatchFile]:
    """Download the output and error files of every finished batch (once); the files
    whose batch is not finished yet."""
    waiting = []
    for bf in state.files:
        if not bf.done:
            waiting.append(bf)
            continue
        stem = Path(bf.path).stem
        for file_id, kind in ((bf.output_file_id, "output"), (bf.error_file_id, "errors")):
            attr = "output_path" if kind == "output" else "error_path"
            if file_id and getattr(bf, attr) is None:
                name = f"{stem}.{kind}.jsonl"
                _save_content(client, file_id, state.resolve(state_file, name))
                setattr(bf, attr, name)
                state.save(state_file)
    return waiting
