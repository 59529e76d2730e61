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
Japanese vice ministers and parliamentary secretaries ("外務副大臣", "官房副長官", "政務官").

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
]

GUARDS = [
    # two people of the family named before: "王部长" may be either, the country acts
    ("zh", "pledge", "外交部长王毅与商务部长王文涛会见了德国客人。王部长承诺，中方将扩大进口。", ("China",)),
    ("ja", "pledge", "外相は、日本がインドネシアに巡視船を供与すると約束した。", ("Japan",)),
    ("ko", "pledge", "장관은 한국이 인도네시아에 경비함을 지원하겠다고 약속했다.", ("South Korea",)),
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


@pytest.mark.parametrize("case", GUARDS, ids=[f"{c[0]}-{i}" for i, c in enumerate(GUARDS)])
def test_no_person_made_up(backend: RulesBackend, case: tuple[str, str, str, tuple[str, ...]]) -> None:
    lang, kind, text, wanted = case
    got = actors_of(backend, text, lang, kind)
    assert all(a in got for a in wanted) and len(got) == len(wanted), f"{text!r}: {got}, wanted {wanted}"
