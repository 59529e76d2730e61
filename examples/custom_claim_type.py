"""Add a claim type of your own (a sanction) and see it flow through claimkit.

The new type is a Pydantic model registered with claimkit. It then appears in
extraction output (JSONL), in the exported JSON Schema and in evaluation,
exactly like the built-in pledge / refusal / warning / meeting types.

Here a FunctionBackend (a plain function; no model, no network) proposes the
claims so the example is deterministic. With the openai backend the same
registered type is extracted by the model from its field descriptions.

Run from the repository root:  python examples/custom_claim_type.py
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import Field

import claimkit
from claimkit.evaluate import evaluate
from claimkit.io import read_records, schema_documents, write_records
from claimkit.schemas import Actor, ClaimBase, Document, register_claim_type


@register_claim_type
class Sanction(ClaimBase):
    """An actor imposes, extends or lifts sanctions on a target."""

    definition = "An actor imposes, extends or lifts sanctions on a target country, person or body."
    type: Literal["sanction"] = "sanction"
    target: list[Actor] = Field(default_factory=list, description="Who the sanctions hit.")
    action: Literal["impose", "extend", "lift"] | None = Field(
        default=None, description="Whether sanctions are imposed, extended or lifted."
    )


TEXT = (
    "The European Union imposed new sanctions on Russia on Monday. "
    "Hungary said it would block the package. "
    "Washington extended sanctions on three banks."
)


def propose_sanctions(document: Document) -> list[claimkit.Draft]:
    """A toy rule: each sentence with 'sanctions' and a verb of action is a claim."""
    drafts = []
    for match in re.finditer(r"[^.]*\b(imposed|extended|lifted) (?:new )?sanctions[^.]*", document.text):
        verb = {"imposed": "impose", "extended": "extend", "lifted": "lift"}[match.group(1)]
        sentence = match.group(0).strip()
        start = document.text.index(sentence, match.start())
        drafts.append(
            claimkit.Draft(
                type="sanction",
                fields={"action": verb, "summary": sentence},
                spans=(claimkit.Span(start=start, end=start + len(sentence), text=sentence),),
            )
        )
    return drafts


document = Document(id="sanctions-demo", text=TEXT, language="en")
records = claimkit.extract([document], backend=claimkit.FunctionBackend(propose_sanctions, name="toy-rules"))

with tempfile.TemporaryDirectory() as tmp:
    # 1. extraction output: JSONL, read back as the registered model
    out = Path(tmp) / "claims.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        write_records(records, fh)
    back = list(read_records(out))
    sanctions = [c for r in back if isinstance(r, claimkit.DocumentClaims) for c in r.claims if isinstance(c, Sanction)]
    print(f"{len(sanctions)} sanction claims:", [c.action for c in sanctions])

    # 2. JSON Schema: the type has its own file and is part of the claim union
    schemas = schema_documents()
    assert "claim.sanction.schema.json" in schemas
    assert "sanction" in schemas["claim.schema.json"]["discriminator"]["mapping"]
    print("JSON Schema fields:", sorted(schemas["claim.sanction.schema.json"]["properties"]))

    # 3. evaluation against gold lines of the new type
    gold = Path(tmp) / "gold"
    gold.mkdir()
    (gold / "sanctions-demo.jsonl").write_text(
        json.dumps({"doc": "sanctions-demo", "type": "sanction", "actor": ["European Union"],
                    "evidence": ["The European Union imposed new sanctions on Russia"], "date": None,
                    "modality": "firm", "attributes": {}}) + "\n",
        encoding="utf-8",
    )
    scores = evaluate(gold, back).to_dict()
    print("sanction scores:", scores["by_type"]["sanction"])
