"""Trade unions in Russian and Ukrainian news ("Профспілка працівників освіти і науки
України", "Независимый профсоюз горняков России"): a union word opens or closes a body's
name as "Союз" and "Спілка" did, its English name is composed like any other body's
("... Workers Union of Ukraine", "Independent ... Union"), and a Ukrainian genitive plural
in -ів ("працівників", "металургів", "фермерів") continues a name; the pattern that stops
a name at a past verb ("попередив") stopped it there too, and before this change
"Профспілка працівників ... попередила" gave the country inside its name, or nobody.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(("text", "lang", "type_", "wanted"), [
    ("Профспілка працівників освіти і науки України попередила, що вчителі оголосять страйк, "
     "якщо уряд не підвищить зарплати.", "uk", "warning", "Education and Science Workers Union of Ukraine"),
    ("Незалежна профспілка металургів України попередила, що оголосить страйк.", "uk", "warning",
     "Independent Metallurgists Union of Ukraine"),
    ("Асоціація фермерів України попередила, що ціни на зерно зростуть.", "uk", "warning",
     "Farmers Association of Ukraine"),
    ("Профсоюз работников здравоохранения России предупредил, что врачи объявят забастовку.", "ru",
     "warning", "Health Workers Union of Russia"),
    ("Независимый профсоюз горняков России пообещал провести переговоры с владельцами шахт.", "ru",
     "pledge", "Independent Miners Union of Russia"),
])
def test_a_union_is_the_actor(backend: RulesBackend, text: str, lang: str, type_: str, wanted: str) -> None:
    got = actors_of(backend, text, lang, type_)
    assert got[:1] == [wanted], got


#: guards: a state body reads as before; a union named in a lower-case word after the verb
#: (the recipient) is no actor, the country or the person before the verb is
@pytest.mark.parametrize(("text", "lang", "type_", "wanted"), [
    ("Міністерство оборони попередило мешканців, що навчання триватимуть до ранку.", "uk", "warning",
     ["Ministry of Defence", "Ukraine"]),
    ("Польща пообіцяла профспілці залізничників нові гарантії.", "uk", "pledge", ["Poland"]),
    ("Прем'єр-міністр Денис Шмигаль пообіцяв профспілкам підвищити зарплати вчителям.", "uk", "pledge",
     ["Denys Shmyhal", "Ukraine"]),
    ("Россия пообещала профсоюзу горняков новые гарантии.", "ru", "pledge", ["Russia"]),
])
def test_bodies_and_speakers_as_before(backend: RulesBackend, text: str, lang: str, type_: str,
                                       wanted: list[str]) -> None:
    assert actors_of(backend, text, lang, type_) == wanted
