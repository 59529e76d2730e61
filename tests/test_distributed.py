"""claimkit.distributed on a LocalCluster of 2 worker processes on loopback.

The cluster is started once for this module and closed at its end. The LLM
path runs against the scripted server (tests/llm/scripted_server.py): the
replies are scripted; what is tested is the plumbing (rate, endpoints).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from claimkit.distributed import ExtractSpec, RateLimit, extract_on_cluster  # noqa: E402
from claimkit.distributed.cluster import parse_cluster  # noqa: E402
from claimkit.distributed.shards import plan_partitions  # noqa: E402
from claimkit.errors import ConfigError  # noqa: E402
from tests._dask_cluster import local_client  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"
sys.path.insert(0, str(ROOT / "tests" / "llm"))

from scripted_server import ScriptedServer, load_gold_claims  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with local_client() as c:
        yield c


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]


def write_corpus(directory: Path, shards: int, per_shard: int) -> set[str]:
    """JSONL shards of the sample articles, each document made different (its own
    opening line), with ids; the ids written."""
    directory.mkdir(parents=True, exist_ok=True)
    texts, ids, n = _texts(), set(), 0
    for s in range(shards):
        with open(directory / f"shard-{s:03d}.jsonl", "w", encoding="utf-8") as fh:
            for _ in range(per_shard):
                text = f"Dispatch {n} of the wire service.\n\n" + texts[n % len(texts)]
                fh.write(json.dumps({"id": f"d{n}", "text": text}) + "\n")
                ids.add(f"d{n}")
                n += 1
    return ids


def shard_records(out: Path) -> list[dict[str, Any]]:
    rows = []
    for shard in sorted(out.glob("part-*.jsonl")):
        rows.extend(json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines())
    return rows


def doc_ids(rows: list[dict[str, Any]]) -> Counter[str]:
    return Counter(r["document"]["id"] if r["record"] == "document" else r.get("doc_id")
                   for r in rows)


def test_cluster_spec_parsing() -> None:
    assert parse_cluster("local") == ("local", None)
    assert parse_cluster("local:3") == ("local", 3)
    assert parse_cluster("tcp://10.0.0.5:8786") == ("address", None)
    with pytest.raises(ConfigError, match="local:N"):
        parse_cluster("localhost")


def test_rate_limit_buckets() -> None:
    """The leaky buckets: a burst of one second's rate at once, then the rate; a
    correction moves later requests; the spend cap refuses what would pass it."""
    from claimkit.distributed.ratelimit import Ledger

    ledger = Ledger.of(RateLimit("x", rpm=1200))  # 20/s, a burst of 20
    starts = [ledger.reserve(0, 0, now=100.0) for _ in range(60)]
    assert all(s == 0 for s in starts[:20]) and starts[20:] == pytest.approx(
        [(i + 1) / 20 for i in range(40)])
    tokens = Ledger.of(RateLimit("y", tpm=6000))  # 100/s
    assert tokens.reserve(100, 0, now=0.0) == 0
    assert tokens.reserve(100, 0, now=0.0) == pytest.approx(1.0)
    tokens.settle(-100, 0, 0)  # the first took none in the end: the next starts earlier
    assert tokens.reserve(100, 0, now=0.0) == pytest.approx(1.0)
    assert tokens.reserve(1000, 0, now=0.0) == pytest.approx(2.0)  # above the burst: alone
    money = Ledger.of(RateLimit("z", max_cost=1.0))
    assert money.reserve(0, 0.6, now=0.0) == 0 and money.reserve(0, 0.6, now=0.0) is None
    money.settle(0, 0.3, 0.6)
    assert money.reserve(0, 0.6, now=0.0) == 0 and money.refused == 1
    with pytest.raises(ConfigError, match="--tpm"):
        RateLimit("w", tpm=-1)


def test_partitions_are_deterministic(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", shards=5, per_shard=2)
    a = plan_partitions([str(tmp_path / "in")], target_bytes=1)
    b = plan_partitions([str(tmp_path / "in")], target_bytes=1)
    assert [p.name for p in a] == [p.name for p in b] and len(a) == 5
    whole = plan_partitions([str(tmp_path / "in")])
    assert len(whole) == 1 and len(whole[0].files) == 5


def _kill_one_worker_mid_task(client: Any, out: Path, killed: list[int]) -> threading.Thread:
    """Kill a worker process once a partition is half written (a partial file with
    lines and no shard yet)."""
    pids = list(client.run(os.getpid).values())

    def watch() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for partial in out.glob(".part-*.partial"):
                final = out / partial.name[1:].removesuffix(".partial")
                try:
                    lines = partial.read_bytes().count(b"\n")
                except OSError:
                    continue
                if lines >= 2 and not final.exists():
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(lines)
                    return
            time.sleep(0.01)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_exactly_once_with_a_worker_killed(client: Any, tmp_path: Path) -> None:
    ids = write_corpus(tmp_path / "in", shards=4, per_shard=12)
    out = tmp_path / "out"
    out.mkdir()
    killed: list[int] = []
    watcher = _kill_one_worker_mid_task(client, out, killed)
    spec = ExtractSpec(backend="rules")
    run = extract_on_cluster(client, [str(tmp_path / "in")], out, spec, target_bytes=1)
    watcher.join(timeout=1)
    assert killed, "no worker was killed mid-partition"
    seen = doc_ids(shard_records(out))
    assert set(seen) == ids, "documents lost"
    assert max(seen.values()) == 1, "documents duplicated"
    assert run.summary.documents == len(ids) and run.summary.failures == 0
    assert run.shards == 4 and not list(out.glob(".part-*.partial"))
    # a rerun finds every shard done, and changes nothing
    before = {p.name: p.read_bytes() for p in out.glob("part-*.jsonl")}
    again = extract_on_cluster(client, [str(tmp_path / "in")], out, spec, target_bytes=1)
    assert again.skipped == 4 and again.summary.documents == len(ids)
    assert {p.name: p.read_bytes() for p in out.glob("part-*.jsonl")} == before


def test_same_records_as_one_process(client: Any, tmp_path: Path) -> None:
    from claimkit.extract import Extractor

    write_corpus(tmp_path / "in", shards=2, per_shard=3)
    extract_on_cluster(client, [str(tmp_path / "in")], tmp_path / "out",
                       ExtractSpec(backend="rules"), target_bytes=1)
    from claimkit.documents import load_documents

    local = Extractor("rules").run(load_documents([tmp_path / "in"]))
    want = {r.document.id: sorted(c.id for c in r.claims) for r in local}
    got = {r["document"]["id"]: sorted(c["id"] for c in r["claims"])
           for r in shard_records(tmp_path / "out")}
    assert got == want


def test_a_partial_file_is_resumed_without_duplicates(tmp_path: Path) -> None:
    """An attempt that finds a partial file (with a torn last line) keeps its documents."""
    from claimkit.distributed.extract import extract_partition

    write_corpus(tmp_path / "in", shards=1, per_shard=6)
    (part,) = plan_partitions([str(tmp_path / "in")])
    out = tmp_path / "out"
    out.mkdir()
    extract_partition(part, str(out), ExtractSpec(backend="rules"))
    lines = (out / part.name).read_text(encoding="utf-8").splitlines(keepends=True)
    (out / part.name).unlink()
    (out / part.partial_name).write_text(lines[0] + lines[0] + lines[1][:40], encoding="utf-8")
    result = extract_partition(part, str(out), ExtractSpec(backend="rules"))
    assert not result.skipped and result.summary.documents == 6
    again = (out / part.name).read_text(encoding="utf-8").splitlines(keepends=True)
    assert sorted(again) == sorted(lines)


def test_other_shards_in_the_directory_are_refused(client: Any, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", shards=1, per_shard=1)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-00000-0123456789.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="other inputs"):
        extract_on_cluster(client, [str(tmp_path / "in")], tmp_path / "out",
                           ExtractSpec(backend="rules"))


class TimedServer(ScriptedServer):
    """The scripted server, noting when each request arrived."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.times: list[float] = []

    def _next_step(self, article: str) -> Any:
        with self._lock:
            self.times.append(time.monotonic())
        return super()._next_step(article)


