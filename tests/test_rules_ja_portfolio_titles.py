"""Japanese ministers named by surname and their portfolio's full title: "佐藤防衛大臣",
"鈴木財務大臣", "高橋農林水産大臣". The long form of a minister's title (portfolio + 大臣)
is a title of the gazetteer as the short one (防衛相, 財務相) is; before, only 外務大臣 and
the vice-ministers were, and the portfolio was read as the person's given name
("佐藤防衛大臣" gave "Bouei Sato").

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

#: (text, the host wanted first): the surname alone, romanised, with no portfolio in it
_PORTFOLIO = [
    ("佐藤防衛大臣は17日、来日したブリンケン国務長官と防衛省で会談しました。", "Sato"),
    ("鈴木財務大臣は17日、ブリンケン国務長官と東京で会談しました。", "Suzuki"),
    ("高橋環境大臣は17日、ブリンケン国務長官と会談しました。", "Takahashi"),
    ("高橋農林水産大臣は17日、ブリンケン国務長官と会談しました。", "Takahashi"),
    ("佐藤健防衛大臣は17日、ブリンケン国務長官と会談しました。", "Takeshi Sato"),
]


@pytest.mark.parametrize(("text", "wanted"), _PORTFOLIO)
def test_a_portfolio_title_is_no_given_name(backend: RulesBackend, text: str, wanted: str) -> None:
    got = actors_of(backend, text, "ja", "meeting")
    assert got[0] == wanted, got
    assert "Antony Blinken" in got, got


#: guards: a title listed before (外務大臣, 防衛相) reads as it did
_GUARDS = [
    ("田中外務大臣は17日、ブリンケン国務長官と会談しました。", "Tanaka"),
    ("佐藤防衛相は17日、ブリンケン国務長官と会談しました。", "Sato"),
]


@pytest.mark.parametrize(("text", "wanted"), _GUARDS)
def test_titles_listed_before_stay(backend: RulesBackend, text: str, wanted: str) -> None:
    got = actors_of(backend, text, "ja", "meeting")
    assert got[0] == wanted, got
