"""``--cluster``: the extract and validate commands on a Dask cluster (``claimkit[dask]``).

Imported only when ``--cluster`` is given: without it nothing of Dask is imported.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections import Counter
from typing import Any

from claimkit.cli.app import fail, note, summary_line, to_file

__all__ = ["extract_on_cluster_command", "validate_on_cluster_command", "validate_to_directory"]


def _spec(options: dict[str, Any], base_urls: tuple[str, ...]) -> Any:
    from claimkit.distributed.extract import ExtractSpec
    from claimkit.distributed.ratelimit import RateLimit

    rate = None
    rpm, tpm, max_cost = options.get("rpm"), options.get("tpm"), options.get("max_cost")
    published = options.get("published")
    if rpm is not None or tpm is not None or max_cost is not None:
        rate = RateLimit(f"claimkit-run-{uuid.uuid4().hex[:12]}", rpm=rpm, tpm=tpm,
                         max_cost=max_cost)
    return ExtractSpec(
        backend=None if options["backend"] == "auto" else options["backend"],
        types=options["types"], cache=not options["no_cache"], model=options["model"],
        base_urls=base_urls, max_wait=options["max_wait"],
        gazetteer_files=tuple(options["gazetteer"]),
        max_bytes=int(options["max_size"] * 2**20), concurrency=options["concurrency"],
        rate=rate, db=options.get("db"), context_window=options.get("context_window"),
        examples=options.get("examples"), published=published.date() if published else None,
        resume=bool(options.get("resume")), on_mismatch=options.get("on_mismatch", "refuse"),
    )


def _backend_name(spec: Any) -> str:
    if spec.backend:
        return str(spec.backend)
    from claimkit.extract.base import BackendOptions
    from claimkit.extract.registry import default_backend_name

    url = spec.base_urls[0] if spec.base_urls else None
    return default_backend_name(BackendOptions(settings={"base_url": url, "model": spec.model}))


def extract_on_cluster_command(paths: tuple[str, ...], output: str | None, quiet: bool,
                               options: dict[str, Any], base_urls: tuple[str, ...]) -> int:
    """Run ``claimkit extract --cluster`` (``options["types"]`` already parsed); the number
    of failure records."""
    from claimkit.distributed import connect, extract_on_cluster

    if not to_file(output):
        fail("--cluster needs -o DIR: each partition is written to a shard file in DIR")
    assert output is not None
    if os.path.exists(output) and not os.path.isdir(output):
        from claimkit.io import safe_name

        fail(f"{safe_name(output)}: is a file; with --cluster, -o names a directory of shards "
             "(one per partition): choose another -o path")
    if options.get("db") is not None:
        from claimkit.cli.store import open_db
        from claimkit.store import resolve_url

        options["db"] = resolve_url(options["db"])  # a SQLite path made absolute
        with open_db(options["db"]):
            pass  # created or migrated once here, before the workers write
    spec = _spec(options, base_urls)
    name = _backend_name(spec)
    if not quiet:
        limit = f", {spec.rate.describe()}" if spec.rate else ""
        stored = " and the claim store" if spec.db else ""
        note(f"backend: {name}{limit}; cluster {options['cluster']}; shards -> {output}/{stored}")
    with connect(options["cluster"]) as client, _ShardProgress(quiet) as progress:
        if not quiet:
            workers = len(client.scheduler_info().get("workers", {}))
            note(f"cluster: {workers} worker(s) at {client.scheduler.address}")
        run = extract_on_cluster(client, paths, output, spec,
                                 target_bytes=int(options["partition_size"] * 2**20),
                                 on_shard=progress, shard_format=options["shard_format"])
    s = run.summary
    records = Counter(document=s.documents, failure=s.failures)
    kept = f" ({run.skipped} of {run.shards} shards already done)" if run.skipped else ""
    note(summary_line(records, run.claims_by_type, name, f" -> {output}/ ({run.shards} shards)"
                      + kept))
    if name != "rules":
        note(s.describe().rsplit(";", 1)[0])
    if run.ledger.get("refused"):
        note(f"--max-cost {options['max_cost']:g} reached: {run.ledger['refused']:.0f} "
             "request(s) not sent; rerun with a higher limit to finish")
    return s.failures


class _ShardProgress:
    """Documents done, shard by shard, on stderr when it is a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _ShardProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(), TextColumn("{task.completed} documents"),
                TextColumn("{task.description}"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=None)
        return self

    def __call__(self, result: Any) -> None:
        if self._progress is not None:
            done = result.summary.documents + result.summary.failures
            self._progress.update(self._task, advance=done, description=result.name)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def validate_on_cluster_command(files: tuple[str, ...], gazetteer: tuple[str, ...],
                                options: dict[str, Any], reader: Any) -> Any:
    """Run ``claimkit validate --cluster``: the run (its report, or with ``--output-dir``
    its counts); bad lines noted and counted on ``reader`` (a :class:`ClaimsReader`)."""
    from claimkit.distributed import connect, validate_on_cluster

    if "-" in files:
        fail("--cluster cannot read stdin (-): the workers read the claims files; pass files "
             "on a filesystem they share")
    if reader.strict:
        fail("--strict is not supported with --cluster (the workers read the files); "
             "check the files without --cluster first")
    with connect(options["cluster"]) as client:
        done = validate_on_cluster(client, files, gazetteer_files=gazetteer,
                                   window_days=options.get("window_days"),
                                   output=options.get("output_dir"), pause_gc=True)
    for message in done.messages:
        note(f"skipped {message}")
    if done.bad > len(done.messages):
        note(f"skipped {done.bad - len(done.messages)} more bad line(s)")
    reader.bad += done.bad
    return done


def validate_to_directory(files: tuple[str, ...], gazetteer: tuple[str, ...], reader: Any,
                          ignore: tuple[str, ...], fail_on: str, options: dict[str, Any]) -> int:
    """``claimkit validate --cluster --output-dir DIR``: the partitions write their groups and
    findings into DIR; the counts (without the ``ignore``d kinds) are printed. The exit code."""
    from claimkit.cli.app import EXIT_FAILURES, EXIT_OK
    from claimkit.consistency import Severity
    from claimkit.consistency.models import fails_on

    done = validate_on_cluster_command(files, gazetteer, options, reader)
    counts = Counter({s.value: 0 for s in Severity})
    for (kind, severity), n in done.tally.items():
        if kind not in ignore:
            counts[severity] += n
    note(f"{done.report.n_claims} claims, {done.n_groups} groups: {counts['error']} error(s), "
         f"{counts['warning']} warning(s), {counts['info']} info; groups and findings in "
         f"{options['output_dir']} ({len(done.files)} files)")
    failed = fails_on([Severity(s) for s, n in counts.items() if n], fail_on)
    code: int = reader.exit_code(EXIT_FAILURES if failed else EXIT_OK)
    return code
