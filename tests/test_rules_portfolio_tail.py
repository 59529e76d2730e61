"""A title with a portfolio of several words before its holder's name (issue 13, `titles16`):
"ministre de la Transition écologique X", "ministro degli Affari esteri tunisino X",
"ministro da Ciência, Tecnologia e Inovação X", "ministra de Trabajo y Economía Social X",
"Menteri Sumber Daya Manusia Malaysia X", Arabic "وزير المياه والري الأردني X" (water and
irrigation). The portfolio's first capitalised word after a
function word was read as a place or a body ("il sindaco di Pescara") and the name after
its lower-case words was lost, or a portfolio word opened the name ("Social Yolanda Díaz");
an Arabic country adjective three words from its title was no mention, and a portfolio of
three words no title lists was not stepped over.

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the change, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize._demonyms import _ar_portfolio_words
from tests._rules_helpers import actor_names, of_type

#: (language, claim type, the person who says it, text)
_HOLDERS = [
    ("fr", "warning", "Agnès Marchand",
     "La ministre de la Transition écologique Agnès Marchand a averti que les inondations allaient se multiplier."),
    ("fr", "pledge", "Jean Dupuis",
     "Le ministre des Solidarités et des Familles Jean Dupuis a promis une hausse des allocations."),
    ("it", "warning", "Carlo Benedetti",
     "Il ministro degli Affari esteri tunisino Carlo Benedetti ha avvertito che la crisi potrebbe peggiorare."),
    ("it", "warning", "Paola Ferri",
     "La ministra della Transizione ecologica Paola Ferri ha avvertito che la siccità durerà mesi."),
    ("pt", "pledge", "Luciana Moreira",
     "O ministro da Ciência, Tecnologia e Inovação Luciana Moreira prometeu investir mais em pesquisa."),
    ("pt", "pledge", "Marcos Teixeira",
     "O ministro da Ciência e Tecnologia Marcos Teixeira prometeu investir mais em pesquisa."),
    ("es", "warning", "Yolanda Serrano",
     "La ministra de Trabajo y Economía Social Yolanda Serrano advirtió que el paro podría subir."),
    ("es", "pledge", "Pablo Ortiz",
     "El ministro de Transformación digital y Función pública Pablo Ortiz prometió reducir la burocracia."),
    ("id", "pledge", "Steven Lim",
     "Menteri Sumber Daya Manusia Malaysia Steven Lim berjanji akan menaikkan upah minimum."),
    ("id", "pledge", "Yandri Saputra",
     "Menteri Desa dan Pembangunan Daerah Tertinggal Yandri Saputra berjanji akan membangun jalan desa."),
    ("ar", "warning", "Kurdi", "حذر وزير المياه والري الأردني سامي الكردي من أن الجفاف سيضر بالمحاصيل."),
    ("ar", "warning", "Kurdi", "حذر وزير النقل والمواصلات العراقي سامي الكردي من أن الطرق غير آمنة."),
    ("ar", "pledge", "Mansouri", "تعهد وزير الزراعة والثروة السمكية خالد المنصوري بتقديم دعم للمزارعين."),
    ("ar", "refusal", "Khaled Omar",
     "أكد وزير الخارجية والتعاون الدولي السوداني خالد عمر أن بلاده لن تقبل أي تدخل أجنبي."),
]


@pytest.mark.parametrize(("lang", "type_", "person", "text"), _HOLDERS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(_HOLDERS)])
def test_the_holder_after_a_portfolio_of_several_words_says_the_claim(
        backend: RulesBackend, lang: str, type_: str, person: str, text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert person in (actor_names(found[0]) or [""])[0], actor_names(found[0])


#: (language, claim type, a name that must not be an actor, text): a body, a place and a
#: clause after a title's capitalised word, no portfolio before a name
_GUARDS = [
    # a clause after a place: the name after it is the verb's object, not the mayor
    ("it", "warning", "Marco Rossi",
     "Il sindaco di Pescara ha detto che Marco Rossi avvertì che la crisi potrebbe peggiorare."),
    # a place after the body: "em Brasília" is where, no portfolio
    ("pt", "pledge", "Brasília",
     "O presidente da Petrobras em Brasília Carlos Mendes prometeu investir mais em pesquisa."),
]


@pytest.mark.parametrize(("lang", "type_", "not_actor", "text"), _GUARDS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(_GUARDS)])
def test_no_portfolio_is_read_into_a_body_a_place_or_a_clause(
        backend: RulesBackend, lang: str, type_: str, not_actor: str, text: str) -> None:
    found = of_type(backend, text, lang, type_)
    assert found, text
    assert not any(not_actor in a for a in actor_names(found[0])), actor_names(found[0])


def test_a_ministry_of_the_same_shape_stays_a_body(backend: RulesBackend) -> None:
    found = of_type(backend, "El Ministerio de Trabajo y Economía Social advirtió que el paro podría subir.",
                    "es", "warning")
    assert found
    names = actor_names(found[0])
    assert names and all(n.startswith("Ministry") for n in names), names


@pytest.mark.parametrize(("before", "extra"), [
    (["حذر", "وزير", "المياه", "والري"], 1),  # a portfolio of two words joined by "و"
    (["وزير", "الخارجية", "والتعاون", "الدولي"], 2),  # three
    (["وزير", "النقل", "البري", "الجديد"], 0),  # definite words no "و" joins: no portfolio reach
    (["قال", "حسن", "والري"], 0),  # one word: the one word a noun may have after it anyway
    (["قال", "المياه", "والري", "هنا"], 0),  # an indefinite word before the adjective
])
def test_an_arabic_portfolio_joined_by_wa_carries_a_country_adjective_further(before: list[str], extra: int) -> None:
    assert _ar_portfolio_words(before) == extra
