"""A meeting still to happen "next week" is dated by the month of the week after
publication (the guidelines' month when only that is known), in the languages whose date
tables leave "next week" out (a week that spans two months gives none).

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

#: a Wednesday: the next week runs from 13 to 19 May 2026
_PUBLISHED = "2026-05-06"

_CASES = [
    ("en", "Foreign Secretary Anna Berg will hold talks with Marco Rubio in Washington next week."),
    ("es", "El canciller viajará la próxima semana a Washington para reunirse con el secretario de Estado Marco Rubio."),
    ("pt", "O presidente vai participar na próxima semana de uma cimeira em Bruxelas."),
    ("fr", "Le ministre rencontrera la semaine prochaine à Washington le secrétaire d'État Marco Rubio."),
    ("it", "Il ministro incontrerà la prossima settimana a Washington il segretario di Stato Marco Rubio."),
    ("de", "Der Außenminister wird sich nächste Woche in Washington mit US-Außenminister Marco Rubio treffen."),
    ("tr", "Hakan Fidan gelecek hafta Washington'da Marco Rubio ile görüşme yapacak."),
]


@pytest.mark.parametrize(("lang", "text"), _CASES, ids=[c[0] for c in _CASES])
def test_a_meeting_next_week_takes_that_weeks_month(backend: RulesBackend, lang: str, text: str) -> None:
    assert dates_of(backend, text, lang, "meeting", _PUBLISHED) == ["2026-05"]



#: Turkish meetings told in the future tense of a meeting verb ("bir araya gelecek",
#: "görüşme yapacak", "ağırlayacak": will meet, will host), which no future word of the language marked
_TR_FUTURE = [
    ("Erdoğan önümüzdeki hafta Ankara'da İran Cumhurbaşkanı ile bir araya gelecek.", "2026-05"),
    ("Hakan Fidan Kahire'de Mısır Dışişleri Bakanı Bedr Abdulati ile görüşme yapacak.", None),
    ("Cumhurbaşkanı Erdoğan, Ürdün Kralı Abdullah'ı Ankara'da ağırlayacak.", None),
]


@pytest.mark.parametrize(("text", "date"), _TR_FUTURE, ids=[str(i) for i in range(len(_TR_FUTURE))])
def test_a_turkish_meeting_still_to_happen_is_not_dated_by_publication(
    backend: RulesBackend, text: str, date: str | None
) -> None:
    assert dates_of(backend, text, "tr", "meeting", _PUBLISHED) == [date]


#: "next" words of Croatian and Turkish that mark a meeting still to happen by themselves
#: ("idući tjedan", "idućeg tjedna", "önümüzdeki hafta": next week), beside "sljedeći" and
#: "gelecek hafta"; the clause has no other future word (session of 2026-12-02, `dat17`: the
#: publication day before)
_NEXT_WORDS = [
    ("hr", "Ministrica bi idući tjedan u Ljubljani trebala razgovarati s austrijskim kolegom o granici."),
    ("hr", "Ministri vanjskih poslova bi idućeg tjedna u Zagrebu trebali održati sastanak."),
    ("tr", "Bakanın önümüzdeki hafta Brüksel'de AB Komiseri ile görüşmesi bekleniyor."),
]


@pytest.mark.parametrize(("lang", "text"), _NEXT_WORDS, ids=[f"{c[0]}{i}" for i, c in enumerate(_NEXT_WORDS)])
def test_a_next_word_alone_marks_a_meeting_still_to_happen(backend: RulesBackend, lang: str, text: str) -> None:
    assert dates_of(backend, text, lang, "meeting", _PUBLISHED) == ["2026-05"]


def test_a_meeting_held_last_week_is_no_meeting_ahead(backend: RulesBackend) -> None:
    # "prošli tjedan" (last week) is no "next": the meeting keeps the publication's day
    assert dates_of(backend, "Ministri su se prošli tjedan sastali u Zagrebu.", "hr", "meeting", _PUBLISHED) != ["2026-05"]
