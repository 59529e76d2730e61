"""Summaries a check's findings are updated from, without re-reading the claims behind them.

:func:`~claimkit.consistency.stance.check_stance` compares every claim of an
(actor, object) key, all years. :class:`StanceSummary` keeps, per key and
"for" or "against" type, only what decides its findings: the recipients the
"for" claims name (a set that only grows), the first "for" claim of each
article and each day, the earliest and latest dated "for" claims, and the
"against" claims a narrowing field does not rule out (with the words of those
whose object may narrow it: a wider recipient set can make them comparable,
never the reverse). Claims are added in corpus order, in as many updates as
wanted; :meth:`StanceSummary.findings` then gives what ``check_stance`` gives
on all of them (tested on random corpora cut at random points). A summary is
plain data (:meth:`StanceSummary.dump`, :meth:`StanceSummary.load`), so a claim
store can keep it instead of the claims.

A claim is named by a *ref*, its place in corpus order (``ClaimInfo.idx`` in
memory, ``claims.seq`` in a store): refs must grow from one update to the next.

:class:`CorroborationSummary` does the same for one event group's
corroboration finding: per document its first and last report, the languages,
per outlet its first report (quote, document) and last one; the syndicated
copies are looked for when the finding is made, in the outlets' order. Its
"first" and "last" follow the group's member order, which is not corpus order
for every group (see the class), so each member comes with its place in it.

:class:`ConflictSummary` keeps one group's conflict findings: per field (and,
in a position group, per field and day) the start days and their first
members, the stated quantities, the named actors' shared keys and first
members, each value's first member and the classes met.

:class:`PositionSplits` keeps how one position block and year splits into
groups (per named position its sets, first claim and size), and says when a
new claim moves old ones (a second named position appearing: the block must
be grouped again).

:class:`IdsUsedTwice` keeps, per claim id, its first claim and a digest of
it: the integrity check's "claim id used by two different claims" findings
of later claims.

:class:`PlacementVotes` keeps what placing articles without a publication
date needs (:class:`~claimkit.consistency.placement.Placement`: per position
block the years known, per such article its blocks and dated claims) and the
years it gave, and says which old articles a new part places, moves or leaves
unplaced (their claims change year groups).

The meeting clusters have theirs in :mod:`claimkit.consistency.meetings`.
Without a summary yet: the rest of integrity, time and limits (per claim or
per document, so new documents need none, but for the count of capped
claims); see docs/store.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from claimkit.consistency.checks import (
    MAX_LISTED,
    _as_quoted,
    _conflict_plan,
    _disagree,
    _FieldCheck,
    _finding,
    _Text,
    _text,
    _vouches,
    corroboration_finding,
    date_conflict,
    id_used_twice,
    independent_outlets,
    named_actors,
    outlet_of,
    quantity_hit,
    quote_of,
    value_class,
)
from claimkit.consistency.grouping import (
    ClaimInfo,
    Context,
    _field_sets,
    _set_fields,
    first_fit,
    placement_of,
    split_label,
    unnamed_label,
)
from claimkit.consistency.keys import DateRange, KeyBuilder
from claimkit.consistency.models import Finding, FindingKind, Severity
from claimkit.consistency.placement import Placement
from claimkit.consistency.stance import (
    Said,
    _firm,
    _name_stems,
    _Recipients,
    extremes,
    file_for,
    narrows,
    other_actor_fields,
    recipients_named,
    same_time,
    stance_verdict,
)
from claimkit.schemas import ClaimTraits, Quantity, claim_model, claim_traits

__all__ = [
    "ConflictSummary",
    "CorroborationSummary",
    "IdsUsedTwice",
    "InContext",
    "PlacementVotes",
    "PositionSplits",
    "Resolver",
    "StanceSummary",
]

#: an (actor key, object key) of the stance check
StanceKey = tuple[str, str]


def next_ref(last: int, ref: int) -> int:
    """``ref``, the claim a summary takes after claim ``last``: summaries take claims in
    corpus order.

    Raises:
        ValueError: ``ref`` does not come after ``last``.
    """
    if ref <= last:
        raise ValueError(f"claim {ref} added after claim {last}: a summary takes claims in corpus order")
    return ref


class Resolver(Protocol):
    """What turns a summary's claims (refs) into findings."""

    def claim_info(self, ref: int) -> ClaimInfo:
        """The claim (for a finding's claim ids and spans)."""
        ...

    def name(self, key: str) -> str:
        """An actor key's display name (the corpus's first label)."""
        ...

    def group_id(self, ref: int) -> str | None:
        """The id of the first group the claim belongs to."""
        ...

    def compared_text(self, doc: str) -> _Text | None:
        """A document's text as syndication compares it (None: not loaded)."""
        ...


