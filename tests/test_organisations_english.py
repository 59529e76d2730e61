"""Bodies found by their shape are named in English (issue 13): the head, the common words
of the name and the word order of each language's organisation table
(``normalize/data/organisations/<language>.json``, ``english``: ``bodies``,
``adjectives``, ``nouns``), a country kept as a country, a company's own name kept as
written (a company's own name the text gives by its legal form is a proper name inside
another body); a name with any word the tables do not know stays as written, never half
English. Every sentence and name is written for these tests.
"""

from __future__ import annotations

import pytest

from claimkit.normalize import find_actors
from claimkit.normalize._organisations import english_name, names_ministry

#: (language, sentence, the body as written, its English name)
FOUND = [
    ("fr", "Mardi, l'Agence nationale de sécurité sanitaire a rendu un avis sur le sujet.",
     "Agence nationale de sécurité sanitaire", "National Health Security Agency"),
    ("fr", "Selon la Chambre de commerce et d'industrie, les ventes reculent.",
     "Chambre de commerce et d'industrie", "Chamber of Commerce and Industry"),
    ("fr", "L'Association médicale du Sénégal réclame des moyens.",
     "Association médicale du Sénégal", "Medical Association of Senegal"),
    ("es", "La Comisión Nacional de Energía aprobó las tarifas.",
     "Comisión Nacional de Energía", "National Energy Commission"),
    ("es", "El Sindicato de Trabajadores Mineros convocó una huelga.",
     "Sindicato de Trabajadores Mineros", "Union of Mining Workers"),
    ("es", "El Instituto Nacional de Estadística publicó el dato.",
     "Instituto Nacional de Estadística", "National Statistics Institute"),
    ("pt", "A Associação Médica de Angola pediu mais recursos.",
     "Associação Médica de Angola", "Medical Association of Angola"),
    ("pt", "A Agência Nacional de Petróleo anunciou um leilão.",
     "Agência Nacional de Petróleo", "National Oil Agency"),
    ("pt", "O Sindicato dos Professores convocou uma greve.",
     "Sindicato dos Professores", "Union of Teachers"),
    ("it", "L'Istituto Nazionale di Statistica ha rivisto le stime.",
     "Istituto Nazionale di Statistica", "National Statistics Institute"),
    ("it", "Secondo l'Agenzia delle Entrate il gettito cresce.", "Agenzia delle Entrate", "Revenue Agency"),
    ("it", "La Federazione Nazionale della Stampa ha protestato.",
     "Federazione Nazionale della Stampa", "National Federation of Press"),
    ("ru", "Федеральная служба безопасности сообщила о задержании.",
     "Федеральная служба безопасности", "Federal Security Service"),
    ("ru", "Союз фермеров Казахстана потребовал субсидий.", "Союз фермеров Казахстана",
     "Farmers Union of Kazakhstan"),
    ("ru", "Комитет по энергетике рассмотрит законопроект.", "Комитет по энергетике", "Energy Committee"),
    ("uk", "Державна служба статистики оприлюднила дані.", "Державна служба статистики",
     "State Statistics Service"),
    ("uk", "Центральна виборча комісія зареєструвала кандидатів.", "Центральна виборча комісія",
     "Central Electoral Commission"),
    ("pl", "Komisja Nadzoru Finansowego nałożyła karę.", "Komisja Nadzoru Finansowego",
     "Financial Supervision Commission"),
    ("pl", "Państwowa Inspekcja Pracy wszczęła kontrolę.", "Państwowa Inspekcja Pracy",
     "State Labour Inspectorate"),
    ("pl", "Agencja Bezpieczeństwa Wewnętrznego zatrzymała dwie osoby.",
     "Agencja Bezpieczeństwa Wewnętrznego", "Internal Security Agency"),
    ("hr", "Državni zavod za statistiku objavio je podatke.", "Državni zavod za statistiku",
     "State Statistics Institute"),
    ("hr", "Hrvatski zavod za zdravstveno osiguranje najavio je promjene.",
     "Hrvatski zavod za zdravstveno osiguranje", "Croatian Health Insurance Institute"),
    ("hr", "Hrvatska agencija za nadzor financijskih usluga upozorila je ulagače.",
     "Hrvatska agencija za nadzor financijskih usluga", "Croatian Financial Services Supervision Agency"),
    ("tr", "Sermaye Piyasası Kurulu yeni kuralları duyurdu.", "Sermaye Piyasası Kurulu", "Capital Markets Board"),
    ("tr", "Türk Tabipleri Birliği bir açıklama yaptı.", "Türk Tabipleri Birliği", "Turkish Medical Union"),
    ("tr", "Radyo ve Televizyon Üst Kurulu ceza verdi.", "Radyo ve Televizyon Üst Kurulu",
     "Radio and Television Supreme Board"),
    ("de", "Das Bundesamt für Strahlenschutz warnte vor erhöhten Werten.", "Bundesamt für Strahlenschutz",
     "Federal Office for Radiation Protection"),
    ("de", "Die Bundesagentur für Arbeit meldete mehr Arbeitslose.", "Bundesagentur für Arbeit",
     "Federal Labour Agency"),
    ("de", "Das Institut für Wirtschaftsforschung senkte die Prognose.", "Institut für Wirtschaftsforschung",
     "Institute for Economic Research"),
    ("id", "Komisi Pemberantasan Korupsi menahan dua pejabat.", "Komisi Pemberantasan Korupsi",
     "Corruption Eradication Commission"),
    ("id", "Otoritas Jasa Keuangan mencabut izin usaha bank itu.", "Otoritas Jasa Keuangan",
     "Financial Services Authority"),
    ("vi", "Hiệp hội Thủy sản Việt Nam cho biết giá tôm tăng.", "Hiệp hội Thủy sản Việt Nam",
     "Vietnam Fisheries Association"),
    ("vi", "Hội Nông dân Việt Nam cho biết sẽ hỗ trợ.", "Hội Nông dân Việt Nam", "Vietnam Farmers Association"),
    ("vi", "Liên đoàn Lao động Việt Nam cho biết sẽ hỗ trợ.", "Liên đoàn Lao động Việt Nam",
     "Vietnam Labour Federation"),
    ("ar", "قالت هيئة الأرصاد الجوية إن الأمطار ستستمر.", "هيئة الأرصاد الجوية", "Meteorology Authority"),
    ("ar", "وقالت وكالة الطاقة الذرية إن المفاعل آمن.", "وكالة الطاقة الذرية", "Atomic Energy Agency"),
    ("ar", "وقالت نقابة الأطباء إن الإضراب سيستمر.", "نقابة الأطباء", "Doctors Syndicate"),
    ("zh", "中国钢铁工业协会表示产量下降。", "中国钢铁工业协会", "China Iron and Steel Industry Association"),
    ("zh", "中国汽车工业协会表示销量增长。", "中国汽车工业协会", "China Automotive Industry Association"),
    ("zh", "中央选举委员会公布了结果。", "中央选举委员会", "Central Election Commission"),
    ("ja", "国際協力機構は支援を表明した。", "国際協力機構", "International Cooperation Agency"),
    ("ja", "日本看護協会は人手不足を訴えた。", "日本看護協会", "Japan Nursing Association"),
    ("ja", "原子力安全研究所は報告書を出した。", "原子力安全研究所", "Nuclear Safety Institute"),
    ("ko", "대한의사협회는 파업을 예고했다.", "대한의사협회", "Korean Medical Association"),
    ("ko", "국민건강보험공단은 보험료를 올렸다.", "국민건강보험공단", "National Health Insurance Corporation"),
    ("ko", "한국반도체산업협회는 수출 감소를 우려했다.", "한국반도체산업협회",
     "Korea Semiconductor Industry Association"),
]


