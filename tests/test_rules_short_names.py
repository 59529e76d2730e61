"""A person named again by the surname (or given name) alone after a full mention is that
person (:mod:`claimkit.extract.rules.short_names`), across Slavic case endings
("Sokołow" after "z Iwanem Sokołowem", "Петренко" after "з Олегом Петренком"). Before,
the lone surname was no one and the claim went to a country or to no actor. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.short_names import short_repeats
from claimkit.extract.rules.support import Mention
from claimkit.schemas import Actor, ActorKind
from tests._rules_helpers import actors_of


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("lang", "text", "actor"), [
    ("pl", "Minister rozmawiał w poniedziałek z Iwanem Sokołowem, ambasadorem Rosji. Sokołow ostrzegł, "
     "że Moskwa odpowie na nowe sankcje.", "Ivan Sokolov"),  # nominative, English (fix16; was "Iwanem Sokołowem")
    ("hr", "Ministar je u utorak razgovarao s Ivanom Horvatom, predsjednikom udruge. Horvat je upozorio "
     "da će ribari prosvjedovati.", "Ivan Horvat"),  # nominative (fix16; was "Ivanom Horvatom")
    ("ru", "Министр встретился с Иваном Петровым в Москве. Петров предупредил, что цены вырастут осенью.",
     "Ivan Petrov"),
    ("uk", "Міністр зустрівся з Олегом Петренком у Києві. Петренко попередив, що ціни зростуть восени.",
     "Oleh Petrenko"),
])
def test_a_surname_alone_names_the_person_named_before(backend: RulesBackend, lang: str, text: str,
                                                       actor: str) -> None:
    assert actors_of(backend, text, lang, "warning") == [actor]


def _person(start: int, written: str, name: str) -> Mention:
    return Mention(start, start + len(written), Actor(text=written, name=name, kind=ActorKind.person))


def _repeats(text: str, people: list[tuple[str, str]], language: str = "en") -> list[tuple[str, str]]:
    found = [_person(text.index(w), w, n) for w, n in people]
    return [(text[m.start : m.end], m.value.label) for m in short_repeats(text, found, [], language)]


def test_the_last_word_and_the_canonical_given_name_are_read() -> None:
    text = "Director-General Tedros Adhanom Ghebreyesus spoke first. Tedros said that Ghebreyesus left."
    assert _repeats(text, [("Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus")]) == [
        ("Tedros", "Tedros Adhanom Ghebreyesus"), ("Ghebreyesus", "Tedros Adhanom Ghebreyesus")]


@pytest.mark.parametrize(("text", "people", "language"), [
    # before the first full mention
    ("Quigley spoke first. Then Martha Quigley left.", [("Martha Quigley", "Martha Quigley")], "en"),
    # two people of the text share the surname
    ("Martha Quigley and Tom Quigley came. Quigley warned of strikes.",
     [("Martha Quigley", "Martha Quigley"), ("Tom Quigley", "Tom Quigley")], "en"),
    # the word is written in lower case in the text: a noun, not only a name
    ("Martha Rose came. Rose warned them; a rose lay on the desk.", [("Martha Rose", "Martha Rose")], "en"),
    # beside another capitalised word: another person's name
    ("Martha Quigley came. Brenda Quigley warned them.", [("Martha Quigley", "Martha Quigley")], "en"),
    ("Martha Quigley came. They saw Quigley Shipping.", [("Martha Quigley", "Martha Quigley")], "en"),
    # a language written without capitals is not read
    ("Martha Quigley came. Quigley warned them.", [("Martha Quigley", "Martha Quigley")], "ja"),
    # a one-word mention has no surname of its own
    ("Quigley came. Quigley warned them.", [("Quigley", "Quigley")], "en"),
])
def test_no_repeat(text: str, people: list[tuple[str, str]], language: str) -> None:
    assert _repeats(text, people, language) == []


def test_a_common_word_opening_the_sentence_before_the_surname_is_no_name() -> None:
    text = "Martha Quigley came, then left. Then Quigley warned them."
    assert _repeats(text, [("Martha Quigley", "Martha Quigley")]) == [("Quigley", "Martha Quigley")]


def test_case_endings_are_compared_in_slavic_languages_only() -> None:
    text = "Spotkał się z Anną Kowalską. Kowalska ostrzegła."
    assert _repeats(text, [("Anną Kowalską", "Anna Kowalska")], "pl") == [("Kowalska", "Anna Kowalska")]
    assert _repeats(text, [("Anną Kowalską", "Anna Kowalska")], "en") == []
