"""Officials in no gazetteer: a name next to a title is a person.

Private to :mod:`claimkit.normalize.actors`. News introduce officials by their
title: "Israeli Defence Minister Israel Katz", "le ministre chilien des Affaires
étrangères, Paris Ortega", "Tomas Varga, Hungary's defence minister", "조현 외교부
장관", "カッツ国防相", "以色列国防部长卡茨表示", "وزير الخارجية الأردني أيمن الصفدي".
A name the gazetteer does not know, in that place, is a person named as written;
the country or organisation named in the title ("Israeli", "of Israel", "以色列")
is whom they speak for. A country that opens such a name ("Israel Katz") is part of
the name, not a mention of the country.

What counts as a name, by script:

* spaced scripts with capitals (Latin, Cyrillic, Vietnamese): one to four
  capitalised words (short lower-case particles between them: "da", "bin"),
  right after a title, or after a title and what may stand between a title and
  its holder (country mentions, the title's own words, short function words, one
  comma), or before ", [the] [country's] title"; none of them a title word or a
  listed non-name ("General *Assembly*", "Premier *League*", weekdays);
* Korean: the word before a title (or before a ministry word and a title);
* Japanese: a katakana name or two to four kanji right before a title;
* Chinese: two to four characters (a longer name with ·) right after a title
  and before a word that follows a name (表示, 说, 周二, a comma...);
* Arabic: up to three words after a title and the country adjectives after it,
  up to a function word or punctuation.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from claimkit.normalize._arabic_officials import ar_title_officials
from claimkit.normalize._brackets import bracket_after, bracket_around
from claimkit.normalize._gazetteer_index import (
    CAPITALISED_WORD,
    NAME_GAP,
    Occupied,
    _title_at,
    _Titles,
    length_automaton,
)
from claimkit.normalize._name_cases import INSTRUMENTAL_TITLES, OBLIQUE_TITLES, in_nominative
from claimkit.normalize._name_shapes import (
    CLOSES,
    LIST_GOES_ON,
    NOT_NAME_WORDS,
    PORTFOLIO_ON,
    POSSESSOR_BEFORE,
    SLAVIC_ADJECTIVE,
    TO_ACRONYM,
    acronym_end,
    body_acronym_after,
    genitive_body_end,
    name_token,
    past_acronym,
    region_end,
)
from claimkit.normalize._names import family_name, ja_family_names
from claimkit.normalize._offices import GENITIVE_OFFICES, office_automaton, office_words
from claimkit.normalize._organisations import company_openers, organisation_words, spoken_for_bodies
from claimkit.text import Script, fold, fold_case, script_of, word_ok_after, word_ok_before

__all__ = ["Official", "OfficialFinder", "family_repeats"]

#: the key a person of :func:`family_repeats` is told apart by (a name, a gazetteer entry)
_K = TypeVar("_K", bound=Hashable)

#: at most this many capitalised words in a name ("Luiz Inácio Lula Silva"); a longer
#: run of capitals is a headline in title case, not a name
_MAX_NAME_WORDS = 4
#: tokens that may stand between a title and its holder's name
_MAX_GAP = 5
#: how far before a title the comma of "Name, [the country's] title" may be
_COMMA_REACH = 60
#: a name's capitalised words and the particles between them
_NAME_WORD_PATTERN = (
    rf"(?:(?<![\w'’-])(?:(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-|d['’]|dell['’]))?{CAPITALISED_WORD.pattern}"
    r"(?:(?<![^\W\d_]{2})\.)?"
)
#: a word of a name: a capitalised word, an initial ("J."), a family name after an
#: Arabic article ("al-Sayed")
_NAME_WORD = re.compile(_NAME_WORD_PATTERN)
_RUN = re.compile(rf"{_NAME_WORD_PATTERN}(?:(?: (?:[^\W\d_]{{1,3}}|bint|binti|della))* {_NAME_WORD_PATTERN})*")
_WORD_BEFORE = re.compile(r"[^\W\d_][\w\-]*$")
_WORD_AFTER = re.compile(r"[^\W\d_][\w\-'’]*")
_APOSTROPHE = re.compile(r"['’]")
#: the councils, assemblies and regions of Romance-language news, which a title's
#: portfolio names ("le président du *Conseil* régional", "el presidente del *Consejo*
#: Regional", "il presidente del *Consiglio* regionale"): no name, nor any word of one
_INSTITUTIONS = frozenset({
    "conseil", "consejo", "consiglio", "conselho", "assemblée", "asamblea", "assemblea",
    "assembleia", "région", "región", "regione", "região", "département", "departamento",
    "province", "provincia", "província", "comunidad", "comunidade", "generalitat", "junta",
    "giunta", "mairie", "municipalité", "ayuntamiento", "comune", "câmara", "cámara", "chambre",
    "sénat", "senado", "senato", "parlement", "parlamento", "diputación",
})
#: capitalised words that follow a title but are no name: institutions ("General
#: *Assembly*", "Premier *League*"), days and months, and the small words and verbs of a
#: headline in title case ("Defence Minister Katz *Says* ..."), where a name ends
NOT_NAMES = frozenset({
    "assembly", "league", "council", "staff", "staffs", "committee", "command",
    "commission", "court", "office", "secretariat", "motors", "electric", "hospital",
    "university", "college", "school", "party", "army", "navy", "force", "forces", "guard",
    "house", "palace", "ministry", "department", "bank", "fund", "state", "states", "union",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "in", "on", "at", "of", "and", "or", "for",
    "with", "to", "from", "by", "as", "after", "over", "says", "said", "will", "would",
    "warns", "warned", "vows", "vowed", "meets", "met", "calls", "called", "urges", "urged",
    "rejects", "rejected", "pledges", "pledged"
}) | _INSTITUTIONS | NOT_NAME_WORDS
#: languages that name the body before the title, in words of any case ("Türkiye
#: Gazeteciler Cemiyeti Başkanı", "Ticaret Bakanlığı sözcüsü"): between a name's comma and
#: the title any word may stand
_BODY_BEFORE_TITLE = frozenset({"tr"})
#: languages whose people are often named by one word ("Sugiono", "Sutrisno"): one word in
#: brackets beside an office is a name
_ONE_WORD_NAMES = frozenset({"id", "ms"})
#: the endings of a Romance country adjective ("libanese", "marocain", "angolano",
#: "boliviano", "malienne", "nigériane", "togolais"), which may follow a title before the
#: holder's name when the gazetteer lists no such demonym
_ADJECTIVE_END = re.compile(
    r"(?:an[oaei]s?|ains?|aines?|ais|aises?|ois|oises?|es[ei]|ês|esas?|és|ens[ei]s?|iens?|iennes?"
    r"|in[oa]s?|en[oa]s?|eñ[oa]s?|ic[oa]s?|iot[ae]s?|it[ae]s?)$"
)
#: function words longer than three letters that join a title to its portfolio
#: ("sottosegretario alla Difesa", "ministra delle Finanze", "ministro para a Economia")
_GAP_WORDS = frozenset({"alla", "allo", "alle", "agli", "della", "dello", "delle", "degli", "dalla",
                        "para", "pela", "pelo", "chargé", "chargée"})
#: an elided article or preposition before the portfolio ("ministro dell'Economia",
#: "ministre de l'Intérieur", "ministre d'État")
_ELIDED = re.compile(r"(?:dell|dall|nell|sull|all|l|d)['’]")

#: the capitalised portfolios of Romance-language ministers, which stand between the
#: title and the name with no comma ("ministro da *Agricultura* Celso Correia", "el
#: ministro de *Hacienda* Carlos Cuerpo", "ministre de l'*Agriculture* Annie Genevard"):
#: words of a title, so no name opens with one (folded)
_PORTFOLIOS = frozenset({
    # pt
    "agricultura", "defesa", "fazenda", "economia", "finanças", "saúde", "educação", "justiça",
    "interior", "energia", "ambiente", "transportes", "trabalho", "cultura", "turismo", "pescas",
    "indústria", "comércio", "segurança", "administração", "interna", "coesão", "territorial", "infraestruturas", "planeamento", "planejamento",
    "desenvolvimento", "minas", "recursos", "minerais", "hídricos", "obras", "públicas",
    # es
    "defensa", "hacienda", "economía", "salud", "sanidad", "educación", "justicia", "energía",
    "trabajo", "exteriores", "comercio", "industria", "seguridad", "gobernación", "pesca",
    "vivienda", "hidrocarburos", "finanzas", "desarrollo",
    # it
    "agricoltura", "difesa", "finanze", "salute", "istruzione", "giustizia", "interno", "interni",
    "esteri", "trasporti", "lavoro", "imprese", "infrastrutture", "sviluppo",
    # fr
    "agriculture", "défense", "économie", "finances", "santé", "éducation", "justice", "intérieur",
    "énergie", "travail", "tourisme", "industrie", "armées", "environnement", "écologie",
    # id: "Menteri *Perdagangan* Budi Santoso", "Menteri *Keuangan* Sri Mulyani" (an
    # Indonesian portfolio is capitalised and stands between the title and the name)
    "perdagangan", "keuangan", "pertahanan", "kesehatan", "pendidikan", "pertanian",
    "perindustrian", "perhubungan", "kelautan", "perikanan", "pariwisata", "perekonomian",
    "investasi", "kehutanan", "ketenagakerjaan", "perumahan", "pangan", "kebudayaan",
    "koordinator", "bidang", "dasar", "menengah", "tinggi", "sains", "teknologi",
    "lingkungan", "hidup", "energi", "sumber", "daya", "mineral", "politik", "keamanan",
    "pemberdayaan", "perempuan", "pemuda", "olahraga", "komunikasi", "informatika",
    "kependudukan", "transmigrasi", "imigrasi", "pemasyarakatan", "bumn",
    "industri", "ekonomi", "koperasi", "desa", "agraria", "sosial", "agama", "reformasi", "birokrasi",
    "aparatur", "pendayagunaan", "usaha", "kecil",
    # "Menteri Sumber Daya *Manusia* Malaysia X" (human resources), "Menteri Desa dan
    # *Pembangunan Daerah Tertinggal* X" (development of lagging regions), "Menteri
    # *Perencanaan Pembangunan* Nasional X" (planning): no name opens with one
    "manusia", "pembangunan", "daerah", "tertinggal", "perencanaan",
    # the fields of an Indonesian directorate general or agency ("Direktur Jenderal *Pajak* X")
    "pajak", "anggaran", "perbendaharaan", "bea", "cukai", "tangkap", "budidaya", "pelayanan",
    "perlindungan", "konsumen", "pengawasan", "hortikultura", "peternakan", "perkebunan",
    "minyak", "gas", "bumi", "ketenagalistrikan", "batubara", "udara", "laut", "darat",
    "pencegahan", "pengendalian", "penyakit", "kekayaan", "intelektual",
    # en: "Minister of *Fisheries* Joanne Bell", "Minister of State for *Culture* X", "Secretary
    # of State for *Health* X" (an English portfolio is capitalised and stands between the
    # title and the name after "of" or "for")
    "fisheries", "health", "finance", "defence", "defense", "energy", "education", "culture",
    "transport", "transportation", "labour", "labor", "tourism", "environment", "trade",
    "foreign", "affairs", "oceans", "treasury", "housing", "immigration",
    "employment", "infrastructure", "communications", "mines", "resources", "forestry",
    # the other words of joined English portfolios ("Secretary for Health, Social Care and
    # Sport, X", "Culture, Media and Sport", "Science, Innovation and Technology", "Work
    # and Pensions"): a portfolio word left out reads as the name after the title
    "care", "sport", "sports", "media", "digital", "science", "innovation",
    "technology", "food", "rural", "business", "industry",
    "pensions", "work", "climate", "water", "welfare", "veterans", "equalities",
    # the government itself, whose spokesperson a title names ("porta-voz do executivo,
    # X", "portavoz del Gobierno, X", "portavoce del governo, X", "porte-parole du gouvernement, X")
    "executivo", "governo", "ejecutivo", "gobierno", "esecutivo", "gouvernement",
    # the social portfolio, capitalised after another word of it ("ministra de Trabajo y
    # Economía *Social* X", "ministro do Desenvolvimento *Social* X"): no name opens with it
    "social", "sociales", "sociais", "sociale", "sociali", "sociaux",
})  # fmt: skip

#: the short lower-case words that may stand inside a person's name ("Luiz Inácio Lula
#: da Silva", "Ursula von der Leyen", "Pieter de Vries", "Faisal bin Farhan"): any other
#: lower-case word ends the name ("Marco Bellini *met* ...", "Ivan Horvat *and his* ...");
#: the one list (the rules backend's ``full_name`` reads it too)
NAME_PARTICLES = frozenset({
    "da", "de", "di", "do", "dos", "das", "du", "del", "della", "dei", "der", "den", "des",
    "van", "von", "vom", "zu", "ter", "ten", "la", "le", "lo", "bin", "bint", "binti", "ibn", "al",
    "el", "ben", "abu", "mac", "st",
})
#: languages that write a title as one compound word ending in a title's head: German
#: "Innenminister", "Finanzministerin", "Bundesaußenminister", "Staatspräsident",
#: "Regierungschef", "UN-Generalsekretär", beside the titles the gazetteer lists
_COMPOUND_TITLES = {
    "de": re.compile(
        r"(?<![\w-])[^\W\d_][\w-]{1,30}?(?:minister|ministerin|präsident|präsidentin|kanzler|kanzlerin"
        r"|sprecher|sprecherin|sekretär|sekretärin|botschafter|botschafterin|beauftragte|beauftragter"
        r"|chef|chefin|gesandter|gesandte|vorsitzende|vorsitzender|direktor|direktorin|leiter|leiterin"
        r"|meister|meisterin)(?![\w-])"
    ),
    # Turkish puts the portfolio before "Bakanı" (its minister) and the name after it:
    # "Tarım Bakanı İbrahim Yumaklı", "Enerji ve Tabii Kaynaklar Bakanı Alparslan Bayraktar"
    # (the gazetteer lists "Dışişleri Bakanı", "Savunma Bakanı"); also "Bakan Yardımcısı",
    # and a country's prime minister, "Irak Başbakanı Ahmed Karim Selman"
    "tr": re.compile(r"(?<![\w-])(?:baş)?bakan(?:ı|i|ı yardımcısı)?(?![\w-])"),
}
#: the heads of a body, whose name may stand between the title and the holder's name
#: ("*Prezes* Urzędu ... Tomasz Chróstny", "*Kepala* Badan Meteorologi Dwikorita Karnawati",
#: "Rekabet Kurumu *Başkanı* Birol Küle", "central bank *governor* Ama Mensah"), beside
#: the gazetteer's titles; the body is stepped over (``spoken_for`` bodies, those the
#: organisation tables name in full) or, written before the title, is its own mention
_HEAD_TITLES = {
    "en": re.compile(r"(?<![\w-])(?:governor|senator|chairman|chairwoman|chairperson)(?![\w-])"),
    "pl": re.compile(r"(?<![\w-])(?:prezes|prezeska|szef|szefowa)(?![\w-])"),
    "ru": re.compile(r"(?<![\w-])(?:глава|председатель|руководитель|секретарь|директор|начальник)(?![\w-])"),
    "uk": re.compile(r"(?<![\w-])(?:голова|очільник|очільниця|керівник|секретар|директор|начальник"
                     r"|начальниця)(?![\w-])"),
    "id": re.compile(r"(?<![\w-])(?:kepala|ketua)(?![\w-])"),
    "tr": re.compile(r"(?<![\w-])(?:başkanı|genel müdürü)(?![\w-])"),
}
#: what joins a country to the title after it ("Israel's", "イスラエルの"), also through
#: its ministry or government in Japanese ("中国外務省の林剣報道官": China's spokesman);
#: none or a possessive in any language, the others in their own (all when it is unknown)
_IN_ANY = ("", "'s", "’s", "s'")
_CONNECTORS_IN = {"ja": ("の", "外務省の", "外交部の", "国防省の", "国防部の", "商務省の", "商務部の",
                         "財務省の", "政府の"), "ko": ("의",)}
_CONNECTORS = (*_IN_ANY, *(c for own in _CONNECTORS_IN.values() for c in own))
#: Korean: the endings of a word before a title that is no name: the last syllable of a
#: ministry, an office or a side (외교부, 대통령실, 측, North Korea's 외무성), or a
#: postposition of place, direction or time ("워싱턴에서", in Washington; "서울에",
#: "정부로부터")
_KO_NOT_NAME_ENDS = (*"부청처원회측관국실성", "에서", "에게", "으로", "부터", "까지", "에는", "에도", "께서", "에")
#: Korean: a title ends before a particle or a break, not inside a longer noun ("대통령실",
#: the presidential office; "장관급", minister-level)
_KO_TITLE_END = "(?=[은는이가과와의도을를께에으로만]|[^\uac00-\ud7a3]|$)"
#: the rank a Korean title may carry in digits: the first or second vice minister
#: ("외교부 2차관", "제1차관")
_KO_ORDINAL = "(?:제?[1-9])?"
#: the Korean titles of parties, firms, cities and bodies at home ("원내대표", "회장",
#: "시장"): the word before one names a Korean, of a family name and two syllables, unless a
#: country stands before him
_KO_HOME_TITLES = frozenset({"대표", "원내대표", "회장", "사장", "의원", "수석", "원장", "단장", "국장", "시장",
                             "본부장", "통상교섭본부장", "총영사", "부위원장", "권한대행", "사령관"})
#: the Japanese titles of parties, firms, cities and bodies at home ("会長", "社長", "総裁"):
#: the Han word before one with no country before it names a person only when it opens with
#: a Japanese family name ("筒井義信会長"; not "経団連会長", the federation's chairman)
_JA_HOME_TITLES = frozenset({"会長", "社長", "総裁", "副総裁", "代表", "幹事長", "党首", "市長", "議員", "総長",
                             "書記長", "補佐官"})
#: one-syllable country abbreviations that pair up: 한미 (Korea-US), 한일, 북러, 미중
_KO_COUNTRY_SYLLABLES = frozenset("한미일중북러우영프독")
#: Han characters no name of a person is written with in a title's place
_HAN_NOT_NAME = frozenset("省府党黨会會部军軍政局院委两両各同自前元现現副次官方人侧側们們选選职職级級等"
                          "通举舉进進出参參召签簽致访訪表说說称稱谈談讨討论論电電话話晤见見")
#: Han characters that stand inside a name ("李国强", "陈新华", "王新宇") but not at its
#: edges, where they make a word: "国家", "国务", "新闻", "新任" after a title, "全国",
#: "各国", "最新" before one, Japanese "新外相" (the new foreign minister)
_HAN_INSIDE_ONLY = frozenset("国國新")
#: the one-character countries of Japanese news: a run of them before a title is the
#: countries of the ministers ("日米防衛相", "日中韓首脳"), no name
_JA_COUNTRY_CHARS = frozenset("日米中韓朝露英仏独伊豪印加北南欧")
#: how many Han characters may stand between a country and a Chinese title: the
#: portfolio of a minister ("法国*财政*部长"), the posting of an ambassador ("美国*驻华*大使")
_ZH_PORTFOLIO = 4
#: what follows a Chinese name after its title: a verb of saying, a day, a comma
_ZH_AFTER = ("表示", "说", "說", "称", "稱", "指出", "强调", "強調", "宣布", "承诺", "承諾",
             "警告", "拒绝", "拒絕", "呼吁", "呼籲", "透露", "会见", "會見", "会晤", "會晤",
             "周", "週", "星期", "今天", "昨天", "明天", "日前", "近日", "当天", "當天", "在",
             "与", "與", "和", "同", "对", "對", "于", "於", "将", "將", "也", "已", "曾",
             "发表", "發表", "告诉", "告訴", "访问", "訪問", "抵达", "抵達", "，", "。", "、",
             "（", "(", ",", "：", ":")
#: what opens no Chinese name after a title: the words that follow one (:data:`_ZH_AFTER`,
#: but for the family names 周, 于/於 and 曾), and words of time, plan and expectation ("伊拉克外长*在*巴格达会见", "中日外长*预计*将于")
_ZH_NOT_FIRST = tuple(w for w in _ZH_AFTER if w not in "，。、（(,：:周于於曾") + (
    "预计", "預計", "预期", "預期", "计划", "計劃", "希望", "认为", "認為", "正在", "已经", "已經",
    "随后", "隨後", "首次", "再次", "还", "還", "则", "則", "亦", "均", "都", "又", "再", "就")
#: the short titles Chinese news put after a family name alone for a person named in
#: full before ("王部长", "李大使", "张市长"), beside the gazetteer's titles
_ZH_FAMILY_TITLES = ("部长", "部長", "副部长", "副部長", "大使", "总统", "總統", "总理", "總理", "主席",
                     "议员", "議員", "省长", "省長", "市长", "市長", "局长", "局長", "书记", "書記",
                     "司令", "将军", "將軍", "发言人", "發言人", "外长", "外長", "防长", "防長")
#: languages that name the country after the title, in the genitive or bare
#: ("Prezydent Chile", "Menteri Pertahanan Israel", "министр обороны Израиля")
_COUNTRY_AFTER_TITLE = frozenset({
    "id", "ms", "vi", "pl", "hr", "sr", "bs", "sl", "cs", "sk", "ru", "uk", "be", "bg"
})
#: an actor noun this long may open a longer word ("Regierungen")
_NOUN_PREFIX = 5
#: letters an inflected country adjective may add to its listed form
_ENDING = 3
#: short words that join two people rather than a title and its holder
_CONJUNCTIONS = frozenset(["and", "or", "und", "oder", "et", "ou", "y", "o", "e", "i", "a", "ve", "và", "dan", "atau", "и", "или", "і", "та", "або", "lub", "ili"])
#: the endings of a verb in the past tense, which ends the lower-case portfolio words a
#: title may have before the name in a language with cases: Polish "-ł, -ła, -li, -ły",
#: Russian and Ukrainian "-л, -ла, -ли", Ukrainian "-ав, -ив, -яв", Croatian and Czech "-o, -l"
#: (and their reflexive forms: Russian "-лся, -лась, -лись", Ukrainian "-вся, -лася, -лися");
#: a Cyrillic "-л" form follows a vowel ("заяви*л*", "сообщи*ла*", "заяви*ли*"): after a
#: consonant it ends a noun in the genitive, a portfolio ("министр торго*вли*", "земли")
_PAST_TENSE = re.compile(r"(?:ł|ła|ło|li|ły|(?<=[аеёиоуыэюяіїє])(?:л|ла|ло|ли|лся|лась|лось|лись|лася|лося|лися)"
                         r"|ав|ив|яв|ao|io|la|lo|l|вся)$")
#: locative prepositions: a capitalised word after one is where a title's holder is or
#: goes, not the holder's name ("his counterpart *in* New Delhi", "встретился *в* Бишкеке")
_LOCATIVES = frozenset(["in", "im", "at", "à", "dans", "en", "em", "в", "во", "у", "w", "we", "u", "di", "ở", "tại"])
#: locatives of one language that are another's "of": Indonesian "di" (in) is Italian "di"
#: ("il sindaco *di* Milano")
_LOCATIVE_NOT_IN = {"di": "it"}


def _locative(word: str, lang: str | None, after: str = "") -> bool:
    """Whether the folded ``word`` is a locative preposition in ``lang`` (:data:`_LOCATIVES`);
    not French "à" before an article (``after``: the folded text after the word), which
    opens a portfolio ("commissaire européen *à la* Pêche"), where a city has none ("à Paris")."""
    return word in _LOCATIVES and _LOCATIVE_NOT_IN.get(word) != lang and not (
        word == "à" and after.startswith((" la ", " l'", " l’")))
#: the titles of languages with cases that a portfolio in the genitive follows ("minister
#: rolnictwa", "ministrica financija", "министр финансов", "міністр фінансів")
_GENITIVE_TITLES = ("minister", "wiceminister", "ministar", "ministrica", "ministr", "ministryně",
                    "министр", "міністр", "министър", "министром", "міністром", "міністеркою",
                    # spokespeople, whose body may follow in the genitive ("пресс-секретарь
                    # министерства Мария ...", "rzeczniczka resortu Anna ...", "glasnogovornica
                    # ministarstva Ivana ...")
                    "rzecznik", "rzeczniczka", "glasnogovornik", "glasnogovornica",
                    "пресс-секретарь", "пресс-секретарша", "представитель", "речник", "речниця",
                    "прес-секретар", "прес-секретарка", "прессекретар", "прессекретарка", "представник",
                    "представниця",
                    # the same in the genitive, after "по словам" or a deputy's title ("заместитель
                    # *министра* энергетики X", "замминистра финансов X", "за словами *міністра*
                    # енергетики X")
                    "министра", "міністра", "пресс-секретаря", "представителя", "речника", "речниці",
                    "представника")
#: the titles and offices that a body or portfolio in the genitive may follow (:func:`_genitive_step`)
_GENITIVE_HEADS = _GENITIVE_TITLES + GENITIVE_OFFICES
#: Vietnamese syllables that are words of a title ("Chánh *văn* phòng", "Giáo *hoàng*",
#: "*Quốc* vương") and common middle or given names ("Trần Văn Hải", "Lê Hoàng Nam",
#: "Phạm Minh Chính"): after a name's first word they go on with the name
_VI_NAME_SYLLABLES = frozenset({"văn", "chính", "hoàng", "quốc", "thái", "vương", "thư"})
#: the common Vietnamese family names, which open a personal name of two to four
#: syllables; a country word inside such a name ("Đỗ *Đức* Duy", "Nguyễn *Anh* Tuấn",
#: "Lê *Mỹ* Hạnh") is one of its syllables, not Germany, Britain or the United States
_VI_FAMILY_NAMES = frozenset({
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đinh", "đoàn", "trương", "lâm", "mai", "trịnh", "lương", "tô",
    "hà", "vương", "cao", "tạ", "châu", "lưu", "thái", "quách", "tăng", "đào", "chu", "kiều",
})
#: tokens that make the lower-case words between a title and a name in apposition no
#: portfolio: the words of a clause ("spoke to his counterpart, ...") or a place
_NOT_PORTFOLIO = frozenset({
    "to", "with", "his", "her", "their", "its", "has", "had", "have", "was", "were", "is", "are",
    "said", "told", "met", "says", "who", "which", "that", "while", "when", "but", "son", "sa",
    "ses", "leur", "su", "sus", "seu", "sua", "sein", "seine", "ihr", "ihre", "sagte", "dijo",
    "disse", "dit", "a", "ha", "hat", "est", "es", "é", "qui", "que", "con", "com", "mit", "avec",
})
#: how far after a title the name in apposition may come ("The Minister for
#: Agriculture, Food and the Marine, Martin Heydon,"), in characters and in words
_APPOSITION_REACH = 110
_APPOSITION_WORDS = 12
#: how many words the rest of a portfolio may have before its holder's name ("ministro da
#: Ciência*, Tecnologia e Inovação* X"; see ``OfficialFinder._portfolio_tail``)
_TAIL_WORDS = 6
#: the endings of the lower-case Romance adjectives of a portfolio ("Ressources *animales*
#: et *halieutiques*", "Souveraineté *alimentaire*", "Mobilité *durable*", "Sovranità
#: *alimentare*", "Economía *social*")
_PORTFOLIO_ADJECTIVE = re.compile(
    r"(?:al|ale|ales|ali|aux|aire|aires|are|ari|ique|iques|ico|ica|ici|iche|icos|icas|ive|ives|ivo|iva"
    r"|if|ifs|elle|elles|able|ables|ible|ibles|ien|iens|ienne|iennes|ar|ares|ário|ária|ario|aria)$"
)
#: a word, or a mark that no portfolio runs past (a full stop, a bracket, a quote)
_APPOSITION_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[^\w\s,'’-]")
#: up to three words qualifying an institution before a comma ("Conseil *régional*, ",
#: "Consejo *Regional*, ", "Assembleia *Municipal*, ", "conseil *départemental du Nord*, ")
_QUALIFIERS = re.compile(r"(?: [^\W\d_][\w'’-]*){0,3}(?=, )")
#: Vietnamese titles whose portfolio may follow them unlisted ("Bộ trưởng Tài chính")
_VI_PORTFOLIO_TITLES = ("bộ trưởng", "thứ trưởng")
_VI_UPPER = "A-ZĐÀ-ÝĂÂÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_VI_LOWER = "a-zđà-ýăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_VI_PORTFOLIO = re.compile(
    rf" (?:Bộ )?[{_VI_UPPER}][{_VI_LOWER}]*(?: (?!và )[{_VI_LOWER}]+)+(?: và [{_VI_UPPER}][{_VI_LOWER}]*(?: [{_VI_LOWER}]+)*)?"
    rf"(?= [{_VI_UPPER}][{_VI_LOWER}]* [{_VI_UPPER}])"
)
_HANGUL_WORD = "[\uac00-\ud7a3]"
_HAN = "\u4e00-\u9fff"
_KATAKANA = "\u30a0-\u30ff"


@dataclass(frozen=True)
class Official:
    """An official named next to a title.

    Attributes:
        start, end: the mention, title and country adjective included (the name alone
            when a comma sets the title off).
        name: the name as written, without the title.
        group: the entry index of the country or organisation the title names, or None.
    """

    start: int
    end: int
    name: str
    group: int | None
    #: the title and the name as written, when the mention is the name alone (a title set
    #: off by commas: "le ministre chilien des Affaires étrangères, Paris Ortega,")
    context: tuple[int, int] | None = None

    @property
    def written(self) -> tuple[int, int]:
        """The span of the title and the name, the text the official's actor carries."""
        return self.context or (self.start, self.end)


