"""A process that reads page after page keeps a bounded memo of the names it met.

The rules backend remembers, for as long as it lives, whom each name resolves to in the
gazetteer and whom each official speaks for (:class:`GazetteerLookups`). These memos were
plain dictionaries keyed by the name as written: a process reading a feed of pages (the
CLI over a folder, a server) kept every distinct name of every page it had read. Every
other memo keyed by text (the gazetteer's, the places', the demonyms', the ``lru_cache``
functions) was already bounded; these two now start again past :data:`LOOKUP_MEMO`
entries, like the gazetteer's own.

The names are made up for these tests (syllables in a row), so that each document
brings new ones.
"""

from __future__ import annotations

import random

import pytest

from claimkit.extract.rules import RulesBackend, support
from claimkit.extract.rules.support import GazetteerLookups
from claimkit.normalize import Gazetteer
from claimkit.schemas import Actor, ActorKind, Document

_SYLLABLES = ["ka", "lo", "mi", "ran", "te", "vo", "shi", "bel", "dor", "nu", "pra", "zek"]


def _made_up_names(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        name = " ".join("".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() for _ in range(2))
        if name not in out:
            out.append(name)
    return out


def _officials(names: list[str]) -> list[Actor]:
    """Officials in no gazetteer, named as written with their title."""
    return [Actor(text=f"Foreign Minister {n}", name=n, kind=ActorKind.person, resolved=False) for n in names]


def test_names_met_are_kept_at_most_size() -> None:
    lookups = GazetteerLookups(Gazetteer.default(), size=8)
    for name in _made_up_names(60):
        assert lookups.resolve(name) is None
        assert len(lookups.names) <= 8
    assert 0 < len(lookups.names) <= 8


def test_officials_met_are_kept_at_most_size() -> None:
    lookups = GazetteerLookups(Gazetteer.default(), size=8)
    for official in _officials(_made_up_names(60)):
        lookups.speaks_for(official)
        assert len(lookups.persons) <= 8
    assert 0 < len(lookups.persons) <= 8


def test_a_bounded_memo_gives_the_same_answers() -> None:
    """Guard: starting again changes no answer (the memo only saves the gazetteer's work);
    known names still resolve, an office still speaks for its country."""
    names = ["Russia", "European Union", "Kenya", *_made_up_names(30)]
    kremlin = Actor(text="the Kremlin", name="Kremlin", kind=ActorKind.organisation, resolved=True)
    actors = [kremlin, *_officials(_made_up_names(20, seed=5))]
    rng = random.Random(1)
    asked = [*names, *names]
    rng.shuffle(asked)
    small, large = GazetteerLookups(None, size=4), GazetteerLookups(None, size=10**6)
    assert [small.resolve(n) for n in asked] == [large.resolve(n) for n in asked]
    assert [small.speaks_for(a) for a in actors * 2] == [large.speaks_for(a) for a in actors * 2]
    russia = small.resolve("Russia")
    assert russia is not None and russia.iso_code == "RU"
    assert small.resolve(_made_up_names(1)[0]) is None
    spoken = large.speaks_for(kremlin)
    assert spoken is not None and spoken.iso_code == "RU"
    assert len(large.names) > 4  # the large one kept what it met: the bound is what differs


def _page(names: list[str]) -> str:
    return " ".join(f"Foreign Minister {n} of Kenya said on Monday that Kenya will send 200 troops to Haiti."
                    for n in names)


def test_a_backend_reading_many_documents_keeps_its_memo_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: the backend's memos stay within the bound over documents that each
    bring new names, and its drafts are those of a backend with no bound in reach."""
    monkeypatch.setattr(support, "LOOKUP_MEMO", 16)
    bounded = RulesBackend()
    lookups = bounded._finders.resolve.__self__  # type: ignore[attr-defined]
    assert isinstance(lookups, GazetteerLookups) and lookups.size == 16
    monkeypatch.setattr(support, "LOOKUP_MEMO", 10**6)
    free = RulesBackend()
    names = _made_up_names(120, seed=9)
    drafts = 0
    for k in range(12):
        doc = Document(id=f"p{k}", text=_page(names[10 * k:10 * k + 10]), language="en", published="2025-06-02")
        found = bounded.extract(doc)
        assert found == free.extract(doc)
        drafts += len(found.drafts)
        assert len(lookups.names) <= 16 and len(lookups.persons) <= 16
    assert drafts >= 12  # the pages do give claims: the memos were read
    grown = free._finders.resolve.__self__  # type: ignore[attr-defined]
    assert len(grown.names) + len(grown.persons) > 32  # the documents did bring new names
