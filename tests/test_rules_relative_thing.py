"""A warning, pledge or refusal verb that opens a relative clause on a thing states no
claim: "aucune mesure qui menace notre approvisionnement", "any measure that threatens
its gas supply", "меры, которые угрожают", "decyzji, która grozi" (the measure endangers;
no one warns). The relative pronoun is a ``subject_relative`` word right before the verb;
when the word before it (a comma apart) ends an actor's or a person's name, the clause
says what that actor does and stays a claim ("La Russie, qui menace de couper le gaz").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_THINGS = [
    ("fr", "« Nous ne soutiendrons aucune mesure qui menace notre approvisionnement en gaz », a déclaré Péter Szijjártó."),
    ("en", "Hungary will not back any measure that threatens its gas supply, Szijjarto said."),
    ("en", "The drought, which threatens the harvest, worsened in May."),
    ("ru", "Венгрия не поддержит меры, которые угрожают её энергоснабжению."),
    ("pl", "Polska nie poprze decyzji, która grozi bezpieczeństwu dostaw."),
]


@pytest.mark.parametrize(("lang", "text"), _THINGS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_THINGS)])
def test_a_thing_that_threatens_warns_of_nothing(backend: RulesBackend, lang: str, text: str) -> None:
    assert "warning" not in {d.type for d in drafts(backend, text, lang)}


_ACTORS = [
    ("fr", "La Russie, qui menace de couper le gaz, a convoqué l'ambassadeur."),
    ("en", "Russia, which threatened to retaliate, expelled two diplomats."),
]


@pytest.mark.parametrize(("lang", "text"), _ACTORS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_ACTORS)])
def test_an_actor_that_threatens_warns(backend: RulesBackend, lang: str, text: str) -> None:
    assert "warning" in {d.type for d in drafts(backend, text, lang)}