def test_cluster_wide_rate_limit_holds_within_5_percent(client: Any, tmp_path: Path) -> None:
    """Two workers, 8 documents in flight each, two endpoints: the requests reaching
    both servers together never pass the limit (4/s) by more than 5 %, and both serve.

    Without the limit the same run sends about 8-14 requests a second here (the
    warm-up below), so it is the limit that holds the rate.
    """
    write_corpus(tmp_path / "warm", shards=2, per_shard=20)
    # 120 requests at 4/s: a middle of about 26 s, long enough that the bucket's burst of
    # 4 (which a starved worker may spend at once) is under 5 % of what passes in it
    write_corpus(tmp_path / "in", shards=2, per_shard=60)
    gold = load_gold_claims(ROOT / "examples" / "gold")
    with TimedServer(gold) as a, TimedServer(gold) as b:
        free = ExtractSpec(backend="openai", model="scripted-model", cache=False,
                           base_urls=(a.base_url, b.base_url), concurrency=8)
        t = time.monotonic()
        extract_on_cluster(client, [str(tmp_path / "warm")], tmp_path / "warm-out", free,
                           target_bytes=1)  # workers warm: modules imported, clients made
        unlimited = (len(a.times) + len(b.times)) / (time.monotonic() - t)
        a.times.clear()
        b.times.clear()
        spec = ExtractSpec(backend="openai", model="scripted-model", cache=False,
                           base_urls=(a.base_url, b.base_url), concurrency=16,
                           rate=RateLimit(f"rate-{os.getpid()}-{time.time()}", rpm=240))
        run = extract_on_cluster(client, [str(tmp_path / "in")], tmp_path / "out", spec,
                                 target_bytes=1)
        times = sorted(a.times + b.times)
        assert a.times and b.times, "one endpoint got no request"
    assert run.summary.documents == 120 and run.summary.usage.requests == len(times)
    # the rate at the servers over the middle of the run (whole seconds, the first and
    # last two left out: workers starting, the last documents finishing)
    lo, hi = times[0] + 2.0, times[0] + 2.0 + int(times[-1] - times[0] - 4.0)
    middle = sum(1 for t in times if lo <= t < hi)
    assert hi - lo >= 22
    # never over the limit by more than 5 %; under it only as far as a loaded machine
    # lags: the cluster cannot go faster than it did without a limit just before
    # (on a quiet machine bench/distributed.py measures 1.015x the limit; 0.74x was
    # seen with a second test suite running; a limiter giving half the rate still fails)
    rate = middle / (hi - lo)
    assert 0.6 * min(4, unlimited) <= rate <= 1.05 * 4, (
        unlimited, [round(t - times[0], 2) for t in times])
    # no burst: the bucket lets at most rate x (D + burst) requests start in D seconds,
    # 4 x (5 + 1) = 24 in any 5 seconds (the burst of 4 at the start, then one every
    # 0.25 s); a starved worker sends late, so arrivals bunch by up to a second more
    # under heavy load (20 in 3 s were seen at load 20); unlimited, 40-70 would come
    assert max(sum(1 for u in times if t <= u < t + 5) for t in times) <= 24 + 4


