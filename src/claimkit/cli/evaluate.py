"""``claimkit eval``: predicted claims scored against gold claims."""

from __future__ import annotations

import sys
from typing import Any

import click

from claimkit.cli.app import STRICT, ClaimsReader, fail, main


def _check_common(predictions: str, gold: str, records: list[Any], unscored: list[str],
                  gold_ids: set[str], bad_lines: int) -> None:
    """No predicted document has gold: one line and exit 2 instead of a table of zeros."""
    from claimkit.schemas import DocumentClaims

    ids = [r.document.id for r in records if isinstance(r, DocumentClaims)]
    if ids and len(unscored) < len(ids):
        return
    if not ids:
        if bad_lines:
            return  # its bad lines were reported: exit 1 below
        fail(f"{predictions}: no document records to score")
    theirs = ", ".join(sorted(gold_ids)[:3]) or "none"
    fail(f"no document ids in common between {predictions} ({', '.join(ids[:3])}"
         f"{', ...' if len(ids) > 3 else ''}) and the gold in {gold} ({theirs}"
         f"{', ...' if len(gold_ids) > 3 else ''}); nothing to score")


@main.command(name="eval")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, file_okay=False),
              help="Directory of gold *.jsonl files.")
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--events", "events", type=click.Path(exists=True, dir_okay=False), default=None,
              help="An event gold (which gold claims report the same event): also score the "
              "validator's links and findings on the predictions against it.")
@STRICT
def eval_(gold: str, predictions: str, as_json: bool, events: str | None, strict: bool) -> None:
    """Score predicted claims against gold claims (precision, recall, F1)."""
    import json

    from claimkit.evaluate import evaluate, evaluate_events, format_events, format_table
    from claimkit.gold import load_gold
    from claimkit.io import compact_records

    reader = ClaimsReader(strict, note_empty=False)  # an empty file: "no document records to score"
    # held compact (a quarter of the memory; equal values): scoring only reads them
    records = list(compact_records(reader.records((predictions,)), in_place=True))
    gold_claims = load_gold(gold)
    report = evaluate(gold_claims, records)
    _check_common(predictions, gold, records, report.unscored_docs, {g.doc for g in gold_claims},
                  reader.bad)
    ev = evaluate_events(events, gold, records) if events else None
    if as_json:
        out = report.to_dict()
        if ev is not None:
            out["events"] = {"links": ev.links.to_dict(), "findings": ev.findings.to_dict(),
                             "false_findings": ev.false_findings, "unreachable": ev.unreachable}
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(report))
        if ev is not None:
            click.echo("")
            click.echo(format_events(ev))
    if reader.bad:
        sys.exit(reader.exit_code())
