"""People's names: a person named again by the surname alone, and names in Han, Kana,
Hangul or Cyrillic given in English.

Private to :mod:`claimkit.normalize.actors`; both steps touch only people that the
gazetteer left unresolved (officials named next to a title), never organisations or
places, and change only the canonical ``name`` (the name as written stays the
actor's ``text``).

* :func:`with_full_names`: news name a person in full once ("Laurent Dufresne"), then by
  the surname, alone or after a title or an honorific ("M. Dufresne", "Frau Hartwig",
  "Bộ trưởng Hải" in Vietnamese, which shortens to the given name, written last;
  "林田大使" in Japanese, where the family name comes first). Such a mention is named
  as the one person named in full before it in the same text whose last (in Han and
  Kana: first) part it is; when two people fit, it is left as it is.
* :func:`romanised`: a name in Han, Kana or Hangul in English spelling, family name
  and given name in English order: Chinese by pinyin (pypinyin), family name first
  ("王文涛" -> "Wang Wentao"); Japanese by Hepburn (pykakasi) without long-vowel
  marks, given name first ("林田健一" -> "Kenichi Hayashida"), a katakana name part by
  part as written ("テレサ・ラザロ" -> "Teresa Razaro": a foreign name read back from
  katakana is often not its own spelling); Korean by the Revised Romanization
  (korean-romanizer), family name first in its customary spelling and the given name
  hyphenated ("김민준" -> "Kim Min-jun"; a person's own spelling may differ:
  "정동영" is "Jung Dong-yeong" here, "Chung Dong-young" in English news); Russian by
  BGN/PCGN without its marks ("Антон Силуанов" -> "Anton Siluanov"), Ukrainian by
  Ukraine's national transliteration ("Олег Ткаченко" -> "Oleh Tkachenko"; English news
  write some names otherwise: "Зеленський" is "Zelenskyy" here, "Zelensky" in many).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache, partial
from typing import Any

from claimkit.normalize.mentions import ActorMention
from claimkit.schemas import Actor, ActorKind
from claimkit.text import Script, fold, fold_case, script_of

__all__ = ["PARTICLES_BETWEEN", "ar_given_name", "ar_name_word", "chinese_from_palladius", "family_name",
           "in_english_order",
           "ja_family_names", "romanised", "traditional_chinese", "with_full_names"]

#: the prefixes an Arabic family name may carry in one form and not the other
#: ("al-Mansouri" / "Mansouri", "المنصوري" / "منصوري")
_ARTICLES = ("al-", "el-", "ال")
#: Korean family names in the spelling their bearers customarily use (Revised
#: Romanization would write 김 "Gim", 이 "I", 박 "Bak", 최 "Choe")
_KO_FAMILY = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho",
    "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
    "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu", "유": "Yoo", "홍": "Hong",
    "전": "Jeon", "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek",
    "허": "Heo", "남": "Nam", "심": "Shim", "노": "Noh", "하": "Ha", "곽": "Kwak", "성": "Sung",
    "차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "진": "Jin", "지": "Ji",
    "엄": "Eom", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong", "현": "Hyun",
    "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo", "도": "Do", "소": "So",
    "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon", "위": "Wi",
    "표": "Pyo", "명": "Myung", "기": "Ki", "반": "Ban", "라": "Ra", "왕": "Wang", "금": "Keum",
    "옥": "Ok", "육": "Yook", "인": "In", "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak",
    "국": "Kook", "은": "Eun", "용": "Yong", "경": "Kyung", "봉": "Bong", "태": "Tae", "두": "Doo",
    "남궁": "Namgung", "황보": "Hwangbo", "제갈": "Jegal", "선우": "Sunwoo", "독고": "Dokgo",
    "사공": "Sagong", "서문": "Seomun",
}
#: Chinese family names of two characters, and family names read otherwise than the
#: character's everyday reading (曾 Zeng, not ceng; 单 Shan, not dan)
_ZH_FAMILY = {
    "欧阳": "Ouyang", "歐陽": "Ouyang", "司马": "Sima", "司馬": "Sima", "上官": "Shangguan",
    "诸葛": "Zhuge", "諸葛": "Zhuge", "东方": "Dongfang", "東方": "Dongfang", "皇甫": "Huangfu",
    "尉迟": "Yuchi", "尉遲": "Yuchi", "公孙": "Gongsun", "公孫": "Gongsun", "慕容": "Murong",
    "令狐": "Linghu", "长孙": "Zhangsun", "長孫": "Zhangsun", "宇文": "Yuwen", "司徒": "Situ",
    "夏侯": "Xiahou", "轩辕": "Xuanyuan", "軒轅": "Xuanyuan", "端木": "Duanmu", "西门": "Ximen",
    "南宫": "Nangong", "独孤": "Dugu", "獨孤": "Dugu", "澹台": "Tantai", "万俟": "Moqi",
    "闻人": "Wenren", "呼延": "Huyan", "申屠": "Shentu", "淳于": "Chunyu", "钟离": "Zhongli",
    "曾": "Zeng", "单": "Shan", "單": "Shan", "解": "Xie", "仇": "Qiu", "区": "Ou", "區": "Ou",
    "乐": "Yue", "樂": "Yue", "查": "Zha", "盖": "Ge", "蓋": "Ge", "缪": "Miao", "繆": "Miao",
    "翟": "Zhai", "覃": "Qin", "召": "Shao", "朴": "Piao", "黑": "He", "秘": "Bi", "员": "Yun",
    "隗": "Wei", "薄": "Bo", "谌": "Chen", "卜": "Bu", "柏": "Bai", "阚": "Kan", "种": "Chong",
}
#: the separators of a katakana name's parts ("テレサ・ラザロ")
_KANA_SEPARATORS = "・･=＝"
_CJK = (Script.HAN, Script.KANA, Script.HANGUL)
#: at most this many given names before a surname ("José Manuel Albares")
_MAX_GIVEN = 2
#: what stands before a word that opens a sentence: the text's start, or a sentence's
#: end and a space
_SENTENCE_START = re.compile(r"(?:^|[.!?。]\s*|\n\s*)$")
#: a word of a spaced script, as a name part is written ("Ferrand", "al-Sudani", "O'Brien")
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]*")
#: the name particles that may stand, each followed by a space, between a given name and
#: the surname after it ("Pieter de Vries", "Ursula von der Leyen"); read by the namesakes
#: too (:mod:`._namesakes`)
PARTICLES_BETWEEN = r"(?:(?:da|de|del|der|di|do|dos|du|la|le|van|von|bin|ibn|al|el) )*"
#: a word right before a place, with what joins it to the next: a space, or a name
#: particle between spaces ("Pieter de Vries", "Ursula von der Leyen")
_GIVEN_BEFORE = re.compile(rf"(?<![\w.])([^\W\d_][\w'’-]*)( {PARTICLES_BETWEEN})$")


# ------------------------------------------------------------------ full names


def with_full_names(found: list[ActorMention], text: str, language: str | None,
                    not_name: Callable[[str], bool]) -> list[ActorMention]:
    """``found`` (the mentions of ``text``) with each unresolved person named by one part
    of a name (a surname, or a Vietnamese given name) named as the one person named in
    full before it whose name has that part: a person found before, else a name written
    before in capitalised words that ends in that part (``not_name``: a folded word that
    is no part of a name, such as a title's). Mentions that fit no one, or two people,
    are left as they are. Linear in the mentions: people are indexed by name part, and
    each part's written full names are looked up once."""
    out: list[ActorMention] = []
    named = _Named()  # people named so far, in text order
    written = _WrittenNames(text, not_name)
    for m in found:
        a = m.actor
        whole: Actor | None = None
        if a.kind == ActorKind.person and not a.resolved and _is_part(a.label, language):
            whole = named.the_one(a.label)
            if whole is None and script_of(a.label[0]) not in _CJK:
                full = written.before(a.label, m.start)
                whole = a.model_copy(update={"name": full}) if full else None
        if whole is not None:
            m = ActorMention(m.start, m.end, m.text, whole.model_copy(update={"text": a.text}))
        elif a.kind == ActorKind.person:
            named.add(a)
        out.append(m)
    return out


class _Named:
    """The people named so far, by the part of the name a later mention may keep: the
    last word of a name of several words (folded, :func:`_key`), the last part of a
    katakana name; Han and Kana names by their first character (a family name opens them)."""

    def __init__(self) -> None:
        self._by_part: dict[str, dict[str, Actor]] = {}
        self._by_first: dict[str, dict[str, Actor]] = {}

    def add(self, actor: Actor) -> None:
        """Index a person named before."""
        if actor.resolved or script_of(actor.label[:1] or " ") not in (Script.HAN, Script.KANA):
            words = actor.label.split()
            if len(words) >= 2:
                self._by_part.setdefault(_key(words[-1]), {})[actor.label] = actor
        written = actor.text if actor.resolved else actor.label
        if script_of(written[:1] or " ") in (Script.HAN, Script.KANA):
            self._by_first.setdefault(written[0], {})[written] = actor
            if any(c in _KANA_SEPARATORS for c in written):
                self._by_part.setdefault(_name_parts(written)[-1], {})[actor.label] = actor

    def the_one(self, part: str) -> Actor | None:
        """The one person (one canonical name) whose name has ``part`` where a short form
        keeps it: the family name that opens a Han or Kana name ("林田" of "林田健一"), the
        last part of a katakana name, else the last word; None for none or several."""
        fits: dict[str, Actor] = dict(self._by_part.get(_key(part), {}))
        if script_of(part[0]) in (Script.HAN, Script.KANA):
            fits.update(self._by_part.get(part, {}))
            fits.update({a.label: a for w, a in self._by_first.get(part[0], {}).items()
                         if w != part and w.startswith(part)})
        return next(iter(fits.values())) if len(fits) == 1 else None


class _WrittenNames:
    """The full names written in a text before a name part (:func:`_given_names`): the
    text's words are indexed in one pass when first needed, and each part's places
    read once, so a long text with many people stays linear."""

    def __init__(self, text: str, not_name: Callable[[str], bool]) -> None:
        self._text = text
        self._not_name = not_name
        self._words: dict[str, list[int]] | None = None
        #: part -> (where its first full name is written, that name, where another is)
        self._found: dict[str, tuple[int, str, int]] = {}

    def before(self, part: str, end: int) -> str | None:
        """The one full name written before ``end`` as one or two capitalised words
        (name particles between them allowed) right before the word ``part`` ("Richard
        Ferrand, président du Conseil constitutionnel, ... M. Ferrand"), or None when
        there is none or two differ."""
        if part not in self._found:
            self._found[part] = self._places(part)
        first, name, other = self._found[part]
        return name if first < end <= other else None

    def _places(self, part: str) -> tuple[int, str, int]:
        if self._words is None:
            self._words = {}
            for w in _WORD.finditer(self._text):
                self._words.setdefault(w.group(), []).append(w.start())
        first, name = len(self._text) + 1, ""
        for start in self._words.get(part, ()):
            given = _given_names(self._text, start, self._not_name)
            if not given:
                continue
            if not name:
                first, name = start, given + part
            elif given + part != name:
                return first, name, start
        return first, name, len(self._text) + 1


def _given_names(text: str, p: int, not_name: Callable[[str], bool]) -> str:
    """The given names written right before ``p`` with what joins them to it ("Anna ",
    "Pieter de "): up to two capitalised words, none a title's word, a listed non-name
    or in capitals only ("MP"); of two that open a sentence, the first is taken for a
    title ("Posłanka Anna Kowalczyk")."""
    words: list[str] = []
    opens = False
    while len(words) < _MAX_GIVEN:
        w = _GIVEN_BEFORE.search(text, max(0, p - 40), p)
        if w is None or not w.group(1)[:1].isupper() or w.group(1).isupper() or not_name(fold_case(w.group(1))):
            break
        words.insert(0, w.group(1) + w.group(2))
        p = w.start()
        opens = _SENTENCE_START.search(text, max(0, p - 3), p) is not None
    if len(words) == _MAX_GIVEN and opens:
        words = words[1:]
    return "".join(words)


def _is_part(name: str, language: str | None) -> bool:
    """``name`` may be one part of a person's name: one word in a spaced script; in
    Japanese, Han or Kana (a family name: "林田"); a katakana name of one part
    ("ラザロ"). A Chinese or Korean name is written whole (the officials finder reads
    "王部长", "정 장관" itself)."""
    if not name or " " in name:
        return False
    script = script_of(name[0])
    if script == Script.KANA:
        return not any(c in _KANA_SEPARATORS for c in name)
    if script == Script.HAN:
        return language == "ja"
    return script != Script.HANGUL


def _key(word: str) -> str:
    """A name part compared blind to case, accents and an Arabic article."""
    f = fold(word)
    for article in _ARTICLES:
        if f.startswith(article) and len(f) > len(article) + 2:
            return f[len(article):]
    return f


def family_name(name: str) -> str | None:
    """The family name of a Chinese or Korean name as written: its first character, or
    its first two when they are a listed two-character family name ("欧阳", "남궁") and
    a given name follows; None for a name of another script or of one character."""
    if len(name) < 2 or " " in name:
        return None
    script = script_of(name[0])
    table: dict[str, str] | None = {Script.HAN: _ZH_FAMILY, Script.HANGUL: _KO_FAMILY}.get(script)  # type: ignore[arg-type]
    if table is None or any(script_of(c) != script for c in name):
        return None
    return name[:2] if len(name) > 3 and name[:2] in table else name[:1]


# ------------------------------------------------------------------ romanised


@lru_cache(maxsize=4096)
def romanised(name: str, language: str | None) -> str | None:
    """``name`` in English spelling when it is written in Han, Kana or Hangul (Han read
    as Japanese in a Japanese text, else as Chinese) or in Cyrillic, else None; None too
    for a Chinese transcription of a foreign name ("弗拉基米尔·普京"), which pinyin does
    not undo."""
    if script_of(name[:1] or " ") == Script.CYRILLIC:
        return _transliterated(name, language)
    if script_of(name[:1] or " ") == Script.ARABIC:
        country = language[3:] if language and language.startswith("ar-") else None
        return _ar_english(name) or _ar_attested(name, country)
    if script_of(name[:1] or " ") not in _CJK:
        return None
    scripts = {script_of(c) for c in name if not c.isspace() and c not in _KANA_SEPARATORS}
    if not scripts or not scripts <= set(_CJK):
        return None
    if Script.HANGUL in scripts:
        if scripts != {Script.HANGUL}:
            return None
        return _korean(name) if korean_shaped(name) else _foreign_in_korean(name) or None
    if Script.KANA in scripts or language == "ja":
        return _japanese(name)
    if "·" in name or not 2 <= len(name) <= 4:
        return None
    return _taiwanese(name) if language == "zh-TW" else _chinese(name)


#: Russian letters in the spelling of English news (BGN/PCGN without its marks: "Антон
#: Силуанов" -> "Anton Siluanov", "Арарат Мирзоян" -> "Ararat Mirzoyan")
_RU_LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))
#: Ukrainian letters as Ukraine's national transliteration (Cabinet resolution 55 of 2010)
#: writes them at the start of a word, which English news follow ("Олег Ткаченко" -> "Oleh
#: Tkachenko"); inside a word see :data:`_UK_INSIDE`
_UK_LATIN = {**_RU_LATIN, "г": "h", "ґ": "g", "е": "e", "є": "ye", "и": "y", "і": "i", "ї": "yi",
             "щ": "shch", "ь": "", "'": "", "’": ""}
