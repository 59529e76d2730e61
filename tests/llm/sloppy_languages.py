"""Round three of the scripted server's sloppy kinds: a careless model writing in the
article's own language and script (stdlib only; see scripted_server.py's docstring).

THE REPLIES ARE SCRIPTED: the gold claims, written as a careless model might write
them in Chinese, Japanese, Korean, Arabic, Vietnamese, Russian, Ukrainian, Turkish and
the other languages of the tuned articles. Each kind takes ``(claim, article, rng,
language)``; ``language`` is the ``Language:`` line of the request (the document's).
The facts stay the gold's: quotes still say the article's words, dates the gold's day,
numbers the gold's number, enum values the gold's value, only written differently.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from typing import Any

__all__ = ["LANGUAGE_KINDS"]


def _quotes(claim: dict[str, Any], change: Callable[[str], str]) -> dict[str, Any]:
    quotes = claim.get("quotes")
    if not isinstance(quotes, list):
        return claim
    return {**claim, "quotes": [change(q) if isinstance(q, str) else q for q in quotes]}


def _has(text: str, lo: int, hi: int) -> bool:
    return any(lo <= ord(c) <= hi for c in text)


def _arabic(text: str) -> bool:
    return _has(text, 0x0600, 0x06FF)


def _cjk(text: str) -> bool:
    return _has(text, 0x3040, 0x30FF) or _has(text, 0x4E00, 0x9FFF) or _has(text, 0xAC00, 0xD7AF)


# ------------------------------------------------------------------- quotes

_HALF = {"，": ", ", "。": ".", "：": ": ", "；": "; ", "（": "(", "）": ")", "！": "!",
         "？": "?", "、": ", ", "\u3000": " "}


def _k_quote_width(claim: dict[str, Any], article: str, rng: random.Random,
                   language: str) -> dict[str, Any]:
    """Full-width and half-width swapped: CJK punctuation as ASCII with a space after it
    (``，`` -> ``, ``), or ASCII letters, digits and marks as full-width forms and spaces
    as ideographic spaces (``2000`` -> ``２０００``); in Chinese, Japanese and Korean
    quotes only."""
    def change(q: str) -> str:
        if not _cjk(q):
            return q
        if rng.random() < 0.5 and any(c in _HALF for c in q):
            return "".join(_HALF.get(c, c) for c in q)
        return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c
                       for c in q)

    return _quotes(claim, change)


def _k_quote_unicode_forms(claim: dict[str, Any], article: str, rng: random.Random,
                           language: str) -> dict[str, Any]:
    """Quotes decomposed (NFD): Vietnamese tones and Cyrillic ``й`` as base letter and
    combining mark, Korean syllables as conjoining jamo."""
    return _quotes(claim, lambda q: unicodedata.normalize("NFD", q))


_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u200e", "\u200f"]
_THIN = ["\u2009", "\u202f", "\u00a0", "\u2005"]


def _k_quote_invisibles(claim: dict[str, Any], article: str, rng: random.Random,
                        language: str) -> dict[str, Any]:
    """Invisible characters inside words (zero-width space, joiner and non-joiner, soft
    hyphen, word joiner, BOM, LRM/RLM), thin and narrow no-break spaces for spaces, and
    Arabic tatweel stretching letters."""
    def change(q: str) -> str:
        out = []
        for i, c in enumerate(q):
            out.append(rng.choice(_THIN) if c == " " and rng.random() < 0.5 else c)
            if c.isalpha() and i + 1 < len(q) and q[i + 1].isalpha() and rng.random() < 0.15:
                joining = _arabic(c) and unicodedata.name(c, "").startswith("ARABIC LETTER")
                out.append("\u0640" if joining and rng.random() < 0.5 else rng.choice(_INVISIBLE))
        return "".join(out)

    return _quotes(claim, change)


_HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0652", "\u0651"]
_ARABIC_FORMS = {"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ي": "ی", "ك": "ک"}


def _k_quote_arabic_forms(claim: dict[str, Any], article: str, rng: random.Random,
                          language: str) -> dict[str, Any]:
    """Arabic written another way: short vowels (harakat) and shadda added, hamza seats
    dropped (``أ`` -> ``ا``), ``ة`` as ``ه``, alef maksura as ``ي``, or the Persian
    ``ی`` and ``ک`` for ``ي`` and ``ك``. Quotes in other scripts as they are."""
    def change(q: str) -> str:
        if not _arabic(q):
            return q
        how = rng.choice(["harakat", "letters"])
        if how == "harakat":
            return "".join(c + rng.choice(_HARAKAT) if "\u0628" <= c <= "\u064a"
                           and rng.random() < 0.6 else c for c in q)
        return "".join(_ARABIC_FORMS.get(c, c) for c in q)

    return _quotes(claim, change)


_TR_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def _k_quote_case(claim: dict[str, Any], article: str, rng: random.Random,
                  language: str) -> dict[str, Any]:
    """Quotes in another case, by Python's language-blind rules (``İ`` lower-cased is
    ``i`` and a combining dot, ``ß`` upper-cased ``SS``) or by Turkish ones (``i`` ->
    ``İ``, ``I`` -> ``ı``)."""
    def change(q: str) -> str:
        return rng.choice([q.upper(), q.lower(), q.translate(_TR_UPPER).upper(),
                           q.translate(_TR_LOWER).lower()])

    return _quotes(claim, change)


#: a language's own quotation marks (opening, closing)
_MARKS = {"zh": [("“", "”"), ("「", "」"), ("《", "》")], "ja": [("「", "」"), ("『", "』")],
          "ko": [("“", "”"), ("「", "」")], "ru": [("«", "»"), ("„", "“")],
          "uk": [("«", "»"), ("„", "“")], "de": [("„", "“"), ("»", "«")],
          "fr": [("«\u00a0", "\u00a0»"), ("« ", " »")], "pl": [("„", "”"), ("«", "»")],
          "hr": [("„", "“"), ("»", "«")], "ar": [("«", "»"), ("\u201d", "\u201c")],
          "tr": [("“", "”"), ("«", "»")]}
_INNER = str.maketrans({"“": "「", "”": "」", "「": "“", "」": "”", "«": "„", "»": "“",
                        "„": "«", '"': "«"})


def _k_quote_marks_local(claim: dict[str, Any], article: str, rng: random.Random,
                         language: str) -> dict[str, Any]:
    """Quotes inside the language's own quotation marks (``「…」``, ``«…»``, ``„…“``, French
    ``« … »`` with no-break spaces), and the quotation marks inside a quote swapped for
    another style (``“`` for ``「``)."""
    def change(q: str) -> str:
        opening, closing = rng.choice(_MARKS.get(language, [("“", "”")]))
        return opening + q.translate(_INNER) + closing

    return _quotes(claim, change)


def _k_quote_spacing(claim: dict[str, Any], article: str, rng: random.Random,
                     language: str) -> dict[str, Any]:
    """Spacing another writer would use: Korean words run together or split, spaces
    between Chinese and Japanese characters, a space before ``:`` ``;`` ``?`` ``!`` (French
    style) and none after a comma."""
    def change(q: str) -> str:
        if _has(q, 0xAC00, 0xD7AF):
            words = q.split(" ")
            if len(words) > 1 and rng.random() < 0.5:
                cut = rng.randrange(1, len(words))
                return " ".join(words[:cut - 1] + [words[cut - 1] + words[cut]] + words[cut + 1:])
            return re.sub(r"([\uac00-\ud7af])([\uac00-\ud7af])", r"\1 \2", q, count=2)
        if _cjk(q):
            return " ".join(q) if rng.random() < 0.5 else re.sub(r"([，。、：])", r" \1 ", q)
        return re.sub(r"\s*([:;?!])", r" \1", q).replace(", ", ",")

    return _quotes(claim, change)


_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_WIDE_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _native_digits(text: str, language: str, rng: random.Random) -> str:
    if language == "ar":
        return text.translate(rng.choice([_ARABIC_DIGITS, _PERSIAN_DIGITS]))
    if language in ("zh", "ja", "ko"):
        return text.translate(_WIDE_DIGITS)
    return text


def _k_quote_native_digits(claim: dict[str, Any], article: str, rng: random.Random,
                           language: str) -> dict[str, Any]:
    """Digits in quotes written the language's other way: Arabic-Indic (``٥٠٠``) or
    Persian (``۵۰۰``) in Arabic, full-width (``５００``) in Chinese, Japanese, Korean."""
    return _quotes(claim, lambda q: _native_digits(q, language, rng))


# -------------------------------------------------------------------- dates

#: month names (genitive or the form that follows a day number) and how a day is written
_MONTH_WORDS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня "
          "листопада грудня",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November "
          "Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
          "novembre dicembre",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
          "października listopada grudnia",
    "hr": "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada "
          "studenoga prosinca",
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
          "Desember",
    "en": "January February March April May June July August September October November "
          "December",
}
_DAY_FORMS = {"ru": "{d} {m} {y} г.", "uk": "{d} {m} {y} р.", "de": "{d}. {m} {y}",
              "es": "{d} de {m} de {y}", "pt": "{d} de {m} de {y}", "hr": "{d}. {m} {y}.",
              "en": "{m} {d}, {y}"}


def _native_date(value: str, language: str, rng: random.Random) -> str | None:
    """``value`` (a day, ``YYYY-MM-DD``) as the language writes it; None for another
    value (a month, or sloppy mode's invalid ``"sometime"``: left as it is)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    parts = [int(p) for p in value.split("-")]
    y, m, d = parts
    if language in ("zh", "ja"):
        return f"{y}年{m}月{d}日"
    if language == "ko":
        return f"{y}년 {m}월 {d}일"
    if language == "vi":
        return rng.choice([f"ngày {d} tháng {m} năm {y}", f"{d} tháng {m} năm {y}"])
    words = _MONTH_WORDS.get(language)
    if words is None:
        return None
    form = _DAY_FORMS.get(language, "{d} {m} {y}")
    text = form.format(d=d, m=words.split()[m - 1], y=y)
    return _native_digits(text, language, rng) if rng.random() < 0.5 else text


def _k_native_dates(claim: dict[str, Any], article: str, rng: random.Random,
                    language: str) -> dict[str, Any]:
    """The date in the article's language, as its newspapers write it, with no ``raw``:
    ``"3 березня 2026 р."``, ``"2026年3月3日"``, ``"2026년 3월 3일"``, ``"3 Mart 2026"``,
    ``"ngày 3 tháng 3 năm 2026"``, ``"٣ مارس ٢٠٢٦"``."""
    date = claim.get("date")
    if not isinstance(date, dict) or not isinstance(date.get("value"), str):
        return claim
    written = _native_date(date["value"], language, rng)
    return {**claim, "date": {"value": written}} if written else claim


# -------------------------------------------------------------------- enums

#: enum values as a model answering in the article's language writes them
_ENUM_WORDS: dict[str, dict[str, list[str]]] = {
    "firm": {"ru": ["твёрдое", "твердо"], "uk": ["тверде"], "zh": ["确定", "坚定"],
             "ja": ["確定"], "ko": ["확정"], "tr": ["kesin"], "vi": ["chắc chắn"],
             "ar": ["مؤكد", "حازم"], "de": ["fest", "verbindlich"], "fr": ["ferme"],
             "es": ["firme"], "pt": ["firme"], "it": ["fermo"], "pl": ["stanowcze"],
             "hr": ["čvrsto"], "id": ["pasti"]},
    "conditional": {"ru": ["условное"], "uk": ["умовне"], "zh": ["有条件"], "ja": ["条件付き"],
                    "ko": ["조건부"], "tr": ["koşullu"], "vi": ["có điều kiện"],
                    "ar": ["مشروط"], "de": ["bedingt"], "fr": ["conditionnel"],
                    "es": ["condicional"], "pt": ["condicional"], "it": ["condizionale"],
                    "pl": ["warunkowe"], "hr": ["uvjetno"], "id": ["bersyarat"]},
    "tentative": {"ru": ["предварительное"], "uk": ["попереднє"], "zh": ["初步", "暂定"],
                  "ja": ["暫定的"], "ko": ["잠정적"], "tr": ["geçici"], "vi": ["dự kiến"],
                  "ar": ["مبدئي"], "de": ["vorläufig"], "fr": ["provisoire"],
                  "es": ["tentativo"], "pt": ["provisório"], "it": ["provvisorio"],
                  "pl": ["wstępne"], "hr": ["okvirno"], "id": ["sementara"]},
    "in_person": {"ru": ["очно"], "uk": ["особисто"], "zh": ["面对面"], "ja": ["対面"],
                  "ko": ["대면"], "tr": ["yüz yüze"], "vi": ["trực tiếp"], "ar": ["حضوري"],
                  "de": ["persönlich"], "fr": ["en personne"], "es": ["presencial"],
                  "pt": ["presencial"], "it": ["in presenza"], "pl": ["osobiście"],
                  "hr": ["uživo"], "id": ["tatap muka"]},
    "virtual": {"ru": ["онлайн"], "uk": ["онлайн"], "zh": ["视频"], "ja": ["オンライン"],
                "ko": ["화상"], "tr": ["çevrim içi"], "vi": ["trực tuyến"], "ar": ["افتراضي"],
                "de": ["virtuell"], "fr": ["virtuel"], "es": ["virtual"], "pt": ["virtual"],
                "it": ["virtuale"], "pl": ["wirtualne"], "hr": ["virtualno"], "id": ["virtual"]},
    "phone": {"ru": ["по телефону"], "uk": ["телефонна розмова"], "zh": ["电话"],
              "ja": ["電話会談"], "ko": ["전화"], "tr": ["telefon"], "vi": ["điện đàm"],
              "ar": ["هاتفي"], "de": ["telefonisch"], "fr": ["téléphone"],
              "es": ["telefónica"], "pt": ["telefone"], "it": ["telefonica"],
              "pl": ["telefoniczna"], "hr": ["telefonski"], "id": ["telepon"]},
}


def _k_native_enums(claim: dict[str, Any], article: str, rng: random.Random,
                    language: str) -> dict[str, Any]:
    """Modality and meeting format in the article's language (``"твёрдое"``,
    ``"电话"``, ``"koşullu"``, ``"trực tiếp"``)."""
    out = dict(claim)
    for k in ("modality", "format"):
        words = _ENUM_WORDS.get(out.get(k) or "", {}).get(language)
        if words:
            out[k] = rng.choice(words)
    return out


# ------------------------------------------------------------------ numbers

#: (word, power of ten) a number is written with, by language
_SCALES = {
    "zh": [("万", 4), ("亿", 8)], "ja": [("万", 4), ("億", 8)], "ko": [("만", 4), ("억", 8)],
    "ru": [("тыс.", 3), ("млн", 6), ("млрд", 9)], "uk": [("тис.", 3), ("млн", 6), ("млрд", 9)],
    "tr": [("bin", 3), ("milyon", 6), ("milyar", 9)], "vi": [("nghìn", 3), ("triệu", 6),
                                                            ("tỷ", 9)],
    "ar": [("ألف", 3), ("مليون", 6), ("مليار", 9)], "de": [("Tsd.", 3), ("Mio.", 6),
                                                          ("Mrd.", 9)],
    "fr": [("mille", 3), ("millions", 6), ("milliards", 9)],
    "es": [("mil", 3), ("millones", 6)], "pt": [("mil", 3), ("milhões", 6), ("bilhões", 9)],
    "it": [("mila", 3), ("milioni", 6), ("miliardi", 9)],
    "pl": [("tys.", 3), ("mln", 6), ("mld", 9)], "hr": [("tisuća", 3), ("milijuna", 6),
                                                      ("milijardi", 9)],
    "id": [("ribu", 3), ("juta", 6), ("miliar", 9)],
    "en": [("thousand", 3), ("million", 6), ("billion", 9)],
}
_DECIMAL_COMMA = {"ru", "uk", "tr", "vi", "de", "fr", "es", "pt", "it", "pl", "hr", "id"}


def _native_number(value: Any, language: str, rng: random.Random) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return value
    scales = [(w, p) for w, p in _SCALES.get(language, []) if value >= 10 ** p]
    if not scales:
        return _native_digits(str(value), language, rng)
    word, power = max(scales, key=lambda s: s[1])
    head = value / 10 ** power
    if head != round(head, 2):
        return value
    shown = f"{head:g}"
    if language in _DECIMAL_COMMA:
        shown = shown.replace(".", ",")
    gap = "" if language in ("zh", "ja", "ko") else " "
    return _native_digits(f"{shown}{gap}{word}", language, rng)


def _k_native_numbers(claim: dict[str, Any], article: str, rng: random.Random,
                      language: str) -> dict[str, Any]:
    """Numbers as the article's language writes them: a scale word (``"1亿"``,
    ``"2 тыс."``, ``"1,5 milyon"``, ``"100 triệu"``, ``"2 Mio."``) and the script's digits
    (``"٢٠٠٠"``, ``"２０００"``)."""
    out = dict(claim)
    for k in ("quantity", "participant_count"):
        v = out.get(k)
        if isinstance(v, dict):
            out[k] = {m: _native_number(x, language, rng) if m in ("value", "value_max") else x
                      for m, x in v.items()}
    return out


_LanguageKind = Callable[[dict[str, Any], str, random.Random, str], Any]

#: round three: kinds that write in the article's language (they get its code)
LANGUAGE_KINDS: dict[str, _LanguageKind] = {
    "quote_width": _k_quote_width,
    "quote_unicode_forms": _k_quote_unicode_forms,
    "quote_invisibles": _k_quote_invisibles,
    "quote_arabic_forms": _k_quote_arabic_forms,
    "quote_case": _k_quote_case,
    "quote_marks_local": _k_quote_marks_local,
    "quote_spacing": _k_quote_spacing,
    "quote_native_digits": _k_quote_native_digits,
    "native_dates": _k_native_dates,
    "native_enums": _k_native_enums,
    "native_numbers": _k_native_numbers,
}
