"""``claimkit extract --cluster`` honours the options of a one-process ``extract``.

Before: the cluster path dropped ``--resume``, ``--on-mismatch``, ``--published``,
``--examples`` and ``--context-window`` in silence (a rerun kept shards another
backend wrote; ``--resume --db`` extracted what the store held; undated articles
stayed undated; the model saw no examples), and an ``-o`` naming a file or inputs
none of which exist ended in a traceback or a run of load failures. Run end to end
from files on a LocalCluster of 2 worker processes on loopback, as
``tests/test_distributed.py`` does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from tests._dask_cluster import local_client  # noqa: E402
from tests._hostile import two_article_lines  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "llm"))

from scripted_server import ScriptedServer, load_gold_claims  # noqa: E402

#: what another backend, model and prompt version wrote (as ``tests/test_store_resume.py``)
OTHER = {"backend": "openai", "model": "gpt-old", "version": "llm-p2-s1-0000"}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with local_client() as c:
        yield c


def _extract(client: Any, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "claimkit.cli", "extract", *args,
           "--cluster", client.scheduler.address, "--partition-size", "0.001", "-q"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def _inputs(folder: Path) -> list[str]:
    two_article_lines(folder)
    return [str(folder / "a.txt"), str(folder / "z.txt")]


def _shards(out: Path) -> dict[str, dict[str, Any]]:
    """The document records of the shards by id (each id once: asserted)."""
    rows = [json.loads(line) for shard in sorted(out.glob("part-*.jsonl"))
            for line in shard.read_text(encoding="utf-8").splitlines()]
    ids = [r["document"]["id"] for r in rows if r["record"] == "document"]
    assert len(ids) == len(set(ids)), ids
    return {r["document"]["id"]: r for r in rows if r["record"] == "document"}


def _tamper(out: Path, doc_id: str, change: dict[str, Any]) -> None:
    """Rewrite the shard record of ``doc_id`` with ``change``."""
    for shard in out.glob("part-*.jsonl"):
        lines = shard.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines]
        if any(r.get("document", {}).get("id") == doc_id for r in rows):
            shard.write_text("".join(json.dumps(r | change if r.get("document", {}).get("id")
                                                == doc_id else r) + "\n" for r in rows),
                             encoding="utf-8")


def _errors(done: subprocess.CompletedProcess[str]) -> list[str]:
    return [ln for ln in done.stderr.splitlines() if ln.startswith("claimkit: error:")]


def test_shards_of_other_settings_are_refused_kept_or_redone(client: Any, tmp_path: Path) -> None:
    """A rerun resumes its shards; one finding a document another backend, model and
    version wrote there refuses (exit 2, one line, the shards untouched), keeps it with
    a warning, or redoes it (its record replaced, each document once), as
    ``--on-mismatch`` says; ``--resume`` changes none of it."""
    paths, out = _inputs(tmp_path), tmp_path / "out"
    first = _extract(client, *paths, "--backend", "rules", "-o", str(out))
    assert first.returncode == 0, first.stderr
    rules = _shards(out)
    assert sorted(rules) == ["a", "z"]
    _tamper(out, "a", OTHER)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    for extra in ((), ("--resume",)):
        refused = _extract(client, *paths, "--backend", "rules", "-o", str(out), *extra)
        assert refused.returncode == 2, refused.stderr
        (line,) = _errors(refused)
        assert "1 of its 2 documents were extracted with backend 'openai'" in line
        assert "--on-mismatch redo" in line and "another -o DIR" in line
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before

    kept = _extract(client, *paths, "--backend", "rules", "-o", str(out), "--on-mismatch", "keep")
    assert kept.returncode == 0, kept.stderr
    assert "keeping 1 of its 2 documents" in kept.stderr
    assert _shards(out)["a"]["backend"] == "openai"

    redone = _extract(client, *paths, "--backend", "rules", "-o", str(out), "--resume",
                      "--on-mismatch", "redo")
    assert redone.returncode == 0, redone.stderr
    assert _shards(out) == rules


def _store(url: str, folder: Path, lines: list[str]) -> None:
    """A store holding document a from other settings and z from the rules backend, its
    first claim's quote changed: a record the rules backend would not write again."""
    from click.testing import CliRunner

    from claimkit.cli import main

    a = json.loads(lines[0]) | OTHER
    z = json.loads(lines[1])
    z["claims"] = z["claims"][:1]
    records = folder / "stored.jsonl"
    records.write_text(json.dumps(a) + "\n" + json.dumps(z) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(records), "--db", url])
    assert result.exit_code == 0, result.output


