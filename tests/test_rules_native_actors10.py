"""Who acts in Russian, Ukrainian, Arabic, Chinese, Japanese and Korean news when the
sentence of the claim names the speaker only by a title, or by a family name and a title,
after an earlier sentence named the person in full (session of 2026-12-01, tenth, ``nat10``).

Each case is a new hand-written text of two sentences (none from an article), its language,
the claim type it states and the actor names the claim must have; the scorer counts an
actor right when any gold name is among the predicted ones, and gold names the person who
speaks, so every case gave the country alone before this change:

- a bare title with its topic or subject particle opening a Japanese or Korean sentence
  ("外相は、…と約束した", "장관은 …겠다고 약속했다"): the minister named before;
- a Korean or Chinese family name and a title standing for the person of that family named
  in full before, when the gazetteer knows that person ("조 장관은" after "조현 외교부 장관",
  "이 대통령은" after "이재명 대통령", "王外长" after "王毅", "李总理" after "李强"), as the
  officials finder already read it for the officials it finds itself;
- a Russian or Ukrainian sentence opening with "по словам" / "за словами" and a title in
  the genitive ("По словам министра, ...", "За словами міністра, ..."): the minister named
  before;

``FOUND`` are officials in one sentence the finder missed before: a Chinese name before a
date in digits ("副部长何雷19日"), a Korean vice minister's rank ("외교부 2차관", "제1차관"),
Japanese vice ministers and parliamentary secretaries ("外務副大臣", "官房副長官", "政務官"),
and the agriculture minister's short title ("農相"). ``NOT_NAMES``: a US cabinet title after
the country's abbreviation ("米商務長官") is no person named "米商務".

``REGIONS``: a Russian or Ukrainian region between a head's title and the name ("Губернатор
*Курской области* X", "Голова *Харківської області* X", "Начальник *Одеської обласної
військової адміністрації* X"), read before as a name ("Kurskoy") or as a place with no name.

``GENITIVE``: a Russian or Ukrainian name after a title in the genitive and a portfolio
("по словам министра энергетики X", "заступник міністра енергетики X"), in the nominative.

``MINISTRIES``: a country in the genitive after a ministry and its portfolio ("Министерство
энергетики *России* пообещало", "Міністерство оборони *України* попередило") acts.

``JA_BODIES``: a Japanese state body after its country as the topic ("中国外務省は、日本が
…と警告した"): the body's country acts, not the が-subject of its words.

``ARABIC_ENDS``: an Arabic name unknown to the gazetteer ends after a family name with the
article when the next word has none ("سمير الشريف *وفد* صندوق النقد": the fund's delegation
is no part of the name).

``NEXT_SPEAKER``: a lead that tells a country's claim ("북한이 … 경고했다", "Россия
пригрозила ...") followed by a sentence in which one who speaks for that country says it
("김여정 노동당 부부장은 담화에서 … 밝혔다"): gold names the speaker, so the person follows the
country (not when he or she speaks for another country).

``GUARDS`` hold what must stay as it was: a bare title with no person named before is the
article's country, not a person made up; a family name two people named before share is
neither.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

CASES = [
    ("ja", "pledge", "茂木敏充外相は東京でインドネシアの外相と会談した。\n\n外相は、日本がインドネシアに巡視船を供与すると約束した。",
     ("Toshimitsu Motegi",)),
    ("ja", "warning", "中谷元防衛相は那覇で自衛隊の部隊を視察した。\n\n防衛相は、中国の軍事活動が地域の緊張を高めるおそれがあると警告した。",
     ("Gen Nakatani",)),
    ("ja", "warning", "石破茂首相はソウルで韓国の大統領と会談した。首相は、北朝鮮の核開発が地域の平和を脅かすおそれがあると警告した。",
     ("Shigeru Ishiba",)),
    ("ko", "pledge", "조현 외교부 장관은 자카르타에서 인도네시아 외교장관과 회담했다.\n\n장관은 한국이 인도네시아에 경비함을 지원하겠다고 약속했다.",
     ("Cho Hyun",)),
    ("ko", "warning", "안규백 국방부 장관은 판문점을 방문했다.\n\n장관은 북한이 추가 도발을 할 수 있다고 경고했다.",
     ("Ahn Gyu-back",)),
    ("ko", "pledge", "이재명 대통령은 부산에서 지역 상인들을 만났다. 대통령은 정부가 소상공인 지원을 확대하겠다고 약속했다.",
     ("Lee Jae-myung",)),
    ("ko", "pledge", "조현 외교부 장관은 워싱턴에서 루비오 국무장관과 회담했다.\n\n조 장관은 한국이 미국산 에너지 수입을 늘리겠다고 약속했다.",
     ("Cho Hyun",)),
    ("ko", "pledge", "이재명 대통령은 서울에서 일본 총리와 회담했다. 이 대통령은 한국이 일본과 반도체 협력을 강화하겠다고 약속했다.",
     ("Lee Jae-myung",)),
    ("zh", "pledge", "外交部长王毅在北京会见埃及外长。\n\n王外长承诺，中方将向埃及提供紧急人道主义援助。",
     ("Wang Yi",)),
    ("zh", "refusal", "国务院总理李强在天津会见新加坡总理。李总理强调，中国不会接受任何形式的贸易霸凌。",
     ("Li Qiang",)),
    ("ru", "pledge", "Глава МИД России Сергей Лавров прибыл в Анкару.\n\nПо словам министра, Россия поставит Турции дополнительные объёмы газа.",
     ("Sergey Lavrov",)),
    ("ru", "refusal", "Министр обороны Андрей Белоусов посетил Минск.\n\nПо словам министра, Россия не будет выводить войска из Белоруссии.",
     ("Andrey Belousov",)),
    ("uk", "pledge", "Міністр закордонних справ Андрій Сибіга прибув до Варшави.\n\nЗа словами міністра, Україна надасть Польщі дані про постачання зерна.",
     ("Andrii Sybiha",)),
]

#: names the officials finder missed: a Chinese name before a date in digits, a Korean title
#: with a vice minister's rank, Japanese vice ministers and parliamentary secretaries
FOUND = [
    ("zh", "meeting", "国防部副部长何雷19日在北京会见了来访的老挝国防部副部长。", ("He Lei",)),
    ("zh", "pledge", "财政部副部长廖岷11月2日表示，中方将继续向多边开发银行增资。", ("Liao Min",)),
    ("zh", "warning", "工业和信息化部副部长辛国斌8日警告，美方加征关税将损害全球供应链。", ("Xin Guobin",)),
    ("ko", "pledge", "박윤주 외교부 1차관은 한국이 우크라이나에 인도적 지원을 늘리겠다고 약속했다.", ("Park Yoon-joo",)),
    ("ko", "warning", "김진아 외교부 2차관은 러시아가 휴전 제안을 거부하면 추가 제재가 불가피할 것이라고 경고했다.", ("Kim Jin-a",)),
    ("ja", "meeting", "宮路拓馬外務副大臣はマニラでフィリピンの外務次官と会談した。", ("Takuma Miyaji",)),
    ("ja", "pledge", "木原稔官房副長官は、政府が被災地に支援物資を送ると約束した。", ("Minoru Kihara",)),
    ("ja", "pledge", "松本尚外務大臣政務官は、日本がフィリピンに巡視船を供与すると約束した。", ("Takashi Matsumoto",)),
    ("ja", "pledge", "小泉進次郎農相は、政府が備蓄米を追加で放出すると約束した。", ("Shinjiro Koizumi",)),
]

#: a country's one-character abbreviation before a foreign cabinet title is no name: "米商務長官"
#: is the US commerce secretary (read before as a person "米商務", or "米財務")
NOT_NAMES = [
    ("ja", "meeting", "加藤勝信財務相はベッセント米財務長官と電話で会談した。", ("Zaimu Kome",)),
    ("ja", "meeting", "赤沢亮正経済再生相はワシントンで米商務長官と会談した。", ("Tsutomu Beisho",)),
]

#: a Russian or Ukrainian region in the genitive between a head's title and the name, the
#: region's word in lower case (read before as the name, or as a place with no name after)
REGIONS = [
    ("ru", "pledge", "Губернатор Курской области Александр Хинштейн пообещал, что власти восстановят все разрушенные дома до зимы.",
     ("Alexander Khinshteyn",)),
    ("ru", "pledge", "Глава Приморского края Олег Кожемяко пообещал, что регион направит в Курск строительные бригады.",
     ("Oleg Kozhemyako",)),
    ("ru", "warning", "Губернатор Белгородской области Вячеслав Гладков предупредил, что обстрелы приграничных сёл могут усилиться.",
     ("Vyacheslav Gladkov",)),
    ("uk", "warning", "Голова Харківської області Олег Синєгубов попередив, що обстріли міста можуть посилитися.",
     ("Oleh Syniehubov",)),
    ("uk", "pledge", "Начальник Одеської обласної військової адміністрації Олег Кіпер пообіцяв, що область відновить енергопостачання до ранку.",
     ("Oleh Kiper",)),
    ("uk", "warning", "Голова Дніпропетровської обласної військової адміністрації Сергій Лисак попередив, що атаки дронів можуть тривати всю ніч.",
     ("Serhii Lysak",)),
]

#: a Russian or Ukrainian name after a minister's or spokesperson's title in the genitive and
#: a portfolio ("по словам министра энергетики X", "заступник міністра енергетики X"), put in
#: the nominative (a man's name in "-а" and a soft stem decline: "Миколи Коваля" is Микола
#: Коваль), and a name in the nominative after an indeclinable title left as it is
GENITIVE = [
    ("ru", "refusal", "По словам министра энергетики Николая Ковалёва, Россия не будет сокращать добычу нефти.",
     ("Nikolai Kovalyov",)),
    ("ru", "pledge", "Замминистра финансов Алексей Моисеев пообещал, что бюджет сохранит все социальные выплаты.",
     ("Alexey Moiseyev",)),
    ("ru", "pledge", "По словам замминистра обороны Никиты Орлова, Россия поставит армии новые танки до конца года.",
     ("Nikita Orlov",)),
    ("uk", "refusal", "За словами міністра енергетики Миколи Коваля, Україна не відключатиме світло взимку.",
     ("Mykola Koval",)),
    ("uk", "refusal", "За словами заступника міністра енергетики Миколи Коваля, Україна імпортує більше газу і не відключатиме світло взимку.",
     ("Mykola Koval",)),
    ("uk", "pledge", "За словами речника міністерства Тараса Шевчука, Україна надасть Молдові 50 генераторів.",
     ("Taras Shevchuk",)),
]

#: a country in the genitive after a ministry and its portfolio owns the ministry, which
#: speaks for it (read before as governed by the portfolio noun: no actor, or the country the
#: reported words name)
MINISTRIES = [
    ("ru", "warning", "Министерство энергетики России предупредило, что Европа может столкнуться с нехваткой газа.",
     ("Russia",)),
    ("uk", "warning", "Міністерство оборони України попередило, що Росія може завдати нового удару.", ("Ukraine",)),
    ("uk", "pledge", "Міністерство енергетики України пообіцяло, що Київ відновить енергопостачання до ранку.",
     ("Ukraine",)),
    ("ru", "pledge", "Министерство финансов Казахстана пообещало, что Астана сохранит курс тенге.", ("Kazakhstan",)),
]

#: a Japanese state body after its country, marked by は, whose words (a quotative と)
#: name another country as their subject with が: the body's country acts, the other is
#: whom it warns (before: the other country alone)
JA_BODIES = [
    ("ja", "warning", "中国外務省は、日本が台湾問題に介入すれば深刻な結果を招くと警告した。", ("China",)),
    ("ja", "warning", "中国の外務省は、日本が台湾問題に介入すれば深刻な結果を招くと警告した。", ("China",)),
    ("ja", "warning", "日本の防衛省は、北朝鮮が新たなミサイルを発射するおそれがあると警告した。", ("Japan",)),
    ("ja", "warning", "ロシア国防省は、ウクライナが原発を攻撃するおそれがあると警告した。", ("Russia",)),
]

#: an Arabic name whose family name has the article ends there: the word after it, with
#: no article, is the clause's object (read before as the name's third word)
ARABIC_ENDS = [
    ("ar", "meeting", "التقى وزير المالية التونسي سمير الشريف وفد صندوق النقد الدولي في تونس.", ("Samir al-Sharif",)),
    ("ar", "meeting", "استقبل وزير الخارجية العماني خالد الهنائي وفدا إيرانيا في مسقط.", ("Khalid al-Hinai",)),
    ("ar", "meeting", "التقى وزير الزراعة المغربي أحمد البواري مزارعين متضررين من الجفاف في مكناس.", ("Ahmed El Bouari",)),
    ("ar", "meeting", "استقبل وزير الدفاع الكويتي فهد اليوسف قائد القوات الأمريكية في الكويت.", ("Fahd al-Youssef",)),
]

#: a lead that tells a country's claim, and a next sentence in which a person who speaks for
#: that country says it: the person follows the country
NEXT_SPEAKER = [
    ("ko", "warning", "북한이 한미연합훈련을 강행하면 상응하는 조치를 취하겠다고 경고했다. 김여정 노동당 부부장은 담화에서 \"모든 후과를 책임져야 할 것\"이라고 밝혔다.",
     ("North Korea", "Kim Yo Jong")),
    ("ru", "warning", "Россия пригрозила ответными мерами в случае конфискации своих активов. Официальный представитель МИД Мария Захарова заявила на брифинге, что решение ЕС незаконно.",
     ("Russia", "Maria Zakharova")),
    ("zh", "warning", "中国警告，美方若继续对台军售，将严重损害中美关系。外交部发言人毛宁在例行记者会上表示，中方的立场是一贯的。",
     ("China", "Mao Ning")),
    ("ar", "warning", "حذرت إيران من أن أي هجوم على منشآتها النووية سيقابل برد حاسم. وقال وزير الخارجية عباس عراقجي في مؤتمر صحفي إن طهران مستعدة للدفاع عن نفسها.",
     ("Iran", "Abbas Araghchi")),
]

GUARDS = [
    # two people of the family named before: "王部长" may be either, the country acts
    ("zh", "pledge", "外交部长王毅与商务部长王文涛会见了德国客人。王部长承诺，中方将扩大进口。", ("China",)),
    ("ja", "pledge", "外相は、日本がインドネシアに巡視船を供与すると約束した。", ("Japan",)),
    ("ko", "pledge", "장관은 한국이 인도네시아에 경비함을 지원하겠다고 약속했다.", ("South Korea",)),
    # the next sentence's speaker speaks for another country: not the refusal's
    ("zh", "refusal", "美国拒绝降低对华加征的关税。外交部发言人毛宁表示，中方将坚决反制。", ("United States",)),
    # a ministry in the dative is the recipient's: its country does not pledge
    ("ru", "pledge", "Германия передаст министерству обороны Украины 10 танков до конца года.", ("Germany",)),
    # a compound name goes on past "عبد الله" and a name's link ("بن")
    ("ar", "pledge", "تعهد وزير الخارجية الإماراتي عبد الله بن زايد بتقديم مساعدات إلى السودان.",
     ("Abdullah bin Zayed", "United Arab Emirates")),
]


def _check(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    lang, kind, text, wanted = case
    got = actors_of(backend, text, lang, kind)
    assert all(a in got for a in wanted), f"{text!r}: {got}, wanted {wanted}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_named_speaker_acts(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", FOUND, ids=[f"{c[0]}-{i}" for i, c in enumerate(FOUND)])
def test_official_found(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", REGIONS, ids=[f"{c[0]}-{i}" for i, c in enumerate(REGIONS)])
def test_region_stepped_over(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", GENITIVE, ids=[f"{c[0]}-{i}" for i, c in enumerate(GENITIVE)])
def test_genitive_title_name(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", MINISTRIES, ids=[f"{c[0]}-{i}" for i, c in enumerate(MINISTRIES)])
def test_ministry_country_acts(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", JA_BODIES, ids=[f"{c[0]}-{i}" for i, c in enumerate(JA_BODIES)])
def test_japanese_body_topic(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", ARABIC_ENDS, ids=[f"{c[0]}-{i}" for i, c in enumerate(ARABIC_ENDS)])
def test_arabic_name_ends(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", NOT_NAMES, ids=[f"{c[0]}-{i}" for i, c in enumerate(NOT_NAMES)])
def test_title_not_name(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    lang, kind, text, unwanted = case
    got = actors_of(backend, text, lang, kind)
    assert got and not any(a in got for a in unwanted), f"{text!r}: {got}, not {unwanted}"


@pytest.mark.parametrize("case", NEXT_SPEAKER, ids=[f"{c[0]}-{i}" for i, c in enumerate(NEXT_SPEAKER)])
def test_next_speaker_joins(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    _check(backend, case)


@pytest.mark.parametrize("case", GUARDS, ids=[f"{c[0]}-{i}" for i, c in enumerate(GUARDS)])
def test_no_person_made_up(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    lang, kind, text, wanted = case
    got = actors_of(backend, text, lang, kind)
    assert all(a in got for a in wanted) and len(got) == len(wanted), f"{text!r}: {got}, wanted {wanted}"
