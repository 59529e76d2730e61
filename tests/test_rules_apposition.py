"""People named after long titles: a name in apposition after a portfolio that runs over
commas and conjunctions ("The Minister for Agriculture, Food and the Marine, Martin
Heydon, ..."), a capitalised portfolio word that is no name, and a Vietnamese personal
name that holds a country word ("Đỗ Đức Duy": not Germany). Every sentence here is
hand-written for these tests (invented people)."""

from __future__ import annotations

import pytest

from claimkit.normalize import Gazetteer, find_actors
from claimkit.schemas import ActorKind

#: (language, sentence, the person's name as written)
APPOSITION = [
    ("en", "The Minister for Transport, Tourism and Sport, Kevin Doyle, warned that fares would rise.", "Kevin Doyle"),
    ("en", "The Secretary for Health, Social Care and Sport, Ellen Morgan, promised more nurses.", "Ellen Morgan"),
    ("en", "The Minister for Enterprise, Trade and Employment, Patrick Reilly, said the plant would stay open.",
     "Patrick Reilly"),
    ("fr", "Le ministre malien des Mines et de l'Énergie, Amadou Keïta, a menacé de suspendre les permis.",
     "Amadou Keïta"),
    ("fr", "La ministre de la Santé, des Familles et des Solidarités, Claire Morin, a promis des renforts.",
     "Claire Morin"),
    ("fr", "Le ministre des Transports et de la Mobilité durable, Julien Perrot, a averti que",
     "Julien Perrot"),
    ("es", "El ministro de Industria, Comercio y Turismo, Andrés Molina, advirtió que los aranceles subirán.",
     "Andrés Molina"),
    ("es", "La ministra de Sanidad, Consumo y Bienestar, Lucía Herrera, prometió más médicos.", "Lucía Herrera"),
    ("es", "El ministro de Transportes y Movilidad Sostenible, Diego Salas, anunció nuevas líneas.", "Diego Salas"),
    ("pt", "O ministro das Minas e Energia, Rui Tavares, prometeu novos leilões.", "Rui Tavares"),
    ("pt", "A ministra da Saúde, Família e Cuidados, Inês Moura, alertou que faltam médicos.", "Inês Moura"),
    ("pt", "O ministro da Indústria, Comércio e Serviços, Paulo Lima, prometeu apoio.", "Paulo Lima"),
    ("it", "Il ministro delle Infrastrutture e dei Trasporti, Paolo Ferri, ha promesso nuovi treni.", "Paolo Ferri"),
    ("it", "La ministra del Turismo, dello Sport e dei Giovani, Laura Conti, ha avvertito che", "Laura Conti"),
    ("it", "Il ministro dell'Ambiente, del Territorio e del Mare, Marco Galli, ha promesso fondi.", "Marco Galli"),
    ("de", "Der Minister für Verkehr, Bau und Digitales, Jonas Keller, warnte vor Staus.", "Jonas Keller"),
    ("de", "Der Bundesminister für Arbeit, Soziales und Integration, Lukas Brandt, versprach Hilfe.",
     "Lukas Brandt"),
    ("de", "Der Minister für Wirtschaft, Energie und Tourismus, Felix Brenner, kündigte an, dass", "Felix Brenner"),
    ("id", "Menteri Pariwisata dan Ekonomi Kreatif, Budi Hartono, berjanji menambah penerbangan.", "Budi Hartono"),
    ("id", "Menteri Energi dan Sumber Daya Mineral, Agus Salim Wibowo, memperingatkan kenaikan harga.",
     "Agus Salim Wibowo"),
    ("id", "Menteri Pemuda dan Olahraga, Rudi Santoso, berjanji membangun stadion.", "Rudi Santoso"),
    ("pl", "Minister infrastruktury i rozwoju, Tomasz Nowicki, zapowiedział nowe drogi.", "Tomasz Nowicki"),
    ("pl", "Minister zdrowia, rodziny i polityki społecznej, Marek Zieliński, ostrzegł, że", "Marek Zieliński"),
    ("pl", "Minister sportu i turystyki, Piotr Wrona, obiecał nowe boiska.", "Piotr Wrona"),
    ("hr", "Ministar gospodarstva, rada i poduzetništva, Ivan Horvat, najavio je nove mjere.", "Ivan Horvat"),
    ("hr", "Ministrica zdravstva i socijalne skrbi, Ana Kovač, upozorila je da", "Ana Kovač"),
    ("hr", "Ministar prometa, pomorstva i infrastrukture, Marko Babić, obećao je nove ceste.", "Marko Babić"),
    ("ru", "Министр транспорта, связи и цифрового развития, Олег Смирнов, пообещал новые дороги.", "Олег Смирнов"),
    ("ru", "Министр здравоохранения и социального развития, Анна Волкова, предупредила, что", "Анна Волкова"),
    ("ru", "Министр спорта, туризма и молодёжной политики, Игорь Орлов, пообещал построить стадион.",
     "Игорь Орлов"),
    ("uk", "Міністр інфраструктури, транспорту та зв'язку, Олег Бондар, пообіцяв нові дороги.", "Олег Бондар"),
    ("uk", "Міністр охорони здоров'я та соціальної політики, Ірина Шевчук, попередила, що", "Ірина Шевчук"),
    ("uk", "Міністр молоді, спорту та туризму, Андрій Лисенко, пообіцяв нові стадіони.", "Андрій Лисенко"),
]

