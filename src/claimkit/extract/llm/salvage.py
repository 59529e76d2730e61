"""Per-claim salvage of a model's reply: keep what is valid, drop and name the rest.

A model's reply is validated claim by claim (:func:`salvage_claims`). A claim
with an invalid value keeps every valid one: the invalid value is removed at
the deepest place that makes the claim validate (an actor's ``kind``, then
the actor, then the field) and named in a note (``claim 2 (pledge):
date.value dropped (String should match pattern ...)``). A claim that cannot stand (not an object, an
unknown ``type``, no quote) is dropped and named. Nothing here asks the
model again: re-asks are for replies that are not JSON at all and for quotes
that are not in the text (see :class:`~claimkit.extract.llm.core.ChunkCall`).

Before validation, what a careful reader recovers is recovered: values in
the wrong shape (:mod:`.coerce`), a claim type in another case or form
(``"Pledge"``, ``"pledges"``) or, when its name is not one of ours
(``"promesse"``), the one type whose fields the claim has (named in a note),
quotes given as a bare string, wrapped in an object or as character offsets
into the text asked about, a claim written under its type as the only
key (``{"pledge": {...}}``), member names in another case or form (``"Type"``,
``"Quotes"``, ``"evidence"`` for the quotes), and claims in a list inside the list.

Pydantic only: this module imports neither openai nor instructor.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from claimkit.extract.llm.coerce import canonical_members, coerce_claim, snake_key
from claimkit.extract.llm.lenient import read_json, schema_values
from claimkit.extract.llm.members import Unreadable

__all__ = [
    "DROPPED",
    "collapse_notes",
    "read_quotes",
    "salvage_claim",
    "salvage_claims",
    "type_by_fields",
    "type_by_name",
]

#: what a note about a claim dropped whole holds (``claim 3 (pledge) dropped: no quote``);
#: a note about one value reads ``claim 2 (pledge): date.value dropped (reason)``
DROPPED = " dropped:"

#: at most this many values are removed from one claim before it is given up
_MAX_PRUNES = 40

#: members without which a claim cannot stand
_ESSENTIAL = frozenset({"type", "quotes"})


def salvage_claims(
    claims: Any, models: Mapping[str, type[BaseModel]], text: str | None = None
) -> tuple[list[BaseModel], list[str]]:
    """The valid claims of a reply's ``claims`` list and notes on what was dropped.

    Args:
        claims: the reply's ``claims`` member, as parsed from JSON (one claim
            object alone is read as a list of it).
        models: the reply model of each claim type, by type name.
        text: the text the model was asked about, for quotes given as offsets
            into it (None: such quotes are dropped).

    Returns:
        The claims as validated models (in reply order) and one note per
        value or claim dropped.
    """
    if isinstance(claims, dict):
        claims = [claims]
    if not isinstance(claims, list):
        return [], [f"claims{DROPPED} not a list ({type(claims).__name__})"]
    # claims in lists inside the list ([[{...}, {...}]], a reply gathered from parts), and
    # claims written as JSON strings of themselves (["{\"type\": ...}"])
    claims = [c for item in map(_decoded, claims)
              for c in (item if isinstance(item, list) else [item])]
    kept: list[BaseModel] = []
    notes: list[str] = []
    first: dict[str, int] = {}
    for i, raw in enumerate(claims, 1):
        key = _identity(raw)
        if key is not None and key in first:  # the same claim word for word: once
            notes.append(f"claim {i}{DROPPED} the same as claim {first[key]}")
            continue
        if key is not None:
            first[key] = i
        claim, claim_notes = _salvaged(raw, models, i, text)
        notes.extend(claim_notes)
        if claim is not None:
            kept.append(claim)
    return kept, collapse_notes(notes)


def _salvaged(raw: Any, models: Mapping[str, type[BaseModel]], number: int,
              text: str | None) -> tuple[BaseModel | None, list[str]]:
    """:func:`salvage_claim`, with whatever it raises costing this claim only (named):
    an error out of one claim's reading (a user's validator, a value no reader was
    made for) would otherwise fail the validation of the whole reply."""
    try:
        return salvage_claim(raw, models, number=number, text=text)
    except Exception as exc:  # one claim never costs the others
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return None, [f"claim {number}{DROPPED} could not be read ({reason})"]


def _decoded(item: Any) -> Any:
    """A claim written as a JSON string of itself (an object or a list of them) as that;
    anything else as it is."""
    if isinstance(item, str) and item.strip()[:1] in ("{", "["):
        value = read_json(item)
        if isinstance(value, (dict, list)):
            return value
    return item


def _identity(raw: Any) -> str | None:
    """A claim object's JSON with sorted keys (claims given twice word for word have the
    same); None for what is not a JSON object."""
    if not isinstance(raw, dict):
        return None
    try:
        return json.dumps(raw, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return None


_NOTE = re.compile(r"^claim (\d+)( \([^)]*\))?(:| dropped:)(.*)$", re.DOTALL)

#: more notes than this that say the same of different claims are said once
_SAME_NOTES = 3


def collapse_notes(notes: list[str]) -> list[str]:
    """``notes`` with those that say the same of more than three claims said once, in
    the place of the first (``claims 12-511 dropped: unknown claim type None (500
    claims)``): a reply of hundreds of bad claims gives a few lines, not hundreds."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for note in notes:
        m = _NOTE.match(note)
        if m is not None:
            groups.setdefault(_note_key(m), []).append(int(m.group(1)))
    out: list[str] = []
    said: set[tuple[str, ...]] = set()
    for note in notes:
        m = _NOTE.match(note)
        key = _note_key(m) if m else ()
        numbers = groups.get(key, [])
        if len(numbers) <= _SAME_NOTES:
            out.append(note)
        elif key not in said:
            said.add(key)
            out.append(f"claims {_ranges(numbers)}{key[0]}{key[1]}{key[2]} "
                       f"({len(numbers)} claims)")
    return out


