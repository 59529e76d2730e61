"""What the store keeps of each claim for validation: link keys and actor names.

Two claims can affect each other's findings only when they share a **link
key**: the keys are the validator's own, :func:`claimkit.consistency.links.link_keys`
(its module docstring lists them), so the store, a Dask run and the validator
agree on which claims can affect each other.

A connected component of the graph "claims sharing a key" is closed: its
findings are the same whether it is validated alone or with the whole
corpus, provided its claims are fed in corpus order and actor keys are
labelled as in the whole corpus (:data:`actor_names` keeps the first label
of each key). That is what makes incremental and streamed validation exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from claimkit.consistency import ClaimInfo, Context, build_context
from claimkit.consistency.links import link_keys
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import ClaimBase, DocumentClaims

__all__ = ["ClaimKeys", "key_claims"]

#: records keyed in one validator context (keys only: no grouping, whose cost grows with it)
_RECORDS_PER_CONTEXT = 256


@dataclass(frozen=True, slots=True)
class ClaimKeys:
    """The link keys of one claim and the (actor key, label) pairs it names, in order."""

    links: frozenset[str]
    names: tuple[tuple[str, str], ...]


def key_claims(
    records: Sequence[DocumentClaims],
    *,
    gazetteer: Gazetteer | None = None,
    places: Places | None = None,
) -> Iterator[ClaimKeys]:
    """The keys of every claim of ``records``, in order.

    Keys do not depend on other documents; the contexts are built without
    grouping (``group=False``), which the keys do not need.
    """
    gazetteer = gazetteer or Gazetteer.default()
    places = places or Places.default()
    for i in range(0, len(records), _RECORDS_PER_CONTEXT):
        part = records[i:i + _RECORDS_PER_CONTEXT]
        ctx = build_context(part, gazetteer=gazetteer, places=places, group=False)
        for info in ctx.infos:
            yield ClaimKeys(link_keys(info), tuple(_names(ctx, info)))


def _names(ctx: Context, info: ClaimInfo) -> Iterator[tuple[str, str]]:
    """The actors (then the participants) of a claim with their labels, as the validator meets them."""
    c: ClaimBase = info.claim
    for a in c.actor:
        yield ctx.keys.actor_key(a), a.label
    if info.traits.grouping == "event":
        for name in info.traits.participant_fields:
            value: Any = getattr(c, name, None)
            for a in value if isinstance(value, list) else (value,) if value is not None else ():
                yield ctx.keys.actor_key(a), a.label


def date_bounds(claim: ClaimBase) -> tuple[str | None, str | None]:
    """The first and last day a claim's date allows, ISO (None when undated or not a date)."""
    from claimkit.consistency.keys import parse_date

    value = claim.date.value if claim.date is not None else None
    span = parse_date(value) if value else None
    if span is None:
        return None, None
    return dt.date.fromordinal(span[0]).isoformat(), dt.date.fromordinal(span[1]).isoformat()