#: the Ukrainian letters the national system writes otherwise after a word's first letter:
#: "Андрій" -> "Andrii", "Ляшко" -> "Liashko", "Гнатюк" -> "Hnatiuk", "Тихий" -> "Tykhyi"
#: (not "Andriy", "Lyashko": the system's spelling, which Ukraine's ministries and English
#: news use for its officials)
_UK_INSIDE = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}
#: Russian given names that English news spell otherwise than letter by letter ("Александр"
#: is "Alexander", not "Aleksandr"; "Илья" "Ilya", not "Ilia"), keyed in lower case; a name
#: written with "е" for "ё" too ("Петр", "Федор")
_RU_GIVEN = {
    "александр": "alexander", "александра": "alexandra", "алексей": "alexey", "максим": "maxim",
    "юрий": "yuri", "николай": "nikolai", "илья": "ilya", "пётр": "pyotr", "петр": "pyotr",
    "фёдор": "fyodor", "федор": "fyodor", "семён": "semyon", "семен": "semyon", "артём": "artyom",
    "артем": "artyom", "алёна": "alyona", "алена": "alyona", "матвей": "matvey",
}
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff'’]+")
_VOWELS_RU = frozenset("аеёиоуыэюяіїє")


def _transliterated(name: str, language: str | None) -> str | None:
    """A Russian or Ukrainian name in English spelling, word by word (a name with a
    letter of neither alphabet: None); Ukrainian when the text is or a letter is ("і")."""
    if not all(_CYRILLIC_WORD.fullmatch(w) for w in name.replace("-", " ").split()):
        return None
    base, _, country = (language or "").partition("-")
    table = _UK_LATIN if base == "uk" or any(c in "іїєґІЇЄҐ" for c in name) else _RU_LATIN
    if any(c.lower() not in table for c in name if c not in " -"):
        return None
    spell = _ukrainian_word if table is _UK_LATIN else _russian_word
    if country == "KG":
        spell = partial(_kyrgyz_word, table=table)
    return _CYRILLIC_WORD.sub(lambda m: _capitalised(spell(m.group().lower()), m.group()), name)


