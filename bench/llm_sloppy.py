"""How many of a sloppy model's claims survive, with their attributes (no model, no network).

The scripted OpenAI-compatible server (tests/llm/scripted_server.py) runs in
its own process on 127.0.0.1. Its *gold responder* answers every request with
the gold claims of examples/gold whose quotes are in the article; in sloppy
mode it writes them as a careless model would (see the server's docstring:
``--sloppy RATE`` fills every field the tool schema allows, this share of the
values invalid; ``--sloppy-kinds`` adds named kinds of sloppiness, each on
this share of the replies or claims). For each row the benchmark runs

* the command, end to end: ``claimkit extract examples/articles --backend
  openai --base-url URL`` (a subprocess, a dummy key, no cache), scored with
  ``claimkit eval --gold examples/gold --json`` (another subprocess);
* the library: ``claimkit.extract(claimkit.load_documents([...]), backend=
  OpenAIBackend(...))``, scored with ``claimkit.evaluate``;

and prints precision, recall, F1, the accuracy of actor, date and modality
over the matched claims, requests per document, failure records and the
warnings (values and claims dropped by salvage) of each. The first row, the
gold responder as it is, is the baseline of the same run: the replies are the
gold, so it should score near 1.0 (what it loses is the library's, not the
"model's").

THE REPLIES ARE SCRIPTED: this measures how much of a reply claimkit keeps,
never a model's quality.

    .venv/bin/python bench/llm_sloppy.py                  # the rates, then each kind alone
    .venv/bin/python bench/llm_sloppy.py --rates 0.3 --kinds none
    .venv/bin/python bench/llm_sloppy.py --kinds string_numbers,content_fenced --kind-rate 0.5
    .venv/bin/python bench/llm_sloppy.py --mode json      # the reply as a JSON object
    .venv/bin/python bench/llm_sloppy.py --corpus tuned --by-language --no-library \
        --rates 0,0.3,0.6 --kinds native_dates,native_numbers   # 17 languages

``--grid`` runs the field-by-field grid instead (tests/llm/field_grid.py: one sloppy
value in one field of one claim, every field of the four claim types and of their
actors, dates and quantities, each cell one document through the library against the
scripted server) and prints, per field, the cells that came back as they should
(claim kept, field read, emptied or dropped with one warning, nothing else lost), then
the reply shapes around the claims (claims expected and back):

    .venv/bin/python bench/llm_sloppy.py --grid

``--corpus tuned`` reads tests/data/articles and tests/data/articles_gold (123
articles, 17 languages; never the held-out sets) instead of examples/;
``--by-language`` prints under each row the languages whose F1 or an attribute's
accuracy fell below the gold responder's row of the same run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import claimkit
from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.schemas import DocumentClaims

ROOT = Path(__file__).resolve().parents[1]
#: corpora by name: (articles, gold). ``tuned``: the tuned articles of the rules backend,
#: 17 languages (never the held-out sets)
CORPORA = {
    "examples": (ROOT / "examples" / "articles", ROOT / "examples" / "gold"),
    "tuned": (ROOT / "tests" / "data" / "articles", ROOT / "tests" / "data" / "articles_gold"),
}
ARTICLES, GOLD = CORPORA["examples"]
SERVER = ROOT / "tests" / "llm" / "scripted_server.py"
CLAIMKIT = Path(sys.executable).with_name("claimkit")
DUMMY_KEY = "sk-bench-dummy-key"
MODEL = "scripted-model"

sys.path.insert(0, str(SERVER.parent))
from scripted_server import SLOPPY_KINDS  # noqa: E402


@dataclass
class Row:
    """One configuration of the server, one way of running claimkit: its figures."""

    label: str
    how: str
    scores: dict[str, Any]
    by_language: dict[str, dict[str, Any]]
    documents: int
    requests: int
    failures: int
    warnings: int
    seconds: float

    def line(self) -> str:
        o, a = self.scores.get("overall", {}), self.scores.get("attributes", {})

        def acc(name: str) -> str:
            return f"{a[name]['accuracy']:.3f}" if name in a else "  -  "

        per_doc = self.requests / self.documents if self.documents else 0.0
        return (f"{self.label:<24} {self.how:<7} {o.get('precision', 0):.3f} "
                f"{o.get('recall', 0):.3f} {o.get('f1', 0):.3f}  {acc('actor')} "
                f"{acc('date')} {acc('modality')}  {per_doc:5.2f} {self.failures:4d} "
                f"{self.warnings:5d} {self.seconds:6.1f}")


    def languages(self, baseline: dict[str, dict[str, Any]] | None) -> str:
        """The languages whose F1 or an attribute's accuracy is below the baseline's
        (or below 1 without one): ``zh F1 0.833 date 0.600 pledge.amount 0.500``."""
        parts = []
        for lang, scores in sorted(self.by_language.items()):
            base = (baseline or {}).get(lang, {})
            worse = [f"{name} {value:.3f}" for name, value in _figures(scores).items()
                     if value < _figures(base).get(name, 1.0) - 1e-9]
            if worse:
                parts.append(f"{lang} " + " ".join(worse))
        return "    lost in: " + ("; ".join(parts) if parts else "none")


def _figures(scores: dict[str, Any]) -> dict[str, float]:
    """F1 and every attribute's accuracy (actor, date, modality, ``pledge.amount``,
    ``meeting.format``, ...) of one evaluation's dict."""
    o, a = scores.get("overall", {}), scores.get("attributes", {})
    out = {"F1": float(o.get("f1", 0.0))} if o else {}
    for name, figures in sorted(a.items()):
        out[name] = float(figures["accuracy"])
    return out


