"""``bench/store.py`` measures the corpus size it prints, run after run.

Before: a run that imported added its 1,000 new claims (and its validations) into
``store-SIZE.db`` itself, so a later ``--reuse-sqlite`` run said SIZE claims and
validated SIZE + 1,000 (its "new" claims already there: 0 re-checked). Now every
run validates a copy (``run-SIZE.db``), and a store is reused only when it holds
exactly the corpus's claims.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")

ROOT = Path(__file__).resolve().parents[1]
SIZE = 300


def _bench(work: Path, *extra: str) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "store.py"), "--sizes", str(SIZE),
                           "--no-postgres", "--no-baseline", "--work", str(work), *extra],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _claims(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("select count(*) from claims").fetchone()[0])
    finally:
        conn.close()


def _full(out: str) -> tuple[int, int]:
    """The claims and findings of the run's first full validation."""
    m = re.search(r"full streamed validation of ([\d,]+) claims: .*?([\d,]+) findings", out)
    assert m, out
    return int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))


def test_each_run_measures_the_size_it_prints(tmp_path: Path) -> None:
    store = tmp_path / f"store-{SIZE}.db"
    first = _bench(tmp_path)
    assert _claims(store) == SIZE  # the new claims went into the copy
    assert _full(first)[0] == SIZE

    again = _bench(tmp_path, "--reuse-sqlite")
    assert "import: none" in again and f"{SIZE:,} claims, the corpus's" in again
    assert _full(again) == _full(first)
    assert "1,000 new claims" in again and " 0 claims re-checked" not in again
    assert _claims(store) == SIZE

    # a store holding more than the corpus (as an earlier run of the bench left it)
    shutil.copyfile(tmp_path / f"run-{SIZE}.db", store)
    assert _claims(store) == SIZE + 1000
    bigger = _bench(tmp_path, "--reuse-sqlite", "--no-validation")
    assert (f"store-{SIZE}.db not reused (it holds {SIZE + 1000:,} claims, not the corpus's "
            f"{SIZE:,}): imported anew") in bigger
    assert f"import {SIZE:,} claims" in bigger and _claims(store) == SIZE
