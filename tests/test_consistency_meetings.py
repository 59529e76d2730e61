"""The meeting clusters' summary: fed a corpus's claims in parts (whole documents, in
corpus order, each part through the stored form of the one before), it gives the groups,
members and capped claims the grouping gives on all of them, and says which old claims
moved."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest

from claimkit.consistency import build_context
from claimkit.consistency.grouping import Context
from claimkit.consistency.meetings import MeetingClusters
from claimkit.schemas import DocumentClaims
from tests.test_consistency_order import _meeting
from tests.test_store_incremental import varied_corpus

CITIES = ["Paris", "Rome", "Kyiv", None]
ACTORS = {"RU": "Russia", "FR": "France", "DE": "Germany", "IT": "Italy", "UA": "Ukraine"}


def _actor(code: str) -> dict[str, Any]:
    if code == "CW":  # a collective whose members go unnamed
        return {"text": "the Coalition of the Willing", "name": "Coalition of the Willing",
                "kind": "group", "resolved": True}
    return {"text": ACTORS[code], "name": ACTORS[code], "kind": "country", "iso_code": code,
            "resolved": True}


def _when(rng: random.Random) -> dict[str, str] | None:
    day = rng.randint(1, 28)
    month = rng.choice([3, 4])
    kind = rng.random()
    if kind < 0.55:
        return {"value": f"2025-{month:02d}-{day:02d}", "granularity": "day"}
    if kind < 0.8:
        return {"value": f"2025-{month:02d}", "granularity": "month"}
    return None if kind < 0.92 else {"value": "2025", "granularity": "year"}


def _claim(rng: random.Random, doc: str, j: int, sent: str) -> dict[str, Any]:
    codes = rng.sample([*ACTORS, "CW"], rng.randint(1, 3))
    return {"type": "meeting", "id": f"mee-{doc}-{j}", "doc_id": doc,
            "actor": [_actor(codes[0])],
            "evidence": [{"start": 0, "end": len(sent), "text": sent, "alignment": "exact"}],
            "date": _when(rng), "participants": [_actor(c) for c in codes],
            "location": rng.choice(CITIES), "status": "held"}


def meeting_corpus(rng: random.Random, n_docs: int) -> list[DocumentClaims]:
    """Meetings in a few cities over two months: dated by day, month, year or not at all,
    some articles reporting theirs twice (a restatement), some naming a collective."""
    out = []
    for k in range(n_docs):
        doc, sent = f"d{k}", f"Leaders met ({k})."
        claims = [_claim(rng, doc, j, sent) for j in range(rng.choice([1, 1, 1, 2]))]
        if rng.random() < 0.15:  # the headline and the body name one meeting
            again = dict(claims[0], id=f"mee-{doc}-r", date=None)
            claims.append(again)
        out.append(DocumentClaims.model_validate({
            "document": {"id": doc, "text": sent, "url": f"https://o{k % 7}.example/{doc}",
                         "published": f"2025-{rng.choice([3, 4]):02d}-{rng.randint(1, 28):02d}",
                         "language": "en"},
            "claims": claims}))
    return out


def _expected(ctx: Context) -> dict[int, list[int]]:
    return {g.members[0]: g.members for g in ctx.groups if g.traits.grouping == "event"}


def _doc_cuts(ctx: Context, rng: random.Random, n: int) -> list[int]:
    starts = [i for i in range(1, len(ctx.infos)) if ctx.infos[i].doc != ctx.infos[i - 1].doc]
    return sorted(rng.sample(starts, min(n, len(starts))))


def _fed(ctx: Context, cuts: list[int],
         steps: list[dict[int, list[int]]] | None = None) -> tuple[MeetingClusters, list[list[int]]]:
    """The summary fed ``ctx``'s claims in parts cut at ``cuts``, each part added to the
    one loaded from the JSON of the one before; what each update said moved; into
    ``steps`` the groups after each update."""
    summary = MeetingClusters()
    moved = []
    for a, b in zip([0, *cuts], [*cuts, len(ctx.infos)], strict=True):
        summary = MeetingClusters.load(json.loads(json.dumps(summary.dump())))
        moved.append(summary.update(ctx, ctx.infos[a:b]).moved)
        if steps is not None:
            steps.append(summary.groups())
    return summary, moved


def _firsts(groups: dict[int, list[int]]) -> dict[int, int]:
    return {i: g for g, m in groups.items() for i in m}


def _check(recs: list[DocumentClaims], rng: random.Random, n_cuts: int) -> int:
    """Checks a summary fed in parts; how many old claims moved."""
    ctx = build_context(recs)
    cuts = _doc_cuts(ctx, rng, n_cuts)
    steps: list[dict[int, list[int]]] = []
    summary, moved = _fed(ctx, cuts, steps)
    assert summary.groups() == _expected(ctx)
    assert sorted(summary.capped()) == sorted(ctx.capped)
    expected = [_expected(build_context([r for r in recs if _before(r, ctx, cut)]))
                for cut in cuts] + [_expected(ctx)]
    assert steps == expected  # after each update, not only the last
    prefixes = [_firsts(groups) for groups in expected]
    for before, after, said in zip(prefixes[:-1], prefixes[1:], moved[1:], strict=True):
        assert said == sorted(i for i, g in before.items() if after[i] != g)  # group changed
    return sum(map(len, moved))


def _before(rec: DocumentClaims, ctx: Context, cut: int) -> bool:
    return any(x.doc == rec.document.id for x in ctx.infos[:cut])


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_meeting_clusters_fed_in_parts_group_as_the_grouping_does(seed: int) -> None:
    rng = random.Random(seed)
    assert _check(meeting_corpus(rng, 260), rng, rng.randint(1, 5)) >= 0


def test_old_month_dated_reports_move_in_the_random_corpora() -> None:
    """The hard case happens in these corpora (the tests above would pass vacuously else)."""
    moved = 0
    for seed in range(1, 7):
        rng = random.Random(seed)
        moved += _check(meeting_corpus(rng, 260), rng, 5)
    assert moved > 0


@pytest.mark.parametrize("seed", [1, 2])
def test_meeting_clusters_of_the_store_corpus(seed: int) -> None:
    rng = random.Random(seed)
    recs = varied_corpus(900, seed)
    ctx = build_context(recs)
    summary, _ = _fed(ctx, _doc_cuts(ctx, rng, 4))
    assert summary.groups() == _expected(ctx)


def _fed_records(recs: list[DocumentClaims], cuts: list[int]) -> tuple[MeetingClusters, list[list[str]]]:
    """The summary of records fed in parts cut between records, each part keyed alone (as a
    store keys its new claims) and added to the summary loaded from the JSON of the one
    before; checked against grouping them all; the claim ids each update said moved."""
    summary, moved, seen = MeetingClusters(), [], 0
    for a, b in zip([0, *cuts], [*cuts, len(recs)], strict=True):
        part = build_context(recs[a:b], group=False)
        summary = MeetingClusters.load(json.loads(json.dumps(summary.dump())))
        said = summary.update(part, part.infos, range(seen, seen + len(part.infos))).moved
        moved.append([_claim_id(recs, i) for i in said])
        seen += len(part.infos)
    assert summary.groups() == _expected(build_context(recs))
    return summary, moved


def _claim_id(recs: list[DocumentClaims], ref: int) -> str:
    """The id of the claim at ``ref`` in corpus order."""
    return [c.id for r in recs for c in r.claims][ref]


def test_a_later_day_dated_report_moves_a_stored_month_dated_one() -> None:
    stored = [_meeting("d1", "2024-03-10", "Paris", ["RU", "FR"]),
              _meeting("d2", "2024-03-12", "Paris", ["RU", "FR", "DE"]),
              _meeting("d3", "2024-03", "Paris", ["RU", "FR", "DE"])]
    # the 10th now names Germany too: a tie, the March report leaves the 12th's group
    _, moved = _fed_records([*stored, _meeting("d4", "2024-03-10", "Paris", ["DE"])], [3])
    assert moved == [[], ["mee-d3"]]
    # guard: a report of another city moves nothing
    _, moved = _fed_records([*stored, _meeting("d5", "2024-03-10", "Rome", ["DE"])], [3])
    assert moved == [[], []]


def test_a_new_month_dated_report_never_moves_old_ones_it_does_not_touch() -> None:
    recs = [_meeting("d1", "2024-03-10", "Paris", ["RU", "FR"]),
            _meeting("d2", "2024-03", "Paris", ["RU", "FR"]),
            _meeting("d3", "2024-05", "Paris", ["RU", "FR"]),
            _meeting("d4", "2024-03", "Rome", ["RU", "FR"])]
    summary, moved = _fed_records(recs, [1, 2, 3])
    assert moved == [[], [], [], []]
    # the March report of Rome opened its own group; the May one of Paris too
    assert len(summary.groups()) == 3


def test_claims_must_come_in_corpus_order() -> None:
    ctx = build_context([_meeting("d1", "2024-03-10", "Paris", ["RU"]),
                         _meeting("d2", "2024-03-10", "Paris", ["FR"])])
    summary = MeetingClusters()
    summary.update(ctx, ctx.infos[1:])
    with pytest.raises(ValueError, match="corpus order"):
        summary.update(ctx, ctx.infos[:1])


def _report(doc: str, when: str, place: str | None, actors: list[dict[str, Any]]) -> DocumentClaims:
    """A meeting report of ``actors`` dated to a day, a month or a year."""
    sent = f"Leaders met in {place or 'a city'} ({doc})."
    granularity = {10: "day", 7: "month", 4: "year"}[len(when)]
    claim = {"type": "meeting", "id": f"mee-{doc}", "doc_id": doc, "actor": actors[:1],
             "evidence": [{"start": 0, "end": len(sent), "text": sent, "alignment": "exact"}],
             "date": {"value": when, "granularity": granularity},
             "participants": actors, "location": place, "status": "held"}
    return DocumentClaims.model_validate({
        "document": {"id": doc, "text": sent, "url": f"https://{doc}.example/a",
                     "published": (when + "-12-28")[:10] if len(when) < 10 else when,
                     "language": "en"},
        "claims": [claim]})


def test_a_cluster_widened_on_another_month_moves_a_report_that_looked_at_it() -> None:
    """A day report of 1 April joins the cluster of 31 March (by its participants): the
    March report that looked at that cluster is placed again though it is not filed in
    April (and the summary was stored in between: what it looked at is kept)."""
    stored = [_meeting("d1", "2024-03-31", "Paris", ["RU", "FR"]),
              _meeting("d2", "2024-03-12", "Paris", ["RU", "FR", "DE"]),
              _meeting("d3", "2024-03", "Paris", ["RU", "FR", "DE"])]
    _, moved = _fed_records([*stored, _meeting("d4", "2024-04-01", None, ["RU", "FR", "DE"])], [3])
    assert moved == [[], ["mee-d3"]]
    # guard: a report of 1 April naming one of them only opens its own cluster
    _, moved = _fed_records([*stored, _meeting("d5", "2024-04-01", None, ["DE"])], [3])
    assert moved == [[], []]


def test_a_report_leaving_an_interval_cluster_moves_those_that_joined_it() -> None:
    """A year-dated report of Paris opened an interval cluster a March report (naming a
    collective) joined; a June report of Paris now takes the year-dated one: the March one
    (not filed in June) is left alone, a group of its own."""
    coalition = _actor("CW")
    stored = [_report("d1", "2024", "Paris", [_actor("RU"), _actor("FR")]),
              _report("d2", "2024-03", "Paris", [coalition])]
    _, moved = _fed_records([*stored, _meeting("d3", "2024-06-10", "Paris", ["RU", "FR"])], [2])
    assert moved == [[], ["mee-d1", "mee-d2"]]
    _, moved = _fed_records([*stored, _meeting("d3", "2024-06-10", "Rome", ["RU", "FR"])], [2])
    assert moved == [[], []]  # guard: another city


def test_a_collective_learned_later_moves_a_report_naming_it() -> None:
    """The coalition is first named as an organisation; once named as a collective (its
    members unnamed), the March report naming it fits the meeting of Paris."""
    org = _actor("CW") | {"kind": "organisation"}
    stored = [_meeting("d1", "2024-03-10", "Paris", ["RU", "FR"]),
              _report("d2", "2024-03", "Paris", [org])]
    later = _report("d3", "2024-09-01", "Berlin", [_actor("CW")])
    _, moved = _fed_records([*stored, later], [2])
    assert moved == [[], ["mee-d2"]]
    _, moved = _fed_records([*stored, _report("d3", "2024-09-01", "Berlin", [org])], [2])
    assert moved == [[], []]  # guard: named as an organisation again


@pytest.mark.parametrize("seed", [1, 2])
def test_searches_stopped_at_the_bound_are_kept_too(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a bound of 3 candidates, searches stop (the "limit" finding counts them) and
    one place holds more interval clusters than the bound: the summary still groups as
    the grouping does (such a place's partition is placed again whole)."""
    from claimkit.consistency import grouping, meetings

    monkeypatch.setattr(grouping, "MAX_CANDIDATES", 3)
    monkeypatch.setattr(meetings, "MAX_CANDIDATES", 3)
    rng = random.Random(seed)
    recs = meeting_corpus(rng, 260)
    _check(recs, rng, 4)
    assert build_context(recs).capped  # the bound is reached


