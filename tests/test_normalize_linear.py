"""Actor finding stays linear in a long document and is faster, with the same mentions.

The overlap tests that looped over every span taken so far (officials x mentions,
repeats x spans taken) are now masks of the text (:class:`Occupied`), and the
officials' repeated names come from one pass over the text for all of them; the
aliases written in capitals only are looked for as written (:class:`_Automata`);
:func:`fold_case` lowers a text holding "İ" in runs, not character by character.
Each new form is checked here against the plain form it replaced, kept in this file:
on random spans, on synthetic officials, and on texts made of the officials' and the
rules' test sentences (tests/data/) cut up and run together.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.normalize import _officials, actors
from claimkit.normalize._gazetteer_index import Occupied, _Index
from claimkit.normalize._officials import Official, _Taken, _with_repeats
from claimkit.normalize.actors import _NAME_START, Gazetteer, _capitalised_inside, _lang
from claimkit.normalize.mentions import ActorMention
from claimkit.schemas import Actor, ActorKind
from claimkit.text import Script, _fold_char, fold_case, is_word_char, script_of, word_ok_before

# ------------------------------------------------------------------ references


def _overlaps_plain(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _with_repeats_plain(text: str, found: list[Official], spans: _Taken) -> list[Official]:
    """``_with_repeats`` as it was: a regex per form over the whole text, and a loop over
    every span taken for each place."""
    if not found:
        return found
    out = list(found)
    taken = [o.written for o in found]
    for o in found:
        forms = [o.name]
        last = o.name.split()[-1] if " " in o.name else ""
        if len(last) >= 3 and last[:1].isupper():
            forms.append(last)
        for form in forms:
            spaced = script_of(form[0]) in (Script.LATIN, Script.CYRILLIC)
            bounded = rf"(?<!\w){re.escape(form)}(?!\w)" if spaced else re.escape(form)
            for m in re.finditer(bounded, text):
                s, e = m.span()
                if s < o.end or spans.covering(s) is not None or any(
                        a < e and s < b for a, b in taken):
                    continue
                taken.append((s, e))
                out.append(Official(s, e, o.name, None))
    return sorted(out, key=lambda o: o.start)


def _with_officials_plain(g: Gazetteer, index: _Index, texts: tuple[str, str],
                          taken: list[tuple[int, int, int]],
                          officials: list[Official]) -> list[ActorMention]:
    """``Gazetteer.find``'s last lines as they were: officials x mentions."""
    text, folded = texts
    spans = [o.written for o in officials]
    kept = [t for t in taken if not any(s < t[1] and t[0] < e for s, e in spans)]
    found = g._with_titles(index, text, folded, kept)
    found.extend(g._official_mention(text, o) for o in officials
                 if not any(o.start < m.end and m.start < o.end for m in found))
    found.sort(key=lambda m: m.start)
    return found


# ------------------------------------------------------------------ Occupied

_SIZE = 30
_pos = st.integers(min_value=-3, max_value=_SIZE + 3)


@given(st.lists(st.tuples(st.booleans(), _pos, _pos), max_size=40))
@settings(max_examples=400, deadline=None)
def test_occupied_answers_as_the_loop(ops: list[tuple[bool, int, int]]) -> None:
    """Any spans (empty, reversed, outside the text too), added and asked in any order."""
    occupied = Occupied(_SIZE)
    spans: list[tuple[int, int]] = []
    for add, a, b in ops:
        if add:
            occupied.add(a, b)
            spans.append((a, b))
        else:
            assert occupied.overlaps(a, b) == _overlaps_plain(spans, a, b), (spans, a, b)


# ------------------------------------------------------------------ _with_repeats

_TOKENS = ["Ana", "Ana Ana", "卡卡卡", "Ortega", "Ana Ortega", "Ortegas", "xOrtega", "Ortega_", "卡茨", "卡茨卡茨",
           "Катц", "Катцу", "Paris Ortega", " ", " ", ", ", ".", "da", "Ana de Ortega"]
_NAMES = ["Ortega", "Ana Ana", "卡卡", "Ana Ortega", "卡茨", "Катц", "Ana de Ortega", "Paris Ortega", "Ana Or",
          "卡", "a Ortega"]


