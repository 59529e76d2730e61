"""Date forms the date finder missed, and the claims they date.

- A month or a relative period followed by an amount: "enviará el próximo mes 300
  militares", "wyśle w kwietniu 300 żołnierzy" (a number after the date was read as its
  day or year, and the date dropped); a day or year after it is still the date's.
- A Turkish month named alone, marked by what follows it ("Mart'ta", "Nisan ayında",
  "Şubat sonunda"), and Italian "la scorsa settimana", "lo scorso mese", "nel mese di
  aprile", "alla fine di febbraio".
- A weekday named with its week in Chinese, Japanese, Korean and Vietnamese ("上周二",
  "先週火曜日", "지난주 화요일", "thứ Ba tuần trước"): the Tuesday of last week, not the
  last Tuesday before publication (two days before, on a Thursday: this week's); "下周五"
  is the Friday of next week, not tomorrow.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import find_dates
from tests._rules_helpers import dates_of

_PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


def _found(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date.value) for m in find_dates(text, published=_PUBLISHED, language=lang)]


_AMOUNT_AFTER = [
    ("es", "El Gobierno enviará el próximo mes 300 militares a Letonia.", "el próximo mes", "2026-04"),
    ("fr", "Le gouvernement enverra le mois prochain 300 soldats en Estonie.", "le mois prochain", "2026-04"),
    ("pl", "Rząd wyśle w przyszłym miesiącu 300 żołnierzy na Łotwę.", "w przyszłym miesiącu", "2026-04"),
    ("ru", "Правительство направит в следующем месяце 300 военных.", "в следующем месяце", "2026-04"),
    ("tr", "Türkiye geçen yıl 300 milyon dolar yardım gönderdi.", "geçen yıl", "2025"),
    ("id", "Indonesia akan mengirim bulan depan 300 personel ke Gaza.", "bulan depan", "2026-04"),
    ("vi", "Việt Nam sẽ gửi tháng tới 300 chuyên gia sang Lào.", "tháng tới", "2026-04"),
    ("en", "The government pledged last week 300 million dollars.", "last week", "2026-03"),
    ("es", "España enviará en abril 300 militares a Letonia.", "en abril", "2026-04"),
    ("de", "Die Regierung wird im April 300 Soldaten schicken.", "im April", "2026-04"),
    ("en", "Germany will send in April 2,000 more troops.", "in April", "2026-04"),
]


@pytest.mark.parametrize(("lang", "text", "words", "value"), _AMOUNT_AFTER, ids=[f"{c[0]}-{c[2]}" for c in _AMOUNT_AFTER])
def test_a_date_followed_by_an_amount_is_found(lang: str, text: str, words: str, value: str) -> None:
    assert _found(text, lang) == [(words, value)]


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "The summit opens in March 20 days from now.", [("March 20", "2026-03-20")]),
        ("es", "La cumbre será en marzo de 2027.", [("marzo de 2027", "2027-03")]),
        ("ko", "지난달 28일 회담이 열렸다.", [("28일", "2026-02-28")]),
        ("zh", "双方将于下个月3日会晤。", [("下个月3日", "2026-04-03")]),
    ],
)
def test_a_day_or_year_after_the_date_is_still_its_own(lang: str, text: str, found: list[tuple[str, str]]) -> None:
    """Guards (they passed before): a day or year after a month, a day after a CJK period."""
    assert _found(text, lang) == found


_MONTH_WORDS = [
    ("tr", "Bakanlar Mart'ta Cenevre'de bir araya gelecek.", "Mart'ta", "2026-03"),
    ("tr", "Bakanlar Nisan ayında Ankara'da bir araya gelecek.", "Nisan ayında", "2026-04"),
    ("tr", "Bakanlar Şubat ayının sonunda bir araya geldi.", "Şubat ayının sonunda", "2026-02"),
    ("tr", "Bakanlar Mart başında Bakü'de görüştü.", "Mart başında", "2026-03"),
    ("it", "I ministri si sono incontrati la scorsa settimana a Roma.", "la scorsa settimana", "2026-03"),
    ("it", "Il governo ha stanziato lo scorso mese 300 milioni.", "lo scorso mese", "2026-02"),
    ("it", "I ministri si incontreranno nel mese di aprile.", "nel mese di aprile", "2026-04"),
    ("it", "I ministri si sono incontrati alla fine di febbraio.", "alla fine di febbraio", "2026-02"),
]


@pytest.mark.parametrize(("lang", "text", "words", "value"), _MONTH_WORDS, ids=[c[2] for c in _MONTH_WORDS])
def test_a_month_or_period_of_turkish_and_italian_news(lang: str, text: str, words: str, value: str) -> None:
    assert _found(text, lang) == [(words, value)]


def test_a_turkish_month_without_its_mark_is_no_date() -> None:
    """A guard (it passed before): the bare ablative "Mart'tan" (from March, since March) may
    open a period; "Mart'tan itibaren" (starting in March) is a start, a date since `dat15`
    (``tests/test_rules_term_dates.py``), as "à partir de mars" is."""
    assert _found("Türkiye, Mart'tan beri yardım gönderiyor.", "tr") == []


_WEEKS = [
    ("zh", "两国外长上周二在北京会晤。", "上周二", "2026-03-03"),
    ("zh", "两国外长将于下周五在北京会晤。", "下周五", "2026-03-20"),
    ("ja", "両外相は先週火曜日に東京で会談した。", "先週火曜日", "2026-03-03"),
    ("ja", "両外相は来週金曜日に東京で会談する。", "来週金曜日", "2026-03-20"),
    ("ko", "양국 외교장관은 지난주 화요일 서울에서 회담했다.", "지난주 화요일", "2026-03-03"),
    ("ko", "양국 외교장관은 다음 주 금요일 서울에서 회담한다.", "다음 주 금요일", "2026-03-20"),
    ("vi", "Các bộ trưởng đã gặp nhau hôm thứ Ba tuần trước.", "thứ Ba tuần trước", "2026-03-03"),
    ("vi", "Các bộ trưởng sẽ gặp nhau vào thứ Sáu tuần tới.", "thứ Sáu tuần tới", "2026-03-20"),
]


@pytest.mark.parametrize(("lang", "text", "words", "value"), _WEEKS, ids=[c[2] for c in _WEEKS])
def test_a_weekday_named_with_its_week(lang: str, text: str, words: str, value: str) -> None:
    assert _found(text, lang) == [(words, value)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("zh", "两国外长周二在北京会晤。"), ("ja", "両外相は火曜日に東京で会談した。"), ("ko", "양국 외교장관은 화요일 서울에서 회담했다.")],
)
def test_a_weekday_alone_is_the_last_one(lang: str, text: str) -> None:
    """A guard (it passed before): without its week, the Tuesday two days before."""
    assert [value for _, value in _found(text, lang)] == ["2026-03-10"]


_CLAIMS = [
    ("es", "pledge", "El Gobierno español enviará el próximo mes 300 militares a Letonia.", "2026-04"),
    ("pl", "pledge", "Polska wyśle w przyszłym miesiącu 300 żołnierzy na Łotwę.", "2026-04"),
    ("zh", "meeting", "中国外长王毅上周二在北京会见了法国外长。", "2026-03-03"),
]


@pytest.mark.parametrize(("lang", "kind", "text", "value"), _CLAIMS, ids=[c[0] for c in _CLAIMS])
def test_the_claim_takes_the_date(backend: RulesBackend, lang: str, kind: str, text: str, value: str) -> None:
    assert dates_of(backend, text, lang, kind, _PUBLISHED) == [value]


# ------------------------------------------- a bare day ahead, and "two days ago"

_DAY_AHEAD = [
    ("ko", "양국 정상은 오는 20일 서울에서 회담할 예정이다.", "2026-03-20"),
    ("ko", "양국 정상은 오는 5일 서울에서 회담한다.", "2026-04-05"),
    ("ko", "양국 정상은 20일 서울에서 회담할 예정이다.", "2026-03-20"),
    ("zh", "两国领导人将于20日在北京举行会谈。", "2026-03-20"),
    ("ja", "両首脳は20日に東京で会談する予定だ。", "2026-03-20"),
    ("vi", "Hai nhà lãnh đạo sẽ hội đàm vào ngày 20 tới.", "2026-03-20"),
    ("en", "The leaders will meet on the 20th.", "2026-03-20"),
]


@pytest.mark.parametrize(("lang", "text", "value"), _DAY_AHEAD, ids=[f"{c[0]}-{c[2]}" for c in _DAY_AHEAD])
def test_a_bare_day_told_ahead_is_in_the_coming_days(lang: str, text: str, value: str) -> None:
    """A day of the month alone, after publication's (the 12th), in a future clause or called
    coming ("오는", "tới"), is this month's, not last month's; before it and coming, next month's."""
    assert [value for _, value in _found(text, lang)] == [value]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "양국 정상은 28일 서울에서 회담했다."),
        ("zh", "外交部发言人28日表示，中方将派出救援队。"),
        ("ja", "両首脳は28日、東京で会談した。"),
        ("en", "The leaders met on the 28th."),
    ],
)
def test_a_bare_day_told_in_the_past_is_last_months(lang: str, text: str) -> None:
    """A guard (it passed before): the future verb of another part of the sentence does not
    move it ("28日表示，中方将...")."""
    assert [value for _, value in _found(text, lang)] == ["2026-02-28"]


