"""Validation on a Dask cluster: claims shuffled by blocking key, each partition checked
where it lands, the findings merged.

1. **Map**: the claims files are cut into byte ranges (at line boundaries).
   Each task reads its range, computes every claim's keys once
   (:func:`claimkit.consistency.build_context` without grouping), runs the
   per-claim and per-document checks (integrity, time: a document is one line,
   so it is whole in one task) and sends the claim, with its record cut to the
   claims going the same way, to the partitions of its *partition keys*, the
   blocks under which the validator compares claims. "Sends" is: writes one
   compressed part per partition into one file of a work directory on a
   filesystem the workers share (written whole under a temporary name, then
   renamed, so a retried task replaces its own file); only the parts' offsets,
   the labels first met for each actor key, what placing undated articles
   needs, counts and the claims the per-document findings need the group of
   come back. Nothing of the claims' size is held as a task result:

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

   Each record's document id also goes to its document's partition (documents
   are counted there, once each).
2. **Group pass**, per key partition: its parts read from every map's file,
   the claims in input order, grouped with the labels and placement of the
   whole input; the checks that compare claims (every registered check but
   integrity and time); only owned groups and their findings kept. It
   returns the first group of the claims the per-document findings name.
3. **Per-document findings**: each map's, with its claims' first groups put in.
4. **Merge**: groups and findings of all partitions, sorted (group id; kind,
   group, message); or, with ``output``, each partition (and each map's
   per-document findings) is written to a JSONL file, and only counts come back.

The number of partitions follows the input's size (about
:data:`PARTITION_BYTES` of claims each), so a task's memory is that of its
chunk or its partition, whatever the input's size (but without ``window_days``
all meetings of a type are one partition, which grows with the input). Each task pauses the cyclic
garbage collector while it runs, as :func:`claimkit.consistency.validate` does.

So the findings equal those of one :func:`~claimkit.consistency.validate`
over all the claims (a test compares them), in another order, with these known
differences: "claim id used by two different claims" is found only when both
claims are in one map task's chunk (always when they are of one record); an "event" type that also declares a stance is
compared by stance only with claims of its own type, and so is a "position"
type whose ``event_key`` leaves out the actor (none of the built-in types); a
stance finding whose "against" claim (a refusal) has several actors can name
another of that claim's groups (the one of the actor whose partition found
it); and, with ``window_days``, the event groups near windows' edges (above).
A plugin's check runs in the group pass.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import math
import os
import pickle
import re
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.consistency.engine import paused_gc
from claimkit.consistency.placement import Placement
from claimkit.schemas import DocumentClaims

__all__ = ["Chunk", "ClusterValidation", "Layout", "MapResult", "plan_chunks",
           "validate_on_cluster"]

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
#: a claim of the input: its record's order and its index in the record
Ref = tuple[Order, int]
#: a record cut to one partition's claims (JSON), and the claims' indexes in the whole record
Cut = tuple[Order, bytes, tuple[int, ...]]
#: a claim's first group: (rank of its block, group id); the lowest rank is the first
FirstGroup = tuple[tuple[Any, ...], str | None]

#: a per-document finding's group until the group pass says it (then the claim's reference)
_PENDING = "\x00"


@dataclass
class MapResult:
    """What one map task sends back (small): where each partition's part lies in the
    map's file, the first label of each actor key, placement knowledge, counts, bad lines,
    and the claims whose first group its per-document findings need."""

    index: int
    #: ``(offset, length)`` in the map's file of each key partition's part, then of the
    #: chunk's per-document findings
    parts: list[tuple[int, int]] = field(default_factory=list)
    #: the first label of each actor key in this chunk (the chunk's index orders them)
    names: dict[str, str] = field(default_factory=dict)
    #: what placing undated articles needs (claimkit.consistency.placement_of), merged over chunks
    placement: Any = None
    n_claims: int = 0
    bad: int = 0
    messages: list[str] = field(default_factory=list)
    #: claims named by a per-document finding that takes their first group
    need: list[Ref] = field(default_factory=list)


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
    #: pause the cyclic garbage collector in each task (``validate_on_cluster(pause_gc=)``)
    pause_gc: bool = False

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


def map_chunk(chunk: Chunk, plan: Plan, gazetteer_files: tuple[str, ...], work: str) -> MapResult:
    """Read one chunk; write each claim (with its record, cut to the claims going the same
    way) to the part of each of its keys' partitions, each record's document id to the part
    of its document's partition, and the chunk's per-document findings, all into one file
    of the work directory (written whole, then renamed: a retried task replaces its own)."""
    with paused_gc() if plan.pause_gc else contextlib.nullcontext():
        return _map_chunk(chunk, plan, gazetteer_files, Path(work))


def _map_chunk(chunk: Chunk, plan: Plan, gazetteer_files: tuple[str, ...], work: Path) -> MapResult:
    from claimkit.consistency import build_context, placement_of

    out = MapResult(chunk.index)
    records = _read_chunk(chunk, out)
    ctx = build_context([r for _, r, _ in records], group=False, **_gazetteer(gazetteer_files))
    out.names, out.placement, out.n_claims = ctx.names, placement_of(ctx), len(ctx.infos)
    findings = _doc_findings(ctx, [(order, j) for order, r, _ in records for j in range(len(r.claims))],
                             out.need)
    by_key: list[list[Cut]] = [[] for _ in range(plan.partitions)]
    ids: list[list[str]] = [[] for _ in range(plan.partitions)]
    infos = iter(ctx.infos)
    for order, record, value in records:
        ids[plan.bucket(record.document.id)].append(record.document.id)
        _scatter(record, value, order, [next(infos) for _ in record.claims], plan, by_key)
    del ctx, records
    blobs = [_pack((cuts, doc_ids)) for cuts, doc_ids in zip(by_key, ids, strict=True)]
    out.parts = _write_parts(work / _map_file(chunk.index), [*blobs, _pack(findings)])
    return out


def _map_file(index: int) -> str:
    return f"map-{index:05d}.bin"


def _read_chunk(chunk: Chunk, out: MapResult) -> list[tuple[Order, DocumentClaims, Any]]:
    """The chunk's records with their input order and JSON value; bad lines counted on ``out``."""
    records: list[tuple[Order, DocumentClaims, Any]] = []
    for n, (pos, raw) in enumerate(_lines(chunk)):
        text = raw.decode("utf-8", "surrogateescape").strip()
        if not text:
            continue
        try:
            if _CAREFUL.search(raw):
                raise ValueError(raw)
            value: Any = json.loads(raw.decode("utf-8"))  # strict: not UTF-8 -> the reader
            if not isinstance(value, dict) or value.get("record", "document") != "document":
                raise ValueError(raw)  # not an object, or a failure record: the reader's words
            record: Any = DocumentClaims.model_validate(value)
        except Exception:  # noqa: BLE001 - parse_record says why, in the reader's words
            value, record = None, _parse_line(chunk, out, n, pos, text)
        if isinstance(record, DocumentClaims):  # failure records carry no claims
            records.append(((chunk.index, n), record, value))
    return records


