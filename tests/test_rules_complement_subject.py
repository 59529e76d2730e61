"""One test of a complement's subject of its own serves every language and type.

A future after a verb of saying whose complement has a subject of its own that names no
one ("X a déclaré lundi que les prix ne baisseront pas", "X said prices will not fall")
forecasts: the speaker decides nothing. The complement opens at a ``complementizer``
("que", "that", "что"), else, in a language that lists none or a sentence that leaves it
out, right after the verb of saying. Which types a negated English future cue word stands
for is read from the cue data (what a type composed with ``future`` becomes when negated),
not named in code. Sentences and names written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar, Literal

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.schemas import ClaimBase, register_claim_type
from tests._rules_helpers import actors_by_type


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le ministre Paul Girard a déclaré mardi que les loyers ne baisseront pas cette année."),
    ("fr", "Paul Girard a affirmé aux journalistes que le chômage ne reculera pas."),
    ("ru", "Министр Олег Смирнов заявил журналистам цены на хлеб не снизятся."),
    ("es", "Pedro Gómez afirmó este martes los alquileres no bajarán."),
    ("it", "Il ministro Luca Bianchi ha detto martedì gli affitti non scenderanno."),
])
def test_a_complement_opened_by_the_verb_of_saying_with_its_own_subject_forecasts(
    backend: RulesBackend, lang: str, text: str
) -> None:
    """No complementizer in the language's data (French) or in the sentence: the complement
    opens after the verb of saying, and its subject (rents, prices) is no one."""
    assert actors_by_type(backend, text, lang) == {}


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("fr", "Le président Paul Girard a déclaré qu'il ne lèvera pas les sanctions.", "Paul Girard"),
    ("fr", "Paul Girard a déclaré mardi que Paris ne reconnaîtra pas le scrutin.", "Paul Girard"),
    ("fr", "Paul Girard a annoncé que la France ne lèvera pas les sanctions.", "Paul Girard"),
    ("es", "Pedro Gómez afirmó que no reconocerá los resultados.", "Pedro Gómez"),
    ("ru", "Олег Смирнов заявил, что не отменит санкции.", "Oleg Smirnov"),
])
def test_a_complement_whose_subject_is_someone_keeps_the_speakers_refusal(
    backend: RulesBackend, lang: str, text: str, actor: str
) -> None:
    """Guards: a pronoun ("il"), a capital ("Paris"), a country, or no subject at all."""
    assert actor in actors_by_type(backend, text, lang).get("refusal", [])


def _vow_types(tmp_path: Path) -> None:
    """Two user types: a vow composed with ``future`` whose negation is a balk, and the
    balk, whose English cue opens with a negated future ("will not budge")."""
    path = tmp_path / "vow.json"
    path.write_text(json.dumps({
        "types": {"vow_rt": {"negated_as": "balk_rt", "compose": ["future"]}, "balk_rt": {}},
        "languages": {"en": {"vow_rt": ["swears to"], "balk_rt": ["will not budge"]}},
    }), encoding="utf-8")

    class Vow(ClaimBase):
        definition: ClassVar[str] = "An actor vows to do something."
        cues: ClassVar[str | None] = str(path)
        type: Literal["vow_rt"] = "vow_rt"

    class Balk(ClaimBase):
        definition: ClassVar[str] = "An actor balks at doing something."
        cues: ClassVar[str | None] = str(path)
        type: Literal["balk_rt"] = "balk_rt"

    register_claim_type(Vow)
    register_claim_type(Balk)


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Claim types registered in the test stay in the test."""
    from claimkit import schemas

    monkeypatch.setattr(schemas, "_REGISTRY", dict(schemas._REGISTRY))


def test_the_negated_type_of_a_user_future_type_forecasts_too(registry: None, tmp_path: Path) -> None:
    """The type a negated English future cue states is read from the data (``negated_as``
    of a type composed with ``future``), so a user's balk is a forecast in the complement
    of a subject that names no one, and stays a balk where a country is the subject."""
    _vow_types(tmp_path)
    balks = RulesBackend(types=["vow_rt", "balk_rt"])
    assert "balk_rt" not in actors_by_type(balks, "Anna Berg said that rents will not budge this year.", "en")
    kept = actors_by_type(balks, "Anna Berg said that Peru will not budge on the vote.", "en")
    assert "Anna Berg" in kept.get("balk_rt", [])


@pytest.mark.parametrize("text", [
    "Finance minister Anna Berg said on Monday prices will not fall.",
    "Anna Berg said in March rents would not ease.",
    "Anna Berg told reporters Friday inflation will not slow this year.",
])
def test_a_weekday_or_month_in_the_complement_names_no_one(backend: RulesBackend, text: str) -> None:
    """A capitalised weekday or month ("Monday", "March") between the verb of saying and
    the future is a date, not a name no finder knows: the complement's subject is still
    prices, rents, inflation, and the future forecasts."""
    assert actors_by_type(backend, text, "en") == {}


@pytest.mark.parametrize(("text", "actor"), [
    ("Anna Berg said on Monday that Peru will not recognise the vote.", "Anna Berg"),
    ("Anna Berg said on Monday that Kathmandu would not recognise the vote.", "Anna Berg"),
    ("Anna Berg said in March the government will not lift the sanctions.", "Anna Berg"),
])
def test_a_weekday_beside_a_subject_that_is_someone_keeps_the_refusal(
    backend: RulesBackend, text: str, actor: str
) -> None:
    """Guards: a country, a capitalised word that is no date (a capital no finder knows)
    or a government word after the date keeps the speaker's refusal."""
    assert actor in actors_by_type(backend, text, "en").get("refusal", [])


@pytest.mark.parametrize(("lang", "words", "not_words"), [
    ("en", {"monday", "friday", "march", "december"}, {"paris", "prices", "government"}),
    ("ru", {"понедельник", "марта", "пятница"}, {"москва", "цены"}),
    ("de", {"montag", "märz"}, {"berlin", "preise"}),
])
def test_calendar_words_are_the_languages_weekdays_and_months(lang: str, words: set[str], not_words: set[str]) -> None:
    from claimkit.normalize.dates import calendar_words

    assert words <= calendar_words(lang)
    assert not not_words & calendar_words(lang)
