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
``"role"``) are ignored at every level, as they are on the claim itself; a
member that names a field another way (``"Quotes"``, ``"attributedTo"``,
``"actors"``) is that field (:func:`canonical_members`). Nothing written any
way (null, ``""``, ``"-"``, ``"N/A"``, ``"unknown"``, ``"не указано"``:
:func:`says_nothing`) is no value. A quantity written as a phrase (``"about
300 tanks"``) is read as the rules backend reads quantities in text; a list of
actors written as one string is its names.

Nothing is invented: a value is only moved, unwrapped or re-spelled; where two
readings are possible (a list of two items for a single value) the value is
left as it is, for validation to drop and name.

Pydantic only: this module imports neither openai nor instructor.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import types
from collections.abc import Collection, Mapping
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from claimkit.extract.llm.enum_words import translated_member
from claimkit.extract.llm.members import read_members, unreadable
from claimkit.extract.llm.numbers import ascii_digits, split_scale
from claimkit.text import fold

__all__ = ["canonical_members", "coerce_claim", "coerce_model", "is_calendar_date",
           "says_nothing", "snake_key"]

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


def member_key(text: str) -> str:
    """A member's name as a key: camelCase split, then :func:`snake_key`
    (``"attributedTo"``, ``"Attributed To"`` and ``"ATTRIBUTED_TO"`` are ``attributed_to``)."""
    return snake_key(re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", str(text)))


#: other names a model gives a field (beyond case, camelCase, singular and plural):
#: the claim's evidence as ``evidence`` (the library's own word for it), its type as
#: ``claim_type``
_ALIASES: dict[str, tuple[str, ...]] = {"quotes": ("evidence", "excerpts", "citations"),
                                        "type": ("claim_type",)}


@lru_cache(maxsize=256)
def _member_names(fields: tuple[str, ...]) -> dict[str, str]:
    """Each way of writing a field's name (its key, singular or plural, an alias), to
    the field; a form two fields share goes to the first."""
    names: dict[str, str] = {}
    for name in fields:
        forms = (name, name + "s", name.removesuffix("s"), *_ALIASES.get(name, ()))
        for form in forms:
            names.setdefault(member_key(form), name)
    return names


def canonical_members(data: Mapping[str, Any], fields: Collection[str]) -> dict[str, Any]:
    """``data`` with each member that names one of ``fields`` another way (``"Quotes"``,
    ``"attributedTo"``, ``"actors"``, ``"quote"``, ``"evidence"`` for ``quotes``) under
    the field's own name, unless the field is given under its own name (then the
    other member stays, as a member beyond the schema)."""
    if all(k in fields for k in data):
        return dict(data)
    out = {k: v for k, v in data.items() if k in fields}
    names = _member_names(tuple(fields))
    for key, value in data.items():
        if key in fields:
            continue
        name = names.get(member_key(key))
        if name is not None and (name not in out or says_nothing(out[name])):
            out[name] = value
        else:
            out[key] = value
    return out


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
    fields = model.model_fields
    out = canonical_members(data, fields)
    for name, info in fields.items():
        if name in skip or name not in out:
            continue
        value = coerce_value(out[name], info.annotation, info)
        if value is _ABSENT or (value is None and not info.is_required()
                                and not _nullable(info.annotation)):
            del out[name]  # nothing, in a field that has a default but takes no null
        else:
            out[name] = value
    _fill_required(out, model)
    _read_quantity_phrase(out, fields)
    _move_off_pattern(out, fields)
    if model.model_config.get("extra") == "forbid":
        # what the model adds beyond the schema (a "confidence", a "role") is ignored,
        # as it is on the claim itself: nothing of the claim's is lost with it
        out = {k: v for k, v in out.items() if k in fields}
    return out


class _Absent:
    """The member is better left out (a null list: the field's default)."""


_ABSENT: Any = _Absent()


#: what models write for "no value" instead of null, in English and in the languages of
#: the articles (ru uk zh ja ko tr vi ar de fr es pt it pl hr id): JSON's null as a word,
#: "not applicable", "unknown", "not stated", "none"; compared as :func:`fold` keys, the
#: whole value only (``"unknown gunmen"`` is a value)
_PLACEHOLDERS = frozenset(fold(w) for w in ["null", "none", "nil", "n/a", "n.a.", "not applicable", "not available", "unknown", "unspecified", "not specified", "not stated", "not mentioned", "not given", "not provided", "no date", "no value", "tbd", "tba", "неизвестно", "не указано", "нет", "не известно", "невідомо", "не вказано", "немає", "未知", "无", "無", "不详", "不詳", "未提及", "未说明", "不明", "なし", "不明です", "알 수 없음", "없음", "미상", "bilinmiyor", "belirtilmemiş", "yok", "không rõ", "không có", "không xác định", "غير معروف", "غير محدد", "لا يوجد", "unbekannt", "keine", "keiner", "nicht angegeben", "k. a.", "inconnu", "inconnue", "aucun", "aucune", "non précisé", "non spécifié", "non renseigné", "desconocido", "ninguno", "ninguna", "no especificado", "desconhecido", "nenhum", "nenhuma", "não especificado", "sconosciuto", "nessuno", "non specificato", "nieznany", "nieznane", "brak", "nie podano", "nepoznato", "nema", "nije navedeno", "tidak diketahui", "tidak ada", "tidak disebutkan"])


def says_nothing(value: Any) -> bool:
    """``value`` says "nothing": null, ``{}``, ``[]``, a string with no letter or digit
    (``""``, ``"-"``, ``"?"``), or a word models write for no value (``"N/A"``,
    ``"unknown"``, ``"None"``, ``"не указано"``, ``"不明"``: :data:`_PLACEHOLDERS`)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not any(ch.isalnum() for ch in value) or fold(value) in _PLACEHOLDERS
    return isinstance(value, (dict, list)) and not value


def coerce_value(value: Any, annotation: Any, info: FieldInfo | None = None) -> Any:
    """``value`` in the shape ``annotation`` asks for, when it can be read so; a value
    that says "nothing" (:func:`says_nothing`) is the field's nothing, not an error."""
    kind, inner = _shape(annotation)
    if kind in ("list", "model") and isinstance(value, str):
        value = _decoded(value)  # '[{"text": "France"}]': the value encoded once more
    if says_nothing(value):
        return _ABSENT if kind == "list" else None
    if kind == "list":
        coerced = [coerce_value(v, inner) for v in _items(value, inner)]
        return [v for v in coerced if v is not None]  # an item that says nothing is none
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # a single value given as a list of it
    if kind == "model":
        return _to_model(value, inner)
    if kind in ("enum", "str"):
        value = _unwrap_string(value)
        if says_nothing(value):  # {"value": "N/A"}, ["unknown"]
            return None
        if kind == "enum" and isinstance(value, str):
            return _enum_value(value, inner)
        return value
    if kind == "number":
        return _number_value(value)
    return value


def _decoded(text: str) -> Any:
    """A string that is the JSON of an object or a list (a model that encoded a nested
    value once more: ``"[{\"text\": \"France\"}]"``) as that value; any other string
    as it is (``"France, Germany"``, ``"[citation needed]"``)."""
    stripped = text.strip()
    if (stripped[:1], stripped[-1:]) not in (("{", "}"), ("[", "]")):
        return text
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError):
        return text
    return value if isinstance(value, (dict, list)) else text


#: what separates the names of a list written as one string (``"France, Germany; Italy"``,
#: ``"中国、日本"``, the Arabic comma)
_NAME_SEPARATORS = re.compile(r"\s*[,;，；、،؛]\s*")


def _items(value: Any, inner: Any) -> list[Any]:
    """The items of a list field: the list, or a single value as a list of it; a string
    given for a list of objects (actors) is the names it lists, split at commas and
    semicolons (``"France, Germany"`` is two actors; a name with a comma in it, such as
    ``"Korea, Republic of"``, is rare in the news and becomes two names)."""
    if isinstance(value, list):
        return value
    if isinstance(value, str) and _shape(inner)[0] == "model":
        parts = _NAME_SEPARATORS.split(value)
        return [n for n in parts if not says_nothing(n)] if len(parts) > 1 else [value]
    return [value]


def _number_value(value: Any) -> Any:
    """A number field's value: unwrapped (``{"value": 2000}``), read when written as a
    string (:func:`_number`); a boolean, NaN or an infinity, which pydantic would take
    as 1, 0 or a float that is no count or amount, becomes a sentence saying so (for
    validation to drop and name)."""
    if isinstance(value, dict) and "value" in value:
        value = value["value"]
    if isinstance(value, bool):
        return f"{value} (a boolean, not a number)"
    if isinstance(value, str):
        value = _number(value)
    if isinstance(value, str) and _non_finite(value):
        return f"{value} (not a finite number)"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} (not a finite number)"
    return value