_AGO = [
    ("en", "Two days ago, the ministers met in Paris.", "2026-03-10"),
    ("fr", "Il y a deux jours, les ministres se sont réunis à Paris.", "2026-03-10"),
    ("de", "Vor zwei Tagen trafen sich die Minister in Berlin.", "2026-03-10"),
    ("es", "Hace tres días, los ministros se reunieron en Madrid.", "2026-03-09"),
    ("it", "Due giorni fa i ministri si sono incontrati a Roma.", "2026-03-10"),
    ("pt", "Os ministros reuniram-se há uma semana em Lisboa.", "2026-03-05"),
    ("pl", "Dwa dni temu ministrowie spotkali się w Warszawie.", "2026-03-10"),
    ("ru", "Два дня назад министры встретились в Москве.", "2026-03-10"),
    ("uk", "Два дні тому міністри зустрілися в Києві.", "2026-03-10"),
    ("hr", "Prije dva dana ministri su se sastali u Zagrebu.", "2026-03-10"),
    ("id", "Para menteri bertemu tiga hari yang lalu di Jakarta.", "2026-03-09"),
]


@pytest.mark.parametrize(("lang", "text", "value"), _AGO, ids=[c[0] for c in _AGO])
def test_days_ago(lang: str, text: str, value: str) -> None:
    assert [value for _, value in _found(text, lang)] == [value]


