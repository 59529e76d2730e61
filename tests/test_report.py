"""The HTML report without a browser: the page's data, escaping, streaming, the CLI.

The browser tests (tests/test_report_browser.py) click through the same pages.
"""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from claimkit.consistency import Finding, Severity, ValidationReport, validate
from claimkit.report import render, render_html
from claimkit.report.payload import dumps, findings_payload
from claimkit.schemas import Actor, DateRef, Document, DocumentClaims, Failure, Refusal, Span

from ._gold_claims import gold_records

_DATA = re.compile(r'<script type="application/json" id="ck-data">(.*?)</script>', re.S)


def page_data(page: str) -> dict[str, Any]:
    """The JSON blob the page's script reads."""
    m = _DATA.search(page)
    assert m, "no data blob"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def _refusal(doc_id: str, text: str, quote: str, **kw: Any) -> Refusal:
    i = text.find(quote)
    return Refusal(doc_id=doc_id, actor=[Actor(text="Rome", name="Italy", kind="country", iso_code="IT")],
                   evidence=[Span(start=i, end=i + len(quote), text=quote)], **kw)


def test_sample_claims_travel_whole_in_the_data(gold_dir: Path, articles_dir: Path) -> None:
    records = gold_records(gold_dir, articles_dir)
    page = render_html(records, validate(records))
    data = page_data(page)
    assert [d["id"] for d in data["docs"]] == [r.document.id for r in records]
    for rec, d in zip(records, data["docs"], strict=True):
        assert d["text"] == rec.document.text  # the full text, not a context window
        assert [c["id"] for c in d["claims"]] == [c.id for c in rec.claims]
        for claim, c in zip(rec.claims, d["claims"], strict=True):
            assert [s[:2] for s in c["sp"]] == [[s.start, s.end] for s in claim.evidence]
            assert all(len(s) == 3 for s in c["sp"])  # every gold span matches its text
    assert data["types"] == sorted({c.type for r in records for c in r.claims})
    kinds = [f["kind"] for f in data["findings"]]
    assert "corroboration" in kinds
    assert any(g["label"].startswith("meeting · London · 2025-03-02") for g in data["groups"].values())


def test_page_is_self_contained_with_one_hashed_script(gold_dir: Path, articles_dir: Path) -> None:
    page = render_html(gold_records(gold_dir, articles_dir))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc=", page, re.I)
    csp = r"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'; "
    assert re.search(csp, html.unescape(page))
    assert "http://" not in page and "https://" not in page  # no URL at all in the sample page
    assert page_data(page)["findings"] is None  # no report given: no findings panel


def test_hostile_text_stays_data() -> None:
    text = ('Intro </script><script>alert(1)</script> <img src=x onerror=alert(2)> '
            '<svg onload=alert(3)> "\' The minister refused to sign. <!-- end')
    claim = _refusal("evil", text, "The minister refused to sign", what="<img src=x onerror=alert(4)>")
    rec = DocumentClaims(document=Document(id="e\"vil<1>", text=text, title="<script>t()</script>",
                                           url="javascript:alert(5)"), claims=[claim])
    fail = Failure(doc_id="f", kind="decode", message="<script>bad()</script>")
    page = render_html([rec, fail], validate([rec]))
    body_html = _DATA.sub("", page)
    # outside the data blob, only the page's own two script elements exist
    assert len(re.findall(r"<script\b", body_html)) == 1
    assert "<img" not in body_html and "<svg" not in body_html
    assert "&lt;script&gt;bad()&lt;/script&gt;" in body_html  # the failure table escapes
    blob = _DATA.search(page).group(1)  # type: ignore[union-attr]
    assert "<" not in blob and ">" not in blob
    data = page_data(page)
    assert data["docs"][0]["text"] == text and data["docs"][0]["title"] == "<script>t()</script>"


