"""Claim models, spans, actors, quantities, dates and documents.

Pydantic only: importing this module never imports openai or instructor.

Claims form a discriminated union on ``type``. The built-in types are
:class:`Pledge`, :class:`Refusal`, :class:`WarningClaim` and :class:`Meeting`.
Users add their own with :func:`register_claim_type`::

    class Sanction(ClaimBase):
        type: Literal["sanction"] = "sanction"
        target: list[Actor] = Field(default_factory=list, description="...")

    register_claim_type(Sanction)

A registered type is validated, serialised and exported to JSON Schema like
the built-in ones (see :func:`claim_types` and :data:`AnyClaim`).

Field descriptions are prompt text: the LLM backend shows them to the model.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from claimkit.errors import SchemaError

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Alignment",
    "AnyClaim",
    "ClaimBase",
    "ClaimTraits",
    "ConflictRule",
    "DateGranularity",
    "DateRef",
    "DateResolution",
    "Document",
    "DocumentClaims",
    "Failure",
    "FieldKind",
    "Grouping",
    "Meeting",
    "MeetingFormat",
    "MeetingStatus",
    "Modality",
    "Pledge",
    "PledgeWhat",
    "Quantity",
    "QuantityQualifier",
    "Refusal",
    "Span",
    "Stance",
    "Usage",
    "WarningClaim",
    "claim_id",
    "claim_model",
    "claim_traits",
    "claim_types",
    "parse_claim",
    "register_claim_type",
    "temporary_claim_type",
    "unregister_claim_type",
]

#: Version of the claim schemas; part of every output record and of cache keys.
SCHEMA_VERSION = "1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


# --------------------------------------------------------------------------- enums


class Alignment(StrEnum):
    """How a quote was matched to the document text."""

    exact = "exact"
    normalized = "normalized"
    fuzzy = "fuzzy"


class ActorKind(StrEnum):
    person = "person"
    country = "country"
    organisation = "organisation"
    group = "group"


class Modality(StrEnum):
    firm = "firm"
    conditional = "conditional"
    tentative = "tentative"


class QuantityQualifier(StrEnum):
    exact = "exact"
    at_least = "at_least"
    about = "about"
    up_to = "up_to"


class DateGranularity(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class DateResolution(StrEnum):
    """How a :class:`DateRef` got its value."""

    explicit = "explicit"  # the text names the date ("27 March 2025")
    relative = "relative"  # resolved against the publication date ("on Wednesday")
    publication = "publication"  # no date in the claim; the article's date was used
    model = "model"  # given by an LLM and not re-derived from the text
    unresolved = "unresolved"  # raw text kept, no anchor to resolve it against


class PledgeWhat(StrEnum):
    troops = "troops"
    money = "money"
    weapons = "weapons"
    training = "training"
    intelligence = "intelligence"
    air_support = "air_support"
    sanctions = "sanctions"
    guarantee = "guarantee"
    hosting = "hosting"
    other = "other"


class MeetingFormat(StrEnum):
    in_person = "in_person"
    virtual = "virtual"
    phone = "phone"
    hybrid = "hybrid"


class MeetingStatus(StrEnum):
    held = "held"
    scheduled = "scheduled"
    proposed = "proposed"


# --------------------------------------------------------------------- value types


#: the largest offset a record may hold: a signed 64-bit integer (what SQLite and
#: PostgreSQL store; a claims file with a span at 10**400 is a bad line, not a crash)
MAX_OFFSET = 2**63 - 1


class Span(_Frozen):
    """A half-open character range of ``Document.text`` and the text it holds."""

    start: int = Field(ge=0, le=MAX_OFFSET, description="Offset of the first character in Document.text.")
    end: int = Field(ge=0, le=MAX_OFFSET, description="Offset one past the last character (half-open).")
    text: str = Field(description="Exactly Document.text[start:end].")
    alignment: Alignment = Field(
        default=Alignment.exact,
        description="How the quote was matched: exact, normalized or fuzzy.",
    )

    @model_validator(mode="after")
    def _check_length(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but covers {self.end - self.start}"
            )
        return self


class Actor(_Frozen):
    """Who does something: a person, a country, an organisation or a named group."""

    text: str = Field(description="The actor as the article writes it, in its language.")
    name: str | None = Field(
        default=None,
        description=(
            "Canonical English name: people by their usual full name ('Keir Starmer'), "
            "countries by their common short name ('United Kingdom'), organisations by "
            "their English name ('NATO'). Null when unknown."
        ),
    )
    kind: ActorKind | None = Field(
        default=None, description="person, country, organisation or group."
    )
    iso_code: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code for a country, e.g. 'GB'."
    )
    resolved: bool = Field(
        default=False,
        description="True when the canonical name was confirmed against a gazetteer.",
    )

    @property
    def label(self) -> str:
        """The canonical name when known, else the text as written."""
        return self.name or self.text


class Quantity(_Frozen):
    """A number stated in the text, with its unit and how exact it is."""

    # a finite number or none: NaN and infinity are no number a text states, JSON has no
    # way to write them (pydantic wrote NaN as null, so an export lost it), and no
    # comparison holds for NaN: refused here, with the field named
    value: float | None = Field(default=None, description="The number, e.g. 26 or 90e9.",
                                allow_inf_nan=False)
    value_max: float | None = Field(
        default=None, description="Upper bound for a range ('10,000 to 30,000' -> 30000).",
        allow_inf_nan=False,
    )
    unit: str | None = Field(
        default=None,
        description="Unit: 'countries', 'troops', a currency code such as 'EUR' or 'USD'.",
    )
    qualifier: QuantityQualifier = Field(
        default=QuantityQualifier.exact,
        description="exact, at_least ('at least 26'), about ('some 30'), up_to ('up to 5').",
    )
    raw: str | None = Field(default=None, description="The words of the text, verbatim.")


class DateRef(_Frozen):
    """When a claim's event happens or happened."""

    value: str | None = Field(
        default=None,
        description="ISO 8601 date: '2025-03-27', or '2025-03' / '2025' when only that is known.",
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
    )
    granularity: DateGranularity | None = Field(default=None, description="day, month or year.")
    raw: str | None = Field(default=None, description="The date words of the text, verbatim.")
    resolution: DateResolution = Field(
        default=DateResolution.unresolved,
        description="How the value was found: explicit, relative, publication, model, unresolved.",
    )

    @model_validator(mode="after")
    def _granularity_matches(self) -> DateRef:
        if self.value is not None:
            expected = {4: "year", 7: "month", 10: "day"}[len(self.value)]
            if self.granularity is None:
                object.__setattr__(self, "granularity", DateGranularity(expected))
            elif self.granularity.value != expected:
                raise ValueError(f"date {self.value!r} does not have {self.granularity} granularity")
        return self


