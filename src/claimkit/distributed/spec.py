"""What a cluster's workers build their extractor from, and the objects each worker
process keeps between its tasks (its extractor, its claim store)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from claimkit.distributed.ratelimit import RateLimit
from claimkit.extract.runner import Mismatch

__all__ = ["ExtractSpec", "gazetteers", "open_worker_store", "worker_extractor"]


@dataclass(frozen=True)
class ExtractSpec:
    """What each worker builds its extractor from (picklable; never holds the API key:
    workers read ``CLAIMKIT_API_KEY`` / ``OPENAI_API_KEY`` from their own environment)."""

    backend: str | None = None
    types: tuple[str, ...] | None = None
    cache: bool = True
    model: str | None = None
    base_urls: tuple[str, ...] = ()
    max_wait: float | None = None
    gazetteer_files: tuple[str, ...] = ()
    max_bytes: int = 10 * 2**20
    concurrency: int = 4
    rate: RateLimit | None = None
    #: also load each committed shard into this claim store (a SQLAlchemy URL)
    db: str | None = None
    #: tokens the model reads and writes per request (``--context-window``)
    context_window: int | None = None
    #: few-shot examples file, read by each worker at this path (``--examples``)
    examples: str | None = None
    #: the date of documents that state none (``--published``)
    published: dt.date | None = None
    #: with ``db``: documents stored with the run's settings are not extracted, their
    #: stored records written into the shards (``--resume``; see
    #: :mod:`claimkit.distributed.resume`)
    resume: bool = False
    #: documents the shards (and with ``resume`` the store) hold from other settings:
    #: ``refuse`` the run, ``redo`` them or ``keep`` them; None: not looked at (kept)
    on_mismatch: Mismatch | None = None


def gazetteers(spec: ExtractSpec) -> dict[str, Any]:
    """The ``gazetteer`` and ``places`` arguments of the run's gazetteer files (none: the
    bundled ones, no argument)."""
    if not spec.gazetteer_files:
        return {}
    from claimkit.normalize import Gazetteer, Places

    return {"gazetteer": Gazetteer.load(*spec.gazetteer_files), "places": Places.load(*spec.gazetteer_files)}


@functools.lru_cache(maxsize=4)
def worker_extractor(spec: ExtractSpec) -> Any:
    """The worker process's extractor for ``spec`` (built once per process)."""
    from claimkit.extract.pipeline import Extractor
    from claimkit.extract.registry import default_backend_name

    gaz = gazetteers(spec)
    settings: dict[str, Any] = {"model": spec.model, "max_wait": spec.max_wait,
                                "base_url": spec.base_urls[0] if spec.base_urls else None,
                                "context_window": spec.context_window,
                                "examples": spec.examples}
    name = spec.backend or None
    if name is None:
        from claimkit.extract.base import BackendOptions

        name = default_backend_name(BackendOptions(settings=settings))
    if name == "openai" and (spec.rate is not None or len(spec.base_urls) > 1):
        return Extractor(_cluster_backend(spec, settings, gaz), types=spec.types, **gaz)
    return Extractor(name, types=spec.types, cache=spec.cache, **settings, **gaz)


def _cluster_backend(spec: ExtractSpec, settings: dict[str, Any], gaz: dict[str, Any]) -> Any:
    from claimkit.distributed.ratelimit import ClusterOpenAIBackend
    from claimkit.extract.base import BackendOptions

    options = BackendOptions(types=spec.types, cache=spec.cache, settings=settings, **gaz)
    backend = ClusterOpenAIBackend.from_options(options)
    backend.configure(spec.rate, spec.base_urls)
    return backend


@functools.lru_cache(maxsize=2)
def open_worker_store(url: str) -> Any:
    """The worker process's claim store of ``url`` (opened once per process)."""
    from claimkit.store import open_store

    return open_store(url)
