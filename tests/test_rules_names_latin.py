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

from claimkit.extract import Extractor
from claimkit.extract.rules import RulesBackend
from claimkit.normalize import find_actors
from claimkit.schemas import ActorKind, Document
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
    ("office", "es", "La alcaldesa de Gijón, Carmen Moriyón Entrialgo, anunció nuevas ayudas.",
     "Carmen Moriyón Entrialgo"),
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
    ('apposition', 'en',
     'Helen Carver, director of the Maritime Safety Agency, said the port would stay open.',
     'Helen Carver'),
    ('apposition', 'en',
     'Owen Pritchard, chief executive of Northern Rail, said fares would not rise.',
     'Owen Pritchard'),
    ('apposition', 'en',
     'Rachel Dunmore, mayor of Leeds, said the city would not close its libraries.',
     'Rachel Dunmore'),
    ('apposition', 'de',
     'Jörg Weidemann, Leiter des Gesundheitsamtes, sagte, die Schulen blieben offen.',
     'Jörg Weidemann'),
    ('apposition', 'de',
     'Claudia Brenner, Präsidentin der Landesärztekammer, warnte vor einem Engpass.',
     'Claudia Brenner'),
    ('apposition', 'de', 'Uwe Hartling, Bürgermeister von Kiel, kündigte neue Radwege an.', 'Uwe Hartling'),
    ('apposition', 'fr',
     "Sophie Marchand, directrice de l'hôpital, a assuré que les urgences resteraient ouvertes.",
     'Sophie Marchand'),
    ('apposition', 'fr', 'Luc Delaunay, maire de Rennes, a promis de nouvelles pistes cyclables.', 'Luc Delaunay'),
    ('apposition', 'fr', "Hélène Varga, préfète de la Gironde, a annoncé des restrictions d'eau.", 'Hélène Varga'),
    ('apposition', 'es',
     'Lucía Herrera Blanco, directora del Servicio de Salud, aseguró que no faltarán vacunas.',
     'Lucía Herrera Blanco'),
    ('apposition', 'es', 'Andrés Molina, alcalde de Sevilla, prometió nuevas ayudas.', 'Andrés Molina'),
    ('apposition', 'es', 'Rosa Ibáñez, consejera de Educación, anunció que no cerrará colegios.', 'Rosa Ibáñez'),
    ('apposition', 'it',
     "Paolo Ricci, direttore della Protezione civile, ha detto che l'allerta resta alta.",
     'Paolo Ricci'),
    ('apposition', 'it', 'Chiara Fontana, sindaca di Bergamo, ha promesso nuove piste ciclabili.', 'Chiara Fontana'),
    ('apposition', 'it', 'Davide Romano, assessore ai Trasporti, ha annunciato nuovi autobus.', 'Davide Romano'),
    ('apposition', 'pt',
     'Beatriz Coelho, diretora do Instituto de Meteorologia, disse que a seca vai continuar.',
     'Beatriz Coelho'),
    ('apposition', 'pt', "Rui Carvalho, vereador da câmara de Braga, prometeu novas creches.", 'Rui Carvalho'),
    ('apposition', 'pt',
     "Tiago Nunes, procurador-geral adjunto, garantiu que o processo vai continuar.",
     'Tiago Nunes'),
    ('apposition', 'pl', 'Marta Wiśniewska, dyrektorka szpitala, zapowiedziała nowe łóżka.', 'Marta Wiśniewska'),
    ('apposition', 'pl', 'Paweł Kaczmarek, wojewoda śląski, zapowiedział pomoc.', 'Paweł Kaczmarek'),
    ('apposition', 'pl', "Agnieszka Lis, dyrektorka szkoły, zapowiedziała zmiany.", 'Agnieszka Lis'),
    ('apposition', 'hr', 'Ivan Babić, ravnatelj bolnice, rekao je da hitna služba neće biti zatvorena.', 'Ivan Babić'),
    ('apposition', 'hr', 'Petra Marić, gradonačelnica Zadra, najavila je nove mjere.', 'Petra Marić'),
    ('apposition', 'hr', 'Ante Perić, župan splitsko-dalmatinski, rekao je da škole ostaju otvorene.', 'Ante Perić'),
    ('apposition', 'tr', 'Hakan Aydın, İstanbul Valisi, okulların kapanmayacağını söyledi.', 'Hakan Aydın'),
    ('apposition', 'tr',
     'Zeynep Arslan, Sağlık Bakanlığı sözcüsü, aşıların yeterli olduğunu söyledi.',
     'Zeynep Arslan'),
    ('apposition', 'tr',
     'Murat Kılıç, Merkez Bankası Başkan Yardımcısı, faizlerin düşmeyeceğini söyledi.',
     'Murat Kılıç'),
    ('apposition', 'id', 'Rina Marlina, Direktur Jenderal Anggaran, mengatakan defisit akan dijaga.', 'Rina Marlina'),
    ('apposition', 'id',
     'Agus Setiawan, Kepala Dinas Kesehatan, mengatakan rumah sakit tetap dibuka.',
     'Agus Setiawan'),
    ('apposition', 'id', "Dewi Lestari, Direktur Utama PT Kereta Api, mengatakan jadwal tetap.", 'Dewi Lestari'),
    ('apposition', 'vi', "Nguyễn Văn Hùng, Giám đốc Sở Giao thông, cho biết sẽ không tăng phí.", 'Nguyễn Văn Hùng'),
    ('apposition', 'vi', "Phạm Thị Lan, Phó Chủ tịch UBND tỉnh, cho biết trường học sẽ mở cửa.", 'Phạm Thị Lan'),
    ('apposition', 'vi',
     "Lê Quang Minh, Thống đốc Ngân hàng Nhà nước, cho biết lãi suất sẽ không tăng.",
     'Lê Quang Minh'),
    ('bracket', 'en', "The agency's director (Samuel Okafor) said the vaccine was safe.", 'Samuel Okafor'),
    ('bracket', 'en', 'The head of the port authority (Linda Marsh) warned of delays.', 'Linda Marsh'),
    ('bracket', 'en', "The city's mayor (Tom Elgin) promised new buses.", 'Tom Elgin'),
    ('bracket', 'de', 'Der Leiter des Gesundheitsamtes (Frank Oertel) kündigte Tests an.', 'Frank Oertel'),
    ('bracket', 'de', 'Die Bürgermeisterin (Anja Brückner) versprach neue Kitas.', 'Anja Brückner'),
    ('bracket', 'de', 'Der Präsident der Ärztekammer (Klaus Reinhold) warnte vor Engpässen.', 'Klaus Reinhold'),
    ('bracket', 'fr', "Le directeur de l'hôpital (Marc Lefèvre) a promis des renforts.", 'Marc Lefèvre'),
    ('bracket', 'fr', "La maire de la commune (Anne Giraud) a refusé de fermer l'école.", 'Anne Giraud'),
    ('bracket', 'fr', 'Le président du syndicat (Paul Mercier) a annoncé une grève.', 'Paul Mercier'),
    ('bracket', 'es',
     'La directora del hospital (Marta Quiroga Díaz) aseguró que no habrá cierres.',
     'Marta Quiroga Díaz'),
    ('bracket', 'es', 'El alcalde de la ciudad (Pedro Salinas) prometió nuevas ayudas.', 'Pedro Salinas'),
    ('bracket', 'es', 'El jefe de la policía local (Raúl Ortiz) anunció más controles.', 'Raúl Ortiz'),
    ('bracket', 'it', "Il direttore dell'ospedale (Franco Bassi) ha promesso nuovi letti.", 'Franco Bassi'),
    ('bracket', 'it', 'Il sindaco del comune (Enrico Greco) ha annunciato la chiusura delle scuole.', 'Enrico Greco'),
    ('bracket', 'it', 'La presidente della provincia (Laura Conti) ha detto che non ci saranno tagli.', 'Laura Conti'),
    ('bracket', 'pt', 'O diretor do hospital (Paulo Teixeira) garantiu que não haverá cortes.', 'Paulo Teixeira'),
    ('bracket', 'pt', 'A prefeita da cidade (Joana Prado) prometeu novas creches.', 'Joana Prado'),
    ('bracket', 'pt', 'O presidente do sindicato (Sérgio Moura) anunciou uma greve.', 'Sérgio Moura'),
    ('bracket', 'pl', 'Dyrektor szpitala (Jan Wróbel) zapowiedział nowe łóżka.', 'Jan Wróbel'),
    ('bracket', 'pl', 'Burmistrz miasta (Adam Pietrzak) zapowiedział remont drogi.', 'Adam Pietrzak'),
    ('bracket', 'pl', 'Prezes spółki (Ewa Zając) zapowiedziała podwyżki.', 'Ewa Zając'),
    ('bracket', 'hr', 'Ravnatelj bolnice (Goran Jurić) rekao je da hitna služba radi.', 'Goran Jurić'),
    ('bracket', 'hr', 'Gradonačelnik grada (Josip Knežević) najavio je nove mjere.', 'Josip Knežević'),
    ('bracket', 'hr', 'Direktor tvrtke (Marina Pavlović) najavila je nova zapošljavanja.', 'Marina Pavlović'),
    ('bracket', 'tr', 'Hastane başhekimi (Ali Demir) açıklama yaptı.', 'Ali Demir'),
    ('bracket', 'tr', 'Belediye Başkanı (Fatma Şahin) yeni otobüsler vaat etti.', 'Fatma Şahin'),
    ('bracket', 'tr', 'Şirketin genel müdürü (Emre Koç) zam yapılmayacağını söyledi.', 'Emre Koç'),
    ('bracket', 'id', 'Kepala dinas kesehatan (Budi Raharjo) mengatakan vaksin cukup.', 'Budi Raharjo'),
    ('bracket', 'id', 'Gubernur provinsi itu (Sutarmidji) mengatakan sekolah tetap dibuka.', 'Sutarmidji'),
    ('bracket', 'id', 'Direktur rumah sakit (Siti Nurhaliza) mengatakan layanan tetap berjalan.', 'Siti Nurhaliza'),
    ('bracket', 'vi', "Giám đốc bệnh viện (Đỗ Văn Dũng) cho biết sẽ không đóng cửa.", 'Đỗ Văn Dũng'),
    ('bracket', 'vi', 'Chủ tịch UBND xã (bà Hoàng Thị Mai) cho biết trường học sẽ mở cửa.', 'Hoàng Thị Mai'),
    ('bracket', 'vi', "Người đứng đầu công ty (Vũ Minh Khoa) cho biết sẽ không tăng giá.", 'Vũ Minh Khoa'),
    ('bracket', 'en', 'Samuel Okafor (director of the agency) said the vaccine was safe.', 'Samuel Okafor'),
    ('bracket', 'en', 'Linda Marsh (head of the port authority) warned of delays.', 'Linda Marsh'),
    ('bracket', 'en', "Tom Elgin (the city's mayor) promised new buses.", 'Tom Elgin'),
    ('bracket', 'de', 'Frank Oertel (Leiter des Gesundheitsamtes) kündigte Tests an.', 'Frank Oertel'),
    ('bracket', 'de', 'Anja Brückner (Bürgermeisterin) versprach neue Kitas.', 'Anja Brückner'),
    ('bracket', 'de', 'Klaus Reinhold (Präsident der Ärztekammer) warnte vor Engpässen.', 'Klaus Reinhold'),
    ('bracket', 'fr', "Marc Lefèvre (directeur de l'hôpital) a promis des renforts.", 'Marc Lefèvre'),
    ('bracket', 'fr', "Anne Giraud (maire de la commune) a refusé de fermer l'école.", 'Anne Giraud'),
    ('bracket', 'fr', 'Paul Mercier (président du syndicat) a annoncé une grève.', 'Paul Mercier'),
    ('bracket', 'es',
     'Marta Quiroga Díaz (directora del hospital) aseguró que no habrá cierres.',
     'Marta Quiroga Díaz'),
    ('bracket', 'es', 'Pedro Salinas (alcalde de la ciudad) prometió nuevas ayudas.', 'Pedro Salinas'),
    ('bracket', 'es', 'Raúl Ortiz (jefe de la policía local) anunció más controles.', 'Raúl Ortiz'),
    ('bracket', 'it', "Franco Bassi (direttore dell'ospedale) ha promesso nuovi letti.", 'Franco Bassi'),
    ('bracket', 'it', 'Enrico Greco (sindaco del comune) ha annunciato la chiusura delle scuole.', 'Enrico Greco'),
    ('bracket', 'it', 'Laura Conti (presidente della provincia) ha detto che non ci saranno tagli.', 'Laura Conti'),
    ('bracket', 'pt', 'Paulo Teixeira (diretor do hospital) garantiu que não haverá cortes.', 'Paulo Teixeira'),
    ('bracket', 'pt', 'Joana Prado (prefeita da cidade) prometeu novas creches.', 'Joana Prado'),
    ('bracket', 'pt', 'Sérgio Moura (presidente do sindicato) anunciou uma greve.', 'Sérgio Moura'),
    ('bracket', 'pl', 'Jan Wróbel (dyrektor szpitala) zapowiedział nowe łóżka.', 'Jan Wróbel'),
    ('bracket', 'pl', 'Adam Pietrzak (burmistrz miasta) zapowiedział remont drogi.', 'Adam Pietrzak'),
    ('bracket', 'pl', 'Ewa Zając (prezes spółki) zapowiedziała podwyżki.', 'Ewa Zając'),
    ('bracket', 'hr', 'Goran Jurić (ravnatelj bolnice) rekao je da hitna služba radi.', 'Goran Jurić'),
    ('bracket', 'hr', 'Josip Knežević (gradonačelnik) najavio je nove mjere.', 'Josip Knežević'),
    ('bracket', 'hr', 'Marina Pavlović (direktorica tvrtke) najavila je nova zapošljavanja.', 'Marina Pavlović'),
    ('bracket', 'tr', 'Ali Demir (hastane başhekimi) açıklama yaptı.', 'Ali Demir'),
    ('bracket', 'tr', 'Fatma Şahin (Gaziantep Belediye Başkanı) yeni otobüsler vaat etti.', 'Fatma Şahin'),
    ('bracket', 'tr', 'Emre Koç (şirketin genel müdürü) zam yapılmayacağını söyledi.', 'Emre Koç'),
    ('bracket', 'id', 'Budi Raharjo (Kepala Dinas Kesehatan) mengatakan vaksin cukup.', 'Budi Raharjo'),
    ('bracket', 'id', 'Sutarmidji (Gubernur Kalimantan Barat) mengatakan sekolah tetap dibuka.', 'Sutarmidji'),
    ('bracket', 'id', 'Siti Nurhaliza (Direktur Rumah Sakit) mengatakan layanan tetap berjalan.', 'Siti Nurhaliza'),
    ('bracket', 'vi', "Đỗ Văn Dũng (Giám đốc bệnh viện) cho biết sẽ không đóng cửa.", 'Đỗ Văn Dũng'),
    ('bracket', 'vi', 'Bà Hoàng Thị Mai (Chủ tịch UBND xã) cho biết trường học sẽ mở cửa.', 'Hoàng Thị Mai'),
    ('bracket', 'vi', "Vũ Minh Khoa (Tổng giám đốc công ty) cho biết sẽ không tăng giá.", 'Vũ Minh Khoa'),
    ('form', 'en',
     'Energy Minister Ahmad bin Khalid al-Harthy said Oman would keep output steady.',
     'Ahmad bin Khalid al-Harthy'),
    ('form', 'en', 'Trade Commissioner J. R. Whitfield said the talks would continue.', 'J. R. Whitfield'),
    ('form', 'en',
     'Mayor Annelise van der Merwe said the city would not raise water tariffs.',
     'Annelise van der Merwe'),
    ('form', 'de', 'Bürgermeister Heinrich von der Lahn kündigte neue Radwege an.', 'Heinrich von der Lahn'),
    ('form', 'de',
     "Landrätin Anna-Lena Schulte-Brinkmann sagte, die Mittel würden nicht gekürzt.",
     'Anna-Lena Schulte-Brinkmann'),
    ('form', 'de',
     'Der Direktor des Landesamtes, Karl-Heinz Meyer zu Venne, warnte vor Hochwasser.',
     'Karl-Heinz Meyer zu Venne'),
    ('form', 'fr',
     'Le maire de Nantes, Jean-Baptiste de La Roche, a promis des logements.',
     'Jean-Baptiste de La Roche'),
    ('form', 'fr', 'La préfète Marie-Claire Dubois-Lefort a interdit la manifestation.', 'Marie-Claire Dubois-Lefort'),
    ('form', 'fr', "Le directeur de l'agence, Olivier d'Harcourt, a annoncé des contrôles.", "Olivier d'Harcourt"),
    ('form', 'es',
     'El alcalde de Bilbao, Juan María Aburto de la Fuente, prometió más autobuses.',
     'Juan María Aburto de la Fuente'),
    ('form', 'es',
     'La directora general, María del Carmen Ruiz Sánchez, anunció ayudas.',
     'María del Carmen Ruiz Sánchez'),
    ('form', 'es',
     'El consejero de Sanidad, José Luis García-Velasco, descartó el cierre.',
     'José Luis García-Velasco'),
    ('form', 'it',
     'Il presidente della Regione (Vincenzo De Marchi) ha annunciato nuove misure.',
     'Vincenzo De Marchi'),
    ('form', 'it', 'Il sindaco di Bari, Antonio Di Pietro, ha promesso nuovi parchi.', 'Antonio Di Pietro'),
    ('form', 'it', "L'assessore Maria Della Valle ha annunciato nuovi asili.", 'Maria Della Valle'),
    ('form', 'pt', 'O prefeito de Salvador, Bruno Reis da Costa, prometeu novas obras.', 'Bruno Reis da Costa'),
    ('form', 'pt', 'A diretora-geral Ana Paula dos Santos garantiu que não haverá cortes.', 'Ana Paula dos Santos'),
    ('form', 'pt', 'O vereador João Pedro de Souza Neto anunciou que vai votar contra.', 'João Pedro de Souza Neto'),
    ('form', 'pl', 'Wiceminister Anna Kowalska-Nowak zapowiedziała nowe przepisy.', 'Anna Kowalska-Nowak'),
    ('form', 'pl', 'Wojewoda Jan Maria Rokita zapowiedział pomoc.', 'Jan Maria Rokita'),
    ('form', 'pl', 'Burmistrz Jacek Sasin-Wróbel zapowiedział remont.', 'Jacek Sasin-Wróbel'),
    ('form', 'hr', 'Gradonačelnica Ana Marija Kovačić Horvat najavila je nove mjere.', 'Ana Marija Kovačić Horvat'),
    ('form', 'hr', 'Župan Ivan Perić-Babić rekao je da škole ostaju otvorene.', 'Ivan Perić-Babić'),
    ('form', 'hr', 'Ravnateljica Vesna Bedeković Kralj rekla je da bolnica radi.', 'Vesna Bedeković Kralj'),
    ('form', 'tr', 'Vali Ali Rıza Özdemir, okulların açık kalacağını söyledi.', 'Ali Rıza Özdemir'),
    ('form', 'tr', 'Milletvekili Ayşe Nur Yılmaz-Kaya, vergilerin artmayacağını söyledi.', 'Ayşe Nur Yılmaz-Kaya'),
    ('form', 'tr', "Başhekim Mehmet Emin Çakır, hastanenin açık kalacağını söyledi.", 'Mehmet Emin Çakır'),
    ('form', 'id', 'Bupati Sutrisno mengatakan sekolah tetap dibuka.', 'Sutrisno'),
    ('form', 'id', 'Direktur Utama Muhammad bin Abdullah mengatakan harga tidak akan naik.', 'Muhammad bin Abdullah'),
    ('form', 'id',
     'Wakil Gubernur Siti Aisyah binti Hasan mengatakan bantuan akan dikirim.',
     'Siti Aisyah binti Hasan'),
    ('form', 'vi', 'Giám đốc Sở Tài chính Đỗ Thị Thu Hằng cho biết sẽ không tăng phí.', 'Do Thi Thu Hang'),
    ('form', 'vi', 'Phó Chủ tịch UBND tỉnh Nguyễn Hữu Tâm cho biết sẽ mở cửa trường học.', 'Nguyễn Hữu Tâm'),
    ('form', 'vi', 'Cục trưởng Cục Hàng không Võ Huy Cường cho biết sẽ không tăng giá vé.', 'Võ Huy Cường'),
    # a portfolio's acronym in brackets, a portfolio's list, a European commissioner, a name
    # closing the sentence after the portfolio
    ('form', 'id',
     'Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (PANRB) Rini Sulistyowati mengatakan '
     'rekrutmen tetap berjalan.',
     'Rini Sulistyowati'),
    ('form', 'id',
     'Menteri Energi dan Sumber Daya Mineral (ESDM) Arif Wicaksono mengatakan harga BBM tidak naik.',
     'Arif Wicaksono'),
    ('form', 'id',
     'Menteri Koperasi dan Usaha Kecil Menengah (UKM) Teten Suharyono mengatakan bantuan akan disalurkan.',
     'Teten Suharyono'),
    ('form', 'pt',
     'O ministro de Minas e Energia (MME) Alexandre Siqueira disse que não haverá racionamento.',
     'Alexandre Siqueira'),
    ('form', 'id', 'Menteri Ekonomi, Perdagangan, dan Industri Jepang Hiroshi Tanaka mengatakan ekspor akan naik.',
     'Hiroshi Tanaka'),
    ('form', 'id',
     'Menteri Pertanian, Kehutanan, dan Perikanan Jepang Taro Yamada mengatakan impor beras akan dibuka.',
     'Taro Yamada'),
    ('form', 'id',
     'Menteri Perdagangan, Industri, dan Energi Malaysia Ahmad Fauzi mengatakan tarif tidak akan naik.',
     'Ahmad Fauzi'),
    ('form', 'it',
     "Il commissario europeo all'Agricoltura, Tomas Lindqvist, ha promesso nuovi aiuti.",
     'Tomas Lindqvist'),
    ('form', 'es', 'El comisario europeo de Comercio, Jan Novotný, prometió nuevos aranceles.', 'Jan Novotný'),
    ('form', 'pt', 'O comissário europeu da Energia, Lars Eriksen, prometeu um novo plano.', 'Lars Eriksen'),
    ('form', 'fr', 'Le commissaire européen à la Pêche, Mikkel Sørensen, a promis un nouveau plan.', 'Mikkel Sørensen'),
    ('form', 'pt', 'O anúncio foi feito pela ministra do Meio Ambiente, Helena Farias.', 'Helena Farias'),
    ('form', 'es', 'La reunión fue presidida por el consejero de Medio Ambiente, Raúl Medina.',
     'Raúl Medina'),
    ('form', 'it', "L'accordo è stato firmato dal ministro per la Protezione civile, Adolfo Ravelli.",
     'Adolfo Ravelli'),
    ('form', 'fr',
     'La mesure a été annoncée par la ministre de la Transition écologique, Agnès Poirier.',
     'Agnès Poirier'),
    # offices of spokespeople, commanders and negotiators, an adjective after the office
    ('office', 'es',
     'El vocero presidencial Adrián Castillo aseguró que no habrá nuevos impuestos.',
     'Adrián Castillo'),
    ('office', 'es',
     'Laura Benítez, vocera del Ministerio de Salud, anunció que no faltarán vacunas.',
     'Laura Benítez'),
    ('office', 'en', 'Chief negotiator Anna Lindqvist said the talks would resume.', 'Anna Lindqvist'),
    ('office', 'de', 'Verhandlungsführer Jens Albrecht sagte, die Gespräche würden fortgesetzt.', 'Jens Albrecht'),
    ('office', 'id', 'Panglima TNI Agus Subiyanto mengatakan pasukan akan dikirim.', 'Agus Subiyanto'),
    ('office', 'pl', 'Dowódca operacyjny Maciej Klisz zapowiedział ćwiczenia.', 'Maciej Klisz'),
    # Indonesian "di" (in) after a name is no particle of it
    ('form', 'id', 'Duta Besar Jepang Kenji Morita di Jakarta mengatakan bantuan akan dikirim.', 'Kenji Morita'),
    ('form', 'id', 'Wakil Menteri Perdagangan Dyah Roro di Surabaya mengatakan harga stabil.', 'Dyah Roro'),
    ('form', 'id',
     'Gubernur Kalimantan Timur Rudy Hartono di Samarinda mengatakan sekolah tetap dibuka.',
     'Rudy Hartono'),
    # the body owning the office before it ("the agency's director"), a senior official
    ('apposition', 'en', "Jane Whitfield, the agency's director, said bills would not rise.", 'Jane Whitfield'),
    ('apposition', 'en', "Samuel Okafor, the regulator's chief executive, said the rules would stay.", 'Samuel Okafor'),
    ('apposition', 'en',
     'Tom Baxter, a senior official at the ministry, said no decision had been taken.',
     'Tom Baxter'),
    # a body in the genitive after a Polish or Croatian office, in lower case or capitalised;
    # German compound offices (-vorsitzende, -direktorin, -leiter)
    ('office', 'hr', 'Glavni ravnatelj policije Nikola Marić najavio je pojačane kontrole.', 'Nikola Marić'),
    ('office', 'hr', 'Ravnateljica bolnice Ana Kovač rekla je da hitna služba radi.', 'Ana Kovač'),
    ('office', 'pl', 'Dyrektor teatru Marek Zieliński zapowiedział nowy sezon.', 'Marek Zieliński'),
    ('office', 'pl', 'Dyrektor generalny Lasów Państwowych Witold Kossak zapowiedział zmiany.', 'Witold Kossak'),
    ('office', 'pl',
     'Prezes Polskich Sieci Elektroenergetycznych Grzegorz Onichimowski zapowiedział inwestycje.',
     'Grzegorz Onichimowski'),
    ('office', 'hr', 'Ravnatelj Hrvatskih šuma Nediljko Dujić rekao je da sječa neće rasti.', 'Nediljko Dujić'),
    ('office', 'de', 'Der Vorstandsvorsitzende der Bahn, Richard Lutzmann, kündigte neue Züge an.', 'Richard Lutzmann'),
    ('office', 'de', 'Museumsdirektorin Eva Kranz sagte, das Haus bleibe offen.', 'Eva Kranz'),
    ('office', 'de', 'Abteilungsleiter Jonas Berger sagte, die Frist werde nicht verlängert.', 'Jonas Berger'),
]