HEADER = (f"{'server':<24} {'run':<7} {'P':<5} {'R':<5} {'F1':<5}  {'actor':<5} "
          f"{'date':<5} {'modal':<5}  req/d fail  warn  wall s")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rates", default="0,0.3,0.6,0.9",
                   help="sloppy rates (comma-separated); the gold responder row always runs")
    p.add_argument("--kinds", default="all",
                   help="sloppiness kinds, one row each (comma-separated, 'all' or 'none')")
    p.add_argument("--kind-rate", type=float, default=1.0,
                   help="share of replies (or claims) a kind's row changes (1: every one, "
                   "re-asks included: the model always does it)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--mode", choices=["tools", "json", "md_json"], default="tools",
                   help="how the reply is asked for (CLAIMKIT_MODE)")
    p.add_argument("--no-library", action="store_true", help="the command only")
    p.add_argument("--corpus", choices=sorted(CORPORA), default="examples",
                   help="examples: examples/articles and examples/gold (5 articles); tuned: "
                   "tests/data/articles and articles_gold (123 articles, 17 languages)")
    p.add_argument("--by-language", action="store_true",
                   help="under each row, the languages that lost F1 or an attribute against "
                   "the gold responder's row (the language: the document id before '-')")
    p.add_argument("--grid", action="store_true",
                   help="the field-by-field grid (tests/llm/field_grid.py) instead of the rows")
    args = p.parse_args()
    if args.grid:
        return _grid()
    global ARTICLES, GOLD
    ARTICLES, GOLD = CORPORA[args.corpus]
    kinds = (list(SLOPPY_KINDS) if args.kinds == "all"
             else [] if args.kinds == "none" else args.kinds.split(","))
    configs: list[tuple[str, list[str]]] = [("gold responder", [])]
    configs += [(f"sloppy {float(r):g}", ["--sloppy", r]) for r in args.rates.split(",") if r]
    configs += [(k, ["--sloppy-kinds", k, "--kind-rate", str(args.kind_rate)]) for k in kinds]
    print("scripted OpenAI-compatible server on 127.0.0.1 (replies built from "
          f"{GOLD.relative_to(ROOT)}; no model); documents: {ARTICLES.relative_to(ROOT)}")
    print(HEADER)
    lost = 0
    baselines: dict[str, dict[str, dict[str, Any]]] = {}
    for label, options in configs:
        for how in ("command", "library")[: 1 if args.no_library else 2]:
            row = _measure(label, how, [*options, "--seed", str(args.seed)], args.mode)
            lost += row.failures
            print(row.line(), flush=True)
            baselines.setdefault(how, row.by_language)
            if args.by_language:
                print(row.languages(baselines[how]), flush=True)
    print(f"failure records over all rows: {lost}")
    return 0


def _grid() -> int:
    """Print the field-by-field grid: per claim type and field, the cells that came back
    as they should; then the reply shapes. The cells that did not are listed at the end."""
    from field_grid import run_grid, run_top_level

    def backend(server: Any) -> OpenAIBackend:
        return OpenAIBackend(model=MODEL, base_url=server.base_url, api_key=DUMMY_KEY,
                             cache=False, max_reasks=2, max_api_retries=0,
                             types=["pledge", "refusal", "warning", "meeting"])

    logging.disable(logging.WARNING)
    outcomes = run_grid(backend)
    rows: dict[str, list[int]] = {}
    for o in outcomes:
        row = rows.setdefault(f"{o.cell.type}.{'.'.join(map(str, o.cell.path))}", [0, 0])
        row[0] += o.ok()
        row[1] += 1
    print("field-by-field grid against the scripted server (no model): cells as expected")
    for name, (ok, total) in rows.items():
        print(f"  {name:<38} {ok:4d} / {total:<4d}{'' if ok == total else '  <-'}")
    good = sum(o.ok() for o in outcomes)
    print(f"all cells: {good} / {len(outcomes)}; claims lost: "
          f"{sum(o.claims != 1 for o in outcomes)}; cells with another field lost: "
          f"{sum(bool(o.others_lost) for o in outcomes)}")
    print("reply shapes around the claims (claims expected, back):")
    shapes = run_top_level(backend)
    for label, expected, got, failure in shapes:
        mark = "" if expected == got and failure is None else f"  <- {failure or 'lost'}"
        print(f"  {label:<40} {expected} {got}{mark}")
    for o in outcomes:
        if not o.ok():
            print(f"  cell {o.cell.type} {'.'.join(map(str, o.cell.path))} {o.cell.label}: "
                  f"expected {o.cell.expect}; claims {o.claims}, field {o.field!r:.60}, "
                  f"warnings {len(o.warnings)}, others lost {o.others_lost}")
    return 0


