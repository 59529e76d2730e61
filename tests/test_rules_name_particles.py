"""One list of the small words inside a person's name (``NAME_PARTICLES`` in
``claimkit.normalize._officials``): the officials finder reads names with it, and the
rules backend's ``full_name`` (an official in no gazetteer written as a full name acts)
reads the same. Before, ``full_name`` had a shorter list of its own with "e" and "y",
so "Pedro y Pablo" was a full name and "Faisal ibn Farhan" not."""

from __future__ import annotations

import pytest

from claimkit.extract.rules.support import full_name


@pytest.mark.parametrize(("label", "expected"), [
    ("Ursula von der Leyen", True),
    ("Luiz Inácio Lula da Silva", True),
    ("Faisal ibn Farhan", True),  # "ibn", "bint", "ben", "abu": the officials finder's too
    ("Mahmoud Abu Salem", True),
    ("Karim ben Youssef", True),
    ("Pieter de Vries", True),
    ("Pedro y Pablo", False),  # a conjunction between two names: no one person
    ("Marco e Giulia", False),
    ("de Vries", False),  # a particle does not open a full name
    ("Vries", False),
])
def test_a_full_name_holds_the_particles_the_officials_finder_reads(label: str, expected: bool) -> None:
    assert full_name(label) is expected
