"""The date words of every language stand in one table, ``claimkit/data/dates.json``, in named
classes (issue 13, refactor of the four word lists once in ``normalize/dates.py``): the class
a word is in decides whether a month or a year after it is a date, a term, or one ahead of
publication. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from claimkit.normalize.dates import find_dates, is_term

#: Thursday 12 March 2026
_PUBLISHED = dt.date(2026, 3, 12)
_CLASSES = {"in", "month_only", "year_only", "start", "deadline", "bound", "start_after", "deadline_after", "that"}


def _table() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("claimkit").joinpath("data/dates.json").read_text("utf-8")
    languages: dict[str, dict[str, list[str]]] = json.loads(raw)["languages"]
    return languages


def test_every_class_is_a_known_one_and_no_word_is_in_two() -> None:
    for lang, classes in _table().items():
        assert set(classes) <= _CLASSES, lang
        words = [w for ws in classes.values() for w in ws]
        assert len(words) == len(set(words)), lang


def _first(text: str, lang: str) -> tuple[str, str | None, bool]:
    found = find_dates(text, published=_PUBLISHED, language=lang)
    assert found, text
    return found[0].text, found[0].date.value, is_term(found[0].date)


@pytest.mark.parametrize(("lang", "text", "words", "value", "term"), [
    # a "bound" word: a term, before a month or a year
    ("en", "The fund will be spent till 2028.", "till 2028", "2028", True),
    ("en", "Talks could drag on till June.", "till June", "2026-06", True),
    # a "deadline" word: a term, before a year too
    ("en", "The plant will close no later than 2029.", "no later than 2029", "2029", True),
    # an "in" word: a date, no term
    ("en", "The plant will close in 2029.", "in 2029", "2029", False),
    # a "start" word: a month after it is the one ahead ("dès février" in March: next February)
    ("fr", "Les livraisons reprendront dès février.", "dès février", "2027-02", True),
    # a "month_only" word: "for" sets no year alone
    ("de", "Berlin plant die Reform im Jahr 2027.", "im Jahr 2027", "2027", False),
])
def test_the_class_of_a_word_decides(lang: str, text: str, words: str, value: str, term: bool) -> None:
    assert _first(text, lang) == (words, value, term)


def test_a_month_only_word_makes_no_year_a_date() -> None:
    # "for 2027" is what a budget is for, no date; "since" is never before a year ahead
    assert find_dates("The budget for 2027 was cut.", published=_PUBLISHED, language="en") == []
