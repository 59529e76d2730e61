"""Plugins reach every command: --plugin, CLAIMKIT_PLUGINS and installed entry points.

Each case runs the real command in a fresh interpreter, so that a plugin's
claim type never leaks into the registry of the test process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests._plugin_sources import VISIT_PLUGIN


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMKIT_", "OPENAI_"))}
    env.update(extra or {})
    return env


def _claimkit(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimkit.cli", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "visit_plugin.py").write_text(VISIT_PLUGIN, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Macron visited Kyiv. He met Zelensky.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Reports said Macron visited Kyiv.\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text(json.dumps({
        "doc": "a", "type": "visit", "actor": ["Macron"], "evidence": ["Macron visited Kyiv"],
        "date": None, "modality": None, "attributes": {"place": "Kyiv"}}) + "\n", encoding="utf-8")
    return tmp_path


def _through_every_command(workdir: Path, env: dict[str, str], *flags: str) -> None:
    out = workdir / "claims.jsonl"
    r = _claimkit(*flags, "extract", "a.txt", "b.txt", "--backend", "visitor", "--types", "visit",
                  "-o", str(out), env=env, cwd=workdir)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    claims = [c for line in lines for c in line["claims"]]
    assert [c["type"] for c in claims] == ["visit", "visit"] and claims[0]["place"] == "Kyiv"
    assert all(line["backend"] == "visitor" for line in lines)
    r = _claimkit(*flags, "validate", "--format", "jsonl", "--fail-on", "never", str(out),
                  env=env, cwd=workdir)
    assert r.returncode == 0, r.stderr
    r = _claimkit(*flags, "view", str(out), "-o", "report.html", env=env, cwd=workdir)
    assert r.returncode == 0, r.stderr
    assert "Kyiv" in (workdir / "report.html").read_text(encoding="utf-8")
    r = _claimkit(*flags, "eval", "--gold", "gold", "--json", str(out), env=env, cwd=workdir)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["by_type"]["visit"]["tp"] == 1
    r = _claimkit(*flags, "schema", "-o", "schemas", env=env, cwd=workdir)
    assert r.returncode == 0, r.stderr
    schema = json.loads((workdir / "schemas" / "claim.visit.schema.json").read_text())
    assert "place" in schema["properties"]
    union = json.loads((workdir / "schemas" / "claim.schema.json").read_text())
    assert "visit" in union["discriminator"]["mapping"]


def test_plugin_flag_reaches_every_command(workdir: Path) -> None:
    env = _env({"PYTHONPATH": str(workdir / "plugins")})
    _through_every_command(workdir, env, "--plugin", "visit_plugin")


def test_plugins_from_the_environment_variable(workdir: Path) -> None:
    env = _env({"PYTHONPATH": str(workdir / "plugins"), "CLAIMKIT_PLUGINS": "visit_plugin"})
    _through_every_command(workdir, env)


def test_plugins_from_an_installed_entry_point(workdir: Path) -> None:
    site = workdir / "plugins"
    info = site / "visit_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: visit-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[claimkit.plugins]\nvisit = visit_plugin\n")
    _through_every_command(workdir, _env({"PYTHONPATH": str(site)}))


def test_without_the_plugin_its_claims_are_refused_in_one_line(workdir: Path) -> None:
    env = _env({"PYTHONPATH": str(workdir / "plugins")})
    out = workdir / "claims.jsonl"
    r = _claimkit("--plugin", "visit_plugin", "extract", "a.txt", "--backend", "visitor",
                  "-o", str(out), env=env, cwd=workdir)
    assert r.returncode == 0, r.stderr
    r = _claimkit("validate", str(out), env=env, cwd=workdir)
    assert r.returncode == 2
    (line,) = r.stderr.strip().splitlines()
    assert "unknown claim type 'visit'" in line and "--plugin" in line


def test_a_plugin_that_cannot_be_imported_is_named_in_one_line(workdir: Path) -> None:
    (workdir / "plugins" / "broken_plugin.py").write_text("raise RuntimeError('boom')\n")
    env = _env({"PYTHONPATH": str(workdir / "plugins")})
    for args, name, why in (
        (["--plugin", "no_such_plugin"], "no_such_plugin", "No module named"),
        (["--plugin", "broken_plugin"], "broken_plugin", "RuntimeError: boom"),
    ):
        r = _claimkit(*args, "schema", "-o", "s", env=env, cwd=workdir)
        assert r.returncode == 2
        (line,) = r.stderr.strip().splitlines()
        assert line.startswith("claimkit: error: plugin") and name in line and why in line
    r = _claimkit("schema", "-o", "s", env={**env, "CLAIMKIT_PLUGINS": "no_such_plugin"},
                  cwd=workdir)
    assert r.returncode == 2 and "CLAIMKIT_PLUGINS" in r.stderr
