"""Quantities: stated numbers with a unit and a qualifier ("at least 26 countries").

Handles, in the listed languages: digits with locale thousands separators
("10,000" in en/zh/ja, "10.000" in vi/id/de/...), scale words ("90bn", "900亿",
"2 triệu", "5 миллиардов"), currency symbols and words (€, $, £, 欧元, euro,
евро), ranges ("10,000 to 30,000", "từ 10.000 đến 30.000", "1万至3万"),
qualifiers ("at least", "至少", "ít nhất", "sekitar", "up to", "最多") and
units for countries and troops.
"""

from __future__ import annotations

import functools
import re

from claimkit.normalize.mentions import QuantityMention
from claimkit.schemas import Quantity, QuantityQualifier
from claimkit.text import first_chars, is_cjk, windows_around

__all__ = ["SCALE_WORDS", "find_quantities", "parse_number", "unit_words"]

_DOT_THOUSANDS = frozenset({"vi", "id", "ms", "de", "es", "it", "pt", "pl", "hr", "tr", "nl",
                            "da", "ro", "sl", "sr", "bs", "el", "uk", "ru"})  # fmt: skip

#: scale words and characters after a number, as newspapers write them, and the power of ten
#: each says ("90bn", "900亿", "2 triệu", "5 миллиардов", "2 Mio.", "mil millones"): the one
#: table of both readers, :func:`find_quantities` (a word as written here: case and final
#: period count) and the LLM backend's numbers (extract/llm/numbers.py: case-folded, without
#: the final period, a run of words adding up)
SCALE_WORDS: dict[str, int] = {
    # en
    "k": 3, "thousand": 3, "thousands": 3, "m": 6, "mn": 6, "mln": 6, "million": 6,
    "millions": 6, "bn": 9, "billion": 9, "billions": 9, "tn": 12, "trillion": 12, "trillions": 12,
    # zh, ja, ko ("3조 원": a trillion won)
    "千": 3, "万": 4, "萬": 4, "百万": 6, "亿": 8, "億": 8, "兆": 12, "천": 3, "만": 4, "억": 8, "조": 12,
    # vi ("nghìn tỷ": a thousand tỷ), id, ms
    "nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9, "nghìn tỷ": 12, "ngàn tỷ": 12,
    "ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "triliun": 12,
    # fr, de
    "mille": 3, "milliard": 9, "milliards": 9,
    "Tsd.": 3, "tausend": 3, "Mio": 6, "Mio.": 6, "Million": 6, "Millionen": 6, "Mrd": 9,
    "Mrd.": 9, "Milliarde": 9, "Milliarden": 9,
    # es, pt, it
    "mil": 3, "millón": 6, "millones": 6, "mil millones": 9, "billones": 12,
    "milhão": 6, "milhões": 6, "mil milhões": 9, "bilhão": 9, "bilhões": 9, "bilião": 9, "biliões": 9,
    "mila": 3, "milione": 6, "milioni": 6, "miliardo": 9, "miliardi": 9,
    # pl (and cs): the forms after 2-4 and in the genitive; "mld.", "mln.", "bln" (a thousand mld)
    "tys.": 3, "tysiąc": 3, "tysiące": 3, "tysięcy": 3, "tis.": 3, "milion": 6, "miliony": 6,
    "milionów": 6, "milionu": 6, "milionů": 6, "mln.": 6, "miliard": 9, "miliarda": 9,
    "miliardy": 9, "miliardów": 9, "mld": 9, "mld.": 9, "bln": 12, "bilionów": 12,
    # hr, sr (and bs): every case and number of "thousand", "million", "billion"; "mlrd."
    "tisuća": 3, "tisuće": 3, "tisuću": 3, "milijun": 6, "milijuna": 6, "milijuni": 6,
    "miliona": 6, "milijarda": 9, "milijarde": 9, "milijardu": 9, "milijardi": 9, "mlrd": 9,
    "mlrd.": 9,
    # tr ("bin": thousand)
    "bin": 3, "milyon": 6, "milyar": 9, "trilyon": 12,
    # ru, uk: singular and paucal forms, abbreviations with a dot, trillions
    "тыс.": 3, "тысяча": 3, "тысячи": 3, "тысяч": 3, "млн": 6, "млн.": 6, "миллион": 6,
    "миллиона": 6, "миллионов": 6, "млрд": 9, "млрд.": 9, "миллиард": 9, "миллиарда": 9,
    "миллиардов": 9, "трлн": 12, "трлн.": 12, "триллион": 12, "триллиона": 12, "триллионов": 12,
    "тис.": 3, "тисяча": 3, "тисячі": 3, "тисяч": 3, "мільйон": 6, "мільйони": 6, "мільйона": 6,
    "мільйонів": 6, "мільярд": 9, "мільярди": 9, "мільярда": 9, "мільярдів": 9,
    # ar: the plurals after 3-10 ("3 مليارات دولار", "5 ملايين"); "الف" without its hamza
    "ألف": 3, "الف": 3, "آلاف": 3, "مليون": 6, "ملايين": 6, "مليار": 9, "مليارات": 9,
}  # fmt: skip
#: scale words :func:`find_quantities` leaves unread in an article, as it reads every
#: language with one pattern: "mil" is a thousand in es/pt but "mil." a million in cs/pl/hr
#: ("5 mil. eura"; it reads "mil millones", "mil milhões"), "bilião" a thousand million in
#: Brazil's spelling but a million million in Portugal's
_NOT_IN_TEXT = frozenset({"mil", "bilião", "biliões"})

