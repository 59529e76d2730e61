"""English commitments told with a periphrastic future and no cue word: "is poised to
send", "are preparing to deliver" are future words (``future``) like "is set to" and
"plans to", so next to an action verb they state a pledge. "is to" alone is none ("The
aim is to send a signal" has no one who sends).

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_PLEDGES = [
    "The Netherlands is poised to send two Patriot batteries to Poland.",
    "France is preparing to deliver more Caesar howitzers to Kyiv.",
    "Nordic governments are poised to provide another $500 million in military aid.",
]


@pytest.mark.parametrize("text", _PLEDGES, ids=[f"en:{i}" for i in range(len(_PLEDGES))])
def test_a_periphrastic_future_with_an_action_verb_is_a_pledge(backend: RulesBackend, text: str) -> None:
    assert [d.type for d in drafts(backend, text, "en")] == ["pledge"]


def test_an_aim_is_no_pledge(backend: RulesBackend) -> None:
    assert drafts(backend, "The aim is to send a signal to Moscow.", "en") == []
