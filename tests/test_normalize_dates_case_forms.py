"""Case forms of relative periods (issue 13; session of 2026-12-02, ``dat17``): the Ukrainian
locative of "last week / last month" ("на минулому тижні", "у минулому місяці") beside the
genitive the table had ("минулого тижня"), and Turkish "ayın başında" (at the start of the
month: this one) without "bu". Every sentence is written for these tests; each positive case
found no date before."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize.dates import find_dates

#: Thursday 12 March 2026: last week ran from 2 to 8 March
_PUBLISHED = dt.date(2026, 3, 12)


def _found(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date.value) for m in find_dates(text, published=_PUBLISHED, language=lang)]


@pytest.mark.parametrize(("lang", "text", "words", "value"), [
    ("uk", "Прем'єр-міністри зустрілися на минулому тижні у Варшаві.", "на минулому тижні", "2026-03"),
    ("uk", "Угоду про транзит підписали у минулому місяці.", "у минулому місяці", "2026-02"),
    ("tr", "Anlaşma ayın başında Ankara'da imzalandı.", "ayın başında", "2026-03"),
])
def test_a_case_form_of_a_relative_period(lang: str, text: str, words: str, value: str) -> None:
    assert _found(text, lang) == [(words, value)]


def test_a_named_month_keeps_its_own_start() -> None:
    # "Şubat ayının başında" is February's start, not this month's
    assert _found("Anlaşma Şubat ayının başında imzalandı.", "tr") == [("Şubat ayının başında", "2026-02")]
