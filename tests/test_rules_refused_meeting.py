"""A meeting an actor refuses to attend is named again later in the article: that is the
refused meeting told again, no meeting report ("China will not attend the peace summit
... Mao said the summit arrangements fell short", "中方将不出席 ... 和平峰会 ... 中方缺席将
削弱峰会的代表性"). Only the noun the refusal governs (its object, right after the refusal
cue, before it in verb-final languages) counts, and a later mention that names a person
the refusal does not (another attends instead) or a date of its own reports a meeting.

Every text is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_TOLD_AGAIN = [
    ("en", "China will not attend the peace summit in Switzerland this month, Mao Ning said on Monday.\n\n"
     "Mao said the summit arrangements fell short of expectations.\n\n"
     "Analysts said China's absence would weaken the summit."),
    ("zh", "中方将不出席本月在瑞士举行的和平峰会。\n\n毛宁说，峰会安排与中方的要求仍有较大差距。\n\n"
     "分析人士认为，中方缺席将削弱峰会的代表性。"),
]


@pytest.mark.parametrize(("lang", "text"), _TOLD_AGAIN, ids=[t[0] for t in _TOLD_AGAIN])
def test_a_refused_meeting_named_again_is_no_meeting(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["refusal"]


_ANOTHER_MEETING = [
    ("en", "Hungary will boycott the EU summit in Brussels, Viktor Orban said on Monday.\n\n"
     "Instead, Foreign Minister Peter Szijjarto will attend the summit."),
    ("en", "The United States suspended military aid to push Kyiv to the negotiating table.\n\n"
     "Washington is also holding negotiations with Moscow on a ceasefire."),
    ("ja", "岩屋外相は来週の外相会合に出席しない方向で調整に入った。\n\n"
     "外相会合には代わりに宮路拓馬外務副大臣が出席する。"),
]


@pytest.mark.parametrize(("lang", "text"), _ANOTHER_MEETING, ids=[t[0] + str(i) for i, t in enumerate(_ANOTHER_MEETING)])
def test_a_meeting_someone_else_attends_or_not_refused_stays(backend: RulesBackend, lang: str, text: str) -> None:
    assert "meeting" in {d.type for d in drafts(backend, text, lang)}
