"""Speed of the offline rules backend (a benchmark, not a test): MB/s of CPU, stages, linearity.

A corpus is synthesised from the sample articles (``examples/articles``) and
the per-language test sentences (``tests/data/rules_sentences``): each
document is a random mix of sample paragraphs and test sentences, with a
language and a publication date, so every script and cue language is in it.
Printed:

0. **start-up**: ``RulesBackend()`` in a fresh process, in seconds of CPU;
1. **baseline**: reading the corpus's text and running one compiled regular
   expression over it (what any pass over the text costs), in MB/s of CPU;
2. **extraction** of 2,000 documents: MB/s of CPU (UTF-8 bytes over
   ``time.process_time``), ms per document, and the ratio to the baseline;
3. **share by stage**, measured by running each stage alone on the same
   documents: segmentation, language choice, the finders (actors, dates,
   quantities, places), the cue scan (each document's cue languages, every
   category, and the merged tables of the categories the backend asks about:
   what its first ``has_any`` and ``grouped`` build) and the rest (clause hits,
   fields, merging) as the total minus those;
4. **linearity**: MB/s of CPU at 200, 2,000 and 10,000 documents, each with
   its ratio to the first, and the peak RSS of the process: each size runs in
   a fresh process that makes the documents one at a time and keeps nothing
   (flat when nothing grows with the corpus);
5. **language detection** (part of loading): py3langid's own byte-by-byte
   walk and claimkit's vectorised count (``documents/_lang.py``), same run;
6. **end to end**: ``claimkit extract DIR -o FILE --backend rules`` on the
   2,000 documents written as ``.txt`` files: loading, decoding, language
   detection, extraction, grounding, normalisation and writing, in MB/s of the
   child process's CPU and of wall time;
7. **where the end-to-end time goes**: the same run in this process, stage by
   stage: loading (reading, decoding, page splitting, language detection), the
   backend, grounding and normalisation (``Extractor`` finishing the claims)
   and writing JSON;
8. **one long document**: news prose (sample paragraphs and test sentences,
   one after the other) as one document of 0.25, 1, 4 and 10 MB (near the 10 MiB input limit), CPU s per MB
   (flat when nothing in a document is quadratic: merging restatements was); then English
   news written as one line, read as English, at the same sizes (the stages of a
   language: names opening claims, surnames named again, bare titles; several were quadratic);
9. **hostile input**: a 5 MB Han text with no punctuation and a 30 MB line of
   one "word", with their CPU time per MB (bounded windows keep it linear).

The 9 MB prose and 100 MB inputs through the CLI, with peak memory, are
cases of ``bench/hostile.py``.

    .venv/bin/python bench/extract.py [--quick]   # --quick: smaller sizes, no CLI, no hostile input
    .venv/bin/python bench/extract.py --profile [--quick]   # the backend by function (pyinstrument)
    .venv/bin/python bench/extract.py --where [--quick]   # the backend's time by part, "the rest" named (pyinstrument)
    .venv/bin/python bench/extract.py --speed   # start-up, MB/s and the share by stage only
    .venv/bin/python bench/extract.py --no-cue [--quick]   # MB/s on documents with no claim cue only
    .venv/bin/python bench/extract.py --lazy-bound [--quick]   # what finders run only over claiming sentences could save
    .venv/bin/python bench/extract.py --steps [--quick]   # cue, date, quantity, split, head and name patterns: old and new form
    .venv/bin/python bench/extract.py --mypyc [--quick]   # hot modules compiled with mypyc vs pure Python
    .venv/bin/python bench/extract.py --against REV [--rounds K] [--quick]   # this tree vs git revision REV
    .venv/bin/python bench/extract.py --cold [--rounds K]   # cold start on the real articles: date reading vs the old path

``--cold`` (``bench/_cold.py``) times fresh child processes over the real article
sets (``tests/data/articles*``, ``examples/articles``): loading the documents only,
and ``claimkit extract`` end to end, each with this tree's date reading and with the
previous one kept in the bench as a baseline (dateparser in every language when the
line's language reads a month name not), alternated over K rounds; it prints CPU
and wall seconds, the ratio of the medians and whether any publication date differs.

``--against REV`` extracts ``src/`` of git revision ``REV`` (``git archive``: the
repository and its worktrees are left alone) into a temporary directory, then
runs the 2,000-document measurement (``--speed-child``: warm-up, best of 2) in
child processes, K rounds (3 by default), alternating the working tree and
``REV`` (``PYTHONPATH`` on each tree's ``src``; which tree each round comes first
alternates too, and each child reports where it imported claimkit from). The
corpus is this tree's (its bench and test sentences) for both. It prints the
MB/s of CPU of every round, the medians, the per-round ratios and the ratio of
the medians, and then whether the records ``claimkit extract --backend rules``
writes from both trees on the sample articles and on 2,000 documents (as
``.txt`` files) are byte-identical; "DIFFERENT" is expected when ``REV`` takes
other decisions. The machine's load cancels out of the per-round ratio only as
far as it is the same for the two runs of a round: read the spread of the
rounds too.

``--mypyc`` copies ``src/claimkit`` into a temporary directory, compiles the
rules backend's modules there with mypyc (:data:`MYPYC_MODULES`; mypy's
compiler, from the ``test`` extra; needs a C compiler and the Python headers),
then, in child processes alternating pure and compiled (``PYTHONPATH`` on the
copy), prints MB/s of CPU of each and their ratio, and compares the records
``claimkit extract --backend rules`` writes from both on the sample articles
and on the 2,000 documents. claimkit ships pure Python: this is the
measurement behind that choice (docs/offline-extractor.md, "Speed").

Before the cue and name automata (same corpus, same machine): 0.11-0.14 MB/s
of CPU for the backend alone.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimkit.documents import load_documents
from claimkit.extract.rules import RulesBackend
from claimkit.schemas import Document

if TYPE_CHECKING:
    from claimkit.extract.rules.cues import CueBook, LanguageCues

ROOT = Path(__file__).resolve().parent.parent
#: frequent Han characters, for the hostile text
_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
_LANG_OF_SAMPLE = {"000": "zh", "001": "en", "002": "ja", "003": "vi", "004": "id"}


def pieces() -> list[tuple[str, str]]:
    """(language, text) pieces: sample paragraphs and test sentences."""
    out: list[tuple[str, str]] = []
    for doc in load_documents([str(ROOT / "examples" / "articles")]):
        lang = _LANG_OF_SAMPLE.get(doc.id[:3], "en")
        out += [(lang, p) for p in doc.text.split("\n") if len(p.strip()) > 20]
    for path in sorted((ROOT / "tests" / "data" / "rules_sentences").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out.append((path.stem, json.loads(line)["text"]))
    return out


def iter_corpus(n: int, seed: int = 7) -> Iterator[Document]:
    """``n`` documents of 8-30 pieces each, mostly one language, some mixed, one at a time."""
    rng = random.Random(seed)
    by_lang: dict[str, list[str]] = {}
    for lang, text in pieces():
        by_lang.setdefault(lang, []).append(text)
    langs = sorted(by_lang)
    for i in range(n):
        lang = rng.choice(langs)
        own = [rng.choice(by_lang[lang]) for _ in range(rng.randint(8, 30))]
        if rng.random() < 0.2:  # a page with an item in another language
            own.insert(rng.randrange(len(own)), rng.choice(by_lang[rng.choice(langs)]))
        text = "\n".join(own)
        yield Document(id=f"d{i}", text=text, language=lang, published="2025-06-02")


#: a story filed from a city the place table does not list: its dateline makes the backend
#: read GeoNames' city table (``normalize/_cities.py``, about 0.5 s of CPU once per process),
#: which the corpus reaches only where a line reads as such a dateline (one document in 400)
_DATELINE_WARM_UP = Document(id="warm-dateline", text="CORK, Tuesday (Reuters) - The government said it will send aid.",
                             language="en", published="2025-06-02")


def warm_up(backend: RulesBackend) -> tuple[float, int]:
    """Extract one document in each language of the corpus (and 20 mixed ones, and one
    with a dateline of a city no place table lists): every language's cue patterns and
    date table compile on first use, and GeoNames' city table is read on the first such
    dateline, one-time costs that would otherwise land in whichever measured run meets
    them first. Returns its CPU seconds and the number of languages."""
    by_lang: dict[str, list[str]] = {}
    for lang, text in pieces():
        by_lang.setdefault(lang, []).append(text)
    docs = [
        Document(id=f"warm-{lang}", text="\n".join(texts[:30]), language=lang, published="2025-06-02")
        for lang, texts in sorted(by_lang.items())
    ]
    return cpu(lambda: [backend.extract(d) for d in [*docs, *corpus(20, seed=1), _DATELINE_WARM_UP]]), len(docs)


def corpus(n: int, seed: int = 7) -> list[Document]:
    """:func:`iter_corpus` as a list."""
    return list(iter_corpus(n, seed))


def mb(docs: Sequence[Document]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in docs) / 1e6


def cpu(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def baseline(docs: Sequence[Document]) -> float:
    """MB/s of CPU of one compiled regex over every text (the cost of reading it once)."""
    pattern = re.compile(r"\w+")
    seconds = cpu(lambda: [sum(1 for _ in pattern.finditer(d.text)) for d in docs])
    return mb(docs) / max(seconds, 1e-9)


def extract_all(backend: RulesBackend, docs: Sequence[Document]) -> float:
    seconds = cpu(lambda: [backend.extract(d) for d in docs])
    return seconds


def stages(backend: RulesBackend, docs: Sequence[Document]) -> dict[str, float]:
    """CPU seconds per stage, each run alone over ``docs`` (private hooks of the backend)."""
    from claimkit.extract.rules.text import segment

    finders = backend._finders  # noqa: SLF001 - a benchmark measures the parts
    places = backend._places  # noqa: SLF001
    sentences = [(d, segment(d.text)) for d in docs]
    # the cue languages each document's sentences are given, for the cue scan alone
    langs = [
        list({lc.code: lc for s in ss for lc in backend._languages(d.text, s, d.language)}.values())  # noqa: SLF001
        for d, ss in sentences
    ]
    out = {
        "segmentation": cpu(lambda: [segment(d.text) for d in docs]),
        "language choice": cpu(
            lambda: [
                backend._languages(d.text, s, d.language)  # noqa: SLF001
                for d, ss in sentences
                for s in ss
            ]
        ),
        "actors": cpu(lambda: [finders.actors(d.text, d.language) for d in docs]),
        "dates": cpu(lambda: [finders.dates(d) for d in docs]),
        "quantities": cpu(lambda: [finders.quantities(d.text, d.language) for d in docs]),
        "places": cpu(lambda: [places.find(d.text, language=d.language) for d in docs]),
        "cue scan (automata, patterns)": cpu(
            lambda: [_scan(backend, d.text, ls) for d, ls in zip(docs, langs, strict=True)]
        ),
    }
    return out


def _scan(backend: RulesBackend, text: str, langs: Sequence[LanguageCues]) -> None:
    """The document's cue scan in each of its cue languages, as the backend runs it: the
    first ``has_any`` of ``_may_claim`` scans every category and merges the claim keys'
    matches, the first ``grouped`` of ``_clause_hits`` merges the clause keys' matches."""
    from claimkit.extract.rules.support import CueScan

    scan = CueScan(text)
    for lc in langs:
        scan.has_any(lc, backend._claim_keys, 0, 0)  # noqa: SLF001 - the sets the backend asks for
        scan.grouped(lc, backend._clause_keys, 0, 0)  # noqa: SLF001


