"""Building blocks of the synthetic claim corpora, shared by the tests and the benchmarks.

``tests/_report_corpus.py`` (the report's browser tests and ``bench/report.py``)
and ``bench/validate.py`` build their articles from these: a text written
sentence by sentence whose spans are the exact slices of their sentences, and
country actors carrying their canonical name and ISO code as a normaliser
gives them.
"""

from __future__ import annotations

from typing import Any

from claimkit.schemas import Actor, ActorKind, Alignment, Span

#: canonical country names and their ISO codes (in a fixed order: corpora index it)
COUNTRY_CODES: dict[str, str] = {
    "United States": "US", "United Kingdom": "GB", "France": "FR", "Germany": "DE",
    "Italy": "IT", "Spain": "ES", "Poland": "PL", "Ukraine": "UA", "Russia": "RU",
    "China": "CN", "Japan": "JP", "India": "IN", "Brazil": "BR", "Canada": "CA",
    "Australia": "AU", "Turkey": "TR", "Hungary": "HU", "Netherlands": "NL",
    "Sweden": "SE", "Finland": "FI", "Norway": "NO", "Denmark": "DK", "Greece": "GR",
    "Portugal": "PT", "Romania": "RO", "Czechia": "CZ", "Austria": "AT",
    "Belgium": "BE", "Ireland": "IE", "Estonia": "EE", "Latvia": "LV",
    "Lithuania": "LT", "Croatia": "HR", "Slovakia": "SK", "South Korea": "KR",
    "Indonesia": "ID", "Viet Nam": "VN", "Mexico": "MX", "Saudi Arabia": "SA",
    "South Africa": "ZA",
}

# model_construct keeps a per-object set of the fields given; one shared set per
# model (all are built with the same fields) saves ~200 bytes per object
_FIELDS: dict[type[Any], set[str]] = {}


def construct(cls: type[Any], /, **values: Any) -> Any:
    """``cls.model_construct(**values)`` without validation (trusted synthetic values)."""
    fields = _FIELDS.setdefault(cls, set(values))
    return cls.model_construct(_fields_set=fields, **values)


def country_actor(name: str, *, text: str | None = None, fast: bool = False) -> Actor:
    """A resolved country actor, written ``text`` (default: its name); ``fast``: not validated."""
    values: dict[str, Any] = {"text": text or name, "name": name, "kind": ActorKind.country,
                              "iso_code": COUNTRY_CODES[name], "resolved": True}
    return construct(Actor, **values) if fast else Actor(**values)


class TextBuilder:
    """An article's text, sentence by sentence; :meth:`add` returns the sentence's span.

    Args:
        fast: build spans with ``model_construct`` (a million claims), marked ``exact``.
    """

    def __init__(self, *, fast: bool = False) -> None:
        self.parts: list[str] = []
        self.size = 0
        self._fast = fast

    def add(self, sentence: str) -> Span:
        """Append ``sentence`` and a space; its span is ``text[start:end] == sentence``."""
        start = self.size
        self.parts.append(sentence + " ")
        self.size += len(sentence) + 1
        if self._fast:
            span: Span = construct(Span, start=start, end=start + len(sentence), text=sentence,
                                   alignment=Alignment.exact)
            return span
        return Span(start=start, end=start + len(sentence), text=sentence)

    def filler(self, text: str) -> None:
        """Append text no claim quotes."""
        self.parts.append(text)
        self.size += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)
