"""Pieces of the LLM backend that need no HTTP: settings, prompts, chunking, retries, cost."""

from __future__ import annotations

import asyncio
from typing import Literal

import httpx2
import openai
import pytest
from conftest import FAKE_KEY
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import Field
from scripted_server import reply
from tenacity import RetryCallState

from claimkit import schemas
from claimkit.errors import ConfigError
from claimkit.extract import BackendOptions, Extractor, create_backend
from claimkit.extract.llm.chunking import chunk_text, merge_claims
from claimkit.extract.llm.openai import OpenAIBackend, _retry_after, is_transient
from claimkit.extract.llm.prompts import (
    build_messages,
    prompt_version,
    response_model,
    system_prompt,
)
from claimkit.extract.llm.settings import estimate_cost, resolve_settings
from claimkit.extract.pipeline import aextract
from claimkit.extract.rules import RulesBackend
from claimkit.schemas import Actor, ClaimBase, Document, DocumentClaims, Pledge, Span, Usage

_ENV = ("CLAIMKIT_API_KEY", "OPENAI_API_KEY", "CLAIMKIT_BASE_URL", "OPENAI_BASE_URL",
        "CLAIMKIT_MODEL", "CLAIMKIT_MODE", "CLAIMKIT_MAX_REASKS", "CLAIMKIT_PRICES")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_settings_precedence_argument_then_claimkit_then_provider(clean_env):
    clean_env.setenv("OPENAI_API_KEY", "from-openai")
    clean_env.setenv("OPENAI_BASE_URL", "http://openai-env/v1")
    clean_env.setenv("CLAIMKIT_MODEL", "m-env")
    s = resolve_settings()
    assert (s.api_key, s.base_url, s.model) == ("from-openai", "http://openai-env/v1", "m-env")
    clean_env.setenv("CLAIMKIT_API_KEY", "from-claimkit")
    clean_env.setenv("CLAIMKIT_BASE_URL", "http://claimkit-env/v1")
    s = resolve_settings()
    assert (s.api_key, s.base_url) == ("from-claimkit", "http://claimkit-env/v1")
    s = resolve_settings(api_key=FAKE_KEY, base_url="http://arg/v1", model="m-arg", max_reasks=5)
    assert (s.api_key, s.base_url, s.model, s.max_reasks) == (FAKE_KEY, "http://arg/v1", "m-arg", 5)
    assert FAKE_KEY not in repr(s)  # the key stays out of repr


def test_settings_errors_say_how_to_fix(clean_env):
    with pytest.raises(ConfigError, match="--model"):
        resolve_settings(base_url="http://localhost:11434/v1")
    clean_env.setenv("CLAIMKIT_MAX_REASKS", "two")
    with pytest.raises(ConfigError, match="CLAIMKIT_MAX_REASKS"):
        resolve_settings(api_key="k")
    clean_env.delenv("CLAIMKIT_MAX_REASKS")
    with pytest.raises(ConfigError, match="mode"):
        resolve_settings(api_key="k", mode="xml")


def test_create_backend_defaults_to_rules_without_an_endpoint(clean_env):
    assert isinstance(create_backend(), RulesBackend)
    assert isinstance(create_backend("auto", BackendOptions(settings={"model": "x"})), RulesBackend)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        create_backend("openai")
    with pytest.raises(ConfigError, match="unknown backend 'nope'.*openai, rules"):
        create_backend("nope")
    clean_env.setenv("OPENAI_API_KEY", FAKE_KEY)
    chosen = create_backend(options=BackendOptions(cache=False))
    assert isinstance(chosen, OpenAIBackend) and chosen.model == "gpt-4o-mini"
    assert chosen.cache is None
    assert FAKE_KEY not in repr(chosen) and FAKE_KEY not in chosen.describe()
    assert isinstance(create_backend("rules"), RulesBackend)


def test_library_and_cli_choose_the_backend_by_the_same_rule(clean_env):
    assert Extractor().backend_name == "rules"
    clean_env.setenv("OPENAI_API_KEY", FAKE_KEY)
    assert Extractor(cache=False).backend_name == "openai"
    assert Extractor("rules").backend_name == "rules"


