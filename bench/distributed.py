"""Benchmark: claimkit on a local Dask cluster of 2 worker processes vs one process.

Three parts (each can be left out with ``--skip``):

* ``offline``: N documents (default 10,000; synthetic: the sample articles, each
  copy with its own opening line and every n-th sentence dropped, so no two texts
  are equal) in JSONL shards, extracted with the offline rules backend in one
  process (``run_extraction``) and with ``extract_on_cluster`` on 2 workers.
  Prints wall times, throughput, the speed-up (target >= 1.6x), the cluster's
  start time and the engine's overhead (cluster run time x workers minus the
  one-process time, per document).
* ``llm``: M documents (default 2,000) against the scripted server with a
  latency of 250 ms per answer and a cluster-wide limit (``--rpm``, default
  1200 = 20/s; or ``--tpm``, tokens per minute): the requests and tokens (the
  replies' usage) per second the server saw, over the middle of the run, vs
  the limit.
* ``validate``: K synthetic claims (default 100,000; repeat ``--claims`` for
  several sizes; bench/validate.py's generator: real-sized records, news-like
  groups), written by the workers in shards of 100,000 (never built in this
  process), validated on the cluster (each worker limited to 4 GiB, past 60 %
  of which Dask spills to disk; groups and findings written per partition)
  and, unless ``--no-local``, in one process, the findings compared. Prints
  the wall time and each worker's peak resident memory (sampled every
  0.25 s). ``--window-days N`` partitions meetings by windows of N days
  (docs/scale.md: bounded memory, not exact).

The machine this ran on had 2 cores shared with other jobs: figures vary by run.

Usage::

    .venv/bin/python bench/distributed.py
    .venv/bin/python bench/distributed.py --docs 2000 --llm-docs 400 --claims 20000
    .venv/bin/python bench/distributed.py --skip offline --skip llm --no-local \
        --window-days 32 --claims 300000 --claims 1000000 --claims 10000000
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# this file is named distributed.py: its folder must not shadow the dask package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT / "tests" / "llm"))


def _bench_validate() -> Any:
    """bench/validate.py (its synthetic claim generator), loaded by path (here or on a worker)."""
    import importlib.util

    if str(ROOT / "bench") not in sys.path:
        sys.path.append(str(ROOT / "bench"))  # for its `_rss`; last, so `distributed` stays dask's
    spec = importlib.util.spec_from_file_location("bench_validate", ROOT / "bench" / "validate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(directory: Path, n: int, per_shard: int = 250) -> None:
    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    directory.mkdir(parents=True, exist_ok=True)
    for first in range(0, n, per_shard):
        with open(directory / f"shard-{first // per_shard:04d}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(first, min(n, first + per_shard)):
                base = texts[i % len(texts)].split("\n")
                drop = rng.randrange(3, 9)
                kept = [line for j, line in enumerate(base) if j < 3 or j % drop]
                text = f"Dispatch {i} of the wire service.\n\n" + "\n".join(kept)
                fh.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")


def start_cluster(workers: int) -> tuple[Any, Any, float]:
    import distributed

    t = time.perf_counter()
    # 4 GB per worker (the target): Dask spills stored results to disk past 60 % of it
    from claimkit.distributed.cluster import LOCAL_WORKER_CONFIG

    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None, memory_limit="4GiB",
                                       config=LOCAL_WORKER_CONFIG)  # as `--cluster local` starts it
    client = distributed.Client(cluster)
    return cluster, client, time.perf_counter() - t


def _cpu(client: Any) -> float:
    """CPU seconds used so far by the workers and the scheduler (their processes)."""
    def used() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    return sum(client.run(used).values()) + float(client.run_on_scheduler(used))


def bench_offline(client: Any, n: int, workers: int, partition_kb: int) -> None:
    from claimkit.distributed import ExtractSpec, extract_on_cluster
    from claimkit.documents import load_documents
    from claimkit.extract import Extractor
    from claimkit.extract.runner import run_extraction

    tmp = Path(tempfile.mkdtemp(prefix="ck-dist-"))
    write_corpus(tmp / "in", n)
    extractor = Extractor("rules")
    run_extraction(extractor, load_documents([ROOT / "examples" / "articles"]), io.StringIO())
    load = os.getloadavg()[0]
    t, c = time.perf_counter(), time.process_time()
    one = run_extraction(extractor, load_documents([tmp / "in"]), io.StringIO(), concurrency=1)
    single, single_cpu = time.perf_counter() - t, time.process_time() - c
    # warm the workers (imports, gazetteer) as the one process was warmed
    extract_on_cluster(client, [str(ROOT / "examples" / "articles")], tmp / "warm",
                       ExtractSpec(backend="rules"), target_bytes=1)
    c0 = _cpu(client)
    time.sleep(5)
    idle = (_cpu(client) - c0) / 5  # CPU/s of the idle workers and scheduler (their ticks)
    c0, t = _cpu(client), time.perf_counter()
    run = extract_on_cluster(client, [str(tmp / "in")], tmp / "out", ExtractSpec(backend="rules"),
                             target_bytes=partition_kb << 10)
    dist, dist_cpu = time.perf_counter() - t, _cpu(client) - c0
    assert run.summary.documents == one.documents == n, (run.summary.documents, one.documents)
    print(f"offline, {n} documents ({run.shards} partitions of {partition_kb} kB); load average "
          f"{load:.1f} before, {os.getloadavg()[0]:.1f} after:")
    print(f"  one process:        {single:7.1f} s  {n / single:7.1f} docs/s  "
          f"({single_cpu / n * 1000:.1f} ms CPU per document)")
    print(f"  cluster, {workers} workers: {dist:7.1f} s  {n / dist:7.1f} docs/s  "
          f"speed-up {single / dist:.2f}x (target >= 1.6x)")
    print(f"  engine overhead:    {(dist_cpu - single_cpu) / n * 1000:.2f} ms CPU per document "
          f"({dist_cpu / n * 1000:.1f} ms on the workers and scheduler vs "
          f"{single_cpu / n * 1000:.1f} ms in one process)")
    print(f"  of which idle:      {idle * dist / n * 1000:.2f} ms per document (the idle workers "
          f"and scheduler use {idle * 1000:.0f} ms of CPU per second: heartbeats, monitors)")


def _per_second(log: list[tuple[float, int]]) -> float:
    """Units per second over the middle of a run (2 s left out at each end)."""
    times = sorted(t for t, _ in log)
    lo, hi = times[0] + 2, times[-1] - 2
    return sum(n for x, n in log if lo <= x < hi) / (hi - lo)


def bench_llm(client: Any, n: int, rpm: float | None, tpm: float | None) -> None:
    from scripted_server import ScriptedServer, load_gold_claims

    from claimkit.distributed import ExtractSpec, RateLimit, extract_on_cluster

    tmp = Path(tempfile.mkdtemp(prefix="ck-dist-llm-"))
    write_corpus(tmp / "in", n, per_shard=100)
    with ScriptedServer(load_gold_claims(ROOT / "examples" / "gold"), latency=0.25) as server:
        spec = ExtractSpec(backend="openai", model="scripted-model", cache=False,
                           base_urls=(server.base_url,), concurrency=32,
                           rate=RateLimit(f"bench-{time.time()}", rpm=rpm, tpm=tpm))
        t = time.perf_counter()
        run = extract_on_cluster(client, [str(tmp / "in")], tmp / "out", spec, target_bytes=1)
        wall = time.perf_counter() - t
        log = list(server.usage_log)
    assert spec.rate is not None
    print(f"llm, {n} documents, scripted server L=250 ms, {spec.rate.describe()}:")
    print(f"  {run.summary.documents} documents, {run.summary.failures} failures, "
          f"{len(log)} requests in {wall:.1f} s")
    requests = _per_second([(x, 1) for x, _ in log])
    tokens = _per_second(log)
    if rpm:
        print(f"  at the server: {requests:.2f} requests/s over the middle of the run = "
              f"{requests / (rpm / 60):.3f} x the limit")
    if tpm:
        print(f"  at the server: {tokens:.0f} tokens/s (the replies' usage) over the middle "
              f"of the run = {tokens / (tpm / 60):.3f} x the limit")


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


class PeakSampler:
    """The highest resident memory of each worker, sampled every ``interval`` seconds
    (``ru_maxrss`` cannot say it: a spawned process inherits the maximum of the
    process it was forked from before its exec)."""

    def __init__(self, client: Any, interval: float = 0.25) -> None:
        import threading

        self.client, self.interval = client, interval
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for worker, mb in self.client.run(_rss_mb).items():
                self.peaks[worker] = max(mb, self.peaks.get(worker, 0.0))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def write_claims_shard(path: str, n: int, shard: int) -> int:
    """``n`` synthetic claims (bench/validate.py's generator, seeded by ``shard``) into
    ``path``, run on a worker; document and claim ids made unique over the shards
    (same length, so that spans are unchanged). Returns the bytes written."""
    import re

    records = _bench_validate().build(n, seed=1000 + shard)
    prefix, size = f"{shard:03d}", 0
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            size += fh.write(re.sub(r"doc(?=\d{7})", prefix, r.model_dump_json()) + "\n")
    return size


#: synthetic claims per shard written by one task
SHARD_CLAIMS = 100_000


def bench_validate(client: Any, n_claims: int, window_days: int | None, local_too: bool) -> None:
    from claimkit.consistency import paused_gc, read_claim_files, validate
    from claimkit.distributed import validate_on_cluster

    tmp = Path(tempfile.mkdtemp(prefix="ck-dist-val-"))
    counts = [min(SHARD_CLAIMS, n_claims - first) for first in range(0, n_claims, SHARD_CLAIMS)]
    paths = [str(tmp / f"claims-{i:03d}.jsonl") for i in range(len(counts))]
    t = time.perf_counter()
    size = sum(client.gather(client.map(write_claims_shard, paths, counts, range(len(counts)))))
    print(f"{n_claims} synthetic claims written by the workers in {len(paths)} shards, "
          f"{size / 2**20:.0f} MB, {time.perf_counter() - t:.1f} s")
    local = None
    if local_too:
        t = time.perf_counter()
        with paused_gc():  # as `claimkit validate` runs it
            local = validate(read_claim_files(paths))
        single = time.perf_counter() - t
        peak_local = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"validate, {local.n_claims} claims ({size / 2**20:.0f} MB of JSONL), "
              f"{len(local.groups)} groups, {len(local.findings)} findings:")
        print(f"  one process: {single:6.1f} s (peak {peak_local:.0f} MB, this process)")
    load = os.getloadavg()[0]
    t, c0 = time.perf_counter(), _cpu(client)
    with PeakSampler(client) as sampler:
        done = validate_on_cluster(client, paths,
                                   window_days=window_days, output=tmp / "out",
                                   pause_gc=True)
    dist, cpu = time.perf_counter() - t, _cpu(client) - c0
    same = "not compared" if local is None else str(sorted(
        line for f in done.files if Path(f).name.startswith("findings")
        for line in Path(f).read_text(encoding="utf-8").splitlines())
        == sorted(f.model_dump_json() for f in local.findings))
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"  cluster ({size / 2**20:.0f} MB of JSONL, event windows: {window_days or 'none'} days, "
          f"groups and findings written per partition): {dist:6.1f} s; {done.report.n_claims} claims, "
          f"{done.n_groups} groups, {done.n_findings} findings; findings equal: {same}; peak RSS "
          "per worker (sampled every 0.25 s): " + ", ".join(f"{v:.0f} MB" for v in sampler.peaks.values()))
    sizes = sorted(done.part_bytes)
    print(f"  {len(sizes)} partitions; their parts (compressed): largest {sizes[-1] / 2**20:.1f} MB, "
          f"median {sizes[len(sizes) // 2] / 2**20:.1f} MB, all {sum(sizes) / 2**20:.0f} MB")
    print(f"  {n_claims / dist:,.0f} claims/s; CPU of the workers and scheduler {cpu:.1f} s "
          f"({cpu / n_claims * 1e6:.0f} us per claim); load average {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=10_000)
    p.add_argument("--llm-docs", type=int, default=2_000)
    p.add_argument("--rpm", type=float, default=None,
                   help="requests per minute of the llm part (default 1200 without --tpm)")
    p.add_argument("--tpm", type=float, default=None, help="tokens per minute of the llm part")
    p.add_argument("--claims", type=int, action="append", default=None,
                   help="synthetic claims to validate (repeat for several sizes; default 100000)")
    p.add_argument("--window-days", type=int, default=None,
                   help="validate with event windows of this many days (memory bounded, not exact)")
    p.add_argument("--no-local", action="store_true", help="do not validate in one process too")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--partition-kb", type=int, default=1024,
                   help="input per partition of the offline part (kB)")
    p.add_argument("--skip", action="append", default=[], choices=["offline", "llm", "validate"])
    args = p.parse_args()
    cluster, client, started = start_cluster(args.workers)
    print(f"local cluster of {args.workers} worker processes started in {started:.1f} s")
    try:
        if "offline" not in args.skip:
            bench_offline(client, args.docs, args.workers, args.partition_kb)
        if "llm" not in args.skip:
            bench_llm(client, args.llm_docs, args.rpm if args.rpm or args.tpm else 1200, args.tpm)
        if "validate" not in args.skip:
            for n in args.claims or [100_000]:
                bench_validate(client, n, args.window_days, not args.no_local)
    finally:
        client.close()
        cluster.close()


if __name__ == "__main__":
    main()
