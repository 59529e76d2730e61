"""Which claims can affect each other: link keys, and the closed components they make.

Two claims can change each other's groups or findings only when they share
a **link key** (or are joined through a chain of claims that do). A
connected component of the graph "claims sharing a key" is therefore closed:
validated alone (its claims in corpus order, with the corpus's actor labels)
it gives the same groups and findings as inside the whole corpus. A claim
store can keep the keys and re-validate only the components a new article
touches; a distributed engine can partition by component.

The keys follow the grouping rules of :mod:`claimkit.consistency.grouping`,
made coarser where that is simpler, never finer:

- ``i|ID``: the claim id (the integrity check reports an id used twice);
- ``s|ACTOR|OBJECT``: a stance (one actor for and against one thing, any type, any year);
- ``p|TYPE|ACTOR|OBJECT``: a position block (split by year, recipients and
  consequences inside; those are finer, so not part of the key);
- ``u|DOC``: a claim whose date cannot be anchored (words and no value, or
  resolved against a publication date its article lacks): the time check
  lists a document's such claims in one finding;
- ``d|DOC``: every claim of a document without a publication date: its
  claims of unknown year are placed in time together, from its own dated
  claims and from the positions it shares with other articles (see
  :mod:`claimkit.consistency.placement`), so they stand or fall together;
- ``e|TYPE|@PLACE|DAY``, ``e|TYPE|PARTICIPANT|DAY``: an "event" claim, filed on
  each day its date allows and the day after (events join clusters one day
  apart); ``e|TYPE|=PARTICIPANT|DAY``: a claim naming a place, on its own day;
- ``r|TYPE|DOC|PLACE``: an "event" claim naming its place and two or more
  participants: a document's restatements of one meeting join one group.

A key is *active* or *passive* (``~`` before it): claims sharing a key are
linked only when at least one of them holds it actively. An event naming its
place finds a cluster through a participant on another day only when the
cluster names no place; so two placed meetings of Russia on consecutive days
are not linked by Russia, while a place-less report of a Russian meeting links
every meeting of Russia on its day and the days either side.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimkit.consistency.grouping import ClaimInfo, undated_span

__all__ = ["MAX_EVENT_DAYS", "DisjointSets", "link_components", "link_keys"]

#: a year-dated event is filed on every day of its year: at most this many days
MAX_EVENT_DAYS = 400


def link_keys(info: ClaimInfo) -> frozenset[str]:
    """The link keys of one claim (see the module docstring).

    ``info`` comes from :func:`claimkit.consistency.build_context` (``group=False``
    is enough: keys do not depend on other documents).
    """
    return frozenset(_keys(info))


def _keys(info: ClaimInfo) -> Iterator[str]:
    c = info.claim
    if c.id:
        yield f"i|{c.id}"
    doc = info.document
    if _unanchored(info):
        yield f"u|{info.doc}"
    if doc is not None and doc.published is None:
        yield f"d|{info.doc}"
    traits = info.traits
    if info.obj is not None:
        for a in info.actors:
            yield f"s|{a}|{info.obj}"
    if traits.grouping == "event":
        yield from _event_keys(info)
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


def _event_keys(info: ClaimInfo) -> Iterator[str]:
    if info.loc and len(info.parts) >= 2:  # a document's restatements of one meeting
        yield f"r|{info.type}|{info.doc}|{info.loc}"
    span = info.date or undated_span(info)
    if span is None:
        return
    lo, hi = span[0], min(span[1], span[0] + MAX_EVENT_DAYS)
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


class DisjointSets:
    """Union-find over any integers (claim seqs, roots), made as they are met; a
    component is named by its smallest member."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        """Join the components of ``a`` and ``b``; the root of the joined one."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)


def link_components(keys: Iterable[Iterable[str]]) -> list[int]:
    """The component of each claim, given each claim's link keys, in order.

    Claims sharing an active key, or a passive key (``~``) with a claim
    holding it actively, are in one component (union-find, near-linear).
    Returns, per claim, the index of the first claim of its component.
    """
    parent: list[int] = []
    active: dict[str, int] = {}
    passive: dict[str, list[int]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for i, ks in enumerate(keys):
        parent.append(i)
        for k in ks:
            if k.startswith("~"):
                k = k[1:]
                if k in active:
                    union(active[k], i)
                else:
                    passive.setdefault(k, []).append(i)
            elif k in active:
                union(active[k], i)
            else:
                active[k] = i
                for j in passive.pop(k, ()):
                    union(i, j)
    return [find(i) for i in range(len(parent))]
