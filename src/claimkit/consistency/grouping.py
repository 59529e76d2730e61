"""Same-event grouping by blocking: no claim is compared with every other.

Keys are computed once per claim (:class:`ClaimInfo`). How a type is grouped
is what its model declares (``grouping``, ``event_key``, ``object_field``,
``place_field``, ``participant_fields``: see :class:`claimkit.schemas.ClaimBase`,
resolved by :func:`claimkit.schemas.claim_traits`); no type is named here.

- **"event"** types (meetings) are clustered, per type, through two dict
  indexes, ``(place, day)`` and ``(participant, day)``: a claim only looks at
  clusters filed under its own place or participants on its day or the day
  either side. A cluster never holds two claims from the same document (an
  article reports each meeting once, so two meetings of one article are two
  events). Undated claims stay alone: "the Paris summit on Thursday" cannot be
  told apart from another Paris summit without a date.
- **"position"** types (pledges, refusals, warnings, and user types by
  default) are blocked on ``(type, actor, object)`` and split by year (the
  claim's date, else the article's publication year, which bounds an undated
  claim; else the year its quotes, its article's own dates or the positions
  its article shares with others say: :mod:`claimkit.consistency.placement`).
  Claims of unknown year (nothing places them) are not bounded: they never
  join a year's group, even the block's only one, and form a "year unknown"
  group of their own. Inside a block, recipients and further key fields are
  compared as sets (:func:`_split_by_sets`). A
  claim with several actors belongs to one group per actor ("the UK and France
  pledge troops" supports both "UK pledges troops" and "France pledges troops").
- **"none"** types: every claim is a group of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, Protocol
from urllib.parse import urlsplit

from claimkit.consistency.keys import DateRange, KeyBuilder, parse_date
from claimkit.consistency.models import EventGroup, construct
from claimkit.consistency.placement import Placement, _dated_spans, quoted_year
from claimkit.errors import SchemaError
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import (
    ClaimBase,
    ClaimTraits,
    Document,
    DocumentClaims,
    Failure,
    claim_traits,
)
from claimkit.text import fold

__all__ = [
    "ClaimInfo", "Context", "build_context", "event_span", "group_context", "group_events",
    "placement_of",
]

log = logging.getLogger(__name__)


@dataclass(slots=True, eq=False)  # identity hash: infos go in dicts and sets
class ClaimInfo:
    """Keys of one claim, computed once."""

    idx: int
    claim: ClaimBase
    doc: str
    type: str
    actors: tuple[str, ...]
    date: DateRange | None
    year: int | None
    #: the declarations of the claim's model (one object per model)
    traits: ClaimTraits
    obj: str | None = None
    loc: str | None = None
    parts: frozenset[str] = frozenset()
    #: the claim's document, if loaded (looked up once here, not once per check)
    document: Document | None = None
    #: index of the first group the claim belongs to (-1 until grouped)
    gid: int = -1


@dataclass(slots=True)
class Group:
    """An event group under construction (indexes into ``Context.infos``)."""

    type: str
    label: str
    traits: ClaimTraits
    members: list[int] = field(default_factory=list)
    id: str = ""
    #: the actor key a "position" group is about (None: an event, or no actor)
    actor: str | None = None


@dataclass
class Context:
    """Claims, their documents and keys, and the groups, shared by all checks."""

    infos: list[ClaimInfo]
    documents: dict[str, Document]
    keys: KeyBuilder
    names: dict[str, str]
    groups: list[Group] = field(default_factory=list)
    #: the declarations of each claim type met, by type name
    traits: dict[str, ClaimTraits] = field(default_factory=dict)
    #: claims in more than one group (several actors): their further groups.
    #: The first group is ``ClaimInfo.gid``: a million-entry dict of one-item
    #: lists cost more than the checks that read it.
    claim_groups: dict[int, list[int]] = field(default_factory=dict)
    _sources: dict[str, str] = field(default_factory=dict)
    _same: dict[tuple[str, str], bool] = field(default_factory=dict)
    _other_fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: claims whose search for their event stopped at :data:`MAX_CANDIDATES`
    capped: list[int] = field(default_factory=list)
    #: actor keys of collectives (actors of kind "group": "the Coalition of the Willing"),
    #: whose members go unnamed
    collectives: set[str] = field(default_factory=set)

    def source(self, doc_id: str) -> str:
        """The source key of a document (memoised; see :func:`source_key`)."""
        hit = self._sources.get(doc_id)
        if hit is None:
            hit = self._sources[doc_id] = source_key(doc_id, self.documents.get(doc_id))
        return hit

    def same_text(self, a: str, b: str) -> bool:
        """Whether two documents hold one text (syndicated copies), memoised."""
        key = (a, b) if a < b else (b, a)
        hit = self._same.get(key)
        if hit is None:
            da, db = self.documents.get(a), self.documents.get(b)
            hit = self._same[key] = (
                da is not None and db is not None and _same_text(da.text, db.text)
            )
        return hit

    def group_of(self, i: int) -> str | None:
        """Id of the first group claim ``i`` belongs to."""
        g = self.infos[i].gid
        return self.groups[g].id if g >= 0 else None

    def groups_of(self, i: int) -> list[int]:
        """Indexes (into ``groups``) of every group claim ``i`` belongs to."""
        g = self.infos[i].gid
        return [g, *self.claim_groups.get(i, ())] if g >= 0 else []

    def name(self, key: str) -> str:
        """Display name of an actor key (a country's own name for a country key)."""
        hit = self.names.get(key)
        if key.startswith("c:") and (hit is None or key not in self._country_named):
            country = _country_name(key[2:])
            if country:
                self.names[key] = country
                self._country_named.add(key)
                return country
        return hit or key.split(":", 1)[-1]

    _country_named: set[str] = field(default_factory=set)


#: how much of a text is compared for syndication
COMPARED_CHARS = 4000


#: documents whose texts are at least this similar (rapidfuzz ratio, 0-100) are one text
SYNDICATED_RATIO = 92.0
#: texts shorter than this are never called copies (too short to tell)
SYNDICATED_MIN_CHARS = 200


def _same_text(a: str, b: str) -> bool:
    """Whether two texts are copies of one (a syndicated article): equal words, case and
    spacing aside, or rapidfuzz's ratio at least :data:`SYNDICATED_RATIO`."""
    a, b = a[:COMPARED_CHARS], b[:COMPARED_CHARS]
    if min(len(a), len(b)) < SYNDICATED_MIN_CHARS or min(len(a), len(b)) < 0.85 * max(len(a), len(b)):
        return False  # too short to say two outlets copied it, or not the same length
    if " ".join(a.split()).casefold() == " ".join(b.split()).casefold():
        return True
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b, processor=str.casefold, score_cutoff=SYNDICATED_RATIO) > 0


