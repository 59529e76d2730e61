"""Context-window safety and few-shot examples (against the SCRIPTED server:
its replies come from the gold annotations, see scripted_server.py).

A request never holds more than the model's context window (prompt, schema,
examples, article and the reply's max_tokens, by the library's estimate);
a window too small for the fixed part is refused before any request; the
examples of ``--examples`` reach the request, count in the budget and change
the prompt version (the cache key).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import BUILTIN_TYPES, FAKE_KEY, FAST, MODEL
from scripted_server import ScriptedServer

from claimkit.cli import main
from claimkit.errors import ConfigError
from claimkit.extract.llm.context import estimate_tokens
from claimkit.extract.llm.examples import load_examples
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.llm.settings import DEFAULT_CONTEXT_WINDOW, context_window_of
from claimkit.extract.pipeline import aextract
from claimkit.io import read_records
from claimkit.schemas import Document, DocumentClaims


def _backend(server: ScriptedServer, tmp_path: Path, **settings: Any) -> OpenAIBackend:
    return OpenAIBackend(cache=False, types=BUILTIN_TYPES, model=MODEL, base_url=server.base_url,
                         api_key=FAKE_KEY, cache_dir=tmp_path / "cache", **{**FAST, **settings})


def _request_tokens(body: dict[str, Any]) -> int:
    """A request's estimated size: messages, tool schema and the reply's max_tokens."""
    messages = sum(estimate_tokens(m["content"] or "") + 8 for m in body["messages"])
    tools = estimate_tokens(json.dumps(body.get("tools", []), ensure_ascii=False))
    return messages + tools + int(body["max_tokens"])


def test_the_model_table_gives_context_windows_and_a_local_model_can_be_added(tmp_path):
    assert context_window_of("gpt-4o-mini-2024-07-18") == 128000  # a dated snapshot
    assert context_window_of("no-such-model") is None
    table = tmp_path / "models.json"
    table.write_text(json.dumps({"models": {"llama3.1:8b": {"context": 16384},
                                            "gpt-4o-mini": {"context": 64000}}}))
    backend = OpenAIBackend(model="llama3.1:8b", base_url="http://127.0.0.1:9/v1",
                            prices_file=table, cache=False)
    assert backend.budget().window == 16384 and backend.budget().reply == 4096
    assert backend.estimate_cost(Document(id="d", text="x" * 100)) is None  # no price
    mini = OpenAIBackend(model="gpt-4o-mini", api_key="k", prices_file=table, cache=False)
    assert mini.budget().window == 64000 and mini.prices["gpt-4o-mini"]["input"] == 0.15
    other = OpenAIBackend(model="some-local-model", base_url="http://127.0.0.1:9/v1", cache=False)
    assert other.budget().window == DEFAULT_CONTEXT_WINDOW


@pytest.mark.parametrize("window", [2048, 4096, 8192])
def test_a_window_too_small_for_prompt_and_schema_is_refused_before_any_request(window):
    with pytest.raises(ConfigError) as err:
        OpenAIBackend(model="llama3.1", base_url="http://127.0.0.1:9/v1", cache=False,
                      context_window=window)
    message = str(err.value)
    assert f"context window of {window} tokens" in message and "\n" not in message
    assert "OLLAMA_CONTEXT_LENGTH" in message and "--max-model-len" in message


def test_the_cli_refuses_a_small_window_in_one_line(tmp_path, articles_dir):
    result = CliRunner().invoke(main, [
        "extract", str(articles_dir / "003_186aaba948d91f0e.txt"), "-o", str(tmp_path / "o.jsonl"),
        "--base-url", "http://127.0.0.1:9/v1", "--model", "llama3.1", "--context-window", "4096"])
    assert result.exit_code != 0
    assert "context window of 4096 tokens" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("window", [10000, 12000, 16000])
def test_no_request_passes_the_context_window(gold_claims, articles_dir, tmp_path, window):
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles_dir.glob("*.txt"))]
    doc = Document(id="long", text="\n\n".join(texts))  # five languages, one document
    with ScriptedServer(gold_claims) as server:
        backend = _backend(server, tmp_path, context_window=window, chunk_chars=100_000,
                           chunk_overlap=600)
        (record,) = asyncio.run(aextract([doc], backend=backend, normalize=False)).records
        bodies = list(server.requests)
    assert isinstance(record, DocumentClaims)
    assert len(bodies) > 2  # the window, not chunk_chars, cut the article
    for body in bodies:
        assert body["max_tokens"] == window // 4
        assert _request_tokens(body) <= window
    # nothing lost: every gold quote of the article is evidence of a claim
    found = {s.text for c in record.claims for s in c.evidence}
    assert all(q in found for claims in gold_claims.values() for g in claims for q in g["evidence"])


# ------------------------------------------------------------------ few-shot examples


def _write_examples(path: Path, articles_dir: Path, gold_dir: Path, stem: str) -> Path:
    """A sample article and its gold claims as an examples file."""
    text = (articles_dir / f"{stem}.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"doc": stem, "text": text}, ensure_ascii=False)]
    lines += (gold_dir / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_examples_reach_the_request_count_in_the_budget_and_change_the_version(
    gold_claims, articles_dir, gold_dir, tmp_path
):
    stem = "003_186aaba948d91f0e"
    examples = _write_examples(tmp_path / "ex.jsonl", articles_dir, gold_dir, stem)
    shown = load_examples(examples)
    assert len(shown) == 1 and len(shown[0].claims) == len(gold_claims[stem])
    doc = Document(id="a", text=(articles_dir / "004_029c872e45ff0bb8.txt").read_text("utf-8"))
    with ScriptedServer(gold_claims) as server:
        plain = _backend(server, tmp_path)
        backend = _backend(server, tmp_path, examples=examples)
        (record,) = asyncio.run(aextract([doc], backend=backend, normalize=False)).records
        (body,) = server.requests
    assert isinstance(record, DocumentClaims) and record.claims
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["system", "user", "assistant", "user"]
    example_text = (articles_dir / f"{stem}.txt").read_text(encoding="utf-8")
    assert example_text in body["messages"][1]["content"]
    reply = json.loads(body["messages"][2]["content"])
    assert sorted(sorted(c["quotes"]) for c in reply["claims"]) == sorted(
        sorted(g["evidence"]) for g in gold_claims[stem])
    assert doc.text in body["messages"][3]["content"]
    # only the article's own claims came back (the server reads the last article)
    found = {s.text for c in record.claims for s in c.evidence}
    assert found.isdisjoint(q for g in gold_claims[stem] for q in g["evidence"])
    assert backend.version != plain.version and backend.version.startswith(plain.version)
    assert backend.budget().fixed - plain.budget().fixed >= estimate_tokens(example_text)


@pytest.mark.parametrize(("line", "reason"), [
    ({"type": "pledge", "evidence": ["not in the text at all"]}, "quote not in the example"),
    ({"type": "pledge", "evidence": ["Paris"], "attributes": {"colour": "red"}}, "colour"),
    ({"type": "pledge", "evidence": ["Paris"], "attributes": {"what": "kittens"}}, "schema"),
    ({"type": "no-such-type", "evidence": ["Paris"]}, "no-such-type"),
    ({"type": "pledge", "evidence": []}, "evidence"),
])
def test_a_bad_example_line_is_named_with_its_reason(tmp_path, line, reason):
    path = tmp_path / "ex.jsonl"
    path.write_text(json.dumps({"doc": "e", "text": "In Paris, France pledged troops."}) + "\n"
                    + json.dumps({"doc": "e", **line}) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_examples(path)
    assert str(err.value).startswith(f"{path}:2: ") and reason in str(err.value)


def test_the_cli_sends_the_examples(gold_claims, articles_dir, gold_dir, tmp_path, monkeypatch,
                                    builtin_types_only):
    monkeypatch.setenv("CLAIMKIT_API_KEY", FAKE_KEY)
    monkeypatch.setenv("CLAIMKIT_CACHE_DIR", str(tmp_path / "cache"))
    stem = "000_ae7343512998c616"
    examples = _write_examples(tmp_path / "ex.jsonl", articles_dir, gold_dir, stem)
    out = tmp_path / "o.jsonl"
    with ScriptedServer(gold_claims) as server:
        result = CliRunner().invoke(main, [
            "extract", str(articles_dir / "001_5789c96dbd9fd13a.txt"), "-o", str(out),
            "--base-url", server.base_url, "--model", MODEL, "--examples", str(examples)])
        bodies = list(server.requests)
    assert result.exit_code == 0, result.output
    assert len(bodies) == 1 and [m["role"] for m in bodies[0]["messages"]][:3] == [
        "system", "user", "assistant"]
    (record,) = read_records(out)
    assert isinstance(record, DocumentClaims) and record.version and "-x" in record.version


def test_examples_count_in_the_cost_estimate(articles_dir, gold_dir, tmp_path):
    examples = _write_examples(tmp_path / "ex.jsonl", articles_dir, gold_dir,
                               "003_186aaba948d91f0e")
    doc = Document(id="a", text=(articles_dir / "004_029c872e45ff0bb8.txt").read_text("utf-8"))
    plain = OpenAIBackend(model="gpt-4o-mini", api_key="k", cache=False)
    shown = OpenAIBackend(model="gpt-4o-mini", api_key="k", cache=False, examples=examples)
    extra = shown.budget().fixed - plain.budget().fixed
    assert extra > 0
    # one request: the examples' tokens at gpt-4o-mini's input price (0.15 USD per million)
    assert shown.estimate_cost(doc) - plain.estimate_cost(doc) == pytest.approx(  # type: ignore[operator]
        extra * 0.15 / 1e6)
