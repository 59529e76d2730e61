"""Hostile input, round 8: JSON Lines whose lines end in a carriage return alone, settings and
gold files that open with a UTF-8 byte-order mark, and a claim store that cannot be written.

Each case failed before its fix (the test's docstring says how) and passes after. Bounds are
sizes (bytes held while a line is read), not wall-clock time.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from tests._hostile import A_TEXT, Z_TEXT, gold_dir, two_article_lines
from tests._hostile import no_endpoint as no_endpoint  # the autouse fixture

from .test_hostile import CLAIMS_COMMANDS, CLAIMS_ROUTINE, _claims_args, _read_something

#: claimkit's routine lines of ``extract``: the backend note and the summary
ROUTINE = re.compile(r"^claimkit: (backend: |\d+ documents?, )")


@pytest.fixture(scope="module")
def good_lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The two articles' records (a, then z), one JSON line each."""
    return two_article_lines(tmp_path_factory.mktemp("r8"))


# ------------------------------------------------------------------ lines ending in CR alone

#: line ends of a claims file: classic Mac OS (CR), a mix of CR and LF (files joined), and
#: CR LF with a byte-order mark (Windows), the last read before round 8 too
LINE_ENDS = {"cr": (b"\r", b"\r"), "cr-then-lf": (b"\r", b"\n"), "bom-crlf": (b"\r\n", b"\r\n")}


def _joined(lines: list[str], kind: str) -> bytes:
    first, second = LINE_ENDS[kind]
    head = codecs.BOM_UTF8 if kind.startswith("bom") else b""
    return head + lines[0].encode() + first + lines[1].encode() + second


@pytest.mark.parametrize("command", CLAIMS_COMMANDS)
@pytest.mark.parametrize("kind", list(LINE_ENDS))
def test_claims_lines_ending_in_a_carriage_return_are_read(tmp_path: Path, good_lines: list[str],
                                                           command: str, kind: str) -> None:
    """Before: a claims file whose lines end in CR alone was one line: 'line 1: invalid JSON
    (Extra data ...); line skipped', no record read (exit 1)."""
    path = tmp_path / "claims.jsonl"
    path.write_bytes(_joined(good_lines, kind))
    result = CliRunner().invoke(main, _claims_args(command, tmp_path, str(path)))
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)] == []
    _read_something(command, result)
    if command == "validate":
        assert "4 claims" in result.stderr, result.stderr


def test_articles_as_json_lines_ending_in_a_carriage_return_are_read(tmp_path: Path) -> None:
    """``claimkit extract feed.jsonl`` on a feed written with CR line ends. Before: one
    failure line (invalid JSON at line 1) and no document."""
    lines = [json.dumps({"id": "ja", "text": A_TEXT}), json.dumps({"id": "jz", "text": Z_TEXT})]
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes("\r".join(lines).encode() + b"\r")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(feed), "-o", str(out), "--backend", "rules", "-q"])
    assert result.exit_code == 0, result.stderr
    assert [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)] == []
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["document"]["id"] for r in records) == ["ja", "jz"]
    assert all(r["claims"] for r in records)


def _lines_of(data: bytes, size: int) -> list[tuple[bytes, bool]]:
    from claimkit.io import _lines

    return list(_lines(io.BytesIO(data), size, "x.jsonl"))


def test_the_line_splitter_on_every_kind_of_line_end() -> None:
    """LF, CR LF and CR alone, mixed; a CR LF split between two reads is one line end; a
    line over the limit comes as its first bytes, marked, and the lines after it are read
    (also when the file's first line is the long one)."""
    assert _lines_of(b"a\nb\r\nc\n", 8) == [(b"a\n", True), (b"b\r\n", True), (b"c\n", True)]  # as before
    assert _lines_of(b"a\rb\r\nc\nd", 8) == [(b"a\n", True), (b"b\n", True), (b"c\n", True), (b"d\n", True)]
    long = b"x" * 20
    assert _lines_of(b"a\r" + long + b"\rb\r", 8) == [(b"a\n", True), (long[:9], False), (b"b\n", True)]
    assert _lines_of(long + b"\rb\rc", 8) == [(long[:9], False), (b"b\n", True), (b"c\n", True)]
    assert _lines_of(b"a\r" + long, 8) == [(b"a\n", True), (long[:9], False)]
    from claimkit import io as ckio

    piece = 2**20  # a CR LF across the boundary of two pieces of the CR reader
    data = b"a\r" + b"y" * (piece - 2) + b"\r\nz\r"
    assert [whole for _, whole in _lines_of(data, 2 * piece)] == [True, True, True]
    assert _lines_of(data, 2 * piece)[1][0] == b"y" * (piece - 2) + b"\n"
    assert ckio._ANY_LINE_END.pattern == rb"\r\n|\r|\n"


