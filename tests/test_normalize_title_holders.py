"""Officials in no gazetteer named after their title, in two shapes the officials finder
missed: a party's acronym in brackets after the name ("Umweltminister Stefan Gruber
(ÖVP)"), read before as a body's own acronym, which made the name a body's and no one's;
and a Russian portfolio in the genitive ending in "-ли" after a consonant ("министр
торговли", "министр земли"), read before as a verb in the past tense ("заявили"), which
ends the words between a title and its holder; and an envoy named after the place of his
posting ("Russia's ambassador in Paris, Ivan Sokolov", "Ambasador Rosji w Warszawie Iwan
Sokołow"), where the preposition ended the title. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimkit.normalize import find_actors
from claimkit.schemas import ActorKind


def _people(text: str, lang: str) -> list[str]:
    return [m.actor.name for m in find_actors(text, language=lang) if m.actor.kind == ActorKind.person]


@pytest.mark.parametrize(("lang", "text", "person"), [
    ("de", "Der österreichische Umweltminister Stefan Gruber (ÖVP) sagte zu, die Anlage zu schließen.",
     "Stefan Gruber"),
    ("de", "Bayerns Ministerpräsident Markus Söder (CSU) sagte zu, die Anlage zu schließen.", "Markus Söder"),
    ("pl", "Minister zdrowia Jan Nowak (PSL) zapowiedział reformę szpitali.", "Jan Nowak"),
    ("hr", "Ministar financija Marko Primorac (HDZ) najavio je reformu.", "Marko Primorac"),
    ("it", "Il ministro dei Trasporti Marco Bellini (PD) ha promesso nuovi fondi.", "Marco Bellini"),
    ("en", "Senator Jane Miller (D) warned that the bill would fail.", "Jane Miller"),
])
def test_a_party_acronym_after_a_name_keeps_the_name_a_persons(lang: str, text: str, person: str) -> None:
    assert _people(text, lang) == [person]


@pytest.mark.parametrize(("lang", "text", "body"), [
    ("pl", "Prezes Narodowy Fundusz Zdrowia (NFZ) zapowiedział reformę.", "National Health Fund"),
    ("es", "El director del Servicio Nacional de Meteorología (SNM) advirtió de lluvias.",
     "National Meteorology Service"),
    ("it", "Il presidente dell'Istituto Nazionale di Statistica (ISTAT) ha avvertito.",
     "National Statistics Institute"),
])
def test_a_bodys_own_acronym_keeps_its_words_a_body(lang: str, text: str, body: str) -> None:
    """Guards: an acronym whose initial opens one of the capitalised words before it is
    theirs, a body's name, no person's."""
    found = find_actors(text, language=lang)
    assert [m.actor.name for m in found] == [body]
    assert all(m.actor.kind != ActorKind.person for m in found)


@pytest.mark.parametrize(("text", "people"), [
    ("Об этом заявил министр торговли Антон Волков.", ["Anton Volkov"]),
    ("Об этом заявил министр торговли и интеграции Антон Волков.", ["Anton Volkov"]),
    ("Министр торговли Сергей Волков и министр земли Иван Петров подписали соглашение.",
     ["Sergey Volkov", "Ivan Petrov"]),
])
def test_a_russian_portfolio_ending_in_li_after_a_consonant_is_no_verb(text: str, people: list[str]) -> None:
    assert _people(text, "ru") == people


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Министры обсудили Бюджетный кодекс."),
    ("ru", "Министр сообщил Андрею Белову о решении."),
    ("uk", "Міністри обговорили Бюджетний кодекс."),
])
def test_a_past_tense_verb_after_a_title_still_ends_it(lang: str, text: str) -> None:
    """Guards: "-ли", "-л" after a vowel is a verb in the past tense; what follows it is no
    holder of the title."""
    assert _people(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "person"), [
    ("en", "Russia's ambassador in Paris, Ivan Sokolov, warned on Tuesday that Moscow would respond.",
     "Ivan Sokolov"),
    ("en", "Russian Ambassador to France Ivan Sokolov warned on Tuesday that Moscow would respond.",
     "Ivan Sokolov"),
    ("fr", "L'ambassadeur de Russie en France, Ivan Sokolov, a averti mardi que Moscou répondrait.",
     "Ivan Sokolov"),
    ("es", "El embajador ruso en Madrid, Iván Sokolov, advirtió que Moscú respondería.", "Iván Sokolov"),
    ("it", "L'ambasciatore russo a Roma, Ivan Sokolov, ha avvertito che Mosca risponderà.", "Ivan Sokolov"),
    ("pt", "O embaixador russo em Lisboa, Ivan Sokolov, avisou que Moscovo responderá.", "Ivan Sokolov"),
    ("de", "Der russische Botschafter in Berlin, Iwan Sokolow, warnte, Moskau werde reagieren.", "Iwan Sokolow"),
    ("pl", "Ambasador Rosji w Warszawie Iwan Sokołow ostrzegł, że Moskwa odpowie.", "Ivan Sokolov"),
    ("hr", "Ruski veleposlanik u Zagrebu Ivan Sokolov upozorio je da će Moskva odgovoriti.", "Ivan Sokolov"),
    ("id", "Duta Besar Rusia untuk Indonesia Ivan Sokolov memperingatkan bahwa Moskow akan merespons.",
     "Ivan Sokolov"),
])
def test_an_envoy_named_after_his_posting_is_a_person(lang: str, text: str, person: str) -> None:
    """An envoy's title, the place or country of the posting after a preposition ("in
    Paris", "to France", "en Madrid", "w Warszawie"), then the name: the name is the
    title's holder (the ambassador's titles of fr, es, it, pt, de, pl, hr, tr are listed)."""
    assert _people(text, lang) == [person]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Wang Yi met his counterpart in New Delhi on Monday."),
    ("en", "The ambassador in Paris, France, said nothing new."),
    ("es", "La embajada rusa en Madrid advirtió que Moscú respondería."),
])
def test_a_posting_with_no_name_after_it_names_no_one(lang: str, text: str) -> None:
    """Guards: a place after a title and no name after it (a date, a country, nothing) is
    where the holder is, no person; an embassy is no title."""
    assert [p for p in _people(text, lang) if p != "Wang Yi"] == []
