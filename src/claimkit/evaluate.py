"""Scoring extracted claims against gold claims.

The rules are those of ``examples/gold/GUIDELINES.md``:

* a predicted claim matches a gold claim when the types are equal and one of
  its evidence spans overlaps one of the gold evidence spans by at least half
  of the shorter of the two spans (character offsets in the same document);
* each gold claim matches at most one prediction and each prediction at most
  one gold claim: greedy, largest overlap first;
* optional gold claims are left out of both sides: a prediction matched to one
  counts neither as a true nor as a false positive, and an unmatched one is not
  a miss;
* precision, recall and F1 per type and overall; attribute accuracy (actor,
  date, modality and each type attribute the gold claim has) over the matched
  pairs.

Gold quotes are located in the texts of the *predicted* documents that come
from the same article file: gold ``doc`` is the file stem, a predicted
document belongs to it when its id is the stem or ``stem#N`` (a page split into
several articles) or when its ``source`` path has that stem. A quote that
occurs several times may be matched at any of its occurrences. Quotes that
cannot be found (the loader cut that region out) are listed in
:attr:`EvalReport.unlocated`; their claims can only be missed.

Example::

    from claimkit.evaluate import evaluate, format_table
    report = evaluate("examples/gold", "claims.jsonl")
    print(format_table(report))
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimkit.errors import InputError
from claimkit.gold import GoldClaim, load_gold
from claimkit.io import Record, one_line, read_records
from claimkit.schemas import Actor, ClaimBase, Document, DocumentClaims, Quantity
from claimkit.text import fold

__all__ = [
    "AttributeScore",
    "EvalReport",
    "EventReport",
    "Match",
    "Scores",
    "evaluate",
    "evaluate_events",
    "format_events",
    "format_table",
    "gold_ref",
    "load_events",
]

log = logging.getLogger(__name__)

# (document id, start, end)
_Span = tuple[str, int, int]

# Attributes whose gold value is free English text: a rules backend (or a model)
# cannot be expected to produce the same words, so the score is whether it
# filled the field at all. Reported with kind "filled".
_FREE_TEXT = frozenset({"condition", "consequence", "topic", "refusal.what"})


@dataclass
class Scores:
    """True positives, false positives and misses, with the derived rates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class AttributeScore:
    """How often an attribute of matched pairs was right.

    ``kind`` is ``match`` (the predicted value equals the gold value) or
    ``filled`` (free-text gold: the prediction has any value).
    """

    correct: int = 0
    total: int = 0
    kind: str = "match"

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "accuracy": round(self.accuracy, 4),
            "correct": self.correct,
            "total": self.total,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Match:
    """One matched pair (optional gold claims included)."""

    gold: GoldClaim
    claim: ClaimBase
    overlap: int


