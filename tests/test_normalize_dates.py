"""Date finding and resolution against the publication date, across languages."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates, resolve_date
from claimkit.schemas import DateGranularity, DateResolution

PUB = dt.date(2026, 2, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("raw", "language", "value", "how"),
    [
        ("on Wednesday", "en", "2026-02-25", "relative"),
        ("on Monday", "en", "2026-02-23", "relative"),
        ("周三", "zh", "2026-02-25", "relative"),
        ("星期一", "zh", "2026-02-23", "relative"),
        ("上周五", "zh", "2026-02-20", "relative"),
        ("水曜日", "ja", "2026-02-25", "relative"),
        ("火曜日", "ja", "2026-02-24", "relative"),
        ("thứ Tư", "vi", "2026-02-25", "relative"),
        ("hari Rabu", "id", "2026-02-25", "relative"),
        ("Kamis", "id", "2026-02-19", "relative"),
        ("lundi", "fr", "2026-02-23", "relative"),
        ("am Dienstag", "de", "2026-02-24", "relative"),
        ("в среду", "ru", "2026-02-25", "relative"),
        ("у вівторок", "uk", "2026-02-24", "relative"),
        ("w poniedziałek", "pl", "2026-02-23", "relative"),
        ("월요일", "ko", "2026-02-23", "relative"),
        ("2月24日", "zh", "2026-02-24", "relative"),
        ("24日", "zh", "2026-02-24", "relative"),
        ("ngày 10/4", "vi", "2026-04-10", "relative"),
        ("10/4", "vi", "2026-04-10", "relative"),
        ("10/4", "id", "2026-04-10", "relative"),
        ("hôm 2/3", "vi", "2026-03-02", "relative"),
        ("March 27th", "en", "2026-03-27", "relative"),
        ("27 March 2025", "en", "2025-03-27", "explicit"),
        ("March 27, 2025", "en", "2025-03-27", "explicit"),
        ("2025年3月27日", "zh", "2025-03-27", "explicit"),
        ("27 Maret 2025", "id", "2025-03-27", "explicit"),
        ("27 марта 2025", "ru", "2025-03-27", "explicit"),
        ("27. März 2025", "de", "2025-03-27", "explicit"),
        ("27 de marzo de 2025", "es", "2025-03-27", "explicit"),
        ("ngày 27 tháng 3 năm 2025", "vi", "2025-03-27", "explicit"),
        ("2025-03-27", None, "2025-03-27", "explicit"),
        ("去年12月", "zh", "2025-12", "relative"),
        ("March 2025", "en", "2025-03", "explicit"),
        ("yesterday", "en", "2026-02-24", "relative"),
        ("昨日", "ja", "2026-02-24", "relative"),
        ("昨天", "zh", "2026-02-24", "relative"),
        ("hôm qua", "vi", "2026-02-24", "relative"),
        ("kemarin", "id", "2026-02-24", "relative"),
        ("two days ago", "en", "2026-02-23", "relative"),  # dateparser fallback
    ],
)
def test_resolve_date(raw: str, language: str | None, value: str, how: str) -> None:
    ref = resolve_date(raw, published=PUB, language=language)
    assert (ref.value, ref.resolution.value) == (value, how), raw
    assert ref.raw == raw


def test_granularity_follows_value() -> None:
    assert resolve_date("去年12月", published=PUB, language="zh").granularity == DateGranularity.month
    assert resolve_date("on Monday", published=PUB, language="en").granularity == DateGranularity.day


def test_weekday_future_and_next_last() -> None:
    assert resolve_date("will meet on Friday", published=PUB, language="en").value == "2026-02-27"
    assert resolve_date("next Monday", published=PUB, language="en").value == "2026-03-02"
    assert resolve_date("last Wednesday", published=PUB, language="en").value == "2026-02-18"
    assert resolve_date("sẽ họp vào thứ Sáu", published=PUB, language="vi").value == "2026-02-27"
    assert resolve_date("akan bertemu hari Jumat", published=PUB, language="id").value == "2026-02-27"
    assert resolve_date("将于周五举行", published=PUB, language="zh").value == "2026-02-27"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # "next" or "last" qualifies the weekday beside it, not one further away in the clause
        ("Kyiv will get the jets next month, the minister announced on Wednesday.", "en", "2026-02-25"),
        ("Les troupes partiront le mois prochain, a annoncé mercredi le ministre.", "fr", "2026-02-25"),
        ("Enviará el próximo mes un batallón, según anunció este miércoles.", "es", "2026-02-25"),
        ("Il prossimo anno arriveranno i fondi, ha detto lunedì il premier.", "it", "2026-02-23"),
        ("Crosetto parteciperà lunedì prossimo alla riunione.", "it", "2026-03-02"),
        ("The talks resumed last Monday in Geneva.", "en", "2026-02-23"),
        # the tense is the weekday's own part of the clause: "will get ..., said on Friday"
        ("Kyiv will get the jets, the minister said on Friday.", "en", "2026-02-20"),
        ("A Polónia vai comprar tanques, disse na sexta-feira o ministro.", "pt", "2026-02-20"),
        ("On Friday, leaders will meet in Rome.", "en", "2026-02-27"),
        ("Vendredi, les dirigeants vont se réunir à Rome.", "fr", "2026-02-27"),
        ("Leaders will meet in Rome on Friday.", "en", "2026-02-27"),
    ],
)
def test_next_and_last_qualify_only_the_weekday_beside_them(text: str, language: str, value: str) -> None:
    found = [m for m in find_dates(text, published=PUB, language=language) if len(m.date.value or "") == 10]
    assert [m.date.value for m in found] == [value], text


@pytest.mark.parametrize(
    ("raw", "language"),
    [("on Wednesday", "en"), ("周三", "zh"), ("yesterday", "en"), ("March 27th", "en"),
     ("24日", "zh"), ("ngày 10/4", "vi"), ("去年12月", "zh"), ("two days ago", "en")],
)
def test_relative_date_without_publication_is_unresolved(raw: str, language: str) -> None:
    ref = resolve_date(raw, published=None, language=language)
    assert ref.value is None
    assert ref.resolution == DateResolution.unresolved
    assert ref.raw == raw


def test_explicit_date_without_publication_resolves() -> None:
    ref = resolve_date("27 March 2025", published=None, language="en")
    assert (ref.value, ref.resolution) == ("2025-03-27", DateResolution.explicit)


def test_unparseable_stays_unresolved() -> None:
    ref = resolve_date("at some point", published=PUB, language="en")
    assert ref.value is None and ref.resolution == DateResolution.unresolved


def test_ambiguous_numeric_english_date_is_not_guessed() -> None:
    assert resolve_date("3/4", published=PUB, language="en").value is None
    assert resolve_date("3/24", published=PUB, language="en").value == "2026-03-24"


def test_find_dates_offsets_and_values() -> None:
    text = "当地时间2月24日，领导人举行会议。英法将于周五再次开会。"
    found = find_dates(text, published=PUB, language="zh")
    for m in found:
        assert text[m.start:m.end] == m.text
    assert [(m.text, m.date.value) for m in found] == [
        ("2月24日", "2026-02-24"), ("周五", "2026-02-27")]


def test_find_dates_vietnamese_and_indonesian() -> None:
    vi = "Ngày 10/4, các bộ trưởng họp. Tỷ lệ 1/2 không phải ngày."
    assert [m.text for m in find_dates(vi, published=PUB, language="vi")] == ["Ngày 10/4"]
    text = "Macron berbicara pada hari Kamis di Paris."
    found = find_dates(text, published=PUB, language="id")
    assert [(m.text, m.date.value) for m in found] == [("Kamis", "2026-02-19")]


def test_find_dates_english_skips_plain_numbers_and_words() -> None:
    text = "In a 3/4 majority, 27 countries may march. May said on Monday."
    found = find_dates(text, published=PUB, language="en")
    assert [m.text for m in found] == ["Monday"]


def test_find_dates_unresolved_without_publication() -> None:
    found = find_dates("They met on Wednesday.", published=None, language="en")
    assert len(found) == 1
    assert found[0].date.resolution == DateResolution.unresolved
    assert found[0].date.raw == "Wednesday"


@pytest.mark.parametrize(
    ("published", "past_edge", "future_edge"),
    [(dt.date(1, 1, 1), "yesterday", "tomorrow"), (dt.date(9999, 12, 31), "tomorrow", "yesterday")],
)
def test_relative_dates_past_the_calendar_stay_unresolved(
    published: dt.date, past_edge: str, future_edge: str
) -> None:
    # a publication date at the calendar's edge: the date that falls off it is unresolved,
    # the others still resolve (before, one OverflowError lost every date of the document)
    text = "He spoke yesterday. On 3 March he left. He returns tomorrow."
    found = {m.text: m.date for m in find_dates(text, published=published, language="en")}
    assert found[past_edge].resolution is DateResolution.unresolved
    assert found[past_edge].value is None
    assert found[future_edge].resolution is DateResolution.relative
    assert found["3 March"].value == f"{published.year:04d}-03-03"
    assert resolve_date(past_edge, published=published, language="en").value is None
    assert resolve_date(future_edge, published=published, language="en").value is not None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وصل الوفد إلى دمشق في 3 نيسان الماضي", "2025-04-03"),  # Levantine month name in running text
        ("تعقد القمة في 27 شباط الجاري", "2025-02-27"),
        ("الرياض - الخميس 9 أيار (مايو) 2024", "2024-05-09"),  # the month named again in brackets
        ("القاهرة، 4 آب/أغسطس 2024", "2024-08-04"),  # and after a slash
    ],
)
def test_arabic_levantine_months_and_a_month_named_twice(text: str, value: str) -> None:
    found = find_dates(text, published=dt.date(2025, 6, 2), language="ar")
    assert value in [m.date.value for m in found]



@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Porto, 9 set 2025 (Lusa) - O Governo decidiu hoje.", "pt", [("9 set 2025", "2025-09-09"), ("hoje", None)]),
        ("Napoli, 3 dic. 2025 - Il governo ha deciso.", "it", [("3 dic. 2025", "2025-12-03")]),
        ("Sevilla, 21 ene 2026 (EFE).- El Gobierno decidió.", "es", [("21 ene 2026", "2026-01-21")]),
        ("Genève, 11 janv. 2026 (AFP) - Le gouvernement a décidé.", "fr", [("11 janv. 2026", "2026-01-11")]),
        # an abbreviation is a month only after a day: "set" is a tennis set
        ("Ha vinto il primo set 6 a 4.", "it", []),
    ],
)
def test_abbreviated_months_of_agency_datelines(text: str, language: str, found: list[tuple[str, str | None]]) -> None:
    # a dateline followed by the body on its line is no date line: the lead's first
    # explicit date then dates the article, so the abbreviated month must be read
    assert [(m.text, m.date.value) for m in find_dates(text, published=None, language=language)] == found


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("She had warned last month that the talks would fail.", "en", "2026-01"),
        ("Le ministre l'avait annoncé le mois dernier.", "fr", "2026-01"),
        ("El gobierno lo anunció el año pasado.", "es", "2025"),
        ("Il ministro lo aveva detto il mese scorso.", "it", "2026-01"),
        ("O governo já tinha avisado no mês passado.", "pt", "2026-01"),
    ],
)
def test_past_periods_of_english_and_romance(text: str, language: str, value: str) -> None:
    # a period ahead ("next week") is left out: it mostly dates the event promised
    found = find_dates(text, published=dt.date(2026, 2, 18), language=language)
    assert [m.date.value for m in found] == [value]


@pytest.mark.parametrize(("text", "language", "dates"), [
    # English abbreviations are month names in English, and in another language only after a
    # day number (an agency's dateline): "en mar abierto" is "on the open sea", no March
    ("Los barcos navegaban en mar abierto.", "es", []),
    ("Os navios estavam em mar aberto.", "pt", []),
    ("La nave era in mar Rosso.", "it", []),
    ("Pada Jan 5 ia datang.", "id", []),
    ("Warszawa, 3 Nov 2025 - Rząd", "pl", ["2025-11-03"]),
    ("Москва, 3 Nov 2025 - Правительство", "ru", ["2025-11-03"]),
    ("JAKARTA, 5 Agu 2025 - Pemerintah", "id", ["2025-08-05"]),
    ("BERLIN, 3. Okt. 2025 (dpa) - Die Regierung", "de", ["2025-10-03"]),
    ("LONDON, Nov 3 (Reuters) - talks in Jan.", "en", ["2025-11-03", "2026-01"]),
])
def test_english_month_abbreviations_only_where_they_belong(text: str, language: str, dates: list[str]) -> None:
    found = find_dates(text, published=dt.date(2025, 11, 5), language=language)
    assert [m.date.value for m in found] == dates
