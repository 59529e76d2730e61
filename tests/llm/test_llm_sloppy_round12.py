"""Round twelve: another provider's replies read as the OpenAI backend's are, and a
stream that breaks off with an error event read as that error.

THE REPLIES ARE SCRIPTED: a provider subclass that answers from a hand-written list of
replies (no network), and the scripted server (scripted_server.py; round twelve's kinds
in sloppy_round12.py) sending the gold answer, or hand-written claims of the
hand-written article of round nine, as events cut off by an error. No model and no real
endpoint is used.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from conftest import FAKE_KEY
from scripted_server import raw, reply
from sloppy_round12 import CONTEXT_EVENTS, ERROR_EVENTS, stream_error_body
from test_llm_sloppy_round9 import PLEDGE, REFUSAL, TEXT, _one, _recovered, _run

import claimkit
from claimkit.extract.llm.core import ChunkCall, LLMBackend, Reply
from claimkit.schemas import DocumentClaims, Failure

BOTH = {"claims": [PLEDGE, REFUSAL]}
BOTH_JSON = json.dumps(BOTH)
#: a draft the model threw away: the pledge as a refusal (a claim the answer does not make)
DRAFT = json.dumps({"claims": [{**PLEDGE, "type": "refusal"}]})


class Replies(LLMBackend):
    """A provider as docs/llm.md's "Another provider": it implements ``complete`` only,
    and answers with the replies it was given, the last one again when they run out."""

    name = "replies"

    def __init__(self, *replies: Reply, **settings: Any) -> None:
        super().__init__(model="m", cache=False, **settings)
        self.replies = list(replies)
        self.asked = 0

    async def complete(self, call: ChunkCall, messages: list[dict[str, Any]]) -> Reply:
        self.asked += 1
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


def _extract(*replies: Reply, **settings: Any) -> tuple[Any, int]:
    provider = Replies(*replies, **settings)
    (record,) = claimkit.extract(TEXT, backend=provider, normalize=False).records
    return record, provider.asked


def _types(record: Any) -> list[str]:
    assert isinstance(record, DocumentClaims), record
    return sorted(c.type for c in record.claims)


# ------------------------------------------- another provider: the one tidying step


def _trailing_commas(text: str) -> str:
    return text.replace("}", ",}").replace("]", ",]")


#: a reply's content as models write it around the object asked for
WRITTEN = {
    "fenced": f"Here you are:\n```json\n{BOTH_JSON}\n```",
    "prose": f"Sure! I found these claims: {BOTH_JSON} Let me know if you need more.",
    "python_literal": repr(BOTH),
    "trailing_commas": _trailing_commas(BOTH_JSON),
    "double_encoded": json.dumps(BOTH_JSON),
    "think_tags": f"<think>A draft: {DRAFT} No, that type is wrong.</think>\n{BOTH_JSON}",
    "lone_think_end": f"The user wants claims. {DRAFT} Wrong type; redo.\n</think>\n{BOTH_JSON}",
    "harmony": (f"<|channel|>analysis<|message|>Draft: {DRAFT}<|end|><|start|>assistant"
                f"<|channel|>final<|message|>{BOTH_JSON}<|return|>"),
    "call_as_text": f'<tool_call>{{"name": "ExtractedClaims", "arguments": {BOTH_JSON}}}</tool_call>',
}


@pytest.mark.parametrize("form", sorted(WRITTEN))
def test_another_providers_reply_is_read_as_the_openai_backends_is(form) -> None:
    """Before: the core's loop (a provider implementing ``complete``) validated the content
    as strict JSON, so each of these was re-asked until the document failed (3 requests,
    kind backend); the OpenAI backend read them at once. Now both read a reply through
    the one tidying step (:mod:`claimkit.extract.llm.tidy`). A draft in the thoughts is
    not read with the answer."""
    record, asked = _extract(Reply(WRITTEN[form]))
    assert _types(record) == ["pledge", "refusal"] and asked == 1


def test_an_answer_only_in_the_reasoning_is_read_and_a_draft_there_is_not() -> None:
    thoughts = f'Draft: {{"claims": []}} - too few. Another: {DRAFT} Final:\n{BOTH_JSON}\n'
    record, asked = _extract(Reply("", reasoning=thoughts))
    assert _types(record) == ["pledge", "refusal"] and asked == 1
    # guard: beside a content, the reasoning is thoughts (its draft is not read)
    record, asked = _extract(Reply(json.dumps({"claims": [PLEDGE]}), reasoning=thoughts))
    assert _types(record) == ["pledge"] and asked == 1


def test_a_reply_cut_at_the_token_limit_whose_json_is_complete_is_kept() -> None:
    """Before: any reply flagged ``truncated`` split the chunk; this one, below
    ``min_chunk_chars``, failed the document (kind truncated)."""
    record, asked = _extract(Reply(BOTH_JSON, truncated=True))
    assert _types(record) == ["pledge", "refusal"] and asked == 1
    # guards: cut inside its JSON, flagged or not, it is still cut off (never read cut)
    cut = BOTH_JSON[: BOTH_JSON.index("1500") + 2]
    for truncated in (True, False):
        record, _ = _extract(Reply(cut, truncated=truncated))
        assert isinstance(record, Failure) and record.kind == "truncated", record


def test_a_refusal_ends_the_document_at_once_naming_it_without_the_key() -> None:
    """Before: a provider had no way to say "refused"; the refusal's text was re-asked
    until the document failed as a reply that "did not fit the claim schema"."""
    said = f"I'm sorry, but I can't help with that (key {FAKE_KEY})."
    record, asked = _extract(Reply(said, refusal=said), api_key=FAKE_KEY)
    assert isinstance(record, Failure) and record.kind == "backend" and asked == 1
    assert "the model refused to answer" in record.message
    assert FAKE_KEY not in record.message and "[REDACTED]" in record.message
    # guard: claims beside a refusal are the answer
    record, asked = _extract(Reply(BOTH_JSON, refusal="I can't"))
    assert _types(record) == ["pledge", "refusal"] and asked == 1


def test_what_no_reading_makes_json_is_still_reasked_and_the_reply_as_asked_kept() -> None:
    """Guards (passed before too): words without JSON are re-asked, ``max_reasks + 1``
    replies, then a backend failure; the object as asked, as text or already parsed,
    is taken as it is, and so is the bare list of claims (the response model reads it)."""
    record, asked = _extract(Reply("I could not find any claims, sorry."), max_reasks=2)
    assert isinstance(record, Failure) and record.kind == "backend" and asked == 3
    assert "did not fit the claim schema" in record.message
    for content in (BOTH_JSON, BOTH, json.dumps(BOTH["claims"])):
        record, asked = _extract(Reply(content))
        assert _types(record) == ["pledge", "refusal"] and asked == 1


def test_a_reply_that_reads_after_a_reask_keeps_the_models_own_words_in_the_reask() -> None:
    """The re-ask shows the model what it wrote (not the tidied text): a reply tidied
    but with a quote not in the article is re-asked about that claim."""
    wrong = {**REFUSAL, "quotes": ["Austria will never join any mission"]}
    first = f"```json\n{json.dumps({'claims': [PLEDGE, wrong]})}\n```"
    provider = Replies(Reply(first), Reply(json.dumps({"claims": [REFUSAL]})))
    sent: list[list[dict[str, Any]]] = []
    complete = provider.complete

    async def recorded(call: ChunkCall, messages: list[dict[str, Any]]) -> Reply:
        sent.append(messages)
        return await complete(call, messages)

    provider.complete = recorded  # type: ignore[method-assign]
    (record,) = claimkit.extract(TEXT, backend=provider, normalize=False).records
    assert _types(record) == ["pledge", "refusal"] and provider.asked == 2
    assistant = sent[1][-2]
    assert assistant["role"] == "assistant" and assistant["content"] == first


# ------------------------------------------- a stream that breaks off with an error


def _broken_stream(event: str) -> Any:
    """The hand-written answer (both claims) as events cut halfway, then ``event``."""
    message = {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c", "type": "function",
         "function": {"name": "ExtractedClaims", "arguments": BOTH_JSON}}]}
    completion = {"id": "x", "created": 0, "model": "m",
                  "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls"}],
                  "usage": {"prompt_tokens": 10, "completion_tokens": 10}}
    return raw(200, stream_error_body(completion, event).decode("utf-8"))


@pytest.mark.parametrize("event", ERROR_EVENTS)
def test_an_error_event_mid_stream_is_retried_as_the_server_error_it_is(event) -> None:
    """Before: the error event was dropped, the arguments sent before it were read as a
    reply cut off, and the chunk was split (this one, below ``min_chunk_chars``: a
    ``truncated`` failure after one request). Now a rate limit, an overloaded or failed
    server is retried, and the answer that follows is read."""
    record, requests = _one(_broken_stream(event), reply([PLEDGE, REFUSAL]))
    assert _types(record) == ["pledge", "refusal"] and requests == 2


def test_an_error_event_that_persists_is_a_transient_failure_saying_so(caplog) -> None:
    with caplog.at_level(logging.INFO):
        record, requests = _one(*[_broken_stream(ERROR_EVENTS[-1])] * 3)
    assert isinstance(record, Failure) and record.kind == "transient", record
    assert requests == 3  # max_api_retries=2
    assert "an error event in the reply's stream (read as HTTP 500)" in record.message
    assert FAKE_KEY not in caplog.text + record.message  # the event echoed the key


@pytest.mark.parametrize("event", CONTEXT_EVENTS)
def test_a_context_error_event_splits_the_chunk_then_fails_as_context(event) -> None:
    """Before: read as a cut reply (kind ``truncated``, "raise max_tokens"); now as the
    request too long that it is (kind ``context``, "set --context-window")."""
    record, requests = _one(*[_broken_stream(event)] * 3)
    assert isinstance(record, Failure) and record.kind == "context", record
    assert "--context-window" in record.message and requests == 1


def test_an_invalid_request_event_is_a_backend_failure_naming_it_without_the_key() -> None:
    event = ('data: {"error": {"message": "Invalid value for tool_choice; key {key}", '
             '"type": "invalid_request_error", "code": null}}')
    record, requests = _one(*[_broken_stream(event)] * 3)
    assert isinstance(record, Failure) and record.kind == "backend" and requests == 1
    assert "Invalid value for tool_choice" in record.message
    assert FAKE_KEY not in record.message and "[REDACTED]" in record.message


def test_sse_error_reads_the_error_events_servers_send_and_nothing_else() -> None:
    from claimkit.extract.llm.lenient import sse_error

    assert sse_error('event: error\ndata: upstream went away\n\n') == {
        "message": "upstream went away"}
    assert sse_error('data: {"error": "CUDA out of memory", "error_type": "generation"}\n\n') == {
        "error_type": "generation", "message": "CUDA out of memory"}
    anthropic = 'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", ' \
                '"message": "Overloaded"}}\n\n'
    assert sse_error(anthropic) == {"type": "overloaded_error", "message": "Overloaded"}
    # guards: a stream without an error, an "error" said in a delta's words, a null
    # error member, a body that is no stream
    chunk = {"choices": [{"index": 0, "delta": {"content": '{"error": "none"}'}}], "error": None}
    assert sse_error(f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n") is None
    assert sse_error('{"error": {"message": "not a stream"}}') is None
    assert sse_error("data: [DONE]\n\n") is None


def test_the_gold_answer_broken_off_by_an_error_event_loses_nothing(gold_claims, articles_dir,
                                                                    gold_dir) -> None:
    """Every sample article's first answer broken off by one of the error events: one
    retry each, every gold claim back (before: split down to ``min_chunk_chars``)."""
    records, requests = _run(gold_claims, articles_dir, ["stream_errors"])
    _recovered(records, gold_dir)
    assert requests == 2 * len(records)


def test_a_context_error_event_on_long_requests_is_split_to_fit(gold_claims, articles_dir,
                                                                gold_dir) -> None:
    """Guard (recovered before too, by accident: the cut reply split the chunk)."""
    records, requests = _run(gold_claims, articles_dir, ["stream_context"])
    _recovered(records, gold_dir)
    assert requests > len(records)
