"""Mention records: a piece of a text and what it was normalised to.

Offsets are half-open character offsets into the text that was searched, and
``text`` always equals ``source_text[start:end]``, so a caller can turn a
mention into a :class:`~claimkit.schemas.Span` without re-searching.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimkit.schemas import Actor, DateRef, Quantity

__all__ = ["ActorMention", "DateMention", "Mention", "PlaceMention", "QuantityMention"]


@dataclass(frozen=True)
class Mention:
    """A thing found in a text.

    Attributes:
        start: offset of the first character in the searched text.
        end: offset one past the last character (half-open).
        text: exactly ``source_text[start:end]``.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorMention(Mention):
    """A country, person, organisation or group named in a text."""

    actor: Actor


@dataclass(frozen=True)
class DateMention(Mention):
    """A date expression and the date it resolves to (or ``unresolved``)."""

    date: DateRef


@dataclass(frozen=True)
class QuantityMention(Mention):
    """A stated number with its unit and qualifier."""

    quantity: Quantity


@dataclass(frozen=True)
class PlaceMention(Mention):
    """A place (city) named in a text.

    Attributes:
        name: canonical English name ("Kyiv" for "Київ", "基辅", "Kiev").
    """

    name: str
