"""Month and weekday names are no cues: every language's names (CLDR, through babel), in a
dateline, state no claim. Turkish "Haziran" (June) was read as "hazır" (ready): Python's
case-insensitive matching equates ı and i, so a cue "hazır*" matched the month.

The sentences are built from the calendar data, none comes from the sample articles.
"""

from __future__ import annotations

import pytest
from babel import Locale

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_LANGUAGES = ["ar", "de", "en", "es", "fr", "hr", "id", "it", "ja", "ko", "pl", "pt", "ru", "tr", "uk", "vi", "zh"]


def _names(code: str) -> list[str]:
    locale = Locale.parse(code)
    names: set[str] = set()
    for table in (locale.months, locale.days):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                try:
                    names.update(table[context][width].values())
                except KeyError:  # not every locale has every form
                    continue
    return sorted(names)


@pytest.mark.parametrize("code", _LANGUAGES)
def test_a_dateline_states_no_claim(backend: RulesBackend, code: str) -> None:
    text = "\n".join(f"CITY, 2 {name} 2025 — (Agency)" for name in _names(code))
    found = drafts(backend, text, code, None)
    assert not found, [(d.type, d.spans[0].text) for d in found]
