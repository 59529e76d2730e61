"""``claimkit import``, ``export``, ``query``: the claim store (``--db URL`` or ``CLAIMKIT_DB``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import click

from claimkit.cli.app import (
    EXIT_OK,
    GAZETTEER,
    STRICT,
    ClaimsReader,
    check_output,
    gazetteer_options,
    main,
    note,
    open_output,
    refuse_input_as_output,
)
from claimkit.io import cell_text, write_csv

if TYPE_CHECKING:
    from claimkit.consistency.models import ValidationReport
    from claimkit.store import ClaimStore

DB = click.option("--db", "db", default=None, metavar="URL",
                  help="Claim store: a SQLite file path or a SQLAlchemy URL "
                  "(postgresql://user@host/db); default CLAIMKIT_DB.")


def db_files(url: str | None) -> list[str]:
    """The file of a SQLite store (``--db`` or ``CLAIMKIT_DB``), as a list: none for a
    server's database, or when no store is named (opening it says so)."""
    from claimkit.errors import ConfigError
    from claimkit.store import resolve_url

    try:
        resolved = resolve_url(url)
    except ConfigError:
        return []
    if not resolved.startswith("sqlite:///"):
        return []
    from sqlalchemy.engine import make_url

    path = make_url(resolved).database
    if path and path.startswith("file:"):  # a SQLite URI filename (``?mode=ro&uri=true``)
        path = path[len("file:"):]
    return [path] if path and path != ":memory:" else []


def open_db(url: str | None, *, existing: bool = False) -> ClaimStore:
    """The store (created or migrated), announced on stderr when migrated.

    ``existing``: a command that only reads the store (export, query, view, validate)
    refuses a SQLite file that is not there, instead of making an empty store (and its
    folders) at a mistyped path."""
    from claimkit.store import open_store
    from claimkit.store.tables import SCHEMA_HEAD

    if existing:
        from pathlib import Path

        from claimkit.store._engine import StoreError

        for path in db_files(url):
            if not Path(path).exists():
                raise StoreError(path, "no claim store here (make one with claimkit import "
                                       "or extract --db)")
    store = open_store(url)
    if store.migrated_from not in (None, SCHEMA_HEAD):
        note(f"{store.url}: schema {store.migrated_from} migrated to the newest")
    return store


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@DB
@GAZETTEER
@STRICT
def import_(files: tuple[str, ...], db: str | None, gazetteer: tuple[str, ...],
            strict: bool) -> None:
    """Load JSONL claims files into the store (a document already stored is skipped)."""
    from claimkit.store import RunInfo

    reader = ClaimsReader(strict)
    with open_db(db) as store:
        writer = store.writer(RunInfo("import"), **gazetteer_options(gazetteer))
        try:
            counts = writer.add(reader.records(files))
        finally:
            writer.close()
        note(f"{counts.describe()} -> {store.url}")
    sys.exit(reader.exit_code(EXIT_OK))


@main.command()
@DB
@click.option("-o", "--output", default=None, help="Output file (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True, help="jsonl: the records as extracted (lossless); csv, "
              "parquet: one flat row per claim (parquet needs -o and claimkit[parquet]).")
def export(db: str | None, output: str | None, fmt: str) -> None:
    """Write the store's records out as JSONL, CSV or Parquet."""
    check_output(output)
    refuse_input_as_output(output, db_files(db), "the claim store")
    with open_db(db, existing=True) as store:
        if fmt == "parquet":
            n = store.export(None, path=output, fmt=fmt)
        else:
            fh = open_output(output, append=False)
            try:
                n = store.export(fh, fmt=fmt)
            finally:
                if fh is not sys.stdout:
                    fh.close()
    note(f"{n} {'records' if fmt == 'jsonl' else 'claims'} exported")


@main.command()
@DB
@click.option("--type", "type_", default=None, help="Claim type (pledge, refusal, ...).")
@click.option("--actor", default=None, help="An actor's name as written or canonical.")
@click.option("--country", default=None, metavar="CODE", help="ISO 3166 code of a country actor.")
@click.option("--from", "date_from", default=None, metavar="DATE", help="Dated on or after (ISO).")
@click.option("--to", "date_to", default=None, metavar="DATE", help="Dated on or before (ISO).")
@click.option("--language", default=None, help="Document language (ISO 639-1).")
@click.option("--modality", default=None, help="asserted, conditional, tentative, ...")
@click.option("--text", default=None, help="Words in the evidence (case-insensitive).")
@click.option("--finding", default=None, metavar="KIND",
              help="Claims named by a finding of this kind (after validate --db).")
@click.option("--min-sources", type=click.IntRange(1), default=None, metavar="N",
              help="Claims of an event reported by at least N independent outlets.")
@click.option("--groups", is_flag=True,
              help="List event groups (with --min-sources, --type) instead of claims.")
