"""Per-claim salvage: a reply is validated claim by claim, invalid values dropped and
named, claims that cannot stand dropped and counted, the rest kept; re-asks only
for what salvage cannot fix, about the broken claims only.

Against the scripted server (its replies are SCRIPTED: gold quotes, fields filled
from the request's schema in sloppy mode), run directly, without cassettes: sloppy
replies are random by design.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from conftest import BUILTIN_TYPES, FAKE_KEY, MODEL
from scripted_server import ScriptedServer, gold_reply_claims, reply

from claimkit.evaluate import evaluate
from claimkit.extract.llm.prompts import response_model
from claimkit.extract.llm.salvage import DROPPED, salvage_claims
from claimkit.extract.pipeline import aextract
from claimkit.schemas import DateGranularity, DateResolution, Document, DocumentClaims, Failure


def _articles(articles_dir: Path) -> list[Document]:
    return [Document(id=p.stem, text=p.read_text(encoding="utf-8"))
            for p in sorted(articles_dir.glob("*.txt"))]


def _backend(server: ScriptedServer, **overrides: Any) -> Any:
    from claimkit.extract.llm.openai import OpenAIBackend

    options = {"model": MODEL, "base_url": server.base_url, "api_key": FAKE_KEY,
               "max_api_retries": 0, "max_reasks": 2, **overrides}
    return OpenAIBackend(cache=False, types=BUILTIN_TYPES, **options)


def test_an_invalid_value_is_dropped_and_named_and_the_claim_kept() -> None:
    model = response_model(BUILTIN_TYPES)
    claims = [
        {"type": "pledge", "quotes": ["q"], "what": "submarines", "date": {"value": "March", "raw": "in March"},
         "actor": [{"text": "France", "kind": "planet"}, {"kind": "country", "iso_code": "FR"}],
         "quantity": {"value": "a few", "unit": "troops"}},
        {"type": "gossip", "quotes": ["q"]},
        {"type": "meeting", "quotes": []},
        "not an object",
        {"type": "refusal", "quotes": ["q", 7], "modality": "maybe"},
    ]
    reply_ = model.model_validate({"claims": claims})
    kept = reply_.claims  # type: ignore[attr-defined]
    assert [c.type for c in kept] == ["pledge", "refusal"]
    pledge, refusal = kept
    assert pledge.what is None and pledge.date.value is None and pledge.quantity.unit == "troops"
    assert [a.text for a in pledge.actor] == ["France"] and pledge.actor[0].kind is None
    assert refusal.quotes == ["q"] and refusal.modality is None
    _, notes = salvage_claims(claims, {"pledge": type(pledge), "refusal": type(refusal)})
    named = " | ".join(notes)
    for path in ("what", "date.value", "actor[0].kind", "actor[1]", "quantity.value",
                 "quotes[1]", "modality"):
        assert f": {path} dropped" in named, path
    assert sum(DROPPED in n for n in notes) == 3  # gossip (unknown here), meeting, "not an object"


def test_derived_date_fields_are_not_asked_and_are_derived() -> None:
    schema = json.dumps(response_model(BUILTIN_TYPES).model_json_schema())
    assert '"granularity":' not in schema and '"resolution":' not in schema
    from claimkit.extract.llm.core import _library_value

    # a model that still sends granularity (month beside a day value) loses nothing
    reply_ = response_model(BUILTIN_TYPES).model_validate(
        {"claims": [{"type": "refusal", "quotes": ["q"],
                     "date": {"value": "2025-03-14", "granularity": "month", "raw": "Friday"}}]})
    date = _library_value(reply_.claims[0].date)  # type: ignore[attr-defined]
    assert date.granularity == DateGranularity.day and date.resolution == DateResolution.model
    assert _library_value(type(reply_.claims[0].date)(raw="Friday")).resolution == (  # type: ignore[attr-defined]
        DateResolution.unresolved)


def test_sloppy_model_no_document_fails_every_grounded_claim_kept_one_request_each(
    gold_claims, articles_dir, gold_dir
) -> None:
    """Every field the tool schema allows filled, enums at random, 30 % of the values
    invalid: nothing fails, the gold claims all come back, one request per document."""
    docs = _articles(articles_dir)
    with ScriptedServer(gold_claims, sloppy=0.3, seed=7) as server:
        records = asyncio.run(aextract(docs, backend=_backend(server), concurrency=4,
                                       normalize=False)).records
        requests = len(server.requests)
    assert all(isinstance(r, DocumentClaims) for r in records)
    assert requests == len(docs)
    got = sum(len(r.claims) for r in records if isinstance(r, DocumentClaims))
    assert got == sum(len(v) for v in gold_claims.values())
    assert evaluate(gold_dir, records).overall.recall == 1.0
    warnings = [w for r in records if isinstance(r, DocumentClaims) for w in r.warnings]
    assert warnings and all(" dropped" in w for w in warnings)
    assert any("kind dropped" in w or "modality dropped" in w for w in warnings)


def test_a_reask_asks_only_about_the_broken_claims_and_keeps_the_rest(
    gold_claims, articles_dir
) -> None:
    doc = _articles(articles_dir)[1]
    good = gold_reply_claims(gold_claims[doc.id][:2])
    bad = json.loads(json.dumps(good))
    invented = "The ministers agreed to send a fleet of submarines to the Moon."
    bad[1]["quotes"] = [invented]
    with ScriptedServer(gold_claims) as server:
        server.script(doc.text[:200], reply(bad), reply([good[1]]))
        record = asyncio.run(aextract([doc], backend=_backend(server), normalize=False)).records[0]
        bodies = server.requests
    assert isinstance(record, DocumentClaims)
    assert len(record.claims) == 2 and all(not c.ungrounded for c in record.claims)
    assert len(bodies) == 2
    reask = json.dumps(bodies[1]["messages"][-1], ensure_ascii=False)
    assert "claim 2" in reask and "claim 1" not in reask and "these claims only" in reask


def test_a_document_fails_only_when_nothing_usable_came_back(gold_claims, articles_dir) -> None:
    doc = _articles(articles_dir)[0]
    with ScriptedServer(gold_claims) as server:
        server.script(doc.text[:200], *[reply([{"type": "pledge"}]) for _ in range(3)])
        record = asyncio.run(aextract([doc], backend=_backend(server), normalize=False)).records[0]
    # a reply whose one claim cannot stand is still a reply: no claims, the drop named
    assert isinstance(record, DocumentClaims) and record.claims == []
    assert any(DROPPED in w for w in record.warnings)
    assert not isinstance(record, Failure)
