"""Check summaries: a summary of the first claims, updated with the rest in corpus order,
gives the findings the check gives on all of them (random corpora cut at random points),
also through its stored form (dump, load)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest

from claimkit.consistency import build_context, check_conflicts, check_corroboration, check_stance
from claimkit.consistency.grouping import Context, Group
from claimkit.consistency.models import Finding
from claimkit.consistency.summaries import (
    ConflictSummary,
    CorroborationSummary,
    InContext,
    PositionSplits,
    StanceSummary,
)
from claimkit.schemas import DocumentClaims
from tests.test_consistency import FR, IT, UA, record
from tests.test_store_incremental import varied_corpus


def _sorted(findings: list[Finding]) -> list[str]:
    return sorted(f.model_dump_json() for f in findings)


def _summarised(ctx: Context, cuts: list[int], stored: bool) -> StanceSummary:
    """A summary of ``ctx``'s claims added in parts cut at ``cuts``; ``stored``: each part
    added to a summary loaded from the dump of the one before, as a store would."""
    summary = StanceSummary(ctx.keys)
    for a, b in zip([0, *cuts], [*cuts, len(ctx.infos)], strict=True):
        if stored:
            again = StanceSummary(ctx.keys)
            for key in summary.by_key:
                again.load(key, summary.dump(key))
            summary = again
        summary.update(ctx.infos[a:b])
    return summary


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_stance_summary_updated_in_parts_finds_what_the_check_finds(seed: int) -> None:
    rng = random.Random(seed)
    corpus = varied_corpus(900, seed)
    rng.shuffle(corpus)
    ctx = build_context(corpus)
    expected = _sorted(check_stance(context=ctx))
    kinds = {f.split('"kind":"', 1)[1].split('"', 1)[0] for f in expected}
    assert kinds == {"contradiction", "stance_change"}  # the corpus has both
    cuts = sorted(rng.sample(range(1, len(ctx.infos)), rng.randint(1, 5)))
    for stored in (False, True):
        summary = _summarised(ctx, cuts, stored)
        assert _sorted(summary.findings(InContext(ctx))) == expected


def _pledge(doc: str, recipient: object, date: str = "2025-03-27") -> DocumentClaims:
    return record(doc, "France will send troops.", [
        {"kind": "pledge", "quote": "France will send troops", "actor": [FR], "what": "troops",
         "recipient": recipient, "date": date}])


def _refusal(doc: str = "r", date: str = "2025-03-27", **more: object) -> DocumentClaims:
    return record(doc, "France ruled out troops.", [
        {"kind": "refusal", "quote": "France ruled out troops", "actor": [FR],
         "what": "sending troops to Ukraine", "date": date, **more}])


def _in_parts(recs: list[DocumentClaims], parts: list[int]) -> tuple[list[str], list[str]]:
    """The findings of a summary fed the claims in parts cut at ``parts`` (the same kept in
    memory and through its stored form), and the check's on all of them."""
    ctx = build_context(recs)
    got = [_sorted(_summarised(ctx, parts, stored).findings(InContext(ctx)))
           for stored in (False, True)]
    assert got[0] == got[1]
    return got[0], _sorted(check_stance(context=ctx))


def test_a_refusal_becomes_comparable_when_a_later_pledge_names_its_country() -> None:
    """A refusal of "troops to Ukraine" is narrower than a pledge to Italy, not than one
    to Ukraine: stored before the pledges, it is compared once the recipients allow it."""
    got, expected = _in_parts([_refusal(), _pledge("p1", IT), _pledge("p2", UA)], [1, 2])
    assert got == expected and len(got) == 1 and '"kind":"contradiction"' in got[0]
    got, expected = _in_parts([_refusal(), _pledge("p1", IT)], [1])
    assert got == expected == []  # the guard: Italy alone does not allow it


def test_a_refusal_with_a_condition_is_never_compared() -> None:
    recs = [_refusal("r1", condition="unless a UN mission"), _pledge("p1", UA)]
    got, expected = _in_parts(recs, [1])
    assert got == expected == []
    got, expected = _in_parts([_refusal("r1"), _pledge("p1", UA)], [1])
    assert got == expected and len(got) == 1  # the guard: without it, a contradiction


