"""Validation on a Dask cluster: claims shuffled by blocking key, each partition checked
where it lands, the findings merged.

1. **Map**: the claims files are cut into byte ranges (at line boundaries).
   Each task reads its range and sends every claim, with its record cut to
   the claims going the same way, to the partition of its *partition key*:
   the coarsest key under which the validator ever compares two claims (from
   :mod:`claimkit.consistency`: "position" types are grouped per type, actor
   and object, and the stance check pairs one actor's claims on one object
   across types, so the key is the object key; "event" types are clustered
   per type through places, participants and days, so the key is the type).
   Each whole record also goes to its document's partition. The label first
   met for each actor key is noted (group labels and ids use it).
2. **Group pass**, per key partition: :func:`~claimkit.consistency.build_context`
   over its claims in input order, with the labels of the whole input; the
   checks that compare claims (every registered check but integrity and time).
3. **Document pass**, per document partition: the integrity and time checks
   (per claim, and per document), each claim placed in the group the group
   pass gave it.
4. **Merge**: groups and findings of all partitions, sorted (group id; kind,
   group, message), claims and documents counted once.

So the findings equal those of one :func:`~claimkit.consistency.validate`
over all the claims (a test compares them), in another order. Two known
differences, both about claims that share no key: "claim id used by two
different claims" is found only when both claims are of one document, and
an "event" type that also declares a stance is compared by stance only with
claims of its own type. A plugin's check runs in the group pass.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimkit.schemas import ClaimBase, DocumentClaims

__all__ = ["Chunk", "ClusterValidation", "MapResult", "plan_chunks", "validate_on_cluster"]

#: default bytes of claims files per map task
CHUNK_BYTES = 32 << 20

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
#: a record cut to one partition's claims, and the claims' indexes in the whole record
Cut = tuple[Order, DocumentClaims, tuple[int, ...]]


@dataclass
class MapResult:
    """One map task's output: records by key partition (cut) and by document
    partition (whole), the first label of each actor key, bad lines."""

    by_key: list[list[Cut]]
    by_doc: list[list[tuple[Order, DocumentClaims]]]
    names: dict[str, tuple[Order, str]] = field(default_factory=dict)
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


class _Keyer:
    """Partition keys of claims, and the labels of actor keys in the order the
    validator meets them (see the module docstring)."""

    def __init__(self, gazetteer_files: tuple[str, ...]) -> None:
        from claimkit.consistency.keys import KeyBuilder

        self.keys = KeyBuilder(None, **_gazetteer(gazetteer_files))
        self._traits: dict[type[ClaimBase], Any] = {}

    def traits(self, claim: ClaimBase) -> Any:
        from claimkit.errors import SchemaError
        from claimkit.schemas import claim_traits

        t = self._traits.get(type(claim))
        if t is None:
            try:
                t = claim_traits(type(claim))
            except SchemaError:
                t = dataclasses.replace(claim_traits(ClaimBase), grouping="none")
            self._traits[type(claim)] = t
        return t

    def key(self, claim: ClaimBase) -> str:
        if self.traits(claim).grouping == "event":
            return "e:" + claim.type
        return "o:" + (self.keys.object_key(claim) or "")

    def name(self, claim: ClaimBase, order: Order, names: dict[str, tuple[Order, str]]) -> None:
        """Note the labels of the claim's actors (and participants) not named yet."""
        for a in claim.actor:
            names.setdefault(self.keys.actor_key(a), (order, a.label))
        traits = self.traits(claim)
        if traits.grouping != "event":
            return
        for field_name in traits.participant_fields:
            value: Any = getattr(claim, field_name, None)
            for a in value if isinstance(value, list) else (value,) if value is not None else ():
                names.setdefault(self.keys.actor_key(a), (order, a.label))


def _bucket(key: str, partitions: int) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % partitions


def map_chunk(chunk: Chunk, partitions: int, gazetteer_files: tuple[str, ...]) -> MapResult:
    """Read one chunk; send each record to its document's partition and each claim
    (with its record) to its key's partition."""
    from claimkit.errors import InputError
    from claimkit.io import parse_record

    keyer = _Keyer(gazetteer_files)
    out = MapResult([[] for _ in range(partitions)], [[] for _ in range(partitions)])
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
        if not isinstance(record, DocumentClaims):
            continue  # failure records carry no claims
        order = (chunk.index, n)
        out.by_doc[_bucket(record.document.id, partitions)].append((order, record))
        _scatter(record, order, keyer, out)
    from claimkit.consistency import build_context, placement_of

    records = [r for part in out.by_doc for _, r in part]
    out.placement = placement_of(build_context(records, group=False, **_gazetteer(gazetteer_files)))
    return out


def _scatter(record: DocumentClaims, order: Order, keyer: _Keyer, out: MapResult) -> None:
    parts: dict[int, list[int]] = {}
    for j, claim in enumerate(record.claims):
        keyer.name(claim, order, out.names)
        parts.setdefault(_bucket(keyer.key(claim), len(out.by_key)), []).append(j)
    for b, idx in parts.items():
        cut = record if len(parts) == 1 else record.model_copy(
            update={"claims": [record.claims[j] for j in idx]})
        out.by_key[b].append((order, cut, tuple(idx)))


def _take_keys(result: MapResult, index: int) -> list[Cut]:
    return result.by_key[index]


def _take_docs(result: MapResult, index: int) -> list[tuple[Order, DocumentClaims]]:
    return result.by_doc[index]


