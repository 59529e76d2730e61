"""A conference someone speaks at is where words were said, not a meeting the article
reports (as a press conference is): "spoke at a banking conference", "Speaking at a
security conference in Munich, ...", "bir konferansta konuştu", "Выступая на
конференции", "habló en una conferencia" are ``venue`` phrases; a claim stated there
stays ("Vance warned Europe"), and a conference where something is pledged is still a
meeting ("Donors pledged $2 billion at a conference in London").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_VENUES = [
    ("en", "The governor spoke at a banking conference in London on Thursday.", []),
    ("en", "Speaking at a security conference in Munich, Vance warned Europe against censorship.", ["warning"]),
    ("tr", "Karahan, perşembe günü İstanbul'da düzenlenen bir konferansta konuştu.", []),
    ("ru", "Выступая на конференции в Москве, Лавров предупредил Запад о последствиях.", ["warning"]),
    ("es", "El gobernador habló en una conferencia bancaria en Madrid.", []),
]


@pytest.mark.parametrize(("lang", "text", "types"), _VENUES, ids=[f"{t[0]}:{i}" for i, t in enumerate(_VENUES)])
def test_a_conference_spoken_at_is_no_meeting(backend: RulesBackend, lang: str, text: str, types: list[str]) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == types


def test_a_donors_conference_is_a_meeting(backend: RulesBackend) -> None:
    text = "Donors pledged $2 billion at a conference in London on Tuesday."
    assert "meeting" in {d.type for d in drafts(backend, text, "en")}
