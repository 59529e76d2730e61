"""Round nine of the sloppy model: replies cut or bent by the server, values written as
another JSON value, members under other names, and the bounds a hostile endpoint meets.

THE REPLIES ARE SCRIPTED (scripted_server.py; the kinds of round nine are in
sloppy_round9.py): the gold claims, written as a careless model or a broken server
writes them, or hand-written claims of hand-written articles. No model and no real
endpoint is used: these tests show what claimkit keeps of a reply, never that a model is
good. Run against the server directly (no cassettes): sloppy replies are random by design.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import BUILTIN_TYPES, FAKE_KEY, MODEL, salvaged
from scripted_server import (
    ScriptedServer,
    Step,
    error,
    huge,
    raw,
    reply,
    trickle,
)

from claimkit.documents import load_documents
from claimkit.evaluate import evaluate
from claimkit.extract.pipeline import aextract
from claimkit.schemas import Document, DocumentClaims, Failure

#: hand-written for these tests (no article of the corpora)
TEXT = ("Oslo, 12 May 2026. Norway will send 1500 engineers to Moldova once the floods recede, "
        "the defence minister said on Tuesday. Austria refused to join the naval mission unless "
        "parliament approves it.")
PLEDGE = {"type": "pledge", "quotes": ["Norway will send 1500 engineers to Moldova"],
          "actor": [{"text": "Norway", "name": "Norway", "kind": "country"}],
          "quantity": {"value": 1500, "unit": "engineers"}, "modality": "conditional",
          "condition": "once the floods recede", "summary": "Norway pledges engineers."}
REFUSAL = {"type": "refusal", "quotes": ["Austria refused to join the naval mission"],
           "actor": [{"text": "Austria", "name": "Austria"}], "what": "joining the naval mission"}


def _backend(server: Any, **overrides: Any) -> Any:
    from claimkit.extract.llm.openai import OpenAIBackend

    options = {"model": MODEL, "base_url": server.base_url, "api_key": FAKE_KEY,
               "max_api_retries": 2, "max_reasks": 2, "backoff_initial": 0.001,
               "backoff_max": 0.01, "retry_after_max": 0.01, **overrides}
    return OpenAIBackend(cache=False, types=BUILTIN_TYPES, **options)


def _run(gold_claims: Any, articles_dir: Path, kinds: list[str], rate: float = 1.0,
         server_timeout: float = 2.0, **overrides: Any) -> tuple[list[Any], int]:
    """Every sample article through the library against the server with ``kinds`` on."""
    docs = list(load_documents([articles_dir]))
    with ScriptedServer(gold_claims, sloppy_kinds=kinds, kind_rate=rate, seed=9,
                        timeout_seconds=server_timeout) as server:
        records = asyncio.run(aextract(docs, backend=_backend(server, **overrides),
                                       concurrency=2)).records
        return list(records), len(server.requests)


def _one(*steps: Step, text: str = TEXT, normalize: bool = False,
         **overrides: Any) -> tuple[Any, int]:
    """One hand-written document answered with ``steps``; its record and the requests."""
    doc = Document(id="d", text=text, language="en", published="2026-05-12")
    with ScriptedServer({}) as server:
        server.script(text[:20], *steps)
        (record,) = asyncio.run(aextract([doc], backend=_backend(server, **overrides),
                                         normalize=normalize)).records
        return record, len(server.requests)


def _completion(message: dict[str, Any] | None, finish: str = "stop", **extra: Any) -> Step:
    """A whole chat completion, as a server writes it, with ``message`` as its one choice."""
    body = {"id": "x", "object": "chat.completion", "created": 0, "model": MODEL,
            "choices": [{"index": 0, "finish_reason": finish, "message": message}], **extra}
    return raw(200, json.dumps(body))


def _tool_call(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "ExtractedClaims", "arguments": text}}]}


def _recovered(records: list[Any], gold_dir: Path) -> None:
    """Every document came back, with every gold claim and every attribute."""
    assert all(isinstance(r, DocumentClaims) for r in records), [
        getattr(r, "message", None) for r in records if not isinstance(r, DocumentClaims)]
    report = evaluate(gold_dir, records)
    assert report.overall.precision == 1.0 and report.overall.recall == 1.0
    for name, score in report.attributes.items():
        if score.kind == "match":
            assert score.accuracy == 1.0, name


# ------------------------------------------------------------- a reply cut off mid-JSON


def test_a_reply_cut_off_inside_its_json_is_never_read_with_its_cut_values(
    gold_claims, articles_dir
) -> None:
    """``finish_reason: "stop"`` on a reply cut at 60 %: json-repair closed it, and the
    cut values were kept (a summary "Norway pledges eng", 15 for 1500). Now it is cut
    off whatever the server says: the chunk is split, as for ``"length"``."""
    records, requests = _run(gold_claims, articles_dir, ["cut_off_stop"])
    assert all(isinstance(r, Failure) and r.kind == "truncated" for r in records)
    assert requests < 10 * len(records)  # split down to min_chunk_chars, then it stops
    records, _ = _run(gold_claims, articles_dir, ["cut_off_stop"], rate=0.3)
    kept = [r for r in records if isinstance(r, DocumentClaims)]
    assert len(kept) >= len(records) // 2
    for claim in (c for r in kept for c in r.claims):  # nothing cut came through
        assert claim.summary is None or claim.summary.endswith("(not written by a model).")


@pytest.mark.parametrize("cut", ["engineers.", "1500,", "Moldova\"", "\"actor\""])
def test_a_hand_written_reply_cut_anywhere_is_a_truncated_failure_not_cut_values(cut) -> None:
    full = json.dumps({"claims": [PLEDGE, REFUSAL]})
    text = full[: full.index(cut) + 3]
    record, requests = _one(_completion(_tool_call(text), "stop"))
    assert isinstance(record, Failure) and record.kind == "truncated", record
    assert requests == 1  # a chunk below min_chunk_chars is not split again


def test_complete_json_with_prose_and_apostrophes_around_it_is_still_read() -> None:
    text = ("Here's what I found (it's all there): " + json.dumps({"claims": [PLEDGE]})
            + " Let me know if you'd like more {or less}.")
    record, requests = _one(_completion({"role": "assistant", "content": text}))
    assert isinstance(record, DocumentClaims) and len(record.claims) == 1 and requests == 1


def test_another_providers_reply_cut_inside_its_json_is_truncated_too() -> None:
    """The provider-neutral loop (``LLMBackend.complete``) judges a reply's text the same
    way: a provider that does not say it cut the reply off still does not get its cut
    values kept."""
    import claimkit
    from claimkit.extract.llm.core import ChunkCall, LLMBackend, Reply

    full = json.dumps({"claims": [PLEDGE]})

    class CutProvider(LLMBackend):
        name = "cut"

        async def complete(self, call: ChunkCall, messages: list[dict[str, Any]]) -> Reply:
            return Reply(full[: full.index("1500,") + 2])

    (record,) = claimkit.extract(TEXT, backend=CutProvider(model="m", cache=False),
                                 normalize=False).records
    assert isinstance(record, Failure) and record.kind == "truncated"


# ------------------------------------------------------------------ the transport


@pytest.mark.parametrize("junk", ["soon", "NaN", "Mon, 99 Foo 2026", "0x10", "-1", "1e400", ""])
def test_a_retry_after_that_is_neither_seconds_nor_a_date_waits_the_usual_backoff(junk) -> None:
    """Before, ``Retry-After: soon`` (and a date of no calendar, ``0x10``) raised out of
    the wait and the document ended as "the model's reply did not fit the claim schema"
    (kind backend, never retried). ``NaN``, ``-1``, ``1e400`` and nothing were read
    before too (guards)."""
    record, requests = _one(error(429, {"Retry-After": junk}), reply([PLEDGE]))
    assert isinstance(record, DocumentClaims) and len(record.claims) == 1, record
    assert requests == 2


def test_retry_after_junk_on_every_article_costs_one_retry_each(gold_claims, articles_dir,
                                                                gold_dir) -> None:
    records, requests = _run(gold_claims, articles_dir, ["retry_after_junk"])
    _recovered(records, gold_dir)
    assert requests == 2 * len(records)


def test_a_server_that_trickles_its_reply_is_a_timeout_within_the_timeout() -> None:
    """Each read came in time, so the client's timeout (between two reads) never fired:
    a reply trickled over 15 s (16 bytes every ~0.3 s) held the document 15 s with
    timeout=1, and was then read. Now the whole reply must come within ``timeout``."""
    start = time.monotonic()
    record, requests = _one(trickle(15), timeout=1.0, max_api_retries=0)
    assert time.monotonic() - start < 8
    assert isinstance(record, Failure) and record.kind == "transient"
    assert "timed out" in record.message and requests == 1


def test_a_trickled_first_answer_is_given_up_at_the_timeout_and_asked_again(
    gold_claims, articles_dir, gold_dir
) -> None:
    records, requests = _run(gold_claims, articles_dir, ["trickle"], server_timeout=1.0,
                             timeout=1.0)
    _recovered(records, gold_dir)
    assert requests == 2 * len(records)  # each trickled answer abandoned, then asked again


def test_a_reply_larger_than_max_reply_bytes_is_not_read(caplog) -> None:
    import logging

    with caplog.at_level(logging.INFO):
        record, requests = _one(huge(2_000_000), reply([PLEDGE]), max_reply_bytes=1_000_000)
    assert isinstance(record, DocumentClaims) and len(record.claims) == 1
    assert requests == 2 and "max_reply_bytes" in caplog.text
    record, _ = _one(huge(2_000_000), max_reply_bytes=1_000_000, max_api_retries=0)
    assert isinstance(record, Failure) and record.kind == "transient"
    assert "passed 1,000,000 bytes (max_reply_bytes" in record.message


def test_a_reply_padded_past_20_mb_is_refused_by_default_and_asked_again(gold_claims,
                                                                         articles_dir) -> None:
    from claimkit.extract.llm.settings import LLMSettings

    assert LLMSettings(model="m").max_reply_bytes == 16 * 1024 * 1024
    doc = next(iter(load_documents([articles_dir])))
    with ScriptedServer(gold_claims, sloppy_kinds=["huge_reply"]) as server:
        (record,) = asyncio.run(aextract([doc], backend=_backend(server))).records
        assert len(server.requests) == 2
    assert isinstance(record, DocumentClaims) and record.claims


def test_token_counts_that_are_no_counts_cost_no_document(gold_claims, articles_dir,
                                                          gold_dir) -> None:
    """``"usage": {"prompt_tokens": "N/A"}`` ended the document as an internal error
    (``int('N/A')``); a count of -5 or 1e30 went into the record's usage."""
    records, requests = _run(gold_claims, articles_dir, ["junk_usage"])
    _recovered(records, gold_dir)
    assert requests == len(records)
    for record in records:
        assert 0 <= record.usage.prompt_tokens < 10**9
        assert 0 <= record.usage.completion_tokens < 10**9


