"""Han names in a Chinese text written in Traditional characters read as Taiwan writes
them, Wade-Giles with a hyphen ("Cho Jung-tai"), unless the title names the mainland;
a text in Simplified characters keeps pinyin."""

from __future__ import annotations

import pytest

from claimkit.normalize import _names
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(("text", "traditional"), [
    ("經濟部長週四表示，政府將擴大對農民的補助。", True),
    ("经济部长周四表示，政府将扩大对农民的补助。", False),
    ("總統說", True),
    ("日本", False),
])
def test_traditional_text(text: str, traditional: bool) -> None:
    assert _names.traditional_chinese(text) is traditional


@pytest.mark.parametrize(("text", "english"), [
    ("衛生福利部長邱泰源週五表示，政府將向醫院提供更多補助。", "Chiu Tai-yuan"),
    ("經濟部長郭智輝週四表示，政府將向農民提供補助。", "Kuo Chih-hui"),
])
def test_traditional_text_reads_names_in_wade_giles(backend, text: str, english: str) -> None:
    assert english in actors_of(backend, text, "zh", "pledge")


def test_simplified_text_keeps_pinyin(backend) -> None:
    text = "经济部长郭智辉周四表示，政府将向农民提供补助。"
    assert "Guo Zhihui" in actors_of(backend, text, "zh", "pledge")
