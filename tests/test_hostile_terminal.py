"""Hostile input, round 4: what a record, a settings file or a plugin holds never breaks a
command into a traceback, and never drives the terminal.

Each case failed before its fix (the test's docstring says how) and passes after:
record text in the tables of ``query``, ``validate`` and ``eval``; price tables,
gazetteers, gold files and JSON Lines of any JSON shape; a plugin that calls
``sys.exit`` while it is imported.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from tests._hostile import A_TEXT, Z_TEXT, two_article_lines
from tests._hostile import no_endpoint as no_endpoint  # the autouse fixture

from .test_hostile import CLAIMS_ROUTINE, ROUTINE

#: a name that is rich markup (an unmatched closing tag: rich raised MarkupError on it)
#: and holds terminal escape sequences (clear screen, set the window title)
EVIL = "[/]\x1b[2J\x1b]0;pwned\x07[bold red]Evil[/x]"


@pytest.fixture(scope="module")
def evil_claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two articles' records, the second's document id and actor names made of ``EVIL``."""
    d = tmp_path_factory.mktemp("evil")
    records = [json.loads(ln) for ln in two_article_lines(d)]
    evil = records[1]
    evil["document"]["id"] = "z" + EVIL
    for claim in evil["claims"]:
        claim["doc_id"] = evil["document"]["id"]
        for actor in claim["actor"]:
            actor["name"] = actor["text"] = EVIL
    path = d / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _no_raw_escape(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, text


def test_query_table_shows_markup_and_escapes_as_text(tmp_path: Path, evil_claims: Path) -> None:
    """Before: ``query`` (table) ended in a traceback (rich's MarkupError on ``[/]`` in a
    stored actor name), and ``[bold red]`` would have been taken as markup."""
    db = str(tmp_path / "store.db")
    assert CliRunner().invoke(main, ["import", "--db", db, str(evil_claims)]).exit_code == 0
    result = CliRunner().invoke(main, ["query", "--db", db], env={"COLUMNS": "250"})
    assert result.exit_code == 0, (result.stderr, result.exception)
    _no_raw_escape(result.stdout)
    assert "[/]\\x1b[2J\\x1b]0;pwned\\x07[bold red]Evil[/x]" in result.stdout
    assert result.stderr == "claimkit: 4 claims\n"


def test_validate_table_escapes_what_a_record_wrote(evil_claims: Path) -> None:
    """Before: the document id's escape sequences reached the terminal raw in the findings."""
    result = CliRunner().invoke(main, ["validate", str(evil_claims), "--fail-on", "never"],
                                env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.stderr
    assert "\\x1b[2J" in result.stdout  # the finding naming the document is there, escaped
    _no_raw_escape(result.stdout + result.stderr)


def test_eval_escapes_a_gold_quote_it_could_not_find(tmp_path: Path, evil_claims: Path) -> None:
    """Before: a gold quote no document holds was printed as written, escape sequences and all."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text(json.dumps({"doc": "a", "type": "pledge", "actor": ["France"],
                                              "evidence": ["never said" + EVIL]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(evil_claims)])
    assert result.exit_code == 0, result.stderr
    assert "never said[/]\\x1b[2J\\x1b]0;pwned\\x07" in result.stdout
    _no_raw_escape(result.stdout + result.stderr)


# ------------------------------------------------------------------ JSON of any shape

DIGITS = "9" * 5000  # past Python's integer digit limit (4300): json.loads raised ValueError

PRICE_TABLES = {
    "a-list": ("[1, 2]", r"expected an object of models"),
    "models-a-list": ('{"models": [1]}', r"expected an object of models"),
    "a-string": ('"gpt"', r"expected an object of models"),
    "nested-too-deeply": ("[" * 100_000 + "]" * 100_000, r"is not JSON: JSON nested too deeply"),
    "5000-digits": ('{"models": {"m": {"input": ' + DIGITS + "}}}", r"is not JSON: a number of more than \d+ digits"),
    "infinite-context": ('{"models": {"m": {"input": 1, "output": 1, "context": 1e999}}}',
                         r"m: context is 'inf'; input, output and context must be numbers of at least 0"),
    "nan-price": ('{"models": {"m": {"input": NaN, "output": 1, "context": 100000}}}', r"m: input is 'nan'"),
    "negative-context": ('{"models": {"m": {"input": 1, "output": 1, "context": -5}}}', r"m: context is '-5'"),
    "boolean-price": ('{"models": {"m": {"input": true, "output": 1}}}', r"m: input is 'True'"),
}


@pytest.mark.parametrize("kind", list(PRICE_TABLES))
def test_a_price_table_of_any_shape_is_one_line(tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: a list, a list of models, deep nesting and 5,000 digits were tracebacks
    (AttributeError, RecursionError, ValueError), ``1e999`` an OverflowError; ``NaN``, a
    negative context and ``true`` were taken as numbers."""
    content, reason = PRICE_TABLES[kind]
    prices = tmp_path / "prices.json"
    prices.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    monkeypatch.setenv("CLAIMKIT_PRICES", str(prices))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--backend", "openai", "--model", "m",
                                       "--base-url", "http://127.0.0.1:9/v1", "--max-cost", "1",
                                       "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2, (result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimkit: error: ") and str(prices) in line and re.search(reason, line), line


GAZETTEERS = {
    "5000-digits": ('{"entries": [{"name": ' + DIGITS + "}]}", r"not a readable gazetteer JSON file: a number"),
    "entry-a-number": ('{"entries": [1, null]}', r"entry 1: is int: each entry is an object"),
    "entries-an-object": ('{"entries": {"a": 1}}', r"'entries' must be a list of objects"),
    "alias-a-list": ('{"entries": [{"name": "X", "kind": "person", "aliases": [[1]]}]}',
                     r"entry 1 \('X'\): 'aliases' must be a list"),
    "countries-a-list": ('{"countries": [1]}', r"'countries' must be an object of lists"),
    "places-alias-object-without-text": ('{"places": {"Kyiv": [{"lang": "uk"}]}}', r"KeyError"),
    "bad-entry-names-the-file": ('{"entries": [{"name": "X", "kind": "planet"}]}', r"entry 1 \('X'\): 'kind' is 'planet'"),
    # each of these was read without a word at load and failed later, or never: the index
    # built on first use read "EU" as the codes "E" and "U", a string of aliases as letters
    "cldr-a-string": ('{"entries": [{"name": "Y", "kind": "organisation", "cldr": "EU"}]}',
                      r"entry 1 \('Y'\): 'cldr' must be a list of strings"),
    "aliases-a-string": ('{"entries": [{"name": "Z", "kind": "person", "aliases": "Zed"}]}',
                         r"entry 1 \('Z'\): 'aliases' must be a list"),
    "second-entry-named": ('{"entries": [{"name": "A", "kind": "person"}, {"name": "B", "titles": "Dr"}]}',
                           r"entry 2 \('B'\): 'titles' must be a list of strings"),
    "central-bank-code": ('{"entries": [{"name": "C", "kind": "organisation", "central_bank_of": "XX"}]}',
                          r"entry 'C': unknown ISO 3166 alpha-2 code 'XX' in 'central_bank_of'"),
}


@pytest.mark.parametrize("kind", list(GAZETTEERS))
def test_a_gazetteer_of_any_shape_is_one_line_naming_it(tmp_path: Path, kind: str) -> None:
    """Before: each was a traceback (TypeError, AttributeError, KeyError, ValueError) but the
    last, whose line named 'gazetteer', not the file."""
    content, reason = GAZETTEERS[kind]
    gaz = tmp_path / "gaz.json"
    gaz.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--backend", "rules", "-q",
                                       "--gazetteer", str(gaz)])
    assert result.exit_code == 2, (result.stderr, result.exception)
    (line,) = [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)]
    assert line.startswith(f"claimkit: error: {gaz}: ") and re.search(reason, line), line


