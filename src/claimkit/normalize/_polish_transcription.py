"""Russian and Ukrainian names written in Polish transcription, spelt as English news spell them.

Private to :mod:`claimkit.normalize` (the English names of officials, :mod:`.actors`) and the
rules backend's meeting partners and reported speakers. Polish writes a Russian or Ukrainian
name in its own letters: "Iwan Sokołow" is Иван Соколов (Ivan Sokolov), "Siergiej Ławrow"
Сергей Лавров, "Wołodymyr Kowal" Володимир Коваль (Volodymyr Koval); English news and the
gold spell it from the Cyrillic. :func:`east_slavic` tells such a name by its given name
(:data:`_GIVEN`: the transcriptions that no Polish name shares; "Piotr", "Igor", "Wiktor",
"Bohdan", "Ludmiła" are Polish names too), writes it back in Cyrillic letter by letter (the
rules of the Polish transcription, undone) and romanises it as a Russian or Ukrainian name
is (:func:`._names.romanised`). A Polish name ("Jan Kowalski", "Radosław Sikorski") is left
to the caller.
"""

from __future__ import annotations

import re

from claimkit.normalize._names import romanised

__all__ = ["east_slavic"]

#: Polish transcriptions of Russian and Ukrainian given names that no Polish name shares
_GIVEN = {
    "ru": frozenset({
        "Iwan", "Siergiej", "Władimir", "Dmitrij", "Aleksiej", "Jewgienij", "Wiaczesław", "Nikołaj",
        "Michaił", "Andriej", "Witalij", "Jurij", "Walerij", "Anatolij", "Gienadij", "Wasilij", "Aleksandr",
        "Konstantin", "Fiodor", "Grigorij", "Arkadij", "Jelena", "Swietłana", "Natalja", "Jekatierina",
        "Walentina", "Julija", "Marija", "Tatjana", "Irina", "Nikita", "Maksim",
    }),
    "uk": frozenset({
        "Wołodymyr", "Ołeksandr", "Ołeksij", "Mykoła", "Mychajło", "Dmytro", "Andrij", "Serhij", "Petro",
        "Wasyl", "Ołeh", "Hryhorij", "Jewhen", "Ihor", "Denys", "Taras", "Ołena", "Iryna",
        "Natalija", "Switłana", "Kateryna", "Oksana", "Tetiana", "Wiktorija", "Rusłan",
    }),
}
_VOWELS = "aeiouyąęó"
#: the letters of the Polish transcription and the Cyrillic they stand for, longest first; the
#: iotated vowels after a consonant ("ia", "ie", "iu", "io") and the soft "l" are told apart
#: in :func:`_letters_back`
_SHARED = {"szcz": "щ", "sz": "ш", "cz": "ч", "ch": "х", "ż": "ж", "rz": "рж", "dź": "дь", "ś": "сь",
           "ń": "нь", "ć": "ть", "ź": "зь", "j": "й", "e": "е", "ł": "л", "w": "в", "c": "ц"}
_LETTERS = {
    "ru": {**_SHARED, "ij": "ий", "yj": "ый", "y": "ы", "i": "и", "h": "х", "g": "г"},
    "uk": {**_SHARED, "ij": "ій", "yj": "ий", "ji": "ї", "y": "и", "i": "і", "h": "г", "g": "ґ"},
}
_LONGEST = {lang: sorted(letters, key=len, reverse=True) for lang, letters in _LETTERS.items()}
_PLAIN = dict(zip("abdfkmnoprstuz", "абдфкмнопрстуз", strict=True))
#: a vowel after "j" (at a word's start or after a vowel) or after a soft "i" or "l"
_IOTATED = {"ru": {"a": "я", "e": "е", "o": "ё", "u": "ю"}, "uk": {"a": "я", "e": "є", "o": "йо", "u": "ю"}}
_WORD = re.compile(r"[^\W\d_]+")


def east_slavic(name: str) -> str | None:
    """``name`` (in the nominative, Latin letters) in English spelling when its first word is a
    Russian or Ukrainian given name in Polish transcription (:data:`_GIVEN`): "Iwan Sokołow"
    -> "Ivan Sokolov", "Wołodymyr Kowal" -> "Volodymyr Koval"; None for any other name."""
    words = name.split()
    lang = next((lang for lang, given in _GIVEN.items() if words and words[0] in given), None)
    if lang is None or len(words) < 2:
        return None
    cyrillic = _WORD.sub(lambda m: _capital(_letters_back(m.group().lower(), lang), m.group()), name)
    return romanised(cyrillic, lang)


def _capital(cyrillic: str, word: str) -> str:
    """``cyrillic`` with a capital where ``word`` has one."""
    return cyrillic[:1].upper() + cyrillic[1:] if word[:1].isupper() else cyrillic


def _letters_back(low: str, lang: str) -> str:
    """One word of Polish transcription (lower case) in Cyrillic letters of ``lang``."""
    letters, iotated = _LETTERS[lang], _IOTATED[lang]
    out, i = [], 0
    while i < len(low):
        c, nxt = low[i], low[i + 1 : i + 2]
        after_vowel = i == 0 or low[i - 1] in _VOWELS
        if c in "ij" and nxt in iotated and (c == "i" or after_vowel):
            out.append(iotated[nxt])  # "Jelena", "Wiaczesław", "Fiodor": е, я, ё
            i += 2
        elif c == "j" and nxt in iotated:
            out.append("ь" + iotated[nxt])  # "Natalja", "Tatjana": ья
            i += 2
        elif c == "l" and nxt in ("a", "o", "u"):
            out.append("л" + iotated[nxt])  # "Ludmiła": лю (a hard л is "ł")
            i += 2
        elif c == "l":
            out.append("л" if nxt in ("e", "i", "j") else "ль")  # "Kowal": Коваль
            i += 1
        elif c == "e" and after_vowel:
            out.append("э" if lang == "ru" else "е")
            i += 1
        else:
            key = next((k for k in _LONGEST[lang] if low.startswith(k, i)), None)
            if key in ("ij", "yj") and low[i + 2 : i + 3] in iotated:
                key = key[0]  # "Marija": the "j" opens the iotated "я"
            out.append(letters[key] if key else _PLAIN.get(c, c))
            i += len(key) if key else 1
    return "".join(out)