#: (language, sentence, names no person may have; None: no person at all)
_NO_PERSON: list[tuple[str, str, list[str] | None]] = [
    ("en", "The head of the agency (FAO) said harvests would fall.", None),
    ("en", "The mayor of Springfield said on Monday that buses would run.", None),
    ("en", "Director of Public Health England warned of a new wave.", None),
    ("en", "Monday Morning Briefing: Prices Will Not Rise, Says Minister", None),
    ("en", "President Of France Says Tariffs Will Rise", None),
    ("de", "Am Montag sagte der Minister, Berlin werde nicht nachgeben.", None),
    ("de", "Der Leiter des Amtes (BfS) sagte, die Werte seien sicher.", None),
    ("de", "Der Präsident der Bundesnetzagentur warnte vor Engpässen.", None),
    ("fr", "Lundi, le maire a dit que Paris ne céderait pas.", None),
    ("fr", "Jean-Marc Dubois (président de la FNSEA) a promis de continuer.", ["FNSEA"]),
    ("fr", "Le directeur de l'Agence nationale de sécurité sanitaire (Anses) a refusé de commenter.", None),
    ("es", "El director de la agencia (FAO) dijo que las cosechas caerán.", None),
    ("es", "María José Fernández, portavoz de la Xunta, anunció nuevas ayudas.", ["Xunta"]),
    ("es", "Martes, la directora del Servicio de Salud anunció ayudas.", None),
    ("it", "Il sindaco di Pescara ha annunciato la chiusura delle scuole.", None),
    ("it", "Lunedì il presidente della Regione Lombardia ha firmato.", None),
    ("it", "Il direttore dell'Agenzia delle Entrate ha detto che non ci saranno proroghe.", None),
    ("pt", "O prefeito de Curitiba prometeu novas creches.", None),
    ("pt", "Segunda-feira, o presidente da Câmara Municipal anunciou obras.", None),
    ("pt", "António Barra Torres, diretor-presidente da Anvisa, disse que não haverá restrições.", ["Anvisa"]),
    ("pl", "Prezydent Warszawy zapowiedział nowe linie tramwajowe.", None),
    ("pl", "Dyrektor Narodowego Funduszu Zdrowia (NFZ) zapowiedział zmiany.", None),
    ("pl", "W poniedziałek wojewoda zapowiedział pomoc.", None),
    ("hr", "Gradonačelnik Zagreba najavio je nove mjere.", None),
    ("hr", "Ravnatelj Hrvatskog zavoda za zdravstveno osiguranje (HZZO) rekao je da cijene neće rasti.", None),
    ("hr", "U ponedjeljak je župan najavio nove mjere.", None),
    ("tr", "İzmir Büyükşehir Belediye Başkanı yeni otobüsler vaat etti.", None),
    ("tr", "Dünya Sağlık Örgütü (DSÖ) Genel Müdürü açıklama yaptı.", None),
    ("tr", "Pazartesi günü vali okulların açık kalacağını söyledi.", None),
    ("id", "Gubernur Jawa Barat mengatakan sekolah tidak akan ditutup.", None),
    ("id", "Kepala Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mengatakan hujan akan berlanjut.", None),
    ("id", "Pada hari Senin, bupati mengatakan sekolah tetap dibuka.", None),
    ("vi", "Giám đốc Sở Y tế Hà Nội cho biết bệnh viện sẽ không đóng cửa.", None),
    ("vi", "Chủ tịch UBND TP Hồ Chí Minh cho biết thành phố sẽ không tăng phí.", None),
    ("vi", "Thống đốc Ngân hàng Nhà nước cho biết lãi suất sẽ không tăng.", None),
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


@pytest.mark.parametrize(("lang", "text", "not_names"), _NO_PERSON, ids=lambda v: str(v)[:40])
def test_no_person(lang: str, text: str, not_names: list[str] | None) -> None:
    """Places, days, months, bodies, acronyms in brackets and headlines in title case are
    no person's name."""
    names = _names(lang, text)
    if not_names is None:
        assert names == set(), names
    else:
        assert not names & {fold(n) for n in not_names}, names


def test_every_language_has_guards() -> None:
    langs = ("en", "de", "fr", "es", "it", "pt", "pl", "hr", "tr", "id", "vi")
    for lang in langs:
        assert sum(1 for la, *_ in _NO_PERSON if la == lang) >= 3, lang


#: (language, sentence, the claim's actor the person leads): the rules backend makes the
#: person found the claim's actor (before, the claim had none, or a body, or a name that
#: held the office's or the body's words)
_CLAIMS = [
    ("en", "Jane Whitfield, chief executive of the Water Authority, said it would not raise bills next year.",
     "Jane Whitfield"),
    ("en", "The head of the agency (Maria Lopez) said the agency would not raise fees.", "Maria Lopez"),
    ("de", "Bürgermeisterin Katja Dörner versprach, 20 Millionen Euro in Schulen zu investieren.", "Katja Dörner"),
    ("fr", "Le maire de Lyon, Grégory Vasseur, a refusé de fermer les écoles.", "Grégory Vasseur"),
    ("es", "El alcalde de Valencia, Joan Ribera Canut, se negó a subir la tarifa del agua.", "Joan Ribera Canut"),
    ("it", "Il sindaco di Milano, Giuseppe Ferri, ha promesso di investire 20 milioni di euro nelle scuole.",
     "Giuseppe Ferri"),
    ("pt", "O prefeito do Rio, Eduardo Paiva, prometeu investir 10 milhões de reais em creches.", "Eduardo Paiva"),
    ("pl", "Wiceminister Tomasz Zieliński zapowiedział, że rząd nie podniesie podatków.", "Tomasz Zieliński"),
    ("hr", "Ravnatelj HZZO-a Lucian Vuković rekao je da HZZO neće povećati cijene.", "Lucian Vuković"),
    ("tr", "Vali Mehmet Ali Özkan, okulların kapanmayacağını söyledi.", "Mehmet Ali Özkan"),
    ("id", "Direktur Jenderal Pajak Suryo Utomo mengatakan pemerintah tidak akan menaikkan tarif pajak.",
     "Suryo Utomo"),
    ("vi", "Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà cho biết bệnh viện sẽ không đóng cửa.", "Trần Thị Nhị Hà"),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(RulesBackend())


@pytest.mark.parametrize(("lang", "text", "name"), _CLAIMS, ids=lambda v: str(v)[:40])
def test_person_is_the_claims_actor(extractor: Extractor, lang: str, text: str, name: str) -> None:
    record = extractor.extract_document(Document(id="names", text=text, language=lang))
    actors = [fold(a.label) for c in record.claims for a in c.actor]
    assert record.claims and actors[:1] == [fold(name)], [(c.type, c.actor) for c in record.claims]
