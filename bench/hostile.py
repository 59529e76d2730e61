"""Time and peak memory of ``claimkit extract`` on hostile inputs (not a test: prints figures).

Run from the repo root:  .venv/bin/python bench/hostile.py [--only NAME ...]

Every case is one fresh ``claimkit extract a.txt BAD z.txt`` process (two
valid articles beside the bad input, offline rules backend), or one claims
command (``validate``, ``view``, ``eval``, ``import --db sqlite``) on a large
claims file, generated at run time in a temporary folder (nothing large is
committed). Printed per case: wall time, CPU time of the child (user+system:
moves less than wall time on a shared machine), peak RSS (bench/_rss.py),
exit code, the lines claimkit printed besides its routine ones, and the time
as a multiple of the baseline (the two valid articles alone, measured in the
same run), and for inputs that are read through, MB of input per second of
CPU. ``--bytes-per-claim N`` instead traces ``claimkit validate`` on N one-word
claims and prints the bytes held per claim (tracemalloc) and where. The target: no case over 30 s of CPU or 1 GB of RSS for inputs up to
100 MB; a case is killed after 60 s of CPU (``--cpu-timeout``) or 180 s of
wall time (``--timeout``: a case that waits instead of working).
Cases that are slow only because extraction is (0.1 to 0.3 MB/s of CPU
today: a 9 MB article takes minutes, not a hang) run with ``--all`` or
``--only``; their smaller siblings (1 and 2 MB) print the rate and show it
stays the same as the input grows.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import _rss

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # test_hostile imports tests._hostile
from test_hostile import A_TEXT, DE, FR, Z_TEXT  # noqa: E402  (the suite's articles)

CLAIMKIT = str(Path(sys.executable).with_name("claimkit"))
CPU_TIMEOUT = 60.0  # seconds of CPU, twice the target: a case past it is reported as a timeout
TIMEOUT = 180.0  # seconds of wall time: a case that waits (a hang uses no CPU) is killed here
MB = 2**20
Make = Callable[[Path], str]
ROUTINE = re.compile(r"^claimkit: (backend: |\d+ documents?[ ,(]|\d+ claims, |wrote )")


def _write(path: Path, size: int, unit: bytes) -> None:
    """At least ``size`` bytes of ``unit`` repeated (whole units), written in ~1 MB pieces."""
    piece = unit * max(1, MB // len(unit))
    with open(path, "wb") as fh:
        written = 0
        while written < size:
            fh.write(piece)
            written += len(piece)


def _prose(d: Path, size: int, name: str) -> str:
    path = d / name
    _write(path, size, (FR + DE + A_TEXT.split("\n\n")[1]).encode())
    return str(path)


def _jsonl_huge_line(d: Path) -> str:
    path = d / "huge-line.jsonl"
    with open(path, "wb") as fh:
        fh.write(b'{"text": "')
        _write(d / "tmp", 100 * MB, b"word ")
        with open(d / "tmp", "rb") as src:
            while piece := src.read(MB):
                fh.write(piece)
        fh.write(b'"}\n' + json.dumps({"id": "ok", "text": Z_TEXT}).encode() + b"\n")
    (d / "tmp").unlink()
    return str(path)


def _claims_file(d: Path, size: int) -> str:
    """A claims file of ``size`` bytes: real records of the two articles, repeated with new ids."""
    out = subprocess.run([CLAIMKIT, "extract", str(d / "a.txt"), str(d / "z.txt"), "--backend", "rules"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    path = d / "claims.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        n = written = 0
        while written < size:
            for line in out:
                n += 1
                rec = json.loads(line)
                rec["document"]["id"] = f"doc{n}"
                for claim in rec["claims"]:  # each copy its own document and claim ids
                    claim["doc_id"], claim["id"] = f"doc{n}", f"{claim['id']}-{n}"
                text = json.dumps(rec, ensure_ascii=False) + "\n"
                fh.write(text)
                written += len(text.encode())
    return str(path)


def _cr_claims_file(d: Path, size: int) -> str:
    """:func:`_claims_file` with its lines ended in a carriage return alone (classic Mac OS)."""
    path = Path(_claims_file(d, size))
    cr = path.with_name("claims-cr.jsonl")
    with open(path, "rb") as src, open(cr, "wb") as dst:
        while piece := src.read(MB):
            dst.write(piece.replace(b"\n", b"\r"))
    path.unlink()
    return str(cr)


def _bom_gold(d: Path) -> str:
    """A claims file of the two articles, and gold files that open with a UTF-8 byte-order mark."""
    claims = _claims_file(d, 1)
    gold = d / "gold"
    gold.mkdir()
    (gold / "doc1.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(
        {"doc": "doc1", "type": "pledge", "actor": ["France"],
         "evidence": ["would provide 2 billion euros"]}).encode() + b"\n")
    return claims


def _read_only_store(d: Path) -> str:
    """A claims file, and a store holding it opened read-only (``mode=ro``) as ``--db``."""
    claims = _claims_file(d, 1)
    subprocess.run([CLAIMKIT, "import", "--db", str(d / "store.db"), claims], capture_output=True, check=True)
    return claims


def _tiny_claims(d: Path, count: int, per_doc: int = 100) -> str:
    """``count`` claims of one-word evidence, ``per_doc`` to a document of as many words."""
    path = d / "tiny.jsonl"
    actor = {"text": "Russia", "name": "Russia", "kind": "country", "iso_code": "RU", "resolved": True}
    with open(path, "w", encoding="utf-8") as fh:
        for first in range(0, count, per_doc):
            words = [f"w{i}" for i in range(min(per_doc, count - first))]
            doc_id, claims, pos = f"doc{first}", [], 0
            for i, word in enumerate(words):
                claims.append({"id": f"war-{first}-{i}", "doc_id": doc_id, "type": "warning", "actor": [actor],
                               "evidence": [{"start": pos, "end": pos + len(word), "text": word,
                                             "alignment": "exact"}]})
                pos += len(word) + 1
            fh.write(json.dumps({"record": "document", "document": {"id": doc_id, "text": " ".join(words)},
                                 "claims": claims}) + "\n")
    return str(path)


def _feed_as_output(d: Path) -> str:
    """An articles feed of 100,000 lines (6 MB), named as extract's -o with --resume."""
    feed = d / "feed.jsonl"
    with open(feed, "w", encoding="utf-8") as fh:
        for i in range(100_000):
            fh.write(json.dumps({"id": f"n{i}", "text": "Short note."}) + "\n")
    return str(feed)


