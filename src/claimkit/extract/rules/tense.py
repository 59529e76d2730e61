"""Future-tense verbs the cue lists cannot hold: a clause's future action, negated or not.

English writes its future with a word ("will not lift": the refusal cue "will not", any
verb after it); other languages write it in the verb itself or around its object, so
no cue word stands where a refusal or pledge is stated:

* Romance synthetic future: "ne lèvera pas", "no levantará", "non ritirerà", "não
  retirará" (the negation, clitics, a verb ending in the future's endings);
* German ``werden`` (``wollen``, ``sollen``) and the infinitive that ends the clause:
  "wird die Nachtfahrverbote nicht aufheben", "..., dass Wien sie nicht aufheben wird";
* Slavic perfective non-past (a future): Russian "не откроет" (read with pymorphy3's
  Russian dictionary, which tags aspect and tense), Ukrainian "не відкриє" and Polish
  "nie otworzy" (a table of common perfective action verbs: Ukrainian's pymorphy3
  dictionary is GPL-3.0, Polish has no light morphology library), Ukrainian's
  synthetic imperfective future "не надсилатиме", Polish "nie będzie/będą", Russian "не
  станет/станут", Ukrainian "не стане/стануть" + infinitive.

:func:`futures` gives each such verb of a clause, with the negation before it when
it has one and the infinitive it stands for when that is known. The backend makes a
negated one a claim of the type the future composes with, negated (a refusal), and
an unnegated one a composed claim when its infinitive is an ``action`` verb of the
language ("enviará", "wird ... entsenden"), as English "will send". Modal and copular
verbs ("ne sera pas", "non potrà", "не сможет", "wird nicht sein") state no decision
and are left out; whether an actor able to decide is the clause's subject is for the
backend to check ("Die Preise werden nicht sinken" is a forecast).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

__all__ = ["LANGUAGES", "Future", "futures", "may_hold"]


@dataclass(frozen=True)
class Future:
    """A future-tense verb of a clause: the construction's offsets (from the negation or
    auxiliary to the verb), the verb's, the negation's (None: not negated), the
    infinitives it may stand for (folded; empty when not known) and whether its subject
    is the speaker ("nous ne lèverons pas", "wir werden nicht", "мы не откроем")."""

    start: int
    end: int
    verb: tuple[int, int]
    negation: tuple[int, int] | None
    infinitives: tuple[str, ...] = ()
    first_person: bool = False


# ------------------------------------------------------------------ Romance

#: the negation, the object and reflexive clitics between it and the verb, the verb
_ROMANCE = {
    "fr": (r"(?<![\w-])(n(?:e\s+|['’]\s*))((?:(?:les?|la|l['’]|y|en|lui|leur|se|s['’]|nous|vous)\s*)*)"
           r"(\w+?(?:ra|ront|rons|rai))\s+(?:pas|plus|jamais|point|aucun\w*)(?![\w-])"),
    "es": (r"(?<![\w-])(no)\s+((?:(?:se|lo|la|los|las|le|les|nos|me|te)\s+)*)"
           r"(\w+?(?:rá|rán|remos|ré))(?![\w-])"),
    "it": (r"(?<![\w-])(non)\s+((?:(?:si|lo|la|li|le|ci|ne|gli|mi|ti|vi|l['’])\s*)*)"
           r"(\w+?(?:rà|ranno|remo|rò))(?![\w-])"),
    "pt": (r"(?<![\w-])(não)\s+((?:(?:se|o|a|os|as|lhe|lhes|nos|me|te)\s+)*)"
           r"(\w+?(?:rá|rão|remos|rei))(?![\w-])"),
}  # fmt: skip
#: the positive forms: a word ending in the future's endings (3rd person, "we")
_ROMANCE_PLAIN = {
    "fr": r"(?<![\w-])(\w{3,}?(?:era|eront|erons|ira|iront|irons))(?![\w-])",
    "es": r"(?<![\w-])(\w{3,}?(?:ará|erá|irá|arán|erán|irán|aremos|eremos|iremos))(?![\w-])",
    "it": r"(?<![\w-])(\w{3,}?(?:erà|irà|eranno|iranno|eremo|iremo))(?![\w-])",
    "pt": r"(?<![\w-])(\w{3,}?(?:ará|erá|irá|arão|erão|irão|aremos|eremos|iremos))(?![\w-])",
}
#: copulas and modals: "ne sera pas", "no podrá", "non dovrà", "não terá" decide nothing
_ROMANCE_NOT = {
    "fr": r"(?:se|au|pou|dev|fau|vaud|sau|voud|fe|i)r(?:a|ont|ons|ai)",
    "es": r"(?:se|hab|est|pod|tend|deb|sab|quer|hab)(?:á|rá|rán|remos)|ser(?:á|án|emos)|estar(?:á|án)",
    "it": r"(?:sa|av|pot|dov|vor|and|sap)(?:rà|ranno|remo)",
    "pt": r"(?:se|te|esta|have|pode|deve|sabe|ha)(?:rá|rão|remos)",
}
#: the endings of the first person ("nous ne lèverons pas", "no levantaremos", "non ritireremo")
_FIRST = {
    "fr": ("rons", "rai"),
    "es": ("remos", "ré"),
    "it": ("remo", "rò"),
    "pt": ("remos", "rei"),
}
#: the future's endings and what the infinitive ends in instead
_ROMANCE_STEMS = {
    "fr": (("eront", "er"), ("erons", "er"), ("era", "er"), ("iront", "ir"), ("irons", "ir"), ("ira", "ir"),
           ("rai", "r"), ("ront", "r"), ("rons", "r"), ("ra", "r")),
    "es": (("rán", "r"), ("rá", "r"), ("remos", "r")),
    "it": (("eranno", "are"), ("eranno", "ere"), ("erà", "are"), ("erà", "ere"), ("eremo", "are"),
           ("eremo", "ere"), ("iranno", "ire"), ("irà", "ire"), ("iremo", "ire")),
    "pt": (("rão", "r"), ("rá", "r"), ("remos", "r")),
}  # fmt: skip


def _infinitives(lang: str, form: str) -> tuple[str, ...]:
    """The infinitives a Romance future form may stand for ("levantará" -> "levantar",
    "ritirerà" -> "ritirare", "ritirere"); irregular stems ("pondrá") are not known."""
    form = form.casefold()
    out = [form[: -len(end)] + inf for end, inf in _ROMANCE_STEMS[lang] if form.endswith(end)]
    return (form, *out)


def _romance(lang: str, text: str, start: int, end: int) -> list[Future]:
    out: list[Future] = []
    negated = _compiled(_ROMANCE[lang])
    for m in negated.finditer(text, start, end):
        verb = m.group(3)
        if not _compiled(_ROMANCE_NOT[lang]).fullmatch(verb.casefold()):
            first = verb.casefold().endswith(_FIRST[lang])
            out.append(
                Future(m.start(), m.end(3), m.span(3), m.span(1), _infinitives(lang, verb), first)
            )
    taken = {f.verb for f in out}
    for m in _compiled(_ROMANCE_PLAIN[lang]).finditer(text, start, end):
        if m.span(1) not in taken and not _compiled(_ROMANCE_NOT[lang]).fullmatch(
            m.group(1).casefold()
        ):
            out.append(
                Future(m.start(1), m.end(1), m.span(1), None, _infinitives(lang, m.group(1)))
            )
    return out


# ------------------------------------------------------------------- German

_DE_AUX = r"(?:wird|werden|werde|werden|würde|würden|will|wollen|wolle|soll|sollen|solle)"
#: main clause: the auxiliary, then the infinitive that ends the clause
_DE_MAIN = re.compile(
    rf"(?<![\w-]){_DE_AUX}(?![\w-])(.*?)(?<![\w-])([a-zäöüß]+(?:en|ern|eln))[\W_]*$", re.DOTALL
)
#: subordinate clause: the infinitive, then the auxiliary that ends the clause
_DE_SUB = re.compile(rf"(?<![\w-])([a-zäöüß]+(?:en|ern|eln))\s+{_DE_AUX}[\W_]*$")
_DE_FIRST = re.compile(r"(?<![\w-])(?:wir|ich)(?![\w-])", re.IGNORECASE)
_DE_NEGATION = re.compile(r"(?<![\w-])(?:nicht|nie|niemals|kein\w*)(?![\w-])", re.IGNORECASE)
#: copulas and modals ("wird nicht sein", "wird es nicht geben": a forecast) and participles
#: in -en after "wird" (a passive: "wird nicht geschlossen")
_DE_NOT = re.compile(
    r"sein|werden|haben|können|müssen|dürfen|mögen|geben|bleiben|lassen|ge(?!hen|winnen|nehmigen|währen"
    r"|statten|fährden|währleisten)\w+|\w+(?:ge(?:schlossen|geben|nommen|zogen|troffen|halten|stellt)|worden)"
)


def _german(text: str, start: int, end: int) -> list[Future]:
    clause = text[start:end]
    m = _DE_MAIN.search(clause) or None
    verb: tuple[int, int] | None = None
    if m is not None:
        verb = m.span(2)
        between = (m.start(), m.start(2))
    else:
        s = _DE_SUB.search(clause)
        if s is None:
            return []
        verb = s.span(1)
        between = (max(0, s.start(1) - 60), s.start(1))
    word = clause[verb[0] : verb[1]]
    if _DE_NOT.fullmatch(word):
        return []
    negation = None
    for n in _DE_NEGATION.finditer(clause, *between):
        negation = (start + n.start(), start + n.end())
    lo = start + (m.start() if m is not None else verb[0])
    first = _DE_FIRST.search(clause, 0, verb[0]) is not None
    return [Future(min(lo, negation[0]) if negation else lo, start + verb[1],
                   (start + verb[0], start + verb[1]), negation, (word,), first)]  # fmt: skip


# ------------------------------------------------------------------- Slavic

#: Polish and Ukrainian perfective non-past forms (a future) of common action verbs, and
#: their infinitive; 3rd person singular and plural
_TABLE: dict[str, dict[str, str]] = {
    "pl": {
        **dict.fromkeys(("otworzy", "otworzą"), "otworzyć"), **dict.fromkeys(("zamknie", "zamkną"), "zamknąć"),
        **dict.fromkeys(("zniesie", "zniosą"), "znieść"), **dict.fromkeys(("wycofa", "wycofają"), "wycofać"),
        **dict.fromkeys(("podpisze", "podpiszą"), "podpisać"), **dict.fromkeys(("zmieni", "zmienią"), "zmienić"),
        **dict.fromkeys(("złagodzi", "złagodzą"), "złagodzić"), **dict.fromkeys(("uchyli", "uchylą"), "uchylić"),
        **dict.fromkeys(("zawiesi", "zawieszą"), "zawiesić"), **dict.fromkeys(("wprowadzi", "wprowadzą"), "wprowadzić"),
        **dict.fromkeys(("poprze", "poprą"), "poprzeć"), **dict.fromkeys(("zrezygnuje", "zrezygnują"), "zrezygnować"),
        **dict.fromkeys(("zwiększy", "zwiększą"), "zwiększyć"), **dict.fromkeys(("zmniejszy", "zmniejszą"), "zmniejszyć"),
        **dict.fromkeys(("obniży", "obniżą"), "obniżyć"), **dict.fromkeys(("podniesie", "podniosą"), "podnieść"),
        **dict.fromkeys(("uzna", "uznają"), "uznać"), **dict.fromkeys(("dopuści", "dopuszczą"), "dopuścić"),
        **dict.fromkeys(("wpuści", "wpuszczą"), "wpuścić"), **dict.fromkeys(("przedłuży", "przedłużą"), "przedłużyć"),
        **dict.fromkeys(("wznowi", "wznowią"), "wznowić"), **dict.fromkeys(("cofnie", "cofną"), "cofnąć"),
        **dict.fromkeys(("odblokuje", "odblokują"), "odblokować"), **dict.fromkeys(("ustąpi", "ustąpią"), "ustąpić"),
        **dict.fromkeys(("dostarczy", "dostarczą"), "dostarczyć"), **dict.fromkeys(("wyśle", "wyślą"), "wysłać"),
        **dict.fromkeys(("przekaże", "przekażą"), "przekazać"), **dict.fromkeys(("rozmieści", "rozmieszczą"), "rozmieścić"),
        **dict.fromkeys(("udostępni", "udostępnią"), "udostępnić"), **dict.fromkeys(("sfinansuje", "sfinansują"), "sfinansować"),
        **dict.fromkeys(("zapłaci", "zapłacą"), "zapłacić"), **dict.fromkeys(("zerwie", "zerwą"), "zerwać"),
        **dict.fromkeys(("przywróci", "przywrócą"), "przywrócić"), **dict.fromkeys(("wyda", "wydadzą"), "wydać"),
        **dict.fromkeys(("ratyfikuje", "ratyfikują"), "ratyfikować"), **dict.fromkeys(("dołączy", "dołączą"), "dołączyć"),
        **dict.fromkeys(("skieruje", "skierują"), "skierować"), **dict.fromkeys(("zapewni", "zapewnią"), "zapewnić"),
        **dict.fromkeys(("wzmocni", "wzmocnią"), "wzmocnić"), **dict.fromkeys(("wyszkoli", "wyszkolą"), "wyszkolić"),
        **dict.fromkeys(("nałoży", "nałożą"), "nałożyć"), **dict.fromkeys(("pożyczy", "pożyczą"), "pożyczyć"),
        **dict.fromkeys(("udzieli", "udzielą"), "udzielić"), **dict.fromkeys(("zainwestuje", "zainwestują"), "zainwestować"),
        **dict.fromkeys(("przeznaczy", "przeznaczą"), "przeznaczyć"), **dict.fromkeys(("pokryje", "pokryją"), "pokryć"),
        **dict.fromkeys(("wyasygnuje", "wyasygnują"), "wyasygnować"),
    },
    "uk": {
        **dict.fromkeys(("відкриє", "відкриють"), "відкрити"), **dict.fromkeys(("закриє", "закриють"), "закрити"),
        **dict.fromkeys(("скасує", "скасують"), "скасувати"), **dict.fromkeys(("зніме", "знімуть"), "зняти"),
        **dict.fromkeys(("виведе", "виведуть"), "вивести"), **dict.fromkeys(("підпише", "підпишуть"), "підписати"),
        **dict.fromkeys(("передасть", "передадуть"), "передати"), **dict.fromkeys(("надасть", "нададуть"), "надати"),
        **dict.fromkeys(("відправить", "відправлять"), "відправити"), **dict.fromkeys(("направить", "направлять"), "направити"),
        **dict.fromkeys(("поверне", "повернуть"), "повернути"), **dict.fromkeys(("змінить", "змінять"), "змінити"),
        **dict.fromkeys(("збільшить", "збільшать"), "збільшити"), **dict.fromkeys(("зменшить", "зменшать"), "зменшити"),
        **dict.fromkeys(("послабить", "послаблять"), "послабити"), **dict.fromkeys(("припинить", "припинять"), "припинити"),
        **dict.fromkeys(("відновить", "відновлять"), "відновити"), **dict.fromkeys(("визнає", "визнають"), "визнати"),
        **dict.fromkeys(("дозволить", "дозволять"), "дозволити"), **dict.fromkeys(("пропустить", "пропустять"), "пропустити"),
        **dict.fromkeys(("запровадить", "запровадять"), "запровадити"), **dict.fromkeys(("введе", "введуть"), "ввести"),
        **dict.fromkeys(("поступиться", "поступляться"), "поступитися"),
        **dict.fromkeys(("приєднається", "приєднаються"), "приєднатися"),
        **dict.fromkeys(("підтримає", "підтримають"), "підтримати"), **dict.fromkeys(("розблокує", "розблокують"), "розблокувати"),
        **dict.fromkeys(("виділить", "виділять"), "виділити"), **dict.fromkeys(("розмістить", "розмістять"), "розмістити"),
        **dict.fromkeys(("ратифікує", "ратифікують"), "ратифікувати"), **dict.fromkeys(("поставить", "поставлять"), "поставити"),
        **dict.fromkeys(("продовжить", "продовжать"), "продовжити"), **dict.fromkeys(("допустить", "допустять"), "допустити"),
        **dict.fromkeys(("погодиться", "погодяться"), "погодитися"), **dict.fromkeys(("дасть", "дадуть"), "дати"),
        **dict.fromkeys(("вийде", "вийдуть"), "вийти"), **dict.fromkeys(("продасть", "продадуть"), "продати"),
        **dict.fromkeys(("пустить", "пустять"), "пустити"), **dict.fromkeys(("видасть", "видадуть"), "видати"),
        **dict.fromkeys(("звільнить", "звільнять"), "звільнити"), **dict.fromkeys(("профінансує", "профінансують"), "профінансувати"),
    },
}  # fmt: skip
_WORD = re.compile(r"\w+")
_SLAVIC_NEGATION = {"pl": "nie", "uk": "не", "ru": "не"}
#: a negated auxiliary of the future and an infinitive (any verb: a future): Polish "nie
#: będzie/będą" + "-ć", Russian "не станет/станут" + "-ть/-ти/-чь", Ukrainian "не стане/стануть"
#: + "-ти/-ть" ("will not start to": "Литва и Латвия не станут закрывать границу"; "не будет",
#: "не будут", "не буде", "не будуть" are refusal cues); the auxiliaries of the first person
_COMPOUND = {
    "pl": r"(?<![\w-])(nie)\s+(będzie|będą|będziemy)\s+(\w+ć)(?![\w-])",
    "ru": r"(?<![\w-])(не)\s+(станет|станут|станем|стану)\s+(\w+(?:ть|ти|чь)(?:ся|сь)?)(?![\w-])",
    "uk": r"(?<![\w-])(не)\s+(стане|стануть|станемо|стану)\s+(\w+(?:ти|ть)(?:ся|сь)?)(?![\w-])",
}
_COMPOUND_FIRST = frozenset({"będziemy", "станем", "стану", "станемо"})
_UK_SYNTHETIC = re.compile(r"\w{3,}тим(?:е|уть|емо)(?:ся)?")
#: the synthetic future's ending and the infinitive's: the future is the infinitive with
#: "-му/-меш/-ме..." of "мати" ("фінансуватиме" -> "фінансувати", "надаватимуть" ->
#: "надавати", "займатиметься" -> "займатися")
_UK_SYNTHETIC_ENDINGS = (("тимуться", "тися"), ("тиметься", "тися"), ("тимемося", "тися"),
                         ("тимуть", "ти"), ("тимемо", "ти"), ("тиме", "ти"))  # fmt: skip


def _uk_synthetic_infinitive(form: str) -> str:
    """The infinitive of a Ukrainian synthetic future (``form`` folded, matching
    :data:`_UK_SYNTHETIC`): "постачатиме" -> "постачати"."""
    for end, infinitive in _UK_SYNTHETIC_ENDINGS:
        if form.endswith(end):
            return form[: -len(end)] + infinitive
    return ""
#: Russian future verbs that state no decision: can, become, be, manage
_RU_NOT = frozenset({"смочь", "стать", "быть", "удаться", "получиться", "успеть", "оказаться"})


@lru_cache(maxsize=1)
def _russian() -> Any:
    """pymorphy3's Russian analyzer (MIT, dictionary 8 MB, about 0.5 s to load, once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=8192)
