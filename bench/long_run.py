"""Time per MB and memory over a long run of pages read in ONE process (issue 13, "memory flat").

Usage::

    PYTHONPATH=$PWD/src python bench/long_run.py [--pages N] [--size MB] [--memo N] [--against REV]

One :class:`RulesBackend`, warmed up as ``bench/extract.py`` does, reads ``N`` pages (24 by
default) one after another, the languages in turn (en, pl, fr, de, ru, tr, zh, ar). A page
is about ``MB`` megabytes (0.1 by default) of that language's bench pieces on one line
whose capitalised words are mostly made-up names (syllables in a row), so that every page
brings names no page before it had, as a feed of news does. Per page it prints the CPU
seconds per MB, the resident memory (``VmRSS``), the objects the collector tracks and the
entries of the backend's memos of names met (:class:`GazetteerLookups`; read from the old
closures too). Then first against last: the s/MB of the first and of the last round of
languages (and their ratio), the RSS and the memo entries after the first round and
after the last. Flat is a ratio near 1 and memos that stop growing.

``--memo N`` sets the bound of those memos (``support.LOOKUP_MEMO``, 100,000) to ``N``
in the measured process, where the tree has one: a run of a few MB then shows the bound
at work (a tree without it ignores the option).

``--against REV`` runs the same pages in two child processes, ``src/`` of the git revision
``REV`` (``git archive``, as ``bench/extract.py --against``) and then the working tree, and
prints both first-against-last lines, measured in the same run.
"""

from __future__ import annotations

import gc
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract as bench  # noqa: E402  (bench/extract.py: the pieces, the warm-up, git archive)

from claimkit.extract.rules import RulesBackend  # noqa: E402
from claimkit.schemas import Document  # noqa: E402

LANGUAGES = ("en", "pl", "fr", "de", "ru", "tr", "zh", "ar")
_SYLLABLES = ("ka", "lo", "mi", "ran", "te", "vo", "shi", "bel", "dor", "nu", "pra", "zek", "ol", "ia", "sto", "wen")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def page(lang: str, size: int, seed: int) -> str:
    """About ``size`` bytes of ``lang``'s pieces on one line, seven in ten capitalised
    words made-up names (seeded: the same page every run)."""
    rng = random.Random(seed)
    parts = [text.replace("\n", " ") for code, text in bench.pieces() if code == lang]
    out: list[str] = []
    total = 0
    while total < size:
        piece = _CAPITALISED.sub(lambda m: _made_up(rng) if rng.random() < 0.7 else m.group(), rng.choice(parts))
        out.append(piece)
        total += len(piece.encode("utf-8")) + 1
    return " ".join(out)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def memo_entries(backend: RulesBackend) -> int:
    """Entries of the backend's memos of names met: the dictionaries of the object behind
    its ``resolve`` and ``speaks_for`` (bound methods), or in their closures (the code
    before the bound)."""
    finders = backend._finders  # noqa: SLF001 - what the bench measures
    held: dict[int, Any] = {}
    for fn in (finders.resolve, finders.speaks_for):
        owner = getattr(fn, "__self__", None)
        values = vars(owner).values() if owner is not None else [c.cell_contents for c in fn.__closure__ or ()]
        held.update((id(v), v) for v in values if isinstance(v, dict))
    return sum(len(v) for v in held.values())


def run(pages: int, size: float, json_lines: bool, memo: int | None = None) -> list[dict[str, Any]]:
    """The run itself: one line per page (JSON or a table row)."""
    from claimkit.extract.rules import support

    if memo is not None and hasattr(support, "LOOKUP_MEMO"):
        support.LOOKUP_MEMO = memo  # this bench process only
    backend = RulesBackend()
    bench.warm_up(backend)
    rows: list[dict[str, Any]] = []
    for i in range(pages):
        lang = LANGUAGES[i % len(LANGUAGES)]
        text = page(lang, int(size * 1e6), seed=i)
        doc = Document(id=f"page{i}", text=text, language=lang, published="2025-06-02")
        start = time.process_time()
        backend.extract(doc)
        seconds = time.process_time() - start
        rows.append({"page": i, "lang": lang, "s_per_mb": seconds / (len(text.encode("utf-8")) / 1e6),
                     "rss": _rss_mb(), "objects": len(gc.get_objects()), "memo": memo_entries(backend)})
        r = rows[-1]
        print(json.dumps(r) if json_lines else f"  page {i:3d} {lang}  {r['s_per_mb']:6.2f} s/MB  RSS {r['rss']:7.1f} MB"
              f"  {r['objects']:7d} objects  {r['memo']:6d} memo entries", flush=True)
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """First round of languages against the last: mean s/MB, RSS and memo entries after each."""
    import claimkit

    k = min(len(LANGUAGES), len(rows))
    first, last = rows[:k], rows[-k:]
    mean_first = sum(r["s_per_mb"] for r in first) / k
    mean_last = sum(r["s_per_mb"] for r in last) / k
    return {"src": str(Path(claimkit.__file__).resolve().parent.parent),
            "first": mean_first, "last": mean_last, "ratio": mean_last / mean_first,
            "rss_first": first[-1]["rss"], "rss_last": last[-1]["rss"],
            "memo_first": first[-1]["memo"], "memo_last": last[-1]["memo"]}


def _line(label: str, s: dict[str, Any]) -> str:
    return (f"  {label:<20} first round {s['first']:5.2f} s/MB, last {s['last']:5.2f} s/MB (x{s['ratio']:.2f}); "
            f"RSS {s['rss_first']:.1f} -> {s['rss_last']:.1f} MB; memo entries {s['memo_first']} -> {s['memo_last']}")


def _run_child(src: Path, pages: int, size: float, memo: str | None) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    extra = ["--memo", memo] if memo is not None else []
    done = subprocess.run([sys.executable, __file__, "--child", "--pages", str(pages), "--size", str(size), *extra],
                          check=True, capture_output=True, text=True, env=env)
    got: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return got


def against(rev: str, pages: int, size: float, memo: str | None) -> None:
    """``rev``'s ``src/`` then the working tree's, each in a child process, in this run."""
    with tempfile.TemporaryDirectory() as name:
        other = bench._tree_at(rev, Path(name))  # noqa: SLF001 - the bench's shared helper
        if other is None:
            return
        bound = f", memo bound {memo}" if memo is not None else ""
        print(f"{pages} pages of {size} MB{bound}, one process each (load {os.getloadavg()[0]:.1f}):")
        for label, src in ((rev, other), ("working tree", bench.ROOT / "src")):
            got = _run_child(src, pages, size, memo)
            if Path(got["src"]).resolve() != src.resolve():
                print(f"  {label}: claimkit was imported from {got['src']}, not {src}: no comparison")
                return
            print(_line(label, got), flush=True)


def main(argv: list[str]) -> None:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return
    pages = int(bench._option(argv, "--pages") or 24)  # noqa: SLF001
    size = float(bench._option(argv, "--size") or 0.1)  # noqa: SLF001
    rev = bench._option(argv, "--against")  # noqa: SLF001
    memo = bench._option(argv, "--memo")  # noqa: SLF001
    if rev is not None:
        against(rev, pages, size, memo)
        return
    rows = run(pages, size, "--child" in argv, int(memo) if memo is not None else None)
    got = summary(rows)
    print(json.dumps(got) if "--child" in argv else _line("this tree", got), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
