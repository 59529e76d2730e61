"""What the rules backend does with each claim type, from cue data and the type's model.

A :class:`TypeSpec` per registered claim type with cues says what a negated
cue means, whether the type has a modality, how each field is filled (a
:class:`~claimkit.extract.rules.roles.FieldRule`) and when repeated mentions
merge. Everything comes from the ``types`` declarations of the cue data;
fields a type does not declare get a role derived from their annotation:

* one ``list[Actor]`` field: ``actors_after`` (who is targeted, warned, ...);
* one ``Actor`` field: ``actor_after``; one ``Quantity`` field: ``quantity``;
* a Literal / Enum / str field with a keyword map in the cue data: ``keywords``;
* anything else (free English text) is left empty.

Declarations are checked against the model: a role must suit the field's
type and keyword values must be values the field accepts.
"""

from __future__ import annotations

import enum
import logging
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from claimkit.errors import InputError
from claimkit.extract.rules.cues import MODIFIERS, CueBook
from claimkit.extract.rules.roles import (
    ACTOR_SOURCE_NAMES,
    ACTOR_SOURCES,
    DEFAULT_KEYWORD_SCOPE,
    ROLE_OPTIONS,
    ROLE_SHAPES,
    SCOPES,
    FieldRule,
)
from claimkit.extract.rules.support import MergeRule
from claimkit.schemas import Actor, ActorKind, ClaimBase, DateRef, Quantity

__all__ = ["Precedence", "Shape", "TypeSpec", "build_precedence", "build_specs", "field_shape"]

log = logging.getLogger("claimkit.extract.rules")

_TYPE_KEYS = frozenset(
    {"negated_as", "modality", "hedges", "actor_from", "fields", "merge", "compose", "speaker",
     "verbal", "conditioned", "complement", "void_objects", "void_clauses", "dated_ahead", "undated_ahead"}
)
_WHEN = frozenset(
    {"always", "hedged", "not_hedged", "after", "object", "hosting", "agreed", "recurring", "threat"}
)
#: fields every claim has; the backend fills actor, date and modality itself
_BASE_FIELDS = frozenset(ClaimBase.model_fields)


@dataclass(frozen=True)
class Shape:
    """What a field holds: ``actors``, ``actor``, ``quantity``, ``date``, ``choice``, ``text``, ``other``."""

    kind: str
    choices: tuple[str, ...] | None = None


@dataclass(frozen=True)
class TypeSpec:
    """How the rules backend handles one claim type.

    Attributes:
        name: the claim type.
        fields: how each field is filled, in order (a rule may read fields filled before it).
        merge: when repeated mentions join (see :func:`.support.merge_candidates`).
        negated_as: a negated cue of this type states a claim of that type.
        negated_drops: a negated cue states no claim.
        modality: the type has a modality (meetings have none).
        hedges: hedge words make it tentative (warnings: no).
        actor_from: where the claim's actor is looked for, in turn
            (see :func:`.roles.subject_of`).
        speaker: a person who says the claim (next to a ``reporting`` verb of
            the sentence: "..., Macron said") is its actor, before the group
            the clause names ("France will send ..."), when the clause names
            no person.
        compose: modifier categories (``hedge``, ``future``) that, followed in
            the clause by an ``action`` cue ("may send", "enviará", "готова
            предоставить"), state a claim of this type without a cue word.
        conditioned: modifier categories (``threat``) whose cue, in a sentence
            holding a condition ("will retaliate if ...", "... unless"), states a
            claim of this type without a cue word (a threat stated as a consequence).
        verbal: the type's cues are verbs: a cue used as a noun ("about the
            pledge", "its commitment", 美国的承诺: a ``nominal`` word next to
            it) states no claim.
        complement: the type's cue verbs say what they say in a complement clause:
            a cue ending its clause (at most two words after it) takes the
            next clause of the sentence too ("warned, that ...", "ostrzegła,
            że ...", "drohte mit Konsequenzen, falls ..."), in languages
            written with spaces whose verb comes before its complement.
        void_objects: modifier categories (``speech``) whose word as the cue's
            object makes it state no claim: "declined to comment", "refused to
            answer questions", "拒绝置评", "コメントを拒否": refusing to speak
            refuses nothing the story is about.
        void_clauses: modifier categories (``called_off``) whose word anywhere in
            the cue's clause makes it state no claim: "the talks planned for
            Thursday were postponed", "переговоры перенесены", "toplantı
            ertelendi": a meeting called off was not held.
        dated_ahead: a date after publication in the claim's clause or sentence dates
            it: a pledge is dated by when what it promises is to happen ("by 2030",
            "2028年までに"), as the annotation guidelines' gold does; a refusal or a
            warning (false) by the day it was made. Types without a modality (a
            meeting set for a later day) always keep such a date.
        undated_ahead: modifier categories (``future``) whose word in the claim's
            clause says its event is still to happen ("will meet", "se reunirán",
            "встретятся на следующей неделе"): with no date of its own (clause,
            sentence, attribution, paragraph) it takes neither the story's day
            nor the publication's, which are when it was announced, not when it
            happens; the annotation guidelines leave such a date null.
    """

    name: str
    fields: tuple[FieldRule, ...] = ()
    merge: tuple[MergeRule, ...] = ()
    negated_as: str | None = None
    negated_drops: bool = False
    modality: bool = True
    hedges: bool = True
    actor_from: tuple[str, ...] = ACTOR_SOURCES
    compose: tuple[str, ...] = ()
    speaker: bool = True
    verbal: bool = False
    conditioned: tuple[str, ...] = ()
    complement: bool = False
    void_objects: tuple[str, ...] = ()
    void_clauses: tuple[str, ...] = ()
    dated_ahead: bool = False
    undated_ahead: tuple[str, ...] = ()


