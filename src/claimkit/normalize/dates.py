"""Dates: find date expressions and resolve them against the publication date.

Rules (documented in ``docs/normalize.md``):

* A date that names day, month and year ("27 March 2025", "2025年3月27日") is
  ``explicit``.
* A date that needs the publication date ("on Wednesday", "周三", "yesterday",
  "24日", "2月24日", "ngày 10/4", "去年12月") is ``relative``: a weekday is the
  most recent such day on or before publication, unless the words around it
  are future tense ("will", "将", "sẽ", "akan", ...) or say "next" (then the
  next one on or after publication) or "last" (strictly before). A day and
  month without a year take the year that puts the date nearest publication.
  A bare day ("24日", Korean "24일", not "10일간": for ten days) is that day of
  the publication month (of the previous month when the day is after publication).
* A relative week, month or year ("next month", "下周", "年内", "bulan depan") is
  that month or year from publication; a week is the month of its Thursday (most of its days).
* A day told from another day of the text ("the day before", "la veille", "накануне",
  "前日", "次日", "이날") is told from the last day-precise date before it (Korean "이날"
  from the first: the story's own day), or from publication when the text names none.
* A quarter or half of a year ("Q2 2026", "второй квартал 2026 года", "2026년 2분기") is
  its year: a span no day or month of it names.
* A year named alone is a date only as a term after the publication's year ("by 2030",
  "bis 2027", "2027 yılına kadar"); a month after a start or deadline ("dès septembre",
  "до конца мая") is the one ahead. :func:`is_term` tells either.
* Without a publication date, a relative date stays ``unresolved`` with its
  raw text; it is never guessed from today's date.

Candidates are located with regular expressions built once per language from
CLDR month and weekday names (babel); :func:`resolve_date` falls back to
dateparser for phrases the patterns do not cover ("two days ago",
"la semaine dernière").
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from claimkit.normalize._gazetteer_index import _lang, length_automaton
from claimkit.normalize.mentions import DateMention
from claimkit.schemas import DateGranularity, DateRef, DateResolution
from claimkit.text import (
    SCRIPT_RANGES,
    Script,
    ascii_digits,
    char_class,
    dominant_script,
    first_chars,
    fold_case_loose,
    is_cjk,
    script_of,
    windows_around,
)

__all__ = ["calendar_words", "find_dates", "is_term", "month_names", "next_week", "resolve_date"]

logger = logging.getLogger(__name__)

_D = r"[0-9０-９]"
_CJK_YEAR = {"去年": -1, "今年": 0, "明年": 1, "前年": -2}
#: the month before a day in Chinese and Japanese, as an offset from publication's: a day
#: of this, last or next month ("今月5日", "上月28日", "先月28日", "下个月3日"; branch ``crel``)
_CJK_MONTHS = {"今月": 0, "本月": 0, "当月": 0, "先月": -1, "上月": -1, "上个月": -1, "上個月": -1,
               "来月": 1, "下月": 1, "下个月": 1, "下個月": 1}
_ZH_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_JA_DAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}
_KO_DAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
#: the Korean month words a day may follow ("다음 달 1일", the 1st of next month; "지난달
#: 28일"), by their offset from publication's month
_KO_MONTHS = {"다음달": 1, "내달": 1, "지난달": -1, "이달": 0, "이번달": 0}
_KO_MONTH_BEFORE = re.compile(r"(다음\s?달|내달|지난\s?달|이달|이번\s?달)\s*$")
_VI_DAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5,
            "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}  # fmt: skip

# Weekday forms CLDR does not list (accusative after "в"/"w"/"u" ...).
_EXTRA_DAYS: dict[str, dict[str, int]] = {
    "ru": {"среду": 2, "пятницу": 4, "субботу": 5,
           # the genitive: "с понедельника", "до пятницы" (not "среды", "воскресенья": also
           # "environments", "resurrection")
           "понедельника": 0, "вторника": 1, "четверга": 3, "пятницы": 4, "субботы": 5},
    "uk": {"середу": 2, "п'ятницю": 4, "пʼятницю": 4, "п’ятницю": 4, "суботу": 5, "неділю": 6,
           # the genitive: "минулого вівторка" (last Tuesday), "з понеділка"
           "понеділка": 0, "вівторка": 1, "четверга": 3, "п'ятниці": 4, "пʼятниці": 4,
           "п’ятниці": 4, "суботи": 5},
    "pl": {"środę": 2, "sobotę": 5, "niedzielę": 6,
           # the genitive: "od poniedziałku", "do piątku"
           "poniedziałku": 0, "wtorku": 1, "środy": 2, "czwartku": 3, "piątku": 4, "soboty": 5,
           "niedzieli": 6,
           # the adjective of the day, in every case: "po wtorkowej rozmowie", "w piątkowym
           # wywiadzie", "środowe spotkanie"
           **{stem + ending: wd
              for wd, stem in enumerate(("poniedziałkow", "wtorkow", "środow", "czwartkow", "piątkow"))
              for ending in ("y", "a", "e", "ego", "ej", "ym", "ą", "ych", "emu", "ymi")},
           **{"sobotni" + ending: 5 for ending in ("", "a", "e", "ego", "ej", "m", "ą", "ch", "emu", "mi")},
           **{"niedzieln" + ending: 6 for ending in ("y", "a", "e", "ego", "ej", "ym", "ą", "ych", "emu", "ymi")}},
    # the short forms after "nesta", "na" ("nesta terça (10)", "na última quarta"); not
    # "segunda" or "quinta" after "na" alone: also "second", "fifth"
    "pt": {f"{before} {day}{feira}": wd
           for wd, day in enumerate(("segunda", "terça", "quarta", "quinta", "sexta"))
           for before in ("nesta", "desta", "na última", "na próxima", "nesta última")
           for feira in ("", "-feira")}
          | {f"na {day}{feira}": wd for wd, day in ((1, "terça"), (2, "quarta"), (4, "sexta"))
             for feira in ("", "-feira")},
    "hr": {"srijedu": 2, "subotu": 5, "nedjelju": 6,
           # the genitive: "prošlog utorka" (last Tuesday), "do petka"
           "ponedjeljka": 0, "utorka": 1, "srijede": 2, "četvrtka": 3, "petka": 4, "subote": 5,
           "nedjelje": 6},
    "id": {"Jum'at": 4},
    # Turkish writes weekdays in lower case in running text ("pazartesi günü"); "pazar" alone
    # is also "market", so Sunday only with "günü"
    "tr": {"pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4, "cumartesi": 5,
           "pazar günü": 6},
}

# Month forms CLDR does not list: the locative after "в" / "u" / "w" ("в марте", "u ožujku").
_EXTRA_MONTHS: dict[str, list[str]] = {
    "ru": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
           "октябре", "ноябре", "декабре"],
    "uk": ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні",
           "вересні", "жовтні", "листопаді", "грудні"],
    "pl": ["styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu", "lipcu", "sierpniu",
           "wrześniu", "październiku", "listopadzie", "grudniu"],
    "hr": ["siječnju", "veljači", "ožujku", "travnju", "svibnju", "lipnju", "srpnju", "kolovozu",
           "rujnu", "listopadu", "studenom", "prosincu"],
}
# A weekday and a time of day written as one word ("Dienstagabend", "Montagmorgen").
_DAY_PART_SUFFIXES: dict[str, tuple[str, ...]] = {
    "de": ("abend", "morgen", "vormittag", "mittag", "nachmittag", "nacht"),
}
# Abbreviated month names as agencies write them in datelines ("Lisboa, 17 fev 2026 (Lusa)",
# "Ankara, 27 ott. 2026", "ROMA, 05 MAR"): read only after a day number ("en mar" is "at sea",
# "set 6" a tennis score), with or without their dot.
_ABBREVIATED_MONTHS: dict[str, list[str]] = {
    # English: every month name in English, and read after a day number in the other
    # languages' tables ("Warszawa, 3 Nov 2025"; "en mar abierto" is "at sea", no March)
    "en": ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep/sept", "oct", "nov", "dec"],
    "de": ["jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep/sept", "okt", "nov", "dez"],
    "id": ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu/agt/ags", "sep", "okt", "nov", "des"],
    "fr": ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    "it": ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
    "pt": ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
}
#: the classes of date words (``data/dates.json``, :func:`_date_words`) before a month named
#: alone that make it a date ("in March", "в марте", "fin mars", "dès septembre"); a month
#: without them is too often another word (May, "marzo" in a name)
_MONTH_CLASSES = ("in", "month_only", "start", "deadline", "bound")
#: ... before a year named alone (a year after publication's: "by 2030", "bis 2027")
_YEAR_CLASSES = ("in", "year_only", "start", "deadline", "bound")
#: ... of a term (:func:`is_term`): a start or a deadline, before the date or after it
_TERM_CLASSES = ("start", "deadline", "bound")
_AFTER_CLASSES = ("start_after", "deadline_after")
#: ... after which a month is the one ahead of publication ("dès septembre", "до конца мая")
_AHEAD_CLASSES = ("start", "deadline")


@functools.cache
def _date_words() -> dict[str, dict[str, list[str]]]:
    """The date words of every language (``claimkit/data/dates.json``): language -> class -> words."""
    raw = resources.files("claimkit").joinpath("data/dates.json").read_text("utf-8")
    languages: dict[str, dict[str, list[str]]] = json.loads(raw)["languages"]
    return languages


def _class_words(langs: Iterable[str], classes: tuple[str, ...]) -> list[str]:
    """The words of ``classes`` in ``langs`` (:func:`_date_words`), in that order."""
    table = _date_words()
    return [w for code in langs for c in classes for w in table.get(code, {}).get(c, [])]


def _words_alternation(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first: a space stands for any run of spaces, an
    apostrophe for either ("d'ici", "d’ici"); "" when there are none."""
    def one(word: str) -> str:
        return re.escape(word.replace("’", "'")).replace(r"\ ", r"\s+").replace("'", "['’]")
    return "|".join(one(w) for w in sorted(set(words), key=len, reverse=True))


# Relative day words: offset in days from publication; "two days ago" and the like in the
# languages where it is no "two days before" an event named with it (not tr "zirveden iki gün
# önce", vi "hai ngày trước khi", ar "قبل يومين من", zh "会谈两天前", ja "会談の2日前").
_REL_DAYS: dict[str, dict[str, int]] = {
    "en": {"two days ago": -2, "three days ago": -3, "a week ago": -7, "today": 0, "yesterday": -1,
           "tomorrow": 1, "tonight": 0, "last night": -1,
           "the day before yesterday": -2, "the day after tomorrow": 2, "this morning": 0,
           "this afternoon": 0, "this evening": 0, "earlier today": 0},
    "zh": {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "明天": 1, "前天": -2, "后天": 2, "後天": 2,
           "大前天": -3, "昨晚": -1, "今晨": 0, "今早": 0, "今晚": 0},
    # with the kana forms broadcasters write ("きのう", "きょう", "あす", "けさ")
    "ja": {"今日": 0, "昨日": -1, "明日": 1, "一昨日": -2, "おととい": -2, "本日": 0, "昨夜": -1,
           "きのう": -1, "きょう": 0, "あす": 1, "あした": 1, "けさ": 0,
           "明後日": 2, "あさって": 2, "今朝": 0, "今夜": 0, "今晩": 0},
    "ko": {"오늘": 0, "어제": -1, "내일": 1, "그제": -2, "그저께": -2, "모레": 2, "어젯밤": -1},
    "vi": {"hôm nay": 0, "hôm qua": -1, "ngày mai": 1, "hôm kia": -2, "ngày kia": 2, "tối qua": -1,
           "đêm qua": -1, "sáng qua": -1, "trưa qua": -1, "chiều qua": -1, "sáng nay": 0, "trưa nay": 0,
           "chiều nay": 0, "tối nay": 0},
    "id": {"dua hari lalu": -2, "tiga hari lalu": -3, "dua hari yang lalu": -2,
           "tiga hari yang lalu": -3, "sepekan lalu": -7, "seminggu lalu": -7,
           "hari ini": 0, "besok": 1, "kemarin lusa": -2, "lusa": 2,
           "tadi malam": -1, "semalam": -1, "pagi ini": 0, "tadi pagi": 0, "siang ini": 0,
           "tadi siang": 0, "sore ini": 0, "tadi sore": 0, "malam ini": 0},
    "ms": {"hari ini": 0, "semalam": -1, "esok": 1, "kelmarin": -2, "lusa": 2},
    "fr": {"il y a deux jours": -2, "il y a trois jours": -3, "il y a une semaine": -7,
           "aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1, "avant-hier": -2,
           "après-demain": 2, "hier soir": -1, "ce matin": 0, "cet après-midi": 0, "ce soir": 0},
    "de": {"vor zwei tagen": -2, "vor drei tagen": -3, "vor einer woche": -7,
           "heute": 0, "gestern": -1, "vorgestern": -2, "übermorgen": 2, "gestern abend": -1,
           "heute früh": 0},
    "es": {"hace dos días": -2, "hace tres días": -3, "hace una semana": -7,
           "hoy": 0, "ayer": -1, "anteayer": -2, "antier": -2, "antes de ayer": -2,
           "pasado mañana": 2, "anoche": -1, "esta mañana": 0, "esta tarde": 0, "esta noche": 0},
    "it": {"due giorni fa": -2, "tre giorni fa": -3, "una settimana fa": -7,
           "oggi": 0, "ieri": -1, "domani": 1, "l'altro ieri": -2, "l’altro ieri": -2,
           "l'altroieri": -2, "ieri l'altro": -2, "dopodomani": 2, "ieri sera": -1, "stanotte": 0,
           "stamattina": 0, "stamani": 0, "questa mattina": 0, "questo pomeriggio": 0, "stasera": 0},
    "pt": {"há dois dias": -2, "há três dias": -3, "há uma semana": -7,
           "hoje": 0, "ontem": -1, "amanhã": 1, "anteontem": -2, "depois de amanhã": 2,
           "esta manhã": 0, "nesta manhã": 0, "esta tarde": 0, "nesta tarde": 0, "esta noite": 0},
    "pl": {"dwa dni temu": -2, "trzy dni temu": -3, "tydzień temu": -7,
           "dziś": 0, "dzisiaj": 0, "wczoraj": -1, "jutro": 1, "przedwczoraj": -2,
           "pojutrze": 2, "tego ranka": 0, "dziś rano": 0, "dzisiaj rano": 0},
    "uk": {"два дні тому": -2, "три дні тому": -3, "тиждень тому": -7,
           "сьогодні": 0, "вчора": -1, "учора": -1, "завтра": 1, "позавчора": -2,
           "позаучора": -2, "післязавтра": 2, "цього ранку": 0, "сьогодні вранці": 0},
    "ru": {"два дня назад": -2, "три дня назад": -3, "неделю назад": -7,
           "сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2,
           "этим утром": 0, "сегодня утром": 0},
    "hr": {"prije dva dana": -2, "prije tri dana": -3, "prije tjedan dana": -7,
           "danas": 0, "jučer": -1, "sutra": 1, "prekjučer": -2, "prekosutra": 2, "sinoć": -1,
           "jutros": 0, "večeras": 0, "noćas": 0},
    "tr": {"bugün": 0, "dün": -1, "yarın": 1, "önceki gün": -2, "evvelki gün": -2,
           "öbür gün": 2, "dün akşam": -1, "dün gece": -1, "bu sabah": 0, "bu akşam": 0,
           "bu öğleden sonra": 0},
    "ar": {"اليوم": 0, "أمس": -1, "الأمس": -1, "غدا": 1, "غداً": 1, "أول أمس": -2,
           "أول من أمس": -2, "بعد غد": 2, "الليلة": 0,
           "الليلة الماضية": -1},
}