def _ru_future(word: str) -> tuple[str, bool] | None:
    """The infinitive of ``word`` when one of its readings is a perfective future verb,
    and whether that reading is in the first person ("откроем")."""
    for parse in _russian().parse(word):
        tag = parse.tag
        if "VERB" in tag and "perf" in tag and "futr" in tag and parse.normal_form not in _RU_NOT:
            return str(parse.normal_form), "1per" in tag
    return None


@lru_cache(maxsize=1 << 15)
def _slavic_form(lang: str, word: str) -> tuple[str, bool] | None:
    """The infinitive of a perfective non-past (future) ``word`` (Ukrainian "-тиме":
    the imperfective's, "надаватиме" -> "надавати") and whether it is in the first person, or
    None: no future known. Memoised: every word of a Polish, Ukrainian or Croatian clause
    is read, and the words of a text recur (a pure function of the table)."""
    folded = word.casefold()
    if lang == "ru":
        return _ru_future(folded) if len(folded) > 3 else None
    found = _TABLE[lang].get(folded)
    if found is None and lang == "uk" and _UK_SYNTHETIC.fullmatch(folded):
        return _uk_synthetic_infinitive(folded), folded.endswith(("мемо", "мемося"))
    if found is None:
        third = _third_person(lang, folded)
        return None if third is None else (third, True)
    return found, False


