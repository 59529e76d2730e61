"""Which rule dated each matched claim of the rules backend, and how often it was right.

The rules backend dates a claim by the first of these paths that finds a day
(``docs/offline-extractor.md``, ``date:`` under the fields): a date in the claim's
clause (``clause``), else in its sentence (``sentence``), else in the next
sentence's attribution (``reported``), else the last day earlier in its paragraph
(``paragraph``), else, for a claim made at a meeting the article told of before ("At
the meeting, ..."), the last day named before its sentence (``setting``), else the story's day from the lead (``story``: a sentence's day;
``story dateline``: the day its dateline gives), else the day the
article was published: ``publication`` (the text names days), ``brief`` (it names
none), ``filed`` (a dateline's day before publication), ``dateline`` (no
publication date: the dateline's); ``none`` when nothing dates it.
:meth:`claimkit.extract.rules.RulesBackend.date_paths` tells the path of each claim.

For each set, the dev articles (``examples/articles``, gold ``examples/gold``) and the
tuned test articles (``tests/data/articles``, gold ``tests/data/articles_gold``),
it prints counts only: per path, the matched claims whose date is right, dated where
the gold leaves it null (``gold null``), left null where the gold dates it (``missed``),
another day (``other day``), or the same day at another granularity (``granularity``:
"2025-03" for "2025-03-27"); then the same per path, claim type and tense (``future``:
a future cue or future verb in the claim's evidence, "will send", "enviará"; else
``other``, a past act or a standing position). No held-out set is read.

    .venv/bin/python bench/rules_dates.py [dev | tuned]
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import claimkit
from claimkit.evaluate import evaluate
from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.support import CueScan
from claimkit.extract.rules.tense import LANGUAGES as FUTURE_LANGUAGES
from claimkit.extract.rules.tense import futures
from claimkit.gold import load_gold

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": (ROOT / "examples" / "articles", ROOT / "examples" / "gold"),
    "tuned": (ROOT / "tests" / "data" / "articles", ROOT / "tests" / "data" / "articles_gold"),
}
PATHS = ("clause", "sentence", "reported", "paragraph", "setting", "ahead", "story", "story dateline", "publication", "brief", "filed", "dateline", "none")
OUTCOMES = ("right", "gold null", "missed", "other day", "granularity")


def outcome(got: str | None, gold: str | None) -> str:
    """How a predicted date ``got`` compares with the gold one."""
    if got == gold:
        return "right"
    if gold is None:
        return "gold null"
    if got is None:
        return "missed"
    if got.startswith(gold) or gold.startswith(got):
        return "granularity"
    return "other day"


def _tense(backend: RulesBackend, doc: claimkit.Document, span: tuple[int, int], scan: CueScan) -> str:
    """``future`` when the evidence holds a future cue or a future-tense verb, else ``other``."""
    lc = backend.cues.language(doc.language) if doc.language else None
    if lc is None:
        return "other"
    if scan.has(lc, "future", *span):
        return "future"
    if doc.language in FUTURE_LANGUAGES and futures(doc.language, doc.text, *span):
        return "future"
    return "other"


def tally(articles: Path, gold_dir: Path) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str, str, str]]]:
    """(path, outcome) counts and (path, type, tense, outcome) counts of a set's matched claims."""
    backend = RulesBackend()
    docs = [d for d in claimkit.load_documents([articles]) if Path(d.source or "").suffix == ".txt"]
    records = [r for r in claimkit.extract(docs, backend="rules") if isinstance(r, claimkit.DocumentClaims)]
    by_doc = {d.id: d for d in docs}
    paths: dict[tuple[str, int, int], str] = {}
    scans: dict[str, CueScan] = {}
    for d in docs:
        scans[d.id] = CueScan(d.text)
        for spans, path in backend.date_paths(d):
            for start, end in spans:
                paths[(d.id, start, end)] = path
    report = evaluate(load_gold(gold_dir), records)
    short: Counter[tuple[str, str]] = Counter()
    full: Counter[tuple[str, str, str, str]] = Counter()
    for m in report.matches:
        if m.gold.optional:
            continue
        ev = m.claim.evidence[0]
        path = next((p for e in m.claim.evidence if (p := paths.get((m.claim.doc_id, e.start, e.end)))), "?")
        how = outcome(m.claim.date.value if m.claim.date else None, m.gold.date)
        doc = by_doc[m.claim.doc_id]
        short[(path, how)] += 1
        full[(path, m.claim.type, _tense(backend, doc, (ev.start, ev.end), scans[doc.id]), how)] += 1
    return short, full


def _row(label: str, counts: Sequence[int]) -> str:
    return f"{label:<34}" + "".join(f"{n:>12}" for n in counts) + f"{sum(counts):>8}"


def show(name: str) -> None:
    """Print the tables of one set."""
    short, full = tally(*SETS[name])
    print(f"== {name}: matched claims by date path and outcome")
    print(f"{'path':<34}" + "".join(f"{o:>12}" for o in OUTCOMES) + f"{'all':>8}")
    for path in [*PATHS, "?"]:
        counts = [short[(path, o)] for o in OUTCOMES]
        if sum(counts):
            print(_row(path, counts))
    print(_row("all", [sum(n for (_, o), n in short.items() if o == out) for out in OUTCOMES]))
    print(f"-- {name}: by path, type and tense")
    keys = sorted({k[:3] for k in full}, key=lambda k: ([*PATHS, "?"].index(k[0]), k[1], k[2]))
    for key in keys:
        print(_row(" ".join(key), [full[(*key, o)] for o in OUTCOMES]))


def main(argv: list[str]) -> None:
    for name in argv or list(SETS):
        if name not in SETS:
            raise SystemExit(f"unknown set {name!r}: one of {', '.join(SETS)}")
        show(name)


if __name__ == "__main__":
    main(sys.argv[1:])
