"""Hostile inputs: each bad input between two valid articles, through ``claimkit extract``.

Every case asserts what a user sees: exactly one line on stderr naming the
file and the reason (besides the backend note and the summary), the exit
code, and both valid neighbours in the output with their claims. Large cases
are scaled down here (the limit is lowered with ``--max-size``); their time
and memory at full size are in ``bench/hostile.py``.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from tests._hostile import A_TEXT, Z_TEXT, gold_dir, two_article_lines
from tests._hostile import no_endpoint as no_endpoint  # the autouse fixture

FR = (
    "Le président français a déclaré jeudi que vingt-six pays s'étaient engagés à envoyer "
    "des troupes en Ukraine après un cessez-le-feu. « Nous sommes prêts », a-t-il ajouté "
    "à l'Élysée, où les dirigeants européens s'étaient réunis.\n"
)
DE = (
    "Der Bundeskanzler hat am Mittwoch erklärt, dass Deutschland zusätzliche Hilfe für die "
    "Ukraine bereitstellen wird. Die Grünen begrüßten die Entscheidung über größere "
    "Lieferungen, die Union äußerte Zweifel an der Finanzierung.\n"
)
PL = (
    "Prezydent powiedział w środę, że Polska zwiększy wydatki na obronność. Źródła w "
    "ministerstwie potwierdziły, że żołnierze wyjadą na ćwiczenia już w przyszłym tygodniu.\n"
)
RU = "Президент заявил в среду, что Россия не отправит войска. Министр обороны подтвердил это журналистам.\n"
ZH = "北约防长周三就可向基辅提供的安全保障进行了坦率讨论，各国承诺在停火后派遣部队。\n" * 3
JA = "NATOの防衛首長は、水曜日に率直な議論を行い、キエフに提供することができる安全保障について話し合った。\n" * 3
KO = "우크라이나 대통령은 키이우에서 유럽 여러 나라 지도자들을 환영했으며 화상 회의에 참석했다.\n" * 3
TW = "北約國防首長週三就可向基輔提供的安全保障進行了坦率討論，各國承諾在停火後派遣部隊。\n" * 3

ROUTINE = re.compile(r"^claimkit: (backend: |\d+ documents, )")


@dataclass(frozen=True)
class Case:
    """One hostile input.

    Attributes:
        kind: the case's name.
        make: writes the input into the folder and returns the argument
            naming it (a file or a folder).
        line: regex the one reported line must match (None: nothing reported).
        code: the exit code.
        name: a fragment of the file name the line must hold.
        options: extra options for ``extract``.
        check: more assertions on the output records of the bad input.
    """

    kind: str
    make: Callable[[Path], str]
    line: str | None
    code: int = 1
    name: str | None = None
    options: tuple[str, ...] = ()
    check: Callable[[list[dict[str, object]]], None] | None = None


def _file(name: str, data: bytes | str) -> Callable[[Path], str]:
    def make(d: Path) -> str:
        path = d / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(path)

    return make


def _in_folder(make: Callable[[Path], str]) -> Callable[[Path], str]:
    def wrapped(d: Path) -> str:
        folder = d / "folder"
        folder.mkdir()
        make(folder)
        return str(folder)

    return wrapped


def _fifo(d: Path) -> str:
    path = d / "pipe.txt"
    os.mkfifo(path)
    return str(path)


def _socket(d: Path, name: str = "sock.txt") -> str:
    path = d / name
    # a short relative name: AF_UNIX paths are limited to ~100 bytes
    cwd = os.getcwd()
    os.chdir(d)
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(name)
        sock.close()
    finally:
        os.chdir(cwd)
    return str(path)


def _device(d: Path) -> str:
    path = d / "zero.txt"
    path.symlink_to("/dev/zero")
    return str(path)


def _bytes_name(d: Path) -> str:
    folder = d / "folder"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 \xff.txt"
    with open(raw, "wb") as fh:
        fh.write(FR.encode("utf-8"))
    return str(folder)


def _newline_name(d: Path) -> str:
    path = d / "two\nlines.txt"
    path.write_text(FR, encoding="utf-8")
    return str(path)


def _directory_named_txt(d: Path) -> str:
    path = d / "folder.txt"
    path.mkdir()
    return str(path)


def _symlink_loop(d: Path) -> str:
    (d / "loop1.txt").symlink_to("loop2.txt")
    (d / "loop2.txt").symlink_to("loop1.txt")
    return str(d / "loop1.txt")


def _dangling(d: Path) -> str:
    (d / "gone.txt").symlink_to("nowhere.txt")
    return str(d / "gone.txt")


def _folder_cycle(d: Path) -> str:
    """A folder holding an article and links back to itself and to its parent."""
    folder = d / "folder"
    folder.mkdir()
    (folder / "b.txt").write_text(FR, encoding="utf-8")
    (folder / "up").symlink_to("..")
    (folder / "self").symlink_to("../folder")
    return str(folder)


def _nothing_to_read(d: Path) -> str:
    folder = d / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "readme.md").write_text("# notes\n", encoding="utf-8")
    return str(folder)


def _deep_folders(d: Path) -> str:
    """An article 1,200 folders deep: deeper than Python's recursion limit (a recursive walk
    fails), shorter than PATH_MAX. The test removes the tree itself (see ``_remove_deep``)."""
    path = d / "deep"
    path.mkdir()
    for _ in range(1200):
        path = path / "d"
        path.mkdir()
    (path / "b.txt").write_text(FR, encoding="utf-8")
    return str(d / "deep")


def _past_path_max(d: Path) -> str:
    """Folders of 200-character names, 25 deep (past PATH_MAX, 4096; made relative to a
    descriptor, as only that can), an article at depth 10."""
    (d / "long").mkdir()
    fd = os.open(d / "long", os.O_RDONLY)
    try:
        for depth in range(1, 26):
            name = "n" * 199 + str(depth % 10)
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            if depth == 10:
                out = os.open("b.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(out, FR.encode())
                os.close(out)
    finally:
        os.close(fd)
    return str(d / "long")


def _unreadable_bytes(name: str) -> Callable[[Path], str]:
    """A regular file whose read fails with EIO (a link to /proc/self/mem, Linux)."""

    def make(d: Path) -> str:
        (d / name).symlink_to("/proc/self/mem")
        return str(d / name)

    return make


def _docs(kind: str) -> Callable[[list[dict[str, object]]], None]:
    """The bad input's records must be documents of this language/encoding kind."""

    def check(records: list[dict[str, object]]) -> None:
        docs = [r["document"] for r in records if r["record"] == "document"]
        assert docs, records
        for doc in docs:
            assert isinstance(doc, dict)
            key, _, want = kind.partition("=")
            assert str(doc[key]) == want, doc

    return check


