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