#: how many characters after a place's start hold its name ("Thành phố Hồ Chí Minh")
_PLACE_WINDOW = 40


class _Taken:
    """The gazetteer's mentions of a text (start, end, entry), sorted, with lookups by place."""

    def __init__(self, taken: Sequence[tuple[int, int, int]], person: Callable[[int], bool],
                 bodies: Mapping[int, int] | None = None, lang: str | None = None,
                 own_first: Callable[[int, str], bool] | None = None) -> None:
        self.connectors = (*_IN_ANY, *_CONNECTORS_IN.get(lang, ())) if lang else _CONNECTORS
        self.lang = lang
        #: whether a folded word is one of a known person's (entry's) first names
        self.own_first = own_first
        self.spans = sorted(taken)
        #: start -> end of each body a spokesperson may speak for (:func:`spoken_for_bodies`)
        self.bodies = bodies or {}
        self.starts = [s for s, _, _ in self.spans]
        self.by_end = {e: (s, idx) for s, e, idx in self.spans}
        self.person = person
        #: start -> end of each known place (:class:`~claimkit.normalize.places.Places`), read on
        #: the first question (:meth:`place_end`)
        self._places: dict[int, int] | None = None
        self.text = ""

    def with_text(self, text: str) -> _Taken:
        """This, knowing the text its places are read in (:meth:`place_end`)."""
        self.text = text
        return self

    def place_end(self, p: int) -> int | None:
        """The end of the known place that starts at ``p`` ("Warszawy", "Zagreba", "Hà Nội"),
        or None; read in the few words from ``p`` (:data:`_PLACE_WINDOW`), once per place."""
        from claimkit.normalize.places import Places

        if self._places is None:
            self._places = {}
        if p not in self._places:
            hit = next(iter(Places.default().find(self.text[p:p + _PLACE_WINDOW])), None)
            self._places[p] = p + hit.end if hit is not None and hit.start == 0 else -1
        end = self._places[p]
        return end if end >= 0 else None

    def known_person(self, folded: str, s: int, hit: tuple[int, int, int] | None) -> bool:
        """Whether ``hit`` is a known person whom a name beginning at ``s`` names: not when
        the hit is one word (a surname the gazetteer knows alone: "Sánchez", "Costa") after
        a first word that none of that person's names opens ("María del Carmen Ruiz
        *Sánchez*", "Bruno Reis da *Costa*": another bearer of the surname)."""
        if hit is None or not self.person(hit[2]):
            return False
        if self.own_first is None or hit[0] <= s or " " in folded[hit[0]:hit[1]] or script_of(folded[s]) != Script.LATIN:
            return True  # (in Cyrillic a first name declines: "Радославом Сікорським" is Sikorski)
        # his first name spelt otherwise ("Dmitriy", "Dmitry") or an initial ("J." Smith)
        return self.own_first(hit[2], fold(folded[s:hit[0]].split(" ", 1)[0]))

    def covering(self, i: int) -> tuple[int, int, int] | None:
        k = bisect.bisect_right(self.starts, i) - 1
        if k >= 0 and self.spans[k][0] <= i < self.spans[k][1]:
            return self.spans[k]
        return None

    def group_ending(self, text: str, p: int) -> tuple[int, int] | None:
        """(start, entry) of a non-person mention ending at ``p`` (or before a connector)."""
        for conn in self.connectors:
            q = p - len(conn)
            if q > 0 and (not conn or text[q:p].lower() == conn):
                hit = self.by_end.get(q)
                if hit is not None and not self.person(hit[1]):
                    return hit
        return None