def test_the_earliest_and_latest_dated_claims_are_kept_across_updates() -> None:
    recs = [_pledge("p1", UA, "2025-01-10"), _pledge("p2", UA, "2025-01-10"),
            _refusal("r1", "2025-06-01"), _pledge("p3", UA, "2025-02-01"),
            _pledge("p4", UA, "2025-02-01")]
    got, expected = _in_parts(recs, [1, 2, 3, 4])
    assert got == expected and len(got) == 1
    assert '"kind":"stance_change"' in got[0] and "2025-02-01" in got[0]


def test_claims_must_come_in_corpus_order() -> None:
    ctx = build_context([_refusal(), _pledge("p1", UA)])
    summary = StanceSummary(ctx.keys)
    summary.update(ctx.infos[1:])
    with pytest.raises(ValueError, match="corpus order"):
        summary.update(ctx.infos[:1])


def _fed_groups(ctx: Context, cuts: list[int], rng: random.Random, make: Callable[[Group], Any],
         *, shuffled: bool) -> list[Finding]:
    """Each group's findings from a summary (``make``) of the members of some claims (those
    before the first cut), stored (dump, load) and updated with the members of the next
    claims, and so on: members join anywhere in the group's order, as a meeting report
    dated to a day joins before the month-dated ones (``shuffled``: each part's members
    in a random order too); some parts in one update, some one member at a time."""
    out: list[Finding] = []
    for g in ctx.groups:
        summary = make(g)
        for a, b in zip([0, *cuts], [*cuts, len(ctx.infos)], strict=True):
            summary = type(summary).load(summary.dump())
            part = [(at, i) for at, i in enumerate(g.members) if a <= i < b]
            if shuffled:
                rng.shuffle(part)
            for step in [part] if rng.random() < 0.5 else [[x] for x in part]:
                summary.update(ctx, [ctx.infos[i] for _, i in step], order=[at for at, _ in step])
        out.extend(summary.findings(g.id, g.label, InContext(ctx)))
    return out


def _corroborated(ctx: Context, cuts: list[int], rng: random.Random) -> list[Finding]:
    """Each group's corroboration from a summary fed as :func:`_fed_groups` says."""
    return _fed_groups(ctx, cuts, rng, lambda g: CorroborationSummary(g.actor), shuffled=False)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_corroboration_summary_updated_in_parts_finds_what_the_check_finds(seed: int) -> None:
    rng = random.Random(seed)
    corpus = varied_corpus(900, seed)
    rng.shuffle(corpus)
    ctx = build_context(corpus)
    expected = check_corroboration(context=ctx)
    # syndicated copies counted once, and positions whose reports do not all vouch
    assert any(f.details["independent"] < f.details["documents"] for f in expected)
    assert any(g.actor is not None for g in ctx.groups)
    assert any(g.members != sorted(g.members) for g in ctx.groups)  # not in corpus order
    cuts = sorted(rng.sample(range(1, len(ctx.infos)), rng.randint(1, 5)))
    assert _sorted(_corroborated(ctx, cuts, rng)) == _sorted(expected)


def test_corroboration_summary_without_order_appends() -> None:
    """Members given without their places join after those before (the default)."""
    ctx = build_context([_pledge("p1", UA), _pledge("p2", UA), _pledge("p3", UA)])
    (g,) = ctx.groups
    summary = CorroborationSummary(g.actor)
    for i in g.members:
        summary.update(ctx, [ctx.infos[i]])
    expected = _sorted(check_corroboration(context=ctx))
    assert _sorted(summary.findings(g.id, g.label, InContext(ctx))) == expected
    assert len(expected) == 1 and "reported by 3 documents" in expected[0]


_FILLER = ("The defence ministers of the coalition met for a long day of talks about the "
           "shape of a future force, its command, its rules of engagement, the air cover it "
           "would need and the guarantees that the United States might still offer to those "
           "who would send soldiers once a ceasefire holds along the whole front line.")


def _report(doc: str, host: str, text: str) -> DocumentClaims:
    return record(doc, "France will send troops. " + text, [
        {"kind": "pledge", "quote": "France will send troops", "actor": [FR], "what": "troops",
         "recipient": UA, "date": "2025-03-27"}], url=f"https://{host}/{doc}")


def _fed(recs: list[DocumentClaims], order: list[int]) -> tuple[list[str], list[str]]:
    """The corroboration of the one group of ``recs`` from a summary fed its members one at
    a time in ``order`` (places in the group's order), and the check's."""
    ctx = build_context(recs)
    (g,) = ctx.groups
    summary = CorroborationSummary(g.actor)
    for at in order:
        summary = CorroborationSummary.load(summary.dump())
        summary.update(ctx, [ctx.infos[g.members[at]]], order=[at])
    return (_sorted(summary.findings(g.id, g.label, InContext(ctx))),
            _sorted(check_corroboration(context=ctx)))


