"""Cold start on the real articles: ``bench/extract.py --cold [--rounds K]``.

Every run is a fresh child process (``python bench/_cold.py --child MODE PATH OUT``)
over the article sets of the repository (``tests/data/articles*`` without the gold
folders, and ``examples/articles``), so imports, the language model, dateparser's
locales and every table built on first use are counted the way one ``claimkit
extract`` meets them. Two modes:

- **documents only**: ``load_documents`` over every set (reading, decoding, page
  splitting, date lines, language detection);
- **extract end to end**: ``claimkit extract SETS... -o FILE --backend rules``
  (the CLI's own ``main``, in the child).

Each mode runs with this tree's date reading and with the previous path kept here
as the baseline (:func:`_old_read_named`: dateparser for every month name, in the
line's language and then, when that reads nothing, in every language dateparser
has, which loads all its locales; Levantine names by CLDR's ``ar_SY`` table only
after that, and the patterns that read no two-letter name such as "آب"), alternated over K rounds (3 by default; which comes first alternates
too). Printed: the child's CPU seconds (user + system) and wall seconds of each
round, the medians, the ratio of the medians, and whether the publication dates
of the documents differ between the two (documents-only runs, by document).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def article_sets() -> list[Path]:
    """The folders of real articles: the tuned, held-out and sample sets (no gold)."""
    sets = sorted(p for p in (ROOT / "tests" / "data").glob("articles*") if not p.name.endswith("_gold"))
    return [*sets, ROOT / "examples" / "articles"]


def _levantine(name: str) -> int | None:
    """The previous table: CLDR's ``ar_SY`` month names, as written (no folding)."""
    from babel import Locale

    return {n: int(k) for k, n in Locale.parse("ar_SY").months["format"]["wide"].items()}.get(name)


def _old_read_named(day: str, name: str, year: str, language: str | None) -> dt.date | None:
    """The date reading before the month table: dateparser first, all languages on a miss."""
    from claimkit.documents._named import _dateparser, valid_date

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    raw = f"{day} {name} {year}"
    try:
        parsed = _dateparser().parse(raw, languages=[language] if language else None, settings=settings)
    except (ValueError, TypeError, OverflowError):
        parsed = None
    if parsed is None and language:  # the detected language may be wrong; try all
        parsed = _dateparser().parse(raw, settings=settings)
    if parsed is not None:
        return valid_date(parsed.year, parsed.month, parsed.day)
    month = _levantine(name)
    return valid_date(int(year), month, int(day)) if month else None


def _use_old_path() -> None:
    """Put the previous date reading in place: :func:`_old_read_named`, the ``ar_SY`` table
    and the patterns that wanted a second name of three letters and a name of two words."""
    from claimkit.documents import _dates

    year = _dates._YEAR  # noqa: SLF001 - the bench swaps the module's parts
    _dates.read_named = _old_read_named  # type: ignore[assignment]
    _dates.month_by_table = _levantine  # type: ignore[assignment]
    _dates._D_MON_ALT_Y = re.compile(  # noqa: SLF001
        rf"(?<!\d)(\d{{1,2}})\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*/\s*([^\W\d_]{{3,}})\s+({year})(?!\d)"
    )
    _dates._D_MON2_Y = re.compile(rf"(?<!\d)(\d{{1,2}})\s+([^\W\d_]+\s+[^\W\d_]+)\s+({year})(?!\d)")  # noqa: SLF001


def child(mode: str, path: str, out: str) -> None:
    """One cold run: ``mode`` is ``docs`` or ``extract``; ``path`` ``new`` or ``old``."""
    if path == "old":
        _use_old_path()
    sets = [str(p) for p in article_sets()]
    if mode == "docs":
        from claimkit.documents import load_documents

        published = {f"{s}/{d.id}": str(d.published) for s in sets for d in load_documents([s])}
        Path(out).write_text(json.dumps(published, ensure_ascii=False), encoding="utf-8")
        return
    from claimkit.cli import main

    sys.argv = ["claimkit", "extract", *sets, "-o", out, "--backend", "rules", "-q"]
    try:
        main()
    except SystemExit as done:
        if done.code not in (0, None):
            raise


def _run(mode: str, path: str, out: Path) -> tuple[float, float]:
    """CPU (user + system) and wall seconds of one child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, __file__, "--child", mode, path, str(out)],
        check=True, stderr=subprocess.DEVNULL, env={**os.environ, "CLAIMKIT_PLUGINS": ""},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def report_cold(rounds: int) -> None:
    """This tree's date reading against the previous path, cold, K rounds alternated."""
    sets = article_sets()
    print(f"cold start on the real articles ({len(sets)} folders), fresh child processes, "
          f"{rounds} rounds alternated; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for mode, label in (("docs", "documents only"), ("extract", "extract end to end")):
            runs: dict[str, list[tuple[float, float]]] = {"new": [], "old": []}
            for r in range(rounds):
                for path in ("new", "old")[:: 1 if r % 2 == 0 else -1]:
                    runs[path].append(_run(mode, path, tmp / f"{mode}-{path}.json"))
            _print_mode(label, runs)
            if mode == "docs":
                _compare_dates(tmp / "docs-new.json", tmp / "docs-old.json")


def _print_mode(label: str, runs: dict[str, list[tuple[float, float]]]) -> None:
    print(f"{label}:")
    med: dict[str, float] = {}
    for path, title in (("new", "month table, bounded retry"), ("old", "baseline: all-language retry")):
        cpus = [c for c, _ in runs[path]]
        med[path] = statistics.median(cpus)
        print(f"  {title:<30} CPU " + "  ".join(f"{c:5.2f}" for c in cpus)
              + f" s (median {med[path]:.2f});  wall " + "  ".join(f"{w:5.2f}" for _, w in runs[path]) + " s")
    print(f"  new / baseline, median CPU: x{med['new'] / med['old']:.2f} ({med['old'] - med['new']:.2f} s less)")


def _compare_dates(new: Path, old: Path) -> None:
    a: dict[str, Any] = json.loads(new.read_text(encoding="utf-8"))
    b: dict[str, Any] = json.loads(old.read_text(encoding="utf-8"))
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    print(f"  publication dates: {len(a)} documents, {len(differ)} differ between the two")
    for k in differ[:10]:
        print(f"    {Path(k).relative_to(ROOT)}: {b.get(k)} -> {a.get(k)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(*sys.argv[2:5])
    else:
        report_cold(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
