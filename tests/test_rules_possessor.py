"""Actor roles of the rules backend: the possessor of what a claim is about is not its
actor ("Ukraine's territory", "keamanan Kyiv", ウクライナの領土), a clause that opens
with its verb shares the sentence's subject, and a name before a postposition after a
compound's tail (米軍を) is an object.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type, actors_of

# (language, sentence, type, the actor, the possessor that must not be the actor)
_OWNERS = [
    ("en", "To guarantee Ukraine's security Canada will send instructors.", "pledge", "Canada", "Ukraine"),
    ("en", "On the territory of Moldova Germany pledged to station troops.", "pledge", "Germany", "Moldova"),
    ("fr", "Pour la sécurité de la Pologne la Belgique a promis des avions.", "pledge", "Belgium", "Poland"),
    ("de", "Zur Sicherheit der Ukraine versprach Norwegen neue Soldaten.", "pledge", "Norway", "Ukraine"),
    ("es", "Para la reconstrucción de Siria Japón prometió 200 millones de dólares.", "pledge", "Japan", "Syria"),
    ("pt", "Para a segurança da Ucrânia o Brasil prometeu enviar médicos.", "pledge", "Brazil", "Ukraine"),
    ("it", "Per la sicurezza della Moldavia la Romania ha promesso aiuti.", "pledge", "Romania", "Moldova"),
    ("id", "Demi keamanan Lebanon Indonesia berjanji mengirim pasukan.", "pledge", "Indonesia", "Lebanon"),
    ("vi", "Để bảo vệ an ninh Ukraine Canada cam kết gửi thêm huấn luyện viên.", "pledge", "Canada", "Ukraine"),
    ("ru", "Ради безопасности Молдавии Румыния пообещала выделить средства.", "pledge", "Romania", "Moldova"),
    ("uk", "Для відбудови України Японія пообіцяла надати кошти.", "pledge", "Japan", "Ukraine"),
    ("pl", "Dla bezpieczeństwa Ukrainy Norwegia obiecała przekazać sprzęt.", "pledge", "Norway", "Ukraine"),
    ("hr", "Za obnovu Ukrajine Japan je obećao novac.", "pledge", "Japan", "Ukraine"),
    ("zh", "乌克兰的盟友加拿大承诺派遣教官。", "pledge", "Canada", "Ukraine"),
    ("ja", "ウクライナの領土を守るためカナダは教官を派遣すると約束した。", "pledge", "Canada", "Ukraine"),
    ("ko", "우크라이나의 안보를 위해 캐나다는 교관을 파견하겠다고 약속했다.", "pledge", "Canada", "Ukraine"),
    ("tr", "Ukrayna'nın güvenliği için Kanada eğitmen göndermeyi taahhüt etti.", "pledge", "Canada", "Ukraine"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actor", "owner"), _OWNERS,
                         ids=[f"{s[0]}:{s[4]}" for s in _OWNERS])
def test_the_owner_of_what_the_claim_is_about_is_not_its_actor(
    backend: RulesBackend, lang: str, text: str, type_: str, actor: str, owner: str
) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert actor in actors and owner not in actors, actors


# the possessor alone, as the only name near the cue: the claim has no actor from it
_OWNER_ONLY = [
    ("en", "The unit will be deployed within the territory of Moldova.", "Moldova"),
    ("en", "Lebanon's allies pledged new aid.", "Lebanon"),
    ("zh", "乌克兰的盟友承诺提供更多援助。", "Ukraine"),
    ("ar", "تعهد حلفاء لبنان بتقديم مساعدات جديدة.", "Lebanon"),
    ("ja", "ウクライナの領土に部隊を派遣することを約束した。", "Ukraine"),
    ("id", "Pasukan itu akan dikirim untuk menjaga keamanan Kyiv.", "Ukraine"),
    ("ru", "Подразделение будет развернуто на территории Молдавии.", "Moldova"),
]


@pytest.mark.parametrize(("lang", "text", "owner"), _OWNER_ONLY, ids=[s[0] for s in _OWNER_ONLY])
def test_a_lone_possessor_is_not_made_the_actor(backend: RulesBackend, lang: str, text: str,
                                                owner: str) -> None:
    for actors in actors_by_type(backend, text, lang).values():
        assert owner not in actors


# negatives: a country owning a person or an office, or owning the claim itself, acts
_KEEPS = [
    ("en", "Russia's foreign ministry warned of a harsh response.", "warning", "Russia"),
    ("en", "The government of Norway pledged 50 million euros.", "pledge", "Norway"),
    ("fr", "Le gouvernement de la Belgique a promis une aide.", "pledge", "Belgium"),
    ("de", "Die Regierung von Norwegen versprach neue Hilfe.", "pledge", "Norway"),
    ("ja", "ロシアの外務省は報復を警告した。", "warning", "Russia"),
    ("zh", "俄罗斯政府警告说将采取报复措施。", "warning", "Russia"),
    ("ru", "Правительство Норвегии пообещало выделить средства.", "pledge", "Norway"),
    ("id", "Pemerintah Jepang berjanji memberikan bantuan.", "pledge", "Japan"),
    ("tr", "Norveç hükümeti yardım göndermeyi taahhüt etti.", "pledge", "Norway"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actor"), _KEEPS, ids=[s[0] + ":" + s[3] for s in _KEEPS])
def test_a_country_owning_an_office_still_acts(backend: RulesBackend, lang: str, text: str,
                                               type_: str, actor: str) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert actor in actors


# a clause opening with its verb shares the sentence's subject, not the nearest name
_SHARED = [
    ("en", "Norway criticised Hungary on Monday, and warned that the aid could be delayed.", "warning",
     "Norway", "Hungary"),
    ("en", "Poland, which has long criticised Hungary, refused to sign the statement.", "refusal",
     "Poland", "Hungary"),
    ("fr", "La Pologne a critiqué la Hongrie lundi, et a averti que l'aide pourrait être retardée.",
     "warning", "Poland", "Hungary"),
    ("id", "Polandia, yang sering mengkritik Hungaria, menolak menandatangani pernyataan itu.",
     "refusal", "Poland", "Hungary"),
    ("es", "Polonia criticó a Hungría el lunes, y advirtió que la ayuda podría retrasarse.",
     "warning", "Poland", "Hungary"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actor", "absent"), _SHARED, ids=[s[0] for s in _SHARED])
def test_a_verb_first_clause_shares_the_sentence_subject(
    backend: RulesBackend, lang: str, text: str, type_: str, actor: str, absent: str
) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert actor in actors and absent not in actors, actors


def test_a_clause_with_its_own_subject_keeps_the_nearest_name(backend: RulesBackend) -> None:
    claims = actors_by_type(backend, "Norway met Hungary on Monday, and Hungary refused to sign.", "en")
    assert claims["refusal"][:1] == ["Hungary"]


# Japanese: a name inside a compound before a postposition is an object
_COMPOUNDS = [
    ("ja", "首相は、米軍を派遣することを除外した。", "refusal", "United States"),
    ("ja", "彼は、ロシア連邦なしでは合意できないと警告した。", "warning", "Russia"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "absent"), _COMPOUNDS, ids=[s[3] for s in _COMPOUNDS])
def test_a_compound_before_a_postposition_is_an_object(backend: RulesBackend, lang: str, text: str,
                                                       type_: str, absent: str) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert absent not in actors


def test_without_a_country_is_no_actor(backend: RulesBackend) -> None:
    claims = actors_by_type(backend, "No deal can be reached without Russia, Hungary warned.", "en")
    assert "Hungary" in claims["warning"] and "Russia" not in claims["warning"]


# a pronoun speaker stands for the person named in the sentence before
_PRONOUN_SPEAKERS = [
    ("en", "Macron met the press on Friday. He stressed that France will not send combat troops.",
     "refusal", "Emmanuel Macron"),
    ("fr", "Emmanuel Macron a rencontré la presse. Il a souligné que la France n'enverra pas de troupes.",
     "refusal", "Emmanuel Macron"),
    ("ru", "Лавров встретился с журналистами. Он заявил, что Россия не примет войска НАТО.",
     "refusal", "Sergey Lavrov"),
    ("zh", "马克龙周五会见了记者。他强调，法国不会派遣作战部队。", "refusal", "Emmanuel Macron"),
    ("ja", "ラブロフ外相は記者団と会見した。彼は、ロシアはNATO軍を受け入れないと述べた。",
     "refusal", "Sergey Lavrov"),
    ("de", "Scholz traf am Montag Journalisten. Er betonte, Deutschland werde keine Soldaten schicken.",
     "refusal", "Olaf Scholz"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "speaker"), _PRONOUN_SPEAKERS,
                         ids=[s[0] for s in _PRONOUN_SPEAKERS])
def test_a_pronoun_speaker_is_the_person_named_before(
    backend: RulesBackend, lang: str, text: str, type_: str, speaker: str
) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert actors[:1] == [speaker], actors


def test_a_plural_pronoun_or_a_named_speaker_takes_no_earlier_person(backend: RulesBackend) -> None:
    text = "Macron met the press. They said Russia will not accept troops."
    assert "Emmanuel Macron" not in actors_by_type(backend, text, "en")["refusal"]
    text = "Macron met the press. Officials said Russia will not accept troops."
    assert "Emmanuel Macron" not in actors_by_type(backend, text, "en")["refusal"]


def test_a_title_anaphor_of_a_cue_file_stands_for_the_person_named_before() -> None:
    # bare titles are a class of their own (``title_anaphor``), read as a pronoun: one a cue
    # file adds ("the envoy") stands for the person named before; before the class existed,
    # such a list was read as the cues of a claim type named "title_anaphor"
    text = ("Special Envoy Tom Harrison arrived in Kyiv on Monday. "
            "The envoy said Britain will not send troops to Ukraine.")
    extra = {"languages": {"en": {"title_anaphor": ["the envoy"]}}}
    assert "Tom Harrison" not in actors_by_type(RulesBackend(), text, "en").get("refusal", [])
    extended = RulesBackend(cues=extra)
    assert actors_of(extended, text, "en", "refusal")[:1] == ["Tom Harrison"]
    assert "title_anaphor" not in extended.cues.claim_categories()


def test_the_pronoun_lists_hold_no_title() -> None:
    # the bare titles of the 16 languages that have them are in ``title_anaphor``, not ``pronoun``
    # (Japanese and Korean since nat10: "外相は", "장관은", with their particles)
    raw = RulesBackend().cues.raw
    titled = sorted(code for code, spec in raw.items() if spec.get("title_anaphor"))
    assert titled == sorted(["en", "fr", "es", "it", "pt", "de", "pl", "ru", "uk", "hr", "tr", "id", "ar", "zh",
                             "ja", "ko"])
    for code in titled:
        pronouns = raw[code].get("pronoun", [])
        assert not set(pronouns) & set(raw[code]["title_anaphor"]), code
        assert all(len(w.split()) == 1 for w in pronouns), code


# Japanese: a name with its title and the person's name before と ("with") is a participant,
# and a country written right after a person is his title
def test_a_title_phrase_before_a_postposition_is_an_object(backend: RulesBackend) -> None:
    text = "カナダ首相は、ヨルダン外務大臣のアイマン・サファディとの会談を行った。"
    claims = actors_by_type(backend, text, "ja")
    assert "Jordan" not in claims["meeting"] and "Canada" in claims["meeting"], claims


def test_a_country_right_after_a_person_is_his_title(backend: RulesBackend) -> None:
    text = "ドナルド・トランプ米大統領は先週、ロシアと会談し、月曜日に欧州の指導者をホストした。"
    claims = actors_by_type(backend, text, "ja")
    assert claims["meeting"][:1] == ["Donald Trump"], claims


# a quotation over several sentences: its speaker is named after the closing mark
_QUOTED = [
    ("en", "Talks went on. “We will not send troops. This is final,” Macron said on Monday.",
     "refusal", "Emmanuel Macron"),
    ("ja", "「ロシアは合意を受け入れない。これはうまくいかない」とラブロフは述べた。", "refusal", "Sergey Lavrov"),
    ("fr", "« La France n'enverra pas de troupes. C'est clair », a déclaré Emmanuel Macron.",
     "refusal", "Emmanuel Macron"),
    ("de", "„Deutschland wird keine Waffen liefern. Das ist klar“, sagte Olaf Scholz.", "refusal",
     "Olaf Scholz"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "speaker"), _QUOTED, ids=[s[0] for s in _QUOTED])
def test_a_quote_over_sentences_is_said_by_the_person_after_it(
    backend: RulesBackend, lang: str, text: str, type_: str, speaker: str
) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert actors[:1] == [speaker], actors


def test_a_closed_quote_is_not_said_by_a_later_person(backend: RulesBackend) -> None:
    text = "“We will not send troops.” The talks ended. Officials said Macron left."
    assert "Emmanuel Macron" not in actors_by_type(backend, text, "en")["refusal"]
