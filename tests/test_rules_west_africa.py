"""ECOWAS as the French press spells it, "la Cédéao" (besides the acronym "CEDEAO"), and
Accra, the capital of Ghana, as a place and the seat of its government: a meeting "de la
Cédéao ... à Accra" is ECOWAS's, in Accra, and stands apart from a phone call told
before it.

Every text is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type


def test_cedeao_is_ecowas(backend: RulesBackend) -> None:
    text = "Les chefs d'État de la Cédéao se sont réunis samedi à Abuja."
    (meeting,) = of_type(backend, text, "fr", "meeting")
    assert "ECOWAS" in actor_names(meeting)


def test_a_meeting_in_accra_is_not_the_call_before(backend: RulesBackend) -> None:
    text = (
        "Le ministre sénégalais des Affaires étrangères s'est entretenu lundi au téléphone avec "
        "son homologue nigérian.\n\nLes ministres de la Cédéao s'étaient réunis en novembre à Accra "
        "sans parvenir à un accord."
    )
    meetings = of_type(backend, text, "fr", "meeting")
    assert len(meetings) == 2
    assert meetings[1].fields.get("location") == "Accra"
