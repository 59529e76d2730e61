"""The proper subject finder (:mod:`claimkit.extract.rules.subjects`) leaves out a name
opening with a noun of a home body or an office (``actor_nouns``) of the backend's own
gazetteer, not of the bundled file: a gazetteer passed to the backend (``--gazetteer``)
that adds a noun makes a name opening with it no proper subject. Before, the bundled
file's nouns were read whatever gazetteer the backend had. Sentences written for these
tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Gazetteer
from tests._rules_helpers import actors_by_type

#: a body named by its proper name opening the sentence of a warning
TEXT = ("The council met on Monday. Brightwater Trust warned that fares would rise in July, "
        "said a spokesman for Brightwater Trust.")


def _custom(tmp_path: Path, nouns: dict[str, list[str]]) -> Gazetteer:
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"actor_nouns": nouns}), encoding="utf-8")
    return Gazetteer.load(path)


def test_the_bundled_gazetteer_reads_the_name_as_the_subject() -> None:
    assert actors_by_type(RulesBackend(), TEXT, "en")["warning"] == ["Brightwater Trust"]


def test_a_noun_of_the_backends_gazetteer_makes_no_proper_subject(tmp_path: Path) -> None:
    gazetteer = _custom(tmp_path, {"en": ["trust"]})
    assert gazetteer.actor_nouns("en")[-1] == "trust"
    assert "Brightwater Trust" not in actors_by_type(RulesBackend(gazetteer=gazetteer), TEXT, "en").get("warning", [])


@pytest.mark.parametrize("nouns", [{"de": ["trust"]}, {"en": ["truss"]}])
def test_a_noun_of_another_language_or_word_changes_nothing(tmp_path: Path, nouns: dict[str, list[str]]) -> None:
    backend = RulesBackend(gazetteer=_custom(tmp_path, nouns))
    assert actors_by_type(backend, TEXT, "en")["warning"] == ["Brightwater Trust"]


def test_the_gazetteers_nouns_are_per_language() -> None:
    gazetteer = Gazetteer.default()
    assert "gobierno" in gazetteer.actor_nouns("es-MX")
    assert "gobierno" not in gazetteer.actor_nouns("pl")
    assert gazetteer.actor_nouns(None) == ()
