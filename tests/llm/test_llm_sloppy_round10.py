"""Round ten of the sloppy model: function calls written as text by a chat template, claims
under other names, claims each inside an object of one member, and a server whose context
window is smaller than the request.

THE REPLIES ARE SCRIPTED (scripted_server.py; the kinds of round ten are in
sloppy_round10.py): the gold claims, written as a careless model or server writes them,
or hand-written claims of hand-written articles. No model and no real endpoint is used.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from scripted_server import error, reply
from sloppy_round10 import CONTEXT_BODIES, CONTEXT_CHARS
from test_llm_sloppy_round9 import PLEDGE, REFUSAL, _completion, _one, _recovered, _run

from claimkit.extract.llm.lenient import claims_payload, read_json
from claimkit.schemas import DocumentClaims, Failure

NAME = "ExtractedClaims"


def _content(text: str) -> Any:
    return _completion({"role": "assistant", "content": text})


def _kept(record: Any) -> list[str]:
    assert isinstance(record, DocumentClaims), record
    return [c.type for c in record.claims]


# ------------------------------------------------- function calls written as text


CALLS = {
    "mistral": "[TOOL_CALLS] " + json.dumps([{"name": NAME, "arguments": {
        "claims": [PLEDGE, REFUSAL]}}]),
    "openai_objects": json.dumps([{"id": "c", "type": "function", "function": {
        "name": NAME, "arguments": json.dumps({"claims": [PLEDGE, REFUSAL]})}}]),
    "two_calls": json.dumps([{"name": NAME, "arguments": {"claims": [PLEDGE]}},
                             {"name": NAME, "arguments": {"claims": [REFUSAL]}}]),
}


@pytest.mark.parametrize("form", sorted(CALLS))
def test_a_function_call_written_as_text_in_the_content_is_read_as_the_call(form) -> None:
    """Before: the list of calls was read as the list of claims, each call "dropped:
    unknown claim type None" (or "not an object"): both claims lost, no re-ask."""
    record, requests = _one(_content(CALLS[form]), reply([]))
    assert sorted(_kept(record)) == ["pledge", "refusal"] and requests == 1


def test_a_list_of_claims_is_still_a_list_of_claims_and_not_calls() -> None:
    """Guard: a bare list of claims (no call in it) stays the claims, and a list holding a
    call without claims holds no claims."""
    assert claims_payload([PLEDGE, REFUSAL]) == {"claims": [PLEDGE, REFUSAL]}
    value = read_json(json.dumps([{"name": NAME, "arguments": {"note": "nothing"}}]))
    assert claims_payload(value, NAME) == {"claims": value}  # salvage drops it, named


# ------------------------------------------------------ claims under another name


@pytest.mark.parametrize("wrapper", [
    {"extracted_claims": [PLEDGE, REFUSAL], "count": 2},
    {"results": [PLEDGE, REFUSAL], "notes": "two claims found"},
    {"Claims_found": [PLEDGE, REFUSAL], "language": "en", "total": 2},
])
def test_claims_under_another_name_beside_other_members_are_read(wrapper) -> None:
    """Before: an object with no ``claims`` member and more than one member was re-asked
    (two requests; here the re-ask's empty answer was kept: both claims lost)."""
    record, requests = _one(_content(json.dumps(wrapper)), reply([]))
    assert sorted(_kept(record)) == ["pledge", "refusal"] and requests == 1


def test_claims_without_their_type_under_another_name_are_re_asked_not_guessed() -> None:
    untyped = {k: v for k, v in PLEDGE.items() if k != "type"}
    assert claims_payload({"results": [untyped], "notes": "one"}) is None


@pytest.mark.parametrize("value", [
    {"results": [PLEDGE], "more": [REFUSAL], "count": 2},  # two lists: nothing is chosen
    {"names": [{"name": "Norway"}], "count": 1},  # a list of objects that are no claims
    {"results": [], "count": 0},  # an empty list says nothing about its name
    {"type": "object", "properties": {"x": {"type": "string"}}, "required": ["claims"]},
    {"anyOf": [{"type": "object"}, {"type": "null"}], "description": "a schema echoed"},
])
def test_no_list_or_two_lists_of_claims_under_other_names_is_still_no_reply(value) -> None:
    assert claims_payload(value) is None


# --------------------------------------------------- a claim inside an object of one member


@pytest.mark.parametrize("key", ["claim", "Claim", "item", "extracted_claim"])
def test_a_claim_inside_an_object_of_one_member_is_that_claim(key) -> None:
    """Before: ``{"claim": {...}}`` was a claim of no type: "dropped: unknown claim type
    None"."""
    record, requests = _one(_content(json.dumps({"claims": [{key: PLEDGE}, {key: REFUSAL}]})))
    assert sorted(_kept(record)) == ["pledge", "refusal"] and requests == 1
    record, _ = _one(_content(json.dumps({"claims": {key: PLEDGE}})))  # the one claim
    assert _kept(record) == ["pledge"]


