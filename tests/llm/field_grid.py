"""The field-by-field grid: one sloppy value in one field of one claim, every field of
every built-in claim type (and of its actors, date and quantities), each cell run alone
through the whole LLM path against the scripted server.

THE REPLIES ARE SCRIPTED (scripted_server.py): no model and no real endpoint is used.
Each cell's reply is a hand-written claim of :data:`ARTICLE` (the base claim of its
type, which grounds as it is) with one value written as a sloppy model writes it:
nothing written some way (null, ``""``, ``"N/A"``, ``"unknown"``, ``"не указано"``),
the right value in another shape (a list of it, an object around it, another case,
a number as a string, a member name in camelCase), or a value no reader can take
(a number where words go, ``true``, NaN, an object of translations, two values for
one). A cell says what should come back:

* ``same``: the field as in the base claim, no warning;
* ``empty``: the field empty (null, ``[]`` or its default), no warning;
* ``dropped``: the field empty and one warning line naming it;

and in every cell the claim is kept and every other field is as in the base claim
(nothing else lost). :func:`run_grid` measures them all in one run; the test
(test_llm_field_grid.py) and ``bench/llm_sloppy.py --grid`` read its result.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scripted_server import ScriptedServer, arguments, reply

#: hand-written for the grid (no article of the corpora): one claim of each type
ARTICLE = (
    "Oslo, 12 May 2026. Norway will send 1500 engineers to Moldova once the floods recede, "
    "the defence minister said on Tuesday. Austria refused to join the naval mission unless "
    "parliament approves it. Serbia warned that new tariffs would trigger a trade dispute. "
    "Ministers of 14 countries met in Vienna on Monday to discuss river safety."
)


def _actor(name: str, kind: str = "country") -> dict[str, Any]:
    return {"text": name, "name": name, "kind": kind}


#: the base claim of each type: every field the schema offers, filled rightly
BASE: dict[str, dict[str, Any]] = {
    "pledge": {
        "type": "pledge",
        "quotes": ["Norway will send 1500 engineers to Moldova once the floods recede"],
        "actor": [_actor("Norway")], "date": {"value": "2026-05-12", "raw": "12 May 2026"},
        "modality": "conditional", "attributed_to": "the defence minister",
        "summary": "Norway pledges engineers to Moldova.", "recipient": _actor("Moldova"),
        "what": "troops", "quantity": {"value": 1500, "unit": "engineers",
                                       "qualifier": "exact", "raw": "1500 engineers"},
        "condition": "once the floods recede"},
    "refusal": {
        "type": "refusal",
        "quotes": ["Austria refused to join the naval mission unless parliament approves it"],
        "actor": [_actor("Austria")], "modality": "conditional",
        "what": "joining the naval mission", "condition": "unless parliament approves it",
        "summary": "Austria refuses to join the naval mission.", "attributed_to": "state radio",
        "date": {"value": "2026-05", "raw": "in May"}},
    "warning": {
        "type": "warning",
        "quotes": ["Serbia warned that new tariffs would trigger a trade dispute"],
        "actor": [_actor("Serbia")], "target": [_actor("European Union", "organisation")],
        "consequence": "a trade dispute", "condition": "new tariffs", "modality": "firm",
        "summary": "Serbia warns of a trade dispute.", "attributed_to": "a government source",
        "date": {"value": "2026", "raw": "this year"}},
    "meeting": {
        "type": "meeting",
        "quotes": ["Ministers of 14 countries met in Vienna on Monday to discuss river safety"],
        "actor": [_actor("Austria")], "participants": [_actor("Austria"), _actor("Hungary")],
        "hosts": [_actor("Austria")], "participant_count": {"value": 14, "unit": "countries",
                                                           "qualifier": "exact"},
        "location": "Vienna", "format": "in_person", "topic": "river safety",
        "status": "held", "date": {"value": "2026-05-11", "raw": "on Monday"},
        "summary": "Ministers of 14 countries met in Vienna.", "modality": "firm",
        "attributed_to": "the host ministry"},
}

#: nothing, written every way a model writes it (expected: the field empty, no warning)
NOTHING: list[Any] = [None, "", "  ", "N/A", "unknown", "None", "-", "not specified",
                      "не указано", "不明", {}, []]

#: the fields whose values are an enum's (a refusal's ``what`` is words, a pledge's an enum)
_ENUMS = {"modality", "format", "status", "kind", "qualifier", "pledge.what"}
_ACTOR_LISTS = {"actor", "participants", "hosts", "target"}


@dataclass(frozen=True)
class Cell:
    """One sloppy value in one field of one claim, and what should come back."""

    type: str
    path: tuple[Any, ...]
    label: str
    value: Any
    expect: str  # same | empty | dropped


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every field of a base claim (type and quotes apart) and of its objects, with its
    value (an actor list's first actor stands for its actors)."""
    for key, inner in value.items():
        if not path and key in ("type", "quotes"):
            continue
        yield (*path, key), inner
        if isinstance(inner, dict):
            yield from _paths(inner, (*path, key))
        elif isinstance(inner, list) and inner and isinstance(inner[0], dict):
            yield from _paths(inner[0], (*path, key, 0))


