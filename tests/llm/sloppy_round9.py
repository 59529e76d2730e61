"""Round nine of the scripted server's sloppy kinds: values written as another JSON
value, members under other names, replies cut or bent by the server (stdlib only;
see scripted_server.py's docstring).

THE REPLIES ARE SCRIPTED: the gold claims, written as a careless model or server writes
them. Claim kinds take ``(claim, article, rng, language)`` like round three's and
four's; reply kinds rewrite the chat completion around the claims (``(completion,
payload, tool name, rng)``); server kinds are played before an article's first answer.
The facts stay the gold's, except where a kind says it writes what no reader should
keep (``cut_off_stop``: a reply cut in the middle, whose last values are cut too).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

__all__ = [
    "QUOTE_LOOP",
    "ROUND9_CLAIM_KINDS",
    "ROUND9_REPLIES",
    "ROUND9_REPLY_KINDS",
    "ROUND9_SERVER_KINDS",
]

_OBJECT_FIELDS = ("actor", "participants", "target", "hosts", "recipient", "date", "quantity",
                  "participant_count")


def _k_json_strings(claim: dict[str, Any], article: str, rng: random.Random,
                    language: str) -> dict[str, Any]:
    """Each object or list member (actors, a date, a quantity) written as a JSON string
    of itself: ``"actor": "[{\\"text\\": \\"France\\", ...}]"``, ``"date": "{\\"value\\":
    ...}"`` (a model that encodes its nested values once more)."""
    return {k: json.dumps(v, ensure_ascii=False)
            if k in _OBJECT_FIELDS and isinstance(v, (dict, list)) and v else v
            for k, v in claim.items()}


def _k_claims_as_strings(claim: dict[str, Any], article: str, rng: random.Random,
                         language: str) -> str:
    """The claim itself as a JSON string inside the list (``"claims": ["{\\"type\\":
    ...}"]``)."""
    return json.dumps(claim, ensure_ascii=False)


def _date_parts(value: str, rng: random.Random) -> dict[str, Any]:
    parts = [int(p) for p in value.split("-")]
    names = ["year", "month", "day"][: len(parts)]
    written = {n: (str(p) if rng.random() < 0.3 else p) for n, p in zip(names, parts, strict=True)}
    if rng.random() < 0.5:
        written = {n.title(): p for n, p in written.items()}
    return written


def _k_date_parts(claim: dict[str, Any], article: str, rng: random.Random,
                  language: str) -> dict[str, Any]:
    """A date's value written as its parts (``{"year": 2026, "month": 3, "day": 3}``, some
    parts as strings, member names in any case), or under another member (``{"date":
    "2026-03-03"}``, ``{"iso": ...}``)."""
    date = claim.get("date")
    if not isinstance(date, dict) or not isinstance(date.get("value"), str):
        return claim
    value = date["value"]
    form = rng.choice(["parts", "parts", "date", "iso"])
    return {**claim, "date": _date_parts(value, rng) if form == "parts" else {form: value}}


_VALUE_NAMES = ("amount", "number", "count", "total")


def _k_member_synonyms(claim: dict[str, Any], article: str, rng: random.Random,
                       language: str) -> dict[str, Any]:
    """A quantity's number under the names models give it: ``amount``, ``number``,
    ``count`` or ``total`` (``{"amount": 2000, "unit": "troops"}``)."""
    out = dict(claim)
    for key in ("quantity", "participant_count"):
        q = out.get(key)
        if isinstance(q, dict) and q.get("value") is not None:
            rest = {k: v for k, v in q.items() if k != "value"}
            out[key] = {rng.choice(_VALUE_NAMES): q["value"], **rest}
    return out


def _k_numbers_for_strings(claim: dict[str, Any], article: str, rng: random.Random,
                           language: str) -> dict[str, Any]:
    """A date's value written as a JSON number: a year as ``2026``, a day as ``20260303``."""
    date = claim.get("date")
    if not isinstance(date, dict) or not isinstance(date.get("value"), str):
        return claim
    value = date["value"]
    if len(value) not in (4, 10):
        return claim
    return {**claim, "date": {**date, "value": int(value.replace("-", ""))}}