#: the letters of a Kyrgyz name, written in Russian or Ukrainian Cyrillic, that English
#: news and Kyrgyzstan's government spell otherwise than BGN/PCGN: "ж" is the affricate
#: Kyrgyz says as English "j", "й" after a vowel "i" and "е" "e" ("Жолдошев" -> "Joldoshev",
#: "Айбек" -> "Aibek", "Кулуев" -> "Kuluev"; not "Zholdoshev", "Aybek", "Kuluyev")
_KG_LATIN = {"ж": "j", "й": "i", "е": "e"}


def _kyrgyz_word(low: str, table: Mapping[str, str]) -> str:
    """One word of a Kyrgyz name (lower case) in Latin letters: :data:`_KG_LATIN`, else
    ``table``, the Russian or Ukrainian letters of the text."""
    low, ending = _feminine_ending(low)
    return "".join(_KG_LATIN.get(c) or table[c] for c in low) + ending


def _capitalised(latin: str, word: str) -> str:
    """``latin`` with a capital where ``word`` has one first."""
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin


def _feminine_ending(low: str) -> tuple[str, str]:
    """A word and its last letters: a final "ия", "ья" or "ія" is "ia", as English news write
    women's given names ("Мария" -> "Maria", "Наталья" -> "Natalia", "Юлія" -> "Yulia", not
    "Mariya", "Yuliia")."""
    if low.endswith(("ия", "ья", "ія")) and len(low) > 3:
        return low[:-2], "ia"
    return low, ""


