"""The library never touches Python's garbage collector (a process-wide setting);
``claimkit validate``, which owns its process, pauses it for its run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from claimkit.consistency import paused_gc, register_check, unregister_check, validate
from claimkit.store import open_store

from .test_consistency import summit

SEEN: list[bool] = []


def spy(*, context: Any) -> list[Any]:
    """A check that records whether the collector is on while checks run."""
    SEEN.append(gc.isenabled())
    return []


@pytest.fixture
def registered() -> Iterator[list[bool]]:
    SEEN.clear()
    register_check(spy, name="gc_spy")
    try:
        yield SEEN
    finally:
        unregister_check("gc_spy")


def test_validate_leaves_the_collector_alone(registered: list[bool]) -> None:
    validate([summit("a", None), summit("b", None)])
    assert registered == [True] and gc.isenabled()


def test_the_store_leaves_the_collector_alone(registered: list[bool], tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        store.add([summit("a", None), summit("b", None)])
        assert sum(r.n_claims for r in store.validate()) == 2
    assert registered == [True] and gc.isenabled()


def test_paused_gc_pauses_for_the_block_and_restores(registered: list[bool]) -> None:
    with paused_gc():
        validate([summit("a", None)])
    assert registered == [False] and gc.isenabled()
    gc.disable()  # a caller that had it off keeps it off
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_command_pauses_it_for_its_run(registered: list[bool], tmp_path: Path) -> None:
    claims = tmp_path / "c.jsonl"
    claims.write_text("".join(r.model_dump_json() + "\n" for r in (summit("a", None),
                                                                   summit("b", None))),
                      encoding="utf-8")
    for args in (["validate", str(claims)],
                 ["validate", "--db", str(tmp_path / "c.db"), "--new", str(claims)]):
        done = CliRunner().invoke(main, [*args, "--fail-on", "never", "--format", "jsonl"])
        assert done.exit_code == 0, done.output
    assert registered == [False, False] and gc.isenabled()
