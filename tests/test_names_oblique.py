"""Slavic names in an oblique case put back in the nominative before they are romanised:
after a title with an adjective before it ("с российским коллегой Иваном Петровым"), a
Ukrainian surname in "-ко" ("міністра Віктора Ляшка"), an instrumental in "-ем" after a
hushing consonant ("Марко Джуричем"); and a man named in the dative right after a verb of
saying ("сообщил Ивану Петрову") is whom it was said to, no speaker."""

from __future__ import annotations

import pytest

from claimkit.normalize import _name_cases
from claimkit.normalize._name_cases import in_nominative, nominative
from claimkit.text import fold_case
from tests._rules_helpers import actors_of


def _after_title(text: str, name: str, lang: str) -> str:
    """``name`` as the officials finder gives it, its span opening at the text's start."""
    return in_nominative(name, fold_case(text), 0, lang)


@pytest.mark.parametrize(("text", "name", "lang", "expected"), [
    ("российским коллегой Никитой Волковым", "Никитой Волковым", "ru", "Никита Волков"),
    ("новым послом Дмитрием Орловым", "Дмитрием Орловым", "ru", "Дмитрий Орлов"),
    ("бельгийского министра Антона Громова", "Антона Громова", "ru", "Антон Громов"),
    ("польським колегою Степаном Ткачем", "Степаном Ткачем", "uk", "Степан Ткач"),
    ("молдовським колегою Тарасом Бондаренком", "Тарасом Бондаренком", "uk", "Тарас Бондаренко"),
    ("niemieckiego ministra Jana Wiśniewskiego", "Jana Wiśniewskiego", "pl", "Jan Wiśniewski"),
    ("slovenskog ministra Ivana Kovačića", "Ivana Kovačića", "hr", "Ivan Kovačić"),
])
def test_adjective_before_the_title(text: str, name: str, lang: str, expected: str) -> None:
    assert _after_title(text, name, lang) == expected


def test_an_instrumental_title_that_reads_as_an_adjective_is_still_the_title() -> None:
    assert _after_title("главой МИД Черногории Иваном Лукичем", "Иваном Лукичем", "ru") == "Иван Лукич"


@pytest.mark.parametrize(("name", "lang", "instrumental", "expected"), [
    ("Олега Гайчка", "uk", False, "Олег Гайчко"),
    ("Андрія Рудька", "uk", False, "Андрій Рудько"),
    ("Семена Бойка", "ru", False, "Семен Бойко"),
    ("Олегом Гайчком", "uk", True, "Олег Гайчко"),
    ("Миколою Бойком", "uk", True, "Микола Бойко"),
    ("Павлом Мельником", "uk", True, "Павло Мельник"),   # a vowel before "к": no "-ко"
    ("Сергеем Ковалем", "ru", True, "Сергей Коваль"),
    ("Горан Марковичем", "ru", True, "Горан Маркович"),
    ("Душаном Радичем", "ru", True, "Душан Радич"),
])
def test_surname_endings(name: str, lang: str, instrumental: bool, expected: str) -> None:
    assert nominative(name, lang, instrumental=instrumental) == expected


@pytest.mark.parametrize(("name", "lang"), [
    ("Ивану Петрову", "ru"), ("Тарасу Гнатенку", "uk"), ("Богданові Шевчукові", "uk"),
    ("Janowi Nowakowi", "pl"), ("Piotrowi Zielińskiemu", "pl"), ("Ivanu Babiću", "hr"),
])
def test_a_man_in_the_dative(name: str, lang: str) -> None:
    assert _name_cases.in_dative(name, lang)


@pytest.mark.parametrize(("name", "lang"), [
    ("Иван Петров", "ru"), ("Сергей Шойгу", "ru"), ("Тарас Гнатенко", "uk"),
    ("Jan Nowak", "pl"), ("Ivan Babić", "hr"), ("Ивана Петрова", "ru"),
])
def test_a_name_in_another_case_is_no_dative(name: str, lang: str) -> None:
    assert not _name_cases.in_dative(name, lang)


def test_meeting_partner_after_adjective_and_title(backend) -> None:
    text = "Министр Сергей Лавров провёл переговоры с болгарским коллегой Станиславом Грековым в Москве."
    assert "Stanislav Grekov" in actors_of(backend, text, "ru", "meeting")