#: the Indonesian weekdays ("Senin kemarin": last Monday)
_ID_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu")

#: the adjectives of yesterday and tomorrow in every case ("beim gestrigen Treffen", "dünkü
#: toplantıda", "на вчерашней встрече", "na wczorajszym spotkaniu", "na jučerašnjem
#: sastanku": at yesterday's meeting), by language: (stem, offset, endings); not today's,
#: which is also "present-day" ("današnja Hrvatska", "сегодняшняя Россия")
_DAY_ADJECTIVES: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {
    "de": [(stem, n, ("e", "en", "er", "es", "em")) for stem, n in (("gestrig", -1), ("morgig", 1))],
    "tr": [("dünkü", -1, ("",)), ("yarınki", 1, ("",))],
    "ru": [(stem, n, ("ий", "яя", "ее", "его", "ей", "ему", "им", "ем", "юю", "ие", "их", "ими"))
           for stem, n in (("вчерашн", -1), ("завтрашн", 1))],
    "uk": [(stem, n, ("ій", "я", "є", "ього", "ьої", "ьому", "ім", "ю", "і", "іх", "іми", "ьою"))
           for stem, n in (("вчорашн", -1), ("учорашн", -1), ("завтрашн", 1))],
    "pl": [(stem, n, ("y", "a", "e", "ego", "ej", "ym", "ą", "ych", "emu", "ymi"))
           for stem, n in (("wczorajsz", -1), ("jutrzejsz", 1))],
    "hr": [(stem, n, ("i", "a", "e", "eg", "ega", "em", "emu", "oj", "u", "ih", "im", "ima"))
           for stem, n in (("jučerašnj", -1), ("sutrašnj", 1))],
}

# Relative day words that are other words in another case or after an article: German
# "morgen" (tomorrow; "Morgen", "heute morgen": morning), Spanish "mañana" (tomorrow; "la
# mañana", "esta mañana": the morning). Matched in the case written, after no word of the guard.
_GUARDED_DAYS: dict[str, dict[str, tuple[int, str]]] = {
    "de": {"morgen": (1, r"(?<![Hh]eute )(?<![Gg]estern )(?<![Aa]m )")},
    "es": {"mañana": (1, r"(?<![Ll]a )(?<![Ee]sta )(?<![Uu]na )(?<![Cc]ada )(?<![Dd]e )(?<![Pp]asado )")},
    # Indonesian "kemarin" (yesterday) after a weekday is its "last": "Senin kemarin", last
    # Monday (:data:`_LAST`), no yesterday of its own; "kemarin lusa" is a word of its own
    "id": {word: (-1, "".join(f"(?<!{day} )" for day in _ID_DAYS) + r"(?![Kk]emarin\s+lusa)")
           for word in ("kemarin", "Kemarin")},
}

#: the :data:`_STORY_DAYS` phrases told from the first day the text names, not the last
_FROM_FIRST = frozenset({"이날"})
#: what may follow a "the day before" that is an adverb, not a preposition ("The day before,
#: Orban met Putin"; not "the day before the summit", a day of another event)
_ALONE = r"(?=\s*[,.;:!?)»”\"]|\s*$)"
#: not after a Han character (Chinese "峰会前一天", Japanese "会談の前日": the day before the
#: summit, the talks) nor right after a Korean noun and its space ("회담 전날"), but after a
#: word its topic or subject particle closes ("장관은 전날 ... 통화했다": the day before)
_CJK_ALONE = r"(?<![\u3040-\u30ff\u4e00-\u9fffの])"
_KO_ALONE = r"(?<![가-힣])(?:(?<=[은는이가도] )|(?<![가-힣] ))"

#: what may follow Russian "накануне" or Ukrainian "напередодні" used as an adverb (the day
#: before): a stop, a time of day, a preposition ("накануне в Минске"), a verb in the past
#: ("накануне заявил", Russian: its "-л" forms), or its subject, a name or an acronym of
#: one or two capitalised words, and then such a verb ("Накануне Мишустин обсудил",
#: "Накануне МИД заявил", "Напередодні Сибіга провів": in Ukrainian the masculine "-в" too,
#: read only there, as "виборів" ends so); not a noun, whose event's eve it names
#: ("накануне саммита", "напередодні виборів", "Напередодні Дня Незалежності")
_RU_EVE_ALONE = (r"(?=\s*[,.;:!?)]|\s+(?:вечером|днем|днём|утром|ночью)(?!\w)|\s+(?:в|во|на|с|со|по|у|из|из-за)\s"
                 r"|(?:\s+[А-ЯЁ][\w-]*){0,2}\s+\w+(?:л|ла|ло|ли|лся|лась|лось|лись)(?!\w)|\s*$)")
_UK_EVE_ALONE = (r"(?=\s*[,.;:!?)]|\s+(?:увечері|ввечері|вдень|вранці|уночі)(?!\w)|\s+(?:в|у|на|з|із|зі|по)\s"
                 r"|\s+\w+(?:ла|ло|ли|лася|лося|лися)(?!\w)"
                 r"|(?:\s+[А-ЯІЇЄҐ][\w'ʼ’-]*){1,2}\s+\w+(?:в|ла|ло|ли|вся|лася|лося|лися)(?!\w)|\s*$)")

# Days told from the last day the text named (its story's day), not from publication: "the
# day before", "la veille", "накануне", "前日", "이날" (that same day). Offset in days, and
# a guard: a regex before the word (a lookbehind) and after it (a lookahead), where the
# words are also a preposition before another event ("the day before the summit", "la
# veille du sommet", "zirveden bir gün önce"). Without an earlier day in the text, publication's.
# "A day after <an event>" ("a day after the summit", "au lendemain du sommet", "einen Tag
# nach", "на следующий день после") dates the event it opens: the day before the day the text
# named last ("Macron spoke on Friday, a day after meeting Putin": the meeting is Thursday).
_STORY_DAYS: dict[str, dict[str, tuple[int, str, str]]] = {
    "en": {"a day after": (-1, "", ""), "one day after": (-1, "", ""), "the previous day": (-1, "", ""), "a day earlier": (-1, "", ""), "the day before": (-1, "", _ALONE),
           "the next day": (1, "", ""), "the following day": (1, "", ""), "a day later": (1, "", ""),
           "the same day": (0, "", ""), "earlier that day": (0, "", ""), "later that day": (0, "", "")},
    "fr": {"au lendemain de": (-1, "", ""), "au lendemain du": (-1, "", ""), "au lendemain des": (-1, "", ""),
           "au lendemain d'": (-1, "", ""), "un jour après": (-1, "", ""), "la veille": (-1, "", r"(?!\s+(?:de|du|des|d['’]))"), "le lendemain": (1, "", r"(?!\s+(?:de|du|des|d['’]))"),
           "le jour même": (0, "", ""), "le même jour": (0, "", ""), "un jour plus tôt": (-1, "", ""),
           "un jour plus tard": (1, "", "")},
    "de": {"einen Tag nach": (-1, "", ""), "am Vortag": (-1, "", ""), "tags zuvor": (-1, "", ""), "einen Tag zuvor": (-1, "", ""),
           "am Tag zuvor": (-1, "", ""), "einen Tag vorher": (-1, "", ""), "am Vorabend": (-1, "", r"(?!\s+(?:des|der|von|vom))"),
           "am Folgetag": (1, "", ""), "tags darauf": (1, "", ""), "am nächsten Tag": (1, "", ""),
           "am Tag danach": (1, "", ""), "einen Tag später": (1, "", ""), "am selben Tag": (0, "", ""),
           "am gleichen Tag": (0, "", ""), "am selben Abend": (0, "", "")},
    "es": {"un día después de": (-1, "", ""), "un día después del": (-1, "", ""), "el día anterior": (-1, "", ""), "la víspera": (-1, "", r"(?!\s+de)"), "un día antes": (-1, "", r"(?!\s+de)"),
           "al día siguiente": (1, "", ""), "un día después": (1, "", r"(?!\s+de)"), "ese mismo día": (0, "", ""),
           "el mismo día": (0, "", r"(?!\s+(?:de|en))")},
    "it": {"il giorno dopo la": (-1, "", ""), "il giorno dopo il": (-1, "", ""), "all'indomani del": (-1, "", ""),
           "all'indomani della": (-1, "", ""), "il giorno prima": (-1, "", r"(?!\s+d(?:i|el|ella|ell['’]))"), "il giorno precedente": (-1, "", ""),
           "la vigilia": (-1, "", r"(?!\s+d(?:i|el|ella|ell['’]))"), "il giorno dopo": (1, "", r"(?!\s+d(?:i|el|ella|ell['’]))"),
           "il giorno successivo": (1, "", ""), "l'indomani": (1, "", r"(?!\s+d(?:i|el|ella|ell['’]))"),
           "l’indomani": (1, "", r"(?!\s+d(?:i|el|ella|ell['’]))"), "lo stesso giorno": (0, "", "")},
    "pt": {"um dia depois da": (-1, "", ""), "um dia depois do": (-1, "", ""), "um dia depois de": (-1, "", ""),
           "um dia após": (-1, "", ""), "na véspera": (-1, "", r"(?!\s+d[aoe])"), "no dia anterior": (-1, "", ""), "um dia antes": (-1, "", r"(?!\s+d[aoe])"),
           "no dia seguinte": (1, "", ""), "um dia depois": (1, "", r"(?!\s+d[aoe])"), "no mesmo dia": (0, "", "")},
    "pl": {"dzień wcześniej": (-1, "", ""), "poprzedniego dnia": (-1, "", ""), "dzień przedtem": (-1, "", ""),
           "w przeddzień": (-1, "", _ALONE), "dzień później": (1, "", ""), "następnego dnia": (1, "", ""),
           "nazajutrz": (1, "", ""), "tego samego dnia": (0, "", ""), "tego dnia": (0, "", "")},
    "ru": {"на следующий день после": (-1, "", ""), "через день после": (-1, "", ""), "накануне": (-1, "", _RU_EVE_ALONE),
           "днем ранее": (-1, "", ""), "днём ранее": (-1, "", ""), "за день до этого": (-1, "", ""),
           "на следующий день": (1, "", ""), "днем позже": (1, "", ""), "днём позже": (1, "", ""),
           "в тот же день": (0, "", "")},
    "uk": {"наступного дня після": (-1, "", ""), "через день після": (-1, "", ""), "напередодні": (-1, "", _UK_EVE_ALONE),
           "днем раніше": (-1, "", ""), "за день до цього": (-1, "", ""), "наступного дня": (1, "", ""),
           "днем пізніше": (1, "", ""), "того ж дня": (0, "", ""), "того самого дня": (0, "", "")},
    "hr": {"dan nakon": (-1, "", ""), "dan poslije": (-1, "", ""), "dan ranije": (-1, "", ""), "dan prije": (-1, "", _ALONE), "prethodnog dana": (-1, "", ""),
           "prethodni dan": (-1, "", ""), "sutradan": (1, "", ""), "dan kasnije": (1, "", ""),
           "idućeg dana": (1, "", ""), "sljedećeg dana": (1, "", ""), "istog dana": (0, "", ""),
           "istoga dana": (0, "", "")},
    # not after an ablative ("zirveden bir gün önce": a day before the summit)
    "tr": {"bir gün önce": (-1, r"(?<!dan )(?<!den )(?<!tan )(?<!ten )", ""),
           "bir gün sonra": (1, r"(?<!dan )(?<!den )(?<!tan )(?<!ten )", ""), "ertesi gün": (1, "", ""),
           "aynı gün": (0, "", "")},
    "id": {"sehari setelah": (-1, "", ""), "sehari sesudah": (-1, "", ""), "sehari sebelumnya": (-1, "", ""), "sehari kemudian": (1, "", ""), "keesokan harinya": (1, "", ""),
           "sehari setelahnya": (1, "", ""), "hari yang sama": (0, "", "")},
    "vi": {"một ngày sau khi": (-1, "", ""), "một ngày trước đó": (-1, "", ""), "ngày hôm trước": (-1, "", ""), "hôm trước": (-1, "", _ALONE),
           "ngày hôm sau": (1, "", ""), "hôm sau": (1, "", ""), "một ngày sau đó": (1, "", ""),
           "cùng ngày": (0, "", "")},
    "zh": {"前一天": (-1, _CJK_ALONE, ""), "前一日": (-1, _CJK_ALONE, ""), "次日": (1, "", ""),
           "翌日": (1, "", ""), "第二天": (1, _CJK_ALONE, ""), "当天": (0, "", ""), "當天": (0, "", ""),
           "同日": (0, "", ""), "当日": (0, "", ""), "當日": (0, "", "")},
    "ja": {"前日": (-1, _CJK_ALONE, ""), "翌日": (1, _CJK_ALONE, ""), "同日": (0, "", ""), "当日": (0, "", "")},
    # "이날" (this day) is the story's own day, the first the text names, not the last ("북한은
    # 지난 15일 ... 발사했다. ... 대변인은 이날 ...": the 18th of the lead)
    "ko": {"이날": (0, r"(?<![가-힣])", ""), "같은 날": (0, "", ""), "그 전날": (-1, "", ""),
           "전날": (-1, _KO_ALONE, ""), "다음날": (1, _KO_ALONE, ""), "다음 날": (1, _KO_ALONE, ""),
           "이튿날": (1, "", "")},
    "ar": {"في اليوم السابق": (-1, "", ""), "قبل ذلك بيوم": (-1, "", ""), "في اليوم التالي": (1, "", ""),
           "بعد ذلك بيوم": (1, "", ""), "في اليوم نفسه": (0, "", ""), "في نفس اليوم": (0, "", ""),
           "في اليوم ذاته": (0, "", "")},
}


