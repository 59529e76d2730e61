"""Benchmark: the claim store on synthetic corpora, SQLite and PostgreSQL side by side.

For each size (claims; default 100k and 1M) and each database, in child
processes (each peak RSS is its own, ``ru_maxrss``):

- import of the corpus (``ClaimStore.add``): time, claims/s, database size;
- a first full validation, streamed component by component: time, peak RSS;
- 1,000 new claims: import, then incremental validation (only what they touch): time,
  claims re-checked; then a full validation of the same store (the baseline of the
  same corpus, same run), which must leave the stored findings and groups unchanged
  (a digest of them, JSON and linked claims, before and after);
- the queries "all refusals by Russia in March 2025" and "event groups reported
  by >= 3 independent outlets": time and rows.

Baselines, same run: reading the JSONL (parse and validate every record, what
an import must do anyway): claims/s, the import's rate is printed as a ratio
to it; ``claimkit.consistency.validate`` on the whole corpus in memory (the
JSONL way), time and peak RSS; the validations' ratios are printed against it.
The corpus comes from ``tests/_store_corpus.py`` (real records: each built
through the models' validation, ~10 claims a document, nothing shared); its
JSONL is written once per size under ``--work``.

Usage::

    .venv/bin/python bench/store.py                     # 100k and 1M, SQLite and PostgreSQL
    .venv/bin/python bench/store.py --sizes 100000 --no-postgres
    .venv/bin/python bench/store.py --sizes 1000000 --no-postgres --no-validation
    .venv/bin/python bench/store.py --sizes 1000000 --no-postgres --no-baseline --reuse-sqlite
    (every run validates and adds the new claims on a copy, run-SIZE.db, so store-SIZE.db
    holds the imported corpus alone; --reuse-sqlite skips the import when store-SIZE.db
    holds exactly the corpus's claims, and says so; else it imports anew)
    .venv/bin/python bench/store.py --sizes 100000 --no-postgres --no-baseline --reuse-sqlite --phases
    (--phases: CPU time of each step of the incremental validation, checks apart;
    --reach: what a group-local validation of the new claims would re-read)
    .venv/bin/python bench/store.py --copy-ab 20000      # PostgreSQL import: COPY vs executemany
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NEW_CLAIMS = 1000


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus(size: int, work: Path) -> tuple[Path, Path]:
    """The corpus of ``size`` claims and 1,000 new claims (other documents), as JSONL files."""
    from claimkit.io import dump_record
    from tests._store_corpus import records

    base, new = work / f"corpus-{size}.jsonl", work / f"new-{size}.jsonl"
    if not base.exists():
        t0 = time.perf_counter()
        days = 3 * 365
        with open(base.with_suffix(".tmp"), "w", encoding="utf-8") as fh:
            for r in records(size, seed=11, days=days):
                fh.write(dump_record(r) + "\n")
        with open(new, "w", encoding="utf-8") as fh:
            for r in records(NEW_CLAIMS, seed=12, days=days, start=10 * size):
                fh.write(dump_record(r) + "\n")
        base.with_suffix(".tmp").rename(base)
        print(f"  built {size:,} claims in {time.perf_counter() - t0:.0f} s "
              f"({base.stat().st_size / 1e6:.0f} MB of JSONL)", flush=True)
    return base, new


def _read(path: Path) -> Iterator[Any]:
    from claimkit.io import read_records

    return read_records(path)


#: the tasks that validate: run with the collector paused, as `claimkit validate` runs
VALIDATING = ("baseline", "full", "new", "phases")


def child(task: str, url: str, path: str) -> dict[str, Any]:
    """One measured task, in this (child) process."""
    import contextlib

    from claimkit.consistency import paused_gc

    with paused_gc() if task in VALIDATING else contextlib.nullcontext():
        return _task(task, url, path)


def _task(task: str, url: str, path: str) -> dict[str, Any]:
    from claimkit.store import open_store

    out: dict[str, Any] = {}
    t0, c0 = time.perf_counter(), _cpu()
    if task == "read":
        out["claims"] = sum(len(getattr(r, "claims", ())) for r in _read(Path(path)))
    elif task == "baseline":
        from claimkit.consistency import validate

        report = validate(_read(Path(path)))
        out.update(findings=len(report.findings), claims=report.n_claims)
    else:
        with open_store(url) as store:
            if task == "import":
                out["claims"] = store.add(_read(Path(path))).claims
            elif task == "full":
                n = f = 0
                for report in store.validate(full=True):
                    n += report.n_claims
                    f += len(report.findings)
                out.update(claims=n, findings=f)
            elif task == "new":
                store.add(_read(Path(path)))
                out["import_s"] = time.perf_counter() - t0
                t0, c0 = time.perf_counter(), _cpu()
                reports = list(store.validate())
                out.update(claims=sum(r.n_claims for r in reports),
                           findings=sum(len(r.findings) for r in reports))
            elif task == "queries":
                out.update(_queries(store))
            elif task == "stored":
                out.update(_stored_digest(store))
            elif task == "scopes":
                out.update(_scopes(store))
            elif task == "reach":
                out.update(_reach(store))
            elif task == "phases":
                store.add(_read(Path(path)))
                out.update(_phases(store))
    out["seconds"] = time.perf_counter() - t0
    out["cpu_s"] = _cpu() - c0
    out["rss_mb"] = _rss_mb()
    return out


def _stored_digest(store: Any) -> dict[str, Any]:
    """A digest of every stored finding and group (JSON and linked claims), and their counts."""
    import hashlib

    from sqlalchemy import text

    out: dict[str, Any] = {}
    with store.engine.connect() as conn:
        for name, table, links, column in (("findings", "findings", "finding_claims",
                                            "finding_seq"),
                                           ("groups", "event_groups", "group_claims",
                                            "group_seq")):
            linked: dict[int, list[int]] = {}
            for seq, claim in conn.execute(text(f"select {column}, claim_seq from {links}")):
                linked.setdefault(seq, []).append(claim)
            rows = sorted(f"{data}\t{sorted(linked.get(seq, []))}" for seq, data in
                          conn.execute(text(f"select seq, data from {table}")))
            out[name] = len(rows)
            out[name + "_sha"] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return out


def _closure(keys: dict[str, list[tuple[int, bool]]], new: set[int],
             year: dict[int, str | None], skip: tuple[str, ...], by_year: bool) -> int:
    """How many claims the ``new`` ones reach through keys (not those starting with
    ``skip``); ``by_year``: position keys split by the year of each claim."""
    from claimkit.consistency.links import DisjointSets

    sets = DisjointSets()
    find = sets.find
    for key, holders in keys.items():
        if key.lstrip("~").startswith(skip):
            continue
        parts: dict[str | None, list[tuple[int, bool]]] = {}
        for seq, active in holders:
            parts.setdefault(year[seq] if by_year and key.startswith("p|") else "", []).append(
                (seq, active))
        for part in parts.values():
            if len(part) > 1 and any(a for _, a in part):
                for seq, _ in part[1:]:
                    sets.union(part[0][0], seq)
    roots = {find(s) for s in new}
    return sum(1 for s in year if find(s) in roots)


def _scopes(store: Any) -> dict[str, Any]:
    """What the newest run's claims reach through each kind of link key (a diagnostic of
    how far re-checking by key scopes, without summaries, could go)."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        new = {int(s) for (s,) in conn.execute(text(
            "select c.seq from claims c join documents d on d.seq = c.doc_seq "
            "where d.run_id = (select max(id) from runs)"))}
        year = {int(s): (d or p or "")[:4] or None for s, d, p in conn.execute(text(
            "select c.seq, c.date_from, d.published from claims c "
            "join documents d on d.seq = c.doc_seq"))}
        keys: dict[str, list[tuple[int, bool]]] = {}
        direct: dict[str, set[int]] = {}
        for key, seq, active in conn.execute(text(
                "select k.key, ck.claim_seq, ck.active from claim_keys ck "
                "join event_keys k on k.id = ck.key_id")):
            keys.setdefault(key, []).append((int(seq), bool(active)))
    for key, holders in keys.items():
        if any(s in new for s, _ in holders):
            direct.setdefault(key[:2], set()).update(s for s, _ in holders if s not in new)
    out: dict[str, Any] = {"new": len(new), **{f"direct {k}": len(v) for k, v in direct.items()}}
    out["direct any"] = len(set().union(*direct.values())) if direct else 0
    for name, skip, by_year in (("every key", (), False), ("no stance keys", ("s|",), False),
                                ("no stance keys, positions by year", ("s|",), True),
                                ("meeting keys only", ("s|", "p|", "i|", "u|", "d|"), False)):
        out[f"closure: {name}"] = _closure(keys, new, year, skip, by_year)
    return out