def _country_name(code: str) -> str | None:
    try:
        from claimkit.normalize.countries import country_name
    except ImportError:  # the normaliser is optional here; pycountry below
        pass
    else:
        name = country_name(code)
        if name:
            return name
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or getattr(c, "name", None) if c else None


def _split_input(
    items: Iterable[DocumentClaims | Failure | ClaimBase],
    documents: Mapping[str, Document] | Iterable[Document] | None,
) -> tuple[list[ClaimBase], dict[str, Document]]:
    docs: dict[str, Document] = {}
    if isinstance(documents, Mapping):
        docs.update(documents)
    elif documents is not None:
        docs.update((d.id, d) for d in documents)
    claims: list[ClaimBase] = []
    for item in items:
        if isinstance(item, DocumentClaims):
            docs.setdefault(item.document.id, item.document)
            claims.extend(item.claims)
        elif isinstance(item, ClaimBase):
            claims.append(item)
        # Failure records carry no claims: nothing to validate
    return claims, docs


def build_context(
    items: Iterable[DocumentClaims | Failure | ClaimBase],
    documents: Mapping[str, Document] | Iterable[Document] | None = None,
    *,
    affiliations: Mapping[str, str] | None = None,
    gazetteer: Gazetteer | None = None,
    places: Places | None = None,
    names: Mapping[str, str] | None = None,
    group: bool | Placement = True,
) -> Context:
    """Compute every claim's keys and group the claims (see the module docstring).

    Args:
        items: claims and/or output records.
        documents: documents by id, or an iterable of them, for bare claims.
        affiliations: extra ``{person: country or organisation}`` entries.
        gazetteer: actor names and affiliations; defaults to
            :meth:`Gazetteer.default <claimkit.normalize.Gazetteer.default>`.
        places: place names; defaults to :meth:`Places.default <claimkit.normalize.Places.default>`.
        names: display names of actor keys known beforehand (a claim store's first label of
            each key in its whole corpus, so that a part of it is labelled as the whole is).
        group: False: the claims' keys only, no groups (a claim store's link keys need no more).
            A :class:`~claimkit.consistency.placement.Placement`: group, placing the
            articles of unknown year as that knowledge of a whole corpus says (the merged
            :func:`placement_of` of its parts), for a part of a corpus grouped alone;
            True: group, placing them from these claims.
    """
    claims, docs = _split_input(items, documents)
    keys = KeyBuilder(affiliations, gazetteer=gazetteer, places=places)
    ctx = Context([], docs, keys, dict(names or {}))
    _key_claims(ctx, claims)
    if not group:
        return ctx
    return group_context(ctx, None if group is True else group)


def group_context(ctx: Context, placement: Placement | None = None) -> Context:
    """Group the claims of a context built with ``group=False`` (what :func:`build_context`
    does next). A distributed run adjusts a partition's keys in between (the actors
    whose groups the partition owns); ``placement`` as in :func:`build_context`."""
    _group_events(ctx)
    _group_positions(ctx, None if placement is None else placement.years())
    _finish_groups(ctx)
    return ctx


def event_span(info: ClaimInfo) -> DateRange | None:
    """The days an "event" claim can be on, as grouping reads them (its date, else
    the week before its article's publication for a past event; None: no time)."""
    return info.date or undated_span(info)


def _key_claims(ctx: Context, claims: list[ClaimBase]) -> None:
    keys, names, infos, docs = ctx.keys, ctx.names, ctx.infos, ctx.documents
    by_model: dict[type[ClaimBase], ClaimTraits] = {}
    # claims come in runs of one document: look the document up once per run
    last_id: str | None = None
    doc: Document | None = None
    pub: int | None = None
    for c in claims:
        if c.doc_id != last_id:
            last_id = c.doc_id
            doc = docs.get(last_id)
            pub = doc.published.year if doc is not None and doc.published is not None else None
        traits = by_model.get(type(c))
        if traits is None:
            traits = by_model[type(c)] = _traits(type(c))
            ctx.traits.setdefault(c.type, traits)
        actor_keys: dict[str, None] = {}  # in order, each once (a list's `in` was quadratic)
        for a in c.actor:
            k = keys.actor_key(a)
            actor_keys[k] = None
            if k not in names:
                names[k] = a.label
        dr = parse_date(c.date.value) if c.date is not None and c.date.value else None
        year = dt.date.fromordinal(dr[0]).year if dr else pub
        if dr is None and traits.grouping == "position" and c.evidence:
            year = quoted_year(c, doc) or year
        info = ClaimInfo(
            len(infos), c, c.doc_id, c.type, tuple(actor_keys), dr, year, traits, document=doc
        )
        if traits.grouping == "event":
            _event_keys(ctx, info, traits)
        if traits.grouping != "event" or traits.stance is not None:
            info.obj = keys.object_key(c)
        infos.append(info)