class _Nouns:
    """Actor nouns: those of five letters or more open a word ("Regierungen"), shorter
    ones must be the whole word ("rząd", not "Vladimir" for "vlad")."""

    def __init__(self, nouns: set[str]) -> None:
        self.whole = frozenset(nouns)
        self.prefixes = tuple(sorted(n for n in nouns if len(n) >= _NOUN_PREFIX))

    def opens(self, token: str) -> bool:
        return token in self.whole or token.startswith(self.prefixes)


#: no actor nouns: a name set off by commas after a title and its portfolio is a name even
#: when its first word is one ("La ministra del Lavoro, *Marina* Calderone," is no navy)
_NO_NOUNS = _Nouns(set())


class OfficialFinder:
    """Finds :class:`Official` mentions with the gazetteer's titles."""

    def __init__(self, titles: _Titles, demonyms: Mapping[str, int],
                 nouns: Mapping[str, Iterable[str]], states: Mapping[int, int] | None = None) -> None:
        """``demonyms``: folded country adjective -> its country's entry; ``nouns``: the
        gazetteer's actor nouns per language ("Regierung", "rząd"), which no name opens;
        ``states``: the entry of a body of one state (a ministry, an office, an armed
        force) -> its country's entry."""
        self.titles = titles
        self.demonyms = demonyms
        self.states = states or {}
        every: set[str] = set()
        self._nouns: dict[str, _Nouns] = {}
        for lang, words in nouns.items():
            own = {fold_case(w) for w in words if w.strip()}
            every |= own
            self._nouns[lang] = _Nouns(own)
        self._any_nouns = _Nouns(every)
        self.vocab = frozenset(w for t in titles.titles for w in t.split()) | _PORTFOLIOS | office_words()
        spaced = [t for t in titles.titles if t and script_of(t[0]) not in _UNSPACED]
        self._spaced_titles = length_automaton(spaced)
        by_script: dict[Script | None, list[str]] = {}
        for t in titles.titles:
            by_script.setdefault(script_of(t[0]) if t else None, []).append(t)
        self._ko = _alternation(by_script.get(Script.HANGUL, []))
        han_titles = [t for t in titles.titles if t and all(script_of(c) in (Script.HAN, Script.KANA) for c in t)]
        self._han = _alternation(han_titles)
        self._han_titles = frozenset(han_titles)
        ar = _alternation(by_script.get(Script.ARABIC, []))
        self._ar = re.compile(rf"(?<![\w])(?:{ar})(?![\w])") if ar else None
        #: a Korean name before its title, a body between ("외교부", "국가안보실",
        #: "산업통상자원부") or a province or city before its governor or mayor ("경기도지사",
        #: "서울시장")
        self._ko_re = re.compile(rf"(?<!{_HANGUL_WORD})({_HANGUL_WORD}{{2,5}}) "
                                 rf"(?:{_HANGUL_WORD}{{1,7}}[부청처원실] ?|{_HANGUL_WORD}{{1,3}}(?=도지사|시장))?"
                                 rf"{_KO_ORDINAL}({self._ko}){_KO_TITLE_END}") if self._ko else None
        #: a Korean name after its title ("외교부 대변인 이재웅은"): three syllables, the first a
        #: common family name, before a particle or a break
        self._ko_after_re = re.compile(rf"{_KO_ORDINAL}(?:{self._ko}) ([{_KO_FAMILY}]{_HANGUL_WORD}{{2}})"
                                       rf"(?=[은는이가의도]?(?:[ ,.]|$))") if self._ko else None
        self._ja_re = re.compile(rf"(?:(?<![{_KATAKANA}])([{_KATAKANA}]{{2,}})|(?<![{_HAN}])"
                                 rf"([{_HAN}]{{2,4}}?))({self._han})(?![{_HAN}])")
        self._zh_re = re.compile(rf"(?:{self._han})([{_HAN}·]{{2,10}}?)(?={_ZH_AFTER_RE})")
        #: the finder of each language written without capitals, by language
        self._unspaced: dict[str, Callable[[str, str, _Taken], list[Official]]] = {}
        if self._ko_re is not None:
            self._unspaced["ko"] = self._korean
        if self._han:
            self._unspaced.update(ja=self._japanese, zh=self._chinese, yue=self._chinese)
        if self._ar is not None:
            self._unspaced["ar"] = self._ar_officials
        #: what follows a family name standing for a person named in full before ("王部长",
        #: "정 장관"), by language
        self._family_titled: dict[str, str] = {}
        if self._han:
            self._family_titled["zh"] = f"(?:{self._han}|{_alternation(list(_ZH_FAMILY_TITLES))})"
        if self._ko:
            self._family_titled["ko"] = f" ?(?:{self._ko})"

    def find(self, text: str, folded: str, lang: str | None, taken: Sequence[tuple[int, int, int]],
             person: Callable[[int], bool], own_first: Callable[[int, str], bool] | None = None) -> list[Official]:
        """The officials of ``text`` (``folded`` is its :func:`fold_case`), given the
        gazetteer's own mentions ``taken``, which entries are people and (``own_first``)
        whether a folded word is one of a known person's first names."""
        starts = self._title_starts(folded)
        starts.update((e, min(q, starts.get(e, q))) for e, q in _titles_in(office_automaton(lang), folded).items())
        for titles in (_COMPOUND_TITLES.get(lang or ""), OBLIQUE_TITLES.get(lang or ""),
                       INSTRUMENTAL_TITLES.get(lang or ""), _HEAD_TITLES.get(lang or "")):
            for m in titles.finditer(folded) if titles is not None else ():
                starts[m.end()] = min(m.start(), starts.get(m.end(), m.start()))  # the longest one
        unspaced = self._unspaced.get(lang or "")
        if not starts and unspaced is None:
            return []  # no title: no official (most texts end here)
        spans = _Taken(taken, person, spoken_for_bodies(text, lang) if starts else None, lang, own_first).with_text(text)
        nouns = self._nouns.get(lang or "", self._any_nouns)
        found = self._spaced(text, folded, starts, spans, (lang in _COUNTRY_AFTER_TITLE, nouns))
        found += self._bracketed(text, folded, starts, spans, (lang in _COUNTRY_AFTER_TITLE, nouns))
        if unspaced is not None:
            found += unspaced(text, folded, spans)
            if lang in self._family_titled:
                found += _by_family_name(text, found, self._family_titled[lang], spans)
        if lang in OBLIQUE_TITLES:
            found = [dataclasses.replace(o, name=in_nominative(o.name, folded, o.written[0], lang)) for o in found]
        if self.states:
            found = [self._for_state(o) for o in found]
        return _with_repeats(text, found, spans) if found else found

    def _for_state(self, o: Official) -> Official:
        """``o`` speaking for the country whose body its title names ("Официальный
        представитель МИД России X", "Kremlin spokesman X", "국방부 대변인"): a ministry's
        or an office's spokesperson speaks for its state, as a title naming the country
        does ("Russian Foreign Minister X")."""
        state = self.states.get(o.group) if o.group is not None else None
        return o if state is None else dataclasses.replace(o, group=state)

    def family_title(self, lang: str | None) -> str | None:
        """The pattern of what follows a family name standing for a person named in full
        before ("王部长", "정 장관"), in ``lang``; None in a language that has none."""
        return self._family_titled.get(lang or "")

    def not_name(self, folded_word: str) -> bool:
        """A folded word that is no part of a person's name: a title's word or a listed
        non-name ("President", "Herr", "Monday")."""
        return folded_word in self.vocab or folded_word in NOT_NAMES

    # ------------------------------------------------------------ spaced scripts

    def _title_starts(self, folded: str) -> dict[int, int]:
        """Title end -> start of the longest title of a spaced script ending there, for
        every title in ``folded`` (one pass of the automaton, in C)."""
        return _titles_in(self._spaced_titles, folded)

    def _spaced(self, text: str, folded: str, starts: dict[int, int], spans: _Taken,
                how: tuple[bool, _Nouns]) -> list[Official]:
        """Names in capitalised words, read from each title (only the places after and
        before a title are looked at). ``how``: whether the language names the country
        after the title ("Prezydent Chile Paris Ortega"), so a country there opens no
        name, and its actor nouns."""
        out: list[Official] = []
        pos = 0
        for e in sorted(starts):
            q = starts[e]
            if q < pos:
                continue
            found = self._after_title(text, folded, e, spans, how)
            if found is None or " " not in text[found[0][0]:found[0][1]]:  # none, or one word:
                found = self._apposition(text, folded, e, spans, how) or found  # maybe a portfolio
            named = None
            if (found is None or " " not in text[found[0][0]:found[0][1]] or _after_join(text, e, found[0][0])) and (
                    folded.rfind(", ", max(pos, q - _COMMA_REACH), q) >= 0):  # a full name before ", title"
                named = self._before_comma(text, folded, q, e, spans, how)  # wins over one word after
                # it, or over a body's name after "of" ("X, chief executive of Northern Rail,")
            if named is not None and (found is None or " " in named.name):
                out.append(named)
                pos = e
            elif found is not None:
                (s, end), group, comma = found
                start, before = self._before_title(text, folded, q, spans)
                group = group if group is not None else before
                out.append(Official(s, end, text[s:end], group, (start, end)) if comma
                           else Official(start, end, text[s:end], group))
                pos = end
        return out

    def _after_title(self, text: str, folded: str, e: int, spans: _Taken,
                     how: tuple[bool, _Nouns]) -> tuple[tuple[int, int], int | None, bool] | None:
        """(name span, group, whether a comma came between) of the name after the title
        ending at ``e``: past countries, country adjectives, the title's own words and
        short function words ("ministre chilien des Affaires étrangères, Paris Ortega")."""
        named = _vi_name_after(text, folded, e, spans) if spans.lang == "vi" else None
        if named is not None:
            return named
        found = self._after_gap(text, folded, e, spans, how)
        if found is not None and spans.lang == "vi" and _vi_no_name(text, folded, found[0]):
            return None  # a body and no name after it ("Giám đốc *Sở Y* tế Hà Nội cho biết")
        return found

    def _after_gap(self, text: str, folded: str, e: int, spans: _Taken,
                   how: tuple[bool, _Nouns]) -> tuple[tuple[int, int], int | None, bool] | None:
        """:meth:`_after_title` in a language but Vietnamese's body words: the tokens that
        may stand between the title and the name are stepped over one by one (a portfolio's
        acronym in brackets and a comma inside a portfolio's list are part of it: "Menteri
        Energi dan Sumber Daya Mineral (ESDM) X", "Menteri Ekonomi, Perdagangan, dan
        Industri Jepang X")."""
        p, group, comma = _vi_portfolio_end(text, folded, e), None, False
        joined = False  # the last token was a function word ("de", "di", "of", "della")
        for k in range(_MAX_GAP + 1):
            p = past_acronym(text, p)
            if text.startswith(", ", p):
                p, comma = p + 2, True
            elif text[p:p + 1] in (" ", "\u00a0"):
                p += 1
            else:
                return None
            posted = None if comma else _posting(text, folded, p, spans)
            if posted is not None:  # where the holder serves: "ambassador *in Paris*, X", "embajador
                p = posted  # ruso *en Madrid*, X", "Ambasador Rosji *w Warszawie* X"
                continue
            if p in spans.bodies and not comma:  # the body a spokesperson speaks for, before
                p = spans.bodies[p]  # the name: "rzecznik rządu Adam Szłapka", "portavoz del
                continue  # Ministerio de Exteriores, Ana Gil", "juru bicara Kementerian Luar Negeri X"
            past = None if comma else self._past_body(text, folded, p, spans, how)
            if past is not None and past[1] is None:
                p = past[0]  # a city, a region or an acronym and no name after it: the title's
                continue
            decided, holder = (True, (past[1], False)) if past is not None and past[1] is not None else (
                self._holder_at(text, folded, (p, k), spans, how, (comma, joined)))
            if decided:
                return None if holder is None else (holder[0], group, holder[1])
            if comma and not self._portfolio_goes_on(text, folded, p):
                return None
            step = self._gap_step(folded, p, spans, first=k == 0) or _institution_step(text, folded, p) or (
                _genitive_step(text, p) if how[0] and folded.endswith(_GENITIVE_HEADS, 0, e) else None)
            if step is None:
                return None
            joined = text[p:step[0]].islower() and _joins(folded[p:step[0]]) and spans.covering(p) is None
            p, adjective = step
            comma, group = False, adjective if group is None else group
        return None

    def _holder_at(self, text: str, folded: str, at: tuple[int, int], spans: _Taken, how: tuple[bool, _Nouns],
                   marks: tuple[bool, bool]) -> tuple[bool, tuple[tuple[int, int], bool] | None]:
        """Whether the token at ``at[0]`` (the ``at[1]``-th after the title) decides the
        holder, and the holder's name span and whether a comma set it off (None: no holder);
        ``marks``: a comma came before the token, the token before was a function word."""
        (p, k), (comma, joined) = at, marks
        if not text[p:p + 1].isupper():
            return False, None
        run = self._name_run(text, folded, p, spans, (how[0], _NO_NOUNS) if comma else how)
        if run is None:
            return False, None
        holder = None if comma or k == 0 else self._after_portfolio(text, folded, run[1], spans, how)
        if holder is not None:
            return True, (holder, True)
        if " " not in text[run[0]:run[1]] and (joined and not comma or comma and LIST_GOES_ON.match(text, run[1])):
            tail = None if comma else self._portfolio_tail(text, folded, run[1], spans, how)
            return True, None if tail is None else (tail, "," in text[run[1]:tail[0]])  # "il sindaco di *Pescara*", "presidente
            # da *Petrobras*": a place, a body; "Badan Meteorologi, *Klimatologi*, dan Geofisika": a
            # body's list of fields; a portfolio of several words before a name ("ministre de la
            # *Transition écologique* Agnès Martin")
        named = None if comma else self._name_after_acronym(text, folded, run[1], spans, how)
        return True, ((named, False) if named is not None else (run, comma))  # the name after a
        # portfolio's acronym: "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (PANRB) X"

    def _portfolio_tail(self, text: str, folded: str, end: int, spans: _Taken,
                        how: tuple[bool, _Nouns]) -> tuple[int, int] | None:
        """The holder's name after the rest of a portfolio whose first word, capitalised after
        a function word, ends at ``end``: lower-case adjectives and function words, and
        capitalised words after a conjunction, a function word or a comma ("Transition
        *écologique*", "Affari *esteri tunisino*", "Ciência*, Tecnologia e Inovação*",
        "Solidarités *et des Familles*"), at most :data:`_TAIL_WORDS` of them, then a name of
        two capitalised words or more right after a word of the portfolio; None when a word of
        a clause or a place comes first, a mark ends the stretch or no such name follows
        ("il sindaco di Pescara *ha* detto", "presidente da Petrobras *em* Brasília")."""
        opens = False  # the token before was a conjunction, a function word or a comma
        for words, w in enumerate(_APPOSITION_TOKEN.finditer(text, end, min(len(text), end + _APPOSITION_REACH))):
            gap, end = text[end:w.start()], w.end()
            if words > _TAIL_WORDS or not w.group()[0].isalpha() or gap.strip(" ,") or (
                    ", " in gap and not opens and not w.group()[0].isupper()):
                return None  # a full stop, a bracket or a quote: no portfolio runs past it
            hit = spans.covering(w.start())
            if hit is not None and spans.person(hit[2]):
                return None
            low = folded[w.start():w.end()]
            if w.group()[0].isupper() and not (opens or ", " in gap):
                run = self._name_run(text, folded, w.start(), spans, how)
                return run if run is not None and " " in text[run[0]:run[1]] else None
            if w.group()[0].islower() and low not in self.vocab and self._demonym(low) is None and not (
                    _title_adjective(low, spans.lang)) and _clause_word(
                    low, how[0], spans.lang, False, folded[w.end():w.end() + 4]):
                return None  # "il sindaco di Pescara *ha* detto": a clause, no portfolio
            opens = w.group()[0].islower() and (_joins(low) or low in _CONJUNCTIONS)
        return None

    def _portfolio_goes_on(self, text: str, folded: str, p: int) -> bool:
        """Whether the word after a comma at ``p`` goes on with a portfolio's list: a
        capitalised portfolio word, or a conjunction before one ("Menteri Ekonomi,
        *Perdagangan*, *dan* Industri")."""
        w = _WORD_AFTER.match(folded, p)
        if w is not None and w.group() in _CONJUNCTIONS:
            w = _WORD_AFTER.match(folded, w.end() + 1) if folded.startswith(" ", w.end()) else None
        return w is not None and text[w.start():w.start() + 1].isupper() and w.group() in self.vocab

    def _name_after_acronym(self, text: str, folded: str, end: int, spans: _Taken,
                            how: tuple[bool, _Nouns]) -> tuple[int, int] | None:
        """The name after a portfolio's acronym in brackets, when capitalised words and
        conjunctions go on from ``end`` to it (the words before were the portfolio's:
        "Pendayagunaan Aparatur Negara *dan Reformasi Birokrasi (PANRB)* Rini Widyantini")."""
        m = TO_ACRONYM.match(text, end)
        if m is None or not all(w[:1].isupper() or w in _CONJUNCTIONS for w in m.group(1).split()):
            return None
        p = past_acronym(text, m.end(1))
        if p == m.end(1) or not text.startswith(" ", p) or not text[p + 1:p + 2].isupper():
            return None
        run = self._name_run(text, folded, p + 1, spans, how)
        return run if run is not None and (" " in text[run[0]:run[1]] or spans.lang in _ONE_WORD_NAMES) else None

    def _past_body(self, text: str, folded: str, p: int, spans: _Taken,
                   how: tuple[bool, _Nouns]) -> tuple[int, tuple[int, int] | None] | None:
        """A place, a region, a body in the genitive or an acronym at ``p`` between a title
        and its holder's name ("Prezydent *Warszawy* Rafał Trzaskowski", "Gubernur *Jawa Barat*
        X", "Dyrektor *Lasów Państwowych* X", "Ravnatelj *HZZO-a* Lucian Vukelić", "sindaco
        di *Milano*"): (its end, the name after it), the name None when no capitalised word
        follows (the place or body is the title's, no name); None when none is at ``p``, a
        place opens a name of two words ("Paris Ortega"), or words in the genitive are no
        body followed by a name."""
        if not text[p:p + 1].isupper() or spans.covering(p) is not None:
            return None  # places and acronyms are capitalised; a known name is stepped over as a
            # mention ("представитель *МИД России* Наталья Орлова")
        end = region_end(text, folded, p, spans.lang) or spans.place_end(p)
        genitive = end is None and (end := genitive_body_end(text, folded, p, spans.lang)) is not None
        acronym = end is None and (end := acronym_end(text, p)) is not None
        if end is None:
            return None
        if text[end:end + 1] != " " or not text[end + 1:end + 2].isupper():
            return None if genitive else (end, None)  # a name in the genitive ("według rzeczniczki
            # *Anny Kowalskiej*") is no body; only a name after them tells them a body's
        company = _RUN.match(text, end + 1) if acronym and text[p:end] in company_openers(spans.lang) else None
        if company is not None:  # "Direktur Utama PT Kereta Api,": the company's name, no person's
            return company.end(), None
        run = self._name_run(text, folded, end + 1, spans, how)
        if run is not None and (acronym or " " in text[run[0]:run[1]]):
            return end, run
        return (end, None) if run is None and not genitive else None

    def _gap_step(self, folded: str, p: int, spans: _Taken, first: bool = False) -> tuple[int, int | None] | None:
        """The end of the token at ``p`` between a title and a name, and the country it
        names, or None when no such token is there. ``first``: the token follows the
        title, where a country adjective the gazetteer lacks may stand ("il primo ministro
        libanese Nawaf Salam", "O Presidente angolano, João Lourenço")."""
        hit = spans.covering(p)
        if hit is not None:
            return None if hit[0] != p or spans.person(hit[2]) else (hit[1], hit[2])
        w = _WORD_AFTER.match(folded, p)
        if w is not None and w.group() in _CONJUNCTIONS and self._portfolio_goes_on(spans.text, folded, p):
            return w.end(), None  # "Menteri Energi *dan* Sumber Daya Mineral", "ministro de Minas *e* Energia"
        if w is None or w.group() in _CONJUNCTIONS or _locative(w.group(), spans.lang, folded[w.end():w.end() + 4]):
            return None
        if _ELIDED.match(w.group()) is not None:
            return w.end(), None  # "dell'Economia", "de l'Intérieur": the portfolio
        adjective = self._demonym(w.group())
        if adjective is None and not (w.group() in self.vocab or len(w.group()) <= 3 or w.group() in _GAP_WORDS or (
                first and _title_adjective(w.group(), spans.lang))):
            return None
        return w.end(), adjective

    def _apposition(self, text: str, folded: str, e: int, spans: _Taken,
                    how: tuple[bool, _Nouns]) -> tuple[tuple[int, int], int | None, bool] | None:
        """(name span, country, True) of a name of two words or more set off by commas after
        a title whose portfolio runs over commas and conjunctions ("The Minister for
        Agriculture, Food and the Marine, *Martin Heydon*,", "le ministre des Ressources
        animales et halieutiques, *Sidi Touré*,", "Ministar poljoprivrede, šumarstva i
        ribarstva, *David Vlajčić*,"); None when a word of a clause, a place, a sentence's
        end or a person stands before such a name."""
        limit = min(len(text), e + _APPOSITION_REACH)
        group, joined = None, False
        for words, w in enumerate(_APPOSITION_TOKEN.finditer(text, e, limit)):
            token = w.group()
            if not token[0].isalpha() or words >= _APPOSITION_WORDS:
                return None  # a full stop, a bracket or a quote: no portfolio runs past it
            hit = spans.covering(w.start())
            if hit is not None and spans.person(hit[2]):
                return None
            if token[0].isupper() and words and text.startswith(", ", w.start() - 2):
                run = self._name_run(text, folded, w.start(), spans, (how[0], _NO_NOUNS))
                if run is not None and " " in text[run[0]:run[1]] and text.startswith(",", run[1]):
                    return run, group, True
            low = folded[w.start():w.end()]
            adjective = self._demonym(low) if token[0].islower() else None  # "le ministre *sénégalais* de"
            if token[0].islower() and adjective is None and _clause_word(
                    low, how[0], spans.lang, joined, folded[w.end():w.end() + 4]):
                return None
            joined = token[0].islower() and _joins(low)
            group = group if group is not None else hit[2] if hit is not None else adjective
        return None

    def _after_portfolio(self, text: str, folded: str, end: int, spans: _Taken,
                         how: tuple[bool, _Nouns]) -> tuple[int, int] | None:
        """The holder's name in "title of Portfolio, Name," ("O ministro da Fazenda,
        Fernando Haddad, ...", "el secretario de Hacienda, Édgar Amador Zamora, ..."): the
        capitalised words after a function word are the portfolio when a name set off by
        commas follows them; None when none does."""
        m = PORTFOLIO_ON.match(text, end)  # the portfolio's other capitalised words ("Meio *Ambiente*")
        end = m.end() if m is not None else end
        if not text.startswith(", ", end) or not text[end + 2:end + 3].isupper():
            return None
        run = self._name_run(text, folded, end + 2, spans, (how[0], _NO_NOUNS))
        if run is None or not (text.startswith(",", run[1]) or " " in text[run[0]:run[1]] and CLOSES.match(text, run[1])):
            return None
        return run  # set off by commas, or a full name closing the sentence ("..., Marina Silva.")

    def _name_run(self, text: str, folded: str, s: int, spans: _Taken,
                  how: tuple[bool, _Nouns]) -> tuple[int, int] | None:
        """The name's span from ``s``: capitalised words (initials, "al-Sayed" and
        particles inside: "J. K. Rowland", "Vincenzo De Luca"), none a title word, an actor
        noun, an organisation word, a known person or a non-name; no acronym opens it ("FNSEA"),
        a country only when more words follow."""
        after, nouns = how
        m = _RUN.match(text, s)
        if m is None or acronym_end(text, s) is not None:
            return None
        end, count, whole = s, 0, s  # whole: the end of the last word that may end a name
        for w in _NAME_WORD.finditer(text, s, m.end()):
            if count and (not _particles_only(folded, end, w.start(), spans.lang) or (
                    end < w.start() - 1 and spans.place_end(w.start()) is not None)):
                break  # "Marco Bellini met Tunisian ...": a verb or a conjunction ends the name, and
                # a city after a particle ("... de Madrid")
            token = name_token(folded[w.start():w.end()])
            hit = spans.covering(w.start())
            if spans.known_person(folded, s, hit):
                return None  # the first name of a known person ("Maria" Zacharowa)
            inner = count > 0 and token in NAME_PARTICLES  # "De" Luca, "Van" Rompuy
            if not inner and self._ends_name(token, count, nouns, spans.lang) or (
                    hit is not None and w.start() > s and not spans.person(hit[2]) and not _vi_syllable(
                    text, folded, (s, count), hit, spans)):
                break
            end = w.start() + len(token)
            count += 1
            whole = whole if inner or token.endswith(".") else end  # no particle nor initial ends it
        if count == 0 or count > _MAX_NAME_WORDS or whole == s or self._body_after(folded, end, m.end(), spans.lang) or (
                spans.place_end(s) == whole) or body_acronym_after(text, whole):
            return None  # a longer run of capitals is a headline in title case, not a name; one
            # that an organisation word ends or its acronym follows is a body's name ("the
            # Maritime Safety *Agency*", "Narodowy Fundusz Zdrowia *(NFZ)*"), one that is a
            # city's, no person's ("Berlin", "New York")
        first = spans.covering(s)
        if first is not None and (count < 2 or first[1] > whole or (
                after and spans.group_ending(text, s - 1) is None)):
            return None  # in such a language a country after a title is the title's, unless
            # the title already has one ("Menteri Pertahanan Israel Israel Katz")
        return s, whole

    @staticmethod
    def _body_after(folded: str, end: int, run_end: int, lang: str | None) -> bool:
        """Whether the capitalised word after a name's words (at ``end``, within the run
        of capitals ending at ``run_end``) is an organisation or institution word of
        ``lang``: the words before it name a body ("Maritime Safety *Agency*")."""
        w = _WORD_AFTER.match(folded, end + 1) if end < run_end and folded.startswith(" ", end) else None
        return w is not None and (w.group() in organisation_words(lang) or w.group() in _INSTITUTIONS)

    def _ends_name(self, token: str, count: int, nouns: _Nouns, lang: str | None = None) -> bool:
        """Whether the folded word ``token``, after ``count`` words of a name, is none of
        it: a title's word (save a Vietnamese name syllable after the first word), a
        listed non-name, an actor noun or an organisation word of ``lang`` ("Bundesagentur")."""
        if token in self.vocab:
            return not (count and token in _VI_NAME_SYLLABLES)
        return token in NOT_NAMES or nouns.opens(token) or token in organisation_words(lang)

    def _demonym(self, word: str) -> int | None:
        """The country of a country adjective, inflected endings allowed ("israelí", "israelische")."""
        for n in range(len(word), max(3, len(word) - _ENDING) - 1, -1):
            hit = self.demonyms.get(word[:n])
            if hit is not None:
                return hit
        return None

    def _before_title(self, text: str, folded: str, q: int, spans: _Taken) -> tuple[int, int | None]:
        """Where the title zone starts once the titles and the country before ``q`` are
        taken in ("Israeli Defence Minister", "Israel's Defence Minister"), and that country."""
        start, group = q, None
        while True:
            p = start - 1 if start > 0 and text[start - 1] in " \u00a0" else start
            t = _title_at(self.titles, text, folded, p, forward=False)
            if t is not None and t < start:
                start = t
                continue
            hit = spans.group_ending(text, p)
            if hit is None or group is not None:
                return start, group
            start, group = hit

    def _before_comma(self, text: str, folded: str, q: int, e: int, spans: _Taken,
                      how: tuple[bool, _Nouns]) -> Official | None:
        """"Tomas Varga, Hungary's defence minister": the name before ", [the] [country's]"
        and the title at ``[q, e)``; the mention is the name, its text the whole."""
        p, group = q, None
        for _ in range(_MAX_GAP):
            if folded.startswith(", ", p - 2):
                break
            if p < 1 or text[p - 1] != " ":
                return None
            p -= 1
            hit = spans.group_ending(text, p)
            if hit is not None:
                p, group = hit
                continue
            w = POSSESSOR_BEFORE.search(folded, max(0, p - 40), p) or _WORD_BEFORE.search(folded, max(0, p - 40), p)
            if w is None or not (w.group() in self.vocab or len(w.group()) <= 3 or spans.lang in _BODY_BEFORE_TITLE
                                 or "'" in w.group() or "’" in w.group()):  # a body owning it: "the agency's director"
                return None
            p = w.start()
        else:
            return None
        c = p - 2
        s = self._name_ending(text, folded, c, spans, how)
        return None if s is None else Official(s, c, text[s:c], group, (s, e))

    def _name_ending(self, text: str, folded: str, c: int, spans: _Taken, how: tuple[bool, _Nouns]) -> int | None:
        """The start of the longest name (:meth:`_name_run`, up to :data:`_MAX_NAME_WORDS`
        capitalised words) that ends at ``c``, or None."""
        words = list(CAPITALISED_WORD.finditer(text, max(0, c - _COMMA_REACH), c))
        if not words or words[-1].end() != c:
            return None
        firsts = [words[-1].start()]
        for w in reversed(words[:-1]):
            if len(firsts) >= _MAX_NAME_WORDS or not NAME_GAP.fullmatch(text, w.end(), firsts[-1]):
                break
            firsts.append(w.start())
        for s in reversed(firsts):  # the longest name that ends at ``c``
            run = self._name_run(text, folded, s, spans, how)
            if run is not None and run[1] == c:
                return s
        return None

    # ------------------------------------------------------------ brackets

    def _bracketed(self, text: str, folded: str, starts: dict[int, int], spans: _Taken,
                   how: tuple[bool, _Nouns]) -> list[Official]:
        """People named in brackets after an office and its body ("the head of the agency
        (Maria Lopez)", "Kepala Badan Pangan Nasional (Arief Prasetyo Adi)"), or named before
        a bracket that holds an office ("Maria Lopez (head of the agency)", "Ahmet Yıldız
        (Ticaret Bakanı)"); the mention is the name, its text the name and the office."""
        out = []
        for e, q in starts.items():
            inside = bracket_after(text, e)
            name = self._bracket_name(text, folded, inside, spans, how) if inside is not None else None
            if inside is not None and name is not None:
                out.append(Official(name[0], name[1], text[name[0]:name[1]], None, (q, inside[1] + 1)))
            around = bracket_around(text, q, e)
            if around is not None and text[around[0] - 2:around[0] - 1] == " ":
                c = around[0] - 2
                s = self._name_ending(text, folded, c, spans, (how[0], _NO_NOUNS))
                if s is not None and (" " in text[s:c] or spans.lang in _ONE_WORD_NAMES):
                    out.append(Official(s, c, text[s:c], None, (s, around[1] + 1)))
        return out

    def _bracket_name(self, text: str, folded: str, inside: tuple[int, int], spans: _Taken,
                      how: tuple[bool, _Nouns]) -> tuple[int, int] | None:
        """The name that fills a bracket (``inside``: what it holds): capitalised words, two
        or more (one in a language of one-word names), no acronym ("(FAO)"), no known body."""
        s, c = inside
        if not text[s:s + 1].isupper() or acronym_end(text, s) is not None:
            return None
        run = self._name_run(text, folded, s, spans, (how[0], _NO_NOUNS))
        if run is None or run[1] != c or not (" " in text[s:c] or spans.lang in _ONE_WORD_NAMES):
            return None
        return run

    # ------------------------------------------------------------ unspaced scripts

    def _korean(self, text: str, folded: str, spans: _Taken) -> list[Official]:
        """"조현 외교부 장관", "이스라엘 카츠 국방장관", "카츠 이스라엘 국방장관"."""
        out: list[Official] = []
        for m in self._ko_re.finditer(text) if self._ko_re is not None else ():
            s, e = m.span(1)
            group = None
            hit = spans.covering(s)
            if hit is not None and not spans.person(hit[2]) and hit[1] == e:
                group = hit[2]  # a country before the title: the name is the word before it
                prev = _KO_NAME_BEFORE.search(text, max(0, s - 12), s)
                if prev is None:
                    continue
                s, e = prev.span(1)
                hit = spans.covering(s)
            name = text[s:e]
            if hit is not None or name.endswith(_KO_NOT_NAME_ENDS) or name in self.vocab or all(
                    c in _KO_COUNTRY_SYLLABLES for c in name) or (group is None and _ko_not_korean_name(name, m.group(2))):
                continue
            before = spans.group_ending(text, s - 1) if s > 0 and text[s - 1] == " " else None
            if group is None and before is not None:
                group = before[1]
            out.append(Official(before[0] if before else s, m.end(), name, group))
        return out + self._korean_after_title(text, spans, out)

    def _korean_after_title(self, text: str, spans: _Taken, found: Sequence[Official]) -> list[Official]:
        """Korean names written after their title ("대변인 이재웅은", "외교부 대변인 이재웅은"),
        where no name before a title (:meth:`_korean`) already covers them."""
        out: list[Official] = []
        for m in self._ko_after_re.finditer(text) if self._ko_after_re is not None else ():
            s, e = m.span(1)
            if spans.covering(s) is None and all(o.end <= m.start() or o.start >= e for o in found):
                out.append(Official(m.start(), e, text[s:e], None))
        return out

    def _japanese(self, text: str, folded: str, spans: _Taken) -> list[Official]:
        """"カッツ国防相", "イスラエルのカッツ国防相", "韓国の趙顕外相"."""
        out: list[Official] = []
        for m in self._ja_re.finditer(text):
            k = 1 if m.group(1) else 2
            s, e = m.span(k)
            name = text[s:e]
            if spans.covering(s) is not None or spans.covering(e - 1) is not None or (
                    k == 2 and self._ja_han_no_name(name, m.group(3), text[e:m.end()])) or all(
                    c in _JA_COUNTRY_CHARS for c in name):
                continue
            before = spans.group_ending(text, s)
            if before is None and k == 2 and m.group(3) in _JA_HOME_TITLES and not _ja_family_first(name):
                continue  # "経団連会長", "日商会頭": a body's abbreviation and its head, no name
            out.append(Official(before[0] if before else s, m.end(), name,
                                before[1] if before else None))
        return out

    def _ja_han_no_name(self, name: str, title: str, rest: str) -> bool:
        """Whether the Han ``name`` before a Japanese ``title`` (``rest``: the text from the
        name's end to the title's) is no name: a word no name is written with, or a
        country's abbreviation heading a longer title (:meth:`_country_title`)."""
        return not _han_name_ok(name) or self._country_title(name, rest)

    def _country_title(self, name: str, title: str) -> bool:
        """Whether a Japanese ``name`` read before ``title`` is a country's one-character
        abbreviation and the head of a longer title: "*米商務*長官" is the US (米) commerce
        secretary (商務長官), no one named 米商務."""
        return any(name[i:] + title in self._han_titles and all(c in _JA_COUNTRY_CHARS for c in name[:i])
                   for i in range(1, len(name)))

    def _chinese(self, text: str, folded: str, spans: _Taken) -> list[Official]:
        """"以色列国防部长卡茨表示", "韩国外长赵显周二说"."""
        out: list[Official] = []
        for m in self._zh_re.finditer(text):
            s, e = m.span(1)
            name = text[s:e]
            if ("·" not in name and len(name) > 4) or not _han_name_ok(name) or name.startswith(_ZH_NOT_FIRST) or (
                    spans.covering(s) is not None or spans.covering(e - 1) is not None):
                continue
            before = _zh_group_before(text, m.start(), spans)
            out.append(Official(before[0] if before else m.start(), e, name,
                                before[1] if before else None))
        return out

    def _ar_officials(self, text: str, folded: str, spans: _Taken) -> list[Official]:
        """The officials after an Arabic title (:func:`~._arabic_officials.ar_title_officials`)."""
        return [Official(*o) for o in ar_title_officials(self._ar, text, folded, spans)]


