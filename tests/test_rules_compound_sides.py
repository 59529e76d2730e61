"""Talks named by a compound of country adjectives ("российско-турецкие переговоры",
"засідання українсько-польської міжурядової комісії", "Russian-Turkish talks",
"polsko-ukraińskie konsultacje"): with no one else named in the clause, the countries of
the compound are the sides that meet. Before, such a meeting had no actor (a country
adjective names its country only before an actor noun, and "talks" is none).

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

_COMPOUNDS = [
    ("Russian-Turkish talks were held in Ankara on Monday.", "en", ["Russia", "Turkey"]),
    ("The next round of Russian-Turkish talks will be held in Ankara in May.", "en", ["Russia", "Turkey"]),
    ("Российско-турецкие переговоры пройдут в Анкаре в мае.", "ru", ["Russia", "Turkey"]),
    ("Следующий раунд российско-турецких консультаций пройдет в Анкаре в мае.", "ru", ["Russia", "Turkey"]),
    ("Засідання українсько-польської міжурядової комісії відбудеться у Львові 4 червня.", "uk",
     ["Ukraine", "Poland"]),
    ("Polsko-ukraińskie konsultacje odbędą się w maju w Warszawie.", "pl", ["Poland", "Ukraine"]),
]


@pytest.mark.parametrize(("text", "lang", "wanted"), _COMPOUNDS)
def test_the_compound_names_the_sides(backend: RulesBackend, text: str, lang: str, wanted: list[str]) -> None:
    assert actors_of(backend, text, lang, "meeting") == wanted


#: guards: the people who hold the talks are named (they are the actor); a compound that
#: qualifies no meeting (a conflict) adds no one to another claim; hyphenated parts that
#: are not all countries name no one
_GUARDS = [
    ("Лавров и Фидан провели российско-турецкие переговоры в Анкаре.", "ru", "meeting",
     ["Sergey Lavrov", "Hakan Fidan"]),
    ("Турция пообещала содействовать урегулированию российско-украинского конфликта.", "ru", "pledge",
     ["Turkey"]),
    ("Turkey pledged to help end the Russian-Ukrainian war.", "en", "pledge", ["Turkey"]),
    ("Jean-Pierre Dupont met the press in Paris on Monday.", "en", "meeting", []),
]


@pytest.mark.parametrize(("text", "lang", "type_", "wanted"), _GUARDS)
def test_no_sides_where_named_or_no_talks(backend: RulesBackend, text: str, lang: str, type_: str,
                                          wanted: list[str]) -> None:
    assert actors_of(backend, text, lang, type_) == wanted
