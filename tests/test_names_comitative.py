"""A name right after a comitative preposition ("with": ru "с", uk "з", pl "z", hr "s") is
in the instrumental and is put back in the nominative even when no title precedes it, as when
the title follows it ("z Piotrem Zielińskim, ministrem obrony": Piotr Zieliński), in
``claimkit.normalize._name_cases.in_nominative`` (the officials finder's names); a name in
another case after the same letters, or after no preposition, is left as it is.

Every text is written for these tests (none comes from the sample or test articles)."""

from __future__ import annotations

import pytest

from claimkit.normalize._name_cases import in_nominative
from claimkit.text import fold_case
from tests._rules_helpers import actors_of


def _at_end(before: str, name: str, lang: str) -> str:
    """``name`` as the officials finder gives it, written right after ``before``."""
    text = before + name + ", ministrem"
    return in_nominative(name, fold_case(text), len(before), lang)


@pytest.mark.parametrize(("before", "name", "lang", "expected"), [
    ("Premier rozmawiał z ", "Piotrem Zielińskim", "pl", "Piotr Zieliński"),
    ("Premier rozmawiał ze ", "Stanisławem Nowakiem", "pl", "Stanisław Nowak"),
    ("Premier spotkał się z ", "Ewą Malinowską", "pl", "Ewa Malinowska"),
    ("Ministar se sastao s ", "Tomislavom Jurićem", "hr", "Tomislav Jurić"),
    ("Ministar se sastao sa ", "Zoranom Kovačem", "hr", "Zoran Kovač"),
    ("Министр встретился с ", "Фёдором Кругловым", "ru", "Фёдор Круглов"),
    ("Міністр зустрівся з ", "Тарасом Гнатенком", "uk", "Тарас Гнатенко"),
])
def test_a_name_after_with_is_put_back_in_the_nominative(before: str, name: str, lang: str, expected: str) -> None:
    assert _at_end(before, name, lang) == expected


@pytest.mark.parametrize(("before", "name", "lang"), [
    ("List przyszedł z ", "Jana Kowalskiego", "pl"),        # "from", a genitive: no instrumental ending
    ("Premier rozmawiał ", "Piotrem Zielińskim", "pl"),     # no preposition before the name
    ("Premier rozmawiał raz ", "Piotrem Zielińskim", "pl"),  # "z" ending a word is no preposition
    ("Ministar je rekao ", "Tomislavom Jurićem", "hr"),
    ("Министр сказал ", "Фёдором Кругловым", "ru"),
])
def test_a_name_after_no_comitative_is_left_as_it_is(before: str, name: str, lang: str) -> None:
    assert _at_end(before, name, lang) == name


def test_the_preposition_of_another_language_is_not_read() -> None:
    # Croatian "s" is no Polish preposition
    assert _at_end("Premier rozmawiał s ", "Piotrem Zielińskim", "pl") == "Piotrem Zielińskim"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Premier Donald Tusk spotkał się w Warszawie z Piotrem Zielińskim, ministrem obrony Czech.",
     "pl", "Piotr Zieliński"),
    ("Premijer Andrej Plenković sastao se u Zagrebu s Tomislavom Jurićem, ministrom obrane Slovenije.",
     "hr", "Tomislav Jurić"),
])
def test_a_meeting_partner_with_a_title_after_the_name(backend, text: str, lang: str, expected: str) -> None:
    names = actors_of(backend, text, lang, "meeting")
    assert expected in names, names
    assert not any(n.endswith(("em", "om", "im")) for n in names), names
