"""The stance check: the same actor is for and against the same thing.

Which types are for or against their object is what their models declare
(``stance``, ``stance_verbs``, ``narrowing_fields``: see
:class:`claimkit.schemas.ClaimBase`); pledges are "for", refusals "against".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from claimkit.consistency.checks import Docs, Items, _ctx, _finding, _iso
from claimkit.consistency.grouping import ClaimInfo, Context
from claimkit.consistency.keys import STOPWORDS, DateRange, KeyBuilder
from claimkit.consistency.models import Finding, FindingKind, Severity
from claimkit.schemas import Actor, ClaimTraits
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
    return narrows(what, tuple(a.label for a in info.claim.actor), info.actors, rec, keys, memo)


def narrows(
    what: str, labels: tuple[str, ...], own: tuple[str, ...], rec: _Recipients,
    keys: KeyBuilder, memo: dict[tuple[Any, ...], bool],
) -> bool:
    """Whether the words ``what`` of an "against" claim (by actors ``labels``, keyed
    ``own``) narrow its object, given the recipients ``rec`` of the "for" claims.

    The wider ``rec`` (more stems or keys, or open), the fewer words narrow: a claim
    once comparable stays comparable as "for" claims are added.
    """
    key = (what, labels, rec)
    hit = memo.get(key)
    if hit is None:
        names = _name_stems(labels) | rec.stems
        hit = memo[key] = any(
            w not in STOPWORDS and w not in _GENERIC and w[:4] not in names and not w.isdigit()
            and not _compatible_country(w, rec, keys, own)
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
    actors: list[Actor] = []
    unnamed = False
    fields = other_actor_fields(ps[0].traits)
    for p in ps:
        found, none = recipients_named(p, fields)
        actors.extend(found)
        unnamed = unnamed or none
    labels = {a.label for a in actors}
    return _Recipients(_name_stems(labels), frozenset(keys.actor_keys(actors)), unnamed or not fields)


def recipients_named(p: ClaimInfo, fields: tuple[str, ...]) -> tuple[list[Actor], bool]:
    """The actors a "for" claim names in its recipient ``fields``, and whether one is empty."""
    actors: list[Actor] = []
    unnamed = False
    for name in fields:
        value = getattr(p.claim, name, None)
        found = value if isinstance(value, list) else [value] if value is not None else []
        unnamed = unnamed or not found
        actors.extend(found)
    return actors, unnamed


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


def other_actor_fields(traits: ClaimTraits) -> tuple[str, ...]:
    """Actor fields besides ``actor`` (a pledge's recipient): their names do not narrow."""
    return tuple(f for f in traits.fields_of_kind("actors") if f != "actor")


def _stance_findings(
    ctx: Context, key: tuple[str, str], ps: list[ClaimInfo], rs: list[ClaimInfo]
) -> list[Finding]:
    actor, obj = key
    by_doc: dict[str, ClaimInfo] = {}
    by_day: dict[int, ClaimInfo] = {}
    for p in ps:
        file_for(p, by_doc, by_day)
    said = Said(who=ctx.name(actor), obj=obj, verbs=(ps[0].traits.stance_verbs, rs[0].traits.stance_verbs),
                same=same_time(by_doc, by_day, rs, _firm), p_ends=extremes(ps), r_ends=extremes(rs))
    verdict = stance_verdict(said)
    if verdict is None:
        return []
    kind, severity, msg, involved = verdict
    return [_finding(kind, severity, msg, ctx.group_of(rs[0].idx), involved, actor=said.who, object=obj)]


class _Dated(Protocol):
    @property
    def doc(self) -> str: ...
    @property
    def date(self) -> DateRange | None: ...


_T = TypeVar("_T", bound=_Dated)


@dataclass(frozen=True, slots=True)
class Said(Generic[_T]):
    """What the stance finding of one (actor, object) and pair of types is made of.

    ``same``: the (for, against, both firm) pairs of the same time; ``p_ends`` and
    ``r_ends``: the earliest and latest dated "for" and comparable "against" claims.
    """

    who: str
    obj: str
    verbs: tuple[tuple[str, str], tuple[str, str]]
    same: list[tuple[_T, _T, bool]]
    p_ends: tuple[_T, _T] | None
    r_ends: tuple[_T, _T] | None


def stance_verdict(said: Said[_T]) -> tuple[FindingKind, Severity, str, list[_T]] | None:
    """The stance finding (kind, severity, message, claims involved) ``said`` makes, if any."""
    who, obj = said.who, said.obj
    (p_now, p_past), (r_now, r_past) = said.verbs
    if said.same:
        p, r, _ = said.same[0]
        firm = all(f for _, _, f in said.same)
        involved = list(dict.fromkeys(x for p_, r_, _ in said.same for x in (p_, r_)))
        msg = (f"{who} both {p_now} and {r_now} {obj} at the same time "
               f"({p.doc} vs {r.doc}" + (", not all firm" if not firm else "") + ")")
        return (FindingKind.contradiction, Severity.warning if firm else Severity.info, msg,
                involved)
    if said.p_ends is None or said.r_ends is None:
        return None
    (first_p, last_p), (first_r, last_r) = said.p_ends, said.r_ends
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
    return FindingKind.stance_change, Severity.info, msg, involved


def extremes(xs: Iterable[_T]) -> tuple[_T, _T] | None:
    """The earliest and the latest dated of ``xs`` (in order: the first of equal earliest
    dates, the last of equal latest ones); None if none is dated."""
    dated = sorted((x for x in xs if x.date is not None), key=lambda x: x.date or (0, 0, ""))
    return (dated[0], dated[-1]) if dated else None


def file_for(p: _T, by_doc: dict[str, _T], by_day: dict[int, _T]) -> None:
    """File a "for" claim as its article's and its day's first, unless one came before."""
    by_doc.setdefault(p.doc, p)
    if p.date is not None and p.date[2] == "day":
        by_day.setdefault(p.date[0], p)


def same_time(
    by_doc: dict[str, _T], by_day: dict[int, _T], rs: Iterable[_T], firm: Callable[[_T], bool],
) -> list[tuple[_T, _T, bool]]:
    """(for, against, both firm) pairs of the same day, or of the same article and no other
    date; ``by_doc`` and ``by_day``: the first "for" claim of each article and day."""
    same: list[tuple[_T, _T, bool]] = []
    for r in rs:
        match: _T | None = None
        if r.date is not None and r.date[2] == "day":
            match = by_day.get(r.date[0])
        if match is None and r.doc in by_doc:
            cand = by_doc[r.doc]
            if cand.date is None or r.date is None or cand.date == r.date:
                match = cand
        if match is not None:
            same.append((match, r, firm(match) and firm(r)))
    return same
