"""Commitments stated by a future action verb and no cue word (issue 13, recall): the
Ukrainian synthetic future read for its infinitive ("фінансуватиме" -> "фінансувати",
an ``action`` verb: a pledge, as English "will fund"), the Polish perfective futures
of common action verbs ("skieruje", "przeznaczy", "pokryje"), and the verbs news use
for paying and allocating in each language's ``action`` list ("will allocate",
"akan membiayai", "costeará", "će izdvojiti", "будет выплачивать", "출연하겠다").
The assertion filter still holds: a question, a call on others, a supposition states
no pledge, and a future of a verb that is no action ("зростатимуть": prices will
rise) none. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.tense import futures
from tests._rules_helpers import actors_by_type


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("text", "infinitive"), [
    ("Японія фінансуватиме навчання.", "фінансувати"),
    ("Польща вакцинуватиме дітей.", "вакцинувати"),
    ("Ми постачатимемо снаряди.", "постачати"),
    ("Країни надаватимуть допомогу.", "надавати"),
])
def test_the_ukrainian_synthetic_future_gives_its_infinitive(text: str, infinitive: str) -> None:
    found = futures("uk", text, 0, len(text))
    assert [f.infinitives for f in found] == [(infinitive,)]


PLEDGES = [
    ("uk", "Японія фінансуватиме навчання 300 саперів.", "Japan"),
    ("uk", "Канада навчатиме українських пілотів у Квебеку.", "Canada"),
    ("pl", "Polska skieruje dwie fregaty do misji NATO.", "Poland"),
    ("pl", "Niemcy przeznaczą dodatkowe środki na odbudowę szpitali.", "Germany"),
    ("pl", "Niemcy pokryją koszty odbudowy mostu.", "Germany"),
    ("en", "Australia will allocate additional funds to the reconstruction of schools.", "Australia"),
    ("id", "Pemerintah Jepang akan membiayai pembangunan dua jembatan di Sulawesi.", "Japan"),
    ("fr", "Le Maroc mobilisera 2000 secouristes pour aider la Libye.", "Morocco"),
    ("es", "El Gobierno de Chile costeará la reconstrucción de las escuelas.", "Chile"),
    ("pt", "O Governo de Angola vai custear o tratamento dos feridos.", "Angola"),
    ("it", "L'Italia mobiliterà 500 vigili del fuoco in Grecia.", "Italy"),
    ("hr", "Njemačka će pokriti troškove smještaja izbjeglica.", "Germany"),
    ("hr", "Vlada Slovenije će izdvojiti dodatna sredstva za obnovu škola.", "Slovenia"),
    ("ru", "Правительство России будет выплачивать компенсации пострадавшим.", "Russia"),
    ("ko", "한국 정부는 세계은행 기금에 1억 달러를 출연하겠다고 밝혔다.", "South Korea"),
]


@pytest.mark.parametrize(("lang", "text", "actor"), PLEDGES)
def test_a_future_action_verb_is_a_pledge(backend: RulesBackend, lang: str, text: str, actor: str) -> None:
    found = actors_by_type(backend, text, lang)
    assert actor in found.get("pledge", []), found


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "قال الوزير إن الحكومة ستخصص 40 مليون دولار لإعادة إعمار المدارس."),
    ("ar", "أكد الوزير أن المملكة ستواصل تقديم المساعدات للاجئين."),
])
def test_an_arabic_future_of_allocating_or_continuing_to_provide_is_a_pledge(
    backend: RulesBackend, lang: str, text: str
) -> None:
    assert "pledge" in actors_by_type(backend, text, lang)


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("pl", "Czechy nie skierują żołnierzy na Ukrainę.", "Czechia"),
    ("pl", "Czechy nie pokryją kosztów tej misji.", "Czechia"),
    ("uk", "Литва не постачатиме зброю Україні.", "Lithuania"),
])
def test_a_negated_future_action_verb_is_a_refusal(backend: RulesBackend, lang: str, text: str,
                                                   actor: str) -> None:
    assert actors_by_type(backend, text, lang) == {"refusal": [actor]}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Will Australia allocate more money to the fund?"),
    ("en", "The EU urged Australia to allocate more money to the fund."),
    ("fr", "Le Maroc a appelé l'Algérie à mobiliser des secouristes."),
    ("es", "¿Costeará el Gobierno de Chile la reconstrucción de las escuelas?"),
    ("pl", "Czy Niemcy pokryją koszty odbudowy mostu?"),
    ("uk", "Чи фінансуватиме Японія навчання саперів?"),
    ("uk", "Ціни на електроенергію зростатимуть до кінця року."),
    ("id", "Indonesia meminta Jepang untuk membiayai pembangunan jembatan."),
    ("ar", "هل ستخصص الحكومة 40 مليون دولار لإعادة إعمار المدارس؟"),
    ("hr", "Hoće li Njemačka pokriti troškove smještaja izbjeglica?"),
    ("ru", "Правительство призвало банки выплачивать компенсации пострадавшим."),
    ("it", "Il governo ha chiesto alle regioni di mobilitare i vigili del fuoco."),
    ("pl", "Inflacja nie przyzna racji nikomu."),
])
def test_questions_calls_and_forecasts_state_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert actors_by_type(backend, text, lang) == {}


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("pl", "Premier Polski ma w piątek spotkać się w Pradze z premierem Czech.", "Poland"),
    ("pl", "W czwartek w Wilnie odbędzie się posiedzenie polsko-litewskiej komisji rządowej.", "Lithuania"),
    ("fr", "Le ministre malien doit s'entretenir jeudi avec son homologue sénégalais.", "Mali"),
])
def test_a_meeting_stated_by_an_infinitive_or_a_session_noun(backend: RulesBackend, lang: str, text: str,
                                                             actor: str) -> None:
    """"ma ... spotkać się" (is to meet, a word between), "posiedzenie" (a session),
    "doit s'entretenir" (is to hold talks)."""
    assert actor in actors_by_type(backend, text, lang).get("meeting", [])


def test_a_phone_call_to_come_is_a_meeting(backend: RulesBackend) -> None:
    text = "Der Bundeskanzler wird am Freitag mit dem polnischen Regierungschef telefonieren."
    assert "meeting" in actors_by_type(backend, text, "de")


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Czy premierzy Polski i Czech mają spotkać się w piątek?"),
    ("fr", "Le ministre malien a refusé de s'entretenir avec la presse."),
    ("de", "Wird der Bundeskanzler am Freitag mit dem polnischen Regierungschef telefonieren?"),
])
def test_a_question_or_a_refusal_to_talk_is_no_meeting(backend: RulesBackend, lang: str, text: str) -> None:
    assert "meeting" not in actors_by_type(backend, text, lang)


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("fr", "Les équipements seront fournis par l'Allemagne le mois prochain.", "Germany"),
    ("es", "El material será suministrado por Alemania el próximo mes.", "Germany"),
    ("pt", "Os equipamentos serão fornecidos pela Alemanha no próximo mês.", "Germany"),
    ("it", "Le attrezzature saranno fornite dalla Germania il mese prossimo.", "Germany"),
    ("pl", "Pomoc zostanie sfinansowana przez Niemcy.", "Germany"),
    ("hr", "Oprema će biti isporučena iz Njemačke sljedeći mjesec.", "Germany"),
    ("id", "Peralatan itu akan dikirim oleh Jerman bulan depan.", "Germany"),
    ("tr", "Ekipman gelecek ay Almanya tarafından gönderilecek.", "Germany"),
])
def test_a_future_passive_of_an_action_verb_is_the_agents_pledge(backend: RulesBackend, lang: str, text: str,
                                                                 actor: str) -> None:
    """"will be provided by X" in each language: the passive's agent pledges."""
    assert actor in actors_by_type(backend, text, lang).get("pledge", [])


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Кредит будет предоставлен Японией в следующем месяце."),
    ("uk", "Кредит буде надано Японією наступного місяця."),
])
def test_an_east_slavic_future_passive_of_giving_is_a_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" in actors_by_type(backend, text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les équipements seront-ils fournis par l'Allemagne ?"),
    ("es", "¿Será suministrado el material por Alemania?"),
    ("ru", "Будет ли предоставлен кредит Японией?"),
    ("pl", "Czy pomoc zostanie sfinansowana przez Niemcy?"),
    ("it", "Se le armi saranno fornite dalla Germania, la Russia reagirà."),
    ("uk", "Чи буде надано кредит Японією?"),
    ("id", "Apakah peralatan itu akan dikirim oleh Jerman?"),
])
def test_a_future_passive_asked_or_supposed_is_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in actors_by_type(backend, text, lang)
