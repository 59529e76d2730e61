"""claimkit.text: the one home of folding, script classification and word boundaries."""

from __future__ import annotations

import ast
import random
import re
import unicodedata
from pathlib import Path

import pytest

from claimkit.extract.rules.cues import load_cues
from claimkit.text import (
    CJK_SCRIPTS,
    SCRIPT_RANGES,
    Script,
    ascii_digits,
    dominant_script,
    fold,
    fold_case,
    is_cjk,
    is_katakana,
    is_unspaced,
    is_word_char,
    script_of,
    word_ok_after,
    word_ok_before,
    words,
    written_in,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "claimkit"

# ------------------------------------------------------------------ table


def test_script_ranges_do_not_overlap() -> None:
    spans = sorted((lo, hi) for ranges in SCRIPT_RANGES.values() for lo, hi in ranges)
    for (lo, hi), (next_lo, _) in zip(spans, spans[1:], strict=False):
        assert lo <= hi < next_lo, (hex(lo), hex(hi), hex(next_lo))


def test_every_letter_unicode_names_latin_is_latin() -> None:
    for o in [*range(0x10000), *range(0x1DF00, 0x1E000)]:
        c = chr(o)
        if c.isalpha() and unicodedata.name(c, "").startswith("LATIN"):
            assert script_of(c) is Script.LATIN, hex(o)


def test_cue_files_name_known_scripts() -> None:
    for name in load_cues().scripts():
        assert Script(name).value == name


# ------------------------------------------------------------ script_of


@pytest.mark.parametrize(("chars", "script"), [
    ("中國会议北京", Script.HAN),
    ("\u3400\u4db5", Script.HAN),  # extension A
    ("\uf900\ufa0e", Script.HAN),  # compatibility ideographs
    ("\U00020000\U0002a6a5\U00030000", Script.HAN),  # SIP (extension B) and TIP
    ("々〇⽇", Script.HAN),  # iteration mark, ideographic zero, Kangxi radical sun
    ("ひらがなを", Script.KANA),
    ("カタカナ・ー", Script.KANA),
    ("ｶﾀｶﾅ", Script.KANA),  # half-width
    ("ㇰㇱ", Script.KANA),  # phonetic extensions
    ("한국어회담", Script.HANGUL),
    ("\u1100\u1161\u11a8", Script.HANGUL),  # conjoining jamo
    ("ㄱㅏ", Script.HANGUL),  # compatibility jamo
    ("ﾡ", Script.HANGUL),  # half-width jamo
    ("встречаЖ", Script.CYRILLIC),  # Russian
    ("їєґІЇЄҐ", Script.CYRILLIC),  # Ukrainian
    ("ԁԃ", Script.CYRILLIC),  # Cyrillic Supplement
    ("اجتمعالقادة", Script.ARABIC),
    ("ݐ", Script.ARABIC),  # Arabic Supplement
    ("ﻻﺏ", Script.ARABIC),  # presentation forms
    ("HộinghịĐà", Script.LATIN),  # Vietnamese
    ("ŁódźŚląsk", Script.LATIN),  # Polish
    ("ıİşğ", Script.LATIN),  # Turkish
    ("ßẞäö", Script.LATIN),  # German
    ("Ａｚ", Script.LATIN),  # full-width
])
def test_script_of(chars: str, script: Script) -> None:
    for c in chars:
        assert script_of(c) is script, (c, hex(ord(c)))


@pytest.mark.parametrize("c", list("1 .,!?。、「αβאกअ€\ufeff\u0300") + ["\U0001f600"])
def test_script_of_none_for_digits_punctuation_and_other_scripts(c: str) -> None:
    assert script_of(c) is None


def test_is_cjk_and_is_katakana() -> None:
    assert all(is_cjk(c) for c in "中あカ한ｶ\U00020000")
    assert not any(is_cjk(c) for c in "aжب1 。")
    assert all(is_katakana(c) for c in "カタ・ーｶㇰ")
    assert not any(is_katakana(c) for c in "あ中한a")
    assert {Script.HAN, Script.KANA, Script.HANGUL} == CJK_SCRIPTS


@pytest.mark.parametrize(("s", "unspaced", "without_katakana"), [
    ("会談", True, True),
    ("ひらがな", True, True),
    ("カタカナ", True, False),
    ("ｶﾀｶﾅ", True, False),
    ("회담", True, True),
    ("في", True, True),
    ("Paris 巴黎", True, True),
    ("Paris", False, False),
    ("Москва", False, False),
    ("Kraków", False, False),
    ("", False, False),
])
def test_is_unspaced(s: str, unspaced: bool, without_katakana: bool) -> None:
    assert is_unspaced(s) is unspaced
    assert is_unspaced(s, katakana=False) is without_katakana


def test_written_in() -> None:
    latin_cyrillic = {Script.LATIN, Script.CYRILLIC}
    assert written_in("Hà Nội", latin_cyrillic, ignore=" ")
    assert written_in("Зеленський", latin_cyrillic)
    assert written_in("O'Brien-Smith", latin_cyrillic, ignore=" -'")
    assert not written_in("O'Brien", latin_cyrillic)
    assert not written_in("北京", latin_cyrillic)
    assert not written_in("G7", latin_cyrillic)  # digits are not letters
    assert written_in("", latin_cyrillic)


# ------------------------------------------------------- dominant_script


@pytest.mark.parametrize(("text", "script"), [
    ("欧洲领导人3月2日在伦敦开会。", Script.HAN),
    ("首脳らはロンドンで会談した。", Script.KANA),
    ("NATO防衛チーフスは協議", Script.KANA),  # kanji outnumber kana: still Japanese
    ("정상들은 런던에서 만났다.", Script.HANGUL),
    ("韓國 정상회담", Script.HANGUL),  # Korean quoting Han
    ("Лидеры встретились в Киеве.", Script.CYRILLIC),
    ("Зустріч відбулася у Києві.", Script.CYRILLIC),
    ("اجتمع القادة في باريس.", Script.ARABIC),
    ("Các nhà lãnh đạo đã họp tại Hà Nội.", Script.LATIN),
    ("Spotkanie odbyło się w Warszawie.", Script.LATIN),
    ("Işık ve Ağaç", Script.LATIN),
    ("Die Straße", Script.LATIN),
    ("Leaders met in Paris.", Script.LATIN),
    ("", Script.LATIN),
    ("2025 — 100 €", Script.LATIN),  # no letters at all
    ("Ελλάδα", Script.LATIN),  # Greek is not in the table: the default
    ("\U00020000\U00020001 a", Script.HAN),
])
def test_dominant_script(text: str, script: Script) -> None:
    assert dominant_script(text) is script


def test_dominant_script_tie_goes_to_the_script_seen_first() -> None:
    assert dominant_script("ж a") is Script.CYRILLIC
    assert dominant_script("a ж") is Script.LATIN
    assert dominant_script("ب жж bb") is Script.CYRILLIC


def _reference_dominant(text: str) -> Script:
    """The definition, one character at a time (what the regex counting must equal)."""
    counts: dict[Script, int] = {}
    for c in text:
        s = script_of(c)
        if s is not None:
            counts[s] = counts.get(s, 0) + 1
    if not counts:
        return Script.LATIN
    if counts.get(Script.KANA, 0) >= 2:
        return Script.KANA
    if counts.get(Script.HANGUL, 0) > counts.get(Script.HAN, 0):
        return Script.HANGUL
    return max(counts, key=lambda k: counts[k])  # ties: first seen


def test_dominant_script_equals_per_character_count() -> None:
    rng = random.Random(7)
    pool = "abcé Đ,.1会談议をのカタ회담한встречаїاجتمع€。\U00020000"
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        assert dominant_script(text) is _reference_dominant(text), text


# --------------------------------------------------------- word boundaries


def test_is_word_char() -> None:
    assert all(is_word_char(c) for c in "aZ9éжїبệłıß\u0301")  # \u0301: a combining mark
    assert not any(is_word_char(c) for c in " .,-'’。中あカ한")


def test_word_boundaries() -> None:
    text = "Paris, Parisian"
    assert word_ok_before(text, 0) and word_ok_after(text, 5)
    assert word_ok_before(text, 7) and not word_ok_after(text, 12)
    assert not word_ok_before(text, 8)
    assert word_ok_before("中国Paris", 2)  # Han does not glue to a Latin word
    assert word_ok_after("Paris中国", 5)


def test_arabic_proclitic_may_precede_a_word() -> None:
    text = "وباريس"  # "and Paris"
    assert word_ok_before(text, 1)
    assert not word_ok_before("سباريس", 1)  # a letter that is not a proclitic
    assert not word_ok_before("قوباريس", 2)  # a proclitic inside a word


# ----------------------------------------------------------------- folding


@pytest.mark.parametrize(("s", "folded"), [
    ("Emmanuel Macron", "emmanuel macron"),
    ("Jean’s", "jean's"),
    ("ＮＡＴＯ", "ｎａｔｏ"),
    ("МОСКВА", "москва"),
    ("ЇЖАК", "їжак"),
    ("İZMİR", "İzmİr"),  # İ lower-cases to two code points: kept
    ("IŞIK", "işik"),  # not locale-aware: I -> i
    ("STRAẞE", "straße"),
    ("Hà Nội", "hà nội"),
    ("北京カタ한국", "北京カタ한국"),
])
def test_fold_case(s: str, folded: str) -> None:
    assert fold_case(s) == folded
    assert len(fold_case(s)) == len(s)


def test_fold_case_keeps_every_length() -> None:
    tricky = "".join(chr(o) for o in range(0x10000) if not 0xD800 <= o <= 0xDFFF)
    assert len(fold_case(tricky)) == len(tricky)
    assert any(len(c.lower()) > 1 for c in tricky)  # the test does test something


@pytest.mark.parametrize(("a", "b"), [
    ("Péter Szijjártó", "peter szijjarto"),
    ("Jean-Noël Barrot", "jean noel barrot"),
    ("Łódź", "lodz"),
    ("Đà Nẵng", "da nang"),
    ("Hà Nội", "HA NOI"),
    ("Straße", "STRASSE"),
    ("İstanbul", "istanbul"),
    ("Işık", "isik"),
    ("Lars Løkke", "lars lokke"),
    ("Œuvre", "oeuvre"),
    ("U.S.", "u s"),
    ("a _ b", "a b"),
    ("ＮＡＴＯ", "nato"),
])
def test_fold_equivalences(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_kana_voicing_and_hangul_syllables() -> None:
    assert fold("パリ") != fold("ハリ")  # Paris is not "hari"
    assert fold("バイデン") == "バイデン"
    assert fold("ﾊﾟﾘ") == fold("パリ")  # half-width kana with a separate mark
    assert fold("서울") == "서울"  # syllables, not the jamo NFKD splits them into


def test_fold_values() -> None:
    assert fold("Péter Szijjártó") == "peter szijjarto"
    assert fold("  Kyiv's  mayor!  ") == "kyiv s mayor"
    assert fold("北京") == "北京"
    assert words("Emmanuel Macron's") == ["emmanuel", "macron", "s"]
    assert words("") == []


# ------------------------------------------------ one implementation only

_OWNED = re.compile(
    r"fold|script|unspaced|wide|cjk|kana|katakana|hangul|latin|cyrillic|arabic|word_ok|word_char"
    r"|ascii_digit"
)
_ALLOWED = {"scripts"}  # CueBook.scripts: languages grouped by script, not a classifier


def test_no_other_module_defines_folding_or_script_classifiers() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [node.name]
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            offenders += [f"{path.relative_to(SRC)}:{node.lineno} {name}" for name in names
                          if _OWNED.search(name.lower()) and name not in _ALLOWED]
    assert not offenders, "use claimkit.text instead of: " + ", ".join(offenders)


@pytest.mark.parametrize(("written", "expected"), [
    ("٣٥٠", "350"), ("۲۵۰۰", "2500"), ("१२", "12"), ("１２０", "120"), ("৫", "5"),
    ("٣٫٥ مليار", "3.5 مليار"), ("٢٬٠٠٠", "2,000"), ("2،000", "2,000"),
    ("25 июня", "25 июня"), ("二〇二五年", "二〇二五年"), ("①", "①"), ("²", "²"),
    ("قال، إن", "قال, إن"), ("٣ مارس، ٢٠٢٦", "3 مارس, 2026"),
])
def test_ascii_digits_folds_decimal_digits_only_keeping_the_length(written: str, expected: str) -> None:
    # decimal digits of any script and the Arabic number marks; not Han numerals, circled
    # or superscript digits (no decimal value), so every offset stays where it was
    assert ascii_digits(written) == expected and len(expected) == len(written)


def test_ascii_digits_folds_every_digit_past_ascii_and_no_other_character() -> None:
    # every code point: the digits of other scripts become ASCII ones, nothing else changes
    # (what the lookahead form "(?![0-9])\\d" of the search picked, tried at every character)
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = ascii_digits(every)
    changed = {c for c, f in zip(every, folded, strict=True) if c != f}
    assert changed == {c for c in every if re.fullmatch(r"(?![0-9])\d", c)} | {"\u066b", "\u066c", "\u060c"}
    assert len(changed) > 600


def test_is_word_char_past_ascii_is_what_its_category_and_script_say() -> None:
    # the memoised answer for a character past ASCII, asked twice, is the plain test's
    sample = [chr(c) for c in range(0x80, 0x3100, 7)] + list("éжїبệłıß\u0301中あカ한")
    for c in sample + sample:
        plain = (c.isalnum() or unicodedata.category(c) == "Mn") and not is_cjk(c)
        assert is_word_char(c) is plain, repr(c)


def test_ascii_digits_returns_the_text_itself_when_nothing_changes() -> None:
    # callers (find_dates) test ``source is text`` to know whether to map words back
    for written in ("25 июня 2026", "二〇二五年三月", "قال إن", "plain ASCII 2026"):
        assert ascii_digits(written) is written


def test_grounding_and_the_llm_numbers_fold_digits_with_the_one_function() -> None:
    from claimkit.extract.llm import numbers
    from claimkit.grounding._normalize import normalize

    assert numbers.ascii_digits is ascii_digits
    assert normalize("تعهد بـ٣٥٠ مليون") == normalize("تعهد بـ350 مليون")
