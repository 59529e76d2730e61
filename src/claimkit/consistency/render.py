"""Terminal rendering of a :class:`ValidationReport` (rich), for the ``validate`` command.

Returns renderables; never prints (the caller owns the console).
"""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.table import Table
from rich.text import Text

from claimkit.consistency.models import Finding, Severity, ValidationReport

__all__ = ["report_table"]

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def report_table(report: ValidationReport, *, max_rows: int = 2000) -> RenderGroup:
    """A table of findings grouped by event (worst groups first) and a summary line.

    Args:
        report: what :func:`~claimkit.consistency.validate` returned.
        max_rows: rows shown at most (a large corpus has many corroborations).
    """
    groups = report.group_by_id()
    by_group = report.findings_by_group()
    order = sorted(by_group.items(), key=lambda kv: (-max(f.severity.rank for f in kv[1]), kv[0] or ""))
    table = Table(show_lines=False, expand=False, title="claimkit validate")
    table.add_column("event group", overflow="fold", max_width=48)
    table.add_column("severity")
    table.add_column("kind")
    table.add_column("finding", overflow="fold")
    rows = 0
    for gid, findings in order:
        g = groups.get(gid) if gid else None
        head = f"{g.label}\n[dim]{len(g.doc_ids)} doc(s)[/dim]" if g else "(no group)"
        for n, f in enumerate(findings):
            if rows >= max_rows:
                break
            table.add_row(head if n == 0 else "", _sev(f), f.kind, Text(f.message))
            rows += 1
        if rows >= max_rows:
            break
    c = report.counts()
    summary = Text(
        f"{report.n_claims} claims, {report.n_documents} documents, {len(report.groups)} groups: "
        f"{c[Severity.error]} error(s), {c[Severity.warning]} warning(s), {c[Severity.info]} info"
        + (f" (first {max_rows} rows shown)" if len(report.findings) > max_rows else "")
    )
    return RenderGroup(table, summary)


def _sev(f: Finding) -> Text:
    return Text(f.severity.value, style=_STYLE.get(Severity(f.severity), ""))