def _text_has(fragment: str) -> Callable[[list[dict[str, object]]], None]:
    def check(records: list[dict[str, object]]) -> None:
        texts = [str(r["document"]["text"]) for r in records if r["record"] == "document"]  # type: ignore[index]
        assert any(fragment in t for t in texts), texts

    return check


def _big_utf8_name_check(records: list[dict[str, object]]) -> None:
    docs = [r["document"] for r in records if r["record"] == "document"]
    assert docs and all(isinstance(d, dict) for d in docs)
    doc = docs[0]
    assert isinstance(doc, dict)
    assert "\\xe9" in str(doc["source"]) and "\\xff" in str(doc["source"])
    assert any("file name" in n for n in doc["notes"])  # type: ignore[attr-defined]


def _parts_at_paragraphs(records: list[dict[str, object]]) -> None:
    docs = [r["document"] for r in records if r["record"] == "document"]
    assert [d["id"] for d in docs] == ["book#1", "book#2", "book#3"]  # type: ignore[index]
    for doc in docs:
        assert isinstance(doc, dict) and len(doc["text"]) <= 200_000 and doc["text"].endswith("parlé.")
        assert doc["notes"] == ["a part of an article longer than 200000 characters (read in parts)"]


def _json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


_GOOD_LINE = _json({"id": "ok-line", "text": Z_TEXT.replace("Kremlin", "The Kremlin")})