def _titles_in(automaton: Any, folded: str) -> dict[int, int]:
    """Title end -> start of the longest title of ``automaton`` (title -> its length)
    ending there as whole words, for every title in ``folded`` (one pass, in C); none
    without an automaton."""
    starts: dict[int, int] = {}
    if automaton is None:
        return starts
    size = len(folded)
    for last, n in automaton.iter(folded):
        q = last + 1 - n
        if (last + 1 == size or not folded[last + 1].isalnum()) and word_ok_before(
                folded, q) and word_ok_after(folded, last + 1):
            starts[last + 1] = min(q, starts.get(last + 1, q))
    return starts


def _by_family_name(text: str, found: list[Official], title: str, spans: _Taken) -> list[Official]:
    """The places where a Chinese or Korean official of ``found`` is named again by the
    family name and a title ("王部长", "정 장관" after "王立平", "정민호"), as that
    official (:func:`family_repeats`, the officials told apart by name)."""
    people = [(o.start, o.name, o.name) for o in found]
    repeats = family_repeats(text, people, title, lambda s, e: spans.covering(s) is None)
    return [Official(s, e, name, None) for s, e, name in repeats]


def family_repeats(text: str, people: Iterable[tuple[int, str, _K]], title: str,
                   free: Callable[[int, int], bool]) -> list[tuple[int, int, _K]]:
    """The places where a Chinese or Korean person of ``people`` (``(start, name, key)``
    of each mention: an official found by name, a person the gazetteer knows by entry) is
    named again by the family name and a title ("王部长", "정 장관" after "王立平",
    "정민호"; "조 장관은" after "조현 외교부 장관", "王外长" after "王毅"), as ``(start, end,
    key)``: only a family name that one key has (two 王 could be either), only after that
    person's first mention, and only where ``free`` says no mention stands."""
    keys: dict[str, set[_K]] = {}
    first: dict[str, int] = {}
    for start, name, key in people:
        family = family_name(name)
        if family is not None:
            keys.setdefault(family, set()).add(key)
            first[family] = min(start, first.get(family, start))
    out = []
    for family, held in keys.items():
        if len(held) != 1:
            continue
        (key,) = held
        for m in re.finditer(re.escape(family) + title, text):
            # a Hangul syllable before would make the family name part of a word; Chinese
            # writes no spaces, so any character may stand before it ("会见王部长")
            before = script_of(text[m.start() - 1]) if m.start() else None
            if m.start() > first[family] and before != Script.HANGUL and free(m.start(), m.end()):
                out.append((m.start(), m.end(), key))
    return out


