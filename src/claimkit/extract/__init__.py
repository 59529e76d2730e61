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

from claimkit.extract.base import Backend, BackendResult, Draft, FunctionBackend, build_claims
from claimkit.extract.llm.settings import select_backend
from claimkit.extract.pipeline import Extractor, aextract, extract

__all__ = [
    "Backend",
    "BackendResult",
    "Draft",
    "Extractor",
    "FunctionBackend",
    "aextract",
    "build_claims",
    "extract",
    "select_backend",
]


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`~claimkit.extract.pipeline.extract`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
