"""Gapping: a clause that repeats the claim of the clause before for another actor,
its verb left out ("Denmark will give 30 million euros, and Sweden 25 million").

The clause opens with a coordinator and an actor's name, then a dash or a number and
a few words with no verb of its own; a clause with its own verb ("a Nizozemska je
kritizirala odluku") or with neither a dash nor a number states nothing by itself.

Every sentence is written for these tests (none comes from the test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type


def _actors(backend: RulesBackend, text: str, lang: str, type_: str) -> list[set[str]]:
    """Each claim of ``type_``: its actors' names."""
    return [set(actor_names(d)) for d in of_type(backend, text, lang, type_, "2025-06-04")]


_GAPPED = [
    ("uk", "Данія виділить 30 мільйонів євро, а Швеція – 25 мільйонів.", "Denmark", "Sweden"),
    ("ru", "Франция выделит 50 миллионов евро, а Италия – 20 миллионов.", "France", "Italy"),
    ("pl", "Norwegia przekaże 40 mln euro, a Dania 15 mln euro.", "Norway", "Denmark"),
    ("de", "Frankreich sagte 50 Millionen Euro zu, und Italien 20 Millionen.", "France", "Italy"),
]


@pytest.mark.parametrize(("lang", "text", "first", "second"), _GAPPED)
def test_a_gapped_clause_repeats_the_claim_for_its_actor(
    backend: RulesBackend, lang: str, text: str, first: str, second: str
) -> None:
    claims = _actors(backend, text, lang, "pledge")
    assert len(claims) == 2, claims
    assert first in claims[0] and second in claims[1], claims


_NOT_GAPPED = [
    ("hr", "Japan je obećao pomoć, a Nizozemska je kritizirala odluku."),
    ("uk", "Німеччина надасть 100 мільйонів євро, а Польща розкритикувала рішення."),
    ("ru", "Канада выделит 10 миллионов долларов, и Норвегия приветствовала это решение."),
]


@pytest.mark.parametrize(("lang", "text"), _NOT_GAPPED)
def test_a_clause_with_a_verb_of_its_own_repeats_nothing(backend: RulesBackend, lang: str, text: str) -> None:
    assert len(_actors(backend, text, lang, "pledge")) == 1
