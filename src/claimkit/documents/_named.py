"""Read a full date written with a month name ("16 أيلول 2026", "3 mars 2026").

Three steps, cheapest first, each only when the one before it read nothing:

1. **Arabic month names, by table** (:data:`ARABIC_MONTHS`): the names of every
   region (Egyptian/standard "أغسطس", Levantine and Iraqi "آب", Moroccan "غشت",
   Tunisian and Algerian "أوت"), folded (hamza and madda on alef, short vowels). dateparser reads only the standard names; for the others it used
   to fall back to every language it knows, which loads all its locales (about
   1.3 s of CPU in a fresh process) and can read Urdu "آب"/"اب" as *now*.
2. **dateparser in the line's language** (imported and each locale loaded on first
   use).
3. **dateparser in a bounded list of languages of the name's script**
   (:data:`RETRY_LANGUAGES`): the detected language of a short line may be wrong
   ("12 March 2026" in a page read as German). Never all languages.

dateparser is asked for absolute dates only (no relative-time parser, a relative base
in 1900 that :func:`valid_date` rejects, a result with a time of day refused): a date
line's date is never the run's current date.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from claimkit.text import Script, fold, script_of

__all__ = ["ARABIC_MONTHS", "RETRY_LANGUAGES", "month_by_table", "parse_named", "read_named", "valid_date"]

_EARLIEST_YEAR = 1990

#: the month names of the Arabic-writing regions, one row a month (CLDR ``ar``, ``ar_SY``
#: (= ``ar_IQ``, ``ar_LB``, ``ar_JO``, ``ar_PS``), ``ar_MA``, ``ar_TN`` (= ``ar_DZ``),
#: ``ar_MR``, and the Egyptian "يونيه"/"يوليه")
_ARABIC_ROWS: tuple[tuple[str, ...], ...] = (
    ("يناير", "كانون الثاني", "كانون ثاني", "جانفي"),
    ("فبراير", "شباط", "فيفري"),
    ("مارس", "آذار"),
    ("أبريل", "إبريل", "نيسان", "أفريل"),
    ("مايو", "أيار", "ماي"),
    ("يونيو", "يونيه", "حزيران", "جوان"),
    ("يوليو", "يوليه", "تموز", "يوليوز", "جويلية"),
    ("أغسطس", "آب", "غشت", "أغشت", "أوت"),
    ("سبتمبر", "أيلول", "شتنبر", "شتمبر"),
    ("أكتوبر", "تشرين الأول", "تشرين أول"),
    ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر", "دجمبر"),
)

#: folded Arabic month name (:func:`claimkit.text.fold`: hamza and madda on alef, short
#: vowels dropped) -> 1..12
ARABIC_MONTHS: dict[str, int] = {fold(n): m for m, row in enumerate(_ARABIC_ROWS, 1) for n in row}


def month_by_table(name: str) -> int | None:
    """The month (1..12) an Arabic month name names, in any region's spelling, or ``None``."""
    return ARABIC_MONTHS.get(fold(name)) if name and script_of(name[0]) is Script.ARABIC else None


#: the languages dateparser is asked again in, by the script of the month name, when the
#: line's own language read nothing; Urdu is not among them (its "اب" is *now*)
RETRY_LANGUAGES: dict[Script, tuple[str, ...]] = {
    Script.LATIN: ("en", "fr", "es", "pt", "it", "de", "nl", "pl", "hr", "cs", "sk", "sl", "ro",
                   "tr", "id", "ms", "vi", "sv", "da", "nb", "fi", "hu", "ca"),  # fmt: skip
    Script.CYRILLIC: ("ru", "uk", "bg", "sr", "be", "mk"),
    Script.ARABIC: ("ar", "fa"),
}

#: absolute dates only: no relative parser ("now", "yesterday"), and a relative base that
#: :func:`valid_date` rejects should any reading still fall back on it
_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
    "RELATIVE_BASE": dt.datetime(1900, 1, 1),
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, if it exists, is not before 1990 and not over a year ahead."""
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    if value.year < _EARLIEST_YEAR or value > dt.date.today() + dt.timedelta(days=366):
        return None
    return value


@functools.lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser  # ~0.1 s import; only for dates with month names

    return dateparser


def read_named(day: str, name: str, year: str, language: str | None) -> dt.date | None:
    """The date "``day`` ``name`` ``year``" (a month name, any order in the text), or ``None``."""
    month = month_by_table(name)
    if month is not None:
        return valid_date(int(year), month, int(day))
    return parse_named(f"{day} {name} {year}", language)


@functools.lru_cache(maxsize=512)
def parse_named(raw: str, language: str | None) -> dt.date | None:
    """dateparser's reading of ``raw`` ("16 mars 2026") in ``language``, then, if that reads
    nothing, in the bounded :data:`RETRY_LANGUAGES` of the month name's script."""
    value = _ask(raw, (language,)) if language else None
    if value is None:
        script = script_of(next((c for c in raw if c.isalpha()), " "))
        retry = tuple(c for c in RETRY_LANGUAGES.get(script, ()) if c != language) if script else ()
        value = _ask(raw, retry) if retry else None
    return value


def _ask(raw: str, languages: tuple[str | None, ...]) -> dt.date | None:
    try:
        parsed = _dateparser().parse(raw, languages=list(languages), settings=dict(_SETTINGS))
    except (ValueError, TypeError, OverflowError):  # a language dateparser does not know
        return None
    if parsed is None or parsed.time() != dt.time(0):  # a time of day: "now", not this date
        return None
    return valid_date(parsed.year, parsed.month, parsed.day)
