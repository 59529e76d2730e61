"""A headline or a quote restating a claim is one claim with both spans (rules backend).

Each text is written for these tests (none comes from the sample or test articles): a
headline, a dateline, a lead that says the same in full, in five languages; and headlines
that say something else than their lead (another object), which stay claims of their own.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type, quotes_of

_RESTATED = [
    ("en", "refusal", "Budapest blocks new sanctions package\n\nBRUSSELS, June 4, 2025 -\n\n"
                      "Hungary on Wednesday refused to back the new package of sanctions, "
                      "diplomats said after a meeting of ambassadors."),
    ("fr", "pledge", "Défense : Madrid enverra 300 soldats en Lettonie\n\nMADRID, 4 juin 2025 (AFP) -\n\n"
                     "L'Espagne enverra 300 soldats supplémentaires en Lettonie, a indiqué mercredi "
                     "la ministre de la Défense."),
    ("es", "refusal", "Italia, Roma rechaza enviar tropas a Ucrania\n\nRoma, 4 de junio de 2025 (EFE).-\n\n"
                      "El Gobierno italiano rechazó este miércoles enviar tropas a Ucrania, "
                      "según fuentes de la Presidencia."),
    ("it", "pledge", "Ucraina: la Spagna invierà nuovi blindati a Kiev\n\nMADRID, 4 giugno 2025 -\n\n"
                     "La Spagna invierà a Kiev una nuova partita di blindati, ha annunciato oggi "
                     "il governo spagnolo."),
    ("pt", "refusal", "Brasil rejeita proposta americana sobre tarifas\n\nBRASÍLIA, 4.jun.2025 —\n\n"
                      "O governo brasileiro rejeitou nesta quarta-feira a proposta americana, "
                      "informou o Itamaraty."),
]


@pytest.mark.parametrize(("lang", "type_", "text"), _RESTATED, ids=[c[0] for c in _RESTATED])
def test_a_headline_and_its_lead_are_one_claim(backend: RulesBackend, lang: str, type_: str, text: str) -> None:
    claims = quotes_of(backend, text, lang, type_, "2025-06-04")
    assert len(claims) == 1, claims
    headline = text.split("\n", 1)[0]
    assert any(span in headline for span in claims[0]) and len(claims[0]) == 2, claims


_OTHER = [
    # the headline's pledge is of troops, the lead's of money: two claims
    ("en", "pledge", "Poland pledges troops for Baltic mission\n\nWARSAW, June 4, 2025 -\n\n"
                     "Poland pledged 200 million euros to the Baltic air defence fund on Wednesday, "
                     "the ministry said."),
]


@pytest.mark.parametrize(("lang", "type_", "text"), _OTHER, ids=[c[0] for c in _OTHER])
def test_a_headline_saying_something_else_stays_its_own_claim(
    backend: RulesBackend, lang: str, type_: str, text: str
) -> None:
    claims = quotes_of(backend, text, lang, type_, "2025-06-04")
    headline = text.split("\n", 1)[0]
    assert any(all(span in headline for span in spans) for spans in claims), claims


# a quote right after a reported claim says it again in the speaker's words: one claim
_QUOTED = [
    ("en", "refusal", "Austria refused to join the new sanctions package against Minsk. "
                      "\"We will not support measures that hurt our banks,\" the chancellor said."),
    ("fr", "pledge", "La Belgique s'est engagée à livrer des chasseurs F-16 à l'Ukraine. "
                     "« Nous nous engageons à les livrer avant l'été », a assuré le Premier ministre."),
    ("es", "refusal", "Hungría rechazó el nuevo paquete de ayuda a Ucrania. "
                      "\"No aceptaremos más gasto común\", dijo el ministro húngaro."),
    ("it", "pledge", "La Grecia si è impegnata a inviare una fregata nel Mar Rosso. "
                     "\"Ci impegniamo a mandarla entro marzo\", ha detto il premier greco."),
    ("pt", "refusal", "A Eslováquia recusou apoiar o novo empréstimo à Ucrânia. "
                      "\"Não vamos aceitar mais dívida comum\", disse o primeiro-ministro eslovaco."),
]


@pytest.mark.parametrize(("lang", "type_", "text"), _QUOTED, ids=[c[0] for c in _QUOTED])
def test_a_quote_saying_a_claim_again_is_that_claim(backend: RulesBackend, lang: str, type_: str, text: str) -> None:
    claims = quotes_of(backend, text, lang, type_, "2025-06-04")
    assert len(claims) == 1 and len(claims[0]) == 2, claims


def test_a_quote_of_another_object_is_a_claim_of_its_own(backend: RulesBackend) -> None:
    text = ("Austria refused to join the new sanctions against Minsk. "
            "\"We will not send troops either,\" the chancellor said.")
    assert len(quotes_of(backend, text, "en", "refusal", "2025-06-04")) == 2


def test_hosts_named_after_a_headline_and_its_lead_lead_the_meeting(backend: RulesBackend) -> None:
    # the headline names no actor; the lead names the delegations; the host comes after
    text = ("New round of talks held in Geneva\n\nGENEVA, June 4, 2025 -\n\n"
            "Delegations of Armenia and Azerbaijan held talks in Geneva on Wednesday. "
            "The meeting was hosted by Switzerland.")
    meetings = of_type(backend, text, "en", "meeting", "2025-06-04")
    assert len(meetings) == 1
    assert actor_names(meetings[0]) == ["Switzerland"]
