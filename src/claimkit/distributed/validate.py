"""Validation on a Dask cluster: claims shuffled by blocking key, each partition checked
where it lands, the findings merged.

1. **Map**: the claims files are cut into byte ranges (at line boundaries).
   Each task reads its range, computes every claim's keys once
   (:func:`claimkit.consistency.build_context` without grouping) and sends the
   claim, with its record cut to the claims going the same way (serialised
   and compressed: the shuffle carries a fraction of the input's bytes, which
   Dask spills to disk past its memory target), to the
   partitions of its *partition keys*, the blocks under which the validator
   compares claims:

   - a "position" claim (pledges, refusals, warnings) goes to the block of
     its object and each of its actors: the validator groups such claims per
     type, actor and object, and the stance check pairs one actor's claims on
     one object across types. A claim of several actors goes to each actor's
     partition, which keeps only the actors it owns (so each of the claim's
     groups and stance pairs is made in one partition, from all its claims);
   - an "event" claim (meetings) goes to its type's partition, dated or not
     (exact: the validator clusters events greedily, in input order, through
     places, participants and days, and joins a document's restatements of
     one meeting whatever their dates, so any two of one type can affect each
     other).
     With ``window_days``, it goes instead to its type and *window* of that
     many days, and to every other window that its days, widened by
     :data:`MARGIN_DAYS` on each side, touch. It is *owned* by the window of
     its middle day: the groups whose first claim a partition owns are the
     ones it reports. This bounds a partition's memory, but is not exact: a
     cluster's days depend on which claims joined it first, a chain that can
     run past the margin on a corpus dense in events, and a claim dated by
     month, year or "the week before publication" is compared only with the
     claims its window reads, and a claim with no time goes to its
     document's partition, so it does not join a restatement of its meeting
     dated in the same document. On a test corpus of 60 meetings in 40 days
     about 2 % of the event groups differ;
   - a claim that the validator never groups (no object, no actor, a type of
     no grouping) goes to its document's partition, alone.

   Each whole record also goes to its document's partition. The labels first
   met for each actor key and what placing undated articles needs are
   collected from every map.
2. **Group pass**, per key partition: the claims in input order, grouped with
   the labels and placement of the whole input; the checks that compare claims
   (every registered check but integrity and time); only owned groups and
   their findings kept.
3. **Document pass**, per document partition: the integrity and time checks
   (per claim, and per document), each claim placed in its first group (the
   group pass says which).
4. **Merge**: groups and findings of all partitions, sorted (group id; kind,
   group, message), claims and documents counted once; or, with ``output``,
   each partition writes its own to a JSONL file and only counts come back.

The number of partitions follows the input's size (about
:data:`PARTITION_BYTES` of claims each), so each partition's memory stays the
same whatever the input's size.

So the findings equal those of one :func:`~claimkit.consistency.validate`
over all the claims (a test compares them), in another order, with these known
differences: "claim id used by two different claims" is found only when both
claims are of one document; an "event" type that also declares a stance is
compared by stance only with claims of its own type, and so is a "position"
type whose ``event_key`` leaves out the actor (none of the built-in types); a
stance finding whose "against" claim (a refusal) has several actors can name
another of that claim's groups (the one of the actor whose partition found
it); and, with ``window_days``, the event groups near windows' edges (above).
A plugin's check runs in the group pass.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import os
import pickle
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.schemas import DocumentClaims

__all__ = ["Chunk", "ClusterValidation", "MapResult", "plan_chunks", "validate_on_cluster"]

#: default bytes of claims files per map task
CHUNK_BYTES = 32 << 20

#: bytes of claims (as JSON) per partition of the shuffles: sets their number
PARTITION_BYTES = 24 << 20

#: days of one window of "event" claims, a good ``window_days`` for news
WINDOW_DAYS = 32

#: days each side of a window that its partition also reads
MARGIN_DAYS = 8

#: bad lines named one by one (the rest are counted)
_NAMED_BAD = 20


@dataclass(frozen=True)
class Chunk:
    """The lines of ``path`` that start in ``[start, end)``; ``index`` orders the chunks."""

    index: int
    path: str
    start: int
    end: int


def plan_chunks(files: Iterable[str], chunk_bytes: int = CHUNK_BYTES) -> list[Chunk]:
    """Byte ranges of about ``chunk_bytes`` over the files, in order."""
    out: list[Chunk] = []
    for path in files:
        size = os.path.getsize(path)
        for start in range(0, max(size, 1), chunk_bytes):
            out.append(Chunk(len(out), path, start, min(start + chunk_bytes, size)))
    return out


Order = tuple[int, int]  # (chunk, line): input order of a record
#: a record cut to one partition's claims (JSON), and the claims' indexes in the whole record
Cut = tuple[Order, bytes, tuple[int, ...]]


@dataclass
class MapResult:
    """One map task's output: records by key partition (cut) and by document
    partition (whole), the first label of each actor key, bad lines."""

    #: each partition's list (of :data:`Cut`; of ``(order, JSON line)``), packed (:func:`_pack`)
    by_key: list[bytes]
    by_doc: list[bytes]
    #: the chunk's index
    index: int = 0
    #: the first label of each actor key in this chunk (the chunk's index orders them)
    names: dict[str, str] = field(default_factory=dict)
    bad: int = 0
    messages: list[str] = field(default_factory=list)
    #: what placing undated articles needs (claimkit.consistency.placement_of), merged over chunks
    placement: Any = None


def _lines(chunk: Chunk) -> Iterable[tuple[int, bytes]]:
    """``(byte offset, line)`` of the lines that start inside the chunk."""
    with open(chunk.path, "rb") as fh:
        if chunk.start:
            fh.seek(chunk.start - 1)
            fh.readline()  # the line under way at start belongs to the chunk before
        while (pos := fh.tell()) < chunk.end:
            line = fh.readline()
            if not line:
                break
            yield pos, line


def _gazetteer(files: tuple[str, ...]) -> dict[str, Any]:
    if not files:
        return {}
    from claimkit.normalize import Gazetteer, Places

    return {"gazetteer": Gazetteer.load(*files), "places": Places.load(*files)}


@dataclass(frozen=True)
class Plan:
    """How the claims are partitioned: partitions of each shuffle, event windows."""

    partitions: int
    #: None: all claims of one "event" type in one partition (exact)
    window: int | None = None
    margin: int = MARGIN_DAYS

    def bucket(self, key: str) -> int:
        return zlib.crc32(key.encode("utf-8", "surrogatepass")) % self.partitions


def _blocked_by_actor(info: Any) -> bool | None:
    """How the group pass blocks a non-event claim: per actor (True), per object only
    (False), or not at all (None: the claim stays alone)."""
    t = info.traits
    if t.grouping == "none" or not t.event_key:
        return None
    if t.object_field is not None and t.object_field in t.event_key and info.obj is None:
        return None
    by_actor = "actor" in t.event_key
    if by_actor and not info.actors:
        return None
    return by_actor


def _home_window(info: Any, plan: Plan) -> tuple[int, range] | None:
    """An event claim's own window and the windows it is sent to (None: no time)."""
    from claimkit.consistency.grouping import event_span

    if plan.window is None:  # exact: every claim of the type, timed or not (restatements)
        return 0, range(1)
    span = event_span(info)
    if span is None:
        return None
    lo, hi = span[0], span[1]
    return (lo + hi) // 2 // plan.window, range((lo - plan.margin) // plan.window,
                                                (hi + plan.margin) // plan.window + 1)


