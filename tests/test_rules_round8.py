"""Small language mechanisms of the rules backend (review of round 8), in every language they
apply to. The sentences are written for these tests (none comes from the sample articles)."""

from __future__ import annotations

import pytest

from claimkit.extract.rules.backend import RulesBackend
from tests._rules_helpers import actor_names, drafts, of_type


def _claims(backend: RulesBackend, lang: str, text: str) -> list[tuple[str, list[str]]]:
    """The (type, actor names) of each claim the rules backend reads in ``text``."""
    return [(d.type, actor_names(d)) for d in drafts(backend, text, lang)]


# 1. an abbreviation before a number or a lower-case word ends no sentence: the speaker after
#    the figure is the claim's actor
@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("pl", "Rząd przekaże szpitalom 5 mld. zł na leki, zapowiedział minister zdrowia Adam Nowak.",
         "Adam Nowak"),
        ("ru", "Правительство выделит ок. 300 тыс. рублей каждой семье, заявил министр Игорь Смирнов.",
         "Igor Smirnov"),
        ("uk", "Уряд виділить бл. 5 млн. гривень на ремонт шкіл, заявив міністр Олег Петренко.",
         "Oleh Petrenko"),
        ("fr", "L'État versera env. 5 millions d'euros aux agriculteurs, a annoncé le ministre Jean Dupont.",
         "Jean Dupont"),
        ("es", "El Gobierno destinará aprox. 5 millones de euros a los agricultores, anunció el "
               "ministro Juan García.", "Juan García"),
        ("it", "Il governo stanzierà ca. 5 milioni di euro per gli agricoltori, ha annunciato il "
               "ministro Marco Rossi.", "Marco Rossi"),
        ("id", "Pemerintah akan membantu petani, nelayan, dll. dengan dana darurat, kata Menteri "
               "Budi Santoso.", "Budi Santoso"),
    ],
)
def test_an_abbreviation_before_a_figure_keeps_the_speaker(backend: RulesBackend, lang: str, text: str, speaker: str) -> None:
    pledges = [actors for kind, actors in _claims(backend, lang, text) if kind == "pledge"]
    assert pledges and speaker in pledges[0]


# 2. Russian and Ukrainian negated futures in the plural and the first person ("не будут",
#    "не будем", "не будемо") and "не станет/станут", "не стане/стануть" + an infinitive: refusals
@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        ("ru", "Власти Эстонии не будут продлевать пограничный контроль.", "Estonia"),
        ("ru", "Литва и Латвия не станут закрывать границу с Беларусью.", "Lithuania"),
        ("ru", "Мы не будем поставлять оружие, заявил премьер Словакии Роберт Фицо.", "Robert Fico"),
        ("uk", "Ми не будемо постачати зброю, заявив прем'єр Словаччини Роберт Фіцо.", "Robert Fico"),
        ("uk", "Литва і Латвія не стануть закривати кордон з Білоруссю.", "Latvia"),
    ],
)
def test_a_plural_or_first_person_negated_future_is_a_refusal(backend: RulesBackend, lang: str, text: str, actor: str) -> None:
    refusals = [actors for kind, actors in _claims(backend, lang, text) if kind == "refusal"]
    assert refusals and actor in refusals[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Украина не станет членом НАТО в этом году."),  # "will not become": no infinitive
        ("ru", "Цены не станут снижаться, считают аналитики."),  # no actor able to decide
        ("uk", "Україна не стане членом НАТО цього року."),
        ("uk", "Ціни не стануть знижуватися, вважають аналітики."),
    ],
)
def test_a_negated_stat_without_a_decision_is_no_refusal(backend: RulesBackend, lang: str, text: str) -> None:
    assert "refusal" not in [kind for kind, _ in _claims(backend, lang, text)]


# 4. a country's name in the genitive after "i" / "iz" in an inflecting language is no demonym
@pytest.mark.parametrize(
    ("lang", "text", "participant"),
    [
        ("hr", "Ministri Hrvatske i Slovačke sastali su se u Bratislavi.", "Slovakia"),
        ("hr", "Premijer se sastao s kolegama iz Grčke i Turske.", "Turkey"),
        ("pl", "Ministrowie Czech i Polski spotkali się w Pradze.", "Poland"),
    ],
)
def test_an_inflected_name_is_a_meeting_participant(backend: RulesBackend, lang: str, text: str, participant: str) -> None:
    meetings = of_type(backend, text, lang, "meeting")
    assert meetings and participant in [a.label for a in meetings[0].fields.get("participants") or []]


# 6. Arabic host and guest: the subject of "استقبل" (received), inside the two-part cue
#    "استقبل ... نظيره", is the meeting's actor; the counterpart after it is a participant
@pytest.mark.parametrize(
    ("text", "host", "guest"),
    [
        ("استقبل وزير الخارجية المغربي نظيره الإسباني في الرباط أمس.", "Morocco", "Spain"),
        ("استقبلت رئيسة الوزراء الإيطالية نظيرها اليوناني في روما.", "Italy", "Greece"),
        ("استقبل وزير الدفاع التركي نظيره الأذربيجاني في أنقرة.", "Turkey", "Azerbaijan"),
        ("استقبل أمير قطر نظيره الكويتي في الدوحة.", "Qatar", "Kuwait"),
        ("استقبل العاهل الأردني الملك عبد الله الثاني نظيره البحريني في عمان.", "Abdullah II", "Bahrain"),
    ],
)
def test_the_host_of_a_reception_is_the_actor(backend: RulesBackend, text: str, host: str, guest: str) -> None:
    meetings = of_type(backend, text, "ar", "meeting")
    assert meetings
    assert actor_names(meetings[0]) == [host]
    assert guest in [a.label for a in meetings[0].fields.get("participants") or []]
