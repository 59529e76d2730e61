"""Later mentions of a meeting the article has already reported, in several languages.

A sentence on a reported meeting's course, a participant who also attended it, or what
someone said after it restates that meeting (one claim, one more span), even when it
names an actor of its own: the meeting noun is determined ("the meeting", "diese
Gespräche", "la réunion", "этой встрече", "この会談", "cuộc họp này"). When the article
reports two meetings, a later mention joins the one it shares participants, place or
date with, the nearest otherwise. A determined noun with a place or date of its own that
differs is another meeting, and so is one dated after it ("agreed to meet again in
October").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import of_type, quotes


def _meetings(backend: RulesBackend, text: str, lang: str) -> list[tuple[set[str], list[str]]]:
    """Each meeting claim's participants and evidence quotes."""
    return [({p.label for p in d.fields.get("participants") or []}, quotes(d))
            for d in of_type(backend, text, lang, "meeting", "2025-06-04")]


# a participant who also attended, or a speaker after the meeting: one meeting, that
# participant added to it
_JOINS = [
    ("en", "Emmanuel Macron met Olaf Scholz in Berlin on Monday. "
           "Giorgia Meloni also attended the meeting.", "Giorgia Meloni"),
    ("en", "Emmanuel Macron hosted Olaf Scholz in Paris on Monday. "
           "Pedro Sánchez said after the talks that Spain would send more aid.", "Pedro Sanchez"),
    ("de", "Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten "
           "Emmanuel Macron. Auch Giorgia Meloni nahm an dem Treffen teil.", "Giorgia Meloni"),
    ("fr", "Emmanuel Macron a rencontré Olaf Scholz lundi à Berlin. "
           "Giorgia Meloni a également participé à la réunion.", "Giorgia Meloni"),
    ("ru", "Эммануэль Макрон встретился с Олафом Шольцем в Берлине в понедельник. "
           "Джорджа Мелони также приняла участие в этой встрече.", "Giorgia Meloni"),
    ("ja", "マクロン大統領は月曜日にベルリンでショルツ首相と会談した。"
           "メローニ首相もこの会談に出席した。", "Giorgia Meloni"),
    ("vi", "Tổng thống Pháp Emmanuel Macron đã gặp Thủ tướng Đức Olaf Scholz tại Berlin hôm thứ Hai. "
           "Thủ tướng Italy Giorgia Meloni cũng tham dự cuộc họp này.", "Giorgia Meloni"),
    ("id", "Presiden Prancis Emmanuel Macron bertemu Kanselir Jerman Olaf Scholz di Berlin pada hari Senin. "
           "Perdana Menteri Italia Giorgia Meloni juga hadir dalam pertemuan tersebut.", "Giorgia Meloni"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "joined"), _JOINS, ids=[f"{j[0]}:{i}" for i, j in enumerate(_JOINS)])
def test_a_later_mention_of_the_meeting_restates_it(
    backend: RulesBackend, lang: str, text: str, joined: str
) -> None:
    meetings = _meetings(backend, text, lang)
    assert len(meetings) == 1, meetings
    participants, quotes = meetings[0]
    assert len(quotes) == 2, quotes
    assert {"Emmanuel Macron", joined} <= participants, participants


# another meeting: no determiner, or a determined one with a place of its own that differs
_APART = [
    ("en", "Emmanuel Macron met Olaf Scholz in Berlin on Monday. "
           "On Friday, Giorgia Meloni met Pedro Sánchez in Madrid."),
    ("en", "Emmanuel Macron met Olaf Scholz in Berlin on Monday. "
           "Giorgia Meloni will attend the summit in Rome next month."),
    ("de", "Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten "
           "Emmanuel Macron. Giorgia Meloni nahm an dem Gipfel in Rom teil."),
    ("fr", "Emmanuel Macron a rencontré Olaf Scholz lundi à Berlin. "
           "Giorgia Meloni a participé à la réunion de Madrid."),
    ("ru", "Эммануэль Макрон встретился с Олафом Шольцем в Берлине в понедельник. "
           "В пятницу Джорджа Мелони провела переговоры с Педро Санчесом в Мадриде."),
    ("id", "Presiden Prancis Emmanuel Macron bertemu Kanselir Jerman Olaf Scholz di Berlin pada hari Senin. "
           "Perdana Menteri Italia Giorgia Meloni juga hadir dalam pertemuan tersebut di Roma."),
    # a follow-up dated after the meeting is another one: "agreed to meet again in October"
    ("vi", "Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Malaysia Anwar Ibrahim tại Hà Nội ngày 3/6. "
           "Hai nhà lãnh đạo nhất trí sẽ gặp lại vào tháng 11."),
    ("id", "Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin (2/6/2025). "
           "Kedua pemimpin sepakat untuk kembali bertemu pada Oktober mendatang."),
    ("zh", "6月2日，王毅在北京同法国外长巴罗举行会谈。双方商定10月再次会晤。"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), _APART, ids=[f"{a[0]}:{i}" for i, a in enumerate(_APART)])
