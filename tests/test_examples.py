"""Every example script in examples/ and every ```python block in the docs runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _doc_blocks() -> list[tuple[str, str]]:
    blocks = []
    for path in DOC_FILES:
        for i, match in enumerate(_BLOCK.finditer(path.read_text(encoding="utf-8")), 1):
            blocks.append((f"{path.relative_to(ROOT)}#{i}", match.group(1)))
    return blocks


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env
    )


def test_there_are_examples_and_doc_blocks() -> None:
    assert len(EXAMPLES) >= 2
    assert len(_doc_blocks()) >= 1


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(script: Path) -> None:
    result = _run([str(script)])
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip(), f"{script.name} printed nothing"


@pytest.mark.parametrize("name,code", _doc_blocks(), ids=[n for n, _ in _doc_blocks()])
def test_doc_block_runs(name: str, code: str) -> None:
    result = _run(["-c", code])
    assert result.returncode == 0, f"{name} failed:\n{result.stderr[-2000:]}"


# Shell and TOML blocks of the pages that walk a user through commands: the
# shell blocks run in bash (the installed `claimkit` first on PATH), the TOML
# blocks must parse and agree with the files they quote.
_SHELL_PAGES = [ROOT / "docs" / "plugins.md"]
_TOML = re.compile(r"^```toml\n(.*?)^```", re.S | re.M)


def _blocks(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    return [
        (f"{path.relative_to(ROOT)}#{i}", m.group(1))
        for path in _SHELL_PAGES
        for i, m in enumerate(pattern.finditer(path.read_text(encoding="utf-8")), 1)
    ]


def test_toml_blocks_parse_and_match_the_sanction_plugin() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "examples" / "sanction-plugin" / "pyproject.toml").read_text())
    blocks = _blocks(_TOML)
    assert blocks
    for name, code in blocks:
        shown = tomllib.loads(code)
        assert shown["project"]["entry-points"] == project["project"]["entry-points"], name
        assert shown["tool"]["setuptools"]["package-data"] == project["tool"]["setuptools"]["package-data"]
