"""The `sanction` example plugin through all five commands, as a user runs them.

Offline (the rules backend reads the plugin's cue file) and with the LLM
backend against the scripted OpenAI-compatible server on loopback (its
"model" answers with the plugin's gold claims: no model, no network); the
plugin loaded by ``--plugin``, by ``CLAIMKIT_PLUGINS`` and by the entry point
of a real installation (``pip install`` into a temporary folder). Each run is
a fresh interpreter, so the type never leaks into this process's registry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "examples" / "sanction-plugin"
FAKE_KEY = "sk-claimkit-test-DO-NOT-LEAK-sanction"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMKIT_", "OPENAI_"))}
    env["CLAIMKIT_CACHE_DIR"] = "/nonexistent-cache-not-used"
    env.update(extra)
    return env


def _claimkit(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimkit.cli", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


def _five_commands(tmp: Path, env: dict[str, str], flags: list[str], backend: list[str]) -> dict[str, Any]:
    """extract, validate, eval, view, schema; returns what a test asserts on."""
    out = tmp / "claims.jsonl"
    r = _claimkit([*flags, "extract", str(PLUGIN / "articles"), "-o", str(out), "-q", *backend],
                  env, tmp)
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    r = _claimkit([*flags, "validate", "--format", "json", "--fail-on", "never", str(out)], env, tmp)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    r = _claimkit([*flags, "eval", "--gold", str(PLUGIN / "gold"), "--json", str(out)], env, tmp)
    assert r.returncode == 0, r.stderr
    scores = json.loads(r.stdout)
    r = _claimkit([*flags, "view", str(out), "-o", str(tmp / "report.html")], env, tmp)
    assert r.returncode == 0, r.stderr
    r = _claimkit([*flags, "schema", "-o", str(tmp / "schemas")], env, tmp)
    assert r.returncode == 0, r.stderr
    return {"records": records, "report": report, "scores": scores,
            "html": (tmp / "report.html").read_text(encoding="utf-8"), "schemas": tmp / "schemas"}


def _check(result: dict[str, Any], *, min_f1: float) -> None:
    sanctions = [c for r in result["records"] for c in r["claims"] if c["type"] == "sanction"]
    assert len({c["doc_id"] for c in sanctions}) >= 3, sanctions
    eu_russia = [c for c in sanctions if c.get("action") == "impose"
                 and any((t.get("name") or t["text"]) in ("Russia", "Russland", "Russie")
                         for t in c["target"])]
    assert len({c["doc_id"] for c in eu_russia}) >= 2
    # the validator groups the plugin's type and corroborates it across outlets
    corroborations = [f for f in result["report"]["findings"]
                      if f["kind"] == "corroboration" and f["message"].startswith("sanction")]
    assert any(f["details"]["documents"] >= 2 for f in corroborations), result["report"]["findings"]
    assert result["scores"]["by_type"]["sanction"]["f1"] >= min_f1
    assert "sanction" in result["html"]
    schema = json.loads((result["schemas"] / "claim.sanction.schema.json").read_text())
    assert {"target", "action"} <= set(schema["properties"])


@pytest.mark.parametrize("how", ["--plugin", "CLAIMKIT_PLUGINS"])
def test_offline_through_every_command(tmp_path: Path, how: str) -> None:
    env = _env(PYTHONPATH=str(PLUGIN))
    flags = ["--plugin", "claimkit_sanction"] if how == "--plugin" else []
    if how == "CLAIMKIT_PLUGINS":
        env["CLAIMKIT_PLUGINS"] = "claimkit_sanction"
    _check(_five_commands(tmp_path, env, flags, ["--backend", "rules"]), min_f1=0.6)


def test_offline_with_the_installed_entry_point(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    site = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                          "--target", str(site), str(source)],
                         capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stderr
    assert (site / "claimkit_sanction" / "cues.json").exists()
    work = tmp_path / "work"
    work.mkdir()
    _check(_five_commands(work, _env(PYTHONPATH=str(site)), [], ["--backend", "rules"]), min_f1=0.6)


def test_llm_backend_against_the_scripted_server(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "llm"))
    from scripted_server import ScriptedServer, load_gold_claims

    with ScriptedServer(load_gold_claims(PLUGIN / "gold")) as server:
        env = _env(PYTHONPATH=str(PLUGIN), CLAIMKIT_API_KEY=FAKE_KEY)
        backend = ["--backend", "openai", "--base-url", server.base_url,
                   "--model", "scripted-model", "--no-cache"]
        result = _five_commands(tmp_path, env, ["--plugin", "claimkit_sanction"], backend)
        tools = server.requests[0]["tools"][0]["function"]["parameters"]
    assert "sanction" in json.dumps(tools)  # the plugin's type was asked of the model
    assert all(r["backend"] == "openai" for r in result["records"])
    _check(result, min_f1=0.99)  # gold replies: every sanction claim comes back grounded
    assert FAKE_KEY not in json.dumps(result["records"])
