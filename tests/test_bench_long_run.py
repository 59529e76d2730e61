"""The long-run bench's pages and its count of the backend's memos of names met.

``bench/long_run.py`` reads page after page in one process; each page must bring names
no page before it had (else no memo keyed by names would grow), and its count of memo
entries must read the bounded lookups (:class:`GazetteerLookups`) once, not once per method.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from claimkit.extract.rules import RulesBackend
from claimkit.schemas import Document

_BENCH = Path(__file__).resolve().parent.parent / "bench" / "long_run.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_long_run", _BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_long_run", module)
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        # the bench puts bench/ first on the path, as a script does; left there, its
        # distributed.py would hide dask's package from every later test's worker processes
        sys.path[:] = path
    return module


def _names(text: str) -> set[str]:
    return set(re.findall(r"\b[A-Z][a-z]+\b", text))


def test_a_page_is_one_line_of_about_the_size_and_brings_new_names() -> None:
    bench = _bench()
    first, second = bench.page("en", 20_000, seed=0), bench.page("en", 20_000, seed=1)
    assert "\n" not in first and 20_000 <= len(first.encode("utf-8")) < 25_000
    assert bench.page("en", 20_000, seed=0) == first  # seeded
    new = _names(second) - _names(first)
    assert len(new) > 50  # the second page's names are mostly not the first's


def test_memo_entries_counts_the_names_met_once() -> None:
    bench = _bench()
    backend = RulesBackend()
    assert bench.memo_entries(backend) == 0
    text = "Foreign Minister Kalomiran Tevoshi of Kenya said on Monday that Kenya will send 200 troops to Haiti."
    backend.extract(Document(id="a", text=text, language="en", published="2025-06-02"))
    lookups = backend._finders.resolve.__self__
    assert bench.memo_entries(backend) == len(lookups.names) + len(lookups.persons) > 0


def test_the_summary_compares_the_first_round_of_languages_with_the_last() -> None:
    bench = _bench()
    k = len(bench.LANGUAGES)
    rows = [{"s_per_mb": 2.0, "rss": 100.0, "memo": 10} for _ in range(k)]
    rows += [{"s_per_mb": 3.0, "rss": 120.0 + i, "memo": 20 + i} for i in range(k)]
    got = bench.summary(rows)
    assert got["first"] == 2.0 and got["last"] == 3.0 and got["ratio"] == 1.5
    assert (got["rss_first"], got["rss_last"], got["memo_first"], got["memo_last"]) == (100.0, 127.0, 10, 27)
