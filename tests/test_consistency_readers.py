"""Issue 17: links a reader makes that the keys missed, and the cases that must stay apart.

Hand-made claim sets in several languages and date granularities: places
written with more words than their name, collectives whose members go
unnamed, an undated report of a summit announced for the day of publication,
and refusals whose object names the actor's own people or the recipient's
capital; an article naming its meeting twice.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimkit.consistency import group_events, validate
from claimkit.consistency.keys import KeyBuilder
from claimkit.schemas import Actor, DateRef, DocumentClaims, Quantity

from .test_consistency import GB, RU, UA, country, kinds, record
from .test_consistency_intervals import _stance, meeting, meeting_groups

US = country("United States", "US")
COALITION = {"ru": "коалиции желающих", "de": "Koalition der Willigen", "vi": "Liên minh tự nguyện"}


def coalition(language: str) -> Actor:
    return Actor(text=COALITION[language], name="Coalition of the Willing", kind="group", resolved=True)


def day_group() -> list[DocumentClaims]:
    return [meeting("en", "2025-03-27"), meeting("vi", "2025-03-27", language="vi")]


@pytest.mark.parametrize(("place", "language"), [
    ("u Parizu", "hr"), ("в Париже", "ru"), ("Paris, France", "en"), ("Élysée Palace, Paris", "fr"),
    ("ở Paris", "vi"), ("パリで", "ja"),
])
def test_a_place_written_with_more_words_is_the_place_it_names(place: str, language: str) -> None:
    month = [*day_group(), meeting("x", "2025-03", language=language, place=place)]
    assert meeting_groups(month) == [["en", "vi", "x"]]
    undated = [*day_group(), meeting("x", None, language=language, place=place, published="2025-03-27")]
    assert meeting_groups(undated) == [["en", "vi", "x"]]


def test_a_place_naming_several_places_or_another_one_stays_apart() -> None:
    keys = KeyBuilder()
    assert keys.location_key("London and Paris") == "london and paris"
    assert keys.location_key("u Parizu") == keys.location_key("Paris") == "paris"
    for place in ("London and Paris", "u Berlinu", "Berlin, Germany"):
        recs = [*day_group(), meeting("x", "2025-03", language="hr", place=place)]
        assert meeting_groups(recs) == [["en", "vi"], ["x"]], place


@pytest.mark.parametrize("language", ["ru", "de", "vi"])
def test_a_collective_at_the_same_place_joins_the_named_participants(language: str) -> None:
    month = [*day_group(), meeting("x", "2025-03", language=language, participants=(coalition(language),))]
    assert meeting_groups(month) == [["en", "vi", "x"]]
    undated = [*day_group(), meeting("x", None, language=language, participants=(coalition(language),),
                                     published="2025-03-28")]
    assert meeting_groups(undated) == [["en", "vi", "x"]]


def test_a_collective_elsewhere_or_nowhere_or_facing_one_named_participant_stays_apart() -> None:
    cow = (coalition("ru"),)
    elsewhere = [*day_group(), meeting("x", "2025-03", language="ru", place="Берлин", participants=cow)]
    assert meeting_groups(elsewhere) == [["en", "vi"], ["x"]]
    nowhere = [*day_group(), meeting("x", "2025-03", language="ru", place=None, participants=cow)]
    assert meeting_groups(nowhere) == [["en", "vi"], ["x"]]
    # one named participant (Russia) against the coalition: not the same meeting by that alone
    alone = [meeting("en", "2025-03-27", participants=(RU,)), meeting("x", "2025-03", language="ru", participants=cow)]
    assert meeting_groups(alone) == [["en"], ["x"]]
    # a person (no collective) with other participants: as before, apart
    other = [*day_group(), meeting("x", "2025-03", language="ru", participants=(RU,))]
    assert meeting_groups(other) == [["en", "vi"], ["x"]]


def test_an_undated_report_of_a_summit_announced_for_the_day_joins_it() -> None:
    same_day = [*day_group(), meeting("x", None, language="hr", place="Pariz", status="scheduled",
                                      published="2025-03-27")]
    assert meeting_groups(same_day) == [["en", "vi", "x"]]
    days_before = [*day_group(), meeting("x", None, status="scheduled", published="2025-03-24")]
    assert meeting_groups(days_before) == [["en", "vi", "x"]]
    # announced after the summit (another one to come), or two weeks before, or only proposed
    after = [*day_group(), meeting("x", None, status="scheduled", published="2025-03-28")]
    assert meeting_groups(after) == [["en", "vi"], ["x"]]
    early = [*day_group(), meeting("x", None, status="scheduled", published="2025-03-13")]
    assert meeting_groups(early) == [["en", "vi"], ["x"]]
    proposed = [*day_group(), meeting("x", None, status="proposed", published="2025-03-27")]
    assert meeting_groups(proposed) == [["en", "vi"], ["x"]]


@pytest.mark.parametrize("refused", [
    "sending French troops to Ukraine", "French soldiers on Ukrainian soil", "sending troops to Kyiv",
    "any deployment of French forces to Ukraine", "boots on the ground in Ukraine",
    "a reassurance force for Ukraine", "sending troops to Ukraine now",
])
def test_the_actors_own_people_and_the_recipients_capital_do_not_narrow_a_refusal(refused: str) -> None:
    for pledge in ({}, {"recipient": UA}):  # unnamed or the same recipient
        assert len(kinds(validate(_stance(pledge, refused)).findings, "contradiction")) == 1, (refused, pledge)
    # a pledge to another country: another position
    assert kinds(validate(_stance({"recipient": RU}, refused)).findings, "contradiction") == [], refused


@pytest.mark.parametrize("refused", [
    "deploying troops to Ukraine after a ceasefire", "sending troops to the front line",
    "sending British troops to Ukraine", "sending troops to Moscow",
])
def test_a_refusal_narrower_than_the_pledge_is_no_contradiction(refused: str) -> None:
    assert kinds(validate(_stance({"recipient": UA}, refused)).findings, "contradiction") == [], refused


def test_country_words() -> None:
    keys = KeyBuilder()
    assert [keys.country_word(w) for w in ("ukraine", "ukrainian", "french", "kyiv", "moscow")] == \
        ["c:UA", "c:UA", "c:FR", "c:UA", "c:RU"]
    assert [keys.country_word(w) for w in ("front", "line", "soil", "paris summit")] == [None] * 4


def _restated(doc_id: str, dates: list[Any], *, participants: list[tuple[Actor, ...]] | None = None,
              statuses: list[str | None] | None = None, published: str | None = None,
              language: str = "ja") -> DocumentClaims:
    """One article naming its Washington meeting once per date given (headline, body...)."""
    quotes = [f"ワシントンで会談した ({doc_id}{k})" for k in range(len(dates))]
    specs = []
    for k, (quote, date) in enumerate(zip(quotes, dates, strict=True)):
        specs.append({"kind": "meeting", "quote": quote, "actor": [US], "location": "ワシントン",
                      "participants": list((participants or [(US, UA)] * len(dates))[k]),
                      "status": (statuses or ["held"] * len(dates))[k], "date": date})
    return record(doc_id, " ".join(quotes), specs, published=published, language=language)


def _word(raw: str) -> DateRef:
    return DateRef(value=None, raw=raw, resolution="unresolved")


def test_an_article_naming_its_meeting_twice_is_one_event() -> None:
    # the headline's undated "gather in Washington" and the body's "on Monday", no publication date
    assert meeting_groups([_restated("ja", [None, _word("月曜日")])]) == [["ja"]]
    (group,) = [g for g in group_events([_restated("ja", [None, _word("月曜日")])]) if g.type == "meeting"]
    assert len(group.claims) == 2
    # dated: the undated headline follows the body's day into another outlet's report of it
    recs = [_restated("id", [None, "2025-08-18"], published="2025-08-19", language="id"),
            _restated("en", ["2025-08-18"], published="2025-08-18", language="en")]
    groups = [g for g in group_events(recs) if g.type == "meeting"]
    assert [sorted(g.claims) for g in groups] == [sorted(c.id for r in recs for c in r.claims)]
    assert len(kinds(validate(recs).findings, "corroboration")) == 1


def test_an_articles_meetings_of_other_days_people_or_status_stay_apart() -> None:
    cases = {
        "two days": _restated("a", ["2025-08-18", "2025-08-19"]),
        "two weekdays": _restated("b", [_word("月曜日"), _word("火曜日")]),
        "other people": _restated("c", [None, None], participants=[(US, UA), (US, UA, GB)]),
        "one participant": _restated("d", [None, None], participants=[(US,), (US,)]),
        "held and scheduled": _restated("e", [None, None], statuses=["held", "scheduled"]),
    }
    for name, rec in cases.items():
        groups = [g for g in group_events([rec]) if g.type == "meeting"]
        assert [len(g.claims) for g in groups] == [1, 1], name


def _counted(doc_id: str, quote: str, count: int, language: str) -> DocumentClaims:
    """A report of the Paris summit whose count was given without its unit (as gold claims are)."""
    return record(doc_id, quote + ".", [{"kind": "meeting", "quote": quote, "actor": [UA], "location": "Paris",
                                         "participants": [UA, GB], "participant_count": Quantity(value=count),
                                         "date": "2025-03-27", "status": "held"}], language=language)


def test_counts_without_a_unit_take_the_unit_their_quote_states() -> None:
    countries = {"en": "Leaders of 26 countries met in Paris", "ru": "Лидеры 26 стран встретились в Париже",
                 "vi": "Lãnh đạo 26 nước họp tại Paris", "ja": "26カ国の首脳がパリで会談"}
    for language, quote in countries.items():
        recs = [_counted("a", quote, 26, language), _counted("b", "30 лидеров приехали в Париж", 30, "ru")]
        assert kinds(validate(recs).findings, "conflict") == [], language  # countries vs leaders
        recs = [_counted("a", quote, 26, language), _counted("b", "30 countries met in Paris", 30, "en")]
        (found,) = kinds(validate(recs).findings, "conflict")  # both countries: 26 vs 30
        assert "participant counts disagree" in found.message, language


def test_a_summit_in_any_language_is_one_event_with_a_meeting() -> None:
    topics = {"en": ("Paris", "meeting"), "fr": ("Paris", "sommet de la coalition"),
              "de": ("Paris", "Gipfel"), "ru": ("Париж", "саммит"), "es": ("París", "cumbre"),
              "ja": ("パリ", "首脳会議"), "hr": ("Pariz", "sastanak na vrhu")}
    recs = [record(lang, f"Leaders met ({lang}).", [{
        "kind": "meeting", "quote": f"Leaders met ({lang})", "actor": [UA], "participants": [UA, GB],
        "location": place, "topic": topic, "date": "2025-03-27" if lang in ("en", "fr") else "2025-03",
        "status": "held"}], language=lang) for lang, (place, topic) in topics.items()]
    assert meeting_groups(recs) == [sorted(topics)]


def test_a_venue_the_place_names_do_not_know_is_no_place_conflict() -> None:
    def report(doc_id: str, place: str, language: str) -> DocumentClaims:
        return meeting(doc_id, "2025-03-02", language=language, place=place, participants=(GB, UA, RU))

    venue = [report("en", "London", "en"), report("vi", "Lancaster House", "vi")]
    assert kinds(validate(venue).findings, "conflict") == []
    two_cities = [report("en", "London", "en"), report("vi", "Paris", "vi")]  # known places: a conflict
    (found,) = kinds(validate(two_cities).findings, "conflict")
    assert found.details["field"] == "location"
