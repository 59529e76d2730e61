"""Kyrgyz officials' names in a Russian or Ukrainian text, spelt as English news and
Kyrgyzstan's government spell them: Kyrgyz "ж" is said as English "j" ("Жолдошев" ->
"Joldoshev"), "й" after a vowel is "i" and "е" "e" ("Айбек" -> "Aibek", "Кулуев" ->
"Kuluev"), not BGN/PCGN's "zh", "y", "ye", which other names keep. The country comes
from the official's title. Names invented for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize._names import romanised
from tests._rules_helpers import actors_by_type


@pytest.mark.parametrize(("name", "language", "english"), [
    ("Нурбек Жолдошев", "ru-KG", "Nurbek Joldoshev"),
    ("Айбек Кулуев", "ru-KG", "Aibek Kuluev"),
    ("Жылдыз Эсенова", "ru-KG", "Jyldyz Esenova"),
    ("Нурбек Жолдошев", "uk-KG", "Nurbek Joldoshev"),
])
def test_a_kyrgyz_name_takes_kyrgyz_letters(name: str, language: str, english: str) -> None:
    assert romanised(name, language) == english


@pytest.mark.parametrize(("name", "language", "english"), [
    ("Нурбек Жолдошев", "ru", "Nurbek Zholdoshev"),  # no country: BGN/PCGN
    ("Ержан Жумабаев", "ru-KZ", "Yerzhan Zhumabayev"),  # Kazakh "ж" is "zh"
    ("Евгений Журавлёв", "ru-RU", "Yevgeny Zhuravlyov"),
    ("Олег Журба", "uk-UA", "Oleh Zhurba"),
])
def test_other_names_keep_their_letters(name: str, language: str, english: str) -> None:
    assert romanised(name, language) == english


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("ru", "Министр иностранных дел Киргизии Нурбек Жолдошев пообещал направить помощь Таджикистану.",
     "Nurbek Joldoshev"),
    ("uk", "Міністр закордонних справ Киргизстану Нурбек Жолдошев пообіцяв надіслати допомогу Україні.",
     "Nurbek Joldoshev"),
    ("ru", "Министр иностранных дел Казахстана Ержан Жумабаев пообещал направить помощь Таджикистану.",
     "Yerzhan Zhumabayev"),
])
def test_an_official_is_spelt_as_the_country_of_the_title(backend: RulesBackend, lang: str, text: str,
                                                           actor: str) -> None:
    assert actor in actors_by_type(backend, text, lang).get("pledge", [])