class _Counting(io.BytesIO):
    """A file that records the largest piece asked of it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.largest = 0

    def read(self, size: int | None = -1) -> bytes:
        piece = super().read(size)
        self.largest = max(self.largest, len(piece))
        return piece


def test_a_long_line_ending_in_cr_is_read_past_in_bounded_memory() -> None:
    """A record of 16 MB without a line end among CR-ended lines, the limit 1 MB: the reader
    holds at most the limit and a piece, never the line (before: the whole file was one
    line, read past as over the limit, every record lost)."""
    import tracemalloc

    from claimkit.io import _cr_lines

    data = b'{"a": 1}\r' + b"w" * (16 * 2**20) + b'\r{"b": 2}\r'
    fh = _Counting(data[9:])
    tracemalloc.start()
    try:
        lines = list(_cr_lines(data[:9], fh, 2**20, "x.jsonl"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(line[:8], whole) for line, whole in lines] == [(b'{"a": 1}', True), (b"w" * 8, False),
                                                           (b'{"b": 2}', True)]
    assert fh.largest <= 2**20
    assert peak < 8 * 2**20, peak  # the limit and a piece (and their copies): 5 MB, not the 16 MB line


def test_a_claims_file_of_cr_lines_with_one_over_the_limit(tmp_path: Path, good_lines: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The over-long line is reported in one line and skipped; both records around it are read."""
    import claimkit.io

    monkeypatch.setattr(claimkit.io, "MAX_RECORD_BYTES", 4096)
    path = tmp_path / "claims.jsonl"
    huge = json.dumps({"record": "document", "x": "w " * 5000})
    path.write_bytes("\r".join([good_lines[0], huge, good_lines[1]]).encode() + b"\r")
    result = CliRunner().invoke(main, ["validate", "--fail-on", "never", str(path)])
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert noted == [f"claimkit: skipped {path}: line 2: line longer than 4 kB; line skipped"], noted
    assert "4 claims" in result.stderr and result.exit_code == 1


# ------------------------------------------------------------------ a byte-order mark on settings

def _with_bom(path: Path, text: str) -> Path:
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    return path


def test_read_settings_drops_a_byte_order_mark(tmp_path: Path) -> None:
    """Before: every file read whole (gazetteer, gold, events gold, price table, examples,
    cue files, batch state) kept the BOM, and JSON refused it: 'invalid JSON (Unexpected
    UTF-8 BOM ...)'. A byte that is not UTF-8 is still named at its offset in the file."""
    from claimkit.errors import InputError
    from claimkit.io import read_settings

    assert read_settings(_with_bom(tmp_path / "s.json", '{"a": 1}'), what="x") == '{"a": 1}'
    (tmp_path / "bad.json").write_bytes(codecs.BOM_UTF8 + b'{"a\xff": 1}')
    with pytest.raises(InputError, match=r"not UTF-8 text \(byte 0xff at offset 6\)"):
        read_settings(tmp_path / "bad.json", what="x")


def test_a_gold_file_with_a_byte_order_mark_is_scored(tmp_path: Path, good_lines: list[str]) -> None:
    """A gold file saved by Notepad. Before: 'claimkit: error: gold/a.jsonl:1: not JSON
    (invalid JSON (Unexpected UTF-8 BOM ...))', exit 2, nothing scored."""
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(good_lines) + "\n", encoding="utf-8")
    gold = Path(gold_dir(tmp_path))
    _with_bom(gold / "a.jsonl", (gold / "a.jsonl").read_text(encoding="utf-8"))
    events = _with_bom(tmp_path / "events.jsonl", json.dumps({"event": "e1", "claims": ["a:1"]}) + "\n")
    for extra in ([], ["--events", str(events)]):
        result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(claims), "--json", *extra])
        assert result.exit_code == 0, (result.stderr, extra)
        assert json.loads(result.stdout)["overall"]["tp"] == 1


