"""Recognise a publication-date line ("Sou Hu Cai Jing· 2026-02-25 23:08").

A *date line* is a short line that holds a full calendar date (day, month and
a four-digit year) and little else: a source name, a time, a label. A date
without a year ("Ngày 10/4") is never a publication date, and a sentence that
mentions a date is not a date line. Numeric dates are read by rule; dates with
a month name by :mod:`._named` (Arabic names by table, the others by dateparser,
imported only when one is seen).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimkit.documents._named import month_by_table, read_named, valid_date
from claimkit.text import CJK_CHAR, SCRIPT_RANGES, Script, char_class

_YEAR = r"(?:19|20)\d\d"
# 2025-03-28, 2025/3/28, 2025.03.28, 2025年3月28日, 2025년 3월 28일
_YMD = re.compile(
    rf"(?<!\d)({_YEAR})\s*[-/.年년]\s*(\d{{1,2}})\s*[-/.月월]\s*(\d{{1,2}})\s*[日일]?(?!\d)"
)
# 28.03.2025, 28/3/2025, 03-28-2025 (day or month first; see _numeric_dmy)
_XXY = re.compile(rf"(?<!\d)(\d{{1,2}})\s*([-/.])\s*(\d{{1,2}})\s*[-/.]\s*({_YEAR})(?!\d)")
#: between the parts of a named date: spaces, Spanish/Portuguese "de", or one dot
#: without spaces ("18 de febrero de 2025", "23 de outubro de 2025", "14.ago.2025")
_PART = r"(?:\.?,?\s+(?:de\s+|del\s+)?|\.)"
# 28 March 2025, 28. März 2025, 28th Mar. 2025, 18 de febrero de 2025, 14.ago.2025
_D_MON_Y = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?{_PART}([^\W\d_]{{3,}}){_PART}({_YEAR})(?!\d)"
)
# March 28, 2025, Mar. 28 2025
_MON_D_Y = re.compile(
    rf"(?<![^\W\d_])([^\W\d_]{{3,}}\.?)\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})(?!\d)"
)
# 6 تشرين الأول/أكتوبر 2025, 11 أغسطس/آب 2025: a month named twice (Levantine / Egyptian Arabic)
_D_MON_ALT_Y = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*/\s*([^\W\d_]{{2,}})\s+({_YEAR})(?!\d)"
)
# 6 تشرين الأول 2025, 11 آب 2025: an Arabic month name of two words, or of two letters
_D_MON2_Y = re.compile(rf"(?<!\d)(\d{{1,2}})\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)\s+({_YEAR})(?!\d)")
#: every full date above holds a year: a line without one is no date line (one search, not four)
_ANY_YEAR = re.compile(_YEAR)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?!\d)")
_WORD = re.compile(r"[^\W_]+")

#: longest line (stripped, in characters) that can be a date line
MAX_DATE_LINE = 100
#: most words a date line may hold besides the date and time
MAX_OTHER_WORDS = 6
_SENTENCE_END = (".", "。", "．", "!", "！", "?", "？", ";", "；")


@dataclass(frozen=True)
class DateLine:
    """A line found to be a date line."""

    date: dt.date | None  # None: a full date is there but its reading is ambiguous
    raw: str  # the date text as written


def word_count(text: str) -> int:
    """Words in ``text``, counting two CJK characters as one word."""
    cjk = len(CJK_CHAR.findall(text))
    return len(_WORD.findall(CJK_CHAR.sub(" ", text))) + (cjk + 1) // 2


#: Han and kana: the scripts written without spaces between words (Hangul has them)
_UNSPACED_CHAR = re.compile("[" + "".join(char_class(SCRIPT_RANGES[s]) for s in (Script.HAN, Script.KANA)) + "]")


def _spaced_word_count(text: str) -> int:
    """Words in ``text``: two Chinese or Japanese characters count as one word, and a
    Korean word is a word (Korean is written with spaces: "입력", "기자", "오전")."""
    unspaced = len(_UNSPACED_CHAR.findall(text))
    return len(_WORD.findall(_UNSPACED_CHAR.sub(" ", text))) + (unspaced + 1) // 2


def _numeric_dmy(a: int, b: int, year: int, language: str | None) -> dt.date | None:
    # Day first is the rule almost everywhere; month first is US English (and
    # US dates use slashes, not dots: callers pass language=None for dots). When
    # both readings are valid and the text is English we cannot tell: no date.
    if a > 12:
        return valid_date(year, b, a)
    if b > 12:
        return valid_date(year, a, b)
    if a == b:
        return valid_date(year, a, b)
    if language == "en":
        return None
    return valid_date(year, b, a)


def find_date(line: str, language: str | None = None) -> tuple[dt.date | None, str, str] | None:
    """The first full date in ``line``.

    Returns:
        ``(date or None if ambiguous, raw date text, line without that date)``,
        or ``None`` when the line holds no full date with a four-digit year.
    """
    if _ANY_YEAR.search(line) is None:
        return None
    match = _YMD.search(line)
    if match is not None:
        year, month, day = (int(g) for g in match.groups())
        return valid_date(year, month, day), match.group(0), _cut(line, match)
    match = _XXY.search(line)
    if match is not None:
        first, sep, second, year_text = match.groups()
        reading = None if sep == "." else language
        value = _numeric_dmy(int(first), int(second), int(year_text), reading)
        return value, match.group(0), _cut(line, match)
    for pattern, order in ((_D_MON_Y, (1, 2, 3)), (_MON_D_Y, (2, 1, 3))):
        match = pattern.search(line)
        if match is not None:
            # the parts alone, in one order: "de" and dots between them are spelling
            day_text, name, year_text = (match.group(k) for k in order)
            value = read_named(day_text, name, year_text, language)
            if value is not None:
                return value, match.group(0), _cut(line, match)
    return _two_names(line, language)


def _two_names(line: str, language: str | None) -> tuple[dt.date | None, str, str] | None:
    """A date whose month is named twice ("6 تشرين الأول/أكتوبر 2025": either name), or
    by an Arabic name of two words or two letters ("6 تشرين الأول 2025", "11 آب 2025":
    :func:`month_by_table`)."""
    match = _D_MON_ALT_Y.search(line)
    if match is not None:
        day, first, second, year = match.groups()
        for name in (second, first):
            value = read_named(day, name, year, language)
            if value is not None:
                return value, match.group(0), _cut(line, match)
    match = _D_MON2_Y.search(line)
    if match is not None and (month := month_by_table(match.group(2))) is not None:
        value = valid_date(int(match.group(3)), month, int(match.group(1)))
        if value is not None:
            return value, match.group(0), _cut(line, match)
    return None


def _cut(line: str, match: re.Match[str]) -> str:
    return line[: match.start()] + " " + line[match.end() :]


#: what may stand before the date of a dateline that ends with a period: a place of
#: one to three words, a comma, and at most two words (a weekday, "le")
_PLACE_BEFORE = re.compile(r"[^\W\d_]+(?:[\s'’-][^\W\d_]+){0,2},(?:\s+[^\W\d_]+){0,2}\s*")


def _place_then_date(line: str, raw: str) -> bool:
    """"Bruxelles, jeudi 5 février 2026.": a dateline closed by a period, not a sentence
    ("Meeting on 2025-03-27." names no place before a comma)."""
    at = line.find(raw)
    return line[at + len(raw) :].strip() == "." and _PLACE_BEFORE.fullmatch(line[:at]) is not None


def date_line(line: str, language: str | None = None) -> DateLine | None:
    """Read ``line`` as a date line, or return ``None`` if it is not one.

    A date line is at most :data:`MAX_DATE_LINE` characters, holds a full date,
    does not end like a sentence, and has at most :data:`MAX_OTHER_WORDS`
    words besides the date and a time (a source name, "Published", "Updated").
    """
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_DATE_LINE:
        return None
    found = find_date(stripped, language)
    if found is None:
        return None
    value, raw, rest = found
    rest = _TIME.sub(" ", rest).strip()
    if rest.endswith(_SENTENCE_END) and not _place_then_date(stripped, raw):
        return None
    if _spaced_word_count(rest) > MAX_OTHER_WORDS:
        return None
    return DateLine(date=value, raw=raw)