@click.option("--limit", type=click.IntRange(0), default=1000, show_default=True,
              help="At most this many rows (0: all).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="table: readable; json: one JSON array; csv: flat rows.")
def query(db: str | None, groups: bool, fmt: str, **filters: Any) -> None:
    """Claims (or event groups) of the store matching the filters."""
    from claimkit.store.query import ClaimQuery

    limit = filters.pop("limit") or None
    with open_db(db, existing=True) as store:
        if groups:
            rows: list[Any] = store.groups(min_sources=filters["min_sources"] or 1,
                                           type=filters["type_"], limit=limit)
        else:
            rows = store.query(ClaimQuery(
                type=filters["type_"], actor=filters["actor"], country=filters["country"],
                date_from=filters["date_from"], date_to=filters["date_to"],
                language=filters["language"], modality=filters["modality"],
                text=filters["text"], finding=filters["finding"],
                min_sources=filters["min_sources"], limit=limit))
    _print_rows([asdict(r) for r in rows], fmt, groups)
    note(f"{len(rows)} {'groups' if groups else 'claims'}")


def _print_rows(rows: list[dict[str, Any]], fmt: str, groups: bool) -> None:
    if fmt == "json":
        click.echo(json.dumps(list(_shown(rows, keep_data=True)), ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        if rows:
            write_csv(sys.stdout, rows[0], rows)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cols = (["group_id", "type", "label", "sources", "n_claims", "languages", "date_from"]
            if groups else ["claim_id", "type", "actors", "date_value", "language", "evidence"])
    table = Table(*cols)
    for row in rows:  # as Text: a "[/]" in a stored name is no rich markup (it raised MarkupError)
        table.add_row(*(Text(cell_text(str(row[c] if row[c] is not None else "")[:120])) for c in cols))
    Console(soft_wrap=False).print(table)


def _shown(rows: list[dict[str, Any]], keep_data: bool) -> Iterator[dict[str, Any]]:
    for row in rows:
        if "data" in row and keep_data:
            row = {**row, "data": json.loads(row["data"])}
        yield row


def validate_db(db: str | None, new: str | None, full: bool, reader: ClaimsReader,
                options: dict[str, Any]) -> ValidationReport:
    """``validate --db``: import ``--new FILE`` (or take run ``--new N``), validate what is new,
    store the findings; the report of the components validated."""
    from pathlib import Path

    from claimkit.consistency.models import ValidationReport
    from claimkit.errors import ConfigError
    from claimkit.store import RunInfo

    if db is None and not _env_db():
        raise ConfigError("validate needs claims FILES, or --db URL (or CLAIMKIT_DB)")
    groups: list[Any] = []
    findings: list[Any] = []
    n_claims = n_docs = 0
    # a new file may start a store; a run id or nothing only reads one
    with open_db(db, existing=new is None or not Path(new).is_file()) as store:
        seqs: list[int] = []
        if new is not None and Path(new).is_file():
            writer = store.writer(RunInfo("validate --new"), **options)
            try:
                writer.add(reader.records((new,)))
            finally:
                writer.close()
        elif new is not None:
            if not new.isdigit():
                raise ConfigError(f"--new {new}: neither a file nor a run id")
            seqs = store.run_claims(int(new))
        for report in store.validate(new=seqs, full=full, **options):
            groups.extend(report.groups)
            findings.extend(report.findings)
            n_claims += report.n_claims
            n_docs += report.n_documents
    return ValidationReport.model_construct(groups=groups, findings=findings, n_claims=n_claims,
                                            n_documents=n_docs)


def _env_db() -> bool:
    import os

    from claimkit.store import ENV_DB

    return bool(os.environ.get(ENV_DB))


def view_db(db: str | None, output: str, findings: bool, filters: dict[str, Any]) -> Any:
    """``view --db``: the report of the stored records (optionally only the claims matching
    ``filters``) with the findings the last validations stored."""
    from claimkit.store.query import ClaimQuery

    if db is None and not _env_db():
        from claimkit.errors import ConfigError

        raise ConfigError("view needs claims FILES, or --db URL (or CLAIMKIT_DB)")
    from claimkit.report import render

    check_output(output)
    refuse_input_as_output(output, db_files(db), "the claim store")
    with open_db(db, existing=True) as store:
        keep: set[tuple[str, str]] | None = None
        if any(filters.values()):
            rows = store.query(ClaimQuery(type=filters["type_"], country=filters["country"],
                                          date_from=filters["date_from"],
                                          date_to=filters["date_to"], limit=None))
            keep = {(r.doc_id, r.claim_id) for r in rows}
        report = store.stored_report() if findings else None
        if report is not None and keep is not None:
            ids = {cid for _, cid in keep}
            report = report.model_copy(update={
                "findings": [f for f in report.findings if ids.intersection(f.claims)]})
        return render(_kept(store.records(), keep), output, report=report, validate=False)


def _kept(records: Iterator[Any], keep: set[tuple[str, str]] | None) -> Iterator[Any]:
    from claimkit.schemas import DocumentClaims

    for record in records:
        if keep is None:
            yield record
        elif isinstance(record, DocumentClaims):
            claims = [c for c in record.claims if (record.document.id, c.id) in keep]
            if claims:
                yield record.model_copy(update={"claims": claims})