def _non_finite(text: str) -> bool:
    """``text`` is how NaN or an infinity is written (``"NaN"``, ``"-Infinity"``, ``"inf"``)."""
    return text.strip().lower().lstrip("+-") in ("nan", "inf", "infinity")


#: digits grouped by threes with a space of any width or an apostrophe (``2 000``, ``2'000``)
_SPACED = re.compile(r"^\d{1,3}(?:[\s\u00a0\u202f'’]\d{3})+$")
#: groups of three after the same mark twice or more (``2.000.000``, ``2,000,000``)
_GROUPS = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$")
#: groups of three after one mark, then a decimal part after the other mark (``1,234.50``,
#: ``1.234,50``, ``12 345,6``, ``12'345.00``): only one reading
_GROUPED_DECIMAL = re.compile(
    r"^(-?)(\d{1,3}([.,\s\u00a0\u202f'’])\d{3}(?:\3\d{3})*)([.,])(\d+)$")
#: one mark before three digits: a thousands separator in one locale, a decimal mark in another
_AMBIGUOUS = re.compile(r"^-?\d{1,3}[.,]\d{3}$")
#: a decimal comma (``1,5``; not followed by exactly three digits, which is ambiguous)
_DECIMAL_COMMA = re.compile(r"^-?\d+,(?:\d{1,2}|\d{4,})$")