# Relative periods: (unit, offset) from the publication's month, week or year. "next month"
# is the month after publication, "within the year" its year; a week is the month of its
# Thursday ("下周" in a story of 6 March: 2025-03).
_REL_PERIODS: dict[str, dict[str, tuple[str, int]]] = {
    "zh": {"下月": ("m", 1), "下个月": ("m", 1), "下個月": ("m", 1), "上月": ("m", -1),
           "上个月": ("m", -1), "上個月": ("m", -1), "本月": ("m", 0), "下周": ("w", 1),
           "下週": ("w", 1), "下星期": ("w", 1), "上周": ("w", -1), "上週": ("w", -1),
           "本周": ("w", 0), "本週": ("w", 0), "年内": ("y", 0), "年內": ("y", 0),
           "今年": ("y", 0), "明年": ("y", 1), "去年": ("y", -1)},
    "ja": {"来月": ("m", 1), "先月": ("m", -1), "今月": ("m", 0), "来週": ("w", 1),
           "先週": ("w", -1), "今週": ("w", 0), "年内": ("y", 0), "今年": ("y", 0),
           "来年": ("y", 1), "昨年": ("y", -1), "去年": ("y", -1)},
    "ko": {"다음 달": ("m", 1), "다음달": ("m", 1), "내달": ("m", 1), "지난달": ("m", -1),
           "지난 달": ("m", -1), "이번 달": ("m", 0), "이달 초": ("m", 0), "다음 주": ("w", 1), "다음주": ("w", 1),
           "지난주": ("w", -1), "지난 주": ("w", -1), "이번 주": ("w", 0), "연내": ("y", 0),
           "올해": ("y", 0), "내년": ("y", 1), "지난해": ("y", -1), "작년": ("y", -1)},
    "vi": {"tháng tới": ("m", 1), "tháng sau": ("m", 1), "tháng trước": ("m", -1), "tuần qua": ("w", -1),
           "tháng này": ("m", 0), "tuần tới": ("w", 1), "tuần sau": ("w", 1),
           "tuần trước": ("w", -1), "tuần này": ("w", 0), "năm nay": ("y", 0),
           "năm tới": ("y", 1), "năm sau": ("y", 1), "năm ngoái": ("y", -1)},
    "id": {"bulan depan": ("m", 1), "bulan lalu": ("m", -1), "bulan ini": ("m", 0),
           "pekan depan": ("w", 1), "minggu depan": ("w", 1), "pekan lalu": ("w", -1),
           "minggu lalu": ("w", -1), "pekan ini": ("w", 0), "minggu ini": ("w", 0),
           "tahun ini": ("y", 0), "tahun depan": ("y", 1), "tahun lalu": ("y", -1)},
    "ar": {"الشهر المقبل": ("m", 1), "الشهر القادم": ("m", 1), "الشهر الماضي": ("m", -1),
           "الأسبوع المقبل": ("w", 1), "الأسبوع القادم": ("w", 1), "الأسبوع الماضي": ("w", -1),
           "هذا الأسبوع": ("w", 0), "هذا الشهر": ("m", 0), "الشهر الجاري": ("m", 0),
           "هذا العام": ("y", 0), "العام الجاري": ("y", 0),
           "العام المقبل": ("y", 1), "العام القادم": ("y", 1), "العام الماضي": ("y", -1)},
    # English, Romance, German, Slavic and Turkish: past periods, the present week and month
    # ("this week", "earlier this month"), and the month and year ahead, which lie after
    # publication whole (so a refusal or warning, dated by the day it was made, never takes
    # them). "Next week" is left out: its month is mostly the publication's, where it is not
    # told from a date already past (measured in French: "la semaine prochaine" dated two
    # pledges by their event, fr date 0.82 -> 0.76; in Croatian and Turkish it dated two
    # refusals by the summit they refused), and so is "this year" (a pledge "to give this
    # year" is dated by the day it was made)
    "en": {"last month": ("m", -1), "last week": ("w", -1), "last weekend": ("w", -1),
           "last year": ("y", -1), "this week": ("w", 0), "earlier this week": ("w", 0),
           "this month": ("m", 0), "earlier this month": ("m", 0), "next month": ("m", 1),
           "next year": ("y", 1)},
    "fr": {"le mois dernier": ("m", -1), "la semaine dernière": ("w", -1), "l'an dernier": ("y", -1),
           "l’an dernier": ("y", -1), "l'année dernière": ("y", -1), "l’année dernière": ("y", -1),
           "cette semaine": ("w", 0), "ce mois-ci": ("m", 0), "plus tôt ce mois-ci": ("m", 0),
           "début du mois": ("m", 0), "en début de mois": ("m", 0), "le mois prochain": ("m", 1),
           "l'an prochain": ("y", 1), "l’an prochain": ("y", 1), "l'année prochaine": ("y", 1),
           "l’année prochaine": ("y", 1)},
    "es": {"el mes pasado": ("m", -1), "la semana pasada": ("w", -1), "el año pasado": ("y", -1),
           "esta semana": ("w", 0), "este mes": ("m", 0), "principios de este mes": ("m", 0),
           "principios de mes": ("m", 0), "el próximo mes": ("m", 1), "el mes próximo": ("m", 1),
           "el mes que viene": ("m", 1), "el próximo año": ("y", 1), "el año que viene": ("y", 1)},
    "it": {"il mese scorso": ("m", -1), "la settimana scorsa": ("w", -1), "l'anno scorso": ("y", -1),
           "l’anno scorso": ("y", -1), "questa settimana": ("w", 0), "questo mese": ("m", 0),
           "all'inizio del mese": ("m", 0), "all’inizio del mese": ("m", 0),
           "inizio mese": ("m", 0), "la scorsa settimana": ("w", -1), "la settimana passata": ("w", -1),
           "lo scorso mese": ("m", -1), "il mese passato": ("m", -1), "lo scorso anno": ("y", -1),
           "l'anno passato": ("y", -1), "l’anno passato": ("y", -1),
           "il mese prossimo": ("m", 1), "il prossimo mese": ("m", 1),
           "l'anno prossimo": ("y", 1), "l’anno prossimo": ("y", 1), "il prossimo anno": ("y", 1)},
    "pt": {"o mês passado": ("m", -1), "no mês passado": ("m", -1), "a semana passada": ("w", -1),
           "na semana passada": ("w", -1), "o ano passado": ("y", -1), "no ano passado": ("y", -1),
           "esta semana": ("w", 0), "nesta semana": ("w", 0), "este mês": ("m", 0),
           "neste mês": ("m", 0), "início deste mês": ("m", 0), "início do mês": ("m", 0),
           "próximo mês": ("m", 1), "mês que vem": ("m", 1), "próximo ano": ("y", 1),
           "ano que vem": ("y", 1)},
    "de": {"diese Woche": ("w", 0), "dieser Woche": ("w", 0), "Anfang der Woche": ("w", 0),
           "diesen Monat": ("m", 0), "diesem Monat": ("m", 0), "Anfang des Monats": ("m", 0),
           "Anfang dieses Monats": ("m", 0), "letzte Woche": ("w", -1), "letzten Woche": ("w", -1),
           "vergangene Woche": ("w", -1), "vergangenen Woche": ("w", -1), "letzten Monat": ("m", -1),
           "vergangenen Monat": ("m", -1), "vergangenes Jahr": ("y", -1), "vergangenen Jahr": ("y", -1),
           "letztes Jahr": ("y", -1), "letzten Jahr": ("y", -1), "nächsten Monat": ("m", 1),
           "kommenden Monat": ("m", 1), "nächstes Jahr": ("y", 1), "nächsten Jahr": ("y", 1)},
    "pl": {"w tym tygodniu": ("w", 0), "w tym miesiącu": ("m", 0), "na początku miesiąca": ("m", 0),
           "w zeszłym tygodniu": ("w", -1), "w ubiegłym tygodniu": ("w", -1),
           "w zeszłym miesiącu": ("m", -1), "w ubiegłym miesiącu": ("m", -1),
           "w zeszłym roku": ("y", -1), "w ubiegłym roku": ("y", -1), "w przyszłym miesiącu": ("m", 1),
           "w przyszłym roku": ("y", 1)},
    "ru": {"на этой неделе": ("w", 0), "в этом месяце": ("m", 0), "в начале месяца": ("m", 0),
           "в начале этого месяца": ("m", 0), "на прошлой неделе": ("w", -1),
           "в прошлом месяце": ("m", -1), "в прошлом году": ("y", -1), "в следующем месяце": ("m", 1),
           "в следующем году": ("y", 1)},
    "uk": {"цього тижня": ("w", 0), "на цьому тижні": ("w", 0), "цього місяця": ("m", 0),
           "на початку місяця": ("m", 0), "минулого тижня": ("w", -1), "минулого місяця": ("m", -1),
           # the locative of the same ("на минулому тижні": last week)
           "на минулому тижні": ("w", -1), "у минулому місяці": ("m", -1), "в минулому місяці": ("m", -1),
           "минулого року": ("y", -1), "торік": ("y", -1), "наступного місяця": ("m", 1),
           "наступного року": ("y", 1)},
    "hr": {"ovog tjedna": ("w", 0), "ovoga tjedna": ("w", 0), "ovaj tjedan": ("w", 0),
           "ovog mjeseca": ("m", 0), "ovoga mjeseca": ("m", 0), "početkom mjeseca": ("m", 0),
           "prošlog tjedna": ("w", -1), "prošli tjedan": ("w", -1), "prošlog mjeseca": ("m", -1),
           "prošle godine": ("y", -1), "lani": ("y", -1), "idućeg mjeseca": ("m", 1),
           "sljedećeg mjeseca": ("m", 1), "iduće godine": ("y", 1), "sljedeće godine": ("y", 1)},
    "tr": {"bu hafta": ("w", 0), "bu ay": ("m", 0), "bu ayın başında": ("m", 0), "ayın başında": ("m", 0),
           "geçtiğimiz hafta": ("w", -1), "geçtiğimiz ay": ("m", -1), "geçtiğimiz yıl": ("y", -1),
           "geçen hafta": ("w", -1), "geçen ay": ("m", -1), "geçen yıl": ("y", -1),
           "gelecek ay": ("m", 1), "önümüzdeki ay": ("m", 1), "gelecek yıl": ("y", 1),
           "önümüzdeki yıl": ("y", 1)},
}  # fmt: skip


# Words near a weekday that move it forward or back, and future-tense cues.
_NEXT = re.compile(r"(?i)\b(?:next|coming|this coming|prochaine?|nächste[nr]?|kommenden?|próxim[oa]|"
                   r"prossim[oa]|następn\w*|следующ\w*|наступн\w*|sljedeć\w*|depan|tới|sau|gelecek|önümüzdeki|"
                   r"المقبل|المقبلة|القادم|القادمة)\b|"
                   r"下周|下週|下星期|下个|来週|다음")
_LAST = re.compile(r"(?i)\b(?:last|past|previous|dernière|dernier|letzten|vergangenen|pasad[oa]|passad[oa]|"
                   r"scors[oa]|última|ultim[oa]|"
                   r"ostatni\w*|прошл\w*|минул\w*|prošl\w*|lalu|kemarin|trước|geçen|الماضي|الماضية)\b|"
                   r"上周|上週|上星期|上个|先週|지난")
_FUTURE = re.compile(r"(?i)\b(?:will|shall|is to|are to|is due|are due|(?:is|are) set to|(?:is|are) expected to|scheduled|plans? to|"
                     r"going to|to be held|sẽ|akan|va|vont|aura|wird|werden|soll|será|"
                     r"serán|va a|sarà|vai|irá|\w+rá|\w+rán|\w+rà|\w+ranno|tiendra|aura lieu|będzie|będą|odbędzie|будет|будут|состоится|"
                     r"буде|будуть|відбудеться|će|ćе|olacak|edecek|planlanıyor|planlanan|bekleniyor|öngörülüyor|"
                     r"سوف|\w+(?:acak|ecek|acağ|eceğ)\w*)\b|"
                     r"将|將|将于|將於|计划|計劃|拟|予定|する見通し|예정|할 것")
#: future-tense forms of one language, read in its texts only: endings and words that are other
#: words elsewhere ("-ront", "-ra" in French; "Sierra" too, a rare cost; "sera", Italian for
#: evening: "martedì sera" is last Tuesday evening), and the verbs of meetings,
#: visits and signings whose perfective future no ending tells from a present ("встретятся",
#: "spotkają", "зустрінуться"; Arabic "سـ" before the verb)
_FUTURE_FORMS: dict[str, str] = {
    "fr": r"\w{2,}ront|\w{3,}(?:era|ira|dra|rra)|sera|seront|auront|feront|iront",
    "pt": r"vão|\w+(?:ar|er|ir)ão",
    "es": r"van a|vamos a",
    "pl": r"spotkają|spotka|odwiedzi|odwiedzą|podpiszą|podpisze|przyjedzie|przyjadą|przybędzie|"
          r"przybędą|omówią|omówi|rozpoczną|rozpocznie|wezmą|weźmie|zostanie|zostaną",
    "ru": r"встретятся|встретится|проведут|проведет|проведёт|посетит|посетят|прибудет|прибудут|"
          r"подпишут|подпишет|обсудят|обсудит|примут|примет|начнутся|начнется|начнётся",
    "uk": r"зустрінуться|зустрінеться|проведуть|проведе|відвідає|відвідають|прибуде|прибудуть|"
          r"підпишуть|підпише|обговорять|обговорить|візьмуть|візьме|розпочнуться|розпочнеться",
    "ar": r"سيلتقي|ستلتقي|سيجتمع|ستجتمع|سيعقد|ستعقد|سيزور|ستزور|سيبحث|ستبحث|سيتوجه|سيبدأ|ستبدأ|سيوقع|ستوقع",
}
_WEEK_NOT_SUNDAY = re.compile(r"[Mm]inggu\s+(?:ini|lalu|depan|kemarin|terakhir)\b")
_SENT_END = re.compile(r"[.!?。！？\n]")
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    resolve: Callable[[dt.date | None, str], DateRef]


