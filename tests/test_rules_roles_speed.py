"""The rules backend's per-claim work made faster gives what the plain forms gave.

Each fast form built once per document (:class:`claimkit.extract.rules.roles.Memo`)
is checked against the plain implementation it replaced, kept here as the reference,
on generated inputs (hypothesis). Speed itself is measured in ``bench/extract.py``
(``--against REV``), not here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.extract.rules.roles import _ATTRIBUTIVE, _Keywords, _with_seats
from claimkit.extract.rules.support import Mention, within

# ------------------------------------------------------------------ keyword maps


@dataclass
class _Lang:
    code: str
    fields: dict[str, dict[str, object]] = field(default_factory=dict)
    negation_after: bool = False


@dataclass
class _Scan:
    """What :class:`claimkit.extract.rules.support.CueScan` answers: each (language,
    category)'s matches, not overlapping, by start; ``spans`` as the real one slices."""

    text: str
    matches: dict[tuple[str, str], list[tuple[int, int]]]

    def spans(self, lc: _Lang, category: str, start: int, end: int) -> list[tuple[int, int]]:
        found = self.matches.get((lc.code, category), [])
        starts, ends = [s for s, _ in found], [e for _, e in found]
        i = bisect_left(starts, start)
        return found[i : bisect_right(ends, end, i)]

    def has(self, lc: _Lang, category: str, start: int, end: int) -> bool:
        if start >= end:
            return False
        found = self.matches.get((lc.code, category), [])
        i = bisect_left([s for s, _ in found], start)
        return i < len(found) and found[i][1] <= end


def _earliest(scan: _Scan, span: tuple[int, int], key: str, langs: Sequence[_Lang], *, last: bool = False) -> str | None:
    """The reference: every value of every language looked up in turn (as it was)."""
    best: tuple[int, str] | None = None
    for lc in langs:
        for value in lc.fields[key]:
            found = scan.spans(lc, f"{key}={value}", *span)
            if not found:
                continue
            at = found[-1][0] if last else found[0][0]
            if best is None or (at > best[0] if last else at < best[0]):
                best = (at, value)
    return best[1] if best is not None else None


def _first_in_order(scan: _Scan, span: tuple[int, int], key: str, langs: Sequence[_Lang], order: Sequence[str]) -> str | None:
    """The reference: each value of ``order`` looked up in each language in turn (as it was)."""
    for value in order:
        for lc in langs:
            if value in lc.fields[key] and scan.has(lc, f"{key}={value}", *span):
                return value
    return None


_SIZE = 60


