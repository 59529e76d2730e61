"""The claim store on real SQLite files: writing, round trips, migrations, incremental validation."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("sqlalchemy")

from claimkit.cli import main
from claimkit.consistency import validate
from claimkit.io import dump_record, read_records
from claimkit.schemas import ClaimBase, DocumentClaims, temporary_claim_type
from claimkit.store import StoreError, open_store
from tests._store_corpus import records

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="module")
def claims_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("claims") / "claims.jsonl"
    result = CliRunner().invoke(main, ["extract", str(EXAMPLES), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def _findings(text_rows: list[str]) -> list[str]:
    return sorted(text_rows)


def test_import_export_round_trip_is_lossless(claims_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(claims_file), "--db", str(db)]).exit_code == 0
    again = runner.invoke(main, ["import", str(claims_file), "--db", str(db)])
    assert "0 documents (0 claims) stored, 7 already there" in again.output
    out = tmp_path / "out.jsonl"
    assert runner.invoke(main, ["export", "--db", str(db), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == claims_file.read_text(encoding="utf-8")
    csv_out = tmp_path / "out.csv"
    assert runner.invoke(main, ["export", "--db", str(db), "-o", str(csv_out),
                                "--format", "csv"]).exit_code == 0
    n_claims = sum(len(r.claims) for r in read_records(claims_file)
                   if isinstance(r, DocumentClaims))
    import csv

    with open(csv_out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n_claims and rows[0]["claim_id"]
    pq = pytest.importorskip("pyarrow.parquet")
    pq_out = tmp_path / "out.parquet"
    assert runner.invoke(main, ["export", "--db", str(db), "-o", str(pq_out),
                                "--format", "parquet"]).exit_code == 0
    assert pq.read_table(pq_out).num_rows == n_claims


def test_user_claim_types_round_trip(tmp_path: Path) -> None:
    class Sanction(ClaimBase):
        type: str = "sanction_test"
        target_sector: str | None = None

    with temporary_claim_type(Sanction):
        rec = DocumentClaims.model_validate({
            "document": {"id": "d1", "text": "The EU sanctioned banks."},
            "claims": [{"type": "sanction_test", "id": "s1", "doc_id": "d1",
                        "target_sector": "banks",
                        "evidence": [{"start": 0, "end": 24, "text": "The EU sanctioned banks.",
                                      "alignment": "exact"}]}],
        })
        with open_store(str(tmp_path / "u.db")) as store:
            store.add([rec])
            back = list(store.records())
        assert type(back[0].claims[0]) is Sanction
        assert dump_record(back[0]) == dump_record(rec)


def test_corrupt_and_foreign_files_are_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("create table invoices(id integer)").connection.commit()
    for path, words in ((bad, "not a readable SQLite database"),
                        (foreign, "not a claimkit store")):
        result = CliRunner().invoke(main, ["export", "--db", str(path)])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and str(path) in lines[0], result.output
        with pytest.raises(StoreError):
            open_store(str(path))


def test_a_store_of_the_first_schema_is_migrated(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import MetaData, create_engine

    from claimkit.store._engine import _MIGRATIONS
    from claimkit.store.tables import VERSION_TABLE

    recs = list(records(400, days=60))
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # a database as claimkit's first store schema left it
        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        meta = MetaData()
        meta.reflect(conn)
        assert "root" not in meta.tables["claims"].c and "event_keys" not in meta.tables
        for seq, rec in enumerate(recs, 1):
            meta_rec = rec.model_copy(update={"claims": []})
            conn.execute(meta.tables["documents"].insert(), {
                "seq": seq, "doc_id": rec.document.id, "version": rec.version or "",
                "text_hash": "x", "text": rec.document.text, "record": dump_record(meta_rec),
                "language": rec.document.language})
            conn.execute(meta.tables["claims"].insert(), [
                {"doc_seq": seq, "ordinal": i, "claim_id": c.id, "doc_id": c.doc_id,
                 "type": c.type, "actors": "", "evidence": "", "data": c.model_dump_json()}
                for i, c in enumerate(rec.claims)])
    engine.dispose()
    with open_store(str(path)) as store:
        assert store.migrated_from == "0001"
        got = sorted(f.model_dump_json() for r in store.validate() for f in r.findings)
        assert [dump_record(r) for r in store.records()] == [dump_record(r) for r in recs]
    version = sqlite3.connect(path).execute(f"select version_num from {VERSION_TABLE}").fetchone()
    assert version == ("0004",)
    assert got == sorted(f.model_dump_json() for f in validate(recs).findings)


def test_incremental_validation_finds_what_a_full_validation_finds(tmp_path: Path) -> None:
    recs = list(records(3000, days=400, seed=5))
    with open_store(str(tmp_path / "inc.db")) as store:
        store.add(recs[:200])
        list(store.validate())
        store.add(recs[200:290])
        first = list(store.validate())
        store.add(recs[290:])
        touched = list(store.validate())
        assert sum(r.n_claims for r in touched) < 3000  # only what the new claims touch
        from sqlalchemy import text

        with store.engine.connect() as conn:
            stored = sorted(x for (x,) in conn.execute(text("select data from findings")))
        full = validate(recs)
        assert stored == sorted(f.model_dump_json() for f in full.findings)
        assert len(full.findings) > 100 and first
        assert {f.kind for f in full.findings} >= {"conflict", "corroboration", "stance_change"}
        # a full re-validation, streamed in small batches, stores the same
        again = sorted(f.model_dump_json() for r in store.validate(full=True, batch_claims=300)
                       for f in r.findings)
        assert again == stored
        groups = {g.id: g.sources for g in full.groups}
        stored_groups = {g.group_id: g.sources for g in store.groups(min_sources=1)}
        assert stored_groups == groups


def test_queries(tmp_path: Path) -> None:
    recs = list(records(600, days=90, seed=3))
    db = str(tmp_path / "q.db")
    with open_store(db) as store:
        store.add(recs)
        list(store.validate())
        refusals = store.query(type="refusal", country="RU", date_from="2024-03-01",
                               date_to="2024-03-31", limit=None)
        expected = [c.id for r in recs for c in r.claims if c.type == "refusal"
                    and any(a.iso_code == "RU" for a in c.actor) and c.date is not None
                    and c.date.value is not None and "2024-03-01" <= c.date.value <= "2024-03-31"]
        assert [r.claim_id for r in refusals] == expected and expected
        groups = store.groups(min_sources=3)
        assert groups and all(g.sources >= 3 for g in groups)
        in_big = store.query(min_sources=3, limit=None)
        assert in_big and len(in_big) >= len(groups)
        conflicts = store.query(finding="conflict", limit=None)
        assert conflicts
        assert store.query(text="COUNTRIES MET IN PARIS", limit=5)
    result = CliRunner().invoke(main, ["query", "--db", db, "--type", "refusal", "--country",
                                       "RU", "--from", "2024-03-01", "--to", "2024-03-31",
                                       "--format", "json", "--limit", "0"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["claim_id"] for r in rows] == expected


def test_validate_db_new_file(claims_file: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    runner = CliRunner()
    first = runner.invoke(main, ["validate", "--db", db, "--new", str(claims_file),
                                 "--format", "jsonl", "--fail-on", "never"])
    assert first.exit_code == 0, first.output
    lines = [json.loads(x) for x in first.stdout.splitlines()]
    full = validate(read_records(claims_file))
    assert sorted(json.dumps(x, sort_keys=True) for x in lines) == sorted(
        json.dumps(f.model_dump(mode="json"), sort_keys=True) for f in full.findings)
    again = runner.invoke(main, ["validate", "--db", db, "--format", "jsonl"])
    assert again.exit_code == 0 and again.stdout == ""  # nothing new


def _extract(db: Path, *paths: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimkit.cli", "extract", *paths, "--db", str(db), "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "CLAIMKIT_API_KEY": ""},
    )


def _make_articles(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.html"))
    for i in range(n):
        src = texts[i % len(texts)]
        (folder / f"a{i:03d}{src.suffix}").write_bytes(src.read_bytes())
    return folder


def test_three_concurrent_extract_runs_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    folder = _make_articles(tmp_path, 24)
    db = tmp_path / "shared.db"
    procs = [_extract(db, str(folder)) for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("select doc_id from documents")]
    assert len(ids) == len(set(ids))
    assert {i.split("#")[0] for i in ids} == {f"a{i:03d}" for i in range(24)}
    n_claims = con.execute("select count(*) from claims").fetchone()[0]
    dup = con.execute("select count(*) from (select doc_seq, ordinal from claims "
                      "group by doc_seq, ordinal having count(*) > 1)").fetchone()[0]
    assert dup == 0 and n_claims > 0


def test_turning_wal_on_waits_for_a_writer_in_rollback_mode(tmp_path: Path) -> None:
    """A store being created is in rollback-journal mode until its first commit; another
    process's ``PRAGMA journal_mode=WAL`` then fails at once, without SQLite's busy wait
    (three concurrent ``extract --db`` runs failed so under load): it waits instead."""
    from claimkit.store._engine import set_wal

    db = tmp_path / "new.db"
    writer = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t VALUES (1)")
    other = sqlite3.connect(db, timeout=30)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        other.execute("PRAGMA journal_mode=WAL")  # what SQLite does: no busy wait
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        set_wal(other.cursor(), wait_s=0.2)  # bounded: gives up after its wait
    timer = threading.Timer(0.5, writer.execute, ("COMMIT",))
    timer.start()
    t = time.monotonic()
    assert set_wal(other.cursor(), wait_s=30) == "wal"
    assert 0.4 < time.monotonic() - t < 10
    timer.join()
    other.close()
    writer.close()


def test_kill_during_writes_then_rerun(tmp_path: Path) -> None:
    import signal
    import time

    folder = _make_articles(tmp_path, 40)
    db = tmp_path / "killed.db"
    proc = _extract(db, str(folder))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait for the first documents to land
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n >= 3:
                break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    rerun = _extract(db, str(folder))
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("select doc_id from documents")]
    assert len(ids) == len(set(ids))
    assert {i.split("#")[0] for i in ids} == {f"a{i:03d}" for i in range(40)}
    orphans = con.execute("select count(*) from claims where doc_seq not in "
                          "(select seq from documents)").fetchone()[0]
    assert orphans == 0


def test_the_migrations_build_the_schema_the_code_uses(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from claimkit.store.tables import VERSION_TABLE, metadata

    with open_store(str(tmp_path / "s.db")) as store, store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(ctx, metadata) == []


def test_no_store_library_is_imported_without_db() -> None:
    code = ("import claimkit, claimkit.cli, sys; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlalchemy', 'alembic', 'psycopg', 'pyarrow')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_view_db_renders_the_store_with_its_stored_findings(claims_file: Path,
                                                             tmp_path: Path) -> None:
    db = str(tmp_path / "view.db")
    runner = CliRunner()
    assert runner.invoke(main, ["validate", "--db", db, "--new", str(claims_file),
                                "--fail-on", "never"]).exit_code == 0
    out = tmp_path / "r.html"
    result = runner.invoke(main, ["view", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    n_findings = len(validate(read_records(claims_file)).findings)
    assert f"{n_findings} finding(s)" in result.output and "7 document(s)" in result.output
    some = runner.invoke(main, ["view", "--db", db, "-o", str(out), "--type", "refusal"])
    n_refusals = sum(c.type == "refusal" for r in read_records(claims_file)
                     if isinstance(r, DocumentClaims) for c in r.claims)
    assert f"{n_refusals} claim(s)" in some.output


def _dated_by_words(recs: list[DocumentClaims]) -> list[DocumentClaims]:
    """``recs`` with the first and last claim of every 7th record dated by words only."""
    from claimkit.schemas import DateRef

    for n, rec in enumerate(recs):
        if n % 7 == 0:
            claims = list(rec.claims)
            for i in (0, len(claims) - 1):
                claims[i] = claims[i].model_copy(update={"date": DateRef(raw="on Thursday")})
            recs[n] = rec.model_copy(update={"claims": claims})
    return recs


def test_a_documents_unanchored_dates_stay_one_finding_in_any_batch(tmp_path: Path) -> None:
    """The claims of one document with unanchored dates (here in different components) are
    linked, so batches, streamed or incremental, never split their one finding."""
    recs = _dated_by_words(list(records(600, days=200, seed=9)))
    full = sorted(f.model_dump_json() for f in validate(recs).findings)
    assert sum('"unanchored_date"' in f and '"claims":["' in f and '","' in f
               for f in full) >= 5  # findings naming two claims of one document
    with open_store(str(tmp_path / "u.db")) as store:
        store.add(recs[:40])
        list(store.validate(batch_claims=1))
        store.add(recs[40:])
        list(store.validate(batch_claims=1))
        streamed = sorted(f.model_dump_json() for r in store.validate(full=True, batch_claims=1)
                          for f in r.findings)
    assert streamed == full


def test_a_store_keyed_by_an_older_claimkit_is_rekeyed(tmp_path: Path) -> None:
    """Keys written before ``u|DOC`` existed (schema 0002) are rebuilt when the store is opened."""
    from claimkit.store.tables import VERSION_TABLE

    recs = _dated_by_words(list(records(400, days=60)))
    path = tmp_path / "old.db"
    with open_store(str(path)) as store:
        store.add(recs)
    db = sqlite3.connect(path)
    keys = "select count(*) from claim_keys join event_keys on event_keys.id = key_id"
    (unanchored,) = db.execute(keys + " where event_keys.key like 'u|%'").fetchone()
    (total,) = db.execute(keys).fetchone()
    assert unanchored > 0, "the corpus must have claims with unanchored dates"
    with db:  # as claimkit at schema 0002 left it: no u| keys
        db.execute("delete from claim_keys where key_id in "
                   "(select id from event_keys where key like 'u|%')")
        db.execute("drop index ix_groups_listing")  # what migration 0003 adds
        db.execute(f"update {VERSION_TABLE} set version_num = '0002'")
    db.close()
    with open_store(str(path)) as store:
        assert store.migrated_from == "0002"
        got = sorted(f.model_dump_json() for r in store.validate() for f in r.findings)
    db = sqlite3.connect(path)
    assert db.execute(keys + " where event_keys.key like 'u|%'").fetchone() == (unanchored,)
    assert db.execute(keys).fetchone() == (total,)
    db.close()
    assert got == sorted(f.model_dump_json() for f in validate(recs).findings)


def _restated_meeting() -> list[DocumentClaims]:
    """Document a names its Paris meeting twice (once undated, no publication date);
    document b reports the same meeting: one group of three claims since schema 0004."""
    from claimkit.schemas import Actor, DateRef, Document, Meeting
    from tests._corpus import TextBuilder

    who = [Actor(text="France", kind="country"), Actor(text="Germany", kind="country")]
    out = []
    for doc_id, dates in (("a", ["2025-03-03", None]), ("b", ["2025-03-03"])):
        text, claims = TextBuilder(), []
        for j, day in enumerate(dates):
            span = text.add(f"France and Germany met in Paris ({doc_id}{j}).")
            claims.append(Meeting(
                id=f"{doc_id}{j}", doc_id=doc_id, evidence=[span], actor=who[:1],
                participants=who, location="Paris", status="held",
                date=None if day is None else DateRef(value=day, granularity="day")))
        out.append(DocumentClaims(document=Document(id=doc_id, text=text.text,
                                                    url=f"https://{doc_id}.example/1"),
                                  claims=claims))
    return out


def test_a_store_validated_under_older_keys_is_validated_anew(tmp_path: Path) -> None:
    """A store whose keys and validation predate ``r|`` keys (schema 0003): opening it
    rebuilds the keys and forgets the stored validation, so the next ``validate`` finds
    what one run finds (without forgetting, nothing is new and nothing is re-validated)."""
    from claimkit.store.tables import VERSION_TABLE

    recs = _restated_meeting() + list(records(200, days=30, seed=4))
    expected = validate(recs)
    assert any(sorted(g.claims) == ["a0", "a1", "b0"]
               for g in expected.groups), "the undated restatement must join the group"
    path = tmp_path / "old.db"
    with open_store(str(path)) as store:
        store.add(recs)
        list(store.validate())
    db = sqlite3.connect(path)
    with db:  # as claimkit at schema 0003 left it: no r| keys, its own validation
        db.execute("delete from claim_keys where key_id in "
                   "(select id from event_keys where key like 'r|%')")
        db.execute(f"update {VERSION_TABLE} set version_num = '0003'")
    db.close()
    with open_store(str(path)) as store:
        assert store.migrated_from == "0003"
        assert store.stored_report().findings == []  # the old validation is gone
        list(store.validate())
        got = store.stored_report()
    assert sorted(f.model_dump_json() for f in got.findings) == sorted(
        f.model_dump_json() for f in expected.findings)
    assert sorted(g.model_dump_json() for g in got.groups) == sorted(
        g.model_dump_json() for g in expected.groups)


@pytest.mark.parametrize("corpus", ["gold", "placed"])
def test_articles_placed_in_time_validate_in_the_store_as_in_one_run(
        tmp_path: Path, gold_dir: Path, articles_dir: Path, corpus: str) -> None:
    """Undated articles placed in time by the dates of others (consistency's placement):
    added and validated one article at a time, the store holds what one run finds."""
    from sqlalchemy import text

    from tests._gold_claims import gold_records
    from tests.test_consistency_placement import ja_article, vi_article, year_reports

    if corpus == "gold":
        recs = gold_records(gold_dir, articles_dir)
    else:
        recs = [year_reports(2025, "en25"), year_reports(2026, "en26", uk=False), ja_article(),
                vi_article(("2025-04-10", "2025-03-02"))]
    assert any(r.document.published is None for r in recs)
    with open_store(str(tmp_path / "placed.db")) as store:
        for rec in recs:
            store.add([rec])
            list(store.validate())
        with store.engine.connect() as conn:
            stored = sorted(x for (x,) in conn.execute(text("select data from findings")))
    full = validate(recs)
    assert stored == sorted(f.model_dump_json() for f in full.findings)
