"""claimkit on a Dask cluster (``pip install 'claimkit[dask]'``; see ``docs/scale.md``).

* :func:`extract_on_cluster`: extraction as one task per input partition, each
  writing one shard exactly once (:mod:`claimkit.distributed.shards`).
* :class:`RateLimit`: requests and tokens per minute and a spend cap for the
  whole cluster (kept by the scheduler); several endpoints load-balanced.
* :func:`validate_on_cluster`: claims shuffled by their blocking keys, each
  partition validated where it lands, the findings merged.
* :func:`connect`: a client for ``local``, ``local:N`` or ``tcp://HOST:8786``.

Importing this package imports nothing of Dask; the functions do, when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "ExtractSpec",
    "Layout",
    "RateLimit",
    "connect",
    "extract_on_cluster",
    "validate_on_cluster",
]

if TYPE_CHECKING:
    from claimkit.distributed.cluster import connect
    from claimkit.distributed.extract import extract_on_cluster
    from claimkit.distributed.ratelimit import RateLimit
    from claimkit.distributed.spec import ExtractSpec
    from claimkit.distributed.validate import Layout, validate_on_cluster

_WHERE = {
    "connect": "claimkit.distributed.cluster",
    "ExtractSpec": "claimkit.distributed.spec",
    "extract_on_cluster": "claimkit.distributed.extract",
    "RateLimit": "claimkit.distributed.ratelimit",
    "validate_on_cluster": "claimkit.distributed.validate",
    "Layout": "claimkit.distributed.validate",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name not in _WHERE:
        raise AttributeError(f"module 'claimkit.distributed' has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
