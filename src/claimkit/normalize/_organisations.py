"""Organisations in no gazetteer, told by their shape: a name led or closed by an
organisation word.

News names bodies no gazetteer can list: "the Mekong River Commission", "the Ministry
of Fisheries", "L'Agence nationale de sécurité sanitaire", "Bundesamt für Migration und
Flüchtlinge", "Komisja Nadzoru Finansowego", "Управление по борьбе с наркотиками",
"Rekabet Kurumu", "Badan Meteorologi, Klimatologi, dan Geofisika", "Cơ quan Khí tượng
Thủy văn", 国家发展和改革委员会, 日本自動車工業会, 공정거래위원회, "هيئة الأرصاد الجوية", a
company ("Acme Mining Ltd", "Siemens AG", "PT Pertamina", "Türk Hava Yolları A.Ş.") or
a union. Each language's organisation words are a table,
``normalize/data/organisations/<language>.json``:

``first``
    words that open a name ("Ministry", "Agence", "Bundesamt", "Управление", "Cơ quan",
    "Badan", "هيئة"); the name goes on with capitalised words, the table's ``joins``
    ("of", "de la", "für", "по") each followed by a word, and ``modifier`` words (a
    regular expression: the lower-case adjectives of "Agence nationale", the genitives of
    "Ministarstvo financija");
``last``
    words that close a name ("Commission", "Authority", "Ltd", "AG", "Kurumu",
    委员会, 協会, 위원회), after capitalised words (in Han and Hangul, after the
    characters of the same word);
``state``
    the words of those that name a state body: a ministry, an agency, an authority speaks
    for its government (:func:`state_body`; the rules backend gives it the article's own
    country), a union, an association or a company for itself.

``english``
    how the body is named in English (:func:`english_name`): ``heads`` maps an
    organisation word as written to an English template ("Ministerio": "Ministry of {}",
    "Kurumu": "{} Authority", 委员会: "{} Commission"); ``words`` maps a portfolio or
    field, folded, to English ("agricultura": "Agriculture", "иностранных дел": "Foreign
    Affairs", 公正取引: "Fair Trade"); ``skip`` are the folded joins and articles
    dropped before a portfolio ("de", "la", "für", "за") and ``and`` the words that join
    two ("y", "und", "ve", 和). A name gets its English name only when every word after
    its head is known: "Ministerio de Agricultura, Pesca y Alimentación" is "Ministry of
    Agriculture, Fisheries and Food"; an unknown word leaves the name as written. Any
    other body is composed word by word from the part's ``bodies``, ``adjectives`` and
    ``nouns`` (:mod:`claimkit.normalize._organisation_english`: "Agence nationale de
    sécurité sanitaire" is "National Health Security Agency"), all or nothing too.

``spoken_for``
    regular expressions of the bodies a spokesperson's title may name before the
    spokesperson's own name, in the case the title governs ("rzecznik *rządu* Adam
    Szłapka", "porte-parole du *Quai d'Orsay*, X", "Sprecher des
    *Verteidigungsministeriums* X"); a body whose head and portfolio the ``english`` part
    knows is one too ("juru bicara *Kementerian Luar Negeri* Roy Soemirat"). The officials
    finder steps over them to the name (:func:`spoken_for_bodies`).

A capitalised phrase followed by its acronym in brackets is an organisation too ("the
Kenya Revenue Authority (KRA)": the acronym's letters are the initials of its words),
and the acronym alone later in the text names it again.

:func:`with_organisations` adds them to the mentions a gazetteer found: never over a
person, never over a known name that covers them; a country inside a state body's name
leaves the country acting ("the Russian Defence Ministry": Russia), while a country
inside another body's name is part of that name ("Japan Automobile Manufacturers
Association"); a known name that is only the organisation word ("Commission", which
the gazetteer reads as the European Commission) gives way to the longer name.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from claimkit.normalize._organisation_english import composed_english
from claimkit.normalize.mentions import ActorMention
from claimkit.schemas import Actor, ActorKind
from claimkit.text import fold, fold_case

__all__ = ["company_openers", "english_name", "names_ministry", "organisation_words", "spoken_for_bodies", "state_body",
           "with_organisations"]

#: a capitalised word of a name, in Latin or Cyrillic letters (digits, dots, an
#: apostrophe or a hyphen inside: "Al-Shabaab", "E.ON")
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ](?:[\w'’&-]|\.(?=\w))*"
#: any word, after a join word in the languages that write a name's later words in lower
#: case ("Agence nationale de *sécurité*", "Управление по *борьбе* с *наркотиками*")
_ANY = r"[^\W\d_][\w'’-]*"
#: an acronym in brackets right after a name
_ACRONYM = re.compile(r"[ \u00a0]*\(([A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ&]{1,9})\)")
#: the capitalised words before a bracketed acronym (one to seven, short joins between)
_BEFORE_ACRONYM = re.compile(
    rf"(?<![\w'’-]){_CAP}(?:[ \u00a0]+(?:[a-zà-ÿа-яё]{{1,4}}[ \u00a0]+){{0,2}}{_CAP}){{1,6}}$"
)
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_KANA = r"\u30a0-\u30ff"
_HANGUL = r"\uac00-\ud7af"
_ARABIC_WORD = r"[\u0621-\u064a\u0660-\u0669\u064b-\u0652]+"


@dataclass(frozen=True)
class _Table:
    """One language's organisation words and the patterns built from them."""

    language: str
    pattern: re.Pattern[str] | None  # a whole name; group "head": the organisation word
    state: frozenset[str]
    compound: re.Pattern[str] | None = None  # a one-word state body ("Казгидромет")


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _spaced_pattern(raw: dict[str, Any]) -> str | None:
    """The pattern of a name in a language written with spaces and capitals."""
    word = raw.get("word", _CAP)
    modifier = raw.get("modifier")
    plain = rf"(?:{word}|{modifier})" if modifier else rf"(?:{word})"
    joins = [j for j in raw.get("joins", ()) if j != ","]
    after_join = _ANY if raw.get("lower_after_join") else word
    one = rf"(?:{_alternation(joins)})(?:[ \u00a0]+|(?<=['’]))"
    join = rf"{one}(?:{one})?" if joins else "(?!)"  # "y del", "et de", "e delle"
    comma = ",?" if "," in raw.get("joins", ()) else ""
    step = rf"(?:{comma}[ \u00a0]+(?:{join}{after_join}|{plain}))"
    not_first = raw.get("not_first", ())
    veto = rf"(?!(?:{_alternation(not_first)})\b)" if not_first else ""
    parts = []
    if raw.get("first"):
        parts.append(rf"(?P<head>{_alternation(raw['first'])}){step}{{1,7}}")
    if raw.get("last"):
        parts.append(rf"{veto}{word}{step}{{0,5}}[ \u00a0]+(?P<tail>{_alternation(raw['last'])})")
    if raw.get("compound"):  # a one-word state body: "Казгидромет", "Роспотребнадзор"
        parts.append(rf"(?P<compound>{_compound(raw['compound'])})")
    if raw.get("quoted_after"):  # a company's name in quotes after its form: ПАО «Северсталь»
        parts.append(rf"(?:{_alternation(raw['quoted_after'])})[ \u00a0]+[«\"“](?P<name>[^»\"”\n]{{2,40}})[»\"”]")
    if not parts:
        return None
    return rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])"


