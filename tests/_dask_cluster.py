"""The local Dask cluster the distributed tests run on: two worker processes on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def local_client() -> Iterator[Any]:
    """A client of a fresh two-worker ``LocalCluster`` on 127.0.0.1, closed after.

    The scheduler's HTTP server takes a free port: with None it still takes 8787, and says
    "Port 8787 is already in use" whenever another cluster (another test run) holds it."""
    import distributed

    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=":0",
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()
