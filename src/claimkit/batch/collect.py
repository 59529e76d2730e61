"""``batch collect``: batch replies through the real-time path's reply handling.

A batch reply is handed to the very code that handles a real-time reply:
:class:`BatchReplyBackend` is the real-time
:class:`~claimkit.extract.llm.openai.OpenAIBackend` whose first request for a
chunk is answered from the batch output (matched by
:func:`~claimkit.batch.requests.custom_id`) instead of the network. So
instructor's parsing, per-claim salvage, grounding, truncation splits,
chunk merging, normalisation and the output record are the real-time ones,
and whatever a batch reply leaves to do goes on in real time, bounded by
the same settings: a re-ask (JSON that does not parse or fit, quotes not in
the text), the halves of a truncated chunk, an item that failed or that
the batch never ran. With ``reask=False`` nothing is sent: each chunk's
batch reply is its last (``max_reasks=0``: quotes not found are kept as
``ungrounded``, as on a real-time last reply), and a document that would
need a request becomes a Failure record.

Records are written as the real-time ``extract`` writes them (one whole
line per record, flushed), and a rerun skips every document already in the
output (claims or failure; a torn last line of a killed run is cut off and
its document redone): a crash and a rerun lose and duplicate nothing.
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from claimkit.batch.requests import custom_id
from claimkit.errors import BackendError, ClaimkitError
from claimkit.extract.base import BackendResult
from claimkit.extract.llm.core import ChunkCall
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.llm.settings import LLMSettings, estimate_cost
from claimkit.schemas import Document, DocumentClaims, Failure, Usage

__all__ = ["BatchReplyBackend", "Item", "Replies", "collected_ids", "read_outputs"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Item:
    """One line of a batch output or error file: a chat completion, or why there is none."""

    body: dict[str, Any] | None = None
    error: str | None = None


def _why(data: dict[str, Any]) -> str:
    """One line saying why an output line holds no usable reply."""
    error = data.get("error")
    if isinstance(error, dict):
        return f"batch error {error.get('code') or ''}: {error.get('message') or ''}".strip()
    response = data.get("response")
    if not isinstance(response, dict):
        response = {}
    status = response.get("status_code")
    body = response.get("body")
    message = body.get("error", {}).get("message") if isinstance(body, dict) and isinstance(
        body.get("error"), dict) else None
    return f"batch item failed: HTTP {status}" + (f": {message}" if message else "")


def _item(data: Any) -> tuple[str, Item] | None:
    if not isinstance(data, dict) or not isinstance(data.get("custom_id"), str):
        return None
    response = data.get("response")
    if (data.get("error") is None and isinstance(response, dict)
            and response.get("status_code") == 200 and isinstance(response.get("body"), dict)):
        return data["custom_id"], Item(body=response["body"])
    return data["custom_id"], Item(error=_why(data))


class Replies:
    """Batch items by custom_id, read from their files when asked for.

    Only an index is kept in memory (custom_id -> file and offset of the
    reply's line, or the error's one line), so a file of 50,000 replies costs a
    few MB, not the replies themselves. Use as a context manager (the files
    stay open while it is in use).
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        self._where: dict[str, tuple[int, int]] = {}
        self._errors: dict[str, str] = {}
        self._open: dict[int, IO[bytes]] = {}

    def __len__(self) -> int:
        return len(self._where.keys() | self._errors.keys())

    def add(self, cid: str, item: Item, where: tuple[int, int]) -> None:
        """Index one line (a reply wins over an error for the same id)."""
        if item.body is not None:
            self._where[cid] = where
            self._errors.pop(cid, None)
        elif cid not in self._where:
            self._errors[cid] = item.error or "batch item failed"

    def get(self, cid: str) -> Item | None:
        """The item of ``cid``, or None when no file names it."""
        if cid in self._where:
            index, offset = self._where[cid]
            fh = self._open.get(index)
            if fh is None:
                fh = self._open[index] = open(self.paths[index], "rb")  # noqa: SIM115
            fh.seek(offset)
            found = _item(json.loads(fh.readline()))
            return found[1] if found else None
        return Item(error=self._errors[cid]) if cid in self._errors else None

    def close(self) -> None:
        for fh in self._open.values():
            fh.close()
        self._open.clear()

    def __enter__(self) -> Replies:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_outputs(
    paths: Iterable[str | os.PathLike[str]], on_error: Callable[[str], None] | None = None
) -> Replies:
    """Index the items of batch output and error files (OpenAI's, Azure's and vLLM
    ``run-batch``'s format). A line that is not JSON or names no custom_id is
    reported (one line: file, line number, reason) and skipped; a reply wins over
    an error for the same id."""
    report = on_error or log.warning
    replies = Replies()
    for index, path in enumerate(paths):
        replies.paths.append(os.fspath(path))
        with open(path, "rb") as fh:
            offset = 0
            for n, line in enumerate(fh, 1):
                where, offset = (index, offset), offset + len(line)
                if not line.strip():
                    continue
                try:
                    found = _item(json.loads(line))
                except ValueError:
                    found = None
                if found is None:
                    report(f"{path}:{n}: not a batch output line (no JSON object with a "
                           "custom_id); skipped")
                    continue
                replies.add(found[0], found[1], where)
    return replies