def _values(type_: str, path: tuple[Any, ...],
            value: Any) -> Iterator[tuple[str, Any, str]]:
    """The sloppy values of one field: (label, value, expected outcome)."""
    name = path[-1]
    required_text = name == "text"  # an actor's text: filled from its name when unusable
    for i, nothing in enumerate(NOTHING):
        yield f"nothing {i} {nothing!r}", nothing, "same" if required_text else "empty"
    if isinstance(value, dict):  # an object: in a list, with members beyond the schema
        yield "object in a list", [value], "same"
        yield "members beyond the schema", {**value, "confidence": 0.9, "id": "x1",
                                            "start": 3}, "same"
        yield "a boolean", True, "dropped"
        return
    if isinstance(value, list):  # a list of actors
        yield "one actor alone", value[0], "same" if len(value) == 1 else "first"
        yield "a number", 42, "dropped"
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        yield "number as a string", str(value), "same"
        yield "number in a list", [value], "same"
        yield "number in an object", {"value": value}, "same"
        for bad in (True, "NaN", "Infinity", "a few", [value, value + 1]):
            yield f"invalid {bad!r}", bad, "dropped"
        return
    yield "in a list", [value], "same"
    yield "in an object", {"value": value}, "same"
    if name in _ENUMS or f"{type_}.{name}" in _ENUMS:
        yield "upper case", str(value).upper().replace("_", " "), "same"
        yield "no value of the enum", f"not-{value}", "dropped"
    elif name == "value":  # a date's value (a day's with its time)
        if len(str(value)) == 10:
            yield "date and time", f"{value}T09:30:00Z", "same"
        yield "slashes", str(value).replace("-", "/"), "same"
        yield "no day of the calendar", "2026-02-30", "dropped"
    for bad in (42, True, {"en": f"{value}", "fr": f"{value} (fr)"}, [value, f"{value}!"]):
        yield f"invalid {bad!r}", bad, "same" if required_text else "dropped"


def _set(claim: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(claim)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def cells() -> list[Cell]:
    """Every cell of the grid: each field of each claim type, each sloppy value."""
    out = []
    for type_, base in BASE.items():
        for path, value in _paths(base):
            for label, sloppy, expect in _values(type_, path, value):
                out.append(Cell(type_, path, label, sloppy, expect))
    return out


def claim_of(cell: Cell) -> dict[str, Any]:
    """The reply's claim of ``cell``: its type's base claim with the one sloppy value."""
    return _set(BASE[cell.type], cell.path, cell.value)


@dataclass
class Outcome:
    """What came back for one cell."""

    cell: Cell
    claims: int
    field: Any
    base_field: Any
    others_lost: list[str]
    warnings: list[str]
    failure: str | None = None

    def ok(self) -> bool:
        """The cell came back as it should (see the module docstring)."""
        if self.failure or self.claims != 1 or self.others_lost:
            return False
        expect = self.cell.expect
        if expect == "same":
            return self.field == self.base_field and not self.warnings
        if expect == "first":  # one actor of several given alone: that actor
            return self.field == self.base_field[:1] and not self.warnings
        empty = _empty(self.field, _default(self.cell.path))
        return empty and len(self.warnings) == (1 if expect == "dropped" else 0)


def _default(path: tuple[Any, ...]) -> Any:
    """The default of a quantity's member (its ``qualifier`` is ``exact``), else None."""
    from claimkit.schemas import Quantity

    if len(path) == 2 and path[0] in ("quantity", "participant_count"):
        return Quantity.model_fields[path[1]].default
    return None


def _empty(value: Any, default: Any = None) -> bool:
    """Nothing: null, ``[]``, ``{}``, the field's default, or an object of nothing."""
    if value in (None, [], {}) or (default is not None and value == default):
        return True
    return isinstance(value, dict) and all(v in (None, "exact", []) for v in value.values())


def _top(claim: Any, name: str) -> Any:
    value = getattr(claim, name, None)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=False)
    if isinstance(value, list):
        return [v.model_dump(mode="json") if hasattr(v, "model_dump") else v for v in value]
    return value.value if hasattr(value, "value") and not isinstance(value, dict) else value


def _compared(claim: Any, path: tuple[Any, ...]) -> Any:
    value = _top(claim, path[0])
    for key in path[1:]:
        if isinstance(value, list) and isinstance(key, int):
            value = value[key] if len(value) > key else None
        elif isinstance(value, dict):
            value = value.get(key)
        else:
            return None
    return value


#: members of a built claim that are the library's, not the reply's
_LIBRARY = ("id", "doc_id", "evidence", "ungrounded", "type")


def _fields(claim: Any) -> list[str]:
    return [n for n in type(claim).model_fields if n not in _LIBRARY]


def _marker(i: int) -> str:
    return f"[grid cell {i}]"


