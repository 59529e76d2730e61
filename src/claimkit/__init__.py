"""claimkit: typed, grounded claims from news articles, checked against each other.

Quick start::

    from claimkit import extract, load_documents
    records = extract(load_documents(["examples/articles"]))

The public names below are the supported API; everything else may change.
"""

from claimkit.errors import ClaimkitError
from claimkit.extract import Backend, BackendResult, Draft, Extractor, FunctionBackend, extract
from claimkit.grounding import align_quote
from claimkit.io import read_records, write_records
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
    "Actor",
    "Backend",
    "BackendResult",
    "ClaimBase",
    "ClaimkitError",
    "DateRef",
    "Document",
    "DocumentClaims",
    "Draft",
    "Extractor",
    "Failure",
    "FunctionBackend",
    "Meeting",
    "Pledge",
    "Quantity",
    "Refusal",
    "SCHEMA_VERSION",
    "Span",
    "WarningClaim",
    "__version__",
    "align_quote",
    "extract",
    "read_records",
    "register_claim_type",
]