@dataclass(frozen=True, slots=True)
class InContext:
    """A :class:`Resolver` over one validation context (refs are ``ClaimInfo.idx``)."""

    ctx: Context

    def claim_info(self, ref: int) -> ClaimInfo:
        return self.ctx.infos[ref]

    def name(self, key: str) -> str:
        return self.ctx.name(key)

    def group_id(self, ref: int) -> str | None:
        return self.ctx.group_of(ref)

    def compared_text(self, doc: str) -> _Text | None:
        return _text(self.ctx, doc)


@dataclass(frozen=True, slots=True)
class _Ref:
    """What the stance finding needs of one claim: its article, date and firmness."""

    ref: int
    doc: str
    date: DateRange | None
    firm: bool


@dataclass(frozen=True, slots=True)
class _Words:
    """An "against" claim's free-phrase object, its actors' labels and keys."""

    what: str
    labels: tuple[str, ...]
    own: tuple[str, ...]


@dataclass(slots=True)
class _For:
    """The "for" claims of one type and key."""

    stems: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    unnamed: bool = False
    by_doc: dict[str, _Ref] = field(default_factory=dict)
    by_day: dict[int, _Ref] = field(default_factory=dict)
    ends: tuple[_Ref, _Ref] | None = None

    def add(self, p: _Ref) -> None:
        file_for(p, self.by_doc, self.by_day)
        if p.date is None:
            return
        if self.ends is None:
            self.ends = (p, p)
            return
        first, last = self.ends  # as a stable sort of every dated claim would have them
        self.ends = (p if p.date < (first.date or p.date) else first,
                     p if p.date >= (last.date or p.date) else last)

    def recipients(self, fields: tuple[str, ...]) -> _Recipients:
        return _Recipients(frozenset(self.stems), frozenset(self.keys),
                           self.unnamed or not fields)


@dataclass(slots=True)
class _Against:
    """The "against" claims of one type and key that no narrowing field rules out."""

    claims: list[_Ref] = field(default_factory=list)
    words: dict[int, _Words] = field(default_factory=dict)
    #: per "for" type: the worded claims found comparable; the recipients they were
    #: checked with and how many of ``claims`` were checked
    comparable: dict[str, set[int]] = field(default_factory=dict)
    checked: dict[str, tuple[_Recipients, int]] = field(default_factory=dict)

    def comparable_to(self, p_type: str) -> list[_Ref]:
        ok = self.comparable.get(p_type, set())
        return [r for r in self.claims if r.ref not in self.words or r.ref in ok]


@dataclass(slots=True)
class _Key:
    fors: dict[str, _For] = field(default_factory=dict)
    againsts: dict[str, _Against] = field(default_factory=dict)


