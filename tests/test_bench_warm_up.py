"""The speed bench's warm-up reaches the first-use tables a measured run would otherwise pay for.

``bench/extract.py`` measures MB/s of CPU after a warm-up; GeoNames' city table
(``normalize/_cities.py``, about 0.5 s of CPU) is read on the first dateline naming a
city no place table lists, which the synthetic corpus reaches in about one document of
400: without the warm-up's dateline document that load landed inside the measured run.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from claimkit.extract.rules import RulesBackend, home
from claimkit.schemas import Document

_BENCH = Path(__file__).resolve().parent.parent / "bench" / "extract.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract_under_test", _BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _asked(monkeypatch: pytest.MonkeyPatch, doc: Document) -> list[str]:
    """The names the backend looks up in GeoNames' city table while extracting ``doc``."""
    asked: list[str] = []
    real = home.city_country

    def spy(name: str) -> str | None:
        asked.append(name)
        return real(name)

    monkeypatch.setattr(home, "city_country", spy)
    RulesBackend().extract(doc)
    return asked


def test_the_warm_up_dateline_reads_the_city_table(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _asked(monkeypatch, _bench()._DATELINE_WARM_UP) == ["CORK"]


def test_the_same_story_without_its_dateline_reads_no_city_table(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _bench()._DATELINE_WARM_UP
    bare = doc.model_copy(update={"text": doc.text.split(" - ", 1)[1]})
    assert _asked(monkeypatch, bare) == []