# -------------------------------------------------------------------------- claims


def claim_id(doc_id: str, type_: str, spans: list[Span] | tuple[Span, ...]) -> str:
    """Stable claim id derived from the document id, the type and the spans."""
    key = "|".join([doc_id, type_, *(f"{s.start}-{s.end}" for s in spans)])
    return f"{type_[:3]}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


Grouping = Literal["position", "event", "none"]
Stance = Literal["for", "against"]


@dataclass(frozen=True)
class ConflictRule:
    """How the validator compares and reports one of a claim type's ``conflict_fields``.

    Attributes:
        label: plural noun for messages ("places" -> "places disagree: Paris (a)
            vs London (b)"); None: the field name, underscores as spaces, in the plural.
        severity: of a conflict on this field (``date``: of dates more than a day apart).
        classes: for an enum or text field, the comparison class of each value
            (``{"in_person": "in_person", "virtual": "remote", "phone": "remote"}``):
            values of one class agree, and values not listed (``hybrid``) agree
            with every value. None: every distinct value is its own class.
    """

    label: str | None = None
    severity: Literal["warning", "info"] = "warning"
    classes: Mapping[str, str] | None = None


class ClaimBase(_Frozen):
    """Fields every claim carries. Subclass it (with a ``type`` literal) for new types.

    Class variables (not fields: they are in neither the JSON Schema nor the
    prompt) declare how the cross-document validator (:mod:`claimkit.consistency`)
    treats the type; it reads nothing else about a type, and
    :func:`claim_traits` resolves the defaults. A subclass must not use these
    names as field names. See ``docs/validation.md`` ("Your own claim types").

    - ``definition`` (``""``): short definition of the type, shown to models and in the docs.
    - ``cues`` (None): the type's cue file for the offline rules backend (JSON, a path
      relative to the defining module's package, or absolute); see
      ``docs/offline-extractor.md``.
    - ``grouping`` (``"position"``): how claims of the type are grouped.
      ``"position"``: blocked on actor, object and year (a commitment or stance
      that many articles repeat); ``"event"``: clustered by date window, place
      and participants (a dated occurrence such as a meeting); ``"none"``:
      every claim stays alone.
    - ``object_field`` (None: infer): the field saying what the claim is about
      (a pledge's ``what``, a sanction's ``target``). None infers the first field
      the subclass declares beyond ClaimBase's; a type with none has no object.
      Keyed by kind: an enum by value (a catch-all member ``other`` counts as
      empty), a free phrase by its category word ("NATO troops" -> ``troops``),
      actors by their sorted actor keys.
    - ``object_fallback`` (``()``): fields tried in order when the object field
      is empty (None, empty, or ``other``): a warning's ``consequence`` when it
      names no ``target``. ``summary`` is keyed on its content words.
    - ``event_key`` (``()``: derive): the fields whose values identify the same
      event or position. Derived: ``("actor", object_field, "date")`` for
      ``"position"`` (``()``, so no grouping, without an object field) and
      ``("date", place_field, "actor", *participant_fields)`` for ``"event"``.
      In ``"position"`` grouping, ``actor`` puts a claim in one group per actor,
      ``date`` splits groups by year, the object field stands for the object
      key (fallbacks included), and any other field must have the same key; a
      claim lacking one of these values stays alone. ``"event"`` grouping
      always reads date, place and participants; other fields must match.
    - ``place_field`` (None), ``participant_fields`` (``()``): for ``"event"``
      grouping, the field naming the place (compared by canonical place name)
      and the actor fields whose actors take part besides ``actor``.
    - ``conflict_fields`` (``()``): fields whose values must agree inside a
      group of two or more documents. Quantities compare as intervals ("at
      least 26" agrees with 27), actor fields by actor key (a conflict when the
      claims share no one), ``date`` by day (one day apart is info), the place
      field by canonical name, anything else by value. A ``"position"`` group
      spans a year, so there only claims dated the same day are compared.
    - ``conflict_rules`` (empty): :class:`ConflictRule` per conflict field
      (message label, severity, value classes).
    - ``stance`` (None): ``"for"`` or ``"against"`` the object. A ``"for"`` and
      an ``"against"`` claim of one actor and object (of any two such types) at
      the same time are a contradiction; dated apart, a change of position.
      Only objects keyed by category or enum value are compared.
    - ``stance_verbs`` (None: from the type name, "endorse" -> ``("endorses",
      "endorsed")``): present and past verb for messages.
    - ``narrowing_fields`` (``()``): fields that, filled in an ``"against"``
      claim, make it narrower than its object (a refusal's ``condition``):
      it is not compared. A free-phrase object with words beyond its category
      and the names involved is narrower too.
    - ``status_field`` (None), ``past_statuses`` (empty): the field saying
      whether the event took place and the values saying it did; such a claim
      dated after its article's publication is a ``future_past`` finding.
    - ``has_modality`` (True): whether ``modality`` applies to the type (not
      to meetings); evaluation scores it only for such types.
    """

    definition: ClassVar[str] = ""
    #: cue file of the offline rules backend (JSON; relative to the defining module's package, or absolute)
    cues: ClassVar[str | None] = None
    grouping: ClassVar[Grouping] = "position"
    object_field: ClassVar[str | None] = None
    object_fallback: ClassVar[tuple[str, ...]] = ()
    event_key: ClassVar[tuple[str, ...]] = ()
    place_field: ClassVar[str | None] = None
    participant_fields: ClassVar[tuple[str, ...]] = ()
    conflict_fields: ClassVar[tuple[str, ...]] = ()
    conflict_rules: ClassVar[Mapping[str, ConflictRule]] = MappingProxyType({})
    stance: ClassVar[Stance | None] = None
    stance_verbs: ClassVar[tuple[str, str] | None] = None
    narrowing_fields: ClassVar[tuple[str, ...]] = ()
    status_field: ClassVar[str | None] = None
    past_statuses: ClassVar[frozenset[str]] = frozenset()
    has_modality: ClassVar[bool] = True

    id: str = Field(
        default="", description="Stable id derived from document id, type and evidence spans."
    )
    doc_id: str = Field(default="", description="Id of the document the claim comes from.")
    type: str = Field(description="Claim type.")
    actor: list[Actor] = Field(
        default_factory=list,
        description="Who makes the claim: who pledges, refuses, warns; for a meeting its hosts "
        "or chairs if named, else the participants named.",
    )
    evidence: list[Span] = Field(
        default_factory=list,
        description="Where the article states the claim: the shortest clauses, verbatim.",
    )
    ungrounded: list[str] = Field(
        default_factory=list,
        description="Quotes given as evidence that could not be found in the article text.",
    )
    date: DateRef | None = Field(
        default=None, description="When the claim's event happens or happened."
    )
    modality: Modality | None = Field(
        default=None,
        description="firm (stated as decided), conditional (tied to a condition: 'unless', "
        "'after a ceasefire', 'until'), tentative (hedged: 'may', 'does not rule out'). "
        "Null for meetings.",
    )
    attributed_to: str | None = Field(
        default=None,
        description="Who the article says reported the claim (a newspaper, 'sources'), if any.",
    )
    summary: str | None = Field(
        default=None, description="One English sentence stating the claim."
    )

    @model_validator(mode="after")
    def _fill_id(self) -> ClaimBase:
        if not self.id and self.doc_id:
            object.__setattr__(self, "id", claim_id(self.doc_id, self.type, self.evidence))
        return self


