"""Round four of the scripted server's sloppy kinds: "every field the schema allows,
some invalid", field by field (stdlib only; see scripted_server.py's docstring).

THE REPLIES ARE SCRIPTED: the gold claims, written as a careless model writes each
field. Each kind takes ``(claim, article, rng, language)`` like round three's. The
facts stay the gold's (the same actors, numbers, quotes), except where a kind says it
writes a value no reader can take (``non_numbers``) or nothing some way
(``placeholders``): there the gold has no value, and none should come back.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

__all__ = ["FIELD_KINDS"]

_ACTOR_LISTS = ("actor", "participants", "target", "hosts")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def _k_member_names(claim: dict[str, Any], article: str, rng: random.Random,
                    language: str) -> dict[str, Any]:
    """Member names in another case or form, at every level: ``"Type"``, ``"QUOTES"``,
    ``"attributedTo"``, ``"participantCount"``, ``"actors"``, the quotes as
    ``"evidence"`` or ``"quote"``, an actor's ``"Name"``."""
    def name(key: str) -> str:
        if key == "quotes":
            return rng.choice(["Quotes", "QUOTES", "evidence", "quote"])
        forms = [key.title(), key.upper(), _camel(key)]
        return rng.choice([*forms, key + "s"] if not key.endswith("s") else forms)

    def rename(value: Any) -> Any:
        if isinstance(value, dict):
            return {name(k): rename(v) if k != "quotes" else v for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return value

    return rename(claim)


#: nothing, as models write it, in English and in a few of the articles' languages
_NOTHING = ["N/A", "n/a", "unknown", "Unknown", "not specified", "none", "None", "-", "—",
            "TBD", "не указано", "неизвестно", "不明", "未知", "없음", "bilinmiyor",
            "không rõ", "غير معروف", "unbekannt", "non précisé", "desconocido"]
_FREE_TEXT = ("attributed_to", "condition", "consequence", "location", "topic", "what")


def _k_placeholders(claim: dict[str, Any], article: str, rng: random.Random,
                    language: str) -> dict[str, Any]:
    """Every field the gold leaves empty filled with a word for "nothing" (``"N/A"``,
    ``"unknown"``, ``"-"``, ``"TBD"``, ``"не указано"``, ``"不明"``), an actor's empty
    ``name`` and ``kind`` too, one more actor of that word in each list, and a date and
    a quantity of such words."""
    out = dict(claim)
    for key in (*_FREE_TEXT, "modality", "format", "status"):
        if out.get(key) is None:
            out[key] = rng.choice(_NOTHING)
    for key in (*_ACTOR_LISTS,):
        items = out.get(key)
        if isinstance(items, list):
            items = [{**a, "kind": a.get("kind") or rng.choice(_NOTHING)} if isinstance(a, dict)
                     else a for a in items]
            out[key] = [*items, rng.choice(_NOTHING)]
    if out.get("recipient") is None:
        out["recipient"] = {"text": rng.choice(_NOTHING), "name": rng.choice(_NOTHING)}
    if out.get("date") is None:
        out["date"] = {"value": rng.choice(_NOTHING), "raw": rng.choice(_NOTHING)}
    for key in ("quantity", "participant_count"):
        if out.get(key) is None:
            out[key] = {"value": rng.choice(_NOTHING), "unit": rng.choice(_NOTHING)}
    return out


_QUALIFIER_WORDS = {"about": "about", "at_least": "at least", "up_to": "up to"}
_CURRENCIES = {"EUR": "€", "USD": "$", "GBP": "£"}


def _phrase(quantity: dict[str, Any], rng: random.Random) -> str | None:
    """A quantity as one phrase (``"about 2000 troops"``, ``"€90000000000"``), its number
    in plain digits (no separator that could read two ways)."""
    value = quantity.get("value")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    number = str(int(value)) if float(value).is_integer() else str(value)
    unit = quantity.get("unit")
    if quantity.get("value_max") is not None and isinstance(quantity["value_max"], (int, float)):
        number += f"-{int(quantity['value_max'])}"
    if unit in _CURRENCIES:
        text = rng.choice([f"{_CURRENCIES[unit]}{number}", f"{number} {unit}"])
    else:
        text = f"{number} {unit}" if unit else number
    qualifier = _QUALIFIER_WORDS.get(str(quantity.get("qualifier")))
    return f"{qualifier} {text}" if qualifier else text


def _k_quantity_phrases(claim: dict[str, Any], article: str, rng: random.Random,
                        language: str) -> dict[str, Any]:
    """A quantity's number, unit and qualifier written as one phrase in its ``value``
    (``{"value": "about 2000 troops"}``, ``{"value": "€90000000000"}``), with no other
    member."""
    out = dict(claim)
    for key in ("quantity", "participant_count"):
        value = out.get(key)
        if isinstance(value, dict) and (phrase := _phrase(value, rng)) is not None:
            out[key] = {"value": phrase}
    return out


def _k_joined_names(claim: dict[str, Any], article: str, rng: random.Random,
                    language: str) -> dict[str, Any]:
    """A list of actors written as one string of their names, joined with ``", "``,
    ``"; "`` or the language's enumeration comma (``、``, ``،``)."""
    joiner = {"zh": "、", "ja": "、", "ar": "، "}.get(language, rng.choice([", ", "; "]))
    out = dict(claim)
    for key in _ACTOR_LISTS:
        items = out.get(key)
        if isinstance(items, list) and items and all(isinstance(a, dict) for a in items):
            out[key] = joiner.join(str(a.get("name") or a.get("text")) for a in items)
    return out


_NON_NUMBERS = [True, False, "NaN", "Infinity", "-Infinity", "inf"]


def _k_non_numbers(claim: dict[str, Any], article: str, rng: random.Random,
                   language: str) -> dict[str, Any]:
    """Where the gold states no number, a quantity whose value is no number a reader can
    take as a count or an amount: ``true``, ``false``, ``"NaN"``, ``"Infinity"``."""
    out = dict(claim)
    key = "participant_count" if claim.get("type") == "meeting" else "quantity"
    if claim.get("type") in ("pledge", "meeting") and out.get(key) is None:
        out[key] = {"value": rng.choice(_NON_NUMBERS), "unit": None}
    return out


def _k_unusable_actor_text(claim: dict[str, Any], article: str, rng: random.Random,
                           language: str) -> dict[str, Any]:
    """An actor's ``text`` written as no string beside its ``name``: a number, the name
    in two languages (``{"en": ..., "local": ...}``), a list of two spellings."""
    def bad(actor: Any) -> Any:
        if not isinstance(actor, dict) or not actor.get("name"):
            return actor
        name = actor["name"]
        return {**actor, "text": rng.choice([7, {"en": name, "local": actor.get("text")},
                                             [name, str(actor.get("text")) + "."]])}

    out = dict(claim)
    for key in _ACTOR_LISTS:
        if isinstance(out.get(key), list):
            out[key] = [bad(a) for a in out[key]]
    if isinstance(out.get("recipient"), dict):
        out["recipient"] = bad(out["recipient"])
    return out


_FieldKind = Callable[[dict[str, Any], str, random.Random, str], Any]

#: round four's claim kinds (each on every claim it is turned on for)
FIELD_KINDS: dict[str, _FieldKind] = {
    "member_names": _k_member_names,
    "placeholders": _k_placeholders,
    "quantity_phrases": _k_quantity_phrases,
    "joined_names": _k_joined_names,
    "non_numbers": _k_non_numbers,
    "unusable_actor_text": _k_unusable_actor_text,
}

#: round four's reply kinds: how the list of claims is put in the reply
REPLY_SHAPES: dict[str, str] = {
    "grouped_by_type": "the claims grouped under their types' names ({\"pledges\": [...], "
                       "\"meetings\": [...]}), the claims without their type",
    "nested_lists": "the list of claims inside another list ({\"claims\": [[...]]})",
    "null_when_none": "no claims written as {\"claims\": null} or \"none\", and the claims "
                      "as asked otherwise",
}


def shaped(payload: dict[str, Any], kind: str, rng: random.Random) -> Any:
    """``payload`` (``{"claims": [...]}``) written as reply shape ``kind``."""
    claims = payload["claims"]
    if kind == "grouped_by_type":
        groups: dict[str, list[Any]] = {}
        for c in claims:
            name = re.sub(r"\W", "", str(c.get("type"))) + "s" if isinstance(c, dict) else "other"
            groups.setdefault(name, []).append(
                {k: v for k, v in c.items() if k != "type"} if isinstance(c, dict) else c)
        return groups or {"pledges": [], "meetings": []}
    if kind == "nested_lists":
        return {"claims": [claims]}
    if kind == "null_when_none" and not claims:
        return {"claims": rng.choice([None, "none", "N/A"])}
    return payload
