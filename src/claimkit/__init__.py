"""claimkit: typed, grounded claims from news articles, checked against each other.

Quick start::

    from claimkit import extract, load_documents
    records = extract(load_documents(["examples/articles"]))

The public names below are the supported API; everything else may change.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type checkers see the function; at run time the package is callable
    from claimkit.extract.pipeline import extract as extract
else:
    from claimkit import extract  # the package; callable as claimkit.extract(documents)
from claimkit.consistency import Finding, ValidationReport, validate
from claimkit.documents import load_documents
from claimkit.errors import ClaimkitError
from claimkit.evaluate import EvalReport, evaluate
from claimkit.extract import (
    Backend,
    BackendResult,
    Draft,
    ExtractionResult,
    Extractor,
    FunctionBackend,
    aextract,
    backend_names,
    register_backend,
)
from claimkit.extract.rules import RulesBackend
from claimkit.grounding import align_quote, align_quotes
from claimkit.io import read_records, write_records
from claimkit.normalize import Gazetteer, normalize_claim, resolve_actor, resolve_date
from claimkit.schemas import (
    SCHEMA_VERSION,
    Actor,
    ClaimBase,
    DateRef,
    Document,
    DocumentClaims,
    Failure,
    Meeting,
    Pledge,
    Quantity,
    Refusal,
    Span,
    WarningClaim,
    register_claim_type,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Backend",
    "BackendResult",
    "ClaimBase",
    "ClaimkitError",
    "DateRef",
    "Document",
    "DocumentClaims",
    "Draft",
    "EvalReport",
    "ExtractionResult",
    "Extractor",
    "Failure",
    "Finding",
    "FunctionBackend",
    "Gazetteer",
    "Meeting",
    "Pledge",
    "Quantity",
    "Refusal",
    "RulesBackend",
    "Span",
    "ValidationReport",
    "WarningClaim",
    "__version__",
    "aextract",
    "align_quote",
    "align_quotes",
    "backend_names",
    "evaluate",
    "extract",
    "load_documents",
    "normalize_claim",
    "read_records",
    "register_backend",
    "register_claim_type",
    "resolve_actor",
    "resolve_date",
    "validate",
    "write_records",
]