class Pledge(ClaimBase):
    definition: ClassVar[str] = (
        "An actor commits to provide or do something: troops, money, weapons, training, "
        "intelligence, air support, sanctions, hosting, a guarantee. Includes 'agreed to', "
        "'committed', 'will send', 'offered', 'signed up to'."
    )
    object_field: ClassVar[str | None] = "what"
    # "other" pledges only group when their summaries say the same words
    object_fallback: ClassVar[tuple[str, ...]] = ("summary",)
    event_key: ClassVar[tuple[str, ...]] = ("actor", "what", "date")
    # pledged amounts compare only on the same day: the coalition grows month by month
    conflict_fields: ClassVar[tuple[str, ...]] = ("quantity",)
    conflict_rules: ClassVar[Mapping[str, ConflictRule]] = MappingProxyType(
        {"quantity": ConflictRule(label="amounts")}
    )
    stance: ClassVar[Stance | None] = "for"
    stance_verbs: ClassVar[tuple[str, str] | None] = ("pledges", "pledged")
    type: Literal["pledge"] = "pledge"
    recipient: Actor | None = Field(default=None, description="Who receives what is pledged.")
    what: PledgeWhat | None = Field(
        default=None,
        description="troops, money, weapons, training, intelligence, air_support, sanctions, "
        "guarantee, hosting or other.",
    )
    quantity: Quantity | None = Field(
        default=None, description="How much is pledged ('26 countries', '€90bn')."
    )
    condition: str | None = Field(
        default=None, description="The condition attached, as a short English phrase."
    )


