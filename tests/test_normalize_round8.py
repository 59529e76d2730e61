"""Segmentation and date mechanisms (review of round 8), in every language they apply to.
The sentences are written for these tests (none comes from the sample articles)."""

from __future__ import annotations

import pytest

from claimkit.extract.rules.text import segment


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