class StanceSummary:
    """The stance check's findings, kept up to date as claims are added (see the module)."""

    def __init__(self, keys: KeyBuilder) -> None:
        self.keys = keys
        self.by_key: dict[StanceKey, _Key] = {}
        self.traits: dict[str, ClaimTraits] = {}
        self.last_ref = -1
        self._memo: dict[tuple[Any, ...], bool] = {}

    def update(self, infos: Iterable[ClaimInfo], refs: Sequence[int] | None = None) -> set[StanceKey]:
        """Add claims in corpus order (``refs``: their places, default ``ClaimInfo.idx``);
        the keys they touched.

        Raises:
            ValueError: a ref does not come after every ref added before.
        """
        touched: set[StanceKey] = set()
        for i, info in enumerate(infos):
            ref = info.idx if refs is None else refs[i]
            self.last_ref = next_ref(self.last_ref, ref)
            touched.update(self._add(ref, info))
        for key in touched:
            self._recheck(self.by_key[key])
        return touched

    def _add(self, ref: int, info: ClaimInfo) -> list[StanceKey]:
        obj, stance = info.obj, info.traits.stance
        if obj is None or obj.startswith(("~", "x:", "t:")) or stance is None:
            return []
        self.traits.setdefault(info.type, info.traits)
        item = _Ref(ref, info.doc, info.date, _firm(info))
        if stance == "for":
            actors, unnamed = recipients_named(info, other_actor_fields(info.traits))
            stems = _name_stems(a.label for a in actors)
            keys = self.keys.actor_keys(actors)
        elif any(getattr(info.claim, n, None) for n in info.traits.narrowing_fields):
            return []  # never comparable
        words = self._words(info)
        out = []
        for a in info.actors:
            state = self.by_key.setdefault((a, obj), _Key())
            out.append((a, obj))
            if stance == "for":
                side = state.fors.setdefault(info.type, _For())
                side.stems.update(stems)
                side.keys.update(keys)
                side.unnamed = side.unnamed or unnamed
                side.add(item)
            else:
                against = state.againsts.setdefault(info.type, _Against())
                against.claims.append(item)
                if words is not None:
                    against.words[ref] = words
        return out

    @staticmethod
    def _words(info: ClaimInfo) -> _Words | None:
        what = info.traits.object_field
        if what is None or info.traits.field_kinds.get(what) != "text":
            return None  # an enum or actors: no words to narrow it
        value = getattr(info.claim, what, None)
        if not isinstance(value, str):
            return None
        return _Words(value, tuple(a.label for a in info.claim.actor), info.actors)

    def _recheck(self, state: _Key) -> None:
        """Find which worded "against" claims the "for" claims' recipients now allow."""
        for p_type, side in state.fors.items():
            rec = side.recipients(other_actor_fields(self.traits[p_type]))
            for against in state.againsts.values():
                seen = against.checked.get(p_type)
                start = seen[1] if seen is not None and seen[0] == rec else 0
                ok = against.comparable.setdefault(p_type, set())
                for r in against.claims[start:]:
                    w = against.words.get(r.ref)
                    if w is not None and r.ref not in ok and not narrows(
                            w.what, w.labels, w.own, rec, self.keys, self._memo):
                        ok.add(r.ref)
                against.checked[p_type] = (rec, len(against.claims))

    def findings(self, resolve: Resolver, only: Iterable[StanceKey] | None = None) -> list[Finding]:
        """The stance findings of every key (or of ``only`` those), as ``check_stance``
        finds them on every claim added (in another order: by key)."""
        out: list[Finding] = []
        for key in self.by_key if only is None else only:
            state = self.by_key.get(key)
            if state is not None:
                out.extend(self._key_findings(key, state, resolve))
        return out

    def _key_findings(self, key: StanceKey, state: _Key, resolve: Resolver) -> list[Finding]:
        actor, obj = key
        out: list[Finding] = []
        for r_type, against in state.againsts.items():
            for p_type, side in state.fors.items():
                rs = against.comparable_to(p_type)
                if not rs:
                    continue
                said = Said(who=resolve.name(actor), obj=obj,
                            verbs=(self.traits[p_type].stance_verbs,
                                   self.traits[r_type].stance_verbs),
                            same=same_time(side.by_doc, side.by_day, rs, lambda x: x.firm),
                            p_ends=side.ends, r_ends=extremes(rs))
                verdict = stance_verdict(said)
                if verdict is None:
                    continue
                kind, severity, msg, involved = verdict
                out.append(_finding(kind, severity, msg, resolve.group_id(rs[0].ref),
                                    [resolve.claim_info(x.ref) for x in involved],
                                    actor=said.who, object=obj))
        return out

    def dump(self, key: StanceKey) -> dict[str, Any]:
        """A key's summary as JSON-able data (see :meth:`load`)."""
        state = self.by_key[key]
        refs: dict[int, _Ref] = {}

        def ref(x: _Ref) -> int:
            refs[x.ref] = x
            return x.ref

        fors = {t: {"stems": sorted(s.stems), "keys": sorted(s.keys), "unnamed": s.unnamed,
                    "docs": [[d, ref(x)] for d, x in s.by_doc.items()],
                    "days": [[d, ref(x)] for d, x in s.by_day.items()],
                    "ends": [ref(x) for x in s.ends] if s.ends else None}
                for t, s in state.fors.items()}
        texts: dict[_Words, int] = {}  # each distinct object and actors once
        againsts = {t: {"claims": [ref(x) for x in a.claims],
                        "words": [[r, texts.setdefault(w, len(texts))] for r, w in a.words.items()],
                        "comparable": {p: sorted(v) for p, v in a.comparable.items()}}
                    for t, a in state.againsts.items()}
        return {"fors": fors, "againsts": againsts, "last": self.last_ref,
                "texts": [[w.what, list(w.labels), list(w.own)] for w in texts],
                "refs": [[x.ref, x.doc, list(x.date) if x.date else None, x.firm]
                         for x in refs.values()]}

    def load(self, key: StanceKey, data: dict[str, Any]) -> None:
        """Take a key's summary :meth:`dump` gave (its types' traits from the registry)."""
        refs = {int(r): _Ref(int(r), str(doc), (int(d[0]), int(d[1]), str(d[2])) if d else None,
                             bool(firm)) for r, doc, d, firm in data["refs"]}
        state = self.by_key[key] = _Key()
        for t, s in data["fors"].items():
            self.traits.setdefault(t, claim_traits(claim_model(t)))
            side = state.fors[t] = _For(set(s["stems"]), set(s["keys"]), bool(s["unnamed"]),
                                        {d: refs[r] for d, r in s["docs"]},
                                        {int(d): refs[r] for d, r in s["days"]})
            side.ends = (refs[s["ends"][0]], refs[s["ends"][1]]) if s["ends"] else None
        texts = [_Words(w, tuple(lab), tuple(own)) for w, lab, own in data["texts"]]
        for t, a in data["againsts"].items():
            self.traits.setdefault(t, claim_traits(claim_model(t)))
            state.againsts[t] = _Against(
                [refs[r] for r in a["claims"]], {int(r): texts[k] for r, k in a["words"]},
                {p: set(v) for p, v in a["comparable"].items()})
        # a dumped summary was checked against its recipients (every update ends so)
        for p_type, side in state.fors.items():
            rec = side.recipients(other_actor_fields(self.traits[p_type]))
            for against in state.againsts.values():
                against.checked[p_type] = (rec, len(against.claims))
        self.last_ref = max(self.last_ref, int(data["last"]))