def claim_keys(info: Any, plan: Plan) -> Iterator[str]:
    """The partition keys of a keyed claim (see the module docstring)."""
    if info.traits.grouping == "event":
        home = _home_window(info, plan)
        if home is None:
            yield "d:" + info.doc
            return
        for w in home[1]:
            yield f"e:{info.type}|{w}"
        return
    by_actor = _blocked_by_actor(info)
    if by_actor is None:
        yield "d:" + info.doc
    elif by_actor:
        for a in info.actors:
            yield f"o:{info.obj or ''}|{a}"
    else:
        yield f"o:{info.obj or ''}|"


def _owner_key(info: Any, plan: Plan) -> str:
    """The key of the partition that reports the claim's first group."""
    if info.traits.grouping == "event":
        home = _home_window(info, plan)
        return "d:" + info.doc if home is None else f"e:{info.type}|{home[0]}"
    return next(claim_keys(info, plan))


def map_chunk(chunk: Chunk, plan: Plan, gazetteer_files: tuple[str, ...]) -> MapResult:
    """Read one chunk; send each record to its document's partition and each claim
    (with its record) to its keys' partitions."""
    from claimkit.consistency import build_context, placement_of
    from claimkit.errors import InputError
    from claimkit.io import parse_record

    out = MapResult([], [], chunk.index)
    records: list[tuple[Order, DocumentClaims, bytes]] = []
    for n, (pos, raw) in enumerate(_lines(chunk)):
        text = raw.decode("utf-8", "surrogateescape").strip()
        if not text:
            continue
        try:
            record = parse_record(text, source=chunk.path, lineno=n + 1)
        except InputError as err:
            out.bad += 1
            if len(out.messages) < _NAMED_BAD:
                out.messages.append(f"{chunk.path}: byte {pos}: {str(err).split(': ', 1)[-1]}")
            continue
        if isinstance(record, DocumentClaims):  # failure records carry no claims
            records.append(((chunk.index, n), record, raw))
    ctx = build_context([r for _, r, _ in records], group=False, **_gazetteer(gazetteer_files))
    out.names, out.placement = ctx.names, placement_of(ctx)
    infos = iter(ctx.infos)
    by_key: list[list[Cut]] = [[] for _ in range(plan.partitions)]
    by_doc: list[list[tuple[Order, bytes]]] = [[] for _ in range(plan.partitions)]
    for order, record, raw in records:
        by_doc[plan.bucket(record.document.id)].append((order, raw))
        _scatter(record, order, [next(infos) for _ in record.claims], plan, by_key)
    out.by_key, out.by_doc = [_pack(b) for b in by_key], [_pack(b) for b in by_doc]
    return out