def test_a_choice_without_a_message_is_asked_for_again() -> None:
    """Before: an internal error (``'NoneType' object has no attribute 'role'``)."""
    record, requests = _one(_completion(None), reply([PLEDGE]))
    assert isinstance(record, DocumentClaims) and len(record.claims) == 1 and requests == 2


def test_an_error_answered_with_http_200_is_named_in_the_failure() -> None:
    body = json.dumps({"error": {"message": f"model 'm' not found (key {FAKE_KEY})"}})
    record, requests = _one(*[raw(200, body)] * 3)
    assert isinstance(record, Failure) and record.kind == "transient" and requests == 3
    assert "model 'm' not found" in record.message and FAKE_KEY not in record.message


def test_a_stop_by_the_content_filter_is_a_backend_failure_at_once() -> None:
    """Before: re-asked twice, then "did not fit the claim schema"; the filter gives the
    same answer every time."""
    record, requests = _one(*[_completion({"role": "assistant", "content": None},
                                          "content_filter")] * 3)
    assert isinstance(record, Failure) and record.kind == "backend" and requests == 1
    assert "content filter" in record.message


@pytest.mark.parametrize("kind", ["content_parts", "arguments_null", "lone_surrogates"])
def test_a_reply_bent_by_the_server_loses_nothing(kind, gold_claims, articles_dir,
                                                  gold_dir) -> None:
    """The content as a list of text parts, a tool call without arguments beside the JSON
    in the content, half an emoji in every summary: each was re-asked until the
    document failed (3 requests, kind backend)."""
    records, requests = _run(gold_claims, articles_dir, [kind])
    _recovered(records, gold_dir)
    assert requests == len(records)
    if kind == "lone_surrogates":
        summaries = [c.summary for r in records for c in r.claims]
        assert all(s.startswith("\ufffd") for s in summaries)
        for record in records:
            record.model_dump_json().encode("utf-8")  # writable