def _russian_word(low: str) -> str:
    """One Russian word (lower case) in Latin letters: a given name of :data:`_RU_GIVEN`
    as English news spell it; "е" is "ye" at the start and after a vowel ("Евгений" ->
    "Yevgeny"), a final "ий" or "ый" is "y" ("Дмитрий" -> "Dmitry")."""
    if low in _RU_GIVEN:
        return _RU_GIVEN[low]
    low, ending = _feminine_ending(low)
    if low.endswith(("ий", "ый")):
        low = low[:-2] + "ы"
    out = []
    for i, c in enumerate(low):
        latin = _RU_LATIN[c]
        if c == "е" and (i == 0 or low[i - 1] in _VOWELS_RU or low[i - 1] in "ъь"):
            latin = "ye"
        out.append(latin)
    return "".join(out) + ending


def _ukrainian_word(low: str) -> str:
    """One Ukrainian word (lower case) in Latin letters by the national system: "є", "ї",
    "й", "ю", "я" as "ye", "yi", "y", "yu", "ya" first in the word, else as
    :data:`_UK_INSIDE` ("Юрій" -> "Yurii", "Олексій" -> "Oleksii", "В'ячеслав" ->
    "Viacheslav"); "зг" is "zgh" (not "zh", which is "ж")."""
    low, ending = _feminine_ending(low)
    out = []
    for i, c in enumerate(low):
        latin = _UK_LATIN[c] if i == 0 else _UK_INSIDE.get(c, _UK_LATIN[c])
        if c == "г" and i and low[i - 1] == "з":
            latin = "gh"
        out.append(latin)
    return "".join(out) + ending


#: Arabic names in the spelling English news give them, word by word (the article "ال"
#: before a family name is "al-": "الأنصاري" -> "al-Ansari"); a name with a word not
#: listed is not romanised (Arabic writes no short vowels: no rule gives "Safadi" from
#: "صفدي")
_AR_GIVEN = {
    "محمد": "Mohammed", "أحمد": "Ahmed", "محمود": "Mahmoud", "مصطفى": "Mustafa", "علي": "Ali",
    "حسن": "Hassan", "حسين": "Hussein", "عمر": "Omar", "خالد": "Khaled", "يوسف": "Youssef",
    "إبراهيم": "Ibrahim", "عبدالله": "Abdullah", "فيصل": "Faisal", "سعود": "Saud", "فهد": "Fahd",
    "سلمان": "Salman", "ناصر": "Nasser", "طارق": "Tarek", "كريم": "Karim", "سامي": "Sami",
    "سمير": "Samir", "ماجد": "Majed", "مجيد": "Majid", "فؤاد": "Fouad", "أيمن": "Ayman",
    "بدر": "Badr", "نواف": "Nawaf", "سلام": "Salam", "نجيب": "Najib", "رشيد": "Rashid",
    "راشد": "Rashed", "سعيد": "Saeed", "وليد": "Walid", "هشام": "Hisham", "عادل": "Adel",
    "جمال": "Jamal", "كمال": "Kamal", "منصور": "Mansour", "مروان": "Marwan", "زياد": "Ziad",
    "رامي": "Rami", "هاني": "Hani", "باسم": "Bassem", "حسام": "Hossam", "عماد": "Emad",
    "عصام": "Essam", "أسامة": "Osama", "ياسر": "Yasser", "ياسين": "Yassin", "إسماعيل": "Ismail",
    "موسى": "Musa", "عيسى": "Issa", "يحيى": "Yahya", "زكريا": "Zakaria", "صالح": "Saleh",
    "سالم": "Salem", "تميم": "Tamim", "حمد": "Hamad", "جاسم": "Jassim", "مشعل": "Meshaal",
    "نبيل": "Nabil", "أنور": "Anwar", "أمين": "Amin", "بسام": "Bassam", "بشار": "Bashar",
    "بلال": "Bilal", "توفيق": "Tawfiq", "ثامر": "Thamer", "جعفر": "Jaafar", "جواد": "Jawad",
    "حازم": "Hazem", "حامد": "Hamed", "حمدي": "Hamdi", "حيدر": "Haider", "خليل": "Khalil",
    "رياض": "Riad", "زهير": "Zuhair", "شريف": "Sherif", "صلاح": "Salah", "طلال": "Talal",
    "عاطف": "Atef", "عامر": "Amer", "عمرو": "Amr", "عثمان": "Othman", "غسان": "Ghassan",
    "فادي": "Fadi", "فاروق": "Farouk", "فراس": "Firas", "قاسم": "Qassem", "ماهر": "Maher",
    "مازن": "Mazen", "محسن": "Mohsen", "مراد": "Mourad", "مهدي": "Mahdi", "نادر": "Nader",
    "نزار": "Nizar", "هادي": "Hadi", "هيثم": "Haitham", "وائل": "Wael", "يزيد": "Yazid",
    "حيان": "Hayan", "عزيز": "Aziz", "منير": "Munir", "نعيم": "Naim", "إياد": "Iyad", "أشرف": "Ashraf",
    "فاطمة": "Fatima", "مريم": "Maryam", "سارة": "Sara", "نور": "Nour", "ليلى": "Laila",
    "هدى": "Huda", "رانيا": "Rania", "دينا": "Dina", "منى": "Mona", "ريم": "Reem", "هالة": "Hala",
    "نادية": "Nadia", "سلمى": "Salma", "أمل": "Amal", "عائشة": "Aisha", "زينب": "Zainab",
    "رشا": "Rasha", "لمياء": "Lamia", "هند": "Hind", "ياسمين": "Yasmine", "جميلة": "Jamila",
    "سميرة": "Samira", "نوال": "Nawal", "غادة": "Ghada", "لينا": "Lina", "رنا": "Rana",
    "سهى": "Suha", "آمنة": "Amna", "نهى": "Noha", "إيمان": "Iman", "سعاد": "Souad",
    # two words of one given name: "servant of" one of God's names
    "عبد الله": "Abdullah", "عبد الرحمن": "Abdulrahman", "عبد العزيز": "Abdulaziz",
    "عبد الفتاح": "Abdel Fattah", "عبد العاطي": "Abdelatty", "عبد الغني": "Abdul Ghani",
    "عبد الكريم": "Abdul Karim", "عبد المجيد": "Abdul Majid", "عبد الحميد": "Abdul Hamid",
    "عبد اللطيف": "Abdul Latif", "عبد الرحيم": "Abdul Rahim", "عبد السلام": "Abdel Salam",
    "عبد المنعم": "Abdel Moneim", "عبد الرزاق": "Abdul Razzaq", "عبد الناصر": "Abdel Nasser",
    # words that join names: son of, father of, the family of
    "بن": "bin", "ابن": "ibn", "بنت": "bint", "أبو": "Abu", "آل": "Al",
}
#: family names and their stems after the article ("الصفدي" -> "al-Safadi")
_AR_FAMILY = {
    "صفدي": "Safadi", "مومني": "Momani", "أنصاري": "Ansari", "زهراني": "Zahrani",
    "سوداني": "Sudani", "كاظمي": "Kadhimi", "حكيم": "Hakim", "خليفي": "Khulaifi",
    "عتيبي": "Otaibi", "قحطاني": "Qahtani", "شمري": "Shammari", "دوسري": "Dosari",
    "غامدي": "Ghamdi", "مطيري": "Mutairi", "حربي": "Harbi", "عنزي": "Anazi", "شهري": "Shehri",
    "مالكي": "Maliki", "هاشمي": "Hashemi", "نعيمي": "Nuaimi", "كعبي": "Kaabi",
    "منصوري": "Mansouri", "ظاهري": "Dhaheri", "فلاسي": "Falasi", "جبير": "Jubeir",
    "خطيب": "Khatib", "حسيني": "Husseini", "شريف": "Sharif", "شيباني": "Shaibani",
    "صدر": "Sadr", "فرحان": "Farhan", "ثاني": "Thani", "نهيان": "Nahyan", "مكتوم": "Maktoum",
    "ميقاتي": "Mikati", "عون": "Aoun", "بري": "Berri", "زيد": "Zeid", "غيط": "Gheit",
    "عطية": "Attiyah", "سيسي": "Sisi", "مصري": "Masri", "عمري": "Omari", "بكري": "Bakri",
    "شامي": "Shami", "حلبي": "Halabi", "بغدادي": "Baghdadi", "تميمي": "Tamimi",
    "جعفري": "Jaafari", "عبيدي": "Obaidi", "جبوري": "Jubouri", "دليمي": "Dulaimi",
    "رفاعي": "Rifai", "خوري": "Khoury", "حداد": "Haddad", "نجار": "Najjar", "عطار": "Attar",
    "صباح": "Sabah", "مشاط": "Mashat", "سعدي": "Saadi", "زعبي": "Zoubi", "طراونة": "Tarawneh", "مجالي": "Majali",
    "رواشدة": "Rawashdeh", "عبادي": "Abadi", "يعقوبي": "Yacoubi", "علوي": "Alawi",
    "فايز": "Fayez", "رزاز": "Razzaz", "خصاونة": "Khasawneh",
}