_SYMBOLS = {"about": ["~{}", "≈{}", "c. {}", "ca. {}"], "at_least": ["{}+", ">={}", "≥{}"],
            "up_to": ["<={}", "≤{}"]}


def _k_quantity_symbols(claim: dict[str, Any], article: str, rng: random.Random,
                        language: str) -> dict[str, Any]:
    """A quantity's qualifier written as a symbol on its number (``"~300"``, ``"300+"``,
    ``"≥300"``, ``"≤300"``), its unit in brackets after it (``"300 (tanks)"``) or given
    apart; an exact number in brackets only."""
    out = dict(claim)
    for key in ("quantity", "participant_count"):
        q = out.get(key)
        if not isinstance(q, dict) or not isinstance(q.get("value"), (int, float)):
            continue
        number = str(int(q["value"])) if float(q["value"]).is_integer() else str(q["value"])
        forms = _SYMBOLS.get(str(q.get("qualifier")), ["{}"])
        written = rng.choice(forms).format(number)
        unit = q.get("unit")
        if unit and rng.random() < 0.5:
            out[key] = {"value": f"{written} ({unit})"}
        else:
            out[key] = {"value": written, **({"unit": unit} if unit else {})}
    return out


#: how often ``quote_loop`` repeats a quote (a model caught in a repetition loop)
QUOTE_LOOP = 400


def _k_quote_loop(claim: dict[str, Any], article: str, rng: random.Random,
                  language: str) -> dict[str, Any]:
    """A repetition loop: the claim's first quote given :data:`QUOTE_LOOP` times, and
    its short phrases (two words of it, then three) after it, each as a quote."""
    quotes = [q for q in claim.get("quotes", []) if isinstance(q, str)]
    if not quotes:
        return claim
    words = quotes[0].split()
    phrases = [" ".join(words[i:i + n]) for n in (2, 3) for i in range(len(words) - n + 1)]
    return {**claim, "quotes": [*quotes, *[quotes[0]] * QUOTE_LOOP, *phrases]}


_ClaimKind = Callable[[dict[str, Any], str, random.Random, str], Any]

#: round nine's claim kinds
ROUND9_CLAIM_KINDS: dict[str, _ClaimKind] = {
    "json_strings": _k_json_strings,
    "claims_as_strings": _k_claims_as_strings,
    "date_parts": _k_date_parts,
    "member_synonyms": _k_member_synonyms,
    "numbers_for_strings": _k_numbers_for_strings,
    "quantity_symbols": _k_quantity_symbols,
    "quote_loop": _k_quote_loop,
}


# ------------------------------------------------------------------ reply kinds

def _message(completion: dict[str, Any]) -> dict[str, Any]:
    return completion["choices"][0]["message"]