# -------------------------------------------------------------------------- secrets


def test_the_key_a_model_writes_into_its_claims_reaches_no_record(gold_claims, articles_dir,
                                                                  gold_dir) -> None:
    """A model (or a proxy) that writes the request's key into a summary or
    ``attributed_to``: before, the key went into the record (and the JSONL file)."""
    records, _ = _run(gold_claims, articles_dir, ["secret_echo"])
    _recovered(records, gold_dir)
    for record in records:
        dumped = record.model_dump_json()
        assert FAKE_KEY not in dumped and "[REDACTED]" in dumped


def _command(server: ScriptedServer, articles: Path, out: Path, cache: Path,
             *extra: str) -> Any:
    """``claimkit -v extract ARTICLES -o OUT --backend openai`` as a user runs it, the key
    and the endpoint in the environment."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMKIT_"))}
    env.update(OPENAI_API_KEY=FAKE_KEY, CLAIMKIT_CACHE_DIR=str(cache), CLAIMKIT_TIMEOUT="5")
    return subprocess.run(
        [sys.executable, "-m", "claimkit.cli", "-v", "extract", str(articles), "-o", str(out),
         "--backend", "openai", "--base-url", server.base_url, "--model", MODEL, *extra],
        capture_output=True, text=True, env=env, timeout=300)


def test_the_command_against_a_sloppy_server_keeps_every_claim_and_no_key(
    gold_claims, articles_dir, gold_dir, tmp_path
) -> None:
    """The real command, every round-nine kind that loses nothing on at once (a share of
    the replies each; cut_off_stop, trickle and huge_reply have tests of their own):
    every document a record, every gold claim back, the key in no output, log line or
    cache file."""
    kinds = ["json_strings", "claims_as_strings", "date_parts", "member_synonyms",
             "numbers_for_strings", "quantity_symbols", "indexed_claims", "content_parts",
             "arguments_null", "junk_usage", "lone_surrogates", "secret_echo",
             "retry_after_junk"]
    out, cache = tmp_path / "claims.jsonl", tmp_path / "cache"
    with ScriptedServer(gold_claims, sloppy_kinds=kinds, kind_rate=0.5, seed=3) as server:
        run = _command(server, articles_dir, out, cache)
    assert run.returncode == 0, run.stderr
    texts = {"stdout": run.stdout, "stderr": run.stderr, "output": out.read_text("utf-8"),
             "cache": "\n".join(p.read_text("utf-8") for p in cache.rglob("*.json"))}
    for name, text in texts.items():
        assert FAKE_KEY not in text, name
    records = [DocumentClaims.model_validate_json(line)
               for line in out.read_text("utf-8").splitlines()]
    assert len(records) == len(list(load_documents([articles_dir])))
    report = evaluate(gold_dir, records)
    assert report.overall.precision == 1.0 and report.overall.recall == 1.0


# ------------------------------------------------------- values written as other JSON


def _validated(*claims: Any, text: str = TEXT) -> tuple[list[Any], list[str]]:
    """``claims`` read as a reply's (salvage included), with the notes it wrote."""
    return salvaged({"claims": list(claims)}, text)


