"""Perfective verbs that state a commitment or an announced meeting by their form alone,
with no cue word: Russian perfective futures "окажет ... помощь" (will render aid),
"профинансирует" (will fund), "пришлёт" (will send) are pledges, the reflexive plural
"встретятся" (they will meet) a meeting (the list had "встретится", singular, and
"встретит", meets someone); Polish "zapewnił ... o ... wsparciu" (assured someone of
support) is a pledge; Russian "откажется", Ukrainian "відмовиться" (will refuse) are
refusals; Croatian "dostaviti" (deliver) is an action verb.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_CLAIMS = [
    ("ru", "Китай окажет Ирану гуманитарную помощь.", "pledge"),
    ("ru", "Япония профинансирует восстановление энергосистемы Украины.", "pledge"),
    ("ru", "Германия пришлёт в Литву ещё 500 военных.", "pledge"),
    ("ru", "Министры иностранных дел снова встретятся в апреле.", "meeting"),
    ("ru", "Лидеры двух стран встретятся в следующем месяце в Женеве.", "meeting"),
    ("pl", "Premier zapewnił Zełenskiego o dalszym wsparciu Polski.", "pledge"),
    ("pl", "Kanclerz zapewniła Kijów o pomocy wojskowej.", "pledge"),
    # perfective futures of refusing (the lists had the past and the present)
    ("ru", "Венгрия откажется поддержать новые санкции против России.", "refusal"),
    ("uk", "Угорщина відмовиться підтримати нові санкції проти Росії.", "refusal"),
    # Croatian "dostaviti" (deliver) is an action verb: with "će" a pledge
    ("hr", "Hrvatska će Ukrajini dostaviti još streljiva.", "pledge"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _CLAIMS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_CLAIMS)])
def test_a_perfective_form_states_its_claim(backend: RulesBackend, lang: str, text: str, type_: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == [type_]
