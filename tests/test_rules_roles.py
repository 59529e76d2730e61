"""Actor roles of the rules backend: a capital for its government, the group a person
speaks for, a name after a preposition never the actor, in several languages.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Places
from tests._rules_helpers import (
    actors_by_type,
    actors_of,
    date_value,
    drafts,
    first_of_each_type,
    of_type,
)

# a capital as the subject stands for its government
_SEATS = [
    ("en", "Washington refused to lift the sanctions.", "refusal", "United States"),
    ("ru", "Москва отказалась от участия в переговорах.", "refusal", "Russia"),
    ("uk", "Варшава пообіцяла надати ще одну партію боєприпасів.", "pledge", "Poland"),
    ("zh", "北京拒绝了这一提议。", "refusal", "China"),
    ("ja", "モスクワは提案を拒否した。", "refusal", "Russia"),
    ("fr", "Berlin a promis de livrer des systèmes de défense aérienne.", "pledge", "Germany"),
    ("de", "Paris warnte vor einer Eskalation des Konflikts.", "warning", "France"),
    ("id", "Ankara menolak rencana tersebut.", "refusal", "Turkey"),
    ("es", "Bruselas prometió nuevos fondos para la reconstrucción.", "pledge", "European Union"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actor"), _SEATS, ids=[s[0] + ":" + s[3] for s in _SEATS])
def test_a_capital_as_subject_is_its_government(backend: RulesBackend, lang: str, text: str,
                                                type_: str, actor: str) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert actor in actors


# a capital after a preposition, or naming a thing, is a place
_PLACES = [
    ("en", "Leaders met in Moscow on Tuesday.", "meeting", "Russia"),
    ("en", "The Paris summit ended without a deal, and Hungary refused to sign.", "refusal", "France"),
    ("fr", "Les ministres se sont réunis à Berlin.", "meeting", "Germany"),
    ("ru", "Министры встретились в Москве в среду.", "meeting", "Russia"),
    ("zh", "双方在北京举行会谈。", "meeting", "China"),
    ("ja", "両国の首脳はモスクワで会談した。", "meeting", "Russia"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "absent"), _PLACES, ids=[s[0] + ":" + s[3] for s in _PLACES])
def test_a_capital_as_place_is_no_actor(backend: RulesBackend, lang: str, text: str, type_: str,
                                        absent: str) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert absent not in actors


# an official speaks for a government: both are the actor, the person first
_SPEAKERS = [
    ("en", "Lavrov said Russia would not accept foreign troops in Ukraine.", "refusal",
     ["Sergey Lavrov", "Russia"]),
    ("en", "Trump ruled out sending American troops.", "refusal", ["Donald Trump", "United States"]),
    ("fr", "Emmanuel Macron a promis une aide supplémentaire.", "pledge", ["Emmanuel Macron", "France"]),
    ("zh", "马克龙承诺提供更多援助。", "pledge", ["Emmanuel Macron", "France"]),
    ("de", "Scholz lehnte die Lieferung von Marschflugkörpern ab.", "refusal", ["Olaf Scholz", "Germany"]),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actors"), _SPEAKERS, ids=[s[0] + ":" + s[2] for s in _SPEAKERS])
def test_a_person_comes_with_the_government_they_speak_for(backend: RulesBackend, lang: str,
                                                           text: str, type_: str,
                                                           actors: list[str]) -> None:
    got = actors_of(backend, text, lang, type_)
    assert [a for a in got if a in actors] == actors


def test_meetings_keep_their_participants_without_governments(backend: RulesBackend) -> None:
    claims = actors_by_type(backend, "Macron met Starmer in London on Friday.", "en")
    assert "France" not in claims["meeting"]


# a name after a preposition is not the actor, also when it follows the cue
_OBLIQUE_AFTER = [
    ("id", "Pemerintah tidak ingin melihat pasukan asing di Ukraina.", "refusal", "Ukraine"),
    ("en", "The ministry said it will not deploy soldiers to Poland.", "refusal", "Poland"),
    ("vi", "Chính phủ sẽ không triển khai quân tới Ba Lan.", "refusal", "Poland"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "absent"), _OBLIQUE_AFTER,
                         ids=[s[0] for s in _OBLIQUE_AFTER])
def test_a_name_after_a_preposition_is_not_the_actor(backend: RulesBackend, lang: str, text: str,
                                                     type_: str, absent: str) -> None:
    actors = actors_of(backend, text, lang, type_)
    assert absent not in actors


# refusing to take part in a meeting is no meeting
_NO_MEETING = [
    ("en", "Hungary refused to attend the summit."),
    ("fr", "La Pologne a refusé de participer aux négociations."),
    ("ru", "Венгрия отказалась участвовать в саммите."),
    ("es", "Hungría se negó a asistir a la cumbre."),
]


@pytest.mark.parametrize(("lang", "text"), _NO_MEETING, ids=[s[0] for s in _NO_MEETING])
def test_refusing_a_meeting_is_no_meeting(backend: RulesBackend, lang: str, text: str) -> None:
    claims = actors_by_type(backend, text, lang)
    assert "refusal" in claims and "meeting" not in claims, claims


def test_seats_come_from_the_place_data() -> None:
    places = Places.default()
    assert places.seat_of("Moscow") == "Russia"
    assert places.seat_of("Geneva") is None
    extended = Places([{"seats": {"Bern": "Switzerland"}, "places": {"Bern": ["Bern"]}}])
    assert extended.seat_of("Bern") == "Switzerland"


# the date of the story, for a claim with no date of its own nearby
def _dates(backend: RulesBackend, text: str, lang: str, published: str | None) -> dict[str, str | None]:
    return {t: date_value(d) for t, d in first_of_each_type(drafts(backend, text, lang, published)).items()}


def test_a_brief_naming_no_day_reports_the_publication_day(backend: RulesBackend) -> None:
    text = "Agency · 2025-06-02 10:15\nCanada committed an additional 500 million dollars in aid."
    assert _dates(backend, text, "en", "2025-06-02") == {"pledge": "2025-06-02"}


def test_the_lead_names_the_day_of_the_story(backend: RulesBackend) -> None:
    lead = "On Thursday, leaders of 20 countries gathered in Rome to discuss reconstruction."
    body = "Analysts expect a long process. " * 25
    text = f"{lead}\n\n{body}\n\nItaly refused to send troops."
    assert _dates(backend, text, "en", "2025-06-02") == {"meeting": "2025-05-29", "refusal": "2025-05-29"}


def test_a_date_after_publication_or_a_plan_is_not_the_story_day(backend: RulesBackend) -> None:
    # the plan's date is no day of the story: the refusal is reported the day it is published
    text = "The union will phase out gas imports by 1 January 2028.\n\nHungary refused to support the plan."
    assert _dates(backend, text, "en", "2025-06-02").get("refusal") == "2025-06-02"


# a claim with no day of its own: the lead's first day, else the publication day, even when
# the article names a month or a year as background (each text written for this test)
_STORY_DAYS = [
    ("en", "Poland will buy 96 tanks next year, the minister said on Friday.\n\n"
           "Slovakia refused to join the purchase.", "refusal", "2025-05-30"),
    ("fr", "La Pologne a reçu 200 chars depuis février 2022.\n\n"
           "La Hongrie a rejeté le nouveau paquet de sanctions.", "refusal", "2025-06-02"),
    ("es", "El acuerdo se negocia desde marzo de 2019.\n\n"
           "La portavoz rusa advirtió de graves consecuencias.", "warning", "2025-06-02"),
    ("pt", "As exportações caíram em abril.\n\n"
           "O Brasil recusou aplicar tarifas retaliatórias.", "refusal", "2025-06-02"),
    ("it", "Il piano era stato presentato a gennaio.\n\n"
           "L'Austria ha respinto la proposta della Commissione.", "refusal", "2025-06-02"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "day"), _STORY_DAYS, ids=[c[0] for c in _STORY_DAYS])
def test_an_undated_claim_takes_the_story_day_despite_background_dates(
    backend: RulesBackend, lang: str, text: str, type_: str, day: str
) -> None:
    assert _dates(backend, text, lang, "2025-06-02").get(type_) == day


def test_the_headline_tells_the_day_its_lead_names(backend: RulesBackend) -> None:
    text = (
        "Italia, Crosetto esclude l'invio di truppe\n\n"
        "ROMA - Il ministro della Difesa ha parlato venerdì alla Camera.\n\nAnalisti prudenti."
    )
    assert _dates(backend, text, "it", "2025-06-02").get("refusal") == "2025-05-30"


def test_no_publication_date_no_guess(backend: RulesBackend) -> None:
    assert _dates(backend, "Poland pledged new aid.", "en", None) == {"pledge": None}


# the day a claim takes from the story or the publication is given after restatements are
# merged: a headline restating its lead's claim joins it and takes the lead's own date (a
# day before publication: one after it, "by 1 July", dates what is promised, not the pledge)
_HEADLINE_RESTATED = [
    ("en", "Poland will send 100 tanks to Ukraine\n\nWARSAW, June 4, 2025 -\n\n"
           "Poland will send 100 tanks to Ukraine, the ministry said on 2 June.", "2025-06-02"),
    ("pt", "Portugal vai enviar 200 militares para a Roménia\n\nLisboa, 04 jun 2025 (Lusa) -\n\n"
           "Portugal vai enviar 200 militares para a Roménia, anunciou o ministro a 2 de junho.",
     "2025-06-02"),
]


@pytest.mark.parametrize(("lang", "text", "day"), _HEADLINE_RESTATED, ids=[c[0] for c in _HEADLINE_RESTATED])
def test_a_headline_restating_its_lead_joins_it_with_the_lead_date(
    backend: RulesBackend, lang: str, text: str, day: str
) -> None:
    pledges = of_type(backend, text, lang, "pledge", "2025-06-04")
    assert len(pledges) == 1, [d.spans for d in pledges]
    assert len(pledges[0].spans) == 2
    assert pledges[0].fields["date"].value == day
