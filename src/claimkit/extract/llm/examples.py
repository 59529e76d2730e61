"""Few-shot examples: annotated articles shown to the model before the article.

An examples file is JSONL in the gold format of ``examples/gold/`` (one
claim a line: ``doc``, ``type``, ``actor``, ``evidence``, ``date``,
``modality``, ``attributes``; see examples/gold/GUIDELINES.md), plus one
line per example article giving its text::

    {"doc": "ex1", "text": "Paris, 3 March. France will send 2,000 troops ...",
     "published": "2025-03-03"}
    {"doc": "ex1", "type": "pledge", "actor": ["France"], "evidence": ["France will send
     2,000 troops"], "date": null, "modality": "firm", "attributes": {"recipient":
     "Ukraine", "what": "troops", "amount": 2000, "unit": "troops"}}

Each example becomes a user message (the article, framed as the real one is)
and an assistant message (the claims, in the shape of the reply the model
is asked for). The file is checked as it is read: every quote must be in its
article and every claim must fit the claim schema; a bad line is named
(``FILE:LINE: reason``). The examples are part of the prompt version, so a
changed file is a new cache key.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimkit.errors import ConfigError, InputError, SchemaError
from claimkit.extract.llm.prompts import SALVAGE_NOTES, build_messages, response_model
from claimkit.io import parse_json, read_settings
from claimkit.schemas import ClaimBase, Document, claim_model, claim_traits

__all__ = ["Example", "example_messages", "examples_digest", "load_examples"]

#: gold attributes that fill a structured field: (field, {gold name: member})
_STRUCTURED = {
    "quantity": {"amount": "value", "unit": "unit"},
    "participant_count": {"participant_count": "value", "count_qualifier": "qualifier"},
}


@dataclass(frozen=True)
class Example:
    """One annotated article: the document and its claims in the reply's shape."""

    document: Document
    claims: tuple[dict[str, Any], ...]


def _actor(name: Any) -> dict[str, Any]:
    return {"text": str(name), "name": str(name)}


def _attributes(model: type[ClaimBase], attrs: dict[str, Any]) -> dict[str, Any]:
    """Gold attributes as the claim's fields (names become actors, amount and unit
    a quantity); an attribute the type does not have raises ValueError."""
    fields = model.model_fields
    kinds = claim_traits(model).field_kinds
    out: dict[str, Any] = {}
    rest = dict(attrs)
    for name, members in _STRUCTURED.items():
        if name in fields and any(k in rest for k in members):
            out[name] = {m: rest.pop(k) for k, m in members.items() if k in rest}
    for key, value in rest.items():
        if key not in fields:
            raise ValueError(f"attribute {key!r} is not a field of {model.__name__}")
        if kinds.get(key) == "actors":
            value = [_actor(v) for v in value] if isinstance(value, list) else _actor(value)
        out[key] = value
    return out


def _reply_claim(line: dict[str, Any]) -> dict[str, Any]:
    """One gold line as a claim of the reply the model is asked for."""
    model = claim_model(str(line.get("type")))
    evidence = line.get("evidence")
    if not isinstance(evidence, list) or not evidence:
        raise ValueError("a claim needs evidence: a list of quotes")
    claim: dict[str, Any] = {
        "type": line["type"],
        "quotes": [str(q) for q in evidence],
        "actor": [_actor(n) for n in line.get("actor") or []],
    }
    if line.get("date"):
        claim["date"] = {"value": str(line["date"])}
    if line.get("modality") is not None:
        claim["modality"] = line["modality"]
    claim.update(_attributes(model, dict(line.get("attributes") or {})))
    return claim


def _checked(claim: dict[str, Any], text: str) -> dict[str, Any]:
    """The claim as the reply model reads it; ValueError for a value it would drop
    or a quote that is not in the article."""
    missing = [q for q in claim["quotes"] if q not in text]
    if missing:
        raise ValueError(f"quote not in the example's text: {missing[0]!r}")
    notes: list[str] = []
    token = SALVAGE_NOTES.set(notes)
    try:
        reply = response_model([claim["type"]]).model_validate({"claims": [claim]})
    except ValidationError as exc:
        raise ValueError(f"does not fit the claim schema: {exc.errors()[0]['msg']}") from None
    finally:
        SALVAGE_NOTES.reset(token)
    if notes:
        raise ValueError(f"does not fit the claim schema: {notes[0]}")
    dumped: dict[str, Any] = reply.model_dump(mode="json", exclude_none=True)["claims"][0]
    return dumped


def _read_lines(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:  # bounded, and a FIFO or a device (/dev/urandom) refused without a read
        text = read_settings(path, what="examples")
    except InputError as exc:
        raise ConfigError(f"examples {exc}") from None
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = parse_json(line)
        except ValueError as exc:
            raise ConfigError(f"{path}:{number}: not JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("doc"), str):
            raise ConfigError(f'{path}:{number}: each line is an object with a "doc"')
        rows.append((number, data))
    return rows


def load_examples(path: str | os.PathLike[str]) -> list[Example]:
    """The examples of a file (see the module docstring), in the file's order.

    Raises:
        ConfigError: the file cannot be read, or a line is not valid; the
            message names the file, the line and the reason.
    """
    path = Path(path)
    rows = _read_lines(path)
    docs: dict[str, Document] = {}
    for number, data in rows:
        if "text" in data:
            try:
                docs[data["doc"]] = Document.model_validate(
                    {k: data[k] for k in ("text", "title", "published", "language") if k in data}
                    | {"id": data["doc"]})
            except ValidationError as exc:
                raise ConfigError(f"{path}:{number}: {exc.errors()[0]['msg']}") from None
    claims: dict[str, list[dict[str, Any]]] = {doc: [] for doc in docs}
    for number, data in rows:
        if "text" in data:
            continue
        if data["doc"] not in docs:
            raise ConfigError(f'{path}:{number}: no line gives the text of "{data["doc"]}"')
        try:
            claims[data["doc"]].append(_checked(_reply_claim(data), docs[data["doc"]].text))
        except (ValueError, KeyError, TypeError, SchemaError) as exc:
            raise ConfigError(f"{path}:{number}: {exc}") from None
    if not docs:
        raise ConfigError(f'examples {path}: no example article (a line with "doc" and "text")')
    return [Example(docs[doc], tuple(claims[doc])) for doc in docs]


def example_messages(
    examples: Sequence[Example], types: Sequence[str] | None = None
) -> list[dict[str, str]]:
    """User and assistant messages showing each example (claims of other types than
    ``types`` left out, so that the examples never ask for what the schema does not)."""
    messages: list[dict[str, str]] = []
    for example in examples:
        shown = [c for c in example.claims if types is None or c["type"] in types]
        user = build_messages(example.document, example.document.text, types=types)[1]
        reply = json.dumps({"claims": shown}, ensure_ascii=False)
        messages += [user, {"role": "assistant", "content": reply}]
    return messages


def examples_digest(messages: Sequence[dict[str, str]]) -> str:
    """A short digest of example messages (part of the prompt version)."""
    return hashlib.sha256(json.dumps(list(messages), sort_keys=True,
                                     ensure_ascii=False).encode("utf-8")).hexdigest()[:8]
