"""Request bodies and replies of the chat-completions API: pure functions, no openai import.

Used by :mod:`claimkit.extract.openai`: the request JSON (the response schema
serialised once), reading the answer out of a reply (tool call, JSON object
or fenced JSON), the messages that send an error back (a re-ask), and turning
a validated reply into drafts whose quotes are located in the text.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from claimkit.extract.base import Draft
from claimkit.extract.chunking import Chunk
from claimkit.grounding import Aligner
from claimkit.schemas import Span

__all__ = [
    "TOOL",
    "answer_text",
    "json_instructions",
    "locate_drafts",
    "reask_message",
    "reask_messages",
    "request_body",
    "request_tail",
    "validation_message",
]

#: name of the function the model calls with the claims (mode ``tools``)
TOOL = "record_claims"
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


@lru_cache(maxsize=64)
def request_tail(
    model_name: str, temperature: float, max_tokens: int | None, mode: str,
    model: type[BaseModel],
) -> str:
    """The JSON members of a request after ``messages``, serialised once.

    ``tools``/``tool_choice`` (or ``response_format``) carry the 14 kB schema;
    encoding it once instead of per request is most of the client's CPU saving.
    """
    options: dict[str, Any] = {"model": model_name, "temperature": temperature}
    if max_tokens:
        options["max_tokens"] = max_tokens
    if mode == "tools":
        options["tools"] = [{
            "type": "function",
            "function": {
                "name": TOOL,
                "description": model.__doc__ or "",
                "parameters": model.model_json_schema(),
            },
        }]
        options["tool_choice"] = {"type": "function", "function": {"name": TOOL}}
    elif mode == "json":
        options["response_format"] = {"type": "json_object"}
    return json.dumps(options, ensure_ascii=False)[1:-1]


def request_body(messages: list[dict[str, Any]], tail: str) -> bytes:
    """The request as UTF-8 JSON; the article text appears in it unescaped (bar JSON escapes)."""
    head = json.dumps({"messages": messages}, ensure_ascii=False)[:-1]
    return (head + ", " + tail + "}").encode("utf-8")


def json_instructions(model: type[BaseModel]) -> str:
    schema = json.dumps(model.model_json_schema(), ensure_ascii=False)
    return (
        "\n\nAnswer with one JSON object, and nothing else, that fits this JSON Schema:\n"
        + schema
    )


def answer_text(message: Any, mode: str) -> str:
    """The JSON text of a reply: the tool call's arguments, or the message's JSON."""
    if mode == "tools":
        calls = getattr(message, "tool_calls", None) or []
        if not calls:
            raise ValueError(f"no call of the function {TOOL}; call it with the claims")
        return str(calls[0].function.arguments)
    content = str(getattr(message, "content", None) or "")
    fenced = _FENCE.search(content)
    return fenced.group(1) if fenced else content


def reask_messages(message: Any, mode: str, error: str) -> list[dict[str, Any]]:
    """The messages that send an error back: the model's reply, then the error."""
    text = f"{error}\nAnswer again in full, with these errors fixed."
    calls = getattr(message, "tool_calls", None) or []
    if mode == "tools" and calls:
        call = calls[0]
        return [
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{
                    "id": call.id,
                    "type": "function",
                    "function": {"name": call.function.name, "arguments": call.function.arguments},
                }],
            },
            {"role": "tool", "tool_call_id": call.id, "content": text},
        ]
    return [
        {"role": "assistant", "content": str(getattr(message, "content", None) or "")},
        {"role": "user", "content": text},
    ]


def validation_message(exc: Exception) -> str:
    if isinstance(exc, PydanticValidationError):
        lines = ["The reply does not fit the schema:"]
        for err in exc.errors()[:20]:
            loc = ".".join(str(p) for p in err["loc"]) or "(reply)"
            lines.append(f"- {loc}: {err['msg']}")
        return "\n".join(lines)
    return str(exc)


def reask_message(bad: list[tuple[int, str, str | None]]) -> str:
    lines = [
        (
            "These quotes are not in the article text. Every quote must be copied verbatim "
            "from the article: character for character, in the article's language, not "
            "translated, paraphrased, corrected or shortened. Replace each with the exact "
            "words of the article, or drop the claim if the article does not state it:"
        )
    ]
    for i, type_, quote in bad:
        lines.append(
            f"- claim {i} ({type_}): no quote given" if quote is None
            else f"- claim {i} ({type_}): {quote!r}"
        )
    return "\n".join(lines)


def locate_drafts(
    reply: BaseModel, aligner: Aligner, chunk: Chunk
) -> tuple[list[Draft], list[tuple[int, str, str | None]]]:
    """Drafts with their quotes located in the chunk (offsets moved to the document),
    and the quotes that could not be located: (claim number, type, quote or None
    for a claim without any quote)."""
    drafts: list[Draft] = []
    bad: list[tuple[int, str, str | None]] = []
    for i, claim in enumerate(getattr(reply, "claims", []), 1):
        data = claim.model_dump(exclude={"quotes", "type"}, exclude_none=True)
        spans: list[Span] = []
        rest: list[str] = []
        quotes = [q for q in claim.quotes if q and q.strip()]
        if not quotes:
            bad.append((i, claim.type, None))
        for quote in quotes:
            found = aligner.align(quote, near=spans)
            if found is None:
                rest.append(quote)
                bad.append((i, claim.type, quote))
            else:
                spans.append(found.model_copy(
                    update={"start": found.start + chunk.start, "end": found.end + chunk.start}
                ))
        drafts.append(Draft(type=claim.type, fields=data, quotes=tuple(rest), spans=tuple(spans)))
    return drafts, bad
