"""The article's own country: whose government an unqualified "the government" is.

News names its own government without naming the country: "the government"
(정부는, 政府は, "Rząd", "Pemerintah"), "the foreign ministry" (外交部, "Dışişleri
Bakanlığı", "Bộ Ngoại giao", "МИД"), a ministry's spokesperson. The guidelines want
the country. :func:`home_country` says which country an article is at home in, from
evidence in this order, and none when the evidence is missing or disagrees (a wrong
country is worse than none):

1. in a language spoken in essentially one country (:data:`ONE_COUNTRY`), that
   country, unless the document's address names another;
2. else the capital the article's dateline opens with ("SEOUL, June 2 (Reuters) -",
   "القاهرة -", "(서울=연합뉴스)", "新华社北京11月3日电"; :mod:`.dateline`): wire copy is at
   home where it is filed; a city that is no capital ("CONCEPCIÓN, martes 17 de
   febrero", "CORK, Tuesday") is its country's, from GeoNames
   (:func:`claimkit.normalize._cities.city_country`);
3. else the outlet's country: the address's country-code domain (``.com.mx``,
   ``.at``) or a known outlet (:data:`OUTLETS`); an international broadcaster
   (:data:`WORLD_OUTLETS`) has no home; and none when nearly all the article's
   officials speak for another country (a local outlet reporting a foreign story);
4. else the country nearly all the article's officials speak for.

:func:`home_mentions` finds the unqualified government nouns (:data:`HOME_NOUNS`)
as mentions of that country (and :func:`central_bank_mentions` "the central bank",
:data:`CENTRAL_BANK_NOUNS`, as that country's central bank); a country or city next to the noun ("the government of
Kenya", "러시아 정부", "le gouvernement français") or a possessive ("its government")
leaves it out, and a spokesperson of the unnamed ministry ("外交部发言人毛宁") is the
country, not the person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from claimkit.extract.rules.dateline import Dateline
from claimkit.extract.rules.support import Mention
from claimkit.normalize import country_name
from claimkit.normalize._cities import city_country
from claimkit.normalize._organisations import names_ministry, state_body
from claimkit.schemas import Actor, ActorKind, Document

__all__ = ["central_bank_mentions", "home_country", "home_mentions", "state_bodies"]

#: languages spoken as a national language in essentially one country
ONE_COUNTRY = {"ko": "KR", "ja": "JP", "pl": "PL", "hr": "HR", "tr": "TR", "vi": "VN", "id": "ID",
               "uk": "UA", "it": "IT"}

#: outlets on a generic domain whose home is known
OUTLETS = {
    "koreaherald.com": "KR", "koreatimes.co.kr": "KR", "asahi.com": "JP", "nikkei.com": "JP",
    "xinhuanet.com": "CN", "news.cn": "CN", "tass.com": "RU", "dailysabah.com": "TR",
    "hurriyetdailynews.com": "TR", "vnexpress.net": "VN", "kompas.com": "ID", "detik.com": "ID",
    "antaranews.com": "ID", "kyivindependent.com": "UA", "ukrinform.net": "UA", "kyivpost.com": "UA",
    "thehindu.com": "IN", "hindustantimes.com": "IN", "dawn.com": "PK", "straitstimes.com": "SG",
    "elpais.com": "ES", "clarin.com": "AR", "eltiempo.com": "CO", "globo.com": "BR",
    "nytimes.com": "US", "washingtonpost.com": "US", "foxnews.com": "US", "politico.com": "US",
}

#: outlets that report the world from a country-code domain: no home from their address
WORLD_OUTLETS = ("bbc.co.uk", "rfi.fr", "nhk.or.jp/nhkworld", "swissinfo.ch", "un.org")

#: country-code domains used as generic ones, and the code whose domain differs
_GENERIC_CC = frozenset({"co", "tv", "io", "me", "ai", "fm", "ly", "to", "cc", "ws", "eu", "su"})
_DOMAIN_CODE = {"uk": "GB"}

#: unqualified names of a government or one of its ministries, by language; in a language
#: with cases only the nominative, the form a subject is written in
HOME_NOUNS = {
    "en": r"(?<![\w-])(?:[Gg]overnment|[Cc]abinet|[Pp]residency|(?:[A-Z][a-z]+ )?[Mm]inistry(?: of(?: [A-Z][a-z]+| and){1,3})?)(?![\w-])",
    "fr": r"(?<![\w-])(?:[Gg]ouvernement|[Ee]xécutif|[Pp]résidence|[Mm]inistère(?: (?:des|de la|de l['’]|du) [A-ZÉ][\w-]+(?: étrangères)?)?)\b",
    "es": r"(?<![\w-])(?:[Gg]obierno|Ejecutivo|Cancillería|Presidencia|Ministerio de (?:Asuntos )?(?:Exteriores|Defensa|Interior|Hacienda))\b",
    "it": r"(?<![\w-])(?:[Gg]overno|[Ee]secutivo|Farnesina|Palazzo Chigi|Presidenza del Consiglio|[Mm]inistero (?:degli|della|dell['’]|del) [A-Z]\w+)\b",
    "pt": r"(?<![\w-])(?:[Gg]overno|Executivo|Itamaraty|Planalto|Presidência|Ministério d[aoe]s? (?:Negócios Estrangeiros|Relações Exteriores|Defesa))\b",
    "de": r"(?<![\w-])(?:(?:Bundes)?[Rr]egierung|Kabinett|Auswärtige[sn]? Amt|(?:Außen|Verteidigungs|Innen|Finanz)ministerium"
          r"|(?<=\b[Dd]er )Bund(?![\w-])(?! (?:der|des|für|Naturschutz)\b))\b",
    "pl": r"\b(?:[Rr]ząd|MSZ|Kancelaria Prezydenta|Ministerstwo (?:Spraw Zagranicznych|Obrony Narodowej|Finansów))\b",
    "hr": r"\b(?:[Vv]lada|Ministarstvo (?:vanjskih i europskih poslova|vanjskih poslova|obrane|financija)|MVEP)\b",
    "ru": r"(?<!\w)(?:[Пп]равительство|МИД|Минобороны|Министерство иностранных дел)(?!\w)",
    "uk": r"(?<!\w)(?:[Уу]ряд|МЗС|Офіс [Пп]резидента|Міноборони|Міністерство закордонних справ|Кабмін)(?!\w)",
    "tr": r"(?<!\w)(?:[Hh]ükümet\w*|Cumhurbaşkanlığı(?![\w'’])|(?:Dışişleri|Milli Savunma|İçişleri|Ticaret|Hazine ve Maliye) Bakanlığı)(?!\w)",
    "ar": r"(?:الحكومة|الرئاسة|وزارة الخارجية|وزارة الدفاع)(?![\u0621-\u064a])",
    "zh": r"(?<![反地方市州省县縣区區两兩各国國])(?:政府|外交部(?![长長])|国防部(?![长長])|國防部(?![长長])|商务部(?![长長])|商務部(?![长長]))",
    "ja": r"(?<![反地方市州県省両各国])(?:政府|外務省|防衛省|経済産業省|財務省)",
    "ko": r"(?<![가-힣])(?<!(?:양국|각국|양측|현지|지방) )(?<!(?:상대국|해당국|주재국) )(?:정부|외교부|국방부|통일부|대통령실|기획재정부|산업통상자원부)(?!\s*(?:장관|차관))",
    "vi": r"(?<!trưởng )\b(?:Chính phủ|Bộ (?:Ngoại giao|Quốc phòng|Công Thương|Tài chính))\b",
    "id": r"\b(?:[Pp]emerintah|Kementerian (?:Luar Negeri|Pertahanan|Keuangan)|Kemlu|Kemhan)\b",
}
_COMPILED: dict[str, re.Pattern[str]] = {}

#: an unqualified "the central bank", by language (in a language with cases the
#: nominative): the central bank of the article's own country (the gazetteer's
#: ``central_bank_of``); a bank named with it ("the European Central Bank", "Banco Central
#: de Chile", 美国央行) is an actor of its own or a country's
CENTRAL_BANK_NOUNS = {
    "en": r"(?<![\w-])[Cc]entral [Bb]ank(?![\w-])",
    "fr": r"(?<![\w-])[Bb]anque [Cc]entrale(?![\w-])",
    "es": r"(?<![\w-])[Bb]anco [Cc]entral(?![\w-])",
    "it": r"(?<![\w-])[Bb]anca [Cc]entrale(?![\w-])",
    "pt": r"(?<![\w-])[Bb]anco [Cc]entral(?![\w-])",
    "de": r"(?<![\w-])(?:[Zz]entralbank|[Nn]otenbank)(?![\w-])",
    "pl": r"(?<![\w-])[Bb]ank [Cc]entralny(?![\w-])",
    "hr": r"(?<![\w-])(?:[Ss]redišnja|[Cc]entralna) banka(?![\w-])",
    "ru": r"(?<![\w-])(?:[Цц]ентробанк|ЦБ|[Цц]ентральный банк)(?![\w-])",
    "uk": r"(?<![\w-])(?:[Цц]ентробанк|[Нн]ацбанк|[Нн]аціональний банк|[Цц]ентральний банк)(?![\w-])",
    "tr": r"(?<![\w-])[Mm]erkez [Bb]ankası(?![\w'’-])",  # not "Merkez Bankası'nın" (of)
    "ar": r"(?<![\u0621-\u064a])(?:ال)?بنك المركزي(?![\u0621-\u064a])",
    "zh": r"(?<![反地方市州省县縣区區两兩各国國洲])(?:央行|中央银行|中央銀行)",
    "ja": r"(?<![\u30a0-\u30ff])(?:中央銀行|中銀)",
    "ko": r"(?<![가-힣])중앙은행",
    "vi": r"\bNgân hàng [Tt]rung ương\b",
    "id": r"(?<![\w-])[Bb]ank [Ss]entral(?![\w-])",
}
_BANKS: dict[str, re.Pattern[str]] = {}

#: a spokesperson's title right after the ministry ("外交部发言人", "Bakanlığı Sözcüsü")
_SPOKES = re.compile(
    r"\s*(?:spokes(?:person|man|woman)|porte-parole|portavo(?:z|ce)|porta-voz|[Ss]precher(?:in)?|rzeczni\w+"
    r"|glasnogovorni\w+|(?:официальн\w+ )?представител\w+|речни\w+|[Ss]özcüsü|المتحدث\w*|发言人|發言人"
    r"|報道官|보도관|대변인|người phát ngôn|[Jj]uru [Bb]icara)"
)

#: what may stand between a country or city and the noun it qualifies ("Poland's", "러시아 정부")
_BEFORE_GAP = re.compile(r"(?:\s|'s|’s|의|の|的|之)*")
#: what may stand between the noun and a country or city after it ("of Kenya", "de Colombia")
_AFTER_GAP = re.compile(
    r"\s*(?:(?:of|in|at|de|del|du|des|di|della|do|da|dos|das|von|der|w|u|en|à|a)\s+)?"
    r"(?:(?:the|la|le|el|l['’])\s*)?"
)
#: a possessive before the noun: the government of someone else ("its government", "su Gobierno")
_POSSESSIVE = re.compile(
    r"(?:\b(?:its|his|her|their|whose|son|sa|leur|su|sus|suo|sua|seine[mnrs]?|ihre[mnrs]?|seu|jego|jej|ich)\s+)$",
    re.IGNORECASE,
)

def home_country(document: Document, dateline: Dateline | None, officials: Sequence[str]) -> str | None:
    """The code or name of the country ``document`` is at home in, or None (module docstring).

    ``dateline`` is the article's dateline (:func:`.dateline.article_dateline`);
    ``officials`` are the countries (codes or names) of the officials the article names,
    one per mention."""
    lang = (document.language or "").split("-")[0].lower()
    outlet = outlet_country(document.url or document.source or "")
    if lang in ONE_COUNTRY:
        return ONE_COUNTRY[lang] if outlet in (None, ONE_COUNTRY[lang]) else None
    if dateline is not None and dateline.country is not None:
        return dateline.country
    if dateline is not None and dateline.lead and dateline.place is not None:
        city = city_country(dateline.place)  # a city no place table lists: "CONCEPCIÓN, ..."
        if city is not None:
            return city
    most = _most(officials)
    if outlet is not None:
        return outlet if most is None or most in (outlet, country_name(outlet)) else None
    return most


def outlet_country(address: str) -> str | None:
    """The country of the outlet at ``address`` (a URL): a known outlet's, else its
    country-code domain's; None for a generic domain or an international broadcaster."""
    if "://" not in address:
        return None
    parts = urlsplit(address)
    host = (parts.hostname or "").lower().removeprefix("www.")
    where = host + parts.path
    if not host or any(where.startswith(w) or ("/" not in w and host.endswith("." + w)) for w in WORLD_OUTLETS):
        return None
    for domain, code in OUTLETS.items():
        if host == domain or host.endswith("." + domain):
            return code
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_CC:
        return None
    return _DOMAIN_CODE.get(tld, tld.upper())


