"""The static HTML page that ``claimkit view`` wrote before the interactive report.

Kept only as the baseline of ``bench/report.py`` (size, build and load time
measured in the same run); not part of the package.
"""

# The old module's docstring: a single self-contained HTML page of documents,
# claims, evidence and findings. No external assets (inline CSS, no script), and every piece of text from an
# article, a claim or a finding is HTML-escaped, so a page built from hostile
# articles cannot run code in the reader's browser.

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape
from typing import Any

from claimkit.consistency.models import Finding, ValidationReport
from claimkit.schemas import ClaimBase, Document, DocumentClaims, Failure, Span

__all__ = ["render_html"]

#: characters of article text shown on each side of an evidence span
CONTEXT = 90

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:2em}
h3{font-size:1.05em;margin-bottom:.3em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}mark{background:#ffe066;padding:0 .1em}
.ctx{color:#555;font-size:.92em}.bad{color:#b00}.muted{color:#777}
.error{color:#fff;background:#c0392b}.warning{background:#f6c343}.info{background:#d6eaf8}
.sev{padding:0 .4em;border-radius:3px;font-size:.85em}
details{margin:.4em 0}summary{cursor:pointer}
"""


def render_html(
    records: Iterable[DocumentClaims | Failure], report: ValidationReport | None = None
) -> str:
    """The HTML report of some output records (and, optionally, their validation).

    Args:
        records: the records of one or more claim files.
        report: findings to show grouped by event; None leaves that section out.

    Returns:
        A complete HTML document as a string.
    """
    docs: list[DocumentClaims] = []
    failures: list[Failure] = []
    for r in records:
        (docs if isinstance(r, DocumentClaims) else failures).append(r)  # type: ignore[arg-type]
    n_claims = sum(len(d.claims) for d in docs)
    out: list[str] = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>claimkit report</title><style>{_CSS}</style></head><body>",
        "<h1>claimkit report</h1>",
        f"<p>{len(docs)} document(s), {n_claims} claim(s), {len(failures)} failure(s)"
        + (_counts(report) if report is not None else "")
        + f". Generated {escape(dt.datetime.now().strftime('%Y-%m-%d %H:%M'))}.</p>",
    ]
    out.append(_documents_index(docs))
    if report is not None:
        out.append(_findings(report, {c.id: c for d in docs for c in d.claims}))
    for d in docs:
        out.append(_document(d))
    if failures:
        out.append("<h2>Failures</h2><table><tr><th>document</th><th>stage</th><th>kind</th>"
                   "<th>message</th></tr>")
        for f in failures:
            out.append(
                f"<tr><td>{_e(f.doc_id or f.source)}</td><td>{_e(f.stage)}</td>"
                f"<td>{_e(f.kind)}</td><td>{_e(f.message)}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def _e(value: Any) -> str:
    if value is None:
        return ""
    return escape(str(getattr(value, "value", value)), quote=True)


def _anchor(doc_id: str) -> str:
    return "doc-" + "".join(ch if ch.isalnum() else "-" for ch in doc_id)


def _counts(report: ValidationReport) -> str:
    c = report.counts()
    return f", {c['error']} error(s), {c['warning']} warning(s), {c['info']} info finding(s)"


def _documents_index(docs: list[DocumentClaims]) -> str:
    rows = [("<h2>Documents</h2><table><tr><th>document</th><th>title</th><th>published</th>"
            "<th>language</th><th>claims</th><th>backend</th></tr>")]
    for d in docs:
        doc = d.document
        rows.append(
            f"<tr><td><a href='#{_anchor(doc.id)}'>{_e(doc.id)}</a></td><td>{_e(doc.title)}</td>"
            f"<td>{_e(doc.published)}</td><td>{_e(doc.language)}</td>"
            f"<td>{len(d.claims)}</td><td>{_e(d.backend)} {_e(d.model)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _findings(report: ValidationReport, claims: dict[str, ClaimBase]) -> str:
    groups = report.group_by_id()
    parts = ["<h2>Findings by event</h2>"]
    by_group = report.findings_by_group()
    order = sorted(by_group.items(), key=lambda kv: (-max(f.severity.rank for f in kv[1]), kv[0] or ""))
    if not order:
        parts.append("<p class='muted'>No findings.</p>")
    for gid, findings in order:
        g = groups.get(gid) if gid else None
        title = _e(g.label) if g else "Not tied to one event"
        docs = f" <span class='muted'>({len(g.doc_ids)} document(s): {_e(', '.join(g.doc_ids[:8]))})</span>" if g else ""
        parts.append(f"<h3>{title}{docs}</h3><ul>")
        for f in findings:
            parts.append(f"<li>{_finding(f, claims)}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def _finding(f: Finding, claims: dict[str, ClaimBase]) -> str:
    sev = f.severity.value
    quotes = "; ".join(f"“{_e(s.text[:120])}” <span class='muted'>({_e(doc)})</span>" for doc, s in f.spans[:4])
    return (
        f"<span class='sev {sev}'>{sev}</span> <b>{_e(f.kind)}</b>: {_e(f.message)}"
        + (f"<div class='ctx'>{quotes}</div>" if quotes else "")
    )


def _document(d: DocumentClaims) -> str:
    doc = d.document
    parts = [
        f"<h2 id='{_anchor(doc.id)}'>{_e(doc.id)}</h2>",
        (f"<p><b>{_e(doc.title)}</b> <span class='muted'>{_e(doc.published)} {_e(doc.language)} "
        f"{_e(doc.url or doc.source)}</span></p>"),
    ]
    by_type: dict[str, list[ClaimBase]] = {}
    for c in d.claims:
        by_type.setdefault(c.type, []).append(c)
    if not by_type:
        parts.append("<p class='muted'>No claims.</p>")
    for type_, claims in sorted(by_type.items()):
        parts.append(f"<h3>{_e(type_)} ({len(claims)})</h3><table><tr><th>actor</th><th>date</th>"
                     "<th>details</th><th>evidence in context</th></tr>")
        for c in claims:
            parts.append(
                f"<tr><td>{_e(', '.join(a.label for a in c.actor))}</td><td>{_date(c)}</td>"
                f"<td>{_details(c)}</td><td>{_evidence(doc, c)}</td></tr>"
            )
        parts.append("</table>")
    parts.append(f"<details><summary>Article text ({len(doc.text)} characters)</summary>"
                 f"<pre style='white-space:pre-wrap'>{_e(doc.text)}</pre></details>")
    return "\n".join(parts)


def _date(c: ClaimBase) -> str:
    if c.date is None:
        return ""
    value = _e(c.date.value) or "<span class='bad'>unresolved</span>"
    raw = f"<div class='muted'>“{_e(c.date.raw)}”</div>" if c.date.raw else ""
    return value + raw


_SKIP = {"id", "doc_id", "type", "actor", "evidence", "date", "ungrounded"}


def _details(c: ClaimBase) -> str:
    rows = []
    for name, value in c.model_dump(mode="json", exclude_none=True).items():
        if name in _SKIP or value in ([], {}, ""):
            continue
        rows.append(f"<b>{_e(name)}</b>: {_e(_short(value))}")
    if c.ungrounded:
        rows.append(f"<span class='bad'>not found in text: {_e('; '.join(c.ungrounded))}</span>")
    rows.append(f"<span class='muted'>{_e(c.id)}</span>")
    return "<br>".join(rows)


def _short(value: Any) -> str:
    if isinstance(value, dict):
        if "name" in value or "text" in value:
            return str(value.get("name") or value.get("text"))
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return ", ".join(_short(v) for v in value)
    return str(value)


def _evidence(doc: Document, c: ClaimBase) -> str:
    return "".join(f"<div class='ctx'>{_in_context(doc.text, s)}</div>" for s in c.evidence)


def _in_context(text: str, s: Span) -> str:
    if not (0 <= s.start <= s.end <= len(text)) or text[s.start : s.end] != s.text:
        return f"<mark>{_e(s.text)}</mark> <span class='bad'>(span does not match the text)</span>"
    before = text[max(0, s.start - CONTEXT) : s.start]
    after = text[s.end : s.end + CONTEXT]
    return (
        ("…" if s.start > CONTEXT else "") + _e(before) + f"<mark>{_e(s.text)}</mark>" + _e(after)
        + ("…" if s.end + CONTEXT < len(text) else "")
    )
