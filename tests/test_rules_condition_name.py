"""A condition word that is also a pronoun sets a condition only before a name: Portuguese
"se Israel atacar" (if Israel attacks) is a condition, "o Governo se recusou" (the
government refused) a reflexive pronoun (the ``condition_name`` cue class).

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

# (sentence, type, modality)
_CASES = [
    ("Portugal enviará mais tropas se Moscovo violar o cessar-fogo.", "pledge", "conditional"),
    ("A China prometeu uma resposta firme se Washington impuser novas tarifas.", "warning", None),
    ("O Governo se recusou a enviar tropas para a missão.", "refusal", "firm"),
    ("O Brasil se comprometeu a enviar ajuda humanitária.", "pledge", "firm"),
]


@pytest.mark.parametrize(("text", "type_", "modality"), _CASES, ids=[c[0][:30] for c in _CASES])
def test_se_before_a_name_is_a_condition(
    backend: RulesBackend, text: str, type_: str, modality: str | None
) -> None:
    found = {d.type: d.fields.get("modality") for d in drafts(backend, text, "pt", None)}
    assert list(found) == [type_], found
    if modality is not None:
        assert found[type_] == modality, found
