""""After the talks", "following the summit" is a later mention of a meeting already
reported, not a new one: "по итогам переговоров", "за підсумками зустрічі", "po
spotkaniu", "nakon sastanka", "görüşmenin ardından" restate the meeting before them
(the ``anaphor`` words before the meeting noun, ``anaphor_after`` after it). Told
first, with no meeting before it, such a mention is the meeting's report.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import quotes_of

_MENTIONS = [
    ("ru", "Президент Казахстана в среду принял в Астане лидеров Центральной Азии. Президент "
     "Узбекистана Шавкат Мирзиёев по итогам переговоров заявил о росте товарооборота."),
    ("uk", "Прем'єр-міністр Польщі у вівторок провів у Варшаві зустріч з канцлером Німеччини. "
     "Президент Литви після зустрічі з ними заявив про нові інвестиції."),
    ("pl", "Premier Czech spotkał się we wtorek w Pradze z prezydentem Słowacji. Prezydent "
     "Francji podczas rozmów z nimi zapowiedział nowe inwestycje."),
    ("hr", "Premijer je u utorak u Zagrebu primio slovenskog predsjednika. Predsjednik Austrije "
     "nakon sastanka s njima izjavio je da su razgovori bili korisni."),
    ("tr", "Cumhurbaşkanı Erdoğan salı günü Ankara'da Macaristan Başbakanı ile bir araya geldi. "
     "Almanya Başbakanı Merz, görüşmenin ardından ortak bir açıklama yaptı."),
]


@pytest.mark.parametrize(("lang", "text"), _MENTIONS, ids=[c[0] for c in _MENTIONS])
def test_a_mention_after_the_meeting_restates_it(backend: RulesBackend, lang: str, text: str) -> None:
    meetings = quotes_of(backend, text, lang, "meeting")
    assert len(meetings) == 1, meetings


def test_told_first_the_mention_is_the_meeting(backend: RulesBackend) -> None:
    text = "Po spotkaniu z prezydentem Francji premier Tusk zapowiedział nowe inwestycje."
    assert len(quotes_of(backend, text, "pl", "meeting")) == 1
