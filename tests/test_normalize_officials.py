"""Officials who are in no gazetteer: a name next to a title is a person (as written),
speaking for the country the title names; a country that opens such a name ("Israel
Katz") is no country mention; a capitalised word after a title that is no name stays
none.

Every sentence of tests/data/actors_officials.jsonl is written for these tests, in all
17 languages; ``person`` lists the labels a person mention may have (the gazetteer's
English name, or the name as written), ``aff`` the country code
:meth:`Gazetteer.affiliation` must give that person, ``absent`` labels no mention may have,
``countries`` (negative cases) the labels that must be found, with no person at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Gazetteer, find_actors
from claimkit.schemas import ActorKind, Document

_CASES = [json.loads(line) for line in
          (Path(__file__).parent / "data" / "actors_officials.jsonl").read_text("utf-8").splitlines()
          if line.strip()]


def _id(case: dict[str, Any]) -> str:
    return f"{case['lang']}:{case['text'][:40]}"


def test_every_language_has_cases() -> None:
    langs = {c["lang"] for c in _CASES}
    assert langs == {"en", "zh", "ja", "ko", "vi", "id", "ar", "fr", "de", "es", "it", "pt", "pl", "hr",
                     "tr", "ru", "uk"}
    assert sum(1 for c in _CASES if not c["person"]) >= 5  # negative cases


@pytest.mark.parametrize("case", _CASES, ids=_id)
def test_official(case: dict[str, Any]) -> None:
    mentions = find_actors(case["text"], language=case["lang"])
    labels = [m.actor.label for m in mentions]
    persons = [m.actor for m in mentions if m.actor.kind == ActorKind.person]
    for name in case["absent"]:
        assert name not in labels, labels
    if not case["person"]:
        assert persons == [], labels
        for name in case.get("countries", []):
            assert name in labels, labels
        return
    matching = [a for a in persons if a.label in case["person"]]
    assert matching, labels
    if case["aff"]:
        assert Gazetteer.default().affiliation(matching[0], language=case["lang"]) == case["aff"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Israeli Defence Minister Israel Katz said Israel would send more troops to the "
               "border.", ["Israel Katz", "Israel"]),
        ("en", "Chilean Foreign Minister Paris Ortega refused to send troops.",
         ["Paris Ortega", "Chile"]),
        ("fr", "Le ministre chilien des Affaires étrangères, Paris Ortega, a refusé d'envoyer "
               "des troupes.", ["Paris Ortega", "Chile"]),
        # a title that names no country: the official, written as a full name, speaks
        # beside the country the sentence names (he no longer replaces it, nor is he left out)
        ("en", "Foreign Minister Tomas Varga said Hungary would not send troops.",
         ["Tomas Varga", "Hungary"]),
        # ... and is the actor when the sentence names no country ("O ministro da Fazenda,
        # Fernando Haddad, ...": before, the claim had no actor)
        ("pt", "O ministro da Agricultura, Carlos Fávaro, recusou novos cortes.", ["Carlos Fávaro"]),
        # a lone word after a title is no full name: left out when its title names no group
        ("en", "Minister Varga said Hungary would not send troops.", ["Hungary"]),
    ],
)
def test_backend_names_the_official_and_his_country(backend: RulesBackend, lang: str, text: str,
                                                     expected: list[str]) -> None:
    drafts = backend.extract(Document(id="t", text=text, language=lang,
                                      published="2025-06-02")).drafts
    assert drafts
    assert [a.label for a in drafts[0].fields.get("actor") or []] == expected


def test_a_later_surname_is_the_same_official() -> None:
    text = ("Chilean Foreign Minister Paris Ortega arrived in Lima. Ortega said Chile would "
            "send aid.")
    persons = [m for m in find_actors(text, language="en") if m.actor.kind == ActorKind.person]
    assert [(m.text, m.actor.name) for m in persons] == [
        ("Chilean Foreign Minister Paris Ortega", "Paris Ortega"), ("Ortega", "Paris Ortega")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the surname of a person named in full in the text is that person, not the
        # country of the same name (an alias cannot say so: it would name two entries)
        ("pt", "Montenegro promete apoio às vítimas. O primeiro-ministro Luís Montenegro visitou "
               "hoje a região afetada.", "Luís Montenegro"),
        ("en", "Montenegro vows help for flood victims. Prime Minister Luís Montenegro visited "
               "the region on Monday.", "Luís Montenegro"),
        # without the full name, the country
        ("en", "Montenegro vows help for flood victims.", "Montenegro"),
    ],
)
def test_surname_of_a_person_named_in_full(lang: str, text: str, expected: str) -> None:
    assert find_actors(text, language=lang)[0].actor.name == expected


def test_a_language_tries_the_possessives_and_its_own_connectors_only() -> None:
    # "中国外務省の", "의" join a country to a title in Japanese and Korean only; a text of
    # unknown language tries them all
    from claimkit.normalize._officials import _Taken

    def connectors(lang: str | None) -> tuple[str, ...]:
        return _Taken([], bool, lang=lang).connectors

    assert connectors("en") == connectors("de") == ("", "'s", "’s", "s'")
    assert "外務省の" in connectors("ja") and "의" not in connectors("ja")
    assert "의" in connectors("ko") and "の" not in connectors("ko")
    assert {"の", "外務省の", "의"} <= set(connectors(None))
