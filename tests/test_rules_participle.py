"""A cue verb that qualifies a noun states no claim: a participle used as an adjective
("a ajuda prometida", "wsparcie obiecane", "la ayuda prometida") or, in Korean, a relative
clause (약속한 무기: the promised weapons; 지원하기로 한 예산: the budget it decided to give).
An auxiliary keeps it a statement: a passive or perfect before the participle ("foi
prometida", "zostało obiecane", "ha prometido"), a bound noun after the Korean adnominal
(약속한 바 있다: has promised; 약속한 것으로 알려졌다: reportedly promised).

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests.test_rules_roles import _claims
from tests.test_rules_roles import backend as backend  # the module's backend fixture

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
]


@pytest.mark.parametrize(("lang", "text"), _ADJECTIVES, ids=[f"{s[0]}:{s[1][:24]}" for s in _ADJECTIVES])
def test_a_participle_qualifying_a_noun_states_no_claim(backend: RulesBackend, lang: str, text: str) -> None:
    claims = _claims(backend, text, lang)
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
]


@pytest.mark.parametrize(("lang", "text", "type_"), _STATEMENTS, ids=[f"{s[0]}:{s[1][:24]}" for s in _STATEMENTS])
def test_a_participle_with_an_auxiliary_states_the_claim(
    backend: RulesBackend, lang: str, text: str, type_: str
) -> None:
    claims = _claims(backend, text, lang)
    assert type_ in claims, claims
