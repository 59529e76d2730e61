"""A cue verb that opens a later clause of its sentence has its subject in the clauses
before it (names with appositions between commas): the evidence span starts with the
sentence, so it holds who met, not only "se reunieron el lunes en Roma". A cue with its
subject in its own clause keeps the clause as its span.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import of_type


def _spans(backend: RulesBackend, text: str, lang: str, type_: str) -> list[str]:
    return [d.spans[0].text for d in of_type(backend, text, lang, type_)]


_OPENING = [
    ("es", "El ministro de Exteriores de Chile, Alberto van Klaveren, y su homólogo peruano, "
     "se reunieron el lunes en Lima."),
    ("fr", "Le ministre belge des Affaires étrangères, Maxime Prévot, et son homologue néerlandais, "
     "se sont réunis jeudi à La Haye."),
    ("it", "Il ministro degli Esteri, Antonio Tajani, e il suo omologo greco, si sono riuniti ieri ad Atene."),
]


@pytest.mark.parametrize(("lang", "text"), _OPENING, ids=[c[0] for c in _OPENING])
def test_a_meeting_verb_opening_its_clause_takes_the_subject_into_its_span(
    backend: RulesBackend, lang: str, text: str
) -> None:
    assert _spans(backend, text, lang, "meeting") == [text.rstrip(".")]


def test_a_cue_with_its_subject_in_its_clause_keeps_the_clause(backend: RulesBackend) -> None:
    text = "Según la cancillería, Chile y Perú se reunieron el lunes en Lima."
    assert _spans(backend, text, "es", "meeting") == ["Chile y Perú se reunieron el lunes en Lima"]
