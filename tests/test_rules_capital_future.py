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
