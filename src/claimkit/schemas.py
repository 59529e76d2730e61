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
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

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
    "DateGranularity",
    "DateRef",
    "DateResolution",
    "Document",
    "DocumentClaims",
    "Failure",
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
    "Usage",
    "WarningClaim",
    "claim_id",
    "claim_model",
    "claim_types",
    "parse_claim",
    "register_claim_type",
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


class Span(_Frozen):
    """A half-open character range of ``Document.text`` and the text it holds."""

    start: int = Field(ge=0, description="Offset of the first character in Document.text.")
    end: int = Field(ge=0, description="Offset one past the last character (half-open).")
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

    value: float | None = Field(default=None, description="The number, e.g. 26 or 90e9.")
    value_max: float | None = Field(
        default=None, description="Upper bound for a range ('10,000 to 30,000' -> 30000)."
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


class ClaimBase(_Frozen):
    """Fields every claim carries. Subclass it (with a ``type`` literal) for new types."""

    #: short definition of the type, shown to models and in the docs
    definition: ClassVar[str] = ""
    #: cue file of the offline rules backend (JSON; relative to the defining module's package, or absolute)
    cues: ClassVar[str | None] = None

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
            default, or the name is taken by another model.
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
    _REGISTRY[default] = model
    return model


def claim_types() -> dict[str, type[ClaimBase]]:
    """The registered claim models by type name (built-in ones first)."""
    return dict(_REGISTRY)


def claim_model(type_: str) -> type[ClaimBase]:
    """The model registered for ``type_``.

    Raises:
        SchemaError: no model is registered under that name.
    """
    model = _REGISTRY.get(type_)
    if model is None:
        # an installed plugin may bring it: loaded on the first unknown name
        from claimkit.plugins import load_entry_point_plugins

        load_entry_point_plugins()
        model = _REGISTRY.get(type_)
    if model is not None:
        return model
    known = ", ".join(sorted(_REGISTRY))
    raise SchemaError(
        f"unknown claim type {type_!r} (known: {known}); register it with "
        "claimkit.register_claim_type or load its plugin (--plugin MODULE)"
    )


def parse_claim(data: Any) -> ClaimBase:
    """Validate ``data`` (a dict or a claim) as the registered model its ``type`` names."""
    if isinstance(data, ClaimBase):
        return data
    if not isinstance(data, dict):
        raise SchemaError(f"a claim must be an object, not {type(data).__name__}")
    return claim_model(str(data.get("type"))).model_validate(data)


for _builtin in (Pledge, Refusal, WarningClaim, Meeting):
    register_claim_type(_builtin)


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
        default=None, description="Character offset of text[0] in the decoded source file."
    )
    title: str | None = Field(default=None, description="Headline, if found.")
    url: str | None = Field(default=None, description="Address of the article, if known.")
    published: dt.date | None = Field(default=None, description="Publication date, if found.")
    language: str | None = Field(
        default=None, description="ISO 639-1 language code detected or given ('en', 'zh')."
    )
    encoding: str | None = Field(default=None, description="Encoding the source was decoded from.")


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


class Failure(_Frozen):
    """One output record for a document (or file) that could not be processed."""

    record: Literal["failure"] = "failure"
    doc_id: str | None = Field(default=None, description="Document id, when one was assigned.")
    source: str | None = Field(default=None, description="File the document came from.")
    stage: Literal["load", "extract"] = "extract"
    kind: str = Field(description="Error kind, e.g. 'decode', 'transient', 'truncated'.")
    message: str = Field(description="One line saying what went wrong.")
    usage: Usage | None = None