@dataclass(slots=True)
class _Outlet:
    """An outlet's first report in a group (its place in the group's order, claim, quote
    and document) and the place of its last one."""

    first: int
    ref: int
    doc: str
    quote: str | None
    last: int


@dataclass(slots=True)
class CorroborationSummary:
    """The corroboration finding of one event group, kept up to date as members join.

    Holds the group's member count and whether its members come from two or
    more documents; of the members that count (for a position, those whose
    actor vouches for it): each document's first and last report, the
    documents' languages, and each outlet's first report (quote, document) and
    last one. Syndicated copies are looked for when the finding is made, from
    the outlets' first documents (:meth:`Resolver.compared_text`), in the order
    :func:`~claimkit.consistency.check_corroboration` takes them.

    "First" and "last" follow the group's member order (``Group.members``), which
    is not always corpus order: a meeting group's reports dated by month, year
    or nothing come after its day-dated ones, and restatements after both. So
    each member comes with its place in that order (``order``), and a member may
    join anywhere in it.
    """

    #: the actor key of a position group (None: an event)
    actor: str | None = None
    members: int = 0
    first_doc: str | None = None
    several_docs: bool = False
    #: per document: the place and claim of its first report, the place of its last
    docs: dict[str, list[int]] = field(default_factory=dict)
    languages: set[str] = field(default_factory=set)
    outlets: dict[str, _Outlet] = field(default_factory=dict)

    def update(self, ctx: Context, infos: Iterable[ClaimInfo], refs: Sequence[int] | None = None,
               order: Sequence[int] | None = None) -> None:
        """Add members (``ctx``: a context holding them and their documents; ``refs``: their
        claims, default ``ClaimInfo.idx``; ``order``: their places in the group's member
        order, default after every member added before, in the order given)."""
        for i, info in enumerate(infos):
            ref = info.idx if refs is None else refs[i]
            self._add(ctx, ref, self.members if order is None else order[i], info)

    def _add(self, ctx: Context, ref: int, at: int, info: ClaimInfo) -> None:
        self.members += 1
        if self.first_doc is None:
            self.first_doc = info.doc
        self.several_docs = self.several_docs or info.doc != self.first_doc
        if self.actor is not None and not _vouches(ctx, info, self.actor):
            return
        ends = self.docs.setdefault(info.doc, [at, ref, at])
        if at < ends[0]:
            ends[0], ends[1] = at, ref
        ends[2] = max(ends[2], at)
        doc = ctx.documents.get(info.doc)
        if doc is not None and doc.language:
            self.languages.add(doc.language)
        outlet = outlet_of(ctx, info)
        seen = self.outlets.setdefault(outlet, _Outlet(at, ref, info.doc, quote_of(info), at))
        if at < seen.first:
            seen.first, seen.ref, seen.doc, seen.quote = at, ref, info.doc, quote_of(info)
        seen.last = max(seen.last, at)

    def findings(self, gid: str, label: str, resolve: Resolver) -> list[Finding]:
        """The group's corroboration finding (``gid``, ``label``: its id and label now)."""
        if self.members < 2 or not self.several_docs or len(self.docs) < 2:
            return []
        # outlets as check_corroboration meets them: by their last report, latest first
        firsts = sorted(self.outlets.items(), key=lambda kv: -kv[1].last)
        independent = independent_outlets([(o, x.quote, x.doc) for o, x in firsts],
                                          resolve.compared_text)
        docs = sorted(self.docs, key=lambda d: self.docs[d][0])
        by_last = sorted(self.docs.values(), key=lambda ends: ends[2])
        reports = [resolve.claim_info(ends[1]) for ends in by_last]
        return [corroboration_finding(gid, label, docs, len(independent),
                                      sorted(self.languages), reports)]

    def dump(self) -> dict[str, Any]:
        """The summary as JSON-able data (see :meth:`load`)."""
        return {"actor": self.actor, "members": self.members, "first_doc": self.first_doc,
                "several_docs": self.several_docs, "docs": [[d, *e] for d, e in self.docs.items()],
                "languages": sorted(self.languages),
                "outlets": [[o, x.first, x.ref, x.doc, x.quote, x.last]
                            for o, x in self.outlets.items()]}

    @classmethod
    def load(cls, data: dict[str, Any]) -> CorroborationSummary:
        """The summary :meth:`dump` gave."""
        return cls(data["actor"], int(data["members"]), data["first_doc"],
                   bool(data["several_docs"]),
                   {d: [int(a), int(r), int(b)] for d, a, r, b in data["docs"]},
                   set(data["languages"]),
                   {o: _Outlet(int(a), int(r), d, q, int(b))
                    for o, a, r, d, q, b in data["outlets"]})


