"""Hostile input, round 6: what an HTML page declares or how deep it nests never costs its
article, and no page's markup costs time growing faster than its size.

Each case failed before its fix (the test's docstring says how) and passes after.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkit.cli import main

from .test_hostile import A_TEXT, FR, ROUTINE, Z_TEXT

#: an article as a page written in Windows-1252 writes it: curly quotes, a dash, an ellipsis
#: (bytes 0x93, 0x94, 0x96, 0x85: C1 control characters in ISO-8859-1)
CURLY = "“Nous sommes prêts” – a-t-il dit… " + FR


@pytest.fixture(autouse=True)
def _no_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMKIT_API_KEY", "CLAIMKIT_BASE_URL",
                "CLAIMKIT_PRICES", "CLAIMKIT_GAZETTEER", "CLAIMKIT_PLUGINS", "CLAIMKIT_DB"):
        monkeypatch.delenv(var, raising=False)


def _extract_between(tmp_path: Path, name: str, data: bytes) -> tuple[int, list[str], dict[str, dict]]:
    """``claimkit extract a.txt BAD z.txt``: the exit code, the lines besides the routine
    ones, and the output's document records by id."""
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / name),
                                       str(tmp_path / "z.txt"), "-o", str(out), "--backend", "rules", "-q"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)]
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    docs = {r["document"]["id"]: r for r in records if r["record"] == "document"}
    assert {"a", "z"} <= set(docs) and docs["a"]["claims"] and docs["z"]["claims"], lines
    return result.exit_code, lines, docs


# ------------------------------------------------------------------ a <meta charset> that lies

#: declared charset -> what the page came to before round 6
LYING_CHARSETS = {
    "utf-16": "no article text found (the page decoded as UTF-16: CJK noise, no tags)",
    "utf-16be": "no article text found",
    "utf-32": "read through detection (odd length), kept as a case",
    "cp037": "binary file (control characters): EBCDIC reads ASCII as control characters",
    "unicode_escape": "read, with backslash escapes in the page turned into characters",
    "iso-8859-1": "binary file (control characters): the curly quotes as C1 controls",
    "us-ascii": "read through detection, kept as a case",
    "iso-8859-15": "binary file (control characters)",
}


@pytest.mark.parametrize("charset", list(LYING_CHARSETS))
def test_a_meta_charset_that_cannot_be_true_costs_no_article(tmp_path: Path, charset: str) -> None:
    """A Windows-1252 page whose ``<meta charset>`` names an encoding that cannot be its
    own: one that does not read ASCII as ASCII (the tag itself was read as ASCII), or
    ISO-8859-1/ASCII for a page with curly quotes (browsers read both as Windows-1252).
    Before: 'no article text found' or 'binary file (control characters)' for a full
    article (see :data:`LYING_CHARSETS`)."""
    page = (f"<html><head><meta charset='{charset}'><title>Paris</title></head><body><article><p>"
            + CURLY + "</p><p>" + CURLY + " C:\\u0041 \\x41</p></article></body></html> ")
    data = page.encode("cp1252")
    if len(data) % 2:  # an even length, so the page decodes as UTF-16 without an error
        data += b" "
    code, lines, docs = _extract_between(tmp_path, "page.html", data)
    assert (code, lines) == (0, []), lines
    text = docs["page"]["document"]["text"]
    assert "“Nous sommes prêts” – a-t-il dit…" in text and "vingt-six pays" in text, text[:200]
    assert "C:\\u0041 \\x41" in text  # backslashes are the page's text, not escapes
    assert docs["page"]["document"]["encoding"] == "cp1252"