@contextmanager
def _server(options: list[str]) -> Iterator[str]:
    """The scripted server in its own process; its base URL."""
    proc = subprocess.Popen(
        [sys.executable, str(SERVER), "--port", "0", "--gold", str(GOLD), *options],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        yield line.split(" on ", 1)[1].split()[0]
    finally:
        proc.terminate()
        proc.wait()


def _requests(base_url: str) -> int:
    with urllib.request.urlopen(base_url.rsplit("/v1", 1)[0] + "/stats") as response:
        return int(json.load(response)["requests"])


def _measure(label: str, how: str, options: list[str], mode: str) -> Row:
    with _server(options) as base_url, tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        if how == "command":
            scores, records, failures, warnings = _command(base_url, Path(tmp), mode)
        else:
            scores, records, failures, warnings = _library(base_url, mode)
        seconds = time.perf_counter() - start
        return Row(label, how, scores, _by_language(records), len(records),
                   _requests(base_url), failures, warnings, seconds)


def _language(doc_id: str) -> str:
    """The language of a tuned article (``zh-3`` is Chinese); examples are ``-``."""
    head = doc_id.split("#")[0].split("-")[0]
    return head if len(head) == 2 and head.isalpha() else "-"


def _doc_id(record: Any) -> str:
    """A record's document id (a failure's own, when it has one)."""
    document = getattr(record, "document", None)
    return document.id if document is not None else (getattr(record, "doc_id", None) or "")


def _by_language(records: list[Any]) -> dict[str, dict[str, Any]]:
    """Each language's scores (F1 and attributes) against its own gold claims."""
    from claimkit.gold import load_gold

    gold = load_gold(GOLD)
    out = {}
    for lang in sorted({_language(g.doc) for g in gold}):
        mine = [r for r in records if _language(_doc_id(r)) == lang]
        out[lang] = claimkit.evaluate([g for g in gold if _language(g.doc) == lang],
                                      mine).to_dict()
    return out


def _command(base_url: str, tmp: Path, mode: str) -> tuple[dict[str, Any], list[Any], int, int]:
    out = tmp / "claims.jsonl"
    env = {**os.environ, "CLAIMKIT_API_KEY": DUMMY_KEY, "CLAIMKIT_CACHE_DIR": str(tmp / "cache"),
           "CLAIMKIT_MODE": mode}
    env.pop("OPENAI_API_KEY", None)
    subprocess.run(
        [str(CLAIMKIT), "extract", str(ARTICLES), "--backend", "openai", "--base-url", base_url,
         "--model", MODEL, "--no-cache", "--concurrency", "1", "-o", str(out)],
        env=env, capture_output=True, text=True, check=False,
    )
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
    failures = sum(r.get("record") == "failure" for r in records)
    warnings = sum(len(r.get("warnings") or []) for r in records)
    scored = subprocess.run([str(CLAIMKIT), "eval", "--gold", str(GOLD), "--json", str(out)],
                            capture_output=True, text=True, check=False)
    scores = json.loads(scored.stdout) if scored.stdout.strip() else {}
    from claimkit.io import read_records

    return scores, list(read_records(out)), failures, warnings


def _library(base_url: str, mode: str) -> tuple[dict[str, Any], list[Any], int, int]:
    logging.disable(logging.WARNING)  # failures are counted, not printed
    backend = OpenAIBackend(model=MODEL, base_url=base_url, api_key=DUMMY_KEY, cache=False,
                            mode=mode)
    result = claimkit.extract(claimkit.load_documents([str(ARTICLES)]), backend=backend,
                              concurrency=1)
    records = list(result.records)
    claims = [r for r in records if isinstance(r, DocumentClaims)]
    scores = claimkit.evaluate(GOLD, records).to_dict()
    warnings = sum(len(r.warnings) for r in claims)
    return scores, records, len(records) - len(claims), warnings


if __name__ == "__main__":
    sys.exit(main())