#: the first person plural of a perfective non-past and the third person singular's ending
#: it comes from: Polish adds "my" ("wyśle" -> "wyślemy", "otworzy" -> "otworzymy", "da" ->
#: "damy"), Ukrainian changes the ending ("виведе" -> "виведемо", "визнає" -> "визнаємо",
#: "направить" -> "направимо", "передасть" -> "передамо", "погодиться" -> "погодимося")
_FIRST_PLURAL = {
    "pl": (("my", ""),),
    "uk": (("имося", "иться"), ("емося", "еться"), ("ємося", "ється"), ("емо", "е"), ("ємо", "є"),
           ("имо", "ить"), ("амо", "асть")),
}  # fmt: skip


def _third_person(lang: str, word: str) -> str | None:
    """The infinitive of ``word`` read as the first person plural ("we") of a verb of the
    table ("nie wyślemy", "не направимо": we will not send), or None."""
    for end, third in _FIRST_PLURAL.get(lang, ()):
        if word.endswith(end) and len(word) > len(end) + 1:
            found = _TABLE[lang].get(word[: -len(end)] + third)
            if found is not None:
                return found
    return None


def _slavic(lang: str, text: str, start: int, end: int) -> list[Future]:
    out: list[Future] = []
    words = list(_WORD.finditer(text, start, end))
    negation = _SLAVIC_NEGATION[lang]
    for before, word in zip([None, *words], words, strict=False):
        negated = (
            before is not None
            and before.group().casefold() == negation
            and before.end() + 2 >= word.start()
        )
        if lang == "ru" and not negated:
            continue  # every word of a clause through the dictionary: not for a positive
        form = _slavic_form(lang, word.group())
        if form is None:
            continue
        neg = before.span() if negated and before is not None else None
        out.append(Future(neg[0] if neg else word.start(), word.end(), word.span(), neg,
                          (form[0],) if form[0] else (), form[1]))  # fmt: skip
    for m in _compiled(_COMPOUND[lang]).finditer(text, start, end):
        first = m.group(2).casefold() in _COMPOUND_FIRST
        out.append(Future(m.start(), m.end(), m.span(3), m.span(1), (m.group(3).casefold(),), first))
    return out


