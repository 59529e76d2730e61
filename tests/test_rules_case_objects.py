"""A name a case article marks as an object or recipient is no actor (issue 13).

German writes the dative and accusative on the article: after a subject, "der Ukraine",
"dem Libanon", "den USA" name whom the claim's verb gives to or speaks to. With no name
before the article ("Der Iran sagte zu") or after "und" the name keeps its subject role.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of


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