def _compound(raw: dict[str, Any]) -> str:
    """A one-word body's name: a prefix and a stem of the table's ``compound``, then an
    inflected ending ("Казгидромет", "Роспотребнадзору", "Минфина")."""
    return rf"(?:{_alternation(raw['prefixes'])})(?:{_alternation(raw['stems'])}){raw.get('ending', '')}"


def _han_pattern(raw: dict[str, Any], lang: str) -> str:
    """A name closed by an organisation word in Han (and katakana in Japanese): two to
    twelve characters of the same script before it, none of the table's ``stops``."""
    stops = [re.escape(c) for c in raw.get("stops", "")] + [re.escape(w) for w in raw.get("not_inside", ())]
    chars = _HAN + (_KANA if lang == "ja" else "")
    body = rf"(?:(?!{'|'.join(stops)})[{chars}])" if stops else rf"[{chars}]"
    return rf"(?<![{chars}]){body}{{2,12}}?(?P<tail>{_alternation(raw['last'])})"


def _korean_pattern(raw: dict[str, Any]) -> str:
    """A Korean name: a word closed by an organisation word (공정거래위원회, before its
    particle), or a company's name after 주식회사."""
    parts = [rf"(?<![{_HANGUL}])[{_HANGUL}]{{2,12}}?(?P<tail>{_alternation(raw['last'])})"]
    if raw.get("first"):
        parts.append(rf"(?P<head>{_alternation(raw['first'])})[ \u00a0]*(?P<name>[{_HANGUL}A-Za-z]{{2,12}}?)"
                     r"(?=[은는이가의을를도에과와]?(?:[ \u00a0,.]|$))")
    return "|".join(parts)