def _seqs_of(conn: Any, sql: str, seqs: set[int], chunk: int = 500) -> set[int]:
    """The first column of ``sql`` (with ``{}`` for an IN list) over ``seqs``, chunked."""
    from sqlalchemy import text

    order = sorted(seqs)
    out: set[int] = set()
    for i in range(0, len(order), chunk):
        part = ",".join(str(s) for s in order[i:i + chunk])
        out.update(int(r[0]) for r in conn.execute(text(sql.format(part))))
    return out


def _group_reach(conn: Any, new: set[int]) -> tuple[dict[str, Any], set[int]]:
    """The groups the new claims are in (after their validation): their stored claims by
    type, the largest, and the members (new and stored) of the meeting groups."""
    from sqlalchemy import text

    gseqs = _seqs_of(conn, "select group_seq from group_claims where claim_seq in ({})", new)
    out: dict[str, Any] = {"groups": len(gseqs), "largest group": 0}
    meeting_members: set[int] = set()
    stored: set[int] = set()
    for g in sorted(gseqs):
        gtype, n = conn.execute(text(
            f"select type, n_claims from event_groups where seq = {g}")).one()
        members = {int(s) for (s,) in conn.execute(text(
            f"select claim_seq from group_claims where group_seq = {g}"))}
        out["largest group"] = max(out["largest group"], int(n))
        key = f"stored claims of {gtype} groups"
        out[key] = out.get(key, 0) + len(members - new)
        stored |= members - new
        if gtype == "meeting":
            meeting_members |= members
    out["stored claims of the groups"] = len(stored)
    return out, meeting_members