#: currencies written before the number: symbols, and the signs and codes agencies and papers
#: write there ("Rp 5 triliun", "Rp5,2 miliar", "R$ 2 bilhões", "₩3조", "TL 5 milyar",
#: "EUR 2 billion"); those written with letters only after a character that is no letter
_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB",
                     "₴": "UAH", "C$": "CAD", "A$": "AUD", "￥": "JPY", "R$": "BRL", "₩": "KRW",
                     "₺": "TRY", "₫": "VND", "Rp": "IDR", "Rp.": "IDR", "TL": "TRY",
                     "NT$": "TWD", "HK$": "HKD", "S$": "SGD", "CHF": "CHF", "EUR": "EUR",
                     "USD": "USD", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY",
                     "KRW": "KRW", "IDR": "IDR", "VND": "VND", "TRY": "TRY", "PLN": "PLN",
                     "UAH": "UAH", "RUB": "RUB", "BRL": "BRL"}  # fmt: skip
#: a sign read as another currency in a language: "¥" and "￥" are the yuan in Chinese
_SYMBOL_IN_LANGUAGE = {("¥", "zh"): "CNY", ("￥", "zh"): "CNY"}
_UNITS: dict[str, str] = {}
for _unit, _words in {
    "EUR": "euros|euro|eur|d'euros|d’euros|de euros|di euro|欧元|歐元|ユーロ|유로|евро|євро|yêu-rô|Euro|يورو|avro|"
           "eura|eur|evra|evro|eurów",
    "USD": "dollars|dollar|usd|de dólares|de dollars|美元|ドル|달러|долларов|доллара|долларів|đô la|USD|dolar|dólares|"
           "dollari|dolarów|دولار|dolara|dolari|доларів|долара|долари|dolarů",
    "PLN": "zł|złotych|złote|złotego|PLN",
    "IDR": "rupiah|IDR",
    "VND": "đồng|VND",
    "TRY": "lira|TL|Türk lirası",
    "CZK": "Kč|korun|CZK",
    "HRK": "kuna",
    "RSD": "dinara|RSD",
    "GBP": "pounds|pound sterling|pounds sterling|英镑|英鎊|ポンド|파운드|фунтов|bảng Anh|"
           "poundsterling|sterlin",
    "JPY": "yen|日元|円|엔",
    "KRW": "원",
    "CNY": "yuan|元|人民币|人民幣|위안",
    "RUB": "rubles|roubles|卢布|ルーブル|рублей|рубля|rúp|rubel|рублів|rubli",
    "UAH": "hryvnias|hryvnia|格里夫纳|гривен|гривень|гривні|гривню|hrywien",
    "countries": "countries|country|nations|states|个国家|個國家|国家|國家|か国|カ国|ヵ国|ヶ国|"
                 "개국|quốc gia|nước|negara|pays|Länder|Staaten|países|paesi|państw|państwa|"
                 "стран|страны|країн|країни|zemalja|zemlje|ülke|دولة|دول",
    "troops": "troops|soldiers|personnel|servicemen|military personnel|士兵|军人|軍人|名士兵|"
              "兵力|部队|部隊|兵士|人の兵士|명의 병력|병력|binh sĩ|lính|quân|tentara|prajurit|"
              "pasukan|soldats|militaires|Soldaten|soldados|tropas|soldati|truppe|żołnierzy|"
              "военнослужащих|солдат|військових|вояків|vojnika|asker|جندي|جنود",
    "leaders": "leaders|heads of state|领导人|領導人|首脳|정상|nhà lãnh đạo|lãnh đạo|pemimpin|"
               "dirigeants|Staats- und Regierungschefs|líderes|leader|лидеров|лідерів",
}.items():
    for _w in _words.split("|"):
        _UNITS[_w] = _unit



