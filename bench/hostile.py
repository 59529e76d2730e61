"""Time and peak memory of ``claimkit extract`` on hostile inputs (not a test: prints figures).

Run from the repo root:  .venv/bin/python bench/hostile.py [--only NAME ...]

Every case is one fresh ``claimkit extract a.txt BAD z.txt`` process (two
valid articles beside the bad input, offline rules backend), or one claims
command (``validate``, ``view``, ``eval``, ``import --db sqlite``) on a large
claims file, generated at run time in a temporary folder (nothing large is
committed). Printed per case: wall time, CPU time of the child (user+system:
moves less than wall time on a shared machine), peak RSS (bench/_rss.py),
exit code, the lines claimkit printed besides its routine ones, and the time
as a multiple of the baseline (the two valid articles alone, measured in the
same run). The target: no case over 30 s or 1 GB of RSS for inputs up to
100 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import _rss

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_hostile import A_TEXT, DE, FR, Z_TEXT  # noqa: E402  (the suite's articles)

CLAIMKIT = str(Path(sys.executable).with_name("claimkit"))
TIMEOUT = 60.0  # twice the target: a case past it is reported as a timeout
MB = 2**20
Make = Callable[[Path], str]
ROUTINE = re.compile(r"^claimkit: (backend: |\d+ documents?[ ,(]|\d+ claims, |wrote )")


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


def _jsonl_corpus(d: Path, size: int) -> str:
    """``size`` bytes of JSONL: many ordinary articles, one a line (a corpus, not a bad input)."""
    path = d / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        n = written = 0
        while written < size:
            n += 1
            line = json.dumps({"id": f"c{n}", "text": f"{A_TEXT}\n{FR}{DE}"}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode())
    return str(path)


def _html(d: Path, size: int, name: str) -> str:
    """An HTML page of ``size`` bytes of article paragraphs."""
    path = d / name
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<html><head><title>T</title></head><body><article>")
        para = f"<p>{FR}{DE}</p>\n"
        fh.write(para * max(1, size // len(para.encode())))
        fh.write("</article></body></html>")
    return str(path)


def _text(name: str, size: int, unit: bytes) -> Make:
    def make(d: Path) -> str:
        _write(d / name, size, unit)
        return str(d / name)

    return make


#: name -> (make the bad input, extra arguments, command)
CASES: dict[str, tuple[Make | None, tuple[str, ...], str]] = {
    "baseline (two articles)": (None, (), "extract"),
    "100 MB .txt (over the 10 MB limit)": (lambda d: _prose(d, 100 * MB, "big.txt"), (), "extract"),
    "9 MB .txt prose (under the limit)": (lambda d: _prose(d, 9 * MB, "nine.txt"), (), "extract"),
    "1 MB .txt prose": (lambda d: _prose(d, MB, "one.txt"), (), "extract"),
    "5 MB CJK, no punctuation": (_text("cjk.txt", 5 * MB, "北约防长讨论安全保障".encode()), (), "extract"),
    "30 MB line, no spaces (over the limit)": (_text("line.txt", 30 * MB, b"a"), (), "extract"),
    "9 MB line, no spaces": (_text("line9.txt", 9 * MB, b"a"), (), "extract"),
    "100 MB JSONL line + a good line": (_jsonl_huge_line, (), "extract"),
    "10 MB JSONL, 5M-deep nesting": (lambda d: (d / "deep.jsonl").write_bytes(
        b"[" * (5 * MB) + b"]" * (5 * MB) + b"\n") and str(d / "deep.jsonl"), (), "extract"),
    "100 MB JSONL corpus, loading only": (lambda d: _jsonl_corpus(d, 100 * MB), (), "load"),
    "10 MB JSONL corpus (extract)": (lambda d: _jsonl_corpus(d, 10 * MB), (), "extract"),
    "100 MB HTML (over the limit)": (lambda d: _html(d, 100 * MB, "big.html"), (), "extract"),
    "9 MB HTML of paragraphs, loading only": (lambda d: _html(d, 9 * MB, "nine.html"), (), "load"),
    "HTML, 50,000 nested divs": (lambda d: (d / "divs.html").write_text(
        "<html><body>" + "<div>" * 50_000 + "x" + "</div>" * 50_000 + "</body></html>")
        and str(d / "divs.html"), (), "extract"),
    "FIFO named directly": (_fifo, (), "extract"),
    "FIFO inside a folder": (_fifo_folder, (), "extract"),
    "validate, 100 MB claims file": (lambda d: _claims_file(d, 100 * MB), (), "validate"),
    "validate, 200 MB claims file": (lambda d: _claims_file(d, 200 * MB), (), "validate"),
    "view, 100 MB claims file": (lambda d: _claims_file(d, 100 * MB), (), "view"),
    "view, 200 MB claims file": (lambda d: _claims_file(d, 200 * MB), (), "view"),
    "eval, 100 MB claims file": (lambda d: _claims_file(d, 100 * MB), (), "eval"),
    "import --db sqlite, 100 MB claims file": (lambda d: _claims_file(d, 100 * MB), (), "import"),
}

#: the loader alone (decode, split, metadata) over every document of one input
_LOAD = "import sys; from claimkit.documents import load_documents; print(sum(1 for _ in load_documents(sys.argv[1:])))"


def _args(command: str, bad: str | None, d: Path) -> list[str]:
    if command == "validate":
        return [CLAIMKIT, "validate", "--fail-on", "never", "--format", "jsonl", str(bad)]
    if command == "view":
        return [CLAIMKIT, "view", str(bad), "-o", str(d / "report.html")]
    if command == "eval":
        gold = d / "gold"
        gold.mkdir()
        (gold / "doc1.jsonl").write_text(json.dumps({"doc": "doc1", "type": "pledge", "actor": ["France"],
                                                     "evidence": ["would provide 2 billion euros"]}) + "\n")
        return [CLAIMKIT, "eval", "--gold", str(gold), str(bad), "--json"]
    if command == "import":
        return [CLAIMKIT, "import", "--db", f"sqlite:///{d / 'store.db'}", str(bad)]
    if command == "load":
        return [sys.executable, "-c", _LOAD, str(bad)]
    files = [str(d / "a.txt"), *([bad] if bad else []), str(d / "z.txt")]
    return [CLAIMKIT, "extract", *files, "-o", str(d / "out.jsonl"), "--backend", "rules", "-q"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="case names containing these words")
    parser.add_argument("--timeout", type=float, default=TIMEOUT,
                        help=f"seconds before a case is killed (default {TIMEOUT:.0f}: twice the target; "
                        "more on a loaded machine, where the CPU column tells more)")
    opts = parser.parse_args()
    chosen, timeout = opts.only, opts.timeout
    baseline = None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times grow with it)")
    print(f"{'case':42} {'time':>8} {'cpu':>7} {'ratio':>7} {'peak RSS':>9} exit  message")
    for name, (make, extra, command) in CASES.items():
        if chosen and make is not None and not any(w in name for w in chosen):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            (d / "a.txt").write_text(A_TEXT, encoding="utf-8")
            (d / "z.txt").write_text(Z_TEXT, encoding="utf-8")
            bad = make(d) if make is not None else None
            res = _rss.run([*_args(command, bad, d), *extra], timeout=timeout)
        lines = [ln for ln in res.stderr.splitlines() if not ROUTINE.match(ln)]
        message = f"TIMEOUT after {timeout:.0f} s" if res.timed_out else " | ".join(lines)[:160]
        baseline = baseline or res.seconds
        print(f"{name:42} {res.seconds:7.2f}s {res.cpu:6.1f}s {res.seconds / baseline:6.1f}x "
              f"{res.peak / MB:7.0f}MB {res.returncode:4}  {message}", flush=True)


if __name__ == "__main__":
    main()