def test_prompt_has_definitions_metadata_and_the_text_unaltered():
    doc = Document(id="d", text="  {{ x }} {% y %}\n\tText “quoted”  ", title="T", language="vi",
                   published="2025-03-27")
    system, user = build_messages(doc, doc.text)
    assert Pledge.definition in system["content"]
    assert "Publication date: 2025-03-27" in user["content"] and "Language: vi" in user["content"]
    assert "\n" + doc.text + "\n" in user["content"]


def test_user_claim_types_join_the_prompt_schema_and_version(builtin_types_only):
    class Sanction(ClaimBase):
        definition = "An actor imposes sanctions on a target."
        type: Literal["sanction"] = "sanction"
        target: list[Actor] = Field(default_factory=list, description="Who is sanctioned.")

    before = prompt_version()
    schemas.register_claim_type(Sanction)
    try:
        assert "sanction: An actor imposes sanctions" in system_prompt()
        schema = str(response_model().model_json_schema())
        assert "Who is sanctioned." in schema and "SanctionDraft" in schema
        assert prompt_version() != before
        assert prompt_version(["pledge", "refusal", "warning", "meeting"]) == before
    finally:
        schemas._REGISTRY.pop("sanction", None)


def test_a_user_claim_type_is_extracted_like_the_built_in_ones(
    server, make_backend, builtin_types_only
):
    class Sanction(ClaimBase):
        definition = "An actor imposes sanctions on a target."
        type: Literal["sanction"] = "sanction"
        target: list[Actor] = Field(default_factory=list, description="Who is sanctioned.")

    schemas.register_claim_type(Sanction)
    try:
        text = "The council imposed sanctions on three shipping firms on Friday."
        server.script("council", reply([{
            "type": "sanction", "quotes": ["imposed sanctions on three shipping firms"],
            "actor": [{"text": "The council", "name": "European Council"}],
            "target": [{"text": "three shipping firms"}],
        }]))
        backend = make_backend()
        backend.types = None  # every registered type, the user's included
        (record,) = asyncio.run(aextract([Document(id="s", text=text)], backend=backend,
                                         normalize=False)).records
        assert isinstance(record, DocumentClaims)
        (claim,) = record.claims
        assert isinstance(claim, Sanction) and claim.target[0].text == "three shipping firms"
        assert "sanction" in server.requests[0]["tools"][0]["function"]["description"] or \
            "SanctionDraft" in str(server.requests[0]["tools"])
    finally:
        schemas._REGISTRY.pop("sanction", None)


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab .。\n")), min_size=0, max_size=3000),
    st.integers(50, 800),
    st.integers(0, 200),
)
def test_chunks_are_slices_that_cover_the_text(text, size, overlap):
    chunks = chunk_text(text, size, overlap)
    covered = 0
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= size
        assert chunk.start <= covered  # no gap
        covered = max(covered, chunk.end)
    assert covered == len(text)


def test_chunks_end_on_paragraph_or_sentence_boundaries():
    text = "\n\n".join(f"Paragraph {i}. It has two sentences here." for i in range(40))
    chunks = chunk_text(text, 300, 60)
    assert len(chunks) > 3
    for chunk in chunks[:-1]:
        assert chunk.text.endswith("\n\n")
    assert all(b.start < a.end for a, b in zip(chunks, chunks[1:], strict=False))  # they overlap


def test_claims_found_in_two_chunks_are_merged_once():
    text = "A. Norway pledged 40 boats. B."
    span = Span(start=3, end=27, text=text[3:27])
    a = Pledge(doc_id="d", evidence=[span], summary="first")
    b = Pledge(doc_id="d", evidence=[span], summary="second")
    merged = merge_claims([[a], [b]])
    assert len(merged) == 1 and merged[0].summary == "first"
    assert len(merge_claims([[a, b]])) == 2  # two claims of one chunk stay two


def _state(exc: BaseException) -> RetryCallState:
    state = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
    state.set_exception((type(exc), exc, None))
    return state


def _status_error(status: int, headers: dict[str, str]) -> openai.APIStatusError:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx2.Response(status, headers=headers, request=request)
    cls = openai.RateLimitError if status == 429 else openai.InternalServerError
    return cls("scripted", response=response, body=None)


