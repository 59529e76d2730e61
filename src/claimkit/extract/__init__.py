"""Extraction backends and the pipeline that turns their drafts into claims."""

from claimkit.extract.base import Backend, BackendResult, Draft, FunctionBackend, build_claims
from claimkit.extract.pipeline import Extractor, extract

__all__ = [
    "Backend",
    "BackendResult",
    "Draft",
    "Extractor",
    "FunctionBackend",
    "build_claims",
    "extract",
]
