"""Same-event grouping by blocking: no claim is compared with every other.

Keys are computed once per claim (:class:`ClaimInfo`). Then:

- **meetings** are clustered through two dict indexes, ``(place, day)`` and
  ``(participant, day)``: a meeting only looks at clusters filed under its own
  place or participants on its day or the day either side. A cluster never
  holds two meetings from the same document (an article reports each meeting
  once, so two meetings of one article are two events). Undated meetings stay
  alone: "the Paris summit on Thursday" cannot be told apart from another Paris
  summit without a date.
- **positions** (pledges, refusals, warnings and user types) are blocked on
  ``(type, actor, object)`` and split by year (the claim's date, else the
  article's publication year). Claims of unknown year join the block's only
  year when there is exactly one, else stay in a group of their own, so claims
  from articles of different years never merge. A claim with several actors
  belongs to one group per actor ("the UK and France pledge troops" supports
  both "UK pledges troops" and "France pledges troops").
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from claimkit.consistency.keys import DateRange, KeyBuilder, parse_date
from claimkit.consistency.models import EventGroup
from claimkit.schemas import ClaimBase, Document, DocumentClaims, Failure

__all__ = ["ClaimInfo", "Context", "build_context", "group_events"]


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
    members: list[int] = field(default_factory=list)
    id: str = ""


@dataclass
class Context:
    """Claims, their documents and keys, and the groups, shared by all checks."""

    infos: list[ClaimInfo]
    documents: dict[str, Document]
    keys: KeyBuilder
    names: dict[str, str]
    groups: list[Group] = field(default_factory=list)
    #: claims in more than one group (several actors): their further groups.
    #: The first group is ``ClaimInfo.gid``: a million-entry dict of one-item
    #: lists cost more than the checks that read it.
    claim_groups: dict[int, list[int]] = field(default_factory=dict)
    _sources: dict[str, str] = field(default_factory=dict)

    def source(self, doc_id: str) -> str:
        """The source key of a document (memoised; see :func:`source_key`)."""
        hit = self._sources.get(doc_id)
        if hit is None:
            hit = self._sources[doc_id] = source_key(doc_id, self.documents.get(doc_id))
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
) -> Context:
    """Compute every claim's keys and group the claims (see the module docstring)."""
    claims, docs = _split_input(items, documents)
    keys = KeyBuilder(affiliations)
    names: dict[str, str] = {}
    infos: list[ClaimInfo] = []
    # claims come in runs of one document: look the document up once per run
    last_id: str | None = None
    doc: Document | None = None
    pub: int | None = None
    for c in claims:
        if c.doc_id != last_id:
            last_id = c.doc_id
            doc = docs.get(last_id)
            pub = doc.published.year if doc is not None and doc.published is not None else None
        actor_keys = []
        for a in c.actor:
            k = keys.actor_key(a)
            if k not in actor_keys:
                actor_keys.append(k)
            if k not in names:
                names[k] = a.label
        dr = parse_date(c.date.value) if c.date is not None and c.date.value else None
        year = dt.date.fromordinal(dr[0]).year if dr else pub
        info = ClaimInfo(len(infos), c, c.doc_id, c.type, tuple(actor_keys), dr, year, document=doc)
        if c.type == "meeting":
            info.loc = keys.location_key(getattr(c, "location", None))
            parts = set(actor_keys)
            for a in (*getattr(c, "participants", ()), *getattr(c, "hosts", ())):
                k = keys.actor_key(a)
                parts.add(k)
                names.setdefault(k, a.label)
            info.parts = frozenset(parts)
        else:
            info.obj = keys.object_key(c)
        infos.append(info)
    ctx = Context(infos, docs, keys, names)
    _group_meetings(ctx)
    _group_positions(ctx)
    _finish_groups(ctx)
    return ctx


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


def _group_meetings(ctx: Context) -> None:
    # Indexed by day first: a meeting probes three small per-day dicts rather
    # than one (place or participant, day) dict of a million keys, whose
    # probes miss the CPU caches on a large corpus.
    by_day: dict[int, _Day] = {}
    coarse: dict[tuple[str, int, int], list[_Cluster]] = {}
    for i, info in enumerate(ctx.infos):
        if info.type != "meeting":
            continue
        date = info.date
        if date is None or (date[2] != "day" and info.loc is None):
            _new_group(ctx, "meeting", _meeting_label(ctx, info), i)
            continue
        if date[2] != "day":  # month or year only: joins only the same period and place
            assert info.loc is not None
            ckey = (info.loc, date[0], date[1])
            cl = next((c for c in coarse.get(ckey, ()) if info.doc not in c.docs), None)
            if cl is None:
                gid = _new_group(ctx, "meeting", _meeting_label(ctx, info), i)
                coarse.setdefault(ckey, []).append(
                    _Cluster(gid, {info.doc}, {info.loc}, set(info.parts), date[0], date[1])
                )
            else:
                _join(ctx, cl, info, i)
            continue
        day = date[0]
        chosen = _find_cluster(info, day, by_day)
        if chosen is None:
            gid = _new_group(ctx, "meeting", _meeting_label(ctx, info), i)
            chosen = _Cluster(gid, {info.doc}, set(), set(info.parts), day, day)
            if info.loc:
                chosen.locs.add(info.loc)
        else:
            _join(ctx, chosen, info, i)
            chosen.lo, chosen.hi = min(chosen.lo, day), max(chosen.hi, day)
        index = by_day.get(day)
        if index is None:
            index = by_day[day] = ({}, {})
        if info.loc:
            index[0].setdefault(info.loc, {})[chosen] = None
        for p in info.parts:
            index[1].setdefault(p, {})[chosen] = None