def test_html_charset_accepts_only_declarations_that_can_be_true() -> None:
    from claimkit.documents._decode import html_charset

    def declared(name: str) -> str | None:
        return html_charset(f'<html><head><meta charset="{name}">'.encode())

    assert [declared(n) for n in ("utf-8", "shift_jis", "gb18030", "windows-1251", "koi8-r")] == [
        "utf-8", "shift_jis", "gb18030", "cp1251", "koi8-r"]
    assert [declared(n) for n in ("iso-8859-1", "latin1", "us-ascii")] == ["cp1252"] * 3
    for name in ("utf-16", "utf-16le", "utf-32", "utf-7", "cp037", "cp500", "unicode_escape",
                 "raw_unicode_escape", "punycode", "idna", "hex", "rot13", "no-such-charset"):
        assert declared(name) is None, name


# ------------------------------------------------------------------ nesting past libxml2's 255 levels

#: how the page nests its article: (opening markup, closing markup, repeats)
NESTINGS = {
    "300-unclosed-font": ("<font size='2'>", "", 300),
    "1000-nested-div": ("<div>", "</div>", 1000),
    "600-nested-lists": ("<ul><li>", "</li></ul>", 600),
    # past 5,000 paragraphs: the linear reading, on the same tree
    "many-paragraphs-2000-deep": ("<div><p>Le président a déclaré jeudi.</p>", "</div>", 2000),
}


@pytest.mark.parametrize("kind", list(NESTINGS))
def test_an_article_nested_past_255_levels_is_read(tmp_path: Path, kind: str) -> None:
    """An article under more than 255 levels of elements: an old page that never closes its
    ``<font>`` tags, a generator's wrappers. Before: libxml2 (without ``huge_tree``) stopped
    reading the page at depth 255, and the article was lost, 'no article text found'
    (past 5,000 paragraphs, a document without it); now up to 2,048 levels are read."""
    opening, closing, depth = NESTINGS[kind]
    more = "<p>x</p>" * 3500 if kind.startswith("many") else ""
    page = ("<html><head><title>Paris</title></head><body>" + opening * depth + "<p>" + CURLY + "</p><p>"
            + FR + "</p>" + closing * depth + more + "</body></html>")
    code, lines, docs = _extract_between(tmp_path, "deep.html", page.encode("utf-8"))
    assert (code, lines) == (0, []), lines
    texts = [d["document"]["text"] for k, d in docs.items() if k.startswith("deep")]
    assert any("“Nous sommes prêts”" in t and "vingt-six pays" in t for t in texts), [t[-300:] for t in texts]


# ------------------------------------------------------------------ a plugin's backend that fails to import


@pytest.mark.parametrize("failure", ["RuntimeError('no licence server')", "SystemExit(3)"])
def test_a_plugin_backend_that_fails_at_import_is_one_line(tmp_path: Path, failure: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin registers a backend by its import path; the backend's module raises when it is
    imported. Before: a RuntimeError traceback (only ImportError and AttributeError were
    caught). Now one line naming the backend, exit 2; the plugin's other backend (``rules``
    here) still runs."""
    tag = "rt" if failure.startswith("Runtime") else "exit"
    (tmp_path / f"r6_reg_{tag}.py").write_text(
        "from claimkit.extract.registry import register_backend\n"
        f"register_backend('r6-broken-{tag}', 'r6_broken_{tag}:Broken')\n", encoding="utf-8")
    (tmp_path / f"r6_broken_{tag}.py").write_text(f"raise {failure}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    args = ["--plugin", f"r6_reg_{tag}", "extract", str(tmp_path / "a.txt"), "-q", "--backend"]
    result = CliRunner().invoke(main, [*args, f"r6-broken-{tag}", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2, (result.stderr, result.exception)
    want = "RuntimeError: no licence server" if tag == "rt" else "SystemExit: 3"
    assert result.stderr == (f"claimkit: error: backend 'r6-broken-{tag}' (r6_broken_{tag}:Broken) failed while "
                             f"loading: {want}\n")
    rules = CliRunner().invoke(main, [*args, "rules"])
    assert rules.exit_code == 0 and json.loads(rules.stdout)["claims"], rules.stderr