@pytest.mark.parametrize("kind", ["json_strings", "claims_as_strings", "date_parts",
                                  "member_synonyms", "numbers_for_strings", "indexed_claims"])
def test_values_written_as_other_json_lose_nothing(kind, gold_claims, articles_dir,
                                                   gold_dir) -> None:
    """Each kind on every claim or reply of the sample articles: every claim, actor, date,
    amount and count back, one request per document. Before: actors named
    ``[{"text": "France"``, dates and amounts lost without a word, every claim of a
    reply dropped ("not an object", "unknown claim type None")."""
    records, requests = _run(gold_claims, articles_dir, [kind])
    _recovered(records, gold_dir)
    assert requests == len(records)
    assert not [w for r in records for w in r.warnings], kind


#: the tuned articles of the rules backend: 123 articles in 17 languages, and their gold
#: (never the held-out sets)
TUNED = Path(__file__).resolve().parents[1] / "data" / "articles"
TUNED_GOLD = Path(__file__).resolve().parents[1] / "data" / "articles_gold"


def test_qualifiers_written_as_symbols_lose_no_amount_in_17_languages() -> None:
    """``quantity_symbols`` on the tuned articles (their gold has amounts and counts
    "about" or "at least" so many, which the sample articles lack): every attribute as
    in the gold responder's own run. Before: ``"~30"``, ``"26+"``, ``"≥14"`` dropped and
    named, the counts and amounts lost."""
    from scripted_server import load_gold_claims

    gold = load_gold_claims(TUNED_GOLD)
    baseline, _ = _run(gold, TUNED, [])
    records, requests = _run(gold, TUNED, ["quantity_symbols"])
    assert all(isinstance(r, DocumentClaims) for r in records) and requests == len(records)
    before, after = evaluate(TUNED_GOLD, baseline), evaluate(TUNED_GOLD, records)
    assert after.overall.recall == before.overall.recall
    for name, score in before.attributes.items():
        assert after.attributes[name].accuracy >= score.accuracy, name
    assert not [w for r in records for w in r.warnings if "quantity" in w or "count" in w]