def _ar_pattern(raw: dict[str, Any]) -> str:
    """An Arabic name: an organisation word and the words after it that carry the article
    ("هيئة الأرصاد الجوية", "وزارة الزراعة"); a company's own name first ("شركة أرامكو")."""
    head = _alternation(raw["first"])
    return (rf"(?<![\u0621-\u064a])(?<!ال)(?P<head>{head})"
            rf"(?:[ \u00a0]+(?!ال)(?=[\u0621-\u064a]{{3}})(?<=شركة[ \u00a0]){_ARABIC_WORD})?(?:[ \u00a0]+(?:ال|لل){_ARABIC_WORD}){{1,4}}"
            r"(?![\u0621-\u064a])")


@functools.cache
def _table(lang: str) -> _Table | None:
    """The organisation table of ``lang``, compiled once; None for a language without one."""
    path = resources.files("claimkit").joinpath(f"normalize/data/organisations/{lang}.json")
    if not path.is_file():
        return None
    raw = json.loads(path.read_text("utf-8"))
    if raw.get("last") and lang in ("zh", "ja"):
        source: str | None = _han_pattern(raw, lang)
    elif lang == "ko":
        source = _korean_pattern(raw)
    elif lang == "ar":
        source = _ar_pattern(raw)
    else:
        source = _spaced_pattern(raw)
    compound = re.compile(_compound(raw["compound"])) if raw.get("compound") else None
    return _Table(lang, re.compile(source) if source else None, frozenset(raw.get("state", ())), compound)


@functools.cache
def organisation_words(lang: str | None) -> frozenset[str]:
    """The one-word organisation words of ``lang``'s table that open or close a body's name,
    folded ("bundesagentur", "badan", "authority"): no word of a person's name. None for a
    language without a table, or for Vietnamese, whose body syllables name people too."""
    path = resources.files("claimkit").joinpath(f"normalize/data/organisations/{lang}.json")
    if not lang or lang == "vi" or not path.is_file():
        return frozenset()
    raw = json.loads(path.read_text("utf-8"))
    return frozenset(fold_case(w) for w in (*raw.get("first", ()), *raw.get("last", ()))
                     if " " not in w.strip() and not w.isupper() and len(w) > 3)


@functools.cache
def company_openers(lang: str | None) -> frozenset[str]:
    """The organisation words of ``lang``'s table written in capitals that open a company's
    name ("PT" Pertamina): the capitalised words after one are the company's, no person's."""
    path = resources.files("claimkit").joinpath(f"normalize/data/organisations/{lang}.json")
    if not lang or not path.is_file():
        return frozenset()
    return frozenset(w for w in json.loads(path.read_text("utf-8")).get("first", ()) if w.isupper())


@dataclass(frozen=True)
class _English:
    """One language's ``english`` table (module docstring): how its bodies are named in English."""

    heads: tuple[tuple[str, str], ...]  # organisation word as written, English template; longest first
    words: dict[str, str]  # folded portfolio -> English
    skip: frozenset[str]  # folded joins and articles before a portfolio
    ands: frozenset[str]  # folded words joining two portfolios
    longest: int  # the most words (or Han characters) a portfolio key has


@functools.cache
def _english(lang: str) -> _English | None:
    """The ``english`` table of ``lang``'s organisation file; None when it has none."""
    path = resources.files("claimkit").joinpath(f"normalize/data/organisations/{lang}.json")
    raw = json.loads(path.read_text("utf-8")).get("english") if path.is_file() else None
    if not raw:
        return None
    words = {fold(k): v for k, v in raw["words"].items()}
    spaced = lang not in _UNSPACED
    longest = max((len(k.split()) if spaced else len(k) for k in words), default=1)
    heads = tuple(sorted(raw["heads"].items(), key=lambda kv: len(kv[0]), reverse=True))
    return _English(heads, words, frozenset(fold(w) for w in raw.get("skip", ())),
                    frozenset(fold(w) for w in raw.get("and", ())), longest)