# ------------------------------------------------------------------ entry

_READERS: dict[str, Callable[[str, int, int], list[Future]]] = {
    **{lang: partial(_romance, lang) for lang in _ROMANCE},
    "de": _german,
    **{lang: partial(_slavic, lang) for lang in _SLAVIC_NEGATION},
}
#: the languages :func:`futures` reads
LANGUAGES = frozenset(_READERS)


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DE_ANY_AUX = re.compile(rf"(?<![\w-]){_DE_AUX}(?![\w-])", re.IGNORECASE)


def may_hold(lang: str, text: str, start: int, end: int) -> bool:
    """Whether a clause of the sentence ``text[start:end]`` may hold a future verb
    (:func:`futures`): German needs an auxiliary there, the others are read whole."""
    if lang == "de":
        return _DE_ANY_AUX.search(text, start, end) is not None
    return bool(futures(lang, text, start, end))


#: "until" and "as long as": the negation of a future after them is no decision but the
#: condition's ("пока Украина не выведет войска": until Ukraine withdraws; Russian,
#: Ukrainian, Polish and Italian write a negation there that negates nothing)
_UNTIL = {
    "ru": r"пока|до тех пор,? пока",
    "uk": r"поки|доки|допоки",
    "pl": r"dopóki|póki|aż",
    "it": r"finché|fin quando|fino a quando|fintanto che|sinché",
    "fr": r"tant que|jusqu['’]à ce que|avant que",
    "es": r"hasta que|mientras|a menos que",
    "pt": r"até que|enquanto|a menos que",
    "de": r"bis|solange|bevor|ehe",
}


def futures(lang: str, text: str, start: int, end: int) -> list[Future]:
    """The future-tense verbs of the clause ``text[start:end]`` in ``lang`` (a base code;
    none in a language not in :data:`LANGUAGES`), but those after an "until" or "as long
    as" word in the clause (:data:`_UNTIL`)."""
    reader = _READERS.get(lang)
    if reader is None:
        return []
    found = reader(text, start, end)
    if not found:
        return found
    until = _compiled(rf"(?<![\w-])(?:{_UNTIL[lang]})(?![\w-])")
    return [f for f in found if until.search(text, start, f.start) is None]