@pytest.mark.parametrize(("lang", "text", "written", "english"), FOUND)
def test_a_body_found_by_its_shape_is_named_in_english(lang: str, text: str, written: str,
                                                       english: str) -> None:
    """The sentence's body is one organisation mention, written as in the text, named in English."""
    bodies = [m for m in find_actors(text, language=lang) if m.actor.kind.value == "organisation"]
    assert [(m.actor.name, m.text) for m in bodies] == [(english, written)]


#: (language, body as written, English name): the tables alone, for names a sentence
#: would give other finders too
NAMES = [
    ("fr", "Fédération nationale des coopératives de pêcheurs", "National Federation of Fishers Cooperatives"),
    ("fr", "Conseil constitutionnel", "Constitutional Council"),
    ("es", "Servicio Nacional de Prevención y Respuesta", "National Prevention and Response Service"),
    ("pt", "Instituto Nacional de Gestão de Riscos", "National Risks Management Institute"),
    ("it", "Unione generale", "General Union"),
    ("ru", "Центральная избирательная комиссия", "Central Electoral Commission"),
    ("uk", "Спілка фермерів України", "Farmers Union of Ukraine"),
    ("pl", "Izba Rolnicza", "Agricultural Chamber"),
    ("pl", "Urząd Ochrony Konkurencji i Konsumentów", "Competition and Consumer Protection Office"),
    ("tr", "Türkiye İstatistik Kurumu", "Turkey Statistics Authority"),
    ("tr", "Ulusal Güvenlik Kurulu", "National Security Board"),
    ("de", "Bundesamt für Verbraucherschutz und Lebensmittelsicherheit",
     "Federal Office for Consumer Protection and Food Safety"),
    ("id", "Asosiasi Pengusaha Indonesia", "Indonesia Employers Association"),
    ("id", "Serikat Petani Kelapa Sawit", "Palm Oil Farmers Union"),
    ("vi", "Ủy ban Chứng khoán Nhà nước", "State Securities Committee"),
    ("vi", "Trung tâm Dự báo Khí tượng Thủy văn Quốc gia", "National Hydro-Meteorology Forecasting Centre"),
    ("ar", "هيئة مكافحة الفساد", "Anti-Corruption Authority"),
    ("ja", "日本半導体協会", "Japan Semiconductor Association"),
    ("ko", "전국교사노동조합", "National Teachers Union"),
    ("zh", "国际能源委员会", "International Energy Commission"),
]


