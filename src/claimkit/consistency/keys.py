"""Grouping keys computed once per claim: actors, objects, places, dates.

Everything here is memoised on the raw strings, because a large corpus repeats
the same few thousand names, places and dates a million times. Keys are plain
strings so that blocking is a dict lookup:

- actor: ``"c:GB"`` for a country (ISO 3166-1 alpha-2), else ``"n:<folded name>"``;
  office holders map to whom they speak for, from the gazetteer's
  ``affiliation`` field (``Keir Starmer`` -> ``"c:GB"``, ``Mark Rutte`` -> ``"n:nato"``).
- place: the folded canonical English name from :func:`claimkit.normalize.resolve_place`
  (``"Kiev"``, ``"Київ"`` -> ``"kyiv"``), else the folded name as written.

Names, countries, organisations and places all come from the normalisation
layer (:class:`claimkit.normalize.Gazetteer`, :class:`claimkit.normalize.Places`):
the validator keeps no tables of its own.
- object: the key of the field a claim type declares as its ``object_field``
  (else of its ``object_fallback`` fields): an enum by value (``"troops"``); a
  free phrase mapped to the same vocabulary (``"NATO troops in Ukraine"`` ->
  ``"troops"``), ``"~sanctions"`` for its reversal (``"lifting sanctions"``),
  ``"x:<words>"`` when no category fits; actors as ``"t:<sorted actor keys>"``.
- date: ``(first day ordinal, last day ordinal, granularity)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Mapping
from typing import Any

from claimkit.errors import SchemaError
from claimkit.normalize.actors import Gazetteer, GazetteerEntry
from claimkit.normalize.countries import country_table, is_country_code
from claimkit.normalize.places import Places
from claimkit.schemas import Actor, ActorKind, ClaimBase, FieldKind, claim_traits
from claimkit.text import fold

__all__ = ["STOPWORDS", "DateRange", "KeyBuilder", "categorize", "content_key", "parse_date"]

log = logging.getLogger(__name__)

#: (first day as ordinal, last day as ordinal, granularity)
DateRange = tuple[int, int, str]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATE_MEMO: dict[str, DateRange | None] = {}


def parse_date(value: str) -> DateRange | None:
    """The day range an ISO date string covers, or None when it is not a real date.

    ``"2025-03"`` covers 1 to 31 March; ``"2025-02-30"`` is None.
    """
    hit = _DATE_MEMO.get(value, _MISSING)
    if hit is not _MISSING:
        return hit  # type: ignore[return-value]
    result: DateRange | None = None
    m = _DATE_RE.match(value)
    if m:
        try:
            year = int(m.group(1))
            if m.group(3):
                d = dt.date(year, int(m.group(2)), int(m.group(3)))
                result = (d.toordinal(), d.toordinal(), "day")
            elif m.group(2):
                month = int(m.group(2))
                last = calendar.monthrange(year, month)[1]
                result = (
                    dt.date(year, month, 1).toordinal(),
                    dt.date(year, month, last).toordinal(),
                    "month",
                )
            else:
                result = (dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal(), "year")
        except ValueError:
            result = None
    if len(_DATE_MEMO) < 100_000:
        _DATE_MEMO[value] = result
    return result


_MISSING = object()

# Category vocabulary for free-text objects ("what is refused"). The schema asks
# for these phrases in English, so English words are enough here.
_CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "air_support": ("air support", "air cover", "air power", "air policing", "no fly zone"),
    "troops": (
        "troop", "troops", "soldier", "soldiers", "force", "forces", "peacekeeper",
        "peacekeepers", "peacekeeping", "boots on the ground", "contingent", "personnel",
        "brigade", "brigades", "battalion", "deployment", "military presence",
    ),
    "sanctions": ("sanction", "sanctions", "embargo", "tariff", "tariffs"),
    "money": (
        "money", "loan", "loans", "aid", "funding", "fund", "funds", "financing", "finance",
        "grant", "grants", "budget", "payment", "payments", "credit", "assets",
    ),
    "weapons": (
        "weapon", "weapons", "arms", "missile", "missiles", "ammunition", "munitions",
        "tank", "tanks", "artillery", "jets", "fighter jets", "drones", "air defence",
        "air defense",
    ),
    "training": ("training",),
    "intelligence": ("intelligence",),
    "guarantee": ("guarantee", "guarantees"),
    "hosting": ("hosting", "host"),
}
_CATEGORY_RE = re.compile(
    r"\b("
    + "|".join(
        sorted((re.escape(w) for ws in _CATEGORY_WORDS.values() for w in ws), key=len, reverse=True)
    )
    + r")\b"
)
_WORD_CATEGORY = {w: cat for cat, ws in _CATEGORY_WORDS.items() for w in ws}
# Refusing to lift sanctions is upholding them: such objects get a "~" key.
_REVERSAL = frozenset(
    ["lift", "lifting", "easing", "ease", "removing", "remove", "removal", "ending", "end", "suspending", "suspension", "withdrawal", "withdrawing", "withdraw", "reducing", "reduction", "cutting", "cut", "halting", "halt", "unfreezing", "unfreeze", "relief"]
)
STOPWORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "by", "with", "and", "or", "any", "all", "its", "their", "his", "her", "new", "further", "more", "additional", "other", "some", "this", "that", "these", "those", "into", "onto", "over", "under", "be", "being"]
)
_CAT_MEMO: dict[str, str | None] = {}


def categorize(phrase: str | None) -> str | None:
    """Map an English object phrase to the pledge vocabulary.

    Returns the category of the earliest category word (``"troops"``), prefixed
    with ``~`` when a reversal word precedes it (``"lifting sanctions"`` ->
    ``"~sanctions"``); ``"x:<content words>"`` when no category word occurs;
    None for an empty phrase.
    """
    if not phrase:
        return None
    hit = _CAT_MEMO.get(phrase, _MISSING)
    if hit is not _MISSING:
        return hit  # type: ignore[return-value]
    text = fold(phrase)
    m = _CATEGORY_RE.search(text)
    result: str | None
    if m:
        cat = _WORD_CATEGORY[m.group(1)]
        before = set(text[: m.start()].split())
        result = f"~{cat}" if before & _REVERSAL else cat
    else:
        result = content_key(phrase)
    if len(_CAT_MEMO) < 200_000:
        _CAT_MEMO[phrase] = result
    return result


def content_key(phrase: str | None) -> str | None:
    """``"x:"`` and the sorted distinct content words of ``phrase``; None when it has none."""
    if not phrase:
        return None
    content = sorted({w for w in fold(phrase).split() if w not in STOPWORDS})
    return "x:" + " ".join(content) if content else None


_COUNTRY_KINDS = (None, ActorKind.country, "country")


class KeyBuilder:
    """Computes and memoises grouping keys.

    Every lookup goes to the normalisation layer and is memoised per distinct
    string (here and in the gazetteer), so a million claims cost a few
    thousand lookups.

    Args:
        affiliations: extra or overriding ``{person name: country name, ISO code
            or organisation}`` entries (``{"Kaja Kallas": "European Union"}``),
            over the gazetteer's ``affiliation`` field.
        use_normaliser: also resolve the surface text of actors not marked
            ``resolved`` with the full :meth:`Gazetteer.lookup` (titles,
            inflection, misspellings: "英国首相斯塔默", "Путина"); when False only
            whole-name aliases count.
        gazetteer: defaults to :meth:`Gazetteer.default`.
        places: defaults to :meth:`Places.default`.
    """

    def __init__(
        self,
        affiliations: Mapping[str, str] | None = None,
        *,
        use_normaliser: bool = True,
        gazetteer: Gazetteer | None = None,
        places: Places | None = None,
    ) -> None:
        self._gaz = gazetteer or Gazetteer.default()
        self._places = places or Places.default()
        self._full = use_normaliser
        self._name_memo: dict[str, str] = {}
        self._override = {fold(p): self._name_key(t) for p, t in (affiliations or {}).items()}
        self._actor_memo: dict[tuple[Any, ...], str] = {}
        self._loc_memo: dict[str, str] = {}
        self._word_memo: dict[str, str | None] = {}
        self._known_places: set[str] = set()
        self._surface_memo: dict[tuple[str, Any], str | None] = {}
        self._chains: dict[type[ClaimBase], tuple[tuple[str, FieldKind], ...]] = {}

    def _name_key(self, name: str) -> str:
        """Key of a country or organisation name, an ISO code, or any other name."""
        hit = self._name_memo.get(name)
        if hit is None:
            if len(name) == 2 and name.isupper() and is_country_code(name):
                hit = f"c:{name}"
            else:
                entry = self._gaz.lookup(name, strict=True)
                if entry is not None and entry.kind == ActorKind.country and entry.iso_code:
                    hit = f"c:{entry.iso_code}"
                else:
                    hit = f"n:{fold(entry.name if entry is not None else name)}"
            self._name_memo[name] = hit
        return hit

    def actor_key(self, actor: Actor) -> str:
        """One key per actor: a country code, or a folded canonical name."""
        memo_key = (actor.text, actor.name, actor.iso_code, actor.kind, actor.resolved)
        hit = self._actor_memo.get(memo_key)
        if hit is not None:
            return hit
        key = self._actor_key(actor)
        self._actor_memo[memo_key] = key
        return key

    def _actor_key(self, actor: Actor) -> str:
        if actor.iso_code:
            return f"c:{actor.iso_code.upper()}"
        name = actor.name or actor.text
        f = fold(name)
        if f in self._override:
            return self._override[f]
        entry = self._gaz.lookup(name, strict=True)
        if entry is None and self._full and not actor.resolved:
            try:
                entry = self._gaz.lookup(actor.text)
            except Exception:  # a normaliser bug must not stop validation
                log.debug("gazetteer lookup failed on %r", actor.text, exc_info=True)
        if entry is None:
            return f"n:{f}"
        return self._entry_key(entry, actor, f)

    def _entry_key(self, entry: GazetteerEntry, actor: Actor, folded: str) -> str:
        canonical = fold(entry.name)
        if canonical in self._override:
            return self._override[canonical]
        if entry.kind == ActorKind.country:
            # a person or body named like a country ("Georgia") is not the country
            if actor.kind in _COUNTRY_KINDS and entry.iso_code:
                return f"c:{entry.iso_code}"
            return f"n:{folded}"
        if entry.affiliation and entry.kind in (ActorKind.person, ActorKind.organisation):
            # an office holder, or a government's seat ("the White House", "the Kremlin")
            return self._name_key(entry.affiliation)
        return f"n:{canonical}"

    def country_word(self, word: str) -> str | None:
        """The country key of one word naming a country, else None: its name ("ukraine"),
        its people's adjective as the gazetteer knows it ("ukrainian", "french"), or its
        capital standing for it ("kyiv": :meth:`Places.seat_of
        <claimkit.normalize.Places.seat_of>`)."""
        if len(word) < 4:
            return None
        hit = self._word_memo.get(word, _MISSING)
        if hit is _MISSING:
            hit = self._word_memo[word] = self._country_word(word)
        return hit  # type: ignore[return-value]

    def _country_word(self, word: str) -> str | None:
        table = country_table()  # CLDR and pycountry names: cheaper than the gazetteer's index
        title = word[:1].upper() + word[1:]  # folded words are lower case
        for form in (word, title):
            code = table.get(form)
            if code is not None:
                return f"c:{code}"
        entry = self._gaz.lookup(title, strict=True)
        name = entry.name if entry is not None and entry.kind == ActorKind.country else None
        if name is None:
            place = self._places.resolve(word)
            name = self._places.seat_of(place) if place is not None else None
        code = table.get(name) if name is not None else None
        return f"c:{code}" if code is not None else None

    def surface_key(self, actor: Actor) -> str | None:
        """The key an actor's surface text names by itself (whole-name lookup), else None.

        Compared with :meth:`actor_key` (from the canonical fields), it tells an
        actor whose canonical name says someone other than its words.
        """
        text = actor.text
        memo = (text, actor.kind)
        if memo in self._surface_memo:
            return self._surface_memo[memo]
        self._surface_memo[memo] = hit = self._surface_key(actor)
        return hit

    def _surface_key(self, actor: Actor) -> str | None:
        text = actor.text
        if not text or (actor.name is not None and fold(text) == fold(actor.name)):
            return None  # the words are the canonical name: nothing to disagree with
        if actor.iso_code:
            # a country by its code: its words are checked against the CLDR country
            # names only (the table object keys use), so a corpus whose actors all
            # carry codes never builds the gazetteer's index for this
            code = country_table().get(text.strip())
            return f"c:{code}" if code is not None else None
        entry = self._gaz.lookup(text, strict=True)  # the index actor_key already needed
        return None if entry is None else self._entry_key(entry, actor, fold(text))

    def actor_keys(self, actors: list[Actor]) -> tuple[str, ...]:
        """Distinct keys of several actors, in order."""
        out: list[str] = []
        for a in actors:
            k = self.actor_key(a)
            if k not in out:
                out.append(k)
        return tuple(out)

    def location_key(self, location: str | None) -> str | None:
        """Folded canonical place name: variants in any script merged ("Kiev", "Київ" -> "kyiv").

        A place written with more words than its name ("u Parizu", "в Париже",
        "Paris, France", "Élysée Palace, Paris") is the one known place those
        words name (:meth:`Places.find <claimkit.normalize.Places.find>`);
        naming several ("London and Paris") or none, it keys on its folded words.
        """
        if not location:
            return None
        hit = self._loc_memo.get(location)
        if hit is None:
            name = self._places.resolve(location)
            if name is None:
                named = {m.name for m in self._places.find(location)}
                name = named.pop() if len(named) == 1 else None
            hit = fold(name or location)
            self._loc_memo[location] = hit
            if name is not None:
                self._known_places.add(hit)
        return hit or None

    def known_place(self, key: str) -> bool:
        """Whether a :meth:`location_key` is a place the place names know (not a venue
        or district written as is: "Lancaster House" may be in London)."""
        return key in self._known_places

    def object_key(self, claim: ClaimBase) -> str | None:
        """What a claim is about; None when it cannot be compared with others.

        The key of the type's ``object_field``, else of its ``object_fallback``
        fields in order (see :class:`~claimkit.schemas.ClaimBase`), by
        :meth:`field_key`. None when the type has no object.
        """
        chain = self._chains.get(type(claim))
        if chain is None:
            chain = self._chains[type(claim)] = _object_chain(type(claim))
        for name, kind in chain:
            key = self.field_key(claim, name, kind)
            if key is not None:
                return key
        return None

    def field_key(self, claim: ClaimBase, name: str, kind: FieldKind) -> str | None:
        """Key of one field's value by its kind; None when empty or not comparable.

        An enum by its value (the catch-all ``other`` counts as empty); a free
        phrase by :func:`categorize` (``summary``, a whole sentence, by its
        content words: :func:`content_key`); actors as ``"t:"`` and their sorted
        keys; a date by its value; anything else by its text.
        """
        value = getattr(claim, name, None)
        if value is None:
            return None
        if kind == "enum":
            v = str(getattr(value, "value", value))
            return v if v and v != "other" else None
        if kind == "text":
            if not isinstance(value, str):
                return None
            return content_key(value) if name == "summary" else categorize(value)
        if kind == "actors":
            actors = value if isinstance(value, list) else [value]
            return "t:" + "|".join(sorted(self.actor_keys(actors))) if actors else None
        if kind == "date":
            return getattr(value, "value", None)
        if kind == "quantity":
            if value.value is None:
                return None
            return f"{value.value}-{value.value_max} {value.unit or ''}"
        return str(value)


def _object_chain(model: type[ClaimBase]) -> tuple[tuple[str, FieldKind], ...]:
    """(field, kind) of a model's object field and its fallbacks; () without an object."""
    try:
        traits = claim_traits(model)
    except SchemaError:  # a bad declaration must not stop validation: no object then
        log.warning("claim model %s declares its traits wrongly", model.__name__, exc_info=True)
        return ()
    if traits.object_field is None:
        return ()
    names = (traits.object_field, *traits.object_fallback)
    return tuple((n, traits.field_kinds[n]) for n in names)
