"""Turkish weekdays in running text are written in lower case ("pazartesi günü",
"salı günü"): they are dates, resolved against the publication date; "pazar" alone is
also "market" and is a date only as "pazar günü".

Every sentence is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize.dates import find_dates

PUBLISHED = dt.date(2025, 6, 4)  # a Wednesday


@pytest.mark.parametrize(("text", "value"), [
    ("Heyet pazartesi günü Bakü'ye ulaştı.", "2025-06-02"),
    ("Bakanlar salı günü Ankara'da görüştü.", "2025-06-03"),
    ("Zirve cumartesi akşamı sona erdi.", "2025-05-31"),
    ("Liderler pazar günü bir araya geldi.", "2025-06-01"),
    ("Görüşme perşembe yapılacak.", "2025-06-05"),
    ("Heyetler gelecek pazartesi Cenevre'de buluşacak.", "2025-06-09"),
])
def test_a_lower_case_turkish_weekday_is_a_date(text: str, value: str) -> None:
    found = find_dates(text, published=PUBLISHED, language="tr")
    assert [m.date.value for m in found] == [value], found


def test_pazar_alone_is_the_market_not_sunday() -> None:
    assert find_dates("Sebze fiyatları pazar yerinde yükseldi.", published=PUBLISHED, language="tr") == []
