"""Slavic names in an oblique case, put back in the nominative.

Private to :mod:`claimkit.normalize` (the officials' finder, :mod:`._officials`, and the
rules backend's reported speakers and meeting partners). Russian, Ukrainian, Polish and
Croatian write the holder of a title in the title's case: "по словам министра Ивана
Петрова" (genitive, "according to"), "встретился с министром Виктором Хрениным",
"spotkał się z ministrem Janem Kowalskim" (instrumental, "met"); the person is Иван Петров,
Виктор Хренин, Jan Kowalski. :data:`OBLIQUE_TITLES` and :data:`INSTRUMENTAL_TITLES` are
those titles (an adjective may stand before one: "с российским коллегой");
:func:`nominative` puts a name back by its endings (a man's or a woman's) and the few
irregular first names; :func:`in_dative` tells a man's name in the dative ("сообщил Ивану
Петрову": said to him)."""

from __future__ import annotations

import re

__all__ = ["COMITATIVE", "INSTRUMENTAL_TITLES", "OBLIQUE_TITLES", "in_dative", "in_nominative", "nominative"]

#: titles in the genitive, whose holder's name follows in the genitive too: "по словам
#: *министра* Ивана Петрова", "за словами *речника* Тараса Мельничука" (the speaker of
#: "according to"); the name is put back in the nominative (:func:`nominative`)
OBLIQUE_TITLES = {
    "ru": re.compile(r"(?<![\w-])(?:министра|замминистра|президента|премьер-министра|пресс-секретаря"
                     r"|официального представителя|представителя|посла|губернатора|мэра|главы)(?![\w-])"),
    "uk": re.compile(r"(?<![\w-])(?:міністра|заступника міністра|президента|прем['’]єр-міністра|речника"
                     r"|речниці|посла|голови|мера|губернатора|очільника)(?![\w-])"),
    # Polish and Croatian: the same forms are the accusative of a man's title ("spotkał ministra X")
    "pl": re.compile(r"(?<![\w-])(?:ministra|wiceministra|premiera|prezydenta|rzecznika|rzeczniczki|szefa"
                     r"|szefowej|ambasadora|prezesa)(?![\w-])"),
    "hr": re.compile(r"(?<![\w-])(?:ministra|ministrice|predsjednika|predsjednice|premijera|glasnogovornika"
                     r"|glasnogovornice|veleposlanika)(?![\w-])"),
}
#: titles in the instrumental, whose holder's name follows in the instrumental too: "встретился
#: с *министром* обороны Белоруссии Виктором Хрениным", "переговори з *міністром* Андрієм
#: Сибігою" (the other party of a meeting); the name is put back in the nominative
#: (:func:`nominative`, ``instrumental``)
INSTRUMENTAL_TITLES = {
    "ru": re.compile(r"(?<![\w-])(?:министром|замминистра|президентом|премьер-министром|премьером"
                     r"|вице-премьером|пресс-секретарем|пресс-секретарём|представителем|послом|губернатором"
                     r"|мэром|главой|председателем|руководителем|коллегой|канцлером|спикером)(?![\w-])"),
    "uk": re.compile(r"(?<![\w-])(?:міністром|міністеркою|президентом|президенткою|прем['’]єр-міністром"
                     r"|прем['’]єр-міністеркою|прем['’]єром|віцепрем['’]єром|речником|речницею|послом|головою"
                     r"|мером|губернатором|очільником|керівником|колегою|канцлером|спікером)(?![\w-])"),
    "pl": re.compile(r"(?<![\w-])(?:ministrem|wiceministrem|ministrą|premierem|prezydentem|prezydentką|rzecznikiem"
                     r"|rzeczniczką|szefem|szefową|ambasadorem|prezesem|odpowiednikiem|kanclerzem)(?![\w-])"),
    "hr": re.compile(r"(?<![\w-])(?:ministrom|ministricom|predsjednikom|predsjednicom|premijerom|premijerkom"
                     r"|glasnogovornikom|glasnogovornicom|veleposlanikom|kolegom|kancelarom)(?![\w-])"),
}
#: genitive first names whose nominative is no regular ending away (a vowel dropped:
#: "Павла" is "Павел"; Ukrainian "-о" names: "Дмитра" is "Дмитро")
_GENITIVE_NAMES = {
    "ru": {"Павла": "Павел", "Петра": "Пётр", "Льва": "Лев", "Игоря": "Игорь"},
    "uk": {"Дмитра": "Дмитро", "Петра": "Петро", "Михайла": "Михайло", "Павла": "Павло",
           "Данила": "Данило", "Ігоря": "Ігор", "Левка": "Левко"},
    "pl": {"Pawła": "Paweł", "Marka": "Marek", "Jacka": "Jacek", "Michała": "Michał", "Karola": "Karol"},
    "hr": {"Marka": "Marko", "Darka": "Darko", "Zlatka": "Zlatko", "Branka": "Branko", "Ive": "Ivo",
           "Franje": "Franjo", "Ante": "Ante", "Mate": "Mate", "Stjepana": "Stjepan"},
}
_CYRILLIC_ENDINGS = ((("енка", "енко"), ("ого", "ий"), ("ия", "ий"), ("ія", "ій"), ("ея", "ей"), ("ая", "ай"),
                      ("оя", "ой"), ("уя", "уй"), ("єя", "єй"), ("я", "ь"), ("а", ""),
                      # a man's name in "-а" declines as a woman's ("Миколи" is Микола, "Никиты"
                      # Никита); after a consonant "-я" stands for "-ь" ("Коваля" is Коваль)
                      ("ии", "ия"), ("ії", "ія"), ("ьи", "ья"), ("ы", "а"), ("и", "а")),
                     (("ой", "а"), ("ої", "а"), ("ии", "ия"), ("ії", "ія"), ("ы", "а"), ("и", "а")))
