"""The rules backend learns claim types from data: user types with cue files,
``types=`` restriction, the sanction plugin's lexicons, cue-data checks.

Every test that registers a claim type does it in a copy of the registry
(``registry`` fixture), so no type leaks into other tests. A fake gazetteer
supplies actors, as in ``test_rules.py``: these tests exercise the cue rules.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar, Literal

import pytest
from pydantic import Field

from claimkit.errors import InputError, SchemaError
from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.cues import CueBook, cue_file, load_cues
from claimkit.extract.rules.spec import field_shape
from claimkit.schemas import (
    Actor,
    ActorKind,
    ClaimBase,
    MeetingFormat,
    Quantity,
    claim_types,
    register_claim_type,
)
from tests._fake_gazetteer import FakeGazetteer, drafts, labels, one

PLUGIN = Path(__file__).resolve().parent.parent / "examples" / "sanction-plugin"

NAMES = {
    "European Union": "European Union", "Union européenne": "European Union",
    "Europäische Union": "European Union", "Unión Europea": "European Union",
    "Евросоюз": "European Union", "United States": "United States",
    "Russia": "Russia", "Russie": "Russia", "Russland": "Russia", "Rusia": "Russia",
    "Rússia": "Russia", "России": "Russia", "Iran": "Iran", "Syria": "Syria",
    "Syrie": "Syria", "Syrien": "Syria", "Siria": "Syria", "Síria": "Syria", "Сирии": "Syria",
    "Canada": "Canada", "Kanada": "Canada", "Canadá": "Canada", "Канада": "Canada",
    "Hungary": "Hungary", "Hongrie": "Hungary", "Ungarn": "Hungary", "Hungría": "Hungary",
    "Венгрия": "Hungary", "France": "France", "Deutschland": "Germany", "España": "Spain",
    "Italia": "Italy", "Portugal": "Portugal", "Chile": "Chile", "Peru": "Peru",
    "Poland": "Poland", "Moldova": "Moldova", "Austria": "Austria",
}  # fmt: skip
_ORGS = {"European Union"}


def _gazetteer() -> FakeGazetteer:
    """A fake gazetteer of the names above."""
    return FakeGazetteer(NAMES, {name: ActorKind.organisation for name in _ORGS})


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Claim types registered in the test stay in the test."""
    from claimkit import schemas

    monkeypatch.setattr(schemas, "_REGISTRY", dict(schemas._REGISTRY))


