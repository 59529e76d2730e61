"""Batch mode against the scripted batch endpoint (tests/llm/batch_server.py), no network.

THE MODEL REPLIES ARE SCRIPTED (the gold responder of tests/llm/scripted_server.py):
these tests show that batch mode sends what real-time mode sends and turns the
same replies into the same records, never that a model is good.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

sys.path.insert(0, str(Path(__file__).parent / "llm"))

from batch_server import ScriptedBatchServer
from scripted_server import ScriptedServer, gold_reply_claims, load_gold_claims, reply, unreadable

from claimkit.batch.collect import Item, read_outputs
from claimkit.batch.requests import custom_id, prepare_requests, split_custom_id
from claimkit.batch.state import State
from claimkit.cli import main
from claimkit.documents import load_documents
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.llm.settings import estimate_cost, load_prices
from claimkit.extract.pipeline import Extractor
from claimkit.schemas import Usage

KEY = "sk-claimkit-batch-test-DO-NOT-LEAK-77e1d0"
MODEL = "scripted-model"
#: small chunks, so that documents have several and merging is exercised
CHUNK = "4000"
#: an invented quote (not in any article)
INVENTED = "The ministers agreed to send a fleet of submarines to the Moon."
#: the documents (of 7 in the sample pages) whose first batch reply holds no JSON, has
#: an invented quote, or fails in the batch
MALFORMED, UNGROUNDED, FAILED = 6, 3, 4


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("OPENAI_BASE_URL", "CLAIMKIT_API_KEY", "CLAIMKIT_BASE_URL", "CLAIMKIT_MODEL",
                "CLAIMKIT_MODE", "CLAIMKIT_PRICES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("CLAIMKIT_CHUNK_CHARS", CHUNK)
    monkeypatch.setenv("CLAIMKIT_MAX_RETRIES", "1")


@pytest.fixture(scope="module")
def gold(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    return load_gold_claims(gold_dir)


@pytest.fixture(scope="module")
def docs(articles_dir: Path) -> list[Any]:
    return list(load_documents([articles_dir]))


def _script(chat: ScriptedServer, docs: list[Any], gold: dict[str, list[dict[str, Any]]]) -> None:
    """The same script for every run: one reply without JSON, one invented quote."""
    chat.script(docs[MALFORMED].text[:200], unreadable())
    good = gold_reply_claims(gold[docs[UNGROUNDED].id][:2])
    bad = json.loads(json.dumps(good))
    bad[1]["quotes"] = [INVENTED]
    chat.script(docs[UNGROUNDED].text[:200], reply(bad))


def _invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert KEY not in result.output
    return result


def _records(path: Path) -> list[dict[str, Any]]:
    return sorted((json.loads(line) for line in path.read_text("utf-8").splitlines()),
                  key=lambda r: r["document"]["id"] if "document" in r else r["doc_id"])


def _real_time(articles_dir: Path, gold: Any, docs: list[Any], out: Path) -> list[dict[str, Any]]:
    with ScriptedServer(gold) as chat:
        _script(chat, docs, gold)
        result = _invoke("extract", str(articles_dir), "--backend", "openai", "--model", MODEL,
                         "--base-url", chat.base_url, "--no-cache", "-q", "-o", str(out))
        assert result.exit_code == 0, result.output
    return _records(out)


@pytest.fixture
def endpoint(gold: Any, docs: list[Any]) -> Iterator[tuple[ScriptedServer, ScriptedBatchServer]]:
    with ScriptedServer(gold) as chat, ScriptedBatchServer(
            chat, fail_markers=(docs[FAILED].text[:200],)) as batch:
        _script(chat, docs, gold)
        yield chat, batch


def _collected_in_full(articles_dir: Path, base_url: str, tmp: Path) -> tuple[Path, Path, list[bytes]]:
    """Prepare, submit, wait and collect into ``full.jsonl``: the state, that file and its lines."""
    state = _prepare_and_submit(articles_dir, base_url, tmp)
    assert _invoke("batch", "status", str(state), "--wait", "--poll", "0").exit_code == 0
    full = tmp / "full.jsonl"
    assert _invoke("batch", "collect", str(state), "-o", str(full)).exit_code == 0
    return state, full, full.read_bytes().splitlines(keepends=True)


def _prepare_and_submit(articles_dir: Path, base_url: str, tmp: Path) -> Path:
    result = _invoke("batch", "prepare", str(articles_dir), "-o", str(tmp / "requests.jsonl"),
                     "--model", MODEL, "--base-url", base_url)
    assert result.exit_code == 0, result.output
    state = tmp / "requests.state.json"
    submitted = _invoke("batch", "submit", str(state))
    assert submitted.exit_code == 0 and "1 validating" in submitted.stderr
    return state


@pytest.mark.parametrize("mode", ["tools", "json", "md_json"])
def test_prepare_writes_the_requests_the_real_time_path_sends(
    env: None, gold: Any, docs: list[Any], articles_dir: Path, tmp_path: Path, mode: str
) -> None:
    with ScriptedServer(gold) as chat:
        backend = OpenAIBackend(model=MODEL, base_url=chat.base_url, api_key=KEY, cache=False,
                                mode=mode)
        prepared = prepare_requests(docs, backend, tmp_path / "r.jsonl")
        list(Extractor(backend).run(docs))
        sent = sorted(json.dumps(b, sort_keys=True) for b in chat.requests)
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert prepared.requests == len(lines) == len(sent) > len(docs)  # several chunks
    assert sorted(json.dumps(x["body"], sort_keys=True) for x in lines) == sent
    assert {x["url"] for x in lines} == {"/v1/chat/completions"}
    ids = [x["custom_id"] for x in lines]
    assert len(set(ids)) == len(ids)
    assert {split_custom_id(i)[0] for i in ids} == {d.id for d in docs}  # type: ignore[index]
    assert prepared.usage.prompt_tokens > 0 and prepared.cost is None  # no price for it


def test_prepare_splits_files_under_the_limits(env: None, docs: list[Any], tmp_path: Path) -> None:
    backend = OpenAIBackend(model=MODEL, api_key=KEY, cache=False)
    prepared = prepare_requests(docs, backend, tmp_path / "r.jsonl", max_requests=4,
                                max_bytes=10**9)
    names = [f.path for f in prepared.files]
    assert names[:3] == ["r.jsonl", "r.2.jsonl", "r.3.jsonl"]
    counts = [len((tmp_path / n).read_bytes().splitlines()) for n in names]
    assert counts == [f.requests for f in prepared.files] and max(counts) == 4
    assert sum(counts) == prepared.requests
    small = prepare_requests(docs, backend, tmp_path / "s.jsonl", max_bytes=60_000)
    sizes = [(tmp_path / f.path).stat().st_size for f in small.files]
    assert len(sizes) > 1 and sizes == [f.bytes for f in small.files]
    assert all(size <= 60_000 for size in sizes) and not list(tmp_path.glob("*.part"))


def test_batch_prices_are_half_the_list_prices() -> None:
    usage = Usage(prompt_tokens=1_000_000, completion_tokens=1_000_000)
    prices = load_prices()
    assert estimate_cost("gpt-4o-mini", usage, prices, batch=True) == pytest.approx(0.375)
    assert estimate_cost("gpt-4o-mini", usage, prices) == pytest.approx(0.75)
    table = {"m": {"input": 1.0, "output": 2.0}}  # no batch prices given: half the list
    assert estimate_cost("m", usage, table, batch=True) == pytest.approx(1.5)


def test_batch_and_real_time_give_identical_records(
    env: None, endpoint: Any, gold: Any, docs: list[Any], articles_dir: Path, tmp_path: Path
) -> None:
    chat, batch = endpoint
    state = _prepare_and_submit(articles_dir, batch.base_url, tmp_path)
    seen = []
    for _ in range(3):
        result = _invoke("batch", "status", str(state))
        assert result.exit_code == 0
        seen.append(result.stdout.split("\t")[2])
    assert seen == ["in_progress", "completed", "completed"]
    output = State.load(state).files[0].output_path
    assert output is not None
    ids = [json.loads(x)["custom_id"] for x in (tmp_path / output).read_text().splitlines()]
    assert ids != sorted(ids, key=lambda i: (split_custom_id(i) or ("", 0, ""))[:2])  # shuffled
    before = len(chat.requests)
    out = tmp_path / "batch.jsonl"
    result = _invoke("batch", "collect", str(state), "-o", str(out))
    assert result.exit_code == 0, result.output
    # re-asks: the malformed reply, the invented quote; the failed item asked again
    assert len(chat.requests) - before == 3
    assert "3 real-time requests" in result.stderr
    expected = _real_time(articles_dir, gold, docs, tmp_path / "realtime.jsonl")
    assert _records(out) == expected
    assert all(r["record"] == "document" for r in expected)


def test_collect_after_a_crash_loses_and_duplicates_nothing(
    env: None, endpoint: Any, articles_dir: Path, tmp_path: Path
) -> None:
    _, batch = endpoint
    state, full, lines = _collected_in_full(articles_dir, batch.base_url, tmp_path)
    crashed = tmp_path / "crashed.jsonl"
    crashed.write_bytes(b"".join(lines[:3]) + lines[3][:100])  # killed mid-write
    result = _invoke("batch", "collect", str(state), "-o", str(crashed))
    assert result.exit_code == 0 and "(3 already there)" in result.stderr
    again = _invoke("batch", "collect", str(state), "-o", str(crashed))
    assert "0 documents, 0 failures" in again.stderr
    records = _records(crashed)
    assert len({r["document"]["id"] for r in records}) == len(records) == len(lines)
    assert records == _records(full)


def test_no_reask_sends_nothing_and_keeps_failures(
    env: None, endpoint: Any, docs: list[Any], articles_dir: Path, tmp_path: Path
) -> None:
    chat, batch = endpoint
    state = _prepare_and_submit(articles_dir, batch.base_url, tmp_path)
    _invoke("batch", "status", str(state), "--wait", "--poll", "0")
    before = len(chat.requests)
    out = tmp_path / "out.jsonl"
    result = _invoke("batch", "collect", str(state), "-o", str(out), "--no-reask")
    assert result.exit_code == 1 and len(chat.requests) == before
    by_id = {r.get("doc_id") or r["document"]["id"]: r for r in _records(out)}
    assert by_id[docs[MALFORMED].id]["record"] == "failure"  # malformed, not re-asked
    assert by_id[docs[FAILED].id]["record"] == "failure"  # the failed item
    assert "scripted item failure" in by_id[docs[FAILED].id]["message"]
    kept = by_id[docs[UNGROUNDED].id]  # the invented quote is kept, marked ungrounded
    assert [c["ungrounded"] for c in kept["claims"] if c["ungrounded"]] == [[INVENTED]]


def test_expired_batch_asks_the_rest_in_real_time(
    env: None, gold: Any, docs: list[Any], articles_dir: Path, tmp_path: Path
) -> None:
    with ScriptedServer(gold) as chat, ScriptedBatchServer(chat, final="expired",
                                                           expire_after=4) as batch:
        _script(chat, docs, gold)
        state = _prepare_and_submit(articles_dir, batch.base_url, tmp_path)
        status = _invoke("batch", "status", str(state), "--wait", "--poll", "0")
        assert "expired" in status.stdout
        out = tmp_path / "out.jsonl"
        result = _invoke("batch", "collect", str(state), "-o", str(out))
        assert result.exit_code == 0 and "4 batch replies" in result.stderr
    assert _records(out) == _real_time(articles_dir, gold, docs, tmp_path / "rt.jsonl")


def test_failed_batch_reports_why_and_no_reask_fails_every_document(
    env: None, gold: Any, docs: list[Any], articles_dir: Path, tmp_path: Path
) -> None:
    with ScriptedServer(gold) as chat, ScriptedBatchServer(chat, final="failed") as batch:
        state = _prepare_and_submit(articles_dir, batch.base_url, tmp_path)
        status = _invoke("batch", "status", str(state), "--wait", "--poll", "0")
        assert "failed" in status.stdout and "scripted validation failure" in status.stderr
        out = tmp_path / "out.jsonl"
        result = _invoke("batch", "collect", str(state), "-o", str(out), "--no-reask")
    assert result.exit_code == 1
    records = _records(out)
    assert len(records) == len(docs) and all(r["record"] == "failure" for r in records)
    assert all("no reply in the batch output" in r["message"] for r in records)


def test_submit_after_a_crash_creates_no_second_batch(
    env: None, endpoint: Any, articles_dir: Path, tmp_path: Path
) -> None:
    _, batch = endpoint
    state_file = _prepare_and_submit(articles_dir, batch.base_url, tmp_path)
    state = State.load(state_file)
    batch_id = state.files[0].batch_id
    state.files[0].batch_id = None  # the crash: created, but the id was not saved
    state.save(state_file)
    assert _invoke("batch", "submit", str(state_file)).exit_code == 0
    assert State.load(state_file).files[0].batch_id == batch_id and len(batch.batches) == 1
    assert _invoke("batch", "submit", str(state_file)).exit_code == 0
    assert len(batch.batches) == 1 and len(batch.files) == 1


def _vllm_output(requests: Path, chat: ScriptedServer, out: Path) -> None:
    """What ``vllm run-batch`` writes: one line per request (vLLM's field layout)."""
    import urllib.request

    rows = []
    for n, line in enumerate(requests.read_text("utf-8").splitlines()):
        item = json.loads(line)
        body = json.dumps(item["body"], ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(chat.base_url + "/chat/completions", data=body,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as response:
            reply_body = json.loads(response.read())
        rows.append({"id": f"vllm-{n}", "custom_id": item["custom_id"],
                     "response": {"status_code": 200, "request_id": f"vllm-batch-{n}",
                                  "body": reply_body}, "error": None})
    rows.reverse()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
                   + "this line is not JSON\n", encoding="utf-8")


def test_collect_reads_a_vllm_run_batch_output(
    env: None, gold: Any, docs: list[Any], articles_dir: Path, tmp_path: Path
) -> None:
    requests = tmp_path / "requests.jsonl"
    with ScriptedServer(gold) as chat:
        _script(chat, docs, gold)
        result = _invoke("batch", "prepare", str(articles_dir), "-o", str(requests),
                         "--provider", "vllm", "--model", MODEL, "--base-url", chat.base_url)
        assert result.exit_code == 0
        _vllm_output(requests, chat, tmp_path / "results.jsonl")
        out = tmp_path / "out.jsonl"
        result = _invoke("batch", "collect", str(tmp_path / "requests.state.json"), "-o",
                         str(out), "--from-file", str(tmp_path / "results.jsonl"))
    assert result.exit_code == 0, result.output
    assert "results.jsonl:" in result.stderr and "not a batch output line" in result.stderr
    assert _records(out) == _real_time(articles_dir, gold, docs, tmp_path / "rt.jsonl")


def test_no_secret_reaches_state_requests_outputs_or_messages(
    env: None, endpoint: Any, articles_dir: Path, tmp_path: Path
) -> None:
    _, batch = endpoint
    state = _prepare_and_submit(articles_dir, batch.base_url + "?key=" + KEY, tmp_path)
    _invoke("batch", "status", str(state), "--wait", "--poll", "0", "--base-url", batch.base_url)
    _invoke("batch", "collect", str(state), "-o", str(tmp_path / "out.jsonl"))
    for path in tmp_path.iterdir():
        assert KEY not in path.read_text("utf-8", "replace"), path
    # the key went where it belongs: the Authorization header
    assert any({k.lower(): v for k, v in h.items()}.get("authorization") == f"Bearer {KEY}"
               for _, _, h in batch.seen)


def test_read_outputs_prefers_a_reply_and_names_bad_lines(tmp_path: Path) -> None:
    ok = {"custom_id": "a::1::x", "response": {"status_code": 200, "body": {"id": "c"}},
          "error": None}
    bad = {"custom_id": "a::1::x", "response": None,
           "error": {"code": "batch_expired", "message": "not run"}}
    path = tmp_path / "o.jsonl"
    path.write_text(json.dumps(bad) + "\n" + json.dumps(ok) + "\n[]\n", encoding="utf-8")
    said: list[str] = []
    with read_outputs([path], on_error=said.append) as items:
        assert items.get("a::1::x") == Item(body={"id": "c"}) and len(items) == 1
        assert items.get("b::1::x") is None
    assert len(said) == 1 and ":3:" in said[0]
    assert custom_id("doc::x", 2, "text").startswith("doc::x::2::")
    assert split_custom_id(custom_id("doc::x", 2, "text"))[:2] == ("doc::x", 2)  # type: ignore[index]


# ------------------------------------------------------------------ docs/batch.md's commands


def _doc_commands(repo_root: Path, name: str) -> list[list[str]]:
    """The command lines of the block that docs/batch.md marks as run by these tests."""
    import shlex

    text = (repo_root / "docs" / "batch.md").read_text("utf-8")
    start = text.index(f"<!-- run by tests/test_batch.py: {name}")
    block = text[text.index("```bash\n", start) + 8:]
    block = block[: block.index("```")]
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


def test_the_documented_openai_commands_run(
    env: None, gold: Any, docs: list[Any], repo_root: Path, articles_dir: Path,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    shutil.copytree(articles_dir, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    lines = _doc_commands(repo_root, "batch-openai")
    assert [line[:3] for line in lines] == [["claimkit", "batch", c]
                                            for c in ("prepare", "submit", "status", "collect")]
    with ScriptedServer(gold) as chat, ScriptedBatchServer(chat, steps=()) as batch:
        monkeypatch.setenv("OPENAI_BASE_URL", batch.base_url)
        monkeypatch.setenv("CLAIMKIT_MODEL", MODEL)
        for line in lines:
            result = _invoke(*line[1:])
            assert result.exit_code == 0, (line, result.output)
    records = _records(tmp_path / "claims.jsonl")
    assert [r["document"]["id"] for r in records] == sorted(d.id for d in docs)


def test_the_documented_vllm_commands_run(
    env: None, gold: Any, docs: list[Any], repo_root: Path, articles_dir: Path,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    shutil.copytree(articles_dir, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    lines = _doc_commands(repo_root, "batch-vllm")
    assert [line[:2] for line in lines] == [["claimkit", "batch"], ["vllm", "run-batch"],
                                            ["claimkit", "batch"]]
    with ScriptedServer(gold) as chat:
        assert _invoke(*lines[0][1:]).exit_code == 0
        # what `vllm run-batch -i requests.jsonl -o results.jsonl` writes (no vLLM here)
        assert lines[1][lines[1].index("-i") + 1] == "requests.jsonl"
        _vllm_output(tmp_path / "requests.jsonl", chat, tmp_path / lines[1][lines[1].index("-o") + 1])
        sent = len(chat.requests)
        result = _invoke(*lines[2][1:])
        assert result.exit_code == 0, result.output
        assert len(chat.requests) == sent  # --no-reask: nothing sent
    records = _records(tmp_path / "claims.jsonl")
    assert len(records) == len(docs) and all(r["record"] == "document" for r in records)


def test_bad_state_and_unfinished_batches_are_one_line_errors(
    env: None, endpoint: Any, articles_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.state.json"
    bad.write_text("{not json", encoding="utf-8")
    result = _invoke("batch", "submit", str(bad))
    assert result.exit_code == 2 and "bad.state.json: not a batch state file" in result.stderr
    assert "Traceback" not in result.output
    missing = _invoke("batch", "status", str(tmp_path / "none.state.json"))
    assert missing.exit_code == 2 and "run `claimkit batch prepare` first" in missing.stderr
    _, batch = endpoint
    state = _prepare_and_submit(articles_dir, batch.base_url, tmp_path)
    early = _invoke("batch", "collect", str(state), "-o", str(tmp_path / "out.jsonl"))
    assert early.exit_code == 2 and "not finished" in early.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_collect_into_the_claim_store_after_a_crash_stores_each_document_once(
    env: None, endpoint: Any, articles_dir: Path, tmp_path: Path
) -> None:
    from claimkit.store import open_store

    _, batch = endpoint
    state, full, lines = _collected_in_full(articles_dir, batch.base_url, tmp_path)
    crashed, db = tmp_path / "crashed.jsonl", tmp_path / "claims.db"
    crashed.write_bytes(b"".join(lines[:2]) + lines[2][:100])  # killed mid-write, before the store
    result = _invoke("batch", "collect", str(state), "-o", str(crashed), "--db", str(db))
    assert result.exit_code == 0, result.output
    again = _invoke("batch", "collect", str(state), "-o", str(crashed), "--db", str(db))
    assert again.exit_code == 0, again.output
    with open_store(str(db)) as store:
        stored = [json.loads(r.model_dump_json()) for r in store.records()]
    assert sorted(r["document"]["id"] for r in stored) == sorted(
        r["document"]["id"] for r in _records(full))  # each document once
    assert sum(len(r["claims"]) for r in stored) == sum(len(r["claims"]) for r in _records(full))
    assert len(_records(crashed)) == len(lines)


def test_prepare_sends_the_few_shot_examples_and_collect_keeps_them(
    env: None, endpoint: Any, articles_dir: Path, gold_dir: Path, tmp_path: Path
) -> None:
    """--examples reaches every prepared request (as real time sends it) and the state
    file, so that collect's re-asks and prompt version are those of the same examples."""
    stem = sorted(p.stem for p in articles_dir.glob("*.txt"))[0]
    example_text = (articles_dir / f"{stem}.txt").read_text(encoding="utf-8")
    examples = tmp_path / "ex.jsonl"
    examples.write_text(json.dumps({"doc": stem, "text": example_text}, ensure_ascii=False) + "\n"
                        + (gold_dir / f"{stem}.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    _, batch = endpoint
    requests = tmp_path / "requests.jsonl"
    result = _invoke("batch", "prepare", str(articles_dir), "-o", str(requests), "--model", MODEL,
                     "--base-url", batch.base_url, "--examples", str(examples))
    assert result.exit_code == 0, result.output
    bodies = [json.loads(line)["body"] for line in requests.read_text("utf-8").splitlines()]
    snippet = example_text.strip().splitlines()[0][:60]
    assert bodies and all(any(snippet in str(m["content"]) for m in b["messages"]) for b in bodies)
    state = json.loads((tmp_path / "requests.state.json").read_text("utf-8"))
    assert state["settings"]["examples"] == str(examples.resolve())