def _pack(items: list[Any]) -> bytes:
    """A partition's part of a map output as one compressed blob: JSON compresses several
    times over, so the shuffle holds (and spills) a fraction of the input's size."""
    return zlib.compress(pickle.dumps(items, protocol=5), 1)


def _unpack(blob: bytes) -> list[Any]:
    items: list[Any] = pickle.loads(zlib.decompress(blob))  # noqa: S301 - our own map output
    return items


def _scatter(record: DocumentClaims, order: Order, infos: list[Any], plan: Plan,
             by_key: list[list[Cut]]) -> None:
    parts: dict[int, list[int]] = {}
    for j, info in enumerate(infos):
        for key in claim_keys(info, plan):
            idx = parts.setdefault(plan.bucket(key), [])
            if not idx or idx[-1] != j:
                idx.append(j)
    for b, idx in parts.items():
        cut = record if len(idx) == len(record.claims) else record.model_copy(
            update={"claims": [record.claims[j] for j in idx]})
        by_key[b].append((order, cut.model_dump_json().encode("utf-8", "surrogatepass"),
                          tuple(idx)))


def _take_keys(result: MapResult, index: int) -> bytes:
    return result.by_key[index]


def _take_docs(result: MapResult, index: int) -> bytes:
    return result.by_doc[index]


