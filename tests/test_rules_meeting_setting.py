"""A meeting named as the setting of what is said ("会談で、", "통화에서", "dalam
pertemuan", "عقب المحادثات": at, in, after the talks) is the meeting the article
has just reported, not another one: the words that make it a setting are
``anaphor`` (before the noun) or ``anaphor_after`` (after it) words of the
language, as in tests/test_rules_meeting_after.py. The Arabic article between
such a word and the noun ("عقب المحادثات") does not keep them apart.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import quotes_of

_SETTINGS = [
    ("ja", "林外相は来週、来日するドイツのベーアボック外相と東京で会談する予定だ。林氏は会談で、"
     "新たな経済協力を表明する見通しだ。"),
    ("ja", "石破首相は2日、韓国の李在明大統領と電話で会談した。李氏は会談後の記者団の取材に、"
     "協力の重要性を強調した。"),
    ("ko", "조태열 외교부 장관은 3일 데이비드 래미 영국 외무장관과 전화 통화를 했다. 래미 장관은 "
     "통화에서 \"양국 협력을 강화하자\"고 말했다."),
    ("id", "Menteri Luar Negeri Retno Marsudi menerima kunjungan Menteri Luar Negeri Jepang "
     "Yoko Kamikawa di Jakarta, Senin (2/6). Dalam pertemuan itu, Kamikawa menyampaikan "
     "pentingnya kerja sama maritim."),
    ("id", "Presiden Joko Widodo bertemu Perdana Menteri Singapura Lawrence Wong di Bogor, Senin "
     "(2/6). Usai pertemuan, Wong mengatakan kedua negara akan memperkuat kerja sama digital."),
    ("ar", "التقى وزير الخارجية المصري بدر عبد العاطي بنظيره الأردني أيمن الصفدي في القاهرة يوم "
     "الاثنين. وقال الصفدي عقب المحادثات إن البلدين يتفقان على أولوية التهدئة."),
]


@pytest.mark.parametrize(("lang", "text"), _SETTINGS, ids=[f"{c[0]}-{i}" for i, c in enumerate(_SETTINGS)])
def test_a_meeting_named_as_a_setting_restates_the_one_reported(
    backend: RulesBackend, lang: str, text: str
) -> None:
    assert len(quotes_of(backend, text, lang, "meeting")) == 1
