"""A negated future meeting verb outside English is no meeting but a refusal, as English
"will not meet" is ("no se reunirá con", "не встретится с", "nie spotka się z",
"ne rencontrera pas", "non incontrerà"); the same verb without the negation stays a meeting.

Sentences written for these tests (none from the sample articles)."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_NEGATED = [
    ("es", "El primer ministro no se reunirá con el líder opositor durante la visita."),
    ("ru", "Министр не встретится с послом во время визита."),
    ("pl", "Premier nie spotka się z przywódcą opozycji podczas wizyty."),
    ("fr", "Le Premier ministre ne rencontrera pas le chef de l'opposition lors de sa visite."),
    ("it", "Il primo ministro non incontrerà il leader dell'opposizione durante la visita."),
]
_PLAIN = [
    ("es", "El primer ministro se reunirá con el líder opositor durante la visita."),
    ("it", "Il primo ministro incontrerà il leader dell'opposizione durante la visita."),
]


@pytest.mark.parametrize(("lang", "text"), _NEGATED, ids=[c[0] for c in _NEGATED])
def test_negated_meeting_verb_is_no_meeting(lang: str, text: str) -> None:
    types = [d.type for d in drafts(RulesBackend(), text, lang)]
    assert "meeting" not in types, types
    assert "refusal" in types, types


@pytest.mark.parametrize(("lang", "text"), _PLAIN, ids=[c[0] for c in _PLAIN])
def test_plain_meeting_verb_stays_a_meeting(lang: str, text: str) -> None:
    assert "meeting" in [d.type for d in drafts(RulesBackend(), text, lang)]