def _most(countries: Sequence[str]) -> str | None:
    """The country at least three of ``countries`` are and three in four of them."""
    if len(countries) < 3:
        return None
    country, n = Counter(countries).most_common(1)[0]
    return country if n >= 3 and 4 * n >= 3 * len(countries) else None


def home_mentions(text: str, language: str | None, home: Actor,
                  others: Sequence[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The unqualified government nouns of ``text`` as mentions of ``home``, and the mentions
    of ``others`` they replace (a spokesperson of the unnamed ministry, named after it).

    ``others`` are the actor and place mentions found in the text, sorted by start."""
    pattern = _pattern((language or "").split("-")[0].lower())
    if pattern is None:
        return [], []
    found: list[Mention] = []
    replaced: list[Mention] = []
    for m in pattern.finditer(text):
        s, e = m.span()
        speaker = _spokesperson(text, e, others)
        near = [o for o in others if o is not speaker and o.start < e + 24 and o.end > s - 6]
        # the same ministry read as an organisation by its shape ("Dışişleri Bakanlığı"):
        # no one else's, and the country stands for it
        bodies = [o for o in near if o.start < e and s < o.end and _unnamed_body(o)]
        near = [o for o in near if all(o is not b for b in bodies)]
        if _qualified(text, s, e, near) or _POSSESSIVE.search(text, max(0, s - 12), s) or (
                speaker is None and _titles(text, e, near)):
            continue
        replaced.extend(bodies)
        if speaker is not None:
            replaced.append(speaker)
            e = speaker.end
        found.append(Mention(min([s, *(b.start for b in bodies)]), max([e, *(b.end for b in bodies)]), home))
    return found, replaced


def _unnamed_body(m: Mention) -> bool:
    """An organisation in no gazetteer (named by its shape, :mod:`claimkit.normalize`)."""
    return isinstance(m.value, Actor) and m.value.kind == ActorKind.organisation and not m.value.resolved


def state_bodies(actors: Sequence[Mention], language: str | None, home: Actor) -> dict[str, Actor]:
    """The state bodies in no gazetteer among ``actors`` ("the Ministry of Fisheries",
    "Ministerio de Agricultura", "Rekabet Kurumu", 공정거래위원회; the ``state`` words of
    the organisation tables) with the country they speak for: ``home``, the article's own;
    so does a spokesperson whose title names such a body and no country ("juru bicara
    Kementerian Luar Negeri Roy Soemirat")."""
    return {m.value.label: home for m in actors
            if (_unnamed_body(m) and state_body(m.value.text, language)) or (
                m.value.kind == ActorKind.person and names_ministry(m.value.text, language))}


def central_bank_mentions(text: str, language: str | None, bank: Actor, others: Sequence[Mention]) -> list[Mention]:
    """The unqualified "the central bank" nouns of ``text`` (:data:`CENTRAL_BANK_NOUNS`) as
    mentions of ``bank``, the central bank of the article's own country; one with a country,
    a city, a bank's name or a possessive next to it, or a person whose title it is
    ("central bank governor Jane Doe"), is left out. ``others`` as in :func:`home_mentions`."""
    lang = (language or "").split("-")[0].lower()
    if lang not in CENTRAL_BANK_NOUNS:
        return []
    if lang not in _BANKS:
        _BANKS[lang] = re.compile(CENTRAL_BANK_NOUNS[lang])
    found = []
    for m in _BANKS[lang].finditer(text):
        s, e = m.span()
        near = [o for o in others if o.start < e + 24 and o.end > s - 6]
        if _qualified(text, s, e, near) or _POSSESSIVE.search(text, max(0, s - 12), s) or _titles(text, e, near):
            continue
        found.append(Mention(s, e, bank))
    return found


def _pattern(lang: str) -> re.Pattern[str] | None:
    if lang not in HOME_NOUNS:
        return None
    if lang not in _COMPILED:
        _COMPILED[lang] = re.compile(HOME_NOUNS[lang])
    return _COMPILED[lang]


def _spokesperson(text: str, end: int, others: Sequence[Mention]) -> Mention | None:
    """The person named as the spokesperson of the ministry ending at ``end``
    ("外交部发言人毛宁", "Dışişleri Bakanlığı Sözcüsü Öncü Keçeli"), if any."""
    title = _SPOKES.match(text, end)
    if title is None:
        return None
    for o in others:
        if (isinstance(o.value, Actor) and o.value.kind == ActorKind.person
                and o.start <= title.end() + 2 and o.end > title.end()):
            return o
    return None


#: what may stand between a ministry and the person it is the title of ("外交部长王毅",
#: "외교부 장관 조현", "МИД Сергей Лавров"): a few letters, no punctuation
_TITLE_GAP = re.compile(r"[^\W\d_]{0,6}(?:\s[^\W\d_]{1,10}){0,1}\s?")


def _titles(text: str, e: int, near: Sequence[Mention]) -> bool:
    """A person named right after the noun ending at ``e`` holds it as (part of) a title:
    the person acts, not the ministry."""
    return any(isinstance(o.value, Actor) and o.value.kind == ActorKind.person and o.start >= e
               and _TITLE_GAP.fullmatch(text, e, o.start) for o in near)


def _qualified(text: str, s: int, e: int, near: Sequence[Mention]) -> bool:
    """A country, city or named body inside, right before or right after ``text[s:e]``
    says whose government it is."""
    for o in near:
        if o.start < e and s < o.end:
            return True
        if o.end <= s and _BEFORE_GAP.fullmatch(text, o.end, s):
            return True
        if o.start >= e and _AFTER_GAP.fullmatch(text, e, o.start):
            return True
    return False
