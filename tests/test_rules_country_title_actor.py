"""A country's title with no name, opening the claim's sentence in the languages written
without spaces ("加拿大总理表示", "カナダの首相は", "튀르키예 외무장관은"), stands for the
person named before with that office, as "The French president said" does in English
(roles.py ``_demonym_title``: the country joined to its title with no space or a genitive
particle, の, 의, 的; the bare Chinese titles and more Korean ones in the ``title_anaphor``
lists); never for another country's holder of the office.

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the mechanism, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

#: (language, claim type, the holder of the office, text)
_HELD = [
    ("zh", "pledge", "Mark Carney",
     "北京，2025年6月2日 -\n\n加拿大总理卡尼2日抵达北京。\n\n加拿大总理表示，加拿大不排除向乌克兰派遣地面部队的可能性。"),
    ("zh", "warning", "Wang Wentao",
     "北京，2025年6月2日 -\n\n中国商务部长王文涛2日会见了欧盟代表团。\n\n中国商务部长警告说，欧盟的关税措施将损害双边贸易。"),
    ("ja", "pledge", "Mark Carney",
     "東京、2025年6月2日 -\n\nカナダのカーニー首相は2日、東京に到着した。\n\nカナダの首相は、ウクライナへの派兵を排除しないと述べた。"),
    ("ko", "warning", "Hakan Fidan",
     "서울, 2025년 6월 2일 -\n\n튀르키예의 하칸 피단 외무장관이 2일 서울에 도착했다.\n\n"
     "튀르키예 외무장관은 가자지구 상황이 더 악화될 수 있다고 경고했다."),
]


@pytest.mark.parametrize(("lang", "type_", "person", "text"), _HELD, ids=[f"{c[0]}-{i}" for i, c in enumerate(_HELD)])
def test_a_countrys_title_stands_for_its_holder_named_before(
        backend: RulesBackend, lang: str, type_: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert person in actor_names(found[0])


#: (language, claim type, the person who holds the office for another country, the holder
#: wanted or None, text)
_OTHERS = [
    ("zh", "refusal", "Donald Trump", None,
     "北京，2025年6月2日 -\n\n美国总统特朗普2日抵达北京。\n\n俄罗斯总统表示，俄方不会接受任何最后通牒。"),
    ("ja", "refusal", "Donald Trump", None,
     "東京、2025年6月2日 -\n\n米国のトランプ大統領は2日、東京に到着した。\n\nロシアの大統領は、西側の制裁には屈しないと述べた。"),
    ("zh", "pledge", "Donald Trump", "Emmanuel Macron",
     "北京，2025年6月2日 -\n\n法国总统马克龙和美国总统特朗普2日在巴黎会晤。\n\n法国总统表示，法国将向乌克兰提供更多援助。"),
]


@pytest.mark.parametrize(("lang", "type_", "other", "holder", "text"), _OTHERS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(_OTHERS)])
def test_a_countrys_title_never_stands_for_another_countrys_holder(
        backend: RulesBackend, lang: str, type_: str, other: str, holder: str | None, text: str) -> None:
    names = actor_names(of_type(backend, text, lang, type_)[0])
    assert other not in names
    assert holder is None or holder in names