def _names(results: Iterable[tuple[int, dict[str, str]]]) -> dict[str, str]:
    """The label met first (in input order) for each actor key."""
    first: dict[str, str] = {}
    for _, names in sorted(results, key=lambda r: r[0]):
        for key, label in names.items():
            first.setdefault(key, label)
    return first


def _doc_checks() -> tuple[Any, ...]:
    from claimkit.consistency import check_integrity, check_time

    return check_integrity, check_time


def _parse(raw: bytes) -> DocumentClaims:
    return DocumentClaims.model_validate_json(raw)


#: a claim's first group: (rank of its block, group id); the lowest rank is the first
FirstGroup = tuple[tuple[Any, ...], str | None]


@dataclass
class KeyResult:
    """Pass 1 of one partition: owned groups and their findings, each owned claim's
    first group (by ``(order, claim index)``), split by document partition."""

    groups: list[Any]
    findings: list[Any]
    gids: list[dict[tuple[Order, int], FirstGroup]]


def _own_actors(ctx: Any, plan: Plan, b: int) -> None:
    """Keep, of each claim blocked per actor, the actors whose blocks partition ``b`` owns."""
    for info in ctx.infos:
        if info.traits.grouping != "event" and len(info.actors) > 1 and _blocked_by_actor(info):
            info.actors = tuple(a for a in info.actors
                                if plan.bucket(f"o:{info.obj or ''}|{a}") == b)


def reduce_keys(plan: Plan, b: int, gazetteer_files: tuple[str, ...], names: dict[str, str],
                placement: Any, *buckets: bytes) -> KeyResult:
    """Group one key partition's claims (in input order) and run the group checks."""
    from claimkit.consistency import build_context, registered_checks
    from claimkit.consistency.grouping import group_context, to_event_groups

    items: list[Cut] = sorted((c for blob in buckets for c in _unpack(blob)), key=lambda c: c[0])
    ctx = build_context([_parse(raw) for _, raw, _ in items], names=names, group=False,
                        **_gazetteer(gazetteer_files))
    where = [(order, j) for order, _, idx in items for j in idx]
    actors = [info.actors for info in ctx.infos]
    _own_actors(ctx, plan, b)
    group_context(ctx, placement)
    owned = {g.id for g in ctx.groups if g.actor is not None
             or plan.bucket(_owner_key(ctx.infos[g.members[0]], plan)) == b}
    skip = _doc_checks()
    findings = [f for check in registered_checks().values() if check not in skip
                for f in check(context=ctx) if f.group is None or f.group in owned]
    return KeyResult([g for g in to_event_groups(ctx) if g.id in owned], findings,
                     _first_groups(ctx, plan, b, where, actors))


def _first_groups(ctx: Any, plan: Plan, b: int, where: list[tuple[Order, int]],
                  actors: list[tuple[str, ...]]) -> list[dict[tuple[Order, int], FirstGroup]]:
    """Each claim's first group here, by document partition: an event claim's in the
    partition that owns it; a claim of several actors is in one group per actor, and its
    first is the one whose block the validator met first (the lowest rank over partitions)."""
    ranks: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for g in ctx.groups:
        if g.actor is not None:
            m = g.members[0]
            key, rank = (g.type, g.actor, ctx.infos[m].obj), (*where[m], actors[m].index(g.actor))
            ranks[key] = min(rank, ranks.get(key, rank))
    out: list[dict[tuple[Order, int], FirstGroup]] = [{} for _ in range(plan.partitions)]
    for i, info in enumerate(ctx.infos):
        if info.traits.grouping == "event" and plan.bucket(_owner_key(info, plan)) != b:
            continue
        first: FirstGroup = ((), ctx.group_of(i))
        if len(actors[i]) > 1:
            first = min(((ranks.get((ctx.groups[gi].type, ctx.groups[gi].actor, info.obj), ()),
                          ctx.groups[gi].id) for gi in ctx.groups_of(i)), default=first)
        out[plan.bucket(info.doc)][where[i]] = first
    return out


