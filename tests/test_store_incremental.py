"""Incremental validation of a store against a full validation, on randomized splits.

A corpus with every finding kind (spans that do not match, claim ids used
twice, unanchored and future dates, conflicts, stance changes and
contradictions, corroboration with syndicated copies, articles without a
publication date placed in time) is shuffled, cut into batches at random,
and each batch is added and validated incrementally. After every batch the
store must hold exactly the findings and groups of one validation of
everything added so far, in the order it was added.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from claimkit.consistency import validate
from claimkit.schemas import ClaimBase, DateRef, DocumentClaims, Modality, Span
from claimkit.store import open_store
from tests._store_corpus import records


def _claim_edit(rng: random.Random, c: ClaimBase, published: dt.date | None) -> ClaimBase:
    """One claim changed in one of the ways a finding or a placement depends on."""
    r = rng.random()
    if r < 0.06:  # words a reader could not anchor
        return c.model_copy(update={"date": DateRef(raw=rng.choice(["on Thursday", "last week"]))})
    if r < 0.12 and c.date is not None and c.date.value:  # a year or a month only
        value = c.date.value[:4] if rng.random() < 0.5 else c.date.value[:7]
        return c.model_copy(update={"date": DateRef(value=value)})
    if r < 0.16 and c.type in ("pledge", "refusal"):
        return c.model_copy(update={"modality": rng.choice([Modality.tentative, Modality.conditional])})
    if r < 0.19 and c.type == "meeting" and published is not None:  # held, after publication
        later = (published + dt.timedelta(days=rng.randint(1, 5))).isoformat()
        return c.model_copy(update={"date": DateRef(value=later)})
    if r < 0.21 and c.evidence:  # a span that is not its document's text
        s = c.evidence[0]
        bad = Span(start=s.start, end=s.end, text="x" * (s.end - s.start), alignment=s.alignment)
        return c.model_copy(update={"evidence": [bad, *c.evidence[1:]]})
    if r < 0.25 and c.type == "pledge" and c.date is not None:
        return c.model_copy(update={"date": None})  # undated: placed by its article
    return c


def _refusal_of(pledge: ClaimBase) -> ClaimBase:
    from claimkit.schemas import parse_claim

    data = pledge.model_dump(mode="json", exclude={"what", "type", "id", "recipient", "quantity"})
    return parse_claim({**data, "type": "refusal", "id": pledge.id + "r",
                        "what": f"sending {getattr(pledge, 'what', '')}"})


def varied_corpus(n_claims: int, seed: int) -> list[DocumentClaims]:
    """Synthetic records with every finding kind and undated articles, in 8 languages."""
    rng = random.Random(seed)
    recs = list(records(n_claims, seed=seed, days=150, outlets=12))
    out: list[DocumentClaims] = []
    used_ids: list[str] = []
    for rec in recs:
        doc = rec.document
        if rng.random() < 0.08:  # an article without a publication date
            doc = doc.model_copy(update={"published": None})
        claims = [_claim_edit(rng, c, doc.published) for c in rec.claims]
        if used_ids and rng.random() < 0.03:  # an id another document's claim has
            claims[-1] = claims[-1].model_copy(update={"id": rng.choice(used_ids)})
        used_ids.extend(c.id for c in claims[:2])
        pledge = next((c for c in claims if c.type == "pledge"), None)
        if pledge is not None and rng.random() < 0.1:  # the same actor refusing it there
            claims.append(_refusal_of(pledge))
        rec = rec.model_copy(update={"document": doc, "claims": claims})
        out.append(rec)
        if rng.random() < 0.05:  # a syndicated copy in another outlet
            copy_id = doc.id + "s"
            copy_doc = doc.model_copy(update={
                "id": copy_id, "url": f"https://copy{rng.randrange(3)}.example/{copy_id}"})
            out.append(rec.model_copy(update={"document": copy_doc, "claims": [
                c.model_copy(update={"id": f"{c.id}s", "doc_id": copy_id}) for c in claims]}))
    return out


_Findings = list[tuple[str, list[str]]]
_Groups = dict[str, tuple[int, int, str, list[str]]]


def _stored(store: object) -> tuple[_Findings, _Groups]:
    """The stored findings and groups, each with the ids of the claims it is linked to."""
    from sqlalchemy import text

    engine = store.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        linked: dict[int, set[str]] = {}
        for seq, cid in conn.execute(text(
                "select finding_seq, claim_id from finding_claims join claims on seq = claim_seq")):
            linked.setdefault(seq, set()).add(cid)
        findings = sorted((data, sorted(linked.get(seq, ()))) for seq, data in conn.execute(
            text("select seq, data from findings")))
        members: dict[int, set[str]] = {}
        for seq, cid in conn.execute(text(
                "select group_seq, claim_id from group_claims join claims on seq = claim_seq")):
            members.setdefault(seq, set()).add(cid)
        groups = {str(g): (int(s), int(n), str(label), sorted(members.get(seq, ())))
                  for seq, g, s, n, label in conn.execute(
                      text("select seq, group_id, sources, n_claims, label from event_groups"))}
    return findings, groups


def _roots(store: object) -> list[list[int]]:
    """The components the store recorded (``claims.root``), each sorted, by first claim."""
    from sqlalchemy import text

    by_root: dict[int, list[int]] = {}
    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        for seq, root in conn.execute(text("select seq, root from claims order by seq")):
            by_root.setdefault(root, []).append(seq)
    return sorted(by_root.values())


def _components(store: object) -> list[list[int]]:
    """The components of every stored claim, linked from scratch by their keys."""
    from sqlalchemy import text

    from claimkit.store.validation import components

    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        seqs = [int(s) for (s,) in conn.execute(text("select seq from claims order by seq"))]
        return components(conn, seqs, True)


def _expected(recs: list[DocumentClaims]) -> tuple[_Findings, _Groups]:
    report = validate(recs)
    return (sorted((f.model_dump_json(), sorted(set(f.claims))) for f in report.findings),
            {g.id: (g.sources, len(g.claims), g.label, sorted(set(g.claims)))
             for g in report.groups})


def check_random_batches(url: str, seed: int) -> None:
    """Shuffle a varied corpus, add and validate it in random batches at ``url``; after each,
    the store holds what one validation of everything added finds (see the module)."""
    rng = random.Random(seed)
    corpus = varied_corpus(900, seed)
    rng.shuffle(corpus)  # another order of the same articles each time
    cuts = sorted(rng.sample(range(1, len(corpus)), rng.randint(3, 6)))
    batches = [corpus[a:b] for a, b in zip([0, *cuts], [*cuts, len(corpus)], strict=True)]
    added: list[DocumentClaims] = []
    with open_store(url) as store:
        for batch in batches:
            store.add(batch)
            added.extend(batch)
            list(store.validate(batch_claims=rng.choice([1, 200, 20_000])))
            assert _stored(store) == _expected(added)
            assert _roots(store) == _components(store)  # merged, never more than linked
        run = rng.randrange(1, len(batches) + 1)  # one add is one run, numbered from 1
        seqs = store.run_claims(run)
        again = list(store.validate(new=seqs))  # a run validated before, validated again
        assert seqs and sum(r.n_claims for r in again) >= len(seqs)
        assert _stored(store) == _expected(added)
    kinds = {f.split('"kind":"', 1)[1].split('"', 1)[0] for f, _ in _expected(added)[0]}
    assert kinds >= {"integrity", "conflict", "stance_change", "contradiction",
                     "unanchored_date", "future_past", "corroboration"}, kinds
    assert any(r.document.published is None for r in added)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_randomized_batches_store_what_a_full_validation_finds(tmp_path: Path, seed: int) -> None:
    check_random_batches(str(tmp_path / f"r{seed}.db"), seed)