def _ja_family_first(name: str) -> bool:
    """Whether the Han ``name`` opens with a common Japanese family name of one to three
    characters (japanese-personal-name-dataset's list: "植田", "森山", "佐藤")."""
    families = ja_family_names()
    return any(name[:n] in families for n in (2, 1, 3) if n < len(name))


def _ko_not_korean_name(name: str, title: str) -> bool:
    """Whether ``name``, read before the title of a party, a firm, a city or a body that only
    Korean news name (:data:`_KO_HOME_TITLES`), is no Korean name of a family name and two
    syllables: "이날 더불어민주당 대표는" (that day), "국민의힘 원내대표는" (the party) name
    nobody, "박찬대 원내대표는" does."""
    return title in _KO_HOME_TITLES and not (len(name) == 3 and name[0] in _KO_FAMILY)


def _han_name_ok(name: str) -> bool:
    """Whether Han characters in a title's place may be a person's name: none of
    :data:`_HAN_NOT_NAME`, and none of :data:`_HAN_INSIDE_ONLY` at an edge."""
    return not (any(c in _HAN_NOT_NAME for c in name) or name[0] in _HAN_INSIDE_ONLY
                or name[-1] in _HAN_INSIDE_ONLY)


def _zh_group_before(text: str, start: int, spans: _Taken) -> tuple[int, int] | None:
    """(start, entry) of the country or organisation before a Chinese title at ``start``,
    right before it or before a portfolio or posting of up to :data:`_ZH_PORTFOLIO` Han
    characters ("法国财政部长", "美国驻华大使")."""
    for k in range(_ZH_PORTFOLIO + 1):
        if k and not ("\u4e00" <= text[start - k:start - k + 1] <= "\u9fff"):
            return None
        hit = spans.group_ending(text, start - k)
        if hit is not None and text[hit[0] - 1:hit[0]] not in ("驻", "駐"):
            return hit  # "中国驻*联合国*大使" speaks for China, not the United Nations
    return None


