"""Typed queries over a store: claims by type, actor, country, date, language, modality,
evidence text, finding kind and independent outlets; event groups by outlets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimkit.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["ClaimQuery", "ClaimRow", "GroupRow", "query_groups", "run_query"]


@dataclass(frozen=True)
class ClaimQuery:
    """Filters of :meth:`ClaimStore.query <claimkit.store.ClaimStore.query>` (all optional, ANDed)."""

    type: str | None = None
    #: an actor's label or canonical name, case-insensitive, in any actor field
    actor: str | None = None
    #: an ISO 3166 code (``RU``) of a country actor, in any actor field
    country: str | None = None
    #: ISO dates: claims whose date interval overlaps [date_from, date_to]
    date_from: str | None = None
    date_to: str | None = None
    language: str | None = None
    modality: str | None = None
    #: words in the evidence, case-insensitive
    text: str | None = None
    #: claims named by a finding of this kind (after ``validate --db``)
    finding: str | None = None
    #: claims in an event group reported by at least this many independent outlets
    min_sources: int | None = None
    limit: int | None = 1000


@dataclass(frozen=True)
class ClaimRow:
    """One claim found, with its flat columns (the full claim is ``data``, JSON)."""

    seq: int
    claim_id: str
    doc_id: str
    type: str
    actors: str
    date_value: str | None
    language: str | None
    modality: str | None
    evidence: str
    data: str


@dataclass(frozen=True)
class GroupRow:
    """One event group of the last validation."""

    group_id: str
    type: str
    label: str
    sources: int
    n_claims: int
    languages: str
    date_from: str | None
    date_to: str | None


def _where(q: ClaimQuery) -> list[Any]:
    from sqlalchemy import func, select

    c = t.claims.c
    a = t.actors.c
    out: list[Any] = []
    if q.type:
        out.append(c.type == q.type)
    if q.language:
        out.append(c.language == q.language)
    if q.modality:
        out.append(c.modality == q.modality)
    if q.date_from:
        out.append(c.date_to >= q.date_from)
    if q.date_to:
        out.append(c.date_from <= q.date_to)
    if q.text:
        out.append(func.lower(c.evidence).contains(q.text.lower(), autoescape=True))
    if q.actor:
        name = q.actor.lower()
        out.append(c.seq.in_(select(a.claim_seq).where(
            (func.lower(a.label) == name) | (func.lower(a.name) == name))))
    if q.country:
        code = q.country.upper()
        out.append(c.seq.in_(select(a.claim_seq).where(
            (a.iso_code == code) | (a.key == f"c:{code}"))))
    if q.finding:
        out.append(c.seq.in_(select(t.finding_claims.c.claim_seq).join(
            t.findings, t.findings.c.seq == t.finding_claims.c.finding_seq
        ).where(t.findings.c.kind == q.finding)))
    if q.min_sources:
        out.append(c.seq.in_(select(t.group_claims.c.claim_seq).join(
            t.groups, t.groups.c.seq == t.group_claims.c.group_seq
        ).where(t.groups.c.sources >= q.min_sources)))
    return out


def run_query(engine: Engine, q: ClaimQuery) -> list[ClaimRow]:
    """The claims matching ``q``, in stored order."""
    c = t.claims.c
    stmt = t.claims.select().with_only_columns(
        c.seq, c.claim_id, c.doc_id, c.type, c.actors, c.date_value, c.language, c.modality,
        c.evidence, c.data,
    ).where(*_where(q)).order_by(c.seq)
    if q.limit:
        stmt = stmt.limit(q.limit)
    with engine.connect() as conn:
        return [ClaimRow(**row._asdict()) for row in conn.execute(stmt)]


def query_groups(engine: Engine, *, min_sources: int = 1, type_: str | None = None,
                 limit: int | None = None) -> list[GroupRow]:
    """Event groups with at least ``min_sources`` independent outlets, most reported first."""
    g = t.groups.c
    stmt = t.groups.select().with_only_columns(
        g.group_id, g.type, g.label, g.sources, g.n_claims, g.languages, g.date_from, g.date_to,
    ).where(g.sources >= min_sources)
    if type_:
        stmt = stmt.where(g.type == type_)
    stmt = stmt.order_by(g.sources.desc(), g.seq)
    if limit:
        stmt = stmt.limit(limit)
    with engine.connect() as conn:  # the columns in GroupRow's order
        return [GroupRow(*tuple(row)) for row in conn.execute(stmt)]
