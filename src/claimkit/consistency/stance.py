"""The stance check: the same actor pledges and refuses the same thing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimkit.consistency.checks import Docs, Items, _ctx, _finding, _iso
from claimkit.consistency.grouping import ClaimInfo, Context
from claimkit.consistency.keys import STOPWORDS
from claimkit.consistency.models import Finding, FindingKind, Severity
from claimkit.text import fold

__all__ = ["check_stance"]

# ------------------------------------------------------------------------ stance

# Words of a refused object that do not narrow it ("sending Italian troops to Ukraine"
# refuses troops as such; "troops on the front line" refuses only a part of it).
_GENERIC = frozenset(
    ["send", "sending", "sent", "deploy", "deploying", "deployed", "deployment", "provide", "providing", "supply", "supplying", "give", "giving", "offer", "offering", "contribute", "contributing", "participate", "participating", "participation", "join", "joining", "support", "supporting", "help", "helping", "defend", "defending", "protect", "protecting", "commit", "committing", "station", "stationing", "presence", "accept", "accepting", "allow", "allowing", "form", "kind", "type", "military", "foreign", "own", "country", "countries", "ground", "troop", "troops", "soldier", "soldiers", "force", "forces", "peacekeeper", "peacekeepers", "peacekeeping", "personnel"]
)


def _name_stems(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(w[:4] for label in labels for w in fold(label).split() if len(w) >= 4)


def _narrowing_words(
    info: ClaimInfo, recipients: frozenset[str], memo: dict[tuple[Any, ...], bool]
) -> bool:
    """Whether a refusal's object has words that narrow it beyond the pledged thing."""
    what = getattr(info.claim, "what", None)
    if not isinstance(what, str):
        return False
    labels = tuple(a.label for a in info.claim.actor)
    key = (what, labels, recipients)
    hit = memo.get(key)
    if hit is None:
        names = _name_stems(labels) | recipients
        hit = memo[key] = any(
            w not in STOPWORDS and w not in _GENERIC and w[:4] not in names and not w.isdigit()
            for w in fold(what).split()
        )
    return hit


def _firm(info: ClaimInfo) -> bool:
    m = info.claim.modality
    return getattr(m, "value", m) in (None, "firm")


def check_stance(
    items: Items | None = None, documents: Docs = None, *, context: Context | None = None
) -> list[Finding]:
    """The same actor pledges and refuses the same thing.

    Dated apart, it is a change of position (info); at the same time (the same
    day, or the same article) it is a contradiction: a warning when both are
    firm, info when either is conditional or tentative. A refusal narrower than
    the pledge ("not on the front line", "unless a UN mission") is not compared.
    Refusing a reversal ("lifting sanctions") is not a refusal of the thing.
    """
    ctx = _ctx(items, documents, context)
    pledges: dict[tuple[str, str], list[ClaimInfo]] = {}
    refusals: dict[tuple[str, str], list[ClaimInfo]] = {}
    for info in ctx.infos:
        if info.obj is None or info.obj.startswith(("~", "x:", "t:")):
            continue
        target = pledges if info.type == "pledge" else refusals if info.type == "refusal" else None
        if target is None:
            continue
        for a in info.actors:
            target.setdefault((a, info.obj), []).append(info)
    out: list[Finding] = []
    memo: dict[tuple[Any, ...], bool] = {}
    for key, rs in refusals.items():
        ps = pledges.get(key)
        if not ps:
            continue
        recipients = _name_stems(
            {r.label for p in ps if (r := getattr(p.claim, "recipient", None)) is not None}
        )
        rs = [
            r for r in rs
            if not getattr(r.claim, "condition", None) and not _narrowing_words(r, recipients, memo)
        ]
        if not rs:
            continue
        out.extend(_stance_findings(ctx, key, ps, rs))
    return out


def _stance_findings(
    ctx: Context, key: tuple[str, str], ps: list[ClaimInfo], rs: list[ClaimInfo]
) -> list[Finding]:
    actor, obj = key
    who = ctx.name(actor)
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
    out: list[Finding] = []
    group = ctx.group_of(rs[0].idx)
    if same:
        p, r = same[0]
        firm = all(_firm(p) and _firm(r) for p, r in same)
        involved = list(dict.fromkeys(x for pair in same for x in pair))
        out.append(
            _finding(
                FindingKind.contradiction, Severity.warning if firm else Severity.info,
                f"{who} both pledges and refuses {obj} at the same time "
                f"({p.doc} vs {r.doc}" + (", not all firm" if not firm else "") + ")",
                group, involved, actor=who, object=obj,
            )
        )
        return out
    dated_p = sorted((p for p in ps if p.date is not None), key=lambda x: x.date or (0, 0, ""))
    dated_r = sorted((r for r in rs if r.date is not None), key=lambda x: x.date or (0, 0, ""))
    if not dated_p or not dated_r:
        return out
    first_p, last_p, first_r, last_r = dated_p[0], dated_p[-1], dated_r[0], dated_r[-1]
    assert first_p.date and last_p.date and first_r.date and last_r.date
    if last_p.date[1] < first_r.date[0]:
        msg = f"{who} pledged {obj} ({_iso(last_p.date[0])}) and later refused it ({_iso(first_r.date[0])})"
        involved = [last_p, first_r]
    elif last_r.date[1] < first_p.date[0]:
        msg = f"{who} refused {obj} ({_iso(last_r.date[0])}) and later pledged it ({_iso(first_p.date[0])})"
        involved = [last_r, first_p]
    else:
        msg = f"{who} pledged and refused {obj} at interleaved dates"
        involved = [first_p, first_r]
    out.append(
        _finding(FindingKind.stance_change, Severity.info, msg, group, involved, actor=who, object=obj)
    )
    return out
