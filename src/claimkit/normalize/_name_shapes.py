"""The shapes around a name in Latin script that tell a person's name from a body's or a
place's: acronyms (in brackets or not), Indonesian regions, days and months, a name's words
with an elided opening, what closes a name, a portfolio's words before it.

Private to :mod:`claimkit.normalize._officials`, which reads names beside titles and offices
with these (see docs/normalize.md, "Officials in no gazetteer").
"""

from __future__ import annotations

import re

from claimkit.text import fold

__all__ = [
    "ACRONYM_AFTER",
    "CLOSES",
    "LIST_GOES_ON",
    "NOT_NAME_WORDS",
    "PORTFOLIO_ON",
    "POSSESSOR_BEFORE",
    "SLAVIC_ADJECTIVE",
    "TO_ACRONYM",
    "acronym_end",
    "body_acronym_after",
    "genitive_body_end",
    "name_token",
    "past_acronym",
    "region_end",
]

_APOSTROPHE = re.compile(r"['’]")

#: capitalised words that are no word of a person's name, beside the officials finder's own
#: ``NOT_NAMES`` (English days and months, institutions, the words of a headline): the days
#: and months of the other Latin-script languages, and English body words
NOT_NAME_WORDS = frozenset({
    # days and months of the other Latin-script languages, which open a sentence capitalised
    # ("Lundi, le ministre ..."); not those that are also given names or surnames (Domingo,
    # Julio, Abril, Domenica, Kasım, Nisan, Cuma, Mai) nor Vietnamese "Thứ Hai" (its syllables)
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février",
    "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "enero", "febrero", "marzo",
    "junio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "gennaio", "febbraio", "maggio",
    "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "janeiro",
    "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar",
    "februar", "märz", "juni", "juli", "oktober", "dezember",
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", "styczeń",
    "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
    "październik", "listopad", "grudzień", "stycznia", "lutego", "marca", "kwietnia", "maja",
    "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
    "ponedjeljak", "utorak", "srijeda", "četvrtak", "petak", "subota", "nedjelja", "siječanj",
    "veljača", "ožujak", "travanj", "svibanj", "lipanj", "srpanj", "kolovoz", "rujan", "studeni",
    "prosinac", "siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja",
    "kolovoza", "rujna", "studenoga", "prosinca",
    "pazartesi", "salı", "çarşamba", "perşembe", "cumartesi", "ocak", "şubat", "mart", "mayıs",
    "haziran", "temmuz", "ağustos", "eylül", "ekim", "aralık",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
    "maret", "mei", "agustus", "desember",
    # the capitalised words of an English body's name, which follow an office ("Director of
    # *Public Health* England", "head of *National* Grid")
    "public", "health", "national", "federal", "royal", "central", "international", "regional",
    "safety", "security", "energy", "education", "transport", "environment", "agriculture",
    "finance", "trade", "housing", "police", "emergency", "services", "service", "revenue",
    "customs", "statistics", "meteorological", "nuclear", "civil", "aviation", "maritime",
})  # fmt: skip

#: an English possessor before a title ("Jane Whitfield, the *agency's* director,")
POSSESSOR_BEFORE = re.compile(r"[^\W\d_][\w\-]*['’]s?$")
#: an acronym, a case ending after a hyphen allowed ("HZZO-a", "UBND", "BMKG"): a body's
#: name, never a person's
_ACRONYM = re.compile(r"([^\W\d_]{2,})(?:-[^\W\d_]{1,3})?(?![\w'’-])")
#: a portfolio's capitalised words and the lower-case ones between them, up to a comma
#: ("Meio *Ambiente*", "Transition *écologique*", "Obras *Públicas*")
PORTFOLIO_ON = re.compile(r"(?: [^\W\d_][\w'’-]*){1,3}(?=, )")
#: what closes a sentence or a clause after a name: a full stop, a semicolon, a bracket
CLOSES = re.compile(r"[.;)]|$")
#: a list going on after a comma: the word before it is one of a body's fields, no name
LIST_GOES_ON = re.compile(r", (?:and|dan|serta|et|y|e|i|und|ve|và|oraz|ou|o|or) ")
#: a body's acronym in brackets after its name ("Narodowy Fundusz Zdrowia (NFZ)")
ACRONYM_AFTER = re.compile(r" \((?:[^\W\d_a-zà-ÿ]|[&.])[^\W\d_a-zà-ÿ&.]*\)")


def body_acronym_after(text: str, end: int) -> bool:
    """Whether an acronym in brackets follows the words ending at ``end`` and opens with the
    initial of one of the capitalised words among the :data:`_ACRONYM_WORDS` words before it: those words name a body
    and the acronym is its own ("Narodowy Fundusz Zdrowia *(NFZ)*", "Prezes Narodowego
    Funduszu Zdrowia (NFZ)", "Maritime Safety Agency *(MSA)*"). An acronym whose initial
    opens none of them is a party or a body the name's bearer belongs to, after a person's
    name ("Patrick Schnieder *(CDU)*", "Umweltminister Anton Mattle *(ÖVP)*", "Jan Nowak *(PSL)*")."""
    m = ACRONYM_AFTER.match(text, end)
    if m is None:
        return False
    initial = fold(m.group().lstrip(" (&.")[:1])
    words = _INITIAL_WORD.findall(text, max(0, end - _ACRONYM_REACH), end)[-_ACRONYM_WORDS:]
    return any(w[:1].isupper() and fold(w[:1]) == initial for w in words)


#: how many words before an acronym in brackets may give it its initial, and how far back
_ACRONYM_WORDS = 6
_ACRONYM_REACH = 100
_INITIAL_WORD = re.compile(r"[^\W\d_][\w'’-]*")