@dataclass
class EvalReport:
    """The result of :func:`evaluate`.

    Attributes:
        overall: scores over every type.
        by_type: scores per claim type (gold or predicted).
        attributes: accuracy per attribute over matched, non-optional pairs;
            keys ``actor``, ``date``, ``modality`` and ``<type>.<attribute>``.
        matches: the matched pairs.
        unlocated: gold quotes not found in any predicted document of their
            article (``file:line: quote``).
        unscored_docs: predicted document ids with no gold file (ignored).
    """

    overall: Scores = field(default_factory=Scores)
    by_type: dict[str, Scores] = field(default_factory=dict)
    attributes: dict[str, AttributeScore] = field(default_factory=dict)
    matches: list[Match] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)
    unscored_docs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``{"overall": {...}, "by_type": {type: {...}}, "attributes": {...}}``."""
        return {
            "overall": self.overall.to_dict(),
            "by_type": {t: s.to_dict() for t, s in sorted(self.by_type.items())},
            "attributes": {k: a.to_dict() for k, a in sorted(self.attributes.items())},
        }


# ------------------------------------------------------------------------ matching


def evaluate(
    gold: str | os.PathLike[str] | Sequence[GoldClaim],
    records: str | os.PathLike[str] | Iterable[Record],
) -> EvalReport:
    """Score predicted claims against gold claims.

    Args:
        gold: a gold directory (or file), or claims from :func:`~claimkit.gold.load_gold`.
        records: a JSONL output file of ``claimkit extract``, or its records
            (:class:`~claimkit.schemas.DocumentClaims`; failures count as
            documents with no claims).

    Returns:
        The report; see :class:`EvalReport`.

    Raises:
        InputError: the gold directory or the predictions cannot be read.
    """
    gold_claims = load_gold(gold) if isinstance(gold, (str, os.PathLike)) else list(gold)
    if isinstance(records, (str, os.PathLike)):
        records = list(read_records(records))
    report = EvalReport()
    docs, preds = _predictions(records, {g.doc for g in gold_claims}, report)
    golds = _gold_spans(gold_claims, docs, report)
    flat_preds = [(stem, claim, spans) for stem in sorted(preds) for claim, spans in preds[stem]]
    matched_pred, matched_gold = _match(flat_preds, golds, report)
    report.by_type = _type_scores(flat_preds, golds, matched_pred, matched_gold)
    report.overall = Scores(
        tp=sum(s.tp for s in report.by_type.values()),
        fp=sum(s.fp for s in report.by_type.values()),
        fn=sum(s.fn for s in report.by_type.values()),
    )
    report.attributes = _score_attributes([m for m in report.matches if not m.gold.optional])
    return report


_Preds = dict[str, list[tuple[ClaimBase, list[_Span]]]]
_Golds = dict[str, list[tuple[GoldClaim, list[_Span]]]]
_Flat = list[tuple[str, ClaimBase, list[_Span]]]


def _predictions(
    records: Iterable[Record], stems: set[str], report: EvalReport
) -> tuple[dict[str, list[Document]], _Preds]:
    """Predicted claims (with their span triples) and documents, by gold stem."""
    docs: dict[str, list[Document]] = defaultdict(list)
    preds: _Preds = defaultdict(list)
    for record in records:
        if not isinstance(record, DocumentClaims):
            continue
        stem = _stem_of(record.document, stems)
        if stem is None:
            report.unscored_docs.append(record.document.id)
            continue
        docs[stem].append(record.document)
        for claim in record.claims:
            spans = [(claim.doc_id or record.document.id, s.start, s.end) for s in claim.evidence]
            preds[stem].append((claim, [s for s in spans if s[2] > s[1]]))
    if report.unscored_docs:
        log.info("%d predicted documents have no gold file", len(report.unscored_docs))
    return docs, preds


def _gold_spans(
    gold_claims: Sequence[GoldClaim], docs: dict[str, list[Document]], report: EvalReport
) -> _Golds:
    """Each gold claim with its quotes located in the predicted documents."""
    golds: _Golds = defaultdict(list)
    for g in gold_claims:
        spans = []
        for quote in g.evidence:
            found = _locate(quote, docs.get(g.doc, []))
            if not found:
                report.unlocated.append(f"{g.source}: {quote}")
            spans.extend(found)
        golds[g.doc].append((g, spans))
    return golds


def _match(
    flat_preds: _Flat, golds: _Golds, report: EvalReport
) -> tuple[dict[int, GoldClaim], set[tuple[str, int]]]:
    """One-to-one matching, largest span overlap first (ties in reading order)."""
    candidates: list[tuple[int, int, tuple[str, int]]] = []
    for pid, (stem, claim, pspans) in enumerate(flat_preds):
        for gi, (g, gspans) in enumerate(golds.get(stem, [])):
            if g.type == claim.type:
                best = _best_overlap(pspans, gspans)
                if best > 0:
                    candidates.append((best, pid, (stem, gi)))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    matched_pred: dict[int, GoldClaim] = {}
    matched_gold: set[tuple[str, int]] = set()
    for overlap, pid, gkey in candidates:
        if pid in matched_pred or gkey in matched_gold:
            continue
        g = golds[gkey[0]][gkey[1]][0]
        matched_pred[pid] = g
        matched_gold.add(gkey)
        report.matches.append(Match(gold=g, claim=flat_preds[pid][1], overlap=overlap))
    return matched_pred, matched_gold


def _type_scores(
    flat_preds: _Flat,
    golds: _Golds,
    matched_pred: dict[int, GoldClaim],
    matched_gold: set[tuple[str, int]],
) -> dict[str, Scores]:
    by_type: dict[str, Scores] = defaultdict(Scores)
    for pid, (_, claim, _) in enumerate(flat_preds):
        hit = matched_pred.get(pid)
        if hit is None:
            by_type[claim.type].fp += 1
        elif not hit.optional:  # a hit on optional gold counts on neither side
            by_type[claim.type].tp += 1
    for stem, entries in golds.items():
        for gi, (g, _) in enumerate(entries):
            if not g.optional and (stem, gi) not in matched_gold:
                by_type[g.type].fn += 1
            else:
                by_type.setdefault(g.type, Scores())
    return dict(by_type)


def _stem_of(document: Document, stems: set[str]) -> str | None:
    candidates = [document.id.split("#", 1)[0]]
    if document.source and document.source != "-":
        candidates.append(Path(document.source).stem)
    for c in candidates:
        if c in stems:
            return c
    return None


def _locate(quote: str, documents: Sequence[Document]) -> list[_Span]:
    """Every exact occurrence of ``quote``; else its grounded position."""
    found: list[_Span] = []
    for doc in documents:
        start = doc.text.find(quote)
        while start >= 0:
            found.append((doc.id, start, start + len(quote)))
            start = doc.text.find(quote, start + 1)
    if found:
        return found
    from claimkit.grounding import align_quote  # normalised / fuzzy fallback

    for doc in documents:
        span = align_quote(doc.text, quote)
        if span is not None:
            found.append((doc.id, span.start, span.end))
    return found


def _best_overlap(pred: Sequence[_Span], gold: Sequence[_Span]) -> int:
    best = 0
    for pdoc, ps, pe in pred:
        for gdoc, gs, ge in gold:
            if pdoc != gdoc:
                continue
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0 and 2 * overlap >= min(pe - ps, ge - gs) and overlap > best:
                best = overlap
    return best


# ---------------------------------------------------------------------- attributes


def _score_attributes(matches: Sequence[Match]) -> dict[str, AttributeScore]:
    scores: dict[str, AttributeScore] = {}

    def add(key: str, ok: bool, kind: str = "match") -> None:
        score = scores.setdefault(key, AttributeScore(kind=kind))
        score.total += 1
        score.correct += int(ok)

    for m in matches:
        g, c = m.gold, m.claim
        if g.actor:
            add("actor", _names_overlap(g.actor, c.actor))
        add("date", (c.date.value if c.date else None) == g.date)
        # a type whose model says modality does not apply (a meeting) is scored on it
        # only when the gold claim gives one
        if g.modality is not None or type(c).has_modality:
            modality = c.modality.value if c.modality is not None else None
            add("modality", modality == g.modality)
        for name, gval in sorted(g.attributes.items()):
            key = f"{g.type}.{name}"
            if name in _FREE_TEXT or key in _FREE_TEXT:
                add(key, bool(_value(c, name)), "filled")
            else:
                add(key, _attribute_ok(c, name, gval))
    return scores


def _labels(value: Any) -> set[str]:
    """Casefolded names and texts of an Actor, a list of them, or plain strings."""
    items = value if isinstance(value, (list, tuple)) else [value]
    out: set[str] = set()
    for item in items:
        if isinstance(item, Actor):
            out.update(x.casefold() for x in (item.name, item.text) if x)
        elif item is not None:
            out.add(str(getattr(item, "value", item)).casefold())
    return out


def _names_overlap(gold: Iterable[str], predicted: Any) -> bool:
    """Some gold name is a predicted actor's name or text, compared as :func:`claimkit.text.fold`
    compares names (case, accents and punctuation aside: "Recep Tayyip Erdoğan" is "Recep
    Tayyip Erdogan", "Kim Jong-un" is "Kim Jong Un")."""
    return bool({fold(n) for n in gold} & {fold(n) for n in _labels(predicted)})


def _quantity(claim: ClaimBase) -> Quantity | None:
    q = getattr(claim, "quantity", None) or getattr(claim, "participant_count", None)
    return q if isinstance(q, Quantity) else None


def _value(claim: ClaimBase, name: str) -> Any:
    """The predicted value for a gold attribute name (gold names differ for quantities)."""
    quantity = _quantity(claim)
    if name in ("amount", "participant_count"):
        return quantity.value if quantity else None
    if name == "unit":
        return quantity.unit if quantity else None
    if name == "count_qualifier":
        return quantity.qualifier if quantity else None
    return getattr(claim, name, None)


def _attribute_ok(claim: ClaimBase, name: str, gold: Any) -> bool:
    predicted = _value(claim, name)
    if predicted is None or predicted == []:
        return False
    if isinstance(gold, (int, float)) and not isinstance(gold, bool):
        try:
            return abs(float(predicted) - float(gold)) < 1e-6 * max(1.0, abs(float(gold)))
        except (TypeError, ValueError):
            return False
    if isinstance(gold, list):
        return _names_overlap([str(x) for x in gold], predicted)
    return str(gold).casefold() in _labels(predicted)


# -------------------------------------------------------------------------- output


def format_table(report: EvalReport) -> str:
    """A plain-text table of the report: P/R/F1 per type and overall, then attributes."""
    lines = [f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]

    def row(name: str, s: Scores) -> str:
        return (
            f"{name:<12}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
            f"{s.tp:>5}{s.fp:>5}{s.fn:>5}"
        )

    for type_, scores in sorted(report.by_type.items()):
        lines.append(row(type_, scores))
    lines.append(row("overall", report.overall))
    if report.attributes:
        lines.append("")
        lines.append(f"{'attribute (matched pairs)':<28}{'acc':>7}{'n':>5}  kind")
        for key, a in sorted(report.attributes.items()):
            lines.append(f"{key:<28}{a.accuracy:>7.3f}{a.total:>5}  {a.kind}")
    if report.unlocated:
        lines.append("")
        lines.append(f"{len(report.unlocated)} gold quotes not found in the predicted documents:")
        lines.extend(f"  {one_line(u)}" for u in report.unlocated[:10])  # no escape sequence raw
        if len(report.unlocated) > 10:
            lines.append(f"  ... and {len(report.unlocated) - 10} more")
    return "\n".join(lines)


# ------------------------------------------------------------------------- events

#: finding kinds that relate claims of several documents (scored against the event gold)
CROSS_DOCUMENT_KINDS = ("corroboration", "conflict", "contradiction", "stance_change")


@dataclass
class EventReport:
    """The result of :func:`evaluate_events`.

    Attributes:
        links: pairs of gold claims the validator put in one group (tp, fp)
            against the pairs the event gold links (fn), over gold claims
            that a predicted claim matched.
        findings: cross-document findings judged true (tp) or false (fp).
        false_findings: the messages of the false ones.
        unreachable: gold links with a claim no prediction matched.
        false_links, missed_links: the pairs of gold claim refs behind the
            link scores' fp and fn, sorted.
    """

    links: Scores = field(default_factory=Scores)
    findings: Scores = field(default_factory=Scores)
    false_findings: list[str] = field(default_factory=list)
    unreachable: int = 0
    false_links: list[tuple[str, str]] = field(default_factory=list)
    missed_links: list[tuple[str, str]] = field(default_factory=list)


def gold_ref(gold: GoldClaim) -> str:
    """``<article stem>:<line>``: how the event gold names a gold claim."""
    path, _, line = gold.source.rpartition(":")
    return f"{Path(path).stem}:{line}"


def load_events(path: str | os.PathLike[str]) -> tuple[list[set[str]], list[tuple[str, set[str]]]]:
    """Events (sets of gold claim refs) and true findings (kind, refs) of an event gold file.

    Raises:
        InputError: the file cannot be read, or a line is not an event or a finding.
    """
    import json

    events: list[set[str]] = []
    findings: list[tuple[str, set[str]]] = []
    from claimkit.io import read_settings

    lines = read_settings(path, what="an events gold file").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            claims = row["claims"]
            if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
                raise TypeError("claims is not a list of '<article>:<line>' strings")
            if "event" in row:
                events.append(set(claims))
            else:
                findings.append((str(row["finding"]), set(claims)))
        except (ValueError, KeyError, TypeError, RecursionError) as e:
            raise InputError(f"{path}:{n}", f"not an event or finding line ({e})") from e
    return events, findings


def evaluate_events(
    events: str | os.PathLike[str],
    gold: str | os.PathLike[str],
    records: Sequence[Record],
) -> EventReport:
    """Score the validator's links and findings on ``records`` against an event gold.

    Predicted claims are matched to gold claims as by :func:`evaluate`; two
    gold claims are linked when the validator puts their predictions in one
    group. A corroboration is true when the gold claims it rests on (two or
    more) all report one gold event; a conflict, contradiction or stance change
    is true when the event gold lists it (``{"finding": kind, "claims": [...]}``)
    with all its claims.
    """
    from claimkit.consistency import validate

    gold_events, true_findings = load_events(events)
    matched = evaluate(gold, records).matches
    ref_of = {m.claim.id: gold_ref(m.gold) for m in matched}
    reachable = set(ref_of.values())
    report = validate(records)
    predicted: set[tuple[str, str]] = set()
    for g in report.groups:
        refs = sorted({ref_of[c] for c in g.claims if c in ref_of})
        predicted.update((a, b) for i, a in enumerate(refs) for b in refs[i + 1 :])
    wanted: set[tuple[str, str]] = set()
    out = EventReport()
    for ev in gold_events:
        refs = sorted(ev)
        for i, a in enumerate(refs):
            for b in refs[i + 1 :]:
                if a in reachable and b in reachable:
                    wanted.add((a, b))
                else:
                    out.unreachable += 1
    out.links = Scores(len(predicted & wanted), len(predicted - wanted), len(wanted - predicted))
    out.false_links = sorted(predicted - wanted)
    out.missed_links = sorted(wanted - predicted)
    for f in report.findings:
        if f.kind not in CROSS_DOCUMENT_KINDS:
            continue
        cited = {ref_of[c] for c in f.claims if c in ref_of}
        if _finding_true(f.kind, cited, gold_events, true_findings):
            out.findings.tp += 1
        else:
            out.findings.fp += 1
            out.false_findings.append(f"{f.kind}: {f.message}")
    return out


def _finding_true(
    kind: str, refs: set[str], events: list[set[str]], findings: list[tuple[str, set[str]]]
) -> bool:
    if kind == "corroboration":
        return len(refs) >= 2 and any(refs <= ev for ev in events)
    return bool(refs) and any(k == kind and refs <= claims for k, claims in findings)


def format_events(report: EventReport) -> str:
    """A plain-text table of :func:`evaluate_events`'s scores."""
    lines = [f"{'events':<12}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for name, s in (("links", report.links), ("findings", report.findings)):
        recall = f"{s.recall:>7.3f}" if name == "links" else f"{'-':>7}"
        f1 = f"{s.f1:>7.3f}" if name == "links" else f"{'-':>7}"
        lines.append(f"{name:<12}{s.precision:>7.3f}{recall}{f1}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    if report.unreachable:
        lines.append(f"{report.unreachable} gold links have a claim no prediction matched (not scored)")
    lines.extend(f"false: {m}" for m in report.false_findings)
    return "\n".join(lines)
