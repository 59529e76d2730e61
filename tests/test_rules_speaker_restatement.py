"""A refusal or pledge restated by a speaker of the same country is one claim: "Russia
will not allow ..." then "Foreign Minister Lavrov said Moscow would not agree to ...":
the restatement's actors ("Lavrov, Russia") name the same group as the claim's
("Russia"), so it joins, and the claim takes the speaker too. Another country's
refusal of the same thing stays apart.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type, quotes


def _claims(backend: RulesBackend, text: str, lang: str, type_: str) -> list[tuple[list[str], list[str]]]:
    return [(quotes(d), actor_names(d)) for d in of_type(backend, text, lang, type_)]


_JOINED = [
    ("ru", "Россия не допустит размещения войск НАТО в Молдавии. Глава МИД Сергей Лавров заявил, "
     "что Москва не согласится на присутствие войск альянса.", "refusal", "Sergey Lavrov"),
    ("pl", "Węgry odrzuciły nowe sankcje wobec Moskwy. Minister Péter Szijjártó oświadczył, że "
     "Budapeszt zablokuje sankcje.", "refusal", "Peter Szijjarto"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "speaker"), _JOINED, ids=[c[0] for c in _JOINED])
def test_a_speaker_restating_his_countrys_claim_joins_it(
    backend: RulesBackend, lang: str, text: str, type_: str, speaker: str
) -> None:
    claims = _claims(backend, text, lang, type_)
    assert len(claims) == 1, claims
    spans, actors = claims[0]
    assert len(spans) == 2 and speaker in actors, claims


def test_another_countrys_refusal_of_the_same_thing_stays_apart(backend: RulesBackend) -> None:
    text = "Węgry odrzuciły nowe sankcje wobec Moskwy. Słowacja również odrzuciła sankcje."
    assert len(_claims(backend, text, "pl", "refusal")) == 2
