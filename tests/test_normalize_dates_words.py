"""Date words the finder reads in each language: the day before yesterday, a month
named alone after a preposition (with the locative forms of Slavic languages), a
weekday and time of day in one word, Vietnamese day-month with a hyphen.

Sentences written for these tests (none from the sample articles)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

PUB = dt.date(2025, 3, 12)  # a Wednesday

_CASES = [
    ("en", "The day before yesterday the ministers met in Rome.", "2025-03-10"),
    ("ru", "Позавчера министры встретились в Риме.", "2025-03-10"),
    ("uk", "Позавчора міністри зустрілися в Римі.", "2025-03-10"),
    ("pl", "Przedwczoraj ministrowie spotkali się w Rzymie.", "2025-03-10"),
    ("hr", "Prekjučer su se ministri sastali u Rimu.", "2025-03-10"),
    ("it", "L'altro ieri i ministri si sono incontrati a Roma.", "2025-03-10"),
    ("pt", "Anteontem os ministros reuniram-se em Roma.", "2025-03-10"),
    ("ko", "그저께 양국 장관들이 로마에서 만났다.", "2025-03-10"),
    ("id", "Kemarin lusa para menteri bertemu di Roma.", "2025-03-10"),
    ("tr", "Önceki gün bakanlar Roma'da görüştü.", "2025-03-10"),
    ("ar", "أول أمس التقى الوزراء في روما.", "2025-03-10"),
    ("en", "In March the ministers met again.", "2025-03"),
    ("ru", "В марте министры снова встретились.", "2025-03"),
    ("uk", "У березні міністри знову зустрілися.", "2025-03"),
    ("pl", "W marcu ministrowie znów się spotkali.", "2025-03"),
    ("hr", "U ožujku su se ministri ponovno sastali.", "2025-03"),
    ("fr", "Fin février, les ministres se sont réunis.", "2025-02"),
    ("de", "Im Februar trafen sich die Minister erneut.", "2025-02"),
    ("es", "A finales de febrero los ministros se reunieron.", "2025-02"),
    ("de", "Am Dienstagabend trafen sich die Minister.", "2025-03-11"),
    ("de", "Am Montagmorgen telefonierten die beiden.", "2025-03-10"),
    ("vi", "Ngày 10-2, các bộ trưởng đã họp tại Rome.", "2025-02-10"),
    ("vi", "Hôm 5-3 các nước đã cam kết viện trợ.", "2025-03-05"),
    ("fr", "Lundi, les ministres se sont réunis.", "2025-03-10"),
]


@pytest.mark.parametrize(("lang", "text", "value"), _CASES, ids=[f"{c[0]}{i}" for i, c in enumerate(_CASES)])
def test_date_words(lang: str, text: str, value: str) -> None:
    found = [m.date.value for m in find_dates(text, published=PUB, language=lang)]
    assert value in found, found


_NOT_DATES = [
    ("en", "Leaders may meet again soon."),
    ("vi", "Đội tuyển thắng với tỷ số 10-4."),
    ("id", "Minggu ini para menteri bertemu."),  # "this week", not Sunday
]


@pytest.mark.parametrize(("lang", "text"), _NOT_DATES, ids=[c[0] for c in _NOT_DATES])
def test_no_date(lang: str, text: str) -> None:
    assert [m.text for m in find_dates(text, published=PUB, language=lang)] == []
