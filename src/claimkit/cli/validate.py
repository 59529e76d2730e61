"""``claimkit validate``: claims checked across documents."""

from __future__ import annotations

import sys

import click

from claimkit.cli.app import (
    EXIT_FAILURES,
    EXIT_OK,
    GAZETTEER,
    STRICT,
    ClaimsReader,
    gazetteer_options,
    main,
    note,
)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table: a readable table on stdout; json: the whole report "
              "(groups and findings); jsonl: one finding per line.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is found.")
@GAZETTEER
@STRICT
@click.option("--ignore", "ignore", multiple=True, metavar="KIND",
              help="Leave out findings of this kind (e.g. unanchored_date); repeatable.")
@click.option("--cluster", default=None, metavar="local[:N]|tcp://HOST:8786",
              help="Validate on a Dask cluster (pip install 'claimkit[dask]'): claims "
              "partitioned by their blocking keys, each partition checked on a worker.")
def validate(files: tuple[str, ...], fmt: str, fail_on: str, gazetteer: tuple[str, ...],
             strict: bool, ignore: tuple[str, ...], cluster: str | None) -> None:
    """Check claims across documents: conflicts, stance changes, corroboration."""
    from rich.console import Console

    from claimkit.consistency import validate as run_validation
    from claimkit.consistency.render import report_table

    reader = ClaimsReader(strict)
    if cluster:
        from claimkit.cli._cluster import validate_on_cluster_command

        report = validate_on_cluster_command(files, gazetteer, cluster, reader)
    else:
        report = run_validation(reader.records(files), **gazetteer_options(gazetteer))
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
