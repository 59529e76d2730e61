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

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func

from claimkit.consistency import Check, Finding, ValidationReport, build_context
from claimkit.consistency.engine import registered_checks
from claimkit.consistency.grouping import Context, to_event_groups
from claimkit.consistency.links import DisjointSets
from claimkit.io import Compactor
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import Document, DocumentClaims
from claimkit.store import tables as t
from claimkit.store._engine import read_cache
from claimkit.store.keys import key_claims
from claimkit.store.read import iter_claims, load_claims
from claimkit.store.write import bulk_insert, write_keys

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

__all__ = ["components", "rekey", "validate_store"]

_IN = 500  # values per IN (...) list
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
    old: dict[int, int | None] | None = None  # each claim's stored root, when known
    with engine.connect() as conn, read_cache(conn):
        comps = None
        if not full and _validated_before(conn):
            comps, old = _touched(conn, set(new))
        if comps is None:  # every claim: components from the whole key table, streamed
            every = sorted(int(s) for s in conn.execute(
                t.claims.select().with_only_columns(t.claims.c.seq)).scalars())
            comps = components(conn, every, True) if every else []
            del every
        names = {str(k): str(v) for k, v in conn.execute(t.actor_names.select()
                 .with_only_columns(t.actor_names.c.key, t.actor_names.c.label))}
    run = _Run(engine, checks, gazetteer, places, names)
    batch: list[list[int]] = []
    size = 0
    for comp in comps:
        batch.append(comp)
        size += len(comp)
        if size >= batch_claims:
            yield run.batch(batch, old)
            batch, size = [], 0
    if batch:
        yield run.batch(batch, old)


def _validated_before(conn: Connection) -> bool:
    c = t.claims.c
    return conn.execute(t.claims.select().with_only_columns(c.seq)
                        .where(c.root.is_not(None)).limit(1)).first() is not None


_Touched = tuple[list[list[int]], dict[int, int | None]]


def _touched(conn: Connection, new: set[int]) -> _Touched:
    """The components the claims never validated (and ``new``) make with the stored ones,
    and the stored root of each of their claims (None: never validated).

    A stored component is closed (``claims.root``); a claim to validate joins
    every stored component holding one of its keys, and the other claims to
    validate holding it, when any holder of the key holds it actively (as
    :func:`claimkit.consistency.link_components` links them). So only the keys of
    the claims to validate and the (key, root) pairs of those keys are read, not
    the keys of every claim of the components they join.
    """
    c, ck = t.claims.c, t.claim_keys.c
    start: dict[int, int | None] = {}
    for (seq,) in conn.execute(t.claims.select().with_only_columns(c.seq)
                               .where(c.root.is_(None))):
        start[int(seq)] = None
    for part in _chunks(sorted(new - start.keys())):
        for seq, root in conn.execute(t.claims.select().with_only_columns(c.seq, c.root)
                                      .where(c.seq.in_(part))):
            start[int(seq)] = None if root is None else int(root)
    if not start:
        return [], {}
    holders: dict[int, list[int]] = {}  # key -> claims to validate and stored roots holding it
    active: set[int] = set()
    for part in _chunks(sorted(start)):
        for key_id, seq, is_active in conn.execute(t.claim_keys.select().with_only_columns(
                ck.key_id, ck.claim_seq, ck.active).where(ck.claim_seq.in_(part))):
            holders.setdefault(key_id, []).append(int(seq))
            if is_active:
                active.add(key_id)
    for part in _chunks(sorted(holders)):
        stmt = (t.claim_keys.join(t.claims, c.seq == ck.claim_seq).select()
                .with_only_columns(ck.key_id, c.root, func.max(ck.active))
                .where(ck.key_id.in_(part), c.root.is_not(None))
                .group_by(ck.key_id, c.root))
        for key_id, root, is_active in conn.execute(stmt):
            holders[key_id].append(int(root))
            if is_active:
                active.add(key_id)
    stored = {h for k in active for h in holders[k] if h not in start or start[h] is not None}
    return _merge(conn, start, (holders[k] for k in active), stored)


