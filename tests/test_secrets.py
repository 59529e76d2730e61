"""Secrets never leave the process: an endpoint that echoes the key (SCRIPTED server).

The scripted OpenAI-compatible server on 127.0.0.1 (tests/llm/scripted_server.py)
answers with the bodies real providers send: a 401 "Incorrect API key provided:
<KEY>", a 403 and a 500 naming the key, a proxy page repeating the
``Authorization`` header. The command line runs them in a subprocess at every
verbosity; the key must be in none of stdout, stderr, the JSONL file, the cache
files, and a cassette recorded of the same exchanges.
"""

from __future__ import annotations

import importlib.util
import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

LLM_TESTS = Path(__file__).resolve().parent / "llm"
sys.path.insert(0, str(LLM_TESTS))

from scripted_server import ScriptedServer, echo_key, load_gold_claims, raw  # noqa: E402

from claimkit.redact import MASK, RedactingFilter, install_log_filter, redact  # noqa: E402

KEY = "sk-claimkit-test-DO-NOT-LEAK-4f3a9c"
#: a configured key of no known shape (a local server's): removed only because it is configured
PLAIN_KEY = "localserver-7e61d0c2b9"


# ------------------------------------------------------------------ the redactor


@pytest.mark.parametrize(
    "text",
    [
        f'Error code: 401 - {{"error": {{"message": "Incorrect API key provided: {KEY}."}}}}',
        f"Authorization: Bearer {KEY}",
        f'{{"headers": {{"authorization": "Bearer {KEY}"}}}}',
        f"https://user:{KEY}@example.org/v1/chat/completions",
        f"GET https://example.org/v1/models?api_key={KEY}&limit=5",
        f"x-api-key: {KEY}",
    ],
)
def test_the_key_is_removed_wherever_it_is_echoed(text: str) -> None:
    out = redact(text, (KEY,))
    assert KEY not in out and MASK in out
    assert "DO-NOT-LEAK" not in out


def test_secret_shapes_go_even_when_not_configured() -> None:
    assert redact("key sk-proj-Ab12Cd34Ef56Gh78 refused") == f"key {MASK} refused"
    assert redact("Authorization: Bearer eyJhbGciOi.J9.abc") == f"Authorization: Bearer {MASK}"
    assert redact("https://bob:hunter2@proxy.local:8080/v1") == f"https://{MASK}@proxy.local:8080/v1"
    assert redact("AIzaSyD-1234567890abcdefghijklmnopqrstu ok") == f"{MASK} ok"


def test_a_configured_key_of_any_shape_goes_also_url_encoded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("CLAIMKIT_API_KEY", raising=False)
    odd = "k3y/with+signs=="
    assert redact(f"bad key {PLAIN_KEY}", (PLAIN_KEY,)) == f"bad key {MASK}"
    assert redact("bad key k3y%2Fwith%2Bsigns%3D%3D", (odd,)) == f"bad key {MASK}"
    assert redact(f"bad key {PLAIN_KEY}") == f"bad key {PLAIN_KEY}"  # not configured, no shape
    monkeypatch.setenv("CLAIMKIT_API_KEY", PLAIN_KEY)  # configured through the environment
    assert redact(f"bad key {PLAIN_KEY}") == f"bad key {MASK}"


@pytest.mark.parametrize(
    "text",
    [
        "doc-3: HTTP 429 after 7 attempts; the endpoint is overloaded or down",
        "The task-force asked for a risk assessment: 12 sk-ills, bearer bonds.",
        "see https://example.org/a?b=1&page=2 and C:\\Users\\basic",
        "doc-1: the model's reply did not fit the claim schema after 3 attempt(s)",
    ],
)
def test_ordinary_messages_are_left_alone(text: str) -> None:
    assert redact(text, ("x",)) == text  # a 1-character "key" is not replaced


