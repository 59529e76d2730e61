"""An English minister's portfolio, capitalised between the title and the name after "of"
or "for", is part of the title, not of the name (``_officials._PORTFOLIOS``): "Minister of
Fisheries Joanne Bell", "Minister of State for Culture Klaus Richter", "Secretary of State
for Health Alan Burton". Before, the portfolio opened the name ("Fisheries Joanne Bell",
"Culture Klaus Richter") or no one was named. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Gazetteer
from tests._rules_helpers import actors_of


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


def _people(text: str) -> list[str]:
    return [m.actor.label for m in Gazetteer.default().find(text, language="en") if m.actor.kind == "person"]


@pytest.mark.parametrize(("text", "person"), [
    ("Canada's Minister of Fisheries Joanne Bell warned on Monday that quotas would be cut.", "Joanne Bell"),
    ("Germany's Minister of State for Culture Klaus Richter met his French counterpart.", "Klaus Richter"),
    ("Britain's Secretary of State for Health Alan Burton warned that hospitals would run out of beds.",
     "Alan Burton"),
    ("Canada's Minister of Foreign Affairs Joanne Bell said sanctions would follow.", "Joanne Bell"),
    # a joined portfolio: every word of it is the title's
    ("Britain's Secretary of State for Science, Innovation and Technology Alan Burton met the chiefs.",
     "Alan Burton"),
    ("The Secretary for Culture, Media and Sport, Alan Burton, promised more money for clubs.", "Alan Burton"),
    ("Britain's Secretary of State for Work and Pensions Alan Burton warned of cuts.", "Alan Burton"),
])
def test_the_portfolio_is_no_part_of_the_name(text: str, person: str) -> None:
    assert _people(text) == [person]


@pytest.mark.parametrize(("text", "person"), [
    ("Canada's Fisheries Minister Joanne Bell warned that quotas would be cut.", "Joanne Bell"),
    ("Canada's Minister of Fisheries, Joanne Bell, warned that quotas would be cut.", "Joanne Bell"),
    ("Foreign Minister Joanne Bell warned that sanctions would follow.", "Joanne Bell"),
])
def test_guards_other_word_orders_keep_the_name(text: str, person: str) -> None:
    assert _people(text) == [person]


def test_the_warning_is_the_ministers(backend: RulesBackend) -> None:
    text = "OTTAWA, June 2, 2025 - Canada's Minister of Fisheries Joanne Bell warned on Monday that quotas would be cut."
    assert actors_of(backend, text, "en", "warning")[0] == "Joanne Bell"
