"""International organisations, agencies, courts, alliances, NGOs and armed groups of
the built-in gazetteer (the block at the end of `entries` in
``src/claimkit/data/gazetteer.json``).

Every alias of those entries, put in a sentence, is found as a mention of its own
entry (so no alias is shared with another entry, which would make it ambiguous and
skipped); an agency wins over its parent when both match ("UN refugee agency":
UNHCR, not the United Nations); and sentences made of common words in every
language (acronyms written in lower case, "an Islamic state", "军事基地", "파타야")
name none of them. Every sentence is written for these tests.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from claimkit.normalize import Gazetteer, find_actors
from claimkit.text import Script, script_of

#: the entries added for international news (issue 13), in the order of the data file
NEW_ENTRIES = (
    "UNHCR", "UNICEF", "World Food Programme", "UNRWA", "OCHA", "UN General Assembly",
    "UN Human Rights Council", "UN Human Rights Office", "International Court of Justice",
    "World Trade Organization", "OPEC", "OPEC+", "European Central Bank", "Frontex",
    "International Committee of the Red Cross", "Rapid Support Forces",
    "Syrian Democratic Forces", "PKK", "Collective Security Treaty Organization",
    "Shanghai Cooperation Organisation", "Gulf Cooperation Council", "ECOWAS", "Mercosur",
    "Council of Europe", "OECD", "International Energy Agency", "Doctors Without Borders",
    "Amnesty International", "Human Rights Watch", "Reporters Without Borders",
    "Islamic State", "Al-Qaeda", "Palestinian Islamic Jihad", "Fatah", "Palestinian Authority",
    "Islamic Revolutionary Guard Corps", "European Investment Bank", "EBRD",
    "Asian Development Bank", "Asian Infrastructure Investment Bank", "African Development Bank",
    "Organisation of Islamic Cooperation", "European Court of Human Rights",
    "European Court of Justice", "International Organization for Migration", "UNDP",
    "Food and Agriculture Organization", "UNESCO", "International Labour Organization",
    "Eurogroup", "Council of the European Union", "Organization of American States", "APEC",
    "Organisation for the Prohibition of Chemical Weapons", "Interpol", "Europol", "UNIFIL",
    "MONUSCO", "Muslim Brotherhood", "Al-Shabaab", "Boko Haram", "M23", "Hayat Tahrir al-Sham",
    "People's Protection Units", "Popular Mobilization Forces", "Kataib Hezbollah",
    "Al-Qassam Brigades", "Polisario Front", "Tehrik-i-Taliban Pakistan", "Visegrad Group",
    "Weimar Triangle", "European Political Community", "Norwegian Refugee Council",
    "Save the Children", "Oxfam", "Greenpeace", "Eurasian Economic Union",
    "Southern African Development Community", "IGAD",
)
#: aliases added to entries that were there before
ADDED_ALIASES = {
    "Hamas": ("Hamás", "حركة حماس"),
    "Hezbollah": ("Hisbollah", "Hezbolá", "Hizbullah", "Хезболлах", "Хизбалла"),
    "Houthis": ("Huthi", "Huthis", "Huthi-Miliz", "hutíes", "Huti", "Husiler", "Ansar Allah",
                "أنصار الله", "جماعة الحوثي", "후티 반군"),
    "Taliban": ("talibans", "talibanes", "talebani", "talibowie", "talibani", "талибы", "таліби"),
    # the agencies as news agencies write them, and German declension after an article
    "IAEA": ("UN nuclear watchdog", "U.N. nuclear watchdog", "UN's nuclear watchdog",
             "U.N.'s nuclear watchdog", "United Nations nuclear watchdog", "UN atomic watchdog",
             "UN atomic agency", "Internationale Atomenergiebehörde",
             "Internationalen Atomenergiebehörde"),
    "World Health Organization": (
        "UN health agency", "U.N. health agency", "UN's health agency", "U.N.'s health agency",
        "Weltgesundheitsorganisation", "Organisation mondiale de la santé",
        "Organización Mundial de la Salud", "Organizzazione mondiale della sanità",
        "Organização Mundial da Saúde", "Światowa Organizacja Zdrowia",
        "Światowej Organizacji Zdrowia", "Svjetska zdravstvena organizacija",
        "Всемирная организация здравоохранения", "Всемирной организации здравоохранения",
        "Всесвітня організація охорони здоров'я", "Dünya Sağlık Örgütü", "منظمة الصحة العالمية"),
    "International Criminal Court": ("Internationale Strafgerichtshof",
                                     "Internationalen Strafgerichtshof",
                                     "Internationalen Strafgerichtshofs"),
    "European Council": ("Europäische Rat", "Europäischen Rat", "Europäischen Rates"),
    "European Parliament": ("Europäische Parlament", "Europäischen Parlament",
                            "Europäischen Parlaments"),
}


def _data_entries() -> dict[str, dict[str, Any]]:
    raw = resources.files("claimkit").joinpath("data/gazetteer.json").read_text("utf-8")
    return {e["name"]: e for e in json.loads(raw)["entries"]}


def _aliases() -> list[tuple[str, str, str | None]]:
    """(entry, alias, a language the alias is written in or None) for every new alias."""
    entries = _data_entries()
    out: list[tuple[str, str, str | None]] = []
    for name in NEW_ENTRIES:
        out.append((name, name, None))
        for a in entries[name]["aliases"]:
            text, langs = (a, None) if isinstance(a, str) else (a["text"], a["lang"])
            out.append((name, text, langs[0] if langs else None))
    for name, aliases in ADDED_ALIASES.items():
        out.extend((name, a, None) for a in aliases)
    return out


def _sentence(alias: str) -> str:
    """``alias`` as the subject of a short sentence in a script it fits."""
    scripts = {script_of(c) for c in alias if c.isalpha()}
    if scripts & {Script.HAN, Script.KANA, Script.HANGUL}:
        return f"据报道，{alias}周三表示反对。"
    if Script.ARABIC in scripts:
        return f"وقالت {alias} يوم الأربعاء إنها ترفض ذلك."
    return f"On Wednesday, {alias} said it would not accept the plan."


def test_the_new_entries_are_in_the_data_with_an_english_name_and_a_kind() -> None:
    entries = _data_entries()
    assert len(NEW_ENTRIES) >= 60
    assert len(set(NEW_ENTRIES)) == len(NEW_ENTRIES)
    names = list(entries)
    # one block at the end of the file, after the entries that were there before
    assert names[-len(NEW_ENTRIES):] == list(NEW_ENTRIES)
    for name in NEW_ENTRIES:
        assert entries[name]["kind"] in ("organisation", "group"), name
        assert name.isascii() or name == "OPEC+", name


@pytest.mark.parametrize(("name", "alias", "lang"), _aliases(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_every_new_alias_names_its_entry_in_a_sentence(name: str, alias: str,
                                                       lang: str | None) -> None:
    text = _sentence(alias)
    start = text.index(alias)
    found = find_actors(text, language=lang)
    hits = [m for m in found if m.start <= start and start + len(alias) <= m.end]
    assert [m.actor.name for m in hits] == [name], (alias, [(m.text, m.actor.name) for m in found])


@pytest.mark.parametrize(
    ("lang", "text", "name", "parent"),
    [
        ("en", "The UN refugee agency warned of a new exodus.", "UNHCR", "United Nations"),
        ("en", "The UN's refugee agency said camps were full.", "UNHCR", "United Nations"),
        ("en", "The U.N. refugee agency said camps were full.", "UNHCR", "United Nations"),
        ("en", "The United Nations' refugee agency said camps were full.", "UNHCR", "United Nations"),
        ("en", "The U.N. World Food Program halted deliveries.", "World Food Programme", "United Nations"),
        ("en", "The UN nuclear watchdog warned Iran.", "IAEA", "United Nations"),
        ("en", "The UN health agency warned of cholera.", "World Health Organization", "United Nations"),
        ("pl", "Agencja ONZ ds. Uchodźców ostrzegła przed głodem.", "UNHCR", "United Nations"),
        ("pl", "Według Agencji ONZ ds. Uchodźców obozy są pełne.", "UNHCR", "United Nations"),
        ("fr", "L'agence de l'ONU pour les réfugiés a averti vendredi.", "UNHCR", "United Nations"),
        ("es", "La Agencia de la ONU para los Refugiados advirtió del riesgo.", "UNHCR", "United Nations"),
        ("it", "L'agenzia dell'ONU per i rifugiati ha avvertito.", "UNHCR", "United Nations"),
        ("de", "Das UN-Flüchtlingshilfswerk warnte am Freitag.", "UNHCR", "United Nations"),
        ("ru", "Агентство ООН по делам беженцев предупредило о кризисе.", "UNHCR", "United Nations"),
        ("uk", "Агентство ООН у справах біженців попередило про кризу.", "UNHCR", "United Nations"),
        ("zh", "联合国难民署警告说难民营已满。", "UNHCR", "United Nations"),
        ("ja", "国連難民高等弁務官事務所は警告した。", "UNHCR", "United Nations"),
        ("ko", "유엔난민기구는 경고했다.", "UNHCR", "United Nations"),
        ("vi", "Cao ủy Liên Hợp Quốc về người tị nạn cảnh báo.", "UNHCR", "United Nations"),
        ("id", "Badan Pengungsi PBB memperingatkan hal itu.", "UNHCR", "United Nations"),
        ("tr", "BM Mülteciler Yüksek Komiserliği uyardı.", "UNHCR", "United Nations"),
        ("ar", "حذرت مفوضية الأمم المتحدة لشؤون اللاجئين من الأزمة.", "UNHCR", "United Nations"),
        ("en", "The UN General Assembly adopted the resolution.", "UN General Assembly", "United Nations"),
        ("ru", "Генассамблея ООН приняла резолюцию.", "UN General Assembly", "United Nations"),
        ("ja", "国連世界食糧計画は警告した。", "World Food Programme", "United Nations"),
        ("en", "OPEC+ agreed to cut output.", "OPEC+", "OPEC"),
        ("en", "Kataib Hezbollah threatened US forces.", "Kataib Hezbollah", "Hezbollah"),
        ("ar", "هددت كتائب حزب الله القوات الأمريكية.", "Kataib Hezbollah", "Hezbollah"),
        ("en", "The Pakistani Taliban rejected the talks.", "Tehrik-i-Taliban Pakistan", "Taliban"),
        ("ar", "حذرت الوكالة الدولية للطاقة الذرية من الخطر.", "IAEA", "International Energy Agency"),
        ("zh", "国际刑事法院发出逮捕令。", "International Criminal Court", "International Court of Justice"),
        ("en", "The Norwegian Refugee Council warned of famine.", "Norwegian Refugee Council", "Norway"),
        ("zh", "真主党旅威胁美军。", "Kataib Hezbollah", "Hezbollah"),
    ],
)
def test_an_agency_wins_over_its_parent(lang: str, text: str, name: str, parent: str) -> None:
    names = [m.actor.name for m in find_actors(text, language=lang)]
    assert name in names and parent not in names, names


@pytest.mark.parametrize(
    ("lang", "text", "written"),
    [
        ("es", "El Programa Mundial de Alimentos (PMA) de la ONU advirtió del riesgo.",
         "Programa Mundial de Alimentos (PMA) de la ONU"),
        ("fr", "Le Programme alimentaire mondial de l'ONU a averti.",
         "Programme alimentaire mondial de l'ONU"),
        ("it", "Il Programma alimentare mondiale delle Nazioni Unite ha avvertito.",
         "Programma alimentare mondiale delle Nazioni Unite"),
        ("pt", "O Alto Comissariado da ONU para os Refugiados alertou.",
         "Alto Comissariado da ONU para os Refugiados"),
        ("de", "Das Welternährungsprogramm der Vereinten Nationen warnte.",
         "Welternährungsprogramm der Vereinten Nationen"),
        ("pl", "Światowy Program Żywnościowy ONZ ostrzegł przed głodem.",
         "Światowy Program Żywnościowy ONZ"),
        ("hr", "Svjetski program za hranu UN-a upozorio je na glad.",
         "Svjetski program za hranu UN-a"),
        ("ru", "Всемирная продовольственная программа ООН предупредила о голоде.",
         "Всемирная продовольственная программа ООН"),
        ("uk", "Дитячий фонд ООН попередив про епідемію.", "Дитячий фонд ООН"),
        ("vi", "Chương trình Lương thực Thế giới của Liên Hợp Quốc cảnh báo.",
         "Chương trình Lương thực Thế giới của Liên Hợp Quốc"),
        ("id", "Program Pangan Dunia PBB memperingatkan kelaparan.", "Program Pangan Dunia PBB"),
        ("tr", "BM Dünya Gıda Programı kıtlık konusunda uyardı.", "BM Dünya Gıda Programı"),
        ("en", "The UN's World Food Programme warned of famine.", "The UN's World Food Programme"),
        ("en", "The World Food Programme of the United Nations warned of famine.",
         "World Food Programme of the United Nations"),
        ("ja", "国連の世界食糧計画は警告した。", "国連の世界食糧計画"),
        ("ko", "유엔 세계식량계획은 경고했다.", "유엔 세계식량계획"),
        ("en", "The EU border agency Frontex refused.", "EU border agency"),
        ("de", "Die Grenzschutzagentur Frontex der EU lehnte ab.", "Grenzschutzagentur Frontex der EU"),
    ],
)
def test_an_agency_written_with_its_parent_is_one_mention_of_the_agency(
        lang: str, text: str, written: str) -> None:
    found = find_actors(text, language=lang)
    names = [m.actor.name for m in found]
    assert "United Nations" not in names and "European Union" not in names, names
    assert written in [m.text for m in found], [(m.text, m.actor.name) for m in found]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The UN and the World Food Programme warned of famine."),
        ("en", "The World Food Programme said the UN would decide."),
        ("fr", "Le Programme alimentaire mondial et l'ONU ont averti."),
        ("en", "NATO's UNHCR liaison met the UN envoy."),  # no parent of UNHCR's before it
    ],
)
def test_an_agency_and_its_parent_apart_stay_two_mentions(lang: str, text: str) -> None:
    names = [m.actor.name for m in find_actors(text, language=lang)]
    assert "United Nations" in names and len(names) >= 2, names


def test_a_user_file_can_give_an_agency_its_parent(tmp_path: Path) -> None:
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"entries": [
        {"name": "Kdang Water Board", "kind": "organisation", "parent": "United Nations",
         "aliases": ["Kdang Water Board"]}]}), "utf-8")
    gaz = Gazetteer.load(path)
    assert gaz.lookup("Kdang Water Board").parent == "United Nations"
    found = gaz.find("The Kdang Water Board of the UN warned.", language="en")
    assert [(m.text, m.actor.name) for m in found] == [
        ("Kdang Water Board of the UN", "Kdang Water Board")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Internationale Gerichtshof wies die Klage ab.", "International Court of Justice"),
        ("Ein Urteil des Internationalen Gerichtshofs steht aus.", "International Court of Justice"),
        ("Der Europäische Gerichtshof für Menschenrechte gab ihr recht.",
         "European Court of Human Rights"),
        ("Der Europäische Gerichtshof kippte das Gesetz.", "European Court of Justice"),
        ("Laut dem Internationalen Komitee vom Roten Kreuz fehlt Wasser.",
         "International Committee of the Red Cross"),
        ("Der Europäische Rat einigte sich.", "European Council"),
    ],
)
def test_german_names_after_an_article_are_found_declined(text: str, name: str) -> None:
    # German declines the adjective of a name after an article ("der Internationale
    # Gerichtshof", "des Internationalen Gerichtshofs"); no ending rule covers it
    assert name in {m.actor.name for m in find_actors(text, language="de")}


#: sentences of common words, in every language the rules backend reads: acronyms
#: written as words, generic phrases ("an Islamic state", "军事基地"), words that
#: hold a short alias ("파타야", "世贸中心", "会上合作")
_COMMON = [
    ("en", "THIS IS NOT A DRILL, the captain said; a state of emergency was their goal."),
    ("en", "The amnesty law passed, and the quad bike with a v4 engine was sold at the base."),
    ("en", "The sdf file and the hts code were sent by the ilo clerk of the gcc toolchain."),
    ("fr", "Les forces de défense et de sécurité ont bouclé le quartier, au pam de la nuit."),
    ("fr", "Le rapport sur la bad et la cpe a été publié au bureau des réfugiés de la mairie."),
    ("es", "Las fuerzas de seguridad y el consejo de la ciudad se reunieron en la base."),
    ("it", "Il consiglio comunale e la guardia di finanza hanno parlato dei rifugiati."),
    ("pt", "O conselho municipal e a guarda nacional falaram sobre os refugiados."),
    ("de", "Das ist ein Rat der Stadt; die Kräfte der Feuerwehr waren im Einsatz."),
    ("pl", "Kupił nowy mop do podłogi, a rada gminy spotkała się z uchodźcami."),
    ("hr", "Vijeće grada sastalo se s izbjeglicama u bazi."),
    ("ru", "Он сказал, что ВПП аэропорта закрыта, а игра в мот началась."),
    ("uk", "Кілька сот осіб вийшли на протест біля бази."),
    ("tr", "Dün akşam ambalaj fabrikasında kik boksu maçı izledik."),
    ("ar", "قال أبيك إن الشباب في القاعدة يريدون فتح الباب."),
    ("zh", "伊斯兰国家的领导人在会上合作讨论了世贸中心和军事基地的安全。"),
    ("ja", "イスラム国家の首脳が会談し、基地の安全を話し合った。"),
    ("ko", "파타야에서 이슬람 국가들의 정상이 만나 기지 문제를 논의했다."),
    ("vi", "Chương trình của trường học và quỹ của tỉnh đã được công bố."),
    ("id", "Program sekolah dan dana desa diumumkan kemarin di pangkalan."),
]


@pytest.mark.parametrize(("lang", "text"), _COMMON)
def test_common_words_name_no_new_organisation(lang: str, text: str) -> None:
    new = set(NEW_ENTRIES) | set(ADDED_ALIASES)
    found = [(m.text, m.actor.name) for m in find_actors(text, language=lang)
             if m.actor.name in new]
    assert found == []


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("en", "Iran was declared an Islamic state in 1979.", "Islamic State"),
        ("en", "They painted the white house on the corner.", "White House"),
        ("en", "A national human rights council was set up.", "UN Human Rights Council"),
        ("es", "Querían fundar un Estado islámico.", "Islamic State"),
        ("de", "Sie wollten einen islamischen Staat gründen.", "Islamic State"),
    ],
)
def test_a_name_of_capitalised_words_written_in_lower_case_is_no_name(
        lang: str, text: str, absent: str) -> None:
    # "Islamic State", "White House": every word capitalised; the same words with the
    # last one in lower case are the language's own phrase
    assert absent not in {m.actor.name for m in find_actors(text, language=lang)}


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Islamic State claimed the attack.", "Islamic State"),
        ("en", "THE WHITE HOUSE SAID NO.", "White House"),
        ("es", "El Estado Islámico reivindicó el ataque.", "Islamic State"),
        ("de", "Kämpfer des Islamischen Staates griffen an.", "Islamic State"),
        ("pl", "Według Światowego Programu Żywnościowego brakuje żywności.", "World Food Programme"),
    ],
)
def test_a_name_of_capitalised_words_is_found_as_written(lang: str, text: str, name: str) -> None:
    assert name in {m.actor.name for m in find_actors(text, language=lang)}


def test_a_short_acronym_is_only_read_in_the_languages_that_write_it() -> None:
    gaz = Gazetteer.default()
    assert gaz.resolve("IS", language="de").name == "Islamic State"
    assert not gaz.resolve("IS", language="en").resolved
    assert gaz.resolve("RSF", language="en").name == "Rapid Support Forces"
    assert gaz.resolve("RSF", language="fr").name == "Reporters Without Borders"
    assert gaz.resolve("PAM", language="fr").name == "World Food Programme"
    assert not gaz.resolve("PAM", language="de").resolved


def test_bodies_by_shape_stay_linear_in_a_long_text() -> None:
    """Each body read by its shape looks only at the names near it: 20,000 bodies in a
    260 kB text are read in well under ten seconds (a check of every name against every
    body took 33 s for this text, and four times that for twice it), each one found."""
    import time

    from claimkit.normalize._organisations import with_organisations

    text = "هيئة الأرصاد " * 20_000
    started = time.process_time()
    found = with_organisations(text, [], "ar", lambda t, at: False)
    assert time.process_time() - started < 10
    assert len(found) == 20_000 and found[1].text == "هيئة الأرصاد"
