"""Korean "전날" (the day before) as an adverb after a word its topic or subject particle
closes ("장관은 전날 ... 통화했다": the minister phoned the day before) is told from the
last day the text named; after a bare noun ("정상회담 전날": the day before the summit) it
names another event's eve and is no date. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

_PUBLISHED = dt.date(2026, 8, 12)
_LEAD = "외교부는 12일 성명을 냈다. "


@pytest.mark.parametrize("sentence", [
    "조현 외교부 장관은 전날 일본 외무상과 통화했다.",
    "대통령실 관계자는 전날 회의가 열렸다고 말했다.",
    "양국 장관이 전날 서울에서 만났다.",
    "국방부가 전날 훈련 계획을 발표했다.",
    "총리도 전날 같은 입장을 밝혔다.",
])
def test_the_day_before_after_a_particle_is_a_date(sentence: str) -> None:
    found = [m for m in find_dates(_LEAD + sentence, published=_PUBLISHED, language="ko") if m.text == "전날"]
    assert [m.date.value for m in found] == ["2026-08-11"]


@pytest.mark.parametrize("sentence", [
    "정상회담 전날 만찬이 열렸다.",
    "선거 전날 집회가 금지됐다.",
])
def test_the_eve_of_a_named_event_is_no_date(sentence: str) -> None:
    found = [m for m in find_dates(_LEAD + sentence, published=_PUBLISHED, language="ko") if m.text == "전날"]
    assert found == []