def test_whom_it_was_said_to_is_no_speaker(backend) -> None:
    text = "Молдова не будет закупать газ у России, сообщил Тарасу Гнатенку источник в правительстве."
    names = actors_of(backend, text, "ru", "refusal")
    assert not any("Gnat" in n or "Hnat" in n for n in names)


@pytest.mark.parametrize(("name", "lang", "expected"), [
    ("Janem Kowalskim", "pl", "Jan Kowalski"),
    ("Tomaszem Nowakiem", "pl", "Tomasz Nowak"),
    ("Markiem Zawadzkim", "pl", "Marek Zawadzki"),
    ("Katarzyną Wójcik", "pl", "Katarzyna Wójcik"),
    ("Ivanom Horvatom", "hr", "Ivan Horvat"),
    ("Darkom Kovačićem", "hr", "Darko Kovačić"),
    ("Anom Babić", "hr", "Ana Babić"),                 # a woman's surname does not decline
])
def test_polish_and_croatian_instrumental(name: str, lang: str, expected: str) -> None:
    assert nominative(name, lang, instrumental=True) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Sikorski spotkał się z ministrem Tomaszem Nowakiem w Warszawie.", "pl", "Tomasz Nowak"),
    ("Sikorski spotkał się z czeskim ministrem Tomaszem Nowakiem w Warszawie.", "pl", "Tomasz Nowak"),
    ("Grlić Radman sastao se s ministrom Darkom Kovačićem u Zagrebu.", "hr", "Darko Kovačić"),
    ("Grlić Radman sastao se sa slovenskom ministricom Anom Babić u Zagrebu.", "hr", "Ana Babić"),
])
def test_meeting_partner_after_an_instrumental_title(backend, text: str, lang: str, expected: str) -> None:
    assert expected in actors_of(backend, text, lang, "meeting")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Министр Сергей Лавров встретился с Фёдором Кругловым в Москве во вторник.", "ru", "Fyodor Kruglov"),
    ("Лавров провёл переговоры с Ольгой Сухановой в Москве.", "ru", "Olga Sukhanova"),
    ("Президент Володимир Зеленський провів зустріч з Тарасом Гнатенком у Києві.", "uk", "Taras Hnatenko"),
    ("Minister Radosław Sikorski rozmawiał z Piotrem Zielińskim w Warszawie we wtorek.", "pl", "Piotr Zieliński"),
    ("Minister Radosław Sikorski spotkał się z Ewą Malinowską w Warszawie.", "pl", "Ewa Malinowska"),
    ("Ministar Gordan Grlić Radman sastao se s Tomislavom Jurićem u Zagrebu.", "hr", "Tomislav Jurić"),
])
def test_bare_meeting_partner_after_with(backend, text: str, lang: str, expected: str) -> None:
    assert expected in actors_of(backend, text, lang, "meeting")


@pytest.mark.parametrize(("text", "lang"), [
    ("Россия не будет вести переговоры с Южной Кореей и Великой Британией.", "ru"),
    ("Лавров встретился с Иваном Петровым Сергеевичем в Москве.", "ru"),    # a longer name
])
def test_no_partner_from_a_place_or_a_longer_name(backend, text: str, lang: str) -> None:
    from tests._rules_helpers import actors_by_type

    names = [n for found in actors_by_type(backend, text, lang).values() for n in found]
    assert not any(n.startswith(("Yuzh", "Ivan")) for n in names), names


def test_a_partner_after_with_is_no_speaker(backend) -> None:
    text = ("Polska przekaże pomoc Ukrainie, powiedział minister Jan Nowak po rozmowie "
            "z ministrem Piotrem Zielińskim.")
    assert "Piotr Zieliński" not in actors_of(backend, text, "pl", "pledge")


def test_a_title_later_stands_for_the_subject_not_the_partner_in_the_instrumental(backend) -> None:
    text = ("Ministar vanjskih poslova Ivan Babić sastao se u srijedu u Mostaru s ministrom vanjskih "
            "poslova BiH Markom Perkovićem. Hrvatska, kako je naglasio ministar, neće pristati na "
            "promjenu granice.")
    assert actors_of(backend, text, "hr", "refusal")[0] == "Ivan Babić"
