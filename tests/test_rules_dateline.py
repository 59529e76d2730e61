"""An article's dateline, read once per document (``claimkit.extract.rules.dateline``): its
place and the government seated there, its date, its agency, in the styles of the 17
languages' agencies and papers; and what the backend does with it (the article's own
government, a capital that files no claim, a date that dates no claim).

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.dateline import (
    Dateline,
    article_dateline,
    dated,
    filed_from,
    read_datelines,
)
from claimkit.extract.rules.text import segment
from tests._datelines import article as _article
from tests._datelines import seat as _seat
from tests._rules_helpers import date_value, drafts


def _written(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]].strip(" .") if span else None


#: (text, the place written, the government seated there, the date written, the agency)
_STYLES = [
    ("SEOUL, June 2 (Reuters) - The government pledged ...", "SEOUL", "South Korea", "June 2", "Reuters"),
    ("Headline\n\nKYIV (AP) — Ukraine's parliament ...", "KYIV", "Ukraine", None, "AP"),
    ("NEW DELHI, Nov. 3, 2025 (Reuters) - India said ...", "NEW DELHI", "India", "Nov. 3, 2025", "Reuters"),
    ("BUENOS AIRES, 3 nov (EFE).- El Gobierno ...", "BUENOS AIRES", "Argentina", "3 nov", "EFE"),
    ("Paris (AFP) - Le gouvernement ...", "Paris", "France", None, "AFP"),
    ("BERLIN, 3. November (dpa) - Die Regierung ...", "BERLIN", "Germany", "3. November", "dpa"),
    ("(ANSA) - ROMA, 3 NOV - Il governo ...", "ROMA", "Italy", "3 NOV", "ANSA"),
    ("Lisboa, 3 nov 2025 (Lusa) - O Governo ...", "Lisboa", "Portugal", "3 nov 2025", "Lusa"),
    ("Warszawa, 3 listopada (PAP) - Rząd ...", "Warszawa", "Poland", "3 listopada", "PAP"),
    ("ZAGREB, 3. studenoga (Hina) - Vlada ...", "ZAGREB", "Croatia", "3. studenoga", "Hina"),
    ("МОСКВА, 3 ноября. /ТАСС/. Правительство ...", "МОСКВА", "Russia", "3 ноября", "ТАСС"),
    ("КИЇВ, 3 листопада /Укрінформ/. Уряд ...", "КИЇВ", "Ukraine", "3 листопада", "Укрінформ"),
    ("ANKARA (AA) - Hükümet ...", "ANKARA", "Turkey", None, "AA"),
    ("القاهرة، 3 نوفمبر (رويترز) - قالت الحكومة ...", "القاهرة", "Egypt", "3 نوفمبر", "رويترز"),
    ("HÀ NỘI, 3/11 (TTXVN) - Chính phủ ...", "HÀ NỘI", "Vietnam", "3/11", "TTXVN"),
    ("JAKARTA, KOMPAS.com - Pemerintah ...", "JAKARTA", "Indonesia", None, None),
    ("新华社北京11月3日电（记者 张三）外交部 ...", "北京", "China", "11月3日", "新华社"),
    ("（中央社台北3日電）政府 ...", "台北", "Taiwan", "3日", "中央社"),
    ("【ワシントン=共同】政府は ...", "ワシントン", "United States", None, "共同"),
    ("【北京時事】中国政府は ...", "北京", "China", None, "時事"),
    ("(서울=연합뉴스) 홍길동 기자 = 정부는 ...", "서울", "South Korea", None, "연합뉴스"),
]


def _read_as(text: str, place: str, country: str, date: str | None, agency: str | None) -> Dateline:
    """The dateline of ``text``, checked to name ``place`` as written, its ``country``,
    the ``date`` as written and the ``agency``."""
    found = _article(text)
    assert found is not None
    assert (found.place, _written(text, found.place_span), found.country) == (place, place, country)
    assert (_written(text, found.date), found.agency) == (date, agency)
    return found


@pytest.mark.parametrize(("text", "place", "country", "date", "agency"), _STYLES, ids=[s[1] for s in _STYLES])
def test_a_dateline_is_read_in_each_agency_style(
    text: str, place: str, country: str, date: str | None, agency: str | None
) -> None:
    found = _read_as(text, place, country, date, agency)
    # the span runs from the line's start to the dash, bracket, "=" or "电" that closes it
    assert found.span[0] == text.rfind("\n", 0, text.index(place)) + 1
    assert text[found.span[0] : found.span[1]].rstrip()[-1] in "-–—.)）】=电電"


#: more agencies' styles, each failing before (dtl6): CNA's reporter before the place and its
#: specials and roundups, an agency named without brackets before the dash (Interfax) or
#: after it (RIA Novosti), Kyodo's full-width equals sign, a double hyphen, no place at all
_MORE_STYLES = [
    ("（中央社記者陳大文台北3日電）行政院今天表示 ...", "台北", "Taiwan", "3日", "中央社"),
    ("（中央社記者林美華華盛頓2日專電）美國國務院 ...", "華盛頓", "United States", "2日", "中央社"),
    ("（中央社台北5日綜合外電報導）美國政府 ...", "台北", "Taiwan", "5日", "中央社"),
    ("МОСКВА, 4 ноя — РИА Новости. Правительство ...", "МОСКВА", "Russia", "4 ноя", "РИА Новости"),
    ("МОСКВА, 4 ноя - РИА Новости, Анна Смирнова. Кремль ...", "МОСКВА", "Russia", "4 ноя", "РИА Новости"),
    ("МОСКВА, 4 ноября. Интерфакс - Правительство ...", "МОСКВА", "Russia", "4 ноября", "Интерфакс"),
    ("Москва. 4 ноября. INTERFAX.RU - Кремль ...", "Москва", "Russia", "4 ноября", "INTERFAX.RU"),
    ("КИЇВ. 4 листопада. ІНТЕРФАКС-УКРАЇНА - Уряд ...", "КИЇВ", "Ukraine", "4 листопада", "ІНТЕРФАКС-УКРАЇНА"),
    ("【ソウル＝共同】韓国政府は ...", "ソウル", "South Korea", None, "共同"),
    ("SEOUL, Nov. 4 (Yonhap) -- South Korea ...", "SEOUL", "South Korea", "Nov. 4", "Yonhap"),
]


@pytest.mark.parametrize(("text", "place", "country", "date", "agency"), _MORE_STYLES,
                         ids=[f"{s[1]}-{s[4]}" for s in _MORE_STYLES])
def test_more_agency_styles(text: str, place: str, country: str, date: str | None, agency: str) -> None:
    found = _read_as(text, place, country, date, agency)
    # the dateline runs to the agency's last character or the dash; the story starts after it
    rest = text[found.span[1] :].lstrip(" ")
    assert rest[:1] and rest[0] not in "-–—." and not rest.startswith("РИА") and found.span[0] == 0


def test_a_chinese_agency_dateline_may_name_no_place() -> None:
    text = "中新网11月4日电 据外媒报道，日本政府 ..."
    found = _article(text)
    assert found is not None and (found.place, found.agency, _written(text, found.date)) == (None, "中新网", "11月4日")


@pytest.mark.parametrize("text", [
    "(رويترز) - قالت الحكومة إنها ...",  # an agency alone
    "(Reuters) - The government said ...",
])
def test_an_agency_alone_opens_a_dateline_with_no_place(text: str) -> None:
    found = _article(text)
    assert found is not None and found.place is None and found.agency in ("رويترز", "Reuters")


@pytest.mark.parametrize("text", [
    "Moscow has long said that the talks would fail.",  # no dateline's punctuation
    "Moscow, however, refused to sign.",  # a comma, but no date
    "The talks in Geneva\nended without a deal.",
    "Headline of the story\n\nThe government said on Monday ...",
    "Moscow-based analysts said ...",  # a hyphen, not a dash
])
def test_a_line_that_opens_with_a_place_is_no_dateline(text: str) -> None:
    assert _article(text) is None


@pytest.mark.parametrize(("text", "country"), [
    ("GENEVA, June 2 (Reuters) - The talks ...", None),  # no government sits there
    ("Titular\n14 feb. 2026 | 17:40\nMadrid, 14 feb (EFE).- El Gobierno ...", "Spain"),  # a third line
    ("One\nTwo\nThree\nPARIS (AFP) - ...", None),  # after the lead's three lines
])
def test_the_article_dateline_is_one_of_the_first_three_lines(text: str, country: str | None) -> None:
    found = _article(text)
    assert (found.country if found else None) == country


def test_a_later_line_opening_with_a_place_is_a_dateline_but_not_the_articles() -> None:
    text = "One\nTwo\nThree\n\nKyiv – The minister said ...\nLisboa, 3 jun 2025 (Lusa) - O ministro ..."
    places = [text.index("Kyiv"), text.index("Lisboa")]
    datelines = read_datelines(text, _seat, places)
    assert [(d.place, d.lead) for d in datelines] == [("Kyiv", False), ("Lisboa", False)]
    assert article_dateline(datelines) is None
    assert filed_from(datelines, places[0], places[0] + len("Kyiv"))
    assert not dated(datelines, text.index("3 jun"))  # only the lead's date is when it was written
    assert not filed_from(datelines, text.index("minister"), text.index("minister") + 8)


# ---------------------------------------------------------------- through the backend

#: (language, text, the claim's actor): the article's own government named without a country
#: is the government seated where the dateline was filed; each failed before the one reader
#: (a capital of two words, a dateline in capitals in Cyrillic, a date line with no dash,
#: a dateline on the third non-blank line, after blank ones)
_HOME = [
    ("en", "NEW DELHI, Nov 3 (Reuters) - The government pledged to send aid to Gaza.", "India"),
    ("en", "BUENOS AIRES, Nov 3 (Reuters) - The government refused to pay the debt.", "Argentina"),
    ("ru", "МОСКВА, 3 ноября. /ТАСС/. Правительство пообещало выделить регионам помощь.", "Russia"),
    ("pt", "Lisboa, 3 de novembro de 2025\nO Governo prometeu enviar ajuda humanitária.", "Portugal"),
    ("es", "Titular\n\n3 nov. 2025 | 10:00\n\nLima, 3 nov (EFE).- El Gobierno se comprometió a enviar ayuda.", "Peru"),
    ("en", "KUALA LUMPUR, Nov 3 (Reuters) - The government pledged to send rice to Myanmar.", "Malaysia"),
]


def _claims(backend: RulesBackend, lang: str, text: str) -> list[tuple[list[str], str | None]]:
    return [([a.name for a in d.fields.get("actor") or []], date_value(d))
            for d in drafts(backend, text, lang, dt.date(2025, 11, 5))]


@pytest.mark.parametrize(("lang", "text", "actor"), _HOME, ids=[f"{h[0]}-{h[2]}" for h in _HOME])
def test_the_dateline_names_the_articles_own_government(backend: RulesBackend, lang: str, text: str, actor: str) -> None:
    assert [a for a, _ in _claims(backend, lang, text)] == [[actor]]


#: (language, text, the claim's date): the date of a dateline is when the article was
#: written (5 November), not the date of its first sentence's claim
_DATES = [
    ("zh", "新华社北京11月5日电 中国外交部3日表示，将向灾区提供人道主义援助。", "2025-11-03"),
    ("zh", "本报华盛顿11月5日电（记者 李明）美国国务院3日表示，将向乌克兰提供援助。", "2025-11-03"),
    ("ru", "МОСКВА, 5 ноября. /ТАСС/. Россия в понедельник пообещала направить помощь.", "2025-11-03"),
    ("ar", "دمشق، 5 نوفمبر (رويترز) - تعهدت الحكومة يوم الاثنين بتقديم المساعدات.", "2025-11-03"),
    ("it", "(ANSA) - ROMA, 5 NOV - Il governo ha promesso lunedì di inviare aiuti.", "2025-11-03"),
    ("vi", "HÀ NỘI, 5/11 (TTXVN) - Chính phủ hôm thứ Hai cam kết hỗ trợ 10 triệu USD.", "2025-11-03"),
]


@pytest.mark.parametrize(("lang", "text", "date"), _DATES, ids=[d[0] for d in _DATES])
def test_the_datelines_date_dates_no_claim(backend: RulesBackend, lang: str, text: str, date: str) -> None:
    assert [d for _, d in _claims(backend, lang, text)] == [date]


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("zh", "新华社北京11月3日电 外交部拒绝了美方的要求。", "China"),
    ("es", "Madrid, 3 nov (EFE).- El Gobierno se negó a firmar el acuerdo.", "Spain"),
    ("en", "LONDON, Nov 3 (Reuters) - Britain refused to sign the agreement.", "United Kingdom"),
])
def test_a_datelines_day_before_publication_dates_an_undated_claim(
    backend: RulesBackend, lang: str, text: str, actor: str
) -> None:
    # filed on 3 November, published on the 5th: what the story tells with no day of its
    # own was said the day it was filed (these were dated by the publication before)
    assert _claims(backend, lang, text) == [([actor], "2025-11-03")]


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Київ – Міністр закордонних справ пообіцяв надіслати допомогу."),
    ("pt", "Lisboa, 3 jun 2025 (Lusa) - O ministro prometeu enviar ajuda."),
])
def test_a_capital_opening_a_dateline_acts_in_no_claim(backend: RulesBackend, lang: str, text: str) -> None:
    assert all("Ukraine" not in a and "Portugal" not in a for a, _ in _claims(backend, lang, text))


# ---------------------------------------------------------------- sentences

@pytest.mark.parametrize("text", [
    "Zagreb, 3. stu. (Hina) - Vlada je obećala pomoć Ukrajini.",
    "Ankara, 3 Kas. (AA) - Hükümet yardım sözü verdi.",
    "Warszawa, 3 lis. (PAP) - Rząd obiecał pomoc.",
    "Berlin, 3. Nov. (dpa) - Die Regierung hat Hilfe zugesagt.",
    "Roma, 3 nov. (askanews) – Il governo ha promesso aiuti.",
])
def test_a_dateline_with_an_abbreviated_month_is_not_cut_before_its_agency(text: str) -> None:
    # each was cut at the month's dot before (dtl6): "Hina) - Vlada ..." began a sentence
    (sentence,) = segment(text)
    assert text[sentence.start : sentence.end] == text.rstrip(".")


@pytest.mark.parametrize(("text", "first"), [
    ("Premijer je to rekao u utorak (Hina). Vlada je obećala pomoć.", "Premijer je to rekao u utorak (Hina"),
    ("Rząd obiecał pomoc (PAP). Premier powiedział, że to koniec.", "Rząd obiecał pomoc (PAP"),
])
def test_an_agency_closing_a_sentence_still_ends_it(text: str, first: str) -> None:
    sentences = segment(text)
    assert len(sentences) == 2 and text[sentences[0].start : sentences[0].end] == first


# ---------------------------------------------------------------- headline and body

#: (language, headline + dateline + body): the headline restates the body's claim and names
#: no day; the body names it ("on Tuesday", "4日"). Published Thursday 6 November 2025. These
#: passed before (dtl6 item 5 found no gap): a guard across agencies' datelines
_RESTATED = [
    ("en", "Germany pledges 500 million euros to Ukraine\n\nBERLIN, Nov 4 (Reuters) - Germany pledged on "
           "Tuesday to send 500 million euros in aid to Ukraine, the finance minister said."),
    ("ko", "독일, 우크라이나에 5억 유로 지원 약속\n\n(베를린=연합뉴스) 김철수 특파원 = 독일 정부는 4일 우크라이나에 "
           "5억 유로를 지원하겠다고 약속했다."),
    ("tr", "Almanya Ukrayna'ya 500 milyon euro yardım sözü verdi\n\nBERLİN (AA) - Almanya salı günü "
           "Ukrayna'ya 500 milyon euro yardım sözü verdi."),
    ("vi", "Đức cam kết viện trợ 500 triệu euro cho Ukraine\n\nBerlin, 4/11 (TTXVN) - Đức hôm thứ Ba cam kết "
           "viện trợ 500 triệu euro cho Ukraine."),
    ("ar", "ألمانيا تتعهد بتقديم 500 مليون يورو لأوكرانيا\n\nبرلين (رويترز) - تعهدت ألمانيا يوم الثلاثاء "
           "بتقديم 500 مليون يورو لأوكرانيا."),
    ("pl", "Niemcy obiecały Ukrainie 500 mln euro\n\nBerlin (PAP) - Niemcy obiecały we wtorek przekazać "
           "Ukrainie 500 mln euro pomocy."),
    ("uk", "Німеччина пообіцяла Україні 500 млн євро\n\nБерлін, 4 листопада /Укрінформ/. Німеччина у вівторок "
           "пообіцяла надати Україні 500 млн євро."),
    ("hr", "Njemačka obećala Ukrajini 500 milijuna eura\n\nBERLIN, 4. studenoga (Hina) - Njemačka je u utorak "
           "obećala Ukrajini 500 milijuna eura pomoći."),
    ("it", "La Germania promette 500 milioni di euro all'Ucraina\n\n(ANSA) - BERLINO, 4 NOV - La Germania ha "
           "promesso martedì 500 milioni di euro all'Ucraina."),
    ("zh", "德国承诺向乌克兰提供5亿欧元援助\n\n新华社柏林11月4日电 德国政府4日承诺向乌克兰提供5亿欧元援助。"),
]


@pytest.mark.parametrize(("lang", "text"), _RESTATED, ids=[r[0] for r in _RESTATED])
def test_a_headline_restating_the_body_keeps_the_bodys_date(backend: RulesBackend, lang: str, text: str) -> None:
    (pledge,) = drafts(backend, text, lang, dt.date(2025, 11, 6))
    assert len(pledge.spans) == 2  # the headline and the body: one claim
    assert pledge.fields["date"].value == "2025-11-04"
