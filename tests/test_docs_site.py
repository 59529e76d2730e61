"""The documentation site: ``mkdocs build --strict`` over docs/ (extra ``docs``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs", reason="mkdocs is not installed: pip install -e '.[docs]'")
pytest.importorskip("material", reason="mkdocs-material is not installed: pip install -e '.[docs]'")


def test_site_builds_strictly_with_every_page(repo_root: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    res = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=repo_root, env=env, capture_output=True, text=True, timeout=300,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    pages = {p.stem for p in (repo_root / "docs").glob("*.md")}
    built = {p.parent.name for p in site.glob("*/index.html")} | {"index"}
    assert pages <= built, pages - built  # every page is in the site (and in the nav: strict)
    assert (site / "img" / "report.png").exists()
    nav = (repo_root / "mkdocs.yml").read_text(encoding="utf-8")
    assert all(f"{p}.md" in nav for p in pages), "a page is missing from mkdocs.yml's nav"