def no_cue_corpus(backend: RulesBackend, n: int, seed: int = 5) -> list[Document]:
    """``n`` documents of 8-30 pieces each, one language each, made only of the pieces
    none of whose sentences holds a cue of a claim type or an action verb in its cue
    languages (what ``_may_claim`` asks; weather, sport, markets): no claim can come of them."""
    from claimkit.extract.rules.support import CueScan
    from claimkit.extract.rules.text import segment

    by_lang: dict[str, list[str]] = {}
    for lang, text in pieces():
        scan = CueScan(text)
        if not any(
            (langs := backend._languages(text, s, lang)) and backend._may_claim(scan, s, langs)  # noqa: SLF001
            for s in segment(text)
        ):
            by_lang.setdefault(lang, []).append(text)
    rng = random.Random(seed)
    langs = sorted(by_lang)
    docs = []
    for i in range(n):
        lang = rng.choice(langs)
        text = "\n".join(rng.choice(by_lang[lang]) for _ in range(rng.randint(8, 30)))
        docs.append(Document(id=f"q{i}", text=text, language=lang, published="2025-06-02"))
    return docs


def report_no_cue(backend: RulesBackend, n: int) -> None:
    """MB/s of CPU (best of 2) on :func:`no_cue_corpus`: what a document with no claim cue
    costs (only the segmentation, language choice and cue scan run for it), and where
    ``claimkit`` was imported from (set ``PYTHONPATH`` to compare two trees)."""
    import claimkit

    docs = no_cue_corpus(backend, n)
    drafts = sum(len(backend.extract(d).drafts) for d in docs)
    seconds = min(extract_all(backend, docs) for _ in range(2))
    print(
        f"documents with no claim cue: {n}, {mb(docs):.2f} MB, {drafts} drafts, "
        f"{mb(docs) / seconds:.2f} MB/s of CPU (claimkit from {Path(claimkit.__file__).parent})"
    )