class Refusal(ClaimBase):
    definition: ClassVar[str] = (
        "An actor refuses, rejects, rules out, blocks, or says it will not or cannot do or "
        "accept something."
    )
    object_field: ClassVar[str | None] = "what"
    event_key: ClassVar[tuple[str, ...]] = ("actor", "what", "date")
    stance: ClassVar[Stance | None] = "against"
    stance_verbs: ClassVar[tuple[str, str] | None] = ("refuses", "refused")
    narrowing_fields: ClassVar[tuple[str, ...]] = ("condition",)
    type: Literal["refusal"] = "refusal"
    what: str | None = Field(
        default=None, description="What is refused, as a short English phrase."
    )
    condition: str | None = Field(
        default=None, description="The condition attached, as a short English phrase."
    )


class WarningClaim(ClaimBase):
    definition: ClassVar[str] = (
        "An actor warns or threatens that something will happen, or sets a condition under "
        "threat ('unless', 'until')."
    )
    # whom the warning is aimed at; what it threatens when it names no one
    object_field: ClassVar[str | None] = "target"
    object_fallback: ClassVar[tuple[str, ...]] = ("consequence",)
    # the consequence is compared as a set (an unnamed one agrees with any): new
    # sanctions and "something will happen" are two warnings to the same target
    event_key: ClassVar[tuple[str, ...]] = ("actor", "target", "consequence", "date")
    type: Literal["warning"] = "warning"
    target: list[Actor] = Field(default_factory=list, description="Who is warned or threatened.")
    consequence: str | None = Field(
        default=None, description="What the actor says will happen, short English phrase."
    )
    condition: str | None = Field(
        default=None, description="The condition attached, as a short English phrase."
    )