def _num(s: str) -> int:
    return int(s)  # int() accepts any Unicode decimal digits (０-９, ٠-٩)


# ----------------------------------------------------------------- resolution


def _ref(raw: str, value: str | None, how: DateResolution) -> DateRef:
    if value is None:
        return DateRef(raw=raw, resolution=DateResolution.unresolved)
    return DateRef(value=value, raw=raw, resolution=how)


def _day_ref(raw: str, d: dt.date, how: DateResolution) -> DateRef:
    return DateRef(value=d.isoformat(), granularity=DateGranularity.day, raw=raw, resolution=how)


def _nearest_year(month: int, day: int | None, pub: dt.date) -> int | None:
    """The year that puts month/day nearest the publication date."""
    best: tuple[int, int] | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(year, month, day or 15)
        except ValueError:
            continue
        gap = abs((d - pub).days)
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


def _ymd(raw: str, year: int | None, month: int, day: int | None,
         pub: dt.date | None) -> DateRef:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return _ref(raw, None, DateResolution.unresolved)
    how = DateResolution.explicit
    if year is None:
        if pub is None:
            return _ref(raw, None, DateResolution.unresolved)
        year = _nearest_year(month, day, pub)
        how = DateResolution.relative
        if year is None:
            return _ref(raw, None, DateResolution.unresolved)
    if day is None:
        return DateRef(value=f"{year:04d}-{month:02d}", granularity=DateGranularity.month,
                       raw=raw, resolution=how)
    try:
        return _day_ref(raw, dt.date(year, month, day), how)
    except ValueError:
        return _ref(raw, None, DateResolution.unresolved)


#: the "for" of a date set ahead, before a month or a weekday (an article apart): "a meeting
#: for June", "prévue pour lundi", "für Montag", "para el lunes", "per lunedì", "на июнь",
#: "za lipanj"; the day or month ahead of publication, as after a future verb (not Latin
#: "na": Portuguese "na segunda" is "on Monday", past or not); not the "на" of "в ночь на
#: среду", "у ніч на середу" (the night to Wednesday: the night before it, past or not)
_AHEAD = r"(?:for|pour|für|para|per|на|za)"
_AHEAD_BEFORE = re.compile(
    rf"(?i)(?<!\w)(?<!ночь )(?<!ніч )(?<!ночі )(?<!noć )(?<!noći ){_AHEAD}\s+(?:(?:the|el|le|il|lo|o|a|den|dem)\s+)?$"
)
#: the same opening a month's own match ("für Juni", "na czerwiec": Polish "na" before a
#: month is "for"; a Portuguese weekday's match may open with "na", "on")
_AHEAD_MONTH = re.compile(rf"(?i)(?:{_AHEAD}|na)\s")


#: what makes a month after a "for" (:data:`_AHEAD_MONTH`) the date something is set for: a
#: word of setting or putting off a date, or of an event that has one, anywhere in its clause
#: ("talks planned for May", "Der Gipfel ist für Juni geplant", "Выборы назначены на март",
#: "Gespräche ... für Juni"); without one the month is what an amount or a plan is for ("the
#: budget for May", "aid for May and June"), no date
_SCHEDULED = re.compile(
    r"(?i)(?<!\w)(?:plan|schedul|set|slat|due|fix|postpon|reschedul|call|expect|announc|talks|meeting|"
    r"summit|visit|vote|election|session|round|conference|prévu|fixé|programm|annonc|report|convoqu|"
    r"réunion|sommet|rencontr|visite|élection|scrutin|pourparlers|entretien|négociation|geplant|"
    r"angesetzt|angekündigt|vorgesehen|verschoben|terminiert|anberaumt|einberufen|treffen|gipfel|"
    r"gespräch|besuch|wahl|sitzung|konferenz|runde|verhandlung|previst|fijad|programad|convoc|anunciad|"
    r"aplazad|pospuest|reuni|cumbre|encuentro|elecci|votaci|conversaciones|ronda|negociaci|fissat|"
    r"programmat|indett|annunciat|rinviat|incontr|vertice|riunion|elezion|voto|colloqui|negoziat|marcad|"
    r"agendad|adiad|cimeira|cúpula|eleiç|votaç|conversaç|negociaç|zaplanow|wyznacz|przełoż|zwoła|"
    r"zapowiedz|spotkani|szczyt|rozmow|wizyt|wybor|głosowani|posiedzeni|negocjac|заплан|назнач|перенес|"
    r"перенёс|созва|анонсир|встреч|саммит|переговор|визит|выбор|голосовани|заседани|признач|скликан|"
    r"анонс|зустріч|саміт|візит|вибор|голосуван|засіданн|zakaz|rasp|odgođ|najav|sastan|razgovor|"
    r"posjet|izbor|glasovan|sjednic|pregovor)"
)


@functools.cache
def _start_month() -> re.Pattern[str]:
    """A start or a deadline opening a month's own match (or closing it, in Turkish): what it
    tells of begins or ends then, after it was said ("dès septembre", "à partir de juin",
    "ab Juli", "mulai Mei", "до конца мая", "do końca maja", "Haziran'dan itibaren"): the
    words of :data:`_AHEAD_CLASSES` and :data:`_AFTER_CLASSES` of every language."""
    languages = list(_date_words())
    before = _words_alternation(_class_words(languages, _AHEAD_CLASSES))
    after = _words_alternation(_class_words(languages, _AFTER_CLASSES))
    return re.compile(rf"(?i)^(?:{before})\s|(?:{after})$")


def _ahead(context: str, raw: str, *, month: bool = False) -> bool:
    """The date ``raw`` is set ahead by a "for" written before it (:data:`_AHEAD`), or, a
    month's, opening it, or a start or deadline in it (:func:`_start_month`)."""
    if month and (_AHEAD_MONTH.match(raw) or _start_month().search(raw)):
        return True
    at = context.find(raw)
    return at >= 0 and _AHEAD_BEFORE.search(context, max(0, at - 24), at) is not None


def _weekday(raw: str, wd: int, pub: dt.date | None, context: str, tense: _Tense | None = None) -> DateRef:
    if pub is None:
        return _ref(raw, None, DateResolution.unresolved)
    back = (pub.weekday() - wd) % 7
    near = _near(context, raw)
    if _LAST.search(near):
        d = pub - dt.timedelta(days=back or 7)
    elif _NEXT.search(near):
        d = pub + dt.timedelta(days=((wd - pub.weekday()) % 7) or 7)
    elif _ahead(context, raw) or _future(_part(context, raw, tense), tense):
        d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
    else:
        d = pub - dt.timedelta(days=back)
    return _day_ref(raw, d, DateResolution.relative)


#: how far "next" or "last" may stand from the weekday it qualifies ("el próximo lunes",
#: "lunedì prossimo", "last Tuesday"; not "next month, ... announced on Tuesday")
_QUALIFIER_REACH = 14


def _near(context: str, raw: str) -> str:
    """The words right around the weekday ``raw`` in its clause ``context``, not past a
    comma or stop ("в пятницу, на следующий день после встречи": Friday, the day after a
    meeting, is no "next Friday")."""
    at = context.find(raw)
    if at < 0:
        return context
    before = _BREAK.split(context[max(0, at - _QUALIFIER_REACH) : at])[-1]
    after = _BREAK.split(context[at + len(raw) : at + len(raw) + _QUALIFIER_REACH])[0]
    return before + raw + after


#: what a "next" or "last" does not reach across to its weekday
_BREAK = re.compile(r"[,;:.!?()]")


#: what ends the part of a clause a weekday's tense is read in: a comma, or a word that
#: opens a reported clause, whose verb has a tense of its own ("said on Tuesday that the
#: jets will arrive", "explicó el martes que llegarán", "заявил во вторник, что ...")
_PART_END = re.compile(r"[,;，；、]|(?i:(?<!\w)(?:that|que|qu['’]|che|dass|что|що|że|bahwa|rằng|بأن)(?!\w))")


#: how far the clause of a date reaches each side of it (:func:`_context`), and after it in
#: the languages that put the verb last (Turkish "pazartesi günü ... görüşmesi planlanıyor",
#: Korean "월요일 ... 회담할 예정이다", Japanese "月曜日に ... 会談する予定だ"): a tense cue
#: stands at the clause's end there, often past the first reach
_REACH = 80
_VERB_FINAL_REACH = 200
_VERB_FINAL = frozenset({"tr", "ko", "ja"})


@dataclass(frozen=True)
class _Tense:
    """How a language's tense is read around a date: its own future-tense forms
    (:data:`_FUTURE_FORMS`), what ends the part of a clause a date's tense is read in
    (:data:`_PART_END` and the language's ``that`` words of ``data/dates.json``: Croatian
    "rekao je u srijedu da će ...") and how far the clause reaches after the date."""

    future: re.Pattern[str] | None
    clause_end: re.Pattern[str]
    reach: int


@functools.cache
def _tense(lang: str | None) -> _Tense:
    """The :class:`_Tense` of ``lang``."""
    future = re.compile(rf"(?<!\w)(?:{_FUTURE_FORMS[lang]})(?!\w)") if lang in _FUTURE_FORMS else None
    that = _words_alternation(_class_words([lang] if lang else [], ("that",)))
    clause_end = re.compile(rf"{_PART_END.pattern}|(?i:(?<!\w)(?:{that})(?!\w))") if that else _PART_END
    return _Tense(future, clause_end, _VERB_FINAL_REACH if lang in _VERB_FINAL else _REACH)


def _part(context: str, raw: str, tense: _Tense | None = None) -> str:
    """The part of ``context`` holding the weekday ``raw`` between commas and the words
    that open a reported clause (:data:`_PART_END`): its tense is the weekday's ("Kyiv
    will get jets, the minister said on Friday": said, not will; "the minister said on
    Friday that Kyiv will get jets"); a part of little more than the weekday takes the
    next part too ("On Friday, leaders will meet")."""
    at = context.find(raw)
    if at < 0:
        return context
    clause_end = tense.clause_end if tense is not None else _PART_END
    starts = [0] + [m.end() for m in clause_end.finditer(context, 0, at)]
    ends = [m.start() for m in clause_end.finditer(context, at + len(raw))] + [len(context)]
    part = context[starts[-1] : ends[0]]
    if len(_WORDS.findall(part.replace(raw, " "))) <= 1 and len(ends) > 1:
        part = context[starts[-1] : ends[1]]
    return part


def _no_year(raw: str, month: int, day: int | None, pub: dt.date | None,
             context: str, tense: _Tense | None = None) -> DateRef:
    """A month (and day) without a year: the one nearest publication, or, when the words
    around it are future tense ("will be held in December", "se celebrará en diciembre",
    "wird im Dezember") and that one is past, the one a year later."""
    if pub is None or not 1 <= month <= 12 or not (_ahead(context, raw, month=True) or _future(_part(context, raw, tense), tense)):
        return _ymd(raw, None, month, day, pub)
    near = _ymd(raw, None, month, day, pub)
    # a day up to a month before publication stays: "will" may be another verb's tense
    if near.value is None or near.value[:7] >= f"{pub.year:04d}-{pub.month:02d}" or (
            day and dt.date.fromisoformat(near.value) >= pub - dt.timedelta(days=31)):
        return near
    return _ymd(raw, int(near.value[:4]) + 1, month, day, pub).model_copy(
        update={"resolution": DateResolution.relative})


def _future(part: str, tense: _Tense | None) -> bool:
    """``part`` of a clause is in the future tense: a cue of every language (:data:`_FUTURE`)
    or of the text's own (``future``, :data:`_FUTURE_FORMS`)."""
    future = tense.future if tense is not None else None
    return _FUTURE.search(part) is not None or (future is not None and future.search(part) is not None)


#: the week a weekday is named in, from publication's: "上周二", "先週火曜日", "지난주 화요일",
#: "thứ Ba tuần trước" (Tuesday of last week), "下周二", "来週", "다음 주", "tuần tới" (of next
#: week), "本周二", "今週", "이번 주", "tuần này" (of this week)
_WEEKS = {"上": -1, "先週": -1, "지난주": -1, "tuần trước": -1, "tuần qua": -1,
          "下": 1, "来週": 1, "다음주": 1, "tuần tới": 1, "tuần sau": 1,
          "本": 0, "这": 0, "這": 0, "今週": 0, "이번주": 0, "tuần này": 0}


#: the week written after a weekday in the languages written with spaces: "Tuesday last week",
#: "Dienstag vergangener Woche", "el martes de la semana pasada", "Selasa pekan lalu"
_WEEK_AFTER: dict[str, dict[str, int]] = {
    "en": {"last week": -1, "next week": 1, "this week": 0},
    "fr": {"de la semaine dernière": -1, "de la semaine prochaine": 1},
    "de": {"vergangener Woche": -1, "letzter Woche": -1, "nächster Woche": 1, "kommender Woche": 1},
    "es": {"de la semana pasada": -1, "de la próxima semana": 1, "de la semana que viene": 1},
    "it": {"della scorsa settimana": -1, "della settimana scorsa": -1, "della prossima settimana": 1},
    "pt": {"da semana passada": -1, "da próxima semana": 1},
    "pl": {"w zeszłym tygodniu": -1, "w ubiegłym tygodniu": -1, "w przyszłym tygodniu": 1},
    "ru": {"на прошлой неделе": -1, "на следующей неделе": 1},
    "uk": {"минулого тижня": -1, "наступного тижня": 1},
    "hr": {"prošlog tjedna": -1, "sljedećeg tjedna": 1, "idućeg tjedna": 1},
    "id": {"pekan lalu": -1, "minggu lalu": -1, "pekan depan": 1, "minggu depan": 1},
}
_WEEKS_AFTER = {fold_case_loose(w): n for table in _WEEK_AFTER.values() for w, n in table.items()}


