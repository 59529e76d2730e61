"""A claim made at a meeting the article told of before ("At the meeting, Japan pledged
...", "Dalam pertemuan tersebut, Uni Eropa berjanji ...", "В ходе этой встречи ... пообещал") is
dated by the last day the article named before its sentence, across paragraphs: the day of
that meeting, not the story's day from the lead (issue 13; session of 2026-12-02, ``dat17``).

Every text is written for these tests (none comes from the sample, test or held-out articles).
Each positive case took the lead's day (Thursday 12 March 2026) before.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

#: Thursday 12 March 2026
_PUBLISHED = dt.date(2026, 3, 12)

_CASES = [
    ("en", "Japan's foreign minister said on Thursday that ties with Manila had never been closer.\n\n"
           "He met his Philippine counterpart in Manila on Monday.\n\n"
           "At the meeting, Japan pledged five patrol boats to the Philippines.", "pledge", "2026-03-09"),
    ("id", "Menteri Perdagangan mengatakan di Jakarta, Kamis, bahwa ekspor sawit ke Eropa terus menurun.\n\n"
           "Ia bertemu Komisioner Perdagangan Uni Eropa di Brussel pada Senin lalu.\n\n"
           "Dalam pertemuan tersebut, Uni Eropa berjanji meninjau ulang aturan deforestasi.", "pledge", "2026-03-09"),
    ("ru", "Министр иностранных дел заявил в четверг, что отношения с Ереваном остаются сложными.\n\n"
           "Во вторник он провел переговоры с армянским коллегой в Москве.\n\n"
           "В ходе этой встречи Россия пообещала поставить Армении зерно.", "pledge", "2026-03-10"),
]

_GUARDS = [
    # no meeting named again: the story's day
    ("en", "Japan's foreign minister said on Thursday that ties with Manila had never been closer.\n\n"
           "He met his Philippine counterpart in Manila on Monday.\n\n"
           "Separately, Japan pledged five patrol boats to the Philippines.", "pledge", "2026-03-12"),
    # a meeting named for the first time ("a meeting"): no earlier day is its
    ("en", "Japan's foreign minister said on Thursday that ties with Manila had never been closer.\n\n"
           "He met his Philippine counterpart in Manila on Monday.\n\n"
           "Ahead of a meeting in Tokyo, Japan pledged five patrol boats to the Philippines.", "pledge", "2026-03-12"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "date"), _CASES + _GUARDS,
                         ids=[f"{c[0]}:{i}" for i, c in enumerate(_CASES + _GUARDS)])
def test_a_claim_made_at_a_meeting_told_before_takes_its_day(
        backend: RulesBackend, lang: str, text: str, type_: str, date: str) -> None:
    assert dates_of(backend, text, lang, type_, _PUBLISHED) == [date]
