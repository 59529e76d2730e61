"""A foreign ministry named by the adjective of its country, or by its country in the
genitive, is that country's: "Białoruskie MSZ ostrzegło ..." is Belarus's warning, not
Poland's. Polish "MSZ" alone is the article's own foreign ministry (Poland, in a Polish
article); it is an ``actor_nouns`` word of Polish now, so the country adjective before it
names the actor ("Rosyjskie MSZ", "białoruskiego MSZ") and the unqualified ministry is
left to the home country only where no country stands beside it. Russian "МИД",
Ukrainian "МЗС" and Croatian "ministarstvo" were such nouns already.

A country in the Polish genitive whose stem changes (Białoruś -> Białorusi; the plural
names Chiny, Niemcy, Węgry, Włochy, Filipiny -> Chin, Niemiec, Węgier, Włoch, Filipin)
and Croatian "Kine" (of China) are names of their countries: "MSZ Białorusi", "Rząd
Niemiec", "Władze Chin" name them.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

_FOREIGN = [
    ("pl", "Białoruskie MSZ ostrzegło, że odpowie na rozmieszczenie wojsk.", "warning", "Belarus"),
    ("pl", "Rosyjskie MSZ ostrzegło Polskę przed konsekwencjami.", "warning", "Russia"),
    ("pl", "MSZ Białorusi ostrzegło, że odpowie na rozmieszczenie wojsk.", "warning", "Belarus"),
    ("pl", "Rząd Niemiec zapowiedział, że wyśle kolejne systemy obrony powietrznej.", "pledge", "Germany"),
    ("pl", "Władze Chin ostrzegły, że odpowiedzą na nowe cła.", "warning", "China"),
    ("pl", "Rząd Węgier odmówił poparcia dla nowych sankcji.", "refusal", "Hungary"),
    ("pl", "Władze Filipin ostrzegły, że odpowiedzą na kolejne prowokacje.", "warning", "Philippines"),
    ("hr", "Ministarstvo vanjskih poslova Kine upozorilo je da će odgovoriti na nove carine.", "warning", "China"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "country"), _FOREIGN, ids=[f"{t[0]}:{i}" for i, t in enumerate(_FOREIGN)])
def test_a_ministry_of_a_named_country_is_that_country_s(
        backend: RulesBackend, lang: str, text: str, type_: str, country: str) -> None:
    assert actors_of(backend, text, lang, type_) == [country]


_HOME = [
    ("pl", "MSZ ostrzegło, że Polska odpowie na każdą prowokację.", "warning"),
    ("pl", "Polskie MSZ ostrzegło Rosję przed konsekwencjami.", "warning"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _HOME, ids=[f"{t[0]}:{i}" for i, t in enumerate(_HOME)])
def test_the_ministry_alone_or_with_the_home_adjective_is_the_home_country(
        backend: RulesBackend, lang: str, text: str, type_: str) -> None:
    assert actors_of(backend, text, lang, type_) == ["Poland"]
