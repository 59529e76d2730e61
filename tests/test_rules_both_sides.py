"""Who "both sides" are (support.py ``pair_actors``, backend.py ``_pair``, the ``sides``
class of the cue lists): a claim whose subject is "both sides", "the two countries", "les
deux parties", 双方, 양측, "Hai bên", "Kedua pihak", "İki taraf", "Стороны договорились",
الجانبان, made right after a meeting, is made by the two countries or bodies that met,
each person of that meeting as whom they speak for (one named by a title with no country
is the article's home country's: "Außenministerin Anna Berger empfing ihren polnischen
Amtskollegen" in a paper of Berlin); "the two leaders" stays the two people. The sides are
those of the latest meeting before that names two (not its host named in between: "The
meeting was hosted by Turkey"). A meeting the two sides agree to hold that names its own
participants ("两国元首同意...举行中法战略对话", "Hội nghị Cấp cao ASEAN") is theirs. "The two
presidents" further on than six sentences after the meeting are still its two people.

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the mechanism, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

#: (language, claim type, the two sides, text): a meeting, then "both sides" pledge
_SIDES = [
    ("de", "pledge", ["Germany", "Poland"],
     "Berlin, 2. Juni 2025 -\n\nAußenminister Johann Wadephul empfing am Montag in Berlin seinen polnischen "
     "Amtskollegen Radosław Sikorski. Beide Seiten vereinbarten, die Zusammenarbeit bei der Luftverteidigung "
     "auszubauen."),
    ("de", "pledge", ["Germany", "Poland"],
     "Berlin, 2. Juni 2025 -\n\nAußenministerin Anna Berger empfing am Montag in Berlin ihren polnischen "
     "Amtskollegen Radosław Sikorski. Beide Seiten vereinbarten, die Zusammenarbeit bei der Luftverteidigung "
     "auszubauen."),
    ("ru", "pledge", ["Russia", "India"],
     "Москва, 2 июня 2025 -\n\nМинистр финансов Антон Силуанов провел в понедельник в Москве переговоры с "
     "министром финансов Индии Нирмалой Ситхараман. Стороны договорились расширить расчеты в национальных валютах."),
    ("uk", "pledge", ["Ukraine", "Poland"],
     "Київ, 2 червня 2025 -\n\nМіністр закордонних справ Андрій Сибіга провів у понеділок у Києві переговори з "
     "главою МЗС Польщі Радославом Сікорським. Сторони домовилися посилити співпрацю у сфері протиповітряної оборони."),
    ("vi", "pledge", ["Vietnam", "Thailand"],
     "Hà Nội, 2/6/2025 -\n\nThủ tướng Phạm Minh Chính đã điện đàm với Thủ tướng Thái Lan Paetongtarn Shinawatra "
     "ngày 2/6. Hai bên nhất trí sẽ tăng cường hợp tác trong lĩnh vực nông nghiệp."),
    ("zh", "pledge", ["China", "Vietnam"],
     "新华社北京6月2日电 国务院总理李强2日在北京同越南总理范明政举行会谈。双方同意加强铁路互联互通合作。"),
    ("en", "pledge", ["United Kingdom", "Norway"],
     "London, June 2, 2025 -\n\nPrime Minister Keir Starmer met Norwegian Prime Minister Jonas Gahr Støre in "
     "London on Monday. Both countries pledged to build a joint carbon storage site in the North Sea."),
    ("fr", "pledge", ["France", "Morocco"],
     "Paris, 2 juin 2025 -\n\nLe ministre des Affaires étrangères Jean-Noël Barrot a reçu lundi à Paris son "
     "homologue marocain Nasser Bourita. Les deux parties se sont engagées à renforcer leur coopération dans le "
     "domaine de l'énergie."),
    ("es", "pledge", ["Spain", "Morocco"],
     "Madrid, 2 de junio de 2025 -\n\nEl ministro de Exteriores, José Manuel Albares, se reunió el lunes en Madrid "
     "con su homólogo marroquí, Nasser Bourita. Ambas partes se comprometieron a reforzar la cooperación migratoria."),
    ("id", "pledge", ["Indonesia", "Malaysia"],
     "Jakarta, 2 Juni 2025 -\n\nPresiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di "
     "Jakarta pada Senin. Kedua pihak berjanji meningkatkan kerja sama pemberantasan penyelundupan narkoba."),
    ("tr", "pledge", ["Turkey", "Azerbaijan"],
     "Ankara, 2 Haziran 2025 -\n\nDışişleri Bakanı Hakan Fidan, Azerbaycanlı mevkidaşı Ceyhun Bayramov ile "
     "Ankara'da görüştü. İki taraf, enerji alanındaki işbirliğini artırma sözü verdi."),
    ("ko", "pledge", ["South Korea", "Japan"],
     "서울=연합뉴스, 2025년 6월 2일 -\n\n조태열 외교부 장관은 2일 서울에서 이와야 다케시 일본 외무상과 회담했다. "
     "양측은 경제 안보 협력을 강화하기로 약속했다."),
    ("ja", "pledge", ["Japan", "Philippines"],
     "東京、2025年6月2日 -\n\n岩屋毅外相は2日、東京でフィリピンのマナロ外相と会談した。両国は海洋安全保障の協力を強化すると約束した。"),
    ("ar", "pledge", ["Egypt", "Jordan"],
     "القاهرة، 2 يونيو 2025 -\n\nالتقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في القاهرة "
     "يوم الاثنين. وتعهد الجانبان بتعزيز التعاون في مجال الطاقة."),
    # the host named between the talks and "both sides": the sides are the delegations'
    ("en", "pledge", ["Armenia", "Azerbaijan"],
     "Istanbul, June 2, 2025 -\n\nDelegations of Armenia and Azerbaijan held talks in Istanbul on Monday. "
     "The meeting was hosted by Turkey. Both sides agreed to open two border crossings."),
]


@pytest.mark.parametrize(("lang", "type_", "sides", "text"), _SIDES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(_SIDES)])
def test_both_sides_after_a_meeting_are_the_countries_that_met(
        backend: RulesBackend, lang: str, type_: str, sides: list[str], text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert sorted(actor_names(found[0])) == sorted(sides)


#: (language, the meeting's participants, its words, text): a meeting "both sides" agreed
#: to hold or attend, naming who takes part
_OWN_MEETING = [
    ("zh", ["China", "France"], "中法战略对话",
     "新华社北京6月2日电 国家主席习近平2日同法国总统马克龙通电话。两国元首同意明年在北京举行新一轮中法战略对话。"),
    ("vi", ["ASEAN"], "Hội nghị Cấp cao ASEAN",
     "Hà Nội, 2/6/2025 -\n\nBộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với Bộ trưởng Ngoại giao Thái Lan "
     "Maris Sangiampongsa ngày 2/6. Hai bên nhất trí phối hợp chặt chẽ tại Hội nghị Cấp cao ASEAN tại Kuala Lumpur "
     "vào tháng 10."),
]


@pytest.mark.parametrize(("lang", "participants", "words", "text"), _OWN_MEETING, ids=[c[0] for c in _OWN_MEETING])
def test_a_meeting_both_sides_agree_to_hold_is_its_participants(
        backend: RulesBackend, lang: str, participants: list[str], words: str, text: str) -> None:
    found = [d for d in of_type(backend, text, lang, "meeting") if any(words in s.text for s in d.spans)]
    assert found, text
    assert sorted(actor_names(found[0])) == sorted(participants)


def test_the_two_leaders_are_the_two_people(backend: RulesBackend) -> None:
    text = ("London, June 2, 2025 -\n\nPrime Minister Keir Starmer met Norwegian Prime Minister Jonas Gahr Støre in "
            "London on Monday. The two leaders pledged to build a joint carbon storage site in the North Sea.")
    assert sorted(actor_names(of_type(backend, text, "en", "pledge")[0])) == ["Jonas Gahr Støre", "Keir Starmer"]


def test_two_heads_of_state_are_no_two_countries(backend: RulesBackend) -> None:
    # 两国元首 (the heads of state of the two countries) holds 两国 (the two countries)
    text = "新华社北京6月2日电 国家主席习近平2日同法国总统马克龙通电话。两国元首承诺加强气候合作。"
    assert sorted(actor_names(of_type(backend, text, "zh", "pledge")[0])) == ["Emmanuel Macron", "Xi Jinping"]


def test_sides_not_known_stay_the_people(backend: RulesBackend) -> None:
    # two officials whose countries the text does not give, and no dateline: no pair of countries
    text = ("Minister Anna Berger met her counterpart Jan Novak on Monday. "
            "Both sides pledged to cut tariffs on steel.")
    names = actor_names(of_type(backend, text, "en", "pledge")[0])
    assert sorted(names) == ["Anna Berger", "Jan Novak"]


def test_a_clause_naming_its_own_subject_is_not_both_sides(backend: RulesBackend) -> None:
    # 双方 opens an earlier clause ("by the consensus both sides reached"): 中方 (China) is the
    # subject of the pledge, France makes none of it
    text = ("新华社北京6月2日电 国家主席习近平2日同法国总统马克龙通电话。"
            "根据双方达成的共识，中方将派出贸易代表团赴法国。")
    assert "France" not in actor_names(of_type(backend, text, "zh", "pledge")[0])


#: (language, the two people, text): "the two presidents" eight sentences after their meeting
_FAR = [
    ("fr", ["Bassirou Diomaye Faye", "Emmanuel Macron"],
     "Paris, 2 juin 2025 -\n\nLe président Emmanuel Macron a reçu lundi à l'Élysée le président sénégalais Bassirou "
     "Diomaye Faye. Les discussions ont porté sur le commerce. L'ambiance était cordiale. Les échanges ont augmenté "
     "l'an dernier. Plusieurs ministres ont assisté au déjeuner. Un dîner a suivi. Des manifestants se sont rassemblés "
     "devant le palais. La police a fermé deux rues. Les deux présidents se retrouveront en novembre à Dakar.",
     "Les deux présidents"),
    ("de", ["Donald Tusk", "Friedrich Merz"],
     "Berlin, 2. Juni 2025 -\n\nBundeskanzler Friedrich Merz hat am Montag in Berlin den polnischen "
     "Ministerpräsidenten Donald Tusk empfangen. Im Mittelpunkt stand der Handel. Die Stimmung galt als gut. Der "
     "Warenaustausch wuchs im vergangenen Jahr. Mehrere Minister nahmen am Mittagessen teil. Am Abend folgte ein "
     "Essen. Vor dem Kanzleramt standen Demonstranten. Die Polizei sperrte zwei Straßen. Die beiden Regierungschefs "
     "werden sich im November in Warschau wieder treffen.",
     "Die beiden Regierungschefs"),
]


@pytest.mark.parametrize(("lang", "people", "text", "words"), _FAR, ids=[c[0] for c in _FAR])
def test_the_two_leaders_far_after_their_meeting_are_its_two_people(
        backend: RulesBackend, lang: str, people: list[str], text: str, words: str) -> None:
    found = [d for d in of_type(backend, text, lang, "meeting") if any(words in s.text for s in d.spans)]
    assert found, text
    assert sorted(actor_names(found[0])) == people