#: genitive endings and their nominative, tried in turn, for a man's name and a woman's
_ENDINGS = {
    "ru": _CYRILLIC_ENDINGS,
    "uk": _CYRILLIC_ENDINGS,
    "pl": ((("iego", "i"), ("ego", "y"), ("a", "")),
           (("iej", "a"), ("ej", "a"), ("ii", "ia"), ("gi", "ga"), ("ki", "ka"), ("y", "a"))),
    "hr": ((("a", ""),), (("ije", "ija"), ("e", "a"))),
}
#: how a woman's surname ends in the genitive; one ending in a consonant does not decline
_FEMININE_LAST = ("ой", "ої", "iej", "ej")


def in_nominative(name: str, folded: str, start: int, lang: str) -> str:
    """``name`` in the nominative when a title in the genitive (:data:`OBLIQUE_TITLES`) or
    the instrumental (:data:`INSTRUMENTAL_TITLES`) of ``lang`` opens ``folded`` (the text,
    :func:`~claimkit.text.fold_case`) at ``start``: "министра Ивана Петрова" and "министром
    Иваном Петровым" are Иван Петров; ``name`` as it is otherwise."""
    if _in_nominative_already(name, lang):
        return name
    if _after_comitative(folded, start, lang):  # "с Иваном Петровым, министром": a title after
        return nominative(name, lang, instrumental=True)
    start = _title_start(folded, start, lang)
    instrumental = INSTRUMENTAL_TITLES.get(lang)
    oblique = OBLIQUE_TITLES.get(lang)
    if instrumental is not None and instrumental.match(folded, start) is not None and (
            _INSTRUMENTAL_FIRST.search(name.split()[0]) is not None
            or oblique is None or oblique.match(folded, start) is None):
        return nominative(name, lang, instrumental=True)
    if oblique is None or oblique.match(folded, start) is None:
        return name
    return nominative(name, lang)


#: the comitative prepositions ("with"), which put the name after them in the instrumental:
#: "встретился *с* Иваном Петровым", "зустрівся *з* Тарасом Бондаренком", "spotkał się *z*
#: Janem Kowalskim", "sastao se *s* Ivanom Horvatom"
COMITATIVE = {"ru": "с|со", "uk": "з|із|зі|зо", "pl": "z|ze", "hr": "s|sa"}
_COMITATIVE_BEFORE = {lang: re.compile(rf"(?<![\w-])(?:{p})[ \u00a0]+$") for lang, p in COMITATIVE.items()}


def _after_comitative(folded: str, start: int, lang: str) -> bool:
    """A comitative preposition (:data:`COMITATIVE`) of ``lang`` stands right before ``start``
    in ``folded``: the name there is in the instrumental, though no title precedes it ("z
    Iwanem Sokołowem, szefem dyplomacji": the title follows, in the instrumental too)."""
    before = _COMITATIVE_BEFORE.get(lang)
    return before is not None and before.search(folded, max(0, start - 4), start) is not None


#: an adjective before a title, in the title's case: "*российским* коллегой",
#: "*українським* колегою", "*российского* министра", "*polskiego* ministra", "*hrvatskog*
#: ministra" (the officials finder's span opens with them); read past to reach the title
_ADJECTIVES = {
    "ru": re.compile(r"[а-яё-]+(?:ским|цким|ым|им|ой|ей|ого|его)\s+"),
    "uk": re.compile(r"[а-яєіїґ'’-]+(?:ським|цьким|им|ою|ьою|ого|ього|ої|ьої)\s+"),
    "pl": re.compile(r"[a-ząćęłńóśźż-]+(?:iego|ego|im|ym)\s+"),
    "hr": re.compile(r"[a-zčćđšž-]+(?:og|eg|im|om)\s+"),
}


