"""``bench/summaries.py`` compares the summaries' findings with the checks' and says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_summaries_bench_finds_what_the_checks_find(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "summaries.py"), "--size", "3000",
                           "--work", str(tmp_path)], capture_output=True, text=True, timeout=600,
                          env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.endswith("findings equal")]
    assert [line.split(":", 1)[0] for line in lines] == ["stance", "corroboration", "conflicts"]
    assert all(" 0 of " not in line for line in lines)  # the new claims touch some summaries
    meetings = [line for line in done.stdout.splitlines() if line.startswith("meetings:")]
    assert len(meetings) == 1 and meetings[0].endswith("groups equal")
