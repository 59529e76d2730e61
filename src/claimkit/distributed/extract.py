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

import datetime as dt
import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.distributed.shards import TARGET_BYTES, Partition, ShardWriter, plan_partitions
from claimkit.distributed.spec import ExtractSpec, gazetteers, open_worker_store, worker_extractor
from claimkit.errors import InputError
from claimkit.extract.streaming import RunSummary
from claimkit.redact import redact
from claimkit.schemas import Document, DocumentClaims, Failure

__all__ = ["ExtractSpec", "ShardResult", "extract_on_cluster", "extract_partition"]


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


def extract_partition(partition: Partition, directory: str, spec: ExtractSpec) -> ShardResult:
    """The task of one partition: extract what is not done yet, commit the shard.

    The totals are counted as the records are written (with those an earlier
    attempt kept), not read back from the shard.
    """
    from claimkit.distributed.resume import run_settings

    settings = run_settings(spec) if spec.on_mismatch == "redo" or (
        spec.resume and spec.db is not None) else None
    keep = None
    if spec.on_mismatch == "redo" and settings is not None:
        keep = functools.partial(_made_with, settings)
    replace: set[str] = set()
    with ShardWriter(Path(directory), partition, keep=keep) as shard:
        result = ShardResult(partition.name, shard.complete, RunSummary())
        for record in shard.kept:
            result.count(record)
        done = shard.done_ids()
        if spec.resume and spec.db is not None and settings is not None:
            from claimkit.distributed.resume import from_store

            stored, replace = from_store(spec, partition, shard, result.count, settings)
            done |= stored
        if not shard.complete:
            _extract_rest(partition, spec, shard, result, done)
            shard.commit()
        if spec.db is not None:
            _store(spec, partition, shard.records(), settings, replace)
        return result


def _made_with(settings: Any, record: DocumentClaims) -> bool:
    from claimkit.extract.runner import RunSettings

    return bool(settings.produced(RunSettings.of_record(record)))


def _extract_rest(partition: Partition, spec: ExtractSpec, shard: ShardWriter,
                  result: ShardResult, done: set[str]) -> None:
    """Extract the partition's documents not in ``done`` into the shard; the load
    failures written after them."""
    from claimkit.documents import load_documents
    from claimkit.extract.runner import run_extraction

    load_failures: list[Failure] = []

    def on_load_error(err: InputError) -> None:
        load_failures.append(Failure(source=err.source, stage="load", kind=err.kind,
                                     message=redact(err)))

    docs = (_dated(d, spec.published) for d in load_documents(
        partition.files, on_error=on_load_error, max_bytes=spec.max_bytes) if d.id not in done)
    extractor = worker_extractor(spec)
    concurrency = 1 if extractor.backend_name == "rules" else spec.concurrency
    run_extraction(extractor, docs, shard.open(), concurrency=concurrency,
                   on_record=result.count)
    for failure in load_failures:
        shard.write(failure)
        result.count(failure)


def _dated(doc: Document, published: dt.date | None) -> Document:
    """``doc`` with ``published`` as its date when it has none (``--published``)."""
    if published is None or doc.published is not None:
        return doc
    return doc.model_copy(update={"published": published})


def _store(spec: ExtractSpec, partition: Partition, records: Iterable[DocumentClaims | Failure],
           settings: Any = None, replace: set[str] | None = None) -> None:
    """Load a committed shard into the claim store: a document already stored under
    its prompt version is skipped (the store's unique key), so a retried or rerun
    partition stores each document once. The stored rows of other settings of the
    documents of ``replace`` (``--resume --on-mismatch redo``) are replaced."""
    from claimkit.store import RunInfo

    gaz = gazetteers(spec)
    assert spec.db is not None
    writer = open_worker_store(spec.db).writer(
        RunInfo(f"extract --cluster ({partition.name})", backend=spec.backend,
                model=spec.model), **gaz)
    if replace and settings is not None:
        writer.replace(settings, replace)
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
    from claimkit.distributed.resume import check_before_run
    from claimkit.distributed.shards import check_directory

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    partitions = plan_partitions(paths, target_bytes, shard_format, skip=out)
    check_directory(out, partitions)
    check_before_run(client, partitions, out, spec)
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
