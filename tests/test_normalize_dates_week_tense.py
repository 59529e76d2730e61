"""Weeks that span two months, tense read to the end of a verb-final clause, and a language's
own words that open a reported clause (issue 13, event dates of the offline rules backend;
session of 2026-12-02, ``dat17``). Every sentence is written for these tests.

Each positive case failed before: a week spanning two months gave no month at all ("来週"
read on Wednesday 21 October 2026), a Turkish or Korean weekday whose future verb stood
more than 80 characters after it was read as the last one, and Croatian "rekao je u srijedu
da će ..." (said on Wednesday that ... will) read the "će" of the reported clause as the
weekday's tense.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize.dates import find_dates, next_week

#: Wednesday 21 October 2026: next week runs from 26 October to 1 November
_OCT = dt.date(2026, 10, 21)
#: Thursday 12 March 2026
_MAR = dt.date(2026, 3, 12)
#: Thursday 19 March 2026
_HR = dt.date(2026, 3, 19)


def _found(text: str, lang: str, published: dt.date) -> list[tuple[str, str | None]]:
    return [(m.text, m.date.value) for m in find_dates(text, published=published, language=lang)]


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("ja", "首相は来週、ワシントンを訪れる。", "2026-10"),
    ("ko", "두 장관은 다음 주 화상 회의를 연다.", "2026-10"),
    ("zh", "双方将于下周举行新一轮磋商。", "2026-10"),
])
def test_a_week_spanning_two_months_is_the_month_of_its_thursday(lang: str, text: str, value: str) -> None:
    assert [v for _, v in _found(text, lang, _OCT)] == [value]


def test_next_week_of_an_event_still_to_happen_spanning_two_months() -> None:
    text = "Наглядова рада збереться наступного тижня у Варшаві."
    ref = next_week(text, 0, len(text), _OCT)
    assert ref is not None and ref.value == "2026-10"


def test_a_week_whose_thursday_is_in_the_next_month_is_that_month() -> None:
    # Wednesday 25 March 2026: next week runs from 30 March to 5 April, its Thursday is 2 April
    assert [v for _, v in _found("首相は来週、ワシントンを訪れる。", "ja", dt.date(2026, 3, 25))] == ["2026-04"]
    # a week within one month stays that month
    assert [v for _, v in _found("首相は来週、ワシントンを訪れる。", "ja", _MAR)] == ["2026-03"]


@pytest.mark.parametrize(("lang", "text", "value"), [
    # the future verb stands past the first 80 characters after the weekday (pub. Thursday 12 March)
    ("tr", "Dışişleri Bakanının cuma günü Berlin'de Alman mevkidaşıyla göç ve vize serbestisi ile "
           "savunma sanayii iş birliği konularında kapsamlı bir görüşme yapması planlanıyor.", "2026-03-13"),
    ("ko", "외교부 장관은 월요일 서울 외교부 청사에서 미국 국무장관과 만나 한반도 정세와 공급망 협력 "
           "에너지 안보 등 여러 현안에 대해 폭넓게 논의하고 공동 기자회견을 할 예정이다.", "2026-03-16"),
])
def test_a_verb_final_clause_is_read_to_its_end(lang: str, text: str, value: str) -> None:
    assert [v for _, v in _found(text, lang, _MAR)] == [value]


@pytest.mark.parametrize(("lang", "text", "value"), [
    # the same clauses in the past: the last Monday
    ("tr", "Dışişleri Bakanı cuma günü Berlin'de Alman mevkidaşıyla göç ve vize serbestisi ile "
           "savunma sanayii iş birliği konularında kapsamlı bir görüşme yaptı.", "2026-03-06"),
    ("ko", "외교부 장관은 월요일 서울 외교부 청사에서 미국 국무장관과 만나 한반도 정세와 공급망 협력 "
           "에너지 안보 등 여러 현안에 대해 폭넓게 논의하고 공동 기자회견을 했다.", "2026-03-09"),
    # a future cue of the next sentence is not this one's
    ("tr", "Bakan cuma günü Berlin'de görüştü. Yeni bir toplantı yapılacak.", "2026-03-06"),
])
def test_a_past_verb_final_clause_keeps_the_last_weekday(lang: str, text: str, value: str) -> None:
    assert [v for _, v in _found(text, lang, _MAR)][:1] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("Ministrica je u srijedu najavila da će vlada podići minimalnu plaću.", "2026-03-18"),
    ("Ministar je u ponedjeljak izjavio kako će vlada uvesti nove mjere.", "2026-03-16"),
])
def test_a_croatian_reported_clause_has_its_own_tense(text: str, value: str) -> None:
    assert [v for _, v in _found(text, "hr", _HR)] == [value]


def test_a_croatian_weekday_in_the_future_stays_ahead() -> None:
    assert [v for _, v in _found("Sastanak će se održati u srijedu.", "hr", _HR)] == ["2026-03-25"]
    assert [v for _, v in _found("Ministri će se u srijedu sastati u Zagrebu.", "hr", _HR)] == ["2026-03-25"]
