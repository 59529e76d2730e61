"""Sanctions or aid under consideration are tentative pledges in the verb-final languages
too, as "is considering sanctions", "erwägt ... Sanktionen", "rozważa sankcje" are: Japanese
"制裁を検討", Korean "제재를 검토" (제재 is an action word the hedge 검토 composes with, as
지원 was), Turkish "yaptırım uygulamayı değerlendiriyor". Every case failed before."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, drafts, of_type


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        ("ja", "日本政府は追加制裁を検討していると明らかにした。", "Japan"),
        ("ja", "カナダ政府はトルコへの緊急支援を検討している。", "Canada"),
        ("ja", "オーストラリアは被災国への人道援助を検討中だ。", "Australia"),
        ("ko", "일본 정부는 추가 제재를 검토하고 있다고 밝혔다.", "Japan"),
        ("ko", "캐나다는 러시아에 대한 새로운 제재를 검토 중이다.", "Canada"),
        ("tr", "Türkiye, İsrail'e yeni yaptırımlar uygulamayı değerlendiriyor.", "Turkey"),
        ("tr", "Japonya, Rusya'ya ek yaptırım uygulamayı değerlendirdiğini açıkladı.", "Japan"),
    ],
)
def test_considered_sanctions_or_aid(backend: RulesBackend, lang: str, text: str, actor: str) -> None:
    pledges = of_type(backend, text, lang, "pledge", "2026-05-03")
    assert pledges, [d.type for d in drafts(backend, text, lang, "2026-05-03")]
    assert actor in actor_names(pledges[0])
    assert pledges[0].fields.get("modality") == "tentative"