@pytest.mark.parametrize(("lang", "written", "english"), NAMES)
def test_the_tables_compose_the_english_name(lang: str, written: str, english: str) -> None:
    assert english_name(written, lang) == english


@pytest.mark.parametrize(("lang", "written"), [
    ("fr", "Agence nationale de la biodiversité"),  # a word the tables do not know
    ("es", "Sindicato de Trabajadores Forestales del Biobío"),  # a region, no country
    ("ru", "Агентство по борьбе с наркотиками"),
    ("de", "Bundesamt für Seeschifffahrt und Kartoffelanbau"),
    ("id", "Serikat Pekerja Bongkar Muat"),
    ("tr", "Yeşilay Cemiyeti"),
    ("zh", "黄河委员会"),
    ("en", "Kenya Revenue Authority"),
])
def test_a_name_with_an_unknown_word_keeps_its_own_name(lang: str, written: str) -> None:
    """Never half English: one word the tables lack leaves the name as written."""
    assert english_name(written, lang) is None


@pytest.mark.parametrize(("text", "name"), [
    ("The Kenya Revenue Authority (KRA) said taxes would rise.", "Kenya Revenue Authority"),
    ("The Mekong Fisheries Commission warned of low water.", "Mekong Fisheries Commission"),
    ("Acme Mining Ltd said it would close the mine.", "Acme Mining Ltd"),
])
def test_an_english_body_keeps_its_name(text: str, name: str) -> None:
    """English names need no table: as written (these pass before the change too)."""
    assert name in [m.actor.name for m in find_actors(text, language="en")]


@pytest.mark.parametrize(("lang", "title"), [
    ("es", "portavoz del Sindicato de Trabajadores Mineros, Ana Gil"),
    ("id", "juru bicara Serikat Petani Kelapa Sawit Budi Santoso"),
])
def test_a_composed_name_makes_no_state_body_of_a_union(lang: str, title: str) -> None:
    """Only a ministry's or an authority's portfolio reading names a state body a
    spokesperson speaks for; a union named in English is still no state body."""
    assert not names_ministry(title, lang)


@pytest.mark.parametrize(("lang", "text", "written", "english"), [
    ("id", "PT Pertamina menaikkan harga. Asosiasi Pekerja Pertamina menolak rencana itu.",
     "Asosiasi Pekerja Pertamina", "Pertamina Workers Association"),
    ("de", "Die Meyer Werft GmbH baut Schiffe. Die Gewerkschaft der Arbeitnehmer der Meyer Werft warnte.",
     "Gewerkschaft der Arbeitnehmer der Meyer Werft", "Meyer Werft Employees Union"),
    ("fr", "Nordic Pulp SA ferme une usine. L'Association des travailleurs de Nordic Pulp proteste.",
     "Association des travailleurs de Nordic Pulp", "Nordic Pulp Workers Association"),
])
def test_a_company_the_text_names_by_its_form_is_kept_inside_a_body(lang: str, text: str, written: str,
                                                                      english: str) -> None:
    """The company is its own mention, as written; the body holding its name is in English."""
    names = {m.text: m.actor.name for m in find_actors(text, language=lang)}
    assert names.get(written) == english


@pytest.mark.parametrize(("lang", "text", "written"), [
    ("id", "PT Pertamina menaikkan harga bahan bakar.", "PT Pertamina"),
    ("id", "Asosiasi Pekerja Pertamina menolak rencana itu.", "Asosiasi Pekerja Pertamina"),
    ("de", "Die Gewerkschaft der Arbeitnehmer der Meyer Werft warnte.", "Gewerkschaft der Arbeitnehmer der Meyer Werft"),
])
def test_a_company_and_a_name_no_company_of_the_text_explains_stay_as_written(lang: str, text: str,
                                                                               written: str) -> None:
    """A company keeps its form and name; a body holding a name the text gives no form for
    is not translated (never half English)."""
    assert {m.text: m.actor.name for m in find_actors(text, language=lang)}.get(written) == written
