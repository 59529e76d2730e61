"""Scoring: hand-made gold and predictions with known answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimkit.evaluate import evaluate, format_table
from claimkit.gold import GoldClaim, load_gold
from claimkit.io import write_records
from claimkit.schemas import (
    Actor,
    DateRef,
    Document,
    DocumentClaims,
    Failure,
    Meeting,
    Modality,
    Pledge,
    Quantity,
    Refusal,
    Span,
)

TEXT = (
    "Canada will send 500 troops to Ukraine. "
    "Hungary refused to back the sanctions, and it blocked the loan. "
    "The leaders met in Paris on Monday."
)
DOC = Document(id="art", text=TEXT)


def span(quote: str, text: str = TEXT) -> Span:
    start = text.index(quote)
    return Span(start=start, end=start + len(quote), text=quote)


def gold(type_: str, *quotes: str, doc: str = "art", **kw: Any) -> GoldClaim:
    return GoldClaim(doc=doc, type=type_, evidence=quotes, **kw)


def record(*claims: Any, doc: Document = DOC) -> DocumentClaims:
    return DocumentClaims(document=doc, claims=list(claims))


def pledge(quote: str, **kw: Any) -> Pledge:
    return Pledge(doc_id="art", evidence=[span(quote)], **kw)


def refusal(quote: str, **kw: Any) -> Refusal:
    return Refusal(doc_id="art", evidence=[span(quote)], **kw)


GOLD = [
    gold("pledge", "Canada will send 500 troops to Ukraine", actor=("Canada",), modality="firm",
         attributes={"what": "troops", "amount": 500, "recipient": "Ukraine"}),
    gold("refusal", "Hungary refused to back the sanctions", actor=("Hungary",), modality="firm"),
    gold("refusal", "it blocked the loan", actor=("Hungary",), modality="firm"),
    gold("meeting", "The leaders met in Paris on Monday", attributes={"location": "Paris"}),
]


def perfect() -> list[DocumentClaims]:
    hungary = [Actor(text="Hungary", name="Hungary")]
    return [
        record(
            pledge("Canada will send 500 troops to Ukraine", actor=[Actor(text="Canada")],
                   modality=Modality.firm, what="troops",
                   recipient=Actor(text="Ukraine", name="Ukraine"),
                   quantity=Quantity(value=500, unit="troops")),
            refusal("Hungary refused to back the sanctions", actor=hungary,
                    modality=Modality.firm),
            refusal("it blocked the loan", actor=hungary, modality=Modality.firm),
            Meeting(doc_id="art", evidence=[span("The leaders met in Paris on Monday")],
                    location="Paris"),
        )
    ]


def test_perfect_predictions_score_one() -> None:
    report = evaluate(GOLD, perfect())
    d = report.to_dict()
    assert set(d) == {"overall", "by_type", "attributes"}
    assert d["overall"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 4, "fp": 0, "fn": 0}
    assert set(d["by_type"]) == {"pledge", "refusal", "meeting"}
    for key in ("actor", "modality", "pledge.what", "pledge.amount", "pledge.recipient",
                "meeting.location"):
        assert d["attributes"][key]["accuracy"] == 1.0, key
    assert set(d["overall"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}


def test_nothing_predicted() -> None:
    d = evaluate(GOLD, [record()]).to_dict()
    assert d["overall"]["tp"] == 0 and d["overall"]["fn"] == 4 and d["overall"]["f1"] == 0.0


def test_wrong_type_is_a_false_positive_and_a_miss() -> None:
    d = evaluate(GOLD[:1], [record(refusal("Canada will send 500 troops to Ukraine"))]).to_dict()
    assert d["by_type"]["refusal"]["fp"] == 1
    assert d["by_type"]["pledge"]["fn"] == 1


def test_half_overlap_edge() -> None:
    # gold: 10 characters; prediction shares exactly 5 with it -> match; 4 -> no match
    text = "0123456789abcdefghij"
    doc = Document(id="e", text=text)
    g = [gold("pledge", "56789abcde", doc="e")]

    def pred(start: int, end: int) -> DocumentClaims:
        return record(
            Pledge(doc_id="e", evidence=[Span(start=start, end=end, text=text[start:end])]),
            doc=doc,
        )

    assert evaluate(g, [pred(10, 20)]).overall.tp == 1  # overlap 5 of shorter 10
    assert evaluate(g, [pred(11, 20)]).overall.tp == 0  # overlap 4 of shorter 9
    assert evaluate(g, [pred(0, 8)]).overall.tp == 0  # overlap 3 of shorter 8
    assert evaluate(g, [pred(0, 20)]).overall.tp == 1  # containment always matches


def test_optional_gold_counts_on_neither_side() -> None:
    g = [gold("meeting", "The leaders met in Paris on Monday", optional=True)]
    hit = Meeting(doc_id="art", evidence=[span("The leaders met in Paris")])
    d = evaluate(g, [record(hit)]).to_dict()
    assert d["overall"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    d = evaluate(g, [record()]).to_dict()  # missing it is not a miss
    assert d["overall"]["fn"] == 0
    other = Meeting(doc_id="art", evidence=[span("Canada will send 500 troops")])
    assert evaluate(g, [record(other)]).overall.fp == 1  # unrelated prediction is still wrong


def test_greedy_one_to_one_largest_overlap_first() -> None:
    # one gold, two predictions: the larger overlap wins, the other is a false positive
    g = [gold("refusal", "Hungary refused to back the sanctions")]
    small = refusal("back the sanctions")
    large = refusal("Hungary refused to back")
    report = evaluate(g, [record(small, large)])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 0)
    assert report.matches[0].claim is large
    # two gold, one prediction overlapping both: it takes the larger and misses the other
    g2 = [gold("refusal", "Hungary refused"), gold("refusal", "to back the sanctions")]
    report = evaluate(g2, [record(refusal("refused to back the sanctions"))])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 1)
    assert report.matches[0].gold.evidence == ("to back the sanctions",)


def test_attributes_wrong_values() -> None:
    wrong = record(
        pledge("Canada will send 500 troops to Ukraine", actor=[Actor(text="Kanada")],
               modality=Modality.conditional, what="money",
               date=DateRef(value="2025-01-01", raw="x", resolution="explicit")),
    )
    d = evaluate(GOLD[:1], [wrong]).to_dict()["attributes"]
    assert d["actor"]["accuracy"] == 0.0
    assert d["modality"]["accuracy"] == 0.0
    assert d["date"]["accuracy"] == 0.0  # gold has no date
    assert d["pledge.what"]["accuracy"] == 0.0
    assert d["pledge.amount"]["accuracy"] == 0.0  # no quantity given
    assert d["pledge.recipient"]["total"] == 1


@pytest.mark.parametrize(
    ("gold_name", "predicted", "same"),
    [
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", True),
        ("Pedro Sanchez", "Pedro Sánchez", True),
        ("Kim Jong-un", "Kim Jong Un", True),
        ("CANADA", "Canada", True),
        ("Canada", "Kanada", False),
        ("Kim Jong Un", "Kim Yo Jong", False),
    ],
)
def test_actor_names_compare_without_case_accents_or_punctuation(gold_name: str, predicted: str, same: bool) -> None:
    g = gold("pledge", "Canada will send 500 troops to Ukraine", actor=(gold_name,))
    got = record(pledge("Canada will send 500 troops to Ukraine", actor=[Actor(name=predicted, text=predicted)]))
    assert evaluate([g], [got]).to_dict()["attributes"]["actor"]["accuracy"] == (1.0 if same else 0.0)


def test_split_pages_and_source_stems(tmp_path: Path) -> None:
    # a page split in two documents "page#1", "page#2"; gold quotes live in the second
    part1 = Document(id="page#1", text="Nothing here.")
    part2 = Document(id="page#2", text=TEXT)
    g = [gold("refusal", "it blocked the loan", doc="page")]
    claim = Refusal(doc_id="page#2", evidence=[span("it blocked the loan")])
    report = evaluate(g, [record(doc=part1), record(claim, doc=part2)])
    assert report.overall.tp == 1 and not report.unlocated
    # the document id is something else, but its source file has the stem
    renamed = Document(id="x-1", text=TEXT, source=str(tmp_path / "page.txt"))
    claim = Refusal(doc_id="x-1", evidence=[span("it blocked the loan")])
    assert evaluate(g, [record(claim, doc=renamed)]).overall.tp == 1


def test_unlocated_quotes_and_unscored_documents() -> None:
    g = [gold("refusal", "words that are not in the text")]
    other = Document(id="elsewhere", text="x")
    report = evaluate(g, [record(), record(doc=other), Failure(kind="decode", message="m")])
    assert report.overall.fn == 1
    assert len(report.unlocated) == 1 and "not in the text" in report.unlocated[0]
    assert report.unscored_docs == ["elsewhere"]
    assert "not found" in format_table(report)


def test_from_files(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    rows = [
        {"doc": "art", "type": g.type, "evidence": list(g.evidence), "actor": list(g.actor),
         "modality": g.modality, "attributes": g.attributes}
        for g in GOLD
    ]
    (gold_dir / "art.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        write_records(perfect(), fh)
    report = evaluate(gold_dir, pred)
    assert report.overall.f1 == 1.0
    table = format_table(report)
    assert "overall" in table and "pledge" in table and "1.000" in table
    assert len(load_gold(gold_dir)) == 4


@pytest.mark.parametrize("stem_docs", [1, 2])
def test_bundled_gold_against_itself(gold_dir: Path, articles_dir: Path, stem_docs: int) -> None:
    """Predictions made from the gold quotes themselves score 1.0 (the real files)."""
    golds = load_gold(gold_dir)
    records = []
    for path in sorted(articles_dir.glob("*.txt")):
        text = path.read_text("utf-8")
        doc = Document(id=path.stem if stem_docs == 1 else f"{path.stem}#1", text=text)
        claims = []
        for g in golds:
            if g.doc != path.stem or g.optional:
                continue
            start = text.index(g.evidence[0])
            s = Span(start=start, end=start + len(g.evidence[0]), text=g.evidence[0])
            claims.append({"type": g.type, "doc_id": doc.id, "evidence": [s]})
        records.append(DocumentClaims(document=doc, claims=claims))
    report = evaluate(golds, records)
    assert not report.unlocated
    assert report.overall.fp == 0 and report.overall.fn == 0
    assert report.overall.tp == sum(1 for g in golds if not g.optional)
