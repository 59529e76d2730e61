"""Russian and Ukrainian names in Latin letters: claimkit's table against maintained libraries.

``normalize/_names.py`` writes a Cyrillic name of a person in no gazetteer as English news
write it (:func:`claimkit.normalize._names._transliterated`). This measures it against the
libraries made for the job, on the names of the project's own tables and tests: the
gazetteer's Russian and Ukrainian people with a Cyrillic full name (their English name is
the answer), the Russian and Ukrainian full names of the hand-written actor cases
(``tests/data/rules_actors.jsonl``, in the nominative, with the expected actor), and the
examples of docs/normalize.md. It prints, per candidate, how many come out as English news
write them and the time per name, then the names each gets otherwise, and how often a
library writes a gazetteer word as claimkit does. The libraries are not dependencies of
claimkit; install them to run this (a missing one is left out):

    .venv/bin/pip install iuliia translitua cyrtranslit anyascii
    .venv/bin/python bench/transliteration.py

Results are in docs/normalize.md ("Dependencies and why": not a dependency).
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from claimkit.normalize._names import _transliterated  # noqa: E402

Pair = tuple[str, str, str]  # (the name in Cyrillic, ru or uk, the English news spelling)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FULL_NAME = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+ [А-ЯЁІЇЄҐ][а-яёіїєґ'’]+")
_NOT_NOMINATIVE = re.compile(r"(ом|ем|им|ым|ой|ою|ої)\b")
_DOCS = [("Антон Силуанов", "ru", "Anton Siluanov"), ("Арарат Мирзоян", "ru", "Ararat Mirzoyan"),
         ("Олег Ткаченко", "uk", "Oleh Tkachenko"), ("Андрій Сибіга", "uk", "Andrii Sybiha"),
         ("Евгений", "ru", "Yevgeny"), ("Дмитрий", "ru", "Dmitry"), ("Ігор", "uk", "Ihor"),
         ("Сергей Лавров", "ru", "Sergey Lavrov"), ("Володимир Зеленський", "uk", "Volodymyr Zelensky")]


def _gazetteer_pairs(gazetteer: dict) -> list[Pair]:
    """Russian and Ukrainian people's Cyrillic full names in their own language."""
    pairs = []
    for e in gazetteer["entries"]:
        lang = {"RU": "ru", "BY": "ru", "UA": "uk"}.get(e.get("affiliation", ""))
        if e.get("kind") != "person" or lang is None:
            continue
        for alias in e.get("aliases", []):
            if (not isinstance(alias, str) or not _CYRILLIC.search(alias) or "*" in alias
                    or not 2 <= len(alias.split()) == len(e["name"].split())):
                continue
            other = "[іїєґІЇЄҐ]" if lang == "ru" else "[ыэёъЫЭЁЪ]"
            if not re.search(other, alias):
                pairs.append((alias, lang, e["name"]))
    return pairs


def _test_pairs() -> list[Pair]:
    """Full names in the nominative in the Russian and Ukrainian actor cases of the tests,
    each with the expected actor whose first and last words start as its own do."""
    pairs = []
    for line in (ROOT / "tests/data/rules_actors.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["lang"] not in ("ru", "uk"):
            continue
        for actor in (a for a in case.get("actor", []) if len(a.split()) == 2):
            for m in _FULL_NAME.finditer(case["text"]):
                mine = _transliterated(m.group(), case["lang"]) or ""
                if (not _NOT_NOMINATIVE.search(m.group()) and len(mine.split()) == 2
                        and all(a[:3] == b[:3] for a, b in zip(mine.split(), actor.split(), strict=True))):
                    pairs.append((m.group(), case["lang"], actor))
    return pairs


def _candidates() -> dict[str, Callable[[str, str], str | None]]:
    """claimkit's function and each installed library, as ``f(name, language)``."""
    found: dict[str, Callable[[str, str], str | None]] = {"claimkit _transliterated": _transliterated}
    libs = {n: _optional(n) for n in ("iuliia", "translitua", "cyrtranslit", "anyascii")}
    iu, tua, cyr, anya = libs["iuliia"], libs["translitua"], libs["cyrtranslit"], libs["anyascii"]
    if iu is not None and tua is not None:
        found["iuliia WIKIPEDIA (ru), translitua KMU (uk)"] = (
            lambda n, lang: iu.WIKIPEDIA.translate(n) if lang == "ru" else tua.translit(n, tua.UkrainianKMU))
        found["iuliia BGN_PCGN (ru), translitua KMU (uk)"] = (
            lambda n, lang: iu.BGN_PCGN.translate(n) if lang == "ru" else tua.translit(n, tua.UkrainianKMU))
    if tua is not None:
        found["translitua passport (ru), KMU (uk)"] = lambda n, lang: tua.translit(
            n, tua.UkrainianKMU if lang == "uk" else tua.RussianInternationalPassport)
    if cyr is not None:
        found["cyrtranslit"] = lambda n, lang: cyr.to_latin(n, "ua" if lang == "uk" else "ru")
    if anya is not None:
        found["anyascii"] = lambda n, lang: anya.anyascii(n)
    return found


def _optional(name: str) -> object | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        print(f"({name} is not installed: left out)")
        return None


def _measure(label: str, f: Callable[[str, str], str | None], pairs: list[Pair]) -> list[str]:
    """Print how many of ``pairs`` ``f`` writes as English news do, and its time per name."""
    misses = [f"{c} -> {f(c, lang)} (English news: {en})" for c, lang, en in pairs if f(c, lang) != en]
    by_lang = {lang: sum(f(c, x) == en for c, x, en in pairs if x == lang) for lang in ("ru", "uk")}
    start = time.perf_counter()
    for _ in range(200):
        for c, lang, _en in pairs:
            f(c, lang)
    us = (time.perf_counter() - start) / (200 * len(pairs)) * 1e6
    print(f"{label:44s} {len(pairs) - len(misses):3d}/{len(pairs)} (ru {by_lang['ru']}, uk {by_lang['uk']}) "
          f"as English news write them, {us:5.1f} us a name")
    return misses


def main() -> None:
    gazetteer = json.loads((ROOT / "src/claimkit/data/gazetteer.json").read_text(encoding="utf-8"))
    pairs = list(dict.fromkeys(_gazetteer_pairs(gazetteer) + _test_pairs() + _DOCS))
    counts = {lang: sum(p[1] == lang for p in pairs) for lang in ("ru", "uk")}
    print(f"{len(pairs)} names ({counts['ru']} Russian, {counts['uk']} Ukrainian)")
    candidates = _candidates()
    misses = {label: _measure(label, f, pairs) for label, f in candidates.items()}
    for label, missed in misses.items():
        print(f"\n{label} writes otherwise:", *missed, sep="\n  ")
    words = sorted({w for e in gazetteer["entries"] if e.get("kind") == "person"
                    for a in e.get("aliases", []) if isinstance(a, str)
                    for w in a.replace("-", " ").split() if re.fullmatch(r"[\u0400-\u04ff'’]+", w)})
    print(f"\n{len(words)} Cyrillic words of the gazetteer's people, read as Russian and as Ukrainian:")
    for label, f in list(candidates.items())[1:]:
        same = {lang: sum(f(w, lang) == _transliterated(w, lang) for w in words) for lang in ("ru", "uk")}
        print(f"  {label:44s} as claimkit writes them: ru {same['ru']}, uk {same['uk']}")


if __name__ == "__main__":
    main()
