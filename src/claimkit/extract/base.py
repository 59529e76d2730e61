"""What every extraction backend returns, and how drafts become claims.

A backend (:class:`Backend`, a declared protocol with defaults for all but
``extract``) returns *drafts*: claim fields plus evidence, either as verbatim
quotes (LLM backends; the library grounds them) or as spans it already
located (offline backends; the library verifies them); or ready claims,
which are turned back into drafts (:func:`claims_as_drafts`) and verified
the same way. :func:`build_claims` turns drafts into validated claim models
whose every span is checked against the document text: no span whose text is
not the document slice reaches the output, whatever the backend returned.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from pydantic import ValidationError as PydanticValidationError

from claimkit.errors import BackendError, ConfigError, SchemaError
from claimkit.grounding import Aligner
from claimkit.schemas import ClaimBase, Document, Span, Usage, claim_model

__all__ = [
    "Backend",
    "BackendOptions",
    "BackendResult",
    "Draft",
    "FunctionBackend",
    "as_backend",
    "as_result",
    "backend_name",
    "build_claims",
    "claims_as_drafts",
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
    #: what the backend dropped from its input, named (an LLM's invalid values)
    warnings: Sequence[str] = ()


@dataclass(frozen=True)
class BackendOptions:
    """What every command and :class:`~claimkit.extract.pipeline.Extractor` may ask of a backend.

    A backend takes what applies to it and ignores the rest (the rules
    backend has no model; an LLM backend has no cue files).

    Attributes:
        types: claim type names to extract (None: every registered type the
            backend can extract).
        gazetteer: a :class:`claimkit.normalize.Gazetteer` to find and resolve
            actors with (None: the bundled one).
        places: a :class:`claimkit.normalize.Places` to find places with
            (None: the bundled one).
        cache: whether an LLM backend reads and writes its response cache.
        settings: LLM settings (``model``, ``base_url``, ``api_key``, ...);
            ``None`` values mean "not given".
    """

    types: tuple[str, ...] | None = None
    gazetteer: Any = None
    places: Any = None
    cache: bool = True
    settings: Mapping[str, Any] = field(default_factory=dict)


@runtime_checkable
class Backend(Protocol):
    """An extraction backend: one document in, drafts (or ready claims) out.

    Only :meth:`extract` must be written; a class that subclasses
    ``Backend`` inherits the defaults of everything else. An object that
    merely has an ``extract`` method is adapted by :func:`as_backend`.

    Whatever a backend returns, the library grounds quotes and verifies every
    span against the document text before a claim reaches the output.
    """

    #: the name recorded in output records and used on the command line
    name: str = "backend"
    #: True for a backend that waits on the network (an LLM): the synchronous
    #: API then runs it through the same concurrent loop as the async one
    concurrent: bool = False

    def extract(self, document: Document) -> BackendResult | Sequence[Draft]:
        """Propose claims for one document."""
        ...

    async def aextract(self, document: Document) -> BackendResult | Sequence[Draft]:
        """Async form of :meth:`extract`; by default :meth:`extract` in a worker thread."""
        return await asyncio.to_thread(self.extract, document)

    async def aclose(self) -> None:
        """Release connections and such at the end of a run (default: nothing to release)."""
        return None

    def estimate_cost(self, document: Document) -> float | None:
        """Estimated cost in USD of extracting ``document``; 0.0 for a free backend,
        None when a paid backend cannot price it (``--max-cost`` then refuses to run)."""
        return 0.0

    def describe(self) -> str:
        """One line saying what the backend is (never a secret)."""
        return self.name

    def secrets(self) -> tuple[str, ...]:
        """Values that must never reach an output or a log (an API key); default none."""
        return ()

    @classmethod
    def from_options(cls, options: BackendOptions) -> Backend:
        """Build the backend from the options every command passes (default: ``cls()``)."""
        return cls()


class _Adapted(Backend):
    """A duck-typed object with ``extract(document)`` given the protocol's defaults."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        name = getattr(inner, "name", None)
        self.name = name if isinstance(name, str) and name else type(inner).__name__

    def extract(self, document: Document) -> BackendResult | Sequence[Draft]:
        result: BackendResult | Sequence[Draft] = self._inner.extract(document)
        return result


def as_backend(backend: object) -> Backend:
    """``backend`` itself when it implements :class:`Backend` (declared or in full),
    else an adapter around its ``extract`` method.

    Raises:
        ConfigError: the object has no callable ``extract``.
    """
    if isinstance(backend, Backend):
        return backend
    if callable(getattr(backend, "extract", None)):
        return _Adapted(backend)
    raise ConfigError(
        f"{type(backend).__name__} is not a backend: it needs an extract(document) method"
    )


def backend_name(backend: Backend) -> str:
    """The name a backend reports in outputs."""
    return backend.name or type(backend).__name__


class FunctionBackend(Backend):
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


def claims_as_drafts(claims: Sequence[ClaimBase]) -> list[Draft]:
    """Ready-made claims turned back into drafts, so that they are verified like any other.

    A backend that builds claims itself (an LLM backend after its re-asks, a
    cache, a user's function) gets no trust: each claim's spans go through
    :func:`build_claims` again (a span whose text is not the document slice
    is re-grounded from its text, else kept as an ungrounded quote), and its
    id is recomputed from the verified spans.
    """
    drafts = []
    for claim in claims:
        fields = {
            name: value
            for name in type(claim).model_fields
            if name not in _RESERVED and (value := getattr(claim, name)) is not None
        }
        drafts.append(
            Draft(type=claim.type, fields=fields, quotes=tuple(claim.ungrounded),
                  spans=tuple(claim.evidence))
        )
    return drafts


def _ground_draft(
    document: Document, draft: Draft, aligner: Aligner
) -> tuple[list[Span], list[str]]:
    """The draft's verified and grounded spans (sorted), and the quotes not found."""
    spans: list[Span] = []
    ungrounded: list[str] = []
    for span in draft.spans:
        if verify_span(document, span):
            spans.append(span)
            continue
        log.debug("span %s of %s does not match the text; re-grounding", span, document.id)
        found = aligner.align(span.text, near=spans)
        if found is not None and found not in spans:
            spans.append(found)
        elif found is None:
            ungrounded.append(span.text)
    for quote in draft.quotes:
        found = aligner.align(quote, near=spans)
        if found is None:
            ungrounded.append(quote)
        elif found not in spans:
            spans.append(found)
    spans.sort(key=lambda s: (s.start, s.end))
    return spans, list(dict.fromkeys(ungrounded))


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
    Every span of every returned claim equals its slice of ``document.text``.

    Raises:
        SchemaError: a draft names an unknown type or its fields do not validate.
    """
    aligner = aligner or Aligner(document.text)
    claims: list[ClaimBase] = []
    seen: set[str] = set()
    for draft in drafts:
        model = claim_model(draft.type)
        bad = _RESERVED.intersection(draft.fields)
        if bad:
            raise SchemaError(f"draft fields may not set {sorted(bad)}: the library fills them")
        spans, ungrounded = _ground_draft(document, draft, aligner)
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
