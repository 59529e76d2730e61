"""Benchmark: validate synthetic claim sets of 10k, 100k and 1M claims.

Each size runs in a fresh subprocess so that its peak memory is its own
(``VmHWM`` of the child, not ``ru_maxrss``, which survives ``exec`` on Linux and
would report a larger parent's peak; tracemalloc is far too slow at a million
claims). Prints, per size,
the time to build the claims, the wall and CPU time of ``validate()`` (CPU
time moves less on a shared machine), the peak memory, the
numbers of groups and findings, the CPU time of ``claimkit validate``'s table
output and of its JSONL output (the baseline, with their ratio), and the ratio
t(1M)/t(100k) (10 means linear).

The synthetic corpus is shaped like real news: ~10 claims per document; each
meeting is reported by several documents (about six on average) in different
languages, with the actors written in each language's spelling but carrying
the canonical name and ISO code a normaliser gives; pledges and refusals of the
same actors recur across documents and years; a few percent of reports get a
participant count or date wrong, and documents without a publication date keep
relative dates unresolved. Claims are built with ``model_construct`` (as a
reader of trusted files could), so the figures are the validator's own cost.

Usage::

    .venv/bin/python bench/validate.py                 # 10k, 100k, 1M
    .venv/bin/python bench/validate.py --sizes 10000   # one size
    .venv/bin/python bench/validate.py --profile steady  # same density at every size
    .venv/bin/python bench/validate.py --profile hostile   # issue 14: one pathological group

``--profile hostile`` (sizes 1k, 4k, 16k and 64k by default) builds, per size,
three pathological corpora of that many claims and validates each: **place**,
two documents each reporting n/2 meetings in Paris on one day (France, Germany
and an envoy of each meeting's own); **position**,
two documents where one actor pledges and refuses the same thing n/2 times
each; **quote**, n documents of different 400-character texts, each with one
pledge quoting the same words. It prints the time per corpus and the growth
ratio t(4n)/t(n) (4 means linear), and the number of findings (bounded: see
``MAX_CANDIDATES`` in docs/validation.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root, for tests/_corpus.py

from _rss import own_peak_kib as _own_peak_kib  # noqa: E402  (bench/_rss.py: the shared helper)

from claimkit.schemas import (  # noqa: E402
    Actor,
    ActorKind,
    ClaimBase,
    DateGranularity,
    DateRef,
    DateResolution,
    Document,
    DocumentClaims,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    Modality,
    Pledge,
    PledgeWhat,
    Quantity,
    QuantityQualifier,
    Refusal,
    WarningClaim,
)
from tests._corpus import COUNTRY_CODES, TextBuilder, country_actor  # noqa: E402
from tests._corpus import construct as _mc  # noqa: E402

LANGS = ["en", "fr", "de", "ru", "zh", "ja", "vi", "id", "es", "ar", "pt", "tr"]
COUNTRIES = list(COUNTRY_CODES.items())
# every list field is given (one shared empty list): a field left to its
# default_factory makes pydantic's model_construct inspect the factory's
# signature per object, garbage that the paused collector keeps (+335 MB at 100k)
_EMPTY: list[Any] = []
CITIES = [
    "Paris", "London", "Berlin", "Rome", "Madrid", "Warsaw", "Kyiv", "Moscow", "Beijing",
    "Tokyo", "Washington", "Brussels", "Geneva", "Istanbul", "Ankara", "Vienna", "Prague",
    "Budapest", "Helsinki", "Stockholm", "Oslo", "Copenhagen", "Athens", "Lisbon", "Dublin",
    "Riga", "Vilnius", "Tallinn", "Zagreb", "Bratislava", "Seoul", "Jakarta", "Hanoi",
    "Mexico City", "Riyadh", "Pretoria", "Ottawa", "Canberra", "New Delhi", "Brasilia",
]
WHATS = [PledgeWhat(w) for w in ("troops", "money", "weapons", "training", "intelligence",
                                 "air_support", "sanctions", "guarantee", "hosting")]
REFUSED = ["sending troops to Ukraine", "new sanctions against Russia", "more money for the fund",
           "weapons deliveries", "lifting sanctions", "a ceasefire deal"]
DAY, EXPLICIT = DateGranularity.day, DateResolution.explicit
RELATIVE = ["on Thursday", "last week", "yesterday", "this week"]


def _actors(rng: random.Random) -> list[list[Actor]]:
    """Per country, its actor as written in each language (canonical name and code shared)."""
    out = []
    for name, _ in COUNTRIES:
        spellings = [f"{name}" if lang == "en" else f"{name}~{lang}" for lang in LANGS]
        out.append([country_actor(name, text=s, fast=True) for s in spellings])
    return out


def build(n_claims: int, seed: int = 7, profile: str = "fixed") -> list[DocumentClaims]:
    """A synthetic corpus of about ``n_claims`` claims in DocumentClaims records.

    ``profile="fixed"``: every size spans the same seven years, so a larger
    corpus has more meetings per place and day (and more same-place meetings
    on adjacent days merge) and larger position groups. ``profile="steady"``:
    the span grows with the size (seven years per 100k claims), so every size
    has the same number of events per day and the same group shapes.
    """
    rng = random.Random(seed)
    n_days = 7 * 365 if profile == "fixed" else max(30, 7 * 365 * n_claims // 100_000)
    actors = _actors(rng)
    n_docs = max(1, n_claims // 10)
    n_events = max(1, n_claims * 3 // 10 // 6)  # 30% meetings, ~6 reports each
    base = dt.date(2019, 1, 1).toordinal()
    events = []
    for _ in range(n_events):
        day = base + rng.randrange(n_days)
        parts = rng.sample(range(len(COUNTRIES)), rng.randint(2, 6))
        events.append((day, rng.choice(CITIES), parts, rng.randint(3, 40)))
    dates: dict[int, DateRef] = {}

    def dref(ordinal: int) -> DateRef:
        d = dates.get(ordinal)
        if d is None:
            iso = dt.date.fromordinal(ordinal).isoformat()
            d = dates[ordinal] = _mc(DateRef, value=iso, granularity=DAY, raw=None, resolution=EXPLICIT)
        return d

    records = []
    made = 0
    for d in range(n_docs):
        lang_i = rng.randrange(len(LANGS))
        doc_id = f"doc{d:07d}"
        ev = events[rng.randrange(n_events)]
        published = dt.date.fromordinal(ev[0] + rng.randint(0, 3)) if rng.random() > 0.05 else None
        text = TextBuilder(fast=True)
        claims: list[ClaimBase] = []
        for j in range(10):
            if made >= n_claims:
                break
            made += 1
            r = rng.random()
            if r < 0.3:
                other = events[rng.randrange(n_events)]
                if published is not None and other[0] > published.toordinal():
                    other = ev  # an article reports meetings up to its own date
                day, city, members, count = ev if j == 0 else other
                if rng.random() < 0.02:
                    day += 1
                if rng.random() < 0.03:
                    count += 1
                who = [actors[m][lang_i] for m in members]
                qual = QuantityQualifier.at_least if rng.random() < 0.2 else QuantityQualifier.exact
                sent = f"Leaders of {count} countries met in {city} ({doc_id}-{j})."
                span = text.add(sent)
                claims.append(_mc(Meeting, id=f"mee-{doc_id}-{j}", doc_id=doc_id, type="meeting", actor=who[:1],
                    evidence=[span], ungrounded=_EMPTY, date=dref(day), modality=None,
                    attributed_to=None, summary=None, participants=who,
                    participant_count=_mc(Quantity, value=count - (2 if qual is QuantityQualifier.at_least else 0), value_max=None,
                        unit="countries", qualifier=qual, raw=None),
                    hosts=[], location=city, format=MeetingFormat.in_person, topic=None, status=MeetingStatus.held))
                continue
            a = actors[rng.randrange(len(COUNTRIES))][lang_i]
            year_day = base + rng.randrange(n_days)
            if published is None and rng.random() < 0.5:
                date: DateRef | None = _mc(DateRef, value=None, granularity=None, raw=rng.choice(RELATIVE), resolution=DateResolution.unresolved)
            else:
                date = dref(year_day) if rng.random() < 0.6 else None
            sent = f"{a.text} said something about it ({doc_id}-{j})."
            span = text.add(sent)
            common: dict[str, Any] = {
                "doc_id": doc_id, "actor": [a], "evidence": [span], "ungrounded": _EMPTY, "date": date,
                "modality": Modality.firm, "attributed_to": None, "summary": None}
            if r < 0.7:
                claims.append(_mc(Pledge, id=f"ple-{doc_id}-{j}", type="pledge", recipient=None,
                    what=rng.choice(WHATS), quantity=None, condition=None, **common))
            elif r < 0.9:
                claims.append(_mc(Refusal, id=f"ref-{doc_id}-{j}", type="refusal", what=rng.choice(REFUSED),
                    condition=None, **common))
            else:
                target = actors[rng.randrange(len(COUNTRIES))][lang_i]
                claims.append(_mc(WarningClaim, id=f"war-{doc_id}-{j}", type="warning", target=[target],
                    consequence="new sanctions", condition=None, **common))
        doc = _mc(Document, id=doc_id, text=text.text, source=None, source_offset=0, title=None,
            url=None, published=published, language=LANGS[lang_i], encoding=None, notes=_EMPTY)
        records.append(_mc(DocumentClaims, record="document", document=doc, claims=claims, backend="synthetic", model=None,
            version=None, usage=None, warnings=_EMPTY))
    return records


HOSTILE_SHAPES = ("place", "position", "quote")


def build_hostile(n_claims: int, shape: str) -> list[DocumentClaims]:
    """A pathological corpus of ``n_claims`` claims (``shape``: see the module docstring)."""
    rng = random.Random(14)
    france = country_actor("France", text="France", fast=True)
    germany = country_actor("Germany", text="Germany", fast=True)
    day = _mc(DateRef, value="2025-01-10", granularity=DAY, raw=None, resolution=EXPLICIT)
    n_docs = n_claims if shape == "quote" else 2
    records = []
    for d in range(n_docs):
        doc_id = f"doc{d:07d}"
        text = TextBuilder(fast=True)
        if shape == "quote":  # a different article around the same quoted words
            text.add(" ".join("".join(rng.choice("abcdefghijklmnop") for _ in range(7)) for _ in range(50)) + ".")
        claims: list[ClaimBase] = []
        for j in range(n_claims // n_docs):
            sent = "France will send troops." if shape == "quote" else f"France met or pledged ({doc_id}-{j})."
            common: dict[str, Any] = {
                "doc_id": doc_id, "actor": [france], "evidence": [text.add(sent)], "ungrounded": _EMPTY,
                "date": day, "modality": Modality.firm, "attributed_to": None, "summary": None}
            if shape == "place":  # an envoy of its own: the same participants would be one meeting restated
                envoy = _mc(Actor, text=f"Envoy {j}", name=f"Envoy {j}", kind=ActorKind.person, iso_code=None,
                            resolved=True)
                claims.append(_mc(Meeting, id=f"mee-{doc_id}-{j}", type="meeting", participants=[france, germany, envoy],
                    participant_count=None, hosts=[], location="Paris", format=MeetingFormat.in_person, topic=None,
                    status=MeetingStatus.held, **common))
            elif shape == "position" and j % 2:
                claims.append(_mc(Refusal, id=f"ref-{doc_id}-{j}", type="refusal", what="sending troops",
                    condition=None, **common))
            else:
                claims.append(_mc(Pledge, id=f"ple-{doc_id}-{j}", type="pledge", recipient=None, what=PledgeWhat.troops,
                    quantity=_mc(Quantity, value=j % 7 + 1, value_max=None, unit="troops", qualifier=QuantityQualifier.exact,
                        raw=None), condition=None, **common))
        doc = _mc(Document, id=doc_id, text=text.text, source=None, source_offset=0, title=None, url=None,
            published=dt.date(2025, 1, 12), language="en", encoding=None, notes=_EMPTY)
        records.append(_mc(DocumentClaims, record="document", document=doc, claims=claims, backend="synthetic",
            model=None, version=None, usage=None, warnings=_EMPTY))
    return records


def _hostile(sizes: list[int]) -> None:
    """Validate each pathological shape at each size, in this process; print times and growth."""
    from claimkit.consistency import validate

    print(f"{'shape':>9} {'claims':>7} {'validate s':>11} {'growth':>7} {'groups':>7} {'findings':>9}  by kind")
    for shape in HOSTILE_SHAPES:
        last: tuple[int, float] | None = None
        for size in sizes:
            records = build_hostile(size, shape)
            t0 = time.perf_counter()
            report = validate(records)
            seconds = time.perf_counter() - t0
            kinds: dict[str, int] = {}
            for f in report.findings:
                kinds[f.kind] = kinds.get(f.kind, 0) + 1
            growth = f"{seconds / last[1]:.1f}" if last and last[1] > 0 else "-"
            print(f"{shape:>9} {size:>7} {seconds:>11.2f} {growth:>7} {len(report.groups):>7} "
                  f"{len(report.findings):>9}  {kinds}", flush=True)
            last = (size, seconds)


def _child(size: int, profile: str) -> None:
    import gc

    from claimkit.consistency import paused_gc, validate

    gc.disable()  # building a million models; the collector would only rescan them
    t0 = time.perf_counter()
    records = build(size, profile=profile)
    gc.enable()
    gc.freeze()  # the corpus is permanent for this process: keep it out of collections
    t1 = time.perf_counter()
    c1 = time.process_time()
    with paused_gc():  # as `claimkit validate` runs it
        report = validate(records)
    t2 = time.perf_counter()
    cpu = time.process_time() - c1
    peak_kib = _own_peak_kib()
    table_s, jsonl_s = _output_times(report)
    print(json.dumps({
        "size": sum(len(r.claims) for r in records), "build_s": t1 - t0, "validate_s": t2 - t1, "cpu_s": cpu,
        "peak_mb": peak_kib / 1024, "groups": len(report.groups),
        "findings": len(report.findings), "counts": report.counts(),
        "table_s": table_s, "jsonl_s": jsonl_s,
    }))


def _output_times(report: Any) -> tuple[float, float]:
    """CPU seconds of ``claimkit validate``'s table output (to a 120-column console) and of
    its JSONL output (the baseline), both written to memory. A full collection first, so
    that neither pays for the one the corpus just built would trigger."""
    import gc
    import io

    from rich.console import Console

    from claimkit.consistency.render import report_table

    gc.collect()
    c0 = time.process_time()
    Console(file=io.StringIO(), width=120, soft_wrap=False).print(report_table(report))
    c1 = time.process_time()
    out = io.StringIO()
    for finding in report.findings:
        out.write(finding.model_dump_json() + "\n")
    return c1 - c0, time.process_time() - c1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None,
                        help="default: 10k 100k 1M; with --profile hostile: 1k 4k 16k 64k")
    parser.add_argument("--profile", choices=["fixed", "steady", "hostile"], default="fixed",
                        help="fixed: seven years at every size (denser as it grows); "
                        "steady: seven years per 100k claims (same density at every size); "
                        "hostile: one pathological group per corpus (issue 14)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.profile)
        return
    if args.profile == "hostile":
        _hostile(args.sizes or [1_000, 4_000, 16_000, 64_000])
        return
    args.sizes = args.sizes or [10_000, 100_000, 1_000_000]
    results = {}
    print(f"{'claims':>9} {'build s':>8} {'validate s':>11} {'cpu s':>6} {'peak MB':>8} {'groups':>8} "
          f"{'findings':>9} {'table s':>8} {'jsonl s':>8} {'ratio':>6}  by severity")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(size),
                              "--profile", args.profile],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results[size] = r
        print(f"{r['size']:>9} {r['build_s']:>8.1f} {r['validate_s']:>11.2f} {r['cpu_s']:>6.2f} {r['peak_mb']:>8.0f} "
              f"{r['groups']:>8} {r['findings']:>9} {r['table_s']:>8.2f} {r['jsonl_s']:>8.2f} "
              f"{r['table_s'] / max(r['jsonl_s'], 1e-9):>6.1f}  {r['counts']}", flush=True)
    if 100_000 in results and 1_000_000 in results:
        ratio = results[1_000_000]["validate_s"] / results[100_000]["validate_s"]
        print(f"t(1M)/t(100k) = {ratio:.1f}  (10 = linear)")


if __name__ == "__main__":
    main()
