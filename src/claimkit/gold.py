"""Loading gold claims: the reference answers ``claimkit eval`` scores against.

A gold directory holds one ``*.jsonl`` file per article, named after the
article file; each line is one claim (format in ``examples/gold/GUIDELINES.md``)::

    {"doc": "000_ae73...", "type": "pledge", "actor": ["Canada"],
     "evidence": ["Canada committed an additional $500 million"], "date": "2025-08-24",
     "modality": "firm", "attributes": {"what": "money"}, "optional": false}

:func:`load_gold` reads a directory (or one file) into :class:`GoldClaim`
objects. A malformed line raises :class:`~claimkit.errors.InputError` naming
the file and the line, so the annotator can fix it. A line that repeats a
claim already read (the same document, type, quotes, actors, date, modality,
attributes and optional flag) is one gold claim: it is dropped with one
warning naming its file and line and the line it repeats.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.errors import InputError

__all__ = ["GoldClaim", "load_gold", "load_gold_file", "unique_claims"]

log = logging.getLogger(__name__)

_MODALITIES = frozenset({"firm", "conditional", "tentative"})


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim of one article.

    Attributes:
        doc: the article file name without extension (``000_ae7343512998c616``).
        type: claim type (``pledge``, ``refusal``, ``warning``, ``meeting``, or a
            user-registered type).
        actor: canonical English names of the actors.
        evidence: verbatim quotes of the article that state the claim.
        date: ISO 8601 date (``2025-03-27``, ``2025-03``, ``2025``) or None.
        modality: ``firm``, ``conditional``, ``tentative`` or None (meetings).
        attributes: type-specific attributes (``what``, ``recipient``, ...).
        optional: scored neither as missed nor as a false hit when True.
        source: ``file:line`` the claim was read from, for messages.
    """

    doc: str
    type: str
    evidence: tuple[str, ...]
    actor: tuple[str, ...] = ()
    date: str | None = None
    modality: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    optional: bool = False
    source: str = ""


def load_gold(path: str | os.PathLike[str]) -> list[GoldClaim]:
    """Read every gold claim of a directory of ``*.jsonl`` files (or of one file).

    Files are read in name order; other files in the directory (a README, the
    guidelines) are ignored.

    Args:
        path: a directory of ``*.jsonl`` gold files, or one such file.

    Returns:
        The claims, in file order then line order, each once (a repeated line is
        dropped with a warning).

    Raises:
        InputError: the path does not exist, holds no ``*.jsonl`` file, or a
            line is malformed (the message names the file and line).
    """
    root = Path(path)
    if root.is_file():
        return load_gold_file(root)
    if not root.is_dir():
        raise InputError(str(root), "no such gold directory or file; pass --gold DIR")
    files = sorted(root.glob("*.jsonl"))
    if not files:
        raise InputError(str(root), "holds no *.jsonl gold files (one file per article)")
    claims: list[GoldClaim] = []
    for file in files:
        claims.extend(load_gold_file(file))
    return unique_claims(claims)  # the same claim in two files (a "doc" naming another article)


def load_gold_file(path: str | os.PathLike[str]) -> list[GoldClaim]:
    """Read the gold claims of one ``*.jsonl`` file.

    Raises:
        InputError: the file cannot be read or a line is malformed.
    """
    from claimkit.io import parse_json, read_settings

    file = Path(path)
    # a FIFO or device: one line, never a read that waits or never ends; bounded memory
    text = read_settings(file, what="a gold file")
    claims = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{file}:{lineno}"
        try:
            data = parse_json(line)
        except ValueError as exc:
            raise InputError(where, f"not JSON ({exc}); one claim object per line") from None
        claims.append(_parse(data, where, default_doc=file.stem))
    return unique_claims(claims)


def _key(claim: GoldClaim) -> tuple[Any, ...]:
    """What makes two gold lines the same claim: every field but where it was read (the
    quotes and actors in any order, the attributes in any key order)."""
    attributes = json.dumps(claim.attributes, sort_keys=True, ensure_ascii=False, default=str)
    return (claim.doc, claim.type, tuple(sorted(set(claim.evidence))), tuple(sorted(claim.actor)),
            claim.date, claim.modality, attributes, claim.optional)


def unique_claims(claims: Iterable[GoldClaim]) -> list[GoldClaim]:
    """``claims`` with each claim once: a repeat (same :func:`_key`) is dropped with one
    warning naming its line and the line it repeats (before, it counted twice: a missed
    claim was two false negatives)."""
    from claimkit.io import MAX_LINE_ERRORS

    first: dict[tuple[Any, ...], str] = {}
    kept = []
    repeats = 0
    for claim in claims:
        key = _key(claim)
        if key not in first:
            first[key] = claim.source
            kept.append(claim)
            continue
        repeats += 1
        if repeats <= MAX_LINE_ERRORS:
            log.warning("%s: the same gold claim as %s; counted once", claim.source, first[key])
    if repeats > MAX_LINE_ERRORS:
        log.warning("%d more repeated gold claims counted once (not shown)", repeats - MAX_LINE_ERRORS)
    return kept


def _parse(data: Any, where: str, *, default_doc: str) -> GoldClaim:
    if not isinstance(data, dict):
        raise InputError(where, "a gold claim must be a JSON object")
    type_ = data.get("type")
    if not isinstance(type_, str) or not type_:
        raise InputError(where, "missing 'type' (pledge, refusal, warning or meeting)")
    evidence = data.get("evidence")
    if not isinstance(evidence, list) or not evidence or not all(
        isinstance(q, str) and q for q in evidence
    ):
        raise InputError(where, "'evidence' must be a non-empty list of verbatim quotes")
    actor = data.get("actor", [])
    if isinstance(actor, str):
        actor = [actor]
    if not isinstance(actor, list) or not all(isinstance(a, str) for a in actor):
        raise InputError(where, "'actor' must be a list of names")
    doc = data.get("doc", default_doc)
    if not isinstance(doc, str) or not doc:
        raise InputError(where, "'doc' must be the article file name without extension")
    date = data.get("date")
    if date is not None and not isinstance(date, str):
        raise InputError(where, "'date' must be an ISO 8601 string or null")
    modality = data.get("modality")
    if modality is not None and modality not in _MODALITIES:
        raise InputError(where, f"'modality' must be one of {sorted(_MODALITIES)} or null")
    attributes = data.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise InputError(where, "'attributes' must be an object")
    optional = data.get("optional", False)
    if not isinstance(optional, bool):
        raise InputError(where, "'optional' must be true or false")
    return GoldClaim(
        doc=doc,
        type=type_,
        evidence=tuple(evidence),
        actor=tuple(actor),
        date=date,
        modality=modality,
        attributes=dict(attributes),
        optional=optional,
        source=where,
    )
