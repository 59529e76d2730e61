"""A meeting announced for later is another meeting than the one just held, and a
headline may close on a quote.

- "The next summit will be held in December" after a report of talks held on Tuesday:
  the follow-up rule joined a meeting mention with no actor of its own to the last
  meeting; a mention whose ``status`` (scheduled / held) differs from it now stays a
  claim of its own (``"apart": ["status"]``; a mention "the talks" that points back
  with an anaphor still joins).
- A first line that ends with a closing quote with no sentence end before it
  ('Macron : « Nous ne reculerons pas »', '中国は「断固反対」') is a headline: its claim
  joins the lead's.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import quotes_of

_LATER = [
    ("es", "Madrid, 3 de junio de 2025 (EFE).- Chile y Argentina celebraron este martes en Santiago "
     "una reunión sobre la frontera. La próxima cumbre bilateral se celebrará en noviembre en Mendoza."),
    ("en", "LIMA, June 3, 2025 - Peru and Ecuador held talks on Tuesday in Lima on border security. "
     "The next summit will be held in November in Quito."),
]


@pytest.mark.parametrize(("lang", "text"), _LATER, ids=[c[0] for c in _LATER])
def test_a_scheduled_meeting_does_not_join_the_meeting_just_held(
    backend: RulesBackend, lang: str, text: str
) -> None:
    assert len(quotes_of(backend, text, lang, "meeting", "2025-06-03")) == 2


def test_a_later_mention_of_the_held_meeting_still_joins_it(backend: RulesBackend) -> None:
    text = ("LIMA, June 3, 2025 - Peru and Ecuador held talks on Tuesday in Lima on border security. "
            "The meeting lasted three hours.")
    assert len(quotes_of(backend, text, "en", "meeting", "2025-06-03")) == 1


def test_a_headline_closing_on_a_quote_joins_the_lead(backend: RulesBackend) -> None:
    text = ("Le Chili et l'Argentine se réunissent : « Nous voulons un accord »\n\n"
            "Santiago, 3 juin 2025 (AFP) - Le Chili et l'Argentine se sont réunis mardi à Santiago.")
    assert len(quotes_of(backend, text, "fr", "meeting", "2025-06-03")) == 1