#: a line the quick path leaves to the reader: an escaped lone surrogate (which the reader
#: replaces, with a warning)
_CAREFUL = re.compile(rb"\\u[dD][89a-fA-F]")


def _parse_line(chunk: Chunk, out: MapResult, n: int, pos: int, text: str) -> Any:
    """A line the quick path refused, read as ``claimkit validate`` reads it: its record,
    or None (a bad line, counted and named on ``out``)."""
    from claimkit.errors import InputError
    from claimkit.io import parse_record

    try:
        return parse_record(text, source=chunk.path, lineno=n + 1)
    except InputError as err:
        out.bad += 1
        if len(out.messages) < _NAMED_BAD:
            out.messages.append(f"{chunk.path}: byte {pos}: {str(err).split(': ', 1)[-1]}")
        return None


def _pending(ref: Ref) -> str:
    """A claim's first group until the group pass says it."""
    return f"{_PENDING}{ref[0][0]}:{ref[0][1]}:{ref[1]}"


def _pending_ref(gid: str) -> Ref:
    chunk, line, j = gid[len(_PENDING):].split(":")
    return (int(chunk), int(line)), int(j)


def _doc_findings(ctx: Any, refs: list[Ref], need: list[Ref]) -> list[Any]:
    """The per-claim and per-document checks (integrity, time) of a chunk's context, each
    claim in a stand-in group of its own; the claims whose first group a finding takes go
    to ``need`` (the group pass gives it, :func:`finish_docs` puts it in)."""
    from claimkit.consistency.grouping import Group

    ctx.groups = [Group(info.type, "", info.traits, [], _pending(ref))
                  for info, ref in zip(ctx.infos, refs, strict=True)]
    for i, info in enumerate(ctx.infos):
        info.gid = i
    findings = [f for check in _doc_checks() for f in check(context=ctx)]
    need.extend(_pending_ref(f.group) for f in findings if f.group is not None)
    return findings


