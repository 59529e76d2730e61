"""A refusal or warning is dated by the day it was made, not by the date of what it
threatens: "will run out next month", "entro aprile" name when the threatened event
happens, after publication. A pledge is dated by when what it promises is to happen
("2028年までに", "next month": the type's ``dated_ahead``, as the dev gold dates "by
2030" 2030), and a meeting set for a later day keeps that day.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

_PUBLISHED = dt.date(2026, 2, 10)

_AHEAD = [
    ("id", "warning", "WHO memperingatkan bahwa stok vaksin di Sudan akan habis bulan depan."),
    ("it", "warning", "L'Unicef ha avvertito che le scorte di cibo a Gaza finiranno entro aprile."),
    ("ru", "refusal", "Венгрия не будет поддерживать санкции до конца марта, заявил министр."),
]
#: pledges with a date after publication (2026-02-10): dated by it
_PROMISED = [
    ("ja", "日本政府はインドネシアに2028年までに巡視船3隻を供与すると表明した。", "2028"),
    ("ko", "캐나다 정부는 다음 달 우크라이나에 장갑차 50대를 보내기로 했다.", "2026-03"),
    ("es", "Chile enviará 40 bomberos a Bolivia el 3 de marzo.", "2026-03-03"),
]



@pytest.mark.parametrize(("lang", "kind", "text"), _AHEAD, ids=[f"{t[0]}-{t[1]}" for t in _AHEAD])
def test_a_date_ahead_of_publication_does_not_date_a_refusal_or_warning(
    backend: RulesBackend, lang: str, kind: str, text: str
) -> None:
    assert dates_of(backend, text, lang, kind, _PUBLISHED) == ["2026-02-10"]


def test_a_past_date_still_dates_a_pledge(backend: RulesBackend) -> None:
    text = "Chile prometió el 3 de febrero enviar 40 bomberos a Bolivia."
    assert dates_of(backend, text, "es", "pledge", _PUBLISHED) == ["2026-02-03"]


def test_a_meeting_set_for_a_later_month_keeps_it(backend: RulesBackend) -> None:
    text = "Menteri luar negeri kedua negara akan bertemu di Jakarta bulan depan."
    assert dates_of(backend, text, "id", "meeting", _PUBLISHED) == ["2026-03"]


@pytest.mark.parametrize(("lang", "text", "date"), _PROMISED, ids=[t[0] for t in _PROMISED])
def test_a_pledge_is_dated_by_when_what_it_promises_is_to_happen(
    backend: RulesBackend, lang: str, text: str, date: str
) -> None:
    assert dates_of(backend, text, lang, "pledge", _PUBLISHED) == [date]
