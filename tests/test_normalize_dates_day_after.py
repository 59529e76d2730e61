""""A day after <an event>" dates the event it opens: the day before the day the text named
last ("Macron spoke on Friday, a day after meeting Putin": the meeting is Thursday), in each
language whose press writes it so. Texts written for these tests; published Sunday
2026-03-08, the day named first is Friday 2026-03-06."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

_PUBLISHED = dt.date(2026, 3, 8)

CASES = [
    ("en", "The minister spoke on Friday, a day after meeting his Polish counterpart.", "a day after"),
    ("en", "Officials spoke on Friday, one day after the two leaders met.", "one day after"),
    ("fr", "Le ministre s'est exprimé vendredi, au lendemain du sommet de Bruxelles.", "au lendemain du"),
    ("fr", "Le ministre a parlé vendredi, au lendemain de sa rencontre avec le président.", "au lendemain de"),
    ("fr", "Elle s'est exprimée vendredi, un jour après avoir rencontré son homologue.", "un jour après"),
    ("de", "Der Minister sprach am Freitag, einen Tag nach dem Treffen in Berlin.", "einen Tag nach"),
    ("es", "El ministro habló el viernes, un día después de reunirse con su homólogo.", "un día después de"),
    ("es", "La ministra habló el viernes, un día después del encuentro en Madrid.", "un día después del"),
    ("it", "Il ministro ha parlato venerdì, il giorno dopo il vertice di Roma.", "il giorno dopo il"),
    ("it", "La ministra ha parlato venerdì, all'indomani della riunione di Milano.", "all'indomani della"),
    ("pt", "O ministro falou na sexta-feira, um dia depois da reunião em Lisboa.", "um dia depois da"),
    ("pt", "A ministra falou na sexta-feira, um dia após o encontro com o presidente.", "um dia após"),
    ("ru", "Министр выступил в пятницу, на следующий день после встречи в Минске.", "на следующий день после"),
    ("uk", "Міністр виступив у п'ятницю, наступного дня після зустрічі у Варшаві.", "наступного дня після"),
    ("hr", "Ministar je govorio u petak, dan nakon sastanka u Zagrebu.", "dan nakon"),
    ("id", "Menteri itu berbicara pada hari Jumat, sehari setelah bertemu presiden.", "sehari setelah"),
    ("vi", "Bộ trưởng phát biểu hôm thứ Sáu, một ngày sau khi gặp tổng thống.", "một ngày sau khi"),
]


@pytest.mark.parametrize(("language", "text", "phrase"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_a_day_after_an_event_is_the_day_before_the_day_named(language: str, text: str, phrase: str) -> None:
    found = {m.text: m.date.value for m in find_dates(text, published=_PUBLISHED, language=language)
             if m.date is not None}
    assert found.get(phrase) == "2026-03-05", found


@pytest.mark.parametrize(("language", "text", "phrase", "offset"), [
    ("en", "They met on Friday. A day later the talks broke down.", "A day later", 7),
    ("fr", "Ils se sont vus vendredi. Le lendemain, les pourparlers ont échoué.", "Le lendemain", 7),
    ("ru", "Они встретились в пятницу. На следующий день переговоры сорвались.", "На следующий день", 7),
    ("pt", "Reuniram-se na sexta-feira. Um dia depois, as conversas fracassaram.", "Um dia depois", 7),
])
def test_the_day_after_as_an_adverb_is_still_the_next_day(language: str, text: str, phrase: str,
                                                          offset: int) -> None:
    found = {m.text: m.date.value for m in find_dates(text, published=_PUBLISHED, language=language)
             if m.date is not None}
    assert found.get(phrase) == f"2026-03-0{offset}", found
