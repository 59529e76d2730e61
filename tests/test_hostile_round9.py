"""Hostile input, round 9: ``extract --resume`` on an output of other settings, installed plugins
that fail, repeated gold lines, and the memory ``validate`` holds per claim.

Each case failed before its change (the test's docstring says how) and passes after. Bounds
are counts and size ratios, never wall-clock time.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from tests._hostile import A_TEXT, Z_TEXT, two_article_lines
from tests._hostile import no_endpoint as no_endpoint  # the autouse fixture
from tests._plugin_sources import VISIT_PLUGIN

sys.path.insert(0, str(Path(__file__).resolve().parent / "llm"))

from scripted_server import ScriptedServer  # noqa: E402

#: claimkit's routine lines of ``extract``: the backend note, resuming, the summary
ROUTINE = re.compile(r"^claimkit: (backend: |resuming: |\d+ documents?[ ,(])")


def _noted(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if not ROUTINE.match(ln)]


def _ids(path: Path) -> Counter[str]:
    return Counter(json.loads(ln)["document"]["id"] for ln in path.read_text(encoding="utf-8").splitlines()
                   if json.loads(ln)["record"] == "document")


# ------------------------------------------------------------------ --resume on other settings


@pytest.fixture()
def mixed_output(tmp_path: Path) -> tuple[Path, bytes]:
    """a.txt and z.txt, and an output holding a's record as another backend, model and
    prompt version wrote it and z's as this run (rules) writes it."""
    a_line, z_line = two_article_lines(tmp_path)
    other = json.loads(a_line) | {"backend": "openai", "model": "gpt-old", "version": "llm-p2-s1-0000"}
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(other) + "\n" + z_line + "\n", encoding="utf-8")
    return out, out.read_bytes()


def _rules() -> str:
    """The settings of ``--backend rules`` as the messages name them (its version included)."""
    from claimkit.extract import Extractor
    from claimkit.extract.runner import RunSettings

    return str(RunSettings.of(Extractor("rules")))


def _resume(tmp_path: Path, out: Path, *extra: str) -> Any:
    args = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "z.txt"), "-o", str(out), "--resume",
            "--backend", "rules", *extra]
    return CliRunner().invoke(main, args)


def test_resume_refuses_an_output_of_other_settings_in_one_line(tmp_path: Path,
                                                                  mixed_output: tuple[Path, bytes]) -> None:
    """Before: document a (extracted by another backend, model and prompt version) was skipped
    in silence, the file then looking as if all of it were the rules backend's. Now one line
    naming the file, the count and the settings of both sides, exit 2, the file untouched."""
    out, before = mixed_output
    result = _resume(tmp_path, out)
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert _noted(result.stderr) == [
        f"claimkit: error: {out}: 1 of its 2 documents were extracted with backend 'openai' (model "
        f"gpt-old, version llm-p2-s1-0000), not with this run's {_rules()}; --resume would skip "
        "them as if done: pass --on-mismatch redo to extract them again (their records are replaced), "
        "--on-mismatch keep to leave them as they are, or write to another -o; left untouched"]
    assert out.read_bytes() == before


def test_resume_redo_replaces_the_records_of_other_settings(tmp_path: Path,
                                                           mixed_output: tuple[Path, bytes]) -> None:
    """``--on-mismatch redo``: a's record of the other settings is removed and a extracted
    again; z's record (this run's settings) is kept byte for byte and not redone."""
    out, before = mixed_output
    result = _resume(tmp_path, out, "--on-mismatch", "redo")
    assert result.exit_code == 0, result.stderr
    assert _noted(result.stderr) == [
        f"claimkit: WARNING: {out}: removed the records of 1 of its 2 documents extracted with "
        "backend 'openai' (model gpt-old, version llm-p2-s1-0000); extracting them again with "
        f"{_rules()}"]
    assert "claimkit: 1 document, " in result.stderr  # only a was extracted
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].encode() == before.splitlines()[1]  # z's line, as it was
    assert _ids(out) == Counter({"a": 1, "z": 1})
    assert {json.loads(ln)["backend"] for ln in lines} == {"rules"}
    assert not list(tmp_path.glob("*.resume-tmp"))