def test_the_log_filter_redacts_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("claimkit.test_secrets")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        install_log_filter(logger, (PLAIN_KEY,))
        install_log_filter(logger, (PLAIN_KEY,))  # idempotent: one filter per handler
        assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
        logger.warning("refused: %s", f"Incorrect API key provided: {PLAIN_KEY}")
        try:
            raise RuntimeError(f"Bearer {KEY} rejected")
        except RuntimeError:
            logger.exception("failed with %s", KEY)
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert PLAIN_KEY not in text and KEY not in text
    assert text.count(MASK) >= 3 and "RuntimeError" in text


# ------------------------------------------------------------- the command line


def _documents(directory: Path, articles_dir: Path) -> dict[str, str]:
    """One document per echo scenario (its marker in the text), plus a real article."""
    directory.mkdir()
    markers = {
        "d401": "Marker alpha-401: the minister spoke on Tuesday.",
        "d403": "Marker beta-403: the council met on Monday.",
        "d500": "Marker gamma-500: the union warned of strikes.",
        "dproxy": "Marker delta-proxy: the mayor pledged new buses.",
    }
    for name, text in markers.items():
        (directory / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    article = sorted(articles_dir.glob("*.txt"))[0]
    (directory / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    return markers


def _script(server: ScriptedServer) -> None:
    server.script("alpha-401", echo_key(401))
    server.script("beta-403", echo_key(403))
    fail = echo_key(500)
    fail.headers["Retry-After"] = "0"
    server.script("gamma-500", fail, fail)
    server.script("delta-proxy", raw(200, "<html><body>Upstream refused. Request headers: "
                                          "Authorization: Bearer {key}</body></html>"))


def _extract(server: ScriptedServer, inputs: Path, out: Path, cache: Path,
             verbosity: list[str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMKIT_"))}
    env.update(OPENAI_API_KEY=KEY, CLAIMKIT_BASE_URL=server.base_url,
               CLAIMKIT_MODEL="scripted-model", CLAIMKIT_CACHE_DIR=str(cache),
               CLAIMKIT_MAX_RETRIES="1", CLAIMKIT_MAX_REASKS="0")
    return subprocess.run(
        [sys.executable, "-m", "claimkit.cli", *verbosity, "extract", str(inputs),
         "-o", str(out), "--backend", "openai", "--concurrency", "1"],
        capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.mark.parametrize("verbosity", [[], ["-v"], ["-vv"]], ids=["default", "-v", "-vv"])
def test_an_echoed_key_reaches_no_output_at_any_verbosity(
    verbosity: list[str], tmp_path: Path, articles_dir: Path, gold_dir: Path
) -> None:
    inputs, out, cache = tmp_path / "in", tmp_path / "claims.jsonl", tmp_path / "cache"
    _documents(inputs, articles_dir)
    with ScriptedServer(load_gold_claims(gold_dir)) as server:
        _script(server)
        run = _extract(server, inputs, out, cache, verbosity)
        echoed = [h for h, _ in server.raw_requests
                  if any(KEY in v for k, v in h.items() if k.lower() == "authorization")]
    assert echoed, "the key was sent to the endpoint (which then echoed it)"
    assert run.returncode == 1, run.stderr  # four documents failed, the run went on

    cached = [p.read_text(encoding="utf-8") for p in cache.rglob("*") if p.is_file()]
    outputs = {"stdout": run.stdout, "stderr": run.stderr,
               "output file": out.read_text(encoding="utf-8"), "cache": "\n".join(cached)}
    for name, text in outputs.items():
        assert KEY not in text, f"the key leaked into {name}"
        assert "DO-NOT-LEAK" not in text, f"part of the key leaked into {name}"
    assert cached, "the successful document was cached"

    failures = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line)["message"]
                for line in outputs["output file"].splitlines()
                if json.loads(line)["record"] == "failure"}
    assert set(failures) == {"d401.txt", "d403.txt", "d500.txt", "dproxy.txt"}
    # the messages still say what went wrong: a refused key is named as such (the
    # endpoint's body, which echoes the key, is not repeated), a proxy page masked
    assert "authentication failed (HTTP 401)" in failures["d401.txt"]
    assert "(HTTP 403)" in failures["d403.txt"]
    assert "HTTP 500" in failures["d500.txt"]
    assert "not JSON" in failures["dproxy.txt"] and MASK in failures["dproxy.txt"]
    assert "authentication failed (HTTP 401)" in run.stderr


def _cassette_hooks() -> tuple[Any, Any]:
    """The before_record hooks of tests/llm/conftest.py (the ones `make cassettes` uses)."""
    spec = importlib.util.spec_from_file_location("_llm_conftest", LLM_TESTS / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.scrub_request, module.scrub_response


def test_a_recorded_cassette_of_the_echo_holds_no_key(tmp_path: Path, gold_dir: Path) -> None:
    import vcr

    from claimkit.extract.llm.openai import OpenAIBackend
    from claimkit.extract.pipeline import Extractor
    from claimkit.schemas import Document, Failure

    scrub_request, scrub_response = _cassette_hooks()
    recorder = vcr.VCR(record_mode="all", filter_headers=["authorization"],
                       before_record_request=scrub_request,
                       before_record_response=scrub_response)
    cassette = tmp_path / "echo.yaml"
    docs = [Document(id="a", text="Marker alpha-401: a text."),
            Document(id="p", text="Marker delta-proxy: a text.")]
    with ScriptedServer(load_gold_claims(gold_dir)) as server:
        _script(server)
        backend = OpenAIBackend(model="scripted-model", base_url=server.base_url, api_key=KEY,
                                cache=False, max_api_retries=0)
        with recorder.use_cassette(str(cassette)):
            records = list(Extractor(backend, normalize=False).run(docs))
    assert all(isinstance(r, Failure) and KEY not in r.message for r in records)
    text = cassette.read_text(encoding="utf-8")
    assert "Incorrect API key provided" in text and "Upstream refused" in text  # recorded
    assert KEY not in text and "DO-NOT-LEAK" not in text


def test_a_step_script_is_what_the_server_sends(gold_dir: Path) -> None:
    """The echo is real: without redaction the client would see the key."""
    import urllib.error
    import urllib.request

    with ScriptedServer(load_gold_claims(gold_dir)) as server:
        server.script("x", echo_key(401))
        body = json.dumps({"messages": [{"role": "user", "content": "x"}]}).encode()
        request = urllib.request.Request(server.base_url + "/chat/completions", data=body,
                                         headers={"Authorization": f"Bearer {KEY}"})
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 401
    assert f"Incorrect API key provided: {KEY}" in caught.value.read().decode()


_LEAKY_PLUGIN = '''
import os

from claimkit import register_backend
from claimkit.errors import BackendError
from claimkit.extract.base import Backend


class Leaky(Backend):
    """A plugin backend whose errors quote the key it was configured with."""

    name = "leaky"

    def extract(self, document):
        key = os.environ["OPENAI_API_KEY"]
        if "crash" in document.text:
            raise RuntimeError(f"upstream said: Incorrect API key provided: {key}")
        raise BackendError(f"the service refused key {key}")


register_backend("leaky", Leaky)
'''


@pytest.mark.parametrize("text", ["please refuse", "please crash"], ids=["error", "crash"])
def test_a_plugin_exception_echoing_the_key_is_redacted(text: str, tmp_path: Path) -> None:
    """A key of no known shape, configured in the environment, quoted by a plugin's
    exception: a failure record and its log line, or a traceback (a crash)."""
    (tmp_path / "leaky_plugin.py").write_text(_LEAKY_PLUGIN, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMKIT_"))}
    env.update(OPENAI_API_KEY=PLAIN_KEY, PYTHONPATH=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "claimkit.cli", "-vv", "--plugin", "leaky_plugin", "extract",
         str(tmp_path / "doc.txt"), "-o", str(out), "--backend", "leaky"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert run.returncode == 1, run.stderr
    written = out.read_text(encoding="utf-8") if out.exists() else ""
    for name, output in {"stdout": run.stdout, "stderr": run.stderr, "file": written}.items():
        assert PLAIN_KEY not in output, f"the key leaked into {name}"
    if "crash" in text:
        assert "RuntimeError: upstream said: Incorrect API key provided: " + MASK in run.stderr
    else:
        assert json.loads(written)["message"] == f"the service refused key {MASK}"