def _light_stance_rows(conn: Any, new: set[int]) -> dict[str, Any]:
    """One indexed read of the columns a stance summary could start from (type, modality,
    date bounds, document) for every claim of the new claims' stance keys: its rows and
    milliseconds (the stance check needs more: recipients and narrowing words, not stored)."""
    from sqlalchemy import text

    keys = _seqs_of(conn, "select ck.key_id from claim_keys ck join event_keys k on "
                    "k.id = ck.key_id where ck.claim_seq in ({}) and k.key like 's|%'", new)
    t0 = time.perf_counter()
    rows: set[tuple[Any, ...]] = set()
    order = sorted(keys)
    for i in range(0, len(order), 500):
        part = ",".join(str(k) for k in order[i:i + 500])
        rows.update(tuple(r) for r in conn.execute(text(
            "select c.seq, c.type, c.modality, c.date_from, c.date_to, c.doc_seq "
            f"from claim_keys ck join claims c on c.seq = ck.claim_seq where ck.key_id in ({part})")))
    return {"light stance rows": len(rows),
            "light stance rows read, ms": round((time.perf_counter() - t0) * 1000)}


def _reach(store: Any) -> dict[str, Any]:
    """What a group-local incremental validation would have to re-read for the newest run's
    claims (a diagnostic, after they were validated): the stored claims of the groups they
    joined; the stored claims of their (actor, object) stance keys; and the stored claims
    whose meeting clusters could see a changed cluster (holding an event key a member of a
    touched meeting group holds), of them those dated by month, year or nothing (placed
    after every day-dated report, by a best fit: the non-local case)."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        new = {int(s) for (s,) in conn.execute(text(
            "select c.seq from claims c join documents d on d.seq = c.doc_seq "
            "where d.run_id = (select max(id) from runs)"))}
        out, meeting = _group_reach(conn, new)
        shared = ("select ck2.claim_seq from claim_keys ck join event_keys k on k.id = ck.key_id "
                  "join claim_keys ck2 on ck2.key_id = ck.key_id "
                  "where ck.claim_seq in ({}) and k.key like '%s' "
                  "and (ck.active = 1 or ck2.active = 1)")  # linked as the validator links
        out["stored claims of their stance keys"] = len(_seqs_of(conn, shared % "s|%", new) - new)
        out.update(_light_stance_rows(conn, new))
        seen = _seqs_of(conn, shared % "e|%", meeting) - meeting
        out["stored meeting claims seeing a changed cluster"] = len(seen)
        out["of them not dated to a day"] = len(_seqs_of(
            conn, "select seq from claims where seq in ({}) and (date_from is null "
            "or date_from != date_to)", seen))
    return {"new": len(new), **out}


#: the steps of an incremental validation timed by ``--phases``: (module, function)
_PHASES = (("claimkit.store.validation", "_touched"), ("claimkit.store.validation", "_load"),
           ("claimkit.store.validation", "build_context"),
           ("claimkit.store.validation", "to_event_groups"),
           ("claimkit.store.validation", "_old_roots"), ("claimkit.store.validation", "_store"),
           ("claimkit.store.validation", "_set_roots"))


def _phases(store: Any) -> dict[str, Any]:
    """CPU seconds of each step of one incremental validation (wrappers set in this child
    process only), each registered check timed apart; ``other``: the rest (freeing the
    batch's objects, the loop)."""
    import importlib

    import claimkit.store.validation as v

    spent: dict[str, float] = {}

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            c0 = _cpu()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + _cpu() - c0
        return wrapper

    for module, name in _PHASES:
        mod = importlib.import_module(module)
        setattr(mod, name, timed(name.lstrip("_"), getattr(mod, name)))
    checks = v.registered_checks
    v.registered_checks = lambda: {k: timed(f"check {k}", fn) for k, fn in checks().items()}
    c0 = _cpu()
    claims = sum(r.n_claims for r in store.validate())
    total = _cpu() - c0
    spent["other"] = total - sum(spent.values())
    return {"claims": claims, "total": total, **spent}


def _queries(store: Any) -> dict[str, Any]:
    t0 = time.perf_counter()
    refusals = store.query(type="refusal", country="RU", date_from="2025-03-01",
                           date_to="2025-03-31", limit=None)
    t1 = time.perf_counter()
    groups = store.groups(min_sources=3)
    t2 = time.perf_counter()
    return {"refusals": len(refusals), "refusals_s": t1 - t0, "groups3": len(groups),
            "groups3_s": t2 - t1}


def _run(task: str, url: str, path: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--child", task, url, str(path)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{task} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _copy_store(db: Path, copy: Path) -> Path:
    """A copy of an SQLite store no process has open (its WAL checkpointed first)."""
    import shutil
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db, copy)
    return copy


def _remove_sqlite(url: str) -> None:
    """Remove an SQLite store (with its WAL files) before an import: the import measures
    the corpus alone, never on top of what an earlier run left."""
    if url.startswith("sqlite:///"):
        db = url.split(":///", 1)[1]
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


def _reusable(db: Path, claims: int) -> bool:
    """Whether ``db`` (``--reuse-sqlite``) holds exactly the corpus's ``claims``: an earlier
    run's import, nothing added; else it is said and imported anew."""
    import sqlite3

    if not db.exists():
        print(f"  {db.name} not there: imported anew", flush=True)
        return False
    try:
        with contextlib.closing(sqlite3.connect(db)) as conn:
            held = int(conn.execute("select count(*) from claims").fetchone()[0])
    except sqlite3.Error as exc:
        held, why = -1, str(exc)
    else:
        why = f"it holds {held:,} claims, not the corpus's {claims:,}"
    if held != claims:
        print(f"  {db.name} not reused ({why}): imported anew", flush=True)
    return held == claims


def _size_of(url: str) -> float:
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1]
        return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p)) / 1e6
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("select pg_database_size(current_database())").fetchone()
    return float(row[0]) / 1e6 if row else 0.0