def test_retry_after_is_honoured_and_capped():
    backend = OpenAIBackend(model="m", api_key="k", cache=False, retry_after_max=30.0)
    assert _retry_after(_status_error(429, {"Retry-After": "7"})) == 7.0
    assert _retry_after(_status_error(429, {"retry-after-ms": "250"})) == 0.25
    assert backend._wait(_state(_status_error(429, {"Retry-After": "7"}))) == 7.0
    assert backend._wait(_state(_status_error(429, {"Retry-After": "600"}))) == 30.0
    waits = [backend._wait(_state(_status_error(500, {}))) for _ in range(20)]
    assert all(0 <= w <= backend.settings.backoff_max for w in waits)


def test_which_errors_are_transient():
    assert is_transient(_status_error(429, {})) and is_transient(_status_error(503, {}))
    request = httpx2.Request("POST", "http://x")
    assert is_transient(openai.APITimeoutError(request=request))
    assert is_transient(openai.APIConnectionError(request=request))
    bad = openai.BadRequestError(
        "bad", response=httpx2.Response(400, request=request), body=None
    )
    assert not is_transient(bad) and not is_transient(ValueError())


def test_cost_estimate_uses_the_price_table_and_snapshots(tmp_path):
    usage = Usage(requests=1, prompt_tokens=1_000_000, completion_tokens=1_000_000)
    assert estimate_cost("gpt-4o-mini", usage) == pytest.approx(0.75)
    assert estimate_cost("gpt-4o-mini-2024-07-18", usage) == pytest.approx(0.75)
    assert estimate_cost("llama3.1:8b", usage) is None
    custom = tmp_path / "p.json"
    custom.write_text('{"models": {"llama3.1:8b": {"input": 0, "output": 0}}}')
    from claimkit.extract.llm.settings import load_prices

    assert estimate_cost("llama3.1:8b", usage, load_prices(custom)) == 0.0


def test_instructor_async_validator_check_runs_once_on_our_models_and_always_on_others():
    import instructor
    from instructor.v2.validation import async_validators
    from pydantic import BaseModel

    from claimkit.extract.llm.replies import reask_loop, structured

    class WithAsync(BaseModel):
        name: str

        @async_validators.async_field_validator("name")
        async def check_name(self, value: str) -> str:
            return value

    # claimkit's response models get instructor's check once, where they are made
    with pytest.raises(ValueError, match="async validators"):
        structured(WithAsync)

    async def never(**kwargs: object) -> None:
        raise AssertionError("the model should have been refused before any request")

    # any other model goes through instructor's own retry_async, check included
    for model in (WithAsync, instructor.openai_schema(WithAsync)):
        with pytest.raises(ValueError, match="async validators"):
            asyncio.run(reask_loop(never, model, {"messages": []}, max_reasks=1, strict=False,
                                   mode=instructor.Mode.TOOLS))


_UNTOUCHED = r"""
import sys, types
from pathlib import Path
sys.path.insert(0, "tests/llm")
import instructor, openai, openai.types.chat
import instructor.core, instructor.processing, instructor.v2.core.registry, instructor.v2.core.retry
from instructor.v2.validation import async_validators

def members():
    return {name: dict(vars(module)) for name, module in list(sys.modules.items())
            if module is not None and name.partition(".")[0] in ("instructor", "openai")}

before, check = members(), async_validators.reject_async_validators

import claimkit
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.schemas import Document
from scripted_server import ScriptedServer, load_gold_claims

text = sorted(Path("examples/articles").glob("*.txt"))[1].read_text(encoding="utf-8")
with ScriptedServer(load_gold_claims(Path("examples/gold"))) as server:
    for mode in ("tools", "json"):
        backend = OpenAIBackend(model="m", base_url=server.base_url, cache=False, mode=mode)
        result = claimkit.extract([Document(id="d", text=text)], backend=backend)
        assert result.ok and result.records[0].claims, result.records
after, missing = members(), object()
assert async_validators.reject_async_validators is check
changed = [f"{name}.{attr}" for name, old in before.items() for attr, value in old.items()
           if after[name].get(attr, missing) is not value]
# new names are fine when they are submodules imported since, or exports that a module's
# own lazy __getattr__ (PEP 562) cached on first use (instructor.Mode, ...)
added = [f"{name}.{attr} (added)" for name, old in before.items()
         for attr in after[name].keys() - old.keys()
         if not isinstance(after[name][attr], types.ModuleType) and "__getattr__" not in old]
print("\n".join(changed + added))
"""