@dataclass(slots=True)
class _Pick:
    """A member as a conflict summary keeps it: its place in the group's order, its claim,
    its document, and what it says (a value as written, actors' labels, a quantity)."""

    at: int
    ref: int
    doc: str
    said: Any = None


@dataclass(slots=True)
class _Field:
    """What decides the conflict finding of one field among some members of a group."""

    members: int = 0
    #: dates: the day-dated start days; per start day, its first member
    days: set[int] = field(default_factory=set)
    starts: dict[int, _Pick] = field(default_factory=dict)
    #: quantities: every member stating one (the sweep and the quotes re-read need them)
    quantities: list[_Pick] = field(default_factory=list)
    #: actors: how many members name some, the keys all of them share (None: none yet),
    #: the first ones (as many as a finding lists)
    named: int = 0
    common: set[str] | None = None
    first_named: list[_Pick] = field(default_factory=list)
    #: values: per value key its first member; the classes met
    values: dict[str, _Pick] = field(default_factory=dict)
    classes: set[str] = field(default_factory=set)

    def add(self, ctx: Context, fc: _FieldCheck, pick: _Pick, info: ClaimInfo) -> None:
        self.members += 1
        if fc.how == "date":
            if info.date is not None:
                if info.date[2] == "day":
                    self.days.add(info.date[0])
                _keep_first(self.starts, info.date[0], pick)
        elif fc.how == "quantity":
            q = getattr(info.claim, fc.name, None)
            if q is not None:
                self.quantities.append(_Pick(pick.at, pick.ref, pick.doc, q))
        elif fc.how == "actors":
            self._add_named(ctx, fc, pick, info)
        else:
            found = value_class(ctx, info, fc)
            if found is not None:
                key, cls, shown = found
                _keep_first(self.values, key, _Pick(pick.at, pick.ref, pick.doc, shown))
                self.classes.add(cls)

    def _add_named(self, ctx: Context, fc: _FieldCheck, pick: _Pick, info: ClaimInfo) -> None:
        found = named_actors(ctx, info, fc.name)
        if found is None:
            return
        labels, keys = found
        self.named += 1
        self.common = set(keys) if self.common is None else self.common & keys
        self.first_named.append(_Pick(pick.at, pick.ref, pick.doc, labels))
        self.first_named.sort(key=lambda x: x.at)
        del self.first_named[MAX_LISTED:]

    def findings(self, fc: _FieldCheck, gid: str, label: str, resolve: Resolver) -> list[Finding]:
        if self.members < 2:
            return []
        if fc.how == "date":
            return self._date_findings(fc, gid, label, resolve)
        if fc.how == "quantity":
            pairs = [(x, x.said) for x in sorted(self.quantities, key=lambda x: x.at)]
            hit = quantity_hit(pairs, lambda x, q: _as_quoted(resolve.claim_info(x.ref), q))
            if hit is None:
                return []
            a, b, message = hit
            return [_finding(FindingKind.conflict, Severity(fc.rule.severity),
                             f"{label}: {fc.what} {message}",
                             gid, [resolve.claim_info(a.ref), resolve.claim_info(b.ref)],
                             field=fc.name)]
        if fc.how == "actors":
            if self.named < 2 or self.common:
                return []
            shown = [f"{x.said} ({x.doc})" for x in self.first_named[:4]]
            return _disagree(fc, gid, label, shown,
                             [resolve.claim_info(x.ref) for x in self.first_named], self.named)
        if len(self.classes) < 2:
            return []
        firsts = sorted(self.values.values(), key=lambda x: x.at)
        return _disagree(fc, gid, label, [f"{x.said} ({x.doc})" for x in firsts],
                         [resolve.claim_info(x.ref) for x in firsts])

    def _date_findings(self, fc: _FieldCheck, gid: str, label: str, resolve: Resolver) -> list[Finding]:
        if len(self.days) < 2:
            return []
        lo, hi = min(self.days), max(self.days)
        first, last = self.starts[lo], self.starts[hi]
        severity, message = date_conflict(label, lo, hi, first.doc, last.doc, fc.rule)
        return [_finding(FindingKind.conflict, severity, message, gid,
                         [resolve.claim_info(first.ref), resolve.claim_info(last.ref)],
                         field="date")]