def _bench_db(name: str, url: str, files: tuple[Path, Path], baseline: dict[str, Any] | None,
              read: dict[str, Any], steps: tuple[bool, bool, bool] = (True, False, False),
              phases: bool = False, reach: bool = False) -> None:
    """``steps``: (validations, reuse an imported store, print the new claims' reach)."""
    base, new = files
    validations, reuse, scopes = steps
    if reuse:
        print(f"  {name:10} import: none, the store an earlier run imported "
              f"({_size_of(url):,.0f} MB, {read['claims']:,} claims, the corpus's) is "
              "validated again", flush=True)
    else:
        _remove_sqlite(url)
        imp = _run("import", url, base)
        size = _size_of(url)
        rate, read_rate = imp["claims"] / imp["seconds"], read["claims"] / read["seconds"]
        print(f"  {name:10} import {imp['claims']:,} claims: {imp['seconds']:.1f} s "
              f"(CPU {imp['cpu_s']:.1f} s) "
              f"({rate:,.0f} claims/s; {rate / read_rate:.2f}x the rate of reading the JSONL), "
              f"database {size:,.0f} MB", flush=True)
    if url.startswith("sqlite:///"):  # the imported store stays the corpus alone, reusable
        store = Path(url.split(":///", 1)[1])
        url = f"sqlite:///{_copy_store(store, store.with_name('run-' + store.name[6:]))}"
    full = _bench_full(name, url, new, baseline) if validations else None
    q = _run("queries", url, base)  # after the full validation stored the groups
    print(f"  {name:10} query refusals by Russia in March 2025: {q['refusals']:,} claims in "
          f"{q['refusals_s'] * 1000:.0f} ms; groups with >= 3 outlets: {q['groups3']:,} in "
          f"{q['groups3_s'] * 1000:.0f} ms", flush=True)
    if full is not None:
        _bench_new(name, url, new, full, scopes, phases, reach)


