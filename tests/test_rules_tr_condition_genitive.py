"""A Turkish official's warning names, after him, the subject of the clause he states in
the genitive ("Türkiye'nin ... uygulayacağı": that Turkey will apply), but not the subject
of a condition before it ("Avrupa Birliği'nin kotaları kaldırmaması halinde": if the EU
does not lift the quotas), whom the warning is addressed to; names coordinated in that
condition ("Rusya'nın ve Çin'in ... durumunda") are all left out. Before, they were all
taken as actors beside the official.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

_OFFICIAL = ["Ahmet Yılmaz", "Turkey"]


@pytest.mark.parametrize("text", [
    "Ticaret Bakanı Ahmet Yılmaz, Avrupa Birliği'nin kotaları kaldırmaması halinde Türkiye'nin ek gümrük "
    "vergisi uygulayacağı uyarısında bulundu.",
    "Ticaret Bakanı Ahmet Yılmaz, Rusya'nın ve Çin'in anlaşmaya uymaması durumunda Türkiye'nin karşılık "
    "vereceği uyarısında bulundu.",
])
def test_the_condition_subject_is_no_actor(backend: RulesBackend, text: str) -> None:
    assert actors_of(backend, text, "tr", "warning") == _OFFICIAL


#: guards: the subjects of the stated clause stay, coordinated or alone
@pytest.mark.parametrize(("text", "type_", "wanted"), [
    ("Tarım Bakanı Ahmet Yılmaz, Türkiye'nin su salımını artırmayacağını söyledi.", "refusal", _OFFICIAL),
    ("Ticaret Bakanı Ahmet Yılmaz, Yunanistan'ın ve Türkiye'nin yeni bir anlaşma imzalayacağını söyledi.",
     "pledge", ["Ahmet Yılmaz", "Greece", "Turkey"]),
])
def test_the_stated_clause_subjects_stay(backend: RulesBackend, text: str, type_: str, wanted: list[str]) -> None:
    assert actors_of(backend, text, "tr", type_) == wanted
