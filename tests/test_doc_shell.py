"""Every shell block in README and docs runs in a test, or says why it does not.

A ```sh / ```bash / ```console / ```shell block either runs here (bash -euo
pipefail, the installed ``claimkit`` first on PATH, in a scratch folder where
``examples/`` is the repository's; so it cannot write into the checkout) or
is preceded by a line ``<!-- not run: REASON -->`` (a recursive ``make
test``, a Kubernetes cluster), ``<!-- llm: runs against the scripted server -->``
(a block that talks to an LLM endpoint: see below) or ``<!-- run by tests/FILE.py: ... -->`` (a test
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
_NOT_RUN = re.compile(r"<!-- (?:not run: (\S.*?)|run by (tests/\S+\.py)\b.*?|(llm): \S.*?) -->\n\Z")


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
                why = marker.group(1) or (f"run by {elsewhere}" if elsewhere else "llm")
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


# ----------------------------------------------------------- blocks that talk to an LLM

#: lines that start a model server of one's own (Ollama, vLLM, llama.cpp): the scripted
#: server stands in for them, so they are left out
_SERVER_START = re.compile(r"^\s*(?:\w+=\S+\s+)*(?:ollama|vllm serve|llama-server)\b")
_BASE_URL = re.compile(r"--base-url\s+\S+")
_LLM = [(n, code) for n, code, why in _shell_blocks() if why == "llm"]


def as_run_against(code: str, base_url: str) -> str:
    """``code`` as it runs against the scripted server at ``base_url``: every
    ``--base-url`` names it, and the lines that start a model server are left out
    (continuation lines joined first, so a command is never cut in half)."""
    joined = re.sub(r"\s*\\\n\s*", " ", code)
    kept = [line for line in joined.splitlines() if not _SERVER_START.match(line)]
    return _BASE_URL.sub(f"--base-url {base_url}", "\n".join(kept)) + "\n"


def test_the_llm_rewrite_points_every_command_at_the_server() -> None:
    code = ("OLLAMA_CONTEXT_LENGTH=8 ollama serve\nollama pull m\n"
            "claimkit extract a -o c \\\n    --base-url http://localhost:1/v1 --model m\n")
    assert as_run_against(code, "http://127.0.0.1:9/v1") == (
        "claimkit extract a -o c --base-url http://127.0.0.1:9/v1 --model m\n")
    assert len(_LLM) >= 5  # README, docs/llm.md (OpenAI, Azure, local servers), the guide


@pytest.mark.parametrize("name,code", _LLM, ids=[n for n, _ in _LLM])
def test_llm_block_runs_against_the_scripted_server(name: str, code: str, tmp_path: Path) -> None:
    """A block for a real endpoint, run as written against the scripted OpenAI-compatible
    server (gold replies), with ``articles/`` and ``corpus/`` the bundled examples: the
    commands, options and files are the ones a reader types; only the model is scripted."""
    sys.path.insert(0, str(ROOT / "tests" / "llm"))
    from scripted_server import ScriptedServer, load_gold_claims

    for link in ("examples", "articles", "corpus"):
        (tmp_path / link).symlink_to(ROOT / "examples" / ("articles" if link != "examples" else ""))
    bindir = str(Path(sys.executable).parent)
    with ScriptedServer(load_gold_claims(ROOT / "examples" / "gold")) as server:
        env = {"PATH": f"{bindir}:/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8",
               "CLAIMKIT_BASE_URL": server.base_url, "AZURE_OPENAI_API_KEY": "sk-scripted",
               "CLAIMKIT_CACHE_DIR": str(tmp_path / "cache")}
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", as_run_against(code, server.base_url)],
                                cwd=tmp_path, capture_output=True, text=True, timeout=600, env=env)
        served = len(server.requests)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout[-1000:]}\n{result.stderr[-2000:]}"
    assert "backend: openai" in result.stderr, result.stderr[-2000:]
    out = tmp_path / "claims.jsonl"
    if not out.exists():
        out = tmp_path / "out" / "claims.jsonl"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert served > 0 and any('"claims":[{' in line for line in lines), name  # gold replies as claims
