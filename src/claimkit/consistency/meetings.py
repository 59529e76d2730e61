"""The meeting clusters of a corpus, kept up to date as claims are added in corpus order.

:func:`~claimkit.consistency.grouping.group_context` clusters the claims of
"event" types (meetings) in two passes. Reports dated to a day are filed in
corpus order: each joins the first compatible cluster filed on its day or the
day either side under its place or participants, or opens one; a later claim
never moves them. Reports dated by month or year, and undated ones (the week
before their article's publication), come after every day-dated one: each
joins the one best-fitting day cluster of its days, else the first interval
cluster of its place it fits, else opens one. Joining widens a cluster (its
documents, participants, places), so their choices depend on the day
clusters *and* on the interval-dated reports placed before them, and a later
day-dated report can move an old month-dated one
(``tests/test_consistency_order.py``).

:class:`MeetingClusters` keeps the day clusters as the day-dated reports
alone make them (per partition: type and further key fields; per day, place
and participant the clusters filed), the interval-dated reports (their
partition, days, document, place and participants, the day clusters they
looked at, where they went), the claims left alone and the restatements of
one article's meeting. An update files the new day-dated reports, then places
again, in corpus order, the new interval-dated reports and the old ones whose
choice can change: those looking at a day cluster a new report changed (with
a place, only clusters of their place: joining never adds a place), and,
after each report that changes group, the later ones it can move (those
looking at the day cluster it left or joined; those of its place whose days
overlap its own or its interval cluster's opener's). A report that keeps its
group changes nothing for the others: a cluster is the union of its members.
Each is placed from the clusters as the reports before it left them (the
day-dated reports, and the interval-dated members before it). A partition
with more reports at one place than the search's bound (which counts the
interval clusters of every time) is placed again from its closure instead.
:meth:`MeetingClusters.groups` then gives the
groups and members the grouping gives on all the claims, in its member order
(tested on random corpora cut at random points, through :meth:`dump` and
:meth:`load`), and :meth:`update` says which old claims moved.

Claims are named by refs, their place in corpus order (``ClaimInfo.idx`` in
memory, ``claims.seq`` in a store); an update takes whole documents (an
article's restatements are found among its own claims).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimkit.consistency.grouping import (
    MAX_CANDIDATES,
    ClaimInfo,
    Context,
    _candidates,
    _Cluster,
    _Day,
    best_day_cluster,
    clustered,
    day_cluster,
    enlarge,
    event_partition,
    file_on_day,
    interval_cluster,
    new_day_cluster,
    new_interval_cluster,
    restatements,
    undated_span,
)
from claimkit.consistency.summaries import next_ref

__all__ = ["MeetingClusters", "MeetingUpdate"]

#: a partition of the clusters: the claim type and its further key fields' keys
Partition = tuple[str, tuple[str | None, ...]]


@dataclass(slots=True)
class _Report:
    """A report dated by month or year, or undated: placed after the day clusters."""

    ref: int
    part: int
    lo: int
    hi: int
    doc: str
    loc: str | None
    parts: frozenset[str]
    #: the first claim of the group it is in
    target: int = -1
    #: whether its search stopped at MAX_CANDIDATES (the "limit" finding counts it)
    capped: bool = False
    #: the day clusters (their first claims) it looked at, in the order it did
    looked: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class MeetingUpdate:
    """What an update changed for claims added before it."""

    #: old claims now in another group (named by its first claim)
    moved: list[int]
    #: how many old interval-dated reports were placed again (moved or not)
    replaced: int


def _month(day: int) -> int:
    d = dt.date.fromordinal(day)
    return d.year * 12 + d.month - 1


def _months(lo: int, hi: int) -> range:
    return range(_month(lo), _month(hi) + 1)


@dataclass
class MeetingClusters:
    """The meeting clusters of the claims added so far (see the module docstring)."""

    partitions: dict[Partition, int] = field(default_factory=dict)
    #: the day clusters as the day-dated reports make them, by first claim
    clusters: dict[int, _Cluster] = field(default_factory=dict)
    #: the day-dated members of each day cluster, in corpus order
    members: dict[int, list[int]] = field(default_factory=dict)
    #: per partition, per day: the clusters filed by place and by participant
    index: dict[int, dict[int, _Day]] = field(default_factory=dict)
    #: the interval-dated reports by ref, in corpus order
    reports: dict[int, _Report] = field(default_factory=dict)
    alone: list[int] = field(default_factory=list)
    #: (claim, the claim of its article it restates), in the grouping's order
    restated: list[tuple[int, int]] = field(default_factory=list)
    #: day-dated claims whose search stopped at MAX_CANDIDATES
    capped_days: list[int] = field(default_factory=list)
    collectives: set[str] = field(default_factory=set)
    #: every participant key met (a collective met before changes old choices)
    seen: set[str] = field(default_factory=set)
    last_ref: int = -1
    _looking: dict[int, set[int]] = field(default_factory=dict)
    _filed: dict[tuple[int, int, str], set[int]] = field(default_factory=dict)
    _per_place: dict[tuple[int, str], int] = field(default_factory=dict)
    #: per cluster (day or interval: its first claim) its interval-dated members, in order
    _joined: dict[int, list[int]] = field(default_factory=dict)

    def update(self, ctx: Context, infos: Sequence[ClaimInfo],
               refs: Sequence[int] | None = None) -> MeetingUpdate:
        """Add the claims of whole documents, in corpus order (``refs``: their places in
        it, else ``ClaimInfo.idx``); the event types' claims are clustered, the rest
        ignored.

        Raises:
            ValueError: a ref does not come after every ref added before.
        """
        refs = [x.idx for x in infos] if refs is None else list(refs)
        for ref in refs:
            self.last_ref = next_ref(self.last_ref, ref)
        seeds = self._new_collectives(ctx, infos)
        extras: dict[str, tuple[str, ...]] = {}
        restated = restatements(ctx, infos, extras)
        maybe: set[int] = set()
        for i, info in enumerate(infos):
            if info.traits.grouping == "event" and i not in restated:
                seeds |= self._add(ctx, refs[i], info, extras, maybe)
        seeds |= self._crowded(maybe - seeds)
        crowded = {p for (p, _), n in self._per_place.items() if n > MAX_CANDIDATES}
        if crowded & {self.reports[ref].part for ref in seeds}:
            again = self._closure(seeds)
            was = {ref: self.reports[ref].target for ref in again}
            self._place(again)
        else:
            was = self._propagate(seeds)
        old = {ref: target for ref, target in was.items() if target >= 0}
        moved = {ref for ref, target in old.items() if self.reports[ref].target != target}
        self.restated.extend((refs[i], refs[first]) for i, first in restated.items())
        moved |= {ref for ref, first in self.restated if first in moved}
        return MeetingUpdate(sorted(moved), len(old))

    def _new_collectives(self, ctx: Context, infos: Iterable[ClaimInfo]) -> set[int]:
        """Learn the collectives the new claims name; the old reports a collective met
        before (as a participant) may place differently now."""
        new = {k for x in infos for k in x.parts if k in ctx.collectives} - self.collectives
        self.collectives |= new
        again = new & self.seen
        if not again:
            return set()
        return {ref for ref, r in self.reports.items()
                if again & r.parts or any(again & self.clusters[g].parts for g in r.looked)}

    def _add(self, ctx: Context, ref: int, info: ClaimInfo,
             extras: dict[str, tuple[str, ...]], maybe: set[int]) -> set[int]:
        """File one claim; the old interval-dated reports it may move (and itself, when
        it is one); into ``maybe`` those that look at one more cluster they cannot join."""
        values = event_partition(ctx, info, extras)
        span = clustered(info, info.date or undated_span(info), values)
        if span is None:
            self.alone.append(ref)
            return set()
        self.seen |= info.parts
        part = self.partitions.setdefault((info.type, values), len(self.partitions))
        lo, hi, kind = span
        if kind != "day":
            self._file_report(_Report(ref, part, lo, hi, info.doc, info.loc, info.parts))
            return {ref}
        cl = self.clusters[self._file_day(ref, part, lo, info)]
        # those that looked at the cluster, and those that may now (filed under its keys)
        looking = set(self._looking.get(cl.gid, ())).union(*(
            (x for x in self._filed.get((part, _month(lo), k), ())
             if self.reports[x].lo <= lo <= self.reports[x].hi) for k in _keys(info)))
        seeds: set[int] = set()
        for x in looking:
            (maybe if self._relevant(self.reports[x], cl) is False else seeds).add(x)
        return seeds

    def _relevant(self, r: _Report, cl: _Cluster) -> bool | None:
        """Whether the state of day cluster ``cl`` can decide where ``r`` goes: not when
        ``r`` names a place ``cl`` does not have (joining never adds one: a report with a
        place joins only clusters of it); None: ``r``'s search stopped at the bound, so
        only how many clusters it looks at counts."""
        if len(r.looked) > MAX_CANDIDATES:
            return None
        return not r.loc or r.loc in cl.locs

    def _crowded(self, maybe: set[int]) -> set[int]:
        """Of reports that look at new clusters they cannot join, those now looking at
        more than the bound (their search stops: that they fitted nothing can change)."""
        out: set[int] = set()
        for ref in maybe:
            r = self.reports[ref]
            self._look(r)
            if len(r.looked) > MAX_CANDIDATES:
                out.add(ref)
        return out

    def _file_day(self, ref: int, part: int, day: int, info: ClaimInfo) -> int:
        by_day = self.index.setdefault(part, {})
        cl, capped = day_cluster(_candidates(info, (day, day - 1, day + 1), by_day), info, day)
        if capped:
            self.capped_days.append(ref)
        if cl is None:
            cl = self.clusters[ref] = new_day_cluster(ref, info, day)
            self.members[ref] = [ref]
        else:
            enlarge(cl, info)
            cl.lo, cl.hi = min(cl.lo, day), max(cl.hi, day)
            self.members[cl.gid].append(ref)
        file_on_day(by_day, day, info, cl)
        return cl.gid

    def _file_report(self, r: _Report) -> None:
        self.reports[r.ref] = r
        for key in _keys(r):
            for m in _months(r.lo, r.hi):
                self._filed.setdefault((r.part, m, key), set()).add(r.ref)
        place = (r.part, r.loc or "")
        self._per_place[place] = self._per_place.get(place, 0) + 1

    def _look(self, r: _Report) -> None:
        """The day clusters a report looks at now (they only grow as day reports come)."""
        found = _candidates(r, range(r.lo, r.hi + 1), self.index.get(r.part, {}))
        self._look_at(r, tuple(cl.gid for _, cl in zip(range(MAX_CANDIDATES + 1), found,
                                                     strict=False)))

    def _closure(self, seeds: set[int]) -> list[int]:
        """The reports to place again: ``seeds`` and, closing over, every report sharing
        a day cluster both can join (see :meth:`_relevant`), or a place and days (an
        interval cluster both can join), with one of them."""
        todo, dirty = list(seeds), set()
        crowded: set[int] = set()
        while todo:
            ref = todo.pop()
            if ref in dirty:
                continue
            dirty.add(ref)
            r = self.reports[ref]
            self._look(r)
            for gid in r.looked:
                cl = self.clusters[gid]
                if self._relevant(r, cl):
                    todo.extend(x for x in self._looking[gid]
                                if self._relevant(self.reports[x], cl) is not False)
            for m in _months(r.lo, r.hi):  # an interval cluster lies in each member's days
                todo.extend(x for x in self._filed.get((r.part, m, _place_key(r.loc)), ())
                            if self.reports[x].lo <= r.hi and self.reports[x].hi >= r.lo)
            if self._per_place[(r.part, r.loc or "")] > MAX_CANDIDATES and r.part not in crowded:
                # so many interval clusters at one place that the search stops at the first
                # MAX_CANDIDATES of them, whatever their time: their whole partition again
                crowded.add(r.part)
                todo.extend(x.ref for x in self.reports.values() if x.part == r.part)
        return sorted(dirty)

    def _propagate(self, seeds: set[int]) -> dict[int, int]:
        """Place the seeds again in corpus order, and after each report that changes
        group the later reports it can move: those that can join the day cluster it left
        or joined (see :meth:`_relevant`), and those of its place whose days overlap its
        own (the interval clusters); a report that keeps its group changes nothing for the
        others (a cluster is the union of its members). Their groups before."""
        heap, was = sorted(seeds), {}
        while heap:
            ref = heapq.heappop(heap)
            if ref in was:
                continue
            r = self.reports[ref]
            was[ref] = before = r.target
            self._look(r)
            self._place_one(r)
            if r.target != before:
                self._retarget(r, before)
                for x in self._affected(r, before):
                    if x > ref:  # an earlier report was placed before this one either way
                        heapq.heappush(heap, x)
        return was

    def _affected(self, r: _Report, before: int) -> set[int]:
        out: set[int] = set()
        for t in {before, r.target} - {-1}:
            cl = self.clusters.get(t)
            if cl is None:  # an interval cluster: its days lie in its opener's and in r's
                out.update(self._overlapping(r), self._overlapping(self.reports[t]))
            else:
                out.update(x for x in self._looking.get(t, ())
                           if self._relevant(self.reports[x], cl) is not False)
        return out

    def _overlapping(self, r: _Report) -> set[int]:
        """The reports of ``r``'s partition and place (or no place) whose days overlap its."""
        key = _place_key(r.loc)
        return {x for m in _months(r.lo, r.hi) for x in self._filed.get((r.part, m, key), ())
                if self.reports[x].lo <= r.hi and self.reports[x].hi >= r.lo}

    def _place_one(self, r: _Report) -> None:
        """Place one report as the grouping does, from the day clusters and the interval
        clusters as the reports before it left them."""
        cands = [self._state_at(gid, r.ref) for gid in r.looked]
        cl, capped = best_day_cluster(cands, r, r.lo, r.hi, self.collectives)
        if cl is not None:
            r.target, r.capped = cl.gid, capped
            return
        cl, more = interval_cluster(self._intervals_at(r), r, r.lo, r.hi, self.collectives)
        r.capped = capped or more
        r.target = r.ref if cl is None else cl.gid

    def _state_at(self, gid: int, ref: int) -> _Cluster:
        """Day cluster ``gid`` as the interval-dated reports before ``ref`` left it."""
        c = self.clusters[gid]
        cl = _Cluster(gid, set(c.docs), set(c.locs), set(c.parts), c.lo, c.hi)
        for j in self._joined.get(gid, ()):
            if j >= ref:
                break
            enlarge(cl, self.reports[j])
        return cl

    def _intervals_at(self, r: _Report) -> list[_Cluster]:
        """The interval clusters of ``r``'s place that reports before it opened and whose
        members' days overlap its own (no other can fit it), in the order opened."""
        openers = {t for x in self._overlapping(r) if x < r.ref
                   and (t := self.reports[x].target) >= 0 and t not in self.clusters}
        out = []
        for t in sorted(openers):
            first = self.reports[t]
            cl = new_interval_cluster(t, first, first.lo, first.hi)
            for j in self._joined[t][1:]:
                if j >= r.ref:
                    break
                x = self.reports[j]
                enlarge(cl, x)
                cl.lo, cl.hi = max(cl.lo, x.lo), min(cl.hi, x.hi)
            out.append(cl)
        return out

    def _retarget(self, r: _Report, before: int) -> None:
        """Keep each cluster's interval-dated members (in corpus order) as ``r`` moves."""
        if before >= 0:
            self._joined[before].remove(r.ref)
        bisect.insort(self._joined.setdefault(r.target, []), r.ref)

    def _place(self, refs: list[int]) -> None:
        """Place these reports again, in corpus order, as the grouping places them."""
        work: dict[int, _Cluster] = {}  # copies of the day clusters they join
        coarse: dict[tuple[int, str], list[_Cluster]] = {}
        for ref in refs:
            r = self.reports[ref]
            before = r.target
            self._place_fresh(r, work, coarse)
            if r.target != before:
                self._retarget(r, before)

    def _place_fresh(self, r: _Report, work: dict[int, _Cluster],
                     coarse: dict[tuple[int, str], list[_Cluster]]) -> None:
        """Place one report from the clusters of the reports placed again before it."""
        cands = [self._copy(work, gid) for gid in r.looked]
        cl, capped = best_day_cluster(cands, r, r.lo, r.hi, self.collectives)
        if cl is not None:
            enlarge(cl, r)
            r.target, r.capped = cl.gid, capped
            return
        filed = coarse.setdefault((r.part, r.loc or ""), [])
        cl, more = interval_cluster(filed, r, r.lo, r.hi, self.collectives)
        r.capped = capped or more
        if cl is None:
            filed.append(new_interval_cluster(r.ref, r, r.lo, r.hi))
            r.target = r.ref
        else:
            enlarge(cl, r)
            cl.lo, cl.hi = max(cl.lo, r.lo), min(cl.hi, r.hi)
            r.target = cl.gid

    def _copy(self, work: dict[int, _Cluster], gid: int) -> _Cluster:
        cl = work.get(gid)
        if cl is None:
            c = self.clusters[gid]
            cl = work[gid] = _Cluster(gid, set(c.docs), set(c.locs), set(c.parts), c.lo, c.hi)
        return cl

    def groups(self) -> dict[int, list[int]]:
        """The event groups, each by its first claim: its members in the grouping's order."""
        out = {gid: list(m) for gid, m in self.members.items()}
        out.update((ref, [ref]) for ref in self.alone)
        for ref, r in self.reports.items():
            out.setdefault(r.target, []).append(ref)
        where = {ref: g for g, m in out.items() for ref in m}
        for ref, of in self.restated:
            out[where[of]].append(ref)
        return out

    def capped(self) -> list[int]:
        """The claims whose search stopped at MAX_CANDIDATES (the "limit" finding's)."""
        return self.capped_days + [ref for ref, r in self.reports.items() if r.capped]

    def dump(self) -> dict[str, Any]:
        """The summary as JSON-able data (see :meth:`load`)."""
        return {
            "last": self.last_ref,
            "partitions": [[t, list(v)] for t, v in self.partitions],
            "clusters": [[g, c.lo, c.hi, sorted(c.docs), sorted(c.locs), sorted(c.parts),
                          self.members[g]] for g, c in self.clusters.items()],
            "index": [[p, d, [[k, [c.gid for c in b]] for k, b in by_loc.items()],
                       [[k, [c.gid for c in b]] for k, b in by_part.items()]]
                      for p, days in self.index.items() for d, (by_loc, by_part) in days.items()],
            "reports": [[r.ref, r.part, r.lo, r.hi, r.doc, r.loc, sorted(r.parts), r.target,
                         r.capped, list(r.looked)] for r in self.reports.values()],
            "alone": self.alone, "restated": [list(x) for x in self.restated],
            "capped": self.capped_days, "collectives": sorted(self.collectives),
            "seen": sorted(self.seen),
        }

    @classmethod
    def load(cls, data: dict[str, Any]) -> MeetingClusters:
        """The summary :meth:`dump` gave."""
        out = cls(last_ref=int(data["last"]), alone=list(data["alone"]),
                  restated=[(a, b) for a, b in data["restated"]], capped_days=list(data["capped"]),
                  collectives=set(data["collectives"]), seen=set(data["seen"]))
        out.partitions = {(t, tuple(v)): n for n, (t, v) in enumerate(data["partitions"])}
        for g, lo, hi, docs, locs, parts, members in data["clusters"]:
            out.clusters[g] = _Cluster(g, set(docs), set(locs), set(parts), lo, hi)
            out.members[g] = members
        for p, d, by_loc, by_part in data["index"]:
            out.index.setdefault(p, {})[d] = (
                {k: dict.fromkeys(out.clusters[g] for g in gs) for k, gs in by_loc},
                {k: dict.fromkeys(out.clusters[g] for g in gs) for k, gs in by_part})
        for ref, part, lo, hi, doc, loc, parts, target, capped, looked in data["reports"]:
            r = _Report(ref, part, lo, hi, doc, loc, frozenset(parts), target, capped, ())
            out._file_report(r)
            out._look_at(r, tuple(looked))
            out._joined.setdefault(target, []).append(ref)
        return out

    def _look_at(self, r: _Report, looked: tuple[int, ...]) -> None:
        r.looked = looked
        for gid in looked:
            self._looking.setdefault(gid, set()).add(r.ref)


def _place_key(loc: str | None) -> str:
    """The key interval clusters of a place are filed under (an empty place: "i:")."""
    return f"l:{loc}" if loc else "i:"


def _keys(r: _Report | ClaimInfo) -> list[str]:
    """What a report is filed under: its place, its participants, and (without a place)
    the interval clusters of no place."""
    return [_place_key(r.loc), *(f"p:{p}" for p in r.parts)]