class Meeting(ClaimBase):
    definition: ClassVar[str] = (
        "An actor met, held, hosted, chaired or attended a summit, meeting, conference, call "
        "or talks with others, past or scheduled."
    )
    grouping: ClassVar[Grouping] = "event"
    object_field: ClassVar[str | None] = "topic"
    event_key: ClassVar[tuple[str, ...]] = ("date", "location", "actor", "participants", "hosts")
    place_field: ClassVar[str | None] = "location"
    participant_fields: ClassVar[tuple[str, ...]] = ("participants", "hosts")
    conflict_fields: ClassVar[tuple[str, ...]] = (
        "participant_count", "date", "location", "hosts", "format",
    )
    conflict_rules: ClassVar[Mapping[str, ConflictRule]] = MappingProxyType(
        {
            "location": ConflictRule(label="places"),
            # hybrid agrees with both; virtual and phone are both remote
            "format": ConflictRule(
                severity="info",
                classes={"in_person": "in_person", "virtual": "remote", "phone": "remote"},
            ),
        }
    )
    status_field: ClassVar[str | None] = "status"
    past_statuses: ClassVar[frozenset[str]] = frozenset({"held"})
    has_modality: ClassVar[bool] = False
    type: Literal["meeting"] = "meeting"
    participants: list[Actor] = Field(
        default_factory=list, description="Who took part, as named in the article."
    )
    participant_count: Quantity | None = Field(
        default=None, description="How many took part, as stated ('27 countries', 'at least 26')."
    )
    hosts: list[Actor] = Field(
        default_factory=list, description="Who hosted or chaired the meeting, if named."
    )
    location: str | None = Field(default=None, description="City where it took place, in English.")
    format: MeetingFormat | None = Field(
        default=None, description="in_person, virtual, phone or hybrid."
    )
    topic: str | None = Field(default=None, description="What it was about, short English phrase.")
    status: MeetingStatus | None = Field(
        default=None, description="held, scheduled or proposed."
    )


# ------------------------------------------------------------------------ registry

_REGISTRY: dict[str, type[ClaimBase]] = {}


def register_claim_type(model: type[ClaimBase]) -> type[ClaimBase]:
    """Register a claim model so that it is parsed, extracted and exported.

    Usable as a class decorator. The model must subclass :class:`ClaimBase` and
    give ``type`` a ``Literal`` default naming the type.

    Raises:
        SchemaError: the model is not a ClaimBase subclass, has no ``type``
            default, the name is taken by another model, or a class variable
            of :class:`ClaimBase` is declared wrongly (see :func:`claim_traits`).
    """
    if not (isinstance(model, type) and issubclass(model, ClaimBase)):
        raise SchemaError(f"{model!r} is not a subclass of ClaimBase")
    default = model.model_fields["type"].default
    if not isinstance(default, str) or not default:
        raise SchemaError(
            f"{model.__name__} must declare `type: Literal['name'] = 'name'` to be registered"
        )
    existing = _REGISTRY.get(default)
    if existing is not None and existing is not model:
        raise SchemaError(f"claim type {default!r} is already registered by {existing.__name__}")
    claim_traits(model)  # a bad declaration fails here, not in the validator
    _REGISTRY[default] = model
    return model