def _keep_first(firsts: dict[Any, _Pick], key: Any, pick: _Pick) -> None:
    """``pick`` as the first of ``key``, unless one placed before it is."""
    seen = firsts.get(key)
    if seen is None or pick.at < seen.at:
        firsts[key] = pick


@dataclass(slots=True)
class ConflictSummary:
    """The conflict findings of one event group, kept up to date as members join.

    Per field its type declares (``conflict_fields``), and for a position group
    per field and day (only claims of one day are compared there): for dates,
    the day-dated start days and the first member of each start day; for
    quantities, every member stating one (light: its place, claim, document and
    quantity; the quote of a claim in a conflict is re-read when the finding is
    made, as the check does); for actors, how many members name some, the keys
    they all share and the first ones; for other values, each value's first
    member and the classes met. Members come with their place in the group's
    order, as for :class:`CorroborationSummary`.
    """

    traits: ClaimTraits
    members: int = 0
    first_doc: str | None = None
    several_docs: bool = False
    #: per (day, field): a position group's fields by day; (None, field) for an event's
    fields: dict[tuple[int | None, str], _Field] = field(default_factory=dict)

    def update(self, ctx: Context, infos: Iterable[ClaimInfo], refs: Sequence[int] | None = None,
               order: Sequence[int] | None = None) -> None:
        """Add members (as :meth:`CorroborationSummary.update`)."""
        plan = _conflict_plan(self.traits)
        for i, info in enumerate(infos):
            ref = info.idx if refs is None else refs[i]
            at = self.members if order is None else order[i]
            self.members += 1
            if self.first_doc is None:
                self.first_doc = info.doc
            self.several_docs = self.several_docs or info.doc != self.first_doc
            for fc in plan:
                scope = self._scope(info, fc)
                if scope is not False:
                    state = self.fields.setdefault((scope, fc.name), _Field())
                    state.add(ctx, fc, _Pick(at, ref, info.doc), info)

    def _scope(self, info: ClaimInfo, fc: _FieldCheck) -> int | None | bool:
        """The day a position's claim is compared on (False: not compared); None: an event."""
        if self.traits.grouping == "event":
            return None
        d = info.date
        if d is not None and d[2] == "day" and getattr(info.claim, fc.name, None) is not None:
            return d[0]
        return False

    def findings(self, gid: str, label: str, resolve: Resolver) -> list[Finding]:
        """The group's conflict findings (``gid``, ``label``: its id and label now)."""
        if self.members < 2 or not self.several_docs:
            return []
        out: list[Finding] = []
        plan = {fc.name: fc for fc in _conflict_plan(self.traits)}
        for (_, name), state in self.fields.items():
            out.extend(state.findings(plan[name], gid, label, resolve))
        return out

    def dump(self) -> dict[str, Any]:
        """The summary as JSON-able data (see :meth:`load`)."""
        return {"type": self.traits.type, "members": self.members, "first_doc": self.first_doc,
                "several_docs": self.several_docs,
                "fields": [[day, name, _dump_field(f)] for (day, name), f in self.fields.items()]}

    @classmethod
    def load(cls, data: dict[str, Any]) -> ConflictSummary:
        """The summary :meth:`dump` gave (its type's traits from the registry)."""
        return cls(claim_traits(claim_model(data["type"])), int(data["members"]),
                   data["first_doc"], bool(data["several_docs"]),
                   {(day, name): _load_field(f) for day, name, f in data["fields"]})


def _dump_pick(x: _Pick) -> list[Any]:
    said = x.said.model_dump(mode="json") if isinstance(x.said, Quantity) else x.said
    return [x.at, x.ref, x.doc, said]