def _number(text: str) -> Any:
    """A number written with another locale's marks, as the number, when only one
    reading exists: ``2 000`` and ``2'000`` (grouped by spaces or apostrophes),
    ``2.000.000`` and ``2,000,000`` (the same mark between every group), ``1,5`` (a
    decimal comma), ``1,234.50`` and ``1.234,50`` (groups, then a decimal part after
    the other mark). ``2.000`` and ``2,000`` are two thousand in one locale and two in
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


#: more digits than this are no count or amount a text states (and Python refuses to
#: read more than 4,300 as an int: that error cost the whole reply)
_MAX_DIGITS = 30


def _plain_number(word: str) -> Any:
    """``word`` (ASCII digits) as a number by the rules of :func:`_number`, or a string:
    the word itself when it is no number, a sentence when it is ambiguous or longer
    than :data:`_MAX_DIGITS` digits."""
    digits = sum(c.isdigit() for c in word)
    if digits > _MAX_DIGITS:
        return f"{word[:12]}... (a number of {digits} digits)"
    if _SPACED.match(word) or _GROUPS.match(word):
        return int(re.sub(r"\D", "", word))
    grouped = _GROUPED_DECIMAL.match(word)
    if grouped is not None and grouped.group(3) != grouped.group(4):
        sign, whole, _, _, part = grouped.groups()
        value = float(sign + re.sub(r"\D", "", whole) + "." + part)
        return int(value) if value.is_integer() else value
    if _DECIMAL_COMMA.match(word):
        return float(word.replace(",", "."))
    if _AMBIGUOUS.match(word):  # pydantic would read "2.000" as 2.0 without a word
        return f"{word} (a thousands separator or a decimal mark?)"
    if re.fullmatch(r"-?\d+", word):
        return int(word)
    if re.fullmatch(r"-?\d*\.\d+", word):
        return float(word)
    return word


def _nullable(annotation: Any) -> bool:
    """The field takes null (``X | None``, ``Optional[X]``, ``Any``)."""
    if annotation is Any or annotation is None or annotation is type(None):
        return True
    origin = get_origin(annotation)
    if origin is Annotated:
        return _nullable(get_args(annotation)[0])
    return origin in (Union, types.UnionType) and type(None) in get_args(annotation)


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
        fields = model.model_fields
        # members named as models name them ({"amount": 2000}, date parts, {"country": ...})
        value = read_members(canonical_members(value, fields), model, _main_member(model))
        out = coerce_model(value, model)
        if not any(k in fields for k in out) and not all(says_nothing(v) for v in value.values()):
            return unreadable(value)  # none of its members: dropped and named, never lost
        # an object all of whose members say nothing ({"value": "", "raw": null}) is none
        return None if all(says_nothing(v) for v in out.values()) else out
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
    """A required string member that is missing, null or no string (``42``, an object
    of two names), filled from the key that says it (``name``, ``entity``, ...: see
    :data:`_SYNONYMS`); that key removed when it is not the model's own."""
    for name, info in model.model_fields.items():
        given = out.get(name)
        if not info.is_required() or (isinstance(given, str) and given.strip()):
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


