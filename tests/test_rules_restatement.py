"""Restatements of a refusal or a warning within one document become one claim.

An article states its main refusal in the headline, the lead and the body; gold and
readers want it once, with every quote. A later refusal joins an earlier one of the
same actor when the thing refused (the pledge category after the cue: troops, money,
weapons, sanctions, ...) is the same and the dates do not differ; a later warning
joins one of the same actor and the same target. Different things refused, different
actors or targets stay apart.

Every text is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import of_type, quotes_of

_RESTATED = [
    ("en", "Italy refuses to send troops\n\nRome, June 2. Italy has refused to send troops to "
     "Ukraine. The government said the decision was final.\n\nItaly will not send soldiers to "
     "the mission, officials added.", "refusal"),
    ("fr", "La Hongrie bloque les sanctions\n\nLa Hongrie a bloqué le nouveau paquet de "
     "sanctions lundi. Les diplomates sont divisés.\n\nLa Hongrie refuse toujours les "
     "sanctions contre Moscou.", "refusal"),
    ("es", "Hungría veta las sanciones\n\nHungría vetó el nuevo paquete de sanciones. Los "
     "diplomáticos están divididos.\n\nHungría rechazó de nuevo las sanciones.", "refusal"),
    ("en", "China warns Japan\n\nChina warned Japan on Monday over its missile plans. The "
     "ministry spoke in Beijing.\n\nChina again warned Japan of serious consequences.",
     "warning"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _RESTATED, ids=[f"{s[0]}:{s[2]}" for s in _RESTATED])
def test_a_restated_refusal_or_warning_is_one_claim_with_every_span(
    backend: RulesBackend, lang: str, text: str, type_: str
) -> None:
    claims = quotes_of(backend, text, lang, type_)
    assert len(claims) == 1, claims
    assert len(claims[0]) >= 2, claims


_APART = [
    # different things refused by one actor
    ("en", "Hungary refused to send troops to Ukraine. The talks went on.\n\nHungary also "
     "blocked the new sanctions package.", "refusal"),
    # the same thing refused by two actors
    ("en", "Italy refused to send troops to Ukraine. The talks went on.\n\nSpain refused to "
     "send troops as well.", "refusal"),
    # a refusal with no thing named is not joined to one that names it
    ("en", "Italy refused to send troops to Ukraine. The talks went on.\n\nItaly rejected "
     "the proposal.", "refusal"),
    # one actor warning two targets
    ("en", "China warned Japan on Monday. The ministry spoke in Beijing.\n\nChina warned the "
     "Philippines on Tuesday.", "warning"),
]


@pytest.mark.parametrize(("lang", "text", "type_"), _APART, ids=[str(i) for i in range(len(_APART))])
def test_different_refusals_or_warnings_stay_apart(
    backend: RulesBackend, lang: str, text: str, type_: str
) -> None:
    assert len(quotes_of(backend, text, lang, type_)) == 2


def test_a_merge_object_must_be_a_keyword_map_of_the_cue_data() -> None:
    from claimkit.errors import InputError

    bad = {"types": {"refusal": {"merge": [{"same": ["actor"], "object": "refusal.nothing"}]}}}
    with pytest.raises(InputError, match="no keyword map 'refusal.nothing'"):
        RulesBackend(cues=bad)


# a pledge restated with other words (same actor, same thing pledged, dates not
# differing) is one pledge; the same actor pledging another thing is another pledge
_PLEDGE_RESTATED = [
    ("en", "Italy will send troops to Ukraine. The talks lasted four hours. Italy will also deploy "
     "soldiers along the border."),
    ("fr", "L'Italie enverra des troupes en Ukraine. Les discussions ont duré quatre heures. L'Italie "
     "va déployer des soldats à la frontière."),
    ("es", "España enviará tropas a Ucrania. Las conversaciones duraron cuatro horas. España "
     "desplegará soldados en la frontera."),
    ("de", "Italien wird Truppen in die Ukraine schicken. Die Gespräche dauerten vier Stunden. "
     "Italien wird Soldaten an die Grenze entsenden."),
]


@pytest.mark.parametrize(("lang", "text"), _PLEDGE_RESTATED, ids=[t[0] for t in _PLEDGE_RESTATED])
def test_restated_pledge_is_one(backend: RulesBackend, lang: str, text: str) -> None:
    pledges = quotes_of(backend, text, lang, "pledge")
    assert len(pledges) == 1 and len(pledges[0]) == 2, pledges


def test_pledges_of_different_things_stay_apart(backend: RulesBackend) -> None:
    text = ("Italy will send troops to Ukraine. The talks lasted four hours. Italy will also "
            "provide money for reconstruction.")
    assert len(quotes_of(backend, text, "en", "pledge")) == 2


# a meeting named again after a determiner or "after" ("nakon razgovora") in a clause of its own takes no date from another clause of its sentence
# (the day of the aid sent): it restates the call reported before
_AFTER_THE_CALL = [
    ("hr", "Premijer je u nedjelju telefonom razgovarao s predsjednikom Slovenije. Hrvatska će "
     "Sloveniji u četvrtak poslati dva kanadera, najavio je nakon razgovora ministar."),
    ("hr", "Ministar je u ponedjeljak razgovarao s kolegom iz Mađarske. Zagreb će u petak "
     "isporučiti plin, rekao je nakon razgovora ministar."),
]


@pytest.mark.parametrize(("lang", "text"), _AFTER_THE_CALL, ids=[f"{s[0]}:{i}" for i, s in enumerate(_AFTER_THE_CALL)])
def test_a_meeting_named_again_after_a_call_is_that_call(backend: RulesBackend, lang: str, text: str) -> None:
    claims = quotes_of(backend, text, lang, "meeting")
    assert len(claims) == 1, claims
    assert len(claims[0]) == 2, claims


def test_a_restatement_with_a_condition_makes_the_claim_conditional(backend: RulesBackend) -> None:
    # the report leaves the terms out, the restatement gives them ("without a mandate")
    text = ("Vlada je odbila slanje hrvatskih vojnika u Libanon. Hrvatska neće poslati vojnike "
            "bez mandata Vijeća sigurnosti, rekao je premijer.")
    refusals = of_type(backend, text, "hr", "refusal")
    assert [(len(d.spans), d.fields.get("modality")) for d in refusals] == [(2, "conditional")]



@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # two pledges of the same kind whose actors are unknown (cities the gazetteer does
        # not list) are not one actor's: before, the empty actor lists compared equal
        ("fr", "Kairouan s'est dit prêt à financer de nouvelles écoles. Le débat reste vif. "
         "Sfax a par ailleurs promis 3 millions d'euros au fonds régional."),
        ("en", "Springfield offered to fund two new clinics. The debate goes on. Shelbyville "
         "has also promised 4 million dollars to the regional fund."),
    ],
)
def test_claims_without_an_actor_are_not_one_claim(backend: RulesBackend, lang: str, text: str) -> None:
    assert len(quotes_of(backend, text, lang, "pledge")) == 2