def test_idle_endpoints_take_turns() -> None:
    """Under a rate limit requests seldom overlap, so every endpoint is idle when one is
    chosen: they take turns, and a busy one is passed over."""
    from claimkit.distributed.ratelimit import ClusterOpenAIBackend
    from claimkit.extract.base import BackendOptions

    backend = ClusterOpenAIBackend.from_options(BackendOptions(
        cache=False, settings={"model": "m", "base_url": "http://127.0.0.1:9/v1"}))
    backend.configure(None, ["http://127.0.0.1:9/v1", "http://127.0.0.1:10/v1",
                             "http://127.0.0.1:11/v1"])
    assert Counter(backend.pick_endpoint() for _ in range(9)) == {0: 3, 1: 3, 2: 3}
    backend._in_flight[:] = [1, 0, 1]
    assert {backend.pick_endpoint() for _ in range(5)} == {1}
    backend._in_flight[:] = [2, 1, 1]
    assert Counter(backend.pick_endpoint() for _ in range(4)) == {1: 2, 2: 2}


def test_cli_cluster_address(client: Any, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", shards=2, per_shard=2)
    cmd = [sys.executable, "-m", "claimkit.cli", "extract", str(tmp_path / "in"),
           "--backend", "rules", "--cluster", client.scheduler.address,
           "-o", str(tmp_path / "out"), "--partition-size", "0.001"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "4 documents" in done.stderr and "2 shards" in done.stderr
    assert len(shard_records(tmp_path / "out")) == 4
    # a rerun with --db: the shards are done, and are loaded into the store (once)
    for _ in range(2):
        db = subprocess.run([*cmd, "--db", str(tmp_path / "c.db")], capture_output=True,
                            text=True, timeout=120)
        assert db.returncode == 0 and "claim store" in db.stderr, db.stderr
    from claimkit.store import open_store

    with open_store(str(tmp_path / "c.db")) as store:
        assert sorted(store.stored_ids()) == ["d0", "d1", "d2", "d3"]
    no_dir = subprocess.run(cmd[:-4], capture_output=True, text=True, timeout=60)
    assert no_dir.returncode == 2 and "--cluster needs -o DIR" in no_dir.stderr


def test_without_cluster_nothing_of_dask_is_imported(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from claimkit.cli import main\n"
        f"r = CliRunner().invoke(main, ['extract', {str(ARTICLES)!r}, '-q', '--backend', 'rules',"
        f" '-o', {str(tmp_path / 'c.jsonl')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "r = CliRunner().invoke(main, ['validate', '--fail-on', 'never',"
        f" {str(tmp_path / 'c.jsonl')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "assert not bad, bad\n"
        "import claimkit.distributed\n"
        "assert 'distributed' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def _claims_file(tmp_path: Path) -> Path:
    """Rules-backend claims of the sample articles, each also in two dispatches of other
    outlets (so groups have several sources: corroboration, conflicts, stance)."""
    from claimkit.documents import load_documents
    from claimkit.extract import Extractor

    write_corpus(tmp_path / "in", shards=3, per_shard=7)
    out = tmp_path / "claims.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for record in Extractor("rules").run(load_documents([tmp_path / "in", ARTICLES])):
            fh.write(record.model_dump_json() + "\n")
    return out


def _sorted(report: Any) -> tuple[list[str], list[str], int, int]:
    return (sorted(json.dumps(f.model_dump(mode="json"), sort_keys=True) for f in report.findings),
            sorted(json.dumps(g.model_dump(mode="json"), sort_keys=True) for g in report.groups),
            report.n_claims, report.n_documents)


def test_distributed_findings_equal_local_findings(client: Any, tmp_path: Path) -> None:
    from claimkit.consistency import read_claim_files, validate
    from claimkit.distributed import Layout, validate_on_cluster

    claims = _claims_file(tmp_path)
    local = validate(read_claim_files([claims]))
    assert local.findings and local.groups and local.n_claims > 300
    assert {f.kind for f in local.findings} >= {"corroboration", "unanchored_date"}
    done = validate_on_cluster(client, [str(claims)], layout=Layout(
                               5, chunk_bytes=claims.stat().st_size // 4 + 1))
    assert done.bad == 0
    assert _sorted(done.report) == _sorted(local)


def test_cli_validate_on_cluster(client: Any, tmp_path: Path) -> None:
    claims = _claims_file(tmp_path)
    with open(claims, "a", encoding="utf-8") as fh:  # bad lines: each named, the run goes on
        fh.write('{not json\n[1, 2]\n{"record": "failure"}\n')
    base = [sys.executable, "-m", "claimkit.cli", "validate", "--format", "jsonl",
            "--fail-on", "never", str(claims)]
    local = subprocess.run(base, capture_output=True, text=True, timeout=120)
    cluster = subprocess.run([*base, "--cluster", client.scheduler.address],
                             capture_output=True, text=True, timeout=120)
    assert cluster.returncode == local.returncode == 1  # the bad lines
    assert sorted(cluster.stdout.splitlines()) == sorted(local.stdout.splitlines())
    skipped = [[line for line in run.stderr.splitlines() if line.startswith("claimkit: skipped")]
               for run in (local, cluster)]
    assert len(skipped[0]) == len(skipped[1]) == 3
    assert "byte" in cluster.stderr and "groups" in cluster.stderr.splitlines()[-1]


def test_cli_validate_on_cluster_into_a_directory(client: Any, tmp_path: Path) -> None:
    """``--output-dir``: the partitions' files hold the lines ``--format jsonl`` prints, the
    summary line and exit code are those of one process (``--ignore`` too); the work
    directory is gone; ``--window-days``/``--output-dir`` without ``--cluster`` is one line."""
    claims, out = _claims_file(tmp_path), tmp_path / "out"
    base = [sys.executable, "-m", "claimkit.cli", "validate", "--format", "jsonl",
            "--fail-on", "warning", str(claims)]
    on_cluster = ["--cluster", client.scheduler.address, "--window-days", "32", "--output-dir"]
    for extra in ([], ["--ignore", "unanchored_date"]):
        local = subprocess.run([*base, *extra], capture_output=True, text=True, timeout=120)
        cluster = subprocess.run([*base, *extra, *on_cluster, str(out / "-".join(extra))],
                                 capture_output=True, text=True, timeout=120)
        assert cluster.returncode == local.returncode == (1 if not extra else 0), cluster.stderr
        assert cluster.stdout == ""
        lines = sorted(line for f in (out / "-".join(extra)).glob("findings-*.jsonl")
                       for line in f.read_text(encoding="utf-8").splitlines())
        everything = sorted(subprocess.run(base, capture_output=True, text=True,
                                           timeout=120).stdout.splitlines())
        assert lines == everything and len(lines) > 5
        assert cluster.stderr.splitlines()[-1].startswith(local.stderr.splitlines()[-1] + ";")
    assert not list(out.rglob(".work"))
    alone = subprocess.run([*base, "--output-dir", str(out / "x")], capture_output=True,
                           text=True, timeout=120)
    assert alone.returncode == 2 and alone.stderr.strip().endswith("need --cluster")


def _middle(log: list[tuple[float, int]], edge: float = 2.0) -> tuple[float, float]:
    """Units per second over the middle of a run (whole seconds, ``edge`` seconds at
    each end left out: workers starting, the last documents finishing); the span."""
    times = sorted(t for t, _ in log)
    lo = times[0] + edge
    hi = lo + int(times[-1] - times[0] - 2 * edge)
    return sum(n for t, n in log if lo <= t < hi) / max(hi - lo, 1e-9), hi - lo


def test_cluster_wide_token_limit_holds_within_5_percent(client: Any, tmp_path: Path) -> None:
    """Two workers, 16 documents in flight each: the tokens the server reports in its
    replies (usage) never pass the limit by more than 5 % over the middle of the run.

    The limit is about a third of what the same run uses unlimited (the warm-up
    below measures that), so it is the limit that holds the rate; the tokens per
    request are learnt from the replies (the first requests use an upper estimate).
    """
    write_corpus(tmp_path / "warm", shards=2, per_shard=20)
    write_corpus(tmp_path / "in", shards=2, per_shard=50)
    gold = load_gold_claims(ROOT / "examples" / "gold")
    with ScriptedServer(gold) as server:
        free = ExtractSpec(backend="openai", model="scripted-model", cache=False,
                           base_urls=(server.base_url,), concurrency=8)
        t = time.monotonic()
        extract_on_cluster(client, [str(tmp_path / "warm")], tmp_path / "warm-out", free,
                           target_bytes=1)
        unlimited = sum(n for _, n in server.usage_log) / (time.monotonic() - t)
        per_request = sum(n for _, n in server.usage_log) / len(server.usage_log)
        server.usage_log.clear()
        tps = round(min(unlimited / 3, 3 * per_request))  # about 3 requests a second
        spec = ExtractSpec(backend="openai", model="scripted-model", cache=False,
                           base_urls=(server.base_url,), concurrency=16,
                           rate=RateLimit(f"tpm-{os.getpid()}-{time.time()}", tpm=60 * tps))
        run = extract_on_cluster(client, [str(tmp_path / "in")], tmp_path / "out", spec,
                                 target_bytes=1)
        log = list(server.usage_log)
    assert run.summary.documents == 100 and run.summary.failures == 0
    assert sum(n for _, n in log) == run.summary.usage.total_tokens
    rate, span = _middle(log)
    assert span >= 12, span
    assert 0.75 * tps <= rate <= 1.05 * tps, (rate, tps, unlimited)


def test_max_cost_on_a_cluster_stops_at_the_budget(client: Any, tmp_path: Path) -> None:
    """A spend cap for the whole cluster: the priced usage of all workers together stays
    within it, the requests past it are refused (``budget`` failures), and a rerun
    with a higher cap finishes those documents only."""
    write_corpus(tmp_path / "in", shards=2, per_shard=20)
    gold = load_gold_claims(ROOT / "examples" / "gold")
    with ScriptedServer(gold) as server:
        def spec(cap: float) -> ExtractSpec:
            return ExtractSpec(backend="openai", model="gpt-4o-mini", cache=False,
                               base_urls=(server.base_url,), concurrency=8,
                               rate=RateLimit(f"cost-{os.getpid()}-{time.time()}",
                                              max_cost=cap))

        first = extract_on_cluster(client, [str(tmp_path / "in")], tmp_path / "out",
                                   spec(0.004), target_bytes=1)
        spent = first.summary.usage.cost_usd or 0.0
        assert first.summary.failures and first.summary.documents, first.summary
        assert set(first.summary.failure_kinds) == {"budget"}
        assert 0 < spent <= 0.004 and first.ledger["spent"] == pytest.approx(spent)
        assert first.ledger["refused"] >= first.summary.failures
        sent = len(server.requests)
        second = extract_on_cluster(client, [str(tmp_path / "in")], tmp_path / "out",
                                    spec(1.0), target_bytes=1)
        assert len(server.requests) - sent == first.summary.failures  # one request each
    assert second.summary.documents == 40 and second.summary.failures == 0
    assert Counter(doc_ids(shard_records(tmp_path / "out"))).most_common(1)[0][1] == 1


def test_into_the_claim_store_exactly_once_with_a_worker_killed(client: Any,
                                                                 tmp_path: Path) -> None:
    """--db with a cluster: each committed shard is loaded into the store by its
    worker; a worker killed mid-partition and a rerun store every document once."""
    pytest.importorskip("sqlalchemy")
    from claimkit.store import resolve_url

    _into_store_exactly_once(client, tmp_path, resolve_url(str(tmp_path / "claims.db")))


def test_into_postgresql_exactly_once_with_a_worker_killed(client: Any, tmp_path: Path) -> None:
    """The same on a PostgreSQL server (Debian's, started on loopback for this test and
    stopped after; skipped, saying why, where none is installed): both workers write
    into one database at once."""
    pytest.importorskip("sqlalchemy")
    pytest.importorskip("psycopg")
    from tests.test_store_postgres import new_database, postgres_server

    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(postgres_server())
        except LookupError as exc:
            pytest.skip(str(exc))
        _into_store_exactly_once(client, tmp_path, new_database(url))


def _into_store_exactly_once(client: Any, tmp_path: Path, url: str) -> None:
    from claimkit.store import open_store

    ids = write_corpus(tmp_path / "in", shards=4, per_shard=10)
    out = tmp_path / "out"
    out.mkdir()
    open_store(url).close()  # created once, as the command does
    spec = ExtractSpec(backend="rules", db=url)
    killed: list[int] = []
    watcher = _kill_one_worker_mid_task(client, out, killed)
    extract_on_cluster(client, [str(tmp_path / "in")], out, spec, target_bytes=1)
    watcher.join(timeout=1)
    assert killed, "no worker was killed mid-partition"
    extract_on_cluster(client, [str(tmp_path / "in")], out, spec, target_bytes=1)  # rerun
    with open_store(url) as store:
        stored = Counter(r.document.id for r in store.records() if hasattr(r, "document"))
        assert set(stored) == ids and max(stored.values()) == 1
        want = sorted(json.dumps(r, sort_keys=True) for r in shard_records(out))
        got = sorted(json.dumps(json.loads(r.model_dump_json()), sort_keys=True)
                     for r in store.records())
    assert got == want


def _dense_claims(path: Path, n_docs: int = 240, seed: int = 5) -> Path:
    """Synthetic records dense in events and positions: meetings reported by several
    articles on adjacent days, in one of three cities or none, some undated (the week
    before publication); pledges and refusals of one or two actors on few objects,
    dated or not; a few articles with no publication date."""
    import datetime as dt
    import random

    from claimkit.schemas import DateRef, Document, DocumentClaims, Meeting, Pledge, Refusal
    from tests._corpus import COUNTRY_CODES, TextBuilder, country_actor

    rng = random.Random(seed)
    countries = [country_actor(name) for name in list(COUNTRY_CODES)[:8]]
    base = dt.date(2024, 1, 1).toordinal()
    events = [(base + rng.randrange(40), rng.choice(["Paris", "Rome", "Geneva", None]),
               rng.sample(countries, rng.randint(2, 4))) for _ in range(60)]
    with open(path, "w", encoding="utf-8") as fh:
        for d in range(n_docs):
            text, claims = TextBuilder(), []
            published = dt.date.fromordinal(base + rng.randrange(45)) if rng.random() > 0.1 else None
            for j in range(6):
                cid, date = f"c{d}-{j}", DateRef(value=dt.date.fromordinal(
                    base + rng.randrange(40)).isoformat(), granularity="day")
                if rng.random() < 0.5:
                    day, city, who = rng.choice(events)
                    day += rng.choice([0, 0, 0, 1, -1])
                    span = text.add(f"Leaders met ({d}-{j}).")
                    when = None if rng.random() < 0.15 else DateRef(
                        value=dt.date.fromordinal(day).isoformat(), granularity="day")
                    claims.append(Meeting(id=cid, doc_id=f"d{d}", evidence=[span], actor=who[:1],
                                          participants=who, location=city, date=when,
                                          status="held"))
                    continue
                kind = Pledge if rng.random() < 0.6 else Refusal
                # several actors for pledges only (see the note on stance in distributed/validate.py)
                who = rng.sample(countries[:4], rng.choice([1, 1, 2]) if kind is Pledge else 1)
                span = text.add(f"{who[0].text} spoke ({d}-{j}).")
                what = rng.choice(["troops", "money"] if kind is Pledge else ["sending troops", "money"])
                claims.append(kind(id=cid, doc_id=f"d{d}", evidence=[span], actor=who, what=what,
                                   date=date if rng.random() < 0.7 else None))
            doc = Document(id=f"d{d}", text=text.text, published=published, url=f"https://o{d % 9}.example/{d}")
            fh.write(DocumentClaims(document=doc, claims=claims).model_dump_json() + "\n")
    return path


def test_distributed_findings_equal_local_on_dense_events(client: Any, tmp_path: Path) -> None:
    """A 40-day corpus of meetings (many reported on adjacent days, some undated) and of
    pledges of one or two actors (each actor's block in its own partition): groups and
    findings equal one process's; with ``output``, the partitions' files hold the same."""
    from claimkit.consistency import read_claim_files, validate
    from claimkit.distributed import Layout, validate_on_cluster

    claims = _dense_claims(tmp_path / "dense.jsonl")
    local = validate(read_claim_files([claims]))
    kinds = {f.kind for f in local.findings}
    assert {"corroboration", "contradiction", "conflict"} <= kinds
    assert sum(len(g.doc_ids) > 2 for g in local.groups if g.type == "meeting") > 10
    done = validate_on_cluster(client, [str(claims)], layout=Layout(
                               7, chunk_bytes=claims.stat().st_size // 3 + 1))
    assert _sorted(done.report) == _sorted(local)
    assert len(done.part_bytes) == 7 and min(done.part_bytes) > 0  # each partition read something
    written = validate_on_cluster(client, [str(claims)], layout=Layout(7),
                                  output=tmp_path / "out")
    rows = {kind: sorted(line for f in written.files if Path(f).name.startswith(kind)
                         for line in Path(f).read_text(encoding="utf-8").splitlines())
            for kind in ("groups", "findings")}
    assert rows["findings"] == sorted(f.model_dump_json() for f in local.findings)
    assert rows["groups"] == sorted(g.model_dump_json() for g in local.groups)
    assert (written.n_groups, written.n_findings) == (len(local.groups), len(local.findings))
    assert (written.report.n_claims, written.report.n_documents) == (local.n_claims, local.n_documents)


@pytest.mark.parametrize("window", [3, 32])
def test_event_windows_change_only_some_event_groups(client: Any, tmp_path: Path,
                                                      window: int) -> None:
    """With ``window_days`` (memory bounded, not exact): every group and finding that is
    not about a meeting is equal, and at most 5 % of the meeting groups differ."""
    from claimkit.consistency import read_claim_files, validate
    from claimkit.distributed import Layout, validate_on_cluster

    claims = _dense_claims(tmp_path / "dense.jsonl")
    local = validate(read_claim_files([claims]))
    done = validate_on_cluster(client, [str(claims)], layout=Layout(7),
                               window_days=window)
    ours, theirs = _sorted(done.report), _sorted(local)

    def split(rows: list[str]) -> tuple[list[str], set[str]]:
        meeting = {r for r in rows if '"meeting' in r or "meeting \\u00b7" in r}
        return [r for r in rows if r not in meeting], meeting

    for k in (0, 1):
        assert split(ours[k])[0] == split(theirs[k])[0]
    a, b = split(ours[1])[1], split(theirs[1])[1]
    assert len(b) > 50 and len(a ^ b) <= 0.05 * 2 * len(b)
    assert ours[2:] == theirs[2:]


def parquet_records(out: Path) -> list[Any]:
    from claimkit.distributed.parquet import read_shard

    return [r for shard in sorted(out.glob("part-*.parquet")) for r in read_shard(shard)]


def test_parquet_shards_exactly_once_with_a_worker_killed(client: Any, tmp_path: Path) -> None:
    """Parquet shards: a worker killed mid-partition loses and duplicates nothing; one
    flat row per claim (or per record without claims); a rerun changes nothing."""
    import pyarrow.parquet as pq

    from claimkit.io import dump_record

    ids = write_corpus(tmp_path / "in", shards=4, per_shard=12)
    out = tmp_path / "out"
    out.mkdir()
    killed: list[int] = []
    watcher = _kill_one_worker_mid_task(client, out, killed)
    spec = ExtractSpec(backend="rules")
    run = extract_on_cluster(client, [str(tmp_path / "in")], out, spec, target_bytes=1,
                             shard_format="parquet")
    watcher.join(timeout=1)
    assert killed, "no worker was killed mid-partition"
    records = parquet_records(out)
    seen = Counter(r.document.id for r in records)
    assert set(seen) == ids and max(seen.values()) == 1
    assert run.summary.documents == len(ids) and run.shards == 4
    assert not list(out.glob(".part-*.partial")) and not list(out.glob(".part-*.tmp"))
    assert not list(out.glob("part-*.jsonl"))
    table = pq.read_table(sorted(out.glob("part-*.parquet"))[0])
    first = parquet_records(out)[: len({*table.column("doc_id").to_pylist()})]
    assert table.num_rows == sum(max(1, len(r.claims)) for r in first)
    claims = [c for r in first for c in r.claims]
    assert [x for x in table.column("claim_id").to_pylist() if x] == [c.id for c in claims]
    assert table.column("type").to_pylist()[0] == (claims[0].type if first[0].claims else None)
    # the same records as JSONL shards of the same input
    jsonl = tmp_path / "jsonl"
    extract_on_cluster(client, [str(tmp_path / "in")], jsonl, spec, target_bytes=1)
    assert sorted(map(dump_record, records)) == sorted(
        line for shard in jsonl.glob("part-*.jsonl")
        for line in shard.read_text(encoding="utf-8").splitlines())
    before = {p.name: p.read_bytes() for p in out.glob("part-*.parquet")}
    again = extract_on_cluster(client, [str(tmp_path / "in")], out, spec, target_bytes=1,
                               shard_format="parquet")
    assert again.skipped == 4 and again.summary.documents == len(ids)
    assert {p.name: p.read_bytes() for p in out.glob("part-*.parquet")} == before


def test_a_parquet_partial_file_is_resumed_without_duplicates(tmp_path: Path) -> None:
    """A partial file (torn last line) is kept; the Parquet shard holds each document once,
    the records equal to a JSONL shard's; a partial left beside a committed shard goes."""
    from claimkit.distributed.extract import extract_partition
    from claimkit.io import dump_record

    write_corpus(tmp_path / "in", shards=1, per_shard=6)
    (jpart,) = plan_partitions([str(tmp_path / "in")])
    (part,) = plan_partitions([str(tmp_path / "in")], shard_format="parquet")
    assert part.name == jpart.name.removesuffix(".jsonl") + ".parquet"
    out = tmp_path / "out"
    out.mkdir()
    extract_partition(jpart, str(out), ExtractSpec(backend="rules"))
    lines = (out / jpart.name).read_text(encoding="utf-8").splitlines(keepends=True)
    (out / part.partial_name).write_text(lines[0] + lines[0] + lines[1][:40], encoding="utf-8")
    result = extract_partition(part, str(out), ExtractSpec(backend="rules"))
    assert not result.skipped and result.summary.documents == 6
    assert sorted(dump_record(r) + "\n" for r in parquet_records(out)) == sorted(lines)
    assert not (out / part.partial_name).exists()
    (out / part.partial_name).write_text(lines[0], encoding="utf-8")  # died after the rename
    again = extract_partition(part, str(out), ExtractSpec(backend="rules"))
    assert again.skipped and not (out / part.partial_name).exists()
    with pytest.raises(ConfigError, match="shard format"):
        plan_partitions([str(tmp_path / "in")], shard_format="csv")


def test_local_workers_run_without_the_profiler() -> None:
    """`--cluster local` gives its workers their configuration through the nanny: no
    statistical profiler there, and this process's Dask configuration untouched."""
    import dask

    from claimkit.distributed import connect

    before = dask.config.get("distributed.worker.profile.enabled")
    with connect("local:1") as c:
        enabled = c.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    assert list(enabled.values()) == [False]
    assert dask.config.get("distributed.worker.profile.enabled") == before


def test_two_local_clusters_at_once_take_no_fixed_port(
    recwarn: pytest.WarningsRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--cluster local` twice on one machine (two runs, or a run beside the tests): the
    scheduler's HTTP server takes a free port on loopback, so neither says "Port 8787 is
    already in use" (with ``dashboard_address=None`` both asked for 8787). The clusters
    are started as ``connect`` starts them, without their worker processes (the port is
    the scheduler's; two clusters with workers take ~10 s more)."""
    from claimkit.distributed import connect

    real = distributed.LocalCluster
    monkeypatch.setattr(distributed, "LocalCluster", lambda **kw: real(**{**kw, "n_workers": 0}))
    with connect("local:1") as first, connect("local:1") as second:
        servers = [c.cluster.scheduler.http_server for c in (first, second)]
        assert [s.address for s in servers] == ["127.0.0.1", "127.0.0.1"]
        assert servers[0].port != servers[1].port
    assert [str(w.message) for w in recwarn if "already in use" in str(w.message)] == []
