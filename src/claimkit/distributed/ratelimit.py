"""Limits for the whole cluster (requests and tokens per minute, a spend cap), and
several endpoints load-balanced.

**Where the limits live**: in one :class:`Ledger` per run, kept by the Dask
scheduler (a scheduler plugin, :mod:`claimkit.distributed._plugin`, that the
client registers for the run: claimkit must be installed where the scheduler
runs). Every HTTP attempt (retries included) asks the ledger first, in one
round trip, and the ledger answers how long to wait before sending, or that
the spend cap is reached. After the reply, the worker tells the ledger the
tokens and cost the reply's ``usage`` reports.

**The rates** are leaky buckets in virtual time (the generic cell rate
algorithm, weighted): a request of weight ``w`` is given the earliest start at
which the bucket, draining at the rate, holds it with at most ``burst``
seconds of the rate in it. So over any interval of ``D`` seconds at most
``rate * (D + burst)`` starts. For requests the weight is 1. For tokens it
is an estimate made before sending (the request's bytes times the tokens per
byte the replies have shown so far on this worker, the prompt's estimate
before the first reply); once the reply says how many tokens the request
really took, the bucket is corrected by the difference, so in the long run
the *reported* tokens, not the estimates, follow the limit.

**The spend cap** (``max_cost``, USD): each request reserves its estimated
cost; a request whose reservation would pass the cap, with the spend so far
and the reservations in flight, is refused (the document becomes a ``budget``
failure, redone by a rerun with a higher cap); the reply's priced usage then
replaces the estimate.

**Endpoints**: with several base URLs, each request goes to the endpoint with
the fewest requests in flight from this worker (ties: the first listed), so
faster replicas get more of the work.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from claimkit.errors import BackendError, BudgetExceeded, ConfigError
from claimkit.extract.llm.openai import OpenAIBackend

__all__ = ["Bucket", "ClusterOpenAIBackend", "Ledger", "RateLimit", "Ticket"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimit:
    """The cluster-wide limits of one run (any of them may be None).

    Args:
        name: the run's ledger on the scheduler (unique per run).
        rpm: requests per minute.
        tpm: tokens per minute (prompt and completion, as the replies report them).
        max_cost: USD; requests stop once the spend (priced usage) would pass it.
        burst: seconds of each rate that may start at once.
    """

    name: str
    rpm: float | None = None
    tpm: float | None = None
    max_cost: float | None = None
    burst: float = 1.0

    def __post_init__(self) -> None:
        for flag, value in (("--rpm", self.rpm), ("--tpm", self.tpm)):
            if value is not None and (value <= 0 or not math.isfinite(value)):
                raise ConfigError(f"{flag} must be a positive number, not {value}")
        if self.max_cost is not None and (self.max_cost < 0 or not math.isfinite(self.max_cost)):
            raise ConfigError(f"--max-cost must be zero or more, not {self.max_cost}")
        if self.burst <= 0:
            raise ConfigError(f"the burst must be positive, not {self.burst}")

    def describe(self) -> str:
        """``at most 1,200 requests/min, 400,000 tokens/min, $5 cluster-wide``."""
        parts = [f"{_num(self.rpm)} requests/min" if self.rpm else "",
                 f"{_num(self.tpm)} tokens/min" if self.tpm else "",
                 f"${self.max_cost:g}" if self.max_cost is not None else ""]
        return "at most " + ", ".join(p for p in parts if p) + " cluster-wide"


def _num(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:g}"


class Bucket:
    """A leaky bucket in virtual time: ``per_second`` units drain each second, and
    a reservation may start once the bucket holds it with at most ``burst``
    seconds' worth in it. ``tat`` is the time at which the bucket is empty."""

    def __init__(self, per_second: float, burst: float) -> None:
        self.per_second = per_second
        self.capacity = per_second * burst
        self.tat = -math.inf

    def reserve(self, weight: float, now: float) -> float:
        """The start time of ``weight`` units asked at ``now`` (booked)."""
        tat = max(self.tat, now)
        # a weight above the capacity starts alone, once the bucket is empty
        start = max(now, tat - max(0.0, self.capacity - weight) / self.per_second)
        self.tat = tat + weight / self.per_second
        return start

    def correct(self, delta: float) -> None:
        """Add (or give back) ``delta`` units booked earlier."""
        self.tat += delta / self.per_second