def _join(ctx: Context, cl: _Cluster, info: ClaimInfo, i: int) -> None:
    ctx.groups[cl.gid].members.append(i)
    _file(ctx, i, cl.gid)
    cl.docs.add(info.doc)
    cl.parts |= info.parts
    if info.loc:
        cl.locs.add(info.loc)


def _find_cluster(
    info: ClaimInfo,
    day: int,
    by_day: dict[int, _Day],
) -> _Cluster | None:
    # exact day before the day either side; the same place before shared participants;
    # participants in sorted order so that the result does not depend on string hashing.
    # A cluster filed under several of these keys is tested once: the answer for
    # this claim does not change between keys.
    parts = sorted(info.parts)
    tried: set[int] = set()
    for d in (day, day - 1, day + 1):
        index = by_day.get(d)
        if index is None:
            continue
        by_loc, by_part = index
        if info.loc:
            for cl in by_loc.get(info.loc, ()):
                if cl.gid not in tried:
                    if _compatible(cl, info, day):
                        return cl
                    tried.add(cl.gid)
        for p in parts:
            for cl in by_part.get(p, ()):
                if cl.gid not in tried:
                    if _compatible(cl, info, day):
                        return cl
                    tried.add(cl.gid)
    return None


def _compatible(cl: _Cluster, info: ClaimInfo, day: int) -> bool:
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


def _meeting_label(ctx: Context, info: ClaimInfo) -> str:
    c = info.claim
    where = getattr(c, "location", None) or "?"
    when = c.date.value if c.date is not None and c.date.value else "undated"
    who = ", ".join(ctx.name(k) for k in info.actors[:3]) or "?"
    return f"meeting · {where} · {when} · {who}"


def _group_positions(ctx: Context) -> None:
    blocks: dict[tuple[str, str, str], dict[int | None, list[int]]] = {}
    for i, info in enumerate(ctx.infos):
        if info.type == "meeting":
            continue
        if info.obj is None or not info.actors:
            who = ", ".join(ctx.name(k) for k in info.actors) or "?"
            _new_group(ctx, info.type, f"{info.type} · {who} · {_obj_label(info.obj)}", i)
            continue
        for actor in info.actors:
            years = blocks.setdefault((info.type, actor, info.obj), {})
            years.setdefault(info.year, []).append(i)
    for (type_, actor, obj), years in blocks.items():
        unknown = years.pop(None, [])
        if len(years) == 1 and unknown:
            next(iter(years.values())).extend(unknown)
            unknown = []
        parts: list[tuple[int | None, list[int]]] = sorted(years.items())
        if unknown:
            parts.append((None, unknown))
        for year, members in parts:
            phrase = _phrase(ctx.infos[members[0]].claim)
            label = (
                f"{type_} · {ctx.name(actor)} · {_obj_label(obj)}"
                + (f" ({phrase})" if phrase else "")
                + f" · {year or 'year unknown'}"
            )
            gid = _new_group(ctx, type_, label, members[0])
            for i in members[1:]:
                ctx.groups[gid].members.append(i)
                _file(ctx, i, gid)


def _phrase(claim: ClaimBase) -> str | None:
    for name in ("what", "consequence"):
        value = getattr(claim, name, None)
        if type(value) is str and value:  # a free phrase, not an enum member
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


def _new_group(ctx: Context, type_: str, label: str, first: int) -> int:
    gid = len(ctx.groups)
    ctx.groups.append(Group(type_, label, [first]))
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


def to_event_groups(ctx: Context) -> list[EventGroup]:
    """The public :class:`EventGroup` models of a context's groups."""
    out = []
    for g in ctx.groups:
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
        dates = [x.date for x in infos if x.date is not None]
        out.append(
            EventGroup.model_construct(
                id=g.id,
                type=g.type,
                label=g.label,
                claims=[x.claim.id for x in infos],
                doc_ids=doc_ids,
                sources=len(sources),
                languages=langs,
                date_from=dt.date.fromordinal(min(d[0] for d in dates)).isoformat() if dates else None,
                date_to=dt.date.fromordinal(max(d[1] for d in dates)).isoformat() if dates else None,
            )
        )
    return out


def group_events(
    items: Iterable[DocumentClaims | Failure | ClaimBase],
    documents: Mapping[str, Document] | Iterable[Document] | None = None,
    *,
    affiliations: Mapping[str, str] | None = None,
) -> list[EventGroup]:
    """Group claims that report the same event or position, across documents.

    Args:
        items: claims, or output records (their documents are used too).
        documents: documents by id (or an iterable of them), for publication
            years, languages and sources.
        affiliations: extra ``{person: country or organisation}`` entries.

    Returns:
        One :class:`EventGroup` per event or position, singletons included.
    """
    return to_event_groups(build_context(items, documents, affiliations=affiliations))