def run_grid(backend_factory: Any, grid: list[Cell] | None = None,
             concurrency: int = 8) -> list[Outcome]:
    """Every cell of ``grid`` (default: :func:`cells`) as one document against one
    scripted server, with the base claims as the reference; ``backend_factory(server)``
    makes the LLM backend. Normalisation is off: this measures how a reply is read."""
    from claimkit.extract.pipeline import aextract
    from claimkit.schemas import Document, DocumentClaims

    grid = cells() if grid is None else grid
    bases = list(BASE)
    docs = [Document(id=f"base-{t}", text=f"{ARTICLE}\n{_marker(-1 - i)}", language="en",
                     published="2026-05-12") for i, t in enumerate(bases)]
    docs += [Document(id=f"cell-{i}", text=f"{ARTICLE}\n{_marker(i)}", language="en",
                      published="2026-05-12") for i in range(len(grid))]
    with ScriptedServer({}) as server:
        for i, t in enumerate(bases):
            server.script(_marker(-1 - i), reply([BASE[t]]))
        for i, cell in enumerate(grid):
            server.script(_marker(i), *[reply([claim_of(cell)])] * 3)
        records = asyncio.run(aextract(docs, backend=backend_factory(server),
                                       concurrency=concurrency, normalize=False)).records
    by_id = {r.document.id if hasattr(r, "document") else r.doc_id: r for r in records}
    base_claims = {t: by_id[f"base-{t}"].claims[0] for t in bases}
    out = []
    for i, cell in enumerate(grid):
        record = by_id[f"cell-{i}"]
        base = base_claims[cell.type]
        if not isinstance(record, DocumentClaims):
            out.append(Outcome(cell, 0, None, None, [], [], failure=str(record.kind)))
            continue
        claims = record.claims
        got = claims[0] if claims else None
        others = [] if got is None else [
            n for n in _fields(base) if n != cell.path[0] and _top(got, n) != _top(base, n)]
        out.append(Outcome(cell, len(claims), _compared(got, cell.path) if got else None,
                           _compared(base, cell.path), others, list(record.warnings)))
    return out


def top_level_replies() -> list[tuple[str, str, int]]:
    """Whole replies written sloppily around the base claims: (label, the tool call's
    arguments as text, claims expected back). The claims are the four base claims."""
    import json

    claims = [BASE[t] for t in BASE]

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    cased = [{k[:1].upper() + k[1:]: v for k, v in c.items()} for c in claims]
    camel = [{("attributedTo" if k == "attributed_to" else "participantCount"
               if k == "participant_count" else k): v for k, v in c.items()} for c in claims]
    evidence = [{("evidence" if k == "quotes" else k): v for k, v in c.items()} for c in claims]
    return [
        ("as asked", dump({"claims": claims}), 4),
        ("wrapped in another key", dump({"result": {"claims": claims}}), 4),
        ("the list alone", dump(claims), 4),
        ("one claim, not in a list", dump({"claims": claims[0]}), 1),
        ("types in capitals and plural", dump({"claims": [
            {**c, "type": c["type"].upper() + "S"} for c in claims]}), 4),
        ("an unknown type beside them", dump({"claims": [*claims, {**claims[0],
                                                                   "type": "opinion"}]}), 4),
        ("each claim twice", dump({"claims": claims + claims}), 4),
        ("in a markdown fence", "```json\n" + dump({"claims": claims}) + "\n```", 4),
        ("prose after the JSON", dump({"claims": claims}) + "\nI hope this helps!", 4),
        ("member names capitalised", dump({"Claims": cased}), 4),
        ("member names in camelCase", dump({"claims": camel}), 4),
        ("quotes as 'evidence'", dump({"claims": evidence}), 4),
        ("claims grouped by type", dump({t + "s": [BASE[t]] for t in BASE}), 4),
        ("claims grouped by type inside claims", dump({"claims": {t: [BASE[t]] for t in BASE}}),
         4),
        ("claims in a list in the list", dump({"claims": [claims]}), 4),
        ("claims null (none found)", dump({"claims": None}), 0),
        ("claims 'none' (none found)", dump({"claims": "none"}), 0),
    ]


def run_top_level(backend_factory: Any) -> list[tuple[str, int, int, str | None]]:
    """Each of :func:`top_level_replies` as one document: (label, claims expected, claims
    back, failure kind or None)."""
    from claimkit.extract.pipeline import aextract
    from claimkit.schemas import Document, DocumentClaims

    replies = top_level_replies()
    docs = [Document(id=f"reply-{i}", text=f"{ARTICLE}\n{_marker(i)}", language="en",
                     published="2026-05-12") for i in range(len(replies))]
    with ScriptedServer({}) as server:
        for i, (_, text, _) in enumerate(replies):
            server.script(_marker(i), *[arguments(text)] * 3)
        records = asyncio.run(aextract(docs, backend=backend_factory(server), concurrency=4,
                                       normalize=False)).records
    by_id = {r.document.id if hasattr(r, "document") else r.doc_id: r for r in records}
    out = []
    for i, (label, _, expected) in enumerate(replies):
        record = by_id[f"reply-{i}"]
        if isinstance(record, DocumentClaims):
            out.append((label, expected, len(record.claims), None))
        else:
            out.append((label, expected, 0, str(record.kind)))
    return out
