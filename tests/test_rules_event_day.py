"""A claim is dated by the day the article gives for its event, read from the article's
context: the day of a dateline filed before the page's publication date ("MOSCOW, March 11
(Reuters) -" on a page of March 12), and a day told from another ("The day before, ...").

Every text is written for these tests (none comes from the sample, test or held-out
articles); the publication date is Thursday 12 March 2026. Each case failed before (the
claim took the publication date, or the day named before).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

_PUBLISHED = dt.date(2026, 3, 12)



#: (language, text, claim type, its day): a dateline of a day before publication is the day
#: the story was filed: a claim with no day of its own was made then
_FILED = [
    # Germanic
    ("en", "WARSAW, March 10 (Reuters) -\n\nPoland will send 100 million zlotys to Ukraine, the prime minister said.",
     "pledge", "2026-03-10"),
    ("en", "OSLO, March 11 (Reuters) -\n\nNorway refused to join the new fishing ban, the foreign minister said.",
     "refusal", "2026-03-11"),
    ("de", "Wien, 11. März 2026 (APA) –\n\nÖsterreich wird sich nicht an einer Friedenstruppe beteiligen, sagte der Kanzler.",
     "refusal", "2026-03-11"),
    # Romance
    ("fr", "PARIS, 11 mars (AFP) -\n\nLa France livrera douze canons Caesar à l'Ukraine, a annoncé le ministre.",
     "pledge", "2026-03-11"),
    ("es", "Madrid, 11 mar (EFE).- España enviará 20 millones de euros a Gaza, anunció el Gobierno.", "pledge", "2026-03-11"),
    ("it", "(ANSA) - ROMA, 10 MAR - L'Italia invierà a Kiev un nuovo pacchetto di aiuti, ha annunciato il ministro.",
     "pledge", "2026-03-10"),
    ("pt", "Lisboa, 11 mar 2026 (Lusa) - Portugal vai enviar 20 milhões de euros para Gaza, anunciou o Governo.",
     "pledge", "2026-03-11"),
    # Slavic
    ("ru", "МОСКВА, 11 марта. Интерфакс -\n\nРоссия направит в Сирию гуманитарную помощь, заявил министр.",
     "pledge", "2026-03-11"),
    ("uk", "Київ, 10 березня (Укрінформ) –\n\nУгорщина заблокувала рішення про виділення Україні 6,6 млрд євро, "
     "повідомили в МЗС.", "refusal", "2026-03-10"),
    ("pl", "Warszawa, 11 marca 2026 (PAP) –\n\nPolska przekaże Ukrainie kolejny pakiet pomocy wojskowej – poinformował minister.",
     "pledge", "2026-03-11"),
    ("hr", "Zagreb, 11. ožujka 2026. (Hina) – Hrvatska neće poslati vojnike u Ukrajinu, rekao je premijer.",
     "refusal", "2026-03-11"),
    # Turkic
    ("tr", "ANKARA, 11 Mart 2026 (AA) -\n\nTürkiye, AB'nin yeni yaptırımlarına katılmayacak, dedi Bakan.", "refusal", "2026-03-11"),
    ("tr", "İSTANBUL, 10 Mart 2026 (AA) -\n\nTürkiye, Suriye'ye 50 milyon dolarlık yardım gönderecek.", "pledge", "2026-03-10"),
    ("tr", "ANKARA, 11 Mart 2026 (AA) -\n\nDışişleri Bakanı, Yunanistan'ı olası bir tatbikata karşı uyardı.",
     "warning", "2026-03-11"),
    # Arabic
    ("ar", "القاهرة، 11 مارس (رويترز) - رفضت مصر أي تهجير للفلسطينيين إلى سيناء.", "refusal", "2026-03-11"),
    ("ar", "الكويت، 10 مارس (رويترز) - تعهدت الكويت بتقديم 30 مليون دولار لوكالة الأونروا.", "pledge", "2026-03-10"),
    ("ar", "الرياض، 11 مارس (رويترز) - حذرت السعودية من أن أي تصعيد سيهدد أمن المنطقة.", "warning", "2026-03-11"),
    # Malay (Indonesian)
    ("id", "JAKARTA, 11 Maret 2026 (ANTARA) - Indonesia akan mengirim bantuan senilai US$2 juta bagi pengungsi Rohingya, "
     "kata Menlu.", "pledge", "2026-03-11"),
    ("id", "JAKARTA, 10 Maret 2026 (ANTARA) - Indonesia menolak kehadiran kapal asing di Natuna.", "refusal", "2026-03-10"),
    ("id", "JAKARTA, 11 Maret 2026 (ANTARA) - Jepang berjanji memberikan pinjaman 500 juta dolar AS kepada Indonesia.",
     "pledge", "2026-03-11"),
    # Vietnamese
    ("vi", "HÀ NỘI, 11/3 (TTXVN) - Việt Nam kiên quyết phản đối lệnh cấm đánh bắt cá đơn phương của Trung Quốc.",
     "refusal", "2026-03-11"),
    ("vi", "HÀ NỘI, 10/3 (TTXVN) - Nhật Bản cam kết cung cấp thêm 2 tàu tuần tra cho Cảnh sát biển Việt Nam.",
     "pledge", "2026-03-10"),
    ("vi", "HÀ NỘI, 11/3 (TTXVN) - Việt Nam sẽ cung cấp 500 tấn gạo cho Lào.", "pledge", "2026-03-11"),
    # CJK
    ("zh", "新华社北京3月11日电 外交部发言人表示，中方将向加沙提供新一批紧急人道主义援助。", "pledge", "2026-03-11"),
    ("zh", "本报华盛顿3月10日电（记者 李明）美国国务院表示，将向乌克兰提供援助。", "pledge", "2026-03-10"),
    ("zh", "中新网3月11日电 外交部拒绝了美方的要求。", "refusal", "2026-03-11"),
]


@pytest.mark.parametrize(("lang", "text", "kind", "day"), _FILED, ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in _FILED])
def test_a_dateline_filed_before_publication_dates_the_story(
    backend: RulesBackend, lang: str, text: str, kind: str, day: str
) -> None:
    assert dates_of(backend, text, lang, kind, _PUBLISHED) == [day]


def test_a_dateline_long_before_publication_is_another_storys_day(backend: RulesBackend) -> None:
    # ten days before: no story's own day, the publication's stays
    text = "WARSAW, March 2 (Reuters) -\n\nPoland will send 100 million zlotys to Ukraine, the prime minister said."
    assert dates_of(backend, text, "en", "pledge", _PUBLISHED) == ["2026-03-12"]


def test_yesterday_is_told_from_the_dateline_day(backend: RulesBackend) -> None:
    text = "BERLIN, March 11 (Reuters) -\n\nGermany pledged yesterday to send two more Patriot systems to Ukraine."
    assert dates_of(backend, text, "en", "pledge", _PUBLISHED) == ["2026-03-10"]


#: (language, text, claim type, its day): a day told from the day named before it
_STORY = [
    ("en", "Hungary blocked the sanctions package on Tuesday. The day before, Orban met Putin in Moscow.",
     "meeting", "2026-03-09"),
    ("en", "Orban met Putin in Moscow on Monday. The next day, Hungary blocked the new sanctions package.",
     "refusal", "2026-03-10"),
    ("fr", "Le sommet de l'Otan s'est ouvert mardi. La veille, le Premier ministre a rencontré son homologue polonais à Varsovie.",
     "meeting", "2026-03-09"),
    ("de", "Die Nato-Minister berieten am Dienstag in Brüssel. Am Vortag traf Scholz den polnischen Regierungschef in Warschau.",
     "meeting", "2026-03-09"),
    ("ru", "МОСКВА, 12 марта. Лавров встретился с Фиданом накануне.", "meeting", "2026-03-11"),
]


@pytest.mark.parametrize(("lang", "text", "kind", "day"), _STORY, ids=[f"{c[0]}-{c[2]}" for c in _STORY])
def test_a_claim_takes_the_day_told_from_another(backend: RulesBackend, lang: str, text: str, kind: str, day: str) -> None:
    assert dates_of(backend, text, lang, kind, _PUBLISHED)[-1:] == [day]
