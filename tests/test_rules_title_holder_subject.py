"""A clause that opens with its verb shares the sentence's subject, its first actor
(``roles._verb_first``); when that actor is the body or the capital a person's title
names before the name ("Il portavoce del governo, X, ha avvertito", "L'ambasciatore russo a
Roma, X, ha avvertito"), the title's holder is the subject, not the body (which gave the
home country) nor the capital. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text", "type_", "actor"), [
    ("it", "Mosca ha reagito duramente. Il portavoce del governo, Alexei Paramonov, ha avvertito che le "
     "nuove forniture avranno conseguenze.", "warning", "Alexei Paramonov"),
    ("it", "Mosca ha reagito duramente. L'ambasciatore russo a Roma, Alexei Paramonov, ha avvertito che le "
     "nuove forniture avranno conseguenze.", "warning", "Alexei Paramonov"),
    # the same shape in Spanish and Portuguese, right before the change too (their body noun
    # is no actor mention there)
    ("es", "La oposición criticó el plan. El portavoz del Gobierno, Ernesto Valverde Ruiz, advirtió que "
     "habrá sanciones.", "warning", "Ernesto Valverde Ruiz"),
    ("pt", "A oposição criticou o plano. O porta-voz do Governo, Ernesto Valverde Ruiz, garantiu que o "
     "Executivo não vai aumentar os impostos.", "refusal", "Ernesto Valverde Ruiz"),
])
def test_the_holder_of_a_title_naming_a_body_is_the_subject(
    backend: RulesBackend, lang: str, text: str, type_: str, actor: str
) -> None:
    assert actors_by_type(backend, text, lang).get(type_, [None])[0] == actor


@pytest.mark.parametrize(("lang", "text", "type_", "actor"), [
    # the first actor is no word of a title: it stays the subject
    ("en", "Russia, which met Ukrainian officials on Monday, warned that it would respond.", "warning", "Russia"),
    ("it", "La Russia, che lunedì ha ricevuto il ministro ucraino Dmytro Kuleba, ha avvertito che risponderà.",
     "warning", "Russia"),
])
def test_a_first_actor_outside_a_title_stays_the_subject(
    backend: RulesBackend, lang: str, text: str, type_: str, actor: str
) -> None:
    """Guards: the rule reads only a title written before its holder's name."""
    assert actors_by_type(backend, text, lang).get(type_, [None])[0] == actor