CASES: list[Case] = [
    # ------------------------------------------------------------ encodings
    Case("utf-8-bom", _file("bom8.txt", codecs.BOM_UTF8 + FR.encode()), None, 0,
         check=_docs("encoding=utf-8-sig")),
    Case("utf-16-le-bom", _file("u16le.txt", codecs.BOM_UTF16_LE + FR.encode("utf-16-le")), None, 0,
         check=_docs("encoding=utf-16-le")),
    Case("utf-16-be-bom", _file("u16be.txt", codecs.BOM_UTF16_BE + FR.encode("utf-16-be")), None, 0,
         check=_docs("encoding=utf-16-be")),
    Case("utf-32-bom", _file("u32.txt", codecs.BOM_UTF32_LE + FR.encode("utf-32-le")), None, 0,
         check=_docs("encoding=utf-32-le")),
    Case("french-windows-1252", _file("fr1252.txt", FR.encode("cp1252")), None, 0,
         check=_docs("encoding=cp1252")),
    Case("german-windows-1252", _file("de1252.txt", DE.encode("cp1252")), None, 0,
         check=_docs("encoding=cp1252")),
    Case("polish-windows-1250", _file("pl1250.txt", PL.encode("cp1250")), None, 0,
         check=_docs("encoding=cp1250")),
    Case("russian-windows-1251", _file("ru1251.txt", RU.encode("cp1251")), None, 0,
         check=_docs("encoding=cp1251")),
    Case("chinese-gb18030", _file("zh.txt", ZH.encode("gb18030")), None, 0, check=_text_has("北约防长")),
    Case("japanese-shift-jis", _file("ja.txt", JA.encode("shift_jis")), None, 0, check=_text_has("防衛首長")),
    Case("korean-euc-kr", _file("ko.txt", KO.encode("euc_kr")), None, 0, check=_text_has("우크라이나")),
    Case("chinese-big5", _file("tw.txt", TW.encode("big5")), None, 0, check=_text_has("國防首長")),
    Case("utf-8-one-bad-byte", _file("de-bad.txt", DE.encode()[:60] + b"\xff" + DE.encode()[60:]),
         r"de-bad\.txt: decoded as UTF-8 with 1 invalid byte\(s\) replaced", 0, "de-bad.txt",
         check=_text_has("Grünen begrüßten")),
    Case("utf-16-without-bom", _file("u16.txt", FR.encode("utf-16-le")),
         r"binary file \(contains NUL bytes\)", name="u16.txt"),
    Case("bom-but-invalid", _file("badbom.txt", codecs.BOM_UTF16_LE + b"\x00\xd8a"),
         r"byte-order mark but is not valid", name="badbom.txt"),
    Case("random-bytes", _file("noise.txt", bytes((i * 97 + 13) % 255 + 1 for i in range(5000))),
         r"(undecodable|binary|unsure encoding)", name="noise.txt"),
    # ------------------------------------------------------------- binaries
    Case("pdf", _file("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), r"a PDF document", name="scan.txt"),
    Case("png", _file("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), r"a PNG image", name="img.txt"),
    Case("jpeg", _file("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF"), r"a JPEG image", name="photo.txt"),
    Case("zip", _file("doc.txt", b"PK\x03\x04\x14\x00\x06\x00"), r"a ZIP archive", name="doc.txt"),
    Case("gzip", _file("arch.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"), r"a gzip archive", name="arch.txt"),
    Case("elf", _file("prog.txt", b"\x7fELF\x02\x01\x01\x00"), r"an executable", name="prog.txt"),
    Case("nul-bytes", _file("nul.txt", b"hello\x00world" * 50), r"contains NUL bytes", name="nul.txt"),
    Case("control-chars", _file("ctl.txt", b"ab\x01\x02\x03\x04cd" * 100), r"control characters", name="ctl.txt"),
    Case("pdf-as-pdf", _file("scan.pdf", b"%PDF-1.7\n"), r"unsupported file type \.pdf", name="scan.pdf"),
    # --------------------------------------------------------------- empty
    Case("empty", _file("empty.txt", b""), r"empty file", name="empty.txt"),
    Case("whitespace-only", _file("blank.txt", b" \n\t\n  \r\n"), r"empty file", name="blank.txt"),
    Case("bom-only", _file("bomonly.txt", codecs.BOM_UTF8), r"empty file", name="bomonly.txt"),
    # ---------------------------------------------------------------- huge
    Case("over-size-limit", _file("big.txt", (A_TEXT * 200).encode()),
         r"big\.txt: is \d+ kB, over the document size limit of 10 kB; split it", name="big.txt",
         options=("--max-size", "0.01")),
    Case("jsonl-line-over-limit", _file("bigline.jsonl", _json({"text": "x " * 20000}) + _GOOD_LINE),
         r"bigline\.jsonl: line 1: line longer than 10 kB; line skipped", name="bigline.jsonl",
         options=("--max-size", "0.01")),
    Case("30-mb-line-without-spaces", _file("line30.txt", b"a" * (30 * 2**20)),
         r"line30\.txt: is 30\.0 MB, over the document size limit of 10\.0 MB", name="line30.txt"),
    Case("long-line-without-spaces", _file("nospace.txt", "a" * 300_000),
         r"nospace\.txt: text longer than 200000 characters without article breaks: read in parts, "
         r"2 documents in all", 0, "nospace.txt"),
    Case("long-text-in-parts", _file("book.txt", ("Le président a parlé. " * 40 + "\n\n") * 600),
         r"book\.txt: text longer than 200000 characters .*: read in parts, 3 documents in all", 0, "book.txt",
         check=_parts_at_paragraphs),
    Case("cjk-without-punctuation", _file("cjk.txt", "北约防长讨论安全保障" * 20_000), None, 0),
    Case("many-short-lines", _file("lines.txt", "x\n" * 100_000), None, 0),
    # ---------------------------------------------------------------- html
    Case("html-only-scripts", _file("scripts.html", "<html><body><script>var a=1;</script>"
                                    "<script>alert(2)</script></body></html>"),
         r"no article text found in the HTML page", name="scripts.html"),
    Case("html-50k-nested-divs", _file("nested.html", "<html><body>" + "<div>" * 50_000 + "x"
                                       + "</div>" * 50_000 + "</body></html>"),
         r"no article text found in the HTML page", name="nested.html"),
    Case("html-undeclared-1252", _file("fr.html", ("<html><body><article><p>" + FR * 3
                                                   + "</p></article></body></html>").encode("cp1252")),
         None, 0, check=_text_has("président")),
    Case("html-garbage-tags", _file("junk.html", "<html><body><<<>>>&&&;<p<p<p</body>"),
         None, 0),  # what is left is text: a document without claims
    # a reference to a character XML cannot hold (ESC, U+0001, U+FFFE) made lxml's tree fail
    # whole: "no article text found" for a full article (before round 4)
    Case("html-control-character-references", _file("refs.html", "<html><head><title>&#x1b;[2J T</title></head>"
                                                     "<body><article><p>&#x1b;[2J &#1; &#xFFFE; &#x1b " + FR
                                                     + "</p><p>" + FR + "</p></article></body></html>"),
         None, 0, check=_text_has("vingt-six pays")),
    # --------------------------------------------------------------- jsonl
    Case("jsonl-invalid-line", _file("bad.jsonl", "{oops\n" + _GOOD_LINE),
         r"bad\.jsonl: line 1: invalid JSON .*; line skipped", name="bad.jsonl"),
    Case("jsonl-deep-nesting", _file("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n" + _GOOD_LINE),
         r"deep\.jsonl: line 1: JSON nested too deeply; line skipped", name="deep.jsonl"),
    Case("jsonl-its-only-line-bad", _file("onlybad.jsonl", "[" * 100_000 + "]" * 100_000 + "\n"),
         r"onlybad\.jsonl: line 1: JSON nested too deeply; line skipped$", name="onlybad.jsonl"),
    Case("jsonl-empty", _file("empty.jsonl", b""),
         r"empty\.jsonl: no documents in JSONL file \(no lines with text\)", name="empty.jsonl"),
    Case("jsonl-lone-surrogate", _file("surr.jsonl", json.dumps({"text": Z_TEXT}).replace("Friday", "Fri\\ud800day") + "\n"),
         r"surr\.jsonl: line 1: 1 lone surrogate\(s\) replaced by U\+FFFD", 0, "surr.jsonl",
         check=_text_has("\ufffd")),
    Case("jsonl-not-object", _file("arr.jsonl", "[1, 2]\n" + _GOOD_LINE),
         r"arr\.jsonl: line 1: expected a JSON object, got list; line skipped", name="arr.jsonl"),
    Case("jsonl-no-text", _file("notext.jsonl", '{"id": "x"}\n' + _GOOD_LINE),
         r"notext\.jsonl: line 1: missing or empty 'text' field", name="notext.jsonl"),
    Case("jsonl-binary", _file("img.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
         r"img\.jsonl: binary", name="img.jsonl"),
    Case("jsonl-latin-1", _file("latin.jsonl", _GOOD_LINE.encode() + '{"text": "café crème"}\n'.encode("latin-1")),
         r"latin\.jsonl: line 2: not UTF-8 \(byte 0xe9 at column \d+\)", name="latin.jsonl"),
    Case("jsonl-utf-16", _file("u16.jsonl", codecs.BOM_UTF16_LE + _GOOD_LINE.encode("utf-16-le")),
         r"u16\.jsonl: binary or UTF-16/32 file", name="u16.jsonl"),
    Case("jsonl-duplicate-id", _file("dup.jsonl", _GOOD_LINE + _GOOD_LINE),
         r"dup\.jsonl: line 2: duplicate id 'ok-line'", name="dup.jsonl"),
    Case("jsonl-bad-date", _file("date.jsonl", _json({"text": Z_TEXT, "published": "yesterday"}) + _GOOD_LINE),
         r"date\.jsonl: line 1: 'published' is not an ISO date", name="date.jsonl"),
    # ------------------------------------------------------- special files
    Case("fifo-named", _fifo, r"pipe\.txt: not a regular file \(a FIFO \(named pipe\)\)", name="pipe.txt"),
    Case("fifo-in-folder", _in_folder(_fifo), r"pipe\.txt: not a regular file \(a FIFO", name="pipe.txt"),
    Case("socket-in-folder", _in_folder(_socket), r"sock\.txt: not a regular file \(a socket\)", name="sock.txt"),
    Case("device-symlink", _device, r"zero\.txt: not a regular file \(a character device\)", name="zero.txt"),
    # ---------------------------------------------------------- odd names
    Case("non-utf8-file-name", _bytes_name, r"caf\\xe9 \\xff\.txt: file name is not valid text", 0,
         "caf", check=_big_utf8_name_check),
    Case("newline-in-file-name", _newline_name, r"two\\nlines\.txt: file name is not valid text", 0,
         "two\\nlines"),
    Case("missing-file", lambda d: str(d / "nope.txt"), r"no such file or directory", name="nope.txt"),
    Case("directory-named-txt", _directory_named_txt,
         r"folder\.txt: no \.txt, \.html, \.htm or \.jsonl file in this folder \(0 other", name="folder.txt"),
    Case("folder-with-nothing-to-read", _nothing_to_read,
         r"folder: no \.txt, .* file in this folder \(1 other file\(s\) skipped\); nothing to read",
         name="folder"),
    Case("url-as-path", lambda d: "https://example.com/news/a.html",
         r"https://example\.com/news/a\.html: is a URL, not a file: claimkit reads local files only",
         name="https://example.com"),
    Case("file-url", lambda d: f"file://{d}/a.txt", r"is a URL, not a file", name="file://"),
    Case("symlink-loop", _symlink_loop, r"loop1\.txt: cannot read file \(Too many levels of symbolic links\)",
         name="loop1.txt"),
    Case("dangling-symlink", _dangling, r"gone\.txt: no such file or directory", name="gone.txt"),
    Case("folder-cycle-through-symlinks", _folder_cycle, None, 0, check=_text_has("vingt-six pays")),
    Case("folders-1200-deep", _deep_folders, None, 0, check=_text_has("vingt-six pays")),
    Case("folders-past-path-max", _past_path_max, r"cannot read folder \(File name too long\); the files "
         r"in it are skipped", name="nnnn", check=_text_has("vingt-six pays")),
    # -------------------------------------------------------- hostile text
    Case("only-punctuation", _file("punct.txt", "!?…—" * 1000 + "\n"), None, 0),
    Case("only-invisible-characters", _file("zw.txt", "\u200b" * 1000 + "\n" + "\u202e\u2066\u00ad" * 500),
         r"no visible text \(only zero-width, format or bidi control characters\)", name="zw.txt"),
    Case("bidi-and-zero-width", _file("bidi.txt", "\u202e\u200b" + FR + "\u2066\ufeff" + FR), None, 0),
    Case("emoji-flood", _file("emoji.txt", "🔥🚀" * 20_000), None, 0),
]
if os.path.exists("/proc/self/mem"):  # a read that fails with EIO (Linux)
    CASES += [
        Case("read-error-mid-file", _unreadable_bytes("mem.txt"),
             r"mem\.txt: cannot read file \(Input/output error\)", name="mem.txt"),
        Case("read-error-mid-jsonl", _unreadable_bytes("mem.jsonl"),
             r"mem\.jsonl: cannot read file \(Input/output error\)", name="mem.jsonl"),
    ]


def _remove_deep(root: Path) -> None:
    """Remove a folder chain too deep for a recursive ``shutil.rmtree``, from the bottom up."""
    chain = [root]
    while (chain[-1] / "d").is_dir():
        chain.append(chain[-1] / "d")
    for folder in reversed(chain):
        for item in folder.iterdir():
            if not item.is_dir():
                item.unlink()
        folder.rmdir()


def _run(tmp_path: Path, case: Case) -> tuple[int, list[str], list[dict[str, object]], Path]:
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    bad = case.make(tmp_path)
    out = tmp_path / "out.jsonl"
    try:
        result = CliRunner().invoke(
            main, ["extract", str(tmp_path / "a.txt"), bad, str(tmp_path / "z.txt"), "-o", str(out),
                   "--backend", "rules", "--quiet", *case.options],
        )
    finally:
        if (tmp_path / "deep").is_dir():
            _remove_deep(tmp_path / "deep")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)]
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    return result.exit_code, lines, records, out


def test_there_are_at_least_forty_kinds() -> None:
    assert len({c.kind for c in CASES}) == len(CASES) >= 40


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and byte file names are POSIX")
@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_hostile_input(tmp_path: Path, case: Case) -> None:
    code, lines, records, _ = _run(tmp_path, case)
    # both valid neighbours are in the output, with their claims
    by_id = {r["document"]["id"]: r for r in records if r["record"] == "document"}  # type: ignore[index]
    assert {"a", "z"} <= set(by_id), lines
    assert by_id["a"]["claims"] and by_id["z"]["claims"]
    if case.line is None:
        assert lines == [], lines
    else:
        assert len(lines) == 1, lines
        assert re.search(case.line, lines[0]), lines[0]
        assert case.name is not None and case.name in lines[0]
    assert code == case.code, lines
    for record in records:
        json.dumps(record, ensure_ascii=False).encode("utf-8")  # every output line is valid Unicode
    if case.check is not None:
        bad = [r for r in records if r["record"] == "failure"
               or r["document"]["id"] not in ("a", "z", "ok-line")]  # type: ignore[index]
        case.check(bad)


# ------------------------------------------------------------------ claims files

def _second_copy(good: str, old: str, new: str) -> str:
    """The first good line again with ``old`` replaced by ``new`` and its own document id."""
    line = good.splitlines()[0]
    assert old in line and '"id":"a"' in line
    return line.replace(old, new).replace('"id":"a"', '"id":"a2"')


_FR_RECORD = json.dumps({"record": "document", "document": {"id": "fr", "text": FR}, "claims": []},
                        ensure_ascii=False)

#: (kind, the claims file from the two good lines, the reported line; "" when nothing is reported)
CLAIMS_CASES: list[tuple[str, Callable[[str], bytes], str]] = [
    ("binary", lambda good: b"\x89PNG\r\n\x1a\n\x00\x00" + good.encode(), r"binary file"),
    ("utf-16", lambda good: codecs.BOM_UTF16_LE + good.encode("utf-16-le"), r"binary or UTF-16/32 file"),
    ("latin-1-line", lambda good: good.encode() + '{"record": "café"}\n'.encode("latin-1"),
     r"line 3: not UTF-8 \(byte 0xe9"),
    ("windows-1252-french", lambda good: good.encode() + _FR_RECORD.encode("cp1252") + b"\n",
     r"line 3: not UTF-8 \(byte 0xe9 at column \d+\); JSON Lines files are UTF-8"),
    ("utf-8-one-bad-byte", lambda good: good.encode() + _second_copy(good, "Macron", "Mac\udcffron")
     .encode("utf-8", "surrogateescape") + b"\n", r"line 3: not UTF-8 \(byte 0xff"),
    ("invalid-json-line", lambda good: (good + "{oops\n").encode(), r"line 3: invalid JSON"),
    ("html-line", lambda good: (good + "<html><body><script>x()</script></body></html>\n").encode(),
     r"line 3: invalid JSON"),
    ("truncated-last-line", lambda good: (good + good.splitlines()[0][:50]).encode(), r"line 3: invalid JSON"),
    ("deep-nesting", lambda good: (good + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
     r"line 3: JSON nested too deeply"),
    ("huge-line", lambda good: (good + '{"record": "document", "x": "' + "w " * 160_000 + '"}\n').encode(),
     r"line 3: line longer than 256 kB"),
    ("not-a-record", lambda good: (good + '{"record": "document"}\n').encode(), r"line 3: not a claimkit record"),
    ("empty-file", lambda good: b"", r"empty file \(no records\)"),
    ("blank-lines-only", lambda good: b"\n  \n\t\n", r"empty file \(no records\)"),
    # valid JSON, hostile values: each line skipped in one line, the others read
    ("null-claim", lambda good: (good + _second_copy(good, '"claims":[{', '"claims":[null,{') + "\n").encode(),
     r"line 3: not a claimkit record \(claims\.0: a claim must be an object, not NoneType\)"),
    ("claim-without-type", lambda good: (good + _second_copy(good, '"type":"pledge"', '"type":null') + "\n")
     .encode(), r"line 3: not a claimkit record \(claims\.0\.type: a claim needs a type name, not None\)"),
    ("offset-past-64-bits", lambda good: (good + _second_copy(good, '"start":67,"end":169', f'"start":{10**400},'
                                                              f'"end":{10**400 + 102}') + "\n").encode(),
     r"line 3: not a claimkit record \(claims\.0\.evidence\.1\.start: Input should be less than or equal to"),
    ("negative-offset", lambda good: (good + _second_copy(good, '"start":67,"end":169', '"start":-35,"end":67')
                                      + "\n").encode(),
     r"line 3: not a claimkit record \(claims\.0\.evidence\.1\.start: Input should be greater than or equal to 0"),
    ("float-offset", lambda good: (good + _second_copy(good, '"start":67,"end":169', '"start":67.5,"end":169.5')
                                   + "\n").encode(),
     r"line 3: not a claimkit record \(claims\.0\.evidence\.1\.start: Input should be a valid integer"),
    ("lone-surrogate", lambda good: (good + _second_copy(good, "Thursday", "Thur\\udfffday") + "\n").encode(),
     r"line 3: \d+ lone surrogate\(s\) replaced by U\+FFFD"),
]
#: cases whose records are repaired and kept: a note, exit 0
REPAIRED = {"lone-surrogate"}
#: cases where nothing of the file is read
WHOLE_FILE = {"binary", "utf-16", "empty-file", "blank-lines-only"}
CLAIMS_COMMANDS = ["validate", "view", "eval", "import"]
#: claimkit's routine lines of the claims commands (summaries)
CLAIMS_ROUTINE = re.compile(r"claimkit: (\d+ claims|wrote |\d+ documents? \()")


@pytest.fixture(scope="module")
def good_claims(tmp_path_factory: pytest.TempPathFactory) -> str:
    return "\n".join(two_article_lines(tmp_path_factory.mktemp("claims"))) + "\n"  # a, then z


def _claims_args(command: str, d: Path, *files: str) -> list[str]:
    """The command's arguments for claims files (eval scores the first file only)."""
    return {"validate": ["validate", "--fail-on", "never", *files],
            "view": ["view", *files, "-o", str(d / "r.html")],
            "eval": ["eval", "--gold", gold_dir(d), files[0], "--json"],
            "import": ["import", "--db", f"sqlite:///{d / 'store.db'}", *files]}[command]


def _read_something(command: str, result: Any) -> None:
    """The valid records of the file were read (and, for import, stored)."""
    if command == "validate":
        assert re.search(r"claimkit: [1-9]\d* claims", result.stderr), result.stderr
    elif command == "view":
        assert re.search(r": ([2-9]|\d\d+) document\(s\)", result.stderr), result.stderr
    elif command == "import":
        assert re.search(r"claimkit: ([2-9]|\d\d+) documents \(", result.stderr), result.stderr
    else:
        assert json.loads(result.stdout)["overall"]["tp"] >= 0


@pytest.mark.parametrize("command", CLAIMS_COMMANDS)
@pytest.mark.parametrize(("kind", "make", "reason"), CLAIMS_CASES, ids=[c[0] for c in CLAIMS_CASES])
def test_hostile_claims_file(tmp_path: Path, good_claims: str, command: str, kind: str,
                             make: Callable[[str], bytes], reason: str,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    import claimkit.io

    monkeypatch.setattr(claimkit.io, "MAX_RECORD_BYTES", 256 * 1024)  # the huge line, scaled down
    path = tmp_path / "claims.jsonl"
    path.write_bytes(make(good_claims))
    args = _claims_args(command, tmp_path, str(path))
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    if command == "eval" and kind in WHOLE_FILE and "empty" in reason:  # eval's own words, exit 2
        assert noted == [f"claimkit: error: {path}: no document records to score"]
        assert result.exit_code == 2
        return
    assert len(noted) == 1 and str(path) in noted[0] and re.search(reason, noted[0]), noted
    assert result.exit_code == (0 if kind in REPAIRED else 1), result.stderr
    if kind in WHOLE_FILE:
        return
    _read_something(command, result)
    if kind in REPAIRED:
        return
    strict = CliRunner().invoke(main, [*args[:1], "--strict", *args[1:]])
    assert strict.exit_code == 2 and strict.stderr.count("\n") == 1, strict.stderr
    assert strict.stderr.startswith(f"claimkit: error: {path}: line 3: ")


def _odd_named(d: Path, raw_name: bytes, data: str) -> str:
    raw = os.fsencode(d) + b"/" + raw_name
    with open(raw, "wb") as fh:
        fh.write(data.encode("utf-8"))
    return os.fsdecode(raw)


@pytest.mark.skipif(sys.platform == "win32", reason="byte file names are POSIX")
@pytest.mark.parametrize("command", CLAIMS_COMMANDS)
@pytest.mark.parametrize(("raw_name", "shown"), [(b"caf\xe9 \xff.jsonl", "caf\\xe9 \\xff.jsonl"),
                                                 (b"two\nlines.jsonl", "two\\nlines.jsonl")],
                         ids=["non-utf8-name", "newline-in-name"])
def test_odd_claims_file_names(tmp_path: Path, good_claims: str, command: str, raw_name: bytes,
                               shown: str) -> None:
    """A name that is not valid text is read, and shown with escapes on one line."""
    name = _odd_named(tmp_path, raw_name, good_claims + "{oops\n")
    result = CliRunner().invoke(main, _claims_args(command, tmp_path, name))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert len(noted) == 1 and noted[0].endswith(f"{shown}: line 3: invalid JSON (Expecting "
                                                 "property name enclosed in double quotes at column 2); "
                                                 "line skipped"), noted
    assert result.exit_code == 1
    _read_something(command, result)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and sockets are POSIX")
@pytest.mark.parametrize("command", CLAIMS_COMMANDS)
@pytest.mark.parametrize("special", ["fifo", "socket"])
def test_a_special_claims_file_is_skipped_without_blocking(tmp_path: Path, good_claims: str, command: str,
                                                           special: str) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(good_claims, encoding="utf-8")
    if special == "fifo":
        bad = tmp_path / "pipe.jsonl"
        os.mkfifo(bad)
        what = "a FIFO (named pipe)"
    else:
        bad, what = Path(_socket(tmp_path, "sock.jsonl")), "a socket"
    result = CliRunner().invoke(main, _claims_args(command, tmp_path, str(bad), str(good)))
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert noted == [f"claimkit: skipped {bad}: not a regular file ({what}); skipped without reading it"]
    assert result.exit_code == 1
    if command in ("view", "import"):  # the good file beside it was read
        _read_something(command, result)


# ------------------------------------------------------------------ decoding details


def test_decoding_records_encoding_and_confidence() -> None:
    from claimkit.documents import load_bytes

    (doc,) = load_bytes(FR.encode("cp1252"), "fr.txt")
    assert (doc.encoding, doc.text) == ("cp1252", FR.strip())
    assert doc.encoding_confidence is not None and 0.9 <= doc.encoding_confidence <= 1.0
    broken = DE.encode()[:60] + b"\xff\xfe" + DE.encode()[60:]
    (doc,) = load_bytes(broken, "de.txt")
    assert doc.encoding == "utf-8" and doc.text.count("\ufffd") == 2
    assert doc.encoding_confidence is not None and doc.encoding_confidence < 1.0
    assert doc.notes == ["decoded as UTF-8 with 2 invalid byte(s) replaced by U+FFFD (2 place(s))"]
    (doc,) = load_bytes(A_TEXT.encode(), "a.txt")
    assert (doc.encoding, doc.encoding_confidence, doc.notes) == ("utf-8", 1.0, [])


def test_a_legacy_guess_below_the_floor_is_reported() -> None:
    from claimkit.documents._decode import decode
    from claimkit.errors import DecodeError

    data = PL.encode("cp1250")
    assert decode(data, "pl.txt").encoding == "cp1250"
    with pytest.raises(DecodeError, match=r"^pl\.txt: unsure encoding: not UTF-8, best guess cp1250 "
                       r"at confidence 1\.00 \(floor 1\.01\); re-save the file as UTF-8$"):
        decode(data, "pl.txt", min_confidence=1.01)


def test_mostly_cp1252_with_one_utf8_sequence_is_not_utf8() -> None:
    from claimkit.documents._decode import decode

    # one valid UTF-8 "é" among many cp1252 letters: the bad bytes are the majority
    data = FR.encode("cp1252") + "é".encode()
    decoded = decode(data, "mix.txt")
    assert decoded.encoding != "utf-8" and decoded.text.startswith(FR[:40])


def test_safe_names_and_surrogates() -> None:
    from claimkit.io import safe_name, scrub_surrogates

    assert safe_name(os.fsdecode(b"caf\xe9\n\x1b.txt")) == "caf\\xe9\\n\\x1b.txt"
    assert safe_name("a\ud800.txt") == "a\\ud800.txt"
    assert safe_name("Zürich 北京.txt") == "Zürich 北京.txt"
    assert scrub_surrogates("a\ud800b\udfff") == ("a\ufffdb\ufffd", 2)
    assert scrub_surrogates("fine 😀") == ("fine 😀", 0)


# ------------------------------------------------------------------ folders, outputs, settings files


def _extract(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", "-q", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, [ln for ln in result.stderr.splitlines() if not ROUTINE.match(ln)]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No permission to list a folder (simulated: the suite may run as root): one line, the rest read."""
    folder = tmp_path / "folder"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "c.txt").write_text(FR, encoding="utf-8")
    (folder / "b.txt").write_text(FR, encoding="utf-8")
    real = os.scandir

    def scandir(path: Any) -> Any:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), str(folder), str(tmp_path / "z.txt"),
                           "-o", str(out))
    assert lines == [f"claimkit: skipped {folder / 'locked'}: cannot read folder (Permission denied); "
                     "the files in it are skipped"]
    assert code == 1
    ids = [json.loads(ln).get("document", {}).get("id") for ln in out.read_text(encoding="utf-8").splitlines()]
    # a, then b and the folder's failure (written with the next record: either order), then z
    assert ids[0] == "a" and ids[-1] == "z" and sorted(ids[1:3], key=str) == [None, "b"], ids


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_permission_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    (folder / "locked").mkdir(parents=True)
    (folder / "b.txt").write_text(FR, encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        code, lines = _extract(tmp_path, str(folder), "-o", str(tmp_path / "out.jsonl"))
    finally:
        (folder / "locked").chmod(0o755)
    assert code == 1 and len(lines) == 1 and "locked: cannot read folder (Permission denied)" in lines[0]


def test_an_output_that_is_a_directory_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert (code, lines) == (2, [f"claimkit: error: {tmp_path / 'out'}: is a directory; -o names the "
                                 "output file"])
    assert not (tmp_path / "out.lock").exists()
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.txt" / "x" / "o.jsonl"))
    assert (code, lines) == (2, [f"claimkit: error: {tmp_path / 'a.txt' / 'x' / 'o.jsonl'}: {tmp_path / 'a.txt'} "
                                 "is a file, not a folder; choose another -o path"])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's always-full device")
def test_a_full_disk_stops_the_run_in_one_line(tmp_path: Path) -> None:
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), str(tmp_path / "z.txt"), "-o", "/dev/full")
    assert (code, lines) == (1, ["claimkit: error: /dev/full: cannot write the output (No space left on "
                                 "device); stopped after 0 record(s); make room and rerun with --resume"])


def test_a_report_written_to_a_directory_is_one_line(tmp_path: Path, good_claims: str) -> None:
    (tmp_path / "claims.jsonl").write_text(good_claims, encoding="utf-8")
    (tmp_path / "report").mkdir()
    result = CliRunner().invoke(main, ["view", str(tmp_path / "claims.jsonl"), "-o", str(tmp_path / "report")])
    assert result.exit_code == 2  # refused before anything is read, as extract refuses it (round 5)
    assert result.stderr == f"claimkit: error: {tmp_path / 'report'}: is a directory; -o names the output file\n"


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="a read that fails with EIO (Linux)")
@pytest.mark.parametrize("command", CLAIMS_COMMANDS)
def test_a_claims_file_whose_read_fails_is_one_line(tmp_path: Path, good_claims: str, command: str) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(good_claims, encoding="utf-8")
    bad = Path(_unreadable_bytes("mem.jsonl")(tmp_path))
    args = _claims_args(command, tmp_path, str(bad), str(good))
    result = CliRunner().invoke(main, args)
    noted = [ln for ln in result.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert noted[0] == f"claimkit: skipped {bad}: cannot read file (Input/output error)", noted
    if command in ("view", "import", "validate"):  # the good file beside it was read
        assert len(noted) == 1 and result.exit_code == 1, noted
        _read_something(command, result)


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, '{"entries": ' + "[" * 100_000])
def test_a_gazetteer_file_nested_too_deeply_is_one_line(tmp_path: Path, content: str) -> None:
    (tmp_path / "gaz.json").write_text(content, encoding="utf-8")
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), "--gazetteer", str(tmp_path / "gaz.json"))
    assert code == 2 and len(lines) == 1, lines
    assert lines[0].startswith(f"claimkit: error: {tmp_path / 'gaz.json'}: not a readable gazetteer JSON file")


