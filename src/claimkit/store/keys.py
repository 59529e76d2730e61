"""What the store keeps of each claim for validation: link keys and actor names.

Two claims can affect each other's findings only when they share a **link
key**. The keys are derived from the validator's own blocking keys (through
the public :func:`claimkit.consistency.build_context`), made coarser where
that is simpler, never finer:

- ``i|ID``: the claim id (the integrity check reports an id used twice);
- ``u|DOC``: a claim whose date cannot be anchored (words and no value, or
  resolved against a publication date its article lacks): the time check
  lists a document's such claims in one finding;
- ``s|ACTOR|OBJECT``: a stance (one actor for and against one thing, any type, any year);
- ``p|TYPE|ACTOR|OBJECT``: a position block (split by year and recipients inside);
- ``e|TYPE|@PLACE|DAY``, ``e|TYPE|PARTICIPANT|DAY``: an "event" claim, filed on
  each day its date allows and the day after (a meeting joins clusters one day
  apart); ``e|TYPE|=PARTICIPANT|DAY``: a claim naming a place, on its own day.

A key is *active* or *passive* (``~`` before it): claims sharing a key are
linked only when at least one of them holds it actively. A meeting that
names its place finds a cluster through a participant on another day only
when the cluster names no place; so two placed meetings of Russia on
consecutive days are not linked by Russia, while a place-less report
of a Russian meeting links every meeting of Russia on its day and the
days either side.

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
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import ClaimBase, DocumentClaims

__all__ = ["ClaimKeys", "key_claims"]

#: days before publication an undated report of a past event may refer to
#: (at least the validator's ``UNDATED_LOOKBACK_DAYS``; wider only links more)
_UNDATED_DAYS = 7
#: records keyed in one validator context (keys only: no grouping, whose cost grows with it)
_RECORDS_PER_CONTEXT = 256
#: a year-dated event is filed on every day of its year: at most this many days
_MAX_DAYS = 400


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
            yield ClaimKeys(frozenset(_links(info)), tuple(_names(ctx, info)))


def _links(info: ClaimInfo) -> Iterator[str]:
    c = info.claim
    if c.id:
        yield f"i|{c.id}"
    if _unanchored(info):
        yield f"u|{info.doc}"
    traits = info.traits
    if info.obj is not None:
        for a in info.actors:
            yield f"s|{a}|{info.obj}"
    if traits.grouping == "event":
        yield from _event_links(info)
    elif traits.grouping != "none" and traits.event_key:
        key = traits.event_key
        want_obj = traits.object_field is not None and traits.object_field in key
        if want_obj and info.obj is None:
            return
        obj = info.obj if want_obj else "*"
        for a in info.actors if "actor" in key else ("*",):
            yield f"p|{c.type}|{a}|{obj}"


def _unanchored(info: ClaimInfo) -> bool:
    """Whether the time check reports the claim's date as unanchored (its own test)."""
    d = info.claim.date
    if d is None:
        return False
    doc = info.document
    res = getattr(d.resolution, "value", d.resolution)
    return bool(d.value is None and d.raw) or (
        res in ("relative", "publication") and doc is not None and doc.published is None)


def _event_links(info: ClaimInfo) -> Iterator[str]:
    """Keys of an "event" claim (see the module docstring; ``~`` marks a passive key)."""
    span = info.date
    if span is None:
        doc = info.document
        if doc is None or doc.published is None:
            return
        pub = doc.published.toordinal()
        span = (pub - _UNDATED_DAYS, pub, "undated")
    lo, hi = span[0], min(span[1], span[0] + _MAX_DAYS)
    t = info.type
    days = range(lo, hi + 2)
    if info.loc:
        for day in days:
            yield f"e|{t}|@{info.loc}|{day}"
    # A claim naming a place reaches clusters through participants only on its
    # own day (two places named for one meeting) or when the cluster names no
    # place; dated by an interval, it joins only clusters of its place. A claim
    # naming none reaches any cluster through participants, on its day and the
    # day either side (or its interval).
    probes = not info.loc
    for p in info.parts:
        if info.loc and span[2] == "day":
            yield f"e|{t}|={p}|{lo}"
        for day in days:
            yield f"e|{t}|{p}|{day}" if probes else f"~e|{t}|{p}|{day}"


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
