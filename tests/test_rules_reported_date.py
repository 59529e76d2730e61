"""A claim of the article's first sentence is dated by the day it was said, not by the
dateline in front of it: "LONDON, April 8, 2026 - Britain will send ..., Starmer said on
Tuesday" is 2026-04-07. When the next sentence of the paragraph tells who said it, and
when ("Lo ha annunciato ieri ...", "Об этом заявил во вторник ..."), its day dates the
claim, and so does the next paragraph's first sentence when it opens so and the claim's
sentence is the whole of its own paragraph; a next sentence that says something new ("X
said on Tuesday that ...") does not.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

#: (language, text, type, the claim's date); the dateline is Wednesday 8 April 2026
_CASES = [
    ("en", "LONDON, April 8, 2026 (Reuters) - Britain will send 50 million pounds to Ukraine, Prime Minister Keir Starmer said on Tuesday.", "pledge", "2026-04-07"),
    ("en", "LONDON, April 8, 2026 - Britain will send 50 million pounds to Ukraine. The announcement was made on Tuesday by Prime Minister Keir Starmer.", "pledge", "2026-04-07"),
    ("it", "ROMA, 8 aprile 2026 - La Francia invierà 50 milioni di euro all'Ucraina. Lo ha annunciato ieri a Parigi il presidente Emmanuel Macron.", "pledge", "2026-04-07"),
    ("es", "MADRID, 8 de abril de 2026 (EFE) - España enviará 200 soldados a Letonia. Así lo anunció el martes la ministra de Defensa Margarita Robles.", "pledge", "2026-04-07"),
    ("ru", "МОСКВА, 8 апреля 2026 г. - Россия направит гуманитарную помощь в Армению. Об этом заявил во вторник министр иностранных дел Сергей Лавров.", "pledge", "2026-04-07"),
    ("uk", "КИЇВ, 8 квітня 2026 року - Україна відмовилася від переговорів з Москвою. Про це заявив у вівторок міністр закордонних справ Андрій Сибіга.", "refusal", "2026-04-07"),
    ("id", "Jakarta, 8 April 2026 (Antara) - Pemerintah menegaskan tidak akan mengirim pasukan ke Gaza. Hal itu disampaikan Menteri Luar Negeri di Jakarta, Selasa (7/4).", "refusal", "2026-04-07"),
    ("pl", "WARSZAWA, 8 kwietnia 2026 (PAP) - Polska przekaże Ukrainie kolejny pakiet pomocy. Poinformował o tym we wtorek minister obrony.", "pledge", "2026-04-07"),
    # a next sentence that says something of its own does not date the claim before it
    ("en", "LONDON, April 8, 2026 - Britain will send 50 million pounds to Ukraine. Foreign Secretary David Lammy said on Tuesday that more help could follow.", "pledge", "2026-04-08"),
    # the first sentence of the next paragraph, when the claim's sentence is the whole of its
    # own and the next opens with the attribution (agencies' one-sentence leads; session of
    # 2026-12-02, `dat17`: before, the dateline's day)
    ("it", "ROMA, 8 aprile 2026 - La Francia invierà 50 milioni di euro all'Ucraina.\n\nLo ha annunciato ieri a Parigi il presidente Emmanuel Macron.", "pledge", "2026-04-07"),
    ("ru", "МОСКВА, 8 апреля 2026 г.\n\nРоссия направит гуманитарную помощь в Армению.\n\nОб этом заявил во вторник министр иностранных дел Сергей Лавров.", "pledge", "2026-04-07"),
    # not when the claim's paragraph goes on after it: the next paragraph tells of its last sentence
    ("it", "ROMA, 8 aprile 2026 - La Francia invierà 50 milioni di euro all'Ucraina. Il pacchetto comprende anche munizioni.\n\nLo ha annunciato ieri a Parigi il presidente Emmanuel Macron.", "pledge", "2026-04-08"),
    # nor when the next paragraph does not open with the attribution
    ("it", "ROMA, 8 aprile 2026 - La Francia invierà 50 milioni di euro all'Ucraina.\n\nIl presidente Emmanuel Macron ha parlato ieri a lungo con i giornalisti dei prossimi passi e lo ha annunciato.", "pledge", "2026-04-08"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "date"), _CASES, ids=[f"{c[0]}:{i}" for i, c in enumerate(_CASES)])
def test_a_claim_is_dated_by_when_it_was_said(backend: RulesBackend, lang: str, text: str, type_: str, date: str) -> None:
    assert dates_of(backend, text, lang, type_, None) == [date]