def ar_given_name(word: str) -> bool:
    """``word`` is an Arabic given name of :data:`_AR_GIVEN` (one word: "خالد", "سارة")."""
    return word in _AR_GIVEN and " " not in word and word not in _AR_JOINING


def ar_name_word(word: str) -> bool:
    """``word`` is a word of an Arabic name the tables list: a given name or joining word of
    :data:`_AR_GIVEN`, or a family name of :data:`_AR_FAMILY`, with or without the article."""
    stem = word[2:] if word.startswith("ال") else word
    return word in _AR_GIVEN or word in _AR_FAMILY or stem in _AR_FAMILY


#: the words of :data:`_AR_GIVEN` that join names and open none
_AR_JOINING = frozenset({"بن", "ابن", "بنت", "أبو", "آل"})


def _ar_english(name: str) -> str | None:
    """An Arabic name in English spelling from :data:`_AR_GIVEN` and :data:`_AR_FAMILY`
    ("سارة الزهراني" -> "Sara al-Zahrani", "نواف سلام" -> "Nawaf Salam"); None when a
    word is in neither."""
    words, out, i = name.split(), [], 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in _AR_GIVEN and i + 1 < len(words):
            out.append(_AR_GIVEN[pair])
            i += 2
            continue
        word = words[i]
        stem = word[2:] if word.startswith("ال") and len(word) > 3 else None
        english = _AR_GIVEN.get(word) or _AR_FAMILY.get(word) or (
            "al-" + english_stem if stem and (english_stem := _AR_FAMILY.get(stem) or _AR_GIVEN.get(stem)) else None)
        if english is None:
            return None
        out.append(english)
        i += 1
    return " ".join(out) if out else None


#: a Latin word of an attested spelling that writes the Arabic article, joined or not
#: ("Alawadi", "Al-Momani", "El-Haddad"), and the name after it
_ARTICLE_WORD = re.compile(r"[AaEe]l[- ]?([^\W\d_][\w'’-]{2,})")


def _ar_attested(name: str, country: str | None) -> str | None:
    """An Arabic name in the spelling attested for it (arabic-name-romanizer's index of
    names in Arabic and English from Wikidata, ranked for ``country`` when given: "محمود
    عباس" -> "Mahmoud Abbas", "جوزاف عون" -> "Joseph Aoun", "أحمد كجوك" -> "Ahmed
    Kouchouk"), the article written "al-" where the index joins it ("Alawadi" ->
    "al-Awadi"); None when a word of it is attested nowhere (the library's model and rules,
    which guess, are never asked: a foreign name written in Arabic stays as written)."""
    index = _ar_index()
    if index is None:  # the optional extra claimkit[arabic-names] is not installed
        return None
    best = index.transliterate(name, top_k=2, country=country)  # candidates (1 gives text)
    if not best or any(u.source not in ("dictionary", "user") for u in best[0].units):
        return None
    latin, words = best[0].text.split(), name.split()
    if len(latin) == len(words):  # the article of a word the Arabic writes with "ال" as "al-"
        latin = [_with_article(w, joined=len(a) > 5) if a.startswith("ال") else w
                 for w, a in zip(latin, words, strict=True)]
    return " ".join(latin) or None