def _merge(conn: Connection, start: dict[int, int | None], links: Iterable[list[int]],
           stored: set[int]) -> _Touched:
    """Components of the claims in ``start`` (with their stored root, if any) and the
    ``stored`` roots, linked by ``links`` (claims of ``start`` and stored roots); each as
    the sorted seqs of its claims, by first seq; and the stored root of every claim of
    them (read here, so a batch need not read it again)."""
    sets = DisjointSets()
    find, union = sets.find, sets.union
    for seq, root in start.items():
        find(seq)
        if root is not None:
            union(seq, root)
    for members in links:
        for other in members[1:]:
            union(members[0], other)
    out: dict[int, set[int]] = {}
    for node in list(sets.parent):
        out.setdefault(find(node), set()).add(node)
    # every claim of the stored components, also those a claim of ``start`` was in
    roots = sorted(stored | {r for r in start.values() if r is not None})
    old = dict(start)
    c = t.claims.c
    for part in _chunks(roots):
        for seq, root in conn.execute(t.claims.select().with_only_columns(c.seq, c.root)
                                      .where(c.root.in_(part))):
            out[find(int(root))].add(int(seq))
            old[int(seq)] = int(root)
    return sorted((sorted(m) for m in out.values()), key=lambda m: m[0]), old


def components(conn: Connection, seqs: list[int], full: bool) -> list[list[int]]:
    """The connected components of ``seqs`` under shared link keys, each sorted, by first seq.

    Claims sharing a key are linked when one of them holds it actively. The
    (key, claim) pairs are streamed in key order, so only one key's holders are
    in memory at a time, not the millions of pairs of a large store (``full``:
    ``seqs`` are every claim; otherwise pairs of other claims are skipped).
    """
    sets = DisjointSets()
    for members in _linked(conn, set(seqs)):
        for other in members[1:]:
            sets.union(members[0], other)
    out: dict[int, list[int]] = {}
    for s in seqs:  # sorted: each component's list is sorted, its root first
        out.setdefault(sets.find(s), []).append(s)
    return sorted(out.values(), key=lambda m: m[0])


def _linked(conn: Connection, known: AbstractSet[int]) -> Iterator[list[int]]:
    """The holders (among ``known``) of each key at least one of them holds actively."""
    ck = t.claim_keys.c
    cols = t.claim_keys.select().with_only_columns(ck.key_id, ck.claim_seq, ck.active)
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

    def batch(self, comps: list[list[int]],
              known: dict[int, int | None] | None = None) -> ValidationReport:
        """Validate and store whole components; ``known``: the stored root of each of
        their claims, if the caller read it (else it is read here)."""
        seqs = sorted(s for comp in comps for s in comp)
        root_of = {s: comp[0] for comp in comps for s in comp}
        with self.engine.connect() as conn:
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
        with self.engine.begin() as conn:
            old = _old_roots(conn, seqs) if known is None else {s: known.get(s) for s in seqs}
            _store(conn, ctx, report, seqs, root_of, old)
            _set_roots(conn, root_of, old)
        return report


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
    # the memory), so a large component fits where the corpus would not; in place: the
    # claims were just parsed and nothing else holds them, so no copies are made
    compactor = Compactor(in_place=True)
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


def _old_roots(conn: Connection, seqs: list[int]) -> dict[int, int | None]:
    """The stored root of each claim of ``seqs`` (None: never validated)."""
    c = t.claims.c
    out: dict[int, int | None] = {}
    for part in _chunks(seqs):
        for seq, root in conn.execute(t.claims.select().with_only_columns(c.seq, c.root)
                                      .where(c.seq.in_(part))):
            out[int(seq)] = None if root is None else int(root)
    return out


#: a stored group or finding, compared by what it says: (root, digest of its JSON, its claims)
_RowKey = tuple[int, bytes, tuple[int, ...]]


def _digest(data: str) -> bytes:
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).digest()


#: what names "the same" stored row, so that a changed one is updated in place
_Identity = Callable[[dict[str, Any]], Any]


def _group_identity(row: dict[str, Any]) -> Any:
    """A group is named by its id (its label and first claim: unique in the store)."""
    return row["group_id"]


