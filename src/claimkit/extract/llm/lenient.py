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
:func:`cut_off` says whether a text ends inside a JSON value whatever the
reply's ``finish_reason`` says (a proxy or server that ended it early): json-repair
would close it, keeping the cut values (``"Norway pledges eng"``, ``15`` for
``1500``) as if they were whole.

A model that echoes the JSON Schema it was given writes no claims
(:func:`schema_echo`: asked again, never read as "no claims"); one that fills the
values into the schema's ``properties`` and ``items`` wrote them
(:func:`schema_values`). A reasoning model's thoughts hold drafts before the answer:
:func:`last_payload` reads the last object of claims in them. A server that answers
a request that did not ask to stream with server-sent events (``data: {...}``,
``data: [DONE]``) sent JSON all the same: :func:`sse_data` reads each event's; one that
failed after it began to answer says so in an event: :func:`sse_error` reads it.

:func:`without_surrogates` writes half of a UTF-16 pair (``"\ud83d"``, an emoji cut
in two), which JSON allows but no text can hold, as U+FFFD.

Neither openai nor instructor is imported here.
"""

from __future__ import annotations

import json
import re
from typing import Any

import json_repair

from claimkit.extract.llm.coerce import says_nothing

__all__ = ["SSE_STARTS", "answer_text", "claims_payload", "cut_off", "last_payload", "read_json",
           "schema_values", "sse_data", "sse_error", "strict_payload", "surrogates",
           "without_surrogates"]

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
    it: ``{"status": "ok", "response": {"result": {...}}}``), or the values written into
    an echo of the JSON Schema (:func:`schema_values`); None when there is no list of
    claims, when two members hold one (nothing is chosen between them), or when the
    ``claims`` member is the list's schema with no values (:func:`schema_echo`)."""
    for _ in range(_MAX_DEPTH + 1):
        value = schema_values(value)
        if isinstance(value, list):
            wrapped = _called(value, name)
            if wrapped:  # objects {"claims": [...]} or function calls holding one: those
                return {"claims": [c for claims in wrapped for c in claims]}
            return {"claims": value}
        if not isinstance(value, dict):
            return None
        if "claims" in value:
            return _with_claims(value)
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
            if not inner:
                return _renamed(value)
            if len(inner) != 1:
                return None
        value = inner[0]
    return None


def _with_claims(value: dict[str, Any]) -> dict[str, Any] | None:
    """``value`` with its ``claims`` member read as a list (:func:`_claims_member`), the
    values of a schema echoed with them filled in included; None when the member is
    no list of claims, or is the schema of the list with no claims written in it."""
    member = schema_values(value["claims"])
    if schema_echo(member):
        return None
    claims = _claims_member(member)
    return {**value, "claims": claims} if isinstance(claims, list) else None


def _called(items: list[Any], name: str | None) -> list[list[Any]]:
    """The claims lists of the items of a list that are ``{"claims": [...]}`` objects or
    function calls written as text holding one (``[TOOL_CALLS] [{"name": ..., "arguments":
    {...}}]``, ``[{"type": "function", "function": {"name": ..., "arguments": "{...}"}}]``),
    one level of lists inside the list included; empty when there is none."""
    flat = [x for v in items for x in (v if isinstance(v, list) else [v])]
    found = []
    for item in flat:
        call = _arguments_read(item)
        payload = claims_payload(call, name) if _holds_claims(call) else None
        if payload is not None:
            found.append(payload["claims"])
    return found


def _arguments_read(item: Any) -> Any:
    """A function call object with its ``function`` member taken and its arguments
    (``arguments``, ``parameters``) read when they are a JSON string."""
    if isinstance(item, dict) and isinstance(item.get("function"), dict):
        item = item["function"]
    if not isinstance(item, dict):
        return item
    return {k: read_json(v) if k in ("arguments", "parameters") and isinstance(v, str) else v
            for k, v in item.items()}


def _renamed(value: dict[str, Any]) -> dict[str, Any] | None:
    """The claims under another name beside other members (``{"extracted_claims": [...],
    "count": 2}``, ``{"results": [...], "notes": "..."}``): the one member that is a list
    of claim objects, each with its ``type`` (claims without one are re-asked, not
    guessed), some with quotes (a schema's ``anyOf`` list has none). None when no
    member, or more than one, is such a list."""
    lists = [v for v in value.values() if isinstance(v, list) and _claim_list(v)]
    return {"claims": lists[0]} if len(lists) == 1 else None


