"""Two claims in one clause or one article that the backend used to fold into one.

- Two predicates coordinated in one clause ("pledged $40 million but refused to back
  the call"): the precedence rule that removes a pledge beside a refusal is for a cue
  inside the other's reach ("refused to send troops"), not for two verbs joined by a
  ``coordinator`` word; both claims stand.
- Two pledges of one actor with the same object but different stated amounts (40
  billion dollars of trade, then 50 million euros for reception centres) are two
  pledges: the ``agree: ["quantity"]`` merge condition keeps them apart.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts


def _types(backend: RulesBackend, text: str, lang: str) -> list[str]:
    return sorted(d.type for d in drafts(backend, text, lang))


_COORDINATED = [
    ("en", "Norway pledged 40 million dollars for the reconstruction fund but refused to back the call for new sanctions."),
    ("fr", "Le Canada a promis 20 millions de dollars au fonds humanitaire mais a refusé de soutenir l'embargo."),
    ("es", "Colombia se comprometió a enviar médicos a Haití pero rechazó desplegar policías."),
    ("it", "La Spagna ha promesso due fregate alla missione ma ha respinto l'invio di truppe di terra."),
]


@pytest.mark.parametrize(("lang", "text"), _COORDINATED, ids=[c[0] for c in _COORDINATED])
def test_a_pledge_and_a_refusal_coordinated_in_one_clause_are_two_claims(
    backend: RulesBackend, lang: str, text: str
) -> None:
    assert _types(backend, text, lang) == ["pledge", "refusal"]


def test_a_refusal_with_a_pledge_verb_as_its_object_stays_one_refusal(backend: RulesBackend) -> None:
    assert _types(backend, "Norway refused to send troops and weapons to the mission.", "en") == ["refusal"]


_AMOUNTS = [
    ("it", "Roma, 2 giugno 2025 - L'Italia si impegna a portare gli scambi con il Marocco a 10 miliardi di "
     "euro entro il 2030. L'Italia stanzierà inoltre 30 milioni di euro per le scuole marocchine."),
    ("en", "LONDON, June 2, 2025 - Britain pledged 500 million pounds to the climate fund. "
     "Britain will also provide 20 million pounds for flood defences in Bangladesh."),
]


@pytest.mark.parametrize(("lang", "text"), _AMOUNTS, ids=[c[0] for c in _AMOUNTS])
def test_two_pledges_of_one_actor_with_different_amounts_stay_two(
    backend: RulesBackend, lang: str, text: str
) -> None:
    assert _types(backend, text, lang) == ["pledge", "pledge"]
