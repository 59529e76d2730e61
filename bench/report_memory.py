"""Memory and time of ``claimkit validate`` and ``claimkit view`` on large claims files.

Not a test: prints figures. For synthetic corpora of real-sized articles
(tests/_report_corpus.py: about 3,000 characters and 12 claims a document;
default 1,000, 5,000 and 20,000 documents) it runs, each in a fresh process,
and prints wall time and peak RSS (``VmHWM`` of the child):

- ``parsed``: the library's ``validate`` on the records as parsed (what
  ``claimkit validate`` did before it held them compact): the baseline;
- ``validate``: ``claimkit validate --format json`` (records held compact);
- ``view``: ``claimkit view`` with findings; ``view --no-findings``: the page alone.

Ratios are to the baseline of the same run; the findings of ``validate`` are
compared with the baseline's (they must be identical). ``--before SRC`` adds
``validate`` and ``view`` run from an older source tree (``git archive
COMMIT src | tar -x -C DIR``, then ``--before DIR/src``): before/after in one run.

Usage::

    .venv/bin/python bench/report_memory.py
    .venv/bin/python bench/report_memory.py --docs 1000 5000
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

import _rss  # noqa: E402  (bench/: the shared peak-memory helper)

from tests._report_corpus import synthetic_records  # noqa: E402

CLAIMKIT = str(Path(sys.executable).with_name("claimkit"))
MB = 2**20

_PARSED = """
import sys
from claimkit.consistency import validate
from claimkit.io import read_records
sys.stdout.write(validate(read_records(sys.argv[1])).to_json() + "\\n")
"""


def run(args: list[str], out: Path, env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Wall time, peak RSS and the sha1 of stdout of one child process."""
    res = _rss.run(args, stdout=out, env=env)
    if res.returncode not in (0, 1):
        raise SystemExit(f"{args[1:3]} failed ({res.returncode}): {res.stderr[-500:]}")
    return res.seconds, res.peak, hashlib.sha1(out.read_bytes()).hexdigest()


def corpus(folder: Path, n_docs: int) -> Path:
    path = folder / f"claims-{n_docs}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in synthetic_records(n_docs, seed=1):
            fh.write(r.model_dump_json(exclude_none=True) + "\n")
    return path


def bench(folder: Path, n_docs: int, before: str | None) -> None:
    claims = corpus(folder, n_docs)
    size = claims.stat().st_size / MB
    rows = {
        "parsed (baseline)": [sys.executable, "-c", _PARSED, str(claims)],
        "validate": [CLAIMKIT, "validate", "--format", "json", "--fail-on", "never", str(claims)],
        "view": [CLAIMKIT, "view", str(claims), "-o", str(folder / "r.html")],
        "view --no-findings": [CLAIMKIT, "view", "--no-findings", str(claims), "-o", str(folder / "r.html")],
    }
    if before:
        old = [sys.executable, "-m", "claimkit.cli"]
        rows["validate (before)"] = [*old, *rows["validate"][1:]]
        rows["view (before)"] = [*old, *rows["view"][1:]]
    base: tuple[float, int, str] | None = None
    for name, args in rows.items():
        env = {**os.environ, "PYTHONPATH": before} if before and "before" in name else None
        secs, rss, digest = run(args, folder / "out.txt", env)
        base = base or (secs, rss, digest)
        same = "" if not name.startswith("validate") else (
            "  findings identical to the baseline" if digest == base[2] else "  FINDINGS DIFFER")
        print(f"{n_docs:>6} {size:>6.0f}MB  {name:20} {secs:7.1f}s {secs / base[0]:5.2f}x "
              f"{rss / MB:7.0f}MB {rss / base[1]:5.2f}x{same}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--before", default=None, metavar="SRC", help="an older src/ to run as well")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (times grow with it)")
    print(f"{'docs':>6} {'file':>8}  {'run':20} {'time':>8} {'ratio':>6} {'peak RSS':>9} {'ratio':>6}")
    for n in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            bench(Path(tmp), n, args.before)


if __name__ == "__main__":
    main()
