"""Normalisation: canonical actors, places, dates and quantities, in many languages.

Used by the offline rules extractor (to find actors, dates and quantities in a
sentence) and by the cross-document validator (to compare claims by canonical
name and ISO date). See ``docs/normalize.md``.

::

    >>> from claimkit.normalize import resolve_actor
    >>> resolve_actor("英国首相斯塔默").name
    'Keir Starmer'
"""

from __future__ import annotations

from typing import Any

from claimkit.normalize.actors import ENV_VAR, Gazetteer, GazetteerEntry, find_actors, resolve_actor
from claimkit.normalize.countries import country_name
from claimkit.normalize.dates import find_dates, resolve_date
from claimkit.normalize.mentions import (
    ActorMention,
    DateMention,
    Mention,
    PlaceMention,
    QuantityMention,
)
from claimkit.normalize.places import Places, find_places, resolve_place
from claimkit.normalize.quantities import find_quantities, parse_number
from claimkit.schemas import Actor, ClaimBase, DateRef, DateResolution, Document

__all__ = [
    "ENV_VAR",
    "ActorMention",
    "DateMention",
    "Gazetteer",
    "GazetteerEntry",
    "Mention",
    "PlaceMention",
    "Places",
    "QuantityMention",
    "country_name",
    "find_actors",
    "find_dates",
    "find_places",
    "find_quantities",
    "normalize_actor",
    "normalize_claim",
    "parse_number",
    "resolve_actor",
    "resolve_date",
    "resolve_place",
]


def normalize_actor(actor: Actor, *, language: str | None = None,
                    gazetteer: Gazetteer | None = None) -> Actor:
    """Resolve one actor against the gazetteer; an unknown actor is returned unchanged.

    The text as written is tried first, then the name the actor already has
    (an LLM's canonical guess), so that a confirmed name replaces a guess but a
    guess is never replaced by nothing.
    """
    if actor.resolved:
        return actor
    gaz = gazetteer or Gazetteer.default()
    for candidate in (actor.text, actor.name):
        if not candidate:
            continue
        found = gaz.resolve(candidate, language=language)
        if found.resolved:
            return found.model_copy(update={"text": actor.text})
    return actor


def _normalize_value(value: Any, language: str | None, gazetteer: Gazetteer) -> Any:
    if isinstance(value, Actor):
        return normalize_actor(value, language=language, gazetteer=gazetteer)
    if isinstance(value, list) and value and all(isinstance(v, Actor) for v in value):
        return [normalize_actor(v, language=language, gazetteer=gazetteer) for v in value]
    return value


def normalize_claim(claim: ClaimBase, document: Document | None = None, *,
                    gazetteer: Gazetteer | None = None) -> ClaimBase:
    """A copy of ``claim`` with canonical actors and resolved dates.

    Every field holding an :class:`~claimkit.schemas.Actor` or a list of them
    (actor, recipient, target, participants, hosts, and such fields of
    user-registered claim types) is resolved with the gazetteer. A date whose
    raw text is present and whose resolution is ``unresolved`` is resolved
    against ``document.published``; without a document it stays unresolved.

    Args:
        claim: any registered claim.
        document: the document the claim comes from (language, publication date).
        gazetteer: defaults to :meth:`Gazetteer.default`.
    """
    gaz = gazetteer or Gazetteer.default()
    language = document.language if document else None
    update: dict[str, Any] = {}
    for name in type(claim).model_fields:
        value = getattr(claim, name)
        new = _normalize_value(value, language, gaz)
        if new is not value:
            update[name] = new
    date = claim.date
    if date is not None and date.raw and date.resolution == DateResolution.unresolved:
        published = document.published if document else None
        resolved = resolve_date(date.raw, published=published, language=language)
        if resolved.value is not None:
            update["date"] = DateRef(value=resolved.value, granularity=resolved.granularity,
                                     raw=date.raw, resolution=resolved.resolution)
    return claim.model_copy(update=update) if update else claim
