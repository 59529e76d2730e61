"""``claimkit view``: the interactive HTML report."""

from __future__ import annotations

import sys
from typing import Any

import click

from claimkit.cli.app import (
    GAZETTEER,
    STRICT,
    ClaimsReader,
    check_output,
    gazetteer_options,
    main,
    note,
    refuse_input_as_output,
)
from claimkit.cli.store import DB, view_db


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("-o", "--output", "output", required=True, help="HTML file to write.")
@click.option("--findings/--no-findings", default=True, show_default=True,
              help="Validate the claims and show the findings (those of `claimkit validate`); "
              "--no-findings keeps memory flat on very large files (the claims are not held "
              "for validation).")
@GAZETTEER
@STRICT
@DB
@click.option("--type", "type_", default=None, help="With --db: claims of this type only.")
@click.option("--country", default=None, metavar="CODE",
              help="With --db: claims naming this country (ISO 3166 code) only.")
@click.option("--from", "date_from", default=None, metavar="DATE",
              help="With --db: claims dated on or after (ISO).")
@click.option("--to", "date_to", default=None, metavar="DATE",
              help="With --db: claims dated on or before (ISO).")
def view(files: tuple[str, ...], output: str, findings: bool, gazetteer: tuple[str, ...],
         strict: bool, db: str | None, **filters: Any) -> None:
    """Write a self-contained, interactive HTML report of claims, evidence and findings.

    The records are read one at a time and the page's data is spooled to a
    temporary file; validation holds the claims and texts in a compact form
    (about a quarter of the memory of the records as parsed).
    """
    from claimkit.report import render

    check_output(output)
    refuse_input_as_output(output, files, "a claims file")
    if not files:
        stats = view_db(db, output, findings, filters)
        note(f"wrote {output}: {stats.documents} document(s), {stats.claims} claim(s), "
             f"{stats.findings} finding(s), {stats.bytes / 1e6:.1f} MB")
        return
    reader = ClaimsReader(strict)
    options = gazetteer_options(gazetteer) if findings else {}
    stats = render(reader.records(files), output, validate=findings, **options)
    note(f"wrote {output}: {stats.documents} document(s), {stats.claims} claim(s), "
          f"{stats.findings} finding(s), {stats.bytes / 1e6:.1f} MB")
    if reader.bad:
        sys.exit(reader.exit_code())
