"""The report's data: documents, claims, findings and groups as compact JSON-ready dicts.

The page carries one JSON blob that a small script renders; this module builds
the pieces of that blob. Nothing here produces HTML: every string from an
article, a claim or a finding travels as data and the script sets it as text.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimkit.consistency.models import EventGroup, Finding, FindingKind, Severity
from claimkit.schemas import Actor, ClaimBase, Document, DocumentClaims, Span

__all__ = ["claim_payload", "document_payload", "dumps", "findings_payload", "group_payload"]

#: fields every claim has; the card shows them in their own places
_BASE_FIELDS = frozenset(
    {"id", "doc_id", "type", "actor", "evidence", "ungrounded", "date", "modality", "summary"}
)

#: finding kinds shown first, in this order (the ones a reader must see)
_FIRST = (FindingKind.conflict, FindingKind.stance_change, FindingKind.contradiction)
#: kinds never folded, however often they repeat in one document
_NEVER_FOLD = frozenset({*_FIRST, FindingKind.corroboration})


def dumps(value: Any) -> str:
    """Compact JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` only ever occur inside JSON strings, where their
    ``\\uXXXX`` escapes mean the same: no ``</script>`` or ``<!--`` can end
    or change the element, whatever the articles hold.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def outlet(doc: Document) -> str | None:
    """Where a document was published: the host of its URL, else its source."""
    if doc.url:
        host = urlsplit(doc.url).hostname
        if host:
            return host.removeprefix("www.")
    return Path(doc.source).name if doc.source and doc.source != "-" else doc.source


def document_payload(rec: DocumentClaims) -> dict[str, Any]:
    """One document and its claims, as the page's script reads them."""
    doc = rec.document
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "pub": doc.published.isoformat() if doc.published else None,
        "lang": doc.language,
        "outlet": outlet(doc),
        "backend": " ".join(x for x in (rec.backend, rec.model) if x) or None,
        "text": doc.text,
        "claims": [claim_payload(c, doc.text) for c in rec.claims],
    }


def _actor(a: Actor) -> list[Any]:
    return [a.text, a.name, a.iso_code, a.kind.value if a.kind else None]


def _span(s: Span, text: str) -> list[Any]:
    """``[start, end, alignment]``, plus the quoted text when it does not match the article."""
    ok = 0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.text
    out: list[Any] = [s.start, s.end, s.alignment.value]
    if not ok:
        out.append(s.text)
    return out


def claim_payload(c: ClaimBase, text: str) -> dict[str, Any]:
    """One claim: the common fields, then its type's own fields as (name, display) pairs."""
    fields = [
        [name, display(value)]
        for name, value in c.model_dump(mode="json", exclude_none=True).items()
        if name not in _BASE_FIELDS and value not in ([], {}, "")
    ]
    date = None
    if c.date is not None:
        date = {"v": c.date.value, "raw": c.date.raw, "res": c.date.resolution.value}
    return {
        "id": c.id,
        "t": c.type,
        "a": [_actor(a) for a in c.actor],
        "d": date,
        "m": c.modality.value if c.modality else None,
        "f": fields,
        "s": c.summary,
        "sp": [_span(s, text) for s in c.evidence],
        "u": list(c.ungrounded),
    }


def display(value: Any) -> str:
    """A field value as one line of text (actors by name, quantities by their words)."""
    if isinstance(value, dict):
        if "name" in value or "text" in value:
            return str(value.get("name") or value.get("text"))
        if "raw" in value and value.get("raw"):
            return str(value["raw"])
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return ", ".join(display(v) for v in value)
    return str(value)


def group_payload(g: EventGroup, outlets: Mapping[str, str | None]) -> dict[str, Any]:
    """An event group with the outlets of its documents."""
    names = sorted({o for d in g.doc_ids if (o := outlets.get(d))})
    return {
        "label": g.label, "type": g.type, "docs": g.doc_ids, "sources": g.sources,
        "langs": g.languages, "outlets": names, "from": g.date_from, "to": g.date_to,
    }


def _finding(f: Finding, claim_docs: Mapping[str, str]) -> dict[str, Any]:
    docs = list(dict.fromkeys([d for d, _ in f.spans] + [claim_docs[c] for c in f.claims if c in claim_docs]))
    return {
        "kind": f.kind, "sev": f.severity.value, "msg": f.message, "group": f.group,
        "docs": docs, "spans": [[d, s.start, s.end, s.text] for d, s in f.spans],
    }


def _rank(f: Finding) -> int:
    if f.kind in _FIRST:
        return _FIRST.index(FindingKind(f.kind))
    if f.kind == FindingKind.corroboration:
        return 6
    return 5 - f.severity.rank  # other errors 3, warnings 4, info 5


def findings_payload(
    findings: Iterable[Finding], claim_docs: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The findings, most useful first, with repeats folded into one entry per document.

    Conflicts, stance changes and contradictions come first, then other errors
    and warnings, then corroborations. A kind other than those that occurs more
    than once for the same single document (say, twelve unanchored dates) becomes
    one folded entry ``{"fold": n, "kind", "doc", "items": [...]}`` at the end.
    """
    items = [(f, _finding(f, claim_docs)) for f in findings]
    repeats = Counter(
        (f.kind, p["docs"][0]) for f, p in items if f.kind not in _NEVER_FOLD and len(p["docs"]) == 1
    )
    out: list[dict[str, Any]] = []
    folded: dict[tuple[str, str], dict[str, Any]] = {}
    for f, p in sorted(items, key=lambda fp: _rank(fp[0])):
        key = (f.kind, p["docs"][0]) if len(p["docs"]) == 1 else None
        if key is None or repeats.get(key, 0) < 2:
            out.append(p)
            continue
        entry = folded.setdefault(key, {"fold": 0, "kind": f.kind, "sev": Severity.info.value,
                                        "doc": key[1], "docs": [key[1]], "items": []})
        entry["fold"] += 1
        entry["items"].append(p)
        if f.severity.rank > Severity(entry["sev"]).rank:
            entry["sev"] = f.severity.value
    return out + list(folded.values())