def _dump_field(f: _Field) -> dict[str, Any]:
    return {"members": f.members, "days": sorted(f.days),
            "starts": [[d, *_dump_pick(x)] for d, x in f.starts.items()],
            "quantities": [_dump_pick(x) for x in f.quantities], "named": f.named,
            "common": None if f.common is None else sorted(f.common),
            "first_named": [_dump_pick(x) for x in f.first_named],
            "values": [[k, *_dump_pick(x)] for k, x in f.values.items()],
            "classes": sorted(f.classes)}


def _load_field(d: dict[str, Any]) -> _Field:
    return _Field(
        int(d["members"]), set(d["days"]),
        {int(day): _Pick(at, ref, doc, said) for day, at, ref, doc, said in d["starts"]},
        [_Pick(at, ref, doc, Quantity.model_validate(q)) for at, ref, doc, q in d["quantities"]],
        int(d["named"]), None if d["common"] is None else set(d["common"]),
        [_Pick(at, ref, doc, said) for at, ref, doc, said in d["first_named"]],
        {k: _Pick(at, ref, doc, said) for k, at, ref, doc, said in d["values"]},
        set(d["classes"]))


@dataclass(slots=True)
class _Split:
    """One named position of a block: its sets so far, its first claim, its size."""

    sets: list[set[str]]
    first: int
    members: int


@dataclass(slots=True)
class PositionSplits:
    """How the claims of one position block (type, actor, object) and year split into
    groups (``grouping._split_by_sets``), kept up to date as claims are added in corpus
    order: per named position its sets, first claim and size; the claims naming none.

    A new claim joins the first named position its sets agree with, as the
    split does, so an old claim never moves, with one exception: while a block
    has at most one named position, all its claims are one group, and when a
    second one appears its claims naming none move to a "?" group of their own
    (:meth:`update` says so: the block must then be grouped again from its
    claims). A named position's label grows with its sets (its group id with it).
    """

    fields: tuple[str, ...]
    members: int = 0
    first: int | None = None
    named: list[_Split] = field(default_factory=list)
    unnamed: int = 0
    first_unnamed: int | None = None
    last_ref: int = -1

    @classmethod
    def of(cls, traits: ClaimTraits) -> PositionSplits:
        """The empty split of a block of one type."""
        return cls(_set_fields(traits))

    def update(self, ctx: Context, infos: Iterable[ClaimInfo],
               refs: Sequence[int] | None = None) -> tuple[list[int], bool]:
        """Add claims in corpus order; the group each joins (the first claim of its group)
        and whether claims added before moved (a second named position appeared).

        Raises:
            ValueError: a ref does not come after every ref added before.
        """
        before, old = len(self.named), self.members
        joined: list[int] = []  # per claim: its named position (-1: none named)
        for i, info in enumerate(infos):
            ref = info.idx if refs is None else refs[i]
            self.last_ref = next_ref(self.last_ref, ref)
            joined.append(self._add(ctx, ref, info))
        moved = old > 0 and before <= 1 < len(self.named)
        return [self.group_of(k) for k in joined], moved

    def _add(self, ctx: Context, ref: int, info: ClaimInfo) -> int:
        self.members += 1
        if self.first is None:
            self.first = ref
        sets = _field_sets(ctx, info, self.fields) if self.fields else []
        if not any(sets):
            self.unnamed += 1
            if self.first_unnamed is None:
                self.first_unnamed = ref
            return -1
        accs = [s.sets for s in self.named]
        k = first_fit(accs, sets)
        if k == len(self.named):
            self.named.append(_Split(accs[k], ref, 1))
        else:
            self.named[k].members += 1
        return k

    def group_of(self, k: int) -> int:
        """The first claim of the group of named position ``k`` (-1: of the claims naming none)."""
        if len(self.named) <= 1:
            assert self.first is not None
            return self.first
        if k < 0:
            assert self.first_unnamed is not None
            return self.first_unnamed
        return self.named[k].first

    def groups(self, ctx: Context, traits: ClaimTraits) -> list[tuple[int, int, str]]:
        """The block's groups as its split makes them: (first claim, size, what tells it
        from the others: "" when it is the block's only group)."""
        if self.first is None:
            return []
        if len(self.named) <= 1:
            return [(self.first, self.members, "")]
        out = [(s.first, s.members, split_label(ctx, traits, self.fields, s.sets))
               for s in self.named]
        if self.first_unnamed is not None:
            out.append((self.first_unnamed, self.unnamed, unnamed_label(traits, self.fields)))
        return out

    def dump(self) -> dict[str, Any]:
        """The summary as JSON-able data (see :meth:`load`)."""
        return {"fields": list(self.fields), "members": self.members, "first": self.first,
                "named": [[[sorted(x) for x in s.sets], s.first, s.members] for s in self.named],
                "unnamed": self.unnamed, "first_unnamed": self.first_unnamed,
                "last": self.last_ref}

    @classmethod
    def load(cls, data: dict[str, Any]) -> PositionSplits:
        """The summary :meth:`dump` gave."""
        return cls(tuple(data["fields"]), int(data["members"]), data["first"],
                   [_Split([set(x) for x in sets], int(first), int(n))
                    for sets, first, n in data["named"]],
                   int(data["unnamed"]), data["first_unnamed"], int(data["last"]))


