"""A weekday before the word that opens a reported clause takes the tense of the verb
of saying, not of the reported clause: "said on Tuesday that the jets will arrive" is
last Tuesday, as "said on Tuesday, adding that ..." is.

Every sentence is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

#: a Wednesday: last Tuesday is 2026-04-07, next Tuesday 2026-04-14
PUB = dt.date(2026, 4, 8)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("The minister said on Tuesday that the jets will arrive in spring.", "en", "2026-04-07"),
        ("El ministro explicó el martes que los aviones llegarán en primavera.", "es", "2026-04-07"),
        ("Le ministre a déclaré mardi que la France enverra deux avions.", "fr", "2026-04-07"),
        ("Il ministro ha detto martedì che l'Italia invierà due aerei.", "it", "2026-04-07"),
        ("O ministro disse na terça-feira que o Brasil vai enviar dois aviões.", "pt", "2026-04-07"),
        ("Menteri mengatakan pada hari Selasa bahwa Indonesia akan mengirim dua pesawat.", "id", "2026-04-07"),
    ],
)
def test_a_weekday_before_a_reported_clause_takes_the_verb_of_saying(text: str, language: str, value: str) -> None:
    assert [d.date.value for d in find_dates(text, published=PUB, language=language)] == [value]

