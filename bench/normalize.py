"""Speed of the normalisation layer (prints figures; not a test).

Run from the repo root::

    .venv/bin/python bench/normalize.py

Each figure is measured in a fresh interpreter where it matters (first-call
cost of building the gazetteer and country tables, and of reading GeoNames'
city table behind ``city_country``, the country of a dateline's city: CPU
seconds and the process's peak RSS before and after).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_CALL = """
import time
t0 = time.perf_counter()
from claimkit.normalize import resolve_actor
t1 = time.perf_counter()
resolve_actor("Britain")
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")
"""

CITY_TABLE = """
import resource, time
from claimkit.normalize._cities import city_country
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.process_time()
country = city_country("Concepción")
t1 = time.process_time()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t2 = time.process_time()
city_country("Cork")
t3 = time.process_time()
print(f"{t1 - t0:.3f} {(rss1 - rss0) / 1024:.1f} {(t3 - t2) * 1e6:.0f} {country}")
"""


def _city_table() -> None:
    """The first ``city_country`` call reads GeoNames' table: its CPU and memory, once per process."""
    runs = [subprocess.run([sys.executable, "-c", CITY_TABLE], capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(3)]
    cpu = sorted(float(r[0]) for r in runs)
    rss = sorted(float(r[1]) for r in runs)
    later = sorted(float(r[2]) for r in runs)
    print(f"first city_country (reads GeoNames' city table): median {cpu[1]:.2f} s of CPU, "
          f"peak RSS +{rss[1]:.0f} MB; a later call {later[1]:.0f} us "
          f"(3 fresh processes; 'Concepción' -> {runs[0][3]})")


def main() -> None:
    runs = [subprocess.run([sys.executable, "-c", FIRST_CALL], capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(3)]
    imports = sorted(float(r[0]) for r in runs)
    firsts = sorted(float(r[1]) for r in runs)
    print(f"import claimkit.normalize: median {imports[1] * 1000:.0f} ms (3 fresh processes)")
    print(f"first resolve_actor (builds gazetteer + CLDR tables): median {firsts[1] * 1000:.0f} ms")
    _city_table()

    from claimkit.normalize import find_actors, find_dates, find_quantities, resolve_actor

    langs = {"000": "zh", "001": "en", "002": "ja", "003": "vi", "004": "id"}
    texts = [(p.read_text("utf-8"), langs.get(p.name[:3])) for p in
             sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    total = sum(len(t) for t, _ in texts)
    pub = dt.date(2026, 2, 25)
    for name, fn in (
        ("find_actors", lambda t, lang: find_actors(t, language=lang)),
        ("find_dates", lambda t, lang: find_dates(t, published=pub, language=lang)),
        ("find_quantities", lambda t, lang: find_quantities(t, language=lang)),
    ):
        for t, lang in texts:  # warm caches (compiled patterns, fuzzy cache)
            fn(t, lang)
        reps = 20
        t0 = time.perf_counter()
        for _ in range(reps):
            for t, lang in texts:
                fn(t, lang)
        dt_s = (time.perf_counter() - t0) / reps
        print(f"{name}: {dt_s * 1000:.1f} ms for {len(texts)} articles ({total} chars), "
              f"{total / dt_s / 1000:.0f} k chars/s")
    big = "\n".join(t for t, _ in texts) * 40
    t0 = time.perf_counter()
    n = len(find_actors(big))
    print(f"find_actors on {len(big) // 1000} kB mixed text: "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms, {n} mentions")
    t0 = time.perf_counter()
    for _ in range(1000):
        resolve_actor("British Prime Minister Stamer")
    per_call_us = (time.perf_counter() - t0) * 1e6 / 1000
    print(f"resolve_actor('British Prime Minister Stamer'): {per_call_us:.0f} us/call")


if __name__ == "__main__":
    main()
