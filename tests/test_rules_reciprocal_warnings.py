"""Warnings stated as a response in kind, with no warning verb and no condition: "Russia will
respond in kind", "a symmetrical response", "mirror measures", "odpowie symetrycznie",
"ответит симметрично", "відповість дзеркально", "une réponse symétrique", "采取对等措施",
"상응 조치", "đáp trả tương xứng", "سترد بالمثل": what a government says it will do back
threatens. A past response in kind reports ("The minister responded in kind").

Chinese "若" (if) is a condition and a supposition as "如果" is: a threat after it is a
conditional warning ("如果美方执意打关税战，中方必将奉陪到底": fight to the end, a
threat word), and a warning verb followed by "若 ..., ..." states the consequence clause
too.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts, of_type, quotes

_WARNINGS = [
    ("en", "Russia will respond in kind to the new sanctions."),
    ("en", "Moscow promised a symmetrical response to the expulsion of its diplomats."),
    ("pl", "Białoruskie MSZ zapowiedziało, że odpowie symetrycznie."),
    ("ru", "МИД России заявил, что Москва ответит симметрично на высылку дипломатов."),
    ("uk", "Київ відповість дзеркально на висилку своїх дипломатів."),
    ("de", "Moskau kündigte an, symmetrisch zu reagieren."),
    ("fr", "Pékin a promis une réponse symétrique aux nouvelles taxes européennes."),
    ("es", "China anunció una respuesta simétrica a los aranceles de Washington."),
    ("it", "La Russia ha promesso una risposta simmetrica all'espulsione dei diplomatici."),
    ("zh", "中方将采取对等措施，坚决维护自身合法权益。"),
    ("zh", "如果美方执意打关税战，中方必将奉陪到底。"),
    ("ko", "북한은 상응 조치를 취하겠다고 밝혔다."),
    ("vi", "Trung Quốc tuyên bố sẽ đáp trả tương xứng."),
    ("ar", "أكدت طهران أنها سترد بالمثل على أي هجوم."),
]


@pytest.mark.parametrize(("lang", "text"), _WARNINGS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_WARNINGS)])
def test_a_response_in_kind_is_a_warning(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["warning"]


_NOT_WARNINGS = [
    ("en", "The minister responded in kind to the compliment."),
    ("en", "The two halves of the building mirror each other."),
    ("zh", "若干国家的代表出席了开幕式。"),
]


@pytest.mark.parametrize(("lang", "text"), _NOT_WARNINGS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NOT_WARNINGS)])
def test_no_response_in_kind_no_warning(backend: RulesBackend, lang: str, text: str) -> None:
    assert "warning" not in {d.type for d in drafts(backend, text, lang)}


def test_a_chinese_warning_if_states_its_consequence(backend: RulesBackend) -> None:
    text = "哈萨克斯坦能源部副部长在记者会上警告，若铁路改造工程推迟，哈方明年的粮食出口将减少约两成。"
    (warning,) = of_type(backend, text, "zh", "warning")
    assert "哈方明年的粮食出口将减少约两成" in "".join(quotes(warning))
    assert warning.fields.get("modality") in (None, "conditional")


def test_a_chinese_pledge_after_if_is_conditional(backend: RulesBackend) -> None:
    text = "王毅表示，若美方取消新增关税，中方将提供更多市场准入。"
    (pledge,) = of_type(backend, text, "zh", "pledge")
    assert pledge.fields["modality"] == "conditional"
