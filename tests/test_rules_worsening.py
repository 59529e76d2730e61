"""A harm foretold under a condition is a warning with no warning verb (issue 13: warnings
stated as a consequence): "如果美方继续对台售武，中美关系将进一步恶化", "停戦合意が守られな
ければ、人道危機はさらに深刻化する", "Si no llega la ayuda, la crisis humanitaria
empeorará" (worsen, deteriorate, escalate: ``threat`` words, conditioned as "will
retaliate if ..." is). Without a condition it is a forecast ("Inflation will worsen this
year"), and a past worsening reports ("去年两国关系有所恶化").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_WARNINGS = [
    ("zh", "外交部发言人毛宁表示，如果美方继续对台售武，中美关系将进一步恶化。"),
    ("ja", "エジプトのアブデルアティ外相は、停戦合意が守られなければ、人道危機はさらに深刻化すると述べた。"),
    ("en", "If the aid does not arrive, the humanitarian crisis in Gaza will worsen, Fletcher said."),
    ("fr", "Si les livraisons ne reprennent pas, la situation humanitaire s'aggravera, a déclaré le ministre."),
    ("es", "Si no llega la ayuda, la crisis humanitaria empeorará, dijo el ministro Albares."),
]


@pytest.mark.parametrize(("lang", "text"), _WARNINGS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_WARNINGS)])
def test_a_harm_foretold_under_a_condition_is_a_warning(backend: RulesBackend, lang: str, text: str) -> None:
    found = [d for d in drafts(backend, text, lang) if d.type == "warning"]
    assert len(found) == 1
    assert found[0].fields["modality"] == "conditional"


_NONE = [
    ("en", "Inflation will worsen this year as energy prices rise."),
    ("zh", "去年两国关系有所恶化。"),
    ("ru", "Положение беженцев ухудшилось за последний месяц."),
]


@pytest.mark.parametrize(("lang", "text"), _NONE, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NONE)])
def test_a_forecast_or_a_past_worsening_is_no_warning(backend: RulesBackend, lang: str, text: str) -> None:
    assert "warning" not in {d.type for d in drafts(backend, text, lang)}
