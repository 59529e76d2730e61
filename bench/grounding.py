"""Grounding accuracy and speed: claimkit's aligner next to langextract's.

Builds quotes from the gold evidence (each gold quote is an exact substring of
its article), perturbs them the ways models do, adds negatives that are not in
the article, and aligns every case with both claimkit (``Aligner``, one per
document) and langextract 1.x (``WordAligner`` + ``UnicodeTokenizer``, each
quote aligned alone, default fuzzy settings). Prints one table.

A span is right when its overlap with the true span is at least 0.8 of their
union (any occurrence of the gold quote counts as true); for a negative, right
means refused (no span).

Usage (from the repo root)::

    .venv/bin/python bench/grounding.py
    .venv/bin/python bench/grounding.py --gold ../shared/gold/dev --articles examples/articles
    .venv/bin/python bench/grounding.py --no-langextract --show-failures

Deterministic: every random choice comes from ``--seed`` (times vary, cases do not).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimkit.grounding import Aligner

ROOT = Path(__file__).resolve().parent.parent

Perturb = Callable[[str, random.Random], str | None]


# ------------------------------------------------------------------ perturbations


def _is_wide(ch: str) -> bool:
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF


def _has_wide(q: str) -> bool:
    return sum(map(_is_wide, q)) > len(q) / 3


def p_whitespace(q: str, rng: random.Random) -> str | None:
    """Whitespace runs changed: spaces become runs/newlines/NBSP; CJK spaces dropped or added."""
    if _has_wide(q):
        out = re.sub(r"\s+", "", q)
        cut = [i for i in range(1, len(out)) if _is_wide(out[i - 1]) and _is_wide(out[i])]
        if cut:
            i = rng.choice(cut)
            out = out[:i] + " " + out[i:]
    else:
        out = re.sub(r"\s+", lambda _m: rng.choice(["  ", "\n", " \n ", "\t", "\u00a0"]), q)
    return out if out != q else None


_CURLY = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}


def p_quotes(q: str, rng: random.Random) -> str | None:
    """Curly quotes made straight (or, when there are none, straight made curly)."""
    if any(c in _CURLY for c in q):
        return "".join(_CURLY.get(c, c) for c in q)
    if '"' in q or "'" in q:
        out, opened = [], False
        for c in q:
            if c == '"':
                out.append("”" if opened else "“")
                opened = not opened
            else:
                out.append("’" if c == "'" else c)
        return "".join(out)
    return None


def p_width(q: str, rng: random.Random) -> str | None:
    """Full-width punctuation made half-width (or ASCII punctuation made full-width)."""
    table = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({"\u3000": " ", "。": ".", "、": ","})
    if any(c in table for c in q):
        return "".join(table.get(c, c) for c in q)
    punct = set(",.!?:;()\"'%-0123456789")
    if any(c in punct for c in q):
        return "".join(chr(ord(c) + 0xFEE0) if c in punct else c for c in q)
    return None


def p_case(q: str, rng: random.Random) -> str | None:
    """Letter case changed (swapcase)."""
    out = q.swapcase()
    return out if out != q else None


def p_trailing_punct(q: str, rng: random.Random) -> str | None:
    """Trailing punctuation dropped (or, when the gold quote has none, a stray '.' added)."""
    stripped = q.rstrip("".join(c for c in set(q) if unicodedata.category(c).startswith("P")))
    if stripped and stripped != q:
        return stripped
    return q + "."


def p_elision(q: str, rng: random.Random) -> str | None:
    """Middle elided: 'A ... B', 'A … B', 'A……B'."""
    marker = rng.choice([" ... ", " … ", "……", "...", " [...] "])
    if _has_wide(q):
        if len(q) < 15:
            return None
        k = len(q) // 3
        return q[:k] + marker + q[-k:]
    words = q.split()
    if len(words) < 6:
        return None
    k = max(2, len(words) // 3)
    return " ".join(words[:k]) + marker + " ".join(words[-k:])


def p_typo(q: str, rng: random.Random) -> str | None:
    """One or two typos: a letter substituted, deleted, inserted, or two swapped."""
    out = list(q)
    alphabet = [c for c in q if c.isalnum()]
    for _ in range(rng.choice([1, 2])):
        idx = [i for i, c in enumerate(out) if c.isalnum()]
        if len(idx) < 4:
            return None
        i = rng.choice(idx)
        op = rng.choice(["sub", "del", "ins", "swap"])
        if op == "sub":
            choices = [c for c in alphabet if c != out[i]] or ["x"]
            out[i] = rng.choice(choices)
        elif op == "del":
            del out[i]
        elif op == "ins":
            out.insert(i, rng.choice(alphabet))
        elif i + 1 < len(out) and out[i + 1] != out[i]:
            out[i], out[i + 1] = out[i + 1], out[i]
        else:
            out[i] = rng.choice([c for c in alphabet if c != out[i]] or ["x"])
    res = "".join(out)
    return res if res != q else None


def p_diacritics(q: str, rng: random.Random) -> str | None:
    """Diacritics stripped (Vietnamese, French, ...), including đ -> d."""
    d = unicodedata.normalize("NFD", q)
    out = unicodedata.normalize("NFC", "".join(c for c in d if not 0x300 <= ord(c) <= 0x36F))
    out = out.replace("đ", "d").replace("Đ", "D")
    return out if out != q else None


PERTURBATIONS: dict[str, Perturb] = {
    "none (verbatim)": lambda q, rng: q,
    "whitespace": p_whitespace,
    "curly/straight quotes": p_quotes,
    "full/half width": p_width,
    "case": p_case,
    "trailing punct": p_trailing_punct,
    "elision": p_elision,
    "typo (1-2 chars)": p_typo,
    "diacritics stripped": p_diacritics,
}


def _halves(q: str) -> tuple[str, str]:
    if _has_wide(q) or " " not in q.strip():
        k = len(q) // 2
        return q[:k], q[k:]
    words = q.split()
    k = len(words) // 2
    return " ".join(words[:k]), " ".join(words[k:])


def _shuffled(q: str, rng: random.Random) -> str | None:
    if _has_wide(q):
        s = re.sub(r"\s+", "", q)
        toks = [s[i : i + 2] for i in range(0, len(s), 2)]
        sep = ""
    else:
        toks, sep = q.split(), " "
    if len(toks) < 4:
        return None
    for _ in range(10):
        order = toks[:]
        rng.shuffle(order)
        if order != toks:
            return sep.join(order)
    return None


# ------------------------------------------------------------------------ cases


@dataclass(frozen=True)
class Case:
    doc: str
    kind: str  # perturbation name, or "NEG ..." for negatives
    quote: str
    truth: tuple[tuple[int, int], ...]  # true spans; empty for a negative

    @property
    def negative(self) -> bool:
        return not self.truth


def _true_spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(quote)
    while i >= 0:
        spans.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    if spans:
        return spans
    parts = [p.strip() for p in re.split(r"…+|\.{3,}", quote) if p.strip()]
    if len(parts) >= 2:  # an elided gold quote: from the first piece to the last
        a = text.find(parts[0])
        b = text.find(parts[-1], a + len(parts[0])) if a >= 0 else -1
        if a >= 0 and b >= 0:
            return [(a, b + len(parts[-1]))]
    return []


def load(gold: Path, articles: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    texts: dict[str, str] = {}
    quotes: dict[str, list[str]] = defaultdict(list)
    for f in sorted(gold.glob("*.jsonl")):
        art = articles / f"{f.stem}.txt"
        if not art.exists():
            print(f"note: no article for {f.name}, skipped", file=sys.stderr)
            continue
        texts[f.stem] = art.read_text(encoding="utf-8")
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                for q in json.loads(line).get("evidence", []):
                    if q not in quotes[f.stem]:
                        quotes[f.stem].append(q)
    return texts, quotes


def build_cases(texts: dict[str, str], quotes: dict[str, list[str]], seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    docs = sorted(texts)
    for doc in docs:
        text = texts[doc]
        for q in quotes[doc]:
            truth = tuple(_true_spans(text, q))
            if not truth:
                print(f"note: gold quote not in {doc}, skipped: {q[:40]!r}", file=sys.stderr)
                continue
            for name, fn in PERTURBATIONS.items():
                pq = fn(q, rng)
                if pq is not None and pq.strip():
                    cases.append(Case(doc, name, pq, truth))
            # Negatives: a quote from another article ...
            other = rng.choice([d for d in docs if d != doc] or [doc])
            oq = rng.choice(quotes[other])
            if oq not in text:
                cases.append(Case(doc, "NEG other article", oq, ()))
            # ... half of this quote spliced onto half of another claim's quote ...
            mates = [m for m in quotes[doc] if m != q and m not in q and q not in m]
            if mates:
                a, _ = _halves(q)
                _, b = _halves(rng.choice(mates))
                sep = "" if _has_wide(q) else " "
                spliced = a + sep + b
                if spliced not in text:
                    cases.append(Case(doc, "NEG fabricated (spliced)", spliced, ()))
            # ... and this quote's words (CJK: character pairs) in a shuffled order.
            sh = _shuffled(q, rng)
            if sh is not None and sh not in text:
                cases.append(Case(doc, "NEG fabricated (shuffled)", sh, ()))
    return cases


# ------------------------------------------------------------------- alignment


def _right(case: Case, got: tuple[int, int] | None) -> bool:
    if case.negative:
        return got is None
    if got is None:
        return False
    for s, e in case.truth:
        inter = max(0, min(e, got[1]) - max(s, got[0]))
        union = max(e, got[1]) - min(s, got[0])
        if union and inter / union >= 0.8:
            return True
    return False


def run_claimkit(cases: list[Case], texts: dict[str, str]) -> tuple[list[bool], float]:
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        by_doc[c.doc].append(i)
    results: list[bool] = [False] * len(cases)
    t0 = time.perf_counter()
    for doc, idx in by_doc.items():
        aligner = Aligner(texts[doc])  # one per document: preprocessing is shared
        for i in idx:
            span = aligner.align(cases[i].quote)
            results[i] = _right(cases[i], None if span is None else (span.start, span.end))
    return results, time.perf_counter() - t0


def run_langextract(
    cases: list[Case], texts: dict[str, str]
) -> tuple[list[bool], float, list[float]]:
    from absl import logging as absl_logging
    from langextract.core import data
    from langextract.core.tokenizer import UnicodeTokenizer
    from langextract.resolver import WordAligner

    absl_logging.set_verbosity(absl_logging.ERROR)
    tokenizer = UnicodeTokenizer()
    results: list[bool] = []
    per_case: list[float] = []
    t0 = time.perf_counter()
    for c in cases:
        t1 = time.perf_counter()
        ext = data.Extraction(extraction_class="quote", extraction_text=c.quote)
        got: tuple[int, int] | None = None
        try:
            WordAligner().align_extractions([[ext]], texts[c.doc], tokenizer_impl=tokenizer)
            ci = ext.char_interval
            if ci is not None and ci.start_pos is not None and ci.end_pos is not None:
                got = (ci.start_pos, ci.end_pos)
        except Exception:  # noqa: BLE001 - a crash on a quote counts as "no span"
            got = None
        results.append(_right(c, got))
        per_case.append(time.perf_counter() - t1)
    return results, time.perf_counter() - t0, per_case


def big_document_timing(texts: dict[str, str], cases: list[Case], seed: int) -> tuple[int, float]:
    """Time one ~200 kB document (the articles repeated) with 50 quotes."""
    joined = "\n\n".join(texts[d] for d in sorted(texts))
    big = joined
    while len(big.encode("utf-8")) < 200_000:
        big += "\n\n" + joined
    rng = random.Random(seed)
    sample = rng.sample(cases, min(50, len(cases)))
    t0 = time.perf_counter()
    aligner = Aligner(big)
    for c in sample:
        aligner.align(c.quote)
    return len(big.encode("utf-8")), time.perf_counter() - t0


def synthetic_timing(seed: int) -> tuple[int, float, int]:
    """Time one ~260 kB non-repeating text (random Latin words) with 50 quotes.

    A third of the quotes carry a typo, a third are case-changed, a third are
    made-up word sequences that are not in the text. Returns (bytes, seconds,
    quotes grounded).
    """
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzéèàđư"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    text = " ".join(rng.choice(words) for _ in range(35_000))
    qs: list[str] = []
    for i in range(50):
        s = rng.randrange(len(text) - 200)
        q = text[s : s + rng.randint(20, 150)]
        if i % 3 == 0:
            q = q[:10] + "x" + q[11:]
        elif i % 3 == 1:
            q = " ".join(rng.choice(words) for _ in range(12))
        else:
            q = q.upper()
        qs.append(q)
    t0 = time.perf_counter()
    aligner = Aligner(text)
    found = sum(aligner.align(q) is not None for q in qs)
    return len(text.encode("utf-8")), time.perf_counter() - t0, found


# ----------------------------------------------------------------------- report


def print_seeds(
    texts: dict[str, str], quotes: dict[str, list[str]], seed: int, extra: int, order: list[str]
) -> None:
    """claimkit alone on seeds ``seed .. seed+extra``: accuracy per case kind."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for s in range(seed, seed + extra + 1):
        cases = build_cases(texts, quotes, s)
        ck, _ = run_claimkit(cases, texts)
        for c, ok in zip(cases, ck, strict=True):
            for key in (
                c.kind,
                "**negatives refused**" if c.negative else "**all positives**",
                "**overall**",
            ):
                right[key] += ok
                total[key] += 1
    print(f"\nclaimkit alone over seeds {seed}..{seed + extra} ({extra + 1} case sets):\n")
    print("| case | n | claimkit right | accuracy |")
    print("|---|---:|---:|---:|")
    summary = ["**all positives**", "**negatives refused**", "**overall**"]
    kinds = [k for k in total if k not in summary]
    keys = sorted(kinds, key=lambda k: (order + [k]).index(k)) + summary
    for k in keys:
        print(f"| {k} | {total[k]} | {right[k]} | {right[k] / total[k]:.4f} |")


