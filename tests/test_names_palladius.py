"""Chinese names written in Cyrillic by the Palladius system read back into pinyin when
the official's title names China (or Wade-Giles with a hyphen for Taiwan), not spelt
letter by letter ("Сунь Вэйдун" is Sun Weidong, not "Sun Veydun")."""

from __future__ import annotations

import pytest

from claimkit.normalize import _names
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(("name", "lang", "english"), [
    ("Чжоу Минхуэй", "ru", "Zhou Minghui"),    # "хуэй" is hui
    ("Дэн Сюэцзюнь", "ru", "Deng Xuejun"),
    ("Го Цзяньго", "ru", "Guo Jianguo"),       # "го" is guo, not go
    ("Сюй Цилян", "ru", "Xu Qiliang"),
    ("Цзян Хайбо", "ru", "Jiang Haibo"),
    ("Ян Цзє", "uk", "Yang Jie"),               # Ukrainian letters
    ("Сі Чуньмін", "uk", "Xi Chunming"),
])
def test_palladius_to_pinyin(name: str, lang: str, english: str) -> None:
    assert _names.chinese_from_palladius(name, lang) == english


def test_taiwanese_in_wade_giles() -> None:
    assert _names.chinese_from_palladius("Чжэн Ли", "ru", taiwan=True) == "Cheng Li"
    assert _names.chinese_from_palladius("Линь Цзяхао", "ru", taiwan=True) == "Lin Chia-hao"


@pytest.mark.parametrize("name", ["Вивиан Балакришнан", "Марко Джурич", "Иван Петров"])
def test_no_chinese_name(name: str) -> None:
    assert _names.chinese_from_palladius(name, "ru") is None


def test_a_chinese_official_in_a_russian_text(backend) -> None:
    text = "Замминистра коммерции КНР Чжоу Минхуэй заявил, что Китай не будет поставлять оружие."
    assert "Zhou Minghui" in actors_of(backend, text, "ru", "refusal")


def test_a_russian_official_keeps_his_transliteration(backend) -> None:
    text = "Министр энергетики России Иван Ли заявил, что Россия не будет поставлять газ."
    assert "Ivan Li" in actors_of(backend, text, "ru", "refusal")
