"""Actor sentences of the rules backend: who makes the claim, loaded and checked.

Each line of ``tests/data/rules_actors.jsonl`` is one hand-written sentence
(written for these tests, not taken from any article) showing one mechanism of
choosing a claim's actor:

- ``meeting_people``: a meeting whose participants are people named with their
  titles ("X met his Lithuanian counterpart Y"): the actor is the people (the
  guidelines: "for a meeting, the hosts or chairs if named, else the
  participants named"), not their countries;
- ``other_party``: a pledge, refusal or warning whose sentence also names the
  other party (a recipient, the one warned, the other side of a talk, often in
  an object or oblique case or fronted): the actor is who pledges, refuses or
  warns;
- ``own_voice``: an ombudsman, a union, a party, a company, an NGO, a court or an
  armed group speaking for itself, by its name (a group noun before the name is
  not part of it: "the union CGT", "Partia Razem");
- ``home_government``: an unqualified "the government", "the foreign ministry" or
  an unnamed spokesperson of an unnamed ministry is the article's own country, and a
  named one ("外交部发言人毛宁") is the person speaking for it, both given (from the
  document's dateline, its url, or a language spoken in one country), and no
  country at all without such evidence; so are "the presidency" ("la Presidencia", "o
  Planalto", "Palazzo Chigi", "Cumhurbaşkanlığı", "Офіс президента", "الرئاسة"), a bare
  "le ministère", and a spokesperson "for the ministry" ("porte-parole du ministère"),
  which speaks for it, not an object of "for";
- ``org_name``: an organisation by the English name the guidelines and English
  news use ("IMF", "United Nations Security Council"), whatever the language; a
  named country's ministry, army or office speaks for that country ("the Russian
  Foreign Ministry warned": Russia).
- ``organisation``: an international agency, bank, court, alliance or armed group
  of the gazetteer pledging, refusing, warning or meeting, named as its own news
  writes it; an agency wins over its parent ("UN refugee agency", "Agencja ONZ ds.
  Uchodźców", "유엔난민기구": UNHCR, not United Nations; "the UN's World Health
  Organization", "联合国世界卫生组织": WHO, and so for the IAEA and the Security Council).
- ``central_bank``: an unqualified "the central bank" ("Merkez Bankası", "Нацбанк",
  중앙은행, "البنك المركزي") is the central bank of the article's own country (as for
  ``home_government``; the gazetteer's ``central_bank_of``); a bank or country named with
  it ("Turkey's central bank", 유럽중앙은행) is that one.
- ``dateline_place``: a report that opens with the capital it was filed from
  ("Київ – Міністр ...", "Lisboa, 3 jun 2025 (Lusa) - O ministro ..."): the
  place is no government acting in the first sentence.
- ``surname_later``: a person named in full once, then by the surname alone or after a
  title or an honorific ("M. Dufresne", "Frau Hartwig", "王部长", "정 장관", "林田外相";
  in Vietnamese by the given name, "Bộ trưởng Hải"), makes a claim in a later sentence:
  the actor is the full name from before (two or three sentences);
- ``trailing_pronoun``: a claim followed by a reporting clause whose subject is a
  pronoun or left out ("..., she said.", "..., sagte er.", "..., заявил он.", "...,
  dijo."), after a sentence naming a person: the actor is that person (with the
  country the clause names), and a clause naming its own subject ("officials said")
  adds nobody;
- ``cjk_name``: a person in no gazetteer named in Han, Kana or Hangul is named in
  English ("Wang Liping", "Naoki Ito", "Kim Min-jun"); a Taiwanese official's (whose title
  names Taiwan) in the Wade-Giles spelling Taiwan writes ("林佳龍": "Lin Chia-lung");
- ``japanese_order``: a Japanese name written in Latin letters family name first
  ("Ito Naoki" in Vietnamese news) is named in English order ("Naoki Ito");
- ``title_portfolio``: an official under a title whose portfolio the gazetteer does not
  list is found by name: a genitive after the title ("Minister rolnictwa Jan Kowalski",
  "Министр финансов ..."), a Vietnamese portfolio ("Bộ trưởng Nông nghiệp ..."), an
  Arabic one before the country adjective ("وزير المالية السعودي"), a Chinese one or a
  posting between the country and 部长 or 大使 ("中国财政部长", "中国驻日大使"), a Japanese
  X相 ("環境相"), a council or region with its qualifiers before a comma ("le président
  du Conseil régional, Loïg Chesnais-Girard,"; "Conseil" is no person), and a name set
  off by commas that opens with an actor noun ("La ministra del Turismo, Marina Rossetti,");
- ``name_inside``: a name with characters or syllables that also make title words or
  common words is read whole ("李国强", "陈新华", "佐藤国男", "Trần Văn Hải", "Lê Hoàng Nam");
- ``arabic_adjective``: an Arabic country adjective the gazetteer does not list, made from
  the country's Arabic name ("العراقي" from "العراق", "التونسي" from "تونس"), names the
  country of a title or an actor noun; a definite one after an indefinite word is a family
  name ("حسن السوداني", "الوزير أحمد المصري": no Sudan, no Egypt), and a place's name
  after the article inside a word is a common noun ("السيول", floods: not Seoul, "سيول");
- ``korean_headline``: a Korean headline names North Korea by one Han character ("北,
  한국에 도발 경고", "北한"), standing among no other Han character;
- ``cyrillic_name``: a person in no gazetteer named in Cyrillic is named in English
  spelling ("Сергей Цивилев": "Sergey Tsivilev"; Ukrainian "Ігор Шевчук": "Ihor Shevchuk").
- ``impersonal_body``: Russian and Ukrainian report a body's words with no subject, the
  body after "в"/"у" ("В МИД Кыргызстана заявили, что ...", "В Кремле предупредили",
  "У МЗС Чехії пообіцяли"): the body, or the country whose body it is, makes the claim,
  though a preposition governs it; a name after "в" with no such verb stays an object.
- ``both_sides``: a collective subject ("both sides", "the two countries", 双方, 両国,
  양국, البلدان, "обе стороны", "iki ülke") pledging with no meeting reported before it:
  the two countries or bodies named in the sentence before, in any role ("Trade between
  X and Y ..."); no actor when that sentence names more or fewer than two (never a
  wrong pair).
- ``org_shape``: a body in no gazetteer named by its shape, an organisation word leading or
  closing a proper-noun phrase ("the Mekong River Commission", "Ministerio de Agricultura",
  "Bundesamt für ...", "Управление по ...", "Rekabet Kurumu", 国家发展和改革委员会,
  공정거래위원회, "هيئة ..."; the tables of ``normalize/data/organisations``), or a phrase
  followed by its acronym in brackets: the phrase (its English name when its words are in
  the table's ``english`` part, see ``org_english``), and, for a state body, the article's
  own country; a country owning the body ("Kenya's Ministry of Health") acts;
- ``org_english``: such a body named in English, its ``text`` as written: "Ministerio de
  Sanidad" is "Ministry of Health", "Bundesministerium für Ernährung und Landwirtschaft" the
  "Federal Ministry of Food and Agriculture", 公正取引委員会 the "Fair Trade Commission"
  (the head and portfolio words of ``normalize/data/organisations/<language>.json``); a
  word the table lacks leaves the name as written ("Bundesamt für Strahlenschutz");
- ``spokesperson_body``: a spokesperson (or another official) whose title names the body
  spoken for before the name ("rzecznik rządu Adam Szłapka", "juru bicara Kementerian Luar
  Negeri Roy Soemirat", "porte-parole du Quai d'Orsay, Paul Girard", "Sprecher des
  Verteidigungsministeriums Martin Weiß"): the person says the claim, and no word of the
  body is taken for the name or for a person ("Kementerian", "Vlade Marko Milić");
- ``according_to``: a claim "according to" a named official ("According to X, ...",
  "Según ...", "Laut ...", "X'a göre ...", "По словам министра Ивана Петрова, ...", "За
  словами речниці ...", "Według ministra ...", "Prema riječima ministrice ..."): the official
  says it; a name in the genitive after a title in the genitive is named in the nominative
  ("Ivan Petrov", "Olena Koval", "Radosław Nowicki", "Ana Marić"); "Plana göre" (according
  to the plan) adds nobody;
- ``body_head``: the head of a body named with its title and the body ("central bank governor
  X", "Prezes Narodowego Banku Polskiego X", "Глава Центрального банка X", "Kepala Badan
  Meteorologi X", "Rekabet Kurumu Başkanı X") is a person who says the claim: not the body,
  nor a body swallowing the name ("Badan Meteorologi Dwi Lestari"), nor a country that
  is a first name after the title ("Senator Chad Evans": not Chad);
- ``company``: a firm named with its legal form ("Ltd", "GmbH", "S.p.A.", "A.Ş.", "PT ...",
  "ПАО «...»", 株式会社, 주식회사, 有限公司, "Công ty Cổ phần ...", "شركة ...") or a union or
  federation by its shape, for itself and not its country.

Fields: ``lang``, ``mechanism``, ``type`` (the claim the sentence states),
``actor`` (canonical names that must all be among the claim's actors), ``not``
(names that must not be among them), ``known_gap`` (optional: the backend is
known to fail it, and why; a strict xfail), ``url`` (optional: the document's
address, for the outlet's country). Stricter than the scorer, which
counts an actor right when any gold name is among the predicted ones: here the
people of a meeting must all be there and the other party must not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claimkit.extract.base import Backend
from tests._rules_helpers import actor_names, drafts

DATA = Path(__file__).parent / "data" / "rules_actors.jsonl"


@dataclass(frozen=True)
class ActorCase:
    line: int
    lang: str
    mechanism: str
    type: str
    text: str
    actor: tuple[str, ...]
    not_actor: tuple[str, ...]
    known_gap: str | None
    url: str | None = None

    @property
    def id(self) -> str:
        return f"{self.mechanism}:{self.lang}:{self.line}"


def load_actor_cases(path: Path = DATA) -> list[ActorCase]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            out.append(ActorCase(n, row["lang"], row["mechanism"], row["type"], row["text"],
                                 tuple(row["actor"]), tuple(row.get("not") or ()), row.get("known_gap"),
                                 row.get("url")))
    return out


def check_actor(backend: Backend, case: ActorCase) -> str | None:
    """None when the first claim of the case's type has the expected actors, else what went wrong."""
    found = drafts(backend, case.text, case.lang, doc_id=case.id, url=case.url)
    hits = [d for d in found if d.type == case.type]
    if not hits:
        return f"expected a {case.type}, got {sorted({d.type for d in found}) or 'nothing'}"
    got = actor_names(hits[0])
    missing = [a for a in case.actor if a not in got]
    wrong = [a for a in case.not_actor if a in got]
    if missing or wrong:
        return f"actors {got}: missing {missing}, wrongly {wrong}"
    return None
