"""Hostile input, round 7: one element of tens of thousands of attributes, a claim of tens of
thousands of actors, and a JSON document pretty-printed where JSON Lines are read.

Each case failed before its fix (the test's docstring says how) and passes after. Bounds are
counts (attributes the HTML parser is handed, comparisons of actor keys), not wall-clock time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from tests._hostile import A_TEXT, Z_TEXT, gold_dir, two_article_lines
from tests._hostile import no_endpoint as no_endpoint  # the autouse fixture

from .test_hostile import CLAIMS_ROUTINE, FR

#: claimkit's routine lines of ``extract``: the backend note and the summary
ROUTINE = re.compile(r"^claimkit: (backend: |\d+ documents?, )")

# ------------------------------------------------------------------ one element, many attributes

#: attribute shapes of one element: plain, boolean, quoted ``>`` and ``<`` in values (a ``>``
#: does not end a quoted value; a ``<`` in one starts no tag), no space between them, stray quotes
ATTRIBUTE_SHAPES = {
    "plain": lambda i: f"a{i}='x'",
    "boolean": lambda i: f"a{i}",
    "quoted-angles": lambda i: f'a{i}="<p x=\'1\'>"',
    "unquoted": lambda i: f"a{i}=x{i}",
    "no-spaces": lambda i: f"a{i}='x'",
    "stray-quotes": lambda i: f"a{i}='x' \"" if i % 500 == 0 else f"a{i}='x'",
}


def _page(shape: str, count: int) -> str:
    sep = "" if shape == "no-spaces" else " "
    attributes = sep.join(ATTRIBUTE_SHAPES[shape](i) for i in range(count))
    return (f"<html><head><title>Paris</title></head><body><article {attributes}>"
            f"<p>{A_TEXT}</p><p>{FR}</p></article></body></html>")


def _attributes_parsed(html: str) -> int:
    """The attributes of ``<article>`` in the tree libxml2 builds from ``html``."""
    from lxml.html import HTMLParser, fromstring

    tree = fromstring(html, parser=HTMLParser(huge_tree=True))
    return max(len(el.attrib) for el in tree.iter("article"))


@pytest.mark.parametrize("shape", list(ATTRIBUTE_SHAPES))
def test_the_html_parser_is_handed_a_bounded_number_of_attributes(shape: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """libxml2 checks each attribute of an element against all those before it: one
    ``<article>`` of 100,000 attributes took 70 s of CPU to load (10,000: 0.6 s), the whole
    page handed to the parser. Now the parser sees at most ``MAX_ATTRIBUTES`` of them, so
    one element costs at most MAX_ATTRIBUTES squared, whatever the page holds; the article
    is read and a note says what was left out."""
    from claimkit.documents import _html

    seen: list[str] = []
    extract = _html._extract
    monkeypatch.setattr(_html, "_extract", lambda html: seen.append(html) or extract(html))
    docs = _html.documents_from_html(_page(shape, 20_000), "attrs.html", stem="attrs")
    assert len(seen) == 1 and _attributes_parsed(_page(shape, 3_000)) > 2 * _html.MAX_ATTRIBUTES  # all read
    assert 0 < _attributes_parsed(seen[0]) <= _html.MAX_ATTRIBUTES + 1, shape
    assert "vingt-six pays" in docs[0].text and "Macron pledged" in docs[0].text
    assert any("more than 1000 attributes" in note for note in docs[0].notes), docs[0].notes


def test_few_attributes_and_script_text_are_left_as_they_are() -> None:
    """Only an element past the bound changes: a page of ordinary elements, and a script
    whose text looks like a tag of many attributes (``a<b x=1 x=1 ...``), are unchanged."""
    from claimkit.documents._html import MAX_ATTRIBUTES, bounded_attributes

    ordinary = _page("plain", MAX_ATTRIBUTES) + "<p class='a' id=b>x</p>" * 100
    assert bounded_attributes(ordinary) == (ordinary, 0)
    script = "<html><body><script>if (a<b " + "x=1 " * 5_000 + ") {}</script><p>t</p></body></html>"
    assert bounded_attributes(script) == (script, 0)
    two = "<i " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 5)) + ">x</i>"
    bounded, cut = bounded_attributes(two * 2)
    assert cut == 2 and bounded.count(f"a{MAX_ATTRIBUTES - 1}") == 2 and f"a{MAX_ATTRIBUTES}" not in bounded


def test_extract_reads_a_page_of_many_attributes_and_says_so_in_one_line(tmp_path: Path) -> None:
    """Through ``claimkit extract a.txt attrs.html z.txt``: all three read, one warning line."""
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    (tmp_path / "attrs.html").write_text(_page("plain", 20_000), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", *(str(tmp_path / n) for n in ("a.txt", "attrs.html", "z.txt")),
                                       "-o", str(out), "--backend", "rules", "-q"])
    lines = [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)]
    assert result.exit_code == 0, result.stderr
    assert len(lines) == 1 and "attrs.html: 1 element(s) with more than 1000 attributes" in lines[0], lines
    docs = {r["document"]["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(docs) == {"a", "attrs", "z"} and all(d["claims"] for d in docs.values())


# ------------------------------------------------------------------ one claim, many actors


class _Key(str):
    """An actor key that counts the comparisons made with it."""

    compared = 0
    __hash__ = str.__hash__

    def __eq__(self, other: object) -> bool:
        _Key.compared += 1
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)


@pytest.mark.parametrize("actors", [2_000, 8_000])
def test_a_claim_of_many_actors_is_keyed_in_linear_work(tmp_path: Path, actors: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Each claim's actor keys were gathered in a list and each new key looked for in it:
    comparisons grew with the square of a claim's actors (20,000 actors: 5 s of CPU in
    ``validate``, 100,000: killed after 300 s; the line is 10 MB, far under the 64 MB
    record limit). Now the comparisons are at most a few per actor."""
    from claimkit.consistency import keys, validate

    record = json.loads(two_article_lines(tmp_path)[0])
    claim = record["claims"][0]
    claim["actor"] = [dict(claim["actor"][0], name=f"Person {i}", text="Macron") for i in range(actors)]
    from claimkit.io import parse_record

    rec = parse_record(json.dumps(record))
    actor_key = keys.KeyBuilder.actor_key
    monkeypatch.setattr(keys.KeyBuilder, "actor_key", lambda self, a: _Key(actor_key(self, a)))
    _Key.compared = 0
    report = validate([rec])
    assert report.findings is not None
    assert _Key.compared <= 10 * actors, _Key.compared


