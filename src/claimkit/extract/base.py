"""What every extraction backend returns, and how drafts become claims.

A backend is a one-method protocol: ``extract(document)`` returns *drafts*:
claim fields plus evidence, either as verbatim quotes (LLM backends; the
library grounds them) or as spans it already located (offline backends; the
library verifies them). :func:`build_claims` turns drafts into validated claim
models whose every span is checked against the document text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from pydantic import ValidationError as PydanticValidationError

from claimkit.errors import BackendError, SchemaError
from claimkit.grounding import Aligner
from claimkit.schemas import ClaimBase, Document, Span, Usage, claim_model

__all__ = [
    "Backend",
    "BackendResult",
    "Draft",
    "FunctionBackend",
    "backend_name",
    "build_claims",
    "verify_span",
]

log = logging.getLogger(__name__)

# Fields the library fills itself; a draft's ``fields`` must not set them.
_RESERVED = frozenset({"id", "doc_id", "type", "evidence", "ungrounded"})


@dataclass(frozen=True)
class Draft:
    """A claim as a backend proposes it, before grounding and validation.

    Attributes:
        type: registered claim type name (``pledge``, ``meeting``, ...).
        fields: any other claim fields (``actor``, ``date``, ``what``, ...), as
            model instances or plain JSON-like values.
        quotes: verbatim evidence quotes to be located in the text.
        spans: evidence already located by the backend; verified, not trusted.
    """

    type: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    quotes: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class BackendResult:
    """Drafts for one document plus what producing them cost."""

    drafts: Sequence[Draft]
    usage: Usage | None = None
    model: str | None = None
    version: str | None = None
    #: claims the backend already built and grounded itself (LLM backends that re-ask)
    claims: Sequence[ClaimBase] = ()


@runtime_checkable
class Backend(Protocol):
    """Anything with ``extract(document)`` returning drafts (or a BackendResult)."""

    def extract(self, document: Document) -> BackendResult | Sequence[Draft]:
        """Propose claims for one document."""
        ...


def backend_name(backend: object) -> str:
    """The name a backend reports in outputs: its ``name`` attribute or class name."""
    name = getattr(backend, "name", None)
    return name if isinstance(name, str) and name else type(backend).__name__


class FunctionBackend:
    """Wrap a plain function ``fn(document) -> drafts`` as a backend.

    Handy in tests and examples: no network, no model.

    Args:
        fn: called once per document.
        name: name recorded in the output as the backend.
    """

    def __init__(
        self,
        fn: Callable[[Document], BackendResult | Sequence[Draft]],
        *,
        name: str = "function",
    ) -> None:
        self._fn = fn
        self.name = name

    def extract(self, document: Document) -> BackendResult | Sequence[Draft]:
        return self._fn(document)


def verify_span(document: Document, span: Span) -> bool:
    """True when ``span`` lies inside the document and its text is the slice."""
    return 0 <= span.start <= span.end <= len(document.text) and (
        document.text[span.start : span.end] == span.text
    )


def build_claims(
    document: Document,
    drafts: Sequence[Draft],
    *,
    aligner: Aligner | None = None,
) -> list[ClaimBase]:
    """Ground and validate drafts into claim models of ``document``.

    Spans a backend located are verified against the text; one that does not
    match is re-grounded from its text. Quotes are grounded with the
    grounding engine, nearest the draft's other evidence. Quotes that cannot
    be grounded are kept in ``claim.ungrounded``: never silently dropped.

    Raises:
        SchemaError: a draft names an unknown type or its fields do not validate.
    """
    aligner = aligner or Aligner(document.text)
    claims: list[ClaimBase] = []
    seen: set[str] = set()
    for draft in drafts:
        model = claim_model(draft.type)
        spans: list[Span] = []
        ungrounded: list[str] = []
        for span in draft.spans:
            if verify_span(document, span):
                spans.append(span)
            else:
                log.debug("span %s of %s does not match the text; re-grounding", span, document.id)
                found = aligner.align(span.text, near=spans)
                (spans.append(found) if found else ungrounded.append(span.text))
        for quote in draft.quotes:
            found = aligner.align(quote, near=spans)
            if found is None:
                ungrounded.append(quote)
            elif found not in spans:
                spans.append(found)
        spans.sort(key=lambda s: (s.start, s.end))
        bad = _RESERVED.intersection(draft.fields)
        if bad:
            raise SchemaError(f"draft fields may not set {sorted(bad)}: the library fills them")
        data = {
            **draft.fields,
            "type": draft.type,
            "doc_id": document.id,
            "evidence": spans,
            "ungrounded": ungrounded,
        }
        try:
            claim = model.model_validate(data)
        except PydanticValidationError as exc:
            raise SchemaError(
                f"{document.id}: a {draft.type} draft does not validate: "
                f"{exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}"
            ) from exc
        if claim.id in seen:  # the same claim proposed twice: keep the first
            continue
        seen.add(claim.id)
        claims.append(claim)
    return claims


def as_result(output: BackendResult | Sequence[Draft]) -> BackendResult:
    """Normalise what a backend returned to a :class:`BackendResult`."""
    if isinstance(output, BackendResult):
        return output
    if isinstance(output, (list, tuple)):
        return BackendResult(drafts=list(output))
    raise BackendError(
        f"backend returned {type(output).__name__}; expected a list of Draft or a BackendResult"
    )
