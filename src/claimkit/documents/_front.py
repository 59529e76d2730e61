"""Front matter of a ``.txt`` article: a header of ``key: value`` lines, as scrapers write.

Two forms are read at the very top of a text file (a byte-order mark and
blank lines before it aside)::

    ---                               title: Macron pledges air defence
    title: Macron pledges air defence  url: https://example.org/a
    published: 2025-03-27              published: 2025-03-27
    ---                                                    (a blank line)
    PARIS ...                          PARIS ...

A ``---`` block may hold other keys (they are ignored); the bare form counts
only when every line before the first blank line is one of the known keys,
so an article that opens with "PARIS: ..." is never taken for a header. The
keys: ``title``, ``url`` (or ``link``), ``published`` (or ``date``; an ISO
date, a date-time is cut to its day) and ``language`` (or ``lang``, a
two-letter code). Values may be quoted. Nothing else of YAML is read: a value
is one line of text, never a number, list or boolean.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = ["FrontMatter", "front_matter"]

_KEYS = {
    "title": "title", "url": "url", "link": "url", "published": "published",
    "date": "published", "language": "language", "lang": "language",
}
_LINE = re.compile(r"[ \t]*([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$")
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?")
_LANG = re.compile(r"[a-z]{2}")
#: a header is looked for in this many characters at the top of a file
_MAX_HEADER = 4000


@dataclass
class FrontMatter:
    """What a header says, and where the article starts after it."""

    end: int = 0  # offset of the first character after the header (0: no header)
    values: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _value(key: str, raw: str, fm: FrontMatter) -> None:
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    if not text:
        return
    if key == "published":
        m = _DATE.fullmatch(text)
        try:
            fm.values[key] = dt.date.fromisoformat(m.group(1)) if m else None
        except ValueError:
            m = None
        if m is None:
            fm.values.pop(key, None)
            fm.notes.append(f"front matter: published {text[:40]!r} is not a date (YYYY-MM-DD); ignored")
    elif key == "language":
        if _LANG.fullmatch(text.lower()):
            fm.values[key] = text.lower()
        else:
            fm.notes.append(f"front matter: language {text[:20]!r} is not a two-letter code; ignored")
    else:
        fm.values[key] = text[:2000]


def front_matter(text: str) -> FrontMatter:
    """The header at the top of ``text``, if any (``end == 0``: none)."""
    head = text[:_MAX_HEADER]
    offset = len(head) - len(head.lstrip("\ufeff \t\r\n"))
    lines = head[offset:].split("\n")[:-1]  # whole lines only
    fenced = bool(lines) and lines[0].rstrip() == "---"
    pairs = _pairs(lines[1:] if fenced else lines, fenced)
    if pairs is None:
        return FrontMatter()
    used, found = pairs
    fm = FrontMatter(end=offset + sum(len(line) + 1 for line in lines[: used + fenced]))
    for key, raw in found:
        if key in _KEYS:
            _value(_KEYS[key], raw, fm)
    return fm


def _pairs(lines: list[str], fenced: bool) -> tuple[int, list[tuple[str, str]]] | None:
    """The header's (key, value) pairs and how many lines it takes; None: no header."""
    found: list[tuple[str, str]] = []
    for n, line in enumerate(lines):
        if fenced and line.rstrip() == "---":
            return n + 1, found
        if not line.strip():
            if fenced:
                continue
            return (n, found) if found else None
        m = _LINE.fullmatch(line)
        if m is None or (not fenced and m.group(1).lower() not in _KEYS):
            return None  # not a header: the article itself
        found.append((m.group(1).lower(), m.group(2)))
    return None  # no closing --- or blank line near the top