def collected_ids(path: str | os.PathLike[str]) -> set[str]:
    """Ids of the documents an output file already holds (claims or failure), the
    file readied for appending (a torn last line is cut off)."""
    from claimkit.extract.runner import prepare_resume
    from claimkit.io import read_records

    target = Path(path)
    if not target.exists():
        return set()
    done = prepare_resume(target)
    done.update(r.doc_id for r in read_records(target, strict=False)
                if isinstance(r, Failure) and r.doc_id)
    return done


@dataclass
class Tokens:
    """Tokens of the replies that came from the batch, per document."""

    by_document: dict[str, list[int]] = field(default_factory=dict)

    def add(self, doc_id: str, body: dict[str, Any]) -> None:
        usage = body.get("usage")
        if not isinstance(usage, dict):
            usage = {}
        seen = self.by_document.setdefault(doc_id, [0, 0])
        seen[0] += int(usage.get("prompt_tokens") or 0)
        seen[1] += int(usage.get("completion_tokens") or 0)


class BatchReplyBackend(OpenAIBackend):
    """The real-time backend, first replies taken from a batch output (see the module).

    Args:
        settings: the settings the requests were prepared with.
        replies: batch items by custom_id (:func:`read_outputs`).
        reask: ask again in real time what the batch did not answer usably.
        types: the claim types the requests asked for.
    """

    def __init__(self, settings: LLMSettings, replies: Replies, *, reask: bool = True,
                 types: list[str] | None = None) -> None:
        super().__init__(settings if reask else settings.with_(max_reasks=0),
                         cache=False, types=types)
        self.replies = replies
        self.reask = reask
        #: chunks answered from the batch, requests sent in real time
        self.counts: Counter[str] = Counter()
        self.tokens = Tokens()

    async def send(self, body: bytes, call: ChunkCall | None) -> bytes:
        why = "a re-ask"
        if call is not None and call.replies == 0:
            cid = custom_id(call.document.id, call.part[0], call.chunk.text)
            item = self.replies.get(cid)
            if item is not None and item.body is not None:
                call.sent()
                self.counts["batch"] += 1
                self.tokens.add(call.document.id, item.body)
                return json.dumps(item.body, ensure_ascii=False).encode("utf-8")
            why = (f"part {call.part[0]}: " + item.error if item is not None and item.error
                   else f"part {call.part[0]}: no reply in the batch output (not run, or "
                   "the half of a truncated chunk)")
        if not self.reask:
            raise BackendError(f"{why}; not asked again in real time (--no-reask)")
        self.counts["realtime"] += 1
        return await super().send(body, call)

    async def aextract(self, document: Document) -> BackendResult:
        """As the real-time backend; usage priced at batch prices for the batch's share."""
        try:
            result = await super().aextract(document)
        except ClaimkitError as exc:
            usage = getattr(exc, "usage", None)
            if usage is not None:
                exc.usage = self._reprice(document.id, usage)  # type: ignore[attr-defined]
            raise
        if result.usage is None:
            return result
        return replace(result, usage=self._reprice(document.id, result.usage))

    def _reprice(self, doc_id: str, usage: Usage) -> Usage:
        batch_in, batch_out = self.tokens.by_document.pop(doc_id, (0, 0))
        model = self.settings.model
        rest = Usage(prompt_tokens=max(0, usage.prompt_tokens - batch_in),
                     completion_tokens=max(0, usage.completion_tokens - batch_out))
        cheap = estimate_cost(model, Usage(prompt_tokens=batch_in, completion_tokens=batch_out),
                              self.prices, batch=True)
        full = estimate_cost(model, rest, self.prices)
        cost = None if cheap is None or full is None else cheap + full
        return usage.model_copy(update={"cost_usd": cost})


def pending(documents: Iterable[Document], done: set[str]) -> Iterator[Document]:
    """The documents not collected yet."""
    return (d for d in documents if d.id not in done)


def record_usage(record: DocumentClaims | Failure) -> Usage:
    """A record's usage (zero when it has none)."""
    return record.usage or Usage()
