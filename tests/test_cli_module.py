"""``python -m claimkit`` runs the ``claimkit`` command (for environments whose scripts are not on the PATH)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_python_dash_m_claimkit_extracts_like_the_command(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Germany pledged 500 million euros to Ukraine on Monday.\n", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "claimkit", "extract", str(article), "-o", str(out), "--backend", "rules", "-q"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert [c["type"] for c in record["claims"]] == ["pledge"]


def test_python_dash_m_claimkit_names_itself_claimkit_in_usage_errors() -> None:
    done = subprocess.run([sys.executable, "-m", "claimkit", "no-such-command"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Usage: claimkit " in done.stderr