def test_an_outlets_first_report_is_the_first_in_the_groups_order() -> None:
    """Outlet b's first report copies outlet a's text, its second does not: b is not
    independent, also when its first report joins the summary after its second."""
    recs = [_report("a1", "a.example", _FILLER), _report("b1", "b.example", _FILLER),
            _report("b2", "b.example", _FILLER[::-1])]
    got, expected = _fed(recs, [0, 2, 1])
    assert got == expected and '"independent":1' in expected[0]


def test_outlets_are_compared_from_the_one_reported_last() -> None:
    """b's text is near a's and c's, theirs are not near each other: which outlets count
    depends on the one met first, b (its last report is the latest): 1 independent."""
    from rapidfuzz import fuzz

    a = _FILLER[:30] + "#" * 22 + _FILLER[52:]  # 22 characters other than b's at the start
    c = _FILLER[:-60] + "%" * 22 + _FILLER[-38:]  # and at the end
    texts = [("France will send troops. " + x).casefold() for x in (a, _FILLER, c)]
    assert fuzz.ratio(texts[0], texts[1]) >= 92 and fuzz.ratio(texts[1], texts[2]) >= 92
    assert fuzz.ratio(texts[0], texts[2]) < 92  # the premise: a and c are not copies
    recs = [_report("a1", "a.example", a), _report("b1", "b.example", _FILLER),
            _report("c1", "c.example", c), _report("b2", "b.example", _FILLER[::-1])]
    got, expected = _fed(recs, [0, 1, 2, 3])
    assert got == expected and '"independent":1' in expected[0]
    got, expected = _fed(recs[:3], [0, 1, 2])  # the guard: a met first, c counts too
    assert got == expected and '"independent":2' in expected[0]


def _conflicts(ctx: Context, cuts: list[int], rng: random.Random) -> list[Finding]:
    """Each group's conflicts from a summary fed as :func:`_fed_groups` says, each part shuffled."""
    return _fed_groups(ctx, cuts, rng, lambda g: ConflictSummary(g.traits), shuffled=True)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_conflict_summary_updated_in_parts_finds_what_the_check_finds(seed: int) -> None:
    rng = random.Random(seed)
    corpus = varied_corpus(900, seed)
    rng.shuffle(corpus)
    ctx = build_context(corpus)
    expected = check_conflicts(context=ctx)
    fields = {f.details["field"] for f in expected}
    assert fields >= {"date", "participant_count"}, fields
    cuts = sorted(rng.sample(range(1, len(ctx.infos)), rng.randint(1, 5)))
    assert _sorted(_conflicts(ctx, cuts, rng)) == _sorted(expected)


def _meeting_reports(rng: random.Random, n: int) -> list[DocumentClaims]:
    """Reports of one summit with disagreeing hosts, formats and counts (some quoted as
    "at least", which the check re-reads), and pledged amounts on a few days (and in a
    month: a position compares only claims dated to one day)."""
    from claimkit.schemas import Quantity
    from tests.test_consistency import GB, country

    out = []
    for k in range(n):
        count = rng.choice([26, 27, 30])
        at_least = rng.random() < 0.4
        quote = f"{'At least ' if at_least else ''}{count} leaders met in Paris"
        host = rng.choice([[FR], [GB], [FR, GB], []])
        out.append(record(f"m{k}", quote + " on that day.", [
            {"kind": "meeting", "quote": quote, "actor": [FR], "hosts": host,
             "participants": [FR, GB, UA], "location": "Paris", "date": "2025-03-27",
             "participant_count": Quantity(value=count), "status": "held",
             "format": rng.choice(["in_person", "virtual", "phone", "hybrid", None])}]))
        day = rng.choice(["2025-08-24", "2025-08-25", "2025-09-01", "2025-09"])
        out.append(record(f"c{k}", "Canada pledged more aid for drones.", [
            {"kind": "pledge", "quote": "Canada pledged more aid", "actor": [country("Canada", "CA")],
             "what": "money", "quantity": Quantity(value=rng.choice([5e8, 6e8]), unit="USD"),
             "date": day}]))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_conflict_summary_hosts_formats_quoted_counts_and_daily_amounts(seed: int) -> None:
    rng = random.Random(seed)
    ctx = build_context(_meeting_reports(rng, 40))
    expected = check_conflicts(context=ctx)
    assert {f.details["field"] for f in expected} == {"hosts", "format", "participant_count",
                                                      "quantity"}
    assert any("claims_total" in f.details for f in expected)  # more hosts than listed
    for _ in range(3):
        cuts = sorted(rng.sample(range(1, len(ctx.infos)), rng.randint(1, 4)))
        assert _sorted(_conflicts(ctx, cuts, rng)) == _sorted(expected)


