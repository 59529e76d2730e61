"""A spokesperson of a state's body speaks for the state (review of session 9, item 1).

The officials finder gives a person whose title names a body of one state (a gazetteer
organisation whose ``affiliation`` is a country: a ministry, the Kremlin, the White House,
the Pentagon, an armed force) that body's country, as it gives a title naming the country
("Russian Foreign Minister X") that country. Before, it gave the body, and the rules
backend patched the consequence in ``roles._agrees`` by the body's English label
("Ministry", "Office", ...): the White House's and the Pentagon's spokespeople (no such
word) were taken for reporters of their own country's claim, a UN office's spokesman (the
word "Office") for a speaker of any country's claim, and the body was listed after the
person instead of the country a known spokesperson (Maria Zakharova) gets. Every sentence
is new; each of the first group failed before.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Gazetteer, find_actors
from claimkit.schemas import ActorKind
from tests._rules_helpers import actors_of, drafts

# the spokesperson and the country of the body her title names, in the order the claim gives them
_SPEAKS_FOR_STATE = [
    ("en", "pledge", "White House spokeswoman Karen Miles said the United States would send more "
                     "air defence systems to Kyiv.", ["Karen Miles", "United States"]),
    ("en", "refusal", "Pentagon spokesman Tom Brady said the United States would not send troops "
                      "to Gaza.", ["Tom Brady", "United States"]),
    ("en", "pledge", "White House spokesman Paul Reed said Washington would impose new sanctions "
                     "on Iran next week.", ["Paul Reed", "United States"]),
    ("en", "warning", "Pentagon spokeswoman Sarah Cole warned that Washington would strike back "
                      "if its bases were attacked.", ["Sarah Cole", "United States"]),
    ("en", "refusal", "A spokesman for the Armed Forces of Ukraine, Oleh Koval, said Ukraine would "
                      "not give up the city.", ["Oleh Koval", "Ukraine"]),
    ("fr", "refusal", "Le porte-parole de la Maison Blanche, Paul Reed, a déclaré que Washington "
                      "n'enverrait pas de troupes.", ["Paul Reed", "United States"]),
    ("ru", "refusal", "Официальный представитель МИД России Наталья Орлова заявила, что Россия не "
                      "откроет посольство в Вильнюсе.", ["Natalia Orlova", "Russia"]),
    ("uk", "refusal", "Речник МЗС України Олег Коваль заявив, що Україна не визнає результати "
                      "виборів.", ["Oleh Koval", "Ukraine"]),
    ("uk", "pledge", "Речник МЗС України Олег Коваль заявив, що Київ надасть Молдові 10 "
                     "генераторів.", ["Oleh Koval", "Ukraine"]),
]


@pytest.mark.parametrize(("lang", "type_", "text", "expected"), _SPEAKS_FOR_STATE)
def test_a_state_body_spokesperson_says_her_states_claim(
    backend: RulesBackend, lang: str, type_: str, text: str, expected: list[str]
) -> None:
    assert actors_of(backend, text, lang, type_) == expected


# Japanese: the person's romanisation is another engineer's (nat9) matter; the claim is the
# person's (first) and her state's, not the ministry's
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("ロシア外務省のオルロワ報道官は、ロシアは大使館を閉鎖しないと述べた。", "Russia"),
        ("米国防総省のブレイディ報道官は、米国は部隊を派遣しないと述べた。", "United States"),
        ("ウクライナ外務省のコバリ報道官は、ウクライナは選挙結果を認めないと述べた。", "Ukraine"),
    ],
)
def test_a_japanese_ministry_spokesperson_says_her_states_claim(backend: RulesBackend, text: str, country: str) -> None:
    found = [d for d in drafts(backend, text, "ja") if d.type == "refusal"]
    assert found, text
    actors = found[0].fields["actor"]
    assert [a.kind for a in actors] == [ActorKind.person, ActorKind.country], actors
    assert actors[1].label == country


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "White House spokeswoman Karen Miles said.", "US"),
        ("en", "Pentagon spokesman Tom Brady said.", "US"),
        ("en", "A spokesman for the White House, Paul Reed, said.", "US"),
        ("en", "A spokesman for the Armed Forces of Ukraine, Oleh Koval, said.", "UA"),
        ("ru", "Официальный представитель МИД России Наталья Орлова заявила.", "RU"),
        ("ru", "Официальный представитель МИД РФ Игорь Волков заявил.", "RU"),
        ("uk", "Речниця МЗС України Олена Коваль заявила.", "UA"),
        ("ja", "ロシア外務省のオルロワ報道官は述べた。", "RU"),
        ("ja", "米国防総省のブレイディ報道官は述べた。", "US"),
        # guards: a body of no state, and a title that names the country, as before
        ("en", "NATO spokeswoman Anna Berg said.", "NATO"),
        ("en", "UN Human Rights Office spokesman Tom Hale said.", "UN Human Rights Office"),
        ("de", "Ein Sprecher des russischen Außenministeriums, Igor Wolkow, sagte.", "RU"),
    ],
)
def test_the_officials_finder_gives_a_state_bodys_spokesperson_its_country(lang: str, text: str, code: str) -> None:
    persons = [m.actor for m in find_actors(text, language=lang) if m.actor.kind == ActorKind.person]
    assert len(persons) == 1, persons
    assert Gazetteer.default().affiliation(persons[0], language=lang) == code


# guards: whom the spokesperson does not speak for
_NOT_HERS = [
    # she reports another country's claim
    ("en", "pledge", "White House spokeswoman Karen Miles said Germany would send more air defence "
                     "systems to Kyiv.", ["Germany"]),
    # a UN office is no state's: its spokesman reports Russia's claim (before, the word
    # "Office" made him Russia's speaker)
    ("en", "refusal", "UN Human Rights Office spokesman Tom Hale said Russia would not allow "
                      "monitors into the prisons.", ["Russia"]),
    # a body of no state speaks for itself, after its spokesperson
    ("en", "pledge", "UN Human Rights Office spokeswoman Lisa Grant said the office would send a "
                     "team to Sudan.", ["Lisa Grant", "UN Human Rights Office"]),
    ("en", "refusal", "NATO spokeswoman Anna Berg said NATO would not send troops to Ukraine.",
     ["Anna Berg", "NATO"]),
    # a known spokeswoman, as before: what an unknown one now gets
    ("ru", "refusal", "Официальный представитель МИД России Мария Захарова заявила, что Россия не "
                      "откроет посольство в Вильнюсе.", ["Maria Zakharova", "Russia"]),
]


@pytest.mark.parametrize(("lang", "type_", "text", "expected"), _NOT_HERS)
def test_a_spokesperson_speaks_only_for_her_body(
    backend: RulesBackend, lang: str, type_: str, text: str, expected: list[str]
) -> None:
    assert actors_of(backend, text, lang, type_) == expected
