"""Issue 17: placing undated position claims in time, consequences as sets, government seats.

Hand-made claim sets in several languages and date granularities, positive
and negative: every rule that adds links is shown not to add false ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimkit.consistency import group_events, validate
from claimkit.consistency.placement import article_years, place_articles, quoted_year
from claimkit.schemas import Actor, DateRef, Document, DocumentClaims, Pledge, Span, WarningClaim

from .test_consistency import GB, RU, UA, kinds, record


def pledge_spec(quote: str, actor: Actor = GB, what: str = "troops", date: str | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"kind": "pledge", "quote": quote, "actor": [actor], "what": what}
    if date is not None:
        spec["date"] = date
    return spec


def refusal_spec(quote: str, actor: Actor = RU, what: str = "NATO troops in Ukraine") -> dict[str, Any]:
    return {"kind": "refusal", "quote": quote, "actor": [actor], "what": what}


def meeting_spec(quote: str, date: str, location: str = "Brussels") -> dict[str, Any]:
    return {"kind": "meeting", "quote": quote, "actor": [GB], "participants": [GB, UA],
            "location": location, "date": date, "status": "held"}


def labels(recs: list[DocumentClaims], type_: str) -> dict[str, list[str]]:
    """Group label (without type) -> sorted doc ids, for groups of one type."""
    return {g.label.split(" · ", 1)[1]: sorted(g.doc_ids) for g in group_events(recs) if g.type == type_}


# ------------------------------------------------------------ 1. quoted date words


ZH = "去年12月,外交部发言人表示,俄罗斯不会接受北约军队进驻乌克兰。"


def test_an_undated_claim_takes_the_year_its_own_quote_says() -> None:
    dated = record("en", "Russia will not accept NATO troops in Ukraine.",
                   [refusal_spec("Russia will not accept NATO troops")], published="2025-12-20")
    # a February 2026 article: "last December" is December 2025
    zh = record("zh", ZH, [refusal_spec("去年12月,外交部发言人表示,俄罗斯不会接受北约军队进驻乌克兰")],
                published="2026-02-25", language="zh")
    assert labels([dated, zh], "refusal") == {"Russia · troops (NATO troops in Ukraine) · 2025": ["en", "zh"]}
    # without the date words its publication bounds it: 2026, apart
    plain = record("zh", ZH, [refusal_spec("俄罗斯不会接受北约军队进驻乌克兰")],
                   published="2026-02-25", language="zh")
    assert sorted(labels([dated, plain], "refusal")) == [
        "Russia · troops (NATO troops in Ukraine) · 2025", "Russia · troops (NATO troops in Ukraine) · 2026"]


def test_quoted_year_needs_one_year_and_an_anchor_for_relative_words() -> None:
    def claim_of(quote: str, published: str | None, language: str) -> tuple[Pledge, Document]:
        doc = Document(id="d", text=quote, language=language,
                       published=dt.date.fromisoformat(published) if published else None)
        return Pledge(doc_id="d", actor=[GB], what="troops",
                      evidence=[Span(start=0, end=len(quote), text=quote)]), doc

    assert quoted_year(*claim_of("Im März 2025 sagte London Truppen zu", None, "de")) == 2025
    assert quoted_year(*claim_of("去年12月,英国表示", "2026-02-25", "zh")) == 2025
    assert quoted_year(*claim_of("去年12月,英国表示", None, "zh")) is None  # nothing to anchor it
    assert quoted_year(*claim_of("In March 2024 and in May 2025 London said", None, "en")) is None
    assert quoted_year(*claim_of("London will send troops", "2025-03-28", "en")) is None
    assert quoted_year(*claim_of("26 Länder sagten am Donnerstag Truppen zu", "2025-09-05", "de")) is None
    # a target after the publication's year says nothing of when the pledge was made
    assert quoted_year(*claim_of("London will have troops ready by March 2026", "2025-11-20", "en")) is None
    assert quoted_year(*claim_of("Londres aura des troupes prêtes d'ici mars 2026", "2025-11-20", "fr")) is None
    assert quoted_year(*claim_of("London will have troops ready by March 2026", None, "en")) == 2026


def test_only_quotes_that_may_date_a_year_are_read() -> None:
    from claimkit.consistency.placement import _may_date_a_year

    for text in ("去年12月,外交部", "hôm 2/3", "27 March", "März 2025", "1 décembre", "ngày 10/4", "in 2024"):
        assert _may_date_a_year(text), text
    for text in ("26 countries pledged", "Thursday", "item (doc0000000-2)", "3 soldiers"):
        assert not _may_date_a_year(text), text


# ------------------------------------------------------ 2. the article's own dates

VI = ("Ngày 10/4, các bộ trưởng họp tại Brussels. Ngày 2/3, hội nghị ở London. "
      "Anh sẵn sàng gửi quân tới Ukraine.")


def vi_article(dates: tuple[str, ...]) -> DocumentClaims:
    specs = [meeting_spec("các bộ trưởng họp tại Brussels", dates[0])]
    if len(dates) > 1:
        specs.append(meeting_spec("hội nghị ở London", dates[1], "London"))
    specs.append(pledge_spec("Anh sẵn sàng gửi quân tới Ukraine"))
    return record("vi", VI, specs, published=None, language="vi")


def en_pledge(doc_id: str, published: str) -> DocumentClaims:
    return record(doc_id, "Britain will send troops to Ukraine.", [pledge_spec("Britain will send troops")],
                  published=published)


def test_an_article_without_publication_date_is_placed_by_its_own_dated_claims() -> None:
    recs = [en_pledge("a25", "2025-03-28"), en_pledge("b26", "2026-02-25"),
            vi_article(("2025-04-10", "2025-03-02"))]
    assert labels(recs, "pledge") == {"United Kingdom · troops · 2025": ["a25", "vi"],
                                      "United Kingdom · troops · 2026": ["b26"]}


def test_own_dates_place_nothing_when_they_disagree_are_one_or_end_the_year() -> None:
    base = [en_pledge("a25", "2025-03-28"), en_pledge("b26", "2026-02-25")]
    for dates in (("2025-04-10", "2026-03-02"),  # two years
                  ("2028-01-01",),  # one date may be a target ("by 2028")
                  ("2025-12-20", "2025-12-10")):  # published in 2025 or early 2026?
        assert labels([*base, vi_article(dates)], "pledge")["United Kingdom · troops · year unknown"] == ["vi"]


def test_meetings_still_to_come_do_not_place_their_article_in_their_year() -> None:
    # a December 2025 article (no publication date) announcing two meetings of 2026
    announced = vi_article(("2026-04-10", "2026-03-02"))
    for claim in announced.claims:
        if claim.type == "meeting":
            object.__setattr__(claim, "status", "scheduled")
    recs = [en_pledge("a25", "2025-03-28"), en_pledge("b26", "2026-05-25"), announced]
    assert labels(recs, "pledge")["United Kingdom · troops · year unknown"] == ["vi"]
    held = [en_pledge("a25", "2025-03-28"), en_pledge("b26", "2026-05-25"), vi_article(("2026-04-10", "2026-03-02"))]
    assert labels(held, "pledge")["United Kingdom · troops · 2026"] == ["b26", "vi"]  # held: they do


def test_article_years_in_unit() -> None:
    recs = [vi_article(("2025-04-10", "2025-03-02"))]
    from claimkit.consistency import build_context

    assert article_years(build_context(recs).infos) == {"vi": 2025}
    assert article_years(build_context([vi_article(("2025-04", "2025-03"))]).infos) == {"vi": 2025}
    assert article_years(build_context([en_pledge("a", "2025-03-28")]).infos) == {}  # dated: not needed


# ------------------------------------------------ 3. shared positions place an article

JA = "英国はウクライナに部隊を派遣する。ロシアは北大西洋条約機構の部隊を受け入れない。米国は保証を与える。"
US = Actor(text="米国", name="United States", kind="country", iso_code="US", resolved=True)


def ja_article(doc_id: str = "ja") -> DocumentClaims:
    return record(doc_id, JA, [pledge_spec("英国はウクライナに部隊を派遣する"),
                               refusal_spec("ロシアは北大西洋条約機構の部隊を受け入れない"),
                               pledge_spec("米国は保証を与える", actor=US, what="guarantee")],
                  published=None, language="ja")


def year_reports(year: int, doc: str, *, uk: bool = True, ru: bool = True, us: bool = False) -> DocumentClaims:
    text = "Britain will send troops. Russia rejects NATO troops. The US gives guarantees."
    specs = ([pledge_spec("Britain will send troops")] if uk else []) + (
        [refusal_spec("Russia rejects NATO troops")] if ru else []) + (
        [pledge_spec("The US gives guarantees", actor=US, what="guarantee")] if us else [])
    return record(doc, text, specs, published=f"{year}-05-02")


def test_an_undated_article_joins_the_year_two_shared_positions_agree_on() -> None:
    recs = [year_reports(2025, "en25"), ja_article()]
    pledges = labels(recs, "pledge")
    assert pledges["United Kingdom · troops · 2025"] == ["en25", "ja"]
    # its third claim, reported nowhere else, is placed with its article
    assert pledges["United States · guarantee · 2025"] == ["ja"]
    assert len(kinds(validate(recs).findings, "corroboration")) == 2


def test_one_shared_position_or_split_votes_place_nothing() -> None:
    one = [year_reports(2025, "en25", ru=False), ja_article()]
    assert labels(one, "pledge")["United Kingdom · troops · year unknown"] == ["ja"]
    # one block says 2025, the other 2026: no majority
    split = [year_reports(2025, "en25", ru=False), year_reports(2026, "en26", uk=False), ja_article()]
    assert "United Kingdom · troops · year unknown" in labels(split, "pledge")
    # a block reported in two years casts no vote
    both = [year_reports(2025, "en25"), year_reports(2026, "en26", ru=False), ja_article()]
    refusals = labels(both, "refusal")
    assert refusals["Russia · troops (NATO troops in Ukraine) · year unknown"] == ["ja"]


def test_a_placed_article_places_another_in_the_next_round() -> None:
    # ja shares two 2025 positions with en25; ja2 shares only the guarantee (with ja)
    # and the UK pledge: after ja is placed, both of ja2's blocks say 2025
    ja2 = record("ja2", "英国は部隊を派遣する。米国は保証を与える。",
                 [pledge_spec("英国は部隊を派遣する"), pledge_spec("米国は保証を与える", actor=US, what="guarantee")],
                 published=None, language="ja")
    recs = [year_reports(2025, "en25"), year_reports(2026, "en26", ru=False, uk=False, us=False), ja_article(), ja2]
    assert labels(recs, "pledge")["United States · guarantee · 2025"] == ["ja", "ja2"]


def test_place_articles_in_unit() -> None:
    known: dict[str, set[int]] = {"a": {2025}, "b": {2025}, "c": {2025, 2026}}
    assert place_articles({"x": ["a", "b", "z"], "y": ["a"], "w": ["c", "c"]}, known) == {"x": 2025}
    assert known["z"] == {2025}  # x's other block now has a year
    assert place_articles({"y": ["a", "z"]}, known) == {"y": 2025}
    assert place_articles({"v": ["p", "q"]}, {"p": {2024}, "q": {2026}}) == {}


# ------------------------------------------------- warnings: consequences as sets


def warning(doc: str, consequence: str | None, language: str, text: str) -> DocumentClaims:
    d = Document(id=doc, text=text, language=language, published=dt.date(2025, 9, 5))
    us = Actor(text="Trump", name="Donald Trump", kind="person", resolved=True)
    putin = Actor(text="Putin", name="Vladimir Putin", kind="person", resolved=True)
    claim = WarningClaim(doc_id=doc, actor=[us], target=[putin], consequence=consequence,
                         date=DateRef(value="2025-09-04", resolution="explicit"),
                         evidence=[Span(start=0, end=len(text), text=text)])
    return DocumentClaims(document=d, claims=[claim])


def test_warnings_to_one_target_split_by_consequence_compared_as_sets() -> None:
    sanctions = warning("a", "new US and European sanctions", "en", "Trump warned Putin of new sanctions.")
    tougher = warning("b", "tougher sanctions on Russian oil", "de", "Trump drohte Putin mit Sanktionen.")
    vague = warning("c", "Putin will see something happen", "id", "Trump: Putin akan melihat sesuatu terjadi.")
    unnamed = warning("d", None, "fr", "Trump a mis en garde Poutine.")
    groups = labels([sanctions, tougher, vague], "warning")
    assert sorted(groups.values()) == [["a", "b"], ["c"]]
    # a warning naming no consequence cannot be told apart: with two named ones it stays alone
    assert sorted(labels([sanctions, vague, unnamed], "warning").values()) == [["a"], ["c"], ["d"]]
    # with one named position it joins it
    assert list(labels([sanctions, unnamed], "warning").values()) == [["a", "d"]]


# --------------------------------------------- government seats speak for their country


def test_the_white_house_and_the_kremlin_speak_for_their_countries() -> None:
    def refusal_by(doc: str, actor: Actor, text: str, language: str) -> DocumentClaims:
        return record(doc, text, [refusal_spec(text, actor, "sending US troops to Ukraine")], language=language)

    wh = Actor(text="the White House", name="White House", kind="organisation", resolved=True)
    gp = Actor(text="Gedung Putih", name=None, kind="organisation", resolved=False)
    us = Actor(text="Washington", name="United States", kind="country", iso_code="US", resolved=True)
    kremlin = Actor(text="Кремль", name=None, kind="organisation", resolved=False)
    recs = [refusal_by("a", wh, "the White House rules out sending troops", "en"),
            refusal_by("b", gp, "Gedung Putih menolak mengirim pasukan", "id"),
            refusal_by("c", us, "Washington will not send troops", "en"),
            refusal_by("d", kremlin, "Кремль не пошлёт войска", "ru")]
    groups = labels(recs, "refusal")
    assert sorted(groups.values()) == [["a", "b", "c"], ["d"]]
    assert any(k.startswith("Russia") for k in groups)