# ------------------------- a weekday with its week after it; Turkish, Vietnamese, Arabic forms

_WEEK_AFTER = [
    ("en", "The ministers met on Tuesday last week.", "Tuesday last week", "2026-03-03"),
    ("en", "The ministers will meet on Friday next week.", "Friday next week", "2026-03-20"),
    ("de", "Die Minister trafen sich am Dienstag vergangener Woche.", "Dienstag vergangener Woche", "2026-03-03"),
    ("es", "Los ministros se reunieron el martes de la semana pasada.", "martes de la semana pasada", "2026-03-03"),
    ("it", "I ministri si sono incontrati martedì della scorsa settimana.", "martedì della scorsa settimana",
     "2026-03-03"),
    ("pl", "Ministrowie spotkali się we wtorek w zeszłym tygodniu.", "wtorek w zeszłym tygodniu", "2026-03-03"),
    ("ru", "Министры встретились во вторник на прошлой неделе.", "вторник на прошлой неделе", "2026-03-03"),
    ("hr", "Ministri su se sastali u utorak prošlog tjedna.", "utorak prošlog tjedna", "2026-03-03"),
    ("id", "Para menteri bertemu pada Selasa pekan lalu.", "Selasa pekan lalu", "2026-03-03"),
]


@pytest.mark.parametrize(("lang", "text", "words", "value"), _WEEK_AFTER, ids=[c[2] for c in _WEEK_AFTER])
def test_a_weekday_with_its_week_after_it(lang: str, text: str, words: str, value: str) -> None:
    assert _found(text, lang) == [(words, value)]


