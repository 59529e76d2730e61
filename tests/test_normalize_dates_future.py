"""A month named without a year and a future verb; a range of days (its first day)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

PUB = dt.date(2026, 2, 25)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("The summit will be held in December.", "en", "2026-12"),
        ("La cumbre se celebrará en diciembre.", "es", "2026-12"),
        ("Der Gipfel wird im Dezember stattfinden.", "de", "2026-12"),
        ("Il vertice si terrà a dicembre.", "it", "2026-12"),
        ("Szczyt odbędzie się w grudniu.", "pl", "2026-12"),
        ("Саммит состоится в декабре.", "ru", "2026-12"),
        ("The summit will be held on 18 December.", "en", "2026-12-18"),
        # past tense: the nearest one, as before
        ("The summit was held in December.", "en", "2025-12"),
        ("La cumbre fue en diciembre.", "es", "2025-12"),
        # a day just before publication stays
        ("The envoy will report on what was agreed on February 20.", "en", "2026-02-20"),
    ],
)
def test_future_month(text: str, language: str, value: str) -> None:
    assert [d.date.value for d in find_dates(text, published=PUB, language=language)] == [value]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("A reunião será nos dias 18 e 19 de dezembro.", "pt", "2026-12-18"),
        ("The talks on 18-19 December ended.", "en", "2025-12-18"),
        ("Le sommet aura lieu les 18 et 19 décembre.", "fr", "2026-12-18"),
        ("Die Gespräche am 3. und 4. März endeten.", "de", "2026-03-03"),
        ("Las reuniones del 3 y 4 de marzo terminaron.", "es", "2026-03-03"),
    ],
)
def test_day_range_first_day(text: str, language: str, value: str) -> None:
    assert [d.date.value for d in find_dates(text, published=PUB, language=language)] == [value]
