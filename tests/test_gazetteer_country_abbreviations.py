"""Countries written by the abbreviation news of a language uses ("ОАЕ" in Ukrainian, "BAE"
in Turkish, "ZEA" in Polish for the United Arab Emirates; "ФРН"/"ФРГ" and "RFN" for
Germany; "ChRL" and "RRT" for China) and the Russian full name of the Emirates: each is an
alias of its country scoped to the languages that write it, so the same letters in another
language name no country ("BAE Systems" in English). Before, "ОАЕ пообіцяли ..." had the
abbreviation as an unknown actor and "ФРН пообіцяла ..." none.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Gazetteer
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(("text", "lang", "type_", "wanted"), [
    ("ОАЕ пообіцяли профінансувати відбудову лікарні в Харкові.", "uk", "pledge", ["United Arab Emirates"]),
    ("ФРН пообіцяла передати Україні ще дві системи ППО.", "uk", "pledge", ["Germany"]),
    ("BAE, Sudan'a 100 milyon dolar yardım sağlayacağını açıkladı.", "tr", "pledge", ["United Arab Emirates"]),
    ("ChRL odmówiła udziału w szczycie.", "pl", "refusal", ["China"]),
    ("RRT berjanji mengirim bantuan ke Gaza.", "id", "pledge", ["China"]),
])
def test_the_abbreviation_names_its_country(backend: RulesBackend, text: str, lang: str, type_: str,
                                            wanted: list[str]) -> None:
    assert actors_of(backend, text, lang, type_) == wanted


@pytest.mark.parametrize(("written", "lang", "country"), [
    ("Объединенные Арабские Эмираты", "ru", "United Arab Emirates"),
    ("ФРГ", "ru", "Germany"),
    ("ZEA", "pl", "United Arab Emirates"),
    ("RFN", "pl", "Germany"),
])
def test_resolved_in_its_language(written: str, lang: str, country: str) -> None:
    assert Gazetteer.default().resolve(written, language=lang).name == country


@pytest.mark.parametrize(("written", "lang"), [("BAE", "en"), ("ZEA", "de"), ("RRT", "en")])
def test_no_country_in_another_language(written: str, lang: str) -> None:
    assert not Gazetteer.default().resolve(written, language=lang).resolved


def test_a_company_named_with_the_letters_is_no_country(backend: RulesBackend) -> None:
    assert actors_of(backend, "BAE Systems pledged to build a new plant in Lancashire.", "en", "pledge") == []