def _take_gids(result: KeyResult, index: int) -> dict[tuple[Order, int], FirstGroup]:
    return result.gids[index]


def reduce_docs(gazetteer_files: tuple[str, ...], names: dict[str, str],
                gid_parts: list[dict[tuple[Order, int], FirstGroup]],
                *buckets: bytes) -> tuple[list[Any], int, set[str]]:
    """Run the per-claim and per-document checks on one document partition, each claim
    in the group pass 1 put it in first; findings, claims, document ids."""
    from claimkit.consistency import build_context
    from claimkit.consistency.grouping import Group

    items: list[tuple[Order, bytes]] = sorted((p for blob in buckets for p in _unpack(blob)),
                                              key=lambda p: p[0])
    gids: dict[tuple[Order, int], FirstGroup] = {}
    for part in gid_parts:
        for k, v in part.items():
            if k not in gids or v[0] < gids[k][0]:
                gids[k] = v
    records = [_parse(raw) for _, raw in items]
    ctx = build_context(records, names=names, group=False, **_gazetteer(gazetteer_files))
    index: dict[str, int] = {}
    infos = iter(ctx.infos)
    for (order, _), record in zip(items, records, strict=True):
        for j in range(len(record.claims)):
            info, gid = next(infos), gids.get((order, j), ((), None))[1]
            if gid is None:
                info.gid = -1
                continue
            if gid not in index:
                index[gid] = len(ctx.groups)
                ctx.groups.append(Group(info.type, "", info.traits, [], gid))
            info.gid = index[gid]
    findings = [f for check in _doc_checks() for f in check(context=ctx)]
    return findings, len(ctx.infos), {r.document.id for r in records}


def _finding_order(f: Any) -> tuple[str, str, str, str]:
    return (f.kind, f.group or "", f.message, ",".join(c for c in f.claims))


@dataclass
class ClusterValidation:
    """The merged report (with ``output``: counts only, no groups or findings), and the
    bad lines met while reading."""

    report: Any
    bad: int
    messages: list[str]
    #: with ``output``: the files the partitions wrote, and the groups and findings in them
    files: list[str] = field(default_factory=list)
    n_groups: int = 0
    n_findings: int = 0


def plan_for(client: Any, files: list[str], partitions: int | None = None) -> Plan:
    """Partitions from the input's size (about :data:`PARTITION_BYTES` each; at least
    four per worker), unless given."""
    if partitions is None:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = sum(os.path.getsize(f) for f in files)
        partitions = max(4 * workers, math.ceil(size / PARTITION_BYTES))
    return Plan(partitions)