def _bench_full(name: str, url: str, new: Path, baseline: dict[str, Any] | None
                ) -> dict[str, Any]:
    full = _run("full", url, new)  # (the path is not read by "full")
    line = (f"  {name:10} full streamed validation of {full['claims']:,} claims: "
            f"{full['seconds']:.1f} s "
            f"(CPU {full['cpu_s']:.1f} s), peak RSS "
            f"{full['rss_mb']:,.0f} MB, {full['findings']:,} findings")
    if baseline:
        line += (f" (streamed / in-memory: time {full['seconds'] / baseline['seconds']:.2f}x, "
                 f"peak RSS {full['rss_mb'] / baseline['rss_mb']:.2f}x)")
    print(line, flush=True)
    return full


def _bench_new(name: str, url: str, new: Path, full: dict[str, Any], scopes: bool,
               phases: bool = False, reach_groups: bool = False) -> None:
    """1,000 new claims validated incrementally; then the whole store validated again (the
    baseline of the same corpus), which must leave every stored finding and group as is.
    ``phases`` (SQLite): first the same on a copy of the store, CPU time per step printed;
    ``reach_groups``: what a group-local validation would re-read (:func:`_reach`)."""
    if phases and url.startswith("sqlite:///"):
        _print_phases(name, url, new)
    inc = _run("new", url, new)
    print(f"  {name:10} {NEW_CLAIMS:,} new claims: import {inc['import_s']:.1f} s, incremental "
          f"validation {inc['seconds']:.2f} s (CPU {inc['cpu_s']:.2f} s; "
          f"{inc['claims']:,} claims re-checked; "
          f"{inc['seconds'] / full['seconds']:.2f}x the time of the first full validation), "
          f"peak RSS {inc['rss_mb']:,.0f} MB", flush=True)
    before = _run("stored", url, new)
    again = _run("full", url, new)
    after = _run("stored", url, new)
    same = all(before[k] == after[k] for k in ("findings_sha", "groups_sha"))
    print(f"  {name:10} full validation of the same {again['claims']:,} claims: "
          f"{again['seconds']:.1f} s (CPU {again['cpu_s']:.1f} s; incremental / full: time "
          f"{inc['seconds'] / again['seconds']:.2f}x, CPU {inc['cpu_s'] / again['cpu_s']:.2f}x); "
          f"stored findings and groups {'unchanged' if same else 'CHANGED'} "
          f"({after['findings']:,} findings, {after['groups']:,} groups: the incremental "
          f"validation stored {'the same' if same else 'OTHER'} ones)", flush=True)
    if scopes:
        reach = _run("scopes", url, new)
        print(f"  {name:10} claims the {reach.pop('new'):,} new ones reach: " + "; ".join(
            f"{k} {v:,}" for k, v in reach.items() if k not in ("seconds", "cpu_s", "rss_mb")),
            flush=True)
    if reach_groups:
        _print_reach(name, url)


def _print_reach(name: str, url: str) -> None:
    reach = _run("reach", url, Path("-"))
    print(f"  {name:10} what a group-local validation of the {reach.pop('new'):,} new claims "
          "would re-read: " + "; ".join(f"{k} {v:,}" for k, v in reach.items()
                                       if k not in ("seconds", "cpu_s", "rss_mb")), flush=True)


def _print_phases(name: str, url: str, new: Path) -> None:
    db = Path(url.split(":///", 1)[1])
    copy = _copy_store(db, db.with_name(db.stem + "-phases.db"))
    try:
        spent = _run("phases", f"sqlite:///{copy}", new)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    total, claims = spent.pop("total"), spent.pop("claims")
    for k in ("seconds", "cpu_s", "rss_mb"):
        spent.pop(k)
    print(f"  {name:10} incremental validation on a copy, CPU per step ({claims:,} claims "
          f"re-checked, {total:.2f} s in all): " + "; ".join(
              f"{k} {v:.2f} s" for k, v in sorted(spent.items(), key=lambda kv: -kv[1])),
          flush=True)