def _title_start(folded: str, start: int, lang: str) -> int:
    """Where an oblique title opens at ``start`` or after the adjectives there
    (:data:`_ADJECTIVES`: "российским коллегой"); ``start`` when neither ("главой": an
    instrumental title itself, which reads as an adjective)."""
    titles = [t for t in (OBLIQUE_TITLES.get(lang), INSTRUMENTAL_TITLES.get(lang)) if t is not None]
    adjective, at = _ADJECTIVES.get(lang), start
    for _ in range(3):  # the title, or one or two adjectives and the title
        if any(t.match(folded, at) for t in titles):
            return at
        found = adjective.match(folded, at) if adjective is not None else None
        if found is None:
            break
        at = found.end()
    return start


#: a Russian or Ukrainian man's first name and surname in the nominative: a consonant (not the
#: "-м" of the instrumental) or a "-й" (not a woman's "-ией", "-ьей") ends the first name, a
#: consonant or "-ий"/"-ый" the surname; an indeclinable title ("замминистра", in both lists
#: of oblique titles) leads a name in any case ("Замминистра финансов *Алексей Моисеев*")
_NOMINATIVE_NAME = (re.compile(r"(?:[бвгджзклнпрстфхцчшщ]|(?<!ие)(?<!ье)й)$"), re.compile(r"(?:[бвгджзклнпрстфхцчшщ]|[иы]й)$"))


#: how a Russian or Ukrainian first name in the instrumental ends ("Иваном", "Андреем",
#: "Марией", "Юлією"): after a title in both lists ("замминистра", indeclinable), a first
#: name that ends otherwise is in the genitive ("по словам замминистра Никиты Орлова")
_INSTRUMENTAL_FIRST = re.compile(r"(?:[мю]|ой|ей|ёй)$")


def _in_nominative_already(name: str, lang: str) -> bool:
    """A Russian or Ukrainian name of two words or more that is a man's in the nominative
    (:data:`_NOMINATIVE_NAME`)."""
    words = name.split()
    return lang in ("ru", "uk") and len(words) >= 2 and all(
        p.search(w) is not None for p, w in zip(_NOMINATIVE_NAME, (words[0], words[-1]), strict=True))


def nominative(name: str, lang: str, *, instrumental: bool = False) -> str:
    """A Russian, Ukrainian, Polish or Croatian name in the genitive put in the nominative:
    a woman's when its last word ends in "-ой", "-ої", "-(i)ej" or a consonant (a woman's
    surname such as "Шевчук" or "Horvat" does not decline), else a man's ("Ивана Петрова":
    Иван Петров; "Марии Захаровой": Мария Захарова; "Radosława Sikorskiego": Radosław
    Sikorski; "Ivana Horvata": Ivan Horvat; "Marka" is Marek in Polish, Marko in Croatian).
    ``instrumental``: a name in the instrumental (:data:`_INSTRUMENTAL_ENDINGS`: "Виктором
    Хрениным" is Виктор Хренин, "Юлією Свириденко" Юлія Свириденко, "Janem Kowalskim" Jan
    Kowalski, "Ivanom Horvatom" Ivan Horvat; a Croatian woman's surname does not decline:
    "Anom Babić" is Ana Babić)."""
    words = name.split()
    endings: tuple[tuple[str, str], ...]
    irregular: dict[str, str]
    if instrumental and lang == "hr" and len(words) > 1 and not words[-1].endswith(("om", "em")):
        endings, irregular = (("om", "a"),), {}
    elif instrumental and lang in _INSTRUMENTAL_ENDINGS:
        endings, irregular = _INSTRUMENTAL_ENDINGS[lang], _INSTRUMENTAL_NAMES[lang]
    else:
        last = words[-1]
        feminine = last.endswith(_FEMININE_LAST) or last[-1:].lower() not in "аяоуеиіїєюaeiouy"
        endings = _ENDINGS[lang][1 if feminine else 0]
        irregular = _GENITIVE_NAMES.get(lang, {})
    out = []
    for i, word in enumerate(words):
        if word in irregular:
            out.append(irregular[word])
            continue
        if i == len(words) - 1 and i and lang in ("ru", "uk") and _KO_SURNAME.search(word):
            out.append(_KO_SURNAME.sub("ко", word))  # "Ляшка", "Ляшком": Ляшко
            continue
        ending = next(((old, new) for old, new in endings if word.endswith(old) and len(word) > len(old) + 1), None)
        if ending is not None and instrumental and ending[0] in ("ым", "им") and not word[:-2].endswith(_POSSESSIVE):
            ending = (ending[0], ending[0][0] + "й")  # "Пишним" is Пишний, "Белым" Белый
        out.append(word[: len(word) - len(ending[0])] + ending[1] if ending else word)
    return " ".join(out)


