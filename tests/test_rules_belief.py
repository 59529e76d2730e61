"""What someone hopes, expects or believes others will do is not their commitment:
the verb of belief (the ``belief`` cue class) stands before the cue in its clause
("Zagreb očekuje da će Njemačka isporučiti") or, where a comma comes before the
complementizer ("Ukraina oczekuje, że Niemcy dostarczą": Ukraine expects that Germany
will deliver), ends the clause before the cue's. A verb of saying there keeps
the claim ("zapowiedział, że Polska przekaże"), and threats and meetings are left alone.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type

_HOPES = [
    ("pl", "Ukraina oczekuje, że Niemcy dostarczą kolejne systemy Patriot."),
    ("pl", "Kijów liczy na to, że sojusznicy wyślą więcej pocisków."),
    ("ru", "Киев надеется, что Германия передаст ракеты Taurus."),
    ("ru", "Эксперты считают, что Франция направит войска в Румынию."),
    ("uk", "Україна розраховує, що Швеція передасть літаки Gripen."),
    ("hr", "Zagreb očekuje da će Njemačka isporučiti nove tenkove."),
    # verb-final languages: the belief verb after the cue
    ("ko", "전문가들은 독일이 우크라이나에 전차를 추가로 지원할 것으로 보고 있다."),
    ("ja", "ドイツは年内にも追加の戦車を供与するとみられる。"),
    ("tr", "Almanya'nın Ukrayna'ya yeni tanklar göndereceği bekleniyor."),
]


@pytest.mark.parametrize(("lang", "text"), _HOPES, ids=[f"{s[0]}:{s[1][:24]}" for s in _HOPES])
def test_a_hope_about_others_states_no_commitment(backend: RulesBackend, lang: str, text: str) -> None:
    claims = actors_by_type(backend, text, lang)
    assert "pledge" not in claims, claims


_KEPT = [
    ("pl", "Premier zapowiedział, że Polska przekaże Ukrainie kolejne czołgi.", "pledge"),
    ("ru", "Министр заявил, что Россия направит войска к границе.", "pledge"),
    ("ru", "В Кремле считают, что поставки ракет приведут к эскалации, предупредил Песков.", "warning"),
    ("pl", "Oczekuje się, że przywódcy spotkają się w Brukseli w przyszłym tygodniu.", "meeting"),
    # a meeting the press says is expected (impersonal ``expected`` forms) is scheduled
    ("de", "Es wird erwartet, dass sich die Außenminister Polens und Litauens in Wilna treffen.", "meeting"),
    ("tr", "Türkiye ve Yunanistan dışişleri bakanlarının cuma günü Atina'da görüşmesi bekleniyor.", "meeting"),
    ("ja", "日中の外相は金曜日に北京で会談するとみられる。", "meeting"),
    ("ko", "한국과 일본 외교장관은 금요일 도쿄에서 회담할 전망이다.", "meeting"),
    ("zh", "中日外长预计将于周五在北京会晤。", "meeting"),
    ("id", "Menteri luar negeri Indonesia dan Malaysia diperkirakan bertemu di Jakarta pada Jumat.", "meeting"),
    ("ko", "독일은 우크라이나에 전차를 추가로 지원할 것이라고 밝혔다.", "pledge"),
    ("tr", "Almanya, Ukrayna'ya yeni tanklar göndereceğini açıkladı.", "pledge"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _KEPT, ids=[f"{s[0]}:{s[1][:24]}" for s in _KEPT])
def test_saying_threats_and_meetings_stay(backend: RulesBackend, lang: str, text: str, type_: str) -> None:
    claims = actors_by_type(backend, text, lang)
    assert type_ in claims, claims