def unregister_claim_type(type_or_model: str | type[ClaimBase]) -> type[ClaimBase] | None:
    """Remove a user claim type from the registry; the model removed, or None if none was.

    For plugins that come and go and for test isolation (see also
    :func:`temporary_claim_type`).

    Raises:
        SchemaError: the type is a built-in one.
    """
    name = type_or_model if isinstance(type_or_model, str) else _type_name(type_or_model)
    if name in _BUILTIN_TYPES:
        raise SchemaError(f"the built-in claim type {name!r} cannot be unregistered")
    model = _REGISTRY.get(name)
    if model is None or (not isinstance(type_or_model, str) and model is not type_or_model):
        return None
    return _REGISTRY.pop(name)


@contextmanager
def temporary_claim_type(model: type[ClaimBase]) -> Iterator[type[ClaimBase]]:
    """Register ``model`` for the duration of a ``with`` block, then unregister it.

    A model that was already registered before the block stays registered.
    """
    registered_before = _REGISTRY.get(_type_name(model)) is model
    register_claim_type(model)
    try:
        yield model
    finally:
        if not registered_before:
            unregister_claim_type(model)


def _type_name(model: type[ClaimBase]) -> str:
    default = model.model_fields["type"].default if "type" in model.model_fields else None
    return default if isinstance(default, str) else ""


def claim_types() -> dict[str, type[ClaimBase]]:
    """The registered claim models by type name (built-in ones first)."""
    return dict(_REGISTRY)


def claim_model(type_: str) -> type[ClaimBase]:
    """The model registered for ``type_``.

    Raises:
        SchemaError: no model is registered under that name.
    """
    model = _REGISTRY.get(type_)
    if model is not None:
        return model
    # an installed plugin may bring it: loaded on the first unknown name
    from claimkit.plugins import failed_plugins_note, load_entry_point_plugins

    load_entry_point_plugins()
    model = _REGISTRY.get(type_)
    if model is not None:
        return model
    known = ", ".join(sorted(_REGISTRY))
    raise SchemaError(
        f"unknown claim type {type_!r} (known: {known}); register it with "
        f"claimkit.register_claim_type or load its plugin (--plugin MODULE){failed_plugins_note()}"
    )


def parse_claim(data: Any) -> ClaimBase:
    """Validate ``data`` (a dict or a claim) as the registered model its ``type`` names."""
    if isinstance(data, ClaimBase):
        return data
    if not isinstance(data, dict):
        raise SchemaError(f"a claim must be an object, not {type(data).__name__}")
    return claim_model(str(data.get("type"))).model_validate(data)


# ------------------------------------------------------------------ claim traits

FieldKind = Literal["actors", "quantity", "date", "enum", "text", "other"]


@dataclass(frozen=True)
class ClaimTraits:
    """A claim type's class variables with their defaults resolved (see :class:`ClaimBase`).

    Made by :func:`claim_traits`; the validator reads a type only through this.
    """

    type: str
    grouping: Grouping
    object_field: str | None
    object_fallback: tuple[str, ...]
    event_key: tuple[str, ...]
    place_field: str | None
    participant_fields: tuple[str, ...]
    conflict_fields: tuple[str, ...]
    conflict_rules: Mapping[str, ConflictRule]
    stance: Stance | None
    stance_verbs: tuple[str, str]
    narrowing_fields: tuple[str, ...]
    status_field: str | None
    past_statuses: frozenset[str]
    has_modality: bool
    #: every field's kind: actors (an Actor or a list of them), quantity, date
    #: (a DateRef), enum (an Enum or Literal), text (a string) or other
    field_kinds: Mapping[str, FieldKind] = field(default_factory=dict)

    def fields_of_kind(self, kind: FieldKind) -> tuple[str, ...]:
        """The names of the fields of one kind, in declaration order."""
        return tuple(name for name, k in self.field_kinds.items() if k == kind)


