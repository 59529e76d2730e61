"""Run a backend over documents: drafts -> grounded, normalised claims -> records.

:class:`Extractor` is the library's entry point; :func:`extract` is the
one-call form; :meth:`Extractor.arun` and :func:`aextract` are the async
forms, which extract many documents at once (bounded concurrency) and can
stop starting documents at a cost limit. Each document ends as exactly one record: a
:class:`DocumentClaims` or a :class:`Failure`. Records are yielded as each
document finishes, so a caller that writes them as they come loses nothing
finished when a run is interrupted.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from claimkit.errors import ClaimkitError
from claimkit.extract.base import Backend, BackendResult, as_result, backend_name, build_claims
from claimkit.schemas import ClaimBase, Document, DocumentClaims, Failure

if TYPE_CHECKING:
    from claimkit.extract.runner import RunSummary

__all__ = ["Extractor", "aextract", "extract"]

log = logging.getLogger(__name__)


class Extractor:
    """Extract claims from documents with one backend.

    Args:
        backend: any :class:`~claimkit.extract.base.Backend`; default: the
            offline rules backend.
        normalize: resolve actors and dates of every claim against the
            gazetteer and the document's publication date.
    """

    def __init__(self, backend: Backend | None = None, *, normalize: bool = True) -> None:
        if backend is None:
            from claimkit.extract.rules import RulesBackend

            backend = RulesBackend()
        self.backend = backend
        self.backend_name = backend_name(backend)
        self.normalize = normalize

    def extract_document(self, document: Document) -> DocumentClaims:
        """Extract one document.

        Raises:
            ClaimkitError: the backend failed or returned claims that do not validate.
        """
        result = as_result(self.backend.extract(document))
        return self._finish(document, result)

    async def aextract_document(self, document: Document) -> DocumentClaims:
        """Extract one document without blocking the event loop.

        A backend with an ``async def aextract(document)`` is awaited; any
        other runs in a worker thread.

        Raises:
            ClaimkitError: the backend failed or returned claims that do not validate.
        """
        aextract_ = getattr(self.backend, "aextract", None)
        if aextract_ is not None and inspect.iscoroutinefunction(aextract_):
            output = await aextract_(document)
        else:
            output = await asyncio.to_thread(self.backend.extract, document)
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
            summary: a :class:`~claimkit.extract.runner.RunSummary` to fill in.
        """
        from claimkit.extract.runner import stream_records

        async for record in stream_records(
            self, documents, concurrency=concurrency, max_cost=max_cost, summary=summary
        ):
            yield record

    def _failure(self, document: Document, exc: ClaimkitError) -> Failure:
        log.warning("%s: %s", document.id, exc)
        return Failure(
            doc_id=document.id,
            source=document.source,
            stage="extract",
            kind=exc.kind,
            message=str(exc),
            usage=getattr(exc, "usage", None),
        )

    def _finish(self, document: Document, result: BackendResult) -> DocumentClaims:
        claims: list[ClaimBase] = list(result.claims)
        claims.extend(build_claims(document, result.drafts))
        if self.normalize:
            claims = _normalize(claims, document)
        return DocumentClaims(
            document=document,
            claims=claims,
            backend=self.backend_name,
            model=result.model,
            version=result.version,
            usage=result.usage,
        )

    def run(self, documents: Iterable[Document]) -> Iterator[DocumentClaims | Failure]:
        """Yield one record per document, as each finishes; failures do not stop the run."""
        for document in documents:
            try:
                yield self.extract_document(document)
            except ClaimkitError as exc:
                yield self._failure(document, exc)


def _normalize(claims: Sequence[ClaimBase], document: Document) -> list[ClaimBase]:
    try:
        from claimkit.normalize import normalize_claim
    except ImportError:  # pragma: no cover - normalisation is part of the package
        return list(claims)
    return [normalize_claim(c, document) for c in claims]


def extract(
    documents: Document | str | Iterable[Document | str],
    *,
    backend: Backend | None = None,
    **options: Any,
) -> list[DocumentClaims | Failure]:
    """Extract claims from documents (or plain strings) and return the records.

    Args:
        documents: a Document, a text, or an iterable of either. Plain texts
            get ids ``doc-1``, ``doc-2``, ...
        backend: the backend to use; default: the offline rules backend.
        **options: passed to :class:`Extractor`.

    Returns:
        One record per document, in input order.
    """
    return list(Extractor(backend, **options).run(_as_documents(documents)))


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
    backend: Backend | None = None,
    concurrency: int = 4,
    max_cost: float | None = None,
    **options: Any,
) -> list[DocumentClaims | Failure]:
    """Async :func:`extract`: many documents at once; records in input order.

    Args:
        documents: a Document, a text, or an iterable of either.
        backend: the backend to use; default: the offline rules backend.
        concurrency: documents in flight at once.
        max_cost: stop starting documents once the estimated cost (USD) would pass it.
        **options: passed to :class:`Extractor`.
    """
    docs = _as_documents(documents)
    order = {d.id: i for i, d in enumerate(docs)}
    extractor = Extractor(backend, **options)
    records = [
        r async for r in extractor.arun(docs, concurrency=concurrency, max_cost=max_cost)
    ]
    return sorted(
        records,
        key=lambda r: order.get(r.document.id if isinstance(r, DocumentClaims) else r.doc_id or "", 0),
    )
