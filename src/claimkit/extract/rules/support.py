"""Support code of the rules backend: mention records, finders, claim merging."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimkit.schemas import Document

__all__ = ["Candidate", "Finders", "Mention", "default_finders", "merge_candidates"]

log = logging.getLogger("claimkit.extract.rules")


@dataclass(frozen=True)
class Mention:
    """A found thing (actor, date, quantity, city) with offsets into the text."""

    start: int
    end: int
    value: Any


@dataclass
class Finders:
    actors: Callable[[str, str | None], list[Mention]]
    dates: Callable[[Document], list[Mention]]
    quantities: Callable[[str, str | None], list[Mention]]


@dataclass
class Candidate:
    type: str
    span: tuple[int, int]
    fields: dict[str, Any]
    sentence: int
    own_actor: bool
    spans: list[tuple[int, int]] = field(default_factory=list)


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Fold repeated statements of one claim into one claim with several spans.

    Articles repeat a claim (headline, lead, body); gold and users want it
    once, with every quote. Merged into an earlier candidate of the same type:

    * a later clause of the same sentence that names no actor of its own
      before its cue (the sentence goes on about the same claim);
    * a meeting mention with no actor of its own and no place within two
      sentences of the previous meeting ("The meeting focused on ...");
    * a meeting in the same city as an earlier one, unless their dates differ;
    * a pledge with the same stated quantity ("26 countries") as an earlier one.
    """
    out: list[Candidate] = []
    last_meeting: Candidate | None = None
    for c in candidates:
        target = None
        for prev in reversed(out):
            if prev.type != c.type:
                continue
            if prev.sentence == c.sentence and not c.own_actor or c.type == "meeting" and _same_place(prev, c) or c.type == "pledge" and _same_quantity(prev, c):
                target = prev
            if target is not None:
                break
        if (
            target is None
            and c.type == "meeting"
            and last_meeting is not None
            and not c.own_actor
            and "location" not in c.fields
            and c.sentence - last_meeting.sentence <= 2
        ):
            target = last_meeting
        if target is None:
            out.append(c)
            if c.type == "meeting":
                last_meeting = c
            continue
        target.spans.append(c.span)
        for key, value in c.fields.items():
            target.fields.setdefault(key, value)
        target.sentence = max(target.sentence, c.sentence)
        if c.type == "meeting":
            last_meeting = target
    return out


def _same_place(a: Candidate, b: Candidate) -> bool:
    loc_a, loc_b = a.fields.get("location"), b.fields.get("location")
    if loc_a is None or loc_a != loc_b:
        return False
    da, db = a.fields.get("date"), b.fields.get("date")
    return da is None or db is None or da.value == db.value


def _same_quantity(a: Candidate, b: Candidate) -> bool:
    qa, qb = a.fields.get("quantity"), b.fields.get("quantity")
    return qa is not None and qb is not None and (qa.value, qa.unit) == (qb.value, qb.unit)


# ------------------------------------------------------------------- finders


def default_finders(gazetteer: Any) -> Finders:
    """Bind the normalize package's finders; degrade to none if it is missing."""

    def actors(text: str, language: str | None) -> list[Mention]:
        try:
            if gazetteer is not None:
                found = gazetteer.find(text, language=language)
            else:
                try:
                    from claimkit.normalize import find_actors
                except ImportError:  # the package's __init__ not written yet
                    from claimkit.normalize.actors import find_actors

                found = find_actors(text, language=language)
        except ImportError:  # pragma: no cover - normalize is part of the package
            log.warning("claimkit.normalize is unavailable: the rules backend finds no actors")
            return []
        return [Mention(m.start, m.end, m.actor) for m in found]

    def dates(document: Document) -> list[Mention]:
        try:
            from claimkit.normalize import find_dates

            found = find_dates(
                document.text, published=document.published, language=document.language
            )
        except Exception as exc:  # noqa: BLE001 - a date-finder failure must not lose the claims
            log.warning("%s: dates not found (%s: %s)", document.id, type(exc).__name__, exc)
            return []
        return [Mention(m.start, m.end, m.date) for m in found]

    def quantities(text: str, language: str | None) -> list[Mention]:
        try:
            from claimkit.normalize import find_quantities

            found = find_quantities(text, language=language)
        except Exception as exc:  # noqa: BLE001 - as above: claims without quantities beat no claims
            log.warning("quantities not found (%s: %s)", type(exc).__name__, exc)
            return []
        return [Mention(m.start, m.end, m.quantity) for m in found]

    return Finders(actors=actors, dates=dates, quantities=quantities)
