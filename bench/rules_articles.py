"""Scores of the rules backend on the hand-written test articles, by language.

Reads ``tests/data/articles/<lang>-<n>.txt`` (short news articles written for
the project, each with a dateline, in the 17 languages the backend claims) and
their gold claims ``tests/data/articles_gold/<lang>-<n>.jsonl`` (the format
and guidelines of ``examples/gold``), extracts them as ``claimkit extract
--backend rules`` does and prints what ``claimkit eval`` prints, per language
and overall: precision, recall and F1 of claims, and on matched claims the
actor, date and modality accuracy. ``-v`` lists every missed and false claim.
``--heldout`` reads ``tests/data/articles_heldout`` (and its ``_gold``) instead:
articles written after the mechanisms were tuned on the first set, by someone
who did not tune them, scored and never tuned on (an honest estimate of how
the backend does on articles it has not seen); ``--heldout2`` reads the second
held-out set, ``tests/data/articles_heldout2``, written the same way a session
later (the first set had been scored twice by then), and ``--heldout3`` the
third, ``tests/data/articles_heldout3``, written two sessions after the second,
``--heldout4`` the fourth, written a session after the third, and
``--heldout5`` the fifth, written a session after the fourth, and
``--heldout6`` the sixth, written a session after the fifth, and
``--heldout7`` the seventh, a session after the sixth (``--heldoutN`` reads
``tests/data/articles_heldoutN``, whichever sets exist). Attribute
columns give the accuracy and, after it, right/matched.

Unlike the sentence sets (one sentence, one decision), these score what only
a whole article shows: restatements merged, dates from the dateline and the
context, who acts in a meeting report, background that is no claim.

    .venv/bin/python bench/rules_articles.py [-v] [--heldout | --heldoutN] [LANG | ARTICLE ...]   # ko, or ko-4
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import claimkit
from claimkit.evaluate import EvalReport, evaluate
from claimkit.gold import GoldClaim, load_gold

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"
GOLD = ROOT / "tests" / "data" / "articles_gold"
HELDOUT = ROOT / "tests" / "data" / "articles_heldout"


def language(doc: str) -> str:
    """``ko-2`` -> ``ko``."""
    return doc.split("-", 1)[0]


def score(
    langs: set[str], articles: Path = ARTICLES, gold_dir: Path = GOLD
) -> tuple[dict[str, EvalReport], list[claimkit.DocumentClaims]]:
    """One evaluation per language and one of all (key ``all``), and the records."""
    paths = sorted(p for p in articles.glob("*.txt") if _picked(p.stem, langs))
    records = [
        r for r in claimkit.extract(claimkit.load_documents(paths), backend="rules")
        if isinstance(r, claimkit.DocumentClaims)
    ]
    gold = [g for g in load_gold(gold_dir) if _picked(g.doc, langs)]
    by_lang: dict[str, list[GoldClaim]] = defaultdict(list)
    for g in gold:
        by_lang[language(g.doc)].append(g)
    out = {lang: evaluate(claims, records) for lang, claims in sorted(by_lang.items())}
    out["all"] = evaluate(gold, records)
    return out, records


def _picked(doc: str, picks: set[str]) -> bool:
    """``doc`` is asked for: no picks, its language (``ko``) or its own name (``ko-4``)."""
    return not picks or doc in picks or language(doc) in picks


def _attribute(report: EvalReport, name: str) -> str:
    attr = report.attributes.get(name)
    return f"{attr.accuracy:.2f} {attr.correct:>3}/{attr.total:<3}" if attr and attr.total else "  -          "


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    articles, gold_dir = ARTICLES, GOLD
    for flag in argv:
        if re.fullmatch(r"--heldout\d*", flag):
            articles = HELDOUT.with_name(f"articles_{flag[2:]}")
            gold_dir = articles.with_name(f"articles_{flag[2:]}_gold")
            if not articles.is_dir():
                raise SystemExit(f"{flag}: no held-out set {articles}")
    picks = {a for a in argv if not a.startswith("-")}
    reports, records = score(picks, articles, gold_dir)
    print(f"{'':<5} {'gold':>4} {'P':>5} {'R':>5} {'F1':>5}  {'actor':<13} {'date':<13} modality")
    for lang, r in reports.items():
        s = r.overall
        print(
            f"{lang:<5} {s.tp + s.fn:>4} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}"
            f"  {_attribute(r, 'actor')} {_attribute(r, 'date')} {_attribute(r, 'modality')}"
        )
    by_type = reports["all"].by_type
    print("by type: " + ", ".join(f"{t} {s.f1:.2f} ({s.tp + s.fn})" for t, s in sorted(by_type.items())))
    if verbose:
        _details(reports["all"], records, gold_dir, picks)


def _details(report: EvalReport, records: list[claimkit.DocumentClaims], gold_dir: Path,
             picks: set[str]) -> None:
    """Every gold claim of the picked articles (``picks``: languages or article names, as
    :func:`score` takes them) no prediction matched, every prediction no gold claim matched,
    and every matched pair, with its actor, date and modality."""
    matched_gold = {m.gold.source for m in report.matches}
    matched_pred = {id(m.claim) for m in report.matches}
    for g in load_gold(gold_dir):
        if g.source not in matched_gold and not g.optional and _picked(g.doc, picks):
            print(f"MISSED {Path(g.source).name} {g.type} {g.actor}: {g.evidence[0]!r}")
    for record in records:
        for c in record.claims:
            if id(c) not in matched_pred:
                print(f"FALSE  {record.document.id} {c.type} {_names(c)}: {c.evidence[0].text!r}")
    for m in report.matches:
        print(f"MATCH  {Path(m.gold.source).name} {m.gold.type} gold actor {m.gold.actor} date {m.gold.date}"
              f" {m.gold.modality} | got {_names(m.claim)} {m.claim.date and m.claim.date.value} {m.claim.modality}")


def _names(claim: claimkit.ClaimBase) -> list[str]:
    return [a.name or a.text for a in claim.actor]


if __name__ == "__main__":
    main(sys.argv[1:])
