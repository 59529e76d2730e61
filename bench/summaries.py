"""Benchmark: the stance, corroboration and conflict findings of 1,000 new claims from summaries.

On the corpus of ``bench/store.py`` (``SIZE`` claims and its 1,000 new claims,
the same story and seeds), in memory: one validation context is built over
the old claims followed by the new ones (its groups are the grouping of
everything: the summaries take the grouping as given). Then, in CPU time:

- the checks on everything: ``check_stance``, ``check_corroboration`` and
  ``check_conflicts`` on the ``SIZE`` + 1,000 claims;
- the summaries of the old claims (per (actor, object) key, per group), each
  written as JSON, as a store would keep them;
- the incremental step: the JSON of the keys and groups the new claims touch
  read back, updated with the new claims, and their findings made; the bytes
  of JSON it read.

The findings of the summaries (the touched ones updated, the others as they
were) must equal the checks' on everything; the script fails otherwise.

The meeting clusters (:class:`~claimkit.consistency.meetings.MeetingClusters`,
one summary of the whole corpus): built from all the claims at once, and from
the old claims, written as JSON, read back and updated with the new claims (the
old month-, year- and undated reports their closure places again counted); its
groups must equal the grouping's.

Usage::

    .venv/bin/python bench/summaries.py --size 100000 --work /tmp/claimkit-bench-store
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _cpu(fn: Any, *args: Any) -> tuple[Any, float]:
    t0 = time.process_time()
    out = fn(*args)
    return out, time.process_time() - t0


def _context(size: int, work: Path) -> tuple[Any, int]:
    """The context of the corpus and its new claims (old first), and the first new index."""
    from store import _corpus, _read

    from claimkit.consistency import build_context

    base, new = _corpus(size, work)
    old = list(_read(base))
    recs = old + list(_read(new))
    first_new = sum(len(r.claims) for r in old)
    return build_context(recs), first_new


def _stance(ctx: Any, first_new: int) -> dict[str, Any]:
    from claimkit.consistency import check_stance
    from claimkit.consistency.summaries import InContext, StanceSummary

    full, full_cpu = _cpu(lambda: check_stance(context=ctx))
    summary = StanceSummary(ctx.keys)
    summary.update(ctx.infos[:first_new])
    stored = {key: json.dumps(summary.dump(key)) for key in summary.by_key}
    new_infos = ctx.infos[first_new:]

    def incremental() -> tuple[Any, int]:
        touched = {(a, x.obj) for x in new_infos for a in x.actors
                   if (a, x.obj) in stored}  # the keys a store would read
        again = StanceSummary(ctx.keys)
        for key in touched:
            again.load(key, json.loads(stored[key]))
        keys = again.update(new_infos)
        return (keys, again.findings(InContext(ctx), keys)), sum(len(stored[k]) for k in touched)

    ((keys, found), read), inc_cpu = _cpu(incremental)
    kept = {k: v for k, v in stored.items() if k not in keys}
    for key, data in kept.items():
        summary.load(key, json.loads(data))
    found += summary.findings(InContext(ctx), kept)
    assert _same(found, full), "stance: the summaries' findings differ from the check's"
    return {"full_cpu": full_cpu, "inc_cpu": inc_cpu, "keys": len(stored),
            "touched": len(keys), "read_bytes": read, "findings": len(full)}


def _corroboration(ctx: Any, first_new: int) -> dict[str, Any]:
    from claimkit.consistency import check_corroboration
    from claimkit.consistency.summaries import CorroborationSummary

    return _groups(ctx, first_new, check_corroboration, CorroborationSummary,
                   lambda g: CorroborationSummary(g.actor))


def _conflicts(ctx: Any, first_new: int) -> dict[str, Any]:
    from claimkit.consistency import check_conflicts
    from claimkit.consistency.summaries import ConflictSummary

    return _groups(ctx, first_new, check_conflicts, ConflictSummary,
                   lambda g: ConflictSummary(g.traits))


def _groups(ctx: Any, first_new: int, check: Any, kind: Any, new_summary: Any) -> dict[str, Any]:
    """A group check on everything, and from per-group summaries (see the module)."""
    from claimkit.consistency.summaries import InContext

    full, full_cpu = _cpu(lambda: check(context=ctx))
    stored: dict[int, str] = {}
    new_members: dict[int, list[tuple[int, int]]] = {}
    for gi, g in enumerate(ctx.groups):
        summary = new_summary(g)
        old = [(at, i) for at, i in enumerate(g.members) if i < first_new]
        summary.update(ctx, [ctx.infos[i] for _, i in old], order=[at for at, _ in old])
        stored[gi] = json.dumps(summary.dump())
        new = [(at, i) for at, i in enumerate(g.members) if i >= first_new]
        if new:
            new_members[gi] = new

    def incremental() -> tuple[list[Any], int]:
        out = []
        for gi, new in new_members.items():
            g = ctx.groups[gi]
            summary = kind.load(json.loads(stored[gi]))
            summary.update(ctx, [ctx.infos[i] for _, i in new], order=[at for at, _ in new])
            out.extend(summary.findings(g.id, g.label, InContext(ctx)))
        return out, sum(len(stored[gi]) for gi in new_members)

    (found, read), inc_cpu = _cpu(incremental)
    for gi, g in enumerate(ctx.groups):
        if gi not in new_members:
            found.extend(kind.load(json.loads(stored[gi])).findings(g.id, g.label, InContext(ctx)))
    assert _same(found, full), f"{check.__name__}: the summaries' findings differ from the check's"
    return {"full_cpu": full_cpu, "inc_cpu": inc_cpu, "keys": len(stored),
            "touched": len(new_members), "read_bytes": read, "findings": len(full)}


def _meetings(ctx: Any, first_new: int) -> dict[str, Any]:
    """The meeting clusters from a summary of the old claims and the new ones (see the module)."""
    from claimkit.consistency.meetings import MeetingClusters

    expected = {g.members[0]: g.members for g in ctx.groups if g.traits.grouping == "event"}
    _, full_cpu = _cpu(lambda: MeetingClusters().update(ctx, ctx.infos))
    summary = MeetingClusters()
    summary.update(ctx, ctx.infos[:first_new])
    stored = json.dumps(summary.dump())
    new_infos = ctx.infos[first_new:]
    loaded, read_cpu = _cpu(lambda: MeetingClusters.load(json.loads(stored)))
    said, update_cpu = _cpu(lambda: loaded.update(ctx, new_infos))
    groups, groups_cpu = _cpu(loaded.groups)
    assert groups == expected, "meetings: the summary's groups differ from the grouping's"
    return {"full_cpu": full_cpu, "read_cpu": read_cpu, "update_cpu": update_cpu,
            "groups_cpu": groups_cpu, "bytes": len(stored), "reports": len(summary.reports),
            "replaced": said.replaced, "moved": len(said.moved), "groups": len(expected)}


def _same(a: list[Any], b: list[Any]) -> bool:
    return sorted(f.model_dump_json() for f in a) == sorted(f.model_dump_json() for f in b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimkit-bench-store"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    from claimkit.consistency.engine import paused_gc

    with paused_gc():  # as claimkit validate runs (see paused_gc)
        _bench(args.size, args.work)


def _bench(size: int, work: Path) -> None:
    (ctx, first_new), cpu = _cpu(_context, size, work)
    print(f"{size:,} claims + {len(ctx.infos) - first_new:,} new: context built, "
          f"CPU {cpu:.1f} s")
    for name, fn in (("stance", _stance), ("corroboration", _corroboration),
                     ("conflicts", _conflicts)):
        r = fn(ctx, first_new)
        print(f"{name}: check on everything CPU {r['full_cpu'] * 1000:,.0f} ms "
              f"({r['findings']:,} findings); from summaries: {r['touched']:,} of "
              f"{r['keys']:,} summaries read ({r['read_bytes'] / 1e6:.2f} MB of JSON), "
              f"updated and their findings made, CPU {r['inc_cpu'] * 1000:,.0f} ms; "
              "findings equal", flush=True)
    r = _meetings(ctx, first_new)
    print(f"meetings: all claims at once CPU {r['full_cpu'] * 1000:,.0f} ms "
          f"({r['groups']:,} event groups); from the summary of the old claims: "
          f"{r['bytes'] / 1e6:.2f} MB of JSON read CPU {r['read_cpu'] * 1000:,.0f} ms, "
          f"updated CPU {r['update_cpu'] * 1000:,.0f} ms ({r['replaced']:,} of "
          f"{r['reports']:,} old interval-dated reports placed again, {r['moved']:,} moved), "
          f"groups made CPU {r['groups_cpu'] * 1000:,.0f} ms; groups equal", flush=True)


if __name__ == "__main__":
    main()