def _claiming_only(backend: RulesBackend, doc: Document) -> Document:
    """``doc`` with every character outside the sentences that may state a claim
    (``RulesBackend._claiming``) written as a space (line breaks kept): the text a finder
    run only over those sentences would read; offsets unchanged."""
    from claimkit.extract.rules.support import CueScan
    from claimkit.extract.rules.text import segment

    text = doc.text
    keep = bytearray(len(text))
    for _, s, _ in backend._claiming(doc, segment(text), CueScan(text)):  # noqa: SLF001
        keep[s.start : s.end] = b"\1" * (s.end - s.start)
    return doc.model_copy(update={"text": "".join(c if keep[i] or c == "\n" else " " for i, c in enumerate(text))})


def _finders_cpu(backend: RulesBackend, docs: Sequence[Document]) -> float:
    """CPU seconds (best of 2) of the four finders the scene runs over each document's text."""
    finders, places = backend._finders, backend._places  # noqa: SLF001

    def run() -> None:
        for d in docs:
            finders.actors(d.text, d.language)
            finders.dates(d)
            finders.quantities(d.text, d.language)
            places.find(d.text, language=d.language)

    return min(cpu(run) for _ in range(2))


def report_lazy_bound(backend: RulesBackend, n: int) -> None:
    """The most that running the finders (actors, dates, quantities, places) only over the
    sentences that may state a claim could save, on the bench documents and on the tuned
    articles: the finders over the whole text against the same text with every other
    sentence blanked (an upper bound: the context the rules read around a claim, the lead,
    the dateline and the sentence before, is not counted back)."""
    for name, docs in ((f"{n} bench documents", corpus(n)),
                       ("tests/data/articles", list(load_documents([ROOT / "tests" / "data" / "articles"])))):
        blanked = [_claiming_only(backend, d) for d in docs]
        whole = min(extract_all(backend, docs) for _ in range(2))
        full, kept = _finders_cpu(backend, docs), _finders_cpu(backend, blanked)
        print(f"{name}: backend {whole:.2f} s of CPU, finders over the whole text {full:.2f} s "
              f"({100 * full / whole:.0f} %), over the claiming sentences only {kept:.2f} s: "
              f"at most {100 * (full - kept) / whole:.1f} % of the backend to save")


def report_speed(backend: RulesBackend, n: int) -> None:
    docs = corpus(n)
    size = mb(docs)
    base = baseline(docs)
    seconds = extract_all(backend, docs)
    rate = size / seconds
    print(f"corpus: {n} documents, {size:.2f} MB (UTF-8)")
    print(f"baseline (one compiled regex over the text): {base:.1f} MB/s of CPU")
    print(
        f"rules extraction: {rate:.2f} MB/s of CPU, {1000 * seconds / n:.2f} ms/document, "
        f"{base / rate:.0f}x the baseline's time"
    )
    parts = stages(backend, docs)
    rest = max(seconds - sum(parts.values()), 0.0)
    print("share by stage (each stage run alone on the same documents):")
    for name, t in [*parts.items(), ("clause hits, fields, merge (the rest)", rest)]:
        print(f"  {name:<36} {t:7.2f} s  {100 * t / seconds:5.1f} %")


def linear_child(n: int) -> None:
    """Extract ``n`` documents made one at a time, keeping nothing; print MB, CPU s, peak RSS."""
    import _rss

    backend = RulesBackend()
    warm_up(backend)
    size = seconds = 0.0
    for d in iter_corpus(n, seed=n):
        size += len(d.text.encode("utf-8")) / 1e6
        start = time.process_time()
        backend.extract(d)
        seconds += time.process_time() - start
    print(json.dumps({"mb": size, "cpu": seconds, "peak": _rss.own_peak_kib() * 1024}))