@pytest.mark.parametrize("claims", [
    {"0": PLEDGE, "1": REFUSAL}, {"1": PLEDGE, "2": REFUSAL}, {"claim_1": PLEDGE, "claim_2": REFUSAL},
    {"Claim 1": PLEDGE, "Claim 2": REFUSAL}, {"item-1": PLEDGE, "item-2": REFUSAL},
])
def test_claims_keyed_by_their_numbers_are_the_list(claims) -> None:
    got, notes = salvaged({"claims": claims})
    assert [c.type for c in got] == ["pledge", "refusal"] and not notes


def test_claims_keyed_by_their_numbers_with_one_written_as_a_json_string_are_the_list() -> None:
    """Two sloppy habits at once (a model numbers its claims and writes one of them as a
    JSON string): every claim is read, none is taken for one typeless claim."""
    got, notes = salvaged({"claims": {"Claim 1": PLEDGE, "Claim 2": json.dumps(REFUSAL)}})
    assert [c.type for c in got] == ["pledge", "refusal"] and not notes


def test_an_object_of_named_claims_that_are_not_numbered_is_still_one_claim_each_way() -> None:
    """Guards: claims grouped by type are read as before; an object keyed by words that
    are no numbers is not taken for a numbered list."""
    got, _ = salvaged({"claims": {"pledges": [PLEDGE], "refusals": [REFUSAL]}})
    assert [c.type for c in got] == ["pledge", "refusal"]
    got, notes = salvaged({"claims": {"first": PLEDGE, "second": REFUSAL}})
    assert got == [] and any("unknown claim type" in n for n in notes)


def test_a_claim_as_a_json_string_is_the_claim() -> None:
    got, notes = _validated(json.dumps(PLEDGE), json.dumps([REFUSAL]), "not a claim")
    assert [c.type for c in got] == ["pledge", "refusal"]
    assert notes == ["claim 3 dropped: not an object"]


def test_nested_values_written_as_json_strings_are_read_as_those_values() -> None:
    (claim,), notes = _validated({
        **PLEDGE, "actor": json.dumps([{"text": "Norway", "name": "Norway"}]),
        "recipient": json.dumps({"text": "Moldova"}), "date": json.dumps({"value": "2026-05-12"}),
        "quantity": ' {"value": 1500, "unit": "engineers"} '})
    assert [(a.text, a.name) for a in claim.actor] == [("Norway", "Norway")]
    assert claim.recipient.text == "Moldova" and claim.date.value == "2026-05-12"
    assert (claim.quantity.value, claim.quantity.unit) == (1500, "engineers") and not notes
    # guards: names joined in one string, and a string field, are not JSON
    (claim,), _ = _validated({**PLEDGE, "actor": "Norway, Iceland", "condition": "[if asked]"})
    assert [a.text for a in claim.actor] == ["Norway", "Iceland"]
    assert claim.condition == "[if asked]"


