"""Where an official's name ends, and which country names are in an oblique case.

A name next to a title is its capitalised words and the particles names hold ("da",
"von der", "de"); any other lower-case word ends it: "Marco Bellini *met* ...",
"Ivan Horvat *and his* Slovenian counterpart ..." were read as one name. A counterpart
is a title ("his Lithuanian counterpart Tomas Petraitis"), and German writes titles as
one compound word ("Innenminister", "Finanzministerin"). A country written with a case
ending in a language with cases is governed (an object, a recipient, the one warned),
unless it is the genitive of a group after an actor noun or a title ("правительство
Франции"). Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from claimkit.normalize import Gazetteer, find_actors
from claimkit.schemas import ActorKind

_NAMES = [
    ("en", "Italian Interior Minister Marco Bellini met Tunisian Foreign Minister Samir Haddad in Rome.",
     ["Marco Bellini", "Samir Haddad"]),
    ("en", "Croatian Defence Minister Ivan Horvat and his Slovenian counterpart Marko Novak met in Zagreb.",
     ["Ivan Horvat", "Marko Novak"]),
    ("en", "Dutch Prime Minister Pieter de Vries met Belgian Prime Minister Luc Peeters on Monday.",
     ["Pieter de Vries", "Luc Peeters"]),
    ("en", "Brazilian Foreign Minister Ana da Silva Ramos said on Monday that talks would resume.",
     ["Ana da Silva Ramos"]),
    ("fr", "La ministre, Sophie Lambert, a rencontré son homologue, Karim Benali, à Rabat.",
     ["Sophie Lambert", "Karim Benali"]),
    ("de", "Der österreichische Innenminister Gerhard Mayer traf seinen ungarischen Amtskollegen Sándor Kovács.",
     ["Gerhard Mayer", "Sándor Kovács"]),
    ("de", "Finanzministerin Anna Berger sagte am Montag, der Haushalt stehe.", ["Anna Berger"]),
]


@pytest.mark.parametrize(("lang", "text", "names"), _NAMES, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NAMES)])
def test_a_name_ends_at_a_word_that_is_no_particle(lang: str, text: str, names: list[str]) -> None:
    found = [m.actor.name or m.actor.text for m in find_actors(text, language=lang)
             if m.actor.kind == ActorKind.person]
    assert found == names


def test_a_compound_word_that_only_ends_like_a_title_is_not_one_without_a_name() -> None:
    text = "Die Ministerin sagte, der Staatschef werde nicht kommen."
    assert [m for m in find_actors(text, language="de") if m.actor.kind == ActorKind.person] == []


_GOVERNED = [
    ("ru", "Россия предупредила Францию о последствиях.", "Францию", True),
    ("ru", "Китаю Россия пообещала поставки газа.", "Китаю", True),
    ("ru", "Китаю Россия пообещала поставки газа.", "Россия", False),
    ("ru", "Правительство Франции отказалось от участия.", "Франции", False),
    ("ru", "МИД России заявил о последствиях.", "России", False),
    ("uk", "Україні Німеччина пообіцяла нові системи.", "Україні", True),
    ("uk", "Україні Німеччина пообіцяла нові системи.", "Німеччина", False),
    ("hr", "Ukrajini je Njemačka obećala pomoć.", "Ukrajini", True),
    ("ru", "США пообещали помощь.", "США", False),
    ("ru", "Китай отказался от участия.", "Китай", False),
]


@pytest.mark.parametrize(("lang", "text", "word", "governed"), _GOVERNED,
                         ids=[f"{t[0]}:{t[2]}:{i}" for i, t in enumerate(_GOVERNED)])
def test_a_country_with_a_case_ending_is_governed(lang: str, text: str, word: str, governed: bool) -> None:
    start = text.index(word)
    assert Gazetteer.default().governed(text, start, start + len(word), language=lang) is governed


# a group in no gazetteer named with a group noun is an organisation as written, and a
# country inside its name is part of it; a known name and a lone group noun are not
_GROUPS = [
    ("en", "The Sudan Liberation Army refused to join the talks.", ["Sudan Liberation Army"]),
    ("en", "The National Union of Rail Workers warned of a strike.", ["National Union of Rail Workers"]),
    ("es", "El Movimiento de Liberación Popular rechazó el alto el fuego.", ["Movimiento de Liberación Popular"]),
    # a name the organisation tables say in full is named in English (issue 13)
    ("fr", "Le Syndicat National des Journalistes a mis en garde contre la loi.", ["National Union of Journalists"]),
    ("fr", "Le Syndicat National des Journalistes Sportifs a mis en garde.", ["Syndicat National des Journalistes Sportifs"]),
    ("en", "The European Union warned Russia.", ["European Union", "Russia"]),
    ("en", "The Army said it would not comment.", []),
    # a headline in title case: capitals make no name, the countries stay
    ("en", "Hungary Blocks Union Funds For Kyiv\nBudapest said on Monday it would not agree.", ["Hungary"]),
    ("en", "Russia Warns NATO Alliance Over Troops\nThe warning came on Monday.", ["Russia", "NATO"]),
]


@pytest.mark.parametrize(("lang", "text", "labels"), _GROUPS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_GROUPS)])
def test_a_group_in_no_gazetteer_is_named_as_written(lang: str, text: str, labels: list[str]) -> None:
    assert [m.actor.label for m in find_actors(text, language=lang)] == labels