def _traits(model: type[ClaimBase]) -> ClaimTraits:
    try:
        return claim_traits(model)
    except SchemaError:  # a bad declaration must not stop validation: never grouped then
        log.warning("claim model %s declares its traits wrongly", model.__name__, exc_info=True)
        return replace(claim_traits(ClaimBase), grouping="none")


def _event_keys(ctx: Context, info: ClaimInfo, traits: ClaimTraits) -> None:
    """Place and participant keys of an "event" claim (its actors take part too)."""
    c = info.claim
    if traits.place_field:
        place = getattr(c, traits.place_field, None)
        info.loc = ctx.keys.location_key(place if isinstance(place, str) else None)
    parts = set(info.actors)
    for name in ("actor", *traits.participant_fields):
        value: Any = getattr(c, name, None)
        for a in value if isinstance(value, list) else (value,) if value is not None else ():
            k = ctx.keys.actor_key(a)
            parts.add(k)
            ctx.names.setdefault(k, a.label)
            if a.kind == "group":
                ctx.collectives.add(k)
    info.parts = frozenset(parts)


@dataclass(slots=True, eq=False)
class _Cluster:
    gid: int
    docs: set[str]
    locs: set[str]
    parts: set[str]
    lo: int
    hi: int


#: clusters filed under one place (or one participant) on one day; an
#: insertion-ordered dict used as a set: O(1) "already filed here"
_Bucket = dict[_Cluster, None]
#: one day's buckets: by place, by participant
_Day = tuple[dict[str, _Bucket], dict[str, _Bucket]]


#: one partition's indexes: by day, and by place ("" for none) for interval-dated clusters
_Index = tuple[dict[int, _Day], dict[str, list[_Cluster]]]


def _group_events(ctx: Context) -> None:
    """Cluster the claims of "event" types, per type and value of any further key field."""
    # Indexed by day first: a claim probes three small per-day dicts rather
    # than one (place or participant, day) dict of a million keys, whose
    # probes miss the CPU caches on a large corpus.
    partitions: dict[tuple[str, tuple[str | None, ...]], _Index] = {}
    deferred: list[tuple[int, DateRange, _Index]] = []
    extras: dict[str, tuple[str, ...]] = {}
    restated = restatements(ctx, ctx.infos, extras)
    for i, info in enumerate(ctx.infos):
        traits = info.traits
        if traits.grouping != "event" or i in restated:
            continue
        values = event_partition(ctx, info, extras)
        span = clustered(info, info.date or undated_span(info), values)
        if span is None:
            _new_group(ctx, info, _event_label(ctx, info), i)
            continue
        index = partitions.get((info.type, values))
        if index is None:
            index = partitions[(info.type, values)] = ({}, {})
        if span[2] == "day":
            _file_day(ctx, i, span[0], index[0])
        else:  # month, year or undated: after every day-dated claim has its cluster
            deferred.append((i, span, index))
    for i, span, index in deferred:
        _file_interval(ctx, i, ctx.infos[i], span, index)
    for i, first in restated.items():  # in the group of the report they restate
        gid = ctx.infos[first].gid
        ctx.groups[gid].members.append(i)
        _file(ctx, i, gid)


def restatements(ctx: Context, infos: Sequence[ClaimInfo],
                 extras: dict[str, tuple[str, ...]]) -> dict[int, int]:
    """Claims of an "event" type that restate another claim of their document: each
    mapped to the claim it restates (the one most precisely dated); both by their place
    in ``infos`` (whole documents: a claim store's new ones, or all).

    An article names its meeting more than once (the headline's "leaders gather
    in Washington", the body's "Trump hosted ... at the White House on
    Monday"). Claims of one document are one event when they name the same
    place and the same participants (two or more), agree on every further key
    field and on their status, and their dates cannot be two days: day
    intervals that overlap, and at most one distinct date word among those
    left unresolved. Otherwise a document's claims stay apart, as two meetings
    ("Zelensky met Macron at the Élysée" the day before "the Paris summit").
    """
    sets: dict[tuple[Any, ...], list[int]] = {}
    for i, info in enumerate(infos):
        traits = info.traits
        if traits.grouping != "event" or not info.loc or len(info.parts) < 2:
            continue
        values = event_partition(ctx, info, extras)
        sets.setdefault((info.type, info.doc, info.loc, info.parts, values), []).append(i)
    out: dict[int, int] = {}
    for members in sets.values():
        if len(members) < 2 or not _one_time([infos[i] for i in members]):
            continue
        first = min(members, key=lambda i: (_precision(infos[i]), i))
        out.update((i, first) for i in members if i != first)
    return out


_PRECISION = {"day": 0, "month": 1, "year": 2}


def _precision(info: ClaimInfo) -> int:
    """How precisely a claim is dated: day 0, month 1, year 2, date words 3, nothing 4."""
    if info.date is not None:
        return _PRECISION.get(info.date[2], 3)
    d = info.claim.date
    return 3 if d is not None and d.raw else 4