#: the members of a quantity (:class:`claimkit.schemas.Quantity`, in any model of its shape)
_QUANTITY = frozenset({"value", "value_max", "unit", "qualifier", "raw"})
#: what may follow a quantity the reader found, as its unit: nothing, or up to three
#: words without digits (``"about 300 tanks"``: the unit is ``tanks``)
_UNIT_WORDS = re.compile(r"(?:[^\W\d_]+(?:[\s-][^\W\d_]+){0,2})?")
#: a number with one mark before three digits and nothing after: ``2,000`` (two thousand,
#: or two), ``10.000``; a phrase holding one is not read without the article's language
_AMBIGUOUS_IN = re.compile(r"(?<![\d.,])\d{1,3}[.,]\d{3}(?![\d.,])")


def _read_quantity_phrase(out: dict[str, Any], fields: Mapping[str, FieldInfo]) -> None:
    """A quantity whose ``value`` is a phrase (``"about 300 tanks"``, ``"at least 26"``,
    ``"€90bn"``, ``"800-900 soldiers"``, ``"约300名士兵"``) read as the library reads
    quantities in text (:func:`claimkit.normalize.find_quantities`: the same
    qualifiers, ranges, currencies, units and scale words in every language), else as
    a number, its scale words and the words after it (``"2000 children"``, ``"500000000
    EUR"``, ``"3 mil tanques"``: 3000 tanques; :mod:`.numbers`): value,
    upper bound, unit and qualifier, each where the model gave none, and the phrase as
    ``raw``. A qualifier written as a symbol on the number (``"~300"``, ``"≈300"``,
    ``"300+"``, ``">=300"``, ``"≤300"``) is the qualifier, and a unit in brackets
    (``"300 (tanks)"``) the unit. A phrase that is not one quantity (``"300 tanks and
    20 jets"``), or holds a number that reads two ways without the article's language
    (``"2,000 troops"``), is left for validation to drop and name."""
    phrase = out.get("value")
    if not isinstance(phrase, str) or not set(fields) >= _QUANTITY:
        return
    text, symbol = _qualifier_symbol(ascii_digits(phrase.strip()))
    text, unit = _bracketed_unit(text)
    if _AMBIGUOUS_IN.search(text):
        return
    number = _number(text)
    if (symbol is not None or unit is not None) and not isinstance(number, str):
        read: dict[str, Any] | None = {"value": number, "unit": unit}  # "~300", "300 (tanks)"
    else:
        read = _phrase_quantity(text if unit is None else f"{text} {unit}")
    if read is None:
        return
    out["value"] = read["value"]
    for name in ("value_max", "unit"):
        if out.get(name) is None and read.get(name) is not None:
            out[name] = read[name]
    qualifier = read.get("qualifier")
    if symbol is not None and qualifier in (None, "exact"):
        qualifier = symbol
    if out.get("qualifier") in (None, "exact") and qualifier:
        out["qualifier"] = qualifier
    if not out.get("raw"):
        out["raw"] = phrase


#: a qualifier written as a symbol before the number, and what it says
_SYMBOLS_BEFORE = ((">=", "at_least"), ("≥", "at_least"), (">", "at_least"), ("<=", "up_to"),
                   ("≤", "up_to"), ("<", "up_to"), ("~", "about"), ("≈", "about"),
                   ("ca.", "about"), ("c.", "about"))


