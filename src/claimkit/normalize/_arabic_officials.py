"""Officials after an Arabic title: "وزير الدفاع الإسرائيلي يسرائيل كاتس".

Private to :mod:`._officials` (the officials' finder, whose Arabic titles find the
places this reads from). After the title: the body it names ("المتحدث باسم وزارة
الخارجية"), a portfolio no title lists ("وزير المالية السعودي"), the country adjectives
and mentions the gazetteer found, then up to three words of the holder's name, to a
function word, a verb of saying, a joined preposition or punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from claimkit.normalize._names import ar_given_name, ar_name_word

__all__ = ["ar_title_officials"]


class Spans(Protocol):
    """The gazetteer's mentions of the text, as the officials' finder looks them up."""

    person: Callable[[int], bool]

    def covering(self, i: int) -> tuple[int, int, int] | None:
        """The mention (start, end, entry) over offset ``i``, or None."""
        ...


#: Arabic words that end a name after a title: particles, verbs of saying, days, and
#: the prepositions that open an office's complement ("الأمين العام لحلف الناتو")
_AR_STOP = frozenset({
    "إن", "أن", "أنه", "إنه", "إنها", "بأن", "قال", "قالت", "يوم", "في", "على", "من", "إلى",
    "عن", "مع", "خلال", "بعد", "قبل", "أمس", "اليوم", "الذي", "التي", "قد", "لقد", "كان",
    "كانت", "لن", "لا", "ما", "هذا", "هذه", "أكد", "أعلن", "وقال", "وأكد", "وأعلن", "يقول",
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "السابق",
    "الجديد", "باسم", "لحلف", "للأمم", "لمنظمة", "للشؤون", "لشؤون", "للأمن", "لدى", "بين",
    "عبر", "حول", "نحو",
    # the counterpart and the verbs of a meeting report that follow a title or a name
    # ("وزير الخارجية العراقي نظيره الإيراني": the Iraqi minister [met] his Iranian counterpart)
    "نظيره", "نظيرته", "نظيرها", "نظيريه", "نظرائه", "ونظيره", "التقى", "يلتقي", "استقبل",
    "يستقبل", "بحث", "يبحث", "أجرى", "يجري", "زار", "يزور", "وصل", "يصل", "وأضاف", "أضاف",
    # the object of "declined to comment, to answer" after a verb-first clause's subject
    # ("رفض المتحدث باسم وزارة الخارجية الفرنسية كريستوف لوموان *التعليق*")
    "التعليق", "تعليق", "الإدلاء", "الإجابة", "الرد", "الكشف", "التأكيد", "تأكيد",
})
#: a preposition joined to a definite or hamza-initial noun after a name's first word
#: opens the rest of the clause, no part of the name ("نواف سلام *بإعادة* الإعمار": to
#: rebuild; "*بتمويل*", to fund; "*للأمن*", "*بالتعاون*"); a name's words do not open so
_AR_PREPOSED = ("بال", "بإ", "بأ", "بت", "بم", "لل", "لإ", "لأ", "كال")
#: the one-letter prepositions and conjunctions Arabic joins to the next word (by, for, as, so)
_AR_JOINED = "بلكف"
#: bodies an Arabic title names before the holder: definite ones, and heads of a construct
#: whose definite words follow ("وزارة الخارجية", "هيئة الأركان")
_AR_BODIES = frozenset({"الوزارة", "الحكومة", "الرئاسة", "الجيش", "الهيئة", "المجلس", "الخارجية"})
_AR_BODY_HEADS = frozenset({"وزارة", "هيئة", "مجلس", "مكتب", "رئاسة", "قيادة", "مديرية", "سلطة"})
_AR_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
#: at most this many definite words of a portfolio no title lists before a country adjective
#: ("وزير *المالية* السعودي", "وزير *المياه والري* المصري", "وزير الخارجية *والتعاون الدولي* السوداني")
_AR_PORTFOLIO_WORDS = 3


def ar_title_officials(titles: re.Pattern[str] | None, text: str, folded: str,
                     spans: Spans) -> list[tuple[int, int, str, int | None]]:
    """The officials after each of ``titles`` in ``folded`` (``text`` folded): (start,
    end, name as written, the entry of the group named between or None). "وزير الدفاع
    الإسرائيلي يسرائيل كاتس": up to three words after the title and its country
    adjectives, to a function word or punctuation."""
    out: list[tuple[int, int, str, int | None]] = []
    for m in titles.finditer(folded) if titles is not None else ():
        p, group = _ar_portfolio_end(text, _ar_body_end(text, m.end(), spans), spans), None
        p = _ar_before_given(text, p, spans)
        while True:
            hit = spans.covering(p + 1) if text[p:p + 1] == " " else None
            if hit is None or hit[0] != p + 1 or spans.person(hit[2]):
                break
            p, group = hit[1], hit[2] if group is None else group
        names = _ar_name(text, p, spans)
        if names is not None:
            out.append((m.start(), names[1], text[names[0]:names[1]], group))
    return out


def _ar_portfolio_end(text: str, p: int, spans: Spans) -> int:
    """Past the portfolio of an Arabic title not listed with it, when a country
    adjective follows ("وزير *المالية* السعودي", "وزيرة *التخطيط* المصرية", "وزير *المياه
    والري* المصري"): up to :data:`_AR_PORTFOLIO_WORDS` words with the article that name
    nothing (a listed demonym further from the title is found only when "و" joins the
    portfolio's words, see ``_demonyms._ar_portfolio_words``); ``p`` itself otherwise."""
    end = p
    for _ in range(_AR_PORTFOLIO_WORDS):
        w = _AR_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if w is None or not w.group().startswith(("ال", "وال")) or spans.covering(w.start()) is not None:
            break
        end = w.end()
        hit = spans.covering(end + 1) if text[end:end + 1] == " " else None
        if hit is not None and hit[0] == end + 1 and not spans.person(hit[2]):
            return end
    return p


def _ar_body_end(text: str, p: int, spans: Spans) -> int:
    """Past the body a title names before the holder's name ("المتحدث باسم *وزارة الخارجية*
    القطرية ماجد الأنصاري", "المتحدث باسم *الوزارة* أحمد أبو زيد", "رئيس *الحكومة* ..."): a
    definite body word, or the head of a construct (وزارة, هيئة, مجلس...) and up to two
    definite words after it that name nothing; ``p`` itself when no body follows."""
    w = _AR_WORD.match(text, p + 1) if text[p:p + 1] == " " else None
    if w is None or spans.covering(w.start()) is not None:
        return p
    if w.group() in _AR_BODIES:
        return w.end()
    if w.group() not in _AR_BODY_HEADS:
        return p
    end = w.end()
    for _ in range(2):
        w = _AR_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if w is None or not w.group().startswith("ال") or spans.covering(w.start()) is not None:
            break
        end = w.end()
    return end


def _ar_before_given(text: str, p: int, spans: Spans) -> int:
    """Past a portfolio of up to :data:`_AR_PORTFOLIO_WORDS` definite words (the later ones
    may be joined by "و") when a known Arabic given name follows it ("وزير *الداخلية* خالد
    الشمري", "وزيرة *البيئة* سارة الزهراني", "وزير *الزراعة والثروة السمكية* خالد المنصوري":
    no country adjective marks the portfolio's end); ``p`` itself otherwise."""
    end = p
    for k in range(_AR_PORTFOLIO_WORDS):
        w = _AR_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if w is None or not w.group().startswith("ال" if k == 0 else ("ال", "وال")) or (
                spans.covering(w.start()) is not None):
            return p
        end = w.end()
        given = _AR_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if given is not None and ar_given_name(given.group()):
            return end
    return p


def _ar_name(text: str, p: int, spans: Spans) -> tuple[int, int] | None:
    """The span of the name (one to three words) starting after ``p``'s space, or None. A
    third word opened by a preposition or conjunction joined to it (ب, ل, ك, ف) that the
    name tables do not list is the clause's, no part of the name ("أحمد كجوك *بخفض* الدين",
    "بدر البوسعيدي *بنظيره*": to cut, with his counterpart)."""
    start = end = -1
    previous = ""
    for n in range(3):
        w = _AR_WORD.match(text, p + 1) if text[p:p + 1] == " " else None
        hit = spans.covering(w.start()) if w is not None else None
        if hit is not None and spans.person(hit[2]):
            return None  # a known person's name ("عبد الفتاح السيسي")
        if w is None or w.group() in _AR_STOP or hit is not None or (
                start < 0 and w.group().startswith("ال")) or (
                start >= 0 and w.group().startswith(_AR_PREPOSED)) or (
                n == 2 and w.group()[:1] in _AR_JOINED and not ar_name_word(w.group())) or (
                _ar_name_closed(previous, text[start:end], w.group())):
            break
        start = w.start() if start < 0 else start
        end = p = w.end()
        previous = w.group()
    return (start, end) if start >= 0 else None


#: the words that open the second part of an Arabic compound name ("عبد الله", "أبو الغيط")
_AR_COMPOUND_OPENERS = frozenset({"عبد", "أبو", "ابو"})
#: the words that go on a name after its family name ("فيصل بن فرحان آل سعود", "بنت")
_AR_NAME_LINKS = frozenset({"بن", "بنت", "ابن", "آل"})


def _ar_name_closed(previous: str, name: str, word: str) -> bool:
    """The name read so far (``name``, its last word ``previous``) ended with a family name
    with the article ("سمير *الشريف*") that opens no compound ("عبد *الله*"), and ``word``,
    which neither has the article nor links a name ("بن", "آل"), is the clause's: "التقى وزير
    المالية التونسي سمير الشريف *وفد* صندوق النقد" (met the fund's delegation)."""
    if not previous.startswith("ال") or word.startswith("ال") or word in _AR_NAME_LINKS:
        return False
    words = name.split()
    return len(words) < 2 or words[-2] not in _AR_COMPOUND_OPENERS
