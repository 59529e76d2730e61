"""Time loading the sample articles (not a test: prints its figures).

Run from the repo root:  .venv/bin/python bench/documents.py

Each case runs in a fresh interpreter so import and model-loading costs are
counted the way a command-line run sees them.
"""

from __future__ import annotations

import os
import subprocess
import sys

CASE = r"""
import time
t0 = time.perf_counter()
from claimkit.documents import load_documents
t1 = time.perf_counter()
docs = list(load_documents(["examples/articles"]))
t2 = time.perf_counter()
for _ in range(20):
    list(load_documents(["examples/articles"]))
t3 = time.perf_counter()
print(f"{len(docs)} documents; import {t1 - t0:.3f} s; first load {t2 - t1:.3f} s; "
      f"warm load {(t3 - t2) / 20:.3f} s")
"""


def main() -> None:
    for label, env in (("fresh process", {}),):
        out = subprocess.run(
            [sys.executable, "-c", CASE],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        print(f"{label}: {out}")


if __name__ == "__main__":
    main()
