"""Validation of a store: incremental (what is new) or full, streamed component by component.

Claims that share a link key (:mod:`claimkit.store.keys`) are one
*component*; ``claims.root`` holds each validated claim's component (its
smallest seq), and findings and groups are stored under it. Validating new
claims reads only the components their keys touch, validates each merged
component with :func:`claimkit.consistency.build_context` and the
registered checks (in corpus order, with the corpus's actor labels), and
replaces the findings stored for those components: the store then holds what
a validation of the whole corpus would find. A full validation streams all
components in batches, so memory follows the largest component, not the corpus.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from claimkit.consistency import Check, Finding, ValidationReport, build_context
from claimkit.consistency.engine import registered_checks
from claimkit.consistency.grouping import Context, to_event_groups
from claimkit.io import Compactor
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import Document, DocumentClaims
from claimkit.store import tables as t
from claimkit.store._engine import read_cache
from claimkit.store.read import iter_claims, load_claims

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

__all__ = ["components", "rekey", "validate_store"]

_IN = 500  # values per IN (...) list
#: above this many claims, their keys are streamed in key order from the whole
#: ``claim_keys`` table (filtered) rather than looked up claim by claim and held
_STREAM_ABOVE = 50_000
#: groups or findings inserted at a time
_ROWS = 5_000


def _chunks(values: Sequence[int], n: int = _IN) -> Iterator[Sequence[int]]:
    for i in range(0, len(values), n):
        yield values[i:i + n]


def validate_store(
    engine: Engine,
    *,
    new: Iterable[int] = (),
    full: bool = False,
    checks: Sequence[Check] | None = None,
    gazetteer: Gazetteer | None = None,
    places: Places | None = None,
    batch_claims: int = 20_000,
) -> Iterator[ValidationReport]:
    """Validate the claims not validated yet (and ``new`` seqs), or all of them (``full``).

    Yields one report per batch of whole components: the findings and groups
    of every component the new claims belong to (merged with what they
    touch). Each batch's findings are stored before it is yielded.
    """
    with _no_cyclic_gc(), engine.connect() as conn, read_cache(conn):
        seqs, old_roots, start = _affected(conn, set(new), full)
        if not seqs:
            return
        comps = components(conn, seqs, start is None)
        if start is not None:  # a component no new claim joined is as stored
            comps = [m for m in comps if not start.isdisjoint(m)]
        del start
        names = {str(k): str(v) for k, v in conn.execute(t.actor_names.select()
                 .with_only_columns(t.actor_names.c.key, t.actor_names.c.label))}
    del seqs
    run = _Run(engine, checks, gazetteer, places, names)
    batch: list[list[int]] = []
    size = 0
    for comp in comps:
        batch.append(comp)
        size += len(comp)
        if size >= batch_claims:
            yield run.batch(batch, old_roots)
            batch, size = [], 0
    if batch:
        yield run.batch(batch, old_roots)


def _affected(conn: Connection, new: set[int], full: bool
              ) -> tuple[list[int], set[int], set[int] | None]:
    """The claims that may need validating (sorted: the new ones and every stored component
    sharing a key with them), the roots of those components, and the new claims (None:
    all of them, a full validation)."""
    c = t.claims.c
    if not full and conn.execute(
        t.claims.select().with_only_columns(c.seq).where(c.root.is_not(None)).limit(1)
    ).first() is None:
        full = True  # nothing validated yet: every claim is new, stream them all
    if full:
        every = [int(s) for s in conn.execute(t.claims.select().with_only_columns(c.seq))
                 .scalars()]
        validated = {int(r) for r in conn.execute(
            t.claims.select().with_only_columns(c.root).where(c.root.is_not(None)).distinct()
        ).scalars()}
        every.sort()
        return every, validated, None
    pending = {int(s) for s in conn.execute(
        t.claims.select().with_only_columns(c.seq).where(c.root.is_(None))).scalars()}
    start = sorted(pending | new)
    roots: set[int] = set()
    for part in _chunks(start):
        key_ids = t.claim_keys.select().with_only_columns(t.claim_keys.c.key_id).where(
            t.claim_keys.c.claim_seq.in_(part))
        stmt = (t.claim_keys.join(t.claims, c.seq == t.claim_keys.c.claim_seq).select()
                .with_only_columns(c.root).where(t.claim_keys.c.key_id.in_(key_ids))
                .where(c.root.is_not(None)).distinct())
        roots.update(int(r) for r in conn.execute(stmt).scalars())
        roots.update(int(r) for r in conn.execute(
            t.claims.select().with_only_columns(c.root)
            .where(c.seq.in_(part), c.root.is_not(None))).scalars())
    seqs = set(start)
    for part in _chunks(sorted(roots)):
        seqs.update(int(s) for s in conn.execute(
            t.claims.select().with_only_columns(c.seq).where(c.root.in_(part))).scalars())
    return sorted(seqs), roots, set(start)


def components(conn: Connection, seqs: list[int], full: bool) -> list[list[int]]:
    """The connected components of ``seqs`` under shared link keys, each sorted, by first seq.

    Claims sharing a key are linked when one of them holds it actively. A full
    validation (or one of more than :data:`_STREAM_ABOVE` claims) streams the
    (key, claim) pairs in key order, so only one key's holders are in memory at a
    time, not the millions of pairs of a large store.
    """
    parent: dict[int, int] = {s: s for s in seqs}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(members: list[int]) -> None:
        a = find(members[0])
        for other in members[1:]:
            b = find(other)
            if a != b:
                a, b = min(a, b), max(a, b)
                parent[b] = a

    stream = full or len(seqs) > _STREAM_ABOVE
    for members in _linked(conn, seqs, stream, parent):
        union(members)
    out: dict[int, list[int]] = {}
    for s in seqs:  # sorted: each component's list is sorted, its root first
        out.setdefault(find(s), []).append(s)
    return sorted(out.values(), key=lambda m: m[0])


def _linked(conn: Connection, seqs: list[int], stream: bool,
            known: dict[int, int]) -> Iterator[list[int]]:
    """The holders (among ``known``) of each key at least one of them holds actively."""
    ck = t.claim_keys.c
    cols = t.claim_keys.select().with_only_columns(ck.key_id, ck.claim_seq, ck.active)
    if stream:
        rows = conn.execution_options(stream_results=True, yield_per=50_000).execute(
            cols.order_by(ck.key_id))
        key: int | None = None
        members: list[int] = []
        active = False
        for key_id, seq, is_active in rows:
            if key_id != key:
                if active and len(members) > 1:
                    yield members
                key, members, active = key_id, [], False
            if seq in known:
                members.append(seq)
                active = active or bool(is_active)
        if active and len(members) > 1:
            yield members
        return
    holders: dict[int, list[int]] = {}
    actives: set[int] = set()
    for part in _chunks(seqs):
        for key_id, seq, is_active in conn.execute(cols.where(ck.claim_seq.in_(part))):
            if seq in known:
                holders.setdefault(key_id, []).append(seq)
                if is_active:
                    actives.add(key_id)
    for key_id in actives:
        yield holders[key_id]


class _Run:
    """Validates batches of components and stores their findings and groups."""

    def __init__(self, engine: Engine, checks: Sequence[Check] | None,
                 gazetteer: Gazetteer | None, places: Places | None,
                 names: dict[str, str]) -> None:
        self.engine = engine
        self.checks = tuple(registered_checks().values()) if checks is None else tuple(checks)
        self.gazetteer = gazetteer
        self.places = places
        self.names = names

    def batch(self, comps: list[list[int]], old_roots: set[int]) -> ValidationReport:
        seqs = sorted(s for comp in comps for s in comp)
        root_of = {s: comp[0] for comp in comps for s in comp}
        with _no_cyclic_gc(), self.engine.connect() as conn:
            with read_cache(conn):
                claims, docs = _load(conn, seqs)
            ctx = build_context(claims, docs, gazetteer=self.gazetteer, places=self.places,
                                names=self.names)
            findings: list[Finding] = []
            for check in self.checks:
                findings.extend(check(context=ctx))
            report = ValidationReport.model_construct(
                groups=to_event_groups(ctx), findings=findings, n_claims=len(ctx.infos),
                n_documents=len({x.doc for x in ctx.infos}),
            )
        with _no_cyclic_gc(), self.engine.begin() as conn:
            replaced = {root_of[s] for s in seqs} | (old_roots & set(seqs))
            _clear(conn, replaced | _old_roots(conn, seqs))
            _set_roots(conn, root_of)
            _store(conn, ctx, report, seqs, root_of)
        return report


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The cyclic collector paused while a batch is read and checked (as
    :func:`claimkit.consistency.validate` does): the batch allocates millions of
    objects that live until it ends, and rescanning them cost 40 % of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(conn: Connection, seqs: list[int]) -> tuple[list[Any], dict[str, Document]]:
    c = t.claims.c
    rows: list[Any] = []
    doc_seqs: set[int] = set()
    for part in _chunks(seqs):
        for seq, doc_seq, type_, data in conn.execute(
            t.claims.select().with_only_columns(c.seq, c.doc_seq, c.type, c.data)
            .where(c.seq.in_(part))
        ):
            rows.append((seq, type_, data))
            doc_seqs.add(doc_seq)
    rows.sort(key=lambda r: r[0])
    # each claim compacted as it is parsed (equal, sharing what repeats: a quarter of
    # the memory), so a large component fits where the corpus would not
    compactor = Compactor()
    claims = [compactor.model(c) for c in iter_claims((type_, data) for _, type_, data in rows)]
    del rows
    docs: dict[str, Document] = {}
    d = t.documents.c
    for part in _chunks(sorted(doc_seqs)):
        for (meta,) in conn.execute(
            t.documents.select().with_only_columns(d.record).where(d.seq.in_(part))
        ):
            doc = DocumentClaims.model_validate_json(meta).document
            docs.setdefault(doc.id, doc)
    return claims, docs


def _old_roots(conn: Connection, seqs: list[int]) -> set[int]:
    c = t.claims.c
    out: set[int] = set()
    for part in _chunks(seqs):
        out.update(int(r) for r in conn.execute(
            t.claims.select().with_only_columns(c.root)
            .where(c.seq.in_(part), c.root.is_not(None)).distinct()).scalars())
    return out


def _clear(conn: Connection, roots: set[int]) -> None:
    """Remove the findings and groups stored under ``roots``."""
    for part in _chunks(sorted(roots)):
        f = t.findings.select().with_only_columns(t.findings.c.seq).where(
            t.findings.c.root.in_(part))
        conn.execute(t.finding_claims.delete().where(t.finding_claims.c.finding_seq.in_(f)))
        conn.execute(t.findings.delete().where(t.findings.c.root.in_(part)))
        g = t.groups.select().with_only_columns(t.groups.c.seq).where(t.groups.c.root.in_(part))
        conn.execute(t.group_claims.delete().where(t.group_claims.c.group_seq.in_(g)))
        conn.execute(t.groups.delete().where(t.groups.c.root.in_(part)))


def _set_roots(conn: Connection, root_of: dict[int, int]) -> None:
    from sqlalchemy import bindparam

    stmt = t.claims.update().where(t.claims.c.seq == bindparam("s")).values(
        root=bindparam("r"))
    rows = [{"s": s, "r": r} for s, r in root_of.items()]
    for i in range(0, len(rows), 5000):
        conn.execute(stmt, rows[i:i + 5000])


def _store(conn: Connection, ctx: Context, report: ValidationReport, seqs: list[int],
           root_of: dict[int, int]) -> None:
    """Groups and findings of a validated batch, each under its component's root."""
    by_id: dict[str, list[int]] = {}
    for info, seq in zip(ctx.infos, seqs, strict=True):
        by_id.setdefault(info.claim.id, []).append(seq)
    group_root: dict[str, int] = {}
    rows, members = [], []
    for g, built in zip(report.groups, ctx.groups, strict=True):
        gseqs = [seqs[i] for i in built.members]
        root = group_root[g.id] = root_of[gseqs[0]]
        rows.append({"root": root, "group_id": g.id, "type": g.type, "label": g.label,
                     "sources": g.sources, "n_claims": len(g.claims),
                     "languages": ",".join(g.languages), "date_from": g.date_from,
                     "date_to": g.date_to, "data": g.model_dump_json()})
        members.append(gseqs)
        if len(rows) >= _ROWS:  # a batch's rows, JSON and all, are never all in memory
            _insert_with_links(conn, t.groups, rows, members, t.group_claims, "group_seq")
            rows, members = [], []
    _insert_with_links(conn, t.groups, rows, members, t.group_claims, "group_seq")
    rows, members = [], []
    fallback = seqs[0]
    for f in report.findings:
        fseqs = sorted({s for cid in f.claims for s in by_id.get(cid, ())})
        root = root_of[fseqs[0]] if fseqs else group_root.get(f.group or "", root_of[fallback])
        rows.append({"root": root, "kind": f.kind, "severity": f.severity.value,
                     "group_id": f.group, "message": f.message, "data": f.model_dump_json()})
        members.append(fseqs)
        if len(rows) >= _ROWS:
            _insert_with_links(conn, t.findings, rows, members, t.finding_claims, "finding_seq")
            rows, members = [], []
    _insert_with_links(conn, t.findings, rows, members, t.finding_claims, "finding_seq")


