"""A person no gazetteer knows, named after (or, in Korean, before) a title that the title
lists lacked, says the claim, not the country or body named with him: the heads of
bodies, parties, firms and cities and the envoys of news in the scripts without capitals
("代表", "董事长", "総裁", "会長", "社長", "幹事長", "시장", "회장", "원내대표",
"통상교섭본부장", "قائد", "المبعوث", "مدير") and in Cyrillic ("лидер", "постпред"); a
Korean name may stand before a long ministry and its title ("산업통상자원부") or a city
and its mayor ("서울시장"). The word before a title of a party, a firm or a city at home
must be a name of that language (a Korean family name and two syllables, a Han word
opening with a common Japanese family name).

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the titles were added, the guards are what they must
not do (no person made up of a word that is no name).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

#: (language, claim type, the person who says it, text)
_TITLED = [
    ("zh", "refusal", "Fu Cong", "中国常驻联合国代表傅聪2日表示，中方坚决反对任何单边制裁。"),
    ("zh", "pledge", "Dai Houliang", "中国石油董事长戴厚良2日承诺，公司将向灾区捐赠一亿元。"),
    ("ja", "warning", "Kazuo Ueda", "日本銀行の植田和男総裁は2日、物価上昇が続く可能性があると警告した。"),
    ("ja", "refusal", "Hiroshi Moriyama", "自民党の森山裕幹事長は2日、野党の要求には応じないと述べた。"),
    ("ja", "pledge", "Tsuneji Sato", "トヨタ自動車の佐藤恒治社長は2日、米国での生産を増やすと約束した。"),
    ("ko", "refusal", "Oh Se-hoon", "오세훈 서울시장은 2일 대중교통 요금을 올리지 않겠다고 밝혔다."),
    ("ko", "pledge", "Lee Jae-yong", "삼성전자 이재용 회장은 2일 미국에 추가 투자를 하겠다고 약속했다."),
    ("ru", "warning", "Leonid Slutsky", "Лидер ЛДПР Леонид Слуцкий предупредил, что Россия ответит на санкции."),
    ("ru", "warning", "Kirill Logvinov",
     "Постпред России при ЕС Кирилл Логвинов предупредил, что Москва ответит на новые санкции."),
    ("ar", "warning", "Sami al-Kurdi", "حذر قائد الجيش سامي الكردي من أن الحرب قد تمتد إلى لبنان."),
    ("ar", "warning", "Sami al-Kurdi", "حذر المبعوث الأممي سامي الكردي من أن الحرب قد تمتد إلى لبنان."),
    ("ar", "pledge", "Sami al-Kurdi", "تعهد مدير الوكالة سامي الكردي بتقديم مساعدات إنسانية إلى غزة."),
]


@pytest.mark.parametrize(("lang", "type_", "person", "text"), _TITLED,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(_TITLED)])
def test_a_person_named_with_a_title_says_the_claim(
        backend: RulesBackend, lang: str, type_: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert person in actor_names(found[0])


#: (language, claim type, the people the text names, text): a title word with no name
#: beside it, or a word that only holds one ("代表团", the delegation; "대표단"; "노동당",
#: the party between a name and its title; "経団連", the business federation)
_NO_NAME = [
    ("zh", "pledge", (), "欧盟代表团2日表示，欧盟将向乌克兰提供新的援助。"),
    ("ko", "pledge", (), "한국 대표단은 2일 우크라이나에 인도적 지원을 제공하겠다고 약속했다."),
    ("ko", "warning", ("Kim Yo Jong",), "북한 김여정 노동당 부부장은 2일 한국이 도발을 계속하면 대가를 치를 것이라고 경고했다."),
    ("ru", "refusal", (), "Лидер партии заявил, что Россия не примет ультиматумов."),
    ("ar", "warning", (), "وحذر قائد الجيش من أن الحرب قد تمتد إلى لبنان."),
    # a word of time or a party before a party's title: a Korean name is a family name and
    # two syllables ("이날", that day; "국민의힘", the party)
    ("ko", "refusal", (), "이날 더불어민주당 대표는 정부의 예산안을 받아들이지 않겠다고 밝혔다."),
    ("ko", "pledge", (), "한편 국민의힘 원내대표는 정부의 예산안을 지지하겠다고 약속했다."),
    # a body's abbreviation before its head's title opens with no Japanese family name
    ("ja", "pledge", (), "経団連会長は2日、賃上げを続けると約束した。"),
]


@pytest.mark.parametrize(("lang", "type_", "people", "text"), _NO_NAME,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(_NO_NAME)])
def test_a_title_makes_no_person_of_a_word_that_is_no_name(
        backend: RulesBackend, lang: str, type_: str, people: tuple[str, ...], text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    persons = [a.label for a in found[0].fields.get("actor") or [] if a.kind.value == "person"]
    assert set(persons) <= set(people), persons
