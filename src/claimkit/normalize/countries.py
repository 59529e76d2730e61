"""Country names in many languages -> ISO 3166-1 alpha-2 code and English name.

The names come from two maintained sources instead of a hand-written list:

* CLDR territory names via :mod:`babel` (``Locale(lang).territories``) for the
  locales in :data:`CLDR_LOCALES`: "英国", "Vương quốc Anh", "Inggris Raya",
  "Великобритания", "المملكة المتحدة" ...
* :mod:`pycountry` (ISO 3166) for official and common English names
  ("Russian Federation", "United Kingdom of Great Britain and Northern Ireland").

Short forms and demonyms that name a country as an actor in news ("Britain",
"U.S.", "Mỹ", "AS", "米国") are data, not code: they live in the gazetteer file
(``countries`` section) so users can extend them.

The canonical English name is CLDR's English short name with a few fixes so
that it is the common English short name used in news and in the gold
guidelines: "Turkey" (CLDR now says "Türkiye"), "Myanmar" (not "Myanmar
(Burma)"), "Hong Kong" (not "Hong Kong SAR China"), "and" for "&".

Tables are built on first use and cached (see :func:`country_table`).
"""

from __future__ import annotations

import functools
import logging
import unicodedata

__all__ = ["CLDR_LOCALES", "country_name", "country_table", "is_country_code"]

logger = logging.getLogger(__name__)

#: CLDR locales whose territory names are accepted as country names.
CLDR_LOCALES: tuple[str, ...] = (
    "en", "zh", "zh_Hant", "ja", "ko", "vi", "id", "ms", "fr", "de", "es", "it", "pt",
    "pl", "uk", "ru", "hr", "ar", "tr", "nl",
)  # fmt: skip
# Each locale costs ~10 ms to load, and more locales (et, fi, hu...) add words that
# collide with names in other languages ("Taani" is Estonian for Denmark and a
# misspelt "Tajani"). Extra names for other languages go in a gazetteer file.

# Where CLDR's English name is not the common short name news (and the gold
# guidelines) use.
_NAME_FIXES: dict[str, str] = {
    "TR": "Turkey",
    "MM": "Myanmar",
    "HK": "Hong Kong",
    "MO": "Macau",
    "PS": "Palestine",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "VA": "Vatican City",
}

# CLDR "territories" that are not countries (regions, EU, UN, ...).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


@functools.cache
def _iso_codes() -> frozenset[str]:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries}
    codes.add("XK")  # Kosovo: user-assigned in ISO 3166 but used by CLDR and the EU
    return frozenset(codes)


def is_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code that names a country or territory."""
    return code in _iso_codes()


@functools.cache
def _territories(locale: str) -> dict[str, str]:
    """CLDR territory names of one locale (babel re-reads locale data on every parse)."""
    from babel import Locale, UnknownLocaleError, localedata

    try:
        # the locale's own data holds all territory names in current CLDR; merging
        # in the root locale (what Locale.territories does) costs three times more
        own = localedata.load(locale, merge_inherited=False).get("territories")
        if own and len(own) > 250:
            return dict(own)
        return dict(Locale.parse(locale).territories)
    except (UnknownLocaleError, ValueError, OSError):  # a locale an old babel lacks: skip it
        logger.debug("babel has no locale %s", locale)
        return {}


@functools.cache
def _english_names() -> dict[str, str]:
    en = _territories("en")
    names: dict[str, str] = {}
    for code in _iso_codes():
        name = _NAME_FIXES.get(code) or en.get(code) or code
        name = name.replace(" & ", " and ")
        if name.startswith("St. "):
            name = "Saint " + name[4:]
        names[code] = name
    return names


def country_name(code: str) -> str | None:
    """Common English short name of an ISO alpha-2 code ("GB" -> "United Kingdom")."""
    return _english_names().get(code.upper())


@functools.cache
def country_table() -> dict[str, str]:
    """Every known country name (NFC, as written) -> ISO alpha-2 code.

    Built on first call from CLDR (babel) and pycountry, then cached. A name
    that CLDR gives to two different codes in different languages is dropped,
    because it would be a guess.
    """
    import pycountry

    table: dict[str, str] = {}
    clashes: set[str] = set()

    def add(name: str | None, code: str) -> None:
        if not name:
            return
        name = unicodedata.normalize("NFC", name.strip())
        if len(name) < 2 or name in clashes:
            return
        old = table.get(name)
        if old is not None and old != code:
            clashes.add(name)
            del table[name]
            return
        table[name] = code

    codes = _iso_codes()
    for code, name in _english_names().items():
        add(name, code)
    for loc in CLDR_LOCALES:
        for code, name in _territories(loc).items():
            if code in codes and code not in _NOT_COUNTRIES:
                add(name, code)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(c, attr, None), c.alpha_2)
    logger.debug("country table: %d names, %d clashes dropped", len(table), len(clashes))
    return table


def cldr_names(code: str) -> list[str]:
    """CLDR names of a territory code in :data:`CLDR_LOCALES` (e.g. "EU", "UN")."""
    out: list[str] = []
    for loc in CLDR_LOCALES:
        name = _territories(loc).get(code)
        if name and name not in out:
            out.append(unicodedata.normalize("NFC", name))
    return out
