"""A capital that opens a clause right before a negated future ("Warszawa nie zniesie
embarga", "Братислава не відновить поставки") stands for the government seated there,
which decides what the future says: a refusal of that country. A capital after a
preposition ("В Москве не отменят ...": in Moscow, someone) decides nothing. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("pl", "Warszawa nie zniesie embarga na ukraińskie zboże.", "Poland"),
    ("pl", "Wilno nie otworzy granicy z Białorusią.", "Lithuania"),
    ("uk", "Братислава не відновить поставки електроенергії в Україну.", "Slovakia"),
    ("uk", "Київ не визнає результатів виборів.", "Ukraine"),
    ("ru", "Москва не отменит санкции против Грузии.", "Russia"),
    ("ru", "Москва не выведет войска из Приднестровья.", "Russia"),
])
def test_a_capital_before_its_negated_future_refuses(backend: RulesBackend, lang: str, text: str,
                                                      actor: str) -> None:
    assert actors_by_type(backend, text, lang) == {"refusal": [actor]}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Москве не отменят концерт."),
    ("pl", "W Warszawie nie zamkną szkół."),
])
def test_a_capital_after_a_preposition_decides_nothing(backend: RulesBackend, lang: str, text: str) -> None:
    assert actors_by_type(backend, text, lang) == {}


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("ru", "Сергей Лавров заявил, что не признает итоги выборов.", "Sergey Lavrov"),
    ("ru", "Сергей Лавров заявил журналистам в Москве, что не выведет войска.", "Sergey Lavrov"),
    ("pl", "Donald Tusk powiedział, że nie zniesie embarga.", "Donald Tusk"),
])
def test_a_future_with_its_subject_left_out_after_a_verb_of_saying_is_the_speakers(
    backend: RulesBackend, lang: str, text: str, actor: str
) -> None:
    """"X said that [he] will not ...": the speaker named before the verb of saying decides
    the future whose subject the complement leaves out."""
    assert actors_by_type(backend, text, lang).get("refusal", [None])[0] == actor


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Сергей Лавров заявил, что цены не снизятся."),
    ("pl", "Donald Tusk powiedział, że ceny nie spadną."),
])
def test_a_complement_with_a_subject_of_its_own_is_no_speakers_claim(backend: RulesBackend, lang: str,
                                                                     text: str) -> None:
    assert actors_by_type(backend, text, lang) == {}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Pedro Castillo dijo que los precios no bajarán."),
    ("pt", "Jair Bolsonaro afirmou que os preços não subirão."),
    ("it", "Giorgia Meloni ha detto che i prezzi non scenderanno."),
])
def test_a_person_before_a_complement_with_its_own_subject_decides_nothing(
    backend: RulesBackend, lang: str, text: str
) -> None:
    """The person who says it is no subject of a future whose complement names a subject
    of its own (prices): a forecast, no refusal."""
    assert actors_by_type(backend, text, lang) == {}


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("es", "Pedro Castillo dijo que Perú no reconocerá los resultados.", "Peru"),
    ("es", "Pedro Castillo anunció que no reconocerá los resultados.", "Pedro Castillo"),
])
def test_a_named_subject_or_the_speaker_still_decides(backend: RulesBackend, lang: str, text: str,
                                                     actor: str) -> None:
    assert actor in actors_by_type(backend, text, lang).get("refusal", [])


@pytest.mark.parametrize("text", [
    "Pedro Castillo said that prices will not fall this year.",
    "Pedro Castillo said prices will not fall this year.",
    "Finance Minister Anna Berg said that inflation would not ease before the spring.",
    "Anna Berg told reporters that the harvest will never recover its old level.",
])
def test_an_english_negated_future_with_a_subject_of_its_own_is_a_forecast(backend: RulesBackend,
                                                                          text: str) -> None:
    """English "will not" is a refusal cue word; in the complement of a verb of saying whose
    own subject is a thing ("prices", "inflation"), it refuses nothing, as "dijo que los
    precios no bajarán" above."""
    assert "refusal" not in actors_by_type(backend, text, "en")


@pytest.mark.parametrize(("text", "actor"), [
    ("Pedro Castillo said that Peru will not recognise the vote.", "Pedro Castillo"),
    ("Pedro Castillo said that he will not recognise the vote.", "Pedro Castillo"),
    ("Pedro Castillo said it would never recognise the vote.", "Pedro Castillo"),
    ("Pedro Castillo said that the government will not recognise the vote.", "Pedro Castillo"),
    ("Energy Minister Anna Berg told reporters that Kathmandu would not accept the clause.", "Anna Berg"),
    ("Peru will not recognise the vote, Pedro Castillo said.", "Pedro Castillo"),
])
def test_an_english_negated_future_whose_subject_may_decide_stays_a_refusal(
    backend: RulesBackend, text: str, actor: str
) -> None:
    """Guards: a named subject, a pronoun, a body ("the government") or a capitalised name no
    finder knows in the complement, or no complement at all: the refusal stays."""
    assert actors_by_type(backend, text, "en").get("refusal", [None])[0] == actor


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("ru", "Министр иностранных дел Олег Смирнов заявил, что Бишкек не откроет границу.", "Kyrgyzstan"),
    ("ru", "Олег Смирнов заявил, что Москва не отменит санкции против Грузии.", "Russia"),
    ("uk", "Олег Ткаченко заявив, що Братислава не відновить поставки електроенергії.", "Slovakia"),
    ("pl", "Donald Tusk powiedział, że Warszawa nie zniesie embarga.", "Poland"),
    ("ru", "Бишкек не откроет границу с Таджикистаном.", "Kyrgyzstan"),
])
def test_a_capital_opening_a_complement_before_its_negated_future_refuses(
    backend: RulesBackend, lang: str, text: str, actor: str
) -> None:
    """"X said that Bishkek will not ...": the capital right after the complementizer stands
    for the government seated there, as at the start of a clause."""
    assert actor in actors_by_type(backend, text, lang).get("refusal", [])


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Олег Смирнов заявил, что в Москве не отменят концерт."),
    ("pl", "Donald Tusk powiedział, że w Warszawie nie zamkną szkół."),
    ("ru", "Олег Смирнов заявил, что цены в Бишкеке не снизятся."),
])
def test_a_capital_inside_a_complement_after_a_preposition_or_noun_decides_nothing(
    backend: RulesBackend, lang: str, text: str
) -> None:
    """Guards: in Moscow, someone; prices in Bishkek, no one."""
    assert actors_by_type(backend, text, lang) == {}
