"""Extraction of many documents at once: bounded concurrency, streaming, budget, totals.

* **Concurrency**: at most ``concurrency`` documents in flight (asyncio); the
  input is read lazily, one document per free slot.
* **Streaming**: each record is handed out as its document finishes, so a
  caller that writes and flushes it loses nothing finished when the run is killed.
* **Loading off the loop**: the documents are read (loaded, decoded,
  language-detected) in a worker thread, one ahead of the free slots.
* **Budget**: with ``max_cost``, a document starts when the cost spent, plus
  the estimates of the documents in flight, plus its own estimate fits the
  limit. When it does not fit, the run waits for documents in flight (their
  actual spend replaces their estimates) and checks again; only when nothing
  is in flight and it still does not fit does the run stop starting
  documents: each one left gets a ``budget`` failure record.
* **Dead endpoint**: after :data:`DEAD_AFTER` documents in a row failed with an
  ``endpoint`` error (connection refused, DNS or TLS failure, 401/403), no
  new document is started; each one left gets an ``endpoint`` failure record
  ("not started"), and the summary says how to resume.
* **Summary**: :class:`RunSummary` totals documents, failures, requests,
  tokens and estimated cost.

This module knows extraction only through :class:`DocumentExtractor` (what
:class:`~claimkit.extract.pipeline.Extractor` is), so it imports nothing of
the pipeline.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from claimkit.errors import BackendError, ClaimkitError, ConfigError, WaitBudgetExceeded
from claimkit.extract.base import Backend
from claimkit.schemas import Document, DocumentClaims, Failure, Usage

__all__ = ["DEAD_AFTER", "DocumentExtractor", "Record", "RunSummary", "internal_error", "stream_records"]

log = logging.getLogger(__name__)

Record = DocumentClaims | Failure

#: documents failing in a row with an ``endpoint`` error after which a run stops starting more
DEAD_AFTER = 3


class DocumentExtractor(Protocol):
    """What :func:`stream_records` needs of an extractor."""

    @property
    def backend(self) -> Backend: ...

    async def aextract_document(self, document: Document) -> DocumentClaims: ...

    def failure(self, document: Document, exc: ClaimkitError) -> Failure: ...


@dataclass
class RunSummary:
    """Totals of one run (filled in as records come out)."""

    documents: int = 0
    failures: int = 0
    claims: int = 0
    cached: int = 0
    not_started: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_known: bool = True
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0
    failure_kinds: dict[str, int] = field(default_factory=dict)
    #: why the run stopped starting documents before the end (a dead endpoint), if it did
    stopped: str | None = None
    #: documents not started because the endpoint was dead
    not_started_dead: int = 0
    #: documents that became ``transient`` failures because their retry waits hit max_wait
    waited_out: int = 0

    def add(self, record: Record) -> None:
        """Count one record."""
        self.elapsed = time.monotonic() - self.started
        if isinstance(record, DocumentClaims):
            self.documents += 1
            self.claims += len(record.claims)
            if record.usage is not None and record.usage.requests == 0 and record.model:
                self.cached += 1
        else:
            self.failures += 1
            self.failure_kinds[record.kind] = self.failure_kinds.get(record.kind, 0) + 1
            if record.kind == "budget":
                self.not_started += 1
            elif record.kind == "endpoint" and record.message.startswith("not started"):
                self.not_started_dead += 1
            elif record.kind == "transient" and WaitBudgetExceeded.MARK in record.message:
                self.waited_out += 1
        usage = record.usage
        if usage is not None:
            if usage.cost_usd is None and usage.requests:
                self.cost_known = False
            self.usage = self.usage + usage

    @property
    def cost_usd(self) -> float | None:
        """Estimated cost of the run; None when a model has no price in the table."""
        if not self.cost_known:
            return None
        return self.usage.cost_usd or 0.0

    def describe(self) -> str:
        """One line for stderr."""
        u = self.usage
        cost = "unknown cost (model not in the price table)" if self.cost_usd is None else (
            f"~${self.cost_usd:.4f}"
        )
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.failure_kinds.items()))
        if self.waited_out:
            kinds += f"; {self.waited_out} hit the retry-wait budget (max_wait)"
        return (
            f"{self.documents} documents ({self.cached} from cache), {self.claims} claims, "
            f"{self.failures} failures{f' ({kinds})' if kinds else ''}; "
            f"{u.requests} requests, {u.prompt_tokens} prompt + {u.completion_tokens} "
            f"completion tokens, {cost}; {self.elapsed:.1f}s"
        )


class _Budget:
    """Decides whether one more document fits under ``max_cost``."""

    def __init__(self, backend: Backend, max_cost: float | None) -> None:
        self.max_cost = max_cost
        self.backend = backend
        self.spent = 0.0
        self.reserved: dict[str, float] = {}
        self.observed_cost = 0.0
        self.observed_chars = 0
        self.observed_docs = 0

    def estimate(self, document: Document) -> float:
        """The next document's cost: before any is known, the backend's estimate;
        then the spend observed so far, per character of text, but never less than
        the average document's (a request costs its prompt and schema whatever the
        text's length)."""
        if self.observed_chars:
            per_char = self.observed_cost / self.observed_chars * max(len(document.text), 1)
            return max(per_char, self.observed_cost / self.observed_docs)
        guess = self.backend.estimate_cost(document)
        if guess is None:
            raise ConfigError(
                "--max-cost needs a price for the model: add it to a JSON file named by "
                "CLAIMKIT_PRICES (see docs/llm.md)"
            )
        return guess

    def admit(self, document: Document) -> bool:
        if self.max_cost is None:
            return True
        cost = self.estimate(document)
        if self.spent + sum(self.reserved.values()) + cost > self.max_cost:
            return False
        self.reserved[document.id] = cost
        return True

    def done(self, document: Document, record: Record) -> None:
        self.reserved.pop(document.id, None)
        usage = record.usage
        if usage is not None and usage.cost_usd is not None:
            self.spent += usage.cost_usd
            if usage.requests:
                self.observed_cost += usage.cost_usd
                self.observed_chars += max(len(document.text), 1)
                self.observed_docs += 1