def test_dumps_cannot_close_the_script_element() -> None:
    s = dumps({"x": "</script><!-- \u2028 & </SCRIPT >"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"x": "</script><!-- \u2028 & </SCRIPT >"}


@pytest.mark.allow_bad_spans
def test_card_data_of_a_user_type_and_bad_spans() -> None:
    text = "Rome said on Wednesday it will not send troops."
    claim = _refusal("a", text, "it will not send troops", what="troops",
                     date=DateRef(raw="on Wednesday", resolution="unresolved"),
                     ungrounded=["a quote the model made up"])
    bad = claim.model_copy(update={"id": "bad", "evidence": [Span(start=0, end=4, text="Nope")]})
    rec = DocumentClaims(document=Document(id="a", text=text), claims=[claim, bad])
    c, b = page_data(render_html([rec]))["docs"][0]["claims"]
    assert c["a"] == [["Rome", "Italy", "IT", "country"]]
    assert c["d"] == {"v": None, "raw": "on Wednesday", "res": "unresolved"}
    assert ["what", "troops"] in c["f"] and c["u"] == ["a quote the model made up"]
    assert b["sp"] == [[0, 4, "exact", "Nope"]]  # kept, with its text, marked as not matching



def _f(kind: str, doc: str, sev: Severity = Severity.warning) -> Finding:
    return Finding(kind=kind, severity=sev, message=f"{kind} in {doc}", claims=[f"{doc}-c"])


def test_findings_conflicts_first_and_repeats_folded_per_document() -> None:
    claim_docs = {"a-c": "a", "b-c": "b"}
    findings = [_f("unanchored_date", "a")] * 5 + [_f("unanchored_date", "b")] + [
        _f("corroboration", "a", Severity.info), _f("stance_change", "a"),
        _f("conflict", "b", Severity.error),
    ]
    out = findings_payload(findings, claim_docs)
    assert [f["kind"] for f in out[:2]] == ["conflict", "stance_change"]
    folded = [f for f in out if "fold" in f]
    assert len(folded) == 1 and folded[0]["fold"] == 5 and folded[0]["doc"] == "a"
    assert out[-1] is folded[0]
    # a single occurrence stays a finding of its own
    assert sum(1 for f in out if f.get("kind") == "unanchored_date" and "fold" not in f) == 1


def test_render_streams_and_validates(tmp_path: Path, gold_dir: Path, articles_dir: Path) -> None:
    records = gold_records(gold_dir, articles_dir)
    seen: list[str] = []

    def gen() -> Any:
        for r in records:
            seen.append(r.document.id)
            yield r

    out = tmp_path / "deep" / "dir" / "report.html"
    stats = render(gen(), out)
    assert stats.documents == len(records) == len(seen)
    assert stats.bytes == out.stat().st_size
    data = page_data(out.read_text(encoding="utf-8"))
    whole = validate(records)
    # the streamed validation (spans per document, the rest without texts) finds the same
    assert sorted(f["kind"] for f in _flat(data["findings"])) == sorted(f.kind for f in whole.findings)
    assert stats.findings == len(whole.findings)


@pytest.mark.allow_bad_spans
def test_streamed_validation_still_checks_spans() -> None:
    text = "Rome said it will not send troops."
    claim = _refusal("a", text, "it will not send troops")
    bad = claim.model_copy(update={"id": "bad", "evidence": [Span(start=0, end=4, text="Nope")]})
    rec = DocumentClaims(document=Document(id="a", text=text), claims=[bad])
    report_html = render_html([rec], validate([rec]))
    streamed = io.StringIO()
    render([rec], streamed)  # validates as it streams
    assert "integrity" in {f["kind"] for f in _flat(page_data(streamed.getvalue())["findings"])}
    assert "integrity" in {f["kind"] for f in _flat(page_data(report_html)["findings"])}



def _flat(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [x for f in findings for x in (f["items"] if "fold" in f else [f])]


def test_without_validation_there_is_no_findings_panel() -> None:
    rec = DocumentClaims(document=Document(id="a", text="Nothing."), claims=[])
    assert page_data(render_html([rec]))["findings"] is None
    assert page_data(render_html([rec], ValidationReport()))["findings"] == []


def test_cli_view_writes_the_page_into_a_new_folder(tmp_path: Path, gold_dir: Path,
                                                    articles_dir: Path) -> None:
    from click.testing import CliRunner

    from claimkit.cli import main

    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(r.model_dump_json() + "\n" for r in gold_records(gold_dir, articles_dir)),
                      encoding="utf-8")
    out = tmp_path / "new" / "report.html"
    res = CliRunner().invoke(main, ["view", str(claims), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "document(s)" in res.output and "finding(s)" in res.output
    assert page_data(out.read_text(encoding="utf-8"))["findings"]


def test_cli_view_no_findings(tmp_path: Path, gold_dir: Path, articles_dir: Path) -> None:
    from click.testing import CliRunner

    from claimkit.cli import main

    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(r.model_dump_json() + "\n" for r in gold_records(gold_dir, articles_dir)),
                      encoding="utf-8")
    out = tmp_path / "report.html"
    res = CliRunner().invoke(main, ["view", str(claims), "-o", str(out), "--no-findings"])
    assert res.exit_code == 0, res.output
    assert "0 finding(s)" in res.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["findings"] is None and len(data["docs"]) == 7
