"""``claimkit extract --db URL --resume`` under the rule of a JSONL ``--resume``: documents the
store holds only from another backend, model or version are refused, redone (their stored
claims replaced, exactly once) or kept, as ``--on-mismatch`` says. On real SQLite files and
on the PostgreSQL server of ``tests/test_store_postgres.py`` (skipped where none is installed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("sqlalchemy")

from sqlalchemy import text

from claimkit.cli import main
from claimkit.consistency import validate
from claimkit.extract import Extractor
from claimkit.extract.runner import RunSettings, SettingsMismatch
from claimkit.io import dump_record, parse_record
from claimkit.schemas import DocumentClaims
from claimkit.store import RunInfo, open_store
from tests._hostile import two_article_lines
from tests._store_corpus import records
from tests.test_store_postgres import new_database
from tests.test_store_postgres import server as server  # the module's PostgreSQL server


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new empty store: a SQLite file, or a database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        yield new_database(request.getfixturevalue("server"))


def _count(store_url: str, sql: str) -> int:
    with open_store(store_url) as store, store.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


#: rows of per-claim tables whose claim (or group, finding) is gone
_ORPHANS = (
    "select (select count(*) from claims where doc_seq not in (select seq from documents))"
    " + (select count(*) from spans where claim_seq not in (select seq from claims))"
    " + (select count(*) from actors where claim_seq not in (select seq from claims))"
    " + (select count(*) from claim_keys where claim_seq not in (select seq from claims))"
    " + (select count(*) from group_claims where claim_seq not in (select seq from claims))"
    " + (select count(*) from finding_claims where claim_seq not in (select seq from claims))")


def _renamed(record: DocumentClaims) -> DocumentClaims:
    """``record`` with each actor's canonical name written otherwise (its key, by country
    code, unchanged): "Estonia" -> "Republic of Estonia"."""
    parsed = parse_record(dump_record(record).replace('"name":"', '"name":"Republic of '))
    assert isinstance(parsed, DocumentClaims)
    return parsed


def test_redo_replaces_stored_claims_and_validation_stays_exact(url: str) -> None:
    """The library: a third of the stored documents were made with an older version. Resumed
    with the new one they are refused, or (redo) replaced as their new records come, in
    the transaction storing each: one row per document, no claim, span, actor or key of
    the old rows left, and an incremental validation then stores what a full validation of
    the documents as they now are finds (the components the removed claims were in are
    validated again)."""
    from claimkit.store.resume import resume_ids

    recs = list(records(900, days=200, seed=8))
    old_ids = {r.document.id for r in recs[::3]}
    # the older version named its actors otherwise: groups are labelled by the first name
    # met in the corpus, which must not stay that of a claim removed
    stored = [_renamed(r).model_copy(update={"version": "synthetic-0"})
              if r.document.id in old_ids else r for r in recs]
    # the new version's records of the old documents: their last claim no longer found
    new = [r.model_copy(update={"claims": r.claims[:-1]}) if r.document.id in old_ids else r
           for r in recs]
    settings = RunSettings("synthetic", None, "synthetic-1")
    with open_store(url) as store:
        store.add(stored)
        list(store.validate())
        with pytest.raises(SettingsMismatch, match=f"{len(old_ids)} of its {len(recs)} documents "
                           "were extracted with backend 'synthetic' \\(version synthetic-0\\)"):
            resume_ids(store, settings, "refuse")
        done, redo = resume_ids(store, settings, "redo")
        assert redo == old_ids and done == {r.document.id for r in recs} - old_ids
        assert resume_ids(store, settings, "keep") == (done | redo, set())
        writer = store.writer(RunInfo("extract", "synthetic", None, "synthetic-1"))
        writer.replace(settings, redo)
        writer.add([r for r in new if r.document.id in redo], batch=7)
        writer.close()
        assert writer.counts.documents == len(old_ids) and writer.counts.skipped == 0
        assert resume_ids(store, settings, "refuse") == ({r.document.id for r in recs}, set())
        list(store.validate())
        with store.engine.connect() as conn:
            findings = sorted(x for (x,) in conn.execute(text("select data from findings")))
        labels = {g.group_id: g.label for g in store.groups(min_sources=1)}
        exported = [r for r in store.records() if isinstance(r, DocumentClaims)]
    assert _count(url, "select count(*) from documents") == len(recs)
    assert _count(url, "select count(*) from claims") == sum(len(r.claims) for r in new)
    assert _count(url, _ORPHANS) == 0
    assert sorted(exported, key=lambda r: r.document.id) == sorted(new, key=lambda r: r.document.id)
    full = validate(exported)  # in the store's order: the replaced documents come last
    assert findings == sorted(f.model_dump_json() for f in full.findings) and findings
    assert labels == {g.id: g.label for g in full.groups}


def test_a_replaced_document_whose_extraction_failed_keeps_its_old_claims(tmp_path: Path) -> None:
    """Replacing happens only with the new record: a document whose extraction fails this
    time keeps its stored claims (a failure record is stored beside them)."""
    from claimkit.schemas import Failure

    rec = next(iter(records(20, seed=3))).model_copy(update={"version": "synthetic-0"})
    url = str(tmp_path / "store.db")
    with open_store(url) as store:
        store.add([rec])
        writer = store.writer(RunInfo("extract", "synthetic", None, "synthetic-1"))
        writer.replace(RunSettings("synthetic", None, "synthetic-1"), {rec.document.id})
        writer.add_one(Failure(doc_id=rec.document.id, source="a.txt", stage="extract",
                               kind="transient", message="the endpoint timed out"))
        writer.close()
    assert _count(url, "select count(*) from claims") == len(rec.claims)
    assert _count(url, "select count(*) from failures") == 1


def _store_with_other_settings(url: str, folder: Path) -> str:
    """A store holding document a as another backend, model and version extracted it and z
    as ``--backend rules`` does (a.txt and z.txt in ``folder``); the rules settings' text."""
    a_line, z_line = two_article_lines(folder)
    other = json.loads(a_line) | {"backend": "openai", "model": "gpt-old",
                                  "version": "llm-p2-s1-0000"}
    records_file = folder / "stored.jsonl"
    records_file.write_text(json.dumps(other) + "\n" + z_line + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(records_file), "--db", url])
    assert result.exit_code == 0, result.stderr
    assert CliRunner().invoke(main, ["validate", "--db", url]).exit_code in (0, 1)
    return str(RunSettings.of(Extractor("rules")))