def _not_started(document: Document, max_cost: float | None) -> Failure:
    return Failure(
        doc_id=document.id, source=document.source, kind="budget",
        message=f"not started: the estimated cost would pass --max-cost {max_cost}; "
        "rerun with --resume and a higher limit",
    )


class _Run:
    """One run: a starter that loads documents off the event loop and starts each
    when a slot is free and the budget allows, and the records as they finish.

    Loading (reading, decoding, language detection, date parsing) happens in a
    worker thread (``asyncio.to_thread``), one document ahead of the free
    slots, so the requests in flight never wait on it.
    """

    def __init__(self, extractor: DocumentExtractor, documents: Iterable[Document],
                 concurrency: int, max_cost: float | None) -> None:
        self.extractor = extractor
        self.source = iter(documents)
        self.max_cost = max_cost
        self.budget = _Budget(extractor.backend, max_cost)
        self.slots = asyncio.Semaphore(concurrency)
        self.tasks: set[asyncio.Task[None]] = set()
        self.in_flight = 0  # documents started and not finished
        #: records, and whether each holds a slot (freed once the caller has taken it)
        self.out: asyncio.Queue[tuple[Record, bool] | None] = asyncio.Queue()
        self.changed = asyncio.Event()  # a document finished (spend known, a slot free)
        self.stopped = False
        #: the endpoint error that stopped the run, and ``endpoint`` failures in a row
        self.dead: str | None = None
        self.dead_in_a_row = 0

    async def start_all(self) -> None:
        """Start every document (or write why it was not started); then wait for all."""
        try:
            while True:
                document = await asyncio.to_thread(next, self.source, None)
                if document is None:
                    break
                await self.slots.acquire()
                refused = await self._refusal(document)
                if refused is not None:
                    self.slots.release()
                    self.out.put_nowait((refused, False))
                    continue
                self.in_flight += 1
                task = asyncio.create_task(self._one(document))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)
            if self.tasks:
                await asyncio.gather(*list(self.tasks))
        finally:
            self.out.put_nowait(None)

    async def _refusal(self, document: Document) -> Failure | None:
        """None when ``document`` may start now, else its failure record. Waits while
        the budget does not fit it but documents in flight may still free some."""
        while self.dead is None and not self.stopped:
            if self.budget.admit(document):
                return None
            if not self.in_flight:  # nothing in flight: it will never fit
                log.warning("cost limit $%.4f reached: starting no more documents",
                            self.max_cost or 0.0)
                self.stopped = True
                break
            self.changed.clear()
            await self.changed.wait()
        if self.dead is not None:
            return Failure(
                doc_id=document.id, source=document.source, kind="endpoint",
                message=f"not started: {self.dead}; rerun with --resume once it answers",
            )
        return _not_started(document, self.max_cost)

    async def _one(self, document: Document) -> None:
        try:
            try:
                record: Record = await self.extractor.aextract_document(document)
            except ClaimkitError as exc:
                record = self.extractor.failure(document, exc)
            except Exception as exc:  # noqa: BLE001 - a bug met on one document: it fails alone
                record = self.extractor.failure(document, internal_error(exc))
            self.budget.done(document, record)
            self._watch(record)
            # the slot is freed when the caller has taken the record: a caller that
            # stops (a killed run) has no document in flight it did not ask for
            self.out.put_nowait((record, True))
        except BaseException:
            self.slots.release()
            raise
        finally:
            self.in_flight -= 1
            self.changed.set()

    def _watch(self, record: Record) -> None:
        """Count ``endpoint`` failures in a row; stop starting documents after DEAD_AFTER."""
        if isinstance(record, DocumentClaims) or record.kind not in ("endpoint", "transient"):
            self.dead_in_a_row = 0
            return
        if record.kind != "endpoint":
            return
        self.dead_in_a_row += 1
        if self.dead is None and self.dead_in_a_row >= DEAD_AFTER:
            self.dead = record.message
            log.error("%d documents in a row failed: %s; starting no more documents",
                      self.dead_in_a_row, record.message)

    async def close(self, starter: asyncio.Task[None]) -> None:
        starter.cancel()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(starter, *self.tasks, return_exceptions=True)
        await self.extractor.backend.aclose()


def internal_error(exc: Exception) -> BackendError:
    """A bug met while extracting one document (not a ClaimkitError), as that document's
    failure: the run goes on and keeps what it has; the traceback is logged at debug (-vv)."""
    log.debug("internal error", exc_info=exc)
    return BackendError(f"internal error ({type(exc).__name__}: {exc}); this document is "
                        "skipped, the run goes on; please report it with the document")


async def stream_records(
    extractor: DocumentExtractor,
    documents: Iterable[Document],
    *,
    concurrency: int = 4,
    max_cost: float | None = None,
    summary: RunSummary | None = None,
) -> AsyncIterator[Record]:
    """Yield one record per document as each finishes (see :meth:`Extractor.arun`)."""
    if concurrency < 1:
        raise ConfigError("concurrency must be at least 1")
    run = _Run(extractor, documents, concurrency, max_cost)
    starter = asyncio.create_task(run.start_all())
    try:
        while (item := await run.out.get()) is not None:
            record, holds_slot = item
            if summary is not None:
                summary.add(record)
                summary.stopped = run.dead
            yield record
            if holds_slot:
                run.slots.release()
        await starter  # its error, if it ended in one
    finally:
        await run.close(starter)