@st.composite
def _matches(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Matches that do not overlap (they may touch), in order."""
    out: list[tuple[int, int]] = []
    at = draw(st.integers(0, 10))
    for _ in range(draw(st.integers(0, 5))):
        length = draw(st.integers(1, 8))
        if at + length > _SIZE:
            break
        out.append((at, at + length))
        at += length + draw(st.integers(0, 6))
    return out


@st.composite
def _keyword_scans(draw: st.DrawFn) -> tuple[_Scan, list[_Lang]]:
    langs: list[_Lang] = []
    matches: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for code in draw(st.lists(st.sampled_from(["en", "fr", "de"]), min_size=1, max_size=3, unique=True)):
        values = draw(st.lists(st.sampled_from(["troops", "aid", "arms", "money"]), max_size=4, unique=True))
        langs.append(_Lang(code, {"pledge.what": dict.fromkeys(values)}))
        for value in values:
            matches[(code, f"pledge.what={value}")] = draw(_matches())
    if draw(st.booleans()):
        langs.append(_Lang("xx"))  # a language without the map
    return _Scan("x" * _SIZE, matches), langs


@settings(max_examples=400, deadline=None)
@given(_keyword_scans(), st.integers(-2, _SIZE + 2), st.integers(-2, _SIZE + 2))
def test_the_keyword_table_gives_the_value_every_lookup_gave(scan_langs: tuple[_Scan, list[_Lang]], lo: int, hi: int) -> None:
    scan, langs = scan_langs
    having = [lc for lc in langs if "pledge.what" in lc.fields]
    table = _Keywords(scan, "pledge.what", having)  # type: ignore[arg-type]
    assert table.earliest(lo, hi) == _earliest(scan, (lo, hi), "pledge.what", having)
    assert table.last(lo, hi) == _earliest(scan, (lo, hi), "pledge.what", having, last=True)
    for order in (["troops", "aid", "arms", "money"], ["money", "arms"], ["aid", "other"], []):
        assert table.first_of(order, lo, hi) == _first_in_order(scan, (lo, hi), "pledge.what", having, order)


def test_of_two_values_starting_together_the_one_listed_first_wins() -> None:
    lang = _Lang("en", {"k": {"b": None, "a": None}})
    scan = _Scan("x" * 20, {("en", "k=a"): [(2, 5)], ("en", "k=b"): [(2, 4)]})
    table = _Keywords(scan, "k", [lang])  # type: ignore[arg-type]
    assert table.earliest(0, 20) == "b" == _earliest(scan, (0, 20), "k", [lang])
    assert table.last(0, 20) == "b" == _earliest(scan, (0, 20), "k", [lang], last=True)
    assert table.earliest(0, 4) == "b" and table.earliest(3, 20) is None


# --------------------------------------------------------- actors and capitals


@dataclass(frozen=True)
class _Scene:
    text: str
    actors: Sequence[Mention]
    seats: Sequence[Mention]


def _named(scene: _Scene, lo: int, hi: int) -> list[Mention]:
    """The reference: actors and capitals looked up and merged for each span (as it was)."""
    found = within(scene.actors, lo, hi)
    seats = within(scene.seats, lo, hi) if scene.seats else ()
    # (a capital opening a dateline is left out of the scene's seats once per document, by
    # claimkit.extract.rules.dateline: tests/test_rules_dateline.py)
    seats = [m for m in seats if not _ATTRIBUTIVE.match(scene.text, m.end)]
    if not seats:
        return list(found)
    return sorted([*found, *seats], key=lambda m: m.start)


@st.composite
def _mentions(draw: st.DrawFn, tag: str) -> list[Mention]:
    spans = draw(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 9)), max_size=8))
    return sorted((Mention(s, s + n, f"{tag}{i}") for i, (s, n) in enumerate(spans)), key=lambda m: (m.start, m.end))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab A-", min_size=60, max_size=60),
    _mentions("actor"),
    _mentions("seat"),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_the_merged_actors_give_what_each_lookup_merged(
    text: str, actors: list[Mention], seats: list[Mention], lo: int, hi: int
) -> None:
    scene = _Scene(text, actors, seats)
    assert list(within(_with_seats(scene), lo, hi)) == _named(scene, lo, hi)  # type: ignore[arg-type]


# ------------------------------------------------------------- quotes, sentences


def _quoted(text: str, start: int, at: int) -> bool:
    """The reference: the marks counted and looked for on every call (as it was)."""
    before = text[max(0, start - 2) : at]
    if before.count('"') % 2:
        return True
    return any(before.rfind(o) > before.rfind(c) for o, c in (("“", "”"), ("«", "»"), ("„", "“"), ("「", "」"), ("‘", "’")))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='ab "“”«»„「」‘’.', max_size=40), st.integers(0, 42), st.integers(0, 42))
def test_a_quote_is_found_open_as_the_marks_counted_found_it(text: str, start: int, at: int) -> None:
    from claimkit.extract.rules.roles import quoted

    assert quoted(text, start, at) == _quoted(text, start, at)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 9)), max_size=10), st.integers(0, 12), st.integers(0, 90))
def test_the_sentence_holding_a_mark_is_found_without_walking_to_the_end(
    gaps: list[tuple[int, int]], index: int, at: int
) -> None:
    from claimkit.extract.rules.roles import _from
    from claimkit.extract.rules.text import Sentence

    sentences, pos = [], 0
    for gap, length in gaps:
        sentences.append(Sentence(pos + gap, pos + gap + length))
        pos += gap + length
    plain = next((s.end for s in sentences[index:] if s.start <= at < s.end), -1)
    assert next((s.end for s in _from(sentences, index, at) if at < s.end), -1) == plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab -,.", max_size=30), st.integers(0, 32), st.integers(0, 32))
def test_a_cue_ends_its_clause_as_the_counted_words_said(text: str, end: int, clause_end: int) -> None:
    import re

    from claimkit.extract.rules.roles import _verb_last
    from claimkit.extract.rules.support import Hit

    hit = Hit(0, end, "pledge", _Lang("en"))  # type: ignore[arg-type]
    plain = len(re.findall(r"\w+", text[end:clause_end])) <= 2 if end <= clause_end else True
    assert _verb_last(text, hit, (0, clause_end)) == plain