def _with_article(word: str, *, joined: bool) -> str:
    """A Latin word that writes the Arabic article, with it as "al-" ("Al-Momani" ->
    "al-Momani"; ``joined``, the article may be joined to the name: "Alawadi" -> "al-Awadi",
    for a longer Arabic word than "الياس", Elias); any other word as it is."""
    m = _ARTICLE_WORD.fullmatch(word)
    if m is None or not (joined or word[2:3] in "- "):
        return word
    return f"al-{m.group(1)[:1].upper()}{m.group(1)[1:]}"


@cache
def _ar_index() -> Any:
    """One arabic-name-romanizer transliterator on its index alone (no model is loaded), or
    None without the optional extra ``claimkit[arabic-names]`` (names stay as written)."""
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:
        return None
    return Transliterator(auto_load_model=False)


def _chinese(name: str) -> str:
    """"王文涛" -> "Wang Wentao": family name (one character, or two when listed) first."""
    from pypinyin import lazy_pinyin

    n = 2 if name[:2] in _ZH_FAMILY and len(name) > 2 else 1
    family = _ZH_FAMILY.get(name[:n]) or "".join(lazy_pinyin(name[:n])).capitalize()
    given = "".join(lazy_pinyin(name[n:])).capitalize()
    return f"{family} {given}" if given else family


def _taiwanese(name: str) -> str:
    """"林佳龍" -> "Lin Chia-lung": a Taiwanese name as Taiwan's press and passports write
    it, Wade-Giles without its apostrophes and umlauts, the given name's syllables joined by
    a hyphen (:func:`_wade_giles`; "賴清德" -> "Lai Ching-te", "卓榮泰" -> "Cho Jung-tai")."""
    from pypinyin import lazy_pinyin

    n = 2 if name[:2] in _ZH_FAMILY and len(name) > 2 else 1
    listed = _ZH_FAMILY.get(name[:n]) if n == 1 else None
    family = [listed.lower()] if listed else lazy_pinyin(name[:n])
    given = [_wade_giles(p) for p in lazy_pinyin(name[n:])]
    head = _TW_FAMILY.get(name[:n]) or "".join(_wade_giles(p) for p in family).capitalize()
    return f"{head} {'-'.join(given).capitalize()}" if given else head


def chinese_from_palladius(name: str, language: str | None, *, taiwan: bool = False) -> str | None:
    """A Chinese name written in Cyrillic by the Palladius system in English spelling:
    pinyin, family name first, the given name's syllables joined ("Сунь Вэйдун" -> "Sun
    Weidong"), or for a Taiwanese (``taiwan``) Wade-Giles with a hyphen ("Лай Циндэ" ->
    "Lai Ching-te"); None when a word is no Palladius syllables
    (:func:`~claimkit.normalize._palladius.from_palladius`)."""
    from claimkit.normalize._palladius import from_palladius

    words = from_palladius(name, language)
    if words is None or len(words) < 2:
        return None
    if taiwan:
        head = "".join(_wade_giles(p) for p in words[0]).capitalize()
        return f"{head} {'-'.join(_wade_giles(p) for w in words[1:] for p in w).capitalize()}"
    return " ".join("".join(w).capitalize() for w in words)


#: frequent characters that Traditional and Simplified Chinese write apart, in pairs
#: (Traditional first): a text's count of each tells which script it is written in
_TRADITIONAL, _SIMPLIFIED = (frozenset(chars) for chars in (
    "們個說這國會為與對時經發動關長將開問題來過還進實現種機區當兩從體萬義際東車門見話"
    "認記議讓請論書設語軍黨華衛總統領導報電協錢價產業貿員務號灣龍費達應聯網臨間鄭陳劉張楊"
    "黃趙吳孫馬許鄧蕭賴鍾韓給農補護歐億舉計資辦預購組織藝術歲變權環戰爭擊",
    "们个说这国会为与对时经发动关长将开问题来过还进实现种机区当两从体万义际东车门见话"
    "认记议让请论书设语军党华卫总统领导报电协钱价产业贸员务号湾龙费达应联网临间郑陈刘张杨"
    "黄赵吴孙马许邓萧赖钟韩给农补护欧亿举计资办预购组织艺术岁变权环战争击"))


def traditional_chinese(text: str) -> bool:
    """Whether a Chinese ``text`` is written in Traditional characters (Taiwan's, Hong
    Kong's script): more of :data:`_TRADITIONAL` in it than of their simplified forms,
    and at least two."""
    traditional = sum(c in _TRADITIONAL for c in text)
    return traditional >= 2 and traditional > sum(c in _SIMPLIFIED for c in text)


#: Taiwanese family names spelt otherwise than their Wade-Giles ("李登輝": Lee Teng-hui)
_TW_FAMILY = {"李": "Lee"}
#: Wade-Giles of the pinyin syllables whose letters it changes as a whole
_WG_WHOLE = {"zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu",
             "si": "ssu", "er": "erh", "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh",
             "yue": "yueh", "yong": "yung", "hui": "hui", "he": "ho", "ge": "ko", "ke": "ko"}
