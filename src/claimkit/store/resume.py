"""Resuming an extraction into the store (``claimkit extract --db URL --resume``).

The store keeps each document once per (document id, prompt version); a resumed
run skips the documents it holds, as a resumed JSONL run skips those of its file,
under the same rule (:func:`claimkit.extract.runner.settle_mismatch`): documents
the store holds only from another backend, model or version (what each stored
document row records) are refused, redone or kept as ``--on-mismatch`` says.
Redone, a document's stored rows of other settings are removed in the
transaction that stores its new record (:func:`remove_documents`), so a killed
run leaves either the old claims or the new ones, never both and never neither
(:meth:`claimkit.store.write.Writer.replace`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from claimkit.extract.runner import Held, Mismatch, RunSettings, settle_mismatch
from claimkit.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from claimkit.store import ClaimStore

__all__ = ["remove_documents", "resume_ids", "stored_settings"]

_IN = 500  # values per IN (...) list


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(values), _IN):
        yield values[i:i + _IN]


def _settings(backend: str | None, model: str | None, version: str | None) -> RunSettings:
    """The settings a stored document row records ("" version: the record named none)."""
    return RunSettings(backend or "unknown", model or None, version or None)


def stored_settings(engine: Engine) -> Iterator[tuple[str, RunSettings]]:
    """Each stored document row's id and the settings it was extracted with."""
    d = t.documents.c
    with engine.connect() as conn:
        for doc_id, backend, model, version in conn.execute(
                select(d.doc_id, d.backend, d.model, d.version)):
            yield str(doc_id), _settings(backend, model, version)


def resume_ids(store: ClaimStore, settings: RunSettings,
               on_mismatch: Mismatch) -> tuple[set[str], set[str]]:
    """The ids of the documents a resumed run skips, and those it redoes: skipped are those
    stored with ``settings`` (and with ``on_mismatch="keep"`` those stored only with other
    settings); with ``redo`` the latter are returned second, for :meth:`Writer.replace`.
    Read before the run's writer is made, so a refused run leaves the store untouched.

    A document stored with these settings and with others as well (a rerun without
    ``--resume`` after a version changed) is done: the store keeps a document once per
    version by design.

    Raises:
        SettingsMismatch: ``on_mismatch="refuse"`` and documents stored only with other settings.
    """
    rows = list(stored_settings(store.engine))
    done = {doc_id for doc_id, made_with in rows if settings.produced(made_with)}
    held = Held(done=done)
    for doc_id, made_with in rows:
        if doc_id not in done:
            held.add(doc_id, made_with, settings)
    if not held.other_ids:
        return held.done, set()
    redo: set[str] = set()
    skipped = settle_mismatch(store.url, held, settings, on_mismatch,
                              lambda: redo.update(held.other_ids), where="--db",
                              redone="replacing the stored records of")
    return skipped, redo


def remove_documents(conn: Connection, doc_seqs: Iterable[int]) -> set[str]:
    """Remove stored documents (rows of ``documents``) with their claims, spans, actors and
    link keys. The validation of every component one of their claims was in is dropped
    (its groups and findings) and its other claims marked not validated, so the next
    ``claimkit validate --db`` validates them again without the removed claims.

    Returns:
        the actor keys whose first label (``actor_names``) was a removed claim's: their
        rows are removed too, for :func:`claimkit.store.write.relabel` to find again.
    """
    c = t.claims.c
    docs = sorted(set(doc_seqs))
    claims: list[int] = []
    roots: set[int] = set()
    for part in _chunks(docs):
        for seq, root in conn.execute(select(c.seq, c.root).where(c.doc_seq.in_(part))):
            claims.append(int(seq))
            if root is not None:
                roots.add(int(root))
    _forget_components(conn, sorted(roots))
    stale = _first_named_by(conn, claims)
    for part in _chunks(claims):
        for table in (t.spans, t.actors, t.claim_keys):
            conn.execute(table.delete().where(table.c.claim_seq.in_(part)))
        conn.execute(t.claims.delete().where(c.seq.in_(part)))
    for part in _chunks(docs):
        conn.execute(t.documents.delete().where(t.documents.c.seq.in_(part)))
    return stale


def _first_named_by(conn: Connection, claims: Sequence[int]) -> set[str]:
    """The actor keys whose first label is one of ``claims``' (``first`` is the claim's seq
    times 1000 plus a position); their ``actor_names`` rows are removed."""
    a, n = t.actors.c, t.actor_names.c
    removed = set(claims)
    keys: set[str] = set()
    for part in _chunks(claims):
        keys.update(str(k) for (k,) in conn.execute(
            select(a.key).where(a.claim_seq.in_(part), a.key.is_not(None)).distinct()))
    ordered = sorted(keys)
    stale: set[str] = set()
    for i in range(0, len(ordered), _IN):
        stale.update(str(key) for key, first in conn.execute(
            select(n.key, n.first).where(n.key.in_(ordered[i:i + _IN])))
            if int(first) // 1000 in removed)
    done = sorted(stale)
    for i in range(0, len(done), _IN):
        conn.execute(t.actor_names.delete().where(n.key.in_(done[i:i + _IN])))
    return stale


def _forget_components(conn: Connection, roots: Sequence[int]) -> None:
    """Drop the groups and findings of the components ``roots`` and mark their claims not
    validated (``claims.root`` NULL)."""
    for part in _chunks(roots):
        for owner, links, column in ((t.groups, t.group_claims, "group_seq"),
                                     (t.findings, t.finding_claims, "finding_seq")):
            owned = select(owner.c.seq).where(owner.c.root.in_(part))
            conn.execute(links.delete().where(links.c[column].in_(owned)))
            conn.execute(owner.delete().where(owner.c.root.in_(part)))
        conn.execute(t.claims.update().where(t.claims.c.root.in_(part)).values(root=None))


def replaced_seqs(conn: Connection, settings: RunSettings, doc_ids: Iterable[str]) -> list[int]:
    """The seqs of the stored rows of ``doc_ids`` that ``settings`` did not produce."""
    d = t.documents.c
    ids = sorted(set(doc_ids))
    out: list[int] = []
    for i in range(0, len(ids), _IN):
        stmt = select(d.seq, d.backend, d.model, d.version).where(d.doc_id.in_(ids[i:i + _IN]))
        out.extend(int(seq) for seq, backend, model, version in conn.execute(stmt)
                   if not settings.produced(_settings(backend, model, version)))
    return out
