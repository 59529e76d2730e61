"""Terminal rendering of a :class:`ValidationReport` (rich), for the ``validate`` command.

Returns renderables; never prints (the caller owns the console). What a claims file
wrote (a document id, an actor's name) is shown with its control characters escaped
(:func:`claimkit.io.one_line`): an escape sequence in a record never reaches the terminal.

The table's column widths are computed here from the console's width and the
rows shown (the lengths of their strings), not measured by rich cell by cell:
rich's measuring pass wraps every cell once more before rendering it, which
was half the cost of printing 2,000 rows (``bench/validate.py`` prints the
table's time beside the JSONL output's).
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.console import Group as RenderGroup
from rich.table import Table
from rich.text import Text

from claimkit.consistency.models import EventGroup, Finding, Severity, ValidationReport
from claimkit.io import one_line

__all__ = ["report_table"]

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}
_HEADERS = ("event group", "severity", "kind", "finding")
#: the event group column's widest
_GROUP_WIDTH = 48
#: the finding column gets at least this much; a narrower console gets rich's own measuring
_MIN_FINDING = 20
#: a table of four columns: five borders and one space either side of each cell
_CHROME = 5 + 4 * 2

_Row = tuple[Text, Text, Text, Text]


def report_table(report: ValidationReport, *, max_rows: int = 2000) -> RenderGroup:
    """A table of findings grouped by event (worst groups first) and a summary line.

    Args:
        report: what :func:`~claimkit.consistency.validate` returned.
        max_rows: rows shown at most (a large corpus has many corroborations).
    """
    c = report.counts()
    summary = Text(
        f"{report.n_claims} claims, {report.n_documents} documents, {len(report.groups)} groups: "
        f"{c[Severity.error]} error(s), {c[Severity.warning]} warning(s), {c[Severity.info]} info"
        + (f" (first {max_rows} rows shown)" if len(report.findings) > max_rows else "")
    )
    return RenderGroup(_FindingsTable(list(_rows(report, max_rows))), summary)


def _rows(report: ValidationReport, max_rows: int) -> Iterator[_Row]:
    groups = report.group_by_id()
    by_group = report.findings_by_group()
    order = sorted(by_group.items(), key=lambda kv: (-max(f.severity.rank for f in kv[1]), kv[0] or ""))
    rows = 0
    for gid, findings in order:
        head = _head(groups.get(gid) if gid else None)
        for n, f in enumerate(findings):
            if rows >= max_rows:
                return
            yield head if n == 0 else Text(), _sev(f), Text(one_line(f.kind)), Text(one_line(f.message))
            rows += 1


def _head(g: EventGroup | None) -> Text:
    if g is None:
        return Text("(no group)")
    return Text.assemble(one_line(g.label), "\n", (f"{len(g.doc_ids)} doc(s)", "dim"))


class _FindingsTable:
    """The findings table, its column widths fixed from the console's width."""

    def __init__(self, rows: list[_Row]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._table(options.max_width)

    def _table(self, width: int) -> Table:
        sev = max([len(_HEADERS[1])] + [len(r[1].plain) for r in self.rows])
        kind = max([len(_HEADERS[2])] + [cell_len(r[2].plain) for r in self.rows])
        group = min(_GROUP_WIDTH, max([len(_HEADERS[0])] + [_head_width(r[0].plain) for r in self.rows]))
        finding = min(width - _CHROME - sev - kind - group,
                      max([len(_HEADERS[3])] + [cell_len(r[3].plain) for r in self.rows]))
        fixed = finding >= _MIN_FINDING
        table = Table(show_lines=False, expand=False, title="claimkit validate")
        table.add_column(_HEADERS[0], overflow="fold", max_width=_GROUP_WIDTH, width=group if fixed else None)
        table.add_column(_HEADERS[1], width=sev if fixed else None)
        table.add_column(_HEADERS[2], width=kind if fixed else None)
        table.add_column(_HEADERS[3], overflow="fold", width=finding if fixed else None)
        for row in self.rows:
            table.add_row(*row)
        return table


def _head_width(head: str) -> int:
    return max((cell_len(line) for line in head.split("\n")), default=0)


def _sev(f: Finding) -> Text:
    return Text(f.severity.value, style=_STYLE.get(Severity(f.severity), ""))