#: pinyin initials -> Wade-Giles (aspiration marks left out, as Taiwan writes names)
_WG_INITIALS = (("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("d", "t"),
                ("t", "t"), ("g", "k"), ("k", "k"), ("z", "ts"), ("c", "ts"), ("j", "ch"),
                ("q", "ch"), ("x", "hs"), ("r", "j"), ("f", "f"), ("h", "h"), ("l", "l"),
                ("m", "m"), ("n", "n"), ("s", "s"), ("w", "w"), ("y", "y"))
#: pinyin finals -> Wade-Giles, longest first; "ü" (pypinyin's "v", or "u" after j, q, x, y)
#: is written "u"
_WG_FINALS = (("iong", "iung"), ("ong", "ung"), ("iang", "iang"), ("ian", "ien"), ("ie", "ieh"), ("ue", "ueh"),
              ("ve", "ueh"), ("ui", "uei"), ("v", "u"))


def _wade_giles(syllable: str) -> str:
    """One toneless pinyin syllable in Wade-Giles as Taiwan writes names: no apostrophe
    nor umlaut ("long" -> "lung", "jia" -> "chia", "qing" -> "ching", "xiong" -> "hsiung",
    "zhi" -> "chih", "guo" -> "kuo", "luo" -> "lo")."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial, rest = next(((wg, syllable[len(py):]) for py, wg in _WG_INITIALS
                          if syllable.startswith(py)), ("", syllable))
    if rest == "uo" and initial not in ("k", "h", "sh"):
        rest = "o"  # "duo" -> "to", "zhuo" -> "cho"; "guo" -> "kuo", "shuo" -> "shuo"
    elif rest == "e" and initial in ("k", "h"):
        rest = "o"
    elif rest == "ui" and initial in ("sh", "ch", "j", "t", "ts", "s"):
        rest = "ui"  # "shui", "dui" -> "tui": no "e" after these
    else:
        rest = next((wg + rest[len(py):] for py, wg in _WG_FINALS if rest.startswith(py)), rest)
    return initial + rest


#: the syllables Korean adds to the consonants of a foreign name, vowel "ㅡ" with no final
#: consonant ("브", "프", "르", "스", "크", "트": "라브로프" Lavrov, "트럼프" Trump); no
#: Sino-Korean reading, so no syllable of a Korean name, has that shape
_KO_VOWEL_EU, _KO_VOWELS, _KO_FINALS = 18, 21, 28


def korean_shaped(name: str) -> bool:
    """Whether a name in Hangul has the shape of a Korean name: up to four syllables, the
    first one (or two) a Korean family name (:data:`_KO_FAMILY`; alone, "김" Kim), a space
    only after it, and no syllable with the "ㅡ" Korean adds to a foreign name's consonants
    (:func:`_epenthetic`): "김민준", "남궁민수", not "라브로프", "세르게이", "마크롱" (마 is
    a family name, but no Korean name has 크)."""
    word = name.replace(" ", "")
    n = 2 if word[:2] in _KO_FAMILY and len(word) > 3 else 1
    if len(word) > 4 or word[:n] not in _KO_FAMILY or name.find(" ") not in (-1, n):
        return False
    return not any(_epenthetic(c) for c in word)


def _epenthetic(syllable: str) -> bool:
    """A Hangul syllable of vowel "ㅡ" and no final consonant ("브", "르", "스")."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % _KO_FINALS == 0 and code // _KO_FINALS % _KO_VOWELS == _KO_VOWEL_EU


def _foreign_in_korean(name: str) -> str:
    """A foreign name in Hangul (no :func:`korean_shaped` one) spelt plainly, each word's
    syllables in Revised Romanization run together, the "eu" Korean adds to a consonant
    dropped (:func:`_epenthetic`): "세르게이" -> "Sergei", "푸틴" -> "Putin", "토카예프"
    -> "Tokayep" (not the Korean name "To Ka-ye-peu"); a gazetteer entry gives a name its
    own spelling ("라브로프" Lavrov)."""
    return " ".join("".join(_plain_syllable(c) for c in word).capitalize() for word in name.split())


def _plain_syllable(syllable: str) -> str:
    """One Hangul syllable in Revised Romanization, without the "eu" of :func:`_epenthetic`."""
    from korean_romanizer.romanizer import Romanizer

    latin: str = Romanizer(syllable).romanize()
    return latin.removesuffix("eu") if _epenthetic(syllable) else latin


def _korean(name: str) -> str:
    """"김민준" -> "Kim Min-jun": the customary family name, then the given name's
    syllables in Revised Romanization, joined by a hyphen."""
    from korean_romanizer.romanizer import Romanizer

    name = name.replace(" ", "")
    n = 2 if name[:2] in _KO_FAMILY and len(name) > 3 else 1
    family = _KO_FAMILY.get(name[:n]) or Romanizer(name[:n]).romanize().capitalize()
    given = "-".join(_given_syllable(Romanizer(s).romanize()) for s in name[n:]).capitalize()
    return f"{family} {given}" if given else family


#: Korean given-name syllables as their bearers and English news customarily spell them
#: (the Revised Romanization's "eo", "ui", "u" and initial "g" as "u", "ee", "oo", "k":
#: 조태열 "Cho Tae-yul", 김영희 "Kim Young-hee", 이재명 "Lee Jae-myung", 박정훈 "Park
#: Jung-hoon"), keyed by the Revised Romanization of the syllable
_KO_GIVEN = {
    "yeong": "young", "jeong": "jung", "gyeong": "kyung", "myeong": "myung", "byeong": "byung",
    "hyeong": "hyung", "seong": "sung", "hyeon": "hyun", "heon": "hun", "cheon": "chun",
    "seon": "sun", "yeol": "yul", "cheol": "chul", "hyeok": "hyuk", "deok": "duk", "hui": "hee",
    "su": "soo", "ju": "joo", "u": "woo", "gu": "koo", "hun": "hoon", "sun": "soon", "suk": "sook",
    "ung": "woong", "gi": "ki", "gwang": "kwang", "gyu": "kyu", "geum": "keum", "guk": "kook",
    "gyun": "kyun", "gwan": "kwan", "yun": "yoon", "cheong": "chung", "pyeong": "pyung", "hu": "hoo", "beom": "bum",
}


def _given_syllable(romanized: str) -> str:
    """One syllable of a Korean given name in its customary spelling (:data:`_KO_GIVEN`)."""
    return _KO_GIVEN.get(romanized, romanized)


def _japanese(name: str) -> str:
    """"林田健一" -> "Kenichi Hayashida" (given name first); a katakana name part by part
    in its own order ("テレサ・ラザロ" -> "Teresa Razaro")."""
    name = name.replace(" ", "").replace("\u3000", "")
    if any(c in _KANA_SEPARATORS for c in name) or all(script_of(c) == Script.KANA for c in name):
        parts = [p for p in _name_parts(name) if p]
        return " ".join(_foreign(p).capitalize() for p in parts)
    words = [w["hepburn"] for w in _kakasi().convert(name)]
    if len(words) == 1 and len(name) >= 3:  # one dictionary word: family name of two
        words = [_hepburn(name[:2]), _hepburn(name[2:])]
    family, given = _plain(words[0]), _plain("".join(words[1:]))
    return f"{given.capitalize()} {family.capitalize()}" if given else family.capitalize()


#: katakana for the sounds of other languages, which Hepburn reads as two syllables
#: (ウィ "ui", ジェ "jie", ティ "tei", ヴォ "vuo")
_KANA_DIGRAPHS = {
    "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
    "ヴュ": "vyu", "ヴ": "vu", "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du", "テュ": "tyu",
    "デュ": "dyu", "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu", "ジェ": "je",
    "シェ": "she", "チェ": "che", "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso", "イェ": "ye",
    "クァ": "kwa", "クィ": "kwi", "クェ": "kwe", "クォ": "kwo", "グァ": "gwa",
}
_DIGRAPH = re.compile("|".join(sorted(_KANA_DIGRAPHS, key=len, reverse=True)))
#: vowels katakana adds to a foreign name's consonants: "u" after b, p, g, k, f and "o"
#: after d, t before r ("プラボウォ" -> "Prabowo", "ナレンドラ" -> "Narendra"), "u" after
#: s before t, k, p, r ("スリ" -> "Sri"), "u" after an r that closes a syllable ("マルコス"
#: -> "Markos"), and a name's last "su", "ru", "mu" after a vowel ("su" after "n" too), or "bu", "pu", "gu",
#: "ku", "fu", "zu" ("ユヌス" -> "Yunus", "アダム" -> "Adam", "シャリフ" -> "Sharif")
_ADDED_VOWEL = re.compile(r"(?<=[bpgkf])u(?=r)|(?<=[dt])o(?=r)|(?<=(?<!t)s)u(?=[tkpr])|(?<=[aeiou][srm]|ns)u$"
                          r"|(?<=[aeioun][bpgkfz])u$|(?<=[aeiou]r)u(?=[bdfgkmnpstz])")


def _foreign(part: str) -> str:
    """A katakana name part (a foreign name) in Latin letters as its own language more
    likely writes it: the sounds of other languages (ウィ, ヴ, ティ, ジェ) as one syllable,
    long vowels single (ー), a small ッ doubling the next consonant, the vowels katakana
    adds dropped (:data:`_ADDED_VOWEL`): "ジョコ・ウィドド" -> "Joko Widodo", "スリ" -> "Sri".
    Katakana does not tell r from l: "ムルヤニ" stays "Muruyani"."""
    out: list[str] = []
    done = 0
    kana = part.replace("ー", "")
    for m in _DIGRAPH.finditer(kana):
        before = _hepburn(kana[done:m.start()]) if m.start() > done else ""
        latin = _KANA_DIGRAPHS[m.group()]
        if kana[m.start() - 1:m.start()] == "ッ":  # "ベッティ": the consonant doubled
            before, latin = before.removesuffix("tsu"), latin[0] + latin
        out += (before, latin)
        done = m.end()
    out.append(_hepburn(kana[done:]) if done < len(kana) else "")
    latin = _ADDED_VOWEL.sub("", "".join(out))
    return latin.replace("nm", "mm").replace("np", "mp").replace("nb", "mb")


def _name_parts(name: str) -> list[str]:
    for sep in _KANA_SEPARATORS:
        name = name.replace(sep, " ")
    return name.split()


def _hepburn(text: str) -> str:
    return _plain("".join(w["hepburn"] for w in _kakasi().convert(text)))


def _plain(romaji: str) -> str:
    """Hepburn as English news write Japanese names: no apostrophe, long vowels single
    ("Satou" -> "Sato", "Yuuko" -> "Yuko", "Kouno" -> "Kono", "Oono" -> "Ono"), "ou" before a vowel kept
    ("Inoue")."""
    out = []
    s = romaji.replace("'", "").replace("ー", "")
    for i, c in enumerate(s):
        nxt = s[i + 1:i + 2]
        if c in "ou" and i and s[i - 1] in ("o" if c == "o" else "ou") and nxt not in ("a", "e", "i", "o", "u"):
            continue  # the second letter of a long o or u ("Oono" -> "Ono")
        out.append(c)
    return "".join(out)


def in_english_order(name: str) -> str | None:
    """A Japanese name written in Latin letters family name first ("Ito Naoki", as
    Vietnamese news and some English outlets write it) in English order ("Naoki Ito"),
    else None: only when the first word is a Japanese family name and no common given
    name, and the second a given name and no family name (japanese-personal-name-dataset's
    lists, in the Hepburn of :func:`_plain`), so a Western name is not turned."""
    words = name.split()
    if len(words) != 2 or not all(w.isascii() and w.isalpha() and w[:1].isupper() for w in words):
        return None
    family, given, common = _japanese_names()
    first, second = (w.lower() for w in words)
    if first in family and first not in common and second in given and second not in family:
        return f"{words[1]} {words[0]}"
    return None


@cache
def _japanese_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(family names, given names, common given names) of Japan in plain Hepburn,
    loaded once: the dataset's full lists, and its short list of common given names
    (the full one holds rare readings such as "Ito" and "Sato" too)."""
    from japanese_personal_name_dataset import load_dataset

    men, women, last = load_dataset("org", include_last_names=True)
    common_men, common_women = load_dataset("opti")
    family = frozenset(_plain(e["en"].lower()) for e in last.values())
    given = frozenset(_plain(e["en"].lower()) for names in (men, women) for e in names.values())
    common = frozenset(_plain(e["en"].lower()) for names in (common_men, common_women) for e in names.values())
    return family, given, common


@cache
def ja_family_names() -> frozenset[str]:
    """The common Japanese family names as written in Han (japanese-personal-name-dataset's
    list of about 2,000: "佐藤", "植田"), loaded once."""
    from japanese_personal_name_dataset import load_dataset

    return frozenset(load_dataset("org", include_last_names=True)[2])


@cache
def _kakasi() -> Any:
    """One pykakasi converter (its dictionaries load once)."""
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]