def _fifo(d: Path) -> str:
    os.mkfifo(d / "pipe.txt")
    return str(d / "pipe.txt")


def _fifo_folder(d: Path) -> str:
    (d / "folder").mkdir()
    os.mkfifo(d / "folder" / "pipe.txt")
    return str(d / "folder")


def _jsonl_corpus(d: Path, size: int) -> str:
    """``size`` bytes of JSONL: many ordinary articles, one a line (a corpus, not a bad input)."""
    path = d / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        n = written = 0
        while written < size:
            n += 1
            line = json.dumps({"id": f"c{n}", "text": f"{A_TEXT}\n{FR}{DE}"}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode())
    return str(path)


def _html(d: Path, size: int, name: str) -> str:
    """An HTML page of ``size`` bytes of article paragraphs."""
    path = d / name
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<html><head><title>T</title></head><body><article>")
        para = f"<p>{FR}{DE}</p>\n"
        fh.write(para * max(1, size // len(para.encode())))
        fh.write("</article></body></html>")
    return str(path)


def _many_files(d: Path, count: int) -> str:
    """``count`` short articles, 100 to a folder (the whole tree is the input)."""
    root = d / "many"
    for n in range(count):
        folder = root / f"f{n // 100:04d}"
        if n % 100 == 0:
            folder.mkdir(parents=True)
        (folder / f"a{n:06d}.txt").write_text(A_TEXT if n % 2 else Z_TEXT, encoding="utf-8")
    return str(root)


def _deep_folders(d: Path) -> str:
    """Folders 2,500 deep (a path past PATH_MAX), an article at depth 1,000 and one at the bottom."""
    root = d / "deep"
    root.mkdir()
    fd = os.open(root, os.O_RDONLY)
    try:
        for depth in range(1, 2501):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            if depth in (1000, 2500):
                out = os.open("x.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(out, A_TEXT.encode())
                os.close(out)
    finally:
        os.close(fd)
    return str(root)


def _odd_prose(d: Path, size: int, name: str, how: str) -> str:
    """``size`` bytes of the prose of :func:`_prose` with characters a reader does not see:
    a zero-width space between every two letters, zero-width spaces for spaces, or each
    Latin word with a Cyrillic look-alike letter (the reading form's work, at its largest)."""
    unit = FR + DE + A_TEXT.split("\n\n")[1]
    if how == "zwsp-letters":
        unit = re.sub(r"(?<=\w)(?=\w)", "\u200b", unit)
    elif how == "zwsp-spaces":
        unit = unit.replace(" ", "\u200b")
    else:
        unit = unit.replace("a", "\u0430").replace("o", "\u043e")
    path = d / name
    _write(path, size, unit.encode())
    return str(path)


def _html_many_p(d: Path, count: int = 100_000) -> str:
    """An HTML page of ``count`` short paragraphs (a page split into one paragraph per line)."""
    path = d / "many-p.html"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<html><body><article>")
        fh.write("<p>Le président a déclaré jeudi.</p>\n" * count)
        fh.write("</article></body></html>")
    return str(path)


def _html_big_script(d: Path) -> str:
    """An article page with a 9 MB <script> (an inlined bundle) before its text."""
    path = d / "script.html"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<html><head><script>var x = [")
        fh.write("1234567890," * (9 * MB // 11))
        fh.write("0];</script></head><body><article>")
        fh.write(f"<p>{A_TEXT}</p><p>{FR}</p></article></body></html>")
    return str(path)


def _repeated_record(d: Path, count: int) -> str:
    """One claims record written ``count`` times (the same document id again and again)."""
    line = subprocess.run([CLAIMKIT, "extract", str(d / "a.txt"), "--backend", "rules"],
                          capture_output=True, text=True, check=True).stdout
    path = d / "repeated.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(line * count)
    return str(path)


def _long_evidence(d: Path, count: int) -> str:
    """A claims file of one record whose first claim has ``count`` evidence spans (one span
    repeated): a line of ~``count`` x 95 bytes."""
    line = subprocess.run([CLAIMKIT, "extract", str(d / "a.txt"), "--backend", "rules"],
                          capture_output=True, text=True, check=True).stdout
    rec = json.loads(line)
    claim = rec["claims"][0]
    claim["evidence"] = claim["evidence"][:1] * count
    path = d / "evidence.jsonl"
    path.write_text(json.dumps(rec, separators=(",", ":")) + "\n", encoding="utf-8")
    return str(path)


def _nested_article(d: Path, opening: str, depth: int) -> str:
    """An article page whose article sits under ``depth`` unclosed ``opening`` tags."""
    path = d / "nested.html"
    path.write_text(f"<html><body>{opening * depth}<p>{A_TEXT}</p><p>{FR}</p></body></html>", encoding="utf-8")
    return str(path)


def _lying_charset(d: Path) -> str:
    """A Windows-1252 article page whose ``<meta charset>`` says utf-16."""
    path = d / "lying.html"
    page = f"<html><head><meta charset='utf-16'></head><body><article><p>{FR}</p><p>{FR}</p></article></body></html>"
    data = page.encode("cp1252")
    path.write_bytes(data + b" " * (len(data) % 2))
    return str(path)


def _many_attributes(d: Path, count: int, elements: int = 0) -> str:
    """An article page whose ``<article>`` element has ``count`` attributes (and, before it,
    ``elements`` spans of ``count`` attributes each: the bound's cost at its largest)."""
    path = d / "attributes.html"
    attributes = " ".join(f"a{i}='x'" for i in range(count))
    spans = f"<span {attributes}>w</span>" * elements
    path.write_text(f"<html><body><article {attributes}>{spans}<p>{A_TEXT}</p><p>{FR}</p></article></body></html>",
                    encoding="utf-8")
    return str(path)


def _many_actors(d: Path, count: int) -> str:
    """A claims file of one record whose first claim has ``count`` actors, each its own
    person (a line of ~``count`` x 100 bytes)."""
    line = subprocess.run([CLAIMKIT, "extract", str(d / "a.txt"), "--backend", "rules"],
                          capture_output=True, text=True, check=True).stdout
    rec = json.loads(line)
    claim = rec["claims"][0]
    claim["actor"] = [dict(claim["actor"][0], name=f"Person {i}", text="Macron") for i in range(count)]
    path = d / "actors.jsonl"
    path.write_text(json.dumps(rec, separators=(",", ":")) + "\n", encoding="utf-8")
    return str(path)


def _pretty_records(d: Path) -> str:
    """The two articles' records as ``json.dump(records, indent=2)`` writes them."""
    out = subprocess.run([CLAIMKIT, "extract", str(d / "a.txt"), str(d / "z.txt"), "--backend", "rules"],
                         capture_output=True, text=True, check=True).stdout
    path = d / "claims.json"
    path.write_text(json.dumps([json.loads(ln) for ln in out.splitlines()], indent=2), encoding="utf-8")
    return str(path)


def _text(name: str, size: int, unit: bytes) -> Make:
    def make(d: Path) -> str:
        _write(d / name, size, unit)
        return str(d / name)

    return make


class Bench(NamedTuple):
    """One case: how to make the input, extra arguments, the command, the input's size in
    bytes when a rate (MB/s of CPU) means something, and whether it runs only on demand."""

    make: Make | None
    extra: tuple[str, ...] = ()
    command: str = "extract"
    size: int | None = None
    #: minutes of CPU at today's extraction speed: only with --all or a matching --only
    slow: bool = False


#: name -> the case
CASES: dict[str, Bench] = {
    "baseline (two articles)": Bench(None),
    "100 MB .txt (over the 10 MB limit)": Bench(lambda d: _prose(d, 100 * MB, "big.txt")),
    "9 MB .txt prose (under the limit)": Bench(lambda d: _prose(d, 9 * MB, "nine.txt"), size=9 * MB,
                                               slow=True),
    "1 MB .txt prose": Bench(lambda d: _prose(d, MB, "one.txt"), size=MB),
    "2 MB .txt prose": Bench(lambda d: _prose(d, 2 * MB, "two.txt"), size=2 * MB),
    "5 MB CJK, no punctuation": Bench(_text("cjk.txt", 5 * MB, "北约防长讨论安全保障".encode()), size=5 * MB),
    "30 MB line, no spaces (over the limit)": Bench(_text("line.txt", 30 * MB, b"a")),
    "9 MB line, no spaces": Bench(_text("line9.txt", 9 * MB, b"a"), size=9 * MB),
    "100 MB JSONL line + a good line": Bench(_jsonl_huge_line),
    "10 MB JSONL, 5M-deep nesting": Bench(lambda d: (d / "deep.jsonl").write_bytes(
        b"[" * (5 * MB) + b"]" * (5 * MB) + b"\n") and str(d / "deep.jsonl")),
    "20 MB JSONL corpus, loading only": Bench(lambda d: _jsonl_corpus(d, 20 * MB), command="load",
                                              size=20 * MB),
    "100 MB JSONL corpus, loading only": Bench(lambda d: _jsonl_corpus(d, 100 * MB), command="load",
                                               size=100 * MB, slow=True),
    "2 MB JSONL corpus (extract)": Bench(lambda d: _jsonl_corpus(d, 2 * MB), size=2 * MB),
    "10 MB JSONL corpus (extract)": Bench(lambda d: _jsonl_corpus(d, 10 * MB), size=10 * MB, slow=True),
    "100 MB HTML (over the limit)": Bench(lambda d: _html(d, 100 * MB, "big.html")),
    "9 MB HTML of paragraphs, loading only": Bench(lambda d: _html(d, 9 * MB, "nine.html"), command="load",
                                                   size=9 * MB),
    # the two sizes' times show the growth: linear since round 5 (before: 10,000 ~1 s, 100,000 ~33 s)
    "HTML, 10,000 <p>, loading only": Bench(lambda d: _html_many_p(d, 10_000), command="load"),
    "HTML, 100,000 <p>, loading only": Bench(_html_many_p, command="load"),
    "HTML with a 9 MB <script>": Bench(_html_big_script),
    "1 MB prose, zero-width space between letters": Bench(
        lambda d: _odd_prose(d, MB, "zw.txt", "zwsp-letters"), size=MB),
    "1 MB prose, zero-width spaces for spaces": Bench(
        lambda d: _odd_prose(d, MB, "zs.txt", "zwsp-spaces"), size=MB),
    "1 MB prose, Cyrillic look-alikes in words": Bench(
        lambda d: _odd_prose(d, MB, "cy.txt", "homoglyph"), size=MB),
    "9 MB one word of alternating Latin/Cyrillic, loading only": Bench(
        _text("mix.txt", 9 * MB, "a\u0430".encode()), command="load", size=9 * MB),
    "validate, one record repeated 100,000 times": Bench(lambda d: _repeated_record(d, 100_000),
                                                         command="validate"),
    # a claim of 500,000 evidence spans (a 47 MB line: under the 64 MB line limit; 1,000,000
    # spans are past it, one line skipped)
    "validate, one claim of 500,000 evidence spans": Bench(lambda d: _long_evidence(d, 500_000),
                                                           command="validate"),
    "view, one claim of 500,000 evidence spans": Bench(lambda d: _long_evidence(d, 500_000),
                                                       command="view"),
    # round 7: a claim's actor keys were gathered in a list, each new one looked for in it
    # (before: 20,000 actors 5 s of CPU, 100,000 killed after 300 s); the two sizes show the growth
    "validate, one claim of 20,000 actors": Bench(lambda d: _many_actors(d, 20_000), command="validate"),
    "validate, one claim of 80,000 actors": Bench(lambda d: _many_actors(d, 80_000), command="validate"),
    "view, one claim of 80,000 actors": Bench(lambda d: _many_actors(d, 80_000), command="view"),
    # round 7: one line for the whole file (before: one per line, up to 20, and a count)
    "validate, an article as a claims file": Bench(
        lambda d: (d / "article.txt").write_text(f"{A_TEXT}\n{FR}\n{DE}\n" * 20) and str(d / "article.txt"),
        command="validate"),
    "validate, claims as pretty-printed JSON": Bench(_pretty_records, command="validate"),
    "HTML, 50,000 nested divs": Bench(lambda d: (d / "divs.html").write_text(
        "<html><body>" + "<div>" * 50_000 + "x" + "</div>" * 50_000 + "</body></html>")
        and str(d / "divs.html")),
    # round 6: an article under 2,000 levels (before: libxml2 stopped at 255, article lost)
    "HTML, article under 2,000 nested divs": Bench(lambda d: _nested_article(d, "<div>", 2000)),
    "HTML, article after 300 unclosed <font>": Bench(lambda d: _nested_article(d, "<font>", 300)),
    # round 6: a Windows-1252 page declaring UTF-16 (before: 'no article text found')
    "HTML in Windows-1252 declaring utf-16": Bench(_lying_charset),
    # round 7: libxml2's attribute parsing is quadratic in one element's attributes; an element
    # keeps its first 1,000 (before: 10,000 0.6 s, 100,000 70 s of CPU to load); the three
    # sizes show the growth
    "HTML, one element of 1,000 attributes": Bench(lambda d: _many_attributes(d, 1_000)),
    "HTML, one element of 10,000 attributes": Bench(lambda d: _many_attributes(d, 10_000)),
    "HTML, one element of 100,000 attributes": Bench(lambda d: _many_attributes(d, 100_000)),
    "HTML, 1,000 elements of 1,000 attributes, loading only": Bench(
        lambda d: _many_attributes(d, 1_000, 1_000), command="load"),
    "FIFO named directly": Bench(_fifo),
    "FIFO inside a folder": Bench(_fifo_folder),
    "20,000 small files in folders, loading only": Bench(lambda d: _many_files(d, 20_000), command="load"),
    "1,000 small files in folders (extract)": Bench(lambda d: _many_files(d, 1_000)),
    "folders nested 2,500 deep (past PATH_MAX)": Bench(_deep_folders),
    "1,000 documents to a full disk (-o /dev/full)": Bench(lambda d: _jsonl_corpus(d, 1_000 * 650),
                                                           command="full"),
    "validate, 100 MB claims file": Bench(lambda d: _claims_file(d, 100 * MB), command="validate"),
    "validate, 200 MB claims file": Bench(lambda d: _claims_file(d, 200 * MB), command="validate"),
    "view, 100 MB claims file": Bench(lambda d: _claims_file(d, 100 * MB), command="view"),
    "view, 200 MB claims file": Bench(lambda d: _claims_file(d, 200 * MB), command="view"),
    "eval, 100 MB claims file": Bench(lambda d: _claims_file(d, 100 * MB), command="eval"),
    "import --db sqlite, 100 MB claims file": Bench(lambda d: _claims_file(d, 100 * MB), command="import"),
    # round 8: lines ended by CR alone were one line (before: 'line 1: line longer than 64.0 MB', all
    # records lost); the rate shows the CR reader keeps pace with the LF one above
    "validate, 100 MB claims file, CR line ends": Bench(lambda d: _cr_claims_file(d, 100 * MB),
                                                        command="validate", size=100 * MB),
    # round 8: a gold file with a byte-order mark (before: exit 2, 'Unexpected UTF-8 BOM', no score)
    "eval, gold files with a UTF-8 byte-order mark": Bench(_bom_gold, command="eval-bom"),
    # round 8: many tiny claims (one-word evidence, 100 to a document): time and memory grow
    # linearly (100,000 -> 200,000: validate 7 -> 15 s CPU, 408 -> 730 MB; view 17 -> 31 s,
    # 412 -> 739 MB), about 3.3 kB a claim: 1,000,000 of them (250 MB) take ~3.4 GB.
    # Round 9 (shared fields sets of groups and findings, claims let go as the report's groups
    # are made): validate 100,000 -> 200,000: 277 -> 470 MB, about 2.0 kB a claim; where it
    # goes: --bytes-per-claim 100000 (3,034 -> 1,812 bytes a claim traced at the peak)
    "validate, 100,000 one-word claims": Bench(lambda d: _tiny_claims(d, 100_000), command="validate"),
    "validate, 200,000 one-word claims": Bench(lambda d: _tiny_claims(d, 200_000), command="validate"),
    "view, 200,000 one-word claims": Bench(lambda d: _tiny_claims(d, 200_000), command="view"),
    "validate, 1,000,000 one-word claims": Bench(lambda d: _tiny_claims(d, 1_000_000), command="validate",
                                                 slow=True),
    # round 8: --resume on JSON Lines of no record (before: 20 warnings and a count, then appended to)
    "extract --resume on an articles feed of 100,000 lines": Bench(_feed_as_output, command="resume-feed"),
    # round 8: a store that cannot be written (before: a traceback with the SQL, exit 1)
    "import --db, a read-only store": Bench(_read_only_store, command="import-ro"),
}

#: the loader alone (decode, split, metadata) over every document of one input
_LOAD = "import sys; from claimkit.documents import load_documents; print(sum(1 for _ in load_documents(sys.argv[1:])))"


def _args(command: str, bad: str | None, d: Path) -> list[str]:
    if command == "validate":
        return [CLAIMKIT, "validate", "--fail-on", "never", "--format", "jsonl", str(bad)]
    if command == "view":
        return [CLAIMKIT, "view", str(bad), "-o", str(d / "report.html")]
    if command == "eval":
        gold = d / "gold"
        gold.mkdir()
        (gold / "doc1.jsonl").write_text(json.dumps({"doc": "doc1", "type": "pledge", "actor": ["France"],
                                                     "evidence": ["would provide 2 billion euros"]}) + "\n")
        return [CLAIMKIT, "eval", "--gold", str(gold), str(bad), "--json"]
    if command == "import":
        return [CLAIMKIT, "import", "--db", f"sqlite:///{d / 'store.db'}", str(bad)]
    if command == "import-ro":
        return [CLAIMKIT, "import", "--db", f"sqlite:///file:{d / 'store.db'}?mode=ro&uri=true", str(bad)]
    if command == "resume-feed":
        return [CLAIMKIT, "extract", str(d / "a.txt"), "-o", str(bad), "--resume", "--backend", "rules", "-q"]
    if command == "eval-bom":
        return [CLAIMKIT, "eval", "--gold", str(d / "gold"), str(bad), "--json"]
    if command == "load":
        return [sys.executable, "-c", _LOAD, str(bad)]
    files = [str(d / "a.txt"), *([bad] if bad else []), str(d / "z.txt")]
    out = "/dev/full" if command == "full" else str(d / "out.jsonl")
    return [CLAIMKIT, "extract", *files, "-o", out, "--backend", "rules", "-q"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="case names containing these words")
    parser.add_argument("--all", action="store_true",
                        help="also the slow cases (minutes of CPU at today's extraction speed)")
    parser.add_argument("--cpu-timeout", type=float, default=CPU_TIMEOUT,
                        help=f"seconds of CPU before a case is killed (default {CPU_TIMEOUT:.0f}: twice "
                        "the target; CPU time does not grow with the machine's load)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT,
                        help=f"seconds of wall time before a case is killed (default {TIMEOUT:.0f}: "
                        "catches a case that waits instead of working)")
    parser.add_argument("--bytes-per-claim", type=int, default=None, metavar="N",
                        help="only trace `claimkit validate` on N one-word claims and print the "
                        "bytes it holds per claim (tracemalloc; 100,000 take a few minutes)")
    opts = parser.parse_args()
    if opts.bytes_per_claim:
        bytes_per_claim(opts.bytes_per_claim)
        return
    sys.setrecursionlimit(20_000)  # this script's own clean-up of the 2,500-deep folders (shutil.rmtree)
    baseline = None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times grow with it)")
    print(f"{'case':46} {'time':>8} {'cpu':>7} {'ratio':>7} {'MB/s':>6} {'peak RSS':>9} exit  message")
    for name, case in CASES.items():
        if case.make is not None and not _chosen(name, case, opts.only, opts.all):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            (d / "a.txt").write_text(A_TEXT, encoding="utf-8")
            (d / "z.txt").write_text(Z_TEXT, encoding="utf-8")
            bad = case.make(d) if case.make is not None else None
            res = _rss.run([*_args(case.command, bad, d), *case.extra], timeout=opts.timeout,
                           cpu_timeout=opts.cpu_timeout)
        lines = [ln for ln in res.stderr.splitlines() if not ROUTINE.match(ln)]
        message = (f"TIMEOUT after {res.cpu:.0f} s of CPU, {res.seconds:.0f} s in all" if res.timed_out
                   else " | ".join(lines)[:160])
        baseline = baseline or res.seconds
        # MB of the input per second of CPU (a killed case: a bound, marked <)
        rate = "" if case.size is None else f"{'<' if res.timed_out else ''}{case.size / MB / res.cpu:.2f}"
        print(f"{name:46} {res.seconds:7.2f}s {res.cpu:6.1f}s {res.seconds / baseline:6.1f}x {rate:>6} "
              f"{res.peak / MB:7.0f}MB {res.returncode:4}  {message}", flush=True)


#: ``claimkit validate``'s own path (reader, compaction, validation, the report kept) under
#: tracemalloc, after a warm-up on 100 claims (babel's locale data, the gazetteer: loaded once,
#: not per claim); prints the bytes per claim traced at the peak and the largest sites
_TRACE = """
import sys, tracemalloc
from claimkit.cli.app import ClaimsReader
from claimkit.consistency import paused_gc, validate
from claimkit.io import compact_records

def run(path):
    with paused_gc():
        return validate(compact_records(ClaimsReader(False).records((path,)), in_place=True))

run(sys.argv[1])
tracemalloc.start()
report = run(sys.argv[2])
peak = tracemalloc.get_traced_memory()[1]
n = report.n_claims
print(f"{n} claims, {len(report.groups)} groups: {peak / n:.0f} bytes per claim at the peak (traced)")
for stat in tracemalloc.take_snapshot().statistics("lineno")[:8]:
    print(f"  {stat.size / n:6.0f} B/claim  {stat.traceback[0]}")
"""


def bytes_per_claim(count: int) -> None:
    """``--bytes-per-claim N``: the memory ``claimkit validate`` holds per claim of N one-word
    claims (each its own group: the worst case per claim), traced in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        warm = Path(_tiny_claims(d, 100)).rename(d / "warm.jsonl")
        subprocess.run([sys.executable, "-c", _TRACE, str(warm), _tiny_claims(d, count)], check=True)


def _chosen(name: str, case: Bench, only: list[str] | None, everything: bool) -> bool:
    if only:
        return any(w in name for w in only)
    return everything or not case.slow


if __name__ == "__main__":
    main()