#: languages whose organisation names run without spaces (a portfolio is read by characters)
_UNSPACED = frozenset({"zh", "ja", "ko"})


def english_name(name: str, language: str | None, proper: Collection[str] = ()) -> str | None:
    """The English name of a body named by its shape, from its language's ``english`` table
    ("Ministerio de Agricultura" -> "Ministry of Agriculture", "Министерство обороны" ->
    "Ministry of Defence", "Rekabet Kurumu" -> "Competition Authority", 공정거래위원회 ->
    "Fair Trade Commission"), else composed word by word
    (:mod:`claimkit.normalize._organisation_english`: "Agence nationale de sécurité
    sanitaire" -> "National Health Security Agency"; ``proper``: companies' own names the
    text gives, kept inside as written); None when the tables lack its head or a word of
    the rest."""
    lang = (language or "").split("-")[0].lower()
    return (_portfolio_name(name, lang) or composed_english(name, lang, proper)) if lang else None


def _portfolio_name(name: str, language: str | None) -> str | None:
    """:func:`english_name` from the portfolios alone: a ministry's, an authority's
    ("Ministerio de Agricultura", "Rekabet Kurumu"); the bodies a spokesperson's title may
    name are these (:func:`names_ministry`)."""
    lang = (language or "").split("-")[0].lower()
    table = _english(lang) if lang else None
    if table is None:
        return None
    for head, template in table.heads:
        if name.startswith(head):
            rest = name[len(head):]
        elif name.endswith(head):
            rest = name[: len(name) - len(head)]
        else:
            continue
        parts = _han_portfolio(rest, table) if lang in _UNSPACED else _portfolio(rest, table, lang)
        if parts:
            return template.format(_listed(parts))
    return None


