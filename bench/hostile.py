"""Time and peak memory of ``claimkit extract`` on hostile inputs (not a test: prints figures).

Run from the repo root:  .venv/bin/python bench/hostile.py [--only NAME ...]

Every case is one fresh ``claimkit extract a.txt BAD z.txt`` process (two
valid articles beside the bad input, offline rules backend), generated at run
time in a temporary folder (nothing large is committed). Printed per case:
wall time, peak RSS of the process (``wait4``), exit code, the lines claimkit
printed besides its routine ones, and the time as a multiple of the baseline
(the two valid articles alone, measured in the same run). The target: no case
over 30 s or 1 GB of RSS for inputs up to 100 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_hostile import A_TEXT, DE, FR, Z_TEXT  # noqa: E402  (the suite's articles)

CLAIMKIT = str(Path(sys.executable).with_name("claimkit"))
TIMEOUT = 60.0  # twice the target: a case past it is reported as a timeout
MB = 2**20
ROUTINE = re.compile(r"^claimkit: (backend: |\d+ documents, )")


def _write(path: Path, size: int, unit: bytes) -> None:
    """At least ``size`` bytes of ``unit`` repeated (whole units), written in ~1 MB pieces."""
    piece = unit * max(1, MB // len(unit))
    with open(path, "wb") as fh:
        written = 0
        while written < size:
            fh.write(piece)
            written += len(piece)


def _prose(d: Path, size: int, name: str) -> str:
    path = d / name
    _write(path, size, (FR + DE + A_TEXT.split("\n\n")[1]).encode())
    return str(path)


def _jsonl_huge_line(d: Path) -> str:
    path = d / "huge-line.jsonl"
    with open(path, "wb") as fh:
        fh.write(b'{"text": "')
        _write(d / "tmp", 100 * MB, b"word ")
        with open(d / "tmp", "rb") as src:
            while piece := src.read(MB):
                fh.write(piece)
        fh.write(b'"}\n' + json.dumps({"id": "ok", "text": Z_TEXT}).encode() + b"\n")
    (d / "tmp").unlink()
    return str(path)


def _claims_file(d: Path, size: int) -> str:
    """A claims file of ``size`` bytes: real records of the two articles, repeated with new ids."""
    out = subprocess.run([CLAIMKIT, "extract", str(d / "a.txt"), str(d / "z.txt"), "--backend", "rules"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    path = d / "claims.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        n = written = 0
        while written < size:
            for line in out:
                n += 1
                rec = json.loads(line)
                rec["document"]["id"] = f"doc{n}"
                for claim in rec["claims"]:  # each copy its own document and claim ids
                    claim["doc_id"], claim["id"] = f"doc{n}", f"{claim['id']}-{n}"
                text = json.dumps(rec, ensure_ascii=False) + "\n"
                fh.write(text)
                written += len(text.encode())
    return str(path)


def _fifo(d: Path) -> str:
    os.mkfifo(d / "pipe.txt")
    return str(d / "pipe.txt")


def _fifo_folder(d: Path) -> str:
    (d / "folder").mkdir()
    os.mkfifo(d / "folder" / "pipe.txt")
    return str(d / "folder")


Make = Callable[[Path], str]
#: name -> (make the bad input, extra arguments, command)
CASES: dict[str, tuple[Make | None, tuple[str, ...], str]] = {
    "baseline (two articles)": (None, (), "extract"),
    "100 MB .txt (over the 10 MB limit)": (lambda d: _prose(d, 100 * MB, "big.txt"), (), "extract"),
    "9 MB .txt prose (under the limit)": (lambda d: _prose(d, 9 * MB, "nine.txt"), (), "extract"),
    "5 MB CJK, no punctuation": (lambda d: _write(d / "cjk.txt", 5 * MB, "北约防长讨论安全保障".encode())
                                 or str(d / "cjk.txt"), (), "extract"),
    "30 MB line, no spaces (over the limit)": (lambda d: _write(d / "line.txt", 30 * MB, b"a")
                                               or str(d / "line.txt"), (), "extract"),
    "9 MB line, no spaces": (lambda d: _write(d / "line9.txt", 9 * MB, b"a") or str(d / "line9.txt"),
                             (), "extract"),
    "100 MB JSONL line + a good line": (_jsonl_huge_line, (), "extract"),
    "10 MB JSONL, 5M-deep nesting": (lambda d: (d / "deep.jsonl").write_bytes(
        b"[" * (5 * MB) + b"]" * (5 * MB) + b"\n") and str(d / "deep.jsonl"), (), "extract"),
    "HTML, 50,000 nested divs": (lambda d: (d / "divs.html").write_text(
        "<html><body>" + "<div>" * 50_000 + "x" + "</div>" * 50_000 + "</body></html>")
        and str(d / "divs.html"), (), "extract"),
    "FIFO named directly": (_fifo, (), "extract"),
    "FIFO inside a folder": (_fifo_folder, (), "extract"),
    "validate, 200 MB claims file": (lambda d: _claims_file(d, 200 * MB), (), "validate"),
    "view, 200 MB claims file": (lambda d: _claims_file(d, 200 * MB), (), "view"),
}


def _peak(pid: int, peak: list[int]) -> None:
    """Peak RSS from /proc, sampled (wait4 gives it too; this also works past a timeout)."""
    while True:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]) * 1024)
        except OSError:
            return
        time.sleep(0.05)


def _run(args: list[str]) -> tuple[float, int, int, str]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    threading.Thread(target=_peak, args=(proc.pid, peak), daemon=True).start()
    try:
        _, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        return time.perf_counter() - t0, peak[0], -9, f"TIMEOUT after {TIMEOUT:.0f} s"
    lines = [ln for ln in err.decode("utf-8", "replace").splitlines() if not ROUTINE.match(ln)]
    return time.perf_counter() - t0, peak[0], proc.returncode, " | ".join(lines)[:160]


def _args(command: str, bad: str | None, d: Path) -> list[str]:
    if command == "validate":
        return [CLAIMKIT, "validate", "--fail-on", "never", str(bad)]
    if command == "view":
        return [CLAIMKIT, "view", str(bad), "-o", str(d / "report.html")]
    files = [str(d / "a.txt"), *([bad] if bad else []), str(d / "z.txt")]
    return [CLAIMKIT, "extract", *files, "-o", str(d / "out.jsonl"), "--backend", "rules", "-q"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="case names containing these words")
    chosen = parser.parse_args().only
    baseline = None
    print(f"{'case':42} {'time':>8} {'ratio':>7} {'peak RSS':>9} exit  message")
    for name, (make, extra, command) in CASES.items():
        if chosen and make is not None and not any(w in name for w in chosen):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            (d / "a.txt").write_text(A_TEXT, encoding="utf-8")
            (d / "z.txt").write_text(Z_TEXT, encoding="utf-8")
            bad = make(d) if make is not None else None
            seconds, rss, code, message = _run([*_args(command, bad, d), *extra])
        baseline = baseline or seconds
        print(f"{name:42} {seconds:7.2f}s {seconds / baseline:6.1f}x {rss / MB:7.0f}MB {code:4}  {message}",
              flush=True)


if __name__ == "__main__":
    main()
