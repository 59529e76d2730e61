"""Coreference by office (extract/rules/coref.py, roles.py ``_office_antecedent``): a bare
title that says a claim ("The minister warned ...", "La ministra advirtió ...", "Minister
ostrzegł, że ...") stands for the person last named with that office, however many
sentences back, not for the country the claim names.

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the mechanism, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

#: the official is named two sentences and more before the bare title that says the claim
_FAR_TITLES = [
    ("es", "Margarita Robles",
     "Madrid, 2 de junio de 2025 -\n\nLa ministra de Defensa, Margarita Robles, visitó el lunes la base de Rota.\n\n"
     "La visita duró tres horas. Los militares mostraron los nuevos equipos.\n\n"
     "La ministra advirtió que Rusia pagará un alto precio si ataca a un país de la OTAN."),
    ("it", "Guido Crosetto",
     "Roma, 2 giugno 2025 -\n\nIl ministro della Difesa Guido Crosetto ha visitato lunedì la base di Aviano.\n\n"
     "La visita è durata tre ore. I militari hanno mostrato i nuovi mezzi.\n\n"
     "Il ministro ha avvertito che la Russia pagherà un prezzo alto se attaccherà un paese della Nato."),
    ("pl", "Władysław Kosiniak-Kamysz",
     "Warszawa, 2 czerwca 2025 -\n\nMinister obrony narodowej Władysław Kosiniak-Kamysz odwiedził w poniedziałek "
     "bazę w Rzeszowie.\n\nWizyta trwała trzy godziny. Żołnierze pokazali nowy sprzęt.\n\n"
     "Minister ostrzegł, że Rosja zapłaci wysoką cenę, jeśli zaatakuje kraj NATO."),
    ("en", "Penny Wong",
     "Canberra, 2 June 2025 -\n\nForeign Minister Penny Wong arrived in Jakarta on Monday.\n\n"
     "The visit lasted two days. Officials discussed trade and fisheries.\n\n"
     "The minister warned that China would face consequences if it blocked the shipping lanes."),
    ("de", "Boris Pistorius",
     "Berlin, 2. Juni 2025 -\n\nVerteidigungsminister Boris Pistorius besuchte am Montag einen Stützpunkt in Litauen.\n\n"
     "Der Besuch dauerte drei Stunden. Die Soldaten zeigten neue Panzer.\n\n"
     "Der Minister warnte, Russland werde einen hohen Preis zahlen, wenn es ein Nato-Land angreife."),
]


@pytest.mark.parametrize(("lang", "person", "text"), _FAR_TITLES, ids=[c[0] for c in _FAR_TITLES])
def test_a_bare_title_stands_for_the_person_named_with_that_office_sentences_before(
        backend: RulesBackend, lang: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, "warning")
    assert found, text
    assert person in actor_names(found[0])


def test_the_title_names_the_holder_of_that_office_not_the_person_named_last(backend: RulesBackend) -> None:
    # the defence minister is Robles, though the foreign minister was named after her
    text = ("Madrid, 2 de junio de 2025 -\n\nLa ministra de Defensa, Margarita Robles, visitó el lunes la base de Rota.\n\n"
            "La visita duró tres horas y terminó con una rueda de prensa.\n\n"
            "El presidente del Gobierno, Pedro Sánchez, no acudió a la base.\n\n"
            "La ministra de Defensa advirtió que Rusia pagará un alto precio si ataca a un país de la OTAN.")
    names = actor_names(of_type(backend, text, "es", "warning")[0])
    assert "Margarita Robles" in names
    assert "Pedro Sanchez" not in names and "Pedro Sánchez" not in names


def test_no_holder_of_the_office_leaves_the_claim_as_it_was(backend: RulesBackend) -> None:
    # nobody was named as a minister: the title stands for no one of the article
    text = ("Warszawa, 2 czerwca 2025 -\n\nPremier Donald Tusk odwiedził w poniedziałek bazę w Rzeszowie.\n\n"
            "Wizyta trwała trzy godziny. Żołnierze pokazali nowy sprzęt.\n\n"
            "Minister ostrzegł, że Rosja zapłaci wysoką cenę, jeśli zaatakuje kraj NATO.")
    assert "Donald Tusk" not in actor_names(of_type(backend, text, "pl", "warning")[0])


#: the speaker named beside a verb of saying the lists did not hold ("wrote", "schrieb",
#: "sostuvo", "frisou", "zaznaczył", "poručio je", "a martelé", "tutur", "cho hay")
_SAID_BY = [
    ("en", "pledge", "Friedrich Merz", "Germany will send more air defence systems to Ukraine, Chancellor Friedrich Merz wrote on X."),
    ("de", "pledge", "Friedrich Merz",
     "Deutschland werde weitere Luftabwehrsysteme an die Ukraine liefern, schrieb Bundeskanzler Friedrich Merz auf X."),
    ("es", "refusal", "Pedro Sanchez", "España no enviará tropas a Ucrania, sostuvo el presidente del Gobierno, Pedro Sánchez."),
    ("it", "refusal", "Giorgia Meloni", "L'Italia non invierà soldati in Ucraina, ha scritto la premier Giorgia Meloni su X."),
    ("pt", "refusal", "Luiz Inácio Lula da Silva",
     "O Brasil não enviará tropas à Ucrânia, frisou o presidente Luiz Inácio Lula da Silva."),
    ("pl", "refusal", "Donald Tusk", "Polska nie wyśle żołnierzy na Ukrainę, zaznaczył premier Donald Tusk."),
    ("hr", "refusal", "Andrej Plenković", "Hrvatska neće poslati vojnike u Ukrajinu, poručio je premijer Andrej Plenković."),
    ("fr", "refusal", "Emmanuel Macron", "La France n'enverra pas de troupes en Ukraine, a martelé le président Emmanuel Macron."),
    ("id", "refusal", "Sugiono", "Indonesia tidak akan mengirim pasukan ke Ukraina, tutur Menteri Luar Negeri Sugiono."),
    ("tr", "refusal", "Recep Tayyip Erdogan",
     "Türkiye Ukrayna'ya asker göndermeyecek, diye yazdı Cumhurbaşkanı Recep Tayyip Erdoğan."),
    ("vi", "pledge", "Bui Thanh Son", "Việt Nam sẽ viện trợ 1 triệu USD cho Myanmar, Bộ trưởng Ngoại giao Bùi Thanh Sơn cho hay."),
]


@pytest.mark.parametrize(("lang", "type_", "person", "text"), _SAID_BY, ids=[c[0] for c in _SAID_BY])
def test_the_person_beside_a_verb_of_saying_says_the_claim(
        backend: RulesBackend, lang: str, type_: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert person in actor_names(found[0])


#: a pronoun or a bare title after a phrase that opens the sentence, or put after its verb
#: of saying (German verb-second: "Am Dienstag sagte der Kanzler")
_FRONTED_PRONOUNS = [
    ("en", "pledge", "Friedrich Merz",
     "Berlin, June 2 -\n\nGerman Chancellor Friedrich Merz visited Kyiv on Monday.\n\n"
     "On Tuesday, he said Germany would send four more Patriot systems to Ukraine."),
    ("en", "pledge", "Friedrich Merz",
     "Berlin, June 2 -\n\nGerman Chancellor Friedrich Merz visited Kyiv on Monday.\n\n"
     "In Kyiv, the chancellor said Germany would send four more Patriot systems to Ukraine."),
    ("de", "pledge", "Friedrich Merz",
     "Berlin, 2. Juni -\n\nBundeskanzler Friedrich Merz besuchte am Montag Kiew.\n\n"
     "Am Dienstag sagte der Kanzler, Deutschland werde vier weitere Patriot-Systeme liefern."),
    ("es", "refusal", "Margarita Robles",
     "Madrid, 2 de junio -\n\nLa ministra de Defensa, Margarita Robles, viajó el lunes a Letonia.\n\n"
     "Tras la reunión, la ministra afirmó que España no enviará tropas a Ucrania."),
    ("fr", "refusal", "Jean-Noël Barrot",
     "Paris, 2 juin -\n\nLe ministre des Affaires étrangères Jean-Noël Barrot s'est rendu lundi à Kiev.\n\n"
     "À l'issue de la visite, il a déclaré que la France n'enverra pas de troupes en Ukraine."),
]


@pytest.mark.parametrize(("lang", "type_", "person", "text"), _FRONTED_PRONOUNS,
                         ids=[f"{c[0]}{i}" for i, c in enumerate(_FRONTED_PRONOUNS)])
def test_a_pronoun_after_an_opening_phrase_or_its_verb_stands_for_the_person_before(
        backend: RulesBackend, lang: str, type_: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert person in actor_names(found[0])


def test_a_pronoun_between_commas_after_the_subject_adds_its_speaker(backend: RulesBackend) -> None:
    # "Russia, he said, ..." names Russia as the one who will act; the pronoun adds its speaker
    text = ("Berlin, June 2 -\n\nGerman Chancellor Friedrich Merz visited Kyiv on Monday.\n\n"
            "Russia, he said, would face tougher sanctions if it refused a ceasefire.")
    names = actor_names(of_type(backend, text, "en", "warning")[0])
    assert "Friedrich Merz" in names


#: a title its country names, the country between article and office ("The French
#: president", "Der französische Präsident", "Polski premier", "Poland's prime minister")
_DEMONYM_TITLES = [
    ("en", "Emmanuel Macron",
     "Paris, June 2 -\n\nFrench President Emmanuel Macron hosted leaders on Monday.\n\n"
     "The talks lasted four hours. Journalists waited outside.\n\n"
     "The French president said France would send instructors to Ukraine."),
    ("en", "Donald Tusk",
     "Warsaw, June 2 -\n\nPolish Prime Minister Donald Tusk hosted leaders on Monday.\n\n"
     "The talks lasted four hours. Journalists waited outside.\n\n"
     "Poland's prime minister said Poland would send tanks to Ukraine."),
    ("de", "Emmanuel Macron",
     "Paris, 2. Juni -\n\nDer französische Präsident Emmanuel Macron empfing am Montag europäische "
     "Staats- und Regierungschefs.\n\nDie Gespräche dauerten vier Stunden. Journalisten warteten draußen.\n\n"
     "Der französische Präsident sagte, Frankreich werde Ausbilder in die Ukraine schicken."),
    ("pl", "Donald Tusk",
     "Warszawa, 2 czerwca -\n\nPremier Donald Tusk przyjął w poniedziałek europejskich przywódców.\n\n"
     "Rozmowy trwały cztery godziny. Dziennikarze czekali przed budynkiem.\n\n"
     "Polski premier zapowiedział, że Polska wyśle instruktorów na Ukrainę."),
    ("hr", "Andrej Plenković",
     "Zagreb, 2. lipnja -\n\nPremijer Andrej Plenković primio je u ponedjeljak europske čelnike.\n\n"
     "Razgovori su trajali četiri sata. Novinari su čekali ispred zgrade.\n\n"
     "Hrvatski premijer rekao je da će Hrvatska poslati instruktore u Ukrajinu."),
]


@pytest.mark.parametrize(("lang", "person", "text"), _DEMONYM_TITLES,
                         ids=[f"{c[0]}{i}" for i, c in enumerate(_DEMONYM_TITLES)])
def test_a_title_its_country_names_stands_for_that_countrys_holder_of_the_office(
        backend: RulesBackend, lang: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, "pledge")
    assert found, text
    assert person in actor_names(found[0])


def test_a_title_of_one_country_is_not_another_countrys_holder(backend: RulesBackend) -> None:
    # the only president named is Ukraine's: the French president is none of the article's
    text = ("Paris, June 2 -\n\nUkrainian President Volodymyr Zelensky arrived in Paris on Monday.\n\n"
            "The talks lasted four hours. Journalists waited outside.\n\n"
            "The French president said France would send instructors to Ukraine.")
    assert "Volodymyr Zelensky" not in actor_names(of_type(backend, text, "en", "pledge")[0])


#: a quote that goes on in a sentence of its own after the one naming its speaker
_CONTINUED_QUOTES = [
    ("en", "Friedrich Merz",
     'Berlin, June 2 -\n\n"We are doing everything we can," Chancellor Friedrich Merz said on Monday. '
     '"Germany will not deliver Taurus missiles to Ukraine."'),
    ("es", "Pedro Sanchez",
     'Madrid, 2 de junio -\n\n"Hacemos todo lo posible", dijo el lunes el presidente del Gobierno, Pedro Sánchez. '
     '"España no enviará tropas a Ucrania".'),
    ("fr", "Emmanuel Macron",
     "Paris, 2 juin -\n\n« Nous faisons tout notre possible », a déclaré lundi le président Emmanuel Macron. "
     "« La France n'enverra pas de troupes en Ukraine. »"),
    ("de", "Friedrich Merz",
     "Berlin, 2. Juni -\n\n„Wir tun alles, was wir können“, sagte Bundeskanzler Friedrich Merz am Montag. "
     "„Deutschland wird keine Taurus-Raketen an die Ukraine liefern.“"),
    ("it", "Giorgia Meloni",
     'Roma, 2 giugno -\n\n"Facciamo tutto il possibile", ha detto lunedì la premier Giorgia Meloni. '
     '"L\'Italia non invierà soldati in Ucraina".'),
    ("pl", "Donald Tusk",
     "Warszawa, 2 czerwca -\n\n- Robimy wszystko, co możemy - powiedział w poniedziałek premier Donald Tusk. "
     "- Polska nie wyśle żołnierzy na Ukrainę."),
]


@pytest.mark.parametrize(("lang", "person", "text"), _CONTINUED_QUOTES,
                         ids=[c[0] for c in _CONTINUED_QUOTES])
def test_a_quote_going_on_in_its_own_sentence_is_said_by_the_speaker_named_before(
        backend: RulesBackend, lang: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, "refusal")
    assert found, text
    assert person in actor_names(found[0])


def test_a_quote_in_the_next_paragraph_is_no_continued_quote(backend: RulesBackend) -> None:
    # a new paragraph: the quote may be anyone's, the speaker of the one before is not taken
    text = ('Berlin, June 2 -\n\n"We are doing everything we can," Chancellor Friedrich Merz said on Monday.\n\n'
            'Opposition leaders met later in the day.\n\n"Germany will not deliver Taurus missiles to Ukraine."')
    assert "Friedrich Merz" not in actor_names(of_type(backend, text, "en", "refusal")[0])


#: the person nearest the verb of saying is another country's leader the speaker met
_OTHER_NEAREST = [
    ("en", "Friedrich Merz",
     "Merz, speaking alongside French President Emmanuel Macron, said Germany would send four more Patriot systems."),
    ("es", "Pedro Sanchez",
     "Sánchez, que se reunió con Macron en París, aseguró que España enviará dos fragatas al Báltico."),
    ("de", "Friedrich Merz",
     "Nach einem Treffen mit Emmanuel Macron sagte Merz, Deutschland werde vier weitere Patriot-Systeme liefern."),
    ("it", "Giorgia Meloni",
     "Meloni, dopo l'incontro con Macron, ha detto che l'Italia invierà due fregate nel Baltico."),
    ("pl", "Donald Tusk", "Tusk po spotkaniu z Macronem powiedział, że Polska wyśle dwie fregaty na Bałtyk."),
]


@pytest.mark.parametrize(("lang", "person", "text"), _OTHER_NEAREST, ids=[c[0] for c in _OTHER_NEAREST])
def test_the_speaker_is_the_one_beside_the_verb_who_may_say_the_claim(
        backend: RulesBackend, lang: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, "pledge")
    assert found, text
    assert person in actor_names(found[0])


def test_another_countrys_leader_beside_the_verb_still_only_reports(backend: RulesBackend) -> None:
    # Zelensky reports Germany's pledge, and nobody else beside the verb may say it
    text = "Zelensky said Germany would send four more Patriot systems to Ukraine."
    assert actor_names(of_type(backend, text, "en", "pledge")[0]) == ["Germany"]


#: reported speech that goes on in the next sentence of the paragraph, naming no one
_REPORTED_ON = [
    ("en", "Friedrich Merz",
     "Berlin, June 2 -\n\nChancellor Friedrich Merz spoke after the summit. He stressed that Ukraine's own army "
     "would remain its first line of defence. After a ceasefire, the reserve force will be deployed to training "
     "centres in western Ukraine."),
    ("en", "Friedrich Merz",
     "Berlin, June 2 -\n\nChancellor Friedrich Merz said Ukraine's own army would remain its first line of defence. "
     "After a ceasefire, the coalition will send instructors to training centres in western Ukraine."),
    ("es", "Pedro Sanchez",
     "Madrid, 2 de junio -\n\nEl presidente del Gobierno, Pedro Sánchez, subrayó que el ejército ucraniano seguirá "
     "siendo la primera garantía. Tras un alto el fuego, la fuerza de reserva enviará instructores a los centros "
     "de formación."),
]


@pytest.mark.parametrize(("lang", "person", "text"), _REPORTED_ON, ids=[f"{c[0]}{i}" for i, c in enumerate(_REPORTED_ON)])
def test_reported_speech_going_on_in_the_next_sentence_is_the_speakers(
        backend: RulesBackend, lang: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, "pledge")
    assert found, text
    assert person in actor_names(found[0])


def test_reported_speech_does_not_go_on_into_the_next_paragraph(backend: RulesBackend) -> None:
    text = ("Berlin, June 2 -\n\nChancellor Friedrich Merz said Ukraine's own army would remain its first line "
            "of defence.\n\nAfter a ceasefire, the coalition will send instructors to training centres in western Ukraine.")
    assert "Friedrich Merz" not in actor_names(of_type(backend, text, "en", "pledge")[0])


def test_a_sentence_naming_its_own_actor_is_not_the_speakers_before(backend: RulesBackend) -> None:
    text = ("Berlin, June 2 -\n\nChancellor Friedrich Merz said Ukraine's own army would remain its first line "
            "of defence. After a ceasefire, Canada will send instructors to training centres in western Ukraine.")
    assert "Friedrich Merz" not in actor_names(of_type(backend, text, "en", "pledge")[0])


#: bare titles that name the head of state or government, or an office, in other words
#: ("el jefe del Ejecutivo", "szef rządu", "le chef de l'État", "the foreign secretary")
_OTHER_TITLES = [
    ("es", "Pedro Sanchez",
     "Madrid, 2 de junio -\n\nEl presidente del Gobierno, Pedro Sánchez, recibió el lunes a los líderes europeos.\n\n"
     "Las conversaciones duraron cuatro horas.\n\nEl jefe del Ejecutivo aseguró que España enviará instructores a Ucrania."),
    ("pl", "Donald Tusk",
     "Warszawa, 2 czerwca -\n\nPremier Donald Tusk przyjął w poniedziałek europejskich przywódców.\n\n"
     "Rozmowy trwały cztery godziny.\n\nSzef rządu zapowiedział, że Polska wyśle instruktorów na Ukrainę."),
    ("fr", "Emmanuel Macron",
     "Paris, 2 juin -\n\nLe président Emmanuel Macron a reçu lundi les dirigeants européens.\n\n"
     "Les discussions ont duré quatre heures.\n\nLe chef de l'État a assuré que la France enverra des instructeurs en Ukraine."),
    ("it", "Sergio Mattarella",
     "Roma, 2 giugno -\n\nIl presidente Sergio Mattarella ha ricevuto lunedì i leader europei.\n\n"
     "I colloqui sono durati quattro ore.\n\nIl capo dello Stato ha assicurato che l'Italia invierà istruttori in Ucraina."),
    ("pt", "Luís Montenegro",
     "Lisboa, 2 de junho -\n\nO primeiro-ministro Luís Montenegro recebeu na segunda-feira líderes europeus.\n\n"
     "As conversas duraram quatro horas.\n\nO chefe do governo afirmou que Portugal enviará instrutores para a Ucrânia."),
    ("en", "David Lammy",
     "London, June 2 -\n\nForeign Secretary David Lammy hosted European ministers on Monday.\n\n"
     "The talks lasted four hours.\n\nThe foreign secretary said Britain would send instructors to Ukraine."),
]


@pytest.mark.parametrize(("lang", "person", "text"), _OTHER_TITLES, ids=[c[0] for c in _OTHER_TITLES])
def test_a_bare_title_in_other_words_stands_for_the_person_before(
        backend: RulesBackend, lang: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, "pledge")
    assert found, text
    assert person in actor_names(found[0])


@pytest.mark.parametrize(("text", "person"), [
    ("Deutschland wird zwei Fregatten in die Ostsee schicken, sagte Jens Hartmann am Montag.", "Jens Hartmann"),
    ("Deutschland werde zwei Fregatten in die Ostsee schicken, erklärte Markus Brandt in Berlin.", "Markus Brandt"),
])
def test_a_german_name_in_no_gazetteer_after_its_verb_of_saying_says_the_claim(
        backend: RulesBackend, text: str, person: str) -> None:
    assert person in actor_names(of_type(backend, text, "de", "pledge")[0])


def test_a_german_time_phrase_after_the_verb_is_no_name(backend: RulesBackend) -> None:
    text = "Deutschland wird zwei Fregatten in die Ostsee schicken, sagte Anfang Juni ein Sprecher."
    assert actor_names(of_type(backend, text, "de", "pledge")[0]) == ["Germany"]


#: the speaker put after his verb of saying, a day and a place between (Romance news)
_LATE_SPEAKERS = [
    ("it", "Antonio Tajani", "L'Italia invierà due fregate nel Mar Rosso, ha detto lunedì a margine del Consiglio "
     "Affari esteri il ministro Antonio Tajani."),
    ("es", "José Manuel Albares", "España enviará dos fragatas al mar Rojo, aseguró este lunes en una rueda de "
     "prensa en Bruselas el ministro José Manuel Albares."),
    ("fr", "Jean-Noël Barrot", "La France enverra deux frégates en mer Rouge, a déclaré lundi à l'issue du Conseil "
     "des affaires étrangères le ministre Jean-Noël Barrot."),
]


@pytest.mark.parametrize(("lang", "person", "text"), _LATE_SPEAKERS, ids=[c[0] for c in _LATE_SPEAKERS])
def test_a_speaker_named_after_a_day_and_a_place_after_the_verb_says_the_claim(
        backend: RulesBackend, lang: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, "pledge")
    assert found, text
    assert person in actor_names(found[0])
