"""An article's dateline, read once per document: where and when the story was filed, and by whom.

Wire copy and many papers open a story with a dateline, in the styles of their
agencies: "SEOUL, June 2 (Reuters) -", "KYIV (AP) —", "Lisboa, 3 jun 2025 (Lusa) -",
"Madrid, 3 nov (EFE).-", "JAKARTA, KOMPAS.com -", "МОСКВА, 3 ноября. /ТАСС/.",
"القاهرة (رويترز) -", "(رويترز) -", "(서울=연합뉴스)", "【ワシントン=共同】", "【北京時事】",
"新华社北京11月3日电（记者 张三）". :func:`read_datelines` finds every line that opens
like one (a page of several stories or a live blog has several) and parses each into a
:class:`Dateline`: its span, the place as written and the government seated there, the
date written in it and the agency. Three readers use it:

- the article's own country (:mod:`.home`): the government seated where the article's
  dateline was filed ("SEOUL, ..." → South Korea);
- the actors (:mod:`.roles`): a capital opening a dateline is where the story was filed,
  no government acting ("Київ – Міністр ..."; "Moscow, however, refused" still acts);
- the claims' dates: the date of the article's dateline is when it was written, not the
  date of what its first sentence tells; and when it is a day before the publication date
  (a wire story filed the evening before the page is dated), it is the day "on Tuesday",
  "yesterday" and a claim with no date of its own are told from (:func:`filed_day`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from claimkit.normalize import resolve_date

__all__ = ["Dateline", "article_dateline", "dated", "filed_day", "filed_from", "read_datelines"]


@dataclass(frozen=True)
class Dateline:
    """One dateline: character offsets into the text it was read from."""

    #: the dateline's span: from its first character to its dash, bracket or "电" (included)
    span: tuple[int, int]
    #: the place written ("SEOUL", "서울", "北京") and its span; None for an agency alone
    place: str | None = None
    place_span: tuple[int, int] | None = None
    #: the government seated at the place ("South Korea"), when one is
    country: str | None = None
    #: the span of the date written in it ("June 2", "3 ноября.", "11月3日"), when one is
    date: tuple[int, int] | None = None
    #: the agency or paper named in it ("Reuters", "연합뉴스", "新华社"), when one is
    agency: str | None = None
    #: it opens one of the text's first three non-blank lines: the article's own dateline
    lead: bool = True


#: a letter, a word of letters (inner apostrophes and dots: "Sant'Anna", "Kompas.com" are
#: not places), and a place of up to four words ("BUENOS AIRES", "HÀ NỘI", "Kuala Lumpur")
_WORD = r"[^\W\d_][^\W\d_]*"
_PLACE = rf"(?P<place>{_WORD}(?:[ \t-]{_WORD}){{0,3}})"
#: the text between a comma and the agency or dash: a date ("June 2", "3. studenoga",
#: "2025-06-02", "3/11") or a region or outlet ("Ukraine", "KOMPAS.com")
_DATE = r"(?P<date>(?:[^()（）\[\]/\n–—=-]|(?<=\d)[-/](?=\d)){1,40}?)"
#: the agency in brackets or slashes ("(Reuters)", "(ИА «Вестник»)", "/ТАСС/")
_AGENCY = r"(?:[(（](?P<agency>[^()（）\n]{1,40})[)）]|/(?P<slashed>[^/\n]{1,30})/)"
#: agencies written without brackets or slashes: after the date and before the dash
#: (Interfax: "МОСКВА, 3 ноября. Интерфакс -", "Москва. 3 ноября. INTERFAX.RU -",
#: "КИЇВ. 3 листопада. ІНТЕРФАКС-УКРАЇНА -"), or after the dash and closed by a dot
#: (RIA Novosti: "МОСКВА, 3 ноя — РИА Новости.", "..., Иван Петров.")
_NAMED = r"ІНТЕРФАКС-УКРАЇНА|Інтерфакс-Україна|INTERFAX\.RU|ИНТЕРФАКС|Интерфакс|Interfax|Інтерфакс"
_DASHED = r"РИА Новости|RIA Novosti|ПРАЙМ|Спутник|Sputnik|РБК|ТАСС"
#: the conjunctions that follow a suspended compound's hyphen ("Staats- und Regierungschefs",
#: "Ein- oder Ausfuhr", "land- en tuinbouw", "wschodnio- i zachodnioeuropejski", "srednje- i
#: dugoročno", "kesä- ja talvikausi", "kis- és középvállalkozások", "pre- and post-war")
_CONJUNCTIONS = ("und|oder|bis|sowie|bzw|u|en|of|tot|i|lub|oraz|albo|czy|a|ili|te|in|ali|nebo|či|alebo"
                 "|og|eller|och|samt|ja|tai|sekä|või|és|vagy|illetve|un|ir|ar|and|or|to|e|o|y|u|și|sau")
#: a hyphen glued to the word before it and followed by a conjunction or a comma
#: ("Ein-, Aus- und Durchfuhr"): the first half of a suspended compound, no dateline's dash
_SUSPENDED = rf"(?<=[^\W\d_])-(?:,|[ \t]+(?:{_CONJUNCTIONS})(?![^\W\d_]))"
#: the dash that opens the story (after an optional dot: "(EFE).-"), or the dot after an
#: agency in slashes ("/ТАСС/."), or an em dash glued on both sides (the Wall Street
#: Journal's "WASHINGTON—The Fed ...": :func:`_glued_dash` checks the capitals), or the
#: end of a line that is a place and a date alone
_END = (rf"(?:[ \t]*\.?[ \t]*(?!{_SUSPENDED})(?:--?|[–—])(?![-–—]*\w)"
        rf"(?:[ \t]*(?P<dashed>{_DASHED})(?:,[^.\n]{{1,40}})?\.)?"
        r"|(?<=/)\.|(?P<glued>(?<=[^\W_])—(?=[^\W\d_]))|(?P<eol>(?=[ \t]*$)))")

#: a dateline in the Latin, Cyrillic and Arabic agencies' styles: place, then a comma and a
#: date or a dot and a date, then an agency, then a dash
_WESTERN = re.compile(
    rf"[ \t]*[(\[【（]?[ \t]*{_PLACE}[ \t]*(?:[,.،，][ \t]*{_DATE}[ \t]*)?"
    rf"(?:[.,]?[ \t]*(?P<named>{_NAMED})[ \t]*)?{_AGENCY}?{_END}",
    re.MULTILINE,
)
#: place and agency in brackets (ko, ja), the equals sign half or full width: "(서울=연합뉴스) 홍길동 기자 =",
#: "【ワシントン=共同】", "【ワシントン＝共同】",
#: "【北京時事】", "【ソウル共同】"
_BRACKETED = re.compile(
    r"[ \t]*[(（【\[][ \t]*(?P<place>[^\W\d_=＝】)）\]]{1,12}?)[ \t]*"
    r"(?:[=＝][ \t]*(?P<agency>[^)）】\]\n]{1,20})|(?P<suffix>共同|時事))[ \t]*[)）】\]]"
    r"(?:[ \t]*[^\W\d_]{2,4}(?:[ \t][^\W\d_]{1,4})?[ \t]*(?:기자|특파원)[ \t]*[=＝])?",
    re.MULTILINE,
)
#: a Chinese agency's dateline: agency, place, date, "电" ("新华社北京11月3日电", "本报华盛顿3日电",
#: "（中央社台北3日電）"), and the reporter in brackets after it ("（记者 张三）"); the reporter
#: may stand before the place, unspaced (CNA: "（中央社記者王小明台北3日電）", :func:`_named_place`),
#: the place may be left out ("中新网11月3日电"), and the dispatch be a special or a roundup
#: ("專電", "綜合外電報導")
_CHINESE = re.compile(
    r"[ \t]*[(（]?[ \t]*(?P<agency>新华社|新華社|中新社|中新网|中新網|中央社|本报|本報|人民网|人民網|央视网|环球网|中国日报网)"
    r"(?:(?:记者|記者)(?P<reporter>[^\W\d_]{4,9}?)|(?P<place>[^\W\d_]{2,5}?))?"
    r"(?P<date>(?:[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日)?"
    r"(?:[电電]|专电|專電|综合外电报道|綜合外電報導|综合报道|綜合報導)"
    r"(?:[)）])?(?:[ \t]*[(（][ \t]*(?:记者|記者)[^)）\n]{1,30}[)）])?",
    re.MULTILINE,
)
#: an agency alone in brackets opening a line, then a dash ("(رويترز) -", "(ANSA) -")
_AGENCY_ONLY = re.compile(r"[ \t]*[(（](?P<agency>[^()（）\n\d]{2,30})[)）][ \t]*[-–—]", re.MULTILINE)

_PATTERNS = (_CHINESE, _BRACKETED, _WESTERN, _AGENCY_ONLY)

#: how much of a document's start may hold the article's dateline, and in how many lines
_HEAD_CHARS = 400
_HEAD_LINES = 3
#: the start of a line that is not blank
_LINE = re.compile(r"^(?=[ \t]*\S)", re.MULTILINE)
#: what may stand between a line's start and the place opening a dateline
_OPENER = re.compile(r"[ \t]*[(\[【（]?[ \t]*")


def read_datelines(text: str, seat: Callable[[str], str | None], places: Sequence[int] = ()) -> tuple[Dateline, ...]:
    """The datelines of ``text`` (module docstring), in order: the ones opening its first three
    non-blank lines in its first 400 characters (the article's own, :attr:`Dateline.lead`), and
    the ones opening a later line with a place (a page of several stories, a live blog).

    ``seat`` gives the government seated in a place written in the text, or None; ``places``
    are the starts of the places found in the text (only lines opening with one are read
    after the lead: a line is not matched against every pattern)."""
    lead = [line.start() for line in _LINE.finditer(text, 0, _HEAD_CHARS)][:_HEAD_LINES]
    later = {start for p, start in _line_starts(text, places)
             if start not in lead and _OPENER.fullmatch(text, start, p)}
    out = [d for at in lead if (d := _read_line(text, at, seat, lead=True)) is not None]
    out += [d for at in sorted(later) if (d := _read_line(text, at, seat, lead=False)) is not None]
    return tuple(out)


def _line_starts(text: str, places: Sequence[int]) -> list[tuple[int, int]]:
    """Each place of ``places`` (in order) with the start of its line. One pass: the line
    break before a place is looked for only back to the place before it (a line holding
    no break there is that place's line), so a page written as one long line with
    thousands of places is read once, not once per place."""
    out: list[tuple[int, int]] = []
    start = back = 0
    for p in sorted(places):
        newline = text.rfind("\n", back, p)
        if newline >= 0:
            start = newline + 1
        back = p
        out.append((p, start))
    return out


def _read_line(text: str, at: int, seat: Callable[[str], str | None], *, lead: bool) -> Dateline | None:
    """The dateline opening the line at ``at``, if it opens with one."""
    for pattern in _PATTERNS:
        m = pattern.match(text, at)
        if m is None or (pattern is _WESTERN and not (_placelike(m.group("place")) and _glued_dash(m))):
            continue
        if m.groupdict().get("eol") is None or _dated_line(m.group("date")):
            found = _dateline(m, seat, lead)
            if pattern is _AGENCY_ONLY:  # the place may follow: "(ANSA) - ROMA, 5 NOV -"
                after = _read_line(text, m.end(), seat, lead=lead)
                if after is not None and after.place is not None:
                    return replace(after, span=(at, after.span[1]), agency=found.agency)
            return found
    return None


#: determiners that open no place's name: German articles and demonstratives, the indefinite
#: articles and demonstratives of Dutch, French, Spanish, Italian, Portuguese, and English's,
#: Polish's and Croatian's demonstratives ("Die Regierung – so der Sprecher – will ...",
#: "Das ist gut - sagte er"); the definite articles that do open places ("Den Haag", "The
#: Hague", "La Paz", "Des Moines", "A Coruña", "Le Havre") are not among them
_DETERMINERS = frozenset({
    "der", "die", "das", "dem", "ein", "eine", "einer", "eines", "einem", "einen",
    "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "kein", "keine",
    "het", "een", "deze", "dit", "une", "cette", "ces", "cet", "una", "unos", "unas",
    "esta", "estos", "estas", "uno", "questo", "questa", "quello", "quella",
    "um", "uma", "uns", "umas", "essa", "esse", "this", "that", "these", "those",
    "ten", "tego", "ovaj", "ova", "ovo", "taj",
})


def _placelike(place: str) -> bool:
    """``place`` may be a place's name: it opens with no determiner, and its first and last
    words are not written in lower case ("Frankfurt am Main", "Rio de Janeiro" are places;
    "srednje", "Das ist gut" are not). Scripts with no case pass."""
    words = re.split(r"[ \t-]+", place)
    return words[0].casefold() not in _DETERMINERS and not words[0][0].islower() and not words[-1][0].islower()


def _glued_dash(m: re.Match[str]) -> bool:
    """A dateline's em dash glued to the place and the story ("WASHINGTON—The Fed"): only
    after a place in capitals and before a capital ("Jean—Paul", "Washington—the" are
    none); True for any other end of the pattern."""
    if m.group("glued") is None:
        return True
    return m.group("place").isupper() and m.string[m.end() : m.end() + 1].isupper()


def _dated_line(written: str | None) -> bool:
    """A line that is a place and a date alone ("МОСКВА, 3 ноября", "Warszawa, 5 marca
    2026"): what follows the comma has a digit and does not end as a sentence of a script
    written without spaces does, which the place's pattern would take whole as one word
    ("毛宁表示，王毅外长将于20日访问埃及，与埃及外长举行会谈。": a sentence, its "20日" no
    dateline's date)."""
    return _has_digit(written) and not (written or "").rstrip().endswith(("。", "！", "？", "다."))


def _has_digit(written: str | None) -> bool:
    """``written`` has a digit: a date, not a region or an outlet ("Ukraine", "KOMPAS.com")."""
    return written is not None and any(c.isdigit() for c in written)


def _dateline(m: re.Match[str], seat: Callable[[str], str | None], lead: bool) -> Dateline:
    """A match of one of the dateline patterns as a :class:`Dateline`."""
    groups = m.groupdict()
    place, place_span = groups.get("place"), m.span("place") if groups.get("place") else None
    if groups.get("reporter"):
        place_span = _named_place(m, seat)
        place = m.string[place_span[0] : place_span[1]]
    date = m.span("date") if _has_digit(groups.get("date")) else None
    agency = next((groups[k] for k in ("agency", "slashed", "suffix", "named", "dashed") if groups.get(k)), None)
    if place is None:
        return Dateline(span=m.span(), date=date, agency=agency.strip() if agency else None, lead=lead)
    return Dateline(
        span=m.span(),
        place=place,
        place_span=place_span,
        country=_seat(place.strip(" .'’"), seat),
        date=date,
        agency=agency.strip() if agency else None,
        lead=lead,
    )


#: a Chinese reporter's name: two to four characters, most often three
_NAME_LENGTHS = (3, 2, 4)


def _named_place(m: re.Match[str], seat: Callable[[str], str | None]) -> tuple[int, int]:
    """The place's span in a reporter's name and the place written without a space
    between them ("王小明台北", "王小明華盛頓"): after the name of the most usual length
    whose rest is a place where a government sits, else after a name of three characters
    (two when the rest would be shorter than two)."""
    start, end = m.span("reporter")
    splits = [start + n for n in _NAME_LENGTHS if end - start - n >= 2]
    at = next((cut for cut in splits if seat(m.string[cut:end]) is not None), splits[0] if splits else start)
    return at, end


def _seat(place: str, seat: Callable[[str], str | None]) -> str | None:
    """The government seated at ``place``, written in capitals or not ("МОСКВА", "Москва")."""
    found = seat(place)
    return found if found is not None or not place.isupper() else seat(place.title())


def article_dateline(datelines: Sequence[Dateline]) -> Dateline | None:
    """The article's dateline among ``datelines``: the first of the lead's filed where a
    government sits, else the lead's first; None when the lead opens with none."""
    lead = [d for d in datelines if d.lead]
    return next((d for d in lead if d.country), lead[0] if lead else None)


def dated(datelines: Sequence[Dateline], start: int) -> bool:
    """A date starting at ``start`` is the date written in the lead's datelines: when the
    article was written."""
    return any(d.lead and d.date is not None and d.date[0] <= start < d.date[1] for d in datelines)


#: how many days before publication a dateline's day may be and still be the day the story
#: was filed (a weekend's story published on Monday); further back it is another story's
_FILED_REACH = 3


def filed_day(datelines: Sequence[Dateline], text: str, published: dt.date, language: str | None) -> dt.date | None:
    """The day the article's dateline gives when it is before ``published`` (by at most
    :data:`_FILED_REACH` days): "MOSCOW, March 11 (Reuters) -" on a page dated March 12 was
    written on the 11th, so "yesterday" there is the 10th, and what the story tells with no
    day of its own was said on the 11th. The date is read as written ("HÀ NỘI, 11/3 (TTXVN)",
    a bare day and month, is a date there); None when the dateline gives no day or the
    publication's."""
    for d in datelines:
        if not d.lead or d.date is None:
            continue
        value = resolve_date(text[d.date[0] : d.date[1]], published=published, language=language).value
        if value is None or len(value) != len("2025-03-27"):
            continue
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            continue
        if published - dt.timedelta(days=_FILED_REACH) <= day < published:
            return day
    return None


def filed_from(datelines: Sequence[Dateline], start: int, end: int) -> bool:
    """The place at ``[start, end)`` is the place one of ``datelines`` was filed from."""
    return any(d.place_span is not None and d.place_span[0] == start and end <= d.place_span[1] for d in datelines)