def claim_traits(model: type[ClaimBase]) -> ClaimTraits:
    """The cross-document declarations of a claim model, defaults resolved.

    ``object_field`` None becomes the first field the model declares beyond
    :class:`ClaimBase`'s; ``event_key`` ``()`` is derived (see :class:`ClaimBase`);
    ``stance_verbs`` None is made from the type name.

    Raises:
        SchemaError: a declaration names a field the model does not have, a
            ``participant_fields`` entry does not hold actors, or ``grouping``
            or ``stance`` is not one of their values.
    """
    kinds = {name: _field_kind(info.annotation) for name, info in model.model_fields.items()}
    obj = model.object_field
    if obj is None:
        obj = next((name for name in kinds if name not in ClaimBase.model_fields), None)
    type_ = _type_name(model)
    traits = ClaimTraits(
        type=type_,
        grouping=model.grouping,
        object_field=obj,
        object_fallback=tuple(model.object_fallback),
        event_key=tuple(model.event_key) or _derived_event_key(model, obj),
        place_field=model.place_field,
        participant_fields=tuple(model.participant_fields),
        conflict_fields=tuple(model.conflict_fields),
        conflict_rules=MappingProxyType(dict(model.conflict_rules)),
        stance=model.stance,
        stance_verbs=model.stance_verbs or _verbs(type_ or model.__name__.lower()),
        narrowing_fields=tuple(model.narrowing_fields),
        status_field=model.status_field,
        past_statuses=frozenset(model.past_statuses),
        has_modality=model.has_modality,
        field_kinds=MappingProxyType(kinds),
    )
    _check_traits(model, traits)
    return traits


def _derived_event_key(model: type[ClaimBase], obj: str | None) -> tuple[str, ...]:
    if model.grouping == "event":
        place = (model.place_field,) if model.place_field else ()
        return ("date", *place, "actor", *model.participant_fields)
    return ("actor", obj, "date") if obj else ()


def _verbs(name: str) -> tuple[str, str]:
    present = name + ("es" if name.endswith(("s", "sh", "ch", "x")) else "s")
    return present, name + ("d" if name.endswith("e") else "ed")


def _check_traits(model: type[ClaimBase], t: ClaimTraits) -> None:
    where = f"{model.__name__}:"
    if t.grouping not in ("position", "event", "none"):
        raise SchemaError(
            f"{where} grouping must be 'position', 'event' or 'none', not {t.grouping!r}"
        )
    if t.stance not in (None, "for", "against"):
        raise SchemaError(f"{where} stance must be None, 'for' or 'against', not {t.stance!r}")
    named = {
        "object_field": (t.object_field,) if t.object_field else (),
        "object_fallback": t.object_fallback,
        "event_key": t.event_key,
        "place_field": (t.place_field,) if t.place_field else (),
        "participant_fields": t.participant_fields,
        "conflict_fields": t.conflict_fields,
        "conflict_rules": tuple(t.conflict_rules),
        "narrowing_fields": t.narrowing_fields,
        "status_field": (t.status_field,) if t.status_field else (),
    }
    for var, names in named.items():
        unknown = [n for n in names if n not in t.field_kinds]
        if unknown:
            raise SchemaError(f"{where} {var} names no field of the model: {', '.join(unknown)}")
    not_actors = [n for n in t.participant_fields if t.field_kinds[n] != "actors"]
    if not_actors:
        raise SchemaError(f"{where} participant_fields must hold actors: {', '.join(not_actors)}")


def _field_kind(annotation: Any) -> FieldKind:
    leaves = _leaf_types(annotation)
    for kind, cls in (("actors", Actor), ("quantity", Quantity), ("date", DateRef)):
        if cls in leaves:
            return kind  # type: ignore[return-value]
    if Literal in leaves or any(isinstance(t, type) and issubclass(t, Enum) for t in leaves):
        return "enum"
    return "text" if str in leaves else "other"


def _leaf_types(annotation: Any) -> set[Any]:
    """The types an annotation is made of: ``list[Actor] | None`` -> {Actor, NoneType}."""
    origin = get_origin(annotation)
    if origin is Literal:
        return {Literal}
    if origin is None:
        return {annotation}
    args = get_args(annotation)
    if origin is Annotated:
        args = args[:1]
    out: set[Any] = set()
    for arg in args:
        out |= _leaf_types(arg)
    return out


for _builtin in (Pledge, Refusal, WarningClaim, Meeting):
    register_claim_type(_builtin)