#: a Vietnamese name, family name first, with a country word among its syllables
VIETNAMESE = [
    ("Bộ trưởng Bộ Y tế và Dân số Trần Đức Long cam kết tăng ngân sách.", "Trần Đức Long", "Germany"),
    ("Ông Phạm Anh Dũng cho biết giá xăng sẽ giảm.", "Phạm Anh Dũng", "United Kingdom"),
    ("Thứ trưởng Bộ Công nghiệp và Thương mại Lê Mỹ Hạnh cảnh báo rằng", "Lê Mỹ Hạnh", "United States"),
]


def _people(text: str, lang: str) -> list[str]:
    return [m.text for m in find_actors(text, language=lang) if m.actor.kind == ActorKind.person]


@pytest.mark.parametrize(("lang", "text", "name"), APPOSITION, ids=[f"{c[0]}:{c[2]}" for c in APPOSITION])
def test_a_name_in_apposition_after_a_long_portfolio(lang: str, text: str, name: str) -> None:
    mentions = find_actors(text, language=lang)
    people = [m for m in mentions if m.actor.kind == ActorKind.person]
    assert [name in m.text for m in people] == [True], [(m.actor.label, m.text) for m in mentions]


@pytest.mark.parametrize(("text", "name", "country"), VIETNAMESE, ids=[c[1] for c in VIETNAMESE])
def test_a_vietnamese_name_holding_a_country_word_is_a_person(text: str, name: str, country: str) -> None:
    mentions = find_actors(text, language="vi")
    assert country not in [m.actor.label for m in mentions]
    assert any(name in m.text for m in mentions if m.actor.kind == ActorKind.person), [
        (m.actor.label, m.text) for m in mentions]


@pytest.mark.parametrize(("lang", "text"), [
    # the people after the comma are others, not the title's holder: a clause stands between
    ("en", "The Prime Minister spoke to his counterparts, Kevin Doyle and Ellen Morgan, on Monday."),
    ("fr", "Le ministre a rencontré les maires à Lyon, Julien Perrot, et les élus."),
    ("es", "El ministro dijo que los alcaldes, Andrés Molina y Lucía Herrera, estaban de acuerdo."),
    ("en", "The Minister for Health thanked the nurses, Kevin Doyle and Ellen Morgan, for their work."),
    ("it", "Il ministro ha ringraziato i sindaci, Paolo Ferri e Laura Conti, per il lavoro."),
    # a sentence ends before the name
    ("de", "Der Minister für Verkehr äußerte sich nicht. Jonas Keller, sein Sprecher, schwieg."),
])
def test_no_holder_past_a_clause_or_a_sentence(lang: str, text: str) -> None:
    mentions = find_actors(text, language=lang)
    assert all(m.actor.kind != ActorKind.person or "minist" in m.text.lower() for m in mentions), [
        (m.actor.label, m.text) for m in mentions]


@pytest.mark.parametrize(("text", "country"), [
    ("Thủ tướng Phạm Minh Chính và Nga ký thỏa thuận.", "Russia"),
    ("Bộ trưởng Lê Hoài Trung nói Đức sẽ ký thỏa thuận.", "Germany"),
])
def test_a_country_after_a_vietnamese_name_stays_a_country(text: str, country: str) -> None:
    assert country in [m.actor.label for m in find_actors(text, language="vi")]


@pytest.mark.parametrize(("lang", "text", "code"), [
    ("fr", "Le ministre malien des Mines et de l'Énergie, Amadou Keïta, a menacé de suspendre les permis.", "ML"),
    ("fr", "Le ministre sénégalais de l'Économie, du Plan et de la Coopération, Moussa Ndiaye, a averti que", "SN"),
    ("es", "El ministro chileno de Minería, Energía y Ambiente, Tomás Rojas, prometió inversiones.", "CL"),
])
def test_the_holder_speaks_for_the_country_the_title_names(lang: str, text: str, code: str) -> None:
    gazetteer = Gazetteer.default()
    people = [m.actor for m in gazetteer.find(text, language=lang) if m.actor.kind == ActorKind.person]
    assert [gazetteer.affiliation(a) for a in people] == [code], people


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Bộ trưởng Bộ Năng lượng và Mỏ Campuchia Keo Ratana đã ký biên bản.", "Keo Ratana", "KH"),
    ("Bộ trưởng Bộ Nông nghiệp và Rừng Lào Somphet Vongsa cam kết hợp tác.", "Somphet Vongsa", "LA"),
    ("Thứ trưởng Bộ Công nghiệp và Mỏ Thái Lan Somchai Wongsa cảnh báo rằng", "Somchai Wongsa", "TH"),
])
def test_a_vietnamese_portfolio_joined_by_va_then_a_country(text: str, name: str, code: str) -> None:
    """A portfolio "X và Y" whose last word is one capitalised syllable, then the
    minister's country and his name: the name is the holder, not the syllable Y."""
    gazetteer = Gazetteer.default()
    people = [m for m in gazetteer.find(text, language="vi") if m.actor.kind == ActorKind.person]
    assert [(m.actor.label, gazetteer.affiliation(m.actor)) for m in people] == [(name, code)]