def _one_time(infos: list[ClaimInfo]) -> bool:
    """Whether these claims' dates and statuses can all be of one event."""
    spans = [x.date for x in infos if x.date is not None]
    if spans and max(d[0] for d in spans) > min(d[1] for d in spans):
        return False
    words = {" ".join(fold(d.raw).split()) for x in infos
             if x.date is None and (d := x.claim.date) is not None and d.raw}
    status_field = infos[0].traits.status_field
    statuses = {getattr(s, "value", s) for x in infos
                if status_field and (s := getattr(x.claim, status_field, None)) is not None}
    return len(words) <= 1 and len(statuses) <= 1


#: at most this many candidate events are tested for one claim of an "event"
#: type (clusters filed on its days under its place or participants): real
#: news has a handful per place and day; a hostile corpus (one document
#: reporting thousands of meetings in one city on one day) would make the
#: search quadratic. A claim whose search stops here stands alone (or, dated by
#: month or undated, stays out of the day clusters), and one "limit" finding
#: says how many claims that was.
MAX_CANDIDATES = 256


#: an undated report of a past event in a dated article: on or before the
#: publication date, at most this many days before (news reports recent events)
UNDATED_LOOKBACK_DAYS = 7


#: statuses of an event announced as coming: undated, it is on or after the publication
#: date, at most :data:`UNDATED_LOOKBACK_DAYS` after (the report of the day of a summit
#: often says it "is held today" or "will open")
UPCOMING_STATUSES = frozenset({"scheduled"})


def undated_span(info: ClaimInfo) -> DateRange | None:
    """"On or before the publication date" for an undated claim of a past (or unknown-status)
    event; "on or after" it for a scheduled one."""
    c, doc = info.claim, info.document
    if doc is None or doc.published is None or (c.date is not None and c.date.value):
        return None
    status_field = info.traits.status_field
    pub = doc.published.toordinal()
    if status_field is not None:
        status = getattr(c, status_field, None)
        status = getattr(status, "value", status)
        if status in UPCOMING_STATUSES:  # "leaders meet in Paris today", "will meet next week"
            return (pub, pub + UNDATED_LOOKBACK_DAYS, "undated")
        if status is not None and status not in info.traits.past_statuses:
            return None  # proposed: no time at all
    return (pub - UNDATED_LOOKBACK_DAYS, pub, "undated")


def event_partition(ctx: Context, info: ClaimInfo,
                    extras: dict[str, tuple[str, ...]]) -> tuple[str | None, ...]:
    """The keys of an "event" claim's further key fields (its clusters' partition, with its
    type); ``extras`` memoises each type's fields."""
    fields = extras.get(info.type)
    if fields is None:
        fields = extras[info.type] = _event_extra_fields(info.traits)
    return _field_keys(ctx, info, fields) if fields else ()


def clustered(info: ClaimInfo, span: DateRange | None,
              values: tuple[str | None, ...]) -> DateRange | None:
    """The span an "event" claim is clustered on; None: it stays alone (no time, a further
    key field empty, or dated coarser than a day with neither place nor, undated,
    participants)."""
    if span is None or None in values or (span[2] != "day" and info.loc is None and (
        span[2] == "undated" or not info.parts
    )):
        return None
    return span


def _event_extra_fields(traits: ClaimTraits) -> tuple[str, ...]:
    """The fields of an "event" type's key beyond date, place and participants."""
    read = {"date", "actor", traits.place_field, *traits.participant_fields}
    return tuple(f for f in traits.event_key if f not in read)


def _file_interval(ctx: Context, i: int, info: ClaimInfo, span: DateRange, index: _Index) -> None:
    """A month-, year- or un-dated claim: the one day cluster it fits, else an interval cluster.

    It joins a cluster whose days lie in its interval and whose place (or, for a
    claim naming no place, participants) say it is the same event; when several
    day clusters fit equally well it stays out (a reader could not tell which).
    Interval clusters join on the same place and overlapping intervals, and
    keep the narrowest interval.
    """
    lo, hi, _ = span
    cl, capped = best_day_cluster(_candidates(info, range(lo, hi + 1), index[0]),
                                  info, lo, hi, ctx.collectives)
    if cl is not None:
        _join(ctx, cl, info, i)
        return
    filed = index[1].setdefault(info.loc or "", [])
    cl, more = interval_cluster(filed, info, lo, hi, ctx.collectives)
    if capped or more:
        ctx.capped.append(i)
    if cl is None:
        gid = _new_group(ctx, info, _event_label(ctx, info), i)
        filed.append(new_interval_cluster(gid, info, lo, hi))
        return
    _join(ctx, cl, info, i)
    cl.lo, cl.hi = max(cl.lo, lo), min(cl.hi, hi)  # the narrowest interval all members allow


class Report(Protocol):
    """What filing an "event" claim reads of it (a :class:`ClaimInfo`, or a summary's report)."""

    doc: str
    loc: str | None
    parts: frozenset[str]


def new_interval_cluster(gid: int, info: Report, lo: int, hi: int) -> _Cluster:
    """The interval cluster an interval-dated report opens."""
    return _Cluster(gid, {info.doc}, {info.loc} if info.loc else set(), set(info.parts), lo, hi)


def best_day_cluster(candidates: Iterable[_Cluster], info: Report, lo: int, hi: int,
                     collectives: set[str]) -> tuple[_Cluster | None, bool]:
    """The one day cluster (of ``candidates``: :func:`_candidates` on the report's days)
    an interval-dated report fits best (None: none, or a tie), and whether the search
    stopped at :data:`MAX_CANDIDATES`."""
    scored: dict[_Cluster, int] = {}
    for n, cl in enumerate(candidates):
        if n >= MAX_CANDIDATES:  # a reader could not tell which of so many either
            return None, True
        if _fits(cl, info, lo, hi, collectives):
            scored[cl] = len(cl.parts & info.parts)
    if not scored:
        return None, False
    best = max(scored.values())
    top = [cl for cl, n in scored.items() if n == best]
    return (top[0] if len(top) == 1 else None), False