@dataclass(frozen=True)
class Precedence:
    """Within one clause, a claim of type ``drop`` goes when one of type ``by`` is there.

    ``when``: ``always``; ``hedged`` / ``not_hedged`` (the dropped cue is / is
    not itself a hedge cue); ``after`` (the dropped cue comes after the other, before
    it in verb-final languages);
    ``object`` (the other is the dropped cue's object, within 40 characters on
    its object side: "vowed a crushing response if ..." is a threat); ``hosting`` (the
    other is a readiness word and a ``host`` word stands between the two or in the
    dropped cue: "ready to host the next round of talks" offers to host, no meeting
    is held); ``agreed`` (the dropped cue is an ``agreement`` word and the other its
    object, with no ``action`` verb in the clause: "agreed to hold talks", "vereinbarten
    ein Treffen", "договорились о встрече", 会談することで合意: a meeting is set, nothing
    else is promised); ``recurring`` (a ``recurring`` word, "regularly", 정기적으로, 定期,
    stands in the clause before the dropped cue: "agreed to consult regularly" commits to
    a practice, it sets no one meeting).
    """

    drop: str
    by: str
    when: str = "always"


def field_shape(annotation: Any) -> Shape:
    """The :class:`Shape` of a field annotation (``list[Actor]``, ``Literal[...] | None``, ...)."""
    args = [annotation]
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
    if args and all(get_origin(a) is Literal for a in args):
        return Shape("choice", tuple(str(v) for a in args for v in get_args(a)))
    if len(args) != 1:
        return Shape("other")
    ann = args[0]
    if get_origin(ann) is list and get_args(ann) == (Actor,):
        return Shape("actors")
    if isinstance(ann, type) and issubclass(ann, enum.Enum):
        return Shape("choice", tuple(str(m.value) for m in ann))
    simple = {Actor: "actor", Quantity: "quantity", DateRef: "date", str: "text"}
    return Shape(simple.get(ann, "other"))


def build_specs(book: CueBook, models: Mapping[str, type[ClaimBase]]) -> dict[str, TypeSpec]:
    """A spec per registered type that has cues in ``book``, in registration order.

    Raises:
        InputError: a declaration does not fit the model (unknown field, a
            role that cannot fill it, a keyword value it does not accept).
    """
    with_cues = set(book.claim_categories())
    for name in with_cues - set(models):
        log.debug("cues for claim type %r ignored: no such type is registered", name)
    specs = {
        name: _type_spec(name, model, book)
        for name, model in models.items()
        if name in with_cues
    }
    for spec in specs.values():
        if spec.negated_as is not None and spec.negated_as not in specs:
            raise InputError(
                f"cue data of claim type {spec.name!r}",
                f"negated_as names {spec.negated_as!r}, not a registered type with cues",
            )
    return specs