def _in_week(raw: str, wd: int, weeks: int, pub: dt.date | None) -> DateRef:
    """The weekday ``wd`` of the calendar week (Monday to Sunday) ``weeks`` from publication's:
    "上周二" read on a Thursday is the Tuesday of the week before, not two days before."""
    if pub is None:
        return _ref(raw, None, DateResolution.unresolved)
    return _day_ref(raw, pub + dt.timedelta(days=7 * weeks + wd - pub.weekday()), DateResolution.relative)


def _offset(raw: str, days: int, pub: dt.date | None) -> DateRef:
    if pub is None:
        return _ref(raw, None, DateResolution.unresolved)
    return _day_ref(raw, pub + dt.timedelta(days=days), DateResolution.relative)


def _month_day(raw: str, months: int, day: int, pub: dt.date | None) -> DateRef:
    """"今月5日", "上月28日": that day of the month ``months`` from publication's."""
    if pub is None:
        return _ref(raw, None, DateResolution.unresolved)
    year, month = divmod(pub.year * 12 + pub.month - 1 + months, 12)
    try:
        return _day_ref(raw, dt.date(year, month + 1, day), DateResolution.relative)
    except ValueError:
        return _ref(raw, None, DateResolution.unresolved)


def _bare_day(raw: str, day: int, pub: dt.date | None, ahead: bool = False, coming: bool = False) -> DateRef:
    """"24日": that day of the publication month, or of the month before when it is after
    publication, unless the words around it are future tense (``ahead``: "将于20日举行", "20일
    회담할 예정", "sẽ ... ngày 20") or call it coming (``coming``: "오는 20일", "ngày 20 tới"),
    which a day before publication's puts in the next month."""
    if pub is None or not 1 <= day <= 31:
        return _ref(raw, None, DateResolution.unresolved)
    y, m = pub.year, pub.month
    if coming and day < pub.day:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    elif day > pub.day + 1 and not (ahead or coming):  # a day after publication: the previous month
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    try:
        return _day_ref(raw, dt.date(y, m, day), DateResolution.relative)
    except ValueError:
        return _ref(raw, None, DateResolution.unresolved)


#: what calls a bare day coming: Korean "오는" before it, Vietnamese "tới" after it
_COMING_BEFORE = re.compile(r"오는\s*$")
_COMING_AFTER = re.compile(r"\s*tới(?!\w)")


def _told_day(m: re.Match[str], raw: str, day: int, pub: dt.date | None, text: str,
              tense: _Tense | None = None) -> DateRef:
    """:func:`_bare_day` of the day matched by ``m``, read with the tense of its part of
    the clause (:func:`_part`) and the words that call it coming."""
    context = _context(text, m.start(), m.end(), tense)
    coming = bool(_COMING_BEFORE.search(text, max(0, m.start() - 4), m.start()) or _COMING_AFTER.match(text, m.end()))
    return _bare_day(raw, day, pub, ahead=_future(_part(context, raw, tense), tense), coming=coming)


# ------------------------------------------------------------------- patterns


