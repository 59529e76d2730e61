"""``--cluster``: a Dask client for ``local``, ``local:N`` or a scheduler's address."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

from claimkit.errors import ConfigError

__all__ = ["connect", "parse_cluster"]

_LOCAL = re.compile(r"local(?::(\d+))?")

#: Dask configuration of the worker processes a ``local`` cluster starts (given to each
#: nanny, so this process's configuration is untouched): no statistical profiler, which
#: samples every worker's stack every 10 ms for the dashboard (measured on 2 idle workers:
#: 56 -> 33 ms of CPU per second; 20 busy tasks: 2.40 -> 2.09 s of CPU)
LOCAL_WORKER_CONFIG: dict[str, Any] = {"distributed.worker.profile.enabled": False}
#: where a ``local`` cluster's scheduler serves HTTP (health, metrics): a free port on
#: loopback. ``dashboard_address=None`` turns the dashboard off but still binds the
#: server to 8787 on every interface, and a second cluster on the machine (another run,
#: a test) warns "Port 8787 is already in use"; ``":0"`` alone binds every interface too
LOCAL_HTTP_ADDRESS = "127.0.0.1:0"


def parse_cluster(spec: str) -> tuple[str, int | None]:
    """``("local", N or None)`` or ``("address", None)`` for a ``--cluster`` value.

    Raises:
        ConfigError: neither ``local[:N]`` nor ``tcp://``/``tls://`` ``HOST:PORT``.
    """
    m = _LOCAL.fullmatch(spec.strip())
    if m:
        n = int(m.group(1)) if m.group(1) else None
        if n is not None and n < 1:
            raise ConfigError("--cluster local:N needs N >= 1 worker processes")
        return "local", n
    if re.fullmatch(r"(tcp|tls|ucx|inproc)://[^\s/]+(:\d+)?/?", spec.strip()):
        return "address", None
    raise ConfigError(
        f"--cluster {spec!r}: use local, local:N (N worker processes on this machine) "
        "or a scheduler's address such as tcp://scheduler:8786"
    )


def _missing() -> ConfigError:
    return ConfigError("--cluster needs Dask: pip install 'claimkit[dask]'")


@contextlib.contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A :class:`distributed.Client` for ``spec``, closed (with a local cluster it
    started) when the block ends.

    ``local[:N]`` starts a :class:`distributed.LocalCluster` of N single-threaded
    worker processes (default: one per core) listening on loopback only, on free
    ports (:data:`LOCAL_HTTP_ADDRESS`), without the dashboard.
    """
    kind, n = parse_cluster(spec)
    try:
        import distributed
    except ImportError:
        raise _missing() from None
    dd: Any = distributed  # untyped
    if kind == "address":
        try:
            client = dd.Client(spec.strip(), timeout="30s")
        except OSError as exc:
            raise ConfigError(f"--cluster {spec}: cannot reach the scheduler ({exc})") from None
        with client:
            yield client
        return
    with (
        dd.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=LOCAL_HTTP_ADDRESS, scheduler_kwargs={"dashboard": False},
                        config=LOCAL_WORKER_CONFIG) as cluster,
        dd.Client(cluster) as client,
    ):
        yield client