def test_another_meeting_stays_apart(backend: RulesBackend, lang: str, text: str) -> None:
    meetings = _meetings(backend, text, lang)
    assert len(meetings) == 2, meetings


# two meetings reported, then a mention sharing participants with the first: it joins the
# first, not the latest
_CHOICE = [
    ("en", "Emmanuel Macron met Olaf Scholz in Berlin on Monday. "
           "On Tuesday, Giorgia Meloni held a phone call with Pedro Sánchez. "
           "Scholz said the meeting with Macron had focused on air defence."),
    ("fr", "Emmanuel Macron a rencontré Olaf Scholz lundi à Berlin. "
           "Mardi, Giorgia Meloni s'est entretenue au téléphone avec Pedro Sánchez. "
           "Selon Olaf Scholz, la réunion avec Emmanuel Macron a porté sur la défense aérienne."),
    ("ru", "Эммануэль Макрон встретился с Олафом Шольцем в Берлине в понедельник. "
           "Во вторник Джорджа Мелони провела телефонный разговор с Педро Санчесом. "
           "По словам Шольца, эта встреча с Макроном была посвящена противовоздушной обороне."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), _CHOICE, ids=[f"{c[0]}:{i}" for i, c in enumerate(_CHOICE)])
def test_a_mention_joins_the_meeting_it_shares_participants_with(
    backend: RulesBackend, lang: str, text: str
) -> None:
    meetings = _meetings(backend, text, lang)
    assert len(meetings) == 2, meetings
    first = next(m for m in meetings if "Olaf Scholz" in m[0] and "Emmanuel Macron" in m[0])
    assert len(first[1]) == 2, meetings


# a mention with no participant or actor of its own joins the meeting of its format (a
# video conference), not the in-person meeting reported in between
_FORMAT = [
    ("ru", "Министры обороны НАТО провели видеоконференцию в среду. "
           "В четверг Сергей Лавров встретился с Айманом Сафади в Москве. "
           "В видеоконференции также участвовал американский генерал."),
    ("de", "Die NATO-Verteidigungsminister hielten am Mittwoch eine Videokonferenz ab. "
           "Am Donnerstag traf Sergej Lawrow in Moskau den jordanischen Außenminister Aiman Safadi. "
           "An der Videokonferenz nahm auch ein amerikanischer General teil."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), _FORMAT, ids=[f"{c[0]}:{i}" for i, c in enumerate(_FORMAT)])
def test_a_mention_joins_the_meeting_of_its_format(backend: RulesBackend, lang: str, text: str) -> None:
    meetings = _meetings(backend, text, lang)
    assert len(meetings) == 2, meetings
    nato = next(m for m in meetings if "NATO" in m[0])
    assert len(nato[1]) == 2, meetings


def test_sharing_nothing_a_mention_joins_the_nearest_meeting(backend: RulesBackend) -> None:
    text = ("Emmanuel Macron met Olaf Scholz in Berlin on Monday. "
            "Giorgia Meloni met Pedro Sánchez in Madrid on Tuesday. The talks lasted four hours.")  # fmt: skip
    meetings = _meetings(backend, text, "en")
    assert len(meetings) == 2, meetings
    madrid = next(m for m in meetings if "Giorgia Meloni" in m[0])
    assert madrid[1][-1] == "The talks lasted four hours", meetings
