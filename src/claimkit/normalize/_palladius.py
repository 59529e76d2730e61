"""Chinese names written in Cyrillic (the Palladius system) read back into pinyin.

Private to :mod:`claimkit.normalize` (the English names of officials in no gazetteer).
Russian and Ukrainian news write a Chinese name syllable by syllable in the Palladius
system ("Сунь Вэйдун", "Линь Цзянь", "Мао Нин"); letter-by-letter transliteration gives
"Sun Veydun", "Lin Tszyan", where English news write the pinyin "Sun Weidong", "Lin
Jian". :func:`from_palladius` undoes the system: each word is split into Palladius
syllables (every syllable of Mandarin, generated from its initials and finals,
:func:`_syllables`), each read as its pinyin; a word that does not split is no Chinese
name and the whole name is left (None). Only names of officials whose title names China,
Taiwan, Hong Kong, Macau or Singapore are read so (a Russian name such as "Ли Ан" would
split too).
"""

from __future__ import annotations

from functools import cache

__all__ = ["from_palladius"]

#: pinyin initials and their Palladius letters
_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г",
    "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж",
    "z": "цз", "c": "ц", "s": "с",
}
#: finals after an initial, and their Palladius letters ("ü" as "v")
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо",
    "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа",
    "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй",
    "ve": "юэ", "van": "юань", "vn": "юнь",
}
#: the finals that open with "i" or "ü": only these follow j, q, x; none follows z, c, s,
#: zh, ch, sh, r, g, k, h, f
_I_FINALS = frozenset({"i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong"})
_V_FINALS = frozenset({"v", "ve", "van", "vn"})
#: the syllables with no initial
_BARE = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь",
    "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю",
    "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ",
    "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй",
    "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн",
}
#: the longest Palladius syllable, in letters ("чжуань")
_LONGEST = 6


def _pinyin(initial: str, final: str) -> str | None:
    """The pinyin of ``initial`` and ``final`` when Mandarin has that syllable (roughly:
    the combinations its tables allow), else None; "ü" written "u" after j, q, x."""
    if final in _I_FINALS or final in _V_FINALS:
        if initial in ("z", "c", "s", "zh", "ch", "sh", "r", "g", "k", "h", "f"):
            return None
        if final in _V_FINALS and initial not in ("j", "q", "x", "n", "l"):
            return None
        if initial in ("j", "q", "x") and final in _V_FINALS:
            return initial + final.replace("v", "u")
        return initial + final.replace("v", "ü")
    if initial in ("j", "q", "x") or (final in ("o", "uo") and (final == "o") != (initial in ("b", "p", "m", "f"))):
        return None  # "bo", "mo"; "duo", "guo", "zhuo" ("до", "го", "чжо")
    return initial + final


@cache
def _syllables() -> dict[str, str]:
    """Every Palladius syllable and its pinyin ("вэй" wei, "цзянь" jian, "цзы" zi, "сы" si,
    "чжи" zhi); where two readings meet, the first made wins."""
    out: dict[str, str] = {cy: py for py, cy in _BARE.items()}
    out["хуэй"] = "hui"  # Palladius writes "hui" so, "gui", "dui" as "гуй", "дуй"
    for initial, cy_initial in _INITIALS.items():
        for final, cy_final in _FINALS.items():
            pinyin = _pinyin(initial, final)
            if pinyin is None:
                continue
            pinyin = pinyin.replace("ü", "u")  # "Lü", "Nü" as English news write them: "Lu"
            if final == "i" and initial in ("z", "c", "s"):
                cy_final = "ы"  # "цзы", "цы", "сы"
            out.setdefault(cy_initial + cy_final, pinyin)
    return out


def _split(word: str) -> list[str] | None:
    """``word`` (lower case) as pinyin syllables, fewest first, or None when it does not
    split into Palladius syllables."""
    table = _syllables()
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            head = best[start]
            piece = table.get(word[start:end])
            if head is not None and piece is not None and (best[end] is None or len(head) + 1 < len(best[end] or [])):
                best[end] = [*head, piece]
    return best[-1]


#: Ukrainian letters as the Russian ones of the system ("Сі Цзіньпін", "Сунь Вейдун")
_UK_AS_RU = str.maketrans({"і": "и", "и": "ы", "е": "э", "є": "е", "ї": "йи"})


def from_palladius(name: str, language: str | None = None) -> list[list[str]] | None:
    """The pinyin syllables of each word of a Chinese ``name`` written in the Palladius
    system ("Сунь Вэйдун" -> [["sun"], ["wei", "dong"]]; Ukrainian letters when
    ``language`` is "uk": "Сі Цзіньпін"), or None when a word does not split into its
    syllables (no Chinese name: "Вивиан Балакришнан")."""
    out = []
    for word in name.replace("-", " ").split():
        low = word.lower()
        syllables = _split(low.translate(_UK_AS_RU) if language == "uk" else low)
        if not syllables:
            return None
        out.append(syllables)
    return out or None
