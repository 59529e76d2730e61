"""``bench/store.py --reach``: what a group-local incremental validation would re-read.

The figures come from the store (SQL over groups and keys); here they are
checked against the validator run in memory on the same records (its groups,
and link keys computed claim by claim), on a small corpus whose meetings
include month-dated and place-less reports.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy")

from claimkit.consistency import build_context, validate  # noqa: E402
from claimkit.consistency.links import link_keys  # noqa: E402
from claimkit.schemas import DocumentClaims  # noqa: E402
from claimkit.store import open_store  # noqa: E402
from tests._store_corpus import records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _keys(recs: list[DocumentClaims]) -> list[frozenset[str]]:
    ctx = build_context(recs, group=False)
    return [link_keys(info) for info in ctx.infos]


def _sharing(keys: list[frozenset[str]], of: Iterable[int], prefix: str) -> set[int]:
    """Claims linked to one of ``of`` by a key starting with ``prefix`` (one holder active)."""
    held: dict[str, list[tuple[int, bool]]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            if k.lstrip("~").startswith(prefix):
                held.setdefault(k.lstrip("~"), []).append((i, not k.startswith("~")))
    out: set[int] = set()
    for i in of:
        for k in keys[i]:
            mine = not k.startswith("~")
            for j, active in held.get(k.lstrip("~"), ()):
                if mine or active:
                    out.add(j)
    return out


def _expected(old: list[DocumentClaims], new: list[DocumentClaims]) -> dict[str, int]:
    everything = old + new
    report = validate(everything)
    ids = [c.id for r in everything for c in r.claims]
    n_old = sum(len(r.claims) for r in old)
    new_ids = set(ids[n_old:])
    index = {cid: i for i, cid in enumerate(ids)}
    touched = [g for g in report.groups if new_ids & set(g.claims)]
    stored_of = {g.id: {index[c] for c in g.claims} - set(range(n_old, len(ids)))
                 for g in touched}
    meeting = {index[c] for g in touched if g.type == "meeting" for c in g.claims}
    keys = _keys(everything)
    new_seqs = range(n_old, len(ids))
    seen = _sharing(keys, meeting, "e|") - meeting
    infos = build_context(everything, group=False).infos
    dates = [info.date for info in infos]
    return {
        "new": len(new_ids), "groups": len(touched),
        "largest group": max(len(g.claims) for g in touched),
        "stored claims of the groups": len(set().union(*stored_of.values())),
        "stored claims of their stance keys": len(_sharing(keys, new_seqs, "s|") - set(new_seqs)),
        "stored meeting claims seeing a changed cluster": len(seen),
        "of them not dated to a day": sum(
            1 for i in seen if (d := dates[i]) is None or d[2] != "day"),
    }


def test_reach_counts_what_the_validator_groups_and_links(tmp_path: Path) -> None:
    old = list(records(600, seed=5, days=60, outlets=8))
    new = list(records(60, seed=6, days=60, outlets=8, start=10_000))
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        store.add(old)
        list(store.validate())
        store.add(new)
        list(store.validate())
        got = _bench()._reach(store)
    want = _expected(old, new)
    for key, value in want.items():
        assert got[key] == value, (key, got, want)
    # the light rows are those of every claim of the keys, the new ones' included
    holding = sum(1 for ks in _keys(old + new)[600:] if any(k.startswith("s|") for k in ks))
    assert got["light stance rows"] == want["stored claims of their stance keys"] + holding
    assert got["light stance rows read, ms"] >= 0
    # the corpus exercises every figure: none is zero by construction
    assert all(want[k] > 0 for k in want), want
    assert want["stored claims of the groups"] < 600


def _elsewhere(recs: list[DocumentClaims]) -> list[DocumentClaims]:
    """The records of another actor, years later: sharing no key with the corpus."""
    from claimkit.schemas import Actor

    who = Actor(text="Atlantis", name="Atlantis", kind="country")
    out = []
    for r in recs:
        claims = [c.model_copy(update={"actor": [who], "date": None, **(
            {"participants": [who]} if c.type == "meeting" else {})}) for c in r.claims]
        doc = r.document.model_copy(update={"published": r.document.published.replace(year=2031)
                                            if r.document.published else None})
        out.append(r.model_copy(update={"claims": claims, "document": doc}))
    return out


def test_reach_of_claims_that_touch_nothing_stored_is_nothing(tmp_path: Path) -> None:
    old = list(records(300, seed=5, days=60, outlets=8))
    new = _elsewhere(list(records(40, seed=6, days=60, outlets=8, start=10_000)))
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        store.add(old)
        list(store.validate())
        store.add(new)
        list(store.validate())
        got = _bench()._reach(store)
    assert got["new"] == 40 and got["groups"] > 0
    for key in ("stored claims of the groups", "stored claims of their stance keys",
                "stored meeting claims seeing a changed cluster"):
        assert got[key] == 0, (key, got)
    assert got == {**got, **_expected(old, new)}