def _write_parts(path: Path, blobs: list[bytes]) -> list[tuple[int, int]]:
    """Write the blobs one after another (to a temporary name, renamed when whole); their
    ``(offset, length)``."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    parts, offset = [], 0
    with open(tmp, "wb") as fh:
        for blob in blobs:
            fh.write(blob)
            parts.append((offset, len(blob)))
            offset += len(blob)
    os.replace(tmp, path)
    return parts


def _read_part(work: Path, index: int, offset: int, length: int) -> Any:
    with open(work / _map_file(index), "rb") as fh:
        fh.seek(offset)
        return _unpack(fh.read(length))


def _pack(items: Any) -> bytes:
    """A partition's part of a map output as one compressed blob: JSON compresses several
    times over, so the work directory holds a fraction of the input's size."""
    return zlib.compress(pickle.dumps(items, protocol=5), 1)


def _unpack(blob: bytes) -> Any:
    return pickle.loads(zlib.decompress(blob))  # noqa: S301 - our own map output


def _scatter(record: DocumentClaims, value: Any, order: Order, infos: list[Any], plan: Plan,
             by_key: list[list[Cut]]) -> None:
    """Each claim, in its record cut to the claims going the same way (as JSON: the line's
    own value cut, or, for a line only the careful reader took, the record's), to each of
    its keys' partitions."""
    parts: dict[int, list[int]] = {}
    for j, info in enumerate(infos):
        for key in claim_keys(info, plan):
            idx = parts.setdefault(plan.bucket(key), [])
            if not idx or idx[-1] != j:
                idx.append(j)
    for b, idx in parts.items():
        if value is None:
            cut = record.model_copy(update={"claims": [record.claims[j] for j in idx]})
            raw = cut.model_dump_json().encode("utf-8", "surrogatepass")
        else:
            raw = json.dumps({**value, "claims": [value["claims"][j] for j in idx]},
                             ensure_ascii=False).encode("utf-8", "surrogatepass")
        by_key[b].append((order, raw, tuple(idx)))


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


@dataclass(frozen=True)
class Job:
    """What every reduce task reads (sent to each worker once)."""

    plan: Plan
    work: str
    gazetteer_files: tuple[str, ...]
    #: the first label of each actor key over the whole input
    names: dict[str, str]
    #: the year of each article placed over the whole input (Placement.years())
    years: dict[str, int]
    #: claims whose first group a per-document finding takes
    need: frozenset[Ref]
    output: str | None = None


class _Years(Placement):
    """A placement whose years are known already (computed once, on the client)."""

    def __init__(self, years: dict[str, int]) -> None:
        super().__init__()
        self._years = years

    def years(self) -> dict[str, int]:
        return self._years


@dataclass
class KeyResult:
    """Pass 1 of one partition: owned groups and their findings (without ``output``; with
    it, their numbers), the first group of each claim of :attr:`Job.need` it holds,
    and the number of distinct documents of its document part."""

    groups: list[Any]
    findings: list[Any]
    first: dict[Ref, FirstGroup]
    n_documents: int = 0
    n_groups: int = 0
    #: findings by (kind, severity)
    tally: dict[tuple[str, str], int] = field(default_factory=dict)


