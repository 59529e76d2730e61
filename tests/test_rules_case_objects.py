"""A name a case article marks as an object or recipient is no actor (issue 13).

German writes the dative and accusative on the article: after a subject, "der Ukraine",
"dem Libanon", "den USA" name whom the claim's verb gives to or speaks to. With no name
before the article ("Der Iran sagte zu") or after "und" the name keeps its subject role. Polish, Croatian, Russian and Ukrainian write the case on the
name itself: a person named with a dative or accusative ending ("obiecał Sikorskiemu",
"zapewnił Zełenskiego") is no actor and no speaker.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, actors_of, drafts


@pytest.mark.parametrize(
    ("text", "type_", "actors"),
    [
        ("Der Außenminister sagte, dass Japan der Ukraine weitere Hilfe zusagte.", "pledge", ["Japan"]),
        ("Berlin teilte mit, dass Kanada der Türkei weitere Hilfe zusagte.", "pledge", ["Canada"]),
        ("Es wurde bekannt, dass Österreich dem Libanon weitere Hilfe zusagt.", "pledge", ["Austria"]),
        ("Die Regierung erklärte, Frankreich werde der Ukraine weitere Hilfe zusagen.", "pledge", ["France"]),
        ("Nach Angaben aus Tokio hat Japan der Ukraine weitere Hilfe zugesagt.", "pledge", ["Japan"]),
    ],
)
def test_a_recipient_after_a_case_article_is_no_actor(
    backend: RulesBackend, text: str, type_: str, actors: list[str]
) -> None:
    assert actors_of(backend, text, "de", type_) == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Der Iran sagte weitere Hilfe zu.", ["Iran"]),
        ("Japan und der Iran sagten weitere Hilfe zu.", ["Japan", "Iran"]),
    ],
)
def test_a_subject_with_its_article_still_acts(backend: RulesBackend, text: str, actors: list[str]) -> None:
    assert actors_of(backend, text, "de", "pledge") == actors


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("pl", "Minister obiecał Sikorskiemu dalsze wsparcie.", "Radosław Sikorski"),
        ("pl", "Prezydent zapewnił Wołodymyra Zełenskiego o dalszym wsparciu.", "Volodymyr Zelensky"),
        ("hr", "Premijer je obećao Zelenskom daljnju pomoć.", "Volodymyr Zelensky"),
        ("pl", "Premier zapewnił Zełenskiego o dalszym wsparciu.", "Volodymyr Zelensky"),
    ],
)
def test_a_person_named_in_the_dative_or_accusative_is_no_actor(
    backend: RulesBackend, lang: str, text: str, person: str
) -> None:
    """A person's name with a case ending no alias lists ("Sikorskiemu", "Zełenskiego",
    "Zelenskom") names whom the claim is made to, in a language with cases: neither the
    subject nor the speaker after a verb of saying ("zapewnił")."""
    assert person not in actors_of(backend, text, lang, "pledge")


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        ("pl", "Tusk obiecał Zełenskiemu dalsze wsparcie.", ["Donald Tusk", "Poland"]),
        ("hr", "Plenković je obećao Zelenskom daljnju pomoć.", ["Andrej Plenković", "Croatia"]),
        ("pl", "Polska nie wyśle wojsk na Ukrainę, powiedział Tusk.", ["Donald Tusk", "Poland"]),
    ],
)
def test_a_person_in_the_nominative_still_acts(backend: RulesBackend, lang: str, text: str, actors: list[str]) -> None:
    found = [d for d in drafts(backend, text, lang) if d.type in ("pledge", "refusal")]
    assert found and actor_names(found[0]) == actors


def test_a_case_article_after_a_name_governed_by_a_preposition_keeps_its_subject(backend: RulesBackend) -> None:
    """"mit Scholz" is no subject, so "der Iran" after it is the nominative subject."""
    assert "Iran" in actors_of(backend, "Nach dem Treffen mit Scholz sagte der Iran weitere Hilfe zu.", "de", "pledge")
