"""Commitments German and Polish news state with verbs the cues lacked: "sich mit 300
Millionen Euro an ... beteiligen" (to contribute a sum to something; with a sum only:
"3 Millionen Menschen beteiligten sich an der Wahl" took part, no pledge), and "skieruje
... żołnierzy" (will send soldiers; "skierować" is also an action verb; a prosecutor
sending an indictment to court pledges nothing).

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_PLEDGES = [
    ("de", "Deutschland werde sich mit 300 Millionen Euro am Bau eines Munitionswerks beteiligen, sagte Pistorius."),
    ("de", "Frankreich beteiligt sich mit 50 Millionen Euro an dem Fonds."),
    ("pl", "Polska skieruje do Rumunii kontyngent 300 żołnierzy."),
]


@pytest.mark.parametrize(("lang", "text"), _PLEDGES, ids=[f"{t[0]}:{i}" for i, t in enumerate(_PLEDGES)])
def test_a_contribution_is_a_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["pledge"]


_NONE = [
    ("de", "Mehr als 3 Millionen Menschen beteiligten sich an der Wahl."),
    ("pl", "Prokuratura skieruje akt oskarżenia do sądu w przyszłym tygodniu."),
]


@pytest.mark.parametrize(("lang", "text"), _NONE, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NONE)])
def test_taking_part_or_sending_a_file_is_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in {d.type for d in drafts(backend, text, lang)}
