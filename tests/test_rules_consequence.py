"""A threat stated as the answer to any case, with no warning verb and no "if": "any
attack will be met with a response", "will pay a heavy price for any escalation". The
``generic`` quantifier ("any", "toute", "любое", 任何, "cualquier") sets the case.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, drafts, first_of_each_type


def _drafts(backend: RulesBackend, text: str, lang: str) -> dict[str, dict[str, object]]:
    return {t: {"actor": actor_names(d), "modality": d.fields.get("modality")}
            for t, d in first_of_each_type(drafts(backend, text, lang)).items()}


_THREATS = [
    ("en", "Any attack on Lithuania will be met with a decisive response, the minister said.", None),
    ("en", "Moscow will pay a heavy price for any escalation, Kallas said.", "Kaja Kallas"),
    ("fr", "Toute attaque contre la Pologne recevra une réponse ferme, a déclaré Tusk.", "Donald Tusk"),
    ("ru", "Любое нападение на Белоруссию получит жёсткий ответ, заявил Лавров.", "Sergey Lavrov"),
    ("es", "Cualquier ataque contra Polonia recibirá una respuesta contundente, dijo Sánchez.", "Pedro Sanchez"),
    ("zh", "外交部表示,任何挑衅都将遭到坚决反制。", None),
]


@pytest.mark.parametrize(("lang", "text", "speaker"), _THREATS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_THREATS)])
def test_threat_answering_any_case(backend: RulesBackend, lang: str, text: str, speaker: str | None) -> None:
    claims = _drafts(backend, text, lang)
    assert "warning" in claims, claims
    assert claims["warning"]["modality"] == "conditional"
    if speaker is not None:
        assert speaker in claims["warning"]["actor"]  # type: ignore[operator]


_NOT_THREATS = [
    ("en", "Any response will be coordinated with our allies, Rutte said."),
    ("fr", "Toute réponse sera coordonnée avec nos alliés, a dit Macron."),
    ("ru", "Любой ответ будет согласован с союзниками, сказал Рютте."),
]


@pytest.mark.parametrize(("lang", "text"), _NOT_THREATS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NOT_THREATS)])
def test_quantified_threat_word_is_no_case(backend: RulesBackend, lang: str, text: str) -> None:
    assert "warning" not in _drafts(backend, text, lang)
