"""A Russian or Ukrainian name written in Polish transcription ("Iwan Sokołow", "Wołodymyr
Kowal") is spelt as English news spell it (Ivan Sokolov, Volodymyr Koval), told by a given
name that no Polish name shares (``claimkit.normalize._polish_transcription``); a Polish name
is left as it is. Through the rules backend: a meeting partner named bare after "z", or after
a title, in the instrumental, gets the English name the scorer matches.

Every name and text is written for these tests (none comes from the sample or test articles)."""

from __future__ import annotations

import pytest

from claimkit.normalize._polish_transcription import east_slavic
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(("written", "english"), [
    ("Iwan Sokołow", "Ivan Sokolov"),
    ("Siergiej Pietrow", "Sergey Petrov"),
    ("Jewgienij Miedwiediew", "Yevgeny Medvedev"),
    ("Wiaczesław Orłow", "Vyacheslav Orlov"),
    ("Natalja Zacharowa", "Natalia Zakharova"),
    ("Marija Iwanowa", "Maria Ivanova"),
    ("Swietłana Krugłowa", "Svetlana Kruglova"),
    ("Fiodor Szczukin", "Fyodor Shchukin"),
    ("Wołodymyr Kowal", "Volodymyr Koval"),
    ("Mychajło Hnatenko", "Mykhailo Hnatenko"),
    ("Jewhen Melnyk", "Yevhen Melnyk"),
    ("Switłana Hrynczuk", "Svitlana Hrynchuk"),
])
def test_an_east_slavic_name_in_polish_letters_is_spelt_in_english(written: str, english: str) -> None:
    assert east_slavic(written) == english


@pytest.mark.parametrize("written", [
    "Jan Kowalski", "Piotr Zieliński", "Radosław Sikorski", "Anna Nowak",  # Polish names
    "Piotr Iwanow",      # a given name Polish shares: no sign of a transcription
    "Bohdan Nowak", "Ludmiła Kowalska",  # Ukrainian and Russian names that are Polish too
    "Iwan",              # a given name alone
    "Ivan Horvat",       # Croatian letters
])
def test_any_other_name_is_left_to_the_caller(written: str) -> None:
    assert east_slavic(written) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Minister Radosław Sikorski spotkał się w Warszawie z Iwanem Sokołowem.", "Ivan Sokolov"),
    ("Minister Radosław Sikorski spotkał się z ministrem Wołodymyrem Kowalem w Warszawie.", "Volodymyr Koval"),
    ("Premier Donald Tusk rozmawiał w Warszawie z Siergiejem Pietrowem, szefem dyplomacji.", "Sergey Petrov"),
])
def test_a_partner_in_polish_transcription_gets_the_english_name(backend, text: str, expected: str) -> None:
    names = actors_of(backend, text, "pl", "meeting")
    assert expected in names, names


def test_a_polish_partner_keeps_the_polish_spelling(backend) -> None:
    text = "Minister Radosław Sikorski spotkał się w Warszawie z Piotrem Zielińskim."
    assert "Piotr Zieliński" in actors_of(backend, text, "pl", "meeting")
