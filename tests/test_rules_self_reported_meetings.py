"""Who says he is ready to meet someone is one of the two who would meet: "Zelensky said he
is ready to meet Putin" is a meeting of Zelensky and Putin, not of Putin alone. The person
before a verb of saying is left out of a meeting he only reports ("Peskov said the
leaders will meet"), but not when the clause he says opens with a ``pronoun`` ("he",
"il", "er") or, its subject left out, with a ``readiness`` word ("заявил, что готов",
"dijo que está dispuesto a", "powiedział, że jest gotów"), no one else named before it.

Nor is a person right after a verb of saying its speaker when another stands before the
verb: "Peskov said Putin is ready to meet Zelensky" is Putin's meeting, not Peskov's.
Polish "spotkać się z" (to meet with) is a meeting cue that needs someone as its object
("spotkać się z krytyką": to meet with criticism, is none).

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of, of_type

_SELF = [
    ("en", "Zelensky said he is ready to meet Putin.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("en", "Zelensky said he was ready to hold talks with Putin.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("en", "Trump said he wants to meet Kim Jong Un.", "Donald Trump", "Kim Jong Un"),
    ("fr", "Zelensky a déclaré qu'il était prêt à rencontrer Poutine.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("es", "Zelensky dijo que está dispuesto a reunirse con Putin.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("de", "Selenskyj sagte, er sei bereit, Putin zu treffen.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("it", "Zelensky ha detto di essere pronto a incontrare Putin.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("pt", "Lula disse que está disposto a se reunir com Trump.", "Luiz Inácio Lula da Silva", "Donald Trump"),
    ("ru", "Зеленский заявил, что готов встретиться с Путиным.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("uk", "Зеленський заявив, що готовий зустрітися з Путіним.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("pl", "Zełenski powiedział, że jest gotów spotkać się z Putinem.", "Volodymyr Zelensky", "Vladimir Putin"),
    ("hr", "Plenković je rekao da je spreman sastati se s Vučićem.", "Andrej Plenković", "Aleksandar Vučić"),
]


@pytest.mark.parametrize(("lang", "text", "speaker", "other"), _SELF, ids=[f"{t[0]}:{i}" for i, t in enumerate(_SELF)])
def test_who_says_he_is_ready_to_meet_is_a_participant(
        backend: RulesBackend, lang: str, text: str, speaker: str, other: str) -> None:
    assert actors_of(backend, text, lang, "meeting") == [speaker, other]


_REPORTED = [
    ("en", "Peskov said Putin is ready to meet Zelensky.", "Vladimir Putin", "Volodymyr Zelensky"),
    ("de", "Peskow sagte, Putin sei bereit, Selenskyj zu treffen.", "Vladimir Putin", "Volodymyr Zelensky"),
    ("ru", "Песков заявил, что Путин готов встретиться с Зеленским.", "Vladimir Putin", "Volodymyr Zelensky"),
]


@pytest.mark.parametrize(("lang", "text", "side", "other"), _REPORTED, ids=[f"{t[0]}:{i}" for i, t in enumerate(_REPORTED)])
def test_who_reports_another_s_readiness_is_no_participant(
        backend: RulesBackend, lang: str, text: str, side: str, other: str) -> None:
    assert actors_of(backend, text, lang, "meeting") == [side, other]


def test_a_polish_infinitive_meeting_with_someone_is_a_meeting(backend: RulesBackend) -> None:
    text = "Premier Donald Tusk jest gotów spotkać się z prezydentem Francji Emmanuelem Macronem."
    assert actors_of(backend, text, "pl", "meeting") == ["Donald Tusk", "Emmanuel Macron"]


def test_a_polish_infinitive_meeting_with_criticism_is_none(backend: RulesBackend) -> None:
    assert of_type(backend, "Projekt może spotkać się z krytyką opozycji.", "pl", "meeting") == []