def _finding_identity(row: dict[str, Any]) -> Any:
    """A corroboration finding is the one of its group; other findings have no identity."""
    return row["group_id"] if row["kind"] == "corroboration" and row["group_id"] else None


class _Rows:
    """The groups (or findings) stored under some roots, replaced by those of a new validation.

    A row equal to a stored one (same root, JSON and claims) keeps the stored row.
    A row that differs from the stored row of the same identity (a group's id: the
    group a new claim joined) updates that row in place, and only the claims it
    gained or lost are linked or unlinked, not all of its claims again. Other rows
    are inserted, and stored rows nothing matched are deleted at the end.
    Re-validating a component that a few new claims joined rewrites what changed,
    not every group and finding of it.
    """

    def __init__(self, conn: Connection, table: Any, links: Any, column: str,
                 roots: set[int], identity: _Identity | None = None) -> None:
        self.conn, self.table, self.links, self.column = conn, table, links, column
        self.identity = identity
        self.stored: dict[_RowKey, list[int]] = {}
        self.by_identity: dict[Any, list[int]] = {}
        self.claims_of: dict[int, tuple[int, ...]] = {}
        self.used: set[int] = set()
        self.rows: list[dict[str, Any]] = []
        self.members: list[list[int]] = []
        self.updates: list[tuple[int, dict[str, Any], list[int]]] = []
        tc, lc = table.c, links.c
        for part in _chunks(sorted(roots)):
            owned = table.select().with_only_columns(tc.seq).where(tc.root.in_(part))
            claims: dict[int, list[int]] = {}
            for seq, claim in conn.execute(links.select().with_only_columns(
                    lc[column], lc.claim_seq).where(lc[column].in_(owned))):
                claims.setdefault(int(seq), []).append(int(claim))
            for row in conn.execute(table.select().where(tc.root.in_(part))):
                seq, members = int(row.seq), tuple(sorted(claims.get(int(row.seq), ())))
                self.claims_of[seq] = members
                key = (int(row.root), _digest(row.data), members)
                self.stored.setdefault(key, []).append(seq)
                ident = identity(dict(row._mapping)) if identity else None
                if ident is not None:
                    self.by_identity.setdefault(ident, []).append(seq)

    def _take(self, seqs: list[int] | None) -> int | None:
        """A stored row of ``seqs`` nothing matched yet (marked as matched now)."""
        while seqs:
            seq = seqs.pop()
            if seq not in self.used:
                self.used.add(seq)
                return seq
        return None

    def add(self, row: dict[str, Any], members: list[int]) -> None:
        key = (row["root"], _digest(row["data"]), tuple(sorted(members)))
        if self._take(self.stored.get(key)) is not None:
            return
        ident = self.identity(row) if self.identity else None
        seq = self._take(self.by_identity.get(ident)) if ident is not None else None
        if seq is not None:
            self.updates.append((seq, row, members))
        else:
            self.rows.append(row)
            self.members.append(members)
        if len(self.rows) + len(self.updates) >= _ROWS:  # never all of a batch's rows in memory
            self.flush()

    def flush(self) -> None:
        _insert_with_links(self.conn, self.table, self.rows, self.members, self.links,
                           self.column)
        self._update()
        self.rows, self.members, self.updates = [], [], []

    def _update(self) -> None:
        """Stored rows rewritten in place; their links changed by what they gained and lost."""
        if not self.updates:
            return
        cols = [c for c in self.updates[0][1] if c != "seq"]
        stmt = self.table.update().where(self.table.c.seq == bindparam("_seq")).values(
            {c: bindparam(f"_{c}") for c in cols})
        self.conn.execute(stmt, [{"_seq": seq, **{f"_{c}": row[c] for c in cols}}
                                 for seq, row, _ in self.updates])
        gained: list[tuple[int, int]] = []
        lost: list[dict[str, int]] = []
        for seq, _, members in self.updates:
            old, now = set(self.claims_of[seq]), set(members)
            gained.extend((seq, s) for s in sorted(now - old))
            lost.extend({"_o": seq, "_c": s} for s in sorted(old - now))
        bulk_insert(self.conn, self.links, (self.column, "claim_seq"), gained)
        if lost:
            lc = self.links.c
            self.conn.execute(self.links.delete().where(
                lc[self.column] == bindparam("_o"), lc.claim_seq == bindparam("_c")), lost)

    def finish(self) -> None:
        """Write what is left and delete the stored rows nothing matched."""
        self.flush()
        gone = sorted(s for s in self.claims_of if s not in self.used)
        for part in _chunks(gone):
            self.conn.execute(self.links.delete().where(self.links.c[self.column].in_(part)))
            self.conn.execute(self.table.delete().where(self.table.c.seq.in_(part)))


