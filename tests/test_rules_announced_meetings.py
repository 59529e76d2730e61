"""Meetings announced with a future or scheduling verb: "will meet", "is set to meet",
"is due to meet", "to meet with" (English had "met" and "meets" only), "se encontrará
con" (Spanish), "... ile görüşecek" (Turkish: will meet with), "sastat će se" (Croatian);
Polish "spotka się z" / "spotkał się z" (meets with), Russian "встретит", "встретил" and
Ukrainian "зустріне", "зустрів" (meets someone) are ``actor_object`` cues too.

"meet" and "se encontrará con" are ``actor_object`` cues: they state a meeting only when
their object is someone (a person named in its first words, an ``object_lead`` word,
"counterpart", "officials", "the president", or an actor's name that is the object
itself), so a target, a need, a demand or resistance met is no meeting: "Britain will
meet its NATO spending target", "supplies due to meet the needs of ...", "se encontrará
con una fuerte oposición". The Turkish verb is a meeting only after "ile" (with) or a
comitative ending: "Meclis bütçe teklifini görüşecek" discusses a bill. "is set to" and
"is expected to" are future words of the dates, so the weekday of such a meeting is the
next one, not the last.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import date_value, drafts, of_type

_MEETINGS = [
    ("en", "French President Emmanuel Macron will meet German Chancellor Friedrich Merz in Berlin."),
    ("en", "Rubio is due to meet Lavrov in Istanbul next week."),
    ("en", "Wang Yi will meet his Russian counterpart in Beijing on Thursday."),
    ("en", "Blinken will meet Chinese officials in Beijing."),
    ("en", "Modi will meet with Chinese President Xi Jinping on Sunday."),
    ("en", "The prime minister travelled to Paris to meet with the French president."),
    ("es", "Sánchez se encontrará con Macron el lunes en París."),
    ("es", "El presidente se encontrará con su homólogo francés el viernes."),
    ("tr", "Dışişleri Bakanı Hakan Fidan cuma günü Ankara'da Rus mevkidaşı Sergey Lavrov ile görüşecek."),
    ("tr", "Cumhurbaşkanı Erdoğan gelecek hafta Alman mevkidaşıyla görüşecek."),
    ("hr", "Premijer Andrej Plenković sastat će se u petak s francuskim predsjednikom Emmanuelom Macronom."),
    ("hr", "Ministri vanjskih poslova sastaju se u ponedjeljak u Bruxellesu."),
    ("pl", "Premier Donald Tusk spotka się z prezydentem Francji Emmanuelem Macronem w piątek."),
    ("pl", "Szef MSZ spotkał się z ukraińskim odpowiednikiem w Kijowie."),
    ("ru", "Путин встретит Си Цзиньпина в аэропорту Внуково."),
    ("ru", "Лавров встретил своего турецкого коллегу в Анкаре."),
    ("uk", "Зеленський зустрів президента Франції в аеропорту."),
]


@pytest.mark.parametrize(("lang", "text"), _MEETINGS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_MEETINGS)])
def test_an_announced_meeting_is_a_meeting(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["meeting"]


_NOT_MEETINGS = [
    ("en", "Britain will meet its NATO spending target by 2027."),
    ("en", "The supplies are due to meet the needs of 50,000 people."),
    ("en", "The plan will meet with resistance in parliament."),
    ("en", "Exports will meet Chinese demand this year."),
    ("en", "Japan will meet its climate goals by 2030."),
    ("es", "El Gobierno se encontrará con una fuerte oposición en el Congreso."),
    ("es", "Los agricultores se encontrarán con precios más bajos este año."),
    ("tr", "Meclis yarın bütçe teklifini görüşecek."),
    ("tr", "Komisyon konuyu perşembe günü görüşecek."),
    ("hr", "Odbor će sastaviti novo izvješće do petka."),
    # Polish "spotkać się z" is also "to meet with" a reaction: criticism, a response
    ("pl", "Rosja ostrzegła, że rozmieszczenie niemieckich wojsk przy granicy spotka się z „adekwatnymi krokami”."),
    ("pl", "Projekt ustawy spotkał się z ostrą krytyką opozycji."),
    ("pl", "Decyzja Brukseli spotka się z odpowiedzią Moskwy."),
    # Russian and Ukrainian "встретить", "зустріти": to meet someone, or to meet with criticism
    ("ru", "Инициатива встретила критику со стороны оппозиции."),
    ("uk", "Ініціатива зустріла критику з боку опозиції."),
]


@pytest.mark.parametrize(("lang", "text"), _NOT_MEETINGS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NOT_MEETINGS)])
def test_meeting_a_target_or_a_need_is_no_meeting(backend: RulesBackend, lang: str, text: str) -> None:
    assert "meeting" not in {d.type for d in drafts(backend, text, lang)}


@pytest.mark.parametrize(
    "text",
    [
        "Macron is set to meet Merz on Friday, the Elysee said.",
        "Macron is set to hold talks with Merz on Friday, the Elysee said.",
    ],
)
def test_a_meeting_set_for_a_weekday_is_on_the_next_one(backend: RulesBackend, text: str) -> None:
    # published on Monday 2 June 2025: the next Friday is 6 June, the last one 30 May
    (meeting,) = of_type(backend, text, "en", "meeting")
    assert date_value(meeting) == "2025-06-06"