def _insert_with_links(conn: Connection, table: Any, rows: list[dict[str, Any]],
                       members: list[list[int]], links: Any, column: str) -> None:
    if not rows:
        return
    result = conn.execute(table.insert().returning(table.c.seq, sort_by_parameter_order=True),
                          rows)
    from claimkit.store.write import bulk_insert

    pairs = [(int(seq), s) for seq, ms in zip(result.scalars(), members, strict=True)
             for s in ms]
    bulk_insert(conn, links, (column, "claim_seq"), pairs)


def rekey(engine: Engine, batch: int = 200, *, fresh: bool = False) -> int:
    """Link keys for stored claims that have none (a store migrated from schema 0001);
    ``fresh``: drop every stored key first (keys written by an older claimkit)."""
    from claimkit.store.keys import key_claims
    from claimkit.store.write import write_keys

    c, d = t.claims.c, t.documents.c
    keyed = t.claim_keys.select().with_only_columns(t.claim_keys.c.claim_seq)
    done = 0
    with engine.begin() as conn:
        if fresh:
            conn.execute(t.claim_keys.delete())
        doc_seqs = sorted({int(s) for s in conn.execute(
            t.claims.select().with_only_columns(c.doc_seq).where(c.seq.not_in(keyed))
        ).scalars()})
        for part in _chunks(doc_seqs, batch):
            records: list[DocumentClaims] = []
            seqs: list[int] = []
            for seq, meta in conn.execute(t.documents.select().with_only_columns(
                    d.seq, d.record).where(d.seq.in_(part)).order_by(d.seq)):
                rows = conn.execute(t.claims.select().with_only_columns(c.seq, c.type, c.data)
                                    .where(c.doc_seq == seq).order_by(c.ordinal)).all()
                record = DocumentClaims.model_validate_json(meta)
                records.append(record.model_copy(
                    update={"claims": load_claims((r[1], r[2]) for r in rows)}))
                seqs.extend(int(r[0]) for r in rows)
            write_keys(conn, seqs, list(key_claims(records)))
            done += len(seqs)
    return done


def finding_json(text: str) -> dict[str, Any]:
    """A stored finding's JSON as a dict."""
    value: dict[str, Any] = json.loads(text)
    return value