@pytest.mark.parametrize(("date", "expected"), [
    ({"year": 2026, "month": 5, "day": 12}, ("2026-05-12", None)),
    ({"Year": "2026", "Month": "5"}, ("2026-05", None)),
    ({"year": 2026}, ("2026", None)),
    ({"day": 12, "month": "May", "year": 2026}, (None, "12 May 2026")),
    ({"date": "2026-05-12"}, ("2026-05-12", None)),
    ({"iso": "2026-05-12"}, ("2026-05-12", None)),
    ({"when": "next Tuesday"}, (None, "next Tuesday")),
    ({"value": 2026}, ("2026", None)),
    (20260512, ("2026-05-12", None)),
])
def test_a_date_written_in_parts_under_another_name_or_as_a_number_is_read(date, expected) -> None:
    (claim,), notes = _validated({**PLEDGE, "date": date})
    assert claim.date is not None and (claim.date.value, claim.date.raw) == expected, claim.date
    assert not notes


def test_a_date_in_members_no_reader_takes_is_dropped_and_named_not_lost_silently() -> None:
    """``{"start": ..., "end": ...}`` validated as an empty date: the claim lost it without
    a word. Now one note names it (a range is not chosen between)."""
    (claim,), notes = _validated({**PLEDGE, "date": {"start": "2026-05-12", "end": "2026-05-14"}})
    assert claim.date is None
    assert notes == ["claim 1 (pledge): date dropped ({start, end}: none of its members)"]
    # a number that is no date is no date's words either: dropped and named, not raw
    (claim,), notes = _validated({**PLEDGE, "date": {"value": 42}})
    assert claim.date is None or (claim.date.value, claim.date.raw) == (None, None)
    assert len(notes) == 1 and "date.value dropped" in notes[0]


@pytest.mark.parametrize(("quantity", "expected"), [
    ({"amount": 1500, "unit": "engineers"}, (1500, None, "engineers", "exact")),
    ({"number": "1500"}, (1500, None, None, "exact")),
    ({"count": 1500}, (1500, None, None, "exact")),
    ({"total": 1500, "qualifier": "about"}, (1500, None, None, "about")),
    ({"min": 1000, "max": 2000, "unit": "engineers"}, (1000, 2000, "engineers", "exact")),
    ({"from": 1000, "to": 2000}, (1000, 2000, None, "exact")),
    ("~1500", (1500, None, None, "about")),
    ("≈ 1500 engineers", (1500, None, "engineers", "about")),
    ("1500+", (1500, None, None, "at_least")),
    (">=1500", (1500, None, None, "at_least")),
    ("≤1500", (1500, None, None, "up_to")),
    ("1500 (engineers)", (1500, None, "engineers", "exact")),
    ({"value": "c. 1500", "unit": "engineers"}, (1500, None, "engineers", "about")),
])
def test_a_quantity_under_other_names_or_with_its_qualifier_as_a_symbol_is_read(
    quantity, expected
) -> None:
    (claim,), notes = _validated({**PLEDGE, "quantity": quantity})
    q = claim.quantity
    assert (q.value, q.value_max, q.unit, q.qualifier.value) == expected and not notes


def test_a_quantity_in_members_no_reader_takes_is_dropped_and_named() -> None:
    """Before, ``{"amount": 1500}`` and ``{"foo": 1}`` became no quantity without a word
    (the members beyond the schema were left out, then nothing was left)."""
    (claim,), notes = _validated({**PLEDGE, "quantity": {"foo": 1, "bar": "x"}})
    assert claim.quantity is None
    assert notes == ["claim 1 (pledge): quantity dropped ({foo, bar}: none of its members)"]


@pytest.mark.parametrize(("actor", "expected"), [
    ({"country": "Norway"}, ("Norway", "country")),
    ({"organization": "NATO"}, ("NATO", "organisation")),
    ({"Person": "Jonas Gahr Støre"}, ("Jonas Gahr Støre", "person")),
    ({"state": "Norway"}, ("Norway", "country")),
])
def test_an_actor_under_its_kind_is_that_actor_of_that_kind(actor, expected) -> None:
    """Before: ``actor[0] dropped (Field required)``."""
    (claim,), notes = _validated({**PLEDGE, "actor": [actor]})
    assert [(a.text, a.kind.value if a.kind else None) for a in claim.actor] == [expected]
    assert not notes