@pytest.fixture
def sanction(registry: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The example plugin, imported (which registers it) into the test's registry."""
    monkeypatch.syspath_prepend(str(PLUGIN))
    monkeypatch.delitem(sys.modules, "claimkit_sanction", raising=False)
    module = importlib.import_module("claimkit_sanction")
    monkeypatch.setitem(sys.modules, "claimkit_sanction", module)  # removed again afterwards
    yield module


# ------------------------------------------------------------ a user claim type


def _ceasefire(cue_path: str) -> type[ClaimBase]:
    class Ceasefire(ClaimBase):
        definition: ClassVar[str] = "Parties agree, keep or break a ceasefire."
        cues: ClassVar[str | None] = cue_path
        type: Literal["ceasefire_rt"] = "ceasefire_rt"
        parties: list[Actor] = Field(default_factory=list, description="Who else is bound.")
        stage: Literal["agreed", "broken"] | None = Field(default=None, description="...")
        withdrawn: Quantity | None = Field(default=None, description="Forces withdrawn.")
        note: str | None = Field(default=None, description="Free text: left empty.")

    return register_claim_type(Ceasefire)


CEASEFIRE_CUES = {
    "languages": {
        "en": {
            "ceasefire_rt": ["ceasefire*", "truce*", "cease* fire"],
            "fields": {"stage": {"agreed": ["agree*", "sign*"], "broken": ["violat*", "broke*"]}},
        }
    }
}


def _write(path: Path, data: dict[str, Any]) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_user_type_with_a_cue_file_is_extracted(registry: None, tmp_path: Path) -> None:
    _ceasefire(_write(tmp_path / "ceasefire.json", CEASEFIRE_CUES))
    backend = RulesBackend(gazetteer=_gazetteer())
    assert "ceasefire_rt" in backend.types
    d = one(drafts(backend, "Chile agreed a ceasefire with Peru and will withdraw 5,000 troops."), "ceasefire_rt")
    assert labels(d.fields["actor"]) == ["Chile"]
    assert labels(d.fields["parties"]) == ["Peru"]  # derived: the one list[Actor] field
    assert d.fields["stage"] == "agreed"  # derived: a keyword map for a Literal field
    assert (d.fields["withdrawn"].value, d.fields["withdrawn"].unit) == (5000, "troops")
    assert d.fields["modality"] == "firm"
    assert "note" not in d.fields
    d = one(drafts(backend, "Peru may have violated the truce."), "ceasefire_rt")
    assert (d.fields["stage"], d.fields["modality"]) == ("broken", "tentative")
    assert drafts(backend, "The weather in Lima was fine.") == []


def test_cue_file_relative_to_the_defining_package(
    registry: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "rt_cue_pkg"
    (package / "data").mkdir(parents=True)
    _write(package / "data" / "cues.json", CEASEFIRE_CUES)
    (package / "__init__.py").write_text(
        "from typing import ClassVar, Literal\n"
        "from claimkit.schemas import ClaimBase, register_claim_type\n\n"
        "@register_claim_type\n"
        "class Truce(ClaimBase):\n"
        "    cues: ClassVar[str | None] = 'data/cues.json'\n"
        "    type: Literal['ceasefire_rt'] = 'ceasefire_rt'\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("rt_cue_pkg")
    monkeypatch.setitem(sys.modules, "rt_cue_pkg", module)
    found = cue_file(module.Truce)
    assert found is not None and Path(str(found)) == package / "data" / "cues.json"
    backend = RulesBackend(gazetteer=_gazetteer(), types=["ceasefire_rt"])
    assert [d.type for d in drafts(backend, "Chile signed a truce with Peru.")] == ["ceasefire_rt"]


def test_type_without_cues_is_not_extracted(registry: None) -> None:
    class Quiet(ClaimBase):
        type: Literal["quiet_rt"] = "quiet_rt"

    register_claim_type(Quiet)
    backend = RulesBackend(gazetteer=_gazetteer())
    assert "quiet_rt" not in backend.types
    with pytest.raises(SchemaError, match="no cues"):
        RulesBackend(types=["quiet_rt"])


@pytest.mark.parametrize(
    ("decl", "message"),
    [
        ({"fields": {"parties": {"role": "place"}}}, "cannot fill"),
        ({"fields": {"nope": {"role": "actors_after"}}}, "no such field"),
        ({"fields": {"parties": ["actors_after"]}}, "a role is a name"),
        ({"fields": {"stage": {"role": "keywords", "default": "paused"}}}, "accepts"),
        ({"fields": {"parties": {"role": "actors_after", "scope": "clause"}}}, "no option"),
        ({"fields": {"stage": {"role": "modifier", "modifier": "future"}}}, "two 'values'"),
        ({"negated_as": "nothing_rt"}, "negated_as"),
        ({"actor_from": ["guess"]}, "actor_from"),
        ({"merge": [{"dates_agree": True}]}, "same"),
        ({"colour": "red"}, "unknown key"),
    ],
)
def test_cue_data_is_checked_against_the_model(
    registry: None, tmp_path: Path, decl: dict[str, Any], message: str
) -> None:
    _ceasefire(_write(tmp_path / "c.json", {**CEASEFIRE_CUES, "types": {"ceasefire_rt": decl}}))
    with pytest.raises(InputError, match=message):
        RulesBackend(gazetteer=_gazetteer())


def test_keyword_value_the_field_does_not_accept(registry: None, tmp_path: Path) -> None:
    cues = json.loads(json.dumps(CEASEFIRE_CUES))
    cues["languages"]["en"]["fields"]["stage"]["paused"] = ["paus*"]
    _ceasefire(_write(tmp_path / "c.json", cues))
    with pytest.raises(InputError, match="paused"):
        RulesBackend(gazetteer=_gazetteer())


def test_missing_cue_file_names_the_file(registry: None, tmp_path: Path) -> None:
    _ceasefire(str(tmp_path / "missing.json"))
    with pytest.raises(InputError, match="missing.json"):
        RulesBackend()


def test_field_shapes() -> None:
    assert field_shape(list[Actor]).kind == "actors"
    assert field_shape(Actor | None).kind == "actor"
    assert field_shape(Quantity | None).kind == "quantity"
    assert field_shape(Literal["a", "b"] | None).choices == ("a", "b")
    assert field_shape(MeetingFormat | None).choices == ("in_person", "virtual", "phone", "hybrid")
    assert field_shape(str | None).kind == "text"
    assert field_shape(int).kind == "other"


# ------------------------------------------------------------------ types=


def test_types_restricts_the_output_not_the_rules() -> None:
    text = "Poland pledged troops to Moldova, but Austria refused to send troops."
    everything = RulesBackend(gazetteer=_gazetteer())
    assert [d.type for d in drafts(everything, text)] == ["pledge", "refusal"]
    pledges = RulesBackend(gazetteer=_gazetteer(), types=["pledge"])
    assert pledges.types == ("pledge",)
    assert [d.type for d in drafts(pledges, text)] == ["pledge"]
    # the refusal cue is still read: what Austria refuses is not pledged
    assert drafts(pledges, "Austria refused to send troops.") == []
    both = RulesBackend(gazetteer=_gazetteer(), types="refusal, pledge")
    assert both.types == ("refusal", "pledge")
    assert [d.type for d in drafts(both, text)] == ["pledge", "refusal"]


def test_types_names_an_unknown_type() -> None:
    with pytest.raises(SchemaError, match="unknown claim type 'nope'"):
        RulesBackend(types=["nope"])


# ------------------------------------------------------- the sanction plugin


def test_plugin_registers_its_type_and_ships_its_cues(sanction: ModuleType) -> None:
    assert claim_types()["sanction"] is sanction.Sanction
    path = cue_file(sanction.Sanction)
    assert path is not None and path.name == "cues.json" and path.is_file()
    backend = RulesBackend(gazetteer=_gazetteer())
    assert backend.types == ("pledge", "refusal", "warning", "meeting", "sanction")
    assert {"en", "fr", "de", "es", "it", "pt", "ru"} <= {
        code for code in backend.cues.languages if "sanction" in backend.cues.raw[code]
    }


@pytest.mark.parametrize(
    ("text", "language", "action", "actor", "target"),
    [
        ("The European Union imposed new sanctions on Russia on Monday.", "en", "impose", "European Union", "Russia"),
        ("The United States extended sanctions on Iran for another year.", "en", "extend", "United States", "Iran"),
        ("Canada lifted its sanctions on Syria.", "en", "lift", "Canada", "Syria"),
        ("L'Union européenne a frappé la Russie de nouvelles sanctions.", "fr", "impose", "European Union", "Russia"),
        ("La France a prolongé de six mois les sanctions contre l'Iran.", "fr", "extend", "France", "Iran"),
        ("Le Canada a levé les sanctions contre la Syrie.", "fr", "lift", "Canada", "Syria"),
        ("Die Europäische Union verhängte neue Sanktionen gegen Russland.", "de", "impose", "European Union", "Russia"),
        ("Deutschland verlängerte die Sanktionen gegen den Iran.", "de", "extend", "Germany", "Iran"),
        ("Kanada hat die Sanktionen gegen Syrien aufgehoben.", "de", "lift", "Canada", "Syria"),
        ("España impuso nuevas sanciones a Rusia.", "es", "impose", "Spain", "Russia"),
        ("Canadá levantó las sanciones contra Siria.", "es", "lift", "Canada", "Syria"),
        ("L'Italia ha imposto nuove sanzioni alla Russia.", "it", "impose", "Italy", "Russia"),
        ("Portugal levantou as sanções contra a Síria.", "pt", "lift", "Portugal", "Syria"),
        ("Евросоюз ввел новые санкции против России.", "ru", "impose", "European Union", "Russia"),
        ("Канада сняла санкции с Сирии.", "ru", "lift", "Canada", "Syria"),
    ],
)
def test_sanction_cues(
    sanction: ModuleType, text: str, language: str, action: str, actor: str, target: str
) -> None:
    backend = RulesBackend(gazetteer=_gazetteer(), types=["sanction"])
    d = one(drafts(backend, text, language), "sanction")
    assert d.fields["action"] == action
    assert labels(d.fields["actor"]) == [actor]
    assert labels(d.fields["target"]) == [target]
    assert d.fields["modality"] == "firm"


@pytest.mark.parametrize(
    ("text", "language", "types"),
    [
        ("Sanctions on Russia have hurt the European economy.", "en", []),
        ("Hungary blocked the new sanctions on Russia.", "en", ["refusal"]),
        ("The United States threatened further sanctions on Iran.", "en", ["warning"]),
        ("Canada did not impose sanctions on Syria.", "en", []),
        ("Les sanctions contre la Russie pèsent sur l'économie.", "fr", []),
        ("La Hongrie a bloqué les nouvelles sanctions contre la Russie.", "fr", ["refusal"]),
        ("Le Canada n'a pas levé les sanctions contre la Syrie.", "fr", []),
        ("Die Sanktionen gegen Russland belasten die Wirtschaft.", "de", []),
        ("Ungarn blockiert neue Sanktionen gegen Russland.", "de", ["refusal"]),
        ("Kanada droht mit neuen Sanktionen gegen Syrien.", "de", ["warning"]),
        ("Hungría bloqueó las nuevas sanciones contra Rusia.", "es", ["refusal"]),
        ("Венгрия заблокировала новые санкции против России.", "ru", ["refusal"]),
    ],
)
def test_sanction_negatives(
    sanction: ModuleType, text: str, language: str, types: list[str]
) -> None:
    backend = RulesBackend(gazetteer=_gazetteer())
    assert [d.type for d in drafts(backend, text, language)] == types


def test_sanction_hedged_and_repeated(sanction: ModuleType) -> None:
    backend = RulesBackend(gazetteer=_gazetteer(), types=["sanction"])
    d = one(drafts(backend, "Canada may impose new sanctions on Syria."), "sanction")
    assert d.fields["modality"] == "tentative"
    text = (
        "EU imposes new sanctions on Russia\n"
        "The European Union imposed new sanctions on Russia on Monday. "
        "The United States extended sanctions on Iran."
    )
    ds = drafts(backend, text, "en")
    assert [(d.type, d.fields["action"], len(d.spans)) for d in ds] == [
        ("sanction", "impose", 2),  # headline and lead: same target, same action
        ("sanction", "extend", 1),
    ]


def test_plugin_sample_articles(sanction: ModuleType) -> None:
    from claimkit.documents import load_documents
    from claimkit.evaluate import evaluate
    from claimkit.extract import Extractor

    records = list(Extractor(RulesBackend()).run(load_documents([PLUGIN / "articles"])))
    assert {r.document.published.isoformat() for r in records if r.document.published} == {
        "2026-03-16", "2026-01-27"
    }
    report = evaluate(PLUGIN / "gold", records)
    assert not report.unlocated  # every gold quote is in its article
    assert report.by_type["sanction"].tp >= 6


# ------------------------------------------------- built-in behaviour unchanged


BUILTIN_SENTENCES = [
    "Poland pledged troops to Moldova.",
    "Austria will not send weapons to the region.",
    "Poland has not pledged any money to the fund this year.",
    "Chile and Peru met in Warsaw on trade. The meeting lasted two hours.",
    "Austria threatened to block the loan to Moldova.",
    "Chile is willing to meet Peru in Warsaw.",
]


def test_builtin_outputs_do_not_change_when_a_plugin_is_registered(sanction: ModuleType) -> None:
    with_plugin = RulesBackend(gazetteer=_gazetteer())
    without = RulesBackend(gazetteer=_gazetteer(), types=["pledge", "refusal", "warning", "meeting"])
    for text in BUILTIN_SENTENCES:
        assert drafts(with_plugin, text) == drafts(without, text), text


def test_builtin_declarations_in_the_bundled_data() -> None:
    specs = RulesBackend(gazetteer=_gazetteer()).specs
    assert specs["pledge"].negated_as == "refusal"
    assert not specs["meeting"].modality and not specs["warning"].hedges
    roles = {(r.type, r.field): r.role for s in specs.values() for r in s.fields}
    assert roles[("pledge", "recipient")] == "actor_after"
    assert roles[("warning", "target")] == "actors_after"
    assert roles[("meeting", "location")] == "place"
    assert roles[("meeting", "participant_count")] == "count"
    assert ("meeting", "hosts") not in roles  # declared "none"
    d = one(drafts(RulesBackend(gazetteer=_gazetteer()), "Austria threatened to block the loan to Moldova."), "warning")
    assert labels(d.fields["target"]) == ["Moldova"]


# ------------------------------------------------------------------ cue files


def test_version_1_keyword_maps_still_read() -> None:
    extra = {"languages": {"en": {"what": {"training": ["drill*"]}}}}
    backend = RulesBackend(gazetteer=_gazetteer(), cues=extra)
    d = one(drafts(backend, "Poland pledged drills for Moldova."), "pledge")
    assert d.fields["what"] == "training"


def test_keyword_map_without_a_type_in_a_user_file() -> None:
    with pytest.raises(InputError, match="names no claim type"):
        RulesBackend(cues={"languages": {"en": {"fields": {"colour": {"red": ["red"]}}}}})


def test_bundled_cues_are_read_once_and_not_changed_by_extensions() -> None:
    assert load_cues() is load_cues()
    before = load_cues().raw["en"]["pledge"][:]
    extended = load_cues({"languages": {"en": {"pledge": ["earmark*"]}}})
    assert "earmark*" in extended.raw["en"]["pledge"]
    assert load_cues().raw["en"]["pledge"] == before
    assert isinstance(extended, CueBook)


def test_every_list_of_the_bundled_cues_is_a_modifier_or_a_builtin_type() -> None:
    # a list that is neither (a modifier the backend reads, missing from MODIFIERS) was read
    # as the cues of a claim type of its name: a user type named "travel" or "relative"
    # would have been extracted with another mechanism's words
    assert set(load_cues().claim_categories()) == {"pledge", "refusal", "warning", "meeting"}


def test_every_reporting_genitive_word_is_a_reporting_word_of_its_language() -> None:
    # reported.py reads the class only on a ``reporting`` match: a word listed in
    # ``reporting_genitive`` alone would never be read
    book = load_cues()
    langs = [code for code, spec in book.raw.items() if spec.get("reporting_genitive")]
    assert sorted(langs) == ["hr", "pl", "ru", "uk"]
    for code in langs:
        spec = book.raw[code]
        assert set(spec["reporting_genitive"]) <= set(spec["reporting"]), code
