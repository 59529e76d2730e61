"""A word of speaking inside a reporting phrase is no object of the claim's verb: German
"nach Angaben des Außenministeriums" (according to the foreign ministry) names who says
the claim; "Angaben" (information) is a ``speech`` word, and a refusal whose object is one
("lehnte nähere Angaben ab", declined to give details) states no refusal, so "Österreich
wird nach Angaben des Außenministeriums keine Soldaten entsenden" lost its refusal.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_REFUSALS = [
    "Österreich wird nach Angaben des Außenministeriums keine Soldaten entsenden.",
    "Polen lehnte nach Angaben der Regierung eine Teilnahme an der Mission ab.",
]


@pytest.mark.parametrize("text", _REFUSALS, ids=[f"de:{i}" for i in range(len(_REFUSALS))])
def test_a_refusal_told_according_to_someone_stands(backend: RulesBackend, text: str) -> None:
    assert [d.type for d in drafts(backend, text, "de")] == ["refusal"]


def test_declining_to_give_information_is_still_no_refusal(backend: RulesBackend) -> None:
    assert drafts(backend, "Die Regierung lehnte nähere Angaben zu dem Treffen ab.", "de") == []