def test_a_number_of_thousands_of_digits_costs_its_value_not_the_reply() -> None:
    """Python refuses to read more than 4,300 digits as an int: the ValueError failed
    the validation of the whole reply, re-asked until the document failed."""
    got, notes = _validated({**PLEDGE, "quantity": {"value": "1" * 5000}},
                            {**REFUSAL, "quantity": None})
    assert [c.type for c in got] == ["pledge", "refusal"]
    assert got[0].quantity is None or got[0].quantity.value is None
    assert len(notes) == 1 and "quantity.value dropped" in notes[0]


def test_an_error_out_of_one_claims_reading_costs_that_claim_only(monkeypatch) -> None:
    """Whatever one claim's reading raises (a user's validator, a value no reader was made
    for), the other claims of the reply stay; before, the error ended the reply."""
    from claimkit.extract.llm import salvage

    coerce = salvage.coerce_claim

    def brittle(data: dict[str, Any], model: Any) -> dict[str, Any]:
        if data.get("what") == "joining the naval mission":
            raise RuntimeError("a reader that breaks on this claim")
        return coerce(data, model)

    monkeypatch.setattr(salvage, "coerce_claim", brittle)
    got, notes = _validated(PLEDGE, REFUSAL)
    assert [c.type for c in got] == ["pledge"]
    assert notes == ["claim 2 dropped: could not be read (RuntimeError: a reader that breaks "
                     "on this claim)"]


# ------------------------------------------------------------- a quote in a loop


def test_a_quote_repeated_hundreds_of_times_is_grounded_in_linear_time(
    gold_claims, articles_dir, gold_dir
) -> None:
    """A model caught in a repetition loop (``quote_loop``: a quote 400 times, then its
    short phrases): each repeat was aligned near all the spans before it (quadratic;
    2,000 repeats of one quote took 36 s of CPU, 4,000 took 139 s)."""
    start = time.monotonic()
    records, requests = _run(gold_claims, articles_dir, ["quote_loop"])
    assert time.monotonic() - start < 60
    assert all(isinstance(r, DocumentClaims) for r in records) and requests == len(records)
    assert evaluate(gold_dir, records).overall.recall == 1.0
    for claim in (c for r in records for c in r.claims):  # each span once
        assert len({(s.start, s.end) for s in claim.evidence}) == len(claim.evidence)
    quote = PLEDGE["quotes"][0]
    start = time.monotonic()
    record, _ = _one(reply([{**PLEDGE, "quotes": [quote] * 5000
                             + [" ".join(quote.split()[i:i + 2]) for i in range(5)]}]))
    assert time.monotonic() - start < 10
    assert isinstance(record, DocumentClaims)
    evidence = [s.text for s in record.claims[0].evidence]
    assert quote in evidence and len(evidence) == 6  # the quote and its 5 phrases, once each


def test_a_quote_that_is_nowhere_in_the_text_costs_no_alignment(monkeypatch) -> None:
    """The fuzzy stage compared up to 8 windows of the text with each quote, ~20 ms each
    for a quote of 1,000 characters, even when the quote shares next to nothing with
    the text (200 invented quotes: 17 s). A window that cannot hold a match (too few of
    the quote's trigrams) is no longer compared; the matches found are the same."""
    import random

    from claimkit.grounding import Aligner, _fuzzy

    calls = []
    real = _fuzzy.fuzz.partial_ratio_alignment

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_fuzzy.fuzz, "partial_ratio_alignment", counted)
    text = TEXT * 30
    aligner = Aligner(text)
    rng = random.Random(9)
    invented = ["".join(rng.choice("abcdefghij klmnop") for _ in range(1000)) for _ in range(5)]
    assert [aligner.align(q) for q in invented] == [None] * 5
    assert calls == []
    # a quote with a few typos is still found where it is
    real_quote = text[500:1500]
    typos = real_quote[:100] + "X" + real_quote[101:600] + "Y" + real_quote[601:]
    span = aligner.align(typos)
    assert span is not None and span.text == real_quote and calls  # (the text repeats)