#: the quotes of a claim object as models name them
_QUOTE_MEMBERS = frozenset({"quotes", "quote", "evidence"})


def _claim_list(items: list[Any]) -> bool:
    """``items`` are claim objects: each with a ``type``, and some with their quotes."""
    members = [{str(m).lower() for m in c} if isinstance(c, dict) else set() for c in items]
    return bool(items) and all("type" in m for m in members) and any(
        _QUOTE_MEMBERS & m for m in members)


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
        numbered = _numbered(claims)
        if numbered is not None:
            return numbered
        grouped = _grouped(claims, least=1)
        return grouped if grouped is not None else [claims]
    return claims


#: a member named by a number (``"0"``, ``"1"``, ``"claim_1"``, ``"Claim 2"``, ``"item-3"``)
_NUMBERED = re.compile(r"^\s*(?:[^\W\d_]+[\s_-]*)?\d+\s*$")


def _numbered(claims: dict[str, Any]) -> list[Any] | None:
    """Claims given as an object keyed by their numbers (``{"0": {...}, "1": {...}}``) as
    the list of them, in the order given; None when ``claims`` is not such an object. A
    member may be a claim written as a JSON string (``{"1": {...}, "2": "{...}"}``): it
    is read as one later, as in a list."""
    if claims and all(isinstance(v, (dict, str)) for v in claims.values()) and any(
            isinstance(v, dict) for v in claims.values()) and all(
            _NUMBERED.match(str(k)) for k in claims):
        return list(claims.values())
    return None


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


#: JSON Schema's names of a value's type
_SCHEMA_TYPES = frozenset({"object", "array", "string", "number", "integer", "boolean", "null"})
#: members only a JSON Schema has (no data a model writes has them)
_SCHEMA_WORDS = frozenset({"$ref", "$defs", "$schema", "definitions", "anyOf", "oneOf", "allOf",
                           "discriminator", "additionalProperties"})
#: members of a schema node that describes one value (``{"type": "string", "enum": [...]}``)
_LEAF_WORDS = frozenset({"type", "title", "description", "enum", "const", "format", "pattern",
                         "default", "minimum", "maximum", "minLength", "maxLength", "examples",
                         "required", "nullable"})


def schema_values(value: Any) -> Any:
    """The values a reply wrote into an echo of the JSON Schema, in the place of its
    ``properties`` (``{"type": "object", "properties": {"claims": [...]}}``) or ``items``
    (``{"type": "array", "items": [...]}``), as those values; anything else, a schema
    with no values in it included, as it is."""
    if not isinstance(value, dict):
        return value
    kind = value.get("type")
    if kind == "array" and isinstance(value.get("items"), list):
        return value["items"]
    inner = value.get("properties")
    if kind == "object" and isinstance(inner, dict) and not schema_echo(value):
        return inner
    return value


def schema_echo(value: Any) -> bool:
    """``value`` is JSON Schema with no values written in it: a member only a schema has
    (``$ref``, ``anyOf``, ``$defs``), an array whose ``items`` is a schema, an object
    whose ``properties`` are all schemas, or one value's schema (``{"type": "string",
    "description": ...}``; a ``type`` alone is not one). A model that echoes the schema it was given wrote no claims:
    re-asked, never read as "no claims"."""
    if not isinstance(value, dict) or not value:
        return False
    if _SCHEMA_WORDS & value.keys():
        return True
    kind = value.get("type")
    if kind == "array" and "items" in value:
        return isinstance(value["items"], dict)
    inner = value.get("properties")
    if kind == "object" and isinstance(inner, dict):
        return all(schema_echo(v) for v in inner.values())
    described = value.keys() - {"type", "title"}  # {"type": "object"} alone may be data
    return kind in _SCHEMA_TYPES and bool(described) and value.keys() <= _LEAF_WORDS


#: at most this many places where a JSON object may start are tried in one text
_MAX_STARTS = 500


def last_payload(text: str, name: str | None = None) -> dict[str, Any] | None:
    """The last object holding a ``claims`` list written in ``text`` (a reasoning
    model's thoughts: drafts first, the answer last), read strictly at each ``{``;
    when none is strict JSON, what :func:`read_json` reads in the whole text, if it
    holds one. None when there is none."""
    decoder = json.JSONDecoder()
    found: dict[str, Any] | None = None
    at, tries = text.find("{"), 0
    while at != -1 and tries < _MAX_STARTS:
        tries += 1
        try:
            value, end = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):
            at = text.find("{", at + 1)
            continue
        payload = claims_payload(value, name) if _holds_claims(value) else None
        found = payload if payload is not None else found
        at = text.find("{", end)
    if found is None:
        value = read_json(text)
        found = claims_payload(value, name) if _holds_claims(value) else None
    return found


