"""A claim the article gives no day for is not dated by the day the story was told.

The annotation guidelines date a claim "when the claim's event happens or happened",
"null where the article gives no anchor". A meeting still to happen ("will meet",
"se reunirá", "sẽ hội đàm", 会談する予定だ) that names no day of its own happens on a
day the article does not give: the story's day (the lead's) and the publication day
are when it was announced. The rules backend leaves its date empty (the meeting type's
``undated_ahead``); a meeting held, a meeting with a day of its own and a pledge made
keep theirs (``bench/rules_dates.py`` counts each path).

Every text is written for these tests (none comes from the sample, test or held-out
articles); the publication date is Thursday 12 March 2026. Each case of ``_AHEAD``
failed before (the meeting took the publication day, or the lead's day).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.schemas import Document
from tests._rules_helpers import dates_of

_PUBLISHED = dt.date(2026, 3, 12)



#: (language, text): a meeting still to happen, with no day of its own
_AHEAD = [
    # Germanic: a future auxiliary
    ("en", "Japanese Prime Minister Shigeru Ishiba will hold talks with Indian Prime Minister Narendra Modi "
     "in New Delhi, officials said."),
    ("en", "On March 10, Germany pledged 50 million euros to Moldova.\n\nChancellor Friedrich Merz will hold "
     "talks with Moldovan President Maia Sandu in Chisinau."),
    ("de", "Bundeskanzler Friedrich Merz wird den polnischen Ministerpräsidenten Donald Tusk in Warschau treffen."),
    # Romance: the synthetic future and "ir" + infinitive
    ("fr", "Le président français Emmanuel Macron rencontrera le chancelier allemand Friedrich Merz à Berlin, "
     "a indiqué l'Élysée."),
    ("es", "El presidente del Gobierno, Pedro Sánchez, se reunirá con el presidente de Argentina, Javier Milei, "
     "en Madrid."),
    ("it", "La presidente del Consiglio Giorgia Meloni incontrerà il presidente ucraino Volodymyr Zelensky a Roma."),
    ("pt", "O presidente Lula vai se reunir com o presidente argentino Javier Milei em Brasília, informou o Planalto."),
    # Malay (Indonesian), Vietnamese
    ("id", "Presiden Prabowo Subianto akan bertemu dengan Perdana Menteri Malaysia Anwar Ibrahim di Kuala Lumpur."),
    ("vi", "Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Nhật Bản Shigeru Ishiba tại Tokyo."),
    # CJK
    ("zh", "外交部长王毅将在北京同法国外长举行会谈。"),
    ("ja", "岩屋外相は、ワシントンでルビオ国務長官と会談する予定だ。"),
    ("ko", "조태열 외교부 장관은 도쿄에서 일본 외무상과 회담할 예정이다."),
]


@pytest.mark.parametrize(("lang", "text"), _AHEAD, ids=[f"{c[0]}-{i}" for i, c in enumerate(_AHEAD)])
def test_a_meeting_ahead_with_no_day_is_undated(backend: RulesBackend, lang: str, text: str) -> None:
    assert dates_of(backend, text, lang, "meeting", _PUBLISHED) == [None]


#: (language, text, claim type, its day): what keeps a day
_KEPT = [
    # a meeting held: the story's day, else the publication's
    ("en", "On March 10, Germany pledged 50 million euros to Moldova.\n\nChancellor Friedrich Merz held "
     "talks with Moldovan President Maia Sandu in Chisinau.", "meeting", "2026-03-10"),
    ("de", "Bundeskanzler Friedrich Merz traf den polnischen Ministerpräsidenten Donald Tusk in Warschau.",
     "meeting", "2026-03-12"),
    ("vi", "Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản Shigeru Ishiba tại Tokyo.",
     "meeting", "2026-03-12"),
    # a meeting ahead with a day of its own
    ("en", "Japanese Prime Minister Shigeru Ishiba will hold talks with Indian Prime Minister Narendra Modi "
     "in New Delhi on March 20.", "meeting", "2026-03-20"),
    ("es", "Pedro Sánchez se reunirá con Javier Milei en Madrid el 20 de marzo.", "meeting", "2026-03-20"),
    # a pledge: the day it was made
    ("en", "On March 10, Germany pledged 50 million euros to Moldova.\n\nFrance will send 20 million euros "
     "to Moldova, the minister said.", "pledge", "2026-03-10"),
]


@pytest.mark.parametrize(("lang", "text", "kind", "day"), _KEPT, ids=[f"{c[0]}-{i}" for i, c in enumerate(_KEPT)])
def test_what_keeps_its_day(backend: RulesBackend, lang: str, text: str, kind: str, day: str) -> None:
    assert day in dates_of(backend, text, lang, kind, _PUBLISHED)


def test_date_paths_name_the_rule(backend: RulesBackend) -> None:
    """The bench's hook names the path of each claim and changes none of them."""
    text = ("On March 10, Germany pledged 50 million euros to Moldova.\n\nChancellor Friedrich Merz will hold "
            "talks with Moldovan President Maia Sandu in Chisinau. France refused to send troops.")
    doc = Document(id="t", text=text, language="en", published=_PUBLISHED)
    paths = [path for _, path in backend.date_paths(doc)]
    assert paths == ["clause", "ahead", "story"]
    assert len(backend.extract(doc).drafts) == len(paths)
