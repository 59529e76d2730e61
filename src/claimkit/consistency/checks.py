"""The checks: each takes claims (or a shared :class:`Context`) and returns findings.

Every ``check_<name>(items, documents=None, *, context=None)`` accepts claims or
output records; :func:`claimkit.consistency.validate` builds the context once
and passes it to all of them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol, TypeVar

from claimkit.consistency.grouping import (
    COMPARED_CHARS,
    MAX_CANDIDATES,
    SYNDICATED_MIN_CHARS,
    SYNDICATED_RATIO,
    ClaimInfo,
    Context,
    build_context,
)
from claimkit.consistency.keys import parse_date
from claimkit.consistency.models import Finding, FindingKind, Severity, construct
from claimkit.normalize.quantities import find_quantities
from claimkit.schemas import (
    Actor,
    ClaimBase,
    ClaimTraits,
    ConflictRule,
    Document,
    DocumentClaims,
    Failure,
    Quantity,
)
from claimkit.text import fold

__all__ = [
    "check_conflicts",
    "check_corroboration",
    "check_integrity",
    "check_limits",
    "check_time",
    "quantity_interval",
]

Items = Iterable[DocumentClaims | Failure | ClaimBase]
Docs = Mapping[str, Document] | Iterable[Document] | None

#: at most this many claims/spans are listed in one finding (a group can be huge)
MAX_LISTED = 20


def _ctx(items: Items | None, documents: Docs, context: Context | None) -> Context:
    if context is not None:
        return context
    return build_context(items or [], documents)


def _finding(
    kind: FindingKind,
    severity: Severity,
    message: str,
    group: str | None,
    infos: list[ClaimInfo],
    total: int | None = None,
    **details: Any,
) -> Finding:
    """A finding naming ``infos`` (the first :data:`MAX_LISTED` of them; ``total``: how many
    there are, if ``infos`` holds only the first)."""
    listed = infos[:MAX_LISTED]
    spans = [(x.doc, s) for x in listed for s in x.claim.evidence[:2]]
    total = len(infos) if total is None else total
    if total > MAX_LISTED:
        details["claims_total"] = total
    # model_construct: every value is built here and already valid; a million
    # claims can mean a hundred thousand findings
    return construct(
        Finding,
        kind=kind.value,
        severity=severity,
        message=message,
        group=group,
        claims=[x.claim.id for x in listed],
        spans=spans,
        details=details,
    )


def check_limits(
    items: Items | None = None, documents: Docs = None, *, context: Context | None = None
) -> list[Finding]:
    """One finding for the claims whose event search stopped at ``MAX_CANDIDATES`` (warning).

    The bound keeps grouping linear on a hostile corpus (thousands of events at
    one place and time); this says once how many claims it left unmatched.
    """
    ctx = _ctx(items, documents, context)
    if not ctx.capped:
        return []
    infos = [ctx.infos[i] for i in ctx.capped]
    docs = len({x.doc for x in infos})
    return [_finding(
        FindingKind.limit, Severity.warning,
        f"{len(infos)} claims of {docs} documents were compared with only the first "
        f"{MAX_CANDIDATES} candidate events of their place and days (far more than news "
        "reports at one place and time): they may be missing from groups they belong to",
        None, infos, limit=MAX_CANDIDATES, capped=len(infos),
    )]


# --------------------------------------------------------------------- integrity


def check_integrity(
    items: Items | None = None, documents: Docs = None, *, context: Context | None = None
) -> list[Finding]:
    """Spans equal their document's slice; dates are real dates; numbers are numbers.

    Also flags quotes that could not be grounded, claims without evidence and
    claim ids used twice. Claims whose document is not loaded are counted in
    one info finding (their spans cannot be checked).
    """
    ctx = _ctx(items, documents, context)
    out: list[Finding] = []
    seen: dict[str, int] = {}
    missing_docs: dict[str, int] = {}
    quantity_fields: dict[str, tuple[str, ...]] = {}
    for i, info in enumerate(ctx.infos):
        c = info.claim
        if info.document is None:
            missing_docs[info.doc] = missing_docs.get(info.doc, 0) + 1
        qfields = quantity_fields.get(info.type)
        if qfields is None:
            qfields = quantity_fields[info.type] = info.traits.fields_of_kind("quantity")
        problems = _claim_problems(info, qfields)
        if problems:
            out.append(
                _finding(
                    FindingKind.integrity, Severity.error,
                    f"{c.type} {c.id}: " + "; ".join(problems), ctx.group_of(i), [info],
                )
            )
        if c.ungrounded or not c.evidence:
            out.extend(_evidence_findings(ctx, i, info))
        if c.id:
            j = seen.setdefault(c.id, i)
            if j != i and ctx.infos[j].claim != c:
                out.append(id_used_twice(ctx.infos[j], info, ctx.group_of(i)))
    if missing_docs and ctx.documents:
        n = sum(missing_docs.values())
        out.append(
            construct(
                Finding,
                kind=FindingKind.integrity.value, severity=Severity.info,
                message=f"{n} claim(s) of {len(missing_docs)} document(s) not loaded: "
                "spans not checked against text",
                group=None, claims=[], spans=[],
                details={"documents": sorted(missing_docs)[:MAX_LISTED]},
            )
        )
    return out


def id_used_twice(first: ClaimInfo, info: ClaimInfo, group: str | None) -> Finding:
    """The finding of a claim whose id an earlier, different claim has (``group``: the
    later claim's)."""
    return _finding(FindingKind.integrity, Severity.warning,
                    f"claim id {info.claim.id} is used by two different claims", group,
                    [first, info])


def _claim_problems(info: ClaimInfo, quantity_fields: tuple[str, ...]) -> list[str]:
    """What is wrong with one claim's spans, date and quantities (the fields of that kind)."""
    c, doc = info.claim, info.document
    problems: list[str] = []
    for s in c.evidence:
        if s.end < s.start or len(s.text) != s.end - s.start:
            problems.append(f"span {s.start}-{s.end} holds {len(s.text)} characters")
        elif doc is not None:
            if s.end > len(doc.text):
                problems.append(f"span {s.start}-{s.end} ends past the text ({len(doc.text)})")
            elif doc.text[s.start : s.end] != s.text:
                problems.append(f"span {s.start}-{s.end} text differs from the document")
    if c.date is not None and c.date.value is not None:
        dr = parse_date(c.date.value)
        if dr is None:
            problems.append(f"date {c.date.value!r} is not a calendar date")
        elif c.date.granularity is not None and str(
            getattr(c.date.granularity, "value", c.date.granularity)
        ) != dr[2]:
            problems.append(f"date {c.date.value!r} does not have {c.date.granularity} granularity")
    for name in quantity_fields:
        q = getattr(c, name, None)
        if q is not None:
            problems.extend(_quantity_problems(name, q))
    return problems


def _evidence_findings(ctx: Context, i: int, info: ClaimInfo) -> list[Finding]:
    """Quotes that could not be grounded, else no evidence at all (a claim with either)."""
    c = info.claim
    if c.ungrounded:
        return [
            _finding(
                FindingKind.integrity, Severity.warning,
                f"{c.type} {c.id}: {len(c.ungrounded)} quote(s) not found in the article: "
                + "; ".join(repr(q[:60]) for q in c.ungrounded[:3]),
                ctx.group_of(i), [info], ungrounded=list(c.ungrounded),
            )
        ]
    return [
        _finding(
            FindingKind.integrity, Severity.warning,
            f"{c.type} {c.id} has no evidence span", ctx.group_of(i), [info],
        )
    ]


def _quantity_problems(name: str, q: Quantity) -> list[str]:
    out = []
    for attr in ("value", "value_max"):
        v = getattr(q, attr)
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            out.append(f"{name}.{attr} {v!r} is not a finite number")
        elif v < 0:
            out.append(f"{name}.{attr} {v!r} is negative")
    lo, hi = q.value, q.value_max
    if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and hi < lo:
        out.append(f"{name} range {lo}-{hi} is reversed")
    return out


# --------------------------------------------------------------------- conflicts


def quantity_interval(q: Quantity | None) -> tuple[float, float] | None:
    """The values a stated quantity allows: "at least 26" -> (26, inf), "about 30" -> (25.5, 34.5).

    ``about`` allows 15% either way (at least 1); None when there is no number.
    """
    if q is None or q.value is None:
        return None
    v = float(q.value)
    qual = getattr(q.qualifier, "value", q.qualifier)
    if q.value_max is not None:
        return (v, float(q.value_max))
    if qual == "at_least":
        return (v, math.inf)
    if qual == "up_to":
        return (0.0, v)
    if qual == "about":
        slack = max(1.0, 0.15 * v)
        return (v - slack, v + slack)
    return (v, v)


def _unit(q: Quantity) -> str | None:
    if not q.unit:
        return None
    u = fold(q.unit)
    if u.endswith("ies"):
        return u[:-3] + "y"
    return u[:-1] if u.endswith("s") and not u.endswith("ss") else u


class _HasDoc(Protocol):
    @property
    def doc(self) -> str: ...


_D = TypeVar("_D", bound=_HasDoc)


def _quantity_conflict(
    pairs: list[tuple[_D, Quantity]],
) -> tuple[_D, _D] | None:
    """Two claims whose quantities cannot both be true, or None (linear: interval sweep)."""
    by_unit: dict[str | None, list[tuple[_D, tuple[float, float]]]] = {}
    for info, q in pairs:
        iv = quantity_interval(q)
        if iv is not None:
            by_unit.setdefault(_unit(q), []).append((info, iv))
    units = [u for u in by_unit if u is not None]
    if len(units) == 1 and None in by_unit:  # unit-less numbers read in the only unit used
        by_unit[units[0]].extend(by_unit.pop(None))
    for members in by_unit.values():
        if len(members) < 2:
            continue
        low = min(members, key=lambda m: m[1][1])  # the smallest upper bound
        high = max(members, key=lambda m: m[1][0])  # the largest lower bound
        if high[1][0] > low[1][1] and low[0].doc != high[0].doc:
            return low[0], high[0]
    return None


def _qtext(q: Quantity | None) -> str:
    if q is None:
        return "?"
    if q.raw:
        return repr(q.raw)
    qual = getattr(q.qualifier, "value", q.qualifier)
    prefix = {"at_least": "at least ", "about": "about ", "up_to": "up to "}.get(str(qual), "")
    v = q.value
    num = f"{v:g}" if isinstance(v, float) else str(v)
    return f"{prefix}{num}{' ' + q.unit if q.unit else ''}"


def check_conflicts(
    items: Items | None = None, documents: Docs = None, *, context: Context | None = None
) -> list[Finding]:
    """Disagreements inside a group on the fields its type declares (``conflict_fields``).

    An "event" group is one occurrence: all its members are compared
    (participant counts, dates, places, hosts, formats of a meeting). A
    "position" group spans a year, so only claims dated the same day are
    compared: the coalition's size changes from month to month, so
    "26 countries" and "30 countries" pledged on different dates are not a
    conflict.
    """
    ctx = _ctx(items, documents, context)
    out: list[Finding] = []
    plans: dict[str, tuple[_FieldCheck, ...]] = {}
    for g in ctx.groups:
        traits = g.traits
        if len(g.members) < 2 or not traits.conflict_fields:
            continue
        infos = [ctx.infos[i] for i in g.members]
        if len({x.doc for x in infos}) < 2:
            continue
        plan = plans.get(g.type)
        if plan is None:
            plan = plans[g.type] = _conflict_plan(traits)
        for fc in plan:
            if traits.grouping == "event":
                out.extend(_field_conflicts(ctx, g.id, g.label, infos, fc))
                continue
            by_day: dict[int, list[ClaimInfo]] = {}
            for x in infos:
                d = x.date
                if d is not None and d[2] == "day" and getattr(x.claim, fc.name, None) is not None:
                    by_day.setdefault(d[0], []).append(x)
            for same_day in by_day.values():
                out.extend(_field_conflicts(ctx, g.id, g.label, same_day, fc))
    return out


@dataclass(frozen=True, slots=True)
class _FieldCheck:
    """How one conflict field of a type is compared (see :func:`_conflict_plan`)."""

    name: str
    #: date, quantity, actors, place (canonical name), text (folded) or value (as is)
    how: str
    what: str  # plural noun for messages
    rule: ConflictRule


def _conflict_plan(traits: ClaimTraits) -> tuple[_FieldCheck, ...]:
    """The comparisons of a type's ``conflict_fields``, in their order."""
    out = []
    for name in traits.conflict_fields:
        rule = traits.conflict_rules.get(name, ConflictRule())
        kind = traits.field_kinds.get(name)
        if name == "date":
            how = "date"
        elif kind in ("quantity", "actors"):
            how = str(kind)
        elif name == traits.place_field:
            how = "place"
        else:
            how = "text" if kind == "text" else "value"
        out.append(_FieldCheck(name, how, rule.label or _plural(name), rule))
    return tuple(out)


def _field_conflicts(
    ctx: Context, gid: str, label: str, infos: list[ClaimInfo], fc: _FieldCheck
) -> list[Finding]:
    """The conflict finding of one field among ``infos``, if their values disagree."""
    if len(infos) < 2:
        return []
    if fc.how == "date":
        return _date_conflicts(gid, label, infos, fc.rule)
    if fc.how == "quantity":
        pairs = [(x, q) for x in infos if (q := _q(x, fc.name)) is not None]
        return _quantity_finding(pairs, label, gid, fc.name, fc.what, fc.rule.severity)
    if fc.how == "actors":
        return _actor_conflicts(ctx, gid, label, infos, fc)
    return _value_conflicts(ctx, gid, label, infos, fc)


def _plural(name: str) -> str:
    """``participant_count`` -> ``participant counts``: a field name for messages."""
    words = name.replace("_", " ")
    if words.endswith("s"):
        return words
    if words.endswith("y") and words[-2:-1] not in ("a", "e", "o", "u"):
        return words[:-1] + "ies"
    return words + "s"


def _quantity_finding(
    pairs: list[tuple[ClaimInfo, Quantity]], label: str, gid: str, field: str, what: str,
    severity: str = Severity.warning,
) -> list[Finding]:
    """A conflict finding for the first two quantities of ``pairs`` that disagree, if any.

    Before a conflict is reported, each quantity stated as exact gets the
    qualifier its own quoted evidence gives it ("至少有26个国家": at least 26),
    so a qualifier an extractor left out does not make a conflict.
    """
    found = quantity_hit(pairs, _as_quoted)
    if found is None:
        return []
    a, b, message = found
    return [_finding(FindingKind.conflict, Severity(severity), f"{label}: {what} {message}",
                     gid, [a, b], field=field)]


def quantity_hit(
    pairs: list[tuple[_D, Quantity]], requote: Callable[[_D, Quantity], Quantity],
) -> tuple[_D, _D, str] | None:
    """The first two claims of ``pairs`` whose quantities disagree once each of the two has
    the quantity its quote states (``requote``), and what they say ("disagree: ..."); None
    if none do."""
    hit = _quantity_conflict(pairs)
    read: set[int] = set()  # claims whose quote was read (each once)
    while hit and not {id(hit[0]), id(hit[1])} <= read:
        read.update((id(hit[0]), id(hit[1])))
        pairs = [(x, requote(x, q) if x is hit[0] or x is hit[1] else q) for x, q in pairs]
        hit = _quantity_conflict(pairs)
    if not hit:
        return None
    a, b = hit
    stated = {id(x): q for x, q in pairs}
    return (a, b, f"disagree: {_qtext(stated[id(a)])} ({a.doc}) "
                  f"vs {_qtext(stated[id(b)])} ({b.doc})")


def _as_quoted(info: ClaimInfo, q: Quantity) -> Quantity:
    """``q`` with what its evidence states for the same number: the qualifier, if ``q`` is
    stated as exact ("at least 26 countries"), and the unit, if ``q`` has none ("26" of
    "leaders of 26 countries" is not "30" of "some 30 leaders": other units, not compared)."""
    exact = getattr(q.qualifier, "value", q.qualifier) == "exact"
    if q.value is None or (not exact and q.unit):
        return q
    language = info.document.language if info.document is not None else None
    for span in info.claim.evidence:
        for m in find_quantities(span.text, language=language):
            found = m.quantity
            if found.value != q.value:
                continue
            update: dict[str, Any] = {}
            if exact and getattr(found.qualifier, "value", found.qualifier) != "exact":
                update.update(qualifier=found.qualifier, raw=q.raw or m.text)
            if not q.unit and found.unit:
                update["unit"] = found.unit
            if update:
                return q.model_copy(update=update)
    return q


def _q(info: ClaimInfo, name: str) -> Quantity | None:
    return getattr(info.claim, name, None)


def _date_conflicts(
    gid: str, label: str, infos: list[ClaimInfo], rule: ConflictRule
) -> list[Finding]:
    """Day dates that differ: info at one day apart (time zones), else the rule's severity."""
    days = sorted({x.date[0] for x in infos if x.date is not None and x.date[2] == "day"})
    if len(days) < 2:
        return []
    first = next(x for x in infos if x.date is not None and x.date[0] == days[0])
    last = next(x for x in infos if x.date is not None and x.date[0] == days[-1])
    severity, message = date_conflict(label, days[0], days[-1], first.doc, last.doc, rule)
    return [_finding(FindingKind.conflict, severity, message, gid, [first, last], field="date")]


def date_conflict(
    label: str, lo: int, hi: int, first_doc: str, last_doc: str, rule: ConflictRule,
) -> tuple[Severity, str]:
    """Severity and message of a group's days ``lo`` to ``hi`` (ordinals) that differ, first
    reported by ``first_doc`` and ``last_doc``: info at one day apart (time zones)."""
    span = hi - lo
    return (Severity.info if span <= 1 else Severity(rule.severity),
            f"{label}: dates differ by {span} day(s): {_iso(lo)} ({first_doc}) vs "
            f"{_iso(hi)} ({last_doc})" + (" (time zones?)" if span <= 1 else ""))


def _actor_conflicts(
    ctx: Context, gid: str, label: str, infos: list[ClaimInfo], fc: _FieldCheck
) -> list[Finding]:
    """Actor fields (hosts) of claims that have no one in common."""
    named: list[tuple[ClaimInfo, str, frozenset[str]]] = []
    for x in infos:
        found = named_actors(ctx, x, fc.name)
        if found is not None:
            named.append((x, *found))
    if len(named) < 2 or frozenset.intersection(*(k for _, _, k in named)):
        return []
    shown = [f"{labels} ({x.doc})" for x, labels, _ in named[:4]]
    return _disagree(fc, gid, label, shown, [x for x, _, _ in named])


def named_actors(ctx: Context, x: ClaimInfo, name: str) -> tuple[str, frozenset[str]] | None:
    """The actors a claim's field ``name`` names (their labels, joined; their keys), if any."""
    value = getattr(x.claim, name, None) or []
    actors: list[Actor] = list(value) if isinstance(value, list) else [value]
    if not actors:
        return None
    return ", ".join(a.label for a in actors), frozenset(ctx.keys.actor_keys(actors))


def _value_conflicts(
    ctx: Context, gid: str, label: str, infos: list[ClaimInfo], fc: _FieldCheck
) -> list[Finding]:
    """Values of different classes: places by canonical name (known places only), text
    folded, others as they are."""
    first: dict[str, tuple[ClaimInfo, str]] = {}  # value key -> first claim and value as written
    classes: set[str] = set()
    for x in infos:
        found = value_class(ctx, x, fc)
        if found is None:
            continue
        key, cls, shown = found
        first.setdefault(key, (x, shown))
        classes.add(cls)
    if len(classes) < 2:
        return []
    return _disagree(fc, gid, label, [f"{shown} ({x.doc})" for x, shown in first.values()],
                     [x for x, _ in first.values()])


def value_class(ctx: Context, x: ClaimInfo, fc: _FieldCheck) -> tuple[str, str, str] | None:
    """A claim's value of ``fc``'s field as compared: its key, its class and the value as
    written; None if it has none or is not compared (an unknown place, a value the rule's
    classes leave out)."""
    raw = getattr(x.claim, fc.name, None)
    if raw is None:
        return None
    shown = str(getattr(raw, "value", raw))
    if fc.how == "place":
        key = x.loc or ctx.keys.location_key(shown)
        if key and not ctx.keys.known_place(key):
            return None  # a venue or district the place names do not know may be in the other
    else:
        key = fold(shown) if fc.how == "text" else shown
    if not key:
        return None
    table = fc.rule.classes
    cls = key if table is None else table.get(key)
    return None if cls is None else (key, cls, shown)


def _disagree(fc: _FieldCheck, gid: str, label: str, shown: list[str], infos: list[ClaimInfo],
              total: int | None = None) -> list[Finding]:
    """The conflict of ``fc``'s field in group ``gid``: the values ``shown`` (each with its
    document) disagree across ``infos`` (the first of ``total``, if given)."""
    return [
        _finding(
            FindingKind.conflict, Severity(fc.rule.severity),
            f"{label}: {fc.what} disagree: " + " vs ".join(shown),
            gid, infos, total, field=fc.name,
        )
    ]


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


# -------------------------------------------------------------------------- time


def check_time(
    items: Items | None = None, documents: Docs = None, *, context: Context | None = None
) -> list[Finding]:
    """Relative dates that could not be anchored; past events dated after publication.

    - a date with raw words but no value ("on Thursday" in an article with no
      publication date) is ``unanchored_date`` (warning);
    - a date resolved relative to a publication date the article does not
      have is ``unanchored_date`` too;
    - a claim whose ``status_field`` holds one of its type's ``past_statuses``
      (a meeting reported as held) dated after its article's publication date
      is ``future_past`` (warning).
    """
    ctx = _ctx(items, documents, context)
    out: list[Finding] = []
    unanchored: dict[tuple[str, str], list[tuple[ClaimInfo, str]]] = {}
    for info in ctx.infos:
        d = info.claim.date
        if d is None:
            continue
        doc = info.document
        published = doc.published if doc is not None else None
        res = getattr(d.resolution, "value", d.resolution)
        if d.value is None and d.raw:
            why = "the article has no publication date" if doc is not None and published is None else "it was not resolved"
            unanchored.setdefault((info.doc, why), []).append((info, repr(d.raw)))
        elif res in ("relative", "publication") and doc is not None and published is None:
            why = "the article has no publication date"
            unanchored.setdefault((info.doc, why), []).append((info, f"{d.value} ({res})"))
        if (
            info.traits.status_field is not None and published is not None
            and info.date is not None and info.date[0] > published.toordinal()
        ):
            out.extend(_future_past(ctx, info.idx, info, published))
    out.extend(_unanchored_findings(ctx, unanchored))
    return out


def _unanchored_findings(
    ctx: Context, unanchored: dict[tuple[str, str], list[tuple[ClaimInfo, str]]]
) -> list[Finding]:
    """One warning per document and reason, listing its claims and their date words."""
    out = []
    for (doc, why), items in unanchored.items():
        infos = [x for x, _ in items]
        words = list(dict.fromkeys(w for _, w in items))
        shown = ", ".join(words[:5]) + (f" and {len(words) - 5} more" if len(words) > 5 else "")
        n = len(infos)
        subject = f"{infos[0].type} {infos[0].claim.id}" if n == 1 else f"{n} claims of {doc}"
        out.append(
            _finding(
                FindingKind.unanchored_date, Severity.warning,
                f"{subject}: relative date{'s' if len(words) > 1 else ''} {shown} cannot be "
                f"anchored: {why}",
                ctx.group_of(infos[0].idx) if n == 1 else None, infos,
                raw=[w for _, w in items], document=doc,
            )
        )
    return out


def _future_past(ctx: Context, i: int, info: ClaimInfo, published: dt.date) -> list[Finding]:
    """A claim dated after its article's publication whose status says it already happened."""
    status = getattr(info.claim, info.traits.status_field or "", None)
    status = getattr(status, "value", status)
    if status not in info.traits.past_statuses:
        return []
    date = info.claim.date.value if info.claim.date is not None else None
    return [
        _finding(
            FindingKind.future_past, Severity.warning,
            f"{info.type} {info.claim.id} is reported as {status} on {date}, after the "
            f"article's publication date {published.isoformat()}",
            ctx.group_of(i), [info], published=published.isoformat(),
        )
    ]


# ------------------------------------------------------------------ corroboration


def check_corroboration(
    items: Items | None = None, documents: Docs = None, *, context: Context | None = None
) -> list[Finding]:
    """How many independent documents support each group (info, groups of 2+ documents).

    Documents count as independent when they come from different sources (URL
    host, else the page a document was split from), do not credit the claim
    to the same agency (``attributed_to``) and are not copies of one text
    (syndication: see :func:`_independent`).
    """
    ctx = _ctx(items, documents, context)
    out: list[Finding] = []
    for g in ctx.groups:
        if len(g.members) < 2:
            continue
        infos = [ctx.infos[i] for i in g.members]
        if len({x.doc for x in infos}) < 2:
            continue
        if g.actor is not None:  # a position: only reports whose actor can be trusted count
            infos = [x for x in infos if _vouches(ctx, x, g.actor)]
        docs = list(dict.fromkeys(x.doc for x in infos))
        if len(docs) < 2:
            continue
        independent = _independent(ctx, infos)
        langs = sorted(
            {lang for d in docs if (doc := ctx.documents.get(d)) is not None and (lang := doc.language)}
        )
        first_per_doc = list({x.doc: x for x in reversed(infos)}.values())[::-1]
        out.append(corroboration_finding(g.id, g.label, docs, len(independent), langs,
                                         first_per_doc))
    return out


def corroboration_finding(
    gid: str, label: str, docs: list[str], independent: int, langs: list[str],
    reports: list[ClaimInfo],
) -> Finding:
    """The corroboration finding of a group: its ``docs`` (in order), how many outlets are
    independent, its languages and the first report of each document (``reports``, ordered
    by each document's last report)."""
    return _finding(
        FindingKind.corroboration, Severity.info,
        f"{label}: reported by {len(docs)} documents ({_listed(docs)}), "
        f"{independent} independent"
        + (f", in {len(langs)} languages ({', '.join(langs)})" if langs else ""),
        gid, reports, documents=len(docs), independent=independent, languages=langs,
    )


def _vouches(ctx: Context, info: ClaimInfo, key: str) -> bool:
    """Whether a report's actor for ``key`` is read well enough to corroborate a position.

    The actor must be resolved (``resolved``, or an ISO code: a name the
    extractor could not place proves nothing), and its words must not name
    someone else than its canonical fields do (the text "Macron" given the
    name "United States": after normalisation the two disagree). Words that
    name no known actor ("he", "the minister") are left to the extractor.
    """
    keys = ctx.keys
    actors = info.claim.actor
    if len(actors) > 1:  # one actor: it is the group's (the claim is in the group by it)
        actors = [a for a in actors if keys.actor_key(a) == key]
    return any(
        (a.resolved or a.iso_code) and keys.surface_key(a) in (None, key) and _read_here(info, a)
        for a in actors
    )


def _read_here(info: ClaimInfo, actor: Actor) -> bool:
    """Whether a reader finds the actor where the claim was read.

    An actor whose words occur in the article but in none of the claim's
    quotes was taken from elsewhere in the article (another sentence's
    subject): the quoted spans cannot show who acted. Words that are not in
    the article at all (a name the extractor normalised or translated) are
    trusted.
    """
    text = actor.text.strip() if actor.text else ""
    doc = info.document
    evidence = info.claim.evidence
    if not text or doc is None or not evidence or any(text in s.text for s in evidence):
        return True
    folded = text.casefold()
    # a name is also found by its last word ("Trump" for "Donald Trump")
    forms = {folded, folded.rsplit(None, 1)[-1]}
    quotes = [s.text.casefold() for s in info.claim.evidence]
    if any(f in q for f in forms for q in quotes):
        return True
    return folded not in doc.text.casefold()


def _listed(names: list[str], most: int = 5) -> str:
    """``a, b, c`` or ``a, b, c, d, e and 3 more``: the documents a reader can open."""
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def _independent(ctx: Context, infos: list[ClaimInfo]) -> set[str]:
    """The independent outlets among a group's reports, syndicated copies counted once.

    An outlet is the agency a claim is credited to, else the document's source.
    Reports of two outlets are copies of one text when they quote the same
    words and their documents' texts are equal (case and spacing aside) or
    ``grouping.SYNDICATED_RATIO`` similar (rapidfuzz); such outlets count once.
    Only reports with the same quote are compared (a set test first), so the
    cost stays linear in the group's size.
    """
    # outlet -> its first report (built from the end: the first report is written last)
    first = {outlet_of(ctx, x): x for x in reversed(infos)}
    return independent_outlets([(outlet, quote_of(x), x.doc) for outlet, x in first.items()],
                               lambda doc: _text(ctx, doc))


def outlet_of(ctx: Context, info: ClaimInfo) -> str:
    """A report's outlet: the agency it credits, else its document's source."""
    return fold(info.claim.attributed_to) if info.claim.attributed_to else ctx.source(info.doc)


def quote_of(info: ClaimInfo) -> str | None:
    """A report's first quote (syndicated copies are compared only within one quote)."""
    return info.claim.evidence[0].text if info.claim.evidence else None


def independent_outlets(
    firsts: list[tuple[str, str | None, str]], text_of: Callable[[str], _Text | None],
) -> set[str]:
    """The outlets of ``firsts`` (outlet, first report's quote, its document), in the order
    :func:`_independent` takes them, that are not copies of an earlier one's text
    (``text_of``: a document's text as compared)."""
    if len(firsts) < 2:
        return {outlet for outlet, _, _ in firsts}
    quotes = [quote for _, quote, _ in firsts]
    if len(set(quotes)) == len(quotes):
        return {outlet for outlet, _, _ in firsts}
    outlets: set[str] = set()
    kept: dict[str | None, list[_Text]] = {}  # quote -> texts of the reports counted
    equal: dict[tuple[str | None, str], _Text] = {}  # (quote, spacing-folded text) -> first
    for outlet, quote, doc in firsts:
        text = text_of(doc)
        if quote is not None and text is not None and _copies(text, kept.get(quote, []), equal.get((quote, text[2]))):
            continue
        if text is not None:
            kept.setdefault(quote, []).append(text)
            equal.setdefault((quote, text[2]), text)
        outlets.add(outlet)
    return outlets


#: a document's text as syndication compares it: length of the compared
#: part, that part case-folded, and the same with spacing folded
_Text = tuple[int, str, str]


#: at most this many earlier reports of the same quote are tested for
#: similarity with a report (equal texts are found whatever their number): a
#: news event has a few dozen outlets quoting the same words
SYNDICATION_CANDIDATES = 64


def _text(ctx: Context, doc_id: str) -> _Text | None:
    doc = ctx.documents.get(doc_id)
    if doc is None:
        return None
    part = doc.text[:COMPARED_CHARS]
    folded = part.casefold()
    return len(part), folded, " ".join(folded.split())


def _copies(text: _Text, kept: list[_Text], equal: _Text | None) -> bool:
    """Whether a text copies one of the texts kept for the same quote (``Context.same_text``'s test).

    An equal text (case and spacing aside) is found by its key at once; the
    similarity test runs in one rapidfuzz call against the first
    :data:`SYNDICATION_CANDIDATES` texts kept, so that a hostile group of thousands of
    different texts quoting the same words stays linear (past them, a report
    counts as its own outlet).
    """
    if text[0] < SYNDICATED_MIN_CHARS:
        return False  # too short to say two outlets copied it
    if equal is not None and _lengths_allow(text[0], equal[0]):
        return True
    choices = [t[1] for t in islice(kept, SYNDICATION_CANDIDATES) if _lengths_allow(text[0], t[0])]
    if not choices:
        return False
    from rapidfuzz import fuzz, process

    return process.extractOne(text[1], choices, scorer=fuzz.ratio, score_cutoff=SYNDICATED_RATIO) is not None


def _lengths_allow(a: int, b: int) -> bool:
    """Long enough to say two outlets copied one text, and about the same length."""
    return min(a, b) >= SYNDICATED_MIN_CHARS and min(a, b) >= 0.85 * max(a, b)