def validate_on_cluster(
    client: Any,
    files: Iterable[str],
    *,
    gazetteer_files: Iterable[str] = (),
    partitions: int | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    output: str | os.PathLike[str] | None = None,
    window_days: int | None = None,
) -> ClusterValidation:
    """Validate the claims of ``files`` (claimkit JSONL) on the cluster of ``client``.

    Args:
        partitions: partitions of each shuffle (default: from the input's size).
        chunk_bytes: bytes of claims files per map task.
        output: a directory (on a filesystem the workers share) where each partition
            writes its groups and findings (``groups-NNNNN.jsonl``,
            ``findings-NNNNN.jsonl``) instead of sending them back: the report then
            holds the counts only.
        window_days: None (default): all claims of one "event" type are grouped in one
            partition, exactly as one process groups them (its worker needs their memory).
            A number of days (:data:`WINDOW_DAYS` suits news): "event" claims are
            partitioned by windows of that many days, so no partition grows with the
            input, but the grouping is no longer exact near a window's edges (see the
            module docstring).
    """
    gaz, paths = tuple(gazetteer_files), [str(f) for f in files]
    plan = dataclasses.replace(plan_for(client, paths, partitions), window=window_days)
    maps = client.map(map_chunk, plan_chunks(paths, chunk_bytes), plan=plan,
                      gazetteer_files=gaz, pure=False)
    names = client.scatter(_names(client.gather(client.map(_names_of, maps, pure=False))))
    # undated articles are placed in time over the whole input (see claimkit.consistency.placement)
    from claimkit.consistency import Placement

    placement = client.scatter(functools.reduce(
        lambda a, b: a.merge(b), client.gather(client.map(_placement_of, maps, pure=False)),
        Placement()))
    p_range = range(plan.partitions)
    # each bucket is taken out where its map ran, so a reduce receives only its own
    keyed = [client.submit(reduce_keys, plan, p, gaz, names, placement,
                           *[client.submit(_take_keys, m, p, pure=False) for m in maps],
                           pure=False) for p in p_range]
    docs = [client.submit(reduce_docs, gaz, names,
                          [client.submit(_take_gids, k, p, pure=False) for k in keyed],
                          *[client.submit(_take_docs, m, p, pure=False) for m in maps],
                          pure=False) for p in p_range]
    bad, messages = 0, []
    for m in client.gather(client.map(_bad_lines, maps, pure=False)):
        bad += m[0]
        messages.extend(m[1])
    del maps
    if output is None:
        return ClusterValidation(_merge(client.gather(keyed), client.gather(docs)), bad,
                                 messages[:_NAMED_BAD])
    return _written(client, Path(output), keyed, docs, (bad, messages[:_NAMED_BAD]))


def _written(client: Any, out: Path, keyed: list[Any], docs: list[Any],
             bad: tuple[int, list[str]]) -> ClusterValidation:
    """Each partition writes its groups and findings; the counts come back."""
    from claimkit.consistency import ValidationReport

    out.mkdir(parents=True, exist_ok=True)
    p_range = range(len(keyed))
    counts = client.gather([client.submit(_write_partition, str(out), p, keyed[p], docs[p],
                                          pure=False) for p in p_range])
    # each document is in one document partition: its claims and id are counted there
    report = ValidationReport.model_construct(groups=[], findings=[], n_claims=sum(c[2] for c in counts),
                                              n_documents=sum(c[3] for c in counts))
    return ClusterValidation(report, bad[0], bad[1],
                             [str(out / f"{kind}-{p:05d}.jsonl") for p in p_range
                              for kind in ("groups", "findings")],
                             sum(c[0] for c in counts), sum(c[1] for c in counts))


def _names_of(result: MapResult) -> tuple[int, dict[str, str]]:
    return result.index, result.names


def _placement_of(result: MapResult) -> Any:
    return result.placement


def _merge(keyed: list[KeyResult], docs: list[tuple[list[Any], int, set[str]]]) -> Any:
    """One report from both passes (groups and findings sorted)."""
    from claimkit.consistency import ValidationReport

    groups = [g for k in keyed for g in k.groups]
    findings = [f for k in keyed for f in k.findings] + [f for d in docs for f in d[0]]
    ids: set[str] = set()
    for d in docs:
        ids |= d[2]
    return ValidationReport.model_construct(
        groups=sorted(groups, key=lambda g: g.id),
        findings=sorted(findings, key=_finding_order),
        n_claims=sum(d[1] for d in docs), n_documents=len(ids),
    )


def _write_partition(directory: str, p: int, keyed: KeyResult,
                     docs: tuple[list[Any], int, set[str]]) -> tuple[int, int, int, int]:
    """Write one partition's groups and findings (sorted); groups, findings, claims, documents."""
    findings = sorted([*keyed.findings, *docs[0]], key=_finding_order)
    for kind, rows in (("groups", sorted(keyed.groups, key=lambda g: g.id)), ("findings", findings)):
        with open(Path(directory) / f"{kind}-{p:05d}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(row.model_dump_json() + "\n")
    return len(keyed.groups), len(findings), docs[1], len(docs[2])


def _bad_lines(result: MapResult) -> tuple[int, list[str]]:
    return result.bad, result.messages