# ------------------------------------------------------------------ pretty-printed JSON


def _pretty(good: list[dict[str, Any]], shape: str) -> str:
    return json.dumps(good if shape == "array" else good[0], indent=2, ensure_ascii=False) + "\n"


@pytest.fixture(scope="module")
def good_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in two_article_lines(tmp_path_factory.mktemp("r7"))]


@pytest.mark.parametrize("shape", ["array", "object"])
@pytest.mark.parametrize("command", ["validate", "view", "eval", "import"])
def test_a_pretty_printed_claims_file_is_one_line(tmp_path: Path, good_records: list[dict[str, Any]],
                                                  command: str, shape: str) -> None:
    """What ``json.dump(records, indent=2)`` or ``jq .`` writes, named where JSON Lines are
    read. Before: up to 21 lines for one mistake ('line 1: invalid JSON (Expecting value
    ...)', 'line 2: ...', ..., '93 more bad line(s) skipped'), none of them saying what it
    was. Now one line naming the file and the shape, and the other file is read."""
    bad = tmp_path / "pretty.json"
    bad.write_text(_pretty(good_records, shape), encoding="utf-8")
    good = tmp_path / "good.jsonl"
    good.write_text("".join(json.dumps(r) + "\n" for r in good_records), encoding="utf-8")
    args = {"validate": ["validate", "--fail-on", "never", str(bad), str(good)],
            "view": ["view", str(bad), str(good), "-o", str(tmp_path / "r.html")],
            "eval": ["eval", "--gold", gold_dir(tmp_path), str(good), "--json"],
            "import": ["import", "--db", f"sqlite:///{tmp_path / 's.db'}", str(bad), str(good)]}[command]
    if command == "eval":  # eval scores one file: the pretty one is the only one then
        args = ["eval", "--gold", gold_dir(tmp_path), str(bad)]
    result = CliRunner().invoke(main, args)
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert len(noted) == 1, noted
    what = "an array" if shape == "array" else "a value"
    assert re.search(rf"{re.escape(str(bad))}: JSON written over several lines \({what} pretty-printed\), "
                     r"not JSON Lines; write one object a line \(jq -c", noted[0]), noted
    if command == "validate":
        assert result.exit_code == 1 and re.search(r"claimkit: [1-9]\d* claims", result.stderr)
    elif command == "import":
        assert result.exit_code == 1 and "claimkit: 2 documents (" in result.stderr
    elif command == "view":
        assert result.exit_code == 1 and ": 2 document(s)" in result.stderr
    else:
        assert result.exit_code in (1, 2)


