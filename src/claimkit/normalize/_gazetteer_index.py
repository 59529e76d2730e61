"""Private helpers of the gazetteer: alias records, the index, case and title rules.

Split from :mod:`claimkit.normalize.actors` to keep that module about the
public :class:`~claimkit.normalize.actors.Gazetteer`; nothing here is public API.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from claimkit.errors import InputError
from claimkit.text import Script, fold_case, is_cjk, is_word_char, word_ok_before, written_in

#: Environment variable naming extra gazetteer files (os.pathsep-separated).
ENV_VAR = "CLAIMKIT_GAZETTEER"
T = TypeVar("T")


def env_cached(cache: dict[str, T], load: Callable[..., T]) -> T:
    """``load(*paths, include_default=True)`` for the files named in ``CLAIMKIT_GAZETTEER``.

    Cached in ``cache`` per value of the variable, so tables are built once per setting.
    """
    env = os.environ.get(ENV_VAR, "")
    cached = cache.get(env)
    if cached is None:
        paths = [p for p in env.split(os.pathsep) if p.strip()]
        cached = cache[env] = load(*paths, include_default=True)
    return cached

FUZZY_FLOOR = 90.0
FUZZY_MIN_LEN = 6
END = "\0"


def _lang(language: str | None) -> str | None:
    if not language:
        return None
    return language.replace("_", "-").split("-")[0].lower()


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


@dataclass(frozen=True)
class _Alias:
    text: str
    entry: int
    languages: frozenset[str] | None
    stem: bool = False  # inserted without its final vowel, for inflected languages


@dataclass
class _Index:
    by_key: dict[str, list[_Alias]]
    trie: dict[str, Any]
    abbrev: dict[str, tuple[int, frozenset[str] | None, str]]
    titles: list[str]
    fuzzy_single: dict[str, set[int]]
    fuzzy_multi: dict[str, set[int]]
    loose: dict[str, list[_Alias]] = field(default_factory=dict)
    fuzzy_cache: dict[str, int | None] = field(default_factory=dict)


def _languages(value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).lower() for v in value)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), f"gazetteer file not found; fix the path or {ENV_VAR}") \
            from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a readable gazetteer JSON file: {exc}") from None
    if not isinstance(doc, dict):
        raise InputError(str(path), "a gazetteer file must hold a JSON object with 'entries'")
    return doc


def _alias_spec(a: Any) -> tuple[str, frozenset[str] | None]:
    if isinstance(a, str):
        return (_nfc(a), None)
    return (_nfc(str(a["text"])), _languages(a.get("lang")))


def _trie_add(trie: dict[str, Any], key: str, al: _Alias) -> None:
    node = trie
    for ch in key:
        node = node.setdefault(ch, {})
    node.setdefault(END, []).append(al)


def _lang_ok(langs: frozenset[str] | None, lang: str | None) -> bool:
    return langs is None or lang is None or lang in langs


def _case_ok(alias: str, surface: str) -> bool:
    cased = [c for c in alias if c.lower() != c.upper()]
    if not cased:
        return True
    if len(cased) >= 2 and all(c.isupper() for c in cased):
        return alias == surface.translate(_QUOTES)
    if " " not in alias and cased[0].isupper():
        first = next((c for c in surface if c.lower() != c.upper()), "")
        return first.isupper()
    return True


_QUOTES = str.maketrans({"’": "'", "‘": "'"})


_FUZZY_SCRIPTS = frozenset({Script.LATIN, Script.CYRILLIC})
_FUZZY_MAX = 100


def _fuzzy_ok(s: str) -> bool:
    """Whether ``s`` may be matched fuzzily: Latin (incl. Vietnamese) or Cyrillic letters only.

    Spaces, hyphens, apostrophes and dots may come between the letters. Longer
    than any name (:data:`_FUZZY_MAX`): no (a 30 MB "word" is not scanned).
    """
    return len(s) <= _FUZZY_MAX and written_in(s, _FUZZY_SCRIPTS, ignore=" -'’.")


def _fuzzy(index: _Index, keys: dict[str, set[int]], s: str, min_len: int) -> int | None:
    key = fold_case(s)
    if len(key) < min_len:
        return None
    cache = index.fuzzy_cache
    ck = ("M" if keys is index.fuzzy_multi else "S") + key
    if ck in cache:
        return cache[ck]
    from rapidfuzz import fuzz, process

    hit: int | None = None
    if key not in index.by_key:  # exact aliases were handled (or refused) by the trie
        best = process.extract(key, keys.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_FLOOR,
                               limit=5)
        entries: set[int] = set()
        for cand, _score, _ in best:
            if cand[0] == key[0] and abs(len(cand) - len(key)) <= 2:
                entries |= keys[cand]
        if len(entries) == 1:
            hit = entries.pop()
    cache[ck] = hit
    return hit


def _skip_space(text: str, i: int) -> int:
    return i + 1 if i < len(text) and text[i] == " " else i


def _title_at(titles: list[str], text: str, folded: str, p: int, *, forward: bool) -> int | None:
    """End (forward) or start (backward) of a title touching position ``p``."""
    for t in titles:
        if forward:
            if not is_cjk(t[0]):
                continue
            if folded.startswith(t, p):
                return p + len(t)
        elif p >= len(t) and folded[p - len(t):p] == t:
            q = p - len(t)
            if not is_word_char(t[0]) or word_ok_before(text, q):
                return q
    return None
