"""Russian "накануне" and Ukrainian "напередодні" (the day before) as an adverb before a
preposition or a verb in the past ("Накануне в Минске ...", "накануне заявил") are the day
before the day the text named last; before a noun ("накануне саммита", "напередодні
виборів") they name another event's eve and are no date. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

_PUBLISHED = dt.date(2026, 3, 8)
_LEAD = {"ru": "Министр выступил 6 марта. ", "uk": "Міністр виступив 6 березня. "}


def _eve(language: str, sentence: str) -> list[str | None]:
    words = ("накануне", "напередодні")
    return [m.date.value if m.date else None
            for m in find_dates(_LEAD[language] + sentence, published=_PUBLISHED, language=language)
            if m.text.lower() in words]


@pytest.mark.parametrize(("language", "sentence"), [
    ("ru", "Накануне в Минске он встретился с коллегой."),
    ("ru", "Президент накануне заявил о поддержке Киева."),
    ("ru", "Накануне на переговорах стороны не договорились."),
    ("ru", "Министр накануне провела переговоры с коллегой."),
    ("uk", "Напередодні у Варшаві він зустрівся з колегою."),
    ("uk", "Вона напередодні заявила про підтримку."),
    ("uk", "Напередодні на зустрічі сторони не домовилися."),
])
def test_the_eve_as_an_adverb_is_the_day_before(language: str, sentence: str) -> None:
    assert _eve(language, sentence) == ["2026-03-05"]


@pytest.mark.parametrize(("language", "sentence"), [
    ("ru", "Встреча прошла накануне саммита в Брюсселе."),
    ("ru", "Накануне выборов он встретился с коллегой."),
    ("uk", "Напередодні виборів він зустрівся з колегою."),
    ("uk", "Зустріч відбулася напередодні саміту."),
])
def test_the_eve_of_a_named_event_is_no_date(language: str, sentence: str) -> None:
    assert _eve(language, sentence) == []


@pytest.mark.parametrize(("language", "sentence"), [
    # its subject, a name or an acronym, between it and the verb in the past
    ("ru", "Накануне Мишустин обсудил с коллегами бюджет."),
    ("ru", "Накануне МИД Армении заявил о поддержке."),
    ("uk", "Напередодні Сибіга провів переговори з колегою."),
    ("uk", "Напередодні Свириденко зустрілася з прем'єром Польщі."),
    ("uk", "Напередодні НАТО оголосило нові навчання."),
])
def test_the_eve_before_its_subject_and_verb_is_the_day_before(language: str, sentence: str) -> None:
    assert _eve(language, sentence) == ["2026-03-05"]


@pytest.mark.parametrize(("language", "sentence"), [
    # a capitalised noun in the genitive and no verb after it: an event's eve
    ("ru", "Накануне Нового года министр выступил с обращением."),
    ("uk", "Напередодні Дня Незалежності Зеленський провів нараду."),
    ("uk", "Напередодні Великодня уряд оголосив перемир'я."),
])
def test_the_eve_of_a_named_day_is_no_date(language: str, sentence: str) -> None:
    assert _eve(language, sentence) == []