#: a reasoning model's thoughts written into the content, between the tags models use:
#: ``<think>`` (DeepSeek-R1, Qwen3, QwQ), ``<thinking>``, ``<thought>``, ``<reasoning>``,
#: Magistral's ``[THINK]``, Kimi's ``◁think▷``
_THOUGHT_BLOCK = re.compile(
    r"<(think|thinking|thought|reasoning)>.*?</\1\s*>|\[THINK\].*?\[/THINK\]|◁think▷.*?◁/think▷",
    re.DOTALL | re.IGNORECASE)
#: a closing tag alone (the chat template wrote the opening one): the thoughts before it
_THOUGHT_END = re.compile(r"</(?:think|thinking|thought|reasoning)\s*>|\[/THINK\]|◁/think▷",
                          re.IGNORECASE)
#: gpt-oss's harmony format: ``<|channel|>NAME ...<|message|>TEXT`` up to the next token
_CHANNEL = re.compile(r"<\|channel\|>\s*(\w+)[^<]*(?:<\|constrain\|>[^<]*)?<\|message\|>"
                      r"(.*?)(?=<\|(?:end|call|return|start|channel)\|>|\Z)", re.DOTALL)


def answer_text(text: str) -> str:
    """``text`` without the thoughts a reasoning model wrote into it (``<think>...
    </think>``, a closing ``</think>`` alone, ``[THINK]...[/THINK]``, harmony's
    ``analysis`` channel): the drafts there are not the answer, and read with it
    their claims would be added to it. When only thoughts hold JSON, the last object of
    claims in them (JSON-encoded; :func:`last_payload`), else ``""``. Text without
    thoughts, and the JSON object of claims as it is (a tag inside a value), is
    returned as it is."""
    if ("<|channel|>" not in text and not _THOUGHT_END.search(text)) or strict_payload(text):
        return text
    answer, thoughts = _split_thoughts(text)
    if "{" in answer or "[" in answer:
        return answer.strip()
    payload = last_payload(thoughts)
    return json.dumps(payload, ensure_ascii=False) if payload is not None else ""


def _split_thoughts(text: str) -> tuple[str, str]:
    """``text`` as (the answer, the thoughts) by harmony's channels or the thought tags."""
    channels = list(_CHANNEL.finditer(text))
    if channels:
        said = [(m.group(1).lower() == "analysis", m.group(2)) for m in channels]
        return ("\n".join(t for thought, t in said if not thought),
                "\n".join(t for thought, t in said if thought))
    thoughts = [m.group(0) for m in _THOUGHT_BLOCK.finditer(text)]
    rest = _THOUGHT_BLOCK.sub("\n", text)
    ends = list(_THOUGHT_END.finditer(rest))
    if ends:  # the opening tag was the chat template's: everything before the last end
        thoughts.append(rest[:ends[-1].start()])
        rest = rest[ends[-1].end():]
    return rest, "\n".join(thoughts)


#: how a body of server-sent events starts (a field name, or a comment)
SSE_STARTS = ("data:", "event:", "id:", ":")


def sse_data(body: str) -> list[Any] | None:
    """The JSON data of each event when ``body`` is server-sent events (``data: {...}``
    lines, events apart by a blank line, ``data: [DONE]`` last), in order; None when it
    is not such a body. An event whose data is no JSON is left out."""
    events = _sse_events(body)
    if events is None:
        return None
    return [data for _, data in events if not isinstance(data, _Text)]


class _Text(str):
    """An event's data that is no JSON (kept for an ``error`` event's message)."""


def _sse_events(body: str) -> list[tuple[str, Any]] | None:
    """Each event of a body of server-sent events as (its ``event`` name, ``""`` when
    it has none; its data read as JSON, else as :class:`_Text`), ``[DONE]`` and events
    without data left out; None when ``body`` is no such body."""
    if not body.lstrip().startswith(SSE_STARTS):
        return None
    out: list[tuple[str, Any]] = []
    for event in re.split(r"\r?\n\r?\n", body):
        lines = event.splitlines()
        data = "\n".join(line[5:].removeprefix(" ") for line in lines
                         if line.startswith("data:")).strip()
        name = next((line[6:].strip() for line in lines if line.startswith("event:")), "")
        if not data or data == "[DONE]":
            continue
        try:
            out.append((name, json.loads(data)))
        except (ValueError, RecursionError):
            out.append((name, _Text(data)))
    return out


