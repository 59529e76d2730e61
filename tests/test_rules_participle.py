"""A cue verb that qualifies a noun states no claim: a participle used as an adjective
("a ajuda prometida", "wsparcie obiecane", "обещанная помощь") or a relative clause, with
an adnominal ending or particle after the verb (약속한 무기: the promised weapons;
지원하기로 한 예산; 承诺的援助; 約束した支援) or a relative pronoun before it (المساعدات التي
وعدت بها). An auxiliary keeps it a statement: a passive or perfect before the participle
("foi prometida", "zostało obiecane", "ha prometido"), a bound noun after the Korean
adnominal (약속한 바 있다: has promised; 약속한 것으로 알려졌다: reportedly promised).
A negation character inside a time frame word negates nothing (承诺在未来...提供: 未来 is
"the future").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type

# (language, sentence): the cue verb qualifies a noun, no claim
_ADJECTIVES = [
    ("pt", "A ajuda prometida pelos Estados Unidos ainda não chegou."),
    ("pt", "Os blindados oferecidos pela Alemanha estão em manutenção."),
    ("es", "La ayuda prometida por Alemania todavía no ha llegado a Kiev."),
    ("pl", "Wsparcie obiecane przez Zachód dociera na front z opóźnieniem."),
    ("pl", "Czołgi obiecane Ukrainie jeszcze nie dotarły."),
    ("ko", "미국이 약속한 무기는 아직 도착하지 않았다."),
    ("ko", "정부가 지원하기로 한 예산의 절반만 집행됐다."),
    ("ko", "양국이 합의된 일정에 따라 철군을 시작했다."),
    ("ru", "Обещанная Западом помощь до сих пор не поступила."),
    ("uk", "Обіцяна допомога від США досі не надійшла."),
    ("zh", "美国承诺的援助至今仍未到位。"),
    ("ja", "米国が約束した支援はまだ届いていない。"),
    ("ar", "لم تصل بعد المساعدات التي وعدت بها الولايات المتحدة."),
    ("de", "Die von Berlin versprochene Hilfe ist noch nicht angekommen."),
    ("en", "The aid promised by Washington has yet to arrive."),
    ("hr", "Obećana pomoć još nije stigla."),
    ("it", "Gli aiuti promessi dagli Stati Uniti non sono ancora arrivati."),
]


@pytest.mark.parametrize(("lang", "text"), _ADJECTIVES, ids=[f"{s[0]}:{s[1][:24]}" for s in _ADJECTIVES])
def test_a_participle_qualifying_a_noun_states_no_claim(backend: RulesBackend, lang: str, text: str) -> None:
    claims = actors_by_type(backend, text, lang)
    assert not claims, claims


# (language, sentence, type): an auxiliary keeps the participle a statement
_STATEMENTS = [
    ("pt", "Os Estados Unidos tinham prometido mais ajuda à Ucrânia.", "pledge"),
    ("pt", "A proposta de Paris foi rejeitada pela Hungria.", "refusal"),
    ("es", "España ha prometido enviar más ayuda a Ucrania.", "pledge"),
    ("pl", "Ukrainie zostało obiecane wsparcie przez Niemcy.", "pledge"),
    ("pl", "Wysłanie wojsk jest wykluczone, oświadczył premier.", "refusal"),
    ("ko", "러시아는 서방에 보복을 경고한 바 있다.", "warning"),
    ("ko", "일본은 우크라이나에 지원을 약속한 것으로 알려졌다.", "pledge"),
    ("ko", "한국은 우크라이나에 인도적 지원을 약속한다고 밝혔다.", "pledge"),
    ("ru", "Помощь Украине была обещана ещё весной, заявил министр.", "pledge"),
    ("ja", "日本はウクライナへの支援を約束したと述べた。", "pledge"),
    ("zh", "日本承诺在未来两年内向菲律宾提供巡逻船。", "pledge"),
    ("ar", "وعدت الولايات المتحدة بتقديم المساعدات إلى أوكرانيا.", "pledge"),
    ("de", "Deutschland hat der Ukraine weitere Hilfe versprochen.", "pledge"),
    ("en", "More air defence systems were promised by Washington on Monday.", "pledge"),
    ("en", "Washington promised more air defence systems on Monday.", "pledge"),
    ("it", "L'Italia ha promesso nuovi aiuti a Kiev.", "pledge"),
    ("hr", "Pomoć je obećana Ukrajini još u ožujku.", "pledge"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _STATEMENTS, ids=[f"{s[0]}:{s[1][:24]}" for s in _STATEMENTS])
def test_a_participle_with_an_auxiliary_states_the_claim(
    backend: RulesBackend, lang: str, text: str, type_: str
) -> None:
    claims = actors_by_type(backend, text, lang)
    assert type_ in claims, claims