def report_linearity(sizes: Sequence[int]) -> None:
    """Each size in a fresh process of its own, so each peak RSS is that run's."""
    print("linearity (same generator, growing corpus, each size in its own process, documents streamed):")
    first: float | None = None
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--linear-child", str(n)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        got = json.loads(out.strip().splitlines()[-1])
        rate = got["mb"] / got["cpu"]
        first = first or rate
        print(
            f"  {n:>6} documents  {got['mb']:7.2f} MB  {rate:5.2f} MB/s of CPU  "
            f"(x{rate / first:.2f} of the first)  peak RSS {got['peak'] / 1e6:6.1f} MB"
        )


def report_cli(n: int) -> None:
    """``claimkit extract`` on ``n`` documents written as .txt files, as a user runs it."""
    docs = corpus(n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        for d in docs:
            (folder / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        exe = Path(sys.executable).with_name("claimkit")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run(
            [str(exe), "extract", str(folder), "-o", str(Path(tmp, "claims.jsonl")), "--backend", "rules", "-q"],
            check=True,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "CLAIMKIT_PLUGINS": ""},
        )
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(
        f"end to end (claimkit extract DIR -o FILE --backend rules, {n} .txt files, {size:.2f} MB): "
        f"{size / cpu_s:.2f} MB/s of CPU, {size / wall:.2f} MB/s wall "
        f"({cpu_s:.1f} s CPU, {wall:.1f} s wall, start-up included)"
    )


def report_cli_stages(n: int) -> None:
    """``claimkit extract``'s work on ``n`` documents, stage by stage, in this process."""
    from claimkit.extract.pipeline import Extractor

    docs = corpus(n)
    extractor = Extractor("rules")
    backend = extractor.backend
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            Path(tmp, f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        loaded: list[Document] = []
        load = cpu(lambda: loaded.extend(load_documents([tmp])))
    results = []
    run = cpu(lambda: results.extend(backend.extract(d) for d in loaded))
    records = []
    finish = cpu(
        lambda: records.extend(extractor._finish(d, r) for d, r in zip(loaded, results, strict=True))  # noqa: SLF001
    )
    write = cpu(lambda: [r.model_dump_json() for r in records])
    total = load + run + finish + write
    print(f"where the end-to-end time goes ({n} documents, in this process, {total:.1f} s CPU):")
    for name, t in (
        ("loading (read, decode, split, language)", load),
        ("rules backend", run),
        ("grounding and normalisation", finish),
        ("JSON writing", write),
    ):
        print(f"  {name:<42} {t:7.2f} s  {100 * t / total:5.1f} %")


def report_language(n: int) -> None:
    """Language detection on ``n`` documents: py3langid's byte walk and the vectorised count."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from claimkit.documents._lang import _MAX_CHARS, _get

    texts = [d.text[:_MAX_CHARS] for d in corpus(n)]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    walk = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    window = _get()
    before = cpu(lambda: [walk.classify(t) for t in texts])
    after = cpu(lambda: [window.classify(t) for t in texts])
    same = all(walk.classify(t) == window.classify(t) for t in texts)
    print(
        f"language detection ({n} documents, {size:.2f} MB): py3langid's byte walk "
        f"{size / before:.2f} MB/s, vectorised count {size / after:.2f} MB/s of CPU "
        f"(x{before / after:.2f}; same labels and confidences: {same})"
    )


def report_profile(backend: RulesBackend, n: int) -> None:
    """Where the backend's time goes by function (pyinstrument, a sampling profiler: not a
    dependency of claimkit; ``pip install pyinstrument``). cProfile's per-call cost would
    inflate the many small functions."""
    profiler = _profiled(backend, n, "--profile")
    if profiler is not None:
        print(profiler.output_text(unicode=False, color=False))


def _profiled(backend: RulesBackend, n: int, flag: str) -> Any:
    """The backend run over ``n`` bench documents under pyinstrument (sampling every 0.5
    ms), stopped; None, with a line saying so, when pyinstrument is not installed."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print(f"{flag} needs pyinstrument (pip install pyinstrument)")
        return None
    docs = corpus(n)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for d in docs:
        backend.extract(d)
    profiler.stop()
    return profiler


#: the backend's parts for ``--where``: a sample goes to the first part (in this order)
#: one of whose functions is on its stack; keys are ``file:Class.function`` of pyinstrument's frames
WHERE_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cue scan (automata, patterns)", ("support.py:CueScan._table",)),
    ("segmentation (sentences)", ("rules/text.py:segment",)),
    ("clause splitting", ("rules/text.py:Sentence.clauses",)),
    ("language choice", ("backend.py:RulesBackend._languages",)),
    ("finder: actors", ("normalize/actors.py:find_actors",)),
    ("finder: dates", ("normalize/dates.py:find_dates",)),
    ("finder: quantities", ("normalize/quantities.py:find_quantities",)),
    ("finder: places", ("normalize/places.py:Places.find",)),
    ("scene: datelines, home country, seats", ("backend.py:RulesBackend._scene",)),
    ("sentence filter (_may_claim, less the scan)", ("backend.py:RulesBackend._may_claim",)),
    ("clause hits: future-tense verbs", ("backend.py:RulesBackend._future_hits",)),
    ("clause hits: _stands (negation, purpose, noun ...)", ("backend.py:RulesBackend._stands",)),
    ("clause hits: the rest", ("backend.py:RulesBackend._clause_hits",)),
    ("fields: subject_of", ("roles.py:subject_of",)),
    ("fields: speaker, group", ("roles.py:with_speaker", "roles.py:with_group")),
    ("fields: role fillers (fill)", ("roles.py:fill",)),
    ("fields: modality", ("rules/modality.py:modality",)),
    ("fields: dates", ("roles.py:story_date", "backend.py:_narrative_date", "backend.py:_reported_date",
                       "backend.py:_dates_not_ahead", "roles.py:nearest")),
    ("fields: merge_objects", ("roles.py:merge_objects",)),
    ("fields: the rest of _candidate", ("backend.py:RulesBackend._candidate",)),
    ("sentence loop: the rest", ("backend.py:RulesBackend._sentence_candidates",)),
    ("merging restatements", ("support.py:merge_candidates",)),
    ("drafts (Span, Draft) and the rest", ("backend.py:RulesBackend._extract",)),
    ("reading form (as_read)", ("reading.py:as_read",)),
)