def _resume(url: str, folder: Path, *extra: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["extract", str(folder / "a.txt"), str(folder / "z.txt"),
                                       "--db", url, "--backend", "rules", "--resume", *extra])
    return result.exit_code, [ln for ln in result.stderr.splitlines()
                              if not ln.startswith(("claimkit: backend:", "claimkit: resuming"))]


def test_extract_db_resume_refuses_redoes_or_keeps_other_settings(url: str, tmp_path: Path) -> None:
    """Before: ``extract --db URL --resume`` skipped every stored document whatever made it
    (document a, stored from another backend, model and version, stayed so in silence).
    Now the JSONL rule: refused in the same words (the store untouched: no run recorded),
    kept with one warning, or redone: a's stored rows replaced by the rules backend's, once
    (a run resumed after it skips both in silence), and the run recorded with the rules
    version."""
    rules = _store_with_other_settings(url, tmp_path)
    shown = open_store(url).url
    runs = _count(url, "select count(*) from runs")
    code, lines = _resume(url, tmp_path)
    assert code == 2
    assert lines == [
        f"claimkit: error: {shown}: 1 of its 2 documents were extracted with backend 'openai' (model "
        f"gpt-old, version llm-p2-s1-0000), not with this run's {rules}; --resume would skip them "
        "as if done: pass --on-mismatch redo to extract them again (their records are replaced), "
        "--on-mismatch keep to leave them as they are, or write to another --db; left untouched"]
    assert _count(url, "select count(*) from runs") == runs

    code, lines = _resume(url, tmp_path, "--on-mismatch", "keep")
    assert code == 0
    assert lines[0] == (f"claimkit: WARNING: {shown}: keeping 1 of its 2 documents extracted with "
                        f"backend 'openai' (model gpt-old, version llm-p2-s1-0000), not {rules} "
                        "(--on-mismatch keep)")
    assert lines[1].startswith("claimkit: 0 documents, ")
    assert _count(url, "select count(*) from documents where backend = 'openai'") == 1

    code, lines = _resume(url, tmp_path, "--on-mismatch", "redo")
    assert code == 0, lines
    assert lines[0] == (f"claimkit: WARNING: {shown}: replacing the stored records of 1 of its 2 "
                        "documents extracted with backend 'openai' (model gpt-old, version "
                        f"llm-p2-s1-0000); extracting them again with {rules}")
    assert lines[1].startswith("claimkit: 1 document, ")
    assert _count(url, "select count(*) from documents where backend = 'openai'") == 0
    assert _count(url, "select count(*) from documents") == 2
    assert _count(url, "select count(distinct doc_id) from documents") == 2
    assert _count(url, _ORPHANS) == 0
    version = rules.split("version ")[1].rstrip(")")
    assert _count(url, f"select count(*) from runs where backend = 'rules' and version = '{version}'"
                  " and documents = 1") == 1
    claims = _count(url, "select count(*) from claims")

    code, lines = _resume(url, tmp_path)  # now all of this run's settings: skipped in silence
    assert code == 0 and lines == [lines[0]] and lines[0].startswith("claimkit: 0 documents, ")
    assert _count(url, "select count(*) from claims") == claims
    assert CliRunner().invoke(main, ["validate", "--db", url]).exit_code in (0, 1)


