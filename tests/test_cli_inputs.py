"""CLI inputs: a missing input, --published and front matter of .txt files, eval without common ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from claimkit.cli import main
from claimkit.documents import load_documents

ARTICLE = ("Macron said on Thursday that France would send more air defence systems to Ukraine, "
           "officials said in Paris.\n")


def test_extract_on_missing_inputs_only_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt"), "-o", str(out), "-q"])
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == [
        f"claimkit: error: {tmp_path / 'nope.txt'}: no such file or directory; nothing to extract"]
    assert not out.exists()


def test_published_dates_undated_documents_only(tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dated.txt").write_text("---\npublished: 2024-01-05\n---\n" + ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path), "--published", "2025-03-27", "-q"])
    assert res.exit_code == 0, res.output
    dates = {r["document"]["id"]: r["document"]["published"] for r in map(json.loads, res.stdout.splitlines())}
    assert dates == {"undated": "2025-03-27", "dated": "2024-01-05"}
    bad = CliRunner().invoke(main, ["extract", str(tmp_path), "--published", "27/03/2025"])
    assert bad.exit_code == 2


def test_front_matter_fills_fields_and_stays_out_of_the_text(tmp_path: Path) -> None:
    fenced = "---\ntitle: \"Air defence for Ukraine\"\nurl: https://example.org/a\ntags: [x]\n" \
             "published: 2025-03-27T09:00:00Z\nlanguage: en\n---\n" + ARTICLE
    bare = "Title: Air defence\nDate: 2025-03-28\n\n" + ARTICLE
    for name, raw in (("fenced.txt", fenced), ("bare.txt", bare)):
        (tmp_path / name).write_text(raw, encoding="utf-8")
    docs = {d.id: d for d in load_documents([tmp_path])}
    a, b = docs["fenced"], docs["bare"]
    assert (a.title, a.url, a.published, a.language) == (
        "Air defence for Ukraine", "https://example.org/a", dt.date(2025, 3, 27), "en")
    assert (b.title, b.published) == ("Air defence", dt.date(2025, 3, 28))
    for doc, raw in ((a, fenced), (b, bare)):
        assert doc.text.startswith("Macron said")
        assert raw[doc.source_offset or 0:][: len(doc.text)] == doc.text  # still a slice of the file


def test_text_that_only_looks_like_a_header_is_the_article(tmp_path: Path) -> None:
    raw = "PARIS: French officials said on Thursday talks would go on.\n\n" + ARTICLE
    (tmp_path / "p.txt").write_text(raw, encoding="utf-8")
    (tmp_path / "d.txt").write_text("published: 30 March\n\n" + ARTICLE, encoding="utf-8")
    (p,) = load_documents([tmp_path / "p.txt"])
    assert p.text.startswith("PARIS:") and p.source_offset == 0
    (d,) = load_documents([tmp_path / "d.txt"])
    assert d.published is None and any("not a date" in n for n in d.notes)


def test_eval_without_common_ids_says_so(tmp_path: Path, gold_dir: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    (tmp_path / "other.txt").write_text(ARTICLE, encoding="utf-8")
    CliRunner().invoke(main, ["extract", str(tmp_path / "other.txt"), "-o", str(claims), "-q"])
    res = CliRunner().invoke(main, ["eval", "--gold", str(gold_dir), str(claims)])
    assert res.exit_code == 2
    (line,) = res.stderr.strip().splitlines()
    assert "no document ids in common" in line and "other" in line and "000_ae7343512998c616" in line
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--gold", str(gold_dir), str(empty)])
    assert res.exit_code == 2 and "no document records" in res.stderr


def test_extract_into_its_input_folder_does_not_read_its_own_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    for _ in range(2):  # the second run finds the output of the first in the folder
        res = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(out), "-q"])
        assert res.exit_code == 0, res.output
        assert "skipped" not in res.stderr
        assert [r["document"]["id"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())] == ["a"]
    kept = out.read_bytes()
    # the output named as an input: refused before it is opened (it was emptied, then a failure)
    named = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(out), "-o", str(out), "-q"])
    assert named.exit_code == 2
    assert named.stderr == (f"claimkit: error: {out}: is also an input; writing the output there would "
                            "overwrite it: choose another -o path\n")
    assert out.read_bytes() == kept


def test_load_documents_skips_what_it_is_told_to(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert [d.id for d in load_documents([tmp_path], skip=[tmp_path / "b.txt"])] == ["a"]
    assert [d.id for d in load_documents([tmp_path])] == ["a", "b"]


def test_one_path_alone_is_one_path_not_its_characters(tmp_path: Path) -> None:
    """``load_documents("articles")`` reads the folder; iterating the string would have
    read "a", "r", ... and, for a path with a slash, the root of the file system."""
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    errors: list[str] = []
    for given in (str(tmp_path), tmp_path):
        docs = list(load_documents(given, on_error=lambda e: errors.append(str(e))))
        assert [d.id for d in docs] == ["one"]
    assert errors == []