@functools.cache
def unit_words() -> frozenset[str]:
    """The words and codes a quantity's unit is read from after a number ("Euro", "USD", "zł",
    "Soldaten"), as written; the sentence splitter keeps "5 Mio. Euro" in one sentence."""
    return frozenset(_UNITS) | frozenset(k for k in _CURRENCY_SYMBOLS if k.isalpha())


_QUALIFIERS: dict[str, QuantityQualifier] = {}
for _q, _words in {
    QuantityQualifier.at_least: "at least|no fewer than|more than|over|至少|至少有|超过|超過|逾|"
        "以上|少なくとも|최소|ít nhất|hơn|trên|sedikitnya|setidaknya|paling sedikit|lebih dari|"
        "au moins|plus de|mindestens|mehr als|über|al menos|más de|almeno|oltre|pelo menos|"
        "mais de|co najmniej|ponad|не менее|более|по меньшей мере|щонайменше|понад|najmanje|"
        "više od|en az|على الأقل|أكثر من",
    QuantityQualifier.about: "about|around|some|roughly|approximately|nearly|almost|约|約|大约|"
        "大約|近|将近|将近|約|およそ|약|khoảng|gần|sekitar|kira-kira|hampir|environ|près de|"
        "etwa|rund|fast|unos|cerca de|casi|circa|quasi|cerca de|quase|około|prawie|около|почти|"
        "приблизно|майже|oko|gotovo|yaklaşık|حوالي|نحو|"
        # the abbreviations written before a figure ("ok. 200 mln zł", "ca. 5 Mio. Euro")
        "ok.|ca.|ca|cca.|cca|approx.|aprox.|env.|rd.|ок.|бл.|прибл.|yakl.",
    QuantityQualifier.up_to: "up to|as many as|no more than|at most|最多|多达|多達|最大|まで|최대|"
        "tối đa|lên tới|lên đến|hingga|sampai|maksimal|jusqu'à|bis zu|hasta|fino a|até|do|"
        "до|не более|najviše|en fazla|ما يصل إلى",
}.items():
    for _w in _words.split("|"):
        _QUALIFIERS[_w] = _q


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: the words before a range ("from 10 to 20")
_FROM = ("từ", "from", "between", "dari", "de", "von", "od", "от", "від")



def _bounded(words: list[str]) -> str:
    """Alternation where words of spaced scripts must end at a word boundary."""
    cjk = [w for w in words if is_cjk(w[-1])]
    spaced = [w for w in words if w not in cjk]
    return rf"(?:{_alt(cjk)}|(?:{_alt(spaced)})(?![^\W\d_]))"


_DIGITS = re.compile(r"\d+")
#: how far a quantity reaches beyond its digits ("по меньшей мере ", "Staats- und Regierungschefs")
_REACH = 48
_NUM = r"\d+(?:[.,\s\u00a0\u202f']\d{3})*(?:[.,]\d+)?"


@functools.cache
def _regex() -> re.Pattern[str]:
    scale = _bounded([w for w in SCALE_WORDS if w not in _NOT_IN_TEXT])
    unit = _bounded(list(_UNITS))
    qual = _alt(list(_QUALIFIERS))
    signs = _alt([c for c in _CURRENCY_SYMBOLS if not c[0].isalpha()])
    codes = _alt([c for c in _CURRENCY_SYMBOLS if c[0].isalpha()])  # "Rp", "TL": not inside a word
    sym = rf"{signs}|(?<![^\W\d_])(?:{codes})"
    num = rf"(?:(?P<sym{{i}}>{sym})\s?)?(?P<n{{i}}>{_NUM})(?:\s?(?P<sc{{i}}>{scale}))?"
    first, second = num.replace("{i}", "1"), num.replace("{i}", "2")
    # a match starts with a qualifier, "from", a currency symbol or a digit: a lookahead for
    # their first characters fails at once everywhere else (the alternations are not tried)
    starts = (
        f"(?i:[{first_chars(_QUALIFIERS)}])|[{first_chars(_FROM)}{first_chars(_CURRENCY_SYMBOLS)}]|\\d"
    )
    return re.compile(
        rf"(?=(?:{starts}))"
        rf"(?:(?P<q>(?<![^\W\d_])(?i:{qual}))\s*(?:có\s+)?(?:有\s*)?)?"
        rf"(?:(?:{'|'.join(_FROM)})\s+)?"
        rf"(?<![\d.,])(?:{first})"
        rf"(?:\s*(?P<to>to|and|-|–|—|~|至|到|đến|tới|hingga|sampai|à|bis|a|y|do|до|i)\s*"
        rf"(?:{second}))?"
        rf"(?:\s*(?P<unit>{unit})(?!조))?"  # not "3억 원조": 원조 is aid, not won
        rf"(?:\s*(?P<q2>以上|まで))?"
    )


