"""Cue lexicons of the rules backend: loading, merging and compiling to regexes.

The lexicons are data (``claimkit/data/cues.json``) so users can extend them
without touching code; see the ``_about`` entry of that file for the pattern
syntax. Each (language, category) compiles once to a single alternation.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from claimkit.errors import InputError
from claimkit.text import is_unspaced

__all__ = ["CATEGORIES", "CLAIM_CUES", "CueBook", "LanguageCues", "load_cues"]

#: claim-type categories, in the order the backend tries them
CLAIM_CUES = ("pledge", "refusal", "warning", "meeting")
#: modifier categories (plain lists)
MODIFIERS = ("negation", "hedge", "condition", "future")
CATEGORIES = CLAIM_CUES + MODIFIERS
_GAP = r"[^.;:!?。！？；\n]{0,24}?"


def _pattern(cue: str, boundary: str) -> str:
    cue = cue.strip()
    if boundary == "auto":
        boundary = "none" if is_unspaced(cue) else "word"
    parts = []
    for piece in cue.split(" ... "):
        lead = piece.startswith("*")
        tail = piece.endswith("*")
        core = piece.strip("*")
        body = r"\s+".join(re.escape(w) for w in core.split())
        if lead:
            body = r"\w*" + body
        if tail:
            body += r"\w*"
        parts.append(body)
    regex = _GAP.join(parts)
    first, last = cue.lstrip("*")[:1], cue.rstrip("*")[-1:]
    if boundary in ("word", "start") and not cue.startswith("*") and first.isalnum():
        regex = r"(?<!\w)" + regex
    if boundary == "word" and not cue.endswith("*") and last.isalnum():
        regex += r"(?!\w)"
    return regex


def _compile(cues: Iterable[str], boundary: str) -> re.Pattern[str] | None:
    unique = sorted({c for c in cues if c and c.strip("* ")}, key=lambda c: (-len(c), c))
    if not unique:
        return None
    return re.compile("|".join(f"(?:{_pattern(c, boundary)})" for c in unique), re.IGNORECASE)


@dataclass
class LanguageCues:
    """Compiled cues of one language."""

    code: str
    script: str
    boundary: str
    negation_after: bool
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    what: dict[str, re.Pattern[str]] = field(default_factory=dict)
    formats: dict[str, re.Pattern[str]] = field(default_factory=dict)
    markers: frozenset[str] = frozenset()

    def find(self, category: str, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Matches of one category in ``text[start:end]`` (offsets into ``text``)."""
        pattern = self.patterns.get(category)
        if pattern is not None:
            yield from pattern.finditer(text, start, len(text) if end is None else end)


class CueBook:
    """All languages' cue lexicons, compiled lazily.

    City names live in :mod:`claimkit.normalize.places`; a ``cities`` object in
    a cue file (``{"Kyiv": ["Kyjiw"]}``, the format before ``places.json``) is
    still read into :attr:`city_names` and added to the places the backend uses.

    Args:
        data: the parsed JSON documents to merge, in order (later ones add
            cues to earlier ones' lists).
    """

    def __init__(self, data: Iterable[Mapping[str, Any]]) -> None:
        self.raw: dict[str, dict[str, Any]] = {}
        self.city_names: dict[str, list[str]] = {}
        for doc in data:
            self._merge(doc)
        self._compiled: dict[str, LanguageCues] = {}

    def _merge(self, doc: Mapping[str, Any]) -> None:
        for code, spec in (doc.get("languages") or {}).items():
            target = self.raw.setdefault(code, {})
            for key, value in spec.items():
                if isinstance(value, list):
                    target.setdefault(key, []).extend(str(v) for v in value)
                elif isinstance(value, dict):
                    sub = target.setdefault(key, {})
                    for k, v in value.items():
                        sub.setdefault(k, []).extend(str(x) for x in v)
                else:
                    target[key] = value
        for name, aliases in (doc.get("cities") or {}).items():
            self.city_names.setdefault(name, []).extend(str(a) for a in aliases)

    @property
    def languages(self) -> list[str]:
        return sorted(self.raw)

    def language(self, code: str) -> LanguageCues | None:
        """The compiled cues of ``code`` (``zh-Hant`` -> ``zh``), or None."""
        code = code.split("-")[0].split("_")[0].lower()
        if code in self._compiled:
            return self._compiled[code]
        spec = self.raw.get(code)
        if spec is None:
            return None
        boundary = str(spec.get("boundary", "word"))
        lc = LanguageCues(
            code=code,
            script=str(spec.get("script", "latin")),
            boundary=boundary,
            negation_after=bool(spec.get("negation_after", False)),
            markers=frozenset(m.casefold() for m in spec.get("markers", [])),
        )
        for cat in CATEGORIES:
            pattern = _compile(spec.get(cat, []), boundary)
            if pattern is not None:
                lc.patterns[cat] = pattern
        for group, target in (("what", lc.what), ("format", lc.formats)):
            for key, cues in (spec.get(group) or {}).items():
                pattern = _compile(cues, boundary)
                if pattern is not None:
                    target[key] = pattern
        self._compiled[code] = lc
        return lc

    def scripts(self) -> dict[str, list[str]]:
        """Language codes by the script their cues are written in."""
        out: dict[str, list[str]] = {}
        for code, spec in sorted(self.raw.items()):
            out.setdefault(str(spec.get("script", "latin")), []).append(code)
        return out

_DEFAULT: CueBook | None = None


def load_cues(*extra: str | os.PathLike[str] | Mapping[str, Any]) -> CueBook:
    """The bundled cue lexicons, extended by ``extra`` files or dicts.

    Raises:
        InputError: an extra file is missing or is not a cue JSON object.
    """
    global _DEFAULT
    if not extra and _DEFAULT is not None:
        return _DEFAULT
    raw = resources.files("claimkit").joinpath("data/cues.json").read_text("utf-8")
    docs: list[Mapping[str, Any]] = [json.loads(raw)]
    for item in extra:
        if isinstance(item, Mapping):
            docs.append(item)
            continue
        path = Path(item)
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"cue file cannot be read ({exc})") from None
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"cue file is not JSON ({exc.msg}, line {exc.lineno})") from None
        if not isinstance(data, dict) or not isinstance(data.get("languages", {}), dict):
            raise InputError(str(path), "a cue file is an object with a 'languages' object")
        docs.append(data)
    book = CueBook(docs)
    if not extra:
        _DEFAULT = book
    return book