def test_a_claim_field_or_a_type_name_of_one_member_is_not_unwrapped() -> None:
    """Guards: ``{"pledge": {...}}`` without a type is still read as a pledge, and an
    object whose one member is a claim field (an actor) is no claim."""
    untyped = {k: v for k, v in REFUSAL.items() if k != "type"}
    record, _ = _one(_content(json.dumps({"claims": [{"refusal": untyped},
                                                     {"actor": PLEDGE["actor"][0]}]})))
    assert _kept(record) == ["refusal"]
    assert any("claim 2 dropped" in w for w in record.warnings)


# ------------------------------------------------- a request longer than the window


@pytest.mark.parametrize("body", CONTEXT_BODIES)
def test_a_request_refused_as_longer_than_the_context_window_splits_the_chunk(body) -> None:
    """Before: HTTP 400 "maximum context length" ended the document as a ``backend``
    failure at once; now the chunk is split as for a cut-off reply, and the halves read."""
    from scripted_server import Step

    text = " ".join(f"Sentence {i} of a long article about nothing in particular." for i in
                    range(80))
    record, requests = _one(Step("error", status=400, body=body),
                            reply([]), reply([]), text=text)
    assert isinstance(record, DocumentClaims), record
    assert requests == 3  # the whole, then each half


def test_a_chunk_still_too_long_at_the_smallest_size_is_a_context_failure() -> None:
    body = CONTEXT_BODIES[0]
    from scripted_server import Step

    record, requests = _one(Step("error", status=400, body=body))
    assert isinstance(record, Failure) and record.kind == "context", record
    assert "--context-window" in record.message and requests == 1


@pytest.mark.parametrize("status,message", [
    (400, "Invalid value for 'temperature': must be between 0 and 2"),
    (404, "model 'qwen' not found, try pulling it first"),
    (400, "the article is about the context of the war"),
])
def test_other_refusals_are_still_backend_failures_without_a_split(status, message) -> None:
    record, requests = _one(error(status, message=message))
    assert isinstance(record, Failure) and record.kind == "backend" and requests == 1


def test_a_server_with_a_small_context_window_still_gives_every_claim(
    gold_claims, articles_dir, gold_dir
) -> None:
    records, requests = _run(gold_claims, articles_dir, ["context_limit"])
    _recovered(records, gold_dir)
    assert requests > len(records)  # every article is longer than CONTEXT_CHARS
    assert all(len(r.claims) > 0 for r in records)
    assert min(len(p.read_text("utf-8")) for p in articles_dir.glob("*.txt")) > CONTEXT_CHARS


# ------------------------------------------------------- quotes joined into one string

JOINED_TEXT = ("Oslo, 12 May 2026. Norway will send 1500 engineers to Moldova once the floods "
               "recede; the defence minister said on Tuesday that the first 200 leave in June.")


@pytest.mark.parametrize("joiner", ["\n", "; ", " | ", " / "])
def test_quotes_joined_into_one_string_are_each_quote(joiner) -> None:
    """Before: ``"A; B"`` is in the text as neither; the claim was re-asked (here the
    re-ask's empty answer was kept: the claim lost)."""
    quotes = ["Norway will send 1500 engineers to Moldova", "the first 200 leave in June"]
    claim = {**PLEDGE, "quotes": joiner.join(quotes)}
    record, requests = _one(_content(json.dumps({"claims": [claim]})), reply([]),
                            text=JOINED_TEXT)
    assert _kept(record) == ["pledge"] and requests == 1
    (pledge,) = record.claims
    assert [e.text for e in pledge.evidence] == quotes and pledge.ungrounded == []


@pytest.mark.parametrize("quote", [
    "Norway will send 1500 engineers to Moldova; the Danes will pay",  # a piece not in the text
    "the floods recede; in June",  # a piece too short to place (in the text, apart)
])
def test_a_joined_quote_with_a_piece_not_in_the_text_is_still_re_asked(quote) -> None:
    claim = {**PLEDGE, "quotes": [quote]}
    record, requests = _one(_content(json.dumps({"claims": [claim]})),
                            _content(json.dumps({"claims": [claim]})),
                            _content(json.dumps({"claims": [claim]})), text=JOINED_TEXT)
    assert requests == 3  # re-asked until the last attempt, which keeps it ungrounded
    (pledge,) = record.claims
    assert pledge.ungrounded == [quote] and pledge.evidence == []


def test_a_quote_with_a_semicolon_that_is_in_the_text_is_one_span() -> None:
    quote = "Moldova once the floods recede; the defence minister said"
    record, requests = _one(_content(json.dumps({"claims": [{**PLEDGE, "quotes": [quote]}]})),
                            text=JOINED_TEXT)
    assert [e.text for e in record.claims[0].evidence] == [quote] and requests == 1
