"""A pledge whose subject is a common noun of people or firms commits no one (issue 13):
"Doctors will provide aid", "Врачи окажут помощь". The clause of the pledge cue opens
with a ``common_subject`` word (at most two words before it), and no actor or person is
named before the cue in its sentence; a named subject ("Germany will send doctors",
"Doctors Without Borders will provide aid") keeps the claim.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of, of_type


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Doctors will provide aid to the victims."),
        ("en", "Many local volunteers will deliver food to the town."),
        ("en", "In Kharkiv, volunteers will deliver food to the town."),
        ("ru", "Врачи окажут помощь пострадавшим."),
        ("uk", "Волонтери передадуть допомогу постраждалим."),
        ("de", "Ärzte werden den Opfern Hilfe leisten."),
        ("fr", "Les médecins fourniront une aide aux victimes."),
        ("es", "Los voluntarios enviarán ayuda a las víctimas."),
        ("pl", "Wolontariusze przekażą pomoc poszkodowanym."),
    ],
)
def test_a_pledge_with_a_common_subject_is_no_claim(backend: RulesBackend, lang: str, text: str) -> None:
    assert of_type(backend, text, lang, "pledge") == []


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        ("en", "Germany will send doctors to Ukraine.", ["Germany"]),
        ("en", "Doctors Without Borders will provide aid to the victims.", ["Doctors Without Borders"]),
        ("en", "Companies said Germany will provide aid to Ukraine.", ["Germany"]),
        ("fr", "La France fournira des médecins aux victimes.", ["France"]),
    ],
)
def test_a_named_subject_keeps_its_pledge(backend: RulesBackend, lang: str, text: str, actors: list[str]) -> None:
    assert actors_of(backend, text, lang, "pledge") == actors
