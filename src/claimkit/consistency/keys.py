"""Grouping keys computed once per claim: actors, objects, places, dates.

Everything here is memoised on the raw strings, because a large corpus repeats
the same few thousand names, places and dates a million times. Keys are plain
strings so that blocking is a dict lookup:

- actor: ``"c:GB"`` for a country (ISO 3166-1 alpha-2), else ``"n:<folded name>"``;
  office holders map to their country (``Keir Starmer`` -> ``"c:GB"``).
- object: a pledge's ``what`` (``"troops"``); a refusal's ``what`` phrase mapped to
  the same vocabulary (``"NATO troops in Ukraine"`` -> ``"troops"``), ``"~sanctions"``
  for its reversal (``"lifting sanctions"``), ``"x:<words>"`` when no category fits.
- date: ``(first day ordinal, last day ordinal, granularity)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from claimkit.consistency._gazetteer import (
    COUNTRY_ALIASES,
    LOCATION_ALIASES,
    ORG_ALIASES,
    PERSON_AFFILIATION,
)
from claimkit.consistency._text import fold
from claimkit.schemas import Actor, ActorKind, ClaimBase

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


def _pycountry_index() -> dict[str, str]:
    index: dict[str, str] = {}
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return index
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(fold(value), c.alpha_2)
    return index


def _normaliser() -> Callable[..., Actor] | None:
    """``claimkit.normalize.resolve_actor`` when that module is installed."""
    try:
        from claimkit.normalize import resolve_actor
    except ImportError:
        return None
    return resolve_actor


class KeyBuilder:
    """Computes and memoises grouping keys.

    Args:
        affiliations: extra or overriding ``{person name: country name, ISO code
            or organisation}`` entries (``{"Kaja Kallas": "European Union"}``).
        use_normaliser: resolve actors without an ISO code through
            ``claimkit.normalize.resolve_actor`` when it is available.
    """

    def __init__(
        self, affiliations: Mapping[str, str] | None = None, *, use_normaliser: bool = True
    ) -> None:
        self._countries = {**_pycountry_index(), **COUNTRY_ALIASES}
        self._affil = dict(PERSON_AFFILIATION)
        for person, target in (affiliations or {}).items():
            self._affil[fold(person)] = self._name_key(target)
        self._resolve = _normaliser() if use_normaliser else None
        self._actor_memo: dict[tuple[Any, ...], str] = {}
        self._loc_memo: dict[str, str] = {}

    def _name_key(self, name: str) -> str:
        f = fold(name)
        if len(name) == 2 and name.isupper():
            return f"c:{name}"
        iso = self._countries.get(f)
        if iso:
            return f"c:{iso}"
        return f"n:{ORG_ALIASES.get(f, f)}"

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
        f = fold(actor.name or actor.text)
        if f in self._affil:
            return self._affil[f]
        if actor.kind in (None, ActorKind.country, "country"):
            iso = self._countries.get(f)
            if iso:
                return f"c:{iso}"
        if self._resolve is not None and not actor.resolved:
            try:
                resolved = self._resolve(actor.text)
            except Exception:  # a normaliser bug must not stop validation
                log.debug("resolve_actor failed on %r", actor.text, exc_info=True)
            else:
                if resolved.iso_code:
                    return f"c:{resolved.iso_code.upper()}"
                if resolved.name:
                    rf = fold(resolved.name)
                    if rf in self._affil:
                        return self._affil[rf]
                    f = rf
        return f"n:{ORG_ALIASES.get(f, f)}"

    def actor_keys(self, actors: list[Actor]) -> tuple[str, ...]:
        """Distinct keys of several actors, in order."""
        out: list[str] = []
        for a in actors:
            k = self.actor_key(a)
            if k not in out:
                out.append(k)
        return tuple(out)

    def location_key(self, location: str | None) -> str | None:
        """Folded place name with transliteration variants merged ("Kiev" -> "kyiv")."""
        if not location:
            return None
        hit = self._loc_memo.get(location)
        if hit is None:
            f = fold(location)
            hit = LOCATION_ALIASES.get(f, f)
            self._loc_memo[location] = hit
        return hit or None

    def object_key(self, claim: ClaimBase) -> str | None:
        """What a position is about; None when it cannot be compared with others."""
        t = claim.type
        if t == "pledge":
            what = getattr(claim, "what", None)
            value = getattr(what, "value", what)
            if value and value != "other":
                return str(value)
            # "other" pledges only group when their summaries say the same words
            return content_key(claim.summary)
        if t == "refusal":
            return categorize(getattr(claim, "what", None))
        if t == "warning":
            targets = getattr(claim, "target", None) or []
            if targets:
                return "t:" + "|".join(sorted(self.actor_keys(targets)))
            return categorize(getattr(claim, "consequence", None))
        what = getattr(claim, "what", None)
        return categorize(what) if isinstance(what, str) else None