def _names(results: Iterable[dict[str, tuple[Order, str]]]) -> dict[str, str]:
    """The label met first (in input order) for each actor key."""
    first: dict[str, tuple[Order, str]] = {}
    for names in results:
        for key, (order, label) in names.items():
            if key not in first or order < first[key][0]:
                first[key] = (order, label)
    return {k: label for k, (_, label) in first.items()}


def _doc_checks() -> tuple[Any, ...]:
    from claimkit.consistency import check_integrity, check_time

    return check_integrity, check_time


@dataclass
class KeyResult:
    """Pass 1 of one partition: groups, group findings, each claim's first group id
    (by ``(order, claim index)``), split by document partition."""

    groups: list[Any]
    findings: list[Any]
    gids: list[dict[tuple[Order, int], str | None]]


def reduce_keys(partitions: int, gazetteer_files: tuple[str, ...], names: dict[str, str],
                placement: Any, *buckets: list[Cut]) -> KeyResult:
    """Group one key partition's claims (in input order) and run the group checks."""
    from claimkit.consistency import build_context, registered_checks
    from claimkit.consistency.grouping import to_event_groups

    items = sorted((c for b in buckets for c in b), key=lambda c: c[0])
    ctx = build_context([r for _, r, _ in items], names=names, group=placement,
                        **_gazetteer(gazetteer_files))
    skip = _doc_checks()
    findings = [f for check in registered_checks().values() if check not in skip
                for f in check(context=ctx)]
    gids: list[dict[tuple[Order, int], str | None]] = [{} for _ in range(partitions)]
    i = 0
    for order, record, idx in items:
        part = gids[_bucket(record.document.id, partitions)]
        for j in idx:
            part[(order, j)] = ctx.group_of(i)
            i += 1
    return KeyResult(to_event_groups(ctx), findings, gids)


def _take_gids(result: KeyResult, index: int) -> dict[tuple[Order, int], str | None]:
    return result.gids[index]


def reduce_docs(gazetteer_files: tuple[str, ...], names: dict[str, str],
                gid_parts: list[dict[tuple[Order, int], str | None]],
                *buckets: list[tuple[Order, DocumentClaims]]) -> tuple[list[Any], int, set[str]]:
    """Run the per-claim and per-document checks on one document partition, each claim
    in the group pass 1 put it in; findings, claims, document ids."""
    from claimkit.consistency import build_context
    from claimkit.consistency.grouping import Group

    items = sorted((p for b in buckets for p in b), key=lambda p: p[0])
    gids = {k: v for part in gid_parts for k, v in part.items()}
    ctx = build_context([r for _, r in items], names=names, **_gazetteer(gazetteer_files))
    ctx.groups, ctx.claim_groups, index = [], {}, {}
    infos = iter(ctx.infos)
    for order, record in items:
        for j in range(len(record.claims)):
            info, gid = next(infos), gids.get((order, j))
            if gid is None:
                info.gid = -1
                continue
            if gid not in index:
                index[gid] = len(ctx.groups)
                ctx.groups.append(Group(info.type, "", info.traits, [], gid))
            info.gid = index[gid]
    findings = [f for check in _doc_checks() for f in check(context=ctx)]
    return findings, len(ctx.infos), {r.document.id for _, r in items}


def _finding_order(f: Any) -> tuple[str, str, str, str]:
    return (f.kind, f.group or "", f.message, ",".join(c for c in f.claims))


@dataclass
class ClusterValidation:
    """The merged report, and the bad lines met while reading."""

    report: Any
    bad: int
    messages: list[str]


def validate_on_cluster(
    client: Any,
    files: Iterable[str],
    *,
    gazetteer_files: Iterable[str] = (),
    partitions: int | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> ClusterValidation:
    """Validate the claims of ``files`` (claimkit JSONL) on the cluster of ``client``.

    Args:
        partitions: partitions of each shuffle (default: four per worker).
        chunk_bytes: bytes of claims files per map task.
    """
    gaz = tuple(gazetteer_files)
    if partitions is None:
        partitions = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    p_range = range(partitions)
    maps = client.map(map_chunk, plan_chunks(files, chunk_bytes), partitions=partitions,
                      gazetteer_files=gaz, pure=False)
    names = _names(client.gather(client.map(_names_of, maps, pure=False)))
    # undated articles are placed in time over the whole input (see claimkit.consistency.placement)
    from claimkit.consistency import Placement

    placement = functools.reduce(lambda a, b: a.merge(b),
                                 client.gather(client.map(_placement_of, maps, pure=False)), Placement())
    # each bucket is taken out where its map ran, so a reduce receives only its own
    keyed = [client.submit(reduce_keys, partitions, gaz, names, placement,
                           *[client.submit(_take_keys, m, p, pure=False) for m in maps],
                           pure=False) for p in p_range]
    docs = [client.submit(reduce_docs, gaz, names,
                          [client.submit(_take_gids, k, p, pure=False) for k in keyed],
                          *[client.submit(_take_docs, m, p, pure=False) for m in maps],
                          pure=False) for p in p_range]
    report = _merge(client.gather(keyed), client.gather(docs))
    bad, messages = 0, []
    for m in client.gather(client.map(_bad_lines, maps, pure=False)):
        bad += m[0]
        messages.extend(m[1])
    return ClusterValidation(report, bad, messages[:_NAMED_BAD])


def _names_of(result: MapResult) -> dict[str, tuple[Order, str]]:
    return result.names


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


def _bad_lines(result: MapResult) -> tuple[int, list[str]]:
    return result.bad, result.messages