def _set_roots(conn: Connection, root_of: dict[int, int], old: dict[int, int | None]) -> None:
    """Store each claim's component; only the claims whose component changed are written."""
    stmt = t.claims.update().where(t.claims.c.seq == bindparam("s")).values(
        root=bindparam("r"))
    rows = [{"s": s, "r": r} for s, r in root_of.items() if old.get(s) != r]
    for i in range(0, len(rows), 5000):
        conn.execute(stmt, rows[i:i + 5000])


def _store(conn: Connection, ctx: Context, report: ValidationReport, seqs: list[int],
           root_of: dict[int, int], old: dict[int, int | None]) -> None:
    """Groups and findings of a validated batch, each under its component's root, in place
    of those stored under the batch's roots, old and new."""
    roots = set(root_of.values()) | {r for r in old.values() if r is not None}
    by_id: dict[str, list[int]] = {}
    for info, seq in zip(ctx.infos, seqs, strict=True):
        by_id.setdefault(info.claim.id, []).append(seq)
    group_root: dict[str, int] = {}
    out = _Rows(conn, t.groups, t.group_claims, "group_seq", roots, _group_identity)
    for g, built in zip(report.groups, ctx.groups, strict=True):
        gseqs = [seqs[i] for i in built.members]
        root = group_root[g.id] = root_of[gseqs[0]]
        out.add({"root": root, "group_id": g.id, "type": g.type, "label": g.label,
                 "sources": g.sources, "n_claims": len(g.claims),
                 "languages": ",".join(g.languages), "date_from": g.date_from,
                 "date_to": g.date_to, "data": g.model_dump_json()}, gseqs)
    out.finish()
    out = _Rows(conn, t.findings, t.finding_claims, "finding_seq", roots,
                _finding_identity)
    fallback = seqs[0]
    for f in report.findings:
        fseqs = sorted({s for cid in f.claims for s in by_id.get(cid, ())})
        root = root_of[fseqs[0]] if fseqs else group_root.get(f.group or "", root_of[fallback])
        out.add({"root": root, "kind": f.kind, "severity": f.severity.value,
                 "group_id": f.group, "message": f.message, "data": f.model_dump_json()}, fseqs)
    out.finish()


def _insert_with_links(conn: Connection, table: Any, rows: list[dict[str, Any]],
                       members: list[list[int]], links: Any, column: str) -> None:
    if not rows:
        return
    result = conn.execute(table.insert().returning(table.c.seq, sort_by_parameter_order=True),
                          rows)
    pairs = [(int(seq), s) for seq, ms in zip(result.scalars(), members, strict=True)
             for s in ms]
    bulk_insert(conn, links, (column, "claim_seq"), pairs)


def rekey(engine: Engine, batch: int = 200, *, fresh: bool = False) -> int:
    """Link keys for stored claims that have none (a store migrated from schema 0001);
    ``fresh``: drop every stored key first (keys written by an older claimkit), and
    the stored validation with them (groups, findings, components): its components
    were linked by the old keys, so the next validation re-validates every claim."""
    c, d = t.claims.c, t.documents.c
    keyed = t.claim_keys.select().with_only_columns(t.claim_keys.c.claim_seq)
    done = 0
    with engine.begin() as conn:
        if fresh:
            conn.execute(t.claim_keys.delete())
            _forget_validation(conn)
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


def _forget_validation(conn: Connection) -> None:
    """Drop the stored groups and findings and every claim's component."""
    for table in (t.group_claims, t.groups, t.finding_claims, t.findings):
        conn.execute(table.delete())
    conn.execute(t.claims.update().where(t.claims.c.root.is_not(None)).values(root=None))
