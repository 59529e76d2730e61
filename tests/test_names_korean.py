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


@pytest.mark.parametrize(("name", "english"), [
    ("토카예프", "Tokayep"),         # 토 To is a family name; 프 is no Korean syllable
    ("세르게이", "Sergei"),          # 세 Se is a family name too
    ("푸틴", "Putin"),
    ("블라디미르 푸틴", "Beulradimir Putin"),  # a space after no family name
    ("마크롱", "Makrong"),           # 마 Ma, but 크
    ("바실리예프스키", "Basilriyepski"),  # past four syllables
])
def test_a_foreign_name_in_hangul_is_spelt_plainly_not_as_a_korean_name(name: str, english: str) -> None:
    """Only a name of a Korean family name and up to four syllables with none a foreign
    name's added "ㅡ" (브, 프, 르, 스, 크) takes the Korean order and hyphen; others read
    syllable by syllable, that "eu" dropped."""
    assert romanised(name, "ko") == english


@pytest.mark.parametrize(("name", "english"), [
    ("김", "Kim"),                   # a family name alone
    ("남궁민수", "Namgung Min-soo"),  # four syllables, a family name of two
    ("김 민준", "Kim Min-jun"),       # a space after the family name
    ("정은경", "Jung Eun-kyung"),     # 은, 경: ㅡ with a final consonant
    ("이승만", "Lee Seung-man"),
])
def test_korean_shaped_names_keep_the_korean_romanisation(name: str, english: str) -> None:
    assert romanised(name, "ko") == english


def test_a_lone_added_vowel_syllable_is_no_name() -> None:
    assert romanised("으", "ko") is None


def test_a_foreign_name_in_a_korean_claim_is_no_korean_name() -> None:
    """The actor of a claim whose speaker no gazetteer knows is the plain spelling."""
    from claimkit.extract.rules import RulesBackend
    from tests._rules_helpers import actors_by_type

    found = actors_by_type(RulesBackend(), "토카예프 대통령은 20일 국경을 열지 않겠다고 밝혔다.", "ko")
    assert found == {"refusal": ["Tokayep"]}