def sse_error(body: str) -> dict[str, Any] | None:
    """The first error a body of server-sent events reports, as an error object
    (``message`` and the server's other members: ``type``, ``code``, ...); None when it
    reports none or is no such body. An error is an event named ``error``, or one whose
    data has a non-empty ``error`` member (OpenAI's and vLLM's ``{"error": {...}}``,
    Anthropic's ``{"type": "error", "error": {...}}``, OpenRouter's chunk with an
    ``error`` beside its choices, TGI's ``{"error": "...", "error_type": ...}``): a
    server that failed after it began to answer."""
    for name, data in _sse_events(body) or ():
        found = data.get("error") if isinstance(data, dict) else None
        if found:
            return _error_object(found, data)
        if name == "error":
            return _error_object(data, {})
    return None


def _error_object(found: Any, event: dict[str, Any]) -> dict[str, Any]:
    """An event's error as an object with a ``message`` (a string error is the message;
    the event's other members, TGI's ``error_type``, say, come along)."""
    if isinstance(found, dict):
        return {**found, "message": str(found.get("message") or found.get("detail") or "")}
    rest = {k: v for k, v in event.items() if k != "error" and not isinstance(v, (dict, list))}
    return {**rest, "message": str(found)}


def strict_payload(text: str | None) -> bool:
    """``text`` is a complete JSON object with a ``claims`` list, as it is (no repair)."""
    if not text:
        return False
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and isinstance(value.get("claims"), list)


#: where the next string or bracket may start
_NEXT = re.compile(r"[\"'{}\[\]]")
#: a whole string in double or single quotes, escapes included
_STRINGS = {'"': re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL),
            "'": re.compile(r"'(?:[^'\\]|\\.)*'", re.DOTALL)}


#: deeper than this, open objects and lists are no claims reply cut off (the reply's
#: shape is a few levels deep) but garbage, re-asked like any reply that is not JSON
_MAX_CUT_DEPTH = 32


def cut_off(text: str) -> bool:
    """``text`` ends inside a JSON value: an object or list opened and not closed, or a
    string inside one not closed (prose around the JSON is not judged; a JSON string
    holding the JSON, double-encoded, is judged by what it holds). Brackets opened
    more than :data:`_MAX_CUT_DEPTH` deep are not a cut reply but no reply at all."""
    stripped = text.strip()
    if stripped.startswith('"'):
        try:
            inner = json.loads(stripped)
        except (ValueError, RecursionError):
            return True  # the string itself never ends
        return isinstance(inner, str) and cut_off(inner)
    depth, i = 0, 0
    while (m := _NEXT.search(text, i)) is not None:
        mark, i = m.group(), m.end()
        if mark in "{[":
            depth += 1
            if depth > _MAX_CUT_DEPTH:
                return False
        elif mark in "}]":
            depth = max(0, depth - 1)
        elif depth and (mark == '"' or _value_start(text, m.start())):
            whole = _STRINGS[mark].match(text, m.start())
            if whole is None:
                return True  # a string inside the value that never ends
            i = whole.end()
    return depth > 0


def _value_start(text: str, at: int) -> bool:
    """A single quote at ``at`` opens a string (a Python literal's): it follows ``{``,
    ``[``, ``,`` or ``:`` (an apostrophe inside unquoted words does not)."""
    j = at - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] in "{[,:"


#: a UTF-16 surrogate, escaped in JSON text or as a character of a string
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[\ud800-\udfff]")


def surrogates(text: str) -> bool:
    """``text`` holds a UTF-16 surrogate, escaped (``\\ud83d``) or as a character: a
    JSON reader that refuses half of a pair (pydantic's) would refuse the reply."""
    return _SURROGATE.search(text) is not None


def without_surrogates(value: Any) -> Any:
    """``value`` (parsed JSON) with each lone UTF-16 surrogate in its strings and keys
    written as U+FFFD (a pair of them was already one character when it was parsed)."""
    if isinstance(value, str):
        return _LONE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value


_LONE = re.compile("[\ud800-\udfff]")
