"""What the rules backend does not read as a claim, and the modality it gives, in
several languages: calls on others, suppositions, readiness with and without terms,
a time frame ("until now") that is no condition.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts, first_of_each_type, of_type


def _types(backend: RulesBackend, text: str, lang: str) -> dict[str, str | None]:
    """The modality of the first claim of each type, by type."""
    return {t: d.fields.get("modality") for t, d in first_of_each_type(drafts(backend, text, lang)).items()}


# a call on others: the one called on has pledged nothing, the caller neither
_CALLS = [
    ("en", "Zelensky urged Germany to send more air defence systems."),
    ("en", "The president called on allies to deliver the promised shells faster."),
    ("fr", "Le chef de l'État a exhorté les Européens à livrer davantage de munitions."),
    ("de", "Die Ministerin forderte die Partner auf, mehr Munition zu liefern."),
    ("es", "El presidente instó a los aliados a enviar más defensas antiaéreas."),
    ("pl", "Premier wezwał sojuszników do przekazania większej liczby pocisków."),
    ("ru", "Президент призвал союзников поставить больше боеприпасов."),
    ("zh", "泽连斯基呼吁各国提供更多防空系统。"),
    ("ja", "大統領は各国に防空システムを提供するよう求めた。"),
    ("id", "Presiden mendesak negara-negara Barat untuk mengirim lebih banyak senjata."),
    ("vi", "Tổng thống kêu gọi các đồng minh cung cấp thêm vũ khí."),
    ("ar", "دعا الرئيس الحلفاء إلى إرسال مزيد من الأسلحة."),
]


@pytest.mark.parametrize(("lang", "text"), _CALLS, ids=[f"{s[0]}{i}" for i, s in enumerate(_CALLS)])
def test_a_call_on_others_is_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in _types(backend, text, lang)


# a supposition: "if X sends troops" states nothing about X
_SUPPOSED = [
    ("en", "If Europe sends troops, the conflict could widen."),
    ("fr", "Si la France envoie des troupes, Moscou réagira."),
    ("de", "Falls Deutschland Marschflugkörper liefert, droht eine Eskalation."),
    ("es", "Si España envía tropas, el conflicto podría extenderse."),
    ("ru", "Если Европа отправит войска, конфликт расширится."),
    ("zh", "如果欧洲派遣部队，冲突可能扩大。"),
    ("vi", "Nếu châu Âu triển khai quân đội, xung đột có thể lan rộng."),
    ("id", "Jika Eropa mengirim pasukan, konflik bisa meluas."),
]


@pytest.mark.parametrize(("lang", "text"), _SUPPOSED, ids=[s[0] for s in _SUPPOSED])
def test_a_supposition_is_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in _types(backend, text, lang)


# ... but the claim that a condition governs is a conditional claim
_CONDITIONAL = [
    ("en", "If a ceasefire holds, Britain will send troops.", "pledge"),
    ("zh", "英国表示，如果达成停火协议，将派遣部队。", "pledge"),
    ("pt", "Caso a Rússia aceite um cessar-fogo, Portugal enviará tropas.", "pledge"),
    ("pt", "Portugal enviará tropas se a Rússia aceitar um cessar-fogo.", "pledge"),
    ("de", "Die Niederlande sind bereit, nach einem Waffenstillstand Soldaten zu entsenden.", "pledge"),
    ("vi", "Sau khi có lệnh ngừng bắn, 15 nước sẵn sàng đóng góp binh sĩ.", "pledge"),
    ("en", "Sweden is ready to send troops once a peace deal is signed.", "pledge"),
    ("ru", "Швеция готова направить войска после заключения перемирия.", "pledge"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _CONDITIONAL, ids=[f"{s[0]}{i}" for i, s in enumerate(_CONDITIONAL)])
def test_readiness_or_a_claim_under_terms_is_conditional(backend: RulesBackend, lang: str,
                                                        text: str, type_: str) -> None:
    assert _types(backend, text, lang).get(type_) == "conditional"


# readiness alone stays tentative; a hedge with terms stays tentative too
_TENTATIVE = [
    ("en", "Sweden is ready to send troops.", "pledge"),
    ("id", "Indonesia siap mengirim pasukan perdamaian.", "pledge"),
    ("en", "Norway may send instructors after a ceasefire.", "pledge"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _TENTATIVE, ids=[f"{s[0]}{i}" for i, s in enumerate(_TENTATIVE)])
def test_readiness_alone_and_hedges_are_tentative(backend: RulesBackend, lang: str, text: str,
                                                  type_: str) -> None:
    assert _types(backend, text, lang).get(type_) == "tentative"


# "until now" is a time frame, and Portuguese reflexive "se" is no "if"
_FIRM = [
    ("en", "Until now, the government has refused to send troops.", "refusal"),
    ("id", "Sampai sekarang, pemerintah menolak mengirim pasukan.", "refusal"),
    ("fr", "Jusqu'à présent, le gouvernement a refusé d'envoyer des troupes.", "refusal"),
    ("pt", "O Brasil se comprometeu a enviar ajuda humanitária.", "pledge"),
    ("pt", "O governo se recusou a enviar tropas.", "refusal"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _FIRM, ids=[f"{s[0]}{i}" for i, s in enumerate(_FIRM)])
def test_time_frames_and_reflexives_are_no_condition(backend: RulesBackend, lang: str, text: str,
                                                     type_: str) -> None:
    assert _types(backend, text, lang).get(type_) == "firm"


# a cue word used as a noun ("about the pledge", "its commitment", 美国的承诺) states no claim
_NOUNS = [
    ("en", "Doubts grow about the commitment of the new government."),
    ("en", "Analysts questioned its pledge of support."),
    ("vi", "Nhiều người hoài nghi về cam kết của chính phủ mới."),
    ("zh", "外界质疑美国的承诺。"),
    ("id", "Para analis ragu tentang janji pemerintah baru."),
    ("ru", "Эксперты спорят о обещании правительства."),
    ("es", "Los analistas dudan sobre compromiso del gobierno."),
]


@pytest.mark.parametrize(("lang", "text"), _NOUNS, ids=[f"{s[0]}{i}" for i, s in enumerate(_NOUNS)])
def test_a_cue_used_as_a_noun_is_no_claim(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in _types(backend, text, lang)


# ... but a noun a verb of saying or showing makes a statement of, and a meeting noun, stay
_STATED = [
    ("vi", "Hà Lan đã thể hiện sự sẵn sàng tham gia lực lượng.", "pledge"),
    ("en", "Norway made a commitment to send instructors.", "pledge"),
    ("en", "The summit of the coalition took place in Paris.", "meeting"),
    ("zh", "双方的会谈在北京举行。", "meeting"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _STATED, ids=[f"{s[0]}{i}" for i, s in enumerate(_STATED)])
def test_stated_nouns_and_meeting_nouns_stay(backend: RulesBackend, lang: str, text: str,
                                            type_: str) -> None:
    assert type_ in _types(backend, text, lang)


def _meetings(backend: RulesBackend, text: str) -> int:
    return len(of_type(backend, text, "en", "meeting"))


_FILLER = " ".join(["Prices of energy rose again across the region."] * 6)


def test_a_bare_mention_of_the_meeting_is_the_story_meeting(backend: RulesBackend) -> None:
    """ "The meeting ended late" far below the summit names no actor and no place: the same meeting."""
    text = f"Leaders of 30 countries met in Paris on Thursday. {_FILLER} The meeting ended late in the evening."
    assert _meetings(backend, text) == 1


def test_a_call_of_another_format_is_another_meeting(backend: RulesBackend) -> None:
    text = f"Leaders of 30 countries met in Paris on Thursday. {_FILLER} A video call followed in the evening."
    assert _meetings(backend, text) == 2


# a threat stated as a consequence under a condition, with no warning verb, is a warning
_THREATS = [
    ("en", "Washington will impose new sanctions if Moscow rejects the deal."),
    ("en", "Unless the troops withdraw, Russia will respond militarily."),
    ("fr", "La France prendra des contre-mesures si la Russie attaque ses navires."),
    ("de", "Berlin werde mit Gegenmaßnahmen reagieren, falls Moskau die Lieferungen stoppt."),
    ("ru", "Москва примет ответные меры, если НАТО разместит войска у границы."),
    ("zh", "俄方表示，如果北约部署部队，将采取反制措施。"),
    ("id", "Rusia akan membalas jika NATO mengirim pasukan ke perbatasan."),
    ("vi", "Nga sẽ trả đũa nếu NATO triển khai quân tới biên giới."),
    ("es", "Rusia tomará represalias si la OTAN despliega tropas en la frontera."),
]


@pytest.mark.parametrize(("lang", "text"), _THREATS, ids=[f"{s[0]}{i}" for i, s in enumerate(_THREATS)])
def test_a_threat_under_a_condition_is_a_conditional_warning(backend: RulesBackend, lang: str,
                                                             text: str) -> None:
    assert _types(backend, text, lang).get("warning") == "conditional"


# ... a punitive act stated without a condition is no warning
_DONE = [
    ("en", "The EU imposed new sanctions on Russia on Monday."),
    ("fr", "L'Union européenne a adopté de nouvelles sanctions contre Moscou."),
    ("ru", "Евросоюз ввёл новые санкции против России."),
    ("en", "Until now, the ministry has not announced new sanctions."),
]


@pytest.mark.parametrize(("lang", "text"), _DONE, ids=[f"{s[0]}{i}" for i, s in enumerate(_DONE)])
def test_a_punitive_act_without_condition_is_no_warning(backend: RulesBackend, lang: str,
                                                        text: str) -> None:
    assert "warning" not in _types(backend, text, lang)


# a negated readiness word is a firm refusal, not a tentative one
_NOT_READY = [
    ("en", "Italy is not willing to send troops."),
    ("ru", "Италия не готова направить войска."),
    ("fr", "L'Italie n'est pas prête à envoyer des troupes."),
    ("id", "Italia tidak bersedia mengirim pasukan."),
    ("de", "Italien ist nicht bereit, Truppen zu schicken."),
]


@pytest.mark.parametrize(("lang", "text"), _NOT_READY, ids=[s[0] for s in _NOT_READY])
def test_not_ready_is_a_firm_refusal(backend: RulesBackend, lang: str, text: str) -> None:
    assert _types(backend, text, lang).get("refusal") == "firm"


# refusal verbs added to the lexicons
_REFUSALS = [
    ("ja", "米国はウクライナへの派兵を除外した。"),
    ("ko", "정부는 파병하지 않기로 했다."),
    ("hr", "Hrvatska neće poslati vojnike u Ukrajinu."),
    ("ar", "رفضوا المشاركة في المهمة."),
    ("en", "The government has no intention to send troops."),
]


@pytest.mark.parametrize(("lang", "text"), _REFUSALS, ids=[s[0] for s in _REFUSALS])
def test_refusal_verbs(backend: RulesBackend, lang: str, text: str) -> None:
    assert "refusal" in _types(backend, text, lang)


# "not all members are willing to": a part of a group, no identifiable actor, no claim
_PARTIAL = [
    ("en", "Not all members of the coalition are willing to send troops."),
    ("id", "Tidak semua negara bersedia mengirim pasukan."),
    ("ru", "Не все страны готовы направить войска."),
    ("fr", "Pas tous les alliés sont prêts à envoyer des soldats."),
    ("de", "Nicht alle Verbündeten sind bereit, Soldaten zu schicken."),
    ("zh", "并非所有成员国都愿意派遣部队。"),
]


@pytest.mark.parametrize(("lang", "text"), _PARTIAL, ids=[s[0] for s in _PARTIAL])
def test_a_part_of_a_group_states_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in _types(backend, text, lang)


def test_a_partial_word_in_another_clause_leaves_the_claim(backend: RulesBackend) -> None:
    assert "pledge" in _types(backend, "Italy pledged troops, but not all allies agreed.", "en")