def test_claimkit_changes_nothing_of_instructor_or_openai(repo_root):
    """Importing claimkit and extracting (tools and json modes) leaves every attribute of every
    instructor and openai module loaded before as it was (the same objects); only
    submodules imported since are new."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _UNTOUCHED], cwd=repo_root,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "", "changed: " + result.stdout


def test_reask_loop_sends_and_accepts_what_instructors_retry_async_does(
    server, make_backend, articles_dir, gold_claims, monkeypatch
):
    """claimkit's copy of instructor's loop (DIRECT) and instructor's own retry_async: the
    same requests, the same records, the same failure."""
    import json

    from scripted_server import gold_reply_claims, unreadable

    from claimkit.extract.llm import replies

    path = sorted(articles_dir.glob("*.txt"))[1]
    doc = Document(id=path.stem, text=path.read_text(encoding="utf-8"))
    good = gold_reply_claims(gold_claims[doc.id][:2])
    bad = json.loads(json.dumps(good))
    bad[1]["quotes"] = ["The ministers agreed to send a fleet of submarines to the Moon."]
    instructors: list[int] = []
    retry_async = replies.retry_async

    async def counted(**kwargs: object) -> object:
        instructors.append(1)
        return await retry_async(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(replies, "retry_async", counted)
    seen = {}
    for direct in (True, False):
        monkeypatch.setattr(replies, "DIRECT", direct)
        server.requests.clear()
        instructors.clear()
        server.script(doc.text[:200], reply(bad), reply(good), unreadable(), unreadable())
        fixed = asyncio.run(aextract([doc], backend=make_backend(), normalize=False)).records[0]
        failed = asyncio.run(
            aextract([doc], backend=make_backend(max_reasks=1), normalize=False)
        ).records[0]
        seen[direct] = (fixed.model_dump(), failed.model_dump(), list(server.requests),
                        len(instructors))
    assert seen[True][3] == 0 and seen[False][3] == 2  # who ran the loop
    assert seen[True][:3] == seen[False][:3]
    fixed, failed, requests, _ = seen[True]
    assert len(requests) == 4 and fixed["usage"]["requests"] == 2
    assert [c["ungrounded"] for c in fixed["claims"]] == [[], []]
    assert failed["kind"] == "backend" and "after 2 attempt(s)" in failed["message"]


def test_llm_package_layout(repo_root):
    """extract/llm/: no function over 60 lines; only openai.py and replies.py import openai,
    instructor and the like (importing core and settings loads neither, in a fresh
    interpreter); no module imports openai.py, and none imports the pipeline."""
    import ast
    import subprocess
    import sys

    provider_side = {"openai.py", "replies.py"}
    for path in sorted((repo_root / "src" / "claimkit" / "extract" / "llm").glob("*.py")):
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                assert node.end_lineno - first + 1 <= 60, f"{path.name}: {node.name}"  # type: ignore[operator]
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
        assert "claimkit.extract.pipeline" not in imported, path.name
        if path.name != "openai.py":
            assert "claimkit.extract.llm.openai" not in imported, path.name
        if path.name not in provider_side:
            roots = {name.partition(".")[0] for name in imported}
            assert not roots & {"openai", "instructor", "httpx2", "tenacity"}, path.name
            assert "claimkit.extract.llm.replies" not in imported, path.name
    code = ("import sys, claimkit.extract.llm.core, claimkit.extract.llm.settings; "
            "print(sorted({m.partition('.')[0] for m in sys.modules} & {'openai', 'instructor'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr[-2000:]


def test_a_reply_is_read_strictly_then_leniently_and_a_non_json_reply_is_a_clear_error():
    import json

    from claimkit.errors import BackendError
    from claimkit.extract.llm.openai import _completion

    reply = {
        "id": "c1", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": "{}"}}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
    }
    assert _completion(json.dumps(reply).encode()).usage.completion_tokens == 4  # type: ignore[union-attr]
    # a local server that leaves fields out (no id, created null) is still read
    bent = {k: v for k, v in reply.items() if k != "id"} | {"created": None}
    parsed = _completion(json.dumps(bent).encode())
    assert parsed.choices[0].message.content == "{}"
    assert parsed.usage is not None and parsed.usage.prompt_tokens == 3
    with pytest.raises(BackendError, match="base_url"):
        _completion(b"<html>Not Found</html>")
