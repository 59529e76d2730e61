"""The set-up the rules backend's sentence tests share: a text read as one document,
the backend's drafts of it, the claims of one type, and what a test reads of a claim
(its actors' names, its quotes, its date).

The backend itself is the ``backend`` fixture of ``tests/conftest.py`` (one
:class:`~claimkit.extract.rules.RulesBackend` per test module).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimkit.extract.base import Backend, Draft
from claimkit.schemas import Document

#: the publication date the sentence tests read their sentences on, unless they say
PUBLISHED = "2025-06-02"

#: a publication date as the tests give it: ISO text, a date, or None (none given)
Published = str | dt.date | None


def drafts(backend: Backend, text: str, lang: str | None, published: Published = PUBLISHED, *,
           doc_id: str = "t", **fields: Any) -> list[Draft]:
    """The drafts ``backend`` finds in ``text`` read as one document in ``lang``, published
    on ``published`` (None: no date given); ``fields`` are other :class:`Document` fields
    (``title``, ``url``)."""
    doc = Document(id=doc_id, text=text, language=lang, published=published, **fields)
    return list(backend.extract(doc).drafts)


def of_type(backend: Backend, text: str, lang: str | None, type_: str, published: Published = PUBLISHED,
            **fields: Any) -> list[Draft]:
    """The drafts of ``type_`` in ``text`` (see :func:`drafts`), in the backend's order."""
    return [d for d in drafts(backend, text, lang, published, **fields) if d.type == type_]


def first_of_each_type(found: list[Draft]) -> dict[str, Draft]:
    """The first draft of each type in ``found``, by type."""
    out: dict[str, Draft] = {}
    for d in found:
        out.setdefault(d.type, d)
    return out


def actor_names(draft: Draft) -> list[str]:
    """The labels of a draft's actors, in order (none: an empty list)."""
    return [a.label for a in draft.fields.get("actor") or []]


def actors_by_type(backend: Backend, text: str, lang: str | None, published: Published = PUBLISHED,
                   **fields: Any) -> dict[str, list[str]]:
    """The actors' labels of the first claim of each type in ``text``, by type."""
    return {t: actor_names(d) for t, d in first_of_each_type(drafts(backend, text, lang, published, **fields)).items()}


def actors_of(backend: Backend, text: str, lang: str | None, type_: str, published: Published = PUBLISHED,
              **fields: Any) -> list[str]:
    """The actors' labels of the first claim of ``type_`` in ``text``; the test fails,
    naming the claims found, when there is none."""
    claims = actors_by_type(backend, text, lang, published, **fields)
    assert type_ in claims, claims
    return claims[type_]


def quotes(draft: Draft) -> list[str]:
    """The text of each of a draft's evidence spans."""
    return [s.text for s in draft.spans]


def quotes_of(backend: Backend, text: str, lang: str | None, type_: str, published: Published = PUBLISHED,
              **fields: Any) -> list[list[str]]:
    """The quotes of each claim of ``type_`` in ``text``."""
    return [quotes(d) for d in of_type(backend, text, lang, type_, published, **fields)]


def date_value(draft: Draft) -> str | None:
    """The ISO value of a draft's date, None when it has none."""
    date = draft.fields.get("date")
    return date.value if date is not None else None


def dates_of(backend: Backend, text: str, lang: str | None, type_: str, published: Published = PUBLISHED,
             **fields: Any) -> list[str | None]:
    """The date (ISO value, or None) of each claim of ``type_`` in ``text``."""
    return [date_value(d) for d in of_type(backend, text, lang, type_, published, **fields)]