@st.composite
def _repeat_case(draw: Any) -> tuple[str, list[Official], _Taken]:
    text = "".join(draw(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=30)))
    n = len(text)
    where = st.integers(min_value=0, max_value=n)
    found: list[Official] = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        s = draw(where)
        e = draw(st.integers(min_value=min(s + 1, n), max_value=n))
        context = draw(st.none() | st.tuples(where, where).map(lambda p: (min(p), max(p))))
        found.append(Official(s, e, draw(st.sampled_from(_NAMES)), None, context))
    taken = [(s, s + draw(st.integers(min_value=1, max_value=6)), draw(st.integers(0, 3)))
             for s in draw(st.lists(where, max_size=5))]
    return text, found, _Taken(taken, lambda idx: idx % 2 == 0)


@given(_repeat_case())
@settings(max_examples=400, deadline=None)
def test_repeats_as_the_regex_per_form(case: tuple[str, list[Official], _Taken]) -> None:
    text, found, spans = case
    assert _with_repeats(text, found, spans) == _with_repeats_plain(text, found, spans)


def test_repeats_of_one_name_after_each_mention() -> None:
    """The repeats an official gets are the places after its own mention that an earlier
    official of the same name left (here: the earlier one is later in the text)."""
    text = "Ana Ortega x. Ortega y. Ana Ortega z. Ortega, Ortega"
    later = Official(24, 34, "Ana Ortega", None)
    earlier = Official(0, 10, "Ana Ortega", None)
    spans = _Taken([], lambda idx: False)
    got = _with_repeats(text, [later, earlier], spans)
    assert got == _with_repeats_plain(text, [later, earlier], spans)
    assert [(o.start, text[o.start:o.end]) for o in got] == [
        (0, "Ana Ortega"), (14, "Ortega"), (24, "Ana Ortega"), (38, "Ortega"), (46, "Ortega")]


def test_repeats_of_a_name_that_overlaps_itself() -> None:
    """As ``re.finditer``: a place overlapping the one before is no place of the form,
    even when that one is refused (here: it starts inside the official's mention)."""
    text = "Ana Ana Ana, Ana Ana"
    spans = _Taken([], lambda idx: False)
    found = [Official(0, 3, "Ana Ana", None)]
    got = _with_repeats(text, found, spans)
    assert got == _with_repeats_plain(text, found, spans)
    # "Ana Ana" at 4 overlaps the one at 0: not a place; its last word "Ana" is
    assert [(o.start, o.end) for o in got] == [(0, 3), (4, 7), (8, 11), (13, 20)]


# ------------------------------------------------------------------ Gazetteer.find

_CASES = [json.loads(line) for line in
          (Path(__file__).parent / "data" / "actors_officials.jsonl").read_text("utf-8").splitlines()
          if line.strip()]
_PIECES = sorted({p for c in _CASES for p in re.split(r"(?<=[ ,，、])", c["text"]) if p})
_LANGS = sorted({c["lang"] for c in _CASES})


@functools.cache
def _gazetteer() -> Gazetteer:
    """A gazetteer of these tests' own: the default one remembers each official's group
    by the text written (first come), which cut-up texts would set for other tests."""
    return Gazetteer.load()


def _find_plain(g: Gazetteer, text: str, lang: str | None) -> list[ActorMention]:
    with mock.patch.object(Gazetteer, "_with_officials", _with_officials_plain), \
            mock.patch.object(_officials, "_with_repeats", _with_repeats_plain):
        return g.find(text, language=lang)


@given(st.lists(st.sampled_from(_PIECES) | st.sampled_from([c["text"] for c in _CASES]),
                min_size=1, max_size=40),
       st.none() | st.sampled_from(_LANGS))
@settings(max_examples=150, deadline=None)
def test_find_as_before_on_officials_cut_up(pieces: list[str], lang: str | None) -> None:
    g = _gazetteer()
    text = "".join(pieces)
    assert g.find(text, language=lang) == _find_plain(g, text, lang)


def test_find_as_before_on_a_long_text_of_officials() -> None:
    """Every officials' sentence, five times over in a row: many officials, many repeats."""
    g = _gazetteer()
    text = " ".join(c["text"] for c in _CASES * 5)
    for lang in (None, "en", "ru", "zh", "ja", "ko", "ar"):
        found = g.find(text, language=lang)
        assert found == _find_plain(g, text, lang)
        assert len(found) > len(_CASES)


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8), st.integers(0, 8)),
                min_size=1, max_size=8),
       st.lists(st.integers(0, 40), max_size=6))
