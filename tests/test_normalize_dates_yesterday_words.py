"""Yesterday-class words as news writes them (issue 13, event dates of the offline rules
backend; session of 2026-12-02, ``dat17``): the adjectives of yesterday and tomorrow ("beim
gestrigen Treffen", "dünkü toplantıda", "на вчерашней встрече": at yesterday's meeting), the
kana forms Japanese broadcasters write ("きのう", "きょう", "あす"), and Indonesian "kemarin"
after a weekday, which is that weekday's "last" ("Senin kemarin": last Monday), not
yesterday. Every sentence is written for these tests; each positive case failed before.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize.dates import find_dates

#: Thursday 12 March 2026
_PUBLISHED = dt.date(2026, 3, 12)


def _found(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date.value) for m in find_dates(text, published=_PUBLISHED, language=lang)]


@pytest.mark.parametrize(("lang", "text", "words", "value"), [
    ("de", "Beim gestrigen Treffen sagte die Ministerin weitere Hilfen zu.", "gestrigen", "2026-03-11"),
    ("de", "Das morgige Gipfeltreffen soll in Brüssel stattfinden.", "morgige", "2026-03-13"),
    ("tr", "Bakan dünkü toplantıda yeni bir yardım paketi açıkladı.", "dünkü", "2026-03-11"),
    ("tr", "Yarınki zirvede iki lider bir araya gelecek.", "Yarınki", "2026-03-13"),
    ("ru", "На вчерашней встрече министр пообещал новую помощь.", "вчерашней", "2026-03-11"),
    ("uk", "На вчорашній зустрічі міністр пообіцяв нову допомогу.", "вчорашній", "2026-03-11"),
    ("pl", "Na wczorajszym spotkaniu minister obiecał nową pomoc.", "wczorajszym", "2026-03-11"),
    ("hr", "Na jučerašnjem sastanku ministar je obećao novu pomoć.", "jučerašnjem", "2026-03-11"),
    ("hr", "Na sutrašnjem sastanku ministri će razgovarati o granici.", "sutrašnjem", "2026-03-13"),
    ("ja", "外相はきのう、記者団の取材に応じた。", "きのう", "2026-03-11"),
    ("ja", "首相はきょう、国会で答弁する。", "きょう", "2026-03-12"),
    ("ja", "両首脳はあす、東京で会談する。", "あす", "2026-03-13"),
])
def test_a_yesterday_class_word(lang: str, text: str, words: str, value: str) -> None:
    assert _found(text, lang) == [(words, value)]


@pytest.mark.parametrize(("text", "found"), [
    # a weekday before "kemarin" is the last one: Monday 9 March, no yesterday beside it
    ("Menteri bertemu mitranya pada Senin kemarin di Jakarta.", [("Senin", "2026-03-09")]),
    # the weekday of publication before "kemarin" is the one a week before
    ("Kedua menteri bertemu pada Kamis kemarin.", [("Kamis", "2026-03-05")]),
])
def test_indonesian_kemarin_after_a_weekday_is_its_last(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(text, "id") == found


@pytest.mark.parametrize(("text", "found"), [
    # alone, at a sentence start, or in "kemarin lusa" (the day before yesterday) it stays
    ("Menteri bertemu mitranya kemarin di Jakarta.", [("kemarin", "2026-03-11")]),
    ("Kemarin, menteri bertemu mitranya di Jakarta.", [("Kemarin", "2026-03-11")]),
    ("Menteri bertemu mitranya kemarin lusa di Jakarta.", [("kemarin lusa", "2026-03-10")]),
])
def test_indonesian_kemarin_alone_is_yesterday(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(text, "id") == found


@pytest.mark.parametrize(("lang", "text"), [
    # today's is also "present-day": no date
    ("hr", "Današnja Hrvatska nije ista zemlja kao prije trideset godina."),
    ("ru", "Сегодняшняя Россия живёт под санкциями."),
])
def test_todays_adjective_is_no_date(lang: str, text: str) -> None:
    assert _found(text, lang) == []
