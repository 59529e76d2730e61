"""Numbers inside a cue's gap: a gap (`` ... ``) ends at a clause mark, but a point
before a lower-case word ends an abbreviation ("5 tys. żołnierzy", "20 тыс. беженцев"),
not the sentence (the sentence splitter already reads them so): "skierują ... 5 tys.
żołnierzy" was no match of ``skierują ... żołnierzy``.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_PLEDGES = [
    ("pl", "Niemcy skierują na Litwę dodatkowe 5 tys. żołnierzy."),
    ("ru", "Польша примет ещё 20 тыс. беженцев из Украины."),
]


@pytest.mark.parametrize(("lang", "text"), _PLEDGES, ids=[f"{t[0]}:{i}" for i, t in enumerate(_PLEDGES)])
def test_a_number_in_a_gap_keeps_the_cue_whole(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["pledge"]
