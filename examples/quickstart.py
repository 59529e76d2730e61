"""Extract claims from the bundled sample articles with the offline backend.

Run from the repository root:  python examples/quickstart.py
No network and no API key are needed: with no LLM endpoint configured,
claimkit uses its offline rules backend (a deterministic baseline).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import claimkit

ARTICLES = Path(__file__).parent / "articles"

documents = list(claimkit.load_documents([ARTICLES]))
records = claimkit.extract(documents)

by_type: Counter[str] = Counter()
for record in records:
    if isinstance(record, claimkit.DocumentClaims):
        by_type.update(claim.type for claim in record.claims)
print(f"{len(documents)} documents, claims by type: {dict(sorted(by_type.items()))}")

# Every claim points at the exact words of its article.
first = next(r for r in records if isinstance(r, claimkit.DocumentClaims) and r.claims)
claim = first.claims[0]
span = claim.evidence[0]
assert first.document.text[span.start : span.end] == span.text
print(f"{claim.type} in {first.document.id} [{span.start}:{span.end}]: {span.text!r}")