def interval_cluster(filed: Sequence[_Cluster], info: Report, lo: int, hi: int,
                     collectives: set[str]) -> tuple[_Cluster | None, bool]:
    """The first interval cluster of ``filed`` (its place's, in order) the report fits,
    and whether more than :data:`MAX_CANDIDATES` were filed (the search stopped)."""
    for cl in islice(filed, MAX_CANDIDATES):
        if _fits(cl, info, lo, hi, collectives):
            return cl, False
    return None, len(filed) > MAX_CANDIDATES


def _fits(cl: _Cluster, info: Report, lo: int, hi: int, collectives: set[str]) -> bool:
    """Whether an interval-dated claim can be the event of cluster ``cl``."""
    if cl.hi < lo or cl.lo > hi or info.doc in cl.docs:
        return False
    if info.loc:
        # the same place, with participants in common or unnamed on one side
        return info.loc in cl.locs and _parts_agree(cl.parts, info.parts, collectives)
    shared = len(cl.parts & info.parts)
    small = min(len(cl.parts), len(info.parts))
    return shared >= 2 or (small >= 1 and shared == small)


def _parts_agree(a: frozenset[str] | set[str], b: frozenset[str], collectives: set[str]) -> bool:
    """Participants of one event at one place: in common, unnamed on one side, or a
    collective whose members go unnamed ("the Coalition of the Willing") on one side and
    two or more named on the other."""
    if not a or not b or not a.isdisjoint(b):
        return True
    return (a <= collectives and len(b) >= 2) or (b <= collectives and len(a) >= 2)


def _file_day(ctx: Context, i: int, day: int, by_day: dict[int, _Day]) -> None:
    info = ctx.infos[i]
    chosen, capped = day_cluster(_candidates(info, (day, day - 1, day + 1), by_day), info, day)
    if capped:
        ctx.capped.append(i)
    if chosen is None:
        gid = _new_group(ctx, info, _event_label(ctx, info), i)
        chosen = new_day_cluster(gid, info, day)
    else:
        _join(ctx, chosen, info, i)
        chosen.lo, chosen.hi = min(chosen.lo, day), max(chosen.hi, day)
    file_on_day(by_day, day, info, chosen)


def new_day_cluster(gid: int, info: Report, day: int) -> _Cluster:
    """The day cluster a day-dated report opens."""
    return _Cluster(gid, {info.doc}, {info.loc} if info.loc else set(), set(info.parts), day, day)


def file_on_day(by_day: dict[int, _Day], day: int, info: Report, cl: _Cluster) -> None:
    """File cluster ``cl`` on ``day`` under the report's place and participants."""
    index = by_day.get(day)
    if index is None:
        index = by_day[day] = ({}, {})
    if info.loc:
        index[0].setdefault(info.loc, {})[cl] = None
    for p in info.parts:
        index[1].setdefault(p, {})[cl] = None


def _join(ctx: Context, cl: _Cluster, info: ClaimInfo, i: int) -> None:
    ctx.groups[cl.gid].members.append(i)
    _file(ctx, i, cl.gid)
    enlarge(cl, info)


def enlarge(cl: _Cluster, info: Report) -> None:
    """A cluster joined by a report: its documents, participants and places."""
    cl.docs.add(info.doc)
    cl.parts |= info.parts
    if info.loc:
        cl.locs.add(info.loc)


def day_cluster(candidates: Iterable[_Cluster], info: Report,
                day: int) -> tuple[_Cluster | None, bool]:
    """The first of ``candidates`` a report of ``day`` is the same meeting as, and whether
    the search stopped at :data:`MAX_CANDIDATES` (then None)."""
    # exact day before the day either side; the same place before shared participants;
    # participants in sorted order so that the result does not depend on string hashing.
    for n, cl in enumerate(candidates):
        if n >= MAX_CANDIDATES:
            return None, True
        if _compatible(cl, info, day):
            return cl, False
    return None, False


def _candidates(info: Report, days: Iterable[int], by_day: dict[int, _Day]) -> Iterator[_Cluster]:
    """The clusters filed on these days under the claim's place, then its participants, each once.

    Lazy: a caller stops after :data:`MAX_CANDIDATES`, however many clusters a
    hostile corpus files under one place and day.
    """
    parts = sorted(info.parts)
    seen: set[int] = set()
    for d in days:
        index = by_day.get(d)
        if index is None:
            continue
        by_loc, by_part = index
        buckets = [by_loc.get(info.loc, {})] if info.loc else []
        buckets.extend(by_part.get(p, {}) for p in parts)
        for bucket in buckets:
            for cl in bucket:
                if cl.gid not in seen:
                    seen.add(cl.gid)
                    yield cl


def _compatible(cl: _Cluster, info: Report, day: int) -> bool:
    # cheap tests first: most clusters looked at are another meeting the same day
    if day < cl.hi - 1 or day > cl.lo + 1 or info.doc in cl.docs:
        return False
    if info.loc and cl.locs:
        if info.loc in cl.locs:
            return True
        # two places named for one meeting: only the same day and mostly the same people
        if not day == cl.lo == cl.hi:
            return False
        shared = len(cl.parts & info.parts)
        return shared >= 2 and 2 * shared >= max(len(cl.parts), len(info.parts))
    # one side names no place: the participants must say it is the same meeting
    shared = len(cl.parts & info.parts)
    small = min(len(cl.parts), len(info.parts))
    return shared >= 2 or (small >= 1 and shared == small)


