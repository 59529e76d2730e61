"""Round eleven of the scripted server's sloppy kinds: what open-source servers and
reasoning models really send back (stdlib only; see scripted_server.py's docstring).

THE REPLIES ARE SCRIPTED: the gold claims, written as a reasoning model, a model that
echoes the JSON Schema, or a server that streams unasked writes them. Reply kinds rewrite
the chat completion around the claims (``(completion, payload, request, rng)``: the request
too, for its tool schema and its re-asks); ``sse_body`` is played when the answer is sent
(:func:`sse_body`). The facts stay the gold's.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

__all__ = ["ROUND11_CLAIM_KINDS", "ROUND11_REPLIES", "ROUND11_REPLY_KINDS", "SSE_KIND",
           "sse_body"]


# ------------------------------------------------------------------ claim kinds

#: how a number with its cents is written: thousands grouped, then the decimal mark
#: (English, German, French with a narrow no-break space, Swiss)
_GROUPINGS = ((",", "."), (".", ","), ("\u202f", ","), ("'", "."))


def _grouped(value: Any, rng: random.Random) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    group, mark = rng.choice(_GROUPINGS)
    english = f"{value:,.2f}"  # 2,000.00
    return english.replace(",", "\0").replace(".", mark).replace("\0", group)


def _k_grouped_decimals(claim: dict[str, Any], article: str, rng: random.Random,
                        language: str) -> dict[str, Any]:
    """Every quantity written as a string with its thousands grouped and two decimals,
    in one of four locales' marks: ``"2,000.00"``, ``"2.000,00"``, ``"2 000,00"``,
    ``"2'000.00"``."""
    out = dict(claim)
    for k in ("quantity", "participant_count"):
        v = out.get(k)
        if isinstance(v, dict):
            out[k] = {m: _grouped(x, rng) if m in ("value", "value_max") else x
                      for m, x in v.items()}
    return out


_ClaimKind = Callable[[dict[str, Any], str, random.Random, str], Any]

#: round eleven's claim kinds
ROUND11_CLAIM_KINDS: dict[str, _ClaimKind] = {"grouped_decimals": _k_grouped_decimals}


# ------------------------------------------------------------------ reply kinds

#: what a reasoning model thinks before it answers (the drafts around the answer)
_THOUGHTS = (
    "Okay, let me read the article. The user wants the claims as JSON. A first draft: "
    '{"claims": []} - no, that misses the pledges. Let me list them properly.',
    "We need to extract pledges, refusals, warnings and meetings. Let me check each quote "
    "is verbatim. Final answer:",
)


def _r_reasoning_only(completion: dict[str, Any], payload: dict[str, Any],
                      request: dict[str, Any], rng: random.Random) -> None:
    """No tool call and an empty content: the JSON only in the message's reasoning
    (``reasoning_content`` as vLLM's and DeepSeek's reasoning parsers write it,
    ``reasoning`` as OpenRouter, Ollama and LM Studio do), after the model's drafts
    (a draft JSON with no claims among them)."""
    answer = json.dumps(payload, ensure_ascii=False)
    member = rng.choice(("reasoning_content", "reasoning"))
    completion["choices"][0]["message"] = {
        "role": "assistant", "tool_calls": None, "content": rng.choice(("", None, "\n\n")),
        member: f"{_THOUGHTS[0]}\n\n{_THOUGHTS[1]}\n{answer}\n"}
    completion["choices"][0]["finish_reason"] = "stop"


def _draft(payload: dict[str, Any]) -> str:
    """A draft of the answer that the model threw away: its first claim as another type
    (a claim the answer does not make), and only that."""
    claims = payload["claims"]
    if not claims:
        return json.dumps({"claims": []})
    first = claims[0]
    other = "refusal" if first.get("type") != "refusal" else "pledge"
    return json.dumps({"claims": [{**first, "type": other}]}, ensure_ascii=False)


def _thoughts_around(answer: str, draft: str, rng: random.Random) -> str:
    """``answer`` after thoughts holding ``draft``, as reasoning models write them when the
    server's reasoning parser is off: ``<think>...</think>``, the closing tag alone (the
    chat template wrote the opening one), Magistral's ``[THINK]...[/THINK]``, gpt-oss's
    harmony channels (analysis, then final)."""
    thought = f"The user wants claims. Draft: {draft} Hmm, that type is wrong; redo."
    forms = [
        f"<think>\n{thought}\n</think>\n\n{answer}",
        f"{thought}\n</think>\n\n{answer}",
        f"[THINK]{thought}[/THINK]{answer}",
        f"<|channel|>analysis<|message|>{thought}<|end|><|start|>assistant"
        f"<|channel|>final<|message|>{answer}<|return|>",
    ]
    return rng.choice(forms)


def _r_thought_drafts(completion: dict[str, Any], payload: dict[str, Any],
                      request: dict[str, Any], rng: random.Random) -> None:
    """No tool call: the content is the model's thoughts, holding a draft of the answer it
    threw away (a claim of another type), then the answer (``<think>``, a lone
    ``</think>``, ``[THINK]``, harmony's analysis and final channels)."""
    answer = json.dumps(payload, ensure_ascii=False)
    completion["choices"][0]["message"] = {
        "role": "assistant", "tool_calls": None,
        "content": _thoughts_around(answer, _draft(payload), rng)}
    completion["choices"][0]["finish_reason"] = "stop"


def _schema_shaped(payload: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """``payload`` written in the shape of its JSON Schema, the values in the place of the
    schema's ``properties`` and ``items``."""
    claims = payload["claims"]
    form = rng.randrange(3)
    if form == 0:
        return {"type": "object", "properties": {"claims": {"type": "array", "items": claims}}}
    if form == 1:
        return {"claims": {"type": "array", "items": claims}}
    return {"title": "ExtractedClaims", "type": "object", "properties": {"claims": [
        {"type": "object", "title": str(c.get("type", "")).title(), "properties": c}
        for c in claims]}, "required": ["claims"]}


def _r_schema_values(completion: dict[str, Any], payload: dict[str, Any],
                     request: dict[str, Any], rng: random.Random) -> None:
    """The reply written as the schema echoed with its values filled in:
    ``{"type": "object", "properties": {"claims": {"type": "array", "items": [...]}}}``,
    ``{"claims": {"type": "array", "items": [...]}}``, or each claim as ``{"type":
    "object", "title": "Pledge", "properties": {...}}``."""
    _set_arguments(completion, _schema_shaped(payload, rng))


def _r_schema_echo(completion: dict[str, Any], payload: dict[str, Any],
                   request: dict[str, Any], rng: random.Random) -> None:
    """The first reply about an article is the request's JSON Schema itself (the tool's
    ``parameters``, or the whole tool definition), no data; asked again, the model
    answers."""
    if any(m.get("role") == "assistant" for m in request["messages"]):
        return  # a re-ask: the answer
    tool = request["tools"][0]["function"]
    _set_arguments(completion, rng.choice((tool["parameters"], tool)))


def _r_one_not_list(completion: dict[str, Any], payload: dict[str, Any],
                    request: dict[str, Any], rng: random.Random) -> None:
    """A list of one written as the one object: the message's ``tool_calls`` as the call
    itself, or the completion's ``choices`` as the choice itself."""
    if rng.random() < 0.5:
        message = completion["choices"][0]["message"]
        message["tool_calls"] = message["tool_calls"][0]
    else:
        completion["choices"] = completion["choices"][0]


def _set_arguments(completion: dict[str, Any], value: Any) -> None:
    call = completion["choices"][0]["message"]["tool_calls"][0]
    call["function"]["arguments"] = json.dumps(value, ensure_ascii=False)


#: the name of the kind played when the answer is sent (see :func:`sse_body`)
SSE_KIND = "sse_body"


def sse_body(completion: dict[str, Any], rng: random.Random) -> bytes:
    """``completion`` as server-sent events, ``data: [DONE]`` last, to a request that did
    not ask to stream: the whole completion as one event, or as ``chat.completion.chunk``
    deltas (the role, the content or the tool call's arguments in pieces, the finish
    reason, then the usage), as llama.cpp's, vLLM's and Ollama's streams write them."""
    events = [completion] if rng.random() < 0.3 else _chunks(completion)
    lines = [f"data: {json.dumps(e, ensure_ascii=False)}\n\n" for e in events]
    return ("".join(lines) + "data: [DONE]\n\n").encode("utf-8")


def _chunks(completion: dict[str, Any]) -> list[dict[str, Any]]:
    """The completion as stream chunks: each delta a piece of at most 40 characters."""
    head = {k: completion[k] for k in ("id", "created", "model")}
    head["object"] = "chat.completion.chunk"
    message = completion["choices"][0]["message"]

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**head, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    out = [chunk({"role": "assistant", "content": ""})]
    for i, call in enumerate(message.get("tool_calls") or []):
        args = call["function"]["arguments"]
        out.append(chunk({"tool_calls": [{"index": i, "id": call["id"], "type": "function",
                                          "function": {"name": call["function"]["name"],
                                                       "arguments": ""}}]}))
        out += [chunk({"tool_calls": [{"index": i, "function": {"arguments": args[a:a + 40]}}]})
                for a in range(0, len(args), 40)]
    content = message.get("content") or ""
    out += [chunk({"content": content[a:a + 40]}) for a in range(0, len(content), 40)]
    out.append(chunk({}, completion["choices"][0]["finish_reason"]))
    out.append({**head, "choices": [], "usage": completion["usage"]})
    return out


_Reply = Callable[[dict[str, Any], dict[str, Any], dict[str, Any], random.Random], None]

#: round eleven's reply kinds, the functions that write them (tools mode)
ROUND11_REPLIES: dict[str, _Reply] = {
    "reasoning_only": _r_reasoning_only,
    "schema_values": _r_schema_values,
    "schema_echo": _r_schema_echo,
    "one_not_list": _r_one_not_list,
    "thought_drafts": _r_thought_drafts,
}

#: every reply kind of round eleven, by name: what it does
ROUND11_REPLY_KINDS: dict[str, str] = {
    **{name: (fn.__doc__ or "").split("\n\n")[0] for name, fn in ROUND11_REPLIES.items()},
    SSE_KIND: (sse_body.__doc__ or "").split("\n\n")[0],
}
