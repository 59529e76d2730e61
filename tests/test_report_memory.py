"""Validation of large claims files holds compact records: equal to the parsed ones, same findings.

``claimkit validate`` and ``claimkit view`` (with findings) hold every claim
while validation runs; they hold them compact (:class:`claimkit.io.Compactor`).
These tests prove that changes nothing: the compact records are equal field by
field, and the findings and groups of ``validate``, of the CLI and of the page
are exactly those of the library's ``validate`` on the records as parsed.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from claimkit.consistency import validate
from claimkit.io import Compactor, compact_records, dump_record, read_records
from claimkit.report import render
from claimkit.report.payload import findings_payload, group_payload, outlet
from claimkit.schemas import Actor, Document, DocumentClaims, Failure, Pledge, Quantity, Span

from ._gold_claims import gold_records
from ._report_corpus import synthetic_records
from .test_report import page_data

_TEXT = ("Paris, 3 March 2025. France pledged 2,000 troops to Ukraine on Monday, the defence "
         "minister said, adding that the deployment would begin within weeks. ") * 4


def _pledge(doc: str, n: int, claim_id: str | None = None) -> Pledge:
    quote = "France pledged 2,000 troops to Ukraine"
    i = _TEXT.find(quote)
    return Pledge(
        id=claim_id or f"p-{doc}", doc_id=doc,
        actor=[Actor(text="France", name="France", kind="country", iso_code="FR", resolved=True)],
        evidence=[Span(start=i, end=i + len(quote), text=quote)], what="troops",
        quantity=Quantity(value=float(n), unit="troops", raw=f"{n:,} troops"),
    )


def _tricky_records() -> list[DocumentClaims | Failure]:
    """Syndicated copies (one text, two outlets), a claim id used twice, a failure."""
    recs: list[DocumentClaims | Failure] = []
    for doc, url, n in (("a", "https://one.example/x", 2000), ("b", "https://two.example/y", 2000),
                        ("c", "https://three.example/z", 3000)):
        claims = [_pledge(doc, n)]
        if doc == "c":
            claims.append(_pledge(doc, 2000, claim_id="p-a"))  # the id of another claim
        recs.append(DocumentClaims(document=Document(id=doc, text=_TEXT, url=url), claims=claims))
    recs.append(Failure(doc_id="d", source="d.txt", kind="decode", message="d.txt: not text"))
    return recs


def _corpora(gold_dir: Path, articles_dir: Path) -> dict[str, list[Any]]:
    return {
        "examples": list(gold_records(gold_dir, articles_dir)),
        "synthetic": list(synthetic_records(150, seed=3)),
        "tricky": _tricky_records(),
    }


def test_compact_records_are_equal_and_share_values(gold_dir: Path, articles_dir: Path) -> None:
    records = [r for rs in _corpora(gold_dir, articles_dir).values() for r in rs]
    compact = list(compact_records(records))
    for full, small in zip(records, compact, strict=True):
        if isinstance(full, Failure):
            assert small is full
            continue
        assert isinstance(small, DocumentClaims)
        assert small.document == full.document and small.claims == full.claims
        assert [c.model_dump_json(exclude_unset=True) for c in small.claims] == [
            c.model_dump_json(exclude_unset=True) for c in full.claims
        ]
        for a, b in zip(small.claims, full.claims, strict=True):  # enum members stay members
            assert {k: type(v) for k, v in a.__dict__.items()} == {k: type(v) for k, v in b.__dict__.items()}
    actors = [a for r in compact if isinstance(r, DocumentClaims) for c in r.claims for a in c.actor]
    assert len({id(a) for a in actors}) == len(set(actors)) < len(actors)  # one object per value


def test_compactor_pool_starts_over_without_changing_values(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimkit.io

    monkeypatch.setattr(claimkit.io, "_POOL_LIMIT", 3)
    compactor = Compactor()
    for rec in synthetic_records(20, seed=5):
        small = compactor.record(rec)
        assert small.claims == rec.claims
        assert len(compactor._pool) < 200  # dropped past the limit, once per record


def _report_json(records: list[Any]) -> str:
    return validate(records).to_json()


@pytest.mark.allow_bad_spans
def test_validate_on_compact_records_finds_the_same(gold_dir: Path, articles_dir: Path) -> None:
    for name, records in _corpora(gold_dir, articles_dir).items():
        assert validate(compact_records(iter(records))).to_json() == _report_json(records), name
    kinds = {f.kind for f in validate(_tricky_records()).findings}
    assert {"integrity", "corroboration"} <= kinds


def test_cli_validate_prints_the_library_report(tmp_path: Path, gold_dir: Path, articles_dir: Path) -> None:
    for name, records in _corpora(gold_dir, articles_dir).items():
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(dump_record(r) + "\n" for r in records), encoding="utf-8")
        res = CliRunner().invoke(main, ["validate", "--format", "json", "--fail-on", "never", str(path)])
        assert res.exit_code == 0, res.output
        expected = validate(read_records(path)).to_json()
        assert res.stdout.strip() == expected.strip(), name


def test_view_shows_the_findings_and_groups_of_validate(gold_dir: Path, articles_dir: Path) -> None:
    for name, records in _corpora(gold_dir, articles_dir).items():
        buf = io.StringIO()
        stats = render(iter(records), buf)
        data = page_data(buf.getvalue())
        report = validate(records)
        docs = [r for r in records if isinstance(r, DocumentClaims)]
        claim_docs = {c.id: r.document.id for r in docs for c in r.claims}
        outlets = {r.document.id: outlet(r.document) for r in docs}
        expected = json.loads(json.dumps(findings_payload(report.findings, claim_docs)))
        assert data["findings"] == expected, name
        assert data["groups"] == json.loads(json.dumps(
            {g.id: group_payload(g, outlets) for g in report.groups})), name
        assert stats.findings == len(report.findings)
    # what the page spooled with the texts aside before: syndicated copies, an id used twice
    msgs = [f["msg"] for f in page_data(_page(_tricky_records()))["findings"]]
    assert any("3 documents" in m and "1 independent" in m for m in msgs), msgs  # one text
    assert any("used by two different claims" in m for m in msgs), msgs


def _page(records: list[Any]) -> str:
    buf = io.StringIO()
    render(iter(records), buf)
    return buf.getvalue()
