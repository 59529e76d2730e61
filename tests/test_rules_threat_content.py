"""A commitment a warning verb states as its content is the threat, not a pledge of its
own: "Trump warned that he would impose 100% tariffs", "a averti que la France
imposerait de nouvelles sanctions", "부과하겠다고 경고했다" (the pledge cue after the
warning cue, before it in verb-final languages: the ``after`` precedence rule of pledge
by warning). Two predicates joined by a coordinator stay two claims, whichever comes
first: "Germany warned Russia against escalation and pledged more air defence".

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_THREATS = [
    ("en", "Trump warned that he would impose 100% tariffs on Chinese goods from next month."),
    ("fr", "Le président a averti que la France imposerait de nouvelles sanctions à l'Iran."),
    ("ko", "트럼프 대통령은 중국산 제품에 100%의 추가 관세를 부과하겠다고 경고했다."),
]


@pytest.mark.parametrize(("lang", "text"), _THREATS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_THREATS)])
def test_a_threatened_measure_is_a_warning_only(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["warning"]


_TWO = [
    ("en", "Germany warned Russia against escalation and pledged more air defence to Ukraine."),
    ("fr", "La France a averti la Russie et promis de nouveaux canons à l'Ukraine."),
    ("en", "Hungary refused to sign the statement but met Zelensky on Friday."),
]


@pytest.mark.parametrize(("lang", "text"), _TWO, ids=[f"{t[0]}:{i}" for i, t in enumerate(_TWO)])
def test_coordinated_predicates_are_two_claims(backend: RulesBackend, lang: str, text: str) -> None:
    assert len({d.type for d in drafts(backend, text, lang)}) == 2
