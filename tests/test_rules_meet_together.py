"""English "meet" with no object, said of several people: "The ministers will meet again
in April", "The two leaders will meet next month", "Macron and Merz will meet in Berlin".
"meet" is an ``actor_object`` cue, a meeting only with someone as its object ("will meet
its NATO spending target" is none); with no object (nothing after it in its clause, or an
``adverbial`` word or a date first: "again", "next", "in", "on Monday") it states a
meeting when a ``group`` word ("ministers", "leaders", "negotiators", "the two sides") or
two names joined by a ``coordinator`` ("Putin and Trump") stand before it in its clause.
Spanish "se encontrarán" works the same ("Los ministros se encontrarán de nuevo en abril";
"Los agricultores se encontrarán en una situación difícil" is none); Portuguese "se
reunir" before its verb ("voltarão a se reunir") is a meeting cue as "reunir-se" was.
"The target will meet again next year" names no one who meets, "The allies will meet
their spending targets" has an object that is no one.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_MEETINGS = [
    "The ministers will meet again in April.",
    "The two leaders will meet next month in Geneva.",
    "EU foreign ministers will meet again after the summer.",
    "Putin and Trump will meet again next week.",
    "Macron and Merz will meet in Berlin on Friday.",
    "Negotiators from both sides are due to meet in Istanbul on Thursday.",
]


@pytest.mark.parametrize("text", _MEETINGS, ids=[f"en:{i}" for i in range(len(_MEETINGS))])
def test_several_people_meeting_one_another_is_a_meeting(backend: RulesBackend, text: str) -> None:
    assert [d.type for d in drafts(backend, text, "en")] == ["meeting"]


_OTHER_LANGUAGES = [
    # Spanish "se encontrarán" (they will meet) is an actor_object cue like "meet"
    ("es", "Los ministros se encontrarán de nuevo en abril."),
    ("es", "Los dos líderes se encontrarán el próximo mes en Ginebra."),
    # Portuguese proclitic "se reunir" (Brazilian order) as "reunir-se"
    ("pt", "Os ministros voltarão a se reunir em abril."),
]


@pytest.mark.parametrize(("lang", "text"), _OTHER_LANGUAGES, ids=[f"{t[0]}:{i}" for i, t in enumerate(_OTHER_LANGUAGES)])
def test_several_people_meeting_in_other_languages(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["meeting"]


_NOT_MEETINGS = [
    "The target will meet again next year.",
    "The allies will meet their spending targets next year.",
    "The leaders will meet with resistance at home.",
    "Officials said Russia will meet the deadline in June.",
]


@pytest.mark.parametrize("text", _NOT_MEETINGS, ids=[f"en:{i}" for i in range(len(_NOT_MEETINGS))])
def test_meet_with_no_one_meeting_is_no_meeting(backend: RulesBackend, text: str) -> None:
    assert [d.type for d in drafts(backend, text, "en")] == []


def test_finding_oneself_somewhere_is_no_meeting(backend: RulesBackend) -> None:
    assert drafts(backend, "Los agricultores se encontrarán en una situación difícil.", "es") == []