def _listed(parts: Sequence[str]) -> str:
    """English portfolios in a row: "Health", "Agriculture and Forestry", "A, B and C"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _portfolio(rest: str, table: _English, lang: str) -> list[str] | None:
    """The English of each portfolio a spaced name holds after (or before) its head, split
    at commas and ``and`` words, joins and articles dropped; None when one is unknown. The
    whole rest is looked up first: "vanjskih i europskih poslova" is one portfolio."""
    whole = _unskipped(fold(rest).split(), table)
    if " ".join(whole) in table.words:
        return [table.words[" ".join(whole)]]
    out = []
    for seg in _segments(rest, table, lang):
        seg = _unskipped(seg, table)
        english = table.words.get(" ".join(seg)) if seg else None
        if english is None:
            return None
        out.append(english)
    return out


def _unskipped(words: list[str], table: _English) -> list[str]:
    """``words`` without the joins and articles that open them ("de la", "für die")."""
    i = 0
    while i < len(words) and words[i] in table.skip:
        i += 1
    return words[i:]


def _segments(rest: str, table: _English, lang: str) -> list[list[str]]:
    """The folded words of ``rest`` cut at commas and ``and`` words (Arabic writes "and"
    into the next word: "والثروة")."""
    segments: list[list[str]] = [[]]
    for chunk in rest.split(","):
        if segments[-1]:
            segments.append([])
        for word in fold(chunk).split():
            if lang == "ar" and word.startswith("وال") and segments[-1]:
                segments.append([])  # "والثروة": and the ...
                word = word[1:]
            if word in table.ands:
                if segments[-1]:  # ", dan": one break
                    segments.append([])
            elif segments[-1] or word not in table.skip:
                segments[-1].append(word)
    return segments


def _han_portfolio(rest: str, table: _English) -> list[str] | None:
    """The English of a name written without spaces (国家发展和改革, 공정거래), read as the
    longest known words from its start, joined by a space (an ``and`` word between two makes
    "and"); None when a character is left unread."""
    key, out, i = fold(rest), [], 0
    while i < len(key):
        for n in range(min(table.longest, len(key) - i), 0, -1):
            piece = key[i : i + n]
            if piece in table.ands or piece in table.words:
                out.append("and" if piece in table.ands else table.words[piece])
                i += n
                break
        else:
            return None
    return [" ".join(out)] if out and out[0] != "and" else None


#: how many words after its head a body between a title and a name may have
_BODY_WORDS = 5
#: a word and the space after it, for the ends a body may have
_BODY_WORD = re.compile(r"[ \u00a0]*[^\W\d_][\w'’-]*")


def spoken_for_bodies(text: str, language: str | None) -> dict[int, int]:
    """Start -> end of each body of ``text`` a spokesperson's title may name before the
    name (module docstring, ``spoken_for``): the table's expressions, and a head of the
    ``english`` part with the longest run of words after it that makes a known body
    ("Kementerian Luar Negeri" in "Kementerian Luar Negeri Roy Soemirat")."""
    lang = (language or "").split("-")[0].lower()
    pattern = _spoken_for(lang) if lang else None
    if pattern is None:
        return {}
    out: dict[int, int] = {}
    for m in pattern.finditer(text):
        known = _known_body_end(text, m.start(), m.end(), lang) if m.groupdict().get("head") else m.end()
        if known is not None:
            out.setdefault(m.start(), known)
    return out


def _known_body_end(text: str, start: int, head_end: int, lang: str) -> int | None:
    """The end of the longest body from ``start`` (its head ending at ``head_end``) that
    :func:`_portfolio_name` knows, up to :data:`_BODY_WORDS` words on; None when none is."""
    ends, p = [], head_end
    for _ in range(_BODY_WORDS):
        w = _BODY_WORD.match(text, p)
        if w is None:
            break
        p = w.end()
        ends.append(p)
    return next((e for e in reversed(ends) if _portfolio_name(text[start:e], lang) is not None), None)


def names_ministry(written: str, language: str | None) -> bool:
    """Whether an official's title as written names a body the ``english`` part knows in
    full ("Juru bicara Kementerian Luar Negeri Roy Soemirat", "portavoz del Ministerio de
    Exteriores, Ana Gil"): a state body, whose spokesperson speaks for its government."""
    lang = (language or "").split("-")[0].lower()
    pattern = _spoken_for(lang) if lang else None
    if pattern is None:
        return False
    return any(m.groupdict().get("head") and _known_body_end(written, m.start(), m.end(), lang) is not None
               for m in pattern.finditer(written))


@functools.cache
def _spoken_for(lang: str) -> re.Pattern[str] | None:
    """The bodies of ``lang`` a spokesperson's title may name, as one pattern: the table's
    ``spoken_for`` expressions, its one-word state bodies (``compound``: "глава
    *Минпромторга* Антон Алиханов", "головою *Мінфіну* ..."), and (group ``head``) the heads
    of its ``english`` part that open a name; None for a language with none of them."""
    path = resources.files("claimkit").joinpath(f"normalize/data/organisations/{lang}.json")
    raw = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    parts = [f"(?:{p})" for p in raw.get("spoken_for", ())]
    if raw.get("compound"):
        parts.append(f"(?:{_compound(raw['compound'])})")
    english = _english(lang)
    if english is not None and lang not in _UNSPACED:
        parts.append(rf"(?P<head>{_alternation([h for h, _ in english.heads])})")
    if not parts:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")


def state_body(name: str, language: str | None) -> bool:
    """Whether an organisation named ``name`` (as written) is a state body of ``language``'s
    table: opened or closed by one of its ``state`` words ("Ministry of Fisheries",
    "Rekabet Kurumu", 国家发展和改革委员会, "هيئة الأرصاد الجوية")."""
    table = _table((language or "").split("-")[0].lower()) if language else None
    if table is None:
        return False
    if table.compound is not None and table.compound.fullmatch(name):
        return True
    return any(name.startswith(w) or name.endswith(w) for w in table.state)


def _candidates(text: str, table: _Table) -> list[tuple[int, int, bool, tuple[int, int]]]:
    """Each organisation name of the table's shape: (start, end, state body, the
    organisation word's span)."""
    if table.pattern is None:
        return []
    out = []
    for m in table.pattern.finditer(text):
        groups = m.groupdict()
        group = "head" if groups.get("head") is not None else "tail"
        word = m.group(group)
        if groups.get("compound") is not None:  # a one-word state body
            out.append((m.start(), m.end(), True, m.span()))
        elif groups.get("name") is not None:  # a form before the name: the name alone
            out.append((m.start("name"), m.end("name"), False, m.span("name")))
        else:
            out.append((m.start(), m.end(), word in table.state, m.span(group)))
    return out


def _acronym_names(text: str) -> list[tuple[int, int, bool, tuple[int, int]]]:
    """Capitalised phrases followed by their own acronym in brackets ("the Kenya Revenue
    Authority (KRA)", "Mekong River Commission (MRC)"): the acronym's letters are the
    initials of the phrase's capitalised words, from the first word that makes them so;
    (start, end, False, the acronym's span) each."""
    out: list[tuple[int, int, bool, tuple[int, int]]] = []
    for m in _ACRONYM.finditer(text):
        before = _BEFORE_ACRONYM.search(text, max(0, m.start() - 120), m.start())
        if before is None:
            continue
        letters = m.group(1).replace("&", "").upper()
        words = [w for w in _WORD.finditer(text, before.start(), before.end()) if w.group()[0].isupper()]
        for i, w in enumerate(words):
            if len(words) - i >= 2 and "".join(v.group()[0] for v in words[i:]).upper() == letters:
                out.append((w.start(), before.end(), False, m.span(1)))  # the acronym's span
                break
    return out


def _acronym_uses(text: str, found: list[ActorMention], defined: Sequence[tuple[int, int, tuple[int, int]]]) -> list[ActorMention]:
    """``found`` (sorted) with each later use of an acronym defined in brackets after a name
    that ``found`` holds as an organisation in no gazetteer ("... Authority (KRA) ... KRA
    said"): that organisation, written as the acronym; where no other name is. The first
    definition of an acronym counts; one pass over the text for all of them."""
    names = {(m.start, m.end): m.actor for m in found if m.actor.kind == ActorKind.organisation}
    first: dict[str, tuple[int, Actor]] = {}
    for s, e, (a, b) in defined:
        if (s, e) in names and text[a:b] not in first:
            first[text[a:b]] = (b, names[(s, e)])
    if not first:
        return found
    starts = [m.start for m in found]
    added: list[ActorMention] = []
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(list(first))})(?![\w-])")
    for use in pattern.finditer(text):
        us, ue = use.span()
        after, actor = first[use.group()]
        i = bisect_left(starts, ue)
        if us < after or (i > 0 and found[i - 1].end > us) or (added and added[-1].end > us):
            continue
        added.append(ActorMention(us, ue, use.group(), actor.model_copy(update={"text": use.group()})))
    return sorted([*found, *added], key=lambda m: m.start) if added else found


