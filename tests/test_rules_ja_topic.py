"""A Japanese or Korean sentence's topic states the claim; the subject of a clause inside
its object ("インドが求めている追加支援": the aid India asks for, "중국이 제안한 공동성명": the
statement China proposed) is no actor of it. Unless a quotative follows the cue: then the
topic reports what the subject did ("…が拒否したと述べた"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text", "actors"), [
    ("ja", "日本政府は、インドが求めている追加支援には応じない考えを示した。", {"refusal": ["Japan"]}),
    ("ja", "外務省は、中国が提案した共同声明への署名を拒否した。", {"refusal": ["Japan"]}),
    ("ja", "日本政府は、韓国が要請した追加の資金協力を拒否した。", {"refusal": ["Japan"]}),
    ("ko", "정부는 중국이 제안한 공동성명 서명을 거부했다.", {"refusal": ["South Korea"]}),
    ("ko", "외교부는 일본이 요청한 추가 협의를 거부했다.", {"refusal": ["South Korea"]}),
])
def test_the_topic_and_not_an_embedded_subject_acts(backend: RulesBackend, lang: str, text: str,
                                                    actors: dict[str, list[str]]) -> None:
    assert actors_by_type(backend, text, lang) == actors


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("ja", "林官房長官は、中国が共同声明への署名を拒否したと述べた。", "China"),
    ("ja", "日本政府は、インドが追加支援を約束したと発表した。", "India"),
])
def test_a_quotative_leaves_the_reported_subject(backend: RulesBackend, lang: str, text: str, actor: str) -> None:
    found = actors_by_type(backend, text, lang)
    assert any(actor in names for names in found.values()), found

