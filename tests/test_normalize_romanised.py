"""Han names of Taiwanese officials in the Wade-Giles spelling Taiwan's press and passports
use ("林佳龍" -> "Lin Chia-lung"), while other Chinese names stay in Hanyu pinyin."""

from __future__ import annotations

import pytest

from claimkit.normalize._names import romanised


@pytest.mark.parametrize(("name", "english"), [
    ("林佳龍", "Lin Chia-lung"),      # j -> ch, ong -> ung
    ("卓榮泰", "Cho Jung-tai"),       # zh -> ch, uo -> o, r -> j
    ("顧立雄", "Ku Li-hsiung"),       # g -> k, x -> hs, iong -> iung
    ("謝長廷", "Hsieh Chang-ting"),   # ie -> ieh
    ("呂秀蓮", "Lu Hsiu-lien"),       # ü -> u, ian -> ien
    ("江宜樺", "Chiang I-hua"),       # iang stays, yi -> i
    ("陳時中", "Chen Shih-chung"),    # shi -> shih
    ("曾永權", "Tseng Yung-chuan"),   # a family name read otherwise: 曾 Zeng -> Tseng
    ("李鴻鈞", "Lee Hung-chun"),      # the family name as Taiwan writes it
])
def test_taiwanese_names_in_wade_giles(name: str, english: str) -> None:
    assert romanised(name, "zh-TW") == english


def test_other_chinese_names_stay_in_pinyin() -> None:
    assert romanised("林佳龙", "zh") == "Lin Jialong"
    assert romanised("王文涛", "zh") == "Wang Wentao"
