"""A sloppy reply's claim put into the shapes its model asks for, before validation.

Models write the right value in the wrong shape: a list of one item as the
item, a single value as a list of it, a string wrapped in an object
(``{"value": "Kyiv"}``), an actor as its bare name, a date as its bare value,
an enum value in another case or spelling (``"In-Person"``), a required member
under another key (``{"entity": "France"}``) or null beside the ``name`` that
says it, a date value in another format (``"2026-02-24T00:00:00Z"``,
``"2026/02/24"``, ``"March 3rd"``). A careful reader of the reply recovers
each of these without guessing; :func:`coerce_claim` does so, driven by the
claim model's own annotations (so a user's claim type gets the same), and
:mod:`.salvage` then validates what it made and drops what is still invalid.

Members a model adds beyond the schema (``"confidence"``, an actor's
``"role"``) are ignored at every level, as they are on the claim itself.

Nothing is invented: a value is only moved, unwrapped or re-spelled; where two
readings are possible (a list of two items for a single value) the value is
left as it is, for validation to drop and name.

Pydantic only: this module imports neither openai nor instructor.
"""

from __future__ import annotations

import datetime
import re
import types
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from claimkit.extract.llm.enum_words import translated_member
from claimkit.extract.llm.numbers import ascii_digits, split_scale

__all__ = ["coerce_claim", "coerce_model", "is_calendar_date", "snake_key"]

#: keys under which models put what a required member (an actor's ``text``) says
_SYNONYMS = ("name", "entity", "actor", "label", "value", "mention", "who")

#: keys under which models wrap a plain string (``{"value": "Kyiv"}``)
_WRAPPERS = ("value", "text", "name", "label")

#: a date and time; the date part is the date (``2026-02-24T10:00:00Z``)
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d")
#: a date with its year first and another separator or none (``2026/02/24``, ``2026.2.24``,
#: ``2026-2-4``, ``20260224``)
_YEAR_FIRST = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?|(\d{2})(\d{2}))$")


def is_calendar_date(value: str) -> bool:
    """``value`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) names a year, month or day of
    the calendar: no month 13, no 30 February, no year 0."""
    parts = [int(p) for p in value.split("-")] if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) \
        else []
    if not parts or parts[0] < 1:
        return False
    try:
        datetime.date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        return False
    return True


def snake_key(text: str) -> str:
    """``text`` lower-cased, with every run of spaces, hyphens, underscores and other
    punctuation as one underscore (``"In-Person"`` and ``"in person"`` are ``in_person``)."""
    return re.sub(r"[\W_]+", "_", text.strip().lower(), flags=re.UNICODE).strip("_")


