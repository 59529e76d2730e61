"""A warning whose complement opens with a condition ("warned that if the talks fail,
tariffs will return") states what it warns of in the clause after the condition: the
claim's evidence holds both, not the condition alone.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import of_type

_TEXTS = [
    ("en", "The envoy warned that if the talks fail, tariffs of 25 percent will return in July.", "tariffs of 25 percent"),
    ("es", "El ministro advirtió que si fracasan las negociaciones, los aranceles volverán en julio.", "los aranceles volverán"),
    ("fr", "Le ministre a averti que si les négociations échouent, les droits de douane reviendront.", "reviendront"),
    ("pt", "O ministro alertou que se as negociações fracassarem, as tarifas voltarão em julho.", "as tarifas voltarão"),
    ("id", "Menteri memperingatkan bahwa jika perundingan gagal, tarif akan naik pada Juli.", "tarif akan naik"),
    ("vi", "Bộ trưởng cảnh báo rằng nếu không đạt được thỏa thuận, thuế quan sẽ tăng lên 25%.", "thuế quan sẽ tăng"),
]


@pytest.mark.parametrize(("lang", "text", "consequence"), _TEXTS, ids=[t[0] for t in _TEXTS])
def test_a_warning_that_opens_with_a_condition_takes_its_consequence(
    backend: RulesBackend, lang: str, text: str, consequence: str
) -> None:
    warnings = of_type(backend, text, lang, "warning", "2026-03-02")
    assert len(warnings) == 1
    quoted = [text[s.start : s.end] for s in warnings[0].spans] or list(warnings[0].quotes)
    assert any(consequence in q for q in quoted), quoted
    assert warnings[0].fields["modality"] == "conditional"


def test_a_warning_with_its_own_object_keeps_its_clause(backend: RulesBackend) -> None:
    text = "Poland warned Minsk of sanctions, if the border stays closed, the minister said."
    warnings = of_type(backend, text, "en", "warning", "2026-03-02")
    assert warnings and all("the minister said" not in text[s.start : s.end] for s in warnings[0].spans)
