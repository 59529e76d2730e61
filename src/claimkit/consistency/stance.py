"""The stance check: the same actor is for and against the same thing.

Which types are for or against their object is what their models declare
(``stance``, ``stance_verbs``, ``narrowing_fields``: see
:class:`claimkit.schemas.ClaimBase`); pledges are "for", refusals "against".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claimkit.consistency.checks import Docs, Items, _ctx, _finding, _iso
from claimkit.consistency.grouping import ClaimInfo, Context
from claimkit.consistency.keys import STOPWORDS, KeyBuilder
from claimkit.consistency.models import Finding, FindingKind, Severity
from claimkit.schemas import Actor
from claimkit.text import fold

__all__ = ["check_stance"]

# ------------------------------------------------------------------------ stance

# Words of a refused object that do not narrow it ("sending Italian troops to Ukraine"
# refuses troops as such; "troops on the front line" refuses only a part of it).
_GENERIC = frozenset(
    ["send", "sending", "sent", "deploy", "deploying", "deployed", "deployment", "provide", "providing", "supply", "supplying", "give", "giving", "offer", "offering", "contribute", "contributing", "participate", "participating", "participation", "join", "joining", "support", "supporting", "help", "helping", "defend", "defending", "protect", "protecting", "commit", "committing", "station", "stationing", "presence", "accept", "accepting", "allow", "allowing", "form", "kind", "type", "military", "foreign", "own", "country", "countries", "ground", "troop", "troops", "soldier", "soldiers", "force", "forces", "peacekeeper", "peacekeepers", "peacekeeping", "personnel",
     # where troops stand ("on Ukrainian soil") and when ("now") do not narrow what is refused
     "soil", "territory", "land", "boots", "now", "ever", "again", "there", "anywhere",
     # kinds of the same force: the coalition's "reassurance force" is its troops
     "reassurance", "stabilisation", "stabilization", "multinational", "international",
     "european", "western", "combat", "armed"]
)


def _name_stems(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(w[:4] for label in labels for w in fold(label).split() if len(w) >= 4)


@dataclass(frozen=True, slots=True)
class _Recipients:
    """Who the "for" claims are for, compared as a set: names (stems) and country keys.

    ``open``: some "for" claim names no recipient, so any country an "against"
    claim names is compatible with it (a named recipient against an unnamed one
    is no mismatch); otherwise a country the "against" claim names must be one
    of ``keys``.
    """

    stems: frozenset[str]
    keys: frozenset[str]
    open: bool


def _narrowing_words(
    info: ClaimInfo, field: str, rec: _Recipients, keys: KeyBuilder,
    memo: dict[tuple[Any, ...], bool],
) -> bool:
    """Whether an "against" claim's free-phrase object (``field``) has words that narrow it."""
    what = getattr(info.claim, field, None)
    if not isinstance(what, str):
        return False
    labels = tuple(a.label for a in info.claim.actor)
    key = (what, labels, rec)
    hit = memo.get(key)
    if hit is None:
        names = _name_stems(labels) | rec.stems
        hit = memo[key] = any(
            w not in STOPWORDS and w not in _GENERIC and w[:4] not in names and not w.isdigit()
            and not _compatible_country(w, rec, keys, info.actors)
            for w in fold(what).split()
        )
    return hit


def _compatible_country(word: str, rec: _Recipients, keys: KeyBuilder, own: tuple[str, ...]) -> bool:
    """A country word that does not narrow: the actor's own ("sending French troops",
    refused by France), or a recipient the "for" claims allow ("to Ukraine", "in Kyiv")."""
    country = keys.country_word(word)
    return country is not None and (rec.open or country in rec.keys or country in own)


def _firm(info: ClaimInfo) -> bool:
    m = info.claim.modality
    return getattr(m, "value", m) in (None, "firm")


#: one stance type's claims by (actor key, object key)
_Side = dict[tuple[str, str], list[ClaimInfo]]


def check_stance(
    items: Items | None = None, documents: Docs = None, *, context: Context | None = None
) -> list[Finding]:
    """The same actor is for and against the same thing (pledges and refuses it).

    Dated apart, it is a change of position (info); at the same time (the same
    day, or the same article) it is a contradiction: a warning when both are
    firm, info when either is conditional or tentative. An "against" claim
    narrower than the object ("not on the front line", "unless a UN mission")
    is not compared. Refusing a reversal ("lifting sanctions") is not a
    refusal of the thing. Each pair of a "for" type and an "against" type is
    compared separately.
    """
    ctx = _ctx(items, documents, context)
    sides: dict[str, _Side | None] = {}  # by type; None: the type takes no stance
    fors: list[_Side] = []
    againsts: list[_Side] = []
    for info in ctx.infos:
        obj = info.obj
        if obj is None or obj.startswith(("~", "x:", "t:")):
            continue
        try:
            side = sides[info.type]
        except KeyError:
            side = sides[info.type] = _new_side(info, fors, againsts)
        if side is None:
            continue
        for a in info.actors:
            side.setdefault((a, obj), []).append(info)
    out: list[Finding] = []
    memo: dict[tuple[Any, ...], bool] = {}
    for r_side in againsts:
        for key, all_rs in r_side.items():
            for p_side in fors:
                ps = p_side.get(key)
                if not ps:
                    continue
                rs = _comparable(ps, all_rs, ctx.keys, memo)
                if rs:
                    out.extend(_stance_findings(ctx, key, ps, rs))
    return out


