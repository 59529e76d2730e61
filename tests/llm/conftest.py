"""Fixtures of the LLM tests: a scripted server, recorded cassettes, a live mode.

THE MODEL REPLIES IN THESE TESTS ARE SCRIPTED (see scripted_server.py): they
show that claimkit's plumbing is lossless and robust, not that any model is good.

Cassettes live in tests/cassettes/ and are replayed by default (pytest-recording's
record mode ``none``: a request that is not in its cassette fails the test at once).
Re-record them against the scripted server with::

    .venv/bin/pytest tests/llm --record-mode=rewrite

The ``live`` tests (test_live.py) talk to a real endpoint; they run only with
``CLAIMKIT_LIVE=1`` and an API key (or base URL) in the environment.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from scripted_server import ScriptedServer, load_gold_claims

ROOT = Path(__file__).resolve().parents[2]
CASSETTES = ROOT / "tests" / "cassettes"

#: A fake key: tests assert it never reaches cassettes, outputs or logs.
FAKE_KEY = "sk-claimkit-test-DO-NOT-LEAK-4f3a9c"
MODEL = "scripted-model"
BUILTIN_TYPES = ["pledge", "refusal", "warning", "meeting"]


def salvaged(payload: Any, text: str | None = None) -> tuple[list[Any], list[str]]:
    """A reply's ``payload`` (``{"claims": ...}``) read by the response model of the built-in
    types, salvage on, with the notes salvage wrote; ``text``: the article the quotes are
    looked up in (none: no article set)."""
    from claimkit.extract.llm.prompts import SALVAGE_NOTES, SALVAGE_TEXT, response_model

    notes: list[str] = []
    set_notes = SALVAGE_NOTES.set(notes)
    set_text = SALVAGE_TEXT.set(text) if text is not None else None
    try:
        got = response_model(BUILTIN_TYPES).model_validate(payload).claims  # type: ignore[attr-defined]
    finally:
        if set_text is not None:
            SALVAGE_TEXT.reset(set_text)
        SALVAGE_NOTES.reset(set_notes)
    return got, notes

#: Tiny bounds so that the suite stays fast; the policies are the same.
FAST = dict(
    backoff_initial=0.001,
    backoff_max=0.01,
    retry_after_max=0.01,
    timeout=5.0,
    max_api_retries=3,
    max_reasks=2,
)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


def _scrub(value: Any) -> Any:
    """``value`` (text or bytes) through claimkit's redactor, with the test key."""
    from claimkit.redact import redact

    if isinstance(value, bytes):
        text = value.decode("utf-8", "surrogateescape")
        cleaned = redact(text, (FAKE_KEY,))
        return value if cleaned == text else cleaned.encode("utf-8", "surrogateescape")
    if isinstance(value, str):
        return redact(value, (FAKE_KEY,))
    return value


def scrub_request(request: Any) -> Any:
    """vcrpy's before_record_request: no key in a recorded URI or body."""
    request.uri = _scrub(request.uri)
    if request.body is not None:
        request.body = _scrub(request.body)
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy's before_record_response: an endpoint that echoes the key is recorded without it."""
    body = response.get("body") or {}
    if body.get("string") is not None:
        body["string"] = _scrub(body["string"])
    headers = response.get("headers") or {}
    for name, values in list(headers.items()):
        headers[name] = [_scrub(v) for v in values] if isinstance(values, list) else _scrub(values)
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "filter_headers": [
            "authorization",
            "api-key",
            "x-api-key",
            "openai-organization",
            "openai-project",
        ],
        "decode_compressed_response": True,
        # method, path and body: host and port of the scripted server may differ
        "match_on": ["method", "path", "body"],
        "allow_playback_repeats": False,
    }


@pytest.fixture(autouse=True)
def _all_interactions_played(request: pytest.FixtureRequest) -> Iterator[None]:
    """A replayed cassette must be used up: an unplayed interaction fails the test."""
    if request.node.get_closest_marker("vcr") is None:
        yield
        return
    cassette = request.getfixturevalue("vcr")
    yield
    if cassette is not None and cassette.rewound:
        assert cassette.all_played, (
            f"{cassette._path}: {len(cassette) - len(cassette.play_counts)} recorded "
            "interaction(s) were not requested"
        )


@pytest.fixture
def builtin_types_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the built-in claim types registered (other tests may register their own;
    the command line extracts every registered type, and the request bodies that the
    cassettes match on contain them)."""
    from claimkit import schemas

    registry = {name: schemas._REGISTRY[name] for name in BUILTIN_TYPES}
    monkeypatch.setattr(schemas, "_REGISTRY", registry)


@pytest.fixture(scope="session")
def gold_claims(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    return load_gold_claims(gold_dir)


@pytest.fixture
def server(gold_claims: dict[str, list[dict[str, Any]]]) -> Iterator[ScriptedServer]:
    with ScriptedServer(gold_claims) as srv:
        yield srv


@pytest.fixture
def make_backend(server: ScriptedServer, tmp_path: Path) -> Any:
    """Build an OpenAIBackend pointed at the scripted server (no cache unless asked)."""
    from claimkit.extract.llm.openai import OpenAIBackend

    def make(**overrides: Any) -> OpenAIBackend:
        options: dict[str, Any] = {
            "model": MODEL,
            "base_url": server.base_url,
            "api_key": FAKE_KEY,
            "cache_dir": tmp_path / "cache",
            **FAST,
        }
        cache = overrides.pop("cache", False)
        options.update(overrides)
        return OpenAIBackend(cache=cache, types=BUILTIN_TYPES, **options)

    return make


def sent_bodies(cassette: Any) -> list[dict[str, Any]]:
    """JSON bodies of the requests in the cassette (recorded now or replayed)."""
    return [json.loads(r.body) for r in cassette.requests]


def requests_made(cassette: Any, server: ScriptedServer) -> int:
    """Requests the code under test sent: counted by the server when recording,
    by the cassette when replaying (then the server sees none)."""
    return len(server.requests) + cassette.play_count
