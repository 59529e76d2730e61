"""The rules backend, called as a library, never touches Python's garbage collector (a
process-wide setting), not even on its first document, which loads its tables;
``claimkit extract``, which owns its process, tunes it for its run (``long_run_gc``:
the objects alive at the start frozen, the young generation's threshold raised, the
collector paused until the first record, then the tables that document loaded frozen
too) and restores it after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkit.cli import main
from claimkit.cli.app import _YOUNG_THRESHOLD
from claimkit.extract.rules import RulesBackend
from claimkit.schemas import Document

TEXT = ("BERLIN, 3. November (dpa) - Die Bundesregierung hat am Montag angekündigt, "
        "die Hilfe für die Ukraine um 500 Millionen Euro zu erhöhen.")


def _settings() -> tuple[bool, tuple[int, int, int], int]:
    return gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[bool, tuple[int, int, int], int]]]:
    """The collector's settings while the rules backend extracts each document."""
    found: list[tuple[bool, tuple[int, int, int], int]] = []
    extract = RulesBackend.extract

    def spy(self: RulesBackend, document: Document) -> object:
        found.append(_settings())
        return extract(self, document)

    monkeypatch.setattr(RulesBackend, "extract", spy)
    yield found


def test_the_rules_backend_leaves_the_collector_alone(seen: list[tuple[bool, tuple[int, int, int], int]]) -> None:
    before = _settings()
    backend = RulesBackend()
    for n in range(2):  # the first document loads the tables, the second finds them loaded
        backend.extract(Document(id=f"d{n}", text=TEXT, language="de"))
    assert seen == [before, before] and _settings() == before


def _run(folder: Path) -> None:
    for n in range(3):
        (folder / f"a{n}.txt").write_text(TEXT, encoding="utf-8")
    done = CliRunner().invoke(main, ["extract", str(folder), "-o", str(folder / "c.jsonl"),
                                     "--backend", "rules", "-q"])
    assert done.exit_code == 0, done.output


def test_extract_tunes_the_collector_for_its_run_and_restores_it(
    seen: list[tuple[bool, tuple[int, int, int], int]], tmp_path: Path
) -> None:
    before = _settings()
    _run(tmp_path)
    assert len(seen) == 3 and _settings() == before
    raised = (max(before[1][0], _YOUNG_THRESHOLD), *before[1][1:])
    (first_on, first_threshold, first_frozen), *rest = seen
    # the first document (the tables' load) runs with the collector paused, what was
    # alive at the start frozen; the pause ends with its record, the tables frozen too
    assert not first_on and first_threshold == raised and first_frozen > before[2]
    assert rest and all(on and threshold == raised and frozen > first_frozen for on, threshold, frozen in rest)


def test_extract_leaves_a_paused_collector_paused(
    seen: list[tuple[bool, tuple[int, int, int], int]], tmp_path: Path
) -> None:
    gc.disable()  # an embedding program that runs the command with the collector off
    try:
        _run(tmp_path)
        assert not gc.isenabled() and not any(on for on, _, _ in seen)
    finally:
        gc.enable()