@dataclass(slots=True)
class IdsUsedTwice:
    """Per claim id its first claim (ref) and a digest of it (its type and JSON), so that
    a later claim of that id is found to be another claim, as the integrity check finds
    it, without the first claim read back."""

    first: dict[str, tuple[int, str]] = field(default_factory=dict)

    def update(self, infos: Iterable[ClaimInfo],
               refs: Sequence[int] | None = None) -> list[tuple[int, int]]:
        """Add claims in corpus order; (first claim, claim) of each new claim whose id a
        different claim has."""
        out: list[tuple[int, int]] = []
        for i, info in enumerate(infos):
            c = info.claim
            if not c.id:
                continue
            ref = info.idx if refs is None else refs[i]
            digest = hashlib.sha1(f"{type(c).__module__}.{type(c).__qualname__}|"
                                  f"{c.model_dump_json()}".encode()).hexdigest()
            j, seen = self.first.setdefault(c.id, (ref, digest))
            if j != ref and seen != digest:
                out.append((j, ref))
        return out

    @staticmethod
    def findings(pairs: Iterable[tuple[int, int]], resolve: Resolver) -> list[Finding]:
        """The integrity findings of :meth:`update`'s pairs."""
        return [id_used_twice(resolve.claim_info(j), resolve.claim_info(ref), resolve.group_id(ref))
                for j, ref in pairs]

    def dump(self) -> dict[str, Any]:
        """The summary as JSON-able data (see :meth:`load`)."""
        return {"first": [[k, ref, d] for k, (ref, d) in self.first.items()]}

    @classmethod
    def load(cls, data: dict[str, Any]) -> IdsUsedTwice:
        """The summary :meth:`dump` gave."""
        return cls({k: (int(ref), d) for k, ref, d in data["first"]})


@dataclass(slots=True)
class PlacementVotes:
    """What placing articles without a publication date needs to know of the claims
    added so far, and the years it gave them (see :mod:`claimkit.consistency.placement`).

    The votes are corpus-wide (a block known in one year votes; an article placed in
    one round can place another), so :meth:`update` places every such article again:
    they are few, and each holds only its blocks and dated claims' days.
    """

    placement: Placement = field(default_factory=Placement)
    years: dict[str, int] = field(default_factory=dict)

    def update(self, ctx: Context) -> list[str]:
        """Add a context's claims (whole documents, after those added before; keyed
        alone is enough: ``group=False``); the old articles whose year changed."""
        old = set(self.placement.unknown) | set(self.placement.spans)
        self.placement = self.placement.merge(placement_of(ctx))
        years = self.placement.years()
        changed = sorted(d for d in old if years.get(d) != self.years.get(d))
        self.years = years
        return changed

    def dump(self) -> dict[str, Any]:
        """The summary as JSON-able data (see :meth:`load`)."""
        p = self.placement
        return {"known": [[_listed(b), sorted(y)] for b, y in p.known.items()],
                "unknown": [[d, [_listed(b) for b in blocks]] for d, blocks in p.unknown.items()],
                "spans": [[d, [list(x) for x in xs]] for d, xs in p.spans.items()],
                "years": self.years}

    @classmethod
    def load(cls, data: dict[str, Any]) -> PlacementVotes:
        """The summary :meth:`dump` gave."""
        return cls(Placement({_block(b): set(y) for b, y in data["known"]},
                             {d: [_block(b) for b in blocks] for d, blocks in data["unknown"]},
                             {d: [(lo, hi) for lo, hi in xs] for d, xs in data["spans"]}),
                   {d: int(y) for d, y in data["years"].items()})


def _block(data: list[Any]) -> tuple[Any, ...]:
    """A position block read back from JSON: (type, actor, object, further keys)."""
    type_, actor, obj, extra = data
    return (type_, actor, obj, tuple(extra))


def _listed(block: Hashable) -> list[Any]:
    """A position block as JSON (see :func:`_block`)."""
    assert isinstance(block, tuple)
    return list(block)
