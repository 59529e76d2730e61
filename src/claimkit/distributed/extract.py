"""Extraction as a Dask job: one task per partition, one committed shard per task.

The client plans the partitions (:mod:`claimkit.distributed.shards`),
submits one task per partition that is not already committed, and collects
each task's totals as it finishes. A task builds its worker's extractor once
(kept for the worker process's later tasks), loads its files, extracts the
documents an earlier attempt did not finish (the asyncio loop of
:func:`claimkit.extract.runner.run_extraction`, ``concurrency`` documents at
once), and commits its shard. Dask reruns the task of a worker that died;
the shard's lock and partial file make that exactly once.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.distributed.ratelimit import RateLimit
from claimkit.distributed.shards import TARGET_BYTES, Partition, ShardWriter, plan_partitions
from claimkit.errors import InputError
from claimkit.extract.streaming import RunSummary
from claimkit.redact import redact
from claimkit.schemas import DocumentClaims, Failure

__all__ = ["ExtractSpec", "ShardResult", "extract_on_cluster", "extract_partition"]


@dataclass(frozen=True)
class ExtractSpec:
    """What each worker builds its extractor from (picklable; never holds the API key:
    workers read ``CLAIMKIT_API_KEY`` / ``OPENAI_API_KEY`` from their own environment)."""

    backend: str | None = None
    types: tuple[str, ...] | None = None
    cache: bool = True
    model: str | None = None
    base_urls: tuple[str, ...] = ()
    max_wait: float | None = None
    gazetteer_files: tuple[str, ...] = ()
    max_bytes: int = 10 * 2**20
    concurrency: int = 4
    rate: RateLimit | None = None
    #: also load each committed shard into this claim store (a SQLAlchemy URL)
    db: str | None = None


@dataclass
class ShardResult:
    """What one partition's task reports back."""

    name: str
    skipped: bool
    summary: RunSummary
    claims_by_type: Counter[str] = field(default_factory=Counter)

    def count(self, record: DocumentClaims | Failure) -> None:
        self.summary.add(record)
        if isinstance(record, DocumentClaims):
            self.claims_by_type.update(c.type for c in record.claims)


def _gazetteers(spec: ExtractSpec) -> dict[str, Any]:
    """The ``gazetteer`` and ``places`` arguments of the run's gazetteer files (none: the
    bundled ones, no argument)."""
    if not spec.gazetteer_files:
        return {}
    from claimkit.normalize import Gazetteer, Places

    return {"gazetteer": Gazetteer.load(*spec.gazetteer_files), "places": Places.load(*spec.gazetteer_files)}


@functools.lru_cache(maxsize=4)
def _extractor(spec: ExtractSpec) -> Any:
    """The worker process's extractor for ``spec`` (built once per process)."""
    from claimkit.extract.pipeline import Extractor
    from claimkit.extract.registry import default_backend_name

    gaz = _gazetteers(spec)
    settings: dict[str, Any] = {"model": spec.model, "max_wait": spec.max_wait,
                                "base_url": spec.base_urls[0] if spec.base_urls else None}
    name = spec.backend or None
    if name is None:
        from claimkit.extract.base import BackendOptions

        name = default_backend_name(BackendOptions(settings=settings))
    if name == "openai" and (spec.rate is not None or len(spec.base_urls) > 1):
        return Extractor(_cluster_backend(spec, settings, gaz), types=spec.types, **gaz)
    return Extractor(name, types=spec.types, cache=spec.cache, **settings, **gaz)


def _cluster_backend(spec: ExtractSpec, settings: dict[str, Any], gaz: dict[str, Any]) -> Any:
    from claimkit.distributed.ratelimit import ClusterOpenAIBackend
    from claimkit.extract.base import BackendOptions

    options = BackendOptions(types=spec.types, cache=spec.cache, settings=settings, **gaz)
    backend = ClusterOpenAIBackend.from_options(options)
    backend.configure(spec.rate, spec.base_urls)
    return backend


