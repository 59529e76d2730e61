"""A scripted OpenAI-compatible chat-completions server on loopback (stdlib only).

THE REPLIES ARE SCRIPTED. This server answers from the gold annotations or
from a per-test script; it tests claimkit's plumbing (requests, parsing,
grounding, re-asks, retries, chunking, resume, cache), never a model's
quality.

Default reply: the *gold responder*: for each request it returns, as a tool
call, every gold claim with a quote in the article text of the request,
carrying only the quotes that lie in that text (so a chunk gets the claims,
and the parts of claims, stated inside it; merging them is the library's job). Tests
push steps for a given article (found by a marker string in the request's
article text) to script errors, hallucinated quotes, truncation and so on.

*Sloppy mode* (``sloppy=RATE``) stands in for a careless model: the claims
are still the gold responder's (type and quotes), but every other field the
request's tool schema allows is filled from that schema, enums at random,
and each value that can be invalid (an enum, a patterned string, a number, a
boolean) is invalid with probability RATE; a value the gold claim has is
kept when it is not made invalid. It reads the schema of each request, so it
follows whatever the library asks for.

*Sloppy kinds* (``sloppy_kinds=(NAME, ...)``, ``--sloppy-kinds NAME,...``;
``kind_rate`` the share of claims, and of replies, changed by one of the kinds
turned on, chosen at random; with or without ``sloppy``) are the habits of careless models and servers, each named so it
can be measured alone (bench/llm_sloppy.py). The facts stay the gold's; only
their writing is sloppy. Claim kinds:

- ``string_numbers``: every number written as a string (``"2000"``);
- ``scalar_for_list``: a list of one item given as the item (``"quotes": "..."``);
- ``list_for_scalar``: a single value given as a list (``"modality": ["firm"]``);
- ``object_for_string``: a string wrapped in an object (``{"value": "Kyiv"}``);
- ``string_for_object``: an actor as its name, a date as its value, a quantity
  as its number;
- ``null_required``: null for an actor's required ``text`` (its ``name``
  given) and for empty lists;
- ``extra_keys``: members the schema does not have, at every level;
- ``type_case``: the claim type as ``"Pledge"``, ``"PLEDGE"``, ``"pledges"``;
- ``type_foreign``: the claim type translated (``"promesse"``, ``"réunion"``);
- ``type_as_key``: the claim under its type as the only key (``{"pledge": {...}}``);
- ``enum_variants``: enum values as ``"Firm"``, ``"in-person"``, ``"AIR SUPPORT"``;
- ``quote_variants``: quotes in typographic quote marks, lower-cased, with a
  trailing ellipsis, doubled spaces or a line break;
- ``quote_offsets``: evidence as offsets into the article (``[start, end]``,
  ``{"start": .., "end": ..}``);
- ``quote_sentence``: each quote widened to its whole sentence;
- ``free_dates``: dates as ``"March 3rd, 2026"``, ``"2026/03/03"``,
  ``"03.03.2026"``, ``"2026-03-03T00:00:00Z"``, without ``raw``;
- ``odd_actor_keys``: actors as ``{"entity": ...}``, ``{"name": ...}``,
  ``{"actor": ...}``, ``{"label": ...}``.

Round two (claim kinds):

- ``library_fields``: what the library computes filled plausibly but wrongly
  (``id``, ``doc_id``, ``evidence`` spans off the quote, ``ungrounded``, an
  actor's ``iso_code`` and ``resolved``, a date's ``granularity``);
- ``nested_shapes``: wrong shapes inside nested objects (an actor as
  ``["France"]``, ``{"text": ["France"]}``, ``"value": {"value": ...}``);
- ``odd_dates``: dates as ``"3 March 2026"``, ``"20260303"``, ``"2026-3-3"``,
  and impossible ones where the gold has none (``"2025-02-30"``,
  ``"next Tuesday"``, ``"TBD"``);
- ``foreign_enums``: enum values in another language (``"ferme"``,
  ``"bedingt"``) or capitalised;
- ``quote_mangled``: quotes shortened with "...", cut off, with no-break
  spaces and typographic apostrophes, or paraphrased and "translated";
- ``quote_repeated``: each quote twice, and a phrase the article has twice;
- ``duplicate_claims``: each claim given twice;
- ``unknown_types``: a claim of no known type (``"opinion"``, ``""``, null)
  beside each claim;
- ``locale_numbers``: numbers as ``"2.000"``, ``"2 000"``, ``"2'000"``, ``"1,5"``;
- ``empty_values``: nothing written as ``""``, ``"null"``, ``"None"``,
  ``{}``, ``[]`` or null in every empty field.

Round three (claim kinds written in the article's language and script; they read the
request's ``Language:`` line; tests/llm/sloppy_languages.py):

- ``quote_width``: CJK punctuation as ASCII (``，`` -> ``, ``), or ASCII letters, digits
  and marks full-width and spaces ideographic (``２０００``);
- ``quote_unicode_forms``: quotes decomposed (NFD): Vietnamese tones and Cyrillic
  ``й`` as letter plus combining mark, Korean syllables as conjoining jamo;
- ``quote_invisibles``: zero-width spaces, joiners and non-joiners, soft hyphens, word
  joiners, BOMs, LRM/RLM inside words, thin and narrow no-break spaces, Arabic tatweel;
- ``quote_arabic_forms``: harakat and shadda added, hamza seats dropped, ``ة`` as ``ه``,
  alef maksura as ``ي``, Persian ``ی`` ``ک`` for ``ي`` ``ك``;
- ``quote_case``: quotes upper- or lower-cased by Python's language-blind rules or by
  Turkish ones (dotted and dotless i);
- ``quote_marks_local``: quotes inside the language's quotation marks (``「…」``,
  ``«…»``, ``„…“``, ``« … »``), inner marks swapped for another style;
- ``quote_spacing``: Korean words run together or split, spaces between CJK characters,
  a space before ``:;?!`` and none after a comma;
- ``quote_native_digits``: Arabic-Indic or Persian digits in Arabic, full-width digits
  in Chinese, Japanese, Korean;
- ``native_dates``: the date in the language's words, no ``raw`` (``"3 березня 2026 р."``,
  ``"2026年3月3日"``, ``"3 Mart 2026"``, ``"ngày 3 tháng 3 năm 2026"``, ``"٣ مارس ٢٠٢٦"``);
- ``native_enums``: modality and meeting format in the language (``"твёрдое"``,
  ``"电话"``, ``"koşullu"``);
- ``native_numbers``: numbers with the language's scale words and digits (``"1亿"``,
  ``"2 тыс."``, ``"1,5 milyon"``, ``"100 triệu"``, ``"٢٠٠٠"``).

Round four (claim kinds: every field the schema allows, written as a careless model
writes each one; tests/llm/sloppy_fields.py; the field-by-field grid is
tests/llm/field_grid.py):

- ``member_names``: member names in another case or form at every level (``"Type"``,
  ``"QUOTES"``, ``"attributedTo"``, ``"actors"``, the quotes as ``"evidence"`` or ``"quote"``);
- ``placeholders``: every field the gold leaves empty written as a word for nothing
  (``"N/A"``, ``"unknown"``, ``"-"``, ``"TBD"``, ``"не указано"``, ``"不明"``), one more
  actor of that word in each list, a date and a quantity of such words;
- ``quantity_phrases``: a quantity's number, unit and qualifier as one phrase in its
  ``value`` (``"about 2000 troops"``, ``"€90000000000"``);
- ``joined_names``: a list of actors as one string of names (``"France, Germany"``, ``"中国、日本"``);
- ``non_numbers``: where the gold has no number, a quantity of ``true``, ``"NaN"`` or
  ``"Infinity"``;
- ``unusable_actor_text``: an actor's ``text`` as a number, an object of two languages or
  a list of two spellings, beside its ``name``.

Reply kinds (one per reply, chosen at random among those turned on):

- ``content_json``, ``content_fenced``, ``content_prose``: the JSON in the
  message content instead of a tool call: bare, in a ```json fence, or with
  prose before and after;
- ``double_encoded``: the arguments a JSON string holding the JSON;
- ``python_repr``: the arguments as a Python literal (single quotes, None, True);
- ``trailing_commas``: a comma after the last member of every object and list;
- ``two_tool_calls``: the claims split over two tool calls;
- ``other_function``: the tool call under another function name;
- ``bare_list``: the list of claims itself, without ``{"claims": ...}``;
- ``empty_choices``: an empty ``choices`` list;
- ``length_complete``: ``finish_reason: "length"`` on a complete, valid reply.
- ``many_claims``: every claim a hundred times, and 500 claims of no type;
- ``extra_wrappers``: the object inside wrappers of other names;
- ``split_arguments``: the arguments cut into pieces over three tool calls;
- ``arguments_object``: the arguments a JSON object, not a string;
- ``length_cut``: ``finish_reason: "length"`` with the JSON cut off at 60 %;
- ``refusal``: a refusal as content and in the message's ``refusal``;
- ``http_errors``: 429, then a 500 echoing the key, then a timeout before
  each article's answer (played by the server, not in the reply);
- round four: ``grouped_by_type`` (``{"pledges": [...], "meetings": [...]}``, the claims
  without their type), ``nested_lists`` (``{"claims": [[...]]}``), ``null_when_none``
  (no claims written as ``{"claims": null}``, ``"none"`` or ``"N/A"``).

Round nine (tests/llm/sloppy_round9.py): claim kinds ``json_strings`` (objects and lists
written as JSON strings of themselves), ``claims_as_strings`` (each claim a JSON string),
``date_parts`` (``{"year": 2026, "month": 3, "day": 3}``, ``{"date": ...}``),
``member_synonyms`` (a quantity's number as ``amount``, ``count``, ...),
``numbers_for_strings`` (a date's value as the number ``2026`` or ``20260303``),
``quantity_symbols`` (``"~300"``, ``"300+"``, ``"≥300"``, ``"300 (tanks)"``), ``quote_loop``
(a quote repeated hundreds of times); reply kinds ``cut_off_stop`` (cut at 60 %,
``finish_reason`` ``"stop"``), ``indexed_claims`` (``{"claims": {"0": ..., "1": ...}}``),
``content_parts`` (the content as a list of text parts), ``arguments_null`` (a tool call
without arguments, the JSON in the content), ``junk_usage`` (token counts ``"N/A"``,
``-5``, ``1e30``), ``lone_surrogates`` (half an emoji in each summary), ``secret_echo``
(the request's key in each summary); server kinds ``retry_after_junk`` (429 with
``Retry-After: soon``), ``trickle`` (the answer a few bytes at a time, slower than the
client's timeout in all), ``huge_reply`` (the answer padded past 20 MB).

Round ten (tests/llm/sloppy_round10.py): claim kinds ``claim_wrappers`` (each claim as
``{"claim": {...}}``, ``{"item": {...}}``) and ``joined_quotes`` (a claim's quotes joined into
one string: ``"A; B"``, ``"A\nB"``, ``"A | B"``); reply kinds ``call_as_text`` (no tool call: the
function call written into the content as a chat template writes it, ``[TOOL_CALLS]
[{"name": ..., "arguments": {...}}]``, ``<tool_call>...</tool_call>``,
``<|python_tag|>{...}``, a list of OpenAI tool-call objects), ``renamed_claims``
(``{"extracted_claims": [...], "count": 2}``); server kind ``context_limit`` (a request
whose article text passes ``CONTEXT_CHARS`` refused with HTTP 400 and OpenAI's, vLLM's or
llama.cpp's context-length error).

Round eleven (tests/llm/sloppy_round11.py): claim kind ``grouped_decimals`` (quantities as
``"2,000.00"``, ``"2.000,00"``, ``"2 000,00"``, ``"2'000.00"``); reply kinds
``reasoning_only`` (no tool call, an empty content, the JSON only in ``reasoning_content``
or ``reasoning`` after the drafts), ``schema_values`` (the schema echoed with its values
filled in: ``{"type": "object", "properties": {"claims": {"type": "array", "items":
[...]}}}``), ``schema_echo`` (the first reply about an article is the request's JSON Schema
itself, no data), ``one_not_list`` (``tool_calls`` or ``choices`` as the one object, not a
list of it), ``thought_drafts`` (the content the model's thoughts, a draft of the answer
with a claim of another type in them, then the answer: ``<think>``, a lone ``</think>``,
``[THINK]``, harmony's channels) and ``sse_body`` (the answer as server-sent events, ``data: {...}`` then
``data: [DONE]``, to a request that did not ask to stream).

Round twelve (tests/llm/sloppy_round12.py): server kinds ``stream_errors`` (an article's
first answer sent as server-sent events that break off halfway through the arguments with
an error event: a rate limit, an overloaded or failed server) and ``stream_context`` (a
request whose article text passes ``CONTEXT_CHARS`` answered with events that break off
with a context-length error event).

Also usable as a stand-alone program for the benchmark and for trying the
command line without a model::

    python tests/llm/scripted_server.py --port 8765 --gold examples/gold \
        --articles examples/articles
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

from sloppy_fields import FIELD_KINDS, REPLY_SHAPES, shaped
from sloppy_languages import LANGUAGE_KINDS
from sloppy_round9 import (
    ROUND9_CLAIM_KINDS,
    ROUND9_REPLIES,
    ROUND9_REPLY_KINDS,
    ROUND9_SERVER_KINDS,
)
from sloppy_round10 import (
    CONTEXT_BODIES,
    CONTEXT_CHARS,
    ROUND10_CLAIM_KINDS,
    ROUND10_REPLIES,
    ROUND10_REPLY_KINDS,
    ROUND10_SERVER_KINDS,
)
from sloppy_round11 import (
    ROUND11_CLAIM_KINDS,
    ROUND11_REPLIES,
    ROUND11_REPLY_KINDS,
    SSE_KIND,
    sse_body,
)
from sloppy_round12 import CONTEXT_EVENTS, ERROR_EVENTS, ROUND12_SERVER_KINDS, stream_error_body

__all__ = [
    "SLOPPY_KINDS",
    "ScriptedServer",
    "Step",
    "apply_claim_kinds",
    "arguments",
    "drop",
    "echo_key",
    "error",
    "gold_reply_claims",
    "huge",
    "load_gold_claims",
    "malformed",
    "raw",
    "reply",
    "sloppy_claims",
    "slow",
    "trickle",
    "truncated",
    "unreadable",
]

class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default 5 stalls bursts of concurrent connects
    daemon_threads = True


_ARTICLE = re.compile(r"<<<ARTICLE\n(.*)\nARTICLE>>>", re.DOTALL)
_LANGUAGE = re.compile(r"^Language: (\S+)$", re.MULTILINE)


@dataclass
class Step:
    """One scripted answer."""

    kind: str  # reply | error | drop | slow | truncated | malformed | unreadable | arguments | raw
    #            | trickle | huge | stream_error
    claims: list[dict[str, Any]] | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay: float = 0.0


def reply(claims: list[dict[str, Any]] | None = None, delay: float = 0.0) -> Step:
    """A tool call with these claims (None: the gold responder's claims)."""
    return Step("reply", claims=claims, delay=delay)


def error(status: int, headers: dict[str, str] | None = None, message: str = "scripted") -> Step:
    body = {"error": {"message": message, "type": "scripted_error", "code": status}}
    return Step("error", status=status, headers=headers or {}, body=body)


#: in an error's message or a raw body, replaced by the key the request was sent with
KEY = "{key}"


def echo_key(status: int = 401) -> Step:
    """An error whose body echoes the request's API key, as real providers word it."""
    messages = {
        401: f"Incorrect API key provided: {KEY}. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        403: f"Project access denied for key {KEY}: you are not allowed to sample from this model",
    }
    message = messages.get(status, f"internal error while authorising {KEY}; please retry")
    return error(status, message=message)


def raw(status: int, text: str) -> Step:
    """A reply that is not JSON (a proxy's page); ``{key}`` is replaced by the request's key."""
    return Step("raw", status=status, body=text)


def drop() -> Step:
    """Close the connection without answering."""
    return Step("drop")


def slow(seconds: float) -> Step:
    """Answer only after ``seconds`` (longer than the client timeout: a timeout)."""
    return Step("slow", delay=seconds)


def trickle(seconds: float) -> Step:
    """The usual answer, written a few bytes at a time over ``seconds`` (each write comes
    soon after the last one: only the whole answer is late)."""
    return Step("trickle", delay=seconds)


#: bytes of padding in a :func:`huge` answer
HUGE_BYTES = 20_000_000


def huge(size: int = HUGE_BYTES) -> Step:
    """The usual answer with ``size`` bytes of padding (a member of spaces) in it."""
    return Step("huge", body=size)


def truncated() -> Step:
    """A reply cut off at the token limit (finish_reason=length, broken JSON)."""
    return Step("truncated")


def malformed() -> Step:
    """A tool call whose arguments are broken JSON (an unquoted key, a trailing comma)."""
    return Step("malformed")


def unreadable() -> Step:
    """A tool call whose arguments hold no JSON at all (words only)."""
    return Step("unreadable")


def arguments(text: str) -> Step:
    """A tool call whose arguments are ``text``, as it is."""
    return Step("arguments", body=text)


# ------------------------------------------------------------------------ gold


def load_gold_claims(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold lines by document stem."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(Path(gold_dir).glob("*.jsonl")):
        out[path.stem] = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return out


def _actor(name: str) -> dict[str, Any]:
    return {"text": name, "name": name}


def gold_reply_claims(gold: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold lines turned into the reply shape the model is asked for."""
    claims = []
    for g in gold:
        a = g.get("attributes", {})
        c: dict[str, Any] = {
            "type": g["type"],
            "quotes": list(g["evidence"]),
            "actor": [_actor(n) for n in g.get("actor", [])],
            "summary": f"Scripted {g['type']} claim (not written by a model).",
        }
        if g.get("date"):
            c["date"] = {"value": g["date"]}
        if g.get("modality"):
            c["modality"] = g["modality"]
        if g["type"] == "pledge":
            if a.get("recipient"):
                c["recipient"] = _actor(a["recipient"])
            for k in ("what", "condition"):
                if a.get(k):
                    c[k] = a[k]
            if a.get("amount") is not None:
                c["quantity"] = {"value": a["amount"], "unit": a.get("unit")}
        elif g["type"] == "refusal":
            for k in ("what", "condition"):
                if a.get(k):
                    c[k] = a[k]
        elif g["type"] == "warning":
            c["target"] = [_actor(n) for n in a.get("target", [])]
            for k in ("consequence", "condition"):
                if a.get(k):
                    c[k] = a[k]
        elif g["type"] == "meeting":
            c["participants"] = [_actor(n) for n in a.get("participants", [])]
            if a.get("participant_count") is not None:
                c["participant_count"] = {
                    "value": a["participant_count"],
                    "qualifier": a.get("count_qualifier", "exact"),
                }
            for k in ("location", "format", "topic"):
                if a.get(k):
                    c[k] = a[k]
        else:  # a user's claim type: names in lists become actors, the rest as written
            for k, v in a.items():
                names = isinstance(v, list) and all(isinstance(x, str) for x in v)
                c[k] = [_actor(x) for x in v] if names else v
        claims.append(c)
    return claims


# ---------------------------------------------------------------------- sloppy

#: values tried for a string with a ``pattern`` (the first that matches is used)
_PATTERNED = ["2025-03-14", "2025-03", "2025", "GB", "EUR", "x"]


def sloppy_claims(
    tool_schema: dict[str, Any], gold: list[dict[str, Any]], rate: float, rng: random.Random
) -> list[dict[str, Any]]:
    """``gold`` claims (type, quotes) with every other field of ``tool_schema`` filled:
    enums at random, each value that can be invalid invalid with probability ``rate``."""
    defs = tool_schema.get("$defs", {})
    items = tool_schema.get("properties", {}).get("claims", {}).get("items", {})
    variants = [_resolve(v, defs) for v in items.get("oneOf", items.get("anyOf", [items]))]
    out = []
    for claim in gold:
        schema = next((v for v in variants if _const(v) == claim["type"]), None)
        if schema is None:
            out.append(claim)
            continue
        filled = _fill(schema, claim, defs, rate, rng)
        filled["type"], filled["quotes"] = claim["type"], claim["quotes"]
        out.append(filled)
    return out


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _const(schema: dict[str, Any]) -> Any:
    t = schema.get("properties", {}).get("type", {})
    return t.get("const", (t.get("enum") or [None])[0])


def _fill(schema: dict[str, Any], given: Any, defs: dict[str, Any], rate: float,
          rng: random.Random) -> Any:  # noqa: C901 - one branch per JSON-schema kind
    schema = _resolve(schema, defs)
    if "anyOf" in schema:
        options = [o for o in schema["anyOf"] if _resolve(o, defs).get("type") != "null"]
        return _fill(rng.choice(options), given, defs, rate, rng) if options else None
    bad = rng.random() < rate
    if "enum" in schema:
        if bad:
            return "not-" + str(schema["enum"][0])
        return given if given in schema["enum"] else rng.choice(schema["enum"])
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "object":
        given = given if isinstance(given, dict) else {}
        return {name: _fill(prop, given.get(name), defs, rate, rng)
                for name, prop in schema.get("properties", {}).items()}
    if kind == "array":
        values = given if isinstance(given, list) and given else [None]
        return [_fill(schema.get("items", {}), v, defs, rate, rng) for v in values]
    if kind == "string":
        pattern = schema.get("pattern")
        if pattern:
            if not bad and isinstance(given, str) and re.fullmatch(pattern, given):
                return given
            return "sometime" if bad else next(
                (v for v in _PATTERNED if re.fullmatch(pattern, v)), "x")
        return given if isinstance(given, str) else "sloppy"
    if kind in ("number", "integer"):
        return "a few" if bad else (given if isinstance(given, (int, float)) else rng.randint(1, 99))
    if kind == "boolean":
        return "perhaps" if bad else rng.random() < 0.5
    return given


# ----------------------------------------------------------------- sloppy kinds
# Each kind is one habit of careless models or servers, named so that the
# benchmark (bench/llm_sloppy.py) and the tests can turn it on alone
# (``sloppy_kinds=(NAME, ...)``, ``--sloppy-kinds NAME,...``; ``kind_rate`` is
# the share of claims, or of replies, it changes). Claim kinds rewrite claims
# of the reply; reply kinds rewrite the reply around them. The facts stay the
# gold's: only the way they are written is sloppy.

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
#: type names as a model writing in French might give them
_FOREIGN_TYPES = {"pledge": "promesse", "refusal": "refus", "warning": "avertissement",
                  "meeting": "réunion"}
_CLAIM_LISTS = ("quotes", "actor", "participants", "target", "hosts")
_CLAIM_TEXTS = ("what", "condition", "consequence", "location", "topic", "summary",
                "modality", "format", "status")


def _numbers_as_strings(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return {k: _numbers_as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers_as_strings(v) for v in value]
    return value


def _k_string_numbers(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Every number written as a string: ``"2000"``, ``"26"``."""
    return _numbers_as_strings(claim)


def _k_scalar_for_list(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """A list of one item given as the item: ``"quotes": "..."``, ``"actor": {...}``."""
    return {k: v[0] if k in _CLAIM_LISTS and isinstance(v, list) and len(v) == 1 else v
            for k, v in claim.items()}


def _k_list_for_scalar(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """A single value given as a list of it: ``"modality": ["firm"]``, ``"date": [{...}]``."""
    return {k: [v] if k not in (*_CLAIM_LISTS, "type") and v is not None
            and not isinstance(v, list) else v for k, v in claim.items()}


def _k_object_for_string(claim: dict[str, Any], article: str,
                         rng: random.Random) -> dict[str, Any]:
    """A string wrapped in an object: ``"location": {"value": "Kyiv"}``."""
    key = rng.choice(["value", "text", "name"])
    return {k: {key: v} if k in _CLAIM_TEXTS and isinstance(v, str) else v
            for k, v in claim.items()}


def _k_string_for_object(claim: dict[str, Any], article: str,
                         rng: random.Random) -> dict[str, Any]:
    """Objects written as their main value: an actor as its name, a date as its value,
    a quantity as its number."""
    out = dict(claim)
    for k, v in claim.items():
        if isinstance(v, dict) and "value" in v and k in ("date", "quantity", "participant_count"):
            out[k] = v["value"] if v["value"] is not None else v.get("raw")
        elif isinstance(v, dict) and "text" in v:
            out[k] = v.get("name") or v["text"]
        elif isinstance(v, list) and k != "quotes":
            out[k] = [x.get("name") or x.get("text") if isinstance(x, dict) else x for x in v]
    return out


def _k_null_required(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """null where a value is required: an actor's ``text`` (its name given), an empty
    list field."""
    out: dict[str, Any] = {}
    for k, v in claim.items():
        if isinstance(v, list) and k != "quotes":
            v = [{**x, "text": None} if isinstance(x, dict) and x.get("name") else x for x in v]
            out[k] = v or None
        elif isinstance(v, dict) and v.get("name") and "text" in v:
            out[k] = {**v, "text": None}
        else:
            out[k] = v
    return out


def _k_extra_keys(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Members the schema does not have, at every level."""
    def extra(value: Any) -> Any:
        if isinstance(value, dict):
            return {**{k: extra(v) for k, v in value.items()}, "confidence": 0.87,
                    "note": "added by the model"}
        if isinstance(value, list):
            return [extra(v) for v in value]
        return value

    return {**{k: extra(v) if k != "quotes" else v for k, v in claim.items()},
            "reasoning": "The article says so."}


def _k_type_case(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """The claim type in another case or form: ``"Pledge"``, ``"PLEDGE"``, ``"pledges"``."""
    t = str(claim.get("type", ""))
    return {**claim, "type": rng.choice([t.title(), t.upper(), t + "s", f" {t}"])}


def _k_type_foreign(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """The claim type translated: ``"promesse"``, ``"réunion"``."""
    t = str(claim.get("type", ""))
    return {**claim, "type": _FOREIGN_TYPES.get(t, t)}


def _k_enum_variants(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Enum values in another case or spelling: ``"Firm"``, ``"in-person"``, ``"AIR SUPPORT"``."""
    def variant(v: str) -> str:
        return rng.choice([v.title(), v.upper(), v.replace("_", "-"), v.replace("_", " ")])

    out = dict(claim)
    for k in ("modality", "what", "format", "status"):
        if isinstance(out.get(k), str) and (k != "what" or out["type"] == "pledge"):
            out[k] = variant(out[k])
    for k in ("actor", "participants", "target", "hosts"):
        if isinstance(out.get(k), list):
            out[k] = [{**a, "kind": variant(a["kind"])} if isinstance(a, dict)
                      and isinstance(a.get("kind"), str) else a for a in out[k]]
    return out


def _quote_variant(quote: str, rng: random.Random) -> str:
    return rng.choice([
        f"“{quote}”",
        f'"{quote}"',
        quote.lower(),
        quote + "...",
        quote.rstrip(".") + "…",
        "  ".join(quote.split(" ")),
        quote.replace(" ", "\n", 1),
    ])


def _k_quote_variants(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Quotes not quite verbatim: typographic quote marks around them, lower case, a
    trailing ellipsis, doubled spaces, a line break."""
    return {**claim, "quotes": [_quote_variant(q, rng) for q in claim["quotes"]]}


def _k_quote_offsets(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Evidence as character offsets into the article: ``[start, end]`` or
    ``{"start": .., "end": ..}``."""
    out = []
    for q in claim["quotes"]:
        at = article.find(q)
        if at < 0:
            out.append(q)
        elif rng.random() < 0.5:
            out.append([at, at + len(q)])
        else:
            out.append({"start": at, "end": at + len(q)})
    return {**claim, "quotes": out}


_SENTENCE_END = re.compile(r"[.!?。！？]\s|\n")


def _k_quote_sentence(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Each quote widened to the whole sentence (or line) around it."""
    out = []
    for q in claim["quotes"]:
        at = article.find(q)
        if at < 0:
            out.append(q)
            continue
        starts = [m.end() for m in _SENTENCE_END.finditer(article, 0, at)]
        end = _SENTENCE_END.search(article, at + len(q))
        out.append(article[(starts[-1] if starts else 0):(end.start() + 1 if end else None)]
                   .strip())
    return {**claim, "quotes": out}


def _free_date(value: str, rng: random.Random) -> str:
    parts = [int(p) for p in value.split("-")]
    if len(parts) < 3:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}" if len(parts) == 2 else f"in {parts[0]}"
    y, m, d = parts
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(d % 10 if d // 10 != 1 else 0, "th")
    return rng.choice([f"{_MONTHS[m - 1]} {d}{suffix}, {y}", f"{d} {_MONTHS[m - 1]} {y}",
                       f"{value}T00:00:00Z", f"{y}/{m:02d}/{d:02d}", f"{d:02d}.{m:02d}.{y}"])


def _k_free_dates(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Dates in free formats (``"March 3rd, 2026"``, ``"2026/03/03"``,
    ``"2026-03-03T00:00:00Z"``, ``"03.03.2026"``), with no ``raw``."""
    date = claim.get("date")
    if not isinstance(date, dict) or not isinstance(date.get("value"), str):
        return claim
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date["value"]):
        return claim
    return {**claim, "date": {"value": _free_date(date["value"], rng)}}


def _k_odd_actor_keys(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Actors as dicts with other keys: ``{"entity": ..., "role": ...}``, ``{"name": ...}``."""
    def odd(a: Any) -> Any:
        if not isinstance(a, dict):
            return a
        name = a.get("name") or a.get("text")
        return rng.choice([{"entity": name, "role": "speaker"}, {"name": name},
                           {"actor": name, "type": "country"}, {"label": name}])

    out = dict(claim)
    for k in ("actor", "participants", "target", "hosts", "recipient"):
        v = out.get(k)
        out[k] = [odd(a) for a in v] if isinstance(v, list) else odd(v) if v else v
    return out


def _k_type_as_key(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """The claim under its type as the only key: ``{"pledge": {"quotes": ...}}``."""
    rest = {k: v for k, v in claim.items() if k != "type"}
    return {str(claim.get("type")): rest}


def _k_library_fields(claim: dict[str, Any], article: str,
                      rng: random.Random) -> dict[str, Any]:
    """What the library computes, filled plausibly but wrongly: an ``id``, ``doc_id``,
    ``evidence`` spans and ``start``/``end`` with offsets shifted off the quote,
    ``ungrounded``, an actor's ``iso_code`` and ``resolved``, a date's
    ``granularity`` and ``resolution``, a ``hash``."""
    def actor(a: Any) -> Any:
        return {**a, "iso_code": rng.choice(["US", "XX", "gb"]), "resolved": True} \
            if isinstance(a, dict) else a

    out = dict(claim)
    for k in ("actor", "participants", "target", "hosts"):
        if isinstance(out.get(k), list):
            out[k] = [actor(a) for a in out[k]]
    if isinstance(out.get("recipient"), dict):
        out["recipient"] = actor(out["recipient"])
    if isinstance(out.get("date"), dict):
        out["date"] = {**out["date"], "granularity": "year", "resolution": "explicit"}
    shift = rng.randint(5, 40)
    spans = [{"start": max(0, article.find(q)) + shift,
              "end": max(0, article.find(q)) + shift + len(q), "text": q}
             for q in claim.get("quotes", [])]
    return {**out, "id": "ple-000000000000", "doc_id": "another-document", "evidence": spans,
            "start": shift, "end": shift + 10, "ungrounded": ["a quote the model made up"],
            "hash": "0" * 40}


def _k_nested_shapes(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Wrong shapes inside nested objects: an actor of a list as a list (``[["France"]]``),
    an object's members as lists of one (``{"text": ["France"]}``, ``"value": [2000]``),
    a nested string wrapped in an object (``"value": {"value": "2025-03-03"}``)."""
    def inner(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: ([x] if isinstance(x, (str, int, float)) and not isinstance(x, bool)
                        and rng.random() < 0.5 else x) for k, x in v.items()}
        return v

    out = dict(claim)
    for k, v in claim.items():
        if k in ("actor", "participants", "target", "hosts") and isinstance(v, list):
            out[k] = [[a.get("name") or a.get("text")] if isinstance(a, dict)
                      and rng.random() < 0.5 else inner(a) for a in v]
        elif k == "date" and isinstance(v, dict) and isinstance(v.get("value"), str):
            out[k] = {**v, "value": {"value": v["value"]}}
        elif isinstance(v, dict):
            out[k] = inner(v)
    return out


#: date values no reader can take as the date: not calendar days, words, ambiguous
_BAD_DATES = ["2025-02-30", "2025-13-01", "next Tuesday", "TBD", "unknown", "0000-00-00",
              "2025-00", "sometime in spring", "03/04/2025"]


def _k_odd_dates(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Dates in many forms: the gold's date as ``"3 March 2026"``, ``"2026-03-03T12:00"``,
    ``"20260303"``, ``"2026-3-3"``, or, where the gold has none, a value no reader can
    take (``"2025-02-30"``, ``"next Tuesday"``, ``"TBD"``, ``"03/04/2025"``)."""
    date = claim.get("date")
    if isinstance(date, dict) and isinstance(date.get("value"), str) and re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", date["value"]):
        y, m, d = (int(x) for x in date["value"].split("-"))
        value = rng.choice([f"{d} {_MONTHS[m - 1]} {y}", f"{date['value']}T12:00",
                            f"{y}{m:02d}{d:02d}", f"{y}-{m}-{d}"])
        return {**claim, "date": {"value": value}}
    if date:
        return claim
    return {**claim, "date": {"value": rng.choice(_BAD_DATES), "raw": None}}


#: enum values as a model answering in another language writes them
_FOREIGN_ENUMS = {"firm": ["ferme", "Fest", "firme", "твёрдое"],
                  "conditional": ["conditionnel", "bedingt", "condicional"],
                  "tentative": ["provisoire", "vorläufig", "tentativo"],
                  "in_person": ["en personne", "persönlich"], "virtual": ["virtuel", "online"]}


def _k_foreign_enums(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Enum values in another language (``"ferme"``, ``"bedingt"``) or capitalised
    (``"CONDITIONAL"``): the first are no value of ours."""
    out = dict(claim)
    for k in ("modality", "format"):
        v = out.get(k)
        if isinstance(v, str):
            out[k] = rng.choice([*_FOREIGN_ENUMS.get(v, []), v.upper(), v.capitalize()])
    return out


def _mangled(quote: str, rng: random.Random) -> str:
    words = quote.split()
    if len(words) < 6:
        return quote.replace(" ", "\u00a0", 1)
    cut = len(words) // 2
    return rng.choice([
        " ".join(words[:2]) + " ... " + " ".join(words[-2:]),  # shortened with "..."
        " ".join(words[:cut]) + "...",  # cut off
        quote.replace(" ", "\u00a0").replace("'", "’").replace('"', "”"),  # other spaces and marks
        "Selon l'article, " + " ".join(reversed(words)),  # paraphrased, "translated"
    ])


def _k_quote_mangled(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Evidence not verbatim: shortened with "..." in the middle, cut off with "...",
    with no-break spaces and typographic apostrophes, or paraphrased and "translated"."""
    return {**claim, "quotes": [_mangled(q, rng) for q in claim.get("quotes", [])]}


def _k_quote_repeated(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Each quote given twice, and a short phrase of it that the article has more than
    once (``"the minister said"``) added as a quote of its own."""
    quotes = list(claim.get("quotes", []))
    out = [q for q in quotes for _ in range(2)]
    for q in quotes:
        words = q.split()
        for n in (2, 3):
            phrases = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
            common = [p for p in phrases if article.count(p) > 1]
            if common:
                out.append(common[0])
                break
    return {**claim, "quotes": out}


def _k_duplicate_claims(claim: dict[str, Any], article: str,
                        rng: random.Random) -> list[dict[str, Any]]:
    """The claim given twice: as it is, then again with its quotes in another order and
    another summary."""
    again = {**claim, "quotes": list(reversed(claim.get("quotes", []))),
             "summary": "The same claim, told again."}
    return [claim, again]


def _k_unknown_types(claim: dict[str, Any], article: str,
                     rng: random.Random) -> list[dict[str, Any]]:
    """Beside the claim, one more of a type that is none of ours or of no type
    (``"opinion"``, ``"fact"``, ``""``, null, a number), quoting the same words, with
    only the members every type has."""
    extra = {"type": rng.choice(["opinion", "fact", "", None, 3, "other claim"]),
             "quotes": claim.get("quotes", []), "actor": claim.get("actor", []),
             "summary": "An extra claim of no known type."}
    return [claim, extra]


_LOCALE_NUMBERS = [
    lambda n: f"{n:,}",  # 2,000 (en)
    lambda n: f"{n:,}".replace(",", "."),  # 2.000 (de, it, es)
    lambda n: f"{n:,}".replace(",", "\u00a0"),  # 2 000 (fr)
    lambda n: f"{n:,}".replace(",", "\u202f"),  # 2 000 (fr, narrow no-break space)
    lambda n: f"{n:,}".replace(",", "'"),  # 2'000 (ch)
    lambda n: f"{n:,}".replace(",", " "),  # 2 000 (ru, pl)
]


def _locale_number(value: Any, rng: random.Random) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if float(value).is_integer():
        return rng.choice(_LOCALE_NUMBERS)(int(value))
    return str(value).replace(".", ",")  # 1,5 (a decimal comma)


def _k_locale_numbers(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Numbers as strings with another locale's separators: ``"2.000"``, ``"2 000"``,
    ``"2'000"``, ``"2,000"``, ``"1,5"``."""
    out = dict(claim)
    for k in ("quantity", "participant_count"):
        v = out.get(k)
        if isinstance(v, dict):
            out[k] = {m: _locale_number(x, rng) if m in ("value", "value_max") else x
                      for m, x in v.items()}
    return out


def _k_empty_values(claim: dict[str, Any], article: str, rng: random.Random) -> dict[str, Any]:
    """Nothing written every way there is: ``""``, ``"null"``, ``"None"``, null, ``[]``,
    ``{}`` for each empty field, and ``""`` for a present actor's name."""
    empty: list[Any] = ["", "null", "None", None, " "]
    out = dict(claim)
    for k in ("modality", "attributed_to", "condition", "consequence", "location",
              "topic", "format", "status"):
        if out.get(k) is None:
            out[k] = rng.choice(empty)
    for k in ("target", "participants", "hosts"):
        if not out.get(k):
            out[k] = rng.choice([[], None, "", {}])
    for k in ("date", "quantity", "participant_count", "recipient"):
        if out.get(k) is None:
            out[k] = rng.choice([{}, "", None, {"value": ""}, {"value": None, "raw": ""}])
    out["actor"] = [{**a, "name": ""} if isinstance(a, dict) and rng.random() < 0.3 else a
                    for a in out.get("actor", [])]
    return out


_ClaimKind = Callable[[dict[str, Any], str, random.Random], Any]

#: claim kinds: each rewrites one claim (claim, article text, random source) as a claim,
#: or as a list of claims (a kind that adds claims)
CLAIM_KINDS: dict[str, _ClaimKind] = {
    "string_numbers": _k_string_numbers,
    "scalar_for_list": _k_scalar_for_list,
    "list_for_scalar": _k_list_for_scalar,
    "object_for_string": _k_object_for_string,
    "string_for_object": _k_string_for_object,
    "null_required": _k_null_required,
    "extra_keys": _k_extra_keys,
    "type_case": _k_type_case,
    "type_foreign": _k_type_foreign,
    "type_as_key": _k_type_as_key,
    "enum_variants": _k_enum_variants,
    "quote_variants": _k_quote_variants,
    "quote_offsets": _k_quote_offsets,
    "quote_sentence": _k_quote_sentence,
    "free_dates": _k_free_dates,
    "odd_actor_keys": _k_odd_actor_keys,
    "library_fields": _k_library_fields,
    "nested_shapes": _k_nested_shapes,
    "odd_dates": _k_odd_dates,
    "foreign_enums": _k_foreign_enums,
    "quote_mangled": _k_quote_mangled,
    "quote_repeated": _k_quote_repeated,
    "duplicate_claims": _k_duplicate_claims,
    "unknown_types": _k_unknown_types,
    "locale_numbers": _k_locale_numbers,
    "empty_values": _k_empty_values,
}

#: reply kinds: how the reply around the claims is written (see :func:`_completion`)
REPLY_KINDS: dict[str, str] = {
    "content_json": "the JSON in the message content, no tool call",
    "content_fenced": "the JSON in the content inside a ```json fence",
    "content_prose": "the JSON in the content with prose before and after",
    "double_encoded": "the tool call's arguments a JSON string holding the JSON",
    "python_repr": "the arguments written as a Python literal (single quotes, None, True)",
    "trailing_commas": "a comma after the last member of every object and list",
    "two_tool_calls": "the claims split over two tool calls",
    "other_function": "the tool call under another function name",
    "bare_list": "the arguments the list of claims itself, without {\"claims\": ...}",
    "empty_choices": "an empty choices list (a server hiccup)",
    "length_complete": "finish_reason \"length\" on a complete, valid reply",
    "many_claims": "every claim a hundred times over, and 500 claims of no type and no quote",
    "extra_wrappers": "the object inside wrappers of other names ({\"status\": \"ok\", "
                      "\"response\": {\"result\": ...}})",
    "split_arguments": "the arguments cut into pieces over three tool calls (a stream "
                       "gathered badly)",
    "arguments_object": "the arguments a JSON object instead of a string",
    "length_cut": "finish_reason \"length\" with the JSON cut off at 60 %",
    "refusal": "no tool call: a refusal (\"I'm sorry, but I can't help with that.\") as "
               "content and in the message's refusal",
    "http_errors": "before its answer, an article gets HTTP 429, then a 500 that echoes the "
                   "key, then a timeout",
    **REPLY_SHAPES,
}

#: reply kinds the server plays before answering, not in the answer (see _next_step)
_SERVER_KINDS = ("http_errors", *ROUND9_SERVER_KINDS, *ROUND10_SERVER_KINDS,
                 *ROUND12_SERVER_KINDS)

#: claim kinds that also get the document's language
_WITH_LANGUAGE = {**LANGUAGE_KINDS, **FIELD_KINDS, **ROUND9_CLAIM_KINDS, **ROUND10_CLAIM_KINDS,
                  **ROUND11_CLAIM_KINDS}

#: every kind, by name: what it does (the module docstring's list)
SLOPPY_KINDS: dict[str, str] = {
    **{name: (fn.__doc__ or "").split("\n\n")[0]
       for name, fn in {**CLAIM_KINDS, **_WITH_LANGUAGE}.items()},
    **REPLY_KINDS,
    **ROUND9_REPLY_KINDS,
    **ROUND10_REPLY_KINDS,
    **ROUND11_REPLY_KINDS,
    **ROUND12_SERVER_KINDS,
}


def apply_claim_kinds(claims: list[dict[str, Any]], kinds: Iterable[str], rate: float,
                      article: str, rng: random.Random,
                      language: str = "unknown") -> list[dict[str, Any]]:
    """``claims`` with one claim kind of ``kinds`` (chosen at random) applied to a share
    ``rate`` of them; round three's kinds also get the document's ``language``."""
    with_language = _WITH_LANGUAGE
    chosen = [k for k in kinds if k in CLAIM_KINDS or k in with_language]
    out = []
    for claim in claims:
        if chosen and rng.random() < rate:
            kind = rng.choice(chosen)
            claim = (with_language[kind](claim, article, rng, language) if kind in with_language
                     else CLAIM_KINDS[kind](claim, article, rng))
        out.extend(claim if isinstance(claim, list) else [claim])
    return out


def _trailing_commas(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + "".join(f"{json.dumps(k)}: {_trailing_commas(v)}, "
                             for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + "".join(f"{_trailing_commas(v)}, " for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _sloppy_message(message: dict[str, Any], payload: dict[str, Any], kind: str,
                    name: str) -> None:
    """Rewrite ``message`` (a tool call of ``name`` with ``payload``) as reply kind ``kind``."""
    args = json.dumps(payload, ensure_ascii=False)
    call = {"id": "call_0", "type": "function", "function": {"name": name, "arguments": args}}
    if kind.startswith("content_"):
        message["tool_calls"] = None
        message["content"] = {
            "content_json": args,
            "content_fenced": f"Here is the result:\n```json\n{args}\n```",
            "content_prose": f"Sure! I found these claims in the article: {args} "
                             "Let me know if you need anything else.",
        }[kind]
        return
    if kind == "double_encoded":
        call["function"]["arguments"] = json.dumps(args, ensure_ascii=False)
    elif kind == "python_repr":
        call["function"]["arguments"] = repr(payload)
    elif kind == "trailing_commas":
        call["function"]["arguments"] = _trailing_commas(payload)
    elif kind == "other_function":
        call["function"]["name"] = "extract_claims"
    elif kind == "bare_list":
        call["function"]["arguments"] = json.dumps(payload["claims"], ensure_ascii=False)
    elif kind == "extra_wrappers":
        call["function"]["arguments"] = json.dumps(
            {"status": "ok", "model": "sloppy", "response": {"result": {name: payload}}},
            ensure_ascii=False)
    elif kind == "arguments_object":
        call["function"]["arguments"] = payload
    elif kind in REPLY_SHAPES:
        call["function"]["arguments"] = json.dumps(
            shaped(payload, kind, random.Random(len(args))), ensure_ascii=False)
    elif kind == "length_cut":
        call["function"]["arguments"] = args[: max(10, len(args) * 3 // 5)]
    elif kind == "split_arguments":
        cuts = [0, len(args) // 3, 2 * len(args) // 3, len(args)]
        message["tool_calls"] = [
            {"id": "call_0", "type": "function",
             "function": {"name": name if i == 0 else "", "arguments": args[a:b]}}
            for i, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False))]
        return
    elif kind == "two_tool_calls":
        claims = payload["claims"]
        half = (len(claims) + 1) // 2
        second = {"id": "call_1", "type": "function",
                  "function": {"name": name, "arguments": json.dumps(
                      {"claims": claims[half:]}, ensure_ascii=False)}}
        call["function"]["arguments"] = json.dumps({"claims": claims[:half]}, ensure_ascii=False)
        message["tool_calls"] = [call, second]
        return
    message["tool_calls"] = [call]


# ---------------------------------------------------------------------- server


class LoopbackServer:
    """Life cycle of a scripted HTTP server on 127.0.0.1 (``self._httpd``), run in a
    daemon thread: ``with Server(...) as s:`` starts and stops it."""

    _httpd: _Server
    _thread: threading.Thread | None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ScriptedServer(LoopbackServer):
    """The server, run in a daemon thread on 127.0.0.1.

    Args:
        gold: gold claims by document stem; the gold responder answers an
            article with the claims whose quotes it contains.
        port: 0 picks a free port (cassettes match on path, not host/port).
        latency: seconds every answer waits (the benchmark's L).
        failure_rate: share of requests answered by a random 429/500/timeout
            (benchmark); ``timeout_seconds`` is how long a "timeout" stalls.
        sloppy: None, or the rate of invalid values of sloppy mode (see the
            module docstring).
        sloppy_kinds: named kinds of sloppiness (:data:`SLOPPY_KINDS`), with or
            without ``sloppy``.
        kind_rate: the share of claims, and of replies, that one of the kinds
            turned on (chosen at random) changes.
    """

    def __init__(
        self,
        gold: dict[str, list[dict[str, Any]]] | None = None,
        *,
        port: int = 0,
        latency: float = 0.0,
        failure_rate: float = 0.0,
        timeout_seconds: float = 2.0,
        seed: int = 0,
        sloppy: float | None = None,
        sloppy_kinds: Iterable[str] = (),
        kind_rate: float = 1.0,
    ) -> None:
        self.sloppy = sloppy
        self.sloppy_kinds = tuple(sloppy_kinds)
        unknown = [k for k in self.sloppy_kinds if k not in SLOPPY_KINDS]
        if unknown:
            raise ValueError(f"unknown sloppy kinds {unknown}; known: {sorted(SLOPPY_KINDS)}")
        self.kind_rate = kind_rate
        self.in_flight = 0
        self.max_in_flight = 0  # most requests answered at once (the client's concurrency)
        self.gold_claims = [c for claims in (gold or {}).values() for c in gold_reply_claims(claims)]
        self.latency = latency
        self.failure_rate = failure_rate
        self.timeout_seconds = timeout_seconds
        self.random = random.Random(seed)
        self.scripts: list[tuple[str, list[Step]]] = []
        self._seen: set[str] = set()  # articles asked about (http_errors)
        self.requests: list[dict[str, Any]] = []
        #: (time.monotonic(), total tokens) of every completion answered
        self.usage_log: list[tuple[float, int]] = []
        self.raw_requests: list[tuple[dict[str, str], bytes]] = []
        self.responder: Callable[[str], list[dict[str, Any]]] = self.gold_responder
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", port), self._handler())
        self._thread: threading.Thread | None = None

    # -- scripting

    def script(self, marker: str, *steps: Step) -> None:
        """Answer the next requests whose article text contains ``marker`` with ``steps``."""
        self.scripts.append((marker, list(steps)))

    def gold_responder(self, article: str) -> list[dict[str, Any]]:
        """Every gold claim with a quote in ``article``, with only the quotes found there.

        A chunk of a long article thus gets the part of a claim it states: a
        claim whose quotes lie in two chunks comes back twice, each time with
        the quotes of that chunk (the library has to merge them).
        """
        out = []
        for claim in self.gold_claims:
            quotes = [q for q in claim["quotes"] if q in article]
            if quotes:
                out.append({**claim, "quotes": quotes})
        return out

    def _next_step(self, article: str) -> Step:
        with self._lock:
            self._flaky(article)
            if "context_limit" in self.sloppy_kinds and len(article) > CONTEXT_CHARS:
                body = CONTEXT_BODIES[len(article) % len(CONTEXT_BODIES)]
                return Step("error", status=400, body=body)
            if "stream_context" in self.sloppy_kinds and len(article) > CONTEXT_CHARS:
                event = CONTEXT_EVENTS[len(article) % len(CONTEXT_EVENTS)]
                return Step("stream_error", body=event)
            for marker, steps in self.scripts:
                if steps and marker in article:
                    return steps.pop(0)
            if self.failure_rate and self.random.random() < self.failure_rate:
                kind = self.random.choice(["429", "500", "timeout"])
                if kind == "429":
                    return error(429, {"Retry-After": "0"}, "rate limited (injected)")
                if kind == "500":
                    return error(500, message="server error (injected)")
                return slow(self.timeout_seconds)
        return reply(delay=self.latency)

    def _flaky(self, article: str) -> None:
        """With a server kind on, the first request about an article (a share
        ``kind_rate`` of them) is answered as the kinds say: ``http_errors`` 429, then
        500 (echoing the key), then a timeout; ``retry_after_junk`` a 429 whose
        Retry-After is neither seconds nor a date; ``trickle`` the answer, slowly;
        ``huge_reply`` the answer padded past 20 MB; ``stream_errors`` the answer as events
        that break off with an error event; then as usual."""
        kinds = [k for k in _SERVER_KINDS if k in self.sloppy_kinds]
        if not kinds or article in self._seen:
            return
        self._seen.add(article)
        if self.random.random() >= self.kind_rate:
            return
        steps: list[Step] = []
        if "http_errors" in kinds:
            steps += [error(429, {"Retry-After": "0"}, "rate limited (sloppy kind)"),
                      echo_key(500), slow(self.timeout_seconds)]
        if "retry_after_junk" in kinds:
            junk = self.random.choice(["soon", "-1", "1e400", "Mon, 99 Foo 2026", "NaN", "0x10"])
            steps.append(error(429, {"Retry-After": junk}, "rate limited (sloppy kind)"))
        if "trickle" in kinds:
            steps.append(trickle(2 * self.timeout_seconds))
        if "huge_reply" in kinds:
            steps.append(huge())
        if "stream_errors" in kinds:
            steps.append(Step("stream_error", body=self.random.choice(ERROR_EVENTS)))
        self.scripts.insert(0, (article, steps))

    def _reply_kind(self) -> str | None:
        """One of the reply kinds turned on, for a share ``kind_rate`` of the replies."""
        kinds = [k for k in self.sloppy_kinds
                 if (k in REPLY_KINDS or k in ROUND9_REPLY_KINDS or k in ROUND10_REPLY_KINDS
                     or k in ROUND11_REPLY_KINDS)
                 and k not in _SERVER_KINDS]
        if kinds and self.random.random() < self.kind_rate:
            return self.random.choice(kinds)
        return None

    # -- HTTP

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body go out in two writes: without TCP_NODELAY, Nagle's
            # algorithm and the client's delayed ACK add ~40 ms to every answer
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                """``/stats``: how many requests the server has seen (for the benchmark)."""
                with server._lock:
                    stats = {"requests": len(server.requests), "cpu_seconds": time.process_time()}
                self._send(200, stats)

            def do_POST(self) -> None:
                with server._lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._answer()
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                body = json.loads(raw)
                with server._lock:
                    server.requests.append(body)
                    server.raw_requests.append((dict(self.headers), raw))
                # the article asked about: the last user message that holds one (few-shot
                # examples come before it, re-asks after it)
                users = [m["content"] for m in body["messages"] if m["role"] == "user"]
                found = [a.group(1) for u in users if (a := _ARTICLE.search(u or ""))]
                article = found[-1] if found else (users[0] if users else "")
                said = [m.group(1) for u in users if (m := _LANGUAGE.search(u or ""))]
                language = said[-1] if said else "unknown"
                step = server._next_step(article)
                if step.kind == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                if step.kind == "slow":
                    time.sleep(step.delay)
                    step = reply()
                if step.delay and step.kind != "trickle":
                    time.sleep(step.delay)
                key = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                if step.kind == "raw":
                    return self._send_bytes(step.status, step.body.replace(KEY, key).encode(),
                                            "text/html")
                if step.kind == "error":
                    body = json.loads(json.dumps(step.body).replace(KEY, key))
                    return self._send(step.status, body, step.headers)
                claims = step.claims if step.claims is not None else server.responder(article)
                if step.claims is None and server.sloppy is not None and body.get("tools"):
                    with server._lock:
                        claims = sloppy_claims(body["tools"][0]["function"]["parameters"],
                                               claims, server.sloppy, server.random)
                kind = None
                if step.claims is None and server.sloppy_kinds:
                    with server._lock:
                        claims = apply_claim_kinds(claims, server.sloppy_kinds, server.kind_rate,
                                                   article, server.random, language)
                        kind = server._reply_kind()
                args = json.dumps({"claims": claims}, ensure_ascii=False)
                finish = "tool_calls"
                if step.kind == "truncated":
                    args, finish = args[: max(10, len(args) // 2)], "length"
                elif step.kind == "malformed":
                    args = args.replace('"claims":', "claims:", 1) + ",}"
                elif step.kind == "unreadable":
                    args = "I am sorry, I cannot list the claims of this article."
                elif step.kind == "arguments":
                    args = step.body
                completion = _completion(body, args, finish, len(raw))
                if kind is not None:
                    _sloppy_reply(completion, body, {"claims": claims}, kind)
                with server._lock:  # the tokens the server bills, when it bills them
                    server.usage_log.append((time.monotonic(),
                                             completion["usage"]["total_tokens"]))
                if step.kind == "stream_error":  # the answer breaks off with an error event
                    data = stream_error_body(completion, step.body.replace(KEY, key))
                    return self._send_bytes(200, data, "text/event-stream")
                if kind == SSE_KIND:
                    with server._lock:
                        data = sse_body(completion, server.random)
                    return self._send_bytes(200, data, "text/event-stream")
                self._send_answer(completion, step, key if kind == "secret_echo" else None)

            def _send_answer(self, completion: dict[str, Any], step: Step,
                             key: str | None) -> None:
                """The completion as JSON: the request's key in place of ``{key}`` (when
                given), padded (``huge``), written slowly (``trickle``)."""
                data = json.dumps(completion, ensure_ascii=False)
                if key is not None:
                    data = data.replace(KEY, key)
                if step.kind == "huge":
                    data = data[:-1] + ', "padding": "' + " " * int(step.body) + '"}'
                pace = step.delay if step.kind == "trickle" else 0.0
                self._send_bytes(200, data.encode("utf-8"), "application/json", pace=pace)

            def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self._send_bytes(status, data, "application/json", headers)

            def _send_bytes(self, status: int, data: bytes, content_type: str,
                            headers: dict[str, str] | None = None, pace: float = 0.0) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    if not pace:
                        self.wfile.write(data)
                        return
                    pieces = [data[i:i + 16] for i in range(0, len(data), 16)]
                    for piece in pieces:  # trickle: the whole answer over `pace` seconds
                        self.wfile.write(piece)
                        self.wfile.flush()
                        time.sleep(pace / len(pieces))
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    self.close_connection = True

        return Handler


def _completion(request: dict[str, Any], args: str, finish: str, request_bytes: int) -> dict[str, Any]:
    n = len([m for m in request["messages"] if m["role"] == "assistant"])
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [
            {"id": f"call_{n}", "type": "function", "function": {"name": name, "arguments": args}}
        ]
    else:
        message["content"] = args
    # deterministic stand-in token counts (about 4 bytes per token)
    prompt, completion = request_bytes // 4, len(args.encode("utf-8")) // 4
    return {
        "id": f"chatcmpl-scripted-{n}",
        "object": "chat.completion",
        "created": 0,
        "model": request.get("model", "scripted"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
    }


def _sloppy_reply(completion: dict[str, Any], request: dict[str, Any],
                  payload: dict[str, Any], kind: str) -> None:
    """``completion`` rewritten as reply kind ``kind`` (see :data:`REPLY_KINDS`)."""
    if kind == "empty_choices":
        completion["choices"] = []
        return
    choice = completion["choices"][0]
    if kind == "length_complete":
        choice["finish_reason"] = "length"
        return
    if kind == "refusal":
        choice["message"] = {"role": "assistant", "tool_calls": None,
                             "content": "I'm sorry, but I can't help with that.",
                             "refusal": "I'm sorry, but I can't help with that."}
        choice["finish_reason"] = "stop"
        return
    if kind == "many_claims":
        payload = {"claims": [c for c in payload["claims"] for _ in range(100)]
                   + [{"type": None, "quotes": [], "summary": f"noise {i}"} for i in range(500)]}
        kind = "as_asked"
    if kind == SSE_KIND:  # the answer as it is, sent as events (see Handler._answer)
        return
    if kind in ROUND11_REPLIES:
        if request.get("tools"):  # round eleven's reply kinds bend tool calls
            ROUND11_REPLIES[kind](completion, payload, request, random.Random(len(str(payload))))
        return
    rounds = {**ROUND9_REPLIES, **ROUND10_REPLIES}
    if kind in rounds:
        if request.get("tools"):  # round nine's and ten's reply kinds bend tool calls
            name = request["tools"][0]["function"]["name"]
            rounds[kind](completion, payload, name, random.Random(len(str(payload))))
        return
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        _sloppy_message(choice["message"], payload, kind, name)
        if choice["message"].get("tool_calls") is None:
            choice["finish_reason"] = "stop"
    elif kind.startswith("content_") or kind in _CONTENT_KINDS:
        message: dict[str, Any] = {}
        _sloppy_message(message, payload, kind, "json")
        calls = message.get("tool_calls")
        choice["message"]["content"] = (message["content"] if calls is None
                                        else calls[0]["function"]["arguments"])
    if kind == "length_cut":
        choice["finish_reason"] = "length"


#: reply kinds that the JSON modes get too, in the message content
_CONTENT_KINDS = ("python_repr", "trailing_commas", "bare_list", "as_asked", "extra_wrappers",
                  "length_cut", *REPLY_SHAPES)


def main() -> None:  # pragma: no cover - manual use
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--gold", type=Path, default=Path("examples/gold"))
    p.add_argument("--latency", type=float, default=0.0)
    p.add_argument("--failure-rate", type=float, default=0.0)
    p.add_argument("--timeout-seconds", type=float, default=2.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--sloppy", type=float, default=None,
                   help="sloppy mode: fill every field from the schema, this share invalid")
    p.add_argument("--sloppy-kinds", default="",
                   help="named kinds of sloppiness, comma-separated: " + ", ".join(SLOPPY_KINDS))
    p.add_argument("--kind-rate", type=float, default=1.0,
                   help="share of claims or replies each kind changes")
    args = p.parse_args()
    server = ScriptedServer(
        load_gold_claims(args.gold), port=args.port, latency=args.latency,
        failure_rate=args.failure_rate, timeout_seconds=args.timeout_seconds, seed=args.seed,
        sloppy=args.sloppy, sloppy_kinds=[k for k in args.sloppy_kinds.split(",") if k],
        kind_rate=args.kind_rate,
    )
    print(f"scripted server on {server.base_url} (Ctrl-C to stop)", flush=True)
    server.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    finally:
        sys.stdout.flush()


if __name__ == "__main__":  # pragma: no cover
    main()