@functools.cache
def _names(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """CLDR month names (folded -> 1..12) and weekday names (-> 0..6) of a language."""
    from babel import Locale, UnknownLocaleError

    months: dict[str, int] = {}
    days: dict[str, int] = {}
    try:
        loc = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return months, days
    for ctx in ("format", "stand-alone"):
        for table, out in ((loc.months, months), (loc.days, days)):
            try:
                names = dict(table[ctx]["wide"])
            except KeyError:  # some locales only have the format context
                continue
            for num, name in names.items():
                if re.search(r"\d", name) or any(is_cjk(c) for c in name):
                    continue  # "tháng 1", "3月", "수요일": the numeric/CJK patterns handle them
                key = name.lower() if out is months else name
                out[key] = int(num)
    days.update(_EXTRA_DAYS.get(lang, {}))
    months.update((name, n) for n, name in enumerate(_EXTRA_MONTHS.get(lang, []), 1))
    if lang == "ar":  # the Levantine names too ("17 أيار", "27 شباط"): CLDR ar_SY, as datelines read them
        months.update((name, int(num)) for num, name in Locale.parse("ar_SY").months["format"]["wide"].items())
    # weekdays CLDR writes in lower case start a sentence too ("Jeudi dernier, ...")
    days.update({n[:1].upper() + n[1:]: wd for n, wd in list(days.items()) if n[:1].islower()})
    for suffix in _DAY_PART_SUFFIXES.get(lang, ()):
        days.update({name + suffix: wd for name, wd in list(days.items()) if name[:1].isupper()})
    return months, days


@functools.cache
def month_names() -> frozenset[str]:
    """Lower-cased CLDR month names of English and every language that writes day-month.

    For telling an ordinal day ("am 3. März", "3. ožujka") from a sentence end; with the
    abbreviations agencies write in datelines ("Berlin, 3. Nov. (dpa) -").
    """
    abbreviated = (a for forms in _ABBREVIATED_MONTHS.values() for form in forms for a in form.split("/"))
    return frozenset([*(m for code in ("en", *sorted(_DM_LANGS)) for m in _names(code)[0]), *abbreviated])


@functools.cache
def calendar_words(lang: str) -> frozenset[str]:
    """Lower-cased CLDR month and weekday names of a language ("monday", "march", "понедельник"):
    words written with a capital that name no one."""
    months, days = _names(lang)
    return frozenset(w.lower() for w in (*months, *days))


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Lang:
    months: dict[str, int]
    days: dict[str, int]
    rel: dict[str, int]
    regex: re.Pattern[str]
    dm_order: bool  # numeric 10/4 is day/month
    periods: dict[str, tuple[str, int]]  # folded "next month" words -> (unit, offset)
    #: Aho-Corasick automaton of the folded words every match without a digit or a
    #: CJK date character holds (month, weekday and relative-day names, tháng, thứ)
    words: Any = None
    #: how its tense is read around a date (:func:`_tense`)
    tense: _Tense | None = None
    #: the folded words of :data:`_STORY_DAYS` -> their offset from the day the text named last
    story: dict[str, int] = field(default_factory=dict)


_DM_LANGS = frozenset({"vi", "id", "ms", "fr", "de", "es", "it", "pt", "pl", "uk", "ru", "hr",
                       "tr", "ar", "nl", "ro", "cs", "sk", "sl", "sr", "bs", "el", "da",
                       "nb", "sv", "fi"})  # fmt: skip
#: "and" between the two days of a range ("18 and 19 December", "18 e 19 de dezembro")
_RANGE_AND = r"\s(?:and|to|et|au|und|bis|y|al|e|a|i|и|і|ve|dan|hingga|sampai|do)\s"
_NUM_CUES = r"(?:ngày|hôm|sáng|chiều|tối|trưa|đêm|rạng sáng|tanggal|tgl\.?|pada|sejak|le|am|el|il|dia)"


#: the month named again, after a slash or in brackets, before the year: "11 مارس/آذار 2025",
#: "17 أيار (مايو) 2025" (Levantine and Egyptian names of one month)
_OTHER_NAME = r"(?:\s*/\s*[^\W\d_]+(?:\s[^\W\d_]+)?(?=\s*(?:19|20)\d\d)|\s*\([^\W\d_]+\)(?=\s*(?:19|20)\d\d))?"


#: a number that may be a day or a year of the date before it ("March 12", "marzo 2026"),
#: not an amount ("en abril 300 militares", "in April 2,000 troops", "w kwietniu 1.200 osób")
_DAY_OR_YEAR = r"(?:\d{1,2}|(?:19|20)\d\d)(?!\d|[.,]\d)"


#: what makes a Turkish month named alone a date: its locative ("Mart'ta", "Nisan'da"), "ayında"
#: (in the month of), its beginning, end or middle ("Mart başında", "Şubat sonunda", "Şubat
#: ayının sonunda", "Nisan ortasında"); not its ablative "Mart'tan", which may open a period
_TR_MONTH_AFTER = (
    r"(?:['’](?:da|de|ta|te)|\s+ay[ıi]nda|\s+ay[ıi]\s+içinde|['’](?:dan|den|tan|ten)\s+itibaren|['’](?:a|e|ya|ye)\s+kadar"
    r"|(?:\s+ay[ıi]n[ıi]n)?\s+(?:başında|sonunda|ortasında|sonuna\s+kadar))"
)

#: the week written after a Vietnamese weekday ("thứ Ba tuần trước": of last week; :data:`_WEEKS`)
_VI_WEEK = r"(?:,?\s+(?P<vwk>tuần\s+(?:trước|qua|tới|sau|này)))?"
#: its words, anchors of the windows a date is looked for in (:func:`_windows`)
_TR_MONTH_WORDS = ("ayında", "ayinda", "içinde", "başında", "sonunda", "ortasında", "sonuna", "itibaren", "kadar")


def _month_parts(mon: str, langs: list[str], day_mon: str) -> list[str]:
    """The patterns of dates with a month name: day-month(-year) (``day_mon``: the names
    with the abbreviations read only there), month-day, month-year, and a month alone
    after a preposition of one of ``langs``."""
    y = r"(?:19|20)\d\d"
    parts = [
        (rf"(?P<dmy>(?<!\d)(?:(?P<dd0>\d{{1,2}})\.?\s*(?:[-–—]|{_RANGE_AND})\s*)?(?P<dd>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+|of\s+|من\s+)?"
        rf"(?P<dm>(?i:{day_mon}))(?!\w){_OTHER_NAME}(?:,?\s*(?:de\s+|del\s+)?(?P<dy>{y}))?)"),
        (rf"(?P<mdy>(?<!\w)(?P<mm>(?i:{mon}))\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?\s+(?P<my>{y}))?)"),
        rf"(?P<my2>(?<!\w)(?P<mm2>(?i:{mon}))\s+(?:de\s+|of\s+)?(?P<my3>{y})(?!\d))",
    ]
    if "tr" in langs:  # Turkish marks a month by what follows it: "Mart'ta", "Mart ayında"
        parts.append(rf"(?P<mosfx>(?<!\w)(?P<mos>(?i:{mon})){_TR_MONTH_AFTER}(?!\w))")
    preps = _words_alternation(_class_words(langs, _MONTH_CLASSES))
    if preps:  # a month alone after a preposition: "in March", "в марте", "fin mars"
        parts.append(
            rf"(?P<mon>(?<!\w)(?i:{preps})[\s-]+(?P<mo>(?i:{mon}))(?!\w)"
            rf"(?!\s*,?\s*(?:de\s+|of\s+)?{_DAY_OR_YEAR}))"
        )
    return parts


def _abbreviated(langs: list[str], months: dict[str, int]) -> dict[str, int]:
    """The abbreviated month names of ``langs`` not among ``months``, with and without their dot."""
    return {
        f"{a}{dot}": n
        for code in langs
        for n, forms in enumerate(_ABBREVIATED_MONTHS.get(code, []), 1)
        for a in forms.split("/")
        for dot in ("", ".")
        if f"{a}{dot}" not in months
    }


@functools.cache
def _lang_table(lang: str | None) -> _Lang:
    langs = ["en"] if lang is None else (["en"] if lang == "en" else [lang, "en"])
    months: dict[str, int] = {}
    days: dict[str, int] = {}
    for code in langs:
        m, d = _names(code)
        months.update(m)
        days.update(d)
    if langs == ["en"]:  # English abbreviations are month names in English only ("Nov 3",
        # "in Jan"); in another language's table only after a day number (_abbreviated)
        months.update(_abbreviated(["en"], months))
    rel = _rel_days(lang, langs)
    guarded = _GUARDED_DAYS.get(lang or "", {})
    mon = _alt(list(months))
    abbreviated = _abbreviated(langs, months)
    day_mon = _alt([*months, *abbreviated]) if abbreviated else mon
    months.update(abbreviated)
    day_names = _alt(list(days))
    y = r"(?:19|20)\d\d"
    parts = [
        rf"(?P<iso>(?<!\d)(?P<iy>{y})-(?P<im>\d\d?)-(?P<id>\d\d?)(?!\d))",
        (rf"(?P<cjk>(?:(?P<cy>{_D}{{4}})\s*年|(?P<cyw>去年|今年|明年|前年))?\s*"
        rf"(?P<cm>{_D}{{1,2}})\s*月(?:\s*(?P<cd>{_D}{{1,2}})\s*[日号號])?)"),
        rf"(?P<cyo>(?P<cyy>{_D}{{4}})\s*年(?!\s*{_D}{{1,2}}\s*月))",
        rf"(?P<crel>(?P<crm>{_alt(list(_CJK_MONTHS))})\s*(?P<crd>{_D}{{1,2}})\s*[日号號](?![本曜元]))",
        r"(?P<ko>(?:(?P<ky>\d{4})년\s*)?(?P<km>\d{1,2})월(?:\s*(?P<kd>\d{1,2})일)?)",
        rf"(?P<bday>(?<![0-9０-９月/.])(?P<bd>{_D}{{1,2}})\s*(?:[日号號](?![本曜元])|일(?![간째본])))",
        r"(?P<zhwd>(?:上|下|本|这|這)?(?:个|個)?(?:周|週|星期|礼拜|禮拜)(?P<zw>[一二三四五六日天]))",
        r"(?P<jawd>(?:先週|来週|今週)?の?(?P<jw>[月火水木金土日])曜日?)",
        r"(?P<kowd>(?:(?P<kwk>지난\s?주|다음\s?주|이번\s?주)\s*)?(?P<kw>[월화수목금토일])요일)",
        (rf"(?P<vim>(?:ngày\s+)?(?P<vd>\d{{1,2}})\s+tháng\s+(?P<vm>\d{{1,2}})"
        rf"(?:\s*(?:năm|/)\s*(?P<vy>{y}))?)"),
        rf"(?P<vimo>[Tt]háng\s+(?P<vmo>\d{{1,2}})(?:\s*(?:năm|/)\s*(?P<vmy>{y}))?(?!\d))",
        rf"(?P<viwd>(?:[Tt]hứ\s+(?P<vw>Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])\b|[Cc]hủ\s+[Nn]hật){_VI_WEEK})",
        (rf"(?P<vinum>(?i:ngày|hôm|sáng|chiều|tối|trưa|đêm|rạng sáng)\s+(?P<vn1>\d{{1,2}})-"
         rf"(?P<vn2>\d{{1,2}})(?:-(?P<vn3>{y}))?(?![\d-]))"),
        (rf"(?P<num>(?:(?i:{_NUM_CUES})\s+)?(?<![\d/.,])(?P<n1>\d{{1,2}})(?P<sep>[/.])"
        rf"(?P<n2>\d{{1,2}})(?:(?P=sep)(?P<n3>{y}|\d\d))?(?![\d/]|\.\d))"),
    ]
    if months:
        parts += _month_parts(mon, langs, day_mon)
    periods = _period_part(langs, parts)
    if days:
        parts.append(_weekday_part(langs, day_names))
    if rel:
        parts.append(_rel_part(*_rel_kinds(rel), guarded))
    rel.update((w, n) for w, (n, _) in guarded.items())
    # a day of the month alone: "on the 27th", "ngày 27", "tanggal 27" (the month is the
    # publication's); not "the 27th of March" / "ngày 27 tháng 3" (other branches), not "27 countries"
    after_month = rf"\s*(?:of\s+)?(?:(?i:{mon})(?!\w)|tháng)" if months else r"\s*tháng"
    parts.append(
        rf"(?P<oday>(?<!\w)(?:(?i:on\s+the|the)\s+(?P<od>\d{{1,2}})(?:st|nd|rd|th)"
        rf"|(?i:ngày|tanggal)\s+(?P<od2>\d{{1,2}})(?![\d/.,]\d))(?!\w)(?!{after_month}))"
    )
    unspaced = [w for w in rel if _UNSPACED_CHAR.match(w)]
    story = _story_part(langs, parts)
    regex = re.compile(rf"{_lookahead(langs, months, days, rel, [*periods, *unspaced, *story])}(?:{'|'.join(parts)})")
    words = _word_automaton([*months, *days, *rel, *_ANCHOR_WORDS, *periods, *story])
    return _Lang(months, days, rel, regex, lang in _DM_LANGS, periods, words=words, tense=_tense(lang), story=story)


def _weekday_part(langs: list[str], day_names: str) -> str:
    """The pattern branch of a weekday of the table, and the week written after it in
    ``langs`` (:data:`_WEEK_AFTER`), group ``wwk``."""
    weeks = [w for code in langs for w in _WEEK_AFTER.get(code, {})]
    after = rf"(?:,?\s+(?P<wwk>(?i:{_alt(weeks)}))(?!\w))?" if weeks else ""
    return rf"(?P<wd>(?<!\w)(?P<wn>{day_names})(?!\w){after})"


def _story_key(words: str) -> str:
    """The lookup form of a :data:`_STORY_DAYS` phrase, as written or as its table has it."""
    return " ".join(fold_case_loose(words).replace("’", "'").split())


def _story_part(langs: list[str], parts: list[str]) -> dict[str, int]:
    """The story days of ``langs`` (:data:`_STORY_DAYS`, :func:`_story_key` -> offset); adds to ``parts``
    the pattern branch ``srel`` that finds them, each with its guards: on word boundaries in
    the scripts written with spaces (an Arabic one may carry its "و"), anywhere in Han and kana."""
    story: dict[str, int] = {}
    branches = []
    entries = [(w, v) for code in langs for w, v in _STORY_DAYS.get(code, {}).items()]
    for w, (offset, before, after) in sorted(entries, key=lambda e: -len(e[0])):
        story[_story_key(w)] = offset
        spaced = not (_UNSPACED_CHAR.match(w) or _HANGUL_CHAR.match(w) or dominant_script(w) == Script.ARABIC)
        edge = r"(?<!\w)" if spaced else ""
        end = r"(?!\w)" if spaced or _HANGUL_CHAR.match(w) is None else ""
        branches.append(f"{before}{edge}(?i:{re.escape(w)}){end}{after}")
    if branches:
        parts.insert(0, f"(?P<srel>{'|'.join(branches)})")
    return story


def _rel_days(lang: str | None, langs: list[str]) -> dict[str, int]:
    """The relative day words of ``langs`` (and Chinese and Japanese in their tables and
    the one of no language): word -> offset in days."""
    rel: dict[str, int] = {}
    for code in (langs + ["zh", "ja"]) if lang in (None, "zh", "ja") else langs:
        rel.update(_REL_DAYS.get(code, {}))
        rel.update((stem + ending, n) for stem, n, endings in _DAY_ADJECTIVES.get(code, []) for ending in endings)
    return rel


#: Han and kana: the scripts written without spaces, where a word starts and ends inside a "word"
_UNSPACED_CHAR = re.compile("[" + "".join(char_class(SCRIPT_RANGES[s]) for s in (Script.HAN, Script.KANA)) + "]")
_HANGUL_CHAR = re.compile("[" + char_class(SCRIPT_RANGES[Script.HANGUL]) + "]")


def _rel_kinds(rel: Iterable[str]) -> tuple[str, str, str]:
    """The relative day words as three alternations: of spaced scripts (a word on its
    own: "today", "вчера"), of Korean (a word start, then the particle may follow:
    "어제는", "내일도"), of Chinese and Japanese (anywhere: "他昨天表示", "首脳は明日会談")."""
    words = list(rel)
    unspaced = [w for w in words if _UNSPACED_CHAR.match(w)]
    hangul = [w for w in words if _HANGUL_CHAR.match(w)]
    spaced = [w for w in words if w not in unspaced and w not in hangul]
    return _alt(spaced), _alt(hangul), _alt(unspaced)


def _rel_part(spaced: str, hangul: str, unspaced: str, guarded: dict[str, tuple[int, str]]) -> str:
    """The pattern branch of the relative day words (:func:`_rel_kinds`) and of the
    language's guarded ones (:data:`_GUARDED_DAYS`); the word is group ``rw``, ``rwk``,
    ``rwc`` or ``rwg``."""
    cased = "|".join(f"{guard}{re.escape(w)}" for w, (_, guard) in guarded.items())
    branches = [rf"(?<!\w)(?P<rwg>{cased})(?!\w)" if cased else "",rf"(?<!\w)(?i:(?P<rw>{spaced}))(?!\w)" if spaced else "",
                rf"(?<!\w)(?P<rwk>{hangul})(?!날)" if hangul else "",  # not 오늘날: nowadays
                rf"(?P<rwc>{unspaced})" if unspaced else ""]
    return rf"(?P<rel>{'|'.join(b for b in branches if b)})"


def _lookahead(langs: list[str], *words: Iterable[str]) -> str:
    """A lookahead for the first characters a date can start with: it fails at once
    elsewhere, before the alternations are tried (the pattern runs on every place of its
    windows). Month, day and relative names (``words``; the last, the language's
    relative periods and story days, may also start inside a word) and prepositions
    start at a word start; the words that may start a date inside a word are looked for
    whole, since their first letters ("n", "t", "s", "h", "l", ...) are in most words of
    every Latin text. A relative period or story day in Latin or Cyrillic letters starts
    at a word start too (:func:`_period_part`, :func:`_story_part`: "a day later", "this
    week", "в тот же день"): the "a" of every English table no longer passes inside words."""
    *at_start, periods = words
    spaced = [w for w in periods if _opens_spaced(w)]
    preps = _class_words(langs, _MONTH_CLASSES)
    at_word = _word_openings(*at_start, preps, ("on", "the", "ngày", "tanggal"), spaced)
    anywhere = _anywhere([w for w in periods if not _opens_spaced(w)], "|")
    return rf"(?=\d|\s+\d|(?<!\w)(?i:{at_word})|{_ANYWHERE}{anywhere})"


def _opens_spaced(phrase: str) -> bool:
    """A relative period or story day whose pattern branch starts at a word start only:
    written in Latin or Cyrillic letters, from its first character on (the branches of
    :func:`_period_part` and :func:`_story_part` put a word-start lookbehind before those)."""
    return bool(phrase) and script_of(phrase[0]) in _SPACED_SCRIPTS and dominant_script(phrase) in _SPACED_SCRIPTS


#: the scripts whose relative periods and story days start at a word start
_SPACED_SCRIPTS = (Script.LATIN, Script.CYRILLIC)


def _word_openings(*groups: Iterable[str]) -> str:
    """An alternation of how the words of ``groups`` open: their first two letters ("ja",
    "fe", "mo"), or their first character when the second is no letter or the word has one;
    none that an opening one character long already covers. What the lookahead needs: a
    word start where a date may begin, with two letters, is one in a dozen of a Latin
    text's word starts, with one letter ("m", "s", "t") one in three or more."""
    openings = {w[:2] if w[:2].isalpha() else w[:1] for words in groups for w in words if w}
    singles = {o for o in openings if len(o) == 1}
    kept = sorted((o for o in openings if len(o) == 1 or o[0] not in singles), key=lambda o: (-len(o), o))
    return "|".join(re.escape(o) for o in kept)


def _period_part(langs: list[str], parts: list[str]) -> dict[str, tuple[str, int]]:
    """The relative periods of ``langs`` (folded); adds to ``parts`` the pattern branch that
    finds them: not "지난달 28일" (a day of that month) nor "去年12月", dates of their own,
    nor "hari Minggu depan" (next Sunday: a weekday)."""
    periods = {fold_case_loose(w): v for code in langs for w, v in _REL_PERIODS.get(code, {}).items()}
    if periods:
        # Latin and Cyrillic ones are words of their own ("bu ay", not "Abu aynı"); the
        # others may have a particle or proclitic on them ("지난달에", "والأسبوع الماضي")
        spaced = [w for w in periods if dominant_script(w) in (Script.LATIN, Script.CYRILLIC)]
        others = [w for w in periods if w not in spaced]
        # a number after the others is their day ("지난달 28일", "下个月3日"), after a spaced
        # one an amount ("el próximo mes 300 militares", "w przyszłym roku 2 mld zł")
        branches = [rf"(?<!\w)(?i:{_alt(spaced)})(?!\w)" if spaced else "",
                    rf"(?i:{_alt(others)})(?!\s*{_D})" if others else ""]
        parts.append(rf"(?P<per>(?<!hari )(?<!Hari )(?:{'|'.join(b for b in branches if b)}))")
    return periods


#: what the patterns of :func:`_lang_table` that need no word start before them start with,
#: besides digits and spaces before a digit; the names of the table (months, weekdays,
#: relative days), the month prepositions and "on the" start at a word start only
_FIRST_WORDS = (
    "ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "rạng",
    "tháng", "thứ", "chủ", "去", "今", "明", "前", "上", "下", "本", "这", "這", "个", "個",
    "周", "週", "星", "礼", "禮", "先", "来", "の", "月", "火", "水", "木", "金", "土", "日",
    "월", "화", "수", "목", "금", "토", "일",
)  # fmt: skip



def _anywhere(phrases: Iterable[str], before: str = "") -> str:
    """The lookahead branch for what a date may start with anywhere, not only at a word
    start: the first character of a word without case (CJK, Hangul), the cased words
    whole (case-insensitive; "tgl\\.?" and "rạng sáng" by their first word). Every branch
    of :func:`_lang_table`'s pattern that needs no word start begins with one of them
    (the fixed ones in :data:`_ANYWHERE`, a language's relative periods added there);
    empty when there are none, else prefixed with ``before``."""
    words = [m.group() for m in (re.match(r"\w+", w) for w in phrases) if m]
    cased = sorted({w for w in words if w[0].lower() != w[0].upper()}, key=lambda w: (-len(w), w))
    uncased = first_chars(w for w in words if w[0].lower() == w[0].upper())
    branches = [f"[{uncased}]"] if uncased else []
    if cased:
        branches.append(f"(?i:{'|'.join(re.escape(w) for w in cased)})")
    return before + "|".join(branches) if branches else ""


#: Vietnamese words a date may hold without a digit ("Thứ Hai", "Chủ nhật")
_VI_ANCHORS = ("tháng", "thứ", "chủ")  # the ordinal day ("the 27th", "ngày 27") holds digits
#: the words besides names that anchor a date's window: those Vietnamese ones, and the words
#: after a Turkish month (:data:`_TR_MONTH_AFTER`) or a weekday (:data:`_WEEK_AFTER`), which
#: reach past :data:`_AFTER`
_ANCHOR_WORDS = (*_VI_ANCHORS, *_TR_MONTH_WORDS, *_WEEKS_AFTER)
#: a digit, or a CJK character every Han, kana or Hangul weekday holds (周 星期 礼拜 曜 요일);
#: 年 月 日 号 need a digit next to them in every pattern, so the digit is their anchor
_ANYWHERE = _anywhere([*_NUM_CUES[3:-1].split("|"), *_FIRST_WORDS])
_ANCHOR_CHARS = re.compile(r"[0-9０-９周週星礼禮曜요]+")
#: how far a match may reach before its first anchor ("rạng sáng 10/4", "上个周三")
_BEFORE = 16
#: and after its last ("3rd", "Mittwoch,", lookaheads; "de 2025" holds digits: anchors)
_AFTER = 8
#: and further after the words of the eve (:data:`_RU_EVE_ALONE`, :data:`_UK_EVE_ALONE`:
#: "Накануне Мишустин обсудил", the lookahead that tells the eve as an adverb reads the
#: subject and the verb after it)
_EVE_AFTER = 32
_EVE_WORDS = frozenset({"накануне", "напередодні"})


def _word_automaton(words: list[str]) -> Any:
    """:func:`length_automaton` of ``words`` folded as ``re.IGNORECASE`` folds them."""
    return length_automaton({fold_case_loose(w) for w in words if w})


def _windows(text: str, table: _Lang) -> list[tuple[int, int]]:
    """The stretches of ``text`` where a date may be: around its anchors, merged.

    Every date pattern holds an anchor (a digit, a CJK date character, or a
    month, weekday or relative-day name); a match reaches at most
    :data:`_BEFORE` characters before its anchors and :data:`_AFTER` after. So the patterns need to run
    only there: on news text, a fraction of it; on text with no date, nothing.
    """
    spans = [m.span() for m in _ANCHOR_CHARS.finditer(text)]
    if table.words is not None:
        folded = fold_case_loose(text)
        spans += [(end + 1 - n, end + 1 + (_EVE_AFTER if folded[end + 1 - n : end + 1] in _EVE_WORDS else 0))
                  for end, n in table.words.iter(folded)]
    spans.sort()
    return windows_around(spans, len(text), _BEFORE, _AFTER)


def _context(text: str, start: int, end: int, tense: _Tense | None = None) -> str:
    """The clause around a match, for tense and next/last cues: :data:`_REACH` characters
    each side, more after it in the languages that put the verb last (:func:`_tense`)."""
    lo = max(0, start - _REACH)
    left = text[lo:start]
    cut = max((m.end() for m in _SENT_END.finditer(left)), default=0)
    right = text[end:end + (tense.reach if tense is not None else _REACH)]
    stop = _SENT_END.search(right)
    return left[cut:] + text[start:end] + (right[: stop.start()] if stop else right)


#: (whether the match is of this resolver's kind, the date it resolves to)
_Resolved = tuple[bool, DateRef | None]


def _resolve_match(m: re.Match[str], table: _Lang, pub: dt.date | None, text: str,
                   strict: bool) -> DateRef | None:
    raw = m.group(0).strip()
    if m.group("iso"):
        return _ymd(raw, _num(m.group("iy")), _num(m.group("im")), _num(m.group("id")), pub)
    if m.group("num"):
        return _numeric(m, raw, table, pub, strict)
    for resolver in (_resolve_zh_ja, _resolve_asian_other, _resolve_story, _resolve_table):
        hit, ref = resolver(m, raw, table, pub, text)
        if hit:
            return ref
    return None


def _resolve_bounded(m: re.Match[str], table: _Lang, pub: dt.date | None, text: str,
                     strict: bool) -> DateRef | None:
    """:func:`_resolve_match`, with a date its arithmetic would put before year 1 or
    after 9999 (a publication date of 0001-01-01 and "yesterday") unresolved rather
    than an error that would lose the document's other dates."""
    try:
        return _resolve_match(m, table, pub, text, strict)
    except OverflowError:
        return _ref(m.group(0).strip(), None, DateResolution.unresolved)


def _opt(m: re.Match[str], name: str) -> int | None:
    return _num(m.group(name)) if m.group(name) else None


def _resolve_zh_ja(m: re.Match[str], raw: str, table: _Lang, pub: dt.date | None,
                 text: str) -> _Resolved:
    """Chinese/Japanese dates: 2025年3月27日, 今年3月, 2025年."""
    g = m.group
    if g("cjk"):
        year: int | None = _opt(m, "cy")
        if g("cyw"):
            if pub is None:
                return True, _ref(raw, None, DateResolution.unresolved)
            year = pub.year + _CJK_YEAR[g("cyw")]
            ref = _ymd(raw, year, _num(g("cm")), _opt(m, "cd"), pub)
            return True, (ref.model_copy(update={"resolution": DateResolution.relative})
                          if ref.value else ref)
        return True, _ymd(raw, year, _num(g("cm")), _opt(m, "cd"), pub)
    if g("cyo"):
        return True, DateRef(value=f"{_num(g('cyy')):04d}", raw=raw,
                             resolution=DateResolution.explicit)
    if g("crel"):
        return True, _month_day(raw, _CJK_MONTHS[g("crm")], _num(g("crd")), pub)
    if g("bday"):
        before = _KO_MONTH_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if before is not None:  # "다음 달 1일": the 1st of next month
            return True, _month_day(raw, _KO_MONTHS[re.sub(r"\s", "", before.group(1))], _num(g("bd")), pub)
        return True, _told_day(m, raw, _num(g("bd")), pub, text)
    for group, name, days in (("zhwd", "zw", _ZH_DAYS), ("jawd", "jw", _JA_DAYS)):
        if g(group):
            week = _WEEKS.get(raw[:1] if raw[:1] in "上下本这這" else raw[:2])
            if week is not None:
                return True, _in_week(raw, days[g(name)], week, pub)
            return True, _weekday(raw, days[g(name)], pub, _context(text, m.start(), m.end(), table.tense))
    return False, None


def _resolve_asian_other(m: re.Match[str], raw: str, table: _Lang, pub: dt.date | None,
                         text: str) -> _Resolved:
    """Korean and Vietnamese dates and weekdays."""
    g = m.group
    if g("ko"):
        return True, _ymd(raw, _opt(m, "ky"), _num(g("km")), _opt(m, "kd"), pub)
    if g("kowd"):
        if g("kwk"):
            return True, _in_week(raw, _KO_DAYS[g("kw")], _WEEKS[re.sub(r"\s", "", g("kwk"))], pub)
        return True, _weekday(raw, _KO_DAYS[g("kw")], pub, _context(text, m.start(), m.end(), table.tense))
    if g("vim"):
        return True, _ymd(raw, _opt(m, "vy"), _num(g("vm")), _num(g("vd")), pub)
    if g("vimo"):
        return True, _ymd(raw, _opt(m, "vmy"), _num(g("vmo")), None, pub)
    if g("vinum"):
        year = _opt(m, "vn3")
        return True, _ymd(raw, year, _num(g("vn2")), _num(g("vn1")), pub)
    if g("viwd"):
        wd = _VI_DAYS.get((g("vw") or "").lower(), 6)
        if g("vwk"):
            return True, _in_week(raw, wd, _WEEKS[" ".join(g("vwk").lower().split())], pub)
        return True, _weekday(raw, wd, pub, _context(text, m.start(), m.end(), table.tense))
    return False, None


def _resolve_story(m: re.Match[str], raw: str, table: _Lang, pub: dt.date | None, text: str) -> _Resolved:
    """A :data:`_STORY_DAYS` phrase, from publication (:func:`find_dates` tells it from the
    day the text named before it, when there is one)."""
    if table.story and m.group("srel"):
        return True, _offset(raw, table.story[_story_key(raw)], pub)
    return False, None


def _resolve_table(m: re.Match[str], raw: str, table: _Lang, pub: dt.date | None,
                   text: str) -> _Resolved:
    """Dates of the language's month, weekday and relative-word tables."""
    g = m.group
    if table.months and g("dmy"):
        day = _num(g("dd0") or g("dd"))  # a range of days ("18 e 19 de dezembro"): its first
        if g("dy") is None:
            return True, _no_year(raw, table.months[g("dm").lower()], day, pub,
                                  _context(text, m.start(), m.end(), table.tense), table.tense)
        return True, _ymd(raw, _opt(m, "dy"), table.months[g("dm").lower()], day, pub)
    if table.months and g("mdy"):
        if g("my") is None:
            return True, _no_year(raw, table.months[g("mm").lower()], _num(g("md")), pub,
                                  _context(text, m.start(), m.end(), table.tense), table.tense)
        return True, _ymd(raw, _opt(m, "my"), table.months[g("mm").lower()], _num(g("md")), pub)
    if table.months and g("my2"):
        return True, _ymd(raw, _num(g("my3")), table.months[g("mm2").lower()], None, pub)
    if table.months and (g("mon") or m.groupdict().get("mosfx")):
        return True, _month_alone(m, raw, table, pub, text)
    if table.days and g("wd"):
        return True, _table_weekday(m, raw, table, pub, text)
    if g("oday"):
        return True, _told_day(m, raw, _num(g("od") or g("od2")), pub, text, table.tense)
    if table.rel and g("rel"):
        word = next(w for k in ("rw", "rwk", "rwc", "rwg") if (w := m.groupdict().get(k)))
        folded = " ".join(word.lower().split())
        days = table.rel[folded] if folded in table.rel else table.rel[word]
        return True, _offset(raw, days, pub)
    if table.periods and g("per"):
        return True, _period(raw, table.periods[fold_case_loose(g("per"))], pub)
    return False, None


def _month_alone(m: re.Match[str], raw: str, table: _Lang, pub: dt.date | None, text: str) -> DateRef | None:
    """A month named alone after its preposition ("in March") or with its Turkish mark
    ("Mart'ta"); after a "for" only when its clause sets something for it (:data:`_SCHEDULED`)."""
    context = _context(text, m.start(), m.end(), table.tense)
    if _AHEAD_MONTH.match(raw) and not _SCHEDULED.search(context):
        return None  # "the budget for May", "aid for May and June": no date
    return _no_year(raw, table.months[(m.group("mo") or m.group("mos")).lower()], None, pub, context, table.tense)


def _table_weekday(m: re.Match[str], raw: str, table: _Lang, pub: dt.date | None, text: str) -> DateRef | None:
    """A weekday of the language's table, with the week written after it when there is one
    (:data:`_WEEK_AFTER`: "Tuesday last week")."""
    if _WEEK_NOT_SUNDAY.match(text, m.start()) and not text.endswith(("hari ", "Hari "), 0, m.start()):
        return None  # Indonesian "minggu ini / lalu / depan": this / last / next week
    day = table.days[m.group("wn")]
    week = m.groupdict().get("wwk")
    if week:
        return _in_week(raw, day, _WEEKS_AFTER[fold_case_loose(" ".join(week.split()))], pub)
    return _weekday(raw, day, pub, _context(text, m.start(), m.end(), table.tense), table.tense)


#: "next week" in the languages whose tables leave it out (:data:`_REL_PERIODS`): read only
#: for an event still to happen (:func:`next_week`)
_NEXT_WEEK = re.compile(
    r"(?i)(?<!\w)(?:next week|(?:la )?próxima semana|la semana (?:próxima|que viene)|semana que vem|"
    r"la semaine prochaine|la (?:prossima settimana|settimana prossima)|(?:nächste|kommende)[nr]? woche|"
    r"на (?:следующей|будущей) неделе|наступного тижня|на наступному тижні|w przyszłym tygodniu|"
    r"(?:sljedeći|idući) tjedan|(?:sljedećeg|idućeg) tjedna|(?:gelecek|önümüzdeki) hafta)(?!\w)"
)


def next_week(text: str, start: int, end: int, published: dt.date | None) -> DateRef | None:
    """The month of the week after publication when ``text[start:end]`` (the clause of an
    event still to happen: "will travel to Washington next week to meet ...") names it,
    else None."""
    m = _NEXT_WEEK.search(text, start, end)
    if m is None or published is None:
        return None
    ref = _period(m.group(), ("w", 1), published)
    return ref if ref.value is not None else None


def _period(raw: str, period: tuple[str, int], pub: dt.date | None) -> DateRef:
    """"next month", "下周", "年内": the month or year it names, from publication; a week
    is the month of its Thursday, which holds four or more of its seven days (the ISO
    week's rule: "next week" read on Wednesday 21 October 2026, 26 October to 1 November,
    is October)."""
    if pub is None:
        return _ref(raw, None, DateResolution.unresolved)
    unit, n = period
    if unit == "y":
        return DateRef(value=str(pub.year + n), granularity=DateGranularity.year, raw=raw,
                       resolution=DateResolution.relative)
    if unit == "w":
        thursday = pub + dt.timedelta(days=3 - pub.weekday(), weeks=n)
        year, month = thursday.year, thursday.month
    else:
        year, month = divmod(pub.year * 12 + pub.month - 1 + n, 12)
        month += 1
    return DateRef(value=f"{year:04d}-{month:02d}", granularity=DateGranularity.month, raw=raw,
                   resolution=DateResolution.relative)


def _numeric(m: re.Match[str], raw: str, table: _Lang, pub: dt.date | None,
             strict: bool) -> DateRef | None:
    a, b = _num(m.group("n1")), _num(m.group("n2"))
    y3 = m.group("n3")
    year = None if y3 is None else (_num(y3) if len(y3) == 4 else 2000 + _num(y3))
    cue = raw[0].isalpha()
    # in running text a bare "10/4" or "1.5" is a date only after a cue word or with a year
    if strict and not cue and year is None:
        return None
    if m.group("sep") == "." and year is None and not table.dm_order:
        return None
    if table.dm_order or a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return _ref(raw, None, DateResolution.unresolved)  # 3/4 in English: which order?
    return _ymd(raw, year, month, day, pub)


# ------------------------------------------------------------------------ API


# ------------------------------------------------------------------ quarters and halves

_Y = r"(?:19|20)\d\d"
_ROMAN = r"(?:I|II|III|IV)"
#: a quarter or half of a year with its year ("Q2 2026", "2Q 2026", "H2 2026", "the second
#: quarter of 2026", "второй квартал 2026 года", "2. Quartal 2026", "il secondo trimestre del
#: 2026", "2026年第二季度", "2026년 2분기"): a span of months, which a DateRef (a day, a month
#: or a year) cannot hold; read as its year, as a week spanning two months is read as no
#: month, so "Q2 2026" is never a day of June nor the month of April
_SPANS = re.compile(
    "|".join([
        rf"(?<![\w-])(?:[QH][1-4]|[1-4][QH])(?:\s*(?:of\s+)?|[/-]){_Y}(?!\d)",
        rf"(?i:(?:the\s+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:quarter|half)"
        rf"\s+(?:of\s+)?){_Y}(?!\d)",
        rf"(?i:(?:[1-4]\.|erste|zweite|dritte|vierte)[nsm]?\s+(?:Quartal|Jahreshälfte|Halbjahr)e?s?\s+){_Y}(?!\d)",
        rf"(?i:(?:premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|primo|secondo|terzo|quarto|"
        rf"primer|segundo|tercer|cuarto|primeiro|terceiro|[1-4][º°ª])\s+(?:trimestre|semestre)\s+"
        rf"(?:de\s+|del\s+|d['’]\s*|dell['’]\s*|do\s+|di\s+)?(?:l['’]\s*|el\s+|o\s+|año\s+|ano\s+|anno\s+)?){_Y}(?!\d)",
        rf"(?i:(?:pierwsz|drug|trzec|czwart|перв|втор|трет|четв[её]рт|перш|друг|четверт|prv|drug|treć|četvrt)"
        rf"\w*\s+(?:kwarta\w*|półroczu?|квартал\w*|полугоди\w*|півріччі?|tromjesečj\w*|kvartal\w*|polugodišt\w*)\s+"
        rf"(?:(?:года|року|roku|godine)\s+)?){_Y}(?!\d)",
        rf"(?<![\w-]){_ROMAN}\s+(?i:kwarta\w*|квартал\w*|кварталі)\s+{_Y}(?!\d)",
        rf"(?i:(?:kuartal|triwulan|semester|quý)\s+(?:{_ROMAN}|[1-4]|pertama|kedua|ketiga|keempat)"
        rf"(?:\s*/\s*|\s+(?:tahun\s+|năm\s+)?)){_Y}(?!\d)",
        rf"(?<!\d){_Y}(?:['’]?\w{{0,4}}\s+(?:yılının\s+)?(?i:(?:ilk|birinci|ikinci|üçüncü|dördüncü|son)\s+"
        rf"(?:çeyre\w*|yarı\w*)))",
        rf"(?<!\d){_Y}\s*[年년]\s*(?:第\s*)?(?:[一二三四1-4１-４]\s*(?:季度|季|四半期)|[上下]半[年期]"
        rf"|[1-4]\s*분기|[상하]반기)",
        rf"(?:الربع|النصف)\s+(?:الأول|الثاني|الثالث|الرابع|الأخير)\s+(?:من\s+)?(?:(?:ال)?عام\s+)?{_Y}(?!\d)",
    ])
)  # fmt: skip
#: the words of a quarter or half, case-insensitive, by first letter: every form of that
#: letter that case-insensitive matching accepts (U+017F "ſ" is an "s", U+212A, the Kelvin sign, a "k"),
#: and the rest of each word, in the order the words were tried ("quarter" before "quartal")
_SPAN_WORD_TAILS = (
    ("qQ", "uarter|uartal|uý"), ("hH", "alf|albjahr"), ("jJ", "ahreshälfte"),
    ("tT", "rimestre|romjeseč|riwulan"), ("sS\u017f", "emestre|emester"), ("kK\u212a", "warta|vartal|uartal"),
    ("pP", "ółrocz|olugodiš"), ("кК", "вартал"), ("пП", "олугоди|івріч"), ("çÇ", "eyre"), ("yY", "arı"),
)  # fmt: skip
#: the words without which no quarter or half is looked for (one C-level search of the
#: text): "(?i:quarter|half|...)|季|...|(?<![\w-])(?:[QH][1-4]|[1-4][QH])", written so that
#: every alternative opens with one character matched as it is ("q(?i:uarter|...)",
#: "Q(?i:uarter|...)", "Q(?<![\w-]Q)[1-4]"): the regex engine then skips in C to the
#: places one of those characters stands, where the case-insensitive alternation was
#: tried at every character (16x less time on the bench's documents; the same matches:
#: at one place only the words of its first letter can match, and they keep their order)
_SPAN_WORDS = re.compile("|".join([
    *(f"{first}(?i:{tail})" for firsts, tail in _SPAN_WORD_TAILS for first in firsts),
    "季", "四半期", "半[年期]", "분기", "반기", "الربع", "النصف",
    *(rf"{c}(?<![\w-]{c})[1-4]" for c in "QH"),
    *(rf"{c}(?<![\w-]{c})[QH]" for c in "1234"),
]))


#: how far a quarter's or half's match reaches from its word ("the second quarter of 2026")
_SPAN_REACH = 40
#: a quarter or half named without its year ("Q3", "H2", "the third quarter")
_QUARTER_ALONE = re.compile(r"(?<![\w-])(?:[QH][1-4]|[1-4][QH])(?![\w-])|(?i:\b(?:quarter|half)\b)")


def _spans(text: str) -> list[tuple[int, int, DateRef]]:
    """The quarters and halves of a year in ``text`` (:data:`_SPANS`), each as its year;
    looked for only around their words (:data:`_SPAN_WORDS`), so the work is linear."""
    out: list[tuple[int, int, DateRef]] = []
    words = [m.span() for m in _SPAN_WORDS.finditer(text)]
    for lo, hi in windows_around(words, len(text), _SPAN_REACH, _SPAN_REACH):
        for m in _SPANS.finditer(text, lo, hi):
            year = re.search(_Y, m.group(0))
            if year is not None and (not out or m.start() >= out[-1][1]):
                out.append((m.start(), m.end(), DateRef(value=year.group(0), raw=m.group(0),
                                                        resolution=DateResolution.explicit)))
    return out


# ------------------------------------------------------------------ a year named alone

#: the same after the year: Korean "2028년까지", "2028년부터", "2028년께"; Turkish "2027 yılına
#: kadar", "2027'ye kadar", "2027'de", "2027 yılında", "2028'den itibaren"
_YEAR_AFTER: dict[str, str] = {
    "ko": r"\s*년(?!\s*\d{1,2}\s*월)",
    "tr": r"(?:\s+yılına\s+kadar|\s+sonuna\s+kadar|['’]\s*(?:ye|ya|e|a)\s+kadar|\s+yılında|['’](?:de|da|te|ta)(?!\w)"
          r"|['’](?:den|dan|ten|tan)\s+itibaren|\s+yılından\s+itibaren)",
}
_YEAR = re.compile(r"(?:19|20)\d\d(?![\d/]|[.,-]\d)")
#: how far back the words before a year may start
_YEAR_REACH = 32


def _glued(text: str, at: int) -> bool:
    """Whether the four digits at ``at`` continue a number or a date: a digit, a point, a
    comma or a slash right before them ("12026", "1.2026", "3/2027"), or a hyphen after a
    digit ("2026-2027")."""
    before = text[at - 1] if at else ""
    return before.isdigit() or before in ".,/" or (before == "-" and at > 1 and text[at - 2].isdigit())


@functools.cache
def _year_marks(lang: str | None) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The compiled words before (ending at the year) and after (from it) of ``lang``."""
    before = _words_alternation(_class_words([lang or "en"], _YEAR_CLASSES))
    after = _YEAR_AFTER.get(lang or "")
    return (re.compile(rf"(?<!\w)(?:(?i:{before})\s+)+$") if before else None,
            re.compile(after) if after else None)


def _years_ahead(text: str, language: str | None, published: dt.date | None) -> list[tuple[int, int, DateRef]]:
    """The years named alone after publication's with a deadline, a start or an "in" of
    ``language`` next to them (:data:`_YEAR_CLASSES`, :data:`_YEAR_AFTER`): "by 2030", "do 2028.",
    "2027 yılına kadar". A year before publication's with no month is background more often
    than a claim's time ("in 2014", "since 2022"); without a publication date none is read."""
    if published is None:
        return []
    before, after = _year_marks(_lang(language))
    out = []
    for m in _YEAR.finditer(text):
        if int(m.group(0)) <= published.year or _glued(text, m.start()):
            continue
        words = before.search(text, max(0, m.start() - _YEAR_REACH), m.start()) if before is not None else None
        tail = after.match(text, m.end()) if after is not None and words is None else None
        if words is not None or tail is not None:
            start, end = (words.start(), m.end()) if words is not None else (m.start(), tail.end())  # type: ignore[union-attr]
            out.append((start, end, DateRef(value=m.group(0), granularity=DateGranularity.year,
                                            raw=text[start:end], resolution=DateResolution.explicit)))
    return out


@functools.cache
def _term() -> re.Pattern[str]:
    """The words of a term: a deadline or a start that opens a month's or year's words ("by
    2030", "until June", "bis 2027", "ab Oktober", "до конца июня", "do 2027", "mulai Mei",
    "حتى عام 2030") or closes them in Korean and Turkish ("2028년까지", "Haziran'dan
    itibaren"): :data:`_TERM_CLASSES` and :data:`_AFTER_CLASSES` of every language."""
    languages = list(_date_words())
    before = _words_alternation(_class_words(languages, _TERM_CLASSES))
    after = _words_alternation(_class_words(languages, _AFTER_CLASSES))
    return re.compile(rf"(?i)^(?:{before})(?!\w)|(?:{after})$")


def is_term(ref: DateRef) -> bool:
    """Whether ``ref`` is a month or a year named as a deadline or a start (:func:`_term`):
    when what a claim promises ends or begins, not when a meeting is held."""
    raw = (ref.raw or "").strip()
    return ref.granularity in (DateGranularity.month, DateGranularity.year) and bool(_term().search(raw))


def find_dates(text: str, *, published: dt.date | None,
               language: str | None) -> list[DateMention]:
    """Date expressions in ``text``, each resolved against ``published``.

    Candidates come from regular expressions (one compiled pattern per
    language), so the cost is linear in the text. Overlaps keep the longest.

    Args:
        text: the text to search.
        published: the publication date; without it relative dates are unresolved.
        language: ISO 639-1 code; selects month/weekday names and day/month order.

    Returns:
        Mentions in text order; ``mention.text == text[start:end]``.
    """
    table = _lang_table(_lang(language))
    out: list[DateMention] = []
    source = ascii_digits(text)  # "٣ مارس ٢٠٢٦" read as "3 مارس 2026"; offsets unchanged
    # the days the text named first and last: what "이날" and "the day before" are told from
    first: dt.date | None = None
    last: dt.date | None = None
    spans = _spans(source)
    for m in (m for lo, hi in _windows(source, table) for m in table.regex.finditer(source, lo, hi)):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        if s >= e or any(a < e and s < b for a, b, _ in spans):
            continue
        ref = _resolve_bounded(m, table, published, source, strict=True)
        if ref is None:
            continue
        if last is not None and m.group("srel"):
            key = _story_key(ref.raw or "")
            ref = _from_story_day(ref, table.story[key], first if key in _FROM_FIRST and first else last)
        if source is not text and ref.raw:
            ref = ref.model_copy(update={"raw": _as_written(ref.raw, source, text, m.start())})
        e = _without_full_stop(text, s, e)
        out.append(DateMention(s, e, text[s:e], ref))
        last = _day_of(ref) or last
        first = first or last
    extra = [*spans, *(y for y in _years_ahead(source, language, published) if not _overlaps(y, out, spans))]
    if extra:
        out += [DateMention(a, b, text[a:b], ref.model_copy(update={"raw": text[a:b]})) for a, b, ref in extra]
        out.sort(key=lambda mention: mention.start)
    return out


def _overlaps(year: tuple[int, int, DateRef], found: list[DateMention],
              spans: list[tuple[int, int, DateRef]]) -> bool:
    """Whether a year named alone (:func:`_years_ahead`) lies in a date found otherwise
    ("marzo de 2027", "2028年", "Q2 2027")."""
    a, b, _ = year
    return any(m.start < b and a < m.end for m in found) or any(s < b and a < e for s, e, _ in spans)


#: a full stop that ends a sentence: the end of the text, a line break, or a space and a capital
_SENTENCE_STOP = re.compile(r"\.(?=\s*$|\s*\n|\s+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ])")


def _without_full_stop(text: str, start: int, end: int) -> int:
    """The end of the date ``text[start:end]`` without the full stop of its sentence, which
    the match took as an abbreviation's dot ("by the end of May." is "end of May"); a date
    running past its sentence lies in no claim's clause. A dot inside it stays ("Nov. 3")."""
    if end - start > 1 and text[end - 1] == "." and _SENTENCE_STOP.match(text, end - 1):
        return end - 1
    return end


def _as_written(raw: str, source: str, text: str, near: int) -> str:
    """The words ``raw`` (read in ``source``, the digit-folded ``text``) as ``text`` writes
    them, from the match at ``near`` on; ``raw`` when they are not found there."""
    at = source.find(raw, near)
    return text[at:at + len(raw)] if at >= 0 else raw


def _from_story_day(ref: DateRef, offset: int, last: dt.date) -> DateRef:
    """A :data:`_STORY_DAYS` phrase told from the day the text named last, not from publication."""
    try:
        return _day_ref(ref.raw or "", last + dt.timedelta(days=offset), DateResolution.relative)
    except OverflowError:
        return _ref(ref.raw or "", None, DateResolution.unresolved)


def _day_of(ref: DateRef) -> dt.date | None:
    """The day a day-precise date resolves to; None for a month, a year or none."""
    if ref.value is None or len(ref.value) != len("2025-03-27"):
        return None
    try:
        return dt.date.fromisoformat(ref.value)
    except ValueError:
        return None


def resolve_date(raw: str, *, published: dt.date | None, language: str | None) -> DateRef:
    """Resolve the date words ``raw`` ("on Wednesday", "2月24日", "ngày 10/4").

    Args:
        raw: date words as written (surrounding words such as "on" are fine).
        published: publication date of the document, the anchor of relative dates.
        language: ISO 639-1 code of the text.

    Returns:
        A :class:`DateRef` keeping ``raw``; ``resolution=unresolved`` (and no
        value) when the words need an anchor that is missing or cannot be parsed.
    """
    lang = _lang(language)
    table = _lang_table(lang)
    best: tuple[int, DateRef] | None = None
    source = ascii_digits(raw)
    if spans := _spans(source):  # a quarter or half: its year, never a day of it
        return spans[0][2].model_copy(update={"raw": raw})
    if _QUARTER_ALONE.search(source):  # no year: dateparser would guess a day
        return _ref(raw, None, DateResolution.unresolved)
    for m in table.regex.finditer(source):
        ref = _resolve_bounded(m, table, published, source, strict=False)
        if ref is not None and (best is None or m.end() - m.start() > best[0]):
            best = (m.end() - m.start(), ref)
    if best is not None:
        return best[1].model_copy(update={"raw": raw})
    ref = _dateparser(source, published, lang)
    return ref if source is raw else ref.model_copy(update={"raw": raw})


#: the relative base dateparser is given for words with a year: a reading that falls back
#: on it ("now": Urdu "اب" in "11 آب 2025") lands in 1900, not on a year the words name
_NO_BASE = dt.datetime(1900, 1, 1, 12)


def _dateparser(raw: str, pub: dt.date | None, lang: str | None) -> DateRef:
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", raw)}
    has_year = bool(years)
    if pub is None and not has_year:
        # dateparser would anchor on today's date: that is a guess, not a resolution
        return _ref(raw, None, DateResolution.unresolved)
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if has_year:  # an explicit date needs no anchor: one read relative to it is a misreading
        settings["RELATIVE_BASE"] = _NO_BASE
    elif pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day, 12)
    try:
        parser = DateDataParser(languages=[lang] if lang else None, settings=settings)
        data = parser.get_date_data(raw)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:  # unknown language, odd input
        logger.debug("dateparser failed on %r: %s", raw, exc)
        return _ref(raw, None, DateResolution.unresolved)
    if data.date_obj is None or (has_year and data.date_obj.year not in years):
        return _ref(raw, None, DateResolution.unresolved)
    d = data.date_obj.date()
    how = DateResolution.explicit if has_year else DateResolution.relative
    period = data.period or "day"
    if period == "year":
        return DateRef(value=f"{d.year:04d}", raw=raw, resolution=how)
    if period == "month":
        return DateRef(value=f"{d.year:04d}-{d.month:02d}", raw=raw, resolution=how)
    return _day_ref(raw, d, how)