#: Indonesian regions are named by a word and a compass word ("Jawa *Barat*", "Kalimantan
#: *Timur*", "Sulawesi *Selatan*", "Jakarta *Raya*")
_REGION_WORDS = {"id": re.compile(r"[^\W\d_]+ (?:barat|timur|tengah|utara|selatan|raya|laut|daya)(?![\w'’-])"),
                 "ms": re.compile(r"[^\W\d_]+ (?:barat|timur|tengah|utara|selatan|raya)(?![\w'’-])")}
#: Russian and Ukrainian regions: a capitalised adjective in the genitive and the region's
#: word in lower case ("Губернатор *Курской области* X", "Глава *Белгородской области* X",
#: "Голова *Харківської області* X", "*Дніпропетровської обласної військової адміністрації*")
_SLAVIC_REGIONS = {
    "ru": re.compile(r"[^\W\d_]+(?:ой|ей|ого|его) (?:области|края|округа|района|республики)(?![\w-])"),
    "uk": re.compile(r"[^\W\d_]+(?:ої|ого) (?:області|обласної (?:військової|державної) адміністрації"
                     r"|краю|округу|району)(?![\w-])"),
}


def region_end(text: str, folded: str, p: int, lang: str | None) -> int | None:
    """The end of a region named by a capitalised word and a compass word at ``p``
    (:data:`_REGION_WORDS`: "Gubernur *Jawa Barat* Dedi Mulyadi"), or by a Russian or
    Ukrainian adjective and a region's word (:data:`_SLAVIC_REGIONS`: "Губернатор *Курской
    области* X"), or None."""
    if not text[p:p + 1].isupper():
        return None
    slavic = _SLAVIC_REGIONS.get(lang or "")
    if slavic is not None:
        found = slavic.match(folded, p)
        return found.end() if found is not None else None
    pattern = _REGION_WORDS.get(lang or "")
    m = pattern.match(folded, p) if pattern is not None else None
    return m.end() if m is not None and text[m.end() - len(m.group().split()[-1]):][:1].isupper() else None

#: the words from a run of capitals to a bracket (capitalised words and conjunctions)
TO_ACRONYM = re.compile(r"((?: [^\W\d_][\w'’-]*){0,6}) \(")
#: an acronym in brackets after a space
_BRACKETED = re.compile(r" \(([^\W\d_]{2,})\)")


def past_acronym(text: str, p: int) -> int:
    """Past a body's or portfolio's acronym in brackets at ``p`` (" (ESDM)"); ``p`` itself
    when none is there."""
    m = _BRACKETED.match(text, p)
    return m.end() if m is not None and m.group(1).isupper() else p


def acronym_end(text: str, p: int) -> int | None:
    """The end of the acronym at ``p`` (two capitals or more, a case ending after a hyphen
    allowed: "HZZO-a", "UBND", "FNSEA"), or None: a body's name, never a person's."""
    m = _ACRONYM.match(text, p)
    return m.end() if m is not None and m.group(1).isupper() else None

#: a letter or an elided article before an apostrophe that opens a name's word ("O'Neill",
#: "d'Harcourt", "D'Alema", "dell'Acqua"); any other apostrophe ends the word ("Israel's",
#: Turkish "Fidan'ın")
_ELIDED_NAME = re.compile(r"(?:[^\W\d_]|dell|dall|all)['’][^\W\d_]")


def name_token(word: str) -> str:
    """The folded word of a name as it ends: up to an apostrophe, but for an elided opening
    (:data:`_ELIDED_NAME`)."""
    return word if _ELIDED_NAME.match(word) else _APOSTROPHE.split(word)[0]


#: the endings of Polish and Croatian adjectives after a title ("rzecznik *prasowy*",
#: "dowódca *operacyjny*", "wojewoda *mazowiecki*", "glavni *državni* odvjetnik")
SLAVIC_ADJECTIVE = re.compile(r"(?:[nw]y|[nw]a|ski|ska|cki|cka|ni|ji|ki)$")

#: the endings of a Polish or Croatian body's capitalised words in the genitive, plural or
#: adjectival, which no name in the nominative has ("Dyrektor *Lasów Państwowych* X",
#: "Ravnatelj *Hrvatskih šuma* X"); and the weaker ones a name's word may have too (Polish
#: "-i", "-y": "Sieci", but "Antoni", "Jerzy"), read only before a word of the first kind
#: ("Prezes Polskich *Sieci Elektroenergetycznych* X")
_GENITIVE_BODY = {"pl": re.compile(r"(?:ów|ych|ich|ego|iej|owej|nej|skiej|ckiej)$"),
                  "hr": re.compile(r"(?:og|oga|ih|skog|skoga|nog|noga|nih|ske)$")}
_GENITIVE_WEAK = {"pl": re.compile(r"(?<!sk)(?<!ck)(?<!dzk)[iy]$")}
_CAPITAL_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def genitive_body_end(text: str, folded: str, p: int, lang: str | None) -> int | None:
    """The end of the capitalised words in the genitive at ``p`` (:data:`_GENITIVE_BODY`),
    a Polish or Croatian body's after an office ("Dyrektor generalny *Lasów Państwowych*
    Witold Koss"), or None when the words at ``p`` end in no such word."""
    strong, weak = _GENITIVE_BODY.get(lang or ""), _GENITIVE_WEAK.get(lang or "")
    if strong is None:
        return None
    end, last = None, p - 1
    for m in _CAPITAL_WORD.finditer(text, p):
        if m.start() != last + 1 or not m.group()[0].isupper():
            break
        if strong.search(folded, m.start(), m.end()):
            end = m.end()
        elif weak is None or not weak.search(folded, m.start(), m.end()):
            break
        last = m.end()
    return end
