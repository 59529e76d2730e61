"""``claimkit validate``: claims checked across documents."""

from __future__ import annotations

import sys
from typing import Any

import click

from claimkit.cli.app import (
    EXIT_FAILURES,
    EXIT_OK,
    GAZETTEER,
    STRICT,
    ClaimsReader,
    fail,
    gazetteer_options,
    main,
    note,
)
from claimkit.cli.store import DB, validate_db


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table: a readable table on stdout; json: the whole report "
              "(groups and findings); jsonl: one finding per line.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is found.")
@GAZETTEER
@STRICT
@click.option("--ignore", "ignore", multiple=True, metavar="KIND",
              help="Leave out findings of this kind (e.g. unanchored_date); repeatable.")
@DB
@click.option("--new", "new", default=None, metavar="FILE_OR_RUN",
              help="With --db: import this claims file (or take this run id) and validate only "
              "what it touches; without it, claims not validated yet are.")
@click.option("--full", is_flag=True, help="With --db: validate the whole store again, streamed.")
@click.option("--cluster", default=None, metavar="local[:N]|tcp://HOST:8786",
              help="Validate on a Dask cluster (pip install 'claimkit[dask]'): claims "
              "partitioned by their blocking keys, each partition checked on a worker.")
@click.option("--window-days", type=click.IntRange(min=1), default=None, metavar="N",
              help="With --cluster: partition meetings (the event types) by windows of N days "
              "(32 suits news), so that no worker holds all of them; not exact near a "
              "window's edges (docs/scale.md).")
@click.option("--output-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="With --cluster: each partition writes its groups and findings to JSONL "
              "files in DIR (groups-*.jsonl; findings-*.jsonl, lines as --format jsonl "
              "prints them) instead of sending them here; the counts are printed, --fail-on "
              "and --ignore apply to them.")
def validate(files: tuple[str, ...], fmt: str, fail_on: str, gazetteer: tuple[str, ...],
             strict: bool, ignore: tuple[str, ...], **store: Any) -> None:
    """Check claims across documents: conflicts, stance changes, corroboration.

    With --db (or CLAIMKIT_DB) and no FILES, the claim store is validated
    incrementally: only the event groups new claims touch.
    """
    from rich.console import Console

    from claimkit.consistency.render import report_table

    reader = ClaimsReader(strict)
    if (store["window_days"] or store["output_dir"]) and not store["cluster"]:
        fail("--window-days and --output-dir need --cluster")
    if store["output_dir"]:
        from claimkit.cli._cluster import validate_to_directory

        sys.exit(validate_to_directory(files, gazetteer, reader, ignore, fail_on, store))
    report = _report(files, reader, gazetteer, store)
    if ignore:
        kept = [f for f in report.findings if f.kind not in set(ignore)]
        report = report.model_copy(update={"findings": kept})
    if fmt == "json":
        click.echo(report.to_json())
    elif fmt == "jsonl":
        for finding in report.findings:
            click.echo(finding.model_dump_json())
    else:
        Console(soft_wrap=False).print(report_table(report))
    c = report.counts()
    note(f"{report.n_claims} claims, {len(report.groups)} groups: {c['error']} error(s), "
          f"{c['warning']} warning(s), {c['info']} info")
    sys.exit(reader.exit_code(EXIT_FAILURES if report.failed(fail_on) else EXIT_OK))


def _report(files: tuple[str, ...], reader: ClaimsReader, gazetteer: tuple[str, ...],
            store: dict[str, Any]) -> Any:
    """The validation report: of the claim store (no FILES), on a cluster, or here."""
    from claimkit.consistency import paused_gc
    from claimkit.consistency import validate as run_validation
    from claimkit.io import compact_records

    if not files:
        with paused_gc():  # the command owns its process; the library never tunes the collector
            return validate_db(store["db"], store["new"], store["full"], reader,
                               gazetteer_options(gazetteer))
    if store["cluster"]:
        from claimkit.cli._cluster import validate_on_cluster_command

        return validate_on_cluster_command(files, gazetteer, store, reader).report
    # records held compact (a quarter of the memory), equal to those read: the same findings;
    # compacted in place, as nothing else holds the records the reader makes
    with paused_gc():
        records = compact_records(reader.records(files), in_place=True)
        return run_validation(records, **gazetteer_options(gazetteer))