@pytest.mark.parametrize(
    ("lang", "text", "words", "value"),
    [
        ("tr", "Bakanlar geçtiğimiz hafta Ankara'da bir araya geldi.", "geçtiğimiz hafta", "2026-03"),
        ("tr", "Türkiye geçtiğimiz ay 300 ton yardım gönderdi.", "geçtiğimiz ay", "2026-02"),
        ("vi", "Các bộ trưởng đã gặp nhau tuần qua tại Hà Nội.", "tuần qua", "2026-03"),
        ("ar", "التقى الوزراء في الـ10 من مارس في القاهرة.", "10 من مارس", "2026-03-10"),
    ],
)
def test_turkish_vietnamese_and_arabic_forms(lang: str, text: str, words: str, value: str) -> None:
    assert _found(text, lang) == [(words, value)]


# ----------------------------------------------------- "for May": a date only when set for it

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Japan pledged 20 million dollars for the reconstruction budget for May."),
        ("en", "The EU will provide 500 million euros in aid for May and June."),
        ("de", "Die Regierung stellt 20 Millionen Euro für Juni bereit."),
        ("ru", "Правительство выделило 20 миллионов рублей на июнь."),
    ],
)
def test_a_month_an_amount_is_for_is_no_date(lang: str, text: str) -> None:
    assert _found(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "Talks planned for May were called off.", "2026-05"),
        ("en", "The vote is set for May.", "2026-05"),
        ("de", "Der Minister kündigte Gespräche mit seinem Amtskollegen für Juni an.", "2026-06"),
        ("ru", "Переговоры назначены на июнь.", "2026-06"),
    ],
)
def test_a_month_something_is_set_for_stays_a_date(lang: str, text: str, value: str) -> None:
    """Guards (they passed before): gap9's "for" of a date set ahead."""
    assert [v for _, v in _found(text, lang)] == [value]


def test_the_pledge_takes_the_day_it_was_made_not_the_month_of_its_budget(backend: RulesBackend) -> None:
    text = "Japan pledged 20 million dollars for the reconstruction budget for May, the minister said on Monday."
    assert dates_of(backend, text, "en", "pledge", _PUBLISHED) == ["2026-03-09"]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("ru", "Министры встретились в ночь на среду.", "2026-03-11"),
        ("uk", "Дрони атакували Київ у ніч на середу.", "2026-03-11"),
        ("fr", "Les ministres se réuniront à la mi-mars.", "2026-03"),
    ],
)
def test_the_night_to_a_weekday_and_mid_month(lang: str, text: str, value: str) -> None:
    """"в ночь на среду" is the night before Wednesday, not a Wednesday set ahead (the "на"
    of "на июнь"); French "mi-mars" is mid-March."""
    assert [v for _, v in _found(text, lang)] == [value]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("zh", "外交部宣布向加沙提供援助。\n\n毛宁表示，王毅外长将于20日访问埃及，与埃及外长举行会谈。", "2026-03-20"),
        ("zh", "中方宣布新一批援助。\n\n发言人说，两国外长将于18日在日内瓦举行会谈。", "2026-03-18"),
    ],
)
def test_a_short_sentence_with_a_comma_in_the_lead_is_no_dateline(
    backend: RulesBackend, lang: str, text: str, value: str
) -> None:
    """A line of Chinese (no spaces: one "word" for the dateline's place) with a
    comma and a digit, ending with "。", was read as "PLACE, DATE" and its date dropped as
    the dateline's."""
    assert dates_of(backend, text, lang, "meeting", _PUBLISHED) == [value]
