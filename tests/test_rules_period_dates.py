"""A refusal or warning is dated by the day it was made, not by the ends of a period
its clause names: "rejects the fishing ban from 1 May to 16 August" is not dated 1 May.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

#: published on Thursday 15 May 2025
_PUBLISHED = "2025-05-15"

_CASES = [
    ("en", "On Thursday, the foreign ministry said Vietnam rejects China's fishing ban from 1 May to 16 August.", "refusal"),
    ("fr", "Jeudi, le ministère a déclaré que le Vietnam rejette l'interdiction de pêche du 1er mai au 16 août.", "refusal"),
    ("vi", "Chiều 15/5, người phát ngôn cho biết Việt Nam phản đối lệnh cấm đánh bắt cá từ ngày 1/5 đến ngày 16/8.", "refusal"),
    ("es", "El jueves, el ministerio dijo que Vietnam rechaza la veda de pesca del 1 de mayo al 16 de agosto.", "refusal"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _CASES, ids=[c[0] for c in _CASES])
def test_a_refusal_is_not_dated_by_the_ends_of_a_period(backend: RulesBackend, lang: str, text: str, type_: str) -> None:
    assert dates_of(backend, text, lang, type_, _PUBLISHED) == ["2025-05-15"]
