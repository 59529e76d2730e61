"""Affiliations of people in the gazetteer, and whole-name lookups (strict and loose)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.normalize import Gazetteer
from claimkit.schemas import Actor, ActorKind


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Keir Starmer", None, "GB"),
    ("英国首相斯塔默", "zh", "GB"),
    ("Путина", "ru", "RU"),
    ("Рютте", None, "NATO"),
    ("Kaja Kallas", None, "European Union"),
    ("António Guterres", None, "United Nations"),
    ("Tô Lâm", "vi", "VN"),
    ("Lars Lokke Rasmussen", None, "DK"),  # typed without its ø
])
def test_affiliation_of_people_in_any_script(gaz: Gazetteer, text: str, language: str | None,
                                             expected: str) -> None:
    assert gaz.affiliation(text, language=language) == expected


@pytest.mark.parametrize("text", ["France", "NATO", "Kremlin", "Somebody Unknown", ""])
def test_no_affiliation_for_non_people_or_unknown_names(gaz: Gazetteer, text: str) -> None:
    assert gaz.affiliation(text) is None


def test_affiliation_of_an_actor_uses_its_canonical_name_first(gaz: Gazetteer) -> None:
    resolved = Actor(text="the prime minister", name="Keir Starmer", kind=ActorKind.person,
                     resolved=True)
    assert gaz.affiliation(resolved) == "GB"
    unresolved = Actor(text="la présidente du Conseil", name="Giorgia Meloni", resolved=False)
    assert gaz.affiliation(unresolved) == "IT"


def test_every_person_the_validator_needs_has_an_affiliation(gaz: Gazetteer) -> None:
    people = [e for e in gaz.entries if e.kind == ActorKind.person]
    assert len(people) > 150
    missing = [e.name for e in people if not e.affiliation]
    assert missing == []
    names = {e.name for e in gaz.entries if e.kind != ActorKind.person}
    for e in people:
        aff = e.affiliation or ""
        assert (len(aff) == 2 and aff.isupper()) or aff in names, (e.name, aff)


def test_entry_field_and_strict_lookup(gaz: Gazetteer) -> None:
    entry = gaz.lookup("Starmer")
    assert entry is not None and entry.name == "Keir Starmer" and entry.affiliation == "GB"
    # a title is not part of a whole-name alias: only the non-strict lookup reads it
    assert gaz.lookup("British Prime Minister Keir Starmer", strict=True) is None
    titled = gaz.lookup("British Prime Minister Keir Starmer")
    assert titled is not None and titled.name == "Keir Starmer"


def test_loose_lookup_ignores_accents_case_and_punctuation_but_keeps_case_rules(
        gaz: Gazetteer) -> None:
    for text, name in [("Jean-Noel Barrot", "Jean-Noël Barrot"), ("Viet Nam", "Vietnam"),
                       ("Turkiye", "Turkey"), ("Luiz Inacio Lula da Silva",
                                               "Luiz Inácio Lula da Silva")]:
        entry = gaz.lookup(text, strict=True)
        assert entry is not None and entry.name == name, text
    # "anh" and "us" are words; only "Anh" and "US" name a country
    assert gaz.lookup("anh", strict=True) is None
    assert gaz.lookup("us", strict=True) is None


def test_user_file_sets_and_overrides_affiliation(tmp_path: Path) -> None:
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"entries": [
        {"name": "Jens Stoltenberg", "kind": "person", "affiliation": "NO"},
        {"name": "Ada Example", "kind": "person", "aliases": ["Ада Пример"],
         "affiliation": "European Union"},
    ]}), encoding="utf-8")
    gaz = Gazetteer.load(path)
    assert gaz.affiliation("Jens Stoltenberg") == "NO"
    assert gaz.affiliation("Ада Пример") == "European Union"
    assert Gazetteer.default().affiliation("Jens Stoltenberg") == "NATO"


def test_bad_affiliation_code_raises(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"entries": [{"name": "X Y", "affiliation": "QQ"}]}),
                    encoding="utf-8")
    with pytest.raises(InputError, match="ISO 3166"):
        Gazetteer.load(path)