def _tally(findings: list[Any]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for f in findings:
        key = (str(getattr(f.kind, "value", f.kind)), str(getattr(f.severity, "value", f.severity)))
        out[key] = out.get(key, 0) + 1
    return out


def _own_actors(ctx: Any, plan: Plan, b: int) -> None:
    """Keep, of each claim blocked per actor, the actors whose blocks partition ``b`` owns."""
    for info in ctx.infos:
        if info.traits.grouping != "event" and len(info.actors) > 1 and _blocked_by_actor(info):
            info.actors = tuple(a for a in info.actors
                                if plan.bucket(f"o:{info.obj or ''}|{a}") == b)


def reduce_keys(job: Job, b: int, parts: list[tuple[int, int, int]]) -> KeyResult:
    """Group one key partition's claims (in input order, read from each map's file at
    ``(map, offset, length)``) and run the group checks; with ``job.output``, write the
    owned groups and findings there."""
    with paused_gc() if job.plan.pause_gc else contextlib.nullcontext():
        result = _reduce_keys(job, b, parts)
    result.n_groups, result.tally = len(result.groups), _tally(result.findings)
    if job.output is None:
        return result
    _write_jsonl(Path(job.output), f"{b:05d}", result.groups, result.findings)
    result.groups, result.findings = [], []
    return result


def _reduce_keys(job: Job, b: int, parts: list[tuple[int, int, int]]) -> KeyResult:
    from claimkit.consistency import build_context, registered_checks
    from claimkit.consistency.grouping import group_context, to_event_groups

    items: list[Cut] = []
    ids: set[str] = set()
    for index, offset, length in parts:
        cuts, doc_ids = _read_part(Path(job.work), index, offset, length)
        items.extend(cuts)
        ids.update(doc_ids)
    items.sort(key=lambda c: c[0])
    ctx = build_context([_parse(raw) for _, raw, _ in items], names=job.names, group=False,
                        **_gazetteer(job.gazetteer_files))
    where = [(order, j) for order, _, idx in items for j in idx]
    del items
    actors = [info.actors for info in ctx.infos]
    _own_actors(ctx, job.plan, b)
    group_context(ctx, _Years(job.years))
    plan = job.plan
    owned = {g.id for g in ctx.groups if g.actor is not None
             or plan.bucket(_owner_key(ctx.infos[g.members[0]], plan)) == b}
    skip = _doc_checks()
    findings = [f for check in registered_checks().values() if check not in skip
                for f in check(context=ctx) if f.group is None or f.group in owned]
    return KeyResult([g for g in to_event_groups(ctx) if g.id in owned], findings,
                     _first_groups(ctx, job, b, where, actors), len(ids))


def _first_groups(ctx: Any, job: Job, b: int, where: list[Ref],
                  actors: list[tuple[str, ...]]) -> dict[Ref, FirstGroup]:
    """The first group here of each claim of ``job.need``: an event claim's in the
    partition that owns it; a claim of several actors is in one group per actor, and its
    first is the one whose block the validator met first (the lowest rank over partitions)."""
    plan, out = job.plan, {}
    wanted = [i for i, ref in enumerate(where) if ref in job.need]
    ranks: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    if any(len(actors[i]) > 1 for i in wanted):
        for g in ctx.groups:
            if g.actor is not None:
                m = g.members[0]
                key, rank = (g.type, g.actor, ctx.infos[m].obj), (*where[m], actors[m].index(g.actor))
                ranks[key] = min(rank, ranks.get(key, rank))
    for i in wanted:
        info = ctx.infos[i]
        if info.traits.grouping == "event" and plan.bucket(_owner_key(info, plan)) != b:
            continue
        first: FirstGroup = ((), ctx.group_of(i))
        if len(actors[i]) > 1:
            first = min(((ranks.get((ctx.groups[gi].type, ctx.groups[gi].actor, info.obj), ()),
                          ctx.groups[gi].id) for gi in ctx.groups_of(i)), default=first)
        out[where[i]] = first
    return out


def finish_docs(job: Job, index: int, part: tuple[int, int],
                first: dict[Ref, str | None]) -> tuple[list[Any], dict[tuple[str, str], int]]:
    """A map's per-document findings, each with its claim's first group put in; with
    ``job.output``, written there (``findings-doc-NNNNN.jsonl``): the findings (none when
    written) and their numbers by (kind, severity)."""
    findings: list[Any] = [f if f.group is None else f.model_copy(
        update={"group": first.get(_pending_ref(f.group))})
        for f in _read_part(Path(job.work), index, *part)]
    if job.output is None:
        return findings, _tally(findings)
    _write_jsonl(Path(job.output), f"doc-{index:05d}", [], findings)
    return [], _tally(findings)


def _finding_order(f: Any) -> tuple[str, str, str, str]:
    return (f.kind, f.group or "", f.message, ",".join(c for c in f.claims))


def _write_jsonl(directory: Path, name: str, groups: list[Any], findings: list[Any]) -> None:
    """Write one partition's groups and findings (sorted), each whole or not at all."""
    for kind, rows in (("groups", sorted(groups, key=lambda g: g.id)),
                       ("findings", sorted(findings, key=_finding_order))):
        if kind == "groups" and name.startswith("doc"):
            continue
        path = directory / f"{kind}-{name}.jsonl"
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(row.model_dump_json() + "\n")
        os.replace(tmp, path)


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
    #: the findings by (kind, severity)
    tally: dict[tuple[str, str], int] = field(default_factory=dict)
    #: compressed bytes of each partition's parts (what its reduce task reads)
    part_bytes: list[int] = field(default_factory=list)


def plan_for(client: Any, files: list[str], partitions: int | None = None) -> Plan:
    """Partitions from the input's size (about :data:`PARTITION_BYTES` each; at least
    four per worker), unless given."""
    if partitions is None:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = sum(os.path.getsize(f) for f in files)
        partitions = max(4 * workers, math.ceil(size / PARTITION_BYTES))
    return Plan(partitions)


@dataclass(frozen=True)
class Layout:
    """How the work is cut: the defaults suit any input; tests and benchmarks set them."""

    #: partitions of each shuffle (None: from the input's size)
    partitions: int | None = None
    #: bytes of claims files per map task
    chunk_bytes: int = CHUNK_BYTES


def validate_on_cluster(
    client: Any,
    files: Iterable[str],
    *,
    gazetteer_files: Iterable[str] = (),
    layout: Layout = Layout(),
    output: str | os.PathLike[str] | None = None,
    window_days: int | None = None,
    pause_gc: bool = False,
) -> ClusterValidation:
    """Validate the claims of ``files`` (claimkit JSONL) on the cluster of ``client``.

    Args:
        layout: partitions of each shuffle and bytes per map task (:class:`Layout`).
        output: a directory (on a filesystem the workers share) where each partition
            writes its groups and findings (``groups-NNNNN.jsonl``,
            ``findings-NNNNN.jsonl``; ``findings-doc-NNNNN.jsonl`` for each map's
            per-document findings) instead of sending them back: the report then
            holds the counts only. The map tasks write their parts for the reduce tasks
            in ``output/.work`` (removed at the end); without ``output``, in a temporary
            directory of this machine, which only a local cluster's workers share: on
            several machines, give ``output``.
        window_days: None (default): all claims of one "event" type are grouped in one
            partition, exactly as one process groups them (its worker needs their memory).
            A number of days (:data:`WINDOW_DAYS` suits news): "event" claims are
            partitioned by windows of that many days, so no partition grows with the
            input, but the grouping is no longer exact near a window's edges (see the
            module docstring).
        pause_gc: pause Python's cyclic garbage collector in each task while it runs
            (:func:`claimkit.consistency.paused_gc`): a quarter of the CPU time, but a
            setting of the whole worker process, so off unless asked;
            ``claimkit validate --cluster`` asks.
    """
    gaz, paths = tuple(gazetteer_files), [str(f) for f in files]
    plan = dataclasses.replace(plan_for(client, paths, layout.partitions), window=window_days,
                               pause_gc=pause_gc)
    if output is None:
        work = Path(tempfile.mkdtemp(prefix="claimkit-validate-"))
    else:
        work = Path(output) / ".work"
        work.mkdir(parents=True, exist_ok=True)
    chunks = plan_chunks(paths, layout.chunk_bytes)
    try:
        return _run(client, chunks, Job(plan, str(work), gaz, {}, {}, frozenset(),
                                        None if output is None else str(output)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(client: Any, chunks: list[Chunk], job: Job) -> ClusterValidation:
    """Map, reduce per key partition, finish the per-document findings; merge or count."""
    maps: list[MapResult] = sorted(client.gather(client.map(
        map_chunk, chunks, plan=job.plan, gazetteer_files=job.gazetteer_files, work=job.work,
        pure=False)), key=lambda m: m.index)
    # undated articles are placed in time over the whole input (see claimkit.consistency.placement)
    placement = functools.reduce(lambda a, b: a.merge(b), (m.placement for m in maps), Placement())
    job = dataclasses.replace(job, names=_names((m.index, m.names) for m in maps),
                              years=placement.years(),
                              need=frozenset(r for m in maps for r in m.need))
    shared = client.scatter(job, broadcast=True)
    keyed: list[KeyResult] = client.gather([
        client.submit(reduce_keys, shared, p, [(m.index, *m.parts[p]) for m in maps], pure=False)
        for p in range(job.plan.partitions)])
    firsts: dict[Ref, FirstGroup] = {}
    for k in keyed:
        for ref, v in k.first.items():
            if ref not in firsts or v[0] < firsts[ref][0]:
                firsts[ref] = v
    docs: list[tuple[list[Any], dict[tuple[str, str], int]]] = client.gather([
        client.submit(finish_docs, shared, m.index, m.parts[-1],
                      {r: firsts.get(r, ((), None))[1] for r in m.need}, pure=False)
        for m in maps])
    bad, messages = sum(m.bad for m in maps), [x for m in maps for x in m.messages][:_NAMED_BAD]
    n_claims, n_docs = sum(m.n_claims for m in maps), sum(k.n_documents for k in keyed)
    tally: dict[tuple[str, str], int] = {}
    for t in [k.tally for k in keyed] + [d[1] for d in docs]:
        for key, n in t.items():
            tally[key] = tally.get(key, 0) + n
    sizes = [sum(m.parts[p][1] for m in maps) for p in range(job.plan.partitions)]
    if job.output is None:
        return ClusterValidation(_merge(keyed, docs, n_claims, n_docs), bad, messages,
                                 n_groups=sum(k.n_groups for k in keyed),
                                 n_findings=sum(tally.values()), tally=tally, part_bytes=sizes)
    out = Path(job.output)
    files = [str(out / f"{kind}-{p:05d}.jsonl") for p in range(job.plan.partitions)
             for kind in ("groups", "findings")]
    files += [str(out / f"findings-doc-{m.index:05d}.jsonl") for m in maps]
    return ClusterValidation(_report([], [], n_claims, n_docs), bad, messages, files,
                             sum(k.n_groups for k in keyed), sum(tally.values()), tally, sizes)


def _report(groups: list[Any], findings: list[Any], n_claims: int, n_documents: int) -> Any:
    from claimkit.consistency import ValidationReport

    return ValidationReport.model_construct(groups=groups, findings=findings, n_claims=n_claims,
                                            n_documents=n_documents)


def _merge(keyed: list[KeyResult], docs: list[tuple[list[Any], Any]], n_claims: int,
           n_documents: int) -> Any:
    """One report from all partitions (groups and findings sorted)."""
    groups = [g for k in keyed for g in k.groups]
    findings = [f for k in keyed for f in k.findings] + [f for d in docs for f in d[0]]
    return _report(sorted(groups, key=lambda g: g.id), sorted(findings, key=_finding_order),
                   n_claims, n_documents)