@dataclass
class Ledger:
    """One run's limits and spend, on the scheduler (time given by the caller)."""

    requests: Bucket | None
    tokens: Bucket | None
    max_cost: float | None
    spent: float = 0.0
    reserved: float = 0.0
    refused: int = 0

    @classmethod
    def of(cls, limit: RateLimit) -> Ledger:
        return cls(Bucket(limit.rpm / 60.0, limit.burst) if limit.rpm else None,
                   Bucket(limit.tpm / 60.0, limit.burst) if limit.tpm else None,
                   limit.max_cost)

    def reserve(self, tokens: float, cost: float, now: float) -> float | None:
        """Seconds to wait before sending a request of about ``tokens`` tokens and
        ``cost`` USD, or None when the spend cap refuses it."""
        if self.max_cost is not None and self.spent + self.reserved + cost > self.max_cost:
            self.refused += 1
            return None
        self.reserved += cost
        start = now
        if self.requests is not None:
            start = max(start, self.requests.reserve(1, now))
        if self.tokens is not None:
            start = max(start, self.tokens.reserve(tokens, now))
        return start - now

    def settle(self, tokens_delta: float, cost: float, reserved_cost: float) -> None:
        """A reply's real tokens (minus the estimate) and cost replace the reservation's."""
        if self.tokens is not None:
            self.tokens.correct(tokens_delta)
        self.reserved = max(0.0, self.reserved - reserved_cost)
        self.spent += cost


@dataclass
class Ticket:
    """What one attempt reserved."""

    tokens: float
    cost: float


@dataclass
class _Guess:
    """Tokens and cost per byte of request, learnt from this worker's replies."""

    tokens: float = 0.0
    cost: float = 0.0
    size: int = 0

    def learnt(self, body: bytes) -> tuple[float, float] | None:
        """The tokens and cost of ``body`` at the rates seen so far (None before any)."""
        if not self.size:
            return None
        return len(body) * self.tokens / self.size, len(body) * self.cost / self.size

    def learn(self, body: bytes, tokens: int, cost: float) -> None:
        self.tokens += tokens
        self.cost += cost
        self.size += len(body)


@dataclass
class _Limiter:
    """The worker's side of the run's ledger (calls the scheduler's handlers from
    the task's event loop through the worker's own connection to the scheduler)."""

    limit: RateLimit
    model: str
    prices: dict[str, dict[str, float]]
    reply_tokens: int
    guess: _Guess = field(default_factory=_Guess)

    def __post_init__(self) -> None:
        if self.limit.max_cost is not None and self._cost(1, 1, check=False) is None:
            raise ConfigError(
                f"--max-cost needs a price for the model {self.model!r}: add it to a JSON "
                "file named by CLAIMKIT_PRICES (see docs/llm.md)"
            )

    async def _call(self, op: str, **kwargs: Any) -> Any:
        import distributed

        worker: Any = distributed.get_worker()
        handler = getattr(worker.scheduler, op)
        done = asyncio.run_coroutine_threadsafe(handler(name=self.limit.name, **kwargs),
                                                worker.loop.asyncio_loop)
        return await asyncio.wrap_future(done)

    def _cost(self, prompt: float, completion: float, check: bool = True) -> float | None:
        """USD of a request (0 without a spend cap; None without a price, when not
        ``check``)."""
        from claimkit.extract.llm.settings import estimate_cost
        from claimkit.schemas import Usage

        if self.limit.max_cost is None:
            return 0.0
        usage = Usage(prompt_tokens=int(prompt), completion_tokens=int(completion))
        cost = estimate_cost(self.model, usage, self.prices)
        return cost if not check else cost or 0.0

    def estimate(self, body: bytes) -> Ticket:
        """The tokens and cost ``body`` will take: at the rates this worker's replies
        showed; before the first reply, the prompt's upper estimate and, for the cost,
        a reply of a third of it (at most ``reply_tokens``, the request's cap), as
        the one-process ``--max-cost`` estimates a document before any reply."""
        learnt = self.guess.learnt(body)
        if learnt is not None:
            return Ticket(*learnt)
        from claimkit.extract.llm.context import estimate_tokens

        prompt = float(estimate_tokens(body.decode("utf-8", "replace")))
        return Ticket(prompt, self._cost(prompt, min(prompt / 3, self.reply_tokens)) or 0.0)

    async def before(self, body: bytes) -> Ticket:
        """Wait until the request may be sent (or raise BudgetExceeded)."""
        ticket = self.estimate(body)
        try:
            delay = await self._call("claimkit_ledger_reserve", tokens=ticket.tokens,
                                     cost=ticket.cost)
        except Exception as exc:  # noqa: BLE001 - the document fails, the run goes on
            raise BackendError(f"the cluster's rate limiter did not answer "
                               f"({type(exc).__name__}: {exc})") from exc
        if delay is None:
            raise BudgetExceeded(f"not sent: the cluster's spend would pass --max-cost "
                                 f"{self.limit.max_cost:g}; rerun with a higher limit")
        if delay > 0:
            await asyncio.sleep(delay)
        return ticket

    async def after(self, ticket: Ticket, body: bytes, reply: bytes | None) -> None:
        """Tell the ledger what the reply used (nothing for a failed attempt)."""
        prompt, completion = _usage(reply)
        cost = self._cost(prompt, completion) or 0.0
        if reply is not None and prompt + completion:
            self.guess.learn(body, prompt + completion, cost)
        try:
            await self._call("claimkit_ledger_settle", tokens_delta=prompt + completion
                             - ticket.tokens, cost=cost, reserved_cost=ticket.cost)
        except Exception as exc:  # noqa: BLE001 - a lost correction must not fail the document
            log.warning("rate limit: a reply's usage did not reach the scheduler (%s: %s)",
                        type(exc).__name__, exc)


