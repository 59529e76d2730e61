"""Round twelve of the scripted server's sloppy kinds: a stream that breaks off with an
error event (stdlib only; see scripted_server.py's docstring).

THE REPLIES ARE SCRIPTED: the gold answer, sent as server-sent events to a request that
did not ask to stream (as round eleven's ``sse_body``), cut off halfway through the tool
call's arguments by an error event worded as real servers word theirs. The server plays
these kinds itself (see ``ScriptedServer._next_step`` and ``_flaky``).
"""

from __future__ import annotations

import json
from typing import Any

from sloppy_round10 import CONTEXT_CHARS
from sloppy_round11 import _chunks

__all__ = ["CONTEXT_EVENTS", "ERROR_EVENTS", "ROUND12_SERVER_KINDS", "stream_error_body"]

#: how servers report a failure after they began to answer, one event each: OpenAI's
#: rate limit, Anthropic's ``event: error`` (overloaded), llama.cpp's server error,
#: OpenRouter's chunk with an ``error`` beside its choices, TGI's error string; the
#: last echoes the request's key (``{key}``), as a proxy's error may
ERROR_EVENTS: tuple[str, ...] = (
    'data: {"error": {"message": "Rate limit reached for gpt-4o-mini on tokens per min '
    '(TPM): Limit 200000, Used 199000. Please try again in 20ms.", "type": "tokens", '
    '"param": null, "code": "rate_limit_exceeded"}}',
    'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", '
    '"message": "Overloaded"}}',
    'data: {"error": {"code": 500, "message": "upstream connection reset while generating", '
    '"type": "server_error"}}',
    'data: {"id": "gen-1", "object": "chat.completion.chunk", "created": 0, "model": "m", '
    '"error": {"code": "server_error", "message": "Provider disconnected unexpectedly"}, '
    '"choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}]}',
    'data: {"error": "Request failed during generation: Server error: CUDA out of memory", '
    '"error_type": "generation"}',
    'event: error\ndata: {"error": {"message": "backend failed for Authorization: Bearer '
    '{key}; please retry", "type": "server_error"}}',
)

#: how servers report, in a stream, a request longer than the model's window: vLLM's
#: error (its HTTP status as ``code``), OpenAI's code
CONTEXT_EVENTS: tuple[str, ...] = (
    'data: {"error": {"object": "error", "message": "This model\'s maximum context length '
    'is 4096 tokens. However, you requested 5210 tokens (4186 in the messages, 1024 in the '
    'completion).", "type": "BadRequestError", "param": null, "code": 400}}',
    'data: {"error": {"message": "Your input exceeds the context window of this model.", '
    '"type": "invalid_request_error", "code": "context_length_exceeded"}}',
)

#: round twelve's server kinds (see ScriptedServer._next_step and _flaky)
ROUND12_SERVER_KINDS: dict[str, str] = {
    "stream_errors": "an article's first answer, sent as server-sent events, breaks off "
                     "halfway through the tool call's arguments with an error event (a "
                     "rate limit, an overloaded or failed server: OpenAI's, Anthropic's, "
                     "llama.cpp's, OpenRouter's or TGI's wording, one echoing the key)",
    "stream_context": f"a request whose article text is longer than {CONTEXT_CHARS} "
                      "characters is answered with server-sent events that break off with "
                      "a context-length error event (vLLM's or OpenAI's wording)",
}


def stream_error_body(completion: dict[str, Any], event: str) -> bytes:
    """``completion`` as ``chat.completion.chunk`` events cut halfway through (the
    arguments in part, no finish reason), then ``event`` (an error), then
    ``data: [DONE]``."""
    chunks = _chunks(completion)[:-2]  # no finish reason, no usage: it broke off
    kept = chunks[: max(2, len(chunks) // 2)]
    lines = [f"data: {json.dumps(c, ensure_ascii=False)}\n\n" for c in kept]
    return ("".join(lines) + event + "\n\n" + "data: [DONE]\n\n").encode("utf-8")