def test_a_gold_number_past_the_digit_limit_is_one_line(tmp_path: Path, evil_claims: Path) -> None:
    """Before: a traceback (ValueError: Exceeds the limit (4300 digits) ...)."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text('{"doc": "a", "type": "pledge", "x": ' + DIGITS + "}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(evil_claims)])
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert result.stderr == (f"claimkit: error: {gold / 'a.jsonl'}:1: not JSON (a number of more than "
                             f"{sys.get_int_max_str_digits()} digits); one claim object per line\n")


@pytest.mark.parametrize("command", ["extract", "validate"])
def test_a_jsonl_number_past_the_digit_limit_names_the_reason(tmp_path: Path, evil_claims: Path,
                                                              command: str) -> None:
    """Before: the line's message was Python's advice ('use sys.set_int_max_str_digits()
    to increase the limit'), not what is wrong with the line."""
    bad = '{"id": ' + DIGITS + ', "text": "x"}\n'
    if command == "extract":
        path = tmp_path / "feed.jsonl"
        path.write_text(bad + json.dumps({"id": "z", "text": Z_TEXT}) + "\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["extract", str(path), "--backend", "rules", "-q"])
        noted = [ln for ln in result.stderr.splitlines() if not re.match(r"claimkit: \d+ documents?, ", ln)]
    else:
        path = tmp_path / "claims.jsonl"
        path.write_text(evil_claims.read_text(encoding="utf-8") + bad, encoding="utf-8")
        result = CliRunner().invoke(main, ["validate", str(path), "--fail-on", "never"])
        noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert result.exit_code == 1, (result.stderr, result.exception)
    line = 1 if command == "extract" else 3
    assert noted == [f"claimkit: skipped {path}: line {line}: a number of more than "
                     f"{sys.get_int_max_str_digits()} digits; line skipped"], noted


@pytest.mark.parametrize("code", ["0", "'done'"])
def test_a_plugin_that_exits_while_loading_is_one_line(tmp_path: Path, code: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A script given as a plugin (it calls ``sys.exit`` at import). Before: the command
    ended at once doing nothing, exit 0 (``sys.exit(0)``) or with the script's text."""
    name = f"script_plugin_{'ok' if code == '0' else 'msg'}"
    (tmp_path / f"{name}.py").write_text(f"import sys\nsys.exit({code})\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    result = CliRunner().invoke(main, ["--plugin", name, "schema", "-o", str(tmp_path / "schemas")])
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert result.stderr == (f"claimkit: error: plugin '{name}' (--plugin) called sys.exit({code}) while "
                             "loading; a plugin module registers types, backends or checks and returns "
                             "(is it a script?)\n")
    assert not (tmp_path / "schemas").exists()


def test_ctrl_c_says_what_the_output_keeps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after the first record (simulated: KeyboardInterrupt from the run once it has
    written one). Before: click's ``Aborted!`` after an empty line, exit 1, nothing said
    about the output; now one line with the count and how to go on, exit 130, and
    ``--resume`` does only the rest."""
    from claimkit.extract import runner

    real = runner.run_extraction

    def run_extraction(*args: object, on_record: object = None, **kwargs: object) -> object:
        def stop_after_one(record: object) -> None:
            assert callable(on_record)
            on_record(record)
            raise KeyboardInterrupt

        return real(*args, on_record=stop_after_one, **kwargs)  # type: ignore[arg-type]

    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "z.txt"), "--backend", "rules", "-q", "-o", str(out)]
    monkeypatch.setattr(runner, "run_extraction", run_extraction)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 130, (result.stderr, result.exception)
    assert result.stderr == (f"claimkit: error: interrupted after 1 record(s) written to {out}, each whole; "
                             "rerun with --resume to do the rest\n")
    (kept,) = [json.loads(ln)["document"]["id"] for ln in out.read_text(encoding="utf-8").splitlines()]
    monkeypatch.setattr(runner, "run_extraction", real)
    again = CliRunner().invoke(main, [*args, "--resume"])
    assert again.exit_code == 0, again.stderr
    ids = [json.loads(ln)["document"]["id"] for ln in out.read_text(encoding="utf-8").splitlines()]
    assert ids[0] == kept and sorted(ids) == ["a", "z"]


def test_standard_input_past_the_size_limit_says_so_in_words(tmp_path: Path) -> None:
    """Before: ``-: is larger than that, over the document size limit of 10 kB`` (no size
    to name: "that" referred to nothing)."""
    result = CliRunner().invoke(main, ["extract", "-", "--backend", "rules", "-q", "--max-size", "0.01",
                                       "-o", str(tmp_path / "out.jsonl")], input=b"\0" * 50_000)
    assert result.exit_code == 1, (result.stderr, result.exception)
    assert result.stderr.splitlines()[0] == ("claimkit: skipped -: goes on past the document size limit of "
                                             "10 kB; split it into smaller files or raise the limit "
                                             "(--max-size MB, max_bytes=)")


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_resume_on_an_output_that_is_no_file_is_one_line(tmp_path: Path, kind: str) -> None:
    """``-o`` a FIFO (or a link to /dev/zero) with ``--resume``. Before: the FIFO's read
    waited for a writer for ever (the run hung), /dev/zero was called a binary file."""
    import os
    import threading

    out = tmp_path / "out.jsonl"
    if kind == "fifo":
        os.mkfifo(out)
    else:
        out.symlink_to("/dev/zero")
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    box: list[object] = []
    run = threading.Thread(target=lambda: box.append(CliRunner().invoke(
        main, ["extract", str(tmp_path / "a.txt"), "--backend", "rules", "-q", "-o", str(out), "--resume"])),
        daemon=True)
    run.start()
    run.join(60)
    if run.is_alive():  # let the hung read end, so the suite goes on
        with open(os.open(out, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        run.join(10)
        pytest.fail("--resume waited on the FIFO")
    (result,) = box
    assert result.exit_code == 2, (result.stderr, result.exception)  # type: ignore[attr-defined]
    what = "a FIFO (named pipe)" if kind == "fifo" else "a character device"
    assert result.stderr == (f"claimkit: error: {out}: not a regular file ({what}); --resume "  # type: ignore[attr-defined]
                             "reads and appends to a file claimkit wrote: choose another -o, or drop --resume\n")


@pytest.mark.parametrize("alone", [True, False], ids=["the-only-input", "beside-a-file"])
def test_a_quoted_wildcard_says_claimkit_does_not_expand_it(tmp_path: Path, alone: bool) -> None:
    """``claimkit extract 'news/*.txt'`` (quoted, or a shell that does not expand it).
    Before: only 'no such file or directory; check the path', though the files exist."""
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    pattern = str(tmp_path / "*.txt")
    args = [pattern] if alone else [str(tmp_path / "a.txt"), pattern]
    result = CliRunner().invoke(main, ["extract", *args, "--backend", "rules", "-q", "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == (2 if alone else 1), (result.stderr, result.exception)
    head = "error:" if alone else "skipped"
    assert result.stderr.splitlines()[0] == (
        f"claimkit: {head} {pattern}: no such file or directory (claimkit does not expand wildcards such as "
        "'*': let the shell expand them, unquoted, or pass the folder)")