def _event_label(ctx: Context, info: ClaimInfo) -> str:
    c = info.claim
    when = c.date.value if c.date is not None and c.date.value else "undated"
    who = ", ".join(ctx.name(k) for k in info.actors[:3]) or "?"
    place_field = info.traits.place_field
    if place_field is None:
        return f"{info.type} · {when} · {who}"
    where = getattr(c, place_field, None) or "?"
    return f"{info.type} · {where} · {when} · {who}"


@dataclass(frozen=True, slots=True)
class _PositionKey:
    """What a "position" type's block key is made of (from its ``event_key``)."""

    grouped: bool  # False: every claim alone ("none", or an empty key)
    actor: bool  # one group per actor
    obj: bool  # the object key (object field and its fallbacks)
    year: bool  # split by year
    extra: tuple[str, ...]  # further fields whose keys must be equal

    @classmethod
    def of(cls, traits: ClaimTraits) -> _PositionKey:
        key = traits.event_key
        grouped = traits.grouping != "none" and bool(key)
        obj = traits.object_field is not None and traits.object_field in key
        rest = tuple(f for f in key if f not in ("actor", "date", traits.object_field))
        return cls(grouped, "actor" in key, obj, "date" in key, rest)


#: the year of every claim of a type whose key has no date (no split by year)
_ANY_YEAR = -1
_Block = tuple[str, str | None, str | None, tuple[str | None, ...]]


def _group_positions(ctx: Context, years: Mapping[str, int] | None) -> None:
    entries, alone = _position_entries(ctx)
    for i in alone:
        info = ctx.infos[i]
        who = ", ".join(ctx.name(k) for k in info.actors) or "?"
        _new_group(ctx, info, f"{info.type} · {who} · {_obj_label(info.obj)}", i)
    if years is None:
        years = _placement(ctx, entries).years()
    for _, i, _ in entries:
        info = ctx.infos[i]
        if info.year is None:
            info.year = years.get(info.doc)
    blocks: dict[_Block, dict[int | None, list[int]]] = {}
    for block, i, by_year in entries:
        year = ctx.infos[i].year if by_year else _ANY_YEAR
        blocks.setdefault(block, {}).setdefault(year, []).append(i)
    for block, by_year_members in blocks.items():
        # A claim of unknown year (no date, in an article with no publication
        # date that nothing else places in time: see placement.py) has no time
        # bound: it never joins a year's group, even the block's only one.
        # Claims of unknown year group among themselves ("year unknown").
        unknown = by_year_members.pop(None, [])
        parts: list[tuple[int | None, list[int]]] = sorted(by_year_members.items())
        if unknown:
            parts.append((None, unknown))
        for year, members in parts:
            _new_position_groups(ctx, block, year, members)


def _new_position_groups(ctx: Context, block: _Block, year: int | None, members: list[int]) -> None:
    split = _split_by_sets(ctx, members)
    for sub, who in split:
        first = ctx.infos[sub[0]]
        label = _position_label(ctx, block, year, first)
        gid = _new_group(ctx, first, f"{label} · {who}" if len(split) > 1 else label, sub[0])
        ctx.groups[gid].actor = block[1]
        for i in sub[1:]:
            ctx.groups[gid].members.append(i)
            _file(ctx, i, gid)


_Entry = tuple[_Block, int, bool]


def _position_entries(ctx: Context) -> tuple[list[_Entry], list[int]]:
    """(block, claim, split by year) of every claim of a "position" type, one per actor,
    and the claims that cannot be blocked (each a group of its own)."""
    entries: list[_Entry] = []
    alone: list[int] = []
    plans: dict[str, _PositionKey] = {}
    for i, info in enumerate(ctx.infos):
        traits = info.traits
        if traits.grouping == "event":
            continue
        plan = plans.get(info.type)
        if plan is None:
            plan = plans[info.type] = _PositionKey.of(traits)
        if not plan.grouped or (plan.obj and info.obj is None) or (plan.actor and not info.actors):
            alone.append(i)
            continue
        obj = info.obj if plan.obj else None
        for actor in info.actors if plan.actor else (None,):
            entries.append(((info.type, actor, obj, ()), i, plan.year))
    return entries, alone


def _placement(ctx: Context, entries: list[_Entry]) -> Placement:
    """What placing the context's undated articles needs (see placement.py)."""
    out = Placement()
    for block, i, by_year in entries:
        info = ctx.infos[i]
        if not by_year:
            continue
        if info.year is None:
            out.unknown.setdefault(info.doc, []).append(block)
        else:
            out.known.setdefault(block, set()).add(info.year)
    if out.unknown:
        out.spans = _dated_spans(x for x in ctx.infos if x.doc in out.unknown)
    return out


def placement_of(ctx: Context) -> Placement:
    """What placing undated articles needs to know of a context's claims (see
    :class:`~claimkit.consistency.placement.Placement`); any context, ``group=False`` too."""
    return _placement(ctx, _position_entries(ctx)[0])


