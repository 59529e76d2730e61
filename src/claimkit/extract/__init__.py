"""Extraction backends and the pipeline that turns their drafts into claims.

``claimkit.extract`` is both this package and the one-call function
:func:`claimkit.extract.pipeline.extract`: the package module is callable, so
``claimkit.extract(documents)`` runs an extraction while
``import claimkit.extract.llm.openai`` still finds the submodule. (Binding the
function over the package name, the usual trick, breaks
``import claimkit.extract.<submodule> as m``.)
"""

from __future__ import annotations

import sys
import types
from typing import Any

from claimkit.extract.base import (
    Backend,
    BackendOptions,
    BackendResult,
    Draft,
    FunctionBackend,
    build_claims,
)
from claimkit.extract.pipeline import ExtractionResult, Extractor, aextract, extract
from claimkit.extract.registry import (
    backend_names,
    create_backend,
    default_backend_name,
    register_backend,
)

__all__ = [
    "Backend",
    "BackendOptions",
    "BackendResult",
    "Draft",
    "ExtractionResult",
    "Extractor",
    "FunctionBackend",
    "aextract",
    "backend_names",
    "build_claims",
    "create_backend",
    "default_backend_name",
    "extract",
    "register_backend",
]


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`~claimkit.extract.pipeline.extract`."""

    def __call__(self, *args: Any, **kwargs: Any) -> ExtractionResult:
        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