@pytest.mark.parametrize(("kind", "content"), [
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50),
    ("one-line-of-text-without-end", b"x" * 300_000),
    ("notes-without-end", b"my notes\nmore notes"),
])
def test_resume_leaves_a_file_that_is_not_claimkit_output_untouched(tmp_path: Path, kind: str,
                                                                     content: bytes) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(content)
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), "-o", str(out), "--resume")
    assert code == 2 and len(lines) == 1 and lines[0].startswith(f"claimkit: error: {out}: "), lines
    assert ("binary" in lines[0]) == (kind == "binary"), lines
    assert out.read_bytes() == content  # nothing cut, nothing appended


@pytest.mark.parametrize("torn", ['{"record":"document","document":{"id":"b","te', '{"rec', '{"record": "fa'])
def test_resume_cuts_a_torn_last_record_and_redoes_it(tmp_path: Path, good_claims: str, torn: str) -> None:
    out = tmp_path / "out.jsonl"
    first = good_claims.splitlines()[0] + "\n"  # document a
    out.write_text(first + torn, encoding="utf-8")
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), str(tmp_path / "z.txt"), "-o", str(out), "--resume")
    assert code == 0
    assert lines[:2] == [f"claimkit: WARNING: {out}: dropping a half-written last line ({len(torn)} bytes)",
                         f"claimkit: resuming: 1 documents already in {out}"], lines
    ids = [json.loads(ln)["document"]["id"] for ln in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "z"]


