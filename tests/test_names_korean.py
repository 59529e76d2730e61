"""Korean names in Hangul in English spelling: the family name as its bearers spell it
(이 Lee, 박 Park, 최 Choi), the given name's syllables in the Revised Romanization with the
customary spellings English news use ("yeong" young, "hun" hoon, initial "g" as "k" in
"gwang", "gwan", "gyu"), joined by a hyphen, the second syllable in lower case."""

from __future__ import annotations

import pytest

from claimkit.normalize._names import romanised


@pytest.mark.parametrize(("name", "english"), [
    ("박관호", "Park Kwan-ho"),       # 관 gwan -> kwan, as 광 gwang -> kwang
    ("최관식", "Choi Kwan-sik"),
])
def test_initial_g_of_gwan_is_k(name: str, english: str) -> None:
    assert romanised(name, "ko") == english


@pytest.mark.parametrize(("name", "english"), [
    ("이민호", "Lee Min-ho"),
    ("박서준", "Park Seo-jun"),
    ("최지훈", "Choi Ji-hoon"),       # hun -> hoon
    ("강영수", "Kang Young-soo"),     # yeong -> young, su -> soo
    ("한동석", "Han Dong-seok"),
    ("오세진", "Oh Se-jin"),
    ("권태광", "Kwon Tae-kwang"),
])
def test_family_name_and_hyphenated_given_name(name: str, english: str) -> None:
    assert romanised(name, "ko") == english
