"""Run a backend over documents: drafts -> grounded, normalised claims -> records.

:class:`Extractor` is the library's entry point; :func:`extract` is the
one-call form. Each document ends as exactly one record: a
:class:`DocumentClaims` or a :class:`Failure`. Records are yielded as each
document finishes, so a caller that writes them as they come loses nothing
finished when a run is interrupted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimkit.errors import ClaimkitError
from claimkit.extract.base import Backend, BackendResult, as_result, backend_name, build_claims
from claimkit.schemas import ClaimBase, Document, DocumentClaims, Failure

__all__ = ["Extractor", "extract"]

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
                log.warning("%s: %s", document.id, exc)
                yield Failure(
                    doc_id=document.id,
                    source=document.source,
                    stage="extract",
                    kind=exc.kind,
                    message=str(exc),
                )


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
    if isinstance(documents, (Document, str)):
        documents = [documents]
    docs = [
        d if isinstance(d, Document) else Document(id=f"doc-{i}", text=d)
        for i, d in enumerate(documents, 1)
    ]
    return list(Extractor(backend, **options).run(docs))