#: a Ukrainian surname in "-ко" after a consonant (Ляшко, Бойко, Кличко, Рудько) in the
#: genitive or the instrumental ("-ка", "-ком"), as no nominative ends: "Ляшк" is no name
_KO_SURNAME = re.compile(r"(?<=[бвгджзйлмнпрстфхцчшщь])к(?:а|ом)$")
#: instrumental endings and their nominative, tried in turn on each word of a name (a man's
#: and a woman's alike: a man's name in "-а" declines as a woman's, "Сибігою" is Сибіга):
#: "Хрениным" Хренин, "Сикорским" Сикорский, "Андреем" Андрей, "Дмитрием" Дмитрий,
#: "Шевченком" Шевченко, "Иваном" Иван; "Захаровой" Захарова, "Марией" Мария, "Юлією" Юлія;
#: after a hushing consonant "-ем" ("Джуричем" Джурич), after "л" a soft sign ("Ковалем" Коваль)
_INSTRUMENTAL_ENDINGS = {
    "ru": (("ским", "ский"), ("цким", "цкий"), ("енком", "енко"), ("ием", "ий"), ("еем", "ей"), ("аем", "ай"),
           ("чем", "ч"), ("шем", "ш"), ("щем", "щ"), ("жем", "ж"), ("лем", "ль"),
           ("ым", ""), ("ом", ""), ("ской", "ская"), ("ией", "ия"), ("ьей", "ья"), ("ьёй", "ья"), ("ой", "а"),
           ("ей", "я")),
    "uk": (("ським", "ський"), ("цьким", "цький"), ("енком", "енко"), ("ієм", "ій"), ("єм", "й"),
           ("чем", "ч"), ("шем", "ш"), ("щем", "щ"), ("жем", "ж"), ("лем", "ль"), ("им", ""),
           ("ом", ""), ("ською", "ська"), ("ією", "ія"), ("ою", "а"), ("єю", "я")),
    "pl": (("skim", "ski"), ("ckim", "cki"), ("dzkim", "dzki"), ("kiem", "k"), ("giem", "g"), ("ym", "y"),
           ("ską", "ska"), ("cką", "cka"), ("ą", "a"), ("em", "")),
    "hr": (("om", ""), ("em", "")),
}
#: the suffixes of a possessive surname, whose instrumental "-ым", "-им" is dropped ("Ивановым"
#: Иванов, "Путиным" Путин); after any other stem it is an adjective's ("Пишним" Пишний)
_POSSESSIVE = ("ов", "ев", "ёв", "єв", "ів", "ин", "ын", "ін", "їн")
#: instrumental given names whose nominative no regular ending gives ("Игорем" Игорь, a
#: soft sign; Ukrainian "-о" names: "Дмитром" Дмитро)
_INSTRUMENTAL_NAMES = {
    "ru": {"Игорем": "Игорь", "Ильей": "Илья", "Ильёй": "Илья", "Павлом": "Павел", "Петром": "Пётр",
           "Львом": "Лев"},
    "uk": {"Дмитром": "Дмитро", "Петром": "Петро", "Михайлом": "Михайло", "Павлом": "Павло",
           "Данилом": "Данило", "Ігорем": "Ігор", "Іллею": "Ілля"},
    "pl": {"Pawłem": "Paweł", "Markiem": "Marek", "Jackiem": "Jacek"},
    "hr": {"Markom": "Marko", "Darkom": "Darko", "Zlatkom": "Zlatko", "Brankom": "Branko", "Ivom": "Ivo",
           "Franjom": "Franjo", "Antom": "Ante", "Matom": "Mate", "Jurom": "Jure"},
}


#: the dative endings of a man's first name and of his surname: Russian and Ukrainian
#: "Ивану Петрову", "Петру Іваненку", "Тарасові Шевченкові", Polish "Janowi Kowalskiemu",
#: Croatian "Ivanu Horvatu" (a woman's dative is her genitive: not told apart here)
_DATIVE = {
    "ru": (("у", "ю"), ("у", "ю")),
    "uk": (("у", "ю", "ові", "еві", "єві"), ("у", "ю", "ові", "еві", "єві")),
    "pl": (("owi", "ewi"), ("owi", "ewi", "emu")),
    "hr": (("u",), ("u",)),
}


def in_dative(name: str, lang: str) -> bool:
    """Whether ``name`` (a first name and a surname, or more words) is a man's in the dative
    in ``lang`` (:data:`_DATIVE`): "заявив Петру Іваненку" says to him; he is no speaker."""
    endings = _DATIVE.get(lang)
    words = name.split()
    return endings is not None and len(words) >= 2 and all(
        w.lower().endswith(e) and len(w) > 3 for w, e in zip((words[0], words[-1]), endings, strict=True))