def _pledge_record(doc_id: str, name: str, version: str) -> DocumentClaims:
    """One document whose one pledge is made by NATO, named ``name``."""
    sentence = f"{name} pledged more air defence systems to Ukraine on Tuesday."
    claim = {"id": f"ple-{doc_id}-0", "doc_id": doc_id, "type": "pledge",
             "actor": [{"text": name, "name": name, "kind": "organisation", "resolved": True}],
             "evidence": [{"start": 0, "end": len(sentence), "text": sentence, "alignment": "exact"}],
             "date": {"value": "2025-03-04", "granularity": "day"}, "modality": "firm",
             "recipient": {"text": "Ukraine", "name": "Ukraine", "kind": "country",
                           "iso_code": "UA", "resolved": True}, "what": "weapons"}
    record = parse_record(json.dumps({
        "record": "document", "backend": "synthetic", "version": version,
        "document": {"id": doc_id, "text": sentence, "language": "en", "published": "2025-03-04"},
        "claims": [claim]}))
    assert isinstance(record, DocumentClaims)
    return record


def test_a_replaced_claims_first_label_gives_way_to_the_next(tmp_path: Path) -> None:
    """Groups are labelled by the first label of each actor key met in the corpus (the
    ``actor_names`` table). Document a, stored first, named NATO 'North Atlantic Treaty
    Organization', b 'NATO'; a redone comes after b, so a validation of the store as it now
    is labels NATO as b does. Before: the removed claim's label stayed."""
    url = str(tmp_path / "store.db")
    long_name = "North Atlantic Treaty Organization"
    settings = RunSettings("synthetic", None, "synthetic-1")
    with open_store(url) as store:
        store.add([_pledge_record("a", long_name, "synthetic-0"),
                   _pledge_record("b", "NATO", "synthetic-1")])
        list(store.validate())
        writer = store.writer(RunInfo("extract", "synthetic", None, "synthetic-1"))
        writer.replace(settings, {"a"})
        writer.add_one(_pledge_record("a", long_name, "synthetic-1"))
        writer.close()
        list(store.validate())
        labels = {g.group_id: g.label for g in store.groups(min_sources=1)}
        exported = [r for r in store.records() if isinstance(r, DocumentClaims)]
    assert [r.document.id for r in exported] == ["b", "a"]
    full = {g.id: g.label for g in validate(exported).groups}
    assert labels == full and any("NATO" in label for label in full.values()), full


def test_output_file_and_store_resumed_together_end_alike(tmp_path: Path) -> None:
    """``-o FILE --db URL --resume``: a document done in the file (with this run's settings)
    but not in the store so is stored as the file holds it, not skipped for both: z, never
    stored, is stored; a, stored from other settings, is replaced (--on-mismatch redo) by
    the file's record. Nothing is extracted again and the file is left as it was. Before:
    both were skipped for the store too (a stayed the other backend's there, z missing),
    and the redo warning said a would be extracted again."""
    url = str(tmp_path / "store.db")
    a_line, z_line = two_article_lines(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text(a_line + "\n" + z_line + "\n", encoding="utf-8")
    before = out.read_bytes()
    other = _pledge_record("a", "NATO", "llm-p2-s1-0000").model_copy(
        update={"backend": "openai", "model": "gpt-old"})
    with open_store(url) as store:
        store.add([other])
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "z.txt"),
                                       "-o", str(out), "--db", url, "--backend", "rules",
                                       "--resume", "--on-mismatch", "redo"])
    assert result.exit_code == 0, result.stderr
    assert f"claimkit: stored 2 documents {out} holds and the store did not" in result.stderr
    assert "claimkit: 0 documents, " in result.stderr
    assert out.read_bytes() == before
    with open_store(url) as store:
        exported = sorted((r for r in store.records() if isinstance(r, DocumentClaims)),
                          key=lambda r: r.document.id)
    assert [r.model_dump_json() for r in exported] == [
        DocumentClaims.model_validate_json(line).model_dump_json() for line in (a_line, z_line)]
    assert _count(url, _ORPHANS) == 0


def test_a_document_redone_in_the_file_but_done_in_the_store_is_not_lost(tmp_path: Path) -> None:
    """The other way round: the file holds a from another backend and z not at all; the store
    holds both as this run writes them. ``--on-mismatch redo`` removes a's record from the
    file, and the store's a and z are appended to it, not extracted again. Before: both were
    skipped for the file too, which then held neither (a's record removed, none written)."""
    url = str(tmp_path / "store.db")
    a_line, z_line = two_article_lines(tmp_path)
    with open_store(url) as store:
        store.add([DocumentClaims.model_validate_json(line) for line in (a_line, z_line)])
    out = tmp_path / "out.jsonl"
    other = json.loads(a_line) | {"backend": "openai", "model": "gpt-old", "version": "llm-p2-s1-0000"}
    out.write_text(json.dumps(other) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "z.txt"),
                                       "-o", str(out), "--db", url, "--backend", "rules",
                                       "--resume", "--on-mismatch", "redo"])
    assert result.exit_code == 0, result.stderr
    assert f"claimkit: wrote 2 documents the store holds and {out} did not" in result.stderr
    assert "claimkit: 0 documents, " in result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [DocumentClaims.model_validate_json(ln) for ln in lines] == [
        DocumentClaims.model_validate_json(ln) for ln in (a_line, z_line)]
    assert _count(url, "select count(*) from documents") == 2
