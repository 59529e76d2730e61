"""A reply's JSON read as a careful reader would read it.

Models and servers wrap the object they were asked for in other things: the
JSON in the message content instead of a tool call, in a ```json fence, with
prose before and after; the tool call's arguments double-encoded (a JSON
string holding the JSON), written as a Python literal (single quotes,
``None``, ``True``), with trailing commas; the list of claims without
``{"claims": ...}`` around it, or the object inside one more object named
after the function. :func:`read_json` reads such text (json-repair, a
maintained library made for exactly this, after a strict ``json.loads``) and
:func:`claims_payload` finds the ``{"claims": [...]}`` object in what it read.

:func:`strict_payload` says whether a text is the object as it is, with no
repair: a reply cut off at the token limit (``finish_reason == "length"``) is
accepted only then; a repaired cut-off reply would lose its end unseen.

Neither openai nor instructor is imported here.
"""

from __future__ import annotations

import json
from typing import Any

import json_repair

from claimkit.extract.llm.coerce import says_nothing

__all__ = ["claims_payload", "read_json", "strict_payload"]

#: how many times a JSON string holding JSON is decoded again
_MAX_DECODES = 2

#: how deep below the top a ``claims`` member is looked for in wrappers of other names
_MAX_DEPTH = 4

#: members a model wraps the arguments in (the function's name is another)
_WRAPPERS = ("arguments", "parameters", "input", "properties", "result", "data", "output")


def read_json(text: str) -> Any:
    """The JSON value in ``text``, strictly parsed when it is JSON, else repaired
    (fences, prose around it, Python literals, trailing commas, a JSON string
    holding JSON); None when there is none, or when it is nested past Python's
    recursion limit (instructor's parser then refuses it: a re-ask)."""
    value: Any = text
    for _ in range(_MAX_DECODES + 1):
        if not isinstance(value, str):
            return value
        value = _parse(value)
        if value is None:
            return None
    return value if not isinstance(value, str) else None


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        return None  # nested past any claim's depth: no repair either (a re-ask)
    except ValueError:
        pass
    try:
        repaired = json_repair.loads(text)
    except RecursionError:
        return None
    # json-repair gives "" for text without JSON, and any text back as a string
    if repaired == "" or (isinstance(repaired, str) and repaired.strip() == text.strip()):
        return None
    return repaired


def claims_payload(value: Any, name: str | None = None) -> dict[str, Any] | None:
    """``{"claims": [...]}`` from what a reply holds: that object, the list of claims
    itself, one claim alone, or the object inside wrappers (``{"ExtractedClaims":
    {...}}``, ``{"arguments": {...}}``, or the one member of other names that holds
    it: ``{"status": "ok", "response": {"result": {...}}}``); None when there is no
    list of claims, or when two members hold one (nothing is chosen between them)."""
    for _ in range(_MAX_DEPTH + 1):
        if isinstance(value, list):
            wrapped = [v["claims"] for v in value if isinstance(v, dict)
                       and isinstance(v.get("claims"), list)]
            if wrapped:  # several objects, some of them {"claims": [...]}: those
                return {"claims": [c for claims in wrapped for c in claims]}
            return {"claims": value}
        if not isinstance(value, dict):
            return None
        if "claims" in value:
            claims = _claims_member(value["claims"])
            return {**value, "claims": claims} if isinstance(claims, list) else None
        if "type" in value and "quotes" in value:  # one claim alone
            return {"claims": [value]}
        grouped = _grouped(value, least=2)
        if grouped is not None:
            return {"claims": grouped}
        inner = [value[k] for k in (name, *_WRAPPERS) if k and isinstance(value.get(k), dict)]
        if not inner and len(value) == 1:
            inner = [v for v in value.values() if isinstance(v, (dict, list))]
        if not inner:
            inner = [v for v in value.values() if _holds_claims(v)]
            if len(inner) != 1:
                return None
        value = inner[0]
    return None


def _claims_member(claims: Any) -> Any:
    """The ``claims`` member as a list: the list itself encoded once more, one claim
    alone, claims grouped by type; nothing (null, ``""``, ``"none"``, ``"N/A"``) is no
    claims."""
    if isinstance(claims, str):
        if says_nothing(claims):
            return []
        claims = read_json(claims)  # the list itself encoded once more
    if claims is None:
        return []
    if isinstance(claims, dict):
        grouped = _grouped(claims, least=1)
        return grouped if grouped is not None else [claims]
    return claims


def _grouped(value: dict[str, Any], least: int) -> list[Any] | None:
    """Claims grouped under their type, ``{"pledges": [{...}], "meetings": [{...}]}``
    (at least ``least`` groups, every member a list of objects), as one list; each
    claim without a ``type`` gets its group's name (read as a type by salvage:
    ``"pledges"`` is ``pledge``). None when ``value`` is not such an object."""
    if len(value) < least or "type" in value or not all(
            isinstance(v, list) and all(isinstance(c, dict) for c in v) for v in value.values()):
        return None
    return [c if "type" in c else {**c, "type": name}
            for name, group in value.items() for c in group]


def _holds_claims(value: Any, depth: int = _MAX_DEPTH) -> bool:
    """``value`` is, or holds within ``depth`` levels of objects, an object with a
    ``claims`` member (``{"status": "ok", "response": {"result": {"claims": ...}}}``)."""
    if not isinstance(value, dict) or depth < 0:
        return False
    return "claims" in value or any(_holds_claims(v, depth - 1) for v in value.values())


def strict_payload(text: str | None) -> bool:
    """``text`` is a complete JSON object with a ``claims`` list, as it is (no repair)."""
    if not text:
        return False
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and isinstance(value.get("claims"), list)