def report_where(backend: RulesBackend, n: int) -> None:
    """The backend's time by part (:data:`WHERE_PARTS`), from pyinstrument's samples: what the
    share by stage leaves as "the rest" (clause hits, fields, merging), named."""
    profiler = _profiled(backend, n, "--where")
    session = profiler.last_session if profiler is not None else None
    if session is None:
        return
    parts: dict[str, float] = {}

    def walk(frame: Any, stack: tuple[str, ...], inside: bool) -> None:
        name = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
        key = f"{frame.file_path_short}:{name}"
        inside = inside or key.endswith("backend.py:RulesBackend.extract")
        stack = (*stack, key) if inside else stack
        own = frame.time - sum(c.time for c in frame.children)
        if inside and own > 0:
            label = next((lab for lab, keys in WHERE_PARTS if any(k in s for s in stack for k in keys)), "other")
            parts[label] = parts.get(label, 0.0) + own
        for child in frame.children:
            walk(child, stack, inside)

    walk(session.root_frame(), (), False)
    total = sum(parts.values())
    print(f"where the backend's time goes ({n} documents, pyinstrument's samples: {total:.2f} s of wall time, "
          "longer than the CPU time on a loaded machine: read the shares):")
    for label in [*(lab for lab, _ in WHERE_PARTS), "other"]:
        print(f"  {label:<52} {parts.get(label, 0.0):6.2f} s  {100 * parts.get(label, 0.0) / max(total, 1e-9):5.1f} %")


def prose(size: int, seed: int = 11) -> str:
    """About ``size`` bytes of news prose: sample paragraphs and test sentences in a row."""
    return _fill([text for _, text in pieces()], size, seed, "\n")


def english_line(size: int, seed: int = 13) -> str:
    """About ``size`` bytes of English news on one line: the English sample paragraphs and
    test sentences in a row, a space between them (a page whose text has no line breaks)."""
    parts = [text.replace("\n", " ") for lang, text in pieces() if lang == "en"]
    return _fill(parts, size, seed, " ")


def _fill(parts: Sequence[str], size: int, seed: int, sep: str) -> str:
    """About ``size`` bytes of ``parts`` drawn at random (``seed``), joined by ``sep``."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(parts)
        out.append(piece)
        total += len(piece.encode("utf-8")) + 1
    return sep.join(out)


def report_long_document(backend: RulesBackend, sizes: Sequence[float]) -> None:
    """CPU per MB of one long document: news prose in every language (no document language),
    and English news on one line read as English (every English stage runs: the names opening
    a claim, people named again by surname, titles standing for a person)."""
    for title, make, language in (
        ("one long document of news prose", prose, None),
        ("one long line of English news (language en)", english_line, "en"),
    ):
        print(f"{title} (CPU per MB; flat = linear in the document's size):")
        first: float | None = None
        for size in sizes:
            text = make(int(size * 1e6))
            doc = Document(id="long", text=text, language=language, published="2025-06-02")
            seconds = cpu(lambda d=doc: backend.extract(d))
            per = seconds / (len(text.encode("utf-8")) / 1e6)
            first = first or per
            print(f"  {size:5.2f} MB  {seconds:7.2f} s  {per:6.2f} s/MB  (x{per / first:.2f} of the first)")


def report_hostile(backend: RulesBackend) -> None:
    print("hostile input (bounded sentence/clause windows):")
    rng = random.Random(3)
    han = "".join(rng.choice(_HAN) for _ in range(5_000_000 // 3))
    word = "a" * 30_000_000
    for name, text in (("5 MB of Han, no punctuation", han), ("30 MB line, no spaces", word)):
        doc = Document(id="hostile", text=text, language=None)
        size = len(text.encode("utf-8")) / 1e6
        seconds = cpu(lambda d=doc: backend.extract(d))
        print(f"  {name:<30} {size:6.1f} MB  {seconds:7.2f} s  {seconds / size:6.3f} s/MB")


#: the sentence and clause split patterns as they were (alternations; the engine tries them
#: at every position): tests/test_rules_bounded.py checks the new forms give the same matches
_PLAIN_SENT_END = re.compile(r"[。！？；!?;…]+[」』”’\"')）]*|\n+|(?<=[^\s.])\.(?:[”’\"')）]*)(?=\s|$)")
_PLAIN_CLAUSE_SPLIT = re.compile(r"[,，;；:：]|(?<=\s)[-–—•](?=\s)")


def _without_lookahead(pattern: re.Pattern[str], body: str, skip: int = 0) -> re.Pattern[str]:
    """``pattern`` without the first-character lookahead it starts with: its body starts
    ``skip`` characters after the first ``body``."""
    return re.compile(pattern.pattern[pattern.pattern.index(body) + skip :], pattern.flags)


def _boundary_per_cue(lc: LanguageCues, book: CueBook) -> LanguageCues:
    """``lc`` with each pattern compiled as before: the start boundary repeated before every cue."""
    from claimkit.extract.rules.cues import _pattern, _unique

    spec = book.raw[lc.code]
    clitics = tuple(sorted({str(c) for c in spec.get("clitics", [])}, key=len))

    def old(cues: list[str]) -> re.Pattern[str]:
        alternatives = "|".join(f"(?:{_pattern(c, lc.boundary, clitics)})" for c in _unique(cues))
        return re.compile(alternatives, re.IGNORECASE)

    patterns = {cat: old(spec[cat]) for cat in lc.patterns}
    keywords = {
        key: old(spec["fields"][key.split("=")[0]][key.split("=", 1)[1]]) for key in lc.keyword_patterns
    }
    return dataclasses.replace(lc, patterns=patterns, keyword_patterns=keywords)


def _cue_languages(backend: RulesBackend, docs: Sequence[Document]) -> list[list[LanguageCues]]:
    """Each document's cue languages (those its sentences are given), for a step alone."""
    from claimkit.extract.rules.text import segment

    return [
        list({lc.code: lc for s in segment(d.text) for lc in backend._languages(d.text, s, d.language)}.values())  # noqa: SLF001
        for d in docs
    ]