def coerce_claim(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``data`` (one claim of a reply) with each member put into its field's shape.

    ``type`` and ``quotes`` are left to the caller (see :mod:`.salvage`).
    """
    return coerce_model(data, model, skip=("type", "quotes"))


def coerce_model(
    data: Mapping[str, Any], model: type[BaseModel], *, skip: tuple[str, ...] = ()
) -> dict[str, Any]:
    """``data`` for ``model``: each known member coerced to its field's shape, a
    required string member filled from the key that says it, the others as given."""
    out = dict(data)
    fields = model.model_fields
    for name, info in fields.items():
        if name in skip or name not in out:
            continue
        value = coerce_value(out[name], info.annotation, info)
        if value is _ABSENT:
            del out[name]
        else:
            out[name] = value
    _fill_required(out, model)
    _move_off_pattern(out, fields)
    if model.model_config.get("extra") == "forbid":
        # what the model adds beyond the schema (a "confidence", a "role") is ignored,
        # as it is on the claim itself: nothing of the claim's is lost with it
        out = {k: v for k, v in out.items() if k in fields}
    return out


class _Absent:
    """The member is better left out (a null list: the field's default)."""


_ABSENT: Any = _Absent()


#: words that a model writes for "no value" in a field that is not free text
_NULL_WORDS = frozenset({"null", "none", "nil"})


def _is_empty(value: Any, kind: str) -> bool:
    """``value`` says "nothing": null, ``""`` or blanks, ``{}``, ``[]``, and in a field
    that is not free text ``"null"`` or ``"None"`` (JSON's null written as a word)."""
    if value is None:
        return True
    if isinstance(value, str):
        word = value.strip().lower()
        return not word or (kind != "str" and word in _NULL_WORDS)
    return isinstance(value, (dict, list)) and not value


def coerce_value(value: Any, annotation: Any, info: FieldInfo | None = None) -> Any:
    """``value`` in the shape ``annotation`` asks for, when it can be read so; a value
    that says "nothing" (:func:`_is_empty`) is the field's nothing, not an error."""
    kind, inner = _shape(annotation)
    if _is_empty(value, kind):
        return _ABSENT if kind == "list" else None
    if kind == "list":
        items = value if isinstance(value, list) else [value]
        coerced = [coerce_value(v, inner) for v in items]
        return [v for v in coerced if v is not None]  # an item that says nothing is none
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # a single value given as a list of it
    if kind == "model":
        return _to_model(value, inner)
    if kind in ("enum", "str"):
        value = _unwrap_string(value)
        if kind == "enum" and isinstance(value, str):
            return _enum_value(value, inner)
        return value
    if kind == "number" and isinstance(value, dict) and "value" in value:
        value = value["value"]
    if kind == "number" and isinstance(value, str):
        return _number(value)
    return value


#: digits grouped by threes with a space of any width or an apostrophe (``2 000``, ``2'000``)
_SPACED = re.compile(r"^\d{1,3}(?:[\s\u00a0\u202f'’]\d{3})+$")
#: groups of three after the same mark twice or more (``2.000.000``, ``2,000,000``)
_GROUPS = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$")
#: one mark before three digits: a thousands separator in one locale, a decimal mark in another
_AMBIGUOUS = re.compile(r"^-?\d{1,3}[.,]\d{3}$")
#: a decimal comma (``1,5``; not followed by exactly three digits, which is ambiguous)
_DECIMAL_COMMA = re.compile(r"^-?\d+,(?:\d{1,2}|\d{4,})$")


def _number(text: str) -> Any:
    """A number written with another locale's marks, as the number, when only one
    reading exists: ``2 000`` and ``2'000`` (grouped by spaces or apostrophes),
    ``2.000.000`` and ``2,000,000`` (the same mark between every group), ``1,5`` (a
    decimal comma). ``2.000`` and ``2,000`` are two thousand in one locale and two in
    another: left as they are, for validation to drop and name. Any script's digits
    count (``٢٠٠٠``, ``２０００``), and a trailing scale word multiplies (``1亿``,
    ``1,5 milyon``, ``2 тыс.``; see :mod:`.numbers`)."""
    word = ascii_digits(text.strip())
    scaled = split_scale(word)
    if scaled is None:
        value = _plain_number(word)
        return text if value == word and word == text.strip() else value
    head = _plain_number(scaled[0])
    if isinstance(head, str):  # an ambiguous head ("2.000 Mio."): not chosen between
        return text
    total = Decimal(str(head)) * 10 ** scaled[1]
    return int(total) if total == total.to_integral_value() else float(total)


def _plain_number(word: str) -> Any:
    """``word`` (ASCII digits) as a number by the rules of :func:`_number`, or a string:
    the word itself when it is no number, a sentence when it is ambiguous."""
    if _SPACED.match(word) or _GROUPS.match(word):
        return int(re.sub(r"\D", "", word))
    if _DECIMAL_COMMA.match(word):
        return float(word.replace(",", "."))
    if _AMBIGUOUS.match(word):  # pydantic would read "2.000" as 2.0 without a word
        return f"{word} (a thousands separator or a decimal mark?)"
    if re.fullmatch(r"-?\d+", word):
        return int(word)
    if re.fullmatch(r"-?\d*\.\d+", word):
        return float(word)
    return word


def _shape(annotation: Any) -> tuple[str, Any]:
    """What a field holds: list (of ``inner``), model, enum, str, number or other."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _shape(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _shape(args[0]) if len(args) == 1 else ("other", annotation)
    if origin is list:
        return "list", (get_args(annotation) or (Any,))[0]
    if origin is Literal:
        return "other", annotation
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return "model", annotation
        if issubclass(annotation, Enum):
            return "enum", annotation
        if issubclass(annotation, str):
            return "str", annotation
        if issubclass(annotation, (int, float)) and not issubclass(annotation, bool):
            return "number", annotation
    return "other", annotation


def _unwrap_string(value: Any) -> Any:
    """A string wrapped in an object (``{"value": "Kyiv"}``) as the string."""
    if isinstance(value, dict):
        strings = [v for v in value.values() if isinstance(v, str)]
        wrapped = [value[k] for k in _WRAPPERS if isinstance(value.get(k), str)]
        if wrapped:
            return wrapped[0]
        if len(strings) == 1:
            return strings[0]
    return value


def _enum_value(value: str, enum: type[Enum]) -> Any:
    """``value`` as the member of ``enum`` it spells in another case or with other
    separators (``"In-Person"`` is ``in_person``), or that it translates (``"твёрдое"``
    is ``firm``; :mod:`.enum_words`); else as given."""
    members = {snake_key(str(m.value)): m.value for m in enum}
    found = members.get(snake_key(value))
    if found is None:
        found = translated_member(value, enum)
    return value if found is None else found


def _to_model(value: Any, model: type[BaseModel]) -> Any:
    """A model's value: a dict coerced member by member, or a bare value (``"France"``,
    ``"2026-02-24"``, ``2000``) as the model's main member."""
    if isinstance(value, dict):
        out = coerce_model(value, model)
        # an object all of whose members say nothing ({"value": "", "raw": null}) is none
        return None if all(_is_empty(v, "other") for v in out.values()) else out
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        main = _main_member(model)
        if main is not None:
            return coerce_model({main: value}, model)
    return value


def _main_member(model: type[BaseModel]) -> str | None:
    """The member a bare value stands for: the one required member, else ``value``."""
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    if len(required) == 1:
        return required[0]
    return "value" if "value" in model.model_fields else None


def _fill_required(out: dict[str, Any], model: type[BaseModel]) -> None:
    """A required string member that is missing or null, filled from the key that
    says it (``name``, ``entity``, ...: see :data:`_SYNONYMS`); that key removed
    when it is not the model's own."""
    for name, info in model.model_fields.items():
        if not info.is_required() or out.get(name) is not None:
            continue
        if _shape(info.annotation)[0] != "str":
            continue
        for key in _SYNONYMS:
            value = out.get(key)
            if key != name and isinstance(value, str) and value.strip():
                out[name] = value
                if key not in model.model_fields:
                    del out[key]
                break


def _move_off_pattern(out: dict[str, Any], fields: Mapping[str, FieldInfo]) -> None:
    """A string that misses its field's pattern: its date part when it is a date and
    time, or a year-first date with other separators, made to fit; otherwise moved
    to ``raw`` (the words as written) when the model has an empty one. Digits of any
    script are read as ASCII ones first (``"٢٠٢٦-٠٣-٠٣"``, ``"٣ مارس ٢٠٢٦"``: the
    date resolver reads ASCII years)."""
    for name, info in fields.items():
        value = out.get(name)
        pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
        if not isinstance(value, str) or pattern is None:
            continue
        value = out[name] = ascii_digits(value)  # a pattern's \d takes any script's digits
        if re.search(pattern, value):
            continue
        fitted = _fitted_date(value.strip())
        if fitted is not None and re.search(pattern, fitted):
            out[name] = fitted
        elif "raw" in fields and name != "raw" and not out.get("raw"):
            out["raw"] = value
            del out[name]


def _fitted_date(value: str) -> str | None:
    if m := _DATETIME.match(value):
        return m.group(1)
    if m := _YEAR_FIRST.match(value):
        return "-".join([m.group(1), *(f"{int(g):02d}" for g in m.groups()[1:] if g)])
    return None