def _note_key(m: re.Match[str]) -> tuple[str, ...]:
    """What a note says, apart from the claim's number: (type, kind of note, reason)."""
    return (m.group(2) or "", m.group(3), _unnumbered(m.group(4)))


def _unnumbered(text: str) -> str:
    """A note's reason with the claim it refers to left out (``the same as claim 3``
    and ``the same as claim 4`` say the same)."""
    return re.sub(r"the same as claim \d+", "the same as an earlier claim", text)


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` as ``1-3, 7``."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    shown = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs[:10]]
    return ", ".join(shown) + (", ..." if len(runs) > 10 else "")


def salvage_claim(
    raw: Any, models: Mapping[str, type[BaseModel]], *, number: int = 1,
    text: str | None = None,
) -> tuple[BaseModel | None, list[str]]:
    """One claim of a reply, validated with its invalid values removed.

    Returns:
        The claim (None when it cannot stand) and the notes naming what was dropped.
    """
    if isinstance(raw, BaseModel):
        return raw, []
    raw = _typed(_named(_unwrapped(_unschemed(raw, models), models), models), models)
    type_ = raw.get("type") if isinstance(raw, dict) else None
    label = f"claim {number} ({type_})" if isinstance(type_, str) else f"claim {number}"
    if not isinstance(raw, dict):
        return None, [f"{label}{DROPPED} not an object"]
    notes: list[str] = []
    name = type_by_name(type_, models)
    if name is None:
        name = type_by_fields(raw, models)
        if name is None:
            return None, [f"{label}{DROPPED} unknown claim type {type_!r}"]
        notes.append(f"{label}: type {type_!r} read as {name!r} (the fields it has are a "
                     f"{name}'s only)")
    model = models[name]
    data = coerce_claim({**copy.deepcopy(raw), "type": name}, model)
    if "quotes" in data:
        data["quotes"] = read_quotes(data["quotes"], text)
    claim, pruned = _validate_pruned(model, data, label)
    return claim, [*notes, *pruned]


def _validate_pruned(model: type[BaseModel], data: dict[str, Any],
                     label: str) -> tuple[BaseModel | None, list[str]]:
    """``data`` validated as ``model``, each invalid value removed at the deepest place
    that lets it validate, with one note per value removed: a required member dropped
    and then its object (an actor whose ``text`` was a number) is one note, on the
    object, saying why."""
    notes: list[str] = []
    last: tuple[str, str] | None = None  # the path removed last, and why
    for _ in range(_MAX_PRUNES):
        try:
            claim = model.model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            if isinstance(error.get("input"), Unreadable):  # it says why itself
                error = {**error, "msg": str(error["input"])}
            loc = tuple(error["loc"])
            if not loc or (loc[0] in _ESSENTIAL and len(loc) == 1):
                return None, [*notes, f"{label}{DROPPED} {_where(loc)}: {error['msg']}"]
            removed = _prune(data, loc, error["type"] == "missing")
            if removed is None:
                return None, [*notes, f"{label}{DROPPED} {_where(loc)}: {error['msg']}"]
            if last is not None and error["type"] == "missing" and removed == _where(loc[:-1]) \
                    and last[0].startswith(removed):
                notes[-1] = f"{label}: {removed} dropped ({last[0]}: {last[1]})"
            else:
                notes.append(f"{label}: {removed} dropped ({error['msg']})")
            last = (removed, error["msg"])
            continue
        if not any(isinstance(q, str) and q.strip() for q in getattr(claim, "quotes", ())):
            return None, [*notes, f"{label}{DROPPED} no quote (a claim needs evidence)"]
        return claim, notes
    return None, [*notes, f"{label}{DROPPED} too many invalid values"]


def _named(raw: Any, models: Mapping[str, type[BaseModel]]) -> Any:
    """A claim object with its members under the names of the claim fields when it
    gives them another way (``"Type"``, ``"Quotes"``, ``"attributedTo"``, ``"quote"``,
    ``"evidence"`` for the quotes: :func:`~.coerce.canonical_members`)."""
    if not isinstance(raw, dict):
        return raw
    return canonical_members(raw, _all_fields(tuple(models.values())))


@lru_cache(maxsize=16)
def _all_fields(models: tuple[type[BaseModel], ...]) -> frozenset[str]:
    """The fields of any of ``models``."""
    return frozenset(name for model in models for name in model.model_fields)


def _unwrapped(raw: Any, models: Mapping[str, type[BaseModel]]) -> Any:
    """A claim inside an object of one member of another name (``{"claim": {...}}``,
    ``{"item": {...}}``) as that claim: the member holds a claim object (a ``type``, or
    its quotes under a name that is not a claim type's: ``{"pledge": {...}}`` is left to
    :func:`_typed`) and is no claim field; anything else as it is."""
    if not isinstance(raw, dict) or len(raw) != 1:
        return raw
    ((key, value),) = raw.items()
    if not isinstance(value, dict) or key in _all_fields(tuple(models.values())):
        return raw
    members = set(_named(value, models))
    if "type" in members or ("quotes" in members and type_by_name(key, models) is None):
        return value
    return raw


def _unschemed(raw: Any, models: Mapping[str, type[BaseModel]]) -> Any:
    """A claim written as its schema echoed with the values filled in (``{"type":
    "object", "title": "Pledge", "properties": {...}}``) as the values, typed by the
    ``title`` when they have no ``type``; anything else (a claim whose ``type`` is a
    claim type's name) as it is."""
    if not isinstance(raw, dict) or type_by_name(raw.get("type"), models) is not None:
        return raw
    values = schema_values(raw)
    if values is raw or not isinstance(values, dict):
        return raw
    title = raw.get("title")
    if "type" not in values and type_by_name(title, models) is not None:
        return {**values, "type": title}
    return values


def _typed(raw: Any, models: Mapping[str, type[BaseModel]]) -> Any:
    """A claim written under its type as the only key (``{"pledge": {...}}``) as the
    claim with that type; anything else as it is."""
    if isinstance(raw, dict) and "type" not in raw and len(raw) == 1:
        ((key, value),) = raw.items()
        if isinstance(value, dict) and "type" not in value and type_by_name(key, models):
            return {**value, "type": key}
    return raw


def type_by_name(given: Any, models: Mapping[str, type[BaseModel]]) -> str | None:
    """The claim type named ``given``, as written or in another case or form
    (``"Pledge"``, ``" PLEDGES "``, ``"pledge_claim"``); None when it names none."""
    if not isinstance(given, str):
        return None
    if given in models:
        return given
    folded = {snake_key(name): name for name in models}
    key = snake_key(given)
    for candidate in (key, key.removesuffix("s"), key.removesuffix("_claim")):
        if candidate in folded:
            return folded[candidate]
    return None


def type_by_fields(raw: Mapping[str, Any], models: Mapping[str, type[BaseModel]]) -> str | None:
    """The one claim type whose fields include all of the claim's members that any
    type has, when some of them tell the types apart (``"promesse"`` with a
    ``recipient`` is a pledge); of several, the one type whose model takes those
    members as they are (a refusal's ``what`` in words is no pledge's ``what``).
    None when no type, or more than one, fits."""
    if not models:
        return None
    fields = {name: set(model.model_fields) for name, model in models.items()}
    known = set().union(*fields.values()) - {"type", "quotes"}
    common = set.intersection(*fields.values())
    members = {k for k, v in raw.items() if k in known and v not in (None, "", [], {})}
    if not members - common:
        return None  # nothing that tells one type from another
    fitting = [name for name, names in fields.items() if members <= names]
    if len(fitting) > 1:
        fitting = [name for name in fitting if _takes(name, models[name], raw, members)]
    return fitting[0] if len(fitting) == 1 else None


def _takes(name: str, model: type[BaseModel], raw: Mapping[str, Any], members: set[str]) -> bool:
    """``model`` validates ``members`` of ``raw`` (coerced to its shapes) without error."""
    data = coerce_claim({k: raw[k] for k in members}, model)
    try:
        model.model_validate({**data, "type": name, "quotes": ["-"]})
    except ValidationError:
        return False
    return True


def read_quotes(quotes: Any, text: str | None) -> Any:
    """A claim's quotes as a list of strings where the reply says them another way: a
    bare string, a quote wrapped in an object (``{"quote": ...}``), character offsets
    into ``text`` (``[start, end]``, ``{"start": .., "end": ..}``). What cannot be
    read so is left for validation to drop and name."""
    if isinstance(quotes, (str, dict)):
        quotes = [quotes]
    if not isinstance(quotes, list):
        return quotes
    if len(quotes) == 2 and all(_is_offset(q) for q in quotes):
        quotes = [quotes]  # one pair of offsets: [start, end]
    return [_read_quote(q, text) for q in quotes]


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _read_quote(quote: Any, text: str | None) -> Any:
    if isinstance(quote, dict):
        words = next((quote[k] for k in ("quote", "text", "evidence", "value")
                      if isinstance(quote.get(k), str)), None)
        if words is not None:
            return words
        quote = [quote.get("start"), quote.get("end")]
    if isinstance(quote, list) and len(quote) == 2 and all(_is_offset(q) for q in quote):
        start, end = quote
        if text is not None and 0 <= start < end <= len(text) and text[start:end].strip():
            return text[start:end]
    return quote


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
