"""Who says a claim whose own verb opens the sentence with its subject left out, or put
after it (roles.py ``_said_spans``, used by ``_opening_report`` and ``_inverted_pronoun``):
"Advirtió que Rusia pagará ...", "Ostrzegł, że Rosja ...", "وتعهد بأن الأردن ...",
"Zugleich warnte er, Russland ..." are said by the person named in the sentence before,
as "Afirmó que ..." (a verb of saying) already was, not by the country named inside the
claim alone. And a Chinese pronoun before its verb with an adverb between them, written
with no space ("他还表示", "她同时强调"), stands for that person as "他表示" does.

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the mechanism, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

#: (language, claim type, the person who says it, text): the claim's verb opens its sentence,
#: its subject the person of the sentence before
_DROPPED = [
    ("es", "warning", "José Manuel Albares",
     "Madrid, 2 de junio de 2025 -\n\nEl ministro de Exteriores, José Manuel Albares, visitó el lunes Rabat. "
     "Advirtió que Rusia pagará un alto precio."),
    ("es", "refusal", "José Manuel Albares",
     "Madrid, 2 de junio de 2025 -\n\nEl ministro de Exteriores, José Manuel Albares, visitó el lunes Rabat. "
     "Descartó que España envíe tropas a Ucrania."),
    ("it", "pledge", "Antonio Tajani",
     "Roma, 2 giugno 2025 -\n\nIl ministro degli Esteri Antonio Tajani ha visitato lunedì Kiev. "
     "Ha promesso che l'Italia invierà nuovi aiuti."),
    ("pl", "warning", "Radosław Sikorski",
     "Warszawa, 2 czerwca 2025 -\n\nMinister spraw zagranicznych Radosław Sikorski odwiedził w poniedziałek Kijów. "
     "Ostrzegł, że Rosja może zaatakować kraje bałtyckie."),
    ("hr", "warning", "Gordan Grlić Radman",
     "Zagreb, 2. lipnja 2025. -\n\nMinistar vanjskih poslova Gordan Grlić Radman posjetio je u ponedjeljak Kijev. "
     "Upozorio je da bi Rusija mogla napasti Moldaviju."),
    ("ru", "warning", "Peter Szijjarto",
     "Москва, 2 июня 2025 -\n\nМинистр иностранных дел Венгрии Петер Сийярто в понедельник посетил Минск. "
     "Предупредил, что Венгрия заблокирует новые санкции."),
    ("uk", "warning", "Andrii Sybiha",
     "Київ, 2 червня 2025 -\n\nМіністр закордонних справ Андрій Сибіга у понеділок відвідав Варшаву. "
     "Також попередив, що Росія може атакувати енергетику."),
    ("ar", "pledge", "Ayman Safadi",
     "عمان، 2 يونيو 2025 -\n\nزار وزير الخارجية الأردني أيمن الصفدي دمشق يوم الاثنين. "
     "وتعهد بأن الأردن سيرسل مساعدات إنسانية إلى سوريا."),
    ("de", "warning", "Johann Wadephul",
     "Berlin, 2. Juni 2025 -\n\nAußenminister Johann Wadephul besuchte am Montag Kiew. "
     "Zugleich warnte er, Russland könne die Ukraine weiter angreifen."),
    ("zh", "refusal", "Wang Yi",
     "北京，2025年6月2日 -\n\n外交部长王毅2日在北京会见了来访的客人。他还表示，中国不会接受任何单边制裁。"),
    ("zh", "refusal", "Wang Yi",
     "北京，2025年6月2日 -\n\n外交部长王毅2日在北京会见了来访的客人。她同时强调，中国不会接受任何单边制裁。"),
]


@pytest.mark.parametrize(("lang", "type_", "person", "text"), _DROPPED,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(_DROPPED)])
def test_a_claim_verb_with_its_subject_left_out_is_said_by_the_person_named_before(
        backend: RulesBackend, lang: str, type_: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert person in actor_names(found[0])


#: the claim's sentence names its own subject before the verb: the person of the sentence
#: before says nothing of it
_OWN_SUBJECT = [
    ("es", "warning", "José Manuel Albares", "Russia",
     "Madrid, 2 de junio de 2025 -\n\nEl ministro de Exteriores, José Manuel Albares, visitó el lunes Rabat. "
     "Moscú advirtió que responderá a cualquier ataque."),
    ("pl", "warning", "Radosław Sikorski", "Russia",
     "Warszawa, 2 czerwca 2025 -\n\nMinister spraw zagranicznych Radosław Sikorski odwiedził w poniedziałek Kijów. "
     "Rosja ostrzegła, że odpowie na każdy atak."),
    ("ru", "warning", "Peter Szijjarto", "Russia",
     "Москва, 2 июня 2025 -\n\nМинистр иностранных дел Венгрии Петер Сийярто в понедельник посетил Минск. "
     "Россия предупредила, что ответит на любые новые санкции."),
]


@pytest.mark.parametrize(("lang", "type_", "person", "actor", "text"), _OWN_SUBJECT,
                         ids=[c[0] for c in _OWN_SUBJECT])
def test_a_claim_verb_with_its_own_subject_keeps_it(
        backend: RulesBackend, lang: str, type_: str, person: str, actor: str, text: str) -> None:
    names = actor_names(of_type(backend, text, lang, type_)[0])
    assert actor in names
    assert person not in names


def test_a_chinese_plural_pronoun_stands_for_no_one_person(backend: RulesBackend) -> None:
    # 他们 (they) before the adverb: the people of the delegation, not the minister named before
    text = "北京，2025年6月2日 -\n\n外交部长王毅2日在北京会见了来访的客人。他们还表示，中国不会接受任何单边制裁。"
    found = of_type(backend, text, "zh", "refusal")
    assert found, text
    assert "Wang Yi" not in actor_names(found[0])


def test_a_claim_noun_opening_a_sentence_is_no_verb_without_subject(backend: RulesBackend) -> None:
    # "The warning came from Moscow": a noun, its own sentence's subject; the minister says nothing
    text = ("Madrid, 2 de junio de 2025 -\n\nEl ministro de Exteriores, José Manuel Albares, visitó el lunes Rabat. "
            "La advertencia de Moscú llegó horas después: Rusia responderá a cualquier ataque.")
    for draft in of_type(backend, text, "es", "warning"):
        assert "José Manuel Albares" not in actor_names(draft)
