"""An interactive, self-contained HTML report of claims, their evidence and findings.

``render(records, "report.html")`` streams the records: each document becomes
one compact JSON object spooled to a temporary file as it passes, and the
findings are those of :func:`claimkit.consistency.validate` on the same
records, held in their compact form (:class:`claimkit.io.Compactor`) while
validation needs them. The page is a jinja2 template with
autoescaping; the data travels as one JSON blob that a small inline script
renders lazily (a virtual document list; a document's text is built when it is
opened), always with ``textContent``, never as HTML. A Content-Security-Policy
allows only that script (by hash) and inline styles: the page makes no request.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any

import jinja2

from claimkit.consistency.engine import validate as run_validation
from claimkit.consistency.models import ValidationReport
from claimkit.io import Compactor
from claimkit.report.payload import document_payload, dumps, findings_payload, group_payload, outlet
from claimkit.schemas import DocumentClaims, Failure

__all__ = ["ReportStats", "render", "render_html"]

#: background colours of claim types, in order of first appearance (sorted by name)
PALETTE = (
    "#ffd66b", "#9fd3ff", "#ffadad", "#b9f0a8", "#d7b8ff",
    "#ffc999", "#9ff0e0", "#f7b6e3", "#dede8c", "#c2c9d6",
)

_MARKER = "@@CLAIMKIT-DATA@@"


@dataclass
class ReportStats:
    """What :func:`render` wrote."""

    documents: int = 0
    claims: int = 0
    failures: int = 0
    findings: int = 0
    bytes: int = 0
    types: list[str] = field(default_factory=list)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("claimkit.report", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def _page_js() -> tuple[str, str]:
    """The page's script and its CSP hash."""
    source = _environment().loader.get_source(_environment(), "report.js")[0]  # type: ignore[union-attr]
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return source, f"'sha256-{digest}'"


class _Collector:
    """Spools document payloads and keeps what the header and the findings panel need."""

    def __init__(self, spool: IO[str]) -> None:
        self.spool = spool
        self.stats = ReportStats()
        self.failures: list[Failure] = []
        self.claim_docs: dict[str, str] = {}
        self.outlets: dict[str, str | None] = {}
        self.types: set[str] = set()

    def feed(self, records: Iterable[DocumentClaims | Failure]) -> Iterator[DocumentClaims]:
        """Spool each record's payload as it passes; yield the document records, compact.

        Validation consumes what this yields: it holds the records compacted
        in place (:class:`claimkit.io.Compactor`: each value replaced by an
        equal one, a quarter of the memory; only object identities change) and
        validates exactly what ``claimkit validate`` would.
        """
        compactor = Compactor(in_place=True)
        for rec in records:
            self.add(rec)
            if isinstance(rec, DocumentClaims):
                yield compactor.record(rec)

    def add(self, rec: DocumentClaims | Failure) -> None:
        if isinstance(rec, Failure):
            self.failures.append(rec)
            return
        self.spool.write(("," if self.stats.documents else "") + dumps(document_payload(rec)))
        self.stats.documents += 1
        self.stats.claims += len(rec.claims)
        doc = rec.document
        self.outlets[doc.id] = outlet(doc)
        for c in rec.claims:
            self.claim_docs[c.id] = doc.id
            self.types.add(c.type)


def render(
    records: Iterable[DocumentClaims | Failure],
    output: str | os.PathLike[str] | IO[str],
    *,
    report: ValidationReport | None = None,
    validate: bool = True,
    title: str = "claimkit report",
    **validate_options: Any,
) -> ReportStats:
    """Write the interactive HTML report of some claim records.

    Args:
        records: ``DocumentClaims`` and ``Failure`` records, read one at a time
            (a generator over a large file keeps memory bounded).
        output: a path (parent folders are created) or a text stream.
        report: findings to show; None (the default) validates the records here.
        validate: with ``report=None``, False leaves the findings out.
        title: the page title.
        **validate_options: passed to :func:`claimkit.consistency.validate`
            (``gazetteer=``, ``places=``, ``affiliations=``).

    Returns:
        Counts of what the page holds and its size in bytes.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        col = _Collector(spool)
        if report is None and validate:
            report = run_validation(col.feed(records), **validate_options)
        else:
            for rec in records:  # nothing held: memory stays flat
                col.add(rec)
        spool.seek(0)
        if isinstance(output, (str, os.PathLike)):
            path = Path(output)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                _write(fh, spool, col, report, title)
            col.stats.bytes = path.stat().st_size
        else:
            col.stats.bytes = _write(output, spool, col, report, title)
    return col.stats


def _write(
    out: IO[str], spool: IO[str], col: _Collector, report: ValidationReport | None, title: str
) -> int:
    types = sorted(col.types)
    col.stats.types = types
    col.stats.failures = len(col.failures)
    col.stats.findings = len(report.findings) if report is not None else 0
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(types))]
    script, script_hash = _page_js()
    page = _environment().get_template("report.html.j2").render(
        title=title, stats=col.stats, counts=report.counts() if report else None,
        failures=col.failures, types=types, colors=colors,
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        data=_MARKER, script=script, script_hash=script_hash,
    )
    head, end = page.split(_MARKER)
    size = 0

    def write(text: str) -> None:
        nonlocal size
        out.write(text)
        size += len(text.encode("utf-8"))

    write(head + '{"docs":[')
    while chunk := spool.read(1 << 20):
        write(chunk)
    write(f'],"types":{dumps(types)},"colors":{dumps(colors)},"findings":')
    _write_tail(write, report, col)
    write(end)
    return size


def _write_tail(write: Callable[[str], None], report: ValidationReport | None, col: _Collector) -> None:
    """The findings and groups of the page's data, one item at a time (the same bytes as
    one ``dumps`` of them all, without holding the whole text of 100k findings at once)."""
    if report is None:
        write('null,"groups":{}}')
        return
    write("[")
    for i, item in enumerate(findings_payload(report.findings, col.claim_docs)):
        write(("," if i else "") + dumps(item))
    write('],"groups":{')
    for i, g in enumerate(report.groups):
        write(("," if i else "") + dumps(g.id) + ":" + dumps(group_payload(g, col.outlets)))
    write("}}")


def render_html(
    records: Iterable[DocumentClaims | Failure], report: ValidationReport | None = None
) -> str:
    """The report as a string, with the findings of ``report`` (None: no findings panel)."""
    buf = io.StringIO()
    render(records, buf, report=report, validate=False)
    return buf.getvalue()