def test_resume_reads_only_the_tail_of_a_large_output(tmp_path: Path, good_claims: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The torn-line check reads the head and the last line, not the whole file."""
    import claimkit.io
    from claimkit.extract import runner

    monkeypatch.setattr(claimkit.io, "MAX_RECORD_BYTES", 4096)
    out = tmp_path / "out.jsonl"
    out.write_text(good_claims * 200 + "x" * 10_000, encoding="utf-8")  # a last line past the limit
    with pytest.raises(claimkit.errors.InputError, match="not a claimkit output file"):
        runner.prepare_resume(out)
    out.write_text(good_claims * 200 + '{"record":"doc', encoding="utf-8")
    reads: list[int] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(1) or real(self))
    assert runner.prepare_resume(out) == {"a", "z"}
    assert reads == [] and out.read_text(encoding="utf-8") == good_claims * 200


def test_control_characters_in_ids_and_fields_never_break_a_message_line(tmp_path: Path) -> None:
    """Ids with a newline, an escape sequence or U+2028 cannot forge a line or drive the terminal."""
    evil = "x\nclaimkit: 0 failures\x1b[2J\u2028"
    rows = [{"id": evil, "text": Z_TEXT, "published": "0001-01-01"}, {"id": evil, "text": Z_TEXT},
            {"id": "ok", "text": Z_TEXT, "title": ["not", "text"]}]
    (tmp_path / "evil.jsonl").write_text("".join(_json(r) for r in rows), encoding="utf-8")
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", str(tmp_path / "evil.jsonl"),
                                       str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl")])
    lines = result.stderr.splitlines()
    assert len(lines) >= 3 and all(ln.startswith("claimkit: ") for ln in lines), lines
    assert "\x1b" not in result.stderr and "\u2028" not in result.stderr
    assert any("duplicate id" in ln for ln in lines)


def test_one_line() -> None:
    from claimkit.cli.app import one_line

    assert one_line("a\nb\r\x1b[31m\u2028\x85\tc é 北京") == "a\\nb\\r\\x1b[31m\\u2028\\x85\tc é 北京"


@pytest.mark.parametrize("value", ["nan", "inf", "1e308", "1e12", "-1"])
def test_a_max_size_that_is_no_size_is_a_usage_error(tmp_path: Path, value: str) -> None:
    code, lines = _extract(tmp_path, str(tmp_path / "a.txt"), "--max-size", value, "-o", str(tmp_path / "o"))
    assert code == 2 and any("Invalid value for '--max-size'" in ln for ln in lines), lines
    assert not (tmp_path / "o").exists()


def test_a_huge_size_limit_reads_a_small_file_without_setting_memory_aside(tmp_path: Path) -> None:
    """The limit bounds what is read; it is not what is set aside (read(n) allocates n bytes)."""
    from io import BytesIO

    from claimkit.documents import load_documents

    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (doc,) = load_documents([str(tmp_path / "a.txt")], max_bytes=10**13)  # 10 TB
    assert doc.id == "a"
    big = (A_TEXT * 10).encode()
    (doc,) = load_documents(["-"], stdin=BytesIO(big), max_bytes=10**13)
    assert doc.text == big.decode().strip()


@pytest.mark.parametrize("api", ["cli", "library"])
def test_a_bug_met_on_one_document_fails_that_document_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            api: str) -> None:
    """An input that trips a bug (here a simulated IndexError) costs its own document, not the run."""
    from claimkit.extract.rules.backend import RulesBackend

    real = RulesBackend.extract

    def extract(self: RulesBackend, document: Any) -> Any:
        if "BOOM" in document.text:
            raise IndexError("string index out of range")
        return real(self, document)

    monkeypatch.setattr(RulesBackend, "extract", extract)
    (tmp_path / "boom.txt").write_text("BOOM. " + FR, encoding="utf-8")
    files = [str(tmp_path / n) for n in ("a.txt", "boom.txt", "z.txt")]
    if api == "library":
        import claimkit

        (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
        (tmp_path / "z.txt").write_text(Z_TEXT, encoding="utf-8")
        result = claimkit.extract(claimkit.load_documents(files), backend="rules")
        assert [d.document.id for d in result] == ["a", "z"]
        assert [f.doc_id for f in result.failures] == ["boom"]
        assert "internal error (IndexError: string index out of range)" in result.failures[0].message
        return
    out = tmp_path / "out.jsonl"
    code, lines = _extract(tmp_path, *files, "-o", str(out))
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith("claimkit: WARNING: boom: internal error (IndexError: string index out of range)")
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("document", {}).get("id") or r["doc_id"] for r in records] == ["a", "boom", "z"]


def test_a_database_path_inside_a_file_is_one_line(tmp_path: Path, good_claims: str) -> None:
    (tmp_path / "claims.jsonl").write_text(good_claims, encoding="utf-8")
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    db = tmp_path / "a.txt" / "store.db"
    result = CliRunner().invoke(main, ["import", "--db", str(db), str(tmp_path / "claims.jsonl")])
    assert result.exit_code == 2
    assert result.stderr == (f"claimkit: error: sqlite:///{db}: cannot make the database's folder "
                             f"{tmp_path / 'a.txt'} (File exists); choose another --db path\n")


# ------------------------------------------------------------------ settings files


def _settings_file(d: Path, kind: str, suffix: str = ".json") -> Path:
    """A settings file that is no file to read whole: a link to a device, a FIFO, an oversized file."""
    path = d / f"{kind}{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "oversized":
        path.write_text('{"entries": []}' + " " * 4096, encoding="utf-8")
    else:
        path.symlink_to({"zero": "/dev/zero", "urandom": "/dev/urandom"}[kind])
    return path


_SETTINGS_REASONS = {
    "zero": r"not a regular file \(a character device\)",
    "urandom": r"not a regular file \(a character device\)",
    "fifo": r"not a regular file \(a FIFO \(named pipe\)\)",
    "oversized": r"larger than 1 kB; not read",
}


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")
@pytest.mark.parametrize("kind", list(_SETTINGS_REASONS))
@pytest.mark.parametrize("option", ["gazetteer", "gold", "events"])
def test_a_settings_file_that_never_ends_is_refused_in_one_line(
        tmp_path: Path, good_claims: str, kind: str, option: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A --gazetteer, gold or --events file linked to /dev/zero or /dev/urandom, a FIFO or a
    file over the size limit: one line naming it, exit 2, no read that waits or never ends
    (main read /dev/urandom as a gazetteer until memory ran out, and waited on a FIFO)."""
    import claimkit.io

    monkeypatch.setattr(claimkit.io, "MAX_SETTINGS_BYTES", 1024)
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    claims = tmp_path / "claims.jsonl"
    claims.write_text(good_claims, encoding="utf-8")
    if option == "gazetteer":
        bad = _settings_file(tmp_path, kind)
        args = ["extract", str(tmp_path / "a.txt"), "--backend", "rules", "--gazetteer", str(bad)]
    elif option == "gold":
        gold = Path(gold_dir(tmp_path))
        bad = _settings_file(gold, kind, ".jsonl")
        args = ["eval", "--gold", str(gold), str(claims)]
    else:
        bad = _settings_file(tmp_path, kind)
        args = ["eval", "--gold", gold_dir(tmp_path), str(claims), "--events", str(bad)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"claimkit: error: {bad}: ") and re.search(_SETTINGS_REASONS[kind], line), line


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(("command", "shown"), [
    (["view", "{claims}", "-o", "/dev/full"], "/dev/full"),
    (["validate", "{claims}", "--format", "jsonl"], "standard output"),
    (["eval", "--gold", "{gold}", "{claims}", "--json"], "standard output"),
    (["schema"], "standard output"),
])
def test_a_full_disk_names_the_output_it_could_not_write(tmp_path: Path, good_claims: str, command: list[str],
                                                         shown: str) -> None:
    """A write that fails for want of room names what was written, in one line (before:
    ``claimkit: error: No space left on device``, no file named)."""
    import subprocess

    claims = tmp_path / "claims.jsonl"
    claims.write_text(good_claims, encoding="utf-8")
    args = [a.format(claims=claims, gold=gold_dir(tmp_path)) for a in command]
    exe = Path(sys.executable).with_name("claimkit")
    with open("/dev/full", "w") as full:
        done = subprocess.run([str(exe), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    lines = [ln for ln in done.stderr.splitlines() if not CLAIMS_ROUTINE.match(ln)]
    assert lines == [f"claimkit: error: {shown}: cannot write the output (No space left on device)"], done.stderr
    assert done.returncode == 1


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")
@pytest.mark.parametrize("kind", ["urandom", "fifo"])
@pytest.mark.parametrize("option", ["examples", "prices", "batch state"])
def test_an_llm_settings_file_that_never_ends_is_refused_in_one_line(
        tmp_path: Path, kind: str, option: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """--examples, CLAIMKIT_PRICES and a batch state file linked to /dev/urandom or a FIFO:
    one line naming it, exit 2, nothing read (before: --examples read /dev/urandom until
    memory ran out, and each of them waited on a FIFO for ever)."""
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    bad = _settings_file(tmp_path, kind)
    llm = ["extract", str(tmp_path / "a.txt"), "--backend", "openai", "--model", "m",
           "--base-url", "http://127.0.0.1:9/v1", "-o", str(tmp_path / "out.jsonl")]
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    if option == "examples":
        args = [*llm, "--examples", str(bad)]
    elif option == "prices":
        monkeypatch.setenv("CLAIMKIT_PRICES", str(bad))
        args = llm
    else:
        args = ["batch", "status", str(bad)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimkit: error: ") and str(bad) in line, line
    assert re.search(_SETTINGS_REASONS[kind] + r"; refused as [a-z ]+, not read", line), line
    assert not (tmp_path / "out.jsonl").exists() or not (tmp_path / "out.jsonl").read_text(encoding="utf-8")
