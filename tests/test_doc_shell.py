"""Every shell block in README and docs runs in a test, or says why it does not.

A ```sh / ```bash / ```console / ```shell block either runs here (bash -euo
pipefail, the installed ``claimkit`` first on PATH, in a scratch folder where
``examples/`` is the repository's; so it cannot write into the checkout) or
is preceded by a line ``<!-- not run: REASON -->`` (a real LLM endpoint, a
recursive ``make test``) or ``<!-- run by tests/FILE.py: ... -->`` (a test
that runs it against a scripted server; the file must exist): the test below
fails on a block that does none of these.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_FENCE = re.compile(r"^```(sh|bash|console|shell)\n(.*?)^```", re.S | re.M)
_NOT_RUN = re.compile(r"<!-- (?:not run: (\S.*?)|run by (tests/\S+\.py)\b.*?) -->\n\Z")


def _shell_blocks() -> list[tuple[str, str, str | None]]:
    """(page#n, code, reason it is not run or None) of every shell block."""
    out = []
    for path in PAGES:
        text = path.read_text(encoding="utf-8")
        for i, m in enumerate(_FENCE.finditer(text), 1):
            marker = _NOT_RUN.search(text[max(0, m.start() - 300) : m.start()])
            why = None
            if marker:
                elsewhere = marker.group(2)
                assert elsewhere is None or (ROOT / elsewhere).is_file(), f"{path.name}: {elsewhere}"
                why = marker.group(1) or f"run by {elsewhere}"
            out.append((f"{path.relative_to(ROOT)}#{i}", m.group(2), why))
    return out


_RUN = [(n, code) for n, code, why in _shell_blocks() if why is None]


def test_every_shell_block_runs_or_says_why_not() -> None:
    blocks = _shell_blocks()
    assert len(blocks) >= 10
    ran = {n for n, _ in _RUN}
    for name, _code, why in blocks:
        assert why is not None or name in ran, name
    assert any(why is None for _, _, why in blocks)


@pytest.mark.parametrize("name,code", _RUN, ids=[n for n, _ in _RUN])
def test_shell_block_runs_in_a_scratch_folder(name: str, code: str, tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    bindir = str(Path(sys.executable).parent)
    env = {"PATH": f"{bindir}:/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, timeout=600, env=env)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout[-1000:]}\n{result.stderr[-2000:]}"
