"""A claim of the headline is the claim of the article it announces: one claim, with the
headline's words among its evidence.

"Fico blocks sanctions" over "Slovakia will not back the package ...", "Macron promises
Kyiv missiles" over "France will deliver SCALP missiles, President Macron said": the
headline joins the first later claim of its type in a sentence of the lead that shares an
actor (a person and the country he speaks for count as one; a pledge, refusal or warning
with no actor found takes the headline's), names the same object and has the same modality.
A headline claim with another object (weapons, then money), another actor or no later
restatement stays a claim of its own.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import quotes_of


def _claims(backend: RulesBackend, title: str, body: str, lang: str, type_: str) -> list[list[str]]:
    return quotes_of(backend, f"{title}\n\n{body}", lang, type_, title=title)


_JOINED = [
    ("pl", "Niemcy obiecały Litwie nowe czołgi",
     "Wilno, 2 czerwca 2025 (PAP) –\n\nNiemcy przekażą Litwie 20 czołgów Leopard – poinformował "
     "w poniedziałek minister obrony. Rozmowy w Wilnie trwały dwie godziny.", "pledge"),
    ("ru", "Макрон пообещал Киеву новые ракеты",
     "ПАРИЖ, 2 июня 2025 –\n\nФранция передаст Украине ракеты SCALP, заявил президент "
     "Эммануэль Макрон. Сроки поставок не уточняются.", "pledge"),
    ("de", "Ungarn blockiert neues Sanktionspaket",
     "Brüssel, 2. Juni 2025 –\n\nUngarn hat das neue Sanktionspaket der EU am Montag blockiert. "
     "Die Verhandlungen gehen weiter.", "refusal"),
    ("tr", "Erdoğan, Putin ile telefonda görüştü",
     "ANKARA (AA) - 02.06.2025\n\nCumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Vladimir Putin ile "
     "dün telefonda görüştü. Görüşmede bölgesel konular ele alındı.", "meeting"),
    ("uk", "Литва відмовилася надсилати війська",
     "ВІЛЬНЮС, 2 червня 2025 –\n\nЛитва не надішле своїх військових до місії, заявив міністр "
     "оборони у понеділок. Рішення ухвалено одноголосно.", "refusal"),
    # the body's pledge is not the first claim of its sentence (a meeting restated opens it)
    ("uk", "Польща і Литва підписали угоду про спільну охорону кордону",
     "ВАРШАВА, 2 червня 2025 –\n\nПрем'єри Польщі та Литви провели переговори у Варшаві. За "
     "підсумками зустрічі сторони підписали угоду, у якій зобов'язалися спільно патрулювати "
     "кордон.", "pledge"),
    # the body's pledge names no actor the gazetteer knows: the headline's names lead it
    ("ru", "Россия и Армения подписали соглашение о поставках зерна",
     "ЕРЕВАН, 2 июня 2025 –\n\n\"Росзерноэкспорт\" обязуется поставлять в республику до "
     "500 тысяч тонн пшеницы в год, говорится в документе. Сроки не уточняются.", "pledge"),
]


@pytest.mark.parametrize(("lang", "title", "body", "type_"), _JOINED,
                         ids=[f"{c[0]}:{c[3]}" for c in _JOINED])
def test_a_headline_claim_joins_the_claim_it_announces(
    backend: RulesBackend, lang: str, title: str, body: str, type_: str
) -> None:
    claims = _claims(backend, title, body, lang, type_)
    assert len(claims) == 1, claims
    assert title in claims[0] and len(claims[0]) >= 2, claims


_APART = [
    # weapons in the headline, money in the body: two pledges
    ("de", "Schweden sagt Kiew Kampfjets zu",
     "Stockholm, 2. Juni 2025 –\n\nSchweden stellt der Ukraine außerdem 100 Millionen Euro für "
     "den Wiederaufbau bereit. Die Regierung tagte am Montag.", "pledge"),
    # another actor
    ("pl", "Polska obiecała Ukrainie czołgi",
     "Warszawa, 2 czerwca 2025 –\n\nFrancja przekaże Ukrainie czołgi AMX – poinformował "
     "w poniedziałek minister obrony Francji. Rozmowy trwają.", "pledge"),
]


@pytest.mark.parametrize(("lang", "title", "body", "type_"), _APART,
                         ids=[f"{c[0]}:{c[3]}" for c in _APART])
def test_a_headline_claim_with_another_object_or_actor_stays_apart(
    backend: RulesBackend, lang: str, title: str, body: str, type_: str
) -> None:
    claims = _claims(backend, title, body, lang, type_)
    assert len(claims) == 2, claims