def _new_side(info: ClaimInfo, fors: list[_Side], againsts: list[_Side]) -> _Side | None:
    """The (empty) claims of a new stance type, filed with its side; None without stance."""
    stance = info.traits.stance
    if stance is None:
        return None
    side: _Side = {}
    (fors if stance == "for" else againsts).append(side)
    return side


def _recipients(ps: list[ClaimInfo], keys: KeyBuilder) -> _Recipients:
    """The recipients of "for" claims (``ps``, of one type) as a set."""
    labels: set[str] = set()
    actors: list[Actor] = []
    unnamed = False
    fields = _other_actor_fields(ps[0])
    for name in fields:
        for p in ps:
            value = getattr(p.claim, name, None)
            found = value if isinstance(value, list) else [value] if value is not None else []
            unnamed = unnamed or not found
            actors.extend(found)
    labels.update(a.label for a in actors)
    return _Recipients(_name_stems(labels), frozenset(keys.actor_keys(actors)), unnamed or not fields)


def _comparable(
    ps: list[ClaimInfo], rs: list[ClaimInfo], keys: KeyBuilder, memo: dict[tuple[Any, ...], bool]
) -> list[ClaimInfo]:
    """The "against" claims not narrower than what the "for" claims are about.

    ``ps`` are of one type, ``rs`` of one type.
    """
    rec = _recipients(ps, keys)
    traits = rs[0].traits
    what = traits.object_field
    if what is not None and traits.field_kinds.get(what) != "text":
        what = None  # an enum or actors: no words to narrow it
    out = []
    for r in rs:  # loops, not any(): this runs for every "against" claim
        narrowed = False
        for name in traits.narrowing_fields:
            if getattr(r.claim, name, None):
                narrowed = True
                break
        if not narrowed and not (what and _narrowing_words(r, what, rec, keys, memo)):
            out.append(r)
    return out


def _other_actor_fields(info: ClaimInfo) -> tuple[str, ...]:
    """Actor fields besides ``actor`` (a pledge's recipient): their names do not narrow."""
    return tuple(f for f in info.traits.fields_of_kind("actors") if f != "actor")


def _stance_findings(
    ctx: Context, key: tuple[str, str], ps: list[ClaimInfo], rs: list[ClaimInfo]
) -> list[Finding]:
    actor, obj = key
    who = ctx.name(actor)
    same = _same_time(ps, rs)
    group = ctx.group_of(rs[0].idx)
    p_now, p_past = ps[0].traits.stance_verbs
    r_now, r_past = rs[0].traits.stance_verbs
    if same:
        p, r = same[0]
        firm = all(_firm(p) and _firm(r) for p, r in same)
        involved = list(dict.fromkeys(x for pair in same for x in pair))
        return [
            _finding(
                FindingKind.contradiction, Severity.warning if firm else Severity.info,
                f"{who} both {p_now} and {r_now} {obj} at the same time "
                f"({p.doc} vs {r.doc}" + (", not all firm" if not firm else "") + ")",
                group, involved, actor=who, object=obj,
            )
        ]
    dated_p = sorted((p for p in ps if p.date is not None), key=lambda x: x.date or (0, 0, ""))
    dated_r = sorted((r for r in rs if r.date is not None), key=lambda x: x.date or (0, 0, ""))
    if not dated_p or not dated_r:
        return []
    first_p, last_p, first_r, last_r = dated_p[0], dated_p[-1], dated_r[0], dated_r[-1]
    assert first_p.date and last_p.date and first_r.date and last_r.date
    if last_p.date[1] < first_r.date[0]:
        msg = f"{who} {p_past} {obj} ({_iso(last_p.date[0])}) and later {r_past} it ({_iso(first_r.date[0])})"
        involved = [last_p, first_r]
    elif last_r.date[1] < first_p.date[0]:
        msg = f"{who} {r_past} {obj} ({_iso(last_r.date[0])}) and later {p_past} it ({_iso(first_p.date[0])})"
        involved = [last_r, first_p]
    else:
        msg = f"{who} {p_past} and {r_past} {obj} at interleaved dates"
        involved = [first_p, first_r]
    return [
        _finding(FindingKind.stance_change, Severity.info, msg, group, involved, actor=who, object=obj)
    ]


def _same_time(ps: list[ClaimInfo], rs: list[ClaimInfo]) -> list[tuple[ClaimInfo, ClaimInfo]]:
    """(for, against) pairs of the same day, or of the same article and no other date."""
    same: list[tuple[ClaimInfo, ClaimInfo]] = []
    p_by_doc: dict[str, ClaimInfo] = {}
    p_by_day: dict[int, ClaimInfo] = {}
    for p in ps:
        p_by_doc.setdefault(p.doc, p)
        if p.date is not None and p.date[2] == "day":
            p_by_day.setdefault(p.date[0], p)
    for r in rs:
        match: ClaimInfo | None = None
        if r.date is not None and r.date[2] == "day":
            match = p_by_day.get(r.date[0])
        if match is None and r.doc in p_by_doc:
            cand = p_by_doc[r.doc]
            if cand.date is None or r.date is None or cand.date == r.date:
                match = cand
        if match is not None:
            same.append((match, r))
    return same