def test_resume_with_a_store_skips_what_it_holds(client: Any, tmp_path: Path) -> None:
    """``--resume --db``: a document the store holds with the run's settings is not
    extracted (its stored record goes into the shard as the store holds it); one it
    holds only from other settings is refused up front (nothing written), kept (not
    extracted) or redone (its stored rows replaced, each document stored once)."""
    pytest.importorskip("sqlalchemy")
    from claimkit.store import open_store

    lines = two_article_lines(tmp_path)
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "z.txt")]
    db = str(tmp_path / "claims.db")
    _store(db, tmp_path, lines)
    stored_z = json.loads(lines[1])
    stored_z["claims"] = stored_z["claims"][:1]

    refused = _extract(client, *paths, "--backend", "rules", "--db", db, "--resume",
                       "-o", str(tmp_path / "refused"))
    assert refused.returncode == 2, refused.stderr
    (line,) = _errors(refused)
    assert "1 of its 2 documents were extracted with backend 'openai'" in line
    assert not list((tmp_path / "refused").glob("*part-*"))

    kept = _extract(client, *paths, "--backend", "rules", "--db", db, "--resume",
                    "--on-mismatch", "keep", "-o", str(tmp_path / "kept"))
    assert kept.returncode == 0, kept.stderr
    shards = _shards(tmp_path / "kept")
    assert sorted(shards) == ["z"]
    assert len(shards["z"]["claims"]) == len(stored_z["claims"]) == 1

    redone = _extract(client, *paths, "--backend", "rules", "--db", db, "--resume",
                      "--on-mismatch", "redo", "-o", str(tmp_path / "redone"))
    assert redone.returncode == 0, redone.stderr
    shards = _shards(tmp_path / "redone")
    assert shards["a"] == json.loads(lines[0]) and len(shards["z"]["claims"]) == 1
    with open_store(db) as store:
        held = {r.document.id: r for r in store.records() if hasattr(r, "document")}
        assert sorted(held) == ["a", "z"] and held["a"].backend == "rules"
        assert sum(1 for r in store.records() if hasattr(r, "document")) == 2


def test_published_dates_undated_articles(client: Any, tmp_path: Path) -> None:
    """``--published``: an undated .txt gets the date, and its relative dates are resolved
    against it, the same records as without ``--cluster``."""
    article = tmp_path / "undated.txt"
    article.write_text("Talks planned\n\nThe foreign minister of Norway pledged on Thursday "
                       "to send 500 tents to the refugees.\n", encoding="utf-8")
    done = _extract(client, str(article), "--backend", "rules", "--published", "2024-03-06",
                    "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    (record,) = _shards(tmp_path / "out").values()
    assert record["document"]["published"] == "2024-03-06"
    local = subprocess.run([sys.executable, "-m", "claimkit.cli", "extract", str(article),
                            "--backend", "rules", "--published", "2024-03-06", "-q"],
                           capture_output=True, text=True, timeout=120)
    assert local.returncode == 0, local.stderr
    assert json.loads(local.stdout) == record


def test_examples_and_context_window_reach_the_workers(client: Any, tmp_path: Path) -> None:
    """``--examples``: the workers' requests show them (the records' version says so);
    ``--context-window`` too small for the prompt is refused (exit 2, one line) as
    without ``--cluster``, not ignored."""
    gold = load_gold_claims(ROOT / "examples" / "gold")
    stem = sorted(gold)[0]
    articles = ROOT / "examples" / "articles"
    examples = tmp_path / "ex.jsonl"
    examples.write_text(
        json.dumps({"doc": stem, "text": (articles / f"{stem}.txt").read_text("utf-8")}) + "\n"
        + (ROOT / "examples" / "gold" / f"{stem}.jsonl").read_text("utf-8"), encoding="utf-8")
    article = str(articles / f"{sorted(gold)[1]}.txt")
    with ScriptedServer(gold) as server:
        llm = ("--backend", "openai", "--base-url", server.base_url, "--model",
               "scripted-model", "--no-cache")
        done = _extract(client, article, *llm, "--examples", str(examples),
                        "-o", str(tmp_path / "out"))
        assert done.returncode == 0, done.stderr
        bodies = list(server.requests)
        small = _extract(client, article, *llm, "--context-window", "64",
                         "-o", str(tmp_path / "small"))
    (record,) = _shards(tmp_path / "out").values()
    assert "-x" in record["version"]
    assert bodies and [m["role"] for m in bodies[0]["messages"]][:3] == [
        "system", "user", "assistant"]
    assert small.returncode == 2, small.stderr
    (line,) = _errors(small)
    assert "context window" in line or "64" in line


def test_an_output_file_or_no_input_is_a_usage_error(client: Any, tmp_path: Path) -> None:
    """``-o`` naming an existing file, or inputs none of which exist: one line, exit 2,
    as without ``--cluster`` (the file untouched)."""
    paths = _inputs(tmp_path)
    target = tmp_path / "claims.jsonl"
    target.write_text("keep me\n", encoding="utf-8")
    to_file = _extract(client, *paths, "--backend", "rules", "-o", str(target))
    assert to_file.returncode == 2, to_file.stderr
    (line,) = _errors(to_file)
    assert "is a file" in line and "directory of shards" in line
    assert target.read_text(encoding="utf-8") == "keep me\n"
    missing = _extract(client, str(tmp_path / "nope.txt"), "--backend", "rules",
                       "-o", str(tmp_path / "out"))
    assert missing.returncode == 2, missing.stderr
    assert len(_errors(missing)) == 1 and "nope.txt" in _errors(missing)[0]
