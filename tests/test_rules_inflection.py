"""Inflection in the rules backend's decisions: case endings written onto names, future
and decision verbs that state a commitment, and the language a name is read in.

- Korean particles are written onto the name ("우크라이나에", "미국으로부터"), Turkish
  case endings after an apostrophe ("Ukrayna'ya", "Brüksel'de"): such a name is an
  object or a place, not the actor; the subject's own ending (은/는/이/가, none in
  Turkish) keeps it.
- A Korean cue noun marked as a topic ("약속은 ... 지켜지지 않았다": the pledge has not
  been kept) is a noun, no claim.
- Future and decision words ("irá", "vão", "będzie", "decided to", "karar verdi",
  "할 계획") with an action verb state a pledge; synthetic futures of action verbs
  ("fornecerão", "dostarczą", "sağlayacağını") are pledge cues.
- A name's role is read in the language of the cue that states the claim: Portuguese
  "O Canadá decidiu" holds no Polish preposition "o".
- A claim that names no actor is said by the group next to its verb of saying
  ("..., garantiu a Suécia").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type, actors_of

# (language, sentence, type, the actor, the name that must not be the actor)
_ENDINGS = [
    ("ko", "미국은 우크라이나에 무기를 보내기로 했다.", "pledge", "United States", "Ukraine"),
    ("ko", "우크라이나에 독일은 전차를 보내기로 했다.", "pledge", "Germany", "Ukraine"),
    ("ko", "일본은 필리핀에게 순찰선을 제공하기로 했다.", "pledge", "Japan", "Philippines"),
    ("ko", "북한으로부터 위협을 받은 한국은 경고했다.", "warning", "South Korea", "North Korea"),
    ("ko", "폴란드에는 캐나다가 병력을 보내기로 했다.", "pledge", "Canada", "Poland"),
    ("tr", "Ukrayna'ya Türkiye asker gönderecek.", "pledge", "Turkey", "Ukraine"),
    ("tr", "Polonya'da Almanya bir tugay konuşlandıracak.", "pledge", "Germany", "Poland"),
    ("tr", "Rusya'dan gelen tehditlere rağmen Finlandiya asker göndereceğini açıkladı.", "pledge",
     "Finland", "Russia"),
    ("tr", "Brüksel'de Macaristan yeni yaptırımları veto etti.", "refusal", "Hungary", "European Union"),
    ("tr", "İsrail'i İran sert bir dille uyardı.", "warning", "Iran", "Israel"),
    # a name made an adjective by -li takes the case of the noun it qualifies
    ("tr", "Polonya ABD'li yetkililerle yeni bir savunma anlaşması imzaladı.", "pledge", "Poland",
     "United States"),
    ("tr", "Macaristan AB'li bakanlara yeni yaptırımları veto edeceğini söyledi.", "refusal",
     "Hungary", "European Union"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actor", "absent"), _ENDINGS,
                         ids=[f"{s[0]}:{s[4]}" for s in _ENDINGS])
def test_a_name_with_a_case_ending_is_not_the_actor(
    backend: RulesBackend, lang: str, text: str, type_: str, actor: str, absent: str
) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert actor in actors and absent not in actors, actors


# the subject's own ending, or a longer ending than the listed one, keeps the name
_SUBJECTS = [
    ("ko", "한국이 우크라이나에 지원을 제공하기로 했다.", "pledge", "South Korea"),
    ("ko", "미국과 한국은 공동 성명에서 합의했다.", "pledge", "United States"),
    ("tr", "Almanya Ukrayna'ya tank gönderecek.", "pledge", "Germany"),
    ("tr", "Fransa, barış gücüne asker göndermeyi taahhüt etti.", "pledge", "France"),
    ("tr", "ABD'li yetkililer yeni yaptırımlar konusunda uyardı.", "warning", "United States"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actor"), _SUBJECTS, ids=[s[3] for s in _SUBJECTS])
def test_a_subject_ending_keeps_the_actor(
    backend: RulesBackend, lang: str, text: str, type_: str, actor: str
) -> None:
    claims = actors_by_type(backend, text, lang)
    assert actor in claims.get(type_, []), claims


def test_a_korean_topic_marked_cue_noun_states_no_claim(backend: RulesBackend) -> None:
    # "the international community's pledge of support has not been kept yet"
    assert actors_by_type(backend, "국제사회의 지원 약속은 아직 지켜지지 않았다.", "ko") == {}
    assert actors_by_type(backend, "평화 협상에 대한 경고는 무시되었다.", "ko") == {}
    # the verb keeps its claim: "Japan pledged support", "North Korea warned"
    assert "pledge" in actors_by_type(backend, "일본은 추가 지원을 약속했다.", "ko")
    assert "warning" in actors_by_type(backend, "북한은 강력한 대응을 경고했다.", "ko")


# a future or decision word with an action verb, or a synthetic future of one
_FUTURES = [
    ("pt", "Portugal irá enviar dois aviões para a Roménia.", "Portugal"),
    ("pt", "Os Estados Unidos fornecerão sistemas de defesa aérea a Kiev.", "United States"),
    ("pt", "O Canadá decidiu reforçar a sua presença militar na Letónia.", "Canada"),
    ("es", "Los Países Bajos entregarán doce cazas a Ucrania.", "Netherlands"),
    ("it", "La Spagna ha deciso di inviare due fregate nel Mar Rosso.", "Spain"),
    ("fr", "La Belgique a décidé d'envoyer des démineurs en Ukraine.", "Belgium"),
    ("en", "Norway decided to send two frigates to the Baltic.", "Norway"),
    ("pl", "Stany Zjednoczone dostarczą Polsce nowe śmigłowce.", "United States"),
    ("pl", "Kanada będzie szkolić ukraińskich żołnierzy w Polsce.", "Canada"),
    ("pl", "Rząd Francji zdecydował o wysłaniu myśliwców do Rumunii.", "France"),
    ("hr", "Hrvatska će poslati helikoptere u Ukrajinu.", "Croatia"),
    ("ru", "Германия будет поставлять Украине боеприпасы.", "Germany"),
    ("uk", "Канада вирішила передати Україні бронетехніку.", "Canada"),
    ("tr", "Japonya, Filipinler'e altı gemi sağlayacağını açıkladı.", "Japan"),
    ("tr", "Kanada, Letonya'ya asker göndermeye karar verdi.", "Canada"),
    ("ko", "독일은 리투아니아에 여단을 배치할 계획이다.", "Germany"),
    ("ko", "영국은 장거리 미사일을 보낼 것이라고 밝혔다.", "United Kingdom"),
]


@pytest.mark.parametrize(("lang", "text", "actor"), _FUTURES, ids=[f"{s[0]}:{s[2]}" for s in _FUTURES])
def test_a_future_or_decision_with_an_action_is_a_pledge(
    backend: RulesBackend, lang: str, text: str, actor: str
) -> None:
    claims = actors_by_type(backend, text, lang)
    assert actor in claims.get("pledge", []), claims


_NOT_PLEDGES = [
    ("pt", "Irá a Alemanha enviar tanques para a Ucrânia?"),  # asked
    ("pl", "Rosja nie będzie wysyłać żołnierzy, zapewnił Kreml."),  # negated: a refusal
    ("hr", "Hrvatska neće poslati vojnike u Ukrajinu."),  # negated: a refusal
    ("ko", "독일은 우크라이나에 전차를 보낼까?"),  # asked
]


@pytest.mark.parametrize(("lang", "text"), _NOT_PLEDGES, ids=[s[0] for s in _NOT_PLEDGES])
def test_a_future_that_is_asked_or_negated_is_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in actors_by_type(backend, text, lang)


def test_a_name_is_read_in_the_language_of_the_cue(backend: RulesBackend) -> None:
    # Portuguese article "O" is the Polish preposition "o" ("about"): not for a Portuguese cue
    assert actors_by_type(backend, "O Canadá decidiu reforçar a sua presença militar.", "pt")["pledge"] == ["Canada"]
    # in Polish, "o" still governs its name ("rozmawiał o Kanadzie": talked about Canada)
    assert "Canada" not in actors_by_type(backend, "Polska obiecała o Kanadzie nie zapominać.", "pl").get("pledge", [])


def test_a_claim_without_an_actor_is_said_by_the_group_next_to_the_verb_of_saying(
    backend: RulesBackend,
) -> None:
    text = "Os países nórdicos vão financiar a compra de munições para Kiev, garantiu a Suécia."
    assert actors_by_type(backend, text, "pt")["pledge"] == ["Sweden"]
    text = "The Nordic countries will fund the purchase of shells, Sweden said."
    assert actors_by_type(backend, text, "en")["pledge"] == ["Sweden"]
    # a clause that names its actor keeps it
    text = "Norway will fund the purchase of shells, Sweden said."
    assert actors_by_type(backend, text, "en")["pledge"] == ["Norway"]


def test_a_verb_first_subject_inside_a_composed_claim_is_its_actor(backend: RulesBackend) -> None:
    # "decided Qatar to send planes": the subject stands between the decision and the verb
    assert actors_by_type(backend, "قررت قطر إرسال طائرات محملة بالمساعدات.", "ar")["pledge"] == ["Qatar"]
    assert actors_by_type(backend, "Decidiu o Brasil enviar médicos para Angola.", "pt")["pledge"] == ["Brazil"]
    # a subject before the verb stays the actor, and the name after the action is its object
    assert actors_by_type(backend, "Norway decided to send Sweden two frigates.", "en")["pledge"] == ["Norway"]


def test_a_korean_owner_written_before_its_noun_with_a_space_is_not_the_actor(backend: RulesBackend) -> None:
    # "우크라이나 안보" is "우크라이나의 안보" (Ukraine's security): Canada acts
    text = "우크라이나 안보를 위해 캐나다는 교관을 파견하겠다고 약속했다."
    assert actors_by_type(backend, text, "ko")["pledge"] == ["Canada"]
    assert actors_by_type(backend, "우크라이나 영토에 병력을 배치하기로 약속했다.", "ko")["pledge"] == []
    # a country before an office keeps it ("한국 정부": the government of South Korea)
    assert actors_by_type(backend, "한국 정부는 지원을 약속했다.", "ko")["pledge"] == ["South Korea"]


def test_a_quantifier_of_any_case_is_no_commitment_but_can_be_a_threat(backend: RulesBackend) -> None:
    assert actors_by_type(backend, "Any deployment of troops will need a mandate.", "en") == {}
    text = "Moscow said any Western troops in Ukraine would be a legitimate target."
    assert actors_by_type(backend, text, "en")["warning"] == ["Russia"]


def test_a_threat_as_the_object_of_a_promise_is_a_warning(backend: RulesBackend) -> None:
    text = "Iran vowed a crushing response if Israel strikes its nuclear sites."
    assert set(actors_by_type(backend, text, "en")) == {"warning"}
    # a promise whose object is no threat stays a pledge
    text = "Iran vowed a large aid package if the ceasefire holds."
    assert set(actors_by_type(backend, text, "en")) == {"pledge"}