def build_precedence(book: CueBook, specs: Mapping[str, TypeSpec]) -> list[Precedence]:
    """The precedence rules of ``book`` between types in ``specs`` (others are skipped)."""
    rules: list[Precedence] = []
    for raw in book.precedence:
        rule = Precedence(str(raw.get("drop")), str(raw.get("by")), str(raw.get("when", "always")))
        if rule.when not in _WHEN:
            raise InputError("cue data", f"precedence 'when' must be one of {sorted(_WHEN)}: {raw}")
        if rule.drop in specs and rule.by in specs:
            rules.append(rule)
    return rules


def _type_spec(name: str, model: type[ClaimBase], book: CueBook) -> TypeSpec:
    source = f"cue data of claim type {name!r}"
    decl = book.types.get(name, {})
    unknown = [k for k in decl if k not in _TYPE_KEYS and not k.startswith("_")]
    if unknown:
        raise InputError(source, f"unknown key(s) {unknown}; known: {sorted(_TYPE_KEYS)}")
    shapes = {
        f: field_shape(info.annotation)
        for f, info in model.model_fields.items()
        if f not in _BASE_FIELDS
    }
    declared = dict(decl.get("fields") or {})
    rules = [_declared_rule(name, f, role, shapes, book, source) for f, role in declared.items()]
    rules += _derived_rules(name, shapes, set(declared), book)
    negated = decl.get("negated_as")
    actor_from = tuple(decl.get("actor_from", ACTOR_SOURCES))
    if not set(actor_from) <= set(ACTOR_SOURCE_NAMES):
        raise InputError(source, f"actor_from takes {list(ACTOR_SOURCE_NAMES)}, not {list(actor_from)}")
    compose = tuple(str(c) for c in decl.get("compose") or ())
    conditioned = tuple(str(c) for c in decl.get("conditioned") or ())
    void = tuple(str(c) for c in decl.get("void_objects") or ())
    void_clauses = tuple(str(c) for c in decl.get("void_clauses") or ())
    undated = tuple(str(c) for c in decl.get("undated_ahead") or ())
    if not set(compose) | set(conditioned) | set(void) | set(void_clauses) | set(undated) <= set(MODIFIERS):
        raise InputError(
            source,
            "compose, conditioned, void_objects, void_clauses and undated_ahead take modifier categories"
            f" {list(MODIFIERS)}",
        )
    return TypeSpec(
        name=name,
        fields=tuple(r for r in rules if r.role != "none"),
        merge=tuple(_merge_rule(m, shapes, source, book) for m in decl.get("merge") or []),
        negated_as=str(negated) if negated else None,
        negated_drops="negated_as" in decl and not negated,
        modality=bool(decl.get("modality", True)),
        hedges=bool(decl.get("hedges", True)),
        actor_from=actor_from,
        compose=compose,
        speaker=bool(decl.get("speaker", True)),
        verbal=bool(decl.get("verbal", False)),
        conditioned=conditioned,
        complement=bool(decl.get("complement", False)),
        void_objects=void,
        void_clauses=void_clauses,
        dated_ahead=bool(decl.get("dated_ahead", False)),
        undated_ahead=undated,
    )


def _declared_rule(
    name: str, field: str, decl: Any, shapes: Mapping[str, Shape], book: CueBook, source: str
) -> FieldRule:
    if not isinstance(decl, str | Mapping):
        raise InputError(source, f"field {field!r}: a role is a name or an object with 'role'")
    options = {"role": decl} if isinstance(decl, str) else dict(decl)
    role = str(options.pop("role", ""))
    if field not in shapes:
        raise InputError(source, f"field {field!r}: the model has no such field of its own")
    if role not in ROLE_SHAPES:
        raise InputError(source, f"field {field!r}: unknown role {role!r}; known: {sorted(ROLE_SHAPES)}")
    shape = shapes[field]
    if shape.kind not in ROLE_SHAPES[role]:
        raise InputError(source, f"field {field!r} holds {shape.kind}: role {role!r} cannot fill it")
    unknown = set(options) - ROLE_OPTIONS[role]
    if unknown:
        raise InputError(source, f"field {field!r}: role {role!r} has no option(s) {sorted(unknown)}")
    rule = FieldRule(name, field, role, options, shape.choices)
    _check_options(rule, book, source)
    return rule