@settings(max_examples=200, deadline=None)
def test_officials_merged_as_before(officials: list[tuple[int, int, int]], starts: list[int]) -> None:
    """Synthetic officials that overlap each other and the gazetteer's mentions."""
    g = _gazetteer()
    index = g._built()
    text = "Prime Minister Keir Starmer met Ana Ortega in France and Mr Katz."
    folded = text.lower()
    found = [Official(s, s + n, text[s:s + n], None, (max(0, s - c), s + n) if c else None)
             for s, n, c in officials]
    taken = sorted({(s, s + 5, g._by_name[("France", "country")]) for s in starts})
    assert g._with_officials(index, (text, folded), taken, found) == _with_officials_plain(
        g, index, (text, folded), taken, found)


# ------------------------------------------------------------------ alias automata


_ONE: dict[int, Any] = {}


def _one_automaton(index: _Index) -> Any:
    """One automaton of every folded key, as the gazetteer had (built once per index)."""
    import ahocorasick

    if id(index) not in _ONE:
        automaton = ahocorasick.Automaton()
        for key, aliases in index.automata.keys.items():
            if key:
                automaton.add_word(key, (len(key), tuple(aliases)))
        automaton.make_automaton()
        _ONE[id(index)] = automaton
    return _ONE[id(index)]


def _trie_candidates_plain(g: Gazetteer, index: _Index, text: str, folded: str,
                           lang: str | None) -> list[tuple[int, int, int]]:
    """``Gazetteer._trie_candidates`` as it was: one automaton of every folded key."""
    automaton = _one_automaton(index)
    best: dict[int, tuple[int, int]] = {}
    adjectives: dict[tuple[int, int], int] = {}
    named: set[tuple[int, int]] = set()
    name_keys: dict[tuple[int, int], int] = {}
    for last, (length, aliases) in automaton.iter(folded):
        i, j = last + 1 - length, last + 1
        if _NAME_START.match(text, i) is None or (is_word_char(text[i]) and not word_ok_before(text, i)):
            continue
        hits = g._alias_hits(index, aliases, text, folded, (i, j), lang, (adjectives, named, name_keys))
        if len(hits) == 1:
            (entry, end), = hits.items()
            if i not in best or end >= best[i][0]:
                best[i] = (end, entry)
    return [(i, end, entry) for i, (end, entry) in best.items()
            if (i, end) not in adjectives or (i, end) in named
            or name_keys.get((i, end), 0) > adjectives[(i, end)]
            or ((i, end) in name_keys and _capitalised_inside(text, i, lang))
            or index.nouns.qualifies(folded, i, end, lang)]


def _sentences() -> Iterator[tuple[str, str]]:
    for path in sorted((Path(__file__).parent / "data" / "rules_sentences").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                yield path.stem, json.loads(line)["text"]


_SENTENCES = list(_sentences())
#: the same texts in capitals and in title case too: capitals-only aliases ("US", "UN")
#: then meet their own letters in every word
_CASED = [str, str.upper, str.title, str.lower]


@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=12),
       st.sampled_from(_CASED), st.booleans(), st.sampled_from(["", "’", "‘"]))
@settings(max_examples=200, deadline=None)
def test_alias_hits_as_one_automaton(picked: list[tuple[str, str]], case: Any, with_lang: bool,
                                     quote: str) -> None:
    g = _gazetteer()
    index = g._built()
    text = case(" ".join(t for _, t in picked)).replace("'", quote or "'")
    lang = _lang(picked[0][0]) if with_lang else None
    folded = fold_case(text)
    assert sorted(g._trie_candidates(index, text, folded, lang)) == sorted(
        _trie_candidates_plain(g, index, text, folded, lang))


def test_alias_hits_as_one_automaton_on_every_sentence() -> None:
    g = _gazetteer()
    index = g._built()
    for lang, text in _SENTENCES:
        for case in _CASED:
            t = case(text)
            folded = fold_case(t)
            assert sorted(g._trie_candidates(index, t, folded, lang)) == sorted(
                _trie_candidates_plain(g, index, t, folded, lang)), t


