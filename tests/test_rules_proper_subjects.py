"""A body in no gazetteer named by its proper name as the subject opening a sentence,
right before a claim verb, is the claim's actor, as written ("Grupa Orlen zobowiązała
się ...", "Pemex, en un comunicado, rechazó ...", "CUPE, the union ..., warned ...").
Before, no finder read such a name and the claim went to whoever the sentence before
named. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text", "type_", "actor"), [
    ("pl", "Rosja zamknęła granicę. Grupa Orlen zobowiązała się dostarczyć paliwo do Kijowa. Zapasy ma "
     "w magazynach także Grupa Orlen.",
     "pledge", "Grupa Orlen"),
    ("es", "El ministro de Energía de México visitó la zona. Pemex, en un comunicado, rechazó que la fuga se "
     "haya originado en sus instalaciones. La estatal Pemex opera la refinería.", "refusal", "Pemex"),
    ("en", "Canada's labour minister met the unions. CUPE, the union representing municipal workers, warned "
     "that its members would strike.", "warning", "CUPE"),
    ("it", "Il governo italiano ha varato il piano. Enel si è impegnata a completare la centrale entro il 2028, "
     "ha precisato il gruppo Enel.", "pledge", "Enel"),
    ("pt", "O Governo de Angola aprovou o orçamento. A Sonangol comprometeu-se a pagar as dívidas até março, "
     "segundo a petrolífera Sonangol.", "pledge", "Sonangol"),
])
def test_a_proper_name_opening_the_sentence_is_the_claims_subject(
    backend: RulesBackend, lang: str, text: str, type_: str, actor: str
) -> None:
    assert actors_by_type(backend, text, lang).get(type_, [None])[0] == actor


@pytest.mark.parametrize(("lang", "text", "type_", "not_actor"), [
    # an adverb that opens the sentence is no name's first word
    ("it", "Intanto Enel si è impegnata a completare la centrale entro il 2028.", "pledge", "Intanto Enel"),
    ("ru", "Ранее Госпогранслужба предупредила туроператоров о штрафах.", "warning", "Ранее Госпогранслужба"),
    # a common noun written with a capital: a home body the backend reads by its noun
    ("es", "El Gobierno no descarta suspender las órdenes de captura.", "refusal", "Gobierno"),
    # a plural noun the text also writes in lower case is no name
    ("en", "Officials warned that the river would flood. Local officials met on Monday.", "warning", "Officials"),
    # an opening phrase before a comma, then the subject: no apposition
    ("es", "En Uyuni, la federación amenazó con bloquear los accesos.", "warning", "En Uyuni"),
])
def test_no_proper_name_is_read_into_a_sentence_opening(
    backend: RulesBackend, lang: str, text: str, type_: str, not_actor: str
) -> None:
    """Guards: what opens these sentences is no proper name of a body."""
    assert not_actor not in actors_by_type(backend, text, lang).get(type_, [])


def test_german_is_not_read() -> None:
    """German writes every noun with a capital: a sentence's first nouns are no names."""
    backend = RulesBackend()
    assert "Bundesnetzagentur" not in actors_by_type(
        backend, "Die Bundesnetzagentur hat zugesagt, das Verfahren zu eröffnen.", "de").get("pledge", [])
