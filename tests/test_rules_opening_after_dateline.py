"""The subject a Turkish sentence sets off with a comma, in a lead that opens with a
dateline: "ANKARA, 3 Mart 2026 (AA) – Dışişleri Bakanı X, ... uyarısında bulundu". The
sentence's subject opens after the dateline's dash, not with the place the story was filed
from (whose comma ended the "first clause" before: no subject found, and the names in the
genitive inside the warning, a group and a country, were taken as its actor).

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

#: (text, type, the actors wanted first): the person the lead's comma sets off leads the
#: claim, not the genitive subjects of the clause he states
_AFTER_DATELINE = [
    ("Fidan'dan Hamas'a uyarı\n\nANKARA, 3 Mart 2026 (AA) – Dışişleri Bakanı Hakan Fidan, Hamas'ın "
     "ateşkese uymaması halinde İsrail'in yeni bir saldırı başlatabileceği uyarısında bulundu.",
     "warning", ["Hakan Fidan"]),
    ("ANKARA, 3 Mart 2026 (AA) – Dışişleri Bakanı Hakan Fidan, Rusya'nın ve Ukrayna'nın "
     "müzakerelere dönmemesi halinde savaşın yayılabileceği uyarısında bulundu.",
     "warning", ["Hakan Fidan"]),
    ("İSTANBUL, 3 Mart 2026 (AA) – Cumhurbaşkanı Recep Tayyip Erdoğan, İsveç'in "
     "taahhütlerini yerine getirmemesi halinde Türkiye'nin onayı geri çekebileceği uyarısında bulundu.",
     "warning", ["Recep Tayyip Erdogan"]),
]


@pytest.mark.parametrize(("text", "type_", "wanted"), _AFTER_DATELINE)
def test_the_subject_after_a_dateline_leads(backend: RulesBackend, text: str, type_: str,
                                             wanted: list[str]) -> None:
    got = actors_of(backend, text, "tr", type_)
    assert got[: len(wanted)] == wanted, got
    assert "Hamas" not in got and "Russia" not in got and "Sweden" not in got, got


#: guards: no dateline, the sentence's own first name is its subject as before; a dateline
#: whose lead's subject is a country; a capital opening a sentence that is no dateline
_GUARDS = [
    ("Dışişleri Bakanı Hakan Fidan, Hamas'ın ateşkese uymaması halinde İsrail'in yeni bir "
     "saldırı başlatabileceği uyarısında bulundu.", "warning", ["Hakan Fidan"]),
    ("ANKARA, 3 Mart 2026 (AA) – Türkiye, Avrupa Birliği'nin yeni yaptırımlarına katılmayacak.",
     "refusal", ["Turkey"]),
    ("Ankara, Avrupa Birliği'nin yeni yaptırımlarına katılmayacak.", "refusal", ["Turkey"]),
]


@pytest.mark.parametrize(("text", "type_", "wanted"), _GUARDS)
def test_without_a_dateline_the_opening_subject_is_unchanged(backend: RulesBackend, text: str, type_: str,
                                                             wanted: list[str]) -> None:
    got = actors_of(backend, text, "tr", type_)
    assert got[: len(wanted)] == wanted, got