def test_a_quoted_at_least_is_re_read_from_the_summary_too() -> None:
    """26 stated as exact but quoted "at least 26" does not conflict with 27 (the guard:
    quoted as exact, it does)."""
    from claimkit.schemas import Quantity

    def summit(doc: str, quote: str, count: int) -> DocumentClaims:
        return record(doc, quote + " on that day.", [
            {"kind": "meeting", "quote": quote, "actor": [FR], "participants": [FR, UA],
             "location": "Paris", "date": "2025-03-27", "participant_count": Quantity(value=count)}])

    for first, found in (("At least 26 leaders met in Paris", 0), ("26 leaders met in Paris", 1)):
        ctx = build_context([summit("a", first, 26), summit("b", "27 leaders met in Paris", 27)])
        expected = check_conflicts(context=ctx)
        assert len(expected) == found
        assert _sorted(_conflicts(ctx, [1], random.Random(0))) == _sorted(expected)


def _blocks(ctx: Context) -> list[list[int]]:
    """The claims of each position block and year, as the grouping splits them."""
    from claimkit.consistency.grouping import _ANY_YEAR, _position_entries

    blocks: dict[object, list[int]] = {}
    for block, i, by_year in _position_entries(ctx)[0]:
        blocks.setdefault((block, ctx.infos[i].year if by_year else _ANY_YEAR), []).append(i)
    return list(blocks.values())


def _split(ctx: Context, members: list[int]) -> tuple[list[tuple[int, int, str]], dict[int, int]]:
    """The split of ``members`` (first claim, size, label of each group) and each claim's
    group (its first claim)."""
    from claimkit.consistency.grouping import _split_by_sets

    split = _split_by_sets(ctx, members)
    return ([(sub[0], len(sub), who) for sub, who in split],
            {i: sub[0] for sub, _ in split for i in sub})


def _check_splits(ctx: Context, rng: random.Random) -> dict[str, int]:
    """Each position block split by a summary of its first claims (cut at random), stored
    and updated with the rest, against the grouping's split; how many blocks split and how
    many updates said old claims moved."""
    counts = {"split": 0, "moved": 0}
    for members in _blocks(ctx):
        traits = ctx.infos[members[0]].traits
        cut = rng.randrange(len(members) + 1)
        summary = PositionSplits.of(traits)
        summary.update(ctx, [ctx.infos[i] for i in members[:cut]])
        summary = PositionSplits.load(summary.dump())
        placed, moved = summary.update(ctx, [ctx.infos[i] for i in members[cut:]])
        expected, group_of = _split(ctx, members)
        assert summary.groups(ctx, traits) == expected
        assert placed == [group_of[i] for i in members[cut:]]
        if cut:  # the claims before stay where a split of them alone put them, unless moved
            first, before = _split(ctx, members[:cut])
            same = all(before[i] == group_of[i] for i in members[:cut]) and all(
                who == "" for _, _, who in first) == all(who == "" for _, _, who in expected)
            assert same != moved
        counts["split"] += len(expected) > 1
        counts["moved"] += moved
    return counts


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_position_splits_updated_in_parts_split_as_the_grouping_does(seed: int) -> None:
    rng = random.Random(seed)
    corpus = varied_corpus(900, seed)
    rng.shuffle(corpus)
    assert _check_splits(build_context(corpus), rng)


def _recipients_reports(rng: random.Random, n: int) -> list[DocumentClaims]:
    """France pledging troops to Ukraine, Estonia or no one named, across two years."""
    from tests.test_consistency import country

    out = []
    for k in range(n):
        to = rng.choice([UA, country("Estonia", "EE"), None, None])
        out.append(_pledge(f"p{k}", to, rng.choice(["2025-03-27", "2025-06-02", "2026-01-15"])))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_position_splits_with_named_and_unnamed_recipients(seed: int) -> None:
    rng = random.Random(seed)
    totals = {"split": 0, "moved": 0}
    for _ in range(8):
        counts = _check_splits(build_context(_recipients_reports(rng, rng.randint(2, 12))), rng)
        totals = {k: totals[k] + counts[k] for k in totals}
    assert totals["split"] > 0 and totals["moved"] > 0, totals