def main(argv: list[str] | None = None) -> int:
    default_gold = ROOT / "examples" / "gold"
    if not any(default_gold.glob("*.jsonl")):
        default_gold = ROOT.parent / "shared" / "gold" / "dev"
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=default_gold, help="gold *.jsonl directory")
    ap.add_argument("--articles", type=Path, default=ROOT / "examples" / "articles")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-langextract", action="store_true", help="skip the comparison")
    ap.add_argument("--show-failures", action="store_true", help="list claimkit's misses")
    ap.add_argument(
        "--extra-seeds",
        type=int,
        default=0,
        metavar="K",
        help="also run claimkit alone on K more seeds and print its accuracy over all of them",
    )
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    texts, quotes = load(args.gold, args.articles)
    cases = build_cases(texts, quotes, args.seed)
    ck, ck_time = run_claimkit(cases, texts)
    le: list[bool] | None = None
    le_time = float("nan")
    le_cases: list[float] = []
    if not args.no_langextract:
        le, le_time, le_cases = run_langextract(cases, texts)

    order = [*PERTURBATIONS, "NEG other article", "NEG fabricated (spliced)"]
    kinds = sorted({c.kind for c in cases}, key=lambda k: (order + [k]).index(k))
    print(f"gold: {args.gold}  articles: {args.articles}  seed: {args.seed}")
    print(
        f"{len(texts)} documents, {sum(map(len, quotes.values()))} gold quotes, "
        f"{len(cases)} cases\n"
    )
    print("| case | n | claimkit | langextract |")
    print("|---|---:|---:|---:|")

    def row(label: str, sel: list[int]) -> None:
        a = sum(ck[i] for i in sel) / len(sel)
        b = f"{sum(le[i] for i in sel) / len(sel):.3f}" if le is not None else "-"
        print(f"| {label} | {len(sel)} | {a:.3f} | {b} |")

    for k in kinds:
        row(k, [i for i, c in enumerate(cases) if c.kind == k])
    row("**all positives**", [i for i, c in enumerate(cases) if not c.negative])
    row("**negatives refused**", [i for i, c in enumerate(cases) if c.negative])
    row("**overall**", list(range(len(cases))))
    le_t = f"{le_time:.2f}" if le is not None else "-"
    print(f"| **total time (s)** | {len(cases)} | {ck_time:.3f} | {le_t} |")

    if le is not None:
        slow = max(range(len(cases)), key=le_cases.__getitem__)
        med = sorted(le_cases)[len(le_cases) // 2]
        print(
            f"\nlangextract per case: median {med * 1000:.1f} ms, slowest "
            f"{le_cases[slow]:.2f} s ({cases[slow].kind}, {cases[slow].doc[:3]}); each quote "
            "aligned alone, so every call re-tokenises its article"
        )
    if args.extra_seeds:
        print_seeds(texts, quotes, args.seed, args.extra_seeds, order)

    size, big_t = big_document_timing(texts, cases, args.seed)
    print(
        f"\nclaimkit on one {size / 1000:.0f} kB document (articles repeated), 50 quotes: "
        f"{big_t:.3f} s including preprocessing"
    )
    size, syn_t, found = synthetic_timing(args.seed)
    print(
        f"claimkit on one {size / 1000:.0f} kB non-repeating synthetic text, 50 quotes "
        f"(1/3 typo, 1/3 case, 1/3 made up; {found} grounded): {syn_t:.3f} s including "
        "preprocessing"
    )
    if args.show_failures:
        print("\nclaimkit misses:")
        for i, c in enumerate(cases):
            if not ck[i]:
                span = Aligner(texts[c.doc]).align(c.quote)
                print(f"  [{c.doc[:3]} {c.kind}] {c.quote!r}\n     -> {span!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