def _split_by_sets(ctx: Context, members: list[int]) -> list[tuple[list[int], str]]:
    """A position's claims split by their further fields, each compared as a set.

    The further fields are the actor fields besides ``actor`` and the object
    (a pledge's recipient) and the ``event_key`` fields besides actor, object
    and date (a warning's consequence). Two claims are one position when, on
    every field both fill, their values overlap (actor keys; a free phrase's
    category, else its content words), and at least one field is filled by
    both; a claim filling none is compatible with any and joins the only named
    position (else stays apart with the others filling none): "troops to
    Ukraine" and "troops" are one position, "troops to Ukraine" and "troops to
    Estonia" two; a warning of "new sanctions" and one of "something will
    happen" two.
    """
    if len(members) < 2:
        return [(members, "")]
    first = ctx.infos[members[0]]
    fields = ctx._other_fields.get(first.type)
    if fields is None:
        fields = ctx._other_fields[first.type] = _set_fields(first.traits)
    if not fields:
        return [(members, "")]
    accs: list[list[set[str]]] = []  # each named position's sets so far
    named: list[list[int]] = []
    unnamed: list[int] = []
    for i in members:
        sets = _field_sets(ctx, ctx.infos[i], fields)
        if not any(sets):
            unnamed.append(i)
            continue
        k = first_fit(accs, sets)
        if k == len(named):
            named.append([i])
        else:
            named[k].append(i)
    if len(named) <= 1:
        return [(members, "")]
    out = [(m, split_label(ctx, first.traits, fields, sets)) for sets, m in zip(accs, named, strict=True)]
    return out + ([(unnamed, unnamed_label(first.traits, fields))] if unnamed else [])


def first_fit(accs: list[list[set[str]]], sets: list[frozenset[str]]) -> int:
    """The index of the first position (its sets so far: ``accs``) ``sets`` agree with,
    which then holds them too; else of a new position, appended."""
    for k, acc in enumerate(accs):
        if _sets_agree(acc, sets):
            for a, x in zip(acc, sets, strict=True):
                a |= x
            return k
    accs.append([set(x) for x in sets])
    return len(accs) - 1


def split_label(ctx: Context, traits: ClaimTraits, fields: tuple[str, ...], sets: list[set[str]]) -> str:
    """What tells one named position of a split block from the others ("for Ukraine")."""
    return _sets_label(ctx, fields, sets, traits.fields_of_kind("actors"))


def unnamed_label(traits: ClaimTraits, fields: tuple[str, ...]) -> str:
    """The label of a split block's claims that name none of ``fields``."""
    return "for ?" if any(f in traits.fields_of_kind("actors") for f in fields) else "?"


def _sets_agree(acc: list[set[str]], sets: list[frozenset[str]]) -> bool:
    shared = False
    for a, x in zip(acc, sets, strict=True):
        if a and x:
            if a.isdisjoint(x):
                return False
            shared = True
    return shared


def _sets_label(ctx: Context, fields: tuple[str, ...], sets: list[set[str]],
                actor_fields: tuple[str, ...]) -> str:
    who = sorted(ctx.name(k) for f, x in zip(fields, sets, strict=True) if f in actor_fields for k in x)
    what = sorted(k for f, x in zip(fields, sets, strict=True) if f not in actor_fields for k in x)
    parts = ([f"for {', '.join(who)}"] if who else []) + ([" ".join(what)] if what else [])
    return " · ".join(parts)


def _set_fields(traits: ClaimTraits) -> tuple[str, ...]:
    """The fields a position's claims are compared on as sets (see :func:`_split_by_sets`)."""
    extra = _PositionKey.of(traits).extra
    return _other_actor_fields(traits) + tuple(f for f in extra if f not in _other_actor_fields(traits))


def _field_sets(ctx: Context, info: ClaimInfo, fields: tuple[str, ...]) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    kinds = info.traits.field_kinds
    for name in fields:
        kind = kinds.get(name, "other")
        if kind == "actors":
            out.append(_actor_field_keys(ctx, info.claim, (name,)))
            continue
        key = ctx.keys.field_key(info.claim, name, kind)
        if key is None:
            out.append(frozenset())
        elif kind == "text" and key.startswith("x:"):
            out.append(frozenset(key[2:].split()))
        else:
            out.append(frozenset((key,)))
    return out


def _other_actor_fields(traits: ClaimTraits) -> tuple[str, ...]:
    """Actor fields of a position type besides its actor and its object (a pledge's recipient)."""
    return tuple(
        f for f in traits.fields_of_kind("actors") if f not in ("actor", traits.object_field)
    )


def _actor_field_keys(ctx: Context, claim: ClaimBase, fields: tuple[str, ...]) -> frozenset[str]:
    keys: set[str] = set()
    for name in fields:
        value: Any = getattr(claim, name, None)
        for a in value if isinstance(value, list) else (value,) if value is not None else ():
            keys.add(ctx.keys.actor_key(a))
    return frozenset(keys)


def _field_keys(ctx: Context, info: ClaimInfo, fields: tuple[str, ...]) -> tuple[str | None, ...]:
    """The keys of further ``event_key`` fields (None where a claim has no value)."""
    kinds = info.traits.field_kinds
    return tuple(ctx.keys.field_key(info.claim, f, kinds[f]) for f in fields)


def _position_label(ctx: Context, block: _Block, year: int | None, first: ClaimInfo) -> str:
    type_, actor, obj, extra = block
    parts = [type_]
    if actor is not None:
        parts.append(ctx.name(actor))
    if obj is not None:
        phrase = _phrase(first.claim, first.traits)
        parts.append(_obj_label(obj) + (f" ({phrase})" if phrase else ""))
    parts.extend(_obj_label(x) for x in extra)
    if year != _ANY_YEAR:
        parts.append(str(year or "year unknown"))
    return " · ".join(parts)


