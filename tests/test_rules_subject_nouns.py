"""A Japanese cue word followed by the subject or topic particle is a noun, no claim:
"国際社会の約束が実行されなければ" (if the international community's promises are not
carried out), "支援の約束は果たされていない" (the promise of aid has not been kept):
``nominal`` words after the cue in a verb-final language ("が", "は" as "について" before).
The verb stays a claim: "支援を約束した".

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts


@pytest.mark.parametrize(
    "text",
    [
        "国際社会の約束が実行されなければ、人道危機はさらに深刻化する。",
        "支援の約束は果たされていない。",
    ],
)
def test_a_promise_as_subject_is_no_claim(backend: RulesBackend, text: str) -> None:
    # the harm foretold after the condition is a warning of its own (test_rules_worsening.py)
    assert {d.type for d in drafts(backend, text, "ja")} <= {"warning"}


@pytest.mark.parametrize(
    "text",
    [
        "日本はウクライナに5億ドルの支援を約束した。",
        "岸田首相は追加支援を約束し、協力を強調した。",
    ],
)
def test_a_promise_made_is_a_pledge(backend: RulesBackend, text: str) -> None:
    assert [d.type for d in drafts(backend, text, "ja")] == ["pledge"]
