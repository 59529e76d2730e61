"""Segmentation and date mechanisms (review of round 8), in every language they apply to.
The sentences are written for these tests (none comes from the sample articles)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules.text import segment
from claimkit.normalize import find_actors, find_dates, find_quantities, resolve_date
from claimkit.schemas import DateGranularity, QuantityQualifier


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text)]


# 1. abbreviations before a number or a lower-case word
@pytest.mark.parametrize(
    "text",
    [
        "Na szczyt przyjechało ok. 40 przywódców z całej Europy",  # pl około
        "Straż pożarna ewakuowała ok. tysiąca mieszkańców",
        "Kosztowało to 300 tys. zł w ubiegłym roku",
        "Budżet wyniesie 5 mld. zł w przyszłym roku",
        "Spotkanie odbędzie się w 2025 r. w Warszawie",
        "Rada, tzn. rząd, przeznaczy pieniądze na drogi",
        "The firm employs ca. 300 people in the region",
        "The project costs approx. 5 million dollars",
        "Le projet coûtera env. 5 millions d'euros",
        "Die Regierung will z.B. die Steuern senken",
        "Die Regierung will z. B. die Steuern senken",
        "Die Regierung stellt rd. 5 Mrd. Euro für die Bahn bereit",
        "Der Bund zahlt 3 Mio. Euro an die Länder",
        "Он сказал, т.е. подтвердил, что войска уйдут",
        "Выделят 300 тыс. рублей на ремонт",
        "Выделят 5 млн. рублей на ремонт",
        "В городе живёт ок. 40 тысяч человек",
        "Уряд виділить бл. 5 млн. гривень на ремонт",
        "Уряд виділить 300 тис. гривень на ремонт",
        "Proje 1990'lı yy. sonunda başladı",
        "Bakan, enerji, su vb. konularda destek verecek",
        "Hükümet yakl. 5 milyon lira ayıracak",
        "Pemerintah membantu petani, nelayan, dll. di daerah itu",
        "Vláda poskytne pomoc, tj. 5 milionů korun",
        "Vláda poskytne cca. 5 mil. korun",
        "Vlada će pomoći, npr. poljoprivrednicima u Slavoniji",
        "Vlada će dati 5 mlrd. eura za ceste",
        "El Gobierno destinará aprox. 5 millones de euros",
        "Il governo stanzierà ca. 5 milioni di euro",
        "Regeringen avsätter ca. 5 miljoner kronor",
    ],
)
def test_an_abbreviation_before_a_figure_or_a_lower_case_word_ends_no_sentence(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a sentence's last word before a figure ("in 2024. 300 ..."), a capital after a short
        # word, a scale before a word that is no currency: sentence ends
        ("Die Flut kam im Jahr 2024. 300 Menschen verloren ihr Zuhause.", "Die Flut kam im Jahr 2024"),
        ("Rząd zapłaci ok. 5 mln zł. Minister to potwierdził.", "Rząd zapłaci ok. 5 mln zł"),
        ("Der Schaden beträgt 5 Mio. Die Regierung zahlt.", "Der Schaden beträgt 5 Mio"),
        ("The talks went well. The minister left.", "The talks went well"),
        ("Polska wyśle wojsko. Niemcy też.", "Polska wyśle wojsko"),
        ("Россия против. Украина за.", "Россия против"),
    ],
)
def test_a_sentence_end_before_a_figure_or_a_capital_stays(text: str, first: str) -> None:
    assert _sentences(text)[0] == first
    assert len(_sentences(text)) == 2


# 3. a quarter or half of a year is a span: read as its year, never as a day or a month of it
_PUBLISHED = dt.date(2025, 6, 3)


@pytest.mark.parametrize(
    ("lang", "text", "words"),
    [
        ("en", "The plant will open in Q2 2026, the firm said.", "Q2 2026"),
        ("en", "Deliveries are due in 3Q 2026.", "3Q 2026"),
        ("en", "Output will rise in the fourth quarter of 2026.", "the fourth quarter of 2026"),
        ("en", "Sales should recover in H2 2026.", "H2 2026"),
        ("ru", "Завод заработает во втором квартале 2026 года.", "втором квартале 2026"),
        ("uk", "Завод запрацює у третьому кварталі 2026 року.", "третьому кварталі 2026"),
        ("de", "Das Werk soll im 2. Quartal 2026 öffnen.", "2. Quartal 2026"),
        ("it", "La consegna è prevista nel secondo trimestre del 2026.", "secondo trimestre del 2026"),
        ("fr", "La livraison est prévue au troisième trimestre 2026.", "troisième trimestre 2026"),
        ("es", "La entrega está prevista para el primer trimestre de 2026.", "primer trimestre de 2026"),
        ("pl", "Dostawy ruszą w II kwartale 2026 roku.", "II kwartale 2026"),
        ("hr", "Isporuka počinje u drugom tromjesečju 2026.", "drugom tromjesečju 2026"),
        ("tr", "Teslimat 2026'nın ikinci çeyreğinde başlayacak.", "2026'nın ikinci çeyreğinde"),
        ("id", "Pengiriman dimulai pada kuartal III 2026.", "kuartal III 2026"),
        ("vi", "Nhà máy sẽ hoạt động trong quý 2/2026.", "quý 2/2026"),
        ("zh", "设备将于2026年第二季度交付。", "2026年第二季度"),
        ("ja", "工場は2026年第2四半期に稼働する。", "2026年第2四半期"),
        ("ko", "공장은 2026년 2분기에 가동된다.", "2026년 2분기"),
    ],
)
def test_a_quarter_is_read_as_its_year(lang: str, text: str, words: str) -> None:
    found = [(m.text, m.date.value, m.date.granularity) for m in find_dates(text, published=_PUBLISHED, language=lang)]
    assert found == [(words, "2026", DateGranularity.year)]


@pytest.mark.parametrize(
    ("lang", "raw"),
    [("en", "Q2 2026"), ("en", "H2 2026"), ("en", "2Q 2026"), ("ru", "второй квартал 2026 года"),
     ("de", "2. Quartal 2026"), ("it", "il secondo trimestre del 2026"), ("zh", "2026年第二季度"),
     ("ko", "2026년 2분기")],
)
def test_resolve_date_reads_a_quarter_as_its_year(lang: str, raw: str) -> None:
    ref = resolve_date(raw, published=_PUBLISHED, language=lang)
    assert (ref.value, ref.granularity, ref.raw) == ("2026", DateGranularity.year, raw)


def test_a_quarter_without_its_year_is_no_date() -> None:
    assert resolve_date("Q3", published=_PUBLISHED, language="en").value is None
    assert find_dates("Profits fell in the second half.", published=_PUBLISHED, language="en") == []
    assert find_dates("The H1N1 flu of 2009 spread", published=_PUBLISHED, language="en") == []
    june = find_dates("The plant opens in June 2026.", published=_PUBLISHED, language="en")
    assert [(m.text, m.date.value) for m in june] == [("June 2026", "2026-06")]


# 4. a capitalised word inside a sentence of an inflecting language that a country's name (with
#    an ending) and a demonym both match is the name: "do Libii" (not Spanish "libio")
@pytest.mark.parametrize(
    ("lang", "text", "word", "country"),
    [
        ("pl", "Pomoc humanitarna trafi do Libii w przyszłym tygodniu.", "Libii", "Libya"),
        ("pl", "Ryż sprowadzany jest głównie z Indii i Wietnamu.", "Indii", "India"),
        ("pl", "Turyści wracają do Polski po wakacjach.", "Polski", "Poland"),
        ("hr", "Pomoć stiže iz Hrvatske i Slovenije.", "Hrvatske", "Croatia"),
        ("hr", "Izvoz iz Njemačke pao je u svibnju.", "Njemačke", "Germany"),
        ("hr", "Turisti dolaze iz Švedske i Norveške.", "Švedske", "Sweden"),
        ("hr", "Turisti dolaze iz Švedske i Norveške.", "Norveške", "Norway"),
        ("hr", "Vlak vozi iz Mađarske preko Slovačke.", "Slovačke", "Slovakia"),
    ],
)
def test_a_capitalised_inflected_name_beats_a_demonym(lang: str, text: str, word: str, country: str) -> None:
    assert (word, country) in [(m.text, m.actor.name) for m in find_actors(text, language=lang)]


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        # an adjective in lower case qualifies a noun or names nothing; a capital opening a
        # sentence tells nothing; Spanish does not inflect names
        ("hr", "Pomoć hrvatske vlade stiže sutra.", [("hrvatske", "Croatia")]),
        ("hr", "Cijene njemačke robe su porasle.", []),
        ("pl", "Polskie jabłka trafiły do sklepów.", []),
        ("es", "Los rebeldes libios rechazaron el plan.", []),
        ("uk", "Україна надішле допомогу Лівії.", [("Україна", "Ukraine"), ("Лівії", "Libya")]),
        ("hr", "Hrvatska će poslati pomoć Libiji.", [("Hrvatska", "Croatia"), ("Libiji", "Libya")]),
    ],
)
def test_a_demonym_in_lower_case_stays_a_demonym(lang: str, text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.text, m.actor.name) for m in find_actors(text, language=lang)] == found


# 1b. the abbreviations of "about" before a figure make it approximate
@pytest.mark.parametrize(
    ("lang", "text", "value", "unit"),
    [
        ("pl", "Rząd przeznaczy ok. 200 mln zł na drogi.", 200e6, "PLN"),
        ("de", "Der Bund gibt ca. 5 Mio. Euro aus.", 5e6, "EUR"),
        ("ru", "Выделят ок. 300 тыс. рублей на ремонт.", 3e5, "RUB"),
        ("uk", "Уряд виділить бл. 5 млн гривень.", 5e6, "UAH"),
        ("es", "El plan cuesta aprox. 5 millones de euros.", 5e6, "EUR"),
        ("fr", "Le plan coûtera env. 5 millions d'euros.", 5e6, "EUR"),
        ("tr", "Hükümet yakl. 5 milyon lira ayıracak.", 5e6, "TRY"),
    ],
)
def test_an_abbreviated_about_qualifies_the_figure(lang: str, text: str, value: float, unit: str) -> None:
    found = [(q.quantity.value, q.quantity.unit, q.quantity.qualifier) for q in find_quantities(text, language=lang)]
    assert found == [(value, unit, QuantityQualifier.about)]