#: the prepositions of a title's posting, before the place or country where its holder
#: serves: the locatives and "to", "a", "untuk", "para", "при", "pri" ("Ambassador *to*
#: France", "ambasciatore russo *a* Roma", "Duta Besar Rusia *untuk* Indonesia")
_POSTING = _LOCATIVES | {"to", "a", "untuk", "para", "при", "pri"}


def _posting(text: str, folded: str, p: int, spans: _Taken) -> int | None:
    """The end of a title's posting at ``p``, a :data:`_POSTING` preposition and a known
    place or a country after it, when a name follows (after a comma or a space): "ambassador
    *in Paris*, Ivan Sokolov", "Ambassador *to France* Ivan Sokolov", "embajador ruso *en
    Madrid*, Iván Sokolov", "Ambasador Rosji *w Warszawie* Iwan Sokołow"; None otherwise
    ("his counterpart in New Delhi" and no name: a place the title names, as before)."""
    w = _WORD_AFTER.match(folded, p)
    if w is None or w.group() not in _POSTING or not text.startswith(" ", w.end()):
        return None
    q = w.end() + 1
    hit = spans.covering(q)
    end = hit[1] if hit is not None and hit[0] == q and not spans.person(hit[2]) else spans.place_end(q)
    if end is None:
        return None
    after = end + 2 if text.startswith(", ", end) else end + 1 if text.startswith(" ", end) else None
    return end if after is not None and text[after:after + 1].isupper() else None


