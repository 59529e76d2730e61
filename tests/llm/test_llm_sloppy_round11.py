"""Round eleven of the sloppy model: a reasoning model's answer written only into its
reasoning, the JSON Schema echoed back (empty, or with the values filled in), and a
server that answers a request that did not ask to stream with server-sent events.

THE REPLIES ARE SCRIPTED (scripted_server.py; the kinds of round eleven are in
sloppy_round11.py): the gold claims, written as such a model or server writes them, or
hand-written claims of the hand-written article of round nine. No model and no real
endpoint is used.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from conftest import BUILTIN_TYPES
from scripted_server import ScriptedServer, raw, reply
from sloppy_round11 import _chunks
from test_llm_sloppy_round9 import (
    MODEL,
    PLEDGE,
    REFUSAL,
    TEXT,
    _backend,
    _completion,
    _one,
    _recovered,
    _run,
    _tool_call,
    _validated,
)

from claimkit.extract.llm.lenient import (
    answer_text,
    claims_payload,
    last_payload,
    schema_echo,
    sse_data,
)
from claimkit.extract.llm.prompts import response_model
from claimkit.extract.pipeline import aextract
from claimkit.schemas import Document, DocumentClaims, Failure

NAME = "ExtractedClaims"
BOTH = json.dumps({"claims": [PLEDGE, REFUSAL]})


def _kept(record: Any) -> list[str]:
    assert isinstance(record, DocumentClaims), record
    return sorted(c.type for c in record.claims)


# ------------------------------------------------------ the answer only in the reasoning


@pytest.mark.parametrize("member", ["reasoning_content", "reasoning"])
@pytest.mark.parametrize("content", ["", None, "\n\n"])
def test_an_answer_written_only_into_the_reasoning_is_read_not_reasked(member, content) -> None:
    """Before: an empty content and no tool call was re-asked, and the model answering so
    again, the document failed (3 requests, kind backend)."""
    thoughts = f'Draft: {{"claims": []}} - too few. Let me check the quotes. Final:\n{BOTH}\n'
    message = {"role": "assistant", "content": content, member: thoughts}
    record, requests = _one(*[_completion(message)] * 3)
    assert _kept(record) == ["pledge", "refusal"] and requests == 1


def test_the_last_object_of_claims_in_the_reasoning_is_the_answer_not_a_draft() -> None:
    """Guard: drafts come first; the last object holding claims is read, once (its claims
    are not merged with a draft's)."""
    thoughts = (f'First try: {json.dumps({"claims": [REFUSAL]})}. No, the refusal is not '
                f'certain; only the pledge: {json.dumps({"claims": [PLEDGE]})} Done.')
    message = {"role": "assistant", "content": None, "reasoning_content": thoughts}
    record, _ = _one(_completion(message))
    assert _kept(record) == ["pledge"]
    assert last_payload("a {broken draft, then {\"claims\": [1]} and {\"note\": 2}") == {
        "claims": [1]}
    assert last_payload("no JSON, only words") is None
    assert last_payload('{"note": "no claims member"}') is None


def test_a_content_or_a_tool_call_is_read_before_the_reasoning() -> None:
    """Guard: the reasoning is read only when the reply has nothing else: beside a tool
    call or a content, its drafts are thoughts, not the answer."""
    drafts = json.dumps({"claims": [REFUSAL]})
    called = {**_tool_call(json.dumps({"claims": [PLEDGE]})), "reasoning_content": drafts}
    record, _ = _one(_completion(called, "tool_calls"))
    assert _kept(record) == ["pledge"]
    said = {"role": "assistant", "content": json.dumps({"claims": [PLEDGE]}), "reasoning": drafts}
    record, _ = _one(_completion(said))
    assert _kept(record) == ["pledge"]


def test_reasoning_cut_off_at_the_token_limit_is_not_read() -> None:
    """Guard: a reply cut off while the model was still thinking holds drafts only: it is
    a cut reply (the chunk is split), its draft never read as the answer."""
    message = {"role": "assistant", "content": "", "reasoning_content": f"Draft: {BOTH}"}
    record, _ = _one(*[_completion(message, "length")] * 6, reply([]))
    assert not isinstance(record, DocumentClaims) or record.claims == []


def test_reasoning_without_claims_and_no_content_is_still_asked_again() -> None:
    """Guard: thoughts without an object of claims are no answer: asked again."""
    message = {"role": "assistant", "content": "", "reasoning_content": "Let me think {a: b}."}
    record, requests = _one(_completion(message), reply([PLEDGE]))
    assert _kept(record) == ["pledge"] and requests == 2


# ------------------------------------------------- drafts in thoughts written into the text

ONLY_PLEDGE = json.dumps({"claims": [PLEDGE]})
DRAFT = f"The user wants claims. Draft: {json.dumps({'claims': [REFUSAL]})} - no, redo."
THOUGHTS = {
    "think": f"<think>\n{DRAFT}\n</think>\n\n{ONLY_PLEDGE}",
    "lone_end": f"{DRAFT}\n</think>\n\n{ONLY_PLEDGE}",
    "thinking_upper": f"<THINKING>{DRAFT}</THINKING> Answer: {ONLY_PLEDGE}",
    "magistral": f"[THINK]{DRAFT}[/THINK]{ONLY_PLEDGE}",
    "harmony_final": f"<|channel|>analysis<|message|>{DRAFT}<|end|><|start|>assistant"
                     f"<|channel|>final<|message|>{ONLY_PLEDGE}<|return|>",
    "harmony_call": f"<|channel|>analysis<|message|>{DRAFT}<|end|><|start|>assistant<|channel|>"
                    f"commentary to=functions.{NAME} <|constrain|>json<|message|>{ONLY_PLEDGE}"
                    "<|call|>",
}


@pytest.mark.parametrize("where", ["content", "arguments"])
@pytest.mark.parametrize("form", sorted(THOUGHTS))
def test_a_draft_in_the_thoughts_is_not_read_with_the_answer(form, where) -> None:
    """Before: the draft's claims were added to the answer's (here a refusal the answer
    does not make), or, in a tool call's arguments, the reply was re-asked."""
    text = THOUGHTS[form]
    message = _tool_call(text) if where == "arguments" else {"role": "assistant", "content": text}
    record, requests = _one(_completion(message), reply([]))
    assert _kept(record) == ["pledge"] and requests == 1


def test_an_answer_written_only_inside_the_thoughts_is_read() -> None:
    """Guard: with nothing after the thoughts, the last object of claims in them is the
    answer (as for an answer only in ``reasoning_content``); thoughts with no claims are
    no answer (asked again)."""
    text = f"<think>{DRAFT} Final: {ONLY_PLEDGE}</think>"
    record, requests = _one(_completion({"role": "assistant", "content": text}), reply([]))
    assert _kept(record) == ["pledge"] and requests == 1
    assert answer_text("<think>only words, no JSON</think>") == ""


def test_text_without_thoughts_is_read_as_before() -> None:
    """Guard: JSON whose values hold a tag, and prose around JSON with no tag, are not
    touched."""
    tagged = {**PLEDGE, "summary": "It said </think> and [/THINK] in passing."}
    record, _ = _one(_completion(_tool_call(json.dumps({"claims": [tagged, REFUSAL]})),
                                 "tool_calls"))
    assert _kept(record) == ["pledge", "refusal"]
    assert [c.summary for c in record.claims if c.type == "pledge"] == [tagged["summary"]]
    prose = f"Sure! Here they are: {BOTH} Anything else?"
    assert answer_text(prose) == prose


# --------------------------------------------------------------- the schema echoed back


def _schema_shapes() -> dict[str, Any]:
    return {
        "object_and_items": {"type": "object", "properties": {
            "claims": {"type": "array", "items": [PLEDGE, REFUSAL]}}},
        "items": {"claims": {"type": "array", "items": [PLEDGE, REFUSAL]}},
        "each_claim": {"type": "object", "title": NAME, "properties": {"claims": [
            {"type": "object", "title": "Pledge", "properties": PLEDGE},
            {"type": "object", "title": "refusal",
             "properties": {k: v for k, v in REFUSAL.items() if k != "type"}}]}},
    }


@pytest.mark.parametrize("shape", sorted(_schema_shapes()))
def test_the_schema_echoed_with_its_values_filled_in_is_read_as_the_values(shape) -> None:
    """Before: the claims were read as one claim of type "array" (or "object"), dropped as
    of no known type: no claims, no re-ask."""
    args = json.dumps(_schema_shapes()[shape])
    record, requests = _one(_completion(_tool_call(args), "tool_calls"), reply([]))
    assert _kept(record) == ["pledge", "refusal"] and requests == 1


def _schema() -> dict[str, Any]:
    return response_model(BUILTIN_TYPES).model_json_schema()


def test_the_schema_echoed_back_with_no_values_is_asked_again_saying_so() -> None:
    """Before: the echo was read as a reply of no claims (one claim of type "array",
    dropped), and the document ended with no claims, unasked."""
    doc = Document(id="d", text=TEXT, language="en", published="2026-05-12")
    for echo in (_schema(), {"name": NAME, "parameters": _schema()},
                 {"claims": _schema()["properties"]["claims"]}):
        with ScriptedServer({}) as server:
            server.script(TEXT[:20], _completion(_tool_call(json.dumps(echo)), "tool_calls"),
                          reply([PLEDGE]))
            (record,) = asyncio.run(aextract([doc], backend=_backend(server))).records
            reask = json.dumps(server.requests[-1]["messages"][2:])
        assert _kept(record) == ["pledge"] and len(server.requests) == 2
        assert "repeats the JSON Schema" in reask


def test_a_model_that_only_echoes_the_schema_fails_the_document() -> None:
    """Guard: never "no claims" for a document the model never answered."""
    record, requests = _one(*[_completion(_tool_call(json.dumps(_schema())), "tool_calls")] * 3)
    assert isinstance(record, Failure) and record.kind == "backend" and requests == 3


def test_data_is_never_taken_for_a_schema() -> None:
    """Guard: claims, no claims, one claim alone and values named like schema words stay
    data; only schema with no values in it is an echo."""
    assert claims_payload({"claims": []}) == {"claims": []}
    assert claims_payload({"claims": PLEDGE}) == {"claims": [PLEDGE]}
    odd = {**PLEDGE, "what": "object", "summary": "array"}
    assert claims_payload({"claims": [odd]}) == {"claims": [odd]}
    for data in ([PLEDGE], PLEDGE, {"type": "object"}, {"claims": [PLEDGE]}, "string", None):
        assert not schema_echo(data), data
    for echo in (_schema(), {"type": "array", "items": {"$ref": "#/$defs/Pledge"}},
                 {"type": "string", "description": "a quote"}):
        assert schema_echo(echo)


# ------------------------------------------------------ server-sent events, not asked for


def _whole() -> dict[str, Any]:
    message = _tool_call(BOTH)
    return {"id": "x", "object": "chat.completion", "created": 0, "model": MODEL,
            "choices": [{"index": 0, "finish_reason": "tool_calls", "message": message}],
            "usage": {"prompt_tokens": 700, "completion_tokens": 90, "total_tokens": 790}}


def _events(events: list[Any], newline: str = "\n") -> str:
    body = "".join(f"data: {json.dumps(e)}{newline}{newline}" for e in events)
    return body + f"data: [DONE]{newline}{newline}"


def _without_index(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for event in events:
        for choice in event["choices"]:
            for call in choice["delta"].get("tool_calls") or []:
                call.pop("index")
    return events


def _content_chunks() -> list[dict[str, Any]]:
    whole = _whole()
    whole["choices"][0]["message"] = {"role": "assistant", "content": BOTH}
    return _chunks(whole)


SSE_BODIES = {
    "whole_completion": lambda: _events([_whole()]),
    "tool_call_chunks": lambda: _events(_chunks(_whole())),
    "content_chunks": lambda: _events(_content_chunks()),
    "crlf_and_comments": lambda: ": keep-alive\r\n\r\nevent: message\r\n"
                                 + _events(_chunks(_whole()), "\r\n"),
    "chunks_without_index": lambda: _events(_without_index(_chunks(_whole()))),
}


@pytest.mark.parametrize("form", sorted(SSE_BODIES))
def test_a_reply_sent_as_server_sent_events_unasked_is_read(form) -> None:
    """Before: "the endpoint's reply is not JSON", a backend failure at once."""
    record, requests = _one(raw(200, SSE_BODIES[form]()))
    assert _kept(record) == ["pledge", "refusal"] and requests == 1
    if form != "content_chunks":
        assert record.usage is not None and record.usage.prompt_tokens == 700


def test_events_that_hold_no_completion_are_still_no_reply() -> None:
    """Guard: a body of events without a completion (only ``[DONE]``), or with data that
    is not JSON, is still a failure that says so, not a reply of no claims."""
    for body in ("data: [DONE]\n\n", "data: <html>busy</html>\n\ndata: [DONE]\n\n"):
        record, requests = _one(raw(200, body))
        assert isinstance(record, Failure) and record.kind == "backend", body
        assert requests == 1


def test_sse_data_reads_events_and_nothing_else() -> None:
    """Guard: JSON, HTML and prose are no events; an event's data lines are joined."""
    assert sse_data(BOTH) is None and sse_data("<html>data: 1</html>") is None
    assert sse_data('data: {"a":\ndata: 1}\n\ndata: [DONE]\n\n') == [{"a": 1}]
    assert sse_data("data: [DONE]\n\n") == []


# ------------------------------------------------------------ a list of one as the one


def _unlisted(where: str) -> str:
    body = _whole()
    if where == "tool_calls":
        message = body["choices"][0]["message"]
        message["tool_calls"] = message["tool_calls"][0]
    else:
        body["choices"] = body["choices"][0]
    return json.dumps(body)


@pytest.mark.parametrize("where", ["tool_calls", "choices"])
def test_a_list_of_one_written_as_the_one_object_is_read(where) -> None:
    """Before: ``tool_calls`` as the call itself was an internal error (KeyError: 0),
    ``choices`` as the choice itself a backend failure at once."""
    record, requests = _one(raw(200, _unlisted(where)), reply([]))
    assert _kept(record) == ["pledge", "refusal"] and requests == 1


def test_a_reply_with_no_choice_in_its_object_is_still_asked_again() -> None:
    """Guard: ``choices`` as an object that is no choice (no message) is no answer."""
    body = {**_whole(), "choices": {"index": 0, "finish_reason": "stop"}}
    record, requests = _one(raw(200, json.dumps(body)), reply([PLEDGE]))
    assert _kept(record) == ["pledge"] and requests == 2


# ------------------------------------------------- numbers grouped, with a decimal part


@pytest.mark.parametrize(("written", "number"), [
    ("2,000.00", 2000), ("2.000,00", 2000), ("2\u202f000,00", 2000), ("2 000,5", 2000.5),
    ("2'000.00", 2000), ("1.234.567,89", 1234567.89), ("90,000,000,000.00", 90000000000),
    ("-1,234.5", -1234.5), ("1.234,5 Mio.", 1234500000)])
def test_a_number_grouped_by_threes_with_a_decimal_part_is_read(written, number) -> None:
    """Before: dropped and named (no reading was tried: two marks in one number)."""
    pledge = {**PLEDGE, "quantity": {"value": written, "unit": "engineers"}}
    (claim,), notes = _validated(pledge)
    assert claim.quantity.value == number and notes == []


@pytest.mark.parametrize("written", ["2,000", "2.000", "2,000,5", "1,23.45", "2.000.00,5"])
def test_a_number_that_reads_two_ways_or_none_is_still_dropped_and_named(written) -> None:
    """Guard: one mark before three digits is two thousand in one locale and two in
    another; groups not of three, or the same mark twice then another, are no number."""
    pledge = {**PLEDGE, "quantity": {"value": written, "unit": "engineers"}}
    (claim,), notes = _validated(pledge)
    assert claim.quantity.value is None and any("quantity.value dropped" in n for n in notes)


# --------------------------------------------------------- the kinds against the corpus


@pytest.mark.parametrize("kind", ["reasoning_only", "schema_values", "schema_echo",
                                  "sse_body", "one_not_list", "grouped_decimals",
                                  "thought_drafts"])
def test_round_eleven_kinds_lose_nothing(kind, gold_claims, articles_dir, gold_dir) -> None:
    """Before (bench/llm_sloppy.py, every reply): reasoning_only, sse_body and one_not_list
    failed every document, schema_values and schema_echo ended every document with no
    claims; grouped_decimals lost the pledge amounts; thought_drafts added the drafts'
    claims (precision 0.919)."""
    records, requests = _run(gold_claims, articles_dir, [kind])
    _recovered(records, gold_dir)
    assert requests == len(records) * (2 if kind == "schema_echo" else 1)
