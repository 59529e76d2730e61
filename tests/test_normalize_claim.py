"""normalize_claim: actors of every Actor field resolved, dates anchored on the document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

import pytest
from pydantic import Field

from claimkit.normalize import normalize_actor, normalize_claim, resolve_actor
from claimkit.schemas import (
    Actor,
    ActorKind,
    ClaimBase,
    DateRef,
    DateResolution,
    Document,
    Meeting,
    Pledge,
    WarningClaim,
    register_claim_type,
)

DOC = Document(id="d1", text="...", published=dt.date(2026, 2, 25), language="zh")


class Sanction(ClaimBase):
    type: Literal["sanction_test_normalize"] = "sanction_test_normalize"
    target: list[Actor] = Field(default_factory=list)
    imposer: Actor | None = None


register_claim_type(Sanction)


def test_meeting_actors_and_date() -> None:
    claim = Meeting(
        doc_id="d1",
        actor=[Actor(text="英国首相斯塔默"), Actor(text="法国总统马克龙")],
        participants=[Actor(text="泽连斯基"), Actor(text="某某委员会")],
        hosts=[Actor(text="英国")],
        date=DateRef(raw="2月24日"),
    )
    out = normalize_claim(claim, DOC)
    assert isinstance(out, Meeting)
    assert [a.name for a in out.actor] == ["Keir Starmer", "Emmanuel Macron"]
    assert [a.text for a in out.actor] == ["英国首相斯塔默", "法国总统马克龙"]
    assert out.participants[0].name == "Volodymyr Zelensky"
    assert not out.participants[1].resolved and out.participants[1].name is None
    assert out.hosts[0].iso_code == "GB"
    assert out.date is not None
    assert (out.date.value, out.date.resolution) == ("2026-02-24", DateResolution.relative)
    assert out.date.raw == "2月24日"
    assert claim.actor[0].name is None  # the input is not modified


def test_pledge_recipient_and_warning_target() -> None:
    pledge = normalize_claim(Pledge(actor=[Actor(text="Britain")], recipient=Actor(text="Kyiv's army")))
    assert isinstance(pledge, Pledge)
    assert pledge.actor[0].name == "United Kingdom"
    assert pledge.recipient is not None and not pledge.recipient.resolved
    warning = normalize_claim(WarningClaim(actor=[Actor(text="Захарова")],
                                           target=[Actor(text="НАТО")]))
    assert isinstance(warning, WarningClaim)
    assert warning.actor[0].name == "Maria Zakharova"
    assert warning.target[0].name == "NATO"


def test_user_claim_type_fields_are_normalised() -> None:
    claim = Sanction(actor=[Actor(text="EU")], target=[Actor(text="Россия")],
                     imposer=Actor(text="Uni Eropa"))
    out = normalize_claim(claim)
    assert isinstance(out, Sanction)
    assert out.target[0].name == "Russia"
    assert out.imposer is not None and out.imposer.name == "European Union"


def test_relative_date_without_document_stays_unresolved() -> None:
    claim = Meeting(actor=[Actor(text="NATO")], date=DateRef(raw="on Wednesday"))
    out = normalize_claim(claim)
    assert out.date == DateRef(raw="on Wednesday")


def test_resolved_dates_and_model_dates_are_kept() -> None:
    given = DateRef(value="2025-03-27", raw="Thursday", resolution=DateResolution.model)
    out = normalize_claim(Meeting(date=given), DOC)
    assert out.date == given


def test_model_name_used_when_text_unknown_but_guess_kept() -> None:
    guessed = Actor(text="the British leader", name="Keir Starmer")
    out = normalize_actor(guessed)
    assert out.resolved and out.name == "Keir Starmer" and out.text == "the British leader"
    unknown = Actor(text="Mr Nobody", name="Nobody Atall", kind=ActorKind.person)
    assert normalize_actor(unknown) == unknown


def test_gold_canonical_names_never_resolve_to_another_name(gold_dir: Path) -> None:
    """Names in the gold files are canonical: resolving one gives itself or nothing."""
    files = sorted(gold_dir.glob("*.jsonl"))
    if not files:
        pytest.skip("no gold files")
    names: set[str] = set()
    for f in files:
        for line in f.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                names.update(rec.get("actor", []))
                attrs = rec.get("attributes", {})
                names.update(attrs.get("participants", []) + attrs.get("target", []))
    assert names
    for name in sorted(names):
        actor = resolve_actor(name)
        assert not actor.resolved or actor.name == name, (name, actor.name)
