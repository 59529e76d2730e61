"""Names in English spelling: Han names of Taiwanese officials in the Wade-Giles spelling
Taiwan's press and passports use ("林佳龍" -> "Lin Chia-lung"), while other Chinese names
stay in Hanyu pinyin; foreign names written in katakana with the sounds of other languages
as one syllable and the vowels katakana adds dropped ("ジョコ・ウィドド" -> "Joko Widodo")."""

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


@pytest.mark.parametrize(("name", "english"), [
    ("ジョコ・ウィドド", "Joko Widodo"),         # ウィ is "wi", not "ui"
    ("プラボウォ・スビアント", "Prabowo Subianto"),  # ウォ "wo"; the u of プ before r
    ("ナレンドラ・モディ", "Narendra Modi"),      # the o of ド before r
    ("アンワル・イブラヒム", "Anwar Ibrahim"),     # a closing r; a last "mu"
    ("ユスフ・シャリフ", "Yusuf Sharif"),         # a last "fu"
    ("ヴァレリー・ジェンキンス", "Vareri Jenkins"),  # ヴァ, ジェ; long vowels single; a last "su"
    ("マッテオ・ベッティーニ", "Matteo Bettini"),   # ッ doubles the next consonant, also before ティ
    ("テレサ・ラザロ", "Teresa Razaro"),          # katakana does not tell r from l
])
def test_foreign_names_in_katakana(name: str, english: str) -> None:
    assert romanised(name, "ja") == english


def test_japanese_names_in_kanji_keep_hepburn() -> None:
    assert romanised("林田健一", "ja") == "Kenichi Hayashida"