def test_a_crowded_place_is_placed_again_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search of a place's interval clusters stops at the first MAX_CANDIDATES of
    them, whatever their months: reports of January to March leaving them for new day
    clusters let a second June report find June's among the first three."""
    from claimkit.consistency import grouping, meetings

    monkeypatch.setattr(grouping, "MAX_CANDIDATES", 3)
    monkeypatch.setattr(meetings, "MAX_CANDIDATES", 3)
    stored = [_meeting(f"m{k}", f"2024-{k:02d}", "Paris", ["RU", "FR"]) for k in range(1, 7)]
    stored.append(_meeting("m6b", "2024-06", "Paris", ["RU", "FR"]))
    days = [_meeting(f"d{k}", f"2024-{k:02d}-10", "Paris", ["RU", "FR"]) for k in range(1, 4)]
    _, moved = _fed_records([*stored, *days], [7])
    assert moved == [[], ["mee-m1", "mee-m2", "mee-m3", "mee-m6b"]]


def _two_reports(doc: str, published: str, first: DocumentClaims,
                 second: DocumentClaims) -> DocumentClaims:
    """One article reporting the meetings of two records (its claims' ids kept)."""
    shift = len(first.document.text) + 1
    moved = [c.model_copy(update={"evidence": [e.model_copy(update={
        "start": e.start + shift, "end": e.end + shift}) for e in c.evidence]})
        for c in second.claims]
    claims = [c.model_copy(update={"doc_id": doc}) for c in (*first.claims, *moved)]
    document = first.document.model_copy(update={
        "id": doc, "published": dt.date.fromisoformat(published),
        "text": f"{first.document.text} {second.document.text}"})
    return DocumentClaims(document=document, claims=claims)