def _phrase(claim: ClaimBase, traits: ClaimTraits) -> str | None:
    """The object as written: the first free phrase of the object field and its fallbacks."""
    if traits.object_field is None:
        return None
    for name in (traits.object_field, *traits.object_fallback):
        value = getattr(claim, name, None)
        if type(value) is str and value and name != "summary":  # a phrase, not an enum member
            return value if len(value) <= 60 else value[:57] + "..."
    return None


def _obj_label(obj: str | None) -> str:
    if obj is None:
        return "?"
    if obj.startswith("~"):
        return "reversing " + obj[1:]
    if obj.startswith("t:"):
        return "against " + obj[2:].replace("c:", "").replace("n:", "")
    return obj.removeprefix("x:")


def _new_group(ctx: Context, info: ClaimInfo, label: str, first: int) -> int:
    gid = len(ctx.groups)
    ctx.groups.append(Group(info.type, label, info.traits, [first]))
    _file(ctx, first, gid)
    return gid


def _file(ctx: Context, i: int, gid: int) -> None:
    info = ctx.infos[i]
    if info.gid < 0:
        info.gid = gid
    else:
        ctx.claim_groups.setdefault(i, []).append(gid)


def _finish_groups(ctx: Context) -> None:
    seen: set[str] = set()
    for g in ctx.groups:
        first = ctx.infos[g.members[0]].claim.id
        digest = hashlib.sha1(f"{g.label}|{first}".encode()).hexdigest()[:12]
        gid = f"grp-{digest}"
        n = 1
        while gid in seen:  # the same claim id twice in the input; keep ids unique
            gid = f"grp-{digest}-{n}"
            n += 1
        seen.add(gid)
        g.id = gid


def source_key(doc_id: str, document: Document | None) -> str:
    """Who published a document: the URL's host, else the page (doc id before '#')."""
    if document is not None and document.url:
        host = urlsplit(document.url).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return doc_id.split("#", 1)[0]


def to_event_groups(ctx: Context, *, release: bool = False) -> list[EventGroup]:
    """The public :class:`EventGroup` models of a context's groups.

    ``release``: for a caller that owns ``ctx`` and is done with it (``validate``, once
    its checks have run): each group under construction is let go once its model is
    made, and each claim once the last group it belongs to is, so that the report's
    groups and the claims are never held at once (``ctx`` is then spent: its groups
    gone, its infos without their claims). 1,000,000 one-word claims, each its own
    group: the peak falls by about a kilobyte a claim.
    """
    if not release:
        return [_event_group(ctx, g) for g in ctx.groups]
    last = _last_groups(ctx)
    pending, ctx.groups = ctx.groups, []
    pending.reverse()  # popped from the end: each Group is freed once made into a model
    out: list[EventGroup] = []
    while pending:
        g = pending.pop()
        out.append(_event_group(ctx, g))
        for i in g.members:
            if last[i] == len(out) - 1:  # the claim's last group: nothing reads it again
                ctx.infos[i].claim = None  # type: ignore[assignment]  # ctx is spent (see above)
    return out


def _last_groups(ctx: Context) -> list[int]:
    """The index of the last group each claim belongs to (-1: none)."""
    last = [-1] * len(ctx.infos)
    for gi, g in enumerate(ctx.groups):
        for i in g.members:
            last[i] = gi
    return last


def _event_group(ctx: Context, g: Group) -> EventGroup:
    """The public model of one group."""
    infos = [ctx.infos[i] for i in g.members]
    doc_ids = list(dict.fromkeys(x.doc for x in infos))
    langs = sorted(
        {
            lang
            for d in doc_ids
            if (doc := ctx.documents.get(d)) is not None and (lang := doc.language)
        }
    )
    sources = {ctx.source(d) for d in doc_ids}
    lo, hi = _group_dates(g, infos)
    return construct(
        EventGroup,
        id=g.id,
        type=g.type,
        label=g.label,
        claims=[x.claim.id for x in infos],
        doc_ids=doc_ids,
        sources=len(sources),
        languages=langs,
        date_from=dt.date.fromordinal(lo).isoformat() if lo else None,
        date_to=dt.date.fromordinal(hi).isoformat() if hi else None,
    )


def _group_dates(g: Group, infos: list[ClaimInfo]) -> tuple[int | None, int | None]:
    """An event group's date: the narrowest interval all its reports allow (undated ones:
    on or before their publication), else the span of its dates; a position group's span."""
    dates = [x.date for x in infos if x.date is not None]
    if g.traits.grouping == "event":
        spans = [s for x in infos if (s := x.date or undated_span(x)) is not None]
        if spans:
            lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
            if lo <= hi:
                return lo, hi
    if not dates:
        return None, None
    return min(d[0] for d in dates), max(d[1] for d in dates)


def group_events(
    items: Iterable[DocumentClaims | Failure | ClaimBase],
    documents: Mapping[str, Document] | Iterable[Document] | None = None,
    *,
    affiliations: Mapping[str, str] | None = None,
    gazetteer: Gazetteer | None = None,
    places: Places | None = None,
) -> list[EventGroup]:
    """Group claims that report the same event or position, across documents.

    Args:
        items: claims, or output records (their documents are used too).
        documents: documents by id (or an iterable of them), for publication
            years, languages and sources.
        affiliations: extra ``{person: country or organisation}`` entries.
        gazetteer: actor names and affiliations (default: ``Gazetteer.default()``).
        places: place names (default: ``Places.default()``).

    Returns:
        One :class:`EventGroup` per event or position, singletons included.
    """
    ctx = build_context(
        items, documents, affiliations=affiliations, gazetteer=gazetteer, places=places
    )
    return to_event_groups(ctx)
