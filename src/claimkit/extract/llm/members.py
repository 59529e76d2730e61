"""An object of a reply whose members the model named its own way, read as ours.

Asked for a quantity's ``value``, a date's ``value`` or an actor's ``text``, a
model writes what it means under the names it would use: ``{"amount": 2000,
"unit": "troops"}``, ``{"count": 14}``, ``{"min": 800, "max": 900}``, a date as its
parts (``{"year": 2026, "month": 3, "day": 3}``) or under ``date``/``iso``/``when``,
an actor under its kind (``{"country": "France"}``). :func:`read_members` reads
these as the model's members, only when the model's own main member is missing
and only when one reading is possible (two synonyms of the value: left as they
are). :mod:`.coerce` calls it on every object a claim holds, driven by the claim
model's annotations (a user's model of the same shape gets the same).

An object that still holds none of its model's members is no value and not
nothing: :mod:`.coerce` gives it as :class:`Unreadable`, which validation refuses
and :mod:`.salvage` names (``date dropped ({start, end}: none of its members)``);
before, such a date or quantity validated as an empty object and was lost without a
word.

Pydantic only: this module imports neither openai nor instructor.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from claimkit.extract.llm.enum_words import translated_member

__all__ = ["Unreadable", "read_members", "unreadable"]


class Unreadable(str):
    """A value no reader can take, its text saying why: validation refuses it (it is
    no object) and salvage names the field with this text."""


def unreadable(data: Mapping[str, Any]) -> Unreadable:
    """The value that stands for ``data``, an object with none of its model's members."""
    names = ", ".join(str(k) for k in list(data)[:6]) + (", ..." if len(data) > 6 else "")
    return Unreadable(f"{{{names}}}: none of its members")


#: other names of a main member ``value`` (a quantity's number, a date's day)
_VALUE_NAMES = ("amount", "number", "count", "total", "figure", "date", "iso", "when")
#: the ends of a range (a quantity's ``value`` and ``value_max``)
_LOWER = ("min", "minimum", "from", "low", "lower", "lower_bound")
_UPPER = ("max", "maximum", "to", "high", "upper", "upper_bound")
#: a date's parts, in the order of an ISO date
_PARTS = ("year", "month", "day")


def _key(name: Any) -> str:
    """A member's name compared loosely: camelCase split, lower case, separators ``_``."""
    split = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", str(name))
    return re.sub(r"[\W_]+", "_", split.strip().lower()).strip("_")


def read_members(data: dict[str, Any], model: type[BaseModel], main: str | None) -> dict[str, Any]:
    """``data`` (one object of a reply, its members under the model's names where it
    gave them so) with what its other members say read as the model's members, when
    the main member ``main`` is missing: a date's parts, a range's ends, a synonym of
    ``value``, a member named after a kind. Otherwise ``data`` as it is."""
    fields = model.model_fields
    if main is None or main in data:
        return data
    others = {_key(k): v for k, v in data.items() if k not in fields}
    for reader in (_date_parts, _range, _value_synonym, _kind_named):
        read = reader(others, fields, main)
        if read is not None:
            return {**{k: v for k, v in data.items() if k in fields}, **read}
    return data


def _is_int(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.strip().isdigit())


def _date_parts(others: dict[str, Any], fields: Mapping[str, FieldInfo],
                main: str) -> dict[str, Any] | None:
    """``{"year": 2026, "month": 3, "day": 3}`` as the value ``2026-03-03`` (a year, or a
    year and a month, alone too); parts in words (``"month": "March"``) as the raw
    words ``3 March 2026``, for normalisation to resolve."""
    given = [p for p in _PARTS if p in others]
    if main != "value" or "year" not in given or set(others) - set(_PARTS):
        return None
    if given == list(_PARTS[: len(given)]) and all(_is_int(others[p]) for p in given):
        numbers = [int(others[p]) for p in given]
        return {"value": "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])}
    if "raw" not in fields:
        return None
    return {"raw": " ".join(str(others[p]) for p in reversed(_PARTS) if p in others)}


def _range(others: dict[str, Any], fields: Mapping[str, FieldInfo],
           main: str) -> dict[str, Any] | None:
    """``{"min": 800, "max": 900}`` as ``value`` 800 and ``value_max`` 900."""
    if main != "value" or "value_max" not in fields:
        return None
    lower = [k for k in _LOWER if k in others]
    upper = [k for k in _UPPER if k in others]
    if len(lower) != 1 or len(upper) != 1 or len(others) != 2:
        return None
    return {"value": others[lower[0]], "value_max": others[upper[0]]}


def _value_synonym(others: dict[str, Any], fields: Mapping[str, FieldInfo],
                   main: str) -> dict[str, Any] | None:
    """The one member under another name of ``value`` (``amount``, ``count``, ``date``)."""
    found = [k for k in _VALUE_NAMES if k in others]
    if main != "value" or len(found) != 1:
        return None
    return {"value": others[found[0]]}


def _kind_named(others: dict[str, Any], fields: Mapping[str, FieldInfo],
                main: str) -> dict[str, Any] | None:
    """``{"country": "France"}`` as ``text`` France, ``kind`` country: the one member
    whose name is a value of the model's ``kind`` (in any of the words of
    :mod:`.enum_words`: ``organization``, ``state``) and whose value is words."""
    enum = _enum_of(fields["kind"].annotation) if "kind" in fields else None
    if enum is None:
        return None
    found = [(member, value) for name, value in others.items()
             if isinstance(value, str) and value.strip()
             and (member := _member(name, enum)) is not None]
    if len(found) != 1:
        return None
    member, value = found[0]
    return {main: value, "kind": member}


def _member(name: str, enum: type[Enum]) -> Any:
    """The value of ``enum`` that ``name`` is or translates, else None."""
    values = {str(m.value): m.value for m in enum}
    if name in values:
        return values[name]
    return translated_member(name.replace("_", " "), enum)


def _enum_of(annotation: Any) -> type[Enum] | None:
    """The enum of an annotation (``ActorKind | None`` is ``ActorKind``), else None."""
    if get_origin(annotation) in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        annotation = inner[0] if len(inner) == 1 else None
    return annotation if isinstance(annotation, type) and issubclass(annotation, Enum) else None