def _usage(reply: bytes | None) -> tuple[int, int]:
    """Prompt and completion tokens of a reply (0, 0 when it says none)."""
    if not reply:
        return 0, 0
    try:
        usage = json.loads(reply).get("usage") or {}
        return int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    except (ValueError, AttributeError, TypeError):
        return 0, 0


class ClusterOpenAIBackend(OpenAIBackend):
    """The openai backend with the cluster's limits and several endpoints, through
    the transport hook :meth:`OpenAIBackend.post`.

    Built as :class:`OpenAIBackend` (``from_options``), then :meth:`configure`\\ d.
    """

    _limiter: _Limiter | None = None
    _others: tuple[OpenAIBackend, ...] = ()
    _in_flight: list[int]
    _turn: int = 0

    def configure(self, limit: RateLimit | None, endpoints: Sequence[str]) -> None:
        """Set the limits and the endpoints (the first is the settings' base URL)."""
        self._limiter = (_Limiter(limit, self.settings.model, self.prices, self.budget().reply)
                         if limit else None)
        self._others = tuple(
            OpenAIBackend(dataclasses.replace(self.settings, base_url=url), cache=False,
                          types=self.types)
            for url in endpoints[1:]
        )
        self._in_flight = [0] * (1 + len(self._others))
        self._turn = 0

    def describe(self) -> str:
        more = self._others
        extra = f" and {len(more)} more endpoint(s)" if more else ""
        return super().describe() + extra

    def pick_endpoint(self) -> int:
        """The index of the endpoint with the fewest requests in flight; ties go round
        robin. Under a rate limit requests seldom overlap, so every endpoint is idle at
        each choice, and without the rotation the first one would get them all."""
        least = min(self._in_flight)
        idle = [k for k, busy in enumerate(self._in_flight) if busy == least]
        self._turn += 1
        return idle[self._turn % len(idle)]

    async def post(self, body: bytes) -> bytes:
        """Wait for the cluster's limits, then post to the least busy endpoint."""
        ticket = await self._limiter.before(body) if self._limiter is not None else None
        i = self.pick_endpoint()
        self._in_flight[i] += 1
        reply: bytes | None = None
        try:
            reply = await (super().post(body) if i == 0 else self._others[i - 1].post(body))
        finally:
            self._in_flight[i] -= 1
            if ticket is not None and self._limiter is not None:
                await self._limiter.after(ticket, body, reply)
        return reply

    async def aclose(self) -> None:
        for other in self._others:
            await other.aclose()
        await super().aclose()