_BUILTIN_TYPES = frozenset(_REGISTRY)


class _AnyClaimAnnotation:
    """Pydantic hook: any registered claim, dispatched on ``type`` at run time.

    A static ``Union`` cannot grow when users register types after import, so
    validation, serialisation and JSON Schema consult the registry each time.
    """

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def _serialize(value: ClaimBase, info: core_schema.SerializationInfo) -> Any:
            return value.model_dump(
                mode="json" if info.mode_is_json() else "python",
                exclude_none=bool(info.exclude_none),
            )

        return core_schema.no_info_plain_validator_function(
            parse_claim,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize, info_arg=True
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        union = core_schema.tagged_union_schema(
            {name: model.__pydantic_core_schema__ for name, model in _REGISTRY.items()},
            discriminator="type",
        )
        return handler(union)


#: Annotation for a field holding any registered claim type.
AnyClaim = Annotated[ClaimBase, _AnyClaimAnnotation]


# ----------------------------------------------------------------------- documents


class Document(_Frozen):
    """One article: its text and where it came from.

    ``text`` holds characters exactly as they are in the source (cleaning may
    cut regions out or split a page, never rewrite what it keeps);
    ``source_offset`` says where ``text`` starts in the decoded source.
    """

    id: str = Field(description="Unique id; file stem, plus '#N' for the Nth article of a page.")
    text: str = Field(description="The article text that spans index into.")
    source: str | None = Field(default=None, description="File path, URL or '-' for stdin.")
    source_offset: int | None = Field(
        default=None, ge=0, le=MAX_OFFSET,
        description="Character offset of text[0] in the decoded source file.",
    )
    title: str | None = Field(default=None, description="Headline, if found.")
    url: str | None = Field(default=None, description="Address of the article, if known.")
    published: dt.date | None = Field(default=None, description="Publication date, if found.")
    language: str | None = Field(
        default=None, description="ISO 639-1 language code detected or given ('en', 'zh')."
    )
    encoding: str | None = Field(default=None, description="Encoding the source was decoded from.")
    encoding_confidence: float | None = Field(
        default=None,
        description="How sure the decoding is, 0-1: 1.0 for a byte-order mark or valid UTF-8, "
        "less for UTF-8 with replaced bytes or a detected legacy encoding.",
    )
    notes: list[str] = Field(
        default_factory=list,
        description="Warnings about the input kept with the document (bytes replaced while "
        "decoding, a file name shown with escapes, lone surrogates replaced).",
    )


class Usage(_Frozen):
    """Tokens and requests spent on one document (re-asks and retries included)."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        cost = None
        if self.cost_usd is not None or other.cost_usd is not None:
            cost = (self.cost_usd or 0.0) + (other.cost_usd or 0.0)
        return Usage(
            requests=self.requests + other.requests,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cost_usd=cost,
        )


class DocumentClaims(_Frozen):
    """One output record: a document and the claims extracted from it."""

    record: Literal["document"] = "document"
    document: Document
    claims: list[AnyClaim] = Field(default_factory=list)
    backend: str | None = Field(default=None, description="Backend that produced the claims.")
    model: str | None = Field(default=None, description="Model name, for LLM backends.")
    version: str | None = Field(
        default=None, description="Prompt/schema version string of the extraction."
    )
    usage: Usage | None = None
    warnings: list[str] = Field(
        default_factory=list,
        description=(
            "What the backend dropped and why: an LLM reply's invalid value "
            "('claim 2 (pledge): date.value dropped: ...') or a claim that could not "
            "stand ('claim 3 (meeting) dropped: no quote ...'); the rest was kept."
        ),
    )


class Failure(_Frozen):
    """One output record for a document (or file) that could not be processed."""

    record: Literal["failure"] = "failure"
    doc_id: str | None = Field(default=None, description="Document id, when one was assigned.")
    source: str | None = Field(default=None, description="File the document came from.")
    stage: Literal["load", "extract"] = "extract"
    kind: str = Field(description="Error kind, e.g. 'decode', 'transient', 'truncated'.")
    message: str = Field(description="One line saying what went wrong.")
    usage: Usage | None = None
