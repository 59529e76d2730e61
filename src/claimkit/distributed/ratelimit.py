"""One request rate for the whole cluster, and several endpoints load-balanced.

**The limit** is a sliding window kept by the Dask scheduler: a
:class:`distributed.Semaphore` with ``requests`` leases; every request to the
endpoint takes a lease first, and the lease is given back ``window`` seconds
after it was taken (not when the request ends). So in any ``window`` seconds
at most ``requests`` requests start, across all workers and all their
concurrent documents; a worker that dies gives its leases back through the
scheduler's lease timeout. Retries of a request (a 429, a 5xx) take a lease
each: they are requests too.

**Endpoints**: with several base URLs each request goes to the endpoint with
the fewest requests in flight from this worker (ties: the first listed), so
faster replicas get more of the work.

Tokens per minute are not limited (a semaphore counts requests, not
weights); set the request rate from the endpoint's token quota divided by
the tokens of a typical request.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from claimkit.errors import ConfigError
from claimkit.extract.llm.openai import OpenAIBackend

__all__ = ["ClusterOpenAIBackend", "RateLimit", "SlidingWindow"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimit:
    """At most ``requests`` requests start in any ``window`` seconds, cluster-wide.

    ``name`` names the semaphore on the scheduler (one per run).
    """

    name: str
    requests: int
    window: float

    @classmethod
    def per_minute(cls, rpm: float, name: str) -> RateLimit:
        """The limit of ``rpm`` requests per minute, as a window of about one second
        (``k`` requests per ``60 k / rpm`` seconds: bursts stay small)."""
        if rpm <= 0 or not math.isfinite(rpm):
            raise ConfigError(f"--rpm must be a positive number, not {rpm}")
        k = max(1, round(rpm / 60))
        return cls(name=name, requests=k, window=60.0 * k / rpm)

    @property
    def per_second(self) -> float:
        return self.requests / self.window

    def semaphore(self) -> Any:
        """The scheduler's semaphore of this limit (needs a running client or worker)."""
        import distributed

        dd: Any = distributed  # untyped
        return dd.Semaphore(max_leases=self.requests, name=self.name)


class SlidingWindow:
    """Takes a lease of the limit's semaphore per request and gives it back
    ``window`` seconds later, from one background thread per window."""

    def __init__(self, limit: RateLimit, semaphore: Any = None) -> None:
        self.limit = limit
        self._semaphore = semaphore
        self._due: collections.deque[float] = collections.deque()
        self._cv = threading.Condition()
        self._thread: threading.Thread | None = None

    def acquire(self) -> None:
        """Block until a request may start (call it off the event loop)."""
        if self._semaphore is None:
            self._semaphore = self.limit.semaphore()
        self._semaphore.acquire()
        with self._cv:
            self._due.append(time.monotonic() + self.limit.window)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._release_loop, daemon=True,
                                                name=f"claimkit-rate-{self.limit.name}")
                self._thread.start()
            self._cv.notify()

    def _release_loop(self) -> None:
        while True:
            with self._cv:
                while not self._due:
                    self._cv.wait()
                delay = self._due[0] - time.monotonic()
                if delay > 0:
                    self._cv.wait(delay)
                    continue
                self._due.popleft()
            try:
                self._semaphore.release()
            except Exception as exc:  # noqa: BLE001 - a lost lease must not stop the window
                # (a comm error under load): the scheduler frees a lease nobody refreshes
                # after its lease timeout; the leases after it are still given back here
                log.warning("rate limit: a lease was not given back (%s: %s); the scheduler "
                            "frees it after its lease timeout", type(exc).__name__, exc)


class _Endpoints:
    """Stands in for the openai client in :meth:`OpenAIBackend._post`: ``post`` waits
    for the cluster's rate limit, then goes to the least busy endpoint."""

    def __init__(self, clients: Sequence[Any], window: SlidingWindow | None) -> None:
        self.clients = list(clients)
        self.window = window
        self.in_flight = [0] * len(self.clients)

    async def post(self, *args: Any, **kwargs: Any) -> Any:
        import asyncio

        if self.window is not None:
            await asyncio.to_thread(self.window.acquire)
        i = min(range(len(self.clients)), key=self.in_flight.__getitem__)
        self.in_flight[i] += 1
        try:
            return await self.clients[i].post(*args, **kwargs)
        finally:
            self.in_flight[i] -= 1


class ClusterOpenAIBackend(OpenAIBackend):
    """The openai backend with the cluster's rate limit and several endpoints.

    Built as :class:`OpenAIBackend` (``from_options``), then :meth:`configure`\\ d.
    """

    _window: SlidingWindow | None = None
    _others: tuple[OpenAIBackend, ...] = ()
    _proxy: _Endpoints | None = None

    def configure(self, window: SlidingWindow | None, endpoints: Sequence[str]) -> None:
        """Set the rate limit and the endpoints (the first is the settings' base URL)."""
        self._window = window
        self._others = tuple(
            OpenAIBackend(dataclasses.replace(self.settings, base_url=url), cache=False,
                          types=self.types)
            for url in endpoints[1:]
        )

    def describe(self) -> str:
        more = self._others
        extra = f" and {len(more)} more endpoint(s)" if more else ""
        return super().describe() + extra

    def _http(self) -> Any:
        own = super()._http()
        if not self._others and self._window is None:
            return own
        clients = [own, *(b._http() for b in self._others)]
        if self._proxy is None or self._proxy.clients != clients:
            self._proxy = _Endpoints(clients, self._window)
        return cast(Any, self._proxy)

    async def aclose(self) -> None:
        for other in self._others:
            await other.aclose()
        self._proxy = None
        await super().aclose()
