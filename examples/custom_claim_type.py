"""A claim type of your own (a sanction), shipped as a plugin, flowing through claimkit.

The type lives in the example plugin ``examples/sanction-plugin`` (the
``claimkit-sanction`` distribution): a Pydantic model registered with
claimkit, plus cue lexicons in en, fr, de, es, it, pt and ru that teach the
offline rules backend to find it. Once registered, it appears in extraction
output (JSONL), in the exported JSON Schema and in evaluation, exactly like
the built-in pledge / refusal / warning / meeting types. No model and no
network: the rules backend reads the plugin's ``cues.json``.

Run from the repository root:  python examples/custom_claim_type.py
(``pip install examples/sanction-plugin`` makes the import below work from
anywhere; without it the plugin folder is put on the path.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import claimkit
from claimkit.evaluate import evaluate, format_table
from claimkit.extract.rules import RulesBackend
from claimkit.io import read_records, schema_documents, write_records

PLUGIN = Path(__file__).resolve().parent / "sanction-plugin"
try:
    from claimkit_sanction import Sanction  # registers the type on import
except ImportError:  # not installed: use the copy in this repository
    sys.path.insert(0, str(PLUGIN))
    from claimkit_sanction import Sanction

# 1. the offline rules backend extracts the new type from its cue file
documents = list(claimkit.load_documents([PLUGIN / "articles"]))
records = claimkit.extract(documents, backend=RulesBackend(types=["sanction"]))
for record in records:
    if isinstance(record, claimkit.DocumentClaims):
        for claim in record.claims:
            assert isinstance(claim, Sanction)
            span = claim.evidence[0]
            assert record.document.text[span.start : span.end] == span.text
            print(
                f"{record.document.language} {claim.action}: "
                f"{[a.label for a in claim.actor]} -> {[a.label for a in claim.target]} "
                f"({claim.date.value if claim.date else 'no date'}) {span.text!r}"
            )

with tempfile.TemporaryDirectory() as tmp:
    # 2. extraction output: JSONL, read back as the registered model
    out = Path(tmp) / "claims.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        write_records(records, fh)
    back = list(read_records(out))
    sanctions = [c for r in back if isinstance(r, claimkit.DocumentClaims) for c in r.claims]
    assert sanctions and all(isinstance(c, Sanction) for c in sanctions)

# 3. JSON Schema: the type has its own file and is part of the claim union
schemas = schema_documents()
assert "claim.sanction.schema.json" in schemas
assert "sanction" in schemas["claim.schema.json"]["discriminator"]["mapping"]
print("JSON Schema fields:", sorted(schemas["claim.sanction.schema.json"]["properties"]))

# 4. evaluation against the plugin's gold claims (every type: the gold has them all)
all_types = claimkit.extract(documents, backend=RulesBackend())
report = evaluate(PLUGIN / "gold", all_types)
print(format_table(report))