def _date_tables(docs: Sequence[Document]) -> tuple[list[Any], list[Any]]:
    """Each document's date table and the windows its date pattern runs on."""
    from claimkit.normalize import dates

    tables = [dates._lang_table(dates._lang(d.language)) for d in docs]  # noqa: SLF001
    windows = [dates._windows(d.text, t) for d, t in zip(docs, tables, strict=True)]  # noqa: SLF001
    return tables, windows


def _best_of_3(run: Callable[[bool], None], old: bool) -> float:
    return min(cpu(lambda: run(old)) for _ in range(3))


def _scan_all(marked: Sequence[tuple[str, str, Any]], langs: Sequence[Sequence[Any]], olds: dict[str, Any] | None) -> None:
    """Each document's cue scan in each of its languages; with ``olds``, each language's old form."""
    for (t, f, mk), ls in zip(marked, langs, strict=True):
        for lc in ls:
            (olds[lc.code] if olds is not None else lc).scan(t, f, mk)


def _date_runs(
    docs: Sequence[Document], tables: Sequence[Any], windows: Sequence[Any], olds: dict[int, re.Pattern[str]] | None
) -> None:
    """Each document's date regex over its windows; with ``olds``, each table's old regex."""
    for d, t, ws in zip(docs, tables, windows, strict=True):
        regex = olds[id(t)] if olds is not None else t.regex
        for lo, hi in ws:
            for _ in regex.finditer(d.text, lo, hi):
                pass


def report_steps(backend: RulesBackend, n: int) -> None:
    """This session's pattern changes, old and new form in this process, alternated, best of 3."""
    from claimkit.extract.rules.cues import mark_word_starts
    from claimkit.extract.rules.text import _CLAUSE_SPLIT, _SENT_END
    from claimkit.normalize import quantities
    from claimkit.text import fold_case_loose, windows_around

    docs = corpus(n)
    langs = _cue_languages(backend, docs)
    olds = {lc.code: _boundary_per_cue(lc, backend.cues) for ls in langs for lc in ls}
    folded = [(d.text, fold_case_loose(d.text)) for d in docs]
    marked = [(t, f, mark_word_starts(f)) for t, f in folded]
    tables, windows = _date_tables(docs)
    plain_dates = {id(t): _without_lookahead(t.regex, ")(?:", 1) for t in tables}
    qty = quantities._regex()  # noqa: SLF001
    plain_qty = _without_lookahead(qty, "(?:(?P<q>")
    near = [
        windows_around((m.span() for m in re.finditer(r"\d+", d.text)), len(d.text), 48, 48) for d in docs
    ]

    def scan(old: bool) -> None:
        _scan_all(marked, langs, olds if old else None)

    def date_runs(old: bool) -> None:
        _date_runs(docs, tables, windows, plain_dates if old else None)

    def qty_runs(old: bool) -> None:
        regex = plain_qty if old else qty
        for d, ws in zip(docs, near, strict=True):
            for lo, hi in ws:
                for _ in regex.finditer(d.text, lo, hi):
                    pass

    texts = [d.text for d in docs]

    def splits(old: bool) -> None:
        sent, clause = (_PLAIN_SENT_END, _PLAIN_CLAUSE_SPLIT) if old else (_SENT_END, _CLAUSE_SPLIT)
        for t in texts:
            for _ in sent.finditer(t):
                pass
            for _ in clause.finditer(t):
                pass

    print(f"pattern changes ({n} documents; old and new form in this process, best of 3):")
    for name, run in (
        ("cue scan: boundary per cue -> shared", scan),
        ("date pattern: no lookahead -> lookahead", date_runs),
        ("quantity pattern: no lookahead -> lookahead", qty_runs),
        ("sentence and clause split: class first", splits),
    ):
        old_s, new_s = _best_of_3(run, True), _best_of_3(run, False)
        print(f"  {name:<44} {old_s:6.3f} s -> {new_s:6.3f} s  (x{old_s / new_s:.2f})")


def _unspaced_heads(lc: LanguageCues, book: CueBook) -> LanguageCues:
    """``lc`` with its head automata built as before: no word-start head looked for with the
    space after it (``cues._spaced``)."""
    from claimkit.extract.rules.cues import _WORD_SETS, _automata, _head_key, _unique

    spec = book.raw[lc.code]
    lists = [(cat, cues) for cat, cues in spec.items() if isinstance(cues, list) and cat not in _WORD_SETS]
    lists += [(f"{key}={value}", words) for key, kws in (spec.get("fields") or {}).items() for value, words in kws.items()]
    heads: dict[tuple[str, bool, bool], set[str]] = {}
    for cat, cues in lists:
        if cat in lc.patterns or cat in lc.keyword_patterns:
            for cue in _unique(cues):
                name, anchored, _ = _head_key(cue, lc.boundary)
                heads.setdefault((name, anchored, False), set()).add(cat)
    anywhere, word_starts = _automata(heads, lc.categories)
    return dataclasses.replace(lc, heads=anywhere, word_heads=word_starts)


