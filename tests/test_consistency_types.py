"""User claim types get cross-document validation from their declarations alone.

The types here are defined and registered in the tests (and unregistered after
each), with no change to ``claimkit.consistency``: a "position" type (a
sanction), a pair of stance types (endorse / oppose) and an "event" type (a
visit). Also: the validator names no built-in type or field, checks are a
registry, and the gazetteer is an argument.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest
from pydantic import Field

import claimkit.consistency as consistency
from claimkit.consistency import (
    DEFAULT_CHECKS,
    Finding,
    Severity,
    build_context,
    group_events,
    register_check,
    registered_checks,
    unregister_check,
    validate,
)
from claimkit.errors import SchemaError
from claimkit.normalize import Gazetteer, Places
from claimkit.schemas import (
    Actor,
    ClaimBase,
    ClaimTraits,
    DateRef,
    Document,
    DocumentClaims,
    FieldKind,
    Meeting,
    Pledge,
    Span,
    claim_traits,
    claim_types,
    register_claim_type,
    temporary_claim_type,
    unregister_claim_type,
)

CONSISTENCY = Path(consistency.__file__).parent


def country(name: str, iso: str) -> Actor:
    return Actor(text=name, name=name, kind="country", iso_code=iso, resolved=True)


EU = Actor(text="EU", name="European Union", kind="organisation", resolved=True)
FR, GB, RU, UA = (country("France", "FR"), country("United Kingdom", "GB"),
                  country("Russia", "RU"), country("Ukraine", "UA"))


class Sanction(ClaimBase):
    """A "position" type with every declaration left to its default."""

    definition: ClassVar[str] = "An actor imposes, extends or lifts sanctions on a target."
    conflict_fields: ClassVar[tuple[str, ...]] = ("action",)
    type: Literal["sanction"] = "sanction"
    target: list[Actor] = Field(default_factory=list, description="Who the sanctions hit.")
    action: Literal["impose", "extend", "lift"] | None = Field(default=None)


Topic = Literal["ceasefire", "peace_plan", "other"]


class Endorse(ClaimBase):
    stance: ClassVar[Literal["for", "against"] | None] = "for"
    type: Literal["endorse"] = "endorse"
    what: Topic | None = None


class Oppose(ClaimBase):
    stance: ClassVar[Literal["for", "against"] | None] = "against"
    narrowing_fields: ClassVar[tuple[str, ...]] = ("unless",)
    type: Literal["oppose"] = "oppose"
    what: Topic | None = None
    unless: str | None = None


class Visit(ClaimBase):
    """An "event" type: one dated occurrence, at a place, with participants."""

    grouping: ClassVar[Literal["position", "event", "none"]] = "event"
    place_field: ClassVar[str | None] = "city"
    participant_fields: ClassVar[tuple[str, ...]] = ("visited",)
    conflict_fields: ClassVar[tuple[str, ...]] = ("city", "date", "purpose")
    status_field: ClassVar[str | None] = "state"
    past_statuses: ClassVar[frozenset[str]] = frozenset({"done"})
    type: Literal["visit"] = "visit"
    city: str | None = None
    visited: list[Actor] = Field(default_factory=list)
    purpose: Literal["talks", "ceremony"] | None = None
    state: Literal["done", "planned"] | None = None


@pytest.fixture(autouse=True)
def user_types() -> Iterator[None]:
    with (temporary_claim_type(Sanction), temporary_claim_type(Endorse),
          temporary_claim_type(Oppose), temporary_claim_type(Visit)):
        yield


def record(doc_id: str, model: type[ClaimBase], *, date: str | None = "2025-03-27",
           url: str | None = None, language: str = "en", published: str = "2025-03-28",
           **fields: Any) -> DocumentClaims:
    """A one-claim record from its own outlet (``url``: another page of one outlet)."""
    text = f"Report {doc_id}: something happened. More follows."
    quote = f"Report {doc_id}: something happened"
    doc = Document(id=doc_id, text=text, language=language,
                   url=url or f"https://{doc_id}.example.org/news",
                   published=dt.date.fromisoformat(published))
    claim = model(doc_id=doc_id, evidence=[Span(start=0, end=len(quote), text=quote)],
                  date=DateRef(value=date, resolution="explicit") if date else None, **fields)
    return DocumentClaims(document=doc, claims=[claim])


def kinds(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# -------------------------------------------------------------- declarations


def test_defaults_are_inferred_from_the_model() -> None:
    t = claim_traits(Sanction)
    assert isinstance(t, ClaimTraits)
    assert t.grouping == "position" and t.object_field == "target"
    assert t.event_key == ("actor", "target", "date")
    assert t.field_kinds["target"] == "actors" and t.field_kinds["action"] == "enum"
    assert claim_traits(Endorse).stance_verbs == ("endorses", "endorsed")
    assert claim_traits(Visit).event_key == ("date", "city", "actor", "visited")


def test_builtin_declarations() -> None:
    types = claim_types()
    traits = {name: claim_traits(types[name]) for name in ("pledge", "refusal", "warning", "meeting")}
    assert [t.grouping for t in traits.values()] == ["position", "position", "position", "event"]
    assert (traits["pledge"].stance, traits["refusal"].stance) == ("for", "against")
    assert traits["warning"].object_field == "target"
    assert traits["warning"].object_fallback == ("consequence",)
    assert not Meeting.has_modality and Pledge.has_modality


def test_bad_declarations_fail_at_registration() -> None:
    class Broken(ClaimBase):
        event_key: ClassVar[tuple[str, ...]] = ("actor", "nowhere")
        type: Literal["broken_decl"] = "broken_decl"

    with pytest.raises(SchemaError, match="nowhere"):
        register_claim_type(Broken)
    assert "broken_decl" not in claim_types()


def test_a_model_with_bad_declarations_is_validated_alone_not_raised() -> None:
    class Unregistered(ClaimBase):
        place_field: ClassVar[str | None] = "nowhere"
        type: Literal["unregistered_decl"] = "unregistered_decl"
        what: str | None = None

    recs = [record(d, Unregistered, actor=[FR], what="troops") for d in ("a", "b")]
    report = validate(recs)
    assert len(report.groups) == 2 and kinds(report.findings, "corroboration") == []


def test_unregister_and_temporary_registration() -> None:
    class Passing(ClaimBase):
        type: Literal["passing_decl"] = "passing_decl"

    with temporary_claim_type(Passing):
        assert claim_types()["passing_decl"] is Passing
    assert "passing_decl" not in claim_types()
    assert unregister_claim_type("passing_decl") is None
    with pytest.raises(SchemaError, match="built-in"):
        unregister_claim_type("pledge")


def test_consistency_names_no_builtin_type_or_field() -> None:
    """No string literal in the package spells a built-in type, or a field only a built-in has."""
    types = claim_types()
    builtin_types = [name for name, model in types.items() if model.__module__ == "claimkit.schemas"]
    assert set(builtin_types) == {"pledge", "refusal", "warning", "meeting"}
    own_fields = {f for name in builtin_types for f in types[name].model_fields}
    own_fields -= set(ClaimBase.model_fields)
    own_fields -= set(typing.get_args(FieldKind))  # "quantity" is also the kind of value
    names = "|".join(sorted(map(re.escape, [*builtin_types, *own_fields])))
    literal = re.compile(rf"""(["'])({names})\1""")
    found = [
        f"{path.name}:{n}: {m.group(0)}"
        for path in sorted(CONSISTENCY.glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for m in literal.finditer(line)
    ]
    assert found == []


# ------------------------------------------------------ a "position" user type


def test_identical_sanctions_from_two_outlets_corroborate() -> None:
    recs = [record("a", Sanction, actor=[EU], target=[RU], action="impose"),
            record("b", Sanction, actor=[EU], target=[RU], action="impose", language="fr")]
    report = validate(recs)
    groups = [g for g in report.groups if g.type == "sanction"]
    assert len(groups) == 1 and groups[0].doc_ids == ["a", "b"] and groups[0].sources == 2
    assert groups[0].label == "sanction · European Union · against RU · 2025"
    corr = kinds(report.findings, "corroboration")
    assert len(corr) == 1 and corr[0].group == groups[0].id
    assert corr[0].details["independent"] == 2
    assert kinds(report.findings, "conflict") == []


def test_sanctions_on_other_targets_or_by_other_actors_stay_apart() -> None:
    recs = [record("a", Sanction, actor=[EU], target=[RU]),
            record("b", Sanction, actor=[EU], target=[UA]),
            record("c", Sanction, actor=[GB], target=[RU]),
            record("d", Sanction, actor=[EU], target=[RU], date="2026-03-27", published="2026-03-28"),
            record("e", Sanction, actor=[EU], target=[])]  # no object: alone
    groups = [g for g in group_events(recs) if g.type == "sanction"]
    assert sorted(len(g.claims) for g in groups) == [1, 1, 1, 1, 1]
    assert kinds(validate(recs).findings, "corroboration") == []


def test_differing_conflict_field_on_the_same_day_is_a_conflict() -> None:
    recs = [record("a", Sanction, actor=[EU], target=[RU], action="impose"),
            record("b", Sanction, actor=[EU], target=[RU], action="lift")]
    conflicts = kinds(validate(recs).findings, "conflict")
    assert len(conflicts) == 1 and conflicts[0].details["field"] == "action"
    assert conflicts[0].severity == Severity.warning
    assert "actions disagree: impose (a) vs lift (b)" in conflicts[0].message
    # a position changes over time: other days are not compared
    later = [record("a", Sanction, actor=[EU], target=[RU], action="impose"),
             record("b", Sanction, actor=[EU], target=[RU], action="lift", date="2025-06-01")]
    assert kinds(validate(later).findings, "conflict") == []


# -------------------------------------------------------- a pair of stance types


def test_endorse_and_oppose_the_same_day_contradict() -> None:
    recs = [record("a", Endorse, actor=[FR], what="ceasefire"),
            record("b", Oppose, actor=[FR], what="ceasefire")]
    found = kinds(validate(recs).findings, "contradiction")
    assert len(found) == 1 and found[0].severity == Severity.warning
    assert found[0].message.startswith("France both endorses and opposes ceasefire at the same time")


def test_endorse_then_oppose_months_apart_is_a_stance_change() -> None:
    recs = [record("a", Endorse, actor=[FR], what="peace_plan"),
            record("b", Oppose, actor=[FR], what="peace_plan", date="2025-09-04", published="2025-09-05")]
    found = kinds(validate(recs).findings, "stance_change")
    assert [f.message for f in found] == [
        "France endorsed peace_plan (2025-03-27) and later opposed it (2025-09-04)"
    ]


def test_stance_types_without_a_shared_object_or_actor_do_not_meet() -> None:
    cases = [
        [record("a", Endorse, actor=[FR], what="ceasefire"), record("b", Oppose, actor=[FR], what="peace_plan")],
        [record("a", Endorse, actor=[FR], what="ceasefire"), record("b", Oppose, actor=[GB], what="ceasefire")],
        [record("a", Endorse, actor=[FR], what="other"), record("b", Oppose, actor=[FR], what="other")],
        [record("a", Endorse, actor=[FR], what="ceasefire"),
         record("b", Oppose, actor=[FR], what="ceasefire", unless="Russia withdraws")],  # narrower
    ]
    for recs in cases:
        findings = validate(recs).findings
        assert kinds(findings, "contradiction") == kinds(findings, "stance_change") == []


# ---------------------------------------------------------- an "event" user type


def visit(doc_id: str, city: str | None, *, date: str | None = "2025-03-27",
          visited: tuple[Actor, ...] = (UA,), **fields: Any) -> DocumentClaims:
    return record(doc_id, Visit, actor=[FR], city=city, visited=list(visited), date=date, **fields)


def test_reports_of_one_visit_cluster_across_spellings_and_a_day_apart() -> None:
    recs = [visit("a", "Kyiv"), visit("b", "Kiev", language="de"),
            visit("c", "Київ", date="2025-03-28", language="uk")]
    report = validate(recs)
    groups = [g for g in report.groups if g.type == "visit"]
    assert len(groups) == 1 and len(groups[0].doc_ids) == 3
    assert groups[0].label == "visit · Kyiv · 2025-03-27 · France"
    conflicts = kinds(report.findings, "conflict")
    assert [(f.details["field"], f.severity) for f in conflicts] == [("date", Severity.info)]
    assert len(kinds(report.findings, "corroboration")) == 1


def test_visits_elsewhere_or_undated_or_of_another_type_stay_apart() -> None:
    text = "Report m: leaders met."
    meeting = DocumentClaims(
        document=Document(id="m", text=text, url="https://m.example.org/x", published=dt.date(2025, 3, 28)),
        claims=[Meeting(doc_id="m", actor=[FR], participants=[UA], location="Kyiv",
                        date=DateRef(value="2025-03-27", resolution="explicit"),
                        evidence=[Span(start=0, end=len(text), text=text)])])
    recs = [visit("a", "Kyiv"), visit("b", "Warsaw", visited=(GB,)), visit("c", "Kyiv", date=None, published="2025-06-01"),
            visit("d", "Kyiv", date="2025-04-20", published="2025-04-21"), meeting]
    groups = group_events(recs)
    assert sorted((g.type, len(g.claims)) for g in groups) == [("meeting", 1)] + [("visit", 1)] * 4


def test_one_visit_reported_in_two_cities_and_with_two_purposes() -> None:
    both = (UA, GB)
    recs = [visit("a", "Kyiv", visited=both, purpose="talks"),
            visit("b", "Lviv", visited=both, purpose="ceremony")]
    report = validate(recs)
    assert len([g for g in report.groups if g.type == "visit"]) == 1
    fields = {f.details["field"]: f for f in kinds(report.findings, "conflict")}
    assert set(fields) == {"city", "purpose"}
    assert "cities disagree: Kyiv (a) vs Lviv (b)" in fields["city"].message
    assert not kinds(validate([visit("a", "Kyiv", purpose="talks"),
                               visit("b", "Kyiv", purpose="talks")]).findings, "conflict")


def test_a_done_visit_dated_after_publication_is_future_past() -> None:
    late = visit("a", "Kyiv", date="2025-04-02", state="done")
    assert [f.message for f in kinds(validate([late]).findings, "future_past")] == [
        f"visit {late.claims[0].id} is reported as done on 2025-04-02, "
        "after the article's publication date 2025-03-28"
    ]
    assert kinds(validate([visit("a", "Kyiv", date="2025-04-02", state="planned")]).findings,
                 "future_past") == []


# ------------------------------------------------------------- checks registry


def test_a_registered_check_runs_by_default_with_the_context() -> None:
    seen: list[Any] = []

    def check_sanction_targets(*, context: Any) -> list[Finding]:
        seen.append(context)
        return [
            Finding(kind="sanction_target", severity=Severity.info, message=g.label, group=g.id)
            for g in context.groups if g.type == "sanction"
        ]

    assert tuple(registered_checks().values()) == DEFAULT_CHECKS
    register_check(check_sanction_targets)
    try:
        assert list(registered_checks())[-1] == "sanction_targets"
        with pytest.raises(ValueError, match="already registered"):
            register_check(lambda *, context: [], name="sanction_targets")
        report = validate([record("a", Sanction, actor=[EU], target=[RU])])
        assert [f.message for f in kinds(report.findings, "sanction_target")] == [
            "sanction · European Union · against RU · 2025"
        ]
        assert len(seen) == 1 and len(seen[0].infos) == 1
        # an explicit tuple runs only what it names
        assert kinds(validate([record("a", Sanction, actor=[EU], target=[RU])],
                              checks=DEFAULT_CHECKS).findings, "sanction_target") == []
    finally:
        assert unregister_check("sanction_targets") is check_sanction_targets
    assert tuple(registered_checks().values()) == DEFAULT_CHECKS


# --------------------------------------------------------- gazetteer argument


def test_gazetteer_and_places_are_arguments_not_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({
        "entries": [{"name": "Jeanne Exemple", "kind": "person", "affiliation": "FR"}],
        "places": {"Kyiv": ["Kyivopolis"]},
    }), encoding="utf-8")
    person = Actor(text="Jeanne Exemple", name="Jeanne Exemple", kind="person", resolved=True)
    recs = [record("a", Sanction, actor=[FR], target=[RU]), record("b", Sanction, actor=[person], target=[RU]),
            visit("c", "Kyiv", visited=()), visit("d", "Kyivopolis", visited=())]
    plain = group_events(recs, gazetteer=Gazetteer.load(), places=Places.load())
    assert sorted(len(g.claims) for g in plain) == [1, 1, 1, 1]
    # nothing may read CLAIMKIT_GAZETTEER when both are given: it names no file
    monkeypatch.setenv("CLAIMKIT_GAZETTEER", str(tmp_path / "missing.json"))
    gaz, places = Gazetteer.load(path), Places.load(path)
    assert sorted(len(g.claims) for g in group_events(recs, gazetteer=gaz, places=places)) == [2, 2]
    report = validate(recs, gazetteer=gaz, places=places)
    assert len(kinds(report.findings, "corroboration")) == 2
    assert len(build_context(recs, gazetteer=gaz, places=places).groups) == 2