def _genitive_step(text: str, p: int) -> tuple[int, None] | None:
    """The end of a lower-case portfolio word at ``p`` after a title in a language with
    cases ("Minister *rolnictwa* Jan Kowalski", "Министр *финансов* Антон Волков",
    "ministrica *financija*", "міністр *охорони* *здоров'я*"), a conjunction between two
    such words included ("minister klimatu *i* środowiska"); None for a capitalised word
    or a verb in the past tense ("Министр *заявил*")."""
    w = _WORD_AFTER.match(text, p)
    if w is None or not w.group()[0].islower() or _PAST_TENSE.search(w.group()) is not None or (
            w.group() in _LOCATIVES):  # "rzeczniczka resortu *w* Warszawie": a place, no name
        return None
    if w.group() in _CONJUNCTIONS and not text[w.end() + 1:w.end() + 2].islower():
        return None
    return w.end(), None


def _institution_step(text: str, folded: str, p: int) -> tuple[int, None] | None:
    """The end of an institution a title names and the words qualifying it, when a
    comma follows ("président du *Conseil régional*, Loïg Chesnais-Girard,",
    "presidente del *Consiglio regionale*, Marco Rossi,"): the holder's name comes after
    the comma; None for any other word."""
    w = _WORD_AFTER.match(folded, p)
    if w is None:
        return None
    if w.group() in _INSTITUTIONS:
        end = w.end()
    else:  # the title ends with the institution ("presidente del Consiglio" regionale)
        before = _WORD_BEFORE.search(folded, max(0, p - 20), max(0, p - 1))
        if before is None or before.group() not in _INSTITUTIONS:
            return None
        end = p - 1
    m = _QUALIFIERS.match(text, end)
    return (m.end(), None) if m is not None and m.end() > p else None


def _vi_portfolio_end(text: str, folded: str, e: int) -> int:
    """Past the portfolio of a Vietnamese minister whose title is not listed with it
    ("Bộ trưởng *Nông nghiệp* Trần Văn Hải", "Bộ trưởng *Giáo dục và Đào tạo* Lê Minh
    Tuấn"): a capitalised word and lower-case ones (joined by "và"), when a name of two
    capitalised words or more follows; ``e`` itself otherwise."""
    if not folded.endswith(_VI_PORTFOLIO_TITLES, 0, e):
        return e
    m = _VI_PORTFOLIO.match(text, e)
    return m.end() if m is not None else e