def report_steps_sixth(backend: RulesBackend, n: int) -> None:
    """The sixth session's pattern and automaton changes, old and new form in this process."""
    from claimkit.extract.rules.cues import mark_word_starts
    from claimkit.normalize import _gazetteer_index as gi
    from claimkit.normalize import dates
    from claimkit.text import first_chars, fold_case_loose

    docs = corpus(n)
    langs = _cue_languages(backend, docs)
    olds = {lc.code: _unspaced_heads(lc, backend.cues) for ls in langs for lc in ls}
    marked = [(d.text, f, mark_word_starts(f)) for d in docs for f in [fold_case_loose(d.text)]]
    tables, windows = _date_tables(docs)
    letters = f"(?i:[{first_chars(dates._NUM_CUES[3:-1].split('|'), dates._FIRST_WORDS)}])"  # noqa: SLF001
    first_letters = {id(t): re.compile(t.regex.pattern.replace(dates._ANYWHERE, letters, 1)) for t in tables}  # noqa: SLF001

    def scan(old: bool) -> None:
        _scan_all(marked, langs, olds if old else None)

    def date_runs(old: bool) -> None:
        _date_runs(docs, tables, windows, first_letters if old else None)

    def capitalised(old: bool) -> None:
        regex = gi._CAPITALISED_WORD_PLAIN if old else gi.CAPITALISED_WORD  # noqa: SLF001
        for d in docs:
            for _ in regex.finditer(d.text):
                pass

    print(f"sixth session's changes ({n} documents; old and new form in this process, best of 3):")
    for name, run in (
        ("cue heads: word start -> and space after", scan),
        ("date lookahead: first letters -> words", date_runs),
        ("capitalised words: lookbehind -> capital first", capitalised),
    ):
        old_s, new_s = _best_of_3(run, True), _best_of_3(run, False)
        print(f"  {name:<46} {old_s:6.3f} s -> {new_s:6.3f} s  (x{old_s / new_s:.2f})")


#: the modules compiled by ``--mypyc``: everything the rules backend runs per document (a
#: module added to these packages later is compiled too)
MYPYC_MODULES = tuple(
    p.relative_to(ROOT / "src").as_posix()
    for p in (
        ROOT / "src" / "claimkit" / "text.py",
        *sorted((ROOT / "src" / "claimkit" / "extract" / "rules").glob("*.py")),
        *sorted((ROOT / "src" / "claimkit" / "normalize").glob("*.py")),
    )
)


def speed_child(n: int) -> None:
    """Extract ``n`` documents (best of 2) in this process; print MB, CPU s, whether
    the rules modules were loaded compiled and the ``src`` folder claimkit came from."""
    import claimkit
    from claimkit.extract.rules import roles

    backend = RulesBackend()
    for d in [*corpus(20), _DATELINE_WARM_UP]:  # warm-up (best of 2 below leaves out what is left)
        backend.extract(d)
    docs = corpus(n)
    seconds = min(extract_all(backend, docs) for _ in range(2))
    compiled = not roles.__file__.endswith(".py")
    src = str(Path(claimkit.__file__).resolve().parent.parent)
    print(json.dumps({"mb": mb(docs), "cpu": seconds, "compiled": compiled, "src": src}))


def _compile(tmp: Path) -> bool:
    """The hot modules of a copy of ``src/claimkit`` in ``tmp`` compiled in place by mypyc."""
    shutil.copytree(ROOT / "src" / "claimkit", tmp / "claimkit", ignore=shutil.ignore_patterns("__pycache__"))
    cpu_start = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "mypyc", "--ignore-missing-imports", *MYPYC_MODULES],
        cwd=tmp, capture_output=True, text=True,
    )
    used = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - cpu_start.ru_utime
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
        print(f"mypyc failed (exit {done.returncode}): {tail[0]}")
        return False
    print(f"mypyc: {len(MYPYC_MODULES)} modules compiled in {used:.0f} s of CPU")
    return True


def _child_speed(n: int, env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--speed-child", str(n)], check=True, capture_output=True, text=True, env=env
    ).stdout
    got: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return got


def _records(folder: Path, out: Path, env: dict[str, str]) -> bytes:
    exe = Path(sys.executable).with_name("claimkit")
    subprocess.run(
        [str(exe), "extract", str(folder), "-o", str(out), "--backend", "rules", "-q"],
        check=True, stderr=subprocess.DEVNULL, env={**env, "CLAIMKIT_PLUGINS": ""},
    )
    return out.read_bytes()


