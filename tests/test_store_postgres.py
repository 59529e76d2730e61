"""The claim store on a real PostgreSQL server: Debian's ``postgresql`` package, started on
loopback in a temporary directory for this module and stopped after.

``make test`` installs the package first (``make postgresql``, apt-get as root); the
tests skip, saying why, only where no PostgreSQL server program can be found.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("sqlalchemy")
pytest.importorskip("psycopg")

from claimkit.cli import main
from claimkit.consistency import validate
from claimkit.io import dump_record
from claimkit.store import open_store
from tests._store_corpus import records
from tests.test_store import _make_articles


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server on 127.0.0.1 (a free port), as the postgres user when run as root;
    its URL without a database name. Raises LookupError when no server program is installed."""
    bindir = _bin_dir()
    if bindir is None:
        raise LookupError("PostgreSQL is not installed: run `make postgresql` as root "
                          "(apt-get install postgresql)")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    home = Path(tempfile.mkdtemp(prefix="claimkit-pg-"))
    if as_root:
        shutil.chown(home, "postgres", "postgres")
    data, port = home / "data", _free_port()
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {home} -c fsync=off"
    try:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts,
                        "-l", str(home / "log"), "-w", "start"], check=True, capture_output=True)
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                        "stop"], capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def new_database(server: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The module's server (skipped, saying why, where PostgreSQL cannot be found)."""
    try:
        with postgres_server() as url:
            yield url
    except LookupError as exc:
        pytest.skip(str(exc))


@pytest.fixture
def pg(server: str) -> str:
    """A new empty database on the server."""
    return new_database(server)


def test_round_trip_and_exactly_once(pg: str, tmp_path: Path) -> None:
    recs = list(records(300, seed=9))
    path = tmp_path / "in.jsonl"
    path.write_text("".join(dump_record(r) + "\n" for r in recs), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(path), "--db", pg]).exit_code == 0
    again = runner.invoke(main, ["import", str(path), "--db", pg])
    assert f"0 documents (0 claims) stored, {len(recs)} already there" in again.output
    out = tmp_path / "out.jsonl"
    assert runner.invoke(main, ["export", "--db", pg, "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_incremental_validation_equals_full_on_postgres(pg: str) -> None:
    recs = list(records(2000, days=200, seed=4))
    with open_store(pg) as store:
        store.add(recs[:80])
        list(store.validate())
        store.add(recs[80:])
        list(store.validate())
        from sqlalchemy import text

        with store.engine.connect() as conn:
            stored = sorted(x for (x,) in conn.execute(text("select data from findings")))
        assert store.groups(min_sources=3)
        assert store.query(type="refusal", country="RU", limit=None)
    assert stored == sorted(f.model_dump_json() for f in validate(recs).findings)


def test_randomized_batches_on_postgres(pg: str) -> None:
    """The randomized splits of ``test_store_incremental`` (one seed) on PostgreSQL."""
    from tests.test_store_incremental import check_random_batches

    check_random_batches(pg, 5)


def test_three_concurrent_extract_runs_on_postgres(pg: str, tmp_path: Path) -> None:
    folder = _make_articles(tmp_path, 18)
    env = {**os.environ, "CLAIMKIT_API_KEY": ""}
    procs = [subprocess.Popen([sys.executable, "-m", "claimkit.cli", "extract", str(folder),
                               "--db", pg, "-q"], stderr=subprocess.PIPE, env=env)
             for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()
    import psycopg

    with psycopg.connect(pg) as conn:
        ids = [r[0] for r in conn.execute("select doc_id from documents")]
        dup = conn.execute("select count(*) from (select doc_seq, ordinal from claims "
                           "group by doc_seq, ordinal having count(*) > 1) x").fetchone()
    assert len(ids) == len(set(ids)) and dup == (0,)
    assert {i.split("#")[0] for i in ids} == {f"a{i:03d}" for i in range(18)}


def test_nul_characters_in_records_are_stored_on_postgres(pg: str, tmp_path: Path) -> None:
    """A JSON string may hold U+0000 (``"\\u0000"``); PostgreSQL text cannot. Before: ``import``
    ended in a traceback (psycopg.DataError: PostgreSQL text fields cannot contain NUL (0x00)
    bytes). Now the flat columns hold U+FFFD in its place, the records' JSON keeps it (the
    export is lossless), and a link key made of such a name is stored and found again."""
    recs = [json.loads(dump_record(r)) for r in records(2, seed=3)]
    for n, rec in enumerate(recs):
        rec["document"]["title"] = "T\u0000itle"
        for claim in rec["claims"]:
            claim["summary"] = "sum\u0000mary"
            for actor in claim["actor"]:
                actor["name"] = actor["text"] = f"Zq\u0000xy Party {n}"
    path = tmp_path / "nul.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    runner = CliRunner()
    stored = runner.invoke(main, ["import", str(path), "--db", pg])
    assert stored.exit_code == 0, (stored.stderr, stored.exception)
    exported = runner.invoke(main, ["export", "--db", pg])
    assert [json.loads(ln) for ln in exported.stdout.splitlines()] == recs
    checked = runner.invoke(main, ["validate", "--db", pg, "--fail-on", "never", "--format", "jsonl"])
    assert checked.exit_code == 0, (checked.stderr, checked.exception)
    shown = runner.invoke(main, ["query", "--db", pg, "--format", "json"])
    rows = json.loads(shown.stdout)
    assert rows and all("Zq\ufffdxy Party" in row["actors"] for row in rows)  # the flat column
    assert all("Zq\\u0000xy Party" in json.dumps(row["data"]) for row in rows)  # the claim, as it was
