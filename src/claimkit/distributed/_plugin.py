"""The scheduler's side of the cluster-wide limits: a scheduler plugin keeping one
:class:`~claimkit.distributed.ratelimit.Ledger` per run (imports Dask).

The plugin adds four handlers to the scheduler (``claimkit_ledger_open``,
``_reserve``, ``_settle``, ``_close``); they run on the scheduler's event loop,
one at a time, so a ledger needs no lock. It is registered under one name and
idempotent: a second run on a long-lived scheduler reuses it, with its own
ledger.
"""

from __future__ import annotations

import time
from typing import Any

from distributed.diagnostics.plugin import SchedulerPlugin

from claimkit.distributed.ratelimit import Ledger, RateLimit

__all__ = ["LedgerPlugin", "close_ledger", "open_ledger"]

PLUGIN_NAME = "claimkit-ledger"


class LedgerPlugin(SchedulerPlugin):
    """Keeps the runs' ledgers on the scheduler."""

    name = PLUGIN_NAME
    idempotent = True

    def __init__(self) -> None:
        self.ledgers: dict[str, Ledger] = {}

    async def start(self, scheduler: Any) -> None:
        scheduler.handlers.update({
            "claimkit_ledger_open": self.open,
            "claimkit_ledger_reserve": self.reserve,
            "claimkit_ledger_settle": self.settle,
            "claimkit_ledger_close": self.close_run,
        })

    def open(self, name: str, rpm: float | None, tpm: float | None,
             max_cost: float | None, burst: float) -> None:
        self.ledgers.setdefault(name, Ledger.of(RateLimit(name, rpm, tpm, max_cost, burst)))

    def reserve(self, name: str, tokens: float, cost: float) -> float | None:
        return self.ledgers[name].reserve(tokens, cost, time.monotonic())

    def settle(self, name: str, tokens_delta: float, cost: float, reserved_cost: float) -> None:
        ledger = self.ledgers.get(name)
        if ledger is not None:
            ledger.settle(tokens_delta, cost, reserved_cost)

    def close_run(self, name: str) -> dict[str, float]:
        ledger = self.ledgers.pop(name, None)
        if ledger is None:
            return {}
        return {"spent": ledger.spent, "refused": ledger.refused}


def open_ledger(client: Any, limit: RateLimit) -> None:
    """Register the plugin (once per scheduler) and open the run's ledger."""
    from claimkit.errors import ConfigError

    try:
        client.register_plugin(LedgerPlugin(), name=PLUGIN_NAME)
    except Exception as exc:  # noqa: BLE001 - e.g. claimkit missing on the scheduler
        raise ConfigError(
            "the cluster-wide limits (--rpm, --tpm, --max-cost) run on the Dask scheduler: "
            f"install claimkit where the scheduler runs ({type(exc).__name__}: {exc})"
        ) from None
    client.sync(client.scheduler.claimkit_ledger_open, name=limit.name, rpm=limit.rpm,
                tpm=limit.tpm, max_cost=limit.max_cost, burst=limit.burst)


def close_ledger(client: Any, limit: RateLimit) -> dict[str, float]:
    """Drop the run's ledger from the scheduler; its spend and refusals."""
    result: dict[str, float] = client.sync(client.scheduler.claimkit_ledger_close,
                                           name=limit.name)
    return result
