"""The hand-written test articles (``tests/data/articles``) and their gold claims are
well formed, and the scoring bench (``bench/rules_articles.py``) reads them.

The scores themselves are printed by the bench, not asserted here: the set
measures how the rules backend handles whole articles (see
docs/offline-extractor.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from claimkit.gold import load_gold

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"
GOLD = ROOT / "tests" / "data" / "articles_gold"
#: (articles, their gold): the set tuned on and the held-out one (scored, never tuned on)
HELDOUT_SETS = sorted(
    (p for p in ARTICLES.parent.glob("articles_heldout*") if not p.name.endswith("_gold")),
    key=lambda p: int(p.name.removeprefix("articles_heldout") or 1),
)
SETS = [(ARTICLES, GOLD), *((p, p.with_name(f"{p.name}_gold")) for p in HELDOUT_SETS)]
TEXTS = sorted(ARTICLES.glob("*.txt"))
ALL = [(p, gold) for articles, gold in SETS for p in sorted(articles.glob("*.txt"))]


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("rules_articles", ROOT / "bench" / "rules_articles.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["rules_articles"] = module
    spec.loader.exec_module(module)
    return module


def test_every_held_out_set_is_found() -> None:
    """The sets are found by their folder names: a renamed or missing set fails here."""
    names = [p.name for p in HELDOUT_SETS]
    assert names[:6] == ["articles_heldout", *(f"articles_heldout{n}" for n in range(2, 7))]


@pytest.mark.parametrize(("articles", "gold"), SETS, ids=["tuned", *(p.name.removeprefix("articles_") for p in HELDOUT_SETS)])
def test_every_article_has_a_gold_file_and_every_gold_file_an_article(articles: Path, gold: Path) -> None:
    texts = {p.stem for p in articles.glob("*.txt")}
    assert texts, f"no articles in {articles}"
    assert texts == {p.stem for p in gold.glob("*.jsonl")}


@pytest.mark.parametrize(("path", "gold"), ALL, ids=[f"{g.name}/{p.stem}" for p, g in ALL])
def test_gold_quotes_are_verbatim_and_claims_valid(path: Path, gold: Path) -> None:
    text = path.read_text(encoding="utf-8")
    claims = load_gold(gold / f"{path.stem}.jsonl")
    assert claims, f"{path.stem}: no gold claims"
    for claim in claims:
        assert claim.doc == path.stem, claim.source
        for quote in claim.evidence:
            assert quote in text, f"{claim.source}: quote not in the article: {quote!r}"


def test_bench_scores_every_gold_claim_of_a_language() -> None:
    bench = _bench()
    reports, records = bench.score({"en"})  # type: ignore[attr-defined]
    gold = [g for g in load_gold(GOLD) if g.doc.startswith("en-") and not g.optional]
    scores = reports["all"].overall
    assert scores.tp + scores.fn == len(gold)
    assert not reports["all"].unlocated
    assert {r.document.id for r in records} == {p.stem for p in TEXTS if p.stem.startswith("en-")}


def test_bench_scores_one_article_by_its_name() -> None:
    bench = _bench()
    reports, records = bench.score({"en-1"})  # type: ignore[attr-defined]
    gold = [g for g in load_gold(GOLD) if g.doc == "en-1" and not g.optional]
    scores = reports["all"].overall
    assert scores.tp + scores.fn == len(gold)
    assert [r.document.id for r in records] == ["en-1"]