def test_a_gazetteer_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Before: 'gaz.json: not a readable gazetteer JSON file: invalid JSON (Unexpected UTF-8
    BOM ...)', exit 2, nothing extracted. Now the entry is used: a person no built-in
    gazetteer holds is named as the gazetteer names him."""
    gaz = _with_bom(tmp_path / "gaz.json", json.dumps({"entries": [
        {"name": "Tomasz Qwertyński", "kind": "person", "aliases": ["Qwertyński"]}]}))
    article = tmp_path / "a.txt"
    article.write_text(A_TEXT.replace("French President Emmanuel Macron", "Qwertyński"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--gazetteer", str(gaz), "--backend", "rules",
                                       "-q"])
    assert result.exit_code == 0, result.stderr
    names = {a["name"] for c in json.loads(result.stdout)["claims"] for a in c["actor"]}
    assert "Tomasz Qwertyński" in names, names


# ------------------------------------------------------------------ a store that cannot be written

def _read_only_store(tmp_path: Path, good_lines: list[str]) -> tuple[str, Path]:
    """A store holding the two articles, and its URL opened read-only (SQLite's ``mode=ro``:
    as a file without write permission is to a user who is not root)."""
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(good_lines) + "\n", encoding="utf-8")
    db = tmp_path / "store.db"
    assert CliRunner().invoke(main, ["import", "--db", str(db), str(claims)]).exit_code == 0
    return f"sqlite:///file:{db}?mode=ro&uri=true", claims


@pytest.mark.parametrize("command", ["import", "extract", "validate-new", "validate"])
def test_a_store_that_cannot_be_written_is_one_line(tmp_path: Path, good_lines: list[str],
                                                    command: str) -> None:
    """Before: a traceback ending in 'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError)
    attempt to write a readonly database' and the SQL, for each command that writes."""
    url, claims = _read_only_store(tmp_path, good_lines)
    (tmp_path / "z2.txt").write_text(Z_TEXT, encoding="utf-8")
    args = {"import": ["import", "--db", url, str(claims)],
            "extract": ["extract", str(tmp_path / "z2.txt"), "--db", url, "--backend", "rules", "-q",
                        "-o", str(tmp_path / "out.jsonl")],
            "validate-new": ["validate", "--db", url, "--new", str(claims)],
            "validate": ["validate", "--db", url]}[command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, (result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimkit: error: sqlite:///file") and "store.db" in line, line
    assert "cannot write to the store (attempt to write a readonly database)" in line, line


def test_reading_a_read_only_store_still_works(tmp_path: Path, good_lines: list[str]) -> None:
    """Guard: export and query read a read-only store (an SQLite URI filename is the store's
    file, not 'no claim store here')."""
    url, _ = _read_only_store(tmp_path, good_lines)
    exported = CliRunner().invoke(main, ["export", "--db", url])
    assert exported.exit_code == 0, exported.stderr
    assert len(exported.stdout.splitlines()) == 2
    queried = CliRunner().invoke(main, ["query", "--db", url, "--format", "json"])
    assert queried.exit_code == 0 and queried.stderr == "claimkit: 4 claims\n", queried.stderr


# ------------------------------------------------------------------ --resume on JSON Lines of no record

@pytest.mark.parametrize("kind", ["findings", "articles-feed"])
def test_resume_leaves_json_lines_of_no_record_untouched(tmp_path: Path, good_lines: list[str],
                                                         kind: str) -> None:
    """``extract ... -o findings.jsonl --resume`` on what ``validate --format jsonl`` wrote, or
    on an articles feed. Before: a warning per line (up to 20 and a count), 'resuming: 0
    documents', and the new records appended to the file."""
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(good_lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    if kind == "findings":
        found = CliRunner().invoke(main, ["validate", str(claims), "--format", "jsonl", "--fail-on", "never"])
        out.write_text(found.stdout, encoding="utf-8")
    else:
        out.write_text("".join(json.dumps({"id": f"n{i}", "text": Z_TEXT}) + "\n" for i in range(30)),
                       encoding="utf-8")
    before = out.read_bytes()
    assert before.count(b"\n") >= 2
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "-o", str(out), "--resume",
                                       "--backend", "rules", "-q"])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines() == [f"claimkit: error: {out}: not a claimkit output file (none of its "
                                          "lines is a claimkit record); left untouched: choose another -o, "
                                          "or move it away to start anew"]
    assert out.read_bytes() == before


def test_resume_still_reads_an_output_with_a_stray_line(tmp_path: Path, good_lines: list[str]) -> None:
    """Guard: one line that is no record among records is reported once and the rest resumed."""
    out = tmp_path / "out.jsonl"
    out.write_text(good_lines[0] + "\n" + '{"x": 1}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "z.txt"), "-o", str(out),
                                       "--resume", "--backend", "rules", "-q"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        f"claimkit: WARNING: {out}: line 2: not a claimkit record (document: Field required); line skipped",
        f"claimkit: resuming: 1 documents already in {out}"], result.stderr
    ids = [json.loads(ln).get("document", {}).get("id") for ln in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", None, "z"]


# ------------------------------------------------------------------ Ctrl-C in the claims commands

@pytest.mark.parametrize("command", CLAIMS_COMMANDS)
def test_ctrl_c_in_a_claims_command_is_one_line(tmp_path: Path, good_lines: list[str], command: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while ``validate``, ``view``, ``eval`` or ``import`` reads (simulated: the reader
    raises KeyboardInterrupt after the first record). Before: click's 'Aborted!', exit 1,
    not claimkit's line; now one line and 130, as ``extract`` says it."""
    import claimkit.io

    read = claimkit.io.read_records

    def interrupted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        yield next(iter(read(*args, **kwargs)))  # type: ignore[arg-type]
        raise KeyboardInterrupt

    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(good_lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(claimkit.io, "read_records", interrupted)
    result = CliRunner().invoke(main, _claims_args(command, tmp_path, str(claims)))
    assert result.exit_code == 130, (result.stderr, result.exception)
    assert result.stderr.splitlines() == [f"claimkit: error: interrupted (Ctrl-C) before {command} "
                                          "finished; rerun it"], result.stderr


# ------------------------------------------------------------------ standard input: endless or closed

class _Endless(io.RawIOBase):
    """A stream of NUL bytes that never ends (``< /dev/zero``), counting what was read; past
    ``cap`` bytes it fails, so a reader that reads on fails instead of hanging the suite."""

    def __init__(self, cap: int) -> None:
        self.read_bytes, self.cap = 0, cap

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.read_bytes > self.cap:
            raise OSError(5, "read past the cap")
        n = len(buffer)
        buffer[:n] = bytes(n)
        self.read_bytes += n
        return n


@pytest.mark.parametrize("command", CLAIMS_COMMANDS)
def test_an_endless_binary_stream_on_standard_input_stops_at_its_head(
        tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``claimkit validate - < /dev/zero``: refused as binary from the first line read (the
    limit lowered to 1 MB), never read on. The round-8 reader at first read past the
    over-long first line (for ever on /dev/zero) before judging it."""
    import claimkit.io

    monkeypatch.setattr(claimkit.io, "MAX_RECORD_BYTES", 2**20)
    stream = _Endless(cap=64 * 2**20)
    result = CliRunner().invoke(main, _claims_args(command, tmp_path, "-"), input=io.BufferedReader(stream))
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert noted[:1] == ["claimkit: skipped -: binary or UTF-16/32 file (NUL bytes), not JSON Lines; JSON Lines "
                         "files are UTF-8 text"], noted
    assert stream.read_bytes <= 4 * 2**20, stream.read_bytes  # the limit and a buffer, not more


@pytest.mark.skipif(sys.platform == "win32", reason="a closed descriptor 0 is POSIX")
@pytest.mark.parametrize("command", ["validate", "extract"])
def test_a_closed_standard_input_is_one_line(tmp_path: Path, command: str) -> None:
    """``claimkit validate - <&-`` (no standard input: Python's ``sys.stdin`` is None), in a
    real process. Before: a traceback, AttributeError: 'NoneType' object has no attribute
    'buffer' (``view``, ``eval`` and ``import`` read through the same ``read_records``)."""
    args = (["extract", "-", "--backend", "rules", "-q", "-o", str(tmp_path / "out.jsonl")] if command == "extract"
            else ["validate", "-", "--fail-on", "never"])
    result = subprocess.run([sys.executable, "-m", "claimkit.cli", *args], capture_output=True, text=True,
                            preexec_fn=lambda: os.close(0), timeout=600, check=False)
    noted = [ln for ln in result.stderr.splitlines() if not (CLAIMS_ROUTINE.match(ln) or ROUTINE.match(ln))]
    assert noted == ["claimkit: skipped -: standard input is closed; pipe the input in (... | claimkit CMD -) "
                     "or name a file"], result.stderr
    assert result.returncode == 1