def test_capitals_only_aliases_match_as_written() -> None:
    found = [(m.text, m.actor.label) for m in _gazetteer().find(
        "The US and the UN met; us, as un, uk. The EU’s envoy and the U.S. side.", language="en")]
    assert {"United States", "United Nations", "European Union"} <= {label for _, label in found}
    assert not any(text in ("us", "as", "un", "uk") for text, _ in found)
    assert found == [(m.text, m.actor.label) for m in _find_plain(
        _gazetteer(), "The US and the UN met; us, as un, uk. The EU’s envoy and the U.S. side.", "en")]


def test_a_key_with_other_aliases_stays_folded() -> None:
    """"NATO" and "Nato" share a key: "Nato" matches any capitalised form ("NATo"), as before."""
    g = _gazetteer()
    text = "Nato and NATO; Хамас и ХАМАС; nato, NATo."
    found = [(m.text, m.actor.label) for m in g.find(text)]
    assert found == [(m.text, m.actor.label) for m in _find_plain(g, text, None)]
    assert [t for t, _ in found] == ["Nato", "NATO", "Хамас", "ХАМАС", "NATo"]


# ------------------------------------------------------------------ fold_case


def _fold_case_plain(s: str) -> str:
    for quote in "’‘＇`ʼ":
        s = s.replace(quote, "'")
    low = s.lower()
    return low if len(low) == len(s) else "".join(_fold_char(c) for c in s)


@given(st.text(alphabet=st.sampled_from(list("İIıiΣσςaAΣ ’'`.-ŞşĞğÇçÖöÜü") + ["ﬀ", "ẞ", "Ǆ"]),
               max_size=40))
@settings(max_examples=500, deadline=None)
def test_fold_case_as_character_by_character(s: str) -> None:
    assert fold_case(s) == _fold_case_plain(s)
    assert fold_case("İ" + s) == _fold_case_plain("İ" + s)


class _CountingWords:
    """A stand-in for ``actors._LONG_WORD`` that counts the words a caller reads from it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        for m in self.pattern.finditer(text, pos, endpos):
            self.read += 1
            yield m

    def findall(self, text: str, pos: int, endpos: int) -> list[str]:
        found = self.pattern.findall(text, pos, endpos)
        self.read += len(found)
        return found


def test_a_line_in_title_case_is_told_without_reading_a_long_line_whole() -> None:
    """Whether a name stands in a headline in title case is asked for many names; a text
    without line breaks (one line of prose) was read whole each time: quadratic. The first
    longer word in lower case answers; a headline is still told."""
    prose = " ".join(["The foreign minister said the government would send more aid to the region next week."] * 400)
    headline = "Hungary Blocks Union Funds For Kyiv\n" + prose
    counting = _CountingWords(actors._LONG_WORD)
    with mock.patch.object(actors, "_LONG_WORD", counting):
        assert not actors._title_case_line(prose, len(prose) // 2)
        assert counting.read <= 3
        assert actors._title_case_line(headline, 8)
        assert not actors._title_case_line("Hungary Blocks\n" + prose, 0)  # two longer words: no headline


class _CountedMention(ActorMention):
    """A mention that counts the reads of its end."""

    reads = 0

    def __getattribute__(self, name: str) -> Any:
        if name == "end":
            _CountedMention.reads += 1
        return super().__getattribute__(name)


def test_groups_are_added_without_a_loop_over_every_mention_for_each_group() -> None:
    """A long text names many groups in no gazetteer and many actors: the mentions a group
    overlaps are looked up by their starts, not by a loop over all of them for each group
    (quadratic: hundreds of groups times thousands of mentions). The groups and mentions
    kept are the same."""
    sentence = "Fighters of the Rapid Support Forces attacked the town, officials in Sudan said. "
    text = sentence * 300
    country = Actor(text="Sudan", name="Sudan", kind=ActorKind.country)
    found = [_CountedMention(i + sentence.index("Sudan"), i + sentence.index("Sudan") + 5, "Sudan", country)
             for i in range(0, len(text), len(sentence))]
    _CountedMention.reads = 0
    out = actors._with_groups(text, list(found), actors._GROUPS["en"])
    assert _CountedMention.reads < 20 * len(found)
    assert [m.text for m in out[:2]] == ["Rapid Support Forces", "Sudan"]
    assert len(out) == 2 * len(found)
