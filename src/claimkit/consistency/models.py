"""Data models of the validator: findings, event groups and the report.

Findings are data, never exceptions: a check returns a list of
:class:`Finding`; :func:`claimkit.consistency.validate` gathers them into a
:class:`ValidationReport`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum, auto
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from claimkit.schemas import Span

__all__ = [
    "EventGroup",
    "Finding",
    "FindingKind",
    "Severity",
    "ValidationReport",
    "construct",
]

_M = TypeVar("_M", bound=BaseModel)


class Severity(StrEnum):
    """How serious a finding is; ordered error > warning > info."""

    # auto(): the lower-case member names, so that no string literal in this
    # package spells a claim type name (a test checks; one type is named warning)
    error = auto()
    warning = auto()
    info = auto()

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return _RANK[self]


_RANK = {Severity.error: 2, Severity.warning: 1, Severity.info: 0}


class FindingKind(StrEnum):
    """The kinds of finding the built-in checks produce."""

    integrity = "integrity"
    conflict = "conflict"
    stance_change = "stance_change"
    contradiction = "contradiction"
    unanchored_date = "unanchored_date"
    future_past = "future_past"
    corroboration = "corroboration"
    #: a bound on the work per claim was reached (hostile or unusual input)
    limit = "limit"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


#: one set of field names per (model, names given), shared by the instances :func:`construct` makes
_FIELDS_SETS: dict[tuple[type[BaseModel], tuple[str, ...]], set[str]] = {}


def construct(model: type[_M], **values: Any) -> _M:
    """``model.model_construct(**values)`` (values built and valid already), the instances
    made with the same field names sharing one set of the fields set.

    pydantic gives every instance a set of its own: 728 bytes for a finding's 7 fields or
    an event group's 9, more than the rest of the instance. A validation of a million
    claims makes up to a million groups and findings (1,000,000 one-word claims: 0.7 GB of
    sets). Sharing is safe for the frozen models of this module: the set names every
    field given, and a copy (``model_copy``) copies it.
    """
    key = (model, tuple(values))
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(values)
    return model.model_construct(shared, **values)


class Finding(_Frozen):
    """One thing a check noticed about one or more claims."""

    kind: str = Field(
        description="integrity, conflict, stance_change, contradiction, unanchored_date, "
        "future_past, corroboration (or a user check's own kind)."
    )
    severity: Severity = Field(description="error, warning or info.")
    message: str = Field(description="One English line saying what was found.")
    group: str | None = Field(default=None, description="Id of the event group, if any.")
    claims: list[str] = Field(default_factory=list, description="Ids of the claims involved.")
    spans: list[tuple[str, Span]] = Field(
        default_factory=list, description="(document id, span) pairs of the evidence involved."
    )
    details: dict[str, Any] = Field(
        default_factory=dict, description="Machine-readable values behind the message."
    )


class EventGroup(_Frozen):
    """Claims from one or more documents that report the same event or position.

    Claims of "event" types (meetings) are grouped by date window, place and
    participants; those of "position" types (pledges, refusals, warnings) by
    claim type, actor, object and year: see ``ClaimBase.grouping``.
    """

    id: str = Field(description="Stable id derived from the grouping key.")
    type: str = Field(description="Claim type of the members.")
    label: str = Field(description="Human-readable key, e.g. 'meeting · London · 2025-03-02'.")
    claims: list[str] = Field(default_factory=list, description="Ids of member claims.")
    doc_ids: list[str] = Field(default_factory=list, description="Documents of the members.")
    sources: int = Field(default=0, description="Independent sources (distinct outlets).")
    languages: list[str] = Field(default_factory=list, description="Languages of the documents.")
    date_from: str | None = Field(default=None, description="Earliest member date (ISO).")
    date_to: str | None = Field(default=None, description="Latest member date (ISO).")


def fails_on(severities: Iterable[Severity], fail_on: str = "error") -> bool:
    """Whether findings of these severities fail a run with ``--fail-on fail_on``
    (``error``, ``warning`` or ``never``)."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(s.rank >= threshold for s in severities)


class ValidationReport(_Frozen):
    """Everything :func:`~claimkit.consistency.validate` found."""

    groups: list[EventGroup] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    n_claims: int = 0
    n_documents: int = 0

    def counts(self) -> dict[str, int]:
        """Number of findings per severity (all three keys present)."""
        c = Counter(f.severity.value for f in self.findings)
        return {s.value: c.get(s.value, 0) for s in Severity}

    def worst(self) -> Severity | None:
        """The most serious severity among the findings, or None when there are none."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    def failed(self, fail_on: str = "error") -> bool:
        """Whether the report should fail a run with ``--fail-on fail_on``.

        Args:
            fail_on: ``error``, ``warning`` or ``never``.
        """
        return fails_on((f.severity for f in self.findings), fail_on)

    def group_by_id(self) -> dict[str, EventGroup]:
        """The groups keyed by id."""
        return {g.id: g for g in self.groups}

    def findings_by_group(self) -> dict[str | None, list[Finding]]:
        """Findings keyed by group id (None for findings outside any group), worst first."""
        out: dict[str | None, list[Finding]] = {}
        for f in sorted(self.findings, key=lambda f: -f.severity.rank):
            out.setdefault(f.group, []).append(f)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        """The report as a JSON document (counts, groups, findings)."""
        data = self.model_dump(mode="json")
        data["counts"] = self.counts()
        return json.dumps(data, ensure_ascii=False, indent=indent)