def _r_cut_off_stop(completion: dict[str, Any], payload: dict[str, Any], name: str,
                    rng: random.Random) -> None:
    """The arguments cut off at 60 % (inside a value), ``finish_reason`` ``"stop"``: a
    proxy or server that ends the reply early without saying so."""
    args = json.dumps(payload, ensure_ascii=False)
    _message(completion)["tool_calls"][0]["function"]["arguments"] = args[: len(args) * 3 // 5]
    completion["choices"][0]["finish_reason"] = "stop"


def _indexed(payload: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    form = rng.choice(["{}", "claim_{}", "Claim {}"])
    start = rng.choice([0, 1])
    return {"claims": {form.format(i + start): c for i, c in enumerate(payload["claims"])}}


def _r_indexed_claims(completion: dict[str, Any], payload: dict[str, Any], name: str,
                      rng: random.Random) -> None:
    """The claims as an object keyed by their number (``{"claims": {"0": {...}, "1":
    {...}}}``, ``"claim_1"``, ``"Claim 1"``)."""
    _message(completion)["tool_calls"][0]["function"]["arguments"] = json.dumps(
        _indexed(payload, rng), ensure_ascii=False)


def _r_content_parts(completion: dict[str, Any], payload: dict[str, Any], name: str,
                     rng: random.Random) -> None:
    """No tool call: the JSON in the content as a list of parts (``[{"type": "text",
    "text": "..."}]``), as some servers write every message."""
    text = json.dumps(payload, ensure_ascii=False)
    half = len(text) // 2
    completion["choices"][0]["message"] = {
        "role": "assistant", "tool_calls": None,
        "content": [{"type": "text", "text": text[:half]}, {"type": "text", "text": text[half:]}]}
    completion["choices"][0]["finish_reason"] = "stop"


def _r_arguments_null(completion: dict[str, Any], payload: dict[str, Any], name: str,
                      rng: random.Random) -> None:
    """A tool call whose arguments are null, the JSON in the message content."""
    message = _message(completion)
    message["content"] = json.dumps(payload, ensure_ascii=False)
    message["tool_calls"][0]["function"]["arguments"] = None


def _r_junk_usage(completion: dict[str, Any], payload: dict[str, Any], name: str,
                  rng: random.Random) -> None:
    """The token counts written as no count: ``"N/A"``, ``-5``, ``1e30``, ``null``, ``"12"``."""
    junk = ["N/A", -5, 1e30, None, "12", "many"]
    completion["usage"] = {"prompt_tokens": rng.choice(junk), "completion_tokens": rng.choice(junk),
                           "total_tokens": rng.choice(junk)}


def _r_lone_surrogates(completion: dict[str, Any], payload: dict[str, Any], name: str,
                       rng: random.Random) -> None:
    """Each summary opened with half of an emoji (a lone UTF-16 surrogate, ``\\ud83d``), as
    a model that cut an escaped emoji writes it."""
    args = json.dumps(payload, ensure_ascii=False)
    _message(completion)["tool_calls"][0]["function"]["arguments"] = args.replace(
        '"summary": "', '"summary": "\\ud83d ')


def _r_secret_echo(completion: dict[str, Any], payload: dict[str, Any], name: str,
                   rng: random.Random) -> None:
    """The request's API key (``{key}``, replaced by the server) written into each claim's
    summary and ``attributed_to``, as a model told to repeat its headers, or a proxy that
    injects them, would."""
    claims = [{**c, "summary": f"{c.get('summary') or ''} (key {{key}})",
               "attributed_to": "Authorization: Bearer {key}"} if isinstance(c, dict) else c
              for c in payload["claims"]]
    _message(completion)["tool_calls"][0]["function"]["arguments"] = json.dumps(
        {"claims": claims}, ensure_ascii=False)


_Reply = Callable[[dict[str, Any], dict[str, Any], str, random.Random], None]

#: round nine's reply kinds, the functions that write them (tools mode)
ROUND9_REPLIES: dict[str, _Reply] = {
    "cut_off_stop": _r_cut_off_stop,
    "indexed_claims": _r_indexed_claims,
    "content_parts": _r_content_parts,
    "arguments_null": _r_arguments_null,
    "junk_usage": _r_junk_usage,
    "lone_surrogates": _r_lone_surrogates,
    "secret_echo": _r_secret_echo,
}

#: round nine's server kinds: played before an article's first answer (see _flaky)
ROUND9_SERVER_KINDS: dict[str, str] = {
    "retry_after_junk": "before its answer, an article gets HTTP 429 with a Retry-After "
                        "that is neither seconds nor a date (\"soon\", \"-1\", \"1e400\", "
                        "\"Mon, 99 Foo\")",
    "trickle": "an article's first answer is sent a few bytes at a time over twice the "
               "server's timeout_seconds (each read in time, the whole too late)",
    "huge_reply": "an article's first answer is padded past 20 MB (a summary of spaces)",
}

#: every reply kind of round nine, by name: what it does
ROUND9_REPLY_KINDS: dict[str, str] = {
    **{name: (fn.__doc__ or "").split("\n\n")[0] for name, fn in ROUND9_REPLIES.items()},
    **ROUND9_SERVER_KINDS,
}