def _same_records(tmp: Path, envs: tuple[dict[str, str], dict[str, str]], n: int) -> None:
    """``claimkit extract --backend rules`` run with each of two environments (two trees on
    ``PYTHONPATH``), byte for byte, on the sample articles and ``n`` bench documents as files."""
    folder = tmp / "corpus"
    folder.mkdir()
    for d in corpus(n, seed=13):
        (folder / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
    for name, path in (("sample articles", ROOT / "examples" / "articles"), (f"{n} documents", folder)):
        first = _records(path, tmp / "first.jsonl", envs[0])
        second = _records(path, tmp / "second.jsonl", envs[1])
        verdict = "identical" if first == second else "DIFFERENT"
        lines = first.count(b"\n")
        print(f"  records of {name}: {verdict} ({lines} lines, {len(first) / 1e6:.2f} MB)")


def report_mypyc(n: int, rounds: int) -> None:
    """Pure Python against the hot modules compiled with mypyc, alternated in fresh processes."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if not _compile(tmp):
            return
        pure_env = dict(os.environ)
        compiled_env = {**pure_env, "PYTHONPATH": os.pathsep.join([name, *filter(None, [pure_env.get("PYTHONPATH")])])}
        runs: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(rounds):
            for env, want in ((pure_env, False), (compiled_env, True)):
                got = _child_speed(n, env)
                if bool(got["compiled"]) != want:
                    print("the compiled modules were not the ones imported: no comparison")
                    return
                runs[want].append(got["mb"] / got["cpu"])
        print(f"mypyc ({n} documents, {rounds} rounds alternated, each best of 2, MB/s of CPU):")
        for label, want in (("pure Python (baseline)", False), ("compiled with mypyc", True)):
            print(f"  {label:<24} " + "  ".join(f"{r:.3f}" for r in runs[want]))
        ratios = sorted(c / p for p, c in zip(runs[False], runs[True], strict=True))
        print(f"  compiled / pure, per round: {'  '.join(f'x{r:.2f}' for r in ratios)} (median x{ratios[len(ratios) // 2]:.2f})")
        _same_records(tmp, (pure_env, compiled_env), n)


def _tree_at(rev: str, tmp: Path) -> Path | None:
    """``src/`` of git revision ``rev`` extracted into ``tmp`` (``git archive``: no worktree,
    the repository is left as it is); ``None``, with one line saying why, when git refuses."""
    done = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"], capture_output=True)
    if done.returncode != 0:
        print(f"git archive {rev} failed: {done.stderr.decode(errors='replace').strip()[:200]}")
        return None
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "src"


def _paired(runs: dict[str, list[float]], labels: tuple[str, str]) -> tuple[list[float], float]:
    """Per-round ratios first / second (sorted) and the ratio of the two medians."""
    a, b = (runs[label] for label in labels)
    ratios = sorted(x / y for x, y in zip(a, b, strict=True))
    return ratios, statistics.median(a) / statistics.median(b)


def report_against(rev: str, n: int, rounds: int) -> None:
    """The working tree against git revision ``rev``: MB/s of CPU in child processes,
    alternated (each round's first tree alternates too), then the records of both."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True, text=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        other = _tree_at(rev, tmp)
        if other is None:
            return
        here = ROOT / "src"
        label_old = f"{rev} ({sha.stdout.strip()})" if sha.stdout.strip() not in ("", rev) else rev
        trees = {"working tree": here, label_old: other}
        envs = {label: {**os.environ, "PYTHONPATH": str(src)} for label, src in trees.items()}
        runs: dict[str, list[float]] = {label: [] for label in trees}
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        for r in range(rounds):
            for label in list(trees)[:: 1 if r % 2 == 0 else -1]:
                got = _child_speed(n, envs[label])
                if Path(got["src"]) != trees[label].resolve():
                    print(f"{label}: claimkit was imported from {got['src']}, not {trees[label]}: no comparison")
                    return
                runs[label].append(got["mb"] / got["cpu"])
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        print(f"against {label_old} ({n} documents, {rounds} rounds alternated, each best of 2, MB/s of CPU):")
        for label, rates in runs.items():
            print(f"  {label:<24} " + "  ".join(f"{x:.3f}" for x in rates) + f"  (median {statistics.median(rates):.3f})")
        ratios, of_medians = _paired(runs, ("working tree", label_old))
        print(
            f"  working tree / {label_old}, per round: {'  '.join(f'x{x:.2f}' for x in ratios)}"
            f" (median x{statistics.median(ratios):.2f}; ratio of the medians x{of_medians:.2f})"
        )
        _same_records(tmp, (envs["working tree"], envs[label_old]), n)


def _option(argv: list[str], name: str) -> str | None:
    """The value after ``name`` in ``argv``, if any."""
    return argv[argv.index(name) + 1] if name in argv and argv.index(name) + 1 < len(argv) else None


#: the options :func:`main` reads (``--help`` prints the module's text)
_OPTIONS = frozenset({
    "--quick", "--profile", "--where", "--speed", "--no-cue", "--lazy-bound", "--steps", "--mypyc",
    "--against", "--rounds", "--linear-child", "--speed-child", "--cold",
})


def main(argv: list[str]) -> None:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return
    unknown = [a for a in argv if a.startswith("-") and a not in _OPTIONS]
    if unknown:
        sys.exit(f"bench/extract.py: unknown option {unknown[0]} (--help lists the options)")
    if argv[:1] == ["--linear-child"]:
        linear_child(int(argv[1]))
        return
    if argv[:1] == ["--speed-child"]:
        speed_child(int(argv[1]))
        return
    if "--cold" in argv:
        from _cold import report_cold

        rounds = _option(argv, "--rounds")
        report_cold(int(rounds) if rounds else 3)
        return
    if "--mypyc" in argv:
        report_mypyc(400 if "--quick" in argv else 2000, 1 if "--quick" in argv else 3)
        return
    rev = _option(argv, "--against")
    if rev is not None:
        rounds = _option(argv, "--rounds")
        report_against(rev, 400 if "--quick" in argv else 2000, int(rounds) if rounds else 3)
        return
    quick = "--quick" in argv
    start = time.process_time()
    backend = RulesBackend()
    print(
        f"start-up: RulesBackend() {time.process_time() - start:.3f} s of CPU in a fresh process "
        "(cue data read; each language's patterns compile on its first sentence)"
    )
    first, langs = warm_up(backend)  # gazetteer, date tables and cue patterns are built lazily
    print(f"warm-up: one document in each of {langs} languages and a dateline (patterns compiled on first use, "
          f"GeoNames' city table read) {first:.2f} s of CPU")
    if "--steps" in argv:
        report_steps(backend, 400 if quick else 2000)
        report_steps_sixth(backend, 400 if quick else 2000)
        return
    if "--profile" in argv:
        report_profile(backend, 400 if quick else 2000)
        return
    if "--where" in argv:
        report_where(backend, 400 if quick else 2000)
        return
    if "--no-cue" in argv:
        report_no_cue(backend, 400 if quick else 2000)
        return
    if "--lazy-bound" in argv:
        report_lazy_bound(backend, 400 if quick else 2000)
        return
    report_speed(backend, 400 if quick else 2000)
    if "--speed" in argv:  # the first three parts only: to compare two trees stage by stage
        return
    report_linearity((100, 400) if quick else (200, 2000, 10000))
    report_long_document(backend, (0.1, 0.4) if quick else (0.25, 1.0, 4.0, 10.0))
    report_language(400 if quick else 2000)
    if not quick:
        report_cli(2000)
        report_cli_stages(2000)
        report_hostile(backend)


if __name__ == "__main__":
    main(sys.argv[1:])