def parse_number(s: str, *, language: str | None = None) -> float | None:
    """Parse "10,000", "10.000" (vi/id/de...), "1,5" or "2.5" as a float.

    Args:
        s: the digits as written.
        language: ISO 639-1 code; decides whether "." or "," groups thousands.
    """
    s = re.sub(r"[\s\u00a0\u202f']", "", s)
    lang = (language or "").split("-")[0].lower()
    if lang in _DOT_THOUSANDS:
        thousands, decimal = ".", ","
    else:
        thousands, decimal = ",", "."
    if re.fullmatch(rf"\d{{1,3}}(?:\{thousands}\d{{3}})+(?:\{decimal}\d+)?", s):
        s = s.replace(thousands, "")
    elif thousands in s and decimal not in s and re.fullmatch(r"\d+[.,]\d{1,2}", s):
        s = s.replace(thousands, ".")  # "2,5" in a dot-thousands language is 2.5
    s = s.replace(decimal, ".")
    try:
        return float(s)
    except ValueError:
        return None


def find_quantities(text: str, *, language: str | None = None) -> list[QuantityMention]:
    """Numbers with a unit, a currency or a qualifier in ``text``.

    A bare number with neither unit, currency, scale nor qualifier is skipped:
    it is more often a date, an age or a page number than a quantity.

    Returns:
        Mentions in text order; ``mention.text == text[start:end]``.
    """
    out: list[QuantityMention] = []
    regex = _regex()
    # every quantity holds a digit, and reaches at most _REACH characters beyond its digits
    # (qualifier, "from", currency before; scale, unit after): the pattern runs only there
    near = windows_around((m.span() for m in _DIGITS.finditer(text)), len(text), _REACH, _REACH)
    for m in (m for lo, hi in near for m in regex.finditer(text, lo, hi)):
        q = _quantity(m, language)
        if q is None:
            continue
        s, e = m.span()
        if m.group("to") is None and m.group("q") is None:
            # "from 27 countries" is not a range: the quantity starts at the number
            s = m.start("sym1") if m.group("sym1") else m.start("n1")
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append(QuantityMention(s, e, text[s:e], q.model_copy(update={"raw": text[s:e]})))
    return out


def _value(m: re.Match[str], i: int, language: str | None) -> float | None:
    n = m.group(f"n{i}")
    if n is None:
        return None
    v = parse_number(n, language=language)
    sc = m.group(f"sc{i}")
    if v is not None and sc:
        v *= _scale(sc)
    return v


def _scale(word: str) -> float:
    """The factor a scale word the pattern found says (``"Mrd."`` -> 1e9)."""
    power = SCALE_WORDS.get(word, SCALE_WORDS.get(word.lower()))
    return float(10**power) if power is not None else 1.0


def _symbol_unit(sym: str, language: str | None) -> str | None:
    """The currency a sign or code written before a number stands for in ``language``."""
    lang = (language or "").split("-")[0].lower()
    return _SYMBOL_IN_LANGUAGE.get((sym, lang)) or _CURRENCY_SYMBOLS.get(sym)


def _quantity(m: re.Match[str], language: str | None) -> Quantity | None:
    v1 = _value(m, 1, language)
    if v1 is None:
        return None
    v2 = _value(m, 2, language)
    sym = m.group("sym1") or m.group("sym2")
    unit_word = m.group("unit")
    unit = _symbol_unit(sym, language) if sym else None
    if unit_word:
        unit = unit or _UNITS.get(unit_word) or _UNITS.get(unit_word.lower())
    # "10 to 30 troops": the scale of the second number applies to the first
    if v2 is not None and m.group("sc2") and not m.group("sc1"):
        v1 *= _scale(m.group("sc2"))
    qual = QuantityQualifier.exact
    qw = m.group("q") or m.group("q2")
    if qw:
        # at a sentence start the qualifier is capitalised ("More than 20 countries")
        qual = _QUALIFIERS.get(qw) or _QUALIFIERS.get(qw.lower(), QuantityQualifier.exact)
    if unit is None and qual == QuantityQualifier.exact and not m.group("sc1"):
        return None
    if v2 is not None and v2 < v1:
        v2 = None  # "2-1" is a score, not a range
    return Quantity(value=v1, value_max=v2, unit=unit, qualifier=qual)
