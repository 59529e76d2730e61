"""A meeting told inside the middle field of another claim's gapped cue is a claim of its
own (the gold guideline: one statement can hold several claims): "Merz kündigte nach
einem Treffen mit Selenskyj ... weitere Hilfen ... an" pledges aid and reports the
meeting; the meeting noun lay inside the pledge's verb bracket ("kündigt* ... Milliarden
... an"), and a cue another type's cue contained whole was dropped. Now a cue of another
type that lies between the gapped cue's first and last words stays (the precedence rules
settle the two: "lehnte ein Treffen mit Putin ab" refuses the meeting, no meeting).

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_BOTH = [
    ("de", "Merz kündigte nach einem Treffen mit Selenskyj in Berlin weitere Hilfen in Höhe von 2 Milliarden Euro an."),
    ("de", "Japan sagte nach Gesprächen mit Selenskyj in Tokio weitere Hilfen zu."),
    ("pl", "Japonia przeznaczy po spotkaniu z Zełenskim 100 mln dolarów na odbudowę."),
    ("ru", "Япония выделила после встречи с Зеленским 100 млн долларов на восстановление."),
]


@pytest.mark.parametrize(("lang", "text"), _BOTH, ids=[f"{t[0]}:{i}" for i, t in enumerate(_BOTH)])
def test_a_meeting_inside_a_pledge_bracket_is_a_meeting_too(backend: RulesBackend, lang: str, text: str) -> None:
    assert sorted(d.type for d in drafts(backend, text, lang)) == ["meeting", "pledge"]


_REFUSED = [
    "Der Kanzler lehnte ein Treffen mit Putin ab.",
    "Die Regierung schloss ein Treffen mit den Taliban aus.",
]


@pytest.mark.parametrize("text", _REFUSED, ids=[f"de:{i}" for i in range(len(_REFUSED))])
def test_a_refused_meeting_inside_the_bracket_stays_refused(backend: RulesBackend, text: str) -> None:
    assert [d.type for d in drafts(backend, text, "de")] == ["refusal"]
