"""Round ten of the scripted server's sloppy kinds: function calls written as text by a
chat template, claims under other names, and a server whose context window is smaller
than the request (stdlib only; see scripted_server.py's docstring).

THE REPLIES ARE SCRIPTED: the gold claims, written as a careless model or server writes
them. Claim kinds take ``(claim, article, rng, language)`` like round nine's; reply kinds
rewrite the chat completion around the claims (``(completion, payload, tool name,
rng)``); the server kind is played on every request it concerns. The facts stay the gold's.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

__all__ = [
    "CONTEXT_BODIES",
    "CONTEXT_CHARS",
    "ROUND10_CLAIM_KINDS",
    "ROUND10_REPLIES",
    "ROUND10_REPLY_KINDS",
    "ROUND10_SERVER_KINDS",
]

#: names a model puts one claim under (``{"claim": {...}}``)
_CLAIM_WRAPPERS = ("claim", "Claim", "item", "entry", "extracted_claim")


def _k_claim_wrappers(claim: dict[str, Any], article: str, rng: random.Random,
                      language: str) -> dict[str, Any]:
    """Each claim inside an object of one member of another name (``{"claim": {...}}``,
    ``{"item": {...}}``, ``{"entry": {...}}``)."""
    return {rng.choice(_CLAIM_WRAPPERS): claim}


#: what a model joins several quotes with into one string
_JOINERS = ("\n", "; ", " | ", " / ", "\n\n")


def _k_joined_quotes(claim: dict[str, Any], article: str, rng: random.Random,
                     language: str) -> dict[str, Any]:
    """A claim's quotes (two or more) joined into one string, by a line break, ``"; "``,
    ``" | "`` or ``" / "`` (``"quotes": "A; B"``)."""
    quotes = claim.get("quotes")
    if not isinstance(quotes, list) or len(quotes) < 2:
        return claim
    return {**claim, "quotes": rng.choice(_JOINERS).join(quotes)}


_ClaimKind = Callable[[dict[str, Any], str, random.Random, str], Any]

#: round ten's claim kinds
ROUND10_CLAIM_KINDS: dict[str, _ClaimKind] = {"claim_wrappers": _k_claim_wrappers,
                                              "joined_quotes": _k_joined_quotes}


# ------------------------------------------------------------------ reply kinds

def _call_text(name: str, payload: dict[str, Any], rng: random.Random) -> str:
    """The function call as a chat template writes it into the content when the server's
    tool-call parser does not read it back (Mistral, Hermes/Qwen, Llama 3.1, OpenAI's
    own shape)."""
    arguments = json.dumps(payload, ensure_ascii=False)
    call = json.dumps({"name": name, "arguments": payload}, ensure_ascii=False)
    forms = [
        f"[TOOL_CALLS] [{call}]",
        f"<tool_call>\n{call}\n</tool_call>",
        "<|python_tag|>" + json.dumps({"name": name, "parameters": payload}, ensure_ascii=False),
        json.dumps([{"id": "call_0", "type": "function",
                     "function": {"name": name, "arguments": arguments}}], ensure_ascii=False),
    ]
    return rng.choice(forms)


def _r_call_as_text(completion: dict[str, Any], payload: dict[str, Any], name: str,
                    rng: random.Random) -> None:
    """No tool call: the function call written as text in the content, as a chat template
    writes it (``[TOOL_CALLS] [{"name": ..., "arguments": {...}}]``, ``<tool_call>...
    </tool_call>``, ``<|python_tag|>{"name": ..., "parameters": ...}``, or a list of
    OpenAI tool-call objects whose arguments are a JSON string)."""
    completion["choices"][0]["message"] = {"role": "assistant", "tool_calls": None,
                                           "content": _call_text(name, payload, rng)}
    completion["choices"][0]["finish_reason"] = "stop"


#: what models call the list of claims, and what they write beside it
_RENAMED = (("extracted_claims", "count"), ("results", "notes"), ("items", "language"),
            ("Claims_found", "total"))


def _r_renamed_claims(completion: dict[str, Any], payload: dict[str, Any], name: str,
                      rng: random.Random) -> None:
    """The claims under another name beside another member (``{"extracted_claims": [...],
    "count": 2}``, ``{"results": [...], "notes": "..."}``); a reply without claims keeps
    its ``claims``."""
    claims = payload["claims"]
    if not claims:
        return
    key, other = rng.choice(_RENAMED)
    beside: Any = len(claims) if other in ("count", "total") else "as asked"
    args = json.dumps({key: claims, other: beside}, ensure_ascii=False)
    completion["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = args


_Reply = Callable[[dict[str, Any], dict[str, Any], str, random.Random], None]

#: round ten's reply kinds, the functions that write them (tools mode)
ROUND10_REPLIES: dict[str, _Reply] = {
    "call_as_text": _r_call_as_text,
    "renamed_claims": _r_renamed_claims,
}

#: longest article text the ``context_limit`` server takes in one request
CONTEXT_CHARS = 3000

#: how servers refuse a request longer than the model's window: the error bodies of
#: OpenAI, vLLM and llama.cpp's server, as they write them
CONTEXT_BODIES: tuple[dict[str, Any], ...] = (
    {"error": {"message": "This model's maximum context length is 4096 tokens. However, your "
                          "messages resulted in 5210 tokens. Please reduce the length of the "
                          "messages.",
               "type": "invalid_request_error", "param": "messages",
               "code": "context_length_exceeded"}},
    {"object": "error", "message": "This model's maximum context length is 4096 tokens. "
                                   "However, you requested 5210 tokens (4186 in the messages, "
                                   "1024 in the completion). Please reduce the length of the "
                                   "messages or completion.",
     "type": "BadRequestError", "param": None, "code": 400},
    {"error": {"code": 400, "message": "the request exceeds the available context size, try "
                                       "increasing it",
               "type": "exceed_context_size_error", "n_prompt_tokens": 5210, "n_ctx": 4096}},
)


#: round ten's server kinds (see ScriptedServer._next_step)
ROUND10_SERVER_KINDS: dict[str, str] = {
    "context_limit": f"a request whose article text is longer than {CONTEXT_CHARS} "
                     "characters is refused with HTTP 400 and a context-length message "
                     "(OpenAI's, vLLM's or llama.cpp's wording)",
}

#: every reply kind of round ten, by name: what it does
ROUND10_REPLY_KINDS: dict[str, str] = {
    **{name: (fn.__doc__ or "").split("\n\n")[0] for name, fn in ROUND10_REPLIES.items()},
    **ROUND10_SERVER_KINDS,
}