@pytest.mark.parametrize("shape", ["array", "object"])
@pytest.mark.parametrize("how", ["file", "stdin"])
def test_pretty_printed_articles_are_one_line_and_never_an_article(tmp_path: Path, shape: str,
                                                                   how: str) -> None:
    """Articles as a pretty-printed JSON array or object. Before: as a ``.jsonl`` file, one
    line per line of JSON ('invalid JSON', 'Extra data'); on standard input the JSON was
    sniffed as plain text and extracted as an article, braces and all (exit 0). Now one
    line, the file skipped, and no document made of JSON."""
    articles = [{"id": "x", "text": A_TEXT}, {"id": "y", "text": Z_TEXT}]
    pretty = _pretty(articles, shape)
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    if how == "file":
        (tmp_path / "articles.jsonl").write_text(pretty, encoding="utf-8")
        args, stdin, shown = [str(tmp_path / "articles.jsonl"), str(tmp_path / "z.txt")], None, "articles.jsonl"
    else:
        args, stdin, shown = ["-"], pretty, "-"
    result = CliRunner().invoke(main, ["extract", *args, "--backend", "rules", "-q"], input=stdin)
    lines = [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)]
    assert len(lines) == 1 and f"{shown}: JSON written over several lines" in lines[0], lines
    assert result.exit_code == 1
    docs = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert all('"id"' not in json.dumps(d.get("document", {}).get("text", "")) for d in docs)
    assert [d["document"]["id"] for d in docs if d["record"] == "document"] == (["z"] if how == "file" else [])


def test_json_lines_are_still_json_lines(tmp_path: Path) -> None:
    """Guards: an ordinary JSON Lines file, a one-line array (its own line-level message), and
    a text article that opens with a bracket are read as before."""
    from claimkit.documents._load import _sniff

    assert _sniff(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert _sniff(b"[Updated] Macron pledges more air defence\n\nPARIS ...") == "txt"
    assert _sniff(b"{\n") == "jsonl" and _sniff(b'[\n  {"text": "a"}\n]\n') == "jsonl"
    (tmp_path / "one.jsonl").write_text(json.dumps([{"text": A_TEXT}]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "one.jsonl"), "--backend", "rules", "-q"])
    lines = [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)]
    assert lines == [f"claimkit: skipped {tmp_path / 'one.jsonl'}: line 1: expected a JSON object, got list; "
                     "line skipped"], lines


# ------------------------------------------------------------------ an article where JSON Lines are read


@pytest.mark.parametrize("command", ["validate", "view", "import", "extract"])
def test_text_given_as_json_lines_is_one_line(tmp_path: Path, good_records: list[dict[str, Any]],
                                              command: str) -> None:
    """An article (``claimkit validate article.txt``, or a ``.jsonl`` of notes for ``extract``).
    Before: each of its lines 'invalid JSON (Expecting value at column 1)', up to 20 and a
    count (12 lines for a sample article of this repository). Now one line saying it is
    text, and the other file is read."""
    article = tmp_path / "article.jsonl"
    article.write_text("\n\n".join([A_TEXT, Z_TEXT, FR, A_TEXT]), encoding="utf-8")
    good = tmp_path / "good.jsonl"
    if command == "extract":
        good.write_text(json.dumps({"id": "g", "text": A_TEXT}) + "\n", encoding="utf-8")
    else:
        good.write_text("".join(json.dumps(r) + "\n" for r in good_records), encoding="utf-8")
    args = {"validate": ["validate", "--fail-on", "never"], "view": ["view", "-o", str(tmp_path / "r.html")],
            "import": ["import", "--db", f"sqlite:///{tmp_path / 's.db'}"],
            "extract": ["extract", "--backend", "rules", "-q", "-o", str(tmp_path / "o.jsonl")]}[command]
    result = CliRunner().invoke(main, [*args, str(article), str(good)])
    noted = [ln for ln in result.stderr.splitlines()
             if not CLAIMS_ROUTINE.match(ln) and not ROUTINE.match(ln)]
    assert noted == [f"claimkit: skipped {article}: text, not JSON Lines (none of its first 3 lines is a JSON "
                     "object); JSON Lines files hold one JSON object a line (an article is read by "
                     "`claimkit extract` as .txt)"], noted
    assert result.exit_code == 1
    if command == "extract":
        records = [json.loads(ln) for ln in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [r["document"]["id"] for r in records if r["record"] == "document" and r["claims"]] == ["g"]
    else:
        assert re.search(r"(claimkit: [1-9]\d* claims|: 2 document\(s\)|claimkit: 2 documents \()", result.stderr)


def test_a_claims_file_with_log_lines_mixed_in_is_still_read(tmp_path: Path,
                                                             good_records: list[dict[str, Any]]) -> None:
    """Guard: ``claimkit extract ... > claims.jsonl 2>&1`` puts claimkit's own lines among the
    records: the log lines are reported one by one and every record is read, as before."""
    path = tmp_path / "claims.jsonl"
    path.write_text("claimkit: backend: rules (offline baseline)\n" + "".join(json.dumps(r) + "\n" for r in
                    good_records) + "claimkit: 2 documents, 4 claims\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--fail-on", "never", str(path)])
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert [re.sub(r" \(.*", "", ln) for ln in noted] == [f"claimkit: skipped {path}: line 1: invalid JSON",
                                                         f"claimkit: skipped {path}: line 4: invalid JSON"]
    total = sum(len(r["claims"]) for r in good_records)
    assert f"claimkit: {total} claims" in result.stderr