def extract_partition(partition: Partition, directory: str, spec: ExtractSpec) -> ShardResult:
    """The task of one partition: extract what is not done yet, commit the shard.

    The totals are counted as the records are written (with those an earlier
    attempt kept), not read back from the shard.
    """
    from claimkit.extract.runner import run_extraction

    with ShardWriter(Path(directory), partition) as shard:
        result = ShardResult(partition.name, shard.complete, RunSummary())
        for record in shard.kept:
            result.count(record)
        if not shard.complete:
            load_failures: list[Failure] = []

            def on_load_error(err: InputError) -> None:
                load_failures.append(Failure(source=err.source, stage="load", kind=err.kind,
                                             message=redact(err)))

            from claimkit.documents import load_documents

            done = shard.done_ids()
            docs = (d for d in load_documents(partition.files, on_error=on_load_error,
                                              max_bytes=spec.max_bytes) if d.id not in done)
            extractor = _extractor(spec)
            concurrency = 1 if extractor.backend_name == "rules" else spec.concurrency
            run_extraction(extractor, docs, shard.open(), concurrency=concurrency,
                           on_record=result.count)
            for failure in load_failures:
                shard.write(failure)
                result.count(failure)
            shard.commit()
        if spec.db is not None:
            _store(spec, partition, shard.records())
        return result


@functools.lru_cache(maxsize=2)
def _open_store(url: str) -> Any:
    """The worker process's claim store of ``url`` (opened once per process)."""
    from claimkit.store import open_store

    return open_store(url)


def _store(spec: ExtractSpec, partition: Partition,
           records: Iterable[DocumentClaims | Failure]) -> None:
    """Load a committed shard into the claim store: a document already stored under
    its prompt version is skipped (the store's unique key), so a retried or rerun
    partition stores each document once."""
    from claimkit.store import RunInfo

    gaz = _gazetteers(spec)
    assert spec.db is not None
    writer = _open_store(spec.db).writer(
        RunInfo(f"extract --cluster ({partition.name})", backend=spec.backend,
                model=spec.model), **gaz)
    try:
        writer.add(records)
    finally:
        writer.close()


@dataclass
class ClusterRun:
    """Totals of a whole run, merged from the shards' results as they come in."""

    summary: RunSummary = field(default_factory=RunSummary)
    claims_by_type: Counter[str] = field(default_factory=Counter)
    shards: int = 0
    skipped: int = 0
    #: the cluster-wide ledger's totals (``spent``, ``refused``), with limits
    ledger: dict[str, float] = field(default_factory=dict)

    def add(self, result: ShardResult) -> None:
        s, r = self.summary, result.summary
        s.documents += r.documents
        s.failures += r.failures
        s.claims += r.claims
        s.cached += r.cached
        s.usage = s.usage + r.usage
        s.cost_known = s.cost_known and r.cost_known
        for kind, n in r.failure_kinds.items():
            s.failure_kinds[kind] = s.failure_kinds.get(kind, 0) + n
        self.claims_by_type.update(result.claims_by_type)
        self.shards += 1
        self.skipped += int(result.skipped)


def extract_on_cluster(
    client: Any,
    paths: Iterable[str],
    directory: str | os.PathLike[str],
    spec: ExtractSpec,
    *,
    target_bytes: int = TARGET_BYTES,
    on_shard: Callable[[ShardResult], None] | None = None,
    shard_format: str = "jsonl",
) -> ClusterRun:
    """Extract every document of ``paths`` into shards under ``directory`` on the
    cluster of ``client`` (a :class:`distributed.Client`).

    Args:
        shard_format: ``jsonl`` (claimkit JSONL) or ``parquet`` (one flat row per
            claim, lossless: :mod:`claimkit.distributed.parquet`; needs pyarrow on the
            workers).

    Returns:
        The run's totals; ``on_shard`` sees each shard's result as it finishes.
    """
    from claimkit.distributed.shards import check_directory

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    partitions = plan_partitions(paths, target_bytes, shard_format, skip=out)
    check_directory(out, partitions)
    run = ClusterRun()
    if spec.rate is not None:
        from claimkit.distributed._plugin import open_ledger

        open_ledger(client, spec.rate)  # on the scheduler before the workers use it
    try:
        _run_all(client, partitions, out, spec, run, on_shard)
    finally:
        if spec.rate is not None:
            from claimkit.distributed._plugin import close_ledger

            run.ledger = close_ledger(client, spec.rate)  # no state left on the scheduler
    return run


def _run_all(client: Any, partitions: list[Partition], out: Path, spec: ExtractSpec,
             run: ClusterRun, on_shard: Callable[[ShardResult], None] | None) -> None:
    import distributed

    futures = client.map(extract_partition, partitions, directory=str(out.resolve()), spec=spec,
                         pure=False, retries=2)
    as_completed: Any = distributed.as_completed  # untyped
    for future in as_completed(futures):
        result = future.result()
        run.add(result)
        if on_shard is not None:
            on_shard(result)
