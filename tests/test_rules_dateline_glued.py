"""A dateline whose em dash is glued to the place and to the story, in the Wall Street
Journal's style ("WASHINGTON—The Federal Reserve said ..."), is read as a dateline
(``claimkit.extract.rules.dateline``); an em dash between words that are no place in
capitals, or before a lower-case word, opens none. The seats of government that are not
the capital in the usual sense (The Hague, Bern, La Paz, Putrajaya) and Port-au-Prince give
the government seated there.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules.dateline import read_datelines
from tests._datelines import PLACES
from tests._datelines import article as _article
from tests._datelines import seat as _seat

_GLUED = [
    ("WASHINGTON—The Federal Reserve held rates steady on Wednesday.", "WASHINGTON", "United States"),
    ("KYIV—Ukraine's parliament approved the budget.", "KYIV", "Ukraine"),
    ("NEW DELHI—India's central bank cut its main rate.", "NEW DELHI", "India"),
    ("PORT-AU-PRINCE—Haiti's transitional council named a new premier.", "PORT-AU-PRINCE", "Haiti"),
    ("THE HAGUE—The Dutch cabinet resigned.", "THE HAGUE", "Netherlands"),
    ("BERLIN, June 2—The German government said ...", "BERLIN", "Germany"),
]


@pytest.mark.parametrize(("text", "place", "country"), _GLUED, ids=[g[1] for g in _GLUED])
def test_an_em_dash_glued_to_a_place_in_capitals_ends_a_dateline(text: str, place: str, country: str) -> None:
    found = _article(text)
    assert found is not None
    assert (found.place, found.country) == (place, country)
    assert text[found.span[1] - 1] == "—"  # the dateline ends at its dash, the story follows


#: an em dash glued between words that are no dateline: a name, a place written in mixed
#: case, a place in capitals before a lower-case word, an em dash inside a sentence
_NOT_GLUED = [
    "Jean—Paul said the talks would go on.",
    "Washington—the city, not the state—voted early.",
    "WASHINGTON—the city, not the state—voted early.",
    "The minister—who spoke late—refused to comment.",
    "Jean-Paul Martin—a diplomat—said nothing.",
]


@pytest.mark.parametrize("text", _NOT_GLUED)
def test_an_em_dash_glued_otherwise_opens_no_dateline(text: str) -> None:
    assert read_datelines(text, _seat) == ()


def test_a_spaced_em_dash_is_still_read() -> None:
    found = _article("WASHINGTON — The Federal Reserve held rates.")
    assert found is not None and (found.place, found.country) == ("WASHINGTON", "United States")


#: seats of government that are not the capital in the usual sense, and Port-au-Prince; the
#: constitutional capitals where no government sits are none (Amsterdam, Sucre)
_SEATS = [
    ("The Hague", "Netherlands"), ("Den Haag", "Netherlands"), ("La Haye", "Netherlands"),
    ("Port-au-Prince", "Haiti"), ("Bern", "Switzerland"), ("Berne", "Switzerland"),
    ("La Paz", "Bolivia"), ("Putrajaya", "Malaysia"), ("Pretoria", "South Africa"),
]


@pytest.mark.parametrize(("written", "country"), _SEATS, ids=[s[0] for s in _SEATS])
def test_a_seat_of_government_gives_its_country(written: str, country: str) -> None:
    assert _seat(written) == country


@pytest.mark.parametrize("written", ["Amsterdam", "Geneva", "Istanbul", "New York"])
def test_a_city_where_no_government_sits_gives_none(written: str) -> None:
    assert PLACES.resolve(written) is not None
    assert _seat(written) is None


def test_spanish_la_paz_in_lower_case_is_no_place() -> None:
    found = PLACES.find("Buscan la paz en Ucrania. El Gobierno de La Paz respondió.", language="es")
    assert [m.name for m in found] == ["La Paz"]
