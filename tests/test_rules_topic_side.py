"""Japanese and Korean topics over the subjects of clauses inside the claim's object:
a country named with the word for its side ("ポーランド側が求めていた", "미국 측이 요구한")
is such a subject as "ポーランドが求めていた" is; a Korean government topic is written
with a space ("한국 정부는"); and the topic may be a person, whose words the claim is even
when a quotative follows the cue ("木村防衛相は、ポーランド側が求めていた戦車の移転について
「応じることはできない」と述べた": the refusal is his, not Poland's, which asked).

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

_TOPIC = [
    ("日本政府は、ポーランド側が求めていた戦車の移転には応じない方針だ。", "ja", ["Japan"]),
    ("木村防衛相は、ポーランド側が求めていた戦車の移転について「現時点で応じることはできない」と述べた。", "ja",
     ["Kimura"]),
    ("한국 정부는 미국 측이 요구한 방위비 인상에 응하지 않겠다는 입장을 밝혔다.", "ko", ["South Korea"]),
    ("한국 정부는 미국이 요구한 방위비 인상에 응하지 않겠다는 입장을 밝혔다.", "ko", ["South Korea"]),
]


@pytest.mark.parametrize(("text", "lang", "wanted"), _TOPIC)
def test_the_topic_refuses_not_who_asked(backend: RulesBackend, text: str, lang: str, wanted: list[str]) -> None:
    assert actors_of(backend, text, lang, "refusal") == wanted


#: guards: a subject that closes no clause of a noun stays with the quotative after it;
#: a topic alone; an embedded subject with no side word, as before
_GUARDS = [
    ("日本政府は、中国が拒否したと述べた。", "ja", ["Japan", "China"]),
    ("日本政府は、インドが求めている追加支援には応じない。", "ja", ["Japan"]),
    ("한국은 미국이 요구한 방위비 인상을 거부했다.", "ko", ["South Korea"]),
]


@pytest.mark.parametrize(("text", "lang", "wanted"), _GUARDS)
def test_other_subjects_as_before(backend: RulesBackend, text: str, lang: str, wanted: list[str]) -> None:
    assert actors_of(backend, text, lang, "refusal") == wanted
