"""Run a backend over documents: drafts -> grounded, normalised claims -> records.

:class:`Extractor` is the library's entry point; :func:`extract` is the
one-call form; :meth:`Extractor.arun` and :func:`aextract` are the async
forms, which extract many documents at once (bounded concurrency) and can
stop starting documents at a cost limit. Each document ends as exactly one
record: a :class:`DocumentClaims` or a :class:`Failure`. Records are yielded
as each document finishes, so a caller that writes them as they come loses
nothing finished when a run is interrupted. :func:`extract` and
:func:`aextract` return an :class:`ExtractionResult`, which keeps the two
kinds apart: iterating it gives the documents that have claims, never a
failure.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from claimkit.errors import BackendError, ClaimkitError, EndpointError
from claimkit.extract.base import (
    Backend,
    BackendOptions,
    BackendResult,
    as_backend,
    as_result,
    backend_name,
    build_claims,
    claims_as_drafts,
)
from claimkit.extract.registry import create_backend
from claimkit.extract.streaming import RunSummary, internal_error, stream_records
from claimkit.normalize import Gazetteer, Places, normalize_claim
from claimkit.redact import redact
from claimkit.schemas import ClaimBase, Document, DocumentClaims, Failure

__all__ = ["ExtractionResult", "Extractor", "aextract", "extract"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractionResult:
    """The records of one extraction, claims and failures kept apart.

    Iterating gives the :class:`DocumentClaims` of the documents that
    succeeded (so ``for record in result: record.claims`` never meets a
    failure); ``failures`` holds the rest; ``records`` has both, in input order.
    """

    records: tuple[DocumentClaims | Failure, ...]

    @property
    def documents(self) -> list[DocumentClaims]:
        """The documents that were extracted, in input order."""
        return [r for r in self.records if isinstance(r, DocumentClaims)]

    @property
    def failures(self) -> list[Failure]:
        """The documents that failed, in input order."""
        return [r for r in self.records if isinstance(r, Failure)]

    @property
    def claims(self) -> list[ClaimBase]:
        """Every claim of every extracted document."""
        return [c for r in self.documents for c in r.claims]

    @property
    def ok(self) -> bool:
        """True when no document failed."""
        return not self.failures

    def __iter__(self) -> Iterator[DocumentClaims]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)


class Extractor:
    """Extract claims from documents with one backend.

    Args:
        backend: a :class:`~claimkit.extract.base.Backend`, a registered
            backend's name (``"rules"``, ``"openai"``, a plugin's), or None
            for the default rule of the command line
            (:func:`~claimkit.extract.registry.default_backend_name`:
            ``openai`` when an endpoint is configured, else ``rules``).
        normalize: resolve actors and dates of every claim against the
            gazetteer and the document's publication date.
        gazetteer: a :class:`claimkit.normalize.Gazetteer` for the backend
            and for normalisation (default: the bundled one).
        places: a :class:`claimkit.normalize.Places` for a backend given by
            name (default: the bundled one).
        types: claim types to extract: passed to a backend given by name, and
            claims of other types are dropped whatever the backend.
        **settings: LLM settings for a backend given by name (``model``,
            ``base_url``, ``api_key``, ``cache``, ...).
    """

    def __init__(
        self,
        backend: Backend | str | None = None,
        *,
        normalize: bool = True,
        gazetteer: Gazetteer | None = None,
        places: Places | None = None,
        types: Sequence[str] | None = None,
        **settings: Any,
    ) -> None:
        if backend is None or isinstance(backend, str):
            cache = bool(settings.pop("cache", True))
            options = BackendOptions(
                types=tuple(types) if types is not None else None,
                gazetteer=gazetteer, places=places, cache=cache, settings=settings,
            )
            backend = create_backend(backend, options)
        self.backend: Backend = as_backend(backend)
        self.backend_name = backend_name(self.backend)
        self.normalize = normalize
        self.gazetteer = gazetteer
        self.types = frozenset(types) if types is not None else None
        self._said: set[str] = set()

    def extract_document(self, document: Document) -> DocumentClaims:
        """Extract one document.

        Raises:
            ClaimkitError: the backend failed or returned claims that do not validate.
        """
        return self._finish(document, as_result(self.backend.extract(document)))

    async def aextract_document(self, document: Document) -> DocumentClaims:
        """Extract one document without blocking the event loop (the backend's ``aextract``).

        Raises:
            ClaimkitError: the backend failed or returned claims that do not validate.
        """
        output = await self.backend.aextract(document)
        return self._finish(document, as_result(output))

    async def arun(
        self,
        documents: Iterable[Document],
        *,
        concurrency: int = 4,
        max_cost: float | None = None,
        summary: RunSummary | None = None,
    ) -> AsyncIterator[DocumentClaims | Failure]:
        """Yield one record per document as each finishes, ``concurrency`` at a time.

        Records come in completion order, not input order. A document that
        fails becomes a :class:`Failure` and the run goes on.

        Args:
            documents: read lazily, as slots free up.
            concurrency: documents in flight at once.
            max_cost: USD; once the estimated cost of the run would pass it,
                no new document is started (each one not started gets a
                Failure of kind ``budget``).
            summary: a :class:`~claimkit.extract.streaming.RunSummary` to fill in.
        """
        async for record in stream_records(
            self, documents, concurrency=concurrency, max_cost=max_cost, summary=summary
        ):
            yield record

    def failure(self, document: Document, exc: ClaimkitError) -> Failure:
        """The failure record of a document whose extraction raised ``exc``
        (its message redacted: an endpoint's error may echo the key); a dead
        endpoint is logged once per run, not once per document."""
        message = redact(exc, self.backend.secrets())
        if not isinstance(exc, EndpointError) or message not in self._said:
            log.warning("%s: %s", document.id, message)
        if isinstance(exc, EndpointError):
            self._said.add(message)
        return Failure(
            doc_id=document.id,
            source=document.source,
            stage="extract",
            kind=exc.kind,
            message=message,
            usage=getattr(exc, "usage", None),
        )

    def _finish(self, document: Document, result: BackendResult) -> DocumentClaims:
        # ready claims are verified like drafts: no unverified span reaches the output
        drafts = [*claims_as_drafts(result.claims), *result.drafts]
        if self.types is not None:
            drafts = [d for d in drafts if d.type in self.types]
        claims = build_claims(document, drafts)
        if self.normalize and claims:
            # the default gazetteer looked up once per document, not once per claim (each
            # lookup reads CLAIMKIT_GAZETTEER from the environment)
            gazetteer = self.gazetteer or Gazetteer.default()
            claims = [normalize_claim(c, document, gazetteer=gazetteer) for c in claims]
        return DocumentClaims(
            document=document,
            claims=claims,
            backend=self.backend_name,
            model=result.model,
            version=result.version,
            usage=result.usage,
            warnings=list(result.warnings),
        )

    def run(
        self, documents: Iterable[Document], *, concurrency: int = 4,
        max_cost: float | None = None,
    ) -> Iterator[DocumentClaims | Failure]:
        """Yield one record per document, as each finishes; failures do not stop the run.

        A backend that waits on the network (``concurrent = True``, as the LLM
        backends) runs through the same concurrent loop as :meth:`arun`, on an
        event loop of its own, ``concurrency`` documents at a time (records
        in completion order); any other runs one document after the other.

        Raises:
            BackendError: called inside a running event loop with a concurrent
                backend (use :meth:`arun`).
        """
        if self.backend.concurrent:
            yield from _drive(self.arun(documents, concurrency=concurrency, max_cost=max_cost))
            return
        for document in documents:
            try:
                yield self.extract_document(document)
            except ClaimkitError as exc:
                yield self.failure(document, exc)
            except Exception as exc:  # noqa: BLE001 - a bug met on one document: it fails alone
                yield self.failure(document, internal_error(exc))


def _drive(records: AsyncIterator[DocumentClaims | Failure]) -> Iterator[DocumentClaims | Failure]:
    """An async iterator read from synchronous code, on an event loop of its own
    (created and closed here; the process's event loop policy is not touched)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise BackendError(
            "Extractor.run / claimkit.extract with an LLM backend was called inside a running "
            "event loop; use `await claimkit.aextract(...)` or `Extractor(...).arun(docs)`"
        )
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(anext(records))
            except StopAsyncIteration:
                break
    finally:
        try:
            loop.run_until_complete(records.aclose())  # type: ignore[attr-defined]
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


def extract(
    documents: Document | str | Iterable[Document | str],
    *,
    backend: Backend | str | None = None,
    concurrency: int = 4,
    **options: Any,
) -> ExtractionResult:
    """Extract claims from documents (or plain strings).

    Args:
        documents: a Document, a text, or an iterable of either. Plain texts
            get ids ``doc-1``, ``doc-2``, ...
        backend: a backend, a backend name, or None for the default rule
            (see :class:`Extractor`).
        concurrency: documents in flight at once with an LLM backend (it runs
            the same concurrent loop as :func:`aextract`).
        **options: passed to :class:`Extractor` (``normalize``, ``gazetteer``,
            ``types``, LLM settings).

    Returns:
        The records, in input order; iterate it for the documents with claims.
    """
    docs = _as_documents(documents)
    records = list(Extractor(backend, **options).run(docs, concurrency=concurrency))
    return ExtractionResult(tuple(_in_order(records, docs)))


def _in_order(
    records: list[DocumentClaims | Failure], docs: list[Document]
) -> list[DocumentClaims | Failure]:
    order = {d.id: i for i, d in enumerate(docs)}
    return sorted(records, key=lambda r: order.get(
        r.document.id if isinstance(r, DocumentClaims) else r.doc_id or "", 0))


def _as_documents(documents: Document | str | Iterable[Document | str]) -> list[Document]:
    if isinstance(documents, (Document, str)):
        documents = [documents]
    return [
        d if isinstance(d, Document) else Document(id=f"doc-{i}", text=d)
        for i, d in enumerate(documents, 1)
    ]


async def aextract(
    documents: Document | str | Iterable[Document | str],
    *,
    backend: Backend | str | None = None,
    concurrency: int = 4,
    max_cost: float | None = None,
    **options: Any,
) -> ExtractionResult:
    """Async :func:`extract`: many documents at once; records in input order.

    Args:
        documents: a Document, a text, or an iterable of either.
        backend: a backend, a backend name, or None for the default rule.
        concurrency: documents in flight at once.
        max_cost: stop starting documents once the estimated cost (USD) would pass it.
        **options: passed to :class:`Extractor`.
    """
    docs = _as_documents(documents)
    extractor = Extractor(backend, **options)
    records = [
        r async for r in extractor.arun(docs, concurrency=concurrency, max_cost=max_cost)
    ]
    return ExtractionResult(tuple(_in_order(records, docs)))
