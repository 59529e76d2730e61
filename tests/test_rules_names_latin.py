"""People named in full in Latin script that the actor finders used to miss.

Every sentence here is written for these tests (from general knowledge of each language
and of news wording, none taken from an article), in the Latin-script languages of the
17: en fr es it pt de pl hr tr vi id. A case gives the full name as written; it passes
when :func:`claimkit.normalize.find_actors` finds a person whose ``name`` or ``text``
equals it after :func:`claimkit.text.fold` (how the scorer matches a gold actor). The
shapes (see docs/offline-extractor.md, "Names in Latin script"):

* ``office``: an office before the name that is no title of the gazetteer's ("Mayor",
  "Wiceminister", "Ravnatelj", "Giám đốc", "Direktor des Bundesamtes für X, Name,"),
  a body between the office and the name (a place, an acronym, a Vietnamese body);
* ``apposition``: the name first, the office after a comma ("Name Surname, director of
  the X, said");
* ``bracket``: the name in brackets after an office and its body ("the head of the agency
  (Name Surname)"), or the office in brackets after the name ("Name Surname (head of X)");
* ``form``: names with particles, compound and hyphenated surnames, initials, Vietnamese
  and Indonesian names;
* ``guard``: capitalised words that are no person's name (places, months, weekdays, bodies,
  an acronym in brackets, a headline in title case) stay no person.
"""

from __future__ import annotations

import pytest

from claimkit.normalize import find_actors
from claimkit.schemas import ActorKind
from claimkit.text import fold

#: (shape, language, sentence, the person's full name as written)
_FOUND = [
    # office: an office before the name, no title of the gazetteer's
    ("office", "en", "Deputy Director Laura Whitcombe said the programme would continue.", "Laura Whitcombe"),
    ("office", "en", "Mayor Ellen Brady said the city would not close the shelters.", "Ellen Brady"),
    ("office", "en", "Chief Executive Officer Daniel Marsh said the company would not raise prices.",
     "Daniel Marsh"),
    ("office", "en", "The director of the Office for Nuclear Regulation, Mark Foy, said the plant was safe.",
     "Mark Foy"),
    ("office", "de", "Bürgermeisterin Katja Dörner kündigte an, die Bäder im Sommer zu schließen.", "Katja Dörner"),
    ("office", "de", "Der Direktor des Bundesamtes für Strahlenschutz, Matthias Kellermann, sagte, die Werte "
                     "seien unbedenklich.", "Matthias Kellermann"),
    ("office", "de", "Landrätin Petra Hohlbein versprach, die Schulen offen zu halten.", "Petra Hohlbein"),
    ("office", "fr", "Le maire de Lyon, Grégory Vasseur, a refusé de fermer les écoles.", "Grégory Vasseur"),
    ("office", "fr", "La préfète Fabienne Castagné a annoncé de nouvelles restrictions d'eau.", "Fabienne Castagné"),
    ("office", "fr", "Le directeur de l'agence régionale de santé, Pierre Ménard, a promis des renforts.",
     "Pierre Ménard"),
    ("office", "es", "El alcalde de Valencia, Joan Ribera Canut, aseguró que no subirá el agua.", "Joan Ribera Canut"),
    ("office", "es", "La directora general de Tráfico, Ana Belén Soler, advirtió de más controles.",
     "Ana Belén Soler"),
    ("office", "es", "El subsecretario Tomás Aguirre anunció que no habrá recortes.", "Tomás Aguirre"),
    ("office", "it", "Il sindaco di Milano, Giuseppe Ferri, ha annunciato nuove restrizioni.", "Giuseppe Ferri"),
    ("office", "it", "Il direttore generale dell'Aifa, Nicola Magri, ha detto che il farmaco resta disponibile.",
     "Nicola Magri"),
    ("office", "it", "L'assessore Luca Benedetti ha promesso nuovi fondi per le scuole.", "Luca Benedetti"),
    ("office", "pt", "O prefeito do Rio, Eduardo Paiva, prometeu novas obras.", "Eduardo Paiva"),
    ("office", "pt", "A diretora-geral Helena Faria garantiu que não haverá cortes.", "Helena Faria"),
    ("office", "pt", "O vereador Rui Mendonça anunciou que vai votar contra.", "Rui Mendonça"),
    ("office", "pl", "Wiceminister Tomasz Zieliński zapowiedział nowe przepisy.", "Tomasz Zieliński"),
    ("office", "pl", "Prezydent Warszawy Rafał Nowicki zapowiedział nowe linie tramwajowe.", "Rafał Nowicki"),
    ("office", "pl", "Wojewoda Marek Sowa zapowiedział pomoc dla rolników.", "Marek Sowa"),
    ("office", "hr", "Ravnatelj HZZO-a Lucian Vuković rekao je da cijene neće rasti.", "Lucian Vuković"),
    ("office", "hr", "Gradonačelnik Zagreba Tomislav Horvat najavio je nove mjere.", "Tomislav Horvat"),
    ("office", "hr", "Župan Matija Posavec rekao je da škole neće biti zatvorene.", "Matija Posavec"),
    ("office", "tr", "Vali Mehmet Ali Özkan, okulların kapanmayacağını söyledi.", "Mehmet Ali Özkan"),
    ("office", "tr", "Milletvekili Ayşe Kaya, vergilerin artmayacağını söyledi.", "Ayşe Kaya"),
    ("office", "tr", "İl Sağlık Müdürü Hasan Çelik, hastanelerin açık kalacağını söyledi.", "Hasan Çelik"),
    ("office", "id", "Kepala BPOM Taruna Wirawan mengatakan obat itu tetap aman.", "Taruna Wirawan"),
    ("office", "id", "Direktur Utama Nina Kusuma mengatakan harga tidak akan naik.", "Nina Kusuma"),
    ("office", "id", "Bupati Hendra Gunawan mengatakan sekolah tetap dibuka.", "Hendra Gunawan"),
    ("office", "vi", "Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà cho biết bệnh viện sẽ không đóng cửa.",
     "Trần Thị Nhị Hà"),
    ("office", "vi", "Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp cho biết sẽ không tăng phí.", "Trần Văn Hiệp"),
    ("office", "vi", "Thống đốc Ngân hàng Nhà nước Nguyễn Thị Hồng cho biết lãi suất sẽ không tăng.",
     "Nguyễn Thị Hồng"),
]


def _names(lang: str, text: str) -> set[str]:
    """The folded names and texts of the people found in ``text``."""
    people = [m.actor for m in find_actors(text, language=lang) if m.actor.kind == ActorKind.person]
    return {fold(v) for a in people for v in (a.name, a.text) if v}


@pytest.mark.parametrize(("shape", "lang", "text", "name"), _FOUND, ids=lambda v: str(v)[:40])
def test_person_found(shape: str, lang: str, text: str, name: str) -> None:
    assert fold(name) in _names(lang, text), (shape, find_actors(text, language=lang))


def test_every_language_has_each_shape() -> None:
    """At least three sentences per shape in each Latin-script language."""
    langs = ("en", "de", "fr", "es", "it", "pt", "pl", "hr", "tr", "id", "vi")
    for shape in {s for s, *_ in _FOUND}:
        for lang in langs:
            assert sum(1 for s, la, *_ in _FOUND if s == shape and la == lang) >= 3, (shape, lang)
