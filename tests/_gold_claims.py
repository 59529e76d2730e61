"""Build claim records from gold lines, for the validator's tests and benchmark.

Generic by construction (nothing here knows a sample sentence):

* documents come from ``claimkit.documents.load_documents`` (a page holding
  several articles becomes several documents, each with its own publication
  date); each gold quote is located in the file with ``str.find`` and assigned
  to the document whose slice holds it;
* actors are ``Actor(text=name, name=name, resolved=True, kind=...)`` with the
  kind guessed from the name (a country name, an organisation word, else a person);
* a gold date becomes ``DateRef(value=..., resolution='explicit')``; a null
  gold date in a document without a publication date becomes an unresolved
  ``DateRef(raw=...)`` when dateparser finds relative date words in the
  claim's evidence (that is what an extractor would keep), else None.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimkit.schemas import (
    Actor,
    ActorKind,
    ClaimBase,
    DateRef,
    Document,
    DocumentClaims,
    Quantity,
    Span,
    claim_model,
)

_ORG_WORDS = (
    "union", "nato", "coalition", "commission", "council", "committee", "board", "nations",
    "organization", "organisation", "alliance",
)


def _kind(name: str) -> ActorKind:
    from claimkit.consistency.keys import KeyBuilder

    key = _KEYS.setdefault("kb", KeyBuilder(use_normaliser=False))
    if key._name_key(name).startswith("c:"):
        return ActorKind.country
    low = name.lower()
    if any(w in low.split() or w == low for w in _ORG_WORDS) or name.isupper():
        return ActorKind.organisation
    return ActorKind.person


_KEYS: dict[str, Any] = {}


def _actor(name: str) -> Actor:
    return Actor(text=name, name=name, resolved=True, kind=_kind(name))


def _documents(article: Path) -> list[Document]:
    try:
        from claimkit.documents import load_documents
    except ImportError:  # pragma: no cover - fallback before the loader existed
        return [Document(id=article.stem, text=article.read_text(encoding="utf-8"), source_offset=0)]
    return list(load_documents([str(article)]))


def _relative_date(evidence: list[str], language: str | None) -> DateRef | None:
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover
        return None
    for quote in evidence:
        found = search_dates(quote, languages=[language] if language else None)
        for raw, _ in found or ():
            # "Thursday", not a number; one CJK character plus a particle ("土の") is
            # dateparser reading a weekday abbreviation into an ordinary word
            short_cjk = len(raw.strip()) <= 2 and not raw.isascii()
            if not any(ch.isdigit() for ch in raw) and not short_cjk:
                return DateRef(raw=raw, resolution="unresolved")
    return None


def gold_records(gold_dir: Path, articles_dir: Path, *, optional: bool = True) -> list[DocumentClaims]:
    """One record per document, with the gold claims of the articles as claim models."""
    records: list[DocumentClaims] = []
    for gold_file in sorted(gold_dir.glob("*.jsonl")):
        article = articles_dir / f"{gold_file.stem}.txt"
        full = article.read_text(encoding="utf-8")
        docs = _documents(article)
        claims: dict[str, list[ClaimBase]] = {d.id: [] for d in docs}
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            if g.get("optional") and not optional:
                continue
            doc, spans = _locate(full, docs, g["evidence"])
            if doc is None:
                continue
            claims[doc.id].append(_claim(g, doc, spans))
        records.extend(DocumentClaims(document=d, claims=claims[d.id], backend="gold") for d in docs)
    return records


def _locate(full: str, docs: list[Document], quotes: list[str]) -> tuple[Document | None, list[Span]]:
    placed: list[tuple[Document, Span]] = []
    for q in quotes:
        i = full.find(q)
        if i < 0:
            continue
        for d in docs:
            off = d.source_offset or 0
            if off <= i and i + len(q) <= off + len(d.text):
                placed.append((d, Span(start=i - off, end=i - off + len(q), text=q)))
                break
    if not placed:
        return None, []
    doc = placed[0][0]
    return doc, [s for d, s in placed if d.id == doc.id]


def _claim(g: dict[str, Any], doc: Document, spans: list[Span]) -> ClaimBase:
    attrs = g.get("attributes", {})
    data: dict[str, Any] = {
        "doc_id": doc.id,
        "type": g["type"],
        "actor": [_actor(n) for n in g["actor"]],
        "evidence": spans,
        "modality": g.get("modality"),
    }
    if g.get("date"):
        data["date"] = DateRef(value=g["date"], resolution="explicit")
    elif doc.published is None:
        data["date"] = _relative_date([s.text for s in spans], doc.language)
    t = g["type"]
    if t == "pledge":
        data["recipient"] = _actor(attrs["recipient"]) if attrs.get("recipient") else None
        data["what"] = attrs.get("what")
        if attrs.get("amount") is not None:
            data["quantity"] = Quantity(value=attrs["amount"], unit=attrs.get("unit"))
        data["condition"] = attrs.get("condition")
    elif t == "refusal":
        data["what"] = attrs.get("what")
        data["condition"] = attrs.get("condition")
    elif t == "warning":
        data["target"] = [_actor(n) for n in attrs.get("target", [])]
        data["consequence"] = attrs.get("consequence")
        data["condition"] = attrs.get("condition")
    elif t == "meeting":
        data["participants"] = [_actor(n) for n in attrs.get("participants", [])]
        if attrs.get("participant_count") is not None:
            data["participant_count"] = Quantity(
                value=attrs["participant_count"],
                qualifier=attrs.get("count_qualifier", "exact"),
                unit=attrs.get("unit"),
            )
        data["location"] = attrs.get("location")
        data["format"] = attrs.get("format")
        data["topic"] = attrs.get("topic")
    return claim_model(t).model_validate(data)
