"""Quantities: numbers with units, currencies, ranges and qualifiers."""

from __future__ import annotations

import pytest

from claimkit.normalize import find_quantities, parse_number


def _one(text: str, language: str | None) -> tuple[float | None, float | None, str | None, str]:
    found = find_quantities(text, language=language)
    assert len(found) == 1, (text, found)
    m = found[0]
    assert text[m.start:m.end] == m.text == m.quantity.raw
    q = m.quantity
    return (q.value, q.value_max, q.unit, q.qualifier.value)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("26 countries", "en", (26, None, "countries", "exact")),
        ("至少有26个国家", "zh", (26, None, "countries", "at_least")),
        ("€90bn", "en", (90e9, None, "EUR", "exact")),
        ("900亿欧元", "zh", (90e9, None, "EUR", "exact")),
        ("10,000 to 30,000 troops", "en", (10000, 30000, "troops", "exact")),
        ("từ 10.000 đến 30.000 quân", "vi", (10000, 30000, "troops", "exact")),
        ("ít nhất 37 quốc gia", "vi", (37, None, "countries", "at_least")),
        ("sekitar 30", "id", (30, None, None, "about")),
        ("up to 5", "en", (5, None, None, "up_to")),
        ("26 negara", "id", (26, None, "countries", "exact")),
        ("30か国", "ja", (30, None, "countries", "exact")),
        ("$5 billion", "en", (5e9, None, "USD", "exact")),
        ("1万至3万名士兵", "zh", (1e4, 3e4, "troops", "exact")),
        ("50 milliards d'euros", "fr", (50e9, None, "EUR", "exact")),
        ("mindestens 20 Länder", "de", (20, None, "countries", "at_least")),
        ("около 10 тысяч военнослужащих", "ru", (10000, None, "troops", "about")),
        ("2,5 juta", "id", (2.5e6, None, None, "exact")),
    ],
)
def test_find_quantities(text: str, language: str, expected: tuple[object, ...]) -> None:
    assert _one(text, language) == expected


def test_bare_numbers_are_not_quantities() -> None:
    assert find_quantities("In 2025 he said 3 times: page 12.", language="en") == []


def test_quantity_inside_sentence() -> None:
    text = "Leaders from 27 countries met; at least 26 countries pledged troops."
    found = find_quantities(text, language="en")
    assert [(m.text, m.quantity.qualifier.value) for m in found] == [
        ("27 countries", "exact"), ("at least 26 countries", "at_least")]


@pytest.mark.parametrize(
    ("raw", "language", "value"),
    [("10,000", "en", 10000.0), ("10.000", "vi", 10000.0), ("10.000", "de", 10000.0),
     ("2.5", "en", 2.5), ("2,5", "id", 2.5), ("1,234,567", "en", 1234567.0), ("abc", "en", None)],
)
def test_parse_number_locale_separators(raw: str, language: str, value: float | None) -> None:
    assert parse_number(raw, language=language) == value
