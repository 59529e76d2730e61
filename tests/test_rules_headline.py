"""A headline restates a claim the body tells: one claim, with both spans.

A headline sums up the article in fewer words: often no date, a short name or none
("한일 외교장관 통화"), so the merge rules of the body (same place, same actor and
object) seldom join it. Its claim joins the first claim of the same type in the body
whose actors do not differ from its own; the body's fields (actor, date) stand. A
headline claim with another object or modality than the body's stays apart (a
condition the headline leaves out is no other modality), and so does one whose actors
differ.

In Chinese and Japanese, a headline's two statements are parted by a space only
("A会谈 B将提供援助"): a space between two words of these scripts ends a clause.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.roles import in_headline
from claimkit.extract.rules.support import Site
from tests._rules_helpers import actor_names, drafts, quotes


def _claims(backend: RulesBackend, title: str, body: str, lang: str) -> list[tuple[str, list[str], list[str]]]:
    """(type, actor labels, evidence quotes) of each claim of the titled article."""
    return [(d.type, actor_names(d), quotes(d))
            for d in drafts(backend, f"{title}\n\n{body}", lang, "2025-04-08", title=title)]


# (language, headline, body, type, a quote from the headline, a quote from the body)
_RESTATED = [
    ("ko", "한일 외교장관 통화",
     "박진 외교부 장관은 8일 하야시 요시마사 일본 외무상과 전화 통화를 했다. 두 장관은 경제 협력을 논의했다.",
     "meeting", "통화", "전화 통화를 했다"),
    ("ar", "الأردن يستضيف اجتماعا لوزراء الخارجية العرب",
     "استضاف الأردن يوم الاثنين اجتماعا لوزراء الخارجية العرب في عمان لبحث الأوضاع في المنطقة.",
     "meeting", "يستضيف اجتماعا", "استضاف الأردن"),
    ("id", "Malaysia Tolak Impor Beras dari Thailand",
     "Pemerintah Malaysia menolak rencana impor beras dari Thailand, kata menteri pertanian pada Senin.",
     "refusal", "Tolak", "menolak rencana impor beras"),
    # the headline leaves the condition out: firm there, conditional in the body
    ("id", "Thailand Tolak Buka Perbatasan dengan Kamboja",
     "Thailand tidak akan membuka perbatasan dengan Kamboja sebelum ada jaminan keamanan, kata juru bicara pemerintah.",
     "refusal", "Tolak", "tidak akan membuka perbatasan"),
    ("ja", "中国、輸入規制を撤回しない方針",
     "中国政府は7日、日本産水産物の輸入規制を撤回しない方針を示した。",
     "refusal", "撤回しない", "撤回しない方針を示した"),
]


@pytest.mark.parametrize(("lang", "title", "body", "type_", "in_title", "in_body"), _RESTATED,
                         ids=[c[0] for c in _RESTATED])
def test_a_headline_claim_joins_the_body_claim_it_sums_up(
    backend: RulesBackend, lang: str, title: str, body: str, type_: str, in_title: str, in_body: str
) -> None:
    claims = [c for c in _claims(backend, title, body, lang) if c[0] == type_]
    assert len(claims) == 1, claims
    quotes = claims[0][2]
    assert any(in_title in q and q in title for q in quotes), quotes
    assert any(in_body in q for q in quotes), quotes


def test_the_body_names_the_actor_the_headline_left_out(backend: RulesBackend) -> None:
    claims = _claims(
        backend,
        "한일 외교장관 통화",
        "박진 외교부 장관은 8일 하야시 요시마사 일본 외무상과 전화 통화를 했다.",
        "ko",
    )
    meetings = [c for c in claims if c[0] == "meeting"]
    assert len(meetings) == 1 and meetings[0][1], meetings


def test_a_headline_claim_with_another_object_stays_apart(backend: RulesBackend) -> None:
    # the headline pledges troops, the body's first pledge is money: two pledges
    claims = _claims(
        backend,
        "Norway pledges troops for a Baltic mission",
        "Norway will provide 50 million euros to Estonia, the defence minister said on Monday. "
        "Oslo will also send 200 soldiers to the Baltic mission.",
        "en",
    )
    pledges = [c for c in claims if c[0] == "pledge"]
    title_pledge = [c for c in pledges if any("Norway pledges troops" in q for q in c[2])]
    assert title_pledge and not any("50 million" in q for q in title_pledge[0][2]), pledges


@pytest.mark.parametrize(
    ("lang", "title", "meeting", "pledge"),
    [
        ("zh", "中日外长举行会谈 日方将向东盟提供防灾援助", "会谈", "提供防灾援助"),
        ("ja", "日韓首脳が会談　韓国に半導体材料を供与へ", "会談", "供与"),
    ],
    ids=["zh", "ja"],
)
def test_a_space_parts_a_chinese_or_japanese_headline_into_two_claims(
    backend: RulesBackend, lang: str, title: str, meeting: str, pledge: str
) -> None:
    claims = _claims(backend, title, "", lang)
    types = {c[0]: c[2] for c in claims}
    assert "meeting" in types and "pledge" in types, claims
    assert pledge not in types["meeting"][0] and meeting not in types["pledge"][0], claims


class _Watched(str):
    """A text that counts the searches for a character made in it."""

    searched = 0

    def find(self, *args: object) -> int:  # type: ignore[override]
        _Watched.searched += 1
        return super().find(*args)  # type: ignore[arg-type]


def test_a_claim_after_the_first_line_is_no_headline_without_a_look_for_the_line_end() -> None:
    """Whether a claim's sentence is the headline is asked for every claim; the first
    line's end was looked for first each time, through the whole of a text without line
    breaks (quadratic); text before the sentence answers first. A headline is still told."""
    prose = " ".join(["The minister said the government would send more aid to the region next week."] * 300)
    text = _Watched(prose)
    at = len(prose) - 80
    _Watched.searched = 0
    assert not in_headline(text, Site((at, len(prose)), (at, len(prose)), 299, []))
    assert _Watched.searched == 0
    head = "Hungary blocks EU funds for Kyiv\nThe minister said Hungary would veto the package."
    assert in_headline(head, Site((0, 32), (0, 32), 0, []))
    assert in_headline("  " + head, Site((2, 34), (2, 34), 0, []))
    assert not in_headline(head, Site((33, len(head)), (33, len(head)), 1, []))
