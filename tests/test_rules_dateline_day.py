"""A document with no publication date is dated by its dateline: "on Monday" in
"LIMA, June 4, 2025 - ... on Monday" is 2025-06-02. A document with a publication date
keeps it.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

_TEXTS = [
    ("en", "LIMA, June 4, 2025 (Reuters) - Peru and Ecuador held talks in Lima on Monday on border security."),
    ("fr", "Dakar, 4 juin 2025 (AFP) - Le Sénégal et la Gambie se sont réunis lundi à Banjul."),
    ("it", "ROMA, 4 giugno 2025 - Il ministro greco è stato ricevuto lunedì dal governo italiano."),
]


@pytest.mark.parametrize(("lang", "text"), _TEXTS, ids=[t[0] for t in _TEXTS])
def test_a_weekday_resolves_against_the_dateline_when_no_publication_date_is_given(
    backend: RulesBackend, lang: str, text: str
) -> None:
    assert dates_of(backend, text, lang, "meeting", None) == ["2025-06-02"]


def test_a_publication_date_given_is_kept(backend: RulesBackend) -> None:
    assert dates_of(backend, _TEXTS[0][1], "en", "meeting", dt.date(2025, 6, 11)) == ["2025-06-09"]
