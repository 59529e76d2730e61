"""A Korean day after a month word is a day of that month: "다음 달 1일" (the 1st of next
month), "내달 5일", "지난달 3일", "이달 25일"; a bare day ("24일") stays a day of the
publication's month, or of the month before when it lies after publication.

Every sentence is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.normalize import find_dates

PUB = dt.date(2025, 10, 14)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("정부는 다음 달 1일부터 새 관세를 부과하겠다고 밝혔다.", "2025-11-01"),
        ("양국은 다음달 3일 서울에서 회담을 열기로 했다.", "2025-11-03"),
        ("외교부는 내달 5일 대표단을 파견한다.", "2025-11-05"),
        ("장관은 지난달 3일 기자회견에서 지원을 약속했다.", "2025-09-03"),
        ("회의는 이달 25일 부산에서 열린다.", "2025-10-25"),
    ],
)
def test_a_day_after_a_month_word_is_of_that_month(text: str, value: str) -> None:
    assert [d.date.value for d in find_dates(text, published=PUB, language="ko")] == [value]