#: what stands between a known name and the body it owns: a possessive, its acronym in
#: brackets, a space ("Kenya's Ministry of ...", "유럽연합(EU) 집행위원회", 日本の...委員会)
_OWNER_GAP = re.compile(r"(?:\s*\([^()]{1,12}\))?(?:['’]s?)?[ \u00a0]?(?:の|의|的)?[ \u00a0]?")
_OWNER_REACH = 16


def _written_start(text: str, m: ActorMention) -> int:
    """Where a mention starts as written: an official's title before the name is part of
    it (the actor's text, "président du Conseil régional, Loïg Chesnais-Girard")."""
    written = m.actor.text
    if m.actor.kind == ActorKind.person and len(written) > len(m.text) and \
            text.endswith(written, 0, m.end):
        return m.end - len(written)
    return m.start


#: a word, for reading initials
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def with_organisations(text: str, found: Sequence[ActorMention], language: str | None,
                       headline: Callable[[str, int], bool],
                       outlets: Sequence[tuple[int, int]] = ()) -> list[ActorMention]:
    """``found`` (sorted by start) with the organisations of ``language``'s shape and the
    bracketed acronyms' names (module docstring) that it does not already name; sorted.
    ``headline(text, at)`` says whether ``at`` is on a line in title case ("Hungary Blocks
    Union Funds"), where capitals make no name; ``outlets`` are the spans of news outlets'
    names ("Agence France-Presse"), a source and no actor, where no body is read. Each
    candidate looks only at the names near it (bisection): linear in a long text."""
    table = _table((language or "").split("-")[0].lower()) if language else None
    cands = _candidates(text, table) if table is not None else []
    acronyms = _acronym_names(text) if "(" in text else []
    if not cands and not acronyms:
        return list(found)
    starts = [m.start for m in found]
    added: list[ActorMention] = []
    dropped: set[int] = set()
    proper = _company_names(text, cands, language)
    last_end = -1
    for s, e, state, word in sorted([*cands, *acronyms], key=lambda c: (c[0], c[0] - c[1])):
        if s < last_end or headline(text, s) or any(a < e and s < b for a, b in outlets):
            continue  # inside a body already read, a title-case line, an outlet's name
        # names up to a title's reach after it too: an official's title may hold it
        inside = _inside(text, found, bisect_left(starts, e + _TITLE_REACH), (s, e), state, word)
        if inside is not None:
            dropped.update(inside)
            name = text[s:e]
            english = english_name(name, language, proper) or name
            added.append(ActorMention(s, e, name, Actor(text=name, name=english, kind=ActorKind.organisation)))
            last_end = e
    out = sorted([*(m for i, m in enumerate(found) if i not in dropped), *added], key=lambda m: m.start)
    return _acronym_uses(text, out, [(s, e, word) for s, e, _, word in acronyms]) if acronyms else out


