"""One writer per output file: `extract -o FILE` holds FILE.lock (SCRIPTED server on 127.0.0.1).

Two real processes run `claimkit extract` on one output file; the scripted
server answers the first two requests and holds every other one until the
test opens its gate, so the first run is certainly still writing when the
second starts. The second is refused in one
line (exit 2); nothing is lost, duplicated or torn, with and without --resume.
A run killed (SIGKILL) or interrupted (Ctrl-C) leaves no lock that stops the next.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "llm"))

from scripted_server import ScriptedServer  # noqa: E402

from claimkit.extract.runner import OutputLocked, lock_output, lock_path  # noqa: E402

N = 12  # documents per run


# ------------------------------------------------------------------ in process


def test_the_lock_names_its_holder_and_is_released_however_the_block_ends(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "claims.jsonl"
    with lock_output(out) as lock_file:
        assert lock_file == lock_path(out) == tmp_path / "sub" / "claims.jsonl.lock"
        assert lock_file.read_text(encoding="ascii").strip() == str(os.getpid())
        with pytest.raises(OutputLocked, match=rf"pid {os.getpid()}") as refused, lock_output(out):
            pass  # pragma: no cover
        assert "\n" not in str(refused.value) and str(out) in str(refused.value)
    assert lock_path(out).read_text(encoding="ascii") == ""  # released: no holder named
    with pytest.raises(RuntimeError), lock_output(out):
        raise RuntimeError("boom")
    with lock_output(out):  # released by the exception too
        pass


def test_a_stale_lock_file_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "claims.jsonl"
    lock_path(out).write_text(f"{dead.pid}\n", encoding="ascii")
    with lock_output(out) as lock_file:
        assert lock_file.read_text(encoding="ascii").strip() == str(os.getpid())


# ------------------------------------------------------------------ two processes


class _Gated(ScriptedServer):
    """Answers two requests, then holds the others until ``gate`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.answered = 0
        self.responder = self._gated

    def _gated(self, article: str) -> list[dict[str, Any]]:
        with self._lock:
            self.answered += 1
            first = self.answered <= 2
        if not first:
            self.gate.wait(90)
        return []


@pytest.fixture
def server() -> Iterator[_Gated]:
    with _Gated() as srv:
        try:
            yield srv
        finally:
            srv.gate.set()


def _docs(directory: Path, prefix: str) -> set[str]:
    directory.mkdir()
    for i in range(N):
        (directory / f"{prefix}{i:02}.txt").write_text(
            f"Document {prefix}{i:02}: the council met on Monday and pledged new buses.\n",
            encoding="utf-8")
    return {f"{prefix}{i:02}" for i in range(N)}


#: ``python -m claimkit.cli`` with Ctrl-C raising KeyboardInterrupt, as in a terminal: a
#: process started as a background job of a non-interactive shell (``make test &``) inherits
#: SIGINT ignored, and Python then installs no handler, so the Ctrl-C test would wait on a
#: child that never hears it
_AS_IN_A_TERMINAL = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'claimkit'; runpy.run_module('claimkit.cli', run_name='__main__', alter_sys=True)"
)


def _start(server: ScriptedServer, inputs: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMKIT_"))}
    env.update(OPENAI_API_KEY="sk-test-locking-0000000000", CLAIMKIT_BASE_URL=server.base_url,
               CLAIMKIT_MODEL="scripted-model", CLAIMKIT_CACHE_DIR=str(out.parent / "cache"))
    return subprocess.Popen(
        [sys.executable, "-c", _AS_IN_A_TERMINAL, "extract", str(inputs), "-o", str(out),
         "--backend", "openai", "--concurrency", "2", "--no-cache", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def _wait_for_lines(out: Path, proc: subprocess.Popen[str], n: int = 1) -> None:
    """Until the run holds the lock and has written ``n`` lines."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        held = lock_path(out).exists() and lock_path(out).read_text().strip() == str(proc.pid)
        if held and out.exists() and out.read_text(encoding="utf-8").count("\n") >= n:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the first run never started writing")


def _ids(out: Path) -> Counter[str]:
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]  # every line whole JSON
    assert all(r["record"] == "document" for r in records), records
    return Counter(r["document"]["id"] for r in records)


@pytest.mark.parametrize("resume", [False, True], ids=["plain", "resume"])
def test_a_second_run_on_the_same_file_is_refused_in_one_line(
    resume: bool, server: _Gated, tmp_path: Path
) -> None:
    a, b = _docs(tmp_path / "a", "a"), _docs(tmp_path / "b", "b")
    out = tmp_path / "claims.jsonl"
    flag = ("--resume",) if resume else ()
    first = _start(server, tmp_path / "a", out, *flag)
    _wait_for_lines(out, first)
    second = _start(server, tmp_path / "b", out, *flag)
    stdout, stderr = second.communicate(timeout=60)
    assert second.returncode == 2, stderr
    assert stderr.strip().count("\n") == 0 and not stdout, stderr  # one line, nothing else
    assert f"another claimkit run (pid {first.pid})" in stderr
    assert first.poll() is None  # the refusal happened while the first one was writing
    server.gate.set()
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert _ids(out) == Counter(a)  # the first run's documents, each once, no torn line

    # afterwards, the second run's documents are added with --resume: none lost, none twice
    again = _start(server, tmp_path / "b", out, "--resume")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert _ids(out) == Counter(a | b)
    assert lock_path(out).read_text(encoding="ascii") == ""


def test_a_killed_run_leaves_no_lock_and_resume_repairs_its_last_line(
    server: _Gated, tmp_path: Path
) -> None:
    a = _docs(tmp_path / "a", "a")
    out = tmp_path / "claims.jsonl"
    first = _start(server, tmp_path / "a", out)
    _wait_for_lines(out, first, 2)  # two documents written, the others held by the server
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=30)
    assert lock_path(out).read_text().strip() == str(first.pid)  # a dead holder's pid remains
    finished = set(_ids(out))
    assert len(finished) == 2 and finished < a
    with open(out, "a", encoding="utf-8") as fh:  # as if it had died in mid-write
        fh.write('{"record": "document", "document": {"id": "a0')

    server.gate.set()
    again = _start(server, tmp_path / "a", out, "--resume")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert "dropping a half-written last line" in err
    assert f"resuming: {len(finished)} documents already" in err
    assert _ids(out) == Counter(a)


def test_ctrl_c_releases_the_lock(server: _Gated, tmp_path: Path) -> None:
    _docs(tmp_path / "a", "a")
    out = tmp_path / "claims.jsonl"
    first = _start(server, tmp_path / "a", out)
    _wait_for_lines(out, first)
    first.send_signal(signal.SIGINT)
    first.communicate(timeout=60)
    assert first.returncode != 0
    assert lock_path(out).read_text(encoding="ascii") == ""  # released on the way out
    with lock_output(out):
        pass
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line) for line in lines)  # what it wrote is whole
