"""Script-aware sentence and clause segmentation for the rules backend.

Offsets always index the original text, so a clause is a slice of
``Document.text`` by construction. Sentences end at 。！？；!?; (and a closing
quote after them), at line breaks, and at a period followed by a space unless
it ends an abbreviation or an initial ("U.S.", "Mr."). Clauses split a
sentence at commas, colons and semicolons (not inside numbers such as
"10,000"), and in Japanese also at 、; clauses too short to state a claim are
joined to their neighbour.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Sentence", "dominant_script", "pick_languages", "segment"]

_SENT_END = re.compile(
    r"[。！？；!?;…]+[」』”’\"')）]*"  # CJK/Latin enders, closing quotes after them
    r"|\n+"
    r"|(?<=[^\s.])\.(?:[”’\"')）]*)(?=\s|$)"  # a period before a space
)
_CLAUSE_SPLIT = re.compile(r"[,，;；:：]|(?<=\s)[-–—•](?=\s)")
_JA_SPLIT = re.compile(r"、")
_ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "sen", "rep", "gov", "pres", "prof", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.u", "u.n", "approx"]
)
_TRIM = " \t\r\n\u3000\"'“”‘’「」『』«»()（）[]【】-–—•·*"
_CJK_MIN = 6
_LATIN_MIN = 14


@dataclass(frozen=True)
class Sentence:
    """A sentence and its clauses, as ``(start, end)`` offsets into the text."""

    start: int
    end: int
    clauses: tuple[tuple[int, int], ...]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _TRIM or text[start] in ",，、;；:：.。"):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] in ",，、;；:：.。!?！？…"):
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int) -> bool:
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].casefold()
    return len(word) == 1 or word in _ABBREV


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        s, e = _trim(text, s, e)
        if e > s:
            out.append((s, e))
    return out


def _is_cjk(text: str) -> bool:
    return dominant_script(text) in ("han", "kana", "hangul")


def _clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    cjk = _is_cjk(text[start:end])
    cuts = [m for m in _CLAUSE_SPLIT.finditer(text, start, end) if not _inside_number(text, m.start())]
    positions = [m.start() for m in cuts]
    if dominant_script(text[start:end]) == "kana":
        positions += [m.start() for m in _JA_SPLIT.finditer(text, start, end)]
    positions.sort()
    pieces = []
    prev = start
    for p in positions:
        pieces.append((prev, p))
        prev = p + 1
    pieces.append((prev, end))
    trimmed = [_trim(text, s, e) for s, e in pieces]
    trimmed = [(s, e) for s, e in trimmed if e > s]
    minimum = _CJK_MIN if cjk else _LATIN_MIN
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for s, e in trimmed:
        if pending is not None:
            s = pending[0]
            pending = None
        if e - s < minimum:
            pending = (s, e)
            continue
        merged.append((s, e))
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], pending[1])
        else:
            merged.append(pending)
    return tuple(merged) or ((start, end),)


def _inside_number(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def segment(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and clauses (offsets into ``text``)."""
    return [Sentence(s, e, _clauses(text, s, e)) for s, e in _sentence_bounds(text)]


def _char_script(c: str) -> str | None:
    o = ord(c)
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "kana"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if 0x0600 <= o <= 0x06FF:
        return "arabic"
    if c.isalpha() and unicodedata.name(c, "").startswith("LATIN"):
        return "latin"
    return None


def dominant_script(text: str) -> str:
    """``kana`` (Japanese), ``hangul``, ``han``, ``cyrillic``, ``arabic`` or ``latin``."""
    counts: dict[str, int] = {}
    for c in text:
        s = _char_script(c)
        if s:
            counts[s] = counts.get(s, 0) + 1
    if not counts:
        return "latin"
    if counts.get("kana", 0) >= 2:  # Japanese mixes kana with kanji
        return "kana"
    if counts.get("hangul", 0) > counts.get("han", 0):
        return "hangul"
    return max(counts, key=lambda k: counts[k])


_WORD = re.compile(r"\w+", re.UNICODE)


def pick_languages(
    text: str,
    doc_language: str | None,
    by_script: dict[str, list[str]],
    markers: dict[str, frozenset[str]],
) -> list[str]:
    """Which languages' cues to apply to one sentence.

    The sentence's script narrows the choice; among Latin or Cyrillic
    languages, frequent function words ("markers") pick the language, and the
    document's language is added when it uses the same script. Pages mix
    languages (an English summary under a Chinese article), so this is decided
    per sentence, not per document.
    """
    script = dominant_script(text)
    doc = (doc_language or "").split("-")[0].lower() or None
    if script == "kana":
        return ["ja"]
    if script == "han":
        return ["zh", "ja"] if doc == "ja" else ["zh"]
    if script == "hangul":
        return ["ko"]
    candidates = by_script.get(script, [])
    if not candidates:
        return [doc] if doc else []
    words = [w.casefold() for w in _WORD.findall(text)]
    scores = {c: sum(1 for w in words if w in markers.get(c, frozenset())) for c in candidates}
    if script == "cyrillic" and any(ch in text for ch in "іїєґІЇЄҐ"):
        scores["uk"] = scores.get("uk", 0) + 3
    best = max(candidates, key=lambda c: (scores[c], c == doc, c == "en"))
    chosen = [best] if scores[best] > 0 else []
    if doc in candidates and doc not in chosen:
        chosen.append(doc)
    if not chosen:
        chosen = ["en"] if "en" in candidates else candidates[:1]
    return chosen


def unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
