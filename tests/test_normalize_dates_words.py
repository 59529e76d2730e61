"""Date words the finder reads in each language: the day before yesterday, a month
named alone after a preposition (with the locative forms of Slavic languages), a
weekday and time of day in one word, Vietnamese day-month with a hyphen, relative
weeks, months and years ("bulan depan", "下周", "年内"), a Korean day of the month.

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
    # Italian "ad" before a vowel ("ad aprile", "ad agosto"), "a" before a consonant
    ("it", "I ministri si incontreranno ad aprile a Bruxelles.", "2025-04"),
    ("it", "Il vertice si terrà ad ottobre a Roma.", "2025-10"),
    ("it", "Il governo presenterà il piano a maggio.", "2025-05"),
    ("pt", "Os ministros voltam a reunir-se em abril.", "2025-04"),
    ("es", "Los ministros volverán a reunirse en abril.", "2025-04"),
    ("fr", "Les ministres se retrouveront en avril.", "2025-04"),
    ("de", "Am Dienstagabend trafen sich die Minister.", "2025-03-11"),
    ("de", "Am Montagmorgen telefonierten die beiden.", "2025-03-10"),
    ("vi", "Ngày 10-2, các bộ trưởng đã họp tại Rome.", "2025-02-10"),
    ("vi", "Hôm 5-3 các nước đã cam kết viện trợ.", "2025-03-05"),
    ("fr", "Lundi, les ministres se sont réunis.", "2025-03-10"),
    # a relative week, month or year: the month or year it names ("this week" is no Sunday)
    ("id", "Minggu ini para menteri bertemu.", "2025-03"),
    ("id", "Perundingan akan dilanjutkan bulan depan di Jenewa.", "2025-04"),
    ("zh", "双方商定下月在日内瓦再次会晤。", "2025-04"),
    ("zh", "两国外长将于下周举行会谈。", "2025-03"),
    ("ja", "両国は年内に首脳会談を開く方向で調整している。", "2025"),
    ("ja", "来年までに部隊の再編を終える。", "2026"),
    ("ko", "양국은 다음 달 제네바에서 다시 만난다.", "2025-04"),
    ("ko", "정부는 연내 협정을 체결할 방침이다.", "2025"),
    ("vi", "Hai bên sẽ gặp lại vào tháng tới.", "2025-04"),
    ("ar", "يعقد الوزراء اجتماعا جديدا الشهر المقبل في جنيف.", "2025-04"),
    ("ar", "يلتقي الرئيسان يوم الاثنين المقبل.", "2025-03-17"),
    # a Korean day of the month: that day of the publication month, or the month before
    ("ko", "외교부 장관은 10일 기자들과 만났다.", "2025-03-10"),
    ("ko", "북한은 지난달 28일 미사일을 발사했다.", "2025-02-28"),
]


@pytest.mark.parametrize(("lang", "text", "value"), _CASES, ids=[f"{c[0]}{i}" for i, c in enumerate(_CASES)])
def test_date_words(lang: str, text: str, value: str) -> None:
    found = [m.date.value for m in find_dates(text, published=PUB, language=lang)]
    assert value in found, found


_NOT_DATES = [
    ("en", "Leaders may meet again soon."),
    ("vi", "Đội tuyển thắng với tỷ số 10-4."),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "협상은 10일간 계속됐다."),  # for ten days
        ("id", "Pertemuan berikutnya dijadwalkan pada hari Minggu depan."),  # next Sunday: a day
        ("ko", "정부는 다음 주 17일 회의를 연다."),  # the day, not the week
    ],
    ids=["ko-duration", "id-next-sunday", "ko-day"],
)
def test_no_relative_period(lang: str, text: str) -> None:
    found = find_dates(text, published=PUB, language=lang)
    assert all(m.date.granularity.value == "day" for m in found), [(m.text, m.date.value) for m in found]


@pytest.mark.parametrize(("lang", "text"), _NOT_DATES, ids=[c[0] for c in _NOT_DATES])
def test_no_date(lang: str, text: str) -> None:
    assert [m.text for m in find_dates(text, published=PUB, language=lang)] == []