def _copy_ab(server: str, n_claims: int) -> None:
    """PostgreSQL import with ``COPY`` (as shipped) against ``executemany`` (the rows
    ``bulk_insert`` writes), alternated twice in this process, each into a new database."""
    import claimkit.store.write as w
    from claimkit.store import open_store
    from tests._store_corpus import records
    from tests.test_store_postgres import new_database

    recs = list(records(n_claims, seed=21))
    shipped = w.bulk_insert
    ways = {"COPY": shipped,
            "executemany": lambda conn, table, cols, rows: w._execute_many(conn, table, cols,
                                                                          rows)}
    try:
        for name in ("executemany", "COPY") * 2:
            w.bulk_insert = ways[name]  # type: ignore[assignment]
            with open_store(new_database(server)) as store:
                t0, c0 = time.perf_counter(), _cpu()
                n = store.add(recs).claims
                print(f"  PostgreSQL import of {n:,} claims with {name:12}: "
                      f"{time.perf_counter() - t0:.1f} s, CPU {_cpu() - c0:.1f} s", flush=True)
    finally:
        w.bulk_insert = shipped


@contextlib.contextmanager
def _postgres(enabled: bool) -> Iterator[str | None]:
    if not enabled:
        yield None
        return
    from tests.test_store_postgres import postgres_server

    try:
        with postgres_server() as server:
            yield server
    except LookupError as exc:
        print(f"PostgreSQL skipped: {exc}")
        yield None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the in-memory validate baseline (slow and large at 1M)")
    parser.add_argument("--reuse-sqlite", action="store_true",
                        help="validate a copy of the SQLite store an earlier run imported "
                             "under --work: validations and queries only")
    parser.add_argument("--no-validation", action="store_true",
                        help="import and the two queries only (no full or incremental validation; "
                             "the groups query then finds the groups of no validation: 0)")
    parser.add_argument("--scopes", action="store_true",
                        help="also print how many claims the new ones reach through each kind "
                             "of link key (reads every key: minutes at 1M)")
    parser.add_argument("--phases", action="store_true",
                        help="also time each step of the incremental validation (CPU), "
                             "on a copy of the SQLite store")
    parser.add_argument("--reach", action="store_true",
                        help="also print what a group-local incremental validation would "
                             "re-read: the stored claims of the groups the new claims joined, "
                             "of their stance keys, and of the meeting clusters that see them")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "claimkit-bench-store")
    parser.add_argument("--copy-ab", type=int, metavar="CLAIMS",
                        help="only: PostgreSQL import of CLAIMS claims, COPY against executemany")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    with _postgres(not args.no_postgres) as server:
        if args.copy_ab:
            if server:
                _copy_ab(server, args.copy_ab)
            return
        for size in args.sizes:
            print(f"{size:,} claims", flush=True)
            base, new = _corpus(size, args.work)
            read = _run("read", "", base)
            print(f"  baseline   read the JSONL (parse and validate every record): "
                  f"{read['seconds']:.1f} s, CPU {read['cpu_s']:.1f} s "
                  f"({read['claims'] / read['seconds']:,.0f} claims/s)",
                  flush=True)
            baseline = None
            if not args.no_baseline and not args.no_validation:
                baseline = _run("baseline", "", base)
                print(f"  baseline   in-memory validate (JSONL): {baseline['seconds']:.1f} s "
                      f"(CPU {baseline['cpu_s']:.1f} s), "
                      f"peak RSS {baseline['rss_mb']:,.0f} MB, {baseline['findings']:,} findings",
                      flush=True)
            reuse = args.reuse_sqlite and _reusable(args.work / f"store-{size}.db", read["claims"])
            _bench_db("SQLite", f"sqlite:///{args.work / f'store-{size}.db'}", (base, new),
                      baseline, read, (not args.no_validation, reuse, args.scopes), args.phases,
                      args.reach)
            if server:
                from tests.test_store_postgres import new_database

                _bench_db("PostgreSQL", new_database(server), (base, new), baseline, read,
                          (not args.no_validation, False, False))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3], sys.argv[4])))
    else:
        main()
