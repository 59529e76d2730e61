"""Per-claim salvage of a model's reply: keep what is valid, drop and name the rest.

A model's reply is validated claim by claim (:func:`salvage_claims`). A claim
with an invalid value keeps every valid one: the invalid value is removed at
the deepest place that makes the claim validate (an actor's ``kind``, then
the actor, then the field) and named in a note (``claim 2 (pledge):
date.value dropped (String should match pattern ...)``). A claim that cannot stand (not an object, an
unknown ``type``, no quote) is dropped and named. Nothing here asks the
model again: re-asks are for replies that are not JSON at all and for quotes
that are not in the text (see :class:`~claimkit.extract.llm.core.ChunkCall`).

Pydantic only: this module imports neither openai nor instructor.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

__all__ = ["DROPPED", "salvage_claim", "salvage_claims"]

#: what a note about a claim dropped whole holds (``claim 3 (pledge) dropped: no quote``);
#: a note about one value reads ``claim 2 (pledge): date.value dropped (reason)``
DROPPED = " dropped:"

#: at most this many values are removed from one claim before it is given up
_MAX_PRUNES = 40

#: members without which a claim cannot stand
_ESSENTIAL = frozenset({"type", "quotes"})


def salvage_claims(
    claims: Any, models: Mapping[str, type[BaseModel]]
) -> tuple[list[BaseModel], list[str]]:
    """The valid claims of a reply's ``claims`` list and notes on what was dropped.

    Args:
        claims: the reply's ``claims`` member, as parsed from JSON.
        models: the reply model of each claim type, by type name.

    Returns:
        The claims as validated models (in reply order) and one note per
        value or claim dropped.
    """
    if not isinstance(claims, list):
        return [], [f"claims{DROPPED} not a list ({type(claims).__name__})"]
    kept: list[BaseModel] = []
    notes: list[str] = []
    for i, raw in enumerate(claims, 1):
        claim, claim_notes = salvage_claim(raw, models, number=i)
        notes.extend(claim_notes)
        if claim is not None:
            kept.append(claim)
    return kept, notes


def salvage_claim(
    raw: Any, models: Mapping[str, type[BaseModel]], *, number: int = 1
) -> tuple[BaseModel | None, list[str]]:
    """One claim of a reply, validated with its invalid values removed.

    Returns:
        The claim (None when it cannot stand) and the notes naming what was dropped.
    """
    if isinstance(raw, BaseModel):
        return raw, []
    type_ = raw.get("type") if isinstance(raw, dict) else None
    label = f"claim {number} ({type_})" if isinstance(type_, str) else f"claim {number}"
    if not isinstance(raw, dict):
        return None, [f"{label}{DROPPED} not an object"]
    model = models.get(type_) if isinstance(type_, str) else None
    if model is None:
        return None, [f"{label}{DROPPED} unknown claim type {type_!r}"]
    data = copy.deepcopy(raw)
    notes: list[str] = []
    for _ in range(_MAX_PRUNES):
        try:
            claim = model.model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            loc = tuple(error["loc"])
            if not loc or (loc[0] in _ESSENTIAL and len(loc) == 1):
                return None, [*notes, f"{label}{DROPPED} {_where(loc)}: {error['msg']}"]
            removed = _prune(data, loc, error["type"] == "missing")
            if removed is None:
                return None, [*notes, f"{label}{DROPPED} {_where(loc)}: {error['msg']}"]
            notes.append(f"{label}: {removed} dropped ({error['msg']})")
            continue
        if not any(isinstance(q, str) and q.strip() for q in getattr(claim, "quotes", ())):
            return None, [*notes, f"{label}{DROPPED} no quote (a claim needs evidence)"]
        return claim, notes
    return None, [*notes, f"{label}{DROPPED} too many invalid values"]


def _prune(data: dict[str, Any], loc: tuple[Any, ...], missing: bool) -> str | None:
    """Remove the value at ``loc`` (or, when a required member is missing or the
    value cannot be removed, its nearest container that can); the path removed."""
    path = list(loc[:-1] if missing else loc)
    while path:
        if path == ["quotes"]:  # the claim's evidence as a whole never goes
            return None
        parent = _walk(data, path[:-1])
        key = path[-1]
        if _has(parent, key):
            del parent[key]
            return _where(tuple(path))
        path = path[:-1]
    return None


def _has(container: Any, key: Any) -> bool:
    """``container[key]`` exists (a dict's key or a list's index)."""
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container)


def _walk(data: Any, path: list[Any]) -> Any:
    for key in path:
        if not _has(data, key):
            return None
        data = data[key]
    return data


def _where(loc: tuple[Any, ...]) -> str:
    """``('actor', 0, 'kind')`` as ``actor[0].kind``."""
    out = ""
    for key in loc:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            out += f".{key}" if out else str(key)
    return out or "claim"