def test_a_report_leaving_a_day_cluster_moves_another_that_looked_at_it() -> None:
    """A year-dated report of Paris leaves the cluster of 12 February (a report of 25 March
    now ties it): the February report of the same article, which could not join that
    cluster while its article was in it, now does, though nothing new is on its days."""
    both = _two_reports("x", "2024-12-28",
                        _report("r1", "2024", "Paris", [_actor("RU"), _actor("FR"), _actor("DE")]),
                        _report("r2", "2024-02", None, [_actor("RU"), _actor("FR")]))
    stored = [_meeting("d1", "2024-02-12", "Paris", ["RU", "FR", "DE"]),
              _meeting("d2", "2024-03-25", "Paris", ["RU", "FR"]), both]
    _, moved = _fed_records([*stored, _meeting("d3", "2024-03-25", "Paris", ["DE"])], [3])
    assert moved == [[], ["mee-r1", "mee-r2"]]
    _, moved = _fed_records([*stored, _meeting("d3", "2024-03-25", "Rome", ["DE"])], [3])
    assert moved == [[], []]  # guard: another city


def test_a_report_whose_search_now_stops_at_the_bound_is_placed_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With a bound of 3: a March report of Paris looks at its cluster and two of Rome
    naming Russia; a third of Rome (which it could never join) stops its search."""
    from claimkit.consistency import grouping, meetings

    monkeypatch.setattr(grouping, "MAX_CANDIDATES", 3)
    monkeypatch.setattr(meetings, "MAX_CANDIDATES", 3)
    stored = [_meeting("p", "2024-03-10", "Paris", ["RU", "FR"]),
              _meeting("a", "2024-03-11", "Rome", ["RU"]),
              _meeting("b", "2024-03-14", "Rome", ["RU"]),
              _meeting("m", "2024-03", "Paris", ["RU"])]
    _, moved = _fed_records([*stored, _meeting("c", "2024-03-20", "Rome", ["RU"])], [4])
    assert moved == [[], ["mee-m"]]
    _, moved = _fed_records([*stored, _meeting("c", "2024-03-11", "Rome", ["RU"])], [4])
    assert moved == [[], []]  # guard: it joins a cluster of Rome already looked at
