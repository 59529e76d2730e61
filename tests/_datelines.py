"""What the dateline tests share: the bundled place table's seat of a written place, and
the dateline :mod:`claimkit.extract.rules.dateline` reads as an article's own."""

from __future__ import annotations

from claimkit.extract.rules.dateline import Dateline, article_dateline, read_datelines
from claimkit.normalize import Places

PLACES = Places.default()


def seat(written: str) -> str | None:
    """The country whose government sits in the place ``written`` names, if the table knows it."""
    name = PLACES.resolve(written)
    return PLACES.seat_of(name) if name else None


def article(text: str) -> Dateline | None:
    """The dateline ``text`` opens with as its article's, or None."""
    return article_dateline(read_datelines(text, seat))