def _bracketed_unit(text: str) -> tuple[str, str | None]:
    """``"300 (tanks)"`` as ``("300", "tanks")``: words in brackets after the number are
    its unit, as written; anything else as it is, with no unit."""
    m = re.fullmatch(r"(.*?\d[\d.,\s]*?)\s*[(\[]\s*([^\W\d_][^()\[\]]*?)\s*[)\]]\s*", text)
    return (m.group(1), m.group(2)) if m is not None else (text, None)


def _qualifier_symbol(text: str) -> tuple[str, str | None]:
    """``text`` without a qualifier's symbol on its number (``"~300"``, ``"300+"``), and
    the qualifier the symbol says (None: no symbol)."""
    for symbol, qualifier in _SYMBOLS_BEFORE:
        rest = text[len(symbol):].lstrip()
        if text.startswith(symbol) and rest[:1].isdigit():
            return rest, qualifier
    m = re.fullmatch(r"(\d[\d.,\s]*?)\s*\+(\s+\D.*)?", text)
    if m is not None:
        return m.group(1) + (m.group(2) or ""), "at_least"
    return text, None


#: a number, then up to three words (its unit): ``"2000 children"``, ``"500000000 EUR"``
_NUMBER_WORDS = re.compile(r"(\d[\d\s'.,]*)\s*([^\W\d_]+(?:[\s-][^\W\d_]+){0,2})")


def _phrase_quantity(text: str) -> dict[str, Any] | None:
    """The members of the one quantity ``text`` states (see :func:`_read_quantity_phrase`),
    or None."""
    from claimkit.normalize.quantities import find_quantities  # the rules' reader, lazily

    found = find_quantities(text)
    if len(found) == 1:
        mention = found[0]
        rest = text[mention.end:].strip(" .,;:")
        if text[:mention.start].strip() or not _UNIT_WORDS.fullmatch(rest):
            return None  # more than one quantity's words ("300 tanks and 20 jets")
        q = mention.quantity
        return {"value": q.value, "value_max": q.value_max, "unit": q.unit or rest or None,
                "qualifier": q.qualifier.value}
    m = _NUMBER_WORDS.fullmatch(text)
    if found or m is None:
        return None
    words = m.group(2).split()
    for k in range(len(words), -1, -1):  # scale words first ("3 mil tanques"), then the unit
        value = _number(" ".join([m.group(1).strip(), *words[:k]]))
        if not isinstance(value, str):
            return {"value": value, "unit": " ".join(words[k:]) or None}
    return None


def _move_off_pattern(out: dict[str, Any], fields: Mapping[str, FieldInfo]) -> None:
    """A string that misses its field's pattern: its date part when it is a date and
    time, or a year-first date with other separators, made to fit; otherwise moved
    to ``raw`` (the words as written) when the model has an empty one. Digits of any
    script are read as ASCII ones first (``"٢٠٢٦-٠٣-٠٣"``, ``"٣ مارس ٢٠٢٦"``: the
    date resolver reads ASCII years)."""
    for name, info in fields.items():
        value = out.get(name)
        pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
        if isinstance(value, int) and not isinstance(value, bool) and pattern is not None:
            _fit_number(out, name, value, pattern)  # a date's value as 2026 or 20260303
            continue
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


def _fit_number(out: dict[str, Any], name: str, value: int, pattern: str) -> None:
    """A number given for a patterned string: its digits when they fit the pattern as
    they are or as a date (``2026``, ``20260303``); else the number stays, for
    validation to drop and name (``42`` is no date, and no date's words either)."""
    text = str(value)
    fitted = text if re.search(pattern, text) else _fitted_date(text)
    if fitted is not None and re.search(pattern, fitted):
        out[name] = fitted


def _fitted_date(value: str) -> str | None:
    if m := _DATETIME.match(value):
        return m.group(1)
    if m := _YEAR_FIRST.match(value):
        return "-".join([m.group(1), *(f"{int(g):02d}" for g in m.groups()[1:] if g)])
    return None