#: how many words of a body may stand between a Vietnamese title and a name
_VI_BODY_WORDS = 10
_VI_WORD = re.compile(r"[^\W\d_]+")
#: the words of a Vietnamese body that may open it after a title ("Sở", "Ngân hàng", "Cục"),
#: which no personal name opens
_VI_BODY_START = re.compile(r" (?:Sở|Bộ|Cục|Tổng cục|Viện|Ngân hàng|Ủy ban|Uỷ ban|Cơ quan|Công ty|Tập đoàn|Trung tâm"
                            r"|Văn phòng|Hội đồng|Thanh tra|Tổng công ty|Học viện|Bệnh viện|Trường)(?![\w])")
#: the words before the name of a city or a district, which may be a person's ("TP Hồ Chí
#: Minh", "quận Hai Bà Trưng", "phường Nguyễn Du"): a family name after one opens the place,
#: no person ("Hồ"); not a province's ("UBND tỉnh Nguyễn Hữu Tâm": the province left unnamed)
_VI_PLACE_WORDS = frozenset({"tp", "phố", "quận", "huyện", "phường"})
#: Vietnamese words of a clause, which no body between a title and a name holds: places
#: ("tại", "ở"), conjunctions, tense and the verbs of saying and meeting
_VI_NOT_BODY = frozenset({"tại", "ở", "với", "và", "đã", "sẽ", "đang", "cho", "nói", "là", "khi", "trong",
                          "sau", "trước", "về", "đến", "từ", "được", "cũng", "tiếp", "gặp",
                          "có", "này", "đó", "thì", "mà", "vì", "nhưng"})


def _vi_name_after(text: str, folded: str, e: int,
                   spans: _Taken) -> tuple[tuple[int, int], int | None, bool] | None:
    """(name span, country, False) of a Vietnamese name after the title ending at ``e`` and
    the body the title names ("Giám đốc *Sở Y tế Hà Nội* Trần Thị Nhị Hà", "Chủ tịch *UBND
    TP Hồ Chí Minh* Phan Văn Mãi", "Thống đốc *Ngân hàng Nhà nước* Nguyễn Thị Hồng"): the
    first common family name that opens two to four capitalised syllables ending the run of
    capitals, within :data:`_VI_BODY_WORDS` words of the title, the body opening with a
    capital; None when there is none, or a known person or a punctuation mark comes first."""
    if not text.startswith(" ", e) or not text[e + 1:e + 2].isupper():
        return None
    words: list[re.Match[str]] = []
    for m in _VI_WORD.finditer(text, e + 1):
        if m.start() != (words[-1].end() + 1 if words else e + 1) or len(words) == _VI_BODY_WORDS + 5 or (
                folded[m.start():m.end()] in _VI_NOT_BODY):
            break  # anything but one space between two words ends the stretch, and so does a word of
            # a clause ("Tổng thống Pháp *tại* Hà Nội", "Chủ tịch Quốc hội *đã* tiếp ...")
        words.append(m)
    caps = [w.group()[0].isupper() for w in words] + [False]
    group = None
    for i, w in enumerate(words[:_VI_BODY_WORDS + 1]):
        hit = spans.covering(w.start())
        if hit is not None and spans.person(hit[2]):
            return None
        group = hit[2] if hit is not None and group is None else group
        if caps[i] and hit is None and folded[w.start():w.end()] in _VI_FAMILY_NAMES and not (
                i and folded[words[i - 1].start():words[i - 1].end()] in _VI_PLACE_WORDS):
            n = caps.index(False, i) - i
            end = words[i + n - 1].end()
            if 2 <= n <= 4 and i + n < len(words) + (len(words) <= _VI_BODY_WORDS + 4) and spans.place_end(
                    w.start()) != end:  # no city ("Hà Nội")
                return (w.start(), end), group, False
    return None


def _vi_no_name(text: str, folded: str, span: tuple[int, int]) -> bool:
    """Whether the capitalised words at ``span`` after a Vietnamese title are a body's or a
    place's, no name: they open with a body word ("Sở Y", "Bộ Y tế") or follow a word that
    opens a city's or a district's name ("UBND TP *Hồ Chí Minh*")."""
    before = folded[max(0, span[0] - 8):span[0]].split()
    return _VI_BODY_START.match(text, span[0] - 1) is not None or bool(before) and before[-1] in _VI_PLACE_WORDS


def _vi_syllable(text: str, folded: str, at: tuple[int, int], hit: tuple[int, int, int], spans: _Taken) -> bool:
    """Whether the country mention ``hit``, word ``at[1]`` of a name begun at ``at[0]``,
    is a syllable of a Vietnamese personal name: the name opens with a common family
    name, it is the second or third syllable, a one-word mention, and a capitalised
    syllable that is no mention follows ("Đỗ *Đức* Duy", "Nguyễn *Anh* Tuấn"; not
    "Phạm Minh Chính *Nga*")."""
    first = folded[at[0]:].split(" ", 1)[0]
    if first not in _VI_FAMILY_NAMES or not 1 <= at[1] <= 2 or spans.person(hit[2]):
        return False
    if " " in text[hit[0]:hit[1]] or not text.startswith(" ", hit[1]):
        return False
    return text[hit[1] + 1:hit[1] + 2].isupper() and spans.covering(hit[1] + 1) is None


def _clause_word(low: str, cased: bool, lang: str | None, joined: bool, after: str = "") -> bool:
    """Whether the folded lower-case word ``low`` makes the words after a title a clause
    or a place, no portfolio: a pronoun, a verb, a locative preposition of ``lang``, or
    (``cased``: a language with cases, whose portfolio is in the genitive) a verb in the
    past tense; elsewhere any word but a short function word, a conjunction, a Romance
    adjective ("animales et halieutiques", "Souveraineté alimentaire", "Mobilité durable")
    or (``joined``: after a function word) the noun of a body's field ("directeur de
    l'agence régionale de *santé*", "director of the *agency*")."""
    if low in _NOT_PORTFOLIO or _locative(low, lang, after):
        return True
    if cased:
        return _PAST_TENSE.search(low) is not None
    return not (joined or _joins(low) or low in _CONJUNCTIONS or _PORTFOLIO_ADJECTIVE.search(low) is not None)


def _title_adjective(word: str, lang: str | None) -> bool:
    """Whether the folded lower-case ``word`` right after a title is an adjective of it: a
    country's (:data:`_ADJECTIVE_END`: "il primo ministro *libanese*"), Europe's ("commissario
    *europeo*"), a portfolio's (:data:`_PORTFOLIO_ADJECTIVE`: "el vocero *presidencial*") or,
    in Polish and Croatian, any (:data:`SLAVIC_ADJECTIVE`: "rzecznik *prasowy*")."""
    return (_ADJECTIVE_END.search(word) is not None or word.startswith("europ")
            or _PORTFOLIO_ADJECTIVE.search(word) is not None
            or lang in ("pl", "hr") and SLAVIC_ADJECTIVE.search(word) is not None)


def _after_join(text: str, e: int, s: int) -> bool:
    """Whether the word right before ``s``, after a title ending at ``e``, is a lower-case
    function word (:func:`_joins`: "of", "de", "della"): what follows names a body or a place."""
    words = text[e:s].split()
    return bool(words) and words[-1].islower() and _joins(words[-1].lower())


def _joins(low: str) -> bool:
    """Whether the folded lower-case word ``low`` is a function word that joins a title to
    its portfolio or body: three letters or fewer ("de", "of", "the"), a longer one of
    :data:`_GAP_WORDS` ("della"), or an elided article ("l'agence")."""
    return len(low) <= 3 or low in _GAP_WORDS or _ELIDED.match(low) is not None


def _particles_only(folded: str, lo: int, hi: int, lang: str | None = None) -> bool:
    """The words between two capitalised words of a name, ``folded[lo:hi]``, are name
    particles (:data:`NAME_PARTICLES`) or none; not Indonesian "di" (in: "Yoji Muto *di*
    Jakarta")."""
    return all(w in NAME_PARTICLES and not (w == "di" and lang in _ONE_WORD_NAMES) for w in folded[lo:hi].split())


_UNSPACED = (Script.HAN, Script.KANA, Script.HANGUL, Script.ARABIC)


def _alternation(titles: list[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))


#: ... or a date in digits ("国防部副部长何雷19日在北京会见", "外长王毅4月2日表示")
_ZH_AFTER_RE = "(?:" + _alternation(list(_ZH_AFTER)) + "|[0-9０-９]{1,4}[日月年号號])"
#: the commonest Korean family names, which open a name written after its title
_KO_FAMILY = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도석선설마길연위표명기반왕금옥육인맹제모탁국어"
_KO_NAME_BEFORE = re.compile(rf"(?<!{_HANGUL_WORD})({_HANGUL_WORD}{{2,5}}) $")


def _with_repeats(text: str, found: list[Official], spans: _Taken) -> list[Official]:
    """``found`` and, after each official's first mention, the same name written again
    or, for a name of several capitalised words, its last word ("Ortega").

    Each form's places come from one pass over the text for all forms
    (:func:`_places`), and each place is examined once: an official whose mention
    ends after one of the same form examined before gets only the places before
    those (the later ones were taken or refused then, and stay so), so a long
    document with many officials stays linear."""
    if not found:
        return found
    out = list(found)
    taken = Occupied(len(text), (o.written for o in found))
    forms = [(o, _forms(o.name)) for o in found]
    places = _places(text, {f for _, fs in forms for f in fs})
    #: form -> index of its first place examined so far
    examined: dict[str, int] = {}
    for o, fs in forms:
        for form in fs:
            starts, ends = places[form]
            first = bisect.bisect_left(starts, o.end)
            for k in range(first, examined.get(form, len(starts))):
                s, e = starts[k], ends[k]
                if spans.covering(s) is not None or taken.overlaps(s, e):
                    continue
                taken.add(s, e)
                out.append(Official(s, e, o.name, None))
            examined[form] = min(first, examined.get(form, len(starts)))
    return sorted(out, key=lambda o: o.start)


def _forms(name: str) -> list[str]:
    """The forms a name is written again in: whole, and its last word when it has several."""
    forms = [name]
    last = name.split()[-1] if " " in name else ""
    if len(last) >= 3 and (last[:1].isupper() or script_of(last[0]) == Script.ARABIC):
        forms.append(last)
    return forms


_WORD_CHAR = re.compile(r"\w")


def _places(text: str, forms: Iterable[str]) -> dict[str, tuple[list[int], list[int]]]:
    """Form -> the (starts, ends) ``re.finditer`` gives for it: the form as a whole word
    in Latin or Cyrillic script, anywhere in others; one pass of an automaton of every
    form over ``text`` (pyahocorasick), then, per form, the places that do not overlap
    the one before (all places of a form have its length)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    out: dict[str, tuple[list[int], list[int]]] = {}
    for form in forms:
        out[form] = ([], [])
        automaton.add_word(form, (form, script_of(form[0]) in (Script.LATIN, Script.CYRILLIC, Script.ARABIC)))
    if not out:
        return out
    automaton.make_automaton()
    for last, (form, spaced) in automaton.iter(text):
        e = last + 1
        s = e - len(form)
        starts, ends = out[form]
        if (ends and s < ends[-1]) or spaced and (
                (s > 0 and _WORD_CHAR.match(text, s - 1)) or _WORD_CHAR.match(text, e)):
            continue
        starts.append(s)
        ends.append(e)
    return out
