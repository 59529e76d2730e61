"""Publication dates with Arabic month names of every region, read without asking
dateparser in all its languages, and never read as the run's current date.

The Levantine and Iraqi names (كانون الثاني ... كانون الأول), the Moroccan and the
Tunisian/Algerian ones are read by a table (``documents/_named.py``); dateparser knows
only the standard names and used to retry every language it has for the others, which
loaded all its locales and read Urdu "آب" ("now") as today's date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimkit.documents import documents_from_text
from claimkit.documents._dates import date_line, find_date
from claimkit.normalize import resolve_date

#: one dateline a month, as Syrian, Lebanese, Jordanian and Iraqi papers write them
LEVANTINE = [
    ("دمشق، الأحد 12 كانون الثاني 2025", dt.date(2025, 1, 12)),
    ("بيروت - 7 شباط 2025", dt.date(2025, 2, 7)),
    ("عمّان، الثلاثاء 18 آذار 2025", dt.date(2025, 3, 18)),
    ("بغداد 2 نيسان 2025", dt.date(2025, 4, 2)),
    ("حلب، 25 أيار 2025", dt.date(2025, 5, 25)),
    ("البصرة - 30 حزيران 2025", dt.date(2025, 6, 30)),
    ("طرابلس، 4 تموز 2025", dt.date(2025, 7, 4)),
    ("دمشق، 11 آب 2025", dt.date(2025, 8, 11)),
    ("بيروت، الجمعة 19 أيلول 2025", dt.date(2025, 9, 19)),
    ("الموصل 1 تشرين الأول 2025", dt.date(2025, 10, 1)),
    ("إربد، 23 تشرين الثاني 2025", dt.date(2025, 11, 23)),
    ("صيدا - 31 كانون الأول 2025", dt.date(2025, 12, 31)),
]


@pytest.mark.parametrize(("line", "expected"), LEVANTINE)
@pytest.mark.parametrize("language", ["ar", "ur", "fa", None])
def test_each_levantine_month_reads_its_date_without_dateparser(
    recorder: list[list[str] | None], line: str, expected: dt.date, language: str | None
) -> None:
    # the two-word names (كانون, تشرين) were read by table before too; the one-word ones
    # went to dateparser in every language (and "آب" to nothing)
    parsed = date_line(line, language)
    assert parsed is not None and parsed.date == expected
    assert recorder == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ايلول 2025", None),  # no day: no date line
        ("حمص، 9 ايلول 2025", dt.date(2025, 9, 9)),  # written without hamza
        ("حمص، 9 اب 2025", dt.date(2025, 8, 9)),  # and without madda
        ("حماة، 14 تشرين اول 2025", dt.date(2025, 10, 14)),  # without the article
        ("الرباط، 5 نونبر 2025", dt.date(2025, 11, 5)),  # Moroccan
        ("الدار البيضاء 20 غشت 2025", dt.date(2025, 8, 20)),
        ("تونس، 3 جوان 2025", dt.date(2025, 6, 3)),  # Tunisian and Algerian
        ("الجزائر - 17 جويلية 2025", dt.date(2025, 7, 17)),
        ("القاهرة، 8 يونيه 2025", dt.date(2025, 6, 8)),  # Egyptian
        ("نواكشوط 6 دجمبر 2025", dt.date(2025, 12, 6)),  # Mauritanian
        ("دمشق، 6 أغسطس/آب 2025", dt.date(2025, 8, 6)),  # named twice, the Levantine name last
    ],
)
def test_regional_spellings(line: str, expected: dt.date | None) -> None:
    parsed = date_line(line, "ar")
    assert (parsed.date if parsed else None) == expected


def test_a_levantine_dateline_gives_the_article_its_date() -> None:
    text = "وزير الخارجية يلتقي نظيره الأردني\nدمشق، 11 آب 2025\nالتقى وزير الخارجية نظيره في دمشق وبحثا العلاقات.\n"
    (doc,) = documents_from_text(text, "d1")
    assert doc.published == dt.date(2025, 8, 11)


@pytest.mark.parametrize(
    "line",
    [
        "11 امروز 2025",  # Persian "today"
        "11 اليوم 2025",  # Arabic "today"
        "3 today 2025",
        "3 yesterday 2025",
        "3 heute 2025",
        "3 сегодня 2025",
        "3 bugün 2025",
    ],
)
@pytest.mark.parametrize("language", ["ar", "ur", "en", None])
def test_a_relative_word_is_never_the_run_s_current_date(line: str, language: str | None) -> None:
    found = find_date(line, language)
    assert found is None or found[0] is None
    assert date_line(line, language) is None


@pytest.mark.parametrize("language", [None, "ur", "fa"])
def test_normalised_date_with_a_year_is_never_today(language: str | None) -> None:
    # dateparser's Urdu reads "آب" as "now": a date with a year never becomes today's
    for published in (None, dt.date(2025, 8, 20)):
        ref = resolve_date("11 آب 2025", published=published, language=language)
        assert ref.value in (None, "2025-08-11")
        assert ref.value != dt.date.today().isoformat()


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> list[list[str] | None]:
    """The languages each ``dateparser.parse`` call of the test is asked in."""
    import dateparser

    from claimkit.documents import _dates

    if hasattr(_dates, "_parse_named") and hasattr(_dates._parse_named, "cache_clear"):
        _dates._parse_named.cache_clear()
    try:
        from claimkit.documents import _named
    except ImportError:  # before the table
        pass
    else:
        _named.parse_named.cache_clear()
    asked: list[list[str] | None] = []
    real = dateparser.parse

    def parse(raw: str, languages: list[str] | None = None, **kwargs: Any) -> Any:
        asked.append(languages)
        return real(raw, languages=languages, **kwargs)

    monkeypatch.setattr(dateparser, "parse", parse)
    return asked


@pytest.mark.parametrize("language", ["ar", "de", None])
def test_the_retry_is_bounded_to_the_script_s_languages(
    recorder: list[list[str] | None], language: str | None
) -> None:
    from claimkit.documents._named import RETRY_LANGUAGES
    from claimkit.text import Script

    assert date_line("Paris, 12 brumaire 2025", language) is None  # no month any language knows
    assert recorder, "dateparser was asked"
    for languages in recorder:
        assert languages is not None  # never every language dateparser has
        assert set(languages) <= set(RETRY_LANGUAGES[Script.LATIN]) | {language}


def test_english_dateline_in_a_page_read_as_another_language(recorder: list[list[str] | None]) -> None:
    parsed = date_line("Published 12 March 2025", "ar")
    assert parsed is not None and parsed.date == dt.date(2025, 3, 12)
    assert None not in recorder  # read by the retry in the Latin script's languages


@pytest.mark.parametrize("locale", ["ar", "ar_EG", "ar_SY", "ar_IQ", "ar_LB", "ar_JO", "ar_PS",
                                    "ar_MA", "ar_TN", "ar_DZ", "ar_LY", "ar_MR"])  # fmt: skip
def test_the_table_holds_every_cldr_month_by_table_name(locale: str) -> None:
    from babel import Locale

    from claimkit.documents._named import month_by_table

    for num, name in Locale.parse(locale).months["format"]["wide"].items():
        assert month_by_table(name) == int(num), name