def test_resume_keep_leaves_them_with_one_warning(tmp_path: Path, mixed_output: tuple[Path, bytes]) -> None:
    """``--on-mismatch keep``: the behaviour before, said in one line."""
    out, before = mixed_output
    result = _resume(tmp_path, out, "--on-mismatch", "keep")
    assert result.exit_code == 0, result.stderr
    assert _noted(result.stderr) == [
        f"claimkit: WARNING: {out}: keeping 1 of its 2 documents extracted with backend 'openai' "
        f"(model gpt-old, version llm-p2-s1-0000), not {_rules()} (--on-mismatch keep)"]
    assert out.read_bytes() == before  # nothing left to extract: nothing appended


def test_resume_on_an_output_of_the_same_settings_skips_in_silence(tmp_path: Path) -> None:
    """The matching case: an output the rules backend wrote, resumed with it (records that
    name no model, as the rules backend's do), is resumed as before: no line, nothing redone."""
    a_line, _ = two_article_lines(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text(a_line + "\n", encoding="utf-8")
    result = _resume(tmp_path, out)
    assert result.exit_code == 0, result.stderr
    assert _noted(result.stderr) == []
    assert "resuming: 1 documents already in" in result.stderr
    assert _ids(out) == Counter({"a": 1, "z": 1})
    assert out.read_text(encoding="utf-8").splitlines()[0] == a_line


@pytest.fixture()
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as srv:
        yield srv


def test_resume_with_another_model_or_prompt_version_of_the_llm_backend(
        tmp_path: Path, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The LLM path against the scripted server: an output written with model m1 is refused
    when resumed with m2, and with another prompt version (``--types`` changes it); resumed
    with m1 and the same types it is skipped without a request."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-round9-000000000000")
    monkeypatch.setenv("CLAIMKIT_BASE_URL", server.base_url)
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    base = ["extract", str(tmp_path / "a.txt"), "-o", str(out), "--backend", "openai", "--no-cache", "-q"]
    first = CliRunner().invoke(main, [*base, "--model", "m1"])
    assert first.exit_code == 0, first.stderr
    (version,) = {json.loads(ln)["version"] for ln in out.read_text(encoding="utf-8").splitlines()}
    written, asked = out.read_bytes(), len(server.requests)

    other_model = CliRunner().invoke(main, [*base, "--model", "m2", "--resume"])
    assert other_model.exit_code == 2
    (line,) = _noted(other_model.stderr)
    assert f"extracted with backend 'openai' (model m1, version {version}), not with this run's " \
           f"backend 'openai' (model m2, version {version})" in line, line
    other_types = CliRunner().invoke(main, [*base, "--model", "m1", "--types", "pledge", "--resume"])
    assert other_types.exit_code == 2
    (line,) = _noted(other_types.stderr)
    assert f"(model m1, version {version}), not with this run's backend 'openai' (model m1, version " \
           "llm-p" in line and line.count(version) == 1, line
    assert out.read_bytes() == written and len(server.requests) == asked

    same = CliRunner().invoke(main, [*base[:2], str(tmp_path / "z.txt"), *base[2:], "--model", "m1",
                                     "--resume"])
    assert same.exit_code == 0, same.stderr
    assert _noted(same.stderr) == []
    assert _ids(out) == Counter({"a": 1, "z": 1})  # only z asked for
    assert out.read_bytes().startswith(written)


def test_redo_keeps_other_lines_byte_for_byte_and_refuses_what_it_cannot_cut(tmp_path: Path) -> None:
    """``prepare_resume`` (the library): a bad line and a failure record between the records
    are copied as they were; a file whose lines end in CR alone (read as records, but no line
    of it can be cut out) is refused untouched rather than left with both records."""
    from claimkit.extract.runner import RunSettings, SettingsMismatch, prepare_resume

    a_line, z_line = two_article_lines(tmp_path)
    old = json.dumps(json.loads(z_line) | {"version": "rules-0"})
    failure = json.dumps({"record": "failure", "doc_id": "q", "kind": "decode", "message": "bad bytes"})
    path = tmp_path / "out.jsonl"
    path.write_bytes(f"{a_line}\nnot json at all\n{old}\n{failure}\n".encode())
    version = json.loads(a_line)["version"]  # what the rules backend writes
    settings = RunSettings("rules", None, version)
    with pytest.raises(SettingsMismatch, match=r"1 of its 2 documents were extracted with backend "
                       r"'rules' \(version rules-0\), not with this run's backend 'rules' \(version "
                       + re.escape(version) + r"\)"):
        prepare_resume(path, settings=settings)
    assert prepare_resume(path, settings=settings, on_mismatch="keep") == {"a", "z"}
    assert prepare_resume(path, settings=settings, on_mismatch="redo") == {"a"}
    assert path.read_bytes() == f"{a_line}\nnot json at all\n{failure}\n".encode()
    assert prepare_resume(path, settings=settings) == {"a"}  # nothing of other settings left
    assert prepare_resume(path) == {"a"}  # no settings: any record is done, as before

    cr = tmp_path / "cr.jsonl"
    cr.write_bytes(f"{a_line}\r{old}\r".encode())
    with pytest.raises(SettingsMismatch, match="1 records of other settings were read but 0 found"):
        prepare_resume(cr, settings=settings, on_mismatch="redo")
    assert cr.read_bytes() == f"{a_line}\r{old}\r".encode()
    assert not list(tmp_path.glob("*.resume-tmp"))


def test_resume_on_an_output_whose_lines_end_in_cr_keeps_its_records(tmp_path: Path) -> None:
    """Found while testing the above: since round 8 a claims file of CR line ends is read,
    but ``--resume`` looked for the last LF only and took the whole file for a half-written
    last line: every record was cut off ('dropping a half-written last line (N bytes)') and
    every document extracted again (paid for again, with an LLM). Now the records are kept
    and only a line really left unfinished is cut."""
    a_line, z_line = two_article_lines(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_bytes(f"{a_line}\r{z_line}\r".encode())
    result = _resume(tmp_path, out)
    assert result.exit_code == 0, result.stderr
    assert _noted(result.stderr) == [] and "resuming: 2 documents already in" in result.stderr
    assert out.read_bytes() == f"{a_line}\r{z_line}\r".encode()
    out.write_bytes(f"{a_line}\r{z_line[:200]}".encode())  # z's line left unfinished
    result = _resume(tmp_path, out)
    assert result.exit_code == 0, result.stderr
    assert _ids(out) == Counter({"a": 1, "z": 1})
    assert out.read_bytes().startswith(f"{a_line}\r{{".encode())


def test_run_settings_compare_what_the_backend_declares() -> None:
    """A backend that declares no model or version (most plugins) is compared by its name
    alone; one that does, by all three."""
    from claimkit.extract.runner import RunSettings

    rules = RunSettings("rules")
    assert rules.produced(RunSettings("rules", None, "rules-0"))
    assert not rules.produced(RunSettings("openai", "m1", "v1"))
    llm = RunSettings("openai", "m1", "v1")
    assert llm.produced(RunSettings("openai", "m1", "v1"))
    assert not llm.produced(RunSettings("openai", "m2", "v1"))
    assert not llm.produced(RunSettings("openai", "m1", "v2"))
    assert not llm.produced(RunSettings("openai", None, None))  # an old record naming neither


# ------------------------------------------------------------------ installed plugins that fail

#: module -> its text; entry points (group, name, value) by distribution
MODULES = {
    "visit_plugin": VISIT_PLUGIN,
    "boom_plugin": "from claimkit import register_backend\n"
                   "raise RuntimeError('no licence server')\n",
    "garbage_plugin": "SETUP = 'not a function'\n",
    "taken_plugin": "from claimkit import register_backend\nfrom visit_plugin import Visitor\n"
                    "register_backend('rules', Visitor)\n",
    "boom_backend": "raise RuntimeError('backend module broken')\n",
    "start_backend": "from claimkit.extract import Backend\n\n"
                     "class Starting(Backend):\n    name = 'starting'\n\n"
                     "    @classmethod\n    def from_options(cls, options):\n"
                     "        raise KeyError('region')\n\n"
                     "    def extract(self, document):\n        return []\n\n"
                     "class Nothing(Backend):\n    @classmethod\n    def from_options(cls, options):\n"
                     "        return None\n\n    def extract(self, document):\n        return []\n\n"
                     "class Unset(Backend):\n    @classmethod\n    def from_options(cls, options):\n"
                     "        from claimkit.errors import ConfigError\n"
                     "        raise ConfigError('unset needs UNSET_REGION in the environment')\n\n"
                     "    def extract(self, document):\n        return []\n",
}
DISTRIBUTIONS = {
    "aaa-boom": [("claimkit.plugins", "aaa", "boom_plugin")],
    "bbb-garbage": [("claimkit.plugins", "bbb", "garbage_plugin:SETUP")],
    "ccc-taken": [("claimkit.plugins", "ccc", "taken_plugin")],
    "visit-plugin": [("claimkit.plugins", "visit", "visit_plugin")],
    "odd-backends": [("claimkit.backends", "nocolon", "boom_backend"),
                     ("claimkit.backends", "notclass", "visit_plugin:Visit"),
                     ("claimkit.backends", "broken", "boom_backend:Broken"),
                     ("claimkit.backends", "starting", "start_backend:Starting"),
                     ("claimkit.backends", "nothing", "start_backend:Nothing"),
                     ("claimkit.backends", "unset", "start_backend:Unset")],
}
WARNINGS = [
    "claimkit: WARNING: plugin 'boom_plugin' (entry point 'aaa' of aaa-boom) failed while loading: "
    "RuntimeError: no licence server; skipped, the other plugins are loaded",
    "claimkit: WARNING: plugin 'garbage_plugin:SETUP' (entry point 'bbb' of bbb-garbage) failed: "
    "TypeError: it names a str, not a function to call; skipped, the other plugins are loaded",
    "claimkit: WARNING: plugin 'taken_plugin' (entry point 'ccc' of ccc-taken) failed while loading: "
    "backend name 'rules' is already taken by claimkit.extract.rules.backend:RulesBackend; skipped, "
    "the other plugins are loaded",
]


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A folder on sys.path with the modules and the distributions' metadata (entry points)."""
    folder = tmp_path / "site"
    folder.mkdir()
    for module, text in MODULES.items():
        (folder / f"{module}.py").write_text(text, encoding="utf-8")
    for dist, points in DISTRIBUTIONS.items():
        info = folder / f"{dist.replace('-', '_')}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
        groups: dict[str, list[str]] = {}
        for group, name, value in points:
            groups.setdefault(group, []).append(f"{name} = {value}")
        (info / "entry_points.txt").write_text(
            "".join(f"[{g}]\n" + "\n".join(lines) + "\n" for g, lines in groups.items()))
    (tmp_path / "a.txt").write_text("Macron visited Kyiv. He met Zelensky.\n", encoding="utf-8")
    return folder


def _claimkit(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh interpreter (no plugin leaks into this process's registry)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMKIT_", "OPENAI_"))}
    env["PYTHONPATH"] = str(site)
    return subprocess.run([sys.executable, "-m", "claimkit.cli", *args], capture_output=True, text=True,
                          env=env, cwd=site.parent, timeout=300)


def _other_lines(stderr: str) -> list[str]:
    routine = re.compile(r"claimkit: (\d+ claims|wrote |\d+ documents?[ ,(])")
    return [ln for ln in stderr.splitlines() if not routine.match(ln)]


def test_installed_plugins_that_fail_are_one_warning_each_and_every_command_goes_on(site: Path) -> None:
    """Before: the first installed plugin that failed (``aaa``, sorted first) stopped every
    command, ``schema`` included, with exit 2, and the working ``visit`` plugin after it was
    never loaded. Now each failure is one warning naming the plugin, its entry point and
    distribution and the reason; ``visit`` is loaded and every command runs."""
    d = site.parent
    gold = d / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text(json.dumps({"doc": "a", "type": "visit", "actor": ["Macron"],
                                              "evidence": ["Macron visited Kyiv"]}) + "\n")
    runs = {
        "extract": ["extract", "a.txt", "--backend", "visitor", "-q", "-o", "claims.jsonl"],
        "validate": ["validate", "--fail-on", "never", "claims.jsonl"],
        "view": ["view", "claims.jsonl", "-o", "report.html"],
        "eval": ["eval", "--gold", "gold", "--json", "claims.jsonl"],
        "schema": ["schema", "-o", "schemas"],
    }
    for command, args in runs.items():
        r = _claimkit(site, *args)
        assert r.returncode == 0, (command, r.stderr)
        assert _other_lines(r.stderr) == WARNINGS, (command, r.stderr)
        if command == "extract":
            (record,) = [json.loads(ln) for ln in (d / "claims.jsonl").read_text().splitlines()]
            assert [c["type"] for c in record["claims"]] == ["visit"] and record["backend"] == "visitor"
        if command == "eval":
            assert json.loads(r.stdout)["by_type"]["visit"]["tp"] == 1
    assert "visit" in json.loads((d / "schemas" / "claim.schema.json").read_text())["discriminator"]["mapping"]


def test_a_backend_or_type_of_a_plugin_that_failed_is_an_error_naming_it(site: Path) -> None:
    """Asked for by name, what no plugin registered is an error that names the plugins that
    failed and why (a backend ``boom_plugin`` would have registered, say)."""
    for args, what in ((["extract", "a.txt", "--backend", "boom"], "unknown backend 'boom'"),
                       (["extract", "a.txt", "--types", "boomtype"], "--types: unknown claim type 'boomtype'")):
        r = _claimkit(site, *args)
        assert r.returncode == 2, r.stderr
        *warnings, error = _other_lines(r.stderr)
        assert warnings == WARNINGS
        assert error.startswith(f"claimkit: error: {what}") and error.endswith(
            "installed plugins that failed to load may bring it: plugin 'boom_plugin' (entry point 'aaa' "
            "of aaa-boom) failed while loading: RuntimeError: no licence server; plugin "
            "'garbage_plugin:SETUP' (entry point 'bbb' of bbb-garbage) failed: TypeError: it names a "
            "str, not a function to call; plugin 'taken_plugin' (entry point 'ccc' of ccc-taken) failed "
            "while loading: backend name 'rules' is already taken by "
            "claimkit.extract.rules.backend:RulesBackend"), error


@pytest.mark.parametrize(("backend", "reason"), [
    ("nocolon", "(boom_backend, entry point 'nocolon' of odd-backends) cannot be loaded: not a "
                "'module:Class' path"),
    ("notclass", "(visit_plugin:Visit, entry point 'notclass' of odd-backends) is not a subclass of "
                 "Backend (Visit is Visit)"),
    ("broken", "(boom_backend:Broken, entry point 'broken' of odd-backends) failed while loading: "
               "RuntimeError: backend module broken"),
    ("starting", "(start_backend:Starting, entry point 'starting' of odd-backends) failed while "
                 "starting: KeyError: 'region'"),
    ("nothing", "(start_backend:Nothing, entry point 'nothing' of odd-backends): from_options returned "
                "a NoneType, not a backend"),
])
def test_a_backend_entry_point_that_fails_when_chosen_is_one_error_line(site: Path, backend: str,
                                                                         reason: str) -> None:
    """Before: ``starting`` and ``nothing`` were a traceback (exit 1: the KeyError, then
    "'NoneType' object has no attribute 'describe'"); ``nocolon`` imported its module (and
    met an empty class name after it); no line named the entry point or its distribution.
    The rules backend still runs beside them."""
    r = _claimkit(site, "extract", "a.txt", "--backend", backend, "-q")
    assert r.returncode == 2, r.stderr
    assert _other_lines(r.stderr)[-1] == f"claimkit: error: backend '{backend}' {reason}"
    ok = _claimkit(site, "extract", "a.txt", "--backend", "rules", "-q")
    assert ok.returncode == 0 and json.loads(ok.stdout)["backend"] == "rules", ok.stderr


def test_a_backend_that_says_what_it_needs_is_heard_in_its_own_words(site: Path) -> None:
    """A ConfigError (any claimkit error) from ``from_options`` is the backend's own message,
    not wrapped as a failure: it says what to set."""
    r = _claimkit(site, "extract", "a.txt", "--backend", "unset", "-q")
    assert r.returncode == 2
    assert _other_lines(r.stderr)[-1] == "claimkit: error: unset needs UNSET_REGION in the environment"


def test_a_plugin_named_on_purpose_still_stops_the_command(site: Path) -> None:
    """``--plugin`` names a plugin the user asked for: its failure stays an error (exit 2)."""
    r = _claimkit(site, "--plugin", "taken_plugin", "schema", "-o", "s")
    assert r.returncode == 2
    assert _other_lines(r.stderr) == [
        "claimkit: error: plugin 'taken_plugin' (--plugin) failed while loading: backend name 'rules' "
        "is already taken by claimkit.extract.rules.backend:RulesBackend"]


# ------------------------------------------------------------------ repeated gold lines


def _gold_line(**fields: Any) -> str:
    claim = {"doc": "a", "type": "pledge", "actor": ["France"], "evidence": ["would provide 2 billion euros"]}
    return json.dumps(claim | fields) + "\n"


def test_a_repeated_gold_claim_counts_once_with_one_warning(tmp_path: Path) -> None:
    """Before: the same claim on two lines was two gold claims (found once: a hit and a miss,
    recall 0.5). Now it is one, and a line says which line repeats which. The same quotes or
    actors in another order are the same claim; another date is another claim."""
    (pred,) = two_article_lines(tmp_path)[:1]
    (tmp_path / "pred.jsonl").write_text(pred + "\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    two = _gold_line(actor=["France", "Macron"], evidence=["would provide 2 billion euros", "pledged"])
    turned = _gold_line(actor=["Macron", "France"], evidence=["pledged", "would provide 2 billion euros"])
    (gold / "a.jsonl").write_text(two + two + turned + _gold_line(date="2025-03-27"), encoding="utf-8")
    once = tmp_path / "once"
    once.mkdir()
    (once / "a.jsonl").write_text(two + _gold_line(date="2025-03-27"), encoding="utf-8")

    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(tmp_path / "pred.jsonl"), "--json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"claimkit: WARNING: {gold / 'a.jsonl'}:2: the same gold claim as {gold / 'a.jsonl'}:1; counted once",
        f"claimkit: WARNING: {gold / 'a.jsonl'}:3: the same gold claim as {gold / 'a.jsonl'}:1; counted once"]
    expected = CliRunner().invoke(main, ["eval", "--gold", str(once), str(tmp_path / "pred.jsonl"), "--json"])
    assert expected.exit_code == 0 and expected.stderr == ""
    overall = json.loads(result.stdout)["overall"]
    assert overall == json.loads(expected.stdout)["overall"]
    assert overall["tp"] + overall["fn"] == 2


def test_many_repeated_gold_lines_are_twenty_warnings_and_a_count(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    from claimkit.gold import load_gold

    path = tmp_path / "a.jsonl"
    path.write_text(_gold_line() * 30, encoding="utf-8")
    with caplog.at_level("WARNING", logger="claimkit.gold"):
        assert len(load_gold(path)) == 1
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 21 and messages[-1] == "9 more repeated gold claims counted once (not shown)"
    assert messages[19] == f"{path}:21: the same gold claim as {path}:1; counted once"


# ------------------------------------------------------------------ validate's memory per claim


#: what pledges of :func:`_tiny_claims` promise, in turn
WHAT = ("troops", "money", "weapons", "training", "intelligence")


def _tiny_claims(path: Path, count: int, per_doc: int = 100, actors: int = 1) -> Path:
    """``count`` claims of one-word evidence: warnings of one actor, each its own group (as
    bench/hostile.py's one-word claims); with two actors, pledges of five kinds, each in two
    groups (one per actor)."""
    names = [("Russia", "RU"), ("France", "FR")][:actors]
    actor = [{"text": n, "name": n, "kind": "country", "iso_code": c, "resolved": True} for n, c in names]
    with open(path, "w", encoding="utf-8") as fh:
        for first in range(0, count, per_doc):
            words = [f"w{i}" for i in range(min(per_doc, count - first))]
            doc_id, claims, pos = f"doc{first}", [], 0
            for i, word in enumerate(words):
                claim = {"id": f"p-{first}-{i}", "doc_id": doc_id, "type": "warning", "actor": actor,
                         "evidence": [{"start": pos, "end": pos + len(word), "text": word,
                                       "alignment": "exact"}]}
                claims.append(claim if actors == 1 else claim | {"type": "pledge", "what": WHAT[i % 5]})
                pos += len(word) + 1
            fh.write(json.dumps({"record": "document", "document": {"id": doc_id, "text": " ".join(words)},
                                 "claims": claims}) + "\n")
    return path


def _traced_peak(run: Any) -> tuple[int, Any]:
    tracemalloc.start()
    try:
        kept = run()
        return tracemalloc.get_traced_memory()[1], kept
    finally:
        tracemalloc.stop()


def test_validate_holds_under_twice_the_records_own_memory(tmp_path: Path) -> None:
    """``claimkit validate``'s path on 4,000 one-word claims, each its own group: the peak is
    under twice the memory of the compacted records alone (measured the same way). Before:
    2.6 times (3,042 bytes a claim at 20,000, where the records take about 1,150): every group
    and finding carried a set of its field names of its own (728 bytes), and the report's
    groups were made while every claim and group under construction was still held."""
    from claimkit.cli.app import ClaimsReader
    from claimkit.consistency import paused_gc, validate
    from claimkit.io import compact_records

    path = _tiny_claims(tmp_path / "tiny.jsonl", 4_000)

    def records() -> list[Any]:
        return list(compact_records(ClaimsReader(False).records((str(path),)), in_place=True))

    def validated() -> Any:
        with paused_gc():
            return validate(compact_records(ClaimsReader(False).records((str(path),)), in_place=True))

    validated()  # warm: the gazetteer, babel's locale data (loaded once, not per claim)
    held, _ = _traced_peak(records)
    peak, report = _traced_peak(validated)
    assert report.n_claims == len(report.groups) == 4_000
    assert peak < 2.0 * held, (peak / 4_000, held / 4_000)
    assert len({id(g.model_fields_set) for g in report.groups}) == 1  # one set, shared


def test_the_report_is_the_same_when_the_context_is_spent_while_it_is_made(tmp_path: Path) -> None:
    """``validate`` lets each claim go once its last group is made: with every claim in two
    groups (two actors), its groups, findings and counts equal those made from a context
    kept whole (``to_event_groups`` without ``release``, as the store and the cluster call it)."""
    from claimkit.consistency import validate
    from claimkit.consistency.grouping import build_context, to_event_groups
    from claimkit.io import read_records

    path = _tiny_claims(tmp_path / "two.jsonl", 600, per_doc=30, actors=2)
    ctx = build_context(read_records(path))
    assert len(ctx.claim_groups) == 600  # every claim in a second group
    kept = [g.model_dump() for g in to_event_groups(ctx)]
    report = validate(read_records(path))
    assert [g.model_dump() for g in report.groups] == kept
    assert report.n_claims == 600 and report.n_documents == 20
    assert all(g.model_dump(exclude_unset=True) == g.model_dump() for g in report.groups)
    assert all(f.model_dump(exclude_unset=True) == f.model_dump() for f in report.findings)
    assert len(report.groups) == len(kept) > 1
