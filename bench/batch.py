"""``claimkit batch prepare`` on N documents (default 10,000): time, files, estimate.

The documents are the sample articles repeated under distinct ids (each copy
gets its own first line, so every request differs), written to one JSONL
file; the run is the command itself (``claimkit batch prepare DOCS -o ...``,
in a subprocess: start-up, loading, chunking, request building, writing,
estimate). The baseline measured in the same run is the floor any prepare
pays: loading the same documents and serialising each one to JSON once.

Target (issue 16): 10,000 documents in under 30 s.

    .venv/bin/python bench/batch.py
    .venv/bin/python bench/batch.py --n 2000 --model gpt-4o-mini
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimkit.documents import load_documents

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, target: Path) -> int:
    """N documents from the sample articles as JSONL; their total characters."""
    samples = list(load_documents([ROOT / "examples" / "articles"]))
    chars = 0
    with open(target, "w", encoding="utf-8") as fh:
        for i in range(n):
            doc = samples[i % len(samples)]
            text = f"Copy {i} of {doc.id}.\n{doc.text}"
            chars += len(text)
            row = {"id": f"bench-{i:06d}", "text": text, "title": doc.title,
                   "language": doc.language}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return chars


def baseline(path: Path) -> float:
    """Seconds to load the documents and serialise each to JSON once."""
    start = time.perf_counter()
    for doc in load_documents([path]):
        doc.model_dump_json()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--model", default="gpt-4o-mini")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs.jsonl"
        chars = corpus(args.n, docs)
        floor = baseline(docs)
        env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
        claimkit = Path(sys.executable).with_name("claimkit")
        start = time.perf_counter()
        done = subprocess.run(
            [str(claimkit), "batch", "prepare", str(docs), "-o", str(Path(tmp) / "req.jsonl"),
             "--model", args.model], env=env, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - start
        files = sorted(Path(tmp).glob("req*.jsonl"))
        size = sum(f.stat().st_size for f in files)
    print(f"documents: {args.n} ({chars / 1e6:.1f} M characters)")
    print(done.stderr.strip())
    print(f"prepare: {wall:.1f} s wall ({args.n / wall:,.0f} documents/s), "
          f"{len(files)} file(s), {size / 2**20:.0f} MB")
    print(f"baseline (load + one JSON dump per document): {floor:.1f} s; "
          f"prepare / baseline = {wall / floor:.1f}x")
    print(f"target: < 30 s for 10,000 documents: {'met' if wall < 30 else 'NOT met'}"
          if args.n == 10_000 else "")


if __name__ == "__main__":
    main()
