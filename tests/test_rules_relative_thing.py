"""A warning, pledge or refusal verb that opens a relative clause on a thing states no
claim: "aucune mesure qui menace notre approvisionnement", "any measure that threatens
its gas supply", "меры, которые угрожают", "decyzji, która grozi" (the measure endangers;
no one warns). The relative pronoun is a ``subject_relative`` word right before the verb;
when the word before it (a comma apart) ends an actor's or a person's name, the clause
says what that actor does and stays a claim ("La Russie, qui menace de couper le gaz"),
unless the name complements a noun before it, a thing ("sankcjom Unii Europejskiej,
które grożą", "the rules of the European Union, which threaten"), not someone ("prezydenta
Rosji, który grozi", "Le porte-parole du Kremlin, qui a menacé").

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


# A body's name that complements a noun before it (after a ``genitive`` word, "of the",
# "de l'"; in a language with cases right after a lower-case noun) is no antecedent: the
# relative clause is the noun's ("the rules of the EU, which threaten": the rules do).
_COMPLEMENTS = [
    ("pl", "Rolnicy protestują przeciwko sankcjom Unii Europejskiej, które grożą upadkiem gospodarstw."),
    ("ru", "Фермеры критикуют правила Европейского союза, которые угрожают их хозяйствам."),
    ("fr", "Les agriculteurs dénoncent les règles de l'Union africaine, qui menacent leurs revenus."),
    ("en", "Farmers oppose the rules of the European Union, which threaten their livelihoods."),
]


@pytest.mark.parametrize(("lang", "text"), _COMPLEMENTS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_COMPLEMENTS)])
def test_a_thing_of_a_body_that_threatens_warns_of_nothing(backend: RulesBackend, lang: str, text: str) -> None:
    assert "warning" not in {d.type for d in drafts(backend, text, lang)}


# ... unless the noun is someone: the spokesman, the president of a country warns
_PEOPLE_OF = [
    ("pl", "Wizyta odbyła się w cieniu wypowiedzi prezydenta Rosji, który grozi odwetem."),
    ("fr", "Le porte-parole du Kremlin, qui a menacé de riposter, a rejeté le plan."),
    ("ru", "Представитель МИД России, который пригрозил ответными мерами, отверг план."),
]


@pytest.mark.parametrize(("lang", "text"), _PEOPLE_OF, ids=[f"{t[0]}:{i}" for i, t in enumerate(_PEOPLE_OF)])
def test_someone_of_a_country_that_threatens_warns(backend: RulesBackend, lang: str, text: str) -> None:
    assert "warning" in {d.type for d in drafts(backend, text, lang)}
