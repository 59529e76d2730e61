"""The HTML report: renders the sample output, escapes article text, stands alone."""

from __future__ import annotations

import re
from pathlib import Path

from claimkit.consistency import validate
from claimkit.report import render_html
from claimkit.schemas import Actor, Document, DocumentClaims, Failure, Refusal, Span

from ._gold_claims import gold_records


def test_renders_the_sample_claims_with_findings(gold_dir: Path, articles_dir: Path) -> None:
    records = gold_records(gold_dir, articles_dir)
    report = validate(records)
    page = render_html(records, report)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for r in records:
        assert r.document.id in page
    # every evidence span is highlighted, and the findings are grouped under their events
    n_spans = sum(len(c.evidence) for r in records for c in r.claims)
    assert page.count("<mark>") >= n_spans
    assert "Findings by event" in page and "corroboration" in page
    assert "meeting · London · 2025-03-02" in page
    # self-contained: no external scripts, styles, images or fonts
    assert not re.search(r"<(script|link|img|iframe)\b", page, re.IGNORECASE)
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]


def test_escapes_script_in_article_text_and_claims() -> None:
    text = "Intro. <script>alert('x')</script> The minister refused to sign. End."
    quote = "The minister refused to sign"
    i = text.find(quote)
    claim = Refusal(doc_id="evil", actor=[Actor(text="<b>Minister</b>")], what="<img src=x onerror=alert(1)>",
                    evidence=[Span(start=i, end=i + len(quote), text=quote)])
    rec = DocumentClaims(document=Document(id="evil<1>", text=text, title="<script>t()</script>"),
                         claims=[claim])
    fail = Failure(doc_id="f", kind="decode", message="<script>bad()</script>")
    page = render_html([rec, fail], validate([rec]))
    assert "<script>" not in page and "<img" not in page and "<b>Minister" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x" in page
    assert f"<mark>{quote}</mark>" in page


def test_without_report_there_is_no_findings_section() -> None:
    rec = DocumentClaims(document=Document(id="a", text="Nothing."), claims=[])
    page = render_html([rec])
    assert "Findings by event" not in page and "No claims." in page


def test_cli_view_writes_the_page(tmp_path: Path, gold_dir: Path, articles_dir: Path) -> None:
    from click.testing import CliRunner

    from claimkit.cli import main

    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(r.model_dump_json() + "\n" for r in gold_records(gold_dir, articles_dir)),
                      encoding="utf-8")
    out = tmp_path / "report.html"
    res = CliRunner().invoke(main, ["view", str(claims), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Findings by event" in out.read_text(encoding="utf-8")