def _company_names(text: str, cands: Sequence[tuple[int, int, bool, tuple[int, int]]],
                   language: str | None) -> frozenset[str]:
    """The companies' own names of the candidates: the name after a form in capitals
    ("Pertamina" of "PT Pertamina"), before one ("Meyer Werft" of "Meyer Werft GmbH") or
    in quotes after one (ПАО «Северсталь»)."""
    lang = (language or "").split("-")[0].lower()
    openers, forms = company_openers(lang), _company_forms(lang)
    out = set()
    for s, e, state, word in cands:
        first, _, rest = text[s:e].partition(" ")
        if first in openers and rest:
            out.add(rest)
        elif word == (s, e) and not state:
            out.add(text[s:e])
        elif word[1] == e and text[word[0]:e] in forms and word[0] > s:
            out.add(text[s:word[0]].strip())
    return frozenset(out)


@functools.cache
def _company_forms(lang: str) -> frozenset[str]:
    """The words of ``lang``'s table that close a company's name: its legal forms
    ("GmbH", "S.A.", "Ltd", "Tbk"), no word of four lower-case letters in a row
    ("Commission", "Group")."""
    path = resources.files("claimkit").joinpath(f"normalize/data/organisations/{lang}.json")
    raw = json.loads(path.read_text("utf-8")) if lang and path.is_file() else {}
    state = set(raw.get("state", ()))
    return frozenset(w for w in raw.get("last", ()) if w not in state and not re.search(r"[^\W\d_A-Z]{4}", w))


#: how far before a body a name that may hold or own it may start
_LOOKBACK = 400
#: how far after a body an official's name may start whose title holds it
_TITLE_REACH = 80


def _inside(text: str, found: Sequence[ActorMention], after: int, span: tuple[int, int],
            state: bool, word: tuple[int, int]) -> list[int] | None:
    """The indexes of the names of ``found`` (those before index ``after``) the
    organisation at ``span`` replaces, or None when it must not be added: a known name owns
    it (right before it), a name (or an official's title) covers it or crosses its edge, a
    person or another name in no gazetteer is inside, a known organisation other than its
    organisation word alone ``word`` is inside, or a state body's name holds a country
    (which then acts)."""
    s, e = span
    inside: list[int] = []
    for j in range(after - 1, -1, -1):
        m = found[j]
        if m.end < s - _OWNER_REACH or m.start < s - _LOOKBACK:
            break
        if m.end <= s:
            if _OWNER_GAP.fullmatch(text, m.end, s):
                return None  # "Kenya's Ministry of Fisheries", "유럽연합(EU) 집행위원회": its body
            continue
        if _written_start(text, m) >= e:
            continue
        if m.start < s or m.end > e or m.actor.kind == ActorKind.person or not m.actor.resolved:
            return None  # a person, or an official's title ("président du Conseil régional, X")
        if (state or m.actor.kind != ActorKind.country) and not (word[0] <= m.start and m.end <= word[1]):
            return None  # "Conseil de sécurité de l'ONU", "the Russian Defence Ministry"
        inside.append(j)
    return inside