def _integrity_ids(findings: list[Finding]) -> list[str]:
    return _sorted([f for f in findings if "is used by two different claims" in f.message])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ids_used_twice_updated_in_parts_find_what_the_check_finds(seed: int) -> None:
    from claimkit.consistency import check_integrity
    from claimkit.consistency.summaries import IdsUsedTwice

    rng = random.Random(seed)
    ctx = build_context(varied_corpus(900, seed))
    expected = _integrity_ids(check_integrity(context=ctx))
    assert expected  # the corpus gives other claims ids already used
    cuts = sorted(rng.sample(range(1, len(ctx.infos)), rng.randint(1, 5)))
    summary, found = IdsUsedTwice(), []
    for a, b in zip([0, *cuts], [*cuts, len(ctx.infos)], strict=True):
        summary = IdsUsedTwice.load(json.loads(json.dumps(summary.dump())))
        found += summary.findings(summary.update(ctx.infos[a:b]), InContext(ctx))
    assert _sorted(found) == expected


def test_the_same_claim_twice_is_not_an_id_used_twice() -> None:
    from claimkit.consistency import check_integrity
    from claimkit.consistency.summaries import IdsUsedTwice

    first = _pledge("p1", UA)
    same = DocumentClaims(document=first.document.model_copy(update={"id": "p2"}),
                          claims=list(first.claims))
    other = _pledge("p1", IT)  # the same id, another recipient
    again = DocumentClaims(document=other.document.model_copy(update={"id": "p3"}),
                           claims=list(other.claims))  # compared with the first, not the last
    for recs, n in (([first, same], 0), ([first, other], 1), ([first, other, again], 2)):
        ctx = build_context(recs)
        summary = IdsUsedTwice()
        summary.update(ctx.infos[:1])
        got = summary.findings(summary.update(ctx.infos[1:]), InContext(ctx))
        assert _sorted(got) == _integrity_ids(check_integrity(context=ctx))
        assert len(got) == n


def _votes_fed(recs: list[DocumentClaims], cuts: list[int]) -> tuple[dict[str, int], list[list[str]]]:
    """Placement votes fed records in parts (cut between records, each keyed alone) through
    JSON; the years at the end and the old articles each update said changed year, both
    checked against placing each prefix at once."""
    from claimkit.consistency import placement_of
    from claimkit.consistency.summaries import PlacementVotes

    summary, said, before = PlacementVotes(), [], {}
    for a, b in zip([0, *cuts], [*cuts, len(recs)], strict=True):
        summary = PlacementVotes.load(json.loads(json.dumps(summary.dump())))
        said.append(summary.update(build_context(recs[a:b], group=False)))
        whole = placement_of(build_context(recs[:b], group=False))
        assert summary.years == whole.years()
        old = set(whole.unknown) | set(whole.spans)
        assert said[-1] == sorted(d for d in old if d not in {r.document.id for r in recs[a:b]}
                                  and whole.years().get(d) != before.get(d))
        before = whole.years()
    return summary.years, said


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_placement_votes_updated_in_parts_place_as_the_whole_corpus(seed: int) -> None:
    rng = random.Random(seed)
    recs = varied_corpus(900, seed)
    years, _ = _votes_fed(recs, sorted(rng.sample(range(1, len(recs)), rng.randint(1, 5))))
    assert years  # the corpus has articles placed by their positions or own dates


def _undated_pledges(doc: str, published: str | None) -> DocumentClaims:
    text = "France will send troops. France will send money."
    return record(doc, text, [
        {"kind": "pledge", "quote": "France will send troops", "actor": [FR], "what": "troops",
         "date": None},
        {"kind": "pledge", "quote": "France will send money", "actor": [FR], "what": "money",
         "date": None}], published=published)


def test_an_article_placed_by_its_positions_is_unplaced_by_a_later_year() -> None:
    """An article without a date is placed in 2024 by two positions reported then; a
    2025 article reporting both takes their votes away: the old article changes year."""
    recs = [_undated_pledges("a", "2024-05-01"), _undated_pledges("u", None)]
    years, said = _votes_fed([*recs, _undated_pledges("b", "2025-05-01")], [2])
    assert said == [[], ["u"]] and "u" not in years
    years, said = _votes_fed([*recs, _undated_pledges("c", "2024-06-01")], [2])
    assert said == [[], []] and years["u"] == 2024  # guard: the same year again
