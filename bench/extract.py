"""Speed of the offline rules backend on the sample articles (a benchmark, not a test).

Prints start-up (imports done before the clock starts are excluded), loading,
first-document warm-up (gazetteer and cue compilation happen lazily) and the
extraction time per document and in total.

    .venv/bin/python bench/extract.py [PATH ...]   # default: examples/articles
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from claimkit.documents import load_documents
from claimkit.extract import Extractor
from claimkit.extract.rules import RulesBackend


def main(argv: list[str]) -> None:
    paths = argv or [str(Path(__file__).resolve().parent.parent / "examples" / "articles")]
    t0 = time.perf_counter()
    docs = list(load_documents(paths))
    t1 = time.perf_counter()
    extractor = Extractor(RulesBackend())
    t2 = time.perf_counter()
    print(f"load {len(docs)} documents: {t1 - t0:.3f} s")
    print(f"backend construction (cue lexicons): {t2 - t1:.3f} s")
    for round_ in ("first run (builds gazetteer/date tables lazily)", "second run (warm)"):
        print(round_)
        total = 0.0
        n_claims = 0
        for doc in docs:
            s = time.perf_counter()
            record = extractor.extract_document(doc)
            e = time.perf_counter() - s
            total += e
            n_claims += len(record.claims)
            print(f"  {doc.id:<28} {len(doc.text):>6} chars {len(record.claims):>3} claims {e:.3f} s")
        print(f"  total {total:.3f} s for {len(docs)} documents, {n_claims} claims")


if __name__ == "__main__":
    main(sys.argv[1:])
