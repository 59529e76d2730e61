"""Cached replies are trusted no more than fresh ones (SCRIPTED server on 127.0.0.1).

A cache entry is checked on every hit like a fresh reply: the claim schema,
every evidence span against the document, the model and prompt version. An
entry that fails (planted, edited, stale) is deleted with one warning and the
document is asked about again; what it held never reaches the output.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "llm"))

from scripted_server import ScriptedServer, load_gold_claims  # noqa: E402

from claimkit.extract.llm.cache import ResponseCache  # noqa: E402
from claimkit.extract.llm.openai import OpenAIBackend  # noqa: E402
from claimkit.extract.pipeline import Extractor  # noqa: E402
from claimkit.schemas import Document, DocumentClaims  # noqa: E402

KEY = "sk-claimkit-test-DO-NOT-LEAK-4f3a9c"
PLANTED = "Planted by a test: must never reach the output."


@pytest.fixture
def setup(tmp_path: Path, articles_dir: Path, gold_dir: Path) -> Any:
    path = sorted(articles_dir.glob("*.txt"))[1]
    doc = Document(id=path.stem, text=path.read_text(encoding="utf-8"))
    with ScriptedServer(load_gold_claims(gold_dir)) as server:

        def run() -> DocumentClaims:
            backend = OpenAIBackend(model="scripted-model", base_url=server.base_url,
                                    api_key=KEY, cache=ResponseCache(tmp_path / "cache"),
                                    max_api_retries=0)
            record = Extractor(backend, normalize=False).extract_document(doc)
            assert isinstance(record, DocumentClaims)
            return record

        yield doc, server, run, tmp_path / "cache"


def _entry(cache: Path) -> Path:
    (entry,) = [p for p in cache.rglob("*.json")]
    return entry


def _spans(record: DocumentClaims) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.text) for c in record.claims for s in c.evidence)


def _plant(entry: Path, change: Any) -> None:
    data = json.loads(entry.read_text(encoding="utf-8"))
    change(data)
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _shift_first_span(data: dict[str, Any]) -> None:
    span = data["claims"][0]["evidence"][0]
    span["start"] += 7
    span["end"] += 7
    data["claims"][0]["summary"] = PLANTED


def _span_outside_the_text(data: dict[str, Any]) -> None:
    claim = dict(data["claims"][0], summary=PLANTED)
    claim["evidence"] = [{"start": 10**6, "end": 10**6 + 9, "text": "Not there", "alignment": "exact"}]
    data["claims"].append(claim)


def _bad_schema(data: dict[str, Any]) -> None:
    data["claims"][0]["date"] = {"value": "not a date at all", "granularity": "century"}
    data["claims"][0]["summary"] = PLANTED


def _other_version(data: dict[str, Any]) -> None:
    data["version"] = "an-old-prompt"
    data["claims"][0]["summary"] = PLANTED


@pytest.mark.parametrize("plant", [_shift_first_span, _span_outside_the_text, _bad_schema,
                                   _other_version])
def test_a_planted_cache_entry_never_reaches_the_output(
    plant: Any, setup: Any, caplog: pytest.LogCaptureFixture
) -> None:
    doc, server, run, cache = setup
    fresh = run()
    assert fresh.claims and fresh.usage is not None and fresh.usage.requests >= 1
    asked = len(server.requests)
    assert _spans(run()) == _spans(fresh) and len(server.requests) == asked  # a clean hit

    _plant(_entry(cache), plant)
    with caplog.at_level(logging.WARNING):
        again = run()
    warnings = [r for r in caplog.records if "cached reply" in r.getMessage()]
    assert len(warnings) == 1, caplog.text  # one warning naming the document
    assert doc.id in warnings[0].getMessage() and "asking again" in warnings[0].getMessage()
    assert len(server.requests) > asked  # dropped and re-requested
    assert PLANTED not in again.model_dump_json()
    assert _spans(again) == _spans(fresh)
    for claim in again.claims:
        for span in claim.evidence:
            assert doc.text[span.start : span.end] == span.text

    asked = len(server.requests)
    assert _spans(run()) == _spans(fresh) and len(server.requests) == asked  # rewritten, clean
    assert PLANTED not in _entry(cache).read_text(encoding="utf-8")


def test_a_reply_shaped_like_a_secret_is_not_cached(tmp_path: Path) -> None:
    from claimkit.schemas import parse_claim

    doc = Document(id="d", text="The minister pledged 5 buses. Token sk-abcdefgh12345678 here.")
    cache = ResponseCache(tmp_path, secrets=("my-configured-key-123",))
    claim = parse_claim({"type": "pledge", "doc_id": "d", "id": "",
                         "evidence": [{"start": 30, "end": 56, "text": doc.text[30:56]}],
                         "summary": "x"})
    cache.put(doc, "m", "v", [claim])
    assert not list(tmp_path.rglob("*.json"))