def _check_options(rule: FieldRule, book: CueBook, source: str) -> None:
    opts, where = rule.options, f"field {rule.field!r}"
    scopes = opts.get("scope", [])
    for scope in [scopes] if isinstance(scopes, str) else scopes:
        if scope not in SCOPES:
            raise InputError(source, f"{where}: scope {scope!r} is not one of {list(SCOPES)}")
    if opts.get("pick", "first") not in ("first", "order"):
        raise InputError(source, f"{where}: pick is 'first' or 'order'")
    if "kind" in opts and opts["kind"] not in {k.value for k in ActorKind}:
        raise InputError(source, f"{where}: kind {opts['kind']!r} is not an actor kind")
    if rule.role == "modifier" and (
        opts.get("modifier") not in MODIFIERS or len(opts.get("values") or []) != 2
    ):
        raise InputError(source, f"{where}: a modifier role needs 'modifier' {MODIFIERS} and two 'values'")
    values: list[Any] = [*opts.get("values", []), *opts.get("order", [])]
    values += [*(opts.get("default_if") or {}).values()]
    values += [opts["default"]] if "default" in opts else []
    if rule.role == "keywords":
        values += book.field_values(f"{rule.type}.{rule.field}")
    _check_choices(rule, values, source)


def _check_choices(rule: FieldRule, values: list[Any], source: str) -> None:
    if rule.choices is None:
        return
    bad = sorted({str(v) for v in values} - set(rule.choices))
    if bad:
        raise InputError(
            source, f"field {rule.field!r} accepts {list(rule.choices)}, not {bad}"
        )


def _derived_rules(
    name: str, shapes: Mapping[str, Shape], declared: set[str], book: CueBook
) -> list[FieldRule]:
    free = {f: s for f, s in shapes.items() if f not in declared}
    rules: list[FieldRule] = []
    for kind, role in (("actors", "actors_after"), ("actor", "actor_after"), ("quantity", "quantity")):
        fields = [f for f, s in free.items() if s.kind == kind]
        if len(fields) == 1:  # with two such fields, which is which is not ours to guess
            rules.append(FieldRule(name, fields[0], role))
    for f, shape in free.items():
        if shape.kind in ("choice", "text") and book.field_values(f"{name}.{f}"):
            rule = FieldRule(name, f, "keywords", {"scope": list(DEFAULT_KEYWORD_SCOPE)}, shape.choices)
            _check_options(rule, book, f"cue data of claim type {name!r}")
            rules.append(rule)
    return rules


def _merge_rule(
    raw: Mapping[str, Any], shapes: Mapping[str, Shape], source: str, book: CueBook
) -> MergeRule:
    options = dict(raw)
    same = options.pop("same", ())
    agree = options.pop("agree", ())
    apart = options.pop("apart", ())
    try:
        rule = MergeRule(
            same=(same,) if isinstance(same, str) else tuple(same),
            agree=(agree,) if isinstance(agree, str) else tuple(agree),
            apart=(apart,) if isinstance(apart, str) else tuple(apart),
            **options,
        )
    except TypeError as exc:
        raise InputError(source, f"bad merge rule {dict(raw)}: {exc}") from None
    for name in [*rule.same, *rule.agree, *rule.apart, rule.without]:
        if name is not None and name not in shapes and name not in _BASE_FIELDS:
            raise InputError(source, f"merge rule {dict(raw)}: the model has no field {name!r}")
    if not rule.same and rule.follow_up is None:
        raise InputError(source, f"merge rule {dict(raw)}: give 'same', 'follow_up' or both")
    if rule.object is not None and not book.field_values(rule.object):
        raise InputError(source, f"merge rule {dict(raw)}: no keyword map {rule.object!r} in the cue data")
    return rule
